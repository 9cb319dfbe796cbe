"""Recovery copies: what a user typed into a form and has not saved yet, kept as they type so
a dropped connection loses at most the last field. One copy per user, form and item; it is not
an official record (the draft is saved only by the user's own Simpan)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import peewee

from model.base import BaseModel, now
from model.db import write
from model.fields import Line, Text
from model.org import User

Files = list[tuple[str, bytes]]


class FormRecovery(BaseModel):
    user = peewee.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    form = Line(max_length=40)  # which form: "fax_request", "email_out"
    key = Line(max_length=40)  # which item: "" a new one, else the form's own key
    saved_at = peewee.DateTimeField()
    fields = Text()  # JSON object: the form's fields
    files = peewee.BlobField(null=True)  # the attachments, packed (see _pack)

    class Meta:
        indexes = ((("user", "form", "key"), True),)


@dataclass(frozen=True)
class Recovered:
    saved_at: datetime
    fields: dict
    files: Files


def _pack(files: Files) -> bytes:
    """A JSON line of names and sizes, then the files' bytes one after another."""
    head = json.dumps([[name, len(data)] for name, data in files]).encode()
    return b"\n".join([head, b"".join(data for _, data in files)])


def _unpack(packed: bytes | None) -> Files:
    if not packed:
        return []
    head, _, body = bytes(packed).partition(b"\n")
    files, start = [], 0
    for name, size in json.loads(head):
        files.append((name, body[start : start + size]))
        start += size
    return files


def keep(user: User, form: str, key: str, fields: dict, files: Files | None = None) -> None:
    """Store the form as typed now over the previous copy; `files` None keeps the stored ones
    (attachments are large and change rarely)."""
    values = {"saved_at": now(), "fields": json.dumps(fields, ensure_ascii=False)}
    if files is not None:
        values["files"] = _pack(files)
    with write():
        (
            FormRecovery.insert(user=user, form=form, key=key, **values)
            .on_conflict(
                conflict_target=[FormRecovery.user, FormRecovery.form, FormRecovery.key],
                update={getattr(FormRecovery, name): value for name, value in values.items()},
            )
            .execute()
        )


def find(user: User, form: str, key: str) -> Recovered | None:
    """The copy kept of this form, if any."""
    row = FormRecovery.get_or_none(
        (FormRecovery.user == user) & (FormRecovery.form == form) & (FormRecovery.key == key)
    )
    if row is None:
        return None
    return Recovered(row.saved_at, json.loads(row.fields), _unpack(row.files))


def clear(user: User, form: str, key: str) -> None:
    """Forget the copy (the form was saved, or what was typed thrown away)."""
    with write():
        FormRecovery.delete().where(
            (FormRecovery.user == user) & (FormRecovery.form == form) & (FormRecovery.key == key)
        ).execute()
