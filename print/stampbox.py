"""A boxed stamp at the top right of a page (title, office line, label rows, paraf) and its
plain-text form for a 40-column dot-matrix or receipt printer."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from print.base import SANS, Document


@dataclass(frozen=True)
class Box:
    width: float
    label_w: float
    size: float  # font size of the rows
    line_h: float
    sign_h: float  # height of the paraf line


def stamp_box(
    pdf: Document, box: Box, title: str, subtitle: str, rows: Sequence[tuple[str, str]]
) -> None:
    """Draw the stamp at the top right corner of the current page."""
    x = pdf.w - pdf.r_margin - box.width
    top = pdf.get_y()
    pdf.set_xy(x, top)
    pdf.set_font(SANS, "B", 10)
    pdf.set_fill_color(230)
    pdf.multi_cell(box.width, 6, title, border=1, align="C", fill=True, new_x="LEFT", new_y="NEXT")
    pdf.set_font(SANS, size=min(box.size - 1, 7.5))
    pdf.multi_cell(box.width, 3.5, subtitle, align="C", new_x="LEFT", new_y="NEXT")
    pdf.ln(1)
    pdf.set_x(x + 2)
    pdf.set_font(SANS, size=box.size)
    pdf.label_rows(rows, label_w=box.label_w, width=box.width - 4, line_h=box.line_h)
    pdf.set_x(x + 2)
    pdf.cell(box.label_w, box.sign_h, "Paraf")
    pdf.cell(4, box.sign_h, ":")
    pdf.ln(box.sign_h)
    pdf.rect(x, top, box.width, pdf.get_y() - top + 1)


def stamp_lines(title: str, rows: Sequence[tuple[str, str]], width: int = 40) -> str:
    """The stamp as text lines no wider than `width`, values wrapping under themselves."""
    rule = "-" * width
    pad = max(len(label) for label, _ in rows) + 1
    lines = [rule, title.center(width), rule]
    for label, value in rows:
        lead = f"{label:<{pad}}: "
        lines += textwrap.wrap(
            value or "-", width, initial_indent=lead, subsequent_indent=" " * len(lead)
        ) or [lead]
    lines += [f"{'Paraf':<{pad}}:", "", rule]
    return "\n".join(lines) + "\n"
