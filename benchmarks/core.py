#!/usr/bin/env python3
"""Time boilerstrip's block-scoring core alone: feature arrays in, scores, reasons and labels out.

Why separately from speed.py: parsing and segmenting dominate a whole extraction, so a slower or
faster scoring core hardly shows there. Here every page is featurized first (untimed), then only
``score_blocks`` (scores and per-rule contributions, the reasons) and ``smooth_labels`` (the labels)
run, on arrays from real pages, for HTML mode and for text mode (the to_text.py dumps). Reported in
blocks/s, since that is what the core's cost grows with.

Example: ``python benchmarks/core.py --limit 200 --passes 5``
"""

from __future__ import annotations

import argparse
import importlib
import math
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common
import to_text

__all__ = ["CoreApi", "load_core", "main", "time_core"]


class CoreApi:
    """The core functions this benchmark needs, looked up by name so a rename fails clearly."""

    def __init__(self) -> None:
        api = importlib.import_module("boilerstrip.api")
        score = importlib.import_module("boilerstrip.score")
        smooth = importlib.import_module("boilerstrip.smooth")
        self.featurize: Callable[..., Any] = _need(api, "featurize")
        self.score_blocks: Callable[..., tuple[Any, Any]] = _need(score, "score_blocks")
        self.params: Any = _need(score, "DEFAULT_PARAMS")
        self.threshold_for: Callable[[str], float] = _need(score, "threshold_for")
        self.smooth_labels: Callable[..., Any] = _need(smooth, "smooth_labels")
        features = importlib.import_module("boilerstrip.features")
        # A batch of many pages' blocks needs the core to concatenate Features; use it if offered.
        self.concat: Callable[[Sequence[Any]], Any] | None = getattr(features, "concat_features", None)


def _need(module: Any, name: str) -> Any:
    try:
        return getattr(module, name)
    except AttributeError:
        raise SystemExit(f"error: {module.__name__}.{name} not found; benchmarks/core.py needs updating") from None


def load_core() -> CoreApi:
    """Import the scoring core (SystemExit with a clear message when boilerstrip is not there)."""
    try:
        return CoreApi()
    except ImportError as exc:
        raise SystemExit(f"error: cannot import boilerstrip's core: {exc}") from None


def time_core(core: CoreApi, feats: Sequence[Any], passes: int, favor: str = "balanced") -> dict[str, float]:
    """Fastest-of-``passes`` seconds for score, smooth and both, summed over pages."""
    threshold = core.threshold_for(favor)
    params = core.params
    best_score = [math.inf] * len(feats)
    best_smooth = [math.inf] * len(feats)
    clock = time.perf_counter
    for _ in range(passes):
        for i, f in enumerate(feats):
            t0 = clock()
            scores, _contributions = core.score_blocks(f, params)
            t1 = clock()
            core.smooth_labels(scores, f, threshold)
            t2 = clock()
            best_score[i] = min(best_score[i], t1 - t0)
            best_smooth[i] = min(best_smooth[i], t2 - t1)
    both = [a + b for a, b in zip(best_score, best_smooth, strict=True)]
    return {"score": sum(best_score), "smooth": sum(best_smooth), "both": sum(both),
            "p99_us": _common.percentile(both, 99) * 1e6, "mean_us": statistics.fmean(both) * 1e6 if both else math.nan}


def _time_batch(core: CoreApi, feats: Sequence[Any], passes: int) -> float | None:
    if core.concat is None:
        return None
    batch = core.concat(list(feats))
    best = math.inf
    for _ in range(passes):
        t0 = time.perf_counter()
        core.score_blocks(batch, core.params)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    """Featurize the pages, time the core on them and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    _common.add_dataset_args(ap)
    ap.add_argument("--passes", type=int, default=5, help="timed passes; each page counts its fastest (default 5)")
    ap.add_argument("--markdown", type=Path, help="also write the report here")
    args = ap.parse_args(argv)
    try:
        dirs = _common.find_datasets(args.data, args.datasets)
    except _common.DatasetsMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    core = load_core()
    command = "python benchmarks/core.py " + " ".join(argv if argv is not None else sys.argv[1:])
    header = _common.machine_header(command.strip())

    feats: dict[str, list[Any]] = {"html": [], "text": []}
    t0 = time.perf_counter()
    for d in dirs:
        for p in _common.load_dataset(d, args.limit).pages:
            try:
                feats["html"].append(core.featurize(p.html, p.url or None))
                feats["text"].append(core.featurize(to_text.html_to_text(p.html), p.url or None,
                                                    _options(input_type="text")))
            except Exception as exc:  # noqa: BLE001 (a page the pipeline cannot featurize is left out, and said so)
                print(f"{d.name}/{p.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
    print(f"featurized {len(feats['html'])} pages in {time.perf_counter() - t0:.0f} s", file=sys.stderr)

    rows = []
    for mode in ("html", "text"):
        fs = [f for f in feats[mode] if len(f)]
        blocks = sum(len(f) for f in fs)
        for _ in range(2):  # warm-up: first calls pay numpy's dispatch caches
            time_core(core, fs[:50], 1)
        t = time_core(core, fs, args.passes)
        batch = _time_batch(core, fs, args.passes)
        rows.append([
            mode, str(len(fs)), str(blocks), f"{blocks / len(fs):.0f}",
            f"{blocks / t['score'] / 1e3:.0f}", f"{blocks / t['smooth'] / 1e3:.0f}", f"{blocks / t['both'] / 1e3:.0f}",
            f"{len(fs) / t['both']:.0f}", f"{t['mean_us']:.0f}", f"{t['p99_us']:.0f}",
            f"{blocks / batch / 1e3:.0f}" if batch else "–",
        ])
    table = _common.markdown_table(
        ["mode", "pages", "blocks", "blocks/page", "score k blocks/s", "smooth k blocks/s", "score+smooth k blocks/s",
         "pages/s", "mean µs/page", "p99 µs/page", "batch score k blocks/s"], rows)
    note = ("Per page, the fastest of the passes. score = `score.score_blocks(features, DEFAULT_PARAMS)` "
            "(scores and per-rule contributions, the reasons); smooth = `smooth.smooth_labels(scores, features, "
            "threshold)` (labels). Text mode scores the to_text.py dumps with input_type='text'. ")
    note += ("batch: every page's features concatenated and scored in one call." if core.concat else
             "batch: not measured, the core offers no way to concatenate pages' Features (they carry page-level "
             "facts such as main_share and mode).")
    text = f"## Scoring core\n\n{header}\n\n{table}\n\n{note}\n"
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    return 0


def _options(**settings: Any) -> Any:
    from boilerstrip import Options

    return Options(**settings)


if __name__ == "__main__":
    sys.exit(main())
