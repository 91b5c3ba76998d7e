"""Shared test helpers: fixture paths and the optional dataset folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
GOLDEN = FIXTURES / "golden"


def data_dir() -> Path | None:
    """The benchmark datasets: $BOILERSTRIP_DATA, else ../shared/data beside the repo."""
    env = os.environ.get("BOILERSTRIP_DATA")
    path = Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"
    return path if path.is_dir() else None


@pytest.fixture
def article_html() -> bytes:
    return (GOLDEN / "article.html").read_bytes()
