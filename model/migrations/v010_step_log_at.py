"""v10: the step log indexed by time, so a period's figures (the board, the monthly report)
read only that period's rows."""

from __future__ import annotations

from playhouse.migrate import migrate

from model.migrations.frozen import migrator

VERSION = 10


def up() -> None:
    m = migrator()
    migrate(m.add_index("step_log", ("at",)))
