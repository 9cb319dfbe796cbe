"""Building fax requests and walking them to a step, as the real roles would."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from datetime import date

from model.base import now
from model.books.agenda import DEFAULT_PATTERN
from model.fax import flow as fax_flow
from model.fax import jobs as fax_jobs
from model.fax.records import request_of
from tests.conftest import user


def draft(**kw) -> fax_flow.FaxDraft:
    values = dict(
        perihal="Undangan rapat koordinasi",
        nota_number="ND/015/KIP/2026",
        nota_date=date(2026, 11, 25),
        isi_berita="Dengan hormat,\nKami mengundang.",
        destinations=[("Diskominfo Jatim", "031-8294608")],
        klasifikasi="000.1.1",
    )
    values.update(kw)
    return fax_flow.FaxDraft(**values)


def at_step(step: int, **kw) -> int:
    """A request created by `pemakai` and moved to `step` (1–7); returns the item id."""
    item = fax_flow.save_draft(user("pemakai"), draft(**kw))
    if step >= 2:
        fax_flow.submit(user("pemakai"), item.id)
    if step >= 3:
        fax_flow.dispose(user("kasi"), item.id, ["Agendakan dan kirim melalui faksimili"])
    if step >= 4:
        fax_flow.register(user("admin"), item.id, DEFAULT_PATTERN, "406.020")
    if step >= 5:
        fax_flow.handover(user("admin"), item.id)
    if step >= 6:
        sent_by_hand(item.id)
        fax_jobs.mark_sent(user("operator"), item.id)
    if step >= 7:
        fax_jobs.hand_back(user("operator"), item.id)
    return item.id


def sent_by_hand(item_id: int) -> None:
    """The operator records every destination of the request as sent now, by hand."""
    for dest in request_of(item_id).destinations:
        fax_jobs.record_manual(
            user("operator"), item_id, dest.id, at=now(), remote_id=dest.number, pages=1, ok=True
        )


def live_daemon(name: str = "spool:kantor:1:20261125090000") -> str:
    """A daemon instance that is alive (this process beats for it); jobs it holds stay held."""
    from model import base, heartbeat

    heartbeat.beat(name, base.now())
    return name


def daemon_process(home):
    """The home's daemon, started in another process."""
    return subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "--home", str(home.home), "daemon"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def point_daemon_at(home, devices, **fax):
    """Point the home's daemon at `devices`; locks in the home, a quick retry of a lost modem."""
    path = home.home / "warkat.toml"
    settings = dict(devices=devices, lock_dir=str(home.home), unavailable_wait_seconds=1, **fax)
    text = re.sub(
        r"^(devices|lock_dir|unavailable_wait_seconds) = .*\n", "", path.read_text(), flags=re.M
    )
    lines = "".join(f"{k} = {json.dumps(v)}\n" for k, v in settings.items())
    path.write_text(text.replace("[fax]\n", f"[fax]\n{lines}", 1))


def wait_for(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False
