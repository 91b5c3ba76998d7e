"""The compiled walker (parse/_walk.pyx) gives exactly the Segments of segment._walk,
and the compiled features._count_page exactly the counts of the Python one.

The Python functions stay the reference: every test here runs both on the same input
and compares every field. The compiled ones are only used when they are built; when
they are not, these tests skip, except under BOILERSTRIP_REQUIRE_COMPILED=1 (CI), where
a missing build fails.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from boilerstrip import decode, features
from boilerstrip.decode import decode_input
from boilerstrip.parse import _compiled, segment
from boilerstrip.parse.segment import Segments, segment_html
from boilerstrip.stopwords import stopwords_for
from boilerstrip.vocab import BLOCK_TAGS, SKIP_TAGS

from .conftest import FIXTURES, data_dir
from .test_properties import HOSTILE, mutated

COMPILED = segment.WALKER == "compiled"
needs_compiled = pytest.mark.skipif(not COMPILED, reason="the compiled walker is not in use: not built, BOILERSTRIP_PURE=1, or failed its self-check")
# Both settings segment_html walks with: the first walk, and the re-walk of script-revealed pages.
MODES = ((SKIP_TAGS, True), (segment._SKIP_BUT_NOSCRIPT, False))
DEFAULTS = (256, 100_000)  # Options.max_depth, Options.max_blocks


def test_walker_is_compiled_when_required() -> None:
    if os.environ.get("BOILERSTRIP_REQUIRE_COMPILED") != "1":
        pytest.skip("BOILERSTRIP_REQUIRE_COMPILED is not set: a pure-Python install is allowed here")
    assert segment.WALKER == "compiled", "the compiled walker did not build or failed its self-check"
    assert _compiled.COUNTER == "compiled", "the compiled _count_page did not build or failed its self-check"
    assert decode._IS_UTF8 is not decode._is_utf8, "the compiled UTF-8 check did not build or failed its self-check"
    assert decode._ENCODE_UTF8 is not decode._encode_utf8, "the compiled UTF-8 encoder did not build or failed its self-check"
    assert decode._CONTROL_COUNT is not decode._control_count, "the compiled control count did not build or failed its self-check"


def test_pure_env_selects_python_code() -> None:
    code = "import boilerstrip; from boilerstrip.parse import _compiled, segment; print(segment.WALKER, _compiled.COUNTER)"
    env = dict(os.environ, BOILERSTRIP_PURE="1")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["python", "python"]


def _tree(html: str, max_depth: int) -> LexborHTMLParser:
    """The tree segment_html walks (including its nesting cap)."""
    data = html.encode("utf-8", "ignore")
    if segment._may_nest_deeply(data):
        data = segment.cap_nesting(html, max_depth + segment._CAP_MARGIN).encode("utf-8", "ignore")
    return LexborHTMLParser(data)


def _segments(seg: Segments) -> dict[str, Any]:
    return asdict(seg)


def assert_same_walk(
    html: str, max_depth: int = DEFAULTS[0], max_blocks: int = DEFAULTS[1], opened: frozenset[str] = frozenset()
) -> None:
    """Both walkers, from the body and from the root, in both modes, give equal Segments."""
    tree = _tree(html, max_depth)
    for start in (tree.body, tree.root):
        if start is None:
            continue
        for skip, hide in MODES:
            want, got = Segments(), Segments()
            segment._walk(start, want, max_depth, max_blocks, skip, hide, opened)
            segment._WALK(start, got, max_depth, max_blocks, skip, hide, opened)
            assert _segments(got) == _segments(want), (start.tag, hide)


@needs_compiled
def test_probe_page() -> None:
    assert_same_walk(_compiled._PROBE)
    for max_depth, max_blocks in ((0, 0), (1, 1), (3, 5), (12, 40)):
        assert_same_walk(_compiled._PROBE, max_depth, max_blocks)
        assert_same_walk(_compiled._PROBE, max_depth, max_blocks, _compiled._PROBE_OPENED)


@needs_compiled
@pytest.mark.parametrize("path", sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".html", ".txt")))
def test_fixtures(path: Path) -> None:
    html = path.read_text(encoding="utf-8")
    assert_same_walk(html)
    assert_same_walk(html, 4, 3)


def _dataset_pages(limit: int) -> Iterator[Path]:
    """A fixed sample of the datasets' pages: every k-th in name order, ``limit`` in all."""
    root = data_dir()
    if root is None:
        return
    pages = sorted(root.glob("*/pages/*.html.gz"))
    step = max(1, len(pages) // limit)
    yield from pages[::step][:limit]


# The whole set (3,670 pages) takes ~90 s; 300 pages of every dataset keep CI quick.
# BOILERSTRIP_COMPILED_ALL=1 compares every page.
_SAMPLE = 100_000 if os.environ.get("BOILERSTRIP_COMPILED_ALL") == "1" else 300


def _check_dataset_pages(check: Callable[[str], None]) -> None:
    """Run check on each sampled dataset page's decoded HTML, naming the page when it fails."""
    pages = list(_dataset_pages(_SAMPLE))
    if not pages:
        pytest.skip("no dataset folder (../shared/data or $BOILERSTRIP_DATA)")
    for path in pages:
        html, _ = decode_input(gzip.decompress(path.read_bytes()))
        try:
            check(html)
        except AssertionError as exc:
            raise AssertionError(f"{path}: {exc}") from exc


@needs_compiled
def test_dataset_pages() -> None:
    _check_dataset_pages(assert_same_walk)


@needs_compiled
@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<div>" * 100_000 + "deep text" + "</div>" * 100_000, id="100k-nested-divs"),
        pytest.param("<div><span>" * 900 + "deep text<p>para</p>" + "</span></div>" * 900, id="1800-nested"),
        pytest.param("<p>one<div>two<li>three<td>four<a href=x>five<pre>six\n seven", id="unclosed"),
        pytest.param("<html><body>" + "x" * 3_000_000 + "</body></html>", id="huge-text-node"),
        pytest.param("".join(f"<p>block {i}</p>" for i in range(3000)), id="many-blocks"),
        pytest.param("<body>" + "".join(HOSTILE) * 20 + "</body>", id="hostile-tokens"),
        pytest.param(bytes(range(256)).decode("latin-1") * 40, id="binary-ish"),
        pytest.param("<p>a\x00b\ufffd\ud800c\x1cd\x1fe\x85f\u2029g</p><pre>\x00\n\x1c\n</pre>", id="odd-chars"),
        pytest.param("", id="empty"),
        pytest.param("<frameset><frame src=x></frameset>", id="frameset"),
        pytest.param("<svg><title>t</title><desc>d</desc></svg><math><mtext>m</mtext></math>", id="foreign"),
        pytest.param("<my-el CLASS='SideBar' ID=Nav>custom</my-el><x-a role=NAVIGATION>x</x-a>", id="custom"),
    ],
)
def test_pathological(html: str) -> None:
    assert_same_walk(html)
    assert_same_walk(html, 2, 5)


@needs_compiled
def test_binary_pages_decoded() -> None:
    # High bytes and markup characters, but few enough control bytes to pass decode's binary check.
    alphabet = bytes(range(0x20, 0x100)) + b"<>/=\"'\n"
    for seed in range(20):
        data = bytes(alphabet[(i * 7919 + seed * 104729) % len(alphabet)] for i in range(5000))
        html, _ = decode_input(data)
        assert_same_walk(html)


_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
_TAGS = sorted(
    BLOCK_TAGS
    | set(segment._TAG_FLAGS)
    | {"a", "span", "b", "i", "br", "hr", "noscript", "script", "style", "svg", "template", "img", "x-y"}
)
_WORDS = ["nav", "navigation", "sidebar", "comment", "comments", "content", "article", "post", "share",
          "footer", "main", "entry", "body", "menu", "related", "social", "Kommentar", "größe", "x", ""]


@st.composite
def class_strings(draw: st.DrawFn) -> str:
    """Class/id values: vocabulary words joined by separators, cased, camelCased or cut."""
    parts = draw(st.lists(st.sampled_from(_WORDS + segment._WORD_LIST) | st.text("0123456789abcdefAD", max_size=9), max_size=5))
    seps = st.sampled_from([" ", "-", "_", "", "  ", "1", ":", "\t", "\u00a0", "é"])
    out = ""
    for part in parts:
        case = draw(st.sampled_from(["keep", "upper", "title", "cut"]))
        if case == "upper":
            part = part.upper()
        elif case == "title":
            part = part.title()
        elif case == "cut":
            part = part[: draw(st.integers(0, len(part)))]
        out += draw(seps) + part
    return out


_ATTRS = ["class", "id", "role", "itemprop", "style", "hidden", "aria-hidden", "aria-labelledby", "data-x", "href",
          "name"]


@st.composite
def pages(draw: st.DrawFn) -> str:
    """Random trees of the tags, attributes and text the walk treats specially."""
    out: list[str] = []
    for _ in range(draw(st.integers(1, 60))):
        kind = draw(st.integers(0, 9))
        if kind <= 3:
            tag = draw(st.sampled_from(_TAGS))
            attrs = ""
            for _ in range(draw(st.integers(0, 3))):
                name = draw(st.sampled_from(_ATTRS))
                value = draw(
                    st.one_of(
                        class_strings(),
                        st.sampled_from(["main", " Navigation ", "banner", "articleBody", "text", "true", "false",
                                         "display:none", "DISPLAY: NONE", "visibility: hidden", "color:none",
                                         "/page", "#top", " #", "", " ", "javascript:void(0)", "JavaScript:x",
                                         "\u00a0javascript:", "javascript", "j\u00e4vascript:x", "region", " TabPanel",
                                         "dialog", "until-found"]),
                    )
                )
                attrs += f" {name}" if draw(st.booleans()) and name == "hidden" else f' {name}="{value}"'
            out.append(f"<{tag}{attrs}>")
        elif kind <= 5:
            out.append(f"</{draw(st.sampled_from(_TAGS))}>")
        else:
            out.append(draw(st.text(st.sampled_from("ab \n\t\r\u00a0\u2003\x0b\x0c\x1cé中&<"), max_size=20)))
    return "".join(out)


@needs_compiled
@_SETTINGS
@given(pages(), st.integers(0, 12), st.integers(0, 30))
def test_generated_pages(html: str, max_depth: int, max_blocks: int) -> None:
    assert_same_walk(html)
    assert_same_walk(html, max_depth, max_blocks)


@needs_compiled
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_mutated_pages(html: str) -> None:
    assert_same_walk(html)


_HREFS = ["/x", "#", "#top", " #top", "", " ", "\t\n", "javascript:", "JAVASCRIPT:void(0)", " javascript:x",
          "\u2003\u00a0javascript:x", "javascript", "javascrip:", "java\u00adscript:", "\u212aavascript:",
          "j\u00e4vascript:", "a#b", "?q", "\u00e9t\u00e9", "\x00javascript:"]


@needs_compiled
@pytest.mark.parametrize("href", _HREFS)
def test_link_rule(href: str) -> None:
    for anchor in (f"<a href='{href}'>", f'<a name="n" href="{href}" class="x">', f"<a id=x href={href!r} href='/y'>"):
        assert_same_walk(f"<p>before {anchor} link <b>text</b> </a> after</p><a>bare</a><a name=x>named</a>")


@needs_compiled
def test_spaces_table_every_code_point() -> None:
    from boilerstrip.parse import _walk

    assert _walk.check_spaces() == -1


@needs_compiled
@settings(max_examples=500, deadline=None)
@given(st.text(st.one_of(st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u200a\u200b\u2028\u202f"
                                             "\u205f\u3000\u180eab\u00e9\u4e2d\U0001f600")), st.characters()),
               max_size=30))
def test_text_ops(text: str) -> None:
    from boilerstrip.parse import _walk

    data = text.encode("utf-8", "surrogatepass")
    valid, folded, pre, stripped = _walk.text_ops(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        assert not valid
        return
    assert valid
    assert folded == " ".join(text.split())
    assert pre == ("" if not text.strip("\n\r").strip() else text.strip("\n\r"))
    assert stripped == len(text.strip())


_STRIP_SPACES = list(" \t\n\x1c\x85\xa0\u1680\u2000\u2028\u205f\u3000")


@needs_compiled
@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(_STRIP_SPACES), max_size=4), st.text(st.sampled_from(list("ab é中\U0001f600\xa0")), max_size=40),
       st.text(st.sampled_from(_STRIP_SPACES), max_size=4), st.sampled_from(["", "x" * 9, "y" * 16, "é" * 5]))
def test_stripped_chars_from_both_ends(head: str, middle: str, tail: str, run: str) -> None:
    """len(text.strip()) as the walk counts link text (session 18: stripped from each end, the
    characters between counted eight bytes at a time where they are ASCII)."""
    from boilerstrip.parse import _walk

    for text in (head + middle + tail, head + run + middle + run + tail, run + tail, head + run):
        assert _walk.text_ops(text.encode("utf-8"))[3] == len(text.strip()), repr(text)


@needs_compiled
@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(
    st.text(st.sampled_from(list("abcXYZ09.,;!?'~\x7f\x01é中")), max_size=22),
    st.sampled_from([" ", " ", " ", "  ", "\t", "\n", " \n", "\x1c", "\xa0", "\u3000", ""]),
), max_size=24))
def test_fold_prose_stretches(parts: list[tuple[str, str]]) -> None:
    """_fold passes stretches of prose 16 bytes at a time (words, single spaces, at every offset):
    still " ".join(text.split())."""
    from boilerstrip.parse import _walk

    text = "".join(word + gap for word, gap in parts)
    for cut in range(min(len(text), 17)):
        _, folded, _, _ = _walk.text_ops(text[cut:].encode("utf-8"))
        assert folded == " ".join(text[cut:].split())


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(st.integers(0, 70), st.binary(max_size=6), st.integers(0, 40))
def test_valid_utf8_after_ascii_runs_is_pythons(lead: int, tail: bytes, trail: int) -> None:
    # The check skips ASCII 32 and 8 bytes at a time: a bad or good sequence on either side of each step.
    from boilerstrip.parse import _walk

    data = b"a" * lead + tail + b"z" * trail
    try:
        data.decode("utf-8")
        want = True
    except UnicodeDecodeError:
        want = False
    assert _walk.valid_utf8(data) is want


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=80), st.integers(0, 100))
def test_control_count_is_pythons(data: bytes, end: int) -> None:
    from boilerstrip.parse import _walk

    assert _walk.control_count(data, end) == decode._control_count(data, end)


@needs_compiled
@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=12))
def test_valid_utf8_is_pythons(data: bytes) -> None:
    from boilerstrip.parse import _walk

    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert not _walk.text_ops(data)[0]
    else:
        assert _walk.text_ops(data)[0]


@needs_compiled
def test_class_words_skip_taxonomy_names() -> None:
    from boilerstrip.parse import _walk

    for names in ["post category-for-discussion tag-news", "tag-comment", "xcategory-comment", "Tag-comment",
                  "a\ttag-comment footer", "category-", "sidebar tag-", "tag-a comments"]:
        assert _walk.class_words(names) == segment._class_words(names), names


@needs_compiled
def test_class_words_skip_hashes() -> None:
    from boilerstrip.parse import _walk

    for names in ["richtext-2ad314195f", "elementor-element-54bd2ad", "ad300", "ad1 x", "4d98-ad8f", "e1ad", "2ad",
                  "googleAd2b3121d6-6ad5", "x 0ad0279 e-flex", "ad12ef", "fad1234", "ad12x", "ad-12ab sidebar", "abcd ad",
                  "1ad2_footer", "ad0ad0", "9999 ad", "tag-12ad34 ad1", "hidden-xs 7ad7ad"]:
        assert _walk.class_words(names) == segment._class_words(names), names


@needs_compiled
def test_class_words_skip_shown_hidden_names() -> None:
    from boilerstrip.parse import _walk

    for names in ["field field--name-body field--label-hidden", "label-hidden", "xlabel-hidden footer", "label-hidde sidebar",
                  "hidden-xs", "a hidden-xs-down", "hidden-printer menu", "hidden-print", "hidden", "hidden-", "hidden-x",
                  "Hidden-xs", "hidden-smenu comments", "foo\thidden-md footer", "hiddenhidden-lg nav", "hidden-menu",
                  "tag-x hidden-sm", "hidden-sm tag-x comments", "sidebar hidden-xl"]:
        assert _walk.class_words(names) == segment._class_words(names), names


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["hidden", "hidde", "hidden-xs", "label-hidden", "7", "ad12ef"]),
       st.sampled_from(["footer", "sidebar", "x"]))
def test_class_words_facts_at_every_place(pad: int, tail: int, fact: str, word: str) -> None:
    # The digit and "hidden" tests read 16 bytes a step (session 19): each at every place of
    # strings across one and two steps, a word of the table before or after it.
    from boilerstrip.parse import _walk

    for names in (f"{'a' * pad} {fact}{'b' * tail} {word}", f"{word}{'c' * pad}{fact}", f"{fact} {'z' * pad}-{word}{'9' * (tail % 3)}"):
        assert _walk.class_words(names) == segment._class_words(names), names


@st.composite
def meta_pages(draw: st.DrawFn) -> str:
    """Pages of <meta>s among other elements: http-equiv and content cased, repeated, cut or missing."""
    out: list[str] = []
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.integers(0, 4))
        if kind <= 2:
            attrs = ""
            for _ in range(draw(st.integers(0, 3))):
                name = draw(st.sampled_from(["http-equiv", "HTTP-EQUIV", "content", "Content", "name", "http-equi"]))
                value = draw(st.sampled_from(["content-language", "Content-Language", "CONTENT-LANGUAGE", "content-languag",
                                              " content-language", "content-type", "de", "en-US", "", "\u212aontent-language",
                                              "\u00e9"]))
                attrs += f" {name}" if draw(st.booleans()) and kind == 2 else f' {name}="{value}"'
            out.append(f"<{draw(st.sampled_from(['meta', 'META', 'metas']))}{attrs}>")
        elif kind == 3:
            out.append(draw(st.sampled_from(["<head>", "<body>", "<div>", "</div>", "<svg>", "</svg>", "<template>",
                                             "</template>", "<noscript>", "<p>x", "<math>", "<table>"])))
        else:
            out.append(draw(st.text(st.sampled_from("ab <>"), max_size=6)))
    return "".join(out)


@needs_compiled
@settings(max_examples=400, deadline=None)
@given(meta_pages(), st.sampled_from(["", "<html>", '<html lang="">', '<html lang="de" xml:lang="fr">', '<html xml:lang="nl_BE">',
                                      "<!doctype html><html><head>", "<head><title> A\ttitle </title>", "<title></title>",
                                      "<noscript><title>N</title></noscript><title>T</title>", "<template></template><title>T</title>",
                                      "<title>\u00e9 &amp; x</title>"]),
       st.sampled_from(["", "<title>late</title>", "<svg><title>s<b>b</b></title></svg>"]))
def test_head_read(page: str, head: str, tail: str) -> None:
    tree = LexborHTMLParser(head + page + tail)
    assert segment._HEAD_READ(tree) == segment._head_read(tree)
    assert segment._HEAD_READ is not segment._head_read


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["menu-item", "menu-item ", "Menu-item", "menu-itex", "", "x" * 256, "x" * 257, "y" * 255 + "\u00e9",
                                 "caf\u00e9 item", "a b c d e f g h", "a b c d e f g i", "card card--wide", "\t"]), max_size=30),
       st.sampled_from(["div", "li", "p", "section"]))
def test_block_class_strs(classes: list[str], tag: str) -> None:
    # The walk hands a block element's class str seen before in the walk again (session 19):
    # alike and nearly alike values, empty, up to and past the 256 bytes it remembers, beyond ASCII.
    html = "".join(f'<{tag} class="{c}"><span class="{c}">t{i}</span></{tag}>' for i, c in enumerate(classes))
    assert_same_walk(f"<main class='m'>{html}</main><ul>{html}</ul>")


# Styles around _hidden_by's byte test (session 19): cased, spaced, cut, past its 256-byte
# copy, and beyond ASCII (U+212A lowers to "k", U+0130 to "i" and a combining dot).
_STYLES = ["display:none", "display: none", "DISPLAY:NONE", "Display : None", "display:nonE;color:red", "displa y:no ne",
           "visibility:hidden", "visibility : HIDDEN", "visibility:hidde", "visibility:hiddenx", "border:none",
           "text-decoration: none", "overflow:hidden", "none", "hidden", "NONE", "HIDDEN", "display:block", "",
           " " * 300 + "display:none", "color:red;" * 30 + "display:none", "é display:none", "display:none é",
           "\u212a display:none", "display:\u0130none", "d\u0130splay:none", "display:\u00a0none", "display:\tnone",
           "\ufeffdisplay:none", "x\u212aone display:hidden", "visibility:\u212ahidden"]


@needs_compiled
@pytest.mark.parametrize("style", _STYLES)
def test_style_hiding(style: str) -> None:
    for extra in ("", ' role="tabpanel"', ' class="panel"', ' aria-labelledby="t"', ' role="tabpanel" class="x"'):
        assert_same_walk(f'<p>before</p><div style="{style}"{extra}><p>the styled text</p></div>'
                         f'<a style="{style}" href="/x">link</a><span style=\'{style}\'>inline</span><p>after</p>')


@needs_compiled
@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40), st.integers(0, 20), st.sampled_from(["", "é", "中", "\U0001f600", "\ud800"]))
def test_encode_utf8_is_pythons(text: str, run: int, other: str) -> None:
    # Runs of ASCII around the encoder's 8-, 4- and 2-character steps, in each width of str.
    for page in (text, "x" * run + text + other, other + "<p>" * run + text):
        try:
            want: bytes | None = page.encode("utf-8")
        except UnicodeEncodeError:
            with pytest.raises(UnicodeEncodeError):
                decode._ENCODE_UTF8(page)
            continue
        assert decode._ENCODE_UTF8(page) == want


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(st.integers(0, 40), st.sampled_from(["é", "ÿ", "中", "\uff80", "\U0001f600"]), st.integers(0, 40), st.integers(0, 3))
def test_encode_utf8_ascii_runs_end_at_the_wide_character(run: int, other: str, tail: int, wider: int) -> None:
    # The SSE2 runs copy the ASCII head of the 16 characters that hold the first wider one and
    # step to it: that character at each place in the block, after and before runs of ASCII, in
    # each width of str (the wider characters only set the width, at the end).
    ends = ["", "é", "中", "\U0001f600"][wider]
    page = "a<p>b" * run + other + "x" * tail + other + "y" * run + ends
    assert decode._ENCODE_UTF8(page) == page.encode("utf-8")


@needs_compiled
@settings(max_examples=60, deadline=None)
@given(st.integers(0, 40), st.integers(-2, 2), st.sampled_from(["<a>", "<br>", "</a>", "x<", "<<"]))
def test_nesting_check_counts_past_the_counter_blocks(pad: int, off: int, token: str) -> None:
    # The "<"s are counted 16 bytes a step in byte counters summed every 4,080 bytes: a page
    # across those sums, with limit - 2 .. limit + 2 "<"s, the last byte a "<" or not.
    limit = segment._DEEP_LIMIT
    opens = "<div>" * (limit + off - 1)
    for page in (opens + "<i>", "y" * pad + opens + "<", "z" * (4080 - pad) + opens + token, token * (limit + off)):
        data = page.encode("utf-8")
        assert segment._MAY_NEST_DEEPLY(data) == segment._may_nest_deeply(data), (pad, off, token)


@needs_compiled
@settings(max_examples=500, deadline=None)
@given(st.one_of(class_strings(), st.text(max_size=40)))
def test_class_words(names: str) -> None:
    from boilerstrip.parse import _walk

    assert _walk.class_words(names) == segment._class_words(names)


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(st.lists(class_strings(), min_size=1, max_size=40), st.sampled_from([" ", "", "-"]))
def test_class_words_long(parts: list[str], sep: str) -> None:
    # Past the 256 bytes the compiled search keeps its lowered copy and word ends on the stack.
    from boilerstrip.parse import _walk

    names = sep.join(parts) * 3
    assert _walk.class_words(names) == segment._class_words(names)


@needs_compiled
def test_segment_html_same_with_either_walker(monkeypatch: pytest.MonkeyPatch) -> None:
    """segment_html end to end, including the re-walk of a page whose text is all hidden."""
    hidden = "<body><div hidden><p>" + "Words of a hidden paragraph. " * 10 + "</p></div><noscript><p>" + (
        "Words for readers without scripts. " * 8
    ) + "</p></noscript></body>"
    for html in (hidden, _compiled._PROBE):
        got = segment_html(html, max_depth=256, max_blocks=100_000)
        monkeypatch.setattr(segment, "_WALK", segment._walk)
        want = segment_html(html, max_depth=256, max_blocks=100_000)
        monkeypatch.undo()
        assert _segments(got) == _segments(want)


@needs_compiled
def test_walk_remembers_class_strings_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled walk remembers the words of the class/id strings it met (a page repeats them):
    the same Segments as segment._walk with every string repeated, with more distinct strings
    than it keeps (each slot taken over again and again), and with strings too long to keep."""
    words = ["comment", "sidebar", "footer", "article", "content", "menu", "share", "post", "nav"]
    names = [f"{words[i % 9]}-{i} {words[(i * 7) % 9]}x item{i % 5}" for i in range(1500)]
    names += ["menu-item " * 12 + "comment", "x" * 119 + " footer", "y" * 120 + " sidebar", "z" * 121 + " share"]
    rows = []
    for rep in range(3):
        for k, cls in enumerate(names):
            ident = f' id="{words[k % 9]}{rep}"' if k % 4 == 0 else ""
            rows.append(f'<div class="{cls}"{ident}><p>Block {k} of pass {rep}, a few words long.</p></div>')
    html = "<html><body>" + "".join(rows) + "</body></html>"
    for page in (html, html.replace("comment", "Comment")):
        got = segment_html(page, max_depth=256, max_blocks=100_000)
        monkeypatch.setattr(segment, "_WALK", segment._walk)
        want = segment_html(page, max_depth=256, max_blocks=100_000)
        monkeypatch.undo()
        assert _segments(got) == _segments(want)


@needs_compiled
def test_self_check_rejects_a_different_walk() -> None:
    def off_by_one(
        start: Any, seg: Segments, max_depth: int, max_blocks: int, skip: frozenset[str], hide: bool, opened: frozenset[str]
    ) -> None:
        segment._WALK(start, seg, max_depth, max_blocks, skip, hide, opened)
        if seg.texts:
            seg.texts[-1] += "."

    assert _compiled._self_check(off_by_one, segment._walk) is not None
    assert _compiled._self_check(segment._WALK, segment._walk) is None


def test_missing_extension_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    import boilerstrip.parse

    monkeypatch.setitem(sys.modules, "boilerstrip.parse._walk", None)  # import raises ImportError
    monkeypatch.delattr(boilerstrip.parse, "_walk", raising=False)
    walker, name = _compiled.choose_walker(segment._walk)
    assert (walker, name) == (segment._walk, "python")


# ---------------------------------------------------------------------------------------
# features._count_page

needs_compiled_counts = pytest.mark.skipif(
    _compiled.COUNTER != "compiled",
    reason="the compiled _count_page is not in use: not built, BOILERSTRIP_PURE=1, or failed its self-check",
)


def assert_same_counts(texts: list[str]) -> None:
    """The compiled and the Python _count_page give equal counts, with several stopword lists."""
    reference = _compiled.COUNT_PAGE_REFERENCE
    assert reference is not None and features._count_page is not reference
    uniq = list(dict.fromkeys(texts))
    for lang in ("en", "de", None):
        stopwords = stopwords_for(lang)
        want = np.zeros((8, len(uniq)), dtype=np.int64)
        got = np.zeros((8, len(uniq)), dtype=np.int64)
        reference(uniq, stopwords, want)
        features._count_page(uniq, stopwords, got)
        assert got.tolist() == want.tolist(), lang


# Texts at the edges of count_page's date shortcuts: a month name only inside a word, glued
# to a number, after or before whitespace, with a full stop; numbers with and without a joint.
_DATE_EDGES = [
    "Summary of 2020", "market 5", "the market 5th", "5 marketing", "5th marketing", "March5", "5March", "5 March",
    "on 3rd\tMay", "May.\n7", "May. 7", "Mays 7", "mayo 5", "xmay 5", "_may 5", "5_may", "5.may", "may-5",
    "Sept.\x1c12", "12\x1cSept", "1/2/2020", "1 / 2", "12:30", "12 : 30", "2020-01-31", "2020 - 01", "v1.2 now",
    "on June 5 2020", "June", "5", "Dec 2", "dec.2", "2 dec", "2dec", "2. dec", "Oct 31st", "31st Oct", "  May   7  ",
    # The month forms searched from the first month start, less its whitespace and "12th.".
    "Posted 12th.   May", "on 5 \t May 2020", "x12th May", "1st.May", "12th. x May 3", "the May 5 and June",
    "12:30 and then Mar 3", "a mayor 12 May", "Mayor May 12", "31st.\x1c\x1cDec", "1 2 3 4 5 6 7 May",
]


@needs_compiled_counts
@pytest.mark.parametrize("text", _DATE_EDGES)
def test_counts_date_shortcuts(text: str) -> None:
    assert_same_counts([text, text.upper(), f"see {text} here", f"{text}!"])


@needs_compiled_counts
def test_counts_probe_and_fixtures() -> None:
    assert_same_counts(_compiled._COUNT_PROBE)
    for path in sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".html", ".txt")):
        assert_same_counts(segment_html(path.read_text(encoding="utf-8"), max_depth=256, max_blocks=100_000).texts)
        assert_same_counts(path.read_text(encoding="utf-8").splitlines())


@needs_compiled_counts
def test_counts_dataset_pages() -> None:
    _check_dataset_pages(lambda html: assert_same_counts(segment_html(html, max_depth=256, max_blocks=100_000).texts))


_TEXT_CHARS = st.one_of(
    st.sampled_from(list("aZé ß.!?。！？…,;:\"'”’»)]([%-–—0123456789 \t\n\x0b\x1c\x85\xa0\u2003\u3000İΣς中文カナ😀𠀀")),
    st.characters(),
)


@needs_compiled_counts
@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(_TEXT_CHARS, max_size=80), max_size=12))
def test_counts_generated_texts(texts: list[str]) -> None:
    assert_same_counts(texts)


@needs_compiled_counts
@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_compiled._COUNT_PROBE + ["May 5", "12/05/2020 10:30", "the end. The"]), max_size=8))
def test_counts_generated_sentences(texts: list[str]) -> None:
    assert_same_counts([" ".join(texts), *texts])


# count_page skips the lowercase letters after a word character (_scan's run_cls): runs of
# them after letters, capitals, digits, Han, marks, apostrophes and spaces, at a text's ends,
# around stopwords, in 1-, 2- and 4-byte strs.
_RUN_PARTS = ["the", "a", "and", "of", "x", "word", "AND", "The", "Über", "über", "3rd", "9a", "中a", "aé", "éa", "a.b",
              "e.g.", "it's", "a'b", "ab!", "Ab.", "(ab)", "ab,", "a\u2003b", "a😀b", "😀ab", "aİb", "ſab", "A", "", "z"]


@needs_compiled_counts
@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.one_of(st.sampled_from(_RUN_PARTS), st.text(st.sampled_from(list("abyzAZ09.!? '-é中😀")),
                                                                       max_size=8)), max_size=10).map(
    lambda parts: "".join(parts) if len(parts) % 2 else " ".join(parts)), max_size=8))
def test_counts_lowercase_runs(texts: list[str]) -> None:
    assert_same_counts(texts)


# Long lowercase runs in one- and two-byte strs: count_page passes them 16 bytes at a time
# (SSE2, bs_lower_run and bs_lower_run16), so runs of 0 to 40 letters end on every place of a
# 16-byte step, on the characters next to "a".."z" ("`", "{") and on those past ASCII (negative
# as signed bytes or 16-bit words: Latin-1, U+8000 on).
_RUN_ENDS = ["`", "{", "@", "[", "é", "ÿ", "\x80", "\xa0", "A", "Z", " ", ".", "0", "'", "", "\u2019", "\u0161",
             "\u8000", "\uff41", "\u0161\u0300"]


@needs_compiled_counts
@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(["", "T", "t", "the", "9", "é"]), st.integers(0, 40),
                                   st.sampled_from(_RUN_ENDS)), max_size=5).map(
    lambda parts: "".join(head + ("theandzyx" * 5)[:n] + end for head, n, end in parts)), max_size=6))
def test_counts_long_lowercase_runs(texts: list[str]) -> None:
    assert_same_counts(texts)
    assert_same_counts([t + " of" for t in texts] + ["x" + t for t in texts] + [t + " \u2019" for t in texts])


# The compiled count_page's shortcuts: stopwords in a C table, the sentence-end matcher,
# dates searched without the month names where none can stand.

_MONTH_WORDS = ["May", "MAY", "mAy", "sept", "Sept.", "okt", "März", "MÄRZ", "août", "dec", "Dez", "mai", "jun",
                "ſept", "O\u212aT", "decembre", "décembre", "Mayo", "april", "Marzo"]


@needs_compiled_counts
@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.one_of(
    st.sampled_from(_MONTH_WORDS),
    st.sampled_from(["5", "12", "31st", "2nd", "3.", "2020", "10:30", "1/2/20", "2020-01-31", "x", "-", "at"]),
    st.text(st.sampled_from(list("0123456789./-: \u00a0\u2003aMt")), max_size=6),
), max_size=8).map(" ".join), max_size=6))
def test_counts_generated_dates(texts: list[str]) -> None:
    assert_same_counts(texts)


@needs_compiled_counts
@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("aZ9%)]\"'”’».!?。！？…:; \t\u3000\x1c\n")), max_size=14), max_size=8))
def test_counts_generated_sentence_ends(texts: list[str]) -> None:
    assert_same_counts(texts)


@needs_compiled_counts
@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(
    ["the", "The", "THE", "and", "und", "für", "FÜR", "и", "de", "İn", "ΣΟΦΙΑΣ", "x", "dog", "a" * 70, "the.", "of,"]
), max_size=10).map(" ".join), max_size=6))
def test_counts_generated_stopwords(texts: list[str]) -> None:
    assert_same_counts(texts)


# Characters past the class table: emoji (a symbol, a skin tone, a flag's letters, a tag),
# mathematical letters and digits (words, capitals, \\d), a Deseret capital and small letter
# (lowered in C), a CJK extension ideograph (Han), and the last code points.
_ASTRAL = ["\U0001f600", "\U0001f3fb", "\U0001f1e9\U0001f1ea", "\U000e0061", "\U0001d400", "\U0001d41a", "\U0001d7cf",
           "\U00010400", "\U00010428", "\U00020000", "\U0010fffd", "\U0001d49c"]


@needs_compiled_counts
@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.one_of(
    st.sampled_from(_ASTRAL),
    st.sampled_from(["the", "x", "5", "12:30", "May", ".", "!", "\"", ")", " ", "\u3000", "A", "é"]),
), max_size=10).map("".join), max_size=6))
def test_counts_generated_astral(texts: list[str]) -> None:
    assert_same_counts(texts)


@needs_compiled_counts
def test_count_page_counts_astral_texts_itself() -> None:
    """A text with characters past the table is counted in C (their bits made as the table's by
    astral), not handed to stats_one, the patterns' count of one text."""
    from boilerstrip.parse import _walk

    texts = ["Smile \U0001f600 please.", "\U0001d400\U0001d41a bold words \U0001d7cf.", "\U00020000\U00020001 ok", "plain"]
    table = features._char_classes()
    bits = {"word": features._C_WORD, "han": features._C_HAN, "upper": features._C_UPPER, "punct": features._C_PUNCT,
            "space": features._C_SPACE, "before_mark": features._C_BEFORE_MARK, "mark": features._C_MARK,
            "after_mark": features._C_AFTER_MARK, "digit": features._C_DIGIT}
    tail = features._END_TAIL
    end_table = _compiled._end_classes(features._SENTENCE_END, tail, len(table))
    months, numbers = _compiled._date_parts(features._DATE, features._MONTHS)
    calls: list[str] = []

    def stats_one(text: str, stopwords: frozenset[str]) -> Any:
        calls.append(text)
        return features._text_stats_one(text, stopwords)

    stopwords = stopwords_for("en")
    want = np.zeros((8, len(texts)), dtype=np.int64)
    _compiled.COUNT_PAGE_REFERENCE(texts, stopwords, want)  # type: ignore[misc]
    for astral in (None, _compiled._astral_bits(features.classes_of, tail)):
        calls.clear()
        got = np.zeros((8, len(texts)), dtype=np.int64)
        _walk.count_page(texts, stopwords, got, table, bits, features._SENTENCE_END.search, tail, features._DATE.search,
                         stats_one, end_table, months, numbers, astral)
        assert got.tolist() == want.tolist()
        assert calls == (texts[:3] if astral is None else [])


def test_count_page_falls_back_when_different(monkeypatch: pytest.MonkeyPatch) -> None:
    def wrong(texts: list[str], stopwords: frozenset[str], out: Any) -> None:
        out[0] = 99  # not what the compiled twin counts

    # choose_count_page records its choice in the module: restore it after the test.
    monkeypatch.setattr(_compiled, "COUNTER", _compiled.COUNTER)
    monkeypatch.setattr(_compiled, "COUNT_PAGE_REFERENCE", _compiled.COUNT_PAGE_REFERENCE)
    assert _compiled.choose_count_page(wrong) is wrong
    assert _compiled.COUNTER == "python"


_NEST_TOKENS = [
    "<div>", "</div>", "<p>", "</p>", "</", "<", "x", "<A", "<1", "<@", "<\xc1", "<<b",
    "<br>", "</br>", "<BR/>", "<img src=x>", "<imgs>", "<br", "<col>", "<colgroup>", "<source\n>", "</img ",
]


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_NEST_TOKENS), st.integers(1, 700)), max_size=12))
def test_nesting_check(runs: list[tuple[str, int]]) -> None:
    data = "".join(token * count for token, count in runs).encode("utf-8")
    assert segment._MAY_NEST_DEEPLY is not segment._may_nest_deeply
    assert segment._MAY_NEST_DEEPLY(data) == segment._may_nest_deeply(data)


@needs_compiled
def test_nesting_check_stops_early_exactly() -> None:
    """The compiled check stops once the "<"s left cannot reach the limit: the same answer
    where the last tag is the one that reaches it, or falls one short, or a closing tag or a
    void element's tag or a last-byte "<" is among the few left."""
    limit = segment._DEEP_LIMIT
    deep = "<div>" * limit
    pages = [deep, deep[:-5], deep[:-5] + "<br>", deep[:-5] + "<", deep[:-5] + "</a><b>", "x" * 50 + deep + "<",
             "</a>" + deep, deep[:-5] + "<i", "<p>" * (limit - 1) + "<a", "<br>" * limit + "<p>" * (limit - 1) + "<q>",
             "<" * (limit - 1), "<a" * (limit - 1), "<a" * limit, "<a" * limit + "</a>"]
    for page in pages:
        data = page.encode("utf-8")
        assert segment._MAY_NEST_DEEPLY(data) == segment._may_nest_deeply(data), page[-20:]


@needs_compiled
def test_count_page_dates_in_texts_beyond_ascii() -> None:
    """count_page skips the date search in a text beyond ASCII that holds none of the date forms'
    joints (digit-separator-digit, whitespace-digit, digit and whitespace within four): the same
    date counts as features._count_page for each form, in other scripts' digits and spaces too."""
    reference = _compiled.COUNT_PAGE_REFERENCE
    assert reference is not None and features._count_page is not reference
    texts = ["Am 5. März 2024", "März 5th", "mars\u00a012", "12:30 Uhr ü", "2024-01-02 é", "3.4.2024 – ß",
             "١٢:٣٠ مساء", "٥ مارس", "é 3", "ü12x", "5日 é", "€ 12", "12 €", "Preis: 12€", "1/2 é", "é 1-2",
             "2\u2003März", "Nr.5 é", "5th\u3000é", "ab5cd é", "5abcd é", "é5", "x 5", "5", "é\u20085", "10ème é"]
    want = np.zeros((8, len(texts)), dtype=np.int64)
    got = np.zeros((8, len(texts)), dtype=np.int64)
    reference(texts, stopwords_for("de"), want)
    features._count_page(texts, stopwords_for("de"), got)
    assert np.array_equal(want, got)
    assert want[6].sum() >= 8  # the forms above that are dates


# count_page's stopword table filters tokens by their first two bytes and length first (session 18):
# words of one, two and 64 letters, words alike in their first two letters, capitals, punctuation.
_FILTER_STOPWORDS = frozenset(["a", "i", "ab", "abc", "abcd", "of", "off", "x" * 63, "y" * 64, "l'", "d'un", "über", "et",
                               "für", "что", "ki", "é", "ça"])
_FILTER_TOKENS = ["a", "A", "i", "ab", "AB", "aB", "abc", "abx", "abcd", "abcde", "of", "OFF", "offs", "o", "x" * 63,
                  "X" * 63, "x" * 62, "y" * 64, "y" * 65, "l'", "L'", "d'un", "D'UN", "über", "ÜBER", "et", "e", "'", "é",
                  "É", "für", "FÜR", "fürs", "что", "ЧТО", "чтобы", "\u212ai", "\u212a", "Ki", "ça", "ÇA", "çà", "“of”"]


@needs_compiled_counts
@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_FILTER_TOKENS), max_size=8).map(" ".join), max_size=6))
def test_counts_stopword_filter(texts: list[str]) -> None:
    reference = _compiled.COUNT_PAGE_REFERENCE
    assert reference is not None and features._count_page is not reference
    uniq = list(dict.fromkeys(texts))
    want = np.zeros((8, len(uniq)), dtype=np.int64)
    got = np.zeros((8, len(uniq)), dtype=np.int64)
    reference(uniq, _FILTER_STOPWORDS, want)
    features._count_page(uniq, _FILTER_STOPWORDS, got)
    assert got.tolist() == want.tolist()


# A text whose characters past ASCII are all neutral to features._DATE (no word character,
# digit or whitespace: ©, ’, », ·, –) has its dates found in C as well, each of them read as
# "!" (_walk._neutral_ascii, session 25): the same counts wherever they stand in a date's form.
_NEUTRAL_CHARS = "©’‘»«·–—•€™°\u2022\u00a6\u02dc"


@needs_compiled_counts
@pytest.mark.parametrize("mark", list(_NEUTRAL_CHARS))
def test_counts_dates_beside_neutral_characters(mark: str) -> None:
    texts = []
    for text in _DATE_EDGES:
        texts += [f"{mark} {text}", f"{text}{mark}", f"{mark}{text}{mark}", text.replace(" ", mark), text.replace(" ", f" {mark}")]
    texts += [f"May{mark}5", f"5{mark}May", f"12{mark}30", f"1{mark}2{mark}2020", f"5th{mark} May", f"{mark}" * 300 + " 12:30"]
    assert_same_counts(texts)


def test_neutral_characters_match_no_piece_of_the_date_pattern() -> None:
    """A character neutral by the class table's bits is no word character, digit or whitespace,
    nor any case of one, nor one of the pattern's joints: it matches nothing "!" does not."""
    table = features._char_classes()
    bad = features._C_WORD | features._C_HAN | features._C_DIGIT | features._C_AFTER_MARK | features._C_SPACE
    codes = np.flatnonzero((table & bad) == 0)
    codes = codes[(codes >= 128) & ((codes < 0xD800) | (codes > 0xDFFF))]
    chars = "".join(map(chr, codes.tolist()))
    assert regex.findall(r"(?i)[\w\s\d./:\-]", chars) == []
    assert "©" in chars and "’" in chars and "é" not in chars and "\xa0" not in chars


# count_page finds an ASCII text's dates in C (_walk.ascii_date, session 18) instead of with
# features._DATE: the same answer for every ASCII character in each place of each form.

_ASCII_DATE_PARTS = ["May", "MAY", "sept", "Sept.", "dec", "Mar", "march", "june", "juni", "mayo", "okt", "marzo", "x",
                     "_", "5", "12", "123", "2020", "31st", "2ND", "3rd", "th", "1/2/2020", "12:30", "2020-01-31", ".",
                     "/", "-", ":", " ", "\t", "\n", "\x0b", "\x1c", "!", "(", "0", "99999", "Z"]


def _ascii_date_args() -> tuple[bytes, tuple[str, ...]]:
    months, numbers = _compiled._date_parts(features._DATE, features._MONTHS)
    assert months is not None and numbers is not None
    return months, _compiled._month_words(features._MONTHS)


@needs_compiled_counts
def test_ascii_date_every_character() -> None:
    from boilerstrip.parse import _walk

    months, words = _ascii_date_args()
    for code in range(128):
        for form in _compiled._DATE_PROBE_FORMS:
            text = form.format(chr(code))
            assert _walk.ascii_date(text, months, words) == (features._DATE.search(text) is not None), repr(text)
    for text in _DATE_EDGES:
        for variant in (text, text.upper(), f"see {text} here", f"{text}!"):
            assert _walk.ascii_date(variant, months, words) == (features._DATE.search(variant) is not None), repr(variant)


@needs_compiled_counts
@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_ASCII_DATE_PARTS), st.characters(max_codepoint=127)), max_size=9),
       st.sampled_from(["", " "]))
def test_ascii_date_generated(parts: list[str], sep: str) -> None:
    from boilerstrip.parse import _walk

    months, words = _ascii_date_args()
    text = sep.join(parts)
    assert _walk.ascii_date(text, months, words) == (features._DATE.search(text) is not None)


@needs_compiled_counts
def test_ascii_date_refuses_other_texts() -> None:
    from boilerstrip.parse import _walk

    months, words = _ascii_date_args()
    with pytest.raises(ValueError):
        _walk.ascii_date("5 März", months, words)
    with pytest.raises(ValueError):
        _walk.ascii_date("5 May", months, ("m\u00e4rz",))


# ---------------------------------------------------------------------------------------
# The walk's marks between abutting inline elements: _walk.space_marks for segment._space_items


@needs_compiled
def test_walk_runs_space_marks_in_c() -> None:
    from boilerstrip.parse import _walk

    assert _walk.space_marks_in_use()
    assert _walk.space_marks("2026\x001h 54m\x00R child\x00ren The\ufdd0North \x00x\x00") == "2026 1h 54m R children The North x"
    assert _walk.space_marks("HOKA\ufdd0Clifton C\x00orn xC\x00orn AB\ufdd0CD") == "HOKA Clifton Corn xC orn ABCD"


@needs_compiled
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "B", "\x00", "\ufdd0", " ", "é", "Σ", "σ", "1", "ǅ", "中", "\U0001d41a", "\n"]), max_size=14))
def test_space_marks_match_space_items(text: str) -> None:
    from boilerstrip.parse import _walk

    assert _walk.space_marks(text) == segment._space_items(text)


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(st.lists(class_strings(), min_size=1, max_size=12), st.sampled_from([" ", "\t", "  ", "\n", "\x0b", "\x0c\r"]))
def test_class_words_by_name(parts: list[str], sep: str) -> None:
    # A new class string is read name by name through names remembered across strings and pages
    # (session 22): the same answer as the whole string, the first time and when every name is known.
    from boilerstrip.parse import _walk

    names = sep.join(parts)
    want = segment._class_words(names)
    assert _walk.class_words_split(names) == want
    assert _walk.class_words_split(names) == want
    assert _walk.class_words_split(sep.join(reversed(parts))) == segment._class_words(sep.join(reversed(parts)))


@needs_compiled
def test_class_words_by_name_keeps_the_first_word_of_each_bit() -> None:
    # Two names with a negative word each: the first one's word, whichever was remembered first.
    from boilerstrip.parse import _walk

    for names in ("sidebar menu", "menu sidebar", "share comments sidebar", "comments share", "x sidebar menu y"):
        for known in names.split():
            _walk.class_words_split(known)
        assert _walk.class_words_split(names) == segment._class_words(names), names
        assert _walk.class_words(names) == segment._class_words(names), names


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["body", "div", "ul", "li", "p", "h2", "x-y", "", "é", "td"]), max_size=9),
       st.sampled_from(["p", "li", "h3", "my-el", "ünï", ""]))
def test_extended_path(parts: list[str], tag: str) -> None:
    # The walk's tag paths in C (session 22) are segment._extend_path's, ASCII or not.
    from boilerstrip.parse import _walk

    path = ">".join(parts)
    assert _walk.extended(path, tag) == segment._extend_path(path, tag)


# Pieces of markup for the raw text strip's test: every state the scan follows on its way to a
# script or style (quoted and unquoted attribute values with "<" and ">" inside, comments with
# their abrupt and "--!>" ends, bogus comments, doctypes, RCDATA and the other RAWTEXT elements,
# a script's "<!--" and "<script" inside it, <svg> and its CDATA, <select>, <math>, cut tags).
_RAW_TOKENS = [
    "<script>", "</script>", "<SCRIPT type='a>b'>", "</ScRiPt >", "<style>", "</style\r>", "<sTyLe media=x/>", "</style/>",
    "a<b", "x", " ", "\n", "<!--", "-->", "--!>", "<!-->", "<!--->", "<!x>", "<?x>", "</x y='>'>", "</>", "</1>",
    "<!DOCTYPE html>", "<title>", "</title>", "<textarea>", "</textarea>", "<xmp>", "</xmp>", "<iframe>", "</iframe>",
    "<noscript>", "</noscript>", "<p>", "</p>", "<div class=\"<script>\">", "<a b=\"c\"d='e'>", "<a =\"x>\">", "<a b= 'c>'>",
    "<a b=c\"d>", "<svg>", "</svg>", "<svg/>", "<svg a=b/>", "<foreignObject>", "<desc>", "<![CDATA[", "]]>", "<select>",
    "</select>", "<math>", "</scripts>", "</script\x00>", "<", "=", "\"", "'", "/", ">", "<body>",
]


def _raw_free(data: bytes) -> str:
    return _compiled._without_raw_text(LexborHTMLParser(data))


@needs_compiled
def test_raw_text_strip_leaves_out_script_and_style_texts() -> None:
    from boilerstrip.parse import _walk

    strip = _walk.strip_raw_text
    assert segment._STRIP_RAW_TEXT is strip
    assert strip(b"<head><script>var a = 1 < 2;</script><STYLE media=x>p{}</STYLE></head><p>Hi</p>") == (
        b"<head><script></script><STYLE media=x></STYLE></head><p>Hi</p>"
    )
    # Not a script: in a quoted attribute value, a comment, RCDATA; a "</script" that is no end tag.
    page = b'<div title="<script>">x</div><!-- <style>a</style> --><title><script>b</script></title><script>c</scripts>d</script>'
    assert strip(page) == b'<div title="<script>">x</div><!-- <style>a</style> --><title><script>b</script></title><script></script>'
    # Where the tree builder could read the text as markup, it is kept, and so is the rest of the
    # page past a place the scan cannot follow.
    for page in (b"<svg><style>a<b>c</style></svg><style>d</style>", b"<script>a<!--<script>x</script>y</script><script>z</script>",
                 b"<math><style>a</style></math><style>b</style>", b"<p>x<svg a=b/><style>q</style>", b"<script>cut"):
        assert strip(page) is page
    assert strip(b"<svg><style>a</style></svg><style>b</style>") == b"<svg><style>a</style></svg><style></style>"
    # The scan stops at <body>: past the head a page's tags cost it more than Lexbor saves.
    assert strip(b"<style>a</style><BODY class=x><style>b</style>") == b"<style></style><BODY class=x><style>b</style>"


@needs_compiled
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_RAW_TOKENS), max_size=30))
def test_raw_text_strip_same_tree(tokens: list[str]) -> None:
    """Lexbor makes the same tree without the texts the strip leaves out, but for those texts."""
    from boilerstrip.parse import _walk

    data = "".join(tokens).encode("utf-8")
    assert _raw_free(_walk.strip_raw_text(data)) == _raw_free(data)


@needs_compiled
def test_segment_html_same_with_the_raw_text_strip(monkeypatch: pytest.MonkeyPatch) -> None:
    """segment_html with and without the strip: the same Segments, the page itself as the source."""
    scripts = "<script>if (a < b) { document.write('<p>never</p>'); }</script><style>p { color: red }</style>"
    html = f"<html><head>{scripts}<title>T</title></head><body>{scripts}<p>" + "Words of a paragraph. " * 12 + f"</p>{scripts}</body></html>"
    for page in (html, _compiled._PROBE):
        got = segment_html(page, max_depth=256, max_blocks=100_000)
        monkeypatch.setattr(segment, "_STRIP_RAW_TEXT", None)
        want = segment_html(page, max_depth=256, max_blocks=100_000)
        monkeypatch.undo()
        assert _segments(got) == _segments(want)
        assert got.source == page.encode("utf-8")
