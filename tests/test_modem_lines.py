"""What the line did, and only that: pages cut short, a vanished modem, the final hangup report."""

import threading
import time

import pytest

from hw.modem import Class2Driver, hangup_message
from hw.modem import class2 as class2_module
from hw.modemsim import simulated_modem
from tests.modem_helpers import config, job_fixture, send  # noqa: F401  (fixture job)

ABORT = {"2.0": "AT+FKS", "2": "AT+FK"}
CUT = "Modem menghentikan halaman {page} sebelum datanya selesai terkirim (jawaban modem: {reply})"
DROPPED = "Sambungan terputus di tengah halaman"
EARLY_ENDS = {  # scenario -> (message, hangup code by class, how the call ends)
    "end_page_ok": (CUT.replace("{reply}", "OK"), {"2.0": "02", "2": "2"}, "abort"),
    "end_page_error": (CUT.replace("{reply}", "ERROR"), {"2.0": "02", "2": "2"}, "abort"),
    "end_page_no_carrier": (DROPPED, {"2.0": None, "2": None}, "hang up"),
    "end_page_hangup": (DROPPED, {"2.0": "40", "2": "40"}, "hang up"),
    "drop_mid_page": (DROPPED, {"2.0": "40", "2": "40"}, "hang up"),
    "end_page_can": (CUT.replace("{reply}", "CAN"), {"2.0": None, "2": None}, "abort"),
}


@pytest.mark.parametrize("fax_class", ["2.0", "2"])
@pytest.mark.parametrize("page", [1, 2])
@pytest.mark.parametrize("scenario", list(EARLY_ENDS))
def test_a_page_the_modem_ends_early_is_not_confirmed(job, scenario, page, fax_class):
    message, codes, ending = EARLY_ENDS[scenario]
    events = []
    with simulated_modem(f"{scenario}={page}", speedup=500, dial_delay=0.05) as sim:
        started = time.monotonic()
        result = send(sim, job[1], fax_class, events)
        elapsed = time.monotonic() - started
    assert not result.ok and result.retry_kind == "failure"
    assert result.reached_line and not result.vanished and not result.aborted
    assert result.message == message.format(page=page)
    assert result.page_results == [True] * (page - 1) + [False]
    assert result.pages_sent == page - 1 == len(sim.pages)
    assert result.hangup_code == codes[fax_class]
    assert ("page_result", page, False) in events and ("page", page + 1, 3) not in events
    # nothing said during page data answered a later command: no post-page exchange, no next page
    post_page = "AT+FET" if fax_class == "2" else "AT+FPS?"
    assert sim.commands.count("AT+FDT") == page
    assert sum(c.startswith(post_page) for c in sim.commands) == page - 1
    tail = [ABORT[fax_class], "ATH0"] if ending == "abort" else ["AT+FDT", "ATH0"]
    assert sim.commands[-2:] == tail
    limit = 4 if scenario == "end_page_can" else 2  # CAN: a silent modem, ATH0 tried twice
    assert elapsed < limit


def test_after_a_can_the_line_is_hung_up_once_the_modem_answers_again(job):
    with simulated_modem("end_page_can=1", speedup=500, silence=1.0) as sim:
        result = send(sim, job[1])
    assert result.page_results == [False]
    # AT+FKS and ATH0 went unheard during the silence; abort and ATH0 once more got OK
    assert sim.commands[-2:] == ["AT+FKS", "ATH0"]
    assert sim.commands.count("AT+FDT") == 1 and not sim.online


@pytest.mark.parametrize("fax_class", ["2.0", "2"])
@pytest.mark.parametrize("page", [1, 2])
def test_a_modem_that_vanishes_mid_page_is_a_result(job, page, fax_class):
    with simulated_modem(f"vanish_mid_page={page}", speedup=500, dial_delay=0.05) as sim:
        started = time.monotonic()
        result = send(sim, job[1], fax_class)
        elapsed = time.monotonic() - started
    assert result.vanished and result.reached_line and not result.ok
    assert result.message == f"Modem terlepas saat mengirim halaman {page}"
    assert result.retry_kind == "failure"
    assert result.page_results == [True] * (page - 1) + [False]
    assert result.pages_sent == page - 1 == len(sim.pages)
    assert elapsed < 2


@pytest.mark.parametrize("fax_class", ["2.0", "2"])
def test_a_late_final_hangup_report_is_waited_for(job, fax_class):
    with simulated_modem("late_hangup", speedup=500, late=0.5) as sim:
        result = send(sim, job[1], fax_class, page_timeout=2)
    assert result.ok and result.message == "Terkirim"
    assert result.page_results == [True] * 3 and result.pages_sent == 3
    assert result.hangup_code == ("00" if fax_class == "2.0" else "0")
    assert sim.commands[-1] == "ATH0" and ABORT[fax_class] not in sim.commands


@pytest.mark.parametrize("fax_class", ["2.0", "2"])
def test_no_final_hangup_report_leaves_the_last_page_unconfirmed(job, fax_class):
    report = "+FHS" if fax_class == "2.0" else "+FHNG"
    with simulated_modem("missing_hangup", speedup=500) as sim:
        started = time.monotonic()
        result = send(sim, job[1], fax_class, page_timeout=1)
        elapsed = time.monotonic() - started
    assert not result.ok and result.retry_kind == "failure"
    assert result.message == (
        f"Halaman terakhir tidak terkonfirmasi: modem tidak melaporkan akhir panggilan ({report})"
    )
    assert result.page_results == [True, True, False] and result.pages_sent == 2
    assert len(sim.pages) == 3  # the receiver has it; the modem never said so
    assert sim.commands[-2:] == [ABORT[fax_class], "ATH0"]
    assert 1 <= elapsed < 3


@pytest.mark.parametrize("fax_class", ["2.0", "2"])
def test_a_failed_final_hangup_report_leaves_the_last_page_unconfirmed(job, fax_class):
    with simulated_modem("bad_hangup", speedup=500, late=0.2) as sim:
        result = send(sim, job[1], fax_class, page_timeout=2)
    assert not result.ok and result.retry_kind == "failure"
    assert result.hangup_code == "50" and result.message == hangup_message("50")
    assert result.page_results == [True, True, False] and result.pages_sent == 2
    assert sim.commands[-1] == "ATH0"


@pytest.mark.parametrize("fax_class", ["2.0", "2"])
def test_operator_abort_mid_page_cancels_the_page_data(job, fax_class):
    abort, starts = threading.Event(), []

    def trace(direction, text):
        if (direction, text) == (">", "AT+FDT"):
            starts.append(threading.Timer(0.3, abort.set))
            starts[-1].start()

    with simulated_modem("ok", speedup=10, xonxoff=True) as sim:  # keeps the host in step
        driver = Class2Driver(config(sim.path, fax_class, flow="xonxoff"), trace=trace)
        started = time.monotonic()
        result = driver.send("021", job[1], abort_event=abort)
        elapsed = time.monotonic() - started
    assert result.aborted and not result.ok and result.retry_kind is None
    assert result.message == "Pengiriman dihentikan sebelum selesai"
    assert result.page_results == [False] and sim.pages == []
    assert result.hangup_code == ("02" if fax_class == "2.0" else "2")
    # Class 2.0: <CAN> cancels and the modem ends the session itself; Class 2: <DLE><ETX>, AT+FK
    tail = ["AT+FDT", "ATH0"] if fax_class == "2.0" else ["AT+FDT", "AT+FK", "ATH0"]
    assert sim.commands[-len(tail) :] == tail
    assert elapsed < 2


def test_pages_are_prepared_before_the_call(job, monkeypatch):
    order = []
    stuff = class2_module.dle_stuff
    monkeypatch.setattr(
        class2_module, "dle_stuff", lambda data: order.append("prepare") or stuff(data)
    )
    with simulated_modem("ok", speedup=500) as sim:
        driver = Class2Driver(config(sim.path), trace=lambda d, text: order.append(text))
        assert driver.send("021", job[1]).ok
    assert order[:3] == ["prepare"] * 3 and order.count("prepare") == 3
