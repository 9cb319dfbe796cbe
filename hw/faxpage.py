"""Render messages and attachments to 1-bit A4 fax pages (1728 px wide).

Pages are drawn in grayscale at fine resolution (204x196 dpi, nearly square pixels) and only
then halved vertically for standard resolution (204x98 dpi), so letters keep their shape.
Sendable attachments: plain text (.txt), PDF (.pdf) and images (.png, .jpg/.jpeg, .tif/.tiff).
"""

from __future__ import annotations

import textwrap
import threading
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw, ImageFont, ImageOps

WIDTH = 1728
FINE_LINES = 2287
STANDARD_LINES = 1143
MARGIN = 96
HEADER_HEIGHT = 44
BODY_SIZE = 30
HEADER_SIZE = 24
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path(__file__).parents[1] / "print" / "fonts",
)
DPI_X, DPI_Y = 204, 196
PDFIUM = threading.Lock()  # PDFium is not thread-safe; the daemon runs a worker per modem
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
def font(name: str, size: int):
    """A DejaVu font: the system's, else the copy shipped with print/."""
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size)


def to_fax(gray: Image.Image, fine: bool, dither: bool = False) -> Image.Image:
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
    mono = font("DejaVuSansMono.ttf", HEADER_SIZE)
    draw.text((MARGIN // 2, 8), text, font=mono, fill=0)
    if right:
        draw.text((WIDTH - MARGIN // 2, 8), right, font=mono, fill=0, anchor="ra")
    draw.line((MARGIN // 2, HEADER_HEIGHT - 4, WIDTH - MARGIN // 2, HEADER_HEIGHT - 4), fill=0)
    return strip


def stamp_header(page: Image.Image, text: str, right: str = "") -> Image.Image:
    """Draw the transmit header across the top of a 1-bit page (in place) and return it."""
    fine = page.height > STANDARD_LINES + 10
    strip = to_fax(_text_strip(text, right), fine)
    page.paste(strip, (0, 0))
    return page


def header_line(header: str, sent_at: datetime, agenda_number: str) -> str:
    """The transmit header line without the page counter."""
    return f"{header}  {sent_at:%d-%m-%Y %H:%M}  No. {agenda_number}"


def header_text(doc: FaxDocument) -> str:
    return header_line(doc.header, doc.sent_at, doc.agenda_number)


def _columns(face, width: int) -> int:
    return max(20, int(width // face.getlength("M")))


def _wrap(body: str, columns: int) -> list[str]:
    lines = []
    for paragraph in body.expandtabs(4).splitlines() or [""]:
        lines.extend(
            textwrap.wrap(paragraph, columns, replace_whitespace=False, drop_whitespace=True)
            or [""]
        )
    return lines


def letterhead(draw: ImageDraw.ImageDraw, lines: list[str], top: int) -> int:
    """Centre the kop (government, office in bold, then address lines), rule it off with a
    double line; return the y below it."""
    y = top
    for i, line in enumerate(lines):
        size = (36, 44)[i] if i < 2 else 28
        face = font("DejaVuSans-Bold.ttf" if i < 2 else "DejaVuSans.ttf", size)
        draw.text((WIDTH // 2, y), line, font=face, fill=0, anchor="ma")
        y += size + 12
    if lines:
        y += 10
        draw.rectangle((MARGIN, y, WIDTH - MARGIN, y + 5), fill=0)
        draw.rectangle((MARGIN, y + 10, WIDTH - MARGIN, y + 11), fill=0)
        y += 40
    return y


def text_pages(body: str, kop: list[str] = (), fine: bool = False) -> list[Image.Image]:
    """Word-wrap ``body`` in a monospace font onto pages; the ``kop`` lines top the first."""
    mono = font("DejaVuSansMono.ttf", BODY_SIZE)
    line_height = int(BODY_SIZE * 1.3)
    lines = _wrap(body, _columns(mono, WIDTH - 2 * MARGIN))
    pages: list[Image.Image] = []
    while lines or not pages:
        gray = Image.new("L", (WIDTH, FINE_LINES), 255)
        draw = ImageDraw.Draw(gray)
        y = HEADER_HEIGHT + 40
        if not pages:
            y = letterhead(draw, list(kop), y)
        fits = max(1, (FINE_LINES - MARGIN - y) // line_height)
        chunk, lines = lines[:fits], lines[fits:]
        for i, line in enumerate(chunk):
            draw.text((MARGIN, y + i * line_height), line, font=mono, fill=0)
        pages.append(to_fax(gray, fine))
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
    return to_fax(canvas, fine, dither)


def image_to_fax_page(image: Image.Image, fine: bool = False) -> Image.Image:
    """Scale an image (square pixels assumed) to the fax width and make it 1-bit.

    Scans of documents are thresholded; photographs are dithered (Floyd-Steinberg).
    """
    gray = ImageOps.exif_transpose(image).convert("L")
    gray = gray.resize((gray.width, max(1, round(gray.height * 196 / 204))))
    return _place(gray, fine, dither=not _is_bilevel(gray))


def pdf_to_fax_pages(pdf: bytes | str | Path, fine: bool = False) -> list[Image.Image]:
    """Rasterise every PDF page with PDFium (pypdfium2, a pip wheel: no system packages) at
    204 dpi, then to 196 lines per inch, onto fax pages."""
    source = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    with PDFIUM:
        try:
            grays = _pdf_grays(source)
        except pypdfium2.PdfiumError as exc:
            raise FaxPageError(f"Lampiran PDF tidak dapat dibaca: {exc}") from exc
    if not grays:
        raise FaxPageError("Lampiran PDF tidak berisi halaman")
    return [_place(gray, fine, dither=not _is_bilevel(gray)) for gray in grays]


def _pdf_grays(source: bytes) -> list[Image.Image]:
    """Each page in grayscale at 204x196 dpi."""
    document = pypdfium2.PdfDocument(source)
    grays = []
    try:
        for page in document:
            gray = page.render(scale=DPI_X / 72, grayscale=True).to_pil().convert("L")
            page.close()
            height = max(1, round(gray.height * DPI_Y / DPI_X))
            grays.append(gray.resize((gray.width, height), Image.Resampling.LANCZOS))
    finally:
        document.close()
    return grays


def attachment_pages(name: str, data: bytes | None, fine: bool = False) -> list[Image.Image]:
    """Fax pages of a request's stored attachment (PDF or text); none without one."""
    if not data:
        return []
    if name.lower().endswith(".pdf"):
        return pdf_to_fax_pages(bytes(data), fine)
    return text_pages(bytes(data).decode("utf-8", "replace"), fine=fine)


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
