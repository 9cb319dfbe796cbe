"""Saved while typing: a form's recovery copy survives the terminal going away (a new app on
the same home stands for the SSH link dropped mid-form) and is put back, with a notice, when
the same user opens the same form again; Simpan clears it."""

from model import recovery
from model.fax import flow as fax_flow
from tests.conftest import user
from tests.fax_helpers import at_step
from tests.tui_helpers import SIZE, make_app, settle, shown, start, type_text
from tui.dialogs.question import Question
from tui.screens.email_out.compose import ComposeScreen
from tui.screens.fax.request import RequestFormScreen

RESTORED = "Isian yang belum disimpan dari 09.30 dipulihkan."


async def test_a_new_request_typed_before_the_link_dropped_comes_back(office, tmp_path):
    attachment = tmp_path / "lampiran.txt"
    attachment.write_text("Daftar hadir\n")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestFormScreen())
        await pilot.click("#perihal")
        await type_text(pilot, "Rapat koordinasi")
        await pilot.click("#attach")
        app.screen.query_one("#attach").value = str(attachment)
        await pilot.press("enter")
        await pilot.click("#dest-name")
        await type_text(pilot, "Camat Panggul")
        await pilot.press("tab")
        await type_text(pilot, "0355-591022")
        await pilot.press("enter")
        await pilot.click("#isi")
        await type_text(pilot, "Yth.")
        await pilot.press("tab")  # leaving a field keeps the copy at once
        kept = recovery.find(user("pemakai"), "fax_request", "")
        assert kept.fields["perihal"] == "Rapat koordinasi" and kept.fields["isi"] == "Yth."
        assert kept.files == [("lampiran.txt", b"Daftar hadir\n")]

    app = make_app(office)  # the next session, on the same home
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestFormScreen())
        form = app.screen
        assert shown(app, "#message") == RESTORED
        assert form.query_one("#perihal").value == "Rapat koordinasi"
        assert form.query_one("#isi").text == "Yth."
        assert form.destinations == [("Camat Panggul", "0355-591022", "")]  # no group
        assert "Terlampir: lampiran.txt" in shown(app, "#attach-info")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, Question)  # restored, not yet saved


async def test_typing_without_leaving_the_field_is_kept_within_a_second(office):
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestFormScreen())
        await pilot.click("#isi")
        await type_text(pilot, "Dengan hormat")
        await pilot.pause(1.5)
        assert recovery.find(user("pemakai"), "fax_request", "").fields["isi"] == "Dengan hormat"


async def test_a_draft_has_its_own_copy_and_saving_clears_it(office):
    item_id = at_step(1, perihal="Draf lama")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestFormScreen(item_id=item_id))
        await pilot.click("#perihal")
        await pilot.press("end")
        await type_text(pilot, " (ralat)")
        await pilot.press("tab")
    assert recovery.find(user("pemakai"), "fax_request", str(item_id)) is not None
    assert recovery.find(user("pemakai"), "fax_request", "") is None
    assert fax_flow.draft_of(item_id).perihal == "Draf lama"  # the draft itself as it was

    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "pemakai", RequestFormScreen())  # a new request: nothing comes back
        assert app.screen.query_one("#perihal").value == ""
        app.pop_screen()
        await start(pilot, "pemakai", RequestFormScreen(item_id=item_id))
        assert shown(app, "#message") == RESTORED
        assert app.screen.query_one("#perihal").value == "Draf lama (ralat)"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert recovery.find(user("pemakai"), "fax_request", str(item_id)) is None
    assert fax_flow.draft_of(item_id).perihal == "Draf lama (ralat)"


async def test_a_new_email_with_its_attachment_comes_back(office, tmp_path):
    attachment = tmp_path / "data.csv"
    attachment.write_bytes(b"tahun,jumlah\n2026,12\n")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "staf", ComposeScreen())
        await pilot.click("#to")
        await type_text(pilot, "bps@bps.go.id")
        await pilot.click("#path")
        app.screen.query_one("#path").value = str(attachment)
        await pilot.press("enter")
        await pilot.click("#body")
        await type_text(pilot, "Yth.")
        await pilot.press("tab")

    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "staf", ComposeScreen())
        assert shown(app, "#message") == RESTORED
        assert app.screen.query_one("#to").value == "bps@bps.go.id"
        assert app.screen.query_one("#body").text == "Yth."
        assert app.screen.files == [("data.csv", b"tahun,jumlah\n2026,12\n")]
        await pilot.click("#subject")
        await type_text(pilot, "Data")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "disimpan" in shown(app, "#message")
    assert recovery.find(user("staf"), "email_out", "") is None
