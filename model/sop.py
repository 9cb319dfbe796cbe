"""The SOP (SOP_NUMBER below) as data: procedures, steps, actors, mutu baku, actions.

Every rule, clock, help text and report reads this table; a revised SOP is edited here only.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from model.roles import ADMIN_UMUM, KABID, KASI, OPERATOR, PEMAKAI, STAF

SOP_NUMBER = "SOP/17/406.020/2019"

DONE = 0  # step number of an item whose procedure is finished
NEXT, FINISH = "berikut", "selesai"  # an action's target: the following step, or done

FAX, EMAIL_IN, EMAIL_OUT = "fax", "email_in", "email_out"


@dataclass(frozen=True)
class Action:
    """A way to leave a step: its code (the one name screens and rules use), the button
    label, and where it leads: NEXT, FINISH or the code of an action of the target step as
    written in a procedure; the target's step number once the procedure is built."""

    code: str
    label: str
    to: int | str = NEXT


@dataclass(frozen=True)
class Step:
    name: str
    roles: tuple[str, ...]
    minutes: int | None
    needs: str
    output: str
    actions: tuple[Action, ...]
    scope: str = "any"  # "any", "owner" (the requester) or "unit" (the assigned unit)
    number: int = 0  # its place in the procedure, given by the procedure

    def action(self, code: str) -> Action | None:
        return next((a for a in self.actions if a.code == code), None)


@dataclass(frozen=True)
class Procedure:
    """A procedure written as its steps in order: steps are numbered by their place and each
    action's target resolved, so a step inserted in `written` renumbers everything after it.
    An action code names one step of a procedure."""

    code: str
    name: str
    short: str
    written: tuple[Step, ...]
    steps: tuple[Step, ...] = field(init=False, repr=False)

    def __post_init__(self):
        owner: dict[str, int] = {}
        for number, step in enumerate(self.written, start=1):
            for act in step.actions:
                if act.code in owner:
                    raise ValueError(f"{self.code}: tindakan {act.code!r} ada di dua langkah")
                owner[act.code] = number
        last = len(self.written)

        def target(number: int, act: Action) -> int:
            if act.to == NEXT:
                return number + 1 if number < last else DONE
            return DONE if act.to == FINISH else owner[act.to]

        object.__setattr__(
            self,
            "steps",
            tuple(
                replace(
                    step, number=n, actions=tuple(replace(a, to=target(n, a)) for a in step.actions)
                )
                for n, step in enumerate(self.written, start=1)
            ),
        )

    def step(self, number: int) -> Step:
        for step in self.steps:
            if step.number == number:
                return step
        raise KeyError(f"{self.code} has no step {number}")

    def step_of(self, action: str) -> Step:
        """The step `action` leaves from."""
        for step in self.steps:
            if step.action(action):
                return step
        raise KeyError(f"{self.code} has no action {action!r}")

    def numbers(self, *actions: str) -> tuple[int, ...]:
        """The numbers of the steps these actions leave from, in procedure order."""
        return tuple(sorted({self.step_of(a).number for a in actions}))

    @property
    def first(self) -> Step:
        return self.steps[0]


FAX_PROCEDURE = Procedure(
    FAX,
    "Pengiriman Surat Faksimile",
    "Faks",
    (
        Step(
            "Mengajukan permintaan pengiriman surat melalui faksimili kepada Kepala Dinas "
            "c.q. Kasi Keamanan Informasi dan Persandian",
            (PEMAKAI,),
            10,
            "Nota dinas, isi berita",
            "Nota dinas, isi berita",
            (Action("ajukan", "Ajukan"),),
            scope="owner",
        ),
        Step(
            "Menugaskan Pengadministrasi Umum untuk mengagendakan surat (disposisi)",
            (KASI,),
            10,
            "Nota dinas, isi berita",
            "Nota dinas yang sudah didisposisi Kasi Persandian, isi berita",
            (
                Action("disposisi", "Disposisi ke Adm. Umum"),
                Action("kembalikan", "Kembalikan ke pemohon", to="ajukan"),
            ),
        ),
        Step(
            "Mengagendakan surat di buku agenda berita keluar",
            (ADMIN_UMUM,),
            10,
            "Nota dinas yang sudah didisposisi Kasi Persandian, buku agenda berita keluar",
            "Isi berita yang sudah dinomori",
            (Action("agendakan", "Agendakan"),),
        ),
        Step(
            "Meneruskan surat kepada Operator Transmisi Sandi untuk dikirim melalui "
            "mesin faksimili",
            (ADMIN_UMUM,),
            5,
            "Isi berita yang sudah dinomori",
            "Isi berita yang sudah dinomori",
            (Action("teruskan", "Serahkan ke operator"),),
        ),
        Step(
            "Mengirim surat sesuai alamat tujuan, mencetak jurnal pengiriman, mencatat di "
            "buku laporan harian fax dan menulis waktu pengiriman di belakang berita",
            (OPERATOR,),
            30,
            "Isi berita yang sudah dinomori, mesin faksimili",
            "Isi berita terkirim dan telah dicatat di buku laporan harian fax",
            (Action("terkirim", "Catat terkirim"),),
        ),
        Step(
            "Meneruskan surat yang sudah dikirim kepada Pengadministrasi Umum untuk diarsipkan",
            (OPERATOR,),
            5,
            "Isi berita terkirim dan telah dicatat di buku laporan harian fax",
            "Isi berita terkirim dan telah dicatat di buku laporan harian fax",
            (Action("serahkan", "Serahkan ke Adm. Umum"),),
        ),
        Step(
            "Mengarsipkan surat yang sudah dikirim",
            (ADMIN_UMUM,),
            10,
            "Nota dinas, isi berita",
            "Surat telah diarsipkan",
            (Action("arsipkan", "Arsipkan", to=FINISH),),
        ),
    ),
)

EMAIL_IN_PROCEDURE = Procedure(
    EMAIL_IN,
    "Pengelolaan Email Masuk",
    "Email masuk",
    (
        Step(
            "Surat elektronik masuk diterima melalui kotak surat kantor",
            (),
            None,
            "Surat masuk",
            "Surat masuk",
            (Action("terima", "Terima"),),
        ),
        Step(
            "Menyortir dan mengklasifikasikan surat elektronik masuk untuk menentukan "
            "penanganan selanjutnya",
            (KASI, ADMIN_UMUM),
            5,
            "Surat masuk",
            "Keputusan penanganan",
            (
                Action("cetak", "Perlu dicetak/pemberkasan"),
                Action("tanpa_cetak", "Tidak perlu dicetak", to="teruskan"),
                Action("sisihkan", "Bukan surat dinas", to=FINISH),
            ),
        ),
        Step(
            "Mencetak surat yang bersifat penting untuk diproses seperti surat biasa",
            (ADMIN_UMUM,),
            5,
            "Surat masuk",
            "Print out surat",
            (Action("dicetak", "Sudah dicetak"),),
        ),
        Step(
            "Mencatat dalam buku agenda / buku pengendali surat masuk",
            (ADMIN_UMUM,),
            5,
            "Print out surat, buku agenda surat masuk",
            "Buku agenda surat masuk",
            (Action("agendakan", "Agendakan"),),
        ),
        Step(
            "Memberikan label atau nomor pada surat yang dicetak",
            (ADMIN_UMUM,),
            5,
            "Print out surat",
            "Surat cetak berlabel/bernomor",
            (Action("dilabeli", "Sudah dilabeli"),),
        ),
        Step(
            "Meneruskan surat elektronik kepada bidang/seksi terkait untuk memperoleh "
            "tindak lanjut atau jawaban",
            (ADMIN_UMUM,),
            5,
            "Surat masuk",
            "Surat diteruskan",
            (Action("teruskan", "Teruskan"),),
        ),
        Step(
            "OPD / Bidang / Seksi terkait memberikan tindak lanjut atau jawaban",
            (STAF, KABID),
            None,
            "Surat diteruskan",
            "Tindak lanjut atau jawaban",
            (Action("tindak_lanjut", "Catat tindak lanjut"),),
            scope="unit",
        ),
        Step(
            "Mengarsip surat elektronik masuk ke dalam database surat masuk",
            (ADMIN_UMUM,),
            None,
            "Surat masuk, tindak lanjut",
            "File/database surat masuk",
            (Action("arsipkan", "Arsipkan", to=FINISH),),
        ),
    ),
)

EMAIL_OUT_PROCEDURE = Procedure(
    EMAIL_OUT,
    "Pengelolaan Email Keluar",
    "Email keluar",
    (
        Step(
            "Membuat konsep atau draft surat elektronik",
            (STAF,),
            5,
            "Bahan surat",
            "Draft surat",
            (Action("ajukan", "Ajukan persetujuan"),),
            scope="unit",
        ),
        Step(
            "Memberikan persetujuan atas draft surat apabila sudah tidak diperlukan revisi",
            (KABID,),
            5,
            "Draft surat",
            "Surat yang telah disetujui",
            (
                Action("setujui", "Setujui"),
                Action("revisi", "Kembalikan untuk revisi", to="ajukan"),
            ),
            scope="unit",
        ),
        Step(
            "Mengetik surat yang telah mendapat persetujuan",
            (STAF,),
            5,
            "Surat yang telah disetujui",
            "Naskah final",
            (
                Action("final", "Naskah final siap kirim"),
                Action("ajukan_ulang", "Ajukan ulang (diubah)", to="setujui"),
            ),
            scope="unit",
        ),
        Step(
            "Mengirim surat elektronik melalui alamat email kantor",
            (KASI, ADMIN_UMUM),
            5,
            "Naskah final",
            "Email",
            (Action("kirim", "Kirim"),),
        ),
        Step(
            "Melakukan pengarsipan terhadap surat elektronik keluar",
            (ADMIN_UMUM,),
            5,
            "Email terkirim",
            "Folder/database surat keluar",
            (Action("arsipkan", "Arsipkan", to=FINISH),),
        ),
    ),
)

PROCEDURES = {p.code: p for p in (FAX_PROCEDURE, EMAIL_IN_PROCEDURE, EMAIL_OUT_PROCEDURE)}


def procedure_of(step: Step) -> Procedure:
    """The procedure `step` belongs to."""
    return next(p for p in PROCEDURES.values() if step in p.steps)


def number(procedure: str, action: str) -> int:
    """The number of the step `action` of `procedure` leaves from (read when asked, so a
    revised SOP moves every screen and rule with it)."""
    return PROCEDURES[procedure].step_of(action).number
