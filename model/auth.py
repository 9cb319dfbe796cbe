"""Accounts: login with lockout, password change, user admin and who may administer (a
sysadmin in the TUI, an allowed OS user on the command line). Hashes: model.passwords."""

from __future__ import annotations

import os
import pwd
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from model import audit, passwords, roles
from model.base import now
from model.db import write
from model.errors import Invalid, NotAllowed
from model.org import Unit, User, UserRole

MAX_FAILURES = 5
LOCK_MINUTES = 15
STEP = timedelta(minutes=LOCK_MINUTES) / MAX_FAILURES  # one check per STEP while locked
SERVICE_USER_ENV = "WARKAT_SERVICE_USER"
SERVICE_USER = "warkat"
WRONG = "Nama pengguna atau kata sandi salah."
DISABLED = "Akun ini dinonaktifkan. Hubungi admin sistem."


class LoginFailed(NotAllowed):
    """Wrong user name or password, locked or disabled account."""


def login(username: str, password: str) -> User:
    """Return the user, or raise LoginFailed. Every refusal before the right password reads
    WRONG, whether the name exists or not: the remaining attempts are not shown, since a
    countdown only real accounts have tells which names exist (and how many guesses are left).
    A locked or disabled account says so only after its right password."""
    user = User.get_or_none(User.username == username.strip())
    if user is None:
        passwords.spend(password)
        raise LoginFailed(WRONG)
    return _attempt(user.id, password, WRONG, "login")


def unlock_check(user: User, password: str) -> None:
    """Re-enter the password on the idle lock screen: counted, limited and audited like a
    login (a lock reached here ends the session: see account_refusal)."""
    _attempt(user.id, password, "Kata sandi salah.", "buka_kunci_layar", via="kunci_layar")


def _attempt(user_id: int, password: str, wrong: str, action: str, **detail) -> User:
    """Check the password of account `user_id` within its lockout budget (see _reserve) and
    audit `action` on success. A wrong or unchecked attempt raises LoginFailed(`wrong`); the
    right one on a disabled or locked account raises the reason. Returns the fresh row."""
    slot = _reserve(user_id)
    if slot is None:
        passwords.spend(password)
        raise LoginFailed(wrong)
    if not passwords.check_password(password, slot.password_hash):
        with write():
            audit.record(
                slot.username, "login_gagal", f"user#{user_id}", locked=slot.locks, **detail
            )
        raise LoginFailed(wrong)
    refusal = None
    if not slot.active:
        refusal = DISABLED
    elif slot.held is not None:
        refusal = _locked(slot.held)
    with write():
        if slot.held is None:
            User.update(failed_logins=0, locked_until=None).where(User.id == user_id).execute()
        else:  # the right password does not lengthen its own lock
            User.update(locked_until=slot.held).where(
                (User.id == user_id) & (User.locked_until == slot.renewed)
            ).execute()
        if refusal is None:
            audit.record(slot.username, action, f"user#{user_id}", **detail)
    if refusal:
        raise LoginFailed(refusal)
    return User.get_by_id(user_id)


@dataclass(frozen=True)
class _Slot:
    """A reserved password check: the account's hash, whether this attempt set or renewed
    the lock, and (a check while locked) the lock it renewed and the renewed end."""

    username: str
    password_hash: str
    active: bool
    locks: bool
    held: datetime | None = None
    renewed: datetime | None = None


def _reserve(user_id: int) -> _Slot | None:
    """Take one password check from the account's budget, committed before the check runs,
    or None (no check: the caller answers as for a wrong password).

    Open account: one conditional UPDATE (`failed_logins + 1 WHERE locked_until IS NULL`)
    counts the attempt; the MAX_FAILURES-th also sets the lock, before its own check, so
    concurrent attempts find it locked (SQLite: the write lock; PostgreSQL: the row lock and
    the WHERE re-read after it) and at most MAX_FAILURES checks ever run unlocked. A crash
    between reserving and checking leaves a counted attempt or a lock that expires, never a
    stuck budget. A right password clears both; an expired lock starts a fresh budget.

    Locked account: checked only so that the right password may learn it is locked, hence
    rationed to one check per LOCK_MINUTES / MAX_FAILURES (STEP): allowed once the lock was
    last set at least STEP ago, and it renews the lock to LOCK_MINUTES from now
    (compare-and-set on the lock read). Guessing therefore never beats MAX_FAILURES per
    LOCK_MINUTES, locked or not. Attempts refused unchecked (the right password too: it
    cannot be told apart unchecked) change nothing and are not audited; the guesses that
    ran against the hash are."""
    at = now()
    lock = at + timedelta(minutes=LOCK_MINUTES)
    with write():
        User.update(failed_logins=0, locked_until=None).where(
            (User.id == user_id) & (User.locked_until <= at)
        ).execute()
        counted = (
            User.update(failed_logins=User.failed_logins + 1)
            .where((User.id == user_id) & User.locked_until.is_null())
            .execute()
        )
        row = User.get_or_none(User.id == user_id)
        if row is None:
            return None
        if counted:
            locks = row.failed_logins >= MAX_FAILURES
            if locks:
                User.update(locked_until=lock).where(User.id == user_id).execute()
            return _Slot(row.username, row.password_hash, row.active, locks)
        held = row.locked_until
        if held is None or held > lock - STEP:
            return None
        renewed = (
            User.update(locked_until=lock)
            .where((User.id == user_id) & (User.locked_until == held))
            .execute()
        )
        if not renewed:  # another attempt took this check
            return None
        return _Slot(row.username, row.password_hash, row.active, True, held, lock)


def ssh_sign_in(account: str, peer: str = "") -> User:
    """The active, unlocked Warkat user named like the SSH account (sshd already checked who,
    so the refusal says plainly why)."""
    user = User.get_or_none(User.username == account)
    if user is None:
        raise LoginFailed(
            f"Akun SSH '{account}' tidak terdaftar sebagai pengguna Warkat. Hubungi admin sistem."
        )
    if not user.active:
        raise LoginFailed(DISABLED)
    if user.locked_until and user.locked_until > now():
        raise LoginFailed(_locked(user.locked_until))
    with write():
        audit.record(user.username, "login", f"user#{user.id}", via="ssh", peer=peer)
    return user


def _locked(until: datetime) -> str:
    return f"Akun terkunci sampai {until:%H:%M} karena terlalu banyak percobaan gagal."


def change_password(user: User, old: str, new: str) -> None:
    if not passwords.check_password(old, User.get_by_id(user.id).password_hash):
        raise Invalid("Kata sandi lama salah.")
    passwords.check_new_password(new)
    with write():
        User.update(password_hash=passwords.hash_password(new)).where(User.id == user.id).execute()
        audit.record(user.username, "ganti_sandi", f"user#{user.id}")


@dataclass(frozen=True)
class Operator:
    """An OS user allowed to change accounts at the command line (`require_admin_os_user`)."""

    actor: str
    detail: dict = field(default_factory=dict)


def require_admin_os_user(home: Path) -> Operator:
    """Let the command go on only as root, the service user ($WARKAT_SERVICE_USER, default
    `warkat`) or the owner of the data folder `home` (or, before it exists, of the folder it
    goes in); otherwise raise NotAllowed. Returns the Operator to audit as (`cli:NAME`).

    The service user's name comes from the caller's environment: the data folder's modes
    (0700) are what keep other OS users away from the database itself."""
    uid = os.geteuid()
    name = os_user_name(uid)
    service = os.environ.get(SERVICE_USER_ENV) or SERVICE_USER
    if uid != 0 and name != service and _owner(home) != uid:
        raise NotAllowed(
            f"Perintah ini hanya boleh dijalankan sebagai root, pengguna layanan "
            f"'{service}' atau pemilik folder data {home} (Anda: {name})."
        )
    detail = {"os_user": name}
    if os.environ.get("SUDO_USER"):  # who ran sudo (kept through the server's runuser wrapper)
        detail["sudo_user"] = os.environ["SUDO_USER"]
    return Operator(f"cli:{name}", detail)


def os_user_name(uid: int) -> str:
    """The OS account name of `uid` (the number when it has none)."""
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _owner(home: Path) -> int | None:
    """The owner of `home`, or of its nearest existing parent."""
    for path in (home, *home.absolute().parents):
        try:
            return path.stat().st_uid
        except FileNotFoundError:
            continue
        except OSError:
            return None
    return None


def _acting(by: User | Operator | str) -> tuple[str, dict]:
    """The audit actor and detail of an account change. A screen user must be an active,
    unlocked sysadmin (re-read: the session's copy may be old); a plain name is the software
    itself (demo seeding)."""
    if isinstance(by, str):
        return by, {}
    if isinstance(by, Operator):
        return by.actor, by.detail
    if account_refusal(by.id) or not by.has_role(roles.SYSADMIN):
        raise NotAllowed("Hanya admin sistem yang dapat mengelola pengguna.")
    return by.username, {}


@dataclass(frozen=True)
class Account:
    """One account as the user-management screen and `warkat user list` show it."""

    username: str
    full_name: str
    roles: tuple[str, ...]
    unit: str
    active: bool
    locked_until: datetime | None

    @property
    def locked(self) -> bool:
        return self.locked_until is not None and self.locked_until > now()

    @property
    def state(self) -> str:
        if not self.active:
            return "nonaktif"
        return f"terkunci s.d. {self.locked_until:%H:%M}" if self.locked else "aktif"


def accounts() -> list[Account]:
    """Every account, by user name."""
    rows = User.select().order_by(User.username)
    return [
        Account(
            u.username,
            u.full_name,
            u.roles,
            u.unit.code if u.unit else "",
            u.active,
            u.locked_until,
        )
        for u in rows
    ]


def account_refusal(user_id: int) -> str | None:
    """Why a signed-in account may act no more (disabled, locked, removed), or None."""
    user = User.get_or_none(User.id == user_id)
    if user is None or not user.active:
        return "Akun Anda dinonaktifkan oleh admin sistem; sesi ini ditutup."
    if user.locked_until and user.locked_until > now():
        return (
            f"Akun Anda terkunci sampai {user.locked_until:%H:%M}; sesi ini ditutup. "
            "Hubungi admin sistem."
        )
    return None


def add_user(
    username: str,
    full_name: str,
    password: str,
    role_codes: list[str],
    *,
    unit_code: str | None = None,
    nip: str = "",
    by: User | Operator | str = "sistem",
) -> User:
    """Create an account with its roles (each must be a known role)."""
    actor, detail = _acting(by)
    username = username.strip()
    if not username or not full_name.strip():
        raise Invalid("Nama pengguna dan nama lengkap wajib diisi.")
    if not role_codes:
        raise Invalid("Setiap pengguna memerlukan minimal satu peran.")
    for code in role_codes:
        roles.check(code)
    passwords.check_new_password(password)
    unit = None
    if unit_code:
        unit = Unit.get_or_none(Unit.code == unit_code)
        if unit is None:
            raise Invalid(f"Unit '{unit_code}' tidak ada.")
    with write():
        if User.select().where(User.username == username).exists():
            raise Invalid(f"Nama pengguna '{username}' sudah dipakai.")
        user = User.create(
            username=username,
            full_name=full_name.strip(),
            nip=nip,
            unit=unit,
            password_hash=passwords.hash_password(password),
        )
        for code in dict.fromkeys(role_codes):
            UserRole.create(user=user, role=code)
        audit.record(
            actor,
            "tambah_pengguna",
            f"user#{user.id}",
            username=username,
            roles=list(role_codes),
            **detail,
        )
    return user


def set_password(username: str, password: str, by: User | Operator | str = "sistem") -> None:
    """Admin reset of a password (also lifts a lockout)."""
    acting = _acting(by)
    passwords.check_new_password(password)
    _change(
        username,
        acting,
        "reset_sandi",
        password_hash=passwords.hash_password(password),
        failed_logins=0,
        locked_until=None,
    )


def disable(username: str, by: User | Operator | str = "sistem") -> None:
    """Disable an account; its open sessions end at their next action."""
    acting = _acting(by)
    if isinstance(by, User) and by.username == username:
        raise Invalid("Akun sendiri tidak dapat dinonaktifkan.")
    _change(username, acting, "nonaktifkan_pengguna", active=False)


def enable(username: str, by: User | Operator | str = "sistem") -> None:
    _change(username, _acting(by), "aktifkan_pengguna", active=True)


def unlock(username: str, by: User | Operator | str = "sistem") -> None:
    """Lift a lockout after too many failed logins."""
    _change(username, _acting(by), "buka_kunci_pengguna", failed_logins=0, locked_until=None)


def _change(username: str, acting: tuple[str, dict], action: str, **values) -> None:
    user = _get(username)
    actor, detail = acting
    with write():
        User.update(**values).where(User.id == user.id).execute()
        audit.record(actor, action, f"user#{user.id}", username=username, **detail)


def _get(username: str) -> User:
    user = User.get_or_none(User.username == username)
    if user is None:
        raise Invalid(f"Pengguna '{username}' tidak ada.")
    return user
