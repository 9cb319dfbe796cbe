"""The fax worker and the daemon against the modem simulator on a pty."""

import os
import signal
import subprocess
import sys
import threading
import time
from functools import partial

import pytest

from hw.modemsim import simulated_modem
from model import demo, fax_jobs
from model.base import now
from model.fax import request_of
from model.fax_jobs import FaxJob, FaxLogEntry
from model.fax_spool import claim_next
from spool.fax import FaxWorker, render_job
from tests.conftest import user
from tests.fax_helpers import at_step

LONG_TEXT = "\n".join(f"Baris {n:03d}: isi berita panjang untuk tiga halaman faks." for n in
                      range(140))


def _job(destinations=(("Diskominfo Jatim", "031-8294608"),), **kw):
    item_id = at_step(5, destinations=list(destinations), **kw)
    for dest in request_of(item_id).destinations:
        fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=1, max_tries=2)
    return item_id


def test_three_page_fax_arrives_exactly_as_rendered(office, tmp_path):
    item_id = _job(isi_berita=LONG_TEXT)
    with simulated_modem("ok", out_dir=tmp_path, speedup=500) as sim:
        worker = FaxWorker(office, sim.path)
        job = worker.send(claim_next(worker.name), threading.Event())
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
        job = worker.send(claim_next(worker.name), threading.Event())
        assert job.status == "antri" and "sibuk" in job.progress.lower()
        FaxJob.update(next_try_at=now()).where(FaxJob.status == "antri").execute()
        job = worker.send(claim_next(worker.name), threading.Event())
    assert job.status == "gagal" and job.attempts == 2
    assert FaxLogEntry.get(FaxLogEntry.item == item_id).ok is False


def test_rtn_on_page_two_resends_only_the_unsent_pages(office, tmp_path):
    _job(isi_berita=LONG_TEXT)
    with simulated_modem("rtn_on_page=2", speedup=500) as sim:
        worker = FaxWorker(office, sim.path)
        job = worker.send(claim_next(worker.name), threading.Event())
    assert job.status == "antri" and job.pages_done == 1
    with simulated_modem("ok", speedup=500) as sim:
        FaxJob.update(next_try_at=now()).where(FaxJob.status == "antri").execute()
        worker = FaxWorker(office, sim.path)
        job = worker.send(claim_next(worker.name), threading.Event())
        assert len(sim.pages) == 2  # pages 2 and 3 only
    assert job.status == "terkirim" and job.pages_done == 3


@pytest.fixture
def live_office(home):
    """The demo office on the real clock (the daemon runs in another process)."""
    demo.seed()
    return home


def _daemon(home):
    return subprocess.Popen([sys.executable, "-m", "tui.cli", "--home", str(home.home),
                             "daemon"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _configure(home, devices):
    text = (home.home / "warkat.toml").read_text()
    listed = ", ".join(f'"{d}"' for d in devices)
    text = text.replace("[fax]\n", f"[fax]\ndevices = [{listed}]\n", 1)
    (home.home / "warkat.toml").write_text(text)


def _wait(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_kill_9_mid_page_puts_the_job_to_the_operator_on_restart(live_office):
    item_id = _job(isi_berita=LONG_TEXT)
    job = partial(FaxJob.get, FaxJob.item == item_id)

    with simulated_modem("ok", speedup=1, bps=2400) as sim:
        _configure(live_office, [sim.path])
        first = _daemon(live_office)
        try:
            assert _wait(lambda: "Mengirim halaman" in job().progress)
        finally:
            os.kill(first.pid, signal.SIGKILL)
            first.wait()
        assert job().status == "proses"
        second = _daemon(live_office)
        try:
            assert _wait(lambda: job().status == "tunggu_keputusan", 30)
            assert "terputus" in job().progress
            time.sleep(1)
            assert job().status == "tunggu_keputusan"  # never re-sent silently
        finally:
            second.send_signal(signal.SIGTERM)
            assert second.wait(timeout=30) == 0


def test_two_daemons_started_at_once_never_both_send_one_job(live_office):
    item_id = _job(destinations=[("Jatim", "031-8294608"), ("BSSN", "021-7805814"),
                                 ("Tulungagung", "0355-321456")])
    jobs = FaxJob.select().where(FaxJob.item == item_id)
    with simulated_modem("ok", speedup=200) as a, simulated_modem("ok", speedup=200) as b:
        _configure(live_office, [a.path, b.path])
        daemons = [_daemon(live_office), _daemon(live_office)]
        try:
            assert _wait(lambda: jobs.where(FaxJob.status == "terkirim").count() == 3, 90)
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
        _configure(live_office, [sim.path])
        daemon = _daemon(live_office)
        try:
            assert _wait(lambda: "Mengirim halaman" in job().progress)
        finally:
            daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(timeout=60) == 0
    assert job().status == "tunggu_keputusan"
    assert job().attempt_rows.count() == 1 and not job().attempt_rows.get().ok
