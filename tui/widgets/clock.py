"""Mutu baku clocks: a list's cell coloured normal / amber / red, and the clock of one item's
step on its detail and form screens (`StepClock`)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.worker import Worker, WorkerState

from model.clock import AMBER, RED, Clock, format_duration
from model.sop import DONE, Step
from model.workflow import deadlines
from model.workflow.items import WorkItem
from tui.widgets.live_table import read
from tui.widgets.plain import Static
from tui.widgets.table import Column

STYLES = {AMBER: "bold dark_orange", RED: "bold white on red"}
CLOCK = Column("Waktu / baku", whole=True)  # the clock column of every list


def clock_text(clock: Clock) -> Text:
    return Text(clock.label, style=STYLES.get(clock.state, ""))


@dataclass(frozen=True)
class StepFacts:
    """What a step clock counts from, read once per refresh."""

    item_id: int
    number: int  # DONE when the item's procedure is finished
    clock: Clock | None


def step_facts(item_id: int) -> StepFacts:
    item = WorkItem.get_by_id(item_id)
    if item.step == DONE:
        return StepFacts(item_id, DONE, None)
    return StepFacts(item_id, item.step, deadlines.clock(item))


def step_clock_text(facts: StepFacts) -> Text:
    """`Mutu baku langkah 3: 4 mnt / 10 mnt`, coloured as the lists' clocks."""
    if facts.number == DONE:
        return Text("Selesai: tidak ada langkah yang berjalan.")
    clock = facts.clock
    if not clock.standard_minutes:
        return Text(f"Langkah {facts.number} (tanpa mutu baku): {format_duration(clock.seconds)}")
    text = Text(f"Mutu baku langkah {facts.number}: ")
    text.append(clock.detail, style=STYLES.get(clock.state, ""))
    return text


def new_step_text(step: Step) -> str:
    """The clock of an item not saved yet: the standard of the step it starts at."""
    if not step.minutes:
        return f"Langkah {step.number} (tanpa mutu baku) dihitung sejak disimpan."
    return (
        f"Mutu baku langkah {step.number}: {format_duration(step.minutes * 60)}, "
        "dihitung sejak disimpan."
    )


class StepClock(Static):
    """The mutu baku clock of one item's step, read in a worker thread and read again every
    few seconds while its screen shows (the event loop never waits for it). Before the item
    exists (a new form), the standard of the step it will start at (`new`)."""

    DEFAULT_CSS = """
    StepClock {
        height: 1;
        padding: 0 1;
    }
    """
    EVERY = 5  # seconds between reads

    def __init__(self, item_id: int | None = None, *, new: Step | None = None, **kwargs):
        kwargs.setdefault("id", "clock")
        super().__init__("", **kwargs)
        self.item_id, self.new = item_id, new
        self.facts: StepFacts | None = None

    def on_mount(self) -> None:
        self.show_item(self.item_id)
        self.set_interval(self.EVERY, self.poll)

    def show_item(self, item_id: int | None) -> None:
        """Count the step `item_id` is at now (None: no item)."""
        self.item_id = item_id
        if self.facts is not None and self.facts.item_id != item_id:
            self.facts = None
        self.draw()
        self.load()

    def poll(self) -> None:
        if self.screen.is_current:
            self.load()

    def load(self) -> None:
        item_id = self.item_id
        if item_id is not None:
            self.run_worker(
                lambda: read(lambda: step_facts(item_id)),
                thread=True,
                exclusive=True,
                group="step-clock",
            )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "step-clock":
            return
        event.stop()
        facts = event.worker.result if event.state == WorkerState.SUCCESS else None
        if isinstance(facts, StepFacts) and facts.item_id == self.item_id:
            self.facts = facts
            self.draw()

    def draw(self) -> None:
        if self.facts is not None:
            self.update(step_clock_text(self.facts))
        elif self.item_id is None and self.new is not None:
            self.update(new_step_text(self.new))
        else:
            self.update("")
