"""Write small WARC and WET files: for tests, benchmarks and bug reports.

The bytes follow the WARC 1.1 layout (a header block, Content-Length bytes of
block, two CRLFs), one gzip member per record as the standard recommends. It is
not a crawler's writer: no digests, no request records, no deduplication.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Iterable
from datetime import datetime, timezone

__all__ = ["gzip_member", "http_response", "warc_record"]


def http_response(body: bytes, *, status: int = 200, content_type: str | None = "text/html; charset=utf-8",
                  headers: Iterable[tuple[str, str]] = ()) -> bytes:
    """An HTTP/1.1 response message: status line, headers, blank line, body."""
    lines = [f"HTTP/1.1 {status} {'OK' if status == 200 else 'Status'}"]
    if content_type is not None:
        lines.append(f"Content-Type: {content_type}")
    lines.extend(f"{k}: {v}" for k, v in headers)
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def warc_record(block: bytes, *, warc_type: str = "response", url: str | None = None,
                record_id: str | None = None, content_type: str | None = None,
                content_length: int | None = None) -> bytes:
    """One WARC record around ``block`` (an HTTP message for responses, text for conversions).

    Args:
        content_type: the WARC Content-Type (default: HTTP for responses, text/plain for conversions).
        content_length: override the block length written in the header (to build broken files).
    """
    if content_type is None:
        content_type = "application/http; msgtype=response" if warc_type == "response" else "text/plain"
    headers = [
        "WARC/1.1",
        f"WARC-Type: {warc_type}",
        f"WARC-Record-ID: <urn:uuid:{record_id or uuid.uuid4()}>",
        f"WARC-Date: {datetime.now(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')}",
    ]
    if url is not None:
        headers.append(f"WARC-Target-URI: {url}")
    headers.append(f"Content-Type: {content_type}")
    headers.append(f"Content-Length: {len(block) if content_length is None else content_length}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def gzip_member(data: bytes, level: int = 6) -> bytes:
    """``data`` as one gzip member (records are gzipped one per member)."""
    packer = zlib.compressobj(level, zlib.DEFLATED, 31)
    return packer.compress(data) + packer.flush()
