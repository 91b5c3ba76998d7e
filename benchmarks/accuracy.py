#!/usr/bin/env python3
"""Score boilerstrip (and with --peers, every installed peer) on every dataset, as Markdown tables.

Why this script and not a notebook: the numbers in docs/accuracy.md must be reproducible with one
command, scored by exactly the shared scorer our targets are stated with. So every extractor runs
through ../shared/bench/run_extractor.py's runner (imported by path, used unchanged) on the same
decoded str, and every page is scored by ../shared/bench/evaluate.py; this script only schedules the
runs and lays out the tables (per dataset, overall, dev vs held-out, page types, text mode, confidence).

Examples::

    python benchmarks/accuracy.py                              # boilerstrip, all datasets
    python benchmarks/accuracy.py --peers                      # + trafilatura, readability, ...
    python benchmarks/accuracy.py --all --markdown docs/accuracy.md   # everything, as in the docs
    python benchmarks/accuracy.py --datasets dragnet --limit 50 --worst 10
    python benchmarks/accuracy.py --favor precision recall --input-type html text

The held-out split: a page is held out when ``zlib.crc32(id.encode()) % 10`` is 0 or 1.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import itertools
import json
import math
import multiprocessing
import re
import shutil
import statistics
import sys
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common
import peers
import to_text

__all__ = ["Job", "main", "run_job"]

DEFAULT_OUT = _common.RESULTS_DIR / "accuracy"
# Rough cost of one MB of HTML per extractor, relative to boilerstrip, measured on a first run; used
# only to start the slowest jobs first so the two workers finish together.
_COST = {"trafilatura": 4.0, "readability-lxml": 3.0, "jusText": 1.5, "trafilatura-precision": 2.5,
         "boilerpy3": 1.0, "resiliparse": 0.2, "full-text": 0.2}
_CONFIDENCE_BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0000001)
_EXC_LINE = re.compile(r"^(?P<id>[^:\s]+): (?P<type>[A-Za-z_][\w.]*): ")


@dataclass(frozen=True)
class Job:
    """One extractor over one dataset; the unit of work a worker process runs."""

    extractor: str
    dataset: Path
    limit: int | None
    out: Path
    warmup: int


def run_job(job: Job) -> dict[str, Any]:
    """Run one extractor over one dataset with the shared runner, then score it with evaluate.py.

    Runs in a worker process: it loads and decodes the pages itself (the same decoder for every
    extractor), times only the extractor calls (the runner's rule), and returns plain data.
    """
    runner = _common.run_extractor_module()
    evaluate = _common.evaluate_module()
    ds = _common.load_dataset(job.dataset, job.limit)
    text_input = peers.uses_text_input(job.extractor)
    inputs = [(p.id, p.url, to_text.html_to_text(p.html) if text_input else p.html) for p in ds.pages]
    pred_dir = job.out / "pred" / job.extractor / ds.name
    if pred_dir.exists():
        shutil.rmtree(pred_dir)
    pred_dir.mkdir(parents=True)
    log_path = job.out / "logs" / f"{job.extractor}--{ds.name}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w", encoding="utf-8") as log, contextlib.redirect_stderr(log):
        stats = runner.run_module(inputs, pred_dir, peers.get(job.extractor), False, job.warmup)
    exc_types: collections.Counter[str] = collections.Counter()
    for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = _EXC_LINE.match(line)
        if m:
            exc_types[m.group("type")] += 1

    scored = evaluate.evaluate(ds.path, pred_dir)
    by_id = {p.id: p for p in ds.pages}
    docs = []
    for d in scored["docs"]:
        page = by_id.get(d["id"])
        if page is None:  # beyond --limit
            continue
        pred = (pred_dir / f"{page.id}.txt").read_text(encoding="utf-8")
        docs.append({**d, "url": page.url, "page_type": page.page_type,
                     "held_out": _common.is_held_out(page.id), "empty": not pred.strip()})
    summary = _common.aggregate_docs(docs)
    if job.limit is None:  # our subset aggregation must equal the scorer's own numbers
        key = "text" if summary.get("kind") == "text" else "snippets"
        for k in ("precision", "recall", "f1"):
            assert math.isclose(summary[k], scored[key][k], abs_tol=1e-12), (k, summary[k], scored[key][k])

    confidence: dict[str, float] = {}
    variant = peers.boilerstrip_variant(job.extractor)
    if variant is not None:
        confidence = _confidences([(i, u, h) for i, u, h in inputs], *variant)
    return {
        "extractor": job.extractor,
        "dataset": ds.name,
        "kind": ds.kind,
        "pages": len(ds.pages),
        "megabytes": sum(len(h.encode("utf-8")) for _, _, h in inputs) / 1e6,
        "seconds": stats["seconds"],
        "exceptions": stats.get("exceptions", 0),
        "exception_types": dict(exc_types),
        "empty": sum(d["empty"] for d in docs),
        "summary": summary,
        "docs": docs,
        "confidence": confidence,
    }


def _confidences(inputs: list[tuple[str, str, str]], favor: str, input_type: str) -> dict[str, float]:
    """Document.confidence of every page (untimed), for the confidence analysis."""
    import boilerstrip

    out: dict[str, float] = {}
    for doc_id, url, text in inputs:
        try:
            doc = boilerstrip.extract_blocks(text, url or None, favor=favor, input_type=input_type)
        except Exception:  # noqa: BLE001, S112 (the timed run has counted and logged it already)
            continue
        out[doc_id] = float(doc.confidence)
    return out


# ---------------------------------------------------------------------------------------------------
# Tables


def _rate(pages: int, seconds: float) -> str:
    return f"{pages / seconds:.1f}" if seconds > 0 else "–"


def _row(name: str, r: dict[str, Any]) -> list[str]:
    s = r["summary"]
    return [name, _common.fmt(s.get("precision")), _common.fmt(s.get("recall")), _common.fmt(s.get("f1")),
            _common.fmt(s.get("median_f1")), str(s.get("failures", "–")), str(r["exceptions"]), str(r["empty"]),
            _rate(r["pages"], r["seconds"])]


_HEAD = ["Extractor", "P", "R", "F1", "median F1", "failures", "exceptions", "empty", "pages/s"]


def dataset_tables(results: list[dict[str, Any]], order: list[str], datasets: list[str]) -> str:
    """One table per dataset: every extractor's P, R, F1, median F1, failures, exceptions, pages/s."""
    parts = []
    for ds in datasets:
        rows = [r for name in order for r in results if r["extractor"] == name and r["dataset"] == ds]
        if not rows:
            continue
        kind = rows[0]["kind"]
        note = "text truth, bag of words" if kind == "text" else "snippet truth (evaluate.py's with/without rule)"
        parts.append(f"### {ds} ({rows[0]['pages']} pages, {note})\n")
        parts.append(_common.markdown_table(_HEAD, [_row(r["extractor"], r) for r in rows]))
        parts.append("")
    return "\n".join(parts)


def overall_table(results: list[dict[str, Any]], order: list[str]) -> str:
    """Across datasets: mean of the text-truth datasets' P, R, F1, the snippet F1, sums and rates."""
    rows = []
    snippet_sets = sorted({r["dataset"] for r in results if r["kind"] == "snippets"})
    for name in order:
        rs = [r for r in results if r["extractor"] == name]
        if not rs:
            continue
        text = [r for r in rs if r["kind"] == "text"]
        all_text_f1 = [d["f1"] for r in text for d in r["docs"]]
        snip = {r["dataset"]: r["summary"]["f1"] for r in rs if r["kind"] == "snippets"}

        def mean(key: str, text: list[dict[str, Any]] = text) -> float:
            return statistics.fmean(r["summary"][key] for r in text) if text else math.nan

        rows.append(
            [name, _common.fmt(mean("precision")), _common.fmt(mean("recall")), _common.fmt(mean("f1")),
             _common.fmt(statistics.median(all_text_f1) if all_text_f1 else None)]
            + [_common.fmt(snip.get(s)) for s in snippet_sets]
            + [str(sum(r["summary"].get("failures", 0) for r in rs)), str(sum(r["exceptions"] for r in rs)),
               str(sum(r["empty"] for r in rs)), _rate(sum(r["pages"] for r in rs), sum(r["seconds"] for r in rs))]
        )
    head = ["Extractor", "P", "R", "F1", "median F1"] + [f"{s} F1" for s in snippet_sets] + [
        "failures", "exceptions", "empty", "pages/s"]
    return _common.markdown_table(head, rows)


def f1_matrix(results: list[dict[str, Any]], order: list[str], datasets: list[str]) -> str:
    """F1 of every extractor on every dataset, one line each: the table to read first."""
    rows = []
    for name in order:
        cells = {r["dataset"]: r["summary"].get("f1") for r in results if r["extractor"] == name}
        if cells:
            rows.append([name] + [_common.fmt(cells.get(ds)) for ds in datasets])
    return _common.markdown_table(["Extractor"] + datasets, rows)


def split_table(results: list[dict[str, Any]], order: list[str], datasets: list[str]) -> str:
    """F1 on the dev pages and on the held-out pages (crc32(id) % 10 in {0, 1}), per dataset."""
    rows = []
    for name in order:
        for split, held in (("dev", False), ("held-out", True)):
            cells = []
            f1s = []
            for ds in datasets:
                r = next((r for r in results if r["extractor"] == name and r["dataset"] == ds), None)
                if r is None:
                    cells.append("–")
                    continue
                docs = [d for d in r["docs"] if d["held_out"] == held]
                s = _common.aggregate_docs(docs) if docs else {}
                cells.append(f"{_common.fmt(s.get('f1'))} ({len(docs)})")
                if s.get("kind") == "text":
                    f1s.append(s["f1"])
            if any(c != "–" for c in cells):
                rows.append([name, split] + cells + [_common.fmt(statistics.fmean(f1s) if f1s else None)])
    return _common.markdown_table(["Extractor", "split"] + [f"{d} F1 (pages)" for d in datasets]
                                  + ["mean F1 (text truth)"], rows, right=range(2, len(datasets) + 3))


def page_type_tables(results: list[dict[str, Any]], order: list[str]) -> str:
    """F1 by page type for the datasets whose meta.jsonl gives one (wcxb-dev)."""
    parts = []
    for ds in sorted({r["dataset"] for r in results}):
        rs = [r for name in order for r in results if r["extractor"] == name and r["dataset"] == ds]
        types = collections.Counter(d["page_type"] for d in rs[0]["docs"] if d["page_type"])
        if not types:
            continue
        cols = [t for t, _ in types.most_common()]
        rows = []
        for r in rs:
            row = [r["extractor"]]
            for t in cols:
                s = _common.aggregate_docs([d for d in r["docs"] if d["page_type"] == t])
                row.append(_common.fmt(s.get("f1")))
            rows.append(row)
        parts.append(f"### {ds}: F1 by page type\n")
        parts.append(_common.markdown_table(["Extractor"] + [f"{t} ({types[t]})" for t in cols], rows))
        parts.append("")
    return "\n".join(parts)


def text_mode_table(results: list[dict[str, Any]], datasets: list[str]) -> str:
    """boilerstrip on the HTML beside boilerstrip on the to_text dumps, for every favor run."""
    rows = []
    for base in ("boilerstrip", "boilerstrip-precision", "boilerstrip-recall"):
        for ds in datasets:
            html = next((r for r in results if r["extractor"] == base and r["dataset"] == ds), None)
            text = next((r for r in results if r["extractor"] == base + "-text" and r["dataset"] == ds), None)
            full = next((r for r in results if r["extractor"] == "full-text" and r["dataset"] == ds), None)
            if html is None or text is None:
                continue
            fh, ft = html["summary"]["f1"], text["summary"]["f1"]
            rows.append([base, ds, _common.fmt(fh), _common.fmt(ft), f"{ft - fh:+.3f}",
                         _common.fmt(text["summary"]["precision"]), _common.fmt(text["summary"]["recall"]),
                         _common.fmt(full["summary"]["f1"]) if full else "–", _rate(text["pages"], text["seconds"])])
    if not rows:
        return ""
    return _common.markdown_table(
        ["Variant", "dataset", "F1 HTML", "F1 text", "Δ F1", "P text", "R text", "F1 of the dump itself",
         "pages/s text"], rows, right=range(2, 9))


def confidence_tables(results: list[dict[str, Any]]) -> str:
    """F1 binned by Document.confidence, and the Spearman correlation of confidence with F1."""
    parts = []
    # The default favor only: the other favors move the threshold, not the confidence's meaning.
    names = {r["extractor"] for r in results if r["confidence"]} & {"boilerstrip", "boilerstrip-text"}
    for name in sorted(names, key=list(peers.EXTRACTORS).index):
        rs = [r for r in results if r["extractor"] == name]
        pairs = [(r["confidence"][d["id"]], _common.doc_f1(d), r["kind"]) for r in rs for d in r["docs"]
                 if d["id"] in r["confidence"]]
        text_pairs = [(c, f) for c, f, k in pairs if k == "text"]
        if not pairs:
            continue
        rows = []
        for lo, hi in itertools.pairwise(_CONFIDENCE_BINS):
            f1s = [f for c, f in text_pairs if lo <= c < hi]
            rows.append([f"{lo:.1f}–{min(hi, 1.0):.1f}", str(len(f1s)),
                         _common.fmt(statistics.fmean(f1s) if f1s else None),
                         _common.fmt(statistics.median(f1s) if f1s else None),
                         str(sum(f < 0.5 for f in f1s))])
        parts.append(f"### {name}: F1 by confidence (text-truth pages)\n")
        parts.append(_common.markdown_table(["confidence", "pages", "mean F1", "median F1", "failures"], rows))
        corr_rows = []
        for r in sorted(rs, key=lambda r: r["dataset"]):
            ps = [(r["confidence"][d["id"]], _common.doc_f1(d)) for d in r["docs"] if d["id"] in r["confidence"]]
            if ps:
                corr_rows.append([r["dataset"], str(len(ps)), _common.fmt(_common.spearman(*zip(*ps, strict=True)))])
        if text_pairs:
            corr_rows.append(["all text-truth pages", str(len(text_pairs)),
                              _common.fmt(_common.spearman(*zip(*text_pairs, strict=True)))])
        parts.append("")
        parts.append(_common.markdown_table(["dataset", "pages", "Spearman ρ(confidence, F1)"], corr_rows))
        parts.append("\nSnippet-truth datasets use the per-page snippet F1 (2tp / (2tp + fp + fn)); the bins and "
                     "the last row use text-truth pages only.")
        parts.append("")
    return "\n".join(parts)


def worst_pages(results: list[dict[str, Any]], name: str, n: int, data_dirs: dict[str, Path]) -> str:
    """The N lowest-F1 pages of each dataset for one extractor, with how to explain one."""
    parts = []
    for r in (r for r in results if r["extractor"] == name):
        docs = sorted(r["docs"], key=lambda d: (_common.doc_f1(d), d["id"]))[:n]
        rows = []
        for d in docs:
            if "f1" in d:
                rows.append([d["id"], _common.fmt(d["f1"]), _common.fmt(d["precision"]), _common.fmt(d["recall"]),
                             d["url"] or "–"])
            else:
                rows.append([d["id"], _common.fmt(_common.snippet_f1(d)), f"fp={d['fp']}", f"fn={d['fn']}",
                             d["url"] or "–"])
        parts.append(f"### {name}: {len(rows)} worst pages of {r['dataset']}\n")
        parts.append(_common.markdown_table(["id", "F1", "P", "R", "url"], rows, right=(1, 2, 3)))
        if docs:
            page = data_dirs[r["dataset"]] / "pages" / f"{docs[0]['id']}.html.gz"
            parts.append(f"\nExplain one: `zcat {page} | python -m boilerstrip --explain`\n")
    return "\n".join(parts)


def exception_notes(results: list[dict[str, Any]], order: list[str]) -> str:
    """Which exception types each extractor raised, and how often, per dataset."""
    lines = []
    for name in order:
        for r in (r for r in results if r["extractor"] == name):
            if r["exception_types"]:
                kinds = ", ".join(f"{k} ×{v}" for k, v in sorted(r["exception_types"].items(), key=lambda kv: -kv[1]))
                lines.append(f"- {name} on {r['dataset']}: {kinds}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------


def _choose_extractors(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """The extractors to run, in table order, and notes about the ones left out."""
    favors = ["balanced", "precision", "recall"] if args.all else args.favor
    inputs = ["html", "text"] if args.all else args.input_type
    names: list[str] = []
    if args.only:
        names = list(args.only)
    else:
        if not args.no_boilerstrip:
            for favor in favors:
                for input_type in inputs:
                    names.append("boilerstrip" + ("" if favor == "balanced" else f"-{favor}")
                                 + ("-text" if input_type == "text" else ""))
        if args.peers or args.all:
            names.extend(peers.PEERS)
    notes = []
    chosen = []
    for name in names:
        peers.get(name)  # ValueError for unknown names
        if not peers.available(name):
            notes.append(f"{name}: not installed (pip install -e '.[bench]')")
        elif name.startswith("boilerstrip") and not _boilerstrip_ready():
            notes.append(f"{name}: skipped, boilerstrip.extract is not importable yet")
        else:
            chosen.append(name)
    return chosen, notes


def _boilerstrip_ready() -> bool:
    try:
        import boilerstrip

        return callable(getattr(boilerstrip, "extract", None))
    except ImportError:
        return False


def _build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    _common.add_dataset_args(ap)
    ap.add_argument("--peers", action="store_true", help="also run every installed peer and the full-text baseline")
    ap.add_argument("--favor", nargs="+", choices=["balanced", "precision", "recall"], default=["balanced"],
                    help="boilerstrip favor setting(s) to run (default balanced)")
    ap.add_argument("--input-type", nargs="+", choices=["html", "text"], default=["html"],
                    help="html: the page; text: the to_text.py dump with input_type='text' (default html)")
    ap.add_argument("--all", action="store_true", help="every favor, both input types and all peers")
    ap.add_argument("--only", nargs="+", metavar="EXTRACTOR", help=f"run just these: {', '.join(peers.EXTRACTORS)}")
    ap.add_argument("--no-boilerstrip", action="store_true", help="peers only")
    ap.add_argument("--worst", type=int, default=0, metavar="N", help="list each dataset's N lowest-F1 pages")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2, the machine's cores)")
    ap.add_argument("--warmup", type=int, default=3, help="untimed calls before each timed run (default 3)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="predictions, logs and results.json")
    ap.add_argument("--markdown", type=Path, help="also write the report to this file")
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run the chosen extractors over the datasets and print the Markdown report."""
    args = _build_parser().parse_args(argv)
    try:
        dirs = _common.find_datasets(args.data, args.datasets)
        _common.evaluate_module()
        _common.run_extractor_module()
        names, notes = _choose_extractors(args)
    except (_common.DatasetsMissing, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not names:
        print("error: nothing to run: " + "; ".join(notes), file=sys.stderr)
        return 2
    command = "python benchmarks/accuracy.py " + " ".join(argv if argv is not None else sys.argv[1:])
    header = _common.machine_header(command.strip())

    jobs = [Job(n, d, args.limit, args.out, args.warmup) for n in names for d in dirs]
    jobs.sort(key=lambda j: -_COST.get(j.extractor, 1.0) * sum(f.stat().st_size for f in (j.dataset / "pages").iterdir()))
    results: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=max(1, args.jobs), mp_context=ctx) as pool:
        futures: dict[Future[dict[str, Any]], Job] = {pool.submit(run_job, j): j for j in jobs}
        for fut, job in futures.items():
            try:
                r = fut.result()
            except Exception as exc:  # noqa: BLE001 (a crashed job is reported; the other jobs still count)
                print(f"{job.extractor} on {job.dataset.name}: job failed: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            results.append(r)
            print(f"[{time.perf_counter() - t0:6.0f} s] {r['extractor']:<26} {r['dataset']:<22} "
                  f"F1={r['summary'].get('f1', math.nan):.3f}  {r['pages']} pages in {r['seconds']:.1f} s",
                  file=sys.stderr)

    datasets = [d.name for d in dirs]
    results.sort(key=lambda r: (names.index(r["extractor"]), datasets.index(r["dataset"])))
    report = [
        f"## Accuracy\n\n{header}",
        "- Extractors: " + "; ".join(f"{n} ({peers.describe(n)})" for n in names),
        *(["- Left out: " + "; ".join(notes)] if notes else []),
        (
            f"- Pages per dataset: {'first ' + str(args.limit) if args.limit else 'all'}; "
            f"{args.jobs} worker process(es), one extractor over one dataset per process"
        ),
        "\n### F1 by dataset\n",
        f1_matrix(results, names, datasets),
        "\n### Overall\n",
        overall_table(results, names),
        (
            "\nP, R, F1: means of the text-truth datasets' macro scores (each dataset weighs the same); "
            "median F1 over all their pages; snippet-truth F1 is evaluate.py's micro snippet F1. "
            "failures: pages with F1 < 0.5; empty: pages with empty output; pages/s: extractor calls only, "
            f"with {args.jobs} worker(s) sharing the machine (speed.py times one process at a time).\n"
        ),
        dataset_tables(results, names, datasets),
        "### Dev vs held-out (held out: crc32(id) % 10 in {0, 1})\n",
        split_table(results, names, datasets),
    ]
    pt = page_type_tables(results, names)
    if pt:
        report += ["", pt]
    tm = text_mode_table(results, datasets)
    if tm:
        report += ["### HTML vs text input\n", tm, ""]
    conf = confidence_tables(results)
    if conf:
        report += ["", conf]
    if args.worst:
        first_bs = next((n for n in names if n.startswith("boilerstrip")), names[0])
        report += ["", worst_pages(results, first_bs, args.worst, {d.name: d for d in dirs})]
    exc_notes = exception_notes(results, names)
    if exc_notes:
        report += ["### Exceptions by type\n", exc_notes, ""]
    text = "\n".join(report).rstrip() + "\n"
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps({"command": command, "results": results}, ensure_ascii=False),
                                           encoding="utf-8")
    print(f"predictions in {args.out / 'pred'}, per-page results in {args.out / 'results.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
