"""print/: the fax transmission documents (journal, daily log, back stamp) from fixture data,
checked field by field through pypdf."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from PIL import Image

from print.faxlog import faxlog_pdf
from print.journal import journal_pdf
from print.records import Attempt, BackStamp, FaxDailyReport, FaxLogEntry, TransmissionReport
from print.stamp import stamp_pdf, stamp_text
from tests.print_helpers import (
    AGENDA,
    KASI,
    LH,
    OPERATOR,
    assert_fields,
    expected_size,
    page_size,
    read,
    text_of,
)


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
