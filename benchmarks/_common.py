"""Shared plumbing for the benchmark scripts: datasets, the held-out split, tables and the run header.

The scripts in this folder (accuracy.py, speed.py, core.py) and tests/test_eval_gate.py all read the
same dataset folders and must agree on which pages are held out, how pages are decoded and how a run is
described, so that numbers from different scripts can be put side by side. Everything here is standard
library; the peers and boilerstrip are imported lazily by the callers.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import importlib.metadata
import importlib.util
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = [
    "BENCH_DIR",
    "DATA_ENV",
    "REPO_ROOT",
    "RESULTS_DIR",
    "Dataset",
    "DatasetsMissing",
    "Page",
    "add_dataset_args",
    "aggregate_docs",
    "current_rss_mb",
    "decode_page",
    "decoder_name",
    "default_data_root",
    "doc_f1",
    "evaluate_module",
    "find_datasets",
    "fmt",
    "is_held_out",
    "load_dataset",
    "machine_header",
    "markdown_table",
    "package_version",
    "peak_rss_mb",
    "percentile",
    "rankdata",
    "read_jsonl",
    "reset_peak_rss",
    "run_extractor_module",
    "shared_bench_dir",
    "snippet_f1",
    "spearman",
]

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"  # gitignored (see /.gitignore)
DATA_ENV = "BOILERSTRIP_DATA"

# Let the scripts import the working tree's boilerstrip when it is not pip-installed.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(1, str(REPO_ROOT))


class DatasetsMissing(RuntimeError):
    """No dataset folder was found where we looked; the message says where that was."""


# ---------------------------------------------------------------------------------------------------
# Locating the shared data and the shared scorer


def default_data_root() -> Path:
    """The folder that holds one sub-folder per dataset: $BOILERSTRIP_DATA, else ../shared/data."""
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env)
    return REPO_ROOT.parent / "shared" / "data"


def shared_bench_dir() -> Path:
    """Where run_extractor.py and evaluate.py live: $BOILERSTRIP_BENCH, else ../shared/bench."""
    env = os.environ.get("BOILERSTRIP_BENCH")
    return Path(env) if env else REPO_ROOT.parent / "shared" / "bench"


def _is_dataset(path: Path) -> bool:
    return (path / "truth.jsonl").is_file() and (path / "pages").is_dir()


def add_dataset_args(ap: argparse.ArgumentParser) -> None:
    """The --data, --datasets and --limit options every benchmark script takes."""
    ap.add_argument("--data", nargs="+", type=Path,
                    help=f"dataset folders or folders of them (default ${DATA_ENV} or ../shared/data)")
    ap.add_argument("--datasets", nargs="+", metavar="NAME", help="only these datasets (folder names)")
    ap.add_argument("--limit", type=int, help="first N pages of each dataset")


def find_datasets(data: Sequence[Path] | None = None, names: Sequence[str] | None = None) -> list[Path]:
    """Dataset folders under ``data`` (each a dataset or a folder of datasets), filtered by ``names``.

    Raises DatasetsMissing with the places looked at, so that every script can say clearly why it
    has nothing to run on instead of printing an empty table.
    """
    roots = list(data) if data else [default_data_root()]
    found: list[Path] = []
    for root in roots:
        if _is_dataset(root):
            found.append(root)
        elif root.is_dir():
            found.extend(sorted(p for p in root.iterdir() if p.is_dir() and _is_dataset(p)))
    if names:
        wanted = set(names)
        unknown = wanted - {p.name for p in found}
        if unknown:
            raise DatasetsMissing(
                f"dataset(s) {', '.join(sorted(unknown))} not found under {', '.join(map(str, roots))}; "
                f"found: {', '.join(p.name for p in found) or 'none'}"
            )
        found = [p for p in found if p.name in wanted]
    if not found:
        raise DatasetsMissing(
            f"no dataset folders (truth.jsonl + pages/) under {', '.join(map(str, roots))}; "
            f"pass --data DIR or set {DATA_ENV}"
        )
    return found


def _load_by_path(name: str, path: Path) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    if not path.is_file():
        raise DatasetsMissing(f"{path} not found; set BOILERSTRIP_BENCH to the folder holding it")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def evaluate_module() -> ModuleType:
    """The shared scorer ../shared/bench/evaluate.py, imported by path and used unchanged."""
    return _load_by_path("_shared_evaluate", shared_bench_dir() / "evaluate.py")


def run_extractor_module() -> ModuleType:
    """The shared runner ../shared/bench/run_extractor.py, imported by path and used unchanged."""
    return _load_by_path("_shared_run_extractor", shared_bench_dir() / "run_extractor.py")


# ---------------------------------------------------------------------------------------------------
# Pages


@dataclass(slots=True)
class Page:
    """One dataset page: raw bytes, the decoded str every extractor gets, and its truth record."""

    id: str
    url: str
    raw: bytes
    html: str
    truth: dict[str, Any]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def page_type(self) -> str | None:
        value = self.meta.get("page_type")
        return str(value) if value else None


@dataclass(slots=True)
class Dataset:
    """A dataset folder's pages, in truth.jsonl order (the order evaluate.py scores them in)."""

    name: str
    path: Path
    pages: list[Page]

    @property
    def kind(self) -> str:
        """"text" for full-text truth, "snippets" for with/without truth (scored differently)."""
        return "text" if all("text" in p.truth for p in self.pages) else "snippets"

    @property
    def megabytes(self) -> float:
        return sum(len(p.raw) for p in self.pages) / 1e6


def decoder_name() -> str:
    """Which decoder decode_page uses, for the run header."""
    try:
        importlib.import_module("boilerstrip.decode")
    except ImportError:
        return "run_extractor.decode_html (boilerstrip.decode not importable)"
    return "boilerstrip.decode.decode_input"


def decode_page(raw: bytes) -> str:
    """Decode once with boilerstrip's own decoder so every extractor gets the same str.

    Falls back to the shared runner's decode_html while boilerstrip.decode does not exist yet, so
    the peer tables can be made before the core is written.
    """
    try:
        decode = importlib.import_module("boilerstrip.decode")
    except ImportError:
        return str(run_extractor_module().decode_html(raw))
    text, _encoding = decode.decode_input(raw)
    return str(text)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON-lines file, [] when it does not exist (meta.jsonl is optional)."""
    if not path.is_file():
        return []
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def is_held_out(page_id: str) -> bool:
    """The fixed held-out split: a page is held out when crc32(id) % 10 is 0 or 1 (about 20 %).

    A hash of the id, not a random draw, so the split never changes when pages are added or the
    order of truth.jsonl changes, and every script and test agrees on it without a stored list.
    """
    return zlib.crc32(page_id.encode("utf-8")) % 10 in (0, 1)


def load_dataset(
    path: Path,
    limit: int | None = None,
    *,
    ids: Iterable[str] | None = None,
    decode: bool = True,
    decoder: Callable[[bytes], str] | None = None,
) -> Dataset:
    """Read a dataset folder; ``limit`` keeps the first N pages in truth.jsonl order.

    Args:
        ids: keep only these ids (applied before ``limit``).
        decode: also decode every page (skip it when only ids and truth are needed).
    """
    meta = {str(m["id"]): m for m in read_jsonl(path / "meta.jsonl") if "id" in m}
    truth = read_jsonl(path / "truth.jsonl")
    keep = set(ids) if ids is not None else None
    pages: list[Page] = []
    dec = decoder or decode_page
    for rec in truth:
        doc_id = str(rec["id"])
        if keep is not None and doc_id not in keep:
            continue
        if limit is not None and len(pages) >= limit:
            break
        with gzip.open(path / "pages" / f"{doc_id}.html.gz", "rb") as gz:
            raw = gz.read()
        pages.append(
            Page(
                id=doc_id,
                url=str(rec.get("url") or ""),
                raw=raw,
                html=dec(raw) if decode else "",
                truth=rec,
                meta=meta.get(doc_id, {}),
            )
        )
    return Dataset(name=path.name, path=path, pages=pages)


# ---------------------------------------------------------------------------------------------------
# Scores on subsets, with evaluate.py's own rules


def snippet_f1(doc: dict[str, Any]) -> float:
    """Per-page F1 from evaluate.py's per-document snippet counts (tp, fp, fn).

    evaluate.py only reports snippet scores summed over documents; a per-page value is needed to
    rank pages (--worst), count failures and correlate with confidence on snippet-truth datasets.
    A page with no "with" and no "without" hit at all (tp = fp = fn = 0) counts as 1.
    """
    tp, fp, fn = doc["tp"], doc["fp"], doc["fn"]
    return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


def doc_f1(doc: dict[str, Any]) -> float:
    """A per-document F1 whatever the truth kind (evaluate.py's own for text truth)."""
    return float(doc["f1"]) if "f1" in doc else snippet_f1(doc)


def aggregate_docs(docs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Summary of a subset of evaluate.py's per-document results, with evaluate.py's formulas.

    Text truth: macro means of P, R, F1, the median F1 and failures (F1 < 0.5), exactly as
    evaluate.evaluate() computes them over a whole dataset. Snippet truth: counts summed over the
    subset (micro), then P, R, F1 as evaluate.py does; median F1 and failures use snippet_f1 per
    page. Needed because --limit, the held-out split and page types score subsets of a dataset.
    """
    text = [d for d in docs if "f1" in d]
    snip = [d for d in docs if "tp" in d]
    out: dict[str, Any] = {"documents": len(docs)}
    if text:
        f1s = [d["f1"] for d in text]
        out.update(
            kind="text",
            precision=statistics.fmean(d["precision"] for d in text),
            recall=statistics.fmean(d["recall"] for d in text),
            f1=statistics.fmean(f1s),
            median_f1=statistics.median(f1s),
            failures=sum(f < 0.5 for f in f1s),
        )
    elif snip:
        tp, fn, fp, tn = (sum(d[k] for d in snip) for k in ("tp", "fn", "fp", "tn"))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1s = [snippet_f1(d) for d in snip]
        out.update(
            kind="snippets",
            tp=tp,
            fn=fn,
            fp=fp,
            tn=tn,
            precision=p,
            recall=r,
            f1=2 * p * r / (p + r) if p + r else 0.0,
            accuracy=(tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0,
            median_f1=statistics.median(f1s),
            failures=sum(f < 0.5 for f in f1s),
        )
    return out


# ---------------------------------------------------------------------------------------------------
# Statistics


def rankdata(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties given the mean of the ranks they span (as scipy's 'average')."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        mean_rank = (i + j) / 2 + 1
        for k in range(i, j + 1):
            ranks[order[k]] = mean_rank
        i = j + 1
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman rank correlation: Pearson correlation of tie-averaged ranks; NaN if undefined.

    Written out here (no scipy) because the bench extra does not carry scipy. Undefined means fewer
    than two pairs or a constant series, where no ranking can agree or disagree.
    """
    if len(xs) != len(ys):
        raise ValueError(f"spearman needs two series of one length, got {len(xs)} and {len(ys)}")
    if len(xs) < 2:
        return math.nan
    rx, ry = rankdata(xs), rankdata(ys)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    sxy = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    sxx = sum((a - mx) ** 2 for a in rx)
    syy = sum((b - my) ** 2 for b in ry)
    if sxx == 0 or syy == 0:
        return math.nan
    return sxy / math.sqrt(sxx * syy)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return math.nan
    s = sorted(values)
    pos = (len(s) - 1) * q / 100
    lo = math.floor(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def _status_kb(field_name: str) -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field_name + ":"):
                    return float(line.split()[1])
    except OSError:
        pass
    return None


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB, since start or the last reset_peak_rss().

    Linux's VmHWM, which reset_peak_rss() can reset; elsewhere ru_maxrss (KiB on Linux, bytes on
    macOS), which cannot be reset.
    """
    hwm = _status_kb("VmHWM")
    if hwm is not None:
        return hwm * 1024 / 1e6
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1e6 if sys.platform == "darwin" else rss * 1024 / 1e6


def reset_peak_rss() -> bool:
    """Reset the peak RSS to the current RSS (Linux: write 5 to /proc/self/clear_refs).

    Lets a benchmark measure the peak of the extraction alone, not of loading the pages or of
    import-time transients that came before. Returns False where the kernel does not allow it.
    """
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def current_rss_mb() -> float:
    """This process's current resident set size in MB (Linux /proc; peak RSS elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return peak_rss_mb()


# ---------------------------------------------------------------------------------------------------
# Output


def fmt(value: float | None, digits: int = 3) -> str:
    """A table cell: '–' for missing or NaN, integers as they are, floats to ``digits`` places."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, int):
        return str(value)
    return f"{value:.{digits}f}"


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]], right: Iterable[int] = ()) -> str:
    """A GitHub Markdown table; columns listed in ``right`` (or all but the first) are right-aligned."""
    cells = [[str(c) for c in r] for r in rows]
    right_cols = set(right) or set(range(1, len(headers)))
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        parts = [c.rjust(w) if i in right_cols else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "| " + " | ".join(parts) + " |"

    sep = "|" + "|".join(("-" * (w + 1) + ":") if i in right_cols else ("-" * (w + 2)) for i, w in enumerate(widths))
    return "\n".join([line(headers), sep + "|", *(line(r) for r in cells)])


_PACKAGES = (
    ("boilerstrip", "boilerstrip"),
    ("trafilatura", "trafilatura"),
    ("readability-lxml", "readability-lxml"),
    ("jusText", "justext"),
    ("boilerpy3", "boilerpy3"),
    ("resiliparse", "resiliparse"),
    ("selectolax", "selectolax"),
    ("lxml", "lxml"),
    ("numpy", "numpy"),
    ("matplotlib", "matplotlib"),
)


def package_version(dist: str) -> str:
    """Installed version of a distribution; for boilerstrip, else the working tree's __version__."""
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        pass
    if dist == "boilerstrip":
        try:
            return str(importlib.import_module("boilerstrip").__version__) + " (working tree)"
        except (ImportError, AttributeError):
            return "working tree"
    return "not installed"


def _git_revision() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True, text=True, timeout=10, check=False,
        )
        rev = out.stdout.strip() or "no commit yet"
        dirty = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "status", "--porcelain", "--", "boilerstrip"],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout.strip()
        return rev + (" (+ uncommitted changes to boilerstrip/)" if dirty or rev == "no commit yet" else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_header(command: str | None = None) -> str:
    """Markdown lines naming the command, date, machine and package versions of a run.

    Printed above every table so a pasted table always says what produced it; the load average
    is there because the machine's cores are shared and a busy neighbour slows every extractor.
    """
    try:
        mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
    except (ValueError, OSError):
        mem_gb = math.nan
    load = os.getloadavg() if hasattr(os, "getloadavg") else (math.nan,) * 3
    versions = ", ".join(f"{label} {package_version(dist)}" for label, dist in _PACKAGES)
    lines = [
        f"- Command: `{command or ' '.join(['python'] + sys.argv)}`",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M %Z')}; boilerstrip revision: {_git_revision()}",
        (
            f"- Machine: {_cpu_model()}, {os.cpu_count()} cores, {mem_gb:.0f} GB RAM, "
            f"{platform.system()} {platform.release()}; load average at start "
            f"{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}"
        ),
        f"- Python {platform.python_version()} ({platform.python_implementation()}); {versions}",
        f"- Decoding: {decoder_name()}",
        "- Walker: {0.segment.WALKER}; counts: {0._compiled.COUNTER}; kernels: {1}".format(
            importlib.import_module("boilerstrip").parse, _kernels_line()
        ),
    ]
    return "\n".join(lines)


def _kernels_line() -> str:
    """Which of features', score's and smooth's steps run compiled (boilerstrip/_kernels.pyx)."""
    kernels = getattr(importlib.import_module("boilerstrip.parse._compiled"), "KERNELS", {})
    compiled = [name for name, used in kernels.items() if used == "compiled"]
    return f"compiled {len(compiled)}/{len(kernels)}" if kernels else "none"
