"""Taking agenda and ekspedisi numbers from several processes at once (SQLite or PostgreSQL)."""

import multiprocessing

from model.books import ekspedisi
from model.books.agenda import OUTGOING, register
from model.db import open_database, write
from tests.conftest import user


def agenda_seq(actor) -> int:
    """One number of the buku agenda berita keluar."""
    with write():
        return register(OUTGOING, actor, klasifikasi="000", unit_code="X", perihal="", party="").seq


def ekspedisi_seq(actor) -> int:
    """One line of the buku ekspedisi."""
    return ekspedisi.add(actor, to="Bappeda", perihal="Undangan").seq


def _worker(path, user_id, count, take, queue):
    open_database(path)
    from model.org import User

    actor = User.get_by_id(user_id)
    got = []
    for _ in range(count):
        try:
            got.append(take(actor))
        except Exception as exc:  # reported to the test, which names it
            got.append(f"{type(exc).__name__}: {exc}")
    queue.put(got)


def register_from_processes(
    db_url: str, each: int, processes: int = 8, take=agenda_seq
) -> list[int]:
    """Numbers taken by `processes` separate processes taking `each` (with `take`) at once."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(db_url, user("admin").id, each, take, queue))
        for _ in range(processes)
    ]
    for p in procs:
        p.start()
    got = [n for _ in procs for n in queue.get(timeout=120)]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    failed = [n for n in got if isinstance(n, str)]
    assert not failed, f"{len(failed)} of {len(got)} failed, first: {failed[0]}"
    return got
