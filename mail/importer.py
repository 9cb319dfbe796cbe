"""Reading mail to import: .eml files, maildirs, mbox files and folders holding any of them.

The caller parses, dedupes and stores; here each source becomes an `ImportItem` whose `raw`
is None when the file is not an email, with the reason (Indonesian) why.
"""

from __future__ import annotations

import mailbox
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mail.parse import looks_like_email

MAX_SIZE = 100 * 1024 * 1024  # one message; bigger files are refused
_SKIP = (".",)  # hidden files: editor backups, Maildir++ state


@dataclass(frozen=True)
class ImportItem:
    """One candidate message: `source` names it (path, "mbox:path#n"), `raw` None if rejected."""

    source: str
    raw: bytes | None = field(repr=False)
    reason: str = ""


def is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() and (path / "new").is_dir()


def _is_mbox(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"From "
    except OSError:
        return False


def _check(source: str, raw: bytes) -> ImportItem:
    ok, reason = looks_like_email(raw)
    return ImportItem(source, raw if ok else None, reason)


def _read_file(path: Path) -> ImportItem:
    try:
        if path.stat().st_size > MAX_SIZE:
            return ImportItem(str(path), None, f"Berkas terlalu besar (> {MAX_SIZE >> 20} MB)")
        return _check(str(path), path.read_bytes())
    except OSError as exc:
        return ImportItem(str(path), None, f"Berkas tidak dapat dibaca: {exc.strerror or exc}")


def _read_mbox(path: Path) -> Iterator[ImportItem]:
    box = mailbox.mbox(path, create=False)
    try:
        for number, key in enumerate(box.iterkeys(), start=1):
            yield _check(f"mbox:{path}#{number}", box.get_bytes(key))
    finally:
        box.close()


def _read_maildir(path: Path) -> Iterator[ImportItem]:
    for sub in ("new", "cur"):
        for entry in sorted((path / sub).iterdir()):
            if entry.is_file() and not entry.name.startswith("."):
                yield _read_file(entry)


def _read_dir(path: Path) -> Iterator[ImportItem]:
    for root, dirs, files in os.walk(path):
        here = Path(root)
        dirs.sort()
        if is_maildir(here):
            yield from _read_maildir(here)
            dirs[:] = [d for d in dirs if d not in ("cur", "new", "tmp")]
            continue  # files beside cur/new are index/state files, not mail
        for name in sorted(files):
            if not name.startswith(_SKIP):
                yield from _read_path(here / name)


def _read_path(path: Path) -> Iterator[ImportItem]:
    if path.is_dir():
        yield from _read_dir(path)
    elif not path.exists():
        yield ImportItem(str(path), None, "Berkas atau folder tidak ditemukan")
    elif _is_mbox(path):
        yield from _read_mbox(path)
    else:
        yield _read_file(path)


def iter_sources(paths: Iterable[str | os.PathLike]) -> Iterator[ImportItem]:
    """Every candidate message under `paths`, in a stable order."""
    for path in paths:
        yield from _read_path(Path(path))


def summary_line(imported: int, duplicates: int, rejected: int) -> str:
    """The one-line result of an import run."""
    return f"diimpor {imported}, duplikat {duplicates}, ditolak {rejected}"
