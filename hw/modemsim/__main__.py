"""`python -m hw.modemsim`: run a simulator on a pty and print the path to dial."""

from __future__ import annotations

import argparse
import contextlib
import time

from hw.modemsim import SCENARIOS, simulated_modem


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Simulator modem faks Class 2/2.0 pada pty")
    parser.add_argument(
        "--scenario",
        default="ok",
        help=f"salah satu: {', '.join(SCENARIOS)} "
        "(rtn_on_page, drop_mid_page, end_page_* dan vanish_mid_page "
        "menerima =N, nomor halaman; bawaan 2)",
    )
    parser.add_argument("--out", help="folder untuk halaman yang diterima (PNG)")
    parser.add_argument("--speedup", type=float, default=1.0)
    parser.add_argument("--bps", type=int, default=14400)
    parser.add_argument(
        "--xonxoff", action="store_true", help="kirim XOFF/XON saat penyangga penuh"
    )
    args = parser.parse_args(argv)
    with simulated_modem(
        args.scenario, args.out, args.speedup, bps=args.bps, xonxoff=args.xonxoff
    ) as sim:
        print(sim.path, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(1)


main()
