"""Registering an incoming letter keeps what the buku agenda surat masuk needs: the sender's
letter number and date and the units it goes to; what was typed wrong is refused all at once
in Indonesian; a letter dated after its mail arrived is kept with a warning; v7 upgrades a
v6 database with its rows intact."""

import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from model import migrations
from model.books.agenda import AgendaEntry
from model.db import db, open_database, write
from model.email_in import flow as email_in
from model.email_in import letter
from model.email_in.records import IncomingMail, mail_of
from model.errors import Invalid
from model.org import Unit
from tests.conftest import user
from tests.mail_helpers import incoming_at

PATTERN, UNIT = "{klasifikasi}/{urut:03d}/{unit}/{tahun}", "406.020"
FIXTURE = Path(__file__).parent / "fixtures" / "warkat-v3.db"


def register(item_id: int, kode: str = "000.1.1", **letter_fields) -> AgendaEntry:
    return email_in.register(user("admin"), item_id, kode, PATTERN, UNIT, **letter_fields)


def unit(code: str) -> int:
    return Unit.get(Unit.code == code).id


def test_the_letter_number_date_and_units_are_kept_and_the_forward_starts_from_them(staff):
    item_id = incoming_at(4)
    entry = register(
        item_id,
        letter_number=" 005/123/101.1/2026 ",
        letter_date=date(2026, 11, 24),
        units=[unit("APTIKA"), unit("KIP")],
    )
    mail = mail_of(item_id)
    assert (mail.letter_number, mail.letter_date) == ("005/123/101.1/2026", date(2026, 11, 24))
    assert mail.warnings == ""
    assert letter.planned_units(item_id) == [unit("APTIKA"), unit("KIP")]
    assert letter.letters_of([item_id]) == {
        item_id: letter.LetterRow(
            "005/123/101.1/2026",
            date(2026, 11, 24),
            ("Bidang Aplikasi Informatika", "Seksi Keamanan Informasi dan Persandian"),
        )
    }
    assert entry.number == "000.1.1/001/406.020/2026"
    email_in.labelled(user("admin"), item_id)
    email_in.forward(user("admin"), item_id, [unit("IKP")], "Mohon ditindaklanjuti")
    assert letter.letters_of([item_id])[item_id].forward_to == (
        "Bidang Informasi dan Komunikasi Publik",
    )  # the book names where it really went


def test_the_form_starts_from_the_letter_s_own_number_line_and_the_day_it_was_sent(staff):
    item_id = incoming_at(4, body="Yth. Kepala Dinas\n\nNomor   : 800/45/406.3/2026\nSifat : Biasa")
    start = letter.prefill(item_id)
    assert (start.number, start.day, start.units) == ("800/45/406.3/2026", date(2026, 11, 25), ())
    assert letter.prefill(incoming_at(4, body="No. HP: 0812 3456")).number == ""


def test_everything_typed_wrong_is_refused_at_once_and_nothing_is_numbered(staff):
    with write():
        Unit.create(code="DESA", name="Pemerintah Desa Karangan", kind="opd", email="")
    item_id = incoming_at(4)
    with pytest.raises(Invalid) as refused:
        register(
            item_id,
            "9.9.9",
            letter_number="x" * 256,
            letter_date=date(2026, 11, 26),
            units=[unit("DESA")],
        )
    assert refused.value.problems == {
        "klasifikasi": "Kode klasifikasi '9.9.9' tidak ada dalam daftar Permendagri 83/2022.",
        "letter_number": "Isian nomor surat terlalu panjang: 256 karakter (paling banyak 255).",
        "letter_date": "Tanggal surat tidak boleh di masa depan.",
        "units": "Alamat email OPD belum ada di data unit: Pemerintah Desa Karangan.",
    }
    assert "tidak boleh di masa depan" in str(refused.value)
    with pytest.raises(Invalid) as refused:
        register(item_id, letter_number="005/1\n2026", units=[99999])
    assert set(refused.value.problems) == {"letter_number", "units"}
    assert "karakter kendali" in refused.value.problems["letter_number"]
    assert not AgendaEntry.select().exists() and mail_of(item_id).letter_number == ""


def test_a_letter_dated_after_its_mail_arrived_is_kept_with_a_warning(staff, frozen):
    item_id = incoming_at(4)
    arrived = frozen - timedelta(days=5)
    with write():
        IncomingMail.update(received_at=arrived).where(IncomingMail.item == item_id).execute()
    register(item_id, letter_number="005/9/2026", letter_date=date(2026, 11, 23))
    mail = mail_of(item_id)
    assert mail.letter_date == date(2026, 11, 23)
    assert mail.warnings == (
        "Tanggal surat (23-11-2026) sesudah email diterima (20-11-2026): "
        "tanggal pada surat tidak dapat dipercaya."
    )
    assert letter.late_warning(date(2026, 11, 20), arrived) == ""


def test_registering_without_the_letter_s_details_still_numbers_the_mail(staff):
    item_id = incoming_at(4)
    assert register(item_id).number == "000.1.1/001/406.020/2026"
    assert letter.letters_of([item_id])[item_id] == letter.LetterRow("", None, ())


def test_v7_upgrades_a_v6_database_keeping_its_mail(tmp_path):
    path = tmp_path / "v6.db"
    shutil.copyfile(FIXTURE, path)
    open_database(str(path))
    with write():
        for version, up in migrations.MIGRATIONS[3:6]:
            up()
            migrations.SchemaVersion.create(version=version, applied_at=datetime(2026, 11, 1))
    db.obj.close()
    with sqlite3.connect(path) as con:
        before = con.execute("SELECT * FROM incoming_mail ORDER BY id").fetchall()
    assert before

    open_database(str(path))
    assert migrations.migrate() == list(range(7, migrations.LATEST + 1))
    db.obj.close()
    with sqlite3.connect(path) as con:
        con.row_factory = sqlite3.Row
        after = con.execute("SELECT * FROM incoming_mail ORDER BY id").fetchall()
        assert con.execute("SELECT COUNT(*) FROM planned_forward").fetchone()[0] == 0
    assert [tuple(row)[: len(before[0])] for row in after] == before
    assert {(row["letter_number"], row["letter_date"]) for row in after} == {("", None)}
