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
  abort               AT+FKS             AT+FK
  ==================  =================  ==========================
"""

from __future__ import annotations

import contextlib
import threading
from datetime import datetime

from hw.modem.channel import CAN, DLE, ETX, Aborted, ATChannel, dle_stuff
from hw.modem.codes import DIAL_RESULTS, MESSAGES, hangup_message, hangup_retry_kind
from hw.modem.types import (
    BIT_RATES,
    FaxDriver,
    ModemConfig,
    ModemError,
    ModemInfo,
    ModemTimeout,
    ProgressCallback,
    SendResult,
    SessionParams,
)

_DIALECTS = {
    "2.0": dict(lid="+FLI", dcc="+FCC", bor="+FBO", abort="AT+FKS", hangup="+FHS:",
                connect="+FCO", csi="+FCI:", dcs="+FCS:", pps="+FPS:",
                ident=("+FMI?", "+FMM?", "+FMR?")),
    "2": dict(lid="+FLID", dcc="+FDCC", bor="+FBOR", abort="AT+FK", hangup="+FHNG:",
              connect="+FCON", csi="+FCSI:", dcs="+FDCS:", pps="+FPTS:",
              ident=("+FMFR?", "+FMDL?", "+FREV?")),
}
_PPM_20 = {"mps": b",", "eop": b"."}
_PPM_2 = {"mps": 0, "eop": 2}
_GOOD_PPR = (1, 3, 5)  # MCF, RTP, PIP


class _CallEnded(Exception):
    """The call is over early; the SendResult already says why."""


def _value(line: str) -> str:
    return line.split(":", 1)[1].strip().strip('"').strip()


class Class2Driver(FaxDriver):
    """Send faxes through a Class 2.0 or Class 2 modem on a serial port."""

    def __init__(self, config: ModemConfig, trace=None):
        if config.fax_class not in _DIALECTS:
            raise ValueError(f"fax_class must be '2.0' or '2', not {config.fax_class!r}")
        self.config = config
        self.d = _DIALECTS[config.fax_class]
        self.trace = trace
        self.ch: ATChannel | None = None

    # -- port and modem setup -------------------------------------------------------------
    @contextlib.contextmanager
    def _open(self):
        import serial

        cfg = self.config
        try:
            port = serial.Serial(cfg.device, cfg.speed, timeout=0.05,
                                 write_timeout=cfg.write_timeout, rtscts=cfg.flow == "rtscts")
        except (serial.SerialException, OSError, ValueError) as error:
            raise ModemError("port_open", device=cfg.device, reason=error) from error
        with contextlib.suppress(OSError, serial.SerialException):
            port.dtr = True  # ptys and some USB adapters have no modem-control lines
        try:
            self.ch = ATChannel(port, self.trace)
            yield self.ch
        finally:
            self.ch = None
            with contextlib.suppress(OSError, serial.SerialException):
                port.close()

    def _reset(self) -> None:
        t = self.config.at_timeout
        for command in ("ATZ", "AT"):
            try:
                self.ch.command(command, t)
                break
            except ModemTimeout as error:
                heard = error.heard
        else:
            raise ModemError("garbled" if heard else "no_response")
        self.ch.expect_ok("ATE0", t)

    def _query(self, command: str) -> str:
        final, info = self.ch.command("AT" + command, self.config.at_timeout)
        if final != "OK":
            return ""
        return " ".join(_value(i) if ":" in i else i.strip('"') for i in info)

    def identify(self) -> ModemInfo:
        with self._open():
            self._reset()
            info = ModemInfo(ati=self._query("I"))
            info.classes = [c.strip() for c in self._query("+FCLASS=?").split(",") if c.strip()]
            if self.config.fax_class in info.classes:
                self.ch.expect_ok("AT+FCLASS=" + self.config.fax_class, self.config.at_timeout)
                info.manufacturer, info.model, info.revision = map(self._query, self.d["ident"])
                self.ch.command("AT+FCLASS=0", self.config.at_timeout)
            return info

    def _setup(self, fine: bool) -> None:
        cfg, d, t = self.config, self.d, self.config.at_timeout
        self._reset()
        final, _ = self.ch.command("AT+FCLASS=" + cfg.fax_class, t)
        if final != "OK":
            raise ModemError("no_fax_class", fax_class=cfg.fax_class)
        if cfg.fax_class == "2.0":
            flow = {"rtscts": 2, "xonxoff": 1}.get(cfg.flow, 0)
            self.ch.command(f"AT+FLO={flow}", t)  # optional: some modems only take AT&K
            self.ch.command("AT+FNR=1,1,1,1", t)
        if cfg.local_id:
            local_id = cfg.local_id.replace('"', "'")[:20]
            self.ch.expect_ok(f'AT{d["lid"]}="{local_id}"', t)
        br = max(i for i, r in enumerate(BIT_RATES) if r <= cfg.max_bit_rate or i == 0)
        self.ch.expect_ok(f"AT{d['dcc']}={int(fine)},{br},0,2,0,0,0,0", t)
        self.ch.expect_ok(f"AT{d['bor']}={0 if cfg.lsb_first else 1}", t)

    # -- sending ----------------------------------------------------------------------------
    def send(self, number: str, pages: list[bytes], progress_cb: ProgressCallback | None = None,
             abort_event: threading.Event | None = None, fine: bool = False) -> SendResult:
        result = SendResult(pages_total=len(pages), started=datetime.now())
        self._result, self._abort = result, abort_event or threading.Event()
        self._progress = progress_cb or (lambda *event: None)
        self._online, self._current = False, 0
        try:
            if not pages:
                raise ModemError("no_pages")
            with self._open():
                try:
                    self._setup(fine)
                    self._dial(number)
                    self._send_pages(pages)
                    result.ok = all(result.page_results) and result.pages_sent == len(pages)
                    if result.ok:
                        result.message = MESSAGES["sent"]
                except _CallEnded:
                    pass
                except Aborted:
                    result.message, result.retry_kind = MESSAGES["aborted"], None
                    result.aborted = True
                except ModemError as error:
                    self._fail_text(error.message, "failure")
                finally:
                    self._hang_up()
        except ModemError as error:
            self._fail_text(error.message, "failure")
        if not result.ok and not result.message:
            self._fail_text(MESSAGES["protocol"].format(detail="sesi berakhir sebelum selesai"),
                            "failure")
        result.ended = datetime.now()
        return result

    def _fail(self, message_id: str, retry_kind: str | None) -> None:
        self._fail_text(MESSAGES[message_id], retry_kind)

    def _fail_text(self, text: str, retry_kind: str | None) -> None:
        if not self._result.message:
            self._result.message, self._result.retry_kind = text, retry_kind

    def _hangup_line(self, line: str) -> bool:
        """Record a +FHS:/+FHNG: report; True if the line was one."""
        if not line.startswith(self.d["hangup"]):
            return False
        code = _value(line)
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
                result.remote_id = _value(line)
            elif line.startswith(d["dcs"]):
                params = SessionParams.parse(_value(line))
                result.resolution = "fine" if params.fine else "standard"
                result.bit_rate = params.bit_rate

    def _dial(self, number: str) -> None:
        cfg = self.config
        mode = "P" if cfg.dial_mode == "pulse" else "T"
        digits = "".join(c for c in cfg.dial_prefix + number if c in "0123456789*#,W@!")
        self._progress("dialing")
        self.ch.send_command(f"ATD{mode}{digits}")
        self._online = True
        try:
            final, info = self.ch.wait_final(cfg.dial_timeout, "panggilan", self._abort)
        except Aborted:
            self.ch.write(bytes([CAN]))
            with contextlib.suppress(ModemError):
                self._info(self.ch.wait_final(cfg.at_timeout, "batal panggil")[1])
            raise
        connected = any(line.startswith(self.d["connect"]) for line in info)
        self._info(info)
        if final == "OK" and connected:
            self._progress("connected", self._result.remote_id)
            return
        self._online = False
        if self._result.message:  # a hangup code already explains it
            raise _CallEnded
        key = "CONNECT" if final.startswith("CONNECT") else final
        message_id, retry_kind = DIAL_RESULTS.get(key, ("no_carrier", "failure"))
        self._fail(message_id, retry_kind)
        raise _CallEnded

    def _send_pages(self, pages: list[bytes]) -> None:
        from hw.t4 import reverse_bits

        cfg, result = self.config, self._result
        index, tries = 0, 0
        while index < len(pages):
            if self._abort.is_set():
                raise Aborted
            self._current = index
            self._progress("page", index + 1, len(pages))
            self._start_page()
            data = reverse_bits(pages[index]) if cfg.lsb_first else pages[index]
            ended = self.ch.send_data(dle_stuff(data), cfg.flow == "xonxoff", cfg.write_timeout,
                                      self._abort)
            if ended == "aborted":
                self.ch.write(bytes([DLE, ETX]))
                raise Aborted
            if ended is not None:
                self._line_dropped()
            ppm = "mps" if index + 1 < len(pages) else "eop"
            good = self._end_page(ppm)
            if good:
                result.page_results[index:] = [True]
                result.pages_sent += 1
                self._progress("page_result", index + 1, True)
                index, tries = index + 1, 0
                continue
            result.page_results[index:] = [False]
            self._progress("page_result", index + 1, False)
            tries += 1
            if tries > cfg.page_retries or not self._online:
                self._fail("rtn", "failure")
                raise _CallEnded

    def _start_page(self) -> None:
        final, info = self.ch.command("AT+FDT", self.config.page_timeout, "mulai halaman")
        self._info(info)
        if final != "CONNECT":
            self._fail_text(self._result.message or MESSAGES["protocol"].format(
                detail=f"AT+FDT: {final}"), "failure")
            raise _CallEnded
        if self.config.fax_class == "2" and not self.ch.wait_byte(0x11, self.config.xon_timeout):
            raise ModemTimeout("XON setelah CONNECT")

    def _line_dropped(self) -> None:
        with contextlib.suppress(ModemError):
            self._info(self.ch.wait_final(self.config.at_timeout, "putus")[1])
        self._dropped()

    def _dropped(self) -> None:
        self._result.page_results[self._current:] = [False]
        self._online = False
        self._result.message = ""  # the drop is the story, not the phase-C code text
        self._fail("dropped", "failure")
        raise _CallEnded

    def _post_page_reply(self, final: str, info: list[str]) -> None:
        """Record what came with a post-page reply; a lost line ends the call."""
        self._info(info)
        code = self._result.hangup_code
        if final == "NO CARRIER" or (code is not None and code.isdigit() and 40 <= int(code) < 50):
            self._dropped()
        if code not in (None, "0", "00"):
            raise _CallEnded

    def _end_page(self, ppm: str) -> bool:
        """Send the post-page message; True when the receiver confirmed the page."""
        t = self.config.page_timeout
        ppr = None
        if self.config.fax_class == "2.0":
            self.ch.write(bytes([DLE]) + _PPM_20[ppm])
            final, info = self.ch.wait_final(t, "konfirmasi halaman")
        else:
            self.ch.write(bytes([DLE, ETX]))
            self._post_page_reply(*self.ch.wait_final(t, "akhir data halaman"))
            final, info = self.ch.command(f"AT+FET={_PPM_2[ppm]}", t, "konfirmasi halaman")
        for line in info:
            if line.startswith(self.d["pps"]):
                ppr = int(_value(line).split(",")[0] or 0)
        self._post_page_reply(final, info)
        if ppr is None and self._online and self.config.fax_class == "2.0":
            reply = self._query("+FPS?")
            ppr = int(reply) if reply.isdigit() else None
        if ppr is None:
            ppr = 1 if final == "OK" else 2
        return ppr in _GOOD_PPR

    def _hang_up(self) -> None:
        """Abort the fax session if still up, then go on-hook; errors here are ignored."""
        ch, t = self.ch, self.config.at_timeout
        with contextlib.suppress(ModemError, OSError):
            if self._online:
                ch.command(self.d["abort"], t)
            ch.command("ATH0", t)
