"""warkat.toml: where it is, reading it (checked against model.config_schema) into a Config."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from model.config_schema import DEFAULT_PATTERN, TEMPLATE, defaults, problems
from model.errors import Invalid

FILENAME = "warkat.toml"
SYSTEM_HOME = Path("/var/lib/warkat")  # the server install (scripts/install.sh)
SYSTEM_CONFIG = Path("/etc/warkat/warkat.toml")


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
            raise Invalid(f"Berkas konfigurasi {path} tidak sah: penulisan TOML salah"
                          f"{_position(str(exc))}.") from exc
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
    global _current
    _current = Config(
        home=home,
        path=path if path.exists() else None,
        office=data["office"],
        database_url=data["database"]["url"],
        agenda_pattern=data["agenda"]["pattern"],
        idle_lock_minutes=float(data["screen"]["idle_lock_minutes"]),
        login=data["screen"]["login"],
        fax=data["fax"],
        printer=data["printer"],
        mail=data["mail"],
        backup=data["backup"],
    )
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
