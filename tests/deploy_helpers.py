"""The server install for tests: system users, a scratch-root install, a runnable copy of it.

`scripts/install.sh --root R` puts every file under R but writes the server's own paths into
them (/opt/warkat, /var/lib/warkat, /usr/local/bin/warkat). `runnable()` rewrites those paths
to R so that the copy under R runs for real. The service user and staff group have names of
this test run (install.sh: WARKAT_SERVICE_USER, WARKAT_STAFF_GROUP), so that tests never touch
the accounts of a real install on the same machine, nor those of another test run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.conftest import unavailable

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
SERVICE = f"wksvc{os.getpid()}"
STAFF = f"wkstaf{os.getpid()}"
NAMES = {"WARKAT_SERVICE_USER": SERVICE, "WARKAT_STAFF_GROUP": STAFF}
SERVER_PATHS = ("/opt/warkat", "/var/lib/warkat", "/etc/warkat", "/usr/local/bin/warkat")


def need_root_and(*tools: str) -> None:
    if os.geteuid() != 0:
        unavailable("needs root (users, sudoers, modes)")
    for tool in tools:
        if shutil.which(tool) is None and not Path(tool).exists():
            unavailable(f"{tool} not installed (scripts/debs.sh)")


@contextlib.contextmanager
def system_users():
    """This run's service user and group and staff group, made as install.sh makes them."""
    subprocess.run(["groupadd", "--system", SERVICE], check=True)
    subprocess.run(
        [
            "useradd",
            "--system",
            "--gid",
            SERVICE,
            "--home-dir",
            "/nonexistent",
            "--no-create-home",
            "--shell",
            "/usr/sbin/nologin",
            SERVICE,
        ],
        check=True,
    )
    subprocess.run(["groupadd", "--system", STAFF], check=True)
    try:
        yield
    finally:
        gone(SERVICE)
        for cmd, name in (("userdel", SERVICE), ("groupdel", SERVICE), ("groupdel", STAFF)):
            subprocess.run([cmd, name], check=False, capture_output=True)


def gone(user: str, timeout: float = 10) -> None:
    """Kill what still runs as `user` (the tests' own processes) and wait until none is left."""
    deadline = time.monotonic() + timeout
    while subprocess.run(["pgrep", "-u", user], capture_output=True).returncode == 0:
        assert time.monotonic() < deadline, f"processes of {user} do not end"
        subprocess.run(["pkill", "-KILL", "-u", user], check=False)
        time.sleep(0.1)


def scratch_root() -> Path:
    """An empty root the service user can traverse (pytest's tmp_path is private to root)."""
    root = Path(tempfile.mkdtemp(prefix="warkat-root-"))
    root.chmod(0o755)
    return root


def install(root: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        ["bash", str(REPO / "scripts" / "install.sh"), "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **NAMES},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def relocate(text: str, root: Path) -> str:
    """The server's paths in a deployed file, moved under `root`."""
    for path in SERVER_PATHS:
        text = text.replace(path, f"{root}{path}")
    return text


def runnable(root: Path) -> Path:
    """Make the wrapper under `root` run the venv, home and config under `root`."""
    wrapper = root / "usr/local/bin/warkat"
    text = relocate(wrapper.read_text(), root)
    home_line = next(line for line in text.splitlines() if "WARKAT_HOME=" in line)
    text = text.replace(
        home_line, f"{home_line}\nexport WARKAT_CONFIG={root}/etc/warkat/warkat.toml"
    )
    wrapper.write_text(text)
    return wrapper


def set_login(root: Path, mode: str) -> None:
    path = root / "etc/warkat/warkat.toml"
    lines = [
        f'login = "{mode}"' if line.startswith("login =") else line
        for line in path.read_text().splitlines()
    ]
    path.write_text("\n".join(lines) + "\n")


def as_user(user: str, command: str, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["su", "-s", "/bin/sh", user, "-c", command],
        capture_output=True,
        text=True,
        timeout=60,
        **kw,
    )
