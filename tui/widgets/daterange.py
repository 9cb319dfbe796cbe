"""A date range typed as two dd-mm-yyyy fields, checked, with the reason in Indonesian."""

from __future__ import annotations

import re
from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message

from tui.widgets.plain import Input, Label, Static

DATE_FORMAT, DATETIME_FORMAT = "%d-%m-%Y", "%d-%m-%Y %H:%M"
DATE_SHAPE = re.compile(r"\d{1,2}-\d{1,2}-\d{4}")
DATETIME_SHAPE = re.compile(r"\d{1,2}-\d{1,2}-\d{4} \d{1,2}:\d{2}")


def parse_date(text: str, what: str = "Tanggal") -> date:
    """`dd-mm-yyyy` as a date, or ValueError with a sentence for the user."""
    try:
        if not DATE_SHAPE.fullmatch(text.strip()):
            raise ValueError(text)
        return datetime.strptime(text.strip(), DATE_FORMAT).date()
    except ValueError:
        raise ValueError(
            f"{what} '{text.strip()}' tidak sah: tulis hh-bb-tttt, mis. 05-11-2026."
        ) from None


def parse_datetime(text: str, what: str = "Waktu") -> datetime:
    """`dd-mm-yyyy hh:mm` as a datetime, or ValueError with a sentence for the user."""
    text = " ".join(text.split())
    try:
        if not DATETIME_SHAPE.fullmatch(text):
            raise ValueError(text)
        return datetime.strptime(text, DATETIME_FORMAT)
    except ValueError:
        raise ValueError(
            f"{what} '{text}' tidak sah: tulis hh-bb-tttt jj:mm, mis. 05-11-2026 14:30."
        ) from None


def month_of(day: date) -> tuple[date, date]:
    """The first and last day of `day`'s month."""
    first = day.replace(day=1)
    following = first.replace(year=first.year + first.month // 12, month=first.month % 12 + 1)
    return first, date.fromordinal(following.toordinal() - 1)


class DateRange(Vertical):
    """`Periode [dari] s.d. [sampai]` and a line for the refusal; Enter applies."""

    DEFAULT_CSS = """
    DateRange { height: 2; width: 100%; }
    DateRange Horizontal { height: 1; }
    DateRange Label { padding: 0 1 0 0; }
    DateRange Input { width: 12; height: 1; border: none; padding: 0; margin: 0 1 0 0; }
    DateRange .dr-hint { color: $text-muted; }
    DateRange .dr-error { width: 100%; height: 1; color: $error; }
    """

    class Changed(Message):
        def __init__(self, date_range: DateRange, start: date, end: date) -> None:
            super().__init__()
            self.date_range, self.start, self.end = date_range, start, end

        @property
        def control(self) -> DateRange:
            return self.date_range

    def __init__(self, start: date, end: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.start, self.end = start, end

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label("Periode")
            yield Input(
                self.start.strftime(DATE_FORMAT), id="dr-start", compact=True, max_length=10
            )
            yield Label("s.d.")
            yield Input(self.end.strftime(DATE_FORMAT), id="dr-end", compact=True, max_length=10)
            yield Label("(hh-bb-tttt, Enter)", classes="dr-hint")
        yield Static("", classes="dr-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.apply()

    def apply(self) -> bool:
        """Check both fields; keep and announce the range, or show why it is refused."""
        error = self.query_one(".dr-error", Static)
        try:
            start = parse_date(self.query_one("#dr-start", Input).value, "Tanggal awal")
            end = parse_date(self.query_one("#dr-end", Input).value, "Tanggal akhir")
            if end < start:
                raise ValueError("Tanggal akhir tidak boleh sebelum tanggal awal.")
        except ValueError as exc:
            error.update(str(exc))
            return False
        error.update("")
        self.start, self.end = start, end
        self.post_message(self.Changed(self, start, end))
        return True
