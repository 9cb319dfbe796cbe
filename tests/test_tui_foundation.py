"""Login, lockout, idle lock, home and help driven with Pilot; snapshots at 80x24."""

from datetime import timedelta

from textual.widgets import DataTable, Static

from model import base
from tests.tui_helpers import make_app, settle, sign_in, type_text
from tui.screens.help import HelpScreen
from tui.screens.home import HomeScreen
from tui.screens.lock import LockScreen
from tui.screens.login import LoginScreen

SIZE = (80, 24)


def message(app, selector="#login-message") -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_login_opens_home_with_this_users_work(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "kasi")
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#work", DataTable)
        titles = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
        assert titles[0].startswith("Laporan pengamanan sinyal")
        assert len(titles) == 2  # the two fax requests awaiting disposition


async def test_wrong_password_shows_the_reason_and_stays(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "kasi", "salahsandi")
        assert isinstance(app.screen, LoginScreen)
        assert message(app) == "Nama pengguna atau kata sandi salah."  # no countdown


async def test_lockout_after_five_tries_then_right_password_is_refused(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "admin", "salahsandi")
        for _ in range(4):
            await type_text(pilot, "salahsandi")
            await pilot.press("enter")
            await settle(pilot)
        assert message(app) == "Nama pengguna atau kata sandi salah."  # the lock is not told
        base.freeze(base.now() + timedelta(minutes=3))  # a locked account: a check per 3 min
        await type_text(pilot, "warkat123")
        await pilot.press("enter")
        await settle(pilot)
        assert "Akun terkunci sampai" in message(app)
        assert isinstance(app.screen, LoginScreen)


async def test_idle_terminal_locks_and_only_the_password_unlocks(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "operator")
        app.session.last_input -= app.session.idle_limit + 1
        app.lock_if_idle()
        await settle(pilot)
        assert isinstance(app.screen, LockScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LockScreen)
        await type_text(pilot, "keliru99")
        await pilot.press("enter")
        await settle(pilot)
        assert message(app, "#lock-message") == "Kata sandi salah."
        await type_text(pilot, "warkat123")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_lock_screen_can_switch_user(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "operator")
        await pilot.press("ctrl+l")
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen) and app.session.user is None


async def test_help_shows_the_sop_text_of_the_selected_step(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "operator")
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text
        assert "▶ 5. Mengirim surat sesuai alamat tujuan" in text
        assert "Waktu baku: 30 menit" in text


async def test_home_clock_ticks_to_red(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "operator")
        table = app.screen.query_one("#work", DataTable)
        assert "orange" in str(table.get_row_at(0)[5].style)  # 26 of 30 minutes
        base.freeze(base.now() + timedelta(minutes=5))
        await pilot.press("f5")
        assert "red" in str(table.get_row_at(0)[5].style)


def test_login_snapshot(office, snap_compare):
    async def before(pilot):
        await settle(pilot)

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)


def test_home_snapshot(office, snap_compare):
    async def before(pilot):
        await settle(pilot)
        await sign_in(pilot, "kasi")

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)
