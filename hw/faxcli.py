"""Plain functions behind the fax commands of the CLI; they return Indonesian text."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from hw.faxpage import FaxDocument, render_pages
from hw.modem import ModemConfig, SendResult, best_class, driver_for, offers
from hw.t4 import encode_page

TEST_BODY = (
    "HALAMAN UJI FAKS\n\n"
    "Halaman ini dikirim untuk menguji modem faks dan saluran telepon.\n"
    "Jika halaman ini terbaca jelas, pengiriman faks berjalan baik.\n\n"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 .,:;/-()\n"
)


def test_document(fine: bool = False) -> FaxDocument:
    """The one-page test fax."""
    return FaxDocument(
        header="UJI FAKS WARKAT",
        letterhead=["HALAMAN UJI"],
        body=TEST_BODY,
        agenda_number="-",
        sent_at=datetime.now(),
        fine=fine,
    )


def describe_result(result: SendResult, number: str) -> str:
    """One Indonesian line for the operator or the daily fax log."""
    pages = f"{result.pages_sent}/{result.pages_total} halaman"
    if result.ok:
        resolution = "halus" if result.resolution == "fine" else "standar"
        remote = f", ID penerima {result.remote_id}" if result.remote_id else ""
        return (
            f"Terkirim {pages} ke {number}{remote}, {result.bit_rate} bit/s, {resolution}, "
            f"{result.duration:.0f} detik"
        )
    code = f", kode putus {result.hangup_code}" if result.hangup_code else ""
    return f"Gagal ke {number}: {result.message} ({pages} terkonfirmasi{code})"


def send_test(
    device: str, number: str, fine: bool = False, config: ModemConfig | None = None
) -> tuple[bool, str]:
    """Send the one-page test fax through the modem at ``device``: (sent, one result line).

    A modem that could not be used at all gives just the reason (no call was made).
    """
    config = replace(config, device=device) if config else ModemConfig(device)
    pages = [encode_page(page) for page in render_pages(test_document(fine))]
    result = driver_for(config).send(number, pages, fine=fine)
    if not result.reached_line:
        return False, result.message
    return result.ok, describe_result(result, number)


def modem_info(device: str, config: ModemConfig | None = None) -> str:
    """What the modem at ``device`` reports about itself; raises ModemError if it cannot."""
    config = replace(config, device=device) if config else ModemConfig(device)
    info = driver_for(config).identify()
    lines = [
        f"Port: {device}",
        f"Pabrikan: {info.manufacturer or '-'}",
        f"Model: {info.model or '-'}",
        f"Revisi: {info.revision or '-'}",
        f"Kelas faks: {', '.join(info.classes) or '-'}",
        f"ATI: {info.ati or '-'}",
    ]
    if not offers(info.classes, config.fax_class):
        wanted = "1, 2 atau 2.0" if config.fax_class == "auto" else config.fax_class
        lines.append(f"Peringatan: modem tidak mendukung faks kelas {wanted}")
    elif config.fax_class == "auto":
        lines.append(f"Kelas faks dipakai (auto): {best_class(info.classes)}")
    return "\n".join(lines)
