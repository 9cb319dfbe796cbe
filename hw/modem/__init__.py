"""Fax modem drivers: the FaxDriver seam, the Class 2/2.0 driver and its plain data types."""

from hw.modem.class2 import Class2Driver
from hw.modem.codes import MESSAGES, hangup_message
from hw.modem.lock import DeviceLock
from hw.modem.types import (
    FaxDriver,
    ModemConfig,
    ModemError,
    ModemInfo,
    ModemTimeout,
    ModemUnavailable,
    SendResult,
    SessionParams,
)

__all__ = [
    "Class2Driver",
    "DeviceLock",
    "FaxDriver",
    "MESSAGES",
    "ModemConfig",
    "ModemError",
    "ModemInfo",
    "ModemTimeout",
    "ModemUnavailable",
    "SendResult",
    "SessionParams",
    "hangup_message",
]
