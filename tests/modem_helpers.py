"""A three-page fax job and a driver configured for the modem simulator."""

import tempfile
from datetime import datetime

import pytest

from hw.faxpage import FaxDocument, render_pages
from hw.modem import Class2Driver, ModemConfig
from hw.t4 import encode_page

BODY = "\n".join(f"Baris {i:03d} isi berita untuk uji modem faks." for i in range(130))
LOCKS = tempfile.TemporaryDirectory(prefix="warkat-locks-")  # never the real /var/lock


def three_pages():
    """A three-page job: (page images, encoded pages)."""
    doc = FaxDocument(
        "DISKOMINFO",
        ["PEMERINTAH KABUPATEN CONTOH"],
        BODY,
        "005/7/PERS/2025",
        datetime(2025, 11, 25, 10, 0),
        fine=False,
    )
    images = render_pages(doc)
    assert len(images) == 3
    return images, [encode_page(image) for image in images]


@pytest.fixture(scope="module", name="job")
def job_fixture():
    """three_pages(), rendered once per test module."""
    return three_pages()


def config(path, fax_class="2.0", **overrides):
    values = dict(
        at_timeout=0.5,
        dial_timeout=3,
        page_timeout=3,
        xon_timeout=1,
        write_timeout=3,
        local_id="+62 21 555 0100",
        lock_dir=LOCKS.name,
    )
    values.update(overrides)
    return ModemConfig(path, fax_class=fax_class, **values)


def send(sim, pages, fax_class="2.0", events=None, abort=None, **overrides):
    driver = Class2Driver(config(sim.path, fax_class, **overrides))
    callback = (lambda *event: events.append(event)) if events is not None else None
    return driver.send("0215550101", pages, callback, abort)
