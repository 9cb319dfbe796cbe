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
    within_chart(pdf, [r for r in data.rows if r.within_pct is not None and r.count])
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


def within_chart(pdf: Document, rows: list) -> None:
    """A horizontal bar per step that has a standard and was done this month: the share done
    within it, the 80 % target marked; bars under the target are red."""
    if not rows:
        return
    label_w, bar_w, line_h = 62.0, pdf.epw - 62.0 - 16.0, 4.6
    pdf.set_font(SANS, "B", 9)
    pdf.cell(pdf.epw, 6, "Sesuai standar per langkah (%)", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(SANS, size=8)
    top, last = pdf.get_y(), None
    for r in rows:
        y = pdf.get_y()
        pdf.cell(label_w - 16, line_h, r.procedure if r.procedure != last else "")
        pdf.cell(16, line_h, f"langkah {r.step}", align="R")
        last = r.procedure
        x = pdf.get_x()
        pdf.set_fill_color(*((190, 0, 0) if r.within_pct < TARGET_PCT else (70, 110, 170)))
        if r.within_pct > 0:
            pdf.rect(x, y + 0.8, bar_w * r.within_pct / 100, line_h - 1.6, style="F")
        pdf.set_xy(x + bar_w + 1, y)
        pdf.cell(15, line_h, f"{format_minutes(r.within_pct)}%", new_x="LMARGIN", new_y="NEXT")
    target = pdf.l_margin + label_w + bar_w * TARGET_PCT / 100
    pdf.set_draw_color(0)
    pdf.set_dash_pattern(dash=1, gap=1)
    pdf.line(target, top, target, pdf.get_y())
    pdf.set_dash_pattern()
    pdf.ln(2)
