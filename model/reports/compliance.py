"""Mutu baku compliance: per SOP step, how long the real steps took against the standard; and
the incoming mail set aside at sorting as not official letters."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from statistics import median

from model.email_in.records import IncomingMail, SetAside
from model.sop import EMAIL_IN, PROCEDURES
from model.workflow.items import StepLog, WorkItem


@dataclass(frozen=True)
class StepFigures:
    procedure: str
    procedure_name: str
    step: int
    activity: str
    count: int
    median_minutes: float | None
    p90_minutes: float | None
    standard_minutes: int | None
    within_share: float | None  # 0..1 of the steps done within the standard


@dataclass(frozen=True)
class SetAsideCount:
    """Incoming mail set aside at step 2 in the month, of one kind."""

    kind: str
    label: str
    count: int


def p90(values: list[float]) -> float:
    """The 90th percentile (nearest rank) of `values`."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]


def _month(year: int, month: int) -> tuple[datetime, datetime]:
    return datetime(year, month, 1), datetime(year + (month == 12), month % 12 + 1, 1)


def monthly(year: int, month: int) -> list[StepFigures]:
    """Every step of every procedure, with the durations of the steps finished that month.
    Mail set aside at step 2 counts there (it was sorted) and nowhere after."""
    start, end = _month(year, month)
    durations: dict[tuple[str, int], list[float]] = {}
    query = (
        StepLog.select(StepLog.from_step, StepLog.working_seconds, WorkItem.procedure)
        .join(WorkItem)
        .where(StepLog.from_step.is_null(False) & (StepLog.at >= start) & (StepLog.at < end))
    )
    for row in query.objects():
        durations.setdefault((row.procedure, row.from_step), []).append(row.working_seconds / 60)
    out = []
    for proc in PROCEDURES.values():
        for step in proc.steps:
            values = durations.get((proc.code, step.number), [])
            within = (
                sum(v <= step.minutes for v in values) / len(values)
                if values and step.minutes
                else None
            )
            out.append(
                StepFigures(
                    proc.code,
                    proc.short,
                    step.number,
                    step.name,
                    len(values),
                    round(median(values), 1) if values else None,
                    round(p90(values), 1) if values else None,
                    step.minutes,
                    within,
                )
            )
    return out


def set_aside(year: int, month: int) -> list[SetAsideCount]:
    """Every kind of SetAside, with how many mails were set aside that month."""
    start, end = _month(year, month)
    query = (
        StepLog.select(IncomingMail.set_aside)
        .join(WorkItem)
        .join(IncomingMail, on=IncomingMail.item == WorkItem.id)
        .where(
            (WorkItem.procedure == EMAIL_IN)
            & (StepLog.action == "sisihkan")
            & (StepLog.at >= start)
            & (StepLog.at < end)
        )
    )
    counts = Counter(row.set_aside for row in query.objects())
    return [SetAsideCount(kind, kind.label, counts[kind]) for kind in SetAside]
