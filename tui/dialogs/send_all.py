"""Kirim ke semua tujuan: queue every destination of a letter not yet sent (new ones, and those
that failed), now or at a set time, with a cut-off (SOP procedure 1, step 5)."""

from __future__ import annotations

import re
from datetime import datetime

from textual.app import ComposeResult

from model.base import now
from model.errors import Problems
from model.fax import schedule
from model.fax.queue_rows import TransmitRow
from model.fax.records import FaxJob
from tui.dialogs.base import FormDialog
from tui.widgets.daterange import DATETIME_FORMAT, parse_datetime
from tui.widgets.plain import Static

TIME_ONLY = re.compile(r"(\d{1,2})[:.](\d{2})")


def read_moment(text: str, what: str) -> datetime | None:
    """ "" (none), "14:30" (today) or "dd-mm-yyyy hh:mm"; ValueError with a sentence."""
    text = text.strip()
    if not text:
        return None
    short = TIME_ONLY.fullmatch(text)
    if short:
        hour, minute = int(short[1]), int(short[2])
        if hour > 23 or minute > 59:
            raise ValueError(f"{what} tidak sah: {text}")
        return now().replace(hour=hour, minute=minute, second=0, microsecond=0)
    return parse_datetime(text, what)


def pending(row: TransmitRow) -> list[str]:
    """The names of the destinations the dialog would queue."""
    names = []
    for d in row.dests:
        job = d.job
        if d.sent or (job and job.status in ("antri", "proses") and not job.orphan):
            continue
        names.append(d.name)
    return names


class SendAllDialog(FormDialog[list[FaxJob]]):
    """Kirim pada, batas kirim → model.fax.schedule.send_all."""

    TITLE_TEXT = "Kirim ke semua tujuan"
    SAVE_BUTTON = "Kirim"
    FIELDS = {"send_at": "send-at", "kill_at": "kill-at"}

    def __init__(self, row: TransmitRow) -> None:
        super().__init__()
        self.row = row

    def compose_form(self) -> ComposeResult:
        names = pending(self.row)
        shown = ", ".join(names[:4]) + (f", dan {len(names) - 4} lainnya" if len(names) > 4 else "")
        yield Static(
            f"{self.row.agenda or '-'} · {len(names)} tujuan: {shown or '-'}", id="send-dests"
        )
        kill = schedule.default_timing(self.app.session.config.fax.kill_after_hours).kill_at
        self.default_kill = kill.strftime(DATETIME_FORMAT) if kill else ""
        yield from self.field("send-at", "Kirim pada", placeholder="kosong = sekarang; 14:30")
        yield from self.field(
            "kill-at", "Batas kirim", self.default_kill, placeholder="kosong = tanpa batas"
        )
        yield Static(
            "Waktu: jj:mm (hari ini) atau hh-bb-tttt jj:mm. Yang belum terkirim sampai batas "
            "kembali ke operator.",
            classes="note",
        )

    def on_mount(self) -> None:
        self.query_one("#send-at").focus()

    def save(self) -> list[FaxJob]:
        found, times = Problems(), {}
        for field, widget, what in (
            ("send_at", "send-at", "Waktu kirim"),
            ("kill_at", "kill-at", "Batas kirim"),
        ):
            try:
                times[field] = read_moment(self.value(widget), what)
            except ValueError as exc:
                found.add(field, str(exc))
        found.check()
        cfg = self.app.session.config.fax
        timing = schedule.Timing(times["send_at"], times["kill_at"])
        if self.value("kill-at").strip() == self.default_kill:  # the default moves with the send
            timing = schedule.default_timing(cfg.kill_after_hours, times["send_at"])
        jobs = schedule.send_all(
            self.app.session.user,
            self.row.id,
            timing,
            pages=self.row.pages,
            max_tries=cfg.max_tries,
            dial_prefix=cfg.dial_prefix,
        )
        words = timing.words()
        self.app.notify(
            f"{len(jobs)} tujuan masuk antrean modem" + (f" ({words})." if words else ".")
        )
        return jobs
