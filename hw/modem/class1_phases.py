"""Phases B, C and D of a Class 1 call: the host runs T.30 itself.

A mixin of Class1Driver: it uses the link primitives (Class1Link), the driver's SendResult,
progress callback and the _end/_fail_text helpers that record how the call ended.
"""

from __future__ import annotations

import time
from functools import partial

from hw.modem.channel import CANCELLED, Aborted, dle_stuff
from hw.modem.class1_link import T1, T4, LinkError
from hw.modem.codes import MESSAGES, hangup_message
from hw.modem.pages import SETTLE
from hw.modem.t30 import (
    CFR,
    CRP,
    CSI,
    DCN,
    DCS,
    DIS,
    EOP,
    FTT,
    MCF,
    MPS,
    NAMES,
    NSF,
    PIN,
    PIP,
    RTN,
    RTP,
    TSI,
    Capabilities,
    Frame,
    Speed,
    build_dcs,
    command,
    decode_ident,
    encode_ident,
    parse_dis,
    tcf_length,
)
from hw.t4 import decode_rows, encode_page, min_line_bits

TRIES = 3  # T.30: a command without a response is sent three times in all
_CONFIRMED = (MCF, RTP, PIP)
_POST_PAGE_REPLIES = (MCF, RTP, RTN, PIP, PIN)


class Class1Phases:
    """Identify the receiver, train, send the pages and have each one confirmed."""

    # -- phase B ----------------------------------------------------------------------------

    def _remote_capabilities(self) -> Capabilities:
        """The called station's NSF/CSI/DIS, the first of them already arriving after ATD."""
        deadline = time.monotonic() + T1
        dis, frame = None, self._receive_frame(T1, connected=True)
        while True:
            if frame is not None:
                if frame.fcf == CSI:
                    self._result.remote_id = decode_ident(frame.fif)
                elif frame.fcf == DIS:
                    dis = frame
                elif frame.fcf == DCN:
                    self._end(MESSAGES["remote_dcn"], "failure", "DCN")
                if frame.final and dis is not None:
                    break
            left = deadline - time.monotonic()
            if left <= 0:
                self._end(hangup_message("11"), "no_answer", "T1")
            frame = self._receive_frame(left)
        self._progress("connected", self._result.remote_id)
        return parse_dis(dis.fif)

    def _negotiate(self, caps: Capabilities, fine: bool) -> None:
        """Choose what to send with; ends the call if the receiver cannot take it."""
        if not caps.receiver:
            self._end(hangup_message("21"), "failure", "DIS")
        self._speeds = caps.speeds(self._offered, self.config.max_bit_rate)
        if not self._speeds:
            self._end(MESSAGES["no_common_speed"], "failure", "DIS")
        self._fine = fine and caps.fine
        self._scan_ms = caps.min_scan_ms(self._fine)
        self._result.resolution = "fine" if self._fine else "standard"

    def _train(self) -> None:
        """DCS and TCF until the receiver answers CFR, one speed lower after each FTT."""
        while True:
            speed = self._speeds[0]
            reply = self._ask(partial(self._send_dcs, speed), "DCS", (CFR, FTT))
            if reply.fcf == CFR:
                self._result.bit_rate = speed.bit_rate
                return
            self._speeds = self._speeds[1:]
            if not self._speeds:
                self._end(MESSAGES["train_failed"], "failure", "FTT")

    def _send_dcs(self, speed: Speed) -> None:
        frames = [command(DCS, build_dcs(speed, self._fine, self._scan_ms))]
        if self.config.local_id:
            frames.insert(0, command(TSI, encode_ident(self.config.local_id), final=False))
        self._send_frames(frames)
        self._silence()
        ended = self._send_data(speed.long_code, bytes(tcf_length(speed)))
        if ended is not None:
            raise LinkError(f"TCF: {ended}")

    def _ask(self, send, what: str, replies: tuple[int, ...]) -> Frame:
        """Send a command and read the response (T4), three times in all if none comes."""
        for _ in range(TRIES):
            send()
            frame = self._response()
            if frame is None or frame.fcf in (CRP, DIS):  # DIS again: our command was lost
                continue
            if frame.fcf == DCN:
                self._end(MESSAGES["remote_dcn"], "failure", "DCN")
            if frame.fcf not in replies:
                reply = MESSAGES["bad_reply"].format(command=what, reply=frame.name)
                self._end(reply, "failure", frame.name)
            return frame
        self._end(MESSAGES["no_reply"].format(command=what), "failure", "T4")

    def _response(self) -> Frame | None:
        """The final frame of the next message from the receiver (NSF/CSI before it are
        read and dropped); None if none came within T4 or it was damaged."""
        frame = self._receive_frame(T4)
        while frame is not None and not frame.final and frame.fcf in (NSF, CSI):
            frame = self._receive_frame(T4)
        return frame

    # -- phases C and D ---------------------------------------------------------------------

    def _send_pages(self, pages: list[bytes], fine_pages: bool) -> None:
        result = self._result
        index, tries, retrain = 0, 0, False
        while index < len(pages):
            if self._abort.is_set():
                raise Aborted
            if retrain:
                self._train()
            self._current = index
            self._progress("page", index + 1, len(pages))
            reply = None
            try:
                reply = self._page(pages[index], fine_pages, index + 1 == len(pages))
            finally:
                confirmed = reply in _CONFIRMED
                result.page_results[index:] = [confirmed]
                result.pages_sent += int(confirmed)
                self._progress("page_result", index + 1, confirmed)
            retrain = reply != MCF
            if confirmed:
                index, tries = index + 1, 0
                continue
            tries += 1
            if tries > self.config.page_retries:
                self._end(MESSAGES["rtn"], "failure", NAMES[reply])

    def _page(self, page: bytes, fine_pages: bool, last: bool) -> int:
        """Send one page and its MPS/EOP; the receiver's verdict (MCF, RTP, RTN, PIP, PIN)."""
        speed = self._speeds[0]
        ended = self._send_data(speed.short_code, self._page_data(page, fine_pages, speed))
        if ended is not None:
            self._cut_short(ended)
        self._silence()
        post = EOP if last else MPS
        send = partial(self._send_frames, [command(post)])
        return self._ask(send, NAMES[post], _POST_PAGE_REPLIES).fcf

    def _page_data(self, page: bytes, fine_pages: bool, speed: Speed) -> bytes:
        """The page as it goes on the line: every line at least the minimum scan time long,
        every other row of a fine page when the receiver takes standard only, LSB first."""
        rows = decode_rows(page)
        if fine_pages and not self._fine:
            rows = rows[::2]
        min_bits = min_line_bits(speed.bit_rate, self._scan_ms)
        return dle_stuff(encode_page(rows, min_bits=min_bits, lsb_first=True))

    def _cut_short(self, ended: str) -> None:
        """The modem spoke while page data was still being written: the call is over."""
        lines = [ended, *self.ch.drain(SETTLE, self.config.at_timeout)]
        if "NO CARRIER" in lines:
            self._online = False
        reply = "CAN" if ended == CANCELLED else ended
        page = self._current + self._first
        self._end(MESSAGES["page_cut"].format(page=page, reply=reply), "failure", reply)
