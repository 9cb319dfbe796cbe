"""Class 1 / 1.0 (ITU-T T.31) fax send driver: the host runs T.30 over +FTH/+FRH/+FTM/+FTS.

The modem only modulates: V.21 HDLC frames for the T.30 dialogue, V.17/V.29/V.27ter for the
training check and the pages. A page counts when the receiver confirmed it (MCF, or RTP/PIP);
the call is sent when every page was confirmed (the last one's MCF ends the T.30 procedure).
"""

from __future__ import annotations

import contextlib
import re
import threading

from hw.modem.call import CallFrame
from hw.modem.channel import CAN, Aborted
from hw.modem.class1_link import Class1Link
from hw.modem.class1_phases import Class1Phases
from hw.modem.codes import DIAL_RESULTS, MESSAGES
from hw.modem.pages import CallEnded
from hw.modem.port import ModemPort
from hw.modem.t30 import DCN, command
from hw.modem.types import (
    FaxDriver,
    ModemConfig,
    ModemError,
    ModemInfo,
    ModemTimeout,
    ModemUnavailable,
    ProgressCallback,
    SendResult,
)

CLASSES = ("1", "1.0")


class Class1Driver(ModemPort, CallFrame, Class1Link, Class1Phases, FaxDriver):
    """Send faxes through a Class 1 or Class 1.0 modem on a serial port."""

    def __init__(self, config: ModemConfig, trace=None):
        if config.fax_class not in CLASSES:
            raise ValueError(f"fax_class must be '1' or '1.0', not {config.fax_class!r}")
        super().__init__(config, trace)

    # -- modem setup ------------------------------------------------------------------------

    def identify(self) -> ModemInfo:
        try:
            with self._open():
                self._reset()
                info = ModemInfo(ati=self._query("I"))
                info.classes = [c.strip() for c in self._query("+FCLASS=?").split(",") if c.strip()]
                if set(CLASSES) & set(info.classes):
                    self._fax_class()
                    info.manufacturer, info.model, info.revision = (
                        self._query(f"+FM{x}?") or self._query(f"+GM{x}") for x in "IMR"
                    )
                    self.ch.command("AT+FCLASS=0", self.config.at_timeout)
                return info
        except (ModemTimeout, OSError) as error:
            raise self._unavailable(error) from error

    def _fax_class(self) -> None:
        """AT+FCLASS=1 or =1.0, the configured spelling first."""
        cfg = self.config
        for value in sorted(CLASSES, key=lambda c: c != cfg.fax_class):
            if self.ch.command("AT+FCLASS=" + value, cfg.at_timeout)[0] == "OK":
                return
        raise ModemUnavailable("no_fax_class", device=cfg.device, fax_class=cfg.fax_class)

    def _setup(self) -> None:
        cfg = self.config
        self._reset()
        self._fax_class()
        flow = {"rtscts": 2, "xonxoff": 1}.get(cfg.flow, 0)
        self.ch.command(f"AT+FLO={flow}", cfg.at_timeout)  # optional: some modems only take AT&K
        codes = {int(c) for c in re.findall(r"\d+", self._query("+FTM=?"))}
        self._offered = codes or None  # a modem that does not say: try every speed

    # -- sending ----------------------------------------------------------------------------

    def send(
        self,
        number: str,
        pages: list[bytes],
        progress_cb: ProgressCallback | None = None,
        abort_event: threading.Event | None = None,
        fine: bool = False,
        first_page: int = 1,
    ) -> SendResult:
        self._connected = False

        def transmit() -> None:
            self._negotiate(self._remote_capabilities(), fine)
            self._train()
            self._send_pages(pages, fine)
            self._sent()
            self._disconnect()

        return self._call(
            number, pages, progress_cb, abort_event, first_page, self._setup, transmit
        )

    def _end(self, text: str, retry_kind: str | None, code: str | None) -> None:
        """Record why the call ends (the first reason wins) and end it."""
        self._fail_text(text, retry_kind)
        if code and self._result.hangup_code is None:
            self._result.hangup_code = code
        raise CallEnded

    def _dial(self, number: str) -> None:
        cfg = self.config
        mode = "P" if cfg.dial_mode == "pulse" else "T"
        digits = "".join(c for c in cfg.dial_prefix + number if c in "0123456789*#,W@!")
        self._progress("dialing")
        self.ch.send_command(f"ATD{mode}{digits}")
        self._result.reached_line = True
        try:
            final, _ = self.ch.wait_final(cfg.dial_timeout, "panggilan", self._abort)
        except Aborted:
            self.ch.write(bytes([CAN]))
            with contextlib.suppress(ModemError):
                self.ch.wait_final(cfg.at_timeout, "batal panggil")
            raise
        if final == "CONNECT":  # V.21 flags heard: the receiver's first frame is coming
            self._online = self._connected = True
            return
        message_id, retry_kind = DIAL_RESULTS.get(final, ("no_carrier", "failure"))
        self._end(MESSAGES[message_id], retry_kind, None)

    def _disconnect(self) -> None:
        """DCN, the end of the T.30 session. After the last MCF the document is delivered
        whatever comes of it: many receivers drop the line at once."""
        self._online = False
        with contextlib.suppress(ModemError):
            self._send_frames([command(DCN)])

    def _hang_up(self) -> None:
        """Close the T.30 session (DCN) if the line is still up, then ATH0 (twice if need be)."""
        t = self.config.at_timeout
        try:
            if self._online:
                self._disconnect()
            if self._connected:
                self._progress("hangup", self._result.hangup_code or "")
            for _ in range(2):
                with contextlib.suppress(ModemError):
                    if self.ch.command("ATH0", t)[0] == "OK":
                        return
        except OSError as error:
            self._failed(error)
