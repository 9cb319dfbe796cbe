"""The archive lists' search (Arsip faks, Arsip email): what is typed, a closing date range and
the sifat, read into a paged LiveTable as the user types."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen

from model.workflow.items import SIFAT
from tui.widgets.daterange import parse_date
from tui.widgets.live_table import LiveTable
from tui.widgets.plain import Input, Label, Select
from tui.widgets.search import SEARCH_DELAY, not_found


class ArchiveFilters(Horizontal):
    """`Periode [dari] s.d. [sampai]  Sifat [semua]`: an empty date leaves that end open.
    Posts Changed when the filters change and hold, and on Enter with why a date is refused."""

    DEFAULT_CSS = """
    ArchiveFilters { height: 1; padding: 0 1; }
    ArchiveFilters Label { padding: 0 1 0 0; }
    ArchiveFilters .first { text-style: bold; color: $accent; }
    ArchiveFilters Input { width: 12; margin: 0 1 0 0; }
    ArchiveFilters Select { width: 1fr; max-width: 24; }
    """

    class Changed(Message):
        def __init__(self, filters: ArchiveFilters, problem: str = "") -> None:
            super().__init__()
            self.filters, self.problem = filters, problem

        @property
        def control(self) -> ArchiveFilters:
            return self.filters

    def compose(self) -> ComposeResult:
        yield Label("Periode", classes="first")
        yield Input(id="since", compact=True, max_length=10, placeholder="hh-bb-tttt")
        yield Label("s.d.")
        yield Input(id="until", compact=True, max_length=10, placeholder="hh-bb-tttt")
        yield Label(" Sifat")
        yield Select([(s, s) for s in SIFAT], id="sifat", compact=True, prompt="semua")

    def values(self) -> dict:
        """`since`, `until` and `sifat` for the archive search; ValueError says what is wrong."""
        found: dict = {}
        for key, what in (("since", "Tanggal awal"), ("until", "Tanggal akhir")):
            text = self.query_one(f"#{key}", Input).value.strip()
            found[key] = parse_date(text, what) if text else None
        if found["since"] and found["until"] and found["until"] < found["since"]:
            raise ValueError("Tanggal akhir tidak boleh sebelum tanggal awal.")
        sifat = self.query_one("#sifat", Select).value
        found["sifat"] = sifat if isinstance(sifat, str) else None
        return found

    def problem(self) -> str:
        """Why the filters do not hold, or ""."""
        try:
            self.values()
        except ValueError as exc:
            return str(exc)
        return ""

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if not self.problem():  # a date half typed waits for more
            self.post_message(self.Changed(self))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Changed(self, self.problem()))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, self.problem()))


Fetch = Callable[..., list]  # read(text, limit, since=, until=, sifat=) → a page of rows


class Searching:
    """The search of a screen's #found LiveTable, its #search Input and its ArchiveFilters:
        typing waits SEARCH_DELAY after the last key (a worker, each key starts it again); a new
        search starts at the first page. `fetch()`, called on the event loop, gives the model read
    for the worker thread. `tell(text)` shows a refusal or "tidak ditemukan" (""
        takes it back)."""

    def __init__(
        self, screen: Screen, fetch: Callable[[], Fetch], tell: Callable[[str], None]
    ) -> None:
        self.screen, self.fetch, self.tell = screen, fetch, tell
        self.searched = ""  # the text of the last load
        self.missing = False  # "tidak ditemukan" or a refusal is shown

    def later(self) -> None:
        """Something typed: search once the typing pauses."""
        self._start(SEARCH_DELAY, fresh=True)

    def now(self, fresh: bool = False) -> None:
        """Search what is typed and chosen (`fresh`: from the first page again)."""
        self._start(0, fresh)

    def _start(self, delay: float, fresh: bool) -> None:
        self.screen.run_worker(
            partial(self._run, delay, fresh), group=f"search-{id(self)}", exclusive=True
        )

    async def _run(self, delay: float, fresh: bool) -> None:
        if delay:
            await asyncio.sleep(delay)
        try:
            filters = self.screen.query_one(ArchiveFilters).values()
        except ValueError as exc:
            self.missing = True
            self.tell(str(exc))
            return
        text, fetch = self.screen.query_one("#search", Input).value, self.fetch()
        self.searched = text.strip()
        table = self.screen.query_one("#found", LiveTable)
        table.load(lambda limit: fetch(text, limit, **filters), fresh=fresh)

    def filtered(self, event: ArchiveFilters.Changed) -> None:
        """The filters changed: why they are refused, or the search from its first page."""
        if event.problem:
            self.missing = True
            self.tell(event.problem)
        else:
            self.now(fresh=True)

    def loaded(self, table: LiveTable) -> None:
        """After a load: say when nothing was found for what was typed, or take it back."""
        if self.searched and not table.entries:
            self.missing = True
            self.tell(not_found(self.searched))
        elif self.missing:
            self.missing = False
            self.tell("")
