"""A Class 1 fax modem with a real fax machine behind it: SpanDSP's T.31 modem on a pty, wired
through an audio loop to SpanDSP's answering T.30 terminal, which keeps each call's pages as a
TIFF (farend.c, built on first use against Debian's libspandsp-dev 0.0.6 and cached).

The demo office uses it with ``fax.device = "simulator-class1"``; the Class 1 tests use it as
the receiving end. ``calls=0`` answers any number of calls (``OUT-1.tif``, ``OUT-2.tif`` …);
``calls=1`` ends after one (``OUT``), like one fax machine answering once. Failure cases:
``busy``, ``no_answer``, ``hangup_mid_page=N``, ``hangup_after_pages=N`` (1 s after the MCF for
page N), ``fail_training=N`` (the first N TCFs arrive noisy: FTT) and ``modems`` (what the
receiver's DIS offers: "v17,v29,v27ter"). docs/FAX.md says what a Class 1 host sees from it.
"""

from __future__ import annotations

import hashlib
import os
import queue
import shutil
import subprocess
import threading
import time
import uuid
from pathlib import Path

from PIL import Image

SOURCE = Path(__file__).with_name("farend.c")
PACKAGES = "libspandsp-dev libtiff-dev gcc pkg-config"


class FarEndUnavailable(Exception):
    """The far end cannot be built here; the message is for the user (Indonesian)."""


def _pkg_config(*args: str) -> str | None:
    try:
        done = subprocess.run(["pkg-config", *args], capture_output=True, text=True)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def build(cache: Path | None = None) -> Path:
    """Compile farend.c once per source and flags (atomically: parallel builders are safe)."""
    cc, spandsp = shutil.which("cc"), _pkg_config("--cflags", "--libs", "spandsp")
    if cc is None or spandsp is None or _pkg_config("--exists", "libtiff-4") is None:
        raise FarEndUnavailable(
            f"Modem tiruan Class 1 (SpanDSP) tidak dapat dibangun: pasang paket {PACKAGES}"
        )
    flags = ["-O2", "-Wall", *spandsp.split(), "-ltiff", "-lm"]
    digest = hashlib.sha256(SOURCE.read_bytes() + " ".join(flags).encode()).hexdigest()[:16]
    cache = cache or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "warkat"
    binary = cache / f"spandsp-farend-{digest}"
    if binary.exists():
        return binary
    cache.mkdir(parents=True, exist_ok=True)
    tmp = binary.with_name(f"{binary.name}.{uuid.uuid4().hex}.tmp")
    done = subprocess.run([cc, str(SOURCE), *flags, "-o", str(tmp)], capture_output=True, text=True)
    if done.returncode != 0:
        tmp.unlink(missing_ok=True)
        raise FarEndUnavailable(f"Modem tiruan Class 1 gagal dibangun: {done.stderr[-300:]}")
    os.replace(tmp, binary)
    return binary


class FarEnd:
    """The far end as a context manager: ``.device`` is the pty a Class 1 driver opens."""

    def __init__(
        self,
        out: Path,
        *,
        calls: int = 1,
        no_answer: bool = False,
        busy: bool = False,
        hangup_after_pages: int | None = None,
        hangup_mid_page: int | None = None,
        fail_training: int = 0,
        modems: list[str] | str | None = None,
        ident: str = "+62 355 000000",
        log: bool = True,
    ):
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        self.tiff = out / ("farend.tif" if calls == 1 else "farend")  # farend-N.tif per call
        self.log, self.calls = out / "farend.log", calls
        self.args = ["--tiff", str(self.tiff), "--ident", ident, "--calls", str(calls)]
        self.args += ["--log", str(self.log)] if log else []
        options = {
            "--no-answer": no_answer,
            "--busy": busy,
            "--hangup-after-pages": hangup_after_pages,
            "--hangup-mid-page": hangup_mid_page,
            "--fail-training": fail_training or None,
            "--modems": modems if isinstance(modems, str | None) else ",".join(modems),
        }
        for flag, value in options.items():
            if value is True:
                self.args.append(flag)
            elif value not in (None, False):
                self.args += [flag, str(value)]
        self.device = ""
        self.output: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._results: list[tuple[int, int, str]] = []

    def __enter__(self) -> FarEnd:
        self.proc = subprocess.Popen(
            [str(build()), *self.args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.device = self._next("PTY ", 10).split(" ", 1)[1]
        return self

    def __exit__(self, *exc) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.output.append(line.rstrip("\n"))
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def _next(self, prefix: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                raise RuntimeError(f"the far end ended without {prefix!r}: {self.output}")
            if line.startswith(prefix):
                return line
        raise TimeoutError(f"no {prefix!r} from the far end in {timeout} s: {self.output}")

    def result(self, timeout: float = 60, call: int = 1) -> tuple[int, int, str]:
        """(T.30 completion code, pages received, text) of call number `call` once it ended."""
        while len(self._results) < call:
            _, code, pages, text = self._next("RESULT ", timeout).split(" ", 3)
            self._results.append((int(code), int(pages), text))
        return self._results[call - 1]

    def tiff_of(self, call: int = 1) -> Path:
        return self.tiff if self.calls == 1 else self.tiff.with_name(f"farend-{call}.tif")

    def pages(self, call: int = 1) -> list[Image.Image]:
        """The pages received in call number `call`, mode "1" (none when no TIFF was written)."""
        path = self.tiff_of(call)
        if not path.exists() or path.stat().st_size == 0:
            return []
        with Image.open(path) as tiff:
            frames = []
            for index in range(getattr(tiff, "n_frames", 1)):
                tiff.seek(index)
                frames.append(tiff.convert("1"))
            return frames

    def log_text(self) -> str:
        """SpanDSP's log (T.30 frames, T.31 AT) so far."""
        return self.log.read_text(errors="replace") if self.log.exists() else ""
