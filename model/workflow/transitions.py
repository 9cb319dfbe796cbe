"""Guarded transitions: role and current step checked, compare-and-set, logged and audited."""

from __future__ import annotations

from model import audit
from model.base import now
from model.db import write
from model.errors import Conflict, Invalid, NotAllowed
from model.guard import account, names
from model.org import User
from model.sop import DONE, PROCEDURES, Step
from model.workflow import deadlines
from model.workflow.items import StepLog, WorkItem, task_units


def acting_role(user: User, step: Step, item: WorkItem | None) -> str:
    """The role `user` acts in at `step` of `item` (None: an item `user` starts now), after
    re-reading the account (`guard.account`); otherwise NotAllowed saying who may."""
    if not step.roles:
        raise NotAllowed("Langkah ini dijalankan oleh sistem, bukan oleh pengguna.")
    user = account(user)
    held = [role for role in step.roles if user.has_role(role)]
    if not held:
        raise NotAllowed(f"Langkah {step.number} hanya boleh dilakukan oleh {names(step.roles)}.")
    if item is not None and step.scope == "owner" and item.created_by_id not in (None, user.id):
        raise NotAllowed(f"Langkah {step.number} hanya boleh dilakukan oleh pemohonnya sendiri.")
    if item is not None and step.scope == "unit" and not in_unit(user, item):
        raise NotAllowed(
            f"Langkah {step.number} hanya boleh dilakukan oleh "
            f"{names(step.roles)} dari unit yang menangani surat ini."
        )
    return held[0]


def starting_role(user: User, procedure: str) -> str:
    """The role `user` starts a new item of `procedure` in (its first step's), or NotAllowed."""
    return acting_role(user, PROCEDURES[procedure].first, None)


def in_unit(user: User, item: WorkItem) -> bool:
    """Whether `user`'s unit is the item's unit or one it was given to (`UnitTask`)."""
    return item.unit_id in (None, user.unit_id) or user.unit_id in task_units(item)


def create_item(
    procedure: str,
    actor: User | None,
    title: str,
    *,
    step: int | None = None,
    unit=None,
    sifat: str = "Biasa",
    derajat: str = "Biasa",
    note: str = "",
    role: str = "",
) -> WorkItem:
    """Start an item at the procedure's first step (or `step`); call inside `write()`."""
    proc = PROCEDURES[procedure]
    number = step or proc.first.number
    item = WorkItem.create(
        procedure=procedure,
        step=number,
        title=title,
        created_by=actor,
        unit=unit,
        sifat=sifat,
        derajat=derajat,
        step_entered_at=now(),
        created_at=now(),
    )
    StepLog.create(
        item=item, actor=actor, role=role, from_step=None, to_step=number, action="buat", note=note
    )
    deadlines.schedule(item.id)
    audit.record(
        actor.username if actor else "sistem",
        "buat",
        f"{procedure}#{item.id}",
        title=title,
        step=number,
    )
    return item


def transition(
    item_id: int, actor: User | None, action: str, *, note: str = "", system: bool = False
) -> WorkItem:
    """Move an item on by `action`, in its own write transaction."""
    with write():
        return apply(item_id, actor, action, note=note, system=system)


def apply(
    item_id: int, actor: User | None, action: str, *, note: str = "", system: bool = False
) -> WorkItem:
    """The body of `transition` for callers that already hold a write transaction: the item
    must wait at the step `action` leaves from (Conflict when someone moved it first). A
    person's move is checked by `acting_role`; `system` records one the software makes
    (intake, a delivery the daemon confirms for the account that queued it)."""
    item = WorkItem.get_or_none(WorkItem.id == item_id)
    if item is None:
        raise Invalid(f"Item #{item_id} tidak ditemukan.")
    step = step_for(item, action)
    move = step.action(action)
    role = "sistem" if system else acting_role(actor, step, item)
    at = now()
    working, paused = deadlines.left_step(item, at)
    changed = (
        WorkItem.update(
            step=move.to,
            step_entered_at=at,
            version=WorkItem.version + 1,
            closed_at=at if move.to == DONE else None,
            paused_seconds=0,
            paused_since=None,
        )
        .where((WorkItem.id == item.id) & (WorkItem.version == item.version))
        .execute()
    )
    if changed != 1:
        raise Conflict(_moved_message(WorkItem.get_by_id(item.id), step.number))
    seconds = int((at - item.step_entered_at).total_seconds())
    StepLog.create(
        item=item,
        at=at,
        actor=actor,
        role=role,
        from_step=step.number,
        to_step=move.to,
        action=action,
        note=note,
        seconds=seconds,
        working_seconds=working,
        paused_seconds=paused,
    )
    deadlines.entered(item.id, step.number, move.to)
    audit.record(
        actor.username if actor else "sistem",
        action,
        f"{item.procedure}#{item.id}",
        from_step=step.number,
        to_step=move.to,
        note=note,
    )
    return WorkItem.get_by_id(item.id)


def step_for(item: WorkItem, action: str) -> Step:
    """The step `action` leaves from, when `item` waits there: Invalid for an action its
    procedure does not have, Conflict (naming who moved it) when the item is elsewhere."""
    try:
        step = PROCEDURES[item.procedure].step_of(action)
    except KeyError:
        raise Invalid(f"Tindakan '{action}' tidak ada pada prosedur ini.") from None
    if item.step != step.number:
        raise Conflict(_moved_message(item, step.number))
    return step


def _moved_message(item: WorkItem, expected: int) -> str:
    last = item.log.order_by(StepLog.id.desc()).first()
    who = f" oleh {last.actor.full_name}" if last and last.actor else ""
    where = "selesai" if item.step == DONE else f"di langkah {item.step}"
    return (
        f"Item #{item.id} sudah diproses{who} dan kini {where} "
        f"(bukan langkah {expected}). Muat ulang daftar."
    )
