"""The same model code on PostgreSQL: migrations, the demo office, the fax and email rules,
agenda and ekspedisi numbers from 8 processes, the audit chain."""

import itertools

import pytest

from model import base, demo
from model import home as home_mod
from model.audit import verify
from model.books.agenda import AgendaEntry
from model.db import db, is_postgres
from model.email_in import flow as email_in
from model.email_in import records as email_in_records
from model.fax import jobs as fax_jobs
from model.fax import spool as fax_spool
from model.fax.records import FaxJob, request_of
from model.workflow.items import WorkItem
from tests.agenda_helpers import ekspedisi_seq, register_from_processes
from tests.conftest import FROZEN, user
from tests.fax_helpers import at_step
from tests.mail_helpers import incoming_at
from tests.pgserver import PostgresServer

_names = itertools.count()


@pytest.fixture(scope="module")
def postgres():
    with PostgresServer() as server:
        yield server


@pytest.fixture
def pg_office(postgres, tmp_path):
    url = postgres.create_database(f"warkat{next(_names)}")
    home = tmp_path / "home"
    home.mkdir()
    (home / "warkat.toml").write_text(f'[database]\nurl = "{url}"\n')
    cfg = home_mod.create(home)
    base.freeze(FROZEN)
    demo.seed(items=False)
    yield cfg
    base.freeze(None)
    db.obj.close()


def test_schema_and_demo_office_on_postgres(pg_office):
    assert is_postgres()
    assert user("kasi").roles == ("kasi", "pemakai")
    assert home_mod.open_home(pg_office.home) is not None  # migrations are idempotent


def test_fax_to_sent_with_claim_and_audit_on_postgres(pg_office):
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=1)
    job = fax_spool.claim_next("modem0")
    assert fax_spool.claim_next("modem1") is None
    report = fax_jobs.AttemptReport(base.now(), base.now(), True, 1, 1, "Terkirim")
    assert fax_spool.finish(job.id, report, fax_spool.RetryPolicy()).status == "terkirim"
    assert fax_jobs.mark_sent(user("operator"), item_id).step == 6
    assert verify()[1] is None


def test_orphaned_fax_job_is_recovered_on_postgres(pg_office):
    item_id = at_step(5)
    dest = request_of(item_id).destinations.get()
    job = fax_jobs.enqueue(user("operator"), item_id, dest.id, pages=2)
    fax_spool.claim_next("spool:lain:1:20261125090000")
    fax_spool.report_progress(job.id, "Halaman 1/2 diterima", dialling=True, confirmed=True)
    assert fax_spool.recover_orphans() == [job.id]
    job = FaxJob.get_by_id(job.id)
    assert (job.status, job.pages_done, job.attempt_rows.get().pages_sent) == (
        "tunggu_keputusan",
        1,
        1,
    )


def test_incoming_mail_bytes_and_dedupe_on_postgres(pg_office):
    item_id = incoming_at(8)
    mail = email_in_records.mail_of(item_id)
    assert bytes(mail.raw).startswith(b"From: ")
    assert WorkItem.get_by_id(item_id).step == 8


def test_eight_processes_number_the_book_on_postgres(pg_office):
    numbers = register_from_processes(pg_office.db_url, 10)
    assert sorted(numbers) == list(range(1, 81))
    assert AgendaEntry.select().count() == 80


def test_eight_processes_fill_the_ekspedisi_book_on_postgres(pg_office):
    numbers = register_from_processes(pg_office.db_url, 50, take=ekspedisi_seq)
    assert sorted(numbers) == list(range(1, 401))


def test_limits_and_a_duplicate_intake_are_clear_refusals_on_postgres(pg_office):
    from mail.parse import parse_message
    from model.errors import Invalid
    from model.fax import flow as fax_flow
    from tests.fax_helpers import draft
    from tests.mail_helpers import raw_mail

    with pytest.raises(Invalid, match="perihal terlalu panjang: 256 karakter"):
        fax_flow.save_draft(user("pemakai"), draft(perihal="x" * 256))
    parsed = parse_message(raw_mail(subject="Kembar\x00", body="isi\x00"))
    assert email_in.store(parsed, "a") is not None and email_in.store(parsed, "b") is None
    assert (
        "\x00" not in email_in_records.mail_of(WorkItem.get(WorkItem.procedure == "email_in")).text
    )
