"""Indonesian fax numbers: accept what people type, return what the modem dials."""

from __future__ import annotations

import re
from dataclasses import dataclass

from model.errors import Invalid

_EXT = re.compile(r"\s*(?:ext\.?|ekst\.?|psw\.?|pes\.?|x|#)\s*(\d{1,6})\s*$", re.IGNORECASE)
_ALLOWED = re.compile(r"^\+?[\d\s\-().]+$")


@dataclass(frozen=True)
class FaxNumber:
    national: str  # 0 + area code + subscriber, digits only
    extension: str = ""

    @property
    def display(self) -> str:
        area_len = 3 if self.national.startswith(("021", "022", "024", "031", "061")) else 4
        shown = f"{self.national[:area_len]}-{self.national[area_len:]}"
        return f"{shown} ext. {self.extension}" if self.extension else shown

    def dial_string(self, prefix: str = "") -> str:
        """Digits for ATD: outside-line prefix, number, then a pause and the extension."""
        ext = f",,{self.extension}" if self.extension else ""
        return f"{prefix}{self.national}{ext}"


def parse(text: str) -> FaxNumber:
    """Parse `+62 355 791234`, `0355-791234`, `(0355) 791234 ext. 12`; raise Invalid otherwise."""
    raw = (text or "").strip()
    if not raw:
        raise Invalid("Nomor faks tujuan wajib diisi.")
    extension = ""
    match = _EXT.search(raw)
    if match:
        extension, raw = match.group(1), raw[: match.start()]
    if not _ALLOWED.match(raw):
        raise Invalid(f"Nomor faks '{text}' mengandung huruf atau tanda yang tidak sah.")
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        if not digits.startswith("62"):
            raise Invalid(f"Nomor faks '{text}' bukan nomor Indonesia (harus +62…).")
        digits = "0" + digits[2:].lstrip("0")
    elif digits.startswith("62") and not digits.startswith("0"):
        digits = "0" + digits[2:]
    if not digits.startswith("0"):
        raise Invalid(f"Nomor faks '{text}' harus diawali kode wilayah (0…) atau +62.")
    if digits.startswith("08"):
        raise Invalid(f"'{text}' adalah nomor seluler, bukan nomor faks.")
    if not 9 <= len(digits) <= 12:
        raise Invalid(f"Nomor faks '{text}' panjangnya tidak sah "
                      f"({len(digits)} digit; kode wilayah + nomor = 9–12 digit).")
    return FaxNumber(digits, extension)
