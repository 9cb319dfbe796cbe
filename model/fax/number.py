"""Indonesian fax numbers: accept what people type, return what the modem dials."""

from __future__ import annotations

import re
from dataclasses import dataclass

from model.errors import Invalid

# Only ASCII 0-9 count as digits: `\d` would also take １, ٣, ३ and dial something else.
_EXT = re.compile(r"\s*(?:ext\.?|ekst\.?|psw\.?|pes\.?|x|#)\s*([0-9]{1,6})\s*$", re.IGNORECASE)
_ALLOWED = re.compile(r"^\+?[0-9\s\-().]+$")
_NOT_DIGIT = re.compile(r"[^0-9]")
SUBSCRIBER_DIGITS = 6  # trailing digits compared to tell one station from another


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


def national_digits(text: str) -> str:
    """The ASCII digits of a number, +62/62 turned into the national 0: '+62 21 555' → '021555'."""
    digits = _NOT_DIGIT.sub("", text or "")
    if digits.startswith("62"):
        return "0" + digits[2:].lstrip("0")
    return digits


def is_other_station(dialled: str, csid: str) -> bool:
    """True when the remote ID `csid` names a different number than `dialled` (no extension).

    Compares the trailing subscriber digits; a CSID with too few digits to tell is not flagged.
    """
    theirs = national_digits(csid)
    if len(theirs) < SUBSCRIBER_DIGITS:
        return False
    return national_digits(dialled)[-SUBSCRIBER_DIGITS:] != theirs[-SUBSCRIBER_DIGITS:]


def _foreign_digit(text: str) -> str | None:
    return next((ch for ch in text if ch.isnumeric() and not ("0" <= ch <= "9")), None)


def parse(text: str) -> FaxNumber:
    """Parse `+62 355 791234`, `0355-791234`, `(0355) 791234 ext. 12`; raise Invalid otherwise."""
    raw = (text or "").strip()
    if not raw:
        raise Invalid("Nomor faks tujuan wajib diisi.")
    odd = _foreign_digit(raw)
    if odd:
        raise Invalid(
            f"Nomor faks '{text}' mengandung angka yang bukan angka 0–9 biasa "
            f"('{odd}', U+{ord(odd):04X}); ketik ulang dengan angka 0–9."
        )
    extension = ""
    match = _EXT.search(raw)
    if match:
        extension, raw = match.group(1), raw[: match.start()]
    if not _ALLOWED.match(raw):
        raise Invalid(f"Nomor faks '{text}' mengandung huruf atau tanda yang tidak sah.")
    if raw.startswith("+") and not _NOT_DIGIT.sub("", raw).startswith("62"):
        raise Invalid(f"Nomor faks '{text}' bukan nomor Indonesia (harus +62…).")
    digits = national_digits(raw)
    if not digits.startswith("0"):
        raise Invalid(f"Nomor faks '{text}' harus diawali kode wilayah (0…) atau +62.")
    if digits.startswith("08"):
        raise Invalid(f"'{text}' adalah nomor seluler, bukan nomor faks.")
    if not 9 <= len(digits) <= 12:
        raise Invalid(
            f"Nomor faks '{text}' panjangnya tidak sah "
            f"({len(digits)} digit; kode wilayah + nomor = 9–12 digit)."
        )
    return FaxNumber(digits, extension)
