"""Accounts: hashing, login refusals, lockout, password change, user admin."""

from datetime import timedelta

import pytest

from model import auth, base
from model.errors import Invalid
from model.roles import UnknownRole
from tests.conftest import user


def test_hash_is_salted_and_checks():
    a, b = auth.hash_password("rahasia-sekali"), auth.hash_password("rahasia-sekali")
    assert a != b and a.startswith("scrypt$")
    assert auth.check_password("rahasia-sekali", a)
    assert not auth.check_password("salah", a)
    assert not auth.check_password("x", "rusak")


def test_login_ok_and_wrong_password_counts_down(office):
    assert auth.login("kasi", "warkat123").username == "kasi"
    with pytest.raises(auth.LoginFailed, match="sisa 4 percobaan"):
        auth.login("kasi", "salah")


def test_unknown_user_gets_the_same_message(office):
    with pytest.raises(auth.LoginFailed, match="^Nama pengguna atau kata sandi salah.$"):
        auth.login("tidakada", "warkat123")


def test_lockout_after_five_failures_even_with_the_right_password(office):
    for _ in range(4):
        with pytest.raises(auth.LoginFailed):
            auth.login("admin", "salah")
    with pytest.raises(auth.LoginFailed, match="terkunci 15 menit"):
        auth.login("admin", "salah")
    with pytest.raises(auth.LoginFailed, match="Akun terkunci sampai"):
        auth.login("admin", "warkat123")
    base.freeze(base.now() + timedelta(minutes=16))
    assert auth.login("admin", "warkat123").failed_logins == 0


def test_disabled_account_is_refused(office):
    auth.disable("operator")
    with pytest.raises(auth.LoginFailed, match="dinonaktifkan"):
        auth.login("operator", "warkat123")


def test_change_password_checks_old_and_length(office):
    kasi = user("kasi")
    with pytest.raises(Invalid, match="lama salah"):
        auth.change_password(kasi, "keliru", "barubaru123")
    with pytest.raises(Invalid, match="minimal 8"):
        auth.change_password(kasi, "warkat123", "pendek")
    auth.change_password(kasi, "warkat123", "barubaru123")
    assert auth.login("kasi", "barubaru123")


def test_add_user_with_several_roles_and_refusals(office):
    new = auth.add_user("budi", "Budi Santoso", "sandi12345", ["operator", "pemakai"],
                        unit_code="KIP")
    assert new.roles == ("operator", "pemakai")
    with pytest.raises(UnknownRole, match="Peran tidak dikenal: 'kepala'"):
        auth.add_user("x", "X", "sandi12345", ["kepala"])
    with pytest.raises(Invalid, match="sudah dipakai"):
        auth.add_user("budi", "Lain", "sandi12345", ["operator"])
    with pytest.raises(Invalid, match="Unit 'ZZZ' tidak ada"):
        auth.add_user("y", "Y", "sandi12345", ["operator"], unit_code="ZZZ")
