"""The values a batch moves around: a Record in, a Result out, and the reason codes.

Every record read ends as exactly one Result: ``ok`` (written), ``skipped`` (not a
page we extract, with a skip reason) or ``failed`` (with a failure reason). The
codes are stable; tests and downstream pipelines match on them, so add new ones
rather than renaming.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from ..document import Reason

__all__ = [
    "FAIL_REASONS",
    "SKIP_REASONS",
    "BlockInfo",
    "FailReason",
    "Record",
    "Result",
    "SkipReason",
    "Status",
    "Summary",
    "json_line",
    "output_line",
]

Status = Literal["ok", "skipped", "failed"]

# Records that are not pages to extract. They are counted, never written.
SkipReason = Literal[
    "empty",  # no payload, or only whitespace
    "http_status",  # an HTTP response other than 200 (or no status line at all)
    "missing_field",  # a JSONL line without the --html-field/--text-field value
    "not_html",  # a response whose Content-Type is not HTML (images, PDFs, JSON, ...)
    "not_response",  # a WARC record that holds no page: request, metadata, warcinfo, revisit, ...
]

# Records we tried and could not extract. They go to the errors file.
FailReason = Literal[
    "decode_error",  # the bytes cannot be turned into text (DecodeError)
    "extract_error",  # any other error inside extraction (a bug: please report it)
    "interrupted",  # the run was stopped (Ctrl-C twice) while the record was in flight
    "parse_error",  # the HTML parser gave up (ParseError)
    "read_error",  # the input could not be read here: broken gzip member, bad WARC header, bad JSON
    "timeout",  # the record ran past the per-record time limit
    "too_large",  # the page is larger than --max-bytes (or a gzip member inflates past it)
    "worker_died",  # the worker process died (crash, out of memory) while extracting it
]

SKIP_REASONS: tuple[str, ...] = get_args(SkipReason)
FAIL_REASONS: tuple[str, ...] = get_args(FailReason)


@dataclass(frozen=True, slots=True)
class Record:
    """One page to extract, with where it came from.

    Args:
        data: the page: bytes are decoded as a browser would (``content_type``'s
            charset first), str is used as it is.
        input_type: "html" or "text" (a WET conversion record, a text field); None
            uses ``Options.input_type``.
        content_type: the HTTP Content-Type header, whose charset decodes ``data``.
        source: where the record sits, for error reports ("crawl.warc.gz@1234", "pages.jsonl:17").
    """

    id: str
    data: bytes | str
    url: str | None = None
    input_type: Literal["html", "text"] | None = None
    content_type: str | None = None
    source: str | None = None

    @property
    def size(self) -> int:
        """Payload length in bytes (characters for str), for progress and memory bounds."""
        return len(self.data)


@dataclass(frozen=True, slots=True)
class BlockInfo:
    """One block as ``--explain`` reports it: label, score and the reasons behind it."""

    text: str
    kind: str
    label: str
    score: float
    reasons: tuple[Reason, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "label": self.label,
            "score": self.score,
            "reasons": [{"code": r.code, "value": r.value, "contribution": r.contribution} for r in self.reasons],
        }


@dataclass(frozen=True, slots=True)
class Result:
    """What became of one Record: the extracted text, or why there is none.

    ``text`` is rendered in ``Options.output`` (text or Markdown in the CLI).
    The counts compare what was kept with the whole page, in blocks and in
    characters of block text.
    """

    id: str
    url: str | None
    status: Status
    reason: str | None = None
    message: str | None = None
    text: str = ""
    title: str | None = None
    language: str | None = None
    blocks_kept: int = 0
    blocks_total: int = 0
    chars_kept: int = 0
    chars_total: int = 0
    # Only with Options.explain: every block with its label, score and reasons.
    blocks: tuple[BlockInfo, ...] | None = None
    source: str | None = None

    @classmethod
    def skipped(cls, id: str, url: str | None, reason: SkipReason, message: str | None = None,
                source: str | None = None) -> Result:
        return cls(id=id, url=url, status="skipped", reason=reason, message=message, source=source)

    @classmethod
    def failed(cls, id: str, url: str | None, reason: FailReason, message: str | None = None,
               source: str | None = None) -> Result:
        return cls(id=id, url=url, status="failed", reason=reason, message=message, source=source)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        """The output line for a written record (the JSONL schema of ``boilerstrip batch``)."""
        out: dict[str, Any] = {
            "id": self.id,
            "url": self.url,
            "text": self.text,
            "title": self.title,
            "language": self.language,
            "blocks_kept": self.blocks_kept,
            "blocks_total": self.blocks_total,
            "chars_kept": self.chars_kept,
            "chars_total": self.chars_total,
        }
        if self.blocks is not None:
            out["blocks"] = [b.to_dict() for b in self.blocks]
        return out

    def to_error_dict(self) -> dict[str, Any]:
        """The errors-file line for a failed (or skipped) record."""
        return {
            "id": self.id,
            "url": self.url,
            "status": self.status,
            "reason": self.reason,
            "message": self.message,
            "source": self.source,
        }


@dataclass
class Summary:
    """Running counts of a batch; ``read == written + skipped + failed`` at every step."""

    read: int = 0
    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    # Bytes of page payload extracted (uncompressed HTML or text), for MB/s.
    payload_bytes: int = 0

    def add(self, result: Result, payload_bytes: int = 0) -> None:
        self.count(result.status, result.reason, payload_bytes)

    def count(self, status: Status, reason: str | None, payload_bytes: int = 0) -> None:
        """Count one record by its status and reason (what :meth:`add` does with a Result)."""
        self.read += 1
        self.payload_bytes += payload_bytes
        if status == "ok":
            self.written += 1
        elif status == "skipped":
            self.skipped[reason or "unknown"] += 1
        else:
            self.failed[reason or "unknown"] += 1

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())

    @property
    def n_failed(self) -> int:
        return sum(self.failed.values())

    @property
    def balanced(self) -> bool:
        return self.read == self.written + self.n_skipped + self.n_failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "written": self.written,
            "skipped": self.n_skipped,
            "failed": self.n_failed,
            "skipped_by_reason": dict(sorted(self.skipped.items())),
            "failed_by_reason": dict(sorted(self.failed.items())),
            "payload_bytes": self.payload_bytes,
        }


# Control characters other than the newline: json.dumps escapes them as \t, \r, \b, \f or \u00XX.
_RARE_CONTROLS = bytes(c for c in range(0x20) if c != 0x0A)


def _json_string(value: str) -> bytes | None:
    """``json.dumps(value, ensure_ascii=False)`` as UTF-8, or None when a rare control character needs it.

    Working on the UTF-8 bytes is exact: the bytes JSON escapes (controls, quote,
    backslash) never occur inside a multi-byte character. A page's text holds
    newlines, quotes and backslashes; each is one bytes.replace, which costs a
    third of json's escaping of the same text (5,000 characters: 8 µs, not 25 µs).
    Raises UnicodeEncodeError on a lone surrogate.
    """
    raw = value.encode("utf-8")
    if len(raw.translate(None, _RARE_CONTROLS)) != len(raw):
        return None
    if b"\\" in raw:
        raw = raw.replace(b"\\", b"\\\\")
    if b'"' in raw:
        raw = raw.replace(b'"', b'\\"')
    return b'"' + raw.replace(b"\n", b"\\n") + b'"'


def output_line(result: Result) -> bytes:
    """``json_line(result.to_dict())``, byte for byte, built without the dict and json's escaping pass.

    The line of every written record: on a WET page this halves its cost (json's
    escaping is most of it). Anything unusual (--explain blocks, a rare control
    character, a lone surrogate, counts that are not ints) takes json_line itself.
    """
    kept, total, chars_kept, chars_total = counts = (result.blocks_kept, result.blocks_total, result.chars_kept,
                                                     result.chars_total)
    if result.blocks is None and all(type(n) is int for n in counts):
        fields: list[bytes] = []
        try:
            for value in (result.id, result.url, result.text, result.title, result.language):
                encoded = b"null" if value is None else _json_string(value) if type(value) is str else None
                if encoded is None:
                    break
                fields.append(encoded)
        except UnicodeEncodeError:
            pass
        if len(fields) == 5:
            rid, url, text, title, language = fields
            return (b'{"id": %s, "url": %s, "text": %s, "title": %s, "language": %s, "blocks_kept": %d, '
                    b'"blocks_total": %d, "chars_kept": %d, "chars_total": %d}\n'
                    % (rid, url, text, title, language, kept, total, chars_kept, chars_total))
    return json_line(result.to_dict())


def json_line(obj: dict[str, Any]) -> bytes:
    """One JSONL line (with its newline) as ``boilerstrip batch`` writes it: UTF-8, non-ASCII kept."""
    try:
        return json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # a lone surrogate from a broken page: escape it, stay valid UTF-8
        return json.dumps(obj).encode("ascii") + b"\n"
