"""The address book (buku alamat), kept by Administrasi Umum: contacts and groups of them
(Semua OPD, Semua Kecamatan …), so one letter goes to many agencies at once."""

from __future__ import annotations

from dataclasses import dataclass

import peewee

from model import audit
from model.base import BaseModel
from model.db import write
from model.errors import Conflict, Invalid, Problems
from model.fax import number as faxnumber
from model.fields import Line
from model.guard import holding
from model.org import Contact, User
from model.roles import ADMIN_UMUM

KEEPERS = (ADMIN_UMUM,)


class ContactGroup(BaseModel):
    name = Line(unique=True)
    note = Line(default="")


class GroupMember(BaseModel):
    group = peewee.ForeignKeyField(ContactGroup, backref="members", on_delete="CASCADE")
    contact = peewee.ForeignKeyField(Contact, backref="memberships", on_delete="CASCADE")

    class Meta:
        indexes = ((("group", "contact"), True),)


@dataclass(frozen=True)
class Destination:
    """One fax destination picked from the book: a contact, and the group it came with."""

    name: str
    number: str
    group: str = ""


def contacts(text: str = "") -> list[Contact]:
    """Contacts by name, those matching `text` in name, organisation, fax or email."""
    query = Contact.select().order_by(Contact.name)
    if text.strip():
        like = f"%{text.strip()}%"
        query = query.where(
            Contact.name**like
            | Contact.organisation**like
            | Contact.fax**like
            | Contact.email**like
        )
    return list(query)


def fax_contacts() -> list[Contact]:
    return list(Contact.select().where(Contact.fax != "").order_by(Contact.name))


def groups() -> list[tuple[ContactGroup, int]]:
    """Every group by name, with how many of its members have a fax number."""
    count = peewee.fn.COUNT(Contact.id)
    rows = (
        ContactGroup.select(ContactGroup, count.alias("faxes"))
        .join(GroupMember, peewee.JOIN.LEFT_OUTER)
        .join(Contact, peewee.JOIN.LEFT_OUTER, on=(GroupMember.contact == Contact.id))
        .where(Contact.id.is_null() | (Contact.fax != ""))
        .group_by(ContactGroup.id)
        .order_by(ContactGroup.name)
    )
    found = {g.id: (g, g.faxes) for g in rows}
    for g in ContactGroup.select().where(ContactGroup.id.not_in(list(found) or [0])):
        found[g.id] = (g, 0)  # members, none of them with a fax number
    return sorted(found.values(), key=lambda pair: pair[0].name.lower())


def members(group_id: int) -> list[Contact]:
    return list(
        Contact.select()
        .join(GroupMember)
        .where(GroupMember.group == group_id)
        .order_by(Contact.name)
    )


def group_destinations(group_id: int) -> list[Destination]:
    """The fax destinations of a group, each marked with the group's name."""
    group = ContactGroup.get_or_none(ContactGroup.id == group_id)
    if group is None:
        raise Invalid("Grup tidak ditemukan di buku alamat.")
    return [Destination(c.name, c.fax, group.name) for c in members(group_id) if c.fax]


def _check_contact(name: str, organisation: str, fax: str, email: str) -> str:
    found = Problems()
    if not name.strip():
        found.add("name", "Nama wajib diisi.")
    if not fax.strip() and not email.strip():
        found.add("fax", "Isi nomor faks atau alamat email.")
    number = ""
    if fax.strip():
        with found.about("fax"):
            number = faxnumber.parse(fax).display
    if email.strip() and ("@" not in email or " " in email.strip()):
        found.add("email", f"Alamat email tidak sah: {email.strip()}")
    found.check()
    return number


def save_contact(
    actor: User,
    contact_id: int | None,
    *,
    name: str,
    organisation: str = "",
    fax: str = "",
    email: str = "",
) -> Contact:
    """Add or change an address book entry (its fax number checked as a dial would be)."""
    with write():
        holding(actor, KEEPERS, "mengubah buku alamat")
        number = _check_contact(name, organisation, fax, email)
        fields = dict(
            name=name.strip(), organisation=organisation.strip(), fax=number, email=email.strip()
        )
        if contact_id is None:
            contact = Contact.create(**fields)
        else:
            contact = Contact.get_or_none(Contact.id == contact_id)
            if contact is None:
                raise Conflict("Kontak ini baru saja dihapus orang lain.")
            Contact.update(fields).where(Contact.id == contact_id).execute()
        audit.record(actor.username, "buku_alamat", f"kontak#{contact.id}", **fields)
    return Contact.get_by_id(contact.id)


def _delete(actor: User, model, row_id: int, action: str, subject: str) -> None:
    """Remove one row of the book (already gone: nothing to do), audited."""
    with write():
        holding(actor, KEEPERS, "mengubah buku alamat")
        row = model.get_or_none(model.id == row_id)
        if row is None:
            return
        row.delete_instance(recursive=True)
        audit.record(actor.username, action, f"{subject}#{row_id}", name=row.name)


def delete_contact(actor: User, contact_id: int) -> None:
    _delete(actor, Contact, contact_id, "buku_alamat_hapus", "kontak")


def save_group(
    actor: User, group_id: int | None, *, name: str, member_ids: list[int], note: str = ""
) -> ContactGroup:
    """Add or change a group and set its members (contacts of the book)."""
    with write():
        holding(actor, KEEPERS, "mengubah buku alamat")
        if not name.strip():
            raise Invalid(problems={"name": "Nama grup wajib diisi."})
        twin = ContactGroup.get_or_none(ContactGroup.name == name.strip())
        if twin is not None and twin.id != group_id:
            raise Invalid(problems={"name": f"Grup {name.strip()} sudah ada."})
        known = {c.id for c in Contact.select(Contact.id).where(Contact.id.in_(member_ids))}
        if len(known) != len(set(member_ids)):
            raise Conflict("Sebagian kontak baru saja dihapus orang lain; muat ulang.")
        if group_id is None:
            group = ContactGroup.create(name=name.strip(), note=note.strip())
        else:
            group = ContactGroup.get_or_none(ContactGroup.id == group_id)
            if group is None:
                raise Conflict("Grup ini baru saja dihapus orang lain.")
            group.name, group.note = name.strip(), note.strip()
            group.save()
            GroupMember.delete().where(GroupMember.group == group).execute()
        rows = [(group.id, c) for c in sorted(known)]
        if rows:
            GroupMember.insert_many(rows, fields=[GroupMember.group, GroupMember.contact]).execute()
        audit.record(
            actor.username, "grup_alamat", f"grup#{group.id}", name=group.name, members=len(known)
        )
    return group


def delete_group(actor: User, group_id: int) -> None:
    """Remove a group; its contacts stay in the book."""
    _delete(actor, ContactGroup, group_id, "grup_alamat_hapus", "grup")
