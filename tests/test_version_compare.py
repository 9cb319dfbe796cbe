"""The Kepala Bidang's version comparison: sentence by sentence, the changed sentence marked
both ways (removed `- `, added `+ `) and the unchanged ones plain, readable at 80x24."""

from types import SimpleNamespace

from textual.geometry import Region

from model.email_out import flow as email_out
from model.email_out.compare import ADDED, REMOVED, SAME, Piece, compare, sentences
from tests.conftest import user
from tests.mail_helpers import outgoing_at
from tests.tui_helpers import SIZE, drawn, make_app, settle, start
from tui.screens.email_out.approval import ApprovalScreen, VersionsScreen

FIRST = "Dengan hormat,\nBersama ini kami sampaikan data. Tabel terlampir. Terima kasih."
SECOND = "Dengan hormat,\nBersama ini kami sampaikan data. Tabel ada di lampiran 2. Terima kasih."


def style_of(app, text: str):
    """The style the version comparison draws `text` in."""
    widget = app.screen.query_one("#diff")
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return next(seg.style for strip in strips for seg in strip if text in seg.text)


def version(body: str, **fields):
    values = dict(to="bps@bps.go.id", cc="", subject="Jawaban data", attachments="")
    return SimpleNamespace(body=body, **(values | fields))


def test_sentences_split_at_full_stops_but_not_after_titles():
    assert sentences("Yth. Ir. Hendra, M.T.\n\nKami hadir. Benarkah? Ya!") == [
        "Yth. Ir. Hendra, M.T.",
        "Kami hadir.",
        "Benarkah?",
        "Ya!",
    ]


def test_only_the_changed_sentence_is_marked():
    [change] = compare(version(FIRST), version(SECOND))
    assert change.label == "isi"
    assert change.pieces == (
        Piece(SAME, "Dengan hormat,"),
        Piece(SAME, "Bersama ini kami sampaikan data."),
        Piece(REMOVED, "Tabel terlampir."),
        Piece(ADDED, "Tabel ada di lampiran 2."),
        Piece(SAME, "Terima kasih."),
    )


def test_every_changed_field_is_compared_and_same_text_is_no_change():
    assert compare(version(FIRST), version(FIRST)) == []
    changes = compare(version(FIRST), version(FIRST, to="bps@bps.go.id, kepala@bps.go.id"))
    assert [(c.label, c.pieces) for c in changes] == [
        (
            "kepada",
            (Piece(REMOVED, "bps@bps.go.id"), Piece(ADDED, "bps@bps.go.id, kepala@bps.go.id")),
        )
    ]
    [spacing] = compare(version(FIRST), version(FIRST.replace(",\n", ",\n\n")))
    assert spacing.spacing_only


async def test_the_kepala_bidang_sees_the_changed_sentence_both_ways(office):
    item_id = outgoing_at(1)
    email_out.save_draft(
        user("staf"), to="bps@bps.go.id", cc="", subject="Jawaban data", body=FIRST, item_id=item_id
    )
    email_out.submit(user("staf"), item_id)
    email_out.request_revision(user("kabid"), item_id, "Sebutkan lampirannya")
    email_out.save_draft(
        user("staf"),
        to="bps@bps.go.id",
        cc="",
        subject="Jawaban data",
        body=SECOND,
        item_id=item_id,
    )
    email_out.submit(user("staf"), item_id)
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kabid", ApprovalScreen(item_id=item_id))
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, VersionsScreen)
        lines = drawn(app, "#diff")
        assert lines[0] == "Dari v1 ke v2: - dihapus  + ditambahkan"
        assert lines[2:8] == [
            "Isi",
            "  Dengan hormat,",
            "  Bersama ini kami sampaikan data.",
            "- Tabel terlampir.",
            "+ Tabel ada di lampiran 2.",
            "  Terima kasih.",
        ]
        assert "@@" not in " ".join(lines) and "+++" not in " ".join(lines)
        removed, added, same = (
            style_of(app, text) for text in ("Tabel terlampir.", "Tabel ada", "Terima kasih.")
        )
        assert removed.color != added.color and added.bold and not removed.bold
        assert same.color != removed.color and same.color != added.color


async def test_a_long_changed_sentence_wraps_under_its_marker(office):
    item_id = outgoing_at(1)
    long = "Bersama ini kami sampaikan data statistik sektoral tahun 2026 " * 3
    for body in (FIRST, FIRST.replace("Tabel terlampir.", long.strip() + ".")):
        email_out.save_draft(
            user("staf"), to="bps@bps.go.id", cc="", subject="Jawaban", body=body, item_id=item_id
        )
        email_out.submit(user("staf"), item_id)
        if body == FIRST:
            email_out.request_revision(user("kabid"), item_id, "Perjelas")
    app = make_app(office)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, "kabid", VersionsScreen(item_id))
        lines = drawn(app, "#diff")
        added = next(i for i, line in enumerate(lines) if line.startswith("+ Bersama ini"))
        assert lines[added + 1].startswith("  ") and lines[added + 1].strip()
        assert all(len(line) <= 78 for line in lines)
