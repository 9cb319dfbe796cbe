"""Archive search on the index (migration v12) against the LIKE scan it replaced.

    .venv/bin/python benchmarks/bench_search.py [--home DIR | --synthetic 20000]

`search_rows(home)` measures, on a home: the fax archive search over 22 varied queries
(rare names, agenda numbers, common words, two words, a short word, date range + sifat),
p50/p95 of the new model function (one page, as the screen asks) against the old LIKE query
copied here; building 200 result rows (one joined query) against the old per-row reads; the
incoming and outgoing mail archive searches the same way. Each query: one warm-up, the
median of REPEAT runs. Without --home: benchmarks/office_home.py's cached 100,000-item home
when built, else a synthetic home (rows written by SQL through the index triggers, text from
office_text.Writer) built in a temporary directory.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

REPEAT = 3
SIFAT_WEIGHTS = (("Biasa", 85), ("Terbatas", 8), ("Rahasia", 5), ("Sangat Rahasia", 2))


def timed(call) -> float:
    """Milliseconds of `call()`: the median of REPEAT runs after one warm-up."""
    call()
    runs = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        call()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def p50_p95(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms (n={len(ordered)})"


# --- the old search (before v12), copied as the baseline -------------------------------------


def old_fax(text, since=None, until=None, sifat=None, limit=200):
    from model.books.agenda import AgendaEntry
    from model.fax.records import FaxDestination, FaxRequest
    from model.sop import DONE, FAX
    from model.workflow.items import WorkItem

    closed = (WorkItem.step == DONE) | WorkItem.closed_at.is_null(False)
    query = _filtered(
        WorkItem.select().where((WorkItem.procedure == FAX) & closed), since, until, sifat
    )
    t = text.strip()
    if t:
        by_agenda = AgendaEntry.select(AgendaEntry.item).where(
            AgendaEntry.number.contains(t) & AgendaEntry.item.is_null(False)
        )
        by_dest = (
            FaxRequest.select(FaxRequest.item)
            .join(FaxDestination)
            .where(FaxDestination.name.contains(t))
        )
        by_text = FaxRequest.select(FaxRequest.item).where(FaxRequest.isi_berita.contains(t))
        query = query.where(
            WorkItem.title.contains(t)
            | WorkItem.id.in_(by_agenda)
            | WorkItem.id.in_(by_dest)
            | WorkItem.id.in_(by_text)
        )
    return list(
        query.order_by(WorkItem.closed_at.desc(nulls="LAST"), WorkItem.id.desc()).limit(limit)
    )


def _filtered(query, since, until, sifat):
    from model.workflow.items import WorkItem

    if since:
        query = query.where(WorkItem.closed_at >= datetime.combine(since, datetime.min.time()))
    if until:
        end = datetime.combine(until + timedelta(days=1), datetime.min.time())
        query = query.where(WorkItem.closed_at < end)
    return query.where(WorkItem.sifat == sifat) if sifat else query


def old_mail(procedure, text, since=None, until=None, sifat=None, limit=200):
    from model.books.agenda import AgendaEntry
    from model.email_in.records import IncomingMail
    from model.email_out.records import OutgoingMail
    from model.sop import DONE, EMAIL_IN
    from model.workflow.items import WorkItem

    model, fields = (
        (IncomingMail, ("subject", "from_addr", "from_name", "text", "set_aside_reason"))
        if procedure == EMAIL_IN
        else (OutgoingMail, ("subject", "to", "cc", "body"))
    )
    closed = (WorkItem.procedure == procedure) & (
        (WorkItem.step == DONE) | WorkItem.closed_at.is_null(False)
    )
    query = _filtered(WorkItem.select().where(closed), since, until, sifat)
    t = text.strip()
    if t:
        match = getattr(model, fields[0]).contains(t)
        for field in fields[1:]:
            match |= getattr(model, field).contains(t)
        agenda = AgendaEntry.select(AgendaEntry.item).where(
            AgendaEntry.number.contains(t) & AgendaEntry.item.is_null(False)
        )
        query = query.where(
            WorkItem.title.contains(t)
            | WorkItem.id.in_(model.select(model.item).where(match))
            | WorkItem.id.in_(agenda)
        )
    return list(
        query.order_by(WorkItem.closed_at.desc(nulls="LAST"), WorkItem.id.desc()).limit(limit)
    )


def old_cells(item) -> tuple:
    """What the old screen read per row: the agenda number and the destinations."""
    from model.books.agenda import agenda_number
    from model.fax.records import FaxDestination, FaxRequest

    req = FaxRequest.get_or_none(FaxRequest.item == item)
    dests = list(req.destinations.order_by(FaxDestination.id)) if req else []
    return agenda_number(item) or "-", item.title, ", ".join(d.name for d in dests)


# --- the queries -----------------------------------------------------------------------------


def queries(procedure: str) -> list[tuple[str, dict]]:
    """22 varied (text, filters) drawn from the home's own rows (seeded)."""
    from model.db import db, is_postgres

    rng = random.Random(12)
    code = {"fax": 1, "email_in": 2, "email_out": 3}[procedure]
    key = "sort_key" if is_postgres() else "-rowid"
    rows = db.execute_sql(
        f"SELECT body FROM archive_search WHERE {key} BETWEEN {db.param} AND {db.param} "
        "ORDER BY random() LIMIT 400",
        (code << 61, ((code + 1) << 61) - 1),
    ).fetchall()
    bodies = [b for (b,) in rows]
    names = [m for b in bodies for m in re.findall(r"Sdr\. ([A-Z][a-z]+ [A-Z][a-z]+)", b)]
    numbers = [m for b in bodies for m in re.findall(r"\b\d{3}\.[\d.]+/\d{3,4}/[\d.]+/\d{4}\b", b)]
    addresses = [m for b in bodies for m in re.findall(r"[\w.]+@[\w.]+", b)]
    rare = rng.sample(names, min(4, len(names))) or ["Sutrisno"]
    picked = rng.sample(numbers, min(3, len(numbers))) or ["000.1.1/001"]
    agenda = [
        picked[0],
        picked[-1].split("/", 1)[1],
        "/".join(picked[len(picked) // 2].split("/")[:2]),
    ]
    party = rng.sample(addresses, 1) if addresses else ["Inspektorat"]
    end = date.today()
    month = dict(since=end - timedelta(days=30), until=end)
    return [
        *[(n, {}) for n in rare],
        *[(a, {}) for a in agenda],
        *[(w, {}) for w in ("rapat", "surat", "data", "kabupaten", "undangan")],
        ("undangan rapat", {}),
        ("rapat koordinasi", {}),
        ("laporan data", {}),
        ("Inspektorat", {}),
        (party[0], {}),
        ("kb", {}),
        ("rapat", dict(month, sifat="Rahasia")),
        ("", {"sifat": "Sangat Rahasia"}),
        ("surat", dict(since=end - timedelta(days=7), until=end)),
        ("zzqx", {}),
    ][:22]


def search_rows(home_path: Path) -> list[tuple[str, str, str]]:
    """(figure, measured, baseline) on the home at `home_path`."""
    from model.fax import archive
    from model.home import open_home
    from model.reports import mail_archive
    from model.workflow import search

    open_home(home_path)
    out = []
    fax = queries("fax")
    new = [
        timed(lambda t=t, kw=kw: archive.search_fax_archive(t, limit=101, **kw)) for t, kw in fax
    ]
    old = [timed(lambda t=t, kw=kw: old_fax(t, limit=200, **kw)) for t, kw in fax]
    out.append(("Arsip faks: cari (22 kueri, 1 halaman)", p50_p95(new), p50_p95(old)))
    worst = max(zip(new, fax, strict=True))
    out.append(("  kueri terlambat (baru)", f"{worst[0]:.1f} ms {worst[1]!r}", ""))

    items = old_fax("", limit=200)
    per_row = timed(lambda: [old_cells(i) for i in items])
    whole = timed(lambda: archive.search_fax_archive("", limit=200))
    sql, params = search.hits(
        "fax", "", since=None, until=None, sifat=None, only=None, limit=200, offset=0
    )
    from model.db import db

    keys = timed(lambda: db.execute_sql(sql, params).fetchall())
    out.append(
        (
            "Arsip faks: 200 baris layar",
            f"{whole - keys:.1f} ms (kueri gabung {whole:.1f} ms, kunci saja {keys:.1f} ms)",
            f"{per_row:.1f} ms (nomor agenda + tujuan per baris)",
        )
    )
    for procedure, fn, label in (
        ("email_in", mail_archive.search_incoming, "Arsip email masuk"),
        ("email_out", mail_archive.search_outgoing, "Arsip email keluar"),
    ):
        qs = queries(procedure)
        new = [timed(lambda t=t, kw=kw, fn=fn: fn(t, limit=101, **kw)) for t, kw in qs]
        old = [
            timed(lambda t=t, kw=kw, p=procedure: old_mail(p, t, limit=200, **kw)) for t, kw in qs
        ]
        out.append((f"{label}: cari (22 kueri)", p50_p95(new), p50_p95(old)))
    count = db.execute_sql("SELECT count(*) FROM archive_search").fetchone()[0]
    out.insert(0, ("Butir di indeks arsip", f"{count:,}", ""))
    db.obj.close()
    return out


# --- a synthetic home ------------------------------------------------------------------------


def synthetic(path: Path, archived: int = 20_000, seed: int = 16) -> Path:
    """A home with `archived` closed items (half fax, 30 % incoming, 20 % outgoing) over the
    past year, written by SQL in batches: each item open first, then its rows, then closed,
    so the index triggers do what the archive step does."""
    from office_text import Writer

    from model import demo
    from model.books.agenda import AgendaEntry
    from model.db import db, write
    from model.email_in.records import IncomingMail
    from model.email_out.records import OutgoingMail
    from model.fax.records import FaxDestination, FaxRequest
    from model.home import create
    from model.org import User
    from model.workflow.items import WorkItem

    create(path)
    demo.seed(items=False)
    rng, writer = random.Random(seed), Writer(random.Random(seed))
    staff = User.get(User.username == "pemakai").id
    start = datetime.now() - timedelta(days=365)
    times = sorted(start + timedelta(seconds=rng.randint(0, 365 * 86400)) for _ in range(archived))
    seqs: dict = {}
    first = (WorkItem.select(WorkItem.id).order_by(WorkItem.id.desc()).scalar() or 0) + 1
    for batch in range(0, archived, 500):
        items, agenda, faxes, dests, ins, outs = [], [], [], [], [], []
        for n in range(batch, min(batch + 500, archived)):
            at, item_id = times[n], first + n
            kind = rng.choices(("fax", "email_in", "email_out"), (5, 3, 2))[0]
            sifat = rng.choices(*zip(*SIFAT_WEIGHTS, strict=True))[0]
            title = writer.perihal(at)
            items.append(
                dict(
                    id=item_id,
                    procedure=kind,
                    step=7,
                    title=title,
                    sifat=sifat,
                    created_by=staff,
                    created_at=at,
                    step_entered_at=at,
                )
            )
            aside = kind == "email_in" and rng.random() < 0.05
            if not aside:
                book = "masuk" if kind == "email_in" else "keluar"
                seq = seqs[book, at.year] = seqs.get((book, at.year), 0) + 1
                agenda.append(
                    dict(
                        book=book,
                        year=at.year,
                        seq=seq,
                        item=item_id,
                        perihal=title,
                        number=f"000.1.1/{seq:03d}/406.020/{at.year}",
                        registered_at=at,
                    )
                )
            if kind == "fax":
                faxes.append(
                    dict(id=item_id, item=item_id, isi_berita=writer.isi(title, at, sifat))
                )
                for _ in range(rng.choice((1, 1, 1, 2, 3))):
                    name, number, _email = writer.body()
                    dests.append(dict(request=item_id, name=name, number=number.replace("-", "")))
            elif kind == "email_in":
                name, addr = writer.sender()
                subject, text = title, writer.isi(title, at, sifat)
                reason = ""
                if aside:
                    subject, addr, text = writer.spam()
                    reason = "Iklan / tautan palsu"
                ins.append(
                    dict(
                        item=item_id,
                        message_id=f"<{item_id}@bench>",
                        sha256="",
                        raw=b"",
                        from_addr=addr,
                        from_name=name,
                        subject=subject,
                        text=text,
                        set_aside="spam" if aside else "",
                        set_aside_reason=reason,
                    )
                )
            else:
                _name, _fax, email = writer.body()
                outs.append(dict(item=item_id, to=email, subject=title, body=writer.isi(title, at)))
        with write():
            WorkItem.insert_many(items).execute()
            for model, rows in (
                (AgendaEntry, agenda),
                (FaxRequest, faxes),
                (FaxDestination, dests),
                (IncomingMail, ins),
                (OutgoingMail, outs),
            ):
                if rows:
                    model.insert_many(rows).execute()
            WorkItem.update(step=0, closed_at=WorkItem.step_entered_at).where(
                WorkItem.id.between(items[0]["id"], items[-1]["id"])
            ).execute()
    db.obj.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path)
    parser.add_argument("--synthetic", type=int, default=20_000)
    parser.add_argument("--build", type=Path, help="only build a synthetic home there")
    args = parser.parse_args()
    if args.build:
        synthetic(args.build, args.synthetic)
        return
    home = args.home
    if home is None:
        import office_home

        cached = office_home.CACHE / f"bench-home-100000-10000-v{office_home.VERSION}"
        if office_home._usable(cached, 100_000, 10_000):
            home = office_home.build_cached(100_000, 10_000)
        else:
            home = Path(tempfile.mkdtemp(prefix="warkat-search-")) / "home"
            started = time.perf_counter()
            synthetic(home, args.synthetic)
            print(f"synthetic home {args.synthetic:,} items: {time.perf_counter() - started:.0f} s")
    for figure, measured, baseline in search_rows(home):
        print(f"{figure:42} {measured:48} {baseline}")


if __name__ == "__main__":
    main()
