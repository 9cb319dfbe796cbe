"""Mutu baku deadlines on the working calendar: work that arrives at 16.25 on a Friday is due
on Monday morning; a return to the requester and a fax waiting out its retry delay pause the
clock (and the history says so); each notice fires once per item and threshold."""

from __future__ import annotations

from datetime import datetime, timedelta

from model import audit, base
from model import calendar as cal_mod
from model.fax import flow as fax_flow
from model.fax import jobs as fax_jobs
from model.fax import spool as fax_spool
from model.fax.records import request_of
from model.workflow import deadlines
from model.workflow.items import StepLog, WorkItem
from tests.conftest import user
from tests.fax_helpers import at_step


def item(item_id: int) -> WorkItem:
    return WorkItem.get_by_id(item_id)


def last_log(item_id: int) -> StepLog:
    return StepLog.select().where(StepLog.item == item_id).order_by(StepLog.id.desc()).get()


def test_friday_afternoon_work_is_due_on_monday_morning(staff):
    base.freeze(datetime(2026, 11, 27, 16, 25))  # Friday, the office closes at 16.30
    item_id = at_step(2)  # waits for the Kasi's disposition: 10 minutes
    assert item(item_id).warn_at == datetime(2026, 11, 30, 7, 33)
    assert item(item_id).due_at == datetime(2026, 11, 30, 7, 35)
    base.freeze(datetime(2026, 11, 30, 7, 40))
    clock = deadlines.clock(item(item_id))
    assert clock.seconds == 15 * 60 and clock.state == "merah"
    assert clock.detail == "15 mnt kerja / 10 mnt — masuk Jumat 27-11 16.25"
    fax_flow.dispose(user("kasi"), item_id, ["Agendakan dan kirim melalui faksimili"])
    log = last_log(item_id)
    assert (log.working_seconds, log.seconds) == (
        15 * 60,
        int(timedelta(days=2, hours=15, minutes=15).total_seconds()),
    )


def test_a_return_to_the_requester_is_paused_and_shown(staff):
    item_id = at_step(2)
    fax_flow.return_to_requester(user("kasi"), item_id, "Lampiran belum ada")
    assert item(item_id).paused_since is not None and item(item_id).due_at is None
    base.freeze(base.now() + timedelta(minutes=40))
    assert deadlines.clock(item(item_id)).seconds == 0
    fax_flow.submit(user("pemakai"), item_id)
    log = last_log(item_id)
    assert (log.from_step, log.working_seconds, log.paused_seconds) == (1, 0, 40 * 60)
    [pause] = deadlines.pauses_of(item_id)
    assert pause.reason == deadlines.RETURNED and pause.ended_at == base.now()
    assert item(item_id).paused_since is None and item(item_id).due_at is not None


def test_a_fax_waiting_out_its_busy_retry_does_not_count(staff):
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=1, max_tries=3)
    policy = fax_spool.RetryPolicy(wait_busy_minutes=20)
    job = fax_spool.claim_next("modem0")
    busy = fax_jobs.AttemptReport(base.now(), base.now(), False, 0, 1, "Sibuk", retry_kind="busy")
    fax_spool.finish(job.id, busy, policy)
    assert item(item_id).paused_since == base.now()
    base.freeze(base.now() + timedelta(minutes=20))
    paused = deadlines.clock(item(item_id))
    assert paused.label == "0 dtk / 30 mnt jeda" and paused.detail.endswith("(dijeda)")
    job = fax_spool.claim_next("modem0")
    assert item(item_id).paused_since is None and item(item_id).paused_seconds == 20 * 60
    base.freeze(base.now() + timedelta(minutes=2))
    assert deadlines.clock(item(item_id)).seconds == 2 * 60
    [pause] = deadlines.pauses_of(item_id)
    assert pause.reason == "menunggu ulang faks: nada sibuk"


def test_each_notice_fires_once_per_threshold_and_is_audited(staff):
    item_id = at_step(2)
    assert deadlines.scan() == []
    base.freeze(base.now() + timedelta(minutes=8))
    [warn] = deadlines.scan()
    assert (warn.item_id, warn.threshold) == (item_id, deadlines.WARN)
    assert deadlines.scan() == []
    base.freeze(base.now() + timedelta(minutes=3))
    [due] = deadlines.scan()
    assert due.threshold == deadlines.DUE and deadlines.scan() == []
    assert [i.id for i in deadlines.overdue()] == [item_id]
    actions = [
        e.action
        for e in audit.AuditEntry.select().where(audit.AuditEntry.subject == f"fax#{item_id}")
    ]
    assert actions.count("mutu_baku_peringatan") == 1 and actions.count("mutu_baku_terlewati") == 1


def test_a_closure_added_later_moves_open_deadlines(staff):
    base.freeze(datetime(2026, 11, 25, 16, 0))  # Wednesday, as the office closes
    item_id = at_step(2)
    assert item(item_id).due_at == datetime(2026, 11, 26, 7, 40)
    cal_mod.add_closure(user("sysadmin"), datetime(2026, 11, 26).date(), "Hari jadi kabupaten")
    assert deadlines.reschedule_open() >= 1
    assert item(item_id).due_at == datetime(2026, 11, 27, 7, 40)


def test_an_overdue_item_is_mailed_to_the_kasi_once_when_configured(staff):
    from model import outbox
    from spool.mail import build
    from spool.main import mail_notice
    from tests.config_helpers import configure

    cfg = configure(staff, calendar={"notify_email": True}, office={"kasi_email": "kasi@x.go.id"})
    item_id = at_step(2)
    base.freeze(base.now() + timedelta(minutes=11))
    for notice in deadlines.scan():
        if notice.threshold == deadlines.DUE:
            mail_notice(cfg, notice)
            mail_notice(cfg, notice)  # a second try while the first is queued: still one
    [job] = outbox.MailJob.select().where(outbox.MailJob.kind == outbox.MailKind.NOTICE)
    msg = build(cfg, job)
    assert msg["To"] == "kasi@x.go.id" and msg["Subject"].startswith(
        f"Mutu baku terlewati: Faks #{item_id}"
    )
    assert "melewati mutu baku langkah 2" in msg.get_content()


def test_the_history_says_how_long_a_step_was_paused(staff):
    from model.workflow.history import log_words

    item_id = at_step(2)
    fax_flow.return_to_requester(user("kasi"), item_id, "Lampiran belum ada")
    base.freeze(base.now() + timedelta(minutes=25))
    fax_flow.submit(user("pemakai"), item_id)
    words = str(log_words("fax", last_log(item_id)))
    assert words.endswith("(dijeda 25 mnt kerja)")


def test_the_counts_of_near_and_late_items_follow_who_asks(staff):
    at_step(2)  # the Kasi's step
    base.freeze(base.now() + timedelta(minutes=8))
    assert deadlines.counts_for(user("kasi")) == (1, 0)
    assert deadlines.counts_for(user("operator")) == (0, 0)
    base.freeze(base.now() + timedelta(minutes=3))
    assert deadlines.counts_for(user("kasi")) == (0, 1)
    assert deadlines.counts_for(user("admin")) == (0, 0)
