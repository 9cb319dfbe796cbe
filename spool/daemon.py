"""`warkat daemon`: runs each worker in its own thread, beats, stops cleanly on SIGTERM."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable

from model import heartbeat
from model.base import now
from model.db import DatabaseProblem

log = logging.getLogger("warkat.spool")

BEAT_SECONDS = 5.0
RESTART_SECONDS = 10.0

Task = Callable[[threading.Event], None]


class Daemon:
    """Workers loop in threads until `stop`; the main thread writes the heartbeat."""

    def __init__(self, tasks: dict[str, Task] | None = None):
        self.tasks = dict(tasks or {})
        self.stop = threading.Event()
        self.started_at = now()

    def _supervise(self, name: str, task: Task) -> None:
        while not self.stop.is_set():
            try:
                task(self.stop)
                return
            except Exception:  # a worker must never take the daemon down
                log.exception("pekerja %s gagal; dijalankan ulang", name)
                self.stop.wait(RESTART_SECONDS)

    def run(self) -> int:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: self.stop.set())
        threads = [threading.Thread(target=self._supervise, args=item, name=item[0])
                   for item in self.tasks.items()]
        for thread in threads:
            thread.start()
        log.info("daemon mulai: %s", ", ".join(self.tasks) or "tanpa pekerja")
        while not self.stop.is_set():
            self._beat("berjalan")
            self.stop.wait(BEAT_SECONDS)
        for thread in threads:
            thread.join(timeout=60)
        self._beat("berhenti")
        log.info("daemon berhenti")
        return 0

    def _beat(self, status: str) -> None:
        try:
            heartbeat.beat("spool", self.started_at, status=status)
        except DatabaseProblem as exc:
            log.warning("%s", exc)
