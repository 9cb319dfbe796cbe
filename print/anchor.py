"""The audit anchor line printed under a signed record: the audit chain's head as `N:HASH`."""

from __future__ import annotations

from print.base import MONO, SANS, Document


def anchor_line(pdf: Document, anchor: str) -> None:
    """Small print under the signatures; `anchor` is what `warkat audit verify --anchor` takes."""
    if pdf.get_y() + 12 > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(4)
    pdf.set_font(SANS, size=7)
    pdf.set_text_color(60)
    pdf.cell(
        pdf.epw,
        3.5,
        "Jangkar jejak audit (periksa: warkat audit verify --anchor …):",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(MONO, size=7.5)
    pdf.cell(pdf.epw, 3.5, anchor, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.set_font(SANS, size=10)
