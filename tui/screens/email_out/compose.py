"""Procedure 3 steps 1 and 3 (Staf Bidang/Seksi): write the email draft, revise it after the
Kepala Bidang's notes, submit it, and type the approved letter as the final text; a change to
the approved letter is confirmed first, as it goes back to the Kepala Bidang as a new version."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, TextArea
from textual.widgets.option_list import Option

from model.email_in import records as email_in_records
from model.email_out import flow as email_out
from model.email_out import records as email_out_records
from model.email_out.queue_rows import OutRow, out_rows
from model.errors import Invalid
from model.reports.mail_archive import revision_notes
from model.sop import EMAIL_OUT, PROCEDURES
from model.workflow.items import WorkItem
from tui.dialogs.resubmit import ResubmitDialog
from tui.keys import bind
from tui.screens.email_in.mail_view import size_text, step_line
from tui.screens.email_out.compose_kept import FIELD_WIDGETS, KeptLetter
from tui.screens.help import HelpScreen, item_help
from tui.widgets.clock import CLOCK, StepClock, clock_text
from tui.widgets.field_errors import FieldErrors
from tui.widgets.header import Header
from tui.widgets.live_table import LiveTable
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import DataTable, Input, Label, OptionList, Static
from tui.widgets.table import Column, add_columns

COLUMNS = (
    Column("No", whole=True),
    Column("Perihal", 16, grow=True),
    Column("Status", whole=True),
    CLOCK,
)
FIELDS = (
    ("to", "Kepada", "alamat@instansi.go.id, dipisah koma"),
    ("cc", "Tembusan", "boleh kosong"),
    ("subject", "Perihal", ""),
)


def approved_note(item: WorkItem) -> str:
    """At step 3: which version was approved and what a change to it means."""
    version = email_out_records.approved(item.id) if item.waits_for("final") else None
    if version is None:
        return ""
    return (
        f"Disetujui Kepala Bidang sebagai v{version.number}. Mengubah kepada, tembusan, "
        "perihal, isi atau lampiran mengembalikannya ke Kepala Bidang sebagai "
        f"v{email_out_records.next_version(item.id)}."
    )


def draft_cells(row: OutRow) -> tuple:
    status = (
        "disetujui" if row.step.action("final") else "perlu revisi" if row.revision else "draft"
    )
    return str(row.id), row.title, status, clock_text(row.clock)


def revision_note(item: WorkItem) -> str:
    """The Kepala Bidang's latest revision request, while the draft is back at step 1."""
    if not item.waits_for("ajukan"):
        return ""
    notes = revision_notes(item.id)
    if not notes:
        return ""
    last = notes[-1]
    return f"Catatan revisi dari {last.by.full_name}: {last.remark.removeprefix('revisi: ')}"


class ComposeScreen(KeptLetter, Screen):
    """The unit's drafts (steps 1 and 3) above the form of the one being written."""

    CSS_PATH = "compose.tcss"
    BINDINGS = [
        bind("ctrl+s", "save", priority=True),
        bind("ctrl+k", "submit", priority=True),
        bind("ctrl+t", "finalise", priority=True),
        bind("ctrl+n", "new", priority=True),
        bind("f2", "drafts"),
        bind("escape", "back"),
    ]

    def __init__(self, item_id: int | None = None, reply_to: int | None = None):
        super().__init__()
        self.item_id = item_id
        self.reply_to = reply_to
        self.current: WorkItem | None = None
        self.files: list[tuple[str, bytes]] = []
        self.reply_saved: int | None = None
        self.first_load = True  # the list gets the focus once it shows drafts
        self.errors = FieldErrors(self, FIELD_WIDGETS)

    def sop_help(self) -> HelpScreen:
        """F1: the SOP at this item's step."""
        return item_help(self.current, "email_out")

    def compose(self) -> ComposeResult:
        yield Header()
        yield LiveTable(draft_cells, id="drafts")
        yield Static("", id="revision")
        yield Static("", id="where")
        yield StepClock(new=PROCEDURES[EMAIL_OUT].step_of("ajukan"))
        with VerticalScroll(id="form"):
            for field, label, hint in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label)
                    yield Input(id=field, compact=True, placeholder=hint)
            yield TextArea(id="body", soft_wrap=True)
            with Horizontal(classes="field"):
                yield Label("Lampiran")
                yield Input(
                    id="path",
                    compact=True,
                    placeholder="path berkas lalu Enter; Del menghapus dari daftar",
                )
            yield OptionList(id="files")
        yield Static("", id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Konsep email keluar"
        table = self.query_one("#drafts", DataTable)
        add_columns(table, COLUMNS)
        self.query_one("#message").display = False
        self.query_one("#body").border_title = "Isi email"
        self.reload()
        if self.item_id is not None:
            self.load(WorkItem.get_by_id(self.item_id))
        else:
            self.clear_form()
            if self.reply_to is not None:
                mail = email_in_records.mail_of(self.reply_to)
                subject = (
                    mail.subject
                    if mail.subject.lower().startswith("re:")
                    else f"Re: {mail.subject}"
                )
                self.query_one("#to", Input).value = mail.from_addr
                self.query_one("#subject", Input).value = subject
                self.query_one("#where", Static).update(
                    f"Jawaban atas email masuk #{self.reply_to} dari {mail.from_addr}"
                )
                self.query_one("#body", TextArea).focus()
        self.opened()

    def reload(self) -> None:
        """Read the drafts list in a worker, the cursor kept on the letter in the form."""
        table, user = self.query_one("#drafts", LiveTable), self.app.session.user
        table.follow = self.current.id if self.current is not None else None
        table.load(lambda limit: out_rows(user, ("ajukan", "final"), limit))

    def on_live_table_loaded(self, event: LiveTable.Loaded) -> None:
        event.table.display = bool(event.table.entries)
        if (
            self.first_load
            and event.table.entries
            and self.item_id is None
            and self.reply_to is None
            and not self.unsaved()  # a copy was put back: the form keeps the focus
        ):
            self.action_drafts()
        self.first_load = False

    def clear_form(self) -> None:
        self.current, self.files = None, []
        for field, _label, _hint in FIELDS:
            self.query_one(f"#{field}", Input).value = ""
        self.query_one("#body", TextArea).text = ""
        self.show_files()
        self.query_one("#revision").display = False
        self.query_one("#where", Static).update("Draft baru (langkah 1): isi lalu Ctrl+S")
        self.query_one(StepClock).show_item(None)
        self.query_one("#to", Input).focus()
        self.refresh_bindings()

    def load(self, item: WorkItem) -> None:
        """Put a saved draft (or approved letter) into the form."""
        mail = email_out_records.mail_of(item)
        self.current = item
        self.query_one("#to", Input).value = mail.to
        self.query_one("#cc", Input).value = mail.cc
        self.query_one("#subject", Input).value = mail.subject
        self.query_one("#body", TextArea).text = mail.body
        self.files = [(a.filename, bytes(a.data)) for a in mail.attachments]
        self.show_files()
        note, style = revision_note(item), "bold white on dark_red"
        if not note:
            note, style = approved_note(item), "bold black on dark_orange"
        revision = self.query_one("#revision", Static)
        revision.update(Text(note, style=style))
        revision.display = bool(note)
        self.query_one("#where", Static).update(f"#{item.id} — {step_line(item)}")
        self.query_one(StepClock).show_item(item.id)
        self.query_one("#body", TextArea).focus()
        self.refresh_bindings()

    def show_files(self) -> None:
        files = self.query_one("#files", OptionList)
        files.clear_options()
        files.add_options(
            Option(f"📎 {name} ({size_text(len(data))})") for name, data in self.files
        )
        files.highlighted = 0 if self.files else None  # Delete acts on a row one can see
        files.display = bool(self.files)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "submit":  # a new draft, not yet saved, is submitted from step 1 too
            return self.current is None or self.current.waits_for("ajukan")
        if action == "finalise":
            return self.current is not None and self.current.waits_for("final")
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        item = WorkItem.get_by_id(int(event.row_key.value))
        self.ask_leave(lambda: (self.load(item), self.opened()))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "path":
            self.add_file(event.value)
        else:
            self.focus_next()

    def add_file(self, value: str) -> None:
        path = Path(value.strip()).expanduser()
        if not value.strip():
            return
        try:
            data = path.read_bytes()
        except OSError:
            say(self, f"Berkas tidak dapat dibaca: {path}")
            return
        if sum(len(d) for _, d in self.files) + len(data) > email_out_records.MAX_ATTACHMENTS:
            say(self, "Lampiran terlalu besar (maksimal 20 MB seluruhnya).")
            return
        self.files.append((path.name, data))
        self.show_files()
        self.changed()
        self.query_one("#path", Input).value = ""
        say(self, f"Lampiran {path.name} ditambahkan; simpan dengan Ctrl+S.", ok=True)

    def form(self) -> dict:
        """The form's fields as the model takes them."""
        value = {f: self.query_one(f"#{f}", Input).value for f, _l, _h in FIELDS}
        return dict(value, body=self.query_one("#body", TextArea).text)

    def changes(self) -> list[str] | None:
        """At step 3: what the form changes in the approved letter ([] nothing); None after
        saying why the form cannot be read; always [] at step 1."""
        if self.current is None or not self.current.waits_for("final"):
            return []
        try:
            return email_out_records.pending_changes(
                self.current.id, **self.form(), attachments=self.files
            )
        except Invalid as exc:
            self.errors.refuse(exc.problems)
            return None
        except PROBLEMS as exc:
            say(self, str(exc))
            return None

    def save(self) -> WorkItem | None:
        """Save the form as it stands (the model checks it); None with the message on error."""
        reply = (
            WorkItem.get_by_id(self.reply_to)
            if self.reply_to is not None and self.current is None
            else None
        )
        was = self.form_key()
        try:
            item = email_out.save_draft(
                self.app.session.user,
                **self.form(),
                attachments=self.files,
                item_id=self.current.id if self.current else None,
                reply_to=reply,
            )
        except Invalid as exc:
            self.errors.refuse(exc.problems)
            return None
        except PROBLEMS as exc:
            self.errors.clear()
            say(self, str(exc))
            return None
        self.errors.clear()
        if reply is not None:
            self.reply_saved = item.id
        self.current = item
        self.saved(was)
        self.reload()
        self.query_one("#where", Static).update(f"#{item.id} — {step_line(item)}")
        self.query_one(StepClock).show_item(item.id)
        return item

    def action_save(self) -> None:
        changes = self.changes()
        if changes:
            self.app.push_screen(
                ResubmitDialog(self.current.id, changes), lambda ok: self.resubmit() if ok else None
            )
            return
        if changes is None:
            return
        item = self.save()
        if item is None:
            return
        approved = email_out_records.approved(item.id) if item.waits_for("final") else None
        say(
            self,
            f"Tidak ada perubahan; naskah #{item.id} tetap disetujui (v{approved.number})."
            if approved
            else f"Draft #{item.id} disimpan.",
            ok=True,
        )

    def resubmit(self) -> None:
        """Save a confirmed change to the approved letter: back to the Kepala Bidang."""
        item = self.save()
        if item is not None:
            number = email_out_records.texts(item.id)[-1].number
            self.after_move(
                f"Naskah #{item.id} diubah setelah disetujui; diajukan ulang ke "
                f"Kepala Bidang sebagai v{number}."
            )

    def action_submit(self) -> None:
        item = self.save()
        if item is None:
            return
        try:
            email_out.submit(self.app.session.user, item.id)
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        self.after_move(f"Draft #{item.id} diajukan ke Kepala Bidang untuk disetujui.")

    def action_finalise(self) -> None:
        changes = self.changes()
        if changes is None or self.current is None:
            return
        if changes:
            say(
                self,
                f"Naskah berbeda dari versi yang disetujui ({', '.join(changes)}): "
                "Ctrl+S mengajukannya ulang ke Kepala Bidang, atau pilih naskah ini lagi "
                "dari daftar (F2) untuk membatalkan perubahan.",
            )
            return
        item_id = self.current.id
        try:
            email_out.finalise(self.app.session.user, item_id)
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        self.after_move(f"Naskah final #{item_id} siap dikirim oleh Kasi/Adm. Umum.")

    def after_move(self, text: str) -> None:
        self.clear_form()
        self.opened()
        self.reload()
        say(self, text, ok=True)

    def action_new(self) -> None:
        self.ask_leave(self.new)

    def new(self) -> None:
        self.reply_to = None
        self.clear_form()
        say(self, "")
        self.opened()

    def action_drafts(self) -> None:
        table = self.query_one("#drafts", DataTable)
        if table.display:
            table.focus()
        else:
            say(self, "Belum ada draf.")

    def action_back(self) -> None:
        """Esc: back, asking first when something is not saved."""
        self.ask_leave(lambda: self.dismiss(self.reply_saved))
