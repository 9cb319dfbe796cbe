"""hw/printer.py: PDF folder, raw device and CUPS backends, including a private cupsd."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from hw.printer import CupsPrinter, PdfPrinter, RawPrinter, make_printer
from print.samples import LETTERHEAD
from print.samples import test_page_pdf as make_test_page
from tests import cupsd
from tests.conftest import unavailable

# These change this machine (accounts, /etc, a print scheduler): one pytest-xdist worker
# runs them all, one after another.
pytestmark = pytest.mark.xdist_group("system")

PDF = make_test_page(LETTERHEAD)


def test_pdf_backend_keeps_files_without_overwriting(tmp_path):
    printer = make_printer("pdf", out_dir=tmp_path / "cetak")
    assert isinstance(printer, PdfPrinter)
    first = printer.print_pdf(PDF, "Lembar Disposisi – 012")
    second = printer.print_pdf(PDF, "Lembar Disposisi – 012")
    assert first.ok and second.ok
    assert first.kept_pdf != second.kept_pdf
    assert first.kept_pdf.read_bytes() == PDF
    assert first.kept_pdf.name.endswith("_lembar-disposisi-012.pdf")
    assert str(first.kept_pdf) in first.message


def test_make_printer_rejects_unknown_kind(tmp_path):
    with pytest.raises(ValueError, match="tidak dikenal"):
        make_printer("laser", out_dir=tmp_path)


def test_raw_missing_device_keeps_pdf(tmp_path):
    printer = make_printer("raw", out_dir=tmp_path, device=str(tmp_path / "lp9"))
    result = printer.print_pdf(PDF, "Stempel", text="TELAH DIKIRIM")
    assert not result.ok
    assert "tidak ditemukan" in result.message
    assert result.kept_pdf.exists() and result.kept_pdf.read_bytes() == PDF


def test_raw_writes_escp_text(tmp_path):
    device = tmp_path / "lp0"
    device.write_bytes(b"")
    printer = RawPrinter(tmp_path / "out", device=str(device))
    result = printer.print_pdf(PDF, "Stempel", text="Hasil — OK “terkirim”\n")
    assert result.ok, result.message
    assert device.read_bytes() == b'\x1b@Hasil - OK "terkirim"\r\n\x0c'
    assert result.kept_pdf.read_bytes() == PDF


def test_raw_without_text_version_keeps_pdf(tmp_path):
    device = tmp_path / "lp0"
    device.write_bytes(b"")
    result = RawPrinter(tmp_path, device=str(device)).print_pdf(PDF, "Disposisi")

    assert not result.ok and "tidak punya versi teks" in result.message
    assert result.kept_pdf.exists()
    assert device.read_bytes() == b""


def test_cups_not_running_keeps_pdf(tmp_path, monkeypatch):
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "tidak-ada.sock"))
    result = CupsPrinter(tmp_path, queue="kominfo").print_pdf(PDF, "Uji")
    assert not result.ok
    assert ("tidak berjalan" in result.message) or ("belum terpasang" in result.message)
    assert result.kept_pdf.read_bytes() == PDF


@pytest.fixture(scope="module")
def private_cups():
    lacks = cupsd.missing()
    if lacks:
        unavailable("private CUPS unavailable: " + ", ".join(lacks))
    with cupsd.PrivateCups() as server:
        yield server


def test_cups_missing_queue(private_cups, tmp_path, monkeypatch):
    monkeypatch.setenv("CUPS_SERVER", private_cups.socket)
    result = make_printer("cups", out_dir=tmp_path, queue="tidak-ada").print_pdf(PDF, "Uji")
    assert not result.ok
    assert "Antrean printer 'tidak-ada' tidak ditemukan" in result.message
    assert result.kept_pdf.read_bytes() == PDF


def wait_for_pdf(folder: Path, timeout: float = 30.0) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.glob("*.pdf") if p.stat().st_size > 0]
        if done:
            time.sleep(0.3)  # cups-pdf may still be writing
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no PDF from cups-pdf in {folder} after {timeout} s")


def test_cups_pdf_queue_prints(private_cups, tmp_path, monkeypatch):
    queue = f"warkat{os.getpid()}"
    out = tmp_path / "cups-pdf"
    private_cups.add_pdf_queue(queue, out)
    monkeypatch.setenv("CUPS_SERVER", private_cups.socket)
    printer = make_printer("cups", out_dir=tmp_path / "arsip", queue=queue)
    result = printer.print_pdf(PDF, "Halaman Uji Cetak")
    assert result.ok, result.message
    assert result.job_id and result.job_id.startswith(f"{queue}-")
    assert result.kept_pdf.exists()
    try:
        produced = wait_for_pdf(out)
    except AssertionError:
        raise AssertionError(private_cups.error_log()[-3000:]) from None
    # cups-pdf names the file after the job title; its page passes through pdftops and
    # Ghostscript (here as a 300 dpi image), so check the page rather than the text.
    assert "Halaman_Uji_Cetak" in produced.name
    reader = PdfReader(io.BytesIO(produced.read_bytes()))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(box.width), round(box.height)) == (595, 842)
    deadline = time.monotonic() + 10
    while printer.job_state(result.job_id) != "completed" and time.monotonic() < deadline:
        time.sleep(0.2)
    assert printer.job_state(result.job_id) == "completed"
    assert printer.job_state(f"{queue}-9999") == "unknown"
