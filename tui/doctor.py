"""`warkat doctor`: every check in one Indonesian report, plus the ones that touch devices and
servers (fax modems, the printer, IMAP and SMTP). Exit 1 when any check is GAGAL."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from model import doctor
from model.config import Config, locate
from model.doctor import FAIL, OK, WARN, Check
from model.errors import WarkatError
from spool.mail import probe_imap, probe_smtp

TIMEOUT = 10.0  # seconds for each server or printer answer


def run_doctor(home: Path, config: str | None = None) -> int:
    """Print the report for `home` (and the warkat.toml `config`, else where it is looked for)."""
    checks = list(all_checks(home, config))
    print(f"Pemeriksaan Warkat: {home}")
    for check in checks:
        print(f"{check.status:<10} {check.name}: {check.found}")
        if check.fix and check.status != OK:
            print(f"{'':<10} → {check.fix}")
    count = {s: sum(c.status == s for c in checks) for s in (OK, WARN, FAIL)}
    print(f"Ringkasan: {count[OK]} OK, {count[WARN]} PERINGATAN, {count[FAIL]} GAGAL.")
    return 1 if count[FAIL] else 0


def all_checks(home: Path, config: str | None = None) -> Iterator[Check]:
    found, cfg = doctor.configuration(home, config)
    yield found
    if not home.is_dir():
        return
    yield doctor.folder_mode(home)
    yield doctor.config_mode(locate(home, config))
    if cfg is not None:
        opened = doctor.database(cfg)
        yield opened
        if opened.status == OK:
            yield doctor.schema()
        yield doctor.data_files(cfg)
    yield doctor.disk(home)
    if cfg is None:
        return
    yield doctor.last_backup(cfg)
    if opened.status == OK:
        yield doctor.holiday_list()
    yield from modems(cfg)
    yield printer(cfg)
    yield inbox(cfg)
    yield outgoing(cfg)


def modems(cfg: Config) -> Iterator[Check]:
    """Each configured fax device: the simulator, a manual machine, or a port that answers."""
    for device in cfg.fax.all_devices:
        name = f"Modem faks {device}"
        if device == "manual":
            yield Check(name, OK, "mesin faks mandiri (manual): operator mencatat setiap kiriman")
        elif device == "simulator":
            yield Check(name, OK, "modem tiruan (simulator): faks tidak keluar ke saluran telepon")
        elif device == "simulator-class1":
            yield _far_end(name)
        elif not Path(device).exists():
            yield Check(
                name,
                FAIL,
                f"port {device} tidak ada",
                "Periksa kabel USB dan daya modem (ls -l /dev/serial/by-id/), atau "
                "perbaiki [fax] device di warkat.toml.",
            )
        else:
            yield _modem(cfg, name, device)


def _far_end(name: str) -> Check:
    from hw.modemsim.farend import PACKAGES, FarEndUnavailable, build

    try:
        build()
    except FarEndUnavailable as exc:
        return Check(name, FAIL, str(exc), f"apt-get install {PACKAGES}")
    return Check(name, OK, "modem tiruan Class 1 (SpanDSP): faks tidak keluar ke saluran telepon")


def _modem(cfg: Config, name: str, device: str) -> Check:
    from hw.faxcli import modem_info
    from hw.modem import ModemError
    from spool.fax import modem_config

    try:
        info = modem_info(device, modem_config(cfg, device))
    except ModemError as exc:
        if exc.message_id == "in_use":
            status = OK if exc.details.get("who") == "daemon" else WARN
            return Check(
                name,
                status,
                exc.message,
                f"Tutup program lain yang memakai {device} (fuser -v {device}).",
            )
        return Check(
            name,
            FAIL,
            exc.message,
            "Periksa daya dan kabel modem, serta speed, flow dan class di [fax] warkat.toml.",
        )
    lines = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line)
    found = (
        f"menjawab: {lines.get('Pabrikan', '-')} {lines.get('Model', '-')}, "
        f"kelas faks {lines.get('Kelas faks', '-')}"
    )
    if "Peringatan" in lines:
        return Check(
            name,
            WARN,
            f"{found}; {lines['Peringatan']}",
            "Ubah [fax] class ke kelas yang didukung modem, atau ganti modem.",
        )
    return Check(name, OK, found)


def printer(cfg: Config) -> Check:
    opts = cfg.printer
    kind = opts.kind
    name = f"Printer ({kind})"
    if kind == "cups":
        return _cups(name, opts.queue)
    if kind == "raw":
        device = opts.device
        if not os.access(device, os.W_OK):
            what = "tidak ada" if not Path(device).exists() else "tidak dapat ditulis"
            return Check(
                name,
                FAIL,
                f"perangkat {device} {what}",
                "Periksa kabel dan daya printer, izin perangkat (grup lp), atau [printer] device.",
            )
        return Check(name, OK, f"perangkat {device} dapat ditulis")
    return _writable(name, cfg.out_dir, "folder PDF")


def _cups(name: str, queue: str) -> Check:
    if not shutil.which("lpstat"):
        return Check(name, FAIL, "perintah lpstat tidak ada", "Pasang cups-client.")
    try:
        done = subprocess.run(
            ["lpstat", "-p", queue], capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return Check(
            name,
            FAIL,
            "server cetak CUPS tidak menjawab",
            "Periksa layanan cups (systemctl status cups).",
        )
    state = done.stdout.strip().splitlines()[0] if done.stdout.strip() else ""
    if done.returncode != 0 or not state:
        return Check(
            name,
            FAIL,
            f"antrean '{queue}': {done.stderr.strip() or 'tidak ada'}",
            "Periksa layanan cups dan nama antrean di [printer] queue (lpstat -p).",
        )
    if "disabled" in state:
        return Check(name, FAIL, state, f"Aktifkan antrean: cupsenable {queue}")
    return Check(name, OK, state)


def _writable(name: str, folder: Path, what: str) -> Check:
    """A folder the software writes into: there and writable, or creatable on first use."""
    if folder.is_dir():
        if os.access(folder, os.W_OK):
            return Check(name, OK, f"{what} {folder} dapat ditulis")
        return Check(
            name, FAIL, f"{what} {folder} tidak dapat ditulis", f"Perbaiki pemilik/izin {folder}."
        )
    if folder.parent.is_dir() and os.access(folder.parent, os.W_OK):
        return Check(name, OK, f"{what} {folder} dibuat saat pertama dipakai")
    return Check(
        name, FAIL, f"{what} {folder} tidak ada dan tidak dapat dibuat", f"mkdir -p {folder}"
    )


def _path(cfg: Config, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else cfg.home / path


def inbox(cfg: Config) -> Check:
    """The office mailbox: an IMAP login and its folder, or a local maildir."""
    m = cfg.mail
    if m.inbox != "imap":
        folder = _path(cfg, m.maildir)
        name = "Email masuk (maildir)"
        if (folder / "cur").is_dir() and (folder / "new").is_dir():
            return Check(name, OK, f"maildir {folder} ada")
        return Check(
            name,
            FAIL,
            f"{folder} bukan maildir (tidak ada cur/ dan new/)",
            f'mkdir -p {folder}/cur {folder}/new {folder}/tmp, atau atur [mail] inbox = "imap".',
        )
    name = f"Email masuk (IMAP {m.imap_host}:{m.imap_port})"
    return _server(
        name,
        lambda: probe_imap(cfg),
        f"login {m.imap_user} berhasil, folder {m.imap_folder} terbuka",
        "imap",
    )


def outgoing(cfg: Config) -> Check:
    """Sending: an SMTP connection (and login where a user is set), or the outbox folder."""
    m = cfg.mail
    if m.transport != "smtp":
        return _writable("Email keluar (outbox)", _path(cfg, m.outbox), "folder outbox")
    name = f"Email keluar (SMTP {m.smtp_host}:{m.smtp_port})"
    user = m.smtp_user
    return _server(
        name,
        lambda: probe_smtp(cfg),
        f"terhubung{f', login {user} berhasil' if user else ''}",
        "smtp",
    )


def _server(name: str, probe, good: str, prefix: str) -> Check:
    """Reach a mail server as the daemon does (mail/, through spool): OK, or the reason."""
    try:
        probe()
    except WarkatError as exc:
        return Check(
            name,
            FAIL,
            f"tidak dapat dihubungi dengan pengaturan ini: {exc}",
            f"Periksa [mail] {prefix}_host, {prefix}_port, {prefix}_security, "
            f"{prefix}_user, {prefix}_password dan cafile; jaringan dan firewall.",
        )
    return Check(name, OK, good)
