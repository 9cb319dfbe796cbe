"""Print a document: shows the configured printer and the document, prints or cancels."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer

from tui.widgets.plain import Static

PRINTER_NAMES = {"pdf": "Berkas PDF", "cups": "Printer CUPS", "raw": "Printer dot-matrix"}


def make_configured_printer(config):
    """The printer from warkat.toml; PDFs are always kept under the home's out/ folder."""
    from hw.printer import make_printer

    opts = config.printer
    kind = opts.get("kind", "pdf")
    extra = {"cups": {"queue": opts.get("queue", "")},
             "raw": {"device": opts.get("device", "")}}.get(kind, {})
    return make_printer(kind, out_dir=config.out_dir, **extra)


def pdf_text(pdf: bytes, *, first_page: bool = False, layout: bool = False) -> str | None:
    """The PDF as plain text (poppler's pdftotext), or None when that is not possible."""
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        return None
    args = ["pdftotext", *(["-l", "1"] if first_page else []), *(["-layout"] if layout else []),
            "-", "-"]
    try:
        out = subprocess.run(args, input=pdf, capture_output=True, timeout=20, check=True)
    except (subprocess.SubprocessError, OSError):
        return None
    return out.stdout.decode("utf-8", "replace")


def text_preview(pdf: bytes, lines: int = 12) -> str:
    """The first lines of page 1, for a look before printing."""
    text = pdf_text(pdf, first_page=True)
    if text is None:
        return "(pratinjau teks tidak tersedia: pasang poppler-utils)"
    shown = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return "\n".join(shown[:lines])


def page_count(pdf: bytes) -> int:
    return max(1, len(re.findall(rb"/Type\s*/Page(?!s)", pdf)))


class PrintDialog(ModalScreen):
    BINDINGS = [("escape", "dismiss", "Batal"), ("enter", "print", "Cetak")]

    def __init__(self, pdf: bytes, title: str, text: str | None = None):
        """`text`: the document's own plain-text form, if it has one (for dot-matrix)."""
        super().__init__()
        self.pdf, self.doc_title, self.text = pdf, title, text

    def compose(self) -> ComposeResult:
        opts = self.app.session.config.printer
        kind = opts.get("kind", "pdf")
        target = opts.get("queue") or opts.get("device") or str(self.app.session.config.out_dir)
        with Vertical(classes="dialog", id="print-box"):
            yield Static("Cetak dokumen", classes="dialog-title")
            yield Static(f"{self.doc_title}\n{page_count(self.pdf)} halaman, "
                         f"kertas {opts.get('paper', 'A4')}")
            yield Static(f"Printer: {PRINTER_NAMES.get(kind, kind)} — {target}")
            with VerticalScroll(id="print-preview"):
                yield Static(text_preview(self.pdf))
            with Horizontal(classes="buttons"):
                yield Button("Cetak", id="print", variant="primary")
                yield Button("Batal", id="cancel")
            yield Static("", id="print-result")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "print":
            self.action_print()
        else:
            self.dismiss(None)

    def action_print(self) -> None:
        try:
            printer = make_configured_printer(self.app.session.config)
        except ValueError as exc:
            self.query_one("#print-result", Static).update(str(exc))
            return
        raw = self.app.session.config.printer.get("kind") == "raw"  # dot-matrix: text only
        text = (self.text or pdf_text(self.pdf, layout=True)) if raw else None
        result = printer.print_pdf(self.pdf, self.doc_title, text=text)
        kept = result.kept_pdf and str(result.kept_pdf) not in result.message
        where = f"\nPDF disimpan: {result.kept_pdf}" if kept else ""
        self.query_one("#print-result", Static).update(f"{result.message}{where}")
        if result.ok:
            self.app.notify(result.message)
