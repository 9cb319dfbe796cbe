"""Jurnal pengiriman: the transmission (TX) report of one fax."""

from __future__ import annotations

import io
from datetime import datetime

from print.base import SANS, Document, format_date, format_datetime, format_duration, format_time
from print.records import Attempt, Letterhead, TransmissionReport

THUMB_W = 48.0
DPI = {"Halus": "204×196 dpi", "Standar": "204×98 dpi"}
OK_FILL, FAILED_FILL, PENDING_FILL, WARN_FILL = (
    (225, 240, 225),
    (250, 220, 220),
    (255, 236, 200),
    (255, 245, 170),
)
CALL_HEADINGS = (
    "Ke-",
    "Mulai",
    "Durasi",
    "Resolusi",
    "Kecepatan",
    "Hlm",
    "ID penerima",
    "Hasil",
    "Kode putus",
)
CALL_WIDTHS = (8, 19, 15.5, 16, 19.5, 10, 30, 33, 14)
LETTER_HEADINGS = ("No", "Tujuan", "Nomor", "Status", "Coba", "Hlm", "Waktu")
LETTER_WIDTHS = (8, 45, 24, 43, 12, 12, 21)
CALL_ALIGN = ("CENTER", "LEFT", "CENTER", "LEFT", "RIGHT", "CENTER", "LEFT", "LEFT", "CENTER")


def format_speed(bps: int) -> str:
    return f"{bps:,} bps".replace(",", ".") if bps else "-"


def format_resolution(resolution: str) -> str:
    return f"{resolution} ({DPI[resolution]})" if resolution in DPI else resolution or "-"


def _at(value: datetime | None, day: datetime | None) -> str:
    """The time alone on the report's day, with its date on another."""
    if value is None:
        return "-"
    if day is not None and value.date() == day.date():
        return format_time(value, seconds=True)
    return format_datetime(value, seconds=True)


def _call_row(number: int, call: Attempt) -> list[str]:
    return [
        str(number),
        f"{call.started:%d-%m-%Y}\n{format_time(call.started, seconds=True)}",
        format_duration(call.duration_s),
        call.resolution or "-",
        format_speed(call.speed_bps),
        f"{call.pages}/{call.pages_total}",
        call.remote_csid or "-",
        call.result,
        call.hangup_code or "-",
    ]


def _banner(pdf: Document, text: str, fill: tuple[int, int, int], size: float = 12) -> None:
    pdf.set_font(SANS, "B", size)
    pdf.set_fill_color(*fill)
    pdf.multi_cell(
        pdf.epw,
        size * 0.6,
        text,
        border=1,
        align="C",
        fill=True,
        padding=1,
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_fill_color(255)


def journal_pdf(data: TransmissionReport, letterhead: Letterhead, paper: str = "A4") -> bytes:
    """TX report: result, call details, every call the job made and a thumbnail of page 1."""
    pdf = Document(
        letterhead,
        paper,
        title="Jurnal Pengiriman Faksimili",
        running_title="Jurnal Pengiriman Faksimili",
    )
    pdf.kop(compact=True)
    pdf.heading("JURNAL PENGIRIMAN FAKSIMILI", "Laporan Transmisi (TX)")
    if data.ok:
        status, fill = "BERHASIL", OK_FILL
    elif data.finished:
        status, fill = "GAGAL", FAILED_FILL
    else:
        status, fill = "BELUM SELESAI", PENDING_FILL
    _banner(pdf, f"HASIL: {status} — {data.result}", fill)
    if data.foreign_csids:
        pdf.ln(2)
        _banner(
            pdf,
            f"PERINGATAN: ID penerima (CSID) {', '.join(data.foreign_csids)} tidak "
            f"cocok dengan nomor yang dituju ({data.dialled}). Faks mungkin diterima "
            "mesin lain; pastikan ke penerima.",
            WARN_FILL,
            size=10,
        )
    pdf.ln(4)
    top = pdf.get_y()
    text_w = pdf.epw - (THUMB_W + 6 if data.thumbnail is not None else 0)
    day = data.started or data.ended
    csid = data.remote_csid
    if csid in data.foreign_csids:
        csid += " (TIDAK COCOK)"
    pdf.set_font(SANS, size=10)
    pdf.label_rows(
        [
            ("Nomor agenda", data.agenda_number),
            ("Tujuan", data.destination),
            ("Nomor dituju", data.dialled),
            ("ID lokal (TSI)", data.local_id),
            ("ID penerima (CSID)", csid),
            ("Tanggal", format_date(day, weekday=True)),
            ("Waktu mulai", _at(data.started, day)),
            ("Waktu selesai", _at(data.ended, day)),
            ("Jumlah panggilan", str(len(data.attempts))),
            ("Lama tersambung", format_duration(data.duration_s)),
            ("Halaman terkonfirmasi", f"{data.pages} dari {data.pages_total}"),
            ("Resolusi", format_resolution(data.resolution)),
            ("Kecepatan", format_speed(data.speed_bps)),
            ("Operator", data.operator),
        ],
        label_w=44,
        width=text_w,
    )
    bottom = pdf.get_y()
    if data.thumbnail is not None:
        image = data.thumbnail
        if isinstance(image, bytes | bytearray):
            image = io.BytesIO(image)
        x = pdf.w - pdf.r_margin - THUMB_W
        info = pdf.image(image, x=x, y=top, w=THUMB_W)
        pdf.rect(x, top, THUMB_W, info.rendered_height)
        pdf.set_xy(x, top + info.rendered_height + 1)
        pdf.set_font(SANS, size=8)
        pdf.cell(THUMB_W, 4, "Halaman 1 (pratinjau)", align="C")
        bottom = max(bottom, top + info.rendered_height + 6)
    pdf.set_xy(pdf.l_margin, bottom + 5)
    pdf.set_font(SANS, "B", 10)
    pdf.cell(pdf.epw, 6, "Riwayat panggilan", new_x="LMARGIN", new_y="NEXT")
    if not data.attempts:
        pdf.set_font(SANS, size=10)
        pdf.multi_cell(
            pdf.epw,
            5,
            f"{'Tidak' if data.finished else 'Belum'} ada panggilan ke nomor tujuan.",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        return pdf.to_bytes()
    pdf.data_table(
        CALL_HEADINGS,
        [_call_row(n, a) for n, a in enumerate(data.attempts, 1)],
        CALL_WIDTHS,
        align=CALL_ALIGN,
        font_size=8,
    )
    pdf.set_font(SANS, size=8)
    pdf.ln(1)
    pdf.multi_cell(
        pdf.epw,
        4,
        "Hlm: halaman yang dikonfirmasi penerima pada panggilan itu / jumlah halaman berita.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    _letter(pdf, data)
    return pdf.to_bytes()


def _letter(pdf: Document, data: TransmissionReport) -> None:
    """Every destination of the letter, so one journal tells the whole send."""
    if len(data.letter) < 2:
        return
    pdf.ln(4)
    pdf.set_font(SANS, "B", 10)
    sent = sum(d.status == "Terkirim" for d in data.letter)
    pdf.cell(
        pdf.epw,
        6,
        f"Semua tujuan berita {data.agenda_number}: {sent} dari {len(data.letter)} terkirim",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    day = data.started or data.ended
    pdf.data_table(
        LETTER_HEADINGS,
        [
            [
                str(n),
                d.name + (f"\n({d.group})" if d.group else ""),
                d.number,
                d.status,
                str(d.tries),
                d.pages,
                _at(d.at, day),
            ]
            for n, d in enumerate(data.letter, 1)
        ],
        LETTER_WIDTHS,
        align=("CENTER", "LEFT", "LEFT", "LEFT", "CENTER", "CENTER", "LEFT"),
        font_size=8,
    )
