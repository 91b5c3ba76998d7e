"""``boilerstrip batch``: WARC, WET and JSONL in, JSONL out, on every core.

Exit status: 0 when every input was read to the end (records that failed are
in the summary and the errors file, not in the status), 1 when the run could
not start or was interrupted, 2 on a usage error. Output lines are written
whole, so an interrupted run leaves a valid JSONL file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import IO, Any

from .. import __version__
from ..errors import BoilerstripError
from ..options import Options
from .pool import DEFAULT_TIMEOUT, StopFlag, default_jobs, run_pool, run_serial
from .ranges import ReaderSettings, run_spans, span_bytes
from .readers import InputFormatError, ReadProgress, Span, _fastwarc, detect_format, plan_spans, read_records
from .records import Record, Result, Summary, json_line

__all__ = ["main"]

log = logging.getLogger(__name__)

_EXAMPLES = """\
examples:
  boilerstrip batch crawl.warc.gz -o pages.jsonl.gz --errors errors.jsonl
  boilerstrip batch CC-MAIN-*.warc.wet.gz -o - | head
  boilerstrip batch pages.jsonl --html-field html --id-field id --url-field url -o out.jsonl
  boilerstrip batch crawl.warc.gz -o out.jsonl --format markdown --jobs 8 --timeout 10

Each output line: id, url, text, title, language, blocks_kept, blocks_total,
chars_kept, chars_total (and blocks with --explain). Records in = written +
skipped + failed; the summary on stderr gives each reason.
"""

# Output is written in whole lines, at least this often and in chunks of about this size.
_FLUSH_BYTES = 256 * 1024
_FLUSH_SECONDS = 1.0


def _parser() -> argparse.ArgumentParser:
    defaults = Options()
    ap = argparse.ArgumentParser(
        prog="boilerstrip batch",
        description="Extract the main content of every page in WARC, WET or JSONL files into JSONL.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="WARC/WET (.warc, .warc.gz, .wet.gz) or JSONL (.jsonl, .jsonl.gz) files; '-' for stdin")
    ap.add_argument("-o", "--output", required=True, metavar="OUT",
                    help="JSONL output ('.gz' compresses it; '-' for stdout)")
    ap.add_argument("--errors", metavar="ERRORS.jsonl",
                    help="write each failed record here: id, url, reason, message, source")
    ap.add_argument("-f", "--format", choices=("text", "markdown"), default="text", help="form of the text field")
    ap.add_argument("--explain", action="store_true", help="add every block with its label, score and reasons")
    ap.add_argument("-j", "--jobs", type=int, default=None,
                    help=f"worker processes (default: one per core, here {default_jobs()}; 0: no workers)")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                    help="seconds per record before it fails as 'timeout' (default: %(default)g; 0: none)")
    ap.add_argument("--max-bytes", type=int, default=defaults.max_bytes,
                    help="pages larger than this fail as 'too_large' (default: %(default)d)")
    ap.add_argument("--truncate", action="store_true", help="cut pages over --max-bytes instead")
    fields = ap.add_mutually_exclusive_group()
    fields.add_argument("--html-field", metavar="NAME", help="JSONL: the field holding each page's HTML")
    fields.add_argument("--text-field", metavar="NAME", help="JSONL: the field holding plain text (one block per line)")
    ap.add_argument("--id-field", metavar="NAME", help="JSONL: the field holding the record id (default: FILE:LINE)")
    ap.add_argument("--url-field", metavar="NAME", help="JSONL: the field holding the page URL")
    ap.add_argument("--favor", choices=("balanced", "precision", "recall"), default=defaults.favor,
                    help="balance precision and recall")
    ap.add_argument("--include-comments", action="store_true", help="keep user comments below the content")
    ap.add_argument("--no-tables", action="store_true", help="drop tables from the content")
    ap.add_argument("--include-title", action="store_true", help="start the text with the page title")
    ap.add_argument("--language", default=None, help="stopword language when a page declares none (ISO 639-1)")
    ap.add_argument("--summary", metavar="SUMMARY.json", help="also write the summary as JSON")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary, warnings only")
    ap.add_argument("--version", action="version", version=f"boilerstrip {__version__}")
    return ap


class _LineWriter:
    """JSONL output written in whole lines only, plain or gzip, to a file or stdout."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._raw: IO[bytes]
        if path == "-":
            self._raw = sys.stdout.buffer
            self._own = False
        else:
            self._raw = open(path, "wb")  # noqa: SIM115 -- closed in close()
            self._own = True
        self._out: IO[bytes] = self._raw
        if path.endswith(".gz"):
            self._out = gzip.GzipFile(fileobj=self._raw, mode="wb", compresslevel=6)  # type: ignore[assignment]
        self._buf = bytearray()
        self._last = time.monotonic()
        self.lines = 0

    def write(self, obj: dict[str, Any]) -> None:
        self.write_line(json_line(obj))

    def write_line(self, line: bytes) -> None:
        """Write one finished line (newline included)."""
        self._buf += line
        self.lines += 1
        if len(self._buf) >= _FLUSH_BYTES or time.monotonic() - self._last >= _FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self._buf:
            self._out.write(self._buf)
            self._buf.clear()
        self._out.flush()
        self._last = time.monotonic()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self._out is not self._raw:
                self._out.close()
            if self._own:
                self._raw.close()
            else:
                self._raw.flush()


class _Progress:
    """One status line on stderr, redrawn a few times a second, only on a terminal."""

    def __init__(self, enabled: bool, progress: ReadProgress) -> None:
        self.enabled = enabled
        self.progress = progress
        self.start = time.monotonic()
        self._last = 0.0
        self._width = 0

    def update(self, summary: Summary, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.2:
            return
        self._last = now
        elapsed = max(now - self.start, 1e-9)
        done = self.progress.bytes_read
        total = self.progress.total_bytes
        parts = [f"{summary.read:,} records", f"{summary.read / elapsed:,.0f} rec/s"]
        if total:
            parts.append(f"{done / 1e6:,.1f}/{total / 1e6:,.1f} MB")
            if done > 0:
                remaining = elapsed * (total - done) / done
                parts.append(f"ETA {_clock(remaining)}")
        else:
            parts.append(f"{done / 1e6:,.1f} MB")
        parts.append(f"{summary.n_failed:,} failed")
        line = "  ".join(parts)
        pad = max(0, self._width - len(line))
        self._width = len(line)
        sys.stderr.write("\r" + line + " " * pad)
        sys.stderr.flush()

    def finish(self) -> None:
        if self.enabled and self._width:
            sys.stderr.write("\r" + " " * self._width + "\r")
            sys.stderr.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _summary_lines(summary: Summary, seconds: float, input_bytes: int, interrupted: bool) -> list[str]:
    def by_reason(counts: dict[str, int]) -> str:
        return " (" + ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items())) + ")" if counts else ""

    lines = [
        (
            f"{summary.read:,} records read = {summary.written:,} written + {summary.n_skipped:,} skipped"
            f"{by_reason(summary.skipped)} + {summary.n_failed:,} failed{by_reason(summary.failed)}"
        ),
        (
            f"{seconds:.1f} s, {summary.read / max(seconds, 1e-9):,.1f} records/s, "
            f"{input_bytes / 1e6 / max(seconds, 1e-9):,.1f} MB/s of input, "
            f"{summary.payload_bytes / 1e6 / max(seconds, 1e-9):,.1f} MB/s of pages"
        ),
    ]
    if not summary.balanced:  # pragma: no cover -- a bug if it ever shows
        lines.append("warning: the counts do not add up; please report this")
    if interrupted:
        lines.append("interrupted: the output holds every record up to the stop, in whole lines")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``boilerstrip batch``; return the exit status."""
    ap = _parser()
    try:
        args = ap.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help/--version
        return int(exc.code or 0)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.ERROR if args.quiet else logging.WARNING,
                            format="boilerstrip batch: %(message)s")

    def usage(message: str) -> int:
        print(f"boilerstrip batch: {message}", file=sys.stderr)
        return 2

    try:
        options = Options(
            output=args.format,
            favor=args.favor,
            include_tables=not args.no_tables,
            include_comments=args.include_comments,
            include_title=args.include_title,
            explain=args.explain,
            language=args.language,
            max_bytes=args.max_bytes,
            truncate=args.truncate,
        )
    except BoilerstripError as exc:
        return usage(str(exc))
    if args.jobs is not None and args.jobs < 0:
        return usage(f"--jobs must be 0 or more, got {args.jobs}")
    if args.inputs.count("-") > 1:
        return usage("standard input ('-') can be read only once")
    if args.output != "-" and os.path.abspath(args.output) in {os.path.abspath(p) for p in args.inputs if p != "-"}:
        return usage("the output file is also an input")

    # Check every input before starting, so a typo does not cost a half-done run.
    total: int | None = 0
    needs_warc = False
    for path in args.inputs:
        if path == "-":
            total = None
            continue
        try:
            fmt = detect_format(path)
            size = os.path.getsize(path)
        except OSError as exc:
            print(f"boilerstrip batch: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        except InputFormatError as exc:
            return usage(str(exc))
        if fmt == "jsonl" and args.html_field is None and args.text_field is None:
            return usage(f"{path} is JSONL: say which field holds the page with --html-field or --text-field")
        needs_warc = needs_warc or fmt == "warc"
        total = None if total is None else total + size
    if needs_warc:
        try:
            _fastwarc()
        except ImportError as exc:
            print(f"boilerstrip batch: {exc}", file=sys.stderr)
            return 1

    try:
        out = _LineWriter(args.output)
        errors = _LineWriter(args.errors) if args.errors else None
    except OSError as exc:
        print(f"boilerstrip batch: cannot write {exc.filename}: {exc.strerror or exc}", file=sys.stderr)
        return 1

    progress = ReadProgress(total_bytes=total)
    summary = Summary()
    payload = [0]
    stop = StopFlag()

    def records() -> Iterator[Record | Result]:
        for path in args.inputs:
            for item in read_records(
                path, html_field=args.html_field, text_field=args.text_field, id_field=args.id_field,
                url_field=args.url_field, max_bytes=args.max_bytes, truncate=args.truncate, progress=progress,
            ):
                if isinstance(item, Record):
                    payload[0] += item.size
                yield item

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.level += 1
        if signum == signal.SIGTERM:
            stop.level = max(stop.level, 2)
        if stop.level == 1:
            print("\nboilerstrip batch: stopping after the records in flight (Ctrl-C again to drop them)",
                  file=sys.stderr)
        elif stop.level >= 3:
            signal.signal(signal.SIGINT, signal.default_int_handler)

    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():  # signals can only be caught there
        previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    bar = _Progress(not args.quiet and sys.stderr.isatty(), progress)
    timeout = args.timeout if args.timeout and args.timeout > 0 else None
    status = 0
    started = time.monotonic()
    cpu_started = time.process_time()
    jobs = args.jobs if args.jobs is not None else default_jobs()
    try:
        if jobs > 0 and total is not None:
            # Files only: workers read their own byte ranges and send back finished lines.
            settings = ReaderSettings(args.html_field, args.text_field, args.id_field, args.url_field,
                                      args.max_bytes, args.truncate)
            size = span_bytes(total, jobs)

            def spans() -> Iterator[Span]:
                for n, path in enumerate(args.inputs, 1):
                    # The last input ends in smaller ranges, so the workers finish together.
                    yield from plan_spans(path, size, taper=jobs if n == len(args.inputs) else 0)

            outcomes = run_spans(spans(), options, settings, jobs=jobs, timeout=timeout, stop=stop,
                                 progress=progress)
            try:
                for kind, reason, page_bytes, _, row, error_row in outcomes:
                    summary.count(kind, reason)
                    payload[0] += page_bytes
                    if row is not None:
                        out.write_line(row)
                    elif error_row is not None and errors is not None:
                        errors.write_line(error_row)
                    bar.update(summary)
            finally:
                outcomes.close()
        else:
            results = (run_serial(records(), options, timeout=timeout, stop=stop) if jobs == 0
                       else run_pool(records(), options, jobs=jobs, timeout=timeout, stop=stop))
            try:
                for result in results:
                    summary.add(result)
                    if result.status == "ok":
                        out.write(result.to_dict())
                    elif result.status == "failed" and errors is not None:
                        errors.write(result.to_error_dict())
                    bar.update(summary)
            finally:
                close = getattr(results, "close", None)
                if close is not None:
                    close()
    except BrokenPipeError:
        # The reader of stdout went away (`... -o - | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except InputFormatError as exc:  # standard input turned out not to be WARC, WET or JSONL
        bar.finish()
        print(f"boilerstrip batch: {exc}", file=sys.stderr)
        status = 2
    except (OSError, BoilerstripError, ImportError) as exc:
        bar.finish()
        print(f"boilerstrip batch: {exc}", file=sys.stderr)
        status = 1
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for writer in (out, errors):
            if writer is not None:
                try:
                    writer.close()
                except BrokenPipeError:
                    pass
        bar.finish()
    seconds = time.monotonic() - started
    # This process's own CPU over the run (not its workers'): what the parent costs per record.
    parent_cpu = time.process_time() - cpu_started
    summary.payload_bytes = payload[0]
    interrupted = stop.level > 0
    if interrupted:
        status = 1
    if not args.quiet:
        for line in _summary_lines(summary, seconds, progress.bytes_read, interrupted):
            print(f"boilerstrip batch: {line}", file=sys.stderr)
    if args.summary:
        report = summary.to_dict() | {"seconds": round(seconds, 3), "input_bytes": progress.bytes_read,
                                      "interrupted": interrupted, "parent_cpu_seconds": round(parent_cpu, 3)}
        with open(args.summary, "w", encoding="utf-8") as fh:
            json.dump(report, fh, indent=2)
            fh.write("\n")
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
