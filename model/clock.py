"""Mutu baku clocks: how long an item has been at its step, against the SOP's standard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from model.base import now

NORMAL, AMBER, RED, NONE = "normal", "amber", "merah", "none"
AMBER_SHARE = 0.8


@dataclass(frozen=True)
class Clock:
    seconds: int
    standard_minutes: int | None

    @property
    def state(self) -> str:
        if not self.standard_minutes:
            return NONE
        share = self.seconds / (self.standard_minutes * 60)
        if share > 1:
            return RED
        return AMBER if share >= AMBER_SHARE else NORMAL

    @property
    def label(self) -> str:
        """The time at the step against its standard, as every screen shows it:
        `4 mnt / 10 mnt`, `1 j 5 mnt / 2 j`, `2 hr 3 j / 1 hr`; `41 mnt / –` without one."""
        minutes = self.standard_minutes
        standard = format_duration(minutes * 60) if minutes else "–"
        return f"{format_duration(self.seconds)} / {standard}"


def clock_for(entered_at: datetime, standard_minutes: int | None, at: datetime | None = None):
    return Clock(max(0, int(((at or now()) - entered_at).total_seconds())), standard_minutes)


def format_duration(seconds: int) -> str:
    """Short Indonesian duration, its two largest units, a zero one left out: `45 dtk`,
    `12 mnt`, `3 j 5 mnt`, `2 j`, `2 hr 4 j`, `1 hr`."""
    if seconds < 60:
        return f"{seconds} dtk"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} mnt"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} j {minutes} mnt" if minutes else f"{hours} j"
    days, hours = divmod(hours, 24)
    return f"{days} hr {hours} j" if hours else f"{days} hr"
