"""The Class 2.0 / Class 2 driver against the modem simulator on a pseudo-terminal."""

import threading
import time
from datetime import datetime

import pytest

from hw.faxcli import modem_info, send_test
from hw.faxpage import FaxDocument, render_pages
from hw.modem import Class2Driver, ModemError, SessionParams, hangup_message
from hw.modem.codes import hangup_retry_kind
from hw.modemsim import simulated_modem
from hw.t4 import encode_page
from tests.modem_helpers import config, job_fixture, send  # noqa: F401  (fixture job)


@pytest.mark.parametrize("fax_class", ["2.0", "2"])
def test_three_page_job_arrives_pixel_identical(job, tmp_path, fax_class):
    images, pages = job
    events = []
    with simulated_modem("ok", tmp_path, speedup=500) as sim:
        result = send(sim, pages, fax_class, events)
    assert result.ok and result.message == "Terkirim"
    assert (result.pages_sent, result.pages_total, result.page_results) == (3, 3, [True] * 3)
    assert result.remote_id == "+62 21 555 0101" and result.bit_rate == 14400
    assert result.resolution == "standard" and result.retry_kind is None
    assert result.duration > 0
    assert [p.tobytes() for p in sim.pages] == [i.tobytes() for i in images]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"page-00{n}.png" for n in (1, 2, 3)]
    assert events[:2] == [("dialing",), ("connected", "+62 21 555 0101")]
    assert ("page", 3, 3) in events and ("page_result", 3, True) in events
    dialect = {
        "2.0": ("AT+FCC=0,5,0,2,0,0,0,0", 'AT+FLI="+62 21 555 0100"', "AT+FBO=0"),
        "2": ("AT+FDCC=0,5,0,2,0,0,0,0", 'AT+FLID="+62 21 555 0100"', "AT+FBOR=0"),
    }
    assert set(dialect[fax_class]) <= set(sim.commands)
    assert sim.commands[-1] == "ATH0"
    if fax_class == "2":
        assert [c for c in sim.commands if c.startswith("AT+FET")] == ["AT+FET=0"] * 2 + [
            "AT+FET=2"
        ]


def test_fine_pages_msb_first_order(tmp_path):
    doc = FaxDocument("X", [], "Resolusi halus", "1", datetime(2025, 1, 1), fine=True)
    image = render_pages(doc)[0]
    with simulated_modem("ok", speedup=500) as sim:
        driver = Class2Driver(config(sim.path, lsb_first=False))
        result = driver.send("021", [encode_page(image)], fine=True)
    assert result.ok and result.resolution == "fine"
    assert "AT+FBO=1" in sim.commands and "AT+FCC=1,5,0,2,0,0,0,0" in sim.commands
    assert sim.pages[0].tobytes() == image.tobytes()


@pytest.mark.parametrize(
    ("scenario", "message", "retry_kind"),
    [
        ("busy", "Saluran sibuk", "busy"),
        ("no_answer", "Tidak ada jawaban", "no_answer"),
        ("no_carrier", "Tidak ada nada pembawa (no carrier)", "failure"),
        ("no_dialtone", "Tidak ada nada pilih — periksa kabel telepon", "failure"),
        ("data_modem", "Tujuan bukan mesin faks (dijawab tanpa nada faks)", "failure"),
    ],
)
def test_call_failures(job, scenario, message, retry_kind):
    with simulated_modem(scenario, speedup=500, dial_delay=0.05) as sim:
        result = send(sim, job[1])
    assert not result.ok and result.pages_sent == 0
    assert (result.message, result.retry_kind) == (message, retry_kind)
    assert sim.commands[-1] == "ATH0"


@pytest.mark.parametrize("fax_class", ["2.0", "2"])
def test_rtn_on_page_two_is_not_sent(job, fax_class):
    events = []
    with simulated_modem("rtn_on_page=2", speedup=500) as sim:
        result = send(sim, job[1], fax_class, events)
    assert not result.ok and result.retry_kind == "failure"
    assert result.message == "Halaman ditolak penerima (RTN)"
    assert result.page_results == [True, False] and result.pages_sent == 1
    assert events.count(("page", 2, 3)) == 2  # one resend after the first RTN
    assert len(sim.pages) == 1
    assert sim.commands[-2:] == (["AT+FKS", "ATH0"] if fax_class == "2.0" else ["AT+FK", "ATH0"])


@pytest.mark.parametrize("fax_class", ["2.0", "2"])
def test_line_drop_mid_page(job, fax_class):
    with simulated_modem("drop_mid_page=2", speedup=500) as sim:
        result = send(sim, job[1], fax_class)
    assert not result.ok
    assert result.message == "Sambungan terputus di tengah halaman"
    assert result.page_results == [True, False] and result.hangup_code == "40"
    assert sim.commands[-1] == "ATH0"


def test_silent_modem_times_out_in_indonesian(job):
    with simulated_modem("silent") as sim:
        started = time.monotonic()
        result = send(sim, job[1])
        with pytest.raises(
            ModemError, match="^Modem tidak tersedia: .* tidak menjawab perintah AT"
        ):
            Class2Driver(config(sim.path)).identify()
    assert time.monotonic() - started < 6
    assert not result.ok and result.retry_kind == "failure" and not result.reached_line
    assert result.message == (
        f"Modem tidak tersedia: modem di {sim.path} tidak menjawab "
        "perintah AT — periksa kabel dan port"
    )
    assert sim.commands == []  # silent: it never took a command


def test_garbage_from_modem(job):
    with simulated_modem("garbage") as sim:
        result = send(sim, job[1])
        with pytest.raises(ModemError, match="tidak dapat dibaca"):
            modem_info(sim.path, config(sim.path))
    assert not result.ok and not result.reached_line
    assert result.message == (
        f"Modem tidak tersedia: jawaban modem di {sim.path} tidak dapat "
        "dibaca — periksa kecepatan port dan kabel"
    )


def test_abort_while_dialling_sends_can(job):
    abort = threading.Event()
    events = []

    def on_event(*event):
        events.append(event)
        if event == ("dialing",):
            abort.set()

    with simulated_modem("ok", speedup=500, dial_delay=1.0) as sim:
        started = time.monotonic()
        result = Class2Driver(config(sim.path)).send("021", job[1], on_event, abort)
    assert time.monotonic() - started < 1.5
    assert result.aborted and not result.ok and result.retry_kind is None
    assert result.message == "Pengiriman dihentikan sebelum selesai"
    assert result.hangup_code == "02" and sim.pages == []


def test_abort_between_pages(job):
    abort = threading.Event()

    def on_event(*event):
        if event == ("page_result", 1, True):
            abort.set()

    with simulated_modem("ok", speedup=500) as sim:
        result = Class2Driver(config(sim.path)).send("021", job[1], on_event, abort)
    assert result.aborted and result.pages_sent == 1 and not result.ok
    assert sim.commands[-2:] == ["AT+FKS", "ATH0"]


def test_xon_xoff_flow_control_is_honoured(job):
    images, pages = job
    with simulated_modem("ok", speedup=30, xonxoff=True) as sim:
        result = send(sim, pages[:1], flow="xonxoff")
    assert result.ok and sim.xoff_count > 0
    assert sim.pages[0].tobytes() == images[0].tobytes()
    assert "AT+FLO=1" in sim.commands


def test_missing_port_is_reported():
    result = Class2Driver(config("/dev/does-not-exist")).send("021", [b"\x00"])
    assert not result.ok and not result.reached_line
    assert result.message == (
        "Modem tidak tersedia: port /dev/does-not-exist tidak ada (kabel USB tercabut?)"
    )


def test_cli_helpers(tmp_path):
    with simulated_modem("ok", tmp_path, speedup=500) as sim:
        info = modem_info(sim.path, config(sim.path))
        ok, line = send_test(sim.path, "0215550101", config=config(sim.path))
    assert ok
    assert "Pabrikan: Warkat" in info and "Kelas faks: 0, 1, 2, 2.0" in info
    assert line.startswith("Terkirim 1/1 halaman ke 0215550101")
    assert len(sim.pages) == 1


def test_codes_and_params():
    assert hangup_message("00") == "Selesai normal"
    assert hangup_message("41") == "Sambungan terputus di tengah halaman"  # phase fallback
    assert hangup_message("A1") == "Jawaban tidak sah saat menerima (fase D)"
    assert (hangup_retry_kind("0"), hangup_retry_kind("11"), hangup_retry_kind("50")) == (
        None,
        "no_answer",
        "failure",
    )
    params = SessionParams.parse("1,3,0,2,0,0,0,0")
    assert params.fine and params.bit_rate == 9600
