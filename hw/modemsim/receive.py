"""The simulator's fax-receiving side: page data at line speed, verdicts, mid-page scenarios.

A mixin of ModemSimulator: it uses the simulator's pty plumbing (_read, _write, _say, _wait),
its _hangup line and its state; received pages are decoded with hw.t4.
"""

from __future__ import annotations

import os
import time

from hw import t4

MID_PAGE = (
    "drop_mid_page",
    "end_page_ok",
    "end_page_error",
    "end_page_no_carrier",
    "end_page_hangup",
    "end_page_can",
    "vanish_mid_page",
)
CUT_AT = 1500  # bytes of page data after which a mid-page scenario strikes
CAN_GUARD = 0.15  # quiet seconds after a trailing CAN that make it a cancel
DLE, ETX, XON, XOFF, CAN = 0x10, 0x03, 0x11, 0x13, 0x18


class Stop(Exception):
    """The simulator stops: asked to, or its modem vanished."""


class PageReceiver:
    """Take each page after AT+FDT, judge it (MCF/RTN) and keep the good ones in ``pages``."""

    def _page(self, dial) -> tuple[str, ...]:
        self._say(f"{dial[3]}:{int(self.fine)},5,0,2,0,0,0,0", "CONNECT")
        if self.fclass == "2":
            self._write(bytes([XON]))
        self.page_index += 1
        data, end = self._receive()
        if end == "cut":
            return self._cut(dial)
        if end == "cancel":  # an implied AT+FKS
            self.page_index -= 1
            self.online = False
            return (self._hangup(dial, 2), "OK")
        if self.fclass == "2":
            self.received = data
            return ("OK",)
        if end == ETX:  # data ended without a post-page message: nothing to confirm
            self.page_index -= 1
            return ("OK",)
        if not self._judge(data):
            return ("ERROR",)
        return self._finish(dial, ["OK"]) if end == ord(".") else ("OK",)

    def _post_page_2(self, dial, ppm: int) -> tuple[str, ...]:
        if self.received is None:
            return ("ERROR",)
        good = self._judge(self.received)
        self.received = None
        lines = [f"{dial[4]}:{self.last_ppr}", "OK"]
        return self._finish(dial, lines) if good and ppm == 2 else tuple(lines)

    def _judge(self, data: bytes) -> bool:
        """The receiver's verdict on a page: keep it (MCF) or refuse it (RTN)."""
        refused = self.scenario == "rtn_on_page" and self.page_index == self.page_number
        good = not refused and self._store(data)
        self.last_ppr = 1 if good else 2
        self.page_index = len(self.pages) if good else self.page_index - 1
        return good

    def _finish(self, dial, lines: list[str]) -> tuple[str, ...]:
        """The reply to a confirmed last page, with the hangup report where the scenario
        puts it: before the final OK, ``late`` s after it, wrong, or not at all."""
        if self.scenario == "missing_hangup":
            return tuple(lines)
        self.online = False
        if self.scenario in ("late_hangup", "bad_hangup"):
            self._say(*lines)
            time.sleep(self.late)
            return (self._hangup(dial, 50 if self.scenario == "bad_hangup" else 0),)
        return (*lines[:-1], self._hangup(dial, 0), lines[-1])

    def _cut(self, dial) -> tuple[str, ...]:
        """End the page early as the scenario says; the rest of its data is discarded."""
        self.page_index, self.last_ppr = self.page_index - 1, 2
        if self.scenario == "vanish_mid_page":
            os.close(self.master)
            self.master = -1
            raise Stop
        if self.scenario == "end_page_can":
            self._write(bytes([CAN]))
            self._ignore(self.silence)
            self.online = False
            return ()
        hangup = self._hangup(dial, 40)
        lines = {
            "drop_mid_page": (hangup, "NO CARRIER"),
            "end_page_ok": ("OK",),
            "end_page_error": ("ERROR",),
            "end_page_no_carrier": ("NO CARRIER",),
            "end_page_hangup": (hangup,),
        }[self.scenario]
        self.online = self.scenario in ("end_page_ok", "end_page_error")
        self._say(*lines)
        self._drain()
        return ()

    def _receive(self) -> tuple[bytes, int | str]:
        """Take page data until its end marker, then let it go out at line speed: (unstuffed
        data, end byte), or "cut" where the scenario ends the page, or "cancel" for the host's
        CAN (Class 2.0), noticed as it arrives, as a modem watching its input does."""
        data, pending, dle, paused = bytearray(), 0.0, False, False
        rate = self.bps / 8 * self.speedup
        cut_at = (
            CUT_AT if (self.scenario in MID_PAGE and self.page_index == self.page_number) else None
        )
        trailing_can, quiet_since = False, None
        last = time.monotonic()
        while True:
            now = time.monotonic()
            pending, last = max(0.0, pending - (now - last) * rate), now
            if self.xonxoff and paused and pending < 512:
                self._write(bytes([XON]))
                paused = False
            chunk = self._read(0.01)
            if not chunk:
                if trailing_can and not paused:
                    quiet_since = now if quiet_since is None else quiet_since
                    if now - quiet_since >= CAN_GUARD:
                        return bytes(data[:-1]), "cancel"
                else:
                    quiet_since = None
                continue
            quiet_since = None
            pending += len(chunk)
            if self.xonxoff and not paused and pending >= 2048:
                self._write(bytes([XOFF]))
                self.xoff_count += 1
                paused = True
            for byte in chunk:
                if dle:
                    dle = False
                    if byte == DLE:
                        data.append(DLE)
                    elif byte in (ETX, ord(","), ord(";"), ord(".")):
                        if self._wait(pending / rate):  # the host cancelled while the
                            self._drain()  # rest of the page was still going out
                            return bytes(data), "cancel"
                        return bytes(data), byte
                    continue
                if byte == DLE:
                    dle = True
                    continue
                data.append(byte)
                if cut_at is not None and len(data) >= cut_at:
                    return bytes(data), "cut"
            trailing_can = self.fclass == "2.0" and not dle and chunk[-1] == CAN

    def _drain(self) -> None:
        """After the page ended early, discard the page data still arriving; keep a command
        the host typed after it."""
        self.buffer.clear()
        while chunk := self._read(0.1):
            self.buffer += chunk
            start = self.buffer.rfind(b"AT")
            del self.buffer[: start if start >= 0 else len(self.buffer)]

    def _ignore(self, seconds: float) -> None:
        """Take no notice of anything the host sends for a while."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self._read(min(0.05, left))
        self.buffer.clear()

    def _store(self, data: bytes) -> bool:
        """Decode and keep a received page; False if it is not valid T.4."""
        try:
            image = t4.decode_page(data, lsb_first=self.fbo == 0)
        except t4.T4Error:
            return False
        self.pages.append(image)
        if self.out_dir:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            image.save(self.out_dir / f"page-{len(self.pages):03d}.png")
        return True
