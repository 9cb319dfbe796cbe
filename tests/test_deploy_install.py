"""scripts/install.sh into a scratch root, twice: every path's owner and mode, config and data
kept, the application upgraded in place and runnable as the service user."""

from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.deploy_helpers import (
    REPO,
    SERVICE,
    STAFF,
    install,
    need_root_and,
    runnable,
    scratch_root,
    system_users,
)

# These change this machine (accounts, /etc, a print scheduler): one pytest-xdist worker
# runs them all, one after another.
pytestmark = pytest.mark.xdist_group("system")

# Every path the install creates outside the venv: mode, owner, group.
EXPECTED = {
    "etc": (0o755, "root", "root"),
    "etc/warkat": (0o750, "root", SERVICE),
    "etc/warkat/warkat.toml": (0o640, "root", SERVICE),
    "etc/ssh": (0o755, "root", "root"),
    "etc/ssh/sshd_config.d": (0o755, "root", "root"),
    "etc/ssh/sshd_config.d/warkat.conf": (0o644, "root", "root"),
    "etc/sudoers.d": (0o755, "root", "root"),
    "etc/sudoers.d/warkat": (0o440, "root", "root"),
    "etc/systemd": (0o755, "root", "root"),
    "etc/systemd/system": (0o755, "root", "root"),
    "etc/systemd/system/warkat-daemon.service": (0o644, "root", "root"),
    "etc/systemd/system/warkat-backup.service": (0o644, "root", "root"),
    "etc/systemd/system/warkat-backup.timer": (0o644, "root", "root"),
    "opt": (0o755, "root", "root"),
    "opt/warkat": (0o755, "root", "root"),
    "opt/warkat/DEPLOY.md": (0o644, "root", "root"),
    "opt/warkat/venv": (0o755, "root", "root"),
    "usr": (0o755, "root", "root"),
    "usr/local": (0o755, "root", "root"),
    "usr/local/bin": (0o755, "root", "root"),
    "usr/local/bin/warkat": (0o755, "root", "root"),
    "var": (0o755, "root", "root"),
    "var/lib": (0o755, "root", "root"),
    "var/lib/warkat": (0o700, SERVICE, SERVICE),
}


def describe(path: Path) -> tuple[int, str, str]:
    st = path.lstat()
    return stat.S_IMODE(st.st_mode), path.owner(), path.group()


def check_tree(root: Path) -> None:
    found = {}
    for path in root.rglob("*"):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("opt/warkat/venv/"):
            mode, owner, _ = describe(path)
            assert owner == "root", rel
            assert path.is_symlink() or not mode & 0o022, (rel, oct(mode))
        elif rel.startswith("var/lib/warkat/"):
            mode, owner, group = describe(path)
            assert (owner, group) == (SERVICE, SERVICE) and not mode & 0o077, (rel, oct(mode))
        else:
            found[rel] = describe(path)
    assert found == EXPECTED
    assert (root / "var/lib/warkat/warkat.db").is_file()


@pytest.fixture(scope="module")
def root():
    need_root_and("runuser", "visudo")
    with system_users():
        root = scratch_root()
        first = install(root)
        yield root, first
        shutil.rmtree(root)


def warkat(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(root / "usr/local/bin/warkat"), *args], capture_output=True, text=True, timeout=60
    )


def test_first_install_creates_every_path_with_its_owner_and_mode(root):
    root, first = root
    check_tree(root)
    assert "menulis konfigurasi awal" in first.stdout
    deployed = (root / "usr/local/bin/warkat").read_text()
    assert "WARKAT_HOME:-/var/lib/warkat" in deployed and "/opt/warkat/venv/bin/warkat" in deployed
    config = (root / "etc/warkat/warkat.toml").read_text()
    assert "[office]" in config and 'login = "ask"' in config
    assert f"runuser -u {SERVICE} -- /opt/warkat/venv/bin/warkat" in deployed
    sudoers = (root / "etc/sudoers.d/warkat").read_text()
    assert f"%{STAFF} ALL=({SERVICE}) NOPASSWD: /usr/local/bin/warkat kiosk" in sudoers
    sshd = (root / "etc/ssh/sshd_config.d/warkat.conf").read_text()
    assert f"Match Group {STAFF}" in sshd and f"sudo -n -u {SERVICE} /usr/local" in sshd
    unit = (root / "etc/systemd/system/warkat-daemon.service").read_text().splitlines()
    assert f"User={SERVICE}" in unit and f"Group={SERVICE}" in unit
    # With the default names the files are deploy/'s, byte for byte.
    assert (REPO / "deploy/sudoers-warkat").read_text() == sudoers.replace(
        STAFF, "warkat-staf"
    ).replace(f"({SERVICE})", "(warkat)")


def test_second_install_upgrades_in_place_and_keeps_config_and_data(root):
    root, _ = root
    runnable(root)
    assert (
        warkat(
            root,
            "user",
            "add",
            "budi",
            "--name",
            "Budi Santoso",
            "--role",
            "operator",
            "--password",
            "sandi-rahasia",
        ).returncode
        == 0
    )
    for path in (root / "var/lib/warkat").rglob("*"):  # root ran it as the service user
        assert path.owner() == SERVICE, path
    config = root / "etc/warkat/warkat.toml"
    config.write_text(
        config.read_text().replace(
            "idle_lock_minutes = 10", "idle_lock_minutes = 7  # diubah admin"
        )
    )
    package = next((root / "opt/warkat/venv/lib").glob("python3*/site-packages/tui/cli.py"))
    package.write_text("# broken by an old version\n")

    again = install(root)

    assert "sudah ada: tidak diubah" in again.stdout
    assert "idle_lock_minutes = 7  # diubah admin" in config.read_text()
    assert "def main" in package.read_text()  # the package itself was reinstalled
    check_tree(root)
    runnable(root)  # the second install wrote the server's wrapper back
    listing = warkat(root, "user", "list")
    assert listing.returncode == 0, listing.stderr
    assert "budi" in listing.stdout
