"""The role matrix's cases: fresh items brought to a step as the real roles would, every
action of model/sop.py and every other write that acts for a person as a Row, and the accounts
that try them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from model import base, outbox
from model.books import agenda, ekspedisi
from model.db import write
from model.email_in import flow as email_in
from model.email_in.records import FollowUp
from model.email_out import flow as email_out
from model.fax import flow as fax_flow
from model.fax import jobs as fax_jobs
from model.fax.records import FaxJob, JobStatus, request_of
from model.org import Unit, User, UserRole
from model.roles import ALL, OPERATOR, PEMAKAI
from model.sop import EMAIL_IN, EMAIL_OUT, FAX, PROCEDURES
from model.workflow.items import WorkItem
from model.workflow.transitions import create_item, transition
from spool.mail import finish as finish_mail
from tests.conftest import user
from tests.fax_helpers import at_step, draft
from tests.mail_helpers import incoming_at, outgoing_at

HOME_UNIT, OTHER_UNIT, SECOND_UNIT = "APTIKA", "SEKRE", "IKP"
FOLLOW_UP = "Sudah dijawab."


def unit_id(code: str) -> int:
    return Unit.get(Unit.code == code).id


# -- fresh items brought to a step by the demo users, as the real roles would ----------------


def manual_sends(actor: User, item_id: int, ok: bool = True) -> None:
    """Every destination sent (or failed) on the standalone fax machine, recorded by `actor`."""
    for dest in request_of(item_id).destinations:
        fax_jobs.record_manual(
            actor,
            item_id,
            dest.id,
            at=base.now(),
            remote_id="",
            pages=1,
            ok=ok,
            note="" if ok else "Nada sibuk",
        )


def fax_at(step: int, requester: User) -> int:
    """A fax request at `step`; at step 1 it is `requester`'s draft."""
    if step == 1:
        return fax_flow.save_draft(requester, draft()).id
    return at_step(step)


def incoming_mail_at(step: int, requester: User) -> int:
    """An incoming mail at `step`; at step 7 forwarded to two units, so one unit's follow-up
    is not the last."""
    if step == 1:
        with write():
            return create_item(EMAIL_IN, None, "Belum diterima").id
    if step == 7:
        item_id = incoming_at(6)
        email_in.forward(user("admin"), item_id, [unit_id(HOME_UNIT), unit_id(SECOND_UNIT)])
        return item_id
    return incoming_at(step)


def outgoing_mail_at(step: int, requester: User) -> int:
    item_id = outgoing_at(min(step, 4))
    if step == 5:
        send_and_deliver(user("admin"), item_id)
    return item_id


BRING = {FAX: fax_at, EMAIL_IN: incoming_mail_at, EMAIL_OUT: outgoing_mail_at}


def send_and_deliver(actor: User, item_id: int) -> None:
    """Step 4 of outgoing mail as it happens: queued by `actor`, then sent by the daemon."""
    email_out.send(actor, item_id, "000.1.1")
    finish_mail(
        outbox.claim_next("outbox").id, message_id="<m@trenggalekkab.go.id>", unit_code="406.020"
    )


def _email_edit(actor: User, item_id: int) -> None:
    """A changed letter saved at step 1 (the draft) or step 3 (after approval: resubmitted)."""
    email_out.save_draft(
        actor, to="bps@bps.go.id", cc="", subject="Diubah", body="Isi baru", item_id=item_id
    )


# -- every action of model/sop.py, performed through its model entry function ----------------

ACTIONS: dict[tuple[str, int, str], Callable[[User, int], object]] = {
    (FAX, 1, "ajukan"): fax_flow.submit,
    (FAX, 2, "disposisi"): lambda a, i: fax_flow.dispose(
        a, i, ["Agendakan dan kirim melalui faksimili"]
    ),
    (FAX, 2, "kembalikan"): lambda a, i: fax_flow.return_to_requester(a, i, "Lengkapi"),
    (FAX, 3, "agendakan"): lambda a, i: fax_flow.register(a, i, agenda.DEFAULT_PATTERN, "406.020"),
    (FAX, 4, "teruskan"): fax_flow.handover,
    (FAX, 5, "terkirim"): lambda a, i: (manual_sends(a, i), fax_jobs.mark_sent(a, i)),
    (FAX, 6, "serahkan"): fax_jobs.hand_back,
    (FAX, 7, "arsipkan"): fax_flow.archive,
    (EMAIL_IN, 1, "terima"): lambda a, i: transition(i, a, "terima"),
    (EMAIL_IN, 2, "cetak"): lambda a, i: email_in.classify(a, i, needs_print=True),
    (EMAIL_IN, 2, "tanpa_cetak"): lambda a, i: email_in.classify(a, i, needs_print=False),
    (EMAIL_IN, 2, "sisihkan"): lambda a, i: email_in.set_aside(a, i, "spam", "Iklan obat"),
    (EMAIL_IN, 3, "dicetak"): email_in.printed,
    (EMAIL_IN, 4, "agendakan"): lambda a, i: email_in.register(
        a, i, "000.1.1", "{urut}", "406.020"
    ),
    (EMAIL_IN, 5, "dilabeli"): email_in.labelled,
    (EMAIL_IN, 6, "teruskan"): lambda a, i: email_in.forward(a, i, [unit_id(HOME_UNIT)]),
    (EMAIL_IN, 7, "tindak_lanjut"): lambda a, i: email_in.follow_up(a, i, FOLLOW_UP),
    (EMAIL_IN, 8, "arsipkan"): email_in.archive,
    (EMAIL_OUT, 1, "ajukan"): email_out.submit,
    (EMAIL_OUT, 2, "setujui"): email_out.approve,
    (EMAIL_OUT, 2, "revisi"): lambda a, i: email_out.request_revision(a, i, "Tambah tabel"),
    (EMAIL_OUT, 3, "final"): email_out.finalise,
    (EMAIL_OUT, 3, "ajukan_ulang"): _email_edit,
    (EMAIL_OUT, 4, "kirim"): send_and_deliver,
    (EMAIL_OUT, 5, "arsipkan"): email_out.archive,
}


# -- the matrix ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One way to act: who may (roles, scope), a fresh thing to act on, the act, its effect."""

    roles: tuple[str, ...]
    scope: str
    bring: Callable[[User], int]  # gets the requester (or holder); returns what `act` takes
    act: Callable[[User, int], object]
    done: Callable[[int], bool]  # the act took effect
    untouched: Callable[[int], bool]  # nothing of it happened
    bring_roles: tuple[str, ...] = ()  # roles the actor holds while `bring` runs


def _followed_up(_: int) -> bool:
    return FollowUp.select().where(FollowUp.text == FOLLOW_UP).exists()


def _fax_jobs(item_id: int) -> bool:
    return FaxJob.select().where(FaxJob.item == item_id).exists()


TRACES = {"terkirim": _fax_jobs, "tindak_lanjut": _followed_up}  # what a refused act leaves none of


def _step_row(key: tuple[str, int, str]) -> Row:
    procedure, number, code = key
    step = PROCEDURES[procedure].step(number)
    trace = TRACES.get(code, lambda _: False)

    def done(item_id: int) -> bool:
        if code == "tindak_lanjut":  # another unit still owes its follow-up: it stays at 7
            return _followed_up(item_id)
        return WorkItem.get_by_id(item_id).step == step.action(code).to

    def untouched(item_id: int) -> bool:
        return WorkItem.get_by_id(item_id).step == number and not trace(item_id)

    return Row(
        step.roles,
        step.scope,
        lambda requester: BRING[procedure](number, requester),
        ACTIONS[key],
        done,
        untouched,
        bring_roles=(PEMAKAI,) if step.scope == "owner" else (),
    )


def _title(item_id: int) -> str:
    return WorkItem.get_by_id(item_id).title


def _created(title: str) -> Callable[[int], bool]:
    return lambda _: WorkItem.select().where(WorkItem.title == title).exists()


def _entry(entry_id: int) -> ekspedisi.EkspedisiEntry:
    return ekspedisi.EkspedisiEntry.get_by_id(entry_id)


def _job(job_id: int) -> FaxJob:
    return FaxJob.get_by_id(job_id)


def _failed_job(holder: User) -> int:
    item_id = fax_at(5, holder)
    manual_sends(holder, item_id, ok=False)
    return FaxJob.get(FaxJob.item == item_id).id


def _sent_by(holder: User) -> int:
    """A message at step 5 whose destinations `holder` (then an operator) has sent."""
    item_id = fax_at(5, holder)
    manual_sends(holder, item_id)
    return item_id


def _agenda_entry(_: User) -> int:
    with write():
        return agenda.register(
            agenda.OUTGOING,
            user("admin"),
            klasifikasi="000.1.1",
            unit_code="406.020",
            perihal="Uji",
            party="Tujuan",
        ).id


def _void(actor: User, entry_id: int) -> None:
    with write():
        agenda.void(entry_id, actor, "Salah tujuan")


FAX_START, FAX_SEND = PROCEDURES[FAX].first, PROCEDURES[FAX].step(5)
EMAIL_START = PROCEDURES[EMAIL_OUT].first

# Writes that act for a person besides the SOP's actions: drafts, step-5 work, the books.
OTHER_WRITES: dict[str, Row] = {
    "fax_flow.save_draft-baru": Row(
        FAX_START.roles,
        "any",
        lambda _: 0,
        lambda a, _: fax_flow.save_draft(a, draft(perihal="Baru")),
        _created("Baru"),
        lambda _: not _created("Baru")(0),
    ),
    "fax_flow.save_draft-ubah": Row(
        FAX_START.roles,
        FAX_START.scope,
        lambda r: fax_at(1, r),
        lambda a, i: fax_flow.save_draft(a, draft(perihal="Diubah"), i),
        lambda i: _title(i) == "Diubah",
        lambda i: _title(i) != "Diubah",
        bring_roles=(PEMAKAI,),
    ),
    "email_out.save_draft-baru": Row(
        EMAIL_START.roles,
        "any",
        lambda _: 0,
        lambda a, _: email_out.save_draft(a, to="bps@bps.go.id", cc="", subject="Baru", body="Isi"),
        _created("Baru"),
        lambda _: not _created("Baru")(0),
    ),
    "email_out.save_draft-langkah1": Row(  # step 3's edit is its action "ajukan_ulang"
        EMAIL_START.roles,
        EMAIL_START.scope,
        lambda _: outgoing_at(1),
        _email_edit,
        lambda i: _title(i) == "Diubah",
        lambda i: _title(i) != "Diubah",
    ),
    "fax_jobs.enqueue": Row(
        FAX_SEND.roles,
        FAX_SEND.scope,
        lambda r: fax_at(5, r),
        lambda a, i: fax_jobs.enqueue(a, i, request_of(i).destinations.get().id, pages=1),
        _fax_jobs,
        lambda i: not _fax_jobs(i),
    ),
    "fax_jobs.record_manual": Row(
        FAX_SEND.roles,
        FAX_SEND.scope,
        lambda r: fax_at(5, r),
        manual_sends,
        _fax_jobs,
        lambda i: not _fax_jobs(i),
    ),
    "fax_jobs.mark_sent": Row(
        FAX_SEND.roles,
        FAX_SEND.scope,
        _sent_by,
        fax_jobs.mark_sent,
        lambda i: WorkItem.get_by_id(i).step == 6,
        lambda i: WorkItem.get_by_id(i).step == 5,
        bring_roles=(OPERATOR,),
    ),
    "fax_jobs.decide": Row(
        FAX_SEND.roles,
        FAX_SEND.scope,
        _failed_job,
        lambda a, j: fax_jobs.decide(a, j, resend=True),
        lambda j: _job(j).status == JobStatus.QUEUED,
        lambda j: _job(j).status == JobStatus.FAILED,
        bring_roles=(OPERATOR,),
    ),
    "ekspedisi.add": Row(
        ekspedisi.KEEPERS,
        "any",
        lambda _: 0,
        lambda a, _: ekspedisi.add(
            a, to="Bappeda", perihal="Undangan", letter_date=base.now().date()
        ),
        lambda _: ekspedisi.EkspedisiEntry.select().exists(),
        lambda _: not ekspedisi.EkspedisiEntry.select().exists(),
    ),
    "ekspedisi.record_receipt": Row(
        ekspedisi.KEEPERS,
        "any",
        lambda _: ekspedisi.add(user("admin"), to="Bappeda", perihal="Undangan").id,
        lambda a, e: ekspedisi.record_receipt(a, e, "Pak Yusuf", base.now()),
        lambda e: _entry(e).received_at is not None,
        lambda e: _entry(e).received_at is None,
    ),
    "agenda.void": Row(
        agenda.KEEPERS,
        "any",
        _agenda_entry,
        _void,
        lambda e: agenda.AgendaEntry.get_by_id(e).void,
        lambda e: not agenda.AgendaEntry.get_by_id(e).void,
    ),
}

ROWS = {"-".join(map(str, key)): _step_row(key) for key in ACTIONS} | OTHER_WRITES
OUTSIDERS = {"owner": "pemohon_lain", "unit": "unit_lain"}


def cases():
    for name, row in ROWS.items():
        for role in ALL:
            yield pytest.param(name, role, id=f"{name}-{role}")
        if row.roles:
            yield pytest.param(name, "nonaktif", id=f"{name}-nonaktif")
            yield pytest.param(name, "terkunci", id=f"{name}-terkunci")
        if row.scope in OUTSIDERS:
            yield pytest.param(name, OUTSIDERS[row.scope], id=f"{name}-{OUTSIDERS[row.scope]}")


def person(roles: tuple[str, ...], unit_code: str) -> User:
    """A fresh account holding exactly `roles` (no password: it never signs in here)."""
    with write():
        actor = User.create(
            username="aktor",
            full_name="Aktor Uji",
            password_hash="-",
            unit=Unit.get(Unit.code == unit_code),
        )
        for role in roles:
            UserRole.create(user=actor, role=role)
    return actor


def set_roles(actor: User, roles: tuple[str, ...]) -> None:
    with write():
        UserRole.delete().where(UserRole.user == actor).execute()
        for role in roles:
            UserRole.create(user=actor, role=role)
