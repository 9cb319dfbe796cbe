"""A step log line in the SOP's own words: the label of the action taken and the step it led
to by its SOP name, or "selesai"; every screen and document that shows history says it so."""

from __future__ import annotations

from dataclasses import dataclass

from model.clock import format_duration
from model.sop import DONE, PROCEDURES, Procedure
from model.workflow.items import StepLog

CREATED = "buat"  # the action code of an item's first log line (not an SOP action)


@dataclass(frozen=True)
class LogWords:
    action: str  # "Perlu dicetak/pemberkasan"
    to: str  # "langkah 3: Mencetak surat …", or "selesai"
    paused: str = ""  # "dijeda 40 mnt kerja" when the step left had its clock paused

    def __str__(self) -> str:
        return f"{self.action} → {self.to}" + (f" ({self.paused})" if self.paused else "")


def action_label(procedure: Procedure | None, from_step: int | None, code: str) -> str:
    """The SOP label of action `code` (taken at `from_step`); a code the SOP no longer has
    (a revised SOP, old log lines) is said as its words."""
    if code == CREATED:
        return "Dibuat"
    steps = procedure.steps if procedure is not None else ()
    at = [s for s in steps if s.number == from_step]
    found = next((s.action(code) for s in (*at, *steps) if s.action(code)), None)
    return found.label if found else code.replace("_", " ").capitalize()


def step_words(procedure: Procedure | None, number: int) -> str:
    """Where an item went: "langkah N: <its SOP name>", or "selesai"."""
    if number == DONE:
        return "selesai"
    try:
        return f"langkah {number}: {procedure.step(number).name}"
    except (AttributeError, KeyError):
        return f"langkah {number}"


def log_words(procedure: str, log: StepLog) -> LogWords:
    """The words of one step log line of an item of `procedure`."""
    proc = PROCEDURES.get(procedure)
    paused = f"dijeda {format_duration(log.paused_seconds)} kerja" if log.paused_seconds else ""
    return LogWords(
        action_label(proc, log.from_step, log.action), step_words(proc, log.to_step), paused
    )
