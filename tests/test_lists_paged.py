"""Every list reads a page at a time: each model read given `limit` returns the first rows
in the list's order and no more (the order and who sees an item are SQL, not Python)."""

from collections import Counter
from datetime import date, timedelta

from model import base
from model.books import agenda, ekspedisi
from model.db import write
from model.email_in.queue_rows import in_rows
from model.email_out.queue_rows import out_rows
from model.fax.queue_rows import fax_rows, request_rows, transmit_rows
from model.fax.records import FaxLogEntry
from model.reports import registers
from model.sop import EMAIL_IN, EMAIL_OUT, FAX, number
from model.workflow.inbox import URGENCY, waiting_counts, waiting_for
from model.workflow.items import WorkItem
from model.workflow.transitions import create_item
from tests.conftest import user

DERAJAT = ("Biasa", "Sangat Segera", "Segera", "Biasa", "Segera", "Sangat Segera", "Biasa")


def items(procedure: str, step: int, n: int, by: str = "pemakai") -> list[int]:
    """`n` items at `step`, entered a minute apart, of mixed derajat; their ids."""
    ids = []
    with write():
        for i in range(n):
            base.freeze(base.now() + timedelta(minutes=1))
            item = create_item(
                procedure, user(by), f"Perihal {i}", step=step, derajat=DERAJAT[i % len(DERAJAT)]
            )
            ids.append(item.id)
    return ids


def expected(ids: list[int]) -> list[int]:
    """`ids` in the lists' order: most urgent, then oldest at the step, then first made."""
    rows = WorkItem.select().where(WorkItem.id.in_(ids))
    key = lambda i: (URGENCY.get(i.derajat, 2), i.step_entered_at, i.id)  # noqa: E731
    return [i.id for i in sorted(rows, key=key)]


def test_the_home_reads_the_first_rows_most_urgent_then_oldest(staff):
    ids = items(FAX, number(FAX, "disposisi"), 12)
    every = [r.item.id for r in waiting_for(user("kasi"))]
    assert every == expected(ids)
    assert [r.item.id for r in waiting_for(user("kasi"), limit=5)] == every[:5]
    assert [r.item.id for r in waiting_for(user("kasi"), limit=5, offset=5)] == every[5:10]
    assert waiting_for(user("operator"), limit=5) == []


def test_the_owner_sees_only_their_own_items_at_an_owner_step(staff):
    mine = items(FAX, 1, 3)
    items(FAX, 1, 2, by="admin")  # someone else's drafts
    assert [r.item.id for r in waiting_for(user("pemakai"), FAX, limit=10)] == expected(mine)


def test_the_fax_queues_read_the_first_rows(staff):
    step2 = items(FAX, number(FAX, "disposisi"), 7)
    sending = items(FAX, number(FAX, "terkirim"), 6)
    assert [r.id for r in fax_rows(user("kasi"), ("disposisi",), 4)] == expected(step2)[:4]
    assert [r.id for r in transmit_rows(user("operator"), 3)] == expected(sending)[:3]
    newest = sorted(step2 + sending, reverse=True)
    assert [r.id for r in request_rows(user("pemakai"), 5)] == newest[:5]


def test_the_mail_queues_read_the_first_rows_and_count_the_steps(staff):
    sort = items(EMAIL_IN, number(EMAIL_IN, "cetak"), 5, by="admin")
    later = items(EMAIL_IN, number(EMAIL_IN, "agendakan"), 3, by="admin")
    assert [r.id for r in in_rows(user("kasi"), ("cetak",), 3)] == expected(sort)[:3]
    assert [r.id for r in in_rows(user("admin"), ("agendakan",), 2)] == expected(later)[:2]
    counts = waiting_counts(user("admin"), EMAIL_IN)
    assert counts == Counter(r.step.number for r in waiting_for(user("admin"), EMAIL_IN))
    assert counts[number(EMAIL_IN, "agendakan")] == 3
    approve = items(EMAIL_OUT, number(EMAIL_OUT, "setujui"), 4, by="staf")
    assert [r.id for r in out_rows(user("kabid"), ("setujui",), 2)] == expected(approve)[:2]


def test_the_books_read_the_first_lines_in_their_order(staff):
    today = base.now().date()
    with write():
        for seq in range(1, 8):
            agenda.AgendaEntry.create(
                book=agenda.OUTGOING, year=today.year, seq=seq, number=f"N/{seq}", perihal="p"
            )
    first = [e.seq for e in agenda.book_entries(agenda.OUTGOING, today.year, "", 3)]
    assert first == [1, 2, 3]
    between = registers.agenda_between(agenda.OUTGOING, today, today, "", 4)
    assert [e.seq for e in between] == [1, 2, 3, 4]
    item = items(FAX, 7, 1)[0]
    with write():
        for minute in (5, 1, 3, 2):
            FaxLogEntry.create(
                at=base.now() - timedelta(minutes=minute),
                item=item,
                to_name="t",
                number="1",
                ok=True,
            )
    lines = registers.fax_log_between(today, today, "", 3)
    assert [base.now() - e.at for e in lines] == [timedelta(minutes=m) for m in (5, 3, 2)]
    for i in range(5):
        ekspedisi.add(user("admin"), to=f"Dinas {i}", perihal="Undangan")
    year = date(today.year, 1, 1), date(today.year, 12, 31)
    assert [e.to for e in ekspedisi.between(*year, limit=2)] == ["Dinas 0", "Dinas 1"]
    assert len(ekspedisi.unreceived(*year)) == 5
