"""The embedded store: its folder, its lock, and the file: URLs that name it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from interop_lab.catalogue import DEFAULT_CATALOGUE, EmbeddedCatalogue, open_catalogue
from interop_lab.model.errors import UsageError
from tests.reporting.cards import card


def test_reopened_store_still_holds_the_card(tmp_path: Path) -> None:
    for _ in range(3):
        with EmbeddedCatalogue(tmp_path / "store") as writer:
            writer.add(card())
    with open_catalogue(f"file://{tmp_path / 'store'}") as again:
        assert again.get(card().iri) == card()
        assert len(again.scorecards()) == 1


def test_a_second_open_while_in_use_says_so_after_its_wait(tmp_path: Path) -> None:
    with EmbeddedCatalogue(tmp_path / "store"), pytest.raises(UsageError, match="in use"):
        EmbeddedCatalogue(tmp_path / "store", wait_s=0.2)


def test_a_second_open_waits_until_the_first_is_closed(tmp_path: Path) -> None:
    first = EmbeddedCatalogue(tmp_path / "store")
    closing = threading.Timer(0.3, first.close)
    closing.start()
    with EmbeddedCatalogue(tmp_path / "store", wait_s=10) as second:
        second.add(card())
    closing.join()


def test_a_closed_catalogue_refuses_work(tmp_path: Path) -> None:
    closed = EmbeddedCatalogue(tmp_path / "store")
    closed.close()

    with pytest.raises(UsageError, match="closed"):
        closed.add(card())


def test_open_catalogue_takes_a_relative_file_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    with open_catalogue(DEFAULT_CATALOGUE) as opened:
        assert isinstance(opened, EmbeddedCatalogue)
        assert opened.path == Path(".interop-lab/catalogue")
        opened.add(card())
    assert any((tmp_path / ".interop-lab" / "catalogue").iterdir())


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgres://x", "file:PATH"),
        ("file:", "folder is missing"),
        ("file://elsewhere/x", "local folder"),
    ],
)
def test_open_catalogue_rejects_what_it_cannot_open(url: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        open_catalogue(url)
