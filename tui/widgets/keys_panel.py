"""The keys of the screen shown now, beside it, in Indonesian (Ctrl+P → Tombol): Warkat's
own keys as the key map says them, Textual's field and list keys translated (tui.keys.TEXTUAL;
those not translated are left out). It takes the place of Textual's HelpPanel, whose words
are English."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from tui.keys import KEYS, TEXTUAL, key_name
from tui.widgets.plain import Static


def key_rows(screen) -> list[tuple[str, str]]:
    """(keys, meaning) of every binding active on `screen`, one row per meaning: Warkat's
    own first, then the field's and the list's."""
    ours = set(KEYS.values())
    rows: dict[str, list[str]] = {}
    for key, active in screen.active_bindings.items():
        binding, description = active.binding, active.binding.description
        text = TEXTUAL.get(description) or (description if description in ours else "")
        if binding.system or not active.enabled or not text or key.startswith("super+"):
            continue
        shown = binding.key_display or key_name(key)
        if shown not in rows.setdefault(text, []):
            rows[text].append(shown)
    found = [(" ".join(keys), text) for text, keys in rows.items()]
    return sorted(found, key=lambda row: row[1] not in ours)


class KeysPanel(VerticalScroll, can_focus=False):
    """Docked at the right of the screen; follows the focus and the screen's bindings."""

    DEFAULT_CSS = """
    KeysPanel {
        dock: right;
        width: 32;
        height: 1fr;
        border-left: vkey $foreground 30%;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("Tombol", classes="section-title")
        yield Static("", id="keys-table")

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.show_keys())
        self.watch(self.screen, "focused", lambda _focused: self.show_keys())
        self.show_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def show_keys(self) -> None:
        table = Table.grid(padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, text in key_rows(self.screen):
            table.add_row(Text(keys), Text(text))
        self.query_one("#keys-table", Static).update(table)
