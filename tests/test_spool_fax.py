"""The fax worker and the daemon against the modem simulator on a pty."""

import os
import signal
import threading
import time
from functools import partial

import pytest

from hw.modemsim import simulated_modem
from model import demo, heartbeat
from model.base import now
from model.fax import jobs as fax_jobs
from model.fax.records import FaxAttempt, FaxJob, FaxLogEntry, request_of
from model.fax.spool import claim_next
from spool.fax import FaxWorker, render_job
from tests.cli_helpers import warkat
from tests.conftest import user
from tests.fax_helpers import at_step, daemon_process, point_daemon_at, wait_for

LONG_TEXT = "\n".join(  # the message page, a full page, the rest with the signature
    f"Baris {n:03d}: isi berita panjang untuk tiga halaman faks." for n in range(110)
)


def _job(destinations=(("Diskominfo Jatim", "031-8294608"),), **kw):
    item_id = at_step(5, destinations=list(destinations), **kw)
    for dest in request_of(item_id).destinations:
        fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=1, max_tries=2)
    return item_id


def test_three_page_fax_arrives_exactly_as_rendered(office, tmp_path):
    item_id = _job(isi_berita=LONG_TEXT)
    with simulated_modem("ok", out_dir=tmp_path, speedup=500) as sim:
        worker = FaxWorker(office, sim.path)
        job = worker.send(claim_next(worker.owner), threading.Event())
    assert job.status == "terkirim" and (job.pages_done, job.pages_total) == (3, 3)
    rendered = render_job(office, job)
    assert len(sim.pages) == 3
    for got, want in zip(sim.pages, rendered, strict=True):
        assert got.convert("1").tobytes() == want.convert("1").tobytes()
    entry = FaxLogEntry.get(FaxLogEntry.item == item_id)
    assert entry.ok and entry.pages == 3 and entry.agenda_number.endswith("/2026")
    assert job.thumbnail.startswith(b"\x89PNG")


def test_busy_line_is_retried_later_and_then_handed_back(office, tmp_path):
    item_id = _job()
    with simulated_modem("busy", speedup=500) as sim:
        worker = FaxWorker(office, sim.path)
        job = worker.send(claim_next(worker.owner), threading.Event())
        assert job.status == "antri" and "sibuk" in job.progress.lower()
        FaxJob.update(next_try_at=now()).where(FaxJob.status == "antri").execute()
        job = worker.send(claim_next(worker.owner), threading.Event())
    assert job.status == "gagal" and job.attempts == 2
    assert FaxLogEntry.get(FaxLogEntry.item == item_id).ok is False


def test_rtn_on_page_two_resends_only_the_unsent_pages(office, tmp_path):
    _job(isi_berita=LONG_TEXT)
    with simulated_modem("rtn_on_page=2", speedup=500) as sim:
        worker = FaxWorker(office, sim.path)
        job = worker.send(claim_next(worker.owner), threading.Event())
    assert job.status == "antri" and job.pages_done == 1
    with simulated_modem("ok", speedup=500) as sim:
        FaxJob.update(next_try_at=now()).where(FaxJob.status == "antri").execute()
        worker = FaxWorker(office, sim.path)
        job = worker.send(claim_next(worker.owner), threading.Event())
        assert len(sim.pages) == 2  # pages 2 and 3 only
    assert job.status == "terkirim" and job.pages_done == 3


def test_a_modem_unplugged_mid_page_leaves_an_attempt_and_a_retry(office):
    _job(isi_berita=LONG_TEXT)
    with simulated_modem("vanish_mid_page=2", speedup=500) as sim:
        worker = FaxWorker(office, sim.path)
        job = worker.send(claim_next(worker.owner), threading.Event())
    assert (job.status, job.attempts, job.pages_done) == ("antri", 1, 1)
    attempt = job.attempt_rows.get()
    assert attempt.message == "Modem terlepas saat mengirim halaman 2"
    assert (attempt.ok, attempt.pages_sent) == (False, 1)
    assert FaxLogEntry.select().where(FaxLogEntry.job == job).count() == 0
    FaxJob.update(next_try_at=now()).where(FaxJob.id == job.id).execute()
    with simulated_modem("vanish_mid_page=2", speedup=500) as sim:  # pages 2-3 this time
        worker = FaxWorker(office, sim.path)
        job = worker.send(claim_next(worker.owner), threading.Event())
    assert job.attempt_rows.order_by(FaxAttempt.id.desc()).first().message == (
        "Modem terlepas saat mengirim halaman 3"
    )
    assert job.pages_done == 2


@pytest.fixture
def live_office(home):
    """The demo office on the real clock (the daemon runs in another process)."""
    demo.seed()
    return home


def test_kill_9_mid_page_is_recovered_whatever_the_device_path_is_now(live_office, tmp_path):
    item_id = _job(isi_berita=LONG_TEXT)
    job = partial(FaxJob.get, FaxJob.item == item_id)

    with simulated_modem("ok", speedup=6, bps=9600) as sim:
        point_daemon_at(live_office, [sim.path])
        first = daemon_process(live_office)
        try:
            assert wait_for(lambda: "Mengirim halaman 2/3" in job().progress)
        finally:
            os.kill(first.pid, signal.SIGKILL)
            first.wait()
        assert job().status == "proses"
        by_id = tmp_path / "usb-Warkat_SimModem-if00"  # the admin switched to a by-id path
        by_id.symlink_to(sim.path)
        point_daemon_at(live_office, [str(by_id)])
        second = daemon_process(live_office)
        try:
            assert wait_for(lambda: job().status == "tunggu_keputusan", 30)
            assert "Daemon berhenti mendadak" in job().progress
            time.sleep(1)
            assert job().status == "tunggu_keputusan"  # never re-sent silently
        finally:
            second.send_signal(signal.SIGTERM)
            assert second.wait(timeout=30) == 0
    attempt = job().attempt_rows.get()
    assert attempt.message == "Daemon berhenti mendadak saat mengirim (1/3 halaman terkonfirmasi)"
    assert (attempt.pages_sent, job().pages_done, job().attempts) == (1, 1, 1)
    assert attempt.started_at <= attempt.ended_at
    assert FaxLogEntry.select().where(FaxLogEntry.item == item_id).count() == 0


def test_a_missing_modem_uses_no_try_and_the_job_goes_out_when_it_is_back(live_office, tmp_path):
    item_id = _job()
    job = partial(FaxJob.get, FaxJob.item == item_id)
    device = tmp_path / "ttyUSB0"
    point_daemon_at(live_office, [str(device)])
    daemon = daemon_process(live_office)
    try:
        assert wait_for(lambda: "Modem tidak tersedia" in job().progress, 30)
        assert job().status == "antri" and job().attempts == 0
        assert FaxAttempt.select().where(FaxAttempt.job == job().id).count() == 0
        assert FaxLogEntry.select().where(FaxLogEntry.item == item_id).count() == 0
        assert wait_for(lambda: "Modem tidak tersedia" in heartbeat.describe()[1], 30)
        status = heartbeat.describe()[1]
        assert status.count(str(device)) == 1 and "Errno" not in status
        with simulated_modem("ok", speedup=500) as sim:
            device.symlink_to(sim.path)
            assert wait_for(lambda: job().status == "terkirim", 30)
            assert len(sim.pages) == 1
        assert wait_for(lambda: "tidak tersedia" not in heartbeat.describe()[1], 15)
    finally:
        daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(timeout=30) == 0
    assert job().attempts == 1 and FaxLogEntry.get(FaxLogEntry.item == item_id).ok


def test_two_daemons_started_at_once_never_both_send_one_job(live_office):
    item_id = _job(
        destinations=[
            ("Jatim", "031-8294608"),
            ("BSSN", "021-7805814"),
            ("Tulungagung", "0355-321456"),
        ]
    )
    jobs = FaxJob.select().where(FaxJob.item == item_id)
    with simulated_modem("ok", speedup=200) as a, simulated_modem("ok", speedup=200) as b:
        point_daemon_at(live_office, [a.path, b.path])
        daemons = [daemon_process(live_office), daemon_process(live_office)]
        try:
            assert wait_for(lambda: jobs.where(FaxJob.status == "terkirim").count() == 3, 90)
        finally:
            for d in daemons:
                d.send_signal(signal.SIGTERM)
            for d in daemons:
                assert d.wait(timeout=30) == 0
        assert len(a.pages) + len(b.pages) == 3
        assert [j.attempts for j in jobs] == [1, 1, 1]


def test_sigterm_mid_page_aborts_cleanly_and_asks_the_operator(live_office):
    item_id = _job(isi_berita=LONG_TEXT)
    job = partial(FaxJob.get, FaxJob.item == item_id)

    with simulated_modem("ok", speedup=2, bps=9600) as sim:
        point_daemon_at(live_office, [sim.path])
        daemon = daemon_process(live_office)
        try:
            assert wait_for(lambda: "Mengirim halaman" in job().progress)
        finally:
            daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(timeout=60) == 0
    assert job().status == "tunggu_keputusan"
    attempt = job().attempt_rows.get()
    assert not attempt.ok and attempt.message.startswith("Daemon dihentikan saat mengirim (")
    assert "operator" not in attempt.message and "Daemon dihentikan" in job().progress


def test_the_modem_is_one_users_at_a_time_across_programs(live_office):
    item_id = _job(isi_berita=LONG_TEXT)
    job = partial(FaxJob.get, FaxJob.item == item_id)
    with simulated_modem("ok", speedup=1, bps=2400) as sim:
        point_daemon_at(live_office, [sim.path])
        daemon = daemon_process(live_office)
        try:
            assert wait_for(lambda: "Mengirim halaman" in job().progress)
            commands = len(sim.commands)
            test = warkat(
                live_office.home,
                "fax",
                "send-test",
                "--device",
                sim.path,
                "--number",
                "0355-791234",
            )
            info = warkat(live_office.home, "fax", "modem-info", "--device", sim.path)
            assert len(sim.commands) == commands  # nothing was injected into the call
        finally:
            daemon.send_signal(signal.SIGTERM)
            assert daemon.wait(timeout=60) == 0
    busy = f"Modem sedang dipakai (daemon, pid {daemon.pid})"
    assert test.returncode == 1 and busy in test.stdout + test.stderr
    assert info.returncode == 1 and busy in info.stderr


def test_letters_to_one_number_go_out_in_one_call(office, tmp_path):
    first = _job(isi_berita="Berita pertama.")
    second = _job(perihal="Laporan kegiatan", isi_berita=LONG_TEXT)
    with simulated_modem("ok", out_dir=tmp_path, speedup=500) as sim:
        worker = FaxWorker(office, sim.path)
        job = worker.send(claim_next(worker.owner), threading.Event())
        assert sum(c.startswith("ATD") for c in sim.commands) == 1 and len(sim.pages) == 1 + 3
    jobs = {j.item_id: j for j in FaxJob.select().where(FaxJob.item.in_([first, second]))}
    assert job.item_id == first
    assert {j.status for j in jobs.values()} == {"terkirim"}
    assert (jobs[first].pages_done, jobs[second].pages_done) == (1, 3)
    calls = [j.attempt_rows.get() for j in jobs.values()]
    assert len({c.started_at for c in calls}) == 1  # the same call, one attempt row each
    lines = FaxLogEntry.select().where(FaxLogEntry.item.in_([first, second]))
    assert sorted(e.pages for e in lines) == [1, 3]


def test_a_call_cut_in_the_second_letter_keeps_the_first_sent(office, tmp_path):
    first = _job(isi_berita="Berita pertama.")
    second = _job(perihal="Laporan kegiatan", isi_berita=LONG_TEXT)
    with simulated_modem("drop_mid_page=3", speedup=500) as sim:
        worker = FaxWorker(office, sim.path)
        worker.send(claim_next(worker.owner), threading.Event())
    jobs = {j.item_id: j for j in FaxJob.select().where(FaxJob.item.in_([first, second]))}
    assert jobs[first].status == "terkirim"
    assert (jobs[second].status, jobs[second].pages_done) == ("antri", 1)  # a retry, page 2 on
