"""The modem's AT command channel over a pyserial port: lines, final results, page data."""

from __future__ import annotations

import termios
import threading
import time

from hw.modem.types import ModemError, ModemTimeout

DLE, ETX, XON, XOFF, CAN = 0x10, 0x03, 0x11, 0x13, 0x18
FINALS = (
    "OK",
    "ERROR",
    "CONNECT",
    "BUSY",
    "NO ANSWER",
    "NO CARRIER",
    "NO DIALTONE",
    "NO DIAL TONE",
)
CANCELLED = "<CAN>"  # what send_data reports when the modem sent a bare CAN


def is_final(line: str) -> bool:
    return any(line == f or line.startswith(f + " ") for f in FINALS)


def dle_stuff(data: bytes) -> bytes:
    """Double every DLE so page data cannot end the transfer early."""
    return data.replace(b"\x10", b"\x10\x10")


class Aborted(Exception):
    """The operator's abort event was set while waiting."""


class ATChannel:
    """Line-oriented reads and writes on an open serial port (read timeout should be short).

    Port failures (a vanished USB modem) come through as OSError / pyserial SerialException.
    """

    def __init__(self, port, trace=None):
        self.port = port
        self.trace = trace or (lambda direction, text: None)
        self.buffer = bytearray()
        self.heard = False

    def _fill(self, wait: bool) -> None:
        chunk = self.port.read(self.port.in_waiting or (1 if wait else 0))
        if chunk:
            self.heard = True
            self.buffer += chunk

    def _next_line(self) -> str | None:
        """Take the first complete non-empty response line out of the buffer (echo skipped)."""
        while True:
            ends = [i for i in (self.buffer.find(b"\r"), self.buffer.find(b"\n")) if i >= 0]
            if not ends:
                return None
            raw = bytes(self.buffer[: min(ends)])
            del self.buffer[: min(ends) + 1]
            text = raw.translate(None, bytes([XON, XOFF])).decode("ascii", "replace").strip()
            if text and not text.upper().startswith("AT"):
                self.trace("<", text)
                return text

    def pending_lines(self) -> list[str]:
        """The lines received but not yet read; any other input waiting is dropped."""
        self._fill(wait=False)
        lines = []
        while (line := self._next_line()) is not None:
            lines.append(line)
        self.buffer.clear()
        return lines

    def drain(self, quiet: float, limit: float) -> list[str]:
        """The lines the modem sends until it has been quiet for ``quiet`` s (at most ``limit``)."""
        start = last = time.monotonic()
        while (now := time.monotonic()) - last < quiet and now - start < limit:
            size = len(self.buffer)
            self._fill(wait=True)
            if len(self.buffer) > size:
                last = time.monotonic()
        return self.pending_lines()

    def write(self, data: bytes) -> int:
        """Write to the modem; a write blocked past the port's write timeout is ModemError."""
        try:
            return self.port.write(data) or 0
        except OSError as error:  # pyserial raises SerialTimeoutException on a stall
            if type(error).__name__ == "SerialTimeoutException":
                raise ModemError("write_stalled") from error
            raise

    def discard_output(self) -> None:
        """Drop page data written but not yet taken by the modem (before a cancel)."""
        try:
            self.port.reset_output_buffer()
        except OSError:
            pass  # a port without the ioctl: the cancel waits behind the data

    def send_command(self, command: str) -> list[str]:
        """Send one AT command; returns the lines that were waiting unread before it.

        Those lines are never taken as the command's answer.
        """
        stale = self.pending_lines()
        self.trace(">", command)
        self.heard = False
        self.write(command.encode("ascii") + b"\r")
        return stale

    def read_line(self, deadline: float, abort: threading.Event | None = None) -> str | None:
        """Next non-empty response line (echo of AT commands skipped); None at the deadline."""
        while (line := self._next_line()) is None:
            if abort is not None and abort.is_set():
                raise Aborted
            if time.monotonic() >= deadline:
                return None
            self._fill(wait=True)
        return line

    def wait_final(
        self, timeout: float, what: str, abort: threading.Event | None = None
    ) -> tuple[str, list[str]]:
        """Collect information lines up to a final result code; ModemTimeout if none comes."""
        deadline = time.monotonic() + timeout
        info: list[str] = []
        while True:
            line = self.read_line(deadline, abort)
            if line is None:
                raise ModemTimeout(what, heard=self.heard)
            if is_final(line):
                return line, info
            info.append(line)

    def command(self, command: str, timeout: float, what: str = "") -> tuple[str, list[str]]:
        """Run a command: its final result, and the information lines (stale ones first)."""
        stale = self.send_command(command)
        final, info = self.wait_final(timeout, what or command)
        return final, stale + info

    def wait_byte(self, value: int, timeout: float) -> bool:
        """Wait for one control byte (Class 2: XON after CONNECT); other bytes are kept."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            index = self.buffer.find(bytes([value]))
            if index >= 0:
                del self.buffer[index]
                return True
            self._fill(wait=True)
        return False

    def send_data(
        self,
        data: bytes,
        xonxoff: bool,
        stall_timeout: float,
        abort: threading.Event | None = None,
        chunk: int = 256,
    ) -> str | None:
        """Write prepared page data, honouring XOFF/XON when ``xonxoff``.

        Returns None when all was written. Anything the modem sends meanwhile (a result or
        hangup line, or CANCELLED for a bare CAN) ends the page: writing stops at once and
        that is returned. Raises Aborted, ModemError (write stalled) or OSError (port gone).
        Chunks never split a <DLE> pair, so whatever is written after one is not escaped.
        """
        paused, since, offset = False, time.monotonic(), 0
        while offset < len(data):
            if abort is not None and abort.is_set():
                raise Aborted
            self._fill(wait=paused)
            if xonxoff:
                now_paused = self._flow_state(paused)
                if now_paused and not paused:
                    since = time.monotonic()
                paused = now_paused
            ended = self._interruption()
            if ended:
                return ended
            if paused:
                if time.monotonic() - since > stall_timeout:
                    raise ModemError("write_stalled")
                continue
            end = min(offset + chunk, len(data))
            run = 0
            while end - run > offset and data[end - run - 1] == DLE:
                run += 1
            offset += self.write(data[offset : end + run % 2])
        try:
            self.port.flush()
        except termios.error as error:  # tcdrain on a port that vanished: not an OSError
            raise OSError(*error.args) from error
        return None

    def _flow_state(self, paused: bool) -> bool:
        """Consume XON/XOFF bytes from the input buffer; the last one wins."""
        for index in range(len(self.buffer) - 1, -1, -1):
            if self.buffer[index] in (XON, XOFF):
                paused = self.buffer[index] == XOFF
                break
        self.buffer = self.buffer.replace(bytes([XON]), b"").replace(bytes([XOFF]), b"")
        return paused

    def _interruption(self) -> str | None:
        """A bare CAN or a complete line from the modem while page data is being written."""
        if CAN in self.buffer:
            del self.buffer[: self.buffer.index(CAN) + 1]
            self.trace("<", CANCELLED)
            return CANCELLED
        return self._next_line()
