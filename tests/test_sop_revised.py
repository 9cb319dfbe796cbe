"""A revised SOP: a step inserted in model/sop.py renumbers the procedure, and every rule,
queue, report and screen follows the action codes instead of breaking silently."""

from __future__ import annotations

import pytest

from model.books.agenda import DEFAULT_PATTERN
from model.errors import Conflict
from model.fax import flow as fax_flow
from model.fax import jobs as fax_jobs
from model.fax.records import request_of
from model.reports.compliance import monthly
from model.roles import ADMIN_UMUM
from model.sop import DONE, FAX, PROCEDURES, Action, Procedure, Step, number
from model.workflow.inbox import waiting_for
from model.workflow.items import WorkItem
from model.workflow.transitions import transition
from tests.conftest import user
from tests.fax_helpers import at_step
from tests.tui_helpers import make_app, sign_in
from tui import nav
from tui.screens.fax.agenda import AgendaScreen
from tui.screens.step import StepScreen
from tui.widgets.plain import DataTable, OptionList

CHECK = Step(
    "Memeriksa kelengkapan nota dinas sebelum diagendakan",
    (ADMIN_UMUM,),
    5,
    "Nota dinas yang sudah didisposisi",
    "Nota dinas lengkap",
    (Action("periksa", "Lengkap"), Action("tolak", "Kembalikan ke Kasi", to="disposisi")),
)


@pytest.fixture
def revised(monkeypatch):
    """The fax procedure with CHECK between the disposition and the agenda."""
    fax = PROCEDURES[FAX]
    at = [s.number for s in fax.steps].index(number(FAX, "agendakan"))
    written = (*fax.written[:at], CHECK, *fax.written[at:])
    monkeypatch.setitem(PROCEDURES, FAX, Procedure(fax.code, fax.name, fax.short, written))
    return PROCEDURES[FAX]


def test_the_inserted_step_is_numbered_and_the_later_ones_move(revised):
    assert [s.number for s in revised.steps] == list(range(1, 9))
    assert revised.step(3).name == CHECK.name
    assert revised.step_of("disposisi").action("disposisi").to == 3
    assert revised.step(3).action("tolak").to == 2
    assert number(FAX, "agendakan") == 4 and number(FAX, "arsipkan") == 8
    assert revised.step_of("arsipkan").action("arsipkan").to == DONE


def test_one_action_code_on_two_steps_is_refused():
    fax = PROCEDURES[FAX]
    with pytest.raises(ValueError, match="ajukan"):
        Procedure(fax.code, fax.name, fax.short, (*fax.written, fax.written[0]))


def test_the_whole_fax_path_runs_through_the_inserted_step(office, revised):
    item_id = at_step(3)  # submitted and disposed: now at the inserted step
    admin = user("admin")
    assert WorkItem.get_by_id(item_id).step == 3
    assert item_id in [r.item.id for r in waiting_for(admin, FAX) if r.step.action("periksa")]
    with pytest.raises(Conflict, match="bukan langkah 4"):
        fax_flow.register(admin, item_id, DEFAULT_PATTERN, "406.020")
    transition(item_id, admin, "periksa", note="Lengkap")
    fax_flow.register(admin, item_id, DEFAULT_PATTERN, "406.020")
    fax_flow.handover(admin, item_id)
    operator = user("operator")
    for dest in request_of(item_id).destinations:
        fax_jobs.record_manual(
            operator,
            item_id,
            dest.id,
            remote_id=dest.number,
            pages=1,
            ok=True,
            at=WorkItem.get_by_id(item_id).step_entered_at,
        )
    assert fax_jobs.mark_sent(operator, item_id).step == 7
    assert fax_jobs.hand_back(operator, item_id).step == 8
    assert fax_flow.archive(admin, item_id).step == DONE
    item = WorkItem.get_by_id(item_id)
    steps = [(log.from_step, log.action) for log in item.log.order_by(item.log.model.id)]
    assert (3, "periksa") in steps and (4, "agendakan") in steps
    fax_rows = [r for r in monthly(item.closed_at.year, item.closed_at.month) if r.procedure == FAX]
    assert [r.step for r in fax_rows] == list(range(1, 9)) and fax_rows[2].activity == CHECK.name


async def test_the_inserted_step_opens_the_generic_step_screen(office, revised):
    item_id = at_step(3)
    assert isinstance(nav.screen_for_step(FAX, 3, item_id), StepScreen)
    app = make_app(office)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "admin")
        await pilot.pause()
        app.push_screen(nav.screen_for_step(FAX, 3, item_id))
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        options = app.screen.query_one("#step-actions", OptionList)
        assert [
            str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
        ] == ["Lengkap → langkah 4", "Kembalikan ke Kasi → langkah 2"]
        await pilot.press("enter")
        await pilot.pause()
        assert WorkItem.get_by_id(item_id).step == 4
        assert not isinstance(app.screen, StepScreen)
        app.push_screen(AgendaScreen(item_id=item_id))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#agendakan", DataTable)
        assert str(item_id) in [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        titles = " ".join(str(s.render()) for s in app.screen.query(".section-title"))
        assert "langkah 4" in titles and "langkah 5" in titles
