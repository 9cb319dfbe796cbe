"""Organisation: units, positions, users and their roles, the address book."""

from __future__ import annotations

import peewee

from model.base import BaseModel, now
from model.fields import Line
from model.roles import LABELS, SHORT


class Unit(BaseModel):
    """A Bidang/Seksi of the office, or an outside OPD."""

    code = Line(unique=True)
    name = Line()
    kind = Line(default="seksi")  # bidang, seksi, opd
    parent = peewee.ForeignKeyField("self", null=True, backref="children")
    email = Line(default="")

    def __str__(self) -> str:
        return self.name


class Position(BaseModel):
    """A post (jabatan) in a unit: dispositions go to positions, not people."""

    name = Line(unique=True)
    unit = peewee.ForeignKeyField(Unit, null=True, backref="positions")


class User(BaseModel):
    username = Line(unique=True)
    full_name = Line()
    nip = Line(default="")
    unit = peewee.ForeignKeyField(Unit, null=True, backref="users")
    position = peewee.ForeignKeyField(Position, null=True, backref="holders")
    password_hash = Line()
    failed_logins = peewee.IntegerField(default=0)
    locked_until = peewee.DateTimeField(null=True)
    active = peewee.BooleanField(default=True)
    created_at = peewee.DateTimeField(default=now)

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(r.role for r in self.role_rows.order_by(UserRole.role))

    def has_role(self, role: str) -> bool:
        return self.role_rows.where(UserRole.role == role).exists()

    def roles_label(self, short: bool = False) -> str:
        return ", ".join((SHORT if short else LABELS)[r] for r in self.roles)


class UserRole(BaseModel):
    user = peewee.ForeignKeyField(User, backref="role_rows", on_delete="CASCADE")
    role = Line()

    class Meta:
        indexes = ((("user", "role"), True),)


def email_of_role(role: str) -> str:
    """The unit email of the first active holder of `role` that has one, or ''."""
    unit = (
        Unit.select(Unit.email)
        .join(User)
        .join(UserRole)
        .where((UserRole.role == role) & User.active & (Unit.email != ""))
        .order_by(User.id)
        .first()
    )
    return unit.email if unit else ""


class Contact(BaseModel):
    """Address book entry: a fax or email destination."""

    name = Line()
    organisation = Line(default="")
    fax = Line(default="")
    email = Line(default="")
