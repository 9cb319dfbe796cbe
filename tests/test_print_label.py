"""The agenda label of an incoming letter is a stamp box — received, agenda number, kode
klasifikasi, the sender's letter, where it goes — not a second copy of the mail; the buku
agenda surat masuk prints the letter's number and date and diteruskan kepada."""

import shutil
import subprocess
from datetime import date, datetime

import pytest
from PIL import Image, ImageOps

from model.email_in import flow as email_in
from model.errors import Invalid
from model.org import Unit
from print.agenda import agenda_pdf
from print.label import label_pdf, label_text
from print.records import AgendaBook, AgendaEntry, AgendaLabel
from tests.conftest import unavailable, user
from tests.mail_helpers import SAMPLE_BODY, incoming_at
from tests.print_helpers import LH, assert_fields, expected_size, page_size, read, squash, text_of
from tui import printing

LABEL = AgendaLabel(
    "000.1.1/012/406.020/2026",
    datetime(2026, 11, 25, 7, 42),
    "000.1.1",
    "Telekomunikasi",
    "005/123/101.1/2026",
    date(2026, 11, 24),
    "Biro Umum Setda Provinsi Jawa Timur",
    ("Bidang Aplikasi Informatika", "Seksi Keamanan Informasi dan Persandian"),
)


def ink_box_mm(pdf: bytes, tmp_path) -> tuple[float, float, float, float]:
    """Left, top, right, bottom (mm) of everything printed on page 1."""
    if not shutil.which("pdftoppm"):
        unavailable("pdftoppm (poppler-utils) is not installed")
    (tmp_path / "label.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "100", "-gray", "-png", "-f", "1", "-l", "1", "label.pdf", "page"],
        cwd=tmp_path,
        check=True,
    )
    page = Image.open(next(tmp_path.glob("page*.png")))
    left, top, right, bottom = ImageOps.invert(page.convert("L")).point(lambda v: v > 40).getbbox()
    mm = 25.4 / 100
    return left * mm, top * mm, right * mm, bottom * mm


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_the_label_is_a_small_stamp_box_at_the_top_right_of_the_configured_paper(paper, tmp_path):
    data = label_pdf(LABEL, LH, paper)
    assert len(read(data).pages) == 1 and page_size(data) == expected_size(paper, False)
    assert_fields(
        data,
        "AGENDA SURAT MASUK",
        "Diterima tgl",
        "25 November 2026",
        "000.1.1/012/406.020/2026",
        "000.1.1 Telekomunikasi",
        "005/123/101.1/2026",
        "24 November 2026",
        "Biro Umum Setda Provinsi Jawa Timur",
        "Seksi Keamanan Informasi dan Persandian",
        "Paraf",
    )
    left, top, right, bottom = ink_box_mm(data, tmp_path)
    width = {"A4": 210, "F4": 215}[paper]
    assert right - left <= 92 and bottom - top <= 65  # a stamp, not a page of text
    assert width - right < 25 and top < 20  # at the top right corner


def test_the_label_has_a_text_form_for_a_dot_matrix_printer():
    text = label_text(LABEL)
    assert all(len(line) <= 40 for line in text.splitlines())
    assert "Nomor agenda  : 000.1.1/012/406.020/2026" in text
    assert "Klasifikasi   : 000.1.1 Telekomunikasi" in text
    long_name = AgendaLabel("1", datetime(2026, 11, 25), "000.1", "KETATAUSAHAAN " * 30)
    assert "…" in label_text(long_name)  # a long uraian is shortened, the code kept


def test_the_label_of_a_registered_mail_carries_its_number_not_its_text(staff):
    item_id = incoming_at(4)
    with pytest.raises(Invalid, match="belum dicatat di buku agenda surat masuk"):
        printing.agenda_label(item_id)
    aptika = Unit.get(Unit.code == "APTIKA").id
    email_in.register(
        user("admin"),
        item_id,
        "000.1.1",
        "{klasifikasi}/{urut:03d}/{unit}/{tahun}",
        "406.020",
        letter_number="005/77/101.1/2026",
        letter_date=date(2026, 11, 24),
        units=[aptika],
    )
    pdf, title, text = printing.agenda_label(item_id)
    assert title == "Label agenda 000.1.1/001/406.020/2026"
    assert_fields(
        pdf,
        "000.1.1/001/406.020/2026",
        "25 November 2026",
        "000.1.1 Telekomunikasi",
        "005/77/101.1/2026",
        "Bidang Aplikasi Informatika",
    )
    body = "bersama ini kami sampaikan undangan"
    assert body in SAMPLE_BODY and squash(body) not in text_of(pdf) and body not in text
    assert "000.1.1/001/406.020/2026" in text

    book = text_of(printing.agenda_book("masuk", date(2026, 11, 1), date(2026, 11, 30))[0])
    for value in ("TanggalSurat", "DiteruskanKepada", "005/77/101.1/2026", "24November2026"):
        assert value in book, value
    assert "BidangAplikasiInformatika" in book


def test_the_incoming_book_has_the_letter_columns_and_the_outgoing_book_keeps_its_own():
    entry = AgendaEntry(
        "000.6/001/406.020/2026",
        date(2026, 12, 3),
        "800/123/406.3/2026",
        "Badan Kepegawaian Daerah",
        "Penyampaian Data ASN",
        classification="000.6",
        letter_date=date(2026, 11, 30),
        forward_to=("Bidang Aplikasi Informatika", "Sekretariat"),
    )
    incoming = agenda_pdf(AgendaBook("masuk", date(2026, 12, 1), date(2026, 12, 31), (entry,)), LH)
    assert_fields(
        incoming,
        "Nomor Surat",
        "Tanggal Surat",
        "Diteruskan Kepada",
        "800/123/406.3/2026",
        "30 November 2026",
        "Bidang Aplikasi Informatika, Sekretariat",
    )
    assert "Sifat" not in text_of(incoming)
    outgoing = agenda_pdf(AgendaBook("keluar", date(2026, 12, 1), date(2026, 12, 31), (entry,)), LH)
    assert "Sifat" in text_of(outgoing) and "Diteruskan" not in text_of(outgoing)
