"""Lembar disposisi: the head's routing instruction for one letter."""

from __future__ import annotations

from print.base import SANS, Document, format_date
from print.records import DispositionSheet, Letterhead

PAD = 2.0
LINE = 5.2


def disposition_pdf(data: DispositionSheet, letterhead: Letterhead, paper: str = "A4") -> bytes:
    """One-page lembar disposisi with the office kop, boxes and a signature block."""
    unknown = set(data.checked) - set(data.choices.instructions)
    if unknown:
        raise ValueError(f"Instruksi disposisi tidak ada dalam daftar: {sorted(unknown)}")
    pdf = Document(
        letterhead,
        paper,
        title="Lembar Disposisi",
        running_title="Lembar Disposisi",
        numbered=False,
    )
    pdf.kop()
    pdf.heading("LEMBAR DISPOSISI")

    def section(draw_left, draw_right=None, split: float = 0.5) -> None:
        """A bordered band: one full-width box, or two boxes split at `split` of the width."""
        top = pdf.get_y()
        left_x, right_x = pdf.l_margin, pdf.l_margin + pdf.epw * split
        widths = (pdf.epw * split, pdf.epw * (1 - split)) if draw_right else (pdf.epw,)
        pdf.set_xy(left_x + PAD, top + PAD)
        draw_left(widths[0] - 2 * PAD)
        bottom = pdf.get_y()
        if draw_right:
            pdf.set_xy(right_x + PAD, top + PAD)
            draw_right(widths[1] - 2 * PAD)
            bottom = max(bottom, pdf.get_y())
        for x, width in zip((left_x, right_x), widths, strict=False):
            pdf.rect(x, top, width, bottom + PAD - top)
        pdf.set_xy(left_x, bottom + PAD)

    def letter(width: float) -> None:
        pdf.label_rows(
            [
                ("Surat dari", data.sender),
                ("Nomor surat", data.letter_number),
                ("Tanggal surat", format_date(data.letter_date)),
            ],
            label_w=27,
            width=width,
        )

    def reception(width: float) -> None:
        x = pdf.get_x()
        for label, value in (
            ("Diterima tanggal", format_date(data.received_date)),
            ("Nomor agenda", data.agenda_number),
        ):
            pdf.set_x(x)
            pdf.cell(width, LINE, f"{label}:", new_x="LEFT", new_y="NEXT")
            pdf.set_font(SANS, "B", 10)
            pdf.multi_cell(width, LINE, value, align="L", new_x="LEFT", new_y="NEXT")
            pdf.set_font(SANS, size=10)

    def choice(label: str, options: tuple[str, ...], selected: str):
        def draw(width: float) -> None:
            pdf.cell(27, LINE, label)
            pdf.cell(4, LINE, ":")
            pdf.check_line(options, selected, gap=8)

        return draw

    def subject(width: float) -> None:
        pdf.label_rows([("Perihal", data.subject)], label_w=27, width=width)

    def forward(width: float) -> None:
        x = pdf.get_x()
        pdf.set_font(SANS, "B", 10)
        pdf.cell(width, LINE, "Diteruskan kepada Sdr.:", new_x="LEFT", new_y="NEXT")
        pdf.set_font(SANS, size=10)
        for number, name in enumerate(data.forward_to or ("",), start=1):
            pdf.set_x(x)
            pdf.cell(6, LINE, f"{number}.")
            pdf.multi_cell(width - 6, LINE, name or "." * 40, align="L", new_x="LEFT", new_y="NEXT")
            pdf.set_x(x)

    def instructions(width: float) -> None:
        x = pdf.get_x()
        pdf.set_font(SANS, "B", 10)
        pdf.cell(width, LINE, "Dengan hormat harap:", new_x="LEFT", new_y="NEXT")
        pdf.set_font(SANS, size=10)
        for item in data.choices.instructions:
            y = pdf.get_y()
            pdf.checkbox(x, y + 0.8, item in data.checked)
            pdf.set_xy(x + 6, y)
            pdf.multi_cell(width - 6, LINE, item, align="L", new_x="LEFT", new_y="NEXT")
            pdf.set_x(x)

    def note(width: float) -> None:
        x, top = pdf.get_x(), pdf.get_y()
        pdf.set_font(SANS, "B", 10)
        pdf.cell(width, LINE, "Catatan / isi disposisi:", new_x="LEFT", new_y="NEXT")
        pdf.set_font(SANS, size=10)
        pdf.set_x(x)
        pdf.multi_cell(width, LINE, data.note or "", align="L", new_x="LEFT", new_y="NEXT")
        pdf.set_y(max(pdf.get_y(), top + 32))

    section(letter, reception, split=0.6)
    section(choice("Sifat", data.choices.sifat, data.sifat))
    section(choice("Derajat", data.choices.derajat, data.derajat))
    section(subject)
    section(forward, instructions)
    section(note)
    if data.signatory:
        pdf.ln(6)
        pdf.signature(data.signatory)
    return pdf.to_bytes()
