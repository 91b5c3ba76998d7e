from __future__ import annotations

import codecs

import pytest

from boilerstrip import DecodeError, InputTooLargeError, extract
from boilerstrip.decode import charset_from_content_type, decode_input, decode_page, detect_input_type


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
