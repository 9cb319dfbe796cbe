"""v4: a fax job remembers its call in progress — when dialling began (None between calls)
and the pages confirmed so far in it."""

from __future__ import annotations

import peewee
from playhouse.migrate import migrate

from model.migrations.frozen import migrator

VERSION = 4


def up() -> None:
    m = migrator()
    migrate(
        m.add_column("fax_job", "call_started_at", peewee.DateTimeField(null=True)),
        m.add_column(
            "fax_job",
            "call_pages",
            peewee.IntegerField(constraints=[peewee.SQL("DEFAULT 0")]),
            allow_not_null=True,
        ),
    )
