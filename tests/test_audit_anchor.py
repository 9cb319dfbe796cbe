"""Audit anchors: the chain's head on paper and by email, and what verifying against them finds
(edits, deletions, truncation, a chain recomputed after the anchor)."""

import email
import io
import sqlite3
import subprocess
import sys
from datetime import date
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from model import audit
from model.audit import GENESIS, AuditAnchor, AuditEntry, _digest
from model.db import write
from model.errors import Invalid, WarkatError
from tests.config_helpers import configure
from tests.mail_helpers import use_smtp
from tests.smtpsink import smtp_sink_fixture  # noqa: F401  (fixture smtp_sink)
from tui import printing
from tui.audit_cli import audit_command


def entries(n: int) -> None:
    with write():
        for i in range(n):
            audit.record("kasi", "uji", f"item#{i}", n=i)


def rewrite_chain(changed_id: int, **fields) -> None:
    """An attacker with write access edits one entry and recomputes every hash after it."""
    prev = GENESIS
    for entry in AuditEntry.select().order_by(AuditEntry.id):
        if entry.id == changed_id:
            for name, value in fields.items():
                setattr(entry, name, value)
        entry.prev_hash = prev
        entry.hash = _digest(prev, entry.at, entry.actor, entry.action, entry.subject, entry.detail)
        entry.save()
        prev = entry.hash


def text_of(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_head_is_written_n_colon_hash_and_parses_back(home):
    assert audit.head() is None and audit.take_anchor("cetak: kosong") is None
    entries(3)
    head = audit.head()
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert str(head) == f"{last.id}:{last.hash}" and len(head.hash) == 64
    assert audit.parse_anchor(f"#{head}") == head == audit.parse_anchor(str(head).upper())
    with pytest.raises(Invalid, match="tidak sah: tulis N:HASH"):
        audit.parse_anchor(f"{last.id}:{last.hash[:16]}")


def test_an_intact_chain_extends_every_anchor(home):
    entries(3)
    first = audit.take_anchor("cetak: Laporan harian fax 2026-11-25")
    entries(2)
    verdict = audit.check(first)
    assert verdict.ok and verdict.count == 5 and verdict.anchors == 1
    assert verdict.head.entry_id == first.entry_id + 2


def test_recomputing_the_chain_after_an_edit_before_the_anchor_is_caught(home):
    entries(5)
    anchor = audit.take_anchor("email: kasi@kantor.go.id")
    rewrite_chain(2, detail='{"n": 99}')
    assert audit.verify() == (5, None)  # the chain alone looks whole
    verdict = audit.check()
    assert not verdict.ok
    [problem] = verdict.problems
    assert problem.startswith(
        f"jangkar #{anchor.entry_id}:{anchor.hash[:16]}… (email: kasi@kantor.go.id, "
    )
    assert problem.endswith("hash entrinya berbeda (diubah atau rantai dihitung ulang)")
    assert not audit.check(anchor).ok


def test_an_edit_after_the_anchor_breaks_the_chain_walk(home):
    entries(3)
    anchor = audit.take_anchor("cli")
    entries(2)
    AuditEntry.update(actor="penyusup").where(AuditEntry.id == anchor.entry_id + 1).execute()
    verdict = audit.check(anchor)
    assert verdict.broken.id == anchor.entry_id + 1 and not verdict.problems


def test_truncation_below_a_kept_anchor_is_caught(home):
    entries(3)
    early = audit.take_anchor("cetak: Laporan harian fax 2026-11-24")
    entries(3)
    late = audit.take_anchor("cetak: Laporan harian fax 2026-11-25")
    AuditEntry.delete().where(AuditEntry.id > early.entry_id).execute()
    assert audit.verify() == (3, None)
    verdict = audit.check(early)
    assert [p.split(" (")[0] for p in verdict.problems] == [
        f"jangkar #{late.entry_id}:{late.hash[:16]}…"
    ]
    assert "tidak ada lagi (dihapus atau jejak dipotong)" in verdict.problems[0]
    with write():  # new entries take the deleted numbers: their hashes differ
        for _ in range(3):
            audit.record("admin", "lain")
    assert "hash entrinya berbeda" in audit.check().problems[0]


def test_deleting_every_entry_is_caught_by_a_paper_anchor(home):
    entries(2)
    anchor = audit.head()
    AuditEntry.delete().execute()
    AuditAnchor.delete().execute()  # the kept anchors too: only the paper copy is left
    assert audit.verify() == (0, None) and audit.check().ok
    [problem] = audit.check(anchor).problems
    assert "(diberikan): entrinya tidak ada lagi" in problem


def test_the_daily_fax_report_and_compliance_report_print_the_anchor(office):
    head = audit.head()
    pdf, title = printing.daily_fax_report(date(2026, 11, 25))
    text = text_of(pdf)
    assert "Jangkar jejak audit" in text and str(head) in text.replace("\n", "")
    pdf, _ = printing.compliance_report(2026, 11)
    assert str(audit.head()) in text_of(pdf).replace("\n", "")
    kept = [(a.entry_id, a.hash, a.source) for a in AuditAnchor.select().order_by(AuditAnchor.id)]
    assert kept == [
        (head.entry_id, head.hash, f"cetak: {title}"),
        (head.entry_id, head.hash, "cetak: Kepatuhan mutu baku 2026-11"),
    ]


def test_audit_anchor_prints_and_keeps_the_head(office, capsys):
    assert audit_command(office, SimpleNamespace(action="anchor", email=False)) == 0
    head = audit.head()
    assert capsys.readouterr().out == f"Kepala jejak audit: {head}\n"
    assert AuditAnchor.get().source == "cli"


def test_audit_anchor_email_goes_to_the_kasi_through_the_outbox(office, capsys):
    office = configure(office, office={"kasi_email": "kasi.persandian@trenggalekkab.go.id"})
    assert audit_command(office, SimpleNamespace(action="anchor", email=True)) == 0
    head = audit.head()
    [eml] = (office.home / "outbox").glob("*.eml")
    msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert msg["To"] == "kasi.persandian@trenggalekkab.go.id"
    assert msg["From"] == office.office.email
    assert f"Jangkar jejak audit Warkat #{head.entry_id}" in msg["Subject"]
    assert f"warkat audit verify --anchor {head}" in msg.get_content()
    assert AuditAnchor.get().source == "email: kasi.persandian@trenggalekkab.go.id"
    assert "dikirim ke kasi.persandian@trenggalekkab.go.id" in capsys.readouterr().out


def test_audit_anchor_email_over_smtp_and_without_an_address(office, smtp_sink):
    from model.org import Unit

    with pytest.raises(WarkatError, match="Alamat email Kasi Persandian belum ada"):
        audit_command(office, SimpleNamespace(action="anchor", email=True))
    Unit.update(email="kip@trenggalekkab.go.id").where(Unit.code == "KIP").execute()
    office = use_smtp(office, smtp_sink.host, smtp_sink.port)
    assert audit_command(office, SimpleNamespace(action="anchor", email=True)) == 0
    [received] = smtp_sink.messages
    assert received.rcpt_tos == ["kip@trenggalekkab.go.id"]
    assert str(audit.head()).encode() in received.data
    office = use_smtp(office, smtp_sink.host, 1)  # nothing listens: one sentence, no anchor
    with pytest.raises(WarkatError, match="Email tidak terkirim"):
        audit_command(office, SimpleNamespace(action="anchor", email=True))
    assert AuditAnchor.select().count() == 1


def warkat(home, *args):
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_command_line_verifies_against_a_written_anchor(tmp_path):
    home = tmp_path / "kantor"
    assert warkat(home, "init", "--demo").returncode == 0
    shown = warkat(home, "audit", "anchor")
    assert shown.returncode == 0, shown.stderr
    anchor = shown.stdout.split(": ")[1].strip()
    ok = warkat(home, "audit", "verify", "--anchor", anchor)
    assert ok.returncode == 0, ok.stderr
    assert f"Jangkar #{anchor.split(':')[0]} cocok" in ok.stdout and "1 jangkar cocok" in ok.stdout
    n = int(anchor.split(":")[0])
    con = sqlite3.connect(home / "warkat.db")
    con.execute("UPDATE audit_entry SET actor = 'penyusup' WHERE id = ?", (n - 1,))
    con.commit()
    rows = con.execute(
        "SELECT id, at, actor, action, subject, detail FROM audit_entry ORDER BY id"
    ).fetchall()
    prev = GENESIS
    for entry_id, at, actor, action, subject, detail in rows:  # recompute every hash
        digest = _digest(prev, at, actor, action, subject, detail)
        con.execute(
            "UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, entry_id)
        )
        prev = digest
    con.commit()
    con.close()
    bad = warkat(home, "audit", "verify")
    assert bad.returncode == 1
    assert f"Jejak audit RUSAK: jangkar #{n}:" in bad.stdout and "(cli, " in bad.stdout
    given = warkat(home, "audit", "verify", "--anchor", anchor)
    assert given.returncode == 1 and "(diberikan): hash entrinya berbeda" in given.stdout
    typo = warkat(home, "audit", "verify", "--anchor", "12:abc")
    assert typo.returncode == 1 and "tidak sah" in typo.stderr
