"""Incoming email printout for the paper flow, labelled with its agenda number."""

from __future__ import annotations

from print.base import SANS, Document, format_datetime
from print.records import EmailPrintout, Letterhead

LABEL_W = 78.0


def format_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def email_pdf(data: EmailPrintout, letterhead: Letterhead, paper: str = "A4") -> bytes:
    """Agenda label, header block (dari, kepada, cc, tanggal, perihal), body, attachments."""
    pdf = Document(
        letterhead,
        paper,
        title=f"Surat Elektronik — {data.subject}",
        running_title=f"Surat elektronik masuk — No. Agenda {data.agenda_number}",
    )
    pdf.set_font(SANS, size=8)
    pdf.cell(pdf.epw - LABEL_W - 4, 4, letterhead.government.upper())
    top = pdf.get_y()
    pdf.set_xy(pdf.l_margin, top + 4)
    pdf.set_font(SANS, "B", 9)
    pdf.multi_cell(
        pdf.epw - LABEL_W - 4,
        4.5,
        letterhead.office.upper(),
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(SANS, size=8)
    pdf.multi_cell(
        pdf.epw - LABEL_W - 4,
        4,
        "Cetakan surat elektronik masuk",
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    left_bottom = pdf.get_y()
    x = pdf.w - pdf.r_margin - LABEL_W
    pdf.set_xy(x, top)
    pdf.set_font(SANS, "B", 9)
    pdf.set_fill_color(230)
    pdf.cell(LABEL_W, 6, data.label, border=1, align="C", fill=True, new_x="LEFT", new_y="NEXT")
    pdf.set_font(SANS, size=8.5)
    pdf.set_x(x + 1.5)
    pdf.label_rows(
        [("No. agenda", data.agenda_number), ("Diterima", format_datetime(data.received_at))],
        label_w=17,
        width=LABEL_W - 3,
        line_h=4.5,
    )
    pdf.rect(x, top, LABEL_W, pdf.get_y() - top + 1)
    pdf.set_xy(pdf.l_margin, max(left_bottom, pdf.get_y() + 1) + 4)
    pdf.set_line_width(0.5)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.set_line_width(0.2)
    pdf.ln(3)
    pdf.set_font(SANS, size=10)
    pdf.label_rows(
        [
            ("Dari", data.sender),
            ("Kepada", ", ".join(data.to)),
            ("Tembusan (cc)", ", ".join(data.cc) or "-"),
            ("Tanggal", format_datetime(data.sent_at)),
            ("Perihal", data.subject),
            ("Lampiran", f"{len(data.attachments)} berkas" if data.attachments else "-"),
        ],
        label_w=30,
    )
    pdf.ln(2)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(4)
    pdf.multi_cell(
        pdf.epw,
        5,
        data.body.strip() or "(isi surat kosong)",
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    if data.attachments:
        pdf.ln(5)
        pdf.set_font(SANS, "B", 10)
        pdf.cell(pdf.epw, 6, "Daftar lampiran", new_x="LMARGIN", new_y="NEXT")
        rows = [
            [str(n), a.name, a.content_type or "-", format_size(a.size)]
            for n, a in enumerate(data.attachments, start=1)
        ]
        pdf.data_table(
            ("No.", "Nama berkas", "Jenis", "Ukuran"),
            rows,
            (10, 85, 45, 25),
            align=("CENTER", "LEFT", "LEFT", "RIGHT"),
        )
    return pdf.to_bytes()
