"""Buku agenda berita keluar / surat masuk: register pages for a date range."""

from __future__ import annotations

from fpdf.fonts import FontFace

from print.base import SANS, VOID_STYLE, Document, format_date
from print.records import AgendaBook, Letterhead

TITLES = {"keluar": "BUKU AGENDA BERITA KELUAR", "masuk": "BUKU AGENDA SURAT MASUK"}
COUNTERPART = {"keluar": "Tujuan", "masuk": "Asal Surat"}
DATE_HEAD = {"keluar": "Tanggal Kirim", "masuk": "Tanggal Terima"}
WIDTHS = (46, 25, 46, 38, 50, 18, 20, 24)
VOID_MARK = FontFace(emphasis="B", color=(200, 0, 0), fill_color=(240, 240, 240))


def agenda_pdf(data: AgendaBook, letterhead: Letterhead, paper: str = "A4") -> bytes:
    """Landscape agenda pages; voided numbers stay in the book, struck through, marked BATAL."""
    if data.kind not in TITLES:
        raise ValueError(f"Jenis buku agenda tidak dikenal: {data.kind!r} (keluar/masuk)")
    title = TITLES[data.kind]
    period = f"{format_date(data.start)} s.d. {format_date(data.end)}"
    pdf = Document(
        letterhead,
        paper,
        landscape=True,
        title=title.title(),
        running_title=f"{title.title()} — {period}",
    )
    pdf.kop(compact=True)
    unit = f"{letterhead.unit} — " if letterhead.unit else ""
    pdf.heading(title, f"{unit}Periode {period}")
    headings = (
        "No. Agenda",
        DATE_HEAD[data.kind],
        "Nomor Surat",
        COUNTERPART[data.kind],
        "Perihal",
        "Sifat",
        "Kode Klas.",
        "Keterangan",
    )
    rows = []
    for entry in data.entries:
        remarks = entry.remarks
        cells = [
            entry.number,
            format_date(entry.date),
            entry.letter_number,
            entry.counterpart,
            entry.subject,
            entry.sifat,
            entry.classification,
        ]
        if entry.void:
            mark = "BATAL" + (f" — {entry.void_reason}" if entry.void_reason else "")
            rows.append([(text, VOID_STYLE) for text in cells] + [(mark, VOID_MARK)])
        else:
            rows.append([*cells, remarks])
    if not rows:
        rows.append(["Tidak ada catatan pada periode ini.", *[""] * 7])
    pdf.data_table(
        headings,
        rows,
        WIDTHS,
        align=("LEFT", "LEFT", "LEFT", "LEFT", "LEFT", "CENTER", "CENTER", "LEFT"),
    )
    pdf.set_font(SANS, size=8.5)
    voided = sum(entry.void for entry in data.entries)
    pdf.ln(2)
    pdf.cell(pdf.epw, 5, f"Jumlah nomor: {len(data.entries)} (batal: {voided})")
    return pdf.to_bytes()
