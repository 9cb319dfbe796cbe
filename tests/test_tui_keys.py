"""One key, one meaning: every binding of every screen, dialog and widget in tui/ is a key of
the key map (tui/keys.py) with the map's meaning; F1 and the README show the map."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

import tui
from tests.tui_helpers import make_app, settle, sign_in
from tui.keys import KEYS, SECTIONS, table
from tui.screens.help import HelpScreen
from tui.widgets.plain import Static


def tui_bindings() -> list[tuple[str, str, str]]:
    """(class, key, description) of every binding a class in tui/ declares itself."""
    found = []
    for module in pkgutil.walk_packages(tui.__path__, "tui."):
        for name, cls in vars(importlib.import_module(module.name)).items():
            if not (inspect.isclass(cls) and issubclass(cls, DOMNode)):
                continue
            if cls.__module__ != module.name:
                continue
            for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
                for key in binding.key.split(","):
                    found.append((f"{module.name}.{name}", key, binding.description))
    return found


def test_every_key_bound_in_tui_has_the_one_meaning_of_the_key_map():
    bindings = tui_bindings()
    assert len(bindings) > 100  # the walk found the screens
    outside = [(where, key) for where, key, _ in bindings if key not in KEYS]
    assert outside == [], "keys not in tui/keys.py"
    meanings: dict[str, set[str]] = {}
    for _where, key, description in bindings:
        meanings.setdefault(key, set()).add(description)
    twice = {key: texts for key, texts in meanings.items() if len(texts) > 1}
    assert twice == {}, "one key, two meanings"
    wrong = [(w, k, d) for w, k, d in bindings if d != KEYS[k]]
    assert wrong == []


def test_the_keys_that_once_meant_two_things_mean_one_now():
    assert (KEYS["p"], KEYS["g"], KEYS["c"]) == ("Periode", "Ganti sandi", "Cetak")
    assert (KEYS["r"], KEYS["f5"], KEYS["enter"]) == ("Arsipkan", "Muat ulang", "Buka")
    assert KEYS["m"] == "Menu" and "Menu" not in {KEYS[k] for k in KEYS if k != "m"}


def test_the_readme_has_the_key_map():
    readme = Path("README.md").read_text("utf-8")
    for title, keys in SECTIONS:
        assert f"| {title} |" in readme or title in readme
        for names, meaning in table(keys):
            assert f"| `{names}` | {meaning} |" in readme, (names, meaning)


async def test_f1_shows_the_key_map(office):
    app = make_app(office)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "admin")
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "Tombol" in text
        for title, keys in SECTIONS:
            assert title in text
            for names, meaning in table(keys):
                assert f"{names:<16}{meaning}" in text
