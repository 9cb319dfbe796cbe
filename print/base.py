"""Shared page setup: paper, embedded DejaVu fonts, kop surat, Indonesian dates, tables."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from print.records import Letterhead, Signatory

FONT_DIR = Path(__file__).with_name("fonts")
SANS = "DejaVu"
MONO = "DejaVuMono"

PAPER_MM = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}
PAPER_ALIASES = {"FOLIO": "F4", "F4/FOLIO": "F4"}

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

HEAD_FILL = (225, 225, 225)
PAGE_TOTAL = "{nb}"  # fpdf2's alias for the page count, filled in as the PDF is closed
VOID_STYLE = FontFace(emphasis="S", color=(90, 90, 90), fill_color=(240, 240, 240))


def paper_size(paper: str) -> tuple[float, float]:
    """Portrait (width, height) in mm for "A4" or "F4" (also "folio")."""
    key = paper.strip().upper()
    key = PAPER_ALIASES.get(key, key)
    if key not in PAPER_MM:
        raise ValueError(f"Ukuran kertas tidak dikenal: {paper!r} (pilih A4 atau F4)")
    return PAPER_MM[key]


def month_name(month: int) -> str:
    return MONTHS[month - 1]


def format_date(value: date | None, weekday: bool = False) -> str:
    """'25 November 2026' (with weekday: 'Rabu, 25 November 2026'); '-' for None."""
    if value is None:
        return "-"
    text = f"{value.day} {month_name(value.month)} {value.year}"
    return f"{DAYS[value.weekday()]}, {text}" if weekday else text


def format_time(value: datetime, seconds: bool = False) -> str:
    """Indonesian clock notation: '14.05' or '14.05.33'."""
    return value.strftime("%H.%M.%S" if seconds else "%H.%M")


def format_datetime(value: datetime | None, seconds: bool = False) -> str:
    """'25 November 2026 pukul 14.05'; '-' for None."""
    if value is None:
        return "-"
    return f"{format_date(value)} pukul {format_time(value, seconds)}"


def format_duration(seconds: int) -> str:
    """'00:02:05' (jam:menit:detik)."""
    h, rest = divmod(max(int(seconds), 0), 3600)
    return f"{h:02d}:{rest // 60:02d}:{rest % 60:02d}"


def format_minutes(value: float | None) -> str:
    """Minutes with an Indonesian decimal comma: '12,5'; '-' for None."""
    if value is None:
        return "-"
    return f"{value:.1f}".replace(".", ",")


class Document(FPDF):
    """An office document: fonts embedded, kop surat, running header, page numbers."""

    def __init__(
        self,
        letterhead: Letterhead,
        paper: str = "A4",
        landscape: bool = False,
        title: str = "",
        running_title: str = "",
        numbered: bool = True,
    ):
        super().__init__(orientation="L" if landscape else "P", unit="mm", format=paper_size(paper))
        self.letterhead = letterhead
        self.running_title = running_title
        self.numbered = numbered
        self.add_font(SANS, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(SANS, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.add_font(MONO, "", FONT_DIR / "DejaVuSansMono.ttf")
        if landscape:
            self.set_margins(15, 12, 15)
        else:
            self.set_margins(25, 15, 20)
        self.set_auto_page_break(True, margin=18)
        self.set_title(title or running_title)
        self.set_author(letterhead.office)
        self.set_creator("Warkat")
        self.set_lang("id")
        self.set_font(SANS, size=10)
        self.alias_nb_pages(None)  # set for the footer's page line alone: see footer()
        self.add_page()

    # -- page furniture -------------------------------------------------------------------
    def header(self) -> None:
        if self.page_no() == 1 or not self.running_title:
            return
        self.set_font(SANS, size=8)
        self.set_text_color(80)
        left = f"{self.letterhead.office} — {self.running_title}"
        self.cell(self.epw, 4, left, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(120)
        self.line(self.l_margin, self.get_y() + 0.5, self.w - self.r_margin, self.get_y() + 0.5)
        self.set_draw_color(0)
        self.set_text_color(0)
        self.ln(3)
        self.set_font(SANS, size=10)

    def footer(self) -> None:
        """The running title and "Halaman n dari N". fpdf2 puts the page count in for
        PAGE_TOTAL in any text written while the alias is set, so it is set for that line
        alone: a perihal or name holding "{nb}" is printed as written."""
        if not self.numbered:
            return
        closing = self.str_alias_nb_pages
        self.set_y(-12)
        self.set_font(SANS, size=7.5)
        self.set_text_color(90)
        self.alias_nb_pages(None)
        self.cell(self.epw / 2, 4, self.running_title)
        self.alias_nb_pages(PAGE_TOTAL)
        self.cell(self.epw / 2, 4, f"Halaman {self.page_no()} dari {PAGE_TOTAL}", align="R")
        self.alias_nb_pages(closing)
        self.set_text_color(0)

    def kop(self, compact: bool = False) -> None:
        """Draw the letterhead with the double rule under it."""
        lh = self.letterhead
        top = self.get_y()
        logo_w = 0.0 if compact else 20.0
        if lh.logo_png and not compact:
            self.image(io.BytesIO(lh.logo_png), x=self.l_margin, y=top, w=logo_w)
        x = self.l_margin + logo_w
        width = self.epw - 2 * logo_w
        sizes = (11, 13, 8.5) if compact else (13, 15, 9)
        self.set_xy(x, top)
        self.set_font(SANS, "B", sizes[0])
        self.multi_cell(
            width, sizes[0] * 0.45, lh.government.upper(), align="C", new_x="LEFT", new_y="NEXT"
        )
        self.set_font(SANS, "B", sizes[1])
        self.multi_cell(
            width, sizes[1] * 0.45, lh.office.upper(), align="C", new_x="LEFT", new_y="NEXT"
        )
        self.set_font(SANS, "", sizes[2])
        for line in (lh.address, *lh.contact_lines):
            self.multi_cell(width, sizes[2] * 0.45, line, align="C", new_x="LEFT", new_y="NEXT")
        bottom = max(self.get_y(), top + (22 if lh.logo_png and not compact else 0)) + 1.5
        self.set_line_width(0.8)
        self.line(self.l_margin, bottom, self.w - self.r_margin, bottom)
        self.set_line_width(0.2)
        self.line(self.l_margin, bottom + 1.1, self.w - self.r_margin, bottom + 1.1)
        self.set_xy(self.l_margin, bottom + 4)
        self.set_font(SANS, size=10)

    # -- building blocks ------------------------------------------------------------------
    def heading(self, text: str, sub: str = "", size: float = 12) -> None:
        """Centred, bold, underlined document title with an optional subtitle."""
        self.set_font(SANS, "BU", size)
        self.cell(self.epw, size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
        if sub:
            self.set_font(SANS, "", size - 2)
            self.multi_cell(
                self.epw, (size - 2) * 0.5, sub, align="C", new_x="LMARGIN", new_y="NEXT"
            )
        self.ln(3)
        self.set_font(SANS, size=10)

    def label_rows(
        self,
        rows: Sequence[tuple[str, str]],
        label_w: float = 40,
        width: float | None = None,
        line_h: float = 5.2,
    ) -> None:
        """'Label : value' lines at the current x, values wrapping under themselves."""
        x0 = self.get_x()
        width = width or (self.w - self.r_margin - x0)
        for label, value in rows:
            self.set_x(x0)
            self.cell(label_w, line_h, label)
            self.cell(4, line_h, ":")
            self.multi_cell(
                width - label_w - 4, line_h, value or "-", align="L", new_x="LEFT", new_y="NEXT"
            )
        self.set_x(x0)

    def checkbox(self, x: float, y: float, checked: bool, size: float = 3.6) -> None:
        self.rect(x, y, size, size)
        if checked:
            self.set_xy(x - 0.2, y - 0.1)
            keep = (self.font_family, self.font_style, self.font_size_pt)
            self.set_font(SANS, "B", size * 3)
            self.cell(size + 0.4, size, "✓", align="C")
            self.set_font(*keep)

    def check_line(self, options: Sequence[str], selected: str, gap: float = 4) -> None:
        """A row of ticked/unticked boxes, e.g. the sifat or derajat choice."""
        y = self.get_y()
        for option in options:
            if self.get_x() + 5 + self.get_string_width(option) > self.w - self.r_margin:
                self.ln(5.2)
                y = self.get_y()
            self.checkbox(self.get_x(), y + 0.8, option.casefold() == selected.casefold())
            self.set_xy(self.get_x() + 5, y)
            self.cell(self.get_string_width(option) + gap, 5.2, option)
        self.ln(5.2)

    def signature(
        self,
        sig: Signatory,
        x: float | None = None,
        width: float = 80,
        lead: str = "",
        with_place: bool = True,
        name_at: float | None = None,
    ) -> float:
        """Place/date (or a blank line), lead ('Mengetahui,'), jabatan, space, name, NIP.

        The name goes at least 18 mm under the jabatan, or at name_at; returns its y.
        """
        x = self.w - self.r_margin - width if x is None else x
        self.set_font(SANS, size=10)
        place = f"{sig.place}, {format_date(sig.date)}" if sig.date else sig.place
        for line in (place if with_place else "", *([lead] if lead else [])):
            self.set_x(x)
            self.cell(width, 5, line, align="C", new_x="LEFT", new_y="NEXT")
        self.set_x(x)
        self.multi_cell(width, 5, sig.title, align="C", new_x="LEFT", new_y="NEXT")
        name_y = max(self.get_y() + 18, name_at or 0)
        self.set_xy(x, name_y)
        self.set_font(SANS, "BU", 10)
        self.multi_cell(width, 5, sig.name, align="C", new_x="LEFT", new_y="NEXT")
        self.set_font(SANS, size=10)
        if sig.rank:
            self.set_x(x)
            self.cell(width, 5, sig.rank, align="C", new_x="LEFT", new_y="NEXT")
        self.set_x(x)
        self.cell(width, 5, f"NIP. {sig.nip}", align="C", new_x="LMARGIN", new_y="NEXT")
        return name_y

    def signatures(
        self,
        left: tuple[str, Signatory] | None,
        right: tuple[str, Signatory] | None,
        width: float = 80,
    ) -> None:
        """Two signature blocks side by side, each (lead line, signatory); names aligned."""
        if self.get_y() + 48 > self.page_break_trigger:
            self.add_page()
        top = bottom = self.get_y()
        name_at = None
        if right:
            name_at = self.signature(right[1], lead=right[0], width=width)
            bottom = self.get_y()
        if left:
            self.set_y(top)
            lead = left[0] or (" " if right and right[0] else "")
            self.signature(
                left[1], x=self.l_margin, width=width, lead=lead, with_place=False, name_at=name_at
            )
            bottom = max(bottom, self.get_y())
        self.set_y(bottom)

    def data_table(
        self,
        headings: Sequence[str],
        rows: Sequence[Sequence[str | tuple[str, FontFace]]],
        col_widths: Sequence[float],
        align: Sequence[str] | None = None,
        row_styles: Sequence[FontFace | None] | None = None,
        font_size: float = 8.5,
        min_row_height: float | None = None,
    ) -> None:
        """Bordered table over the full text width; header row repeats on every page.

        A cell may be given as (text, FontFace) to style it alone.
        """
        self.set_font(SANS, size=font_size)
        self.set_fill_color(255)
        align = tuple(align or ("LEFT",) * len(headings))
        with self.table(
            col_widths=tuple(col_widths),
            width=self.epw,
            align="LEFT",
            text_align=align,
            line_height=font_size * 0.45,
            padding=(1, 1.2),
            v_align="TOP",
            headings_style=FontFace(family=SANS, emphasis="B", fill_color=HEAD_FILL),
            repeat_headings=1,
            min_row_height=min_row_height,
        ) as table:
            head = table.row()
            for text in headings:
                head.cell(text, align="CENTER", v_align="MIDDLE")
            for index, values in enumerate(rows):
                style = row_styles[index] if row_styles else None
                row = table.row()
                for value in values:
                    text, cell_style = value if isinstance(value, tuple) else (value, style)
                    row.cell(text, style=cell_style)
        self.set_font(SANS, size=10)

    def to_bytes(self) -> bytes:
        self.alias_nb_pages(PAGE_TOTAL)  # fpdf2 fills the footers' page totals in only if set
        return bytes(self.output())
