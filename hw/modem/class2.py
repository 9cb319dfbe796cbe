"""Class 2.0 (ITU-T T.32 / EIA-592) and Class 2 (SP-2388) fax send driver.

Where the dialects differ:
  ==================  =================  ==========================
  what                Class 2.0          Class 2
  ==================  =================  ==========================
  local ID            +FLI="..."         +FLID="..."
  capabilities        +FCC=              +FDCC=
  bit order           +FBO=              +FBOR=
  identification      +FMI? +FMM? +FMR?  +FMFR? +FMDL? +FREV?
  connect / CSI       +FCO  +FCI:        +FCON  +FCSI:
  DIS / DCS           +FIS: +FCS:        +FDIS: +FDCS:
  after CONNECT       send data at once  wait for XON (DC1)
  end of page         <DLE> + , ; .      <DLE><ETX>, OK, AT+FET=0/1/2
  page status         OK/ERROR, +FPS?    +FPTS:
  hangup report       +FHS:              +FHNG:
  cancel page data    <CAN>              <DLE><ETX>
  abort               AT+FKS             AT+FK
  ==================  =================  ==========================

A call is only what the line did: a page counts when the modem confirmed it, and the job is
sent only when the modem then reported the normal end of the call (+FHS:00 / +FHNG:0).
"""

from __future__ import annotations

import contextlib
import threading

from hw.modem.call import CallFrame
from hw.modem.channel import CAN, DLE, ETX, Aborted, dle_stuff
from hw.modem.codes import DIAL_RESULTS, MESSAGES, hangup_message, hangup_retry_kind
from hw.modem.pages import CallEnded, PagePhase
from hw.modem.port import ModemPort, value
from hw.modem.types import (
    BIT_RATES,
    FaxDriver,
    ModemConfig,
    ModemError,
    ModemInfo,
    ModemTimeout,
    ModemUnavailable,
    ProgressCallback,
    SendResult,
    SessionParams,
)
from hw.t4 import reverse_bits

_DIALECTS = {
    "2.0": dict(
        lid="+FLI",
        dcc="+FCC",
        bor="+FBO",
        abort="AT+FKS",
        hangup="+FHS:",
        connect="+FCO",
        csi="+FCI:",
        dcs="+FCS:",
        pps="+FPS:",
        cancel=bytes([CAN]),
        ident=("+FMI?", "+FMM?", "+FMR?"),
    ),
    "2": dict(
        lid="+FLID",
        dcc="+FDCC",
        bor="+FBOR",
        abort="AT+FK",
        hangup="+FHNG:",
        connect="+FCON",
        csi="+FCSI:",
        dcs="+FDCS:",
        pps="+FPTS:",
        cancel=bytes([DLE, ETX]),
        ident=("+FMFR?", "+FMDL?", "+FREV?"),
    ),
}


class Class2Driver(ModemPort, CallFrame, PagePhase, FaxDriver):
    """Send faxes through a Class 2.0 or Class 2 modem on a serial port."""

    def __init__(self, config: ModemConfig, trace=None):
        if config.fax_class not in _DIALECTS:
            raise ValueError(f"fax_class must be '2.0' or '2', not {config.fax_class!r}")
        super().__init__(config, trace)
        self.d = _DIALECTS[config.fax_class]

    # -- modem setup ------------------------------------------------------------------------

    def identify(self) -> ModemInfo:
        try:
            with self._open():
                self._reset()
                info = ModemInfo(ati=self._query("I"))
                info.classes = [c.strip() for c in self._query("+FCLASS=?").split(",") if c.strip()]
                if self.config.fax_class in info.classes:
                    self._require("AT+FCLASS=" + self.config.fax_class)
                    info.manufacturer, info.model, info.revision = map(self._query, self.d["ident"])
                    self.ch.command("AT+FCLASS=0", self.config.at_timeout)
                return info
        except (ModemTimeout, OSError) as error:
            raise self._unavailable(error) from error

    def _setup(self, fine: bool) -> None:
        cfg, d, t = self.config, self.d, self.config.at_timeout
        self._reset()
        final, _ = self.ch.command("AT+FCLASS=" + cfg.fax_class, t)
        if final != "OK":
            raise ModemUnavailable("no_fax_class", device=cfg.device, fax_class=cfg.fax_class)
        if cfg.fax_class == "2.0":
            flow = {"rtscts": 2, "xonxoff": 1}.get(cfg.flow, 0)
            self.ch.command(f"AT+FLO={flow}", t)  # optional: some modems only take AT&K
            self.ch.command("AT+FNR=1,1,1,1", t)
        if cfg.local_id:
            local_id = cfg.local_id.replace('"', "'")[:20]
            self._require(f'AT{d["lid"]}="{local_id}"')
        br = max(i for i, r in enumerate(BIT_RATES) if r <= cfg.max_bit_rate or i == 0)
        self._require(f"AT{d['dcc']}={int(fine)},{br},0,2,0,0,0,0")
        self._require(f"AT{d['bor']}={0 if cfg.lsb_first else 1}")

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
        data = [self._prepare(page, i + 1 == len(pages)) for i, page in enumerate(pages)]

        def transmit() -> None:
            self._send_pages(data)
            self._sent()

        return self._call(
            number, pages, progress_cb, abort_event, first_page, lambda: self._setup(fine), transmit
        )

    def _prepare(self, page: bytes, last: bool) -> bytes:
        """All bytes of one page as they go to the modem, made before the page starts."""
        data = dle_stuff(reverse_bits(page) if self.config.lsb_first else page)
        if self.config.fax_class == "2.0":
            return data + bytes([DLE]) + (b"." if last else b",")  # EOP / MPS
        return data + bytes([DLE, ETX])

    def _fail(self, message_id: str, retry_kind: str | None) -> None:
        self._fail_text(MESSAGES[message_id], retry_kind)

    def _hangup_line(self, line: str) -> bool:
        """Record a +FHS:/+FHNG: report; True if the line was one."""
        if not line.startswith(self.d["hangup"]):
            return False
        code = value(line)
        self._result.hangup_code = code
        self._online = False
        self._progress("hangup", code)
        if hangup_retry_kind(code) is not None:
            self._fail_text(hangup_message(code), hangup_retry_kind(code))
        return True

    def _info(self, lines: list[str]) -> None:
        d, result = self.d, self._result
        for line in lines:
            if self._hangup_line(line):
                continue
            if line.startswith(d["csi"]):
                result.remote_id = value(line)
            elif line.startswith(d["dcs"]):
                params = SessionParams.parse(value(line))
                result.resolution = "fine" if params.fine else "standard"
                result.bit_rate = params.bit_rate

    def _dial(self, number: str) -> None:
        cfg = self.config
        mode = "P" if cfg.dial_mode == "pulse" else "T"
        digits = "".join(c for c in cfg.dial_prefix + number if c in "0123456789*#,W@!")
        self._progress("dialing")
        stale = self.ch.send_command(f"ATD{mode}{digits}")
        self._result.reached_line = self._online = True
        try:
            final, info = self.ch.wait_final(cfg.dial_timeout, "panggilan", self._abort)
        except Aborted:
            self.ch.write(bytes([CAN]))
            with contextlib.suppress(ModemError):
                self._info(self.ch.wait_final(cfg.at_timeout, "batal panggil")[1])
            raise
        info = stale + info
        connected = any(line.startswith(self.d["connect"]) for line in info)
        self._info(info)
        if final == "OK" and connected:
            self._progress("connected", self._result.remote_id)
            return
        self._online = False
        if self._result.message:  # a hangup code already explains it
            raise CallEnded
        key = "CONNECT" if final.startswith("CONNECT") else final
        message_id, retry_kind = DIAL_RESULTS.get(key, ("no_carrier", "failure"))
        self._fail(message_id, retry_kind)
        raise CallEnded

    def _hang_up(self) -> None:
        """Leave the line on-hook before the port closes: end the fax session if it is up,
        then ATH0; if that gets no OK, abort the session and try ATH0 once more."""
        t = self.config.at_timeout
        try:
            for attempt in range(2):
                if self._online or attempt:
                    with contextlib.suppress(ModemError):
                        self._info(self.ch.command(self.d["abort"], t)[1])
                with contextlib.suppress(ModemError):
                    if self.ch.command("ATH0", t)[0] == "OK":
                        return
        except OSError as error:
            self._failed(error)
