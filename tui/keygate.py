"""Keys typed ahead land where they were meant.

Textual hands a key to the focused widget's queue and goes on with the next key at once; a Tab
(or an Enter that moves to the next field) only moves the focus after the key has travelled up
the widget tree and back to the app, by which time the rest of a burst (a fast typist, an SSH
link delivering keystrokes in packets: `pengguna<Tab>sandi`) has gone to the old field. The
gate holds every key until the one before it has been handled: the screen's widgets and the
app have nothing left in their queues (or half a second has passed, so a busy screen never
swallows typing)."""

from __future__ import annotations

import asyncio
from collections import deque
from time import monotonic

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

PATIENCE = 0.5  # seconds a key may keep the next one waiting


def typed(event: events.Event) -> bool:
    """A key from the terminal, not yet given to a widget."""
    return isinstance(event, events.Key) and not event.is_forwarded


def pending(pump: MessagePump) -> bool:
    return not pump._message_queue.empty() or bool(pump._next_callbacks)


class KeyGate:
    def __init__(self, app: App):
        self.app = app
        self.held: deque[events.Key] = deque()
        self.since: float | None = None  # when the key in flight was given to the app

    def hold(self, event: events.Event) -> bool:
        """Keep a typed key while the one before it is still in flight; True if kept."""
        if not typed(event) or self.since is None:
            return False
        self.held.append(event)
        return True

    def sent(self) -> None:
        """A typed key was given to the app: the next waits until it has been handled."""
        self.since = monotonic()
        self.app.call_later(self.release)

    def busy(self) -> bool:
        """Anything but typed keys still queued in the app or the current screen's widgets."""
        app = self.app
        if any(not typed(m) for m in app._message_queue.values if m is not None):
            return True
        try:
            screen = app.screen
        except Exception:  # no screen yet, or the app is closing
            return False
        return not screen.is_mounted or any(
            pending(node) for node in screen.walk_children(with_self=True)
        )

    async def release(self) -> None:
        """Once the key in flight is handled, give the app the next held key."""
        await asyncio.sleep(0)
        if self.busy() and monotonic() - self.since < PATIENCE:
            self.app.call_later(self.release)
            return
        self.since = None
        if self.held:
            await self.app.on_event(self.held.popleft())
