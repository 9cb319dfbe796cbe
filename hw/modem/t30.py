"""T.30 frames as a Class 1 sender sees them, and the T.31 modulation codes.

Octets are as the host exchanges them with a T.31 modem: HDLC sends each octet LSB first, so
bit 1 of a T.30 field (the first on the line) is the LSB of its octet. An FCF's LSB is the X
bit (1 in every frame of the calling station after it received DIS), left out of the codes
below.
"""

from __future__ import annotations

from dataclasses import dataclass

ADDRESS = 0xFF
CONTROL = 0x03  # more frames follow in this message
CONTROL_FINAL = 0x13

NSF, CSI, DIS = 0x20, 0x40, 0x80
NSS, TSI, DCS = 0x22, 0x42, 0x82
CFR, FTT = 0x84, 0x44
EOM, MPS, EOP = 0x8E, 0x4E, 0x2E
PRI_EOM, PRI_MPS, PRI_EOP = 0x9E, 0x5E, 0x3E
MCF, RTP, RTN, PIP, PIN = 0x8C, 0xCC, 0x4C, 0xAC, 0x2C
DCN, CRP = 0xFA, 0x1A

NAMES = {
    NSF: "NSF",
    CSI: "CSI",
    DIS: "DIS",
    NSS: "NSS",
    TSI: "TSI",
    DCS: "DCS",
    CFR: "CFR",
    FTT: "FTT",
    EOM: "EOM",
    MPS: "MPS",
    EOP: "EOP",
    PRI_EOM: "PRI-EOM",
    PRI_MPS: "PRI-MPS",
    PRI_EOP: "PRI-EOP",
    MCF: "MCF",
    RTP: "RTP",
    RTN: "RTN",
    PIP: "PIP",
    PIN: "PIN",
    DCN: "DCN",
    CRP: "CRP",
}
IDENT_LENGTH = 20
V21 = 3  # +FTH / +FRH code of the V.21 channel 2 HDLC carrier (300 bit/s)


@dataclass(frozen=True)
class Speed:
    """One high-speed modulation: bit rate, +FTM codes (long/short train), DCS rate bits."""

    modulation: str
    bit_rate: int
    long_code: int
    short_code: int
    dcs_bits: int  # bits 11-14 of DCS, in FIF octet 2

    @property
    def name(self) -> str:
        return f"{self.modulation} {self.bit_rate}"


# Highest first: the order of fall-back after FTT.
SPEEDS = (
    Speed("V.17", 14400, 145, 146, 0x20),
    Speed("V.17", 12000, 121, 122, 0x28),
    Speed("V.17", 9600, 97, 98, 0x24),
    Speed("V.17", 7200, 73, 74, 0x2C),
    Speed("V.29", 9600, 96, 96, 0x04),
    Speed("V.29", 7200, 72, 72, 0x0C),
    Speed("V.27ter", 4800, 48, 48, 0x08),
    Speed("V.27ter", 2400, 24, 24, 0x00),
)

_SCAN_STANDARD = (20, 5, 10, 20, 40, 40, 10, 0)  # DIS bits 21-23 -> ms, 3.85 lines/mm
_SCAN_FINE = (20, 5, 10, 10, 40, 20, 5, 0)  # the same codes at 7.7 lines/mm
_DCS_SCAN = {20: 0x00, 5: 0x10, 10: 0x20, 40: 0x40, 0: 0x70}
_WIDTHS = {0x00: 215, 0x01: 255, 0x02: 303, 0x03: 255}
_LENGTHS = {0x00: "A4", 0x04: "B4", 0x08: "unlimited", 0x0C: "A4"}


class FrameError(ValueError):
    """Bytes that are not a T.30 HDLC frame."""


@dataclass(frozen=True)
class Frame:
    """One received T.30 frame (FCS removed); ``fcf`` without the X bit."""

    control: int
    fcf: int
    fif: bytes = b""

    @property
    def final(self) -> bool:
        return self.control & 0x10 == 0x10

    @property
    def name(self) -> str:
        return NAMES.get(self.fcf, f"FCF {self.fcf:02X}")


def parse_frame(data: bytes) -> Frame:
    """Address, control, FCF and FIF of a frame as +FRH delivered it, without its FCS."""
    if len(data) < 3 or data[0] != ADDRESS or data[1] not in (CONTROL, CONTROL_FINAL):
        raise FrameError(f"bukan bingkai T.30: {data[:4].hex()}")
    fcf = data[2]
    if fcf & 0xFE not in (NSF, CSI, DIS):
        fcf &= 0xFE
    return Frame(data[1], fcf, bytes(data[3:]))


def command(fcf: int, fif: bytes = b"", final: bool = True) -> bytes:
    """A frame the calling station sends (X bit set), for +FTH; the modem adds the FCS."""
    return bytes([ADDRESS, CONTROL_FINAL if final else CONTROL, fcf | 1]) + fif


def encode_ident(text: str) -> bytes:
    """TSI/CSI FIF: 20 printable ASCII characters, last character first, then space padding."""
    clean = "".join(c for c in text if " " <= c <= "~")[:IDENT_LENGTH]
    return clean.rjust(IDENT_LENGTH).encode("ascii")[::-1]


def decode_ident(fif: bytes) -> str:
    """The station ID carried by a CSI/TSI FIF."""
    text = bytes(fif[:IDENT_LENGTH])[::-1].decode("ascii", "replace")
    return "".join(c if " " <= c <= "~" else "?" for c in text).strip()


@dataclass(frozen=True)
class Capabilities:
    """What a DIS says the receiver can do (the parts a T.4 MH sender needs)."""

    receiver: bool  # bit 10: can receive T.4 documents
    modulations: frozenset[str]
    fallback_only: bool  # V.27ter at 2400 only
    fine: bool
    scan_ms: int  # minimum scan line time at standard resolution
    scan_fine_ms: int
    width_mm: int
    length: str  # "A4", "B4" or "unlimited"
    ecm: bool

    def speeds(self, offered: set[int] | None = None, max_bit_rate: int = 14400) -> list[Speed]:
        """Speeds both ends support, highest first; ``offered`` are the modem's +FTM codes."""
        usable = []
        for speed in SPEEDS:
            if speed.modulation not in self.modulations or speed.bit_rate > max_bit_rate:
                continue
            if self.fallback_only and speed.bit_rate != 2400:
                continue
            if offered is not None and not {speed.long_code, speed.short_code} <= offered:
                continue
            usable.append(speed)
        return usable

    def min_scan_ms(self, fine: bool) -> int:
        return self.scan_fine_ms if fine else self.scan_ms


def parse_dis(fif: bytes) -> Capabilities:
    """A DIS FIF (any length; missing octets count as zero) as Capabilities."""
    octets = bytes(fif[:4]).ljust(4, b"\0")
    rate = octets[1] & 0x3C
    modulations = set()
    if rate & 0x08 or rate == 0:
        modulations.add("V.27ter")
    if rate & 0x04:
        modulations.add("V.29")
    if rate & 0x20 and rate & 0x0C == 0x0C:
        modulations.add("V.17")
    scan = (octets[2] >> 4) & 7
    return Capabilities(
        receiver=bool(octets[1] & 0x02),
        modulations=frozenset(modulations),
        fallback_only=rate == 0,
        fine=bool(octets[1] & 0x40),
        scan_ms=_SCAN_STANDARD[scan],
        scan_fine_ms=_SCAN_FINE[scan],
        width_mm=_WIDTHS[octets[2] & 0x03],
        length=_LENGTHS[octets[2] & 0x0C],
        ecm=bool(octets[2] & 0x80) and bool(octets[3] & 0x04),
    )


def build_dcs(speed: Speed, fine: bool, scan_ms: int) -> bytes:
    """DCS FIF: receive T.4, ``speed``, MH coding, 215 mm, A4, ``scan_ms`` per line, no ECM."""
    if scan_ms not in _DCS_SCAN:
        raise ValueError(f"no DCS code for a {scan_ms} ms scan line time")
    octet2 = 0x02 | speed.dcs_bits | (0x40 if fine else 0)
    return bytes([0x00, octet2, _DCS_SCAN[scan_ms]])


def parse_dcs(fif: bytes) -> tuple[Speed, bool, int]:
    """The speed, fine resolution and scan line time a DCS FIF selects."""
    octets = bytes(fif[:3]).ljust(3, b"\0")
    speeds = {s.dcs_bits: s for s in SPEEDS}
    scans = {code: ms for ms, code in _DCS_SCAN.items()}
    try:
        return speeds[octets[1] & 0x3C], bool(octets[1] & 0x40), scans[octets[2] & 0x70]
    except KeyError:
        raise FrameError(f"DCS tidak dikenal: {octets.hex()}") from None


def tcf_length(speed: Speed) -> int:
    """Bytes of zeros in a 1.5 s training check (TCF) at ``speed``."""
    return speed.bit_rate * 3 // 16
