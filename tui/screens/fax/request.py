"""Procedure 1 step 1 (Pemakai): the fax request form, to draft, preview and submit."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, TextArea

from model.base import now
from model.books import klasifikasi
from model.books.agenda import agenda_number
from model.errors import Invalid
from model.fax import flow as fax_flow
from model.fax import number as faxnumber
from model.fax.records import FaxRequest
from model.org import Contact
from model.workflow.items import DERAJAT, SIFAT, WorkItem
from tui.screens.fax.disposition import FaxPreview, last_return, size_text
from tui.widgets.daterange import parse_date
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import DataTable, Input, Select, Static
from tui.widgets.toggles import Checkbox


class DestinationTable(DataTable):
    BINDINGS = [Binding("delete,backspace", "remove", "Hapus tujuan")]

    def action_remove(self) -> None:
        self.screen.remove_destination()


class AttachmentInput(Input):
    BINDINGS = [Binding("f8", "remove", "Hapus lampiran")]

    def action_remove(self) -> None:
        self.screen.remove_attachment()


class KlasifikasiInput(Input):
    BINDINGS = [Binding("f4", "pick", "Pilih kode")]

    def action_pick(self) -> None:
        self.screen.pick_klasifikasi()


def row(label: str, *widgets) -> Horizontal:
    return Horizontal(Static(label, classes="field-label"), *widgets, classes="field")


class RequestFormScreen(Screen):
    """Nota dinas, isi berita, lampiran, tujuan, sifat/derajat, klasifikasi; save or submit."""

    CSS_PATH = "request.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Simpan draf", priority=True),
        Binding("ctrl+k", "submit", "Ajukan ke Kasi", priority=True),
        Binding("ctrl+r", "preview", "Pratinjau", priority=True),
        ("escape", "app.pop_screen", "Kembali"),
    ]

    def __init__(self, item_id: int | None = None):
        super().__init__()
        self.item_id = item_id
        self.draft = fax_flow.draft_of(item_id) if item_id else fax_flow.FaxDraft()
        self.destinations: list[tuple[str, str]] = list(self.draft.destinations)

    def compose(self) -> ComposeResult:
        d, user = self.draft, self.app.session.user
        units = [(u.name, u.id) for u in fax_flow.units()]
        contacts = [
            (f"{c.name} ({c.fax})"[:60], c.id)
            for c in Contact.select().where(Contact.fax != "").order_by(Contact.name)
        ]
        tanggal = d.nota_date or now().date()
        yield Header()
        yield Static("", id="message")
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
        self.query_one("#dests", DataTable).add_columns("Nama", "Nomor")
        reason = last_return(WorkItem.get_by_id(self.item_id)) if self.item_id else ""
        returned = self.query_one("#returned", Static)
        returned.update(f"Dikembalikan oleh Kasi: {reason}" if reason else "")
        returned.display = bool(reason)
        self.show_destinations()
        self.show_attachment()
        self.show_klasifikasi(self.draft.klasifikasi)
        self.show_pages()
        self.query_one("#nota", Input).focus()

    # --- fields -------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "dest-number":
            self.check_number(event.value)
        elif event.input.id == "klas":
            self.show_klasifikasi(event.value)

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

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "contact" and event.value != Select.NULL:
            contact = Contact.get_by_id(event.value)
            self.add_destination(contact.name, contact.fax)
            event.select.clear()

    def check_number(self, value: str) -> faxnumber.FaxNumber | None:
        check = self.query_one("#dest-check", Static)
        if not value.strip():
            check.update("")
            return None
        try:
            number = faxnumber.parse(value)
        except Invalid as exc:
            check.update(Text(str(exc), style="bold red"))
            return None
        check.update(Text(f"Nomor sah: {number.display}", style="green"))
        return number

    def add_typed_destination(self) -> None:
        name = self.query_one("#dest-name", Input)
        number = self.query_one("#dest-number", Input)
        if not name.value.strip():
            say(self, "Isi nama tujuan sebelum nomornya.")
            name.focus()
            return
        if self.add_destination(name.value.strip(), number.value):
            name.value = number.value = ""
            name.focus()

    def add_destination(self, name: str, value: str) -> bool:
        number = self.check_number(value)
        if number is None:
            say(self, f"Tujuan {name} tidak ditambahkan: nomor faks tidak sah.")
            return False
        if any(faxnumber.parse(n) == number for _, n in self.destinations):
            say(self, f"Nomor {number.display} sudah ada di daftar tujuan.")
            return False
        self.destinations.append((name, number.display))
        say(self, "")
        self.show_destinations()
        return True

    def remove_destination(self) -> None:
        table = self.query_one("#dests", DataTable)
        if self.destinations and table.cursor_row is not None:
            name, _ = self.destinations.pop(min(table.cursor_row, len(self.destinations) - 1))
            say(self, f"Tujuan {name} dihapus.")
            self.show_destinations()

    def show_destinations(self) -> None:
        table = self.query_one("#dests", DataTable)
        table.clear()
        for name, number in self.destinations:
            table.add_row(name[:50], number)
        if not self.destinations:
            table.add_row("(belum ada tujuan)", "")
        table.styles.height = max(1, len(self.destinations))

    def load_attachment(self, path: str) -> None:
        try:
            self.attachment = fax_flow.read_attachment(path)
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        self.query_one("#attach", Input).value = ""
        say(self, "")
        self.show_attachment()

    def remove_attachment(self) -> None:
        self.attachment = ("", None)
        self.show_attachment()

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
    def collect(self) -> fax_flow.FaxDraft:
        value = self.query_one("#nota-date", Input).value.strip()
        try:
            nota_date = parse_date(value, "Tanggal nota dinas") if value else None
        except ValueError as exc:
            raise Invalid(str(exc)) from exc
        text = {i: self.query_one(f"#{i}", Input).value for i in ("perihal", "nota", "klas")}
        name, data = self.attachment
        return fax_flow.FaxDraft(
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

    def save(self) -> bool:
        try:
            item = fax_flow.save_draft(self.app.session.user, self.collect(), self.item_id)
        except PROBLEMS as exc:
            say(self, str(exc))
            return False
        self.item_id = item.id
        self.sub_title = f"Permintaan #{item.id}"
        return True

    def action_save(self) -> None:
        if self.save():
            say(self, "")
            self.app.notify(f"Draf permintaan #{self.item_id} tersimpan.")

    def action_submit(self) -> None:
        if not self.save():
            return
        try:
            fax_flow.submit(self.app.session.user, self.item_id)
        except PROBLEMS as exc:
            say(self, f"Draf tersimpan, tetapi belum diajukan: {exc}")
            return
        self.app.notify(f"Permintaan #{self.item_id} diajukan ke Kasi Persandian.")
        self.dismiss(self.item_id)

    def action_preview(self) -> None:
        cfg = self.app.session.config
        number = (
            agenda_number(WorkItem.get_by_id(self.item_id)) if self.item_id else ""
        ) or "(belum bernomor)"
        header = f"{cfg.fax.header}  {now():%d-%m-%Y %H:%M}  No. {number}"
        self.app.push_screen(
            FaxPreview(
                header,
                list(cfg.office.letterhead),
                self.query_one("#isi", TextArea).text,
                self.attachment[0],
            )
        )
