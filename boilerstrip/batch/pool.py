"""Run a work function over records in worker processes, in order, with bounded memory.

The parent reads records, hands each to an idle worker over that worker's own
pipe, and yields the Results in input order. Because the parent knows which
record each worker holds, nothing is ever lost:

- a record that runs past the time limit is stopped in the worker by SIGALRM
  (the worker survives), or, if the worker is stuck in C code, the worker is
  killed after a grace period and replaced; the record is a ``timeout``;
- a worker that dies (a crash, the OOM killer) is replaced and its record
  reported as ``worker_died``.

Memory stays flat: at most ``window`` records are between reading and
yielding, and each worker holds at most two records: the one it works on and
the next, already in its pipe, so that it never waits for the parent between
records. A record that was only queued when its worker died goes to the next
worker: it was never started.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from ..options import Options
from .records import Record, Result
from .work import TimeLimit, Work, call_with_time_limit, process_record

__all__ = ["DEFAULT_TIMEOUT", "StopFlag", "default_jobs", "run_pool", "run_serial"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# Per-record time limit in seconds. The slowest of the 3,670 dataset pages takes 0.17 s and
# a 50 MB page of paragraphs 2 s; 30 s stops only pathological inputs, on a busy machine too.
DEFAULT_TIMEOUT = 30.0
# After the time limit the worker gets this much longer to stop by itself
# (SIGALRM) before it is killed: C code only sees the signal when it returns.
_GRACE = 2.0
# How long the parent sleeps at most between checks of the stop flag.
_TICK = 0.1
# Pipe buffer for records sent to a worker: most pages fit, so the send does not block.
_PIPE_BYTES = 1 << 20
# Records a worker holds: the one it works on and the next one, waiting in its pipe.
_DEPTH = 2


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class StopFlag:
    """Set by a signal handler to stop a run: 1 finishes what is in flight, 2 drops it."""

    level: int = 0


def _context() -> Any:  # ForkServerContext or SpawnContext: BaseContext lacks Process in typeshed
    # forkserver: workers start from a small clean process (not a copy of a parent
    # holding read buffers), fast to replace, and safe with threads in the parent.
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        # Import the extractor once in the fork server rather than in every worker.
        # This only has an effect before the fork server starts.
        ctx.set_forkserver_preload(["boilerstrip.batch.work"])
        return ctx
    return multiprocessing.get_context("spawn")


def _reap(process: BaseProcess) -> None:
    """Wait for a worker process to end (killing it when it lingers) and release it."""
    process.join(timeout=5)
    if process.is_alive():
        process.kill()
        process.join(timeout=5)
    process.close()


def _widen(conn: Connection) -> None:
    """Grow a pipe's buffer to 1 MiB, so sending a typical page does not wait for the worker."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_BYTES)
    except (ImportError, OSError):  # not Linux, or over /proc/sys/fs/pipe-max-size: keep the default
        pass


def _worker_main(tasks: Connection, results: Connection, work: Work, options: Options,
                 timeout: float | None) -> None:
    """Worker process loop: receive a pickled Record, send back a pickled Result."""
    # Ctrl-C reaches the whole process group; only the parent decides what it means.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker process owns its signals: the alarm handler is set once for all its pages.
    limited = TimeLimit(timeout)
    while True:
        try:
            message = tasks.recv_bytes()
        except (EOFError, OSError):
            return
        record: Record = pickle.loads(message)
        try:
            result = limited(work, record, options)
        except Exception as exc:  # a work function that raises (process_record never does)
            log.debug("work on %s raised", record.id, exc_info=True)
            result = Result.failed(record.id, record.url, "extract_error", f"{type(exc).__name__}: {exc}",
                                   record.source)
        results.send_bytes(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection  # records to the worker
    answers: Connection  # results from it
    # The records it holds, in order: (sequence number, record). The first is the one it
    # works on, which must be done by `deadline`; the others wait in its pipe.
    tasks: deque[tuple[int, Record]] = field(default_factory=deque)
    deadline: float = float("inf")


@dataclass
class _State:
    done: dict[int, Result] = field(default_factory=dict)
    waiting: deque[tuple[int, Record]] = field(default_factory=deque)
    next_in: int = 0
    next_out: int = 0


def run_serial(items: Iterable[Record | Result], options: Options, *, work: Work = process_record,
               timeout: float | None = DEFAULT_TIMEOUT, stop: StopFlag | None = None) -> Iterator[Result]:
    """The contract of :func:`run_pool` in this process: no crash isolation, SIGALRM time limit only."""
    for item in items:
        if stop is not None and stop.level:
            return
        if isinstance(item, Result):
            yield item
        else:
            # The caller's process: the alarm handler is set and restored around each page
            # (TimeLimit would leave ours installed while the generator waits in user code).
            yield call_with_time_limit(work, item, options, timeout)


def run_pool(
    items: Iterable[Record | Result],
    options: Options,
    *,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    work: Work = process_record,
    window: int | None = None,
    stop: StopFlag | None = None,
) -> Iterator[Result]:
    """Yield one Result per item, in input order; Records run in ``jobs`` worker processes.

    Results among the items (records the reader already skipped or failed) pass
    through in their place.

    Args:
        work: a top-level function (workers unpickle it by name).
        timeout: seconds per record; None for no limit.
        window: most records between reading and yielding (default 8 per worker).
        stop: checked between records: level 1 stops reading and finishes the
            records in flight, level 2 reports them ``interrupted`` at once.
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    window = window if window is not None else max(16, 8 * jobs)
    ctx = _context()
    stop = stop if stop is not None else StopFlag()
    workers: list[_Worker] = []
    state = _State()
    source = iter(items)
    exhausted = False

    def start() -> _Worker:
        task_out, task_in = ctx.Pipe(duplex=False)
        result_out, result_in = ctx.Pipe(duplex=False)
        _widen(task_in)
        process = ctx.Process(
            target=_worker_main, args=(task_out, result_in, work, options, timeout), daemon=True,
            name="boilerstrip-worker",
        )
        process.start()
        task_out.close()
        result_in.close()
        return _Worker(process, task_in, result_out)

    def retire(worker: _Worker, kill: bool) -> None:
        if kill:
            worker.process.kill()
        worker.conn.close()
        worker.answers.close()
        _reap(worker.process)

    def deadline() -> float:
        return time.monotonic() + timeout + _GRACE if timeout else float("inf")

    def replace(index: int, result: Result, kill: bool) -> None:
        """Report the worker's current record as ``result``; requeue the records it never started."""
        worker = workers[index]
        seq, _ = worker.tasks.popleft()
        state.done[seq] = result
        state.waiting.extendleft(reversed(worker.tasks))
        worker.tasks.clear()
        retire(worker, kill)
        workers[index] = start()

    def dispatch() -> None:
        # Idle workers first, then a second record to each busy one.
        for depth in range(_DEPTH):
            for index, worker in enumerate(workers):
                if not state.waiting:
                    return
                if len(worker.tasks) != depth:
                    continue
                seq, record = state.waiting[0]
                try:
                    worker.conn.send_bytes(pickle.dumps(record, pickle.HIGHEST_PROTOCOL))
                except OSError:
                    if worker.tasks:
                        continue  # it died at work: collect() reports that record
                    # It died while idle: the record waits for its replacement.
                    retire(worker, kill=True)
                    workers[index] = start()
                    continue
                state.waiting.popleft()
                if not worker.tasks:
                    worker.deadline = deadline()
                worker.tasks.append((seq, record))

    def receive(index: int) -> bool:
        """Take the worker's next result; False when it died instead."""
        worker = workers[index]
        try:
            result: Result = pickle.loads(worker.answers.recv_bytes())
        except (EOFError, OSError):
            replace(index, _died(worker.tasks[0][1], worker), kill=True)
            return False
        seq, _ = worker.tasks.popleft()
        state.done[seq] = result
        # The next record in its pipe starts now.
        worker.deadline = deadline() if worker.tasks else float("inf")
        return True

    def collect(block: float) -> None:
        busy = [w for w in workers if w.tasks]
        if not busy:
            return
        handles: list[Any] = [w.answers for w in busy] + [w.process.sentinel for w in busy]
        now = time.monotonic()
        nearest = min(w.deadline for w in busy)
        ready = set(multiprocessing.connection.wait(handles, timeout=max(0.0, min(block, nearest - now))))
        now = time.monotonic()
        for worker in busy:
            index = workers.index(worker)
            if worker.answers in ready:
                # Every result already sent comes before a death or a time limit.
                while receive(index) and worker.tasks and worker.answers.poll():
                    pass
            elif worker.process.sentinel in ready:
                replace(index, _died(worker.tasks[0][1], worker), kill=True)
            elif now >= worker.deadline:
                record = worker.tasks[0][1]
                log.info("%s: still running %g s past the time limit, restarting its worker", record.id, _GRACE)
                message = f"took longer than {timeout:g} s (worker killed)"
                replace(index, Result.failed(record.id, record.url, "timeout", message, record.source), kill=True)

    try:
        workers.extend(start() for _ in range(jobs))
        while True:
            if stop.level >= 2:
                break
            if stop.level >= 1:
                exhausted = True
            collect(0.0)
            dispatch()
            while state.next_out in state.done:
                result = state.done.pop(state.next_out)
                state.next_out += 1
                yield result
            in_flight = state.next_in - state.next_out
            if not exhausted and in_flight < window and len(state.waiting) < jobs * _DEPTH:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    continue
                seq = state.next_in
                state.next_in += 1
                if isinstance(item, Result):
                    state.done[seq] = item
                else:
                    state.waiting.append((seq, item))
                continue
            if exhausted and state.next_out == state.next_in:
                return
            collect(_TICK)
        # Dropped by a second stop request: report what was in flight, in order.
        for worker in workers:
            for seq, record in worker.tasks:
                state.done[seq] = Result.failed(record.id, record.url, "interrupted", "run stopped", record.source)
        for seq, record in state.waiting:
            state.done[seq] = Result.failed(record.id, record.url, "interrupted", "run stopped", record.source)
        state.waiting.clear()
        for seq in range(state.next_out, state.next_in):
            yield state.done.pop(seq)
        state.next_out = state.next_in
    finally:
        for worker in workers:
            retire(worker, kill=bool(worker.tasks))


def _died(record: Record, worker: _Worker) -> Result:
    worker.process.join(timeout=1)
    code = worker.process.exitcode
    if code is not None and code < 0:
        how = f"killed by signal {signal.Signals(-code).name}" if -code in signal.valid_signals() else f"signal {-code}"
    else:
        how = f"exit status {code}"
    log.warning("%s: worker died (%s); starting a new one", record.id, how)
    return Result.failed(record.id, record.url, "worker_died", f"worker process {how}", record.source)
