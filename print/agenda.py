"""Buku agenda berita keluar / surat masuk: register pages for a date range."""

from __future__ import annotations

from fpdf.fonts import FontFace

from print.base import SANS, VOID_STYLE, Document, format_date
from print.records import AgendaBook, AgendaEntry, Letterhead

TITLES = {"keluar": "BUKU AGENDA BERITA KELUAR", "masuk": "BUKU AGENDA SURAT MASUK"}
# the columns of each book before Keterangan: heading, width (mm of 267), alignment
COLUMNS = {
    "keluar": (
        ("No. Agenda", 46, "LEFT"),
        ("Tanggal Kirim", 25, "LEFT"),
        ("Nomor Surat", 46, "LEFT"),
        ("Tujuan", 38, "LEFT"),
        ("Perihal", 50, "LEFT"),
        ("Sifat", 18, "CENTER"),
        ("Kode Klas.", 20, "CENTER"),
    ),
    "masuk": (
        ("No. Agenda", 40, "LEFT"),
        ("Tanggal Terima", 23, "LEFT"),
        ("Nomor Surat", 34, "LEFT"),
        ("Tanggal Surat", 23, "LEFT"),
        ("Asal Surat", 32, "LEFT"),
        ("Perihal", 41, "LEFT"),
        ("Kode Klas.", 16, "CENTER"),
        ("Diteruskan Kepada", 32, "LEFT"),
    ),
}
REMARKS_W = {"keluar": 24, "masuk": 26}
VOID_MARK = FontFace(emphasis="B", color=(200, 0, 0), fill_color=(240, 240, 240))


def cells(kind: str, entry: AgendaEntry) -> list[str]:
    """The row of `entry` in book `kind`, Keterangan left out."""
    if kind == "keluar":
        return [
            entry.number,
            format_date(entry.date),
            entry.letter_number,
            entry.counterpart,
            entry.subject,
            entry.sifat,
            entry.classification,
        ]
    return [
        entry.number,
        format_date(entry.date),
        entry.letter_number or "-",
        format_date(entry.letter_date),
        entry.counterpart,
        entry.subject,
        entry.classification,
        ", ".join(entry.forward_to) or "-",
    ]


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
    columns = COLUMNS[data.kind]
    rows = []
    for entry in data.entries:
        row = cells(data.kind, entry)
        if entry.void:
            mark = "BATAL" + (f" — {entry.void_reason}" if entry.void_reason else "")
            rows.append([(text, VOID_STYLE) for text in row] + [(mark, VOID_MARK)])
        else:
            rows.append([*row, entry.remarks])
    if not rows:
        rows.append(["Tidak ada catatan pada periode ini.", *[""] * len(columns)])
    pdf.data_table(
        [c[0] for c in columns] + ["Keterangan"],
        rows,
        [c[1] for c in columns] + [REMARKS_W[data.kind]],
        align=[c[2] for c in columns] + ["LEFT"],
    )
    pdf.set_font(SANS, size=8.5)
    voided = sum(entry.void for entry in data.entries)
    pdf.ln(2)
    pdf.cell(pdf.epw, 5, f"Jumlah nomor: {len(data.entries)} (batal: {voided})")
    return pdf.to_bytes()
