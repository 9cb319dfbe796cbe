"""Who may do what, from model/sop.py: every action of every step, and every other write that
acts for a person, tried by every role, by a disabled and a locked account holding the right
role, by a user of another unit (unit-scoped steps) and by another requester (owner-scoped),
each through the real model entry function on a fresh item brought to its step."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest

from model import auth, base, demo, outbox
from model import home as home_mod
from model.books import ekspedisi
from model.db import db, write
from model.email_out import flow as email_out
from model.errors import NotAllowed
from model.org import User
from model.roles import ALL
from model.sop import PROCEDURES
from model.workflow.items import WorkItem
from spool.mail import finish as finish_mail
from tests.conftest import FROZEN, user
from tests.mail_helpers import outgoing_at
from tests.role_matrix_cases import ACTIONS, HOME_UNIT, OTHER_UNIT, ROWS, cases, person, set_roles


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The demo office without items, made once and copied for every case."""
    path = tmp_path_factory.mktemp("matrix") / "home"
    home_mod.create(path)
    base.freeze(FROZEN)
    demo.seed(items=False)
    base.freeze(None)
    db.obj.close()
    return path


@pytest.fixture
def small_office(template, tmp_path, frozen):
    home = tmp_path / "home"
    shutil.copytree(template, home)
    yield home_mod.open_home(home)
    db.obj.close()


def test_the_table_covers_exactly_the_actions_of_the_sop():
    in_sop = {
        (p.code, s.number, a.code) for p in PROCEDURES.values() for s in p.steps for a in s.actions
    }
    missing, unknown = sorted(in_sop - set(ACTIONS)), sorted(set(ACTIONS) - in_sop)
    assert not missing, f"model/sop.py has actions without a matrix row: {missing}"
    assert not unknown, f"matrix rows for actions model/sop.py does not have: {unknown}"


@pytest.mark.parametrize("name,who", list(cases()))
def test_only_the_steps_roles_may_act(small_office, name, who):
    row = ROWS[name]
    roles = (who,) if who in ALL else row.roles[:1]
    actor = person(row.bring_roles, OTHER_UNIT if who == "unit_lain" else HOME_UNIT)
    target = row.bring(user("pemakai") if who == "pemohon_lain" else actor)
    set_roles(actor, roles)
    if who == "nonaktif":
        auth.disable("aktor")  # by an admin elsewhere: the session still holds `actor`
    if who == "terkunci":
        with write():
            User.update(locked_until=base.now() + timedelta(minutes=15)).where(
                User.id == actor.id
            ).execute()
    allowed = who in row.roles
    if allowed:
        row.act(actor, target)
        assert row.done(target)
    else:
        with pytest.raises(NotAllowed) as refused:
            row.act(actor, target)
        assert row.untouched(target)
        if who in ("nonaktif", "terkunci"):
            assert str(refused.value) == auth.account_refusal(actor.id)


def test_a_removed_account_is_refused_at_its_next_action(small_office):
    actor = person(ekspedisi.KEEPERS, HOME_UNIT)
    actor_copy = User.get_by_id(actor.id)
    actor.delete_instance(recursive=True)
    with pytest.raises(NotAllowed, match="dinonaktifkan"):
        ekspedisi.add(actor_copy, to="Bappeda", perihal="Undangan")
    assert not ekspedisi.EkspedisiEntry.select().exists()


def test_a_send_queued_before_the_account_was_disabled_is_still_recorded(small_office):
    """The daemon records what the account was allowed to queue: the mail went out once and
    the item moves on, instead of the delivery rolling back and being sent again."""
    item_id = outgoing_at(4)
    email_out.send(user("kasi"), item_id, "000.1.1")
    auth.disable("kasi")
    job = finish_mail(outbox.claim_next("outbox").id, message_id="<m@x>", unit_code="406.020")
    assert job.status == outbox.MailStatus.SENT and WorkItem.get_by_id(item_id).step == 5
    assert outbox.claim_next("outbox") is None
