"""v7: an incoming mail registered in the buku agenda surat masuk keeps the sender's letter
number and date, and the units named then as where it goes (diteruskan kepada)."""

from __future__ import annotations

import peewee
from playhouse.migrate import migrate

from model.migrations.frozen import Frozen, create, migrator
from model.migrations.v001_core import Unit
from model.migrations.v003_email import IncomingMail

VERSION = 7


class PlannedForward(Frozen):
    mail = peewee.ForeignKeyField(IncomingMail, backref="+", on_delete="CASCADE")
    unit = peewee.ForeignKeyField(Unit, backref="+")

    class Meta:
        indexes = ((("mail", "unit"), True),)


def up() -> None:
    m = migrator()
    migrate(
        m.add_column(
            "incoming_mail",
            "letter_number",
            peewee.CharField(constraints=[peewee.SQL("DEFAULT ''")]),
            allow_not_null=True,
        ),
        m.add_column("incoming_mail", "letter_date", peewee.DateField(null=True)),
    )
    create(PlannedForward)
