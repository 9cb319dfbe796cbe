"""The demo inbox: a local maildir with realistic mail of a kabupaten's Kominfo office."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

from mail.maildir import deliver

OFFICE = "kominfo@trenggalekkab.go.id"
WIB = timezone(timedelta(hours=7), "WIB")


def make_pdf(lines: list[str]) -> bytes:
    """A small valid one-page PDF (Helvetica text), written byte by byte."""
    text = ["BT /F1 12 Tf 72 760 Td 16 TL"]
    for line in lines:
        safe = line.encode("latin-1", "replace").decode("latin-1")
        safe = safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text.append(f"({safe}) Tj T*")
    text.append("ET")
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _mail(
    sender: str,
    subject: str,
    when: datetime,
    number: int,
    body: str | None = None,
    html: str | None = None,
    cc: str = "",
) -> EmailMessage:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = sender
    msg["To"] = f"Dinas Kominfo Kab. Trenggalek <{OFFICE}>"
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    domain = sender.rpartition("@")[2].strip(">")
    msg["Message-ID"] = f"<demo-{number}.{when:%Y%m%d%H%M}@{domain}>"
    if body is not None:
        msg.set_content(body)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    elif html is not None:
        msg.set_content(html, subtype="html")
    return msg


def _messages(now: datetime) -> list[EmailMessage]:
    ago = lambda hours: now - timedelta(hours=hours)  # noqa: E731
    salam = "Dengan hormat,\n\n"
    hormat = "\n\nAtas perhatian dan kerja samanya disampaikan terima kasih.\n\n"
    undangan = _mail(
        "Bidang Persandian Diskominfo Jatim <persandian@diskominfo.jatimprov.go.id>",
        "Undangan Rapat Koordinasi Persandian",
        ago(70),
        1,
        salam + "Mengharap kehadiran Kepala Seksi Keamanan Informasi dan Persandian pada Rapat "
        "Koordinasi Persandian se-Jawa Timur, Kamis pukul 09.00 WIB, Ruang Rapat Diskominfo "
        "Provinsi Jawa Timur, Jl. A. Yani 242-244 Surabaya. Undangan resmi terlampir."
        + hormat
        + "Kepala Bidang Persandian\nDiskominfo Provinsi Jawa Timur",
    )
    undangan.add_attachment(
        make_pdf(
            [
                "PEMERINTAH PROVINSI JAWA TIMUR",
                "DINAS KOMUNIKASI DAN INFORMATIKA",
                "",
                "Nomor  : 005/1123/114.5/2024",
                "Perihal: Undangan Rapat Koordinasi Persandian",
                "",
                "Hari/Tanggal : Kamis",
                "Pukul        : 09.00 WIB - selesai",
                "Tempat       : Ruang Rapat Diskominfo Jatim",
            ]
        ),
        maintype="application",
        subtype="pdf",
        filename="undangan-rakor-persandian.pdf",
    )
    bssn = _mail(
        "Tim Tanggap Insiden <csirt@trenggalekkab.go.id>",
        "Laporan Insiden Keamanan Informasi Triwulan III",
        ago(52),
        2,
        salam + "Bersama ini kami sampaikan laporan insiden keamanan informasi triwulan III, "
        "termasuk dua percobaan defacement pada subdomain desa." + hormat + "TTIS Kab. Trenggalek",
    )
    bssn.add_attachment(
        make_pdf(["Laporan Insiden Keamanan Informasi", "Triwulan III"]),
        maintype="application",
        subtype="pdf",
        filename="Laporan Insiden – Triwulan III (final).pdf",
    )
    return [
        undangan,
        _mail(
            "Badan Kepegawaian Daerah <bkd@trenggalekkab.go.id>",
            "Penyampaian Data ASN Calon Pemegang Sertifikat Elektronik",
            ago(60),
            3,
            salam + "Menindaklanjuti surat Saudara, bersama ini kami sampaikan data 24 ASN "
            "calon pemegang sertifikat elektronik untuk penandatanganan naskah dinas. "
            "Mohon dapat diproses lebih lanjut." + hormat + "Kepala BKD Kab. Trenggalek",
        ),
        bssn,
        _mail(
            "Sekretariat Daerah <setda@trenggalekkab.go.id>",
            "Surat Edaran Penyesuaian Jam Kerja",
            ago(40),
            4,
            html="<html><body><p>Yth. Kepala Perangkat Daerah se-Kabupaten Trenggalek,</p>"
            "<p>Sehubungan dengan penyesuaian jam kerja, mulai Senin jam kerja pukul "
            "<b>07.30&ndash;15.00 WIB</b>.</p><p>Surat edaran lengkap dapat diunduh di "
            "<a href='https://jdih.trenggalekkab.go.id/'>JDIH Kabupaten</a>.</p>"
            "<p>Sekretaris Daerah</p></body></html>",
        ),
        _mail(
            "Bappeda <bappeda@trenggalekkab.go.id>",
            "Permohonan Pengiriman Surat via Faksimile ke Bappenas",
            ago(30),
            5,
            salam + "Mohon bantuan pengiriman surat usulan Musrenbang ke Bappenas melalui "
            "faksimile hari ini. Nota dinas dan isi berita kami antar ke ruang persandian."
            + hormat
            + "Sekretaris Bappeda",
        ),
        _mail(
            "Kecamatan Watulimo <kec.watulimo@trenggalekkab.go.id>",
            "Laporan Gangguan Jaringan Internet Kantor Kecamatan",
            ago(20),
            6,
            salam + "Sejak pagi jaringan internet kantor Kecamatan Watulimo terputus sehingga "
            "aplikasi SRIKANDI tidak dapat diakses. Mohon tindak lanjut." + hormat + "Camat",
            cc="Bidang Aptika <aptika@trenggalekkab.go.id>",
        ),
        _mail(
            "Dinas Kesehatan <dinkes@trenggalekkab.go.id>",
            "Re: Permohonan Penerbitan Sertifikat Elektronik",
            ago(8),
            7,
            salam + "Berkas permohonan sertifikat elektronik Kepala Dinas Kesehatan sudah "
            "kami lengkapi sesuai arahan." + hormat + "Sekretaris Dinas Kesehatan",
            html="<p>Berkas permohonan sertifikat elektronik sudah kami lengkapi.</p>",
        ),
        _mail(
            "Panitia Undian <hadiah@undian-berhadiah.example>",
            "SELAMAT!!! Anda memenangkan hadiah Rp 150.000.000",
            ago(3),
            8,
            "Selamat! Alamat email Anda terpilih. Klik tautan berikut dan isi data rekening "
            "untuk mencairkan hadiah: http://undian-berhadiah.example/klaim",
        ),
    ]


def seed_demo_maildir(path: str | os.PathLike, now: datetime | None = None) -> list[str]:
    """Create (or add to) the demo maildir at `path`; returns the keys written."""
    now = now or datetime.now(WIB)
    keys = []
    for msg in _messages(now.replace(microsecond=0)):
        when = datetime.strptime(msg["Date"], "%a, %d %b %Y %H:%M:%S %z")
        keys.append(deliver(path, msg.as_bytes(), when=when.timestamp()))
    return keys
