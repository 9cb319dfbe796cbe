"""Accounts: hashing, login refusals, lockout, password change, user admin."""

import json
import threading
from datetime import datetime, timedelta

import pytest

from model import auth, base, demo, passwords
from model import home as home_mod
from model.audit import AuditEntry, verify
from model.db import db, is_postgres
from model.errors import Invalid
from model.roles import UnknownRole
from tests.conftest import user


def test_hash_is_salted_and_checks():
    a, b = passwords.hash_password("rahasia-sekali"), passwords.hash_password("rahasia-sekali")
    assert a != b and a.startswith("scrypt$")
    assert passwords.check_password("rahasia-sekali", a)
    assert not passwords.check_password("salah", a)
    assert not passwords.check_password("x", "rusak")


def test_login_ok_and_wrong_password_shows_no_countdown(office):
    assert auth.login("kasi", "warkat123").username == "kasi"
    with pytest.raises(auth.LoginFailed, match=f"^{auth.WRONG}$"):
        auth.login("kasi", "salah")


def test_unknown_user_gets_the_same_message(office):
    with pytest.raises(auth.LoginFailed, match="^Nama pengguna atau kata sandi salah.$"):
        auth.login("tidakada", "warkat123")


def fail(username: str, times: int = 1, password: str = "salah") -> list[str]:
    said = []
    for _ in range(times):
        with pytest.raises(auth.LoginFailed) as refused:
            auth.login(username, password)
        said.append(str(refused.value))
    return said


def test_lockout_after_five_failures_is_told_only_to_the_right_password(office):
    assert set(fail("admin", auth.MAX_FAILURES)) == {auth.WRONG}  # even the locking one
    assert user("admin").locked_until == base.now() + timedelta(minutes=15)
    assert fail("admin", password="warkat123") == [auth.WRONG]  # rationed: no check yet
    base.freeze(base.now() + auth.STEP)
    assert fail("admin", password="warkat123") == [
        "Akun terkunci sampai 09:45 karena terlalu banyak percobaan gagal."
    ]
    assert user("admin").locked_until.strftime("%H:%M") == "09:45"  # not lengthened
    base.freeze(datetime(2026, 11, 25, 9, 46))
    assert auth.login("admin", "warkat123").failed_logins == 0


def test_a_locked_account_is_checked_once_per_step_and_wrong_checks_renew_the_lock(
    office, monkeypatch
):
    checks = count_checks(monkeypatch, "admin")
    fail("admin", auth.MAX_FAILURES)
    fail("admin", 10)
    assert checks() == auth.MAX_FAILURES  # hammering the lock tries nothing
    base.freeze(base.now() + auth.STEP)
    fail("admin", 10)
    assert checks() == auth.MAX_FAILURES + 1
    assert user("admin").locked_until == base.now() + timedelta(minutes=15)
    base.freeze(base.now() + timedelta(minutes=14))  # past the first lock, not the renewed one
    assert fail("admin", password="warkat123") == [
        "Akun terkunci sampai 09:48 karena terlalu banyak percobaan gagal."
    ]
    gagal = AuditEntry.select().where(AuditEntry.action == "login_gagal")
    assert [json.loads(e.detail)["locked"] for e in gagal] == [False] * 4 + [True] * 2


def test_an_expired_lock_gives_a_fresh_budget(office):
    fail("admin", auth.MAX_FAILURES)
    base.freeze(base.now() + timedelta(minutes=16))
    fail("admin", auth.MAX_FAILURES - 1)
    assert user("admin").locked_until is None
    assert auth.login("admin", "warkat123").failed_logins == 0


def test_disabled_is_told_only_after_the_right_password(office):
    auth.disable("operator")
    assert fail("operator") == [auth.WRONG]
    with pytest.raises(auth.LoginFailed, match="dinonaktifkan"):
        auth.login("operator", "warkat123")


def count_checks(monkeypatch, username: str):
    """Count the checks against `username`'s real hash (not the equal-cost dummy ones)."""
    stored, calls, guard = user(username).password_hash, [], threading.Lock()
    real = passwords.check_password

    def counting(password, against):
        if against == stored:
            with guard:
                calls.append(password)
        return real(password, against)

    monkeypatch.setattr(passwords, "check_password", counting)
    return lambda: len(calls)


def guess_in_parallel(username: str, threads: int = 20) -> None:
    start = threading.Barrier(threads)

    def guess():
        start.wait()
        try:
            auth.login(username, "salah")
        except auth.LoginFailed:
            pass
        finally:
            db.close()

    workers = [threading.Thread(target=guess) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def assert_parallel_guesses_are_capped(monkeypatch):
    checks = count_checks(monkeypatch, "admin")
    guess_in_parallel("admin")
    assert checks() == auth.MAX_FAILURES
    assert user("admin").locked_until == base.now() + timedelta(minutes=auth.LOCK_MINUTES)
    gagal = AuditEntry.select().where(AuditEntry.action == "login_gagal")
    assert gagal.count() == auth.MAX_FAILURES
    assert verify()[1] is None


def test_twenty_parallel_guesses_check_five_passwords_then_lock(office, monkeypatch):
    assert_parallel_guesses_are_capped(monkeypatch)


@pytest.fixture(scope="module")
def postgres():
    from tests.pgserver import PostgresServer

    with PostgresServer() as server:
        yield server


def test_twenty_parallel_guesses_on_postgres(postgres, tmp_path, frozen, monkeypatch):
    url = postgres.create_database("warkat_auth")
    home = tmp_path / "home"
    home.mkdir()
    (home / "warkat.toml").write_text(f'[database]\nurl = "{url}"\n')
    home_mod.create(home)
    try:
        assert is_postgres()
        demo.seed(items=False)
        assert_parallel_guesses_are_capped(monkeypatch)
    finally:
        db.obj.close()


def test_the_lock_screen_counts_audits_and_locks_like_the_login(office):
    kasi = user("kasi")
    for _ in range(auth.MAX_FAILURES - 1):
        with pytest.raises(auth.LoginFailed, match="^Kata sandi salah.$"):
            auth.unlock_check(kasi, "keliru")
    assert auth.account_refusal(kasi.id) is None
    with pytest.raises(auth.LoginFailed):
        auth.login("kasi", "salah")  # the same budget as the login
    assert "terkunci sampai 09:45" in auth.account_refusal(kasi.id)
    details = [
        json.loads(e.detail) for e in AuditEntry.select().where(AuditEntry.action == "login_gagal")
    ]
    assert [d.get("via") for d in details] == ["kunci_layar"] * 4 + [None]


def test_the_lock_screen_unlock_is_audited_and_clears_the_count(office):
    kasi = user("kasi")
    with pytest.raises(auth.LoginFailed):
        auth.unlock_check(kasi, "keliru")
    auth.unlock_check(kasi, "warkat123")
    assert user("kasi").failed_logins == 0
    assert AuditEntry.select().order_by(AuditEntry.id.desc()).first().action == "buka_kunci_layar"


def test_change_password_checks_old_and_length(office):
    kasi = user("kasi")
    with pytest.raises(Invalid, match="lama salah"):
        auth.change_password(kasi, "keliru", "barubaru123")
    with pytest.raises(Invalid, match="minimal 8"):
        auth.change_password(kasi, "warkat123", "pendek")
    auth.change_password(kasi, "warkat123", "barubaru123")
    assert auth.login("kasi", "barubaru123")


def test_add_user_with_several_roles_and_refusals(office):
    new = auth.add_user(
        "budi", "Budi Santoso", "sandi12345", ["operator", "pemakai"], unit_code="KIP"
    )
    assert new.roles == ("operator", "pemakai")
    with pytest.raises(UnknownRole, match="Peran tidak dikenal: 'kepala'"):
        auth.add_user("x", "X", "sandi12345", ["kepala"])
    with pytest.raises(Invalid, match="sudah dipakai"):
        auth.add_user("budi", "Lain", "sandi12345", ["operator"])
    with pytest.raises(Invalid, match="Unit 'ZZZ' tidak ada"):
        auth.add_user("y", "Y", "sandi12345", ["operator"], unit_code="ZZZ")
