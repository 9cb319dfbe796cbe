"""Recovery copies of forms (model.recovery) and a form's problems reported all at once, each
with its field (model.errors.Invalid.problems)."""

import pickle
from datetime import date

import pytest

from model import recovery
from model.email_out.records import form_letter
from model.errors import Invalid, Problems
from model.fax import flow as fax_flow
from tests.conftest import FROZEN, user
from tests.fax_helpers import draft


def test_a_copy_is_kept_per_user_form_and_key_and_replaced_as_the_user_types(staff):
    pemakai, staf = user("pemakai"), user("staf")
    recovery.keep(pemakai, "fax_request", "", {"perihal": "Rap"}, [("a.txt", b"isi")])
    recovery.keep(pemakai, "fax_request", "", {"perihal": "Rapat"})  # files kept as they were
    recovery.keep(pemakai, "fax_request", "12", {"perihal": "Draf 12"}, [])
    copy = recovery.find(pemakai, "fax_request", "")
    assert copy == recovery.Recovered(FROZEN, {"perihal": "Rapat"}, [("a.txt", b"isi")])
    assert recovery.find(pemakai, "fax_request", "12").fields == {"perihal": "Draf 12"}
    assert recovery.find(staf, "fax_request", "") is None
    assert recovery.find(pemakai, "email_out", "") is None
    recovery.clear(pemakai, "fax_request", "")
    assert recovery.find(pemakai, "fax_request", "") is None
    assert recovery.find(pemakai, "fax_request", "12") is not None


def test_several_attachments_come_back_byte_for_byte(staff):
    files = [("data.csv", b"a,b\n1,2\n"), ("kosong.txt", b""), ("biner.pdf", bytes(range(256)))]
    recovery.keep(user("staf"), "email_out", "balas 7", {"to": "x@y.go.id"}, files)
    assert recovery.find(user("staf"), "email_out", "balas 7").files == files


def test_an_empty_request_names_every_problem_with_its_field(staff):
    with pytest.raises(Invalid) as refused:
        fax_flow.check_draft(fax_flow.FaxDraft(), complete=True)
    assert refused.value.problems == {
        "nota_number": "Nomor dan tanggal nota dinas wajib diisi.",
        "perihal": "Perihal wajib diisi.",
        "isi_berita": "Isi berita kosong: tulis isi berita atau lampirkan berkas.",
        "destinations": "Tambahkan minimal satu tujuan faks.",
        "klasifikasi": "Kode klasifikasi '' tidak ada dalam daftar Permendagri 83/2022.",
    }
    assert str(refused.value).startswith("Nomor dan tanggal nota dinas wajib diisi. Perihal")


def test_saving_a_draft_reports_every_broken_rule_and_saves_nothing(staff):
    bad = draft(
        perihal=" ",
        nota_date=date(2027, 1, 1),
        destinations=[("", "0355-791234"), ("Camat", "0812-345678")],
        klasifikasi="999",
    )
    with pytest.raises(Invalid) as refused:
        fax_flow.save_draft(user("pemakai"), bad)
    problems = refused.value.problems
    assert set(problems) == {"nota_date", "perihal", "destinations", "klasifikasi"}
    assert problems["destinations"].splitlines() == [
        "Nama tujuan untuk nomor 0355-791234 wajib diisi.",
        "'0812-345678' adalah nomor seluler, bukan nomor faks.",
    ]


def test_an_empty_letter_names_its_fields():
    with pytest.raises(Invalid) as refused:
        form_letter(to="", cc="bukan alamat", subject="", body=" ", files=[])
    assert refused.value.problems == {
        "to": "Isi minimal satu alamat tujuan.",
        "cc": "Alamat email tidak sah: bukan",
        "subject": "Perihal dan isi email wajib diisi.",
        "body": "Perihal dan isi email wajib diisi.",
    }
    assert str(refused.value) == (
        "Isi minimal satu alamat tujuan. Alamat email tidak sah: bukan "
        "Perihal dan isi email wajib diisi."
    )


def test_a_one_sentence_refusal_is_what_it_always_was():
    plain = Invalid("Perihal wajib diisi.")
    assert (str(plain), plain.problems) == ("Perihal wajib diisi.", {"": "Perihal wajib diisi."})
    copy = pickle.loads(pickle.dumps(plain))
    assert str(copy) == "Perihal wajib diisi."
    found = Problems()
    with found.about("to"):
        raise Invalid("Alamat email tidak sah: x")
    found.add("to", "Alamat email tidak sah: x")  # the same sentence once
    with pytest.raises(Invalid) as refused:
        found.check()
    assert refused.value.problems == {"to": "Alamat email tidak sah: x"}
