"""Searching as the user types, off the event loop: the query runs SEARCH_DELAY after the
last change (each keystroke starts the wait again), on a thread with its own database
connection; only the newest search's result is shown, on the event loop, and a search that
found nothing for what was typed says so."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import Any

from textual.dom import DOMNode
from textual.worker import Worker

from tui.widgets.live_table import read

SEARCH_DELAY = 0.25  # seconds without a keystroke before the query runs


class Search:
    """The search of one screen: `fetch()` (on the event loop) returns the model read to run
    in the thread, capturing what was typed; `show(result)` applies what it read, `refuse(text)`
    says a model or database refusal. With `typed` (what is typed now) a result that `found`
    counts empty is said "tidak ditemukan" through `refuse`, after `show`; refuse("") takes
    it back before the next result is shown."""

    def __init__(
        self,
        node: DOMNode,
        fetch: Callable[[], Callable[[], Any]],
        show: Callable[[Any], None],
        refuse: Callable[[str], None],
        typed: Callable[[], str] | None = None,
        found: Callable[[Any], int] = len,
    ) -> None:
        self.node, self.fetch, self.show, self.refuse = node, fetch, show, refuse
        self.typed, self.found = typed, found
        self.worker: Worker | None = None
        self.missing = False  # "tidak ditemukan" is shown

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
        text = self.typed().strip() if self.typed else ""
        self.worker = self.node.run_worker(  # a search replaced before it starts never runs
            partial(self._run, self.fetch(), delay, text),
            group=f"search-{id(self)}",
            exclusive=True,
        )

    async def _run(self, fetch: Callable[[], Any], delay: float, text: str) -> None:
        if delay:
            await asyncio.sleep(delay)
        result = await asyncio.to_thread(read, fetch)
        if isinstance(result, Exception):
            self.refuse(str(result))
            return
        if self.missing:
            self.missing = False
            self.refuse("")
        self.show(result)
        if text and not self.found(result):
            self.missing = True
            self.refuse(not_found(text))


def not_found(text: str) -> str:
    """What a search that found nothing says."""
    return f"“{text}” tidak ditemukan."
