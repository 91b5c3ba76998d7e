"""Fuzz boilerstrip with mutated real pages; report crashes, hangs, memory spikes and unsafe HTML.

Each input is a dataset page (``<data>/*/pages/*.html.gz``; ``--data`` or $BOILERSTRIP_DATA,
else ../shared/data; the fixtures of tests/ when there is none) with a few mutations: tags
cut, dropped, duplicated, swapped and nested, hostile tokens put in, bytes flipped, the
charset changed or lied about, the page truncated, deep nesting added. It runs through
``extract`` with random options in a worker process, so that a segfault or a hang costs a
worker (restarted) and not the run. An input is a finding when:

- crash: extract raised something other than a BoilerstripError, or the worker died;
- hang: it used more than --hang-seconds of CPU, or gave no answer in 3x that wall time;
- memory: the worker's peak RSS while extracting it went over --max-rss-mb, or grew by
  more than 200 MB + 50 times the input's size;
- unsafe: the HTML output holds anything but bare allowed tags and escaped text.

Every finding is saved (input bytes + options + traceback) under --out for reproduction
with ``--replay FILE``. Exit status 0 when nothing was found, 1 otherwise, 2 on bad usage.

    python benchmarks/fuzz.py --minutes 10                # the run docs/robustness.md reports
    python benchmarks/fuzz.py --seconds 5 --fixtures      # what tests/test_fuzz.py runs in CI
    python benchmarks/fuzz.py --replay benchmarks/results/fuzz/crash-3.json
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import multiprocessing as mp
import os
import random
import re
import resource
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from _common import (
    REPO_ROOT,
    RESULTS_DIR,
    default_data_root,
    machine_header,
    markdown_table,
    peak_rss_mb,
    reset_peak_rss,
)

FIXTURES = REPO_ROOT / "tests" / "fixtures"
# Pages larger than this are cut before mutating: the 3 MB dataset pages stay whole.
_MAX_SOURCE = 4 * 1024 * 1024
# Allowed HTML output (docs/robustness.md): these bare tags around escaped text.
_SAFE_TAG = re.compile(r"</?(?:p|h[1-6]|ul|li|table|tr|td|pre|code|blockquote)>")
_SAFE_TEXT = re.compile(r"[^<>\"']*")
HOSTILE = [
    b"<div>",
    b"</div>",
    b"<p>",
    b"</p>",
    b"<table>",
    b"<td>",
    b"</tr>",
    b"<li>",
    b"<h2>",
    b"<pre>",
    b"<br>",
    b"<a href=x>",
    b"<script>",
    b"</script>",
    b"<style>",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b"<svg>",
    b"<math>",
    b"<xmp>",
    b"<textarea>",
    b"<noscript>",
    b"<template>",
    b"<select>",
    b"<frameset>",
    b"<iframe>",
    b"<plaintext>",
    b"<body>",
    b"<html>",
    b"<head>",
    b"<title>",
    b"<p hidden>",
    b"<div style='display:none'>",
    b"&",
    b"&#",
    b"&#x110000;",
    b"&#0;",
    b"&lt;",
    b"&nbsp;",
    b"<",
    b">",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xe2\x80\xae",
    b"\r",
    b"\xed\xa0\x80",
    b"\xc3",
    b"\x80",
    b"<img src=x onerror=alert(1)>",
    b"<a href='javascript:alert(1)'>x</a>",
    b"<meta charset=utf-16>",
    b"<meta charset=zlib>",
]
CHARSETS = [
    "utf-8",
    "utf-16",
    "utf-16-be",
    "cp1252",
    "gb18030",
    "shift_jis",
    "koi8-r",
    "utf-7",
    "rot13",
    "x-junk",
]


# --- inputs -----------------------------------------------------------------------


def find_pages(roots: list[Path]) -> list[Path]:
    """Dataset pages under each root (a dataset folder or a folder of datasets)."""
    pages: list[Path] = []
    for root in roots:
        if (root / "pages").is_dir():
            pages.extend(sorted((root / "pages").glob("*.html.gz")))
        elif root.is_dir():
            pages.extend(sorted(root.glob("*/pages/*.html.gz")))
    return pages


def fixture_pages() -> list[Path]:
    return sorted((FIXTURES / "golden").glob("*.html")) + sorted((FIXTURES / "seeds").glob("*.txt"))


def read_page(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data[:_MAX_SOURCE]


def _tokens(page: bytes) -> list[bytes]:
    out: list[bytes] = []
    pos = 0
    while pos < len(page):
        lt = page.find(b"<", pos)
        if lt < 0:
            out.append(page[pos:])
            break
        if lt > pos:
            out.append(page[pos:lt])
        gt = page.find(b">", lt)
        end = len(page) if gt < 0 else gt + 1
        out.append(page[lt:end])
        pos = end
    return out


def mutate(page: bytes, other: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    """A few random mutations of page (other: a second page to splice from); the bytes and their names."""
    ops: list[str] = []
    tokens = _tokens(page)
    limit = 2 * len(page) + 65536
    for _ in range(rng.randint(1, 8)):
        if not tokens:
            break
        op = rng.choice(
            ["cut", "drop", "dup", "swap", "nest", "wrap", "hostile", "hostile", "splice", "truncate"]
        )
        if op == "truncate" and "truncate" in ops:
            op = "cut"
        i, j = rng.randrange(len(tokens)), rng.randrange(len(tokens))
        size = sum(map(len, tokens))
        if op == "cut":
            tokens[i] = tokens[i][: rng.randint(0, max(len(tokens[i]) - 1, 0))]
        elif op == "drop":
            a = min(i, j)
            del tokens[a : a + rng.randint(1, 20)]
        elif op == "dup" and size < limit:
            tokens.insert(j, tokens[i])
        elif op == "swap":
            tokens[i], tokens[j] = tokens[j], tokens[i]
        elif op == "nest" and size < limit // 2:
            a, b = min(i, j), max(i, j) + 1
            if sum(map(len, tokens[a:b])) < limit // 4:
                k = rng.randint(a, b)
                tokens[k:k] = tokens[a:b]
        elif op == "wrap":
            tag = rng.choice(
                [b"div", b"p", b"table", b"li", b"a", b"b", b"pre", b"article", b"nav", b"td", b"span"]
            )
            a, b = min(i, j), max(i, j)
            n = rng.choice([1, 1, 1, 50, 500, 2000])  # deep nesting, below where Lexbor turns quadratic
            tokens.insert(b, b"</" + tag + b">" * n)
            tokens.insert(a, b"<" + tag + b">" * n)
        elif op == "hostile":
            tokens.insert(i, rng.choice(HOSTILE) * rng.choice([1, 1, 2, 100]))
        elif op == "truncate":
            del tokens[rng.randint(len(tokens) // 2, len(tokens) - 1) :]
        elif op == "splice" and other:
            a = rng.randrange(len(other))
            tokens.insert(i, other[a : a + rng.randint(1, 4096)])
        ops.append(op)
    data = b"".join(tokens)
    if data and rng.random() < 0.2:
        data = _mutate_bytes(data, rng, ops)
    return data, ops


def _mutate_bytes(data: bytes, rng: random.Random, ops: list[str]) -> bytes:
    op = rng.choice(["flip", "insert", "recode", "bom", "charset", "nul"])
    ops.append(op)
    if op == "flip":
        buf = bytearray(data)
        for _ in range(rng.randint(1, 64)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        return bytes(buf)
    if op == "insert":
        i = rng.randrange(len(data))
        return data[:i] + rng.randbytes(rng.randint(1, 256)) + data[i:]
    if op == "recode":
        charset = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "gb18030", "shift_jis", "cp1252", "utf-32"])
        return data.decode("utf-8", "replace").encode(charset, "replace")
    if op == "bom":
        return rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]) + data
    if op == "charset":
        label = rng.choice(CHARSETS).encode()
        return b'<meta charset="' + label + b'">' + data
    return data.replace(b" ", b"\x00", rng.randint(1, 50))


def random_options(rng: random.Random, size: int) -> dict[str, Any]:
    """Options for one input: mostly defaults, sometimes tight limits or forced types."""
    opts: dict[str, Any] = {"output": rng.choice(["text", "markdown", "json", "html"])}
    if rng.random() < 0.1:
        opts["max_depth"] = rng.randint(1, 64)
    if rng.random() < 0.1:
        opts["max_blocks"] = rng.randint(1, 1000)
    if rng.random() < 0.05 and size > 1:
        opts["max_bytes"] = rng.randint(1, size)
        opts["truncate"] = rng.random() < 0.8
    if rng.random() < 0.05:
        opts["input_type"] = rng.choice(["html", "text"])
    if rng.random() < 0.05:
        opts["encoding"] = rng.choice(CHARSETS)
    if rng.random() < 0.1:
        opts["favor"] = rng.choice(["precision", "recall"])
    if rng.random() < 0.1:
        opts["explain"] = True
        opts["include_title"] = True
    return opts


# --- the worker -------------------------------------------------------------------


def _check(data: bytes, opts: dict[str, Any]) -> tuple[str, str]:
    """Run one input: (status, detail); status is ok, refused, crash or unsafe."""
    from boilerstrip import BoilerstripError, Options, extract

    try:
        out = extract(data, options=Options(**opts))
    except BoilerstripError as exc:
        return "refused", type(exc).__name__
    except Exception:  # anything else breaks the contract: this is what we look for
        return "crash", traceback.format_exc()
    if not isinstance(out, str):
        return "crash", f"extract returned {type(out).__name__}, not str"
    if opts.get("output") == "html":
        text = _SAFE_TAG.sub("", out)
        if not _SAFE_TEXT.fullmatch(text):
            return "unsafe", out[:2000]
    return "ok", ""


def _inject(kind: str) -> None:
    """Misbehave on purpose, to check that the harness sees each kind of finding (tests/test_fuzz.py)."""
    if kind == "exception":
        raise KeyError("injected")
    if kind == "segfault":
        os.kill(os.getpid(), 11)
    if kind == "hang":
        while True:
            pass
    if kind == "memory":
        blob = b"x" * (400 * 1024 * 1024)
        del blob


def worker(conn: Connection) -> None:
    """Extract each input sent on conn; answer with the status, CPU seconds and memory."""
    # Import before the first input, so that the import's time and memory are not charged to it.
    import boilerstrip  # noqa: F401

    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        data, opts, inject = msg["data"], msg["opts"], msg.get("inject")
        reset_peak_rss()
        before = peak_rss_mb()
        cpu0 = time.process_time()
        if inject:
            try:
                _inject(inject)
                status, detail = "ok", ""
            except Exception:
                status, detail = "crash", traceback.format_exc()
        else:
            status, detail = _check(data, opts)
        cpu = time.process_time() - cpu0
        conn.send(
            {
                "status": status,
                "detail": detail,
                "cpu": cpu,
                "peak": peak_rss_mb(),
                "grew": peak_rss_mb() - before,
            }
        )


@dataclass
class Worker:
    proc: Any
    conn: Connection
    job: dict[str, Any] | None = None
    started: float = 0.0
    cpu_at_start: float = 0.0


def cpu_seconds(pid: int) -> float | None:
    """A process's CPU seconds so far (Linux /proc; None elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def start_worker(ctx: Any) -> Worker:
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=worker, args=(child,), daemon=True)
    proc.start()
    child.close()
    return Worker(proc, parent)


def stop_worker(w: Worker) -> None:
    if w.proc.is_alive():
        w.proc.kill()
    w.proc.join(5)
    w.conn.close()


# --- the run ----------------------------------------------------------------------


@dataclass
class Stats:
    tried: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    refusals: Counter[str] = field(default_factory=Counter)
    findings: list[dict[str, Any]] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mb: float = 0.0
    biggest: int = 0
    sizes: list[int] = field(default_factory=list)
    restarts: int = 0


def save(out: Path, kind: str, job: dict[str, Any], detail: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    n = len(list(out.glob(f"{kind}-*.json")))
    path = out / f"{kind}-{n}.json"
    record = {
        "kind": kind,
        "source": job["source"],
        "mutations": job["ops"],
        "options": job["opts"],
        "inject": job.get("inject"),
        "detail": detail,
        "input_base64": base64.b64encode(job["data"]).decode("ascii"),
    }
    path.write_text(json.dumps(record, indent=1))
    (out / f"{kind}-{n}.bin").write_bytes(job["data"])
    return path


def run(args: argparse.Namespace, sources: list[Path]) -> Stats:
    rng = random.Random(args.seed)
    ctx = mp.get_context("spawn")
    workers = [start_worker(ctx) for _ in range(args.jobs)]
    stats = Stats()
    deadline = time.monotonic() + args.seconds
    injects = list(args.inject)
    started = 0
    cache: dict[Path, bytes] = {}

    def load(path: Path) -> bytes:
        if path not in cache:
            if len(cache) > 256:
                cache.pop(next(iter(cache)))
            cache[path] = read_page(path)
        return cache[path]

    def finding(w: Worker, kind: str, detail: str) -> None:
        assert w.job is not None
        path = save(args.out, kind, w.job, detail)
        stats.findings.append(
            {
                "kind": kind,
                "path": str(path),
                "source": w.job["source"],
                "detail": detail.strip().splitlines()[-1:],
            }
        )
        print(
            f"  {kind}: {w.job['source']} ({', '.join(w.job['ops'])}) -> {path}", file=sys.stderr, flush=True
        )

    try:
        while True:
            now = time.monotonic()
            for w in workers:
                if w.job is None and (now < deadline or injects or started < args.min_inputs):
                    src = rng.choice(sources)
                    data, ops = mutate(load(src), load(rng.choice(sources)), rng)
                    job = {
                        "data": data,
                        "opts": random_options(rng, len(data)),
                        "source": str(src),
                        "ops": ops,
                    }
                    if injects:
                        job["inject"] = injects.pop(0)
                    w.job, w.started = job, time.monotonic()
                    started += 1
                    w.cpu_at_start = cpu_seconds(w.proc.pid) or 0.0
                    try:
                        w.conn.send({"data": data, "opts": job["opts"], "inject": job.get("inject")})
                    except (BrokenPipeError, OSError):
                        pass  # the worker is gone: found below when its answer does not come
            busy = [w for w in workers if w.job is not None]
            if not busy:
                break
            ready = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=0.5)
            for i, w in enumerate(workers):
                if w.job is None:
                    continue
                answer = None
                if w.conn in ready:
                    try:
                        answer = w.conn.recv()
                    except (EOFError, OSError):
                        answer = None
                elif w.proc.sentinel not in ready:
                    # Still working: a hang once it has used hang_seconds of CPU (or, stuck
                    # without computing, ten times that in wall time).
                    used = cpu_seconds(w.proc.pid)
                    over_cpu = used is not None and used - w.cpu_at_start > args.hang_seconds
                    if not over_cpu and time.monotonic() - w.started < 10 * args.hang_seconds:
                        continue
                stats.tried += 1
                stats.biggest = max(stats.biggest, len(w.job["data"]))
                stats.sizes.append(len(w.job["data"]))
                if answer is None:
                    if w.conn in ready or w.proc.sentinel in ready:
                        w.proc.join(5)  # it is exiting: wait for its exit code
                        kind, detail = "crash", f"the worker died (exit code {w.proc.exitcode})"
                    else:
                        kind = "hang"
                        detail = f"no answer after {args.hang_seconds:g} s of CPU ({time.monotonic() - w.started:.1f} s wall)"
                    stop_worker(w)
                    stats.statuses[kind] += 1
                    finding(w, kind, detail)
                    workers[i] = start_worker(ctx)
                    stats.restarts += 1
                    continue
                status = answer["status"]
                stats.statuses[status] += 1
                stats.cpu.append(answer["cpu"])
                stats.peak_mb = max(stats.peak_mb, answer["peak"])
                if status == "refused":
                    stats.refusals[answer["detail"]] += 1
                elif status in ("crash", "unsafe"):
                    finding(w, status, answer["detail"])
                if answer["cpu"] > args.hang_seconds:
                    stats.statuses["hang"] += 1
                    finding(w, "hang", f"{answer['cpu']:.1f} s of CPU")
                grew_limit = 200 + 50 * len(w.job["data"]) / 1e6
                if answer["peak"] > args.max_rss_mb or answer["grew"] > grew_limit:
                    stats.statuses["memory"] += 1
                    finding(
                        w,
                        "memory",
                        f"peak RSS {answer['peak']:.0f} MB, +{answer['grew']:.0f} MB for this input",
                    )
                    stop_worker(w)  # start afresh: a bloated worker would flag every input after
                    workers[i] = start_worker(ctx)
                    stats.restarts += 1
                w.job = None
    finally:
        for w in workers:
            stop_worker(w)
    return stats


def _median(values: list[int]) -> float:
    return sorted(values)[len(values) // 2] if values else 0.0


def report(args: argparse.Namespace, stats: Stats, sources: list[Path], where: str, elapsed: float) -> str:
    cpu = sorted(stats.cpu)
    p99 = cpu[min(len(cpu) - 1, int(0.99 * len(cpu)))] if cpu else 0.0
    rows = [
        ("inputs tried", stats.tried),
        ("inputs per second", f"{stats.tried / max(elapsed, 1e-9):.1f}"),
        ("crashes (foreign exception or dead worker)", stats.statuses["crash"]),
        (f"hangs (> {args.hang_seconds:g} s CPU or no answer)", stats.statuses["hang"]),
        (f"memory spikes (> {args.max_rss_mb} MB peak, or +200 MB + 50x input)", stats.statuses["memory"]),
        ("unsafe HTML output", stats.statuses["unsafe"]),
        ("returned a str", stats.statuses["ok"]),
        (
            "refused with a BoilerstripError",
            ", ".join(f"{k} {v}" for k, v in stats.refusals.most_common()) or "0",
        ),
        (
            "CPU s per input: median / p99 / max",
            f"{cpu[len(cpu) // 2] if cpu else 0:.3f} / {p99:.3f} / {cpu[-1] if cpu else 0:.3f}",
        ),
        (
            "input size: median / largest",
            f"{_median(stats.sizes) / 1e3:.0f} KB / {stats.biggest / 1e6:.2f} MB",
        ),
        ("worker peak RSS, max over inputs", f"{stats.peak_mb:.0f} MB"),
        ("worker restarts", stats.restarts),
    ]
    lines = [
        machine_header(),
        f"- Fuzz: {elapsed:.0f} s, seed {args.seed}, {args.jobs} worker(s), {len(sources)} source pages from {where}",
        "",
        markdown_table(["", "value"], rows),
    ]
    for f in stats.findings:
        lines.append(f"- {f['kind']}: {f['source']} -> {f['path']} {' '.join(f['detail'])}")
    return "\n".join(lines)


def replay(path: Path) -> int:
    """Run a saved finding again in this process and say what happens."""
    record = json.loads(path.read_text())
    data = base64.b64decode(record["input_base64"])
    print(
        f"{record['kind']} from {record['source']} ({', '.join(record['mutations'])}), options {record['options']}"
    )
    if record.get("inject"):
        print(f"(injected: {record['inject']}; nothing to replay)")
        return 0
    t0 = time.process_time()
    status, detail = _check(data, record["options"])
    print(
        f"{status} in {time.process_time() - t0:.2f} s CPU, peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
    )
    if detail:
        print(detail)
    return 0 if status in ("ok", "refused") else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    span = ap.add_mutually_exclusive_group()
    span.add_argument("--minutes", type=float, help="how long to fuzz")
    span.add_argument("--seconds", type=float, help="how long to fuzz (default 60)")
    ap.add_argument(
        "--data", type=Path, nargs="+", help="dataset folders (default $BOILERSTRIP_DATA or ../shared/data)"
    )
    ap.add_argument("--fixtures", action="store_true", help="mutate tests/fixtures only (what CI does)")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: random, printed)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    ap.add_argument(
        "--min-inputs",
        type=int,
        default=0,
        help="go on past the duration until this many inputs were tried (a floor on a loaded machine)",
    )
    ap.add_argument(
        "--hang-seconds", type=float, default=10.0, help="CPU seconds per input that count as a hang"
    )
    ap.add_argument(
        "--max-rss-mb", type=int, default=1024, help="worker peak RSS that counts as a memory spike"
    )
    ap.add_argument("--out", type=Path, default=RESULTS_DIR / "fuzz", help="where findings are saved")
    ap.add_argument("--replay", type=Path, help="run one saved finding again and exit")
    ap.add_argument(
        "--inject",
        nargs="*",
        default=[],
        choices=["exception", "segfault", "hang", "memory"],
        help=argparse.SUPPRESS,
    )
    args = ap.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    args.seconds = (
        args.minutes * 60
        if args.minutes is not None
        else (args.seconds if args.seconds is not None else 60.0)
    )
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(2**32)
    if args.jobs < 1 or args.seconds <= 0:
        ap.error("--jobs and the duration must be positive")
    sources: list[Path] = []
    where = "tests/fixtures"
    if not args.fixtures:
        roots = args.data or [default_data_root()]
        sources = find_pages(roots)
        where = ", ".join(map(str, roots))
    if not sources:
        if not args.fixtures:
            print(f"fuzz: no pages under {where}; using tests/fixtures", file=sys.stderr)
        sources, where = fixture_pages(), "tests/fixtures"
    print(
        f"fuzz: {len(sources)} pages, {args.seconds:g} s, seed {args.seed}, findings go to {args.out}",
        file=sys.stderr,
        flush=True,
    )
    t0 = time.monotonic()
    stats = run(args, sources)
    print(report(args, stats, sources, where, time.monotonic() - t0))
    return 1 if stats.findings else 0


if __name__ == "__main__":
    sys.exit(main())
