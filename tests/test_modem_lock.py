"""One modem, one user at a time, across programs: UUCP-style LCK.. files."""

import os
import subprocess
import sys
import threading
import time

import pytest

from hw.faxcli import modem_info, send_test
from hw.modem import Class2Driver, DeviceLock, ModemError
from hw.modem.lock import holder, lock_name
from hw.modemsim import simulated_modem
from tests.modem_helpers import config, job_fixture  # noqa: F401  (fixture job)


@pytest.fixture
def process():
    """Start a long-running process with the given argv; yields a starter, kills them after."""
    started = []

    def start(*argv):
        started.append(subprocess.Popen(argv))
        return started[-1].pid

    yield start
    for proc in started:
        proc.kill()
        proc.wait()


def write_lock(folder, device, content):
    path = folder / lock_name(device)
    path.write_text(content)
    return path


def test_lock_names_follow_the_uucp_convention(tmp_path):
    assert lock_name("/dev/ttyUSB0") == "LCK..ttyUSB0"
    assert lock_name("/dev/pts/5") == "LCK..pts_5"
    link = tmp_path / "usb-Warkat_SimModem-if00"
    with simulated_modem("ok") as sim:
        link.symlink_to(sim.path)
        assert (
            lock_name(str(link)) == lock_name(sim.path) == "LCK.." + sim.path[5:].replace("/", "_")
        )


def test_the_lock_file_holds_our_pid_in_hdb_format_and_goes_away(tmp_path):
    with DeviceLock("/dev/ttyS7", str(tmp_path)) as lock:
        assert lock.path == tmp_path / "LCK..ttyS7"
        assert lock.path.read_text() == f"{os.getpid():>10}\n"
        assert [p.name for p in tmp_path.iterdir()] == ["LCK..ttyS7"]  # no temp files left
    assert list(tmp_path.iterdir()) == []


def test_a_live_other_program_blocks_send_and_identify(job, tmp_path, process):
    pid = process("sleep", "30")
    with simulated_modem("ok", speedup=500) as sim:
        lock = write_lock(tmp_path, sim.path, f"{pid:>10}\n")
        result = Class2Driver(config(sim.path, lock_dir=str(tmp_path))).send("021", job[1])
        with pytest.raises(ModemError) as error:
            Class2Driver(config(sim.path, lock_dir=str(tmp_path))).identify()
        assert sim.commands == []  # the port was never touched
    assert not result.ok and not result.reached_line
    assert result.message == error.value.message == f"Modem sedang dipakai (sleep, pid {pid})"
    assert lock.read_text() == f"{pid:>10}\n"  # not ours to remove


def test_a_symlink_and_its_target_share_one_lock(job, tmp_path, process):
    pid = process("sleep", "30")
    link = tmp_path / "usb-Warkat_SimModem-if00"
    with simulated_modem("ok", speedup=500) as sim:
        link.symlink_to(sim.path)
        write_lock(tmp_path, sim.path, f"{pid:>10}\n")
        result = Class2Driver(config(str(link), lock_dir=str(tmp_path))).send("021", job[1])
    assert result.message == f"Modem sedang dipakai (sleep, pid {pid})"


@pytest.mark.parametrize(
    "argv, who",
    [
        (("tui.cli", "--home", "/srv/kantor", "daemon"), "daemon"),
        (("warkat", "fax", "send-test", "--device", "/dev/ttyACM0"), "warkat fax send-test"),
        (("warkat", "fax", "modem-info", "--device", "/dev/ttyACM0"), "warkat fax modem-info"),
    ],
)
def test_the_holder_is_named_as_the_operator_knows_it(process, argv, who):
    pid = process(sys.executable, "-c", "import time; time.sleep(30)", *argv)
    time.sleep(0.1)  # let exec finish so /proc shows the new command line
    assert holder(pid) == who


def test_cli_helpers_report_a_locked_modem_exactly(tmp_path, process):
    pid = process(sys.executable, "-c", "import time; time.sleep(30)", "tui.cli", "daemon")
    time.sleep(0.1)
    with simulated_modem("ok", speedup=500) as sim:
        write_lock(tmp_path, sim.path, f"{pid:>10}\n")
        ok, line = send_test(sim.path, "021", config=config(sim.path, lock_dir=str(tmp_path)))
        with pytest.raises(ModemError) as error:
            modem_info(sim.path, config(sim.path, lock_dir=str(tmp_path)))
    assert (ok, line) == (False, f"Modem sedang dipakai (daemon, pid {pid})")
    assert error.value.message == line


def test_a_stale_lock_is_taken_over_and_removed_after_the_call(job, tmp_path):
    gone = subprocess.Popen(["true"])
    gone.wait()  # finished and reaped: its pid is free
    with simulated_modem("ok", speedup=500) as sim:
        lock = write_lock(tmp_path, sim.path, f"{gone.pid:>10}\n")
        result = Class2Driver(config(sim.path, lock_dir=str(tmp_path))).send("021", job[1][:1])
    assert result.ok and not lock.exists()


def test_an_old_garbage_lock_is_taken_over_but_a_fresh_one_is_respected(tmp_path):
    lock = write_lock(tmp_path, "/dev/ttyS9", "garbage")
    with pytest.raises(ModemError, match="^Modem sedang dipakai program lain"):
        DeviceLock("/dev/ttyS9", str(tmp_path)).__enter__()
    os.utime(lock, (time.time() - 60, time.time() - 60))
    with DeviceLock("/dev/ttyS9", str(tmp_path)):
        assert lock.read_text() == f"{os.getpid():>10}\n"
    assert not lock.exists()


def test_the_lock_is_released_after_failed_calls_and_identify(job, tmp_path):
    with simulated_modem("busy", speedup=500, dial_delay=0.05) as sim:
        driver = Class2Driver(config(sim.path, lock_dir=str(tmp_path)))
        assert driver.send("021", job[1]).message == "Saluran sibuk"
        assert list(tmp_path.iterdir()) == []
        assert driver.identify().manufacturer == "Warkat"
    assert list(tmp_path.iterdir()) == []


def test_a_missing_or_unusable_lock_folder_is_named(job, tmp_path):
    for folder in (tmp_path / "tidak-ada", tmp_path / "berkas"):
        (tmp_path / "berkas").touch()
        result = Class2Driver(config("/dev/ttyS9", lock_dir=str(folder))).send("021", job[1])
        assert not result.reached_line
        assert result.message == (
            "Modem tidak tersedia: kunci port /dev/ttyS9 tidak dapat "
            f"dibuat: folder {folder} tidak ada atau tidak dapat ditulisi"
        )


def test_two_drivers_on_one_modem_never_interleave(job, tmp_path):
    results, busy = {}, threading.Event()

    def first():
        driver = Class2Driver(config(sim.path, lock_dir=str(tmp_path)))
        results["first"] = driver.send("021", job[1], lambda *event: busy.set())

    with simulated_modem("ok", speedup=50) as sim:
        thread = threading.Thread(target=first)
        thread.start()
        assert busy.wait(5)
        second = Class2Driver(config(sim.path, lock_dir=str(tmp_path)))
        results["second"] = second.send("021", job[1])
        with pytest.raises(ModemError, match="^Modem sedang dipakai"):
            second.identify()
        thread.join()
    assert results["first"].ok and len(sim.pages) == 3
    assert not results["second"].reached_line
    assert results["second"].message == (
        f"Modem sedang dipakai ({holder(os.getpid())}, pid {os.getpid()})"
    )
    assert sim.commands.count("ATZ") == 1 and sim.commands[-1] == "ATH0"
    assert list(tmp_path.iterdir()) == []
