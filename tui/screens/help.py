"""Help: the SOP text of a step (or the whole SOP), straight from model/sop.py, and the app's
keys (tui/keys.py)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer

from model.roles import LABELS
from model.sop import DONE, PROCEDURES, SOP_NUMBER, Procedure, Step
from model.workflow.items import WorkItem
from tui.keys import SECTIONS, bind, table
from tui.widgets.plain import Static


def step_text(proc: Procedure, step: Step, current: bool = False) -> Text:
    text = Text()
    text.append(
        f"{'▶ ' if current else ''}{step.number}. {step.name}\n", style="bold" if current else ""
    )
    who = ", ".join(LABELS[r] for r in step.roles) or "sistem (otomatis)"
    baku = f"{step.minutes} menit" if step.minutes else "tidak ditetapkan"
    text.append(
        f"   Pelaksana: {who}\n   Kelengkapan: {step.needs}\n"
        f"   Waktu baku: {baku}\n   Output: {step.output}\n",
        style="dim",
    )
    moves = "; ".join(
        f"{a.label} → {'selesai' if a.to == DONE else f'langkah {a.to}'}" for a in step.actions
    )
    text.append(f"   Lanjut: {moves}")
    return text


def keys_text() -> Text:
    """The key map: each key and its one meaning, by where it applies."""
    text = Text()
    text.append("Tombol\n", style="bold underline")
    for title, keys in SECTIONS:
        text.append(f"{title}\n", style="bold")
        for names, meaning in table(keys):
            text.append(f"   {names:<16}", style="bold")
            text.append(f"{meaning}\n")
    return text


class HelpScreen(ModalScreen):
    BINDINGS = [bind("escape", "dismiss"), bind("f1", "dismiss", show=False)]

    def __init__(self, procedure: str | None = None, step: int | None = None, heading: str = ""):
        """The SOP of `procedure` (all three when None), `step` marked, under `heading` (the
        item it is opened for)."""
        super().__init__()
        self.procedure, self.step, self.heading = procedure, step, heading

    def compose(self) -> ComposeResult:
        procs = [PROCEDURES[self.procedure]] if self.procedure else list(PROCEDURES.values())
        yield Static(f"Bantuan SOP — {SOP_NUMBER}", classes="dialog-title")
        if self.heading:
            yield Static(Text(self.heading, style="bold"), id="help-heading")
        with VerticalScroll(id="help-body"):
            for proc in procs:
                yield Static(
                    Text(f"Prosedur {proc.name}", style="bold underline"), classes="help-procedure"
                )
                for step in proc.steps:
                    current = step.number == self.step
                    yield Static(
                        step_text(proc, step, current), id="current-step" if current else None
                    )
            yield Static(keys_text(), classes="help-keys")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
        self.call_after_refresh(self.show_current_step)

    def show_current_step(self) -> None:
        """Scroll the marked step to the top of the body, under the item's heading."""
        marked = self.query("#current-step")
        if marked:
            self.query_one("#help-body").scroll_to_widget(marked.first(), top=True, animate=False)

    @property
    def text(self) -> str:
        """Everything the screen says, as plain text."""
        return "\n".join(str(s.render()) for s in self.query("#help-heading, #help-body Static"))


def item_help(item: WorkItem | int | None, procedure: str | None = None) -> HelpScreen:
    """F1 on a screen about one item: its procedure with its step marked (a finished item's
    procedure unmarked); with no item yet, `procedure` at its first step, else the whole SOP."""
    if isinstance(item, int):
        item = WorkItem.get_or_none(id=item)
    if item is None:
        return HelpScreen(procedure, 1 if procedure else None)
    state = "selesai" if item.step == DONE else f"langkah {item.step}"
    heading = f"Item #{item.id}: {item.title}\n{PROCEDURES[item.procedure].name}, {state}"
    return HelpScreen(item.procedure, item.step, heading)
