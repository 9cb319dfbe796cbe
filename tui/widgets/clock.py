"""Mutu baku clock rendered as coloured text (normal / amber / red)."""

from __future__ import annotations

from rich.text import Text

from model.clock import AMBER, RED, Clock

STYLES = {AMBER: "bold dark_orange", RED: "bold white on red"}


def clock_text(clock: Clock) -> Text:
    return Text(clock.label, style=STYLES.get(clock.state, ""))
