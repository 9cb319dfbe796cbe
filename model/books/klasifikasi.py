"""Archive classification codes (Permendagri 83/2022), loaded from the shipped CSV."""

from __future__ import annotations

import csv
from importlib import resources

from model.base import BaseModel
from model.errors import Invalid
from model.fields import Line, Text


class Klasifikasi(BaseModel):
    kode = Line(primary_key=True)
    uraian = Text()


def load_codes() -> int:
    """Fill the table from the packaged CSV (idempotent); return the number of codes."""
    text = resources.files("model").joinpath("data/klasifikasi_arsip.csv").read_text("utf-8")
    rows = [
        {"kode": r["kode"].strip(), "uraian": r["uraian"].strip()}
        for r in csv.DictReader(text.splitlines())
        if r.get("kode")
    ]
    for start in range(0, len(rows), 200):
        Klasifikasi.insert_many(rows[start : start + 200]).on_conflict_ignore().execute()
    return len(rows)


def search(text: str, limit: int = 50) -> list[Klasifikasi]:
    """Codes whose number starts with, or whose description contains, `text`."""
    text = text.strip()
    query = Klasifikasi.select()
    if text:
        query = query.where(Klasifikasi.kode.startswith(text) | Klasifikasi.uraian.contains(text))
    return list(query.order_by(Klasifikasi.kode).limit(limit))


def require(kode: str) -> Klasifikasi:
    found = Klasifikasi.get_or_none(Klasifikasi.kode == kode.strip())
    if found is None:
        raise Invalid(f"Kode klasifikasi '{kode}' tidak ada dalam daftar Permendagri 83/2022.")
    return found
