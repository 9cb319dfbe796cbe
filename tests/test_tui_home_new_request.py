"""The Pemakai starts a fax request from the home screen in one key."""

from tests.tui_helpers import SIZE, footer_keys, make_app, settle, shown, sign_in
from tui.screens.fax.request import RequestFormScreen
from tui.screens.home import HomeScreen


async def test_the_pemakai_opens_a_new_request_from_the_home_in_one_key(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "pemakai")
        assert isinstance(app.screen, HomeScreen)
        assert "n" in footer_keys(app)
        assert "n: permintaan faks baru" in shown(app, "#heading")
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, RequestFormScreen) and app.screen.item_id is None
        assert app.screen.sub_title == "Permintaan baru"


async def test_a_role_that_requests_nothing_is_not_offered_it(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "operator")
        assert "n" not in footer_keys(app) and shown(app, "#heading") == "Pekerjaan saya"
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_an_empty_home_tells_the_pemakai_how_to_start(staff):
    app = make_app(staff)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, "pemakai")
        assert "n: permintaan faks baru" in shown(app, "#step-info")
