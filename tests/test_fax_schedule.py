"""Kirim pada and batas kirim: a scheduled job waits for its time (the operator's step paused),
and a job still unsent at its cut-off goes back to the operator, recorded."""

from datetime import timedelta

from model import audit, base
from model.fax import schedule
from model.fax import spool as fax_spool
from model.fax.jobs import AttemptReport
from model.fax.records import FaxJob, FaxLogEntry, JobStatus, request_of
from model.fax.spool import RetryPolicy
from model.workflow import deadlines
from model.workflow.items import WorkItem
from tests.conftest import user
from tests.fax_helpers import at_step, live_daemon


def queue(item_id: int, timing: schedule.Timing) -> FaxJob:
    dest = request_of(item_id).destinations[0]
    return schedule.send_one(user("operator"), item_id, dest.id, timing, pages=1)


def test_a_scheduled_job_waits_for_its_time(staff, frozen):
    item_id = at_step(5)
    job = queue(item_id, schedule.Timing(frozen + timedelta(hours=2)))
    assert "kirim pada Rabu 25-11 11.30" in job.progress
    daemon = live_daemon()
    assert fax_spool.claim_next(daemon) is None
    assert WorkItem.get_by_id(item_id).paused_since is not None  # not the operator's delay
    base.freeze(frozen + timedelta(hours=2))
    live_daemon()
    assert fax_spool.claim_next(daemon).id == job.id
    assert WorkItem.get_by_id(item_id).paused_since is None
    assert audit.AuditEntry.select().where(audit.AuditEntry.action == "faks_jadwal").count() == 1


def test_an_unsent_job_goes_back_to_the_operator_at_its_cut_off(staff, frozen):
    item_id = at_step(5)
    job = queue(item_id, schedule.Timing(None, frozen + timedelta(minutes=30)))
    daemon = live_daemon()
    claimed = fax_spool.claim_next(daemon)
    busy = AttemptReport(frozen, frozen, False, 0, 1, "Nomor sibuk", retry_kind="busy")
    fax_spool.finish(claimed.id, busy, RetryPolicy(wait_busy_minutes=60))
    base.freeze(frozen + timedelta(minutes=31))
    assert fax_spool.claim_next(live_daemon()) is None
    job = FaxJob.get_by_id(job.id)
    assert job.status == JobStatus.FAILED
    assert "Batas kirim Rabu 25-11 10.00 terlewati" in job.result
    line = FaxLogEntry.get(FaxLogEntry.job == job.id)  # it had made a call: the book says so
    assert not line.ok and "terlewati" in line.result
    assert WorkItem.get_by_id(item_id).paused_since is None  # the operator has to act now
    assert audit.AuditEntry.select().where(audit.AuditEntry.action == "faks_kedaluwarsa").count()


def test_a_job_that_never_called_expires_without_a_book_line(staff, frozen):
    item_id = at_step(5)
    job = queue(item_id, schedule.Timing(frozen + timedelta(hours=1), frozen + timedelta(hours=2)))
    assert schedule.expire(frozen + timedelta(hours=3)) == [job.id]
    assert FaxLogEntry.select().where(FaxLogEntry.job == job.id).count() == 0
    assert schedule.expire(frozen + timedelta(hours=4)) == []  # once


def test_the_office_default_cut_off(staff, frozen):
    assert schedule.default_timing(3).kill_at == frozen + timedelta(hours=3)
    assert schedule.default_timing(0).kill_at is None
    later = frozen + timedelta(days=1)
    assert schedule.default_timing(2, later) == schedule.Timing(later, later + timedelta(hours=2))


def test_timing_words(staff, frozen):
    timing = schedule.Timing(frozen + timedelta(hours=1), frozen + timedelta(hours=3))
    assert timing.words() == "kirim pada Rabu 25-11 10.30, batas 12.30"
    assert schedule.Timing(None, frozen + timedelta(days=1)).words() == "batas Kamis 26-11 09.30"


def test_deadline_clock_pauses_only_while_nothing_else_moves(staff, frozen):
    item_id = at_step(5, destinations=[("A", "031-8294608"), ("B", "031-8294609")])
    dests = list(request_of(item_id).destinations)
    schedule.send_one(user("operator"), item_id, dests[0].id, schedule.Timing(), pages=1)
    schedule.send_one(
        user("operator"),
        item_id,
        dests[1].id,
        schedule.Timing(frozen + timedelta(hours=1)),
        pages=1,
    )
    assert WorkItem.get_by_id(item_id).paused_since is None  # A is due now: still the operator's
    assert deadlines.clock(WorkItem.get_by_id(item_id)) is not None
