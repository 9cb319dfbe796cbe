"""Every document filled from the database, checked in its text; the print dialog prints."""

from datetime import date

from pypdf import PdfReader

from model import base
from model.books import ekspedisi
from model.fax import jobs as fax_jobs
from model.fax import spool as fax_spool
from model.fax.records import FaxLogEntry, request_of
from tests.config_helpers import configure
from tests.conftest import user
from tests.fax_helpers import at_step, live_daemon
from tests.tui_helpers import make_app, settle, sign_in
from tui import printing
from tui.dialogs.print_dialog import PrintDialog


def text_of(pdf: bytes) -> str:
    import io

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def _sent_item():
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    job = fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=2)
    fax_spool.claim_next(live_daemon())
    report = fax_jobs.AttemptReport(
        base.now(),
        base.now(),
        True,
        2,
        2,
        "Terkirim",
        remote_id="+62318294608",
        params="Halus 14400",
    )
    fax_spool.finish(job.id, report, fax_spool.RetryPolicy())
    return item_id, job.id


def test_disposition_sheet_from_the_database(staff):
    item_id = at_step(4)
    pdf, title = printing.disposition_sheet(item_id)
    text = text_of(pdf)
    for expected in (
        "ND/015/KIP/2026",
        "Undangan rapat koordinasi",
        "000.1.1/001/406.020/2026",
        "Bambang Sutrisno",
        "Agendakan dan kirim melalui faksimili",
        "PEMERINTAH KABUPATEN TRENGGALEK",
    ):
        assert expected in text, expected
    assert title.startswith("Lembar disposisi")


def test_agenda_book_journal_daily_report_stamp_and_receipts(staff):
    item_id, job_id = _sent_item()
    today = base.now().date()
    assert "000.1.1/001/406.020/2026" in text_of(printing.agenda_book("keluar", today, today)[0])
    journal = text_of(printing.transmission_journal(job_id)[0])
    assert "+62318294608" in journal and "Diskominfo Jatim" in journal
    daily = text_of(printing.daily_fax_report(today)[0])
    assert "Diskominfo Jatim" in daily and "Agus Prasetyo" in daily
    stamp = text_of(printing.back_stamp(FaxLogEntry.get().id)[0])
    assert "TERKIRIM" in stamp and "000.1.1/001/406.020/2026" in stamp
    entry = ekspedisi.add(
        user("admin"),
        to="Kepala BKPSDM",
        perihal="Undangan rapat",
        letter_number="000.1.1/001/406.020/2026",
        letter_date=date(2026, 11, 25),
    )
    assert "Kepala BKPSDM" in text_of(printing.receipts([entry.id])[0])


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_print_dialog_previews_then_keeps_the_pdf_and_says_where(staff):
    item_id = at_step(3)
    app = make_app(staff)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "kasi")
        await app.push_screen(PrintDialog(*printing.disposition_sheet(item_id)))
        await settle(pilot)
        assert "LEMBAR DISPOSISI" in shown(app, "#print-text")  # read in a thread
        await pilot.press("enter")
        await settle(pilot)
        [kept] = list(staff.out_dir.glob("*.pdf"))
        assert "disimpan sebagai PDF" in shown(app, "#print-result")
        assert kept.name in shown(app, "#print-result")
        assert not app.screen.query_one("#print").disabled  # ready for another copy


async def test_print_dialog_says_it_is_printing_until_the_printer_answers(staff, monkeypatch):
    """The printer is slow: the dialog says so and stays usable; the answer is shown after."""
    import threading

    from hw.printer import PdfPrinter

    release = threading.Event()
    keep = PdfPrinter.print_pdf

    def slow(self, *args, **kwargs):
        release.wait(10)
        return keep(self, *args, **kwargs)

    monkeypatch.setattr(PdfPrinter, "print_pdf", slow)
    app = make_app(staff)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "kasi")
        await app.push_screen(PrintDialog(*printing.disposition_sheet(at_step(3))))
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "#print-result") == "Sedang mencetak…"
        assert app.screen.query_one("#print").disabled
        release.set()
        await settle(pilot)
        assert "disimpan sebagai PDF" in shown(app, "#print-result")


async def test_dot_matrix_printer_gets_the_document_as_text(staff, tmp_path):
    device = tmp_path / "lp0"
    device.write_bytes(b"")
    staff = configure(staff, printer=dict(kind="raw", device=str(device)))
    item_id = at_step(3)
    app = make_app(staff)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "kasi")
        await app.push_screen(PrintDialog(*printing.disposition_sheet(item_id)))
        await pilot.press("enter")
        await settle(pilot)
    printed = device.read_bytes()
    assert printed.startswith(b"\x1b@") and b"LEMBAR DISPOSISI" in printed
    assert b"ND/015/KIP/2026" in printed


def test_back_stamp_has_its_own_receipt_printer_text(staff):
    _sent_item()
    _, _, text = printing.back_stamp(FaxLogEntry.get().id)
    assert "TELAH DIKIRIM MELALUI FAKSIMILI" in text
    assert max(len(line) for line in text.splitlines()) <= 60
