"""Class 1 (T.31) link primitives: V.21 HDLC frames, high-speed data and silence.

A mixin of Class1Driver: it uses the driver's channel, configuration and abort event.
"""

from __future__ import annotations

import contextlib
import time

from hw.modem.channel import CAN, DLE, ETX, Aborted, dle_stuff, is_final
from hw.modem.t30 import V21, Frame, FrameError, parse_frame
from hw.modem.types import ModemError, ModemTimeout

T1 = 35.0  # T.30: the called station must identify itself (DIS) within this
T4 = 3.0  # T.30: a response must start within this after a command
FRAME_TIME = 5.0  # one frame's data after CONNECT (T.30: at most 3 s + 15 %)
SEND_TIME = 10.0  # the modem ends a V.21 message (1 s preamble + frames) within this
TRAIN_TIME = 5.0  # +FTM -> CONNECT (the long V.17 training takes 1.4 s)
FCS_LENGTH = 2  # T.31 delivers each received frame with its two FCS octets


class LinkError(ModemError):
    """The modem did not do what a Class 1 command asked; ``detail`` says what."""

    def __init__(self, detail: str):
        super().__init__("protocol", detail=detail)


class Class1Link:
    """Frames, data and silence on the line, one T.31 command at a time."""

    def _expect(self, command: str, wanted: str, timeout: float) -> None:
        final, _ = self.ch.command(command, timeout)
        if final != wanted:
            raise LinkError(f"{command}: {final}")

    def _silence(self) -> None:
        """80 ms of silence between a high-speed and a V.21 transmission (T.30: 75 ms)."""
        self._expect("AT+FTS=8", "OK", self.config.at_timeout + 1)

    def _send_frames(self, frames: list[bytes]) -> None:
        """One V.21 message: each frame ends with DLE ETX; the last must be marked final."""
        self._expect(f"AT+FTH={V21}", "CONNECT", self.config.at_timeout + 1)
        for index, frame in enumerate(frames):
            wanted = "OK" if index + 1 == len(frames) else "CONNECT"
            self.ch.write(dle_stuff(frame) + bytes([DLE, ETX]))
            final, _ = self.ch.wait_final(SEND_TIME, "kirim bingkai V.21")
            if final != wanted:
                raise LinkError(f"bingkai V.21: {final}")

    def _send_data(self, code: int, data: bytes) -> str | None:
        """Send DLE-stuffed ``data`` at +FTM=<code>; None when all went out and the modem said
        OK, else what the modem said while the data was being written."""
        self._expect(f"AT+FTM={code}", "CONNECT", self.config.at_timeout + TRAIN_TIME)
        try:
            ended = self.ch.send_data(
                data + bytes([DLE, ETX]),
                self.config.flow == "xonxoff",
                self.config.write_timeout,
                self._abort,
            )
        except Aborted:
            with contextlib.suppress(ModemError):  # end the data so the modem takes commands
                self.ch.discard_output()
                self.ch.write(bytes([DLE, ETX]))
                self.ch.wait_final(self.config.page_timeout, "batal data")
            raise
        if ended is not None:
            return ended
        final, _ = self.ch.wait_final(self.config.page_timeout, "akhir data", self._abort)
        return None if final == "OK" else final

    def _receive_frame(self, timeout: float, connected: bool = False) -> Frame | None:
        """The next V.21 frame: +FRH=3 and its CONNECT, unless ``connected`` already (after
        ATD the modem is receiving the first frame).

        None when nothing started within ``timeout`` s, the frame was damaged (ERROR) or the
        modem heard another carrier; a silent wait is cancelled so the modem takes commands.
        """
        try:
            if not connected and not self._connect(time.monotonic() + timeout):
                return None
            return self._frame()
        except Aborted:
            self._cancel_receive()
            raise

    def _connect(self, deadline: float) -> bool:
        """+FRH=3: True when the modem heard V.21 flags (CONNECT)."""
        self.ch.send_command(f"AT+FRH={V21}")
        while True:
            line = self.ch.read_line(deadline, self._abort)
            if line is None:
                self._cancel_receive()
                return False
            if line.startswith("+FCERROR") or is_final(line):
                return line == "CONNECT"

    def _frame(self) -> Frame | None:
        data = self._read_hdlc(time.monotonic() + FRAME_TIME)
        if data is None:
            self._cancel_receive()
            return None
        final, _ = self.ch.wait_final(FRAME_TIME, "akhir bingkai V.21", self._abort)
        if final != "OK" or len(data) <= FCS_LENGTH:
            return None
        try:
            return parse_frame(data[:-FCS_LENGTH])
        except FrameError:
            return None

    def _read_hdlc(self, deadline: float) -> bytes | None:
        """Frame octets up to DLE ETX, DLE pairs undone; None if DLE ETX does not come."""
        ch, data = self.ch, bytearray()
        while True:
            buffer = ch.buffer
            while not data and buffer[:1] in (b"\r", b"\n"):
                del buffer[0]  # the end of the CONNECT line
            index = 0
            while index < len(buffer):
                if buffer[index] != DLE:
                    data.append(buffer[index])
                    index += 1
                    continue
                if index + 1 == len(buffer):
                    break  # the byte after this DLE has not come yet
                following, index = buffer[index + 1], index + 2
                if following == ETX:
                    del buffer[:index]
                    return bytes(data)
                if following == DLE:
                    data.append(DLE)
            del buffer[:index]
            if time.monotonic() >= deadline:
                return None
            ch._fill(wait=True)

    def _cancel_receive(self) -> None:
        """Stop a +FRH the line did not answer: any byte makes the modem say OK."""
        with contextlib.suppress(ModemTimeout):
            self.ch.write(bytes([CAN]))
            self.ch.wait_final(self.config.at_timeout, "batal terima")
