"""Parsing hostile and ordinary messages into ParsedMail."""

import random
import time

import pytest

from mail.charset import decode_text
from mail.htmltext import html_to_text
from mail.parse import parse_message
from tests.hostile_mail import KINDS, big_attachment, deep_nesting, plain


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_hostile_kind_parses_with_its_warning(kind):
    build, expected = KINDS[kind]
    raw = build(7)
    mail = parse_message(raw)
    assert mail.raw == raw
    assert mail.message_id.startswith("<") and mail.message_id.endswith(">")
    assert mail.from_addr.endswith("@trenggalekkab.go.id")
    assert "7" in mail.subject
    if expected:
        assert any(expected in w for w in mail.warnings), mail.warnings
    else:
        assert mail.warnings == []
    if kind not in ("bad_base64",):
        assert "nomor 7" in mail.text or "Undangan terlampir" in mail.text


def test_plain_fields():
    mail = parse_message(plain(3))
    assert mail.message_id == "<uji-3@trenggalekkab.go.id>"
    assert mail.from_name == "Bagian Umum"
    assert mail.to == ["kominfo@trenggalekkab.go.id"]
    assert mail.date.isoformat() == "2024-05-06T08:03:00+00:00"
    assert mail.text == "Dengan hormat, laporan nomor 3 terlampir. Terima kasih."
    assert not mail.html_fallback and not mail.synthetic_id


def test_html_only_falls_back_to_text():
    mail = parse_message(KINDS["html_only"][0](1))
    assert mail.html_fallback
    assert "alert" not in mail.text and "color" not in mail.text
    assert (
        "Pengumuman nomor 1.\n\nLihat JDIH (https://jdih.trenggalekkab.go.id/)\nSalam" == mail.text
    )


def test_rfc2231_filename_and_attachment_hash():
    (att,) = parse_message(KINDS["rfc2231"][0](1)).attachments
    assert att.filename == "Undangan Rapat – Persandian.pdf"
    assert att.content_type == "application/pdf"
    assert att.data.startswith(b"%PDF") and att.size == len(att.data) == 15


def test_zero_and_huge_attachments():
    (zero,) = parse_message(KINDS["zero_attachment"][0](1)).attachments
    assert zero.size == 0 and zero.data == b""
    (big,) = parse_message(big_attachment(1)).attachments
    assert big.size == 20 * 1024 * 1024 and big.data[:3] == b"\x00\x01\x02"


def test_lying_and_8bit_text_is_readable():
    assert "Café nomor 2 “dikutip”" in parse_message(KINDS["lying_charset"][0](2)).text
    mail = parse_message(KINDS["eight_bit_headers"][0](2))
    assert mail.subject == "Surat Kepala Dinas – Ñomor 2"


def test_synthetic_message_id_is_stable():
    raw = KINDS["no_message_id"][0](5)
    first, second = parse_message(raw), parse_message(raw)
    assert first.synthetic_id and first.message_id == second.message_id
    assert first.message_id == f"<{first.sha256[:40]}@warkat.invalid>"
    assert parse_message(KINDS["no_message_id"][0](6)).message_id != first.message_id


def test_recursion_beyond_the_parser_falls_back_to_raw_text():
    mail = parse_message(deep_nesting(1, levels=3000))
    assert any("MIME rusak" in w for w in mail.warnings)
    assert mail.subject == "Bersarang 1" and "Lapisan atas nomor 1" in mail.text


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00\xff" * 50,
        b"Subject: =?utf-8?b?!!!?=\n\n",
        b"Message-ID: \xff\n\n",
        b'Content-Type: text/plain; charset="utf-8\x00"\n\nx',
        b"Content-Disposition: attachment; filename*=x-bad''%FF%FE\n\nabc",
        b"From: =?x-bad?q?abc?= <a@b>\nTo: ,,,<<>>@@\nDate: Mon, 99 Foo 99999 99:99:99 +9999\n\nx",
    ],
)
def test_garbage_never_raises(raw):
    mail = parse_message(raw)
    assert mail.message_id and mail.raw == raw
    assert mail.warnings


def test_random_mutations_never_raise():
    rng = random.Random(7)
    builders = [b for name, (b, _) in KINDS.items() if name != "huge_header"]
    for n in range(400):
        raw = bytearray(rng.choice(builders)(n))
        for _ in range(rng.randint(1, 15)):
            pos = rng.randrange(len(raw) + 1)
            raw[pos : pos + rng.randint(0, 30)] = rng.choice(
                [b"\r\n", b"\n\n", b"--", b"=?utf-8?q?", b";", b'"', b"\xe9", b"boundary=x"]
            )
        mail = parse_message(bytes(raw))
        for text in (mail.text, mail.subject, mail.from_name, mail.message_id, *mail.to):
            text.encode("utf-8")  # no lone surrogates reach the database


def test_decode_text_order():
    assert decode_text("é".encode(), "utf-8") == ("é", [])
    assert decode_text("é".encode(), None) == ("é", [])
    text, warnings = decode_text(b"caf\xe9", "x-nope")
    assert text == "café" and warnings[0] == "Charset tidak dikenal: x-nope"


def test_html_to_text():
    html = (
        "<h1>Judul</h1><ul><li>satu</li><li>dua</li></ul><p>a&amp;b<br>c</p>"
        "<a href='mailto:x@y.id'>x@y.id</a><style>.x{}</style>"
    )
    assert html_to_text(html) == "Judul\n\n- satu\n- dua\n\na&b\nc\n\nx@y.id"


def test_pathological_structure_is_bounded():
    params = b"; ".join(b'p%d="v%d"' % (i, i) for i in range(20000))
    huge_ctype = b"From: a@b.go.id\r\nContent-Type: text/plain; " + params + b"\r\n\r\nisi\r\n"
    started = time.perf_counter()
    mail = parse_message(huge_ctype)
    assert mail.text == "isi" and any("Content-Type" in w for w in mail.warnings)
    many = (
        b"From: a@b.go.id\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        + b"--b\r\nContent-Type: text/plain\r\n\r\nx\r\n" * 2000
        + b"--b--\r\n"
    )
    assert any("Terlalu banyak bagian MIME" in w for w in parse_message(many).warnings)
    assert time.perf_counter() - started < 5
