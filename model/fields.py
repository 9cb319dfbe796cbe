"""Text columns that check what they store, the same on SQLite and PostgreSQL.

Every text column of every model is a `Line` (one line, at most `max_length` characters, no
control characters but tab) or a `Text` (at most MAX_TEXT characters, no NUL). The check runs
where peewee turns a value into SQL, so inserts, updates and lookups alike refuse a value
PostgreSQL would reject (varchar(255), NUL) or SQLite would take silently (a million
characters), with an Indonesian `Invalid` naming the field."""

from __future__ import annotations

import re

import peewee

from model.errors import Invalid

MAX_TEXT = 1_000_000
_LINE_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_TEXT_CONTROLS = re.compile(r"\x00")

LABELS = {
    "title": "perihal",
    "perihal": "perihal",
    "subject": "perihal",
    "body": "isi",
    "text": "isi",
    "isi": "isi berita",
    "to": "tujuan",
    "cc": "tembusan",
    "note": "catatan",
    "reason": "alasan",
    "full_name": "nama lengkap",
    "username": "nama pengguna",
    "name": "nama",
    "number": "nomor",
    "filename": "nama berkas",
    "lampiran": "lampiran",
    "receiver_name": "nama penerima",
    "letter_number": "nomor surat",
    "party": "pihak",
    "remark": "keterangan",
    "email": "alamat email",
    "nip": "NIP",
}


def _label(field: peewee.Field) -> str:
    return LABELS.get(field.name, (field.name or "isian").replace("_", " "))


def _problem(field: peewee.Field, value, limit: int, controls: re.Pattern) -> str:
    if not isinstance(value, str):
        return ""
    if len(value) > limit:
        return (
            f"Isian {_label(field)} terlalu panjang: {len(value):,} karakter "
            f"(paling banyak {limit:,}).".replace(",", ".")
        )
    if controls.search(value):
        return (
            f"Isian {_label(field)} memuat karakter kendali yang tidak diizinkan "
            "(mis. NUL atau baris baru); ketik ulang isiannya."
        )
    return ""


def _check(field: peewee.Field, value, limit: int, controls: re.Pattern) -> None:
    found = _problem(field, value, limit, controls)
    if found:
        raise Invalid(found)


def problem(field: Line | Text, value) -> str:
    """Why `field` would refuse to store `value` (the sentence its Invalid carries), or ''."""
    if isinstance(field, Line):
        return _problem(field, value, field.max_length, _LINE_CONTROLS)
    return _problem(field, value, MAX_TEXT, _TEXT_CONTROLS)


class Line(peewee.CharField):
    """One line of text, at most `max_length` (255) characters."""

    def db_value(self, value):
        _check(self, value, self.max_length, _LINE_CONTROLS)
        return super().db_value(value)


class Text(peewee.TextField):
    """Text of several lines, at most MAX_TEXT characters, no NUL."""

    def db_value(self, value):
        _check(self, value, MAX_TEXT, _TEXT_CONTROLS)
        return super().db_value(value)
