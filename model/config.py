"""warkat.toml: where it is, reading it (checked against model.config_schema) into a Config."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from keyword import iskeyword
from pathlib import Path
from typing import ClassVar, Self

from model.config_schema import LIST, NUMBER, SCHEMA, TEMPLATE, defaults, problems
from model.errors import Invalid

FILENAME = "warkat.toml"
SYSTEM_HOME = Path("/var/lib/warkat")  # the server install (scripts/install.sh)
SYSTEM_CONFIG = Path("/etc/warkat/warkat.toml")


class Section:
    """A [section] of warkat.toml as a frozen dataclass: one field per key of the schema
    (model.config_schema, the one source of defaults and rules), a TOML key that is a Python
    keyword with a trailing underscore (`class` is `class_`), lists as tuples, numbers as
    floats."""

    SECTION: ClassVar[str]

    @classmethod
    def from_data(cls, values: dict) -> Self:
        """The section from its schema-checked values (every key present)."""
        kinds = {k.name: k.kind for k in SCHEMA if k.section == cls.SECTION}
        return cls(
            **{
                name + "_" if iskeyword(name) else name: _typed(value, kinds[name])
                for name, value in values.items()
            }
        )


def _typed(value, kind: str):
    if kind == LIST:
        return tuple(value)
    return float(value) if kind == NUMBER else value


@dataclass(frozen=True)
class OfficeConfig(Section):
    SECTION = "office"
    name: str
    section: str
    letterhead: tuple[str, ...]
    unit_code: str
    email: str
    fax_id: str
    kasi_email: str
    place: str  # where the office signs: "Trenggalek, 3 Desember 2026"


@dataclass(frozen=True)
class BackupConfig(Section):
    SECTION = "backup"
    dir: str
    keep: int


@dataclass(frozen=True)
class CalendarConfig(Section):
    """Opening hours per weekday and whether the shipped national list applies (model.calendar)."""

    SECTION = "calendar"
    monday: str
    tuesday: str
    wednesday: str
    thursday: str
    friday: str
    saturday: str
    sunday: str
    national_holidays: bool
    notify_email: bool


@dataclass(frozen=True)
class FaxConfig(Section):
    SECTION = "fax"
    device: str
    devices: tuple[str, ...]
    speed: int
    class_: str
    flow: str
    lsb_first: bool
    local_id: str
    header: str
    dial_prefix: str
    dial_mode: str
    max_tries: int
    kill_after_hours: float
    wait_busy_minutes: float
    wait_no_answer_minutes: float
    wait_failure_minutes: float
    unavailable_wait_seconds: float
    lock_dir: str
    simulator_speedup: float
    cover_note: str  # the lembar pengantar faksimili's note

    @property
    def all_devices(self) -> tuple[str, ...]:
        """`devices` when given, else the one `device`."""
        return self.devices or (self.device,)


@dataclass(frozen=True)
class MailConfig(Section):
    SECTION = "mail"
    inbox: str
    maildir: str
    imap_host: str
    imap_port: int
    imap_security: str
    imap_user: str
    imap_password: str
    imap_folder: str
    after: str
    poll_seconds: float
    transport: str
    outbox: str
    smtp_host: str
    smtp_port: int
    smtp_security: str
    smtp_user: str
    smtp_password: str
    sent_folder: str
    cafile: str


@dataclass(frozen=True)
class PrinterConfig(Section):
    SECTION = "printer"
    kind: str
    queue: str
    device: str
    paper: str


@dataclass(frozen=True)
class Config:
    """The configuration of one Warkat home: warkat.toml over the schema's defaults."""

    home: Path
    path: Path | None  # the warkat.toml read (None: defaults only)
    office: OfficeConfig
    database_url: str
    agenda_pattern: str
    idle_lock_minutes: float
    login: str
    fax: FaxConfig
    printer: PrinterConfig
    mail: MailConfig
    backup: BackupConfig
    calendar: CalendarConfig

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
    """Read the located warkat.toml over the defaults; raise Invalid on a broken file or on
    any value or key the schema (model.config_schema) does not allow, naming them all.

    Only HOME/warkat.toml may be absent (defaults): a named or server file must exist.
    An unknown key is an error, not a warning: a misspelt `idle_lock_minute` would otherwise
    leave the default in force while the office believes its setting applies."""
    path = path or locate(home)
    data = defaults()
    if path.exists():
        try:
            given = tomllib.loads(path.read_text("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise Invalid(
                f"Berkas konfigurasi {path} tidak sah: penulisan TOML salah{_position(str(exc))}."
            ) from exc
        except UnicodeDecodeError as exc:
            raise Invalid(f"Berkas konfigurasi {path} tidak sah: bukan teks UTF-8.") from exc
        except OSError as exc:
            raise Invalid(f"Berkas konfigurasi {path} tidak dapat dibaca: {exc.strerror}") from exc
        found = list(problems(given))
        if found:
            raise Invalid(f"{path}: {'. '.join(found)}.")
        for section, values in given.items():
            data[section].update(values)
    elif path != home / FILENAME:
        raise Invalid(f"Berkas konfigurasi {path} tidak ada atau tidak dapat dibaca.")
    return use(
        Config(
            home=home,
            path=path if path.exists() else None,
            office=OfficeConfig.from_data(data["office"]),
            database_url=data["database"]["url"],
            agenda_pattern=data["agenda"]["pattern"],
            idle_lock_minutes=float(data["screen"]["idle_lock_minutes"]),
            login=data["screen"]["login"],
            fax=FaxConfig.from_data(data["fax"]),
            printer=PrinterConfig.from_data(data["printer"]),
            mail=MailConfig.from_data(data["mail"]),
            backup=BackupConfig.from_data(data["backup"]),
            calendar=CalendarConfig.from_data(data["calendar"]),
        )
    )


def use(cfg: Config) -> Config:
    """Make `cfg` the configuration of this process (what `current()` returns); returns it."""
    global _current
    _current = cfg
    return _current


def _position(parser_error: str) -> str:
    """Where tomllib stopped, in Indonesian (its own message is English)."""
    at = re.search(r"line (\d+), column (\d+)", parser_error)
    return f" pada baris {at[1]}, kolom {at[2]}" if at else " di akhir berkas"


def write_default(home: Path, path: Path | None = None) -> Path:
    """Write the commented template where the config is looked for, unless a file is there."""
    path = path or locate(home)
    if not path.exists():
        path.write_text(TEMPLATE, encoding="utf-8")
        path.chmod(0o640)  # it will hold the mailbox passwords
    return path
