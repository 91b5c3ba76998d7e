"""Segment a page into paragraph-level text blocks.

HTML: one walk over the Lexbor tree with an explicit stack (no recursion, so
100,000 nested tags cost memory for the stack, not the C stack). Every block
element (p, li, td, h1-h6, div ...) closes the run of text before it; the text
inside an <a> that links to another page is counted as link text (_is_link);
script, style and hidden subtrees are skipped. Each block records its context:
the semantic containers above it, the nearest class/id words that say
"navigation" or "content", list and table context, and the index of the block
element that holds it, so that later stages can add up text per element of the
tree.

Plain text: every line is a block (a hard-wrapped paragraph: its lines); blank lines
are kept as structure.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..errors import ParseError
from ..vocab import (
    ARTICLE_TYPES,
    BLOCK_TAGS,
    COMMENT_RE,
    FOLDED_RE,
    NEGATIVE_RE,
    POSITIVE_RE,
    SKIP_TAGS,
    SLIDE_COPY,
    SLIDE_RE,
    THREAD_TYPES,
)

__all__ = [
    "WALKER",
    "Flag",
    "Segments",
    "declares_article",
    "declares_product",
    "declares_thread",
    "segment_html",
    "segment_text",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())


class Flag:
    """Bits of a block's context, inherited from its ancestors."""

    ARTICLE = 1 << 0  # <article>, [itemprop=articleBody], [role=article]
    MAIN = 1 << 1  # <main>, [role=main]
    NAV = 1 << 2  # <nav>, [role=navigation], <menu>
    HEADER = 1 << 3  # <header>, [role=banner] outside an article
    FOOTER = 1 << 4  # <footer>, [role=contentinfo]
    ASIDE = 1 << 5  # <aside>, [role=complementary]
    FORM = 1 << 6  # <form>, [role=search]
    LIST = 1 << 7  # inside ul/ol/dl
    TABLE = 1 << 8  # inside a table cell
    PRE = 1 << 9  # inside <pre>
    QUOTE = 1 << 10  # inside <blockquote>
    FIGURE = 1 << 11  # inside <figure>/<figcaption>
    NEG_CLASS = 1 << 12  # an ancestor's class/id says navigation, sidebar, share ...
    POS_CLASS = 1 << 13  # an ancestor's class/id says article, content, post ...
    COMMENT = 1 << 14  # an ancestor's class/id says comments
    ADDRESS = 1 << 15  # <address>, <time> blocks: bylines and dates
    HEADING = 1 << 16  # inside h1-h6 (set on the block, not inherited)
    DETAILS = 1 << 17  # <details>/<summary>


_TAG_FLAGS = {
    "article": Flag.ARTICLE,
    "main": Flag.MAIN,
    "nav": Flag.NAV,
    "menu": Flag.NAV,
    "header": Flag.HEADER,
    "footer": Flag.FOOTER,
    "aside": Flag.ASIDE,
    "form": Flag.FORM,
    "ul": Flag.LIST,
    "ol": Flag.LIST,
    "dl": Flag.LIST,
    "table": Flag.TABLE,
    "pre": Flag.PRE,
    "blockquote": Flag.QUOTE,
    "figure": Flag.FIGURE,
    "figcaption": Flag.FIGURE,
    "address": Flag.ADDRESS,
    "details": Flag.DETAILS,
}
_ROLE_FLAGS = {
    "main": Flag.MAIN,
    "article": Flag.ARTICLE,
    "navigation": Flag.NAV,
    "menu": Flag.NAV,
    "menubar": Flag.NAV,
    "banner": Flag.HEADER,
    "contentinfo": Flag.FOOTER,
    "complementary": Flag.ASIDE,
    "search": Flag.FORM,
    "dialog": Flag.NAV,
    "alertdialog": Flag.NAV,
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_TEXT_NODE = 2  # lexbor tag id of text nodes
_HIDDEN_STYLE = ("display:none", "visibility:hidden")
# The roles of a disclosure panel (_is_panel), and those of pop-ups that are named by their
# trigger the same way but are no part of the page's text when closed.
_PANEL_ROLES = frozenset(("region", "tabpanel"))
_POPUP_ROLES = frozenset(("dialog", "alertdialog", "menu", "listbox", "tooltip"))
# Tag paths keep the last few block elements: enough to tell "ul>li" from "article>p".
_PATH_DEPTH = 4


@dataclass
class Segments:
    """The blocks of one page as parallel lists, plus the element tree they sit in."""

    texts: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    link_chars: list[int] = field(default_factory=list)
    flags: list[int] = field(default_factory=list)
    depths: list[int] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    # Nearest ancestor class/id word that matched a vocabulary ("" when none).
    neg_tokens: list[str] = field(default_factory=list)
    pos_tokens: list[str] = field(default_factory=list)
    # Index (into elem_*) of the innermost block element holding the block.
    elems: list[int] = field(default_factory=list)
    # Plain text only: blank lines before the block.
    blank_before: list[int] = field(default_factory=list)
    # The block elements: parent index (-1 for the root) and tag.
    elem_parent: list[int] = field(default_factory=list)
    elem_tag: list[str] = field(default_factory=list)
    # The class attribute of each block element: repeated items (posts, cards) share it.
    elem_class: list[str] = field(default_factory=list)
    # The block elements whose own class or id holds a chrome word (NEGATIVE_TOKENS), in
    # document order: an inline element's word counts for the block element around it (which
    # can then stand in the list more than once).
    neg_elems: list[int] = field(default_factory=list)
    title: str | None = None
    language: str | None = None
    truncated: bool = False
    # The page's UTF-8 as parsed (HTML mode), for page-level facts that a rule reads only on
    # the pages where it would act (declares_thread).
    source: bytes = field(default=b"", repr=False, compare=False)
    # Text past Options.max_blocks, kept (not lost) as one last chrome block.
    overflow: list[str] = field(default_factory=list)
    _class_text: str | None = field(default=None, init=False, repr=False, compare=False)
    # Page-level results that more than one rule reads, made by the first that asks
    # (features.under_review_class).
    shared: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.texts)

    def elem_array(self) -> npt.NDArray[np.int64]:
        """elems as an int64 array, made once a page (read-only: the rules only index with it)."""
        return self._int_array("elems", self.elems)

    def parent_array(self) -> npt.NDArray[np.int64]:
        """elem_parent as an int64 array, made once a page (read-only: the rules only index with it)."""
        return self._int_array("elem_parent", self.elem_parent)

    def _int_array(self, key: str, values: list[int]) -> npt.NDArray[np.int64]:
        # A dozen steps asked for these arrays, each making its own (5-10 µs a time).
        got = self.shared.get(key)
        if got is None or len(got) != len(values):  # type: ignore[arg-type]
            got = _int64_array(values)
            got.flags.writeable = False
            self.shared[key] = got
        return got  # type: ignore[return-value]

    def class_text(self) -> str:
        """The block elements' class attributes, one a line (elem_class joined by newlines).

        Rules that act on a class word look for it in this one string before they look at any
        element (most pages hold none of their words); made once a page, on the first ask.
        """
        if self._class_text is None:
            self._class_text = "\n".join(self.elem_class)
        return self._class_text


def _is_panel(role: str | None, labelled: bool, hidden: str | None, names: str | None) -> bool:
    """Whether an element is a disclosure panel: a collapsed accordion section or an inactive
    tab, which a click on its heading or tab shows.

    ARIA marks one with role="region" or role="tabpanel", or names it by its trigger with
    aria-labelledby; UI kits name it in its class (vocab.FOLDED_TOKENS: "accordion",
    "collapse"). Dialogs, menus, list boxes and tooltips are named by their trigger too but
    are no part of the page's text when closed. hidden="until-found" is the HTML standard's
    own collapsed section: find-in-page opens it. The arguments are the role attribute,
    whether aria-labelledby is there, the hidden attribute and the class attribute;
    parse/_walk.pyx calls this too.
    """
    role = (role or "").strip().lower()
    if role in _PANEL_ROLES:
        return True
    if labelled and role not in _POPUP_ROLES:
        return True
    return hidden == "until-found" or (names is not None and _names_folded(names))


def _names_folded(names: str) -> bool:
    """FOLDED_RE.search(names) is not None, without the search where none of its words stands.

    The search tries its lookbehinds at every character (~1 µs each: 35 µs for a class string
    of 35 characters); in an ASCII string its case-blind words match only their ASCII cases,
    so a string that holds none of them taken lowercase (nearly every one) cannot match.
    """
    if _FOLDED_WORDS is not None and names.isascii():
        low = names.lower()
        if not any(w in low for w in _FOLDED_WORDS):
            return False
    return FOLDED_RE.search(names) is not None


def _is_hidden(attrs: dict[str, str | None], tag: str) -> bool:
    """Whether an element is hidden: the hidden attribute, a display:none or visibility:hidden
    style, or aria-hidden="true" on anything but a link.

    aria-hidden keeps an element from screen readers only. On a container it marks a closed
    menu, a player's controls or an icon; on a link it marks a second link to the same place
    (a card's teaser text, linked again beside its headline), which the eye sees all the same.
    A disclosure panel (_is_panel) shut by the attribute or the style is not hidden: its text
    is the page's, one click away (an FAQ's answers, a guide's steps, a product's description
    and specifications). aria-hidden alone still hides one, as it hides a closed menu.
    parse/_walk.pyx decides the same on the attributes' bytes.
    """
    if "hidden" not in attrs:
        if attrs.get("aria-hidden") == "true" and tag != "a":
            # A carousel's slide is aria-hidden while another one shows: its text is the page's.
            return not _names_slide(attrs.get("class"))
        style = attrs.get("style")
        if not style or not ("none" in style or "hidden" in style):
            return False
        compact = style.replace(" ", "").lower()
        if not any(s in compact for s in _HIDDEN_STYLE):
            return False
    return not _is_panel(attrs.get("role"), "aria-labelledby" in attrs, attrs.get("hidden"), attrs.get("class"))


def _names_slide(names: str | None) -> bool:
    """Whether a class names a carousel's slide (vocab.SLIDE_RE), not a looping carousel's copy of one.

    A carousel marks the slides it does not show aria-hidden; their text is the page's, one
    swipe away, as a folded panel's is one click away. parse/_walk.pyx calls this too.
    """
    return names is not None and not any(w in names for w in SLIDE_COPY) and SLIDE_RE.search(names) is not None


def _is_link(href: str | None) -> bool:
    """True when an <a>'s href leads to another page, so that its text counts as link text.

    Named anchors (<a name=x>, no href), in-page jumps (href="#top"), empty hrefs and
    javascript: links (case-insensitive) are not: pages wrap headings, whole paragraphs
    or the entire article in them (readability's js-link-replacement page), and counted
    as links they made content look like navigation. The value is stripped of
    whitespace (str.strip) first. parse/_walk.pyx mirrors this on the attribute's bytes.
    """
    if not href:
        return False
    href = href.strip()
    # lower() of 11 characters equals "javascript:" exactly when they do, ASCII case aside.
    return bool(href) and href[0] != "#" and href[:11].lower() != "javascript:"


# The children of <head> that the parser may give elements of their own (noscript with
# scripting off, template): a title inside one would come before the next child's.
_HEAD_HOLDERS = frozenset(("noscript", "template"))


def _head_child(tree: LexborHTMLParser, tag: str) -> LexborNode | None:
    """The first <tag> element among head's children before any _HEAD_HOLDERS, else None.

    It is the first <tag> of the whole page when there: nothing but comments comes before head.
    The page's first CSS query builds Lexbor's selector engine (5-6 µs), which a title in
    head (most pages) spares.
    """
    head = tree.head
    if head is not None:
        for child in head.iter():
            name = child.tag
            if name == tag:
                return child
            if name in _HEAD_HOLDERS:
                break
    return None


def _head_facts(tree: LexborHTMLParser) -> tuple[str | None, str | None]:
    """The page title and declared language."""
    title, lang = _HEAD_READ(tree)
    if title is not None:
        title = " ".join(title.split()) or None
    if lang:
        lang = lang.strip().lower().replace("_", "-").split("-")[0][:3] or None
    return title, lang


def _head_read(tree: LexborHTMLParser) -> tuple[str | None, str | None]:
    """What _head_facts reads from the tree: the title's text and the declared language, as they stand.

    The title is head's (_head_child), else the page's first; the language the root <html>'s
    lang (or xml:lang) attribute, else a <meta http-equiv="content-language">'s content
    (_meta_language). parse/_walk.pyx's head_read reads the same from lexbor's nodes (session 19).
    """
    node = _head_child(tree, "title")
    if node is None:
        node = tree.css_first("title")
    text = node.text(deep=True) if node is not None else None
    lang = None
    root = tree.root
    if root is not None and root.tag == "html":
        lang = root.attributes.get("lang") or root.attributes.get("xml:lang")
    if not lang and root is not None:
        lang = _meta_language(root)
    return text, lang


def _meta_language(root: LexborNode) -> str | None:
    """The content of the first <meta http-equiv="content-language"> below root, else None."""
    meta = root.css_first('meta[http-equiv="content-language" i]')
    return meta.attributes.get("content") if meta is not None else None


def segment_html(text: str | None, *, max_depth: int, max_blocks: int, utf8: bytes | None = None) -> Segments:
    """Parse HTML and cut its visible text into blocks.

    Args:
        text: the page, or None when utf8 holds it (decode.decode_page_lazily): a big page
            is then never held as a str.
        utf8: text's UTF-8 when the caller has it (decode.decode_page), so as not to encode again.
    """
    # The UTF-8 the parser reads: selectolax encodes a str just so (errors="ignore").
    if utf8 is not None:
        data = utf8
    elif text is not None:
        data = text.encode("utf-8", "ignore")
    else:
        raise ValueError("segment_html needs text or utf8")
    if _MAY_NEST_DEEPLY(data):
        text = cap_nesting(data.decode("utf-8") if text is None else text, max_depth + _CAP_MARGIN)
        data = text.encode("utf-8", "ignore")
    try:
        # Without the script and style texts when the strip is in use: the walk skips them,
        # and the declaration tests read seg.source, the page as it stands.
        tree = LexborHTMLParser(data if _STRIP_RAW_TEXT is None else _STRIP_RAW_TEXT(data))
    except Exception as exc:  # the parser's own errors carry no stable type
        raise ParseError(f"the HTML parser gave up: {exc}") from exc
    seg = Segments()
    seg.title, seg.language = _head_facts(tree)
    seg.source = data
    start = tree.body
    if start is None:
        # A frameset or a document without <body>: walk whatever the root holds.
        start = tree.root
    if start is None:
        return seg
    # The panels' scan runs only if the walk meets a hidden element with an id (4 pages in 10).
    opened = _ShutPanels(data)
    _WALK(start, seg, max_depth, max_blocks, SKIP_TAGS, True, opened)
    if max(map(len, seg.texts), default=0) < _PARAGRAPH_CHARS:
        # No paragraph is visible: a page that scripts reveal (content in <noscript>, or
        # in a container hidden until a script shows it). Read what a reader would see
        # once the page has loaded: hidden subtrees and <noscript> too.
        again = Segments(title=seg.title, language=seg.language, source=data)
        _WALK(start, again, max_depth, max_blocks, _SKIP_BUT_NOSCRIPT, False, opened)
        if _has_paragraph(again):
            return again
    return seg


# A disclosure widget names the panel it opens: its button says aria-expanded="false" and
# aria-controls="<the panel's id>" while the panel is shut (WAI-ARIA's disclosure and accordion
# patterns). A shut panel is hidden by the attribute, the style or aria-hidden; its text is the
# page's, one click away, whatever its class (an FAQ's answers, a product's specifications).
_CONTROLS_MARK = b"aria-controls"
_CONTROLS_RE = re.compile(rb"""aria-controls\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_SHUT_RE = re.compile(rb"""aria-expanded\s*=\s*["']?false\b""")
# The panels a page opens, at most (the dev pages' most: 20), and how far below its button a
# panel's tag is looked for (an accordion's panel follows its heading; the dev pages' farthest
# stood 18 KB below, of 410; two stood 90 KB below, 27 above their buttons).
_PANELS = 200
_PANEL_REACH = 20000
# The reach from a place in the markup to its tag's "<" and ">" (a tag longer than that is no
# disclosure button's or panel's: an attribute in a script's string).
_TAG_REACH = 2000


class _ShutPanels:
    """_shut_panels(data) as the walk's opened, found the first time the walk asks for an id.

    The walk asks only at a hidden element with an id: most pages have none, and the scan of the
    markup's bytes (~0.16 M instructions a page of 136 KB, a twentieth of the segment stage
    without the parse) is left undone there (session 25). None, an element without an id, is
    never in it.
    """

    __slots__ = ("_data", "_ids")

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._ids: frozenset[str] | None = None

    def __contains__(self, ident: object) -> bool:
        if ident is None:
            return False
        if self._ids is None:
            self._ids = _shut_panels(self._data)
        return ident in self._ids


def _tag_around(data: bytes, at: int) -> bytes | None:
    """The markup of the tag that holds data[at] ("<" up to ">"), or None beyond _TAG_REACH."""
    start = data.rfind(b"<", max(0, at - _TAG_REACH), at)
    end = data.find(b">", at, at + _TAG_REACH)
    if start < 0 or end < 0 or data.find(b">", start, at) >= 0:
        return None
    return data[start:end]


def _shut_panels(data: bytes) -> frozenset[str]:
    """The ids of the panels that shut disclosure buttons control (aria-controls), which the walk
    reads whatever hides them (_walk's opened).

    The buttons and the panels are found in the markup's bytes, a panel's id within _PANEL_REACH
    below its button's, and kept when its tag says hidden or none; the walk asks for an element's
    id only where _is_hidden hides it. No query of the tree: a selector query walks the whole
    tree and tries each id at every element (2-6 ms on a big shop page with many panels).
    """
    seen: set[bytes] = set()
    shut: set[str] = set()
    for at in _byte_places(data, _CONTROLS_MARK):
        tag = _tag_around(data, at)
        if tag is None or _SHUT_RE.search(tag) is None:
            continue
        named = _CONTROLS_RE.search(tag)
        if named is None:
            continue
        for ident in (named.group(1) or named.group(2) or named.group(3) or b"").split():
            if ident in seen or b"\\" in ident or b'"' in ident or len(seen) >= _PANELS:
                continue
            seen.add(ident)
            place = data.find(b'id="' + ident + b'"', at, at + _PANEL_REACH)
            if place < 0:
                continue
            panel_tag = _tag_around(data, place)
            if panel_tag is None or (b"hidden" not in panel_tag and b"none" not in panel_tag):
                continue
            # The parser reads U+0000 in an attribute as U+FFFD.
            shut.add(ident.decode("utf-8", "replace").replace("\0", "\ufffd"))
    return frozenset(shut)


def _byte_places(data: bytes, literal: bytes) -> list[int]:
    """Every place literal stands in data, overlapping ones too, in order. Its compiled twin
    (_kernels.bs_memmem) tests 16 places at a time by the literal's first and last bytes (SSE2),
    else uses the C library's memmem, several times faster than bytes.find on a page's markup
    (the declaration tests scan a page of 300 KB in ~0.1 ms for a literal)."""
    out = []
    at = data.find(literal)
    while at >= 0:
        out.append(at)
        at = data.find(literal, at + 1)
    return out


def _bytes_hold(data: bytes, literal: bytes) -> bool:
    """Whether literal stands in data; its compiled twin searches as _byte_places' does."""
    return literal in data


def _int64_array(values: list[int]) -> npt.NDArray[np.int64]:
    """values as an int64 array (Segments.elem_array, parent_array). Its compiled twin reads the
    ints in one C loop, where np.asarray first finds each item's type (~5 µs a page)."""
    return np.asarray(values, dtype=np.int64)


def _str_holds(text: str, part: str) -> bool:
    """part in text; its compiled twin searches a one-byte str (a page's class text, ~6 KB) as
    _byte_places' does (under_review_class, drop_signatures)."""
    return part in text


_THREAD_BYTES = tuple(t.encode() for t in THREAD_TYPES)
# One of them as a JSON-LD "@type" (alone or in a list, bare or as a schema.org URL, "/" escaped
# or not) or as a microdata itemtype.
_THREAD_NAMES = "|".join(THREAD_TYPES).encode()
# A match of the first opens on the literal "@type"; one of the second holds "schema.org/" and a
# type's name (_THREAD_URLS). declares_thread searches them one at a time (_THREAD_DECLARED, the
# two together, is the reference the tests hold it to).
_THREAD_JSON_LD = regex.compile(
    rb'"@type"\s*:\s*(?:\[[^\]]*)?"(?:https?:\\?/\\?/schema\.org\\?/)?(?:' + _THREAD_NAMES + rb')"'
)
_THREAD_MICRODATA = regex.compile(rb"(?i:itemtype)\s*=\s*[\"']?https?://schema\.org/(?:" + _THREAD_NAMES + rb")/?(?![\w/])")
_THREAD_DECLARED = regex.compile(_THREAD_JSON_LD.pattern + b"|" + _THREAD_MICRODATA.pattern)
_THREAD_URLS = tuple(b"schema.org/" + t for t in _THREAD_BYTES)


def declares_thread(seg: Segments) -> bool:
    """Whether the page declares a discussion thread in its structured data.

    Forum engines and Q&A sites give a thread page the schema.org type DiscussionForumPosting
    or QAPage (JSON-LD "@type", or microdata itemtype) for search engines; no article, shop or
    listing carries it (on the dev split: 40 of wcxb-dev's 64 forum pages, two forum threads of
    trafilatura-eval, no other page of the six datasets). A page's text that names the type is
    no declaration. Two byte searches (~0.6 ms a megabyte), so asked only where a rule would
    act on the answer (features._comments_as_content), never for every page.
    """
    data = seg.source
    if not any(_bytes_hold(data, t) for t in _THREAD_BYTES):
        return False
    # _THREAD_DECLARED.search(data), alternative by alternative: a search of the two together
    # tries both at every byte (~0.1 ms for a page of 100 KB); a match of the first opens on the
    # literal "@type" and is tried only there, and the second is searched only on a page that
    # holds "schema.org/" and a type's name (the same answer on every page).
    for at in _byte_places(data, b'"@type"'):
        if _THREAD_JSON_LD.match(data, at) is not None:
            return True
    if not any(_bytes_hold(data, url) for url in _THREAD_URLS):
        return False
    return _THREAD_MICRODATA.search(data) is not None


# A product as a JSON-LD "@type" or a microdata itemtype (as _THREAD_DECLARED), or an Open Graph
# type ("product", "product.item", "product.group", in either order of the <meta>'s attributes).
# Four searches: one pattern of the four alternatives scans ~20 times slower (~25 ms a megabyte).
# Each is tried around the places its literal appears (_declares).
_PRODUCT_DECLARED = tuple(
    regex.compile(pattern)
    for pattern in (
        rb'"@type"\s*:\s*(?:\[[^\]]*)?"(?:https?:\\?/\\?/schema\.org\\?/)?Product"',
        rb"(?i:itemtype)\s*=\s*[\"']?https?://schema\.org/Product/?(?![\w/])",
        rb"(?i:property)\s*=\s*[\"']og:type[\"'][^<>]{0,200}?(?i:content)\s*=\s*[\"']product(?:\.item|\.group)?[\"']",
        rb"(?i:content)\s*=\s*[\"']product(?:\.item|\.group)?[\"'][^<>]{0,200}?(?i:property)\s*=\s*[\"']og:type[\"']",
    )
)


# The literal each declaration search holds (JSON-LD, microdata, Open Graph twice), and how far its
# match may start before the literal and end after it: a search tries only those windows.
_DECLARED_LITERALS = ((b'"@type"', 0, 4096), (b"schema.org/", 256, 256), (b"og:type", 256, 512), (b"og:type", 512, 256))


def _declares(data: bytes, searches: tuple[regex.Pattern[bytes], ...]) -> bool:
    """Whether one of the declaration searches (in _DECLARED_LITERALS' order) matches data.

    A pattern that opens on a case-blind word ("property", "content", "itemtype") is tried at
    every place that word appears, ~0.15 ms for a page of 250 KB, four of them 0.6 ms; the
    literals it cannot match without appear a few times a page, and a byte search finds them
    (~0.01 ms). The windows are wider than any declaration (a <meta> of 200 characters between
    its attributes, a JSON-LD type list).
    """
    # The patterns by their literal: the page is scanned for each literal once, and each of its
    # patterns tried at each place (Open Graph's two orders share "og:type"; a scan of a page of
    # 300 KB is ~0.1 ms). The answer is any pattern's match, whatever the order of the tries.
    tries: dict[bytes, list[tuple[Callable[[bytes, int, int], object], int, int]]] = {}
    for (literal, before, after), pattern in zip(_DECLARED_LITERALS, searches, strict=True):
        # A pattern that opens on its literal (before == 0) can only match at one of the literal's
        # places, each of which the loop visits with a window reaching as far: a match there, not a
        # search through the window (a JSON-LD page repeats "@type" a hundred times and more, and
        # each search ran through its 4 KB again, up to 1 ms a page).
        tries.setdefault(literal, []).append((pattern.match if before == 0 else pattern.search, before, after))
    for literal, finds in tries.items():
        for at in _byte_places(data, literal):
            end = at + len(literal)
            for find, before, after in finds:
                if find(data, max(0, at - before), end + after) is not None:
                    return True
    return False


def declares_product(seg: Segments) -> bool:
    """Whether the page declares a product in its structured data: a shop's product page.

    Shops mark a product page with the schema.org type Product (JSON-LD "@type", microdata
    itemtype) or the Open Graph type "product" for search engines and link previews (50 of
    wcxb-dev's 57 product pages, 15 of its 62 collections, 15 of its 667 service, listing and
    article pages; 35 of the other datasets' 2,739 pages). A page's text that
    names the type is no declaration. A byte search, asked only where a rule would act on the
    answer (smooth.drop_product_reviews).
    """
    data = seg.source
    if not _bytes_hold(data, b"roduct"):
        return False
    return _declares(data, _PRODUCT_DECLARED)


_ARTICLE_NAMES = "|".join(ARTICLE_TYPES).encode()
# One of them as a JSON-LD "@type" or a microdata itemtype (as _THREAD_DECLARED), or the Open Graph
# type "article" (in either order of the <meta>'s attributes).
_ARTICLE_DECLARED = tuple(
    regex.compile(pattern)
    for pattern in (
        rb'"@type"\s*:\s*(?:\[[^\]]*)?"(?:https?:\\?/\\?/schema\.org\\?/)?(?:' + _ARTICLE_NAMES + rb')"',
        rb"(?i:itemtype)\s*=\s*[\"']?https?://schema\.org/(?:" + _ARTICLE_NAMES + rb")/?(?![\w/])",
        rb"(?i:property)\s*=\s*[\"']og:type[\"'][^<>]{0,200}?(?i:content)\s*=\s*[\"']article[\"']",
        rb"(?i:content)\s*=\s*[\"']article[\"'][^<>]{0,200}?(?i:property)\s*=\s*[\"']og:type[\"']",
    )
)


def declares_article(seg: Segments) -> bool:
    """Whether the page declares an article in its structured data: a story, a post, a report.

    Publishers mark an article page with a schema.org article type (vocab.ARTICLE_TYPES, JSON-LD
    "@type" or microdata itemtype) or the Open Graph type "article" for search engines and link
    previews (358 of wcxb-dev's 488 article pages, 26 of its 114 service pages, 49 of its 329
    other pages). A page's text that names the type is no declaration. A byte search, asked only
    where a rule would act on the answer (smooth.drop_calls_to_action).
    """
    data = seg.source
    if not _bytes_hold(data, b"rticle") and not _bytes_hold(data, b"Posting") and not _bytes_hold(data, b"Report"):
        return False
    return _declares(data, _ARTICLE_DECLARED)


# A paragraph of running text: about 25 words.
_PARAGRAPH_CHARS = 150


def _has_paragraph(seg: Segments) -> bool:
    """Whether a block is a paragraph: _PARAGRAPH_CHARS long and under half link text.

    A hidden drop-down menu holds long lines of links once revealed; it is no paragraph a
    script would show, and revealing it (with the page's <noscript> warnings) for its sake
    only adds chrome to a page of short posts or items.
    """
    texts, links = seg.texts, seg.link_chars
    return any(len(t) >= _PARAGRAPH_CHARS and 2 * links[k] < len(t) for k, t in enumerate(texts))
_SKIP_BUT_NOSCRIPT = SKIP_TAGS - {"noscript"}


def _may_nest_deeply(data: bytes) -> bool:
    """True when the page may nest elements over _DEEP_LIMIT deep.

    Lexbor's tree builder slows down quadratically with nesting depth (every new element
    scans the stack of open elements): 100,000 nested <div>s take minutes. The bound here
    counts every "<letter" as an opening and every "</" as a closing tag, except the tags of
    void elements (<br>, <img>, ..., which never hold anything: a page of many images and
    line breaks is not deep), so self-closing and auto-closed elements only make it larger:
    it never misses a deep page, costs ~0.1 ms (numpy over the bytes), and only pages it
    flags pay for cap_nesting's exact scan. data is the page's UTF-8 as the parser reads it.
    """
    codes = np.frombuffer(data, dtype=np.uint8)
    lt = np.flatnonzero(codes == 60)  # "<"
    if len(lt) < _DEEP_LIMIT:
        return False
    after = codes[np.minimum(lt + 1, len(codes) - 1)]
    closing = after == 47  # "/"
    name_at = lt + 1 + closing
    first = codes[np.minimum(name_at, len(codes) - 1)] | 32
    letter = (first >= 97) & (first <= 122) & (name_at < len(codes))
    opening = letter & ~closing
    steps = opening.astype(np.int32) - closing.astype(np.int32)
    # The void elements' tags count neither way: the next _VOID_LONGEST + 1 bytes of each name.
    padded = np.concatenate((codes, np.zeros(_VOID_LONGEST + 1, dtype=np.uint8)))
    window = padded[name_at[:, None] + np.arange(_VOID_LONGEST + 1)]
    lower = np.where((window >= 65) & (window <= 90), window | 32, window)
    void = np.zeros(len(lt), dtype=bool)
    for name in _VOID_NAMES:
        size = len(name)
        void |= (lower[:, :size] == np.frombuffer(name, dtype=np.uint8)).all(axis=1) & np.isin(
            window[:, size], _NAME_ENDS
        )
    steps[void & letter] = 0
    return int(np.cumsum(steps).max()) >= _DEEP_LIMIT


# Elements that never hold others, and the bytes that can end a tag name ("\t\n\f\r /" and ">").
_VOID_NAMES = tuple(
    n.encode("ascii") for n in "area base br col embed hr img input link meta source track wbr".split()
)
_VOID_LONGEST = max(map(len, _VOID_NAMES))
_NAME_ENDS = np.array([9, 10, 12, 13, 32, 47, 62], dtype=np.uint8)


# Pages nesting deeper than this are flattened to Options.max_depth before parsing; below
# it Lexbor parses in well under a second whatever the nesting.
_DEEP_LIMIT = 2000
# The cap leaves room above Options.max_depth (html, body, inline tags): segmentation
# itself flattens at max_depth, so the cap changes no output, only the parse time.
_CAP_MARGIN = 16
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]{0,30})[^<>]{0,2000}>")
# Elements that never hold others (void) or close themselves when a sibling opens.
_NO_NEST = frozenset(
    "area base br col embed hr img input link meta source track wbr p li dt dd td th tr option".split()
)


def cap_nesting(text: str, max_depth: int) -> str:
    """Drop opening tags (and their closing tags) nested deeper than ``max_depth``.

    Their text stays, joined to the ancestor at the limit, as segment_html does with
    elements over Options.max_depth; only the pathological markup goes.
    """
    out: list[str] = []
    stack: list[str] = []
    dropped: dict[str, int] = {}
    pos = 0
    for m in _TAG.finditer(text):
        closing, name = m.group(1), m.group(2).lower()
        if name in _NO_NEST:
            continue
        if not closing:
            if len(stack) >= max_depth:
                out.append(text[pos : m.start()])
                pos = m.end()
                dropped[name] = dropped.get(name, 0) + 1
            else:
                stack.append(name)
        elif stack and stack[-1] == name:
            stack.pop()
        elif dropped.get(name):
            out.append(text[pos : m.start()])
            pos = m.end()
            dropped[name] -= 1
        elif name in stack[-16:]:
            while stack and stack.pop() != name:
                pass
    out.append(text[pos:])
    return "".join(out)


def _walk(
    start: LexborNode,
    seg: Segments,
    max_depth: int,
    max_blocks: int,
    skip: frozenset[str],
    hide: bool,
    opened: Container[str | None],
) -> None:
    """Cut the visible text below start into blocks (appended to seg).

    Args:
        hide: skip the subtrees _is_hidden hides (the first walk; the re-walk reads them).
        opened: the ids of elements read whatever hides them (_shut_panels; a frozenset, or
            _ShutPanels, which scans for them when first asked). None is in neither.
    """
    texts = seg.texts
    elem_parent = seg.elem_parent
    elem_tag = seg.elem_tag
    elem_class = seg.elem_class
    neg_elems = seg.neg_elems
    buf: list[str] = []
    buf_link = 0
    # Context of the innermost open block element.
    flags = 0
    neg_tok = ""
    pos_tok = ""
    elem = 0
    kind = start.tag or "body"
    path = kind
    link_depth = 0
    depth = 0
    elem_parent.append(-1)
    elem_tag.append(kind)
    elem_class.append("")
    # Per page: a template repeats the same class strings and tag paths hundreds of times.
    class_memo: dict[str, tuple[int, str | None, str | None]] = {}
    # The tag and class of the inline element that just ended, with nothing after it yet, and
    # of each open element; whether the open block's text holds a mark (_space_items).
    ended: tuple[str, str] | None = None
    marks: list[tuple[str, str]] = []
    marked = False
    path_memo: dict[tuple[str, str], str] = {}

    def flush() -> None:
        nonlocal buf, buf_link, marked
        if not buf:
            return
        raw = "".join(buf)
        if flags & Flag.PRE:
            out = raw.strip("\n\r")
            if not out.strip():
                out = ""
        else:
            out = " ".join(raw.split())
        if marked:
            out = _space_items(out)
            marked = False
        if out:
            if len(texts) >= max_blocks:
                seg.truncated = True
                seg.overflow.append(out)
            else:
                texts.append(out)
                seg.kinds.append(kind)
                seg.link_chars.append(min(buf_link, len(out)))
                block_flags = flags | Flag.HEADING if kind in _HEADINGS else flags
                seg.flags.append(block_flags)
                seg.depths.append(depth)
                seg.paths.append(path)
                seg.neg_tokens.append(neg_tok)
                seg.pos_tokens.append(pos_tok)
                seg.elems.append(elem)
                seg.blank_before.append(0)
        buf = []
        buf_link = 0

    # Children come from iter() (one C loop per element) rather than .child/.next, which
    # build a wrapper per step. Each stack entry: the parent's iterator, positioned after
    # the element we entered, and the state to restore when that element ends.
    stack: list[tuple[Iterator[LexborNode], bool, int, str, str, int, str, str, int, int]] = []
    children: Iterator[LexborNode] = start.iter(include_text=True)
    while True:
        for node in children:
            content = node.text_content  # None for every node but text
            if content is not None:
                if content:
                    ended = None
                    buf.append(content)
                    if link_depth:
                        buf_link += len(content.strip())
                continue
            tag = node.tag
            if tag is None or tag in skip or tag.startswith("-"):
                continue
            attrs = node.attributes
            if (
                hide
                and attrs
                and ("hidden" in attrs or "style" in attrs or "aria-hidden" in attrs)
                and _is_hidden(attrs, tag)
                and attrs.get("id") not in opened
            ):
                continue
            if tag == "br" or tag == "hr":
                if buf:
                    flush()
                continue
            if node.first_child is None:
                continue
            is_block = tag in BLOCK_TAGS and depth < max_depth
            mark = (tag, (attrs.get("class") or "") if attrs else "")
            if ended is not None and not is_block and buf and not flags & Flag.PRE:
                # Two inline elements abut: a space or nothing, _space_items decides at the flush.
                buf.append(_ITEM_MARK if ended == mark and mark[1] else _ABUT_MARK)
                marked = True
            ended = None
            marks.append(mark)
            stack.append((children, is_block, flags, neg_tok, pos_tok, elem, kind, path, link_depth, depth))
            if is_block:
                if buf:
                    flush()
                depth += 1
                elem_parent.append(elem)
                elem_tag.append(tag)
                elem_class.append((attrs.get("class") or "") if attrs else "")
                elem = len(elem_tag) - 1
                kind = tag
                key = (path, tag)
                next_path = path_memo.get(key)
                if next_path is None:
                    next_path = path_memo[key] = _extend_path(path, tag)
                path = next_path
                tag_flag = _TAG_FLAGS.get(tag)
                if tag_flag:
                    if tag == "header" and flags & (Flag.ARTICLE | Flag.MAIN):
                        tag_flag = 0  # an article's own header holds its title and byline
                    flags |= tag_flag
                if tag == "td" or tag == "th":
                    flags |= Flag.TABLE
            elif tag == "a" and attrs and _is_link(attrs.get("href")):
                link_depth += 1
            if attrs:
                role = attrs.get("role")
                if role:
                    role_flag = _ROLE_FLAGS.get(role.strip().lower())
                    if role_flag:
                        flags |= role_flag
                if attrs.get("itemprop") in ("articleBody", "text", "reviewBody", "description"):
                    flags |= Flag.ARTICLE
                names = attrs.get("class") or ""
                ident = attrs.get("id")
                if ident:
                    names = f"{names} {ident}"
                if names:
                    hit = class_memo.get(names)
                    if hit is None:
                        hit = class_memo[names] = _class_words(names)
                    if hit[0]:
                        flags |= hit[0]
                        if hit[1] is not None:
                            neg_tok = hit[1]
                            neg_elems.append(elem)
                        if hit[2] is not None:
                            pos_tok = hit[2]
            children = node.iter(include_text=True)
            break
        else:
            # The children are done: leave their parent and restore its enclosing state.
            if not stack:
                break
            children, was_block, flags_, neg_, pos_, elem_, kind_, path_, link_, depth_ = stack.pop()
            if was_block and buf:
                flush()
            mark = marks.pop()
            ended = None if was_block else mark
            flags, neg_tok, pos_tok, elem, kind, path, link_depth, depth = (
                flags_, neg_, pos_, elem_, kind_, path_, link_, depth_
            )
    flush()


# Where two inline elements abut with no space between them, the walk leaves a mark: _ITEM_MARK
# between alike elements (one tag, one class: a film's year, running time and rating; a post's
# badge counts), _ABUT_MARK between others (a card's brand and product name). U+0000 never reaches
# a text node (the HTML parser drops it); U+FDD0 is a noncharacter, which text has no use for
# (and only a block the walk marked is looked at).
_ITEM_MARK = "\x00"
_ABUT_MARK = "\ufdd0"
_MARKS = re.compile(" ?[\x00\ufdd0]+ ?")


def _space_items(text: str) -> str:
    """Turn each run of marks in a folded block text into a space, or into nothing.

    Two alike items abutting are two words to the reader, as their stylesheet sets them apart:
    "2026", "1h 54m", "R" are three. A word split between two alike spans (a highlighted search
    term, "child" + "ren") is one: a mark before a lowercase letter joins it to a lowercase
    letter, or to a capital that opens a word ("C" + "orn", a word's first letter styled apart).
    Between other elements a lowercase letter before a capital is a gap (a card's "The North
    Face" and "Wawona 6 Tent"), and so is an acronym before a capitalised word (a card's brand
    "HOKA" and its product "Clifton 10"); "<b>F</b>igure", "<b>NDR</b>-Recherchen",
    "surnomm<i>ait</i>" are read as written. A mark at the text's edge, or beside a space, adds
    nothing. parse/_walk.pyx calls this too.
    """

    def gap(m: re.Match[str]) -> str:
        at, end = m.start(), m.end()
        if at == 0 or end == len(text):
            return ""
        if end - at > len(m.group().strip(" ")):
            return " "
        before, after = text[at - 1], text[end]
        if _ITEM_MARK in m.group():
            if after.islower() and (
                before.islower() or (before.isupper() and (at < 2 or not text[at - 2].isalnum()))
            ):
                return ""
            return " "
        if after.isupper() and (
            before.islower()
            or (
                before.isupper()
                and at >= 2
                and text[at - 2].isupper()
                and end + 1 < len(text)
                and text[end + 1].islower()
            )
        ):
            return " "
        return ""

    return _MARKS.sub(gap, text)


def _extend_path(path: str, tag: str) -> str:
    """The tag path of a block element: its parent block's path, cut to _PATH_DEPTH, plus its tag."""
    return f"{path.rsplit('>', _PATH_DEPTH - 1)[-1] if path.count('>') >= _PATH_DEPTH - 1 else path}>{tag}"


def _vocab_words(rx: regex.Pattern[str]) -> frozenset[str] | None:
    """The words of a vocab.py class/id pattern, or None when it is not of the shape _class_words knows.

    The patterns say: a listed word, case-insensitive, that starts where a run of
    lowercase letters does not continue (or at a camelCase hump) and is not followed by
    a lowercase letter, the longest word first. Only a pattern built exactly so gets the
    fast path, so a changed vocabulary falls back to its regex instead of drifting from it.
    """
    src = rx.pattern
    if not (src.startswith(_WORDS_HEAD) and src.endswith(_WORDS_TAIL)) or rx.flags & (regex.I | regex.X):
        return None
    alts = src[len(_WORDS_HEAD) : -len(_WORDS_TAIL)].split("|")
    sizes = [len(a) for a in alts]
    if not all(_LITERAL_WORD.fullmatch(a) for a in alts) or sizes != sorted(sizes, reverse=True):
        return None
    return frozenset(alts)


# The shape of vocab._token_pattern.
_WORDS_HEAD = "(?:(?<![a-z])|(?<=[a-z])(?=[A-Z]))(?i:("
_WORDS_TAIL = "))(?![a-z])"
_LITERAL_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
# FOLDED_RE's words, for _names_folded's test before the search (None: it has another shape).
_FOLDED_WORDS = _vocab_words(FOLDED_RE)


def _word_table() -> dict[str, int] | None:
    """Each vocabulary word with the flag bits of the patterns that list it (None: no fast path)."""
    table: dict[str, int] = {}
    for rx, bit in ((COMMENT_RE, Flag.COMMENT), (NEGATIVE_RE, Flag.NEG_CLASS), (POSITIVE_RE, Flag.POS_CLASS)):
        words = _vocab_words(rx)
        if not words:
            return None
        for w in words:
            table[w] = table.get(w, 0) | bit
    return table


_WORD_BITS = _word_table()
_ALL_BITS = Flag.COMMENT | Flag.NEG_CLASS | Flag.POS_CLASS
_WORD_LIST = sorted(_WORD_BITS or ())
# First runs of letters of the words: a lowercase class string holding none says nothing.
_RUN_WORDS = frozenset(w.split("-", 1)[0] for w in _WORD_LIST)
# First runs of the words with a hyphen: only they can match across runs.
_HYPHEN_HEADS = frozenset(w.split("-", 1)[0] for w in _WORD_LIST if "-" in w)
_LONGEST = max(map(len, _WORD_LIST), default=0)
# Every word starts with one of these (two letters, or the whole word if shorter).
_PREFIXES = frozenset(w[:2] for w in _WORD_LIST)
_SHORTEST = min(min(map(len, _WORD_LIST), default=2), 2)
_LOWER_RUN = re.compile(r"[a-z]+")
# Where a word may start: a letter that does not continue a run of lowercase letters, or a
# capital (a camelCase hump); it must end before anything but a lowercase letter.
_WORD_START = re.compile(r"[A-Z]|(?<![a-z])[a-z]")
_WORD_END = re.compile(r"[^a-z]")


# A CMS's taxonomy class names ("category-for-discussion", "tag-news" in WordPress's
# post_class): the site's topic words, no part of the page. Their words are not read.
_TAXONOMY = regex.compile(r"(?<!\S)(?:category|tag)-\S*")
# A class name whose "hidden" hides nothing on screen: a field's label hidden, not the field
# (Drupal's "field--label-hidden"), or the element hidden on paper or on some screen sizes and
# shown on the others (Bootstrap's "hidden-print", "hidden-xs" ... "hidden-xl"). Not read
# either: its "hidden" would take a shown article body for chrome. parse/_walk.pyx skips them too.
_SHOWN_HIDDEN = regex.compile(r"\S*(?:label-hidden|hidden-(?:print|xs|sm|md|lg|xl))\S*")


# A hash in a class or id ("elementor-element-54bd2ad", a UUID's "4d98-ad8f", "richtext-2ad314195f"):
# a run of four lowercase hex digits or more, one of them a digit, bounded by no letter or digit,
# is a builder's or a framework's generated name, whose letters spell no word ("ad" the one the
# vocabulary has). A word followed by a number ("ad300", "ad728") is a name, not a hash.
_HEX_DIGIT = re.compile(r"[0-9]")
_HASH = re.compile(r"(?<![0-9A-Za-z])(?![a-f]+[0-9]+(?![0-9A-Za-z]))(?=[a-f]*[0-9])[0-9a-f]{4,}(?![0-9A-Za-z])")


def _class_words(names: str) -> tuple[int, str | None, str | None]:
    """What a class/id string says: (COMMENT/NEG_CLASS/POS_CLASS bits, negative word, positive word).

    The same answer as searching with COMMENT_RE, NEGATIVE_RE and POSITIVE_RE, which
    try ~100 alternatives at every character: on ASCII strings the leftmost, longest
    word of each pattern comes from set lookups at the few places a word can start.
    Taxonomy class names (_TAXONOMY) and names whose hiding shows on screen (_SHOWN_HIDDEN)
    are taken out first; parse/_walk.pyx skips them too.
    """
    if "category-" in names or "tag-" in names:
        names = _TAXONOMY.sub(" ", names)
    if "hidden" in names:
        names = _SHOWN_HIDDEN.sub(" ", names)
    if _HEX_DIGIT.search(names):
        names = _HASH.sub(" ", names)
    if _WORD_BITS is None or not names.isascii():
        return _class_words_rx(names)
    table = _WORD_BITS
    found = 0
    neg: str | None = None
    pos: str | None = None
    low = names.lower()
    if low == names:
        runs = _LOWER_RUN.findall(names)
        if _RUN_WORDS.isdisjoint(runs):
            return 0, None, None
        if _HYPHEN_HEADS.isdisjoint(runs):
            # All lowercase: a word starts and ends where a run of letters does.
            for run in runs:
                bits = table.get(run, 0) & ~found
                if bits:
                    if bits & Flag.NEG_CLASS:
                        neg = run
                    if bits & Flag.POS_CLASS:
                        pos = run
                    found |= bits
                    if found == _ALL_BITS:
                        break
            return found, neg, pos
    ends = [m.start() for m in _WORD_END.finditer(names)]
    ends.append(len(names))
    for m in _WORD_START.finditer(names):
        p = m.start()
        if low[p : p + _SHORTEST] not in _PREFIXES:
            continue
        # Longest first: try the furthest end a word could reach.
        for k in range(bisect.bisect_right(ends, p + _LONGEST) - 1, -1, -1):
            e = ends[k]
            if e <= p:
                break
            bits = table.get(low[p:e], 0) & ~found
            if bits:
                if bits & Flag.NEG_CLASS:
                    neg = low[p:e]
                if bits & Flag.POS_CLASS:
                    pos = low[p:e]
                found |= bits
        if found == _ALL_BITS:
            break
    return found, neg, pos


def _class_words_rx(names: str) -> tuple[int, str | None, str | None]:
    """_class_words with the vocabulary regexes themselves (non-ASCII strings, changed patterns)."""
    if "category-" in names or "tag-" in names:
        names = _TAXONOMY.sub(" ", names)
    if "hidden" in names:
        names = _SHOWN_HIDDEN.sub(" ", names)
    if _HEX_DIGIT.search(names):
        names = _HASH.sub(" ", names)
    bits = 0
    neg = pos = None
    if COMMENT_RE.search(names):
        bits |= Flag.COMMENT
    m = NEGATIVE_RE.search(names)
    if m:
        bits |= Flag.NEG_CLASS
        neg = m.group(1).lower()
    m = POSITIVE_RE.search(names)
    if m:
        bits |= Flag.POS_CLASS
        pos = m.group(1).lower()
    return bits, neg, pos


# The walk segment_html uses: the compiled twin of _walk (parse/_walk.pyx) when it is built
# and gives the same Segments on a probe page, else _walk itself (see parse/_compiled.py).
# WALKER names the one in use, for tests and benchmarks. _MAY_NEST_DEEPLY is likewise
# _may_nest_deeply or its compiled twin; _STRIP_RAW_TEXT leaves a page's script and style
# texts out of what Lexbor reads (parse/_walk.pyx's strip_raw_text), or is None.
from ._compiled import (  # noqa: E402  (needs _walk and the tables above)
    choose_head_read,
    choose_kernel,
    choose_nesting_check,
    choose_raw_text_strip,
    choose_walker,
)

_WALK, WALKER = choose_walker(_walk)
_MAY_NEST_DEEPLY = choose_nesting_check(_may_nest_deeply, _DEEP_LIMIT)
_HEAD_READ = choose_head_read(_head_read, _HEAD_HOLDERS)
_STRIP_RAW_TEXT = choose_raw_text_strip()


def segment_text(text: str, *, max_blocks: int) -> Segments:
    """Cut a plain-text dump into line blocks, remembering blank lines between them.

    A paragraph hard-wrapped at a fixed width (a man page, an RFC, a mail in <pre>) is
    one block of its lines: see _wrapped.
    """
    seg = Segments()
    seg.elem_parent.append(-1)
    seg.elem_tag.append("text")
    seg.elem_class.append("")
    lines: list[str] = []
    blank_before: list[int] = []
    blanks = 0
    # splitlines() knows \r\n, \r and the Unicode separators; NUL is not a line break.
    for line in text.replace("\x00", " ").splitlines():
        if not line.strip():
            blanks += 1
            continue
        lines.append(line)
        blank_before.append(blanks)
        blanks = 0
    joins = _wrapped(lines, blank_before)
    # A block's lines are gathered and joined once (a long wrapped run costs linear time).
    parts: list[list[str]] = []
    for i, line in enumerate(lines):
        if i in joins and not seg.truncated:
            parts[-1].append(line)
            continue
        if len(parts) >= max_blocks:
            seg.truncated = True
            seg.overflow.append(line.strip())
            continue
        parts.append([line])
        seg.kinds.append("line")
        seg.link_chars.append(0)
        seg.flags.append(0)
        seg.depths.append(0)
        seg.paths.append("line")
        seg.neg_tokens.append("")
        seg.pos_tokens.append("")
        seg.elems.append(0)
        seg.blank_before.append(blank_before[i])
    seg.texts = [block[0] if len(block) == 1 else "\n".join(block) for block in parts]
    return seg


def _wrapped(lines: list[str], blank_before: list[int]) -> set[int]:
    """The lines that continue the line above them in a hard-wrapped paragraph.

    A line continues the one above when nothing separates them (no blank line), the one
    above is wrap-sized (_WRAP_MIN to _WRAP_MAX characters, _WRAP_WORDS words or more) and
    stops mid-sentence (no closing mark), and this line's first word would not have fit
    on the line above: the line above plus that word is wider than every line around
    (_WRAP_WINDOW lines either way), so the break came from the width, not the writer. The page must show it is
    wrapped: _WRAP_PAIRS such breaks before a word in lowercase (a sentence going on).
    Lists of items that start in lowercase (tags, "at <shop>") fail the width test on
    most of their items.
    """
    width = list(map(len, map(str.rstrip, lines)))
    joins = []
    lower = 0
    # Cheap tests first, over the whole page at once: most lines are menu items or paragraphs.
    sized = [i for i, w in enumerate(width[:-1], 1) if _WRAP_MIN <= w <= _WRAP_MAX and not blank_before[i]]
    for i in sized:
        above, text = width[i - 1], lines[i - 1]
        if text.rstrip()[-1] in _CLOSING or len(text.split(maxsplit=_WRAP_WORDS - 1)) < _WRAP_WORDS:
            continue
        head = lines[i].split(maxsplit=1)[0]
        if not (head[0].islower() or head[0].isalnum()):
            continue
        if above + 1 + len(head) > max(width[max(0, i - _WRAP_WINDOW) : i + _WRAP_WINDOW]):
            joins.append(i)
            lower += head[0].islower()
    return set(joins) if lower >= _WRAP_PAIRS else set()


# Hard wraps happen at 64-80 columns (mail, man pages, RFCs) or up to 132 (wide terminals);
# a line under 30 characters is a heading or an item, not a wrapped line.
_WRAP_MIN = 30
_WRAP_MAX = 132
# Marks that close a sentence or a quote: a line ending in one ends where the writer ended it.
_CLOSING = frozenset('.!?:;"”’)]»…。！？')
# A wrapped line of prose holds more than one word (a run of base64 or a URL is no paragraph).
_WRAP_WORDS = 2
# Lines either way whose widest sets the width a wrap must exceed.
_WRAP_WINDOW = 4
# Breaks before a lowercase word a page needs before any is joined. 5, set on the dev split
# (3 joined lists of lowercase items on a few news pages: dragnet −0.002).
_WRAP_PAIRS = 5
_byte_places = choose_kernel("byte_places", _byte_places)
_bytes_hold = choose_kernel("bytes_hold", _bytes_hold)
_str_holds = choose_kernel("str_holds", _str_holds)
_int64_array = choose_kernel("int64_array", _int64_array)
