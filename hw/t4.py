"""ITU-T T.4 Modified Huffman (one-dimensional) coding of 1-bit fax pages.

Rows are packed bits as Pillow's mode "1" stores them: bit set = white, MSB = leftmost pixel.
Encoded data is in T.4 natural order (first bit on the line = MSB of each byte) unless
``lsb_first`` is set, which reverses the bits of every byte (Class 2 ``+FBO=0`` order).
"""

from __future__ import annotations

import re
import struct
from functools import lru_cache
from itertools import cycle
from operator import getitem

EOL = "000000000001"
RTC_EOLS = 6
PAGE_WIDTH = 1728

# Terminating codes for run lengths 0..63, in order.
_WHITE_TERM = (
    "00110101 000111 0111 1000 1011 1100 1110 1111 10011 10100 00111 01000 001000 000011 110100 "
    "110101 101010 101011 0100111 0001100 0001000 0010111 0000011 0000100 0101000 0101011 0010011 "
    "0100100 0011000 00000010 00000011 00011010 00011011 00010010 00010011 00010100 00010101 "
    "00010110 00010111 00101000 00101001 00101010 00101011 00101100 00101101 00000100 00000101 "
    "00001010 00001011 01010010 01010011 01010100 01010101 00100100 00100101 01011000 01011001 "
    "01011010 01011011 01001010 01001011 00110010 00110011 00110100"
).split()
_BLACK_TERM = (
    "0000110111 010 11 10 011 0011 0010 00011 000101 000100 0000100 0000101 0000111 00000100 "
    "00000111 000011000 0000010111 0000011000 0000001000 00001100111 00001101000 00001101100 "
    "00000110111 00000101000 00000010111 00000011000 000011001010 000011001011 000011001100 "
    "000011001101 000001101000 000001101001 000001101010 000001101011 000011010010 000011010011 "
    "000011010100 000011010101 000011010110 000011010111 000001101100 000001101101 000011011010 "
    "000011011011 000001010100 000001010101 000001010110 000001010111 000001100100 000001100101 "
    "000001010010 000001010011 000000100100 000000110111 000000111000 000000100111 000000101000 "
    "000001011000 000001011001 000000101011 000000101100 000001011010 000001100110 000001100111"
).split()
# Make-up codes for 64, 128, ..., 1728, in order.
_WHITE_MAKEUP = (
    "11011 10010 010111 0110111 00110110 00110111 01100100 01100101 01101000 01100111 011001100 "
    "011001101 011010010 011010011 011010100 011010101 011010110 011010111 011011000 011011001 "
    "011011010 011011011 010011000 010011001 010011010 011000 010011011"
).split()
_BLACK_MAKEUP = (
    "0000001111 000011001000 000011001001 000001011011 000000110011 000000110100 000000110101 "
    "0000001101100 0000001101101 0000001001010 0000001001011 0000001001100 0000001001101 "
    "0000001110010 0000001110011 0000001110100 0000001110101 0000001110110 0000001110111 "
    "0000001010010 0000001010011 0000001010100 0000001010101 0000001011010 0000001011011 "
    "0000001100100 0000001100101"
).split()
# Extended make-up codes for 1792, 1856, ..., 2560, shared by both colours.
_EXT_MAKEUP = (
    "00000001000 00000001100 00000001101 000000010010 000000010011 000000010100 000000010101 "
    "000000010110 000000010111 000000011100 000000011101 000000011110 000000011111"
).split()

_MAX_MAKEUP = 2560
_RUNS = re.compile("1+|0+")
_REVERSED = bytes(int(f"{i:08b}"[::-1], 2) for i in range(256))


class T4Error(ValueError):
    """The data is not valid one-dimensional T.4."""


def code_table(white: bool) -> dict[int, str]:
    """Every code of one colour: run length (terminating or make-up) -> bit string."""
    term, makeup = (_WHITE_TERM, _WHITE_MAKEUP) if white else (_BLACK_TERM, _BLACK_MAKEUP)
    table = dict(enumerate(term))
    table.update({64 * (i + 1): c for i, c in enumerate(makeup)})
    table.update({1792 + 64 * i: c for i, c in enumerate(_EXT_MAKEUP)})
    return table


def reverse_bits(data: bytes) -> bytes:
    """Reverse the bit order inside every byte (MSB-first <-> LSB-first)."""
    return data.translate(_REVERSED)


def min_line_bits(bps: int, ms: int) -> int:
    """Bits one coded line must span to last ``ms`` milliseconds at ``bps`` bit/s."""
    return -(-bps * ms // 1000)


def _run_code(table: dict[int, str], n: int) -> str:
    parts = []
    while n > _MAX_MAKEUP:
        parts.append(table[_MAX_MAKEUP])
        n -= _MAX_MAKEUP
    if n >= 64:
        parts.append(table[n - n % 64])
    parts.append(table[n % 64])
    return "".join(parts)


@lru_cache(maxsize=8)
def _run_codes(width: int) -> tuple[list[str], list[str]]:
    white, black = code_table(True), code_table(False)
    return (
        [_run_code(white, n) for n in range(width + 1)],
        [_run_code(black, n) for n in range(width + 1)],
    )


def _rows_of(page, width: int) -> list[bytes]:
    if isinstance(page, list | tuple):
        return list(page)
    if page.mode != "1":
        page = page.convert("1")
    if page.width != width:
        raise ValueError(f"page is {page.width} px wide, expected {width}")
    data = page.tobytes()
    stride = (width + 7) // 8
    return [data[i : i + stride] for i in range(0, len(data), stride)]


def encode_lines(page, width: int = PAGE_WIDTH, min_bits: int = 0) -> str:
    """Encode a page (PIL image or packed rows) as a '0'/'1' string: EOL + line per row, RTC."""
    white_codes, black_codes = _run_codes(width)
    pad = (-width) % 8
    cache: dict[bytes, str] = {}
    parts = []
    for row in _rows_of(page, width):
        line = cache.get(row)
        if line is None:
            bits = f"{int.from_bytes(row, 'big') >> pad:0{width}b}"
            runs = _RUNS.findall(bits)
            if bits[0] == "0":
                runs.insert(0, "")
            line = EOL + "".join(map(getitem, cycle((white_codes, black_codes)), map(len, runs)))
            if len(line) < min_bits:
                line += "0" * (min_bits - len(line))
            cache[row] = line
        parts.append(line)
    parts.append(EOL * RTC_EOLS)
    return "".join(parts)


def encode_page(page, width: int = PAGE_WIDTH, min_bits: int = 0, lsb_first: bool = False) -> bytes:
    """Encode a 1-bit page to T.4 MH bytes ending in RTC, zero-padded to a whole byte.

    ``min_bits`` pads each line (EOL included) with fill zeros to that many bits, see
    :func:`min_line_bits`; Class 2 modems insert fill themselves, so 0 suits them.
    """
    bits = encode_lines(page, width, min_bits)
    bits += "0" * (-len(bits) % 8)
    data = int(bits, 2).to_bytes(len(bits) // 8, "big")
    return reverse_bits(data) if lsb_first else data


@lru_cache(maxsize=2)
def _decode_table(white: bool) -> dict[str, tuple[int, int]]:
    """Every 13-bit window -> (code length, run length) of the code it starts with."""
    table = {}
    for run, code in code_table(white).items():
        free = 13 - len(code)
        for tail in range(1 << free):
            table[code + (f"{tail:0{free}b}" if free else "")] = (len(code), run)
    return table


def decode_rows(data: bytes, width: int = PAGE_WIDTH, lsb_first: bool = False) -> list[bytes]:
    """Decode T.4 MH data to packed rows (bit set = white); stops at RTC or end of data."""
    if lsb_first:
        data = reverse_bits(data)
    bits = f"{int.from_bytes(data, 'big'):0{len(data) * 8}b}" + "0" * 13 if data else ""
    tables = (_decode_table(True), _decode_table(False))
    pad = (-width) % 8
    nbytes = (width + 7) // 8
    rows: list[bytes] = []
    pos = bits.find(EOL)
    while pos >= 0:
        pos += len(EOL)
        one = bits.find("1", pos)
        if one < 0 or one - pos >= 11:  # another EOL right away: RTC (or end of data)
            break
        row, x, colour, makeup = [], 0, 0, False
        while x < width or makeup:
            try:
                size, run = tables[colour][bits[pos : pos + 13]]
            except KeyError:
                raise T4Error(f"invalid code in row {len(rows) + 1} at bit {pos}") from None
            pos += size
            x += run
            row.append(("1", "0")[colour] * run)
            makeup = run >= 64
            if not makeup:
                colour ^= 1
        if x != width:
            raise T4Error(f"row {len(rows) + 1} is {x} pixels, expected {width}")
        rows.append((int("".join(row), 2) << pad).to_bytes(nbytes, "big"))
        one = bits.find("1", pos)
        if one < 0 or one >= len(bits) - 13:
            break
        if one - pos < 11:
            raise T4Error(f"row {len(rows)} is longer than {width} pixels")
        pos = one - 11
    return rows


def decode_page(data: bytes, width: int = PAGE_WIDTH, lsb_first: bool = False):
    """Decode T.4 MH data to a mode "1" PIL image."""
    from PIL import Image

    rows = decode_rows(data, width, lsb_first)
    return Image.frombytes("1", (width, len(rows)), b"".join(rows))


def g3_tiff(data: bytes, width: int, height: int, fine: bool, lsb_first: bool = False) -> bytes:
    """Wrap one page of T.4 MH data as a single-strip TIFF (Compression=3, T4Options=0)."""
    tags = [  # (tag, type, value); type 3 SHORT, 4 LONG, 5 RATIONAL
        (256, 4, width),
        (257, 4, height),
        (258, 3, 1),
        (259, 3, 3),
        (262, 3, 0),
        (266, 3, 2 if lsb_first else 1),
        (273, 4, 0),
        (277, 3, 1),
        (278, 4, height),
        (279, 4, len(data)),
        (282, 5, (204, 1)),
        (283, 5, (196 if fine else 98, 1)),
        (292, 4, 0),
        (296, 3, 2),
    ]
    ifd_size = 2 + 12 * len(tags) + 4
    rational_at = 8 + ifd_size
    data_at = rational_at + 8 * sum(1 for t in tags if t[1] == 5)
    entries, extra = [], b""
    for tag, kind, value in tags:
        if tag == 273:
            value = data_at
        if kind == 5:
            entries.append(struct.pack("<HHII", tag, kind, 1, rational_at + len(extra)))
            extra += struct.pack("<II", *value)
        elif kind == 3:
            entries.append(struct.pack("<HHIHH", tag, kind, 1, value, 0))
        else:
            entries.append(struct.pack("<HHII", tag, kind, 1, value))
    ifd = struct.pack("<H", len(tags)) + b"".join(entries) + struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd + extra + data
