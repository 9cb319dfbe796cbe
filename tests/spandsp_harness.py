"""A SpanDSP far end for Class 1 tests: a T.31 modem on a pty, answered by a T.30 receiver."""

# tests/spandsp/harness.c is built on first use (cached in ~/.cache/warkat). What a Class 1
# host sees from it (observed with Debian's libspandsp 0.0.6):
#
# - Echo is on after ATZ (send ATE0); results are verbose: b"\r\nOK\r\n".
#   AT+FCLASS=? -> "0,1,1.0"; AT+FTM=? and AT+FRM=? -> "24,48,72,73,74,96,97,98,121,122,145,146";
#   AT+FTH=? / AT+FRH=? -> "3"; ATI0 / AT+FMM? -> "spandsp"; ATI3 / AT+FMI? ->
#   "www.soft-switch.org"; AT+FMR? -> "0.0.6" (fixed inside libspandsp).
# - ATD<number>: nothing until the far end's first V.21 frame, then CONNECT and that frame (the
#   CSI) at once: ATD implies +FRH=3. --busy gives BUSY, --no-answer gives NO ANSWER.
# - A received frame is its bytes with every DLE doubled, the 2 FCS bytes included (strip them),
#   then DLE ETX, then OK (good FCS) or ERROR. After a non-final frame (control 0x03) OK comes at
#   once and the modem is back in command mode: send AT+FRH=3 for each further frame (frames
#   that arrived meanwhile are queued and come at once with CONNECT). After the final frame
#   (control 0x13) OK comes only when the V.21 carrier drops.
# - FCF bytes come in SpanDSP's (t30_fcf.h) order, bits as received LSB first: DIS 0x80,
#   CSI 0x40, CFR 0x84, FTT 0x44, MCF 0x8C, RTN 0x4C, RTP 0xCC. The caller sets the X bit
#   (0x01): TSI 0x43, DCS 0x83, MPS 0x4F, EOP 0x2F, DCN 0xFB. FIF bit N (T.30 numbering) is
#   FIF byte (N-1)//8, mask 1 << ((N-1)%8). The DIS offered: 00 EE F8 80 80 10 (V.27ter, V.29,
#   V.17; fine; 2-D; 215 mm; A4 and unlimited length; min scan time 0 ms) with the default --modems.
# - CSI/TSI: the 20-character field, right-aligned and sent last character first:
#   bytes == ident.rjust(20)[::-1] (the harness sends "+62 355 000000" by default).
# - +FTH=3: CONNECT, then frame bytes + DLE ETX; the modem answers CONNECT after a non-final
#   frame (send the next) and OK after the final one.
# - V.17 TCF must use long training (+FTM=145, 121, 97, 73); page data after CFR must use short
#   training (+FTM=146, 122, 98, 74): a page sent with +FTM=145 is refused (RTN). V.29/V.27ter
#   have one code each (96, 72, 48, 24). TCF = 1.5 s of zero bytes; DCS 00 22 70 selects
#   V.17 14400, standard, 1-D, 215 mm, A4, 0 ms (0x40 in the second byte for fine).
# - Page data: T.4 bits LSB first in each byte, DLE doubled, ended by DLE ETX; OK comes once
#   the modem has sent it all. The harness reads the pty only as fast as the modem's 4 KB
#   buffer drains, so a host's writes simply block; line time stands still for up to 1 s
#   whenever the modem runs out of data, so a slow host does not under-run the page.
# - Line time runs faster than real time while the host waits (a 1-page fax at 14400 takes
#   about 5-6 s of wall time, mostly the host's own V.21 frames, which run at real time).
# - --hangup-mid-page N: 0.5 s (line time) into page N the far end drops: NO CARRIER (T.31 0.0.6
#   alone says nothing when the line drops after DLE ETX; the harness adds it).
#   --hangup-after-pages N: 1 s after the MCF for page N the far end drops: NO CARRIER to the
#   next transmission. --fail-training N: the first N TCFs arrive noisy and are answered FTT.
# - RESULT <code> <pages> <text>: the far end's T.30 completion code (0 OK, 49 call dropped,
#   ...). The process ends 1 s after ATH, when the host closes the pty after dialling, or 30 s
#   after RESULT. Opening and closing the port before ATD is fine.
# """

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

from tests.conftest import unavailable

SOURCE = Path(__file__).parent / "spandsp" / "harness.c"


def _pkg_config(*args: str) -> str | None:
    try:
        done = subprocess.run(["pkg-config", *args], capture_output=True, text=True)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def _flags() -> list[str]:
    spandsp = _pkg_config("--cflags", "--libs", "spandsp")
    if spandsp is None:
        unavailable("libspandsp-dev (pkg-config spandsp) is not installed")
    if _pkg_config("--exists", "libtiff-4") is None:
        unavailable("libtiff-dev (pkg-config libtiff-4) is not installed")
    return ["-O2", "-Wall", *spandsp.split(), "-ltiff", "-lm"]


def build() -> Path:
    """Compile the harness once per source and flags; return the binary's path."""
    cc = shutil.which("cc")
    if cc is None:
        unavailable("no C compiler (cc) to build the SpanDSP harness")
    flags = _flags()
    digest = hashlib.sha256(SOURCE.read_bytes() + " ".join(flags).encode()).hexdigest()[:16]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "warkat"
    binary = cache / f"spandsp-harness-{digest}"
    if binary.exists():
        return binary
    cache.mkdir(parents=True, exist_ok=True)
    tmp = binary.with_name(f"{binary.name}.{uuid.uuid4().hex}.tmp")
    cmd = [cc, str(SOURCE), *flags, "-o", str(tmp)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        tmp.unlink(missing_ok=True)
        raise RuntimeError(f"building the SpanDSP harness failed:\n{done.stderr}")
    os.replace(tmp, binary)  # atomic: concurrent builders all leave a whole binary
    return binary


class FarEnd:
    """The harness as a context manager: `.device` is the pty a driver opens."""

    def __init__(
        self,
        tmp_path: Path,
        *,
        no_answer: bool = False,
        busy: bool = False,
        hangup_after_pages: int | None = None,
        hangup_mid_page: int | None = None,
        fail_training: int = 0,
        modems: list[str] | str | None = None,
        ident: str = "+62 355 000000",
    ):
        self.tiff = tmp_path / "farend.tif"
        self.log = tmp_path / "farend.log"
        self.args = ["--tiff", str(self.tiff), "--log", str(self.log), "--ident", ident]
        if no_answer:
            self.args.append("--no-answer")
        if busy:
            self.args.append("--busy")
        if hangup_after_pages is not None:
            self.args += ["--hangup-after-pages", str(hangup_after_pages)]
        if hangup_mid_page is not None:
            self.args += ["--hangup-mid-page", str(hangup_mid_page)]
        if fail_training:
            self.args += ["--fail-training", str(fail_training)]
        if modems:
            self.args += ["--modems", modems if isinstance(modems, str) else ",".join(modems)]
        self.device = ""
        self.output: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._result: tuple[int, int, str] | None = None

    def __enter__(self) -> FarEnd:
        binary = build()
        self.proc = subprocess.Popen(
            [str(binary), *self.args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        line = self._next("PTY ", 10)
        self.device = line.split(" ", 1)[1]
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
                raise RuntimeError(f"harness ended without {prefix!r}: {self.output}")
            if line.startswith(prefix):
                return line
        raise TimeoutError(f"no {prefix!r} from the harness in {timeout} s: {self.output}")

    def result(self, timeout: float = 60) -> tuple[int, int, str]:
        """(T.30 completion code, pages received, text) once the far end's call ended."""
        if self._result is None:
            _, code, pages, text = self._next("RESULT ", timeout).split(" ", 3)
            self._result = (int(code), int(pages), text)
        return self._result

    def pages(self) -> list[Image.Image]:
        """The received pages, mode "1" (empty when no TIFF was written)."""
        if not self.tiff.exists() or self.tiff.stat().st_size == 0:
            return []
        with Image.open(self.tiff) as tiff:
            frames = []
            for index in range(getattr(tiff, "n_frames", 1)):
                tiff.seek(index)
                frames.append(tiff.convert("1"))
            return frames

    def log_text(self) -> str:
        """SpanDSP's log (T.30 frames, T.31 AT) so far."""
        return self.log.read_text(errors="replace") if self.log.exists() else ""
