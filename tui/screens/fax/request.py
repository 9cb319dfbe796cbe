"""Procedure 1 step 1 (Pemakai): the fax request form, to draft, preview and submit. What is
typed is kept as a recovery copy; leaving with unsaved changes asks first; every problem of
the draft is shown at once, under its field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, TextArea

from model import contacts as book
from model.base import now
from model.books import klasifikasi
from model.errors import Invalid
from model.fax import flow as fax_flow
from model.fax.message import draft_message
from model.fax.records import FaxRequest
from model.sop import FAX, PROCEDURES
from model.workflow.items import DERAJAT, SIFAT, WorkItem
from tui.keys import bind
from tui.screens.fax.disposition import last_return, size_text
from tui.screens.fax.preview import FaxPreviewScreen
from tui.screens.fax.request_fields import (
    CHOICES,
    FIELD_WIDGETS,
    TEXTS,
    AttachmentInput,
    Destinations,
    DestinationTable,
    KlasifikasiInput,
    choose,
    row,
)
from tui.screens.help import HelpScreen, item_help
from tui.screens.recovery import RecoveredForm
from tui.widgets.clock import StepClock
from tui.widgets.daterange import parse_date
from tui.widgets.field_errors import FieldErrors
from tui.widgets.header import Header
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import DataTable, Input, Select, Static
from tui.widgets.table import Column, add_columns
from tui.widgets.toggles import Checkbox

DEST_COLUMNS = (
    Column("Nama", 20, grow=True),
    Column("Nomor", whole=True),
    Column("Grup", 12, drop=1),
)


class RequestFormScreen(Destinations, RecoveredForm, Screen):
    """Nota dinas, isi berita, lampiran, tujuan, sifat/derajat, klasifikasi; save or submit."""

    FORM = "fax_request"
    WHAT = "Permintaan faks ini"
    CSS_PATH = "request.tcss"
    BINDINGS = [
        bind("ctrl+s", "save", priority=True),
        bind("ctrl+k", "submit", priority=True),
        bind("f3", "preview", priority=True),
        bind("escape", "back"),
    ]

    def __init__(self, item_id: int | None = None):
        super().__init__()
        self.item_id = item_id
        self.draft = fax_flow.draft_of(item_id) if item_id else fax_flow.FaxDraft()
        self.destinations = [(*d, "")[:3] for d in self.draft.destinations]

    def sop_help(self) -> HelpScreen:
        """F1: the SOP at this item's step."""
        return item_help(self.item_id, "fax")

    def compose(self) -> ComposeResult:
        d, user = self.draft, self.app.session.user
        units = [(u.name, u.id) for u in fax_flow.units()]
        contacts = [
            (f"Grup {g.name} ({faxes} tujuan)"[:60], f"g{g.id}")
            for g, faxes in book.groups()
            if faxes
        ] + [(f"{c.name} ({c.fax})"[:60], f"c{c.id}") for c in book.fax_contacts()]
        tanggal = d.nota_date or now().date()
        yield Header()
        yield Static("", id="message")
        yield StepClock(self.item_id, new=PROCEDURES[FAX].step_of("ajukan"))
        with VerticalScroll(id="form"):
            yield Static("", id="returned")
            yield row(
                "Nota dinas no.",
                Input(d.nota_number, id="nota", compact=True),
                Static(" Tgl", classes="inline-label"),
                Input(
                    f"{tanggal:%d-%m-%Y}", id="nota-date", compact=True, placeholder="hh-bb-tttt"
                ),
            )
            yield row(
                "Dari unit",
                Select(
                    units,
                    id="unit",
                    compact=True,
                    allow_blank=False,
                    value=d.from_unit_id or user.unit_id or units[0][1],
                ),
            )
            yield row("Perihal", Input(d.perihal, id="perihal", compact=True))
            yield Static("Isi berita", classes="field-label")
            yield TextArea(d.isi_berita, id="isi", compact=True, soft_wrap=True)
            yield row(
                "Lampiran",
                AttachmentInput(
                    id="attach", compact=True, placeholder="path berkas .txt/.pdf, Enter"
                ),
            )
            yield Static("", id="attach-info", classes="note")
            yield row(
                "Buku alamat",
                Select(
                    contacts, id="contact", compact=True, prompt="pilih tujuan dari buku alamat…"
                ),
            )
            yield row(
                "Tujuan baru",
                Input(id="dest-name", compact=True, placeholder="nama"),
                Input(id="dest-number", compact=True, placeholder="nomor faks, Enter"),
            )
            yield Static("", id="dest-check", classes="note")
            yield DestinationTable(id="dests", cursor_type="row", show_header=False)
            yield row(
                "Sifat",
                Select(
                    [(s, s) for s in SIFAT],
                    id="sifat",
                    compact=True,
                    allow_blank=False,
                    value=d.sifat,
                ),
                Static(" Derajat", classes="inline-label"),
                Select(
                    [(s, s) for s in DERAJAT],
                    id="derajat",
                    compact=True,
                    allow_blank=False,
                    value=d.derajat,
                ),
            )
            yield row(
                "Klasifikasi",
                KlasifikasiInput(
                    d.klasifikasi, id="klas", compact=True, placeholder="F4/Enter: cari"
                ),
                Static("", id="klas-desc"),
            )
            yield Horizontal(
                Checkbox("Resolusi halus (fine)", d.fine, id="fine", compact=True),
                Static("", id="pages"),
                classes="field",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Permintaan #{self.item_id}" if self.item_id else "Permintaan baru"
        self.attachment = (self.draft.attachment_name, self.draft.attachment)
        add_columns(self.query_one("#dests", DataTable), DEST_COLUMNS)
        reason = last_return(WorkItem.get_by_id(self.item_id)) if self.item_id else ""
        returned = self.query_one("#returned", Static)
        returned.update(f"Dikembalikan oleh Kasi: {reason}" if reason else "")
        returned.display = bool(reason)
        self.show_destinations()
        self.show_attachment()
        self.show_klasifikasi(self.draft.klasifikasi)
        self.show_pages()
        self.query_one("#nota", Input).focus()
        self.errors, self.complete = FieldErrors(self, FIELD_WIDGETS), False
        self.opened()

    # --- the recovery copy --------------------------------------------------------------
    def form_key(self) -> str:
        return str(self.item_id or "")

    def form_fields(self) -> dict:
        return {
            **{i: self.query_one(f"#{i}", Input).value for i in TEXTS},
            **{i: self.query_one(f"#{i}", Select).value for i in CHOICES},
            "isi": self.query_one("#isi", TextArea).text,
            "fine": self.query_one("#fine", Checkbox).value,
            "dests": [list(d) for d in self.destinations],
        }

    def form_files(self) -> list[tuple[str, bytes]]:
        name, data = self.attachment
        return [(name, data or b"")] if name else []

    def put_fields(self, fields: dict, files: list[tuple[str, bytes]]) -> None:
        for i in TEXTS:
            self.query_one(f"#{i}", Input).value = fields.get(i, "")
        for i in CHOICES:
            choose(self.query_one(f"#{i}", Select), fields.get(i))
        self.query_one("#isi", TextArea).text = fields.get("isi", "")
        self.query_one("#fine", Checkbox).value = bool(fields.get("fine"))
        self.destinations = [(*d, "")[:3] for d in fields.get("dests", [])]
        self.attachment = files[0] if files else ("", None)
        self.show_destinations()
        self.show_attachment()
        self.show_pages()

    def save_form(self) -> bool:
        if self.save():
            say(self, "")
            self.app.notify(f"Draf permintaan #{self.item_id} tersimpan.")
            return True
        return False

    def action_back(self) -> None:
        """Esc: back to the list, asking first when something is not saved."""
        self.ask_leave(lambda: self.dismiss(self.item_id))

    # --- fields -------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "dest-number":
            self.check_number(event.value)
        elif event.input.id == "klas":
            self.show_klasifikasi(event.value)
        self.recheck()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "dest-number":
            self.add_typed_destination()
        elif event.input.id == "attach":
            self.load_attachment(event.value)
        elif event.input.id == "klas":
            self.pick_klasifikasi()
        else:
            self.focus_next()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self.show_pages()
        self.recheck()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "contact" and event.value != Select.NULL:
            kind, key = event.value[0], int(event.value[1:])
            if kind == "g":
                self.add_group(key)
            else:
                contact = book.Contact.get_by_id(key)
                self.add_destination(contact.name, contact.fax)
            event.select.clear()
        self.recheck()

    def load_attachment(self, path: str) -> None:
        try:
            self.attachment = fax_flow.read_attachment(path)
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        self.query_one("#attach", Input).value = ""
        say(self, "")
        self.show_attachment()
        self.changed()
        self.recheck()

    def remove_attachment(self) -> None:
        self.attachment = ("", None)
        self.show_attachment()
        self.changed()

    def show_attachment(self) -> None:
        name, data = self.attachment
        self.query_one("#attach-info", Static).update(
            f"Terlampir: {name} ({size_text(len(data or b''))}) — F8 menghapus"
            if name
            else "Tanpa lampiran."
        )

    def pick_klasifikasi(self) -> None:
        from tui.dialogs.klasifikasi_picker import KlasifikasiPicker

        def chosen(kode: str | None) -> None:
            if kode:
                self.query_one("#klas", Input).value = kode

        self.app.push_screen(KlasifikasiPicker(self.query_one("#klas", Input).value), chosen)

    def show_klasifikasi(self, kode: str) -> None:
        found = (
            klasifikasi.Klasifikasi.get_or_none(klasifikasi.Klasifikasi.kode == kode.strip())
            if kode.strip()
            else None
        )
        self.query_one("#klas-desc", Static).update(
            found.uraian if found else ("kode tidak dikenal" if kode.strip() else "")
        )

    def show_pages(self) -> None:
        pages = FaxRequest(isi_berita=self.query_one("#isi", TextArea).text).pages
        self.query_one("#pages", Static).update(f"  perkiraan {pages} halaman isi berita")

    # --- actions ------------------------------------------------------------------------
    def collect(self) -> tuple[fax_flow.FaxDraft, dict[str, str]]:
        """The draft as typed, and the problem of a date that cannot be read (by field)."""
        value, found = self.query_one("#nota-date", Input).value.strip(), {}
        try:
            nota_date = parse_date(value, "Tanggal nota dinas") if value else None
        except ValueError as exc:
            nota_date, found = None, {"nota_date": str(exc)}
        text = {i: self.query_one(f"#{i}", Input).value for i in ("perihal", "nota", "klas")}
        name, data = self.attachment
        draft = fax_flow.FaxDraft(
            perihal=text["perihal"],
            nota_number=text["nota"],
            nota_date=nota_date,
            from_unit_id=self.query_one("#unit", Select).value,
            isi_berita=self.query_one("#isi", TextArea).text,
            destinations=list(self.destinations),
            sifat=self.query_one("#sifat", Select).value,
            derajat=self.query_one("#derajat", Select).value,
            klasifikasi=text["klas"],
            fine=self.query_one("#fine", Checkbox).value,
            attachment_name=name,
            attachment=data,
        )
        return draft, found

    def problems(self) -> dict[str, str]:
        """Every problem of the form as typed (for submitting too, after a refused submit)."""
        draft, found = self.collect()
        try:
            fax_flow.check_draft(draft, complete=self.complete)
        except Invalid as exc:
            return {**found, **exc.problems}
        return found

    def recheck(self) -> None:
        """After an edit: the error lines of fields now fixed go."""
        if self.errors.shown:
            self.errors.recheck(self.problems())

    def save(self, complete: bool = False) -> bool:
        """Save the draft; refused, every problem (for submitting too: `complete`) is shown
        under its field and nothing is saved."""
        self.complete = complete
        draft, found = self.collect()
        was = self.form_key()
        try:
            if found:
                raise Invalid(problems=found)
            item = fax_flow.save_draft(self.app.session.user, draft, self.item_id)
        except Invalid:
            self.errors.refuse(self.problems())
            return False
        except PROBLEMS as exc:
            self.errors.clear()
            say(self, str(exc))
            return False
        self.item_id = item.id
        self.sub_title = f"Permintaan #{item.id}"
        self.query_one(StepClock).show_item(item.id)
        self.errors.clear()
        self.saved(was)
        return True

    def action_save(self) -> None:
        self.save_form()

    def action_submit(self) -> None:
        if not self.save(complete=True):
            return
        try:
            fax_flow.submit(self.app.session.user, self.item_id)
        except Invalid as exc:
            self.errors.refuse(exc.problems, "Draf tersimpan, tetapi belum diajukan: ")
            return
        except PROBLEMS as exc:
            say(self, f"Draf tersimpan, tetapi belum diajukan: {exc}")
            return
        self.app.notify(f"Permintaan #{self.item_id} diajukan ke Kasi Persandian.")
        self.dismiss(self.item_id)

    def action_preview(self) -> None:
        draft, _ = self.collect()
        message = draft_message(self.app.session.config, draft, self.item_id)
        others = max(0, len(draft.destinations) - 1)
        self.app.push_screen(FaxPreviewScreen(message, draft.fine, others))
