"""MIME bytes into a plain `ParsedMail`; never raises on hostile input, warns instead."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.header import decode_header
from email.message import Message
from email.parser import BytesParser
from email.policy import Compat32
from email.utils import getaddresses, parsedate_to_datetime

from mail.charset import decode_text
from mail.htmltext import html_to_text

MAX_DEPTH = 30  # MIME nesting we descend into
MAX_HEADER = 16_384  # characters of one header value we decode
MAX_PARTS = 1000  # MIME parts we look at
SYNTHETIC_DOMAIN = "warkat.invalid"

_DEFECTS = {
    "NoBoundaryInMultipartDefect": "multipart tanpa boundary",
    "StartBoundaryNotFoundDefect": "boundary awal tidak ditemukan",
    "CloseBoundaryNotFoundDefect": "boundary penutup tidak ditemukan",
    "FirstHeaderLineIsContinuationDefect": "baris header pertama berupa lanjutan",
    "MisplacedEnvelopeHeaderDefect": "header amplop salah tempat",
    "MissingHeaderBodySeparatorDefect": "pemisah header dan isi tidak ada",
    "MultipartInvariantViolationDefect": "struktur multipart tidak konsisten",
    "InvalidMultipartContentTransferEncodingDefect": "pengkodean multipart tidak sah",
    "InvalidBase64PaddingDefect": "padding base64 salah",
    "InvalidBase64CharactersDefect": "karakter base64 tidak sah",
    "InvalidBase64LengthDefect": "panjang base64 salah",
    "UndecodableBytesDefect": "byte tidak dapat dibaca",
}


_FAILURES = {"RecursionError": "struktur terlalu dalam", "MemoryError": "pesan terlalu besar"}


class _BoundedPolicy(Compat32):
    """compat32 (no structured header objects: the fields Warkat keeps are decoded from the
    raw values here), with huge header values cut before their parameters are split."""

    def header_fetch_parse(self, name, value):
        return super().header_fetch_parse(name, value[:MAX_HEADER])


BOUNDED = _BoundedPolicy()


@dataclass(frozen=True)
class Attachment:
    """One attached file."""

    filename: str
    content_type: str
    size: int
    sha256: str
    data: bytes = field(repr=False)

    @classmethod
    def from_bytes(cls, filename: str, content_type: str, data: bytes) -> Attachment:
        return cls(filename, content_type, len(data), hashlib.sha256(data).hexdigest(), data)


@dataclass
class ParsedMail:
    """What Warkat keeps of an email; `raw` is the message byte for byte."""

    message_id: str
    from_addr: str
    from_name: str
    to: list[str]
    cc: list[str]
    date: datetime | None
    subject: str
    text: str
    html_fallback: bool
    attachments: list[Attachment]
    warnings: list[str]
    raw: bytes = field(repr=False)
    sha256: str
    synthetic_id: bool = False


class _Collector:
    """State of one walk through the MIME tree."""

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.html: list[str] = []
        self.attachments: list[Attachment] = []
        self.warnings: list[str] = []
        self.parts = 0

    def warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)

    def defects(self, part: Message) -> None:
        for defect in getattr(part, "defects", ()):
            name = type(defect).__name__
            self.warn(f"MIME rusak: {_DEFECTS.get(name, name)}")


def parse_message(raw: bytes) -> ParsedMail:
    """Parse `raw` in one pass (headers, structure, text, attachments), falling back to
    headers only with the body shown as text when the MIME tree cannot be walked."""
    digest = hashlib.sha256(raw).hexdigest()
    try:
        msg = BytesParser(policy=BOUNDED).parsebytes(raw)
        col = _Collector()
        _walk(msg, 0, col)
        return _build(msg, raw, digest, col)
    except Exception as exc:  # the stdlib parser has many ways to fail on hostile input
        failure = _FAILURES.get(type(exc).__name__, type(exc).__name__)
    return _last_resort(raw, digest, failure)


def _last_resort(raw: bytes, digest: str, failure: str) -> ParsedMail:
    """Headers only, body shown as text: used when no parser survives the message."""
    col = _Collector()
    col.warn(f"MIME rusak: {failure}; isi ditampilkan apa adanya")
    head, _, body = raw.partition(b"\r\n\r\n") if b"\r\n\r\n" in raw else raw.partition(b"\n\n")
    try:
        msg = BytesParser(policy=policy.compat32).parsebytes(head + b"\n\n", headersonly=True)
    except Exception:
        msg = Message()
    _warn_big_headers(msg, col)
    text, warnings = decode_text(body, None)
    col.plain.append(text)
    for w in warnings:
        col.warn(w)
    return _build(msg, raw, digest, col)


def _walk(part: Message, depth: int, col: _Collector) -> None:
    try:
        _walk_part(part, depth, col)
    finally:
        col.defects(part)  # after decoding: payload decoding adds defects too
        _warn_big_headers(part, col)


def _walk_part(part: Message, depth: int, col: _Collector) -> None:
    col.parts += 1
    if col.parts > MAX_PARTS:
        col.warn(f"Terlalu banyak bagian MIME (lebih dari {MAX_PARTS}): sisanya diabaikan")
        return
    if depth > MAX_DEPTH:
        col.warn(
            f"MIME bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat): sisanya diabaikan"
        )
        return
    ctype = part.get_content_type()
    if part.is_multipart():
        if ctype.startswith("message/"):
            _attach_message(part, col)
            return
        for sub in part.get_payload():
            _walk(sub, depth + 1, col)
        return
    disposition = part.get_content_disposition()
    filename = _filename(part, col)
    data = part.get_payload(decode=True) or b""
    if ctype.startswith("multipart/"):
        ctype = "text/plain"  # already reported as a defect (no boundary)
    if ctype in ("text/plain", "text/html") and disposition != "attachment" and not filename:
        text, warnings = decode_text(data, _charset(part))
        for w in warnings:
            col.warn(w)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        (col.plain if ctype == "text/plain" else col.html).append(text)
        return
    name = filename or f"lampiran-{len(col.attachments) + 1}{_extension(ctype)}"
    col.attachments.append(Attachment.from_bytes(name, ctype, data))


def _attach_message(part: Message, col: _Collector) -> None:
    """An attached message/* part is kept whole as an .eml attachment."""
    inner = part.get_payload()
    data = b""
    try:
        if isinstance(inner, list) and inner:
            data = b"".join(m.as_bytes(policy=policy.compat32) for m in inner)
    except Exception:
        col.warn("MIME rusak: pesan terlampir tidak dapat disalin utuh")
    name = _filename(part, col) or f"pesan-terlampir-{len(col.attachments) + 1}.eml"
    col.attachments.append(Attachment.from_bytes(name, part.get_content_type(), data))


def _charset(part: Message) -> str | None:
    try:
        return part.get_content_charset()
    except Exception:
        return None


def _filename(part: Message, col: _Collector) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:
        col.warn("MIME rusak: nama lampiran tidak terbaca")
        return ""
    if "=?" in name:
        name = decode_header_value(name, "filename", col.warn)
    name = re.split(r"[\\/]", name)[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip(" .")
    return name[:200]


def _extension(ctype: str) -> str:
    known = {
        "application/pdf": ".pdf",
        "text/plain": ".txt",
        "text/html": ".html",
        "image/jpeg": ".jpg",
        "image/png": ".png",
        "message/rfc822": ".eml",
    }
    return known.get(ctype, ".bin")


def decode_header_value(value: str, name: str, warn) -> str:
    """Decode one raw header value (cut to MAX_HEADER): 8-bit bytes, RFC 2047 words, folding."""
    value = value[:MAX_HEADER]
    if value.isascii() and "=?" not in value and "\n" not in value and "\r" not in value:
        return value.strip()  # nothing to decode
    if re.search(r"[\udc80-\udcff]", value):
        warn(f"Header 8-bit tanpa pengkodean: {name}")
        raw = value.encode("ascii", "surrogateescape")
        value, _ = decode_text(raw, None)
    value = re.sub(r"\r?\n(?=[ \t])", "", value).replace("\r", "").replace("\n", " ")
    try:
        chunks = decode_header(value)
    except Exception:
        warn(f"Header rusak: {name}")
        return value.strip()
    out = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            out.append(chunk)
        elif charset is None:
            out.append(chunk.decode("raw-unicode-escape", errors="replace"))
        else:
            text, warnings = decode_text(chunk, charset)
            for w in warnings:
                warn(f"{w} (header {name})")
            out.append(text)
    return "".join(out).strip()


def _raw_headers(msg: Message) -> dict[str, str]:
    """First occurrence of each header, raw (undecoded), by lower-case name."""
    found: dict[str, str] = {}
    for key, value in msg.raw_items():
        found.setdefault(key.lower(), str(value))
    return found


def _warn_big_headers(msg: Message, col: _Collector) -> None:
    for key, value in msg.raw_items():
        if len(value) > MAX_HEADER:
            col.warn(f"Header terlalu besar: {key} ({len(value) // 1024} KB), dipotong")


_ADDR = r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_SIMPLE_ADDRESS = re.compile(rf"\s*(?:([A-Za-z0-9 ]*?)\s*<({_ADDR})>|({_ADDR}))\s*")


def _addresses(value: str, name: str, col: _Collector) -> list[tuple[str, str]]:
    simple = _SIMPLE_ADDRESS.fullmatch(value) if len(value) < 1000 else None
    if simple:  # the usual `Name <a@b.c>` or `a@b.c`: what getaddresses gives, much sooner
        phrase, addr = " ".join((simple[1] or "").split()), simple[2] or simple[3]
        return [(phrase, addr.lower())]
    value = value[:MAX_HEADER]
    if re.search(r"[\udc80-\udcff]", value):
        col.warn(f"Header 8-bit tanpa pengkodean: {name}")
        value, _ = decode_text(value.encode("ascii", "surrogateescape"), None)
    value = re.sub(r"\r?\n(?=[ \t])", "", value)
    try:
        pairs = getaddresses([value])
    except Exception:
        col.warn(f"Header rusak: {name}")
        return []
    return [(decode_header_value(n, name, col.warn), a.strip().lower()) for n, a in pairs if a]


def _date(value: str | None, col: _Collector) -> datetime | None:
    if not value:
        col.warn("Tanggal tidak ada")
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
        if parsed.tzinfo is None:
            col.warn("Zona waktu tanggal tidak diketahui: dianggap UTC")
            parsed = parsed.replace(tzinfo=UTC)
        parsed.astimezone()  # year 1 at +14:00 has no local time: out of range
    except (TypeError, ValueError, IndexError, OverflowError):
        col.warn(f"Tanggal tidak sah: {value.strip()[:60]}")
        return None
    return parsed


def _message_id(value: str | None, digest: str, col: _Collector) -> tuple[str, bool]:
    token = ""
    if value:
        match = re.search(r"<[^<>\s]{1,900}>", value)
        token = match.group(0) if match else value.strip()[:900]
    if not token or re.search(r"[\s\udc80-\udcff]", token):
        col.warn("Message-ID tidak ada — dibuat dari isi")
        return f"<{digest[:40]}@{SYNTHETIC_DOMAIN}>", True
    return token, False


def _build(msg: Message, raw: bytes, digest: str, col: _Collector) -> ParsedMail:
    headers = _raw_headers(msg)
    sender = _addresses(headers.get("from", ""), "From", col)
    if not sender:
        col.warn("Pengirim (From) tidak ada")
    message_id, synthetic = _message_id(headers.get("message-id"), digest, col)
    date = _date(headers.get("date"), col)
    subject = decode_header_value(headers.get("subject", ""), "Subject", col.warn)
    text, html_fallback = "\n\n".join(t.strip("\n") for t in col.plain), False
    if not text.strip() and col.html:
        text, html_fallback = "\n\n".join(html_to_text(h) for h in col.html), True
    return ParsedMail(
        message_id=message_id,
        from_addr=sender[0][1] if sender else "",
        from_name=sender[0][0] if sender else "",
        to=[a for _, a in _addresses(headers.get("to", ""), "To", col)],
        cc=[a for _, a in _addresses(headers.get("cc", ""), "Cc", col)],
        date=date,
        subject=subject,
        text=text,
        html_fallback=html_fallback,
        attachments=col.attachments,
        warnings=col.warnings,
        raw=raw,
        sha256=digest,
        synthetic_id=synthetic,
    )


_HEADER_LINE = re.compile(rb"^[!-9;-~]{1,76}:")
_KNOWN = frozenset(
    b"from to subject date message-id received mime-version return-path delivered-to cc "
    b"reply-to".split()
)
_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/Office",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\xd0\xcf\x11\xe0": "Office lama",
    b"\x7fELF": "program",
}


def looks_like_email(raw: bytes) -> tuple[bool, str]:
    """Whether `raw` is an email at all; the reason (Indonesian) says why not."""
    if not raw.strip():
        return False, "Bukan email: berkas kosong"
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            return False, f"Bukan email: berkas {kind}"
    head = raw[:65536]
    ok, reason = _headers_ok(raw, head)
    if not ok and b"\x00" in head:  # a stray NUL in real mail is still mail
        return False, "Bukan email: berkas biner"
    return ok, reason


def _headers_ok(raw: bytes, head: bytes) -> tuple[bool, str]:
    """Whether `head` starts with a header block naming at least one email header."""
    lines = head.lstrip(b"\r\n").splitlines()
    if len(raw) > len(head):
        lines = lines[:-1]  # the last line may be cut in the middle
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]  # mbox envelope line
    if not lines or not _HEADER_LINE.match(lines[0]):
        return False, "Bukan email: tidak diawali header (mis. From:, Subject:)"
    names = set()
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue
        if not _HEADER_LINE.match(line):
            return False, "Bukan email: baris header tidak sah"
        names.add(line.split(b":", 1)[0].strip().lower())
    if not names.intersection(_KNOWN):
        return False, "Bukan email: tidak ada header email (From, To, Subject, Date)"
    return True, ""
