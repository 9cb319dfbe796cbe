"""Lengths and characters are checked where values become SQL, the same on SQLite and
PostgreSQL: every text column of every model, with an Indonesian message naming the field."""

import peewee
import pytest

from model.base import BaseModel
from model.db import write
from model.email_out import flow as email_out
from model.errors import Duplicate, Invalid
from model.fax import flow as fax_flow
from model.fields import MAX_TEXT, Line, Text
from model.org import Unit
from model.workflow.items import WorkItem
from tests.conftest import user
from tests.fax_helpers import draft


def text_columns():
    """(model, field) for every text column of every model."""
    models, seen = list(BaseModel.__subclasses__()), []
    while models:
        model = models.pop()
        models.extend(model.__subclasses__())
        seen.append(model)
    return [
        (m, f)
        for m in seen
        for f in m._meta.sorted_fields
        if isinstance(f, (peewee.CharField, peewee.TextField))
    ]


def test_every_text_column_is_checked():
    loose = [f"{m.__name__}.{f.name}" for m, f in text_columns() if not isinstance(f, (Line, Text))]
    assert loose == []


@pytest.mark.parametrize(
    "field", [f for _, f in text_columns()], ids=lambda f: f"{f.model.__name__}.{f.name}"
)
def test_each_column_refuses_nul_and_overlong(field):
    limit = field.max_length if isinstance(field, Line) else MAX_TEXT
    with pytest.raises(Invalid, match="terlalu panjang"):
        field.db_value("x" * (limit + 1))
    with pytest.raises(Invalid, match="karakter kendali"):
        field.db_value("a\x00b")
    assert field.db_value("x" * limit) == "x" * limit


def test_a_typed_perihal_too_long_or_with_nul_is_refused_and_nothing_is_stored(staff):
    with pytest.raises(Invalid, match="perihal terlalu panjang: 1.000.000 karakter"):
        fax_flow.save_draft(user("pemakai"), draft(perihal="x" * 1_000_000))
    with pytest.raises(Invalid, match="perihal memuat karakter kendali"):
        fax_flow.save_draft(user("pemakai"), draft(perihal="Undangan\x00rapat"))
    with pytest.raises(Invalid, match="isi memuat karakter kendali"):
        email_out.save_draft(user("staf"), to="a@b.go.id", cc="", subject="Data", body="isi\x00")
    assert WorkItem.select().count() == 0


def test_a_unique_key_held_by_someone_else_is_a_clear_refusal(staff):
    with pytest.raises(Duplicate, match="Data yang sama baru saja disimpan"), write():
        Unit.create(code=Unit.get().code, name="Kembar")
