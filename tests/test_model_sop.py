"""The SOP table: complete, consistent, and as the customer's document says."""

from model.roles import ALL
from model.sop import DONE, EMAIL_IN, EMAIL_OUT, FAX, PROCEDURES


def test_three_procedures_with_the_sop_step_counts():
    assert {code: len(p.steps) for code, p in PROCEDURES.items()} == {
        FAX: 7,
        EMAIL_IN: 8,
        EMAIL_OUT: 5,
    }


def test_mutu_baku_minutes_match_the_document():
    assert [s.minutes for s in PROCEDURES[FAX].steps] == [10, 10, 10, 5, 30, 5, 10]
    assert [s.minutes for s in PROCEDURES[EMAIL_IN].steps] == [None, 5, 5, 5, 5, 5, None, None]
    assert [s.minutes for s in PROCEDURES[EMAIL_OUT].steps] == [5, 5, 5, 5, 5]


def test_every_action_leads_to_a_real_step_or_done():
    for proc in PROCEDURES.values():
        numbers = {s.number for s in proc.steps}
        for step in proc.steps:
            assert step.actions, f"{proc.code} {step.number} has no way out"
            for action in step.actions:
                assert action.to in numbers | {DONE}
            assert set(step.roles) <= set(ALL)


def test_incoming_mail_branches_at_step_2_to_print_forward_or_set_aside():
    targets = {a.code: a.to for a in PROCEDURES[EMAIL_IN].step(2).actions}
    assert targets == {"cetak": 3, "tanpa_cetak": 6, "sisihkan": DONE}


def test_returns_lead_back_to_the_first_step():
    assert PROCEDURES[FAX].step(2).action("kembalikan").to == 1
    assert PROCEDURES[EMAIL_OUT].step(2).action("revisi").to == 1


def test_operator_acts_on_sending_and_handing_back():
    acts = [
        (p.code, s.number) for p in PROCEDURES.values() for s in p.steps if "operator" in s.roles
    ]
    assert acts == [(FAX, 5), (FAX, 6)]
