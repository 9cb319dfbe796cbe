"""v8: recovery copies of forms being typed (model.recovery), one per user, form and item."""

from __future__ import annotations

import peewee

from model.migrations.frozen import Frozen, create
from model.migrations.v001_core import User

VERSION = 8


class FormRecovery(Frozen):
    user = peewee.ForeignKeyField(User, backref="+", on_delete="CASCADE")
    form = peewee.CharField(max_length=40)
    key = peewee.CharField(max_length=40)
    saved_at = peewee.DateTimeField()
    fields = peewee.TextField()
    files = peewee.BlobField(null=True)

    class Meta:
        indexes = ((("user", "form", "key"), True),)


def up() -> None:
    create(FormRecovery)
