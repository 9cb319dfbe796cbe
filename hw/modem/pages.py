"""Phase C and D of a Class 2/2.0 call: writing each page and reading the receiver's verdict.

A mixin of Class2Driver: it uses the driver's channel, dialect table, SendResult and the
_fail/_fail_text/_info helpers that record what the line said.
"""

from __future__ import annotations

import contextlib
import time

from hw.modem.channel import CANCELLED, XON, Aborted
from hw.modem.codes import MESSAGES, hangup_number, hangup_retry_kind
from hw.modem.port import value
from hw.modem.types import ModemError, ModemTimeout

_GOOD_PPR = (1, 3, 5)  # MCF, RTP, PIP
SETTLE = 0.3  # seconds of quiet that end what the modem says after page data was cut short


class CallEnded(Exception):
    """The call is over early; the SendResult already says why."""


class PagePhase:
    """Send the pages of a connected call, one by one, retrying a refused page."""

    def _send_pages(self, pages: list[bytes]) -> None:
        result = self._result
        index, tries = 0, 0
        while index < len(pages):
            if self._abort.is_set():
                raise Aborted
            if not self._online:
                self._fail("ended_early", "failure")
                raise CallEnded
            self._current = index
            self._progress("page", index + 1, len(pages))
            confirmed = False
            try:
                confirmed = self._page(pages[index], index + 1 == len(pages))
            finally:
                result.page_results[index:] = [confirmed]
                result.pages_sent += int(confirmed)
                self._progress("page_result", index + 1, confirmed)
            if confirmed:
                index, tries = index + 1, 0
                continue
            tries += 1
            if tries > self.config.page_retries or not self._online:
                self._fail("rtn", "failure")
                raise CallEnded

    def _page(self, data: bytes, last: bool) -> bool:
        """Send one prepared page: True if confirmed, False if the receiver refused it (RTN).

        Any other end of the page ends the call (CallEnded, Aborted).
        """
        self._start_page()
        try:
            ended = self.ch.send_data(
                data, self.config.flow == "xonxoff", self.config.write_timeout, self._abort
            )
        except Aborted:
            self._cancel_data()
            raise
        except ModemError as error:  # the write stalled
            self._fail_text(error.message, "failure")
            self._cancel_data()
            raise CallEnded from error
        if ended is not None:
            self._cut_short(ended)
        try:
            return self._post_page(last)
        except Aborted:
            if self.config.fax_class == "2.0":
                self._cancel_data()
            raise

    def _start_page(self) -> None:
        final, info = self.ch.command("AT+FDT", self.config.page_timeout, "mulai halaman")
        self._info(info)
        if final != "CONNECT":
            self._fail_text(MESSAGES["protocol"].format(detail=f"AT+FDT: {final}"), "failure")
            raise CallEnded
        if self.config.fax_class == "2" and not self.ch.wait_byte(XON, self.config.xon_timeout):
            raise ModemTimeout("XON setelah CONNECT")

    def _cancel_data(self) -> None:
        """Make the modem stop taking page data; record what it answers (which may wait until
        the page data it still holds has gone out, as a post-page reply does)."""
        with contextlib.suppress(ModemError):
            self.ch.discard_output()
            self.ch.write(self.d["cancel"])
            self._info(self.ch.wait_final(self.config.page_timeout, "batal halaman")[1])

    def _cut_short(self, ended: str) -> None:
        """The modem spoke while page data was still being written: the page is not
        confirmed and the call is over; nothing it said answers a later command."""
        lines = [ended, *self.ch.drain(SETTLE, self.config.at_timeout)]
        self._info(lines)
        if "NO CARRIER" in lines:
            self._dropped()
        reply = "CAN" if ended == CANCELLED else ended
        self._fail_text(
            MESSAGES["page_cut"].format(page=self._current + self._first, reply=reply), "failure"
        )
        raise CallEnded

    def _dropped(self) -> None:
        self._online = False
        self._result.message = ""  # the drop is the story, not the phase-C code text
        self._fail("dropped", "failure")
        raise CallEnded

    def _check(self, final: str, info: list[str]) -> None:
        """Record what came with a post-page reply; a lost line or a failed hangup ends the call."""
        self._info(info)
        code = self._result.hangup_code
        if final == "NO CARRIER" or (code is not None and 40 <= hangup_number(code) < 50):
            self._dropped()
        if code is not None and hangup_retry_kind(code) is not None:
            raise CallEnded

    def _post_page(self, last: bool) -> bool:
        """The receiver's verdict on the page just written: True confirmed, False refused."""
        t = self.config.page_timeout
        if self.config.fax_class == "2.0":
            final, info = self.ch.wait_final(t, "konfirmasi halaman", self._abort)
        else:
            final, info = self.ch.wait_final(t, "akhir data halaman", self._abort)
            self._check(final, info)
            if final != "OK":
                self._fail_text(
                    MESSAGES["protocol"].format(detail=f"akhir data halaman: {final}"), "failure"
                )
                raise CallEnded
            final, info = self.ch.command(f"AT+FET={2 if last else 0}", t, "konfirmasi halaman")
        self._check(final, info)
        ppr = next(
            (
                int(value(line).split(",")[0] or 0)
                for line in info
                if line.startswith(self.d["pps"])
            ),
            None,
        )
        if ppr is None and self.config.fax_class == "2.0":
            ppr = self._post_page_status(final, last)
        if ppr is None:
            self._fail_text(
                MESSAGES["protocol"].format(detail=f"tidak ada {self.d['pps']}"), "failure"
            )
            raise CallEnded
        if ppr not in _GOOD_PPR:
            return False
        if last:
            self._await_end()
        return True

    def _post_page_status(self, final: str, last: bool) -> int:
        """Class 2.0: the post-page response from +FPS?, or else from OK/ERROR.

        Not asked after the last page's OK: the modem's hangup report may be on its way.
        """
        if self._online and not (last and final == "OK"):
            reply = self._query("+FPS?")
            if reply.isdigit():
                return int(reply)
        return 1 if final == "OK" else 2

    def _await_end(self) -> None:
        """After the last page: the modem must report the normal end of the call (it may come
        after the final OK), within page_timeout; anything else leaves the page unconfirmed."""
        deadline = time.monotonic() + self.config.page_timeout
        while self._result.hangup_code is None:
            line = self.ch.read_line(deadline)
            if line == "NO CARRIER":
                self._online = False
            if line in (None, "NO CARRIER"):
                self._fail_text(
                    MESSAGES["unconfirmed_end"].format(hangup=self.d["hangup"].rstrip(":")),
                    "failure",
                )
                raise CallEnded
            self._info([line])
        if hangup_retry_kind(self._result.hangup_code) is not None:
            raise CallEnded
