"""A demo office: units, one user per role, an address book and items at several steps."""

from __future__ import annotations

from datetime import timedelta

from model import auth
from model.base import now
from model.books.agenda import DEFAULT_PATTERN
from model.contacts import ContactGroup, GroupMember
from model.db import write
from model.email_in import flow as email_in
from model.email_out import flow as email_out
from model.fax import flow as fax_flow
from model.fax import jobs as fax_jobs
from model.fax.records import request_of
from model.org import Contact, Position, Unit, User
from model.roles import ADMIN_UMUM, KABID, KASI, OPERATOR, PEMAKAI, STAF, SYSADMIN
from model.sop import EMAIL_IN, number
from model.workflow import deadlines
from model.workflow.items import WorkItem

PASSWORD = "warkat123"

UNITS = [
    ("SEKRE", "Sekretariat", "bidang", None, ""),
    ("PERSANDIAN", "Bidang Persandian dan Statistik", "bidang", None, ""),
    ("KIP", "Seksi Keamanan Informasi dan Persandian", "seksi", "PERSANDIAN", ""),
    ("APTIKA", "Bidang Aplikasi Informatika", "bidang", None, ""),
    ("IKP", "Bidang Informasi dan Komunikasi Publik", "bidang", None, ""),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", "opd", None, "bkpsdm@trenggalekkab.go.id"),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "opd", None, "bappeda@trenggalekkab.go.id"),
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
    (
        "Diskominfo Provinsi Jawa Timur",
        "Bidang Persandian",
        "031-8294608",
        "kominfo@jatimprov.go.id",
    ),
    ("Badan Siber dan Sandi Negara", "Direktorat Sandi Pemda", "021-7805814", ""),
    (
        "Diskominfo Kabupaten Tulungagung",
        "Seksi Persandian",
        "0355-321456",
        "kominfo@tulungagung.go.id",
    ),
    ("Kantor Kecamatan Panggul", "Sekretariat", "0355-591022", ""),
]
KECAMATAN = (  # the other 13 of Trenggalek's 14 (demo numbers)
    "Bendungan Dongko Durenan Gandusari Kampak Karangan Munjungan Pogalan Pule Suruh "
    "Trenggalek Tugu Watulimo"
).split()
GROUPS = {  # name -> its members' names
    "Semua Kecamatan": [f"Kantor Kecamatan {k}" for k in ["Panggul", *KECAMATAN]],
    "Provinsi dan Pusat": [c[0] for c in CONTACTS[:3]],
}

FAX_TEXT = """Dengan hormat,

Sehubungan dengan {perihal}, bersama ini kami sampaikan bahwa kegiatan dimaksud akan \
dilaksanakan sesuai jadwal. Mohon kehadiran/perhatian Bapak/Ibu atau pejabat yang ditunjuk.

Demikian untuk menjadi perhatian dan atas kerja samanya kami sampaikan terima kasih."""

# title, derajat, requester, destinations (contact index), step to reach, minutes at that step
FAX_ITEMS = [
    ("Laporan pengamanan sinyal HUT Kabupaten", "Segera", "pemakai", [0], 2, 7),
    ("Permohonan data jaringan intra pemerintah", "Biasa", "staf", [2], 2, 14),
    ("Undangan rapat koordinasi persandian", "Sangat Segera", "pemakai", [1, 3], 3, 4),
    ("Laporan bulanan pengelolaan informasi berklasifikasi", "Biasa", "pemakai", [1], 5, 26),
    ("Nota dinas penggunaan aplikasi sandi", "Biasa", "staf", [4], 7, 2),
    ("Konsep surat edaran jam kerja", "Biasa", "pemakai", [0], 1, 3),
]


def seed(items: bool = True) -> None:
    """Fill an empty database with the demo office (idempotent on users); `items=False`
    gives the people and address book only."""
    if User.select().exists():
        return
    with write():
        units = {}
        for code, name, kind, parent, email in UNITS:
            units[code] = Unit.create(
                code=code, name=name, kind=kind, email=email, parent=units.get(parent)
            )
        for name, unit in POSITIONS:
            Position.create(name=name, unit=units[unit])
        for name, org, fax, email in CONTACTS:
            Contact.create(name=name, organisation=org, fax=fax, email=email)
        for n, name in enumerate(KECAMATAN, start=1):
            Contact.create(
                name=f"Kantor Kecamatan {name}",
                organisation="Sekretariat",
                fax=f"0355-79{n:04d}",
                email="",
            )
        for name, members in GROUPS.items():
            group = ContactGroup.create(name=name)
            for contact in Contact.select().where(Contact.name.in_(members)):
                GroupMember.create(group=group, contact=contact)
    for username, full_name, nip, unit, roles in USERS:
        auth.add_user(username, full_name, PASSWORD, roles, unit_code=unit, nip=nip, by="demo")
    if items:
        _seed_fax()
        _seed_outgoing()


def _seed_fax() -> None:
    users = {u.username: u for u in User.select()}
    for n, (title, derajat, requester, dests, step, minutes) in enumerate(FAX_ITEMS, start=1):
        draft = fax_flow.FaxDraft(
            perihal=title,
            nota_number=f"ND/{n:03d}/{users[requester].unit.code}/{now().year}",
            nota_date=now().date(),
            isi_berita=FAX_TEXT.format(perihal=title.lower()),
            destinations=[(CONTACTS[i][0], CONTACTS[i][2]) for i in dests],
            derajat=derajat,
            klasifikasi="000.1.1",
        )
        item = fax_flow.save_draft(users[requester], draft)
        if step >= 2:
            fax_flow.submit(users[requester], item.id)
        if step >= 3:
            fax_flow.dispose(users["kasi"], item.id, ["Agendakan dan kirim melalui faksimili"])
        if step >= 4:
            fax_flow.register(users["admin"], item.id, DEFAULT_PATTERN, "406.020")
        if step >= 5:
            fax_flow.handover(users["admin"], item.id)
        if step >= 6:
            for dest in request_of(item).destinations:
                fax_jobs.record_manual(
                    users["operator"],
                    item.id,
                    dest.id,
                    at=now(),
                    remote_id=dest.number,
                    pages=1,
                    ok=True,
                )
            fax_jobs.mark_sent(users["operator"], item.id)
        if step >= 7:
            fax_jobs.hand_back(users["operator"], item.id)
        _backdate(item.id, minutes)


def _backdate(item_id: int, minutes: int) -> None:
    entered = now() - timedelta(minutes=minutes)
    with write():
        WorkItem.update(step_entered_at=entered).where(WorkItem.id == item_id).execute()
        deadlines.schedule(item_id)


def _seed_outgoing() -> None:
    staf = User.get(User.username == "staf")
    item = email_out.save_draft(
        staf,
        to="statistik@bps.go.id",
        cc="bappeda@trenggalekkab.go.id",
        subject="Jawaban permintaan data statistik sektoral 2026",
        body="Yth. Kepala BPS Kabupaten Trenggalek\n\nDengan hormat, menindaklanjuti surat "
        "Saudara, bersama ini kami sampaikan data statistik sektoral bidang komunikasi "
        "dan informatika tahun 2026.\n\nDemikian, atas perhatiannya kami sampaikan "
        "terima kasih.\n\nKepala Dinas Kominfo Kabupaten Trenggalek",
    )
    email_out.submit(staf, item.id)
    _backdate(item.id, 4)


def advance_incoming() -> None:
    """Walk the demo inbox's first mails to later steps, so every role has mail waiting."""
    admin = User.get(User.username == "admin")
    mails = list(
        WorkItem.select()
        .where((WorkItem.procedure == EMAIL_IN) & (WorkItem.step == number(EMAIL_IN, "cetak")))
        .order_by(WorkItem.id)
    )
    if len(mails) < 3:
        return
    email_in.classify(admin, mails[0].id, needs_print=False)
    email_in.forward(
        admin,
        mails[0].id,
        [User.get(User.username == "staf").unit_id],
        "Mohon ditindaklanjuti dan dijawab.",
    )
    _backdate(mails[0].id, 40)
    email_in.classify(admin, mails[1].id, needs_print=True)
    _backdate(mails[1].id, 3)
