"""T.4 MH encoder/decoder: round trips against Pillow/libtiff and against Pillow's own encoder."""

import io
import random
from datetime import datetime

import pytest
from PIL import Image, ImageChops

from hw import t4
from hw.faxpage import FaxDocument, render_pages


def libtiff_decode(data: bytes, width: int, height: int, lsb_first: bool) -> Image.Image:
    image = Image.open(io.BytesIO(t4.g3_tiff(data, width, height, True, lsb_first)))
    image.load()
    return image.convert("1")


def assert_round_trip(page: Image.Image, lsb_first: bool = False, min_bits: int = 0) -> bytes:
    data = t4.encode_page(page, page.width, min_bits=min_bits, lsb_first=lsb_first)
    assert libtiff_decode(data, page.width, page.height, lsb_first).tobytes() == page.tobytes()
    mine = t4.decode_page(data, page.width, lsb_first=lsb_first)
    assert mine.size == page.size and mine.tobytes() == page.tobytes()
    return data


def random_runs_page(width: int, height: int, seed: int) -> Image.Image:
    rng = random.Random(seed)
    rows = []
    for _ in range(height):
        bits, colour = [], "1"
        while len(bits) < width:
            n = rng.choice((rng.randint(1, 8), rng.randint(1, 300), rng.randint(1, width)))
            bits.extend(colour * n)
            colour = "0" if colour == "1" else "1"
        rows.append(int("".join(bits[:width]), 2).to_bytes(width // 8, "big"))
    return Image.frombytes("1", (width, height), b"".join(rows))


def every_run_page(width: int = 5376) -> Image.Image:
    """Rows with a white run of n then a black run of n, for every n up to width/2."""
    rows = []
    for n in range(0, width // 2 + 1, 1 if width < 2000 else 7):
        bits = "1" * n + "0" * n + "1" * (width - 2 * n)
        rows.append(int(bits, 2).to_bytes(width // 8, "big"))
    return Image.frombytes("1", (width, len(rows)), b"".join(rows))


@pytest.fixture(scope="module")
def text_pages():
    body = "\n".join(
        f"{i:03d} Bersama ini kami sampaikan laporan keamanan informasi." for i in range(80)
    )
    doc = FaxDocument(
        "DISKOMINFO",
        ["PEMERINTAH KABUPATEN CONTOH"],
        body,
        "005/1/2025",
        datetime(2025, 11, 25, 9, 0),
        fine=True,
    )
    fine = render_pages(doc)
    standard = render_pages(FaxDocument(**{**doc.__dict__, "fine": False}))
    return fine[0], standard[0]


def test_code_tables_are_complete_and_prefix_free():
    for white in (True, False):
        table = t4.code_table(white)
        assert sorted(table) == list(range(64)) + list(range(64, 2561, 64))
        codes = sorted(table.values())
        for a, b in zip(codes, codes[1:], strict=False):
            assert not b.startswith(a)
        assert sum(2.0 ** -len(c) for c in codes) < 1  # room left for EOL


def test_reverse_bits_and_min_line_bits():
    assert t4.reverse_bits(b"\x01\x80\x10\xf0") == b"\x80\x01\x08\x0f"
    assert t4.reverse_bits(t4.reverse_bits(bytes(range(256)))) == bytes(range(256))
    assert t4.min_line_bits(9600, 20) == 192
    assert t4.min_line_bits(14400, 10) == 144


@pytest.mark.parametrize("lsb_first", [False, True])
def test_random_pages_round_trip(lsb_first):
    assert_round_trip(random_runs_page(1728, 300, seed=7), lsb_first)


@pytest.mark.parametrize("lsb_first", [False, True])
def test_text_pages_both_resolutions_round_trip(text_pages, lsb_first):
    fine, standard = text_pages
    assert (fine.size, standard.size) == ((1728, 2287), (1728, 1143))
    assert_round_trip(fine, lsb_first)
    assert_round_trip(standard, lsb_first)


@pytest.mark.parametrize("colour", [0, 255])
def test_uniform_pages(colour):
    page = Image.new("1", (1728, 1143), colour)
    assert_round_trip(page)
    bits = t4.encode_lines(page)
    assert bits.endswith(t4.EOL * 6)  # RTC
    assert bits.count(t4.EOL) == 1143 + 6


def test_alternating_pixels_worst_case():
    row = bytes([0b10101010]) * 216
    shifted = bytes([0b01010101]) * 216
    page = Image.frombytes("1", (1728, 100), (row + shifted) * 50)
    data = assert_round_trip(page, lsb_first=True)
    assert len(data) > 100 * 1728 * 2 // 8  # 1-pixel runs cost 3-4 bits each


def test_every_run_length_including_extended_makeup():
    assert_round_trip(every_run_page(1728))
    assert_round_trip(every_run_page(5376))  # runs past 2560 need repeated 2560 make-up codes


def test_fill_bits_keep_minimum_line_length():
    page = Image.new("1", (1728, 50), 255)
    min_bits = t4.min_line_bits(9600, 20)
    bits = t4.encode_lines(page, min_bits=min_bits)
    lines = bits.split(t4.EOL)[1:-6]
    assert all(len(line) + len(t4.EOL) >= min_bits for line in lines)
    assert_round_trip(page, min_bits=min_bits)


def test_pillow_group3_output_decodes_identically(text_pages):
    page = text_pages[1]
    # Pillow stores mode "1" as min-is-black, so libtiff codes its pixels inverted: hand it the
    # inverted page and the fax data describes ``page`` itself.
    buffer = io.BytesIO()
    ImageChops.invert(page.convert("L")).convert("1").save(buffer, "TIFF", compression="group3")
    tiff = Image.open(io.BytesIO(buffer.getvalue()))
    strips = b"".join(
        buffer.getvalue()[o : o + n]
        for o, n in zip(tiff.tag_v2[273], tiff.tag_v2[279], strict=True)
    )
    assert t4.decode_page(strips).tobytes() == page.tobytes()


def test_decoder_rejects_corrupt_data():
    data = bytearray(t4.encode_page(random_runs_page(1728, 20, seed=3)))
    data[40:60] = b"\x00\x01" * 10
    with pytest.raises(t4.T4Error):
        t4.decode_rows(bytes(data))
