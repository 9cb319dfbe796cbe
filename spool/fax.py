"""Fax worker: one per modem; claims a job, renders, encodes, transmits, records the attempt."""

from __future__ import annotations

import contextlib
import fcntl
import io
import itertools
import logging
import re
import threading
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from model import heartbeat
from model.base import now
from model.config import Config
from model.fax.jobs import AttemptReport
from model.fax.message import message_of
from model.fax.records import FaxJob
from model.fax.spool import (
    RetryPolicy,
    claim_next,
    claim_same_number,
    finish,
    release,
    report_progress,
    start_sending,
)

log = logging.getLogger("warkat.spool.fax")
IDLE_SECONDS = 2.0


def modem_config(cfg: Config, device: str, fax_class: str | None = None):
    """The modem at `device` as configured; `fax_class` overrides [fax] class."""
    from hw.modem import ModemConfig

    fax = cfg.fax
    return ModemConfig(
        device=device,
        speed=fax.speed,
        fax_class=fax_class or fax.class_,
        flow=fax.flow,
        lsb_first=fax.lsb_first,
        local_id=fax.local_id,
        dial_mode=fax.dial_mode,
        lock_dir=fax.lock_dir,
    )


def retry_policy(cfg: Config) -> RetryPolicy:
    fax = cfg.fax
    return RetryPolicy(fax.wait_busy_minutes, fax.wait_no_answer_minutes, fax.wait_failure_minutes)


def render_job(cfg: Config, job: FaxJob) -> list:
    """The message of `job` as 1-bit fax pages: its destination's message page(s), then the
    attachment, each with the header line."""
    from hw.faxmessage import render_message
    from hw.faxpage import header_line

    msg = message_of(cfg, job.destination)
    return render_message(msg, header_line(cfg.fax.header, now(), msg.nomor), job.fine)


def thumbnail(page) -> bytes:
    small = page.convert("L").resize(
        (page.width // 6, page.height // (3 if page.height > 1500 else 6) // 2 * 2)
    )
    out = io.BytesIO()
    small.save(out, "PNG")
    return out.getvalue()


def send_test(
    cfg: Config, device: str, number: str, fine: bool, fax_class: str | None = None
) -> tuple[bool, str]:
    """`warkat fax send-test`: one test page straight through the modem, one result line."""
    from hw.faxcli import send_test as transmit
    from hw.modem import ModemError
    from model.errors import WarkatError
    from model.fax.number import parse

    dial = parse(number).dial_string(cfg.fax.dial_prefix)
    try:
        return transmit(device, dial, fine=fine, config=modem_config(cfg, device, fax_class))
    except ModemError as exc:
        raise WarkatError(exc.message) from exc


def modem_info(cfg: Config, device: str, fax_class: str | None = None) -> str:
    """`warkat fax modem-info`: what the modem says about itself."""
    from hw.faxcli import modem_info as ask
    from hw.modem import ModemError
    from model.errors import WarkatError

    try:
        return ask(device, modem_config(cfg, device, fax_class))
    except ModemError as exc:
        raise WarkatError(exc.message) from exc


class FaxWorker:
    """Sends the queued jobs through one modem, one at a time, until told to stop.

    Jobs are held under the daemon instance `owner`; `note` shows the modem's state in the
    daemon's heartbeat.
    """

    def __init__(
        self,
        cfg: Config,
        device: str,
        label: str | None = None,
        driver_factory=None,
        owner: str = "",
        fax_class: str | None = None,
        note=None,
    ):
        self.cfg, self.device, self.fax_class = cfg, device, fax_class
        self.name = f"modem:{label or device}"
        self.owner = owner or heartbeat.instance_name(now())
        self.note = note or (lambda name, text: None)
        self.driver_factory = driver_factory or self._driver
        self.unavailable = False  # the last try found the modem unusable (no call made)
        self.wait = timedelta(seconds=cfg.fax.unavailable_wait_seconds)

    def _driver(self):
        from hw.modem import driver_for

        return driver_for(modem_config(self.cfg, self.device, self.fax_class))

    def run(self, stop: threading.Event) -> None:
        with self._device_lock() as locked:
            if not locked:
                log.warning("%s dipakai daemon lain; pekerja ini tidak berjalan", self.device)
                return
            while not stop.is_set():
                job = claim_next(self.owner)
                if job is None:
                    stop.wait(IDLE_SECONDS)
                    continue
                self.send(job, stop)
                if self.unavailable:
                    stop.wait(self.wait.total_seconds())

    @contextlib.contextmanager
    def _device_lock(self):
        """One worker per modem in this home: an exclusive lock file, held while running."""
        path = Path(self.cfg.home) / f"{re.sub(r'[^A-Za-z0-9]+', '_', self.name)}.lock"
        with open(path, "w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True

    def send(self, job: FaxJob, stop: threading.Event) -> FaxJob:
        """Transmit the unsent pages of `job`, and of the other due jobs to the same number in
        the same call, and record what the line did for each; returns `job` as it ends."""
        from hw.faxpage import FaxPageError
        from hw.t4 import encode_page

        started, batch = now(), []
        for each in [job, *claim_same_number(self.owner, job)]:
            try:
                pages = render_job(self.cfg, each)
            except FaxPageError as exc:
                report = AttemptReport(started, now(), False, 0, each.pages_total, str(exc))
                finish(each.id, report, retry_policy(self.cfg))
                continue
            start_sending(each.id, len(pages), thumbnail(pages[0]))
            todo = [encode_page(p) for p in pages[each.pages_done :]]
            batch.append(Part(each.id, each.pages_done, len(pages), todo))
        if not batch:
            return FaxJob.get_by_id(job.id)
        result = self.driver_factory().send(
            job.dial,
            [page for part in batch for page in part.todo],
            self._progress(batch),
            abort_event=stop,
            fine=job.fine,
            first_page=batch[0].done + 1,
        )
        self.unavailable = not result.reached_line and not result.aborted
        if not result.reached_line:
            self.note(self.name, "" if result.aborted else result.message)
            reason = "Daemon dihentikan sebelum memanggil" if result.aborted else result.message
            log.warning("faks #%s tidak dikirim: %s", job.id, reason)
            for part in batch:
                release(part.job_id, reason, self.wait)
            return FaxJob.get_by_id(job.id)
        self.note(self.name, "")
        offset = 0
        for n, part in enumerate(batch):
            confirmed = result.page_results[offset : offset + len(part.todo)]
            offset += len(part.todo)
            sent = len(list(itertools.takewhile(bool, confirmed)))
            whole = sent == len(part.todo) and (result.ok or n < len(batch) - 1)
            done = finish(
                part.job_id,
                self._report(result, started, part, sent, whole),
                retry_policy(self.cfg),
            )
            log.info("faks #%s ke %s: %s", done.id, done.dial, done.result or done.progress)
        return FaxJob.get_by_id(job.id)

    @staticmethod
    def _report(result, started, part: Part, sent: int, ok: bool) -> AttemptReport:
        """What one call did for one job of it: `sent` of its pages confirmed."""
        resolution = {"fine": "Halus", "standard": "Standar"}.get(result.resolution, "")
        message = "Terkirim" if ok else result.message
        if result.aborted and not ok:
            message = (
                f"Daemon dihentikan saat mengirim "
                f"({part.done + sent}/{part.total} halaman terkonfirmasi)"
            )
        return AttemptReport(
            started_at=result.started or started,
            ended_at=result.ended or now(),
            ok=ok,
            pages_sent=sent,
            pages_total=part.total,
            message=message,
            remote_id=result.remote_id,
            params=f"{resolution} {result.bit_rate}".strip(),
            hangup_code=result.hangup_code or "",
            retry_kind=None if ok else result.retry_kind,
            aborted=result.aborted and not ok,
        )

    @staticmethod
    def _progress(batch: list[Part]):
        """The driver's events, each told to the job whose page it is about."""
        owners = [(part, n) for part in batch for n in range(1, len(part.todo) + 1)]

        def every(text: str, **kw) -> None:
            for part in batch:
                report_progress(part.job_id, text, **kw)

        def event(kind, *args):
            if kind == "dialing":
                every("Memanggil nomor tujuan…", dialling=True)
            elif kind == "connected":
                every(f"Tersambung ke {args[0] or 'mesin faks'}")
            elif kind in ("page", "page_result") and 0 < args[0] <= len(owners):
                part, n = owners[args[0] - 1]
                page = f"{part.done + n}/{part.total}"
                if kind == "page":
                    report_progress(part.job_id, f"Mengirim halaman {page}")
                else:
                    verdict = "diterima" if args[1] else "tidak terkonfirmasi"
                    report_progress(part.job_id, f"Halaman {page} {verdict}", confirmed=args[1])
            elif kind == "hangup":
                every("Menutup sambungan")

        return event


@dataclass
class Part:
    """One job's share of a call: its pages from `done` on, of `total`."""

    job_id: int
    done: int
    total: int
    todo: list[bytes]
