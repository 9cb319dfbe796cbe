"""The Kasi's board (*Papan mutu baku*): per procedure and step, over today, this week or
this month, how many steps were done, how many within the standard, the median and 90th
percentile working minutes; and now, what waits at each step, for whom, and the oldest. Every
figure is an aggregate or an indexed query: nothing loads every item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

import peewee

from model.base import now
from model.calendar import calendar, closures
from model.clock import Clock
from model.hours import describe
from model.org import Unit
from model.reports.compliance import p90
from model.roles import LABELS
from model.sop import PROCEDURES
from model.workflow import deadlines
from model.workflow.items import StepLog, UnitTask, WorkItem

TODAY, WEEK, MONTH = "hari", "minggu", "bulan"
PERIODS = {TODAY: "Hari ini", WEEK: "Minggu ini", MONTH: "Bulan ini"}
OLDEST = 5  # open items listed per step


def period_range(period: str, at: datetime | None = None) -> tuple[datetime, datetime]:
    """The start of today, of this week (Monday) or of this month, and `at`."""
    at = at or now()
    day = datetime.combine(at.date(), datetime.min.time())
    if period == WEEK:
        day -= timedelta(days=at.weekday())
    elif period == MONTH:
        day = day.replace(day=1)
    return day, at


@dataclass(frozen=True)
class OpenItem:
    item_id: int
    procedure: str
    title: str
    clock: Clock


@dataclass(frozen=True)
class StepRow:
    procedure: str  # code
    procedure_name: str
    step: int
    name: str
    short: str  # what the step does, as its first action says it ("Disposisi ke Adm. Umum")
    standard_minutes: int | None
    done: int
    within: int  # of done, how many within the standard
    median_minutes: float | None
    p90_minutes: float | None
    open_now: int
    near_now: int  # past 80 % of the standard, not past it
    late_now: int
    waits_for: str  # the roles that act at the step

    @property
    def within_share(self) -> float | None:
        return self.within / self.done if self.done and self.standard_minutes else None


def board(period: str, at: datetime | None = None) -> list[StepRow]:
    """Every step of every procedure with its figures for `period` and its queue now."""
    at = at or now()
    start, end = period_range(period, at)
    seconds: dict[tuple[str, int], list[int]] = {}
    done = (
        StepLog.select(WorkItem.procedure, StepLog.from_step, StepLog.working_seconds)
        .join(WorkItem)
        .where(StepLog.from_step.is_null(False) & (StepLog.at >= start) & (StepLog.at <= end))
        .order_by(StepLog.working_seconds)
        .tuples()
    )
    for procedure, step, worked in done:
        seconds.setdefault((procedure, step), []).append(worked)
    open_now = _counts(WorkItem.closed_at.is_null())
    near = _counts(WorkItem.warn_at.is_null(False) & (WorkItem.warn_at <= at))
    late = _counts(WorkItem.due_at.is_null(False) & (WorkItem.due_at <= at))
    rows = []
    for proc in PROCEDURES.values():
        for step in proc.steps:
            key = (proc.code, step.number)
            values = seconds.get(key, [])
            standard = step.minutes * 60 if step.minutes else None
            rows.append(
                StepRow(
                    proc.code,
                    proc.short,
                    step.number,
                    step.name,
                    step.actions[0].label if step.actions else step.name,
                    step.minutes,
                    len(values),
                    sum(v <= standard for v in values) if standard else 0,
                    round(median(values) / 60, 1) if values else None,
                    round(p90(values) / 60, 1) if values else None,
                    open_now.get(key, 0),
                    near.get(key, 0) - late.get(key, 0),
                    late.get(key, 0),
                    _waits_for(proc.code, step),
                )
            )
    return rows


def _waits_for(procedure: str, step) -> str:
    """The step's roles; for a step a unit acts on, the units still owing and how many items
    each (`Staf: Bidang Aplikasi Informatika 3, Sekretariat 1`)."""
    roles = ", ".join(LABELS[r] for r in step.roles) or "sistem"
    if step.scope != "unit":
        return roles
    owing = (
        UnitTask.select(Unit.name, peewee.fn.COUNT(UnitTask.id))
        .join(Unit)
        .switch(UnitTask)
        .join(WorkItem)
        .where(
            (WorkItem.procedure == procedure)
            & (WorkItem.step == step.number)
            & WorkItem.closed_at.is_null()
            & UnitTask.followed_up_at.is_null()
        )
        .group_by(Unit.name)
        .order_by(peewee.fn.COUNT(UnitTask.id).desc(), Unit.name)
        .tuples()
    )
    units = ", ".join(f"{name} {n}" for name, n in owing)
    return f"{roles}: {units}" if units else roles


def _counts(where) -> dict[tuple[str, int], int]:
    query = (
        WorkItem.select(WorkItem.procedure, WorkItem.step, peewee.fn.COUNT(WorkItem.id))
        .where(where & WorkItem.closed_at.is_null())
        .group_by(WorkItem.procedure, WorkItem.step)
        .tuples()
    )
    return {(procedure, step): n for procedure, step, n in query}


def oldest(procedure: str, step: int, at: datetime | None = None) -> list[OpenItem]:
    """The open items waiting longest at the step, with their working clocks."""
    query = (
        WorkItem.select()
        .where(
            (WorkItem.procedure == procedure)
            & (WorkItem.step == step)
            & WorkItem.closed_at.is_null()
        )
        .order_by(WorkItem.step_entered_at)
        .limit(OLDEST)
    )
    return [OpenItem(i.id, i.procedure, i.title, deadlines.clock(i, at)) for i in query]


def calendar_words(year: int, month: int) -> str:
    """The calendar the figures count on, as the report states it."""
    cal = calendar()
    lists = [y for y in cal.years if y.year == year]
    source = (
        f"libur nasional dan cuti bersama {year}: {lists[0].source}"
        + (" (perkiraan)" if lists[0].estimated else "")
        if lists
        else f"tanpa daftar libur nasional {year}"
    )
    closed = sum(1 for d in closures() if (d.day.year, d.day.month) == (year, month))
    return (
        f"Waktu dihitung dalam menit kerja: {describe(cal.hours)}; {source}; "
        f"{closed} hari tutup kantor pada bulan ini. Waktu jeda (dikembalikan untuk perbaikan, "
        "menunggu ulang faks) tidak dihitung."
    )
