"""Fax worker: one per modem; claims a job, renders, encodes, transmits, records the attempt."""

from __future__ import annotations

import contextlib
import fcntl
import io
import logging
import re
import threading
from datetime import timedelta
from pathlib import Path

from model import heartbeat
from model.base import now
from model.books.agenda import agenda_number
from model.config import Config
from model.fax.jobs import AttemptReport
from model.fax.records import FaxJob, request_of
from model.fax.spool import RetryPolicy, claim_next, finish, release, report_progress, start_sending

log = logging.getLogger("warkat.spool.fax")
IDLE_SECONDS = 2.0


def modem_config(cfg: Config, device: str):
    from hw.modem import ModemConfig

    fax = cfg.fax
    return ModemConfig(
        device=device,
        speed=fax.speed,
        fax_class=fax.class_,
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
    """The message of `job` as 1-bit fax pages (letterhead, header line, attachment pages)."""
    from hw.faxpage import FaxDocument, pdf_to_fax_pages, render_pages, text_pages

    req = request_of(job.item_id)
    body, extra = req.isi_berita, []
    if req.attachment:
        if req.attachment_name.lower().endswith(".pdf"):
            extra = pdf_to_fax_pages(bytes(req.attachment), job.fine)
        else:
            extra = text_pages(bytes(req.attachment).decode("utf-8", "replace"), fine=job.fine)
    doc = FaxDocument(
        header=cfg.fax.header,
        letterhead=list(cfg.office.letterhead),
        body=body,
        agenda_number=agenda_number(job.item),
        sent_at=now(),
        fine=job.fine,
    )
    return render_pages(doc, extra)


def thumbnail(page) -> bytes:
    small = page.convert("L").resize(
        (page.width // 6, page.height // (3 if page.height > 1500 else 6) // 2 * 2)
    )
    out = io.BytesIO()
    small.save(out, "PNG")
    return out.getvalue()


def send_test(cfg: Config, device: str, number: str, fine: bool) -> tuple[bool, str]:
    """`warkat fax send-test`: one test page straight through the modem, one result line."""
    from hw.faxcli import send_test as transmit
    from hw.modem import ModemError
    from model.errors import WarkatError
    from model.fax.number import parse

    dial = parse(number).dial_string(cfg.fax.dial_prefix)
    try:
        return transmit(device, dial, fine=fine, config=modem_config(cfg, device))
    except ModemError as exc:
        raise WarkatError(exc.message) from exc


def modem_info(cfg: Config, device: str) -> str:
    """`warkat fax modem-info`: what the modem says about itself."""
    from hw.faxcli import modem_info as ask
    from hw.modem import ModemError
    from model.errors import WarkatError

    try:
        return ask(device, modem_config(cfg, device))
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
        note=None,
    ):
        self.cfg, self.device = cfg, device
        self.name = f"modem:{label or device}"
        self.owner = owner or heartbeat.instance_name(now())
        self.note = note or (lambda name, text: None)
        self.driver_factory = driver_factory or self._class2
        self.unavailable = False  # the last try found the modem unusable (no call made)
        self.wait = timedelta(seconds=cfg.fax.unavailable_wait_seconds)

    def _class2(self):
        from hw.modem import Class2Driver

        return Class2Driver(modem_config(self.cfg, self.device))

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
        """Transmit the unsent pages of `job` and record what the line did."""
        from hw.faxpage import FaxPageError
        from hw.t4 import encode_page

        started = now()
        try:
            pages = render_job(self.cfg, job)
        except FaxPageError as exc:
            return finish(
                job.id,
                AttemptReport(started, now(), False, 0, job.pages_total, str(exc)),
                retry_policy(self.cfg),
            )
        start_sending(job.id, len(pages), thumbnail(pages[0]))
        done = job.pages_done
        todo = [encode_page(p) for p in pages[done:]]
        result = self.driver_factory().send(
            job.dial,
            todo,
            self._progress(job.id, done, len(pages)),
            abort_event=stop,
            fine=job.fine,
            first_page=done + 1,
        )
        self.unavailable = not result.reached_line and not result.aborted
        if not result.reached_line:
            self.note(self.name, "" if result.aborted else result.message)
            reason = "Daemon dihentikan sebelum memanggil" if result.aborted else result.message
            log.warning("faks #%s tidak dikirim: %s", job.id, reason)
            return release(job.id, reason, self.wait)
        self.note(self.name, "")
        job = finish(
            job.id, self._report(result, started, done, len(pages)), retry_policy(self.cfg)
        )
        log.info("faks #%s ke %s: %s", job.id, job.dial, job.result or job.progress)
        return job

    @staticmethod
    def _report(result, started, done: int, total: int) -> AttemptReport:
        resolution = {"fine": "Halus", "standard": "Standar"}.get(result.resolution, "")
        message = "Terkirim" if result.ok else result.message
        if result.aborted:
            message = (
                f"Daemon dihentikan saat mengirim "
                f"({done + result.pages_sent}/{total} halaman terkonfirmasi)"
            )
        return AttemptReport(
            started_at=result.started or started,
            ended_at=result.ended or now(),
            ok=result.ok,
            pages_sent=result.pages_sent,
            pages_total=total,
            message=message,
            remote_id=result.remote_id,
            params=f"{resolution} {result.bit_rate}".strip(),
            hangup_code=result.hangup_code or "",
            retry_kind=result.retry_kind,
            aborted=result.aborted,
        )

    def _progress(self, job_id: int, done: int, total: int):
        def event(kind, *args):
            if kind == "dialing":
                report_progress(job_id, "Memanggil nomor tujuan…", dialling=True)
            elif kind == "connected":
                report_progress(job_id, f"Tersambung ke {args[0] or 'mesin faks'}")
            elif kind == "page":
                report_progress(job_id, f"Mengirim halaman {done + args[0]}/{total}")
            elif kind == "page_result":
                verdict = "diterima" if args[1] else "tidak terkonfirmasi"
                report_progress(
                    job_id, f"Halaman {done + args[0]}/{total} {verdict}", confirmed=args[1]
                )
            elif kind == "hangup":
                report_progress(job_id, "Menutup sambungan")

        return event
