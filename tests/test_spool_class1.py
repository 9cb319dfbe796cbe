"""End to end in Class 1: the daemon, with `fax.device = "simulator-class1"` (the demo's SpanDSP
modem with a fax machine behind it), sends a letter to a group, one call per destination, and
the far end receives each destination's own message page."""

import signal

from model import contacts, demo
from model.fax import schedule
from model.fax.records import FaxAttempt, FaxJob, FaxLogEntry, request_of
from tests.conftest import user
from tests.farend_helpers import build
from tests.fax_helpers import at_step, daemon_process, point_daemon_at, wait_for


def test_the_daemon_sends_a_group_letter_through_the_class1_modem(home):
    build()  # CI=true: a machine without SpanDSP fails here
    demo.seed()
    group = next(g for g, _ in contacts.groups() if g.name == "Semua Kecamatan")
    dests = [(d.name, d.number, d.group) for d in contacts.group_destinations(group.id)][:3]
    item_id = at_step(5, destinations=dests)
    queued = schedule.send_all(user("operator"), item_id, schedule.Timing(), pages=1)
    point_daemon_at(home, ["simulator-class1"])
    daemon = daemon_process(home)

    def jobs():
        return list(FaxJob.select().where(FaxJob.item == item_id))

    try:
        assert wait_for(lambda: {j.status for j in jobs()} == {"terkirim"}, 120), [
            (j.status, j.progress) for j in jobs()
        ]
    finally:
        daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(timeout=30) == 0
    assert len(queued) == 3
    calls = list(FaxAttempt.select().join(FaxJob).where(FaxJob.item == item_id))
    assert len(calls) == 3 and all(c.ok and "14400" in c.params for c in calls)
    assert {c.remote_id for c in calls} == {"+62 355 000000"}
    book = FaxLogEntry.select().where(FaxLogEntry.item == item_id)
    assert sorted(e.to_name for e in book) == sorted(d[0] for d in dests)
    received = sorted((home.home / "faks-diterima").glob("farend-*.tif"))
    assert len(received) == 3
    assert {d.status for d in request_of(item_id).destinations} == {"terkirim"}
