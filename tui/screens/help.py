"""Help: the SOP text of a step (or the whole SOP), straight from model/sop.py."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer

from model.roles import LABELS
from model.sop import DONE, PROCEDURES, SOP_NUMBER, Procedure, Step
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
    text.append(f"   Lanjut: {moves}\n")
    return text


class HelpScreen(ModalScreen):
    BINDINGS = [("escape", "dismiss", "Tutup"), ("f1", "dismiss", "Tutup")]

    def __init__(self, procedure: str | None = None, step: int | None = None, heading: str = ""):
        """The SOP of `procedure` (all three when None), `step` marked, under `heading` (the
        item it is opened for)."""
        super().__init__()
        self.procedure, self.step, self.heading = procedure, step, heading

    def compose(self) -> ComposeResult:
        procs = [PROCEDURES[self.procedure]] if self.procedure else list(PROCEDURES.values())
        body = Text()
        if self.heading:
            body.append(f"{self.heading}\n\n", style="bold")
        for proc in procs:
            body.append(f"Prosedur {proc.name}\n", style="bold underline")
            for step in proc.steps:
                body.append_text(step_text(proc, step, current=step.number == self.step))
            body.append("\n")
        yield Static(f"Bantuan SOP — {SOP_NUMBER}", classes="dialog-title")
        with VerticalScroll(id="help-body"):
            yield Static(body)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
