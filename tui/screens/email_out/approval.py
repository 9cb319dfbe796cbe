"""Procedure 3 step 2 (Kepala Bidang): read the unit's draft emails, see which version is up
for approval and what changed from the one before, approve or send back with revision notes."""

from __future__ import annotations

import re

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets.option_list import Option

from model.email_out import flow as email_out
from model.email_out import records as email_out_records
from model.email_out.compare import ADDED, REMOVED, SAME, compare
from model.email_out.queue_rows import OutRow, out_rows
from model.email_out.records import DraftVersion
from model.org import User
from model.sop import EMAIL_OUT, number
from model.workflow.items import WorkItem
from tui.dialogs.reason import TextDialog
from tui.keys import bind
from tui.screens.email_in.mail_view import outgoing_text, step_line
from tui.screens.help import HelpScreen, item_help
from tui.screens.queue import QueueScreen
from tui.widgets.clock import CLOCK, clock_text
from tui.widgets.header import Header
from tui.widgets.plain import OptionList, Static
from tui.widgets.table import Column
from tui.widgets.tone import tone

SHA256 = re.compile(r"\b([0-9a-f]{12})[0-9a-f]{52}\b")
# how a compared sentence is marked, readable without colour: marker, theme colour, style
MARKS = {SAME: ("  ", "", ""), REMOVED: ("- ", "error", ""), ADDED: ("+ ", "success", "bold")}


def short_hashes(line: str) -> str:
    """An attachment line with its SHA-256 cut to 12 digits."""
    return SHA256.sub(r"sha256 \1…", line)


def diff_view(old: DraftVersion, new: DraftVersion) -> RenderableType:
    """The changed fields of two versions, sentence by sentence: unchanged plain, removed
    marked `- ` in the error colour, added `+ ` in bold in the success colour; a sentence
    that wraps stays indented under its marker."""
    changes = compare(old, new)
    if not changes:
        return Text(f"Tidak ada perbedaan antara versi {old.number} dan versi {new.number}.")
    parts: list[RenderableType] = [
        Text.assemble(
            (f"Dari v{old.number} ke v{new.number}: ", "bold"),
            ("- dihapus", tone(*MARKS[REMOVED][1:])),
            "  ",
            ("+ ditambahkan", tone(*MARKS[ADDED][1:])),
        )
    ]
    for change in changes:
        parts.append(Text(f"\n{change.label.capitalize()}", style="bold underline"))
        if change.spacing_only:
            parts.append(Text("(hanya spasi atau baris baru yang berubah)", style="italic"))
        sentences = Table.grid(expand=True)
        sentences.add_column(width=len(MARKS[SAME][0]), no_wrap=True)
        sentences.add_column(ratio=1)
        for piece in change.pieces:
            mark, colour, extra = MARKS[piece.kind]
            style = tone(colour, extra) if colour else ""
            sentences.add_row(Text(mark, style), Text(short_hashes(piece.text), style))
        parts.append(sentences)
    return Group(*parts)


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
    """Choose two versions of a draft (left older, right newer) and read what changed."""

    CSS_PATH = "approval.tcss"
    BINDINGS = [bind("escape", "app.pop_screen"), bind("tab", "app.focus_next")]

    def __init__(self, item_id: int):
        super().__init__()
        self.item_id = item_id
        self.versions = email_out_records.texts(item_id)
        self.approved = email_out_records.approved_numbers(item_id)

    def sop_help(self) -> HelpScreen:
        """F1: the SOP at this item's step."""
        return item_help(self.item_id)

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
        for side in ("#old", "#new"):  # the legend of the mark, where a version has it
            self.query_one(side).border_subtitle = "✓ = disetujui" if self.approved else ""
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
        diff.update(diff_view(self.versions[old], self.versions[new]))


class ApprovalScreen(QueueScreen):
    """The head's queue: drafts of the unit at step 2, the highlighted one shown in full."""

    CSS_PATH = "approval.tcss"
    BINDINGS = [
        bind("y", "approve"),
        bind("ctrl+r", "revise"),
        bind("v", "versions"),
        bind("escape", "app.pop_screen"),
    ]
    ACTIONS = ("setujui",)
    COLUMNS = (
        Column("No", whole=True),
        Column("Perihal", 20, grow=True),
        Column("Penyusun", 16, drop=1),
        CLOCK,
    )
    SUB_TITLE, PANE = "Persetujuan email", "draft"
    HEADING = f"Draft email keluar menunggu persetujuan (langkah {number(EMAIL_OUT, 'setujui')})"
    ROW_ACTIONS = ("approve", "revise", "versions")

    def read(self, user: User, limit: int) -> list[OutRow]:
        return out_rows(user, self.ACTIONS, limit)

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
