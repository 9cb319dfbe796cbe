"""warkat.toml [fax]: a local ID the modem cannot send as written is refused on reading."""

import pytest

from model import config
from model.errors import Invalid


@pytest.fixture
def toml(tmp_path, monkeypatch):
    """Write a [fax] local_id line into a fresh home; returns the home."""
    monkeypatch.setattr(config, "_current", None)

    def write(line: str):
        (tmp_path / config.FILENAME).write_text(f"[fax]\n{line}\n", encoding="utf-8")
        return tmp_path

    return write


@pytest.mark.parametrize("local_id", ["+62 355 791234", "+62 21 5550 1000 123", "", "KOMINFO TGX"])
def test_a_local_id_that_fits_is_kept_as_written(toml, local_id):
    assert config.load(toml(f'local_id = "{local_id}"')).fax.local_id == local_id


def test_the_template_local_id_is_accepted(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "_current", None)
    assert config.load(tmp_path).fax.local_id == "+62 355 791234"


def test_a_local_id_over_20_characters_is_refused_not_cut(toml):
    long_id = "+62 21 5550 1000 1234"
    with pytest.raises(Invalid) as refused:
        config.load(toml(f'local_id = "{long_id}"'))
    message = str(refused.value)
    assert message.endswith(
        f'[fax] local_id = "{long_id}" tidak sah; paling banyak 20 karakter (21 karakter).'
    )
    assert config._current is None


@pytest.mark.parametrize(
    "local_id,shown",
    [
        ("+62 355 ７９１２３４", "'７' (U+FF17)"),
        ("DISKOMINFO – TGX", "'–' (U+2013)"),
        ("KOMINFO\\tTGX", r"'\t' (U+0009)"),
        ('KOMINFO \\"TGX\\"', "'\"' (U+0022)"),
    ],
)
def test_characters_a_tsi_cannot_carry_are_refused(toml, local_id, shown):
    with pytest.raises(Invalid, match=r"\[fax\] local_id = .* tidak sah; hanya angka") as refused:
        config.load(toml(f'local_id = "{local_id}"'))
    assert shown in str(refused.value)


def test_a_number_instead_of_text_is_refused(toml):
    with pytest.raises(Invalid, match="harus berupa teks"):
        config.load(toml("local_id = 62355791234"))
