"""Procedure 2 "agendakan": number an incoming mail in the buku agenda surat masuk with what
the book needs — the kode klasifikasi, the sender's letter number and date, and the units it
goes to (optional; the forward step starts with them chosen)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

from model.books.agenda import AgendaEntry
from model.books.klasifikasi import Klasifikasi
from model.email_in import flow as email_in
from model.email_in import letter
from model.email_in.records import mail_of
from model.errors import Problems
from tui.dialogs.base import FormDialog
from tui.dialogs.forward import unit_choices
from tui.dialogs.klasifikasi_picker import KlasifikasiPicker
from tui.keys import bind
from tui.widgets.daterange import DATE_FORMAT, parse_date
from tui.widgets.plain import Input, Label, SelectionList, Static


@dataclass(frozen=True)
class Registered:
    """What the dialog did: the agenda entry, and the warning kept with the letter."""

    entry: AgendaEntry
    warning: str


def kode_text(kode: str) -> Text:
    """The kode and its uraian, shown as written."""
    found = Klasifikasi.get_or_none(Klasifikasi.kode == kode)
    return Text(f"{kode} {found.uraian}" if found else kode)


class RegisterDialog(FormDialog[Registered]):
    """The letter's details under the chosen kode; Ctrl+S numbers it."""

    BINDINGS = [bind("ctrl+s", "save", priority=True)]
    SAVE_BUTTON = "Agendakan"

    def __init__(self, item_id: int, kode: str):
        super().__init__()
        self.item_id, self.kode = item_id, kode
        self.start = letter.prefill(item_id)

    def heading(self) -> str:
        return f"Agendakan email #{self.item_id} di buku agenda surat masuk"

    def compose_form(self) -> ComposeResult:
        mail = mail_of(self.item_id)
        yield Static(Text(f"{mail.from_name or mail.from_addr}: {mail.subject}"), id="reg-mail")
        with Horizontal(classes="field"):
            yield Label("Klasifikasi")
            yield Button(kode_text(self.kode), id="klasifikasi", compact=True)
        day = f"{self.start.day:{DATE_FORMAT}}" if self.start.day else ""
        yield from self.field(
            "letter_number", "Nomor surat", self.start.number, "kosongkan bila tanpa nomor"
        )
        yield from self.field("letter_date", "Tanggal surat", day, "hh-bb-tttt")
        yield Label("Diteruskan kepada (bila sudah diketahui; spasi memilih)", id="reg-units")
        yield SelectionList[int](*unit_choices(self.start.units), id="units", compact=True)

    def on_mount(self) -> None:
        self.query_one("#letter_number", Input).focus()

    def submitted(self, field: Input) -> None:
        """Enter moves on to the next field; Ctrl+S (or the button) numbers the mail."""
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The kode opens the picker; the other buttons are the base's (its handler runs
        next, unless prevented)."""
        if event.button.id != "klasifikasi":
            return
        event.stop()
        event.prevent_default()

        def chosen(kode: str | None) -> None:
            if kode:
                self.kode = kode
                event.button.label = kode_text(kode)

        self.app.push_screen(KlasifikasiPicker(self.kode), chosen)

    def save(self) -> Registered:
        found = Problems()
        typed = self.value("letter_date").strip()
        day = None
        try:
            day = parse_date(typed, "Tanggal surat") if typed else None
        except ValueError as exc:
            found.add("letter_date", str(exc))
        number = self.value("letter_number")
        units = list(self.query_one("#units", SelectionList).selected)
        email_in.registration_problems(found, self.kode, number, day, units)
        found.check()
        cfg = self.app.session.config
        entry = email_in.register(
            self.app.session.user,
            self.item_id,
            self.kode,
            cfg.agenda_pattern,
            cfg.office.unit_code,
            letter_number=number,
            letter_date=day,
            units=units,
        )
        return Registered(entry, letter.late_warning(day, self.start.received_at))
