"""The fax message page (Tata Naskah Dinas, a naskah dinas sent by fax) drawn on fax pages.

First page: the kop, the title, the fields (Kepada Yth. … Jumlah halaman) with aligned
colons, a rule, the text (isi berita, or a cover sheet's note), and the signature block at
the right, which never stands alone on a page: the last lines of the text go with it.
Continuation pages carry the text only; attachment pages follow; every page gets the
transmit header line and "Hal n/m". Data in (any object shaped like ``Message``), pages out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PIL import Image, ImageDraw

from hw.faxpage import (
    FINE_LINES,
    HEADER_HEIGHT,
    MARGIN,
    WIDTH,
    attachment_pages,
    font,
    letterhead,
    stamp_header,
    to_fax,
)

LEFT, RIGHT = 190, WIDTH - 130  # text margins (about 24 mm and 16 mm on the fax width)
TOP, BOTTOM = HEADER_HEIGHT + 40, FINE_LINES - MARGIN
SIZE, LINE = 30, 42  # body font size and line pitch (fine lines)
TITLE_SIZE = 40
SIGN_LEFT = WIDTH // 2 + 60  # the signature block's left edge
SIGN_SPACE = 4  # lines left blank to sign in
KEEP = 2  # lines of text that stay with the signature block


class Message(Protocol):
    """What the page shows (model.fax.message.FaxMessage is one)."""

    letterhead: tuple[str, ...]
    title: str
    body: str
    attachment_name: str
    attachment: bytes | None

    def fields(self, total_pages: int, attachment_pages: int = 0) -> list[tuple[str, str]]: ...

    def signature(self) -> list[str]: ...


@dataclass(frozen=True)
class Layout:
    """Which lines of text go on which message page."""

    pages: list[list[str]]
    sign_lines: int  # the signature block's height in lines


def _regular():
    return font("DejaVuSans.ttf", SIZE)


def _bold():
    return font("DejaVuSans-Bold.ttf", SIZE)


def wrap(text: str, width: int, face=None) -> list[str]:
    """Word-wrap `text` to `width` pixels; blank lines kept, over-long words broken."""
    face = face or _regular()
    lines: list[str] = []
    for paragraph in text.expandtabs(4).splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            while face.getlength(word) > width:  # a word wider than the line: broken
                cut = len(word) - 1
                while cut > 1 and face.getlength(word[:cut]) > width:
                    cut -= 1
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:cut])
                word = word[cut:]
            trial = f"{line} {word}" if line else word
            if face.getlength(trial) <= width:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _label_width(fields: list[tuple[str, str]]) -> int:
    return int(max(_regular().getlength(name) for name, _ in fields)) + 24


def text_top(msg: Message) -> int:
    """Fine lines from the top of the page to the text under the fields' rule."""
    probe = ImageDraw.Draw(Image.new("L", (WIDTH, 10), 255))
    y = letterhead(probe, list(msg.letterhead), TOP) + TITLE_SIZE + 50
    fields = msg.fields(999, 999)
    value_width = RIGHT - LEFT - _label_width(fields) - 30
    for _name, value in fields:
        y += LINE * max(1, len(wrap(value, value_width)))
    return y + 60


def _sign_wrapped(msg: Message) -> list[str]:
    place, position, *rest = msg.signature()
    return [place, *wrap(position, RIGHT - SIGN_LEFT), *rest]


def layout(msg: Message) -> Layout:
    """Paginate the text: the first page under the fields, then full pages; the signature
    block on the last page with at least the last `KEEP` lines."""
    lines = wrap(msg.body, RIGHT - LEFT)
    sign = len(_sign_wrapped(msg)) + SIGN_SPACE + 1
    room = (BOTTOM - text_top(msg)) // LINE
    pages: list[list[str]] = []
    while len(lines) + sign > room:
        take = max(0, min(room, len(lines) - KEEP))
        pages.append(lines[:take])
        lines = lines[take:]
        while lines and not lines[0]:  # a page does not begin with a blank line
            lines.pop(0)
        room = (BOTTOM - TOP) // LINE
    pages.append(lines)
    return Layout(pages, sign)


def _draw_fields(draw: ImageDraw.ImageDraw, msg: Message, total: int, attached: int) -> int:
    y = letterhead(draw, list(msg.letterhead), TOP)
    title = font("DejaVuSans-Bold.ttf", TITLE_SIZE)
    draw.text((WIDTH // 2, y), msg.title, font=title, fill=0, anchor="ma")
    half = title.getlength(msg.title) / 2
    draw.rectangle(
        (WIDTH // 2 - half, y + TITLE_SIZE + 6, WIDTH // 2 + half, y + TITLE_SIZE + 8), fill=0
    )
    y += TITLE_SIZE + 50
    fields = msg.fields(total, attached)
    colon = LEFT + _label_width(fields)
    for name, value in fields:
        draw.text((LEFT, y), name, font=_regular(), fill=0)
        draw.text((colon, y), ":", font=_regular(), fill=0)
        for line in wrap(value, RIGHT - colon - 30) or ["-"]:
            draw.text((colon + 30, y), line, font=_regular(), fill=0)
            y += LINE
    y += 20
    draw.rectangle((LEFT, y, RIGHT, y + 2), fill=0)
    return y + 40


def _draw_signature(draw: ImageDraw.ImageDraw, msg: Message, y: int) -> None:
    *top, name, nip = _sign_wrapped(msg)
    for line in top:
        draw.text((SIGN_LEFT, y), line, font=_regular(), fill=0)
        y += LINE
    y += LINE * SIGN_SPACE
    draw.text((SIGN_LEFT, y), name, font=_bold(), fill=0)
    underline = y + SIZE + 6
    draw.rectangle(
        (SIGN_LEFT, underline, SIGN_LEFT + _bold().getlength(name), underline + 2), fill=0
    )
    draw.text((SIGN_LEFT, y + LINE), nip, font=_regular(), fill=0)


def message_pages(msg: Message, attached: int, fine: bool = False) -> list[Image.Image]:
    """The message's own pages (1-bit), counting `attached` attachment pages after them."""
    plan = layout(msg)
    total = len(plan.pages) + attached
    pages = []
    for number, lines in enumerate(plan.pages):
        gray = Image.new("L", (WIDTH, FINE_LINES), 255)
        draw = ImageDraw.Draw(gray)
        y = _draw_fields(draw, msg, total, attached) if number == 0 else TOP
        for line in lines:
            draw.text((LEFT, y), line, font=_regular(), fill=0)
            y += LINE
        if number == len(plan.pages) - 1:
            _draw_signature(draw, msg, y + LINE)
        pages.append(to_fax(gray, fine))
    return pages


def render_message(msg: Message, header: str, fine: bool = False) -> list[Image.Image]:
    """Every page faxed for `msg` — message pages, then its attachment — each with the
    header line and its page counter."""
    extra = attachment_pages(msg.attachment_name, msg.attachment, fine)
    pages = message_pages(msg, len(extra), fine) + extra
    for number, page in enumerate(pages, 1):
        stamp_header(page, header, f"Hal {number}/{len(pages)}")
    return pages
