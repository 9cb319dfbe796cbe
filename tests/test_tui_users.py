"""The sysadmin's Pengguna screen driven with Pilot, and a disabled account's open session."""

from textual.widgets import DataTable, SelectionList, Static

from model import auth
from model.audit import AuditEntry
from model.auth import Operator
from tests.conftest import user
from tests.tui_helpers import make_app, sign_in, type_text
from tui import nav
from tui.dialogs.accounts import AddUserDialog, ConfirmDisable, PasswordDialog
from tui.screens.home import HomeScreen
from tui.screens.login import LoginScreen
from tui.screens.users import UsersScreen

SIZE = (80, 24)
ROOT = Operator("cli:root", {"os_user": "root"})


async def open_users(pilot) -> UsersScreen:
    await sign_in(pilot, "sysadmin")
    await pilot.press("m")
    await pilot.pause()
    await pilot.press("enter")  # the sysadmin's one menu entry
    await pilot.pause()
    assert isinstance(pilot.app.screen, UsersScreen)
    return pilot.app.screen


def rows(screen) -> dict[str, tuple]:
    table = screen.query_one("#accounts", DataTable)
    rows = ([str(c) for c in table.get_row_at(i)] for i in range(table.row_count))
    return {r[0]: tuple(r) for r in rows}


async def select(pilot, screen, username: str) -> None:
    table = screen.query_one("#accounts", DataTable)
    table.move_cursor(row=list(rows(screen)).index(username))
    await pilot.pause()


def message(screen) -> str:
    return str(screen.query_one("#message", Static).render())


def test_only_the_sysadmin_has_the_pengguna_screen(office):
    assert [d.label for d in nav.for_user(user("sysadmin"))] == ["Pengguna", "Kalender kerja"]
    assert "Pengguna" not in [d.label for d in nav.for_user(user("kasi"))]


async def test_the_list_shows_names_roles_units_and_states(office):
    auth.disable("staf", by=ROOT)
    for _ in range(auth.MAX_FAILURES):
        try:
            auth.login("admin", "salah")
        except auth.LoginFailed:
            pass
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_users(pilot)
        listed = rows(screen)
        assert len(listed) == 7
        assert listed["kasi"][1:4] == (
            "Bambang Sutrisno, S.Kom.",
            "Kasi Persandian, Pemakai",
            "KIP",
        )
        assert listed["staf"][4] == "nonaktif" and listed["admin"][4] == "terkunci s.d. 09:45"
        assert listed["operator"][4] == "aktif"


async def test_add_a_user_with_roles_and_unit(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_users(pilot)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AddUserDialog)
        await type_text(pilot, "budi")
        await pilot.press("tab")
        await type_text(pilot, "Budi Santoso")
        await pilot.press("tab")
        await type_text(pilot, "199001012020011001")
        dialog.query_one("#unit").value = "KIP"
        dialog.query_one("#password").focus()
        await type_text(pilot, "sandi-budi-1")
        await pilot.press("tab")
        await type_text(pilot, "sandi-budi-1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert message(dialog) == "Setiap pengguna memerlukan minimal satu peran."
        dialog.query_one("#roles", SelectionList).focus()
        await pilot.press("down", "down", "down", "space")  # Operator Sandi
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "Pengguna budi ditambahkan." in message(screen)
        assert rows(screen)["budi"][1:] == ("Budi Santoso", "Operator", "KIP", "aktif")
    added = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert (added.actor, added.action) == ("sysadmin", "tambah_pengguna")
    assert auth.login("budi", "sandi-budi-1").roles == ("operator",)


async def test_disable_then_enable(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_users(pilot)
        await select(pilot, screen, "sysadmin")
        assert not screen.check_action("disable", ())  # not one's own account
        await select(pilot, screen, "operator")
        assert not screen.check_action("enable", ())
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDisable)
        await pilot.press("enter")
        await pilot.pause()
        assert rows(screen)["operator"][4] == "nonaktif"
        assert "berakhir pada aksi berikutnya" in message(screen)
        assert not user("operator").active
        await pilot.press("o")
        await pilot.pause()
        assert rows(screen)["operator"][4] == "aktif"
    actions = [e.action for e in AuditEntry.select().where(AuditEntry.actor == "sysadmin")]
    assert actions[-2:] == ["nonaktifkan_pengguna", "aktifkan_pengguna"]


async def test_reset_password_and_unlock(office):
    for _ in range(auth.MAX_FAILURES):
        try:
            auth.login("admin", "salah")
        except auth.LoginFailed:
            pass
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_users(pilot)
        await select(pilot, screen, "admin")
        await pilot.press("u")
        await pilot.pause()
        assert rows(screen)["admin"][4] == "aktif" and "Kunci akun admin dibuka." in message(screen)
        assert not screen.check_action("unlock", ())
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, PasswordDialog)
        await type_text(pilot, "sandi-baru-9")
        await pilot.press("tab")
        await type_text(pilot, "sandi-lain-9")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert message(app.screen) == "Kata sandi dan ulangannya tidak sama."
        app.screen.query_one("#again").value = "sandi-baru-9"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    assert auth.login("admin", "sandi-baru-9").username == "admin"


async def test_a_disabled_account_is_signed_out_at_its_next_key(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "operator")
        await pilot.press("m")
        await pilot.pause()
        auth.disable("operator", by=ROOT)  # another process: the command line
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen) and app.session.user is None
        shown = str(app.screen.query_one("#login-message", Static).render())
        assert shown == "Akun Anda dinonaktifkan oleh admin sistem; sesi ini ditutup."


async def test_a_locked_account_is_signed_out_too_and_others_carry_on(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "kasi")
        await pilot.press("f5")
        assert isinstance(app.screen, HomeScreen)
        for _ in range(auth.MAX_FAILURES):  # someone guessing at another terminal
            try:
                auth.login("kasi", "salah")
            except auth.LoginFailed:
                pass
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        assert "terkunci sampai" in str(app.screen.query_one("#login-message").render())


def test_users_snapshot(office, snap_compare):
    async def before(pilot):
        await open_users(pilot)

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)


def test_add_user_snapshot(office, snap_compare):
    async def before(pilot):
        await open_users(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(make_app(office), terminal_size=SIZE, run_before=before)
