from __future__ import annotations

from dataclasses import asdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from boilerstrip.parse.segment import Flag, _is_link, segment_html, segment_text
from boilerstrip.parse import _compiled, segment
from boilerstrip.vocab import SKIP_TAGS


def seg(html: str):  # type: ignore[no-untyped-def]
    return segment_html(html, max_depth=256, max_blocks=1000)


def test_one_block_per_paragraph_and_div_runs() -> None:
    s = seg("<body><div>lead text<p>first para</p>tail text<p>second</p></div></body>")
    assert s.texts == ["lead text", "first para", "tail text", "second"]
    assert s.kinds == ["div", "p", "div", "p"]


VISIBLE = "visible text of the page, long enough to count as a real page of content. " * 4


def test_skips_invisible() -> None:
    s = seg(
        "<body><script>var x=1</script><style>p{}</style><noscript>enable js</noscript>"
        "<p hidden>h</p><p aria-hidden='true'>a</p><p style='display: none'>d</p>"
        f"<template><p>t</p></template><svg><text>s</text></svg><p>{VISIBLE}</p></body>"
    )
    assert s.texts == [VISIBLE.strip()]


def test_an_aria_hidden_link_is_seen() -> None:
    # aria-hidden keeps a card's second link (over its teaser text) from screen readers only:
    # the eye reads the teaser. On any other element it marks a closed menu or an icon.
    s = seg(
        "<body><article><h2><a href='/a'>Headline</a></h2><p><a href='/a' aria-hidden='true' tabindex='-1'>"
        "The teaser text under the headline.</a></p><div aria-hidden='true'><p>Closed menu</p></div></article></body>"
    )
    assert s.texts == ["Headline", "The teaser text under the headline."]


def test_a_carousels_hidden_slides_are_read() -> None:
    # A carousel marks the slides it does not show aria-hidden (Slick, Swiper, a "Carousel__cell"):
    # their text is the page's, one swipe away. A looping carousel's copies of its slides
    # ("slick-cloned") and any other aria-hidden box stay hidden.
    s = seg(
        "<body><ul><li class='slick-slide slick-active'><p>First slide</p></li>"
        "<li class='slick-slide' aria-hidden='true'><p>Second slide</p></li>"
        "<li class='slick-slide slick-cloned' aria-hidden='true'><p>First slide copy</p></li></ul>"
        "<div class='swiper-slide swiper-slide-duplicate' aria-hidden='true'><p>Swiper's copy</p></div>"
        "<div class='bp-Carousel__cell' aria-hidden='true'><p>Listing remarks</p></div>"
        "<div class='slide-menu' aria-hidden='true'><p>Menu</p></div></body>"
    )
    assert s.texts == ["First slide", "Second slide", "Listing remarks"]


def test_collapsed_panels_are_read() -> None:
    # An accordion's closed sections and a tab list's other tabs are the page's text one click
    # away: hidden by the attribute or a style, they are read when marked as panels (a region or
    # tab panel role, a name given by their trigger, or hidden="until-found"). A closed dialog
    # named the same way, a panel that is only aria-hidden, and an unmarked hidden box are not.
    s = seg(
        "<body><h2>Questions</h2><h3 id='b1'>First</h3>"
        "<div id='a1' role='region' aria-labelledby='b1' style='display:none'><p>First answer</p></div>"
        "<div role='tabpanel' hidden><p>Second tab</p></div>"
        "<div aria-labelledby='b3' style='visibility: hidden'><p>Third answer</p></div>"
        "<div hidden='until-found'><p>Found section</p></div>"
        "<div role='dialog' aria-labelledby='d' hidden><p>Closed dialog</p></div>"
        "<div role='region' aria-hidden='true'><p>Screen readers skip it</p></div>"
        "<div style='display:none'><p>Unmarked box</p></div></body>"
    )
    assert s.texts == ["Questions", "First", "First answer", "Second tab", "Third answer", "Found section"]
def test_a_folded_panel_is_read() -> None:
    # A product's description folded into an accordion, a "collapse" widget's FAQ answer:
    # hidden until the reader opens them, and the page's text all the same.
    # aria-hidden alone still hides one, as it hides a closed menu.
    s = seg(
        f"<body><p>{VISIBLE}</p><div class='accordion__panel' style='display:none'><p>Folded description</p></div>"
        "<div class='faq-item collapse' hidden><p>Folded answer</p></div>"
        "<div class='accordion-content' aria-hidden='true'><p>Screen readers skip it</p></div>"
        "<div class='collapsed' hidden><p>Shut button</p></div><div class='modal' hidden><p>Dialog</p></div></body>"
    )
    assert s.texts == [VISIBLE.strip(), "Folded description", "Folded answer"]
    # A tab's panel (WAI-ARIA's role="tabpanel") shut until its tab is chosen; not the tab itself.
    s = seg(
        f"<body><p>{VISIBLE}</p><div role='tabpanel' hidden><p>Specifications</p></div>"
        "<div role=' TabPanel ' style='display: none'><p>Care notes</p></div><div role='tab' hidden>Shut tab</div></body>"
    )
    assert s.texts == [VISIBLE.strip(), "Specifications", "Care notes"]


def test_a_panel_that_a_shut_button_controls_is_read() -> None:
    # WAI-ARIA's disclosure and accordion patterns: the button says aria-expanded="false" and
    # names its panel in aria-controls while the panel is shut, whatever hides it (the attribute,
    # a style, aria-hidden) and whatever its class. A box hidden inside the panel, a panel no
    # button controls, and one whose button has no aria-expanded stay hidden.
    s = seg(
        f"<body><p>{VISIBLE}</p>"
        '<h3><button aria-expanded="false" aria-controls="q1">First question</button></h3>'
        '<div id="q1" class="css-1x" aria-hidden="true"><p>First answer</p><p hidden>Still hidden</p></div>'
        "<h3><button aria-expanded='false' aria-controls='q2 q3'>Second question</button></h3>"
        '<div id="q2" hidden><p>Second answer</p></div><div id="q3" style="display: none"><p>Third answer</p></div>'
        '<button aria-controls="m1">Menu</button><div id="m1" hidden><p>Menu links</p></div>'
        '<div id="q4" hidden><p>Nobody opens it</p></div></body>'
    )
    assert s.texts == [VISIBLE.strip(), "First answer", "Second answer", "Third answer"]  # a button's text is no block


def _opened_by_query(html: str, walk: _compiled.Walker, opened: bool) -> segment.Segments:
    """The first walk of html as _shut_panels's first form read it (session 23): one selector
    query for the panels' ids, their hiding attributes taken off the tree, then the walk."""
    data = html.encode("utf-8", "ignore")
    tree = LexborHTMLParser(data)
    ids = segment._shut_panels(data)
    out = segment.Segments()
    assert tree.body is not None
    if opened:
        walk(tree.body, out, 256, 1000, SKIP_TAGS, True, ids)
        return out
    if ids:
        for panel in tree.css(", ".join(f'[id="{ident}"]' for ident in sorted(ids))):
            if segment._is_hidden(panel.attributes, panel.tag or ""):
                for name in ("hidden", "aria-hidden", "style"):
                    if name in panel.attributes:
                        del panel.attrs[name]
    walk(tree.body, out, 256, 1000, SKIP_TAGS, True, frozenset())
    return out


def test_shut_panels_are_read_as_a_query_of_the_tree_would_open_them() -> None:
    # The walk reads an element whatever hides it when its id is a shut button's panel's; a
    # query of the tree for the ids (the step's first form) opened the same elements: ids are
    # told apart by case, read after the parser decodes them (a character reference, U+0000 as
    # U+FFFD), every element with a repeated id opens, one no button names stays shut, and a
    # box hidden inside an opened panel stays hidden.
    button = '<button aria-expanded="false" aria-controls="{}">Open</button>'
    panels = [
        ("q1", '<div id="q1" hidden><p>Plain</p><p hidden>Inner</p></div><div id="q1" style="display:none">Twin</div>'),
        ("Q2", '<div id="q2" hidden>Other case</div><div id="Q2" aria-hidden="true">Upper case</div>'),
        ("fr\u00e5ga-3", '<section id="fr\u00e5ga-3" hidden>Non-ASCII</section>'),
        ("a&amp;b", '<div id="a&amp;b" hidden>Reference</div>'),
        ("n\x00ul", '<div id="n\x00ul" hidden>Null</div>'),
        ("q:5.x[1]", '<div id="q:5.x[1]" style="visibility: hidden">Selector marks</div>'),
        ("q6", '<div id="q6" hidden><div id="q6b" hidden>Nested shut</div><p>Outer</p></div>'),
        ("q7", '<a id="q7" href="/x" aria-hidden="true">Link</a><div id="q7" role="dialog" hidden>Dialog</div>'),
    ]
    for ident, panel in panels:
        html = f"<html><body><p>{VISIBLE}</p>{button.format(ident)}{panel}<div id='q9' hidden>Unnamed</div></body></html>"
        for walk in (segment._walk, segment._WALK):
            want = _opened_by_query(html, walk, False)
            got = _opened_by_query(html, walk, True)
            assert asdict(got) == asdict(want), ident
            assert "Unnamed" not in got.texts and not any("Inner" in t or "Nested" in t for t in got.texts)
            assert len(got.texts) > 1 or ident == "a&amp;b", ident


def test_shut_panels_are_scanned_only_when_a_hidden_element_has_an_id(monkeypatch: pytest.MonkeyPatch) -> None:
    # The walk asks for the panels' ids only at a hidden element with an id (session 25): a page
    # without one never scans its markup for them; a page with one scans it once for both walks,
    # and reads what the ids open as before.
    scans: list[bytes] = []
    scan = segment._shut_panels

    def counted(data: bytes) -> frozenset[str]:
        scans.append(data)
        return scan(data)

    monkeypatch.setattr(segment, "_shut_panels", counted)
    button = '<button aria-expanded="false" aria-controls="q1">Open</button>'
    for walk in (segment._walk, segment._WALK):
        monkeypatch.setattr(segment, "_WALK", walk)
        scans.clear()
        s = seg(f"<body><p>{VISIBLE}</p>{button}<div hidden>Shut</div><p id='q1'>Shown</p></body>")
        assert s.texts == [VISIBLE.strip(), "Shown"] and not scans
        s = seg(f'<body><p>Short</p>{button}<div id="q1" hidden><p>Answer</p></div><div id="q2" hidden>No</div></body>')
        assert s.texts == ["Short", "Answer"] and len(scans) == 1
    opened = segment._ShutPanels(f'{button}<div id="q1" hidden>x</div>'.encode())
    assert None not in opened and "q2" not in opened and "q1" in opened


def test_ruby_readings_are_left_out() -> None:
    # The reading printed above a word (furigana) would split the sentence's words apart.
    s = seg("<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を読む</p>")
    assert s.texts == ["漢字を読む"]


def test_mathml_is_text_but_its_annotations_are_not() -> None:
    # A formula in MathML is rendered where it stands; its TeX annotation is not shown.
    s = seg(
        "<p>Solve <math><semantics><mrow><mi>x</mi><mo>=</mo><mn>2</mn></mrow>"
        "<annotation encoding='application/x-tex'>x = 2</annotation></semantics></math> for y.</p>"
    )
    assert s.texts == ["Solve x=2 for y."]


def test_noscript_read_when_the_page_is_a_script_shell() -> None:
    s = seg(f"<body><div id='app'></div><noscript><h1>Title</h1><p>{VISIBLE}</p></noscript></body>")
    assert s.texts == ["Title", VISIBLE.strip()]
    assert seg("<body><p>short</p><noscript>enable JavaScript</noscript></body>").texts == ["short"]


def test_hidden_content_read_when_nothing_else_is_visible() -> None:
    html = f"<body><nav><a href='/'>Home</a></nav><div style='display:none'><p>{VISIBLE}</p></div></body>"
    assert seg(html).texts == ["Home", VISIBLE.strip()]
    shown = f"<body><p>{VISIBLE}</p><div style='display:none'><p>{VISIBLE}x</p></div></body>"
    assert seg(shown).texts == [VISIBLE.strip()]


def test_a_hidden_menu_alone_reveals_nothing() -> None:
    # A thread of short posts: no block reaches a paragraph's length. Its hidden drop-down menu,
    # once revealed, holds a long line of links: no paragraph a script would show, so the page is
    # read as it stands, without the menu and without the <noscript> warning.
    menu = " ".join(f"<a href='/f/{k}'>Forum section number {k}</a>" for k in range(12))
    posts = "".join(f"<article class='post'><p>Short reply number {k}, thanks!</p></article>" for k in range(3))
    html = f"<body><div style='display:none'><div>{menu}</div></div><noscript>Enable JavaScript.</noscript>{posts}</body>"
    assert seg(html).texts == [f"Short reply number {k}, thanks!" for k in range(3)]


def test_a_notice_is_a_chrome_class_word() -> None:
    # A shop's or a site's notice box ("site-notice", "js-notice"): a message about the site, not its text.
    s = seg("<body><main><div class='site-notice'><p>Store owners: enable customer accounts.</p></div>"
            "<p>Text</p></main></body>")
    flags = dict(zip(s.texts, s.flags, strict=True))
    assert flags["Store owners: enable customer accounts."] & Flag.NEG_CLASS
    assert s.neg_tokens[0] == "notice"
    assert not flags["Text"] & Flag.NEG_CLASS


def test_link_chars_and_whitespace() -> None:
    s = seg("<p>read   <a href='/docs'>the docs</a>\n now</p>")
    assert s.texts == ["read the docs now"]
    assert s.link_chars == [8]


@pytest.mark.parametrize(
    ("anchor", "is_link"),
    [
        ("<a href='/docs'>", True),
        ("<a href='https://example.org/x#y'>", True),
        ("<a href='?page=2'>", True),
        ("<a href='a#b'>", True),
        ("<a href='javascript'>", True),  # a relative URL, not the scheme
        ("<a href='java script:x'>", True),
        ("<a href=' mailto:x@example.org'>", True),
        ("<a>", False),
        ("<a name='top'>", False),
        ("<a href>", False),
        ("<a href=''>", False),
        ("<a href=' \t\u00a0'>", False),
        ("<a href='#'>", False),
        ("<a href=' #section-2'>", False),
        ("<a href='javascript:'>", False),
        ("<a href='JavaScript:void(0)'>", False),
        ("<a href='\u2003 JAVASCRIPT:go()'>", False),
    ],
)
def test_only_links_to_another_page_count(anchor: str, is_link: bool) -> None:
    s = seg(f"<p>read {anchor}the docs</a> now</p>")
    assert s.texts == ["read the docs now"]
    assert s.link_chars == [8 if is_link else 0]


def test_is_link() -> None:
    assert _is_link("/x") and _is_link(" x ") and _is_link("\u212aavascript:")  # KELVIN SIGN is no "j"
    assert not _is_link(None) and not _is_link("") and not _is_link("\n#x") and not _is_link("jAvAsCrIpT:x")


def test_javascript_link_wrapping_the_article_is_content() -> None:
    # readability's js-link-replacement test page: the whole text sits in <a href="javascript:">.
    s = seg(f"<body><a href='javascript:'><div><p>{VISIBLE}</p></div></a><nav><a href='/'>Home</a></nav></body>")
    assert s.texts == [VISIBLE.strip(), "Home"]
    assert s.link_chars == [0, 4]


def test_semantic_flags_and_class_tokens() -> None:
    s = seg(
        "<body><nav><ul><li>Home</li></ul></nav><article><header><h1>Title</h1></header>"
        "<p>Body</p></article><div class='site-footer'><p>foot</p></div>"
        "<div id='comments'><p>hi</p></div><footer>f</footer></body>"
    )
    by = dict(zip(s.texts, s.flags, strict=True))
    assert by["Home"] & Flag.NAV and by["Home"] & Flag.LIST
    assert by["Title"] & Flag.ARTICLE and not by["Title"] & Flag.HEADER and by["Title"] & Flag.HEADING
    assert by["Body"] & Flag.ARTICLE
    assert by["foot"] & Flag.NEG_CLASS and s.neg_tokens[s.texts.index("foot")] == "footer"
    assert by["hi"] & Flag.COMMENT
    assert by["f"] & Flag.FOOTER
    # Blog platforms' trackback and pingback lists and the comment form belong to the thread.
    s = seg("<body><div class='trackbacks'><p>tb</p></div><ol><li class='pingback'>pb</li></ol>"
            "<form id='commentform'><p>Name (required)</p></form></body>")
    assert all(flag & Flag.COMMENT for flag in s.flags)


def test_roles_and_itemprop() -> None:
    s = seg("<div role='navigation'><p>n</p></div><div itemprop='articleBody'><p>b</p></div>")
    assert s.flags[0] & Flag.NAV and s.flags[1] & Flag.ARTICLE


def test_pre_keeps_whitespace() -> None:
    s = seg("<pre>  a = 1\n    b = 2\n</pre>")
    assert s.texts == ["  a = 1\n    b = 2"]
    assert s.flags[0] & Flag.PRE


def test_br_splits_and_table_cells() -> None:
    s = seg("<p>line one<br>line two</p><table><tr><td>a</td><td>b</td></tr></table>")
    assert s.texts == ["line one", "line two", "a", "b"]
    a, b = s.elems[2], s.elems[3]
    assert s.elem_parent[a] == s.elem_parent[b] and s.elem_tag[s.elem_parent[a]] == "tr"
    assert s.flags[2] & Flag.TABLE


def test_title_and_language() -> None:
    s = seg("<html lang='de-AT'><head><title> Hallo  Welt </title></head><body><p>x</p></body></html>")
    assert s.title == "Hallo Welt" and s.language == "de"


def test_a_declared_thread() -> None:
    from boilerstrip.parse.segment import declares_thread

    def declared(head: str, body: str = "<p>Text</p>") -> bool:
        return declares_thread(segment_html(f"<html><head>{head}</head><body>{body}</body></html>", max_depth=64, max_blocks=100))

    ld = '<script type="application/ld+json">{{"@context": "https://schema.org", "@type": {}}}</script>'
    for kind in ('"DiscussionForumPosting"', '"QAPage"', '["WebPage", "QAPage"]', '"https://schema.org/QAPage"',
                 '"https:\\/\\/schema.org\\/QAPage"'):
        assert declared(ld.format(kind)), kind
    for micro in ("<div itemscope itemtype='https://schema.org/DiscussionForumPosting'><p>Post</p></div>",
                  '<div itemscope itemtype="http://schema.org/QAPage"><p>Post</p></div>'):
        assert declared("", micro), micro
    # Not an article, nor a page whose text names the type, nor a type's name as a property's value.
    assert not declared(ld.format('"Article"'))
    assert not declared("", "<p>A DiscussionForumPosting is a type, and so is QAPage.</p>")
    assert not declared('<script type="application/ld+json">{"@type": "Article", "about": "QAPage"}</script>')
    assert not declared("", "<div itemscope itemtype='https://schema.org/QAPageX'><p>Post</p></div>")
    assert not declares_thread(segment_text("DiscussionForumPosting", max_blocks=100))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['"@type"', ":", " ", "[", "]", ",", '"Product"', '"Article"', '"QAPage"', '"x"',
                                 "https://schema.org/", "Product", "itemtype=", "'", "og:type", "property=", "content=",
                                 '"product"', '"article"', "<", ">"]), max_size=30))
def test_declaration_windows_find_what_a_whole_search_finds(parts: list[str]) -> None:
    """_declares tries a pattern that opens on its literal ("@type") only at the literal's places
    (a match, not a search through the window); on texts shorter than every window it answers as a
    search of each pattern through the whole text."""
    data = "".join(parts).encode()
    for patterns in (segment._PRODUCT_DECLARED, segment._ARTICLE_DECLARED):
        assert segment._declares(data, patterns) == any(p.search(data) is not None for p in patterns)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['"@type"', ":", " ", "\n", "[", "]", ",", '"QAPage"', '"DiscussionForumPosting"', '"x"',
                                 "https://schema.org/", "https:\\/\\/schema.org\\/", "QAPage", "DiscussionForumPosting",
                                 "ItemType", "itemtype", "=", "'", '"', "/", "x", "<", ">"]), max_size=30))
def test_declared_thread_as_one_search(parts: list[str]) -> None:
    """declares_thread tries the JSON-LD alternative only where "@type" stands and searches the
    microdata one only on a page that holds a type's URL: the answer of one search of both."""
    data = "".join(parts).encode()
    s = segment.Segments(source=data)
    assert segment.declares_thread(s) == (segment._THREAD_DECLARED.search(data) is not None)


def test_nesting_bound_skips_void_elements() -> None:
    limit = segment._DEEP_LIMIT
    # Many images and line breaks (no closing tags) are not deep nesting: no cap_nesting scan.
    assert not segment._may_nest_deeply(b"<p>a<br>b<img src=x.png><BR/></p>" * limit)
    assert not segment._MAY_NEST_DEEPLY(b"<p>a<br>b<img src=x.png><BR/></p>" * limit)
    # Deep containers still are, with void elements or look-alike names between them.
    assert segment._may_nest_deeply(b"<div><br>" * limit)
    assert segment._may_nest_deeply(b"<brx>" * limit)
    assert segment._MAY_NEST_DEEPLY(b"<div><br>" * limit)


def test_deep_nesting_does_not_recurse() -> None:
    depth = 5000
    s = seg("<div>" * depth + "deep text" + "</div>" * depth)
    assert s.texts == ["deep text"]
    assert max(s.depths) <= 256


def test_max_blocks() -> None:
    s = segment_html("<p>x</p>" * 50, max_depth=256, max_blocks=10)
    assert len(s) == 10 and s.truncated


def test_segment_text_lines_and_blanks() -> None:
    s = segment_text("one\n\n\ntwo\r\nthree\rfour\x00five", max_blocks=100)
    assert s.texts == ["one", "two", "three", "four five"]
    assert s.blank_before == [0, 2, 0, 0]


_WRAPPED = (
    "grep searches for patterns in each FILE. In the synopsis's first\n"
    "form, which is used if no -e or -f options are present, the first\n"
    "operand PATTERNS is one or more patterns separated by newline\n"
    "characters, and grep prints each line that matches a pattern.\n"
    "Typically PATTERNS should be quoted when grep is used in a shell\n"
    "command.\n"
    "\n"
    "A FILE of - stands for standard input. If no FILE is given,\n"
    "recursive searches examine the working directory, and nonrecursive\n"
    "searches read standard input and print the lines that match them.\n"
)


def test_segment_text_joins_hard_wrapped_paragraphs() -> None:
    s = segment_text(_WRAPPED, max_blocks=100)
    lines = _WRAPPED.split("\n")
    # The breaks the width made are joined; the one the writer made ("... a pattern.") is not.
    assert s.texts == ["\n".join(lines[0:4]), "\n".join(lines[4:6]), "\n".join(lines[7:10])]
    assert s.blank_before == [0, 0, 1]


def test_segment_text_keeps_lines_without_wrap_evidence() -> None:
    # Too few width breaks on the page: each line stays a block.
    few = "\n".join(_WRAPPED.split("\n")[:3])
    assert len(segment_text(few, max_blocks=100)) == 3
    # Lowercase items that would have fit on the line above are not wrapped text.
    heads = ["A short headline about one thing", "A much longer headline about another thing, told at length"]
    items = "\n".join(f"{heads[i % 2]} {i}\nat shop {i}" for i in range(8))
    assert len(segment_text(items, max_blocks=100)) == 16
    # The same items, all as wide as the widest: read as wrapped (the width test is what tells).
    items = "\n".join(f"{heads[1]} {i}\nat shop {i}" for i in range(8))
    assert len(segment_text(items, max_blocks=100)) == 8


def test_segment_text_wrapped_lines_past_max_blocks() -> None:
    s = segment_text(_WRAPPED, max_blocks=2)
    assert len(s) == 2 and s.truncated
    assert s.overflow == [line for line in _WRAPPED.split("\n")[7:10]]


def test_segment_text_wrapped_page_joins_capitalised_continuations() -> None:
    # On a page shown to be wrapped, a line whose first word would not have fit on the line
    # above continues it, whatever its case; a line that would have fit starts anew.
    more = (
        "\n"
        "The same tool is shipped with every distribution that runs on\n"
        "Linux and on the BSD systems, and its options rarely change.\n"
        "Short lines like this one\n"
        "Stand alone.\n"
    )
    s = segment_text(_WRAPPED + more, max_blocks=100)
    lines = more.split("\n")
    assert s.texts[3:] == ["\n".join(lines[1:3]), lines[3], lines[4]]
    # Without the wrapped page above it, the capitalised break is left alone.
    assert len(segment_text(more, max_blocks=100)) == 4


def test_segment_text_does_not_join_runs_of_single_tokens() -> None:
    # A base64 blob is wrapped at a fixed width too, but its lines are one token each.
    blob = "\n".join(("qwertyuiopasdfghjklzxcvbnm" * 3)[i : i + 60] for i in range(12)) + "\n"
    assert len(segment_text(_WRAPPED + blob, max_blocks=100)) == 3 + 12


def test_segment_text_long_wrapped_run_is_linear() -> None:
    para = "the same words wrapped at a fixed width go on and on without end here\n" * 50_000
    s = segment_text(_WRAPPED + "\n" + para, max_blocks=100)
    # The whole run is one block, gathered in linear time (joining line by line took minutes).
    assert s.texts[-1] == para.rstrip("\n") and s.blank_before[-1] == 1


def test_alike_inline_items_are_spaced() -> None:
    # A chart's row: the year, running time and rating are alike spans (one class) with no space
    # between them in the source; the stylesheet sets them apart, and they are three words.
    s = seg(
        "<body><div><span class='meta-item'>2026</span><span class='meta-item'>1h 54m</span>"
        "<span class='meta-item'>R</span></div></body>"
    )
    assert s.texts == ["2026 1h 54m R"]
    # A word split between two alike spans (a highlighted term) stays one word; unlike elements,
    # unclassed ones and items already spaced are left as they are.
    s = seg(
        "<body><p><span class='hl'>child</span><span class='hl'>ren</span> read "
        "<b>bold</b><i>italic</i> <span>no</span><span>class</span> "
        "<em class='x'>one </em><em class='x'>two</em></p></body>"
    )
    assert s.texts == ["children read bolditalic noclass one two"]
    assert segment._space_items("\x00a\x00\x00B c\x00 d\x00") == "a B c d"
    # Between unlike elements only a lowercase letter before a capital is a gap: a card's brand
    # and product name. A drop cap, an abbreviation and a word's inflection are read as written.
    s = seg(
        "<body><p><a href='/p/1'><span class='brand'>The North Face</span><span class='name'>Wawona 6 Tent</span></a>"
        " <span class='cap'>F</span>igures <b>NDR</b><i>-Recherchen</i> surnomm<i>ait</i></p></body>"
    )
    assert s.texts == ["The North Face Wawona 6 Tent Figures NDR-Recherchen surnommait"]


def test_acronym_before_a_capitalised_word_and_a_styled_first_letter() -> None:
    # A card's brand in capitals and its product name in the next span are two words; a word
    # whose first letter sits in its own alike span ("C" + "orn") is one. An acronym run into a
    # capital with no lowercase after it ("AB" + "CD"), a capital after a letter ("xC" + "orn")
    # and a drop cap are read as before.
    s = seg(
        "<body><p><a href='/p/1'><span class='brand'>HOKA</span><span class='title'>Clifton 10</span></a>"
        " cereals: <span class='d'>C</span><span class='d'>orn Pops</span>"
        " <b>AB</b><i>CD</i> <span class='k'>xC</span><span class='k'>orn</span>"
        " <span class='cap'>F</span>igures</p></body>"
    )
    assert s.texts == ["HOKA Clifton 10 cereals: Corn Pops ABCD xC orn Figures"]
    assert segment._space_items("NASA\ufdd0Artemis C\x00orn") == "NASA Artemis Corn"


# _is_panel's class test searches FOLDED_RE only where one of its words stands (session 18).
_FOLDED_PARTS = ["accordion", "Accordion", "ACCORDION", "collapse", "Collapse", "collapsed", "xcollapse", "noCollapse",
                 "accordion-item", "menu", "a", "-", " ", "_", "\u017f", "collap\u017fe", "\u0130", "\u212a", "9", "é"]


def test_names_folded_is_the_search() -> None:
    import itertools

    from boilerstrip.vocab import FOLDED_RE

    assert segment._FOLDED_WORDS == frozenset({"accordion", "collapse"})
    for parts in itertools.product(_FOLDED_PARTS, repeat=2):
        for names in ("".join(parts), " ".join(parts), "x" + "".join(parts)):
            assert segment._names_folded(names) == (FOLDED_RE.search(names) is not None), names


def test_head_title_is_the_pages_first_title() -> None:
    """_head_facts reads the title from head's children before it asks the CSS engine: the
    same element as the page's first <title> wherever the parser puts titles."""
    from selectolax.lexbor import LexborHTMLParser

    pages = [
        "<title> A  page </title><p>x",
        "<html><head><meta charset=utf-8><title>Head</title></head><body><svg><title>Svg</title></svg>",
        "<head><noscript><title>Inside</title></noscript><title>After</title></head>",
        "<head><template><title>Kept</title></template><title>Head</title></head>",
        "<body><svg><title>Only svg</title></svg><title>Late</title>",
        "<head><link rel=x></head><body><p>t</p><title>Body</title>",
        "<head><title></title></head><title>Second</title>",
        "<p>no title at all",
        "<!-- c --><title>x</title><title>y</title>",
    ]
    for page in pages:
        tree = LexborHTMLParser(page)
        first = tree.css_first("title")
        want = " ".join(first.text(deep=True).split()) or None if first is not None else None
        assert segment._head_facts(LexborHTMLParser(page))[0] == want, page
    assert segment._head_child(LexborHTMLParser(pages[2]), "title") is None  # a holder first: the query decides
