"""Fax records that never lie: jobs held by daemon instances, orphans, the operator's decision."""

from datetime import timedelta

import pytest

from model import base, heartbeat
from model.errors import Conflict
from model.fax import jobs as fax_jobs
from model.fax import spool as fax_spool
from model.fax.records import FaxAttempt, FaxJob, FaxLogEntry, JobStatus, request_of
from tests.conftest import user
from tests.fax_helpers import at_step

ALIVE = "spool:here:1:20261125093000"


@pytest.fixture
def queued(staff):
    """A queued 3-page job; returns it."""
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    return fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=3, max_tries=3)


def _alive(name=ALIVE):
    heartbeat.beat(name, base.now())  # this process, this host: alive while it beats
    return name


def _in_call(job, owner, confirmed):
    fax_spool.claim_next(owner)
    fax_spool.report_progress(job.id, "Memanggil nomor tujuan…", dialling=True)
    for page in range(confirmed):
        fax_spool.report_progress(job.id, f"Halaman {page + 1}/3 diterima", confirmed=True)


def test_a_live_instance_keeps_its_job(queued):
    _in_call(queued, _alive(), 1)
    assert fax_spool.recover_orphans() == []
    assert not fax_jobs.undecided(FaxJob.get_by_id(queued.id))
    with pytest.raises(Conflict, match="sedang dikirim"):
        fax_jobs.decide(user("operator"), queued.id, resend=False)


@pytest.mark.parametrize("death", ["stopped", "stale", "never_beat"])
def test_a_job_of_a_dead_instance_goes_to_the_operator_with_its_call(queued, death):
    owner = "spool:otherhost:4242:20261125090000"
    if death != "never_beat":
        heartbeat.beat(owner, base.now(), status="berhenti" if death == "stopped" else "berjalan")
    _in_call(queued, owner, 1)
    if death == "stale":
        base.freeze(base.now() + timedelta(seconds=heartbeat.STALE_SECONDS + 1))
    assert fax_spool.recover_orphans() == [queued.id]
    job = FaxJob.get_by_id(queued.id)
    assert job.status == JobStatus.DECIDE and job.worker == ""
    assert (job.attempts, job.pages_done, job.call_started_at) == (1, 1, None)
    attempt = job.attempt_rows.get()
    assert not attempt.ok and attempt.pages_sent == 1
    assert attempt.message == "Daemon berhenti mendadak saat mengirim (1/3 halaman terkonfirmasi)"
    assert FaxLogEntry.select().count() == 0  # the operator has not decided yet
    assert fax_spool.recover_orphans() == []


def test_a_job_that_never_dialled_goes_back_to_the_queue_without_an_attempt(queued):
    fax_spool.claim_next("spool:gone:1:1")
    assert fax_spool.recover_orphans() == [queued.id]
    job = FaxJob.get_by_id(queued.id)
    assert (job.status, job.attempts) == (JobStatus.QUEUED, 0)
    assert FaxAttempt.select().count() == 0


def test_the_operator_decides_an_orphan_from_the_console(queued):
    _in_call(queued, "spool:gone:1:1", 0)
    assert fax_jobs.undecided(FaxJob.get_by_id(queued.id))
    job = fax_jobs.decide(user("operator"), queued.id, resend=True)
    assert (job.status, job.attempts) == (JobStatus.QUEUED, 0)
    assert FaxAttempt.get().message.startswith("Daemon berhenti mendadak")


def test_cancelling_an_interrupted_job_writes_its_failed_line(queued):
    _in_call(queued, "spool:gone:1:1", 2)
    job = fax_jobs.decide(user("operator"), queued.id, resend=False)
    assert job.status == JobStatus.CANCELLED
    line = FaxLogEntry.get()
    assert not line.ok and line.pages == 2
    assert line.result == "Daemon berhenti mendadak saat mengirim — Dibatalkan operator"


def test_manual_send_replaces_a_queued_or_orphaned_job_but_not_a_live_one(queued):
    item_id, dest_id = queued.item_id, queued.destination_id
    _in_call(queued, _alive(), 0)
    with pytest.raises(Conflict, match="sedang dikirim"):
        fax_jobs.record_manual(
            user("operator"), item_id, dest_id, at=base.now(), remote_id="", pages=3, ok=True
        )
    heartbeat.beat(ALIVE, base.now(), status="berhenti")
    manual = fax_jobs.record_manual(
        user("operator"), item_id, dest_id, at=base.now(), remote_id="", pages=3, ok=True
    )
    assert FaxJob.get_by_id(queued.id).status == JobStatus.CANCELLED
    assert [(e.ok, e.via, e.pages) for e in FaxLogEntry.select().order_by(FaxLogEntry.id)] == [
        (False, "modem", 0),
        (True, "manual", 3),
    ]
    assert manual.status == JobStatus.SENT


def test_queued_job_may_be_cancelled_and_a_second_modem_send_is_refused(queued):
    with pytest.raises(Conflict, match="sudah dalam antrean"):
        fax_jobs.enqueue(user("operator"), queued.item_id, queued.destination_id, pages=3)
    job = fax_jobs.decide(user("operator"), queued.id, resend=False)
    assert job.status == JobStatus.CANCELLED and FaxLogEntry.select().count() == 0


def test_an_unavailable_modem_uses_no_try_and_writes_no_book_line(queued):
    job = fax_spool.claim_next(_alive())
    job = fax_spool.release(
        job.id, "Modem tidak tersedia: port /dev/ttyUSB0 tidak ada", timedelta(seconds=30)
    )
    assert (job.status, job.attempts, job.worker) == (JobStatus.QUEUED, 0, "")
    assert job.progress.startswith("Modem tidak tersedia: port /dev/ttyUSB0 tidak ada")
    assert FaxAttempt.select().count() == 0 and FaxLogEntry.select().count() == 0
    assert fax_spool.claim_next(ALIVE) is None  # it waits for the modem
    base.freeze(base.now() + timedelta(seconds=31))
    assert fax_spool.claim_next(ALIVE).id == job.id


def test_the_daily_book_counts_confirmed_pages(queued):
    policy = fax_spool.RetryPolicy()
    job = fax_spool.claim_next(_alive())
    job.max_tries = 1
    job.save()
    report = fax_jobs.AttemptReport(
        base.now(), base.now(), False, 0, 3, "Saluran sibuk", retry_kind="busy"
    )
    fax_spool.finish(job.id, report, policy)
    assert FaxLogEntry.get().pages == 0


def test_daemon_status_names_the_newest_instance(staff):
    assert heartbeat.describe() == (False, "Daemon belum pernah berjalan")
    _alive()
    heartbeat.beat(ALIVE, base.now(), status="berjalan; /dev/ttyUSB0: Modem tidak tersedia")
    assert heartbeat.describe() == (
        True,
        "Daemon aktif (berjalan; /dev/ttyUSB0: Modem tidak tersedia)",
    )
    assert heartbeat.holder(ALIVE) == "daemon pid 1 di here"


def test_a_second_daemon_never_requeues_mail_a_live_one_is_sending(staff):
    from model import outbox
    from model.email_out import flow as email_out
    from tests.mail_helpers import outgoing_at

    item_id = outgoing_at(4, subject="Data SPBE")
    email_out.send(user("admin"), item_id, "000.1.1")
    job = outbox.claim_next(_alive())
    assert outbox.recover_interrupted() == []
    heartbeat.beat(ALIVE, base.now(), status="berhenti")
    assert outbox.recover_interrupted() == [job.id]
    assert outbox.MailJob.get_by_id(job.id).status == outbox.MailStatus.QUEUED


def test_a_resent_failed_job_never_counts_a_page_twice_in_the_book(queued):
    policy = fax_spool.RetryPolicy()
    job = fax_spool.claim_next(_alive())
    job.max_tries = 1
    job.save()
    report = fax_jobs.AttemptReport(
        base.now(), base.now(), False, 1, 3, "Terputus", retry_kind="failure"
    )
    assert fax_spool.finish(job.id, report, policy).status == JobStatus.FAILED
    fax_jobs.decide(user("operator"), job.id, resend=True)
    job = fax_spool.claim_next(ALIVE)
    report = fax_jobs.AttemptReport(base.now(), base.now(), True, 2, 3, "Terkirim")
    assert fax_spool.finish(job.id, report, policy).pages_done == 3
    assert [(e.ok, e.pages) for e in FaxLogEntry.select().order_by(FaxLogEntry.id)] == [
        (False, 1),
        (True, 2),
    ]
