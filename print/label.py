"""The agenda stamp (label) of a printed incoming letter: received, agenda number,
classification, the sender's letter, where it goes — a 90 mm box at the top right of an
otherwise blank page, to print on the back of the printout or on a sticker sheet."""

from __future__ import annotations

import textwrap

from print.base import Document, format_date
from print.records import AgendaLabel, Letterhead
from print.stampbox import Box, stamp_box, stamp_lines

BOX = Box(width=90.0, label_w=25, size=8.5, line_h=4.2, sign_h=7)
TITLE = "AGENDA SURAT MASUK"
NAME_CHARS = 60  # a long uraian is shortened: the code is what files the letter


def label_rows(data: AgendaLabel) -> list[tuple[str, str]]:
    name = textwrap.shorten(data.classification_name, NAME_CHARS, placeholder="…")
    return [
        ("Diterima tgl", format_date(data.received_at)),
        ("Nomor agenda", data.agenda_number),
        ("Klasifikasi", f"{data.classification} {name}".strip()),
        ("Asal surat", data.sender or "-"),
        ("Nomor surat", data.letter_number or "-"),
        ("Tanggal surat", format_date(data.letter_date)),
        ("Diteruskan ke", ", ".join(data.forward_to) or "-"),
    ]


def label_pdf(data: AgendaLabel, letterhead: Letterhead, paper: str = "A4") -> bytes:
    """The stamp alone on a page of the configured paper, at its top right corner."""
    pdf = Document(letterhead, paper, title=f"Label agenda {data.agenda_number}", numbered=False)
    stamp_box(pdf, BOX, TITLE, letterhead.office, label_rows(data))
    return pdf.to_bytes()


def label_text(data: AgendaLabel, width: int = 40) -> str:
    """The same stamp as plain text lines for a dot-matrix printer."""
    return stamp_lines(TITLE, label_rows(data), width)
