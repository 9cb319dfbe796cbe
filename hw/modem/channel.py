"""The modem's AT command channel over a pyserial port: lines, final results, page data."""

from __future__ import annotations

import threading
import time

from hw.modem.types import ModemError, ModemTimeout

DLE, ETX, XON, XOFF, CAN = 0x10, 0x03, 0x11, 0x13, 0x18
FINALS = ("OK", "ERROR", "CONNECT", "BUSY", "NO ANSWER", "NO CARRIER", "NO DIALTONE",
          "NO DIAL TONE")
HANGUP_PREFIXES = ("+FHS:", "+FHNG:")


def is_final(line: str) -> bool:
    return any(line == f or line.startswith(f + " ") for f in FINALS)


def dle_stuff(data: bytes) -> bytes:
    """Double every DLE so page data cannot end the transfer early."""
    return data.replace(b"\x10", b"\x10\x10")


class Aborted(Exception):
    """The operator's abort event was set while waiting."""


class ATChannel:
    """Line-oriented reads and writes on an open serial port (read timeout should be short)."""

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

    def write(self, data: bytes) -> None:
        self.port.write(data)
        self.port.flush()

    def send_command(self, command: str) -> None:
        self.trace(">", command)
        self.heard = False
        self.write(command.encode("ascii") + b"\r")

    def read_line(self, deadline: float, abort: threading.Event | None = None) -> str | None:
        """Next non-empty response line (echo of AT commands skipped); None at the deadline."""
        while True:
            for sep in (b"\r", b"\n"):
                index = self.buffer.find(sep)
                if index >= 0:
                    raw = bytes(self.buffer[:index])
                    del self.buffer[:index + 1]
                    line = raw.replace(bytes([XON]), b"").replace(bytes([XOFF]), b"")
                    text = line.decode("ascii", "replace").strip()
                    if text and not text.upper().startswith("AT"):
                        self.trace("<", text)
                        return text
                    break
            else:
                if abort is not None and abort.is_set():
                    raise Aborted
                if time.monotonic() >= deadline:
                    return None
                self._fill(wait=True)

    def wait_final(self, timeout: float, what: str,
                   abort: threading.Event | None = None) -> tuple[str, list[str]]:
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
        self.send_command(command)
        return self.wait_final(timeout, what or command)

    def expect_ok(self, command: str, timeout: float) -> list[str]:
        """Run a command that must answer OK; its information lines are returned."""
        final, info = self.command(command, timeout)
        if final != "OK":
            raise ModemError("command_failed", command=command)
        return info

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

    def send_data(self, data: bytes, xonxoff: bool, stall_timeout: float,
                  abort: threading.Event | None = None, chunk: int = 256) -> str | None:
        """Write page data, honouring XOFF/XON when ``xonxoff``.

        Returns None when all was written, "aborted", or the modem's line that ended the
        transfer early (a hangup code or NO CARRIER).
        """
        paused, since, offset = False, time.monotonic(), 0
        while offset < len(data):
            if abort is not None and abort.is_set():
                return "aborted"
            self._fill(wait=paused)
            if xonxoff:
                now_paused = self._flow_state(paused)
                if now_paused and not paused:
                    since = time.monotonic()
                paused = now_paused
            dropped = self._hangup_in_buffer()
            if dropped:
                return dropped
            if paused:
                if time.monotonic() - since > stall_timeout:
                    raise ModemError("write_stalled")
                continue
            try:
                written = self.port.write(data[offset:offset + chunk])
            except Exception as error:  # pyserial raises SerialTimeoutException on a stall
                if type(error).__name__ == "SerialTimeoutException":
                    raise ModemError("write_stalled") from error
                raise
            offset += written or 0
        self.port.flush()
        return None

    def _flow_state(self, paused: bool) -> bool:
        """Consume XON/XOFF bytes from the input buffer; the last one wins."""
        for index in range(len(self.buffer) - 1, -1, -1):
            if self.buffer[index] in (XON, XOFF):
                paused = self.buffer[index] == XOFF
                break
        self.buffer = self.buffer.replace(bytes([XON]), b"").replace(bytes([XOFF]), b"")
        return paused

    def _hangup_in_buffer(self) -> str | None:
        text = self.buffer.decode("ascii", "replace")
        for line in text.replace("\r", "\n").split("\n"):
            line = line.strip()
            if line.startswith(HANGUP_PREFIXES) or line in ("NO CARRIER", "ERROR"):
                return line
        return None
