"""Extract many pages: crawl files in, one Result per record out, on every core.

>>> from boilerstrip import Options
>>> from boilerstrip.batch import extract_records, read_records
>>> for result in extract_records(read_records("crawl.warc.gz"), Options(), jobs=4):  # doctest: +SKIP
...     if result.ok:
...         print(result.id, result.text[:60])

``extract_records`` keeps input order, runs each record under a time limit in a
worker process, and turns every failure into a Result with a reason code, so a
bad page never stops the pipeline. ``boilerstrip batch`` is the command line
on top (see docs/pipelines.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..options import Options, resolve_options
from .pool import DEFAULT_TIMEOUT, default_jobs, run_pool, run_serial
from .readers import InputFormatError, ReadProgress, detect_format, read_records
from .records import FAIL_REASONS, SKIP_REASONS, BlockInfo, Record, Result, Summary
from .work import process_record

__all__ = [
    "DEFAULT_TIMEOUT",
    "FAIL_REASONS",
    "SKIP_REASONS",
    "BlockInfo",
    "InputFormatError",
    "ReadProgress",
    "Record",
    "Result",
    "Summary",
    "detect_format",
    "extract_records",
    "process_record",
    "read_records",
]


def _as_item(index: int, item: Record | Result | bytes | str) -> Record | Result:
    if isinstance(item, (Record, Result)):
        return item
    if isinstance(item, (bytes, str)):
        return Record(id=str(index), data=item)
    raise TypeError(f"records must be Record, Result, bytes or str, got {type(item).__name__} at index {index}")


def extract_records(
    records: Iterable[Record | Result | bytes | str],
    options: Options | None = None,
    *,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    **settings: Any,
) -> Iterator[Result]:
    """Extract every record and yield one Result each, in input order.

    Records are read lazily and at most a few per worker are held at once, so
    this can sit in the middle of a pipeline of any length.

    Args:
        records: Records (or bare bytes/str pages, numbered from 0); Results pass through.
        jobs: worker processes (default: one per core); 0 runs in this process,
            without crash isolation.
        timeout: seconds per record before it is reported as ``timeout``; None for no limit.
        settings: Options field names, a shortcut for ``options=Options(...)``.
    """
    opts = resolve_options(options, settings)
    if jobs is not None and jobs < 0:
        raise ValueError(f"jobs must be 0 (in this process) or more, got {jobs}")
    items = (_as_item(i, item) for i, item in enumerate(records))
    if jobs == 0:
        return run_serial(items, opts, timeout=timeout)
    return run_pool(items, opts, jobs=jobs if jobs is not None else default_jobs(), timeout=timeout)
