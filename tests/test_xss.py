"""The HTML output is safe to embed: a fixed set of bare tags and escaped text.

Every vector of tests/fixtures/robustness/xss_vectors.txt is put in the main content
of a page (in a paragraph, as a block of its own, in a heading, list, table, code
block, quote and the title) and the HTML output is checked twice: as a string (each
"<" opens an allowed tag with no attributes, the text between holds only escapes)
and as a tree, parsed again by Lexbor (allowed elements only, no attributes, no
comments), so that a vector which re-parses differently (mXSS) is caught too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from boilerstrip import Options, extract

from .test_robustness import PARAS

VECTORS_FILE = Path(__file__).parent / "fixtures" / "robustness" / "xss_vectors.txt"
VECTORS = [
    line
    for line in VECTORS_FILE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
# What render_html may write (docs/robustness.md): these tags, bare.
ALLOWED = frozenset(
    ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "li", "table", "tr", "td", "pre", "code", "blockquote"]
)
# Elements the parser adds around any fragment.
_IMPLIED = frozenset(["html", "head", "body", "tbody"])
_ALLOWED_TAG = re.compile(r"</?(?:" + "|".join(sorted(ALLOWED)) + r")>")
_ESCAPE = re.compile(r"&(?:amp|lt|gt|quot|#x27);")
_OPTIONS = Options(output="html", favor="recall", include_title=True, include_comments=True)


def assert_safe(out: str) -> None:
    """Fail unless ``out`` is bare allowed tags around escaped text."""
    text = _ALLOWED_TAG.sub("", out)
    assert not set(text) & set("<>\"'"), f"unescaped markup in {out!r}"
    assert "&" not in _ESCAPE.sub("", text), f"a bare '&' in {out!r}"
    tree = LexborHTMLParser(out)
    root = tree.root
    assert root is not None
    for node in root.traverse(include_text=False):
        tag = node.tag or ""
        assert tag in ALLOWED or tag in _IMPLIED, f"<{tag}> in {out!r}"
        assert not node.attributes, f"attributes {node.attributes} in {out!r}"


def pages(vector: str) -> list[str]:
    """The vector in each place the main content can hold it."""
    a, b, c = PARAS

    def page(body: str, title: str = "Safe title") -> str:
        return f"<!doctype html><html><head><title>{title}</title></head><body><article>{body}</article></body></html>"

    return [
        page(f"<p>{a}</p><p>{b} {vector} {c}</p><p>{c}</p>"),
        page(f"<p>{a}</p>{vector}<p>{b}</p><p>{c}</p>"),
        page(f"<p>{a}</p><h2>{vector} heading</h2><p>{b}</p>"),
        page(f"<p>{a}</p><ul><li>{vector}</li><li>{b}</li></ul><p>{c}</p>"),
        page(f"<p>{a}</p><table><tr><td>{vector}</td><td>{b}</td></tr></table><p>{c}</p>"),
        page(f"<p>{a}</p><pre>{vector}\n{b}</pre><p>{c}</p>"),
        page(f"<p>{a}</p><blockquote>{vector} {b}</blockquote><p>{c}</p>"),
        page(f"<p>{a}</p><p>{b}</p>", title=vector),
    ]


def test_corpus_is_loaded() -> None:
    assert len(VECTORS) >= 100 and len(set(VECTORS)) == len(VECTORS)


@pytest.mark.parametrize("vector", VECTORS)
def test_vector_does_not_survive(vector: str) -> None:
    for page in pages(vector):
        assert_safe(extract(page, options=_OPTIONS))
    assert_safe(extract(pages(vector)[0].encode("utf-8"), options=_OPTIONS))


def test_all_vectors_in_one_page() -> None:
    body = "".join(f"<p>{PARAS[i % 3]} {v}</p>" for i, v in enumerate(VECTORS))
    out = extract(f"<html><body><article>{body}</article></body></html>", options=_OPTIONS)
    assert out.count("<p>") > 10
    assert_safe(out)


@pytest.mark.parametrize(
    ("vector", "shown"),
    [
        ("&lt;script&gt;alert(1)&lt;/script&gt;", "<p>{b} &lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("&#60;img src=x onerror=alert(1)&#62;", "<p>{b} &lt;img src=x onerror=alert(1)&gt;</p>"),
        ("&amp;lt;script&amp;gt;", "<p>{b} &amp;lt;script&amp;gt;</p>"),
        ("&quot;&gt;&lt;script&gt;", "<p>{b} &quot;&gt;&lt;script&gt;</p>"),
        # <xmp> is a block of its own whose content is text.
        ("<xmp><img src=x onerror=alert(1)></xmp>", "<p>{b}</p>\n<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
        ('it\'s <b>bold</b> & "quoted"', "<p>{b} it&#x27;s bold &amp; &quot;quoted&quot;</p>"),
    ],
)
def test_text_that_looks_like_markup_stays_text(vector: str, shown: str) -> None:
    """Visible text that spells markup is kept, escaped: the reader sees what the page showed."""
    page = f"<html><body><article><p>{PARAS[0]}</p><p>{PARAS[1]} {vector}</p></article></body></html>"
    assert extract(page, options=_OPTIONS) == f"<p>{PARAS[0]}</p>\n" + shown.format(b=PARAS[1])


def test_control_characters_and_nul_in_tags() -> None:
    for vector in (
        "<scr\x00ipt>alert(1)</script>",
        "<img src=x\x0conerror=alert(1)>",
        "<a href='java\x00script:alert(1)'>x</a>",
        "<svg\x0conload=alert(1)>",
        "<img src=x\x01onerror=alert(1)>",
    ):
        for page in pages(vector):
            assert_safe(extract(page, options=_OPTIONS))
