"""Extract one Record into one Result: the unit of work of every pipeline.

The worker pool, Spark and DataTrove all call :func:`process_record`, so a page
gives the same text whichever way it is run. It never raises for a bad page:
each failure becomes a Result with a stable reason code.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Literal

# extract_full: extract()'s text plus the counts in one pass, without building a Block per
# block (extract_blocks costs a third more per page); Blocks only for --explain.
from ..api import extract_full
from ..errors import BoilerstripError, DecodeError, InputTooLargeError, ParseError
from ..options import Options
from .records import BlockInfo, Record, Result

__all__ = ["TimeLimit", "Work", "call_with_time_limit", "process_record"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# A work function: top-level (so worker processes can unpickle it), Record + Options -> Result.
Work = Callable[[Record, Options], Result]


@functools.lru_cache(maxsize=64)
def _record_options(
    options: Options, content_type: str | None, input_type: Literal["html", "text"] | None
) -> Options:
    """``options`` with the record's own content type and input type, where it gives them.

    Cached: a crawl's records share a handful of content types, and a dataclass replace costs
    more than the rest of a WET record's bookkeeping.
    """
    opts = options
    if content_type is not None and content_type != opts.content_type:
        opts = dataclasses.replace(opts, content_type=content_type)
    if input_type is not None and input_type != opts.input_type:
        opts = dataclasses.replace(opts, input_type=input_type)
    return opts


def process_record(record: Record, options: Options) -> Result:
    """Extract ``record`` with ``options``; a bad page gives a failed Result, never an exception."""
    opts = _record_options(options, record.content_type, record.input_type)
    try:
        got = extract_full(record.data, record.url, options=opts)
        blocks = None
        if got.document is not None:
            blocks = tuple(BlockInfo(b.text, b.kind, b.label, b.score, b.reasons) for b in got.document.blocks)
    except InputTooLargeError as exc:
        return Result.failed(record.id, record.url, "too_large", str(exc), record.source)
    except DecodeError as exc:
        return Result.failed(record.id, record.url, "decode_error", str(exc), record.source)
    except ParseError as exc:
        return Result.failed(record.id, record.url, "parse_error", str(exc), record.source)
    except BoilerstripError as exc:
        return Result.failed(record.id, record.url, "extract_error", str(exc), record.source)
    except Exception as exc:
        # A bug in boilerstrip rather than in the page: report it and keep the batch going.
        log.debug("extracting %s failed", record.id, exc_info=True)
        return Result.failed(record.id, record.url, "extract_error", f"{type(exc).__name__}: {exc}", record.source)
    return Result(
        id=record.id,
        url=record.url,
        status="ok",
        text=got.text,
        title=got.title,
        language=got.language,
        blocks_kept=got.blocks_kept,
        blocks_total=got.blocks_total,
        chars_kept=got.chars_kept,
        chars_total=got.chars_total,
        blocks=blocks,
        source=record.source,
    )


class _TimeLimit(BaseException):
    """Raised by SIGALRM inside the work function.

    A BaseException, so that an ``except Exception`` in the code being timed
    cannot swallow it.
    """


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _TimeLimit


def call_with_time_limit(work: Work, record: Record, options: Options, seconds: float | None) -> Result:
    """Run ``work(record, options)``, giving up with a ``timeout`` Result after ``seconds``.

    The limit is a SIGALRM timer, so it stops pure-Python loops but waits for a
    C call (the HTML parser) to return; the worker pool backs it with a hard
    kill. Off the main thread (where signals cannot be used) it runs unlimited.
    """
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread():
        return work(record, options)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return work(record, options)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _TimeLimit:
        return _timed_out(record, seconds)
    finally:
        signal.signal(signal.SIGALRM, previous)


def _timed_out(record: Record, seconds: float) -> Result:
    return Result.failed(record.id, record.url, "timeout", f"took longer than {seconds:g} s", record.source)


class TimeLimit:
    """:func:`call_with_time_limit` for every page of a worker: the SIGALRM handler is set once, not per page.

    Setting and restoring the handler around each page cost 5 µs of the 6 µs the
    limit takes per page. The handler raises only while a page runs, so an alarm
    that comes as a page ends cannot reach the code after it. Off the main
    thread, or without a limit, pages run unlimited.
    """

    def __init__(self, seconds: float | None) -> None:
        usable = bool(seconds and seconds > 0) and threading.current_thread() is threading.main_thread()
        self.seconds = seconds if usable else None
        self._armed = False
        if self.seconds is not None:
            signal.signal(signal.SIGALRM, self._on_alarm)

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        if self._armed:
            self._armed = False
            raise _TimeLimit

    def __call__(self, work: Work, record: Record, options: Options) -> Result:
        """Run ``work(record, options)``, giving up with a ``timeout`` Result after ``seconds``."""
        if self.seconds is None:
            return work(record, options)
        try:
            self._armed = True
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            try:
                return work(record, options)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                self._armed = False
        except _TimeLimit:
            return _timed_out(record, self.seconds)
