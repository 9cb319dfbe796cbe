"""Groups in the address book: kept by Adm. Umum, a request goes to a group and to single
numbers, each destination remembers its group, and one call sends the letter to all that
are not sent yet (the failed ones again, their unconfirmed pages only)."""

import pytest

from model import audit, contacts
from model.errors import Invalid, NotAllowed
from model.fax import flow as fax_flow
from model.fax import schedule
from model.fax import spool as fax_spool
from model.fax.jobs import AttemptReport
from model.fax.records import FaxJob, JobStatus, request_of
from model.fax.spool import RetryPolicy
from model.org import Contact
from tests.conftest import user
from tests.fax_helpers import at_step, draft, live_daemon


def kecamatan(n: int = 3) -> contacts.ContactGroup:
    people = [
        contacts.save_contact(user("admin"), None, name=f"Kec. {i}", fax=f"0355-79100{i}")
        for i in range(1, n + 1)
    ]
    return contacts.save_group(
        user("admin"), None, name="Kecamatan Uji", member_ids=[c.id for c in people]
    )


def test_only_adm_umum_keeps_the_book(staff):
    with pytest.raises(NotAllowed, match="Administrasi Umum"):
        contacts.save_contact(user("operator"), None, name="Kec. Panggul", fax="0355-791001")
    with pytest.raises(NotAllowed):
        contacts.save_group(user("pemakai"), None, name="Semua OPD", member_ids=[])


def test_a_contact_needs_a_name_and_a_valid_number(staff):
    with pytest.raises(Invalid) as refused:
        contacts.save_contact(user("admin"), None, name="", fax="12ab")
    assert set(refused.value.problems) == {"name", "fax"}
    saved = contacts.save_contact(user("admin"), None, name="Kec. Bendungan", fax="0355 791002")
    assert saved.fax == "0355-791002"


def test_a_group_lists_its_members_with_fax_numbers(staff):
    group = kecamatan()
    no_fax = contacts.save_contact(user("admin"), None, name="Kec. Email", email="kec@x.id")
    contacts.save_group(
        user("admin"),
        group.id,
        name="Kecamatan Uji",
        member_ids=[c.id for c in contacts.members(group.id)] + [no_fax.id],
    )
    picked = contacts.group_destinations(group.id)
    assert [d.name for d in picked] == ["Kec. 1", "Kec. 2", "Kec. 3"]
    assert {d.group for d in picked} == {"Kecamatan Uji"}
    assert dict((g.name, n) for g, n in contacts.groups())["Kecamatan Uji"] == 3
    assert audit.AuditEntry.select().where(audit.AuditEntry.action == "grup_alamat").count() == 2


def test_two_groups_cannot_share_a_name(staff):
    kecamatan()
    with pytest.raises(Invalid, match="sudah ada"):
        contacts.save_group(user("admin"), None, name="Kecamatan Uji", member_ids=[])


def test_deleting_a_group_keeps_its_contacts(staff):
    group = kecamatan()
    contacts.delete_group(user("admin"), group.id)
    assert "Kecamatan Uji" not in [g.name for g, _ in contacts.groups()]
    assert Contact.select().where(Contact.name.startswith("Kec. ")).count() == 3


def test_a_request_keeps_the_group_of_each_destination(staff):
    group = kecamatan()
    dests = [(d.name, d.number, d.group) for d in contacts.group_destinations(group.id)]
    item = fax_flow.save_draft(
        user("pemakai"), draft(destinations=[*dests, ("Diskominfo Jatim", "031-8294608")])
    )
    stored = [(d.name, d.group_name) for d in request_of(item.id).destinations]
    assert stored[0] == ("Kec. 1", "Kecamatan Uji")
    assert stored[-1] == ("Diskominfo Jatim", "")
    assert fax_flow.draft_of(item.id).destinations[0] == ("Kec. 1", "0355-791001", "Kecamatan Uji")


def group_letter() -> int:
    group = kecamatan()
    dests = [(d.name, d.number, d.group) for d in contacts.group_destinations(group.id)]
    return at_step(5, destinations=dests)


def test_one_call_queues_every_destination(staff):
    item_id = group_letter()
    queued = schedule.send_all(user("operator"), item_id, schedule.Timing(), pages=1)
    assert len(queued) == 3
    assert {j.status for j in queued} == {JobStatus.QUEUED}
    with pytest.raises(Invalid, match="Tidak ada tujuan"):
        schedule.send_all(user("operator"), item_id, schedule.Timing(), pages=1)


def test_sending_to_all_again_resends_only_the_failed_ones(staff):
    item_id = group_letter()
    schedule.send_all(user("operator"), item_id, schedule.Timing(), pages=2)
    daemon = live_daemon()
    outcomes = {}
    for ok in (True, False, True):
        job = fax_spool.claim_next(daemon)
        report = AttemptReport(job.created_at, job.created_at, ok, 2 if ok else 1, 2, "x")
        outcomes[job.id] = fax_spool.finish(job.id, report, RetryPolicy()).status
    failed = [j for j, status in outcomes.items() if status == JobStatus.FAILED]
    again = schedule.send_all(user("operator"), item_id, schedule.Timing(), pages=2)
    assert [j.id for j in again] == failed  # the same job, its history kept
    assert again[0].pages_done == 1  # only the unconfirmed page goes again


def test_a_timing_in_the_past_or_a_cut_off_before_the_send_is_refused(staff, frozen):
    from datetime import timedelta

    with pytest.raises(Invalid) as refused:
        schedule.Timing(frozen - timedelta(hours=1), frozen - timedelta(hours=2)).check()
    assert set(refused.value.problems) == {"send_at", "kill_at"}
    assert FaxJob.select().count() == 0


def test_the_journal_of_a_group_letter_lists_every_destination(staff):
    from tests.print_helpers import squash, text_of
    from tui.printing import transmission_journal

    item_id = group_letter()
    first = schedule.send_all(user("operator"), item_id, schedule.Timing(), pages=1)[0]
    daemon = live_daemon()
    job = fax_spool.claim_next(daemon)
    fax_spool.finish(
        job.id, AttemptReport(job.created_at, job.created_at, True, 1, 1, "OK"), RetryPolicy()
    )
    pdf, _title = transmission_journal(first.id)
    text = text_of(pdf)
    assert squash("Semua tujuan berita") in text and squash("1 dari 3 terkirim") in text
    for name in ("Kec. 1", "Kec. 2", "Kec. 3"):
        assert squash(name) in text
    assert text.count(squash("(Kecamatan Uji)")) == 3


def test_the_agenda_book_names_a_group_by_its_name(staff):
    """14 kecamatan with long names overflow the agenda's tujuan line; the group's name fits."""
    from model.books.agenda import AgendaEntry

    people = [
        contacts.save_contact(
            user("admin"),
            None,
            name=f"Camat Kecamatan Panjang Sekali Nomor {i}",
            fax=f"0355-7910{i:02}",
        )
        for i in range(1, 15)
    ]
    group = contacts.save_group(
        user("admin"), None, name="Camat se-Kabupaten", member_ids=[c.id for c in people]
    )
    dests = [(d.name, d.number, d.group) for d in contacts.group_destinations(group.id)]
    item_id = at_step(4, destinations=[*dests, ("Diskominfo Jatim", "031-8294608")])
    party = AgendaEntry.get(AgendaEntry.item == item_id).party
    assert party == "Camat se-Kabupaten, Diskominfo Jatim"


def test_many_single_destinations_are_counted_past_the_line():
    from types import SimpleNamespace

    many = [SimpleNamespace(name=f"Dinas Nomor {i:02} Kabupaten", group_name="") for i in range(20)]
    text = fax_flow.addressees(many)
    assert len(text) <= 255
    assert text.startswith("Dinas Nomor 00 Kabupaten, Dinas Nomor 01 Kabupaten")
    shown = text.count("Kabupaten")
    assert text.endswith(f" dan {20 - shown} tujuan lain")
