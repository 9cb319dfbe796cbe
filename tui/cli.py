"""`warkat` command line: the TUI by default, plus set-up, accounts, daemon, audit, backup."""

from __future__ import annotations

import argparse
import getpass
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from model.db import DatabaseProblem
from model.errors import WarkatError


def _version() -> str:
    try:
        return version("warkat")
    except PackageNotFoundError:
        return "dev"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="warkat", description="Warkat — meja kerja persandian")
    parser.add_argument("--version", action="version", version=f"warkat {_version()}")
    parser.add_argument("--home", help="folder data (config, basis data, keluaran)")
    sub = parser.add_subparsers(dest="command")
    init = sub.add_parser("init", help="siapkan folder data dan basis data")
    init.add_argument("--demo", action="store_true", help="isi dengan kantor demo")
    sub.add_parser("demo", help="buka aplikasi pada kantor demo (daemon ikut berjalan)")
    sub.add_parser("daemon", help="jalankan daemon spool (faks, email)")
    user = sub.add_parser("user", help="kelola pengguna").add_subparsers(dest="action",
                                                                         required=True)
    add = user.add_parser("add", help="tambah pengguna")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="nama lengkap")
    add.add_argument("--role", action="append", required=True, help="peran (boleh berulang)")
    add.add_argument("--unit", help="kode unit")
    add.add_argument("--nip", default="")
    add.add_argument("--password", help="kata sandi (tanpa ini: ditanyakan)")
    user.add_parser("list", help="daftar pengguna")
    passwd = user.add_parser("passwd", help="ganti kata sandi pengguna")
    passwd.add_argument("username")
    passwd.add_argument("--password")
    disable = user.add_parser("disable", help="nonaktifkan pengguna")
    disable.add_argument("username")
    audit = sub.add_parser("audit", help="jejak audit").add_subparsers(dest="action",
                                                                      required=True)
    audit.add_parser("verify", help="periksa rantai hash jejak audit")
    backup = sub.add_parser("backup", help="cadangkan basis data SQLite (online)")
    backup.add_argument("file")
    fax = sub.add_parser("fax", help="modem faks").add_subparsers(dest="action", required=True)
    test = fax.add_parser("send-test", help="kirim satu halaman faks uji langsung ke modem")
    test.add_argument("--device", required=True, help="port serial, mis. /dev/ttyUSB0")
    test.add_argument("--number", required=True, help="nomor faks tujuan")
    test.add_argument("--fine", action="store_true", help="resolusi halus (204x196)")
    info = fax.add_parser("modem-info", help="tampilkan identitas dan kelas modem")
    info.add_argument("--device", required=True)
    mail = sub.add_parser("mail", help="email kantor").add_subparsers(dest="action",
                                                                     required=True)
    mail.add_parser("sync", help="satu kali ambil email masuk dari kotak surat")
    imp = mail.add_parser("import", help="impor berkas .eml, maildir atau mbox")
    imp.add_argument("paths", nargs="+")
    printer = sub.add_parser("print", help="cetak").add_subparsers(dest="action",
                                                                   required=True)
    printer.add_parser("test", help="cetak halaman uji ke printer yang dikonfigurasi")
    samples = printer.add_parser("samples", help="tulis contoh PDF setiap dokumen")
    samples.add_argument("--out", required=True, help="folder tujuan")
    report = sub.add_parser("report", help="laporan").add_subparsers(dest="action",
                                                                    required=True)
    comp = report.add_parser("compliance", help="laporan kepatuhan mutu baku bulanan (PDF)")
    comp.add_argument("--month", help="YYYY-MM (baku: bulan ini)")
    comp.add_argument("--out", help="berkas PDF tujuan (baku: folder out/)")
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
    except (WarkatError, DatabaseProblem) as exc:
        print(f"warkat: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _dispatch(args) -> int:
    from model import home as home_mod

    home = home_mod.resolve(args.home)
    if args.command == "init":
        cfg = home_mod.create(home)
        if args.demo:
            from tui.demo import seed_office

            seed_office(cfg)
        print(f"Folder data siap: {cfg.home}")
        return 0
    if args.command == "demo":
        from tui.demo import run_demo

        return run_demo(None if not args.home else home)
    cfg = home_mod.open_home(home)
    if args.command is None:
        from tui.app import WarkatApp

        WarkatApp(cfg).run()
        return 0
    if args.command == "daemon":
        from spool.main import run_daemon

        return run_daemon(cfg)
    if args.command == "user":
        return _user(args)
    if args.command == "audit":
        return _audit()
    if args.command == "backup":
        return _backup(cfg, Path(args.file))
    from tui.commands_cli import COMMANDS

    return COMMANDS[args.command](cfg, args)


def _user(args) -> int:
    from model import auth
    from model.org import User

    if args.action == "add":
        auth.add_user(args.username, args.name, _ask_password(args.password), args.role,
                      unit_code=args.unit, nip=args.nip, by="cli")
        print(f"Pengguna {args.username} ditambahkan.")
    elif args.action == "list":
        for user in User.select().order_by(User.username):
            state = "aktif" if user.active else "nonaktif"
            unit = user.unit.code if user.unit else "-"
            print(f"{user.username:<12} {state:<8} {unit:<11} {user.full_name} "
                  f"[{', '.join(user.roles)}]")
    elif args.action == "passwd":
        auth.set_password(args.username, _ask_password(args.password), by="cli")
        print(f"Kata sandi {args.username} diganti.")
    elif args.action == "disable":
        auth.disable(args.username, by="cli")
        print(f"Pengguna {args.username} dinonaktifkan.")
    return 0


def _audit() -> int:
    from model.audit import verify

    count, broken = verify()
    if broken is None:
        print(f"Jejak audit utuh: {count} entri diperiksa.")
        return 0
    print(f"Jejak audit RUSAK pada entri #{broken.id} ({broken.at}, {broken.actor}, "
          f"{broken.action}); {count} entri sebelumnya utuh.")
    return 1


def _backup(cfg, target: Path) -> int:
    from model.backup import backup

    pages = backup(cfg, target)
    print(f"Cadangan ditulis ke {target} ({pages} halaman).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
