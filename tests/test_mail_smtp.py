"""Building and sending mail: SMTP against an aiosmtpd sink, forwards, the outbox folder."""

import shutil
from email import message_from_bytes, policy

import pytest

from mail.errors import MailError
from mail.parse import parse_message
from mail.smtp import OutboxFolder, SmtpConfig, build_forward, build_message, send
from tests.conftest import unavailable
from tests.dovecot import make_cert
from tests.hostile_mail import KINDS
from tests.smtpsink import SmtpSink, smtp_sink_fixture  # noqa: F401  (fixture smtp_sink)

OFFICE = "Dinas Kominfo <kominfo@trenggalekkab.go.id>"


def letter():
    return build_message(
        OFFICE,
        ["bkd@trenggalekkab.go.id"],
        ["setda@trenggalekkab.go.id"],
        "Undangan – Rapat Persandian",
        "Dengan hormat, ✓ terlampir.",
        [("undangan rapat.pdf", b"%PDF-1.4\n%%EOF\n")],
    )


@pytest.fixture(scope="module")
def cert(tmp_path_factory):
    if not shutil.which("openssl"):
        unavailable("openssl not installed")
    directory = tmp_path_factory.mktemp("cert")
    make_cert(directory)
    return str(directory / "cert.pem"), str(directory / "key.pem")


def test_build_message_is_utf8_with_office_message_id():
    msg = letter()
    assert msg["Message-ID"].endswith("@trenggalekkab.go.id>") and msg["Date"]
    mail = parse_message(msg.as_bytes())
    assert mail.subject == "Undangan – Rapat Persandian"
    assert mail.text.strip() == "Dengan hormat, ✓ terlampir."
    assert mail.cc == ["setda@trenggalekkab.go.id"]
    assert [(a.filename, a.content_type) for a in mail.attachments] == [
        ("undangan rapat.pdf", "application/pdf")
    ]
    assert mail.warnings == []


def test_send_to_sink(smtp_sink):
    message_id = send(SmtpConfig(smtp_sink.host, smtp_sink.port, security="plain"), letter())
    (got,) = smtp_sink.messages
    assert got.mail_from == "kominfo@trenggalekkab.go.id"
    assert sorted(got.rcpt_tos) == ["bkd@trenggalekkab.go.id", "setda@trenggalekkab.go.id"]
    assert parse_message(got.data).message_id == message_id


def test_starttls_with_auth(cert):
    with SmtpSink(user="kominfo", password="rahasia", cert=cert[0], key=cert[1]) as sink:
        good = SmtpConfig("localhost", sink.port, "kominfo", "rahasia", "starttls", cafile=cert[0])
        send(good, letter())
        assert len(sink.messages) == 1
        with pytest.raises(MailError, match="Login SMTP ditolak .* kata sandi salah"):
            send(
                SmtpConfig("localhost", sink.port, "kominfo", "salah", "starttls", cafile=cert[0]),
                letter(),
            )
        with pytest.raises(MailError, match="Sertifikat TLS server SMTP"):
            send(SmtpConfig("localhost", sink.port, "kominfo", "rahasia", "starttls"), letter())


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_auth_failure_and_refused_recipients():
    with SmtpSink(user="kominfo", password="rahasia") as sink:
        with pytest.raises(MailError, match="Login SMTP ditolak untuk kominfo"):
            send(SmtpConfig(sink.host, sink.port, "kominfo", "salah", "plain"), letter())
    with SmtpSink(refuse=("bkd@trenggalekkab.go.id", "setda@trenggalekkab.go.id")) as sink:
        with pytest.raises(MailError, match="Semua penerima ditolak .*bkd@.*550"):
            send(SmtpConfig(sink.host, sink.port, security="plain"), letter())
    with SmtpSink(refuse=("bkd@trenggalekkab.go.id",)) as sink:
        with pytest.raises(MailError, match="Sebagian penerima ditolak"):
            send(SmtpConfig(sink.host, sink.port, security="plain"), letter())
        assert len(sink.messages) == 1


def test_connection_errors():
    with pytest.raises(MailError, match="menolak koneksi"):
        send(SmtpConfig("127.0.0.1", 1, security="plain"), letter())
    with pytest.raises(MailError, match="tanpa enkripsi ke smtp.example.com ditolak"):
        send(SmtpConfig("smtp.example.com", 25, "u", "p", security="plain"), letter())


@pytest.mark.parametrize("kind", list(KINDS))
def test_forward_attaches_the_original(kind):
    raw = KINDS[kind][0](4)
    fwd = build_forward(raw, OFFICE, ["dinkes@trenggalekkab.go.id"], "Mohon ditindaklanjuti.")
    data = fwd.as_bytes()
    if raw.isascii():
        assert raw in data  # the original travels byte for byte
    reparsed = message_from_bytes(data, policy=policy.default)
    assert reparsed.get_content_type() == "multipart/mixed"
    mail = parse_message(data)
    assert mail.subject.startswith("Fwd: ") and mail.to == ["dinkes@trenggalekkab.go.id"]
    assert mail.text.startswith("Mohon ditindaklanjuti.\n\n---------- Pesan diteruskan")
    (original,) = mail.attachments
    assert original.content_type == "message/rfc822"
    assert parse_message(original.data).subject[:100] == parse_message(raw).subject[:100]
    assert fwd["References"] == parse_message(raw).message_id


def test_outbox_folder(tmp_path):
    outbox = OutboxFolder(tmp_path / "keluar")
    message_id = outbox.send(letter())
    (path,) = (tmp_path / "keluar").iterdir()
    assert path.suffix == ".eml"
    assert parse_message(path.read_bytes()).message_id == message_id
