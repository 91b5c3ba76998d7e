"""Read crawl files into Records: WARC and WET (plain or gzip), and JSONL (plain or gzip).

Reading never stops at a bad record. Each record read comes out as a
:class:`Record` to extract or as a :class:`Result` that says why it was skipped
or could not be read, so that records in = written + skipped + failed.

WARC parsing is FastWARC's (the ``warc`` extra). A gzip WARC is read by
FastWARC's fast path until something goes wrong; then the member at fault is
read here with :mod:`zlib`, reported, and skipped by looking for the next gzip
member that holds a WARC record, and the fast path resumes there. The same
jump skips any record whose block is larger than ``max_bytes``, so a gzip
member that inflates past the limit (a decompression bomb) is never inflated.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import sys
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import IO, Any, Literal, cast

from ..errors import BoilerstripError
from ..options import Options
from .records import Record, Result

__all__ = [
    "InputFormat",
    "InputFormatError",
    "ReadProgress",
    "Span",
    "SpanFormat",
    "detect_format",
    "find_span_start",
    "plan_spans",
    "read_records",
    "read_span",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

InputFormat = Literal["warc", "jsonl"]
Item = Record | Result
# What the readers yield inside: each item with the offset it was read at (the gzip member, the
# record or the line it came from); they return the offset of the next record they did not read
# (None at the end of the file), which is where the reading of a byte range stops.
_Placed = Generator[tuple[int, Item], None, int | None]

_GZIP_MAGIC = b"\x1f\x8b\x08"
# Room for the WARC and HTTP headers around a page of max_bytes: a gzip member
# holding a page must inflate to no more than max_bytes + this.
_HEADER_SLACK = 1 << 20
# Media types we extract from. A response without Content-Type is sniffed instead.
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHUNK = 1 << 20
# The smallest range plan_spans' taper cuts: a few pages, so that finding a range's first
# record (~1 ms) stays small next to reading it.
_MIN_TAPER_SPAN = 64 << 10
_DEFAULT_MAX_BYTES = Options().max_bytes


class InputFormatError(BoilerstripError, ValueError):
    """An input is not a WARC, WET or JSONL file, or JSONL lacks its field names."""


@dataclass
class ReadProgress:
    """How far reading has got, in input bytes (compressed size for gzip files)."""

    # Sum of the input sizes, None when one is unknown (standard input).
    total_bytes: int | None = None
    # Bytes of the inputs already finished, and the offset in the current one.
    done_bytes: int = 0
    offset: int = 0

    @property
    def bytes_read(self) -> int:
        return self.done_bytes + self.offset


@dataclass(frozen=True)
class _Config:
    name: str
    max_bytes: int
    truncate: bool
    html_field: str | None = None
    text_field: str | None = None
    id_field: str | None = None
    url_field: str | None = None
    progress: ReadProgress = field(default_factory=ReadProgress)

    @property
    def budget(self) -> int:
        return self.max_bytes + _HEADER_SLACK


def _fastwarc() -> ModuleType:
    try:
        from fastwarc import warc
    except ImportError as exc:
        raise ImportError(
            "reading WARC and WET files needs FastWARC: pip install 'boilerstrip[warc]'"
        ) from exc
    return warc


class _Peekable(io.RawIOBase):
    """A forward-only stream (standard input) that can show its first bytes and tell its offset.

    FastWARC wants ``tell()`` and ``seekable()`` even when it never seeks; a pipe has neither.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self._raw = raw
        self._head = b""
        self._pos = 0

    def peek(self, n: int) -> bytes:
        while len(self._head) < n:
            more = self._raw.read(n - len(self._head))
            if not more:
                break
            self._head += more
        return self._head[:n]

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = 0) -> int:
        target = offset if whence == 0 else self._pos + offset if whence == 1 else -1
        if target != self._pos:
            raise io.UnsupportedOperation("standard input cannot seek")
        return self._pos

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
        else:
            data = self._raw.read(len(view))
            n = len(data)
            view[:n] = data
        self._pos += n
        return n


def _sniff(head: bytes) -> InputFormat | None:
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(31).decompress(head, 512)
        except zlib.error:
            return None
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    return None


def detect_format(path: str | os.PathLike[str]) -> InputFormat:
    """Say whether a file holds WARC/WET or JSONL records, from its first bytes (gzip or not)."""
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    fmt = _sniff(head)
    if fmt is None:
        raise InputFormatError(f"{os.fspath(path)}: not a WARC, WET or JSONL file (plain or gzip)")
    return fmt


def read_records(
    source: str | os.PathLike[str] | IO[bytes],
    *,
    html_field: str | None = None,
    text_field: str | None = None,
    id_field: str | None = None,
    url_field: str | None = None,
    max_bytes: int = _DEFAULT_MAX_BYTES,
    truncate: bool = False,
    progress: ReadProgress | None = None,
    name: str | None = None,
) -> Iterator[Record | Result]:
    """Yield every record of a WARC, WET or JSONL file (gzip or not) in file order.

    HTML response records (HTTP 200) and WET conversion records become Records;
    everything else becomes a skipped or failed Result with its reason code.

    Args:
        source: a path, "-" for standard input, or a binary file object.
        html_field: JSONL: the field holding HTML (or ``text_field``: plain text).
        id_field: JSONL: the field holding the record id (default: "NAME:LINE").
        max_bytes: pages larger than this are reported ``too_large`` without being read whole.
        truncate: cut larger pages to ``max_bytes`` instead.
        progress: updated with the input offset as records are read.
    """
    if html_field is not None and text_field is not None:
        raise InputFormatError("give either html_field or text_field, not both")
    progress = progress if progress is not None else ReadProgress()
    own = False
    peeker: _Peekable | None = None
    fh: IO[bytes]
    if isinstance(source, (str, os.PathLike)):
        if os.fspath(source) == "-":
            peeker = _Peekable(sys.stdin.buffer)
            fh = cast(IO[bytes], peeker)
            name = name or "<stdin>"
        else:
            fh = open(source, "rb")  # noqa: SIM115 -- closed in the finally below
            own = True
            name = name or os.path.basename(os.fspath(source))
    else:
        fh = source
        name = name or str(getattr(source, "name", "<stream>"))
    cfg = _Config(name, max_bytes, truncate, html_field, text_field, id_field, url_field, progress)
    try:
        if peeker is None and not fh.seekable():
            peeker = _Peekable(fh)
            fh = cast(IO[bytes], peeker)
        seekable = peeker is None
        if peeker is not None:
            head = peeker.peek(1 << 16)
        else:
            start = fh.tell()
            head = fh.read(1 << 16)
            fh.seek(start)
        fmt = _sniff(head)
        if fmt is None:
            raise InputFormatError(f"{name}: not a WARC, WET or JSONL file (plain or gzip)")
        gz = head.startswith(_GZIP_MAGIC)
        placed: _Placed
        if fmt == "jsonl":
            if html_field is None and text_field is None:
                raise InputFormatError(f"{name}: JSONL input needs --html-field or --text-field")
            placed = _jsonl_items(fh, gz, cfg)
        elif gz and seekable:
            placed = _warc_gz_file_items(fh, cfg)
        else:
            placed = _warc_stream_items(fh, cfg)
        for _, item in placed:
            yield item
        progress.done_bytes += _size(fh, progress.offset)
        progress.offset = 0
    finally:
        if own:
            fh.close()


def _size(fh: IO[bytes], default: int) -> int:
    try:
        return os.fstat(fh.fileno()).st_size
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return default


# ----------------------------------------------------------------------------- WARC


def _media_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def _looks_like_markup(data: bytes) -> bool:
    return data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _read_payload(rec: Any, limit: int, encoded: bool) -> bytes:
    """Read at most ``limit + 1`` payload bytes, so an oversized page is noticed, not loaded."""
    if not encoded:
        # Without a Content-Encoding the remaining length is exact (and was checked).
        return bytes(rec.reader.read(min(rec.content_length, limit + 1)))
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        piece = rec.reader.read(min(_CHUNK, limit + 1 - size))
        if not piece:
            break
        parts.append(piece)
        size += len(piece)
    return b"".join(parts)


def _classify(rec: Any, warc: ModuleType, cfg: _Config, offset: int) -> Item:
    """Turn one FastWARC record into a Record, or a Result saying why not.

    Raises OSError only when the stream itself breaks while reading the payload.
    """
    source = f"{cfg.name}@{offset}"
    rid = rec.record_id or source
    url = rec.headers.get("WARC-Target-URI") or None
    kind = rec.record_type
    types = warc.WarcRecordType
    encoded = False
    input_type: Literal["html", "text"] = "html"
    if kind == types.response:
        try:
            rec.parse_http(auto_decode="all")
        except OSError as exc:
            return Result.failed(rid, url, "read_error", f"invalid HTTP headers: {exc}", source)
        http = rec.http_headers
        status = http.status_code if http is not None else None
        if status != 200:
            message = f"HTTP {status}" if status is not None else "no HTTP status line"
            return Result.skipped(rid, url, "http_status", message, source)
        content_type = http.get("Content-Type")
        encoding = (http.get("Content-Encoding") or "identity").strip().lower()
        encoded = encoding not in ("identity", "")
    elif kind == types.resource:
        content_type = rec.headers.get("Content-Type")
    elif kind == types.conversion:
        # WET: the text of a page, one block per line, UTF-8 unless said otherwise.
        content_type = rec.headers.get("Content-Type") or "text/plain"
        if "charset" not in content_type.lower():
            content_type += "; charset=utf-8"
        input_type = "text"
    else:
        return Result.skipped(rid, url, "not_response", f"WARC-Type {kind}", source)
    media = _media_type(content_type)
    if input_type == "html" and media is not None and media not in _HTML_TYPES:
        return Result.skipped(rid, url, "not_html", media, source)
    limit = cfg.max_bytes
    if rec.content_length > limit and not cfg.truncate:
        return Result.failed(
            rid, url, "too_large", f"{rec.content_length} bytes, over --max-bytes {limit}", source
        )
    expected = rec.content_length
    data = _read_payload(rec, limit, encoded)
    if not encoded and len(data) < min(expected, limit + 1):
        return Result.failed(rid, url, "read_error", f"record cut off: {len(data)} of {expected} bytes", source)
    if len(data) > limit:
        if not cfg.truncate:
            return Result.failed(rid, url, "too_large", f"over --max-bytes {limit} once decoded", source)
        data = data[:limit]
    if not data or data.isspace():
        return Result.skipped(rid, url, "empty", None, source)
    if input_type == "html" and media is None and not _looks_like_markup(data):
        return Result.skipped(rid, url, "not_html", "no Content-Type and no markup", source)
    return Record(rid, data, url, input_type, content_type, source)


def _warc_stream_items(fh: IO[bytes], cfg: _Config, start: int = 0, end: int | None = None) -> _Placed:
    """Read a WARC with FastWARC alone: plain files, zstd/lz4, and gzip on standard input.

    Without seeking there is no way past a broken gzip member: the rest of the
    input is reported as one ``read_error``. ``fh`` is at ``start``, a record's
    first byte; reading stops before the first record at ``end`` or after.
    """
    warc = _fastwarc()
    offset = start
    try:
        for rec in warc.ArchiveIterator(fh, parse_http=False):
            offset = int(rec.stream_pos)
            if end is not None and offset >= end:
                return offset
            cfg.progress.offset = offset
            yield offset, _classify(rec, warc, cfg, offset)
    except OSError as exc:
        source = f"{cfg.name}@{offset}"
        yield offset, Result.failed(source, None, "read_error", f"cannot read past this point: {exc}", source)
    return None


def _one_record_per_member(fh: IO[bytes]) -> bool:
    """Whether the file is gzipped record by record (the WARC standard) rather than as a whole.

    Only then can a bad member be stepped over. A whole-file gzip holds many
    records in one member, found here as a second WARC header in the first 2 MB
    or a first member that ends after more than one record.
    """
    start = fh.tell()
    try:
        inflater = zlib.decompressobj(31)
        out = bytearray()
        while len(out) < (2 << 20) and not inflater.eof:
            chunk = fh.read(1 << 16)
            if not chunk:
                break
            out += inflater.decompress(chunk, (2 << 20) - len(out))
    except zlib.error:
        return True  # a broken first member: the resilient path reports it
    finally:
        fh.seek(start)
    return b"\r\nWARC/1." not in out[5:]


def _warc_gz_file_items(fh: IO[bytes], cfg: _Config) -> _Placed:
    """Read a whole seekable gzip WARC: member by member, or as one stream when gzipped as a whole."""
    if not _one_record_per_member(fh):
        return (yield from _warc_stream_items(fh, cfg, fh.tell()))
    return (yield from _warc_gz_items(fh, cfg, fh.tell()))


def _warc_gz_items(fh: IO[bytes], cfg: _Config, start: int, end: int | None = None) -> _Placed:
    """Read a seekable gzip WARC with FastWARC from the member at ``start``, stepping over broken and
    oversized members, until the first member at ``end`` or after."""
    warc = _fastwarc()
    offset: int | None = start
    while offset is not None:
        fh.seek(offset)
        last = -1  # offset of the gzip member of the last record handed out
        done_ids: set[str] = set()  # records of that member already handed out
        try:
            for rec in warc.ArchiveIterator(fh, parse_http=False):
                pos = int(rec.stream_pos)
                if pos != last:
                    if end is not None and pos >= end:
                        return pos
                    last, done_ids = pos, set()
                cfg.progress.offset = pos
                oversized = rec.content_length > cfg.budget
                try:
                    item = _classify(rec, warc, cfg, pos)
                except OSError as exc:
                    item = Result.failed(
                        rec.record_id or f"{cfg.name}@{pos}", rec.headers.get("WARC-Target-URI") or None,
                        "read_error", f"broken gzip member: {exc}", f"{cfg.name}@{pos}",
                    )
                    oversized = True  # the member is bad: jump past it
                done_ids.add(item.id)
                yield pos, item
                if oversized:
                    # Jump to the next member rather than inflate this one through.
                    offset = yield from _jump(fh, cfg, pos)
                    break
            else:
                offset = None
        except OSError as exc:
            log.debug("%s: fast path stopped near %d: %s", cfg.name, last, exc)
            assert offset is not None
            if last < 0 and end is not None and offset >= end:
                return offset  # the next range's first member: it reports the damage
            at = last if last >= 0 else offset
            offset = yield from _recover(fh, cfg, at, done_ids if last >= 0 else set())
    return None


def _inflate_member(fh: IO[bytes], start: int, budget: int) -> tuple[str, bytes, int]:
    """Inflate the gzip member at ``start``, stopping once it passes ``budget`` bytes.

    Returns (status, data, end): status is "ok", "broken", "too_large" or "truncated";
    end is the offset after the member when status is "ok".
    """
    fh.seek(start)
    inflater = zlib.decompressobj(31)
    out = bytearray()
    pos = start
    while True:
        chunk = fh.read(1 << 16)
        if not chunk:
            return "truncated", bytes(out), pos
        try:
            out += inflater.decompress(chunk, budget + 1 - len(out))
        except zlib.error:
            return "broken", bytes(out), pos
        if len(out) > budget:
            return "too_large", bytes(out[:4096]), pos
        if inflater.eof:
            return "ok", bytes(out), pos + len(chunk) - len(inflater.unused_data)
        pos += len(chunk)


def _is_warc_member(fh: IO[bytes], offset: int) -> bool:
    fh.seek(offset)
    try:
        head = zlib.decompressobj(31).decompress(fh.read(1 << 16), 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")


def _plausible_member(fh: IO[bytes], offset: int) -> bool:
    """Whether a gzip header starts at ``offset`` (magic, no reserved flag bits, a known OS byte)."""
    fh.seek(offset)
    head = fh.read(10)
    return len(head) == 10 and head[3] < 0x20 and (head[9] <= 13 or head[9] == 255)


def _resync(fh: IO[bytes], start: int, before: int | None = None) -> tuple[int | None, list[int]]:
    """Find the next gzip member at or after ``start`` (and before ``before``) that inflates to a WARC record.

    Returns its offset (None when there is none) and the offsets of the
    gzip headers passed on the way that did not inflate: fragments of members
    cut short, each of which may have held a record and is reported as one.
    """
    pos = start
    carry = b""
    passed: list[int] = []
    while True:
        if before is not None and pos >= before:
            return None, passed
        fh.seek(pos)
        chunk = fh.read(_CHUNK if before is None else min(_CHUNK, before + len(_GZIP_MAGIC) - pos))
        if not chunk:
            return None, passed
        buf = carry + chunk
        base = pos - len(carry)
        i = buf.find(_GZIP_MAGIC)
        while i != -1:
            if before is not None and base + i >= before:
                return None, passed
            if _is_warc_member(fh, base + i):
                return base + i, passed
            if _plausible_member(fh, base + i):
                passed.append(base + i)
            i = buf.find(_GZIP_MAGIC, i + 1)
        carry = buf[-(len(_GZIP_MAGIC) - 1):]
        pos += len(chunk)


def _salvage(fh: IO[bytes], start: int) -> bytes:
    """Whatever inflates from the member at ``start`` before it breaks (for its record id)."""
    fh.seek(start)
    raw = fh.read(1 << 16)
    inflater = zlib.decompressobj(31)
    out = bytearray()
    for i in range(0, len(raw), 256):
        try:
            out += inflater.decompress(raw[i:i + 256])
        except zlib.error:
            break
        if inflater.eof or len(out) >= (1 << 16):
            break
    return bytes(out)


def _jump(fh: IO[bytes], cfg: _Config, start: int) -> _Placed:
    """Resume after a bad or oversized member at ``start``: report fragments passed, return the next offset."""
    offset, passed = _resync(fh, start + 1)
    for fragment in passed:
        source = f"{cfg.name}@{fragment}"
        rid, url = _header_ids(_salvage(fh, fragment))
        yield fragment, Result.failed(rid or source, url, "read_error", "unreadable gzip member", source)
    return offset


def _header_ids(data: bytes) -> tuple[str | None, str | None]:
    """WARC-Record-ID and WARC-Target-URI from the start of a record that cannot be parsed."""
    head = data[: data.find(b"\r\n\r\n")] if b"\r\n\r\n" in data[:65536] else data[:65536]
    rid = url = None
    for line in head.split(b"\r\n"):
        key, _, value = line.partition(b":")
        key = key.strip().lower()
        if key == b"warc-record-id":
            rid = value.strip().decode("utf-8", "replace")
        elif key == b"warc-target-uri":
            url = value.strip().decode("utf-8", "replace")
    return rid, url


def _recover(fh: IO[bytes], cfg: _Config, start: int, done_ids: set[str]) -> _Placed:
    """Read the gzip member at ``start`` by hand after the fast path failed near it.

    Its records not handed out yet are yielded; a broken, truncated or oversized
    member is reported once. Returns the offset to resume the fast path at.
    """
    warc = _fastwarc()
    source = f"{cfg.name}@{start}"
    status, data, end = _inflate_member(fh, start, cfg.budget)
    if status == "ok":
        try:
            for rec in warc.ArchiveIterator(io.BytesIO(data), parse_http=False, stream_detect=False):
                if (rec.record_id or source) in done_ids:
                    continue
                try:
                    yield start, _classify(rec, warc, cfg, start)
                except OSError as exc:
                    yield start, Result.failed(rec.record_id or source, None, "read_error", f"bad record: {exc}",
                                               source)
        except OSError as exc:
            yield start, Result.failed(source, None, "read_error", f"not a WARC record: {exc}", source)
        return end
    if status != "too_large":
        data = _salvage(fh, start)
    rid, url = _header_ids(data)
    message = {
        "broken": "broken gzip member",
        "truncated": "gzip member cut off at the end of the file",
        "too_large": f"gzip member inflates past --max-bytes {cfg.max_bytes}",
    }[status]
    if rid is not None and rid in done_ids:
        # The record itself was handed out; what follows it in the member is the problem.
        message += f" after its record {rid}"
        rid = url = None
    reason: Any = "too_large" if status == "too_large" else "read_error"
    yield start, Result.failed(rid or source, url, reason, message, source)
    if status == "truncated":
        return None
    return (yield from _jump(fh, cfg, start))


# ----------------------------------------------------------------------------- JSONL


def _jsonl_items(fh: IO[bytes], gz: bool, cfg: _Config, start: int = 0, end: int | None = None,
                 lines_before: int = 0) -> _Placed:
    """One record per line; a bad line is a ``read_error`` and the next line is read.

    Plain JSONL: ``fh`` is at ``start``, the first byte of a line, which is line
    ``lines_before + 1``; reading stops before the first line that starts at
    ``end`` or after. Gzip JSONL is read whole, and every item is placed at ``start``.
    """
    raw = fh
    stream: IO[bytes] = gzip.GzipFile(fileobj=fh, mode="rb") if gz else fh  # type: ignore[assignment]
    field_name = cfg.html_field if cfg.html_field is not None else cfg.text_field
    assert field_name is not None
    input_type: Literal["html", "text"] = "html" if cfg.html_field is not None else "text"
    limit = cfg.max_bytes + _HEADER_SLACK
    lineno = lines_before
    pos = start  # where the next line starts (plain files only)
    while True:
        if end is not None and pos >= end:
            return pos
        at = start if gz else pos
        source = f"{cfg.name}:{lineno + 1}"
        try:
            line = stream.readline(limit + 1)
            pos += len(line)
            if len(line) > limit and not line.endswith(b"\n"):
                # Too long to hold: skip to the end of the line without keeping it.
                while True:
                    rest = stream.readline(_CHUNK)
                    pos += len(rest)
                    if not rest or rest.endswith(b"\n"):
                        break
                lineno += 1
                yield at, Result.failed(source, None, "too_large", f"line over --max-bytes {cfg.max_bytes}", source)
                continue
        except (OSError, EOFError, zlib.error) as exc:
            yield at, Result.failed(source, None, "read_error", f"cannot read past this point: {exc}", source)
            return None
        if not line:
            return None
        lineno += 1
        if gz:
            try:
                cfg.progress.offset = raw.tell()
            except (OSError, ValueError):
                pass
        else:
            cfg.progress.offset = pos
        if not line.strip():
            continue
        yield at, _jsonl_item(line, source, field_name, input_type, cfg)


def _jsonl_item(line: bytes, source: str, field_name: str, input_type: Literal["html", "text"], cfg: _Config) -> Item:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return Result.failed(source, None, "read_error", f"invalid JSON: {exc}", source)
    if not isinstance(obj, dict):
        return Result.failed(source, None, "read_error", "the line is not a JSON object", source)
    rid = source
    if cfg.id_field is not None and obj.get(cfg.id_field) is not None:
        rid = str(obj[cfg.id_field])
    url = obj.get(cfg.url_field) if cfg.url_field is not None else None
    url = url if isinstance(url, str) else None
    value = obj.get(field_name)
    if value is None:
        return Result.skipped(rid, url, "missing_field", f"no {field_name!r} field", source)
    if not isinstance(value, str):
        return Result.failed(rid, url, "read_error", f"{field_name!r} is a {type(value).__name__}, not a string", source)
    if not value.strip():
        return Result.skipped(rid, url, "empty", None, source)
    return Record(rid, value, url, input_type, None, source)


# ----------------------------------------------------------------------------- byte ranges

SpanFormat = Literal["warc", "warc.gz", "jsonl", "jsonl.gz"]


@dataclass(frozen=True, slots=True)
class Span:
    """A byte range of an input file, read by one worker: the records that start inside it.

    A record belongs to the range its first byte (gzip member, WARC header or
    line) falls in; the reader reads past ``end`` to finish it. With ``exact``,
    ``start`` is known to be a record's first byte; otherwise the reader looks
    for the first one at or after ``start``.

    Args:
        end: None for the end of the file.
        skip: items to pass over first (the part of a range done before its worker was killed).
        lines_before: JSONL: lines before the first line of the range, for ids and sources.
    """

    path: str
    format: SpanFormat
    start: int = 0
    end: int | None = None
    exact: bool = True
    skip: int = 0
    lines_before: int = 0


def _input_format(path: str) -> SpanFormat:
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    fmt = _sniff(head)
    if fmt is None:
        raise InputFormatError(f"{path}: not a WARC, WET or JSONL file (plain or gzip)")
    return cast(SpanFormat, fmt + ".gz" if head.startswith(_GZIP_MAGIC) else fmt)


def plan_spans(path: str, size: int, *, taper: int = 0) -> Iterator[Span]:
    """Cut one input file into ranges of about ``size`` bytes, lazily, in file order.

    Files that cannot be entered in the middle are one range: gzip JSONL, and a
    WARC gzipped as a whole rather than member by member. Plain JSONL is read
    through here once, to count the lines before each range.

    Args:
        taper: for the last input, the number of workers: its last ``2 * taper``
            ranges' worth of bytes is cut into ranges of a quarter the size, so
            that the workers run out of work close together rather than one
            finishing a whole range (or two: the one it reads and the next, in
            its pipe) while the others wait.
    """
    fmt = _input_format(path)
    total = os.path.getsize(path)
    if total <= size or fmt == "jsonl.gz":
        yield Span(path, fmt)
        return
    if fmt == "warc.gz":
        with open(path, "rb") as fh:
            if not _one_record_per_member(fh):
                yield Span(path, fmt)
                return
    if fmt != "jsonl":
        for start, end in _cuts(total, size, taper):
            yield Span(path, fmt, start, end, start == 0)
        return
    newlines = 0  # in the bytes before the current range's start - 1
    with open(path, "rb") as fh:
        for start, end in _cuts(total, size, taper):
            lines_before = 0 if start == 0 else newlines + 1
            yield Span(path, fmt, start, end, start == 0, lines_before=lines_before)
            if end is None:
                return
            # Count up to end - 1: the line at the next range's start is counted once it is found.
            fh.seek(max(0, start - 1))
            remaining = end - max(1, start)
            while remaining > 0:
                chunk = fh.read(min(_CHUNK, remaining))
                if not chunk:
                    break
                newlines += chunk.count(b"\n")
                remaining -= len(chunk)


def _cuts(total: int, size: int, taper: int) -> Iterator[tuple[int, int | None]]:
    """(start, end) of each range of a ``total``-byte file; end None for the last one."""
    fine = max(_MIN_TAPER_SPAN, size // 4)
    tail = 2 * taper * size if fine < size else 0  # the bytes cut finer
    start = 0
    while start < total:
        step = fine if total - start <= tail else size
        if start + step >= total:
            yield start, None
            return
        yield start, start + step
        start += step


def _plain_warc_start(fh: IO[bytes], start: int, before: int) -> int | None:
    """The first WARC record (``WARC/1.`` at a line start, a header FastWARC reads) in [start, before)."""
    warc = _fastwarc()
    tag = b"WARC/1."
    pos = start
    while pos < before:
        lead = max(0, pos - 1)  # one byte back, to see the line break before a tag at pos
        fh.seek(lead)
        step = min(_CHUNK, before - pos)
        buf = fh.read(pos - lead + step + len(tag))
        i = buf.find(tag, pos - lead)
        while i != -1 and lead + i < before:
            at = lead + i
            if at == 0 or buf[i - 1:i] == b"\n":
                fh.seek(at)
                try:
                    first = next(iter(warc.ArchiveIterator(fh, parse_http=False, stream_detect=False)), None)
                except OSError:
                    first = None
                if first is not None and first.stream_pos == at:
                    return at
            i = buf.find(tag, i + 1)
        if len(buf) < pos - lead + step:
            return None  # the end of the file
        pos += step
    return None


def find_span_start(fh: IO[bytes], span: Span) -> int | None:
    """Where the reading of ``span`` begins: its start when exact, else the first record start in it."""
    if span.exact:
        return span.start
    before = span.end if span.end is not None else os.fstat(fh.fileno()).st_size
    if span.format == "warc.gz":
        found, _ = _resync(fh, span.start, before)
        return found
    if span.format == "warc":
        return _plain_warc_start(fh, span.start, before)
    if span.format == "jsonl":
        found = span.start - 1
        fh.seek(found)
        while True:  # to the end of the line that holds the byte before the range, in bounded pieces
            piece = fh.readline(_CHUNK)
            found += len(piece)
            if not piece or piece.endswith(b"\n") or found >= before:
                break
        return found if found < before else None
    raise ValueError(f"a {span.format} file is read whole")


def read_span(
    fh: IO[bytes], span: Span, begin: int, *, name: str, html_field: str | None = None, text_field: str | None = None,
    id_field: str | None = None, url_field: str | None = None, max_bytes: int = _DEFAULT_MAX_BYTES,
    truncate: bool = False,
) -> Generator[tuple[int, Item], None, int | None]:
    """Yield (offset, item) for the records of ``span`` from ``begin`` (see find_span_start), in file order.

    Returns the offset of the first record it left to the next range (None at
    the end of the file): the same items as :func:`read_records` yields for
    that part of the file.
    """
    cfg = _Config(name, max_bytes, truncate, html_field, text_field, id_field, url_field)
    whole = span.start == 0 and span.end is None
    if span.format == "jsonl.gz" or span.format == "jsonl":
        if whole or span.format == "jsonl.gz":
            fh.seek(0)
            return (yield from _jsonl_items(fh, span.format == "jsonl.gz", cfg))
        fh.seek(begin)
        return (yield from _jsonl_items(fh, False, cfg, begin, span.end, span.lines_before))
    fh.seek(begin)
    if span.format == "warc.gz":
        if whole:
            return (yield from _warc_gz_file_items(fh, cfg))
        return (yield from _warc_gz_items(fh, cfg, begin, span.end))
    return (yield from _warc_stream_items(fh, cfg, begin, span.end))
