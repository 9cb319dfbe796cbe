"""Fax numbers as Indonesian offices write them."""

import pytest

from model.errors import Invalid
from model.fax.number import is_other_station, national_digits, parse


@pytest.mark.parametrize(
    "typed,national,ext",
    [
        ("0355-791234", "0355791234", ""),
        ("(0355) 791234", "0355791234", ""),
        ("+62 355 791234", "0355791234", ""),
        ("+62 (0)31 3524001", "0313524001", ""),
        ("62313524001", "0313524001", ""),
        ("021-7805814 ext. 12", "0217805814", "12"),
        ("0355 791234 psw 304", "0355791234", "304"),
    ],
)
def test_accepted_forms(typed, national, ext):
    number = parse(typed)
    assert (number.national, number.extension) == (national, ext)


def test_display_and_dial_string():
    number = parse("021-7805814 ext. 12")
    assert number.display == "021-7805814 ext. 12"
    assert number.dial_string("9,") == "9,0217805814,,12"
    assert parse("0355791234").display == "0355-791234"


@pytest.mark.parametrize(
    "typed,reason",
    [
        ("", "wajib diisi"),
        ("0355-79A234", "huruf"),
        ("+1 212 5551234", "bukan nomor Indonesia"),
        ("791234", "kode wilayah"),
        ("0812-3456-7890", "seluler"),
        ("0355-12", "panjangnya tidak sah"),
        ("0355-1234567890", "panjangnya tidak sah"),
    ],
)
def test_refusals_say_why(typed, reason):
    with pytest.raises(Invalid, match=reason):
        parse(typed)


@pytest.mark.parametrize(
    "typed,odd",
    [
        ("0355-79１234", "'１', U+FF11"),  # full-width
        ("0355-79٣234", "'٣', U+0663"),  # Arabic-Indic
        ("0355-79३234", "'३', U+0969"),  # Devanagari
        ("0355-79²234", "'²', U+00B2"),  # superscript
        ("021-7805814 ext. １２", "'１', U+FF11"),
    ],
)
def test_only_ascii_digits_are_digits(typed, odd):
    with pytest.raises(Invalid, match="bukan angka 0–9 biasa") as refused:
        parse(typed)
    assert odd in str(refused.value) and typed in str(refused.value)


@pytest.mark.parametrize(
    "dialled,csid,other",
    [
        ("0318294608", "+62 21 555 0101", True),
        ("0318294608", "+62 31 8294608", False),
        ("0318294608", "031-8294608", False),
        ("0318294608", "8294608", False),
        ("0355791234", "62355791234", False),
        ("+62 355 791234", "0355 791235", True),
        ("0318294608", "", False),
        ("0318294608", "DISKOMINFO JATIM", False),
        ("0318294608", "KOMINFO 4608", False),  # too few digits to tell
        ("0318294608", "０３１８２９４６０８", False),  # not ASCII digits: nothing to tell by
    ],
)
def test_other_station_by_the_subscriber_digits(dialled, csid, other):
    assert is_other_station(dialled, csid) is other


def test_national_digits():
    assert national_digits("+62 21 555 0101") == "0215550101"
    assert national_digits("+62 (0)31 3524001") == "0313524001"
    assert national_digits("(0355) 791234") == "0355791234"
