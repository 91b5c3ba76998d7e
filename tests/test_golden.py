"""The golden fixtures: the two seed pages line by line, and HTML -> Markdown pairs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from boilerstrip import extract, extract_blocks

from .conftest import GOLDEN, SEEDS

SEED_NAMES = sorted(p.name[: -len(".labels.tsv")] for p in SEEDS.glob("*.labels.tsv"))


def _gold(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (SEEDS / f"{name}.labels.tsv").read_text(encoding="utf-8").splitlines():
        label, _, text = line.partition("\t")
        if label:
            rows.append((label, text))
    return rows


def test_seeds_present() -> None:
    assert len(SEED_NAMES) == 2


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_labels_exact(name: str) -> None:
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    doc = extract_blocks(text, input_type="text")
    gold = _gold(name)
    assert [b.text.strip() for b in doc.blocks] == [t.strip() for _, t in gold]
    wrong = [
        (label, b.label, b.text[:60])
        for (label, _), b in zip(gold, doc.blocks, strict=True)
        if label != "O" and (label == "B") != (b.label == "body")
    ]
    assert wrong == []


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_cli_prints_body_lines(name: str) -> None:
    raw = (SEEDS / f"{name}.txt").read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "boilerstrip", "--input-type", "text"], input=raw, capture_output=True, check=True
    )
    printed = proc.stdout.decode("utf-8").splitlines()
    gold = _gold(name)
    must = [t for label, t in gold if label == "B"]
    allowed = {t for label, t in gold if label in ("B", "O")}
    assert [line for line in printed if line in must] == must
    assert all(line in allowed for line in printed)
    # Each printed line stands as it does in the input.
    input_lines = set(raw.decode("utf-8").splitlines())
    assert all(line in input_lines for line in printed)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_auto_detects_text(name: str) -> None:
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    assert extract_blocks(text).input_type == "text"


GOLDEN_CASES = sorted(p.stem for p in GOLDEN.glob("*.html"))


@pytest.mark.parametrize("case", GOLDEN_CASES)
def test_golden_markdown(case: str) -> None:
    page = (GOLDEN / f"{case}.html").read_bytes()
    expected = (GOLDEN / f"{case}.expected.md").read_text(encoding="utf-8")
    assert extract(page, output="markdown") + "\n" == expected


def test_golden_cases_present() -> None:
    assert {"article", "forum_table"} <= set(GOLDEN_CASES)
    for case in GOLDEN_CASES:
        assert Path(GOLDEN / f"{case}.expected.md").exists()
