"""The fax message page: its fields from the request, the text flowing over pages with the
signature on the last, the cover sheet in front of a PDF, PDF pages rendered by PDFium."""

from __future__ import annotations

from datetime import date

import pytest
from fpdf import FPDF
from PIL import Image

from hw import faxmessage
from hw.faxmessage import layout, render_message
from hw.faxpage import FINE_LINES, STANDARD_LINES, WIDTH, pdf_to_fax_pages
from model.books.agenda import agenda_number
from model.fax.message import COVER_TITLE, TITLE, counted, first_message, long_date, message_of
from model.fax.records import FaxDestination, request_of
from spool.fax import render_job
from tests.conftest import user
from tests.fax_helpers import at_step

TWO = [("Diskominfo Jatim", "031-8294608"), ("BSSN", "021-7805814")]
SHORT_LINES = "\n".join(f"Baris {n:03d}" for n in range(110))  # the right half stays empty


def ink(page: Image.Image, box) -> int:
    return page.crop(box).convert("L").histogram()[0]


def two_page_pdf() -> bytes:
    """A4, a black box 170 × 100 mm at (20, 20) mm on page 1, text on page 2."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.rect(20, 20, 170, 100, style="F")
    pdf.add_page()
    pdf.set_font("helvetica", size=40)
    pdf.cell(text="Halaman dua")
    return bytes(pdf.output())


def destinations(item_id: int) -> list[FaxDestination]:
    return list(request_of(item_id).destinations.order_by(FaxDestination.id))


def test_each_destination_gets_its_first_page_with_the_fields(staff):
    item_id = at_step(5, destinations=TWO, sifat="Terbatas", derajat="Segera")
    first, second = (message_of(staff, d) for d in destinations(item_id))
    assert (first.kepada, second.kepada) == ("Diskominfo Jatim", "BSSN")
    fields = dict(first.fields(total_pages=1))
    assert fields == {
        "Kepada Yth.": "Diskominfo Jatim",
        "Dari": "Bidang Aplikasi Informatika",
        "Nomor": agenda_number(item_id),
        "Tanggal": "25 November 2026",
        "Sifat": "Terbatas",
        "Derajat": "Segera",
        "Lampiran": "-",
        "Perihal": "Undangan rapat koordinasi",
        "Jumlah halaman": "1 halaman (termasuk halaman ini)",
    }
    kasi = user("kasi")
    assert first.signature() == [
        "Trenggalek, 25 November 2026",
        "Kepala Seksi Keamanan Informasi dan Persandian,",
        kasi.full_name,
        f"NIP. {kasi.nip}",
    ]
    lines = first.preview_lines(total_pages=1)
    assert lines[0].strip() == "PEMERINTAH KABUPATEN TRENGGALEK" and lines[4] == "═" * 72
    assert lines[6].strip() == TITLE
    table = [line for line in lines if " : " in line]
    assert len(table) == 9 and len({line.index(" : ") for line in table}) == 1
    assert "Dengan hormat," in lines and any(kasi.full_name in line for line in lines)


def test_the_page_has_the_fields_the_text_and_a_signature(staff):
    msg = first_message(staff, at_step(5))
    (page,) = render_message(msg, "DISKOMINFO TRENGGALEK", fine=True)
    assert page.size == (WIDTH, FINE_LINES) and page.mode == "1"
    top = faxmessage.text_top(msg)
    assert ink(page, (faxmessage.LEFT, 300, faxmessage.LEFT + 200, top)) > 2000  # the labels
    text_end = top + 3 * faxmessage.LINE  # "Dengan hormat," / blank / "Kami mengundang."
    sign = (faxmessage.SIGN_LEFT, text_end, faxmessage.RIGHT, text_end + 12 * faxmessage.LINE)
    assert ink(page, sign) > 3000  # place, position, name, NIP
    assert ink(page, (0, text_end + 12 * faxmessage.LINE, WIDTH, FINE_LINES)) == 0


def test_long_text_flows_over_pages_and_the_signature_ends_the_last(staff):
    msg = first_message(staff, at_step(5, isi_berita=SHORT_LINES))
    plan = layout(msg)
    assert len(plan.pages) == 3 and sum(map(len, plan.pages)) == 110
    assert len(plan.pages[-1]) >= faxmessage.KEEP
    pages = render_message(msg, "DISKOMINFO TRENGGALEK", fine=True)
    assert len(pages) == 3
    right = [(faxmessage.text_top(msg), *pages[:1])]
    right += [(faxmessage.TOP, p) for p in pages[1:]]
    signed = [
        ink(page, (faxmessage.SIGN_LEFT, y, faxmessage.RIGHT, faxmessage.BOTTOM)) > 3000
        for y, page in right
    ]
    assert signed == [False, False, True]
    assert "3 halaman (termasuk halaman ini)" in dict(msg.fields(3))["Jumlah halaman"]


def test_the_signature_takes_the_last_lines_along_to_a_new_page(staff):
    msg = first_message(staff, at_step(5, isi_berita=SHORT_LINES))
    room = len(layout(msg).pages[0])
    for lines in range(room - 3, room + 1):  # would fit alone, not with the signature
        text = "\n".join(f"Baris {n}" for n in range(lines))
        plan = layout(first_message(staff, at_step(5, isi_berita=text)))
        assert len(plan.pages) == 2 and len(plan.pages[1]) >= faxmessage.KEEP


def test_a_pdf_without_isi_berita_gets_a_cover_sheet_in_front(staff):
    item_id = at_step(5, isi_berita="", attachment_name="undangan.pdf", attachment=two_page_pdf())
    msg = first_message(staff, item_id)
    assert msg.title == COVER_TITLE and msg.body == staff.fax.cover_note
    fields = dict(msg.fields(3, 2))
    assert fields["Lampiran"] == "1 (satu) berkas, 2 halaman"
    pages = render_message(msg, "DISKOMINFO TRENGGALEK")
    assert len(pages) == 3 and all(p.size == (WIDTH, STANDARD_LINES) for p in pages)
    box = (400, 100, 1300, 400)  # inside the PDF's black box (standard lines)
    assert ink(pages[1], box) == 900 * 300 and ink(pages[0], box) < 900 * 300 // 2
    assert msg.preview_lines(3, 2)[6].strip() == COVER_TITLE


def test_isi_berita_and_a_pdf_send_the_message_then_the_attachment(staff):
    item_id = at_step(5, attachment_name="undangan.pdf", attachment=two_page_pdf())
    msg = first_message(staff, item_id)
    assert msg.title == TITLE and msg.body.startswith("Dengan hormat")
    job_pages = render_message(msg, "DISKOMINFO TRENGGALEK")
    assert len(job_pages) == 3
    assert ink(job_pages[1], (400, 100, 1300, 400)) == 900 * 300


@pytest.mark.parametrize(("fine", "scale"), [(True, 1), (False, 0.5)])
def test_pdfium_renders_a_pdf_at_204_by_196_dpi(fine, scale):
    pages = pdf_to_fax_pages(two_page_pdf(), fine)
    assert len(pages) == 2
    assert all(
        p.mode == "1" and p.size == (WIDTH, FINE_LINES if fine else STANDARD_LINES) for p in pages
    )
    row = pages[0].convert("L").crop((0, round(600 * scale), WIDTH, round(600 * scale) + 1))
    black = row.histogram()[0]
    assert abs(black - 170 / 25.4 * 204) < 15  # 170 mm at 204 dots per inch
    column = pages[0].convert("L").crop((800, 0, 801, pages[0].height))
    assert abs(column.histogram()[0] - 100 / 25.4 * 196 * scale) < 10  # 100 mm at 196 lpi


def test_the_daemon_renders_each_job_for_its_destination(staff):
    from model.fax import jobs as fax_jobs

    item_id = at_step(5, destinations=TWO)
    for dest in destinations(item_id):
        fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=1, max_tries=2)
    jobs = [d.jobs.get() for d in destinations(item_id)]
    first, second = (render_job(staff, job)[0] for job in jobs)
    assert first.size == second.size and first.tobytes() != second.tobytes()


def test_dates_and_counts_in_words():
    assert long_date(date(2026, 12, 3)) == "3 Desember 2026"
    assert (counted(1, "berkas"), counted(12, "berkas")) == ("1 (satu) berkas", "12 berkas")
