"""The jurnal pengiriman and buku laporan harian fax from the database: true to every call."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from pypdf import PdfReader

from model import base
from model.fax import jobs as fax_jobs
from model.fax import spool as fax_spool
from model.fax.jobs import AttemptReport
from model.fax.records import FaxJob, FaxLogEntry, JobStatus, request_of
from tests.conftest import user
from tests.fax_helpers import at_step, live_daemon
from tui import printing


def text_of(pdf: bytes) -> str:
    """Whitespace-free text, so wrapped cells still match."""
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def assert_fields(pdf: bytes, *fields: str) -> None:
    text = text_of(pdf)
    for value in fields:
        assert re.sub(r"\s+", "", value) in text, value


def queued(pages: int = 3, max_tries: int = 3) -> FaxJob:
    """A modem job for the request's destination, Diskominfo Jatim (031-8294608)."""
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    return fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=pages, max_tries=max_tries)


def call(job: FaxJob, seconds: int, ok: bool, pages: int, message: str, **kw) -> FaxJob:
    """The daemon makes one call of `seconds` from now, then the clock moves on."""
    fax_spool.claim_next(live_daemon())
    start = base.now()
    report = AttemptReport(
        start, start + timedelta(seconds=seconds), ok, pages, job.pages_total, message, **kw
    )
    job = fax_spool.finish(job.id, report, fax_spool.RetryPolicy())
    base.freeze(start + timedelta(minutes=5))
    return job


def test_a_failed_job_prints_gagal_with_every_call(staff):
    job = queued()
    call(job, 40, False, 0, "Nomor sibuk", params="0", hangup_code="", retry_kind="busy")
    call(
        job,
        95,
        False,
        1,
        "Sambungan putus saat halaman 2",
        remote_id="+62 31 8294608",
        params="Halus 9600",
        hangup_code="54",
        retry_kind="failure",
    )
    job = call(job, 20, False, 0, "Tidak diangkat", params="Standar 14400", retry_kind="no_answer")
    assert job.status == JobStatus.FAILED
    pdf, title = printing.transmission_journal(job.id)
    assert title == "Jurnal pengiriman 000.1.1/001/406.020/2026"
    assert_fields(
        pdf,
        "HASIL: GAGAL — Tidak diangkat",
        "Nomor dituju : 0318294608",
        "Tanggal : Rabu, 25 November 2026",
        "Waktu mulai : 09.30.00",
        "Waktu selesai : 09.40.20",
        "Jumlah panggilan : 3",
        "Lama tersambung : 00:02:35",
        "Halaman terkonfirmasi : 1 dari 3",
        "Resolusi : Standar (204×98 dpi)",
        "Kecepatan : 14.400 bps",
        "1 25-11-2026 09.30.00 00:00:40 - - 0/3 - Nomor sibuk -",
        "2 25-11-2026 09.35.00 00:01:35 Halus 9.600 bps 1/3 +62 31 8294608 "
        "Sambungan putus saat halaman 2 54",
        "3 25-11-2026 09.40.00 00:00:20 Standar 14.400 bps 0/3 - Tidak diangkat -",
    )
    text = text_of(pdf)
    assert "BERHASIL" not in text and "PERINGATAN" not in text


def test_a_job_that_failed_with_no_page_confirmed(staff):
    job = call(queued(max_tries=1), 30, False, 0, "Tidak ada nada panggil", retry_kind="failure")
    assert (job.status, job.pages_done) == (JobStatus.FAILED, 0)
    assert_fields(
        printing.transmission_journal(job.id)[0],
        "HASIL: GAGAL — Tidak ada nada panggil",
        "Halaman terkonfirmasi : 0 dari 3",
        "Resolusi : -",
        "Kecepatan : -",
        "ID penerima (CSID) : -",
    )


def test_a_failed_job_without_any_call_is_printable(staff):
    job = queued(pages=0)
    FaxJob.update(
        status=JobStatus.FAILED, result="Halaman berita tidak dapat dibuat", progress="Gagal"
    ).where(FaxJob.id == job.id).execute()
    assert_fields(
        printing.transmission_journal(job.id)[0],
        "HASIL: GAGAL — Halaman berita tidak dapat dibuat",
        "Waktu mulai : -",
        "Jumlah panggilan : 0",
        "Halaman terkonfirmasi : 0 dari 0",
        "Tidak ada panggilan ke nomor tujuan.",
    )


def test_a_job_still_queued_is_not_called_failed(staff):
    job = call(queued(), 40, False, 0, "Nomor sibuk", retry_kind="busy")
    assert job.status == JobStatus.QUEUED
    pdf = printing.transmission_journal(job.id)[0]
    assert_fields(
        pdf,
        "HASIL: BELUM SELESAI — Percobaan 1/3 gagal: Nomor sibuk",
        "Waktu mulai : 09.30.00",
        "Waktu selesai : -",
        "Jumlah panggilan : 1",
    )
    assert "GAGAL—" not in text_of(pdf)
    fresh = queued()
    assert_fields(
        printing.transmission_journal(fresh.id)[0],
        "HASIL: BELUM SELESAI — Menunggu daemon",
        "Tanggal : -",
        "Belum ada panggilan ke nomor tujuan.",
    )


def test_a_sent_job_with_the_right_remote_id(staff):
    job = call(
        queued(),
        131,
        True,
        3,
        "Terkirim",
        remote_id="+62 31 8294608",
        params="Halus 14400",
        hangup_code="00",
    )
    pdf = printing.transmission_journal(job.id)[0]
    assert_fields(
        pdf,
        "HASIL: BERHASIL — Terkirim",
        "Halaman terkonfirmasi : 3 dari 3",
        "ID penerima (CSID) : +62 31 8294608",
        "Resolusi : Halus (204×196 dpi)",
        "Kecepatan : 14.400 bps",
        "Halus 14.400 bps 3/3 +62 31 8294608 OK 00",
    )
    assert "PERINGATAN" not in text_of(pdf)


@pytest.mark.parametrize(
    "csid,warned",
    [("+62 21 555 0101", True), ("031 8294608", False), ("DISKOMINFO JATIM", False), ("", False)],
)
def test_a_remote_id_of_another_station_is_warned_of(staff, csid, warned):
    job = call(queued(), 131, True, 3, "Terkirim", remote_id=csid, params="Halus 14400")
    text = text_of(printing.transmission_journal(job.id)[0])
    assert (
        "PERINGATAN:IDpenerima(CSID)+62215550101tidakcocokdengannomoryangdituju(0318294608)" in text
    ) is warned
    assert ("(TIDAKCOCOK)" in text) is warned


def test_a_wrong_station_on_an_earlier_call_is_warned_of(staff):
    job = queued()
    call(
        job,
        60,
        False,
        1,
        "Putus",
        remote_id="+62 21 555 0101",
        params="Halus 9600",
        retry_kind="failure",
    )
    job = call(job, 90, True, 2, "Terkirim", remote_id="+62 31 8294608", params="Halus 9600")
    assert_fields(
        printing.transmission_journal(job.id)[0],
        "PERINGATAN: ID penerima (CSID) +62 21 555 0101 tidak cocok",
        "ID penerima (CSID) : +62 31 8294608",
        "Halaman terkonfirmasi : 3 dari 3",
    )


def test_a_manual_send_journal(staff):
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    job = fax_jobs.record_manual(
        user("operator"), item_id, dest.id, at=base.now(), remote_id="", pages=2, ok=True
    )
    assert_fields(
        printing.transmission_journal(job.id)[0],
        "HASIL: BERHASIL — Terkirim (mesin faks)",
        "Halaman terkonfirmasi : 2 dari 2",
        "Resolusi : -",
        "Operator : Agus Prasetyo",
    )


@pytest.fixture
def report_data(monkeypatch):
    """The FaxDailyReport handed to the PDF maker, captured."""
    import print.faxlog

    seen = []
    real = print.faxlog.faxlog_pdf
    monkeypatch.setattr(
        print.faxlog, "faxlog_pdf", lambda data, *a: seen.append(data) or real(data, *a)
    )
    return seen


def log(
    item_id: int,
    minutes: int,
    *,
    ok: bool,
    pages: int,
    via: str = "modem",
    result: str = "",
    note: str = "",
) -> None:
    FaxLogEntry.create(
        at=base.now() + timedelta(minutes=minutes),
        item=item_id,
        agenda_number="000.1.1/001/406.020/2026",
        to_name=f"Tujuan {minutes}",
        number="0355-791234",
        pages=pages,
        ok=ok,
        result=result,
        operator=user("operator"),
        via=via,
        note=note,
    )


def test_daily_report_counts_sends_by_their_recorded_outcome(staff, report_data):
    item_id = at_step(5)
    log(item_id, 1, ok=True, pages=3, result="Terkirim")
    log(item_id, 2, ok=True, pages=2, via="manual", result="Terkirim (mesin faks)")
    log(item_id, 3, ok=False, pages=0, result="Nomor sibuk")
    log(item_id, 4, ok=False, pages=1, result="Sambungan putus saat halaman 2")
    log(
        item_id,
        5,
        ok=False,
        pages=0,
        via="manual",
        result="Gagal (mesin faks): kertas macet",
        note="kertas macet",
    )
    dest = request_of(item_id).destinations.get()
    fax_jobs.record_manual(
        user("operator"), item_id, dest.id, at=base.now(), remote_id="", pages=4, ok=True
    )
    pdf, _ = printing.daily_fax_report(base.now().date())
    [data] = report_data
    assert [(e.ok, e.pages) for e in data.entries] == [
        (True, 4),
        (True, 3),
        (True, 2),
        (False, 0),
        (False, 1),
        (False, 0),
    ]
    assert [e.result for e in data.entries] == [
        "Berhasil (manual)",
        "Berhasil",
        "Berhasil (manual)",
        "Gagal: Nomor sibuk",
        "Gagal: Sambungan putus saat halaman 2",
        "Gagal (manual): kertas macet",
    ]
    assert_fields(
        pdf,
        "Jumlah pengiriman: 6 (berhasil 3, tidak berhasil 3)",
        "jumlah halaman terkonfirmasi: 10",
        "Gagal (manual): kertas macet",
    )


def test_daily_report_of_modem_sends(staff):
    ok = call(queued(), 131, True, 3, "Terkirim", remote_id="+62 31 8294608")
    call(queued(max_tries=1), 30, False, 0, "Nomor sibuk", retry_kind="busy")
    assert ok.status == JobStatus.SENT
    assert_fields(
        printing.daily_fax_report(base.now().date())[0],
        "Jumlah pengiriman: 2 (berhasil 1, tidak berhasil 1)",
        "jumlah halaman terkonfirmasi: 3",
        "Gagal: Nomor sibuk",
    )
