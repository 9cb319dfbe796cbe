"""Check boxes, radio buttons and selection lists read without colour: only a ticked one
shows its mark (the disposition instructions, Resolusi halus and the forward list)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.widgets.plain import SelectionList
from tui.widgets.toggles import Checkbox, RadioButton


class Boxes(App):
    def compose(self) -> ComposeResult:
        yield Checkbox("Agendakan", id="off")
        yield Checkbox("Arsipkan", True, id="on")
        yield RadioButton("Spam", id="radio")
        yield SelectionList(("Bidang Aptika", 1), ("Bidang IKP", 2, True), id="units")


def box(widget) -> str:
    return str(widget.render())[:3]


async def test_only_a_ticked_box_shows_its_mark():
    app = Boxes()
    async with app.run_test(size=(80, 24)) as pilot:
        off, on = app.query_one("#off", Checkbox), app.query_one("#on", Checkbox)
        assert box(off) == "▐ ▌" and box(on) == "▐X▌"
        off.focus()
        await pilot.press("space")
        assert box(off) == "▐X▌"
        radio = app.query_one("#radio", RadioButton)
        assert box(radio) == "▐ ▌"
        radio.value = True
        assert box(radio) == "▐●▌"
        units = app.query_one("#units", SelectionList)
        lines = [units.render_line(y).text for y in range(2)]
        assert lines[0].startswith("▐ ▌ Bidang Aptika") and lines[1].startswith("▐X▌ Bidang IKP")
