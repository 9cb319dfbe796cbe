"""`warkat` command line: the TUI by default, plus set-up, accounts, daemon, audit, backup."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from model.config_schema import FAX_CLASSES
from model.db import DATABASE_ERRORS, explain
from model.errors import WarkatError
from tui import argparse_id


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # ~10 ms: only for --version

    try:
        return version("warkat")
    except PackageNotFoundError:
        return "dev"


class _Version(argparse.Action):
    """--version, the installed version looked up only when asked for."""

    def __init__(self, option_strings, dest, **options):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **options)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"warkat {_version()}")
        parser.exit()


def _commands(parser: argparse.ArgumentParser, dest: str, **options):
    """The subcommands of `parser`, listed under "perintah"."""
    return parser.add_subparsers(dest=dest, title="perintah", metavar="PERINTAH", **options)


def build_parser() -> argparse.ArgumentParser:
    """`warkat` and its subcommands; argparse's own words in Indonesian too."""
    argparse_id.install()
    parser = argparse.ArgumentParser(prog="warkat", description="Warkat — meja kerja persandian")
    parser.add_argument("--version", action=_Version, help="tampilkan versi Warkat lalu keluar")
    parser.add_argument(
        "--home", metavar="FOLDER", help="folder data (konfigurasi, basis data, keluaran)"
    )
    parser.add_argument(
        "--config",
        metavar="BERKAS",
        help="berkas warkat.toml (baku: WARKAT_CONFIG, lalu "
        "HOME/warkat.toml, lalu /etc/warkat/warkat.toml untuk /var/lib/warkat)",
    )
    sub = _commands(parser, "command")
    init = sub.add_parser("init", help="siapkan folder data dan basis data")
    init.add_argument("--demo", action="store_true", help="isi dengan kantor demo")
    sub.add_parser("demo", help="buka aplikasi pada kantor demo (daemon ikut berjalan)")
    sub.add_parser("daemon", help="jalankan daemon spool (faks, email)")
    sub.add_parser("kiosk", help="pintu masuk SSH (ForceCommand lewat sudo): hanya aplikasi")
    user = _commands(sub.add_parser("user", help="kelola pengguna"), "action", required=True)
    add = user.add_parser("add", help="tambah pengguna")
    add.add_argument("username", metavar="PENGGUNA", help="nama pengguna untuk masuk")
    add.add_argument("--name", required=True, metavar="NAMA", help="nama lengkap")
    add.add_argument(
        "--role", action="append", required=True, metavar="PERAN", help="peran (boleh berulang)"
    )
    add.add_argument("--unit", metavar="KODE", help="kode unit")
    add.add_argument("--nip", default="", metavar="NIP", help="NIP pegawai")
    add.add_argument("--password", metavar="SANDI", help="kata sandi (tanpa ini: ditanyakan)")
    user.add_parser("list", help="daftar pengguna")
    passwd = user.add_parser("passwd", help="ganti kata sandi pengguna")
    passwd.add_argument("username", metavar="PENGGUNA", help="nama pengguna")
    passwd.add_argument(
        "--password", metavar="SANDI", help="kata sandi baru (tanpa ini: ditanyakan)"
    )
    for action, text in (
        ("disable", "nonaktifkan pengguna"),
        ("enable", "aktifkan kembali"),
        ("unlock", "buka kunci akun yang terkunci"),
    ):
        user.add_parser(action, help=text).add_argument(
            "username", metavar="PENGGUNA", help="nama pengguna"
        )
    audit = _commands(sub.add_parser("audit", help="jejak audit"), "action", required=True)
    verify = audit.add_parser("verify", help="periksa rantai hash jejak audit")
    verify.add_argument(
        "--anchor", metavar="N:HASH", help="jangkar tercetak/terkirim: rantai harus melewatinya"
    )
    anchor = audit.add_parser("anchor", help="tampilkan kepala rantai (jangkar)")
    anchor.add_argument("--email", action="store_true", help="kirim jangkar ke email Kasi")
    sub.add_parser("doctor", help="periksa konfigurasi, basis data, izin, perangkat, cadangan")
    backup = sub.add_parser(
        "backup", help="cadangkan basis data SQLite selagi berjalan, lalu periksa"
    )
    backup.add_argument("file", nargs="?", metavar="BERKAS", help="berkas tujuan")
    backup.add_argument(
        "--auto",
        action="store_true",
        help="salinan bertanggal di folder [backup] dir; yang tertua di luar [backup] keep dihapus",
    )
    restore = sub.add_parser(
        "restore", help="pulihkan basis data dari cadangan (daemon dihentikan dulu)"
    )
    restore.add_argument("file", metavar="BERKAS", help="berkas cadangan")
    fax = _commands(sub.add_parser("fax", help="modem faks"), "action", required=True)
    test = fax.add_parser("send-test", help="kirim satu halaman faks uji langsung ke modem")
    test.add_argument(
        "--device", required=True, metavar="PORT", help="port serial, mis. /dev/ttyUSB0"
    )
    test.add_argument("--number", required=True, metavar="NOMOR", help="nomor faks tujuan")
    test.add_argument("--fine", action="store_true", help="resolusi halus (204x196)")
    info = fax.add_parser("modem-info", help="tampilkan identitas dan kelas modem")
    info.add_argument("--device", required=True, metavar="PORT", help="port serial modem")
    for command in (test, info):
        command.add_argument(
            "--kelas",
            choices=FAX_CLASSES,
            metavar="KELAS",
            help=f"kelas faks: {', '.join(FAX_CLASSES)} (baku: [fax] class di warkat.toml)",
        )
    mail = _commands(sub.add_parser("mail", help="email kantor"), "action", required=True)
    mail.add_parser("sync", help="satu kali ambil email masuk dari kotak surat")
    imp = mail.add_parser("import", help="impor berkas .eml, maildir atau mbox")
    imp.add_argument("paths", nargs="+", metavar="BERKAS", help="berkas .eml, maildir atau mbox")
    printer = _commands(sub.add_parser("print", help="cetak"), "action", required=True)
    printer.add_parser("test", help="cetak halaman uji ke printer yang dikonfigurasi")
    samples = printer.add_parser("samples", help="tulis contoh PDF setiap dokumen")
    samples.add_argument("--out", required=True, metavar="FOLDER", help="folder tujuan")
    report = _commands(sub.add_parser("report", help="laporan"), "action", required=True)
    comp = report.add_parser("compliance", help="laporan kepatuhan mutu baku bulanan (PDF)")
    comp.add_argument("--month", metavar="TTTT-BB", help="bulan laporan (baku: bulan ini)")
    comp.add_argument("--out", metavar="BERKAS", help="berkas PDF tujuan (baku: folder out/)")
    return parser


def _ask_password(given: str | None) -> str:
    if given:
        return given
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Kata sandi: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise WarkatError("Kedua kata sandi tidak sama.")
    return first


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except WarkatError as exc:  # DatabaseProblem included
        print(f"warkat: {exc}", file=sys.stderr)
        return 1
    except DATABASE_ERRORS as exc:  # locked, read-only, …
        print(f"warkat: {explain(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _dispatch(args) -> int:
    from model import home as home_mod

    home = home_mod.resolve(args.home)
    if args.command == "init":
        cfg = home_mod.create(home, args.config)
        if args.demo:
            from tui.demo import seed_office

            seed_office(cfg)
        print(f"Folder data siap: {cfg.home}")
        return 0
    if args.command == "demo":
        from tui.demo import run_demo

        return run_demo(None if not args.home else home)
    if args.command == "restore":  # before open_home: the current database may be broken
        return _restore(home, args)
    if args.command == "kiosk":
        from tui.kiosk import run_kiosk

        return run_kiosk(home, args.config)
    if args.command == "doctor":
        from tui.doctor import run_doctor

        return run_doctor(home, args.config)
    if args.command == "user":
        from model.auth import require_admin_os_user

        admin = None if args.action == "list" else require_admin_os_user(home)
        home_mod.open_home(home, args.config)
        return _user(args, admin)
    cfg = home_mod.open_home(home, args.config)
    if args.command is None:
        from tui.app import WarkatApp

        WarkatApp(cfg).run()
        return 0
    if args.command == "daemon":
        from spool.main import run_daemon

        return run_daemon(cfg)
    if args.command == "audit":
        from tui.audit_cli import audit_command

        return audit_command(cfg, args)
    if args.command == "backup":
        return _backup(cfg, args)
    from tui.commands_cli import COMMANDS

    return COMMANDS[args.command](cfg, args)


def _user(args, admin) -> int:
    """`admin`: the OS user allowed to change accounts (None for `list`)."""
    from model import auth

    if args.action == "add":
        auth.add_user(
            args.username,
            args.name,
            _ask_password(args.password),
            args.role,
            unit_code=args.unit,
            nip=args.nip,
            by=admin,
        )
        print(f"Pengguna {args.username} ditambahkan.")
    elif args.action == "list":
        for a in auth.accounts():
            print(
                f"{a.username:<12} {a.state:<8} {a.unit or '-':<11} {a.full_name} "
                f"[{', '.join(a.roles)}]"
            )
    elif args.action == "passwd":
        auth.set_password(args.username, _ask_password(args.password), by=admin)
        print(f"Kata sandi {args.username} diganti.")
    else:
        change, done = {
            "disable": (auth.disable, "dinonaktifkan"),
            "enable": (auth.enable, "diaktifkan kembali"),
            "unlock": (auth.unlock, "dibuka kuncinya"),
        }[args.action]
        change(args.username, by=admin)
        print(f"Pengguna {args.username} {done}.")
    return 0


def _backup(cfg, args) -> int:
    from model import backup

    if bool(args.file) == args.auto:
        raise WarkatError("Sebutkan berkas tujuan atau --auto (salah satu).")
    if args.file:
        copy, removed = backup.backup(cfg, Path(args.file)), []
    else:
        copy, removed = backup.auto(cfg)
    print(f"Cadangan ditulis ke {copy.path} dan diperiksa ({copy.line()}).")
    if removed:
        print(f"{len(removed)} cadangan tertua dihapus; disimpan {cfg.backup.keep}.")
    return 0


def _restore(home: Path, args) -> int:
    from model import audit, backup
    from model import config as config_mod
    from model.auth import require_admin_os_user
    from model.db import write

    admin = require_admin_os_user(home)
    cfg = config_mod.load(home, config_mod.locate(home, args.config))
    done = backup.restore(cfg, Path(args.file))
    with write():
        audit.record(admin.actor, "pulihkan", str(done.source.path), **admin.detail)
    print(f"Basis data dipulihkan dari {done.source.path} ({done.source.line()}).")
    if done.previous:
        print(f"Basis data sebelumnya disimpan di {done.previous}.")
    if done.migrated:
        print(f"Migrasi diterapkan: versi {', '.join(map(str, done.migrated))}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
