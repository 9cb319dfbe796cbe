"""Procedure 3 on screen: staf drafts, kabid sends back, staf revises, kabid compares and
approves, staf finalises, admin sends (the daemon simulated), archives and finds it again."""

import asyncio

from textual.widgets import DataTable, TextArea

from model import outbox
from model.books.agenda import OUTGOING, AgendaEntry
from model.email_out import records as email_out_records
from model.email_out.records import OutgoingMail, versions
from model.outbox import MailJob
from model.sop import DONE
from model.workflow.items import WorkItem
from spool.mail import finish as finish_mail
from tests.conftest import user
from tests.mail_helpers import outgoing_at
from tests.tui_helpers import (
    SIZE,
    drawn,
    footer_keys,
    make_app,
    pick_kode,
    settle,
    shown,
    start,
    type_text,
)
from tui.dialogs.reason import TextDialog
from tui.dialogs.resubmit import ResubmitDialog
from tui.screens.books.mail_archive import MailArchiveScreen, MailHistoryScreen
from tui.screens.email_out.approval import ApprovalScreen, VersionsScreen
from tui.screens.email_out.compose import ComposeScreen
from tui.screens.email_out.mail_send import MailSendScreen


async def fill(pilot, to: str, subject: str, body: str) -> None:
    await type_text(pilot, to)
    await pilot.press("tab", "tab")  # tembusan stays empty
    await type_text(pilot, subject)
    await pilot.press("tab")
    await type_text(pilot, body)


async def daemon_sends(pilot, message_id: str = "", error: str = "") -> MailJob:
    job = outbox.claim_next("uji")
    job = finish_mail(
        job.id,
        message_id=message_id,
        error=error,
        retry=False,
        pattern="{klasifikasi}/{urut:03d}/{unit}/{tahun}",
        unit_code="406.020",
    )
    await asyncio.sleep(1.2)  # the screen polls every second
    await settle(pilot)
    return job


async def test_draft_revision_approval_sending_and_archive(office, tmp_path):
    attachment = tmp_path / "data.csv"
    attachment.write_text("tahun,jumlah\n2026,12\n")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "staf", ComposeScreen())
        await fill(pilot, "bps@bps", "Data kependudukan triwulan", "Dengan hormat,")
        await pilot.press("ctrl+s")
        assert "Alamat email tidak sah: bps@bps" in shown(app, "#message")
        assert app.screen.query_one("#subject").value == "Data kependudukan triwulan"
        assert app.screen.query_one("#body", TextArea).text == "Dengan hormat,"
        assert (
            not OutgoingMail.select().where(OutgoingMail.subject.contains("kependudukan")).exists()
        )
        await pilot.click("#to")
        await pilot.press("end")
        await type_text(pilot, ".go.id")
        await pilot.click("#path")
        app.screen.query_one("#path").value = str(attachment)  # long path: not typed key by key
        await pilot.press("enter")
        assert "data.csv" in shown(app, "#message")
        await pilot.press("ctrl+k")
        assert "diajukan ke Kepala Bidang" in shown(app, "#message")
    mail = OutgoingMail.get(OutgoingMail.subject == "Data kependudukan triwulan")
    item_id = mail.item_id
    assert WorkItem.get_by_id(item_id).step == 2 and mail.to == "bps@bps.go.id"
    assert [a.filename for a in mail.attachments] == ["data.csv"]

    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kabid", ApprovalScreen(item_id=item_id))
        assert "Data kependudukan triwulan" in shown(app, "#draft")
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, TextDialog)
        await pilot.press("ctrl+s")
        assert "Tuliskan catatan revisi" in shown(app, "#message")
        await type_text(pilot, "Sebutkan sumber data")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "dikembalikan" in shown(app, "#message")
    assert WorkItem.get_by_id(item_id).step == 1

    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "staf", ComposeScreen(item_id=item_id))
        assert "Sebutkan sumber data" in shown(app, "#revision")
        assert "ctrl+t" not in footer_keys(app)
        body = app.screen.query_one("#body", TextArea)
        body.move_cursor(body.document.end)
        await pilot.press("enter")
        await type_text(pilot, "Sumber: BPS.")
        await pilot.press("ctrl+k")
    assert WorkItem.get_by_id(item_id).step == 2

    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kabid", ApprovalScreen(item_id=item_id))
        await pilot.press("v")
        assert isinstance(app.screen, VersionsScreen)
        diff = "\n".join(drawn(app, "#diff"))
        assert "Dari v1 ke v2" in diff and "\n+ Sumber: BPS." in diff
        await pilot.press("escape", "y")
        assert "disetujui" in shown(app, "#message")
    assert WorkItem.get_by_id(item_id).step == 3

    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "staf", ComposeScreen())
        table = app.screen.query_one("#drafts", DataTable)
        table.focus()
        row = [str(table.get_row_at(i)[0]) for i in range(table.row_count)].index(str(item_id))
        table.move_cursor(row=row)
        await pilot.press("enter")
        assert app.screen.query_one("#subject").value == "Data kependudukan triwulan"
        await pilot.press("ctrl+t")
        assert "Naskah final" in shown(app, "#message")
    assert WorkItem.get_by_id(item_id).step == 4
    assert [v.remark for v in versions(item_id)] == [
        "diajukan",
        "revisi: Sebutkan sumber data",
        "diajukan",
        "disetujui",
        "final",
    ]

    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", MailSendScreen(item_id=item_id))
        await pilot.press("k")
        await pick_kode(pilot)
        job = MailJob.get(MailJob.item == item_id)
        assert (job.status, job.kind, job.to, job.max_tries) == (
            "antri",
            "kirim",
            "bps@bps.go.id",
            3,
        )
        assert "antri" in shown(app, "#jobs") and "k" not in footer_keys(app)
        await daemon_sends(pilot, message_id="<k1@trenggalekkab.go.id>")
        assert "terkirim" in shown(app, "#jobs") and "<k1@trenggalekkab.go.id>" in shown(
            app, "#jobs"
        )
        assert WorkItem.get_by_id(item_id).step == 5 and "r" in footer_keys(app)
        await pilot.press("r")
        assert "diarsipkan" in shown(app, "#message")
    assert WorkItem.get_by_id(item_id).step == DONE
    number = AgendaEntry.get((AgendaEntry.item == item_id) & (AgendaEntry.book == OUTGOING)).number

    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", MailArchiveScreen())
        await pilot.press("f6")
        await type_text(pilot, "kependudukan")
        await settle(pilot)
        table = app.screen.query_one("#found", DataTable)
        assert table.row_count == 1 and str(table.get_row_at(0)[1]) == number
        await pilot.press("enter", "enter")
        assert isinstance(app.screen, MailHistoryScreen)
        trail = shown(app, "#trail")
        assert "revisi: Sebutkan sumber data" in trail and "terkirim" in trail
        assert app.screen.query_one("#history", DataTable).row_count == 8


async def test_a_failed_send_shows_its_error_and_can_be_queued_again(office):
    item_id = outgoing_at(4)
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kasi", MailSendScreen())
        await pilot.press("k")
        await pick_kode(pilot)
        await daemon_sends(pilot, error="550 mailbox tidak ada")
        assert "gagal" in shown(app, "#jobs") and "550 mailbox tidak ada" in shown(app, "#jobs")
        assert "k" in footer_keys(app)
        await pilot.press("k")
        assert app.screen.query_one("#klas-filter").value == "000.1.1"
        await pilot.press("enter")
        await settle(pilot)
    assert [
        j.status for j in MailJob.select().where(MailJob.item == item_id).order_by(MailJob.id)
    ] == ["gagal", "antri"]


async def test_a_change_to_the_approved_letter_is_confirmed_and_goes_back_as_v2(office):
    item_id = outgoing_at(3)
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "staf", ComposeScreen(item_id=item_id))
        assert "Disetujui Kepala Bidang sebagai v1" in shown(app, "#revision")
        assert "sebagai v2" in shown(app, "#revision")
        await pilot.press("ctrl+s")
        assert "Tidak ada perubahan; naskah #" in shown(app, "#message")
        assert "tetap disetujui (v1)" in shown(app, "#message")
        body = app.screen.query_one("#body", TextArea)
        body.move_cursor(body.document.end)
        await type_text(pilot, " Ralat.")
        await pilot.press("ctrl+t")
        assert "berbeda dari versi yang disetujui (isi)" in shown(app, "#message")
        assert WorkItem.get_by_id(item_id).step == 3
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ResubmitDialog)
        assert "sebagai v2" in shown(app, ".dialog Static:last-of-type")
        await pilot.press("escape")
        assert WorkItem.get_by_id(item_id).step == 3
        await pilot.press("ctrl+s", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ComposeScreen)
        assert "diajukan ulang ke Kepala Bidang sebagai v2" in shown(app, "#message")
    assert WorkItem.get_by_id(item_id).step == 2
    assert OutgoingMail.get(OutgoingMail.item == item_id).body.endswith(" Ralat.")
    assert [v.number for v in email_out_records.texts(item_id)] == [1, 2]

    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kabid", ApprovalScreen(item_id=item_id))
        assert "Versi yang diajukan: v2 · dibanding v1 (disetujui): isi" in shown(app, "#version")
        await pilot.press("v")
        diff = "\n".join(drawn(app, "#diff"))
        assert "Dari v1 ke v2" in diff and "Ralat." in diff.split("\n+ ")[-1]
        await pilot.press("escape", "y")
        assert "v2 disetujui" in shown(app, "#message")
    assert email_out_records.approved(item_id).number == 2


async def test_the_send_screen_proves_the_letter_is_the_approved_version(office):
    item_id = outgoing_at(4, subject="Laporan kegiatan persandian")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", MailSendScreen(item_id=item_id))
        assert "✓ sesuai versi yang disetujui (v1)" in shown(app, "#check")
        OutgoingMail.update(body="Isi disusupkan.").where(OutgoingMail.item == item_id).execute()
        app.screen.reload()
        await settle(pilot)
        check = shown(app, "#check")
        assert "sesuai" not in check and "berbeda dari versi yang disetujui" in check
        await pilot.press("k")
        await pick_kode(pilot)
        assert "tidak boleh dikirim" in shown(app, "#message")
    assert not MailJob.select().where(MailJob.item == item_id).exists()


def test_compose_snapshot(office, snap_compare):
    async def before(pilot):
        await start(pilot, "staf", ComposeScreen())
        await fill(
            pilot,
            "statistik@bps.go.id",
            "Jawaban permintaan data",
            "Yth. Kepala BPS Kabupaten Trenggalek",
        )
        await pilot.press("enter", "enter")
        await type_text(pilot, "Bersama ini kami sampaikan data yang diminta.")

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)


def test_approval_diff_snapshot(office, snap_compare):
    from model.email_out import flow as email_out

    item_id = outgoing_at(2)
    email_out.request_revision(user("kabid"), item_id, "Lengkapi tabel")
    email_out.save_draft(
        user("staf"),
        to="bps@bps.go.id",
        cc="",
        subject="Jawaban data",
        body="Dengan hormat,\nBersama ini kami sampaikan data.\nTabel terlampir.",
        item_id=item_id,
    )
    email_out.submit(user("staf"), item_id)

    async def before(pilot):
        await start(pilot, "kabid", ApprovalScreen(item_id=item_id))
        await pilot.press("v")

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)


def test_mail_send_snapshot(office, snap_compare):
    outgoing_at(4, subject="Laporan kegiatan persandian")

    async def before(pilot):
        await start(pilot, "admin", MailSendScreen())

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)


def test_mail_archive_snapshot(office, snap_compare):
    from model.email_in import flow as email_in
    from tests.mail_helpers import incoming_at

    for subject in ("Undangan rapat koordinasi", "Edaran keamanan siber"):
        email_in.archive(user("admin"), incoming_at(8, subject=subject))

    async def before(pilot):
        await start(pilot, "admin", MailArchiveScreen())

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)


async def test_f2_with_no_drafts_says_so(staff):
    app = make_app(staff)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "staf", ComposeScreen())
        await pilot.press("f2")
        assert shown(app, "#message") == "Belum ada draf."
        assert isinstance(app.screen, ComposeScreen)
