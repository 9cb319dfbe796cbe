"""Mutu baku clocks: how much working time an item has counted at its step, against the
SOP's standard (model.workflow.deadlines reads it on the working calendar)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from model.base import now

NORMAL, AMBER, RED, NONE = "normal", "amber", "merah", "none"
AMBER_SHARE = 0.8
SHOW_ENTRY_AFTER = 15 * 60  # wall time beyond the working time that makes the entry worth saying
DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


@dataclass(frozen=True)
class Clock:
    seconds: int  # working time, pauses left out
    standard_minutes: int | None
    entered_at: datetime | None = None
    wall_seconds: int | None = None
    paused: bool = False

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
        `4 mnt / 10 mnt`, `1 j 5 mnt / 2 j`, `2 hr 3 j / 1 hr`; `41 mnt / –` without one;
        `4 mnt / 30 mnt jeda` while paused."""
        return f"{self._worked()} / {self._standard()}" + (" jeda" if self.paused else "")

    @property
    def detail(self) -> str:
        """The label for a detail line; when the wall time says more than the working time,
        both (`12 mnt kerja / 10 mnt — masuk Jumat 27-11 15.50`); `(dijeda)` while paused."""
        text = f"{self._worked()} / {self._standard()}"
        if self.entered_at and (self.wall_seconds or 0) - self.seconds >= SHOW_ENTRY_AFTER:
            at = self.entered_at
            text = f"{self._worked()} kerja / {self._standard()} — masuk "
            text += f"{DAY_NAMES[at.weekday()]} {at:%d-%m} {at:%H.%M}"
        return text + (" (dijeda)" if self.paused else "")

    def _worked(self) -> str:
        return format_duration(self.seconds)

    def _standard(self) -> str:
        return format_duration(self.standard_minutes * 60) if self.standard_minutes else "–"


def clock_for(entered_at: datetime, standard_minutes: int | None, at: datetime | None = None):
    """A wall-time clock (an item not on the calendar: a draft, a test)."""
    seconds = max(0, int(((at or now()) - entered_at).total_seconds()))
    return Clock(seconds, standard_minutes, entered_at, seconds)


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
