"""A demo office: units, one user per role, an address book and items at several steps."""

from __future__ import annotations

from datetime import timedelta

from model import auth
from model.base import now
from model.db import write
from model.items import StepLog, WorkItem
from model.org import Contact, Position, Unit, User
from model.roles import ADMIN_UMUM, KABID, KASI, OPERATOR, PEMAKAI, STAF, SYSADMIN
from model.sop import EMAIL_IN, EMAIL_OUT, FAX
from model.workflow import create_item

PASSWORD = "warkat123"

UNITS = [
    ("SEKRE", "Sekretariat", "bidang", None, ""),
    ("PERSANDIAN", "Bidang Persandian dan Statistik", "bidang", None, ""),
    ("KIP", "Seksi Keamanan Informasi dan Persandian", "seksi", "PERSANDIAN", ""),
    ("APTIKA", "Bidang Aplikasi Informatika", "bidang", None, ""),
    ("IKP", "Bidang Informasi dan Komunikasi Publik", "bidang", None, ""),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", "opd", None,
     "bkpsdm@trenggalekkab.go.id"),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "opd", None,
     "bappeda@trenggalekkab.go.id"),
    ("DINKES", "Dinas Kesehatan", "opd", None, "dinkes@trenggalekkab.go.id"),
]

POSITIONS = [
    ("Kepala Dinas", "SEKRE"),
    ("Sekretaris", "SEKRE"),
    ("Kepala Bidang Persandian dan Statistik", "PERSANDIAN"),
    ("Kasi Keamanan Informasi dan Persandian", "KIP"),
    ("Pengadministrasi Umum", "KIP"),
    ("Operator Transmisi Sandi", "KIP"),
    ("Kepala Bidang Aplikasi Informatika", "APTIKA"),
]

# username, full name, NIP, unit, roles — every demo user's password is PASSWORD.
USERS = [
    ("pemakai", "Sari Wulandari, S.E.", "199003152015032004", "APTIKA", [PEMAKAI]),
    ("kasi", "Bambang Sutrisno, S.Kom.", "197805122005011007", "KIP", [KASI, PEMAKAI]),
    ("admin", "Dwi Lestari", "198509232010012015", "KIP", [ADMIN_UMUM]),
    ("operator", "Agus Prasetyo", "198711042011011003", "KIP", [OPERATOR]),
    ("kabid", "Ir. Hendra Kurniawan, M.T.", "197501182000031004", "APTIKA", [KABID]),
    ("staf", "Rina Anggraini, S.Kom.", "199206302019032011", "APTIKA", [STAF, PEMAKAI]),
    ("sysadmin", "Teguh Santoso", "198201102009011002", "KIP", [SYSADMIN]),
]

CONTACTS = [
    ("Sekretariat Daerah Provinsi Jawa Timur", "Biro Umum", "031-3524001", ""),
    ("Diskominfo Provinsi Jawa Timur", "Bidang Persandian", "031-8294608", "kominfo@jatimprov.go.id"),
    ("Badan Siber dan Sandi Negara", "Direktorat Sandi Pemda", "021-7805814", ""),
    ("Diskominfo Kabupaten Tulungagung", "Seksi Persandian", "0355-321456", "kominfo@tulungagung.go.id"),
    ("Kantor Kecamatan Panggul", "Sekretariat", "0355-591022", ""),
]

# procedure, step, title, derajat, minutes at that step, creator
ITEMS = [
    (FAX, 2, "Laporan pengamanan sinyal HUT Kabupaten", "Segera", 7, "pemakai"),
    (FAX, 2, "Permohonan data jaringan intra pemerintah", "Biasa", 14, "staf"),
    (FAX, 3, "Undangan rapat koordinasi persandian", "Sangat Segera", 4, "pemakai"),
    (FAX, 5, "Laporan bulanan pengelolaan informasi berklasifikasi", "Biasa", 26, "pemakai"),
    (FAX, 7, "Nota dinas penggunaan aplikasi sandi", "Biasa", 2, "staf"),
    (EMAIL_IN, 2, "Undangan Rapat Koordinasi Persandian Jawa Timur", "Segera", 3, None),
    (EMAIL_IN, 2, "Permintaan data statistik sektoral 2026", "Biasa", 9, None),
    (EMAIL_IN, 7, "Surat edaran keamanan siber BSSN", "Biasa", 40, None),
    (EMAIL_OUT, 2, "Jawaban permintaan data statistik", "Biasa", 4, "staf"),
]


def seed() -> None:
    """Fill an empty database with the demo office (idempotent on users)."""
    if User.select().exists():
        return
    with write():
        units = {}
        for code, name, kind, parent, email in UNITS:
            units[code] = Unit.create(code=code, name=name, kind=kind, email=email,
                                      parent=units.get(parent))
        for name, unit in POSITIONS:
            Position.create(name=name, unit=units[unit])
        for name, org, fax, email in CONTACTS:
            Contact.create(name=name, organisation=org, fax=fax, email=email)
    for username, full_name, nip, unit, roles in USERS:
        auth.add_user(username, full_name, PASSWORD, roles, unit_code=unit, nip=nip, by="demo")
    _seed_items(units)


def _seed_items(units: dict) -> None:
    with write():
        for procedure, step, title, derajat, minutes, creator in ITEMS:
            user = User.get(User.username == creator) if creator else None
            unit = user.unit if user else units["APTIKA"]
            item = create_item(procedure, user, title, step=step, unit=unit, derajat=derajat)
            entered = now() - timedelta(minutes=minutes)
            WorkItem.update(step_entered_at=entered, created_at=entered).where(
                WorkItem.id == item.id).execute()
            StepLog.update(at=entered).where(StepLog.item == item).execute()
