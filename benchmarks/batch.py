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

The WARC has one gzip member per response record (Content-Type text/html, no charset); the WET
holds each page's text dump (benchmarks/to_text.py, one line per block, as Common Crawl's WET
files do) as conversion records. They are written to a temporary folder and deleted afterwards.

Examples::

    python benchmarks/batch.py                          # every dataset page (≈ 10 min on 2 cores)
    python benchmarks/batch.py --limit 100              # 100 pages of each dataset
    python benchmarks/batch.py --limit 100 --repeat 20  # and a ~20× larger WARC for the RSS check
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import multiprocessing
import os
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


def _children() -> dict[int, list[int]]:
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
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    return None


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
        tree = _children()
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


def loop_rate(pages: Sequence[tuple[str, bytes]], input_type: str) -> tuple[float, float, float]:
    """records/s, MB/s and CPU ms/record of ``extract`` called in a loop in this process (the reference)."""
    inputs = [raw if input_type == "html" else to_text.html_to_text(raw).encode("utf-8") for _, raw in pages]
    content_type = "text/html" if input_type == "html" else "text/plain; charset=utf-8"
    for data in inputs[:20]:
        extract(data, content_type=content_type, input_type=input_type)
    start, cpu = time.perf_counter(), time.process_time()
    for data in inputs:
        extract(data, content_type=content_type, input_type=input_type)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return len(inputs) / seconds, sum(map(len, inputs)) / 1e6 / seconds, 1000 * cpu / len(inputs)


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
    ap.add_argument("--workdir", type=Path, default=None, help="where to write the inputs (default: a temp dir)")
    args = ap.parse_args(argv)
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
          f"{sum(len(r) for _, r in pages) / 1e6:.1f} MB of HTML\n")
    if args.workdir:
        Path(args.workdir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        workdir = Path(tmp)
        warc, wet, big = build_inputs(pages, workdir, args.repeat)
        runs: list[Run] = []
        # The two references per input: extract() over pages in memory, and a user's own reading loop.
        loops: dict[str, tuple[float, float, float]] = {}
        readers: dict[str, tuple[float, float, float]] = {}
        one_loop, many_loops = machine_scaling(pages, args.jobs)
        print(f"  {args.jobs} independent extract loops: {many_loops / one_loop:.2f}x one", file=sys.stderr)
        for label, path, mode in (("WARC", warc, "html"), ("WET", wet, "text")):
            loops[label] = loop_rate(pages, mode)
            readers[label] = reader_loop_rate(path, workdir)
            for jobs in sorted({1, args.jobs}):
                runs.append(run_batch(label, [path], jobs, workdir))
                print(f"  {label} --jobs {jobs}: {runs[-1].rate:.1f} records/s", file=sys.stderr)
        rows = []
        for r in runs:
            one = next(x for x in runs if x.label == r.label and x.jobs == 1)
            loop_rate_, _, loop_ms = loops[r.label]
            reader_rate, _, reader_ms = readers[r.label]
            worker_ms = 1000 * r.cpu("worker") / r.records
            parent_ms = 1000 * r.cpu("parent") / r.records
            run_ms = 1000 * r.parent_run_cpu / r.records
            rows.append([
                r.label, r.jobs, r.records, f"{r.seconds:.1f}", f"{r.rate:.1f}", f"{r.page_mb / r.seconds:.2f}",
                f"{r.rate / one.rate:.2f}×", f"{r.rate / r.jobs / loop_rate_:.0%} / {r.rate / r.jobs / reader_rate:.0%}",
                f"{worker_ms:.2f} + {parent_ms:.2f}", f"{run_ms:.3f}", f"{r.parent_run_cpu / r.seconds:.1%}",
                f"{loop_ms / (worker_ms + parent_ms):.0%} / {reader_ms / (worker_ms + parent_ms):.0%}",
                f"{r.cpu('forkserver'):.2f}", "yes" if r.digest == one.digest else "NO",
                f"{r.peak('parent'):.0f}", f"{r.peak('worker'):.0f}", f"{r.tree_mb:.0f}",
            ])
        print(_common.markdown_table(
            ["input", "jobs", "records", "s", "records/s", "MB/s", "scaling", "per core vs loop / reader",
             "CPU ms/rec worker + parent", "parent CPU ms/rec in run", "parent CPU / wall", "CPU vs loop / reader",
             "fork server CPU s", "output = jobs 1", "parent MB", "worker MB", "all MB"],
            rows, right=range(1, 17)))
        print()
        print(_common.markdown_table(
            ["input", "reference", "records/s", "MB/s", "CPU ms/record"],
            [[label, name, f"{rate:.1f}", f"{mbs:.2f}", f"{ms:.2f}"]
             for label in loops
             for name, (rate, mbs, ms) in (("extract() loop, pages in memory", loops[label]),
                                           ("reader loop: ArchiveIterator + extract() + json.dumps", readers[label]))]))
        print()
        print(f"Control: {args.jobs} independent extract() loops (first 600 pages, HTML) ran at "
              f"{many_loops:.1f} records/s together, {many_loops / one_loop:.2f}× one loop ({one_loop:.1f}): the "
              f"most any pool could scale on this machine at this moment. Load average at the end: "
              f"{' / '.join(Path('/proc/loadavg').read_text().split()[:3])}.\n")
        if args.repeat:
            large = run_batch("large", [big], args.jobs, workdir)
            small = next(r for r in runs if r.label == "WARC" and r.jobs == args.jobs)
            print(_common.markdown_table(
                ["WARC", "input MB (gzip)", "pages MB", "records", "parent MB", "worker MB", "all MB"],
                [[name, f"{r.input_mb:.0f}", f"{r.page_mb:.0f}", r.records, f"{r.peak('parent'):.0f}",
                  f"{r.peak('worker'):.0f}", f"{r.tree_mb:.0f}"]
                 for name, r in (("pages", small), (f"pages × {args.repeat}", large))]))
            print()
        print("MB = 10^6 bytes of uncompressed page (HTML for WARC, text for WET). 'per core vs loop / "
              "reader': records/s per job over the extract() loop's (pages already in memory) and over the "
              "reader loop's (what a user would write instead of the batch: FastWARC's ArchiveIterator over "
              "the same file, extract() and a json.dumps line per page, one process), wall clock; 'CPU ms/rec': "
              "from /proc, start-up included; 'parent CPU ms/rec in run': the parent's own CPU from the first "
              "record read to the last line written, per record (the summary's parent_cpu_seconds), and "
              "'parent CPU / wall' the share of a core it took; 'CPU vs loop / reader': each reference's CPU "
              "per record over the batch's (workers + parent, start-up included), which a busy machine "
              "disturbs less; 'fork server CPU s': what the fork server spent, importing boilerstrip once for "
              "every worker (not in the CPU per record); 'output = jobs 1': the same SHA-256 as the --jobs 1 "
              "output. Peak RSS is VmHWM; 'all' sums the parent, the fork server, the resource tracker and "
              "every worker.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
