"""Refusals raised by model rules; each carries a sentence for the user (Indonesian)."""


class WarkatError(Exception):
    """Base of every refusal the user should read."""


class NotAllowed(WarkatError):
    """The actor lacks the role this step needs."""


class Conflict(WarkatError):
    """The item moved on (someone else acted first) or is not at the expected step."""


class Invalid(WarkatError):
    """Input that breaks a rule (empty field, bad number, unknown code)."""


class Duplicate(Conflict):
    """Someone stored the same thing at the same moment (a unique key held)."""
