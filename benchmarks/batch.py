#!/usr/bin/env python3
"""Time ``boilerstrip batch`` on a WARC and a WET built from the dataset pages, with 1 and all cores.

What it measures, as Markdown tables:

* records/s and MB/s (MB of uncompressed page) for WARC (HTML) and WET (text) input, with
  ``--jobs 1`` and ``--jobs N`` (N = all cores), the scaling from 1 to N, and the per-core
  efficiency: batch records/s per worker over two references run in this process, ``boilerstrip.extract``
  called in a loop on the same pages already in memory (so the batch's reading, JSON and ordering
  all count against it), and a reader loop, what a user would write instead of the batch:
  FastWARC's ArchiveIterator over the same file, ``extract`` and a ``json.dumps`` line per page;
* CPU per record of the workers and of the parent (the parent's own count over the run, from the
  summary's ``parent_cpu_seconds``, start-up left out), the load-independent view of scaling: with
  N workers the parent must stay well under 1/N of a core; and whether ``--jobs N`` wrote the same
  bytes as ``--jobs 1``;
* peak RSS of the batch parent, of the largest worker and of the whole process tree (polled
  from /proc every 50 ms as VmHWM, a per-process high-water mark, so short peaks are not missed);
* peak RSS for a small and a large WARC (``--repeat`` copies of the pages), to show that memory
  does not grow with the input.

On a shared machine one run of a few seconds is moved by a few hundred milliseconds of jitter, so
every figure comes from ``--rounds`` rounds (3 by default): each round runs the control, both
references and the batch with 1 and with N jobs for each input, in alternating order (the odd
rounds backwards), and the tables give the median over the rounds and the spread (lowest-highest).
The scaling and the per-core figures are taken within each round, from runs minutes apart at most,
before the median. Each input holds the pages as many times over as it takes for its N-job run to
last ``--min-seconds`` (10 s by default), judged from the extract() loop's rate.

The WARC has one gzip member per response record (Content-Type text/html, no charset); the WET
holds each page's text dump (benchmarks/to_text.py, one line per block, as Common Crawl's WET
files do) as conversion records. They are written to a temporary folder and deleted afterwards.

Examples::

    python benchmarks/batch.py --repeat 0               # every dataset page, 3 rounds (≈ 10 min on 2 idle cores)
    python benchmarks/batch.py --limit 100              # 100 pages of each dataset
    python benchmarks/batch.py --limit 100 --repeat 20  # and a ~20× larger WARC for the RSS check
    python benchmarks/batch.py --rounds 1 --min-seconds 0  # one quick round over the pages once
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common
import to_text

from boilerstrip import extract
from boilerstrip.batch.pool import default_jobs
from boilerstrip.batch.warcgen import gzip_member, http_response, warc_record

__all__ = ["main"]

_POLL = 0.05


@dataclass
class Run:
    """One ``boilerstrip batch`` run: what it did and how much memory its processes peaked at."""

    label: str
    jobs: int
    records: int = 0
    written: int = 0
    failed: int = 0
    seconds: float = 0.0
    page_mb: float = 0.0
    input_mb: float = 0.0
    peaks_mb: dict[int, tuple[str, float]] = field(default_factory=dict)  # pid -> (role, VmHWM MB)
    cpu_s: dict[int, tuple[str, float]] = field(default_factory=dict)  # pid -> (role, user + system s)
    # The parent's CPU from reading the first record to the last line written (the summary's own
    # count: start-up and imports left out), and the SHA-256 of the output.
    parent_run_cpu: float = 0.0
    digest: str = ""

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0

    def peak(self, role: str) -> float:
        values = [mb for r, mb in self.peaks_mb.values() if r == role]
        return max(values) if values else 0.0

    @property
    def tree_mb(self) -> float:
        return sum(mb for _, mb in self.peaks_mb.values())

    def cpu(self, role: str) -> float:
        return sum(s for r, s in self.cpu_s.values() if r == role)


def _scan_children() -> dict[int, list[int]]:
    """Every process's children, from every /proc/PID/stat (when /proc/PID/task/TID/children is missing)."""
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


# Linux lists each thread's children in /proc/PID/task/TID/children (CONFIG_PROC_CHILDREN).
_HAS_CHILDREN_FILES = os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")


def _children(root: int) -> dict[int, list[int]]:
    """The children of ``root`` and of each of its descendants.

    Read from the children files of the tree alone: scanning every /proc/PID/stat 20 times a
    second (80 processes here) took about 5 % of a core, on the cores the workers share, which
    lowered the very N-job figures it helps measure (the tree walk: a few tenths of a percent).
    """
    if not _HAS_CHILDREN_FILES:
        return _scan_children()
    tree: dict[int, list[int]] = {}
    stack = [root]
    while stack:
        pid = stack.pop()
        kids: list[int] = []
        try:
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as fh:
                    kids.extend(int(child) for child in fh.read().split())
        except OSError:  # gone, or a thread gone between the listing and the read
            pass
        tree[pid] = kids
        stack.extend(child for child in kids if child not in tree)
    return tree


_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            stat = fh.read()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS  # utime + stime


def _hwm_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            status = fh.read()
    except OSError:
        return None
    at = status.find("\nVmHWM:")
    return None if at < 0 else int(status[at + 7:status.index("\n", at + 7)].split()[0]) * 1024 / 1e6


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def _role(cmdline: str, parent_role: str | None, root_cmdline: str) -> str:
    if parent_role == "forkserver":
        return "worker"  # forked from the fork server
    if "multiprocessing.forkserver" in cmdline:
        return "forkserver"
    if parent_role == "parent" and cmdline == root_cmdline:
        # Forked from the batch process itself: a worker, or a fork server or resource tracker
        # not yet exec'd, which _watch looks at again until its command line changes.
        return "worker"
    return "other"  # the resource tracker


def _watch(root: int, run: Run, done: threading.Event) -> None:
    """Record the VmHWM of the batch process and all its descendants until ``done``."""
    roles: dict[int, str] = {root: "parent"}
    unsure: set[int] = set()  # children of the parent still showing its command line
    while not done.is_set():
        tree = _children(root)
        root_cmdline = _cmdline(root)  # read again: at the first poll it may not have exec'd yet
        for pid in list(unsure):
            cmdline = _cmdline(pid)
            if cmdline != root_cmdline:
                unsure.discard(pid)
                if cmdline:  # it exec'd: say what it really is, for what was counted too
                    roles[pid] = _role(cmdline, "parent", root_cmdline)
                    for table in (run.peaks_mb, run.cpu_s):
                        if pid in table:
                            table[pid] = (roles[pid], table[pid][1])
        stack = [root]
        while stack:
            pid = stack.pop()
            for child in tree.get(pid, []):
                if child not in roles:
                    cmdline = _cmdline(child)
                    if not cmdline:
                        continue  # gone, or not readable yet: look again at the next poll
                    roles[child] = _role(cmdline, roles.get(pid), root_cmdline)
                    if pid == root and cmdline == root_cmdline:
                        unsure.add(child)
                stack.append(child)
        for pid, role in roles.items():
            mb = _hwm_mb(pid)
            if mb is not None:
                run.peaks_mb[pid] = (role, max(mb, run.peaks_mb.get(pid, (role, 0.0))[1]))
            cpu = _cpu_seconds(pid)
            if cpu is not None:
                run.cpu_s[pid] = (role, cpu)
        done.wait(_POLL)


def run_batch(label: str, inputs: Sequence[Path], jobs: int, workdir: Path, extra: Sequence[str] = ()) -> Run:
    """Run ``python -m boilerstrip batch`` once and collect its summary and memory peaks."""
    out = workdir / f"out-{label}-{jobs}.jsonl"
    summary = workdir / f"summary-{label}-{jobs}.json"
    cmd = [sys.executable, "-m", "boilerstrip", "batch", *map(str, inputs), "-o", str(out),
           "--jobs", str(jobs), "--summary", str(summary), "--quiet", *extra]
    run = Run(label, jobs)
    done = threading.Event()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(_common.REPO_ROOT),
                                                                      os.environ.get("PYTHONPATH")])))
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env)
    watcher = threading.Thread(target=_watch, args=(proc.pid, run, done), daemon=True)
    watcher.start()
    code = proc.wait()
    run.seconds = time.perf_counter() - start
    done.set()
    watcher.join()
    if code != 0:
        raise SystemExit(f"batch.py: {' '.join(cmd)} exited with {code}")
    report = json.loads(summary.read_text())
    # The run's own clock: from reading the first record to the last line written, workers'
    # start included, Python's start-up and imports not (they would swamp short runs).
    run.seconds = report["seconds"]
    run.records, run.written, run.failed = report["read"], report["written"], report["failed"]
    run.page_mb = report["payload_bytes"] / 1e6
    run.input_mb = report["input_bytes"] / 1e6
    run.parent_run_cpu = report["parent_cpu_seconds"]
    run.digest = hashlib.sha256(out.read_bytes()).hexdigest()
    out.unlink()
    return run


def build_inputs(pages: Sequence[tuple[str, bytes]], workdir: Path, repeat: int) -> tuple[Path, Path, Path]:
    """Write the WARC, the WET and a ``repeat`` times larger WARC for the memory check."""
    warc, wet, big = workdir / "pages.warc.gz", workdir / "pages.wet.gz", workdir / "large.warc.gz"
    members = [gzip_member(warc_record(http_response(raw, content_type="text/html"), url=f"https://example.org/{pid}",
                                       record_id=f"{n:08d}-0000-0000-0000-000000000000"))
               for n, (pid, raw) in enumerate(pages)]
    warc.write_bytes(b"".join(members))
    with open(wet, "wb") as fh:
        for pid, raw in pages:
            text = to_text.html_to_text(raw).encode("utf-8")
            fh.write(gzip_member(warc_record(text, warc_type="conversion", url=f"https://example.org/{pid}",
                                             content_type="text/plain")))
    with open(big, "wb") as fh:
        for _ in range(repeat):
            fh.writelines(members)
    return warc, wet, big


def loop_inputs(pages: Sequence[tuple[str, bytes]], input_type: str) -> list[bytes]:
    """The pages as the extract() loop gets them: HTML, or the text dump the WET holds."""
    return [raw if input_type == "html" else to_text.html_to_text(raw).encode("utf-8") for _, raw in pages]


def loop_rate(inputs: Sequence[bytes], input_type: str, copies: int = 1) -> tuple[float, float, float]:
    """records/s, MB/s and CPU ms/record of ``extract`` called in a loop in this process (the reference).

    The loop goes ``copies`` times over the pages, as many as the batch's input holds.
    """
    content_type = "text/html" if input_type == "html" else "text/plain; charset=utf-8"
    for data in inputs[:20]:
        extract(data, content_type=content_type, input_type=input_type)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(copies):
        for data in inputs:
            extract(data, content_type=content_type, input_type=input_type)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    records = copies * len(inputs)
    return records / seconds, copies * sum(map(len, inputs)) / 1e6 / seconds, 1000 * cpu / records


def copies_for(min_seconds: float, jobs: int, rate: float, records: int) -> int:
    """How many times over an input must hold its ``records`` pages for a ``jobs``-job run to last ``min_seconds``.

    ``rate`` is one extract() loop's records/s; the batch runs a little slower per core, so the run
    lasts a little longer than asked.
    """
    if min_seconds <= 0 or rate <= 0 or records <= 0:
        return 1
    return max(1, math.ceil(min_seconds * jobs * rate / records))


def repeat_file(path: Path, copies: int) -> Path:
    """``path`` with its bytes ``copies`` times over (gzip members one after another: still one WARC)."""
    if copies <= 1:
        return path
    target = path.with_name(f"x{copies}-{path.name}")
    data = path.read_bytes()
    with open(target, "wb") as fh:
        for _ in range(copies):
            fh.write(data)
    return target


def in_round_order(index: int, steps: Sequence[Any]) -> list[Any]:
    """The steps of round ``index``: forwards in even rounds, backwards in odd ones, so drift evens out."""
    return list(steps) if index % 2 == 0 else list(reversed(steps))


def median_spread(values: Sequence[float], form: str = "{:.2f}") -> tuple[str, str]:
    """The median of ``values`` and their spread ("lowest–highest"; "-" for a single value), formatted."""
    median = form.format(statistics.median(values))
    spread = f"{form.format(min(values))}–{form.format(max(values))}" if len(values) > 1 else "-"
    return median, spread


def reader_loop_rate(path: Path, workdir: Path) -> tuple[float, float, float]:
    """records/s, MB/s and CPU ms/record of what a user would write instead of ``boilerstrip batch``.

    FastWARC's ArchiveIterator over the same WARC or WET file, ``extract`` on each page and one
    ``json.dumps`` line per page written to a file, in this process. Unlike the batch it does not
    isolate pages (no time limit, a crash ends the run) and writes only id, URL and text; it pays
    no start-up (this process has imported everything already), which the batch figures include.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    out = workdir / "reader-loop.jsonl"
    records = page_bytes = 0
    start, cpu = time.perf_counter(), time.process_time()
    with open(path, "rb") as fh, open(out, "w", encoding="utf-8") as sink:
        for rec in ArchiveIterator(fh, record_types=WarcRecordType.response | WarcRecordType.conversion):
            if rec.record_type == WarcRecordType.response:
                content_type, input_type = rec.http_headers.get("Content-Type"), "html"
            else:
                content_type, input_type = "text/plain; charset=utf-8", "text"
            data = rec.reader.read()
            if not data.strip():
                continue
            text = extract(data, content_type=content_type, input_type=input_type)
            sink.write(json.dumps({"id": rec.record_id, "url": rec.headers.get("WARC-Target-URI"), "text": text},
                                  ensure_ascii=False) + "\n")
            records += 1
            page_bytes += len(data)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    out.unlink()
    return records / seconds, page_bytes / 1e6 / seconds, 1000 * cpu / records


def _loop_worker(inputs: Sequence[bytes], results: Any) -> None:
    start = time.perf_counter()
    for data in inputs:
        extract(data, content_type="text/html")
    results.put(len(inputs) / (time.perf_counter() - start))


def machine_scaling(pages: Sequence[tuple[str, bytes]], jobs: int) -> tuple[float, float]:
    """records/s of 1 and of ``jobs`` independent ``extract`` loops run at once (the machine's own scaling).

    The control for the batch scaling: on a shared machine (and with Linux's autogroup, which
    shares the CPU between sessions rather than processes) this is what any pool could reach.
    """
    inputs = [raw for _, raw in pages[:600]]
    ctx = multiprocessing.get_context("fork")
    rates = []
    for n in (1, jobs):
        results = ctx.Queue()
        procs = [ctx.Process(target=_loop_worker, args=(inputs, results)) for _ in range(n)]
        for proc in procs:
            proc.start()
        rates.append(sum(results.get() for _ in procs))
        for proc in procs:
            proc.join()
    return rates[0], rates[1]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    _common.add_dataset_args(ap)
    ap.add_argument("--jobs", type=int, default=default_jobs(), help="the 'all cores' run (default: %(default)s)")
    ap.add_argument("--repeat", type=int, default=0,
                    help="also run a WARC with the pages this many times over, for peak RSS (0: skip)")
    ap.add_argument("--rounds", type=int, default=3,
                    help="rounds of every run, in alternating order; tables give medians and spreads "
                         "(default: %(default)s)")
    ap.add_argument("--min-seconds", type=float, default=10.0,
                    help="repeat each input's pages until its --jobs run lasts about this long "
                         "(default: %(default)s; 0: the pages once)")
    ap.add_argument("--workdir", type=Path, default=None, help="where to write the inputs (default: a temp dir)")
    args = ap.parse_args(argv)
    if args.rounds < 1:
        ap.error(f"--rounds must be at least 1, got {args.rounds}")
    if args.min_seconds < 0:
        ap.error(f"--min-seconds must be 0 or more, got {args.min_seconds}")
    try:
        dirs = _common.find_datasets(args.data, args.datasets)
    except _common.DatasetsMissing as exc:
        print(f"batch.py: {exc}", file=sys.stderr)
        return 2
    pages: list[tuple[str, bytes]] = []
    for d in dirs:
        truth = _common.read_jsonl(d / "truth.jsonl")[: args.limit]
        for rec in truth:
            with gzip.open(d / "pages" / f"{rec['id']}.html.gz", "rb") as fh:
                pages.append((f"{d.name}/{rec['id']}", fh.read()))
    print("# boilerstrip batch benchmark\n")
    print(_common.machine_header())
    print(f"- Pages: {len(pages)} from {', '.join(d.name for d in dirs)}"
          f"{f' (first {args.limit} of each)' if args.limit else ''}, "
          f"{sum(len(r) for _, r in pages) / 1e6:.1f} MB of HTML")
    if args.workdir:
        Path(args.workdir).mkdir(parents=True, exist_ok=True)
    all_jobs = sorted({1, args.jobs})
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        workdir = Path(tmp)
        warc, wet, big = build_inputs(pages, workdir, args.repeat)
        # Per input: its label, its file (the pages `copies` times over), the mode and the loop's pages.
        inputs: list[tuple[str, Path, str, list[bytes], int]] = []
        for label, path, mode in (("WARC", warc, "html"), ("WET", wet, "text")):
            data = loop_inputs(pages, mode)
            rate = loop_rate(data[:300], mode)[0]  # a first guess of the loop's speed, to size the input
            copies = copies_for(args.min_seconds, args.jobs, rate, len(data))
            inputs.append((label, repeat_file(path, copies), mode, data, copies))
        print(f"- Inputs: {', '.join(f'{label} the pages {copies}× over' for label, _, _, _, copies in inputs)} "
              f"(--min-seconds {args.min_seconds:g}); {args.rounds} round(s), medians and spreads over them\n")
        runs: dict[tuple[str, int], list[Run]] = {(label, jobs): [] for label, *_ in inputs for jobs in all_jobs}
        # The two references per input and round: extract() over pages in memory, and a user's own reading loop.
        loops: dict[str, list[tuple[float, float, float]]] = {label: [] for label, *_ in inputs}
        readers: dict[str, list[tuple[float, float, float]]] = {label: [] for label, *_ in inputs}
        controls: list[tuple[float, float]] = []
        for index in range(args.rounds):
            controls.append(machine_scaling(pages, args.jobs))
            one_loop, many_loops = controls[-1]
            print(f"round {index + 1}: {args.jobs} independent extract loops: {many_loops / one_loop:.2f}x one",
                  file=sys.stderr)
            for label, path, mode, data, copies in in_round_order(index, inputs):
                steps: list[int | str] = ["loop", "reader", *all_jobs]
                for step in in_round_order(index, steps):
                    if step == "loop":
                        loops[label].append(loop_rate(data, mode, copies))
                        rate = loops[label][-1][0]
                    elif step == "reader":
                        readers[label].append(reader_loop_rate(path, workdir))
                        rate = readers[label][-1][0]
                    else:
                        assert isinstance(step, int)
                        runs[label, step].append(run_batch(label, [path], step, workdir))
                        rate = runs[label, step][-1].rate
                    name = f"--jobs {step}" if isinstance(step, int) else "extract() loop" if step == "loop" \
                        else "reader loop"
                    print(f"  {label} {name}: {rate:.1f} records/s", file=sys.stderr)
        rows = []
        for (label, jobs), mine in runs.items():
            ones = runs[label, 1]
            r = mine[0]
            seconds = median_spread([x.seconds for x in mine], "{:.1f}")[0]
            rate_median, rate_spread = median_spread([x.rate for x in mine], "{:.1f}")
            mbs = median_spread([x.page_mb / x.seconds for x in mine])[0]
            # Within each round: its N-job run over its 1-job run, its runs over its references.
            scaling, scaling_spread = median_spread([x.rate / one.rate for x, one in zip(mine, ones, strict=True)])
            scaling_spread = "-" if jobs == 1 else scaling_spread
            vs_loop = [x.rate / jobs / lp[0] for x, lp in zip(mine, loops[label], strict=True)]
            vs_reader = [x.rate / jobs / rd[0] for x, rd in zip(mine, readers[label], strict=True)]
            worker_ms = [1000 * x.cpu("worker") / x.records for x in mine]
            parent_ms = [1000 * x.cpu("parent") / x.records for x in mine]
            cpu_ms = [w + p for w, p in zip(worker_ms, parent_ms, strict=True)]
            cpu_vs_loop = [lp[2] / c for lp, c in zip(loops[label], cpu_ms, strict=True)]
            cpu_vs_reader = [rd[2] / c for rd, c in zip(readers[label], cpu_ms, strict=True)]
            rows.append([
                label, jobs, r.records, seconds, rate_median, rate_spread, mbs, f"{scaling}×",
                "-" if scaling_spread == "-" else f"{scaling_spread}×",
                f"{statistics.median(vs_loop):.0%} / {statistics.median(vs_reader):.0%}",
                "-" if len(mine) == 1 else f"{min(vs_loop):.0%}–{max(vs_loop):.0%} / "
                                           f"{min(vs_reader):.0%}–{max(vs_reader):.0%}",
                f"{statistics.median(worker_ms):.2f} + {statistics.median(parent_ms):.2f}",
                f"{statistics.median([1000 * x.parent_run_cpu / x.records for x in mine]):.3f}",
                f"{statistics.median([x.parent_run_cpu / x.seconds for x in mine]):.1%}",
                f"{statistics.median(cpu_vs_loop):.0%} / {statistics.median(cpu_vs_reader):.0%}",
                f"{max(x.cpu('forkserver') for x in mine):.2f}",
                "yes" if all(x.digest == ones[0].digest for x in mine) else "NO",
                f"{max(x.peak('parent') for x in mine):.0f}", f"{max(x.peak('worker') for x in mine):.0f}",
                f"{max(x.tree_mb for x in mine):.0f}",
            ])
        print(_common.markdown_table(
            ["input", "jobs", "records", "s", "records/s", "records/s spread", "MB/s", "scaling", "scaling spread",
             "per core vs loop / reader", "per core spread", "CPU ms/rec worker + parent", "parent CPU ms/rec in run",
             "parent CPU / wall", "CPU vs loop / reader", "fork server CPU s", "output = jobs 1", "parent MB",
             "worker MB", "all MB"],
            rows, right=range(1, 20)))
        print()
        reference_rows = []
        for label in loops:
            for name, measured in (("extract() loop, pages in memory", loops[label]),
                                   ("reader loop: ArchiveIterator + extract() + json.dumps", readers[label])):
                rate_median, rate_spread = median_spread([m[0] for m in measured], "{:.1f}")
                reference_rows.append([label, name, rate_median, rate_spread, median_spread([m[1] for m in measured])[0],
                                       median_spread([m[2] for m in measured])[0]])
        print(_common.markdown_table(["input", "reference", "records/s", "records/s spread", "MB/s", "CPU ms/record"],
                                     reference_rows))
        print()
        ratio, ratio_spread = median_spread([many / one for one, many in controls])
        print(f"Control: {args.jobs} independent extract() loops (first 600 pages, HTML) ran at "
              f"{statistics.median(many for _, many in controls):.1f} records/s together, {ratio}× one loop "
              f"({statistics.median(one for one, _ in controls):.1f}; spread {ratio_spread}× over {args.rounds} "
              f"round(s)), in the same rounds: the most any pool could scale on this machine at this moment. "
              f"Load average at the end: {' / '.join(Path('/proc/loadavg').read_text().split()[:3])}.\n")
        if args.repeat:
            large = run_batch("large", [big], args.jobs, workdir)
            small = runs["WARC", args.jobs][0]
            print(_common.markdown_table(
                ["WARC", "input MB (gzip)", "pages MB", "records", "parent MB", "worker MB", "all MB"],
                [[name, f"{r.input_mb:.0f}", f"{r.page_mb:.0f}", r.records, f"{r.peak('parent'):.0f}",
                  f"{r.peak('worker'):.0f}", f"{r.tree_mb:.0f}"]
                 for name, r in (("the input above", small), (f"pages × {args.repeat}", large))]))
            print()
        print("MB = 10^6 bytes of uncompressed page (HTML for WARC, text for WET). Every figure is the median over "
              "the rounds; 'spread' is the lowest–highest over them. 'scaling': each round's N-job records/s over "
              "the same round's 1-job records/s. 'per core vs loop / reader': records/s per job over the same "
              "round's extract() loop (pages already in memory) and reader loop (what a user would write instead "
              "of the batch: FastWARC's ArchiveIterator over the same file, extract() and a json.dumps line per "
              "page, one process), wall clock; 'CPU ms/rec': from /proc, start-up included; 'parent CPU ms/rec in "
              "run': the parent's own CPU from the first record read to the last line written, per record (the "
              "summary's parent_cpu_seconds), and 'parent CPU / wall' the share of a core it took; 'CPU vs loop / "
              "reader': each reference's CPU per record over the batch's (workers + parent, start-up included), "
              "which a busy machine disturbs less; 'fork server CPU s': what the fork server spent, importing "
              "boilerstrip once for every worker (not in the CPU per record; the highest over the rounds); "
              "'output = jobs 1': every round wrote the same SHA-256 as the first --jobs 1 run. Peak RSS is VmHWM, "
              "the highest over the rounds; 'all' sums the parent, the fork server, the resource tracker and "
              "every worker.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
