"""Back-of-message stamp: when, by whom and with what result the original was faxed."""

from __future__ import annotations

from print.base import SANS, Document, format_date, format_time
from print.records import BackStamp, Letterhead

WIDTH = 88.0


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
    x = pdf.w - pdf.r_margin - WIDTH
    top = pdf.get_y()
    pdf.set_xy(x, top)
    pdf.set_font(SANS, "B", 10)
    pdf.set_fill_color(230)
    pdf.multi_cell(
        WIDTH,
        6,
        "TELAH DIKIRIM MELALUI FAKSIMILI",
        border=1,
        align="C",
        fill=True,
        new_x="LEFT",
        new_y="NEXT",
    )
    pdf.set_font(SANS, size=7.5)
    pdf.multi_cell(
        WIDTH,
        3.6,
        f"{letterhead.unit or 'Persandian'} — {letterhead.office}",
        align="C",
        new_x="LEFT",
        new_y="NEXT",
    )
    pdf.ln(1)
    pdf.set_x(x + 2)
    pdf.set_font(SANS, size=9)
    pdf.label_rows(stamp_rows(data), label_w=22, width=WIDTH - 4, line_h=4.8)
    pdf.set_x(x + 2)
    pdf.cell(22, 10, "Paraf")
    pdf.cell(4, 10, ":")
    pdf.ln(10)
    pdf.rect(x, top, WIDTH, pdf.get_y() - top + 1)
    return pdf.to_bytes()


def stamp_text(data: BackStamp, width: int = 40) -> str:
    """The same stamp as plain text lines for a dot-matrix or receipt printer."""
    rule = "-" * width
    lines = [rule, "TELAH DIKIRIM MELALUI FAKSIMILI".center(width), rule]
    lines += [f"{label:<11}: {value}" for label, value in stamp_rows(data)]
    lines += ["Paraf      :", "", rule]
    return "\n".join(lines) + "\n"
