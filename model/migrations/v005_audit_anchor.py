"""v5: audit anchors — chain heads that left the software (printed, mailed, shown), so a
rewritten trail can be proven later."""

from __future__ import annotations

import peewee

from model.migrations.frozen import Frozen, create

VERSION = 5


class AuditAnchor(Frozen):
    entry_id = peewee.IntegerField()
    hash = peewee.CharField(max_length=64)
    seen_at = peewee.DateTimeField()
    source = peewee.CharField(constraints=[peewee.SQL("DEFAULT ''")])


def up() -> None:
    create(AuditAnchor)
