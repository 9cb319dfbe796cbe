"""print/: the disposition sheet, the books, mail printouts and reports from fixture data,
checked field by field through pypdf."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from print.agenda import agenda_pdf
from print.base import format_date, format_datetime, format_duration, paper_size
from print.compliance import compliance_pdf
from print.disposition import disposition_pdf
from print.email import email_pdf
from print.receipt import receipt_pdf
from print.records import (
    AgendaBook,
    AgendaEntry,
    ComplianceReport,
    ComplianceRow,
    DispositionSheet,
    EmailAttachment,
    EmailPrintout,
    ReceiptEntry,
    ReceiptSheet,
)
from print.samples import write_samples
from tests.print_helpers import (
    AGENDA,
    CHOICES,
    KASI,
    LH,
    assert_fields,
    expected_size,
    page_size,
    read,
    squash,
    text_of,
)


def test_indonesian_dates_and_durations():
    assert format_date(date(2026, 11, 25)) == "25 November 2026"
    assert format_date(date(2026, 11, 25), weekday=True) == "Rabu, 25 November 2026"
    assert format_datetime(datetime(2026, 2, 3, 7, 5)) == "3 Februari 2026 pukul 07.05"
    assert format_duration(131) == "00:02:11"
    assert paper_size("folio") == (215.0, 330.0)
    with pytest.raises(ValueError):
        paper_size("Letter")


def disposition(**changes) -> DispositionSheet:
    fields = dict(
        sender="Badan Kesatuan Bangsa dan Politik Provinsi Jawa Timur",
        letter_number="400.10.2/4512/204.3/2026",
        letter_date=date(2026, 11, 20),
        received_date=date(2026, 11, 24),
        agenda_number=AGENDA,
        sifat="Rahasia",
        derajat="Sangat Segera",
        choices=CHOICES,
        subject="Rapat koordinasi – persandian — “keamanan informasi” daerah",
        forward_to=("Kasi Keamanan Informasi dan Persandian", "Operator Sandi"),
        checked=("Untuk ditindaklanjuti", "Arsip"),
        note="Segera dikirim via faksimili hari ini.",
        signatory=KASI,
    )
    fields.update(changes)
    return DispositionSheet(**fields)


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_disposition_fields_and_paper(paper):
    data = disposition_pdf(disposition(), LH, paper=paper)
    assert len(read(data).pages) == 1
    assert page_size(data) == expected_size(paper, False)
    assert_fields(
        data,
        "PEMERINTAH KABUPATEN TRENGGALEK",
        "DINAS KOMUNIKASI DAN INFORMATIKA",
        "LEMBAR DISPOSISI",
        "Badan Kesatuan Bangsa dan Politik Provinsi Jawa Timur",
        "400.10.2/4512/204.3/2026",
        "20 November 2026",
        "24 November 2026",
        AGENDA,
        "Sangat Rahasia",
        "Sangat Segera",
        "Operator Sandi",
        "Agendakan dan kirim melalui faksimili",
        "Koordinasikan dengan unit terkait",
        "Segera dikirim via faksimili hari ini.",
        "Siti Nurhayati, S.Kom., M.M.",
        "NIP. 19800512 200501 2 014",
        "Trenggalek, 25 November 2026",
    )
    text = "".join(page.extract_text() for page in read(data).pages)
    assert "Rapat koordinasi – persandian — “keamanan informasi” daerah" in " ".join(text.split())
    # one tick for sifat, one for derajat, one per ticked instruction
    assert text.count("✓") == 4


def test_disposition_custom_instructions_and_unknown_tick():
    choices = replace(CHOICES, instructions=("Telaah", "Siapkan jawaban"))
    data = disposition_pdf(disposition(choices=choices, checked=("Telaah",)), LH)
    assert_fields(data, "Telaah", "Siapkan jawaban")
    assert "Untukdiketahui" not in text_of(data)
    with pytest.raises(ValueError):
        disposition_pdf(disposition(checked=("Bakar",)), LH)


def agenda_entries(count: int) -> tuple[AgendaEntry, ...]:
    return tuple(
        AgendaEntry(
            f"000.1.1/{n:03d}/406.020/2026",
            date(2026, 11, 1 + n % 28),
            f"400/{100 + n}/406.020/2026",
            "Sekretariat Daerah Provinsi Jawa Timur",
            "Laporan pengamanan persandian bulanan beserta rencana tindak lanjut " * 2,
            "Terbatas",
            "000.1.1",
            "Terkirim",
            void=n == 3,
            void_reason="salah tujuan",
        )
        for n in range(1, count + 1)
    )


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_agenda_keluar_breaks_pages_repeating_header(paper):
    data = agenda_pdf(
        AgendaBook("keluar", date(2026, 11, 1), date(2026, 11, 30), agenda_entries(40)),
        LH,
        paper=paper,
    )
    reader = read(data)
    assert len(reader.pages) >= 3
    assert page_size(data) == expected_size(paper, True)
    for number, page in enumerate(reader.pages, start=1):
        text = squash(page.extract_text())
        assert squash("No. Agenda") in text and "Tujuan" in text and "Keterangan" in text
        assert f"Halaman{number}dari{len(reader.pages)}" in text
    assert_fields(
        data,
        "BUKU AGENDA BERITA KELUAR",
        "1 November 2026 s.d. 30 November 2026",
        "000.1.1/001/406.020/2026",
        "000.1.1/040/406.020/2026",
        "400/101/406.020/2026",
        "Sekretariat Daerah Provinsi Jawa Timur",
        "BATAL — salah tujuan",
        "Terbatas",
        "Jumlah nomor: 40 (batal: 1)",
    )
    assert text_of(data).count("BATAL") == 1


def test_agenda_masuk_and_empty_book():
    data = agenda_pdf(
        AgendaBook("masuk", date(2026, 11, 1), date(2026, 11, 7), agenda_entries(2)), LH
    )
    assert_fields(data, "BUKU AGENDA SURAT MASUK", "Asal Surat", "Tanggal Terima")
    empty = agenda_pdf(AgendaBook("masuk", date(2026, 12, 1), date(2026, 12, 31)), LH)
    assert_fields(empty, "Tidak ada catatan pada periode ini.")
    with pytest.raises(ValueError):
        agenda_pdf(AgendaBook("lain", date(2026, 1, 1), date(2026, 1, 2)), LH)


def test_receipt_sheet():
    entries = (
        ReceiptEntry(
            1,
            date(2026, 11, 25),
            "005/121/406.020/2026",
            date(2026, 11, 24),
            "Kepala Bagian Umum Setda",
            "Undangan rapat koordinasi",
            "1 berkas",
            "Agus Setiawan",
            datetime(2026, 11, 25, 10, 6),
        ),
        ReceiptEntry(
            2,
            date(2026, 11, 25),
            "005/122/406.020/2026",
            date(2026, 11, 24),
            "Sekretaris Dinas",
            "Laporan bulanan",
        ),
    )
    data = receipt_pdf(ReceiptSheet(entries), LH)
    assert page_size(data) == expected_size("A4", True)
    assert_fields(
        data,
        "BUKU EKSPEDISI / TANDA TERIMA SURAT",
        "Nama Penerima",
        "Tanda Tangan",
        "Jam Terima",
        "005/121/406.020/2026",
        "24 November 2026",
        "Kepala Bagian Umum Setda",
        "Undangan rapat koordinasi",
        "1 berkas",
        "Agus Setiawan",
        "10.06",
        "Sekretaris Dinas",
    )


def test_email_printout_long_body():
    body = "\n\n".join(
        f"Paragraf {n}: dengan hormat – kami sampaikan “undangan” rapat." * 4 for n in range(1, 40)
    )
    mail = EmailPrintout(
        agenda_number="005/087/406.020/2026",
        received_at=datetime(2026, 11, 25, 7, 42),
        sender="Biro Umum <biroumum@jatimprov.go.id>",
        to=("kominfo@trenggalekkab.go.id",),
        cc=("persandian@trenggalekkab.go.id",),
        subject="Undangan Rapat — Persandian 2026",
        sent_at=datetime(2026, 11, 24, 16, 3),
        body=body,
        attachments=(
            EmailAttachment("undangan.pdf", 254312, "application/pdf"),
            EmailAttachment("daftar hadir.xlsx", 900),
        ),
    )
    data = email_pdf(mail, LH, paper="F4")
    reader = read(data)
    assert len(reader.pages) >= 2
    assert page_size(data) == expected_size("F4", False)
    assert_fields(
        data,
        "SURAT MASUK (EMAIL)",
        "No. agenda",
        "005/087/406.020/2026",
        "25 November 2026 pukul 07.42",
        "Biro Umum <biroumum@jatimprov.go.id>",
        "kominfo@trenggalekkab.go.id",
        "persandian@trenggalekkab.go.id",
        "24 November 2026 pukul 16.03",
        "Undangan Rapat — Persandian 2026",
        "Paragraf 1:",
        "Paragraf 39:",
        "Daftar lampiran",
        "undangan.pdf",
        "248 KB",
        "daftar hadir.xlsx",
        "900 B",
    )
    assert "No.Agenda005/087/406.020/2026" in squash(reader.pages[1].extract_text())


def test_compliance_report():
    rows = (
        ComplianceRow(
            "Pengiriman surat faksimile", 1, "Mengajukan permintaan", 42, 6.5, 11.0, 10, 86.0
        ),
        ComplianceRow("Pengiriman surat faksimile", 2, "Disposisi Kasi", 40, 12.25, 31.2, 10, 45.2),
        ComplianceRow("Pengelolaan email masuk", 7, "Tindak lanjut OPD", 0, None, None, None, None),
    )
    data = compliance_pdf(ComplianceReport(2026, 11, rows, KASI, "SOP/17/406.020/2019"), LH)
    assert_fields(
        data,
        "LAPORAN KEPATUHAN MUTU BAKU SOP",
        "Bulan November 2026",
        "SOP/17/406.020/2019",
        "Median (menit)",
        "P90 (menit)",
        "Standar (menit)",
        "Sesuai (%)",
        "Mengajukan permintaan",
        "6,5",
        "11,0",
        "86,0",
        "12,2",
        "45,2",
        "Pengelolaan email masuk",
        "Tindak lanjut OPD",
        "Siti Nurhayati, S.Kom., M.M.",
    )
    # the procedure is named once in the table and once over its bars, not on every row
    assert text_of(data).count("Pengirimansuratfaksimile") == 2


def test_samples_write_every_document(tmp_path):
    paths = write_samples(tmp_path, CHOICES)
    assert len(paths) == 11
    for path in paths:
        assert len(read(path.read_bytes()).pages) >= 1
