"""Procedure 2 step 6: forward an incoming mail to Bidang/Seksi/OPD with a note; the units
named when it was registered come chosen."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Horizontal

from model.email_in import flow as email_in
from model.email_in.letter import planned_units
from model.org import Unit
from tui.dialogs.base import FormDialog
from tui.keys import bind
from tui.widgets.plain import Input, Label, SelectionList


def unit_choices(chosen: Iterable[int] = ()) -> list[tuple[str, int, bool]]:
    """Every unit as a choice, the OPDs (reached by email) last; `chosen` ticked."""
    ticked = set(chosen)
    units = Unit.select().order_by(Unit.kind == "opd", Unit.name)
    return [
        (f"{u.name}{' (email)' if u.kind == 'opd' else ''}", u.id, u.id in ticked) for u in units
    ]


class ForwardDialog(FormDialog[bool]):
    """Choose the units and write the note; OPDs get a real email. Dismisses True once sent on."""

    BINDINGS = [bind("ctrl+s", "save", priority=True)]

    def __init__(self, item_id: int):
        super().__init__()
        self.item_id = item_id

    def heading(self) -> str:
        return f"Teruskan email #{self.item_id} — spasi memilih, Ctrl+S meneruskan"

    def compose_form(self) -> ComposeResult:
        yield SelectionList[int](*unit_choices(planned_units(self.item_id)), id="fwd-units")
        with Horizontal(id="fwd-note-row"):
            yield Label("Catatan")
            yield Input(id="fwd-note", compact=True, placeholder="mis. mohon ditindaklanjuti")

    def submitted(self, field: Input) -> None:
        """Enter in the note does not send: the units are chosen first, Ctrl+S sends."""

    def save(self) -> bool:
        chosen = list(self.query_one("#fwd-units", SelectionList).selected)
        email_in.forward(self.app.session.user, self.item_id, chosen, self.value("fwd-note"))
        return True
