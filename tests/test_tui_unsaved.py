"""Nothing typed is lost: Esc, Ctrl+Q and signing out on a form with unsaved changes ask
first (Simpan draf / Buang / Batal; a dialog: Buang / Batal); the idle lock asks nobody, keeps
a recovery copy and leaves the form open."""

from model import recovery
from model.workflow.items import WorkItem
from tests.conftest import user
from tests.fax_helpers import at_step
from tests.form_helpers import error_under
from tests.tui_helpers import SIZE, make_app, settle, shown, start, type_text
from tui.dialogs.question import Question
from tui.dialogs.reason import TextDialog
from tui.screens.email_out.compose import ComposeScreen
from tui.screens.fax.request import RequestFormScreen
from tui.screens.fax.request_list import RequestListScreen
from tui.screens.lock import LockScreen
from tui.screens.login import LoginScreen


async def typed_request(pilot) -> None:
    """A new request with its perihal typed, nothing saved."""
    await start(pilot, "pemakai", RequestListScreen())
    await pilot.press("n")
    await settle(pilot)
    await pilot.click("#perihal")
    await type_text(pilot, "Rapat koordinasi")


def asked(app) -> str:
    """The question on screen, with its answers."""
    assert isinstance(app.screen, Question)
    buttons = [str(b.label) for b in app.screen.query("Button")]
    return f"{shown(app, '#question-text')} [{' / '.join(buttons)}]"


async def answer(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


BUANG = ("shift+tab", "enter")  # Batal has the focus; Buang is the button before it


async def test_esc_asks_and_batal_keeps_everything_typed(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await typed_request(pilot)
        await answer(pilot, "escape")
        assert asked(app) == (
            "Permintaan faks ini memuat perubahan yang belum disimpan. "
            "[Simpan draf / Buang / Batal]"
        )
        await answer(pilot, "escape")  # Batal
        assert isinstance(app.screen, RequestFormScreen)
        assert app.screen.query_one("#perihal").value == "Rapat koordinasi"


async def test_simpan_draf_saves_and_goes_back_to_the_list(office):
    before = WorkItem.select().count()
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await typed_request(pilot)
        await answer(pilot, "escape")
        await answer(pilot, "ctrl+s")
        assert isinstance(app.screen, RequestListScreen)
        assert app.screen.live.selected().title == "Rapat koordinasi"
    assert WorkItem.select().count() == before + 1
    assert recovery.find(user("pemakai"), "fax_request", "") is None


async def test_a_refused_save_stays_on_the_form_with_its_message(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await typed_request(pilot)
        await pilot.click("#klas")
        await type_text(pilot, "999.9")
        await answer(pilot, "escape")
        await answer(pilot, "ctrl+s")
        assert isinstance(app.screen, RequestFormScreen)
        assert "Kode klasifikasi '999.9' tidak ada" in shown(app, "#message")


async def test_buang_goes_back_without_a_draft_or_a_copy(office):
    before = WorkItem.select().count()
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await typed_request(pilot)
        await pilot.press("tab")  # leaving the field keeps a copy
        assert recovery.find(user("pemakai"), "fax_request", "") is not None
        await answer(pilot, "escape")
        await answer(pilot, *BUANG)
        assert isinstance(app.screen, RequestListScreen)
    assert WorkItem.select().count() == before
    assert recovery.find(user("pemakai"), "fax_request", "") is None


async def test_esc_on_an_untouched_form_asks_nothing(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestListScreen())
        await pilot.press("n")
        await settle(pilot)
        await answer(pilot, "escape")
        assert isinstance(app.screen, RequestListScreen)


async def test_ctrl_q_asks_first_and_buang_closes_the_app(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await typed_request(pilot)
        await answer(pilot, "ctrl+q")
        assert "belum disimpan" in asked(app)
        await answer(pilot, "escape")
        assert isinstance(app.screen, RequestFormScreen) and app.is_running
        await answer(pilot, "ctrl+q")
        await answer(pilot, *BUANG)
        assert not app.is_running


async def test_ctrl_q_simpan_draf_saves_then_closes(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await typed_request(pilot)
        await answer(pilot, "ctrl+q")
        await answer(pilot, "ctrl+s")
        assert not app.is_running
    assert WorkItem.select().order_by(WorkItem.id.desc()).first().title == "Rapat koordinasi"


async def test_signing_out_asks_first(office):
    item_id = at_step(1, perihal="Draf lama")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestFormScreen(item_id=item_id))
        await pilot.click("#perihal")
        await pilot.press("end")
        await type_text(pilot, " (ralat)")
        app.action_sign_out()  # Ctrl+O and the palette's "Keluar"
        await settle(pilot)
        assert "belum disimpan" in asked(app)
        await answer(pilot, "escape")
        assert isinstance(app.screen, RequestFormScreen) and app.session.user is not None
        app.action_sign_out()
        await settle(pilot)
        await answer(pilot, "ctrl+s")
        assert isinstance(app.screen, LoginScreen) and app.session.user is None
    assert WorkItem.get_by_id(item_id).title == "Draf lama (ralat)"


async def test_the_idle_lock_asks_nothing_keeps_a_copy_and_the_form(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await typed_request(pilot)
        app.session.last_input -= app.session.idle_limit + 1  # nobody typed for too long
        app.lock_if_idle()
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        copy = recovery.find(user("pemakai"), "fax_request", "")
        assert copy.fields["perihal"] == "Rapat koordinasi"
        await type_text(pilot, "warkat123")
        await answer(pilot, "enter")
        assert isinstance(app.screen, RequestFormScreen)
        assert app.screen.query_one("#perihal").value == "Rapat koordinasi"


async def test_signing_out_at_the_lock_asks_nobody_and_the_copy_stays(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await typed_request(pilot)
        await answer(pilot, "ctrl+l")
        await answer(pilot, "ctrl+o")  # someone else at the terminal: "Ganti pengguna"
        assert isinstance(app.screen, LoginScreen)
    assert recovery.find(user("pemakai"), "fax_request", "").fields["perihal"] == (
        "Rapat koordinasi"
    )


async def test_a_dialog_with_typing_asks_buang_isian(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kabid", ComposeScreen())
        results = []
        app.push_screen(TextDialog("Catatan revisi", "Tulis catatan", print), results.append)
        await settle(pilot)
        await type_text(pilot, "Perbaiki")
        await answer(pilot, "escape")
        assert asked(app) == "Isian dialog ini belum disimpan. [Buang / Batal]"
        await answer(pilot, "escape")
        assert isinstance(app.screen, TextDialog)
        await answer(pilot, "escape")
        await answer(pilot, *BUANG)
        assert isinstance(app.screen, ComposeScreen) and results == [None]


async def test_compose_asks_before_esc_and_before_a_new_letter(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "staf", ComposeScreen())
        await pilot.click("#subject")
        await type_text(pilot, "Data triwulan")
        await answer(pilot, "ctrl+n")
        assert asked(app) == (
            "Email ini memuat perubahan yang belum disimpan. [Simpan draf / Buang / Batal]"
        )
        await answer(pilot, "escape")
        assert app.screen.query_one("#subject").value == "Data triwulan"
        await answer(pilot, "escape")
        await answer(pilot, "ctrl+s")  # refused: no address yet
        assert isinstance(app.screen, ComposeScreen)
        assert error_under(app, "to") == "↑ Isi minimal satu alamat tujuan."
        await pilot.click("#to")
        await type_text(pilot, "bps@bps.go.id")
        await pilot.click("#body")
        await type_text(pilot, "Yth.")
        await answer(pilot, "escape")
        await answer(pilot, "ctrl+s")
        assert not isinstance(app.screen, ComposeScreen)
    saved = WorkItem.select().order_by(WorkItem.id.desc()).first()
    assert saved.title == "Data triwulan"
