"""Which driver drives a modem: the configured fax class, or for "auto" the best it offers."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime

from hw.modem.class1 import CLASSES as CLASS1
from hw.modem.class1 import Class1Driver
from hw.modem.class2 import Class2Driver
from hw.modem.port import ModemPort
from hw.modem.types import (
    FaxDriver,
    ModemConfig,
    ModemError,
    ModemInfo,
    ModemTimeout,
    ModemUnavailable,
    ProgressCallback,
    SendResult,
)

PREFERENCE = ("2.0", "2", "1.0", "1")  # Class 2.0 when offered, else Class 2, else Class 1


def offers(classes: list[str], fax_class: str) -> bool:
    """Whether a modem listing ``classes`` (AT+FCLASS=?) can be driven as ``fax_class``."""
    if fax_class == "auto":
        return best_class(classes) is not None
    if fax_class in CLASS1:
        return bool(set(CLASS1) & set(classes))
    return fax_class in classes


def best_class(classes: list[str]) -> str | None:
    return next((c for c in PREFERENCE if c in classes), None)


class AutoDriver(ModemPort, FaxDriver):
    """fax_class "auto": asks the modem (AT+FCLASS=?, under its lock) before each use."""

    def probe(self) -> ModemInfo:
        """ATI and the classes the modem offers; raises ModemUnavailable."""
        try:
            with self._open():
                self._reset()
                classes = [c.strip() for c in self._query("+FCLASS=?").split(",") if c.strip()]
                return ModemInfo(ati=self._query("I"), classes=classes)
        except (ModemTimeout, OSError) as error:
            raise self._unavailable(error) from error

    def resolve(self, info: ModemInfo | None = None) -> FaxDriver:
        """The driver for the best class the modem offers; raises ModemUnavailable."""
        info = info or self.probe()
        chosen = best_class(info.classes)
        if chosen is None:
            raise ModemUnavailable("no_fax_class", device=self.config.device, fax_class="1/2/2.0")
        return driver_for(replace(self.config, fax_class=chosen), self.trace)

    def identify(self) -> ModemInfo:
        info = self.probe()
        return info if best_class(info.classes) is None else self.resolve(info).identify()

    def send(
        self,
        number: str,
        pages: list[bytes],
        progress_cb: ProgressCallback | None = None,
        abort_event: threading.Event | None = None,
        fine: bool = False,
        first_page: int = 1,
    ) -> SendResult:
        started = datetime.now()
        try:
            driver = self.resolve()
        except ModemError as error:
            return SendResult(
                pages_total=len(pages),
                message=error.message,
                retry_kind="failure",
                started=started,
                ended=datetime.now(),
            )
        return driver.send(number, pages, progress_cb, abort_event, fine, first_page)


def driver_for(config: ModemConfig, trace=None) -> FaxDriver:
    """The fax driver for ``config.fax_class``: "1"/"1.0", "2"/"2.0" or "auto"."""
    if config.fax_class in CLASS1:
        return Class1Driver(config, trace)
    if config.fax_class == "auto":
        return AutoDriver(config, trace)
    return Class2Driver(config, trace)
