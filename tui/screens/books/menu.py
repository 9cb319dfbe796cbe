"""Buku-buku: every book the SOP names, each opened on its own screen with its search."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from textual.screen import Screen

from model.org import User
from model.roles import ADMIN_UMUM, KASI
from model.sop import EMAIL_IN, EMAIL_OUT
from tui.screens.books.registers import AGENDA, AGENDA_IN, EKSPEDISI, FAX_LOG, TITLES
from tui.screens.menu import MenuScreen

REGISTERS = "books.registers:BooksScreen"
ARCHIVE_KEEPERS = (ADMIN_UMUM, KASI)


@dataclass(frozen=True)
class Book:
    label: str
    help: str
    target: str  # "module:Class" under tui.screens, imported when opened
    options: tuple[tuple[str, str], ...] = ()  # the screen's keyword arguments
    roles: tuple[str, ...] = ()  # who may open it; () whoever may open Buku-buku

    def allowed(self, user: User) -> bool:
        return not self.roles or any(user.has_role(r) for r in self.roles)

    def make(self) -> Screen:
        module, _, name = self.target.partition(":")
        return getattr(import_module(f"tui.screens.{module}"), name)(**dict(self.options))


BOOKS = (
    Book(TITLES[AGENDA], "surat faks keluar bernomor", REGISTERS, (("book", AGENDA),)),
    Book(TITLES[AGENDA_IN], "surat masuk bernomor", REGISTERS, (("book", AGENDA_IN),)),
    Book(TITLES[FAX_LOG], "pengiriman faks per hari", REGISTERS, (("book", FAX_LOG),)),
    Book(TITLES[EKSPEDISI], "surat kertas dan tanda terimanya", REGISTERS, (("book", EKSPEDISI),)),
    Book(
        "Arsip surat faks",
        "surat faks terkirim yang diarsipkan",
        "fax.archive:ArchiveScreen",
        roles=ARCHIVE_KEEPERS,
    ),
    Book(
        "Arsip email masuk",
        "database surat elektronik masuk",
        "books.mail_archive:MailArchiveScreen",
        (("kind", EMAIL_IN),),
        ARCHIVE_KEEPERS,
    ),
    Book(
        "Arsip email keluar",
        "database surat elektronik keluar",
        "books.mail_archive:MailArchiveScreen",
        (("kind", EMAIL_OUT),),
        ARCHIVE_KEEPERS,
    ),
)


class BooksMenuScreen(MenuScreen):
    """The books open to the signed-in user; Enter opens one."""

    HEADING = "Buku-buku — buku yang disebut SOP"
    EMPTY = "Belum ada buku untuk peran Anda."

    def choices(self) -> list[Book]:
        return [b for b in BOOKS if b.allowed(self.app.session.user)]
