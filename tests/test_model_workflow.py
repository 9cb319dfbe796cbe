"""Guarded transitions: roles, steps, races, the step log and the audit trail."""

import threading
from datetime import timedelta

import pytest

from model import base
from model.audit import AuditEntry, verify
from model.db import write
from model.errors import Conflict, Invalid, NotAllowed
from model.sop import DONE, FAX
from model.workflow.inbox import waiting_for
from model.workflow.items import StepLog, WorkItem
from model.workflow.transitions import create_item, transition
from tests.conftest import user


def _fax_at_step_2():
    with write():
        item = create_item(FAX, user("pemakai"), "Uji", step=1)
    return transition(item.id, user("pemakai"), "ajukan")


def test_requester_submits_and_kasi_disposes(office):
    item = _fax_at_step_2()
    assert item.step == 2
    item = transition(item.id, user("kasi"), "disposisi", note="Segera")
    assert item.step == 3
    last = item.log.order_by(StepLog.id.desc()).first()
    assert (last.from_step, last.to_step, last.role, last.note) == (2, 3, "kasi", "Segera")


def test_wrong_role_is_refused_with_the_roles_named(office):
    item = _fax_at_step_2()
    with pytest.raises(NotAllowed, match="Kasi Keamanan Informasi dan Persandian"):
        transition(item.id, user("operator"), "disposisi")
    assert WorkItem.get_by_id(item.id).step == 2


def test_wrong_step_is_refused(office):
    item = _fax_at_step_2()
    with pytest.raises(Conflict, match="bukan langkah 3"):
        transition(item.id, user("admin"), "agendakan")


def test_unknown_action_is_refused(office):
    item = _fax_at_step_2()
    with pytest.raises(Invalid, match="tidak ada pada prosedur"):
        transition(item.id, user("kasi"), "hapus")


def test_an_action_of_another_step_is_refused_as_moved(office):
    item = _fax_at_step_2()
    with pytest.raises(Conflict, match="kini di langkah 2 \\(bukan langkah 7\\)"):
        transition(item.id, user("kasi"), "arsipkan")


def test_only_the_owner_acts_on_their_own_draft(office):
    with write():
        item = create_item(FAX, user("pemakai"), "Draf", step=1)
    with pytest.raises(NotAllowed):
        transition(item.id, user("staf"), "ajukan")


def test_two_racing_transitions_one_wins_the_other_gets_a_clear_error(office):
    item = _fax_at_step_2()
    kasi = user("kasi")
    barrier = threading.Barrier(2)
    outcomes = []

    def act(action):
        barrier.wait()
        try:
            transition(item.id, kasi, action)
            outcomes.append("ok")
        except Conflict as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=act, args=(a,)) for a in ("disposisi", "kembalikan")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes)[-1] == "ok"
    assert outcomes.count("ok") == 1
    assert "sudah diproses oleh Bambang Sutrisno" in next(o for o in outcomes if o != "ok")
    assert StepLog.select().where(StepLog.item == item.id, StepLog.from_step == 2).count() == 1


def test_step_duration_is_logged_against_the_clock(office):
    item = _fax_at_step_2()
    base.freeze(base.now() + timedelta(minutes=12))
    item = transition(item.id, user("kasi"), "disposisi")
    assert item.log.order_by(StepLog.id.desc()).first().seconds == 12 * 60


def test_full_fax_path_closes_the_item_and_keeps_the_audit_chain(office):
    item = _fax_at_step_2()
    for who, action, step in [
        ("kasi", "disposisi", 2),
        ("admin", "agendakan", 3),
        ("admin", "teruskan", 4),
        ("operator", "terkirim", 5),
        ("operator", "serahkan", 6),
        ("admin", "arsipkan", 7),
    ]:
        assert item.step == step
        item = transition(item.id, user(who), action)
    assert item.step == DONE and item.closed_at is not None
    assert item.log.count() == 8
    count, broken = verify()
    assert broken is None and count == AuditEntry.select().count()


def test_home_lists_only_work_for_the_users_roles_urgent_first(office):
    rows = waiting_for(user("kasi"))
    assert {(r.procedure.code, r.step.number) for r in rows} == {("fax", 2)}
    assert rows[0].item.derajat == "Segera"
    assert [r.step.number for r in waiting_for(user("kabid"))] == [2]  # the unit's draft
    assert [r.step.number for r in waiting_for(user("operator"))] == [5]
    assert waiting_for(user("sysadmin")) == []


def test_clock_turns_amber_at_80_percent_and_red_over_standard(office):
    rows = {r.item.title: r.clock.state for r in waiting_for(user("kasi"))}
    assert rows["Laporan pengamanan sinyal HUT Kabupaten"] == "normal"  # 7 of 10 minutes
    assert rows["Permohonan data jaringan intra pemerintah"] == "merah"  # 14 of 10
    base.freeze(base.now() + timedelta(minutes=1))
    rows = {r.item.title: r.clock.state for r in waiting_for(user("kasi"))}
    assert rows["Laporan pengamanan sinyal HUT Kabupaten"] == "amber"  # 8 of 10
