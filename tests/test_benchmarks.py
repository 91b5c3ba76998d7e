"""Fast checks of the benchmark helpers: the text dumps, the held-out split, Spearman and scoring.

Why test benchmark code: the accuracy tables and the eval gate are only as right as these helpers.
A dump converter that glued blocks together would make text mode look worse than it is, a split
that moved would leak held-out pages into tuning, and subset scores that drifted from evaluate.py
would make dev and held-out rows disagree with the scorer our targets are stated in.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import _common
import to_text

# ---------------------------------------------------------------------------------------------------
# to_text.html_to_text


def test_dump_puts_each_block_on_its_own_line() -> None:
    html = "<body><h1>Title</h1><p>First <b>bold</b> para.</p><div>Second<p>inner</p>tail</div></body>"
    assert to_text.html_to_text(html) == "Title\nFirst bold para.\nSecond\ninner\ntail"


def test_dump_skips_invisible_elements_and_comments() -> None:
    html = (
        "<html><head><title>T</title><style>p{}</style><script>var x=1</script></head>"
        "<body><script>alert(1)</script><noscript>enable js</noscript><template><p>tpl</p></template>"
        "<p>kept<!-- comment --> text " + "word " * 40 + "</p><style>.a{}</style></body></html>"
    )
    assert to_text.html_to_text(html) == "kept text" + " word" * 40


def test_dump_reads_noscript_when_the_page_shows_no_paragraph() -> None:
    thread = "<p>" + "a post in the thread " * 10 + "</p>"
    html = f"<body><nav>Home</nav><noscript>{thread}</noscript><script>render()</script></body>"
    assert to_text.html_to_text(html) == "Home\n" + ("a post in the thread " * 10).strip()
    # With a paragraph already visible, <noscript> stays out.
    shown = "<p>" + "visible text " * 15 + "</p>"
    assert to_text.html_to_text(html.replace("<nav>Home</nav>", shown)) == ("visible text " * 15).strip()


def test_dump_collapses_whitespace_and_blank_lines() -> None:
    html = "<p>  a \n\t b  </p>\n\n<div>   </div><p></p><br><br><p>c&nbsp;&amp;\u00a0d</p>"
    assert to_text.html_to_text(html) == "a b\nc & d"


def test_dump_keeps_inline_whitespace_between_elements() -> None:
    # A text node of just "\n" between two inline elements is a space, not a line break.
    assert to_text.html_to_text("<p><b>a</b>\n<i>b</i></p>") == "a b"


def test_dump_breaks_lines_at_br_and_table_cells_and_list_items() -> None:
    html = "<p>one<br>two</p><table><tr><td>c1</td><td>c2</td></tr></table><ul><li>i1<li>i2</ul>"
    assert to_text.html_to_text(html).split("\n") == ["one", "two", "c1", "c2", "i1", "i2"]


def test_dump_keeps_line_breaks_inside_pre() -> None:
    assert to_text.html_to_text("<pre>line 1\n  line 2\n\nline 3</pre>") == "line 1\nline 2\nline 3"


def test_dump_survives_nesting_deeper_than_the_recursion_limit() -> None:
    depth = sys.getrecursionlimit() + 500
    html = "<div>" * depth + "deep" + "</div>" * depth
    assert to_text.html_to_text(html) == "deep"


def test_dump_of_empty_or_textless_input_is_empty() -> None:
    assert to_text.html_to_text("") == ""
    assert to_text.html_to_text("<html><head><title>x</title></head><body></body></html>") == ""


def test_dump_does_not_use_boilerstrip() -> None:
    # The dumps must be an independent conversion (see the module doc of to_text.py).
    source = Path(to_text.__file__).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from|import)\s+boilerstrip\b", source, re.MULTILINE)


# ---------------------------------------------------------------------------------------------------
# Held-out split


@pytest.mark.parametrize(
    ("page_id", "held_out"),
    [("die-partei.net.luebeck", True), ("0001", False), ("100", False), ("1", False), ("abc", False)],
)
def test_held_out_rule_on_known_ids(page_id: str, held_out: bool) -> None:
    assert _common.is_held_out(page_id) is held_out
    assert _common.is_held_out(page_id) == (zlib.crc32(page_id.encode()) % 10 in (0, 1))


def test_held_out_share_is_about_a_fifth() -> None:
    ids = [f"{i:05d}" for i in range(10_000)]
    share = sum(map(_common.is_held_out, ids)) / len(ids)
    assert 0.18 < share < 0.22


def test_held_out_does_not_depend_on_order_or_neighbours() -> None:
    ids = ["a", "b", "c", "d", "e", "f", "g", "h"]
    assert [_common.is_held_out(i) for i in ids] == [_common.is_held_out(i) for i in reversed(ids)][::-1]


# ---------------------------------------------------------------------------------------------------
# Spearman and friends


def test_rankdata_averages_ties() -> None:
    assert _common.rankdata([10, 20, 20, 5]) == [2.0, 3.5, 3.5, 1.0]


def test_spearman_of_monotone_series_is_plus_or_minus_one() -> None:
    xs = [0.1, 0.5, 0.2, 0.9, 0.3]
    assert _common.spearman(xs, [x**3 for x in xs]) == pytest.approx(1.0)
    assert _common.spearman(xs, [-x for x in xs]) == pytest.approx(-1.0)


def test_spearman_with_ties_matches_hand_computation() -> None:
    # ranks x = 1, 2.5, 2.5, 4 and y = 1, 3, 2, 4: rho = 4.5 / sqrt(4.5 * 5) = 3 / sqrt(10)
    assert _common.spearman([1, 2, 2, 3], [1, 3, 2, 4]) == pytest.approx(3 / math.sqrt(10))


def test_spearman_is_nan_when_undefined() -> None:
    assert math.isnan(_common.spearman([1.0], [2.0]))
    assert math.isnan(_common.spearman([1.0, 1.0, 1.0], [1.0, 2.0, 3.0]))


def test_spearman_rejects_series_of_different_lengths() -> None:
    with pytest.raises(ValueError, match="one length"):
        _common.spearman([1.0, 2.0], [1.0])


def test_percentile_interpolates_like_numpy() -> None:
    assert _common.percentile([1.0, 2.0, 3.0, 4.0], 50) == pytest.approx(2.5)
    assert _common.percentile(list(map(float, range(101))), 99) == pytest.approx(99.0)


# ---------------------------------------------------------------------------------------------------
# Subset scores must equal evaluate.py's own numbers


def _write_dataset(root: Path, records: Sequence[Mapping[str, object]], preds: dict[str, str]) -> tuple[Path, Path]:
    data, pred = root / "ds", root / "pred"
    (data / "pages").mkdir(parents=True)
    pred.mkdir()
    with open(data / "truth.jsonl", "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec) + "\n")
            with gzip.open(data / "pages" / f"{rec['id']}.html.gz", "wb") as gz:
                gz.write(b"<p>page</p>")
    for doc_id, text in preds.items():
        (pred / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return data, pred


def _evaluate_module() -> ModuleType:
    """The shared evaluate.py, or a skip where it is not checked out beside the repository."""
    try:
        return _common.evaluate_module()
    except _common.DatasetsMissing as exc:
        pytest.skip(f"shared evaluate.py not available: {exc}")


def test_aggregate_docs_reproduces_evaluate_on_text_truth(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": "the cat sat on the mat"},
        {"id": "b", "text": "dogs bark loudly at night"},
        {"id": "c", "text": "nothing found here"},
    ]
    preds = {"a": "the cat sat", "b": "menu home dogs bark loudly at night", "c": "unrelated words"}
    data, pred = _write_dataset(tmp_path, records, preds)
    scored = _evaluate_module().evaluate(data, pred)
    mine = _common.aggregate_docs(scored["docs"])
    for key in ("precision", "recall", "f1", "median_f1", "failures"):
        assert mine[key] == pytest.approx(scored["text"][key])


def test_aggregate_docs_reproduces_evaluate_on_snippet_truth(tmp_path: Path) -> None:
    records = [
        {"id": "a", "with": ["main text", "second part"], "without": ["Impressum"]},
        {"id": "b", "with": ["only this"], "without": ["footer", "nav"]},
    ]
    preds = {"a": "Main   text and impressum", "b": "nav only this"}
    data, pred = _write_dataset(tmp_path, records, preds)
    scored = _evaluate_module().evaluate(data, pred)
    mine = _common.aggregate_docs(scored["docs"])
    for key in ("precision", "recall", "f1", "accuracy", "tp", "fp", "fn", "tn"):
        assert mine[key] == pytest.approx(scored["snippets"][key])
    # per page: a has tp=1 fn=1 fp=1 -> 0.5; b has tp=1 fp=1 -> 2/3
    assert [_common.snippet_f1(d) for d in scored["docs"]] == pytest.approx([0.5, 2 / 3])


def test_find_datasets_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(_common.DatasetsMissing, match=str(tmp_path)):
        _common.find_datasets([tmp_path])


def test_find_datasets_accepts_a_dataset_or_a_folder_of_them(tmp_path: Path) -> None:
    data, _ = _write_dataset(tmp_path, [{"id": "a", "text": "x"}], {})
    assert _common.find_datasets([data]) == [data]
    assert _common.find_datasets([tmp_path]) == [data]
    with pytest.raises(_common.DatasetsMissing, match="nope"):
        _common.find_datasets([tmp_path], ["nope"])


def test_markdown_table_aligns_numbers_right() -> None:
    table = _common.markdown_table(["name", "F1"], [["a", "0.5"], ["long name", "0.25"]])
    assert table.splitlines() == [
        "| name      |   F1 |",
        "|-----------|-----:|",
        "| a         |  0.5 |",
        "| long name | 0.25 |",
    ]
