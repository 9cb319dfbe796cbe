"""Registering an incoming letter at 80×24 asks what the buku agenda surat masuk needs — the
sender's letter number and date (prefilled from the mail) and diteruskan kepada — shows every
problem at once, keeps a late letter date with a warning; "Beri label" prints the agenda stamp;
the forward starts from the units named; the book screen shows the letter."""

from datetime import date, timedelta

from textual.widgets import Button, SelectionList

from model.books.agenda import AgendaEntry
from model.db import write
from model.email_in.records import IncomingMail, mail_of
from model.org import Unit
from model.workflow.items import WorkItem
from tests.mail_helpers import incoming_at
from tests.tui_helpers import SIZE, make_app, pick_kode, settle, shown, start, type_text
from tui.dialogs.forward import ForwardDialog
from tui.dialogs.print_dialog import PrintDialog, pdf_text
from tui.dialogs.register_letter import RegisterDialog
from tui.screens.books.agenda_book import AgendaBookScreen
from tui.screens.email_in.triage import TriageScreen
from tui.widgets.field_errors import FieldError

BODY = "Yth. Kepala Dinas Kominfo\n\nNomor   : 800/45/406.3/2026\nSifat   : Biasa\n\nDengan hormat, ..."


def value(app, field_id: str) -> str:
    return app.screen.query_one(f"#{field_id}").value


async def test_the_admin_registers_a_letter_with_what_the_book_needs(office, frozen):
    with write():
        Unit.create(code="DESA", name="Pemerintah Desa Karangan", kind="opd", email="")
    item_id = incoming_at(4, subject="Undangan sosialisasi TTE", body=BODY)
    with write():  # it came five days ago
        IncomingMail.update(received_at=frozen - timedelta(days=5)).where(
            IncomingMail.item == item_id
        ).execute()
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", TriageScreen(item_id=item_id))
        await pilot.press("a")
        await pick_kode(pilot)
        assert isinstance(app.screen, RegisterDialog)
        assert "000.1.1 Telekomunikasi" in str(app.screen.query_one("#klasifikasi", Button).label)
        assert value(app, "letter_number") == "800/45/406.3/2026"  # the letter's own line
        assert value(app, "letter_date") == ""  # it was sent after it came: no guess
        await pilot.press("tab", "ctrl+u")
        await type_text(pilot, "31-02-2026")
        await pilot.press("tab", "end", "space")  # Pemerintah Desa Karangan: no email
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, RegisterDialog)
        errors = [str(e.render()) for e in app.screen.query(FieldError)]
        assert len(errors) == 2
        assert "Tanggal surat '31-02-2026' tidak sah" in errors[0]
        assert "Alamat email OPD belum ada di data unit: Pemerintah Desa Karangan." in errors[1]
        assert "2 isian perlu diperbaiki" in shown(app, "#message")
        assert app.screen.focused.id == "letter_date"  # the first bad field
        assert not AgendaEntry.select().where(AgendaEntry.item == item_id).exists()

        await pilot.press("ctrl+u")
        await type_text(pilot, "23-11-2026")  # after the mail came: kept, with a warning
        await pilot.press("tab", "space", "home", "space", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TriageScreen)
        message = shown(app, "#message")
        assert "nomor 000.1.1/001/406.020/2026" in message
        assert "Tanggal surat (23-11-2026) sesudah email diterima (20-11-2026)" in message
        mail = mail_of(item_id)
        assert (mail.letter_number, mail.letter_date) == ("800/45/406.3/2026", date(2026, 11, 23))
        assert "Surat nomor 800/45/406.3/2026 tanggal 23-11-2026" in shown(app, "#mail")

        await pilot.press("l")
        assert isinstance(app.screen, PrintDialog)
        assert app.screen.doc_title == "Label agenda 000.1.1/001/406.020/2026"
        label = pdf_text(app.screen.pdf) or ""
        assert "AGENDA SURAT MASUK" in label and "Dengan hormat" not in label
        assert "Nomor agenda  : 000.1.1/001/406.020/2026" in app.screen.text
        await pilot.press("escape")
        assert WorkItem.get_by_id(item_id).waits_for("teruskan")

        await pilot.press("f")
        assert isinstance(app.screen, ForwardDialog)  # the unit named at registration, chosen
        aptika = Unit.get(Unit.code == "APTIKA").id
        assert app.screen.query_one("#fwd-units", SelectionList).selected == [aptika]
        await pilot.press("escape")

        app.push_screen(AgendaBookScreen(item_id=item_id))
        await settle(pilot)
        entry = shown(app, "#entry")
        assert "surat 800/45/406.3/2026 tgl 23-11-2026" in entry
        assert "Diteruskan kepada: Bidang Aplikasi Informatika" in entry


async def test_the_kode_can_be_changed_in_the_form(office):
    item_id = incoming_at(4)
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "admin", TriageScreen(item_id=item_id))
        await pilot.press("a")
        await pick_kode(pilot)
        await pilot.press("shift+tab", "enter")  # the kode button
        await pilot.press("ctrl+u")
        await pick_kode(pilot, "000.6")
        assert isinstance(app.screen, RegisterDialog)
        assert str(app.screen.query_one("#klasifikasi", Button).label).startswith("000.6 ")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert AgendaEntry.get(AgendaEntry.item == item_id).klasifikasi == "000.6"
