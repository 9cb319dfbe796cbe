"""The SpanDSP far end (hw/modemsim/farend.py) for tests: built on first use; a machine that
cannot build it fails the test under CI=true and skips it elsewhere."""

from __future__ import annotations

from pathlib import Path

from hw.modemsim import farend
from tests.conftest import unavailable


def build() -> Path:
    try:
        return farend.build()
    except farend.FarEndUnavailable as exc:
        unavailable(str(exc))
        raise


class FarEnd(farend.FarEnd):
    """One call, answered by SpanDSP's T.30 receiver; its files in the test's tmp_path."""

    def __enter__(self) -> FarEnd:
        build()
        return super().__enter__()
