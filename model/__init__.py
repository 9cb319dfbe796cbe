"""Warkat's domain: schema, the SOP as data, workflow rules, numbering, roles, clocks, audit."""

import sys


def _peewee_without_psycopg2() -> None:
    """Import peewee without psycopg2 (~6 MiB resident, loaded by peewee whenever installed),
    and finish peewee's optional psycopg2 import when its first PostgreSQL database is made:
    a SQLite office (and every login screen) never loads the driver."""
    sys.modules["psycopg2"] = None  # type: ignore[assignment]  # peewee's try/import fails
    try:
        import peewee
    finally:
        del sys.modules["psycopg2"]
    adapter = peewee.Psycopg2Adapter
    init = adapter.__init__

    def __init__(self) -> None:
        if peewee.psycopg2 is None:
            try:
                import psycopg2
                from psycopg2 import extensions
                from psycopg2.extras import Json, register_uuid
            except ImportError:  # not installed: peewee says so, as it would have
                return init(self)
            register_uuid()
            peewee.psycopg2, peewee.pg_extensions, peewee.Json_pg2 = psycopg2, extensions, Json
            adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
            adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
            adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
        init(self)

    adapter.__init__ = __init__


if "peewee" not in sys.modules and "psycopg2" not in sys.modules:
    _peewee_without_psycopg2()
