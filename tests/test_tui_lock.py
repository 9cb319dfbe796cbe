"""The idle lock screen: wrong passwords count towards the account's lockout and are audited;
a lock reached there signs the session out with the reason."""

import json

from textual.widgets import Static

from model import auth
from model.audit import AuditEntry
from tests.conftest import user
from tests.tui_helpers import make_app, sign_in, type_text
from tui.screens.home import HomeScreen
from tui.screens.lock import LockScreen
from tui.screens.login import LoginScreen

SIZE = (80, 24)


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def locked_terminal(pilot, app, username: str) -> None:
    await sign_in(pilot, username)
    await pilot.press("ctrl+l")
    await pilot.pause()
    assert isinstance(app.screen, LockScreen)


async def enter(pilot, password: str) -> None:
    await type_text(pilot, password)
    await pilot.press("enter")
    await pilot.pause()


async def test_wrong_passwords_at_the_lock_lock_the_account_and_sign_out(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await locked_terminal(pilot, app, "operator")
        for _ in range(auth.MAX_FAILURES - 1):
            await enter(pilot, "keliru99")
            assert isinstance(app.screen, LockScreen)
            assert shown(app, "#lock-message") == "Kata sandi salah."
        assert user("operator").failed_logins == auth.MAX_FAILURES - 1
        await enter(pilot, "keliru99")
        assert isinstance(app.screen, LoginScreen) and app.session.user is None
        await pilot.pause()
        assert shown(app, "#login-message") == (
            "Akun Anda terkunci sampai 09:45; sesi ini ditutup. Hubungi admin sistem."
        )
    gagal = AuditEntry.select().where(AuditEntry.action == "login_gagal")
    assert [json.loads(e.detail)["via"] for e in gagal] == ["kunci_layar"] * auth.MAX_FAILURES


async def test_the_right_password_at_the_lock_clears_the_count_and_is_audited(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await locked_terminal(pilot, app, "operator")
        await enter(pilot, "keliru99")
        await enter(pilot, "warkat123")
        assert isinstance(app.screen, HomeScreen)
    assert user("operator").failed_logins == 0
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert (last.actor, last.action) == ("operator", "buka_kunci_layar")
