"""Varied Indonesian office text for benchmark homes (benchmarks/office_home.py): perihal,
isi berita, people, government bodies with fax numbers and email addresses, spam.

Words are drawn with weights, so common ones ("rapat", "surat", "data", "kabupaten") appear
at the frequencies of a real office's letters and rare ones (a person's name, a letter
number, a phone number) in a few items only. Every draw comes from the `random.Random`
given to `Writer`, so a seed gives the same text every time.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

KECAMATAN = (
    "Panggul Munjungan Watulimo Kampak Dongko Pule Karangan Suruh Gandusari Durenan "
    "Pogalan Trenggalek Tugu Bendungan"
).split()
MONTHS = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
).split()
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

# name, fax, email: the bodies letters go to and come from (demo numbers and addresses).
BODIES = [
    ("Sekretariat Daerah Kabupaten Trenggalek", "0355-791001", "setda@trenggalekkab.go.id"),
    ("Bagian Umum Setda Kabupaten Trenggalek", "0355-791002", "umum@trenggalekkab.go.id"),
    (
        "Bagian Organisasi Setda Kabupaten Trenggalek",
        "0355-791003",
        "organisasi@trenggalekkab.go.id",
    ),
    ("Inspektorat Kabupaten Trenggalek", "0355-791110", "inspektorat@trenggalekkab.go.id"),
    ("Dinas Pendidikan, Pemuda dan Olahraga", "0355-791201", "dispendik@trenggalekkab.go.id"),
    ("Dinas Kesehatan, Pengendalian Penduduk dan KB", "0355-791202", "dinkes@trenggalekkab.go.id"),
    (
        "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
        "0355-791203",
        "dinsos@trenggalekkab.go.id",
    ),
    (
        "Dinas Kependudukan dan Pencatatan Sipil",
        "0355-791204",
        "dispendukcapil@trenggalekkab.go.id",
    ),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "0355-791205", "dpupr@trenggalekkab.go.id"),
    ("Dinas Perhubungan", "0355-791206", "dishub@trenggalekkab.go.id"),
    ("Dinas Pertanian dan Pangan", "0355-791207", "dispertan@trenggalekkab.go.id"),
    ("Dinas Perikanan", "0355-791208", "diskan@trenggalekkab.go.id"),
    ("Dinas Pariwisata dan Kebudayaan", "0355-791209", "disparbud@trenggalekkab.go.id"),
    ("Dinas Penanaman Modal dan PTSP", "0355-791210", "dpmptsp@trenggalekkab.go.id"),
    ("Badan Perencanaan Pembangunan Daerah", "0355-791301", "bappeda@trenggalekkab.go.id"),
    ("Badan Kepegawaian dan Pengembangan SDM", "0355-791302", "bkpsdm@trenggalekkab.go.id"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "0355-791303", "bpkad@trenggalekkab.go.id"),
    ("Badan Penanggulangan Bencana Daerah", "0355-791304", "bpbd@trenggalekkab.go.id"),
    ("Badan Kesatuan Bangsa dan Politik", "0355-791305", "bakesbangpol@trenggalekkab.go.id"),
    ("Satuan Polisi Pamong Praja", "0355-791306", "satpolpp@trenggalekkab.go.id"),
    ("RSUD dr. Soedomo Trenggalek", "0355-791400", "rsud@trenggalekkab.go.id"),
    ("Polres Trenggalek", "0355-791100", "polrestrenggalek@polri.go.id"),
    ("Kodim 0806 Trenggalek", "0355-791520", "kodim0806@tniad.mil.id"),
    ("Kejaksaan Negeri Trenggalek", "0355-791530", "kejari.trenggalek@kejaksaan.go.id"),
    ("Pengadilan Negeri Trenggalek", "0355-791540", "pn.trenggalek@mahkamahagung.go.id"),
    ("KPU Kabupaten Trenggalek", "0355-791550", "kpu.trenggalek@kpu.go.id"),
    ("Bawaslu Kabupaten Trenggalek", "0355-791560", "bawaslu.trenggalek@bawaslu.go.id"),
    ("BPS Kabupaten Trenggalek", "0355-791570", "bps3503@bps.go.id"),
    ("Sekretariat DPRD Kabupaten Trenggalek", "0355-791580", "setwan@trenggalekkab.go.id"),
    ("Badan Siber dan Sandi Negara", "021-7805814", "humas@bssn.go.id"),
    (
        "Direktorat Keamanan Siber dan Sandi Pemerintah Daerah BSSN",
        "021-7805815",
        "sandipemda@bssn.go.id",
    ),
    ("Diskominfo Provinsi Jawa Timur", "031-8294608", "kominfo@jatimprov.go.id"),
    ("Sekretariat Daerah Provinsi Jawa Timur", "031-3524001", "setdaprov@jatimprov.go.id"),
    ("Bakorwil II Bojonegoro", "0353-881826", "bakorwil2@jatimprov.go.id"),
    ("Kementerian Komunikasi dan Digital", "021-3452841", "persuratan@komdigi.go.id"),
    ("Kementerian Dalam Negeri", "021-3450038", "persuratan@kemendagri.go.id"),
    ("Diskominfo Kabupaten Tulungagung", "0355-321456", "kominfo@tulungagung.go.id"),
    ("Diskominfo Kabupaten Ponorogo", "0352-481563", "kominfo@ponorogo.go.id"),
    ("Diskominfo Kabupaten Pacitan", "0357-881573", "kominfo@pacitankab.go.id"),
    ("Diskominfo Kota Blitar", "0342-801450", "kominfo@blitarkota.go.id"),
] + [
    (f"Kantor Kecamatan {k}", f"0355-79{n:04d}", f"kec.{k.lower()}@trenggalekkab.go.id")
    for n, k in enumerate(KECAMATAN, start=1)
]
# local bodies get most letters: weights by position (Kabupaten first, then the rest)
BODY_WEIGHTS = [6 if b[2].endswith("trenggalekkab.go.id") else 2 for b in BODIES]

KINDS = [  # how a perihal starts, weighted
    ("Undangan Rapat Koordinasi", 14),
    ("Undangan Rapat", 10),
    ("Undangan", 6),
    ("Permohonan", 12),
    ("Permohonan Data", 6),
    ("Laporan", 8),
    ("Laporan Hasil", 5),
    ("Pemberitahuan", 7),
    ("Penyampaian", 7),
    ("Surat Edaran tentang", 3),
    ("Permintaan", 4),
    ("Pengiriman", 3),
    ("Usulan", 3),
    ("Konfirmasi", 2),
    ("Tindak Lanjut", 3),
    ("Jadwal", 2),
    ("Hasil Evaluasi", 2),
    ("Rekapitulasi", 2),
    ("Sosialisasi", 3),
    ("Bimbingan Teknis", 2),
]
TOPICS = [  # what it is about, weighted
    ("Pengamanan Informasi", 10),
    ("Pemeriksaan Persandian", 5),
    ("Data Pegawai", 8),
    ("Jaring Komunikasi Sandi", 4),
    ("Sertifikat Elektronik", 5),
    ("Tanda Tangan Elektronik", 4),
    ("Keamanan Siber", 6),
    ("Insiden Keamanan Informasi", 3),
    ("Aplikasi Persuratan Elektronik", 3),
    ("Jaringan Intra Pemerintah", 3),
    ("Pengelolaan Arsip Dinamis", 2),
    ("Anggaran Kegiatan", 4),
    ("Pelaksanaan Kegiatan", 5),
    ("Musrenbang Kecamatan", 3),
    ("Hari Jadi Kabupaten Trenggalek", 2),
    ("Peringatan HUT Republik Indonesia", 2),
    ("Data Statistik Sektoral", 4),
    ("Satu Data Indonesia", 2),
    ("Indeks KAMI", 2),
    ("Evaluasi SPBE", 3),
    ("Layanan Pengaduan Masyarakat", 3),
    ("Pemutakhiran Data Kependudukan", 2),
    ("Kesiapsiagaan Bencana", 2),
    ("Pengamanan Pemilihan Kepala Daerah", 2),
    ("Kunjungan Kerja Bupati", 3),
    ("Apel Siaga", 1),
    ("Perjalanan Dinas", 3),
    ("Cuti Pegawai", 2),
    ("Kenaikan Pangkat", 2),
    ("Pengadaan Barang dan Jasa", 3),
    ("Laporan Keuangan", 2),
    ("Monitoring dan Evaluasi", 3),
    ("Penggunaan Ruang Rapat", 2),
    ("Pemeliharaan Jaringan Internet", 2),
    ("Kalibrasi Peralatan Sandi", 1),
    ("Penerimaan Peserta Magang", 1),
]
TAILS = [  # what follows, weighted ("" most often)
    ("", 40),
    ("Tahun Anggaran {year}", 6),
    ("Triwulan {quarter} Tahun {year}", 4),
    ("Bulan {month} {year}", 5),
    ("di Kecamatan {kecamatan}", 5),
    ("Wilayah Kabupaten Trenggalek", 3),
    ("Semester {semester} Tahun {year}", 2),
    ("bagi Perangkat Daerah", 3),
]
FIRST = (
    "Agus Andi Arif Bambang Budi Dedi Dewi Dian Dwi Eko Endah Fajar Fitri Hadi Hari Hendra "
    "Heru Ika Indah Joko Kurniawan Lestari Lina Made Mega Muhammad Nanik Nur Puji Putri "
    "Rahmat Retno Rina Rizky Sari Siti Slamet Sri Sugeng Suharto Susanti Teguh Tri Wahyu "
    "Wati Widodo Yanti Yudha Yuli Zainal"
).split()
LAST = (
    "Prasetyo Santoso Wibowo Hidayat Saputra Kurniawan Wulandari Lestari Setiawan Rahayu "
    "Nugroho Susilo Purnomo Handayani Anggraini Firmansyah Hartono Gunawan Suryani Utomo "
    "Pratama Maharani Permana Suharyanto Mulyani Kusuma Hermawan Sulistyo Wijayanti Yulianto"
).split()
DEGREES = ("", "", "", "S.Kom.", "S.E.", "S.Sos.", "S.H.", "S.T.", "M.Si.", "S.Pd.", "S.AP.")
PLACES = (
    "Ruang Rapat Cakra Sekretariat Daerah",
    "Pendopo Manggala Praja Nugraha",
    "Ruang Rapat Diskominfo Kabupaten Trenggalek",
    "Aula Bappeda Kabupaten Trenggalek",
    "Command Center Kabupaten Trenggalek",
    "Ruang Rapat Kantor Kecamatan {kecamatan}",
    "Hotel Hayam Wuruk Trenggalek",
    "Gedung Bawarasa Diskominfo Provinsi Jawa Timur",
    "aplikasi Zoom Meeting (tautan menyusul)",
)
OPENINGS = (
    "Dengan hormat,",
    "Dengan hormat,",
    "Yth. Bapak/Ibu,",
    "Menindaklanjuti surat Saudara,",
    "Memperhatikan ketentuan yang berlaku,",
)
FIRST_SENTENCES = (
    "Sehubungan dengan {topic}, bersama ini kami sampaikan bahwa kegiatan dimaksud akan "
    "dilaksanakan sesuai jadwal.",
    "Dalam rangka {topic}, kami mohon Bapak/Ibu berkenan memberikan dukungan dan data yang "
    "diperlukan.",
    "Menindaklanjuti surat nomor {ref}, bersama ini kami sampaikan hal-hal berkaitan dengan "
    "{topic}.",
    "Berdasarkan hasil rapat koordinasi sebelumnya, kami sampaikan tindak lanjut mengenai {topic}.",
    "Bersama ini kami sampaikan {topic} untuk menjadi bahan pertimbangan Bapak/Ibu.",
)
INVITATION = (
    "Rapat akan dilaksanakan pada hari {day}, tanggal {date}, pukul {time} WIB sampai dengan "
    "selesai, bertempat di {place}.",
    "Kegiatan tersebut diselenggarakan pada {day}, {date} pukul {time} WIB di {place}.",
)
MIDDLE = (
    "Mohon kehadiran Bapak/Ibu atau pejabat yang ditunjuk tepat pada waktunya.",
    "Mohon kiranya data dimaksud dapat dikirimkan paling lambat tanggal {date}.",
    "Data dapat dikirimkan melalui surat elektronik atau faksimili ke nomor kantor kami.",
    "Agar setiap perangkat daerah menunjuk satu orang petugas sebagai narahubung.",
    "Peserta diharapkan membawa laptop dan data pendukung yang diperlukan.",
    "Surat ini bersifat {sifat} dan hanya untuk kalangan terbatas.",
    "Laporan disusun sesuai format terlampir dan ditandatangani oleh kepala perangkat daerah.",
    "Pelaksanaan kegiatan tetap memperhatikan ketentuan pengamanan informasi yang berlaku.",
    "Hasil pemeriksaan menunjukkan beberapa temuan yang perlu segera ditindaklanjuti.",
    "Seluruh perangkat daerah diminta memperbarui kata sandi akun surat elektronik dinas.",
    "Biaya kegiatan dibebankan pada anggaran masing-masing perangkat daerah.",
    "Jadwal dan susunan acara terlampir bersama surat ini.",
    "Informasi lebih lanjut dapat menghubungi {person} melalui nomor {phone}.",
    "Narahubung kegiatan: {person} ({phone}).",
    "Daftar nama peserta mohon disampaikan kepada panitia sebelum pelaksanaan kegiatan.",
)
CLOSINGS = (
    "Demikian untuk menjadi perhatian dan atas kerja samanya kami sampaikan terima kasih.",
    "Demikian disampaikan, atas perhatian dan kehadirannya kami ucapkan terima kasih.",
    "Demikian untuk dilaksanakan dengan penuh tanggung jawab.",
    "Atas perhatian Bapak/Ibu kami sampaikan terima kasih.",
)
SIGNERS = (
    "a.n. Kepala Dinas Komunikasi dan Informatika\nKepala Bidang Persandian dan Statistik",
    "Kepala Dinas Komunikasi dan Informatika\nKabupaten Trenggalek",
    "a.n. Kepala Dinas Komunikasi dan Informatika\nSekretaris",
)
SPAM = [
    ("Selamat! Anda terpilih mendapatkan hadiah undian", "hadiah.resmi2026@gmail.com"),
    ("Verifikasi akun email dinas Anda segera", "admin-mail@trenggalek-kab.info"),
    ("Kotak surat Anda hampir penuh: tingkatkan kuota", "helpdesk@mailbox-upgrade.net"),
    ("Invoice pembayaran tertunda", "billing@invoice-center.biz"),
    ("Penawaran kerja sama pengadaan laptop murah", "sales@grosirlaptop.co"),
    ("Pinjaman dana cepat tanpa agunan untuk ASN", "promo@danacepat.id"),
    ("Re: Undangan", "noreply@secure-docs-share.com"),
]
FREE_MAIL = ("gmail.com", "yahoo.co.id", "yahoo.com", "outlook.com")


def pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


def tanggal(day: date) -> str:
    """`14 Mei 2026`."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


class Writer:
    """Text for one office, drawn from `rng`."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._kinds = ([k for k, _ in KINDS], [w for _, w in KINDS])
        self._topics = ([k for k, _ in TOPICS], [w for _, w in TOPICS])
        self._tails = ([k for k, _ in TAILS], [w for _, w in TAILS])

    def person(self) -> str:
        r = self.rng
        name = f"{r.choice(FIRST)} {r.choice(LAST)}"
        degree = r.choice(DEGREES)
        return f"{name}, {degree}" if degree else name

    def phone(self) -> str:
        return f"08{self.rng.choice('1235789')}{self.rng.randint(10_000_000, 99_999_999)}"

    def nip(self, at: datetime) -> str:
        """`198502172010012025`: born, appointed (CPNS at 22–35), sex, number."""
        r = self.rng
        born = date(r.randint(1966, at.year - 24), r.randint(1, 12), r.randint(1, 28))
        hired = min(at.year - 1, born.year + r.randint(22, 35))
        return f"{born:%Y%m%d}{hired}{r.randint(1, 12):02d}{r.randint(1, 2)}{r.randint(1, 30):03d}"

    def perihal(self, at: datetime) -> str:
        r = self.rng
        kind = r.choices(*self._kinds)[0]
        topic = r.choices(*self._topics)[0]
        tail = r.choices(*self._tails)[0].format(
            year=at.year,
            quarter=("I", "II", "III", "IV")[(at.month - 1) // 3],
            semester="I" if at.month <= 6 else "II",
            month=MONTHS[at.month - 1],
            kecamatan=r.choice(KECAMATAN),
        )
        return " ".join(p for p in (kind, topic, tail) if p)

    def letter_number(self, at: datetime, klasifikasi: str) -> str:
        """A sender's nomor surat: `005/123/406.009/2026`."""
        unit = f"{self.rng.choice((406, 406, 406, 400, 800, 35))}.{self.rng.randint(1, 60):03d}"
        return f"{klasifikasi}/{self.rng.randint(1, 2999)}/{unit}/{at.year}"

    def isi(self, perihal: str, at: datetime, sifat: str = "Biasa") -> str:
        """Several sentences in paragraphs, an invitation's time and place when it is one,
        closed and signed."""
        r = self.rng
        topic = perihal[0].lower() + perihal[1:]
        ref = self.letter_number(at - timedelta(days=r.randint(3, 30)), "000.1.1")
        later = (at + timedelta(days=r.randint(2, 14))).date()
        while later.weekday() >= 5:
            later += timedelta(days=1)
        fields = {
            "topic": topic,
            "ref": ref,
            "day": DAYS[later.weekday()],
            "date": tanggal(later),
            "time": r.choice(("08.00", "08.30", "09.00", "09.30", "10.00", "13.00")),
            "place": r.choice(PLACES).format(kecamatan=r.choice(KECAMATAN)),
            "sifat": sifat.lower(),
        }
        first = [r.choice(FIRST_SENTENCES)]
        if perihal.startswith(("Undangan", "Sosialisasi", "Bimbingan")):
            first.append(r.choice(INVITATION))
        middle = r.sample(MIDDLE, r.choice((1, 2, 2, 3, 4)))
        paragraphs = [r.choice(OPENINGS), " ".join(first), " ".join(middle), r.choice(CLOSINGS)]
        text = "\n\n".join(paragraphs).format(
            **fields, person=f"Sdr. {self.person()}", phone=self.phone()
        )
        return f"{text}\n\n{r.choice(SIGNERS)}\n\n{self.person()}\nNIP {self.nip(at)}"

    def body(self, weights: list[int] | None = None) -> tuple[str, str, str]:
        """A government body: (name, fax, email)."""
        return self.rng.choices(BODIES, weights or BODY_WEIGHTS)[0]

    def sender(self) -> tuple[str, str]:
        """Who an incoming mail is from: (name, address); mostly a body, some a person."""
        r = self.rng
        if r.random() < 0.8:
            name, _, email = self.body()
            return name, email
        person = f"{r.choice(FIRST)} {r.choice(LAST)}"
        user = person.lower().replace(" ", r.choice((".", "_", "")))
        return person, f"{user}{r.choice(('', str(r.randint(1, 99))))}@{r.choice(FREE_MAIL)}"

    def spam(self) -> tuple[str, str, str]:
        """(subject, from address, text) of a mail that is no official letter."""
        subject, addr = self.rng.choice(SPAM)
        text = (
            "Yth. Pengguna,\n\nKlik tautan berikut untuk melanjutkan dalam 24 jam: "
            f"https://{addr.split('@')[1]}/{self.rng.randint(10**6, 10**7)}\n\nTerima kasih."
        )
        return subject, addr, text
