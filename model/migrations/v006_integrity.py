"""v6: an outgoing draft version remembers the hash of exactly what it held (recipients,
subject, body, attachments), so what is sent can be proven to be what was approved; an
incoming mail can be set aside as not an official letter (spam, phishing, wrongly sent)."""

from __future__ import annotations

import peewee
from playhouse.migrate import migrate

from model.migrations.frozen import migrator

VERSION = 6


def up() -> None:
    m = migrator()
    text = {"constraints": [peewee.SQL("DEFAULT ''")]}
    migrate(
        m.add_column("draft_version", "sha256", peewee.CharField(**text), allow_not_null=True),
        m.add_column("draft_version", "attachments", peewee.TextField(**text), allow_not_null=True),
        m.add_column("incoming_mail", "set_aside", peewee.CharField(**text), allow_not_null=True),
        m.add_column(
            "incoming_mail", "set_aside_reason", peewee.TextField(**text), allow_not_null=True
        ),
    )
