"""Indonesian texts for modem failures, dial result codes and T.30 hangup codes (T.32)."""

from __future__ import annotations

MESSAGES = {
    "sent": "Terkirim",
    "unavailable": "Modem tidak tersedia: {reason}",
    "in_use": "Modem sedang dipakai ({who}, pid {pid})",
    "in_use_unknown": "Modem sedang dipakai program lain (berkas kunci {path})",
    "timeout": "Modem tidak menjawab dalam batas waktu ({what})",
    "busy": "Saluran sibuk",
    "no_answer": "Tidak ada jawaban",
    "no_carrier": "Tidak ada nada pembawa (no carrier)",
    "no_dialtone": "Tidak ada nada pilih — periksa kabel telepon",
    "dial_error": "Modem menolak perintah panggil — periksa nomor tujuan",
    "not_fax": "Tujuan bukan mesin faks",
    "rtn": "Halaman ditolak penerima (RTN)",
    "dropped": "Sambungan terputus di tengah halaman",
    "page_cut": "Modem menghentikan halaman {page} sebelum datanya selesai terkirim "
    "(jawaban modem: {reply})",
    "unconfirmed_end": "Halaman terakhir tidak terkonfirmasi: modem tidak melaporkan akhir "
    "panggilan ({hangup})",
    "ended_early": "Penerima menutup sambungan sebelum semua halaman terkirim",
    "vanished_dial": "Modem terlepas saat memanggil nomor tujuan",
    "vanished_page": "Modem terlepas saat mengirim halaman {page}",
    "aborted": "Pengiriman dihentikan sebelum selesai",
    "write_stalled": "Modem berhenti menerima data halaman (kendali aliran macet)",
    "no_pages": "Tidak ada halaman untuk dikirim",
    "protocol": "Jawaban modem tidak sesuai protokol faks ({detail})",
    "train_failed": "Pelatihan modem gagal di semua kecepatan — saluran terlalu buruk untuk "
    "mengirim faks",
    "no_reply": "Mesin tujuan tidak menjawab {command} (tiga kali)",
    "bad_reply": "Jawaban tidak sah dari mesin tujuan atas {command} ({reply})",
    "remote_dcn": "Mesin tujuan memutus sambungan (DCN)",
    "no_common_speed": "Modem dan mesin tujuan tidak punya kecepatan faks yang sama",
}

UNAVAILABLE = {  # why a modem cannot be used at all; the device is named once
    "missing": "port {device} tidak ada (kabel USB tercabut?)",
    "permission": "tidak ada izin membuka port {device} (pengguna harus anggota grup dialout)",
    "busy": "port {device} sedang dipakai program lain",
    "io": "kesalahan I/O pada port {device} (modem terlepas?)",
    "open_failed": "port {device} tidak dapat dibuka sebagai port serial",
    "lock_dir": "kunci port {device} tidak dapat dibuat: folder {folder} tidak ada atau "
    "tidak dapat ditulisi",
    "no_response": "modem di {device} tidak menjawab perintah AT — periksa kabel dan port",
    "garbled": "jawaban modem di {device} tidak dapat dibaca — periksa kecepatan port dan kabel",
    "timeout": "modem di {device} tidak menjawab dalam batas waktu ({what})",
    "refused": "modem di {device} menolak perintah {command}",
    "no_fax_class": "modem di {device} tidak mendukung faks kelas {fax_class}",
}

DIAL_RESULTS = {  # result code -> (message id, retry kind)
    "BUSY": ("busy", "busy"),
    "NO ANSWER": ("no_answer", "no_answer"),
    "NO CARRIER": ("no_carrier", "failure"),
    "NO DIALTONE": ("no_dialtone", "failure"),
    "NO DIAL TONE": ("no_dialtone", "failure"),
    "ERROR": ("dial_error", "failure"),
    "CONNECT": ("not_fax", "failure"),
}

HANGUP_CODES = {  # Class 2 decimal numbering; Class 2.0 reports the same digits (A0.. = 100..)
    0: "Selesai normal",
    1: "Ada dering tetapi jabat tangan faks gagal",
    2: "Panggilan dibatalkan",
    3: "Tidak ada arus saluran telepon",
    4: "Tidak ada jawaban (nada panggil tanpa diangkat)",
    5: "Tujuan bukan mesin faks (dijawab tanpa nada faks)",
    10: "Kesalahan fase A (pembukaan panggilan)",
    11: "Tidak ada jawaban dari mesin faks (batas waktu T1)",
    20: "Kesalahan fase B (negosiasi) saat mengirim",
    21: "Mesin tujuan tidak dapat menerima faks",
    22: "Kesalahan perintah dari mesin tujuan (fase B)",
    23: "Perintah tidak sah dari mesin tujuan (fase B)",
    24: "Kesalahan jawaban dari mesin tujuan (fase B)",
    25: "DCS dikirim tiga kali tanpa jawaban",
    26: "Mesin tujuan tidak mengenali parameter (DIS/DCS)",
    27: "Gagal pelatihan saluran pada 2400 bit/s — saluran terlalu buruk",
    28: "Jawaban tidak sah dari mesin tujuan (fase B)",
    40: "Sambungan terputus di tengah halaman",
    43: "Data halaman terlambat sampai ke modem",
    50: "Kesalahan fase D (konfirmasi halaman) saat mengirim",
    51: "Kesalahan jawaban konfirmasi halaman",
    52: "Tidak ada jawaban atas MPS (tiga kali)",
    53: "Jawaban tidak sah atas MPS",
    54: "Tidak ada jawaban atas EOP (tiga kali)",
    55: "Jawaban tidak sah atas EOP",
    56: "Tidak ada jawaban atas EOM (tiga kali)",
    57: "Jawaban tidak sah atas EOM",
    58: "Tidak dapat melanjutkan setelah PIN/PIP",
    70: "Kesalahan fase B saat menerima",
    71: "Kesalahan jawaban saat menerima (fase B)",
    72: "Kesalahan perintah saat menerima (fase B)",
    73: "Halaman yang ditunggu tidak datang (batas waktu T2)",
    74: "Batas waktu T1 setelah EOM",
    90: "Kesalahan fase C saat menerima",
    91: "Tidak ada EOL selama 5 detik",
    92: "CRC atau bingkai rusak (ECM)",
    93: "Luapan penyangga modem",
    100: "Kesalahan fase D saat menerima",
    101: "Jawaban tidak sah saat menerima (fase D)",
    102: "Perintah tidak sah saat menerima (fase D)",
    103: "Tidak dapat melanjutkan setelah PIN/PIP",
}


def hangup_number(code: str) -> int:
    """'+FHS:' / '+FHNG:' value -> number in the table above ('A1' -> 101)."""
    code = code.strip().strip('"').upper()
    if code[:1] == "A" and code[1:].isdigit():
        return 100 + int(code[1:])
    return int(code) if code.isdigit() else -1


def hangup_message(code: str) -> str:
    """Indonesian text for a hangup code, falling back to the phase it belongs to."""
    number = hangup_number(code)
    if number in HANGUP_CODES:
        return HANGUP_CODES[number]
    return HANGUP_CODES.get(number - number % 10, f"Sambungan diputus (kode {code})")


def hangup_retry_kind(code: str) -> str | None:
    """Which retry rule a hangup code falls under; None for a normal end."""
    number = hangup_number(code)
    if number == 0:
        return None
    if number in (1, 3, 4, 11):
        return "no_answer"
    return "failure"
