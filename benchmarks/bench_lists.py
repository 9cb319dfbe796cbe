"""Opening a list of 10,000 rows: time from pushing the screen until its first rows are shown,
for the home, the Kasi's disposition queue and each book, at 80×24 under Textual's Pilot.

    .venv/bin/python benchmarks/bench_lists.py [--archived 20000] [--waiting 10000]
        [--repeat 5]

The home is benchmarks/office_home.py's (`build_cached`: the demo office, --archived items
closed over the past year, --waiting fax requests at the Kasi's step), its clock frozen at
the home's anchor. Each screen is pushed --repeat times (after one warm-up) in one app, the
user signed in as the role that keeps it; the median is printed against two baselines in
the same run: the same model read without a limit (what an unpaged list read before drawing
a single row) and a bare Textual DataTable of 100 rows pushed the same way (the floor).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

SIZE = (80, 24)
TIMEOUT = 60.0  # seconds a screen may take to show its first rows


def cases(at: date) -> list[tuple]:
    """(figure, username, make the screen, table id, the unpaged model read)."""
    from model.books import agenda, ekspedisi
    from model.fax.queue_rows import fax_rows
    from model.org import User
    from model.reports import registers
    from model.workflow.inbox import waiting_for
    from tui.screens.books.agenda_book import AgendaBookScreen
    from tui.screens.books.ekspedisi import EkspedisiScreen
    from tui.screens.books.registers import AGENDA, AGENDA_IN, EKSPEDISI, FAX_LOG, BooksScreen
    from tui.screens.fax.disposition import DispositionScreen
    from tui.screens.home import HomeScreen

    kasi = User.get(User.username == "kasi")
    start, end = at - timedelta(days=366), at
    year = date(at.year, 1, 1), date(at.year, 12, 31)

    def books(book: str):
        def make():
            screen = BooksScreen(book=book)
            screen.start, screen.end = start, end
            return screen

        return make

    return [
        ("Pekerjaan saya (Kasi)", "kasi", HomeScreen, "#work", lambda: waiting_for(kasi)),
        (
            "Antrean disposisi (Kasi)",
            "kasi",
            DispositionScreen,
            "#queue",
            lambda: fax_rows(kasi, ("disposisi", "kembalikan")),
        ),
        (
            "Buku agenda berita keluar, setahun",
            "admin",
            books(AGENDA),
            "#book",
            lambda: registers.agenda_between(agenda.OUTGOING, start, end),
        ),
        (
            "Buku agenda surat masuk, setahun",
            "admin",
            books(AGENDA_IN),
            "#book",
            lambda: registers.agenda_between(agenda.INCOMING, start, end),
        ),
        (
            "Buku laporan harian fax, setahun",
            "admin",
            books(FAX_LOG),
            "#book",
            lambda: registers.fax_log_between(start, end),
        ),
        (
            "Buku ekspedisi (Buku-buku), setahun",
            "admin",
            books(EKSPEDISI),
            "#book",
            lambda: ekspedisi.between(start, end),
        ),
        (
            "Buku agenda berita keluar, tahun ini",
            "admin",
            AgendaBookScreen,
            "#book",
            lambda: agenda.book_entries(agenda.OUTGOING, at.year),
        ),
        (
            "Buku ekspedisi tahun ini",
            "admin",
            EkspedisiScreen,
            "#entries",
            lambda: ekspedisi.between(*year),
        ),
    ]


def bare_screen():
    """A screen with a Textual DataTable of 100 rows filled on mount (the baseline floor)."""
    from textual.screen import Screen
    from textual.widgets import DataTable

    class Bare(Screen):
        def compose(self):
            yield DataTable(id="bare", cursor_type="row")

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("No", "Perihal", "Derajat")
            for i in range(100):
                table.add_row(str(i), f"Perihal {i}", "Biasa")
            SHOWN.append(time.perf_counter())

    return Bare()


SHOWN: list[float] = []  # when a list showed rows (LiveTable.Loaded, a search shown…)


def hook() -> None:
    """Note the instant every list is shown: a LiveTable's rows, a book's search result, the
    ekspedisi book (read on mount)."""
    from tui.screens.books.ekspedisi import EkspedisiScreen
    from tui.widgets.live_table import LiveTable
    from tui.widgets.search import Search

    def after(method):
        def call(*args, **kwargs):
            result = method(*args, **kwargs)
            SHOWN.append(time.perf_counter())
            return result

        return call

    run = Search._run

    async def searched(self, *args):
        await run(self, *args)
        SHOWN.append(time.perf_counter())

    LiveTable.show_rows = after(LiveTable.show_rows)
    EkspedisiScreen.reload = after(EkspedisiScreen.reload)
    Search._run = searched


async def opened(pilot, make, selector: str) -> tuple[float, int]:
    """Seconds from pushing `make()` until its table shows its first rows, and how many."""
    app = pilot.app
    SHOWN.clear()
    started = time.perf_counter()
    screen = make()
    app.push_screen(screen)
    while not SHOWN:
        if time.perf_counter() - started > TIMEOUT:
            raise TimeoutError(f"{type(screen).__name__} showed no rows in {TIMEOUT:.0f} s")
        await asyncio.sleep(0.0002)
    took = SHOWN[0] - started
    rows = screen.query_one(selector).row_count
    app.pop_screen()
    await pilot.pause()
    return took, rows


def timed(call, repeat: int) -> tuple[float, int]:
    from model.db import db

    times, n = [], 0
    for _ in range(repeat):
        with db.connection_context():
            started = time.perf_counter()
            n = len(call())
            times.append(time.perf_counter() - started)
    return statistics.median(times), n


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def list_rows(home_path: Path, repeat: int = 5) -> list[tuple[str, str, str]]:
    """(figure, measured, baseline) for every list, on the home at `home_path`."""
    from office_home import anchor

    from model import base
    from model import home as home_mod
    from model.org import User
    from tui.app import WarkatApp

    cfg = home_mod.open_home(Path(home_path))
    at = anchor(Path(home_path))
    base.freeze(at)
    listed = cases(at.date())
    hook()
    out: list[tuple[str, str, str]] = []

    async def run() -> None:
        app = WarkatApp(cfg)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            floor = []
            for _ in range(repeat + 1):
                floor.append((await opened(pilot, bare_screen, "#bare"))[0])
            bare = statistics.median(floor[1:])
            for figure, username, make, selector, unpaged in listed:
                app.session.user = User.get(User.username == username)
                times = []
                for _ in range(repeat + 1):
                    took, rows = await opened(pilot, make, selector)
                    times.append(took)
                read, total = timed(unpaged, max(1, repeat // 2))
                out.append(
                    (
                        f"{figure}: {rows - 1 if rows > 100 else rows} of {total:,} rows",
                        ms(statistics.median(times[1:])),
                        f"reading every row {ms(read)}; bare DataTable of 100 rows {ms(bare)}",
                    )
                )

    asyncio.run(run())
    base.freeze(None)
    return out


def quick_home(path: Path, n: int = 10_000) -> Path:
    """A smaller stand-in for office_home's home, made in a minute: the demo office, `n` fax
    requests at the Kasi's step (model.workflow.transitions.create_item) and `n` lines in
    each book of this year, written straight into the book tables."""
    import json

    from model import base, demo
    from model.books import agenda, ekspedisi
    from model.db import db, write
    from model.fax.records import FaxLogEntry
    from model.home import create
    from model.org import User
    from model.sop import FAX, number
    from model.workflow.transitions import create_item

    at = base.now().replace(month=12, day=1, hour=9, minute=0, second=0, microsecond=0)
    base.freeze(at - timedelta(days=1))
    create(path)
    demo.seed(items=False)
    by = User.get(User.username == "pemakai")
    step = number(FAX, "disposisi")
    with write():
        ids = [
            create_item(FAX, by, f"Undangan rapat koordinasi ke-{i + 1}", step=step).id
            for i in range(n)
        ]
        for i in range(n):
            when = at - timedelta(days=330) + timedelta(minutes=45 * i)
            for book in (agenda.OUTGOING, agenda.INCOMING):
                agenda.AgendaEntry.create(
                    book=book,
                    year=at.year,
                    seq=i + 1,
                    number=f"000.1.1/{i + 1:05d}/2026",
                    perihal=f"Perihal {i + 1}",
                    party="Dinas Kominfo",
                    registered_at=when,
                )
            FaxLogEntry.create(
                at=when, item=ids[i], to_name="Dinas Kominfo", number="0355791234", ok=True
            )
            ekspedisi.EkspedisiEntry.create(
                year=at.year, seq=i + 1, at=when, to="Dinas Kominfo", perihal="Undangan"
            )
    base.freeze(None)
    db.obj.close()
    (path / "bench-home.json").write_text(json.dumps({"anchor": at.isoformat()}))
    return path


def main() -> int:
    import tempfile

    from office_home import build_cached

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archived", type=int, default=20_000)
    parser.add_argument("--waiting", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--quick", action="store_true", help="a stand-in home made in a minute (quick_home)"
    )
    args = parser.parse_args()
    if args.quick:
        home = quick_home(Path(tempfile.mkdtemp(prefix="warkat-lists-")) / "home", args.waiting)
        what = (
            f"quick home: {args.waiting:,} waiting for disposition, {args.waiting:,} rows per book"
        )
    else:
        home = build_cached(args.archived, args.waiting)
        what = f"{args.archived:,} archived, {args.waiting:,} waiting for disposition"
    rows = list_rows(home, args.repeat)
    print(f"\n{what}; 80×24.\n")
    print("| list | push the screen → first rows shown (median) | baseline |")
    print("|---|---|---|")
    for figure, measured, baseline in rows:
        print(f"| {figure} | {measured} | {baseline} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
