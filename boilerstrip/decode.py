"""Bytes to text: BOM, declared charset, UTF-8, then a fallback that never raises.

The order follows what browsers do (WHATWG Encoding Standard) with one change:
a page that declares a single-byte charset but is valid UTF-8 with multi-byte
sequences is read as UTF-8, because valid multi-byte UTF-8 almost never
happens by chance in latin-1/cp1252 text, while the wrong declaration is common
(templates copied from old sites, servers with a default charset).
"""

from __future__ import annotations

import codecs
import logging
import re

from .errors import DecodeError, InputTooLargeError

__all__ = ["decode_input", "detect_input_type", "charset_from_content_type"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_CT_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# Labels that browsers decode as a superset (WHATWG Encoding Standard, "encodings" table).
_SUPERSETS = {
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "tis-620": "cp874",
}
_SINGLE_BYTE_PREFIXES = ("cp12", "iso8859", "latin", "ascii", "mac", "koi8", "cp8", "cp4")
# How far into the page a <meta charset> is looked for: browsers pre-scan 1024 bytes;
# real pages put long <head>s first, so we read further (64 KiB, as run_extractor does for non-UTF-8).
_META_SCAN = 65536
# A UTF-16 page without BOM: NUL bytes on every other position of mostly-ASCII markup.
_UTF16_PROBE = 512


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    m = _CT_CHARSET.search(content_type)
    return m.group(1) if m else None


def _lookup(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def _is_single_byte(name: str) -> bool:
    return name.startswith(_SINGLE_BYTE_PREFIXES)


def _sniff_utf16(data: bytes) -> str | None:
    head = data[:_UTF16_PROBE]
    if len(head) < 4:
        return None
    even_nul = head[0::2].count(0)
    odd_nul = head[1::2].count(0)
    half = len(head) // 2
    if odd_nul > 0.7 * half and even_nul < 0.1 * half:
        return "utf-16-le"
    if even_nul > 0.7 * half and odd_nul < 0.1 * half:
        return "utf-16-be"
    return None


def _has_multibyte_utf8(data: bytes) -> bool:
    """True if data is valid UTF-8 and holds at least one multi-byte sequence."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_input(
    data: bytes | str,
    encoding: str | None = None,
    content_type: str | None = None,
    *,
    max_bytes: int | None = None,
    truncate: bool = False,
) -> tuple[str, str | None]:
    """Decode page bytes to text and say which charset was used (None for str input)."""
    if isinstance(data, str):
        if max_bytes is not None and len(data) > max_bytes:
            if not truncate:
                raise InputTooLargeError(
                    f"input is {len(data)} characters, over Options.max_bytes={max_bytes}; "
                    "raise max_bytes or set truncate=True"
                )
            data = data[:max_bytes]
        # Lone surrogates (from bad JSON or surrogateescape) cannot be encoded later: replace them.
        if not data.isascii():
            try:
                data.encode("utf-8")
            except UnicodeEncodeError:
                data = _SURROGATE.sub("\ufffd", data)
        return data, None
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise DecodeError(f"input must be bytes or str, got {type(data).__name__}")
    data = bytes(data)
    if max_bytes is not None and len(data) > max_bytes:
        if not truncate:
            raise InputTooLargeError(
                f"input is {len(data)} bytes, over Options.max_bytes={max_bytes}; "
                "raise max_bytes or set truncate=True"
            )
        data = data[:max_bytes]
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    declared = _lookup(encoding) or _lookup(charset_from_content_type(content_type))
    if encoding and declared is None:
        log.debug("unknown encoding %r ignored", encoding)
    if declared is None:
        m = _META_CHARSET.search(data, 0, _META_SCAN)
        if m:
            declared = _lookup(m.group(1).decode("ascii", "replace"))
            if declared in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
                # A <meta> we could read as ASCII cannot be in UTF-16: the label is wrong.
                declared = "utf-8"
    if declared is None:
        sniffed = _sniff_utf16(data)
        if sniffed:
            return data.decode(sniffed, errors="replace"), sniffed
    if declared is not None and declared != "utf-8":
        if _is_single_byte(declared) and _has_multibyte_utf8(data):
            return data.decode("utf-8"), "utf-8"
        return data.decode(declared, errors="replace"), declared
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # A few broken bytes in a UTF-8 page (a cut multi-byte character, a pasted cp1252 quote)
        # keep UTF-8; a page whose non-ASCII bytes are mostly not UTF-8 is the web's legacy cp1252.
        if _mostly_utf8(data):
            return data.decode("utf-8", errors="replace"), "utf-8"
        return data.decode("cp1252", errors="replace"), "cp1252"


_SURROGATE = re.compile("[\ud800-\udfff]")
_HIGH_BYTES = bytes(range(128, 256))


def _mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII bytes form valid UTF-8 (a few broken bytes in a UTF-8 page)."""
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    bad = data.decode("utf-8", errors="replace").count("\ufffd")
    # A UTF-8 character is 2-4 high bytes; a bad byte is one replacement character.
    return bad * 8 <= high


_TAG_PROBE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|span|a|br|table|ul|li|script|h[1-6])[\s>/]", re.I
)


def detect_input_type(text: str) -> str:
    """Tell HTML from a plain-text dump by looking for tags in the first 64 KiB."""
    head = text[:65536]
    tags = _TAG_PROBE.findall(head)
    if not tags:
        return "text"
    lower = head.lstrip()[:200].lower()
    if lower.startswith("<!doctype html") or lower.startswith("<html") or lower.startswith("<?xml"):
        return "html"
    # A text dump may quote a tag or two; markup has many.
    return "html" if len(tags) >= 3 or len(tags) * 400 >= len(head) else "text"
