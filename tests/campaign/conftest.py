"""The profiles of these tests authenticate with a token from the environment, as real ones do."""

from __future__ import annotations

import pytest

from tests.e2e.support import TOKEN, TOKEN_ENV


@pytest.fixture(autouse=True)
def token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
