"""Procedure 3 step 2 (Kepala Bidang): read the unit's draft emails, see which version is up
for approval and what changed from the one before, approve or send back with revision notes."""

from __future__ import annotations

import difflib
import re

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header
from textual.widgets.option_list import Option

from model.email_out import flow as email_out
from model.email_out import records as email_out_records
from model.email_out.queue_rows import OutRow, out_rows
from model.email_out.records import DraftVersion
from model.org import User
from model.sop import EMAIL_OUT, number
from model.workflow.items import WorkItem
from tui.dialogs.reason import TextDialog
from tui.screens.email_in.mail_view import outgoing_text, step_line
from tui.screens.queue import QueueScreen
from tui.widgets.clock import clock_text
from tui.widgets.plain import OptionList, Static

DIFF_STYLES = (("+++", "bold"), ("---", "bold"), ("@@", "cyan"), ("+", "green"), ("-", "red"))
SHA256 = re.compile(r"\b([0-9a-f]{12})[0-9a-f]{52}\b")


def version_lines(v: DraftVersion) -> list[str]:
    return [
        f"Kepada: {v.to}",
        f"Tembusan: {v.cc}",
        f"Perihal: {v.subject}",
        *("Lampiran: " + SHA256.sub(r"sha256 \1…", line) for line in v.attachments.splitlines()),
        "",
        *v.body.splitlines(),
    ]


def diff_text(old: DraftVersion, new: DraftVersion) -> Text:
    """Unified diff of two versions (recipients, subject, attachments, body), + green, - red."""
    lines = list(
        difflib.unified_diff(
            version_lines(old),
            version_lines(new),
            f"versi {old.number}",
            f"versi {new.number}",
            lineterm="",
        )
    )
    if not lines:
        return Text(f"Tidak ada perbedaan antara versi {old.number} dan versi {new.number}.")
    text = Text()
    for line in lines:
        style = next((s for prefix, s in DIFF_STYLES if line.startswith(prefix)), "")
        text.append(line + "\n", style=style)
    return text


def default_pair(texts: list[DraftVersion], approved: set[int]) -> tuple[int, int]:
    """Indexes to compare first: the latest text against the last approved one before it,
    else the previous submission."""
    new = len(texts) - 1
    earlier = [i for i, v in enumerate(texts[:-1]) if v.number in approved]
    return (earlier[-1] if earlier else max(0, new - 1)), new


def version_label(v: DraftVersion, approved: set[int]) -> str:
    kind = (
        email_out_records.RESUBMITTED
        if v.remark.startswith(email_out_records.RESUBMITTED)
        else v.remark
    )
    mark = " ✓" if v.number in approved else ""
    return f"v{v.number} {v.at:%d-%m %H:%M} {kind}{mark}"


def up_for_approval(item_id: int) -> Text:
    """Which version the head approves, and what changed from the one it is compared with."""
    texts = email_out_records.texts(item_id)
    if not texts:
        return Text("Draft ini belum memiliki versi yang diajukan.")
    approved = email_out_records.approved_numbers(item_id)
    latest = texts[-1]
    text = Text(f"Versi yang diajukan: v{latest.number}", style="bold")
    if len(texts) > 1:
        old = texts[default_pair(texts, approved)[0]]
        what = ", ".join(email_out_records.changed(old, latest)) or "tidak ada perubahan"
        kind = "disetujui" if old.number in approved else "diajukan"
        text.append(f" · dibanding v{old.number} ({kind}): {what} · v membandingkan")
    return text


class VersionsScreen(Screen):
    """Choose two versions of a draft (left older, right newer) and read their diff."""

    CSS_PATH = "approval.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Kembali"),
        Binding("tab", "app.focus_next", "Pindah daftar", show=True),
    ]

    def __init__(self, item_id: int):
        super().__init__()
        self.item_id = item_id
        self.versions = email_out_records.texts(item_id)
        self.approved = email_out_records.approved_numbers(item_id)

    def compose(self) -> ComposeResult:
        yield Header()
        options = [Option(version_label(v, self.approved)) for v in self.versions]
        with Horizontal(id="pick"):
            yield OptionList(*options, id="old")
            yield OptionList(*[Option(o.prompt) for o in options], id="new")
        with VerticalScroll(id="diff-box"):
            yield Static("", id="diff")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Bandingkan versi draft #{self.item_id}"
        self.query_one("#old").border_title = "Versi lama"
        self.query_one("#new").border_title = "Versi baru"
        for side in ("#old", "#new"):
            self.query_one(side).border_subtitle = "✓ disetujui"
        if self.versions:
            old, new = default_pair(self.versions, self.approved)
            self.query_one("#old", OptionList).highlighted = old
            self.query_one("#new", OptionList).highlighted = new
        self.show_diff()
        self.query_one("#new").focus()

    def on_option_list_option_highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        self.show_diff()

    def show_diff(self) -> None:
        old = self.query_one("#old", OptionList).highlighted
        new = self.query_one("#new", OptionList).highlighted
        diff = self.query_one("#diff", Static)
        if old is None or new is None:
            diff.update("Draft ini belum memiliki versi yang diajukan.")
            return
        diff.update(diff_text(self.versions[old], self.versions[new]))


class ApprovalScreen(QueueScreen):
    """The head's queue: drafts of the unit at step 2, the highlighted one shown in full."""

    CSS_PATH = "approval.tcss"
    BINDINGS = [
        Binding("s", "approve", "Setujui"),
        Binding("r", "revise", "Kembalikan (revisi)"),
        Binding("v", "versions", "Bandingkan versi"),
        Binding("escape", "app.pop_screen", "Kembali"),
    ]
    ACTIONS = ("setujui",)
    COLUMNS = (("No", 4), ("Perihal", 34), ("Penyusun", 20), ("Waktu/baku", 10))
    SUB_TITLE, PANE = "Persetujuan email", "draft"
    HEADING = f"Draft email keluar menunggu persetujuan (langkah {number(EMAIL_OUT, 'setujui')})"
    ROW_ACTIONS = ("approve", "revise", "versions")

    def read(self, user: User) -> list[OutRow]:
        return out_rows(user, self.ACTIONS)

    def pane(self, row: OutRow) -> tuple:
        return (
            step_line(WorkItem.get_by_id(row.id)),
            up_for_approval(row.id),
            outgoing_text(row.id),
        )

    def cells(self, row: OutRow) -> tuple:
        return str(row.id), row.title, row.author, clock_text(row.clock)

    def compose_pane(self) -> ComposeResult:
        yield Static("", id="version")
        yield from super().compose_pane()

    def show(self, row: OutRow | None, pane: tuple | None) -> None:
        texts = pane or ("Tidak ada draft yang menunggu persetujuan Anda.", "", "")
        for widget, text in zip(("#where", "#version", "#draft"), texts, strict=True):
            self.query_one(widget, Static).update(text)

    def action_versions(self) -> None:
        row = self.selected()
        if row is not None:
            self.app.push_screen(VersionsScreen(row.id))

    def action_approve(self) -> None:
        row = self.selected()
        if row is not None:
            version = email_out_records.texts(row.id)[-1].number
            self.run(
                lambda: email_out.approve(self.app.session.user, row.id),
                f"Draft #{row.id} v{version} disetujui; staf mengetik naskah final.",
            )

    def action_revise(self) -> None:
        row = self.selected()
        if row is None:
            return
        user, item_id = self.app.session.user, row.id
        self.app.push_screen(
            TextDialog(
                f"Kembalikan draft #{item_id} untuk revisi",
                "Catatan revisi untuk penyusun (wajib; Ctrl+S mengirim):",
                lambda notes: email_out.request_revision(user, item_id, notes),
            ),
            self.reloaded(f"Draft #{item_id} dikembalikan ke penyusun untuk revisi."),
        )
