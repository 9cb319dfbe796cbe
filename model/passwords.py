"""Passwords: scrypt hashes, the length rule, and an equal-cost check for unknown accounts."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from functools import cache

from model.errors import Invalid

MIN_PASSWORD = 8
_N, _R, _P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return (
        f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}"
    )


def check_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, key = stored.split("$")
        got = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(key))


def check_new_password(password: str) -> None:
    """Raise Invalid unless `password` may be set."""
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"Kata sandi minimal {MIN_PASSWORD} karakter.")


@cache
def _dummy_hash() -> str:
    return hash_password("x" * MIN_PASSWORD)


def spend(password: str) -> None:
    """Cost what a real check costs, so the answer's timing tells no account's state."""
    check_password(password, _dummy_hash())
