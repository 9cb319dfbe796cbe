"""Procedure 2 on screen: the admin sorts, prints, registers, labels and forwards; the unit
follows up (in writing or by answering with an outgoing email); the admin archives; the Kasi
sets a phishing mail aside and finds it in the archive."""

from textual.widgets import DataTable, RadioSet, SelectionList, Static

from model.books.agenda import INCOMING, AgendaEntry
from model.email_in.records import FollowUp
from model.email_out.records import OutgoingMail
from model.outbox import MailJob
from model.sop import DONE
from model.workflow.items import StepLog, UnitTask, WorkItem
from tests.mail_helpers import incoming_at
from tests.tui_helpers import (
    SIZE,
    footer_keys,
    make_app,
    pick_kode,
    settle,
    shown,
    start,
    type_text,
)
from tui.dialogs.forward import ForwardDialog
from tui.dialogs.print_dialog import PrintDialog
from tui.dialogs.reason import TextDialog
from tui.dialogs.set_aside import SetAsideDialog
from tui.screens.books.mail_archive import MailArchiveScreen, MailHistoryScreen
from tui.screens.email_in.followup import FollowUpScreen
from tui.screens.email_in.mail_view import AttachmentScreen, MailViewScreen, attachment_text
from tui.screens.email_in.triage import TriageScreen
from tui.screens.email_out.compose import ComposeScreen
from tui.screens.help import HelpScreen


async def test_admin_prints_registers_labels_forwards_and_staf_follows_up(office):
    item_id = incoming_at(
        2, subject="Undangan rapat evaluasi SPBE", attachment=("undangan.pdf", b"%PDF-1.4 undangan")
    )
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", TriageScreen())
        assert "Undangan rapat evaluasi SPBE" in shown(app, "#mail")
        assert "Langkah 2: Menyortir" in shown(app, "#where")
        assert {"c", "f", "i"} <= footer_keys(app) and "d" not in footer_keys(app)
        await pilot.press("enter")
        assert isinstance(app.screen, MailViewScreen)
        await pilot.press("tab", "enter")
        assert isinstance(app.screen, AttachmentScreen)
        await pilot.press("escape", "escape")
        await pilot.press("c")
        assert WorkItem.get_by_id(item_id).step == 3
        assert "Langkah 3: Mencetak" in shown(app, "#where")  # the screen followed the mail
        await pilot.press("c")
        assert isinstance(app.screen, PrintDialog)
        await pilot.press("escape")
        await pilot.press("d")
        await pilot.press("a")
        await pick_kode(pilot)
        await pilot.press("ctrl+s")  # the letter's details as prefilled
        await settle(pilot)
        number = AgendaEntry.get(AgendaEntry.item == item_id).number
        assert number == "000.1.1/001/406.020/2026"
        assert number in shown(app, "#message") and number in shown(app, "#mail")
        await pilot.press("l")
        assert isinstance(app.screen, PrintDialog) and number in app.screen.doc_title
        await pilot.press("escape")
        assert WorkItem.get_by_id(item_id).step == 6
        await pilot.press("f")
        assert isinstance(app.screen, ForwardDialog)
        units = app.screen.query_one(SelectionList)
        assert "Badan Kepegawaian dan Pengembangan SDM (email)" in [
            str(units.get_option_at_index(i).prompt) for i in range(units.option_count)
        ]
        await pilot.press("ctrl+s")
        assert "Pilih minimal satu" in shown(app, "#message")
        await pilot.press("space", "tab")  # the first unit: Bidang Aplikasi Informatika
        await type_text(pilot, "Mohon dijawab")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TriageScreen)
        assert "diteruskan" in shown(app, "#message")
    fwd = UnitTask.get(UnitTask.item == item_id)
    assert (fwd.unit.code, fwd.note, WorkItem.get_by_id(item_id).step) == (
        "APTIKA",
        "Mohon dijawab",
        7,
    )
    entry = AgendaEntry.get(AgendaEntry.item == item_id)
    assert entry.book == INCOMING and entry.party == "Biro Umum"

    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "staf", FollowUpScreen(item_id=item_id))
        assert "Catatan: Mohon dijawab" in shown(app, "#mail")
        await pilot.press("w")
        assert isinstance(app.screen, TextDialog)
        await type_text(pilot, "Hadir rapat")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Tindak lanjut email" in shown(app, "#message")
        assert app.screen.query_one(DataTable).row_count == 0
    assert FollowUp.get().text == "Hadir rapat" and WorkItem.get_by_id(item_id).step == 8

    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", TriageScreen(item_id=item_id))
        assert "Langkah 8" in shown(app, "#where")
        await pilot.press("r")
    assert WorkItem.get_by_id(item_id).step == DONE
    assert [
        (log.action, log.actor.username if log.actor else None)
        for log in StepLog.select().where(StepLog.item == item_id).order_by(StepLog.id)
    ] == [
        ("buat", None),
        ("terima", None),
        ("cetak", "admin"),
        ("dicetak", "admin"),
        ("agendakan", "admin"),
        ("dilabeli", "admin"),
        ("teruskan", "admin"),
        ("tindak_lanjut", "staf"),
        ("arsipkan", "admin"),
    ]


async def test_tanpa_cetak_goes_straight_to_forward_to_an_outside_opd(office):
    item_id = incoming_at(2, subject="Edaran libur nasional")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kasi", TriageScreen())
        assert footer_keys(app) >= {"c", "f"}
        await pilot.press("f")  # on without printing
        assert WorkItem.get_by_id(item_id).step == 6
        assert "Tanpa cetak" in shown(app, "#message")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", TriageScreen(item_id=item_id))
        assert "Langkah 6" in shown(app, "#where") and "f" in footer_keys(app)
        await pilot.press("f")
        await pilot.press("end", "space", "ctrl+s")  # the last row: Dinas Kesehatan (email)
        await settle(pilot)
    assert WorkItem.get_by_id(item_id).step == 7
    job = MailJob.get(MailJob.item == item_id)
    assert (job.kind, job.to) == ("teruskan", "dinkes@trenggalekkab.go.id")


async def test_staf_answers_by_outgoing_email(office):
    item_id = incoming_at(7, subject="Permintaan data SPBE")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "staf", FollowUpScreen())
        await pilot.press("b")
        assert isinstance(app.screen, ComposeScreen)
        assert app.screen.query_one("#to").value == "biro@jatimprov.go.id"
        assert app.screen.query_one("#subject").value == "Re: Permintaan data SPBE"
        await type_text(pilot, "Data terlampir.")
        await pilot.press("ctrl+s", "escape")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        reply = OutgoingMail.get(OutgoingMail.reply_to == item_id)
        assert f"email keluar #{reply.item_id}" in shown(app, "#message")
    done = FollowUp.get()
    assert done.reply_item_id == reply.item_id
    assert done.text == f"Dijawab melalui email keluar #{reply.item_id}"
    assert WorkItem.get_by_id(item_id).step == 8 and WorkItem.get_by_id(reply.item_id).step == 1


def test_attachments_are_text_only_when_they_are_text():
    assert (
        attachment_text(
            "Rapat pukul 09.00".encode("latin-1"), "text/plain; charset=latin-1", "a.txt"
        )
        == "Rapat pukul 09.00"
    )
    assert "tidak dapat ditampilkan sebagai teks" in attachment_text(
        b"%PDF", "application/pdf", "a.pdf"
    )


def test_triage_snapshot(office, snap_compare):
    incoming_at(2, attachment=("undangan.pdf", b"%PDF-1.4 undangan"))
    incoming_at(2, subject="Permohonan narasumber keamanan informasi", sender="bssn@bssn.go.id")
    incoming_at(4, subject="Laporan insiden siber triwulan III")

    async def before(pilot):
        await start(pilot, "admin", TriageScreen())

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)


def test_followup_snapshot(office, snap_compare):
    incoming_at(7, subject="Permintaan data aplikasi SPBE")

    async def before(pilot):
        await start(pilot, "staf", FollowUpScreen())

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)


async def test_kasi_sets_a_phishing_mail_aside_and_finds_it_in_the_archive(office):
    incoming_at(2, subject="Undangan rapat koordinasi")
    item_id = incoming_at(2, subject="Verifikasi akun email Anda", sender="it@verify.example")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kasi", TriageScreen())
        assert "i" in footer_keys(app)
        ids = [r.id for r in app.screen.rows]
        for _ in range(ids.index(item_id)):
            await pilot.press("down")
        assert "Verifikasi akun email Anda" in shown(app, "#mail")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert "Bukan surat dinas → selesai" in app.screen.text
        await pilot.press("escape", "i")
        assert isinstance(app.screen, SetAsideDialog)
        await pilot.press("ctrl+s")
        assert "Pilih jenis" in shown(app, "#message")
        await pilot.press("right", "space")  # from Spam to Phishing/penipuan
        assert app.screen.query_one(RadioSet).pressed_button.id == "kind-phishing"
        await pilot.press("tab")
        await type_text(pilot, "Tautan palsu meminta kata sandi")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TriageScreen)
        assert "disisihkan (Phishing/penipuan)" in shown(app, "#message")
        assert item_id not in [r.id for r in app.screen.rows]
        app.push_screen(MailArchiveScreen())
        await settle(pilot)
        table = app.screen.query_one("#found", DataTable)
        assert str(table.get_cell(str(item_id), table.ordered_columns[1].key)) == (
            "Phishing/penipuan"
        )
        await pilot.press("enter")  # from the search field to the list
        await settle(pilot)
        assert app.screen.focused is table
        for _ in range([i.id for i in app.screen.found].index(item_id)):
            await pilot.press("down")
        marker = "Bukan surat dinas: Phishing/penipuan — Tautan palsu meminta kata sandi"
        assert marker in shown(app, "#message")
        await pilot.press("f7")  # official letters only
        await settle(pilot)
        assert "Surat dinas" in shown(app, "#filter")
        assert item_id not in [i.id for i in app.screen.found]
        await pilot.press("f7")  # set aside only
        await settle(pilot)
        assert {i.id for i in app.screen.found} == {item_id}
        await pilot.press("enter")
        assert isinstance(app.screen, MailHistoryScreen)
        assert "Bukan surat dinas: Phishing/penipuan" in shown(app, "#summary")
        assert marker in shown(app, "#trail")
        await pilot.press("enter")
        assert isinstance(app.screen, MailViewScreen)
        assert marker in str(app.screen.query_one("#view-body Static", Static).render())
    assert WorkItem.get_by_id(item_id).step == DONE
    assert (
        StepLog.select().where(StepLog.item == item_id).order_by(StepLog.id.desc()).get().action
        == "sisihkan"
    )
