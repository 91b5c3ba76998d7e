from __future__ import annotations

import codecs
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boilerstrip import DecodeError, InputTooLargeError, decode, extract
from boilerstrip.decode import (
    charset_from_content_type,
    decode_input,
    decode_page,
    decode_page_lazily,
    detect_input_type,
    utf8_head,
)


def test_utf8_default() -> None:
    assert decode_input("<p>café</p>".encode()) == ("<p>café</p>", "utf-8")


def test_bom_wins_over_meta() -> None:
    data = codecs.BOM_UTF8 + '<meta charset="windows-1252"><p>café</p>'.encode()
    text, enc = decode_input(data)
    assert enc == "utf-8-sig" and "café" in text


def test_utf16_bom_and_sniffed() -> None:
    page = "<html><body><p>naïve résumé</p></body></html>"
    assert decode_input(codecs.BOM_UTF16_LE + page.encode("utf-16-le"))[0] == page
    text, enc = decode_input(page.encode("utf-16-le"))
    assert text == page and enc == "utf-16-le"


def test_meta_charset_used() -> None:
    data = '<meta charset="iso-8859-1"><p>Grüße</p>'.encode("latin-1")
    text, enc = decode_input(data)
    assert "Grüße" in text and enc == "cp1252"


def test_http_equiv_charset() -> None:
    data = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Привет</p>'.encode("koi8-r")
    assert "Привет" in decode_input(data)[0]


def test_declared_latin1_really_utf8_is_readable() -> None:
    para = "Grüße aus Köln: das Café am Rhein ist wieder geöffnet, und die Gäste sind sehr zufrieden damit."
    data = f'<meta charset="iso-8859-1"><p>{para}</p>'.encode()
    text, enc = decode_input(data)
    assert para in text and enc == "utf-8"
    assert "Grüße aus Köln" in extract(data, input_type="html")


def test_explicit_encoding_and_content_type_override_meta() -> None:
    data = '<meta charset="utf-8"><p>Ελληνικά</p>'.encode("iso-8859-7")
    assert "Ελληνικά" in decode_input(data, encoding="iso-8859-7")[0]
    assert "Ελληνικά" in decode_input(data, content_type="text/html; charset=ISO-8859-7")[0]
    assert charset_from_content_type('text/html; charset="Shift_JIS"') == "Shift_JIS"
    assert charset_from_content_type("text/html") is None


def test_unknown_encoding_falls_back() -> None:
    assert decode_input(b"<p>ok</p>", encoding="no-such-charset")[0] == "<p>ok</p>"


def test_cp1252_fallback_never_raises() -> None:
    text, enc = decode_input("“quoted” – dash".encode("cp1252"))
    assert text == "“quoted” – dash" and enc == "cp1252"


def test_mostly_utf8_with_a_broken_byte_stays_utf8() -> None:
    data = "Grüße, schöne Grüße aus München".encode() + b"\xff"
    text, enc = decode_input(data)
    assert enc == "utf-8" and text.startswith("Grüße, schöne")


def test_str_input_and_surrogates() -> None:
    assert decode_input("abc") == ("abc", None)
    text, _ = decode_input("a\ud800b")
    assert text == "a\ufffdb"


def test_wrong_type() -> None:
    with pytest.raises(DecodeError, match="bytes or str"):
        decode_input(123)  # type: ignore[arg-type]


def test_max_bytes() -> None:
    with pytest.raises(InputTooLargeError, match="max_bytes=10"):
        decode_input(b"x" * 11, max_bytes=10)
    assert decode_input(b"x" * 11, max_bytes=10, truncate=True)[0] == "x" * 10


@pytest.mark.parametrize(
    "text,kind",
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("<div><p>one</p><p>two</p></div>", "html"),
        ("Just a line of text.\nAnother line with a < sign.", "text"),
        ("A dump that mentions <p> once in passing.\n" + "More prose here. " * 50, "text"),
        ("", "text"),
    ],
)
def test_detect_input_type(text: str, kind: str) -> None:
    assert detect_input_type(text) == kind


def _detect_by_copies(text: str) -> str:
    """detect_input_type as written before it searched the head in place and stopped at three tags."""
    head = text[:65536]
    lower = head.lstrip()[:200].lower()
    if lower.startswith("<!doctype html") or lower.startswith("<html") or lower.startswith("<?xml"):
        return "html" if decode._TAG_PROBE.search(head) else "text"
    tags = decode._TAG_PROBE.findall(head)
    if not tags:
        return "text"
    return "html" if len(tags) >= 3 or len(tags) * 400 >= len(head) else "text"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["<p>", "<DIV class=x>", " ", "\u3000", "\x1c", "prose " * 30, "<!DOCTYPE html>", "<html>",
                              "<?xml ?>", "\n", "<br/>", "a < b", "\u0130"]), max_size=14),
    st.integers(0, 65600),
)
def test_detect_input_type_is_the_copying_one(parts: list[str], pad: int) -> None:
    # Leading whitespace up to and past the 64 KiB head, tags on either side of its end.
    for text in ("".join(parts), " " * pad + "".join(parts), "x" * pad + "".join(parts)):
        assert detect_input_type(text) == _detect_by_copies(text)


_PAGES: list[bytes | str] = [
    "<p>café</p>".encode(),
    "<p>café</p>",
    "<p>ascii</p>",
    b"<p>ascii</p>",
    "<p>lone \ud800 surrogate</p>",
    codecs.BOM_UTF8 + "<p>café</p>".encode(),
    '<meta charset="iso-8859-1"><p>Grüße</p>'.encode("latin-1"),
    '<meta charset="iso-8859-1"><p>Grüße</p>'.encode(),
    "<p>naïve</p>".encode("utf-16-le"),
    b"<p>broken \xff byte, caf\xc3\xa9</p>",
    b"<p>cut \xc3",
]


@pytest.mark.parametrize("page", _PAGES)
def test_decode_page_utf8_is_the_texts(page: bytes | str) -> None:
    # decode_page's UTF-8 is what segment_html would encode the text to, when it is given at all.
    text, enc, utf8 = decode_page(page)
    assert (text, enc) == decode_input(page)
    assert utf8 is None or utf8 == text.encode("utf-8", "ignore")
    assert decode_page(page, max_bytes=8, truncate=True)[2] in (None, decode_page(page, max_bytes=8, truncate=True)[0].encode())


def test_decode_page_hands_on_utf8_it_has() -> None:
    data = "<p>café</p>".encode()
    assert decode_page(data)[2] == data
    assert decode_page("<p>café</p>")[2] == data
    assert decode_page("<p>lone \ud800</p>")[2] is None


@pytest.mark.parametrize("page", _PAGES)
def test_decode_page_lazily_is_decode_page_undecoded(page: bytes | str) -> None:
    # The same charset and UTF-8; the text is left out only when the UTF-8 is the page.
    text, enc, utf8 = decode_page_lazily(page)
    want = decode_page(page)
    assert (enc, utf8) == want[1:]
    assert text == want[0] or (text is None and utf8 is not None and utf8.decode("utf-8") == want[0])


def test_decode_page_lazily_leaves_utf8_bytes_undecoded() -> None:
    data = "<p>café 😀</p>".encode()
    assert decode_page_lazily(data) == (None, "utf-8", data)
    declared = '<meta charset="iso-8859-1"><p>Grüße</p>'.encode()
    assert decode_page_lazily(declared) == (None, "utf-8", declared)
    assert decode_page_lazily(b"<p>caf\xe9</p>")[0] == "<p>café</p>"


@pytest.mark.parametrize("data", [b"", b"ascii", "é中😀 ".encode() * 50_000, b"\xf0\x9f\x98", b"\xed\xa0\x80", b"x\xc0\x80"])
@pytest.mark.parametrize("chars", [1, 3, 65536])
def test_utf8_head_is_the_first_characters(data: bytes, chars: int) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # utf8_head takes valid UTF-8 only
    assert utf8_head(data, chars) == text[:chars]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("a \u00e9\u4e2d\U0001f600\u3000\x1c\n")), max_size=40), st.integers(1, 12))
def test_utf8_head_generated(text: str, chars: int) -> None:
    # Slices cut inside characters of 2, 3 and 4 bytes, heads shorter and longer than the text.
    assert utf8_head(text.encode(), chars) == text[:chars]
    # Bytes that end inside a character: the head stops before it (no endless wait for the rest).
    cut = (text + "\u4e2d").encode()[:-1]
    assert utf8_head(cut, chars) == text[:chars]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u3000a\u00e9")), max_size=12))
def test_blank_is_str_isspace(text: str) -> None:
    from boilerstrip.api import _blank

    assert _blank(None, text.encode()) == (not text or text.isspace())


@pytest.mark.parametrize("check", [decode._is_utf8, decode._IS_UTF8])
def test_is_utf8_is_strict_decoding(check: Callable[[bytes], bool], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "_UTF8_CHUNK", 5)  # sequences cut between chunks too
    samples = [bytes((a, b)) for a in range(0x80, 0x100) for b in (0x00, 0x7F, 0x80, 0xBF, 0xC0)]
    samples += [bytes((a, b, c)) for a in range(0xE0, 0xF0) for b in range(0x80, 0xC0, 7) for c in (0x80, 0xBF, 0xC0, 0x41)]
    samples += [bytes((a, b, 0x80, c)) for a in range(0xF0, 0xF8) for b in range(0x80, 0xC0, 5) for c in (0x80, 0x7F)]
    samples += [b"abcd" + s + b"xyz" for s in samples[::3]] + [b"", "😀 café".encode() * 3, b"\xc3"]
    for s in samples:
        try:
            s.decode("utf-8")
            want = True
        except UnicodeDecodeError:
            want = False
        assert check(s) is want, s


def test_binary_kind_counts_control_bytes_in_the_head() -> None:
    # 5 % of the first 64 KiB are control bytes (and 16 at least); those after it are not read.
    text = b"<p>" + b"x" * 1000 + b"</p>"
    assert decode._binary_kind(text) is None
    noisy = (b"\x01" + b"y" * 9) * 100
    assert decode._binary_kind(noisy) == "10% control bytes"
    assert decode._binary_kind(b"\t\n\x0c\r\x1b" * 200) is None  # tab, LF, FF, CR and ESC are text's
    assert decode._binary_kind(b"z" * 65536 + b"\x00" * 10000) is None
    for data in (noisy, b"\x7f\x0b\x1c" * 30, b""):
        assert decode._CONTROL_COUNT(data, 65536) == decode._control_count(data, 65536)


@pytest.mark.parametrize(
    "page",
    [
        b"<!DOCTYPE html><html><head><title>x</title></head><body><p>a</p></body></html>",
        "<!DOCTYPE html><html><head><title>Caf\u00e9</title></head></html>".encode(),
        "<html>\u00e9<head><p>".encode(),  # the third tag after a character that is not ASCII
        b"<p\x1c<div\x1c<span\x1c",  # tags only str's \s ends
        "\u3000<html>".encode(),
        b"A dump that mentions <p> once.\n" + b"More prose. " * 50,
        b"a <p> b <br> c <li> d",
        b"x" * 65530 + b"<p><b></b><a>",  # the third tag past the head
        "<!-- note --><\u017fcript> <p> <div>".encode(),
        b"",
        b"plain text",
    ],
)
def test_detect_utf8_input_type_is_the_decoded_heads(page: bytes) -> None:
    assert decode.detect_utf8_input_type(page) == detect_input_type(utf8_head(page))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["<p>", "<DIV class=x>", " ", "\u3000", "\x1c", "prose " * 30, "<!DOCTYPE html>", "<html>",
                              "<?xml ?>", "\n", "<br/>", "a < b", "\u0130", "<\u017fcript>", "<p\x1c", "\u00e9"]), max_size=14),
    st.integers(0, 65600),
)
def test_detect_utf8_input_type_generated(parts: list[str], pad: int) -> None:
    for text in ("".join(parts), " " * pad + "".join(parts), "x" * pad + "".join(parts)):
        data = text.encode()
        assert decode.detect_utf8_input_type(data) == detect_input_type(utf8_head(data))
