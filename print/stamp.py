"""Back-of-message stamp: when, by whom and with what result the original was faxed."""

from __future__ import annotations

from print.base import Document, format_date, format_time
from print.records import BackStamp, Letterhead
from print.stampbox import Box, stamp_box, stamp_lines

BOX = Box(width=88.0, label_w=22, size=9, line_h=4.8, sign_h=10)
TITLE = "TELAH DIKIRIM MELALUI FAKSIMILI"


def stamp_rows(data: BackStamp) -> list[tuple[str, str]]:
    return [
        ("No. agenda", data.agenda_number),
        ("Tanggal", format_date(data.sent_at)),
        ("Jam kirim", f"{format_time(data.sent_at)} WIB"),
        ("Tujuan", data.destination or "-"),
        ("Jumlah hlm", str(data.pages) if data.pages else "-"),
        ("Hasil", data.result),
        ("Operator", data.operator),
    ]


def stamp_pdf(data: BackStamp, letterhead: Letterhead, paper: str = "A4") -> bytes:
    """A boxed stamp at the top right of an otherwise blank page (feed the original reversed)."""
    pdf = Document(letterhead, paper, title="Catatan Pengiriman", numbered=False)
    office = f"{letterhead.unit or 'Persandian'} — {letterhead.office}"
    stamp_box(pdf, BOX, TITLE, office, stamp_rows(data))
    return pdf.to_bytes()


def stamp_text(data: BackStamp, width: int = 40) -> str:
    """The same stamp as plain text lines for a dot-matrix or receipt printer."""
    return stamp_lines(TITLE, stamp_rows(data), width)
