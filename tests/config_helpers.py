"""Changing a test home's settings as an administrator would: in warkat.toml, read again."""

from __future__ import annotations

import json
import tomllib

from model import config


def configure(cfg: config.Config, **sections: dict) -> config.Config:
    """Set keys of `sections` in cfg's warkat.toml, e.g. configure(cfg, mail={"inbox":
    "imap"}), and load it as Warkat does (refused values raise Invalid); the new Config, also
    model.config.current()."""
    path = cfg.path or cfg.home / config.FILENAME
    data = tomllib.loads(path.read_text("utf-8")) if path.exists() else {}
    for section, values in sections.items():
        data.setdefault(section, {}).update(values)
    path.write_text(
        "".join(
            f"[{section}]\n"
            + "".join(
                f"{key} = {json.dumps(value, ensure_ascii=False)}\n"
                for key, value in values.items()
            )
            for section, values in data.items()
        ),
        encoding="utf-8",
    )
    return config.load(cfg.home, path)
