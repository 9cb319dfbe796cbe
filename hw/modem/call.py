"""What every fax driver's call shares: the result being filled, the port held for the call,
how it ends (sent, cut short, aborted, failed) and how a failure reads to the user."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from hw.modem.channel import Aborted
from hw.modem.codes import MESSAGES
from hw.modem.pages import CallEnded
from hw.modem.types import ModemError, ProgressCallback, SendResult


class CallFrame:
    """Mixed into a driver with `_open()` (ModemPort), `_dial(number)` and `_hang_up()`."""

    def _call(
        self,
        number: str,
        pages: list[bytes],
        progress_cb: ProgressCallback | None,
        abort_event: threading.Event | None,
        first_page: int,
        setup: Callable[[], None],
        transmit: Callable[[], None],
    ) -> SendResult:
        """One call: `setup()` the modem, dial, `transmit()` the pages; never raises."""
        result = SendResult(pages_total=len(pages), started=datetime.now())
        self._result, self._abort = result, abort_event or threading.Event()
        self._first = first_page
        self._progress = progress_cb or (lambda *event: None)
        self._online, self._current = False, None
        try:
            if not pages:
                raise ModemError("no_pages")
            with self._open():
                try:
                    setup()
                    if self._abort.is_set():
                        raise Aborted
                    self._dial(number)
                    transmit()
                except CallEnded:
                    pass
                except Aborted:
                    result.message, result.retry_kind = MESSAGES["aborted"], None
                    result.aborted = True
                except (ModemError, OSError) as error:
                    self._failed(error)
                finally:
                    if result.reached_line:
                        self._hang_up()
        except (ModemError, OSError) as error:
            self._failed(error)
        if not result.ok and not result.message:
            self._fail_text(
                MESSAGES["protocol"].format(detail="sesi berakhir sebelum selesai"), "failure"
            )
        result.ended = datetime.now()
        return result

    def _sent(self) -> None:
        """Every page confirmed: the call's result is *terkirim*."""
        self._result.ok, self._result.message = True, MESSAGES["sent"]

    def _fail_text(self, text: str, retry_kind: str | None) -> None:
        """The reason the call failed; the first one given wins."""
        if not self._result.message:
            self._result.message, self._result.retry_kind = text, retry_kind

    def _failed(self, error: Exception) -> None:
        """Before ATD the modem was unavailable, after it the call failed; a port error means
        the modem itself is gone."""
        result = self._result
        if not result.reached_line:
            self._fail_text(self._unavailable(error).message, "failure")
        elif isinstance(error, OSError):
            result.vanished, self._online = True, False
            if self._current is None:
                self._fail_text(MESSAGES["vanished_dial"], "failure")
            else:
                page = self._current + self._first
                self._fail_text(MESSAGES["vanished_page"].format(page=page), "failure")
        else:
            self._fail_text(error.message, "failure")
