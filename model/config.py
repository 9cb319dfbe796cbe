"""warkat.toml: the office, its letterhead, database, numbering and device settings."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from model.agenda import DEFAULT_PATTERN, check_pattern
from model.errors import Invalid

FILENAME = "warkat.toml"
SYSTEM_HOME = Path("/var/lib/warkat")  # the server install (scripts/install.sh)
SYSTEM_CONFIG = Path("/etc/warkat/warkat.toml")
LOGIN_MODES = ("ask", "ssh")
LOCAL_ID_MAX = 20  # T.30 TSI: 20 characters

TEMPLATE = '''# Konfigurasi Warkat. Ubah sesuai kantor Anda; baris diawali # adalah keterangan.

[office]
name = "Dinas Komunikasi dan Informatika Kabupaten Trenggalek"
section = "Seksi Keamanan Informasi dan Persandian"
# Kop surat: pemerintah, nama dinas, alamat, lalu baris kontak (dicetak di atas dokumen).
letterhead = [
  "PEMERINTAH KABUPATEN TRENGGALEK",
  "DINAS KOMUNIKASI DAN INFORMATIKA",
  "Jl. Dr. Sutomo No. 5 Trenggalek 66311",
  "Telp. (0355) 791234 | Email: kominfo@trenggalekkab.go.id",
]
unit_code = "406.020"
email = "kominfo@trenggalekkab.go.id"
fax_id = "+62 355 791234"
# Alamat email Kasi Persandian untuk kiriman harian kepala jejak audit (warkat audit anchor
# --email). Kosong: email unit Kasi di data organisasi.
kasi_email = ""

[database]
# Kosong: berkas SQLite warkat.db di folder data. PostgreSQL: "postgresql://user:pw@host/db"
url = ""

[agenda]
# Kunci: {klasifikasi} {urut} {unit} {tahun} {bulan}; {urut:03d} = tiga digit.
pattern = "{klasifikasi}/{urut:03d}/{unit}/{tahun}"

[backup]
# Cadangan harian (warkat backup --auto): folder (relatif ke folder data) dan jumlah yang disimpan.
dir = "cadangan"
keep = 14

[screen]
# Layar terkunci otomatis setelah sekian menit tanpa aktivitas (terminal bersama).
idle_lock_minutes = 10
# Masuk lewat SSH (warkat kiosk): "ask" = layar masuk dengan kata sandi Warkat (cocok juga untuk
# terminal bersama); "ssh" = pengguna Warkat yang namanya sama dengan akun SSH, tanpa sandi kedua.
login = "ask"

[fax]
# "simulator" (modem tiruan), "manual" (mesin faks mandiri) atau path port serial, mis. /dev/ttyUSB0
device = "simulator"
speed = 19200
class = "2.0"
flow = "rtscts"
lsb_first = true
# ID lokal (TSI) yang diterima mesin tujuan: paling banyak 20 karakter ASCII, mis. +62 dan nomor.
local_id = "+62 355 791234"
header = "DISKOMINFO TRENGGALEK"
dial_prefix = ""
max_tries = 3
wait_busy_minutes = 3
wait_no_answer_minutes = 5
wait_failure_minutes = 2
# Modem tak dapat dipakai (tercabut, dipakai program lain): dicoba lagi tiap sekian detik,
# tanpa memakai jatah percobaan.
unavailable_wait_seconds = 30
# Folder kunci perangkat gaya UUCP (LCK..ttyUSB0), bersama program serial lain.
lock_dir = "/var/lock"

[mail]
# Kotak surat kantor. inbox: "maildir" (folder lokal) atau "imap".
inbox = "maildir"
maildir = "inbox"
imap_host = ""
imap_port = 993
imap_security = "ssl"
imap_user = ""
imap_password = ""
imap_folder = "INBOX"
# Setelah disimpan di Warkat: "none", "seen" (tandai dibaca) atau "move:Folder"
after = "none"
poll_seconds = 60
# Pengiriman: "outbox" (berkas .eml di folder) atau "smtp"
transport = "outbox"
outbox = "outbox"
smtp_host = ""
smtp_port = 587
smtp_security = "starttls"
smtp_user = ""
smtp_password = ""
sent_folder = ""

[printer]
# "pdf" (berkas di folder out), "cups" (antrean printer) atau "raw" (printer dot-matrix)
kind = "pdf"
queue = ""
device = ""
paper = "A4"
'''


@dataclass
class Config:
    home: Path
    path: Path | None = None  # the warkat.toml read (None: defaults only)
    office: dict = field(default_factory=dict)
    database_url: str = ""
    agenda_pattern: str = DEFAULT_PATTERN
    idle_lock_minutes: float = 10
    login: str = "ask"
    fax: dict = field(default_factory=dict)
    printer: dict = field(default_factory=dict)
    mail: dict = field(default_factory=dict)
    backup: dict = field(default_factory=dict)

    @property
    def db_url(self) -> str:
        return self.database_url or str(self.home / "warkat.db")

    @property
    def out_dir(self) -> Path:
        return self.home / "out"


_current: Config | None = None


def current() -> Config:
    """The configuration of the home opened by this process."""
    if _current is None:
        raise RuntimeError("no Warkat home is open")
    return _current


def locate(home: Path, given: str | Path | None = None) -> Path:
    """--config, else WARKAT_CONFIG, else HOME/warkat.toml when present, else
    /etc/warkat/warkat.toml for the server's home /var/lib/warkat, else HOME/warkat.toml."""
    explicit = given or os.environ.get("WARKAT_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    local = home / FILENAME
    if not local.exists() and Path(os.path.abspath(home)) == SYSTEM_HOME:
        return SYSTEM_CONFIG
    return local


def load(home: Path, path: Path | None = None) -> Config:
    """Read the located warkat.toml over the defaults; raise Invalid on a broken file.

    Only HOME/warkat.toml may be absent (defaults): a named or server file must exist."""
    path = path or locate(home)
    data = tomllib.loads(TEMPLATE)
    if path.exists():
        try:
            user = tomllib.loads(path.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise Invalid(f"Berkas konfigurasi {path} tidak sah: {exc}") from exc
        except OSError as exc:
            raise Invalid(f"Berkas konfigurasi {path} tidak dapat dibaca: {exc.strerror}") from exc
        for section, values in user.items():
            data.setdefault(section, {}).update(values if isinstance(values, dict) else {})
    elif path != home / FILENAME:
        raise Invalid(f"Berkas konfigurasi {path} tidak ada atau tidak dapat dibaca.")
    login = data["screen"].get("login", "ask")
    if login not in LOGIN_MODES:
        raise Invalid(f'Cara masuk (screen.login) harus "ask" atau "ssh", bukan {login!r}.')
    global _current
    _current = Config(
        home=home,
        path=path if path.exists() else None,
        office=data["office"],
        database_url=data["database"].get("url", ""),
        agenda_pattern=check_pattern(data["agenda"].get("pattern", DEFAULT_PATTERN)),
        idle_lock_minutes=float(data["screen"].get("idle_lock_minutes", 10)),
        login=login,
        fax=_checked_fax(data["fax"]),
        printer=data["printer"],
        mail=data["mail"],
        backup=data["backup"],
    )
    return _current


def _checked_fax(fax: dict) -> dict:
    """Refuse a local ID the modem would cut or change instead of sending it as written."""
    local_id = fax.get("local_id", "")
    if not isinstance(local_id, str):
        raise Invalid(f"ID faks lokal (fax.local_id) harus berupa teks dalam tanda kutip: "
                      f"{local_id!r}")
    if len(local_id) > LOCAL_ID_MAX:
        raise Invalid(f"ID faks lokal (fax.local_id) paling banyak {LOCAL_ID_MAX} karakter: "
                      f"{local_id!r} ({len(local_id)} karakter)")
    bad = next((ch for ch in local_id if not " " <= ch <= "~" or ch == '"'), None)
    if bad is not None:
        raise Invalid(f"ID faks lokal (fax.local_id) hanya boleh berisi angka, '+', spasi dan "
                      f"huruf/tanda ASCII biasa (tanpa tanda kutip): {local_id!r} "
                      f"mengandung {bad!r} (U+{ord(bad):04X})")
    return fax


def write_default(home: Path, path: Path | None = None) -> Path:
    """Write the commented template where the config is looked for, unless a file is there."""
    path = path or locate(home)
    if not path.exists():
        path.write_text(TEMPLATE, encoding="utf-8")
        path.chmod(0o640)  # it will hold the mailbox passwords
    return path
