"""Stylesheets stay scoped: Textual applies a screen's CSS_PATH app-wide once the screen has
been shown, so every rule of a tui/**/*.tcss names its screen or dialog class first; only the
app stylesheet (tui/warkat.tcss) may also style every Screen or ModalScreen."""

import ast
import re
from pathlib import Path

TUI = Path(__file__).resolve().parent.parent / "tui"
APP_STYLESHEET = TUI / "warkat.tcss"
TEXTUAL_SCREENS = {"Screen", "ModalScreen"}
FIRST_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def screen_classes() -> set[str]:
    """The Screen and ModalScreen subclasses defined in tui/ (through any depth of bases)."""
    bases: dict[str, set[str]] = {}
    for path in TUI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {ast.unparse(b).split("[")[0].split(".")[-1] for b in node.bases}
    screens, grown = set(TEXTUAL_SCREENS), True
    while grown:
        found = {name for name, of in bases.items() if of & screens} - screens
        screens |= found
        grown = bool(found)
    return screens - TEXTUAL_SCREENS


def top_level_selectors(css: str) -> list[str]:
    """Each selector of each top-level rule (nested rules belong to their parent's scope)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors, depth, start = [], 0, 0
    for i, ch in enumerate(css):
        if ch == "{":
            if depth == 0:
                selectors += [s.strip() for s in css[start:i].split(",")]
            depth += 1
        elif ch == "}":
            depth -= 1
            start = i + 1
    return selectors


def unscoped(path: Path, scopes: set[str]) -> list[str]:
    allowed = scopes | (TEXTUAL_SCREENS if path == APP_STYLESHEET else set())
    return [
        s
        for s in top_level_selectors(path.read_text("utf-8"))
        if not (m := FIRST_NAME.match(s)) or m.group() not in allowed
    ]


def test_every_rule_is_scoped_by_its_screen_or_dialog():
    scopes = screen_classes()
    assert {"LoginScreen", "TriageScreen", "FormDialog", "ForwardDialog"} <= scopes
    found = {
        str(path.relative_to(TUI)): bad
        for path in sorted(TUI.rglob("*.tcss"))
        if (bad := unscoped(path, scopes))
    }
    assert found == {}


def test_the_check_sees_an_unscoped_rule():
    css = "/* x */ TriageScreen #steps, #queue { height: 1; }\nLabel { width: 8; }"
    assert top_level_selectors(css) == ["TriageScreen #steps", "#queue", "Label"]
