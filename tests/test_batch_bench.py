"""benchmarks/batch.py: rounds in alternating order, medians and spreads, inputs long enough to time.

The scaling figure in docs/pipelines.md is the median of these rounds; if the rounds were not
alternated, the ratios not taken within a round or the input not repeated, the figure would
again move by 0.2 from one run to the next.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import batch as bench  # noqa: E402  -- benchmarks/ is not a package

pytest.importorskip("fastwarc", reason="the batch benchmark reads WARC files: pip install 'boilerstrip[warc]'")


def test_copies_make_the_run_last_long_enough() -> None:
    # 3,670 WET pages at 890 pages/s per core: 2 jobs take ~2.1 s over the pages once, so 5 copies for 10 s.
    assert bench.copies_for(10, 2, 890.0, 3670) == 5
    assert bench.copies_for(10, 2, 890.0, 3670) * 3670 / (2 * 890.0) >= 10
    assert bench.copies_for(10, 1, 100.0, 5000) == 1  # already long enough
    assert bench.copies_for(0, 2, 890.0, 3670) == 1  # --min-seconds 0: the pages once
    assert bench.copies_for(10, 2, 0.0, 3670) == 1


def test_rounds_alternate_their_order() -> None:
    steps = ["loop", "reader", 1, 2]
    assert bench.in_round_order(0, steps) == steps
    assert bench.in_round_order(1, steps) == [2, 1, "reader", "loop"]
    assert bench.in_round_order(2, steps) == steps


def test_median_and_spread() -> None:
    assert bench.median_spread([1.9, 1.5, 2.1]) == ("1.90", "1.50–2.10")
    assert bench.median_spread([1.5, 2.0, 1.7, 1.6], "{:.1f}") == ("1.6", "1.5–2.0")  # the median of an even count
    assert bench.median_spread([1.8]) == ("1.80", "-")


def test_repeat_file_holds_the_pages_that_many_times(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\n"))
    assert bench.repeat_file(path, 1) == path
    three = bench.repeat_file(path, 3)
    assert three != path and three.read_bytes() == path.read_bytes() * 3


def _dataset(root: Path, n: int) -> None:
    (root / "pages").mkdir(parents=True)
    with open(root / "truth.jsonl", "w", encoding="utf-8") as fh:
        for i in range(n):
            paragraphs = "".join(f"<p>Paragraph {j} of page {i}, long enough to be read as prose by anyone.</p>"
                                 for j in range(8))
            html = f"<html><head><title>Page {i}</title></head><body><nav>Home</nav><article>{paragraphs}</article>"
            (root / "pages" / f"{i}.html.gz").write_bytes(gzip.compress(html.encode()))
            fh.write(json.dumps({"id": str(i), "text": ""}) + "\n")


def test_rounds_give_medians_and_spreads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _dataset(tmp_path / "data" / "tiny", 4)
    assert bench.main(["--data", str(tmp_path / "data"), "--jobs", "2", "--rounds", "2", "--min-seconds", "0"]) == 0
    out = capsys.readouterr()
    # Each round ran every step, the second one backwards.
    steps = re.findall(r"^ {2}(WARC|WET) (.+?):", out.err, re.M)
    first = [("WARC", "extract() loop"), ("WARC", "reader loop"), ("WARC", "--jobs 1"), ("WARC", "--jobs 2"),
             ("WET", "extract() loop"), ("WET", "reader loop"), ("WET", "--jobs 1"), ("WET", "--jobs 2")]
    assert steps == first + first[::-1]
    table = [line.split("|")[1:-1] for line in out.out.splitlines() if line.startswith("| WARC") or
             line.startswith("| WET")]
    rows = {(cells[0].strip(), cells[1].strip()): [c.strip() for c in cells] for cells in table if len(cells) == 20}
    assert set(rows) == {("WARC", "1"), ("WARC", "2"), ("WET", "1"), ("WET", "2")}
    for (_, jobs), cells in rows.items():
        assert cells[2] == "4"  # records: the pages once
        low, high = (float(x) for x in cells[5].split("–"))  # records/s spread over the two rounds
        assert low <= float(cells[4]) <= high
        assert cells[16] == "yes"  # every round wrote the same bytes
        if jobs == "2":
            assert re.fullmatch(r"\d+\.\d\d–\d+\.\d\d×", cells[8])  # scaling spread
        else:
            assert (cells[7], cells[8]) == ("1.00×", "-")
    assert "over 2 round(s)" in out.out and "Control:" in out.out
