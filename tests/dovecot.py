"""A real Dovecot IMAP server on loopback for tests and benchmarks (Dovecot 2.3 syntax).

`DovecotServer` writes a config into a temp dir (passwd-file user, maildir owned by
65534:65534, self-signed cert), starts `dovecot -F -c FILE`, waits for the ports and stops
it again. `dovecot_server` is the pytest fixture: a test module imports
`dovecot_server_fixture` to get it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from imapclient import IMAPClient

from tests.conftest import unavailable

MAIL_UID = 65534  # nobody/nogroup: Dovecot refuses uid 0 as a mail user

CONFIG = """\
base_dir = {d}/run
state_dir = {d}/state
instance_name = warkat-test-{port}
log_path = {d}/dovecot.log
info_log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{d}/cert.pem
ssl_key = <{d}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
first_valid_uid = {uid}
last_valid_uid = {uid}
mail_location = maildir:{d}/home/%u/Maildir
mail_max_userip_connections = 200
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/passwd
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {d}/passwd
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {ssl_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, greeting: bool = True, timeout: float = 15.0) -> None:
    """Wait until the port accepts (and, with `greeting`, says "* OK")."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if not greeting or s.recv(64).startswith(b"* OK"):
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"dovecot did not answer on port {port}")


def make_cert(directory: Path) -> None:
    """Self-signed certificate valid for localhost and 127.0.0.1."""
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout",
            str(directory / "key.pem"),
            "-out",
            str(directory / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )


@dataclass
class DovecotServer:
    """A running Dovecot instance; use as a context manager."""

    user: str = "kominfo@trenggalekkab.go.id"
    password: str = "rahasia-uji"
    host: str = "127.0.0.1"
    port: int = 0
    ssl_port: int = 0
    directory: Path = field(default_factory=Path)
    proc: subprocess.Popen | None = None

    @property
    def cafile(self) -> str:
        return str(self.directory / "cert.pem")

    @property
    def config_file(self) -> str:
        return str(self.directory / "dovecot.conf")

    @property
    def maildir(self) -> Path:
        return self.directory / "home" / self.user / "Maildir"

    def __enter__(self) -> DovecotServer:
        self.directory = Path(tempfile.mkdtemp(prefix="warkat-dovecot-"))
        d = self.directory
        os.chmod(d, 0o755)
        for sub in ("run", "state"):
            (d / sub).mkdir()
        home = d / "home" / self.user
        home.mkdir(parents=True)
        for p in (d / "home", home):
            os.chown(p, MAIL_UID, MAIL_UID)
        make_cert(d)
        (d / "passwd").write_text(
            f"{self.user}:{{PLAIN}}{self.password}:{MAIL_UID}:{MAIL_UID}::{home}::\n"
        )
        self.port, self.ssl_port = free_port(), free_port()
        Path(self.config_file).write_text(
            CONFIG.format(d=d, port=self.port, ssl_port=self.ssl_port, uid=MAIL_UID)
        )
        self.proc = subprocess.Popen(
            ["dovecot", "-F", "-c", self.config_file],
            stdout=subprocess.DEVNULL,
            stderr=open(d / "stderr.log", "wb"),  # noqa: SIM115
        )
        try:
            wait_port(self.port)
            wait_port(self.ssl_port, greeting=False)
        except RuntimeError:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None
        shutil.rmtree(self.directory, ignore_errors=True)

    def client(self) -> IMAPClient:
        """A logged-in plain-text IMAPClient (loopback)."""
        c = IMAPClient(self.host, self.port, ssl=False, timeout=60)
        c.login(self.user, self.password)
        return c

    def deliver(self, messages: list[bytes], folder: str = "INBOX") -> None:
        """Put messages into `folder` (created if missing) with IMAP APPEND, in batches."""
        with self.client() as c:
            if not c.folder_exists(folder):
                c.create_folder(folder)
            batch: list[bytes] = []
            size = 0
            for raw in messages:
                batch.append(raw)
                size += len(raw)
                if len(batch) >= 200 or size > 8_000_000:
                    c.multiappend(folder, batch)
                    batch, size = [], 0
            if batch:
                c.multiappend(folder, batch)

    def doveadm(self, *args: str) -> str:
        """Run doveadm against this instance and return its output."""
        out = subprocess.run(
            ["doveadm", "-c", self.config_file, *args], check=True, capture_output=True, text=True
        )
        return out.stdout


def require_dovecot() -> None:
    """Skip when Dovecot can't run here (missing, or not root), but fail under CI=true."""
    if not (shutil.which("dovecot") and shutil.which("openssl")):
        reason = "dovecot/openssl not installed (Debian: dovecot-core dovecot-imapd openssl)"
    elif os.geteuid() != 0:
        reason = "dovecot tests need root (mail user 65534, privilege drop)"
    else:
        return
    unavailable(reason)


@pytest.fixture(scope="module", name="dovecot_server")
def dovecot_server_fixture():
    """A running DovecotServer (host, port, ssl_port, user, password, cafile, deliver())."""
    require_dovecot()
    with DovecotServer() as server:
        yield server
