"""Stored choices: string enums whose members carry their Indonesian label."""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """Members are declared as `NAME = "stored value", "Label"`; a member is its stored
    value (so columns and comparisons keep plain strings), `.label` is what users read."""

    label: str

    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def label_of(cls, value: str) -> str:
        """The label of stored `value`; the value itself when it is not one of the choices."""
        try:
            return cls(value).label
        except ValueError:
            return value
