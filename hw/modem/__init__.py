"""Fax modem drivers: the FaxDriver seam, the Class 1/1.0 and Class 2/2.0 drivers, the choice
between them and their plain data types."""

from hw.modem.class1 import Class1Driver
from hw.modem.class2 import Class2Driver
from hw.modem.codes import MESSAGES, hangup_message
from hw.modem.factory import AutoDriver, best_class, driver_for, offers
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
    "AutoDriver",
    "Class1Driver",
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
    "best_class",
    "driver_for",
    "hangup_message",
    "offers",
]
