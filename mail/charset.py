"""Bytes to text when the declared charset may be missing, unknown or lying."""

from __future__ import annotations

import codecs


def decode_text(data: bytes, charset: str | None) -> tuple[str, list[str]]:
    """Decode with the declared charset, then UTF-8, then cp1252 (with replacement).

    Returns the text and Indonesian warnings about what went wrong.
    """
    warnings: list[str] = []
    declared = (charset or "").strip().strip('"').lower() or None
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except (LookupError, ValueError):
            warnings.append(f"Charset tidak dikenal: {declared[:40]}")
            codec = None
        if codec:
            try:
                return data.decode(codec), warnings
            except UnicodeDecodeError:
                if codec not in ("ascii", "us-ascii"):
                    warnings.append(f"Charset tidak sesuai isi: {declared[:40]}")
            except Exception:  # broken codec implementations (e.g. for odd encodings)
                warnings.append(f"Charset tidak dikenal: {declared[:40]}")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    warnings.append("Teks bukan UTF-8: dibaca sebagai Windows-1252")
    return data.decode("cp1252", errors="replace"), warnings
