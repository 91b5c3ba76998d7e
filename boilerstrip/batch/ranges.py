"""Run a batch over files with workers that read their own byte ranges and write their own lines.

The record pool (:mod:`.pool`) has the parent read, inflate and parse every
record and pickle it to a worker: 0.7-0.9 ms per WARC record, which caps two
workers at about 1.6x one. Here the parent only plans byte ranges of the input
files (:func:`.readers.plan_spans`) and writes finished lines in order:

- a worker opens the file, finds the first record that starts in its range,
  reads every record starting there (past the range's end to finish the last
  one), extracts it and sends back the JSON line (or the errors-file line) with
  its status and reason;
- before each page it extracts it tells the parent which one (id, offset), so
  a page that hangs in C code or kills its worker is reported ``timeout`` or
  ``worker_died`` and the rest of the range goes to a worker as a new range
  that starts exactly there, skipping what was done;
- each range tells where it stopped: the offset of the first record it left to
  the next range. The next range must have started there. When it did not (a
  gzip header inside another member's data, a record that spans whole ranges),
  its lines are dropped and it runs again from that offset (or not at all, when
  the range before read past it), so the output is the one a single reader
  gives, line for line;
- at most ``window`` ranges are between planning and writing, and a range's
  lines wait in the parent only until the ranges before it are written, so
  memory depends on the range size and ``--jobs``, not on the input.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import select
import signal
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Generator, Iterable
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import IO, Any

from ..options import Options
from .pool import _GRACE, _TICK, StopFlag, _context, _reap, _widen
from .readers import ReadProgress, Span, find_span_start, read_span
from .records import Record, Result, Status, json_line, output_line
from .work import TimeLimit, Work, process_record

__all__ = ["Outcome", "ReaderSettings", "run_spans", "span_bytes"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# One record's outcome as the parent gets it: status, reason, payload bytes, the offset it was
# read at, the output line (written records) and the errors-file line (failed records).
Outcome = tuple[Status, str | None, int, int, bytes | None, bytes | None]

# A range that stopped where nobody knows (its worker died while reading): the next range
# is taken as it comes.
_UNKNOWN = -1
# Ranges per worker over a run: enough that the last ones end close together (at 32 per
# worker the last range is ~1.5 % of a worker's share), few enough that each range's
# set-up (open, find the first record: ~1 ms) does not count.
_RANGES_PER_JOB = 32
_MIN_SPAN = 64 << 10
_MAX_SPAN = 4 << 20
# Ranges a worker holds: the one it reads and the next, waiting in its pipe.
_DEPTH = 2
# The parent wakes at most this often to take the workers' messages: at 20 ms it handles a
# few pages per wake-up instead of one (~30 µs of CPU saved per page), and no worker waits
# for it (each holds its next range, and its answers pipe holds 1 MiB).
_GATHER = 0.02
# Bytes taken from a worker's pipe per read: all it has sent since the last wake-up.
_READ_BYTES = 1 << 20


def span_bytes(total_bytes: int, jobs: int) -> int:
    """Range size for inputs of ``total_bytes``: about 32 ranges per worker, 64 KiB to 4 MiB."""
    return max(_MIN_SPAN, min(_MAX_SPAN, total_bytes // max(1, jobs * _RANGES_PER_JOB)))


@dataclass(frozen=True)
class ReaderSettings:
    """What :func:`.readers.read_span` needs besides the range (the JSONL fields and the size limit)."""

    html_field: str | None = None
    text_field: str | None = None
    id_field: str | None = None
    url_field: str | None = None
    max_bytes: int = Options().max_bytes
    truncate: bool = False


def _outcome(result: Result, size: int, pos: int) -> Outcome:
    if result.status == "ok":
        return (result.status, None, size, pos, output_line(result), None)
    err = json_line(result.to_error_dict()) if result.status == "failed" else None
    return (result.status, result.reason, size, pos, None, err)


def _lines_before(item: Record | Result, span: Span) -> int:
    """JSONL: lines before the item's line (its source is FILE:LINE); 0 for WARC."""
    if span.format != "jsonl" or item.source is None:
        return 0
    return int(item.source.rsplit(":", 1)[1]) - 1


def _range_worker(tasks: Connection, answers: Connection, halt: Any, work: Work, options: Options,
                  reader: ReaderSettings, timeout: float | None, inherited: tuple[int, ...] = ()) -> None:
    """Worker loop: receive a Span, send back ("b", begin), then one ("s", ...) per page, then ("e", stop).

    Outcomes travel in the next message after them (the next page's "s", or the
    range's "e"), so a page costs the parent one message. "s" carries the time
    the page started (CLOCK_MONOTONIC is system-wide), so the parent may read it late.

    Args:
        inherited: the parent's ends of the workers' pipes, when forked from the
            parent: closed here, or a worker would hold its own and the others'
            task pipes open and never see the parent close them.
    """
    for fd in inherited:
        try:
            os.close(fd)
        except OSError:
            pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # forked from the CLI: not its stop handler
    opened: tuple[str, IO[bytes]] | None = None
    send = answers.send_bytes
    settings = vars(reader)
    limited = TimeLimit(timeout)
    while True:
        try:
            message = tasks.recv_bytes()
        except (EOFError, OSError):
            return
        span: Span = pickle.loads(message)
        name = os.path.basename(span.path)
        outs: list[Outcome] = []
        stop_at: int | None = _UNKNOWN
        stopped = False
        pos = span.start
        try:
            if opened is None or opened[0] != span.path:
                if opened is not None:
                    opened[1].close()
                    opened = None
                opened = (span.path, open(span.path, "rb"))  # noqa: SIM115 -- kept open for the next range
            fh = opened[1]
            begin = find_span_start(fh, span)
            send(pickle.dumps(("b", begin)))
            if begin is None:
                # No record starts here: the next one is somewhere after the end (the next range finds it).
                stop_at = None if span.end is None else _UNKNOWN
            else:
                items = read_span(fh, span, begin, name=name, **settings)
                group, nth, skip = -1, 0, span.skip
                while True:
                    try:
                        pos, item = next(items)
                    except StopIteration as end:
                        stop_at = end.value
                        break
                    nth = nth + 1 if pos == group else 0
                    group = pos
                    if skip:
                        skip -= 1
                        continue
                    if halt.is_set():  # the parent asks to stop (Ctrl-C): end the range here
                        stopped = True
                        break
                    if isinstance(item, Record):
                        info = (pos, nth, _lines_before(item, span), item.id, item.url, item.source, time.monotonic())
                        send(pickle.dumps(("s", info, outs), pickle.HIGHEST_PROTOCOL))
                        outs = []
                        try:
                            result = limited(work, item, options)
                        except Exception as exc:  # a work function that raises (process_record never does)
                            result = Result.failed(item.id, item.url, "extract_error", f"{type(exc).__name__}: {exc}",
                                                   item.source)
                        outs.append(_outcome(result, item.size, pos))
                    else:
                        outs.append(_outcome(item, 0, pos))
        except Exception as exc:  # a bug in the reader, or the file went away: report it, end the range
            log.debug("reading %s from %d failed", span.path, span.start, exc_info=True)
            source = f"{name}@{pos}"
            outs.append(_outcome(Result.failed(source, None, "read_error", f"{type(exc).__name__}: {exc}", source),
                                 0, pos))
            stop_at = _UNKNOWN
        send(pickle.dumps(("x", outs) if stopped else ("e", stop_at, outs), pickle.HIGHEST_PROTOCOL))


@dataclass(eq=False)
class _Range:
    span: Span  # as planned
    task: Span  # what a worker runs: the span, or what is left of it after a killed page
    reported: bool = False  # the worker said where it began
    begin: int | None = None
    accepted: bool = False  # it began where the range before it stopped: its lines are good
    dropped: bool = False
    outs: deque[Outcome] = field(default_factory=deque)
    finished: bool = False
    stopped: bool = False  # ended early by a stop request
    stop_at: int | None = _UNKNOWN
    # The page its worker is on: (offset, index among the items at that offset, JSONL lines
    # before it, id, url, source, when it started).
    inflight: tuple[int, int, int, str, str | None, str | None, float] | None = None
    retried: bool = False  # its worker died once while reading it, with no page in flight


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    answers: Connection
    # Its ranges: the first is the one it reads, the next waits in its pipe so it never waits for us.
    jobs: deque[_Range] = field(default_factory=deque)
    inbox: bytearray = field(default_factory=bytearray)  # bytes read from `answers`, not yet a whole message

    @property
    def deadline(self) -> float:
        return self.jobs[0].inflight[6] if self.jobs and self.jobs[0].inflight is not None else float("inf")


def run_spans(
    spans: Iterable[Span],
    options: Options,
    reader: ReaderSettings,
    *,
    jobs: int,
    timeout: float | None,
    stop: StopFlag | None = None,
    progress: ReadProgress | None = None,
    window: int | None = None,
    work: Work = process_record,
) -> Generator[Outcome, None, None]:
    """Yield one Outcome per record of the ranges, in file order, read and extracted by ``jobs`` workers.

    Args:
        timeout: seconds per page; None for no limit.
        stop: level 1 ends every range at its next record and writes what is
            done before the first gap; level 2 also reports the page in flight
            in the first unfinished range ``interrupted`` and stops at once.
        progress: its offset follows the output through the input files.
        window: most ranges between planning and writing (default 8 per worker, 16 at least).
        work: a top-level function (workers unpickle it by name).
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    # How far a fast worker may run ahead of a slow range before it waits: 8 ranges per worker.
    window = window if window is not None else max(16, 8 * jobs)
    stop = stop if stop is not None else StopFlag()
    limit = timeout + _GRACE if timeout else float("inf")
    ctx, forked = _start_method()
    halt = ctx.Event()
    workers: list[_Worker] = []
    poller = select.poll()
    by_fd: dict[int, _Worker] = {}
    ranges: deque[_Range] = deque()  # planned and not yet written, in file order
    pending: deque[_Range] = deque()  # waiting for a worker
    chain: dict[str, int | None] = {}  # per file: where the last written range stopped
    source = iter(spans)
    exhausted = False
    current_path: str | None = None
    current_size = 0
    last_wake = 0.0

    def start() -> _Worker:
        task_out, task_in = ctx.Pipe(duplex=False)
        answer_out, answer_in = ctx.Pipe(duplex=False)
        _widen(task_in)
        _widen(answer_in)
        inherited: tuple[int, ...] = ()
        if forked:
            inherited = tuple(c.fileno() for w in workers for c in (w.conn, w.answers) if not c.closed)
            inherited += (task_in.fileno(), answer_out.fileno())
            try:
                sys.stdout.flush()  # or the worker would write what is pending again when it ends
            except (OSError, ValueError, AttributeError):
                pass
        process = ctx.Process(target=_range_worker, daemon=True, name="boilerstrip-worker",
                              args=(task_out, answer_in, halt, work, options, reader, timeout, inherited))
        process.start()
        task_out.close()
        answer_in.close()
        worker = _Worker(process, task_in, answer_out)
        for fd in (answer_out.fileno(), process.sentinel):
            poller.register(fd, select.POLLIN)
            by_fd[fd] = worker
        return worker

    def retire(worker: _Worker, kill: bool) -> None:
        for fd in (worker.answers.fileno(), worker.process.sentinel):
            poller.unregister(fd)
            del by_fd[fd]
        if kill:
            worker.process.kill()
        worker.conn.close()
        worker.answers.close()
        _reap(worker.process)

    def failed(job: _Range, reason: Any, message: str) -> Outcome:
        assert job.inflight is not None
        pos, _, _, rid, url, where, _ = job.inflight
        return _outcome(Result.failed(rid, url, reason, message, where), 0, pos)

    def lost(index: int, reason: Any, message: str) -> None:
        """The worker is gone: report its page, hand the rest of its range to a new worker."""
        worker = workers[index]
        retire(worker, kill=True)
        workers[index] = start()
        if not worker.jobs:
            return
        job, queued = worker.jobs[0], [j for j in list(worker.jobs)[1:] if not j.dropped]
        pending.extendleft(reversed(queued))  # never started: they run as they are
        if job.dropped:
            return
        if job.inflight is not None:
            log.warning("%s: %s; starting a new worker", job.inflight[3], message)
            job.outs.append(failed(job, reason, message))
            pos, nth, lines, *_ = job.inflight
            job.inflight = None
            job.task = replace(job.span, start=pos, exact=True, skip=nth + 1, lines_before=lines)
            job.reported = job.accepted = True  # the part before was checked, this part starts at a known record
            pending.appendleft(job)
            return
        if not job.retried:
            # It died while reading, not extracting: once may be bad luck (the OOM killer), so try again.
            job.retried = True  # (what it sent so far stays: nothing of this task had come yet)
            job.reported = job.accepted  # its "b" comes again
            pending.appendleft(job)
            return
        # It died here twice: report where, and take the next range as it comes.
        name = os.path.basename(job.span.path)
        where = f"{name}@{job.task.start}"
        log.warning("%s: worker died while reading (%s)", where, message)
        job.outs.append(_outcome(Result.failed(where, None, "worker_died", message, where), 0, job.task.start))
        job.reported = job.accepted = job.finished = True
        job.stop_at = _UNKNOWN

    def receive(worker: _Worker) -> bool:
        """Take every message ``worker`` has sent (one read for all); False when it died instead."""
        try:
            data = os.read(worker.answers.fileno(), _READ_BYTES)
        except OSError:
            data = b""
        if not data:
            lost(workers.index(worker), "worker_died", _how(worker.process))
            return False
        inbox = worker.inbox
        inbox += data
        # Connection.send_bytes frames: a 4-byte big-endian length (-1, then 8 bytes, past 2 GiB).
        at = 0
        while len(inbox) - at >= 4:
            size, head = struct.unpack_from("!i", inbox, at)[0], 4
            if size == -1:
                if len(inbox) - at < 12:
                    break
                size, head = struct.unpack_from("!Q", inbox, at + 4)[0], 12
            if len(inbox) - at < head + size:
                break
            handle(worker, pickle.loads(memoryview(inbox)[at + head:at + head + size]))
            at += head + size
        del inbox[:at]
        return True

    def handle(worker: _Worker, message: Any) -> None:
        job = worker.jobs[0]
        kind = message[0]
        if kind == "b":
            if not job.reported:
                job.reported, job.begin = True, message[1]
            return
        if kind == "s":
            job.inflight = message[1]
            job.outs.extend(message[2])
            return
        job.inflight = None
        job.outs.extend(message[-1])
        if not job.reported:  # it failed before it could say where it began
            job.reported, job.begin = True, None
        if kind == "x":
            job.stopped = True
        else:
            job.stop_at = message[1]
        job.finished = True
        worker.jobs.popleft()

    def collect(block: float) -> None:
        """Wait up to ``block`` seconds for the workers, then take everything they sent."""
        nonlocal last_wake
        busy = [w for w in workers if w.jobs]
        if not busy:
            return
        nearest = min(w.deadline for w in busy) + limit
        # Let messages gather: waking once per _GATHER costs the parent far less than once per page.
        pause = _GATHER - (time.monotonic() - last_wake)
        if pause > 0 and block > 0:
            time.sleep(min(pause, block))
        wait = max(0.0, min(block, nearest - time.monotonic()))
        events = poller.poll(wait * 1000)
        last_wake = time.monotonic()
        dead: list[_Worker] = []
        while events:
            got = False
            for fd, _ in events:
                worker = by_fd.get(fd)
                if worker is None:
                    continue
                if fd == worker.process.sentinel:
                    if worker not in dead:
                        dead.append(worker)
                elif worker.jobs and receive(worker):
                    got = True
            if not got:
                break
            events = poller.poll(0)  # take every message already sent before waiting again
        for worker in dead:
            if worker in workers and not worker.process.is_alive():
                # Everything it sent comes before its death.
                while receive(worker):  # until the end of its pipe
                    pass
                if worker in workers:
                    lost(workers.index(worker), "worker_died", _how(worker.process))
        now = time.monotonic()
        for worker in list(workers):
            if worker.jobs and now >= worker.deadline + limit:
                inflight = worker.jobs[0].inflight
                assert inflight is not None
                log.info("%s: still running %g s past the time limit, restarting its worker", inflight[3], _GRACE)
                lost(workers.index(worker), "timeout", f"took longer than {timeout:g} s (worker killed)")

    def dispatch() -> None:
        for depth in range(_DEPTH):
            for index, worker in enumerate(workers):
                if not pending:
                    return
                if len(worker.jobs) != depth:
                    continue
                job = pending.popleft()
                try:
                    worker.conn.send_bytes(pickle.dumps(job.task, pickle.HIGHEST_PROTOCOL))
                except OSError:
                    pending.appendleft(job)
                    if not worker.jobs:  # it died idle: its replacement takes the range
                        retire(worker, kill=True)
                        workers[index] = start()
                    continue  # else it died at work: collect() reports it
                worker.jobs.append(job)

    def check(job: _Range) -> str:
        """Whether the range began where the one before it stopped: "accept", "drop" or "again"."""
        if job.span.start == 0 and job.span.exact:
            return "accept"
        before = chain.get(job.span.path, _UNKNOWN)
        if before == _UNKNOWN:
            return "accept"
        if before is None or (job.span.end is not None and before >= job.span.end):
            return "drop"  # the range before read on past this one: nothing starts here
        return "accept" if job.begin == before else "again"

    def detach(job: _Range) -> None:
        job.dropped = True  # its worker's messages go to a stand-in, ignored
        for worker in workers:
            for i, held in enumerate(worker.jobs):
                if held is job:
                    worker.jobs[i] = _Range(job.span, job.task, dropped=True)
        if job in pending:
            pending.remove(job)

    try:
        workers.extend(start() for _ in range(jobs))
        while True:
            if stop.level >= 2:
                break
            if stop.level >= 1 and not halt.is_set():
                halt.set()
                exhausted = True
                pending.clear()
            while not exhausted and len(ranges) < window:
                try:
                    span = next(source)
                except StopIteration:
                    exhausted = True
                    break
                job = _Range(span, span)
                ranges.append(job)
                pending.append(job)
            dispatch()
            # Write what is ready, in order.
            while ranges:
                head = ranges[0]
                if not head.accepted:
                    if not head.reported:
                        break
                    verdict = check(head)
                    if verdict == "drop":
                        detach(head)
                        ranges.popleft()
                        continue
                    if verdict == "again":
                        before = chain[head.span.path]
                        assert before is not None
                        log.debug("%s: range at %d began at %s, not %d: reading it again from there",
                                  head.span.path, head.span.start, head.begin, before)
                        detach(head)
                        fresh = _Range(head.span, replace(head.span, start=before, exact=True),
                                       reported=True, accepted=True)
                        ranges[0] = fresh
                        pending.appendleft(fresh)
                        dispatch()
                        break
                    head.accepted = True
                if head.span.path != current_path:
                    if progress is not None and current_path is not None:
                        progress.done_bytes += current_size
                    current_path = head.span.path
                    try:
                        current_size = os.path.getsize(current_path)
                    except OSError:  # gone since it was planned: its range reports that
                        current_size = 0
                while head.outs:
                    out = head.outs.popleft()
                    if progress is not None:
                        progress.offset = out[3]
                    yield out
                if not head.finished:
                    break
                if head.stopped:
                    return
                chain[head.span.path] = head.stop_at
                ranges.popleft()
            if not ranges and exhausted:
                if progress is not None and current_path is not None:
                    progress.done_bytes += current_size
                    progress.offset = 0
                return
            if stop.level >= 1 and ranges and not any(ranges[0] in w.jobs for w in workers):
                return  # the next range to write will not run: the output ends here
            collect(_TICK)
        # A second stop: the page in flight in the first unfinished range is reported, and no more.
        if ranges and ranges[0].accepted and not ranges[0].dropped:
            head = ranges[0]
            yield from head.outs
            if head.inflight is not None:
                yield failed(head, "interrupted", "run stopped")
    finally:
        for worker in workers:
            retire(worker, kill=bool(worker.jobs))


def _start_method() -> tuple[Any, bool]:
    """How to start workers, and whether they are forked from this process.

    A fork of this process when it runs one thread on Linux (the command line):
    the workers start at once with everything imported, where the fork server
    first starts a Python and imports boilerstrip, 0.4 s or more on the
    critical path of every run. The fork server otherwise (threads, which a
    fork would copy in whatever state their locks are; other systems).
    """
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork"), True
    return _context(), False


def _how(process: BaseProcess) -> str:
    process.join(timeout=1)
    code = process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        return f"worker process killed by signal {name}"
    return f"worker process exit status {code}"
