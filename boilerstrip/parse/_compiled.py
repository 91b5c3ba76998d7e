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
import re
from collections.abc import Callable, Container
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

    from .segment import Segments

__all__ = [
    "CountPage",
    "Walker",
    "choose_control_count",
    "choose_count_page",
    "choose_nesting_check",
    "choose_utf8_check",
    "choose_utf8_encoder",
    "choose_walker",
]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# The last argument, opened: a frozenset of ids, or segment._ShutPanels (found when first asked).
Walker = Callable[["LexborNode", "Segments", int, int, frozenset[str], bool, Container[str | None]], None]
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
    "<div role='region' style='display:none'>region panel</div><div role=' TabPanel ' hidden>tab panel</div>"
    "<div aria-labelledby='t' style='visibility:hidden'>labelled panel</div>"
    "<div aria-labelledby='t' role='dialog' hidden>labelled dialog</div><div hidden='until-found'>found</div>"
    "<div role='region' aria-hidden='true'>aria region</div><div role='region' hidden aria-hidden='true'>both</div>"
    "<div aria-hidden='false' style='display:none'>aria false, styled none</div>\n"
    "<div id='open1' hidden>opened hidden<p hidden>inner hidden</p></div><div id='open2' style='display:none'>opened styled</div>"
    "<div id='open3' aria-hidden='true'>opened aria</div><a id='open4' href='/o' aria-hidden='true'>opened link</a>"
    "<div id='open5'>opened shown</div><div id='Open1' hidden>other case</div><div id='shut' hidden>not opened</div>"
    "<div id=' open1' hidden>spaced id</div><div id hidden>valueless id</div>\n"
    "<div class='accordion-panel' style='display:none'>folded styled</div>"
    "<div class='chakra-collapse' hidden>folded hidden</div><div class='faq collapse' aria-hidden='true'>folded aria</div>"
    "<div class='collapsed' hidden>shut button</div><div class='Accordion' aria-hidden='false'>open panel</div>"
    "<div role=' TabPanel ' style='display:none'>tab panel</div><div role='tab' hidden>shut tab</div>\n"
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
    "<p><span class='m'>2026</span><span class='m'>1h 54m</span><span class='m'>R</span> <span class='h'>child</span>"
    "<span class='h'>ren</span><b class='x'>a </b><b class='x'>b</b><i class='y'>c</i><i class='y'></i><i class='y'>d</i>"
    "<a class='m' href='/m'>one</a><a class='m' href='/n'>two</a><span class>no</span><span class>class</span>"
    "<span class='p'>North Face</span><span class='q'>Wawona</span><b>F</b>igure<b>NDR</b><i>-Recherchen</i></p>\n"
    "<aside><p>In the aside</p></aside><form><p>In a form</p><input value='x'></form>\n"
    + "<div class='level'>" * 12
    + "deep <p>deep paragraph</p> <span>deep span</span>"
    + "</div>" * 12
    + "</article></main>\n<footer class='site-footer'><p>Footer text &copy; 2024</p></footer>\n"
    + "".join(f"<p>Block {i} with some words</p>" for i in range(8))
    + "<table><tr><td><table><tr><td>nested cell</td></tr></table></td></tr></table>"
    "<a href='#'><div>block in link</div></a>trailing text</body></html>"
)
# The ids of _PROBE's elements the walk reads whatever hides them (segment._shut_panels's answer),
# and an id no element has.
_PROBE_OPENED = frozenset({"open1", "open2", "open3", "open4", "open5", "absent"})


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
    # Each setting with no ids opened (nearly every page), and once with ids opened (only a
    # hiding walk asks for them): each pair of walks of the probe costs ~2.5 ms at import.
    settings = [
        (skip, hide, max_depth, max_blocks, start, frozenset[str]())
        for skip, hide in ((SKIP_TAGS, True), (_SKIP_BUT_NOSCRIPT, False))
        for max_depth, max_blocks in ((80, 5000), (5, 12), (1, 3), (0, 0))
        for start in (body, root)
    ]
    settings.append((SKIP_TAGS, True, 80, 5000, body, _PROBE_OPENED))
    for skip, hide, max_depth, max_blocks, start, opened in settings:
        want, got = Segments(), Segments()
        reference(start, want, max_depth, max_blocks, skip, hide, opened)
        compiled(start, got, max_depth, max_blocks, skip, hide, opened)
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
            is_panel=seg._is_panel,
            is_slide=seg._names_slide,
            space_items=seg._space_items,
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
            start: LexborNode,
            out: Segments,
            max_depth: int,
            max_blocks: int,
            skip: frozenset[str],
            hide: bool,
            opened: Container[str | None],
        ) -> None:
            # start keeps its parser, and so the tree, alive for the call.
            _walk.walk(start.mem_id, out, start.tag or "body", max_depth, max_blocks, skip, block_tags, hide, opened)

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

    def make() -> Callable[[bytes], bool]:
        from . import _walk

        def compiled(data: bytes) -> bool:
            return _walk.may_nest_deeply(data, limit)

        return compiled

    def probes() -> list[bytes]:
        deep, wide = b"<div>" * limit, b"<p>x</p>" * limit
        return [b"", b"<", b"x<", deep, deep[:-5], deep + b"</div>", b"</a>" + deep, wide, wide + deep[5:],
                b"<a<b" * limit, b"<" * limit * 2, b"<A" * limit, b"<\xc1<@<[<`<{" * limit, _PROBE.encode("utf-8")]

    return _bytes_twin("nesting check", reference, make, probes)


# Pages for choose_head_read's check: the meta first, late, nested, cased, repeated, in
# foreign content, without content or with two, after a meta of another kind; titles in head,
# after a holder, in body, empty; lang attributes empty, repeated, xml:lang.
_HEAD_PROBES = (
    "<title>A  page\n</title>", "<noscript></noscript><title>B</title>", "<body><title>C</title>", "<title></title>",
    '<html lang="" xml:lang="de-AT"><title>x</title>', '<html lang="EN_gb" lang="fr">', '<html xml:lang lang>',
    "<template><title>D</title></template><title>E</title>", "<svg><title>F<b>G</b></title></svg>",
    "", "<p>x", '<meta http-equiv="content-language" content="de">',
    '<html><head><meta http-equiv="Content-Language" content="fr-CA"></head><body><p>x</p></body></html>',
    '<body><div><p>x<meta HTTP-EQUIV="CONTENT-LANGUAGE" content=" es "></p></div><meta http-equiv="content-language" content="it">',
    '<meta http-equiv="content-type" content="text/html"><meta http-equiv="content-language">',
    '<meta http-equiv="content-language" content="nl" content="en"><meta http-equiv="content-language" content="pt">',
    '<meta http-equiv=" content-language" content="x"><meta http-equiv="content-languag" content="y">',
    '<meta http-equiv content="z"><meta content="pl" http-equiv="content-language" http-equiv="x">',
    '<svg><meta http-equiv="content-language" content="sv"></svg>', '<template><meta http-equiv="content-language" content="da"></template>',
    '<meta http-equiv="content-language" content="\u00e9\u4e2d">', "<noscript><meta http-equiv='content-language' content='fi'></noscript>",
)


def choose_head_read(
    reference: Callable[[LexborHTMLParser], tuple[str | None, str | None]], holders: frozenset[str]
) -> Callable[[LexborHTMLParser], tuple[str | None, str | None]]:
    """segment._head_read, or its compiled twin (C reads of lexbor's nodes) when it answers the same on probes.

    Used only with the compiled walker (it reads lexbor through the addresses the walker's
    configure handed over), so BOILERSTRIP_PURE=1 and a failed build select the reference.
    """
    if os.environ.get("BOILERSTRIP_PURE") == "1":
        return reference
    try:
        from selectolax.lexbor import LexborHTMLParser

        from . import _walk

        names = tuple(h.encode("ascii") for h in sorted(holders))

        def compiled(tree: LexborHTMLParser) -> tuple[str | None, str | None]:
            head, root = tree.head, tree.root
            return _walk.head_read(0 if head is None else head.mem_id, 0 if root is None else root.mem_id, names)

        for page in _HEAD_PROBES + (_PROBE,):
            tree = LexborHTMLParser(page)
            if compiled(tree) != reference(tree):
                log.debug("the compiled head reads are not used: they differ on a probe")
                return reference
    except Exception as exc:  # not built, not configured, or built against another selectolax
        log.debug("the compiled head reads are not used: %s", exc)
        return reference
    return compiled


# Pages for choose_raw_text_strip's check: script and style texts in every case, behind quoted
# attribute values, comments (abrupt and "--!>" ends), bogus comments, doctypes and the other raw
# text and RCDATA elements; a script's "<!--" with and without a "<script" after it; <svg> (its
# style may be markup), its CDATA, foreignObject, a self-closing <svg/>; <select>; <noscript>
# (raw text only with scripting on: then the check fails and pages are parsed whole); <math>,
# <frameset> and <plaintext>; cut pages.
_RAW_PROBES = (
    "<script>a<b</script><style>p{}</style><p>x", "<SCRIPT type='a>b'>x<y</ScRiPt >z<sTyLe\nmedia=a>q</STYLE\r>",
    '<div title="<script>">x</div><script>y</script>', "<!-- <script>a</script> --><p>q<script>b</script>",
    "<!--><script>a</script><!---><style>b</style><!-- x --!><script>c</script>", "<!x <script>><script>d</script>",
    "<?x <style>><style>e</style></x <style>><style>f</style>", "<!DOCTYPE html '<script>'><script>g</script>",
    "<title><script>a</script></title><textarea><style>b</style></textarea><script>c</script>",
    "<xmp><script>a</script></xmp><iframe><style>b</style></iframe><noembed><script>c</script></noembed>"
    "<noframes><style>d</style></noframes><style>e</style>",
    "<script>a<!--b</script><p>c</p><script>d</script>", "<script>a<!--<script>x</script>y</script>z<p>c</p><script>q</script>",
    "<script>a</scripts>b</script/><script>c</script\x00>d</script>", "<svg><style>a<b>c</style></svg><style>d</style>",
    "<svg><style>a</style><![CDATA[<style>b</style>]]></svg><style>c</style>", "<svg><script>x</script></svg><script>y</script>",
    "<svg><foreignObject><div></svg><style>a<b>c</style>", "<p>x<svg/><style>q<b>r</style>", "<p>x<svg a=b/><style>q<b>r</style>",
    "<select><style>a<b>c</style></select><style>d</style>", "<noscript><script>a</script><style>b</style></noscript><script>c</script>",
    "<math><style>a<b>c</style></math><style>d</style>", "<frameset><style>a</style></frameset>", "<plaintext><script>a</script>",
    "<script>a", "<style>a</style", "<script a='>b", "<!-- <script>a",
)
def _without_raw_text(tree: LexborHTMLParser) -> str:
    """The tree as HTML, every script and style element emptied."""
    for node in tree.css("script, style"):
        for child in list(node.iter(include_text=True)):
            child.decompose()
    return tree.html or ""


def choose_raw_text_strip() -> Callable[[bytes], bytes] | None:
    """_walk.strip_raw_text when it is built and Lexbor makes the same tree of every probe page
    without the text it leaves out (but for that text), else None: every page is parsed whole.

    BOILERSTRIP_PURE=1 and a failed build parse every page whole: the walk skips script and
    style elements, so the Segments are the same either way.
    """
    if os.environ.get("BOILERSTRIP_PURE") == "1":
        return None
    try:
        from selectolax.lexbor import LexborHTMLParser

        from . import _walk

        strip = _walk.strip_raw_text
        for page in _RAW_PROBES + (_PROBE,):
            data = page.encode("utf-8")
            if _without_raw_text(LexborHTMLParser(strip(data))) != _without_raw_text(LexborHTMLParser(data)):
                log.debug("the raw text strip is not used: Lexbor reads a probe page otherwise without it")
                return None
    except Exception as exc:  # not built, or built for another Python
        log.debug("the raw text strip is not used (%s: %s)", type(exc).__name__, exc)
        return None
    return strip


def _bytes_twin(
    what: str,
    reference: Callable[[bytes], bool],
    make: Callable[[], Callable[[bytes], bool]],
    probes: Callable[[], list[bytes]],
) -> Callable[[bytes], bool]:
    """reference, or the compiled twin make() builds when it answers as reference does on every probe."""
    if os.environ.get("BOILERSTRIP_PURE") == "1":
        return reference
    try:
        compiled = make()
        if any(compiled(p) != reference(p) for p in probes()):
            log.debug("the compiled %s is not used: it differs on a probe", what)
            return reference
    except Exception as exc:  # not built, or built for another Python
        log.debug("the compiled %s is not used (%s: %s)", what, type(exc).__name__, exc)
        return reference
    return compiled


def _utf8_probes() -> list[bytes]:
    """Byte strings at every edge of UTF-8's rules: each kind of lead byte, continuation bytes at
    their bounds (overlongs, surrogates, past U+10FFFF), cut sequences, after 7 and 8 ASCII bytes."""
    leads = (0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1,
             0xF3, 0xF4, 0xF5, 0xF8, 0xFF)
    seconds = (0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE0)
    tails = (0x7F, 0x80, 0xBF, 0xC0)
    probes = [b"", "é中😀".encode()]
    for a in leads:
        for b in seconds:
            probes.append(bytes((a, b)))
            for c in tails:
                probes.append(bytes((a, b, c)))
                if a >= 0xE0:  # only their sequences run to four bytes
                    probes.extend(bytes((a, b, c, d)) for d in tails)
    # After 7 and 8 ASCII bytes (the 8-byte step) and 31 and 32 (the 32-byte one).
    return probes + [b"x" * k + p for k in (7, 8) for p in probes[::7]] + [
        b"x" * k + p for k in (31, 32) for p in probes[::28]
    ]


def choose_utf8_check(reference: Callable[[bytes], bool]) -> Callable[[bytes], bool]:
    """decode._is_utf8, or its compiled twin (no str built) when it answers the same on _utf8_probes."""

    def make() -> Callable[[bytes], bool]:
        from . import _walk

        return cast(Callable[[bytes], bool], _walk.valid_utf8)

    return _bytes_twin("UTF-8 check", reference, make, _utf8_probes)


def _control_probes() -> list[tuple[bytes, int]]:
    """(data, end) pairs: every byte alone (the tail), inside a 16-byte step, and as a run cut
    after one step; all bytes in a row, the end inside, at and past data's end."""
    probes: list[tuple[bytes, int]] = [(b"", 0), (b"", 5), (b"x", 0)]
    for c in range(256):
        one = bytes((c,))
        probes.extend(((one, 1), (b"a" * 7 + one + b"b" * 20, 100), (one * 40, 17)))
    every = bytes(range(256)) * 3
    probes.extend((every, end) for end in (0, 1, 15, 16, 17, 255, 256, 500, 768, 1000))
    return probes


def choose_control_count(reference: Callable[[bytes, int], int]) -> Callable[[bytes, int], int]:
    """decode._control_count, or its compiled twin (16 bytes at a time, no copies) when it counts
    every probe alike."""
    if os.environ.get("BOILERSTRIP_PURE") == "1":
        return reference
    try:
        from . import _walk

        compiled = cast(Callable[[bytes, int], int], _walk.control_count)
        if any(compiled(data, end) != reference(data, end) for data, end in _control_probes()):
            log.debug("the compiled control count is not used: it differs on a probe")
            return reference
    except Exception as exc:  # not built, or built for another Python
        log.debug("the compiled control count is not used (%s: %s)", type(exc).__name__, exc)
        return reference
    return compiled


def choose_utf8_encoder(reference: Callable[[str], bytes]) -> Callable[[str], bytes]:
    """decode._encode_utf8, or its compiled twin when it encodes every probe alike.

    The twin counts the exact size first and copies runs of ASCII several characters at once;
    a str with a surrogate goes to str.encode, which raises as the reference does.
    """
    if os.environ.get("BOILERSTRIP_PURE") == "1":
        return reference
    try:
        from . import _walk

        def compiled(text: str) -> bytes:
            out = _walk.encode_utf8(text)
            return text.encode("utf-8") if out is None else out

        for text in _encode_probes():
            try:
                want: bytes | None = reference(text)
            except UnicodeEncodeError:
                want = None
            if _walk.encode_utf8(text) != want:
                log.debug("the compiled UTF-8 encoder is not used: it differs on a probe")
                return reference
    except Exception as exc:  # not built, or built for another Python
        log.debug("the compiled UTF-8 encoder is not used (%s: %s)", type(exc).__name__, exc)
        return reference
    return compiled


def _encode_probes() -> list[str]:
    """Strs of each width (ASCII, Latin-1, 2- and 4-byte), every UTF-8 length's first and last code point,
    lone surrogates, and runs of ASCII of each length around the 8-, 4- and 2-character steps."""
    edges = [0x00, 0x7F, 0x80, 0xFF, 0x100, 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFF,
             0x10000, 0x10FFFF]
    probes = ["", "a", _PROBE]
    for cp in edges:
        for k in range(10):
            probes += ["x" * k + chr(cp), chr(cp) + "x" * k, "é" + "x" * k + chr(cp) + "y" * (9 - k)]
    rng = np.random.default_rng(31)
    pool = [chr(cp) for cp in edges if not 0xD800 <= cp <= 0xDFFF] + ["a", "b", "<", " ", "é", "中", "😀"]
    for width in (1, 3, 8, 40):
        for _ in range(40):
            probes.append("".join(rng.choice(pool, int(rng.integers(0, width + 1)))))
    return probes + [p * 9 for p in probes[-40:]]


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
    "\U0001d400\U0001d401 \U0001d41a\U0001d41b \U0001d7cf\U0001d7d0:\U0001d7d1\U0001d7d2 \U00010400\U00010428 end \U0001d400.",
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
    # Dates beside characters past ASCII that are no word character, digit or whitespace (© ’ » ·).
    "© 12:30 ‘May’ 5", "»5 May« · 1·2·2020", "’12th May", "Copyright ©2000–2006 Inc.", "© ‘Mayor’ 5",
    # Stopwords with other than ASCII characters, in capitals too (lowered in C), beside the two
    # characters left to str.lower() and a token longer than count_page lowers in C.
    "FÜR ÜBER Für über für DAS daß «und» ÀÉ à été Où où",
    "ЭТО Это это И и ИЛИ или ΚΑΙ και ΣΑΣ σας ΤΟΥΣ Σ İ İN BİR bir Bİr",
    "ü" * 70 + " " + "Ü" * 65 + " über" + "ß" * 64,
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
    return _end_bits(np.arange(size, dtype=np.uint32), tail)


def _end_bits(codes: npt.NDArray[np.uint32], tail: str) -> npt.NDArray[np.uint8]:
    """_end_classes' bits of the characters of these code points (the table, or a block past it)."""
    import regex

    chars = codes.tobytes().decode("utf-32-le", "surrogatepass")
    out = np.zeros(len(codes), dtype=np.uint8)
    for piece, bit in zip(_END_PIECES, (1, 2, 4, 8, 16), strict=True):
        # Every character the piece matches turns into NUL (which none matches).
        out[np.frombuffer(regex.sub(piece, "\x00", chars, concurrent=False).encode("utf-32-le", "surrogatepass"), dtype=np.uint32) != codes] |= bit
    # The tail's own characters (what tail.__contains__ accepts of one character), without a call
    # per character of the table.
    first = int(codes[0]) if len(codes) else 0
    out[[ord(c) - first for c in set(tail) if first <= ord(c) < first + len(codes)]] |= 32
    return out


def _astral_bits(classes_of: Callable[[Any], Any], tail: str) -> Callable[[int], tuple[Any, Any]]:
    """count_page's astral(lo): the class and sentence-end bits of the 256 code points from lo,
    past the table, made as the table and _end_classes make theirs."""

    def astral(lo: int) -> tuple[Any, Any]:
        codes = np.arange(lo, lo + 256, dtype=np.uint32)
        return np.ascontiguousarray(classes_of(codes), dtype=np.uint16), _end_bits(codes, tail)

    return astral


# features._DATE as count_page's shortcut knows it: three numeric forms, then two with month names.
_DATE_NUMBERS = r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b"
_DATE_MONTHS = r"\b(?:{0})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{0})\b"


def _date_parts(pattern: Any, months: str) -> tuple[bytes | None, Callable[[str], Any] | None]:
    """For count_page's dates: the trigrams month names start with, and a search for the numeric forms.

    (None, None), so that count_page searches with the pattern itself, unless the pattern is
    exactly _DATE_NUMBERS|_DATE_MONTHS, case-insensitive, with month names of three or more
    lowercase letters (factored as features.word_alternation writes them). Under IGNORECASE an ASCII letter matches only its two ASCII cases, so
    in an ASCII text a month name can only start at a trigram listed here; names with other
    letters (März, août) cannot match an ASCII text at all.
    """
    import regex

    from ..features import word_alternation

    words = months.split("|")
    if (
        pattern.pattern != _DATE_NUMBERS + "|" + _DATE_MONTHS.format(word_alternation(words))
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


def _month_words(months: str) -> tuple[str, ...]:
    """The month names count_page's C date matcher compares (_walk._ascii_date): the ASCII ones,
    as no other can match an ASCII text."""
    return tuple(w for w in months.split("|") if w.isascii())


# The characters and texts on which count_page's C date matcher must answer as the pattern does
# before it is used: each sort of ASCII character (digits, letters, "_", \s, the separators
# 28-31, the forms' punctuation, others) in each place of each form.
_DATE_PROBE_CHARS = "09azAZ_\t\n\x0b\x0c\r \x1c\x1f./-:,!()'\x00\x7f"
_DATE_PROBE_FORMS = (
    "{0}May{0}5{0}", "May.{0}12th{0}", "5{0}May{0}", "31st{0}Dec{0}", "1{0}2{0}2020{0}", "12{0}30{0}", "2020{0}01{0}31{0}",
    "{0}1/2/20{0}", "{0}12:30{0}", "{0}2020-01-31{0}", "{0}sept. 5{0}", "{0}5 sept{0}", "{0}3RD.  mars{0}", "x{0}Jun 123{0}",
)


def _ascii_dates_agree(pattern: Any, month_starts: bytes, month_words: tuple[str, ...]) -> bool:
    """Whether _walk.ascii_date answers as pattern.search on _DATE_PROBE_FORMS with each of _DATE_PROBE_CHARS."""
    from . import _walk

    for form in _DATE_PROBE_FORMS:
        for c in _DATE_PROBE_CHARS:
            text = form.format(c)
            if _walk.ascii_date(text, month_starts, month_words) != (pattern.search(text) is not None):
                return False
    return True


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
        month_words = _month_words(f._MONTHS) if month_starts is not None else None
        if month_starts is not None and month_words is not None and not _ascii_dates_agree(f._DATE, month_starts, month_words):
            month_words = None  # the C matcher's \d, \w or \s are not the pattern's: searched with number_search
        # Characters past the table are counted in C too when the sentence end is (their end bits).
        astral = _astral_bits(f.classes_of, end_tail) if end_table is not None else None

        def compiled(texts: list[str], stopwords: frozenset[str], out: npt.NDArray[np.int64]) -> None:
            _walk.count_page(texts, stopwords, out, table, bits, end_search, end_tail, date_search, stats_one,
                             end_table, month_starts, number_search, astral, month_words)

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


# ---------------------------------------------------------------------------------------
# Compiled twins of features', score's and smooth's per-page steps (boilerstrip/_kernels.pyx).
# Each module ends with `name = choose_kernel("name", name)`: the twin is used only when the
# extension is built and the twin gives the reference's exact result (bit for bit, signed
# zeros too) on generated probe pages, whose trees, weights and features are drawn with a
# fixed seed to hit ties, zeros and each branch. KERNELS names the one in use per step;
# KERNEL_REFERENCES keeps the Python functions for tests.

KERNELS: dict[str, Literal["compiled", "python"]] = {}
KERNEL_REFERENCES: dict[str, Callable[..., Any]] = {}
_F = TypeVar("_F", bound=Callable[..., Any])


def choose_kernel(name: str, reference: _F) -> _F:
    """reference, or its compiled twin in boilerstrip._kernels when it is built and agrees on the probes."""
    KERNEL_REFERENCES[name] = reference
    KERNELS[name] = "python"
    if os.environ.get("BOILERSTRIP_PURE") == "1":
        return reference
    try:
        compiled, problem = _KERNEL_MAKERS[name](reference)
    except Exception as exc:  # not built, or built for another Python or numpy
        compiled, problem = None, f"{type(exc).__name__}: {exc}"
    if compiled is None or problem:
        log.debug("the compiled %s is not used (%s): using the Python one", name, problem)
        return reference
    KERNELS[name] = "compiled"
    return cast(_F, compiled)


def _same(a: Any, b: Any) -> bool:
    """Equal results, bit for bit: arrays of the same dtype and shape with the same bytes, floats alike."""
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        return bool(a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes())
    if isinstance(a, float) and isinstance(b, float):
        return bool(np.float64(a).tobytes() == np.float64(b).tobytes())
    return bool(type(a) is type(b) and a == b)


_ELLIPSIS_PROBE = [
    "", ".", "..", "...", "....", "…", "a…", "a...", "a..", "a. . .", "a...]", "a... )", "a…) ", "a…])",
    "a...]]", "a…\u3000", "a...\n", "a...\x1c", "a…\x1c", "(...)", "[…]", "a … x", "a...b", "x ...  ] \u2003",
    "a.. .", "…..", ".…", " …", "a]", "a )", "\u2026\u2026", "end.", "so on, etc.)", "a\u00a0…", "x… \x85",
]


def _make_ellipsis(reference: Callable[[list[str]], Any]) -> tuple[Any, str | None]:
    import regex

    from .. import _kernels
    from .. import features as f

    if f._ELLIPSIS.pattern != r"(?:\.\.\.|…)\s*[\]\)]?\s*$" or f._ELLIPSIS.flags != regex.compile("").flags:
        return None, "features._ELLIPSIS is not the pattern the twin knows"
    # Whitespace ends below U+3100 (tests check every code point).
    chars = "".join(map(chr, range(0x3100)))
    spaces = "".join(c for c, d in zip(chars, regex.sub(r"\s", "\x00", chars), strict=True) if c != d)
    if _kernels.space_chars(0x3100) != spaces:
        return None, "regex's \\s differs from the twin's whitespace"
    tail = f._ELLIPSIS_TAIL

    def compiled(texts: list[str]) -> Any:
        return _kernels.ellipsis(texts, tail)

    texts = _ELLIPSIS_PROBE + [t + s for t in _ELLIPSIS_PROBE for s in (" ", ")", "\u2009")]
    if not _same(compiled(texts), reference(texts)) or not _same(compiled([]), reference([])):
        return None, "it differs on the probe texts"
    return compiled, None


def _probe_pages(seed: int, count: int) -> list[Any]:
    """Segments-like pages: random trees (in document order, and some not), tags, classes and blocks.

    Alike siblings (same parent, tag and class) are frequent, as in templates' lists.
    """
    from .segment import Segments

    rng = np.random.default_rng(seed)
    pages = []
    for k in range(count):
        n_elem = int(rng.integers(1, 90))
        tags = rng.choice(["div", "li", "article", "p"], n_elem).tolist()
        classes = rng.choice(["", "post", "card"], n_elem).tolist()
        seg = Segments(elem_parent=[-1], elem_tag=["body", *tags[1:]], elem_class=["", *classes[1:]])
        draws = rng.random((n_elem, 2)).tolist()
        open_ = [0]
        for e in range(1, n_elem):
            if k % 4 == 3:
                parent = max(0, e - 1 - int(draws[e][0] * 4))  # any of the few elements before
            else:
                if draws[e][1] < 0.4:  # close some of the open elements
                    del open_[1 + int(draws[e][0] * len(open_)):]
                parent = open_[-1]
                open_.append(e)
            seg.elem_parent.append(parent)
        n = int(rng.integers(0, 160))
        seg.elems = sorted(int(e) for e in rng.integers(0, n_elem, size=n))
        seg.texts = ["x"] * n
        pages.append(seg)
    return pages


def _probe_arrays(rng: Any, n: int) -> dict[str, Any]:
    """Block features drawn from small sets, so that ties, zeros and every threshold occur."""
    from .segment import Flag

    pick = rng.choice
    bits = [0, 0, 0, Flag.NAV, Flag.COMMENT, Flag.NEG_CLASS, Flag.TABLE, Flag.FOOTER, Flag.ARTICLE, Flag.HEADER,
            Flag.POS_CLASS, Flag.FIGURE, Flag.COMMENT | Flag.POS_CLASS, Flag.TABLE | Flag.NAV, Flag.MAIN, Flag.FORM,
            Flag.ASIDE, Flag.COMMENT | Flag.ARTICLE, Flag.FIGURE | Flag.PRE, Flag.FIGURE | Flag.TABLE]
    return {
        "n_chars": pick([0.0, 5.0, 40.0, 41.0, 100.0, 300.0, 900.0], n),
        "n_words": pick([0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 7.0, 9.0, 10.0, 12.0, 25.0, 60.0], n),
        "link_density": pick([0.0, 0.0, 0.2, 0.5, 0.8, 0.9, 1.0], n),
        "stopword_ratio": pick([0.0, 0.1, 0.18, 0.3, 0.5], n),
        "flags": np.asarray(pick(bits, n), dtype=np.int64) | np.asarray(pick([0, 0, int(Flag.LIST)], n), dtype=np.int64),
        "weight": pick([0.0, 0.0, 10.0, 50.0, 50.0, 200.0, 800.0, 0.1, 0.3], n),
    }


def _make_main_container(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f

    share, item = f._MAIN_SHARE, f._ITEM_SHARE

    def compiled(seg: Any, weight: Any) -> Any:
        got = _kernels.main_container(seg, weight, share, item)
        return reference(seg, weight) if got is None else got

    rng = np.random.default_rng(7)
    for seg in _probe_pages(11, 24):
        for _ in range(2):
            weight = _probe_arrays(rng, len(seg.elems))["weight"]
            if not _same(compiled(seg, weight), reference(seg, weight)):
                return None, "it differs on a probe page"
    return compiled, None


def _make_card_marks(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f

    consts = (f._HEADLINE_LINKS, f._EXCERPT_LINKS, f._HEADLINE_WORDS, int(f._CHROME_FLAGS), f._CARD_ITEMS, f._ITEM_TAGS)

    def compiled(seg: Any, link_density: Any, n_words: Any, flags: Any, ellipsis: Any) -> Any:
        got = _kernels.card_marks(seg, link_density, n_words, flags, ellipsis, *consts)
        return reference(seg, link_density, n_words, flags, ellipsis) if got is None else got

    rng = np.random.default_rng(5)
    probes = []
    for seg in _probe_pages(13, 12):
        a = _probe_arrays(rng, len(seg.elems))
        probes.append((seg, a["link_density"], a["n_words"], a["flags"], rng.choice([0.0, 0.0, 1.0], len(seg.elems))))
    # _card_pages' arguments are _teaser_cards' (seg, n_chars, link_density, n_words, flags, weight, ellipsis).
    probes += [(seg, ld, nw, fl, ell) for seg, _, ld, nw, fl, _, ell in _card_pages(rng, 80)]
    cards = 0
    for args in probes:
        want = reference(*args)
        if not _same(compiled(*args), want):
            return None, "it differs on a probe page"
        cards += bool(want.any())
    if cards < 10:
        return None, f"the probe pages hold too few teaser cards ({cards})"
    return compiled, None


def _card_pages(rng: Any, count: int) -> list[tuple[Any, ...]]:
    """Pages with an article beside a rail of items led by linked headlines (some alike, some not)."""
    from .segment import Flag, Segments

    pages = []
    for _ in range(count):
        seg = Segments(elem_parent=[-1, 0, 0], elem_tag=["body", "article", "div"], elem_class=["", "", "rail"])
        rows: list[tuple[int, float, float, float, int, float]] = []  # elem, chars, links, words, flags, weight
        for _ in range(int(rng.integers(0, 7))):
            seg.elem_parent.append(1)
            seg.elem_tag.append("p")
            seg.elem_class.append("")
            rows.append((len(seg.elem_tag) - 1, float(rng.choice([50.0, 400.0, 600.0])), 0.0, 50.0, 0,
                         float(rng.choice([10.0, 200.0, 400.0]))))
        shape = (str(rng.choice(["li", "div", "div", "article"])), str(rng.choice(["", "card", "card"])))
        for _ in range(int(rng.integers(2, 9))):
            item = len(seg.elem_tag)
            seg.elem_parent.append(2)
            seg.elem_tag.append(shape[0] if rng.random() < 0.85 else "p")
            seg.elem_class.append(shape[1] if rng.random() < 0.85 else "teaser")
            flag = int(rng.choice([0] * 10 + [Flag.NAV, Flag.COMMENT]))
            if rng.random() < 0.5:
                seg.elem_parent.append(item)
                seg.elem_tag.append("h3")
                seg.elem_class.append("")
                rows.append((item + 1, 40.0, float(rng.choice([0.8, 1.0, 0.5])), float(rng.choice([3.0, 4.0, 8.0])), flag, 0.0))
            else:
                rows.append((item, 40.0, float(rng.choice([0.8, 1.0, 0.2])), float(rng.choice([4.0, 8.0])), flag, 0.0))
            rows.append((item, float(rng.choice([20.0, 200.0])), 0.0, 30.0, flag, float(rng.choice([0.0, 60.0]))))
        elems, n_chars, links, words, flags, weight = zip(*rows, strict=True)
        seg.elems = list(elems)
        seg.texts = ["x"] * len(seg.elems)
        pages.append((seg, np.asarray(n_chars), np.asarray(links), np.asarray(words),
                      np.asarray(flags, dtype=np.int64), np.asarray(weight),
                      rng.choice([0.0, 1.0], len(rows))))
    return pages


def _probe_features(rng: Any, n: int, mode: str) -> Any:
    """A Features of n blocks with values drawn from small sets (scores and smoothing probes)."""
    from ..features import Features

    a = _probe_arrays(rng, n)
    pick = rng.choice

    def some(values: list[float]) -> Any:
        return np.asarray(pick(values, n), dtype=np.float64)

    html = mode == "html"
    return Features(
        mode=mode,
        n_chars=a["n_chars"],
        n_words=a["n_words"],
        link_density=a["link_density"],
        text_density=some([0.0, 5.0, 12.0]),
        stopword_ratio=a["stopword_ratio"],
        punct_ratio=some([0.0, 0.05]),
        capital_ratio=some([0.0, 0.5, 0.7, 0.71, 1.0]),
        sentence_end=some([0.0, 1.0]),
        ellipsis=some([0.0, 0.0, 1.0]),
        n_sentences=some([0.0, 1.0, 3.0, 4.0, 7.0]),
        date_like=some([0.0, 0.0, 0.0, 1.0]),
        position=np.linspace(0.0, 1.0, n),
        heading=some([0.0, 0.0, 0.0, 1.0, 2.0]) if html else np.zeros(n),
        repeated=some([0.0, 0.0, 0.0, 1.0]),
        blank_before=some([0.0, 0.0, 1.0, 2.0]),
        blank_after=some([0.0, 0.0, 1.0]),
        run_lines=some([1.0, 2.0, 3.0, 5.0]),
        run_long=some([0.0, 2.0, 3.0]),
        dated=some([0.0, 0.0, 1.0, 3.0]),
        main=some([0.0, 1.0, 1.0]),
        card=some([0.0, 0.0, 1.0]) if html else np.zeros(n),
        flags=a["flags"] if html else np.zeros(n, dtype=np.int64),
        main_share=float(pick([0.0, 0.6, 1.0])),
        blank_style=bool(pick([False, True])),
        language="en",
    )


def _make_score_blocks(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    import dataclasses

    from .. import _kernels
    from .. import score as s
    from .segment import Flag

    cols = {code: i for i, code in enumerate(s.RULES)}
    flag_cols = np.asarray(s._FLAG_COLUMNS, dtype=np.int64)
    flag_bits = np.asarray(s._FLAG_BITS, dtype=np.int64)
    flag_unless = np.asarray(s._FLAG_UNLESS, dtype=np.int64)
    bonus_cols = np.asarray(s._BONUS_COLUMNS, dtype=np.int64)
    names = tuple(s._FLAG_WEIGHTS)
    n_rules = len(s.RULES)
    comment = int(Flag.COMMENT)

    # The flag rules' weights of the last Params seen (frozen: the same object has the same
    # weights), not read again on every page (a generator and eight getattrs, ~1 us).
    last: list[Any] = [None, ()]

    def compiled(f: Any, p: Any = s.DEFAULT_PARAMS) -> Any:
        if p is not last[0]:
            last[:] = [p, tuple(getattr(p, name) for name in names)]
        return _kernels.score_blocks(f, p, cols, flag_cols, flag_bits, flag_unless, last[1], comment, bonus_cols, n_rules)

    rng = np.random.default_rng(3)
    params = (s.DEFAULT_PARAMS, dataclasses.replace(s.DEFAULT_PARAMS, include_comments=True))
    for k in range(12):
        for mode in ("html", "text"):
            f = _probe_features(rng, int(rng.integers(0, 120)) if k else 0, mode)
            for p in params:
                if not _same(compiled(f, p), reference(f, p)):
                    return None, f"it differs on a probe page ({mode})"
    return compiled, None


def _make_smooth_labels(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import smooth as m

    consts = (
        m._FIRM_CHROME, m._FIRM_BODY, int(m._CHROME_CONTEXT), int(m._CAPTION), int(m._CAPTION_UNLESS),
        m._MAX_GAP, m._LEAD_GAP, m._LEAD_MARGIN, m._LEAD_LINKS, m._CHAIN_LINKS,
    )
    tables, head, rescue, table_bit = m._keep_data_tables, m._text_head, m.rescue_empty, int(m._TABLE)

    def compiled(scores: Any, f: Any, threshold: float) -> Any:
        return _kernels.smooth_labels(scores, f, threshold, *consts, tables, table_bit, head, rescue)

    rng = np.random.default_rng(9)
    for k in range(16):
        for mode in ("html", "text"):
            n = int(rng.integers(0, 100)) if k > 2 else k
            f = _probe_features(rng, n, mode)
            # Scores around the thresholds, some far off, some all below (the rescue rule).
            scores = rng.choice([-6.0, -2.5, -1.0, -0.5, 0.0, 0.4, 1.0, 2.0, 3.5, 5.0], n)
            if k % 5 == 4:
                scores = scores - 8.0
            for threshold in (0.0, 0.75, -0.75):
                if not _same(compiled(scores, f, threshold), reference(scores, f, threshold)):
                    return None, f"it differs on a probe page ({mode})"
    return compiled, None


def _make_text_stats(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f
    from ..stopwords import stopwords_for

    if not f._FAST_STATS:
        return None, "features' patterns changed: _text_stats counts text by text"
    chunk, rows = f._CHUNK, f._STATS

    def compiled(texts: list[str], stopwords: frozenset[str]) -> Any:
        uniq, where, size = _kernels.distinct(texts)
        m = len(uniq)
        if not m or size + m >= chunk:
            return reference(texts, stopwords)  # nothing to count, or counted in batches
        out = np.zeros((rows, m), dtype=np.int64)
        f._count_page(uniq, stopwords, out)
        if m < len(texts):
            out = out[:, where]
        return tuple(out)

    probes = [[], [""], _COUNT_PROBE, _COUNT_PROBE * 2, _COUNT_PROBE[::-1] + _COUNT_PROBE[:5], ["x", "y", "x", "", "x"]]
    for lang in ("en", None):
        for texts in probes:
            if not _same(compiled(list(texts), stopwords_for(lang)), reference(list(texts), stopwords_for(lang))):
                return None, "it differs on the probe texts"
    return compiled, None


# Texts for features._repeated's twin: case and whitespace variants, characters whose lowercase
# is ASCII (Kelvin sign) or longer (dotted capital I), final sigma, non-ASCII spaces to strip.
_REPEATED_PROBE = [
    "Home", "home", " HOME ", "Home\x1c", "\x1fhome\t", "Hom", "Homes", "", " ", "\xa0", "\u3000 ",
    "\u212a", "k", "K", "\u212aey", "KEY", "\xa0Home", "Home\u2003", "\u0130", "i\u0307", "I", "i",
    "ΟΔΟΣ", "οδος", "οδοσ", "Straße", "STRASSE", "straße", "é", "É", "e\u0301", "中文", "中文 ",
    "a\x00b", "A\x00B", "a b", "a  b", "x" * 300, "X" * 300, "once", "only one of these",
    # Final sigma and the dotted capital I (str.lower itself), long keys alike at both ends
    # (hashed on their ends only), cases past Latin, and a ﬁ ligature (no single-character lowercase).
    "ΣΑΣ", "σας", "σασ", "ΟΔΟΣ ", "İstanbul", "i\u0307stanbul", "x" * 20 + "a" + "x" * 20,
    "X" * 20 + "A" + "X" * 20, "x" * 20 + "b" + "x" * 20, "ДОМ", "дом", "Ǆ", "ǆ", "ǅ", "\ufb01", "ΐ", "ᾈ", "ᾀ",
]


def _make_repeated(reference: Callable[[list[str]], Any]) -> tuple[Any, str | None]:
    from . import _walk

    def compiled(texts: list[str]) -> Any:
        out = np.zeros(len(texts), dtype=np.float64)
        _walk.repeated(texts, out)
        return out

    rng = np.random.default_rng(17)
    probes = [[], ["x"], _REPEATED_PROBE, _REPEATED_PROBE[::-1]]
    probes += [rng.choice(_REPEATED_PROBE, int(rng.integers(1, 60))).tolist() for _ in range(20)]
    for texts in probes:
        if not _same(compiled(texts), reference(texts)):
            return None, "it differs on the probe texts"
    return compiled, None


def _make_content_named(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f
    from .segment import Flag

    neg_bit = int(Flag.NEG_CLASS)
    # The twin splits a class name as _NAME_WORDS does only when it is that pattern.
    content_words = f._CONTENT_WORDS if f._NAME_WORDS.pattern == "[A-Za-z][a-z]*" and not f._NAME_WORDS.flags & ~re.UNICODE else None

    def compiled(seg: Any, flags: Any) -> Any:
        out = _kernels.content_named(
            seg, flags, neg_bit, f._names_content_only, f._POST_WORDS, f._MORE_CONTENT_WORDS, content_words
        )
        return reference(seg, flags) if out is None else out

    rng = np.random.default_rng(23)
    freed = 0
    for k in range(60):
        seg, flags = _named_page(rng, int(rng.integers(1, 40)) if k else 1)
        want = reference(seg, flags)
        if not _same(compiled(seg, flags), want):
            return None, "it differs on a probe page"
        freed += int(((flags & neg_bit) != 0).sum() - ((want & neg_bit) != 0).sum())
    if freed < 20:
        return None, f"the probe pages free too few blocks ({freed})"
    return compiled, None


def _make_deepest_neg(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    def compiled(seg: Any, marked: Any) -> Any:
        out = _kernels.deepest_neg(seg, marked)
        return reference(seg, marked) if out is None else out

    rng = np.random.default_rng(29)
    found = 0
    for k in range(60):
        seg, flags = _named_page(rng, int(rng.integers(1, 40)) if k else 1)
        marked = rng.random(len(flags)) < 0.6
        want = reference(seg, marked)
        if not _same(compiled(seg, marked), want):
            return None, "it differs on a probe page"
        found += int((want >= 0).sum())
    if found < 20:
        return None, f"the probe pages hold too few chrome-word elements ({found})"
    return compiled, None


def _make_unwrap(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f
    from .segment import Flag

    neg_bit, beside = int(Flag.NEG_CLASS), float(f._WRAP_BESIDE)

    def compiled(seg: Any, flags: Any, main: Any) -> Any:
        out = _kernels.unwrap(seg, flags, main, neg_bit, beside)
        return reference(seg, flags, main) if out is False else out

    rng = np.random.default_rng(31)
    freed = 0
    for seg, flags, main in _unwrap_pages(rng, 40):
        want = reference(seg, flags, main)
        got = compiled(seg, flags, main)
        if not (got is None and want is None or got is not None and want is not None and _same(got, want)):
            return None, "it differs on a probe page"
        freed += want is not None
    if freed < 5:
        return None, f"too few probe pages free any block ({freed})"
    return compiled, None


def _unwrap_pages(rng: Any, count: int) -> list[tuple[Any, Any, Any]]:
    """Random element trees (_named_page) with texts of random lengths and a main container of a run of blocks.

    Every other page is a tree in document order flagged as segment flags a page (a block
    under a chrome-word element, element 1 among them as a template's wrapper near the
    root): wrappers free blocks there; the others keep _named_page's random tree and flags.
    """
    from .segment import Flag

    pages = []
    for k in range(count):
        seg, flags = _named_page(rng, int(rng.integers(1, 40)) if k else 1)
        n = len(flags)
        seg.texts = ["x" * k for k in rng.integers(0, 300, n).tolist()]
        if k % 2 and len(seg.elem_parent) > 1:
            # In document order, as a parser numbers elements: each one's parent is on the path
            # to the one before, and all are under element 1.
            path = [0]
            for e, r in enumerate(rng.random(len(seg.elem_parent)).tolist()):
                if e == 0:
                    continue
                low = min(2, len(path))
                del path[low + int(r * (len(path) + 1 - low)) :]
                seg.elem_parent[e] = path[-1]
                path.append(e)
            seg.neg_elems = sorted({1, *seg.neg_elems})
            under = np.zeros(len(seg.elem_parent), dtype=bool)
            under[seg.neg_elems] = True
            for e in range(1, len(under)):
                under[e] |= under[seg.elem_parent[e]]
            flags = np.where(under[seg.elems], flags | int(Flag.NEG_CLASS), flags & ~int(Flag.NEG_CLASS))
        main = np.zeros(n, dtype=np.float64)
        # The run starts anywhere, or on a tree in document order, under element 1 (the wrapper).
        starts = np.flatnonzero(np.asarray(seg.elems) >= 1) if k % 2 else np.arange(n)
        if len(starts):
            a = int(rng.choice(starts))
            main[a : a + int(rng.integers(0, 8))] = 1.0
        pages.append((seg, flags, main))
    return pages


def _make_comment_sections(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f
    from .segment import Flag

    comment_bit, stems, titled = int(Flag.COMMENT), f._COMMENT_STEMS, float(f._COMMENT_TITLED_WORDS)
    names_thread, dates = f._names_thread, float(f._SECTION_DATES)

    def compiled(seg: Any, flags: Any, heading: Any, date_like: Any, n_words: Any) -> Any:
        out = _kernels.comment_sections(
            seg, flags, heading, date_like, n_words, comment_bit, stems, titled, names_thread, dates
        )
        return reference(seg, flags, heading, date_like, n_words) if out is None else out

    rng = np.random.default_rng(37)
    marked = 0
    for args in _comment_pages(rng, 40):
        want = reference(*args)
        if not _same(compiled(*args), want):
            return None, "it differs on a probe page"
        marked += int(((want ^ args[1]) != 0).sum())
    if marked < 40:
        return None, f"the probe pages mark too few blocks ({marked})"
    return compiled, None


# Heading texts for features._comment_sections' probes: each form of a thread's heading, in
# capitals and in other languages, with a non-ASCII capital ("\u0130" lowers to "i" and a
# dot above), and headings that name no thread.
_COMMENT_HEADINGS = [
    "Comments", "12 Responses to \u201cA Title\u201d", "Kommentare (3)", "COMMENTS:", "3 comments on Title",
    "Leave a comment", "REACT\u0130ONS", "Reacties", "Discussion", "Related posts", "About the author",
    "{ 74 comments... read them below or add one }", "Comment", "Coment\u00e1rios [2]", "responses", "x",
]


def _comment_pages(rng: Any, count: int) -> list[tuple[Any, Any, Any, Any, Any]]:
    """Random element trees (_named_page) whose blocks are headings of _COMMENT_HEADINGS' texts, comments and dated lines."""
    from .segment import Flag

    pages = []
    for k in range(count):
        seg, _ = _named_page(rng, int(rng.integers(1, 40)) if k else 1)
        n = len(seg.elems)
        heading = np.where(rng.random(n) < 0.3, rng.integers(1, 5, n), 0).astype(np.float64)
        seg.texts = [t if h else "a line" for t, h in zip(rng.choice(_COMMENT_HEADINGS, n).tolist(), heading, strict=True)]
        n_words = np.asarray([len(t.split()) for t in seg.texts], dtype=np.float64)
        flags = np.where(rng.random(n) < 0.2, int(Flag.COMMENT), 0).astype(np.int64)
        date_like = (rng.random(n) < 0.4).astype(np.float64)
        pages.append((seg, flags, heading, date_like, n_words))
    return pages


def _make_keep_alike_runs(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import smooth as m
    from .segment import Flag

    items, share, links = m._RUN_ITEMS, float(m._RUN_BODY_SHARE), float(m._RUN_MAX_LINKS)
    outside, neg_bit = int(m._CHROME_CONTEXT | Flag.HEADER | Flag.FORM), int(Flag.NEG_CLASS)

    def compiled(seg: Any, f: Any, body: Any, why: Any) -> None:
        if len(body) < items or f.mode != "html":
            return
        if not _kernels.keep_alike_runs(seg, f, body, why, items, share, links, outside, neg_bit):
            reference(seg, f, body, why)

    rng = np.random.default_rng(41)
    joined = 0
    for seg, f, body in _alike_pages(rng, 40):
        want = (body.copy(), np.zeros(len(body), dtype=np.int8))
        reference(seg, f, *want)
        got = (body.copy(), np.zeros(len(body), dtype=np.int8))
        compiled(seg, f, *got)
        if not _same(got, want):
            return None, "it differs on a probe page"
        joined += int((want[0] & ~body).sum())
    if joined < 15:
        return None, f"the probe pages join too few blocks ({joined})"
    return compiled, None


def _alike_pages(rng: Any, count: int) -> list[tuple[Any, Any, Any]]:
    """Random element trees (_named_page) whose blocks come in runs of alike kinds, with probe features and labels."""
    from types import SimpleNamespace

    from .segment import Flag

    pages = []
    for k in range(count):
        seg, _ = _named_page(rng, int(rng.integers(4, 30)) if k else 1)
        n = len(seg.elems)
        seg.kinds = [str(x) for x in rng.choice(["p", "p", "li", "div", "h2"], n)]
        # Runs: each kind repeats from one block to the next most of the time.
        for i, stay in enumerate((rng.random(n) < 0.7).tolist()):
            if i and stay:
                seg.kinds[i] = seg.kinds[i - 1]
        # The fields keep_alike_runs reads (a whole Features costs a millisecond to draw):
        # most blocks in the main container and free of chrome bits, a few of either.
        flags = np.where(rng.random(n) < 0.15, rng.choice([int(Flag.NAV), int(Flag.HEADER), int(Flag.NEG_CLASS)], n), 0)
        f = SimpleNamespace(
            mode="html" if k % 8 else "text",
            main=np.where(rng.random(n) < 0.9, 1.0, 0.0),
            flags=flags.astype(np.int64),
            date_like=np.where(rng.random(n) < 0.2, 1.0, 0.0),
            link_density=rng.choice([0.0, 0.0, 0.2, 0.5, 0.9], n),
        )
        pages.append((seg, f, rng.random(n) < 0.4))
    return pages


def _make_prose_weight(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f
    from .segment import Flag

    chrome = int(f._PROSE_CHROME)
    neg_bit, comment_bit, neg_weight = int(Flag.NEG_CLASS), int(Flag.COMMENT), float(f._NEG_CLASS_WEIGHT)

    def compiled(n_chars: Any, link_density: Any, n_words: Any, stop: Any, flags: Any) -> Any:
        out = _kernels.prose_weight(n_chars, link_density, n_words, stop, flags, chrome, neg_bit, comment_bit, neg_weight)
        return reference(n_chars, link_density, n_words, stop, flags) if out is None else out

    rng = np.random.default_rng(43)
    for k in range(12):
        a = _probe_arrays(rng, int(rng.integers(0, 120)) if k else 0)
        # Stop-word ratios beyond the clip's bounds, and the ratio given to unspaced script.
        stop = a["stopword_ratio"] * rng.choice([1.0, 0.5, 3.0], len(a["flags"])) + 0.01 * (k % 3)
        args = (a["n_chars"], a["link_density"], a["n_words"], stop, a["flags"])
        if not _same(compiled(*args), reference(*args)):
            return None, "it differs on the probe arrays"
    return compiled, None


# Class strings for features._content_named's probes: post and content names, chrome words,
# names that join the two, and both on one element; capitals, and non-ASCII names (the
# compiled twin lowers only those: "\u0130" lowers to "i" and a dot above).
_NAMED_CLASSES = [
    "", "", "", "post hentry", "entry-content", "article__body article-overlay-handle", "widget Blog",
    "sidebar", "content", "post-share", "related-posts", "entry entry-author-x", "footer", "main",
    "richtext cmp-richtext--disclaimer", "storyBody", "menu-item menu-item-type-post_type",
    "ARTICLE-BODY", "Post-Body größe", "art\u0130cle-body", "\u212aommentar-main", "ENTRY Sidebar", "pos",
    # Names split at other characters than "-" (digits, "_", camelCase humps, ASCII separators).
    "post_body", "entry\tcontent", "postBody2", "articleBodyX", "main-nav x-post", "Post3Content", "\x1cpost\x1fbody",
    "postbody mainContent", "storyZ", "sidebar-content content", "MAIN",
]


def _named_page(rng: Any, n_elem: int) -> tuple[Any, Any]:
    """A random element tree with class names from _NAMED_CLASSES, its chrome-word elements and flagged blocks."""
    from .segment import Flag, Segments

    # Drawn an array at a time (a draw per element made the probes cost tens of milliseconds
    # at import): element e's parent is uniform among the elements before it.
    up = np.arange(1, n_elem + 1)
    seg = Segments(
        elem_parent=[-1, *(rng.random(n_elem) * up).astype(np.int64).tolist()],
        elem_tag=["body"] + ["div"] * n_elem,
        elem_class=["", *rng.choice(_NAMED_CLASSES, n_elem).tolist()],
    )
    seg.neg_elems = up[rng.random(n_elem) < 0.3].tolist()
    n = int(rng.integers(0, 3 * n_elem))
    seg.elems = sorted(int(x) for x in rng.integers(0, n_elem + 1, n))
    seg.texts = ["x"] * n
    bits = rng.choice([0, int(Flag.NEG_CLASS), int(Flag.NEG_CLASS | Flag.ARTICLE), int(Flag.NAV)], n)
    return seg, np.asarray(bits, dtype=np.int64)


def _make_page_language(reference: Callable[[list[str]], Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f
    from .. import stopwords as s

    langs = tuple(s.STOPWORDS)
    if len(langs) > 63:
        return None, "more languages than bits"
    bits = {w: sum(1 << langs.index(lang) for lang in ls) for w, ls in s._LANGUAGES_OF.items()}
    table = _kernels.LanguageTable(bits)
    texts_cap, words_cap = f._SAMPLE_TEXTS, f._SAMPLE_WORDS

    def compiled(texts: list[str]) -> Any:
        words, counts = _kernels.language_counts(texts, texts_cap, words_cap, table, len(langs))
        return s.best_language(dict(zip(langs, counts, strict=True)), words)

    for texts in _language_pages():
        if compiled(texts) != reference(texts) or _kernels.language_counts(
            texts, texts_cap, words_cap, table, len(langs)
        ) != _sample_counts(f._language_sample(texts), langs):
            return None, "it differs on a probe page"
    return compiled, None


def _sample_counts(sample: list[str], langs: tuple[str, ...]) -> tuple[int, list[int]]:
    """How many words a language sample has and how many of them each language's list holds."""
    from collections import Counter

    from ..stopwords import STOPWORDS

    times = Counter(sample)
    return len(sample), [sum(c for w, c in times.items() if w in STOPWORDS[lang]) for lang in langs]


def _language_pages() -> list[list[str]]:
    """Probe pages for the language guess: each listed language's words in upper, title and mixed
    case, tokens at the function words' longest length and past it, non-ASCII tokens whose lowercase
    is ASCII (Kelvin sign) or longer (dotted capital I), NUL, every kind of whitespace, and pages
    past the sample's 400 texts and 3,000 words (cut inside a text)."""
    from ..stopwords import STOPWORDS

    rng = np.random.default_rng(29)
    longest = max(map(len, STOPWORDS["en"] | STOPWORDS["de"]))
    odd = ["\u212a", "\u0130n", "I\u0307", "x\x00", "\x00", "a" * longest, "a" * (longest + 1), "Ab" * 9,
           "ΟΔΟΣ", "Straße", "中文", "\U0001f600", "don\u2019t", "ÜBER", "Für", "und\u00a0der"]
    spaces = [" ", "  ", "\t", "\n", "\x1c", "\x1f", "\x0b", "\u3000", "\u2003", "\x85", "\xa0"]
    pages: list[list[str]] = [[], [""], [" "], _COUNT_PROBE, [" ".join(_COUNT_PROBE)] * 3]
    for lang in ("en", "de", "fr", "ru", "tr", None):
        words = sorted(STOPWORDS[lang])[:60] if lang else sorted(STOPWORDS["en"] | STOPWORDS["es"])[::8]
        pool = [w.upper() for w in words[:6]] + [w.title() for w in words[6:12]] + words + odd
        pool += ["word", "Zeitung", "journal", "новости"]
        draws = rng.integers(0, len(pool), 5000).tolist()
        gaps = rng.integers(0, len(spaces), 5000).tolist()
        at = 0
        # Past the sample's 400 texts and 3,000 words: for two of the word lists.
        sizes = ((3, 4), (12, 6), (40, 40)) + (((420, 3), (10, 320)) if lang in ("en", None) else ())
        for size, per in sizes:
            page = []
            for count in rng.integers(1, per + 1, size).tolist():
                page.append("".join(pool[draws[(at + j) % 5000]] + spaces[gaps[(at + j) % 5000]] for j in range(count)).strip())
                at += count
            pages.append(page)
    return pages


def _make_block_arrays(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f

    levels = f._HEADING_LEVELS

    def compiled(seg: Any, html: bool) -> Any:
        got = _kernels.block_arrays(seg, html, levels)
        return reference(seg, html) if got is None else got

    rng = np.random.default_rng(37)
    kinds = ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "H2", "h7", "td", "line"]
    texts = ["", "x", "a b", "é" * 3, "中文", "\U0001f600", "word " * 40]
    pages = _probe_pages(41, 30)
    for seg in pages:
        n = len(seg.elems)
        seg.texts = [str(t) for t in rng.choice(texts, n)]
        seg.kinds = [str(k) for k in rng.choice(kinds, n)]
        seg.link_chars = [int(min(x, len(t))) for x, t in zip(rng.integers(0, 300, n), seg.texts, strict=True)]
        seg.flags = [int(x) for x in rng.integers(0, 1 << 18, n)]
        seg.blank_before = [int(x) for x in rng.choice([0, 0, 1, 3], n)]
    for seg in pages:
        for html in (True, False):
            if not _same(compiled(seg, html), reference(seg, html)):
                return None, "it differs on a probe page"
    return compiled, None


def _make_subtree_ends(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    def compiled(parents: Any) -> Any:
        got = _kernels.subtree_ends(parents) if parents.dtype == np.int64 else None
        return reference(parents) if got is None else got

    # The probe pages' trees, in document order and not (as some of _probe_pages' are), whole
    # and as the runs of elements below one element that smooth._container_subtrees numbers.
    trees = [np.zeros(0, dtype=np.int64), np.asarray([-1], dtype=np.int64), np.asarray([5, 0, 0, 1], dtype=np.int64)]
    for seg in _probe_pages(43, 40):
        parents = np.asarray(seg.elem_parent, dtype=np.int64)
        trees.append(parents)
        if len(parents) > 3:
            cut = parents[1:] - 1
            cut[0] = -1
            if (cut[1:] >= 0).all():
                trees.append(cut)
    ordered = 0
    for parents in trees:
        if not _same(compiled(parents.copy()), reference(parents.copy())):
            return None, "it differs on a probe tree"
        ordered += _kernels.subtree_ends(parents) is not None
    if ordered < 20:
        return None, f"too few probe trees in document order ({ordered})"
    return compiled, None


# Texts for the two smooth pre-tests' twins: each case of lowering (ASCII, Latin-1, "İ", the
# Kelvin sign, a final sigma, 2- and 4-byte strs) and each way a counter can stand or fail.
_HOLD_PROBE = [
    "", "A", "Affiliate links", "AFFİLİATE", "affil\u00e9iate", "Kickbac\u212a", "REACTİon", "reacti",
    "comm\u00adent", "Subscr\u0130be", "\U0001f600newsletter", "\u03a3\u03a3 inbox", "call-To-Action",
    "calltoaction", "al\nl-to", "c\u00e9ta", "CTA", "x-cta-box", "qualifying  purchases", "qualifying purchases",
]
_SLIDE_PROBE = [
    "", "3", "3/", "3 /", "3/1", "3 / 12", "13 of 20", "3 OF 9", "3of 9", "3 ofx 9", "3 of x", "3 of",
    "3 z 4", "3 av\u00a05", "3\u00a0of 5", "3 \u017fur 4", "3 days", "3 dé 4", "3 de\t\n7", "3 von \u0664",
    "Bild 3 von 10", "3\u2009/\u20094", "3 - 4", "a3_of 5", "3 van_ 4", "3 di", "3 de\u00e9 4", "x3 sur 9",
    # Two- and four-byte texts (the search by a character's low byte: U+2033 and U+1F633 end in 0x33),
    # short and past CPython's cut-off of 40 characters for a memchr.
    "\u2019 3 of 5", "\u20333 / 4", "\U0001f633 3/9", "\u2019" * 50 + "\u2033" * 45 + "3 of 4",
    "\U0001f600" * 45 + "\U0001f633" * 3 + " 3 z 2", "\u2019" * 60 + "3 x 3 / y", "\u2033" * 90,
]


# The stem sets _texts_hold's and _texts_holding's twins are probed with: the steps' own, single
# letters, stems that overlap, none.
_HOLD_STEMS = (
    (b"affiliate", b"commission", b"qualifying purchases"),
    (b"cta", b"allto", b"all-to", b"all_to"),
    (b"reacti", b"kick", b"inbox", b"sign"),
    (b"k", b"i"),
    (b"ta", b"on", b"ion", b"ce", b"tion", b"l-t", b"ive purchases"),
    (),
)


def _hold_probe_texts() -> list[str]:
    return _HOLD_PROBE + [a + "\n" + b for a in _HOLD_PROBE[:8] for b in _HOLD_PROBE[8:]]


def _make_texts_hold(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    compiled = _kernels.texts_hold
    texts = _hold_probe_texts()
    picks = [None, np.arange(len(texts), dtype=np.intp), np.array([], dtype=np.intp)]
    picks += [np.array([k], dtype=np.intp) for k in range(len(texts))]
    picks += [np.arange(len(texts), dtype=np.intp)[::3], np.arange(len(texts), dtype=np.intp)[::-2]]
    for stems in _HOLD_STEMS:
        for idx in picks:
            if not _same(compiled(texts, idx, stems), reference(texts, idx, stems)):
                return None, "it differs on the probe texts"
    return compiled, None


def _make_texts_holding(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    compiled = _kernels.texts_holding
    texts = _hold_probe_texts()
    everything = np.arange(len(texts), dtype=np.intp)
    for stems in _HOLD_STEMS:
        for idx in (everything, everything[::-3], np.array([], dtype=np.intp)):
            if not _same(compiled(texts, idx, stems), reference(texts, idx, stems)):
                return None, "it differs on the probe texts"
    return compiled, None


def _make_third_slide(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    import regex

    from .. import _kernels
    from .. import smooth as sm

    # Whitespace of regex's \s inside ASCII is the controls and the space (the twin skips those).
    if any(regex.match(r"\s", chr(c)) for c in range(33, 128)):
        return None, "regex's \\s holds an ASCII character past the space"
    if sm._THIRD_SLIDE.pattern != rf"3\s*(?:/|\b(?:{'|'.join(sm._OF_WORDS)})\b)\s*\d":
        return None, "smooth._THIRD_SLIDE is not the pattern the twin knows"

    def compiled(texts: list[str], pattern: Any, words: tuple[str, ...]) -> Any:
        return _kernels.third_slide(texts, pattern, words)

    for t in _SLIDE_PROBE:
        for texts in ([t], [t, "x"], ["x", t + "\n"], [t + " ", "5 y"], [t, "4"]):
            if not _same(compiled(texts, sm._THIRD_SLIDE, sm._OF_WORDS), reference(texts, sm._THIRD_SLIDE, sm._OF_WORDS)):
                return None, "it differs on the probe texts"
    return compiled, None


def _make_all_of(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    compiled = _kernels.all_of
    rng = np.random.default_rng(16)
    for n in (0, 1, 7, 64):
        floats = rng.choice([0.0, -0.0, 0.5, 1.0, 3.0, -2.0, np.nan, np.inf], n)
        bits = rng.integers(0, 64, n).astype(np.int64)
        mask = rng.random(n) < 0.5
        for value in (0, 0.5, 1.0, -0.0, 3, np.nan):
            for op in (">", ">=", "<", "<=", "==", "!="):
                if not _same(compiled(n, ((floats, op, value),)), reference(n, ((floats, op, value),))):
                    return None, "it differs on the probe columns"
        for value in (0, 1, 6, 32):
            for op in ("none", "some"):
                if not _same(compiled(n, ((bits, op, value),)), reference(n, ((bits, op, value),))):
                    return None, "it differs on the probe columns"
        tests = ((mask, "not", 0), (floats, ">=", 0.5), (bits, "none", 8), (~mask, "is", 0))
        if not _same(compiled(n, tests), reference(n, tests)) or not _same(compiled(n, ()), reference(n, ())):
            return None, "it differs on the probe columns"
    return compiled, None


def _make_any_true(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    compiled = _kernels.any_true
    rng = np.random.default_rng(17)
    probes: list[Any] = [np.zeros(0, dtype=bool), np.zeros(5, dtype=bool), np.ones(1, dtype=bool)]
    for n in (1, 2, 7, 64, 300):
        for p in (0.0, 0.01, 0.5):
            mask = rng.random(n) < p
            probes += [mask, mask[::2], mask[1::3], ~mask, mask[n // 2 :]]
    probes += [np.arange(4.0) - 1.0, np.zeros(3), np.array([np.nan]), np.zeros((2, 2), dtype=bool), np.eye(2, dtype=bool)]
    probes.append(np.frombuffer(bytes([0, 0, 2, 0]), dtype=np.uint8).view(bool))
    for mask in probes:
        if not _same(compiled(mask), reference(mask)):
            return None, "it differs on the probe masks"
    return compiled, None


def _make_lstrip_starts(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    compiled = _kernels.lstrip_starts
    texts = _HOLD_PROBE + [
        " http://a.jpg", "\u3000//x", "\u00a0www.", "\x1chttps://", "www", "\n\t www.x", "HTTP://A", "\u2028//",
        "\U0001f600http://", "htt", "  ", "\u0085www.a",
    ]
    picks = [np.arange(len(texts), dtype=np.intp), np.array([], dtype=np.intp), np.arange(len(texts), dtype=np.intp)[::-3]]
    for starts in (("http://", "https://", "www.", "//"), ("\U0001f600",), ("",), ()):
        for idx in picks:
            if not _same(compiled(texts, idx, starts), reference(texts, idx, starts)):
                return None, "it differs on the probe texts"
    return compiled, None


_TAG_PROBE = ["dl", "dt", "dd", "d", "dlx", "DL", "article", "", "di\u00e9", "\u0434\u043b", "\U0001f600", "dl "]


def _make_holds_tag(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    compiled = _kernels.holds_tag
    for tags in ([], _TAG_PROBE, _TAG_PROBE[3:], _TAG_PROBE[::-2], ["x"] * 5):
        for name in ("dl", "article", "", "\U0001f600", "di\u00e9", "zz"):
            if not _same(compiled(tags, name), reference(tags, name)):
                return None, "it differs on the probe tags"
    return compiled, None


def _make_tags_are(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    def compiled(tags: list[str], names: tuple[str, ...]) -> Any:
        got = _kernels.tags_are(tags, names)
        return reference(tags, names) if got is None else got

    for tags in ([], _TAG_PROBE, _TAG_PROBE[3:], _TAG_PROBE[::-2]):
        for names in (("dt",), ("dt", "dd"), ("dl",), ("",), ("\U0001f600", "di\u00e9"), ()):
            if not _same(compiled(tags, names), reference(tags, names)):
                return None, "it differs on the probe tags"
    return compiled, None


def _make_nearest_marked(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    def compiled(parents: list[int], marked: Any) -> Any:
        got = _kernels.nearest_marked(parents, marked)
        return reference(parents, marked) if got is None else got

    rng = np.random.default_rng(1717)
    tried = 0
    for seg in _probe_pages(17, 40):
        n = len(seg.elem_parent)
        for p in (0.0, 0.1, 0.5):
            marked = rng.random(n) < p
            if not _same(compiled(seg.elem_parent, marked), reference(seg.elem_parent, marked)):
                return None, "it differs on the probe pages"
            tried += 1
    # Parents after their children: the reference's answer.
    for parents in ([-1, 3, 0, 0], [-1, 2, 3, 0, 1], [-1]):
        for first_last in ((False, False), (True, False), (False, True)):
            mask = np.zeros(len(parents), dtype=bool)
            mask[0], mask[-1] = first_last
            if not _same(compiled(parents, mask), reference(parents, mask)):
                return None, "it differs on the probe trees"
    if tried < 40:
        return None, f"too few probes ({tried})"
    return compiled, None


def _make_sibling_items(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    def compiled(parents: Any, masks: tuple[Any, ...], least: tuple[float, ...]) -> Any:
        got = _kernels.sibling_items(parents, masks, least)
        return reference(parents, masks, least) if got is None else got

    rng = np.random.default_rng(1718)
    tried = 0
    for seg in _probe_pages(18, 40):
        parents = np.asarray(seg.elem_parent, dtype=np.int64)
        parents[0] = -1
        n = len(parents)
        for p in (0.3, 0.7, 1.0):
            masks = tuple(rng.random(n) < p for _ in range(3))
            for least in ((1.0,), (2.0, 1.0), (3.0, 1.5, 2.4), (6.0, 3.0, 4.8)):
                picked = masks[: len(least)]
                if not _same(compiled(parents, picked, least), reference(parents, picked, least)):
                    return None, "it differs on the probe pages"
                tried += 1
            strided = (np.repeat(masks[0], 2)[::2], masks[1][::-1].copy()[::-1])
            if not _same(compiled(parents, strided, (2.0, 1.0)), reference(parents, strided, (2.0, 1.0))):
                return None, "it differs on strided masks"
    if tried < 40:
        return None, f"too few probes ({tried})"
    return compiled, None


def _make_alike_groups(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import smooth as sm

    item_tags = sm._GRID_ITEM_TAGS
    if sm._GRID_NO_DIGITS != str.maketrans("", "", "0123456789"):
        return None, "smooth._no_digits strips other characters than the ASCII digits"

    def compiled(seg: Any, root: int, cand: Any, parents: Any, least: int) -> Any:
        got = _kernels.alike_groups(cand, parents, seg.elem_tag, seg.elem_class, root, item_tags, least)
        return reference(seg, root, cand, parents, least) if got is None else got

    rng = np.random.default_rng(2101)
    tried = 0
    names = ["", "card", "card card-1", "card card-2", "item7", "x\u00e91", "x\u00e9", "post \u0663", "li2", "7",
             "a\u4e2d9", "9\U0001f600", "\u00e9\u4e2d1"]
    for seg in _probe_pages(21, 40):
        n_elem = len(seg.elem_parent)
        seg.elem_class = ["", *rng.choice(names, n_elem - 1).tolist()]
        seg.elem_tag = ["body", *rng.choice(["div", "li", "article", "dd", "p"], n_elem - 1).tolist()]
        parents = np.asarray(seg.elem_parent, dtype=np.int64)
        for root in {0, int(rng.integers(0, n_elem))}:
            sub = parents[root:] - root
            sub[0] = -1
            for p in (0.3, 1.0):
                cand = np.flatnonzero(rng.random(len(sub)) < p).astype(np.int64)
                cand = cand[cand > 0]
                for least in (0, 1, 2, 3, 6):
                    got, want = compiled(seg, root, cand, sub, least), reference(seg, root, cand, sub, least)
                    if got != want or list(got) != list(want):
                        return None, "it differs on the probe pages"
                    tried += 1
    if tried < 40:
        return None, f"too few probes ({tried})"
    return compiled, None


def _make_subtree_sums(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f

    def compiled(elems: Any, ends: Any, columns: tuple[Any, ...]) -> Any:
        got = _kernels.subtree_sums(elems, ends, columns)
        return reference(elems, ends, columns) if got is None else got

    rng = np.random.default_rng(2102)
    tried = 0
    for seg in _probe_pages(22, 40):
        parents = np.asarray(seg.elem_parent, dtype=np.int64)
        parents[0] = -1
        ends = f.subtree_ends(parents)
        for _ in range(3):
            m = int(rng.integers(0, 120))
            elems = np.sort(rng.integers(0, len(parents), m)).astype(np.int64)
            columns = (
                rng.choice([0.0, -0.0, 1.0, 2.5, 7.0, 1e-3], m),
                None,
                rng.random(m) < 0.5,
                np.where(rng.random(m) < 0.5, rng.random(m), 0.0),
            )
            for cols in (columns, columns[2:3], columns[:1], columns[::-1]):
                if not _same(compiled(elems, ends, cols), reference(elems, ends, cols)):
                    return None, "it differs on the probe trees"
                tried += 1
            strided = (np.repeat(columns[0], 2)[::2], np.repeat(columns[2], 3)[::3])
            if not _same(compiled(elems, ends, strided), reference(elems, ends, strided)):
                return None, "it differs on strided columns"
    if tried < 40:
        return None, f"too few probes ({tried})"
    return compiled, None


def _make_may_digit(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    compiled = _kernels.may_digit
    texts = _SLIDE_PROBE + [
        "", "x", "abc", "\u00b2\u00b9\u00bd", "\u2019\u2014", "\u0660", "\u02ff", "\u0300", "\u1fff", "\u2000",
        "\u206f", "\u2070", "\u00e9t\u00e9 9", "\U0001d7ce", "\U0001f600", "\u00e9", "/:", "\u20099",
    ]
    everything = np.arange(len(texts), dtype=np.intp)
    for idx in (everything, everything[::-3], np.array([], dtype=np.intp)):
        if not _same(compiled(texts, idx), reference(texts, idx)):
            return None, "it differs on the probe texts"
    return compiled, None


def _make_runs_between(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    compiled = _kernels.runs_between
    rng = np.random.default_rng(1719)
    for n in (0, 1, 2, 3, 5, 9, 40, 300):
        for p_run, p_anchor in ((0.5, 0.2), (0.8, 0.05), (0.2, 0.6), (1.0, 0.0), (0.0, 1.0)):
            runs = rng.random(n) < p_run
            anchor = rng.random(n) < p_anchor
            for near in (0, 1, 3, 50):
                for r, a in ((runs, anchor), (runs[::-1], anchor[::-1]), (np.repeat(runs, 2)[::2], np.repeat(anchor, 2)[1::2])):
                    if not _same(compiled(r, a, near), reference(r, a, near)):
                        return None, "it differs on the probe masks"
    return compiled, None


def _make_container_subtrees(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f

    ends_of = f.subtree_ends

    def compiled(seg: Any, blocks: Any, columns: tuple[Any, ...]) -> Any:
        return _kernels.container_subtrees(seg, blocks, columns, ends_of)

    rng = np.random.default_rng(1616)
    tried = 0
    for seg in _probe_pages(16, 40):
        n = len(seg.elems)
        if n == 0:
            continue
        for _ in range(3):
            blocks = np.flatnonzero(rng.random(n) < rng.choice([0.1, 0.5, 1.0]))
            if not len(blocks):
                continue
            m = len(blocks)
            columns = (
                rng.choice([0.0, -0.0, 1.0, 2.5, 7.0, 1e-3], m),
                None,
                rng.random(m) < 0.5,
                np.where(rng.random(m) < 0.5, rng.random(m), 0.0),
            )
            if not _same(compiled(seg, blocks, columns), reference(seg, blocks, columns)):
                return None, "it differs on the probe pages"
            tried += 1
    if tried < 40:
        return None, f"too few probes ({tried})"
    return compiled, None


def _make_unboxed_container(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f
    from .segment import Flag

    consts = (int(f._BOXES), int(Flag.COMMENT), int(Flag.NEG_CLASS), float(f._NEG_CLASS_WEIGHT), float(f._BOXED_MAIN_SHARE))

    def compiled(seg: Any, flags: Any, main: Any, share: float, n_chars: Any, n_words: Any, link_density: Any, card: Any) -> Any:
        got = _kernels.unboxed_weight(main, flags, n_chars, n_words, link_density, card, *consts)
        if got is None:
            return reference(seg, flags, main, share, n_chars, n_words, link_density, card)
        weight, boxed_choice = got
        total = float(weight.sum())
        if total <= 0:
            return main, share
        if not boxed_choice and not f._thin_choice(flags, main > 0, weight, total):
            return main, share
        return f._main_container(seg, weight)

    rng = np.random.default_rng(61)
    chosen = 0
    for seg in _probe_pages(67, 40):
        n = len(seg.elems)
        a = _probe_arrays(rng, n)
        main = np.where(rng.random(n) < rng.choice([0.1, 0.5, 0.9]), 1.0, 0.0)
        card = rng.choice([0.0, 0.0, 0.0, 1.0, 0.5], n) if rng.random() < 0.5 else np.zeros(n)
        flags = a["flags"] | np.where(rng.random(n) < 0.2, int(Flag.MAIN), 0).astype(np.int64)
        args = (seg, flags, main, 0.5, a["n_chars"], a["n_words"], a["link_density"], card)
        want = reference(*args)
        if not _same(compiled(*args), want):
            return None, "it differs on a probe page"
        chosen += want[0] is not main
    if chosen < 5:
        return None, f"too few probe pages choose again ({chosen})"
    return compiled, None


def _make_box_span(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f

    bits, least = int(f._BOX_CHROME), float(f._BOX_WORDS)

    def compiled(seg: Any, main: Any, n_words: Any, link_density: Any, flags: Any, name: int) -> Any:
        got = _kernels.box_span(seg, main, n_words, link_density, flags, name, bits, least)
        return reference(seg, main, n_words, link_density, flags, name) if type(got) is int else got

    rng = np.random.default_rng(1818)
    found = tried = 0
    for seg in _probe_pages(1818, 60):
        n = len(seg.elems)
        if n == 0:
            continue
        for p in (0.0, 0.05, 0.3):
            a = _probe_arrays(rng, n)
            main = np.where(rng.random(n) < p, rng.choice([1.0, 0.5]), 0.0)
            for name in {0, n - 1, int(rng.integers(0, n))}:
                args = (seg, main, a["n_words"], a["link_density"], a["flags"], name)
                want = reference(*args)
                if not _same(compiled(*args), want):
                    return None, "it differs on the probe pages"
                found += want is not None
                tried += 1
    # Counts the walk cannot add exactly: the reference's answer.
    for seg in _probe_pages(1819, 4):
        n = len(seg.elems)
        for bad in (0.5, np.nan, 2.0**60, -1.0):
            main = np.zeros(n)
            main[n - 1 :] = 1.0
            args = (seg, main, np.full(n, bad), np.zeros(n), np.zeros(n, dtype=np.int64), 0)
            if not _same(compiled(*args), reference(*args)):
                return None, "it differs on counts that are no whole numbers"
    if tried < 100 or found < 10:
        return None, f"too few probes ({tried}, {found} boxes)"
    return compiled, None


_BYTES_PROBE = (
    b"", b"a", b'"@type"', b'x"@type""@type"', b"og:typeog:type", b"aaaa", b"\x00\xff\x00", b"schema.org/QAPage",
    b"<meta property='og:type' content='product'>", b"roduct" * 40 + b"x",
)


def _probe_bytes(compiled: Any, reference: Callable[..., Any]) -> tuple[Any, str | None]:
    """A search of a page's bytes for a literal (byte_places, bytes_hold) against its reference."""
    for data in _BYTES_PROBE:
        for literal in _BYTES_PROBE + (b"aa", b"og:type", b"roduct", b"\xff"):
            if not _same(compiled(data, literal), reference(data, literal)):
                return None, "it differs on the probe bytes"
    return compiled, None


def _make_byte_places(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    return _probe_bytes(_kernels.byte_places, reference)


def _make_bytes_hold(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    return _probe_bytes(_kernels.bytes_hold, reference)


def _make_link_heading_candidates(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    compiled = _kernels.link_heading_candidates
    rng = np.random.default_rng(1909)
    for n in (0, 1, 2, 3, 4, 7, 40, 300):
        for p_body in (0.2, 0.5, 0.9):
            body = rng.random(n) < p_body
            links = rng.choice(np.array([0.0, 0.25, 0.5, 0.75, 1.0, np.nan]), n)
            words = rng.choice(np.array([0.0, 1.0, 7.0, 8.0, 9.0, 30.0, np.nan]), n)
            for args in ((body, links, words), (body[::-1], links[::-1], words[::-1]), (body[::2], links[::2], words[::2])):
                for most, least in ((8.0, 0.5), (0.0, 0.0), (30.0, 1.0)):
                    if not _same(compiled(*args, most, least), reference(*args, most, least)):
                        return None, "it differs on the probe arrays"
    return compiled, None


def _make_str_holds(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    compiled = _kernels.str_holds
    texts = ("", "a", "eview", "review\nsignature", "x" * 40 + "eview", "\u00e9view", "ev\u00e9iew", "\u0100eview", "\U0001f600eview", "revie")
    for text in texts:
        for part in texts + ("ignature", "e", "\u00e9", "\u0100"):
            if not _same(compiled(text, part), reference(text, part)):
                return None, "it differs on the probe texts"
    return compiled, None


def _make_may_hold_lines(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import smooth

    compiled = _kernels.may_hold_lines
    texts = _SLIDE_PROBE + [
        "", "About", "ABOUT the", "ab\u00e9out", "a\u212abc", "wr\u0130tten", "Written by", "\U0001f600meet", "x\nsobre",
        "\u00e9" * 40 + "PROPOS" + "\u00e9", "ber", " d", "over\u00a0de", "over de",
    ]
    everything = np.arange(len(texts), dtype=np.intp)
    for stems in (smooth._AUTHOR_STEMS_ASCII, (b"ab", b"out"), (b"d",), (b"",), (b"r d",), ()):
        for idx in (everything, everything[::-3], everything[::-1], np.array([], dtype=np.intp)):
            if not _same(compiled(texts, idx, stems), reference(texts, idx, stems)):
                return None, "it differs on the probe texts"
    return compiled, None


def _make_block_columns(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f

    unspaced, unspaced_stop, rows = float(f._UNSPACED), float(f._UNSPACED_STOP), f._COLUMNS

    def compiled(stats: Any, n_chars: Any, blank_before: Any) -> Any:
        out = _kernels.block_columns(stats, n_chars, blank_before, unspaced, unspaced_stop, rows)
        return reference(stats, n_chars, blank_before) if out is None else out

    rng = np.random.default_rng(61)
    for k in range(24):
        n = int(rng.integers(0, 90)) if k > 2 else k
        # Counts from small sets (zero words, as many words as tokens, three times as many and
        # more: unspaced script), characters at 80's multiples and beside them, NaN and -0.0.
        stats = tuple(np.asarray(rng.choice([0, 0, 1, 2, 3, 5, 9, 12, 40, 2**40], n), dtype=np.int64) for _ in range(8))
        if k % 3 == 1:
            stats = stats[:7] + (stats[0] // rng.choice([1, 2, 3, 4], n),)
        if k % 4 == 3:
            # Rows of one array, as the compiled _text_stats gives them.
            stats = tuple(np.stack(stats))
        n_chars = rng.choice([0.0, 0.5, 1.0, 79.0, 80.0, 81.0, 160.0, 1e3, 1e17, np.nan, -0.0], n)
        blank = rng.choice([0.0, 1.0, 2.0, np.nan], n)
        if not _same(tuple(compiled(stats, n_chars, blank)), tuple(reference(stats, n_chars, blank))):
            return None, "it differs on the probe counts"
    return compiled, None


# Class strings for features._may_negate_names' probes: the words it looks for in each casing,
# joined with and without "-" and "_", cut short, and characters beyond ASCII (the Kelvin sign
# and the long s, which no layout part holds, "İ", whose lowercase is two characters).
_NEGATE_PIECES = [
    "no", "No", "NO", "nO", "without", "Without", "WITHOUT", "ithout", "withou", "-", "_", "--", " ", "\n", "x",
    "sidebar", "Sidebar", "side", "sid", "aside", "header", "footer", "nav", "NAV", "navbar", "menu", "breadcrumb",
    "breadcrumbs", "breadcrum", "banner", "masthead", "toolbar", "rail", "Rail", "print", "none", "note", "\u212a",
    "\u017fidebar", "\u0130", "é", "n", "o", "w",
]


def _make_may_negate_names(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import features as f

    words = f._LAYOUT_PARTS.split("|")
    # The prefixes _MAY_NEGATE's alternatives match (it has nothing after them): "breadcrumbs?" is
    # "breadcrumb"; any other pattern than plain words leaves the reference in place.
    heads = [w[:-2] if w.endswith("s?") else w for w in words]
    if not all(re.fullmatch("[a-z]+", w) for w in heads) or (
        f._MAY_NEGATE_NO.pattern != rf"no[-_]?(?:{f._LAYOUT_PARTS})"
        or f._MAY_NEGATE_WITHOUT.pattern != rf"without[-_]?(?:{f._LAYOUT_PARTS})"
        or f._MAY_NEGATE_NO.flags != re.compile("").flags
        or f._MAY_NEGATE_WITHOUT.flags != re.compile("").flags
    ):
        return None, "_MAY_NEGATE is not the pattern the twin knows"
    parts = tuple(w.encode() for w in heads)
    may_negate = f._may_negate

    def compiled(classes: list[str], named: list[int]) -> Any:
        got = _kernels.may_negate_names(classes, named, parts, may_negate)
        return reference(classes, named) if got is None else got

    rng = np.random.default_rng(67)
    seen = 0
    for _ in range(400):
        classes = ["".join(rng.choice(_NEGATE_PIECES, int(rng.integers(0, 6)))) for _ in range(int(rng.integers(1, 12)))]
        named = sorted(set(rng.integers(0, len(classes), int(rng.integers(0, len(classes) + 1))).tolist()))
        want = reference(classes, named)
        if compiled(classes, named) != want:
            return None, "it differs on the probe names"
        seen += want
    if seen < 20:
        return None, f"too few probes that may negate ({seen})"
    return compiled, None


def _make_flag_counts(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .segment import Flag

    def compiled(flags: Any, bits: tuple[int, ...]) -> Any:
        got = _kernels.flag_counts(flags, bits)
        return reference(flags, bits) if got is None else got

    rng = np.random.default_rng(71)
    every = [v for k, v in vars(Flag).items() if k.isupper() and isinstance(v, int)] + [0, -1, 1 << 62, -(1 << 63), 3, 6]
    for k in range(30):
        n = int(rng.integers(0, 200)) if k > 2 else k
        flags = rng.choice(np.asarray(every, dtype=np.int64), n) | rng.choice(np.asarray(every, dtype=np.int64), n)
        bits = tuple(rng.choice(every, int(rng.integers(0, 10))).tolist())
        if k % 4 == 1:
            flags = flags[::2]  # strided
        if not _same(compiled(flags, bits), reference(flags, bits)):
            return None, "it differs on the probe flags"
    return compiled, None


def _make_chrome_only(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from types import SimpleNamespace

    from .. import _kernels
    from .. import features as f
    from .segment import Flag

    words, neg_bit = f._CONTAINER_CHROME_ONLY, int(Flag.NEG_CLASS)

    def compiled(seg: Any, flags: Any) -> Any:
        got = _kernels.chrome_only(seg.neg_tokens, flags, words, neg_bit)
        return reference(seg, flags) if got is False else got

    rng = np.random.default_rng(73)
    pool = sorted(words)[:6] + ["author", "", "sidebar", "menu", "x"]
    bits = np.asarray([0, neg_bit, neg_bit | int(Flag.NAV), int(Flag.NAV), -1], dtype=np.int64)
    found = 0
    for k in range(40):
        n = int(rng.integers(0, 60)) if k > 1 else k
        seg = SimpleNamespace(neg_tokens=rng.choice(pool[6:] if k % 5 == 0 else pool, n).tolist())
        flags = rng.choice(bits, n)
        want = reference(seg, flags)
        if not _same(compiled(seg, flags), want):
            return None, "it differs on the probe blocks"
        found += want is not None
    if found < 10:
        return None, f"too few probes with a chrome-only word ({found})"
    return compiled, None


def _make_int64_array(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    def compiled(values: list[int]) -> Any:
        got = _kernels.int64_array(values) if type(values) is list else None
        return reference(values) if got is None else got

    rng = np.random.default_rng(79)
    probes: list[list[Any]] = [[], [0], [-1], [-1, 0, 1, 2], [2**63 - 1, -(2**63)], [2**63], [-(2**63) - 1], [True, 2], [1, 2.0]]
    probes += [rng.integers(-5, 2000, int(rng.integers(1, 400))).tolist() for _ in range(10)]
    for values in probes:
        try:
            want: Any = reference(list(values))
        except Exception as exc:  # what numpy makes of a value past int64 (OverflowError), the twin must make too
            want = type(exc)
        try:
            got: Any = compiled(list(values))
        except Exception as exc:
            got = type(exc)
        if not (want is got if isinstance(want, type) else _same(got, want)):
            return None, "it differs on the probe lists"
    return compiled, None


def _make_item_starts(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from ..vocab import CHROME_ONLY_TOKENS
    from .segment import Flag

    words, comment_bit, neg_bit = CHROME_ONLY_TOKENS, int(Flag.COMMENT), int(Flag.NEG_CLASS)
    if "" in words or comment_bit <= neg_bit:
        return None, "an empty chrome-only word, or the comment bit below the chrome-word bit"

    def compiled(tokens: list[str], flags: Any) -> Any:
        got = _kernels.item_starts(tokens, flags, words, comment_bit, neg_bit)
        return reference(tokens, flags) if got is False else got

    rng = np.random.default_rng(83)
    only = sorted(words)[:4]
    # Equal tokens as one object and as two (the walk's repeats, and a str made anew).
    pool = [*only, "".join(["pro", "mo"]), "", "", "sidebar", "menu", "x"]
    bits = np.asarray([0, neg_bit, comment_bit, neg_bit | comment_bit, int(Flag.NAV), -1], dtype=np.int64)
    found = 0
    for k in range(60):
        n = int(rng.integers(0, 50)) if k > 1 else k
        tokens = [str(t) if rng.random() < 0.3 else t for t in rng.choice(pool[4:] if k % 5 == 0 else pool, n).tolist()]
        tokens = [tokens[i - 1] if i and rng.random() < 0.4 else t for i, t in enumerate(tokens)]
        flags = rng.choice(bits[:5] if k % 7 == 0 else bits, n)
        if k % 3 == 0:
            flags = flags & ~comment_bit
        want = reference(tokens, flags)
        if not _same(compiled(tokens, flags), want):
            return None, "it differs on the probe blocks"
        found += bool(want)
    if found < 20:
        return None, f"too few probes with starts ({found})"
    return compiled, None


def _slot_probe(rng: Any, k: int) -> tuple[Any, ...]:
    """A random page for keep_item_slots' twin: a root's worth of elements before it, then grids of
    alike items (numbered classes, item tags) holding nested lines, and blocks in document order
    (some pages with two blocks swapped: out of order)."""
    from .segment import Segments

    tags, classes, parent = ["body"], [""], [-1]
    lead = int(rng.integers(0, 3))
    for _ in range(lead):
        tags.append("div")
        classes.append("wrap")
        parent.append(len(parent) - 1)
    root = lead
    block_elems: list[int] = []

    def add(up: int, tag: str, cls: str) -> int:
        tags.append(tag)
        classes.append(cls)
        parent.append(up)
        return len(parent) - 1

    for _ in range(int(rng.integers(1, 4))):
        grid = add(root, "div", str(rng.choice(["grid", "list", ""])))
        # A template: each part's parent (an earlier part, -1 the item), tag and class.
        parts = []
        for j in range(int(rng.integers(1, 6))):
            parts.append((int(rng.integers(-1, j)), str(rng.choice(["p", "span", "a", "h3", "div"])),
                          str(rng.choice(["", "name", "price", "x1", "x2", "t\u4e2d3"]))))
        item_tag = str(rng.choice(["li", "div", "article", "dd", "p"]))
        for _ in range(int(rng.integers(2, 13))):
            item = add(grid, item_tag if rng.random() < 0.9 else "div",
                       str(rng.choice(["card card-" + str(rng.integers(0, 9)), "item", "", "post\u00e91"], p=[0.5, 0.3, 0.1, 0.1])))
            if rng.random() < 0.2:
                block_elems.append(item)
            made: list[int] = []
            for up, tag, cls in parts:
                e = add(made[up] if up >= 0 else item, tag if rng.random() < 0.9 else "em", cls)
                made.append(e)
                for _ in range(int(rng.integers(0, 3)) if rng.random() < 0.3 else 1):
                    block_elems.append(e)
        if rng.random() < 0.3:
            block_elems.append(grid)
    seg = Segments(elem_parent=parent, elem_tag=tags, elem_class=classes)
    n_elem = len(parent) - root
    parents = np.asarray(parent[root:], dtype=np.int64) - root
    parents[0] = -1
    elems = np.asarray([e - root for e in block_elems] or [0], dtype=np.int64)
    if k % 7 == 6 and len(elems) > 2:
        elems[[0, 1]] = elems[[1, 0]]
    m = len(elems)
    ends = np.arange(1, n_elem + 1, dtype=np.int64)
    for e in range(n_elem - 1, 0, -1):
        ends[parents[e]] = max(ends[parents[e]], ends[e])
    own_words = np.bincount(elems, weights=rng.choice([0.0, 1.0, 3.0], m), minlength=n_elem)
    own_lines = np.bincount(elems, minlength=n_elem).astype(np.float64)
    words = np.asarray([own_words[e : ends[e]].sum() for e in range(n_elem)])
    lines = np.asarray([own_lines[e : ends[e]].sum() for e in range(n_elem)])
    blocks = np.arange(m, dtype=np.intp) * 2 + 1
    return seg, root, elems, parents, ends, words, lines, blocks


def _make_item_slots(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import smooth as sm

    if sm._GRID_NO_DIGITS != str.maketrans("", "", "0123456789"):
        return None, "smooth._no_digits strips other characters than the ASCII digits"

    def compiled(seg: Any, root: int, elems: Any, parents: Any, ends: Any, words: Any, lines: Any, lines_in: Any, blocks: Any) -> Any:
        got = _kernels.item_slots(
            seg.elem_tag, seg.elem_class, root, elems, parents, ends, words, lines, lines_in, blocks,
            sm._GRID_ITEM_TAGS, sm._GRID_ITEMS, sm._SLOT_KEPT, sm._SLOT_SHARE, sm._SLOT_DEPTH,
        )
        return reference(seg, root, elems, parents, ends, words, lines, lines_in, blocks) if got is None else got

    rng = np.random.default_rng(2501)
    joined = 0
    for k in range(160):
        seg, root, elems, parents, ends, words, lines, blocks = _slot_probe(rng, k)
        for p in (0.3, 0.6, 0.9):
            lines_in = rng.random(len(elems)) < p
            got = compiled(seg, root, elems, parents, ends, words, lines, lines_in, blocks)
            want = reference(seg, root, elems, parents, ends, words, lines, lines_in, blocks)
            if type(got) is not list or sorted(got) != sorted(want):
                return None, "it differs on the probe pages"
            joined += bool(want)
    if joined < 20:
        return None, f"too few probes with lines to join ({joined})"
    return compiled, None


def _make_doubled_candidates(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    def compiled(body: Any, words: Any, chars: Any, least: float, below: float) -> Any:
        got = _kernels.doubled_candidates(body, words, chars, least, below)
        return reference(body, words, chars, least, below) if got is None else got

    rng = np.random.default_rng(2502)
    found = 0
    for n in (0, 1, 2, 7, 40, 300):
        for p_body in (0.2, 0.9):
            body = rng.random(n) < p_body
            words = rng.choice(np.array([0.0, 1.0, 4.0, 5.0, 6.0, 7.0, 9.0, 399.0, 400.0, 401.0, np.nan]), n)
            chars = rng.choice(np.array([0.0, 1.0, 10.0, 11.0, 36.0, 37.0, 2.0**61 + 2.0, 2.0**62, -1.0]), n)
            for args in ((body, words, chars), (body[::-1], words[::-1], chars[::-1]), (body[::2], words[::2], chars[::2])):
                for least, below in ((5.0, 400.0), (0.0, 1e9)):
                    want = reference(*args, least, below)
                    got = compiled(*args, least, below)
                    if type(got) is not list or got != want:
                        return None, "it differs on the probe arrays"
                    found += bool(want)
    if found < 10:
        return None, f"too few probes with candidates ({found})"
    return compiled, None


def _make_short_holding(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    def compiled(texts: list[str], body: Any, words: Any, least: float, most: float, stems: tuple[bytes, ...]) -> Any:
        got = _kernels.short_holding(texts, body, words, least, most, stems)
        return reference(texts, body, words, least, most, stems) if got is None else got

    texts = _hold_probe_texts()
    n = len(texts)
    rng = np.random.default_rng(2504)
    found = 0
    for stems in _HOLD_STEMS:
        for p_body in (0.3, 1.0):
            body = rng.random(n) < p_body
            words = rng.choice(np.array([0.0, 1.0, 4.0, 5.0, 6.0, 30.0, 31.0, np.nan]), n)
            for args in ((body, words), (body[::-1], words[::-1]), (body[::2], words[::2]), (body[:0], words[:0])):
                for least, most in ((4.0, 30.0), (-np.inf, 5.0), (0.0, 1e9)):
                    want = reference(texts, *args, least, most, stems)
                    got = compiled(texts, *args, least, most, stems)
                    if type(got) is not list or got != want:
                        return None, "it differs on the probe texts"
                    found += bool(want)
    if found < 10:
        return None, f"too few probes with blocks found ({found})"
    return compiled, None


def _make_story_candidates(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    def compiled(texts: list[str], *rest: Any) -> Any:
        got = _kernels.story_candidates(texts, *rest)
        return reference(texts, *rest) if got is None else got

    # Texts with and without a mark before, at and past the head's end, in each string kind.
    texts = _hold_probe_texts() + [
        "Read more: x", "Lees ook \u00bb y", "Czytaj te\u017c \u203a z", "x" * 39 + ":", "x" * 40 + ":", "\u00e9" * 39 + "\u00bb",
        "\u4e00" * 39 + "\u203a", "\U0001f600" * 40 + ":", "", ":", "\u00bb", "\u203a", "\u203b\u00ba9",
    ]
    n = len(texts)
    rng = np.random.default_rng(2505)
    found = [0, 0]
    for p_body in (0.4, 1.0):
        body = rng.random(n) < p_body
        words = rng.choice(np.array([0.0, 1.0, 6.0, 7.0, 30.0, 31.0, np.nan]), n)
        links = rng.choice(np.array([0.0, 0.49, 0.5, 0.7, 1.0, np.nan]), n)
        heading = rng.choice(np.array([0.0, 0.0, 1.0, 3.0, -1.0, np.nan]), n)
        chars = rng.choice(np.array([0.0, 12.0, 40.0, 41.0, np.nan]), n)
        cols = (body, words, links, heading, chars)
        for args in (cols, tuple(c[::-1] for c in cols), tuple(c[::2] for c in cols), tuple(c[:0] for c in cols)):
            for bounds in ((30.0, 0.5, 6.0, 40.0, 40), (1e9, 0.0, 1e9, 1e9, 1), (0.0, 0.5, 6.0, 40.0, 0)):
                want = reference(texts, *args, *bounds)
                got = compiled(texts, *args, *bounds)
                if type(got) is not tuple or got != want or any(type(x) is not list for x in got):
                    return None, "it differs on the probe texts"
                found[0] += bool(want[0])
                found[1] += bool(want[1])
    if min(found) < 5:
        return None, f"too few probes with blocks found ({found})"
    return compiled, None


def _make_grid_word_sums(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels

    compiled = _kernels.grid_word_sums
    rng = np.random.default_rng(2503)
    # Word counts: whole numbers (the sums are exact in any order; other values are no input).
    for n in (0, 1, 2, 7, 40, 300, 3000):
        for p_body in (0.0, 0.3, 0.9):
            body = rng.random(n) < p_body
            words = rng.integers(0, 400, n).astype(np.float64)
            main = rng.choice(np.array([0.0, 0.0, 1.0, 0.5, -1.0]), n)
            for args in ((words, body, main), (words[::-1], body[::-1], main[::-1]), (words[::3], body[::3], main[::3])):
                if not _same(compiled(*args), reference(*args)):
                    return None, "it differs on the probe arrays"
    return compiled, None


def _make_name_bio_candidates(reference: Callable[..., Any]) -> tuple[Any, str | None]:
    from .. import _kernels
    from .. import smooth as sm

    def compiled(texts: list[str], n_words: Any, idx: Any, words: Any, lo: int) -> Any:
        got = _kernels.name_bio_candidates(
            texts, n_words, idx, words, lo, sm._AUTHOR_ABOVE, sm._NAME_BIO_MIN, sm._AUTHOR_HEAD_WORDS
        )
        return reference(texts, n_words, idx, words, lo) if got is None else got

    rng = np.random.default_rng(2504)
    pool = ["Jane Doe is a writer", "jane", "", "\u00c9mile", "\u01c5x", "\u0130", "1 Jan", " Jane", "\U0001d400x", "\u00dfa", "Ab"]
    found = 0
    # Word counts: whole numbers (the words above are exact in any order of additions).
    for n in (0, 1, 3, 20, 30, 60, 200):
        texts = rng.choice(pool, n).tolist()
        n_words = rng.choice(np.array([0.0, 1.0, 6.0, 7.0, 9.0, 10.0, 11.0, 40.0, 41.0, 120.0]), n)
        for p_body in (0.3, 0.8, 1.0):
            idx = np.flatnonzero(rng.random(n) < p_body)
            words = n_words[idx]
            for lo in {0, 1, len(idx) // 2, max(len(idx) - 3, 0), len(idx)}:
                want = reference(texts, n_words, idx, words, lo)
                got = compiled(texts, n_words, idx, words, lo)
                if type(got) is not list or not _same(tuple(got), tuple(want)):
                    return None, "it differs on the probe pages"
                found += bool(want)
    if found < 10:
        return None, f"too few probes with candidates ({found})"
    return compiled, None


_KERNEL_MAKERS: dict[str, Callable[[Any], tuple[Any, str | None]]] = {
    "unboxed_container": _make_unboxed_container,
    "content_named": _make_content_named,
    "deepest_neg": _make_deepest_neg,
    "unwrap": _make_unwrap,
    "comment_sections": _make_comment_sections,
    "keep_alike_runs": _make_keep_alike_runs,
    "prose_weight": _make_prose_weight,
    "text_stats": _make_text_stats,
    "ellipsis": _make_ellipsis,
    "main_container": _make_main_container,
    "card_marks": _make_card_marks,
    "score_blocks": _make_score_blocks,
    "smooth_labels": _make_smooth_labels,
    "repeated": _make_repeated,
    "page_language": _make_page_language,
    "block_arrays": _make_block_arrays,
    "subtree_ends": _make_subtree_ends,
    "texts_hold": _make_texts_hold,
    "third_slide": _make_third_slide,
    "all_of": _make_all_of,
    "container_subtrees": _make_container_subtrees,
    "any_true": _make_any_true,
    "lstrip_starts": _make_lstrip_starts,
    "holds_tag": _make_holds_tag,
    "tags_are": _make_tags_are,
    "nearest_marked": _make_nearest_marked,
    "texts_holding": _make_texts_holding,
    "sibling_items": _make_sibling_items,
    "alike_groups": _make_alike_groups,
    "subtree_sums": _make_subtree_sums,
    "may_digit": _make_may_digit,
    "runs_between": _make_runs_between,
    "box_span": _make_box_span,
    "byte_places": _make_byte_places,
    "bytes_hold": _make_bytes_hold,
    "may_hold_lines": _make_may_hold_lines,
    "str_holds": _make_str_holds,
    "link_heading_candidates": _make_link_heading_candidates,
    "block_columns": _make_block_columns,
    "may_negate_names": _make_may_negate_names,
    "flag_counts": _make_flag_counts,
    "chrome_only": _make_chrome_only,
    "int64_array": _make_int64_array,
    "item_starts": _make_item_starts,
    "item_slots": _make_item_slots,
    "doubled_candidates": _make_doubled_candidates,
    "grid_word_sums": _make_grid_word_sums,
    "name_bio_candidates": _make_name_bio_candidates,
    "short_holding": _make_short_holding,
    "story_candidates": _make_story_candidates,
}
