"""Kalender kerja (Admin sistem): the opening hours mutu baku counts on, and the year's closed
days: national holidays and cuti bersama from their decree, and the office's own closures,
which the Admin adds and removes here (open items' deadlines move with them)."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from model.base import now
from model.calendar import calendar, closures
from model.hours import DAY_NAMES, describe
from model.workflow import deadlines
from tui.dialogs.base import FormDialog
from tui.dialogs.question import confirm
from tui.keys import bind
from tui.screens.help import HelpScreen
from tui.widgets.daterange import parse_date
from tui.widgets.header import Header
from tui.widgets.message import say
from tui.widgets.plain import DataTable, Static
from tui.widgets.table import Column, add_columns

COLUMNS = (
    Column("Tanggal", whole=True),
    Column("Hari", whole=True),
    Column("Keterangan", 30, grow=True),
    Column("Jenis", whole=True),
)
OFFICE = "kantor"


class ClosureDialog(FormDialog[int]):
    TITLE_TEXT = "Tambah hari tutup kantor"
    SAVE_BUTTON = "Simpan"
    FIELDS = {"day": "day", "name": "name"}

    def compose_form(self) -> ComposeResult:
        yield from self.field("day", "Tanggal", "", "hh-bb-tttt")
        yield from self.field("name", "Keterangan", "", "mis. Hari Jadi Kabupaten Trenggalek")

    def save(self) -> int:
        day = parse_date(self.value("day"), "Tanggal")
        return deadlines.close_office(self.app.session.user, day, self.value("name"))


class CalendarScreen(Screen):
    CSS_PATH = "calendar.tcss"
    BINDINGS = [
        bind("escape", "app.pop_screen"),
        bind("n", "add"),
        bind("delete", "remove"),
        bind("left_square_bracket,minus", "year(-1)", key_display="[ ]"),
        bind("right_square_bracket,plus", "year(1)", show=False),
    ]

    def __init__(self, item_id: int | None = None):
        super().__init__()
        self.year = now().year

    def sop_help(self) -> HelpScreen:
        return HelpScreen()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="calendar-hours")
        yield Static("", id="calendar-source")
        yield DataTable(id="closed", cursor_type="row")
        yield Static("", id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Kalender kerja"
        add_columns(self.query_one("#closed", DataTable), COLUMNS)
        self.show()

    def rows(self) -> list[tuple[date, str, str]]:
        """The year's closed days: (day, name, kind)."""
        cal, own = calendar(), {c.day: c.name for c in closures()}
        days = sorted(d for d in cal.closed if d.year == self.year)
        return [(d, cal.closed[d], OFFICE if d in own else "nasional") for d in days]

    def show(self) -> None:
        cal = calendar()
        self.query_one("#calendar-hours", Static).update(
            Text(f"Jam kerja (warkat.toml [calendar]): {describe(cal.hours)}")
        )
        year = next((y for y in cal.years if y.year == self.year), None)
        if year is None:
            source = Text(f"{self.year}: tidak ada daftar libur nasional; hanya hari tutup kantor.")
        else:
            source = Text(f"Libur nasional {self.year}: {year.source}")
            if year.estimated:
                source.append(" — PERKIRAAN, perbarui saat SKB terbit", style="bold")
        self.query_one("#calendar-source", Static).update(source)
        table = self.query_one("#closed", DataTable)
        table.clear()
        for day, name, kind in self.rows():
            table.add_row(
                f"{day:%d-%m-%Y}", DAY_NAMES[day.weekday()], Text(name), kind, key=day.isoformat()
            )
        table.border_title = f"Hari libur dan tutup kantor {self.year}"
        table.focus()

    def selected(self) -> date | None:
        table = self.query_one("#closed", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        return date.fromisoformat(key)

    def action_year(self, step: int) -> None:
        self.year += step
        self.show()

    def action_add(self) -> None:
        def added(moved: int | None) -> None:
            if moved is not None:
                self.show()
                say(
                    self, f"Hari tutup kantor dicatat; tenggat {moved} item terbuka dihitung ulang."
                )

        self.app.push_screen(ClosureDialog(), added)

    def action_remove(self) -> None:
        day = self.selected()
        if day is None:
            return
        if day not in {c.day for c in closures()}:
            say(self, "Libur nasional berasal dari SKB dan tidak dapat dihapus di sini.")
            return

        def remove() -> None:
            moved = deadlines.reopen_office(self.app.session.user, day)
            self.show()
            say(
                self,
                f"{day:%d-%m-%Y} bukan lagi hari tutup; tenggat {moved} item dihitung ulang.",
                ok=True,
            )

        confirm(self, "Hapus hari tutup kantor", f"Kantor buka lagi pada {day:%d-%m-%Y}?", remove)
