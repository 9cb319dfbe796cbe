"""v11: groups in the address book (Semua OPD, Semua Kecamatan …); each destination keeps
the group it came from; a fax job may be sent at a set time and given up at a cut-off."""

from __future__ import annotations

import peewee
from playhouse.migrate import migrate

from model.migrations.frozen import Frozen, create, migrator
from model.migrations.v001_core import Contact

VERSION = 11


class ContactGroup(Frozen):
    name = peewee.CharField(max_length=255, unique=True)
    note = peewee.CharField(max_length=255)


class GroupMember(Frozen):
    group = peewee.ForeignKeyField(ContactGroup, backref="+", on_delete="CASCADE")
    contact = peewee.ForeignKeyField(Contact, backref="+", on_delete="CASCADE")

    class Meta:
        indexes = ((("group", "contact"), True),)


def up() -> None:
    m = migrator()
    create(ContactGroup)
    create(GroupMember)
    migrate(
        m.add_column(
            "fax_destination",
            "group_name",
            peewee.CharField(max_length=255, constraints=[peewee.SQL("DEFAULT ''")]),
            allow_not_null=True,
        ),
        m.add_column("fax_job", "send_at", peewee.DateTimeField(null=True)),
        m.add_column("fax_job", "kill_at", peewee.DateTimeField(null=True)),
    )
