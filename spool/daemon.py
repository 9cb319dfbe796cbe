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
    """Workers loop in threads until `stop`; the main thread writes this instance's heartbeat.

    `instance` is the name jobs are held under; `note` lets a worker put a line (such as
    "Modem tidak tersedia: …") into the heartbeat the TUI shows, `note(name, "")` clears it.
    """

    def __init__(self, tasks: dict[str, Task] | None = None):
        self.tasks = dict(tasks or {})
        self.stop = threading.Event()
        self.started_at = now()
        self.instance = heartbeat.instance_name(self.started_at)
        self.notes: dict[str, str] = {}

    def note(self, name: str, text: str) -> None:
        if self.notes.get(name, "") != text:
            self.notes[name] = text
            self._beat("berjalan")

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
        self._beat("berjalan")  # before any worker holds a job under this instance
        threads = [
            threading.Thread(target=self._supervise, args=item, name=item[0])
            for item in self.tasks.items()
        ]
        for thread in threads:
            thread.start()
        log.info("daemon %s mulai: %s", self.instance, ", ".join(self.tasks) or "tanpa pekerja")
        while not self.stop.wait(BEAT_SECONDS):
            self._beat("berjalan")
        for thread in threads:
            thread.join(timeout=60)
        self._beat(heartbeat.STOPPED)
        log.info("daemon berhenti")
        return 0

    def _beat(self, status: str) -> None:
        lines = [t for t in self.notes.values() if t] if status != heartbeat.STOPPED else []
        try:
            heartbeat.beat(self.instance, self.started_at, status="; ".join([status, *lines]))
        except DatabaseProblem as exc:
            log.warning("%s", exc)
