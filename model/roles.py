"""Roles (Pelaksana) named by the SOP, plus the system administrator."""

from model.errors import Invalid

PEMAKAI = "pemakai"
KASI = "kasi"
ADMIN_UMUM = "admin_umum"
OPERATOR = "operator"
KABID = "kabid"
STAF = "staf"
SYSADMIN = "sysadmin"

LABELS = {
    PEMAKAI: "Pemakai",
    KASI: "Kasi Keamanan Informasi dan Persandian",
    ADMIN_UMUM: "Administrasi Umum",
    OPERATOR: "Operator Sandi",
    KABID: "Kepala Bidang",
    STAF: "Staf Bidang/Seksi",
    SYSADMIN: "Admin sistem",
}

SHORT = {
    PEMAKAI: "Pemakai",
    KASI: "Kasi Persandian",
    ADMIN_UMUM: "Adm. Umum",
    OPERATOR: "Operator",
    KABID: "Kabid",
    STAF: "Staf",
    SYSADMIN: "Admin",
}

ALL = tuple(LABELS)


class UnknownRole(Invalid):
    """A role code that the SOP does not know."""


def check(code: str) -> str:
    """Return `code` if it is a known role, else raise UnknownRole with an Indonesian message."""
    if code not in LABELS:
        raise UnknownRole(f"Peran tidak dikenal: {code!r}. Pilihan: {', '.join(ALL)}")
    return code
