"""Record a send done on a standalone fax machine (SOP procedure 1, step 5, manual mode)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import RadioSet

from model.base import now
from model.errors import Invalid
from model.fax import jobs as fax_jobs
from model.fax.number import FaxNumber
from model.fax.records import FaxDestination, FaxJob
from tui.dialogs.base import FormDialog
from tui.widgets.daterange import DATETIME_FORMAT, parse_datetime
from tui.widgets.plain import Label, Static
from tui.widgets.toggles import RadioButton


class ManualSendDialog(FormDialog[FaxJob]):
    """Waktu kirim, ID penerima, halaman, hasil, catatan → model.fax.jobs.record_manual."""

    TITLE_TEXT = "Catat kiriman mesin faks manual"
    SAVE_BUTTON = "Simpan"

    def __init__(self, item_id: int, dest: FaxDestination, pages: int) -> None:
        super().__init__()
        self.item_id, self.dest, self.pages = item_id, dest, pages

    def compose_form(self) -> ComposeResult:
        number = FaxNumber(self.dest.number, self.dest.extension).display
        yield Static(f"Tujuan: {self.dest.name} ({number})", id="manual-dest")
        yield from self.field(
            "at", "Waktu kirim", now().strftime(DATETIME_FORMAT), "hh-bb-tttt jj:mm"
        )
        yield from self.field("remote", "Nomor/ID penerima", placeholder="mis. 0318294608")
        yield from self.field("pages", "Jumlah halaman", str(self.pages), type="integer")
        with Horizontal(classes="field"):
            yield Label("Hasil")
            with RadioSet(id="result", compact=True):
                yield RadioButton("Berhasil", value=True, id="ok")
                yield RadioButton("Gagal", id="failed")
        yield from self.field("note", "Catatan", placeholder="mis. kertas macet di hal. 2")

    def on_mount(self) -> None:
        self.query_one("#remote").focus()

    def save(self) -> FaxJob:
        try:
            at = parse_datetime(self.value("at"), "Waktu kirim")
            pages = int(self.value("pages") or 0)
        except ValueError as exc:
            raise Invalid(
                str(exc) if "tidak sah" in str(exc) else "Jumlah halaman harus angka."
            ) from exc
        ok = self.query_one("#ok", RadioButton).value
        job = fax_jobs.record_manual(
            self.app.session.user,
            self.item_id,
            self.dest.id,
            at=at,
            remote_id=self.value("remote").strip(),
            pages=pages,
            ok=ok,
            note=self.value("note").strip(),
        )
        self.app.notify(
            f"Kiriman manual ke {self.dest.name} dicatat ({'berhasil' if ok else 'gagal'})."
        )
        return job
