"""Where a user can go: the role screens (menu, palette) and the screen for each SOP step.

Screens are named as "module:Class" and imported only when opened, so start-up stays light.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from textual.screen import Screen

from model.org import User
from model.roles import ADMIN_UMUM, KABID, KASI, OPERATOR, PEMAKAI, STAF, SYSADMIN
from model.sop import EMAIL_IN, EMAIL_OUT, FAX, PROCEDURES


def _load(target: str) -> type[Screen]:
    module, _, name = target.partition(":")
    return getattr(import_module(f"tui.screens.{module}"), name)


@dataclass(frozen=True)
class Destination:
    label: str
    roles: tuple[str, ...]
    target: str
    help: str = ""

    def allowed(self, user: User) -> bool:
        return not self.roles or any(user.has_role(r) for r in self.roles)

    def make(self) -> Screen:
        return _load(self.target)()


DESTINATIONS: list[Destination] = [
    Destination(
        "Permintaan faks",
        (PEMAKAI,),
        "fax.request_list:RequestListScreen",
        "ajukan dan pantau permintaan kirim faks",
    ),
    Destination(
        "Disposisi",
        (KASI,),
        "fax.disposition:DispositionScreen",
        "antrean permintaan faks untuk didisposisi",
    ),
    Destination(
        "Agenda berita keluar",
        (ADMIN_UMUM,),
        "fax.agenda:AgendaScreen",
        "agendakan dan serahkan ke operator",
    ),
    Destination(
        "Buku agenda",
        (ADMIN_UMUM, KASI),
        "books.agenda_book:AgendaBookScreen",
        "buku agenda per tahun, cari, batalkan nomor",
    ),
    Destination(
        "Konsol kirim faks",
        (OPERATOR,),
        "fax.transmit:TransmitScreen",
        "kirim lewat modem atau catat kirim manual",
    ),
    Destination(
        "Arsip faks",
        (ADMIN_UMUM, KASI),
        "fax.archive:ArchiveScreen",
        "arsipkan surat terkirim dan telusuri arsip",
    ),
    Destination(
        "Ekspedisi",
        (ADMIN_UMUM, OPERATOR),
        "books.ekspedisi:EkspedisiScreen",
        "tanda terima surat kertas",
    ),
    Destination(
        "Buku alamat",
        (ADMIN_UMUM,),
        "contacts:ContactsScreen",
        "tujuan faks dan email, grup tujuan",
    ),
    Destination(
        "Buku-buku",
        (ADMIN_UMUM, KASI, OPERATOR),
        "books.menu:BooksMenuScreen",
        "agenda, laporan harian fax, ekspedisi, arsip",
    ),
    Destination(
        "Email masuk",
        (KASI, ADMIN_UMUM),
        "email_in.triage:TriageScreen",
        "sortir, cetak, agendakan, teruskan, arsipkan",
    ),
    Destination(
        "Tindak lanjut email",
        (STAF, KABID),
        "email_in.followup:FollowUpScreen",
        "email yang diteruskan ke unit Anda",
    ),
    Destination(
        "Konsep email keluar",
        (STAF,),
        "email_out.compose:ComposeScreen",
        "susun draft, perbaiki, ketik naskah final",
    ),
    Destination(
        "Persetujuan email",
        (KABID,),
        "email_out.approval:ApprovalScreen",
        "setujui atau kembalikan draft untuk revisi",
    ),
    Destination(
        "Kirim email keluar",
        (KASI, ADMIN_UMUM),
        "email_out.mail_send:MailSendScreen",
        "kirim dari alamat kantor dan arsipkan",
    ),
    Destination(
        "Arsip email",
        (KASI, ADMIN_UMUM),
        "books.mail_archive:MailArchiveScreen",
        "telusuri email masuk dan keluar beserta riwayatnya",
    ),
    Destination(
        "Papan mutu baku",
        (KASI,),
        "board:BoardScreen",
        "mutu baku per langkah hari ini, minggu ini, bulan ini",
    ),
    Destination(
        "Pengguna",
        (SYSADMIN,),
        "users:UsersScreen",
        "tambah, nonaktifkan, atur ulang sandi, buka kunci",
    ),
    Destination(
        "Kalender kerja",
        (SYSADMIN,),
        "calendar:CalendarScreen",
        "jam kerja, libur nasional, hari tutup kantor",
    ),
]

# (procedure, SOP action) -> the screen that takes that action; it receives item_id=. A step
# whose actions have no screen here opens the generic step screen (a step added to the SOP).
ACTION_SCREENS: dict[tuple[str, str], str] = {
    (FAX, "ajukan"): "fax.request:RequestFormScreen",
    (FAX, "disposisi"): "fax.disposition:DispositionScreen",
    (FAX, "kembalikan"): "fax.disposition:DispositionScreen",
    (FAX, "agendakan"): "fax.agenda:AgendaScreen",
    (FAX, "teruskan"): "fax.agenda:AgendaScreen",
    (FAX, "terkirim"): "fax.transmit:TransmitScreen",
    (FAX, "serahkan"): "fax.transmit:TransmitScreen",
    (FAX, "arsipkan"): "fax.archive:ArchiveScreen",
    **{
        (EMAIL_IN, code): "email_in.triage:TriageScreen"
        for code in (
            "cetak",
            "tanpa_cetak",
            "sisihkan",
            "dicetak",
            "agendakan",
            "dilabeli",
            "teruskan",
            "arsipkan",
        )
    },
    (EMAIL_IN, "tindak_lanjut"): "email_in.followup:FollowUpScreen",
    (EMAIL_OUT, "ajukan"): "email_out.compose:ComposeScreen",
    (EMAIL_OUT, "setujui"): "email_out.approval:ApprovalScreen",
    (EMAIL_OUT, "revisi"): "email_out.approval:ApprovalScreen",
    (EMAIL_OUT, "final"): "email_out.compose:ComposeScreen",
    (EMAIL_OUT, "ajukan_ulang"): "email_out.compose:ComposeScreen",
    (EMAIL_OUT, "kirim"): "email_out.mail_send:MailSendScreen",
    (EMAIL_OUT, "arsipkan"): "email_out.mail_send:MailSendScreen",
}


def for_user(user: User) -> list[Destination]:
    return [d for d in DESTINATIONS if d.allowed(user)]


def screen_for_step(procedure: str, step: int, item_id: int) -> Screen | None:
    """The screen that works on an item at this step: the one of its first action that has
    a screen, else the generic step screen; None at a step only the system takes."""
    actions = PROCEDURES[procedure].step(step).actions
    target = next(
        (
            ACTION_SCREENS[(procedure, a.code)]
            for a in actions
            if (procedure, a.code) in ACTION_SCREENS
        ),
        None,
    )
    if target is None:
        if not PROCEDURES[procedure].step(step).roles:
            return None
        target = "step:StepScreen"
    return _load(target)(item_id=item_id)
