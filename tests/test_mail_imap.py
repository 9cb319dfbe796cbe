"""IMAP intake against a real Dovecot on loopback."""

import threading
import time

import pytest

from mail.errors import MailError
from mail.imap import ImapConfig, ImapInbox, SyncState, append_sent, sync
from mail.parse import parse_message
from tests.dovecot import dovecot_server_fixture  # noqa: F401  (fixture dovecot_server)
from tests.hostile_mail import KINDS, corpus, plain


def config(server, **kw) -> ImapConfig:
    values = dict(
        host=server.host,
        port=server.port,
        user=server.user,
        password=server.password,
        security="plain",
    )
    values.update(kw)
    return ImapConfig(**values)


def store(fetched, kept: set, parsed: list) -> None:
    """What the daemon does: parse, dedupe by (message_id, sha256), keep."""
    for item in fetched:
        mail = parse_message(item.raw)
        key = (mail.message_id, mail.sha256)
        if key not in kept:
            kept.add(key)
            parsed.append(mail)


def test_hostile_corpus_sync_resync_and_uidvalidity_change(dovecot_server):
    messages = corpus(300, big=True)
    dovecot_server.deliver([raw for _, _, raw in messages], folder="Uji")
    cfg = config(dovecot_server, folder="Uji")

    fetched, state = sync(cfg, SyncState())
    assert len(fetched) == len(messages) and state.last_uid == len(messages)
    assert [f.raw for f in fetched] == [raw for _, _, raw in messages]  # byte for byte
    kept, parsed = set(), []
    store(fetched, kept, parsed)
    assert len(parsed) == len(messages)
    for (kind, number, _), mail in zip(messages, parsed, strict=True):
        expected = KINDS.get(kind, (None, None))[1]
        if expected:
            assert any(expected in w for w in mail.warnings), (kind, mail.warnings)
        assert str(number) in mail.subject

    again, same = sync(cfg, state)
    assert again == [] and same == state

    dovecot_server.doveadm(
        "mailbox",
        "update",
        "--uid-validity",
        str(state.uidvalidity + 7),
        "-u",
        dovecot_server.user,
        "Uji",
    )
    refetched, new_state = sync(cfg, state)
    assert new_state.uidvalidity == state.uidvalidity + 7
    assert len(refetched) == len(messages)
    store(refetched, kept, parsed)
    assert len(parsed) == len(messages)  # the caller-side dedupe saw them all before


def test_incremental_fetch_checkpoints_and_batches(dovecot_server):
    cfg = config(dovecot_server, folder="Inkremental")
    dovecot_server.deliver([plain(i) for i in range(5)], folder="Inkremental")
    with ImapInbox(cfg) as inbox:
        items = list(inbox.fetch_new(SyncState(), batch=2))
        assert [int(i.ref) for i in items] == [1, 2, 3, 4, 5]
        assert [i.state.last_uid for i in items] == [1, 2, 3, 4, 5]
        assert inbox.state == items[-1].state
    dovecot_server.deliver([plain(i) for i in range(5, 8)], folder="Inkremental")
    fetched, state = sync(cfg, items[2].state)  # stopped after the third one
    assert [f.ref for f in fetched] == ["4", "5", "6", "7", "8"] and state.last_uid == 8


@pytest.mark.parametrize("after", ["seen", "move:Arsip Masuk"])
def test_post_intake_action(dovecot_server, after):
    folder = f"Aksi-{after[:4]}"
    dovecot_server.deliver([plain(1), plain(2)], folder=folder)
    with ImapInbox(config(dovecot_server, folder=folder, after=after)) as inbox:
        items = list(inbox.fetch_new(SyncState()))
        inbox.mark_done([i.ref for i in items])
    with dovecot_server.client() as client:
        if after == "seen":
            client.select_folder(folder, readonly=True)
            assert client.search(["UNSEEN"]) == []
        else:
            assert client.folder_status(folder, ["MESSAGES"])[b"MESSAGES"] == 0
            assert client.folder_status("Arsip Masuk", ["MESSAGES"])[b"MESSAGES"] >= 2


def test_fetch_does_not_mark_seen(dovecot_server):
    dovecot_server.deliver([plain(1)], folder="Peek")
    sync(config(dovecot_server, folder="Peek"), SyncState())
    with dovecot_server.client() as client:
        client.select_folder("Peek", readonly=True)
        assert client.search(["UNSEEN"]) == [1]


def test_idle_wait_sees_new_mail(dovecot_server):
    cfg = config(dovecot_server, folder="Idle")
    dovecot_server.deliver([plain(1)], folder="Idle")
    with ImapInbox(cfg) as inbox:
        assert inbox.idle_wait(0.1) is True  # not fetched yet
        list(inbox.fetch_new(SyncState()))
        assert inbox.idle_wait(0.3) is False
        dovecot_server.deliver([plain(2)], folder="Idle")
        assert inbox.idle_wait(5) is True  # arrived between two waits
        list(inbox.fetch_new(inbox.state))
        timer = threading.Timer(0.5, dovecot_server.deliver, ([plain(3)], "Idle"))
        timer.start()
        started = time.monotonic()
        assert inbox.idle_wait(10) is True  # arrived during IDLE
        assert time.monotonic() - started < 5
        timer.join()


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_tls_modes(dovecot_server, security):
    port = dovecot_server.ssl_port if security == "ssl" else dovecot_server.port
    cfg = config(
        dovecot_server,
        folder="INBOX",
        security=security,
        port=port,
        cafile=dovecot_server.cafile,
        host="localhost",
    )
    sync(cfg, SyncState())
    with pytest.raises(MailError, match="Sertifikat TLS .* tidak sah"):
        sync(config(dovecot_server, security=security, port=port), SyncState())


def test_errors_are_indonesian(dovecot_server):
    with pytest.raises(MailError, match="Login IMAP ditolak .* kata sandi salah"):
        sync(config(dovecot_server, password="salah"), SyncState())
    with pytest.raises(MailError, match="tanpa enkripsi ke imap.example.com ditolak"):
        sync(config(dovecot_server, host="imap.example.com"), SyncState())
    with pytest.raises(MailError, match="menolak koneksi"):
        sync(config(dovecot_server, port=1), SyncState())
    with pytest.raises(MailError, match="Folder TidakAda tidak dapat dibuka"):
        sync(config(dovecot_server, folder="TidakAda"), SyncState())


def test_append_sent_creates_folder(dovecot_server):
    cfg = config(dovecot_server)
    assert append_sent(cfg, plain(41), folder="Terkirim") == "Terkirim"
    assert append_sent(cfg, plain(42)) == "Sent"
    with dovecot_server.client() as client:
        client.select_folder("Terkirim", readonly=True)
        uids = client.search(["SEEN"])
        assert client.fetch(uids, ["BODY.PEEK[]"])[uids[0]][b"BODY[]"] == plain(41)
