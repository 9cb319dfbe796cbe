"""The SOP (SOP/17/406.020/2019) as data: procedures, steps, actors, mutu baku, actions.

Every rule, clock, help text and report reads this table; a revised SOP is edited here only.
"""

from __future__ import annotations

from dataclasses import dataclass

from model.roles import ADMIN_UMUM, KABID, KASI, OPERATOR, PEMAKAI, STAF

DONE = 0  # step number of an item whose procedure is finished

FAX, EMAIL_IN, EMAIL_OUT = "fax", "email_in", "email_out"


@dataclass(frozen=True)
class Action:
    """A way to leave a step: its code, the button label and the step it leads to."""

    code: str
    label: str
    to: int


@dataclass(frozen=True)
class Step:
    number: int
    name: str
    roles: tuple[str, ...]
    minutes: int | None
    needs: str
    output: str
    actions: tuple[Action, ...]
    scope: str = "any"  # "any", "owner" (the requester) or "unit" (the assigned unit)

    def action(self, code: str) -> Action | None:
        return next((a for a in self.actions if a.code == code), None)


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    short: str
    steps: tuple[Step, ...]

    def step(self, number: int) -> Step:
        for step in self.steps:
            if step.number == number:
                return step
        raise KeyError(f"{self.code} has no step {number}")

    @property
    def first(self) -> Step:
        return self.steps[0]


FAX_PROCEDURE = Procedure(
    FAX,
    "Pengiriman Surat Faksimile",
    "Faks",
    (
        Step(1, "Mengajukan permintaan pengiriman surat melalui faksimili kepada Kepala Dinas "
             "c.q. Kasi Keamanan Informasi dan Persandian",
             (PEMAKAI,), 10, "Nota dinas, isi berita", "Nota dinas, isi berita",
             (Action("ajukan", "Ajukan", 2),), scope="owner"),
        Step(2, "Menugaskan Pengadministrasi Umum untuk mengagendakan surat (disposisi)",
             (KASI,), 10, "Nota dinas, isi berita",
             "Nota dinas yang sudah didisposisi Kasi Persandian, isi berita",
             (Action("disposisi", "Disposisi ke Adm. Umum", 3),
              Action("kembalikan", "Kembalikan ke pemohon", 1))),
        Step(3, "Mengagendakan surat di buku agenda berita keluar",
             (ADMIN_UMUM,), 10,
             "Nota dinas yang sudah didisposisi Kasi Persandian, buku agenda berita keluar",
             "Isi berita yang sudah dinomori",
             (Action("agendakan", "Agendakan", 4),)),
        Step(4, "Meneruskan surat kepada Operator Transmisi Sandi untuk dikirim melalui "
             "mesin faksimili",
             (ADMIN_UMUM,), 5, "Isi berita yang sudah dinomori", "Isi berita yang sudah dinomori",
             (Action("teruskan", "Serahkan ke operator", 5),)),
        Step(5, "Mengirim surat sesuai alamat tujuan, mencetak jurnal pengiriman, mencatat di "
             "buku laporan harian fax dan menulis waktu pengiriman di belakang berita",
             (OPERATOR,), 30, "Isi berita yang sudah dinomori, mesin faksimili",
             "Isi berita terkirim dan telah dicatat di buku laporan harian fax",
             (Action("terkirim", "Catat terkirim", 6),)),
        Step(6, "Meneruskan surat yang sudah dikirim kepada Pengadministrasi Umum untuk "
             "diarsipkan",
             (OPERATOR,), 5, "Isi berita terkirim dan telah dicatat di buku laporan harian fax",
             "Isi berita terkirim dan telah dicatat di buku laporan harian fax",
             (Action("serahkan", "Serahkan ke Adm. Umum", 7),)),
        Step(7, "Mengarsipkan surat yang sudah dikirim",
             (ADMIN_UMUM,), 10, "Nota dinas, isi berita", "Surat telah diarsipkan",
             (Action("arsipkan", "Arsipkan", DONE),)),
    ),
)

EMAIL_IN_PROCEDURE = Procedure(
    EMAIL_IN,
    "Pengelolaan Email Masuk",
    "Email masuk",
    (
        Step(1, "Surat elektronik masuk diterima melalui kotak surat kantor",
             (), None, "Surat masuk", "Surat masuk",
             (Action("terima", "Terima", 2),)),
        Step(2, "Menyortir dan mengklasifikasikan surat elektronik masuk untuk menentukan "
             "penanganan selanjutnya",
             (KASI, ADMIN_UMUM), 5, "Surat masuk", "Keputusan penanganan",
             (Action("cetak", "Perlu dicetak/pemberkasan", 3),
              Action("tanpa_cetak", "Tidak perlu dicetak", 6),
              Action("sisihkan", "Bukan surat dinas", DONE))),
        Step(3, "Mencetak surat yang bersifat penting untuk diproses seperti surat biasa",
             (ADMIN_UMUM,), 5, "Surat masuk", "Print out surat",
             (Action("dicetak", "Sudah dicetak", 4),)),
        Step(4, "Mencatat dalam buku agenda / buku pengendali surat masuk",
             (ADMIN_UMUM,), 5, "Print out surat, buku agenda surat masuk", "Buku agenda surat masuk",
             (Action("agendakan", "Agendakan", 5),)),
        Step(5, "Memberikan label atau nomor pada surat yang dicetak",
             (ADMIN_UMUM,), 5, "Print out surat", "Surat cetak berlabel/bernomor",
             (Action("dilabeli", "Sudah dilabeli", 6),)),
        Step(6, "Meneruskan surat elektronik kepada bidang/seksi terkait untuk memperoleh "
             "tindak lanjut atau jawaban",
             (ADMIN_UMUM,), 5, "Surat masuk", "Surat diteruskan",
             (Action("teruskan", "Teruskan", 7),)),
        Step(7, "OPD / Bidang / Seksi terkait memberikan tindak lanjut atau jawaban",
             (STAF, KABID), None, "Surat diteruskan", "Tindak lanjut atau jawaban",
             (Action("tindak_lanjut", "Catat tindak lanjut", 8),), scope="unit"),
        Step(8, "Mengarsip surat elektronik masuk ke dalam database surat masuk",
             (ADMIN_UMUM,), None, "Surat masuk, tindak lanjut", "File/database surat masuk",
             (Action("arsipkan", "Arsipkan", DONE),)),
    ),
)

EMAIL_OUT_PROCEDURE = Procedure(
    EMAIL_OUT,
    "Pengelolaan Email Keluar",
    "Email keluar",
    (
        Step(1, "Membuat konsep atau draft surat elektronik",
             (STAF,), 5, "Bahan surat", "Draft surat",
             (Action("ajukan", "Ajukan persetujuan", 2),), scope="unit"),
        Step(2, "Memberikan persetujuan atas draft surat apabila sudah tidak diperlukan revisi",
             (KABID,), 5, "Draft surat", "Surat yang telah disetujui",
             (Action("setujui", "Setujui", 3), Action("revisi", "Kembalikan untuk revisi", 1)),
             scope="unit"),
        Step(3, "Mengetik surat yang telah mendapat persetujuan",
             (STAF,), 5, "Surat yang telah disetujui", "Naskah final",
             (Action("final", "Naskah final siap kirim", 4),
              Action("ajukan_ulang", "Ajukan ulang (diubah)", 2)), scope="unit"),
        Step(4, "Mengirim surat elektronik melalui alamat email kantor",
             (KASI, ADMIN_UMUM), 5, "Naskah final", "Email",
             (Action("kirim", "Kirim", 5),)),
        Step(5, "Melakukan pengarsipan terhadap surat elektronik keluar",
             (ADMIN_UMUM,), 5, "Email terkirim", "Folder/database surat keluar",
             (Action("arsipkan", "Arsipkan", DONE),)),
    ),
)

PROCEDURES = {p.code: p for p in (FAX_PROCEDURE, EMAIL_IN_PROCEDURE, EMAIL_OUT_PROCEDURE)}

