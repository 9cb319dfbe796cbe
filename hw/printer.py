"""Printer backends: PDF files in a folder, CUPS (`lp`), or a raw text/ESC-P device.

Every print keeps the PDF in the output directory first; printer trouble comes back as
PrintResult(ok=False, message=<Indonesian text>), never as an exception.
"""

from __future__ import annotations

import errno
import os
import re
import select
import subprocess
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

JOB_ID = re.compile(r"request id is (\S+)")
TEXT_MAP = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "×": "x",
        "…": "...",
        "\u00a0": " ",
    }
)
ESC_INIT = b"\x1b@"
FORM_FEED = b"\x0c"


@dataclass(frozen=True)
class PrintResult:
    ok: bool
    message: str  # Indonesian, ready to show the user
    kept_pdf: Path | None = None
    job_id: str | None = None


def slug(title: str) -> str:
    text = re.sub(r"[^0-9A-Za-z]+", "-", title.translate(TEXT_MAP)).strip("-").lower()
    return text[:60] or "dokumen"


def write_private(path: Path, data: bytes, exclusive: bool = False) -> None:
    """Write `path` readable by its owner only, whatever the umask; `exclusive`: raise
    FileExistsError rather than overwrite."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(fd, 0o600)  # an overwritten file keeps its mode otherwise
        handle.write(data)


class Printer(ABC):
    """A place documents go; the PDF is always kept under out_dir (owner only: 0700/0600)."""

    def __init__(self, out_dir: Path | str):
        self.out_dir = Path(out_dir)

    def keep(self, data: bytes, title: str, suffix: str = ".pdf") -> Path:
        """Write data to out_dir as <date-time>_<title>.pdf without overwriting anything.
        The title names the file (and the CUPS job): callers give agenda numbers or item ids,
        never a letter's perihal."""
        self.out_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        stem = f"{datetime.now():%Y%m%d-%H%M%S}_{slug(title)}"
        path, n = self.out_dir / f"{stem}{suffix}", 1
        while True:
            try:
                write_private(path, data, exclusive=True)
                return path
            except FileExistsError:
                n += 1
                path = self.out_dir / f"{stem}-{n}{suffix}"

    @abstractmethod
    def print_pdf(self, data: bytes, title: str, text: str | None = None) -> PrintResult:
        """Print a PDF; `text` is its plain-text rendering for printers that need one."""

    def print_text(self, text: str, title: str = "teks") -> PrintResult:
        path = self.keep(text.encode(), title, suffix=".txt")
        return PrintResult(False, f"Printer ini tidak mencetak teks; teks disimpan di {path}", path)


class PdfPrinter(Printer):
    """Default: no printer, just files in the output directory."""

    def print_pdf(self, data: bytes, title: str, text: str | None = None) -> PrintResult:
        path = self.keep(data, title)
        return PrintResult(True, f"Dokumen disimpan sebagai PDF: {path}", path)

    def print_text(self, text: str, title: str = "teks") -> PrintResult:
        path = self.keep(text.encode(), title, suffix=".txt")
        return PrintResult(True, f"Teks disimpan: {path}", path)


class CupsPrinter(Printer):
    """A CUPS queue through `lp -d QUEUE`; CUPS_SERVER (env or `server=`) picks the scheduler."""

    def __init__(
        self, out_dir: Path | str, queue: str, server: str | None = None, timeout: float = 20.0
    ):
        super().__init__(out_dir)
        self.queue = queue
        self.server = server
        self.timeout = timeout

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ)
        if self.server:
            env["CUPS_SERVER"] = self.server
        return subprocess.run(
            args, capture_output=True, text=True, env=env, timeout=self.timeout, check=False
        )

    def scheduler_running(self) -> bool:
        try:
            done = self._run("lpstat", "-r")
        except (FileNotFoundError, subprocess.TimeoutExpired):
            return False
        return "scheduler is running" in done.stdout

    def explain(self, stderr: str) -> str:
        """Translate an lp error into a sentence for the operator."""
        low = stderr.lower()
        if not self.scheduler_running():
            return "Server cetak CUPS tidak berjalan atau tidak dapat dihubungi."
        if "does not exist" in low or "unknown printer" in low:
            return f"Antrean printer '{self.queue}' tidak ditemukan di CUPS."
        if "not accepting" in low:
            return f"Printer '{self.queue}' sedang tidak menerima pekerjaan cetak."
        return f"Gagal mencetak ke '{self.queue}': {stderr.strip() or 'kesalahan tidak dikenal'}."

    def _submit(self, path: Path, title: str) -> PrintResult:
        try:
            done = self._run("lp", "-d", self.queue, "-t", title, str(path))
        except FileNotFoundError:
            return PrintResult(
                False,
                f"Perintah 'lp' tidak ada: paket CUPS belum terpasang. Dokumen disimpan di {path}",
                path,
            )
        except subprocess.TimeoutExpired:
            return PrintResult(
                False, f"Server cetak CUPS tidak menjawab. Dokumen disimpan di {path}", path
            )
        match = JOB_ID.search(done.stdout)
        if done.returncode != 0 or not match:
            return PrintResult(
                False, f"{self.explain(done.stderr)} Dokumen disimpan di {path}", path
            )
        job = match.group(1)
        return PrintResult(True, f"Dikirim ke printer '{self.queue}' (pekerjaan {job}).", path, job)

    def print_pdf(self, data: bytes, title: str, text: str | None = None) -> PrintResult:
        return self._submit(self.keep(data, title), title)

    def print_text(self, text: str, title: str = "teks") -> PrintResult:
        return self._submit(self.keep(text.encode(), title, suffix=".txt"), title)

    def job_state(self, job_id: str) -> str:
        """'pending' (queued, printing or held), 'completed', or 'unknown'."""
        for which, state in (("not-completed", "pending"), ("completed", "completed")):
            try:
                done = self._run("lpstat", "-W", which, "-o", self.queue)
            except (FileNotFoundError, subprocess.TimeoutExpired):
                return "unknown"
            if any(line.split()[:1] == [job_id] for line in done.stdout.splitlines()):
                return state
        return "unknown"


class RawPrinter(Printer):
    """Plain text (optionally ESC/P) to a device file or serial port, e.g. a dot-matrix printer."""

    def __init__(
        self,
        out_dir: Path | str,
        device: str,
        escp: bool = True,
        encoding: str = "cp437",
        baudrate: int | None = None,
        timeout: float = 10.0,
    ):
        super().__init__(out_dir)
        self.device = device
        self.escp = escp
        self.encoding = encoding
        self.baudrate = baudrate
        self.timeout = timeout

    def encode(self, text: str) -> bytes:
        body = text.translate(TEXT_MAP).replace("\r\n", "\n").replace("\n", "\r\n")
        data = body.encode(self.encoding, errors="replace")
        return ESC_INIT + data + FORM_FEED if self.escp else data

    def print_pdf(self, data: bytes, title: str, text: str | None = None) -> PrintResult:
        path = self.keep(data, title)
        if text is None:
            return PrintResult(
                False,
                "Printer dot-matrix hanya mencetak teks dan dokumen ini "
                f"tidak punya versi teks. PDF disimpan di {path}",
                path,
            )
        return self._send(text, path)

    def print_text(self, text: str, title: str = "teks") -> PrintResult:
        return self._send(text, self.keep(text.encode(), title, suffix=".txt"))

    def _send(self, text: str, kept: Path) -> PrintResult:
        try:
            if self.baudrate:
                self._write_serial(self.encode(text))
            else:
                self._write_device(self.encode(text))
        except TimeoutError:
            return PrintResult(
                False,
                f"Printer di {self.device} tidak merespons (mati, offline "
                f"atau kertas habis). Dokumen disimpan di {kept}",
                kept,
            )
        except OSError as exc:
            return PrintResult(False, f"{self._explain(exc)} Dokumen disimpan di {kept}", kept)
        return PrintResult(True, f"Dicetak ke printer {self.device}.", kept)

    def _explain(self, exc: OSError) -> str:
        if exc.errno in (errno.ENOENT, errno.ENXIO, errno.ENODEV):
            return f"Perangkat printer {self.device} tidak ditemukan (kabel atau daya?)."
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return f"Tidak ada izin menulis ke perangkat printer {self.device}."
        return f"Printer {self.device} gagal: {exc.strerror or exc}."

    def _write_device(self, data: bytes) -> None:
        flags = os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
        if not Path(self.device).is_char_device():
            flags |= os.O_APPEND
        fd = os.open(self.device, flags)
        try:
            deadline = time.monotonic() + self.timeout
            view = memoryview(data)
            while view:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError
                try:
                    view = view[os.write(fd, view) :]
                except BlockingIOError:
                    select.select([], [fd], [], min(remaining, 0.5))
        finally:
            os.close(fd)

    def _write_serial(self, data: bytes) -> None:
        import serial  # pyserial; SerialException is an OSError carrying errno when known

        try:
            with serial.Serial(self.device, self.baudrate, write_timeout=self.timeout) as port:
                port.write(data)
                port.flush()
        except serial.SerialTimeoutException as exc:
            raise TimeoutError from exc


BACKENDS = {"pdf": PdfPrinter, "cups": CupsPrinter, "raw": RawPrinter}


def make_printer(kind: str = "pdf", **options) -> Printer:
    """Build a backend: pdf(out_dir), cups(out_dir, queue, server=None), raw(out_dir, device)."""
    try:
        backend = BACKENDS[kind]
    except KeyError:
        raise ValueError(f"Jenis printer tidak dikenal: {kind!r} (pdf, cups, raw)") from None
    return backend(**options)
