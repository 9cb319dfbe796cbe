"""Demo documents filled with realistic Trenggalek data, and the `warkat print test` page."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from hw.printer import write_private
from print.agenda import agenda_pdf
from print.base import FONT_DIR, SANS, Document, format_datetime, paper_size
from print.compliance import compliance_pdf
from print.disposition import disposition_pdf
from print.email import email_pdf
from print.faxlog import faxlog_pdf
from print.journal import journal_pdf
from print.label import label_pdf
from print.receipt import receipt_pdf
from print.records import (
    AgendaBook,
    AgendaEntry,
    AgendaLabel,
    Attempt,
    BackStamp,
    ComplianceReport,
    ComplianceRow,
    DispositionChoices,
    DispositionSheet,
    EmailAttachment,
    EmailPrintout,
    FaxDailyReport,
    FaxLogEntry,
    Letterhead,
    ReceiptEntry,
    ReceiptSheet,
    Signatory,
    TransmissionReport,
)
from print.stamp import stamp_pdf

LETTERHEAD = Letterhead(
    government="Pemerintah Kabupaten Trenggalek",
    office="Dinas Komunikasi dan Informatika",
    address="Jalan Soekarno–Hatta Nomor 1, Trenggalek, Jawa Timur 66311",
    contact_lines=(
        "Telepon (0355) 791234 — Faksimile (0355) 791235",
        "Laman trenggalekkab.go.id — Pos-el kominfo@trenggalekkab.go.id",
    ),
    unit="Seksi Keamanan Informasi dan Persandian",
)
DAY = date(2026, 11, 25)
KADIN = Signatory(
    "Drs. Bambang Sutrisno, M.Si.",
    "19720314 199803 1 005",
    "Kepala Dinas Komunikasi dan Informatika",
    date=DAY,
    rank="Pembina Utama Muda (IV/c)",
)
KASI = Signatory(
    "Siti Nurhayati, S.Kom., M.M.",
    "19800512 200501 2 014",
    "Kepala Seksi Keamanan Informasi dan Persandian",
    date=DAY,
)
OPERATOR = Signatory("Rudi Hartono, A.Md.", "19900817 201503 1 003", "Operator Sandi")
DESTINATIONS = (
    ("Badan Kesatuan Bangsa dan Politik Provinsi Jawa Timur", "(031) 3520881"),
    ("Dinas Kominfo Provinsi Jawa Timur — Bidang Persandian", "(031) 8294608"),
    ("Sekretariat Daerah Kabupaten Tulungagung", "(0355) 321002"),
    ("Badan Siber dan Sandi Negara — Direktorat Keamanan Informasi", "(021) 7805814"),
)


def agenda_no(seq: int, code: str = "000.1.1") -> str:
    return f"{code}/{seq:03d}/406.020/2026"


def page_thumbnail() -> Image.Image:
    """A small drawing of a numbered message, standing in for a rendered fax page."""
    image = Image.new("L", (420, 594), 255)
    draw = ImageDraw.Draw(image)
    bold = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), 18)
    small = ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 9)
    draw.text((210, 40), "PEMERINTAH KABUPATEN TRENGGALEK", font=small, fill=0, anchor="mm")
    draw.text((210, 62), "DINAS KOMINFO", font=bold, fill=0, anchor="mm")
    draw.line((30, 84, 390, 84), fill=0, width=3)
    draw.text((210, 110), "NOTA DINAS", font=bold, fill=0, anchor="mm")
    for row in range(24):
        y = 150 + row * 16
        draw.line((40, y, 380 - (row % 5) * 30, y), fill=90, width=2)
    return image


def samples(choices: DispositionChoices) -> dict[str, bytes]:
    """Every document with demo data, keyed by a file stem; the lembar disposisi offers
    `choices` (the caller's, from the model)."""
    lh = LETTERHEAD
    sent = datetime(2026, 11, 25, 9, 14, 33)
    docs = {}
    docs["lembar-disposisi"] = disposition_pdf(
        DispositionSheet(
            sender="Badan Kesatuan Bangsa dan Politik Provinsi Jawa Timur",
            letter_number="400.10.2/4512/204.3/2026",
            letter_date=date(2026, 11, 20),
            received_date=date(2026, 11, 24),
            agenda_number=agenda_no(12, "005"),
            sifat=choices.sifat[1],
            derajat=choices.derajat[1],
            choices=choices,
            subject="Undangan Rapat Koordinasi Pengamanan Informasi menjelang Pilkada — "
            "“Sinergi Persandian Daerah” Tahun 2026",
            forward_to=("Kepala Seksi Keamanan Informasi dan Persandian", "Operator Sandi"),
            checked=choices.instructions[:2],
            note="Mohon konfirmasi kehadiran dikirim via faksimili paling lambat 26 November 2026; "
            "siapkan bahan paparan tata kelola persandian.",
            signatory=KADIN,
        ),
        lh,
    )
    entries = []
    for seq in range(1, 31):
        name, _ = DESTINATIONS[seq % len(DESTINATIONS)]
        entries.append(
            AgendaEntry(
                agenda_no(seq),
                date(2026, 11, 2) + timedelta(days=seq // 2),
                f"000.1.1/{200 + seq}/406.020/2026",
                name,
                "Penyampaian laporan pelaksanaan pengamanan persandian triwulan IV"
                if seq % 3
                else "Konfirmasi kehadiran rapat koordinasi keamanan informasi",
                ("Biasa", "Terbatas", "Rahasia")[seq % 3],
                "000.1.1",
                "Terkirim" if seq != 7 else "",
                void=seq == 7,
                void_reason="salah nomor, diganti 008" if seq == 7 else "",
            )
        )
    docs["buku-agenda-berita-keluar"] = agenda_pdf(
        AgendaBook("keluar", date(2026, 11, 1), date(2026, 11, 30), tuple(entries)), lh
    )
    incoming = [
        AgendaEntry(
            agenda_no(seq, "005"),
            date(2026, 11, 3 + seq),
            f"005/{88 + seq}/2026",
            DESTINATIONS[seq % 4][0],
            "Undangan rapat koordinasi",
            "Biasa",
            "005",
            "Email, dicetak",
            letter_date=date(2026, 11, 2 + seq),
            forward_to=("Bidang Aplikasi Informatika",),
        )
        for seq in range(1, 9)
    ]
    docs["buku-agenda-surat-masuk"] = agenda_pdf(
        AgendaBook("masuk", date(2026, 11, 1), date(2026, 11, 30), tuple(incoming)), lh
    )
    docs["label-agenda-surat-masuk"] = label_pdf(
        AgendaLabel(
            agenda_no(88),
            datetime(2026, 11, 25, 7, 42),
            "000.1.1",
            "Telekomunikasi",
            "005/412/101.1/2026",
            date(2026, 11, 24),
            "Biro Umum Setda Provinsi Jawa Timur",
            ("Seksi Keamanan Informasi dan Persandian",),
        ),
        lh,
    )
    docs["jurnal-pengiriman"] = journal_pdf(
        TransmissionReport(
            started=sent - timedelta(minutes=4),
            ended=sent + timedelta(seconds=131),
            local_id="+62 355 791235",
            dialled="0313520881",
            remote_csid="+62 31 3520881",
            duration_s=166,
            pages=3,
            pages_total=3,
            resolution="Halus",
            speed_bps=14400,
            result="Terkirim",
            ok=True,
            agenda_number=agenda_no(12),
            destination=DESTINATIONS[0][0],
            operator=OPERATOR.name,
            attempts=(
                Attempt(sent - timedelta(minutes=4), "Nomor sibuk", 35, 0, 3, hangup_code="01"),
                Attempt(sent, "OK", 131, 3, 3, "Halus", 14400, "+62 31 3520881", "00"),
            ),
            thumbnail=page_thumbnail(),
        ),
        lh,
    )
    log = []
    for n in range(7):
        name, number = DESTINATIONS[n % len(DESTINATIONS)]
        ok = bool(n % 4)
        log.append(
            FaxLogEntry(
                datetime(2026, 11, 25, 8, 5) + timedelta(minutes=37 * n),
                agenda_no(10 + n),
                name,
                number,
                1 + n % 4 if ok else 0,
                "Berhasil" if ok else "Gagal: tidak diangkat",
                OPERATOR.name,
                ok,
            )
        )
    docs["buku-laporan-harian-fax"] = faxlog_pdf(
        FaxDailyReport(DAY, tuple(log), OPERATOR, KASI), lh
    )
    docs["stempel-belakang-berita"] = stamp_pdf(
        BackStamp(
            sent, OPERATOR.name, "OK — terkirim 3 halaman", agenda_no(12), DESTINATIONS[0][0], 3
        ),
        lh,
    )
    docs["buku-ekspedisi"] = receipt_pdf(
        ReceiptSheet(
            tuple(
                ReceiptEntry(
                    n,
                    DAY,
                    f"005/{120 + n}/406.020/2026",
                    date(2026, 11, 24),
                    (
                        "Kepala Bagian Umum Setda",
                        "Sekretaris Dinas Kominfo",
                        "Kepala Bidang Aplikasi Informatika",
                    )[n % 3],
                    "Surat masuk via email — undangan rapat koordinasi",
                    "1 berkas",
                    "Agus Setiawan" if n % 2 else "",
                    datetime(2026, 11, 25, 10, 5 + n) if n % 2 else None,
                )
                for n in range(1, 8)
            )
        ),
        lh,
    )
    docs["cetakan-email-masuk"] = email_pdf(
        EmailPrintout(
            agenda_number=agenda_no(87, "005"),
            received_at=datetime(2026, 11, 25, 7, 42),
            sender="Biro Umum Setda Provinsi Jawa Timur <biroumum@jatimprov.go.id>",
            to=("kominfo@trenggalekkab.go.id",),
            cc=("persandian@trenggalekkab.go.id",),
            subject="Undangan Rapat Koordinasi – Keamanan Informasi “Persandian” 2026",
            sent_at=datetime(2026, 11, 24, 16, 3),
            body="Yth. Kepala Dinas Komunikasi dan Informatika Kabupaten Trenggalek,\n\n"
            "Dengan hormat, dalam rangka penguatan keamanan informasi di lingkungan "
            "pemerintah daerah, kami mengundang Bapak/Ibu untuk hadir pada rapat koordinasi "
            "yang akan dilaksanakan pada hari Kamis, 3 Desember 2026 pukul 09.00 WIB — "
            "bertempat di Ruang Rapat Biro Umum, Jalan Pahlawan 110, Surabaya.\n\n"
            "Surat undangan resmi dan daftar hadir terlampir. Atas perhatian dan "
            "kehadirannya, kami sampaikan terima kasih.\n\nHormat kami,\nBiro Umum Setda "
            "Provinsi Jawa Timur",
            attachments=(
                EmailAttachment("undangan_rakor_persandian.pdf", 254312, "application/pdf"),
                EmailAttachment(
                    "daftar-hadir.xlsx",
                    12001,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
            ),
        ),
        lh,
    )
    steps = (
        (
            "Pengiriman surat faksimile",
            ("Mengajukan permintaan pengiriman", 10),
            ("Disposisi Kasi Persandian", 10),
            ("Mengagendakan di buku agenda berita keluar", 10),
            ("Meneruskan kepada Operator Sandi", 5),
            ("Mengirim, mencetak jurnal, mencatat", 30),
            ("Meneruskan untuk diarsipkan", 5),
            ("Mengarsipkan", 10),
        ),
        (
            "Pengelolaan email masuk",
            ("Sortir dan klasifikasi", 5),
            ("Mencetak", 5),
            ("Mencatat di buku agenda surat masuk", 5),
            ("Memberi label/nomor", 5),
            ("Meneruskan ke bidang/seksi", 5),
        ),
        (
            "Pengelolaan email keluar",
            ("Membuat draft", 5),
            ("Persetujuan draft", 5),
            ("Mengetik surat", 5),
            ("Mengirim", 5),
            ("Mengarsipkan", 5),
        ),
    )
    rows = []
    for p, (procedure, *acts) in enumerate(steps):
        for n, (activity, standard) in enumerate(acts, start=1):
            median = standard * (0.5 + 0.13 * ((n + p) % 6))
            rows.append(
                ComplianceRow(
                    procedure,
                    n,
                    activity,
                    12 + 7 * n + p,
                    median,
                    median * 1.9,
                    standard,
                    min(100.0, 100.0 - 9.5 * ((n + p) % 6)),
                )
            )
    docs["laporan-mutu-baku"] = compliance_pdf(
        ComplianceReport(2026, 11, tuple(rows), KASI, "SOP/17/406.020/2019"), lh
    )
    docs["halaman-uji"] = test_page_pdf(lh)
    return docs


def write_samples(out_dir: Path | str, choices: DispositionChoices) -> list[Path]:
    """Write one PDF of every document into out_dir (owner only); returns the paths."""
    out = Path(out_dir)
    out.mkdir(mode=0o700, parents=True, exist_ok=True)
    paths = []
    for stem, data in samples(choices).items():
        path = out / f"{stem}.pdf"
        write_private(path, data)
        paths.append(path)
    return paths


def test_page_pdf(
    letterhead: Letterhead, paper: str = "A4", printed_at: datetime | None = None
) -> bytes:
    """`warkat print test`: kop, paper size, character set and a margin frame."""
    pdf = Document(letterhead, paper, title="Halaman Uji Cetak", running_title="Halaman Uji Cetak")
    pdf.kop()
    pdf.heading("HALAMAN UJI CETAK", "Warkat — sistem persandian dan komunikasi")
    width, height = paper_size(paper)
    pdf.label_rows(
        [
            ("Kertas", f"{paper.upper()} ({width:g} × {height:g} mm)"),
            ("Dicetak", format_datetime(printed_at or datetime.now())),
            ("Huruf", "DejaVu Sans (tertanam dalam PDF)"),
        ],
        label_w=30,
    )
    pdf.ln(4)
    pdf.multi_cell(
        pdf.epw,
        5.5,
        "Uji karakter: tanda pisah – dan — , kutip “ganda” ‘tunggal’, "
        "derajat 30°, ×, ±, €, Rp 1.250.000,00.\n"
        "Kalimat panjang untuk uji pemenggalan baris: Surat yang sudah disampaikan ke "
        "penerima surat agar dibuat tanda terima melalui buku ekspedisi.",
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    pdf.set_font("DejaVuMono", size=9)
    pdf.multi_cell(
        pdf.epw,
        4.5,
        "0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz",
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(SANS, size=9)
    pdf.set_draw_color(150)
    pdf.rect(pdf.l_margin, pdf.t_margin, pdf.epw, pdf.eph)
    pdf.set_draw_color(0)
    pdf.ln(3)
    pdf.multi_cell(
        pdf.epw,
        4.5,
        "Bingkai abu-abu menandai batas area cetak; bila terpotong, "
        "periksa ukuran kertas dan pengaturan skala printer (100%).",
        align="L",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return pdf.to_bytes()
