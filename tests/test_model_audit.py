"""The audit trail is hash-chained and names the first broken link."""

from model.audit import AuditEntry, record, verify
from model.db import write


def test_chain_verifies_and_tampering_is_found(home):
    with write():
        for n in range(5):
            record("kasi", "uji", f"item#{n}", n=n)
    assert verify() == (5, None)
    third = AuditEntry.select().order_by(AuditEntry.id)[2]
    AuditEntry.update(detail='{"n": 99}').where(AuditEntry.id == third.id).execute()
    count, broken = verify()
    assert (count, broken.id) == (2, third.id)


def test_deleting_an_entry_breaks_the_chain(home):
    with write():
        for n in range(3):
            record("admin", "uji", n=n)
    middle = AuditEntry.select().order_by(AuditEntry.id)[1]
    middle.delete_instance()
    assert verify()[1] is not None
