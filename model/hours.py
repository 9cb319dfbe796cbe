"""Opening hours as warkat.toml writes them ("07:30-12:00, 13:00-16:00" per weekday) and the
default of a Pemda office; read by model.config_schema and model.calendar."""

from __future__ import annotations

import re

from model.errors import Invalid

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
# A Pemda office: 37.5 hours a week, Friday with the longer midday break for Jumatan.
DEFAULT_HOURS = {
    "monday": "07:30-12:00, 13:00-16:00",
    "tuesday": "07:30-12:00, 13:00-16:00",
    "wednesday": "07:30-12:00, 13:00-16:00",
    "thursday": "07:30-12:00, 13:00-16:00",
    "friday": "07:30-11:30, 13:00-16:30",
    "saturday": "",
    "sunday": "",
}
_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_hours(text: str) -> tuple[tuple[int, int], ...]:
    """ "07:30-12:00, 13:00-16:00" as minute spans of the day; "" is a closed day. Invalid
    (in Indonesian) on a span that cannot be read, runs backwards or overlaps the one before."""
    spans: list[tuple[int, int]] = []
    for part in filter(str.strip, text.split(",")):
        m = _SPAN.match(part)
        if not m:
            raise Invalid(f"jam kerja {part.strip()!r} tidak terbaca; tulis mis. 07:30-12:00")
        h1, m1, h2, m2 = map(int, m.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or end > 24 * 60 or start >= end:
            raise Invalid(
                f"jam kerja {part.strip()!r} tidak sah: jam mulai harus sebelum jam selesai"
            )
        if spans and start < spans[-1][1]:
            raise Invalid(f"jam kerja {part.strip()!r} bertumpuk dengan rentang sebelumnya")
        spans.append((start, end))
    return tuple(spans)


def hours_rule(text: object) -> str | None:
    """The rule a [calendar] value breaks (for model.config_schema), or None."""
    try:
        parse_hours(str(text))
    except Invalid as exc:
        return str(exc)
    return None


def describe(week: tuple[tuple[tuple[int, int], ...], ...]) -> str:
    """Opening hours (Monday first) in words, days with the same hours named together:
    `Senin–Kamis 07.30–12.00, 13.00–16.00 · Jumat … · Sabtu–Minggu libur`."""
    groups: list[list] = []  # [first day, last day, spans]
    for name, spans in zip(DAY_NAMES, week, strict=True):
        if groups and groups[-1][2] == spans:
            groups[-1][1] = name
        else:
            groups.append([name, name, spans])
    parts = []
    for first, last, spans in groups:
        days = first if first == last else f"{first}–{last}"
        shown = ", ".join(f"{_hm(s)}–{_hm(e)}" for s, e in spans)
        parts.append(f"{days} {shown or 'libur'}")
    return " · ".join(parts)


def _hm(minute: int) -> str:
    return f"{minute // 60:02d}.{minute % 60:02d}"
