"""Shared fixtures: a fresh Warkat home per test, the demo office, a frozen clock."""

from __future__ import annotations

import os
from datetime import datetime

import pytest

from model import base, demo
from model import home as home_mod
from model.db import db
from tests.config_helpers import configure

FROZEN = datetime(2026, 11, 25, 9, 30, 0)


@pytest.fixture
def home(tmp_path):
    """An initialised, empty Warkat home; yields its Config."""
    # modem locks stay out of the real /var/lock
    cfg = configure(home_mod.create(tmp_path / "home"), fax={"lock_dir": str(tmp_path)})
    yield cfg
    if not db.obj.is_closed():
        db.obj.close()


@pytest.fixture
def frozen():
    base.freeze(FROZEN)
    yield FROZEN
    base.freeze(None)


@pytest.fixture
def office(home, frozen):
    """The demo office (users for every role, items at several steps) at a frozen time."""
    demo.seed()
    return home


@pytest.fixture
def staff(home, frozen):
    """The demo office's units, people and address book, with no items yet."""
    demo.seed(items=False)
    return home


def unavailable(reason: str) -> None:
    """What a test needs is missing: fail under CI=true (CI must run it), skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true: {reason}")
    pytest.skip(reason)


def user(username: str):
    from model.org import User

    return User.get(User.username == username)
