"""The fax message page's facts (Tata Naskah Dinas, Permendagri 1/2023, a naskah dinas sent
by fax): what one destination's first page says, gathered from the request, its disposition,
the agenda and warkat.toml into a plain dataclass that hw.faxmessage draws and the preview
shows as text."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date

from model.base import now
from model.books.agenda import live_entry
from model.config import Config
from model.fax.flow import FaxDraft
from model.fax.records import Disposition, FaxDestination, request_of
from model.hours import MONTH_NAMES
from model.org import Unit, User
from model.workflow.items import WorkItem

TITLE = "BERITA FAKSIMILI"  # a typed isi berita: the message itself
COVER_TITLE = "LEMBAR PENGANTAR FAKSIMILI"  # in front of an attachment without isi berita
UNNUMBERED = "(belum bernomor)"
WORDS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def long_date(day: date) -> str:
    """'3 Desember 2026'."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def counted(n: int, noun: str) -> str:
    """'1 (satu) berkas'; numbers of two digits and more without words."""
    return f"{n} ({WORDS[n]}) {noun}" if 0 <= n < len(WORDS) else f"{n} {noun}"


@dataclass(frozen=True)
class Signer:
    """Who signs: the Kasi Persandian who disposed the request (blank name before that)."""

    position: str
    name: str = ""
    nip: str = ""


@dataclass(frozen=True)
class FaxMessage:
    """One destination's message: its first page's fields, the isi berita, the signature."""

    letterhead: tuple[str, ...]
    kepada: str
    dari: str
    nomor: str
    tanggal: date
    sifat: str
    derajat: str
    perihal: str
    isi: str
    place: str
    signer: Signer
    cover_note: str = ""
    attachment_name: str = ""
    attachment: bytes | None = None

    @property
    def cover(self) -> bool:
        """An attachment sent without isi berita: the first page is a lembar pengantar."""
        return not self.isi.strip() and bool(self.attachment)

    @property
    def title(self) -> str:
        return COVER_TITLE if self.cover else TITLE

    @property
    def body(self) -> str:
        """The text under the fields: the isi berita, or the cover sheet's note."""
        return self.cover_note if self.cover else self.isi

    def lampiran(self, attachment_pages: int) -> str:
        if not self.attachment:
            return "-"
        return f"{counted(1, 'berkas')}, {attachment_pages} halaman"

    def fields(self, total_pages: int, attachment_pages: int = 0) -> list[tuple[str, str]]:
        """The first page's table, in the order of the page."""
        return [
            ("Kepada Yth.", self.kepada),
            ("Dari", self.dari),
            ("Nomor", self.nomor),
            ("Tanggal", long_date(self.tanggal)),
            ("Sifat", self.sifat),
            ("Derajat", self.derajat),
            ("Lampiran", self.lampiran(attachment_pages)),
            ("Perihal", self.perihal),
            ("Jumlah halaman", f"{total_pages} halaman (termasuk halaman ini)"),
        ]

    def signature(self) -> list[str]:
        """Place and date, position, (the space to sign), name, NIP — top to bottom."""
        return [
            f"{self.place}, {long_date(self.tanggal)}",
            f"{self.signer.position},",
            self.signer.name or "." * 30,
            f"NIP. {self.signer.nip or '.' * 18}",
        ]

    def preview_lines(
        self, total_pages: int, attachment_pages: int = 0, width: int = 72
    ) -> list[str]:
        """The first page as plain text lines (the 80×24 preview)."""
        lines = [line.center(width).rstrip() for line in self.letterhead]
        lines += ["═" * width, "", self.title.center(width).rstrip(), ""]
        table = self.fields(total_pages, attachment_pages)
        label = max(len(name) for name, _ in table)
        for name, value in table:
            wrapped = textwrap.wrap(value, width - label - 3) or ["-"]
            lines.append(f"{name:<{label}} : {wrapped[0]}")
            lines += [" " * (label + 3) + more for more in wrapped[1:]]
        lines += ["─" * width, ""]
        for paragraph in self.body.expandtabs(4).splitlines():
            lines += textwrap.wrap(paragraph, width) or [""]
        sign = self.signature()
        indent = " " * (width - max(len(s) for s in sign))
        lines += ["", *(indent + s for s in sign[:2]), "", "", *(indent + s for s in sign[2:])]
        return lines


def _signer(cfg: Config, item_id: int | None) -> Signer:
    disposition = (
        Disposition.select().where(Disposition.item == item_id).order_by(Disposition.id.desc())
    ).first()
    default = f"Kepala {cfg.office.section}"
    if disposition is None:
        return Signer(default)
    by: User = disposition.by
    return Signer(by.position.name if by.position else default, by.full_name, by.nip)


def _message(cfg: Config, item_id: int | None, kepada: str, unit_id: int | None, **facts):
    entry = live_entry(item_id) if item_id else None
    unit = Unit.get_or_none(Unit.id == unit_id) if isinstance(unit_id, int) else None
    return FaxMessage(
        letterhead=tuple(cfg.office.letterhead),
        kepada=kepada,
        dari=unit.name if unit else cfg.office.name,
        nomor=entry.number if entry else UNNUMBERED,
        tanggal=entry.registered_at.date() if entry else now().date(),
        place=cfg.office.place,
        signer=_signer(cfg, item_id),
        cover_note=cfg.fax.cover_note,
        **facts,
    )


def message_of(cfg: Config, destination: FaxDestination) -> FaxMessage:
    """The message as it is faxed to `destination` (each destination its own first page)."""
    req = destination.request
    item: WorkItem = req.item
    return _message(
        cfg,
        item.id,
        destination.name,
        req.from_unit_id,
        sifat=item.sifat,
        derajat=item.derajat,
        perihal=item.title,
        isi=req.isi_berita,
        attachment_name=req.attachment_name,
        attachment=bytes(req.attachment) if req.attachment else None,
    )


def first_message(cfg: Config, item_id: int) -> FaxMessage:
    """The message to the request's first destination."""
    req = request_of(item_id)
    return message_of(cfg, req.destinations.order_by(FaxDestination.id).get())


def draft_message(cfg: Config, draft: FaxDraft, item_id: int | None = None) -> FaxMessage:
    """The message a request form's values would fax to its first
    destination; the agenda number and signer once the saved item has them."""
    kepada = draft.destinations[0][0] if draft.destinations else "(belum ada tujuan)"
    return _message(
        cfg,
        item_id,
        kepada,
        draft.from_unit_id,
        sifat=draft.sifat,
        derajat=draft.derajat,
        perihal=draft.perihal.strip() or "-",
        isi=draft.isi_berita,
        attachment_name=draft.attachment_name,
        attachment=draft.attachment,
    )
