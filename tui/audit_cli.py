"""`warkat audit verify [--anchor N:HASH]` and `warkat audit anchor [--email]`."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from model import audit
from model.base import now
from model.config import Config
from model.errors import WarkatError
from model.org import email_of_role
from model.roles import KASI
from spool.mail import send_notice

MAIL_BODY = """Yth. Kasi Keamanan Informasi dan Persandian,

kepala jejak audit Warkat pada {at:%d-%m-%Y %H:%M} adalah

    {anchor}

Simpan email ini. Untuk membuktikan kemudian bahwa jejak audit tidak diubah, dihapus atau
dipotong sejak saat ini, jalankan di server Warkat:

    warkat audit verify --anchor {anchor}

Email ini dikirim otomatis oleh Warkat, {office}.
"""


def audit_command(cfg: Config, args) -> int:
    if args.action == "anchor":
        return _anchor(cfg, args.email)
    return _verify(audit.parse_anchor(args.anchor) if args.anchor else None)


def _verify(given: audit.Anchor | None) -> int:
    verdict = audit.check(given)
    if verdict.broken is not None:
        b = verdict.broken
        print(
            f"Jejak audit RUSAK pada entri #{b.id} ({b.at}, {b.actor}, {b.action}); "
            f"{verdict.count} entri sebelumnya utuh."
        )
    for problem in verdict.problems:
        print(f"Jejak audit RUSAK: {problem}.")
    if not verdict.ok:
        return 1
    at = f", kepala #{verdict.head.entry_id}" if verdict.head else ""
    print(
        f"Jejak audit utuh: {verdict.count} entri diperiksa{at}; {verdict.anchors} jangkar cocok."
    )
    if given is not None:
        print(
            f"Jangkar #{given.entry_id} cocok: rantai dari awal sampai #{given.entry_id} "
            "dan terus ke kepala utuh."
        )
    return 0


def _anchor(cfg: Config, email: bool) -> int:
    anchor = audit.head()
    if anchor is None:
        raise WarkatError("Jejak audit masih kosong: belum ada kepala untuk dijangkarkan.")
    if not email:
        audit.keep(anchor, "cli")
        print(f"Kepala jejak audit: {anchor}")
        return 0
    to = _kasi_email(cfg)
    message_id = send_notice(cfg, _notice(cfg, anchor, to))
    audit.keep(anchor, f"email: {to}")
    print(f"Jangkar {anchor} dikirim ke {to} ({message_id}).")
    return 0


def _kasi_email(cfg: Config) -> str:
    """`[office] kasi_email` in warkat.toml, else the email of the Kasi's unit."""
    to = cfg.office.kasi_email or email_of_role(KASI)
    if not to:
        raise WarkatError(
            "Alamat email Kasi Persandian belum ada: isi kasi_email di bagian "
            "[office] warkat.toml atau email unit Kasi."
        )
    return to


def _notice(cfg: Config, anchor: audit.Anchor, to: str) -> EmailMessage:
    office = cfg.office.email
    if not office:
        raise WarkatError("Alamat email kantor (email di bagian [office] warkat.toml) belum diisi.")
    at = now()
    msg = EmailMessage()
    msg["From"], msg["To"] = office, to
    msg["Subject"] = f"Jangkar jejak audit Warkat #{anchor.entry_id} — {at:%d-%m-%Y}"
    msg["Date"] = format_datetime(at.astimezone())
    msg["Message-ID"] = make_msgid("warkat-audit", domain=office.rpartition("@")[2] or None)
    msg.set_content(MAIL_BODY.format(at=at, anchor=anchor, office=cfg.office.name))
    return msg
