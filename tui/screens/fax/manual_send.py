"""Record a send done on a standalone fax machine (SOP procedure 1, step 5, manual mode)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, RadioButton, RadioSet

from model.base import now
from model.fax import jobs as fax_jobs
from model.fax.number import FaxNumber
from model.fax.records import FaxDestination
from tui.widgets.daterange import DATETIME_FORMAT, parse_datetime
from tui.widgets.message import PROBLEMS, note
from tui.widgets.plain import Label, Static


class ManualSendScreen(ModalScreen):
    """Waktu kirim, ID penerima, halaman, hasil, catatan → model.fax_jobs.record_manual."""

    CSS_PATH = "transmit.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Batal"),
                Binding("ctrl+s", "save", "Simpan")]

    def __init__(self, item_id: int, dest: FaxDestination, pages: int) -> None:
        super().__init__()
        self.item_id, self.dest, self.pages = item_id, dest, pages

    def compose(self) -> ComposeResult:
        number = FaxNumber(self.dest.number, self.dest.extension).display
        with Vertical(classes="dialog", id="manual-box"):
            yield Static("Catat kiriman mesin faks manual", classes="dialog-title")
            yield Static(f"Tujuan: {self.dest.name} ({number})", id="manual-dest")
            with Horizontal(classes="field"):
                yield Label("Waktu kirim")
                yield Input(now().strftime(DATETIME_FORMAT), id="at", compact=True,
                            placeholder="hh-bb-tttt jj:mm")
            with Horizontal(classes="field"):
                yield Label("Nomor/ID penerima")
                yield Input(id="remote", compact=True, placeholder="mis. 0318294608")
            with Horizontal(classes="field"):
                yield Label("Jumlah halaman")
                yield Input(str(self.pages), id="pages", type="integer", compact=True)
            with Horizontal(classes="field"):
                yield Label("Hasil")
                with RadioSet(id="result", compact=True):
                    yield RadioButton("Berhasil", value=True, id="ok")
                    yield RadioButton("Gagal", id="failed")
            with Horizontal(classes="field"):
                yield Label("Catatan")
                yield Input(id="note", compact=True, placeholder="mis. kertas macet di hal. 2")
            yield Static("", id="message")
            with Horizontal(id="manual-buttons"):
                yield Button("Simpan", id="save", variant="primary", compact=True)
                yield Button("Batal", id="cancel", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#remote", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "note":
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        value = {i: self.query_one(f"#{i}", Input).value for i in ("at", "remote", "pages", "note")}
        try:
            at = parse_datetime(value["at"], "Waktu kirim")
            pages = int(value["pages"] or 0)
        except ValueError as exc:
            text = str(exc) if "tidak sah" in str(exc) else "Jumlah halaman harus angka."
            note(self, text)
            return
        ok = self.query_one("#ok", RadioButton).value
        try:
            job = fax_jobs.record_manual(self.app.session.user, self.item_id, self.dest.id,
                                         at=at, remote_id=value["remote"].strip(), pages=pages,
                                         ok=ok, note=value["note"].strip())
        except PROBLEMS as exc:
            note(self, str(exc))
            return
        hasil = "berhasil" if ok else "gagal"
        self.app.notify(f"Kiriman manual ke {self.dest.name} dicatat ({hasil}).")
        self.dismiss(job)
