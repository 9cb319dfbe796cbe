"""IMAP sync and intake speed against a local Dovecot, with baselines measured in the same run.

    .venv/bin/python benchmarks/bench_imap.py [--messages 10000]

Measures: the initial `mail.imap.sync` of N messages (messages/s), an incremental sync with
nothing new (ms, connect+login+select+logout, and select only inside an open session),
a plain imaplib UID FETCH of the same messages, reading the same messages from the maildir
on disk, and `parse_message` over all of them; then the whole intake (`intake_rows`: fetch,
parse and store through the model into a fresh home) against mbsync pulling the same
mailbox into a local maildir and against the fetch alone, 3 rounds interleaved, median.
Prints a Markdown table. The mbsync row needs mbsync (Debian package `isync`); without it
the row says so and is skipped.
"""

from __future__ import annotations

import argparse
import imaplib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mail.imap import ImapConfig, ImapInbox, SyncState, sync  # noqa: E402
from mail.parse import parse_message  # noqa: E402
from model import home as home_mod  # noqa: E402
from spool.mail import sync_once  # noqa: E402
from tests.dovecot import DovecotServer  # noqa: E402
from tests.hostile_mail import plain, rfc2231  # noqa: E402
from tests.mail_helpers import use_imap  # noqa: E402

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


MBSYNC = """\
IMAPAccount bench
Host {host}
Port {port}
User {user}
Pass "{password}"
SSLType None
AuthMechs LOGIN

IMAPStore bench-far
Account bench

MaildirStore bench-near
Path {dir}/mail/
Inbox {dir}/mail/INBOX

Channel bench
Far :bench-far:
Near :bench-near:
Patterns *
Create Near
Sync Pull
SyncState *
"""


def warkat_intake(server: DovecotServer, folder: str, n: int) -> float:
    """Seconds for `warkat mail sync` into a fresh home: connect, fetch, parse, store."""
    with tempfile.TemporaryDirectory(prefix="warkat-intake-") as tmp:
        cfg = use_imap(home_mod.create(Path(tmp) / "home"), server, folder)
        tally, t = timed(lambda: sync_once(cfg))
        assert tally.imported == n, tally.line()
        return t


def mbsync_pull(server: DovecotServer, n: int) -> float:
    """Seconds for `mbsync -a` pulling the mailbox into a fresh local maildir."""
    with tempfile.TemporaryDirectory(prefix="warkat-mbsync-") as tmp:
        conf = Path(tmp) / "mbsyncrc"
        conf.write_text(
            MBSYNC.format(
                host=server.host,
                port=server.port,
                user=server.user,
                password=server.password,
                dir=tmp,
            )
        )
        (Path(tmp) / "mail").mkdir()
        run, t = timed(
            lambda: subprocess.run(
                ["mbsync", "-q", "-c", str(conf), "-a"], capture_output=True, text=True
            )
        )
        assert run.returncode == 0, f"mbsync failed: {run.stderr.strip()}"
        got = sum(len(list(Path(tmp, "mail").glob(f"**/{sub}/*"))) for sub in ("cur", "new"))
        assert got == n, f"mbsync stored {got} of {n}"
        return t


def fetch_alone(server: DovecotServer, folder: str, n: int) -> float:
    cfg = ImapConfig(
        server.host, server.port, server.user, server.password, security="plain", folder=folder
    )
    (fetched, _), t = timed(lambda: sync(cfg, SyncState()))
    assert len(fetched) == n
    return t


def intake_rows(messages: int = 10_000, rounds: int = 3) -> list[tuple[str, str, str]]:
    """The intake rows (figure, measured, baseline): Warkat's whole intake of `messages`
    against mbsync on the same mailbox, and Warkat's fetch alone; median of `rounds`."""
    folder = "Intake"
    have_mbsync = shutil.which("mbsync") is not None
    if not have_mbsync:
        print("mbsync not found (Debian: apt-get install isync): mbsync row skipped")
    laps: dict[str, list[float]] = {"intake": [], "mbsync": [], "fetch": []}
    with DovecotServer() as server:
        server.deliver([message(i) for i in range(messages)], folder=folder)
        for _ in range(rounds):
            laps["intake"].append(warkat_intake(server, folder, messages))
            if have_mbsync:
                laps["mbsync"].append(mbsync_pull(server, messages))
            laps["fetch"].append(fetch_alone(server, folder, messages))

    def rate(name: str) -> str:
        if not laps[name]:
            return "not measured (mbsync missing)"
        t = statistics.median(laps[name])
        return f"{messages / t:,.0f} msg/s ({t:.1f} s)"

    figure = f"IMAP intake of {messages:,} msgs: fetch + parse + store (median of {rounds})"
    return [
        (f"**{figure}**", f"**{rate('intake')}**", f"mbsync → local maildir: {rate('mbsync')}"),
        ("IMAP fetch alone, mail.imap.sync (same mailbox)", rate("fetch"), "-"),
    ]


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
    for figure, measured, baseline in intake_rows(n):
        rows.append((figure, f"{measured}; baseline {baseline}" if baseline != "-" else measured))
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
