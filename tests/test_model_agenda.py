"""Agenda numbers: sequential per book and year, formatted, never reused, safe under load."""

from datetime import datetime, timedelta

import pytest

from model import base
from model.books import agenda, ekspedisi
from model.books.agenda import (
    INCOMING,
    OUTGOING,
    AgendaEntry,
    book_entries,
    check_pattern,
    register,
    void,
)
from model.books.klasifikasi import Klasifikasi, require, search
from model.db import write
from model.errors import Invalid
from model.guard import not_future
from tests.agenda_helpers import ekspedisi_seq, register_from_processes
from tests.conftest import user


def _register(book=OUTGOING, **kw):
    with write():
        return register(
            book,
            user("admin"),
            klasifikasi=kw.get("k", "000.1.1"),
            unit_code="406.020",
            perihal="Uji",
            party="Tujuan",
            **kw.get("x", {}),
        )


def test_numbers_are_sequential_and_formatted(staff):
    first, second = _register(), _register()
    assert (first.seq, second.seq) == (1, 2)
    assert second.number == "000.1.1/002/406.020/2026"


def test_books_count_separately(staff):
    _register(OUTGOING)
    assert _register(INCOMING).seq == 1


def test_a_new_year_starts_at_one(staff):
    _register()
    base.freeze(datetime(2027, 1, 2, 8, 0))
    entry = _register()
    assert (entry.year, entry.seq) == (2027, 1)


def test_a_voided_number_stays_in_the_book_and_is_not_reused(staff):
    first = _register()
    with write():
        void(first.id, user("admin"), "Salah tujuan")
    nxt = _register()
    assert nxt.seq == 2
    entries = book_entries(OUTGOING, 2026)
    assert [(e.seq, e.void, e.void_reason) for e in entries] == [
        (1, True, "Salah tujuan"),
        (2, False, ""),
    ]


def test_void_needs_a_reason_and_happens_once(staff):
    entry = _register()
    with pytest.raises(Invalid, match="Alasan"), write():
        void(entry.id, user("admin"), " ")
    with write():
        void(entry.id, user("admin"), "Ganda")
    with pytest.raises(Invalid, match="sudah dibatalkan"), write():
        void(entry.id, user("admin"), "Lagi")


def test_bad_pattern_is_refused_with_the_known_keys():
    with pytest.raises(Invalid, match="klasifikasi, urut"):
        check_pattern("{nomor}/{tahun}")


def test_book_search_by_text(staff):
    _register()
    assert len(book_entries(OUTGOING, 2026, "000.1.1/001")) == 1
    assert book_entries(OUTGOING, 2026, "tidak ada") == []


def test_classification_codes_are_loaded_and_searchable(home):
    assert Klasifikasi.select().count() > 3000
    assert require("000.1.1").uraian == "Telekomunikasi"
    assert any(k.kode == "000.1.1" for k in search("Telekomunikasi"))
    with pytest.raises(Invalid, match="999.9"):
        require("999.9")


def test_eight_processes_registering_at_once_get_unique_gapless_numbers(staff):
    numbers = register_from_processes(staff.db_url, 25)
    assert sorted(numbers) == list(range(1, 201))
    assert AgendaEntry.select().count() == 200


def test_only_administrasi_umum_voids(staff):
    from model.errors import NotAllowed

    entry = _register()
    with pytest.raises(NotAllowed, match="Administrasi Umum"), write():
        void(entry.id, user("kasi"), "Salah")


def test_eight_processes_filling_the_ekspedisi_book_get_unique_gapless_numbers(staff):
    numbers = register_from_processes(staff.db_url, 10, take=ekspedisi_seq)
    assert sorted(numbers) == list(range(1, 81))
    assert ekspedisi.EkspedisiEntry.select().count() == 80


def test_the_ekspedisi_book_continues_after_lines_written_before_its_counter(staff):
    first = ekspedisi.add(user("admin"), to="Bappeda", perihal="Undangan")
    with write():
        agenda.AgendaCounter.delete().where(agenda.AgendaCounter.book == ekspedisi.BOOK).execute()
    assert ekspedisi.add(user("admin"), to="Dinkes", perihal="Data").seq == first.seq + 1


def test_a_typed_date_or_time_may_not_lie_in_the_future(frozen):
    today = frozen.date()
    not_future(None, "Tanggal surat")
    not_future(today, "Tanggal surat")
    not_future(frozen + timedelta(minutes=4), "Waktu kirim")  # typed to the minute
    with pytest.raises(Invalid, match="^Tanggal surat tidak boleh di masa depan.$"):
        not_future(today + timedelta(days=1), "Tanggal surat")
    with pytest.raises(Invalid, match="^Waktu terima tidak boleh di masa depan.$"):
        not_future(frozen + timedelta(minutes=6), "Waktu terima")
