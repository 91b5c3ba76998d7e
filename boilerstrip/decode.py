"""Bytes to text: BOM, declared charset, UTF-8, then a fallback that never raises.

The order follows what browsers do (WHATWG Encoding Standard) with two changes.
A page that declares a legacy charset but is valid UTF-8 with multi-byte
sequences is read as UTF-8, because valid multi-byte UTF-8 almost never
happens by chance in latin-1/cp1252 or CJK text, while the wrong declaration is
common (templates copied from old sites, servers with a default charset). And
bytes that are not valid UTF-8 in an otherwise UTF-8 page are read as cp1252
one by one instead of becoming U+FFFD, so that a paragraph pasted in another
encoding keeps its letters. Binary files (images, PDFs, archives) raise
DecodeError; see docs/robustness.md.
"""

from __future__ import annotations

import codecs
import logging
import re

from .errors import DecodeError, InputTooLargeError

__all__ = [
    "charset_from_content_type",
    "decode_input",
    "decode_page",
    "decode_page_lazily",
    "detect_input_type",
    "detect_utf8_input_type",
    "utf8_head",
]

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
# The charsets browsers decode (WHATWG Encoding Standard), as Python codec names after
# _SUPERSETS. Python knows many more (zlib, rot13, idna, utf-7, EBCDIC cp037 ...): a page
# cannot make us use them, since browsers ignore those labels and some of them raise or
# turn markup into other markup (utf-7 reads "+ADw-" as "<").
_WEB_ENCODINGS = frozenset(
    "utf-8 utf-16 utf-16-le utf-16-be utf-32 cp866 iso8859-2 iso8859-3 iso8859-4 iso8859-5 iso8859-6 "
    "iso8859-7 iso8859-8 iso8859-10 iso8859-11 iso8859-13 iso8859-14 iso8859-15 iso8859-16 koi8-r koi8-u "
    "mac-roman mac-cyrillic cp874 cp1250 cp1251 cp1252 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 "
    "gb18030 big5 big5hkscs euc_jp iso2022_jp cp932 cp949".split()
)
# How far into the page a <meta charset> is looked for: browsers pre-scan 1024 bytes;
# real pages put long <head>s first, so we read further (64 KiB, as run_extractor does for non-UTF-8).
_META_SCAN = 65536
# A UTF-16 page without BOM: NUL bytes on every other position of mostly-ASCII markup.
_UTF16_PROBE = 512
# Files that are not pages, by their first bytes (each format's "magic number").
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"BZh", "bzip2 data"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document"),
    (b"\x00asm", "WebAssembly module"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
)
# C0 control bytes that no text uses: all but tab, LF, FF, CR and ESC (ISO-2022-JP needs ESC).
_CONTROL = bytes([*range(0, 9), 11, *range(14, 27), *range(28, 32), 127])
# Share of control bytes above which the input is binary: text pages have none or a stray
# few (a NUL pasted into a dump); random bytes have 11%, images and archives more.
_CONTROL_SHARE = 0.05
# ... and at least this many: a short dump with a NUL or two is still text.
_CONTROL_MIN = 16
_BINARY_PROBE = 65536


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
    name = _SUPERSETS.get(name, name)
    return name if name in _WEB_ENCODINGS else None


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


def _binary_kind(data: bytes) -> str | None:
    """What kind of binary file data is, or None when it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    size = min(len(data), _BINARY_PROBE)
    control = _CONTROL_COUNT(data, size)
    if control >= _CONTROL_MIN and control > _CONTROL_SHARE * size:
        return f"{100 * control // size}% control bytes"
    return None


def _control_count(data: bytes, end: int) -> int:
    """How many of data[:end]'s bytes are _CONTROL's (end >= 0). Its compiled twin counts 16 bytes
    at a time in place, where translate copies the head twice (~25 µs a page of 64 KiB or more)."""
    head = data[:end]
    return len(head) - len(head.translate(None, _CONTROL))


def _has_multibyte_utf8(data: bytes) -> bool:
    """True if data is valid UTF-8 and holds at least one multi-byte sequence."""
    return not data.isascii() and _IS_UTF8(data)


def _is_utf8(data: bytes) -> bool:
    """Whether data.decode("utf-8") would succeed, decoding _UTF8_CHUNK bytes at a time.

    The page's str is never built whole: a 50 MB page with one emoji is 200 MB as a str.
    """
    if data.isascii():
        return True
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for at in range(0, len(view), _UTF8_CHUNK):
            decoder.decode(view[at : at + _UTF8_CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


# 1 MiB: a few MB of str at a time at most, and one call for nearly every page.
_UTF8_CHUNK = 1 << 20


def decode_input(
    data: bytes | str,
    encoding: str | None = None,
    content_type: str | None = None,
    *,
    max_bytes: int | None = None,
    truncate: bool = False,
) -> tuple[str, str | None]:
    """Decode page bytes to text and say which charset was used (None for str input)."""
    text, charset, _ = decode_page(data, encoding, content_type, max_bytes=max_bytes, truncate=truncate)
    return text, charset


def decode_page(
    data: bytes | str,
    encoding: str | None = None,
    content_type: str | None = None,
    *,
    max_bytes: int | None = None,
    truncate: bool = False,
) -> tuple[str, str | None, bytes | None]:
    """decode_input, plus the text's UTF-8 when decoding had it at hand (else None).

    The HTML parser reads UTF-8: a page that was UTF-8 already, or a str that had to be
    encoded to be checked for lone surrogates, need not be encoded again (~0.15 ms a page).
    """
    text, charset, utf8 = _decode_page(data, encoding, content_type, max_bytes, truncate, lazy=False)
    assert text is not None  # lazy=False always decodes
    return text, charset, utf8


def decode_page_lazily(
    data: bytes | str,
    encoding: str | None = None,
    content_type: str | None = None,
    *,
    max_bytes: int | None = None,
    truncate: bool = False,
) -> tuple[str | None, str | None, bytes | None]:
    """decode_page, except that bytes read as UTF-8 are only checked, not decoded: (None, "utf-8", data).

    What extract() uses: the parser reads the UTF-8 itself, and the page as a str (up to 4
    bytes a character) would be the largest thing held while parsing a big page. The text
    is the same as decode_page's, once decoded (utf8.decode("utf-8")).
    """
    return _decode_page(data, encoding, content_type, max_bytes, truncate, lazy=True)


def utf8_head(data: bytes, chars: int = 65536) -> str:
    """data.decode("utf-8")[:chars] for valid UTF-8 data, decoding little more than it needs.

    A character is 1-4 bytes: the first chars bytes hold at most chars characters, and when
    they hold fewer (multi-byte characters) the next slice asks for 4 bytes a missing one.
    Mostly ASCII pages decode about chars bytes, not 4 * chars. A character cut at the end
    of a slice is left out by the non-final decode and read with the next slice.
    """
    parts: list[str] = []
    have = used = 0
    want = chars
    while have < chars and used < len(data):
        text, consumed = codecs.utf_8_decode(data[used : used + want], "strict", False)
        if not consumed:
            if used + want >= len(data):  # data ends inside a character: the non-final decode leaves it out
                break
            want += 4  # a character cut by the slice end: take the rest of it
            continue
        parts.append(text)
        have += len(text)
        used += consumed
        want = 4 * (chars - have)
    return "".join(parts)[:chars]


def _decode_page(
    data: bytes | str,
    encoding: str | None,
    content_type: str | None,
    max_bytes: int | None,
    truncate: bool,
    *,
    lazy: bool,
) -> tuple[str | None, str | None, bytes | None]:
    if isinstance(data, str):
        if max_bytes is not None and len(data) > max_bytes:
            if not truncate:
                raise InputTooLargeError(
                    f"input is {len(data)} characters, over Options.max_bytes={max_bytes}; "
                    "raise max_bytes or set truncate=True"
                )
            data = data[:max_bytes]
        # Lone surrogates (from bad JSON or surrogateescape) cannot be encoded later: replace them.
        utf8 = None
        if not data.isascii():
            try:
                utf8 = _ENCODE_UTF8(data)
            except UnicodeEncodeError:
                data = _SURROGATE.sub("\ufffd", data)
        return data, None, utf8
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
            return data.decode(name, errors="replace"), name, None
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
            return data.decode(sniffed, errors="replace"), sniffed, None
    if declared is None or not declared.startswith(("utf-16", "utf-32")):
        kind = _binary_kind(data)
        if kind:
            raise DecodeError(f"input looks binary ({kind}), not HTML or text")
    if declared is not None and declared != "utf-8":
        if not declared.startswith(("utf-16", "utf-32")) and _has_multibyte_utf8(data):
            return None if lazy else data.decode("utf-8"), "utf-8", data
        return data.decode(declared, errors="replace"), declared, None
    if lazy:
        if _IS_UTF8(data):
            return None, "utf-8", data
        return (*_decode_mixed(data), None)
    try:
        return data.decode("utf-8"), "utf-8", data
    except UnicodeDecodeError:
        return (*_decode_mixed(data), None)


_SURROGATE = re.compile("[\ud800-\udfff]")
_HIGH_BYTES = bytes(range(128, 256))
# Above this many bytes that are not UTF-8, the page is read as cp1252 in one go: the
# per-byte fallback costs a Python call each (about 1 s per million).
_MAX_FALLBACKS = 1 << 16


def _decode_mixed(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not all valid UTF-8: UTF-8 where valid, cp1252 for the rest.

    Pages mix encodings (a cp1252 quote pasted into a UTF-8 page, a UTF-8 template around
    a latin-1 article) and replacement characters would lose those letters. The label says
    which of the two most high bytes were: a UTF-8 character is 2-4 high bytes, a bad byte
    is one replacement character.
    """
    whole = _without_cut_char(data)
    high = len(whole) - len(whole.translate(None, _HIGH_BYTES))
    bad = whole.decode("utf-8", errors="replace").count("\ufffd")
    label = "utf-8" if bad * 8 <= high else "cp1252"
    if bad > _MAX_FALLBACKS:
        return data.decode("cp1252", errors="replace"), "cp1252"
    return data.decode("utf-8", errors=_FALLBACK), label


def _without_cut_char(data: bytes) -> bytes:
    """data without the UTF-8 character a truncation may have cut off at its end."""
    for back in range(1, min(3, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            break
        if byte >= 0xC0:  # the lead byte: cut when its sequence needs more bytes than follow
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data[:-back] if need > back else data
    return data


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the bytes UTF-8 rejected as cp1252 (U+FFFD for surrogates)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    data, start = exc.object, exc.start
    # A surrogate code point written in UTF-8 (CESU-8, "\xed\xa0\x80"): one U+FFFD, as for str input.
    seq = data[start : start + 3]
    if len(seq) == 3 and seq[0] == 0xED and 0xA0 <= seq[1] <= 0xBF and 0x80 <= seq[2] <= 0xBF:
        return "\ufffd", start + 3
    # A character cut at the end (a page truncated by a crawler or by Options.truncate): one U+FFFD.
    tail = data[start:]
    lead = tail[0]
    need = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0
    if len(tail) < need and all(0x80 <= b <= 0xBF for b in tail[1:]):
        return "\ufffd", len(data)
    return data[start : exc.end].decode("cp1252", errors="replace"), exc.end


_FALLBACK = "boilerstrip.cp1252"
codecs.register_error(_FALLBACK, _cp1252_fallback)


_TAG_PROBE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|span|a|br|table|ul|li|script|h[1-6])[\s>/]", re.I
)


def detect_utf8_input_type(data: bytes) -> str:
    """detect_input_type(utf8_head(data)) for valid UTF-8 data, without decoding the head when
    three tags stand in its ASCII start (nearly every page).

    Three tags make a page HTML either way (detect_input_type: one is enough after a doctype).
    Where the bytes up to the third are ASCII, they are the head's characters one for one, and
    the str pattern finds every match the bytes pattern does there (its whitespace class and
    case folding take more characters, never fewer, and no match holds a second "<"), so it
    counts three too. Other pages decode the head as before (~15 µs a page of 64 KiB).
    """
    tags = 0
    for tag in _TAG_PROBE_BYTES.finditer(data, 0, _HEAD_CHARS):
        tags += 1
        if tags == 3:
            if data[: tag.end()].isascii():
                return "html"
            break
    return detect_input_type(utf8_head(data))


def detect_input_type(text: str) -> str:
    """Tell HTML from a plain-text dump by looking for tags in the first 64 KiB."""
    # The head is text[:_HEAD_CHARS], searched in place (endpos) rather than copied.
    size = min(len(text), _HEAD_CHARS)
    first = _NOT_SPACE.search(text, 0, size)
    start = size if first is None else first.start()
    lower = text[start : min(start + 200, size)].lower()
    if lower.startswith("<!doctype html") or lower.startswith("<html") or lower.startswith("<?xml"):
        # One tag is enough here: no need to find them all (the common case, ~0.1 ms saved).
        return "html" if _TAG_PROBE.search(text, 0, size) else "text"
    # A text dump may quote a tag or two; markup has many: three settle it, found or not.
    tags = 0
    for _ in _TAG_PROBE.finditer(text, 0, size):
        tags += 1
        if tags == 3:
            return "html"
    return "html" if tags and tags * 400 >= size else "text"


_HEAD_CHARS = 65536
# _TAG_PROBE for UTF-8 bytes (detect_utf8_input_type).
_TAG_PROBE_BYTES = re.compile(_TAG_PROBE.pattern.encode("ascii"), re.I)
# What str.lstrip() keeps first: re's \s in a str pattern is str.isspace's whitespace.
_NOT_SPACE = re.compile(r"\S")


def _encode_utf8(text: str) -> bytes:
    """text.encode("utf-8"): the UTF-8 the parser reads (UnicodeEncodeError on a lone surrogate)."""
    return text.encode("utf-8")


# _is_utf8 and _encode_utf8, or their compiled twins when they are built and answer the same
# (parse/_compiled.py).
from .parse._compiled import choose_control_count, choose_utf8_check, choose_utf8_encoder  # noqa: E402  (needs _is_utf8 above)

_IS_UTF8 = choose_utf8_check(_is_utf8)
_ENCODE_UTF8 = choose_utf8_encoder(_encode_utf8)
_CONTROL_COUNT = choose_control_count(_control_count)
