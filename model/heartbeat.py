"""Daemon instances: each beats its own row; jobs name the instance that holds them."""

from __future__ import annotations

import os
import socket
from datetime import datetime

import peewee

from model.base import BaseModel, now
from model.fields import Line

STALE_SECONDS = 30
PREFIX = "spool"
STOPPED = "berhenti"


class Heartbeat(BaseModel):
    name = Line(unique=True)  # "spool:<host>:<pid>:<started>", one per instance
    pid = peewee.IntegerField()
    host = Line()
    started_at = peewee.DateTimeField()
    beat_at = peewee.DateTimeField()
    status = Line(default="")


def instance_name(started_at: datetime) -> str:
    """The name a daemon started now in this process holds its jobs under."""
    return f"{PREFIX}:{socket.gethostname()}:{os.getpid()}:{started_at:%Y%m%d%H%M%S}"


def beat(name: str, started_at: datetime, status: str = "berjalan") -> None:
    """Record that daemon instance `name` is alive now (one short write)."""
    status = status[:250]
    (
        Heartbeat.insert(
            name=name,
            pid=os.getpid(),
            host=socket.gethostname(),
            started_at=started_at,
            beat_at=now(),
            status=status,
        )
        .on_conflict(
            conflict_target=[Heartbeat.name],
            update={Heartbeat.beat_at: now(), Heartbeat.status: status},
        )
        .execute()
    )


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    return True


def alive(name: str) -> bool:
    """Whether daemon instance `name` is running: its process exists (same host) and it beats."""
    row = Heartbeat.get_or_none(Heartbeat.name == name) if name else None
    if row is None or row.status == STOPPED:
        return False
    if row.host == socket.gethostname() and not _pid_alive(row.pid):
        return False
    return (now() - row.beat_at).total_seconds() <= STALE_SECONDS


def holder(name: str) -> str:
    """Who an instance name is, for people: "daemon pid 123 di host"."""
    parts = name.split(":")
    if len(parts) == 4 and parts[0] == PREFIX:
        return f"daemon pid {parts[2]} di {parts[1]}"
    return f"daemon {name}" if name else "daemon"


def describe() -> tuple[bool, str]:
    """(alive, Indonesian one-liner) for the status bar: the newest daemon instance."""
    row = (
        Heartbeat.select()
        .where(Heartbeat.name.startswith(PREFIX))
        .order_by(Heartbeat.beat_at.desc())
        .first()
    )
    if row is None:
        return False, "Daemon belum pernah berjalan"
    if row.status == STOPPED:
        return False, f"Daemon berhenti {row.beat_at:%d-%m %H:%M}"
    if not alive(row.name):
        return False, f"Daemon tidak merespons sejak {row.beat_at:%d-%m %H:%M}"
    return True, f"Daemon aktif ({row.status})"
