"""The office's working calendar: opening hours per weekday ([calendar] in warkat.toml),
national holidays and cuti bersama (model/data/holidays.toml, each year with its decree) and
closures the Admin adds (OfficeClosure). Every mutu baku clock counts its working time only:
work that arrives outside hours starts its clock at the next opening."""

from __future__ import annotations

import bisect
import time
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import peewee

from model import audit
from model.base import BaseModel, now
from model.db import db, write
from model.errors import Invalid
from model.fields import Line
from model.guard import holding
from model.hours import DAYS, DEFAULT_HOURS, parse_hours
from model.org import User
from model.roles import SYSADMIN

HOLIDAYS_FILE = Path(__file__).with_name("data") / "holidays.toml"
REFRESH_SECONDS = 30  # how stale another process's closures may be


@dataclass(frozen=True)
class YearList:
    """One year of the shipped list: its decree, and whether its dates are estimates."""

    year: int
    source: str
    estimated: bool


def shipped_holidays(path: Path = HOLIDAYS_FILE) -> tuple[dict[date, str], list[YearList]]:
    data = tomllib.loads(path.read_text("utf-8"))
    days: dict[date, str] = {}
    years = []
    for year, entry in sorted(data.items()):
        years.append(YearList(int(year), entry["source"], bool(entry.get("estimated"))))
        for day, name in [*entry.get("holidays", []), *entry.get("cuti_bersama", [])]:
            days[date.fromisoformat(day)] = name
    return days, years


@dataclass(frozen=True)
class WorkCalendar:
    """Opening hours per weekday (Monday first) and the days the office is closed."""

    hours: tuple[tuple[tuple[int, int], ...], ...]
    closed: dict[date, str] = field(default_factory=dict)
    years: tuple[YearList, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "_closed_days", sorted(self.closed))
        week = [sum(e - s for s, e in spans) * 60 for spans in self.hours]
        object.__setattr__(self, "_day_seconds", week)

    def spans(self, day: date) -> tuple[tuple[int, int], ...]:
        """The day's opening spans in minutes (none on a closed day)."""
        return () if day in self.closed else self.hours[day.weekday()]

    def is_open(self, at: datetime) -> bool:
        minute = at.hour * 60 + at.minute
        return any(s <= minute < e for s, e in self.spans(at.date()))

    def _within_day(self, day: date, start_s: int, end_s: int) -> int:
        """Working seconds of `day` between two second-of-day marks."""
        total = 0
        for s, e in self.spans(day):
            lo, hi = max(start_s, s * 60), min(end_s, e * 60)
            total += max(0, hi - lo)
        return total

    def _whole_days(self, first: date, last: date) -> int:
        """Working seconds of the whole days from `first` to `last` (inclusive)."""
        if last < first:
            return 0
        n = (last - first).days + 1
        weeks, rest = divmod(n, 7)
        total = weeks * sum(self._day_seconds)
        total += sum(self._day_seconds[(first.weekday() + i) % 7] for i in range(rest))
        days = self._closed_days
        for day in days[bisect.bisect_left(days, first) : bisect.bisect_right(days, last)]:
            total -= self._day_seconds[day.weekday()]
        return total

    def working_seconds(self, start: datetime, end: datetime) -> int:
        """Seconds of working time from `start` to `end`."""
        if end <= start:
            return 0
        s_of = lambda t: t.hour * 3600 + t.minute * 60 + t.second  # noqa: E731
        if start.date() == end.date():
            return self._within_day(start.date(), s_of(start), s_of(end))
        return (
            self._within_day(start.date(), s_of(start), 86400)
            + self._whole_days(start.date() + timedelta(days=1), end.date() - timedelta(days=1))
            + self._within_day(end.date(), 0, s_of(end))
        )

    def after(self, start: datetime, seconds: int) -> datetime | None:
        """The instant at which `seconds` of working time have passed since `start` (None when
        the office never opens within two years)."""
        day, left = start.date(), seconds
        from_s = start.hour * 3600 + start.minute * 60 + start.second
        for _ in range(731):
            for s, e in self.spans(day):
                lo, hi = max(from_s, s * 60), e * 60
                if hi <= lo:
                    continue
                if left <= hi - lo:
                    return datetime.combine(day, datetime.min.time()) + timedelta(seconds=lo + left)
                left -= hi - lo
            day, from_s = day + timedelta(days=1), 0
        return None

    def opening(self, at: datetime) -> datetime | None:
        """`at` when the office is open then, else its next opening."""
        return self.after(at, 0) if not self.is_open(at) else at

    def estimated_years(self) -> list[int]:
        return [y.year for y in self.years if y.estimated]


class OfficeClosure(BaseModel):
    """A day this office is closed besides the national list (a regional holiday, a move)."""

    day = peewee.DateField(unique=True)
    name = Line()
    by = peewee.ForeignKeyField(User, backref="+")
    at = peewee.DateTimeField(default=now)


_cached: tuple[float, tuple, WorkCalendar] | None = None


def calendar() -> WorkCalendar:
    """This office's calendar (the open home's [calendar], the shipped list, the closures),
    read again at most every REFRESH_SECONDS and whenever another home or database opens."""
    global _cached
    key = (id(_config()), id(db.obj), getattr(db.obj, "database", None))
    if _cached is None or _cached[1] != key or time.monotonic() - _cached[0] > REFRESH_SECONDS:
        _cached = (time.monotonic(), key, build())
    return _cached[2]


def forget() -> None:
    """Read the calendar again at its next use (after a closure or configuration change)."""
    global _cached
    _cached = None


def _config():
    """The open home's configuration, None when no home is open (a tool, a test)."""
    from model import config as config_module

    try:
        return config_module.current()
    except RuntimeError:
        return None


def build() -> WorkCalendar:
    cfg = _config()
    if cfg is None:
        hours, national = DEFAULT_HOURS, True
    else:
        hours = {d: getattr(cfg.calendar, d) for d in DAYS}
        national = cfg.calendar.national_holidays
    closed, years = shipped_holidays() if national else ({}, [])
    if OfficeClosure.table_exists():
        closed.update({c.day: c.name for c in OfficeClosure.select()})
    return WorkCalendar(tuple(parse_hours(hours[d]) for d in DAYS), closed, tuple(years))


def closures() -> list[OfficeClosure]:
    return list(OfficeClosure.select().order_by(OfficeClosure.day))


def add_closure(actor: User, day: date, name: str) -> OfficeClosure:
    """Close the office on `day` (Admin): open items' deadlines move with it."""
    name = name.strip()
    if not name:
        raise Invalid("Keterangan penutupan wajib diisi.")
    with write():
        holding(actor, (SYSADMIN,), "menambah hari tutup kantor")
        if OfficeClosure.get_or_none(OfficeClosure.day == day):
            raise Invalid(f"{day:%d-%m-%Y} sudah tercatat sebagai hari tutup kantor.")
        closure = OfficeClosure.create(day=day, name=name, by=actor)
        audit.record(actor.username, "kalender_tutup", f"{day:%Y-%m-%d}", name=name)
    forget()
    return closure


def remove_closure(actor: User, day: date) -> None:
    with write():
        holding(actor, (SYSADMIN,), "menghapus hari tutup kantor")
        if not OfficeClosure.delete().where(OfficeClosure.day == day).execute():
            raise Invalid(f"{day:%d-%m-%Y} bukan hari tutup kantor.")
        audit.record(actor.username, "kalender_buka", f"{day:%Y-%m-%d}")
    forget()
