"""Accounts: scrypt password hashes, login with lockout, password change, user admin."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from datetime import timedelta

from model import audit, roles
from model.base import now
from model.db import write
from model.errors import Invalid, NotAllowed
from model.org import Unit, User, UserRole

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
_N, _R, _P = 2**14, 8, 1


class LoginFailed(NotAllowed):
    """Wrong user name or password, locked or disabled account."""


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, key = stored.split("$")
        got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n),
                             r=int(r), p=int(p), dklen=32)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(key))


def _check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"Kata sandi minimal {MIN_PASSWORD} karakter.")


def login(username: str, password: str) -> User:
    """Return the user, or raise LoginFailed with the reason; failures count towards lockout."""
    user = User.get_or_none(User.username == username.strip())
    if user is None:
        check_password(password, hash_password("x" * MIN_PASSWORD))  # same cost as a real check
        raise LoginFailed("Nama pengguna atau kata sandi salah.")
    if not user.active:
        raise LoginFailed("Akun ini dinonaktifkan. Hubungi admin sistem.")
    if user.locked_until and user.locked_until > now():
        raise LoginFailed(f"Akun terkunci sampai {user.locked_until:%H:%M} karena terlalu "
                          "banyak percobaan gagal.")
    if not check_password(password, user.password_hash):
        raise LoginFailed(_count_failure(user))
    with write():
        User.update(failed_logins=0, locked_until=None).where(User.id == user.id).execute()
        audit.record(user.username, "login", f"user#{user.id}")
    return User.get_by_id(user.id)


def _count_failure(user: User) -> str:
    """Record a failed attempt (committed), lock at the limit; return the message to show."""
    with write():
        failures = User.get_by_id(user.id).failed_logins + 1
        locked = now() + timedelta(minutes=LOCK_MINUTES) if failures >= MAX_FAILURES else None
        User.update(failed_logins=0 if locked else failures, locked_until=locked).where(
            User.id == user.id).execute()
        audit.record(user.username, "login_gagal", f"user#{user.id}", locked=bool(locked))
    if locked:
        return (f"Akun terkunci {LOCK_MINUTES} menit karena {MAX_FAILURES} kali salah "
                "kata sandi.")
    return f"Nama pengguna atau kata sandi salah (sisa {MAX_FAILURES - failures} percobaan)."


def unlock_check(user: User, password: str) -> bool:
    """Re-enter the password on the idle lock screen (no lockout counting, no audit spam)."""
    return check_password(password, User.get_by_id(user.id).password_hash)


def change_password(user: User, old: str, new: str) -> None:
    if not check_password(old, User.get_by_id(user.id).password_hash):
        raise Invalid("Kata sandi lama salah.")
    _check_new_password(new)
    with write():
        User.update(password_hash=hash_password(new)).where(User.id == user.id).execute()
        audit.record(user.username, "ganti_sandi", f"user#{user.id}")


def add_user(username: str, full_name: str, password: str, role_codes: list[str], *,
             unit_code: str | None = None, nip: str = "", by: str = "admin") -> User:
    """Create an account with its roles (each must be a known role)."""
    username = username.strip()
    if not username or not full_name.strip():
        raise Invalid("Nama pengguna dan nama lengkap wajib diisi.")
    if not role_codes:
        raise Invalid("Setiap pengguna memerlukan minimal satu peran.")
    for code in role_codes:
        roles.check(code)
    _check_new_password(password)
    unit = None
    if unit_code:
        unit = Unit.get_or_none(Unit.code == unit_code)
        if unit is None:
            raise Invalid(f"Unit '{unit_code}' tidak ada.")
    with write():
        if User.select().where(User.username == username).exists():
            raise Invalid(f"Nama pengguna '{username}' sudah dipakai.")
        user = User.create(username=username, full_name=full_name.strip(), nip=nip, unit=unit,
                           password_hash=hash_password(password))
        for code in dict.fromkeys(role_codes):
            UserRole.create(user=user, role=code)
        audit.record(by, "tambah_pengguna", f"user#{user.id}", username=username,
                     roles=list(role_codes))
    return user


def set_password(username: str, password: str, by: str = "admin") -> None:
    """Admin reset of a password (also lifts a lockout)."""
    _check_new_password(password)
    user = _get(username)
    with write():
        User.update(password_hash=hash_password(password), failed_logins=0,
                    locked_until=None).where(User.id == user.id).execute()
        audit.record(by, "reset_sandi", f"user#{user.id}")


def disable(username: str, by: str = "admin") -> None:
    user = _get(username)
    with write():
        User.update(active=False).where(User.id == user.id).execute()
        audit.record(by, "nonaktifkan_pengguna", f"user#{user.id}")


def _get(username: str) -> User:
    user = User.get_or_none(User.username == username)
    if user is None:
        raise Invalid(f"Pengguna '{username}' tidak ada.")
    return user
