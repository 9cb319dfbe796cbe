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
        age = format_duration(self.seconds)
        if not self.standard_minutes:
            return age
        return f"{age}/{self.standard_minutes}"


def clock_for(entered_at: datetime, standard_minutes: int | None, at: datetime | None = None):
    return Clock(max(0, int(((at or now()) - entered_at).total_seconds())), standard_minutes)


def format_duration(seconds: int) -> str:
    """Short Indonesian duration: `45 dtk`, `12 mnt`, `3 j 05 mnt`, `2 hr 4 j`."""
    if seconds < 60:
        return f"{seconds} dtk"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} mnt"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} j {minutes:02d} mnt"
    days, hours = divmod(hours, 24)
    return f"{days} hr {hours} j"
