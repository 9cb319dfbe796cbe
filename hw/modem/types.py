"""Plain data shared by fax drivers: configuration, negotiated parameters, results, errors."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from hw.modem.codes import MESSAGES, UNAVAILABLE

BIT_RATES = (2400, 4800, 7200, 9600, 12000, 14400)
ProgressCallback = Callable[..., None]


class ModemError(Exception):
    """A modem failure; ``message`` is the Indonesian text for the user."""

    def __init__(self, message_id: str, **details):
        self.message_id = message_id
        self.details = details
        self.message = MESSAGES[message_id].format(**details)
        super().__init__(self.message)


class ModemUnavailable(ModemError):
    """The modem cannot be used at all (no call was made); ``reason`` is an UNAVAILABLE key."""

    def __init__(self, reason: str, **details):
        super().__init__("unavailable", reason=UNAVAILABLE[reason].format(**details))
        self.reason = reason


class ModemTimeout(ModemError):
    """No final response in time; ``heard`` tells whether anything at all came back."""

    def __init__(self, what: str, heard: bool = False):
        super().__init__("timeout", what=what)
        self.heard = heard


@dataclass
class ModemConfig:
    """How to reach and drive one fax modem. Timeouts are in seconds."""

    device: str
    speed: int = 19200
    fax_class: str = "2.0"  # "2.0" (T.32), "2" (SP-2388), "1"/"1.0" (T.31) or "auto"
    flow: str = "rtscts"  # "rtscts", "xonxoff" or "none"
    lsb_first: bool = True  # +FBO=0: bytes go LSB first on the line
    local_id: str = ""
    dial_prefix: str = ""  # outside-line prefix such as "9,"
    dial_mode: str = "tone"  # "tone" (ATDT) or "pulse" (ATDP)
    max_bit_rate: int = 14400
    page_retries: int = 1  # resend a page refused with RTN this many times
    at_timeout: float = 3.0
    dial_timeout: float = 90.0
    page_timeout: float = 60.0  # +FDT -> CONNECT, post-page response, final hang-up report
    xon_timeout: float = 10.0  # Class 2: CONNECT -> XON
    write_timeout: float = 30.0  # a stalled write (flow control never released)
    lock_dir: str = "/var/lock"  # UUCP-style LCK..<device> files, shared with other programs


@dataclass(frozen=True)
class SessionParams:
    """T.30 session parameters as reported by +FCS:/+FDCS: (vr,br,wd,ln,df,ec,bf,st)."""

    vr: int = 0
    br: int = 3
    wd: int = 0
    ln: int = 0
    df: int = 0
    ec: int = 0
    bf: int = 0
    st: int = 0

    @classmethod
    def parse(cls, text: str) -> SessionParams:
        values = [int(v, 16) if v.strip() else 0 for v in text.split(",")[:8]]
        return cls(*values)

    @property
    def fine(self) -> bool:
        return self.vr & 1 == 1

    @property
    def bit_rate(self) -> int:
        return BIT_RATES[min(self.br, len(BIT_RATES) - 1)]


@dataclass
class ModemInfo:
    """What a modem says about itself."""

    manufacturer: str = ""
    model: str = ""
    revision: str = ""
    classes: list[str] = field(default_factory=list)
    ati: str = ""


@dataclass
class SendResult:
    """What the line did in one call.

    ``ok`` only when the modem confirmed every page and then reported a normal end of the
    call (+FHS:00 / +FHNG:0); ``page_results`` and ``pages_sent`` count confirmed pages only.
    """

    ok: bool = False
    pages_sent: int = 0
    pages_total: int = 0
    page_results: list[bool] = field(default_factory=list)
    remote_id: str = ""
    resolution: str = ""  # "standard" / "fine" as negotiated
    bit_rate: int = 0
    hangup_code: str | None = None
    message: str = ""
    retry_kind: str | None = None  # "busy", "no_answer", "failure" or None (no retry)
    aborted: bool = False  # the abort event was set (the caller knows why)
    reached_line: bool = False  # ATD was sent: the call is an attempt, whatever came of it
    vanished: bool = False  # the port itself failed mid-call (USB unplugged: EIO)
    started: datetime | None = None
    ended: datetime | None = None

    @property
    def duration(self) -> float:
        if self.started is None or self.ended is None:
            return 0.0
        return (self.ended - self.started).total_seconds()


class FaxDriver(ABC):
    """What the spool daemon needs from any fax driver (Class 1/1.0, Class 2/2.0)."""

    @abstractmethod
    def identify(self) -> ModemInfo:
        """Ask the modem who it is; raises ModemError."""

    @abstractmethod
    def send(
        self,
        number: str,
        pages: list[bytes],
        progress_cb: ProgressCallback | None = None,
        abort_event: threading.Event | None = None,
        fine: bool = False,
        first_page: int = 1,
    ) -> SendResult:
        """Dial and send T.4 MH pages (MSB-first, as hw.t4.encode_page makes them).

        ``first_page`` is the document's number of ``pages[0]`` (a retry sends the rest), used
        in messages; progress events count from 1 within ``pages``.

        Never raises for call or modem failures: they come back in the SendResult.
        ``reached_line`` False means the modem could not be used at all (not opened, locked
        by another program, not answering): no call was made.
        """
