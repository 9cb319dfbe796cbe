"""The app's key map: every key a screen, dialog or widget binds has one meaning, said here
once in Indonesian. Screens build their bindings with `bind`, so a key cannot get a second
meaning; F1 (the help screen's "Tombol" section) and the README show this table.

A letter acts on the row selected in a list; a field takes letters as text, so forms use
Ctrl and F keys. Where two actions of a screen share a key (`c` sorts a mail for printing on
the Sortir tab and prints it on the later ones) they never apply to the same row."""

from __future__ import annotations

from textual.binding import Binding

# (section title, {key: meaning}); keys are Textual's names ("slash" is /)
SECTIONS: tuple[tuple[str, dict[str, str]], ...] = (
    (
        "Di setiap layar",
        {
            "f1": "Bantuan SOP",
            "ctrl+p": "perintah",
            "escape": "Kembali",
            "enter": "Buka",
            "tab": "Pindah",
            "f5": "Muat ulang",
            "ctrl+l": "Kunci",
            "ctrl+o": "Keluar",
            "ctrl+q": "Tutup aplikasi",
            **{str(n): "Pilih tab" for n in range(1, 10)},
        },
    ),
    (
        "Di daftar (pada baris yang dipilih)",
        {
            "a": "Agendakan",
            "b": "Jawab via email",
            "c": "Cetak",
            "d": "Sudah dicetak",
            "e": "Ekspedisi",
            "f": "Teruskan",
            "g": "Ganti sandi",
            "h": "Lap. harian",
            "i": "Sisihkan",
            "j": "Jurnal",
            "k": "Kirim",
            "K": "Kirim semua",
            "l": "Label",
            "m": "Menu",
            "n": "Baru",
            "o": "Aktif/nonaktif",
            "p": "Periode",
            "r": "Arsipkan",
            "s": "Serahkan",
            "t": "Terkirim",
            "u": "Buka kunci",
            "v": "Bandingkan versi",
            "w": "Tindak lanjut",
            "x": "Batalkan",
            "y": "Setujui",
            "slash": "Cari",
            "left_square_bracket": "Tahun",
            "right_square_bracket": "Tahun",
            "minus": "Tahun",
            "plus": "Tahun",
            "f6": "Masuk/keluar",
            "f7": "Saring",
            "delete": "Hapus",
            "backspace": "Hapus",
            "down": "Ke daftar",
        },
    ),
    (
        "Di isian dan dialog",
        {
            "ctrl+s": "Simpan",
            "ctrl+k": "Ajukan",
            "ctrl+r": "Kembalikan",
            "ctrl+t": "Naskah final",
            "ctrl+n": "Baru",
            "ctrl+f": "Cari",
            "f2": "Daftar draf",
            "f3": "Pratinjau",
            "f4": "Pilih kode",
            "f8": "Hapus lampiran",
        },
    ),
)
KEYS: dict[str, str] = {key: meaning for _title, keys in SECTIONS for key, meaning in keys.items()}


def meaning(keys: str) -> str:
    """The one meaning of `keys` ("delete,backspace"); KeyError for a key not in the map,
    ValueError for keys of different meanings bound together."""
    meanings = {KEYS[key.strip()] for key in keys.split(",")}
    if len(meanings) != 1:
        raise ValueError(f"{keys} bound together mean {sorted(meanings)}")
    return meanings.pop()


def bind(
    keys: str,
    action: str,
    *,
    show: bool = True,
    priority: bool = False,
    key_display: str | None = None,
) -> Binding:
    """A binding of `keys` to `action`, described by the key map."""
    return Binding(
        keys, action, meaning(keys), show=show, priority=priority, key_display=key_display
    )


NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "slash": "/",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "minus": "-",
    "plus": "+",
    "delete": "Del",
    "backspace": "Backspace",
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
}


def key_name(key: str) -> str:
    """How a key is written for people: Ctrl+S, F1, Esc, /."""
    if key in NAMES:
        return NAMES[key]
    if "+" not in key:
        return key.capitalize() if len(key) > 1 else key  # f1 → F1; a letter as typed
    return "+".join(part.capitalize() if len(part) > 1 else part.upper() for part in key.split("+"))


def table(keys: dict[str, str]) -> list[tuple[str, str]]:
    """(keys, meaning) rows of one section: the keys of one meaning on one row (1–9)."""
    rows: dict[str, list[str]] = {}
    for key, text in keys.items():
        rows.setdefault(text, []).append(key_name(key))
    return [
        (f"{names[0]}–{names[-1]}" if "".join(names).isdigit() else " ".join(names), text)
        for text, names in rows.items()
    ]


# Textual's own bindings (fields, lists, scrolling) in the keys panel; a description not
# here is left out of it
TEXTUAL = {
    "Focus Next": "Pindah",
    "Focus Previous": "Pindah mundur",
    "Copy selected text": "Salin",
    "Copy": "Salin",
    "Cut selected text": "Potong",
    "Cut": "Potong",
    "Paste text from the clipboard": "Tempel",
    "Paste": "Tempel",
    "Select all": "Pilih semua",
    "Move cursor left": "Kursor ke kiri",
    "Move cursor right or accept the completion suggestion": "Kursor ke kanan",
    "Move cursor left a word": "Satu kata ke kiri",
    "Move cursor right a word": "Satu kata ke kanan",
    "Go to start": "Ke awal",
    "Go to end": "Ke akhir",
    "Delete character left": "Hapus huruf di kiri",
    "Delete character right": "Hapus huruf di kanan",
    "Delete left to start of word": "Hapus kata di kiri",
    "Delete right to start of word": "Hapus kata di kanan",
    "Delete all to the left": "Hapus semua di kiri",
    "Delete all to the right": "Hapus semua di kanan",
    "Submit": "Lanjut",
    "Cursor up": "Naik",
    "Cursor down": "Turun",
    "Cursor left": "Kiri",
    "Cursor right": "Kanan",
    "Cursor line start": "Awal baris",
    "Cursor line end": "Akhir baris",
    "Cursor page up": "Halaman sebelumnya",
    "Cursor page down": "Halaman berikutnya",
    "Delete to line start": "Hapus sampai awal baris",
    "Delete to line end": "Hapus sampai akhir baris",
    "Delete line": "Hapus baris",
    "Undo": "Urungkan",
    "Redo": "Ulangi",
    "Up": "Naik",
    "Down": "Turun",
    "First": "Pertama",
    "Last": "Terakhir",
    "Home": "Pertama",
    "End": "Terakhir",
    "Top": "Paling atas",
    "Bottom": "Paling bawah",
    "Page Up": "Halaman sebelumnya",
    "Page Down": "Halaman berikutnya",
    "Page up": "Halaman sebelumnya",
    "Page down": "Halaman berikutnya",
    "Select": "Pilih",
    "Toggle": "Centang/lepas",
    "Toggle option": "Centang/lepas",
    "Show menu": "Buka pilihan",
    "Previous option": "Pilihan sebelumnya",
    "Next option": "Pilihan berikutnya",
    "Previous tab": "Tab sebelumnya",
    "Next tab": "Tab berikutnya",
    "Press button": "Tekan tombol",
    "Scroll Up": "Gulir ke atas",
    "Scroll Down": "Gulir ke bawah",
    "Scroll Home": "Ke awal",
    "Scroll End": "Ke akhir",
}
