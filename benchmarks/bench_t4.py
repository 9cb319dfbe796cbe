"""T.4 encode time per A4 page versus the page's own transmission time at 9600/14400 bit/s.

Baseline, measured in the same run: Pillow's libtiff Group 3 encoder on the same page.
Run: .venv/bin/python benchmarks/bench_t4.py
"""

from __future__ import annotations

import io
import platform
import random
import time
from datetime import datetime

from PIL import Image

from hw.faxpage import FaxDocument, render_pages
from hw.t4 import encode_page

REPEAT = 5


def _best(function, page) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        function(page)
        times.append(time.perf_counter() - start)
    return min(times)


def _libtiff(page: Image.Image) -> bytes:
    buffer = io.BytesIO()
    page.save(buffer, "TIFF", compression="group3")
    return buffer.getvalue()


def _pages() -> dict[str, Image.Image]:
    letter = (
        "Dengan hormat,\n\nBersama ini kami sampaikan undangan rapat koordinasi "
        "pengamanan informasi pada hari Senin pukul 09.00 WIB di ruang rapat.\n\n"
    ) * 6
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 "
    dense = "\n".join((alphabet * 3)[i % 50 : i % 50 + 80] for i in range(60))  # no repeats
    doc = FaxDocument(
        "DISKOMINFO KAB. CONTOH",
        ["PEMERINTAH KABUPATEN CONTOH"],
        letter,
        "005/1/PERS/2025",
        datetime(2025, 11, 25, 9, 0),
        fine=False,
    )
    stripes = (bytes([0b10101010]) * 216 + bytes([0b01010101]) * 216) * 1144
    return {
        "letter, standard": render_pages(doc)[0],
        "letter, fine": render_pages(FaxDocument(**{**doc.__dict__, "fine": True}))[0],
        "dense text, fine": render_pages(
            FaxDocument(**{**doc.__dict__, "body": dense, "fine": True})
        )[0],
        "alternating pixels (2 distinct rows), fine": Image.frombytes("1", (1728, 2287), stripes),
        "random noise (no row repeats), fine": Image.frombytes(
            "1", (1728, 2287), random.Random(1).randbytes(216 * 2287)
        ),
    }


def main() -> None:
    print(f"Python {platform.python_version()}, {platform.machine()}, best of {REPEAT}\n")
    print(
        "| page | encoded KiB | hw/t4 ms | libtiff ms | tx s @9600 | tx s @14400 "
        "| t4/tx @9600 | t4/tx @14400 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, page in _pages().items():
        bits = len(encode_page(page)) * 8
        ours, base = _best(encode_page, page), _best(_libtiff, page)
        tx9600, tx14400 = bits / 9600, bits / 14400
        print(
            f"| {name} | {bits / 8192:.1f} | {ours * 1000:.1f} | {base * 1000:.1f} "
            f"| {tx9600:.1f} | {tx14400:.1f} | {ours / tx9600:.5f} | {ours / tx14400:.5f} |"
        )


if __name__ == "__main__":
    main()
