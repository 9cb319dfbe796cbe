"""IMAP sync speed against a local Dovecot, with baselines measured in the same run.

    .venv/bin/python benchmarks/bench_imap.py [--messages 10000]

Measures: the initial `mail.imap.sync` of N messages (messages/s), an incremental sync with
nothing new (ms, connect+login+select+logout, and select only inside an open session),
a plain imaplib UID FETCH of the same messages, reading the same messages from the maildir
on disk, and `parse_message` over all of them. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import imaplib
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mail.imap import ImapConfig, ImapInbox, SyncState, sync  # noqa: E402
from mail.parse import parse_message  # noqa: E402
from tests.dovecot import DovecotServer  # noqa: E402
from tests.hostile_mail import plain, rfc2231  # noqa: E402

PARAGRAPH = (
    "Menindaklanjuti surat Saudara tentang koordinasi persandian dan keamanan "
    "informasi di lingkungan Pemerintah Kabupaten Trenggalek, bersama ini kami "
    "sampaikan hal-hal sebagai berikut.\r\n"
)


def message(i: int) -> bytes:
    """~3 KB of ordinary mail; every 20th has a small PDF attachment."""
    raw = rfc2231(i) if i % 20 == 0 else plain(i)
    return raw.replace(b"\r\n\r\n", b"\r\n\r\n" + PARAGRAPH.encode() * 12, 1)


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def imaplib_fetch(server: DovecotServer, folder: str, batch: int = 200) -> int:
    conn = imaplib.IMAP4(server.host, server.port)
    conn.login(server.user, server.password)
    conn.select(folder, readonly=True)
    _, data = conn.uid("SEARCH", "ALL")
    uids = data[0].split()
    count = 0
    for start in range(0, len(uids), batch):
        chunk = b",".join(uids[start : start + batch]).decode()
        _, data = conn.uid("FETCH", chunk, "(BODY.PEEK[])")
        count += sum(1 for part in data if isinstance(part, tuple))
    conn.logout()
    return count


def read_maildir(path: Path) -> int:
    count = 0
    for sub in ("new", "cur"):
        for entry in os.scandir(path / sub):
            with open(entry.path, "rb") as fh:
                fh.read()
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    n = args.messages
    folder = "Bench"
    messages = [message(i) for i in range(n)]
    megabytes = sum(map(len, messages)) / 1e6
    rows: list[tuple[str, str]] = []
    with DovecotServer() as server:
        _, t = timed(lambda: server.deliver(messages, folder=folder))
        rows.append((f"deliver {n} messages (IMAP MULTIAPPEND, setup)", f"{t:.1f} s"))
        cfg = ImapConfig(
            server.host, server.port, server.user, server.password, security="plain", folder=folder
        )
        (fetched, state), t = timed(lambda: sync(cfg, SyncState()))
        assert len(fetched) == n
        rows.append(
            (
                f"**initial sync, mail.imap.sync** ({n} msgs, {megabytes:.0f} MB)",
                f"**{n / t:,.0f} msg/s** ({t:.2f} s, {megabytes / t:.0f} MB/s)",
            )
        )
        count, t = timed(lambda: imaplib_fetch(server, folder))
        assert count == n
        rows.append(
            (
                "baseline: plain imaplib UID FETCH BODY.PEEK[], 200/batch",
                f"{n / t:,.0f} msg/s ({t:.2f} s)",
            )
        )
        count, t = timed(lambda: read_maildir(server.maildir / f".{folder}"))
        assert count == n
        rows.append(
            (
                "baseline: read the same files from the maildir on disk",
                f"{n / t:,.0f} msg/s ({t:.2f} s)",
            )
        )
        laps = [timed(lambda: sync(cfg, state))[1] for _ in range(20)]
        rows.append(
            (
                "**incremental sync, nothing new** (connect, login, select, logout)",
                f"**{statistics.median(laps) * 1000:.1f} ms** median of 20",
            )
        )
        with ImapInbox(cfg) as inbox:
            laps = [timed(lambda: list(inbox.fetch_new(state)))[1] for _ in range(20)]
        rows.append(
            (
                "incremental, nothing new, inside an open session (select only)",
                f"{statistics.median(laps) * 1000:.1f} ms median of 20",
            )
        )
    _, t = timed(lambda: [parse_message(f.raw) for f in fetched])
    rows.append(("parse_message over the same messages", f"{n / t:,.0f} msg/s ({t:.2f} s)"))
    print(
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, Dovecot on 127.0.0.1 (plain), {n} messages "
        f"of ~{megabytes * 1000 / n:.1f} KB.\n"
    )
    print("| measurement | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
