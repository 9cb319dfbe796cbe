"""A Class 2.0 / Class 2 fax modem simulator on a pseudo-terminal.

The driver opens the pty's slave path like a serial port; the simulator answers the AT
dialogue, "transmits" page data at a simulated line speed, decodes each page with hw.t4 and
saves it as PNG. Scenarios:

  ok, busy, no_answer, no_carrier, no_dialtone, data_modem   how the call goes
  silent, garbage                       the modem never answers / answers noise
  rtn_on_page=N                         the receiver refuses page N (RTN), every time
  drop_mid_page=N                       page N: +FHS:40 / +FHNG:40 and NO CARRIER mid-page
  end_page_ok=N, end_page_error=N       page N: OK / ERROR while its data is still coming
  end_page_no_carrier=N                 page N: NO CARRIER alone mid-page
  end_page_hangup=N                     page N: an unsolicited hangup line (code 40) mid-page
  end_page_can=N                        page N: a bare CAN to the host, then ``silence`` s
                                        of ignoring everything, then commands again
  vanish_mid_page=N                     page N: the modem disappears (pty closed: EIO)
  late_hangup                           the final +FHS:00 / +FHNG:0 comes ``late`` s after
                                        the last page's OK
  missing_hangup                        no hangup report after the last page's OK
  bad_hangup                            +FHS:50 / +FHNG:50 ``late`` s after the last OK

N defaults to 2. In Class 2.0 a bare CAN from the host followed by a quiet pause of
CAN_GUARD s cancels page data (a CAN inside the data stream is just data); the modem then
hangs up as after AT+FKS. A Class 2 page counts at the receiver only after AT+FET.

    python -m hw.modemsim --scenario ok --out DIR     # prints the pty path to use
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import select
import threading
import time
import tty
from pathlib import Path

from hw.modemsim.receive import MID_PAGE, PageReceiver, Stop

SCENARIOS = (
    "ok",
    "busy",
    "no_answer",
    "no_carrier",
    "no_dialtone",
    "rtn_on_page",
    *MID_PAGE,
    "late_hangup",
    "missing_hangup",
    "bad_hangup",
    "silent",
    "garbage",
    "data_modem",
)
REMOTE_ID = "+62 21 555 0101"
_DIALECT = {  # fax class -> (connect, csi, dis, dcs, page status, hangup, hangup width)
    "2.0": ("+FCO", "+FCI", "+FIS", "+FCS", "+FPS", "+FHS", 2),
    "2": ("+FCON", "+FCSI", "+FDIS", "+FDCS", "+FPTS", "+FHNG", 1),
}
_ONLY = {
    "2.0": {"FLI", "FCC", "FBO", "FMI", "FMM", "FMR", "FKS", "FPS", "FLO", "FNR"},
    "2": {"FLID", "FDCC", "FBOR", "FMFR", "FMDL", "FREV", "FK", "FET"},
}


class ModemSimulator(PageReceiver):
    """Runs in a thread; ``path`` is the device to open. ``pages`` holds decoded page images."""

    def __init__(
        self,
        scenario: str = "ok",
        out_dir: str | Path | None = None,
        speedup: float = 1.0,
        bps: int = 14400,
        xonxoff: bool = False,
        dial_delay: float = 0.2,
        seed: int = 0,
        silence: float = 1.0,
        late: float = 0.3,
    ):
        name, _, number = re.sub(r"[:\s]", "=", scenario).partition("=")
        if name not in SCENARIOS:
            raise ValueError(f"unknown scenario {scenario!r}; choose from {', '.join(SCENARIOS)}")
        self.scenario, self.page_number = name, int(number or 2)
        self.out_dir = Path(out_dir) if out_dir else None
        self.speedup, self.bps, self.xonxoff, self.dial_delay = speedup, bps, xonxoff, dial_delay
        self.silence, self.late = silence, late
        self.random = random.Random(seed)
        self.pages: list = []
        self.commands: list[str] = []
        self.xoff_count = 0
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.path = os.ttyname(self.slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="modemsim", daemon=True)
        self._reset()

    def _reset(self) -> None:
        self.echo, self.fclass, self.fbo, self.fine, self.online = True, "0", 0, False, False
        self.last_ppr, self.page_index, self.buffer = 1, 0, bytearray()
        self.received: bytes | None = None  # Class 2: page data awaiting AT+FET

    # -- plumbing --------------------------------------------------------------------------
    def start(self) -> str:
        self._thread.start()
        return self.path

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _read(self, timeout: float = 0.05) -> bytes:
        if self._stop.is_set():
            raise Stop
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.master, 4096)
        except OSError:  # nobody has the slave open right now
            time.sleep(timeout)
            return b""

    def _write(self, data: bytes) -> None:
        os.write(self.master, data)

    def _say(self, *lines: str) -> None:
        self._write(b"".join(b"\r\n" + line.encode() + b"\r\n" for line in lines))

    def _run(self) -> None:
        with contextlib.suppress(Stop):
            while True:
                line = self._read_line()
                if line is not None:
                    self._command(line)

    def _read_line(self) -> str | None:
        while b"\r" not in self.buffer:
            self.buffer += self._read()
            if not self.buffer:
                return None
        raw, _, rest = bytes(self.buffer).partition(b"\r")
        self.buffer = bytearray(rest.lstrip(b"\n"))
        if self.scenario == "silent":
            return None
        text = raw.decode("ascii", "replace").strip()
        if self.echo and text:
            self._write(raw + b"\r")
        return text or None

    # -- the AT dialogue ---------------------------------------------------------------------
    def _command(self, line: str) -> None:
        self.commands.append(line)
        if self.scenario == "garbage":
            junk = bytes(
                self.random.randrange(0x80, 0x100) for _ in range(self.random.randint(8, 40))
            )
            self._write(junk)
            return
        upper = line.upper()
        if not upper.startswith("AT"):
            self._say("ERROR")
            return
        body = upper[2:]
        name = re.match(r"\+(F[A-Z]+)", body)
        if (
            name
            and name[1] in _ONLY["2.0"] | _ONLY["2"]
            and name[1] not in _ONLY.get(self.fclass, ())
        ):
            self._say("ERROR")  # a command of the other dialect (or not in a fax class)
            return
        self._say(*self._answer(body, line[2:]))

    def _answer(self, body: str, original: str) -> tuple[str, ...]:
        dial = _DIALECT.get(self.fclass)
        if body in ("Z", "", "H0", "H"):
            if body.startswith("Z"):
                self._reset()
            self.online = False
            return ("OK",)
        if body in ("E0", "E1"):
            self.echo = body == "E1"
            return ("OK",)
        if body == "I":
            return ("Warkat SimModem V.34 Class 2/2.0", "OK")
        if body == "+FCLASS=?":
            return ("0,1,2,2.0", "OK")
        if body.startswith("+FCLASS="):
            value = body.split("=")[1]
            if value not in ("0", "1", "2", "2.0"):
                return ("ERROR",)
            self.fclass = value
            return ("OK",)
        if body in ("+FMI?", "+FMFR?"):
            return ("Warkat", "OK")
        if body in ("+FMM?", "+FMDL?"):
            return ("SimModem 336", "OK")
        if body in ("+FMR?", "+FREV?"):
            return ("1.0", "OK")
        if body.startswith(("+FLI=", "+FLID=", "+FLO=", "+FNR=")):
            return ("OK",)
        if body.startswith(("+FCC=", "+FDCC=")):
            self.fine = body.split("=")[1].split(",")[0] == "1"
            return ("OK",)
        if body.startswith(("+FBO=", "+FBOR=")):
            self.fbo = int(body.split("=")[1] or 0)
            return ("OK",)
        if body.startswith("D") and dial:
            return self._dial(dial)
        if body == "+FDT" and dial and self.online:
            return self._page(dial)
        if body.startswith("+FET=") and dial and self.online:
            return self._post_page_2(dial, int(body[5:] or 0))
        if body == "+FPS?":
            return (str(self.last_ppr), "OK")
        if body in ("+FKS", "+FK"):
            was_online, self.online, self.received = self.online, False, None
            return (self._hangup(dial, 2), "OK") if was_online and dial else ("OK",)
        return ("ERROR",)

    @staticmethod
    def _hangup(dial, code: int) -> str:
        return f"{dial[5]}:{code:0{dial[6]}d}"

    def _wait(self, seconds: float) -> bool:
        """Sleep, but return True early if the DTE sends anything (aborts dialling)."""
        if self.buffer:
            self.buffer.clear()
            return True
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self._read(min(0.02, end - time.monotonic())):
                return True
        return False

    def _dial(self, dial) -> tuple[str, ...]:
        if self._wait(self.dial_delay):
            return (self._hangup(dial, 2), "OK")
        results = {
            "busy": "BUSY",
            "no_answer": "NO ANSWER",
            "no_carrier": "NO CARRIER",
            "no_dialtone": "NO DIALTONE",
        }
        if self.scenario in results:
            return (results[self.scenario],)
        if self.scenario == "data_modem":
            return (self._hangup(dial, 5), "OK")
        self.online, self.page_index = True, 0
        return (dial[0], f'{dial[1]}:"{REMOTE_ID}"', f"{dial[2]}:1,5,0,2,0,0,0,0", "OK")


@contextlib.contextmanager
def simulated_modem(scenario: str = "ok", out_dir=None, speedup: float = 1.0, **options):
    """Run a simulator for the ``with`` block; yields the simulator (``.path`` is the device)."""
    sim = ModemSimulator(scenario, out_dir, speedup, **options)
    sim.start()
    try:
        yield sim
    finally:
        sim.stop()
