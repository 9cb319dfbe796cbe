"""Pratinjau faks: what one destination will read — the first page's fields, the text and
the signature as text, the page count — and the pages as PNG files in the print folder."""

from __future__ import annotations

import io
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer

from model.base import now
from model.fax.message import FaxMessage
from tui.keys import bind
from tui.widgets.message import say
from tui.widgets.plain import Static


def save_pngs(pages: list, folder: Path, nomor: str) -> list[Path]:
    """Write every page as faks-<nomor>-hal<n>.png (owner only); standard-resolution pages
    drawn at twice their height, as a fax machine prints them."""
    from hw.printer import slug, write_private

    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    paths = []
    for number, page in enumerate(pages, 1):
        image = page if page.height > 2000 else page.resize((page.width, page.height * 2))
        out = io.BytesIO()
        image.save(out, "PNG", dpi=(204, 196))
        path = folder / f"faks-{slug(nomor)}-hal{number}.png"
        write_private(path, out.getvalue())
        paths.append(path)
    return paths


class FaxPreviewScreen(ModalScreen):
    """The message to one destination as the receiver reads it; Ctrl+S saves the pages."""

    CSS_PATH = "preview.tcss"
    BINDINGS = [bind("escape", "dismiss"), bind("ctrl+s", "save_pngs")]

    def __init__(self, message: FaxMessage, fine: bool = False, others: int = 0) -> None:
        super().__init__()
        self.message, self.fine, self.others = message, fine, others
        self.pages: list = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="preview-body", classes="dialog"):
            yield Static("Menyusun halaman faks…", id="preview-summary")
            yield Static("", id="preview-page")
        yield Static("", id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#message", Static).display = False
        self.query_one("#preview-body").focus()
        self.render_pages()

    @work(thread=True, exclusive=True, group="fax-preview", exit_on_error=False)
    def render_pages(self) -> None:
        from hw.faxmessage import layout, render_message
        from hw.faxpage import FaxPageError, header_line

        cfg = self.app.session.config
        header = header_line(cfg.fax.header, now(), self.message.nomor)
        try:
            pages = render_message(self.message, header, self.fine)
        except FaxPageError as exc:
            self.app.call_from_thread(say, self, str(exc))
            return
        own = len(layout(self.message).pages)
        self.app.call_from_thread(self.show, pages, header, own)

    def show(self, pages: list, header: str, own: int) -> None:
        """`own` of the `pages` are the message's, the rest its attachment's."""
        self.pages = pages
        msg, total = self.message, len(pages)
        attached = total - own
        summary = f"Faks ke {msg.kepada}: {total} halaman"
        if attached:
            summary += f" ({own} berita, {attached} lampiran {msg.attachment_name})"
        if self.others:
            summary += f"; {self.others} tujuan lain, masing-masing halaman pertamanya sendiri"
        self.query_one("#preview-summary", Static).update(Text(summary + ".", "bold"))
        text = Text(f"{header}\n", style="bold reverse")  # "Hal 1/n" at its right on paper
        text.append("\n".join(msg.preview_lines(total, attached)))
        self.query_one("#preview-page", Static).update(text)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return bool(self.pages) if action == "save_pngs" else True

    def action_save_pngs(self) -> None:
        if not self.pages:
            return
        try:
            paths = save_pngs(self.pages, self.app.session.config.out_dir, self.message.nomor)
        except OSError as exc:
            say(self, f"Pratinjau tidak dapat disimpan: {exc}")
            return
        more = f" … hal{len(paths)}" if len(paths) > 1 else ""
        say(self, f"Pratinjau disimpan: {paths[0]}{more}", ok=True)
