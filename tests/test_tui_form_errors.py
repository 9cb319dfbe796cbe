"""All validation errors at once, each on a line right under its field, the first bad field
focused and in view; fixed fields lose their line. Delete/Backspace in a list asks first."""

from textual.app import App, ComposeResult

from model.errors import Invalid
from model.fax.records import FaxDestination
from model.workflow.items import WorkItem
from tests.fax_helpers import at_step
from tests.form_helpers import error_lines, error_under
from tests.tui_helpers import SIZE, make_app, settle, shown, start, type_text
from tui.dialogs.base import FormDialog
from tui.dialogs.question import Question
from tui.screens.email_out.compose import ComposeScreen
from tui.screens.fax.request import RequestFormScreen


async def test_an_empty_request_submitted_once_shows_every_error_under_its_field(office):
    before = WorkItem.select().count()
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestFormScreen())
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert error_under(app, "nota") == "↑ Nomor dan tanggal nota dinas wajib diisi."
        assert error_under(app, "perihal") == "↑ Perihal wajib diisi."
        assert error_under(app, "isi") == (
            "↑ Isi berita kosong: tulis isi berita atau lampirkan berkas."
        )
        assert error_under(app, "dest-name") == "↑ Tambahkan minimal satu tujuan faks."
        assert error_under(app, "klas") == (
            "↑ Kode klasifikasi '' tidak ada dalam daftar Permendagri 83/2022."
        )
        assert len(error_lines(app)) == 5
        assert shown(app, "#message") == "5 isian perlu diperbaiki; pesannya di bawah isiannya."
        assert app.focused.id == "nota"
        await type_text(pilot, "ND/7")
        await settle(pilot)
        assert error_under(app, "nota") == ""  # fixed: its line goes, the others stay
        assert len(error_lines(app)) == 4
        assert shown(app, "#message") == "4 isian perlu diperbaiki; pesannya di bawah isiannya."
        await pilot.click("#perihal")
        await type_text(pilot, "Rapat")
        await settle(pilot)
        assert error_under(app, "perihal") == "" and len(error_lines(app)) == 3
    assert WorkItem.select().count() == before


async def test_the_first_bad_field_is_scrolled_into_view(office):
    item_id = at_step(1, klasifikasi="")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestFormScreen(item_id=item_id))
        form = app.screen.query_one("#form")
        form.scroll_home(animate=False)
        await settle(pilot)
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert "Draf tersimpan, tetapi belum diajukan" in shown(app, "#message")
        assert app.focused.id == "klas"
        line = next(w for w in app.screen.query("FieldError"))
        assert "Kode klasifikasi" in str(line.render())
        assert form.region.contains_region(line.region)  # on screen, not scrolled off
        assert form.region.contains_region(app.focused.region)
    assert WorkItem.get_by_id(item_id).step == 1


async def test_compose_shows_each_problem_under_its_field(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "staf", ComposeScreen())
        await pilot.click("#cc")
        await type_text(pilot, "sekretariat")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert error_under(app, "to") == "↑ Isi minimal satu alamat tujuan."
        assert error_under(app, "cc") == "↑ Alamat email tidak sah: sekretariat"
        assert error_under(app, "subject") == "↑ Perihal dan isi email wajib diisi."
        assert error_under(app, "body") == "↑ Perihal dan isi email wajib diisi."
        assert app.focused.id == "to"
        await type_text(pilot, "bps@bps.go.id")
        await settle(pilot)
        assert error_under(app, "to") == "" and error_under(app, "cc") != ""


async def test_backspace_on_a_destination_asks_and_batal_keeps_it(office):
    item_id = at_step(
        1, destinations=[("Diskominfo Jatim", "031-8294608"), ("Kecamatan Panggul", "0355-591022")]
    )
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestFormScreen(item_id=item_id))
        await pilot.click("#dests")
        await pilot.press("up", "up")
        await pilot.press("backspace")
        await settle(pilot)
        assert isinstance(app.screen, Question)
        assert shown(app, "#question-text") == (
            "Hapus tujuan Diskominfo Jatim (031-8294608) dari daftar?"
        )
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.screen.destinations) == 2
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("enter")  # Ya has the focus
        await settle(pilot)
        assert app.screen.destinations == [("Kecamatan Panggul", "0355-591022", "")]
        assert shown(app, "#message") == "Tujuan Diskominfo Jatim dihapus."
    assert FaxDestination.select().count() > 0  # nothing saved until Ctrl+S


async def test_delete_on_an_attachment_asks_first(office, tmp_path):
    attachment = tmp_path / "data.csv"
    attachment.write_text("a,b\n")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "staf", ComposeScreen())
        await pilot.click("#path")
        app.screen.query_one("#path").value = str(attachment)
        await pilot.press("enter")
        await pilot.press("tab")  # to the list of attachments
        await pilot.press("delete")
        await settle(pilot)
        assert shown(app, "#question-text") == "Hapus lampiran data.csv dari daftar?"
        await pilot.press("escape")
        await settle(pilot)
        assert [name for name, _ in app.screen.files] == ["data.csv"]
        await pilot.press("backspace")
        await settle(pilot)
        await pilot.press("enter")  # Ya has the focus
        await settle(pilot)
        assert app.screen.files == []


class NameDialog(FormDialog[str]):
    TITLE_TEXT = "Nama"

    def compose_form(self) -> ComposeResult:
        yield from self.field("name", "Nama")
        yield from self.field("nip", "NIP")

    def save(self) -> str:
        raise Invalid(problems={"name": "Nama wajib diisi.", "nip": "NIP harus 18 angka."})


class Host(App):
    def on_mount(self) -> None:
        self.push_screen(NameDialog())


async def test_a_dialog_shows_each_problem_under_its_field_until_it_is_edited():
    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert error_under(app, "name") == "↑ Nama wajib diisi."
        assert error_under(app, "nip") == "↑ NIP harus 18 angka."
        assert shown(app, "#message") == "2 isian perlu diperbaiki; pesannya di bawah isiannya."
        assert app.focused.id == "name"
        await type_text(pilot, "Ani")
        await pilot.pause()
        assert error_under(app, "name") == "" and error_under(app, "nip") != ""
