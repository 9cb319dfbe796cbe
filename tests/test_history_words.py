"""History in the SOP's own words: each step log line is the label of the action taken and
the step it led to by its SOP name, or "selesai"; never `buat→1` or an action code."""

from model.email_in import flow as email_in
from model.sop import DONE, EMAIL_IN, FAX, FAX_PROCEDURE, PROCEDURES
from model.workflow.history import log_words
from model.workflow.items import StepLog, WorkItem
from tests.conftest import user
from tests.fax_helpers import at_step
from tests.mail_helpers import incoming_at
from tests.tui_helpers import SIZE, make_app, settle, shown, start
from tui.screens.books.mail_archive import MailHistoryScreen
from tui.screens.fax.disposition import RequestDetail
from tui.widgets.plain import DataTable


def lines(item_id: int) -> list[str]:
    item = WorkItem.get_by_id(item_id)
    return [str(log_words(item.procedure, log)) for log in item.log.order_by(StepLog.id)]


def test_a_fax_history_reads_as_the_sop(office):
    step = FAX_PROCEDURE.step
    assert lines(at_step(4)) == [
        f"Dibuat → langkah 1: {step(1).name}",
        f"Ajukan → langkah 2: {step(2).name}",
        f"Disposisi ke Adm. Umum → langkah 3: {step(3).name}",
        f"Agendakan → langkah 4: {step(4).name}",
    ]


def test_the_end_of_a_procedure_is_selesai(office):
    item_id = incoming_at(2, subject="Hadiah undian")
    email_in.set_aside(user("kasi"), item_id, "spam", "Undian palsu")
    assert lines(item_id)[-1] == "Bukan surat dinas → selesai"


def test_a_line_the_sop_no_longer_has_is_still_words(office):
    gone = StepLog(from_step=3, to_step=9, action="periksa_ulang")
    assert str(log_words(FAX, gone)) == "Periksa ulang → langkah 9"
    assert str(log_words(FAX, StepLog(from_step=7, to_step=DONE, action="arsipkan"))) == (
        "Arsipkan → selesai"
    )


async def test_the_fax_request_history_shows_words(office):
    item_id = at_step(5, perihal="Laporan insiden")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestDetail(item_id))
        text = " ".join(
            " ".join(str(s.render()) for s in app.screen.query("#detail-body Static")).split()
        )
        assert "Riwayat" in text
        assert "Disposisi ke Adm. Umum → langkah 3: Mengagendakan surat di buku agenda" in text
        assert "Serahkan ke operator → langkah 5: Mengirim surat sesuai alamat tujuan" in text
        assert "→1" not in text and "→ 3" not in text and "disposisi →" not in text


async def test_the_mail_archive_history_shows_words(office):
    item_id = incoming_at(8, subject="Undangan rapat koordinasi")
    email_in.archive(user("admin"), item_id)
    steps = PROCEDURES[EMAIL_IN].steps
    labels = ["Dibuat", *(step.actions[0].label for step in steps)]
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", MailHistoryScreen(item_id))
        table = app.screen.query_one("#history", DataTable)
        cells = [str(table.get_row_at(i)[1]).removesuffix(" ✎") for i in range(table.row_count)]
        assert cells == labels
        assert shown(app, "#step-note").startswith(f"Dibuat → langkah 1: {steps[0].name}")
        assert "Catatan: Diterima dari biro@jatimprov.go.id" in shown(app, "#step-note")
        for _ in range(table.row_count):
            await pilot.press("down")
        await settle(pilot)
        assert shown(app, "#step-note") == "Arsipkan → selesai"
        codes = {action.code for step in steps for action in step.actions}
        assert not codes & set(cells) and not any("→" in cell for cell in cells)
