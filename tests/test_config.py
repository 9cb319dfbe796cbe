"""warkat.toml is checked against one schema when read: types, choices, ranges, unknown keys;
the shipped template agrees with it; every command says what is wrong in one line."""

import os
import subprocess
import sys
import tomllib
from dataclasses import FrozenInstanceError

import pytest

from model import config
from model.config_schema import SCHEMA, TEMPLATE, defaults, problems
from model.errors import Invalid
from tui import cli


@pytest.fixture
def toml(tmp_path, monkeypatch):
    """Write warkat.toml text into a fresh home; returns the home."""
    monkeypatch.setattr(config, "_current", None)

    def write(text: str):
        (tmp_path / config.FILENAME).write_text(text, encoding="utf-8")
        return tmp_path

    return write


def refusal(home) -> str:
    with pytest.raises(Invalid) as refused:
        config.load(home)
    assert config._current is None
    return str(refused.value)


def test_the_template_holds_every_schema_key_at_its_default():
    assert tomllib.loads(TEMPLATE) == defaults()
    assert list(problems(tomllib.loads(TEMPLATE))) == []
    assert len({(k.section, k.name) for k in SCHEMA}) == len(SCHEMA)


def test_a_missing_file_gives_the_schema_defaults(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "_current", None)
    cfg = config.load(tmp_path)
    assert (cfg.mail, cfg.fax, cfg.idle_lock_minutes) == (
        config.MailConfig.from_data(defaults()["mail"]),
        config.FaxConfig.from_data(defaults()["fax"]),
        10,
    )
    assert (cfg.fax.class_, cfg.office.letterhead[0]) == ("2.0", "PEMERINTAH KABUPATEN TRENGGALEK")


def test_the_configuration_is_typed_and_read_only(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "_current", None)
    cfg = config.load(tmp_path)
    assert isinstance(cfg.fax.wait_busy_minutes, float) and isinstance(cfg.mail.imap_port, int)
    assert config.current() is cfg
    with pytest.raises(FrozenInstanceError):
        cfg.mail.inbox = "imap"  # type: ignore[misc]


def test_the_written_template_loads(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "_current", None)
    config.write_default(tmp_path)
    assert config.load(tmp_path).path == tmp_path / config.FILENAME


@pytest.mark.parametrize(
    "text,said",
    [
        ('[mail]\ninbox = "pop3"', '[mail] inbox = "pop3" tidak dikenal; pilihan: maildir, imap'),
        (
            '[screen]\nidle_lock_minutes = "abc"',
            '[screen] idle_lock_minutes = "abc" tidak sah; harus bilangan lebih dari 0 sampai 1440',
        ),
        (
            "[screen]\nidle_lock_minutes = 0",
            "[screen] idle_lock_minutes = 0 tidak sah; harus bilangan lebih dari 0 sampai 1440",
        ),
        (
            "[database]\nurl = 5",
            "[database] url = 5 tidak sah; harus berupa teks dalam tanda kutip",
        ),
        (
            '[mail]\nimap_port = "abc"',
            '[mail] imap_port = "abc" tidak sah; harus bilangan bulat 1–65535',
        ),
        (
            "[mail]\nsmtp_port = 70000",
            "[mail] smtp_port = 70000 tidak sah; harus bilangan bulat 1–65535",
        ),
        ("[mail]\nimap_port = 99.5", "[mail] imap_port = 99.5 tidak sah; harus bilangan bulat"),
        ("[fax]\nlsb_first = 1", "[fax] lsb_first = 1 tidak sah; harus true atau false"),
        (
            "[fax]\nclass = 2.0",
            '[fax] class = 2.0 tidak sah; harus berupa teks dalam tanda kutip; pilihan: "2.0", "2"',
        ),
        (
            "[fax]\nspeed = 1234",
            "[fax] speed = 1234 tidak dikenal; pilihan: 2400, 4800, 9600, "
            "19200, 38400, 57600, 115200",
        ),
        ("[fax]\ndevices = [1]", "[fax] devices = [1] tidak sah; harus berupa daftar teks"),
        ("[fax]\nwait_busy_minutes = inf", "[fax] wait_busy_minutes = inf tidak sah"),
        (
            '[mail]\nafter = "move:"',
            '[mail] after = "move:" tidak sah; pilihan: none, seen, move:NamaFolder',
        ),
        (
            '[agenda]\npattern = "{nomor}/{tahun}"',
            '[agenda] pattern = "{nomor}/{tahun}" tidak sah; kunci yang dikenal: klasifikasi, urut',
        ),
        (
            "[screen]\nidle_lock_minute = 5",
            "[screen] idle_lock_minute tidak dikenal (maksud Anda idle_lock_minutes?); kunci di "
            "[screen]: idle_lock_minutes, login",
        ),
        (
            '[layar]\nlogin = "ask"',
            "bagian [layar] tidak dikenal; bagian yang ada: office, "
            "database, agenda, backup, screen, fax, mail, printer",
        ),
        ('mail = "imap"', 'mail = "imap" tidak sah; tulis sebagai bagian [mail]'),
    ],
)
def test_a_bad_value_or_key_is_named_with_what_is_allowed(toml, text, said):
    home = toml(text)
    message = refusal(home)
    assert message.startswith(f"{home / config.FILENAME}: {said}")
    assert message.endswith(".")


def test_every_problem_of_a_file_is_named_at_once(toml):
    message = refusal(toml('[printer]\nkind = "laser"\n[mail]\ninbox = "pop3"\n'))
    assert message.endswith(
        ': [printer] kind = "laser" tidak dikenal; pilihan: pdf, cups, raw. '
        '[mail] inbox = "pop3" tidak dikenal; pilihan: maildir, imap.'
    )


def test_a_toml_syntax_error_is_told_in_indonesian(toml):
    message = refusal(toml("[office\nname = "))
    assert message.endswith("tidak sah: penulisan TOML salah pada baris 1, kolom 8.")


def test_good_values_of_every_kind_are_kept(toml):
    cfg = config.load(
        toml(
            '[screen]\nidle_lock_minutes = 2.5\n[mail]\ninbox = "imap"\n'
            'imap_port = 143\nafter = "move:Arsip"\n[fax]\nlsb_first = false\n'
            'devices = ["/dev/ttyS0"]\n'
        )
    )
    assert (cfg.idle_lock_minutes, cfg.mail.inbox, cfg.mail.imap_port) == (2.5, "imap", 143)
    assert (cfg.mail.after, cfg.fax.lsb_first, cfg.fax.devices) == (
        "move:Arsip",
        False,
        ("/dev/ttyS0",),
    )
    assert cfg.fax.all_devices == ("/dev/ttyS0",)
    assert cfg.mail.smtp_port == 587  # the rest at the defaults


def warkat(home, *args):
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )


@pytest.mark.parametrize(
    "args",
    [("mail", "sync"), ("user", "list"), ("audit", "verify"), ("backup", "--auto"), ("daemon",)],
)
def test_every_command_says_it_in_one_line_and_exits_1(tmp_path, args):
    home = tmp_path / "kantor"
    assert warkat(home, "init").returncode == 0
    (home / config.FILENAME).write_text('[mail]\ninbox = "pop3"\n', encoding="utf-8")
    out = warkat(home, *args)
    assert out.returncode == 1
    assert out.stderr == (
        f'warkat: {home / config.FILENAME}: [mail] inbox = "pop3" tidak '
        "dikenal; pilihan: maildir, imap.\n"
    )


@pytest.mark.parametrize("args", [["demo"], []])
def test_the_tui_and_the_demo_refuse_before_starting(tmp_path, capsys, args):
    home = tmp_path / "kantor"
    home.mkdir()
    (home / config.FILENAME).write_text('[screen]\nidle_lock_minutes = "abc"\n')
    assert cli.main(["--home", str(home), *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"warkat: {home / config.FILENAME}: [screen] idle_lock_minutes = ")
    assert len(err.splitlines()) == 1
