#!/usr/bin/env python3
"""Time boilerstrip and its peers on real pages, one extractor per subprocess, as Markdown tables.

Why subprocesses: each extractor runs in its own fresh single-threaded Python process, so its peak
RSS is its own and one extractor's caches or imports cannot speed up or slow down another. The pages
are decoded once up front (untimed, the same decoder for all), then every extractor gets a warm-up and
several timed passes over the same str inputs; a page's time is its fastest pass, which filters out
the noise of the machine's two shared cores. Ratios to boilerstrip come from the same run, so they
compare like with like even when the machine is busier than usual.

Examples::

    python benchmarks/speed.py                                  # all datasets, 3 passes
    python benchmarks/speed.py --limit 100 --passes 2           # quick
    python benchmarks/speed.py --scaling --plot docs/performance-scaling.png
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common
import peers
import to_text

__all__ = ["build_scaling_page", "main"]

SPEED_EXTRACTORS = (
    "boilerstrip", "boilerstrip-text", "trafilatura", "readability-lxml", "jusText", "boilerpy3", "resiliparse",
    "selectolax-parse",
)
STAGE_ORDER = ("decode", "parse", "segment", "features", "score", "smooth", "render")
# 1 KB to 50 MB, roughly ×4 apart: enough points to see a bend in a log-log plot.
SCALING_SIZES = (1_000, 4_000, 16_000, 64_000, 256_000, 1_000_000, 4_000_000, 16_000_000, 50_000_000)
_FIT_FROM = 64_000  # below this, fixed per-call costs dominate and hide the growth rate


# ---------------------------------------------------------------------------------------------------
# Workers (run in a child process; print one JSON line)


def _worker_pages(args: argparse.Namespace) -> None:
    """Child: time one extractor over the pages, print pages/s, latency and RSS as JSON."""
    name = args.worker
    fn = peers.get(name)
    fn("<html><body><p>import</p></body></html>", "")  # imports the extractor before the RSS baseline
    dirs = _common.find_datasets(args.data, args.datasets)
    inputs: list[tuple[str, str, str, int]] = []  # dataset, url, input, raw bytes
    for d in dirs:
        for p in _common.load_dataset(d, args.limit).pages:
            text = to_text.html_to_text(p.html) if peers.uses_text_input(name) else p.html
            size = len(text.encode("utf-8")) if peers.uses_text_input(name) else len(p.raw)
            inputs.append((d.name, p.url, text, size))
    gc.collect()
    rss_loaded = _common.peak_rss_mb()
    rss_base = _common.current_rss_mb()
    _common.reset_peak_rss()
    for _, url, text, _ in inputs[: args.warmup]:
        _safe(fn, text, url)
    best = [math.inf] * len(inputs)
    exceptions = 0
    for _ in range(args.passes):
        for i, (_, url, text, _) in enumerate(inputs):
            t0 = time.perf_counter()
            ok = _safe(fn, text, url)
            dt = time.perf_counter() - t0
            best[i] = min(best[i], dt)
            exceptions += not ok
    out: dict[str, Any] = {
        "extractor": name,
        "pages": len(inputs),
        "megabytes": sum(s for *_, s in inputs) / 1e6,
        "seconds": sum(best),
        "mean_ms": statistics.fmean(best) * 1e3 if best else math.nan,
        "p50_ms": _common.percentile(best, 50) * 1e3,
        "p99_ms": _common.percentile(best, 99) * 1e3,
        "max_ms": max(best) * 1e3 if best else math.nan,
        "exceptions": exceptions // max(args.passes, 1),
        "rss_base_mb": rss_base,
        "rss_peak_mb": max(rss_loaded, _common.peak_rss_mb()),
        "rss_extract_peak_mb": _common.peak_rss_mb(),
        "per_dataset": {},
    }
    for d in dirs:
        idx = [i for i, x in enumerate(inputs) if x[0] == d.name]
        if idx:
            out["per_dataset"][d.name] = {"pages": len(idx), "mean_ms": statistics.fmean(best[i] for i in idx) * 1e3}
    if name == "boilerstrip":
        out["stages"] = _stages(inputs, args.passes)
    print(json.dumps(out))


def _safe(fn: peers.Extractor, text: str, url: str) -> bool:
    try:
        fn(text, url)
    except Exception:  # noqa: BLE001 (a peer's crash on one page is counted, not fatal)
        return False
    return True


def _stages(inputs: list[tuple[str, str, str, int]], passes: int) -> dict[str, float]:
    """Mean seconds per page in each boilerstrip stage, from the pass with the fastest total."""
    from boilerstrip.api import extract_timed

    best: dict[str, float] | None = None
    for _ in range(max(passes, 1)):
        totals: dict[str, float] = {}
        for _, url, text, _ in inputs:
            try:
                _, timings = extract_timed(text, url or None)
            except Exception:  # noqa: BLE001, S112 (the timed passes count exceptions already)
                continue
            for k, v in timings.items():
                totals[k] = totals.get(k, 0.0) + v
        if best is None or sum(totals.values()) < sum(best.values()):
            best = totals
    n = max(len(inputs), 1)
    return {k: v / n for k, v in (best or {}).items()}


def _worker_scaling(args: argparse.Namespace) -> None:
    """Child: time one extractor on one big generated page; print time, RSS and stages as JSON."""
    name = args.extractor
    fn = peers.get(name)
    fn("<html><body><p>import</p></body></html>", "")
    raw = Path(args.scaling_worker).read_bytes()
    # --as-bytes: the page as it comes from a file or a WARC record, bytes (what a user passes);
    # else decoded to a str first (untimed), as every peer gets it.
    html: str | bytes = raw if args.as_bytes else _common.decode_page(raw)
    del raw
    gc.collect()
    rss_loaded = _common.peak_rss_mb()
    rss_base = _common.current_rss_mb()
    _common.reset_peak_rss()
    times: list[float] = []
    started = time.perf_counter()
    while not times or (time.perf_counter() - started < args.min_seconds and len(times) < args.max_reps):
        t0 = time.perf_counter()
        fn(html, "")  # type: ignore[arg-type]  # boilerstrip takes bytes too (--as-bytes)
        times.append(time.perf_counter() - t0)
    out: dict[str, Any] = {"extractor": name, "input": "bytes" if args.as_bytes else "str", "seconds": min(times), "reps": len(times),
                           "rss_base_mb": rss_base, "rss_peak_mb": max(rss_loaded, _common.peak_rss_mb()),
                           "rss_extract_peak_mb": _common.peak_rss_mb()}
    if name == "boilerstrip":
        from boilerstrip.api import extract_timed

        _, out["stages"] = extract_timed(html, None)
        import boilerstrip

        out["blocks"] = len(boilerstrip.extract_blocks(html).blocks)
    print(json.dumps(out))


# ---------------------------------------------------------------------------------------------------
# Parent


def _child(extra: Sequence[str], timeout: float) -> dict[str, Any]:
    """Run this script as a worker child and parse the JSON line it prints."""
    cmd = [sys.executable, str(Path(__file__).resolve()), *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"worker {' '.join(extra)} failed (exit {proc.returncode}): {proc.stderr[-800:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def _data_args(args: argparse.Namespace) -> list[str]:
    out: list[str] = []
    if args.data:
        out += ["--data", *map(str, args.data)]
    if args.datasets:
        out += ["--datasets", *args.datasets]
    if args.limit is not None:
        out += ["--limit", str(args.limit)]
    return out


def run_pages(args: argparse.Namespace, names: list[str]) -> str:
    """Time every extractor over the dataset pages and lay out the tables."""
    results = []
    for name in names:
        t0 = time.perf_counter()
        r = _child(["--worker", name, *_data_args(args), "--passes", str(args.passes), "--warmup", str(args.warmup)],
                   timeout=args.timeout)
        results.append(r)
        print(f"[{time.perf_counter() - t0:6.0f} s] {name:<20} {r['pages'] / r['seconds']:8.1f} pages/s",
              file=sys.stderr)
    base = next((r for r in results if r["extractor"] == "boilerstrip"), None)
    rows = []
    for r in results:
        ratio = f"{r['mean_ms'] / base['mean_ms']:.2f}×" if base and base["mean_ms"] > 0 else "–"
        rows.append([
            r["extractor"], f"{r['pages'] / r['seconds']:.1f}", f"{r['megabytes'] / r['seconds']:.2f}",
            f"{r['mean_ms']:.2f}", f"{r['p50_ms']:.2f}", f"{r['p99_ms']:.1f}", f"{r['max_ms']:.0f}", ratio,
            f"{r['rss_peak_mb']:.0f}", _delta_mb(r), str(r["exceptions"]),
        ])
    n_pages = results[0]["pages"] if results else 0
    parts = [
        f"### Throughput and latency ({n_pages} pages, best of {args.passes} passes per page)\n",
        _common.markdown_table(
            ["Extractor", "pages/s", "MB/s", "mean ms", "p50 ms", "p99 ms", "max ms", "time vs boilerstrip",
             "peak RSS MB", "Δ RSS MB", "exceptions"], rows),
        (
            "\nMB/s: MB (10^6 bytes) of raw HTML; for boilerstrip-text, of the UTF-8 text dumps it reads instead. "
            "time vs boilerstrip: mean ms per page over boilerstrip's. Peak RSS: the child process, holding every "
            "page's bytes and str; Δ RSS: the peak while extracting minus the RSS after import and loading (the "
            "peak is reset in between), i.e. what extracting added.\n"
        ),
    ]
    datasets = list(results[0]["per_dataset"]) if results else []
    if len(datasets) > 1:
        drows = [[r["extractor"]] + [f"{r['per_dataset'][d]['mean_ms']:.2f}" for d in datasets] for r in results]
        parts += ["### Mean ms per page by dataset\n",
                  _common.markdown_table(["Extractor"] + [f"{d} ({results[0]['per_dataset'][d]['pages']})"
                                                          for d in datasets], drows), ""]
    if base and base.get("stages"):
        stages = base["stages"]
        total = sum(stages.values())
        keys = [k for k in STAGE_ORDER if k in stages] + sorted(set(stages) - set(STAGE_ORDER))
        srows = [[k, f"{stages[k] * 1e3:.3f}", f"{100 * stages[k] / total:.1f} %"] for k in keys]
        srows.append(["total", f"{total * 1e3:.3f}", "100 %"])
        parts += ["### boilerstrip by stage (boilerstrip.api.extract_timed, fastest of the passes)\n",
                  _common.markdown_table(["stage", "mean ms per page", "share"], srows), ""]
    return "\n".join(parts)


def _serialize_body(html: str) -> str:
    """A page's <body> re-serialized by the parser (balanced tags), without scripts."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.css("script"):
        node.decompose()
    body = tree.body
    return body.inner_html or "" if body is not None else ""


def build_scaling_page(bodies: Sequence[str], size: int) -> str:
    """One valid page of about ``size`` bytes made of real article bodies, each in its own <div>.

    Bodies are re-serialized by the parser so every tag is closed and the parts stay siblings
    (an unclosed tag would nest each part inside the last and make depth, not size, grow). A body
    larger than what is left is split into its top-level elements that hold text, recursively, so
    even 1 KB pages hold real markup with text. Big pages cycle through the bodies again.
    """
    from selectolax.lexbor import LexborHTMLParser

    head = '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Scaling test page</title></head><body>\n'
    tail = "\n</body></html>\n"
    budget = size - len(head) - len(tail)
    parts: list[str] = []
    used = 0
    i = 0
    stalled = 0
    while used < budget * 0.97 and stalled < len(bodies):
        body = bodies[i % len(bodies)]
        i += 1
        piece = f'<div class="part">{body}</div>\n'
        if used + len(piece.encode("utf-8")) <= budget:
            parts.append(piece)
            used += len(piece.encode("utf-8"))
            stalled = 0
            continue
        before = used
        stack = [LexborHTMLParser(body).body]
        while stack and used < budget * 0.97:
            node = stack.pop()
            if node is None:
                continue
            children = []
            child = node.child
            while child is not None:
                # elements with visible text only: a small page of empty ad slots would test nothing
                if child.tag and not child.tag.startswith("-") and child.text(deep=True, strip=True):
                    children.append(child)
                child = child.next
            for c in children:
                chunk = (c.html or "") + "\n"
                n = len(chunk.encode("utf-8"))
                if used + n <= budget:
                    parts.append(chunk)
                    used += n
            # descend into children that did not fit, first ones first
            stack.extend(reversed([c for c in children if len(((c.html or "") + "\n").encode("utf-8")) > budget - used]))
        stalled = stalled + 1 if used == before else 0
    return head + "".join(parts) + tail


def run_scaling(args: argparse.Namespace, names: list[str]) -> str:
    """Time extractors on generated pages from 1 KB to 50 MB; fit the growth exponent; plot it."""
    dirs = _common.find_datasets(args.data, [args.scaling_source])
    bodies = [_serialize_body(p.html) for p in _common.load_dataset(dirs[0], args.limit).pages]
    bodies = [b for b in bodies if b.strip()]
    sizes = [int(s) for s in args.sizes]
    results: dict[str, dict[int, dict[str, Any]]] = {n: {} for n in names}
    with tempfile.TemporaryDirectory(prefix="boilerstrip-scaling-") as tmp:
        for size in sizes:
            page = build_scaling_page(bodies, size).encode("utf-8")
            path = Path(tmp) / f"{size}.html"
            path.write_bytes(page)
            for name in names:
                if name != "boilerstrip" and name != "selectolax-parse" and size > args.peer_max_bytes:
                    continue
                # boilerstrip twice: given the file's bytes (the table's numbers), and the str every peer gets.
                for as_bytes in (True, False) if name == "boilerstrip" else (False,):
                    r = _child(["--scaling-worker", str(path), "--extractor", name, "--min-seconds",
                                str(args.min_seconds), *(["--as-bytes"] if as_bytes else [])], timeout=args.timeout)
                    r["bytes"] = len(page)
                    key = "boilerstrip-str" if name == "boilerstrip" and not as_bytes else name
                    results.setdefault(key, {})[size] = r
                    print(f"{key:<18} {len(page) / 1e6:9.3f} MB {r['seconds'] * 1e3:10.1f} ms "
                          f"peak RSS {r['rss_peak_mb']:.0f} MB", file=sys.stderr)
    rows = []
    bs = results.get("boilerstrip", {})
    bs_str = results.get("boilerstrip-str", {})
    cap = _max_blocks()
    prev: dict[str, Any] | None = None
    for size in sizes:
        if size not in bs:
            continue
        r = bs[size]
        step = _loglog_slope([(prev["bytes"], prev["seconds"]), (r["bytes"], r["seconds"])]) if prev else math.nan
        prev = r
        # Issue 5's memory bound: ten times the page plus 100 MB, for the whole process's peak.
        bound = 10 * r["bytes"] / 1e6 + 100
        s = bs_str.get(size)
        row = [_human(r["bytes"]), str(r.get("blocks", "–")), f"{r['seconds'] * 1e3:.1f}",
               f"{r['seconds'] / (r['bytes'] / 1e6) * 1e3:.0f}", _common.fmt(step, 2), f"{r['rss_peak_mb']:.0f}",
               _delta_mb(r), f"{bound:.0f}", "yes" if r["rss_peak_mb"] <= bound else "**no**",
               f"{s['seconds'] * 1e3:.1f}" if s else "–", f"{s['rss_peak_mb']:.0f}" if s else "–",
               _delta_mb(s) if s else "–"]
        for name in names:
            if name == "boilerstrip":
                continue
            o = results[name].get(size)
            row.append(f"{o['seconds'] * 1e3:.1f}" if o else "–")
        if r.get("blocks", 0) >= cap:
            row[1] += " (cap)"
        rows.append(row)
    others = [n for n in names if n != "boilerstrip"]
    parts = [
        "### Time and memory against page size (boilerstrip)\n",
        _common.markdown_table(["page", "blocks", "ms", "ms per MB", "k from previous", "peak RSS MB", "Δ RSS MB",
                                "bound MB", "within", "str: ms", "str: peak RSS MB", "str: Δ RSS MB"]
                               + [f"{n} ms" for n in others], rows),
        (
            f"\nPages: real {args.scaling_source} bodies (scripts removed) concatenated into one valid page; "
            f"each size in a fresh process; time = fastest of repeats within {args.min_seconds} s. "
            "boilerstrip gets the page as the bytes read from the file (`extract(path.read_bytes())`); the str "
            "columns are the same page decoded to a str first (untimed), as the peers get it. Peak RSS: the whole "
            "process (interpreter, libraries, the page as loaded, and extracting), the highest seen. "
            "Bound: issue 5's 10 × page + 100 MB, against that peak. "
            "Δ RSS: peak while extracting minus the RSS with the page loaded (and, for str, decoded). (cap): the page "
            f"reached Options.max_blocks ({cap:,}), after which the rest of the page is one last chrome block.\n"
        ),
    ]
    fits = []
    for name in names:
        pts = sorted((r["bytes"], r["seconds"]) for size, r in results[name].items() if size >= _FIT_FROM)
        large = [p for p in pts if p[0] >= 0.9e6]
        if len(pts) >= 2:
            fits.append([name, _common.fmt(_loglog_slope(pts), 2), f"{_human(pts[0][0])}–{_human(pts[-1][0])}",
                         _common.fmt(_loglog_slope(large), 2) if len(large) >= 2 else "–"])
    if fits:
        parts += [("Growth exponent k in time ∝ size^k (least squares on log-log; 1.00 is linear). "
                   "k from previous: between one size and the one before, for boilerstrip.\n"),
                  _common.markdown_table(["extractor", "k", "sizes fitted", "k from 1 MB up"], fits), ""]
    if bs:
        big = max(bs)
        stages = bs[big].get("stages", {})
        if stages:
            total = sum(stages.values())
            keys = [k for k in STAGE_ORDER if k in stages] + sorted(set(stages) - set(STAGE_ORDER))
            parts += [f"boilerstrip stages on the {_human(bs[big]['bytes'])} page: "
                      + ", ".join(f"{k} {stages[k]:.2f} s ({100 * stages[k] / total:.0f} %)" for k in keys) + "\n"]
    if args.plot:
        _plot(results, args.plot)
        parts.append(f"Plot: `{args.plot}`\n")
    return "\n".join(parts)


def _delta_mb(r: dict[str, Any]) -> str:
    """The RSS extracting added, in whole MB ("0", not "-0", when the page's own memory was freed)."""
    delta = r["rss_extract_peak_mb"] - r["rss_base_mb"]
    return f"{delta:.0f}" if abs(delta) >= 0.5 else "0"


def _max_blocks() -> int:
    """boilerstrip's block cap (Options.max_blocks), to mark the pages that reach it."""
    try:
        from boilerstrip import Options

        return int(Options().max_blocks)
    except (ImportError, AttributeError):
        return 10**12


def _loglog_slope(points: Sequence[tuple[float, float]]) -> float:
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(max(y, 1e-9)) for _, y in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else math.nan


def _human(n: float) -> str:
    for unit, scale in (("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n:.0f} B"


def _plot(results: dict[str, dict[int, dict[str, Any]]], path: Path) -> None:
    """Log-log plot of time against page size, with a linear reference through boilerstrip's 1 MB point."""
    try:
        import matplotlib
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "matplotlib"], check=True)
        import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
    for name, by_size in results.items():
        pts = sorted((r["bytes"], r["seconds"]) for r in by_size.values())
        if pts:
            ax.plot([p[0] / 1e6 for p in pts], [p[1] * 1e3 for p in pts], marker="o", label=name)
    bs = sorted((r["bytes"], r["seconds"]) for r in results.get("boilerstrip", {}).values())
    if bs:
        ref_x, ref_y = min(bs, key=lambda p: abs(math.log(p[0] / 1e6)))
        xs = [bs[0][0], bs[-1][0]]
        ax.plot([x / 1e6 for x in xs], [ref_y * x / ref_x * 1e3 for x in xs], "k--", lw=0.8, label="linear reference")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("page size (MB)")
    ax.set_ylabel("time per page (ms)")
    ax.set_title("Extraction time against page size")
    ax.grid(True, which="both", lw=0.3)
    ax.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


def _build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    _common.add_dataset_args(ap)
    ap.add_argument("--passes", type=int, default=3, help="timed passes; a page's time is its fastest (default 3)")
    ap.add_argument("--warmup", type=int, default=20, help="untimed calls on the first N pages (default 20)")
    ap.add_argument("--only", nargs="+", metavar="EXTRACTOR", help=f"default: {', '.join(SPEED_EXTRACTORS)}")
    ap.add_argument("--scaling", action="store_true", help="time against page size, 1 KB to 50 MB, instead")
    ap.add_argument("--sizes", nargs="+", type=float, default=list(SCALING_SIZES), help="--scaling page sizes, bytes")
    ap.add_argument("--scaling-source", default="scrapinghub-aeb", help="dataset whose bodies make the pages")
    ap.add_argument("--peer-max-bytes", type=float, default=4e6,
                    help="--scaling: peers other than the selectolax floor stop at this size (default 4e6)")
    ap.add_argument("--min-seconds", type=float, default=1.0, help="--scaling: repeat a size for this long")
    ap.add_argument("--plot", type=Path, help="--scaling: write the PNG plot here")
    ap.add_argument("--timeout", type=float, default=7200, help="per child process, seconds")
    ap.add_argument("--markdown", type=Path, help="also write the report here")
    # internal: child process modes
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--scaling-worker", help=argparse.SUPPRESS)
    ap.add_argument("--extractor", help=argparse.SUPPRESS)
    ap.add_argument("--as-bytes", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--max-reps", type=int, default=1000, help=argparse.SUPPRESS)
    return ap


def main(argv: list[str] | None = None) -> int:
    """Parse the options and run the page benchmark or the scaling benchmark."""
    args = _build_parser().parse_args(argv)
    if args.worker:
        _worker_pages(args)
        return 0
    if args.scaling_worker:
        _worker_scaling(args)
        return 0
    try:
        _common.find_datasets(args.data, args.datasets)
    except _common.DatasetsMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    default = ("boilerstrip", "selectolax-parse", "resiliparse", "trafilatura") if args.scaling else SPEED_EXTRACTORS
    wanted = list(args.only or default)
    names = [n for n in wanted if peers.available(n)]
    missing = [n for n in wanted if n not in names]
    command = "python benchmarks/speed.py " + " ".join(argv if argv is not None else sys.argv[1:])
    header = _common.machine_header(command.strip())
    body = run_scaling(args, names) if args.scaling else run_pages(args, names)
    note = (f"- The machine's {os.cpu_count()} cores are shared with other work: absolute numbers move from run "
            "to run; compare the ratios within one run.\n- One fresh single-threaded process per extractor.")
    if missing:
        note += f"\n- Not installed, left out: {', '.join(missing)}"
    text = f"## {'Scaling' if args.scaling else 'Speed'}\n\n{header}\n{note}\n\n{body}".rstrip() + "\n"
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
