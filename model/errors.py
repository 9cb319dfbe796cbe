"""Refusals raised by model rules; each carries a sentence for the user (Indonesian)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class WarkatError(Exception):
    """Base of every refusal the user should read."""


class NotAllowed(WarkatError):
    """The actor lacks the role this step needs."""


class Conflict(WarkatError):
    """The item moved on (someone else acted first) or is not at the expected step."""


class Invalid(WarkatError):
    """Input that breaks a rule (empty field, bad number, unknown code). `problems` holds each
    broken rule's sentence by the field it belongs to ("" when it names no one field)."""

    def __init__(self, message: str = "", *, problems: dict[str, str] | None = None):
        self.problems = dict(problems) if problems else {"": message}
        super().__init__(message or " ".join(dict.fromkeys(self.problems.values())))


class Problems:
    """Every broken rule of a form, by field, collected instead of stopping at the first."""

    def __init__(self) -> None:
        self.found: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        """One more sentence for `field` (a field's sentences go on lines of their own)."""
        lines = self.found.get(field, "").splitlines()
        if message not in lines:
            self.found[field] = "\n".join([*lines, message])

    @contextmanager
    def about(self, field: str) -> Iterator[None]:
        """Run a check that raises Invalid; keep its sentences under `field`."""
        try:
            yield
        except Invalid as exc:
            for name, message in exc.problems.items():
                self.add(name or field, message)

    def check(self) -> None:
        """Raise Invalid with everything found, if anything was."""
        if self.found:
            raise Invalid(problems=self.found)


class Duplicate(Conflict):
    """Someone stored the same thing at the same moment (a unique key held)."""
