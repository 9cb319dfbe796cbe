"""Adm. Umum's address book forms: a contact (name, organisation, fax, email) and a group
(its name and members, ticked from the book)."""

from __future__ import annotations

from textual.app import ComposeResult

from model import contacts
from model.contacts import ContactGroup
from model.org import Contact
from tui.dialogs.base import FormDialog
from tui.widgets.plain import SelectionList


class ContactDialog(FormDialog[Contact]):
    TITLE_TEXT = "Kontak buku alamat"
    SAVE_BUTTON = "Simpan"

    def __init__(self, contact: Contact | None = None) -> None:
        super().__init__()
        self.contact = contact

    def compose_form(self) -> ComposeResult:
        c = self.contact or Contact(name="", organisation="", fax="", email="")
        yield from self.field("name", "Nama", c.name, "mis. Kecamatan Panggul")
        yield from self.field("organisation", "Instansi", c.organisation)
        yield from self.field("fax", "Nomor faks", c.fax, "mis. 0355-791001")
        yield from self.field("email", "Email", c.email)

    def save(self) -> Contact:
        return contacts.save_contact(
            self.app.session.user,
            self.contact.id if self.contact else None,
            **{f: self.value(f) for f in ("name", "organisation", "fax", "email")},
        )


class GroupDialog(FormDialog[ContactGroup]):
    TITLE_TEXT = "Grup buku alamat"
    SAVE_BUTTON = "Simpan"

    def __init__(self, group: ContactGroup | None = None) -> None:
        super().__init__()
        self.group = group

    def compose_form(self) -> ComposeResult:
        g = self.group
        yield from self.field("name", "Nama grup", g.name if g else "", "mis. Semua Kecamatan")
        yield from self.field("note", "Keterangan", g.note if g else "")
        inside = {c.id for c in contacts.members(g.id)} if g else set()
        yield SelectionList(
            *(
                (f"{c.name} ({c.fax or c.email})", c.id, c.id in inside)
                for c in contacts.contacts()
            ),
            id="members",
        )

    def on_mount(self) -> None:
        members = self.query_one("#members", SelectionList)
        members.border_title = "Anggota (spasi: pilih)"

    def submitted(self, field) -> None:
        self.focus_next()

    def save(self) -> ContactGroup:
        return contacts.save_group(
            self.app.session.user,
            self.group.id if self.group else None,
            name=self.value("name"),
            note=self.value("note"),
            member_ids=list(self.query_one("#members", SelectionList).selected),
        )
