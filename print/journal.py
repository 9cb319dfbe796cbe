"""Jurnal pengiriman: the transmission (TX) report of one fax."""

from __future__ import annotations

import io

from print.base import SANS, Document, format_date, format_datetime, format_duration, format_time
from print.records import Letterhead, TransmissionReport

THUMB_W = 48.0


def format_speed(bps: int) -> str:
    return f"{bps:,} bps".replace(",", ".") if bps else "-"


def journal_pdf(data: TransmissionReport, letterhead: Letterhead, paper: str = "A4") -> bytes:
    """TX report: call details, result, attempt history and a thumbnail of page 1."""
    pdf = Document(letterhead, paper, title="Jurnal Pengiriman Faksimili",
                   running_title="Jurnal Pengiriman Faksimili")
    pdf.kop(compact=True)
    pdf.heading("JURNAL PENGIRIMAN FAKSIMILI", "Laporan Transmisi (TX)")
    status = "BERHASIL" if data.ok else "GAGAL"
    pdf.set_font(SANS, "B", 12)
    pdf.set_fill_color(*((225, 240, 225) if data.ok else (250, 220, 220)))
    pdf.multi_cell(pdf.epw, 8, f"HASIL: {status} — {data.result}", border=1, align="C",
                   fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    top = pdf.get_y()
    text_w = pdf.epw - (THUMB_W + 6 if data.thumbnail is not None else 0)
    pdf.set_font(SANS, size=10)
    pdf.label_rows([
        ("Tanggal", format_date(data.sent_at, weekday=True)),
        ("Waktu mulai", format_time(data.sent_at, seconds=True)),
        ("Nomor agenda", data.agenda_number),
        ("Tujuan", data.destination),
        ("ID lokal (TSI)", data.local_id),
        ("Nomor dituju", data.dialled),
        ("ID penerima (CSID)", data.remote_csid),
        ("Durasi", format_duration(data.duration_s)),
        ("Halaman terkirim", f"{data.pages} dari {data.pages_total}"),
        ("Resolusi", data.resolution),
        ("Kecepatan", format_speed(data.speed_bps)),
        ("Hasil", data.result),
        ("Operator", data.operator),
    ], label_w=40, width=text_w)
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
    pdf.cell(pdf.epw, 6, "Riwayat percobaan", new_x="LMARGIN", new_y="NEXT")
    rows = [[str(n), format_datetime(a.started, seconds=True), format_duration(a.duration_s),
             str(a.pages), a.result, a.note]
            for n, a in enumerate(data.attempts, start=1)]
    if not rows:
        rows = [["1", format_datetime(data.sent_at, seconds=True),
                 format_duration(data.duration_s), str(data.pages), data.result, ""]]
    pdf.data_table(("Ke-", "Waktu mulai", "Durasi", "Hlm", "Hasil", "Keterangan"), rows,
                   (9, 45, 20, 11, 30, 50),
                   align=("CENTER", "LEFT", "CENTER", "CENTER", "LEFT", "LEFT"))
    return pdf.to_bytes()
