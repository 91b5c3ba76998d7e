from __future__ import annotations

import numpy as np

from boilerstrip import extract, extract_blocks
from boilerstrip.features import FEATURE_NAMES, compute_features, subtree_sums, within
from boilerstrip.parse.segment import segment_html, segment_text
from boilerstrip.smooth import SMOOTH_REASONS, drop_text_after_fields, drop_text_credit_lines, drop_text_after_form, drop_text_comments, keep_text_short_post

PROSE = (
    "The council met on Tuesday to discuss the new budget, and most of the members agreed that "
    "the plan for the harbour should go ahead before the end of the year."
)


def feats(html: str):  # type: ignore[no-untyped-def]
    return compute_features(segment_html(html, max_depth=256, max_blocks=1000), "html")


def test_text_statistics() -> None:
    f = feats(f"<p>{PROSE}</p><ul><li><a href='/'>Home</a></li></ul>")
    assert f.n_words[0] == len(PROSE.split()) == 31 and f.n_chars[0] == len(PROSE)
    assert 0.3 < f.stopword_ratio[0] < 0.6
    assert f.sentence_end[0] == 1 and f.n_sentences[0] == 1
    assert f.link_density[1] == 1.0 and f.link_density[0] == 0.0
    assert f.capital_ratio[1] == 1.0
    assert f.language == "en"


def test_main_container_is_the_article() -> None:
    html = (
        "<body><div id='menu'><p><a href='/'>Home</a> <a href='/x'>News</a></p></div>"
        f"<div id='story'><p>{PROSE}</p><p>{PROSE}</p><p>short</p></div>"
        f"<div id='side'><p>{PROSE[:60]}</p></div></body>"
    )
    f = feats(html)
    assert f.main.tolist() == [0.0, 1.0, 1.0, 1.0, 0.0]
    assert 0.6 <= f.main_share <= 1.0


def test_a_chrome_word_on_the_wrapper_of_article_and_sidebar_says_nothing() -> None:
    from boilerstrip.parse.segment import Flag

    widgets = "".join(f"<div class='widget'><p>{PROSE} Sponsor {i}.</p></div>" for i in range(2))
    html = (f"<body><div id='content-sidebar-wrap'><div id='content'><div class='post'>"
            f"<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div>"
            f"<div class='sidebar'>{widgets}</div></div></body>")
    f = feats(html)
    # The container narrows to the post beside the sidebar, and the wrapper's word leaves its
    # blocks: the sidebar's own words stay.
    assert f.main.tolist() == [1.0, 1.0, 1.0, 0.0, 0.0]
    assert not (f.flags[:3] & Flag.NEG_CLASS).any() and (f.flags[3:] & Flag.NEG_CLASS).all()
    # A box inside the article that holds the whole container is no wrapper: its word stays.
    html = f"<body><div class='promo'><p>{PROSE}</p><p>{PROSE}</p></div></body>"
    assert (feats(html).flags & Flag.NEG_CLASS).all()


def test_a_chrome_word_on_nearly_every_block_of_the_page_says_nothing() -> None:
    from boilerstrip.parse.segment import Flag

    # A page builder's word on every element: it marks no part of the page, a menu's own word stays.
    items = "".join(f"<div class='elementor-widget'><p>Plan {i} for your career and goals.</p></div>" for i in range(24))
    html = f"<body><nav class='menu'><a href='/a'>Home</a><a href='/b'>About</a></nav>{items}</body>"
    f = feats(html)
    assert not (f.flags[-24:] & Flag.NEG_CLASS).any()
    assert (f.flags[:-24] & Flag.NEG_CLASS).all()
    # The same word on two thirds of the blocks still marks them.
    plain = "".join(f"<p>Plain paragraph {i} of the page's own text.</p>" for i in range(12))
    f = feats(f"<body>{items}{plain}</body>")
    assert (f.flags[:24] & Flag.NEG_CLASS).all()


def test_a_form_around_nearly_the_whole_page_says_nothing() -> None:
    from boilerstrip.parse.segment import Flag

    # A web-forms engine wraps the page in one <form>: its blocks are no form's.
    paras = "".join(f"<p>Paragraph {i} of the page's own text, long enough to read.</p>" for i in range(24))
    f = feats(f"<body><form action='/page.aspx'><nav><a href='/a'>Home</a></nav>{paras}</form></body>")
    assert not (f.flags & Flag.FORM).any()
    assert (f.flags[0] & Flag.NAV) != 0
    # A form around two thirds of the page still marks its blocks.
    plain = "".join(f"<p>Plain paragraph {i} outside the form.</p>" for i in range(12))
    f = feats(f"<body><form action='/search'>{paras}</form>{plain}</body>")
    assert (f.flags[:24] & Flag.FORM).all() and not (f.flags[24:] & Flag.FORM).any()


def test_a_chrome_word_beside_a_content_name_says_nothing() -> None:
    from boilerstrip.parse.segment import Flag

    for names in ("article__body article-overlay-handle", "entry entry-author-dana", "post-content js-sidebar-sticky"):
        f = feats(f"<body><div class='{names}'><p>{PROSE}</p></div></body>")
        assert not f.flags[0] & Flag.NEG_CLASS, names
    # A post's name nearer than the chrome word wins ("widget Blog" wrapping a blog's post);
    # a plain "content" wrapper inside a footer or a sidebar is no post.
    f = feats(f"<body><div class='widget Blog'><div class='post hentry'><p>{PROSE}</p></div></div>"
              f"<div class='site-footer'><div class='content'><p>{PROSE} More.</p></div></div></body>")
    assert not f.flags[0] & Flag.NEG_CLASS and f.flags[1] & Flag.NEG_CLASS
    # A name that joins the chrome word to the content word names a part beside the post.
    for names in ("post-share", "related-posts", "richtext cmp-richtext--disclaimer"):
        f = feats(f"<body><div class='{names}'><p>{PROSE}</p></div></body>")
        assert f.flags[0] & Flag.NEG_CLASS, names


def test_meta_is_no_chrome_word() -> None:
    from boilerstrip.parse.segment import Flag

    # An archive wraps each entry's title and summary in a "meta" block: not a box of chrome.
    f = feats(f"<body><div class='meta'><p>{PROSE}</p></div><div class='post-meta'><p>{PROSE}</p></div></body>")
    assert not (f.flags & Flag.NEG_CLASS).any()


def test_main_container_is_never_one_lone_paragraph() -> None:
    # One long paragraph outweighs its short neighbours many times over: the container is
    # still the element that holds them all, not the long paragraph alone.
    html = (
        "<body><nav><p><a href='/'>Home</a> <a href='/x'>News</a></p></nav>"
        f"<div id='post'><p>{PROSE} {PROSE} {PROSE}</p><p>As usual, the minutes say it best. In short:</p>"
        "<pre>set budget = 2 million for the harbour works</pre></div>"
        f"<div id='side'><p>{PROSE[:60]}</p></div></body>"
    )
    f = feats(html)
    assert f.main.tolist() == [0.0, 1.0, 1.0, 1.0, 0.0]
    # With no other prose anywhere, the climb ends at the page itself.
    f = feats(f"<body><div><div><p>{PROSE}</p></div></div><p>Contact</p></body>")
    assert f.main.tolist() == [1.0, 1.0]


def test_main_container_is_not_the_footer_of_a_page_of_short_lines() -> None:
    # A product page: every line is short (under the prose weight's 40 characters), and the
    # only sentences are the footer's consent text. The first choice lands in the footer;
    # then the short lines count at their size, and the product is chosen.
    lines = ["Linen Sheet Set", "Fabric: 100% washed linen", "Fits mattresses up to 16 inches",
             "Ideal for: hot sleepers", "Care: machine wash cold"]
    product = "".join(f"<p>{line}</p>" for line in lines)
    html = (f"<body><main><div class='product'>{product}</div></main>"
            f"<footer><div class='legal'><p>{PROSE}</p><p>{PROSE} Unsubscribe at any time.</p></div></footer></body>")
    f = feats(html)
    assert f.main.tolist() == [1.0] * 5 + [0.0, 0.0]
    out = extract(html)
    assert out and "council" not in out and all(line in lines for line in out.splitlines())
    # A container of prose outside the footer is chosen as before, short lines or not.
    f = feats(f"<body><main><p>{PROSE}</p><p>{PROSE}</p></main><footer><p>{PROSE}</p></footer></body>")
    assert f.main.tolist() == [1.0, 1.0, 0.0]


def test_main_container_is_not_a_box_holding_little_of_the_page() -> None:
    # A shop's grid of short lines (names, prices, sizes: each under the prose weight's 40
    # characters) and, below it in the same column, a box with the page's only sentence. The
    # first choice is the box; it holds under a third of the text outside the page's boxes,
    # so the lines count at their size and the grid's column is chosen.
    items = "".join(f"<div class='item'><p>Glass Cup {k} oz</p><p>Colour: amber or sage</p><p>$ {20 + k}.95</p></div>"
                    for k in range(4, 30, 2))
    html = (f"<body><div id='page'><h1>Shop all cups</h1><div class='grid'>{items}</div>"
            "<div class='box'><p>Keep informed on new releases and subscriber exclusives, every month.</p>"
            "<p>Email address</p></div></div></body>")
    f = feats(html)
    grid = f.main[1:40].tolist()
    assert grid == [1.0] * 39
    out = extract(html)
    assert "Glass Cup 4 oz" in out and "Colour: amber or sage" in out
    # Where the box holds a third of that text or more, the first choice stands.
    few = "".join(f"<p>Glass Cup {k} oz</p>" for k in (4, 6))
    box = ("<div class='box'><p>Keep informed on new releases and subscriber exclusives, every month.</p>"
           "<p>We send one letter a month, and you can leave the list at any time you like.</p></div>")
    f = feats(f"<body><div id='page'><h1>Shop all cups</h1><div class='grid'>{few}</div>{box}</div></body>")
    assert f.main.tolist() == [0.0, 0.0, 0.0, 1.0, 1.0]
    # Under the grid, the same box is a third of the text no more: the grid is chosen.
    f = feats(f"<body><div id='page'><h1>Shop all cups</h1><div class='grid'>{items}</div>{box}</div></body>")
    assert f.main.tolist() == [0.0] + [1.0] * 39 + [0.0, 0.0]


def test_main_container_is_not_the_closing_faq_of_a_landing_page() -> None:
    # A landing page in <main>: sections of short lines (each under the prose weight's 40
    # characters) and, last, an FAQ whose answers are the page's only sentences. The FAQ is
    # the first choice; it holds under half of the page's text, and the text before it is
    # more than twice the text after it: the container is chosen again, and holds the page.
    lines = ["Accidents and injuries", "Illness, from sniffles up", "Dental care included",
             "Vet exam fees covered", "Alternative therapies", "Claims paid in two days",
             "Any licensed vet", "No upper age limit"]
    sections = ["<section><h2>Cover plan {k}</h2>" + "".join(f"<p>{line}</p>" for line in lines) + "</section>"
                for k in range(4)]
    faq = f"<section><h2>Questions</h2><div class='faq'><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></section>"
    f = feats(f"<body><main>{''.join(sections)}{faq}</main><footer><p>Terms</p></footer></body>")
    assert f.main.tolist() == [1.0] * 40 + [0.0]
    # With half the sections after the FAQ, it is no closing section: the first choice stands.
    f = feats(f"<body><main>{''.join(sections[:2])}{faq}{''.join(sections[2:])}</main></body>")
    assert f.main.tolist() == [0.0] * 19 + [1.0] * 3 + [0.0] * 18
    # Nor outside <main>, where a news story beside a sidebar of teasers holds as little.
    f = feats(f"<body><div>{''.join(sections)}{faq}</div></body>")
    assert f.main.tolist() == [0.0] * 37 + [1.0] * 3


def test_a_stack_of_sections_from_the_title_down_joins_the_container() -> None:
    # A landing page outside <main>: a hero section with the page's h1, two sections of
    # short pitches and a closing FAQ whose answers outweigh the rest and take the container.
    # The sections from the hero's to the FAQ's join it; the related posts after it do not.
    hero = "<section class='hero'><h1>Therapy, online</h1><p>Talk to a licensed therapist.</p></section>"
    parts = [f"<section><h2>Step {k}</h2><p>Answer a few questions about your needs, and we match you to a therapist.</p></section>"
             for k in range(2)]
    faq = f"<section class='faq'><h2>Questions</h2><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></section>"
    after = "<section class='related'><p>More from the blog on the harbour plans.</p></section>"
    f = feats(f"<body><div id='page'>{hero}{''.join(parts)}{faq}{after}</div></body>")
    assert f.main.tolist() == [1.0] * 11 + [0.0]
    # With no section between the title's and the container's, it is an article's header
    # above its text: the first choice stands.
    f = feats(f"<body><div id='page'>{hero}{faq}{''.join(parts)}{after}</div></body>")
    assert f.main.tolist() == [0.0, 0.0] + [1.0] * 5 + [0.0] * 5


def test_a_blogs_one_post_of_short_lines_is_the_container() -> None:
    # A post of a date, a title and a list of short lines has next to no prose weight; the
    # sidebar's "About me" box outweighs it and takes the first choice. The page's one element
    # named as a post, with its heading, is the container instead.
    about = (f"<div id='sidebar'><h2 class='sidebar-title'>About Me</h2><div id='profile'><p>{PROSE}</p>"
             f"<p>{PROSE}</p></div><h2 class='sidebar-title'>Previous Posts</h2><ul><li><a href='/a'>Top five of the week</a></li></ul></div>")
    items = "".join(f"<li>Five brilliant museum signs, number {k}.</li>" for k in range(5))
    post = (f"<div id='main'><h2 class='date-header'>Monday, October 15, 2012</h2><div class='post'>"
            f"<h3 class='post-title'>Top five of the week</h3><div class='post-body'><ul>{items}</ul></div></div></div>")
    f = feats(f"<body>{about}{post}</body>")
    assert f.main.tolist() == [0.0] * 6 + [1.0] * 6
    # A wrapper of the profile, a blurb and the post took the first choice: it narrows to the post.
    boxes = f"<div class='profile'><p>{PROSE}</p></div><div class='blurb'><p>{PROSE}</p></div>"
    f = feats(f"<body><div id='wrap'>{boxes}{post}</div></body>")
    assert f.main.tolist() == [0.0] * 3 + [1.0] * 6
    # Two posts are a list of posts: the first choice stands.
    f = feats(f"<body>{about}{post}{post}</body>")
    assert f.main.tolist()[:6] == [0.0, 1.0, 1.0, 0.0, 0.0, 0.0]
    # A container of an article's length is no short text beside the post.
    long_about = about.replace(f"<p>{PROSE}</p>", f"<p>{PROSE} {PROSE} {PROSE}</p>" * 6)
    f = feats(f"<body>{long_about}{post}</body>")
    assert f.main.tolist() == [0.0] + [1.0] * 12 + [0.0] * 9


def test_a_consent_banner_never_chooses_the_main_container() -> None:
    # The banner's sentences outweigh a short notice, yet a chrome-only word says what it is.
    banner = f"<div class='consent-banner'><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
    html = (f"<body>{banner}<div id='page'><h1>Opening hours</h1>"
            "<p>The library opens at nine on weekdays and at ten on Saturdays, all year round.</p>"
            "<p>It closes on public holidays, and the reading room closes an hour earlier.</p></div></body>")
    f = feats(html)
    assert f.main.tolist() == [0.0, 0.0, 0.0, 1.0, 1.0, 1.0]


def test_repeated_and_date_and_ellipsis() -> None:
    f = feats("<p>Share this</p><p>Posted 12 May 2021</p><p>Read more of the story here...</p><p>share THIS</p>")
    assert f.repeated.tolist() == [1.0, 0.0, 0.0, 1.0]
    assert f.date_like.tolist() == [0.0, 1.0, 0.0, 0.0]
    assert f.ellipsis.tolist() == [0.0, 0.0, 1.0, 0.0]


def test_language_declared_and_guessed() -> None:
    de = "Die Stadt hat am Dienstag beschlossen, dass der neue Hafen noch in diesem Jahr gebaut wird und die"
    f = feats(f"<html lang='de'><body><p>{de}</p></body></html>")
    assert f.language == "de"
    f = feats(f"<p>{de} Bürger sind mit dem Plan sehr zufrieden, weil er auch für die Umwelt gut ist.</p>")
    assert f.language == "de"


def test_text_mode_runs_and_region() -> None:
    lines = ["Home", "News", "Sport", "", PROSE, "", PROSE, "", PROSE, "", "Contact", "Imprint"]
    f = compute_features(segment_text("\n".join(lines), max_blocks=100), "text")
    assert f.run_lines.tolist() == [3.0, 3.0, 3.0, 1.0, 1.0, 1.0, 2.0, 2.0]
    assert f.main.tolist() == [0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0]
    assert f.blank_style


def test_row_has_every_feature() -> None:
    f = feats(f"<p>{PROSE}</p>")
    row = f.row(0)
    assert set(FEATURE_NAMES) <= set(row) and row["n_words"] == 31.0


def test_empty() -> None:
    f = feats("")
    assert len(f) == 0 and f.main_share == 0.0 and isinstance(f.n_words, np.ndarray)


def test_comments_are_content_on_a_thread() -> None:
    thread = "".join(f"<div class='comment'><p>{PROSE} Reply {i}.</p></div>" for i in range(3))
    f = feats(f"<body><h1>Thread title</h1>{thread}</body>")
    assert not (f.flags[1:] & 0b100000000000000).any()  # Flag.COMMENT cleared: the posts are the page
    article = "".join(f"<p>{PROSE}</p>" for _ in range(3))
    f = feats(f"<body><article>{article}</article><div class='comments'>{thread}</div></body>")
    assert (f.flags[3:] & 0b100000000000000).all()
    # Prose in a sidebar or footer is no article above the thread: the posts stay the page.
    f = feats(f"<body><h1>Thread title</h1>{thread}<footer><p>{PROSE}</p></footer></body>")
    assert not (f.flags[1:4] & 0b100000000000000).any()
    # One short paragraph (a video's blurb) above a long thread is still an article.
    long_thread = "".join(f"<div class='comment'><p>{PROSE} Reply {i}.</p></div>" for i in range(40))
    f = feats(f"<body><h1>Video title</h1><p>By a reporter</p><p>{PROSE}</p>{long_thread}</body>")
    assert (f.flags[3:] & 0b100000000000000).all()


def test_a_footer_line_below_a_thread_is_no_article() -> None:
    # A link aggregator's thread: the post is a linked title, the comments hold the prose, and the
    # page's terms of use stand below the thread outside any <footer>.
    thread = "".join(f"<div class='comment'><p>{PROSE} Reply {i}.</p></div>" for i in range(5))
    terms = "Use of this site constitutes acceptance of our User Agreement and Privacy Policy. All rights reserved."
    f = feats(f"<body><h1><a href='/x'>A linked story</a></h1>{thread}<div><p>{terms}</p></div></body>")
    assert not (f.flags[1:6] & 0b100000000000000).any()
    # An article below the thread (a shop's guide under its review widget) keeps the thread a comment section.
    article = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(6))
    f = feats(f"<body><h1>Chess sets</h1>{thread}<div>{article}</div></body>")
    assert (f.flags[1:6] & 0b100000000000000).all()


def test_replies_of_a_declared_thread_are_content() -> None:
    from boilerstrip.parse.segment import Flag

    # A forum thread: the question stands in the page, the answers in a "comments" list.
    ld = '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "QAPage"}</script>'
    replies = "".join(f"<div class='comment'><p>{PROSE} Answer {i}.</p></div>" for i in range(3))
    body = f"<div id='main'><h1>A question</h1><div class='question'><p>{PROSE} The question.</p></div><div class='comments'>{replies}</div></div>"
    page = f"<html><head>{ld}</head><body>{body}</body></html>"
    f = feats(page)
    assert not (f.flags & Flag.COMMENT).any()
    assert "Answer 2." in extract(page) and "The question." in extract(page)
    # Undeclared, the same page is an article and its comments.
    f = feats(f"<html><body>{body}</body></html>")
    assert (f.flags[2:] & Flag.COMMENT).all()
    assert "Answer 2." not in extract(f"<html><body>{body}</body></html>")
    # A Q&A site's comments under the posts weigh less than the answers: they stay comments.
    posts = "".join(f"<div class='answer'><p>{PROSE} {PROSE} Answer {i}.</p><div class='comments'><p>{PROSE[:80]} Note {i}.</p></div></div>"
                    for i in range(3))
    f = feats(f"<html><head>{ld}</head><body><h1>A question</h1>{posts}</body></html>")
    assert (f.flags[2::2] & Flag.COMMENT).all() and not (f.flags[1::2] & Flag.COMMENT).any()


def test_replies_of_a_named_thread_are_content() -> None:
    from boilerstrip.parse.segment import Flag

    # A forum engine's thread page that declares nothing: the first post, then the replies in a
    # "comments" list, both inside an element the engine names a thread view.
    replies = "".join(f"<li class='comment'><p>{PROSE} Reply {i}.</p></li>" for i in range(3))
    body = (f"<h1>A question</h1><div class='post-body'><p>{PROSE} The question.</p></div>"
            f"<section id='comments'><ul>{replies}</ul></section>")
    for name in ("ThreadView card", "thread_view", "forum-topic"):
        page = f"<html><body><article class='{name}'>{body}</article></body></html>"
        f = feats(page)
        assert not (f.flags & Flag.COMMENT).any(), name
        assert "Reply 2." in extract(page) and "The question." in extract(page)
    # Unnamed, the same page is an article and its comments; and a thread word on the comments'
    # own elements ("comment-thread") names no thread of the article's.
    for page in (f"<html><body><article class='story'>{body}</article></body></html>",
                 f"<html><body><article class='story'>{body.replace('<ul>', '<ul class=comment-thread>')}</article></body></html>"):
        f = feats(page)
        assert (f.flags[2:] & Flag.COMMENT).all()
        assert "Reply 2." not in extract(page)


def test_a_thread_of_alike_dated_posts_is_the_container() -> None:
    # A long first post holds most of the prose: the container search takes it alone, and the
    # replies, alike siblings with an author and a date each, are widened into the container.
    first = "".join(f"<p>{PROSE} Part {k}.</p>" for k in range(12))

    def post(i: int, text: str, cls: str, dated: bool = True) -> str:
        when = f" March {i + 3}, 2024, 8:45am" if dated else ""
        return f"<div class='{cls}'><div class='meta'><a href='/u/{i}'>member{i}</a>{when}</div><div class='message'>{text}</div></div>"

    def page(n: int, dated: bool = True) -> str:
        replies = "".join(post(i, f"<p>I tried that as well and it did work for me {i}.</p>", "postrow even", dated) for i in range(1, n))
        nav = "<nav><ul>" + "".join(f"<li><a href='/{k}'>Section {k}</a></li>" for k in range(6)) + "</ul></nav>"
        return f"<html><body>{nav}<div id='thread'>{post(0, first, 'postrow odd first', dated)}{replies}</div></body></html>"

    f = feats(page(4))
    assert f.main[6:].all() and not f.main[:6].any()
    assert "did work for me 3" in extract(page(4))
    # Two posts, or posts without dates, are no thread: the container stays the long post.
    for html in (page(2), page(4, dated=False)):
        f = feats(html)
        assert not f.main[-1] and f.main[8]


def test_a_negated_layout_word_marks_nothing() -> None:
    from boilerstrip.parse.segment import Flag

    # "no-sidebar", "noSidebar": a layout without a sidebar. Its blocks are no sidebar's.
    for name in ("page no-sidebar", "mainContainer_noSidebar", "without-sidebar"):
        f = feats(f"<body><div class='{name}'><div class='message'><p>{PROSE}</p></div></div></body>")
        assert not (f.flags & Flag.NEG_CLASS).any(), name
    # A chrome word of its own still marks ("no-sidebar sidebar-left"), and so does a nearer one.
    f = feats(f"<body><div class='no-sidebar sidebar-left'><p>{PROSE}</p></div></body>")
    assert (f.flags & Flag.NEG_CLASS).all()
    f = feats(f"<body><div class='no-sidebar'><div class='share'><p>{PROSE}</p></div><p>{PROSE}</p></div></body>")
    assert f.flags[0] & Flag.NEG_CLASS and not f.flags[1] & Flag.NEG_CLASS
    # "noPrint" asks that a box be left off a printout: no layout part, the mark stays.
    f = feats(f"<body><div class='noPrintContent'><p>{PROSE}</p></div></body>")
    assert (f.flags & Flag.NEG_CLASS).all()


def test_a_comment_heading_opens_the_thread_of_its_siblings() -> None:
    from boilerstrip.parse.segment import Flag

    article = "".join(f"<p>{PROSE}</p>" for _ in range(3))
    thread = "".join(f"<div id='c{i}'><p>{PROSE} Reply {i}.</p></div><p class='posted'>Posted by: reader {i}"
                     f" at September {i + 10}, 2012 11:40 AM</p>" for i in range(3))
    f = feats(f"<body><div id='main'>{article}<h2 id='comments'>Comments</h2>{thread}"
              f"<h2>Archives</h2><p>{PROSE}</p></div></body>")
    assert (f.flags[3:10] & Flag.COMMENT).all()
    assert not (f.flags[:3] & Flag.COMMENT).any() and not (f.flags[10:] & Flag.COMMENT).any()
    # The heading's words say it where its anchor is empty: "Comments", "3 Responses to “Title”".
    for title in ("<a id='comments'></a>Comments", "3 Responses to “A title here”"):
        f = feats(f"<body><div id='main'>{article}<h2>{title}</h2>{thread}</div></body>")
        assert (f.flags[3:] & Flag.COMMENT).all() and not (f.flags[:3] & Flag.COMMENT).any(), title
    # A manual's "Discussion" section (the word in its anchor, no dates) is no thread.
    f = feats(f"<body><div id='main'>{article}<h2 id='_discussion'>Discussion</h2><p>{PROSE}</p><p>{PROSE}</p></div></body>")
    assert not (f.flags[4:] & Flag.COMMENT).any()


def test_comments_under_a_titled_post_stay_comments() -> None:
    thread = "".join(f"<div class='comment'><p>{PROSE} Reply {i}.</p></div>" for i in range(3))
    # A post of a title, a byline and a video: no paragraph above the thread, but the title
    # stands in a post container that holds none of the comments.
    for post in ("<div class='post hentry'>", "<article>"):
        close = "</article>" if post == "<article>" else "</div>"
        page = (f"<body><div id='content'>{post}<h1>A conversation with readers</h1><p>by the author</p>"
                f"<p><iframe src='/video'></iframe></p>{close}<div id='comments'>{thread}</div></div></body>")
        f = feats(page)
        assert (f.flags[2:] & 0b100000000000000).all(), post
        assert "A conversation with readers" in extract(page) and "Reply 0" not in extract(page)
    # A thread's title in the page header, or in the thread's own container, is no post.
    f = feats(f"<body><div class='page-header'><h1>Thread title</h1></div>{thread}</body>")
    assert not (f.flags[1:] & 0b100000000000000).any()
    f = feats(f"<body><div class='topic post-list'><h1>Thread title</h1>{thread}</div></body>")
    assert not (f.flags[1:] & 0b100000000000000).any()


def test_comments_under_a_thread_heading_stay_comments() -> None:
    from boilerstrip.parse.segment import Flag

    thread = "".join(f"<div class='comment'><p>{PROSE} Reply {i}.</p></div>" for i in range(3))
    # A video post whose title stands in no post container: the thread's heading says comments.
    for head in ("<h4>3 comments:</h4>", "<div>3 Responses to “A video post”</div>", "<h3>Comments</h3>"):
        page = (f"<body><div id='wrap'><h2><a href='/p'>A video post</a></h2><p>by the author</p>"
                f"<p><iframe src='/video'></iframe></p><div id='comments'>{head}{thread}</div></div></body>")
        f = feats(page)
        assert (f.flags[3:] & Flag.COMMENT).all(), head
        assert "Reply 0" not in extract(page), head
    # Without the heading (a forum thread), or with the count mid-line (a link aggregator's
    # story line), the comments are the content.
    for head in ("", "<div>via someone 2 hours ago 3 comments</div>", "<div>Comments</div>"):
        page = f"<body><div id='wrap'><h2>A thread</h2><p>by someone</p>{head}<div id='comments'>{thread}</div></div></body>"
        f = feats(page)
        assert not (f.flags & Flag.COMMENT).any(), head
        assert "Reply 0" in extract(page), head


def test_a_word_of_the_first_of_alike_posts_marks_no_section() -> None:
    from boilerstrip.parse.segment import Flag

    def thread(first: str, rest: str = "message") -> str:
        posts = [f"<li class='{first}'><p>{PROSE} The question.</p></li>"]
        posts += [f"<li class='{rest}'><p>{PROSE} Reply {i}.</p></li>" for i in range(3)]
        return f"<body><h1>Thread title</h1><ol class='messageList'>{''.join(posts)}</ol></body>"

    # A forum engine names the first post after its author: neither a comment nor an author's box.
    for first in ("message uix_discussionAuthor", "message threadAuthor", "message uix_threadAuthor uix_discussionAuthor"):
        f = feats(thread(first))
        assert not (f.flags & (Flag.COMMENT | Flag.NEG_CLASS)).any(), first
        assert "The question." in extract(thread(first)), first
    # A blog's comments all carry the word: they stay comments.
    article = f"<article><p>{PROSE}</p><p>{PROSE}</p></article>"
    f = feats(thread("comment", "comment").replace("<ol", article + "<ol"))
    assert (f.flags[3:] & Flag.COMMENT).all() and not (f.flags[:3] & Flag.COMMENT).any()
    # A box classed "comments" after the article's box opens no run of alike items.
    boxes = (f"<body><div class='box'><p>{PROSE}</p><p>{PROSE}</p></div>"
             f"<div class='box comments'><p>{PROSE} Reply.</p></div><div class='box'><p>{PROSE}</p></div></body>")
    f = feats(boxes)
    assert f.flags[2] & Flag.COMMENT
    # Nor does one marked item of two.
    f = feats(f"<body><ol><li class='message discussionAuthor'><p>{PROSE}</p></li><li class='message'><p>{PROSE}</p></li></ol></body>")
    assert f.flags[0] & Flag.COMMENT
def test_dated_customer_reviews_are_a_comment_section() -> None:
    from boilerstrip.parse.segment import Flag

    # A product page: a name, a price, short facts, then its customers' dated reviews,
    # whose prose outweighs the product's lines.
    product = (
        "<h1>Walnut desk lamp</h1><p>$49.00</p><p>A desk lamp of oiled walnut with a linen shade, a brass"
        " switch and a braided cord, made to order in a small workshop.</p>"
        "<ul><li>Height: 45 cm</li><li>Bulb: E27</li></ul>"
    )
    reviews = "".join(
        f"<div class='review-item'><p class='review-date'>March {i + 3}, 2024</p><p>{PROSE} Lamp {i}.</p></div>"
        for i in range(3)
    )
    page = f"<body><div class='product'>{product}</div><div class='product-reviews'>{reviews}</div></body>"
    f = feats(page)
    assert (f.flags[5:] & Flag.COMMENT).all() and not (f.flags[:5] & Flag.COMMENT).any()
    out = extract(page)
    assert "oiled walnut" in out and "Lamp 0" not in out
    # A review article has one dateline: its "review" container is the article.
    article = "".join(f"<p>{PROSE}</p>" for _ in range(3))
    f = feats(f"<body><h1>The lamp, reviewed</h1><div class='review-body'><p>March 3, 2024</p>{article}</div></body>")
    assert not (f.flags & Flag.COMMENT).any()
    # Nor is "preview", a camelCase "WebcamPreview" or a taxonomy name a review container.
    for cls in ("preview", "WebcamPreview", "entry-category-book_reviews"):
        f = feats(f"<body><div class='{cls}'>{reviews}</div></body>")
        assert not (f.flags & Flag.COMMENT).any(), cls


def test_text_mode_dated_items() -> None:
    comments = []
    for i in range(4):
        comments += [f"reader{i} says:", f"November {i + 1}, 2019 at 6:3{i} am", PROSE]
    lines = ["Title of the story", "", PROSE, "", PROSE, "", PROSE, "", "4 responses", *comments]
    f = compute_features(segment_text("\n".join(lines), max_blocks=100), "text")
    assert f.dated[:4].tolist() == [0.0, 0.0, 0.0, 0.0]
    assert f.dated[-6:].max() >= 2.0
    # The comments, for all their prose, stay outside the main region.
    assert f.main.tolist()[1:4] == [1.0, 1.0, 1.0] and f.main[-1] == 0.0


def _cards(n: int, cls: str = "card") -> str:
    return "".join(
        f"<div class='{cls}'><h3><a href='/s{i}'>Another story people read this week {i}</a></h3>"
        f"<p>{PROSE}</p></div>"
        for i in range(n)
    )


def test_teaser_cards_beside_an_article() -> None:
    article = f"<article>{''.join(f'<p>{PROSE}</p>' for _ in range(5))}</article>"
    f = feats(f"<body>{article}<div class='more'>{_cards(3)}</div></body>")
    assert f.card.tolist() == [0.0] * 5 + [1.0] * 6
    # The main container is the article, not its parent holding the rail as well.
    assert f.main.tolist() == [1.0] * 5 + [0.0] * 6
    # Two alike items are not yet a list of teasers.
    assert not feats(f"<body>{article}<div class='more'>{_cards(2)}</div></body>").card.any()
    # Cards numbered by the template ("card card_0", "card card_1") are alike all the same.
    numbered = "".join(_cards(1, f"card card_{i}") for i in range(3))
    f = feats(f"<body>{article}<div class='more'>{numbered}</div></body>")
    assert f.card.tolist() == [0.0] * 5 + [1.0] * 6


def test_excerpts_led_by_their_own_link_are_teaser_cards() -> None:
    # A ticker of items, each one block: a linked title run into an excerpt cut short.
    # More prose than the article, but excerpts count at half: they are cards beside it.
    cut = PROSE[:-1]
    items = "".join(
        f"<li><a href='/s{i}'>Another story that people read this week {i}</a> <span>{cut}...</span></li>"
        for i in range(6)
    )
    article = f"<div class='story'>{''.join(f'<p>{PROSE}</p>' for _ in range(4))}</div>"
    f = feats(f"<body><div><ul>{items}</ul>{article}</div></body>")
    assert f.card.tolist() == [1.0] * 6 + [0.0] * 4
    assert f.main.tolist() == [0.0] * 6 + [1.0] * 4
    # The same items without the ellipsis are list items with a link, not excerpts.
    plain = items.replace("...", ".")
    assert not feats(f"<body><div><ul>{plain}</ul>{article}</div></body>").card.any()


def test_teaser_cards_are_the_content_without_an_article() -> None:
    # A listing page: the items are all there is.
    assert not feats(f"<body><div class='list'>{_cards(6)}</div></body>").card.any()
    # A short note beside many teasers is not an article that outweighs them.
    f = feats(f"<body><p>{PROSE}</p><div class='list'>{_cards(6)}</div></body>")
    assert not f.card.any()


def test_teaser_stream_under_a_story() -> None:
    # A story of ten paragraphs, then a stream of teasers with more prose than the story:
    # the story stands whole before them, so they are cards beside it.
    story = f"<article><h1>The story</h1>{''.join(f'<p>{PROSE}</p>' for _ in range(10))}</article>"
    f = feats(f"<body>{story}<div class='stream'>{_cards(15)}</div></body>")
    assert f.card[:11].sum() == 0 and f.card[11:].all()
    assert f.main[1:11].all() and not f.main[11:].any()
    # A stream over four times the story's prose is the page, and so is the stream after a short intro.
    assert not feats(f"<body>{story}<div class='stream'>{_cards(50)}</div></body>").card.any()
    assert not feats(f"<body><p>{PROSE}</p><div class='stream'>{_cards(15)}</div></body>").card.any()


def _random_tree(rng: np.random.Generator, n: int) -> np.ndarray:
    # Document order, as segmentation opens elements: each new element is a child of one
    # of the elements still open (the path from the root to the last one).
    parents = [-1]
    path = [0]
    for i in range(1, n):
        del path[int(rng.integers(1, len(path) + 1)) :]
        parents.append(path[-1])
        path.append(i)
    return np.array(parents, dtype=np.int64)


def test_subtree_sums_and_within_match_a_walk() -> None:
    rng = np.random.default_rng(7)
    for n in (1, 2, 5, 40, 300):
        parents = _random_tree(rng, n)
        own = rng.random(n)
        roots = rng.random(n) < 0.1
        sums = own.copy()
        for e in range(n - 1, 0, -1):
            sums[parents[e]] += sums[e]
        inside = roots.copy()
        for e in range(1, n):
            inside[e] |= inside[parents[e]]
        assert np.allclose(subtree_sums(parents, own), sums)
        assert within(parents, roots).tolist() == inside.tolist()
    # A chain 5,000 deep (each element the child of the one before it).
    chain = np.arange(-1, 4999, dtype=np.int64)
    assert subtree_sums(chain, np.ones(5000))[0] == 5000.0
    assert within(chain, np.eye(1, 5000, 2500, dtype=bool)[0]).sum() == 2500


def _thread(n: int) -> list[str]:
    lines: list[str] = []
    for i in range(n):
        lines += [f"reader{i} on November {i + 1}, 2019 at 6:3{i} am", f"{PROSE} Comment number {i}.", "Reply"]
    return lines


def test_text_mode_comment_thread_below_the_article() -> None:
    article = ["Title of the story", "By a reporter", PROSE, PROSE, "Tweet"]
    dump = "\n".join([*article, "12 comments", *_thread(12), "About us"])
    f = compute_features(segment_text(dump, max_blocks=1000), "text")
    assert f.comments_from == 5
    # The thread, with far more prose than the article, does not take the main region.
    assert f.main[2:4].tolist() == [1.0, 1.0] and not f.main[5:].any()
    out = extract(dump, input_type="text")
    assert PROSE in out and "Comment number" not in out
    # Whatever their score, lines of the thread are not body (smooth.drop_text_comments).
    body, why = np.ones(len(f), dtype=bool), np.zeros(len(f), dtype=np.int8)
    drop_text_comments(f, body, why)
    assert body[:5].all() and not body[5:].any()
    assert {SMOOTH_REASONS[int(w)] for w in why[5:]} == {"smoothed: in the comments below the article"}
    # Wanted comments are not cut off (the text scorer still weighs each line on its own).
    assert "Comment number" in extract(dump, input_type="text", include_comments=True)
    assert compute_features(segment_text(dump, max_blocks=1000), "text", find_comments=False).comments_from == -1


def test_text_mode_numbered_forum_posts_are_the_main_region() -> None:
    # A forum thread's dump: each post's header numbers it and dates it; short replies stand
    # between the longer posts, and the lines from #1 to the last post are the main region.
    menu = "\n".join(["Home", "Forums", "What's New", "Log in", "Sign up"])
    posts = [
        ("alice", "What do you all think the trend in watches will be next year? I would like to hear from everyone here before I buy."),
        ("bob", "Same as last year, I think. I don't expect anything new and exciting to be the trend."),
        ("carol", "Smaller cases and more colour on the dials, I hope, and a few more bracelets."),
        ("dave", "The council met on Tuesday to discuss the new budget, and most of the members agreed that the plan for the "
                 "harbour should go ahead before the end of the year, whatever the cost of the work turns out to be in the spring."),
        ("erin", "There is a chance that the market for used models will fall, and prices with it."),
        ("frank", "I have been out of watches for a few years and what draws me back is the small brands."),
    ]
    thread = "\n\n".join(f"{who}\n#{k} · Jan {k + 10}, 2024\n{text}" for k, (who, text) in enumerate(posts, 1))
    footer = "About Us\nTerms of Use\nPrivacy"
    out = extract(f"{menu}\n\nWatch trends for next year\n\n{thread}\n\n{footer}", input_type="text")
    assert all(text in out for _, text in posts)
    # The number alone on its line, the date on a line of its own, heads the posts as well.
    bare = "\n\n".join(f"{who}\nJan {k + 10}, 2024\n#{k}\n{text}" for k, (who, text) in enumerate(posts, 1))
    out = extract(f"{menu}\n\nWatch trends for next year\n\n{bare}\n\n{footer}", input_type="text")
    assert all(text in out for _, text in posts)
    # Discourse puts the number after the header's time, without "#" ("alice Jan 11, 2024, 2:43pm 1").
    trailing = "\n\n".join(f"{who} Jan {k + 10}, 2024, 2:{k + 10}pm {k}\n{text}" for k, (who, text) in enumerate(posts, 1))
    out = extract(f"{menu}\n\nWatch trends for next year\n\n{trailing}\n\n{footer}", input_type="text")
    assert all(text in out for _, text in posts[:-1])  # the last post, after the last header, is left to its score
    # Below an article (300 words of running text above #1) they are a blog's numbered comments.
    article = "\n\n".join(f"{PROSE} Point {k} of the report was read out again." for k in range(10))
    out = extract(f"{menu}\n\nWatch trends\n\n{article}\n\n12 Comments\n\n{thread}\n\n{footer}", input_type="text")
    assert "Point 9 of the report" in out and not any(text in out for _, text in posts)


def test_text_mode_thread_without_dates() -> None:
    # Names and no dates under the count: the article ending right above it says enough.
    names = [x for i in range(12) for x in (f"Reader {i}", f"{PROSE} Comment number {i}.")]
    dump = "\n".join(["Title of the story", PROSE, PROSE, "Share this:", "{ 12 comments }", *names])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == 4
    assert "Comment number" not in extract(dump, input_type="text")
    # Code that indexes a list of comments is no count.
    dump = "\n".join(["Title of the story", PROSE, PROSE, "print(comments[2]['body'])", *names])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1


def test_text_mode_thread_under_a_one_paragraph_post() -> None:
    # A short post of one paragraph, its tags, then the count over undated comments: the article
    # ends right above the count with one paragraph.
    names = [x for i in range(4) for x in (f"Reader {i}", f"{PROSE} Comment number {i}.")]
    post = ["Title of the story", f"{PROSE} {PROSE}", "Print This Post", "Post Tags:", "news"]
    dump = "\n".join([*post, "4 Comments Leave a comment", *names, "About us"])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == 5
    assert "Comment number" not in extract(dump, input_type="text")
    # A lead paragraph, its byline's count, then an article of over 20 times its prose: no thread.
    article = [f"{PROSE} Point {k} of the report." for k in range(45)]
    dump = "\n".join([*post[:2], "124 Comments", "Share this:", *article, "About us"])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1


def test_text_mode_thread_headed_by_a_titled_count() -> None:
    # "40 Responses to “Title”" is long for a count line, and a related-posts list stands between it
    # and the article's last paragraph: the title after the count says it heads the thread.
    related = ["Related Posts", "Another story of the site", "A third story", "One more story", "The last one"]
    names = [x for i in range(8) for x in (f"Reader {i} wrote:", f"{PROSE} Comment number {i}.")]
    head = "12 Responses to “The long title of the story that this page is about”"
    dump = "\n".join(["Title of the story", PROSE, PROSE, "http://example.org/a", *related, head, *names])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == 9
    assert "Comment number" not in extract(dump, input_type="text")
    # Above the article (a byline's count with a date) it heads nothing.
    dated = "12 comments on “The long title of the story”, March 3, 2020"
    dump = "\n".join(["Title of the story", dated, *([PROSE] * 6)])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1


def test_text_mode_thread_headed_by_the_word_alone() -> None:
    names = [x for i in range(8) for x in (f"Reader {i}", f"{PROSE} Comment number {i}.")]
    article = ["Title of the story", PROSE, PROSE, "Share this:"]
    dump = "\n".join([*article, "Comments", *names])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == 4
    assert "Comment number" not in extract(dump, input_type="text")
    # The word as a menu entry under the article, the article going on after the menu.
    menu = ["Comments", "Weigh in", "Corrections?", "Personal post", "Archive"]
    dump = "\n".join([*article, *menu, PROSE, PROSE, "About us"])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1
    # The word in a site menu above the article.
    dump = "\n".join(["Home", "News", "Comment", "Sport", "Title of the story", *([PROSE] * 4), *names])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1


def test_text_mode_thread_above_a_rail_of_counts() -> None:
    # A "most discussed" rail after the thread puts a count under every story: another shape
    # of count line, which says nothing of the thread's heading.
    rail = [x for i in range(4) for x in (f"{PROSE} Story {i}.", f"{i + 3} comments")]
    dump = "\n".join(["Title of the story", PROSE, PROSE, "[ 12 comments ]", *_thread(6), *rail])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == 3


def test_text_mode_comment_counts_that_head_no_thread() -> None:
    # A count under the byline, with the article after it: no thread follows.
    dump = "\n".join(["Title of the story", PROSE, "By a reporter, November 3, 2019", "12 comments",
                      PROSE, PROSE, PROSE, "Posted November 4, 2019", "About us"])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1
    # A byline's count, with its date, under a standfirst.
    dump = "\n".join(["Title of the story", PROSE, PROSE, "May 4, 2020 - 12 comments", *([PROSE] * 6)])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1
    # A byline's count without a date, the article right after it.
    dump = "\n".join(["Title of the story", PROSE, "By a reporter | 12 comments", *([PROSE] * 6)])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1
    # A blog's front page: every post ends with its count.
    posts: list[str] = []
    for i in range(4):
        posts += [f"Post {i}", f"November {i + 1}, 2019", f"{PROSE} Post number {i}.", f"Comments ({i})"]
    dump = "\n".join(posts)
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1
    assert "Post number 3" in extract(dump, input_type="text")
    # No article above the count: the thread is the page (a forum).
    dump = "\n".join(["Forum topic", "5 comments", *_thread(5)])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1


def test_text_mode_region_hull_for_recall() -> None:
    # Code between an article's paragraphs splits the region in a dump; favor="recall" keeps
    # every line from the first region line to the last, the default only the regions.
    gap: list[str] = []
    for i in range(4):
        gap += [f"x{i} = {i}", f"y{i} = x{i} + 1", f"print(y{i})", f"z{i} = []",
                f"The value of y{i} is now one more than the value of x{i} was"]
    dump = "\n".join(["Home", "About", "Contact", PROSE, PROSE, PROSE, *gap, PROSE, PROSE, PROSE, "Privacy", "Terms"])
    seg = segment_text(dump, max_blocks=1000)
    assert not compute_features(seg, "text").main[6:26].all()
    hull = compute_features(seg, "text", hull=True).main
    assert hull[3:29].all() and not hull[:3].any() and not hull[29:].any()
    balanced, recall = extract(dump, input_type="text"), extract(dump, input_type="text", favor="recall")
    assert "The value of y0" not in balanced and "Privacy" not in recall
    assert all(f"The value of y{i}" in recall for i in range(4)) and "print(y0)" in recall


def test_text_mode_lines_of_marks_are_neutral() -> None:
    # A dump keeps a section's arrows and icons as lines of their own: no words, they are worth
    # 0 in the region search, so the paragraphs they part are one region; a line the dump shows
    # empty (zero-width spaces) weighs as before.
    menu = ["Platform", "Design", "Interactions", "Hosting", "Security", "Pricing", "Blog", "Log in", "Get started"]
    marks = ["→", "↗", "►", "↓", "←", "↑"]
    para = (
        "Quickly launch and keep changing the pages of your site in the visual canvas, so that"
        " what you publish is always fresh and the whole team stays in step with it."
    )
    paras = [para, para.replace("Quickly", "Slowly"), para.replace("Quickly", "Boldly")]
    lines = [*menu, paras[0], *marks, paras[1], *marks, paras[2], *menu[::-1]]
    main = compute_features(segment_text("\n".join(lines), max_blocks=1000), "text").main
    assert main[9:24].all() and not main[:9].any() and not main[24:].any()
    blank = [*menu, paras[0], *["\u200b"] * 6, paras[1], *["\u200b"] * 6, paras[2], *menu[::-1]]
    main = compute_features(segment_text("\n".join(blank), max_blocks=1000), "text").main
    assert not main[10:16].any()


def test_text_mode_many_regions_are_one_document() -> None:
    # A manual's paragraphs, each followed by a few lines of code: six regions or more are one
    # document cut up by its code, and the lines between belong to it; so are four or five with
    # no date line between them (test_text_mode_dated_regions_stay_apart).
    def manual(parts: int) -> str:
        lines = ["Home", "About", "Contact"]
        for i in range(parts):
            lines += [f"{PROSE} Step {i}.", f"x{i} = {i}", f"y{i} = x{i} + 1", f"print(y{i})", f"z{i} = []"]
        return "\n".join([*lines, f"{PROSE} The end.", "Privacy", "Terms"])

    five = compute_features(segment_text(manual(4), max_blocks=1000), "text").main
    assert five[3:24].all() and "print(y0)" in extract(manual(4), input_type="text")
    six = compute_features(segment_text(manual(5), max_blocks=1000), "text").main
    assert six[3:29].all() and not six[:3].any() and not six[29:].any()
    out = extract(manual(5), input_type="text")
    assert all(f"print(y{i})" in out for i in range(5)) and "Privacy" not in out


def test_text_mode_dated_regions_stay_apart() -> None:
    # Four or five regions with no date line between them are one document; a date between them
    # (a blog's posts, a thread's comments beside an article) keeps them apart, and so do three.
    def page(parts: int, dated: bool) -> str:
        lines = ["Home", "About", "Contact"]
        for i in range(parts):
            lines += [f"{PROSE} Step {i}.", f"x{i} = {i}", "May 4, 2020" if dated else f"y{i} = x{i} + 1",
                      f"print(y{i})", f"z{i} = []"]
        return "\n".join([*lines, f"{PROSE} The end.", "Privacy", "Terms"])

    def main(parts: int, dated: bool) -> list[int]:
        return compute_features(segment_text(page(parts, dated), max_blocks=1000), "text").main.astype(int).tolist()

    assert main(3, False)[3:19] == [1] * 16 and sum(main(3, False)) == 16
    assert sum(main(3, True)) == 4
    assert sum(main(2, False)) == 3


def test_text_mode_prose_between_regions_makes_one_document() -> None:
    # A tutorial: its sentences stand one by one between lines of code, each too small to be a
    # region. With eight or more prose lines between the two regions they are one document and
    # the lines between belong to it; with seven the regions stand alone.
    def tutorial(steps: int) -> str:
        lines = ["Home", "About", "Contact", PROSE, PROSE, PROSE]
        for i in range(steps):
            lines += [f"x{i} = {i}", f"y{i} = x{i} + 1", f"Then the value of y{i} is one more than the value of x{i}.",
                      f"print(y{i})", f"z{i} = []"]
        return "\n".join([*lines, PROSE, PROSE, PROSE, "Privacy", "Terms"])

    seven = compute_features(segment_text(tutorial(7), max_blocks=1000), "text").main
    assert not seven[6:41].any() and "print(y0)" not in extract(tutorial(7), input_type="text")
    eight = compute_features(segment_text(tutorial(8), max_blocks=1000), "text").main
    assert eight[3:49].all() and not eight[:3].any() and not eight[49:].any()
    out = extract(tutorial(8), input_type="text")
    assert all(f"print(y{i})" in out for i in range(8)) and "Privacy" not in out


def test_text_mode_code_blocks_join_the_region() -> None:
    # A tutorial in a dump: its sentences stand one by one between code blocks (lines ending in a
    # brace or a semicolon, calls without a space), each too small to be a region beside the
    # article's first paragraphs. Searched again with the lines from the first code block to the
    # last neutral, the tutorial is one region; a menu's short lines are no code.
    def tutorial(code: bool) -> str:
        lines = ["Home", "About", "Contact", PROSE, PROSE, PROSE]
        for i in range(4):
            lines += [f"Step {i}", f"Then the function checks the value of item {i} before it goes on."]
            if code:
                lines += [f"x{i} = parseInt(value);", f"if (x{i} == 0) {{", f"return [x{i}];", "};"]
            else:
                lines += ["Shop", "Blog", "News", "Help"]
        return "\n".join([*lines, "Privacy", "Terms"])

    with_code = compute_features(segment_text(tutorial(True), max_blocks=1000), "text").main
    assert with_code[3:26].all() and not with_code[:3].any() and not with_code[30:].any()
    out = extract(tutorial(True), input_type="text")
    assert all(f"the value of item {i}" in out for i in range(4)) and "Privacy" not in out
    menus = compute_features(segment_text(tutorial(False), max_blocks=1000), "text").main
    assert not menus[6:].any()


def test_text_mode_numbered_items_after_the_article() -> None:
    # A "Top 4" article: its introduction is the region; each item after it is a numbered
    # heading, four fact lines and one paragraph, alone among short lines. Numbered one by one at
    # one pace, the items are the article's; unnumbered (a rail of teasers) or dated they are not.
    def page(numbered: bool, dated: bool) -> str:
        lines = ["Home", "About", "Contact", *[PROSE] * 12]
        for i in range(1, 5):
            lines += [f"{i}. Company {i}" if numbered else f"Company {i}", "Founded:",
                      "May 4, 2020" if dated else "1946", "Website:", f"www.company{i}.com",
                      f"Company {i} makes the parts that the council plans to buy for the harbour this year, "
                      "as it has done for many years."]
        return "\n".join([*lines, "Privacy", "Terms"])

    def main(numbered: bool, dated: bool) -> list[int]:
        return compute_features(segment_text(page(numbered, dated), max_blocks=1000), "text").main.astype(int).tolist()

    assert main(True, False) == [0, 0, 0] + [1] * 36 + [0, 0]
    assert "Company 3 makes" in extract(page(True, False), input_type="text")
    assert sum(main(False, False)[15:]) == 0 and sum(main(True, True)[15:]) == 0


def test_text_mode_title_case_lines_are_no_running_text() -> None:
    # A rail of headlines under a story: long lines, but nearly every word capitalised. They are
    # no second region of running text beside the story.
    heads = ["How The City Council Plans To Spend The New Budget On Roads And Parks This Year",
             "Ten Things You Need To Know About The Weekend Weather And The Big Storm",
             "Local Team Wins The Championship After A Long Season Of Hard Work And Luck",
             "Why The New Library Will Open Later Than Planned And What It Will Cost"]
    dump = "\n".join(["Home", "News", "Title of the story", PROSE, f"{PROSE} Then it rained.", "Share", "Print",
                      "Email", "More stories", *heads, "About us", "Contact"])
    main = compute_features(segment_text(dump, max_blocks=1000), "text").main
    assert main[3:5].all() and not main[9:13].any()
    out = extract(dump, input_type="text")
    assert "Then it rained." in out and "Weekend Weather" not in out


def test_text_mode_comment_form_heads_the_thread() -> None:
    # A blog post ends with the form for a comment; the thread, the sidebar and the footer
    # follow it. Its heading, once on the page, below the article, starts them.
    about = "I write about the harbour, the council and the people of the town, and I have done so for years."
    tail = ["Name *", "Email *", "Website", "About this blog", about, f"{about} Write to me."]
    dump = "\n".join(["Title of the story", PROSE, PROSE, PROSE, "Share this:", "Leave a Reply Cancel reply", *tail])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == 5
    out = extract(dump, input_type="text")
    assert "new budget" in out and "I write about" not in out
    # Under every answer of a Q&A page: a link, not the form's heading.
    answers = ["Question title", PROSE, "Add a comment", PROSE, "Add a comment", PROSE, "Add a comment"]
    assert compute_features(segment_text("\n".join(answers), max_blocks=1000), "text").comments_from == -1
    # A byline's link, with the article right after it.
    byline = ["Title of the story", PROSE, "By a reporter", "Add a comment", PROSE, PROSE, "About us"]
    assert compute_features(segment_text("\n".join(byline), max_blocks=1000), "text").comments_from == -1


def test_text_mode_comment_form_with_its_cancel_link_in_another_language() -> None:
    # WordPress sets its "cancel reply" link after the form's heading in the page's language; the
    # link names the form whatever the heading's verb ("Kommentar verfassen").
    about = "I write about the harbour, the council and the people of the town, and I have done so for years."
    tail = ["Name *", "Email *", "About this blog", about, f"{about} Write to me."]
    for heading in ("Schreibe einen Kommentar Antworten abbrechen", "Kommentar verfassen Antworten abbrechen",
                    "Lascia un commento Annulla risposta"):
        dump = "\n".join(["Title of the story", PROSE, PROSE, PROSE, "Share this:", heading, *tail])
        assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == 5
        assert "I write about" not in extract(dump, input_type="text")
    # A paragraph that only mentions cancelling a reply is no heading.
    said = "You can cancel reply notifications at any time in the settings of your account page."
    dump = "\n".join(["Title of the story", PROSE, PROSE, PROSE, said, *tail])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1


def test_text_mode_comment_form_link_over_short_sentences() -> None:
    # A byline's "Add your comment" link over a post whose first sentences are short: the article
    # follows within three lines, and nothing ends right above the link.
    header = "A speaker, author and consultant who writes about the ways people and companies meet one another, and how."
    dump = "\n".join([header, "Home", "About", "Posted on November 6, 2012", "+ Add your comment", "Today, vote.",
                      "This post is non-partisan.", PROSE, PROSE, PROSE, "Thank you."])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1
    out = extract(dump, input_type="text")
    assert "This post is non-partisan." in out and "new budget" in out


def test_text_mode_signed_comment_headers_head_the_thread() -> None:
    # Blog engines head each comment with its author and a verb: "Jane says:". The first of two or
    # more such lines below the article starts the thread, however much prose the comments hold.
    said = "I have lived by the harbour all my life and I think the council has got this one badly wrong again."
    thread = ["Jane says:", f"{said} {said}", "by jdoe (1234) writes:", f"{said} {said}", "Tom says:", f"{said} {said}"]
    dump = "\n".join(["Title of the story", "As the mayor writes:", PROSE, "Share", *thread, "About us"])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == 4
    out = extract(dump, input_type="text")
    assert "new budget" in out and "badly wrong" not in out
    # A forum's quote ("Jane said:") with no date is a post's, the content of the page.
    quotes = [line.replace("says:", "said:").replace("writes:", "said:") for line in thread]
    dump = "\n".join(["Title of the story", PROSE, "Share", *quotes])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1
    # WordPress's header with the comment's date.
    dated = ["Jane on May 4, 2012 at 9:09 am said:", f"{said} {said}", "Tom on May 5, 2012 at 8:01 am said:", said]
    dump = "\n".join(["Title of the story", PROSE, "Share", *dated])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == 3


def test_text_mode_comment_signatures_head_the_thread() -> None:
    # TypePad signs each comment below it: "Posted by: Jane | May 4, 2012 at 09:09 AM". From the
    # first of two such signatures below the article on, the page is the thread.
    said = "I have lived by the harbour all my life and I think the council has got this one badly wrong again."
    thread = [f"{said} {said}", "Posted by: Jane | May 4, 2012 at 09:09 AM", f"{said} {said}",
              "Posted by: Tom | May 5, 2012 at 10:12 AM", f"{said} {said}", "Posted by: Ann | May 6, 2012 at 11:02 AM"]
    dump = "\n".join(["Title of the story", PROSE, "Posted by Kate on May 3, 2012 | Permalink", *thread])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == 4
    out = extract(dump, input_type="text")
    assert "new budget" in out and "Posted by: Tom" not in out
    # A post's own byline has no colon: no signature.
    bylines = [line.replace("Posted by:", "Posted by") for line in thread]
    dump = "\n".join(["Title of the story", PROSE, "Comments", *bylines])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1


def test_text_mode_bare_heading_over_a_dated_comment() -> None:
    # "Comments" with the first comment's name and date right under it heads the thread, though
    # share buttons and links stand between the article and the heading.
    said = "I have lived by the harbour all my life and I think the council has got this one badly wrong again."
    chrome = ["Share", "Tweet", "Email", "Print", "Tags: council", "Previous post", "Next post", "Related"]
    thread = ["Jane - May 4, 2012", said, "Tom - May 5, 2012", said, "Ann - May 6, 2012", said]
    dump = "\n".join(["Title of the story", PROSE, PROSE, *chrome, "Comments", *thread])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == 11
    # A menu's "Comments" entry, the dated lines further down: no heading.
    dump = "\n".join(["Title of the story", PROSE, PROSE, *chrome, "Comments", "About", "Contact", *thread])
    assert compute_features(segment_text(dump, max_blocks=1000), "text").comments_from == -1


def test_text_mode_a_restated_byline_date_is_one_date() -> None:
    import numpy as np

    from boilerstrip.features import _restated_dates

    texts = ["November 12, 2018 | BY: Ann Lee", "November 12, 2018 Ann Lee", "The article starts here."]
    assert _restated_dates(texts, np.array([1.0, 1.0, 0.0])).tolist() == [1.0, 0.0, 0.0]
    # Comments dated a day apart, or the same day without a year to tell a date: both count.
    comments = ["November 12, 2018 at 3:04 pm", "November 13, 2018 at 5:10 pm", "Thanks!"]
    assert _restated_dates(comments, np.array([1.0, 1.0, 0.0])).tolist() == [1.0, 1.0, 0.0]
    verses = ["Colossians 1:9 : ver 4", "Colossians 1:9 : S Ro 1:10", "Text"]
    assert _restated_dates(verses, np.array([1.0, 1.0, 0.0])).tolist() == [1.0, 1.0, 0.0]


def test_text_sections_of_a_page_without_a_dominant_region_are_regions() -> None:
    from boilerstrip.features import _section_regions, _text_region

    # Line worths as the region search sees them: a lead of three paragraphs, then six sections of
    # two short sentences each (a fifth of the lead's worth: under the quarter a second region
    # needs), set apart by menu-like lines.
    gap = [-1.4, -1.4, -1.4]
    value = [-1.4, -1.4, 2.5, 2.5, 2.5, *gap]
    for _ in range(6):
        value += [0.8, 0.8, *gap]
    arr = np.array(value)
    main, _ = _text_region(arr)
    assert main[:5].tolist() == [0, 0, 1, 1, 1] and not main[5:].any()
    out = _section_regions(main, arr, main)
    sections = [i for i, v in enumerate(value) if v == 0.8]
    assert out[sections].all() and not out[[i for i, v in enumerate(value) if v < 0]].any()
    # Where the regions found hold most of the page's running text, nothing is added ...
    few = np.array(value[: 5 + 3 * 5])
    assert _section_regions(_text_region(few)[0], few, _text_region(few)[0]).tolist() == _text_region(few)[0].tolist()
    # ... and a section of one line is a notice or a teaser, not a section.
    lone = np.array([-1.4, -1.4, 2.5, 2.5, 2.5, *gap] + [1.6, *gap] * 6)
    assert _section_regions(_text_region(lone)[0], lone, _text_region(lone)[0]).tolist() == _text_region(lone)[0].tolist()


def _listicle_lines() -> list[str]:
    """A menu, four items (a heading, a sentence, eight short record lines), the article's body, a footer."""
    menu = ["Home", "Courses", "Pricing", "About us", "Contact", "Log in", "Sign up"]
    items: list[str] = []
    for k, name in enumerate(["Project Lead", "Quality Belt", "Strategy Planner", "Career Coach"], 1):
        items += [
            f"{k}. {name} certification",
            f"The {name} program suits those who want proof that they can do the work, and most firms that hire consultants know it.",
            f"Organization: Guild of {name}s",
            f"Duration: {k + 1} to {k + 5} months",
            f"Location: Online or in {k} cities",
            f"Price: ${k * 250} to ${k * 400}",
            f"Renewal: every {k + 1} years",
            "Pros:",
            "Known by firms",
            "Cons:",
            "Costly exam",
        ]
    body = [
        "Why get certified at all? A certificate does not make you a better consultant, but it tells a client who has never met you that someone has checked your work before.",
        "Most of the consultants we spoke with said that the first contract was the hardest one to win, and that a certificate helped them more with it than with any later one.",
        "The programs differ in what they ask of you: some want a record of projects and hours, some an exam, and a few only a fee and a short course that you can finish online.",
        "If you are starting out, pick the program that your clients have heard of, and leave the rarer ones for later, when you know which niche you want to work in.",
    ]
    return menu + items + body + ["Privacy policy", "Terms of use", "Follow us", "Copyright 2026 Example Inc."]


def test_text_mode_records_join_a_listicle_to_the_region() -> None:
    lines = _listicle_lines()
    f = compute_features(segment_text("\n".join(lines), max_blocks=1000), "text")
    main = f.main.tolist()
    # Each item's sentence and its labelled records are in the region, not only the closing body ...
    for i, line in enumerate(lines):
        if line.startswith(("The ", "Organization:", "Duration:", "Price:")):
            assert main[i] == 1.0, line
    # ... and the menu and the footer stay out.
    assert not any(main[:7]) and not any(main[-4:])


def test_text_mode_records_need_a_repeated_label_and_no_teaser() -> None:
    from boilerstrip.features import _labelled_records

    texts = [
        "Price: $250 to $400",
        "Price: $500 to $800",
        "Price: $750 to $900",
        "Phone: 555 123 4567 or write",
        "Warm Up. 10 minutes of easy jogging",
        "Warm Up. 15 minutes of easy jogging",
        "Warm Up. 20 minutes of easy jogging",
        "Read more: The best tents of the year",
        "Read more: How to fix a tent pole",
        "Read more: What a footprint is for",
        "How to fix a tent pole",
        "Deal Alert: Save on the new laptop",
        "Deal Alert: Save on the new tablet",
        "Deal Alert: Save on the new phone",
        "Apple's new tablet is cheaper this week than it has been all year, and...",
    ]
    n_words = np.array([len(t.split()) for t in texts], dtype=np.float64)
    ellipsis = np.array([1.0 if t.endswith("...") else 0.0 for t in texts])
    got = _labelled_records(texts, n_words, ellipsis).tolist()
    # Three prices and three warm-ups are records; a lone label is not; a "Read more:" whose value is
    # a line of the page is a teaser (and leaves two, too few), and so is a label next to a truncated line.
    assert got[:7] == [True, True, True, False, True, True, True]
    assert got[7:11] == [False, False, False, False]
    assert got[11:] == [True, True, False, False]


def test_text_mode_lines_between_records_count_when_a_sentence_stands_among_them() -> None:
    from boilerstrip.features import _between_records

    # Records at 0, 4 and 30; a sentence at 2 (within 20 lines of the next record), another at 10
    # (between records 26 lines apart: too far).
    n = 32
    records = np.zeros(n, dtype=bool)
    records[[0, 4, 30]] = True
    n_words = np.full(n, 3.0)
    stop = np.zeros(n)
    end = np.zeros(n)
    for i in (2, 10):
        n_words[i], stop[i], end[i] = 20.0, 0.4, 1.0
    got = _between_records(records, n_words, stop, end)
    assert got[:4].all() and not got[4:].any()
    # Names and links between records, no sentence: an info box or a listing, nothing joined.
    assert not _between_records(records, np.full(n, 3.0), stop, end).any()


def test_text_mode_a_listicles_pros_and_cons_between_records_count_beside_its_paragraphs() -> None:
    from boilerstrip.features import _between_records

    # A listicle's items: a record ("Best for: ..."), the item's paragraph, its fact records, then
    # lists of pros and cons without a full stop before the next item's first record. The gaps of
    # pros and cons hold no sentence; each stands next to a gap that does, in a chain with two.
    n = 26
    records = np.zeros(n, dtype=bool)
    records[[0, 2, 3, 12, 14, 15, 24]] = True
    n_words = np.full(n, 4.0)
    stop = np.zeros(n)
    end = np.zeros(n)
    for i in (1, 13):
        n_words[i], stop[i], end[i] = 30.0, 0.4, 1.0
    got = _between_records(records, n_words, stop, end)
    assert got[:15].all()
    # The last item's pros and cons run to a record whose gaps beside it hold no sentence.
    assert not got[15:].any()
    # One item alone (one gap with a sentence in its chain): its pros and cons stay as they are.
    one = records.copy()
    one[[14, 15, 24]] = False
    got = _between_records(one, n_words, stop, end)
    assert got[:2].all() and not got[3:].any()


def test_text_mode_a_dated_line_is_no_record() -> None:
    from boilerstrip.features import compute_features
    from boilerstrip.parse.segment import segment_text

    # A comment thread's headers ("24. Jul, 2012 / Ann") share a label ("24") but are dated: they
    # are no listicle's records, so the search over records does not join the thread to the article.
    article = [f"{PROSE} Part {k}." for k in range(4)]
    thread = []
    for k, name in enumerate(["Ann", "Bea", "Cy", "Di", "Ed", "Flo"]):
        thread += [f"24. Jul, 2012 / {name}", f"What a lovely story number {k}, thank you so much for sharing it with all of us here.", "Reply"]
    feats = compute_features(segment_text("\n".join([*article, *thread]), max_blocks=10_000), "text")
    assert feats.main[: len(article)].all()
    assert not feats.main[len(article) :].any()


def test_text_mode_numbered_sections_span_one_region() -> None:
    from boilerstrip.features import compute_features
    from boilerstrip.parse.segment import segment_text

    # A technical article numbers its sections (1., 1.1., 2., 2.1., 3.); lists of short lines under
    # each cut its running text into parts, and the region search took only the first and the last.
    p = "The committee met on Tuesday to discuss the new budget, and after a long debate it agreed to fund the library for another year"

    def dump(numbers: list[str]) -> list[str]:
        lines = ["Home", "Blog", "Docs", "Pricing", "Log in"]
        lines += [f"{numbers[0]} Introduction", f"{p}, part one.", f"{p}, part two.", f"{p}, part three."]
        lines += [f"{numbers[1]} The problem", "It shows in three places:", *[f"Item number {k} of the list" for k in range(8)]]
        lines += [f"{numbers[2]} Solution", "The handler works as follows, in a few short steps."]
        lines += [f"Step {k}: run the tool" for k in range(8)]
        lines += [f"{numbers[3]} Components", "Each part has a job of its own in the whole of the system here."]
        lines += [f"Option{k} - set a value" for k in range(8)]
        lines += [f"{numbers[4]} Conclusion", f"{p}, the end one.", f"{p}, the end two.", f"{p}, the end three."]
        return [*lines, "About us", "Contact", "Privacy"]

    lines = dump(["1.", "1.1.", "2.", "2.1.", "3."])
    feats = compute_features(segment_text("\n".join(lines), max_blocks=10_000), "text")
    first, last = lines.index("1. Introduction"), lines.index("3. Conclusion")
    assert feats.main[first + 1 : last].all()
    assert not feats.main[:5].any() and not feats.main[-3:].any()
    # Numbers that do not follow one another (a ranking's, a menu's) span nothing.
    lines = dump(["1.", "4.", "2.", "7.", "3."])
    feats = compute_features(segment_text("\n".join(lines), max_blocks=10_000), "text")
    assert not feats.main[lines.index("4. The problem") : lines.index("7. Components")].all()


def test_text_mode_an_abbreviation_is_not_a_record_label() -> None:
    from boilerstrip.features import _labelled_records

    texts = [f"U.S. officials met the {k} delegations today" for k in ("first", "second", "third")]
    n_words = np.array([len(t.split()) for t in texts], dtype=np.float64)
    assert not _labelled_records(texts, n_words, np.zeros(3)).any()


def test_text_mode_short_post_above_a_comment_form() -> None:
    # A post of a photo and a sentence: its headline, its date line, the sentence, then an empty
    # thread and the form; a sidebar's blurb below the form reads as prose.
    post = ["A short title", "Posted on March 3, 2020 at 10:15", "A quick look at a nice new drawing of the old city by a friend."]
    form = ["No comments yet.", "Leave a Reply", "Name (required)", "Email (required)", "Website"]
    blurb = f"About me: {PROSE}"
    dump = "\n".join(["Home", "Archives", "Contact", *post, *form, "About this blog", blurb, "Recent posts"])
    out = extract(dump, input_type="text")
    assert "A quick look at a nice new drawing" in out
    assert "About me" not in out
    # The lines below the form go, the post above it is body (smooth.drop_text_after_form).
    f = compute_features(segment_text(dump, max_blocks=1000), "text")
    body, why = np.zeros(len(f), dtype=bool), np.zeros(len(f), dtype=np.int8)
    body[12] = True
    drop_text_after_form(segment_text(dump, max_blocks=1000), f, body, why)
    assert body.tolist() == [i in (3, 5) for i in range(len(f))]
    assert SMOOTH_REASONS[int(why[12])] == "smoothed: from the comment form on (text)"
    assert SMOOTH_REASONS[int(why[5])] == "smoothed: a short post above the comment form"


def test_text_mode_body_ends_at_a_comment_forms_fields() -> None:
    # An article, then a comment form with no heading (its name and e-mail fields), then a
    # republishing notice of prose: the notice goes (smooth.drop_text_after_fields).
    article = [f"Paragraph {k}: {PROSE}" for k in range(4)]
    form = ["Subscribe", "Notify of", "Name*", "Email*", "Website"]
    notice = ["Republish this story", f"Our terms: {PROSE}", f"More terms: {PROSE}"]
    dump = "\n".join(["Home", "News", "A headline of the story", *article, *form, *notice, "About us"])
    seg = segment_text(dump, max_blocks=1000)
    f = compute_features(seg, "text")
    first = dump.split("\n").index("Name*")
    body, why = np.zeros(len(f), dtype=bool), np.zeros(len(f), dtype=np.int8)
    body[3:7] = True
    body[first + 4 :] = True
    drop_text_after_fields(seg, f, body, why)
    assert body.tolist() == [3 <= i < 7 for i in range(len(f))]
    assert SMOOTH_REASONS[int(why[first + 4])] == "smoothed: from a form's name and e-mail fields on (text)"
    out = extract(dump, input_type="text")
    assert "Paragraph 3" in out and "Our terms" not in out
    # A form above the article (a newsletter's) ends nothing: the body below outweighs the body above.
    body, why = np.zeros(len(f), dtype=bool), np.zeros(len(f), dtype=np.int8)
    body[3:5] = True
    body[first + 4 :] = True
    before = body.copy()
    drop_text_after_fields(seg, f, body, why)
    assert (body == before).all()


def test_text_mode_a_photo_credit_line_is_chrome() -> None:
    # A photo's credit set as a line of its own between two paragraphs goes
    # (smooth.drop_text_credit_lines); a config's lowercase "image: nginx" line stays.
    lines = [f"First paragraph: {PROSE}", "Photo credit: Example.com", f"Second paragraph: {PROSE}", "image: nginx:1.14.2", f"Third: {PROSE}", "Credit: Agency / Name", f"Fourth: {PROSE}"]
    dump = "\n".join(lines)
    seg = segment_text(dump, max_blocks=1000)
    f = compute_features(seg, "text")
    body, why = np.ones(len(f), dtype=bool), np.zeros(len(f), dtype=np.int8)
    drop_text_credit_lines(seg, f, body, why)
    assert body.tolist() == [True, False, True, True, True, False, True]
    assert SMOOTH_REASONS[int(why[1])] == "smoothed: a photo's credit on a line of its own (text)"
    out = extract(dump, input_type="text")
    assert "Second paragraph" in out and "Photo credit" not in out


def test_text_mode_short_post_above_its_comment_thread() -> None:
    # A photo post: its headline, its byline, one line, the comment count, then a thread whose
    # comments outweigh the post. The count heads the thread though no article stands above it,
    # and the post is the body.
    post = ["A short title", "by the author on July 13, 2012", "A quick look at the new bridge.", "Previous post: Older"]
    dump = "\n".join(["Home", "Archives", *post, "{ 12 comments… read them below or add one }", *_thread(12), "About us"])
    seg = segment_text(dump, max_blocks=1000)
    f = compute_features(seg, "text")
    assert f.comments_from == 6
    out = extract(dump, input_type="text")
    assert "A quick look at the new bridge." in out and "A short title" in out
    assert "Comment number" not in out
    body, why = np.zeros(len(f), dtype=bool), np.zeros(len(f), dtype=np.int8)
    keep_text_short_post(seg, f, body, why)
    assert body.tolist() == [i in (2, 3, 4) for i in range(len(f))]
    assert SMOOTH_REASONS[int(why[4])] == "smoothed: a short post above its comment thread"
    # Without the post's date line above the count, or with the first comment's date too far
    # below it, the count heads nothing (a count in a menu, a rail).
    undated = dump.replace("by the author on July 13, 2012", "by the author")
    assert compute_features(segment_text(undated, max_blocks=1000), "text").comments_from == -1
    far = dump.replace("{ 12 comments… read them below or add one }", "\n".join(["{ 12 comments }", "a", "b", "c"]))
    assert compute_features(segment_text(far, max_blocks=1000), "text").comments_from == -1


def _products(n: int, price: str = "$24.99") -> str:
    return "".join(
        f"<div class='product-card'><h3><a href='/p{i}'>Oak bookcase with five shelves, model {i}</a></h3>"
        f"<div class='price'>{price}</div><div>In stock</div></div>"
        for i in range(n)
    )


def test_priced_grid_beside_shop_prose_joins_the_container() -> None:
    # A shop's category page: a grid of priced cards, then the shop's prose on the category.
    # The prose takes the container; the grid, the page's content, joins it.
    seo = f"<div class='about'>{''.join(f'<p>{PROSE}</p>' for _ in range(5))}</div>"
    f = feats(f"<body><div class='grid'>{_products(8)}</div>{seo}</body>")
    assert f.main.all()
    assert not f.card.any()
    # Without prices (or with too few cards) the grid stays outside: teasers beside the prose.
    f = feats(f"<body><div class='grid'>{_products(8, 'in stock')}</div>{seo}</body>")
    assert not f.main[:24].any() and f.main[24:].all()
    f = feats(f"<body><div class='grid'>{_products(4)}</div>{seo}</body>")
    assert not f.main[:12].any()
    # A product page has a price of its own outside the grid: its related products stay out.
    product = f"<div class='product'><h1>Oak bookcase</h1><p class='price'>$199.00</p>{seo}</div>"
    f = feats(f"<body>{product}<div class='related'>{_products(8)}</div></body>")
    assert f.main[2:7].all() and not f.main[7:].any()


def test_text_menu_glued_into_one_line_is_no_region() -> None:
    from boilerstrip import extract_blocks
    from boilerstrip.features import _glued_menus

    # A shop's menu that a dump wrote without spaces between its entries: one line of hundreds
    # of words, function words among them, that outweighed the short description under it.
    entries = [
        "Living Room Furniture", "Sofas", "Sectionals", "Coffee Tables", "End & Side Tables", "Accent Chairs",
        "Office Furniture", "Desks", "Bookcases", "Office Chairs", "Filing Cabinets", "Bedroom Furniture",
        "Beds", "Dressers & Chests", "Nightstands", "Kitchen & Dining Furniture", "Bar Stools", "Outdoor Rugs",
        "Planters", "Greenhouses", "Bath Towels", "Shower Curtains", "Throw Pillows", "Bed Pillows",
    ]
    menu = "".join(f"{e} Sale{e}" for e in entries)
    text = "\n".join(
        [
            "Sign In",
            menu,
            "Cart",
            "Sharann Executive Chair",
            "This chair has a padded seat and a high back, and it turns on its base so that you can reach the desk.",
            "Colour: Black",
            "Weight: 58 lb.",
        ]
    )
    blocks = extract_blocks(text, input_type="text").blocks
    assert blocks[1].label == "chrome"
    assert blocks[4].label == "body"
    # Prose with a few code names in camelCase is no menu.
    prose = (
        "Notice that you pass createInitialTodos, which is the function itself, and not createInitialTodos(), "
        "which is the result of calling it, so that React calls it once, when the component mounts, and "
        "never again on the next renders of the TodoList, which would waste time creating big arrays."
    )
    n_words = np.array([len(menu.split()), len(prose.split())], dtype=np.float64)
    found = _glued_menus([menu, prose], n_words)
    assert found is not None and found.tolist() == [True, False]


def test_declared_product_box_joins_the_container() -> None:
    from boilerstrip import extract_blocks

    # A product's buy box (its h1 name, price, facts, a short description) above the brand's
    # story in sentences, which takes the container by weight.
    ld = '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Product"}</script>'
    nav = "".join(f'<li><a href="/c/{k}">Category {k}</a></li>' for k in range(8))
    box = (
        '<div class="product-info"><h1>Trail Runner 2</h1><p>$120.00</p><p>Colour: Black</p>'
        "<ul><li>Breathable mesh upper that keeps your feet cool</li><li>Grippy rubber outsole for wet rocks</li>"
        "<li>Cushioned midsole for long days on the trail</li><li>Weighs 280 grams in a size 9</li></ul>"
        "<p>Light and steady on rough ground, made for long runs in the hills and easy miles at home.</p></div>"
    )
    story = "".join(f"<p>{PROSE} Part {k}.</p>" for k in range(4))

    def page(head: str) -> str:
        return (
            f"<html><head>{head}</head><body><nav><ul>{nav}</ul></nav><div class='page'><div class='top'>{box}</div>"
            f"<div class='story'>{story}</div></div><footer>Copyright 2024</footer></body></html>"
        )

    blocks = extract_blocks(page(ld)).blocks
    by_text = {b.text: b for b in blocks}
    assert by_text["Trail Runner 2"].label == "body"
    assert by_text["Cushioned midsole for long days on the trail"].label == "body"
    assert by_text["Category 3"].label == "chrome"
    # Without the declaration the page is left as it was: the story alone.
    by_text = {b.text: b for b in extract_blocks(page("")).blocks}
    assert by_text["Trail Runner 2"].label == "chrome"


def test_text_thread_of_timestamped_comment_headers_is_found() -> None:
    from boilerstrip import extract_blocks

    # A blog post's dump: the article, then long comments each headed by a name and a timestamp, with
    # no heading over the thread ("Comments") and more words in the thread than in the article.
    article = [
        "The council met on Tuesday to discuss the new budget for the harbour, and most of the members agreed that the plan should go ahead before the end of the year.",
        "The plan includes a new sea wall, a wider quay for the ferries and a park along the water, paid for by the port and by a grant from the regional government.",
        "Opponents say the cost has doubled since the first estimate and that the fishermen were not asked, while the mayor says the work will bring jobs to the town.",
        "A final vote is expected next month, after a public meeting in the town hall where residents can ask questions about the design and the timetable.",
        "Engineers from the port will present three versions of the sea wall, and the council has promised to publish the full report on its website before the meeting.",
        "The ferry company has said that it will keep its timetable during the work, although some crossings may leave from the old pier for a few weeks in the spring.",
    ]
    article += [f"{a} {b}" for a in article[:4] for b in ("The mayor repeated this on Thursday.", "Residents will be told by letter.")]
    names = ["Erin", "Holly Park", "Joshua Curry", "Kafi", "Lena M.", "Omar", "Pia", "Quentin"]
    topics = ["the park", "the sea wall", "the ferries", "the budget", "the fishermen", "the old pier", "the grant", "the meeting"]
    thread = [
        line
        for k, (name, topic) in enumerate(zip(names, topics, strict=True))
        for line in (
            f"{name} — June {k + 2}, 2012, {k + 1}:15 pm",
            f"I have lived near the harbour for {k + 10} years and I think that {topic} matters more than anything else in this "
            "plan, because it is what the people of the town will see every single day when they walk down to the water.",
            f"Nobody asked us what we wanted when the first version of {topic} was drawn, and the letters we sent to the council "
            "were never answered, so I hope that the meeting in the town hall next month will change that for good.",
            "Reply",
        )
    ]
    menu = ["Home", "News", "Sport", "About"]
    page = "\n".join([*menu, "Harbour plan goes ahead", *article, "Share this:", *thread, "Privacy", "Contact"])
    f = compute_features(segment_text(page, max_blocks=1000), "text", None)
    assert f.comments_stamped and f.comments_from == len(menu) + 1 + len(article) + 1
    blocks = extract_blocks(page, input_type="text").blocks
    assert all(b.label == "body" for b in blocks if b.text in article)
    assert all(b.label == "chrome" for b in blocks if b.text in thread)
    # The thread's lines that were body go for their own reason (the region search leaves most out).
    body = np.ones(len(f), dtype=bool)
    why = np.zeros(len(f), dtype=np.int8)
    drop_text_comments(f, body, why)
    assert not body[f.comments_from :].any() and set(why[f.comments_from :].tolist()) == {57}
    assert SMOOTH_REASONS[57] == "smoothed: from the first of a run of timestamped comment headers below the article on"
    # A forum thread: the first post has the same header as the replies, above it: nothing is cut.
    forum = "\n".join([*menu, "Harbour plan goes ahead", "Ada — June 1, 2012, 9:05 am", *article, *thread])
    assert compute_features(segment_text(forum, max_blocks=1000), "text", None).comments_from < 0


def test_subtree_ends_stops_on_parents_that_are_no_tree() -> None:
    import numpy as np

    from boilerstrip.features import subtree_ends

    # A tree: each element's subtree ends where the next sibling of it or of an ancestor starts.
    assert subtree_ends(np.array([-1, 0, 1, 1, 0], dtype=np.int64)).tolist() == [5, 4, 3, 4, 5]
    # Elements 1 and 2 point at each other (a renumbered run that left its subtree): the pointer
    # jumping never reaches the root and once looped forever; its rounds are bounded now.
    got = subtree_ends(np.array([-1, 2, 1, 0], dtype=np.int64))
    assert len(got) == 4


def test_comment_prefilter_passes_every_comment_class() -> None:
    """features._may_name_comment says False only for class strings that give no comment mark."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from boilerstrip import features
    from boilerstrip.parse.segment import Flag, _class_words
    from boilerstrip.vocab import COMMENT_TOKENS

    pieces = [*COMMENT_TOKENS, *(w.upper() for w in COMMENT_TOKENS), *(w.title() for w in COMMENT_TOKENS),
              "post", "x", "-", "_", " ", "2", "category-", "tag-", "hidden-xs", "Re", "com", "ment", "\u00e9"]

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=6).map("".join))
    def check(names: str) -> None:
        if _class_words(names)[0] & Flag.COMMENT:
            assert features._may_name_comment(names)

    check()
    assert not features._may_name_comment("post-body entry")


def test_text_mode_lone_post_beside_a_profile_blurb() -> None:
    from boilerstrip import extract_blocks
    from boilerstrip.smooth import SMOOTH_REASONS

    # A blog's one post of short lines under its dated heading, closed by its footer and the
    # comment count; the sidebar's profile blurb above it is the only prose and took the body.
    blurb = (
        "I have written about design for many years and I live in a small town by the sea. "
        "Here I share the work that I like and the things that make me laugh, and sometimes "
        "the things that make me angry, which is why you should come back every week."
    )
    side = ["My blog", "About Me", "Name: jane", "Location: Nowhere", blurb, "View my complete profile", "Archives"]
    post = ["Monday, October 15, 2012", "five things of the week.", "• A sign.", "• A cat.", "• A bike."]
    dump = "\n".join([*side, *post, "posted by jane @ 6:01 PM", "0 Comments:", "Post a Comment", "<< Home"])
    blocks = extract_blocks(dump, input_type="text").blocks
    kept = [b.text for b in blocks if b.label == "body"]
    assert kept == [*post, "posted by jane @ 6:01 PM"]
    why = {b.text: b.reasons for b in blocks}
    assert why["• A cat."][0].code == SMOOTH_REASONS[83] and why[blurb][0].code == SMOOTH_REASONS[87]
    # A front page closes every post with such a footer: nothing is taken.
    front = "\n".join([*side, *post, "posted by jane @ 6:01 PM", "0 Comments:", *post, "posted by jane @ 5:01 PM", "2 Comments:"])
    kept = [b.text for b in extract_blocks(front, input_type="text").blocks if b.label == "body"]
    assert blurb in kept and "• A cat." not in kept


def test_text_mode_lone_post_under_its_engines_post_links() -> None:
    from boilerstrip import extract_blocks
    from boilerstrip.smooth import SMOOTH_REASONS

    # Movable Type's "« Older | Main | Newer »" over a post of short lines closed by a dated
    # footer; a sidebar's notice is the only prose and took the body.
    notice = (
        "Click on the photo in the gallery to find the description of the tutorial and the link "
        "to the blog where you can read all about it, and then come back to see the others."
    )
    side = ["Home", "Categories", "Crafts", "Fall Crafts", notice, "Pages", "About", "Contact"]
    post = ["Corn Printing", "Visit the blog to see", "how to make the textures", "on this corn craft."]
    footer = "11/09/2012 in Crafts, Fall Crafts, Kids | Permalink"
    dump = "\n".join([*side, "« Leaf Bunting | Main | Punched Leaves »", *post, footer, "Comments", "Most Popular Posts", "Win a book!"])
    blocks = extract_blocks(dump, input_type="text").blocks
    assert [b.text for b in blocks if b.label == "body"] == post
    why = {b.text: b.reasons for b in blocks}
    assert why["on this corn craft."][0].code == SMOOTH_REASONS[83] and why[notice][0].code == SMOOTH_REASONS[87]
    # A dateline over the body found is the post's byline: the post is the body already.
    text = "We went to the mountains this week and the weather was fine, so we took the long trail up to the lake."
    byline = "\n".join(["Home", "« Leaf Bunting | Main | Punched Leaves »", "Sunday", "Glacier", "Sunday, October 21, 2012 at 8:02AM", text, "Comments (3)"])
    kept = [b.text for b in extract_blocks(byline, input_type="text").blocks if b.label == "body"]
    assert text in kept


def test_text_mode_lone_post_over_an_empty_thread() -> None:
    from boilerstrip import extract_blocks

    # Blogger's post with no "posted by" line: its date, its title and its line, then "No
    # comments:" over "Post a Comment"; a widget's blurb above it took the body.
    blurb = (
        "To download the app, go to the site from your phone and save it to your home screen, "
        "then you can follow the street style of the city wherever you are and share it."
    )
    post = ["6 Nov 2012", "In the pink...", "Pink coats on the high street this week."]
    tail = ["No comments:", "Post a Comment", "Older Post Home", "Shoes", "Dresses", "Bags", "Boots", "Archive"]
    dump = "\n".join(["Home", "Shop", blurb, "Links", *post, *tail])
    kept = [b.text for b in extract_blocks(dump, input_type="text").blocks if b.label == "body"]
    assert kept == post


def test_relative_age_lines_are_date_lines_in_html() -> None:
    """A thread's post heads give the post's age ("12 points 3 hours ago"): a date line as
    "Mar 3, 2024" is, so the heads between the replies go as dates do (HTML only)."""
    f = feats(
        f"<p>{PROSE}</p><p>posted 6 years ago</p><p>An hour ago</p><p>{PROSE} Two years ago it was not.</p>"
        "<p>ago</p><p>2 Weeks Ago</p>"
    )
    assert f.date_like.tolist() == [0.0, 1.0, 1.0, 0.0, 0.0, 0.0]
    text = compute_features(segment_text("posted 6 years ago\n\nan hour ago\n", max_blocks=100), "text")
    assert text.date_like.tolist() == [0.0, 0.0]
    posts = "".join(
        f"<div class='thing'><p class='tagline'>user{i} {10 + i} points {i + 2} hours ago</p>"
        f"<div class='md'><p>{PROSE} Reply {i}.</p></div></div>"
        for i in range(4)
    )
    blocks = extract_blocks(f"<html><body><div id='main'><h1>Budget thread</h1><p>{PROSE}</p>{posts}</div></body></html>").blocks
    heads = [b for b in blocks if "hours ago" in b.text]
    assert len(heads) == 4 and all(b.label == "chrome" for b in heads)
    assert sum(b.label == "body" and "Reply" in b.text for b in blocks) == 4
