"""Konsol kirim faks driven with Pilot: manual and modem sends, the daemon's progress, hand back."""

from datetime import timedelta

from textual.widgets import DataTable, Static

from model import base
from model.fax import spool as fax_spool
from model.fax.records import FaxDestination, FaxJob, FaxLogEntry, request_of
from model.fax.spool import RetryPolicy
from model.workflow.items import WorkItem
from tests.config_helpers import configure
from tests.conftest import user
from tests.fax_helpers import at_step, live_daemon
from tests.tui_helpers import make_app, settle, sign_in, type_text
from tui.dialogs.manual_send import ManualSendDialog
from tui.dialogs.print_dialog import PrintDialog
from tui.screens.fax.transmit import TransmitScreen

SIZE = (80, 24)
TWO = [("Diskominfo Jatim", "031-8294608"), ("BSSN", "021-7805814")]


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def dest_rows(app) -> list[list[str]]:
    table = app.screen.query_one("#dests", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def open_console(pilot, item_id: int) -> TransmitScreen:
    await sign_in(pilot, "operator")
    screen = TransmitScreen(item_id=item_id)
    pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


def report(ok: bool, pages: int, message: str, retry=None):
    from model.fax.jobs import AttemptReport

    at = base.now()
    return AttemptReport(
        started_at=at - timedelta(seconds=40),
        ended_at=at,
        ok=ok,
        pages_sent=pages if ok else 0,
        pages_total=pages,
        message=message,
        remote_id="0318294608",
        retry_kind=retry,
    )


def fax_machine(office):
    """The office sends on a standalone fax machine: the operator records each send."""
    return configure(office, fax={"device": "manual"})


async def test_manual_sends_then_sent_then_handed_back(office):
    item_id = at_step(5, destinations=TWO)
    app = make_app(fax_machine(office))
    async with app.run_test(size=SIZE) as pilot:
        await open_console(pilot, item_id)
        await pilot.press("t")
        await settle(pilot)
        assert "Belum terkirim ke: Diskominfo Jatim, BSSN." in text_of(app, "#message")
        assert WorkItem.get_by_id(item_id).step == 5
        for remote in ("0318294608", "0217805814"):
            await pilot.press("k")
            await settle(pilot)
            assert isinstance(app.screen, ManualSendDialog)
            await type_text(pilot, remote)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, TransmitScreen)
            await pilot.press("down")
        assert [r[2] for r in dest_rows(app)] == ["Terkirim", "Terkirim"]
        await pilot.press("t")
        await settle(pilot)
        assert WorkItem.get_by_id(item_id).step == 6
        assert text_of(app, "#message") == ""
        await pilot.press("s")
        await settle(pilot)
        assert WorkItem.get_by_id(item_id).step == 7
        assert item_id not in [r.id for r in app.screen.queue]
    log = list(FaxLogEntry.select().where(FaxLogEntry.item == item_id).order_by(FaxLogEntry.id))
    assert [(e.to_name, e.via, e.ok, e.remote_id, e.operator.username) for e in log] == [
        ("Diskominfo Jatim", "manual", True, "0318294608", "operator"),
        ("BSSN", "manual", True, "0217805814", "operator"),
    ]
    assert log[0].agenda_number.endswith("/406.020/2026")


async def test_manual_send_refuses_a_bad_time_and_keeps_the_form(office):
    item_id = at_step(5)
    app = make_app(fax_machine(office))
    async with app.run_test(size=SIZE) as pilot:
        await open_console(pilot, item_id)
        await pilot.press("k")
        await settle(pilot)
        modal = app.screen
        modal.query_one("#at").value = "31-02-2026 10:00"
        await type_text(pilot, "0318294608")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is modal
        assert "tidak sah: tulis hh-bb-tttt jj:mm" in text_of(app, "#message")
        assert modal.query_one("#remote").value == "0318294608"
        modal.query_one("#at").value = "25-11-2026 11:00"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "masa depan" in text_of(app, "#message")
        await pilot.press("escape")
    assert not FaxLogEntry.select().where(FaxLogEntry.item == item_id).exists()


async def test_modem_send_shows_the_daemons_progress_live(office):
    item_id = at_step(5)
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await open_console(pilot, item_id)
        await pilot.press("k")
        await settle(pilot)
        job = FaxJob.get(FaxJob.item == item_id)
        assert (job.status, job.dial, job.max_tries) == ("antri", "0318294608", 3)
        assert dest_rows(app)[0][2:5] == ["Antre", "0/3", "0/1"]
        await pilot.press("k")
        await settle(pilot)
        assert "sudah dalam antrean modem" in text_of(app, "#message")
        claimed = fax_spool.claim_next(live_daemon())
        fax_spool.report_progress(claimed.id, "Mengirim halaman 1/1")
        await pilot.pause(1.2)
        await settle(pilot)
        assert dest_rows(app)[0][2] == "Sedang dikirim"
        assert dest_rows(app)[0][5] == "Mengirim halaman 1/1"
        fax_spool.finish(claimed.id, report(True, 1, "OK"), RetryPolicy())
        await pilot.pause(1.2)
        await settle(pilot)
        assert dest_rows(app)[0][2:5] == ["Terkirim", "1/3", "1/1"]
        assert "OK" in text_of(app, "#job-info")
        await pilot.press("j")
        await settle(pilot)
        assert isinstance(app.screen, PrintDialog)
        await pilot.press("escape")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, PrintDialog)
        await pilot.press("escape")
        await pilot.press("t")
        await settle(pilot)
    assert WorkItem.get_by_id(item_id).step == 6
    assert FaxLogEntry.get(FaxLogEntry.item == item_id).via == "modem"


async def test_failed_job_shows_its_reason_and_can_be_resent(office):
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    from model.fax import jobs as fax_jobs

    job = fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=1, max_tries=1)
    fax_spool.claim_next(live_daemon())
    fax_spool.finish(job.id, report(False, 1, "Nomor sibuk", retry="busy"), RetryPolicy())
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await open_console(pilot, item_id)
        assert dest_rows(app)[0][2] == "Gagal"
        assert "Nomor sibuk — k kirim ulang, x batalkan" in text_of(app, "#job-info")
        await pilot.press("k")
        await settle(pilot)
        assert FaxJob.get_by_id(job.id).status == "antri"
        assert dest_rows(app)[0][2] == "Antre"
    assert WorkItem.get_by_id(item_id).step == 5
    assert FaxDestination.get_by_id(dest.id).status == "belum"


async def test_daily_report_prints_from_the_console(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await open_console(pilot, None)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, PrintDialog)


def test_transmit_snapshot(office, snap_compare):
    item_id = at_step(5, destinations=TWO)
    dests = list(request_of(item_id).destinations.order_by(FaxDestination.id))
    from model.fax import jobs as fax_jobs

    fax_jobs.record_manual(
        user("operator"),
        item_id,
        dests[0].id,
        at=base.now(),
        remote_id="0318294608",
        pages=1,
        ok=True,
    )
    job = fax_jobs.enqueue(user("operator"), item_id, dests[1].id, pages=2)
    fax_spool.claim_next(live_daemon())
    fax_spool.report_progress(job.id, "Mengirim halaman 2/2 (9600 bps)")

    async def before(pilot):
        await settle(pilot)
        await open_console(pilot, item_id)
        await pilot.press("down")

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)


def test_manual_send_snapshot(office, snap_compare):
    item_id = at_step(5)

    async def before(pilot):
        await settle(pilot)
        await open_console(pilot, item_id)
        await pilot.press("k")
        await settle(pilot)

    assert snap_compare(make_app(fax_machine(office)), terminal_size=SIZE, run_before=before)


async def test_a_job_left_by_a_dead_daemon_can_be_decided_from_the_console(office):
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    from model.fax import jobs as fax_jobs

    job = fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=2)
    fax_spool.claim_next("spool:kantor:99999:20261125090000")  # that daemon is gone
    fax_spool.report_progress(job.id, "Mengirim halaman 1/2", dialling=True)
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await open_console(pilot, item_id)
        assert dest_rows(app)[0][2] == "Terputus"
        assert "daemon yang mengirim tidak aktif lagi" in text_of(app, "#job-info")
        await pilot.press("k")
        await settle(pilot)
        assert FaxJob.get_by_id(job.id).status == "antri"
        assert dest_rows(app)[0][2] == "Antre"
    attempt = FaxJob.get_by_id(job.id).attempt_rows.get()
    assert attempt.message.startswith("Daemon berhenti mendadak saat mengirim")
