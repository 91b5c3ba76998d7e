"""Property tests: for any input, boilerstrip raises only its own errors, finishes in
bounded time, is deterministic, and gives out only text that is in the page, in order.

Mutated pages come from the fixtures and the pages of test_robustness.py, with tags
cut, dropped, duplicated, swapped and nested, and hostile tokens put in. "Visible
text" is what docs/robustness.md defines: the text nodes of the parsed page outside
the elements boilerstrip never reads (vocab.SKIP_TAGS) and outside hidden elements;
on a page where that leaves no paragraph, hidden elements and <noscript> count too
(segment.py reads what a script would reveal).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from boilerstrip import BoilerstripError, Document, Options, extract, extract_blocks
from boilerstrip.vocab import FOLDED_RE, SKIP_TAGS

from .test_robustness import AR, DE, JA, PARAS, ZH, article

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "golden").glob("*.html"))] + [
    article(PARAS + DE),
    article(AR + ZH, attrs=' dir="rtl"'),
    "<html><body><nav><a href=/>Home</a></nav><main><h1>Title</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAS)
    + "<ul><li>one item</li><li>two items</li></ul><table><tr><td>a cell</td><td>another cell</td></tr></table>"
    + f"<pre>code  block\n  indented</pre><blockquote>{JA[0]}</blockquote></main><footer>© 2024</footer></body></html>",
]
TEXT_SOURCES = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "seeds").glob("*.txt"))]
# Tokens that parsers treat specially: raw-text and foreign elements, comments, entities, hidden boxes.
HOSTILE = [
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<table>",
    "<td>",
    "</tr>",
    "<li>",
    "<h2>",
    "<pre>",
    "<br>",
    "<a href=x>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<svg>",
    "<math>",
    "<xmp>",
    "<textarea>",
    "<noscript>",
    "<template>",
    "<select>",
    "<frameset>",
    "<iframe>",
    "<plaintext>",
    "<body>",
    "<html>",
    "<head>",
    "<title>",
    "<p hidden>",
    "<div style='display: none'>",
    "<span aria-hidden=true>",
    "<div role=region hidden>",
    "<div aria-labelledby=x style='display:none'>",
    "&",
    "&#",
    "&#x110000;",
    "&#0;",
    "&lt;",
    "&nbsp;",
    "<",
    ">",
    "\x00",
    "\ufeff",
    "\u202e",
    "\r",
    "\ud800",
]
_SURROGATE = re.compile("[\ud800-\udfff]")
_PROBE_LIMIT = 300_000  # stop growing a page past this many characters
# A page of a few hundred KB takes well under a second; 5 s means something is quadratic.
_TIME_BOUND = 5.0
_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def _tokens(page: str) -> list[str]:
    out: list[str] = []
    pos = 0
    while pos < len(page):
        lt = page.find("<", pos)
        if lt < 0:
            out.append(page[pos:])
            break
        if lt > pos:
            out.append(page[pos:lt])
        gt = page.find(">", lt)
        end = len(page) if gt < 0 else gt + 1
        out.append(page[lt:end])
        pos = end
    return out


@st.composite
def mutated(draw: st.DrawFn, sources: list[str] = SOURCES) -> str:
    """A source page with tags cut, dropped, duplicated, swapped, nested and hostile tokens put in."""
    tokens = _tokens(draw(st.sampled_from(sources)))
    for _ in range(draw(st.integers(0, 10))):
        if not tokens:
            break
        op = draw(st.sampled_from(["cut", "drop", "dup", "swap", "nest", "wrap", "hostile", "truncate"]))
        i = draw(st.integers(0, len(tokens) - 1))
        j = draw(st.integers(0, len(tokens) - 1))
        size = sum(map(len, tokens))
        if op == "cut":
            tokens[i] = tokens[i][: draw(st.integers(0, max(len(tokens[i]) - 1, 0)))]
        elif op == "drop":
            del tokens[i]
        elif op == "dup" and size < _PROBE_LIMIT:
            tokens.insert(j, tokens[i])
        elif op == "swap":
            tokens[i], tokens[j] = tokens[j], tokens[i]
        elif op == "nest" and size < _PROBE_LIMIT // 2:
            a, b = min(i, j), max(i, j) + 1
            k = draw(st.integers(a, b))
            tokens[k:k] = tokens[a:b]
        elif op == "wrap":
            tag = draw(st.sampled_from(["div", "p", "table", "li", "a", "b", "pre", "article", "nav", "td"]))
            a, b = min(i, j), max(i, j)
            tokens.insert(b, f"</{tag}>")
            tokens.insert(a, f"<{tag}>")
        elif op == "hostile":
            tokens.insert(i, draw(st.sampled_from(HOSTILE)))
        elif op == "truncate":
            del tokens[i:]
    return "".join(tokens)


def _hidden(attrs: dict[str, str | None], tag: str | None) -> bool:
    role = (attrs.get("role") or "").strip().lower()
    folded = FOLDED_RE.search(attrs.get("class") or "") is not None
    panel = role in ("region", "tabpanel") or folded or (
        "aria-labelledby" in attrs and role not in ("dialog", "alertdialog", "menu", "listbox", "tooltip")
    )
    if "hidden" in attrs:
        return not (panel or attrs["hidden"] == "until-found")
    if attrs.get("aria-hidden") == "true" and tag != "a":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return ("display:none" in style or "visibility:hidden" in style) and not panel


def _squash(text: str) -> str:
    return "".join(text.split())


def visible_text(page: str, *, reveal: bool) -> str:
    """The page's visible text without whitespace (reveal: hidden elements and <noscript> count)."""
    tree = LexborHTMLParser(page)
    start = tree.body or tree.root
    if start is None:
        return ""
    skip = SKIP_TAGS - {"noscript"} if reveal else SKIP_TAGS
    parts = []
    top = start.mem_id
    for node in start.traverse(include_text=True):
        if node.tag != "-text":
            continue
        up = node.parent
        while up is not None and up.mem_id != top:
            if up.tag in skip or (not reveal and _hidden(up.attributes, up.tag)):
                break
            up = up.parent
        else:
            parts.append(node.text_content or "")
    return _squash("".join(parts))


def any_text(page: str) -> str:
    """Every text node but those of <script> and <style>, without whitespace: a superset of the visible text."""
    tree = LexborHTMLParser(page)
    if tree.root is None:
        return ""
    parts = []
    for node in tree.root.traverse(include_text=True):
        if node.tag == "-text" and (node.parent is None or node.parent.tag not in ("script", "style")):
            parts.append(node.text_content or "")
    return _squash("".join(parts))


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def _in_order(pieces: list[str], whole: str) -> bool:
    pos = 0
    for piece in pieces:
        found = whole.find(piece, pos)
        if found < 0:
            return False
        pos = found + len(piece)
    return True


def check_page(page: str | bytes) -> Document | None:
    """Every property at once; the Document, or None when boilerstrip refused the input."""
    t0 = time.perf_counter()
    try:
        out = extract(page)
        doc = extract_blocks(page)
    except BoilerstripError:
        return None
    assert time.perf_counter() - t0 < _TIME_BOUND
    assert isinstance(out, str)
    out.encode("utf-8")  # no lone surrogates
    # Deterministic: the same input gives the same output and labels.
    assert extract(page) == out
    assert [b.label for b in extract_blocks(page).blocks] == [b.label for b in doc.blocks]
    body = [b.text for b in doc.blocks if b.label == "body"]
    assert out == "\n".join(body)
    if isinstance(page, bytes):
        return doc
    # boilerstrip reads a lone surrogate as U+FFFD (decode.py): so does the oracle.
    page = _SURROGATE.sub("\ufffd", page)
    blocks = [_squash(b.text) for b in doc.blocks]
    if doc.input_type == "text":
        visible = _squash(page.replace("\x00", " "))
        assert "".join(blocks) == visible
    else:
        hidden_too = visible_text(page, reveal=True)
        # No text is lost: the blocks hold all the visible text, in order.
        assert "".join(blocks) in (visible_text(page, reveal=False), hidden_too)
        assert _is_subsequence(_squash(out), any_text(page))
        visible = hidden_too
    # Output is a subsequence of the visible text, block by block; every word is in the page.
    assert _in_order([_squash(t) for t in body], visible)
    assert all(word in visible for word in out.split())
    return doc


@_SETTINGS
@given(mutated())
def test_mutated_html(page: str) -> None:
    check_page(page)


@_SETTINGS
@given(mutated(TEXT_SOURCES))
def test_mutated_text_dumps(page: str) -> None:
    check_page(page)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4096))
def test_any_bytes(data: bytes) -> None:
    check_page(data)


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(exclude_categories=()), max_size=2000))
def test_any_text(text: str) -> None:
    check_page(text)


@settings(max_examples=40, deadline=None)
@given(mutated(), st.sampled_from(["utf-8", "utf-16", "cp1252", "gb18030", "shift_jis"]))
def test_mutated_html_as_bytes(page: str, charset: str) -> None:
    check_page(page.encode(charset, "replace"))


@settings(max_examples=30, deadline=None)
@given(
    mutated(), st.sampled_from(["text", "markdown", "json", "html"]), st.integers(1, 40), st.integers(1, 50)
)
def test_limits_and_formats(page: str, output: str, max_depth: int, max_blocks: int) -> None:
    """Any limit and any output format: only boilerstrip's errors, a str, the same twice."""
    opts = Options(output=output, max_depth=max_depth, max_blocks=max_blocks)  # type: ignore[arg-type]
    out = extract(page, options=opts)
    assert isinstance(out, str) and extract(page, options=opts) == out
    assert len(extract_blocks(page, options=opts).blocks) <= max_blocks + 1


# Sentences of running text for the article property: every paragraph made of them is kept.
SENTENCES = (
    "The council met on Monday evening to discuss the new bridge over the river.",
    "Many residents came to listen, and some of them had waited for years to be heard.",
    "After a long debate, the members agreed that the work should start in the spring.",
    "The mayor said that the town had waited long enough for a safe crossing.",
    "Engineers from the regional office explained how the old piers would be removed.",
    "Traffic will be sent through the northern villages while the river is closed to boats.",
    "A local baker said that her customers from across the water would have to drive an hour.",
    "The school board asked for a footpath so that children could walk to their classes.",
    "Money for the project comes from the national fund and from a small local tax.",
    "Some members wanted a cheaper design, but the vote was clear in the end.",
    "The first stones of the new bridge are expected to be laid before the summer.",
    "Fishermen worried about the noise, and the council promised to limit the work at night.",
    "In the meantime, the ferry will run every half hour from early morning until late evening.",
    "Older people in the town remember the flood that took the last bridge away.",
    "The plan also includes a small park on the southern bank with trees and benches.",
    "Several shops near the river hope that more visitors will stop in the town once it is open.",
)


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A page that is one <article> of real paragraphs, with or without chrome around it."""
    order = draw(st.permutations(range(len(SENTENCES))))
    sizes = draw(st.lists(st.integers(2, 3), min_size=1, max_size=5))
    paras, pos = [], 0
    for size in sizes:
        if pos + size > len(order):
            break
        paras.append(" ".join(SENTENCES[i] for i in order[pos : pos + size]))
        pos += size
    nav = draw(st.booleans())
    footer = draw(st.booleans())
    aside = draw(st.booleans())
    body = "".join(f"<p>{p}</p>" for p in paras)
    page = (
        "<!doctype html><html lang=en><head><title>The new bridge</title></head><body>"
        + ("<nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>" if nav else "")
        + f"<article>{body}</article>"
        + (
            "<aside><h3>Related</h3><ul><li><a href=/a>Bridge plans</a></li><li><a href=/b>Ferry times</a></li></ul></aside>"
            if aside
            else ""
        )
        + ("<footer><a href=/about>About us</a> · <a href=/privacy>Privacy</a></footer>" if footer else "")
        + "</body></html>"
    )
    return page, paras


@settings(max_examples=60, deadline=None)
@given(articles())
def test_article_keeps_every_paragraph(case: tuple[str, list[str]]) -> None:
    page, paras = case
    assert extract(page) == "\n".join(paras)


@given(st.lists(st.integers(min_value=-3000, max_value=5000), max_size=60))
@settings(max_examples=200, deadline=None)
def test_span_tree_finds_what_the_scan_finds(values: list[int]) -> None:
    # The region search's segment tree (features._SpanTree) against Kadane's scan
    # (features._best_span): the same span for every part of the page, ties included.
    from boilerstrip.features import _best_span, _SpanTree

    values = [v - v % 500 for v in values]  # multiples of 0.5: many equal sums
    tree = _SpanTree(values)
    for lo in range(len(values) + 1):
        for hi in range(lo, len(values) + 1):
            assert tree.best_span(lo, hi) == _best_span(values, lo, hi)


@given(st.lists(st.floats(min_value=-2.0, max_value=5.0, allow_nan=False).map(lambda x: round(x * 20) / 20), max_size=80))
@settings(max_examples=200, deadline=None)
def test_region_search_is_the_same_with_the_tree(values: list[float]) -> None:
    import numpy as np

    import boilerstrip.features as features

    value = np.asarray(values, dtype=np.float64)
    scan = features._text_region(value)
    saved = features._REGION_SCANS
    features._REGION_SCANS = 0  # the tree from the first split on
    try:
        tree = features._text_region(value)
    finally:
        features._REGION_SCANS = saved
    assert scan[0].tolist() == tree[0].tolist() and scan[1] == tree[1]
