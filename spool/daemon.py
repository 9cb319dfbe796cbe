"""`warkat daemon`: runs the workers, writes a heartbeat, stops cleanly on SIGTERM."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable

from model import heartbeat
from model.base import now
from model.config import Config
from model.db import DatabaseProblem

log = logging.getLogger("warkat.spool")

BEAT_SECONDS = 5.0


class Daemon:
    """A loop that beats, gives each task a turn, and sleeps until the next beat or a stop."""

    def __init__(self, config: Config, tasks: list[Callable[[threading.Event], None]] = ()):
        self.config = config
        self.tasks = list(tasks)
        self.stop = threading.Event()
        self.started_at = now()

    def run(self) -> int:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: self.stop.set())
        log.info("daemon mulai")
        while not self.stop.is_set():
            try:
                heartbeat.beat("spool", self.started_at)
                for task in self.tasks:
                    task(self.stop)
            except DatabaseProblem as exc:
                log.warning("%s", exc)
            self.stop.wait(BEAT_SECONDS)
        heartbeat.beat("spool", self.started_at, status="berhenti")
        log.info("daemon berhenti")
        return 0
