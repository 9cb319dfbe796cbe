"""Buku laporan harian fax: every transmission of one day, with a paraf column for the Kasi."""

from __future__ import annotations

from print.anchor import anchor_line
from print.base import SANS, Document, format_date, format_time
from print.records import FaxDailyReport, Letterhead

WIDTHS = (9, 15, 44, 52, 32, 12, 41, 38, 24)
HEADINGS = (
    "No.",
    "Jam",
    "No. Agenda",
    "Tujuan",
    "Nomor Faks",
    "Hlm",
    "Hasil",
    "Operator",
    "Paraf Kasi",
)


def faxlog_pdf(
    data: FaxDailyReport, letterhead: Letterhead, paper: str = "A4", anchor: str = ""
) -> bytes:
    """Landscape daily fax report for data.day, signed by the operator and the Kasi; `anchor`
    (the audit chain's head, `N:HASH`) goes in small print under the signatures."""
    title = "Buku Laporan Harian Faksimili"
    pdf = Document(
        letterhead,
        paper,
        landscape=True,
        title=title,
        running_title=f"{title} — {format_date(data.day)}",
    )
    pdf.kop(compact=True)
    unit = f"{letterhead.unit} — " if letterhead.unit else ""
    pdf.heading(title.upper(), f"{unit}Hari/tanggal: {format_date(data.day, weekday=True)}")
    entries = sorted(data.entries, key=lambda e: e.time)
    rows = [
        [
            str(n),
            format_time(e.time),
            e.agenda_number,
            e.destination,
            e.number,
            str(e.pages),
            e.result,
            e.operator,
            "",
        ]
        for n, e in enumerate(entries, start=1)
    ]
    if not rows:
        rows = [["", "", "Tidak ada pengiriman pada hari ini.", *[""] * 6]]
    pdf.data_table(
        HEADINGS,
        rows,
        WIDTHS,
        min_row_height=9,
        align=("CENTER", "CENTER", "LEFT", "LEFT", "LEFT", "CENTER", "LEFT", "LEFT", "LEFT"),
    )
    ok = sum(e.ok for e in entries)
    pages = sum(e.pages for e in entries)
    pdf.set_font(SANS, size=9)
    pdf.ln(2)
    pdf.cell(
        pdf.epw,
        5,
        f"Jumlah pengiriman: {len(entries)} (berhasil {ok}, "
        f"tidak berhasil {len(entries) - ok}); "
        f"jumlah halaman terkonfirmasi: {pages}",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.signatures(
        ("", data.operator) if data.operator else None,
        ("Mengetahui,", data.kasi) if data.kasi else None,
    )
    if anchor:
        anchor_line(pdf, anchor)
    return pdf.to_bytes()
