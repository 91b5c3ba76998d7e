#!/usr/bin/env python3
"""Where boilerstrip spends its time: pages/s and a per-stage breakdown, beside resiliparse, in one process.

Why one process (unlike speed.py): this script is the quick loop for optimising the core. It times
boilerstrip and the chosen peers over the same decoded str inputs in the same run, so a busy machine
slows all of them alike; a page's time is its fastest of several passes. ``--profile`` adds a cProfile
of boilerstrip's passes, sorted by own time, to show which functions to work on.

Examples::

    python benchmarks/profile_stages.py                                  # 200 wcxb-dev pages
    python benchmarks/profile_stages.py --datasets dragnet --limit 100 --peers resiliparse,trafilatura
    python benchmarks/profile_stages.py --profile 25
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import math
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common
import peers

import boilerstrip
from boilerstrip.api import extract_timed

__all__ = ["main"]

STAGES = ("decode", "segment", "features", "score", "smooth", "render")


def _best_times(fn: Callable[[str, str], object], inputs: Sequence[tuple[str, str]], passes: int) -> list[float]:
    """Each input's fastest time over ``passes`` passes (after one untimed warm-up pass)."""
    for html, url in inputs[:20]:
        fn(html, url)
    best = [math.inf] * len(inputs)
    clock = time.perf_counter
    for _ in range(passes):
        for i, (html, url) in enumerate(inputs):
            t0 = clock()
            fn(html, url)
            dt = clock() - t0
            best[i] = min(best[i], dt)
    return best


def _stage_times(inputs: Sequence[tuple[str, str]], passes: int) -> dict[str, float]:
    """Seconds per stage, summed over inputs, each input's stage taken at its fastest pass."""
    best: list[dict[str, float]] = [{} for _ in inputs]
    for _ in range(passes):
        for i, (html, url) in enumerate(inputs):
            _, timings = extract_timed(html, url or None)
            for stage, dt in timings.items():
                if dt < best[i].get(stage, math.inf):
                    best[i][stage] = dt
    return {s: sum(b.get(s, 0.0) for b in best) for s in STAGES}


def _row(name: str, times: list[float], ref: float | None) -> list[str]:
    total = sum(times)
    ordered = sorted(times)
    p50 = ordered[len(ordered) // 2]
    p99 = _common.percentile(times, 99)
    ratio = "" if ref is None else f"{total / ref:.2f}x"
    return [
        name, f"{len(times) / total:.0f}", f"{1000 * total / len(times):.2f}", f"{1000 * p50:.2f}",
        f"{1000 * p99:.2f}", ratio,
    ]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, action="append", help="dataset folder(s) (default: ../shared/data)")
    ap.add_argument("--datasets", default="wcxb-dev", help="comma-separated dataset names")
    ap.add_argument("--limit", type=int, default=200, help="pages per dataset (default 200)")
    ap.add_argument("--passes", type=int, default=3, help="timed passes; a page's time is its fastest")
    ap.add_argument("--peers", default="resiliparse,selectolax-parse", help="comma-separated peers to time too")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the top N functions by own time")
    args = ap.parse_args(argv)

    dirs = _common.find_datasets(args.data, [d for d in args.datasets.split(",") if d])
    inputs = [(p.html, p.url) for d in dirs for p in _common.load_dataset(d, args.limit).pages]
    print(_common.machine_header())
    print(f"- Pages: {len(inputs)} from {', '.join(d.name for d in dirs)}; {args.passes} passes, fastest kept\n")

    def ours(html: str, url: str) -> object:
        return boilerstrip.extract(html, url or None)

    gc.collect()
    rows = []
    times = _best_times(ours, inputs, args.passes)
    ref = sum(times)
    rows.append(_row("boilerstrip", times, None))
    for name in [p for p in args.peers.split(",") if p]:
        rows.append(_row(name, _best_times(peers.get(name), inputs, args.passes), ref))
    print(_common.markdown_table(["extractor", "pages/s", "ms/page", "p50 ms", "p99 ms", "time vs boilerstrip"],
                                 rows, right=range(1, 6)))

    stages = _stage_times(inputs, args.passes)
    total = sum(stages.values())
    print()
    print(_common.markdown_table(
        ["stage", "ms/page", "share"],
        [[s, f"{1000 * stages[s] / len(inputs):.3f}", f"{100 * stages[s] / total:.1f}%"] for s in STAGES]
        + [["total", f"{1000 * total / len(inputs):.3f}", "100%"]],
        right=(1, 2),
    ))

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for html, url in inputs:
            boilerstrip.extract(html, url or None)
        prof.disable()
        print()
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
