"""A private CUPS scheduler for tests, with cups-pdf queues writing into a given folder.

cupsd runs in the foreground (`cupsd -f -c CONF -s FILES`) from a temp dir and listens only
on a unix socket there; point lp/lpadmin/lpstat at it with CUPS_SERVER=<socket>. cups-pdf
reads its per-queue settings from /etc/cups/cups-pdf-<queue>.conf (a path compiled into the
backend), so add_pdf_queue writes that file and stop() removes it. The cups-pdf backend is
mode 0700 and only runs when cupsd runs as root.
Debian packages: cups, printer-driver-cups-pdf (pulls in ghostscript), poppler-utils.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")
CUPS_PDF_CONF_DIR = Path("/etc/cups")
SBIN = "/usr/sbin:/sbin:/usr/bin:/bin"

CUPSD_CONF = """LogLevel warn
Listen {socket}
Browsing Off
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""

FILES_CONF = """ServerRoot {root}
RequestRoot {root}/spool
CacheDir {root}/cache
StateDir {root}/state
AccessLog {root}/log/access_log
ErrorLog {root}/log/error_log
PageLog {root}/log/page_log
LogFilePerm 0644
SystemGroup root
"""


def which(name: str) -> str | None:
    return shutil.which(name) or shutil.which(name, path=SBIN)


def missing() -> list[str]:
    """What this machine lacks to run a private cupsd with a cups-pdf queue (empty: ready)."""
    lacks = [f"command {name}" for name in ("cupsd", "lp", "lpadmin", "lpstat") if not which(name)]
    if not CUPS_PDF_BACKEND.exists():
        lacks.append(f"{CUPS_PDF_BACKEND} (printer-driver-cups-pdf)")
    if not CUPS_PDF_PPD.exists():
        lacks.append(f"{CUPS_PDF_PPD} (printer-driver-cups-pdf)")
    if os.geteuid() != 0:
        lacks.append("root (the cups-pdf backend runs only under a root cupsd)")
    elif not os.access(CUPS_PDF_CONF_DIR, os.W_OK):
        lacks.append(f"write access to {CUPS_PDF_CONF_DIR}")
    return lacks


class PrivateCups:
    """Start/stop a throwaway cupsd; use as a context manager."""

    def __init__(self) -> None:
        # Short path: unix socket paths are limited to ~108 bytes.
        self.root = Path(tempfile.mkdtemp(prefix="wkcups-"))
        self.socket = str(self.root / "cups.sock")
        self.process: subprocess.Popen[bytes] | None = None
        self.queue_confs: list[Path] = []

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": self.socket}

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [which(args[0]) or args[0], *args[1:]],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )

    def start(self, timeout: float = 15.0) -> PrivateCups:
        for sub in ("spool", "cache", "state", "log", "ppd"):
            (self.root / sub).mkdir()
        conf = self.root / "cupsd.conf"
        files = self.root / "cups-files.conf"
        conf.write_text(CUPSD_CONF.format(socket=self.socket))
        files.write_text(FILES_CONF.format(root=self.root))
        self.process = subprocess.Popen(
            [which("cupsd") or "cupsd", "-f", "-c", str(conf), "-s", str(files)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode() if self.process.stderr else ""
                raise RuntimeError(f"cupsd exited with {self.process.returncode}: {err}")
            if "scheduler is running" in self.run("lpstat", "-r").stdout:
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"cupsd did not answer on {self.socket} within {timeout} s")

    def add_pdf_queue(self, name: str, out_dir: Path) -> None:
        """A cups-pdf queue `name` that writes its PDFs into out_dir."""
        out_dir.mkdir(parents=True, exist_ok=True)
        conf = CUPS_PDF_CONF_DIR / f"cups-pdf-{name}.conf"
        conf.write_text(f"Out {out_dir}\nAnonDirName {out_dir}\nLabel 0\nUserUMask 0022\n")
        self.queue_confs.append(conf)
        done = self.run(
            "lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{name}", "-P", str(CUPS_PDF_PPD)
        )
        if done.returncode != 0:
            raise RuntimeError(f"lpadmin failed: {done.stderr}")

    def error_log(self) -> str:
        log = self.root / "log" / "error_log"
        return log.read_text(errors="replace") if log.exists() else ""

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process and self.process.stderr:
            self.process.stderr.close()
        for conf in self.queue_confs:
            conf.unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PrivateCups:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
