"""`warkat fax|print|report|mail` as an office administrator runs them."""

import subprocess
import sys

from hw.modemsim import simulated_modem
from tests.cli_helpers import warkat


def test_fax_send_test_and_modem_info_against_the_simulator(tmp_path):
    home = tmp_path / "kantor"
    warkat(home, "init")
    with simulated_modem("ok", out_dir=tmp_path / "terima", speedup=500) as sim:
        info = warkat(home, "fax", "modem-info", "--device", sim.path)
        sent = warkat(home, "fax", "send-test", "--device", sim.path, "--number", "0355-791234")
    assert info.returncode == 0 and "2.0" in info.stdout
    assert sent.returncode == 0 and len(sent.stdout.strip().splitlines()) == 1, sent.stderr
    assert list((tmp_path / "terima").glob("*.png"))


def test_fax_send_test_refuses_a_bad_number_and_a_silent_port(tmp_path):
    home = tmp_path / "kantor"
    warkat(home, "init")
    bad = warkat(home, "fax", "send-test", "--device", "/dev/null", "--number", "12")
    assert bad.returncode == 1 and "kode wilayah" in bad.stderr and "Traceback" not in bad.stderr
    with simulated_modem("silent", speedup=500) as sim:
        silent = warkat(home, "fax", "modem-info", "--device", sim.path)
    assert silent.returncode == 1 and "tidak menjawab perintah AT" in silent.stderr


def test_print_samples_test_page_and_compliance_report(tmp_path):
    home = tmp_path / "kantor"
    warkat(home, "init", "--demo")
    samples = warkat(home, "print", "samples", "--out", str(tmp_path / "contoh"))
    assert samples.returncode == 0 and len(list((tmp_path / "contoh").glob("*.pdf"))) >= 8
    test = warkat(home, "print", "test")
    assert test.returncode == 0 and "PDF" in test.stdout
    report = warkat(
        home, "report", "compliance", "--month", "2026-11", "--out", str(tmp_path / "mutu.pdf")
    )
    assert report.returncode == 0 and (tmp_path / "mutu.pdf").read_bytes().startswith(b"%PDF")
    assert "Faks         langkah  1:" in report.stdout and "n=" not in report.stdout
    bad = warkat(home, "report", "compliance", "--month", "2026-13")
    assert bad.returncode == 1 and "tidak sah" in bad.stderr


def test_demo_inbox_is_taken_in_once(tmp_path):
    home = tmp_path / "kantor"
    warkat(home, "init", "--demo")
    out = warkat(home, "mail", "sync")
    assert out.stdout.strip() == "diimpor 0, duplikat 0, ditolak 0"


def test_printer_offline_keeps_the_pdf(tmp_path):
    home = tmp_path / "kantor"
    warkat(home, "init")
    toml = home / "warkat.toml"
    toml.write_text(
        toml.read_text()
        .replace('kind = "pdf"', 'kind = "cups"')
        .replace('queue = ""', 'queue = "tidak-ada"')
    )
    out = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--home", str(home), "print", "test"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"CUPS_SERVER": str(tmp_path / "no.sock"), "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 1 and list((home / "out").glob("*.pdf"))
    assert "Traceback" not in out.stderr
