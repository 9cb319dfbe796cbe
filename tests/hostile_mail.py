"""Generator of a hostile email corpus: each kind of breakage a real inbox sees.

`KINDS` maps a kind to (builder, the warning substring the parser must show or None).
`corpus(count)` cycles through the kinds with unique ids; `big=True` adds one 20 MB attachment.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

DOMAIN = "trenggalekkab.go.id"
BASE_DATE = datetime(2024, 5, 6, 8, 0, tzinfo=UTC)


def _head(i: int, subject: str, *, date: bool = True, msgid: bool = True, extra: str = "") -> str:
    lines = [
        f"From: Bagian Umum <umum{i}@{DOMAIN}>",
        f"To: kominfo@{DOMAIN}",
        f"Subject: {subject}",
        "MIME-Version: 1.0",
    ]
    if date:
        when = BASE_DATE + timedelta(minutes=i)
        lines.append("Date: " + when.strftime("%a, %d %b %Y %H:%M:%S +0000"))
    if msgid:
        lines.append(f"Message-ID: <uji-{i}@{DOMAIN}>")
    return "\r\n".join(lines) + ("\r\n" + extra if extra else "") + "\r\n"


def plain(i: int) -> bytes:
    return (
        _head(i, f"Laporan harian {i}") + "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
        f"Dengan hormat, laporan nomor {i} terlampir. Terima kasih.\r\n"
    ).encode()


def html_only(i: int) -> bytes:
    return (
        _head(i, f"Pengumuman {i}") + "Content-Type: text/html; charset=utf-8\r\n\r\n"
        "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
        f"<p>Pengumuman nomor {i}.</p><p>Lihat <a href='https://jdih.{DOMAIN}/'>JDIH</a>"
        "<br>Salam</p></body></html>\r\n"
    ).encode()


def rfc2231(i: int) -> bytes:
    pdf = base64.b64encode(b"%PDF-1.4\n%%EOF\n").decode()
    return (
        _head(i, f"Undangan {i}") + 'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nUndangan terlampir.\r\n"
        "--b1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        "Content-Disposition: attachment;\r\n"
        " filename*=utf-8''Undangan%20Rapat%20%E2%80%93%20Persandian.pdf\r\n\r\n"
        f"{pdf}\r\n--b1--\r\n"
    ).encode()


def broken_mime(i: int) -> bytes:
    return (
        _head(i, f"Rusak {i}") + 'Content-Type: multipart/mixed; boundary="hilang"\r\n\r\n'
        f"Isi tanpa boundary nomor {i}.\r\n"
    ).encode()


def no_boundary(i: int) -> bytes:
    return (
        _head(i, f"Tanpa boundary {i}") + "Content-Type: multipart/mixed\r\n\r\n"
        f"Teks nomor {i}.\r\n"
    ).encode()


def bad_base64(i: int) -> bytes:
    return (
        _head(i, f"Base64 rusak {i}") + "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.b64encode(f"Isi nomor {i}".encode()).decode()[:-2]
        + "!!*\r\n"
    ).encode()


def unknown_charset(i: int) -> bytes:
    return (
        _head(i, f"Charset aneh {i}").encode()
        + b"Content-Type: text/plain; charset=x-tidak-ada\r\n\r\n"
        + f"Pemberitahuan nomor {i}: rapat ditunda.\r\n".encode("cp1252")
    )


def lying_charset(i: int) -> bytes:
    return (
        _head(i, f"Charset bohong {i}").encode()
        + b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + f"Caf\xe9 nomor {i} \u201cdikutip\u201d.\r\n".encode("cp1252")
    )


def eight_bit_headers(i: int) -> bytes:
    return (
        f"From: Dinas Pendidikan <dik{i}@{DOMAIN}>\r\n".encode()
        + "Subject: Surat Kepala Dinas – Ñomor ".encode()
        + str(i).encode()
        + b"\r\n"
        + "To: Seksi Persandian <kominfo@trenggalekkab.go.id>\r\n".encode("latin-1")
        + f"Date: Mon, 6 May 2024 09:00:00 +0700\r\nMessage-ID: <b8-{i}@{DOMAIN}>\r\n"
        "Content-Type: text/plain\r\n\r\n".encode()
        + f"Isi nomor {i}.\r\n".encode()
    )


def huge_header(i: int) -> bytes:
    junk = "\r\n ".join(["Perihal-panjang-sekali " * 20] * 440)  # ~200 KB, folded
    return (
        _head(i, f"Besar {i} {junk}") + "Content-Type: text/plain\r\n\r\n"
        f"Header besar nomor {i}.\r\n"
    ).encode()


def deep_nesting(i: int, levels: int = 100) -> bytes:
    body = f"Content-Type: text/plain\r\n\r\nTerdalam nomor {i}.\r\n"
    for level in range(levels):
        body = (
            f'Content-Type: multipart/mixed; boundary="n{level}"\r\n\r\n'
            f"--n{level}\r\n{body}\r\n--n{level}--\r\n"
        )
    return (
        _head(i, f"Bersarang {i}") + 'Content-Type: multipart/mixed; boundary="top"\r\n\r\n'
        f"--top\r\nContent-Type: text/plain\r\n\r\nLapisan atas nomor {i}.\r\n"
        f"--top\r\n{body}--top--\r\n"
    ).encode()


def zero_attachment(i: int) -> bytes:
    return (
        _head(i, f"Lampiran kosong {i}") + 'Content-Type: multipart/mixed; boundary="z"\r\n\r\n'
        f"--z\r\nContent-Type: text/plain\r\n\r\nLampiran kosong nomor {i}.\r\n"
        "--z\r\nContent-Type: application/octet-stream\r\n"
        'Content-Disposition: attachment; filename="kosong.bin"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n\r\n--z--\r\n"
    ).encode()


def big_attachment(i: int, size: int = 20 * 1024 * 1024) -> bytes:
    data = base64.encodebytes(bytes(range(256)) * (size // 256)).replace(b"\n", b"\r\n")
    return (
        (
            _head(i, f"Lampiran besar {i}") + 'Content-Type: multipart/mixed; boundary="g"\r\n\r\n'
            f"--g\r\nContent-Type: text/plain\r\n\r\nLampiran besar nomor {i}.\r\n"
            "--g\r\nContent-Type: application/octet-stream\r\n"
            'Content-Disposition: attachment; filename="besar.bin"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\n"
        ).encode()
        + data
        + b"\r\n--g--\r\n"
    )


def no_date(i: int) -> bytes:
    return (
        _head(i, f"Tanpa tanggal {i}", date=False) + "Content-Type: text/plain\r\n\r\n"
        f"Tanpa tanggal nomor {i}.\r\n"
    ).encode()


def bad_date(i: int) -> bytes:
    return (
        _head(i, f"Tanggal salah {i}", date=False, extra="Date: kemarin sore")
        + "Content-Type: text/plain\r\n\r\n"
        f"Tanggal salah nomor {i}.\r\n"
    ).encode()


def no_message_id(i: int) -> bytes:
    return (
        _head(i, f"Tanpa Message-ID {i}", msgid=False) + "Content-Type: text/plain\r\n\r\n"
        f"Tanpa Message-ID nomor {i}.\r\n"
    ).encode()


KINDS = {
    "plain": (plain, None),
    "html_only": (html_only, None),
    "rfc2231": (rfc2231, None),
    "broken_mime": (broken_mime, "MIME rusak"),
    "no_boundary": (no_boundary, "MIME rusak"),
    "bad_base64": (bad_base64, "MIME rusak"),
    "unknown_charset": (unknown_charset, "Charset tidak dikenal"),
    "lying_charset": (lying_charset, "Charset tidak sesuai isi"),
    "eight_bit_headers": (eight_bit_headers, "Header 8-bit"),
    "huge_header": (huge_header, "Header terlalu besar"),
    "deep_nesting": (deep_nesting, "MIME bersarang terlalu dalam"),
    "zero_attachment": (zero_attachment, None),
    "no_date": (no_date, "Tanggal tidak ada"),
    "bad_date": (bad_date, "Tanggal tidak sah"),
    "no_message_id": (no_message_id, "Message-ID tidak ada"),
}


def corpus(count: int = 300, big: bool = True) -> list[tuple[str, int, bytes]]:
    """`count` messages (kind, number, raw), cycling through KINDS; plus one 20 MB one if big."""
    names = list(KINDS)
    out = [(names[i % len(names)], i, KINDS[names[i % len(names)]][0](i)) for i in range(count)]
    if big:
        out.append(("big_attachment", count, big_attachment(count)))
    return out
