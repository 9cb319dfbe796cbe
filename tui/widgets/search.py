"""Searching as the user types, off the event loop: the query runs SEARCH_DELAY after the
last change (each keystroke starts the wait again), on a thread with its own database
connection; only the newest search's result is shown, on the event loop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode
from textual.worker import Worker

from tui.widgets.live_table import read

SEARCH_DELAY = 0.25  # seconds without a keystroke before the query runs


class Search:
    """The search of one screen: `fetch()` (on the event loop) returns the model read to run
    in the thread, capturing what was typed; `show(result)` applies what it read, `refuse(text)`
    says a model or database refusal."""

    def __init__(
        self,
        node: DOMNode,
        fetch: Callable[[], Callable[[], Any]],
        show: Callable[[Any], None],
        refuse: Callable[[str], None],
    ) -> None:
        self.node, self.fetch, self.show, self.refuse = node, fetch, show, refuse
        self.worker: Worker | None = None

    @property
    def busy(self) -> bool:
        """A search is waiting for the typing to pause, or running: what is shown is old."""
        return self.worker is not None and not self.worker.is_finished

    def changed(self) -> None:
        """Something typed: search once the typing pauses (a waiting search is dropped)."""
        self._start(SEARCH_DELAY)

    def now(self) -> None:
        """Search at once (the screen opened, or what is searched changed)."""
        self._start(0)

    def _start(self, delay: float) -> None:
        self.worker = self.node.run_worker(
            self._run(self.fetch(), delay), group=f"search-{id(self)}", exclusive=True
        )

    async def _run(self, fetch: Callable[[], Any], delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        result = await asyncio.to_thread(read, fetch)
        if isinstance(result, Exception):
            self.refuse(str(result))
        else:
            self.show(result)
