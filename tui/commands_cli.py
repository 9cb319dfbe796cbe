"""The device, mail, print and report subcommands of `warkat` (each returns an exit code)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from model.config import Config
from model.errors import WarkatError
from model.sop import EMAIL_IN, PROCEDURES, number


def fax(cfg: Config, args) -> int:
    from spool.fax import modem_info, send_test

    if args.action == "modem-info":
        print(modem_info(cfg, args.device, args.kelas))
        return 0
    ok, line = send_test(cfg, args.device, args.number, args.fine, args.kelas)
    print(line)
    return 0 if ok else 1


def mail(cfg: Config, args) -> int:
    from spool.mail import import_paths, run_sync

    if args.action == "sync":
        tally, reasons = run_sync(cfg), []
    else:
        tally, reasons = import_paths(args.paths)
    for reason in reasons:
        print(f"ditolak: {reason}")
    print(tally.line())
    return 0


def print_(cfg: Config, args) -> int:
    from print.samples import test_page_pdf, write_samples
    from tui.dialogs.print_dialog import make_configured_printer
    from tui.printing import disposition_choices, letterhead

    if args.action == "samples":
        out = Path(args.out)
        try:
            out.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise WarkatError(f"Folder {out} tidak dapat dibuat: {exc.strerror}") from exc
        paths = write_samples(out, disposition_choices())
        for path in paths:
            print(path)
        print(f"{len(paths)} contoh dokumen ditulis ke {out}")
        return 0
    result = make_configured_printer(cfg).print_pdf(
        test_page_pdf(letterhead(), cfg.printer.paper), "Halaman uji Warkat"
    )
    kept = result.kept_pdf and str(result.kept_pdf) not in result.message
    print(result.message + (f" (PDF: {result.kept_pdf})" if kept else ""))
    return 0 if result.ok else 1


def report(cfg: Config, args) -> int:
    from hw.printer import write_private
    from model.reports.compliance import monthly, set_aside
    from tui.printing import compliance_report

    year, month = date.today().year, date.today().month
    if args.month:
        try:
            year, month = (int(x) for x in args.month.split("-"))
            date(year, month, 1)
        except ValueError as exc:
            raise WarkatError(
                f"Bulan '{args.month}' tidak sah: tulis TTTT-BB, mis. 2026-11."
            ) from exc
    pdf, title = compliance_report(year, month)
    target = Path(args.out) if args.out else cfg.out_dir / f"mutu-baku-{year}-{month:02d}.pdf"
    try:
        write_private(target, pdf)
    except OSError as exc:
        raise WarkatError(f"Laporan tidak dapat ditulis ke {target}: {exc.strerror}") from exc
    for row in monthly(year, month):
        print(report_line(row))
    counts = set_aside(year, month)
    print(
        f"{PROCEDURES[EMAIL_IN].short:<12} langkah {number(EMAIL_IN, 'sisihkan'):>2}: "
        f"{sum(c.count for c in counts)} bukan surat dinas ("
        + (", ".join(f"{c.label} {c.count}" for c in counts) or "tidak ada")
        + ")"
    )
    print(f"{title}: {target}")


def report_line(row) -> str:
    """One step of the month: how many were done, and the share within its mutu baku."""
    if row.within_share is not None:
        within = f"{row.within_share:.0%} dalam mutu baku".replace("%", " %")
    elif row.standard_minutes is None:
        within = "tanpa mutu baku"
    else:
        within = "-"
    return (
        f"{PROCEDURES[row.procedure].short:<12} langkah {row.step:>2}: "
        f"{row.count} selesai, {within}"
    )
    return 0


COMMANDS = {"fax": fax, "mail": mail, "print": print_, "report": report}
