"""Connection rules and error wording shared by IMAP and SMTP."""

from __future__ import annotations

import ipaddress
import socket
import ssl

from mail.errors import MailError

SECURITIES = ("ssl", "starttls", "plain")


def is_loopback(host: str) -> bool:
    """True when every address `host` resolves to is a loopback address."""
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(i[4][0]).is_loopback for i in infos)


def check_security(host: str, security: str, protocol: str) -> None:
    """Refuse unknown modes, and unencrypted logins to anything but this machine."""
    if security not in SECURITIES:
        raise MailError(
            f"Mode keamanan {protocol} tidak dikenal: {security} (pilih ssl, starttls atau plain)"
        )
    if security == "plain" and not is_loopback(host):
        raise MailError(
            f"Koneksi {protocol} tanpa enkripsi ke {host} ditolak: kata sandi "
            "akan terkirim terbuka. Gunakan ssl atau starttls "
            "(plain hanya untuk localhost)."
        )


def connection_error(protocol: str, host: str, port: int, exc: BaseException) -> MailError:
    """An Indonesian MailError for a failure to reach or talk to a server."""
    where = f"{host}:{port}"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailError(
            f"Sertifikat TLS server {protocol} {where} tidak sah: {exc.verify_message or exc}"
        )
    if isinstance(exc, ssl.SSLError):
        return MailError(f"Gagal membuka koneksi TLS ke server {protocol} {where}: {exc.reason}")
    if isinstance(exc, socket.gaierror):
        return MailError(
            f"Server {protocol} {host} tidak ditemukan (nama host salah atau DNS mati)"
        )
    if isinstance(exc, ConnectionRefusedError):
        return MailError(
            f"Server {protocol} {where} menolak koneksi (layanan mati atau port salah)"
        )
    if isinstance(exc, TimeoutError):
        return MailError(f"Server {protocol} {where} tidak menjawab (waktu habis)")
    if isinstance(exc, OSError):
        return MailError(f"Server {protocol} {where} tidak dapat dihubungi: {exc}")
    return MailError(f"Koneksi {protocol} ke {where} gagal: {exc}")
