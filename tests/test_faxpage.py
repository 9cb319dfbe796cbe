"""Fax page rendering: sizes, header, letterhead, attachments (text, PDF, images)."""

from datetime import datetime

import pytest
from PIL import Image, ImageDraw

from hw import faxpage
from hw.faxpage import FaxDocument, FaxPageError, image_to_fax_page, load_attachment, render_pages

LINES = "\n".join(f"Baris {i}: isi berita yang cukup panjang untuk diuji." for i in range(150))


def document(fine=False, body=LINES):
    return FaxDocument(
        "DISKOMINFO KAB. CONTOH",
        ["PEMERINTAH KABUPATEN CONTOH", "DINAS KOMINFO"],
        body,
        "005/12/PERS/2025",
        datetime(2025, 11, 25, 9, 30),
        fine,
    )


def black_pixels(page: Image.Image, box) -> int:
    return page.crop(box).convert("L").histogram()[0]


@pytest.mark.parametrize(("fine", "height"), [(False, 1143), (True, 2287)])
def test_pages_have_fax_geometry(fine, height):
    pages = render_pages(document(fine))
    assert len(pages) == 3
    assert all(p.mode == "1" and p.size == (1728, height) for p in pages)


def test_header_on_every_page_letterhead_only_on_first():
    pages = render_pages(document(fine=True))
    for page in pages:
        assert black_pixels(page, (0, 0, 1728, faxpage.HEADER_HEIGHT)) > 500
    assert ruled_rows(pages[0]) >= 6  # the double rule under the letterhead
    assert all(ruled_rows(page) == 0 for page in pages[1:])


def ruled_rows(page: Image.Image) -> int:
    """Rows black from margin to margin below the header (the letterhead's rule)."""
    body = page.crop((faxpage.MARGIN, faxpage.HEADER_HEIGHT, 1728 - faxpage.MARGIN, page.height))
    width = body.width
    data = body.convert("L").tobytes()
    return sum(1 for y in range(body.height) if not any(data[y * width : (y + 1) * width]))


def test_standard_keeps_letter_shape():
    fine = render_pages(document(True, "HHHH"))[0]
    standard = render_pages(document(False, "HHHH"))[0]
    ink_fine = black_pixels(fine, (0, 210, 1728, 2287))  # below the letterhead rule
    ink_standard = black_pixels(standard, (0, 105, 1728, 1143))
    assert 0.35 < ink_standard / ink_fine < 0.65  # same letters at half the lines


def test_stamp_header_on_attachment_page_and_counter():
    photo = Image.radial_gradient("L").resize((800, 600))
    pages = render_pages(document(body="pendek"), attachments=[photo])
    assert len(pages) == 2
    assert black_pixels(pages[1], (0, 0, 1728, 22)) > 200


def test_image_to_fax_page_dithers_photos_and_thresholds_scans():
    photo = image_to_fax_page(Image.linear_gradient("L").resize((1000, 1400)), fine=False)
    assert photo.size == (1728, 1143) and photo.mode == "1"
    scan = Image.new("L", (1000, 1400), 255)
    ImageDraw.Draw(scan).rectangle((100, 100, 900, 300), fill=0)
    page = image_to_fax_page(scan, fine=True)
    assert page.size == (1728, 2287)
    gray_levels = page.convert("L").crop((200, 200, 1500, 420)).getextrema()
    assert gray_levels == (0, 0)  # solid black stays solid, no dither noise


def test_pdf_attachment(tmp_path):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    for text in ("Halaman satu", "Halaman dua"):
        pdf.add_page()
        pdf.set_font("helvetica", size=40)
        pdf.cell(text=text)
    path = tmp_path / "lampiran.pdf"
    pdf.output(str(path))
    pages = load_attachment(path, fine=False)
    assert len(pages) == 2
    assert all(p.size == (1728, 1143) and p.mode == "1" for p in pages)
    assert black_pixels(pages[0], (0, 0, 1728, 400)) > 1000


def test_a_broken_pdf_says_so():
    with pytest.raises(FaxPageError, match="Lampiran PDF tidak dapat dibaca"):
        faxpage.pdf_to_fax_pages(b"%PDF-1.4 rusak")


def test_text_and_image_attachments_and_refusals(tmp_path):
    (tmp_path / "catatan.txt").write_text("Catatan lampiran\n" * 5, encoding="utf-8")
    assert len(load_attachment(tmp_path / "catatan.txt")) == 1
    Image.new("RGB", (640, 480), "white").save(tmp_path / "foto.jpg")
    frames = [Image.new("L", (400, 500), v) for v in (0, 255)]
    frames[0].save(tmp_path / "scan.tiff", save_all=True, append_images=frames[1:])
    assert len(load_attachment(tmp_path / "foto.jpg", fine=True)) == 1
    assert len(load_attachment(tmp_path / "scan.tiff")) == 2
    with pytest.raises(FaxPageError, match="tidak dapat difaks"):
        load_attachment(tmp_path / "surat.docx")
