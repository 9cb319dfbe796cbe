"""The two forms of the buku ekspedisi: a new entry, and the tanda terima of one."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult

from model.base import now
from model.books import ekspedisi
from model.books.ekspedisi import EkspedisiEntry
from model.workflow.items import WorkItem
from tui.dialogs.base import FormDialog
from tui.widgets.daterange import DATETIME_FORMAT, parse_date, parse_datetime
from tui.widgets.message import PROBLEMS
from tui.widgets.plain import Static


class EkspedisiForm(FormDialog[EkspedisiEntry]):
    """One labelled field a row under an optional note; dates typed wrong are refused too."""

    SAVE_BUTTON = "Simpan"
    REFUSALS = (*PROBLEMS, ValueError)
    FIELDS: tuple[tuple[str, str, str], ...] = ()  # id, label, placeholder

    def __init__(self, values: dict[str, str] | None = None, note: str = "") -> None:
        super().__init__()
        self.values, self.note = values or {}, note

    def compose_form(self) -> ComposeResult:
        if self.note:
            yield Static(self.note, classes="form-note")
        for field_id, label, placeholder in self.FIELDS:
            yield from self.field(field_id, label, self.values.get(field_id, ""), placeholder)

    def typed(self) -> dict[str, str]:
        return {f[0]: self.value(f[0]).strip() for f in self.FIELDS}


class EntryForm(EkspedisiForm):
    """A new line of the buku ekspedisi (optionally for a fax letter)."""

    TITLE_TEXT = "Entri baru buku ekspedisi"
    FIELDS = (
        ("to", "Kepada", "penerima surat"),
        ("number", "Nomor surat", ""),
        ("date", "Tanggal surat", "hh-bb-tttt"),
        ("perihal", "Perihal", ""),
        ("lampiran", "Lampiran", "mis. 1 berkas"),
    )

    def __init__(self, item_id: int | None = None, values: dict[str, str] | None = None):
        super().__init__(values, f"Untuk surat #{item_id}" if item_id else "")
        self.item_id = item_id

    def save(self) -> EkspedisiEntry:
        values = self.typed()
        letter_date: date | None = (
            parse_date(values["date"], "Tanggal surat") if values["date"] else None
        )
        item = WorkItem.get_by_id(self.item_id) if self.item_id else None
        return ekspedisi.add(
            self.app.session.user,
            to=values["to"],
            perihal=values["perihal"],
            letter_number=values["number"],
            letter_date=letter_date,
            lampiran=values["lampiran"],
            item=item,
        )


class ReceiptForm(EkspedisiForm):
    """Who signed the tanda terima, and when."""

    TITLE_TEXT = "Catat tanda terima"
    FIELDS = (
        ("receiver", "Diterima oleh", "nama penerima"),
        ("at", "Waktu terima", "hh-bb-tttt jj:mm"),
    )

    def __init__(self, entry: EkspedisiEntry):
        super().__init__(
            {"at": f"{now():{DATETIME_FORMAT}}"},
            f"Nomor {entry.seq}/{entry.year} kepada {entry.to}: {entry.perihal}",
        )
        self.entry_id, self.sent_at = entry.id, entry.at

    def save(self) -> EkspedisiEntry:
        values = self.typed()
        at = parse_datetime(values["at"], "Waktu terima")
        if at == self.sent_at.replace(second=0):
            at = self.sent_at  # typed to the minute: the minute the letter left counts
        return ekspedisi.record_receipt(
            self.app.session.user, self.entry_id, values["receiver"], at
        )
