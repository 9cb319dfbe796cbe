"""Any SOP step without a screen of its own (a step added to the SOP): the item, the step as
the SOP writes it, its mutu baku clock, and its actions to choose from, with a note."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets.option_list import Option

from model.roles import LABELS
from model.sop import DONE
from model.workflow.items import WorkItem
from model.workflow.transitions import transition
from tui.keys import bind
from tui.screens.help import HelpScreen, item_help
from tui.widgets.clock import StepClock
from tui.widgets.header import Header
from tui.widgets.message import PROBLEMS, say
from tui.widgets.plain import Input, OptionList, Static


class StepScreen(Screen):
    """Enter takes the highlighted action; the note goes into the item's history."""

    CSS_PATH = "step.tcss"
    BINDINGS = [bind("escape", "app.pop_screen")]

    def __init__(self, item_id: int):
        super().__init__()
        self.item_id = item_id

    def compose(self) -> ComposeResult:
        item = WorkItem.get_by_id(self.item_id)
        step = item.sop_step
        yield Header()
        with Vertical(id="step-body"):
            yield Static(Text(f"#{item.id} {item.title}", style="bold"))
            yield Static(Text(f"{item.procedure_name} — langkah {step.number}: {step.name}"))
            who = ", ".join(LABELS[r] for r in step.roles)
            yield Static(
                Text(
                    f"Pelaksana: {who}\nKelengkapan: {step.needs}\nOutput: {step.output}",
                    style="dim",
                )
            )
            yield StepClock(item.id)
            yield Input(id="step-note", placeholder="Catatan (boleh kosong)")
            yield OptionList(
                *[
                    Option(
                        f"{a.label} → {'selesai' if a.to == DONE else f'langkah {a.to}'}", id=a.code
                    )
                    for a in step.actions
                ],
                id="step-actions",
            )
            yield Static("", id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Langkah SOP"
        self.query_one("#message").display = False
        self.query_one("#step-actions").focus()

    def sop_help(self) -> HelpScreen:
        """F1: the SOP of this item's procedure, its step marked."""
        return item_help(self.item_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        note = self.query_one("#step-note", Input).value
        try:
            item = transition(self.item_id, self.app.session.user, event.option.id, note=note)
        except PROBLEMS as exc:
            say(self, str(exc))
            return
        where = "selesai" if item.step == DONE else f"langkah {item.step}"
        self.app.notify(f"#{item.id} {event.option.prompt.split(' → ')[0]}: kini {where}.")
        self.app.pop_screen()
