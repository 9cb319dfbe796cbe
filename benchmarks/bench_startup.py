"""Start-up to the login screen against a bare Textual app, as a user sees it over SSH.

Each run starts a fresh process in a detached tmux session of 80×24 and times it from launch
until the login form is on the pane (`tmux capture-pane` shows the password placeholder); the
peak RSS is the process's VmHWM once the screen has settled. Runs alternate bare, warkat, …
Warkat runs `warkat --home DEMO kiosk`, the SSH ForceCommand, on a demo home built once.
A second part runs each app once under `-X importtime` and says where the time goes.
Run: .venv/bin/python benchmarks/bench_startup.py [runs]
"""

from __future__ import annotations

import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTINEL = "kata sandi"  # the password placeholder: drawn only with the whole login form
SETTLE = 0.5  # seconds idle at the login before reading the peak RSS
TIMEOUT = 20.0

BARE = """
from textual.app import App
from textual.widgets import Footer, Input, Static

class Bare(App):
    def compose(self):
        yield Static("WARKAT")
        yield Input(placeholder="nama pengguna")
        yield Input(password=True, placeholder="kata sandi")
        yield Footer()

Bare().run()
"""

WARKAT = """
import sys
from tui.cli import main
sys.argv = ["warkat", "--home", sys.argv[1], "kiosk"]
sys.exit(main())
"""

# Under -X importtime (which writes to fd 2): fd 2 goes to a log file, and Textual, which draws
# on sys.__stderr__, gets the terminal on a duplicate descriptor.
TRACE = """
import os, sys, time
tty = os.dup(2)
os.dup2(os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
sys.__stderr__ = sys.stderr = open(tty, "w", buffering=1)
os.write(2, f"ready {time.time()}\\n".encode())
code, sys.argv = open(sys.argv[2]).read(), sys.argv[2:]
exec(compile(code, sys.argv[0], "exec"), {"__name__": "__main__"})
"""


class Tmux:
    """A private tmux server; one 80×24 session per run."""

    def __init__(self) -> None:
        self.socket = f"bench{os.getpid()}"
        self.run("new-session", "-d", "-s", "keep", "-x", "80", "-y", "24", "sleep 3600")

    def run(self, *args: str) -> str:
        out = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return out.stdout

    def launch(self, name: str, argv: list[str], cwd: str) -> tuple[float, float, int, float]:
        """(wall time at launch, seconds to the login on the pane, peak RSS KiB, CPU seconds
        the process had used by then)."""
        command = "exec " + shlex.join(argv)
        start = time.time()
        t0 = time.perf_counter()
        self.run("new-session", "-d", "-s", name, "-x", "80", "-y", "24", "-c", cwd, command)
        while SENTINEL not in self.run("capture-pane", "-p", "-t", name):
            if time.perf_counter() - t0 > TIMEOUT:
                raise RuntimeError(f"{name}: no login after {TIMEOUT}s")
            time.sleep(0.002)
        seen = time.perf_counter() - t0
        pid = self.run("display-message", "-p", "-t", name, "#{pane_pid}").strip()
        cpu = int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
        time.sleep(SETTLE)
        status = Path(f"/proc/{pid}/status").read_text()
        peak = next(int(line.split()[1]) for line in status.splitlines() if "VmHWM" in line)
        self.run("kill-session", "-t", name)
        return start, seen, peak, cpu

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def machine() -> str:
    """The machine line of bench_queue_latency, with tmux's version."""
    from bench_queue_latency import machine as base

    return f"machine: {base()}, tmux {subprocess.getoutput('tmux -V').split()[-1]}"


def timings(tmux: Tmux, apps: dict[str, list[str]], cwd: str, runs: int) -> dict[str, list]:
    results: dict[str, list] = {name: [] for name in apps}
    for i in range(runs):
        for name, argv in apps.items():
            results[name].append(tmux.launch(f"{name}{i}", argv, cwd)[1:])
    return results


def parse_importtime(log: str) -> tuple[float, list[tuple[int, int, str]]]:
    """(wall time the interpreter was ready, [(self µs, cumulative µs, module)])."""
    ready, rows = 0.0, []
    for line in log.splitlines():
        if line.startswith("ready "):
            ready = float(line.split()[1])
        elif line.startswith("import time:") and "self [us]" not in line:
            own, cumulative, name = line[len("import time:") :].split("|")
            rows.append((int(own), int(cumulative), name.rstrip()[1:]))  # "| " before it
    return ready, rows


def trace(tmux: Tmux, name: str, argv: list[str], cwd: str, tmp: Path, runs: int = 3) -> dict:
    """Runs under -X importtime: each phase's median, and the import rows of the median run."""
    traced = []
    for i in range(runs):
        log = tmp / f"{name}{i}.importtime"
        command = [sys.executable, "-X", "importtime", "-c", TRACE, str(log), *argv]
        start, seen, *_ = tmux.launch(f"trace-{name}{i}", command, cwd)
        ready, rows = parse_importtime(log.read_text())
        top = [cum for _, cum, mod in rows if not mod.startswith(" ")]
        traced.append(
            {
                "start": (ready - start) * 1000,
                "imports": sum(top) / 1000,
                "total": seen * 1000,
                "rows": rows,
            }
        )
    result = {
        key: statistics.median(t[key] for t in traced) for key in ("start", "imports", "total")
    }
    result["rows"] = sorted(traced, key=lambda t: t["total"])[runs // 2]["rows"]
    return result


def indent(module: str) -> int:
    return (len(module) - len(module.lstrip())) // 2


def group(module: str) -> str:
    root = module.strip().split(".")[0]
    return root if root in {"textual", "rich", "peewee", "model", "tui"} else "other"


def where_time_goes(bare: dict, warkat: dict) -> None:
    print("\n### Where the time goes (medians of 3 runs each under `-X importtime`, ms)\n")
    print("| phase | bare | warkat |")
    print("|---|---:|---:|")
    rows = [("launch → interpreter ready (tmux spawn, Python init, site)", "start")]
    rows += [("all imports (top-level cumulative; inflated by -X importtime)", "imports")]
    for label, key in rows:
        print(f"| {label} | {bare[key]:.0f} | {warkat[key]:.0f} |")
    for who in (bare, warkat):
        who["rest"] = who["total"] - who["start"] - who["imports"]
        who["groups"] = {}
        for own, _, mod in who["rows"]:
            who["groups"][group(mod)] = who["groups"].get(group(mod), 0) + own / 1000
    for key in ("textual", "rich", "peewee", "model", "tui", "other"):
        b, w = bare["groups"].get(key, 0), warkat["groups"].get(key, 0)
        print(f"| … of which `{key}` (self times) | {b:.0f} | {w:.0f} |")
    print(
        f"| imports done → login drawn (config, database, compose, first paint) "
        f"| {bare['rest']:.0f} | {warkat['rest']:.0f} |"
    )
    print(f"| total launch → login on the pane | {bare['total']:.0f} | {warkat['total']:.0f} |")
    print("\n### Warkat's biggest imports (ms)\n")
    print("| module | self | cumulative |")
    print("|---|---:|---:|")
    for own, cum, mod in sorted(warkat["rows"], key=lambda r: -r[1])[:20]:
        print(f"| `{mod.strip()}` (depth {indent(mod)}) | {own / 1000:.1f} | {cum / 1000:.1f} |")
    print("\n| heaviest self time | ms |")
    print("|---|---:|")
    for own, _, mod in sorted(warkat["rows"], key=lambda r: -r[0])[:10]:
        print(f"| `{mod.strip()}` | {own / 1000:.1f} |")


def measure(runs: int, trace_too: bool = True) -> tuple[dict[str, list], dict]:
    """Interleaved launches of both apps (and, with `trace_too`, their import traces)."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        home = tmp / "home"
        subprocess.run(
            [str(Path(sys.executable).parent / "warkat"), "--home", str(home), "init", "--demo"],
            check=True,
            capture_output=True,
        )
        (tmp / "bare.py").write_text(BARE)
        (tmp / "warkat.py").write_text(WARKAT)
        apps = {
            "bare": [sys.executable, str(tmp / "bare.py")],
            "warkat": [str(Path(sys.executable).parent / "warkat"), "--home", str(home), "kiosk"],
        }
        tmux = Tmux()
        try:
            for name, argv in apps.items():  # warm the page cache, not measured
                tmux.launch(f"warm-{name}", argv, str(tmp))
            results = timings(tmux, apps, str(tmp), runs)
            traced = (
                {
                    "bare": trace(tmux, "bare", [str(tmp / "bare.py")], str(tmp), tmp),
                    "warkat": trace(
                        tmux, "warkat", [str(tmp / "warkat.py"), str(home)], str(tmp), tmp
                    ),
                }
                if trace_too
                else {}
            )
        finally:
            tmux.close()
    return results, traced


def medians(results: dict[str, list]) -> dict[str, tuple[float, float, float]]:
    """(wall ms, peak RSS MiB, CPU ms) medians per app."""
    return {
        name: (
            statistics.median(t for t, _, _ in rows) * 1000,
            statistics.median(r for _, r, _ in rows) / 1024,
            statistics.median(c for _, _, c in rows) * 1000,
        )
        for name, rows in results.items()
    }


def startup_rows(runs: int = 11) -> list[tuple[str, str, str]]:
    """(figure, measured, baseline) for bench_office.py."""
    med = medians(measure(runs, trace_too=False)[0])
    (wall, rss, cpu), (bwall, brss, bcpu) = med["warkat"], med["bare"]
    return [
        (
            f"launch to login screen, tmux 80×24, {runs} runs interleaved",
            f"{wall:.0f} ms ({wall / bwall:.2f}×), CPU {cpu:.0f} ms ({cpu / bcpu:.2f}×), "
            f"{rss:.1f} MiB ({rss / brss:.2f}×)",
            f"bare Textual login-like app: {bwall:.0f} ms, CPU {bcpu:.0f} ms, {brss:.1f} MiB",
        )
    ]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    results, traced = measure(runs)
    med = medians(results)
    print(machine())
    print(f"\n### Launch → login on the pane, tmux 80×24, {runs} interleaved runs each\n")
    print("| app | median ms | best ms | median CPU ms | median peak RSS MiB |")
    print("|---|---:|---:|---:|---:|")
    labels = {"bare": "bare Textual login-like app", "warkat": "`warkat kiosk` login screen"}
    for name, rows in results.items():
        best = min(t for t, _, _ in rows) * 1000
        wall, rss, cpu = med[name]
        print(f"| {labels[name]} | {wall:.0f} | {best:.0f} | {cpu:.0f} | {rss:.1f} |")
    ratio = [med["warkat"][i] / med["bare"][i] for i in range(3)]
    print(
        f"| **ratio warkat/bare** | **{ratio[0]:.2f}×** | | {ratio[2]:.2f}× | **{ratio[1]:.2f}×** |"
    )
    where_time_goes(traced["bare"], traced["warkat"])


if __name__ == "__main__":
    main()
