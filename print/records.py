"""Plain input records for the printed documents (no model imports: callers fill these)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class Letterhead:
    """Kop surat: the office heading printed on top of official documents."""

    government: str  # "PEMERINTAH KABUPATEN TRENGGALEK"
    office: str  # "DINAS KOMUNIKASI DAN INFORMATIKA"
    address: str  # street, town, postcode
    contact_lines: tuple[str, ...] = ()  # "Telepon (0355) 791xxx", "Email kominfo@…"
    unit: str = ""  # section name shown in book headers, e.g. "Seksi Persandian"
    logo_png: bytes | None = None  # regency emblem, left of the text


@dataclass(frozen=True)
class Signatory:
    """A signature block: place and date, position, name and NIP."""

    name: str
    nip: str
    title: str  # jabatan, e.g. "Kepala Seksi Keamanan Informasi dan Persandian"
    place: str = "Trenggalek"
    date: date | None = None
    rank: str = ""  # pangkat/golongan, e.g. "Penata Tk. I (III/d)"


@dataclass(frozen=True)
class DispositionChoices:
    """What a lembar disposisi offers to tick (the caller's lists, from the model)."""

    sifat: tuple[str, ...]
    derajat: tuple[str, ...]
    instructions: tuple[str, ...]


@dataclass(frozen=True)
class DispositionSheet:
    """Lembar disposisi for one incoming letter or fax request."""

    sender: str  # surat dari
    letter_number: str
    letter_date: date
    received_date: date
    agenda_number: str
    sifat: str  # one of choices.sifat
    derajat: str  # one of choices.derajat
    subject: str  # perihal
    choices: DispositionChoices
    forward_to: tuple[str, ...] = ()  # diteruskan kepada
    checked: tuple[str, ...] = ()  # instructions ticked (must be in choices.instructions)
    note: str = ""  # catatan / isi disposisi
    signatory: Signatory | None = None


@dataclass(frozen=True)
class AgendaEntry:
    """One row of an agenda book."""

    number: str  # nomor agenda
    date: date
    letter_number: str
    counterpart: str  # asal (masuk) or tujuan (keluar)
    subject: str
    sifat: str = "Biasa"
    classification: str = ""  # kode klasifikasi arsip
    remarks: str = ""
    void: bool = False
    void_reason: str = ""
    letter_date: date | None = None  # tanggal surat (masuk)
    forward_to: tuple[str, ...] = ()  # diteruskan kepada (masuk)


@dataclass(frozen=True)
class AgendaBook:
    """Pages of a buku agenda for a date range; kind is "keluar" or "masuk"."""

    kind: str
    start: date
    end: date
    entries: tuple[AgendaEntry, ...] = ()


@dataclass(frozen=True)
class Attempt:
    """One call of a fax transmission, as the modem reported it."""

    started: datetime
    result: str  # "OK" or the call's error text
    duration_s: int = 0
    pages: int = 0  # pages the receiver confirmed in this call
    pages_total: int = 0
    resolution: str = ""  # negotiated: "Halus" or "Standar"; "" when the call got no further
    speed_bps: int = 0
    remote_csid: str = ""
    hangup_code: str = ""


@dataclass(frozen=True)
class LetterDestination:
    """One destination of the letter, as the journal's overview lists them all."""

    name: str
    group: str
    number: str
    status: str  # "Terkirim", "Antre (kirim pada 14.00)", "Gagal: Nomor sibuk" …
    tries: int
    pages: str  # "3/3"
    at: datetime | None  # sent, or the last call


@dataclass(frozen=True)
class TransmissionReport:
    """Jurnal pengiriman: the TX report of one fax job, every call it made."""

    started: datetime | None  # the first call; None when no call was made
    ended: datetime | None  # the last call, or when the job was given up
    local_id: str  # our TSI, e.g. "+62 355 791234"
    dialled: str
    remote_csid: str
    duration_s: int  # on the line, all calls together
    pages: int  # confirmed by the receiver
    pages_total: int
    resolution: str  # negotiated: "Halus" or "Standar"; "" when never negotiated
    speed_bps: int
    result: str  # what became of the job: "Terkirim" or the reason it failed
    ok: bool
    finished: bool = True  # False: queued, sending or awaiting the operator's decision
    foreign_csids: tuple[str, ...] = ()  # remote IDs that look like another station
    agenda_number: str = ""
    destination: str = ""
    operator: str = ""
    attempts: tuple[Attempt, ...] = ()
    thumbnail: Any = None  # PNG bytes or PIL image of page 1
    letter: tuple[LetterDestination, ...] = ()  # every destination, when there are several


@dataclass(frozen=True)
class FaxLogEntry:
    """One transmission in the buku laporan harian fax."""

    time: datetime
    agenda_number: str
    destination: str
    number: str
    pages: int  # confirmed by the receiver
    result: str
    operator: str
    ok: bool  # recorded as sent (modem or standalone machine)


@dataclass(frozen=True)
class FaxDailyReport:
    """Buku laporan harian fax for one day."""

    day: date
    entries: tuple[FaxLogEntry, ...] = ()
    operator: Signatory | None = None
    kasi: Signatory | None = None


@dataclass(frozen=True)
class BackStamp:
    """The sending record written on the back of the original message."""

    sent_at: datetime
    operator: str
    result: str
    agenda_number: str
    destination: str = ""
    pages: int = 0


@dataclass(frozen=True)
class AgendaLabel:
    """The agenda stamp on a printed incoming letter: when it came, its number and code."""

    agenda_number: str
    received_at: datetime
    classification: str  # kode klasifikasi arsip
    classification_name: str = ""  # its uraian
    letter_number: str = ""
    letter_date: date | None = None
    sender: str = ""
    forward_to: tuple[str, ...] = ()  # diteruskan kepada


@dataclass(frozen=True)
class ReceiptEntry:
    """One delivery in the buku ekspedisi."""

    number: int
    date: date
    letter_number: str
    letter_date: date
    recipient: str  # kepada
    subject: str
    attachments: str = "-"  # lampiran
    receiver_name: str = ""
    received_at: datetime | None = None


@dataclass(frozen=True)
class ReceiptSheet:
    """Tanda terima / buku ekspedisi sheet."""

    entries: tuple[ReceiptEntry, ...] = ()
    title: str = "BUKU EKSPEDISI / TANDA TERIMA SURAT"


@dataclass(frozen=True)
class EmailAttachment:
    name: str
    size: int  # bytes
    content_type: str = ""


@dataclass(frozen=True)
class EmailPrintout:
    """An incoming email printed for the paper flow, labelled with its agenda number."""

    agenda_number: str
    received_at: datetime
    sender: str
    to: tuple[str, ...]
    subject: str
    sent_at: datetime
    body: str
    cc: tuple[str, ...] = ()
    attachments: tuple[EmailAttachment, ...] = ()
    label: str = "SURAT MASUK (EMAIL)"


@dataclass(frozen=True)
class ComplianceRow:
    """Mutu baku figures of one SOP step over the month."""

    procedure: str
    step: int
    activity: str
    count: int
    median_min: float | None
    p90_min: float | None
    standard_min: float | None
    within_pct: float | None


@dataclass(frozen=True)
class ComplianceReport:
    """Monthly mutu baku compliance report."""

    year: int
    month: int
    rows: tuple[ComplianceRow, ...] = ()
    signatory: Signatory | None = None
    sop_number: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)
    # incoming mail set aside at sorting as not official letters: (kind label, count)
    set_aside: tuple[tuple[str, int], ...] = ()
