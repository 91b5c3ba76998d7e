"""The accuracy gate: boilerstrip on a fixed sample of every dataset must stay above a pinned F1.

Both for the HTML and, in text mode, for the benchmarks/to_text.py dump of each page.

Why: a change to a threshold or a feature can win on the page being debugged and lose on a hundred
others; this test catches that in seconds instead of a full benchmarks/accuracy.py run. The sample
of each dataset is fixed: its dev pages (never the held-out ones, crc32(id) % 10 in {0, 1}) sorted
by crc32 of the id, first SAMPLE_SIZE of them. Pages are decoded as accuracy.py decodes them and
scored with ../shared/bench/evaluate.py's own functions (bag of words, or with/without snippets).
Skipped, with the path it looked at, when the shared data is not there.
"""

from __future__ import annotations

import sys
import time
import zlib
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import _common

# 80 pages a dataset (cleaneval-dev has only 42 dev pages) keeps the whole gate, both modes, near
# 15 s on the shared 2-core machine, and on 80 pages one page changing moves the mean F1 by at most 0.0125.
SAMPLE_SIZE = 80

# F1 of each sample (macro bag-of-words F1; micro snippet F1 for trafilatura-eval), pinned. How they
# were set: the value this test measured on 2026-11-23 (commit 5fc93a7 plus the core then in the
# working tree), minus 0.02, rounded down to two decimals; the measured value is in the comment.
# Raise a floor when boilerstrip gets better; never lower one silently: say why in the commit.
# Raised at commit 7ee968a (teaser cards, forum threads, links need an href), same rule.
# Raised at 8dfa2e3 (a page of a few words keeps its best lines; to_text reads <noscript> when the
# page shows no paragraph), same rule.
# Raised at 6bca9f1 (the main container is never one lone block; table rows) and at 578e227
# (chrome class words after the content), same rule. Raised at 8d72709 (trailing lists under chrome
# class words, chrome-only class words, link-list headings; text mode: lists after a lead-in,
# sentences beside the content), same rule. Text dragnet raised at 9f24127 (a comment thread below
# the article stays out in text mode), same rule. Raised in session 13 (HTML wcxb-dev; text cleaneval-dev,
# scrapinghub-aeb, trafilatura-eval, wcxb-dev), same rule. Text wcxb-dev raised in session 18, same rule.
# HTML wcxb-dev raised in session 19, in session 21 and in session 24, same rule.
FLOORS: dict[str, float] = {
    "cleaneval-dev": 0.88,  # measured 0.9057 in session 12 (classifieds page's teasers), 0.8829 at 7ee968a (42 pages)
    "dragnet": 0.92,  # measured 0.9330 at dad2ae8 (0.9252 at 3c23157, 0.9240 at 8d72709, 0.9101 at 578e227)
    "readability-testpages": 0.95,  # measured 0.9707 at dad2ae8 (0.9648 at 8dfa2e3, 0.9523 before)
    "scrapinghub-aeb": 0.95,  # measured 0.9741 at 3c23157 (0.9693 at 9b74ca9, 0.9582 at 8dfa2e3)
    "trafilatura-eval": 0.92,  # measured 0.9363 in session 17 (lone trailers below the container), 0.9256 at dad2ae8 (0.9240 at 8d72709, 0.9091 at 578e227)
    "wcxb-dev": 0.90,  # measured 0.9220 in session 24 (grid-repeated buttons, shops' boxes of other products, doubled hidden labels, thread replies, dated headlines), 0.9102 in session 21 (footer copies, hidden carousel slides, section headings, full grids, post ages, the aside weight), 0.9003 in session 19 (section stacks, spec tables, striped listings, definition terms, headed tables, content lists), 0.8905 in session 15 (page-wide forms, thread footers), 0.8895 in session 14 (product facts and reviews, card sets, priced grids), 0.8838 in session 13 (main-container re-choice, overlays), 0.8694 at dad2ae8 (0.8661 before, 0.8544 before that)
}

# The same samples in text mode: each page's benchmarks/to_text.py dump, extracted with
# input_type="text". Set the same way, measured on 2026-11-23 at commit efba54c.
TEXT_FLOORS: dict[str, float] = {
    "cleaneval-dev": 0.86,  # measured 0.8809 in session 13 (labelled records), 0.8648 in session 12 (text listings), 0.8308 in session 11 (42 pages)
    "dragnet": 0.87,  # measured 0.8969 in session 18 (short posts over their threads, breadcrumbs heading the post), 0.8958 in session 15 (timestamped comment threads), 0.8800 in session 11 (post-end lines), 0.8757 in session 10 (comment-form and signed-comment thread starts; 0.8590 at b2f9d30)
    "readability-testpages": 0.91,  # measured 0.9325 in session 11, 0.9281 in session 10 (0.9179 at 9b74ca9, 0.9089 at 8dfa2e3)
    "scrapinghub-aeb": 0.91,  # measured 0.9322 in session 15 (tables after the introduction), 0.9204 in session 13, 0.9127 in session 11, 0.9048 in session 10 (0.8819 before)
    "trafilatura-eval": 0.86,  # measured 0.8773 in session 17 (recipe cards, posts above share bars, standfirsts), 0.8710 in session 13, 0.8623 in session 11, 0.8537 at 8d72709 (0.8489 before)
    "wcxb-dev": 0.85,  # measured 0.8700 in session 18 (rating histograms over shop reviews), 0.8620 in session 15 (pages without prose, glued menus), 0.8563 in session 14 (text tables, records, prose between regions), 0.8425 in session 13, 0.8347 in session 12, 0.8256 in session 11, 0.8145 in session 10 (0.8031 at 8dfa2e3)
}


def gate_sample(dataset: Path, size: int = SAMPLE_SIZE) -> list[str]:
    """The fixed sample: dev ids (not held out) sorted by crc32 of the id, then the id; first ``size``."""
    ids = [str(rec["id"]) for rec in _common.read_jsonl(dataset / "truth.jsonl")]
    dev = [i for i in ids if not _common.is_held_out(i)]
    return sorted(dev, key=lambda i: (zlib.crc32(i.encode("utf-8")), i))[:size]


def score_sample(dataset: Path, ids: list[str], input_type: str = "html") -> dict[str, Any]:
    """Extract the sample with boilerstrip and score it with evaluate.py's per-document rules.

    Args:
        input_type: "html" extracts the pages; "text" extracts their to_text.py dumps.
    """
    import boilerstrip
    import to_text

    evaluate = _common.evaluate_module()
    docs = []
    for page in _common.load_dataset(dataset, ids=ids).pages:
        try:
            if input_type == "text":
                pred = boilerstrip.extract(to_text.html_to_text(page.html), page.url or None, input_type="text")
            else:
                pred = boilerstrip.extract(page.html, page.url or None)
        except Exception as exc:  # noqa: BLE001 (scores as empty output, as run_extractor.py counts it)
            pred = ""
            print(f"{dataset.name}/{page.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
        if "text" in page.truth:
            p, r, f = evaluate.bow_scores(pred, page.truth["text"] or "")
            docs.append({"id": page.id, "precision": p, "recall": r, "f1": f})
        else:
            counts = evaluate.snippet_counts(pred, page.truth.get("with") or [], page.truth.get("without") or [])
            docs.append({"id": page.id, **counts})
    summary = _common.aggregate_docs(docs)
    summary["docs"] = docs
    return summary


def _data_root() -> Path:
    return _common.default_data_root()


@pytest.mark.parametrize("input_type", ["html", "text"])
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_sample_f1_stays_above_floor(name: str, input_type: str) -> None:
    dataset = _data_root() / name
    if not (dataset / "truth.jsonl").is_file():
        pytest.skip(f"dataset {name} not found at {dataset} (set {_common.DATA_ENV} to the shared data folder)")
    floor = (FLOORS if input_type == "html" else TEXT_FLOORS)[name]
    ids = gate_sample(dataset)
    t0 = time.perf_counter()
    result = score_sample(dataset, ids, input_type)
    elapsed = time.perf_counter() - t0
    worst = sorted(result["docs"], key=lambda d: (_common.doc_f1(d), d["id"]))[:5]
    detail = ", ".join(f"{d['id']}={_common.doc_f1(d):.2f}" for d in worst)
    print(f"{name} ({input_type}): F1 {result['f1']:.4f} on {len(ids)} pages in {elapsed:.1f} s (floor {floor:.2f})")
    assert result["f1"] >= floor, (
        f"{name} ({input_type} input): F1 {result['f1']:.4f} on the {len(ids)}-page gate sample fell below the "
        f"pinned floor {floor:.2f}; worst pages: {detail}. Run benchmarks/accuracy.py --datasets {name} "
        f"--input-type {input_type} --worst 10 and `python -m boilerstrip --explain` on them."
    )


def test_gate_sample_is_fixed_and_excludes_held_out_pages(tmp_path: Path) -> None:
    (tmp_path / "truth.jsonl").write_text(
        "".join(f'{{"id": "{i}", "text": "x"}}\n' for i in range(200)), encoding="utf-8"
    )
    sample = gate_sample(tmp_path, 40)
    assert len(sample) == 40
    assert not any(_common.is_held_out(i) for i in sample)
    assert sample == gate_sample(tmp_path, 40)
    crcs = [zlib.crc32(i.encode()) for i in sample]
    assert crcs == sorted(crcs)
