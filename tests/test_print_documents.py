"""print/: every document from fixture data, checked field by field through pypdf."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from PIL import Image
from pypdf import PdfReader

from print.agenda import agenda_pdf
from print.base import format_date, format_datetime, format_duration, paper_size
from print.compliance import compliance_pdf
from print.disposition import disposition_pdf
from print.email import email_pdf
from print.faxlog import faxlog_pdf
from print.journal import journal_pdf
from print.receipt import receipt_pdf
from print.records import (
    AgendaBook,
    AgendaEntry,
    Attempt,
    BackStamp,
    ComplianceReport,
    ComplianceRow,
    DispositionChoices,
    DispositionSheet,
    EmailAttachment,
    EmailPrintout,
    FaxDailyReport,
    FaxLogEntry,
    Letterhead,
    ReceiptEntry,
    ReceiptSheet,
    Signatory,
    TransmissionReport,
)
from print.samples import write_samples
from print.stamp import stamp_pdf, stamp_text
from tui.printing import disposition_choices

LH = Letterhead(
    "Pemerintah Kabupaten Trenggalek",
    "Dinas Komunikasi dan Informatika",
    "Jalan Soekarno–Hatta Nomor 1, Trenggalek 66311",
    ("Telepon (0355) 791234 — Pos-el kominfo@trenggalekkab.go.id",),
    unit="Seksi Keamanan Informasi dan Persandian",
)
KASI = Signatory(
    "Siti Nurhayati, S.Kom., M.M.",
    "19800512 200501 2 014",
    "Kepala Seksi Keamanan Informasi dan Persandian",
    date=date(2026, 11, 25),
)
OPERATOR = Signatory("Rudi Hartono, A.Md.", "19900817 201503 1 003", "Operator Sandi")
AGENDA = "000.1.1/012/406.020/2026"
CHOICES: DispositionChoices = disposition_choices()  # the model's sifat, derajat, instructions
SIZES = {"A4": (595.3, 841.9), "F4": (609.4, 935.4)}  # points


def read(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def squash(text: str) -> str:
    """Whitespace-free text, so wrapped fields still match."""
    return re.sub(r"\s+", "", text)


def text_of(data: bytes) -> str:
    return squash("".join(page.extract_text() for page in read(data).pages))


def assert_fields(data: bytes, *fields: str) -> None:
    text = text_of(data)
    for value in fields:
        assert squash(value) in text, value


def page_size(data: bytes, index: int = 0) -> tuple[float, float]:
    box = read(data).pages[index].mediabox
    return round(float(box.width), 1), round(float(box.height), 1)


def expected_size(paper: str, landscape: bool):
    w, h = SIZES[paper]
    return pytest.approx((h, w) if landscape else (w, h), abs=0.6)


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


def report(thumbnail=None, ok=True, **changes) -> TransmissionReport:
    busy = datetime(2026, 11, 25, 9, 10, 2)
    sent = datetime(2026, 11, 25, 9, 14, 33)
    fields = dict(
        started=busy,
        ended=sent + timedelta(seconds=131),
        local_id="+62 355 791235",
        dialled="0313520881",
        remote_csid="+62 31 3520881",
        duration_s=166,
        pages=3 if ok else 1,
        pages_total=3,
        resolution="Halus",
        speed_bps=14400,
        result="Terkirim" if ok else "Putus (DCN)",
        ok=ok,
        agenda_number=AGENDA,
        destination="Bakesbangpol Provinsi Jawa Timur",
        operator="Rudi Hartono",
        attempts=(
            Attempt(busy, "Nomor sibuk", 35, 0, 3, hangup_code="01"),
            Attempt(
                sent,
                "OK" if ok else "Putus (DCN)",
                131,
                3 if ok else 1,
                3,
                "Halus",
                14400,
                "+62 31 3520881",
                "00" if ok else "54",
            ),
        ),
        thumbnail=thumbnail,
    )
    fields.update(changes)
    return TransmissionReport(**fields)


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (210, 297), 200).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("thumb", [None, "png", "pil"])
def test_journal_fields_and_thumbnail(thumb):
    image = {"png": png_bytes(), "pil": Image.new("L", (210, 297), 200), None: None}[thumb]
    data = journal_pdf(report(image), LH)
    assert len(read(data).pages) == 1
    assert_fields(
        data,
        "JURNAL PENGIRIMAN FAKSIMILI",
        "HASIL: BERHASIL — Terkirim",
        "Rabu, 25 November 2026",
        "Waktu mulai : 09.10.02",
        "Waktu selesai : 09.16.44",
        "Jumlah panggilan : 2",
        AGENDA,
        "+62 355 791235",
        "0313520881",
        "+62 31 3520881",
        "Lama tersambung : 00:02:46",
        "Halaman terkonfirmasi : 3 dari 3",
        "Halus (204×196 dpi)",
        "14.400 bps",
        "Rudi Hartono",
        "Riwayat panggilan",
        "1 25-11-2026 09.10.02 00:00:35 - - 0/3 - Nomor sibuk 01",
        "2 25-11-2026 09.14.33 00:02:11 Halus 14.400 bps 3/3 +62 31 3520881 OK 00",
    )
    assert "PERINGATAN" not in text_of(data)
    images = read(data).pages[0].images
    assert len(images) == (0 if thumb is None else 1)


def test_journal_failure_says_gagal_with_its_reason():
    data = journal_pdf(report(ok=False), LH)
    assert_fields(
        data,
        "HASIL: GAGAL — Putus (DCN)",
        "Halaman terkonfirmasi : 1 dari 3",
        "Halus 14.400 bps 1/3 +62 31 3520881 Putus (DCN) 54",
    )
    assert "BERHASIL" not in text_of(data)


def test_journal_of_a_job_that_never_reached_the_line():
    failed = journal_pdf(
        report(
            ok=False,
            started=None,
            pages=0,
            duration_s=0,
            resolution="",
            speed_bps=0,
            remote_csid="",
            attempts=(),
            result="Halaman tidak dapat dibuat",
        ),
        LH,
    )
    assert_fields(
        failed,
        "HASIL: GAGAL — Halaman tidak dapat dibuat",
        "Waktu mulai : -",
        "Waktu selesai : 09.16.44",
        "Jumlah panggilan : 0",
        "Halaman terkonfirmasi : 0 dari 3",
        "Resolusi : -",
        "Kecepatan : -",
        "Tidak ada panggilan ke nomor tujuan.",
    )
    queued = journal_pdf(
        report(
            ok=False,
            finished=False,
            started=None,
            ended=None,
            pages=0,
            attempts=(),
            result="Menunggu daemon",
        ),
        LH,
    )
    assert_fields(
        queued,
        "HASIL: BELUM SELESAI — Menunggu daemon",
        "Tanggal : -",
        "Belum ada panggilan ke nomor tujuan.",
    )
    assert "GAGAL" not in text_of(queued)


def test_journal_warns_of_a_remote_id_of_another_station():
    data = journal_pdf(
        report(remote_csid="+62 21 555 0101", foreign_csids=("+62 21 555 0101",)), LH
    )
    assert_fields(
        data,
        "PERINGATAN: ID penerima (CSID) +62 21 555 0101 tidak cocok dengan "
        "nomor yang dituju (0313520881)",
        "ID penerima (CSID) : +62 21 555 0101 (TIDAK COCOK)",
    )


def test_journal_calls_on_another_day_carry_their_date():
    data = journal_pdf(report(ended=datetime(2026, 11, 26, 8, 0, 5)), LH)
    assert_fields(data, "Waktu mulai : 09.10.02", "Waktu selesai : 26 November 2026 pukul 08.00.05")


def test_faxlog_day():
    entries = tuple(
        FaxLogEntry(
            datetime(2026, 11, 25, 8 + n, 5 * n),
            f"000.1.1/{20 + n:03d}/406.020/2026",
            "Dinas Kominfo Provinsi Jawa Timur",
            "(031) 8294608",
            n + 1 if n else 0,
            "Berhasil (manual)" if n == 3 else "Berhasil" if n else "Gagal: Nomor sibuk",
            "Rudi Hartono",
            ok=bool(n),
        )
        for n in range(4)
    )
    data = faxlog_pdf(FaxDailyReport(date(2026, 11, 25), entries, OPERATOR, KASI), LH)
    assert page_size(data) == expected_size("A4", True)
    assert_fields(
        data,
        "BUKU LAPORAN HARIAN FAKSIMILI",
        "Rabu, 25 November 2026",
        "Paraf Kasi",
        "08.00",
        "11.15",
        "000.1.1/023/406.020/2026",
        "(031) 8294608",
        "Gagal: Nomor sibuk",
        "Berhasil (manual)",
        "Jumlah pengiriman: 4 (berhasil 3, tidak berhasil 1)",
        "jumlah halaman terkonfirmasi: 9",
        "Mengetahui,",
        "Rudi Hartono, A.Md.",
        "NIP. 19900817 201503 1 003",
        "Siti Nurhayati, S.Kom., M.M.",
    )
    assert_fields(
        faxlog_pdf(FaxDailyReport(date(2026, 11, 29)), LH),
        "Tidak ada pengiriman pada hari ini.",
        "Minggu, 29 November 2026",
        "Jumlah pengiriman: 0 (berhasil 0, tidak berhasil 0)",
    )


def test_faxlog_counts_by_the_recorded_outcome_not_the_wording():
    at = datetime(2026, 11, 25, 10, 0)
    entries = (
        FaxLogEntry(at, AGENDA, "A", "1", 2, "OK", "R", ok=False),
        FaxLogEntry(at, AGENDA, "B", "2", 1, "Terkirim (mesin faks)", "R", ok=True),
    )
    assert_fields(
        faxlog_pdf(FaxDailyReport(date(2026, 11, 25), entries), LH),
        "Jumlah pengiriman: 2 (berhasil 1, tidak berhasil 1)",
        "jumlah halaman terkonfirmasi: 3",
    )


def test_back_stamp_pdf_and_text():
    stamp = BackStamp(
        datetime(2026, 11, 25, 9, 14),
        "Rudi Hartono",
        "OK",
        AGENDA,
        "Bakesbangpol Provinsi Jawa Timur",
        3,
    )
    data = stamp_pdf(stamp, LH, paper="F4")
    assert page_size(data) == expected_size("F4", False)
    assert_fields(
        data,
        "TELAH DIKIRIM MELALUI FAKSIMILI",
        AGENDA,
        "25 November 2026",
        "09.14 WIB",
        "Bakesbangpol Provinsi Jawa Timur",
        "Rudi Hartono",
        "Paraf",
    )
    text = stamp_text(stamp)
    assert "Jam kirim  : 09.14 WIB" in text and f"No. agenda : {AGENDA}" in text
    assert max(len(line) for line in text.splitlines() if not line.startswith("Tujuan")) <= 40


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
    assert text_of(data).count("Pengirimansuratfaksimile") == 1  # procedure not repeated


def test_samples_write_every_document(tmp_path):
    paths = write_samples(tmp_path, CHOICES)
    assert len(paths) == 10
    for path in paths:
        assert len(read(path.read_bytes()).pages) >= 1
