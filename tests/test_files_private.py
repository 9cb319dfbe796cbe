"""Files no one else can read: the home, database and its -wal/-shm, backups, out/ and every
PDF are 0700/0600 whatever the umask; no file name carries a letter's perihal."""

import os
import re
import shutil
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hw.printer import PdfPrinter
from model import backup, base
from model import home as home_mod
from model.books import ekspedisi
from model.db import db, write
from model.fax import jobs as fax_jobs
from model.fax import spool as fax_spool
from model.fax.records import FaxLogEntry, request_of
from model.org import Contact
from print.samples import write_samples
from tests.conftest import user
from tests.fax_helpers import at_step, live_daemon
from tests.mail_helpers import incoming_at
from tui import printing

FIXTURE = Path(__file__).parent / "fixtures" / "warkat-v3.db"
SECRET = "Pengamanan Kunci Kriptografi Merapi Zulu"


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_private(*roots: Path) -> None:
    """Each root and everything under it: folders 0700, files 0600."""
    for root in roots:
        for path in [root, *root.rglob("*")]:
            assert mode(path) == (0o700 if path.is_dir() else 0o600), path


def test_home_database_and_its_wal_and_shm(umask, tmp_path):
    cfg = home_mod.create(tmp_path / "kantor")
    with write():
        Contact.create(name="Satu")
    wal, shm = Path(f"{cfg.db_url}-wal"), Path(f"{cfg.db_url}-shm")
    assert wal.exists() and shm.exists()  # the connection is still open
    assert (mode(cfg.home), mode(cfg.out_dir)) == (0o700, 0o700)
    assert [mode(p) for p in (Path(cfg.db_url), wal, shm)] == [0o600] * 3
    db.obj.close()


def test_backups_and_restore(umask, tmp_path):
    home = tmp_path / "kantor"
    home.mkdir(mode=0o700)
    shutil.copyfile(FIXTURE, home / "warkat.db")
    os.chmod(home / "warkat.db", 0o600)
    cfg = home_mod.open_home(home)  # v3: copied first into cadangan/
    backup.auto(cfg)
    single = backup.backup(cfg, tmp_path / "satu.db").path
    backup.restore(cfg, single)  # keeps sebelum-pulih-*.db
    assert {p.name.split("-")[0] for p in (home / "cadangan").iterdir()} == {"sebelum", "warkat"}
    assert_private(home / "cadangan", home / "warkat.db")
    assert mode(single) == 0o600
    db.obj.close()


def test_printer_output_samples_and_report(umask, tmp_path):
    out = tmp_path / "keluaran" / "out"
    printer = PdfPrinter(out)
    pdf = printer.print_pdf(b"%PDF-1.4\n%%EOF\n", "Uji").kept_pdf
    text = printer.print_text("teks", "Uji").kept_pdf
    assert pdf.parent == out and text.suffix == ".txt"
    assert_private(out)
    samples = write_samples(tmp_path / "contoh", printing.disposition_choices())
    assert len(samples) > 5
    assert_private(tmp_path / "contoh")

    home = tmp_path / "kantor"
    run = {"capture_output": True, "text": True, "timeout": 120, "umask": umask}
    cli = [sys.executable, "-m", "tui.cli", "--home", str(home)]
    assert subprocess.run([*cli, "init"], **run).returncode == 0
    report = subprocess.run([*cli, "report", "compliance", "--month", "2026-11"], **run)
    assert report.returncode == 0, report.stderr
    other = subprocess.run(
        [*cli, "report", "compliance", "--out", str(tmp_path / "lap.pdf")], **run
    )
    assert other.returncode == 0, other.stderr
    test_page = subprocess.run([*cli, "print", "test"], **run)
    assert test_page.returncode == 0, test_page.stderr
    cli_samples = subprocess.run([*cli, "print", "samples", "--out", str(tmp_path / "c2")], **run)
    assert cli_samples.returncode == 0, cli_samples.stderr
    assert len(list((home / "out").iterdir())) == 2
    assert_private(home / "out", home / "warkat.db", tmp_path / "lap.pdf", tmp_path / "c2")
    assert mode(home) == 0o700


def test_no_file_name_carries_the_perihal_of_a_rahasia_letter(staff):
    item_id = at_step(5, perihal=SECRET, sifat="Rahasia")
    dest = request_of(item_id).destinations.get()
    job = fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=1)
    fax_spool.claim_next(live_daemon())
    fax_spool.finish(
        job.id,
        fax_jobs.AttemptReport(base.now(), base.now(), True, 1, 1, "Terkirim"),
        fax_spool.RetryPolicy(),
    )
    draft_id = at_step(2, perihal=SECRET, sifat="Rahasia")  # not numbered yet
    entry = ekspedisi.add(
        user("admin"),
        to="Kepala BKPSDM",
        perihal=SECRET,
        letter_number="000.1.1/001/406.020/2026",
        letter_date=date(2026, 11, 25),
    )
    mail_ids = [incoming_at(3, subject=SECRET), incoming_at(6, subject=f"{SECRET} (2)")]
    today = base.now().date()
    documents = [
        printing.disposition_sheet(item_id),
        printing.disposition_sheet(draft_id),
        printing.agenda_book("keluar", today, today),
        printing.transmission_journal(job.id),
        printing.daily_fax_report(today),
        printing.back_stamp(FaxLogEntry.get().id)[:2],
        printing.receipts([entry.id]),
        *(printing.email_printout(m) for m in mail_ids),
    ]
    printer = PdfPrinter(staff.out_dir)
    for pdf, title in documents:
        printer.print_pdf(pdf, title)
    printer.print_text(printing.back_stamp(FaxLogEntry.get().id)[2], "Cap belakang")
    names = [p.name.lower() for p in staff.out_dir.rglob("*")]
    assert len(names) == len(documents) + 1
    words = [w.lower() for w in re.findall(r"\w{4,}", SECRET)]
    leaks = [(n, w) for n in names for w in words if w in n]
    assert leaks == []
    assert not [t for _, t in documents if any(w in t.lower() for w in words)]  # job titles
    assert f"lembar-disposisi-{draft_id}.pdf" in " ".join(names)
