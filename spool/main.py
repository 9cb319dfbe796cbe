"""Entry point of `warkat daemon`: logging set up, tasks assembled, loop run."""

from __future__ import annotations

import logging

from model.config import Config
from spool.daemon import Daemon


def run_daemon(config: Config) -> int:
    logging.basicConfig(
        filename=str(config.home / "daemon.log"), level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    return Daemon(config, tasks=[]).run()
