"""The daemon's heartbeat, which the TUI shows."""

from __future__ import annotations

import os
import socket
from datetime import datetime

import peewee

from model.base import BaseModel, now

STALE_SECONDS = 30


class Heartbeat(BaseModel):
    name = peewee.CharField(unique=True)
    pid = peewee.IntegerField()
    host = peewee.CharField()
    started_at = peewee.DateTimeField()
    beat_at = peewee.DateTimeField()
    status = peewee.CharField(default="")


def beat(name: str, started_at: datetime, status: str = "berjalan") -> None:
    """Record that daemon `name` is alive now (one short write)."""
    (Heartbeat.insert(name=name, pid=os.getpid(), host=socket.gethostname(),
                      started_at=started_at, beat_at=now(), status=status)
     .on_conflict(conflict_target=[Heartbeat.name],
                  update={Heartbeat.pid: os.getpid(), Heartbeat.beat_at: now(),
                          Heartbeat.status: status, Heartbeat.started_at: started_at})
     .execute())


def describe(name: str = "spool") -> tuple[bool, str]:
    """(alive, Indonesian one-liner) for the status bar."""
    row = Heartbeat.get_or_none(Heartbeat.name == name)
    if row is None:
        return False, "Daemon belum pernah berjalan"
    age = int((now() - row.beat_at).total_seconds())
    if row.status == "berhenti":
        return False, f"Daemon berhenti {row.beat_at:%d-%m %H:%M}"
    if age > STALE_SECONDS:
        return False, f"Daemon tidak merespons sejak {row.beat_at:%d-%m %H:%M}"
    return True, f"Daemon aktif ({row.status})"
