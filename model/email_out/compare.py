"""What changed between two versions of a draft, sentence by sentence, as the Kepala Bidang
reads it: each changed field with its sentences kept, removed and added in order."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from model.email_out.records import FIELDS

SAME, REMOVED, ADDED = "sama", "dihapus", "ditambah"
# a sentence ends at . ! ? (and a closing quote or bracket) before a space, or at a line's end
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')\]]))\s+")
# … but not after a title or an abbreviation: Yth. No. Tgl. Ir. S.Kom. M.T.
ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|\w+(?:\.\w+)+)\.$")


@dataclass(frozen=True)
class Piece:
    kind: str  # SAME, REMOVED or ADDED
    text: str


@dataclass(frozen=True)
class FieldChange:
    label: str  # the field's Indonesian label ("isi", "perihal", …)
    pieces: tuple[Piece, ...]

    @property
    def spacing_only(self) -> bool:
        """Only spaces or line breaks changed: every sentence is kept."""
        return all(p.kind == SAME for p in self.pieces)


def sentences(text: str) -> list[str]:
    """The sentences of `text`, line by line (a line without a full stop is one sentence);
    blank lines are left out."""
    found = []
    for line in text.splitlines():
        part = ""
        for chunk in SENTENCE_END.split(line.strip()):
            part = f"{part} {chunk}" if part else chunk
            if not ABBREVIATION.search(part):
                found.append(part)
                part = ""
        if part:
            found.append(part)
    return [s for s in found if s]


def pieces(old: list[str], new: list[str]) -> tuple[Piece, ...]:
    """`old` turned into `new`: unchanged parts, then what was removed before what was added."""
    out: list[Piece] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out += [Piece(SAME, s) for s in old[a1:a2]]
            continue
        out += [Piece(REMOVED, s) for s in old[a1:a2]]
        out += [Piece(ADDED, s) for s in new[b1:b2]]
    return tuple(out)


def compare(old, new) -> list[FieldChange]:
    """The fields that differ between versions `old` and `new` (attachments line by line,
    the other fields sentence by sentence); [] when they are the same text."""
    changes = []
    for field, label in FIELDS:
        before, after = getattr(old, field) or "", getattr(new, field) or ""
        if before == after:
            continue
        split = str.splitlines if field == "attachments" else sentences
        changes.append(FieldChange(label, pieces(split(before), split(after))))
    return changes
