"""Choose segment's walker: the compiled one (parse/_walk.pyx) when it is built and proven equal.

The compiled walker reads Lexbor's C structs through layouts mirrored from selectolax's
lexbor.pxd and calls Lexbor functions found in selectolax's loaded module. A selectolax
release that changes either would make it read the wrong memory, so before it is used:

1. the mirrored node struct is checked against Lexbor's own accessor functions on every
   node of a probe page (walking with the accessors only, so nothing wrong is followed);
2. every text node of the probe is read through the mirrored text struct and compared
   with selectolax's ``text_content``, its length checked before its pointer is read;
3. the walker's UTF-8 whitespace table (block texts are folded as bytes) is checked
   against this Python's str.isspace;
4. both walkers run on the probe with each combination of settings segment_html uses
   (and small max_depth/max_blocks), and their Segments must be equal.

Any failure logs (debug) and leaves the pure-Python walk in place. BOILERSTRIP_PURE=1
selects the pure-Python walk outright.

choose_count_page does the same for features._count_page, whose compiled twin is in the
same extension: it is used only when it gives the same counts on _COUNT_PROBE.
"""

from __future__ import annotations

import ctypes
import logging
import os
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

    from .segment import Segments

__all__ = ["CountPage", "Walker", "choose_count_page", "choose_nesting_check", "choose_walker"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

Walker = Callable[["LexborNode", "Segments", int, int, frozenset[str], bool], None]
CountPage = Callable[[list[str], frozenset[str], npt.NDArray[np.int64]], None]
_Count = TypeVar("_Count", bound=CountPage)

# Every branch of segment._walk: text and link text (and each kind of <a> that is no
# link, see segment._is_link), nested and inline blocks, br/hr, the three ways to hide,
# roles, itemprops, class and id words of each vocabulary (camelCase, hyphens, non-ASCII,
# valueless and repeated attributes), headings, pre, tables, lists, an article's own
# header, noscript, comments, script and style, empty and custom elements, SVG names,
# Unicode whitespace, and deep nesting for max_depth.
_PROBE = (
    "<!DOCTYPE html><html lang='en'><head><title>Probe</title><style>p{color:red}</style>"
    "<script>var x = '<p>no</p>';</script></head>"
    "<body class='home page-template' id='top'>\n"
    "<!-- a comment --><![CDATA[ cdata ]]><?php echo 1; ?>\n"
    "Loose text <b>bold</b> and <a href='/x'> a link <i>inside </i></a>.\n"
    "<header role='banner'><nav class='site-nav mainMenu'><ul><li><a href='/'>Home</a></li>"
    "<li><a>About us</a></li><li class>Empty class</li></ul></nav></header>\n"
    "<menu><li>Menu item</li></menu>"
    "<main role=' Main '><article class='post-content entry' itemprop='articleBody'>\n"
    "<header><h1>The title of it</h1><p class='byline'>By someone, <time>today</time></p></header>\n"
    "<p>First paragraph with <a href='/page'>a\u00a0link</a> text.<br>After a break<hr>after a rule</p>\n"
    "<p>Not links: <a href=' #top'>jump</a> <a name='x'>named</a> <a href='JavaScript:void(0)'>js</a> "
    "<a href='\u2003 javascript:x'>spaced js</a> <a href='  '>blank</a> <a href>valueless</a> <a href=''>empty</a>; "
    "links: <a href='javascript'>no colon</a> <a href='j\u00e4vascript:'>umlaut</a> <a href='java script:x'>gap</a> "
    "<a href='a#b'>mid hash</a> <a href='\u212aavascript:'>kelvin</a></p>\n"
    "<div hidden>hidden text</div><div aria-hidden='true'>aria hidden</div>"
    "<div aria-hidden='false'>aria shown</div><div aria-hidden>aria valueless</div>"
    "<div style='display: none'>styled none</div><div style='Visibility : Hidden'>vis hidden</div>"
    "<div style='border:none'>border none</div><div style='overflow:hidden'>overflow hidden</div>"
    "<div style>style valueless</div>\n"
    "<pre>  code line one\n    line two\n</pre><pre>\n   \n</pre><pre><b>bold</b> pre</pre>\n"
    "<table class='data-table'><caption>Caption</caption><thead><tr><th>Head</th></tr></thead>"
    "<tbody><tr><td>Cell <a href='?q=1'>one</a> <a href='#'>two</a></td><td class='price'>2</td></tr></tbody></table>\n"
    "<dl><dt>Term</dt><dd>Definition</dd></dl><ol><li>One</li><li>Two <ul><li>nested</li></ul></li></ol>\n"
    "<blockquote>Quoted words</blockquote><figure><img src='x.png'><figcaption>A caption</figcaption></figure>"
    "<address>An address</address><details><summary>Summary</summary>Details text</details>\n"
    "<h2>Second</h2><h3>Third</h3><h4>Fourth</h4><h5>Fifth</h5><h6>Sixth</h6>\n"
    "<div class='sidebarLeft'>camel sidebar</div><div class='commentList'>camel comments</div>"
    "<div id='comments' class='Kommentare größe'>non-ascii class</div>"
    "<div class='Article-Body'>upper class</div><div class='share-buttons social'>share</div>"
    "<div class='main-content article'>content words</div><div class='x' id='post-body'>id word</div>"
    "<div class='a' class='b' id='c' id='d'>repeated attributes</div>"
    "<section class='related-posts'><span role='navigation'>role on inline</span></section>\n"
    "<div role='complementary'>aside role</div><div role='search'>search role</div>"
    "<div role='contentinfo'>footer role</div><div role='dialog'>dialog role</div>"
    "<div role='article' itemprop='text'>article role</div><span itemprop='reviewBody'>review</span>"
    "<span itemprop='description'>description</span><span itemprop='name'>name</span>\n"
    "<noscript><p>noscript paragraph</p></noscript><template><p>template</p></template>"
    "<svg viewBox='0 0 1 1'><foreignObject><p>svg text</p></foreignObject></svg>"
    "<math><mi>x</mi></math><select><option>opt</option></select><textarea>area</textarea>"
    "<iframe src='x'>frame</iframe><button>Button</button>\n"
    "<div></div><span></span><p></p><p> </p><div><span> </span></div><br><hr>\n"
    "<my-widget class='promo'>custom <x-y>element</x-y></my-widget>"
    "<center>centered</center><fieldset><legend>Legend</legend>field</fieldset>\n"
    "<p>Unicode\u2003space\u2028line\u3000ideographic \u00e9t\u00e9 \u4e2d\u6587 \U0001f600 text</p>"
    "<p>tab\tand\r\nnewlines\x0bvt\x0cff</p>\n"
    "<aside><p>In the aside</p></aside><form><p>In a form</p><input value='x'></form>\n"
    + "<div class='level'>" * 12
    + "deep <p>deep paragraph</p> <span>deep span</span>"
    + "</div>" * 12
    + "</article></main>\n<footer class='site-footer'><p>Footer text &copy; 2024</p></footer>\n"
    + "".join(f"<p>Block {i} with some words</p>" for i in range(8))
    + "<table><tr><td><table><tr><td>nested cell</td></tr></table></td></tr></table>"
    "<a href='#'><div>block in link</div></a>trailing text</body></html>"
)


def _addresses() -> dict[str, int]:
    """The addresses of the Lexbor functions the compiled walker calls, from selectolax's module."""
    import selectolax.lexbor

    from . import _walk

    lib = ctypes.CDLL(selectolax.lexbor.__file__)  # already loaded: this only finds its handle
    found: dict[str, int] = {}
    for name in _walk.FUNCTIONS:
        address = ctypes.cast(getattr(lib, name), ctypes.c_void_p).value
        if not address:
            raise OSError(f"selectolax's module has no {name}")
        found[name] = address
    return found


def _self_check(compiled: Walker, reference: Walker) -> str | None:
    """Why the compiled walker may not be used (None when it passes every check)."""
    from selectolax.lexbor import LexborHTMLParser

    from . import _walk
    from ..vocab import SKIP_TAGS
    from .segment import _SKIP_BUT_NOSCRIPT, Segments

    tree = LexborHTMLParser(_PROBE.encode("utf-8"))
    root, body = tree.root, tree.body
    if root is None or body is None:
        return "the probe page has no root or body"
    if not _walk.check_layout(root.mem_id):
        return "lexbor's node struct does not match the mirrored layout"
    # Whitespace is only in the Basic Multilingual Plane; tests check every code point.
    if _walk.check_spaces(0x10000) != -1:
        return "this Python's str.isspace differs from the walker's whitespace table"
    texts = 0
    for node in root.traverse(include_text=True):
        content = node.text_content
        if content is not None:
            texts += 1
            if _walk.text_data(node.mem_id, len(content.encode("utf-8"))) != content:
                return "lexbor's text struct does not match the mirrored layout"
    if texts < 100:
        return f"the probe page parsed to only {texts} text nodes"
    for skip, hide in ((SKIP_TAGS, True), (_SKIP_BUT_NOSCRIPT, False)):
        for max_depth, max_blocks in ((80, 5000), (5, 12), (1, 3), (0, 0)):
            for start in (body, root):
                want, got = Segments(), Segments()
                reference(start, want, max_depth, max_blocks, skip, hide)
                compiled(start, got, max_depth, max_blocks, skip, hide)
                if asdict(want) != asdict(got):
                    return f"the walks differ on the probe page (max_depth={max_depth}, max_blocks={max_blocks})"
    return None


def choose_walker(reference: Walker) -> tuple[Walker, Literal["compiled", "python"]]:
    """The walker segment_html uses, and its name: the compiled one only when it passes _self_check."""
    if os.environ.get("BOILERSTRIP_PURE") == "1":
        log.debug("BOILERSTRIP_PURE=1: using the pure-Python walk")
        return reference, "python"
    try:
        from . import _walk
        from .. import vocab
        from . import segment as seg

        _walk.configure(
            _addresses(),
            class_words=seg._class_words,
            extend_path=seg._extend_path,
            is_link=seg._is_link,
            tag_flags=dict(seg._TAG_FLAGS),
            role_flags=dict(seg._ROLE_FLAGS),
            headings=frozenset(seg._HEADINGS),
            hidden_style=tuple(seg._HIDDEN_STYLE),
            # segment._walk's itemprop values, written out there; the probe page has each of them.
            itemprops=("articleBody", "text", "reviewBody", "description"),
            pre=seg.Flag.PRE,
            heading=seg.Flag.HEADING,
            table=seg.Flag.TABLE,
            article=seg.Flag.ARTICLE,
            main=seg.Flag.MAIN,
            word_bits=seg._WORD_BITS,
            prefixes=seg._PREFIXES,
            shortest=seg._SHORTEST,
            longest=seg._LONGEST,
            all_bits=seg._ALL_BITS,
            neg=seg.Flag.NEG_CLASS,
            pos=seg.Flag.POS_CLASS,
        )
        block_tags = vocab.BLOCK_TAGS

        def compiled(
            start: LexborNode, out: Segments, max_depth: int, max_blocks: int, skip: frozenset[str], hide: bool
        ) -> None:
            # start keeps its parser, and so the tree, alive for the call.
            _walk.walk(start.mem_id, out, start.tag or "body", max_depth, max_blocks, skip, block_tags, hide)

        problem = _self_check(compiled, reference)
    except Exception as exc:  # not built, or built against another Python or selectolax
        problem = f"{type(exc).__name__}: {exc}"
    if problem:
        log.debug("the compiled walker is not used (%s): using the pure-Python walk", problem)
        return reference, "python"
    return compiled, "compiled"


def choose_nesting_check(reference: Callable[[bytes], bool], limit: int) -> Callable[[bytes], bool]:
    """segment._may_nest_deeply, or its compiled twin (one C loop, no numpy arrays) when it answers the same on probes.

    Used only with the compiled walker, so BOILERSTRIP_PURE=1 and a failed build select the reference.
    """
    if os.environ.get("BOILERSTRIP_PURE") == "1":
        return reference
    try:
        from . import _walk

        def compiled(data: bytes) -> bool:
            return _walk.may_nest_deeply(data, limit)

        deep, wide = b"<div>" * limit, b"<p>x</p>" * limit
        probes = [b"", b"<", b"x<", deep, deep[:-5], deep + b"</div>", b"</a>" + deep, wide, wide + deep[5:],
                  b"<a<b" * limit, b"<" * limit * 2, b"<A" * limit, b"<\xc1<@<[<`<{" * limit, _PROBE.encode("utf-8")]
        if any(compiled(p) != reference(p) for p in probes):
            log.debug("the compiled nesting check is not used: it differs on a probe")
            return reference
    except Exception as exc:  # not built, or built for another Python
        log.debug("the compiled nesting check is not used (%s: %s)", type(exc).__name__, exc)
        return reference
    return compiled


# Texts for features._count_page's twin: words and capitals in several scripts, Han and kana,
# punctuation and sentence breaks, closing quotes, ellipses, dates and times, every kind of
# whitespace, characters beyond the class table (emoji, rare ideographs), a Greek final
# sigma and a dotted capital I (whose lowercase is longer), stopwords of a few languages.
_COUNT_PROBE = [
    "The council met on Monday evening. It was late, and the members were tired.",
    "“Is this the end?” she asked. «Non!» — he said… (and left).",
    "Published 12.05.2020 at 10:30, updated May 5th 2021; see 3rd June.",
    "Der Rat hat am Montag getagt, und die Mitglieder waren müde. Ende.",
    "Совет собрался в понедельник. Члены совета устали!",
    "ΟΔΟΣ ΚΑΙ ΣΟΦΙΑΣ. Η οδός είναι μεγάλη.",
    "İstanbul ve İzmir şehirleri. Çok güzel!",
    "中文文本，没有空格。日本語のテキスト、カタカナ。",
    "Emoji 😀 and rare 𠀀 ideographs beyond the table.",
    "tab\tsep\x0bvt\x0cff\x1cfs\x1dgs\x85nel\xa0nbsp\u2003em\u3000ideo\u2028ls end",
    "a.b.c. x!y? z... 1.2.3 (a). [b]! 'c'. \"d\"?",
    "ALL CAPS HEADLINE HERE",
    "one",
    ".",
    "  ",
    "x. ",
    "2024-01-31",
    "Home | About | Contact",
    "© 2024 Example Inc. All rights reserved.",
    "May 5",
    "posted 5th june",
    "SEPT. 12, 2020",
    "3. März 2020",
    "12 août",
    "Okt 3 and 4",
    "at 12:30 today",
    "page 2 of 10",
    "call 555-1234",
    "Mai 5",
    "mayo 5",
    "5 mayo",
    "Mar 2x",
    "11/12/13",
]

# features._SENTENCE_END as _walk.count_page's matcher knows it, piece by piece (its E_* classes).
_END_PIECES = (r"[\p{L}\p{N}\)\]%]", r"[\"'”’»)\]]", r"[.!?。！？…:;]", r"[.!?。！？…]", r"\s")


def _end_classes(pattern: Any, tail: str, size: int) -> npt.NDArray[np.uint8] | None:
    """The class bits of every character below size for count_page's sentence-end matcher.

    None (count_page then searches with the pattern itself) unless the pattern is exactly
    START CLOSE* MARK1? MARK CLOSE* SPACE*$ with the pieces of _END_PIECES and no flags.
    The classes come from the pieces' own regexes, like features._char_classes.
    """
    import regex

    start, close, mark1, mark, space = _END_PIECES
    if pattern.pattern != f"{start}{close}*{mark1}?{mark}{close}*{space}*$" or pattern.flags != regex.compile("").flags:
        return None
    codes = np.arange(size, dtype=np.uint32)
    chars = codes.tobytes().decode("utf-32-le", "surrogatepass")
    out = np.zeros(size, dtype=np.uint8)
    for piece, bit in zip(_END_PIECES, (1, 2, 4, 8, 16), strict=True):
        # Every character the piece matches turns into NUL (which none matches).
        out[np.frombuffer(regex.sub(piece, "\x00", chars).encode("utf-32-le"), dtype=np.uint32) != codes] |= bit
    out[np.fromiter(map(tail.__contains__, chars), dtype=bool, count=size)] |= 32
    return out


# features._DATE as count_page's shortcut knows it: three numeric forms, then two with month names.
_DATE_NUMBERS = r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b"
_DATE_MONTHS = r"\b(?:{0})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{0})\b"


def _date_parts(pattern: Any, months: str) -> tuple[bytes | None, Callable[[str], Any] | None]:
    """For count_page's dates: the trigrams month names start with, and a search for the numeric forms.

    (None, None), so that count_page searches with the pattern itself, unless the pattern is
    exactly _DATE_NUMBERS|_DATE_MONTHS, case-insensitive, with month names of three or more
    lowercase letters. Under IGNORECASE an ASCII letter matches only its two ASCII cases, so
    in an ASCII text a month name can only start at a trigram listed here; names with other
    letters (März, août) cannot match an ASCII text at all.
    """
    import regex

    words = months.split("|")
    if (
        pattern.pattern != _DATE_NUMBERS + "|" + _DATE_MONTHS.format(months)
        or pattern.flags != regex.compile("", regex.I).flags
        or not all(len(w) >= 3 and w == w.lower() and regex.fullmatch(r"\w+", w) for w in words)
    ):
        return None, None
    starts = bytearray(26**3)
    for w in words:
        head = w[:3]
        if head.isascii() and head.isalpha():
            a, b, c = (ord(ch) - 97 for ch in head)
            starts[(a * 26 + b) * 26 + c] = 1
    return bytes(starts), regex.compile(_DATE_NUMBERS, regex.I).search


COUNTER: Literal["compiled", "python"] = "python"
COUNT_PAGE_REFERENCE: CountPage | None = None


def choose_count_page(reference: _Count) -> _Count:
    """features._count_page, or its compiled twin when it is built and gives equal counts on _COUNT_PROBE.

    COUNTER names the one in use; COUNT_PAGE_REFERENCE keeps the Python one for tests.
    """
    global COUNTER, COUNT_PAGE_REFERENCE
    COUNT_PAGE_REFERENCE = reference
    COUNTER = "python"
    if os.environ.get("BOILERSTRIP_PURE") == "1":
        return reference
    try:
        from .. import features as f
        from ..stopwords import stopwords_for
        from . import _walk

        table = f._char_classes()
        bits = {
            "word": f._C_WORD,
            "han": f._C_HAN,
            "upper": f._C_UPPER,
            "punct": f._C_PUNCT,
            "space": f._C_SPACE,
            "before_mark": f._C_BEFORE_MARK,
            "mark": f._C_MARK,
            "after_mark": f._C_AFTER_MARK,
            "digit": f._C_DIGIT,
        }
        end_search, end_tail, date_search, stats_one = f._SENTENCE_END.search, f._END_TAIL, f._DATE.search, f._text_stats_one
        end_table = _end_classes(f._SENTENCE_END, end_tail, len(table))
        month_starts, number_search = _date_parts(f._DATE, f._MONTHS)

        def compiled(texts: list[str], stopwords: frozenset[str], out: npt.NDArray[np.int64]) -> None:
            _walk.count_page(texts, stopwords, out, table, bits, end_search, end_tail, date_search, stats_one,
                             end_table, month_starts, number_search)

        problem = None
        for lang in ("en", "de", "ru", "tr", None):
            stopwords = stopwords_for(lang)
            for texts in (_COUNT_PROBE, _COUNT_PROBE[::-1], _COUNT_PROBE[:1], []):
                want = np.zeros((8, len(texts)), dtype=np.int64)
                got = np.zeros((8, len(texts)), dtype=np.int64)
                reference(list(texts), stopwords, want)
                compiled(list(texts), stopwords, got)
                if not np.array_equal(want, got):
                    problem = f"the counts differ on the probe texts (stopwords for {lang})"
    except Exception as exc:  # not built, or built for another Python
        problem = f"{type(exc).__name__}: {exc}"
    if problem:
        log.debug("the compiled _count_page is not used (%s): using features._count_page", problem)
        return reference
    COUNTER = "compiled"
    return cast(_Count, compiled)

