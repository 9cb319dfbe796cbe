"""Print a document: shows the configured printer and the document, prints or cancels."""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer
from textual.worker import Worker, WorkerState

from tui.dialogs.base import DIALOGS_CSS
from tui.keys import bind
from tui.widgets.plain import Static

PRINTER_NAMES = {"pdf": "Berkas PDF", "cups": "Printer CUPS", "raw": "Printer dot-matrix"}


def make_configured_printer(config):
    """The printer from warkat.toml; PDFs are always kept under the home's out/ folder."""
    from hw.printer import make_printer

    opts = config.printer
    extra = {"cups": {"queue": opts.queue}, "raw": {"device": opts.device}}.get(opts.kind, {})
    return make_printer(opts.kind, out_dir=config.out_dir, **extra)


def pdf_text(pdf: bytes, *, first_page: bool = False, layout: bool = False) -> str | None:
    """The PDF as plain text (poppler's pdftotext), or None when that is not possible."""
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        return None
    args = [
        "pdftotext",
        *(["-l", "1"] if first_page else []),
        *(["-layout"] if layout else []),
        "-",
        "-",
    ]
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


def printer_problem(config) -> str:
    """Why the configured printer cannot print now, as far as can be told beforehand."""
    try:
        printer = make_configured_printer(config)
    except ValueError as exc:
        return str(exc)
    from hw.printer import CupsPrinter

    if isinstance(printer, CupsPrinter) and not printer.scheduler_running():
        return "Server cetak CUPS tidak berjalan atau tidak dapat dihubungi."
    return ""


def page_count(pdf: bytes) -> int:
    return max(1, len(re.findall(rb"/Type\s*/Page(?!s)", pdf)))


class PrintDialog(ModalScreen):
    """The document and the configured printer; the preview, the printer's state and the
    printing itself run in threads, so the terminal never waits on poppler or CUPS."""

    CSS_PATH = DIALOGS_CSS
    BINDINGS = [bind("escape", "dismiss"), bind("c", "print")]  # Enter: the focused button

    def __init__(self, pdf: bytes, title: str, text: str | None = None):
        """`text`: the document's own plain-text form, if it has one (for dot-matrix)."""
        super().__init__()
        self.pdf, self.doc_title, self.text = pdf, title, text
        self.printing = False

    def compose(self) -> ComposeResult:
        opts = self.app.session.config.printer
        target = opts.queue or opts.device or str(self.app.session.config.out_dir)
        with Vertical(classes="dialog"):
            yield Static("Cetak dokumen", classes="dialog-title")
            yield Static(f"{self.doc_title}\n{page_count(self.pdf)} halaman, kertas {opts.paper}")
            yield Static(
                f"Printer: {PRINTER_NAMES.get(opts.kind, opts.kind)} — {target}", id="print-printer"
            )
            with VerticalScroll(id="print-preview"):
                yield Static("Menyiapkan pratinjau…", id="print-text")
            with Horizontal(classes="buttons"):
                yield Button("Cetak", id="print", variant="primary")
                yield Button("Batal", id="cancel")
            yield Static("", id="print-result")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#print", Button).focus()
        self.run_worker(self.look, name="look", thread=True, exit_on_error=False)

    def look(self) -> tuple[str, str]:
        """In a thread: the first lines of the document (its own text form, if it has one),
        and what is wrong with the printer."""
        preview = self.text.rstrip() if self.text else text_preview(self.pdf)
        return preview, printer_problem(self.app.session.config)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "print":
            self.action_print()
        else:
            self.dismiss(None)

    def action_print(self) -> None:
        if self.printing:
            return
        self.printing = True
        self.query_one("#print", Button).disabled = True
        self.query_one("#print-result", Static).update("Sedang mencetak…")
        self.run_worker(self.send, name="print", thread=True, exit_on_error=False)

    def send(self) -> tuple[bool, str]:
        """In a thread: print (or keep) the document; whether it went, and what to say."""
        config = self.app.session.config
        try:
            printer = make_configured_printer(config)
        except ValueError as exc:
            return False, str(exc)
        raw = config.printer.kind == "raw"  # dot-matrix: text only
        text = (self.text or pdf_text(self.pdf, layout=True)) if raw else None
        result = printer.print_pdf(self.pdf, self.doc_title, text=text)
        kept = result.kept_pdf and str(result.kept_pdf) not in result.message
        where = f"\nPDF disimpan: {result.kept_pdf}" if kept else ""
        return result.ok, f"{result.message}{where}"

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Show what a thread found or did, here on the event loop."""
        worker = event.worker
        if event.state == WorkerState.ERROR:
            shown = f"Gagal: {worker.error}"
            if worker.name == "look":
                self.query_one("#print-text", Static).update(shown)
            else:
                self.printed(False, shown)
        elif event.state == WorkerState.SUCCESS:
            if worker.name == "look":
                preview, problem = worker.result
                self.query_one("#print-text", Static).update(Text(preview))
                if problem:
                    self.query_one("#print-printer", Static).update(
                        Text.assemble(
                            str(self.query_one("#print-printer", Static).render()),
                            "\n",
                            (problem, self.app.current_theme.warning or ""),
                        )
                    )
            else:
                self.printed(*worker.result)

    def printed(self, ok: bool, message: str) -> None:
        self.printing = False
        self.query_one("#print", Button).disabled = False
        self.query_one("#print-result", Static).update(Text(message))
        if ok:
            self.app.notify(message.splitlines()[0])
