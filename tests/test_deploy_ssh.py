"""Staff over a real OpenSSH server get Warkat and nothing else, with the service user's rights.

The fixture installs Warkat into a scratch root (scripts/install.sh --root), makes that copy
runnable, starts `sshd -D` on loopback with deploy/sshd-warkat.conf included and
deploy/sudoers-warkat in /etc/sudoers.d (paths moved to the root), and creates an OS account
in warkat-staf with a key and a Warkat account of the same name. Terminals are tmux at 80x24.
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.deploy_helpers import (
    SERVICE,
    STAFF,
    as_user,
    gone,
    install,
    need_root_and,
    relocate,
    runnable,
    scratch_root,
    set_login,
    system_users,
)
from tests.dovecot import free_port

# These change this machine (accounts, /etc, a print scheduler): one pytest-xdist worker
# runs them all, one after another.
pytestmark = pytest.mark.xdist_group("system")

SSHD = "/usr/sbin/sshd"
PASSWORD = "sandi-staf-1"


@dataclass
class Server:
    root: Path
    dir: Path
    port: int
    user: str
    key: Path

    def ssh(self, *args: str) -> list[str]:
        """ssh to the test account; options in `args` come first, so they win."""
        return [
            "ssh",
            *args,
            "-p",
            str(self.port),
            "-i",
            str(self.key),
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=ERROR",
            f"{self.user}@127.0.0.1",
        ]

    def kiosk_pids(self) -> list[str]:

        done = subprocess.run(
            ["pgrep", "-u", SERVICE, "-f", f"{self.root}/opt/warkat/venv/bin/warkat kiosk"],
            capture_output=True,
            text=True,
        )
        return done.stdout.split()


def _start_sshd(d: Path, port: int, root: Path, user: str) -> subprocess.Popen:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(d / "host_key")], check=True
    )
    snippet = root / "etc/ssh/sshd_config.d/warkat.conf"  # as installed
    (d / "warkat.conf").write_text(relocate(snippet.read_text(), root))
    # Like Debian's sshd_config: the snippet is included first, then the global settings.
    (d / "sshd_config").write_text(
        f"Include {d}/warkat.conf\n"
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nPidFile {d}/sshd.pid\n"
        f"AllowUsers {user}\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        "UsePAM no\nPermitRootLogin no\nX11Forwarding yes\nAllowTcpForwarding yes\n"
        "Subsystem sftp /usr/lib/openssh/sftp-server\n"
    )
    Path("/run/sshd").mkdir(exist_ok=True)
    proc = subprocess.Popen(
        [SSHD, "-D", "-e", "-f", str(d / "sshd_config"), "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=open(d / "sshd.log", "wb"),
    )  # noqa: SIM115
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if s.recv(8).startswith(b"SSH-"):
                    return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError(f"sshd did not start: {(d / 'sshd.log').read_text()}")


@pytest.fixture(scope="module")
def server():
    need_root_and(SSHD, "ssh", "sftp", "sudo", "tmux", "runuser", "visudo")
    user = f"wkuser{os.getpid()}"
    sudoers = Path(f"/etc/sudoers.d/warkat-test-{os.getpid()}")
    with system_users():
        root = scratch_root()
        d = Path(tempfile.mkdtemp(prefix="warkat-sshd-"))
        proc = None
        try:
            install(root)
            wrapper = runnable(root)
            rules = d / "sudoers"
            rules.write_text(relocate((root / "etc/sudoers.d/warkat").read_text(), root))
            subprocess.run(["visudo", "-q", "-c", "-f", str(rules)], check=True)
            shutil.copy(rules, sudoers)
            sudoers.chmod(0o440)
            subprocess.run(["useradd", "-m", "-s", "/bin/sh", "-G", STAFF, user], check=True)
            subprocess.run(["usermod", "-p", "*", user], check=True)  # no password, not locked
            key = d / "id_ed25519"
            subprocess.run(
                ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True
            )
            ssh_dir = Path(f"/home/{user}/.ssh")
            ssh_dir.mkdir(mode=0o700)
            (ssh_dir / "authorized_keys").write_text(Path(f"{key}.pub").read_text())
            shutil.chown(ssh_dir, user, user)
            shutil.chown(ssh_dir / "authorized_keys", user, user)
            added = subprocess.run(
                [
                    str(wrapper),
                    "user",
                    "add",
                    user,
                    "--name",
                    "Sari Staf",
                    "--role",
                    "pemakai",
                    "--password",
                    PASSWORD,
                ],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert added.returncode == 0, added.stderr
            port = free_port()
            proc = _start_sshd(d, port, root, user)
            yield Server(root, d, port, user, key)
        finally:
            if proc:
                proc.terminate()
                proc.wait(timeout=10)
            sudoers.unlink(missing_ok=True)
            subprocess.run(["pkill", "-KILL", "-u", SERVICE, "-f", f"{root}/"], check=False)
            gone(user)
            subprocess.run(["userdel", "-r", user], check=False, capture_output=True)
            shutil.rmtree(root, ignore_errors=True)
            shutil.rmtree(d, ignore_errors=True)


_SOCKETS = itertools.count()


class Terminal:
    """One tmux session at 80x24 on a private socket; the pane stays after its command ends."""

    def __init__(self, d: Path, command: list[str]):
        number = next(_SOCKETS)
        self.sock = str(d / f"tmux-{number}.sock")
        self.status = d / f"status-{number}"
        conf = d / "tmux.conf"
        conf.write_text("set -g remain-on-exit on\n")
        self.tmux(
            "-f",
            str(conf),
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            "-s",
            "t",
            f"{' '.join(command)}; echo $? > {self.status}",
        )

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-S", self.sock, *args], check=True, capture_output=True, text=True
        ).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in (shown := self.screen()):
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} not on screen:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def wait_dead(self, timeout: float = 15) -> str:
        """The exit status of the command, once it has ended (the shell writes it to a file:
        what a killed program leaves on the screen cannot be relied on)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.status.exists() and (found := self.status.read_text().strip()):
                return found
            time.sleep(0.2)
        ps = subprocess.run(["ps", "-ef", "--forest"], capture_output=True, text=True).stdout
        raise AssertionError(f"still running:\n{self.history()}\n{ps[-2500:]}")

    def history(self) -> str:
        return self.tmux("capture-pane", "-p", "-S", "-", "-t", "t")

    def kill(self) -> None:
        subprocess.run(["tmux", "-S", self.sock, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(server):
    opened = []

    def open_(command: list[str]) -> Terminal:
        opened.append(Terminal(server.dir, command))
        return opened[-1]

    yield open_
    for t in opened:
        t.kill()


def wait_gone(server: Server, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while server.kiosk_pids() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not server.kiosk_pids(), "warkat kiosk still running"


def test_ask_mode_opens_the_login_screen_and_quitting_ends_the_connection(server, terminal):
    set_login(server.root, "ask")
    term = terminal(server.ssh("-tt"))
    shown = term.wait_for("Nama pengguna")
    assert "WARKAT" in shown and "Kata sandi" in shown
    term.keys("-l", server.user)
    term.keys("Enter")
    time.sleep(0.5)  # the password field takes focus after Enter is handled
    term.keys("-l", PASSWORD)
    term.keys("Enter")
    term.wait_for("Pekerjaan saya")
    term.keys("C-q")
    assert term.wait_dead() == "0"  # Warkat ended, and with it the SSH session
    wait_gone(server)


def test_ssh_mode_opens_home_as_the_service_user_and_a_drop_ends_it(server, terminal):
    set_login(server.root, "ssh")
    term = terminal(server.ssh("-tt"))
    term.wait_for("Pekerjaan saya")
    pids = server.kiosk_pids()
    assert len(pids) == 1
    owner = subprocess.run(["ps", "-o", "user=", "-p", pids[0]], capture_output=True, text=True)
    assert owner.stdout.strip() == SERVICE
    term.kill()  # the client dies: sshd hangs up the session
    wait_gone(server)
    con = sqlite3.connect(server.root / "var/lib/warkat/warkat.db")
    try:
        logins = con.execute("SELECT actor, detail FROM audit_entry WHERE action = 'login'")
        assert any(actor == server.user and '"via": "ssh"' in detail for actor, detail in logins)
    finally:
        con.close()


def test_commands_and_a_missing_terminal_are_refused(server):
    ls = subprocess.run(server.ssh() + ["ls", "/"], capture_output=True, text=True, timeout=30)
    assert ls.returncode == 1
    assert "hanya untuk aplikasi Warkat" in ls.stderr and "bin" not in ls.stdout
    no_tty = subprocess.run(
        server.ssh("-T"), capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL
    )
    assert no_tty.returncode == 1 and "memerlukan terminal" in no_tty.stderr


def test_sftp_fails(server):
    sftp = subprocess.run(
        [
            "sftp",
            "-P",
            str(server.port),
            "-i",
            str(server.key),
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-b",
            "-",
            f"{server.user}@127.0.0.1",
        ],
        input="ls\n",
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert sftp.returncode != 0


def test_port_forwarding_is_refused(server):
    local = free_port()
    forward = subprocess.Popen(
        server.ssh("-o", "LogLevel=INFO", "-N", "-L", f"{local}:127.0.0.1:{server.port}"),
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                conn = socket.create_connection(("127.0.0.1", local), timeout=5)
                break
            except OSError:
                assert time.monotonic() < deadline, "ssh -L never listened"
                time.sleep(0.1)
        with conn:
            assert conn.recv(64) == b""  # sshd's own banner would come through a forward
    finally:
        forward.terminate()
        try:
            _, err = forward.communicate(timeout=10)
        except subprocess.TimeoutExpired:  # a loaded machine: ssh may sit in its exit handshake
            forward.kill()
            _, err = forward.communicate()
    assert "administratively prohibited" in err
    remote = subprocess.run(
        server.ssh("-N", "-o", "ExitOnForwardFailure=yes", "-R", f"{free_port()}:127.0.0.1:22"),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert remote.returncode != 0 and "forwarding failed" in remote.stderr


def test_a_staff_account_cannot_read_the_data(server):
    for path in ("var/lib/warkat/warkat.db", "etc/warkat/warkat.toml"):
        cat = as_user(server.user, f"cat {server.root}/{path}")
        assert cat.returncode != 0 and "Permission denied" in cat.stderr, path


def test_hangup_ends_the_kiosk_without_a_traceback(server, terminal):
    """SIGHUP straight to the kiosk, its terminal kept: anything it prints stays on the pane."""
    set_login(server.root, "ssh")
    kiosk = f"sudo -n -u {SERVICE} {server.root}/usr/local/bin/warkat kiosk"
    term = terminal(["su", "-s", "/bin/sh", server.user, "-c", f"'{kiosk}'"])
    term.wait_for("Pekerjaan saya")
    pids = server.kiosk_pids()
    assert len(pids) == 1
    os.kill(int(pids[0]), signal.SIGHUP)
    wait_gone(server)
    assert term.wait_dead() == "0"
    history = term.history()
    assert "Traceback" not in history and "Error" not in history, history
