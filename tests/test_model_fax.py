"""Procedure 1 in the model: every transition, its refusals and its races."""

import threading
from datetime import timedelta

import pytest

from model import base
from model.books import ekspedisi
from model.books.agenda import OUTGOING, AgendaEntry, agenda_number
from model.errors import Conflict, Invalid, NotAllowed
from model.fax import flow as fax_flow
from model.fax import jobs as fax_jobs
from model.fax import spool as fax_spool
from model.fax.records import Disposition, FaxDestination, FaxJob, FaxLogEntry, request_of
from model.workflow.items import StepLog, WorkItem
from tests.conftest import user
from tests.fax_helpers import at_step, draft


def test_draft_is_saved_and_editable_until_submitted(staff):
    item = fax_flow.save_draft(user("pemakai"), draft(isi_berita=""))
    assert item.step == 1
    fax_flow.save_draft(user("pemakai"), draft(perihal="Ubah"), item.id)
    assert WorkItem.get_by_id(item.id).title == "Ubah"
    with pytest.raises(Invalid, match="Isi berita kosong"):
        fax_flow.submit(
            user("pemakai"), fax_flow.save_draft(user("pemakai"), draft(isi_berita=" ")).id
        )
    fax_flow.submit(user("pemakai"), item.id)
    with pytest.raises(Conflict):
        fax_flow.save_draft(user("pemakai"), draft(), item.id)


@pytest.mark.parametrize(
    "change,reason",
    [
        (dict(destinations=[("Jatim", "0812-1111-2222")]), "seluler"),
        (dict(destinations=[("", "031-8294608")]), "Nama tujuan"),
        (dict(perihal=" "), "Perihal wajib"),
        (dict(klasifikasi="999.99"), "tidak ada dalam daftar"),
    ],
)
def test_bad_input_saves_nothing(staff, change, reason):
    before = WorkItem.select().count()
    with pytest.raises(Invalid, match=reason):
        fax_flow.save_draft(user("pemakai"), draft(**change))
    assert WorkItem.select().count() == before


def test_submit_needs_a_destination_and_the_nota_dinas(staff):
    item = fax_flow.save_draft(user("pemakai"), draft(destinations=[]))
    with pytest.raises(Invalid, match="minimal satu tujuan"):
        fax_flow.submit(user("pemakai"), item.id)
    item = fax_flow.save_draft(user("pemakai"), draft(nota_number=""))
    with pytest.raises(Invalid, match="nota dinas"):
        fax_flow.submit(user("pemakai"), item.id)


def test_double_submit_is_refused_clearly(staff):
    item_id = at_step(1)
    fax_flow.submit(user("pemakai"), item_id)
    with pytest.raises(Conflict, match="sudah diproses"):
        fax_flow.submit(user("pemakai"), item_id)


def test_attachments_are_checked(tmp_path):
    (tmp_path / "a.txt").write_text("Isi lampiran")
    (tmp_path / "b.docx").write_bytes(b"PK")
    (tmp_path / "c.pdf").write_bytes(b"bukan pdf")
    (tmp_path / "d.txt").write_bytes(b"\xff\xfe\x00binary")
    (tmp_path / "big.pdf").write_bytes(b"%PDF" + b"0" * (6 * 1024 * 1024))
    assert fax_flow.read_attachment(str(tmp_path / "a.txt")) == ("a.txt", b"Isi lampiran")
    for name, reason in [
        ("b.docx", "hanya teks"),
        ("c.pdf", "bukan berkas PDF"),
        ("d.txt", "bukan teks"),
        ("big.pdf", "terlalu besar"),
        ("nope.txt", "tidak ditemukan"),
    ]:
        with pytest.raises(Invalid, match=reason):
            fax_flow.read_attachment(str(tmp_path / name))


def test_kasi_returns_with_reason_and_history_is_kept(staff):
    item_id = at_step(2)
    with pytest.raises(Invalid, match="alasan"):
        fax_flow.return_to_requester(user("kasi"), item_id, "")
    fax_flow.return_to_requester(user("kasi"), item_id, "Lengkapi nomor nota dinas")
    fax_flow.save_draft(user("pemakai"), draft(perihal="Diperbaiki"), item_id)
    fax_flow.submit(user("pemakai"), item_id)
    actions = [
        (s.action, s.note)
        for s in StepLog.select().where(StepLog.item == item_id).order_by(StepLog.id)
    ]
    assert actions == [
        ("buat", ""),
        ("ajukan", ""),
        ("kembalikan", "Lengkapi nomor nota dinas"),
        ("ajukan", ""),
    ]


def test_disposition_is_recorded_with_standard_instructions(staff):
    item_id = at_step(2)
    with pytest.raises(Invalid, match="instruksi"):
        fax_flow.dispose(user("kasi"), item_id, ["Bebas"])
    with pytest.raises(NotAllowed):
        fax_flow.dispose(user("admin"), item_id, ["Arsip"])
    fax_flow.dispose(user("kasi"), item_id, ["Segera", "Arsip"], note="Hari ini")
    row = Disposition.get(Disposition.item == item_id)
    assert row.instructions.splitlines() == ["Segera", "Arsip"]
    assert row.to_position.name == "Pengadministrasi Umum"


def test_register_numbers_the_message_in_the_outgoing_book(staff):
    item_id = at_step(3)
    entry = fax_flow.register(
        user("admin"), item_id, "{klasifikasi}/{urut:03d}/{unit}/{tahun}", "406.020"
    )
    assert entry.number == "000.1.1/001/406.020/2026"
    assert entry.book == OUTGOING and entry.party == "Diskominfo Jatim"
    assert agenda_number(WorkItem.get_by_id(item_id)) == entry.number
    with pytest.raises(Conflict):
        fax_flow.register(user("admin"), item_id, "{urut}", "X")
    assert AgendaEntry.select().count() == 1


def test_two_operators_cannot_send_the_same_message(staff):
    from model import auth

    auth.add_user("operator2", "Dedi", "sandi12345", ["operator"])
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=1)
    with pytest.raises(Conflict, match="sedang ditangani operator Agus Prasetyo"):
        fax_jobs.enqueue(user("operator2"), item_id, dest.id, pages=1)
    with pytest.raises(Conflict, match="sudah dalam antrean"):
        fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=1)


def test_racing_operators_only_one_holds_the_message(staff):
    from model import auth

    auth.add_user("operator2", "Dedi", "sandi12345", ["operator"])
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    barrier, results = threading.Barrier(2), []

    def go(name):
        barrier.wait()
        try:
            fax_jobs.enqueue(user(name), item_id, dest.id, pages=1)
            results.append("ok")
        except Conflict as exc:
            results.append(str(exc))

    threads = [threading.Thread(target=go, args=(n,)) for n in ("operator", "operator2")]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert results.count("ok") == 1 and FaxJob.select().count() == 1


def test_manual_send_logs_the_daily_book_and_allows_step_6(staff):
    item_id = at_step(5, destinations=[("Jatim", "031-8294608"), ("BSSN", "021-7805814")])
    dests = list(request_of(item_id).destinations.order_by(FaxDestination.id))
    fax_jobs.record_manual(
        user("operator"),
        item_id,
        dests[0].id,
        at=base.now(),
        remote_id="+62318294608",
        pages=2,
        ok=True,
    )
    with pytest.raises(Invalid, match="Belum terkirim ke: BSSN"):
        fax_jobs.mark_sent(user("operator"), item_id)
    fax_jobs.record_manual(
        user("operator"),
        item_id,
        dests[1].id,
        at=base.now(),
        remote_id="",
        pages=2,
        ok=False,
        note="Nada sibuk",
    )
    fax_jobs.record_manual(
        user("operator"), item_id, dests[1].id, at=base.now(), remote_id="BSSN", pages=2, ok=True
    )
    item = fax_jobs.mark_sent(user("operator"), item_id)
    assert item.step == 6
    log = list(FaxLogEntry.select().order_by(FaxLogEntry.id))
    assert [(e.to_name, e.ok, e.via) for e in log] == [
        ("Jatim", True, "manual"),
        ("BSSN", False, "manual"),
        ("BSSN", True, "manual"),
    ]
    assert log[0].agenda_number == "000.1.1/001/406.020/2026"
    with pytest.raises(Invalid, match="masa depan"):
        fax_jobs.record_manual(
            user("operator"),
            item_id,
            dests[0].id,
            at=base.now() + timedelta(hours=1),
            remote_id="",
            pages=1,
            ok=True,
        )
    fax_jobs.hand_back(user("operator"), item_id)
    assert fax_flow.archive(user("admin"), item_id).closed_at is not None


def _report(ok, pages, kind=None, message="x"):
    return fax_jobs.AttemptReport(base.now(), base.now(), ok, pages, 3, message, retry_kind=kind)


def test_daemon_claims_retries_only_unsent_pages_then_hands_back(staff):
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=3, max_tries=2)
    policy = fax_spool.RetryPolicy(wait_busy_minutes=3)
    job = fax_spool.claim_next("modem0")
    assert fax_spool.claim_next("modem1") is None
    job = fax_spool.finish(job.id, _report(False, 1, "failure", "Terputus"), policy)
    assert (job.status, job.pages_done) == ("antri", 1)
    assert fax_spool.claim_next("modem0") is None  # waits before the retry
    base.freeze(base.now() + timedelta(minutes=3))
    job = fax_spool.claim_next("modem0")
    job = fax_spool.finish(job.id, _report(False, 0, "busy", "Saluran sibuk"), policy)
    assert job.status == "gagal" and "Gagal setelah 2 percobaan" in job.progress
    assert FaxLogEntry.get().ok is False
    job = fax_jobs.decide(user("operator"), job.id, resend=True)
    job = fax_spool.finish(fax_spool.claim_next("modem0").id, _report(True, 2), policy)
    assert job.status == "terkirim" and job.pages_done == 3
    assert FaxDestination.get_by_id(dest.id).status == "terkirim"


def test_two_daemons_claiming_at_once_never_share_a_job(staff):
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=1)
    barrier, got = threading.Barrier(4), []

    def claim(n):
        barrier.wait()
        got.append(fax_spool.claim_next(f"modem{n}"))

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(4)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert len([j for j in got if j]) == 1


def test_interrupted_job_waits_for_the_operator(staff):
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=1)
    job = fax_spool.claim_next("spool:host:1:1")
    fax_spool.report_progress(job.id, "Memanggil", dialling=True)
    [job_id] = fax_spool.recover_orphans()
    assert FaxJob.get_by_id(job_id).status == "tunggu_keputusan"
    assert fax_spool.claim_next("modem0") is None
    fax_jobs.decide(user("operator"), job_id, resend=False)
    assert FaxJob.get_by_id(job_id).status == "batal"


def test_ekspedisi_numbers_and_receipts(staff):
    first = ekspedisi.add(user("admin"), to="Kepala BKPSDM", perihal="Undangan")
    second = ekspedisi.add(user("admin"), to="Bappeda", perihal="Laporan", lampiran="1 berkas")
    assert (first.seq, second.seq) == (1, 2)
    with pytest.raises(Invalid, match="Nama penerima"):
        ekspedisi.record_receipt(user("admin"), first.id, " ", base.now())
    ekspedisi.record_receipt(user("admin"), first.id, "Wahyu", base.now())
    with pytest.raises(Conflict, match="sudah dicatat"):
        ekspedisi.record_receipt(user("admin"), first.id, "Lain", base.now())
    assert [e.receiver_name for e in ekspedisi.between(base.now().date(), base.now().date())] == [
        "Wahyu",
        "",
    ]


def test_a_nota_dinas_dated_in_the_future_is_refused(staff):
    tomorrow = base.now().date() + timedelta(days=1)
    with pytest.raises(Invalid, match="^Tanggal nota dinas tidak boleh di masa depan.$"):
        fax_flow.save_draft(user("pemakai"), draft(nota_date=tomorrow))
    assert not WorkItem.select().exists()
    item = fax_flow.save_draft(user("pemakai"), draft(nota_date=base.now().date()))
    with pytest.raises(Invalid, match="masa depan"):
        fax_flow.save_draft(user("pemakai"), draft(nota_date=tomorrow), item.id)
    assert request_of(item.id).nota_date == base.now().date()


def test_ekspedisi_refuses_a_letter_or_a_receipt_dated_in_the_future(staff):
    tomorrow = base.now().date() + timedelta(days=1)
    with pytest.raises(Invalid, match="^Tanggal surat tidak boleh di masa depan.$"):
        ekspedisi.add(user("admin"), to="Bappeda", perihal="Undangan", letter_date=tomorrow)
    assert not ekspedisi.EkspedisiEntry.select().exists()
    entry = ekspedisi.add(
        user("admin"), to="Bappeda", perihal="Undangan", letter_date=base.now().date()
    )
    with pytest.raises(Invalid, match="^Waktu terima tidak boleh di masa depan.$"):
        ekspedisi.record_receipt(user("admin"), entry.id, "Yusuf", base.now() + timedelta(hours=2))
    assert ekspedisi.EkspedisiEntry.get_by_id(entry.id).received_at is None


def test_only_administrasi_umum_keeps_the_ekspedisi_book(staff):
    for name in ("kasi", "operator"):
        with pytest.raises(
            NotAllowed, match="^Hanya Administrasi Umum yang dapat mengisi buku ekspedisi.$"
        ):
            ekspedisi.add(user(name), to="Bappeda", perihal="Undangan")
    entry = ekspedisi.add(user("admin"), to="Bappeda", perihal="Undangan")
    with pytest.raises(NotAllowed, match="mencatat tanda terima"):
        ekspedisi.record_receipt(user("kasi"), entry.id, "Yusuf", base.now())


def test_clerk_may_correct_the_code_while_registering(staff):
    item_id = at_step(3)
    with pytest.raises(Invalid):
        fax_flow.register(user("admin"), item_id, "{klasifikasi}", "X", klasifikasi="999.99")
    entry = fax_flow.register(
        user("admin"), item_id, "{klasifikasi}/{urut}", "X", klasifikasi="000.1.2"
    )
    assert entry.number == "000.1.2/1" and request_of(item_id).klasifikasi == "000.1.2"
