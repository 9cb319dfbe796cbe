"""Reading one email (incoming or outgoing): headers, warnings, text, attachments; shared
helpers of the email screens."""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer
from textual.widgets.option_list import Option

from model.books.agenda import agenda_number
from model.email_in import records as email_in_records
from model.email_out import records as email_out_records
from model.reports.mail_archive import forwards_of
from model.sop import DONE, EMAIL_IN
from model.workflow.items import WorkItem
from tui.keys import bind
from tui.screens.help import HelpScreen, item_help
from tui.widgets.clock import StepClock
from tui.widgets.plain import OptionList, Static
from tui.widgets.tone import tone


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    return f"{size / 1024:.1f} KB" if size < 1024 * 1024 else f"{size / 1048576:.1f} MB"


def step_line(item: WorkItem) -> str:
    """The SOP step, as shown under every queue (its clock, tui.widgets.clock.StepClock,
    under it)."""
    if item.step == DONE:
        aside = item.procedure == EMAIL_IN and email_in_records.mail_of(item).set_aside
        return "Selesai (disisihkan: bukan surat dinas)" if aside else "Selesai (diarsipkan)"
    step = item.sop_step
    return f"Langkah {step.number}: {step.name}"


def attachment_text(data: bytes, content_type: str, filename: str) -> str:
    """An attachment as text where it is text; otherwise say so with its type and size."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind.startswith("text/"):
        found = re.search(r"charset=\"?([\w.-]+)", content_type or "", re.I)
        try:
            return data.decode(found.group(1) if found else "utf-8", errors="replace")
        except LookupError:
            return data.decode("utf-8", errors="replace")
    return (
        f"{filename} ({kind or 'tipe tidak diketahui'}, {size_text(len(data))}) "
        "tidak dapat ditampilkan sebagai teks."
    )


def incoming_text(item_id: int, body: bool = True) -> Text:
    """Headers, parse warnings, agenda number, forwards and the text of an incoming mail."""
    item = WorkItem.get_by_id(item_id)
    mail = email_in_records.mail_of(item)
    text = Text()
    text.append(f"#{item.id}  {mail.subject}\n", style="bold")
    sender = f"{mail.from_name} <{mail.from_addr}>" if mail.from_name else mail.from_addr
    sent = f"{mail.sent_at:%d-%m-%Y %H:%M}" if mail.sent_at else "-"
    text.append(f"Dari    : {sender}\nKepada  : {mail.to or '-'}\n")
    if mail.cc:
        text.append(f"Tembusan: {mail.cc}\n")
    text.append(f"Dikirim : {sent}   Diterima: {mail.received_at:%d-%m-%Y %H:%M}\n")
    number = agenda_number(item)
    if number:
        text.append(f"No. agenda surat masuk: {number}\n", style="bold")
    if mail.letter_number or mail.letter_date:
        day = f"{mail.letter_date:%d-%m-%Y}" if mail.letter_date else "-"
        text.append(f"Surat nomor {mail.letter_number or '-'} tanggal {day}\n")
    if mail.set_aside:
        text.append(f"{email_in_records.set_aside_text(mail)}\n", style=tone("error", "bold"))
    for warning in filter(None, mail.warnings.splitlines()):
        text.append(f"⚠ {warning}\n", style=tone("warning", "bold"))
    attachments = list(mail.attachments)
    if attachments:
        text.append(
            "Lampiran: "
            + ", ".join(f"{a.filename} ({size_text(a.size)})" for a in attachments)
            + "\n"
        )
    for trail in forwards_of(item_id):
        fwd = trail.forward
        text.append(
            f"Diteruskan ke {fwd.unit.name} oleh {fwd.by.full_name} {fwd.at:%d-%m %H:%M}\n",
            style=tone("accent", "bold"),
        )
        if fwd.note:
            text.append(f"  Catatan: {fwd.note}\n", style="bold")
        for done in trail.follow_ups:
            who = done.by.full_name if done.by else "sistem"
            text.append(f"  Tindak lanjut {who} {done.at:%d-%m %H:%M}: {done.text}\n")
    if body:
        text.append("\n")
        text.append(mail.text.strip() or "(isi email kosong)")
    return text


def outgoing_text(item_id: int) -> Text:
    """An outgoing draft or letter: recipients, subject, attachments and body."""
    item = WorkItem.get_by_id(item_id)
    mail = email_out_records.mail_of(item)
    text = Text()
    text.append(f"#{item.id}  {mail.subject}\n", style="bold")
    text.append(f"Kepada  : {mail.to}\n")
    if mail.cc:
        text.append(f"Tembusan: {mail.cc}\n")
    if mail.reply_to_id:
        text.append(f"Jawaban atas email masuk #{mail.reply_to_id}\n")
    files = list(mail.attachments)
    if files:
        text.append(
            "Lampiran: "
            + ", ".join(f"{a.filename} ({size_text(len(a.data))})" for a in files)
            + "\n"
        )
    number = agenda_number(item)
    if number:
        text.append(f"No. agenda berita keluar: {number}\n", style="bold")
    text.append("\n")
    text.append(mail.body.strip() or "(isi kosong)")
    return text


class AttachmentScreen(ModalScreen):
    """One attachment of an incoming mail, shown as text where possible."""

    CSS_PATH = "mail_view.tcss"
    BINDINGS = [bind("escape", "dismiss")]

    def __init__(self, attachment_id: int):
        super().__init__()
        self.attachment_id = attachment_id

    def compose(self) -> ComposeResult:
        att = email_in_records.MailAttachment.get_by_id(self.attachment_id)
        with VerticalScroll(id="att-body", classes="dialog"):
            yield Static(
                f"{att.filename} — {att.content_type or '-'}, {size_text(att.size)}",
                classes="dialog-title",
            )
            yield Static(Text(attachment_text(bytes(att.data), att.content_type, att.filename)))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#att-body").focus()


class MailViewScreen(ModalScreen):
    """The whole incoming mail, read-only; Enter on an attachment opens it."""

    CSS_PATH = "mail_view.tcss"
    BINDINGS = [bind("escape", "dismiss"), bind("tab", "app.focus_next")]

    def __init__(self, item_id: int):
        super().__init__()
        self.item_id = item_id

    def sop_help(self) -> HelpScreen:
        """F1: the SOP at this item's step."""
        return item_help(self.item_id)

    def compose(self) -> ComposeResult:
        mail = email_in_records.mail_of(self.item_id)
        files = [
            Option(f"📎 {a.filename} ({a.content_type}, {size_text(a.size)})", id=str(a.id))
            for a in mail.attachments
        ]
        with Vertical(id="view-box", classes="dialog"):
            yield StepClock(self.item_id)
            with VerticalScroll(id="view-body"):
                yield Static(incoming_text(self.item_id))
            yield OptionList(*files, id="view-files")
        yield Footer()

    def on_mount(self) -> None:
        files = self.query_one("#view-files", OptionList)
        files.display = files.option_count > 0
        if files.option_count:
            files.highlighted = 0
        self.query_one("#view-body").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.push_screen(AttachmentScreen(int(event.option.id)))
