"""Entry point of `warkat daemon`: logging, the workers the configuration asks for, the loop."""

from __future__ import annotations

import contextlib
import logging
import threading

from model import outbox
from model.config import Config
from model.db import write
from model.errors import WarkatError
from model.fax.spool import recover_orphans
from model.org import email_of_role
from model.roles import KASI
from model.workflow import deadlines
from spool.daemon import Daemon
from spool.fax import FaxWorker
from spool.mail import intake_worker, outbox_worker

ORPHAN_SECONDS = 15.0
NOTICE_SECONDS = 30.0


def fax_devices(config: Config) -> list[str]:
    """Serial devices to drive; "manual" means a standalone machine (no worker)."""
    return [d for d in config.fax.all_devices if d and d != "manual"]


def run_daemon(config: Config) -> int:
    logging.basicConfig(
        filename=str(config.home / "daemon.log"),
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    with contextlib.ExitStack() as stack:
        daemon = Daemon()
        daemon.tasks["faks-pemulihan"] = orphan_watch
        daemon.tasks["mutu-baku"] = deadline_watch(config)
        for label in fax_devices(config):
            device, fax_class = modem_device(config, label, stack, daemon.note)
            if device is None:
                continue
            worker = FaxWorker(
                config, device, label, owner=daemon.instance, note=daemon.note, fax_class=fax_class
            )
            daemon.tasks[worker.name] = worker.run
        daemon.tasks["email-masuk"] = intake_worker(config)
        daemon.tasks["email-keluar"] = outbox_worker(config, daemon.instance)
        return daemon.run()


def modem_device(config: Config, label: str, stack, note) -> tuple[str | None, str | None]:
    """The device and fax class for `label`: a serial port as configured, or a simulated
    modem started for the daemon's life ("simulator": Class 2.0; "simulator-class1": SpanDSP's
    Class 1 modem with a fax machine behind it). None when that simulator cannot run here."""
    out = config.home / "faks-diterima"
    if label == "simulator":
        from hw.modemsim import simulated_modem

        speedup = config.fax.simulator_speedup
        return stack.enter_context(simulated_modem("ok", out_dir=out, speedup=speedup)).path, None
    if label == "simulator-class1":
        from hw.modemsim.farend import FarEnd, FarEndUnavailable

        try:
            return stack.enter_context(FarEnd(out, calls=0, log=False)).device, "1"
        except FarEndUnavailable as exc:
            logging.getLogger("warkat.spool.fax").warning("%s", exc)
            note(f"modem:{label}", str(exc))
            return None, None
    return label, None


def orphan_watch(stop: threading.Event) -> None:
    """Fax jobs of daemons that died (here or on another host) go to the operator."""
    while not stop.is_set():
        for job_id in recover_orphans():
            logging.getLogger("warkat.spool.fax").warning(
                "pekerjaan faks #%s terputus; diperiksa operator", job_id
            )
        stop.wait(ORPHAN_SECONDS)


def deadline_watch(config: Config):
    """Mutu baku notices as deadlines pass; with `[calendar] notify_email`, each overdue item
    is mailed to the Kasi through the outbox too."""

    def run(stop: threading.Event) -> None:
        while not stop.is_set():
            for notice in deadlines.scan():
                if notice.threshold == deadlines.DUE and config.calendar.notify_email:
                    mail_notice(config, notice)
            stop.wait(NOTICE_SECONDS)

    return run


def mail_notice(config: Config, notice) -> None:
    to = config.office.kasi_email or email_of_role(KASI)
    if not to:
        logging.getLogger("warkat.spool").warning("mutu baku: alamat email Kasi belum ada")
        return
    try:
        with write():
            outbox.enqueue(
                None, notice.item, outbox.MailKind.NOTICE, to, note=deadlines.notice_mail(notice)
            )
    except WarkatError as exc:  # one notice of this item is still queued
        logging.getLogger("warkat.spool").info("mutu baku #%s: %s", notice.item_id, exc)
