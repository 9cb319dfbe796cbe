"""Entry point of `warkat daemon`: logging, the workers the configuration asks for, the loop."""

from __future__ import annotations

import contextlib
import logging

from model.config import Config
from spool.daemon import Daemon
from spool.fax import FaxWorker
from spool.mail import intake_worker, outbox_worker


def fax_devices(config: Config) -> list[str]:
    """Serial devices to drive; "manual" means a standalone machine (no worker)."""
    devices = config.fax.get("devices") or [config.fax.get("device", "manual")]
    return [d for d in devices if d and d != "manual"]


def run_daemon(config: Config) -> int:
    logging.basicConfig(
        filename=str(config.home / "daemon.log"), level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    with contextlib.ExitStack() as stack:
        tasks = {}
        for label in fax_devices(config):
            device = label
            if label == "simulator":
                from hw.modemsim import simulated_modem

                sim = stack.enter_context(simulated_modem(
                    "ok", out_dir=config.home / "faks-diterima",
                    speedup=float(config.fax.get("simulator_speedup", 4))))
                device = sim.path
            worker = FaxWorker(config, device, label)
            tasks[worker.name] = worker.run
        tasks["email-masuk"] = intake_worker(config)
        tasks["email-keluar"] = outbox_worker(config)
        return Daemon(tasks).run()
