"""The command line: a Unix filter from a page to its main content.

Exit status: 0 on success (also when the reader of our output goes away, as
in ``boilerstrip page.html | head -1``), 1 when an input cannot be read or
extracted or the output cannot be written, 2 on a usage error, 130 when
interrupted (Ctrl-C). Messages go to stderr, one line each; see
docs/robustness.md.
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
from collections.abc import Sequence
from typing import get_args

from . import __version__
from .api import extract_blocks
from .errors import BoilerstripError
from .explain import explain_line
from .options import Favor, InputType, Options, OutputFormat
from .render import render

__all__ = ["main"]

log = logging.getLogger(__name__)

_EXAMPLES = """\
examples:
  boilerstrip < page.html > body.txt
  boilerstrip --format markdown page.html
  boilerstrip --input-type text < dump.txt          # one block per line (WET, text dumps)
  boilerstrip --explain page.html                   # why each block was kept or dropped
  curl -s https://example.org/ | boilerstrip --format json
  boilerstrip batch crawl.warc.gz -o out.jsonl      # crawl files in, JSONL out (see batch --help)
"""


def _parser() -> argparse.ArgumentParser:
    defaults = Options()
    ap = argparse.ArgumentParser(
        prog="boilerstrip",
        description="Strip the boilerplate from web pages and print the main content.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("files", nargs="*", metavar="FILE", help="pages to read (default: standard input; '-' too)")
    ap.add_argument("-f", "--format", choices=get_args(OutputFormat), default=defaults.output, help="output format")
    ap.add_argument(
        "-t", "--input-type", choices=get_args(InputType), default=defaults.input_type,
        help="html, text (one block per line) or auto (default: %(default)s)",
    )
    ap.add_argument("--encoding", default=None, help="charset of the input bytes, overriding <meta charset>")
    ap.add_argument("--favor", choices=get_args(Favor), default=defaults.favor, help="balance precision and recall")
    ap.add_argument("--url", default=None, help="the page's URL, kept in JSON output")
    ap.add_argument("--include-comments", action="store_true", help="keep user comments below the content")
    ap.add_argument("--no-tables", action="store_true", help="drop tables from the content")
    ap.add_argument("--include-title", action="store_true", help="start the output with the page title")
    ap.add_argument(
        "--explain", action="store_true",
        help="print one line per block: label, score, reasons, start of its text (with --format json: all blocks)",
    )
    ap.add_argument("--max-bytes", type=int, default=defaults.max_bytes, help="refuse larger inputs")
    ap.add_argument("--truncate", action="store_true", help="cut inputs over --max-bytes instead of refusing them")
    ap.add_argument("-q", "--quiet", action="store_true", help="no warnings on stderr")
    ap.add_argument("--version", action="version", version=f"boilerstrip {__version__}")
    return ap


def _say(message: str) -> None:
    """One line on stderr (when there is a stderr: `2>&-` closes it)."""
    if sys.stderr is not None:
        print(f"boilerstrip: {' '.join(message.split())}", file=sys.stderr)


def _read(path: str, limit: int) -> bytes:
    """Read at most ``limit`` bytes, so that a huge input (or /dev/zero) cannot fill memory."""
    if path == "-":
        if sys.stdin is None:  # started with `<&-`
            raise OSError(errno.EBADF, "standard input is closed")
        return sys.stdin.buffer.read(limit)
    with open(path, "rb") as fh:
        return fh.read(limit)


def _write(text: str) -> None:
    if sys.stdout is None:  # started with `>&-`
        raise OSError(errno.EBADF, "standard output is closed")
    out = sys.stdout.buffer
    out.write(text.encode("utf-8", "replace"))
    if text and not text.endswith("\n"):
        out.write(b"\n")


def _drop_stdout() -> None:
    """Point stdout at /dev/null so that the flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # no stdout, or one without a file descriptor
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] == "batch":
        from .batch.cli import main as batch_main

        return batch_main(args_list[1:])
    ap = _parser()
    try:
        args = ap.parse_args(args_list)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help/--version
        return int(exc.code or 0)
    logging.basicConfig(level=logging.ERROR if args.quiet else logging.WARNING, format="boilerstrip: %(message)s")
    try:
        options = Options(
            output=args.format,
            input_type=args.input_type,
            favor=args.favor,
            include_tables=not args.no_tables,
            include_comments=args.include_comments,
            include_title=args.include_title,
            explain=args.explain and args.format == "json",
            encoding=args.encoding,
            max_bytes=args.max_bytes,
            truncate=args.truncate,
        )
    except BoilerstripError as exc:
        _say(str(exc))
        return 2
    status = 0
    try:
        for path in args.files or ["-"]:
            status = max(status, _one(path, options, args.url, args.explain and args.format != "json"))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`boilerstrip page.html | head -1`): stop quietly.
        _drop_stdout()
        return status
    except OSError as exc:  # a full disk, a closed stdout
        _say(f"cannot write output: {exc.strerror or exc}")
        _drop_stdout()
        return 1
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    return status


def _one(path: str, options: Options, url: str | None, explain_lines: bool) -> int:
    name = "<stdin>" if path == "-" else path
    try:
        data = _read(path, options.max_bytes + 1)
    except OSError as exc:
        _say(f"cannot read {name}: {exc.strerror or exc}")
        return 1
    if len(data) > options.max_bytes and not options.truncate:
        _say(f"{name}: input is over max_bytes={options.max_bytes}; raise --max-bytes or pass --truncate")
        return 1
    try:
        doc = extract_blocks(data, url, options=options)
        out = "\n".join(explain_line(b) for b in doc.blocks) if explain_lines else render(doc, options)
    except BoilerstripError as exc:
        _say(f"{name}: {exc}")
        return 1
    except Exception as exc:  # a bug in boilerstrip: say so in one line and go on with the next file
        _say(f"{name}: internal error, please report it: {type(exc).__name__}: {exc}")
        return 1
    _write(out)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
