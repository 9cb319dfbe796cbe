"""An aiosmtpd sink on a real 127.0.0.1 port that keeps what it receives.

Optional AUTH (user/password) and STARTTLS (with a certificate from `cert`/`key`).
`smtp_sink` is the pytest fixture (plain, no AUTH; a test module imports `smtp_sink_fixture`
to get it); `SmtpSink(...)` builds the other variants.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.dovecot import free_port


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes


@dataclass
class _Handler:
    messages: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address.lower() in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(
            Received(
                envelope.mail_from,
                list(envelope.rcpt_tos),
                envelope.original_content or envelope.content,
            )
        )
        return "250 Message accepted"


class SmtpSink:
    """A running SMTP server; use as a context manager. `.messages` holds what arrived."""

    def __init__(
        self,
        user: str = "",
        password: str = "",
        cert: str = "",
        key: str = "",
        refuse: tuple[str, ...] = (),
    ) -> None:
        self.host = "127.0.0.1"
        self.port = free_port()
        self.user, self.password = user, password
        self.handler = _Handler(refuse={r.lower() for r in refuse})
        kwargs: dict = {}
        if cert:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(cert, key)
            kwargs.update(tls_context=context, require_starttls=True)
        if user:
            kwargs.update(
                authenticator=self._authenticate, auth_required=True, auth_require_tls=bool(cert)
            )
        self.controller = Controller(self.handler, hostname=self.host, port=self.port, **kwargs)

    @property
    def messages(self) -> list[Received]:
        return self.handler.messages

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == self.user
            and auth_data.password.decode() == self.password
        )
        return AuthResult(success=ok, handled=False)

    def __enter__(self) -> SmtpSink:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


@pytest.fixture(name="smtp_sink")
def smtp_sink_fixture():
    """A plain SMTP sink on 127.0.0.1 without AUTH."""
    with SmtpSink() as sink:
        yield sink
