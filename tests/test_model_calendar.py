"""The working calendar's arithmetic on a frozen clock: weekends, a national holiday, a cuti
bersama day, Friday's hours, a change of year, an office closure; work that arrives outside
hours starts its clock at the next opening."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from model import calendar as cal_mod
from model.calendar import WorkCalendar, shipped_holidays
from model.errors import Invalid, NotAllowed
from model.hours import DAYS, DEFAULT_HOURS, parse_hours
from tests.conftest import user

HOURS = tuple(parse_hours(DEFAULT_HOURS[d]) for d in DAYS)
CAL = WorkCalendar(HOURS, shipped_holidays()[0])
MIN = 60
HOUR = 3600


def at(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    "start,end,seconds",
    [
        ("2026-11-25 09:30", "2026-11-25 09:42", 12 * MIN),  # Wednesday, in hours
        ("2026-11-25 11:50", "2026-11-25 13:10", 20 * MIN),  # across the lunch break
        ("2026-11-25 06:00", "2026-11-25 07:40", 10 * MIN),  # before opening
        ("2026-11-25 15:50", "2026-11-25 20:00", 10 * MIN),  # after closing
        ("2026-11-27 15:50", "2026-11-30 07:40", 40 * MIN + 10 * MIN),  # Friday 16:30 close
        ("2026-11-27 11:20", "2026-11-27 13:05", 15 * MIN),  # Friday's longer break
        ("2026-11-28 08:00", "2026-11-29 15:00", 0),  # a weekend
        ("2026-08-14 16:00", "2026-08-18 07:30", 30 * MIN),  # Fri, weekend, 17 Agustus
        ("2026-12-23 15:00", "2026-12-28 08:30", HOUR + HOUR),  # cuti bersama 24, Natal 25
        ("2026-12-31 15:30", "2027-01-04 08:00", 30 * MIN + 30 * MIN),  # new year (a Friday)
        ("2026-11-23 07:30", "2026-11-30 07:30", 37 * HOUR + 30 * MIN),  # one whole week
    ],
)
def test_working_seconds(start, end, seconds):
    assert CAL.working_seconds(at(start), at(end)) == seconds


def test_a_long_span_equals_the_sum_of_its_days():
    start, end = at("2026-01-01 00:00"), at("2027-12-31 23:59")
    by_day = sum(
        CAL.working_seconds(
            datetime.combine(d, datetime.min.time()), datetime.combine(d, datetime.max.time())
        )
        for d in (date.fromordinal(o) for o in range(start.toordinal(), end.toordinal() + 1))
    )
    assert CAL.working_seconds(start, end) == by_day


@pytest.mark.parametrize(
    "start,seconds,expected",
    [
        ("2026-11-25 09:30", 10 * MIN, "2026-11-25 09:40"),
        ("2026-11-27 15:50", 10 * MIN, "2026-11-27 16:00"),
        ("2026-11-27 16:25", 10 * MIN, "2026-11-30 07:35"),  # Friday closes 16:30
        ("2026-11-25 20:00", 0, "2026-11-26 07:30"),  # next opening
        ("2026-03-19 10:00", 5 * MIN, "2026-03-25 07:35"),  # Nyepi, cuti bersama, Idul Fitri
        ("2026-11-25 11:55", 10 * MIN, "2026-11-25 13:05"),
    ],
)
def test_after(start, seconds, expected):
    assert CAL.after(at(start), seconds) == at(expected)


def test_after_and_working_seconds_agree():
    start = at("2026-12-22 14:00")
    for minutes in (1, 37, 150, 600, 2000):
        assert CAL.working_seconds(start, CAL.after(start, minutes * MIN)) == minutes * MIN


def test_the_shipped_list_names_its_decree_and_marks_estimates():
    days, years = shipped_holidays()
    by_year = {y.year: y for y in years}
    assert "1497 Tahun 2025" in by_year[2026].source and not by_year[2026].estimated
    assert by_year[2027].estimated
    assert days[date(2026, 3, 23)] == "Cuti bersama Idul Fitri"
    assert sum(d.year == 2026 for d in days) == 17 + 8  # 17 holidays, 8 cuti bersama


@pytest.mark.parametrize(
    "text", ["7.30-12", "12:00-07:30", "07:30-12:00, 11:00-13:00", "25:00-26:00"]
)
def test_hours_that_cannot_be_true_are_refused(text):
    with pytest.raises(Invalid, match="jam kerja"):
        parse_hours(text)


def test_an_office_closure_counts_as_closed_and_only_the_admin_sets_it(office):
    day = date(2026, 11, 26)  # a Thursday
    with pytest.raises(NotAllowed):
        cal_mod.add_closure(user("kasi"), day, "Hari jadi Kabupaten Trenggalek")
    cal_mod.add_closure(user("sysadmin"), day, "Hari jadi Kabupaten Trenggalek")
    cal = cal_mod.calendar()
    assert cal.closed[day] == "Hari jadi Kabupaten Trenggalek"
    assert cal.working_seconds(at("2026-11-25 16:00"), at("2026-11-27 07:30")) == 0
    with pytest.raises(Invalid, match="sudah tercatat"):
        cal_mod.add_closure(user("sysadmin"), day, "lagi")
    cal_mod.remove_closure(user("sysadmin"), day)
    assert day not in cal_mod.calendar().closed


def test_doctor_warns_when_the_holiday_list_is_an_estimate_or_missing():
    from model.doctor import holiday_list

    assert holiday_list(date(2026, 6, 1)).status == "PERINGATAN"  # 2027 is an estimate
    assert "perkiraan" in holiday_list(date(2026, 6, 1)).found
    assert "tidak ada daftar" in holiday_list(date(2027, 6, 1)).found  # 2028 missing
