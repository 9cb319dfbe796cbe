"""`warkat` speaks Indonesian on the command line too: the help of every command, argparse's
own usage and error lines, and the reports it prints."""

from __future__ import annotations

import argparse

import pytest

from model.reports.compliance import StepFigures
from tui.cli import build_parser, main
from tui.commands_cli import report_line

ENGLISH = ("usage", "options", "positional", "show this", "help message", "error", "argument")


def parsers(parser: argparse.ArgumentParser):
    """`parser` and every subcommand's parser under it."""
    yield parser
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        for sub in action.choices.values():
            yield from parsers(sub)


def test_the_help_of_every_command_is_indonesian():
    helps = [p.format_help() for p in parsers(build_parser())]
    assert len(helps) > 25
    for text in helps:
        assert text.startswith("pemakaian: warkat")
        assert not [word for word in ENGLISH if word in text.lower()], text


def test_warkat_help_as_typed(capsys):
    with pytest.raises(SystemExit) as done:
        main(["user", "add", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "tampilkan bantuan ini lalu keluar" in out and "--name NAMA" in out


def test_argparse_refusals_are_one_indonesian_line(capsys):
    with pytest.raises(SystemExit) as done:
        main(["laporan"])
    assert done.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("pemakaian: warkat")
    assert err[-1].startswith("warkat: argumen PERINTAH: pilihan 'laporan' tidak ada")
    with pytest.raises(SystemExit):
        main(["user", "add", "budi"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        "warkat user add: argumen berikut wajib diisi: --name, --role"
    )


def figures(**kw) -> StepFigures:
    values = dict(
        procedure="email_in",
        procedure_name="Pengelolaan Email Masuk",
        step=2,
        activity="Menyortir",
        count=5,
        median_minutes=3.0,
        p90_minutes=8.0,
        standard_minutes=10,
        within_share=0.8,
    )
    return StepFigures(**{**values, **kw})


def test_the_compliance_report_lines_are_indonesian():
    assert report_line(figures()) == "Email masuk  langkah  2: 5 selesai, 80 % dalam mutu baku"
    assert report_line(figures(count=0, within_share=None)).endswith("0 selesai, -")
    assert report_line(figures(standard_minutes=None, within_share=None)).endswith(
        "5 selesai, tanpa mutu baku"
    )
