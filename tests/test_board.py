"""The board's figures equal a brute-force recomputation over generated work: items of the
three procedures walked step by step on a frozen clock across two weeks, some left open; the
periods start at midnight, on Monday and on the first of the month."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from statistics import median

import pytest

from model import base
from model.db import write
from model.reports.board import MONTH, TODAY, WEEK, board, oldest, period_range
from model.reports.compliance import p90
from model.sop import DONE, PROCEDURES
from model.workflow import deadlines
from model.workflow.items import StepLog, UnitTask, WorkItem
from model.workflow.transitions import create_item, transition

START = datetime(2026, 11, 23, 7, 30)  # a Monday
AT = datetime(2026, 12, 1, 10, 0)  # a Tuesday, the first of the month


def generate(seed: int = 7, items: int = 60) -> None:
    """Items started through two weeks, each moved on by its steps' first actions after a
    random 0–40 working minutes, stopped at a random step (some finished)."""
    rng = random.Random(seed)
    at = START
    for n in range(items):
        proc = rng.choice(list(PROCEDURES.values()))
        at += timedelta(minutes=rng.randint(20, 400))
        base.freeze(at)
        with write():
            item = create_item(proc.code, None, f"Surat uji {n}")
        stop = rng.randint(1, len(proc.steps) + 1)
        when = at
        while True:
            current = WorkItem.get_by_id(item.id)
            if current.step == DONE or current.step >= stop:
                break
            when += timedelta(minutes=rng.randint(0, 40))
            base.freeze(when)
            step = proc.step(current.step)
            transition(item.id, None, step.actions[0].code, system=True)
    base.freeze(AT)


def brute_force(period: str) -> dict[tuple[str, int], tuple[int, int, float | None, float | None]]:
    start, end = period_range(period, AT)
    found: dict[tuple[str, int], list[int]] = {}
    for log in StepLog.select():
        if log.from_step is not None and start <= log.at <= end:
            found.setdefault((log.item.procedure, log.from_step), []).append(log.working_seconds)
    out = {}
    for proc in PROCEDURES.values():
        for step in proc.steps:
            values = found.get((proc.code, step.number), [])
            within = sum(v <= step.minutes * 60 for v in values) if step.minutes else 0
            out[(proc.code, step.number)] = (
                len(values),
                within,
                round(median(values) / 60, 1) if values else None,
                round(p90(values) / 60, 1) if values else None,
            )
    return out


def open_counts() -> dict[tuple[str, int], tuple[int, int]]:
    out: dict[tuple[str, int], list[int]] = {}
    for item in WorkItem.select().where(WorkItem.closed_at.is_null()):
        clock = deadlines.clock(item, AT)
        row = out.setdefault((item.procedure, item.step), [0, 0])
        row[0] += 1
        row[1] += clock.state == "merah"
    return {k: tuple(v) for k, v in out.items()}


@pytest.mark.parametrize("period", [TODAY, WEEK, MONTH])
def test_the_board_equals_a_brute_force_recomputation(home, period):
    generate()
    expected, queues = brute_force(period), open_counts()
    rows = board(period, AT)
    assert sum(r.done for r in rows) > 0 and any(r.late_now for r in rows)  # not trivial
    assert len(rows) == sum(len(p.steps) for p in PROCEDURES.values())
    for r in rows:
        key = (r.procedure, r.step)
        assert (r.done, r.within, r.median_minutes, r.p90_minutes) == expected[key], key
        assert (r.open_now, r.late_now) == queues.get(key, (0, 0)), key
    assert sum(r.done for r in board(MONTH, AT)) <= sum(r.done for r in board(WEEK, AT))


def test_periods_start_at_midnight_on_monday_and_on_the_first():
    tuesday = datetime(2026, 12, 1, 10, 0)
    assert period_range(TODAY, tuesday)[0] == datetime(2026, 12, 1)
    assert period_range(WEEK, tuesday)[0] == datetime(2026, 11, 30)
    assert period_range(MONTH, tuesday)[0] == datetime(2026, 12, 1)
    assert period_range(WEEK, datetime(2026, 11, 29, 23, 0))[0] == datetime(2026, 11, 23)


def test_the_oldest_items_come_first_with_their_clocks(home):
    generate()
    for r in board(MONTH, AT):
        items = oldest(r.procedure, r.step, AT)
        entered = [WorkItem.get_by_id(i.item_id).step_entered_at for i in items]
        assert entered == sorted(entered) and len(items) == min(r.open_now, 5)


def test_a_step_units_act_on_names_the_units_still_owing(office):
    from tests.conftest import user
    from tests.mail_helpers import incoming_at

    incoming_at(7)  # forwarded to the staf's unit, not yet followed up
    [row] = [r for r in board(MONTH) if (r.procedure, r.step) == ("email_in", 7)]
    unit = user("staf").unit
    owing = sum(
        1
        for task in UnitTask.select().where(
            UnitTask.unit == unit, UnitTask.followed_up_at.is_null()
        )
        if task.item.step == 7 and task.item.closed_at is None
    )
    assert (
        owing >= 1 and row.waits_for.startswith("Staf") and f"{unit.name} {owing}" in row.waits_for
    )
