"""A private PostgreSQL server for tests: initdb in a temp dir, started on a loopback port."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.conftest import unavailable

BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def require_postgres() -> Path:
    """The server's bin directory; skip without it (fail when CI=true)."""
    reason = ""
    if not BIN:
        reason = "PostgreSQL server not installed (Debian: postgresql)"
    elif os.geteuid() != 0:
        reason = "the PostgreSQL test server is started as user postgres: run as root"
    else:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            reason = "no 'postgres' system user"
    if reason:
        unavailable(reason)
    return BIN[-1]


class PostgresServer:
    def __enter__(self) -> PostgresServer:
        bindir = require_postgres()
        self.dir = Path(tempfile.mkdtemp(prefix="warkat-pg-"))
        self.dir.chmod(0o755)
        shutil.chown(self.dir, "postgres", "postgres")
        self.port = _free_port()
        self.bindir = bindir
        self._as_postgres(
            "initdb", "-D", str(self.dir / "data"), "-U", "warkat", "--auth=trust", "-E", "UTF8"
        )
        self._as_postgres(
            "pg_ctl",
            "-D",
            str(self.dir / "data"),
            "-l",
            str(self.dir / "log"),
            "-w",
            "-o",
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )
        return self

    def _as_postgres(self, tool: str, *args: str) -> None:
        subprocess.run(
            [str(self.bindir / tool), *args],
            check=True,
            user="postgres",
            cwd=self.dir,
            capture_output=True,
            timeout=60,
        )

    def create_database(self, name: str) -> str:
        self._as_postgres("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "warkat", name)
        return f"postgresql://warkat@127.0.0.1:{self.port}/{name}"

    def __exit__(self, *exc) -> None:
        self._as_postgres("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "stop")
        time.sleep(0.2)
        shutil.rmtree(self.dir, ignore_errors=True)
