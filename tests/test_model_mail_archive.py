"""The email archive: text search over archived mail, and an item's whole history."""

from model import outbox
from model.books.agenda import agenda_number
from model.email_in import flow as email_in
from model.email_out import flow as email_out
from model.reports import mail_archive
from model.sop import DONE
from spool.mail import finish as finish_mail
from tests.conftest import user
from tests.mail_helpers import incoming_at, outgoing_at


def archived_incoming(**kw) -> int:
    item_id = incoming_at(8, **kw)
    email_in.archive(user("admin"), item_id)
    return item_id


def archived_outgoing(subject: str) -> int:
    item_id = outgoing_at(4, subject=subject)
    email_out.send(user("admin"), item_id, "000.1.1")
    job = outbox.claim_next("uji")
    finish_mail(job.id, message_id="<a1@trenggalekkab.go.id>", unit_code="406.020")
    email_out.archive(user("admin"), item_id)
    return item_id


def test_incoming_search_covers_subject_sender_body_and_number(staff):
    a = archived_incoming(subject="Undangan rapat", sender="setda@trenggalekkab.go.id")
    b = archived_incoming(subject="Edaran siber", body="Waspada phishing minggu ini")
    open_one = incoming_at(6, subject="Undangan belum diarsip")
    ids = lambda text: [i.id for i in mail_archive.search_incoming(text)]  # noqa: E731
    assert set(ids("")) == {a, b} and open_one not in ids("Undangan")
    assert ids("rapat") == [a] and ids("setda@") == [a] and ids("phishing") == [b]
    number = agenda_number(b)
    assert ids(number) == [b]


def test_outgoing_search_and_dossier_with_approval_trail(staff):
    item_id = outgoing_at(2, subject="Data SPBE")
    email_out.request_revision(user("kabid"), item_id, "Lengkapi tabel")
    email_out.submit(user("staf"), item_id)
    email_out.approve(user("kabid"), item_id)
    email_out.finalise(user("staf"), item_id)
    email_out.send(user("admin"), item_id, "000.1.1")
    job = outbox.claim_next("uji")
    finish_mail(job.id, message_id="<d1@trenggalekkab.go.id>", unit_code="406.020")
    email_out.archive(user("admin"), item_id)
    other = archived_outgoing("Laporan bulanan")
    found = lambda text: [i.id for i in mail_archive.search_outgoing(text)]  # noqa: E731
    assert found("SPBE") == [item_id] and found("bps@bps.go.id") == [other, item_id]
    assert found("sampaikan data") == [other, item_id]
    d = mail_archive.dossier(item_id)
    assert d.item.step == DONE and d.outgoing.message_id == "<d1@trenggalekkab.go.id>"
    assert [v.remark for v in d.versions] == [
        "diajukan",
        "revisi: Lengkapi tabel",
        "diajukan",
        "disetujui",
        "final",
    ]
    assert [v.remark for v in mail_archive.revision_notes(item_id)] == ["revisi: Lengkapi tabel"]
    assert [j.status for j in d.jobs] == ["terkirim"]
    steps = [(r.log.from_step, r.log.to_step, r.actor_name) for r in d.history]
    assert steps[-1] == (5, DONE, user("admin").full_name)
    assert (2, 1, user("kabid").full_name) in steps
    assert all(r.clock.standard_minutes == 5 for r in d.history if r.step)
    assert found(d.agenda_number) == [item_id]


def test_incoming_dossier_has_forwards_and_follow_ups(staff):
    item_id = archived_incoming(subject="Permintaan data")
    d = mail_archive.dossier(item_id)
    assert d.incoming.subject == "Permintaan data" and d.outgoing is None
    [trail] = d.forwards
    assert trail.forward.unit.code == "APTIKA" and trail.forward.note == "Mohon ditindaklanjuti"
    assert [f.text for f in trail.follow_ups] == ["Sudah dijawab melalui telepon."]
    assert [r.log.action for r in d.history][-3:] == ["teruskan", "tindak_lanjut", "arsipkan"]


def test_set_aside_mail_is_archived_filterable_and_found_by_its_reason(staff):
    letter = incoming_at(8, subject="Undangan rapat")
    email_in.archive(user("admin"), letter)
    spam = incoming_at(2, subject="Promo pinjaman")
    email_in.set_aside(user("kasi"), spam, "spam", "Iklan pinjaman online")
    ids = lambda **kw: [i.id for i in mail_archive.search_incoming(**kw)]  # noqa: E731
    assert set(ids()) == {letter, spam}
    assert ids(set_aside=True) == [spam] and ids(set_aside=False) == [letter]
    assert ids(text="pinjaman online") == [spam]
    d = mail_archive.dossier(spam)
    assert d.incoming.set_aside == "spam" and d.agenda_number == "" and d.forwards == []
    assert [r.log.action for r in d.history] == ["buat", "terima", "sisihkan"]
