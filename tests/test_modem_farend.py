"""The SpanDSP far end behaves like a Class 1 fax modem with a fax machine behind it."""

import time

import pytest
import serial

from tests.farend_helpers import FarEnd

DLE, ETX = 0x10, 0x03
FINAL = (b"OK", b"ERROR", b"CONNECT", b"BUSY", b"NO ANSWER", b"NO CARRIER")


class Port:
    """Just enough AT over pyserial to talk to the harness."""

    def __init__(self, device):
        self.serial = serial.Serial(device, 115200, timeout=0.05)
        self.buffer = b""

    def read_until_result(self, timeout=10.0):
        """Bytes up to the next final result code: (data before it, the code)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [(self.buffer.find(b"\r\n%s\r\n" % code), code) for code in FINAL]
            found = sorted((at, code) for at, code in found if at >= 0)
            if found:
                at, code = found[0]
                before, self.buffer = self.buffer[:at], self.buffer[at + len(code) + 4 :]
                return before, code
            self.buffer += self.serial.read(4096)
        raise AssertionError(f"no result code in {timeout} s: {self.buffer!r}")

    def command(self, line, timeout=10.0):
        self.serial.write(line.encode() + b"\r")
        return self.read_until_result(timeout)

    def frame(self, timeout=10.0):
        """One received HDLC frame (DLE-unstuffed, FCS still on) and the code after it."""
        data, code = self.read_until_result(timeout)
        assert data.endswith(bytes([DLE, ETX])), data
        return data[:-2].replace(b"\x10\x10", b"\x10"), code


def fcs(frame):
    """HDLC FCS (CRC-16/X.25) as sent on the line, low byte first."""
    crc = 0xFFFF
    for byte in frame:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    crc ^= 0xFFFF
    return bytes([crc & 0xFF, crc >> 8])


def dis_bit(fif, bit):
    """T.30 bit `bit` (numbered from 1) of a DIS/DCS information field, as T.31 delivers it."""
    return bool(fif[(bit - 1) // 8] & (1 << ((bit - 1) % 8)))


@pytest.fixture(name="far_end")
def far_end_fixture(tmp_path):
    with FarEnd(tmp_path) as far_end:
        yield far_end


def test_answers_as_a_class1_modem(far_end):
    port = Port(far_end.device)
    assert port.command("ATZ")[1] == b"OK"
    assert port.command("ATE0")[1] == b"OK"
    data, code = port.command("AT+FCLASS=?")
    assert code == b"OK" and "1" in data.decode().strip().split(",")
    assert port.command("AT+FCLASS=1") == (b"", b"OK")
    for query in ("AT+FTM=?", "AT+FRM=?"):
        data, code = port.command(query)
        assert code == b"OK"
        assert {"24", "48", "96", "146"} <= set(data.decode().strip().split(","))
    assert port.command("AT+FTH=?")[0].strip() == b"3"
    assert port.command("ATI0")[0].strip() == b"spandsp"


@pytest.mark.parametrize(("option", "answer"), [("busy", b"BUSY"), ("no_answer", b"NO ANSWER")])
def test_failed_call(tmp_path, option, answer):
    with FarEnd(tmp_path, **{option: True}) as far_end:
        port = Port(far_end.device)
        port.command("ATE0")
        port.command("AT+FCLASS=1")
        assert port.command("ATD123", timeout=30) == (b"", answer)
        assert port.command("ATH")[1] == b"OK"
        assert far_end.result(10)[1] == 0
        assert far_end.pages() == []


@pytest.mark.parametrize(
    ("modems", "rate_bits"),
    [(None, (1, 1, 0, 1)), (["v29", "v27ter"], (1, 1, 0, 0)), (["v27ter"], (0, 1, 0, 0))],
)
def test_call_brings_csi_and_dis(tmp_path, modems, rate_bits):
    with FarEnd(tmp_path, modems=modems, ident="+62 355 123456") as far_end:
        port = Port(far_end.device)
        port.command("ATE0")
        port.command("AT+FCLASS=1")
        # ATD connects straight into frame reception: CONNECT, then the CSI.
        assert port.command("ATD123", timeout=30) == (b"", b"CONNECT")
        csi, code = port.frame()
        assert code == b"OK"
        assert csi[:3] == b"\xff\x03\x40"  # address, non-final control, CSI (LSB-first order)
        assert csi[3:-2] == b"+62 355 123456".rjust(20)[::-1]  # right-aligned, reversed
        assert csi[-2:] == fcs(csi[:-2])
        # One frame per AT+FRH=3: the DIS is the final frame.
        assert port.command("AT+FRH=3") == (b"", b"CONNECT")
        dis, code = port.frame()
        assert code == b"OK"
        assert dis[:3] == b"\xff\x13\x80"
        assert dis[-2:] == fcs(dis[:-2])
        fif = dis[3:-2]
        assert tuple(int(dis_bit(fif, bit)) for bit in (11, 12, 13, 14)) == rate_bits
        assert dis_bit(fif, 10)  # ready to receive
        assert dis_bit(fif, 15)  # fine resolution
        assert not dis_bit(fif, 27)  # no ECM
        assert (fif[2] >> 4) & 7 == 7  # minimum scan line time 0 ms
        assert port.command("ATH")[1] == b"OK"
        code, pages, text = far_end.result(10)
        assert (code, pages) == (49, 0), text  # the host hung up in phase B
        assert "Rx:  TSI" not in far_end.log_text() and "Tx:  DIS" in far_end.log_text()
        far_end.proc.wait(10)


def test_closing_the_port_after_dialling_ends_the_harness(tmp_path):
    with FarEnd(tmp_path) as far_end:
        port = Port(far_end.device)
        port.command("ATE0")
        port.command("AT+FCLASS=1")
        assert port.command("ATD123", timeout=30)[1] == b"CONNECT"
        port.serial.close()
        assert far_end.result(10)[:2] == (49, 0)
        assert far_end.proc.wait(10) == 0
