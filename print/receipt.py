"""Tanda terima / buku ekspedisi: who received which letter, when, signed."""

from __future__ import annotations

from print.base import Document, format_date, format_time
from print.records import Letterhead, ReceiptSheet

HEADINGS = (
    "No.",
    "Tanggal Kirim",
    "Nomor Surat",
    "Tanggal Surat",
    "Kepada",
    "Perihal",
    "Lampiran",
    "Nama Penerima",
    "Tanda Tangan",
    "Jam Terima",
)
WIDTHS = (10, 25, 40, 25, 33, 45, 19, 27, 27, 16)


def receipt_pdf(data: ReceiptSheet, letterhead: Letterhead, paper: str = "A4") -> bytes:
    """Landscape ekspedisi sheet; rows tall enough to sign, blank fields left for the pen."""
    pdf = Document(
        letterhead,
        paper,
        landscape=True,
        title=data.title.title(),
        running_title=data.title.title(),
    )
    pdf.kop(compact=True)
    pdf.heading(data.title, letterhead.unit)
    rows = []
    for e in data.entries:
        received = format_time(e.received_at) if e.received_at else ""
        sign = f"{e.number}." if e.number else ""
        rows.append(
            [
                str(e.number),
                format_date(e.date),
                e.letter_number,
                format_date(e.letter_date),
                e.recipient,
                e.subject,
                e.attachments or "-",
                e.receiver_name,
                sign,
                received,
            ]
        )
    if not rows:
        rows = [[""] * len(HEADINGS)]
    pdf.data_table(
        HEADINGS,
        rows,
        WIDTHS,
        min_row_height=14,
        align=(
            "CENTER",
            "LEFT",
            "LEFT",
            "LEFT",
            "LEFT",
            "LEFT",
            "CENTER",
            "LEFT",
            "LEFT",
            "CENTER",
        ),
    )
    return pdf.to_bytes()
