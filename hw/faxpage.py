"""Render messages and attachments to 1-bit A4 fax pages (1728 px wide).

Pages are drawn in grayscale at fine resolution (204x196 dpi, nearly square pixels) and only
then halved vertically for standard resolution (204x98 dpi), so letters keep their shape.
Sendable attachments: plain text (.txt), PDF (.pdf) and images (.png, .jpg/.jpeg, .tif/.tiff).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import textwrap
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

WIDTH = 1728
FINE_LINES = 2287
STANDARD_LINES = 1143
MARGIN = 96
HEADER_HEIGHT = 44
BODY_SIZE = 30
HEADER_SIZE = 24
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
ATTACHMENT_TYPES = {
    ".txt": "teks",
    ".pdf": "PDF",
    ".png": "gambar",
    ".jpg": "gambar",
    ".jpeg": "gambar",
    ".tif": "gambar",
    ".tiff": "gambar",
}


class FaxPageError(Exception):
    """A page or attachment cannot be rendered; the message is for the user (Indonesian)."""


@dataclass(frozen=True)
class FaxDocument:
    """One outgoing message as it is faxed."""

    header: str
    letterhead: list[str]
    body: str
    agenda_number: str
    sent_at: datetime
    fine: bool = False


@lru_cache(maxsize=16)
def _font(name: str, size: int):
    path = FONT_DIR / name
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _to_fax(gray: Image.Image, fine: bool, dither: bool = False) -> Image.Image:
    """Fine-resolution grayscale page -> 1-bit page at the wanted resolution."""
    if not fine:
        height = STANDARD_LINES if gray.height == FINE_LINES else gray.height // 2
        gray = gray.resize((gray.width, height), Image.Resampling.BOX)
    if dither:
        return gray.convert("1")
    return gray.point(lambda v: 255 if v >= 150 else 0, mode="1")


def _text_strip(text: str, right: str = "") -> Image.Image:
    """One header line (fine resolution, grayscale), ``right`` aligned to the right margin."""
    strip = Image.new("L", (WIDTH, HEADER_HEIGHT), 255)
    draw = ImageDraw.Draw(strip)
    font = _font("DejaVuSansMono.ttf", HEADER_SIZE)
    draw.text((MARGIN // 2, 8), text, font=font, fill=0)
    if right:
        draw.text((WIDTH - MARGIN // 2, 8), right, font=font, fill=0, anchor="ra")
    draw.line((MARGIN // 2, HEADER_HEIGHT - 4, WIDTH - MARGIN // 2, HEADER_HEIGHT - 4), fill=0)
    return strip


def stamp_header(page: Image.Image, text: str, right: str = "") -> Image.Image:
    """Draw the transmit header across the top of a 1-bit page (in place) and return it."""
    fine = page.height > STANDARD_LINES + 10
    strip = _to_fax(_text_strip(text, right), fine)
    page.paste(strip, (0, 0))
    return page


def header_text(doc: FaxDocument) -> str:
    """The header line without the page counter."""
    return f"{doc.header}  {doc.sent_at:%d-%m-%Y %H:%M}  No. {doc.agenda_number}"


def _columns(font, width: int) -> int:
    return max(20, int(width // font.getlength("M")))


def _wrap(body: str, columns: int) -> list[str]:
    lines = []
    for paragraph in body.expandtabs(4).splitlines() or [""]:
        lines.extend(
            textwrap.wrap(paragraph, columns, replace_whitespace=False, drop_whitespace=True)
            or [""]
        )
    return lines


def _letterhead(draw: ImageDraw.ImageDraw, lines: list[str], top: int) -> int:
    """Centre the letterhead lines, rule them off; return the y below it."""
    y = top
    for i, line in enumerate(lines):
        font = _font("DejaVuSans-Bold.ttf", 40) if i == 0 else _font("DejaVuSans.ttf", 30)
        draw.text((WIDTH // 2, y), line, font=font, fill=0, anchor="ma")
        y += 52 if i == 0 else 40
    if lines:
        y += 10
        draw.rectangle((MARGIN, y, WIDTH - MARGIN, y + 5), fill=0)
        draw.rectangle((MARGIN, y + 10, WIDTH - MARGIN, y + 11), fill=0)
        y += 40
    return y


def text_pages(body: str, letterhead: list[str] = (), fine: bool = False) -> list[Image.Image]:
    """Word-wrap ``body`` in a monospace font onto pages; ``letterhead`` tops the first one."""
    font = _font("DejaVuSansMono.ttf", BODY_SIZE)
    line_height = int(BODY_SIZE * 1.3)
    lines = _wrap(body, _columns(font, WIDTH - 2 * MARGIN))
    pages: list[Image.Image] = []
    while lines or not pages:
        gray = Image.new("L", (WIDTH, FINE_LINES), 255)
        draw = ImageDraw.Draw(gray)
        y = HEADER_HEIGHT + 40
        if not pages:
            y = _letterhead(draw, list(letterhead), y)
        fits = max(1, (FINE_LINES - MARGIN - y) // line_height)
        chunk, lines = lines[:fits], lines[fits:]
        for i, line in enumerate(chunk):
            draw.text((MARGIN, y + i * line_height), line, font=font, fill=0)
        pages.append(_to_fax(gray, fine))
    return pages


def _is_bilevel(gray: Image.Image) -> bool:
    histogram = gray.histogram()
    extremes = sum(histogram[:40]) + sum(histogram[216:])
    return extremes >= 0.9 * gray.width * gray.height


def _place(gray: Image.Image, fine: bool, dither: bool) -> Image.Image:
    """Fit a grayscale image already in fax pixel aspect onto a white fine page, top centred."""
    scale = min(WIDTH / gray.width, FINE_LINES / gray.height)
    size = (max(1, round(gray.width * scale)), max(1, round(gray.height * scale)))
    canvas = Image.new("L", (WIDTH, FINE_LINES), 255)
    canvas.paste(gray.resize(size, Image.Resampling.LANCZOS), ((WIDTH - size[0]) // 2, 0))
    return _to_fax(canvas, fine, dither)


def image_to_fax_page(image: Image.Image, fine: bool = False) -> Image.Image:
    """Scale an image (square pixels assumed) to the fax width and make it 1-bit.

    Scans of documents are thresholded; photographs are dithered (Floyd-Steinberg).
    """
    gray = ImageOps.exif_transpose(image).convert("L")
    gray = gray.resize((gray.width, max(1, round(gray.height * 196 / 204))))
    return _place(gray, fine, dither=not _is_bilevel(gray))


def pdf_to_fax_pages(pdf: bytes | str | Path, fine: bool = False) -> list[Image.Image]:
    """Rasterise every PDF page with ``pdftoppm`` straight at 204x196 dpi.

    pdftoppm (Debian package poppler-utils) is used rather than a Python PDF renderer: it is
    robust with real-world PDFs, adds no Python dependency and is packaged on every distro.
    """
    if shutil.which("pdftoppm") is None:
        raise FaxPageError(
            "Lampiran PDF tidak dapat diubah: program pdftoppm tidak ditemukan "
            "(pasang paket poppler-utils)"
        )
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "in.pdf")
        if isinstance(pdf, bytes):
            source.write_bytes(pdf)
        else:
            source = Path(pdf)
        done = subprocess.run(
            ["pdftoppm", "-gray", "-rx", "204", "-ry", "196", str(source), str(Path(tmp, "p"))],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if done.returncode != 0:
            raise FaxPageError(f"Lampiran PDF tidak dapat dibaca: {done.stderr.strip()[:200]}")
        pages = []
        for path in sorted(Path(tmp).glob("p-*.pgm")):
            with Image.open(path) as gray:
                pages.append(_place(gray.convert("L"), fine, dither=not _is_bilevel(gray)))
    if not pages:
        raise FaxPageError("Lampiran PDF tidak berisi halaman")
    return pages


def load_attachment(path: str | Path, fine: bool = False) -> list[Image.Image]:
    """Fax pages for one attachment file (text, PDF or PNG/JPEG/TIFF image)."""
    path = Path(path)
    kind = ATTACHMENT_TYPES.get(path.suffix.lower())
    if kind is None:
        allowed = ", ".join(sorted(ATTACHMENT_TYPES))
        raise FaxPageError(
            f"Jenis lampiran {path.suffix or path.name} tidak dapat difaks (yang dapat: {allowed})"
        )
    if kind == "teks":
        return text_pages(path.read_text(encoding="utf-8", errors="replace"), fine=fine)
    if kind == "PDF":
        return pdf_to_fax_pages(path, fine)
    with Image.open(path) as image:
        frames = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            frames.append(image_to_fax_page(image, fine))
    return frames


def render_pages(doc: FaxDocument, attachments=()) -> list[Image.Image]:
    """All pages of a message: text pages, then attachment images, each with the header line."""
    pages = text_pages(doc.body, doc.letterhead, doc.fine)
    expected = FINE_LINES if doc.fine else STANDARD_LINES
    for image in attachments:
        if image.mode == "1" and image.size == (WIDTH, expected):
            pages.append(image.copy())
        else:
            pages.append(image_to_fax_page(image, doc.fine))
    text = header_text(doc)
    for number, page in enumerate(pages, 1):
        stamp_header(page, text, f"Hal {number}/{len(pages)}")
    return pages
