"""The SOP's documents filled from the database: model rows in, (PDF bytes, title) out.

A title names its document by agenda number or item id, never by perihal or subject: it
becomes the kept PDF's file name and the print job's title."""

from __future__ import annotations

from dataclasses import astuple
from datetime import date

from model import audit
from model.books import ekspedisi
from model.books.agenda import AgendaEntry as AgendaRow
from model.books.agenda import agenda_number, live_entry
from model.books.klasifikasi import Klasifikasi
from model.config import current
from model.email_in.letter import LetterRow, letters_of
from model.email_in.records import mail_of
from model.errors import Invalid
from model.fax.number import is_other_station
from model.fax.queue_rows import destination_states
from model.fax.records import (
    INSTRUCTIONS,
    Disposition,
    FaxAttempt,
    FaxDestination,
    FaxJob,
    FaxLogEntry,
    JobStatus,
    request_of,
)
from model.org import User
from model.reports.registers import agenda_between, fax_log_between
from model.roles import KASI, OPERATOR
from model.sop import SOP_NUMBER
from model.workflow.items import DERAJAT, SIFAT, StepLog, WorkItem

KASI_TITLE = "Kepala Seksi Keamanan Informasi dan Persandian"


def letterhead():
    """The kop surat from warkat.toml: government, office, address, then contact lines."""
    from print.records import Letterhead

    office = current().office
    lines = list(office.letterhead) + ["", "", ""]
    return Letterhead(
        lines[0], lines[1], lines[2], tuple(x for x in lines[3:] if x), unit=office.section
    )


def _paper() -> str:
    return current().printer.paper


def _signatory(user: User | None, title: str, day: date | None = None):
    from print.records import Signatory

    if user is None:
        return None
    return Signatory(user.full_name, user.nip, title, date=day)


def _anchor(title: str) -> str:
    """The audit chain's head for a signed record, kept as an anchor printed on `title`."""
    anchor = audit.take_anchor(f"cetak: {title}")
    return str(anchor) if anchor else ""


def _first_with_role(role: str) -> User | None:
    from model.org import UserRole

    return (
        User.select()
        .join(UserRole)
        .where((UserRole.role == role) & User.active)
        .order_by(User.id)
        .first()
    )


def disposition_choices():
    """The sifat, derajat and disposition instructions of the model, for a lembar disposisi."""
    from print.records import DispositionChoices

    return DispositionChoices(SIFAT, DERAJAT, INSTRUCTIONS)


def disposition_sheet(item_id: int) -> tuple[bytes, str]:
    from print.disposition import disposition_pdf
    from print.records import DispositionSheet

    item = WorkItem.get_by_id(item_id)
    req = request_of(item)
    row = item.dispositions.order_by(Disposition.id.desc()).first()
    received = item.log.order_by(StepLog.id).first()
    sheet = DispositionSheet(
        sender=req.from_unit.name if req.from_unit else "",
        letter_number=req.nota_number,
        letter_date=req.nota_date or item.created_at.date(),
        received_date=(received.at if received else item.created_at).date(),
        agenda_number=agenda_number(item),
        sifat=item.sifat,
        derajat=item.derajat,
        subject=item.title,
        choices=disposition_choices(),
        forward_to=(row.to_position.name,) if row and row.to_position else ("Administrasi Umum",),
        checked=tuple(row.instructions.splitlines()) if row else (),
        note=row.note if row else "",
        signatory=_signatory(
            row.by if row else _first_with_role(KASI), KASI_TITLE, row.at.date() if row else None
        ),
    )
    title = f"Lembar disposisi {sheet.agenda_number or f'#{item.id}'}"
    return disposition_pdf(sheet, letterhead(), _paper()), title


def agenda_book(book: str, start: date, end: date) -> tuple[bytes, str]:
    from print.agenda import agenda_pdf
    from print.records import AgendaBook, AgendaEntry

    rows = agenda_between(book, start, end)
    letters = letters_of([r.item_id for r in rows if r.item_id])
    no_letter = LetterRow("", None, ())

    def letter_number(row: AgendaRow) -> str:
        if row.item_id and row.item.procedure == "fax":
            return request_of(row.item_id).nota_number
        return letters.get(row.item_id, no_letter).number

    entries = tuple(
        AgendaEntry(
            number=r.number,
            date=r.registered_at.date(),
            letter_number=letter_number(r),
            counterpart=r.party,
            subject=r.perihal,
            sifat=r.item.sifat if r.item_id else "Biasa",
            classification=r.klasifikasi,
            void=r.void,
            void_reason=r.void_reason,
            letter_date=letters.get(r.item_id, no_letter).day,
            forward_to=letters.get(r.item_id, no_letter).forward_to,
        )
        for r in rows
    )
    data = AgendaBook(kind=book, start=start, end=end, entries=entries)
    return agenda_pdf(data, letterhead(), _paper()), f"Buku agenda {book} {start}-{end}"


def _negotiated(params: str) -> tuple[str, int]:
    """'Halus 14400' → ('Halus', 14400); what the modem did not report stays empty."""
    words = params.split()
    resolution = words[0] if words and not words[0].isdigit() else ""
    return resolution, int(words[-1]) if words and words[-1].isdigit() else 0


def _job_result(job: FaxJob) -> str:
    if job.status == JobStatus.CANCELLED:
        return f"{job.progress} (terakhir: {job.result})" if job.result else job.progress
    if job.status in (JobStatus.SENT, JobStatus.FAILED):
        return job.result or job.progress
    if job.status == JobStatus.DECIDE:
        return f"{job.result} — menunggu keputusan operator"
    return job.progress


def transmission_journal(job_id: int) -> tuple[bytes, str]:
    from print.journal import journal_pdf
    from print.records import Attempt, LetterDestination, TransmissionReport

    job = FaxJob.get_by_id(job_id)
    dest = FaxDestination.get_by_id(job.destination_id)
    rows = list(job.attempt_rows.order_by(FaxAttempt.id))
    calls = tuple(
        Attempt(
            a.started_at,
            "OK" if a.ok else a.message,
            a.seconds,
            a.pages_sent,
            a.pages_total,
            *_negotiated(a.params),
            a.remote_id,
            a.hangup_code,
        )
        for a in rows
    )
    finished = job.status in (JobStatus.SENT, JobStatus.FAILED, JobStatus.CANCELLED)
    negotiated = next((c for c in reversed(calls) if c.resolution or c.speed_bps), None)
    csids = dict.fromkeys([c.remote_csid for c in calls] + [job.remote_id])
    report = TransmissionReport(
        started=rows[0].started_at if rows else None,
        ended=(rows[-1].ended_at if rows else job.updated_at) if finished else None,
        local_id=current().fax.local_id,
        dialled=job.dial,
        remote_csid=job.remote_id,
        duration_s=sum(c.duration_s for c in calls),
        pages=job.pages_done,
        pages_total=job.pages_total,
        resolution=negotiated.resolution if negotiated else "",
        speed_bps=negotiated.speed_bps if negotiated else 0,
        result=_job_result(job),
        ok=job.status == JobStatus.SENT,
        finished=finished,
        foreign_csids=tuple(c for c in csids if c and is_other_station(dest.number, c)),
        agenda_number=agenda_number(job.item),
        destination=f"{dest.name} (grup {dest.group_name})" if dest.group_name else dest.name,
        operator=job.created_by.full_name if job.created_by else "",
        attempts=calls,
        thumbnail=job.thumbnail,
        letter=tuple(LetterDestination(*astuple(d)) for d in destination_states(job.item_id)),
    )
    return journal_pdf(report, letterhead(), _paper()), f"Jurnal pengiriman {report.agenda_number}"


def _log_result(row: FaxLogEntry) -> str:
    """'Berhasil', 'Gagal: Nomor sibuk', 'Gagal (manual): kertas macet'."""
    text = ("Berhasil" if row.ok else "Gagal") + (" (manual)" if row.via == "manual" else "")
    if row.ok:
        return text
    return f"{text}: {(row.note or '-') if row.via == 'manual' else row.result}"


def daily_fax_report(day: date) -> tuple[bytes, str]:
    from print.faxlog import faxlog_pdf
    from print.records import FaxDailyReport
    from print.records import FaxLogEntry as Line

    rows = fax_log_between(day, day)
    lines = tuple(
        Line(
            r.at,
            r.agenda_number,
            r.to_name,
            r.number,
            r.pages,
            _log_result(r),
            r.operator.full_name if r.operator else "",
            r.ok,
        )
        for r in rows
    )
    operator = rows[-1].operator if rows and rows[-1].operator else _first_with_role(OPERATOR)
    report = FaxDailyReport(
        day,
        lines,
        _signatory(operator, "Operator Sandi", day),
        _signatory(_first_with_role(KASI), KASI_TITLE, day),
    )
    title = f"Laporan harian fax {day}"
    return faxlog_pdf(report, letterhead(), _paper(), _anchor(title)), title


def back_stamp(log_entry_id: int) -> tuple[bytes, str, str]:
    """The stamp for the back of the original, as PDF and as 40-column text (dot-matrix)."""
    from print.records import BackStamp
    from print.stamp import stamp_pdf, stamp_text

    row = FaxLogEntry.get_by_id(log_entry_id)
    stamp = BackStamp(
        row.at,
        row.operator.full_name if row.operator else "",
        "TERKIRIM" if row.ok else f"GAGAL: {row.result}",
        row.agenda_number,
        row.to_name,
        row.pages,
    )
    return (
        stamp_pdf(stamp, letterhead(), _paper()),
        f"Cap belakang {row.agenda_number}",
        stamp_text(stamp),
    )


def receipts(entry_ids: list[int]) -> tuple[bytes, str]:
    from print.receipt import receipt_pdf
    from print.records import ReceiptEntry, ReceiptSheet

    rows = (
        ekspedisi.EkspedisiEntry.select()
        .where(ekspedisi.EkspedisiEntry.id.in_(entry_ids))
        .order_by(ekspedisi.EkspedisiEntry.year, ekspedisi.EkspedisiEntry.seq)
    )
    entries = tuple(
        ReceiptEntry(
            r.seq,
            r.at.date(),
            r.letter_number,
            r.letter_date or r.at.date(),
            r.to,
            r.perihal,
            r.lampiran or "-",
            r.receiver_name,
            r.received_at,
        )
        for r in rows
    )
    return receipt_pdf(ReceiptSheet(entries), letterhead(), _paper()), "Tanda terima ekspedisi"


def email_printout(item_id: int) -> tuple[bytes, str]:
    """Step 3/5 of procedure 2: the incoming mail on paper, with its agenda label once numbered."""
    from print.email import email_pdf
    from print.records import EmailAttachment, EmailPrintout

    item = WorkItem.get_by_id(item_id)
    mail = mail_of(item)
    number = agenda_number(item)
    data = EmailPrintout(
        agenda_number=number,
        received_at=mail.received_at,
        sender=f"{mail.from_name} <{mail.from_addr}>" if mail.from_name else mail.from_addr,
        to=tuple(a for a in mail.to.split(", ") if a),
        subject=mail.subject,
        sent_at=mail.sent_at or mail.received_at,
        body=mail.text,
        cc=tuple(a for a in mail.cc.split(", ") if a),
        attachments=tuple(
            EmailAttachment(a.filename, a.size, a.content_type) for a in mail.attachments
        ),
    )
    return email_pdf(data, letterhead(), _paper()), f"Email masuk {number or f'#{item.id}'}"


def agenda_label(item_id: int) -> tuple[bytes, str, str]:
    """Step 5 of procedure 2: the agenda stamp of a registered mail, as PDF and as text."""
    from print.label import label_pdf, label_text
    from print.records import AgendaLabel

    entry = live_entry(item_id)
    if entry is None:
        raise Invalid(f"Email #{item_id} belum dicatat di buku agenda surat masuk.")
    mail = mail_of(item_id)
    found = letters_of([item_id]).get(item_id) or LetterRow("", None, ())
    kode = Klasifikasi.get_or_none(Klasifikasi.kode == entry.klasifikasi)
    label = AgendaLabel(
        agenda_number=entry.number,
        received_at=mail.received_at,
        classification=entry.klasifikasi,
        classification_name=kode.uraian if kode else "",
        letter_number=found.number,
        letter_date=found.day,
        sender=entry.party,
        forward_to=found.forward_to,
    )
    return (
        label_pdf(label, letterhead(), _paper()),
        f"Label agenda {entry.number}",
        label_text(label),
    )


def compliance_report(year: int, month: int) -> tuple[bytes, str]:
    """The monthly mutu baku compliance report, signed by the Kasi."""
    from model.reports.board import calendar_words
    from model.reports.compliance import monthly, set_aside
    from print.compliance import compliance_pdf
    from print.records import ComplianceReport, ComplianceRow

    rows = tuple(
        ComplianceRow(
            r.procedure_name,
            r.step,
            r.activity,
            r.count,
            r.median_minutes,
            r.p90_minutes,
            r.standard_minutes,
            None if r.within_share is None else r.within_share * 100,
        )
        for r in monthly(year, month)
    )
    data = ComplianceReport(
        year,
        month,
        rows,
        _signatory(_first_with_role(KASI), KASI_TITLE),
        sop_number=SOP_NUMBER,
        notes=(calendar_words(year, month),),
        set_aside=tuple((c.label, c.count) for c in set_aside(year, month)),
    )
    title = f"Kepatuhan mutu baku {year}-{month:02d}"
    return compliance_pdf(data, letterhead(), _paper(), _anchor(title)), title
