"""warkat.toml as data: every section and key with its type, default and allowed values, the
commented template `warkat init` writes (it must agree: tests/test_config.py), and the check
of a file read against them."""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from model.hours import DAYS, DEFAULT_HOURS, hours_rule

# The agenda number pattern (see model.books.agenda): its default and the keys it may use.
DEFAULT_PATTERN = "{klasifikasi}/{urut:03d}/{unit}/{tahun}"
PATTERN_KEYS = {"klasifikasi": "000", "urut": 1, "unit": "X", "tahun": 2026, "bulan": 1}


LOCAL_ID_MAX = 20  # T.30 TSI: 20 characters
TEXT, INT, NUMBER, BOOL, LIST = "teks", "bilangan bulat", "bilangan", "true/false", "daftar"
_KIND_RULE = {
    TEXT: "harus berupa teks dalam tanda kutip",
    INT: "harus bilangan bulat",
    NUMBER: "harus bilangan",
    BOOL: "harus true atau false",
    LIST: 'harus berupa daftar teks, mis. ["a", "b"]',
}


@dataclass(frozen=True)
class Range:
    """Numbers from `low` (excluded when `above`) to `high`."""

    low: float
    high: float
    above: bool = False

    def holds(self, value: float) -> bool:
        above_low = value > self.low if self.above else value >= self.low
        return math.isfinite(value) and above_low and value <= self.high

    def rule(self, kind: str) -> str:
        if self.above:
            return f"harus {kind} lebih dari {self.low:g} sampai {self.high:g}"
        return f"harus {kind} {self.low:g}–{self.high:g}"


@dataclass(frozen=True)
class Key:
    """One setting: `allowed` is a tuple of choices, a Range, or a check that returns the
    rule a value breaks (None when it keeps it)."""

    section: str
    name: str
    kind: str
    default: object
    allowed: tuple | Range | Callable[[object], str | None] | None = None


def _local_id(value: str) -> str | None:
    """What the modem can send as written (20 ASCII characters, no double quote)."""
    if len(value) > LOCAL_ID_MAX:
        return f"paling banyak {LOCAL_ID_MAX} karakter ({len(value)} karakter)"
    bad = next((ch for ch in value if not " " <= ch <= "~" or ch == '"'), None)
    if bad is not None:
        return (
            f"hanya angka, '+', spasi dan huruf/tanda ASCII biasa tanpa tanda kutip; "
            f"mengandung {bad!r} (U+{ord(bad):04X})"
        )
    return None


def _pattern(value: str) -> str | None:
    try:
        value.format(**PATTERN_KEYS)
    except (KeyError, ValueError, IndexError):
        return f"kunci yang dikenal: {', '.join(PATTERN_KEYS)}; mis. {DEFAULT_PATTERN}"
    return None


def _after(value: str) -> str | None:
    if value in ("none", "seen") or (value.startswith("move:") and value[5:].strip()):
        return None
    return "pilihan: none, seen, move:NamaFolder"


def _texts(value: list) -> str | None:
    return None if all(isinstance(v, str) for v in value) else _KIND_RULE[LIST]


COVER_NOTE = (
    "Bersama ini kami sampaikan naskah dinas terlampir. Apabila halaman yang diterima tidak "
    "lengkap atau tidak terbaca, mohon segera menghubungi kami melalui nomor pada kop surat."
)
PORT = Range(1, 65535)
MINUTES = Range(0, 1440, above=True)
FAX_CLASSES = ("2.0", "2", "1.0", "1", "auto")
SECONDS = Range(0, 86400, above=True)
SCHEMA: tuple[Key, ...] = (
    Key("office", "name", TEXT, "Dinas Komunikasi dan Informatika Kabupaten Trenggalek"),
    Key("office", "section", TEXT, "Seksi Keamanan Informasi dan Persandian"),
    Key(
        "office",
        "letterhead",
        LIST,
        [
            "PEMERINTAH KABUPATEN TRENGGALEK",
            "DINAS KOMUNIKASI DAN INFORMATIKA",
            "Jl. Dr. Sutomo No. 5 Trenggalek 66311",
            "Telp. (0355) 791234 | Email: kominfo@trenggalekkab.go.id",
        ],
        _texts,
    ),
    Key("office", "unit_code", TEXT, "406.020"),
    Key("office", "email", TEXT, "kominfo@trenggalekkab.go.id"),
    Key("office", "fax_id", TEXT, "+62 355 791234"),
    Key("office", "kasi_email", TEXT, ""),
    Key("office", "place", TEXT, "Trenggalek"),
    Key("database", "url", TEXT, ""),
    Key("agenda", "pattern", TEXT, DEFAULT_PATTERN, _pattern),
    Key("backup", "dir", TEXT, "cadangan"),
    Key("backup", "keep", INT, 14, Range(1, 3650)),
    Key("screen", "idle_lock_minutes", NUMBER, 10, MINUTES),
    Key("screen", "login", TEXT, "ask", ("ask", "ssh")),
    Key("fax", "device", TEXT, "simulator"),
    Key("fax", "devices", LIST, [], _texts),
    Key("fax", "speed", INT, 19200, (2400, 4800, 9600, 19200, 38400, 57600, 115200)),
    Key("fax", "class", TEXT, "2.0", FAX_CLASSES),
    Key("fax", "flow", TEXT, "rtscts", ("rtscts", "xonxoff", "none")),
    Key("fax", "lsb_first", BOOL, True),
    Key("fax", "local_id", TEXT, "+62 355 791234", _local_id),
    Key("fax", "header", TEXT, "DISKOMINFO TRENGGALEK"),
    Key("fax", "dial_prefix", TEXT, ""),
    Key("fax", "dial_mode", TEXT, "tone", ("tone", "pulse")),
    Key("fax", "max_tries", INT, 3, Range(1, 20)),
    Key("fax", "kill_after_hours", NUMBER, 3, Range(0, 168)),
    Key("fax", "wait_busy_minutes", NUMBER, 3, MINUTES),
    Key("fax", "wait_no_answer_minutes", NUMBER, 5, MINUTES),
    Key("fax", "wait_failure_minutes", NUMBER, 2, MINUTES),
    Key("fax", "unavailable_wait_seconds", NUMBER, 30, SECONDS),
    Key("fax", "lock_dir", TEXT, "/var/lock"),
    Key("fax", "simulator_speedup", NUMBER, 4, Range(0, 1000, above=True)),
    Key("fax", "cover_note", TEXT, COVER_NOTE),
    Key("mail", "inbox", TEXT, "maildir", ("maildir", "imap")),
    Key("mail", "maildir", TEXT, "inbox"),
    Key("mail", "imap_host", TEXT, ""),
    Key("mail", "imap_port", INT, 993, PORT),
    Key("mail", "imap_security", TEXT, "ssl", ("ssl", "starttls", "plain")),
    Key("mail", "imap_user", TEXT, ""),
    Key("mail", "imap_password", TEXT, ""),
    Key("mail", "imap_folder", TEXT, "INBOX"),
    Key("mail", "after", TEXT, "none", _after),
    Key("mail", "poll_seconds", NUMBER, 60, SECONDS),
    Key("mail", "transport", TEXT, "outbox", ("outbox", "smtp")),
    Key("mail", "outbox", TEXT, "outbox"),
    Key("mail", "smtp_host", TEXT, ""),
    Key("mail", "smtp_port", INT, 587, PORT),
    Key("mail", "smtp_security", TEXT, "starttls", ("ssl", "starttls", "plain")),
    Key("mail", "smtp_user", TEXT, ""),
    Key("mail", "smtp_password", TEXT, ""),
    Key("mail", "sent_folder", TEXT, ""),
    Key("mail", "cafile", TEXT, ""),
    Key("printer", "kind", TEXT, "pdf", ("pdf", "cups", "raw")),
    Key("printer", "queue", TEXT, ""),
    Key("printer", "device", TEXT, ""),
    Key("printer", "paper", TEXT, "A4", ("A4", "F4")),
    *(Key("calendar", day, TEXT, DEFAULT_HOURS[day], hours_rule) for day in DAYS),
    Key("calendar", "national_holidays", BOOL, True),
    Key("calendar", "notify_email", BOOL, False),
)
SECTIONS = tuple(dict.fromkeys(k.section for k in SCHEMA))
_KEYS = {(k.section, k.name): k for k in SCHEMA}


def default(section: str, name: str):
    """The default of one key."""
    return _KEYS[(section, name)].default


def defaults() -> dict[str, dict]:
    """Every section with every key at its default (fresh lists: callers may change them)."""
    data: dict[str, dict] = {section: {} for section in SECTIONS}
    for key in SCHEMA:
        data[key.section][key.name] = list(key.default) if key.kind == LIST else key.default
    return data


def problems(data: dict) -> Iterator[str]:
    """What breaks the schema in a parsed file, each as `[section] key = value …`."""
    for section, values in data.items():
        if section not in SECTIONS:
            yield (
                f"bagian [{section}] tidak dikenal{_close(section, SECTIONS)}; bagian yang "
                f"ada: {', '.join(SECTIONS)}"
            )
        elif not isinstance(values, dict):
            yield f"{section} = {_shown(values)} tidak sah; tulis sebagai bagian [{section}]"
        else:
            for name, value in values.items():
                yield from _key_problem(section, name, value)


def _key_problem(section: str, name: str, value) -> Iterator[str]:
    key = _KEYS.get((section, name))
    if key is None:
        known = [k.name for k in SCHEMA if k.section == section]
        yield (
            f"[{section}] {name} tidak dikenal{_close(name, known)}; kunci di "
            f"[{section}]: {', '.join(known)}"
        )
        return
    where = f"[{section}] {name} = {_shown(value)}"
    choices = isinstance(key.allowed, tuple)
    ranged = isinstance(key.allowed, Range)
    if not _is_kind(value, key.kind):
        rule = key.allowed.rule(key.kind) if ranged else _KIND_RULE[key.kind]
        listed = f"; pilihan: {', '.join(map(_shown, key.allowed))}" if choices else ""
        yield f"{where} tidak sah; {rule}{listed}"
    elif choices and value not in key.allowed:
        yield f"{where} tidak dikenal; pilihan: {', '.join(map(str, key.allowed))}"
    elif ranged and not key.allowed.holds(value):
        yield f"{where} tidak sah; {key.allowed.rule(key.kind)}"
    elif callable(key.allowed) and (broken := key.allowed(value)):
        yield f"{where} tidak sah; {broken}"


def _is_kind(value, kind: str) -> bool:
    if kind == BOOL:
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    return isinstance(value, {TEXT: str, INT: int, NUMBER: (int, float), LIST: list}[kind])


def _shown(value) -> str:
    """A value as it would be written in TOML."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # inf, nan
    return json.dumps(value, ensure_ascii=False, default=str)


def _close(name: str, known) -> str:
    match = difflib.get_close_matches(name, list(known), n=1)
    return f" (maksud Anda {match[0]}?)" if match else ""


TEMPLATE = """# Konfigurasi Warkat. Ubah sesuai kantor Anda; baris diawali # adalah keterangan.
# Nilai yang salah atau kunci yang tidak dikenal ditolak saat Warkat dijalankan.

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
# Tempat pada tanda tangan berita faksimili, mis. "Trenggalek, 3 Desember 2026".
place = "Trenggalek"

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
# "simulator" (modem tiruan Class 2.0), "simulator-class1" (modem tiruan Class 1 SpanDSP, perlu
# paket libspandsp-dev), "manual" (mesin faks mandiri) atau path port serial, mis. /dev/ttyUSB0
device = "simulator"
# Beberapa modem sekaligus: daftar port, mis. ["/dev/ttyUSB0", "/dev/ttyUSB1"] (mengganti device).
devices = []
speed = 19200
# Kelas faks modem: "2.0", "2", "1" / "1.0" (modem USB murah, T.30 dijalankan Warkat) atau
# "auto" (tanya modem: 2.0 bila ada, lalu 2, lalu 1).
class = "2.0"
flow = "rtscts"
lsb_first = true
# ID lokal (TSI) yang diterima mesin tujuan: paling banyak 20 karakter ASCII, mis. +62 dan nomor.
local_id = "+62 355 791234"
header = "DISKOMINFO TRENGGALEK"
dial_prefix = ""
# Cara memutar nomor: "tone" (nada) atau "pulse" (pulsa).
dial_mode = "tone"
max_tries = 3
# Batas kirim bawaan: faks yang belum terkirim sekian jam setelah dijadwalkan kembali ke operator
# (0 = tanpa batas). Operator dapat mengubahnya per kiriman.
kill_after_hours = 3
wait_busy_minutes = 3
wait_no_answer_minutes = 5
wait_failure_minutes = 2
# Modem tak dapat dipakai (tercabut, dipakai program lain): dicoba lagi tiap sekian detik,
# tanpa memakai jatah percobaan.
unavailable_wait_seconds = 30
# Folder kunci perangkat gaya UUCP (LCK..ttyUSB0), bersama program serial lain.
lock_dir = "/var/lock"
# Modem tiruan: berapa kali lebih cepat dari modem sungguhan.
simulator_speedup = 4
# Catatan pada lembar pengantar faksimili (halaman pertama di depan lampiran tanpa isi berita).
cover_note = "Bersama ini kami sampaikan naskah dinas terlampir. Apabila halaman yang diterima tidak lengkap atau tidak terbaca, mohon segera menghubungi kami melalui nomor pada kop surat."

[mail]
# Kotak surat kantor. inbox: "maildir" (folder lokal) atau "imap".
inbox = "maildir"
maildir = "inbox"
imap_host = ""
imap_port = 993
# Keamanan: "ssl", "starttls" atau "plain" (hanya untuk server di komputer ini).
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
# Sertifikat CA tambahan untuk IMAP/SMTP (berkas PEM). Kosong: CA sistem.
cafile = ""

[printer]
# "pdf" (berkas di folder out), "cups" (antrean printer) atau "raw" (printer dot-matrix)
kind = "pdf"
queue = ""
device = ""
# Ukuran kertas: "A4" atau "F4".
paper = "A4"

[calendar]
# Jam kerja kantor per hari (mutu baku hanya menghitung menit kerja); "" = libur.
# Beberapa rentang dipisah koma, mis. istirahat siang.
monday = "07:30-12:00, 13:00-16:00"
tuesday = "07:30-12:00, 13:00-16:00"
wednesday = "07:30-12:00, 13:00-16:00"
thursday = "07:30-12:00, 13:00-16:00"
friday = "07:30-11:30, 13:00-16:30"
saturday = ""
sunday = ""
# Hari libur nasional dan cuti bersama dari SKB (model/data/holidays.toml). Hari tutup kantor
# lain ditambahkan Admin sistem di layar Kalender kerja.
national_holidays = true
# Saat sebuah item melewati mutu baku, kirim juga email ke Kasi Persandian (kasi_email di
# [office], atau email unit Kasi) melalui antrean email keluar. Pemberitahuan di layar selalu ada.
notify_email = false
"""
