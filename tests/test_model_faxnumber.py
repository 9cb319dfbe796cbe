"""Fax numbers as Indonesian offices write them."""

import pytest

from model.errors import Invalid
from model.faxnumber import parse


@pytest.mark.parametrize("typed,national,ext", [
    ("0355-791234", "0355791234", ""),
    ("(0355) 791234", "0355791234", ""),
    ("+62 355 791234", "0355791234", ""),
    ("+62 (0)31 3524001", "0313524001", ""),
    ("62313524001", "0313524001", ""),
    ("021-7805814 ext. 12", "0217805814", "12"),
    ("0355 791234 psw 304", "0355791234", "304"),
])
def test_accepted_forms(typed, national, ext):
    number = parse(typed)
    assert (number.national, number.extension) == (national, ext)


def test_display_and_dial_string():
    number = parse("021-7805814 ext. 12")
    assert number.display == "021-7805814 ext. 12"
    assert number.dial_string("9,") == "9,0217805814,,12"
    assert parse("0355791234").display == "0355-791234"


@pytest.mark.parametrize("typed,reason", [
    ("", "wajib diisi"),
    ("0355-79A234", "huruf"),
    ("+1 212 5551234", "bukan nomor Indonesia"),
    ("791234", "kode wilayah"),
    ("0812-3456-7890", "seluler"),
    ("0355-12", "panjangnya tidak sah"),
    ("0355-1234567890", "panjangnya tidak sah"),
])
def test_refusals_say_why(typed, reason):
    with pytest.raises(Invalid, match=reason):
        parse(typed)
