"""Shared fixture data and PDF readers for the print/ document tests."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from print.records import DispositionChoices, Letterhead, Signatory
from tui.printing import disposition_choices

LH = Letterhead(
    "Pemerintah Kabupaten Trenggalek",
    "Dinas Komunikasi dan Informatika",
    "Jalan Soekarno–Hatta Nomor 1, Trenggalek 66311",
    ("Telepon (0355) 791234 — Pos-el kominfo@trenggalekkab.go.id",),
    unit="Seksi Keamanan Informasi dan Persandian",
)
KASI = Signatory(
    "Siti Nurhayati, S.Kom., M.M.",
    "19800512 200501 2 014",
    "Kepala Seksi Keamanan Informasi dan Persandian",
    date=date(2026, 11, 25),
)
OPERATOR = Signatory("Rudi Hartono, A.Md.", "19900817 201503 1 003", "Operator Sandi")
AGENDA = "000.1.1/012/406.020/2026"
CHOICES: DispositionChoices = disposition_choices()  # the model's sifat, derajat, instructions
SIZES = {"A4": (595.3, 841.9), "F4": (609.4, 935.4)}  # points


def read(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def squash(text: str) -> str:
    """Whitespace-free text, so wrapped fields still match."""
    return re.sub(r"\s+", "", text)


def text_of(data: bytes) -> str:
    return squash("".join(page.extract_text() for page in read(data).pages))


def assert_fields(data: bytes, *fields: str) -> None:
    text = text_of(data)
    for value in fields:
        assert squash(value) in text, value


def page_size(data: bytes, index: int = 0) -> tuple[float, float]:
    box = read(data).pages[index].mediabox
    return round(float(box.width), 1), round(float(box.height), 1)


def expected_size(paper: str, landscape: bool):
    w, h = SIZES[paper]
    return pytest.approx((h, w) if landscape else (w, h), abs=0.6)
