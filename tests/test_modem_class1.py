"""The Class 1 driver against a real far end: a SpanDSP T.31 modem and T.30 receiver."""

import threading
from datetime import datetime

import pytest
from PIL import ImageChops

from hw.faxcli import modem_info, send_test
from hw.faxpage import FaxDocument, render_pages
from hw.modem import AutoDriver, Class1Driver, Class2Driver, ModemConfig, driver_for
from hw.modem.t30 import SPEEDS
from hw.modemsim import simulated_modem
from hw.t4 import decode_rows, encode_page
from tests.farend_helpers import FarEnd
from tests.modem_helpers import BODY, LOCKS, job_fixture  # noqa: F401  (fixture job)

NUMBER = "0355000000"
FAR_ID = "+62 355 000000"


def class1_config(device, **overrides):
    values = dict(
        fax_class="1",
        at_timeout=3,
        dial_timeout=20,
        page_timeout=20,
        local_id="+62 355 791234",
        lock_dir=LOCKS.name,
    )
    values.update(overrides)
    return ModemConfig(device, **values)


def send(far, pages, fine=False, events=None, commands=None, abort=None, **overrides):
    def trace(direction, text):
        if direction == ">" and commands is not None:
            commands.append(text)

    driver = Class1Driver(class1_config(far.device, **overrides), trace)
    callback = (lambda *event: events.append(event)) if events is not None else None
    return driver.send(NUMBER, pages, callback, abort, fine=fine)


def trainings(commands):
    """The +FTM modulation codes the driver used, in order."""
    return [c for c in commands if c.startswith("AT+FTM=") and c[-1].isdigit()]


def assert_received(far, images):
    """The far end's TIFF holds exactly the rendered pages, pixel for pixel."""
    received = far.pages()
    assert len(received) == len(images)
    for got, want in zip(received, images, strict=True):
        assert got.size == want.size
        assert ImageChops.difference(got.convert("L"), want.convert("L")).getbbox() is None


@pytest.fixture(scope="module", name="fine_job")
def fine_job_fixture():
    doc = FaxDocument("DISKOMINFO", ["UJI"], BODY, "1", datetime(2025, 1, 1), fine=True)
    images = render_pages(doc)
    assert len(images) == 3 and images[0].height > 2000
    return images, [encode_page(image) for image in images]


@pytest.mark.parametrize("count", [1, 3])
def test_standard_pages_arrive_pixel_identical_at_14400(job, tmp_path, count):
    images, pages = job[0][:count], job[1][:count]
    events, commands = [], []
    with FarEnd(tmp_path) as far:
        result = send(far, pages, events=events, commands=commands)
        code, received, _ = far.result()
        assert_received(far, images)
    assert result.ok and result.message == "Terkirim" and result.hangup_code is None
    assert (result.pages_sent, result.page_results) == (count, [True] * count)
    assert (result.remote_id, result.bit_rate, result.resolution) == (FAR_ID, 14400, "standard")
    assert (code, received) == (0, count)
    assert events[:2] == [("dialing",), ("connected", FAR_ID)]
    assert (("page", count, count) in events) and events[-2:] == [
        ("page_result", count, True),
        ("hangup", ""),
    ]
    assert commands[:3] == ["ATZ", "ATE0", "AT+FCLASS=1"] and commands[-1] == "ATH0"
    assert "AT+FTM=145" in commands and commands.count("AT+FTM=146") == count


@pytest.mark.parametrize("count", [1, 3])
def test_fine_pages_arrive_pixel_identical(fine_job, tmp_path, count):
    images, pages = fine_job[0][:count], fine_job[1][:count]
    with FarEnd(tmp_path) as far:
        result = send(far, pages, fine=True)
        assert far.result()[:2] == (0, count)
        assert_received(far, images)
    assert result.ok and result.resolution == "fine" and result.bit_rate == 14400
    assert result.page_results == [True] * count


def test_page_data_has_minimum_scan_time_fill_and_halves_fine_for_standard(fine_job):
    image, page = fine_job[0][0], fine_job[1][0]
    driver = Class1Driver(class1_config("/dev/null"))
    driver._fine, driver._scan_ms = True, 10
    data = driver._page_data(page, True, SPEEDS[0]).replace(b"\x10\x10", b"\x10")
    assert decode_rows(data, lsb_first=True) == decode_rows(page)
    assert len(data) >= image.height * 144 // 8  # 10 ms at 14400 bit/s: 144 bits a line
    driver._fine, driver._scan_ms = False, 0
    data = driver._page_data(page, True, SPEEDS[0]).replace(b"\x10\x10", b"\x10")
    assert decode_rows(data, lsb_first=True) == decode_rows(page)[::2]


@pytest.mark.parametrize(
    ("modems", "rate", "code"), [("v29,v27ter", 9600, 96), ("v27ter", 4800, 48)]
)
def test_the_far_ends_modulations_set_the_speed(job, tmp_path, modems, rate, code):
    commands = []
    with FarEnd(tmp_path, modems=modems) as far:
        result = send(far, job[1][:1], commands=commands)
        assert far.result()[:2] == (0, 1)
        assert_received(far, job[0][:1])
    assert result.ok and result.bit_rate == rate
    assert trainings(commands) == [f"AT+FTM={code}"] * 2


def test_a_failed_training_falls_back_one_step_and_delivers(job, tmp_path):
    commands = []
    with FarEnd(tmp_path, fail_training=1) as far:
        result = send(far, job[1][:1], commands=commands)
        assert far.result()[:2] == (0, 1)
        assert_received(far, job[0][:1])
    assert result.ok and result.bit_rate == 12000
    assert trainings(commands) == ["AT+FTM=145", "AT+FTM=121", "AT+FTM=122"]


def test_training_failing_at_every_speed_ends_the_call(job, tmp_path):
    commands = []
    with FarEnd(tmp_path, fail_training=20) as far:
        result = send(far, job[1][:1], commands=commands, max_bit_rate=7200)
        assert far.result()[1] == 0
    assert not result.ok and result.reached_line
    assert result.message.startswith("Pelatihan modem gagal di semua kecepatan")
    assert (result.retry_kind, result.hangup_code, result.pages_sent) == ("failure", "FTT", 0)
    assert trainings(commands) == ["AT+FTM=73", "AT+FTM=72", "AT+FTM=48", "AT+FTM=24"]
    assert commands[-2:] == ["AT+FTH=3", "ATH0"]  # DCN, then on-hook


@pytest.mark.parametrize(
    ("option", "message", "retry_kind"),
    [("busy", "Saluran sibuk", "busy"), ("no_answer", "Tidak ada jawaban", "no_answer")],
)
def test_busy_and_no_answer_are_retried_by_kind(job, tmp_path, option, message, retry_kind):
    with FarEnd(tmp_path, **{option: True}) as far:
        result = send(far, job[1][:1])
    assert not result.ok and result.reached_line
    assert (result.message, result.retry_kind, result.pages_sent) == (message, retry_kind, 0)


def test_a_hang_up_mid_page_leaves_that_page_unconfirmed(job, tmp_path):
    with FarEnd(tmp_path, hangup_mid_page=2) as far:
        result = send(far, job[1])
        assert far.result()[1] <= 1
    assert not result.ok and result.retry_kind == "failure"
    assert (result.pages_sent, result.page_results) == (1, [True, False])
    assert "halaman 2" in result.message


def test_a_receiver_dropping_the_line_after_the_last_mcf_has_the_page(job, tmp_path):
    with FarEnd(tmp_path, hangup_after_pages=1) as far:
        result = send(far, job[1][:1])
        assert far.result()[:2] == (0, 1)
    assert result.ok and result.page_results == [True] and result.message == "Terkirim"


def test_the_abort_event_stops_the_call(job, tmp_path):
    abort, events, commands = threading.Event(), [], []

    def progress(*event):
        events.append(event)
        if event == ("page", 2, 3):
            abort.set()

    with FarEnd(tmp_path) as far:
        driver = Class1Driver(class1_config(far.device), lambda d, t: commands.append((d, t)))
        result = driver.send(NUMBER, job[1], progress, abort)
        assert far.result()[1] <= 2
    assert result.aborted and not result.ok and result.retry_kind is None
    assert result.message == "Pengiriman dihentikan sebelum selesai"
    assert result.pages_sent == 1 and result.page_results[0]
    sent = [text for direction, text in commands if direction == ">"]
    assert sent[-2:] == ["AT+FTH=3", "ATH0"]  # DCN, then on-hook


def test_auto_picks_class_1_on_the_far_end_and_sends(tmp_path):
    with FarEnd(tmp_path) as far:
        config = class1_config(far.device, fax_class="auto")
        chosen = driver_for(config).resolve()
        assert isinstance(chosen, Class1Driver) and chosen.config.fax_class == "1.0"
        assert "Kelas faks dipakai (auto): 1.0" in modem_info(far.device, config)
        sent, line = send_test(far.device, NUMBER, config=config)
        assert far.result()[:2] == (0, 1)
    assert sent and line.startswith("Terkirim 1/1 halaman") and FAR_ID in line


def test_auto_picks_class_2_0_on_the_class_2_simulator():
    with simulated_modem("ok", speedup=500) as sim:
        driver = driver_for(ModemConfig(sim.path, fax_class="auto", lock_dir=LOCKS.name))
        assert isinstance(driver, AutoDriver)
        chosen = driver.resolve()
    assert isinstance(chosen, Class2Driver) and chosen.config.fax_class == "2.0"


def test_explicit_classes_pick_their_driver():
    assert isinstance(driver_for(ModemConfig("/dev/null", fax_class="1.0")), Class1Driver)
    assert isinstance(driver_for(ModemConfig("/dev/null", fax_class="2")), Class2Driver)


def test_one_far_end_answers_call_after_call(job, tmp_path):
    """calls=0: the modem the demo uses answers every call, each call's pages in its own TIFF."""
    images, pages = job
    with FarEnd(tmp_path, calls=0) as far:
        first = send(far, pages[:1])
        second = send(far, pages[:2])
        assert far.result(call=1)[:2] == (0, 1) and far.result(call=2)[:2] == (0, 2)
        assert len(far.pages(call=1)) == 1
        got = far.pages(call=2)
    assert first.ok and second.ok
    assert [
        ImageChops.difference(g.convert("L"), w.convert("L")).getbbox()
        for g, w in zip(got, images[:2], strict=True)
    ] == [None, None]
