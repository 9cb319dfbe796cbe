"""IMAP intake with imapclient: incremental fetch by UID, UIDVALIDITY checks, IDLE, Sent copies."""

from __future__ import annotations

import ssl
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from mail.errors import MailError
from mail.net import check_security, connection_error

BATCH = 200  # UIDs per FETCH
SEEN = rb"\Seen"


@dataclass(frozen=True)
class ImapConfig:
    """Where the office mailbox lives and what to do with fetched mail."""

    host: str
    port: int
    user: str
    password: str
    security: str = "ssl"  # "ssl" | "starttls" | "plain" (loopback only)
    folder: str = "INBOX"
    after: str = "none"  # "none" | "seen" | "move:Folder"
    cafile: str | None = None  # extra CA (e.g. a self-signed office server)
    timeout: float = 60.0


@dataclass(frozen=True)
class SyncState:
    """Where the last sync stopped; the caller stores it (IMAP uses uid*, a maildir last_key)."""

    uidvalidity: int | None = None
    last_uid: int = 0
    last_key: str = ""


@dataclass(frozen=True)
class Fetched:
    """One fetched message; `state` is what to store once this message is safely kept."""

    ref: str
    raw: bytes
    state: SyncState


def connect(config: ImapConfig) -> IMAPClient:
    """A logged-in client, or MailError with the reason in Indonesian."""
    check_security(config.host, config.security, "IMAP")
    context = ssl.create_default_context(cafile=config.cafile)
    try:
        client = IMAPClient(
            config.host,
            config.port,
            ssl=config.security == "ssl",
            ssl_context=context,
            timeout=config.timeout,
        )
    except (OSError, IMAPClientError) as exc:
        raise connection_error("IMAP", config.host, config.port, exc) from exc
    try:
        if config.security == "starttls":
            if not client.has_capability("STARTTLS"):
                raise MailError(f"Server IMAP {config.host} tidak mendukung STARTTLS")
            client.starttls(context)
        client.login(config.user, config.password)
    except LoginError as exc:
        _quiet_close(client)
        raise MailError(
            f"Login IMAP ditolak untuk {config.user}: kata sandi salah atau akun tidak aktif"
        ) from exc
    except (OSError, IMAPClientError) as exc:
        _quiet_close(client)
        raise connection_error("IMAP", config.host, config.port, exc) from exc
    except MailError:
        _quiet_close(client)
        raise
    return client


def _quiet_close(client: IMAPClient) -> None:
    try:
        client.shutdown()
    except Exception:  # the connection is already broken; nothing to report
        pass


class ImapInbox:
    """A session on the configured folder. Use as a context manager."""

    def __init__(self, config: ImapConfig) -> None:
        self.config = config
        self.client: IMAPClient | None = None
        self.state = SyncState()  # after fetch_new: the state to store once all is kept

    def __enter__(self) -> ImapInbox:
        self.client = connect(self.config)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            try:
                self.client.logout()
            except Exception:  # logging out of a dead connection
                _quiet_close(self.client)
            self.client = None

    def _select(self) -> dict:
        try:
            return self.client.select_folder(
                self.config.folder, readonly=self.config.after == "none"
            )
        except IMAPClientError as exc:
            raise MailError(f"Folder {self.config.folder} tidak dapat dibuka: {exc}") from exc
        except OSError as exc:
            raise connection_error("IMAP", self.config.host, self.config.port, exc) from exc

    def fetch_new(self, state: SyncState, batch: int = BATCH) -> Iterator[Fetched]:
        """Messages with a UID above `state.last_uid`; all of them if UIDVALIDITY changed."""
        info = self._select()
        validity = int(info[b"UIDVALIDITY"])
        last = state.last_uid if state.uidvalidity == validity else 0
        self.state = replace(state, uidvalidity=validity, last_uid=last)
        uidnext = int(info.get(b"UIDNEXT", 0))
        if info.get(b"EXISTS", 0) == 0 or (uidnext and uidnext <= last + 1):
            return
        try:
            uids = sorted(u for u in self.client.search(["UID", f"{last + 1}:*"]) if u > last)
            for start in range(0, len(uids), batch):
                chunk = uids[start : start + batch]
                data = self.client.fetch(chunk, ["BODY.PEEK[]"])
                for uid in chunk:
                    raw = data.get(uid, {}).get(b"BODY[]")
                    if raw is None:
                        continue  # expunged meanwhile
                    self.state = replace(self.state, last_uid=uid)
                    yield Fetched(str(uid), raw, self.state)
        except IMAPClientError as exc:
            raise MailError(f"Pengambilan email gagal: {exc}") from exc
        except OSError as exc:
            raise connection_error("IMAP", self.config.host, self.config.port, exc) from exc

    def mark_done(self, refs: Iterable[str]) -> None:
        """Apply the configured post-intake action (seen / move) to messages safely stored."""
        uids = [int(r) for r in refs]
        after = self.config.after
        if not uids or after == "none":
            return
        try:
            if after == "seen":
                self.client.add_flags(uids, [SEEN])
            elif after.startswith("move:"):
                target = after.removeprefix("move:")
                if not self.client.folder_exists(target):
                    self.client.create_folder(target)
                if self.client.has_capability("MOVE"):
                    self.client.move(uids, target)
                else:
                    self.client.copy(uids, target)
                    self.client.delete_messages(uids)
                    self.client.uid_expunge(uids)
            else:
                raise MailError(f"Tindakan setelah ambil tidak dikenal: {after}")
        except IMAPClientError as exc:
            raise MailError(f"Tindakan setelah ambil ({after}) gagal: {exc}") from exc
        except OSError as exc:
            raise connection_error("IMAP", self.config.host, self.config.port, exc) from exc

    def idle_wait(self, timeout: float) -> bool:
        """True at once if mail newer than the last fetch waits, else wait up to `timeout` s
        for some (IDLE, or NOOP polling when the server lacks IDLE)."""
        info = self._select()
        if (
            int(info[b"UIDVALIDITY"]) != self.state.uidvalidity
            or int(info.get(b"UIDNEXT", 0)) > self.state.last_uid + 1
        ):
            return True
        try:
            if self.client.has_capability("IDLE"):
                self.client.idle()
                try:
                    responses = self.client.idle_check(timeout)
                finally:
                    self.client.idle_done()
            else:
                time.sleep(timeout)
                responses = self.client.noop()[1]
        except (IMAPClientError, OSError) as exc:
            raise connection_error("IMAP", self.config.host, self.config.port, exc) from exc
        return any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses)

    def append(self, raw: bytes, folder: str | None = None) -> str:
        """Store `raw` (seen) in `folder`, default the \\Sent special-use folder or "Sent"."""
        try:
            if folder is None:
                folder = self.client.find_special_folder(rb"\Sent") or "Sent"
            if not self.client.folder_exists(folder):
                self.client.create_folder(folder)
                self.client.subscribe_folder(folder)
            self.client.append(folder, raw, flags=[SEEN])
        except IMAPClientError as exc:
            raise MailError(f"Gagal menyimpan salinan ke folder {folder}: {exc}") from exc
        except OSError as exc:
            raise connection_error("IMAP", self.config.host, self.config.port, exc) from exc
        return folder


def probe(config: ImapConfig) -> None:
    """Log in and open the folder read-only, as intake would; MailError says why not."""
    with ImapInbox(replace(config, after="none")) as inbox:
        inbox._select()


def sync(config: ImapConfig, state: SyncState) -> tuple[list[Fetched], SyncState]:
    """Fetch everything new in one go; returns the messages and the state to store."""
    with ImapInbox(config) as inbox:
        fetched = list(inbox.fetch_new(state))
        return fetched, inbox.state


def append_sent(config: ImapConfig, raw: bytes, folder: str | None = None) -> str:
    """Copy an outgoing message to the Sent folder (created if missing); returns the folder."""
    with ImapInbox(config) as inbox:
        return inbox.append(raw, folder)
