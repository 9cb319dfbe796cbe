"""Monthly mutu baku compliance report: per SOP step, time taken against the standard."""

from __future__ import annotations

from fpdf.fonts import FontFace

from print.anchor import anchor_line
from print.base import SANS, Document, format_minutes, month_name
from print.records import ComplianceReport, Letterhead

HEADINGS = (
    "Prosedur",
    "No.",
    "Kegiatan",
    "Jumlah",
    "Median (menit)",
    "P90 (menit)",
    "Standar (menit)",
    "Sesuai (%)",
)
WIDTHS = (29, 10, 51, 14, 16, 15, 16, 14)
TARGET_PCT = 80.0
BELOW = FontFace(emphasis="B", color=(190, 0, 0))


def compliance_pdf(
    data: ComplianceReport, letterhead: Letterhead, paper: str = "A4", anchor: str = ""
) -> bytes:
    """Portrait table; shares under 80 % are printed bold red; `anchor` (the audit chain's
    head, `N:HASH`) goes in small print at the end."""
    period = f"{month_name(data.month)} {data.year}"
    title = "Laporan Kepatuhan Mutu Baku SOP"
    pdf = Document(letterhead, paper, title=title, running_title=f"{title} — {period}")
    pdf.kop(compact=True)
    sop = f"{data.sop_number} — " if data.sop_number else ""
    pdf.heading(title.upper(), f"{sop}Bulan {period}")
    rows = []
    last = None
    for r in data.rows:
        pct = "-" if r.within_pct is None else format_minutes(r.within_pct)
        pct_cell = (pct, BELOW) if r.within_pct is not None and r.within_pct < TARGET_PCT else pct
        rows.append(
            [
                r.procedure if r.procedure != last else "",
                str(r.step),
                r.activity,
                str(r.count),
                format_minutes(r.median_min),
                format_minutes(r.p90_min),
                format_minutes(r.standard_min),
                pct_cell,
            ]
        )
        last = r.procedure
    if not rows:
        rows = [["", "", "Belum ada langkah yang tercatat pada bulan ini.", *[""] * 5]]
    pdf.data_table(
        HEADINGS,
        rows,
        WIDTHS,
        align=("LEFT", "CENTER", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
    )
    pdf.set_font(SANS, size=8.5)
    pdf.ln(2)
    if data.set_aside:
        set_aside_line(pdf, data.set_aside)
    notes = (
        f"Sesuai standar: persentase langkah yang selesai dalam waktu standar mutu baku; "
        f"di bawah {TARGET_PCT:.0f}% dicetak tebal merah. P90: 90% langkah selesai "
        f"dalam waktu ini.",
        *data.notes,
    )
    for note in notes:
        pdf.multi_cell(pdf.epw, 4.5, note, align="L", new_x="LMARGIN", new_y="NEXT")
    if data.signatory:
        pdf.ln(4)
        pdf.signatures(None, ("Mengetahui,", data.signatory))
    if anchor:
        anchor_line(pdf, anchor)
    return pdf.to_bytes()


def set_aside_line(pdf: Document, counts: tuple[tuple[str, int], ...]) -> None:
    """Incoming mail that was not an official letter: counted at sorting (step 2) only."""
    total = sum(n for _, n in counts)
    kinds = ", ".join(f"{label} {n}" for label, n in counts)
    pdf.set_font(SANS, "B", 8.5)
    pdf.multi_cell(
        pdf.epw,
        4.5,
        f"Email masuk bukan surat dinas (disisihkan pada langkah 2): {total} — {kinds}.",
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(SANS, size=8.5)
    pdf.multi_cell(
        pdf.epw,
        4.5,
        "Dihitung pada langkah 2 saja; tidak diagendakan dan tidak masuk langkah 3–8.",
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(1)
