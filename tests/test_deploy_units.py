"""The systemd units, sudoers and sshd snippets in deploy/ are valid for the real tools."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import unavailable
from tests.deploy_helpers import DEPLOY

# These change this machine (accounts, /etc, a print scheduler): one pytest-xdist worker
# runs them all, one after another.
pytestmark = pytest.mark.xdist_group("system")

UNITS = ("warkat-daemon.service", "warkat-backup.service", "warkat-backup.timer")


def test_units_pass_systemd_analyze_verify(tmp_path):
    if shutil.which("systemd-analyze") is None:
        unavailable("systemd-analyze not installed (package systemd)")
    stub = tmp_path / "warkat"
    stub.write_text("#!/bin/sh\n")
    stub.chmod(0o755)
    for unit in UNITS:  # verify wants ExecStart to exist
        text = (DEPLOY / unit).read_text().replace("/opt/warkat/venv/bin/warkat", str(stub))
        (tmp_path / unit).write_text(text)
    done = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / u) for u in UNITS)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr  # unknown keys only warn
    security = subprocess.run(
        ["systemd-analyze", "security", "--offline=yes", str(tmp_path / "warkat-daemon.service")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Overall exposure level for warkat-daemon.service" in security.stdout
    level = float(security.stdout.split("warkat-daemon.service:")[1].split()[0])
    assert level <= 4.0, security.stdout[-300:]


def test_units_run_as_the_service_on_its_home():
    daemon = (DEPLOY / "warkat-daemon.service").read_text()
    for line in (
        "Type=simple",
        "User=warkat",
        "Group=warkat",
        "SupplementaryGroups=dialout",
        "Environment=WARKAT_HOME=/var/lib/warkat",
        "Restart=on-failure",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "ReadWritePaths=/var/lib/warkat /run/lock",
        "PrivateTmp=yes",
        "UMask=0077",
        "ExecStart=/opt/warkat/venv/bin/warkat daemon",
    ):
        assert line in daemon.splitlines(), line
    backup = (DEPLOY / "warkat-backup.service").read_text()
    assert "ExecStart=/opt/warkat/venv/bin/warkat backup --auto" in backup.splitlines()
    timer = (DEPLOY / "warkat-backup.timer").read_text().splitlines()
    assert "Persistent=true" in timer and "Unit=warkat-backup.service" in timer


def test_sudoers_snippet_is_valid_and_allows_only_the_kiosk(tmp_path):
    if shutil.which("visudo") is None:
        unavailable("visudo not installed (package sudo)")
    done = subprocess.run(
        ["visudo", "-c", "-f", str(DEPLOY / "sudoers-warkat")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rules = [
        line
        for line in (DEPLOY / "sudoers-warkat").read_text().splitlines()
        if line and not line.startswith(("#", "Defaults"))
    ]
    assert rules == ["%warkat-staf ALL=(warkat) NOPASSWD: /usr/local/bin/warkat kiosk"]


def test_sshd_snippet_forces_the_kiosk_for_staff_only(tmp_path):
    sshd = "/usr/sbin/sshd"
    if not shutil.which(sshd) or os.geteuid() != 0:
        unavailable("sshd (package openssh-server) and root needed")
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / "hk")], check=True
    )
    config = tmp_path / "sshd_config"
    config.write_text(
        f"HostKey {tmp_path}/hk\nInclude {DEPLOY}/sshd-warkat.conf\n"
        "X11Forwarding yes\nAllowTcpForwarding yes\n"
    )
    Path("/run/sshd").mkdir(exist_ok=True)  # sshd's privilege separation directory

    def effective(user: str) -> dict[str, str]:
        done = subprocess.run(
            [sshd, "-T", "-f", str(config), "-C", f"user={user},host=pc,addr=10.0.0.9"],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert done.returncode == 0, done.stderr
        return dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)

    other = effective("root")  # not in warkat-staf: untouched (ssh test: a member)
    assert other["forcecommand"] == "none" and other["x11forwarding"] == "yes"
    text = (DEPLOY / "sshd-warkat.conf").read_text()
    assert "Match Group warkat-staf" in text
    assert "ForceCommand sudo -n -u warkat /usr/local/bin/warkat kiosk" in text
