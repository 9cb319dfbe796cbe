"""The modem's port as every driver needs it: locked, opened, reset, asked, translated.

Whatever fails here happens before any call: it is a ModemUnavailable in Indonesian.
"""

from __future__ import annotations

import contextlib
import errno
import termios

from hw.modem.channel import ATChannel
from hw.modem.lock import DeviceLock
from hw.modem.types import ModemConfig, ModemError, ModemTimeout, ModemUnavailable

_PORT_ERRORS = {
    errno.ENOENT: "missing",
    errno.ENODEV: "missing",
    errno.ENXIO: "missing",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.EBUSY: "busy",
    errno.EIO: "io",
}


def value(line: str) -> str:
    """The value of an information line such as `+FCI:"+62 21 555"`."""
    return line.split(":", 1)[1].strip().strip('"').strip()


class ModemPort:
    """A modem on a serial port; `ch` is its AT channel while `_open()` holds it."""

    def __init__(self, config: ModemConfig, trace=None):
        self.config = config
        self.trace = trace
        self.ch: ATChannel | None = None

    @contextlib.contextmanager
    def _open(self):
        """Lock the device and open its port; on exit close the port, then unlock."""
        import serial

        cfg = self.config
        with DeviceLock(cfg.device, cfg.lock_dir):
            try:
                port = serial.Serial(
                    cfg.device,
                    cfg.speed,
                    timeout=0.05,
                    write_timeout=cfg.write_timeout,
                    rtscts=cfg.flow == "rtscts",
                )
            except (OSError, ValueError, termios.error) as error:
                code = getattr(error, "errno", None) or next(iter(error.args), None)
                reason = _PORT_ERRORS.get(code if isinstance(code, int) else None, "open_failed")
                raise ModemUnavailable(reason, device=cfg.device) from error
            with contextlib.suppress(OSError):
                port.dtr = True  # ptys and some USB adapters have no modem-control lines
            try:
                self.ch = ATChannel(port, self.trace)
                yield self.ch
            finally:
                self.ch = None
                with contextlib.suppress(OSError):
                    port.close()

    def _unavailable(self, error: Exception) -> ModemError:
        """A failure before any call was made, as the user reads it."""
        if isinstance(error, ModemTimeout):
            return ModemUnavailable(
                "timeout", device=self.config.device, what=error.details["what"]
            )
        if isinstance(error, OSError):
            return ModemUnavailable(_PORT_ERRORS.get(error.errno, "io"), device=self.config.device)
        return error

    def _require(self, command: str) -> list[str]:
        """Run a setup command that must answer OK; its information lines are returned."""
        final, info = self.ch.command(command, self.config.at_timeout)
        if final != "OK":
            raise ModemUnavailable("refused", device=self.config.device, command=command)
        return info

    def _reset(self) -> None:
        t = self.config.at_timeout
        for command in ("ATZ", "AT"):
            try:
                self.ch.command(command, t)
                break
            except ModemTimeout as error:
                heard = error.heard
        else:
            raise ModemUnavailable("garbled" if heard else "no_response", device=self.config.device)
        self._require("ATE0")

    def _query(self, command: str) -> str:
        final, info = self.ch.command("AT" + command, self.config.at_timeout)
        if final != "OK":
            return ""
        return " ".join(value(i) if ":" in i else i.strip('"') for i in info)
