"""A modem that cannot be opened or does not answer is not a call, and says why in Indonesian."""

import errno
import os
import re

import pytest
import serial

from hw.modem import Class2Driver, ModemError
from hw.modem.channel import ATChannel
from hw.modemsim import ModemSimulator, simulated_modem
from tests.modem_helpers import config

DEVICE = "/dev/ttyUSB7"


@pytest.mark.parametrize(
    "code, reason",
    [
        (errno.ENOENT, "port /dev/ttyUSB7 tidak ada (kabel USB tercabut?)"),
        (errno.ENODEV, "port /dev/ttyUSB7 tidak ada (kabel USB tercabut?)"),
        (errno.ENXIO, "port /dev/ttyUSB7 tidak ada (kabel USB tercabut?)"),
        (
            errno.EACCES,
            "tidak ada izin membuka port /dev/ttyUSB7 (pengguna harus anggota grup dialout)",
        ),
        (
            errno.EPERM,
            "tidak ada izin membuka port /dev/ttyUSB7 (pengguna harus anggota grup dialout)",
        ),
        (errno.EBUSY, "port /dev/ttyUSB7 sedang dipakai program lain"),
        (errno.EIO, "kesalahan I/O pada port /dev/ttyUSB7 (modem terlepas?)"),
        (errno.EINVAL, "port /dev/ttyUSB7 tidak dapat dibuka sebagai port serial"),
        (None, "port /dev/ttyUSB7 tidak dapat dibuka sebagai port serial"),
    ],
)
def test_a_port_that_cannot_be_opened_is_explained_without_os_english(monkeypatch, code, reason):
    def refuse(device, *args, **kwargs):
        message = f"could not open port {device}: [Errno {code}] {errno.errorcode.get(code)}"
        raise serial.SerialException(*((code, message) if code else (message,)))

    monkeypatch.setattr(serial, "Serial", refuse)
    driver = Class2Driver(config(DEVICE))
    result = driver.send("021", [b"\x00"])
    with pytest.raises(ModemError) as error:
        driver.identify()
    assert not result.ok and not result.reached_line and not result.vanished
    assert result.message == error.value.message == f"Modem tidak tersedia: {reason}"
    assert result.message.count(DEVICE) == 1
    assert not re.search(r"Errno|could not|such file|[Pp]ermission", result.message)


class _NoClass20(ModemSimulator):
    def _answer(self, body, original):
        return ("ERROR",) if body == "+FCLASS=2.0" else super()._answer(body, original)


class _RefusesLocalId(ModemSimulator):
    def _answer(self, body, original):
        return ("ERROR",) if body.startswith("+FLI=") else super()._answer(body, original)


@pytest.mark.parametrize(
    "simulator, reason",
    [
        (_NoClass20, "modem di {device} tidak mendukung faks kelas 2.0"),
        (_RefusesLocalId, 'modem di {device} menolak perintah AT+FLI="+62 21 555 0100"'),
    ],
)
def test_a_modem_unfit_for_fax_is_not_a_call(simulator, reason):
    sim = simulator("ok", speedup=500)
    sim.start()
    try:
        result = Class2Driver(config(sim.path)).send("021", [b"\x00"])
    finally:
        sim.stop()
    assert not result.reached_line and not any(c.startswith("ATD") for c in sim.commands)
    assert result.message == "Modem tidak tersedia: " + reason.format(device=sim.path)


def test_an_unanswered_setup_command_is_not_a_call():
    class Mute(ModemSimulator):
        def _command(self, line):
            if not line.upper().startswith("AT+FCC"):
                super()._command(line)

    sim = Mute("ok", speedup=500)
    sim.start()
    try:
        result = Class2Driver(config(sim.path)).send("021", [b"\x00"])
    finally:
        sim.stop()
    assert not result.reached_line
    assert result.message == (
        f"Modem tidak tersedia: modem di {sim.path} tidak menjawab dalam "
        "batas waktu (AT+FCC=0,5,0,2,0,0,0,0)"
    )


def test_once_atd_is_sent_it_is_a_call():
    with simulated_modem("no_dialtone", speedup=500, dial_delay=0.05) as sim:
        result = Class2Driver(config(sim.path)).send("021", [b"\x00"])
    assert result.reached_line and not result.vanished
    assert result.message == "Tidak ada nada pilih — periksa kabel telepon"


def test_a_modem_that_vanishes_while_page_data_drains_is_a_port_failure():
    """tcdrain on a port that is gone raises termios.error, which is no OSError: the channel
    turns it into one, so the drivers record a vanished modem instead of crashing."""
    master, slave = os.openpty()

    class Unplugged(serial.Serial):
        def write(self, data):
            written = super().write(data)
            os.close(master)  # the USB adapter is pulled while the data drains
            return written

    port = Unplugged(os.ttyname(slave), timeout=0.05)
    try:
        with pytest.raises(OSError) as gone:
            ATChannel(port).send_data(b"page data", False, 1.0)
        assert gone.value.errno == errno.EIO
    finally:
        port.close()
        os.close(slave)
