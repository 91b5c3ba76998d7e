"""Hostile and broken input: every case has one exact outcome (docs/robustness.md).

The contract: ``extract`` returns a str (empty, with the reason in ``extract_blocks``
and JSON output) or raises a ``BoilerstripError`` subclass with a clear message;
never another exception, a hang or unbounded memory. The big cases run in a fresh
interpreter under a CPU-time limit, so that a hang fails the test instead of the run,
and report their CPU seconds and peak RSS.

``python -m tests.test_robustness`` prints the table of cases and the big-case numbers
that docs/robustness.md shows.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import random
import resource
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from boilerstrip import (
    BoilerstripError,
    DecodeError,
    InputTooLargeError,
    Options,
    OptionsError,
    extract,
    extract_blocks,
)

ROOT = Path(__file__).resolve().parents[1]

# Prose paragraphs that the extractor keeps when they make up an <article>.
PARAS = (
    "The council met on Monday evening to discuss the new bridge over the river, and many residents came to listen.",
    "After a long debate, the members agreed that the work should start in the spring of next year at the latest.",
    "The mayor said that the town had waited long enough for a safe crossing and thanked everyone for their patience.",
)
DE = (
    "Der Bürgermeister öffnete am Montag die neue Brücke über den Fluss, und viele Bürger kamen zur Feier.",
    "Die Straße war für den Verkehr gesperrt, während die Gäste über die Größe des Bauwerks staunten.",
)
AR = (
    "يعتبر هذا النص مثالا على اللغة العربية المكتوبة من اليمين إلى اليسار، وهو يحتوي على جمل كاملة ومفهومة للقارئ.",
    "وقد اجتمع المجلس البلدي يوم الاثنين لمناقشة الجسر الجديد فوق النهر، وحضر العديد من السكان للاستماع إلى النقاش.",
)
HE = (
    "זהו טקסט לדוגמה בשפה העברית שנכתב מימין לשמאל, והוא כולל משפטים מלאים וברורים עבור הקורא הממוצע.",
    "המועצה התכנסה ביום שני כדי לדון בגשר החדש מעל הנהר, ותושבים רבים הגיעו להקשיב לדיון הארוך.",
)
ZH = (
    "这是一个用中文写的示例文本，其中包含完整的句子，读者可以很容易地理解它的意思。市议会星期一晚上开会讨论了河上的新桥。",
    "经过长时间的辩论，议员们同意这项工作最迟应在明年春天开始。市长说，这个小镇等待一个安全的过河通道已经很久了。",
)
JA = (
    "これは日本語で書かれたサンプルのテキストで、読者が簡単に理解できる完全な文が含まれています。市議会は月曜日の夜に会合を開きました。",
    "長い議論の末、議員たちは工事を遅くとも来年の春には始めるべきだということで合意しました。市長は住民に感謝しました。",
)


def article(paras: tuple[str, ...] | list[str], head: str = "", attrs: str = "") -> str:
    """A page that is one <article> of paragraphs."""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return f"<!doctype html><html{attrs}><head>{head}<title>T</title></head><body><article>{body}</article></body></html>"


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


_PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@dataclass(frozen=True)
class Out:
    """extract() returns ``text``; extract_blocks() says ``reason`` (and the charset used)."""

    text: str
    reason: str | None = None
    encoding: str | None = "-"  # "-": not checked
    input_type: str | None = None


@dataclass(frozen=True)
class Err:
    """extract() raises ``kind`` with ``message`` in its text."""

    kind: type[BoilerstripError]
    message: str


@dataclass(frozen=True)
class Case:
    name: str
    page: Callable[[], Any]
    expected: Out | Err
    settings: tuple[tuple[str, Any], ...] = ()
    note: str = ""  # for the table in docs/robustness.md


def _mixed() -> bytes:
    # A UTF-8 template around a paragraph pasted in latin-1.
    page = article([DE[0], "@@"]).encode("utf-8")
    return page.replace(b"@@", DE[1].encode("latin-1"))


def _invalid_utf8() -> bytes:
    # A stray latin-1 byte, a cp1252 quote, a lone continuation byte, and a cut character at the end.
    text = "Grüße aus Köln, where the café on the river has opened again and the guests are happy with it."
    raw = (
        text.encode().replace(b"K\xc3\xb6ln", b"K\xf6ln").replace(b"caf\xc3\xa9", b"caf\xe9 \x93new\x94 \x80")
    )
    return article([ZH[0], "@@"]).encode().replace(b"@@", raw) + b"\xe2\x82"


CASES = (
    Case("empty bytes", lambda: b"", Out("", "empty_input", "utf-8", "text")),
    Case("empty str", lambda: "", Out("", "empty_input", None, "text")),
    Case("whitespace only", lambda: b" \t\r\n \n\x0c ", Out("", "empty_input", "utf-8", "text")),
    Case("PNG image", _png, Err(DecodeError, "input looks binary (PNG image), not HTML or text")),
    Case("PDF document", lambda: _PDF, Err(DecodeError, "input looks binary (PDF document)")),
    Case(
        "gzip-compressed page",
        lambda: gzip.compress(article(PARAS).encode()),
        Err(DecodeError, "(gzip data)"),
    ),
    Case(
        "random bytes",
        lambda: random.Random(7).randbytes(65536),
        Err(DecodeError, "input looks binary (11% control bytes)"),
    ),
    Case("NUL bytes", lambda: b"\x00" * 1000, Err(DecodeError, "input looks binary (100% control bytes)")),
    Case(
        "a few NUL bytes in HTML",
        lambda: article(PARAS).replace("council", "coun\x00cil").encode(),
        Out("\n".join(PARAS), None, "utf-8", "html"),
        note="the parser drops NUL",
    ),
    Case("not bytes or str", lambda: None, Err(DecodeError, "input must be bytes or str, got NoneType")),
    Case("a list", lambda: [b"<p>x</p>"], Err(DecodeError, "input must be bytes or str, got list")),
    Case(
        "bytearray", lambda: bytearray(article(PARAS).encode()), Out("\n".join(PARAS), None, "utf-8", "html")
    ),
    Case(
        "memoryview",
        lambda: memoryview(article(PARAS).encode()),
        Out("\n".join(PARAS), None, "utf-8", "html"),
    ),
    Case(
        "UTF-16 LE with BOM",
        lambda: codecs.BOM_UTF16_LE + article(DE).encode("utf-16-le"),
        Out("\n".join(DE), None, "utf-16", "html"),
    ),
    Case(
        "UTF-16 BE with BOM",
        lambda: codecs.BOM_UTF16_BE + article(DE).encode("utf-16-be"),
        Out("\n".join(DE), None, "utf-16", "html"),
    ),
    Case(
        "UTF-16 LE without BOM",
        lambda: article(DE).encode("utf-16-le"),
        Out("\n".join(DE), None, "utf-16-le", "html"),
    ),
    Case(
        "UTF-16 BE without BOM",
        lambda: article(DE).encode("utf-16-be"),
        Out("\n".join(DE), None, "utf-16-be", "html"),
    ),
    Case(
        "declares UTF-16, is UTF-8",
        lambda: article(DE, '<meta charset="utf-16">').encode(),
        Out("\n".join(DE), None, "utf-8", "html"),
        note="a <meta> readable as ASCII cannot be UTF-16",
    ),
    Case(
        "declares latin-1, is UTF-8",
        lambda: article(DE, '<meta charset="iso-8859-1">').encode(),
        Out("\n".join(DE), None, "utf-8", "html"),
        note="valid multi-byte UTF-8 wins over the declaration",
    ),
    Case(
        "declares UTF-8, is cp1252",
        lambda: article(DE, '<meta charset="utf-8">').encode("cp1252"),
        Out("\n".join(DE), None, "cp1252", "html"),
        note="invalid UTF-8 read as cp1252",
    ),
    Case(
        "declares shift_jis, is UTF-8",
        lambda: article(JA, '<meta charset="shift_jis">').encode(),
        Out("\n".join(JA), None, "utf-8", "html"),
        note="valid multi-byte UTF-8 wins over the declaration",
    ),
    Case(
        "Content-Type header charset",
        lambda: article(DE).encode("cp1252"),
        Out("\n".join(DE), None, "cp1252", "html"),
        (("content_type", "text/html; charset=windows-1252"),),
    ),
    Case(
        "unknown encoding setting",
        lambda: article(DE).encode(),
        Out("\n".join(DE), None, "utf-8", "html"),
        (("encoding", "no-such-charset"),),
    ),
    # As many bytes are latin-1 as UTF-8: the label says cp1252, the text is right either way.
    Case(
        "mixed encodings",
        _mixed,
        Out("\n".join(DE), None, "cp1252", "html"),
        note="UTF-8 where valid, the latin-1 bytes read as cp1252: both paragraphs right",
    ),
    Case(
        "invalid UTF-8 sequences",
        _invalid_utf8,
        Out(
            ZH[0]
            + "\nGrüße aus Köln, where the café “new” € on the river has opened again and the guests are happy with it.",
            None,
            "utf-8",
            "html",
        ),
        note="stray bytes read as cp1252 (ö, é, “ ”, €); the character cut at the end is U+FFFD, a chrome block",
    ),
    Case(
        "surrogates in str",
        lambda: article([PARAS[0].replace("Monday", "Mon\ud800day"), PARAS[1] + " \U0001f309"]),
        Out(PARAS[0].replace("Monday", "Mon\ufffdday") + "\n" + PARAS[1] + " \U0001f309", None, None, "html"),
        note="the lone surrogate becomes U+FFFD; the emoji stays",
    ),
    Case(
        "surrogates in UTF-8 bytes (CESU-8)",
        lambda: article(ZH + PARAS).encode().replace(b"Monday", b"Mon\xed\xa0\x80day\xed\xb0\x80"),
        Out("\n".join(ZH + PARAS).replace("Monday", "Mon\ufffdday\ufffd"), None, "utf-8", "html"),
        note="each encoded surrogate becomes one U+FFFD",
    ),
    Case(
        "right-to-left: Arabic",
        lambda: article(AR, attrs=' lang="ar" dir="rtl"').encode(),
        Out("\n".join(AR), None, "utf-8", "html"),
    ),
    Case(
        "right-to-left: Hebrew",
        lambda: article(HE, attrs=' lang="he" dir="rtl"').encode(),
        Out("\n".join(HE), None, "utf-8", "html"),
    ),
    Case(
        "CJK: Chinese",
        lambda: article(ZH, attrs=' lang="zh"').encode(),
        Out("\n".join(ZH), None, "utf-8", "html"),
    ),
    Case(
        "CJK: Japanese",
        lambda: article(JA, attrs=' lang="ja"').encode(),
        Out("\n".join(JA), None, "utf-8", "html"),
    ),
    Case(
        "CJK: Chinese in GB18030",
        lambda: article(ZH, '<meta charset="gb2312">').encode("gb18030"),
        Out("\n".join(ZH), None, "gb18030", "html"),
    ),
    Case(
        "only a <script>",
        lambda: b"<script>document.write('<p>' + 'hello world'.repeat(50) + '</p>')</script>",
        Out("", "no_text", "utf-8", "html"),
    ),
    Case(
        "only a <style>",
        lambda: b"<html><style>p { color: red }</style></html>",
        Out("", "no_text", "utf-8", "html"),
    ),
    Case(
        "no body",
        lambda: b"<html><head><title>Only a title</title></head></html>",
        Out("", "no_text", "utf-8", "html"),
    ),
    Case(
        "frameset",
        lambda: (
            b"<!doctype html><html><frameset cols='50%,50%'><frame src='a.html'><frame src='b.html'></frameset></html>"
        ),
        Out("", "no_text", "utf-8", "html"),
    ),
    Case(
        "chrome only",
        lambda: b"<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>",
        Out("", "all_chrome", "utf-8", "html"),
    ),
    Case(
        "tags cut short",
        lambda: article(PARAS).replace("</p></article></body></html>", "</p><p class='x").encode(),
        Out("\n".join(PARAS), None, "utf-8", "html"),
        note="the page ends inside a tag",
    ),
    Case(
        "unclosed comment",
        lambda: article(PARAS).replace("<p>The mayor", "<!-- <p>The mayor").encode(),
        Out("\n".join(PARAS[:2]), None, "utf-8", "html"),
        note="the comment swallows the rest of the page, as in browsers",
    ),
    Case(
        "plain text with CRLF",
        lambda: "\r\n\r\n".join(PARAS).encode(),
        Out("\n".join(PARAS), None, "utf-8", "text"),
    ),
    Case(
        "plain text with CR only",
        lambda: "\r\r".join(PARAS).encode(),
        Out("\n".join(PARAS), None, "utf-8", "text"),
    ),
    Case(
        "plain text with NUL",
        lambda: "\n\n".join(PARAS).replace("council", "coun\x00cil").encode(),
        Out("\n".join(PARAS).replace("council", "coun cil"), None, "utf-8", "text"),
        note="NUL read as a space",
    ),
    Case(
        "meta charset zlib (not a text codec)",
        lambda: article(PARAS, '<meta charset="zlib">').encode(),
        Out("\n".join(PARAS), None, "utf-8", "html"),
    ),
    Case(
        "meta charset rot13",
        lambda: article(PARAS, '<meta charset="rot13">').encode(),
        Out("\n".join(PARAS), None, "utf-8", "html"),
    ),
    Case(
        "meta charset idna",
        lambda: article(PARAS, '<meta charset="idna">').encode(),
        Out("\n".join(PARAS), None, "utf-8", "html"),
    ),
    Case(
        "meta charset undefined",
        lambda: article(PARAS, '<meta charset="undefined">').encode(),
        Out("\n".join(PARAS), None, "utf-8", "html"),
    ),
    Case(
        "meta charset utf-7 (browsers refuse it)",
        lambda: article([PARAS[0] + " +ADw-b+AD4-", PARAS[1]], '<meta charset="utf-7">').encode(),
        Out(PARAS[0] + " +ADw-b+AD4-\n" + PARAS[1], None, "utf-8", "html"),
        note="label ignored: +ADw-b+AD4- stays text",
    ),
    Case(
        "meta charset EBCDIC cp037",
        lambda: article(PARAS, '<meta charset="cp037">').encode(),
        Out("\n".join(PARAS), None, "utf-8", "html"),
    ),
    Case(
        "over max_bytes",
        lambda: b"x" * 101,
        Err(InputTooLargeError, "input is 101 bytes, over Options.max_bytes=100"),
        (("max_bytes", 100),),
    ),
    Case(
        "str over max_bytes",
        lambda: "x" * 101,
        Err(InputTooLargeError, "input is 101 characters, over Options.max_bytes=100"),
        (("max_bytes", 100),),
    ),
    Case(
        "truncate=True cuts at max_bytes",
        lambda: article(PARAS).encode(),
        Out(PARAS[0], None, "utf-8", "html"),
        (("max_bytes", len(article(PARAS).split(PARAS[1])[0])), ("truncate", True)),
        note="cut right after the first paragraph",
    ),
    Case(
        "truncate=True inside a character",
        lambda: article(DE).encode(),
        Out("Der Bürgermeister öffnete am Montag die neue Br\ufffd", None, "utf-8", "html"),
        (("max_bytes", article(DE).encode().index("ücke".encode()) + 1), ("truncate", True)),
        note="the cut character becomes U+FFFD",
    ),
)


def _run_case(case: Case) -> tuple[str, Any]:
    page = case.page()
    settings = dict(case.settings)
    return extract(page, **settings), extract_blocks(page, **settings)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case) -> None:
    expected = case.expected
    if isinstance(expected, Err):
        with pytest.raises(expected.kind) as info:
            _run_case(case)
        assert type(info.value) is expected.kind and expected.message in str(info.value)
        return
    out, doc = _run_case(case)
    assert out == expected.text
    assert doc.empty_reason == expected.reason
    if expected.encoding != "-":
        assert doc.encoding == expected.encoding
    if expected.input_type is not None:
        assert doc.input_type == expected.input_type


def test_empty_reason_in_json_output() -> None:
    assert json.loads(extract(b"", output="json"))["empty_reason"] == "empty_input"
    assert json.loads(extract(b"<script>x()</script>", output="json"))["empty_reason"] == "no_text"
    assert "empty_reason" not in json.loads(extract(article(PARAS), output="json"))


def test_every_output_format_on_bad_input() -> None:
    """Each format gives a str for each case that does not raise."""
    for case in CASES:
        if isinstance(case.expected, Err):
            continue
        for output in ("text", "markdown", "json", "html"):
            result = extract(case.page(), **dict(case.settings), output=output)
            assert isinstance(result, str)
            result.encode("utf-8")  # no lone surrogates


# --- limits -------------------------------------------------------------------------


def test_max_depth_flattens_deeper_elements() -> None:
    """Elements deeper than max_depth join their ancestor at that depth: no text is lost."""
    page = "<html><body>" + "".join(f"<div>level {i} " for i in range(300)) + "</div>" * 300
    doc = extract_blocks(page)
    assert len(doc.blocks) == 256
    assert [b.text for b in doc.blocks[:255]] == [f"level {i}" for i in range(255)]
    assert doc.blocks[255].text == " ".join(f"level {i}" for i in range(255, 300))
    doc = extract_blocks(page, max_depth=1)
    assert [b.text for b in doc.blocks] == [" ".join(f"level {i}" for i in range(300))]


def test_max_blocks_stops_segmenting() -> None:
    page = "<html><body>" + "".join(f"<p>para {i}</p>" for i in range(10))
    assert [b.text for b in extract_blocks(page, max_blocks=3).blocks][:3] == ["para 0", "para 1", "para 2"]
    text = "\n".join(f"line {i}" for i in range(10))
    assert [b.text for b in extract_blocks(text, max_blocks=3).blocks][:3] == ["line 0", "line 1", "line 2"]


def test_max_blocks_keeps_the_rest_as_one_chrome_block() -> None:
    page = "<html><body>" + "".join(f"<p>para {i}</p>" for i in range(10))
    blocks = extract_blocks(page, max_blocks=3).blocks
    assert [b.text for b in blocks[:3]] == ["para 0", "para 1", "para 2"]
    assert blocks[-1].label == "chrome" and blocks[-1].text == " ".join(f"para {i}" for i in range(3, 10))


def test_limits_are_checked() -> None:
    for name in ("max_bytes", "max_depth", "max_blocks"):
        for bad in (0, -1, 1.5, True, "10", None):
            with pytest.raises(OptionsError, match=f"Options.{name} must be a positive integer"):
                Options(**{name: bad})  # type: ignore[arg-type]  # wrong types on purpose
    with pytest.raises(OptionsError, match="Options.truncate must be True or False, got 1"):
        Options(truncate=1)  # type: ignore[arg-type]  # a wrong type on purpose


def test_bad_url_is_an_options_error() -> None:
    with pytest.raises(OptionsError, match="url must be a str or None, got int"):
        extract(article(PARAS), 42)  # type: ignore[arg-type]


# --- structure: nesting, frames, raw text -------------------------------------------


def test_deeply_nested_tables_lose_no_text() -> None:
    n = 1000
    page = (
        "<html><body>"
        + "".join(f"<table><tr><td>cell {i} " for i in range(n))
        + PARAS[0]
        + "</td></tr></table>" * n
    )
    doc = extract_blocks(page)
    assert " ".join(b.text for b in doc.blocks) == " ".join(f"cell {i}" for i in range(n)) + " " + PARAS[0]
    assert doc.blocks[-1].text.endswith(PARAS[0]) and doc.blocks[-1].label == "body"


def test_no_python_recursion_over_the_dom() -> None:
    """Deep trees need no Python stack: extraction works with a recursion limit far below their depth."""
    pages = [
        "<html><body>" + "<div>" * 3000 + PARAS[0] + "</div>" * 3000,
        "<html><body><p>" + "<span>" * 5000 + PARAS[0],
        "<html><body>" + "<ul><li>" * 2000 + PARAS[0],
        "<html><body>" + "<table><tr><td>" * 2000 + PARAS[0],
        "<html><body>" + "<b><i>" * 3000 + PARAS[0],
    ]
    limit = sys.getrecursionlimit()
    depth = len(_stack_depth())
    sys.setrecursionlimit(depth + 150)
    try:
        outs = [extract_blocks(p).blocks[-1].text for p in pages]
    finally:
        sys.setrecursionlimit(limit)
    assert all(out.endswith(PARAS[0]) for out in outs)


def _stack_depth() -> list[object]:
    frames = []
    frame = sys._getframe()
    while frame is not None:
        frames.append(frame)
        frame = frame.f_back  # type: ignore[assignment]
    return frames


def test_frameset_noframes_markup_is_not_text() -> None:
    page = (
        b"<html><frameset><frame src=a.html><noframes><p>"
        + PARAS[0].encode()
        + b"</p></noframes></frameset></html>"
    )
    assert extract(page) in ("", PARAS[0])


# --- big inputs, each in its own interpreter under a CPU-time limit ------------------


def _nested_divs() -> str:
    return "<html><body>" + "<div>" * 100_000 + PARAS[0] + "</div>" * 100_000 + "</body></html>"


def _nested_divs_around_closed_p() -> str:
    # A closing tag at every level: no long run of opening tags, yet the <div>s nest
    # 100,000 deep.
    return "<html><body>" + "<div><p></p>" * 100_000 + PARAS[0] + "</div>" * 100_000 + "</body></html>"


_RUN = [PARAS[0].split()[i % len(PARAS[0].split())] for i in range(299)]
_RUN_UNIT = "".join(f"<b>{w} " for w in _RUN) + "<b " + "a" * 201 + ">"
_RUNS = 2 * 1024 * 1024 // len(_RUN_UNIT)


def _tag_runs() -> str:
    # Runs of 299 short opening tags, then one with a 201-character attribute: a page that
    # makes a backtracking "300 tags in a row" pattern quadratic; detection must stay linear.
    return "<html><body><p></p>" + _RUN_UNIT * _RUNS


def _lines_tag_runs() -> list[str]:
    return [" ".join(" ".join(_RUN) for _ in range(_RUNS))]


def _unclosed_p() -> str:
    return "<html><body>" + "".join(f"<p>Paragraph {i} says: {PARAS[i % 3]}" for i in range(100_000))


def _line_10mb() -> bytes:
    return b"word " * (2 * 1024 * 1024)


_P50 = "<p>{i}: " + PARAS[0] + "</p>\n"
_N50 = (50 * 1024 * 1024) // len(_P50.format(i=100000))


def _page_50mb() -> bytes:
    return (
        "<html><body><article>" + "".join(_P50.format(i=i) for i in range(_N50)) + "</article></body></html>"
    ).encode()


def _lines_nested_divs() -> list[str]:
    return [PARAS[0]]


def _lines_unclosed_p() -> list[str]:
    return [f"Paragraph {i} says: {PARAS[i % 3]}" for i in range(min(100_000, Options().max_blocks))]


def _line_25mb() -> bytes:
    return b"word " * (5 * 1024 * 1024)


def _lines_25mb() -> list[str]:
    return ["word " * (5 * 1024 * 1024)]


def _lines_10mb() -> list[str]:
    # Plain text: each kept line as it stands, trailing space included.
    return ["word " * (2 * 1024 * 1024)]


def _lines_50mb() -> list[str]:
    return [f"{i}: {PARAS[0]}" for i in range(min(_N50, Options().max_blocks))]


def _comment_counts() -> str:
    # A plain-text dump of an article and 30,000 count lines ("4 comments") that head no thread
    # (no paragraph right above most of them): looking at each one must stay linear in the heads.
    return "\n".join(["The story", PARAS[0], PARAS[1]] + [f"{i} comments" for i in range(30_000)])


def _lines_comment_counts() -> list[str]:
    return ["The story", PARAS[0], PARAS[1]]


def _split_paragraphs() -> str:
    # A plain-text page of 25,000 one-line paragraphs, each between two short "Reply" lines:
    # every paragraph is a region of its own, and the search for them must stay near-linear
    # (a rescan of what is left after each one took 30 s here).
    return "\n".join(x for i in range(25_000) for x in ("Reply", _reader(i)))


def _reader(i: int) -> str:
    return f"Reader number {i} thinks that the plan for the new bridge is a good one."


def _lines_split_paragraphs() -> list[str]:
    return [_reader(i) for i in range(25_000)]


@dataclass(frozen=True)
class Big:
    name: str
    build: Callable[[], str | bytes]
    lines: Callable[[], list[str]]
    cpu_seconds: float  # the bound on extract()'s CPU time
    rss_mb: int = 1024  # the bound on the interpreter's peak RSS


BIG = {
    b.name: b
    for b in (
        Big("100,000 nested <div>s", _nested_divs, _lines_nested_divs, 2.0),
        Big(
            "100,000 nested <div>s around closed <p>s", _nested_divs_around_closed_p, _lines_nested_divs, 2.0
        ),
        Big("100,000 unclosed <p>s", _unclosed_p, _lines_unclosed_p, 10.0),
        Big("2 MB of 299-tag runs", _tag_runs, _lines_tag_runs, 2.0),
        Big("one 10 MB line, no tags", _line_10mb, _lines_10mb, 10.0),
        Big("one 25 MB line, no tags", _line_25mb, _lines_25mb, 10.0),
        Big("50 MB page", _page_50mb, _lines_50mb, 10.0),
        Big("30,000 comment counts in plain text", _comment_counts, _lines_comment_counts, 3.0),
        Big("25,000 paragraphs between short lines in plain text", _split_paragraphs, _lines_split_paragraphs, 3.0),
    )
}


def _child(name: str, limit: bool = True) -> None:
    """Run one big case (in a fresh interpreter) and print what it did as JSON."""
    big = BIG[name]
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    page = big.build()
    built = resource.getrusage(resource.RUSAGE_SELF)
    if limit:
        # The kernel stops us (SIGXCPU) a little past the bound: a hang ends the test, not the run.
        budget = int(built.ru_utime + built.ru_stime + big.cpu_seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (budget, resource.getrlimit(resource.RLIMIT_CPU)[1]))
    cpu0, wall0 = time.process_time(), time.perf_counter()
    out = extract(page)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    lines = out.split("\n")
    print(
        json.dumps(
            {
                "cpu": round(cpu, 2),
                "wall": round(wall, 2),
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                "input_bytes": len(page.encode() if isinstance(page, str) else page),
                "lines": len(lines),
                "first": lines[0][:200],
                "last": lines[-1][:200],
                "sha256": hashlib.sha256(out.encode()).hexdigest(),
            }
        )
    )


def run_big(name: str, limit: bool = True) -> dict[str, Any]:
    """Run a big case in a child interpreter; its numbers, or {"killed": signal} when it was stopped."""
    code = f"from tests.test_robustness import _child; _child({name!r}, {limit})"
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=False, text=True, timeout=3600
    )
    if proc.returncode != 0:
        return {"killed": -proc.returncode if proc.returncode < 0 else None, "stderr": proc.stderr[-2000:]}
    result: dict[str, Any] = json.loads(proc.stdout)
    return result




@pytest.mark.parametrize(
    "name",
    [
        "100,000 nested <div>s",
        "100,000 nested <div>s around closed <p>s",
        "100,000 unclosed <p>s",
        "2 MB of 299-tag runs",
        "one 10 MB line, no tags",
        "one 25 MB line, no tags",
        "50 MB page",
        "30,000 comment counts in plain text",
        "25,000 paragraphs between short lines in plain text",
    ],
)
def test_big_input(name: str) -> None:
    big = BIG[name]
    got = run_big(name)
    assert "killed" not in got, (
        f"stopped by signal {got['killed']} (over {big.cpu_seconds} s of CPU?): {got.get('stderr')}"
    )
    assert got["cpu"] < big.cpu_seconds and got["rss_mb"] < big.rss_mb
    lines = big.lines()
    assert (got["lines"], got["first"], got["last"]) == (len(lines), lines[0][:200], lines[-1][:200])
    assert got["sha256"] == hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _print_cases() -> None:
    """The bad-input table of docs/robustness.md."""
    print("| case | outcome |\n|---|---|")
    for case in CASES:
        try:
            out, doc = _run_case(case)
        except BoilerstripError as exc:
            print(f"| {case.name} | `{type(exc).__name__}`: {exc} |")
            continue
        if out:
            lines = out.count("\n") + 1
            what = f"the visible text in full ({lines} line{'s' if lines > 1 else ''}, {doc.input_type}, {doc.encoding})"
        else:
            what = f'"" with empty_reason `{doc.empty_reason}`'
        note = f"; {case.note}" if case.note else ""
        print(f"| {case.name} | {what}{note} |".replace("<", "&lt;"))


def _print_big(limit: bool) -> None:
    """The big-input table of docs/robustness.md (each case in its own interpreter)."""
    print("| case | input | CPU s | wall s | peak RSS MB | output lines |\n|---|---|---|---|---|---|")
    for name in BIG:
        got = run_big(name, limit)
        if "killed" in got:
            print(f"| {name} | | stopped (signal {got['killed']}) | | | |")
            continue
        mb = got["input_bytes"] / 1e6
        print(f"| {name} | {mb:.1f} MB | {got['cpu']} | {got['wall']} | {got['rss_mb']} | {got['lines']} |")


if __name__ == "__main__":
    # python -m tests.test_robustness cases | big [--no-limit]
    if "cases" in sys.argv:
        _print_cases()
    if "big" in sys.argv:
        _print_big(limit="--no-limit" not in sys.argv)
