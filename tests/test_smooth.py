from __future__ import annotations

from collections.abc import Callable

import numpy as np

from boilerstrip.document import Block
from boilerstrip.features import compute_features
from boilerstrip.parse.segment import segment_html, segment_text
from boilerstrip.score import score_blocks
from boilerstrip.smooth import SMOOTH_REASONS, keep_post_headers, smooth_labels

PROSE = (
    "The council met on Tuesday to discuss the new budget, and most of the members agreed that "
    "the plan for the harbour should go ahead before the end of the year."
)


def labels(html: str):  # type: ignore[no-untyped-def]
    f = compute_features(segment_html(html, max_depth=256, max_blocks=1000), "html")
    scores, _ = score_blocks(f)
    return smooth_labels(scores, f, 0.0)


def test_heading_before_body_is_body() -> None:
    body, why = labels(f"<div><h3>A very short heading</h3><p>{PROSE}</p><p>{PROSE}</p></div>")
    assert body.tolist() == [True, True, True]


def test_short_line_between_body_blocks() -> None:
    body, why = labels(f"<div><p>{PROSE}</p><p>Really.</p><p>{PROSE}</p></div>")
    assert body.tolist() == [True, True, True]
    assert SMOOTH_REASONS[int(why[1])] == "smoothed: between body blocks"


def test_lone_teaser_among_links_stays_chrome() -> None:
    links = "".join(f"<p><a href='/{i}'>Story number {i}</a></p>" for i in range(4))
    html = (
        f"<div class='story'>{''.join(f'<p>{PROSE}</p>' for _ in range(6))}</div>"
        f"<div class='list'>{links}<p>{PROSE[:120]}</p>{links}</div>"
    )
    f = compute_features(segment_html(html, max_depth=256, max_blocks=1000), "html")
    scores, _ = score_blocks(f)
    body, why = smooth_labels(scores, f, -1.5)
    teaser = 6 + 4
    assert not body[teaser]
    assert SMOOTH_REASONS[int(why[teaser])] == "smoothed: alone among chrome"


def test_a_lead_above_the_article_is_kept() -> None:
    # A lead paragraph set apart above the article, between menus, the photo credit and the byline.
    links = "".join(f"<p><a href='/{i}'>Section {i}</a></p>" for i in range(4))
    lead = ("The harbour plan goes ahead, the council said on Tuesday, after a long and heated debate in "
            "which the members of the opposition asked for more time to read the report of the engineers.")
    article = "".join(f"<p>{PROSE}</p>" for _ in range(6))
    html = (f"<div class='top'>{links}</div><div class='lead'><p>{lead}</p></div><div><p>Photo: Agency</p>"
            f"<p>By A Reporter</p></div><div class='story'>{article}</div><div class='list'>{links}</div>")
    f = compute_features(segment_html(html, max_depth=256, max_blocks=1000), "html")
    scores, _ = score_blocks(f)
    body, why = smooth_labels(scores, f, -1.0)  # the lead scores 1.6 over it
    assert f.main[4] == 0 and f.main[7] == 1 and body[4] and why[4] == 0
    # The same paragraph far from the article (a teaser in the footer's links) is alone among chrome.
    html = f"<div class='story'>{article}</div><div class='list'>{links}<p>{lead}</p>{links}</div>"
    f = compute_features(segment_html(html, max_depth=256, max_blocks=1000), "html")
    scores, _ = score_blocks(f)
    body, why = smooth_labels(scores, f, -1.0)  # the lead scores 1.6 over it
    assert not body[10] and SMOOTH_REASONS[int(why[10])] == "smoothed: alone among chrome"


def test_text_title_and_standfirst() -> None:
    text = "\n".join(
        [
            "World News",
            "Harbour plan approved after long debate",
            "The council agreed on the new harbour plan on Tuesday evening.",
            "Updated 12 May 2021 10:00",
            "",
            PROSE,
            "",
            PROSE,
            "",
            PROSE,
        ]
    )
    f = compute_features(segment_text(text, max_blocks=100), "text")
    scores, _ = score_blocks(f)
    body, why = smooth_labels(scores, f, 0.0)
    assert body.tolist() == [False, True, True, False, True, True, True]
    assert [SMOOTH_REASONS.get(int(w)) for w in why[1:3]] == [
        "smoothed: title before body",
        "smoothed: standfirst before body",
    ]


def test_text_subheading_before_a_region() -> None:
    # A dump with no blank lines (one block per line, as a WET record).
    links = ["Read more", "Other stories today", "Local sport results", "Letters", "Subscribe", "Jobs"]
    lines = ["Home", "Harbour plan approved", *[PROSE] * 3, *links, "What comes next", *[PROSE] * 3, "About"]
    f = compute_features(segment_text("\n".join(lines), max_blocks=100), "text")
    assert not f.blank_style
    scores, _ = score_blocks(f)
    body, why = smooth_labels(scores, f, 0.0)
    head = 5 + len(links)
    assert f.main[head] == 0 and f.main[head + 1] == 1 and scores[head] < 0
    # The short heading of the article's second part is body; the link box above it is not.
    assert body[head] and SMOOTH_REASONS[int(why[head])] == "smoothed: heading before body"
    assert not body[5:head].any() and not body[-1]
    # A line of capitals there is a banner ("SIGN UP TODAY"), not a heading.
    capitals = [line.upper() if i == head else line for i, line in enumerate(lines)]
    f = compute_features(segment_text("\n".join(capitals), max_blocks=100), "text")
    scores, _ = score_blocks(f)
    body, _ = smooth_labels(scores, f, 0.0)
    assert f.main[head + 1] == 1 and not body[head]
    # With blank lines between the paragraphs, a short line there may be a related link: left alone.
    f = compute_features(segment_text("\n\n".join(lines), max_blocks=100), "text")
    assert f.blank_style
    scores, _ = score_blocks(f)
    body, _ = smooth_labels(scores, f, 0.0)
    assert not body[head]



def test_text_list_after_its_lead_in() -> None:
    from boilerstrip import extract_blocks

    items = ["Lower costs", "More jobs", "A safer harbour"]
    lead_in = "The council gave three reasons for the plan, in this order:"
    lines = ["Home", "News", PROSE, PROSE, lead_in, *items, "Home", "News"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    # The items are too short to pass alone; after a body line ending in a colon they are its list,
    # which ends at the repeated menu line.
    assert [b.label for b in blocks] == ["chrome"] * 2 + ["body"] * 6 + ["chrome"] * 2
    assert {b.reasons[0].code for b in blocks[5:8]} == {"smoothed: list after its lead-in"}
    # A label ("Share this:") is no lead-in; a date line ends the list.
    labelled = ["Home", "News", PROSE, PROSE, "Share this:", *items, "Home", "News"]
    assert [b.label for b in extract_blocks("\n".join(labelled), input_type="text").blocks][4:8] == ["chrome"] * 4
    dated = ["Home", "News", PROSE, PROSE, lead_in, items[0], "12 May 2021", *items[1:], "Home", "News"]
    labels = [b.label for b in extract_blocks("\n".join(dated), input_type="text").blocks]
    assert labels[5:9] == ["body", "chrome", "chrome", "chrome"]


def test_text_sentence_beside_the_content() -> None:
    from boilerstrip import extract_blocks

    closing = "The mayor was not at the meeting."
    lines = ["Home", "News", PROSE, PROSE, PROSE, closing, "Share this story", "Home", "News"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    # The closing one-sentence paragraph stands outside the main region and scores low alone;
    # beside the region's last body line it joins it. The label after it is no sentence.
    assert blocks[5].features["main"] == 0 and blocks[5].label == "body"
    assert blocks[5].reasons[0].code == "smoothed: sentence beside the content"
    assert [b.label for b in blocks[6:]] == ["chrome"] * 3
    # A line cut short ("...") is a teaser, not a sentence of the text.
    cut = [*lines[:5], "The mayor was not at the meeting and said...", *lines[6:]]
    assert extract_blocks("\n".join(cut), input_type="text").blocks[5].label == "chrome"

def test_single_block() -> None:
    body, why = labels(f"<p>{PROSE}</p>")
    assert body.tolist() == [True] and why.tolist() == [0]
    assert isinstance(why, np.ndarray)


def test_a_page_of_a_few_words_keeps_them() -> None:
    # Every line is far too short to pass alone; nothing else is on the page.
    body, why = labels("<p>abc</p><p>def</p><div>ghi</div>")
    assert body.tolist() == [True, True, True]
    assert {SMOOTH_REASONS[int(w)] for w in why} == {"smoothed: best of a page without content"}
    body, why = labels("<body>Test</body>")
    assert body.tolist() == [True]


def test_a_page_of_links_and_menus_stays_empty() -> None:
    body, _ = labels("<nav><a href='/a'>Home</a></nav><p><a href='/b'>Next page</a></p><footer>About us</footer>")
    assert not body.any()


def test_data_table_inside_the_content_is_kept() -> None:
    rows = "".join(f"<tr><td>{i}</td><td>Driver {i}</td><td>{5000 - i * 40}</td></tr>" for i in range(1, 6))
    html = f"<article><p>{PROSE}</p><table><tr><th>Pos</th><th>Name</th><th>Points</th></tr>{rows}</table><p>{PROSE}</p></article>"
    f = compute_features(segment_html(html, max_depth=256, max_blocks=1000), "html")
    scores, _ = score_blocks(f)
    body, why = smooth_labels(scores, f, 0.0)
    assert body.all()
    assert SMOOTH_REASONS[int(why[2])] == "smoothed: data table in the content"


def test_listing_page_keeps_its_items() -> None:
    from boilerstrip import extract_blocks

    items = "".join(
        f"<div class='product-card'><h3><a href='/p/{i}'>Dark roast coffee number {i}</a></h3>"
        f"<span class='price'>${10 + i}.99</span></div>"
        for i in range(12)
    )
    html = (
        "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/shop'>Shop</a></li></ul></nav>"
        f"<main><h1>Coffee</h1><div class='grid'>{items}</div></main>"
        "<footer><p>Copyright 2024 Example shop. All rights reserved.</p></footer></body>"
    )
    doc = extract_blocks(html)
    kept = [b.text for b in doc.blocks if b.label == "body"]
    assert "Dark roast coffee number 0" in kept and "$21.99" in kept
    assert "Home" not in kept and not any("Copyright" in t for t in kept)
    item = next(b for b in doc.blocks if b.text == "$15.99")
    assert item.reasons[0].code == "smoothed: item of a listing page"
    # A post of a title and one paragraph in the main container, a rail of other posts
    # beside it: the post is the page's content, the rail stays chrome.
    rail = "".join(
        f"<div class='rail-item'><h5><a href='/p/{i}'>Another fan post about the team, number {i}</a></h5>"
        f"<p>by reader{i} {i + 1} days ago</p><p>{i + 10} comments</p></div>"
        for i in range(10)
    )
    post = (
        "<h1>Training camp open thread</h1><p>We have got another morning practice at training camp today,"
        " and I want to thank everyone who came out to watch the team yesterday.</p>"
        "<p>So let us keep it going, this is now an open thread for all of you and your friends.</p>"
    )
    html = f"<body><article>{post}</article><div class='more'>{rail}</div></body>"
    kept = [b.text for b in extract_blocks(html).blocks if b.label == "body"]
    assert any(t.startswith("We have got another") for t in kept)
    assert not any("fan post" in t or "comments" in t for t in kept)


def test_a_sidebar_list_beside_a_short_post_is_no_listing() -> None:
    from boilerstrip import extract_blocks

    # A post of a title and one short line, all of the body, in the main container; the
    # sidebar's thirty categories outside it are the biggest repeated group: no listing.
    cats = "".join(f"<li class='module-list-item'><a href='/c/{i}'>Craft category {i}</a></li>" for i in range(30))
    html = (
        f"<body><div id='side'><h2>Categories</h2><ul class='module-list'>{cats}</ul></div>"
        "<div id='col'><div class='entry'><h3>Indian corn printing craft</h3>"
        "<div class='entry-body'><p>Visit the teacher's blog to see how to print the corn.</p></div></div></div></body>"
    )
    kept = [b.text for b in extract_blocks(html).blocks if b.label == "body"]
    assert kept == ["Indian corn printing craft", "Visit the teacher's blog to see how to print the corn."]


def test_a_menu_is_no_listing() -> None:
    from boilerstrip import extract_blocks

    # A page of few words whose biggest repeated group is a menu's rows, marked so by their own
    # class and outside any <nav>: the rows stay chrome.
    rows = "".join(
        f"<tr class='menu-row'><td><a href='/s/{i}'>Section number {i} of the site</a></td></tr>" for i in range(12)
    )
    html = (
        f"<body><table>{rows}</table><main><h1>Classifieds</h1>"
        "<p>Apply in person at the office on Main Street.</p></main></body>"
    )
    kept = [b.text for b in extract_blocks(html).blocks if b.label == "body"]
    assert "Apply in person at the office on Main Street." in kept
    assert not any(t.startswith("Section number") for t in kept)


def test_a_page_of_teasers_keeps_them() -> None:
    from boilerstrip import extract_blocks

    # Classified ads as bare paragraphs: a date, the ad's cut-off opening, a link to it. No
    # element holds one ad, so no listing group forms; the openings are the page's content.
    ads = "".join(
        f"<p>12-{i + 1}-06</p><p>OFFICE CLERK {i} Downtown Property Management Company seeking "
        f"energetic applicants, Monday through Friday ...</p><p><a href='/ad/{i}'>View this ad</a></p>"
        for i in range(6)
    )
    html = (
        "<body><nav><a href='/'>Home</a> <a href='/jobs'>Jobs</a></nav>"
        "<main><h1>Help wanted</h1><form><p>These are the classified ads that our readers have placed with"
        f" us during this week, and the newest of them come first.</p>{ads}</form></main>"
        # A footer beside the form, so that the form is no page-wide wrapper (features._page_wide_form).
        + "".join(f"<footer><p>Footer line {i}</p></footer>" for i in range(6))
        + "</body>"
    )
    blocks = extract_blocks(html).blocks
    kept = [b.text for b in blocks if b.label == "body"]
    assert sum(t.startswith("OFFICE CLERK") for t in kept) == 6
    assert "View this ad" not in kept and "Jobs" not in " ".join(kept)
    assert next(b for b in blocks if b.text.startswith("OFFICE CLERK 3")).reasons[0].code == (
        "smoothed: item of a listing page"
    )


def _rows_labels(html: str):  # type: ignore[no-untyped-def]
    from boilerstrip.smooth import keep_table_rows

    seg = segment_html(html, max_depth=256, max_blocks=1000)
    f = compute_features(seg, "html")
    scores, _ = score_blocks(f)
    body, why = smooth_labels(scores, f, 0.0)
    before = body.copy()
    keep_table_rows(seg, f, body, why)
    return seg, before, body, why


def test_a_body_cell_brings_its_row() -> None:
    rows = "".join(
        f"<tr><th><a href='/film/{i}'>The Film Number {i}</a></th><td>{PROSE}</td></tr>" for i in range(3)
    )
    seg, before, body, why = _rows_labels(f"<article><p>{PROSE}</p><table>{rows}</table><p>{PROSE}</p></article>")
    names = [i for i, t in enumerate(seg.texts) if t.startswith("The Film Number")]
    assert len(names) == 3 and not before[names].any()  # alone, a linked name scores as a menu entry
    assert body[names].all()
    assert all(SMOOTH_REASONS[int(why[i])] == "smoothed: data table in the content" for i in names)


def test_layout_table_rows_stay_apart() -> None:
    menu = "".join(f"<p><a href='/{i}'>Section {i}</a></p>" for i in range(5))
    story = " ".join([PROSE] * 5)
    seg, before, body, why = _rows_labels(f"<table><tr><td>{menu}</td><td>{story}</td></tr></table>")
    assert body.tolist() == before.tolist()
    seg, before, body, why = _rows_labels(
        f"<table><tr><td><a href='/'>Home</a></td><td>{story}</td></tr></table>"
    )
    assert body.tolist() == before.tolist() == [False, True]


def test_chrome_class_after_the_content_is_dropped() -> None:
    from boilerstrip import extract_blocks

    pitch = "Sign up to our weekly letter and we will send you the best of our reporting every Friday morning."
    html = (
        f"<body><article><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>"
        f"<div class='newsletter'><p>{pitch}</p></div></article></body>"
    )
    blocks = extract_blocks(html).blocks
    assert [b.label for b in blocks] == ["body"] * 4 + ["chrome"]
    assert blocks[4].reasons[0].code == "smoothed: chrome class after the content"
    # After a short post, a short box goes too, though it is more than a quarter of the post.
    about = "This site is a print magazine curated from the best of the web, published every month."
    html = f"<body><article><h2>A short note</h2><p>{PROSE}</p><div class='widget'><p>{about}</p></div></article></body>"
    assert [b.label for b in extract_blocks(html).blocks] == ["body", "body", "chrome"]
    # A trailing list under such a word (a slideshow's captions) goes however long it is.
    captions = "".join(f"<li><p>{PROSE} Photo {i}.</p></li>" for i in range(8))
    html = f"<body><article><p>{PROSE}</p><p>{PROSE}</p><div class='promo'><ul>{captions}</ul></div></article></body>"
    labels = [b.label for b in extract_blocks(html).blocks]
    assert labels == ["body"] * 2 + ["chrome"] * 8
    # Content that itself sits under such a class word, after a short plain line, stays.
    html = f"<body><p>{PROSE}</p><div class='sidebar-layout'>{''.join(f'<p>{PROSE} Part {i}.</p>' for i in range(4))}</div></body>"
    assert [b.label for b in extract_blocks(html).blocks] == ["body"] * 5


def _runs_labels(html: str):  # type: ignore[no-untyped-def]
    from boilerstrip.smooth import keep_alike_runs

    seg = segment_html(html, max_depth=256, max_blocks=1000)
    f = compute_features(seg, "html")
    body, why = smooth_labels(score_blocks(f)[0], f, 0.0)
    before = body.copy()
    keep_alike_runs(seg, f, body, why)
    return seg, before, body, why


def test_a_run_of_alike_siblings_shares_its_label() -> None:
    # Tour dates in an article: a date line without function words scores low alone.
    dates = "".join(f"<p>June {d} - Arena number {d}, Springfield</p>" for d in (9, 10, 14, 17))
    lines = f"<p>{PROSE} The dates are:</p>{dates}<p><a href='/tickets'>Tickets for every show here</a></p>"
    seg, before, body, why = _runs_labels(f"<body><article>{lines}<p>{PROSE}</p><p>{PROSE}</p></article></body>")
    assert not before[1:5].all() and body[:6].tolist() == [True] * 5 + [False]
    assert {SMOOTH_REASONS[int(w)] for w in why[1:5] if w} == {"smoothed: one of a run of alike blocks in the content"}
    # The link line is a link line still; and a run with no body at all is left alone.
    assert not body[5]
    seg, before, body, why = _runs_labels(f"<body><article><p>{PROSE}</p><div>{dates}</div></article></body>")
    assert body.tolist() == before.tolist()
    # A byline (a dated line under a chrome class word) stays out of the run.
    byline = "<p class='byline'>By R. Marsh, 12 June 2024</p>"
    seg, before, body, why = _runs_labels(f"<body><article>{byline}{''.join([f'<p>{PROSE}</p>'] * 3)}</article></body>")
    assert body.tolist() == [False, True, True, True]


def test_a_dated_headline_in_a_run_joins_it() -> None:
    # A blog's index: each entry a linked title with its date (a half to three quarters link
    # text), then its summary, all sibling paragraphs of one kind under one parent.
    entries = "".join(
        f"<p><a href='/blog/{i}'>Notes on release {i}</a>, <span>{d} March 2025</span></p>"
        f"<p>{PROSE} Entry {i}.</p>"
        for i, d in enumerate((3, 11, 19, 27))
    )
    seg, before, body, why = _runs_labels(f"<body><main><div>{entries}</div></main></body>")
    titles = [i for i, t in enumerate(seg.texts) if t.startswith("Notes on")]
    assert len(titles) == 4 and not before[titles].any()
    assert body.all()
    assert {SMOOTH_REASONS[int(why[i])] for i in titles} == {"smoothed: one of a run of alike blocks in the content"}
    # A bare link line (all link text) in such a run stays out.
    links = "".join(f"<p>{PROSE} Entry {i}.</p><p><a href='/blog/{i}'>Read more about release {i}</a></p>" for i in range(4))
    seg, before, body, why = _runs_labels(f"<body><main><div>{links}</div></main></body>")
    assert body.tolist() == [True, False] * 4


def test_the_heading_of_a_link_list_is_chrome() -> None:
    from boilerstrip import extract_blocks

    links = "".join(f"<li><a href='/story/{i}'>Another story from our archive, number {i}</a></li>" for i in range(3))
    for heading in ("<h3>More on this topic</h3>", "<p>You may also like these stories:</p>"):
        html = f"<body><article><p>{PROSE}</p><p>{PROSE}</p>{heading}<ul>{links}</ul><p>{PROSE}</p></article></body>"
        blocks = extract_blocks(html).blocks
        assert [b.label for b in blocks] == ["body", "body", "chrome", "chrome", "chrome", "chrome", "body"], heading
        assert blocks[2].reasons[0].code == "smoothed: heading of a link list"
    # A product's heading over its one "buy" link and its review stays with the review.
    html = (f"<body><article><p>{PROSE}</p><h3>Best machine for beginners</h3>"
            f"<p><a href='/buy'>Buy it at the shop</a></p><p>{PROSE}</p></article></body>")
    assert [b.label for b in extract_blocks(html).blocks][:2] == ["body", "body"]


def test_link_list_headings_that_are_most_of_the_body_stay() -> None:
    """A hub page of link lists under their headings: the headings are what is left of its text."""
    from boilerstrip import extract_blocks

    def links(kind: str) -> str:
        return "".join(f"<li><a href='/{kind}/{i}'>{kind.title()} item {i}</a></li>" for i in range(4))

    html = ("<body><main><h1>Video games</h1>"
            f"<h2>Shop favorite franchises</h2><ul>{links('franchise')}</ul>"
            f"<h2>Browse by video game genre</h2><ul>{links('genre')}</ul>"
            f"<h2>Browse age-appropriate video games</h2><ul>{links('age')}</ul></main></body>")
    blocks = extract_blocks(html).blocks
    headings = [b for b in blocks if b.text.startswith(("Shop", "Browse"))]
    assert len(headings) == 3
    assert all(b.label == "body" for b in headings)
    assert all(r.code != "smoothed: heading of a link list" for b in headings for r in b.reasons)


def test_the_items_of_an_index_page_are_its_content() -> None:
    from boilerstrip import extract_blocks

    intro = f"<p>{PROSE} This is an index of the languages, in current or historical use.</p>"
    items = "".join(f"<li><a href='/wiki/lang{i}'>Programming language number {i}</a></li>" for i in range(60))
    blocks = extract_blocks(f"<body><nav><a href='/'>Home</a></nav><article>{intro}<ul>{items}</ul></article></body>").blocks
    assert [b.label for b in blocks[1:]] == ["body"] * 61
    assert blocks[5].reasons[0].code == "smoothed: item of a listing page"
    # A shop's grid of <div>s under its introduction is an index too.
    grid = "".join(f"<div class='tile'><a href='/p/{i}'>Standing desk model {i}</a></div>" for i in range(120))
    blocks = extract_blocks(f"<body><nav><a href='/'>Home</a></nav><main><p>{PROSE}</p>{intro}<div>{grid}</div></main></body>").blocks
    assert [b.label for b in blocks[1:]] == ["body"] * 122
    # A post with a short list of popular posts beside it: the list is no index.
    few = "".join(f"<li><a href='/post{i}'>Popular post {i}</a></li>" for i in range(12))
    blocks = extract_blocks(f"<body><article>{intro}<ul>{few}</ul></article></body>").blocks
    assert [b.label for b in blocks] == ["body"] + ["chrome"] * 12


def test_chrome_only_class_words() -> None:
    from boilerstrip import extract_blocks

    legal = "All products and information are provided by our partners and may change at any time without notice."
    for word in ("disclaimer", "site-copyright", "gdpr-notice", "promo-box", "sponsored-content", "signup-form", "search-overlay", "help-popover"):
        html = f"<body><article><p>{PROSE}</p><div class='{word}'><p>{legal}</p></div><p>{PROSE}</p></article></body>"
        blocks = extract_blocks(html).blocks
        assert [b.label for b in blocks] == ["body", "chrome", "body"], word
        assert blocks[1].reasons[0].code == "smoothed: under a chrome-only class word"
    # A page that is about what the word names (a site's disclaimer page) keeps its text.
    html = f"<body><h1>Disclaimer</h1><div class='disclaimer'><p>{legal}</p><p>{PROSE}</p></div></body>"
    assert [b.label for b in extract_blocks(html).blocks][1:] == ["body", "body"]
    # A merely likely chrome word (a page builder's "widget") leaves the text to its score.
    html = f"<body><article><p>{PROSE}</p><div class='text-widget'><p>{legal}</p></div><p>{PROSE}</p></article></body>"
    assert [b.label for b in extract_blocks(html).blocks] == ["body"] * 3


def test_a_landing_pages_product_picture_is_chrome() -> None:
    """A SaaS landing page draws its app in HTML (an editor's code, an agent's chat lines) in a box
    named for a picture ("hero-graphic", "ReviewsIllustration", "app-mockup"): the picture's text
    is no part of the page's pitch, however long its lines."""
    from boilerstrip import extract_blocks

    chat = ("I am starting with the todo list, reading the existing server and the image processor"
            " first, and then I will add the new batch endpoint with its handler, its route and a test.")
    code = "package http\n\nimport (\n    \"io\"\n    \"net/http\"\n)\n\nfunc handleBatch(w http.ResponseWriter, r *http.Request) {\n    files := r.MultipartForm.File[\"files\"]\n    for _, fh := range files {\n        process(fh)\n    }\n}"
    for word in ("hero-graphic-container", "ReviewsIllustration_codeSection", "app-mockup"):
        html = (f"<body><main><h1>Build apps faster</h1><p>{PROSE}</p>"
                f"<div class='{word}'><p>{chat}</p><pre>{code}</pre></div><p>{PROSE}</p></main></body>")
        blocks = extract_blocks(html).blocks
        assert [b.label for b in blocks] == ["body", "body", "chrome", "chrome", "body"], word
        assert blocks[2].reasons[0].code == "smoothed: under a chrome-only class word"


def test_the_page_footer_is_chrome_and_an_article_footer_is_left_to_its_score() -> None:
    from boilerstrip import extract_blocks

    about = ("We are a small team of writers who have covered the food of the city since 2009."
             " We read every letter that our readers send to us, and we answer most of them.")
    # The page's footer inside the one container of the page: prose that outscores chrome.
    blocks = extract_blocks(f"<body><div><h1>A title here</h1><p>{PROSE}</p><footer><p>{about}</p></footer></div></body>").blocks
    assert [b.label for b in blocks] == ["body", "body", "chrome"]
    assert blocks[2].reasons[0].code == "smoothed: in the page's footer"
    # An article's own footer (its writer, its tags) is the article's to judge.
    article = f"<article><h1>A title here</h1><p>{PROSE}</p><footer><p>{about}</p></footer></article>"
    blocks = extract_blocks(f"<body>{article}</body>").blocks
    assert [b.label for b in blocks] == ["body", "body", "body"]
    # A page whose only text stands in a footer (broken markup) keeps it.
    blocks = extract_blocks(f"<body><footer><h1>A title here</h1><p>{PROSE}</p><p>{PROSE}</p></footer></body>").blocks
    assert [b.label for b in blocks][1:] == ["body"] * 2


def test_a_caption_between_body_blocks_stays_chrome() -> None:
    from boilerstrip import extract_blocks

    # A long caption of several sentences scores close enough to pass as a gap between paragraphs.
    caption = " ".join(["The crew sleeps in the shielded core of the module, and the galley is next to it."] * 5)
    html = (f"<body><article><p>{PROSE}</p><figure><img src='a.png'><figcaption>{caption}</figcaption></figure>"
            f"<p>{PROSE} Again.</p></article></body>")
    assert [b.label for b in extract_blocks(html).blocks] == ["body", "chrome", "body"]
    # A table or code in a figure is no caption: between body blocks it joins them as before.
    html = (f"<body><article><p>{PROSE}</p><figure><pre>x = 1</pre></figure>"
            f"<p>{PROSE} Again.</p></article></body>")
    assert [b.label for b in extract_blocks(html).blocks] == ["body", "body", "body"]


def test_a_repeat_in_another_container_is_chrome() -> None:
    from boilerstrip import extract_blocks

    caption = "The harbour at dawn, with the old ferry leaving for the islands."
    html = (f"<body><article><div class='lead'><p>{caption}</p></div><p>{PROSE}</p>"
            f"<div class='slides'><p>{caption}</p></div><p>{PROSE} Again.</p></article></body>")
    blocks = extract_blocks(html).blocks
    assert [b.label for b in blocks] == ["body", "body", "chrome", "body"]
    assert blocks[2].reasons[0].code == "smoothed: a repeat of a body block above"
    # In two plain sections of one shape, the same paragraph is the text as written too.
    html = (f"<body><article><div><p>{caption}</p><p>{PROSE}</p></div>"
            f"<div><p>{PROSE} Again.</p><p>{caption}</p></div></article></body>")
    assert [b.label for b in extract_blocks(html).blocks] == ["body"] * 4
    # The same paragraph twice in one container is the text as written; short lines repeat.
    html = f"<body><article><p>{PROSE}</p><p>{PROSE}</p><p>Step 1</p><div><p>Step 1</p></div></article></body>"
    assert [b.label for b in extract_blocks(html).blocks][:2] == ["body", "body"]


def test_an_author_box_is_chrome_and_a_byline_is_left_to_its_score() -> None:
    from boilerstrip import extract_blocks

    bio = ("Dana Reyes has written about food and the markets of the city for ten years."
           " She lives by the harbour with two cats and far too many cookbooks.")
    byline = "Dana Reyes and Sam Ortiz, for the food desk"
    html = (f"<body><article><p class='author-name'>{byline}</p><p>{PROSE}</p><p>{PROSE}</p>"
            f"<div class='author-bio'><p>{bio}</p></div><p>{PROSE}</p></article></body>")
    blocks = extract_blocks(html).blocks
    assert [b.label for b in blocks] == ["body", "body", "body", "chrome", "body"]
    assert blocks[3].reasons[0].code == "smoothed: under a chrome-only class word"
    # A post's own container that names its writer beside "entry" or "post" is the post.
    html = (f"<body><div class='entry entry-author-dana'><p>{PROSE}</p><p>{bio}</p></div>"
            f"<div class='disclaimer'><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></body>")
    assert [b.label for b in extract_blocks(html).blocks][:2] == ["body", "body"]


def test_plain_lists_of_the_article_are_content() -> None:
    from boilerstrip import extract_blocks

    steps = "".join(f"<p>{PROSE} Step {i}.</p>" for i in range(4))
    ingredients = "<ul><li>200 g flour</li><li>3 eggs</li><li>100 ml milk</li><li>A pinch of salt</li></ul>"
    related = "<ul><li>Another cake</li><li>A pie for winter</li><li>Bread at home</li></ul>"
    html = (f"<body><article><h1>Pancakes</h1><div class='ingredients'>{ingredients}</div>"
            f"<div class='steps'>{steps}</div><div>{related}</div></article></body>")
    blocks = extract_blocks(html).blocks
    labels = [b.label for b in blocks]
    assert labels[1:5] == ["body"] * 4 and labels[5:9] == ["body"] * 4
    assert blocks[2].reasons[0].code == "smoothed: a plain list of the article"
    # The list after the article's last paragraph (a playlist, "more on this") stays out.
    assert labels[9:] == ["chrome"] * 3
    # So do a gallery's captions above the text: captions are chrome, in a list or not.
    gallery = "<ul>" + "".join(f"<li><figure><figcaption>The harbour at dawn, photo {i}</figcaption></figure></li>"
                               for i in range(4)) + "</ul>"
    html = f"<body><article><h1>Pancakes</h1>{gallery}<div class='steps'>{steps}</div></article></body>"
    assert [b.label for b in extract_blocks(html).blocks][1:5] == ["chrome"] * 4


def test_a_small_group_far_below_the_content_is_dropped() -> None:
    from boilerstrip import extract_blocks

    about = (
        "We are a small team of writers who have covered the food of the city and its markets since 2009."
        " We read every letter that our readers send to us, and we answer most of them within the week."
    )
    menu = "<ul>" + "".join(f"<li><a href='/s{i}'>Section number {i} of the site</a></li>" for i in range(25)) + "</ul>"
    article = f"<article><h1>A title here</h1><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article>"
    blocks = extract_blocks(f"<body>{article}{menu}<div><p>{about}</p></div></body>").blocks
    assert [b.label for b in blocks] == ["body"] * 4 + ["chrome"] * 26
    assert blocks[-1].reasons[0].code == "smoothed: far below the content"
    # Close below the content (a short menu between), the box stays: the gap is too small.
    # (Four items: from six blocks below a text under 1,000 words, drop_detached_boxes takes it.)
    short_menu = "<ul>" + "".join(f"<li><a href='/s{i}'>Section number {i} of the site</a></li>" for i in range(4)) + "</ul>"
    blocks = extract_blocks(f"<body>{article}{short_menu}<div><p>{about}</p></div></body>").blocks
    assert blocks[-1].label == "body"
    five = short_menu.replace("</ul>", "<li><a href='/s4'>Section number 4 of the site</a></li></ul>")
    blocks = extract_blocks(f"<body>{article}{five}<div><p>{about}</p></div></body>").blocks
    assert blocks[-1].label == "chrome" and blocks[-1].reasons[0].code == SMOOTH_REASONS[122]
    # A part as big as the content is a second part of it, however far.
    more = "".join(f"<p>{PROSE} Part {i}.</p>" for i in range(3))
    blocks = extract_blocks(f"<body>{article}{menu}<div>{more}</div></body>").blocks
    assert [b.label for b in blocks[-3:]] == ["body"] * 3
    # A table's cells between the parts split nothing (here left chrome by hand: a long data
    # table the scorer did not take).
    from boilerstrip.smooth import _TAIL_GAP, drop_far_tail

    rows = "".join(f"<tr><td>Row {i}</td><td>{i * 7}</td><td>{i * 3} units</td><td>north</td></tr>" for i in range(30))
    seg = segment_html(f"<body>{article}<table>{rows}</table><p>{about}</p></body>", max_depth=256, max_blocks=1000)
    f = compute_features(seg, "html")
    scores = score_blocks(f)[0]
    body = np.zeros(len(f), dtype=bool)
    body[:4] = body[-1] = True
    why = np.zeros(len(f), dtype=np.int8)
    drop_far_tail(f, scores, body, why)
    assert body[-1] and not why.any()
    cells = "".join(f"<div>Row {i}</div><div>{i * 7} units north</div>" for i in range(30))
    seg = segment_html(f"<body>{article}{cells}<p>{about}</p></body>", max_depth=256, max_blocks=1000)
    f = compute_features(seg, "html")
    body = np.zeros(len(f), dtype=bool)
    body[:4] = body[-1] = True
    why = np.zeros(len(f), dtype=np.int8)
    drop_far_tail(f, score_blocks(f)[0], body, why)
    assert not body[-1] and why[-1] == 17
    # The gap at its bound: 20 chrome blocks (the step's early exit counts every block between the
    # first and the last body block) make a gap, 19 do not.
    cells = "".join(f"<div>Row {i} of the long list of things we sell</div>" for i in range(40))
    seg = segment_html(f"<body>{article}{cells}</body>", max_depth=256, max_blocks=1000)
    f = compute_features(seg, "html")
    for last, dropped in ((4 + _TAIL_GAP, True), (3 + _TAIL_GAP, False)):
        body = np.zeros(len(f), dtype=bool)
        body[:4] = body[last] = True
        why = np.zeros(len(f), dtype=np.int8)
        drop_far_tail(f, score_blocks(f)[0], body, why)
        assert body[last] != dropped and (why[last] == 17) == dropped


def _small_print_page(menu: list[str]) -> list[str]:
    """An article, a footer's menu, two lines of small print and a last line of links."""
    legal = [
        "The information on this website is provided for general purposes and is not a substitute for advice.",
        "All the material on this site is owned by the publisher and may not be copied without its written consent.",
    ]
    return ["Title of the story", PROSE, PROSE, PROSE, PROSE, *menu, *legal, "Terms | Privacy"]


def _assert_small_print_dropped(lines: list[str]) -> None:
    from boilerstrip import extract_blocks

    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks[1:5]] == ["body"] * 4
    assert [b.label for b in blocks[-3:-1]] == ["chrome", "chrome"]
    assert blocks[-2].reasons[0].code == "smoothed: far below the content"


def test_text_small_print_at_the_page_end_is_dropped() -> None:
    from boilerstrip import extract_blocks

    lines = _small_print_page([f"Section number {i}" for i in range(25)])
    _assert_small_print_dropped(lines)
    # Further up the page, with more of the page after them, such lines are left to the scorer.
    more = [f"Link {i}" for i in range(10)]
    blocks = extract_blocks("\n".join([*lines[:-1], *more]), input_type="text").blocks
    assert all(b.reasons[0].code != "smoothed: far below the content" for b in blocks)


def test_text_small_print_under_a_short_menu_is_dropped() -> None:
    # A footer's menu of 16 short entries (32 words) over the small print: 30 words of chrome
    # part it from the article as well as 50.
    _assert_small_print_dropped(_small_print_page([f"Section {i}" for i in range(16)]))


def test_text_cookie_notice_is_dropped() -> None:
    from boilerstrip import extract_blocks

    notice = [
        "This website uses cookies to improve your experience while you navigate through the website and its pages.",
        "Necessary Always Enabled",
        "Necessary cookies are absolutely essential for the website to function properly and store no personal data.",
    ]
    lines = ["Title of the story", PROSE, PROSE, PROSE, "Share", "Print", "Email", "About us", *notice, "Accept"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks[1:4]] == ["body"] * 3
    assert [b.label for b in blocks[8:11]] == ["chrome"] * 3
    assert blocks[8].reasons[0].code == "smoothed: a cookie notice"
    # An article that mentions cookies keeps the line: the group is mostly the article's text.
    mention = "Most of the members said the council website should ask before it stores cookies in your browser."
    blocks = extract_blocks("\n".join(["Title of the story", PROSE, mention, PROSE, PROSE]), input_type="text").blocks
    assert all(b.label == "body" for b in blocks[1:5])
    # A recipe's cookies come without a word of the site or the reader's choice.
    recipe = "Bake the cookies for twelve minutes, until the edges are golden and the middle is still soft."
    blocks = extract_blocks("\n".join(["Title of the recipe", recipe, recipe + " Let them cool."]), input_type="text").blocks
    assert all(b.label == "body" for b in blocks[1:3])


def test_text_consent_dialog_data_uses_are_dropped() -> None:
    from boilerstrip import extract_blocks

    # A consent dialog's list of data uses after the article: one line names cookies, the long
    # descriptions name none, but each names two kinds of the dialog's terms (partners,
    # advertising, profiles ...).
    dialog = [
        "We value your privacy",
        "We and our partners store cookies and unique identifiers on your device: accept them or choose below.",
        "Use profiles to select personalised advertising for the reader of this service, which 120 partners can use",
        "Advertising presented to you on this service can be based on your advertising profiles, which reflect your activity here.",
        "Measure advertising performance across the pages of this service, which 84 partners can use for their reports",
        "Information about which advertising is presented to you and how you interact with it can be used by our partners.",
    ]
    lines = ["Title of the story", PROSE, PROSE, PROSE, "Share", "Print", "Email", "About us", *dialog, "Accept all"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks[1:4]] == ["body"] * 3
    assert [b.label for b in blocks[9:14]] == ["chrome"] * 5
    assert blocks[9].reasons[0].code == "smoothed: a consent dialog's list of data uses (text)"
    # One line of the article on ads and profiles is no dialog: the page keeps it.
    once = "The harbour board sold advertising space to partners from the town, and the money paid for the new quay."
    blocks = extract_blocks("\n".join(["Title of the story", PROSE, once, PROSE, PROSE]), input_type="text").blocks
    assert all(b.label == "body" for b in blocks[1:5])
    # Two such lines inside a longer article stay too: the group is mostly the article's text.
    again = "Its partners also bought advertising in the harbour guide, which sold out within a week."
    blocks = extract_blocks("\n".join(["Title of the story", PROSE, once, PROSE, again, PROSE]), input_type="text").blocks
    assert all(b.label == "body" for b in blocks[1:6])


def test_a_web_address_on_its_own_line_in_the_text_is_body() -> None:
    from boilerstrip import extract_blocks

    link = "<p><a href='https://example.org/report.pdf'>https://example.org/report.pdf</a></p>"
    html = f"<body><article><p>{PROSE}</p>{link}<p>{PROSE} Again.</p></article></body>"
    blocks = extract_blocks(html).blocks
    assert [b.label for b in blocks] == ["body"] * 3
    assert [r.code for r in blocks[1].reasons][0] == "smoothed: a link on its own line in the text"
    # A linked word is a menu's entry, and an address after the text is a footer's line.
    worded = f"<body><article><p>{PROSE}</p><p><a href='/r'>Report</a></p><p>{PROSE} Again.</p></article></body>"
    assert extract_blocks(worded).blocks[1].label == "chrome"
    after = f"<body><article><p>{PROSE}</p><p>{PROSE} Again.</p>{link}</article></body>"
    assert extract_blocks(after).blocks[2].label == "chrome"


def test_a_linked_heading_above_another_heading_is_no_section_head() -> None:
    # A "More:" box inside the story: linked headlines, then the story goes on. The headline
    # right above the paragraph is taken as its heading; the one above that heading is not.
    stories = "<h4><a href='/a'>Afghan talks are seen as the only hope</a></h4><h4><a href='/b'>Officials invited to two days of talks</a></h4>"
    body, why = labels(f"<div><p>{PROSE}</p>{stories}<p>{PROSE} Again.</p></div>")
    assert body.tolist() == [True, False, True, True]
    # A chain of plain headings (h2 then h3) and a linked post title right above its text stay.
    body, why = labels(f"<div><p>{PROSE}</p><h2>Budget</h2><h3>The harbour plan</h3><p>{PROSE} Again.</p></div>")
    assert body.tolist() == [True] * 4
    body, why = labels(f"<div><p>{PROSE}</p><h2><a href='/p'>The harbour plan for the year</a></h2><p>{PROSE} Again.</p></div>")
    assert body.tolist() == [True] * 3


def _slideshow(n: int, total: int | None = None) -> str:
    total = total or n
    captions = [
        "The harbour at dawn, before the boats go out and the market opens on the quay.",
        "Fishermen mend their nets on the pier while the gulls wait for the first catch.",
        "The old lighthouse, painted white and red, stands over the mouth of the bay.",
        "Children run along the beach as the tide goes out over the wide grey sand.",
    ]
    slides = "".join(
        f"<li><h2><span>{k}/{total}</span> View number {k}</h2><p>{captions[(k - 1) % 4]} It was taken in spring.</p></li>"
        for k in range(1, n + 1)
    )
    return f"<div class='slides'><ul>{slides}</ul></div>"


def test_a_slideshow_set_into_an_article_is_chrome() -> None:
    from boilerstrip import extract_blocks

    article = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(8))  # about 300 words
    blocks = extract_blocks(f"<body><article>{article}{_slideshow(4)}</article></body>").blocks
    assert [b.label for b in blocks[:8]] == ["body"] * 8
    assert [b.label for b in blocks[8:]] == ["chrome"] * 8
    assert "smoothed: a slideshow's counter or an embedded slideshow" in [r.code for r in blocks[8].reasons]
    # An incomplete count (slides 1-4 of 9) is no slideshow the page shows whole: left alone.
    blocks = extract_blocks(f"<body><article>{article}{_slideshow(4, 9)}</article></body>").blocks
    assert all(b.label == "body" for b in blocks)


def test_a_photo_post_keeps_its_captions_and_drops_its_counters() -> None:
    from boilerstrip import extract_blocks

    counters = "".join(
        f"<div class='item'><p>A photo of the harbour, number {k}, taken from the pier on a bright morning in May.</p>"
        f"<div>{k} of 4</div></div>"
        for k in range(1, 5)
    )
    html = f"<body><article><p>{PROSE}</p><div class='gallery'>{counters}</div></article></body>"
    blocks = extract_blocks(html).blocks
    assert [b.text for b in blocks if b.label == "body"] == [blocks[0].text] + [
        f"A photo of the harbour, number {k}, taken from the pier on a bright morning in May." for k in range(1, 5)
    ]


def test_a_dumps_slideshow_counters_are_chrome() -> None:
    from boilerstrip import extract_blocks

    captions = [
        "The harbour at dawn, before the boats go out and the market opens on the quay by the church.",
        "Fishermen mend their nets on the pier while the gulls wait for the first catch of the day.",
        "The old lighthouse, painted white and red, stands over the mouth of the bay as it has for years.",
        "Children run along the beach as the tide goes out over the wide grey sand towards the islands.",
    ]
    lines = [PROSE, PROSE + " Again."] + [x for k in range(1, 5) for x in (f"Image {k} of 4", captions[k - 1])]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks[2::2]] == ["chrome"] * 4
    assert [b.label for b in blocks[3::2]] == ["body"] * 4


def test_text_tag_list_in_alphabetical_order_is_chrome() -> None:
    from boilerstrip import extract, extract_blocks

    # A blog's tag cloud glued into one line: long and unpunctuated, its initials ascending
    # (a tag of two words, "harbour plan", breaks the order only for a word).
    tags = ("allotments baking bicycles budget council elections ferries gardens harbour plan "
            "housing libraries markets museums parking parks police railways schools taxes "
            "theatre trams weather")
    # The same words shuffled are no list of tags: a line of prose without punctuation stays.
    shuffled = ("weather council trams budget parks harbour plan elections schools ferries museums "
                "allotments taxes libraries bicycles railways gardens housing police theatre "
                "parking baking markets")
    for line, kept in ((tags, False), (shuffled, True)):
        dump = "\n".join(["Home", "News", PROSE, PROSE, line, PROSE, "Contact"])
        assert (line in extract(dump, input_type="text")) is kept
    blocks = extract_blocks("\n".join([PROSE, PROSE, tags, PROSE]), input_type="text").blocks
    assert blocks[2].label == "chrome"
    assert str(blocks[2].reasons[0]) == "smoothed: a list of tags in alphabetical order"
    # One word over and over is no list (its initials never move).
    same = " ".join(["harbour"] * 30)
    assert same in extract("\n".join([PROSE, PROSE, same, PROSE]), input_type="text")
    # An A-Z index of single letters is a page's own.
    letters = " ".join("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert letters in extract("\n".join([PROSE, PROSE, letters, PROSE]), input_type="text")


def test_long_text_tag_list_with_a_few_marks_is_chrome() -> None:
    from boilerstrip import extract

    # A long index of places (40 words or more) names a few with their own marks ("St. Ives",
    # "Hay, Powys"): one mark for every 20 words still makes a list, not a sentence.
    places = ("Aberdeen Abergavenny Alnwick Arundel Aylesbury Bakewell Bangor Barnstaple Bath Beverley "
              "Bideford Bodmin Brecon Bridport Buxton Cardigan Chepstow Chester Cirencester Conwy "
              "Dartmouth Devizes Dorchester Durham Ely Exeter Falmouth Frome Glastonbury Hay, Powys "
              "Helston Hexham Kendal Keswick Ledbury Lewes Ludlow Malton Oban Penzance Ripon Rye "
              "St. Ives Tenby Totnes Truro Whitby Windermere York")
    assert len(places.split()) >= 40
    dump = "\n".join(["Home", "News", PROSE, PROSE, places, PROSE, "Contact"])
    assert places not in extract(dump, input_type="text")
    # A short line with a mark is no such list: under 40 words any mark keeps it.
    short = " ".join(places.split()[:30])
    assert "," in short
    assert short in extract("\n".join(["Home", "News", PROSE, PROSE, short, PROSE, "Contact"]), input_type="text")


def test_text_paragraphs_between_parts_of_the_main_region_are_body() -> None:
    from boilerstrip import extract_blocks

    # A listicle between an article's two parts: each item's one paragraph stands among its
    # name and its links, outside every region, and would be "alone among chrome".
    paras = [
        "The harbour lights are made by hand in a small workshop by the sea, from glass and brass that the "
        "makers buy from a foundry in the next town, and each lamp takes a week to finish.",
        "North Quay sews its coats from wool spun by farmers on the hills above the town each spring, and "
        "the family that runs it has paid every worker a fair wage for three generations now.",
        "The old mill grinds its flour from grain grown in the fields along the river near the bridge, and "
        "it sells the flour in paper bags that the baker down the road fills by hand.",
    ]
    links = ["See the rating.", "Shop now.", "Share", "Pin it", "Tweet", "Email", "Print", "Save"]

    def page(dated: bool) -> str:
        items = [x for k, p in enumerate(paras)
                 for x in (f"Shop {k}", "May 4, 2020" if dated else "A photo of the shop", p, *links)]
        return "\n".join(["Home", "News", "About", *[f"{PROSE} Part {i}." for i in range(6)], *items,
                          *[f"{PROSE} Part {i}." for i in range(6, 12)], "Contact", "Privacy"])

    blocks = extract_blocks(page(False), input_type="text").blocks
    kept = [b for b in blocks if b.text in paras]
    assert [b.label for b in kept] == ["body"] * 3
    assert str(kept[0].reasons[0]) == "smoothed: a paragraph between parts of the main region"
    # With a date on each item they are posts of a sidebar or a thread: they stay out.
    blocks = extract_blocks(page(True), input_type="text").blocks
    assert [b.label for b in blocks if b.text in paras] == ["chrome"] * 3


def test_text_line_saying_the_same_thing_twice_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A teaser card's headline twice over (its photo's text and its link), with a space between
    # or none: chrome, however long. The same words once stay.
    head = "The harbour board approves a plan to rebuild the north pier before the winter storms"
    for teaser in (f"{head} {head}", f"{head}{head}"):
        blocks = extract_blocks("\n".join(["Home", PROSE, PROSE + " Again.", teaser, PROSE + " More.", "Contact"]),
                                input_type="text").blocks
        assert blocks[3].label == "chrome"
        assert str(blocks[3].reasons[0]) == "smoothed: a line that says the same thing twice"
    once = head + " and the council will pay for the work."
    blocks = extract_blocks("\n".join(["Home", PROSE, PROSE + " Again.", once, PROSE + " More.", "Contact"]),
                            input_type="text").blocks
    assert blocks[3].label == "body"
    # A short phrase twice is a widget's label, left to its score.
    from boilerstrip.smooth import _is_doubled

    assert not _is_doubled("Close me Close me")
    assert _is_doubled("Best deals today Best deals today")


def test_text_newsletter_pitch_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A sign-up box's lines after an article: two words of the pitch's vocabulary in a short line.
    pitch = "Get the best of the harbour news in your inbox every morning. Subscribe to our newsletter."
    lines = ["Home", *[f"{PROSE} Part {i}." for i in range(4)], pitch, f"{PROSE} End.", "Contact"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert blocks[5].label == "chrome"
    assert str(blocks[5].reasons[0]) == "smoothed: a newsletter's pitch"
    # One such word alone is the article's own subject.
    once = "The harbour board will send its newsletter to every household on the quay next week."
    lines = ["Home", *[f"{PROSE} Part {i}." for i in range(4)], once, f"{PROSE} End.", "Contact"]
    assert extract_blocks("\n".join(lines), input_type="text").blocks[5].label == "body"
    # A post about running a newsletter, whose pitch-like lines are most of it, keeps them.
    post = [f"Our newsletter now reaches {k} hundred readers, and each subscribe button adds more." for k in range(4)]
    blocks = extract_blocks("\n".join(["Home", PROSE, *post, "Contact"]), input_type="text").blocks
    assert [b.label for b in blocks[2:6]] == ["body"] * 4


def test_text_short_lines_inside_the_main_region_are_body() -> None:
    from boilerstrip import extract_blocks

    # A table's cells inside an article's region: too short to pass alone, they join the body
    # around them, but for a label repeated on the page ("Advertisement") and for lines with
    # less than 200 words of body below them (an article's closing credits and links).
    cells = ["North pier", "4 million", "Advertisement", "South pier", "6 million"]

    def page(after: int) -> str:
        return "\n".join(["Home", "News", *[f"{PROSE} Part {i}." for i in range(4)], *cells,
                          *[f"{PROSE} Part {i}." for i in range(4, 4 + after)], "Advertisement", "Contact"])

    blocks = extract_blocks(page(7), input_type="text").blocks
    assert [b.label for b in blocks[6:9]] == ["body", "body", "chrome"]
    assert str(blocks[6].reasons[0]) == "smoothed: between body lines of the main region"
    assert [b.label for b in extract_blocks(page(5), input_type="text").blocks[6:8]] == ["chrome", "chrome"]
    # A document's field table runs longer than a dozen lines: 20 cells between two parts still join.
    rows = [cell for k in range(5) for cell in (f"field_{k}", "String", f"Default {k}", "Optional")]
    lines = ["Home", "Docs", *[f"{PROSE} Part {i}." for i in range(12)], *rows, *[f"{PROSE} Part {i}." for i in range(12, 24)], "Contact"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks if b.text.startswith("field_")] == ["body"] * 5
    # A line of code quoted again in an answer repeats on the page, and is no label.
    code = ["loop = asyncio.get_event_loop()", "loop.run_until_complete(main())"]
    lines = ["Home", *[f"{PROSE} Part {i}." for i in range(2)], *code, *[f"{PROSE} Part {i}." for i in range(2, 4)],
             *code, *[f"{PROSE} Part {i}." for i in range(4, 12)], "Contact"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks if b.text in code] == ["body"] * 4


def test_text_lines_after_the_posts_end_are_dropped() -> None:
    from boilerstrip import extract_blocks

    bio = "Jane Doe writes about the city council, its budgets and the harbour for the local paper every week."
    related = "Another story about the harbour, the budget and what the members of the council said about it."
    lines = ["Title of the story", PROSE, PROSE, PROSE, "Tags: council, budget, harbour", "About the author", bio, related]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks[1:4]] == ["body"] * 3
    assert [b.label for b in blocks[4:]] == ["chrome"] * 4
    assert blocks[6].reasons[0].code == "smoothed: after the post's end"
    # Without the tag line the bio and the teaser pass as the post's paragraphs.
    blocks = extract_blocks("\n".join(lines[:4] + lines[5:]), input_type="text").blocks
    assert [b.label for b in blocks[5:]] == ["body"] * 2
    # A tag line above the post (under its headline) leaves the post alone.
    blocks = extract_blocks("\n".join([lines[0], lines[4], *lines[1:4]]), input_type="text").blocks
    assert [b.label for b in blocks[2:]] == ["body"] * 3
    # The links to the posts before and after it end a post too.
    nav = ["Post navigation", "« Previous Post", *lines[5:]]
    blocks = extract_blocks("\n".join([*lines[:4], *nav]), input_type="text").blocks
    assert [b.label for b in blocks[1:4]] == ["body"] * 3
    assert [b.label for b in blocks[4:]] == ["chrome"] * 5
    # So does a comment section's own line ("Comments are closed."), and nothing is cut when the
    # comments are asked for: the thread stands after the post's end.
    for line in ("Comments are closed.", "Keine Kommentare"):
        blocks = extract_blocks("\n".join([*lines[:4], line, *lines[5:]]), input_type="text").blocks
        assert [b.label for b in blocks[4:]] == ["chrome"] * 4
    blocks = extract_blocks("\n".join(lines), input_type="text", include_comments=True).blocks
    # (The bio under its heading goes as an author's box, drop_author_boxes; the teaser stays.)
    assert blocks[6].reasons[0].code == "smoothed: an author's box below the content"
    assert blocks[7].label == "body"
    # "Tags" without its colon heads a sidebar's tag cloud as often: no end.
    blocks = extract_blocks("\n".join([*lines[:4], "Tags", *lines[5:]]), input_type="text").blocks
    assert [b.label for b in blocks[6:]] == ["body"] * 2


def test_text_a_line_pointing_to_another_story_is_chrome() -> None:
    from boilerstrip import extract_blocks

    teaser = "Read more: Harbour plan wins the council's backing after a long night of debate"
    lines = ["Title of the story", PROSE, PROSE, teaser, PROSE, PROSE]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks[1:3] + blocks[4:]] == ["body"] * 4
    assert blocks[3].label == "chrome"
    assert blocks[3].reasons[0].code == "smoothed: a link to another story"
    # A paragraph that only starts with such words is the text.
    own = "Read more about the plan in the council's own report, which it published on Monday."
    blocks = extract_blocks("\n".join([*lines[:3], own, *lines[4:]]), input_type="text").blocks
    assert blocks[3].label == "body"


def test_the_lines_of_a_grid_item_join_the_body() -> None:
    from boilerstrip import extract_blocks

    # A shop's grid: each card's rating passes, its linked name and its short spec line do not.
    def card(i: int) -> str:
        return (
            f"<li class='product-tile tile-{i}'><a href='/p/{i}'><h3>Trail Tent {i}</h3></a>"
            f"<div class='spec'>Sleeps: {i % 4 + 2} people</div><div class='spec'>Weight: {3 + i} lbs</div>"
            f"<p>Rated {i % 5}.5 out of 5 stars by the {100 + i} campers who have reviewed it so far.</p></li>"
        )

    def page(n: int) -> str:
        return (
            "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/tents'>Tents</a></li></ul></nav>"
            f"<main><h1>Camping tents</h1><ul class='results'>{''.join(card(i) for i in range(n))}</ul></main>"
            "<footer><p>Copyright 2024 Example outfitters. All rights reserved.</p></footer></body>"
        )

    blocks = extract_blocks(page(8)).blocks
    name = next(b for b in blocks if b.text == "Trail Tent 0")
    spec = next(b for b in blocks if b.text == "Sleeps: 2 people")
    for b in (name, spec):
        assert b.label == "body" and b.reasons[0].code == "smoothed: a line of a grid item that holds the content"
    assert all(b.label == "chrome" for b in blocks if b.text in ("Home", "Tents") or "Copyright" in b.text)
    # Five cards are a box of related products, not a grid.
    assert next(b for b in extract_blocks(page(5)).blocks if b.text == "Trail Tent 0").label == "chrome"
    # A list of teasers whose body holds most of each item: the bylines left out stay out.
    teasers = "".join(
        f"<article class='teaser'><h2>The library budget, part {i}</h2>"
        f"<p>Council members met on Tuesday evening to weigh the budget for the new library, number {i}.</p>"
        f"<p class='meta'>Staff writer</p></article>"
        for i in range(8)
    )
    blocks = extract_blocks(f"<body><main><h1>Latest news</h1>{teasers}</main></body>").blocks
    assert all(b.label == "chrome" for b in blocks if b.text == "Staff writer")


def test_the_lines_of_a_grid_of_priced_items_too_long_for_the_grid_rule_join_it() -> None:
    from boilerstrip import extract_blocks

    # A shop's category of games: each card holds a linked name, a description of three
    # sentences (which passes), the developer, the tags and a price. The items run over the grid
    # rule's median of 60 words; the prices say they are products, and the other lines join.
    story = (
        "Explore a vast island of ruined towers and quiet forests in this game, number {i}, where every "
        "choice you make shapes the fate of the people who still live among the ruins. Gather what you "
        "need, build a shelter before the storms arrive, and team up with friends online to face the night."
    )

    def card(i: int, prices: int) -> str:
        price = "".join(f"<div class='price'><a href='/cart/{i}'>${9 + i + k}.99</a></div>" for k in range(prices))
        return (
            f"<div class='game-card card-{i}'><div class='name'><a href='/app/{i}'>Island of Ruins {i}</a></div>"
            f"<p class='desc'>{story.format(i=i)}</p><div class='dev'><a href='/dev/{i}'>Studio {i}</a></div>"
            f"<div class='reviews'><a href='/reviews/{i}'>({i},204 user reviews)</a></div>"
            "<div class='tags'><a href='/t/1'>Open World</a> <a href='/t/2'>Survival</a> <a href='/t/3'>Crafting</a> "
            f"<a href='/t/4'>Online Co-Op</a> <a href='/t/5'>Base Building</a></div>{price}</div>"
        )

    def page(prices: int) -> str:
        return (
            "<body><nav><ul><li><a href='/'>Store</a></li><li><a href='/games'>Games</a></li></ul></nav>"
            f"<main><h1>Survival games</h1><div class='results'>{''.join(card(i, prices) for i in range(8))}</div>"
            "</main><footer><p>Copyright 2024 Example store. All rights reserved.</p></footer></body>"
        )

    code = "smoothed: a line of a grid of priced items that hold the content"
    blocks = extract_blocks(page(1)).blocks
    for text in ("Island of Ruins 3", "Studio 3", "(3,204 user reviews)", "$12.99"):
        b = next(b for b in blocks if b.text == text)
        assert b.label == "body" and b.reasons[0].code == code
    assert all(b.label == "chrome" for b in blocks if b.text in ("Store", "Games") or "Copyright" in b.text)
    # The same cards without a price (a blog's long teasers, a forum's posts) keep to the body.
    blocks = extract_blocks(page(0)).blocks
    assert all(b.label == "chrome" for b in blocks if b.text.startswith(("Island of Ruins", "Studio")))
    # Items of many prices each are widgets of other products (a product page's carousels).
    blocks = extract_blocks(page(6)).blocks
    assert all(b.label == "chrome" for b in blocks if b.text.startswith(("Island of Ruins", "Studio")))


def test_a_grid_of_cards_without_body_between_body_blocks_joins_it() -> None:
    from boilerstrip import extract_blocks

    # A fitness service's page: a paragraph, a grid of workout cards (a linked name, a label and a
    # duration, none of which passes alone), and more paragraphs below.
    names = ["Warm up", "Hip mobility", "Back release", "Neck relief", "Foot roll", "Cool down", "Leg flush"]
    para = (
        "Our trainers built these short routines for people who sit at a desk all day and want to "
        "move a little better, with a roller and ten minutes of time, at home or at the office."
    )

    def card(i: int, name: str, price: bool) -> str:
        cost = f"<div class='cost'>${i + 4}.99</div>" if price else ""
        return (
            f"<div class='workout workout-{i}'><h4><a href='/w/{i}'>{name} routine</a></h4>"
            f"<div class='label'>Duration</div><div class='minutes'>{i + 5} Min</div>{cost}</div>"
        )

    def page(wrap: str = "grid", price: bool = False, after: bool = True) -> str:
        grid = "".join(card(i, name, price) for i, name in enumerate(names))
        tail = f"<h2>How the routines work</h2><p>{para}</p><p>{para}</p>" if after else ""
        return (
            "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/app'>App</a></li></ul></nav>"
            f"<main><h1>Routines for the office</h1><p>{para}</p><p>{para}</p>"
            f"<div class='{wrap}'>{grid}</div>{tail}</main>"
            "<footer><p>Copyright 2024 Example fitness. All rights reserved.</p></footer></body>"
        )

    code = "smoothed: a line of a grid of cards between body blocks"
    blocks = extract_blocks(page()).blocks
    for text in ("Hip mobility routine", "Duration", "9 Min"):
        b = next(b for b in blocks if b.text == text)
        assert b.label == "body" and b.reasons[0].code == code
    assert all(b.label == "chrome" for b in blocks if b.text in ("Home", "App") or "Copyright" in b.text)
    # A rail of other pages under its class words, a grid of priced items, and a grid below the
    # body's last block stay out.
    for html in (page(wrap="related"), page(price=True), page(after=False)):
        assert all(b.label == "chrome" for b in extract_blocks(html).blocks if b.text == "Hip mobility routine")


def test_a_button_or_label_that_a_grids_items_repeat_stays_out() -> None:
    from boilerstrip import extract_blocks

    # A shop's grid whose cards the grid rule joins: each card's buttons ("Add to Compare", "Quick
    # Shop") stand in every card, the same words in the same place, and are no part of the content.
    def card(i: int) -> str:
        fit = "Freestanding" if i % 3 else "Semi-freestanding"
        return (
            f"<li class='product-tile tile-{i}'><a href='/p/{i}'><h3>Trail Tent {i}</h3></a>"
            f"<div class='spec'>Sleeps: {i % 4 + 2} people</div><div class='fit'>{fit}</div>"
            "<div class='label'>Packed size:</div>"
            f"<p>Rated {i % 5}.5 out of 5 stars by the {100 + i} campers who have reviewed it so far.</p>"
            "<div class='compare'>Add to Compare</div><div class='quick'>Quick Shop</div></li>"
        )

    blocks = extract_blocks(
        "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/tents'>Tents</a></li></ul></nav>"
        f"<main><h1>Camping tents</h1><ul class='results'>{''.join(card(i) for i in range(8))}</ul></main></body>"
    ).blocks
    for text in ("Add to Compare", "Quick Shop"):
        lines = [b for b in blocks if b.text == text]
        assert len(lines) == 8
        assert all(b.label == "chrome" and b.reasons[0].code == "smoothed: a button or label that a grid's items repeat" for b in lines)
    # The cards' names and specs stay; so do a value that repeats beside other values in its place
    # and a label that heads a value (a colon).
    grid = "smoothed: a line of a grid item that holds the content"
    for text in ("Trail Tent 3", "Sleeps: 5 people", "Freestanding", "Packed size:"):
        b = next(b for b in blocks if b.text == text)
        assert b.label == "body" and b.reasons[0].code == grid


def test_the_records_of_a_definition_list_are_grid_items() -> None:
    from boilerstrip import extract_blocks

    # A preprint server's list of new papers: a <dl> whose <dd> records hold a title, the linked
    # authors and the subjects. The authors (all links) do not pass alone; the records are a grid.
    def record(i: int) -> str:
        return (
            f"<dt>[{i}] <a href='/abs/{i}'>paper {i}</a></dt>"
            f"<dd><div class='meta'><div class='list-title'>Title: Learning to sort long lists of numbers, part {i}</div>"
            f"<div class='list-authors'><a href='/a/{i}'>Ada Lovelace</a>, <a href='/b/{i}'>Alan Turing</a>, "
            f"<a href='/c/{i}'>Grace Hopper</a>, <a href='/d/{i}'>Edsger Dijkstra</a></div>"
            f"<div class='list-subjects'>Subjects: Machine learning and the study of algorithms {i}</div></div></dd>"
        )

    html = (
        "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/list'>Lists</a></li></ul></nav>"
        f"<main><h1>New submissions</h1><dl>{''.join(record(i) for i in range(8))}</dl></main></body>"
    )
    blocks = extract_blocks(html).blocks
    authors = next(b for b in blocks if b.text.startswith("Ada Lovelace"))
    assert authors.label == "body" and authors.reasons[0].code == "smoothed: a line of a grid item that holds the content"


def test_a_line_in_the_place_the_body_holds_in_grid_items_joins_it() -> None:
    from boilerstrip import extract_blocks

    # A shop's category: ten tiles of a linked name; the first four also show a price, which
    # passes and keeps the name above it. The other tiles hold their name alone, a link.
    names = [f"{colour} Floral Glass Candle {i}" for i, colour in enumerate(
        ["Spring", "Romy", "Davie", "Oaxacan", "Espresso", "Penne", "Dotted", "Martini", "Butter", "Ruffle"])]

    def tile(i: int, name: str, priced: int) -> str:
        price = f"<p class='product-price'>${30 + i}.00</p>" if i < priced else ""
        return (
            f"<div class='tile tile-{i}'><div class='tile-body'><h2 class='tile-name'>"
            f"<a href='/p/{i}'>{name}</a></h2>{price}</div></div>"
        )

    def page(priced: int) -> str:
        return (
            "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/candles'>Candles</a></li></ul></nav>"
            "<main><h1>Decorative candles</h1><p>Candles made by small studios, poured by hand in small batches.</p>"
            f"<div class='grid'>{''.join(tile(i, name, priced) for i, name in enumerate(names))}</div></main>"
            "<footer><p>Copyright 2024 Example shop. All rights reserved.</p></footer></body>"
        )

    blocks = extract_blocks(page(4)).blocks
    for name in names[4:]:
        b = next(b for b in blocks if b.text == name)
        assert b.label == "body" and b.reasons[0].code == "smoothed: a line in the same place of grid items as the body's"
    assert all(b.label == "chrome" for b in blocks if b.text in ("Home", "Candles") or "Copyright" in b.text)
    # Two tiles keeping their name are too few to say what a tile's content is.
    blocks = extract_blocks(page(2)).blocks
    assert all(b.label == "chrome" for b in blocks if b.text in names[2:])
    # A section's paragraphs are many lines in one place: a link line among them is no slot.
    para = "The council met on Tuesday evening to weigh the budget for the new library in the town."
    sections = "".join(
        f"<div class='part part-{i}'><p>{para}</p><p>{para}</p>"
        + (f"<p><a href='/more/{i}'>More about the library budget, part {i}</a></p>" if i % 2 else "")
        + "</div>"
        for i in range(8)
    )
    blocks = extract_blocks(f"<body><main><h1>The library budget</h1>{sections}</main></body>").blocks
    assert all(b.label == "chrome" for b in blocks if b.text.startswith("More about"))


def test_the_lines_of_a_grid_whose_every_item_holds_body_join_it() -> None:
    from boilerstrip import extract_blocks

    # A shop's category: a paragraph of introduction outweighs the ten tiles' prices, which pass;
    # the tiles' linked names do not. Every tile holds a short line of body: the names join it.
    names = [f"{c} Terracotta Pot and Saucer" for c in
             ["Gray", "Rosa", "Parisian", "Tuscan", "Cottage", "Harvest", "Scalloped", "Roman", "Cathedral", "Piecrust"]]
    intro = (
        "Indoor containers and the plants you put in them bring colour, life and warmth to the rooms of a house, "
        "and the pots in this collection are made by hand in small workshops from clay that breathes, so that the "
        "roots of your plants stay healthy through the dry months of winter when the heating runs all day long."
    )

    def page(held: Callable[[int], str], paras: int = 1) -> str:
        tiles = "".join(
            f"<div class='tile tile-{i}'><a class='tile-name' href='/p/{i}'>{name}</a>{held(i)}</div>"
            for i, name in enumerate(names)
        )
        return (
            "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/pots'>Pots</a></li></ul></nav>"
            f"<main><h1>Indoor pots and pottery</h1>{f'<p>{intro}</p>' * paras}<div class='grid'>{tiles}</div></main>"
            "<footer><p>Copyright 2024 Example shop. All rights reserved.</p></footer></body>"
        )

    def price(i: int) -> str:
        return f"<p class='price'>Was ${60 + i}.00, now ${30 + i}.00</p>"

    blocks = extract_blocks(page(price)).blocks
    for name in names:
        b = next(b for b in blocks if b.text == name)
        assert b.label == "body" and b.reasons[0].code == "smoothed: a line of a grid whose every item holds body"
    assert all(b.label == "chrome" for b in blocks if b.text in ("Home", "Pots") or "Copyright" in b.text)
    # Six tiles of ten priced: not every item holds body.
    blocks = extract_blocks(page(lambda i: price(i) if i % 3 else "")).blocks
    assert all(b.label == "chrome" for b in blocks if b.text in names)
    # A rail of teasers beside a longer text holds a sentence in every item, not a price: its
    # links stay out.
    teaser = "<p class='teaser'>Council members met on Tuesday evening to weigh the budget of the library, part {}.</p>"
    blocks = extract_blocks(page(teaser.format, paras=3)).blocks
    assert all(b.label == "chrome" for b in blocks if b.text in names)


def test_the_lines_of_a_set_of_cards_join_the_body() -> None:
    from boilerstrip import extract_blocks

    # A landing page's plans: each card's sentence passes, its name, its price and its shared
    # "per month" label do not, nor its button.
    plans = [("Starter", "$19"), ("Growth Plus", "$49"), ("Enterprise", "$99")]

    def page(cards: list[tuple[str, str]], own: bool = True) -> str:
        items = "".join(
            f"<div class='col plan-{i}'><div class='name'>{name}</div>"
            + (f"<p>Everything a small team needs to publish its pages, with the {name} tools included.</p>" if own or i else "")
            + f"<div class='price'>{price}</div><div class='unit'>per month</div><a href='/buy/{i}'>Order now</a></div>"
            for i, (name, price) in enumerate(cards)
        )
        return (
            "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/pricing'>Pricing</a></li></ul></nav>"
            "<main><h1>Plans and pricing</h1><p>Pick the plan that fits the way your team works today, and change it at any time.</p>"
            f"<div class='row'>{items}</div></main>"
            "<footer><p>Copyright 2024 Example software. All rights reserved.</p></footer></body>"
        )

    blocks = extract_blocks(page(plans)).blocks
    for text in ("$19", "Growth Plus", "$49"):
        b = next(b for b in blocks if b.text == text)
        assert b.label == "body" and b.reasons[0].code == "smoothed: a line of a card in a set of cards that hold body"
    assert all(b.label == "chrome" for b in blocks if b.text in ("per month", "Order now", "Home"))
    # A card without body of its own: the set is no set of content cards, its lines stay out.
    blocks = extract_blocks(page(plans, own=False)).blocks
    assert next(b for b in blocks if b.text == "$49").label == "chrome"
    # Two cards are no set.
    blocks = extract_blocks(page(plans[:2])).blocks
    assert next(b for b in blocks if b.text == "$49").label == "chrome"


def test_text_listing_items_are_body() -> None:
    from boilerstrip import extract_blocks

    # An events page's dump: a menu, a one-line introduction and twenty items of a title, a date, a
    # price and an organiser, none of which passes as running text alone.
    names = [f"{a} {b}" for a in ("Harbour", "Quay", "Pier", "Lantern", "Kite") for b in ("Lights", "Market", "Fair", "Walk")]
    items = [
        line
        for k, name in enumerate(names)
        for line in (f"{name} Evening Session", f"Sat, Apr {k % 28 + 1}, 10:00 AM", f"${k + 5}.00", f"Organiser {name} Club")
    ]
    menu = ["Home", "Events", "Venues", "About", "Contact"]
    intro = "Upcoming events on the harbour this spring."
    footer = ["Privacy", "Terms", "Help"]
    blocks = extract_blocks("\n".join([*menu, intro, *items, *footer]), input_type="text").blocks
    kept = [b for b in blocks if b.text in items]
    assert [b.label for b in kept] == ["body"] * len(items)
    assert "smoothed: an item of a listing in the text" in {str(r) for b in kept for r in b.reasons}
    assert all(b.label == "chrome" for b in blocks if b.text in menu[1:] + footer)
    # Beside an article of two paragraphs the same list is a rail of other posts: left to its score.
    article = [PROSE, PROSE.replace("Tuesday", "Monday")]
    blocks = extract_blocks("\n".join([*menu, *article, *items, *footer]), input_type="text").blocks
    assert all(b.label == "chrome" for b in blocks if b.text in items)
    # Items that are mostly the same lines each time are a widget's buttons under each entry.
    widget = [
        line
        for k, name in enumerate(names)
        for line in (f"{name} Evening Session", f"${k + 5}.00", "Buy now", "Add to list", "Share", "Gift it")
    ]
    blocks = extract_blocks("\n".join([*menu, intro, *widget, *footer]), input_type="text").blocks
    assert all(b.label == "chrome" for b in blocks if b.text in widget)
def test_text_listing_whose_every_item_holds_body_is_body() -> None:
    from boilerstrip import extract_blocks

    # A shop's category as a dump: each product's rating line passes as text (the body of a page
    # without prose), its name, price and buttons do not. The body in the listing's span lies
    # in every item, not in its first few: the items' other lines join it.
    names = ["Oak Garden Bench", "Cedar Planter Box", "Steel Fire Pit", "Teak Folding Chair",
             "Rattan Side Table", "Pine Storage Shed", "Iron Plant Stand", "Bamboo Bird Feeder"]
    items = [
        line
        for i, name in enumerate(names)
        for line in (name, f"${20 + i}.99", f"{4 + i % 2}.{i} out of 5 stars, {10 + i} reviews",
                     "Free delivery on orders over $50", "Add to Cart", "Compare")
    ]
    menu = ["Home", "Shop", "Garden", "Sign in", "Outdoor living", "Patio sets", "Lighting", "Grills"]
    footer = ["About us", "Contact", "Privacy", "Terms", "© 2024 Example Garden Shop"]
    blocks = extract_blocks("\n\n".join([*menu, "Garden furniture", *items, *footer]), input_type="text").blocks
    kept = [b for b in blocks if b.text in names or b.text.startswith("$")]
    assert len(kept) == 16 and all(b.label == "body" for b in kept)
    assert all(b.reasons[0].code == "smoothed: an item of a listing in the text" for b in kept)
    assert all(b.label == "chrome" for b in blocks if b.text in menu + footer)


def test_text_listing_between_an_introduction_and_a_footer_blurb_is_body() -> None:
    from boilerstrip import extract_blocks

    # A shop's category as a dump: a paragraph of introduction above the products, the shop's
    # "about us" paragraph in the footer below. One paragraph on each side is no article beside
    # a rail: the items join the body. Two paragraphs on one side still are.
    names = [f"{a} {b}" for a in ("Harbour", "Quay", "Pier", "Lantern", "Kite") for b in ("Lamp", "Vase", "Bowl", "Tray")]
    items = [line for k, name in enumerate(names) for line in (f"{name} in glazed stoneware", f"${k + 15}.00")]
    menu = ["Home", "Shop", "Gifts", "Sale", "Contact"]
    intro = ("Our pottery is thrown by hand in a small studio by the sea, and every piece is glazed in the "
             "colours of the harbour so that no two of them are ever quite the same.")
    about = ("We are a family workshop that has made pottery on the coast for three generations, and we "
             "still pack every order ourselves before it leaves the studio for your home.")
    footer = ["Privacy", "Terms", "Help"]
    blocks = extract_blocks("\n".join([*menu, intro, *items, about, *footer]), input_type="text").blocks
    kept = [b for b in blocks if b.text in items]
    assert len(kept) == len(items) and all(b.label == "body" for b in kept)
    assert "smoothed: an item of a listing in the text" in {b.reasons[0].code for b in kept}
    blocks = extract_blocks("\n".join([*menu, intro, about, *items, *footer]), input_type="text").blocks
    assert not any(b.label == "body" for b in blocks if b.text in items)


def test_text_listing_whose_items_hold_two_numbers_in_a_row_is_body() -> None:
    from boilerstrip import extract_blocks
    from boilerstrip.smooth import _series

    # A researcher's profile as a dump: each paper a title, its authors, its venue, then its
    # citation count over its year, both bare numbers. The two numbers on adjacent lines are one
    # item's: the second stands for the item, and the papers make a series of markers.
    topics = ["tide tables", "harbour cranes", "quay walls", "lantern optics", "kite lines", "pier piles",
              "ferry routes", "dock gates"]
    venues = ["Harbour Review", "Coastal Letters", "Tidal Quarterly", "Maritime Notes", "Port Journal",
              "Shore Studies", "Sea Works", "Dock Papers"]
    people = ["A Reed, B Moss", "C Hale", "D Frost, E Lane, F Shaw", "G Marsh", "H Stone, I Wells", "J Brook",
              "K Field, L Vale", "M Dale"]
    items = [
        line
        for k, (topic, venue, who) in enumerate(zip(topics, venues, people, strict=True))
        for line in (f"On {topic} and their keepers", who, venue, str(4000 - 321 * k), str(1990 + 3 * k))
    ]
    menu = ["Home", "Profiles", "Search", "Sign in", "Help"]
    bio = ("She studies how small harbours keep their quays, cranes and lights in working order through "
           "the winter storms.")
    head = [bio, "Title", "Cited by", "Year"]
    footer = ["Privacy", "Terms", "Contact"]
    blocks = extract_blocks("\n".join([*menu, *head, *items, *footer]), input_type="text").blocks
    kept = [b for b in blocks if b.text in items]
    assert len(kept) == len(items) and all(b.label == "body" for b in kept)
    assert "smoothed: an item of a listing in the text" in {b.reasons[0].code for b in kept}
    assert all(b.label == "chrome" for b in blocks if b.text in menu[1:] + footer)
    # A pair on adjacent lines counts once; three in a row are a table's cells and break the run.
    assert _series([3, 4, 8, 9, 13, 14, 18, 19, 23, 24]) == [[4, 9, 14, 19, 24]]
    assert _series([2, 3, 4, 8, 9, 10, 14, 15, 16, 20, 21, 22, 26, 27, 28]) == []


def test_a_thread_keeps_each_posts_author_and_date() -> None:
    from boilerstrip import extract_blocks

    def post(i: int, name: str) -> str:
        return (
            f"<div class='message'><h4><a href='/u/{i}'>{name}</a></h4><h5>Senior Member</h5>"
            f"<dl><dt>Joined</dt><dd>Oct 25, 2017</dd></dl>"
            f"<ul><li><a href='/p/{i}'>Mar {i + 1}, 2025</a></li></ul>"
            f"<div class='text'><p>{PROSE} Post {i}.</p></div></div>"
        )

    names = ["harbourfan", "quaywalker", "tidewatcher"]
    page = f"<body><h1>The harbour plan</h1><div class='thread'>{''.join(post(i, n) for i, n in enumerate(names))}</div></body>"
    doc = extract_blocks(page)
    kept = [b.text for b in doc.blocks if b.label == "body"]
    for i, name in enumerate(names):
        assert name in kept and f"Mar {i + 1}, 2025" in kept
    assert "Senior Member" not in kept and "Oct 25, 2017" not in kept and "Joined" not in kept
    why = {b.text: b.reasons[0].code for b in doc.blocks if b.text in ("harbourfan", "Mar 1, 2025")}
    assert set(why.values()) == {"smoothed: a post's author or date in a thread"}
    # An edit note is no post's date; two posts are no thread.
    page2 = page.replace("Mar 1, 2025", "edited Mar 1, 2025")
    assert "edited Mar 1, 2025" not in [b.text for b in extract_blocks(page2).blocks if b.label == "body"]
    two = f"<body><h1>The harbour plan</h1><div class='thread'>{post(0, names[0])}{post(1, names[1])}</div></body>"
    assert names[0] not in [b.text for b in extract_blocks(two).blocks if b.label == "body"]
    # The writer's details above the date are chrome, however they scored.
    detailed = page.replace("<h5>Senior Member</h5>", "<h5>Senior Member</h5><div class='stats'>14,796</div>")
    seg = segment_html(detailed, max_depth=256, max_blocks=1000)
    f = compute_features(seg, "html")
    body, why = smooth_labels(score_blocks(f)[0], f, 0.0)
    stats = [i for i, t in enumerate(seg.texts) if t == "14,796"]
    body[stats] = True  # as a post count can score, in the main container under "content" names
    keep_post_headers(seg, f, body, why)
    assert not body[stats].any() and {SMOOTH_REASONS[int(w)] for w in why[stats]} == {"smoothed: a post's writer's details in a thread"}
    assert all(body[i] for i, t in enumerate(seg.texts) if t in names)
    # A numbered date that is no link counts; a name that is all link stands in for the heading.

    def plain_post(i: int, name: str) -> str:
        return (
            f"<div class='post'><div class='meta'>11-29-2024, 09:0{i} AM #{i + 1}</div>"
            f"<div class='who'><a href='/u/{i}'>{name}</a></div><div class='avatar'><a href='/u/{i}'>Q</a></div>"
            f"<div class='text'><p>{PROSE} Post {i}.</p></div></div>"
        )

    vb = f"<body><h1>The harbour plan</h1><div id='posts'>{''.join(plain_post(i, n) for i, n in enumerate(names))}</div></body>"
    kept = [b.text for b in extract_blocks(vb).blocks if b.label == "body"]
    assert "11-29-2024, 09:00 AM #1" in kept and "Q" not in kept


def test_a_short_reply_in_a_thread_is_headed_like_the_posts() -> None:
    def post(i: int, name: str, text: str) -> str:
        return (
            f"<div class='message'><h4><a href='/u/{i}'>{name}</a></h4><h5>Full Member</h5>"
            f"<dl><dt>Messages</dt><dd>{i + 11}</dd></dl>"
            f"<ul><li><a href='/p/{i}'>Mar {i + 1}, 2025</a></li></ul>"
            f"<div class='text'><p>{text}</p></div></div>"
        )

    names = ["harbourfan", "quaywalker", "tidewatcher", "pierstroller"]
    texts = [f"{PROSE} Post {i}." for i in range(3)] + ["Thanks, same here!"]
    page = f"<body><h1>The harbour plan</h1><div class='thread'>{''.join(post(i, n, t) for i, (n, t) in enumerate(zip(names, texts, strict=True)))}</div></body>"
    seg = segment_html(page, max_depth=256, max_blocks=1000)
    f = compute_features(seg, "html")
    body, why = smooth_labels(score_blocks(f)[0], f, 0.0)
    reply = [i for i, t in enumerate(seg.texts) if t == "Thanks, same here!"]
    details = [i for i, t in enumerate(seg.texts) if t in ("Full Member", "Messages", "14")][-3:]
    body[reply] = True  # the short reply passed, and its writer's details with it (as a grid's lines do)
    body[details] = True
    keep_post_headers(seg, f, body, why)
    # The short reply's writer's details are chrome and its date body, as the longer posts'.
    assert [seg.texts[i] for i in details] == ["Full Member", "Messages", "14"]
    assert not body[details].any() and {SMOOTH_REASONS[int(w)] for w in why[details]} == {"smoothed: a post's writer's details in a thread"}
    date = seg.texts.index("Mar 4, 2025")
    assert body[date] and SMOOTH_REASONS[int(why[date])] == "smoothed: a post's author or date in a thread"
    # A post with no text of its own is left as it was.
    body[reply] = False
    body[details] = True
    body[date] = False
    keep_post_headers(seg, f, body, why)
    assert body[details].all() and not body[date]


def test_a_posts_number_beside_its_date_is_chrome_in_a_thread() -> None:
    from boilerstrip import extract_blocks

    def post(i: int, name: str) -> str:
        return (
            f"<div class='message'><h4><a href='/u/{i}'>{name}</a></h4>"
            f"<ul class='head'><li><a href='/p/{i}'>Mar {i + 1}, 2025</a></li><li><a href='/p/{i}'>#{i + 1}</a></li></ul>"
            f"<div class='text'><p>{PROSE} Post {i}.</p></div></div>"
        )

    names = ["harbourfan", "quaywalker", "tidewatcher"]
    page = f"<body><h1>The harbour plan</h1><div class='thread'>{''.join(post(i, n) for i, n in enumerate(names))}</div></body>"
    seg = segment_html(page, max_depth=256, max_blocks=1000)
    f = compute_features(seg, "html")
    body, why = smooth_labels(score_blocks(f)[0], f, 0.0)
    numbers = [i for i, t in enumerate(seg.texts) if t in ("#1", "#2", "#3")]
    assert len(numbers) == 3
    body[numbers] = True  # as a grid's other lines join the body
    keep_post_headers(seg, f, body, why)
    assert not body[numbers].any() and {SMOOTH_REASONS[int(w)] for w in why[numbers]} == {"smoothed: a post's number on its own line in a thread"}
    assert all(body[i] for i, t in enumerate(seg.texts) if t in names or t.startswith("Mar "))
    # A ranked listing's "#1" above each entry is no thread's: it stays.
    ranked = "".join(f"<div class='item'><span>#{i}</span><h3>Film number {i}</h3><p>{PROSE}</p></div>" for i in range(1, 4))
    blocks = extract_blocks(f"<body><h1>Top films</h1><div class='list'>{ranked}</div></body>").blocks
    assert not any(r.code == "smoothed: a post's number on its own line in a thread" for b in blocks for r in b.reasons)


def test_a_threads_post_numbers_are_chrome_in_a_text_dump() -> None:
    from boilerstrip import extract_blocks

    code = "smoothed: a post's number on its own line in a thread (text)"
    posts = []
    for i, name in enumerate(["harbourfan", "quaywalker", "tidewatcher", "pierstroller"]):
        posts += [name, f"{i + 1},27{i}", f"Mar {i + 1}, 2025", f"#{i + 1}", f"{PROSE} Post {i}."]
    doc = extract_blocks("\n".join(["The harbour plan", *posts, "Privacy", "Terms"]), input_type="text")
    numbers = [b for b in doc.blocks if b.text.startswith("#")]
    assert len(numbers) == 4 and all(b.label != "body" for b in numbers)
    assert code in {b.reasons[0].code for b in numbers}
    # The writer's post count above the number goes with it, however it scored.
    from boilerstrip.smooth import drop_text_post_numbers

    seg = segment_text("\n".join(["The harbour plan", *posts]), max_blocks=1000)
    f = compute_features(seg, "text")
    body, why = smooth_labels(score_blocks(f)[0], f, 0.0)
    counts = [i for i, t in enumerate(seg.texts) if t.endswith(tuple(f",27{i}" for i in range(4)))]
    assert len(counts) == 4
    body[counts] = True
    drop_text_post_numbers(seg, f, body, why)
    assert not body[counts].any()
    assert {SMOOTH_REASONS[int(w)] for w in why[counts]} == {"smoothed: a writer's count above a post's number in a thread (text)"}
    assert all(b.label == "body" for b in doc.blocks if b.text.startswith(PROSE[:20]))
    # A ranked listing's numbers head titles, not posts: they stay as scored.
    films = []
    for i in range(1, 6):
        films += [f"#{i}", f"Film number {i}", f"{PROSE} Film {i}."]
    blocks = extract_blocks("\n".join(["Top films", *films]), input_type="text").blocks
    assert not any(r.code == code for b in blocks for r in b.reasons)


def test_the_headlines_of_a_listing_join_the_body() -> None:
    from boilerstrip import extract_blocks

    intro = (
        "<p>Welcome to the weekly digest of the river valley garden club, where members share what they "
        "planted, what the frost took and what they learned at the spring meetings. Every story below was "
        "written by a member of the club and reviewed by the editors before it was posted here for all of "
        "our readers to enjoy at their leisure.</p>"
    )
    words = ("tomatoes", "roses", "beans", "apples", "tulips", "onions", "pears", "lilies")

    def card(i: int, story: bool = True) -> str:
        w = words[i % len(words)]
        extra = "<div class='card-meta'>Garden notes</div>" if story else ""
        return (
            f"<div class='card card-{i}'><div class='title'><a href='/s/{i}'>How our members grew better {w} "
            f"in the wet season number {i}</a></div>{extra}</div>"
        )

    def page(n: int, story: bool = True) -> str:
        return (
            "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/club'>Club</a></li></ul></nav>"
            f"<main><h1>Garden club stories</h1>{intro}<div class='cards'>"
            f"{''.join(card(i, story) for i in range(n))}</div></main>"
            "<footer><p>Copyright 2024 River valley garden club. All rights reserved.</p></footer></body>"
        )

    blocks = extract_blocks(page(15)).blocks
    heads = [b for b in blocks if b.text.startswith("How our members")]
    assert len(heads) == 15
    assert all(b.label == "body" and b.reasons[0].code == "smoothed: a headline of a listing" for b in heads)
    assert all(b.label == "chrome" for b in blocks if b.text in ("Home", "Club") or "Copyright" in b.text)
    # Items of one link each are a list of categories or a menu, not cards.
    blocks = extract_blocks(page(15, story=False)).blocks
    assert all(b.label == "chrome" for b in blocks if b.text.startswith("How our members"))
    # Headlines that are not the page's bulk (twice the body's words) are a box of other stories.
    blocks = extract_blocks(page(7)).blocks
    assert all(b.label == "chrome" for b in blocks if b.text.startswith("How our members"))


def test_text_teasers_glued_to_their_headlines_are_chrome() -> None:
    from boilerstrip import extract_blocks

    # A rail of stories whose headline and excerpt a dump joined without a space: each line is a
    # headline in title case run into a sentence, long enough to pass for running text.
    rail = [
        "Harbour Board Approves Plan To Rebuild The North PierThe board voted on Monday to rebuild the "
        "pier before the storms, and the work will start in the spring.",
        "Local Baker Wins Prize For The Best Bread In The CountyA baker from the old town won the prize "
        "with a loaf that he bakes in a wood oven every night.",
        "New Ferry Service Links The Island With The MainlandThe ferry will run four times a day in the "
        "summer and twice a day in the winter, the company said.",
        "School Choir Sings At The Opening Of The Town HallThe choir sang three songs at the opening, "
        "and the mayor thanked the children for their work.",
    ]
    article = [f"{PROSE} Part {i}." for i in range(3)]
    blocks = extract_blocks("\n".join(["Home", "News", *rail, "Weather", *article, "Contact"]), input_type="text").blocks
    assert [b.label for b in blocks[2:6]] == ["chrome"] * 4
    assert str(blocks[2].reasons[0]) == "smoothed: a teaser glued to its headline"
    assert [b.label for b in blocks[7:10]] == ["body"] * 3
    # A brand written in camelCase ("SmartGlass") recurs on the page: no join, the lines stay.
    brand = [
        f"Using The Xbox SmartGlass App On Your Phone {k}, the reader can pause the film and look up the actors "
        "while the film plays on the television."
        for k in range(4)
    ]
    blocks = extract_blocks("\n".join(["Home", "News", *brand, *article, "Contact"]), input_type="text").blocks
    assert [b.label for b in blocks[2:6]] == ["body"] * 4


def test_text_related_stories_heading_and_headlines_are_chrome() -> None:
    from boilerstrip import extract_blocks

    # A "Most read" box between an article's paragraphs: its heading and the headlines under it,
    # short lines the gap rules would take in, are chrome; the article's next paragraph stays.
    heads = ["Harbour board approves the new pier", "Baker wins the county prize", "Ferry to run all winter"]
    lines = ["Home", *[f"{PROSE} Part {i}." for i in range(4)], "Most Read", *heads,
             *[f"{PROSE} Part {i}." for i in range(4, 8)], "Contact"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks[5:9]] == ["chrome"] * 4
    assert str(blocks[5].reasons[0]) == "smoothed: a related-stories heading and its list"
    assert blocks[9].label == "body"
    # Headlines with a one-sentence excerpt under each go too; the article's paragraph after them stays.
    teasers = ["Top stories", "Harbour board approves the new pier", "The board voted on Monday to rebuild it.",
               "Baker wins the county prize", "A baker from the old town won it with a rye loaf."]
    paired = ["Home", *[f"{PROSE} Part {i}." for i in range(4)], *teasers,
              *[f"{PROSE} Part {i}." for i in range(4, 8)], "Contact"]
    blocks = extract_blocks("\n".join(paired), input_type="text").blocks
    assert [b.label for b in blocks[5:10]] == ["chrome"] * 5
    assert blocks[10].label == "body"
    # A heading that ends in a colon leads into a list the post sets in its text: left alone.
    lines[5] = "Related posts:"
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert all(str(r) != "smoothed: a related-stories heading and its list" for b in blocks for r in b.reasons)


def test_text_box_of_other_stories_under_the_post_ends_it() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: from a box of other stories under the post on"
    # Under the post, a "More from ..." box of teasers a sentence long: the region search takes them
    # in with the post; from the heading on they are chrome.
    post = [f"{PROSE} Part {i}." for i in range(5)]
    teasers = [
        "Harbour board approves the new pier after a long night of talks with the unions and the mayor.",
        "Baker from the old town wins the county prize for the third year in a row with a rye loaf.",
        "Ferry will run all winter for the first time since the storm closed the north landing in March.",
    ]
    lines = ["Home", "News", *post, "More from Example News", *teasers, "Contact"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks[2:7]] == ["body"] * 5
    assert [b.label for b in blocks[8:11]] == ["chrome"] * 3
    assert all(str(b.reasons[0]) == reason for b in blocks[8:11])
    # A box set between two paragraphs: the article goes on after its headlines, and stays.
    heads = ["Harbour board approves the new pier", "Baker wins the county prize"]
    inside = ["Home", *post[:3], "Related stories", *heads, *post[3:], *teasers, "Contact"]
    blocks = extract_blocks("\n".join(inside), input_type="text").blocks
    assert all(str(r) != reason for b in blocks for r in b.reasons)
    assert [b.label for b in blocks[7:9]] == ["body"] * 2
    # More body below the heading than above it: a short intro over a page of stories, left alone.
    short = ["Home", post[0], "Around the web", *post[1:], "Contact"]
    blocks = extract_blocks("\n".join(short), input_type="text").blocks
    assert all(str(r) != reason for b in blocks for r in b.reasons)


def test_text_copyright_notice_as_the_last_body_line_is_chrome() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: the footer's copyright notice as the last body line"
    # The footer's legal line under the post, prose long enough to pass with it: chrome.
    post = [f"{PROSE} Part {i}." for i in range(4)]
    notice = (
        "© 2012 Example News Inc. All rights reserved. This material may not be published, broadcast, "
        "rewritten or redistributed without the written permission of the publisher."
    )
    blocks = extract_blocks("\n".join(["Home", *post, notice, "Contact"]), input_type="text").blocks
    assert [b.label for b in blocks[1:5]] == ["body"] * 4
    assert blocks[5].label == "chrome"
    assert str(blocks[5].reasons[0]) == reason
    # A page that is its legal text: the notice is most of the body, and stays.
    blocks = extract_blocks("\n".join(["Home", post[0], notice, "Contact"]), input_type="text").blocks
    assert all(str(r) != reason for b in blocks for r in b.reasons)


def test_text_long_copyright_notice_far_below_the_content_is_chrome() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: the footer's long copyright notice far below the content, with its lines"
    assert SMOOTH_REASONS[91] == reason
    # A short story, a rail of other headlines, then the site's legal paragraph: longer than half
    # the story, so neither drop_far_tail nor the last-line rule takes it.
    post = [f"{PROSE} Part {i}." for i in range(2)]
    rail = [f"Other headline number {i}" for i in range(18)]
    notice = (
        "Example.com is the official web site of the Example League. Example, the Example Shield and the word "
        "mark are registered trademarks of the Example League. " + PROSE + " © 2012 Example League. All rights reserved."
    )
    lines = ["Home", *post, *rail, notice, "Contact"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    label = {b.text: b for b in blocks}
    assert all(label[p].label == "body" for p in post)
    assert label[notice].label == "chrome" and str(label[notice].reasons[0]) == reason
    # Right under the story (no gap), the same notice is left to its score.
    blocks = extract_blocks("\n".join(["Home", *post, notice, *rail, "Contact"]), input_type="text").blocks
    assert all(str(r) != reason for b in blocks for r in b.reasons)


def test_text_author_bio_under_a_chrome_heading_is_chrome() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: an author's bio under its box's heading below the content (text)"
    assert SMOOTH_REASONS[92] == reason
    post = [f"{PROSE} Part {i}." for i in range(3)]
    bio = (
        "Jane Doe is a freelance writer who covers science and health for several magazines. She lives in "
        "a small town by the sea with two cats and far too many books, and she writes every morning."
    )
    # The heading and the writer's name stay chrome in a dump; only the bio passes as prose.
    lines = ["Home", "News", *post, "About the author", "Jane", "Jane", bio, "Comments", "Contact"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    label = {b.text: b for b in blocks}
    assert all(label[p].label == "body" for p in post)
    assert label[bio].label == "chrome" and str(label[bio].reasons[0]) == reason
    # Without the heading, or with the bio as the page's whole text, it stays.
    for page in (["Home", "News", *post, "Jane", bio, "Comments"], ["Home", "About the author", "Jane", bio, "Contact"]):
        blocks = extract_blocks("\n".join(page), input_type="text").blocks
        assert all(str(r) != reason for b in blocks for r in b.reasons)


def test_text_copy_of_a_passage_of_body_lines_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A thread's dump: the first post, then a reply that shows the post it answers above its own
    # text (a collapsed preview of the parent), as a dump keeps every copy of it.
    post = [
        f"{PROSE} The old north pier was in the plan as well.",
        f"{PROSE} Nobody said how the work would be paid for.",
        f"{PROSE} Has anybody here seen the drawings yet, and do they show the new lights?",
    ]
    reply = [
        "I saw the drawings at the library last week and the lights are there along the whole quay wall.",
        "They also show a new ramp for the boats, which the sailing club has asked for over many years.",
    ]
    lines = ["Home", "Forum", "Harbour plan", *post, "alice", "Reply", "bob", *post, *reply, "Reply", "Contact"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks[3:6]] == ["body"] * 3
    assert [b.label for b in blocks[9:12]] == ["chrome"] * 3
    assert str(blocks[9].reasons[0]) == "smoothed: a copy of a passage of body lines above"
    assert [b.label for b in blocks[12:14]] == ["body"] * 2
    # One paragraph said twice, or a passage of short lines, is left to its score.
    lines = ["Home", "Forum", "Harbour plan", *post, "alice", "Reply", "bob", post[0], *reply, "Reply", "Contact"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert blocks[9].label == "body"


def test_text_markdown_copy_of_a_passage_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # An article that offers itself as Markdown ("Copy as Markdown"): the dump prints the hidden
    # copy with its markup and its links' addresses, the same words as the text above; a line
    # without markup is the same line twice.
    article = [
        f"{PROSE} The old north pier was in the plan as well.",
        f"{PROSE} Nobody said how the work would be paid for.",
        "What the plan says",
        f"{PROSE} The council will vote on the plan in the spring.",
        f"{PROSE} The sailing club has asked for a new ramp.",
        f"{PROSE} The lights along the quay wall will be replaced.",
    ]
    copy = [
        article[0],
        f"{PROSE} Nobody said how the [work](https://example.org/plan?ref=md) would be **paid** for.",
        "## What the plan says",
        article[3],
        f"> {PROSE} The sailing club has asked for a _new_ ramp.",
        article[5],
    ]
    lines = ["Home", "News", "Harbour plan", "Copy as Markdown", *article, *copy, "Share", "Contact"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks[4:10]] == ["body"] * 6
    assert [b.label for b in blocks[10:16]] == ["chrome"] * 6
    assert all(str(b.reasons[0]) == "smoothed: a copy of a passage of body lines above" for b in blocks[10:16])


def test_text_listing_beside_a_cookie_notice_is_body() -> None:
    from boilerstrip import extract_blocks

    # A shop's dump whose only paragraphs are its cookie notice: the notice goes before the
    # listing is weighed against the body, so its two paragraphs are no article beside the items.
    names = [f"{a} {b}" for a in ("Harbour", "Quay", "Pier", "Lantern", "Kite") for b in ("Lamp", "Rope", "Bell", "Flag")]
    items = [line for k, name in enumerate(names) for line in (f"{name} Deluxe", f"${k + 5}.00", f"{k * 7 + 3} reviews")]
    notice = [
        "We use cookies to improve your experience on our website, to show you offers that match your interests and to measure our traffic.",
        "You can change your cookie settings at any time on the privacy page of our website, and you may reject all cookies except the necessary ones.",
    ]
    menu = ["Home", "Shop", "Lamps", "Ropes", "Contact"]
    lines = [*notice, "Accept all", *menu, "Lamps and ropes", *items, "Privacy", "Terms"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    kept = [b for b in blocks if b.text in items[:-1]]
    assert [b.label for b in kept] == ["body"] * len(kept)
    assert all(b.label == "chrome" for b in blocks if b.text in notice)


# A service page's cards: a heading of a few words over one sentence each, ending in "!".
_SERVICE_CARDS = (
    "Custom dashboards", "See every figure of the harbour budget on one page that updates itself each day!",
    "Trend analysis", "Find the patterns in the ferry traffic so that the timetable can follow the season!",
    "Clear reports", "Receive a short report every month with the numbers that matter to the council!",
    "Open data", "Download the tables behind every chart and use them in your own work as you wish!",
)


def test_text_headings_each_over_a_sentence_beside_the_region_are_body() -> None:
    from boilerstrip import extract_blocks

    # A service page's grid of cards after its introduction: a heading of a few words and one
    # sentence each, none of which passes alone nor makes a region. Its pitches end in "!", which
    # keep_text_sections (full stops only) leaves to this step.
    cards = list(_SERVICE_CARDS)
    menu = ["Home", "Services", "About", "Contact"]
    intro = [f"{PROSE} Part {i}." for i in range(3)]
    footer = ["Privacy", "Terms"]
    blocks = extract_blocks("\n".join([*menu, *intro, *cards, *footer]), input_type="text").blocks
    kept = [b for b in blocks if b.text in cards]
    assert [b.label for b in kept] == ["body"] * len(cards)
    assert "smoothed: a heading and its sentence in a run of such pairs" in {str(b.reasons[0]) for b in kept}
    assert all(b.label == "chrome" for b in blocks if b.text in menu + footer)
    # Far below the content (a footer's own cards after a long menu), they are left to their score.
    far = [f"Link {i}" for i in range(12)]
    blocks = extract_blocks("\n".join([*menu, *intro, *far, *cards, *footer]), input_type="text").blocks
    assert all(b.label == "chrome" for b in blocks if b.text in cards[0::2])


def test_text_headings_over_terse_sentences_beside_the_region_are_body() -> None:
    from boilerstrip import extract_blocks

    # A product's feature cards in a shop's telegraphic copy: a heading over one sentence with
    # hardly a function word ("Waffle-inspired rubber outsole provides traction and flexibility.").
    cards = [
        "Responsive ride", "Springy foam midsole plus snappy cushioning units return energy every stride.",
        "Waffle traction", "Signature waffle-inspired rubber outsole provides grip and flexibility.",
        "Plush padding", "Plush collar, tongue and sockliner deliver secure, comfortable fit.",
    ]
    menu = ["Home", "Shoes", "Running", "Sale"]
    intro = [f"{PROSE} Part {i}." for i in range(2)]
    footer = ["Privacy", "Terms"]
    blocks = extract_blocks("\n".join([*menu, *intro, *cards, *footer]), input_type="text").blocks
    kept = [b for b in blocks if b.text in cards]
    assert [b.label for b in kept] == ["body"] * len(cards)
    assert "smoothed: a heading and its sentence in a run of such pairs" in {str(b.reasons[0]) for b in kept}
    assert all(b.label == "chrome" for b in blocks if b.text in menu + footer)


def test_text_pairs_above_a_closing_faq_are_body() -> None:
    from boilerstrip import extract_blocks

    # A service page whose FAQ at the end (questions over long answers) takes the main region:
    # its cards of a heading and one sentence, far above the FAQ, are its pitch all the same.
    cards = list(_SERVICE_CARDS)
    menu = ["Home", "Services", "About", "Contact"]
    middle = ["Our clients", "Harbour board", "Ferry company", "Town council", "Port authority", "Get started"]
    faq = []
    for k, q in enumerate(("How long does it take?", "What does it cost?", "Can we keep our data?", "Who answers calls?")):
        faq += [q, f"{PROSE} Answer {k}."]
    footer = ["Privacy", "Terms"]
    blocks = extract_blocks("\n".join([*menu, *cards, *middle, *faq, *footer]), input_type="text").blocks
    kept = [b for b in blocks if b.text in cards]
    assert [b.label for b in kept] == ["body"] * len(cards)
    assert str(kept[0].reasons[0]) == "smoothed: a heading and its sentence in a run of such pairs above the closing FAQ"
    assert all(b.label == "chrome" for b in blocks if b.text in menu + footer)
    # Above an article's region (paragraphs, no questions), the cards are left to their score.
    article = [f"{PROSE} Part {k}." for k in range(4)]
    blocks = extract_blocks("\n".join([*menu, *cards, *middle, *article, *footer]), input_type="text").blocks
    assert all(b.label == "chrome" for b in blocks if b.text in cards[0::2])


def test_text_lead_above_the_byline_is_body() -> None:
    from boilerstrip import extract_blocks

    # A news story's dump: the standfirst stands above the byline, the date, a photo credit and
    # the share links, too far from the article for the lead's reach, alone among chrome.
    lead = (
        "The harbour board has voted to close the old ferry pier for the whole winter, and the town "
        "council says that the repairs to the sea wall will now start in the first week of March."
    )
    menu = ["Home", "News", "Sport", "Weather", "Contact"]
    byline = ["By Anna Berg", "Photo: Harbour board", "Share", "Tweet", "Email", "Print", "Comments"]
    article = [f"{PROSE} Part {i}." for i in range(8)]
    footer = ["Privacy", "Terms"]
    blocks = extract_blocks("\n".join([*menu, "Ferry pier to close", lead, *byline, *article, *footer]), input_type="text").blocks
    kept = next(b for b in blocks if b.text == lead)
    assert kept.label == "body"
    assert str(kept.reasons[0]) == "smoothed: the paragraph right above the article, past its byline"
    assert all(b.label == "chrome" for b in blocks if b.text in menu + byline + footer)
    # With a headline of another story between (a rail above the article), it stays out.
    other = "Council approves the new budget for the town's schools and its two libraries"
    blocks = extract_blocks("\n".join([*menu, lead, other, *byline, *article, *footer]), input_type="text").blocks
    assert next(b for b in blocks if b.text == lead).label == "chrome"


def test_text_list_after_a_later_lead_in_is_body() -> None:
    from boilerstrip.api import _run
    from boilerstrip.options import Options
    from boilerstrip.smooth import keep_text_inner_lists

    # A guide whose lead-in comes in late (a step after keep_text_lists made it body): its list,
    # ended by the next paragraph, joins; a list that runs to the page's end stays out.
    lead = "The harbour plan has three parts that the council will vote on in turn:"
    items = ["New pier lights", "Wider ferry ramp", "Repaired sea wall"]
    page = "\n".join(["Home", "News", PROSE, PROSE.replace("council", "board"), lead, *items, PROSE.replace("year", "month"), "Privacy", "Terms"])
    r = _run(page, Options(input_type="text"))
    texts = r.seg.texts
    body, why = r.body.copy(), r.smoothed.copy()
    body[[texts.index(t) for t in items]] = False
    why[[texts.index(t) for t in items]] = 0
    keep_text_inner_lists(r.seg, r.feats, body, why)
    assert [bool(body[texts.index(t)]) for t in items] == [True] * 3
    assert {int(why[texts.index(t)]) for t in items} == {54}
    # At the end of the content (the next lines are the footer), the list is left alone.
    body[-2:] = False
    body[[texts.index(t) for t in items]] = False
    body[texts.index(PROSE.replace("year", "month"))] = False
    keep_text_inner_lists(r.seg, r.feats, body, why)
    assert not any(body[texts.index(t)] for t in items)


def test_text_sections_of_short_sentences_beside_the_region_are_body() -> None:
    from boilerstrip import extract_blocks

    # A landing page: sections of a heading and one short sentence above a closing paragraph of
    # long lines (the region). With three sections or more they join with the headings between
    # them; with two they stay out.
    sections = [
        ("Fast setup", "Our team moves your old files over to the new system in a day."),
        ("Fair pricing", "You pay one flat fee each month with no hidden costs at all."),
        ("Real support", "A person answers the phone when you call us in the morning."),
        ("Safe storage", "Every file is kept in two places so that nothing is ever lost."),
    ]

    def page(k: int) -> str:
        lines = ["Home", "Services", "Pricing", "Contact"]
        for head, line in sections[:k]:
            lines += [head, line]
        return "\n".join([*lines, "About us", PROSE, PROSE.replace("council", "board"), "Privacy", "Terms"])

    blocks = extract_blocks(page(4), input_type="text").blocks
    kept = {b.text: b for b in blocks if b.label == "body"}
    assert all(line in kept for _, line in sections)
    assert "Fair pricing" in kept and "Home" not in kept and "Privacy" not in kept
    assert str(kept[sections[0][1]].reasons[0]) == "smoothed: a section of short sentences beside the content"
    # With two sections the step leaves them (keep_text_pairs may still take them, with "About us"
    # over the closing paragraph as a third heading and sentence).
    blocks = extract_blocks(page(2), input_type="text").blocks
    section = "smoothed: a section of short sentences beside the content"
    assert not any(section in map(str, b.reasons) for b in blocks)


def test_text_lines_below_the_copyright_line_are_chrome() -> None:
    from boilerstrip import extract_blocks

    # A cookie dialog's settings dumped after the footer: long lines of prose, a region of their
    # own, below the copyright line. An image credit without a year ends nothing.
    notice = [
        "The technical storage or access is strictly necessary for the legitimate purpose of enabling "
        f"the use of a specific service explicitly requested by the subscriber or user, part {i}."
        for i in range(4)
    ]

    def page(mark: str) -> str:
        return "\n".join(["Home", "News", *[f"{PROSE} Part {i}." for i in range(8)], "About", "Contact", "Jobs",
                          "Press", "Terms", "Privacy", "Help", "Sitemap", "Careers", "Stores", mark, "Manage consent", *notice, "Accept", "Deny"])

    blocks = extract_blocks(page("© 2024 Example Inc. All rights reserved."), input_type="text").blocks
    kept = [b for b in blocks if b.text in notice]
    assert [b.label for b in kept] == ["chrome"] * 4
    assert str(kept[0].reasons[0]) == "smoothed: below the footer's copyright line"
    blocks = extract_blocks(page("Image copyright Example Images"), input_type="text").blocks
    assert [b.label for b in blocks if b.text in notice] == ["body"] * 4
    # A dialog that names cookies goes even when it holds more words than the page above it.
    short = "\n".join(["Home", PROSE, "About", "Contact", "Jobs", "Press", "Terms", "Privacy", "Help",
                       "Sitemap", "Careers", "Stores", "© 2024 Example Inc.", "Manage consent",
                       "This website uses cookies to give you the best experience of the site.", *notice])
    blocks = extract_blocks(short, input_type="text").blocks
    assert [b.label for b in blocks if b.text in notice] == ["chrome"] * 4


def test_the_comment_form_ends_the_body() -> None:
    from boilerstrip import Options, extract_blocks

    def page(form: str, after: str = "") -> str:
        return ("<html><body><div id='main'><h2>A short video post</h2>"
                "<p>Wonderful animated video for the band, made by a friend of ours in the city.</p>"
                f"<p>{form}</p>{after}"
                f"<div class='widget'><p>{PROSE} You can also follow this blog on the usual sites.</p></div>"
                "<p>If you find anything interesting here and share it, please link back to this blog.</p>"
                "</div></body></html>")

    # A post of one sentence, then the form's heading or an empty thread's: the sidebar's
    # and footer's blurbs after it are no part of the post.
    for form in ("Leave a comment", "No comments yet.", "Schreibe einen Kommentar", "Post a Comment"):
        blocks = extract_blocks(page(form)).blocks
        assert [b.label for b in blocks] == ["body", "body", "chrome", "chrome", "chrome"], form
        assert blocks[2].reasons[0].code == SMOOTH_REASONS[28]
        # Comments wanted: the step stays out.
        kept = extract_blocks(page(form), options=Options(include_comments=True)).blocks
        assert kept[-1].label == "body", form
    # The template may mark the form as the thread's (chrome already): it ends the body too.
    blocks = extract_blocks(page("</p><div id='respond'><h3>Leave a Reply</h3></div><p>")).blocks
    assert blocks[-1].label == "chrome" and blocks[-1].reasons[0].code == SMOOTH_REASONS[28]
    # A Q&A page's "Add a comment" under every post ends nothing.
    posts = "".join(f"<div class='post'><p>{PROSE} Answer {i}.</p><p>Add a comment</p><p>Share</p><p>Edit</p>"
                    f"<p>Follow</p><p>answered Jan {i + 3}, 2024</p></div>" for i in range(3))
    blocks = extract_blocks(f"<html><body><div id='main'><h1>A question</h1>{posts}</div></body></html>").blocks
    assert all(b.label == "body" for b in blocks if "Answer" in b.text)
    # A button "Add Comment" with the article going on below it ends nothing.
    blocks = extract_blocks(page("Add Comment", f"<p>{PROSE} And the story goes on.</p>")).blocks
    assert all(b.label == "body" for b in blocks)
    # No sentence of a post above it: the form opens the page, and nothing is dropped.
    blocks = extract_blocks(page("Leave a comment").replace("<p>Wonderful animated video for the band, made by a friend of ours in the city.</p>", "")).blocks
    assert blocks[-1].label == "body"


def test_the_linked_term_of_a_body_definition_is_body() -> None:
    from boilerstrip import extract_blocks

    # A reference page lists an interface's members as linked <dt> names over <dd> definitions:
    # each name is a short line of link text, taken for a menu entry, while its definition passes.
    members = [("WebSocket.binaryType", "The binary data type that the connection uses for the messages it sends."),
               ("WebSocket.protocol", "The name of the sub-protocol that the server selected for this connection."),
               ("WebSocket.url", "The absolute address of the server that the connection was opened with.")]

    def page(dl: str) -> str:
        return (f"<html><body><nav><a href='/a'>Guides</a> <a href='/b'>Reference</a></nav><main>"
                f"<h1>WebSocket</h1><p>{PROSE}</p><p>{PROSE}</p>{dl}</main>"
                "<footer><p>© 2024 Example Inc.</p></footer></body></html>")

    pairs = "".join(f"<dt><a href='/{k}'><code>{k}</code></a></dt><dd><p>{v}</p></dd>" for k, v in members)
    blocks = extract_blocks(page(f"<dl>{pairs}</dl>")).blocks
    names = [b for b in blocks if b.text in {k for k, _ in members}]
    assert len(names) == 3 and all(b.label == "body" for b in names)
    assert {str(b.reasons[0]) for b in names} == {"smoothed: the term of a definition that is body"}
    # A lone pair (a post's "Status" / "Closed for replies.") is a meta line, no list of definitions.
    k, v = members[0]
    blocks = extract_blocks(page(f"<dl><dt><a href='/{k}'>{k}</a></dt><dd><p>{v}</p></dd></dl>")).blocks
    assert not any("definition" in str(r) for b in blocks for r in b.reasons)


def test_a_name_value_list_in_the_content_is_body() -> None:
    from boilerstrip import extract_blocks

    # A product's specifications as the terms and values of a <dl>: each line too short to pass.
    specs = [("Frame Material", "Manufactured Wood"), ("Seat Material", "Upholstered"),
             ("Upholstery Material", "Vinyl"), ("Swivel", "Yes"), ("Weight Capacity", "275 lb.")]

    def page(dl: str) -> str:
        return (f"<html><body><nav><a href='/a'>Chairs</a> <a href='/b'>Desks</a></nav><main>"
                f"<h1>Vinyl Executive Chair</h1><p>{PROSE}</p><p>{PROSE}</p><h2>Details</h2>{dl}</main>"
                "<footer><p>© 2024 Example Inc.</p></footer></body></html>")

    pairs = "".join(f"<dt><div>{k}</div></dt><dd>{v}</dd>" for k, v in specs)
    blocks = extract_blocks(page(f"<dl class='specs'>{pairs}</dl>")).blocks
    lines = {t for pair in specs for t in pair}
    kept = [b for b in blocks if b.text in lines]
    assert len(kept) == 10 and all(b.label == "body" for b in kept)
    assert "smoothed: a name-value list in the content" in {str(b.reasons[0]) for b in kept}
    # A post profile is one name over many values: no such list.
    profile = "<dl><dt>Member</dt>" + "".join(f"<dd>{v}</dd>" for _, v in specs) + "</dl>"
    blocks = extract_blocks(page(profile)).blocks
    assert not any("name-value" in str(r) for b in blocks for r in b.reasons)


def test_customer_reviews_on_a_product_page_are_chrome() -> None:
    from boilerstrip import extract_blocks

    reviews = [
        "I bought this lamp for my study and it gives a warm, even light that is easy on the eyes at night.",
        "The walnut base is heavier than it looks and the linen shade softens the bulb nicely, very happy.",
        "Arrived well packed and quickly, my second one already because my partner took the first one away.",
    ]

    def page(head: str, wrap: str = "div") -> str:
        widget = "".join(f"<div class='review-item'><p>Rated 5 out of 5</p><p>{t}</p></div>" for t in reviews)
        return (f"<html><head>{head}</head><body><{wrap}><h1>Walnut desk lamp</h1><p>{PROSE}</p><p>{PROSE}</p>"
                f"<p>{PROSE}</p><div class='product-reviews'><h2>Customer Reviews</h2>{widget}</div></{wrap}></body></html>")

    declared = "<script type='application/ld+json'>{\"@type\": \"Product\", \"name\": \"Walnut desk lamp\"}</script>"
    blocks = extract_blocks(page(declared)).blocks
    kept = [b for b in blocks if b.text in reviews]
    assert [b.label for b in kept] == ["chrome"] * 3
    assert str(kept[0].reasons[0]) == "smoothed: a customer's review of the product"
    # Without the declaration, or inside an <article> (a guide's staff reviews), they are left to the score.
    assert [b.label for b in extract_blocks(page("")).blocks if b.text in reviews] == ["body"] * 3
    assert [b.label for b in extract_blocks(page(declared, "article")).blocks if b.text in reviews] == ["body"] * 3


def test_box_of_other_products_under_its_heading_is_chrome() -> None:
    from boilerstrip import extract_blocks

    cards = [
        "Red kettle with a wooden handle and a whistle that sings when the water boils on the stove.",
        "Green kettle of thick glass with a steel filter for loose tea leaves and a lid that locks.",
    ]

    def page(heading: str, head: str = "", facts: int = 2) -> str:
        box = "".join(f"<div class='card'><p>{t}</p><p>$35.00</p></div>" for t in cards)
        lead = "<p>Our blue kettle of enamelled steel boils a litre of water in three minutes and keeps it warm.</p>"
        return (f"<html><head>{head}</head><body><main><h1>Blue kettle</h1>{lead}" + f"<p>{PROSE}</p>" * facts
                + f"<p>$40.00</p><div class='carousel'><div><h2>{heading}</h2></div>{box}</div></main></body></html>")

    def labels(html: str) -> list[str]:
        return [b.label for b in extract_blocks(html).blocks if b.text in cards]

    blocks = extract_blocks(page("You may also like")).blocks
    box = [b for b in blocks if b.text in cards or b.text == "You may also like"]
    assert [b.label for b in box] == ["chrome"] * 3
    assert str(box[1].reasons[0]) == "smoothed: a box of other products under its heading"
    assert [b.label for b in blocks if b.text == PROSE] == ["body"] * 2
    assert labels(page("Ähnliche Produkte")) == ["chrome"] * 2
    # Another heading, or such words in a sentence, opens no box; nor does a tab's label.
    assert labels(page("From the same workshop")) == ["body"] * 2
    assert labels(page("Customers also bought this kettle for their camping trips last summer")) == ["body"] * 2
    assert labels(page("You may also like").replace("<div><h2>You may also like</h2></div>", "<ul><li>You may also like</li></ul>")) == ["body"] * 2
    # A box that holds half the body stays, unless the page declares a product.
    assert labels(page("Similar items", facts=0)) == ["body"] * 2
    declared = "<script type='application/ld+json'>{\"@type\": \"Product\", \"name\": \"Blue kettle\"}</script>"
    assert labels(page("Similar items", declared, facts=0)) == ["chrome"] * 2


def test_declares_product() -> None:
    from boilerstrip.parse.segment import declares_product

    def declared(head: str) -> bool:
        return declares_product(segment_html(f"<html><head>{head}</head><body><p>Lamp</p></body></html>", max_depth=64, max_blocks=100))

    assert declared("<script type='application/ld+json'>{\"@type\":[\"Thing\",\"Product\"]}</script>")
    assert declared("<meta content='product.group' property='og:type'>")
    assert declares_product(segment_html("<div itemscope itemtype='https://schema.org/Product'><p>Lamp</p></div>", max_depth=64, max_blocks=100))
    assert not declared("<meta property='og:type' content='article'>")
    assert not declared("<script type='application/ld+json'>{\"@type\": \"ProductModel\"}</script>")
    assert not declares_product(segment_html("<p>Our Product pages use schema.org Product markup.</p>", max_depth=64, max_blocks=100))


def test_text_flattened_table_in_the_main_region_is_body() -> None:
    from boilerstrip import extract_blocks

    # A data table flattened into one line a cell (a state, its score) between an article's
    # parts: longer than any gap keep_text_gaps takes, and each cell too short to pass alone.
    states = ["Connecticut", "New Jersey", "Massachusetts", "Rhode Island", "New Hampshire", "Wisconsin",
              "California", "Virginia", "Maryland", "New York", "Illinois", "Maine", "Michigan", "Ohio"]

    def page(run: list[str]) -> list[str]:
        lines = ["Home", "News", "About"]
        for part in range(4):
            lines += [f"{PROSE} Part {part}.{i}." for i in range(3)]
            if part < 3:
                lines += ["Data: the scores of the states", *run]
        return [*lines, "Contact", "Privacy"]

    table = ["State", "Score", *[x for j, s in enumerate(states) for x in (s, f"{90 - j}.{j}")]]
    blocks = extract_blocks("\n".join(page(table)), input_type="text").blocks
    first = blocks[6 : 6 + 1 + len(table)]
    assert [b.label for b in first] == ["body"] * len(first)
    assert str(first[10].reasons[0]) == "smoothed: a flattened table between body lines of the main region"
    # A chart's axis (one shape of number line after line) or a filter's links with their counts
    # in brackets are no table: they stay out.
    for run in ([str(100 - 3 * j) for j in range(30)], [f"{s} ({40 + j})" for j, s in enumerate(states * 2)]):
        blocks = extract_blocks("\n".join(page(run)), input_type="text").blocks
        assert [b.label for b in blocks[7 : 7 + len(run)]] == ["chrome"] * len(run)


def test_text_records_of_a_name_a_description_and_a_link_are_body() -> None:
    from boilerstrip import extract_blocks

    # A directory under the article's paragraphs: a name, a line that describes it (no full stop)
    # and its address, per entry. None of the three passes alone, nor as a heading-and-sentence pair.
    entries = [
        ("Harbour Trust", "Grants for the families who repair the boats of the old harbour", "https://harbour.example.org/"),
        ("North Quay Guild", "Classes in sewing and weaving for adults of every age in the town", "https://quay.example.org/"),
        ("Mill Friends", "Volunteers who keep the old mill and its garden open to visitors", "https://mill.example.org/"),
        ("Bridge Club", "Evening lessons and tournaments for new players and their friends", "https://bridge.example.org/"),
    ]

    def page(last: list[str]) -> list[str]:
        rows = [x for (name, text, _), end in zip(entries, last, strict=True) for x in (name, text, end)]
        return ["Home", "News", *[f"{PROSE} Part {i}." for i in range(4)], *rows, "Contact", "Privacy"]

    lines = page([e[2] for e in entries])
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks[6:18]] == ["body"] * 12
    assert str(blocks[7].reasons[0]) == "smoothed: a record of a name, its description and a link beside the content"
    # The same link under every entry ("Learn more") is a rail of teasers' button: they stay out.
    blocks = extract_blocks("\n".join(page(["Learn more"] * 4)), input_type="text").blocks
    assert [b.label for b in blocks[6:18]] == ["chrome"] * 12


def test_text_label_value_lines_beside_the_region_are_body() -> None:
    from boilerstrip import extract_blocks

    # A product's specifications under its description: short "label: value" lines, none of which
    # passes alone (no function words, a few words each) nor makes a region.
    specs = ["Body: Alder", "Neck: Maple", "Fingerboard radius: 241 mm", "Scale: 648 mm", "Frets: 22 medium jumbo"]

    def page(lines: list[str]) -> list[str]:
        return ["Home", "Shop", *[f"{PROSE} Part {i}." for i in range(3)], *lines, "Contact", "Privacy"]

    blocks = extract_blocks("\n".join(page(specs)), input_type="text").blocks
    kept = [b for b in blocks if b.text in specs]
    assert [b.label for b in kept] == ["body"] * len(specs)
    assert "smoothed: a run of label: value lines beside the content" in {str(b.reasons[0]) for b in kept}
    # One label over every line (a forum's "Posts: 116" under each poster, "Ad: slot") is no table.
    same = [f"Posts: {n}" for n in (116, 23, 7, 10525, 421)]
    blocks = extract_blocks("\n".join(page(same)), input_type="text").blocks
    assert all(b.label == "chrome" for b in blocks if b.text in same)


def test_text_product_lines_below_a_priced_description_are_body() -> None:
    from boilerstrip import extract_blocks

    # A product page's dump: the name and the price right above the description, the product's
    # features right below it, short lines none of which passes alone.
    features = ["Colors from plants and spices", "Tested for heavy metals and pesticides", "Safe for pets and kids",
                "Four packets: red, yellow, orange and blue", "Made in small batches in Ohio"]
    desc = ["Our cleaned-up color powders come from plants and spices, and they bake true in every recipe you try.",
            "Safe for use in treats, bath bombs and homemade cosmetics, our natural hues are bright and easy to mix."]

    def page(price: str, lines: list[str]) -> list[str]:
        return ["Shop", "About", "Cart 0", "Plant Food Colors", price, *desc, *lines, "Contact", "Jobs"]

    reason = "smoothed: a product's short line below its priced description (text)"
    blocks = extract_blocks("\n".join(page("$9.99", features)), input_type="text").blocks
    kept = [b for b in blocks if b.text in features]
    assert [b.label for b in kept] == ["body"] * len(features)
    assert {str(b.reasons[0]) for b in kept} == {reason}
    # Without a price above the description the page is no product's: the lines are left alone.
    blocks = extract_blocks("\n".join(page("In stock", features)), input_type="text").blocks
    assert all(b.label == "chrome" for b in blocks if b.text in features)
    # A menu of one- and two-word entries below the description stays out.
    menu = ["Gift Cards", "Wholesale", "Our Story", "Recipes", "Press Kit"]
    blocks = extract_blocks("\n".join(page("$9.99", menu)), input_type="text").blocks
    assert all(b.label == "chrome" for b in blocks if b.text in menu)


def test_calls_to_action_beside_an_article_are_chrome() -> None:
    from boilerstrip import extract_blocks

    pitch = [
        "Ready to grow your practice? Book a free demo with our team and see how it works for you today.",
        "Join thousands of advisors who use our platform to find new clients every single month of the year.",
    ]

    def page(head: str, name: str = "blog-cta", before: str = "") -> str:
        box = "".join(f"<p>{t}</p>" for t in pitch)
        text = f"<p>{PROSE}</p>" * 3
        return (f"<html><head>{head}</head><body><main class='{before}'><h1>How to plan a garden</h1>{text}"
                f"<div class='{name}'>{box}<a href='/demo'>Book a demo</a></div>"
                f"<p>{PROSE} Again.</p></main></body></html>")

    declared = "<meta property='og:type' content='article'>"
    kept = [b for b in extract_blocks(page(declared)).blocks if b.text in pitch]
    assert [b.label for b in kept] == ["chrome"] * 2
    assert str(kept[0].reasons[0]) == "smoothed: a call to action beside an article"
    # The word in camel case, and after a class name whose letters lowering lengthens ("İ").
    for name, before in (("blogCallToAction", ""), ("box cta", "İzmir-guide"), ("pitchCta", "İzmir"), ("İzmir-cta", ""), ("İ callToAction", "")):
        assert [b.label for b in extract_blocks(page(declared, name, before)).blocks if b.text in pitch] == ["chrome"] * 2
    # A class attribute that holds a line break (the joined class text then has more of them than
    # elements): the element of the match is found by the classes' lengths instead.
    for name, before in (("blog-cta", "wide\nmain"), ("blog-cta\nbox", ""), ("box\ncta", "a\nb")):
        assert [b.label for b in extract_blocks(page(declared, name, before)).blocks if b.text in pitch] == ["chrome"] * 2
    # "nectar" holds the letters, not the word; "factual" neither.
    for name in ("factual-box", "nectar-box"):
        assert [b.label for b in extract_blocks(page(declared, name)).blocks if b.text in pitch] == ["body"] * 2
    # A page that declares no article (a landing page, whose sections all call to action) keeps them.
    assert [b.label for b in extract_blocks(page("")).blocks if b.text in pitch] == ["body"] * 2


def test_price_mask_matches_the_currency_pattern_over_the_page() -> None:
    import bisect
    import re

    from boilerstrip import smooth
    from boilerstrip.features import priced_lines

    # _price_mask finds the texts that hold a currency's code before it matches the pattern in
    # them: the lines are those of the pattern's matches over the joined page (its reference here).
    def reference(texts: list[str], f: object) -> np.ndarray:
        priced = np.zeros(len(texts), dtype=bool)
        page = "\0".join(texts)
        coded = [m.start() for m in smooth._PRICE_CODE.finditer(page)]
        if not coded and not any(sign in page for sign in smooth._PRICE_SIGNS):
            return priced
        starts = [0, *np.cumsum(f.n_chars + 1.0).astype(np.int64).tolist()]  # type: ignore[attr-defined]
        signed = priced_lines(texts, page, starts)
        signed += [bisect.bisect_right(starts, at) - 1 for at in coded]
        priced[signed] = f.n_words[signed] <= smooth._PRICE_WORDS  # type: ignore[attr-defined]
        return priced

    lines = ["EUR 23.06", "RRP:EUR 34.60", "49 CHF", "USDKK 5", "5 USDX", "XEUR 5", "EUR", "12 CAD and 30 EUR",
             "Price: $9.99", "AUD", "costs 7 SEK.", "NOKIA 3310", "from 9 PLN\u00a0", "JPY 500 or about 3 USD"]
    for k in range(len(lines)):
        texts = ["Shop", *lines[k:], "A sentence with no price in it at all.", *lines[:k]]
        seg = segment_text("\n".join(texts), max_blocks=1000)
        f = compute_features(seg, "text")
        assert smooth._price_mask(seg.texts, f).tolist() == reference(seg.texts, f).tolist()
    seg = segment_text("Shop\nNo code, no sign.\nAUDIT report 2021", max_blocks=1000)
    f = compute_features(seg, "text")
    assert not smooth._price_mask(seg.texts, f).any()
    assert re.fullmatch(smooth._CURRENCY_CODES.pattern, "EUR")


def test_declares_article() -> None:
    from boilerstrip.parse.segment import declares_article

    def declared(head: str) -> bool:
        return declares_article(segment_html(f"<html><head>{head}</head><body><p>Story</p></body></html>", max_depth=64, max_blocks=100))

    assert declared("<script type='application/ld+json'>{\"@type\":[\"WebPage\",\"NewsArticle\"]}</script>")
    assert declared("<meta content='article' property='og:type'>")
    # Each literal is searched for again after a place where the pattern fails: the second
    # JSON-LD "@type" declares, and a <meta> may hold other attributes between its two.
    assert declared("<script type='application/ld+json'>{\"@type\":\"Organization\"} {\"@type\":\"BlogPosting\"}</script>")
    assert declared(f"<meta property='og:type' data-x='{'y' * 150}' content='article'>")
    assert not declared(f"<meta property='og:type' data-x='{'y' * 250}' content='article'>")
    assert declares_article(segment_html("<div itemscope itemtype='https://schema.org/BlogPosting'><p>Post</p></div>", max_depth=64, max_blocks=100))
    assert not declared("<meta property='og:type' content='product'>")
    assert not declared("<script type='application/ld+json'>{\"@type\": \"ArticleSeries\"}</script>")
    assert not declares_article(segment_html("<p>Our Article pages use schema.org Article markup.</p>", max_depth=64, max_blocks=100))


def test_affiliate_disclosures_are_chrome_in_html_and_in_text() -> None:
    from boilerstrip import extract_blocks

    note = "This post contains affiliate links. If you buy through them, we may earn a small commission at no cost to you."
    html = (f"<html><body><main><h1>The best desk lamps</h1><p>{note}</p><p>{PROSE}</p><p>{PROSE} Again.</p>"
            f"<p>{PROSE} Once more.</p></main></body></html>")
    kept = [b for b in extract_blocks(html).blocks if b.text == note]
    assert [b.label for b in kept] == ["chrome"]
    assert str(kept[0].reasons[0]) == "smoothed: an affiliate disclosure"
    text = f"The best desk lamps\n\n{note}\n\n{PROSE}\n\n{PROSE} Again.\n\n{PROSE} Once more.\n"
    kept = [b for b in extract_blocks(text, input_type="text").blocks if b.text == note]
    assert [b.label for b in kept] == ["chrome"]
    # An article about affiliate marketing speaks of others: its sentences stay.
    about = "Streamers earn a commission when viewers buy games or gear through affiliate links in their videos."
    html = html.replace(note, about)
    assert [b.label for b in extract_blocks(html).blocks if b.text == about] == ["body"]


def test_agreement_notices_are_chrome_in_html_and_in_text() -> None:
    from boilerstrip import extract_blocks

    note = "By clicking \u201cPost Your Answer\u201d, you agree to our terms of service and acknowledge you have read our privacy policy."
    html = (f"<html><body><main><h1>How do I sort a list in place?</h1><p>{PROSE}</p><p>{PROSE} Again.</p>"
            f"<p>{PROSE} Once more.</p><form><p>{note}</p><button>Post Your Answer</button></form></main></body></html>")
    kept = [b for b in extract_blocks(html).blocks if b.text == note]
    assert [b.label for b in kept] == ["chrome"]
    assert str(kept[0].reasons[0]) == "smoothed: a form's notice that binds the reader to the site's terms"
    text = f"How do I sort a list in place?\n\n{PROSE}\n\n{PROSE} Again.\n\n{PROSE} Once more.\n\n{note}\n"
    kept = [b for b in extract_blocks(text, input_type="text").blocks if b.text == note]
    assert [b.label for b in kept] == ["chrome"]
    # A sentence that tells of someone else's agreement, or of terms without binding the reader, stays.
    for other in (
        "By signing the treaty, the two countries agreed to new terms for trade across the border, and you can read them here.",
        "If you agree to speak to the children, the game offers you a number of dialogue options about their terms at school.",
    ):
        assert [b.label for b in extract_blocks(html.replace(note, other)).blocks if b.text == other] == ["body"]


def test_widget_prompts_and_error_messages_are_chrome_in_html_and_in_text() -> None:
    from boilerstrip import extract_blocks

    prompts = ["Log in to set a price alert on this product.", "Unable to add item to List. Please try again."]
    html = (f"<html><body><main><h1>Cast iron skillet</h1><p>{PROSE}</p><div class='alert'><p>{prompts[0]}</p></div>"
            f"<p>{PROSE} Again.</p><p>{prompts[1]}</p><p>{PROSE} Once more.</p></main></body></html>")
    kept = [b for b in extract_blocks(html).blocks if b.text in prompts]
    assert [b.label for b in kept] == ["chrome"] * 2
    assert str(kept[0].reasons[0]) == "smoothed: a widget's prompt to sign in, or its error message"
    text = f"Cast iron skillet\n\n{PROSE}\n\n{prompts[0]}\n\n{PROSE} Again.\n\n{prompts[1]}\n\n{PROSE} Once more.\n"
    assert [b.label for b in extract_blocks(text, input_type="text").blocks if b.text in prompts] == ["chrome"] * 2
    # A forum's folded quote: its button's line alone.
    quote = (f"<html><body><main><h1>Which pan for eggs?</h1><article><p>{PROSE}</p><blockquote><p>{PROSE} Quoted.</p>"
             f"<div class='expand'>Click to expand...</div></blockquote><p>{PROSE} Reply.</p></article></main></body></html>")
    assert [b.label for b in extract_blocks(quote).blocks if b.text == "Click to expand..."] == ["chrome"]
    # A guide's step names the place to sign in to; a story's "try again" follows no failed action.
    for other in ("Log in to your account and open the settings page.", "If the first loaf does not rise, just try again."):
        assert [b.label for b in extract_blocks(html.replace(prompts[0], other)).blocks if b.text == other] == ["body"]


def test_text_sentence_between_body_lines_outside_every_region_is_body() -> None:
    from boilerstrip import extract_blocks

    # A service page's pitch among its cards' short lines, between two parts of the page: the
    # region search leaves it out, standing alone among short lines, and the scorer with it.
    cards = [f"Plan {c}" for c in "ABCDEFGHIJKLMNOP"]
    pitch = "We set up the whole system for you and train your team in the first week."

    later = (
        "The second part of the page tells how the service runs once it is in place, who looks after "
        "the machines and what happens when one of them stops working at night."
    )

    def page(middle: str) -> list[str]:
        first = [f"{PROSE} Part {i}." for i in range(4)]
        second = [f"{later} Step {i}." for i in range(4)]
        return ["Home", "News", *first, *cards[:14], middle, *cards[14:], *cards[:12], *second, "Contact", "Privacy"]

    lines = page(pitch)
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    at = lines.index(pitch)
    assert blocks[at].label == "body"
    assert str(blocks[at].reasons[0]) == "smoothed: a sentence between body lines, outside every region"
    # The card's title right above it comes with it; the other cards stay out.
    assert [b.label for b in blocks[at - 2 : at + 2]] == ["chrome", "body", "body", "chrome"]
    # A headline reads otherwise: most words capitalised, or a question.
    for headline in ("Why Every Small Business Should Move Its Books To The Cloud This Year.", "Will the new harbour plan be ready before the end of the year?"):
        lines = page(headline)
        assert extract_blocks("\n".join(lines), input_type="text").blocks[lines.index(headline)].label == "chrome"


def test_text_long_line_beside_body_lines_is_body() -> None:
    from boilerstrip import extract_blocks

    # A list item of a case study, no full stop, right after a pitch that keep_text_prose took back
    # among a service page's cards: outside every region, and no sentence end for keep_text_prose.
    cards = [f"Plan {c}" for c in "ABCDEFGHIJKLMNOP"]
    pitch = "We set up the whole system for you and train your team in the first week."
    item = "Helped the harbour shop reach twenty thousand visitors in under three months"
    later = (
        "The second part of the page tells how the service runs once it is in place, who looks after "
        "the machines and what happens when one of them stops working at night."
    )

    def page(middle: list[str]) -> list[str]:
        first = [f"{PROSE} Part {i}." for i in range(4)]
        second = [f"{later} Step {i}." for i in range(4)]
        return ["Home", "News", *first, *cards[:14], *middle, *cards[14:], *cards[:12], *second, "Contact", "Privacy"]

    lines = page([pitch, item])
    block = extract_blocks("\n".join(lines), input_type="text").blocks[lines.index(item)]
    assert block.label == "body"
    assert str(block.reasons[0]) == "smoothed: a long line of prose beside body lines"
    # Three lines away from the nearest body line, it is left to its score.
    lines = page([pitch, "Plan X", "Plan Y", item])
    assert extract_blocks("\n".join(lines), input_type="text").blocks[lines.index(item)].label == "chrome"


def test_text_language_menu_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A store's language switcher that a dump joined into one line: thirty names, each in its
    # own script with its English name beside it, long enough to pass for running text.
    menu = (
        "简体中文 (Simplified Chinese) 繁體中文 (Traditional Chinese) 日本語 (Japanese) 한국어 (Korean) "
        "ไทย (Thai) Български (Bulgarian) Čeština (Czech) Dansk (Danish) Deutsch (German) Español (Spanish) "
        "Ελληνικά (Greek) Français (French) Italiano (Italian) Magyar (Hungarian) Nederlands (Dutch) "
        "Norsk (Norwegian) Polski (Polish) Português (Portuguese) Русский (Russian) Suomi (Finnish) "
        "Svenska (Swedish) Türkçe (Turkish) Tiếng Việt (Vietnamese) Українська (Ukrainian) العربية (Arabic)"
    )
    # A Japanese sentence with a brand's Latin name holds three scripts: no menu.
    japanese = "しかもKindle for PCの設定画面からでは、このショートカットキーの設定を変更することができません。"
    article = [f"{PROSE} Part {i}." for i in range(3)]
    text = "\n".join(["Home", "Store", article[0], menu, article[1], japanese, article[2], "Contact"])
    blocks = extract_blocks(text, input_type="text").blocks
    by_text = {b.text: b for b in blocks}
    assert by_text[menu].label == "chrome"
    assert str(by_text[menu].reasons[0]) == "smoothed: a menu of languages"
    assert all(by_text[a].label == "body" for a in article)
    assert by_text[japanese].label == "body"


def test_text_page_without_prose_keeps_its_plain_lines() -> None:
    from boilerstrip import extract, extract_blocks

    # A product page's dump: a menu, the product's name, code, features and price, its buttons, and a
    # cookie notice, the only running text (the region search takes it, the notice step drops it).
    menu = ["Home", "Cameras", "Lenses", "Support", "Sign In"]
    product = [
        "Alpha Mirrorless Camera with 18-45mm Lens",
        "Code AB1X4 Maker 6052C012",
        "24 MP APS-C Sensor",
        "4K Video with Crop",
        "Expected availability: 2-4 Weeks",
        "$679.00",
        "Free Standard Shipping",
    ]
    notice = [
        "We use cookies to improve your browsing experience, enhance site security and show you personalised "
        "advertising. You can accept all cookies or manage your cookie preferences at any time below.",
        "Manage Cookie Preferences",
        "Cookies are small data files that allow a website to collect and store information about your visit, "
        "such as the pages you viewed and the choices you made, so that it can be remembered.",
    ]
    page = "\n".join([*menu, *product, "Compare", "Share", "Compare", "Share", *notice])
    blocks = extract_blocks(page, input_type="text").blocks
    own = [b for b in blocks if b.text in product]
    assert [b.label for b in own] == ["body"] * len(product)
    assert "smoothed: a line of a page with no running text" in {str(r) for b in own for r in b.reasons}
    # One-word lines (a menu's entries), the lines that recur (buttons) and the dropped notice stay out.
    assert all(b.label == "chrome" for b in blocks if b.text in {"Compare", "Share", "Home", "Cameras", *notice})
    text = extract(page, input_type="text")
    assert "Alpha Mirrorless Camera with 18-45mm Lens" in text and "cookies" not in text
    # A page with an article is left to the other steps.
    blocks = extract_blocks("\n".join([*menu, PROSE, *product]), input_type="text").blocks
    assert "smoothed: a line of a page with no running text" not in {str(r) for b in blocks for r in b.reasons}


def test_text_flattened_table_after_the_introduction_is_body() -> None:
    from boilerstrip import extract_blocks

    # A standings page's dump: a menu, an introduction of two sentences, a caption, then the table one
    # cell a line (a header row, then a rank, a name and three numbers a row) and the footer.
    names = ["Ada Lane", "Bo Reyes", "Cy Moss", "Di Park", "Ed Vance", "Flo Hart", "Gus Kim", "Hal Ruiz"]
    rows = [x for j, name in enumerate(names) for x in (str(j + 1), name, str(5040 - 7 * j), str(8 - j), str(20 - j))]
    table = ["Pos.", "Driver", "Points", "Wins", "Top 10", *rows]
    intro = [PROSE, "Bookmark this page and come back after every race to see the standings of the season."]
    menu = ["Home", "News", "Standings", "Calendar", "Drivers"]
    footer = ["About us", "Contact", "Privacy policy"]
    lines = [*menu, *intro, "Final standings of the season after 36 races:", *table, *footer]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    at = len(menu) + len(intro)
    run = blocks[at : at + 1 + len(table)]
    assert [b.label for b in run] == ["body"] * len(run)
    assert "smoothed: a flattened table right after body lines" in {str(r) for b in run for r in b.reasons}
    assert all(b.label == "chrome" for b in blocks if b.text in menu[1:] + footer)
    # A carousel of figures shown twice over, or a widget of names and counts (a period of two), stays out.
    figures = [("30+ million", "app downloads"), ("2+ billion", "tasks completed"), ("160+ countries", "worldwide"),
               ("1+ million", "paying users"), ("50+ awards", "won so far")]
    stats = [x for j, (number, label) in enumerate(figures) for x in (number, label, f"since {2005 + j}")]
    reactions = [x for name in ["Happy", "Sad", "Angry", "Bored", "Shocked", "Moved", "Amused"] for x in (name, "0")]
    for widget in (stats * 2, reactions):
        blocks = extract_blocks("\n".join([*menu, *intro, *widget, *footer]), input_type="text").blocks
        assert all(b.label == "chrome" for b in blocks[len(menu) + len(intro) : len(menu) + len(intro) + len(widget)])


def test_text_flattened_table_reads_a_signed_number_as_a_number() -> None:
    from boilerstrip import extract_blocks

    # A ranking's change column: "16.4", then "-4.9" several rows on. The sign does not change the
    # cell's shape, so the rows go on past the first falling figure to the end of the table.
    names = ["Ada Lane", "Bo Reyes", "Cy Moss", "Di Park", "Ed Vance", "Flo Hart", "Gus Kim", "Hal Ruiz"]
    change = ["16.4", "4.1", "21.0", "11.2", "-4.9", "13.2", "\u22120.2", "+6.6"]
    rows = [x for j, name in enumerate(names) for x in (str(j + 1), name, f"{107764 - 900 * j:,}", change[j])]
    table = ["Rank", "Company", "Premiums", "% Change", *rows]
    intro = [PROSE, "Bookmark this page and come back every year to see how the ranking of the largest firms moved."]
    menu = ["Home", "News", "Rankings", "Calendar", "Firms"]
    footer = ["About us", "Contact", "Privacy policy"]
    lines = [*menu, *intro, "The largest firms by premiums written:", *table, *footer]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    at = len(menu) + len(intro)
    run = blocks[at : at + 1 + len(table)]
    assert [b.label for b in run] == ["body"] * len(run)
    assert all(b.label == "chrome" for b in blocks if b.text in menu[1:] + footer)


def test_cards_between_the_contents_paragraphs_join_the_body() -> None:
    from boilerstrip.api import _run
    from boilerstrip.options import Options

    # A service page sets a row of feature cards (a linked name, a short figure) between its
    # paragraphs. The cards are teaser cards by their form, and the figure alone does not pass.
    text = "Our team builds and runs the systems that move your data safely from one place to the next, and we stay with you after launch."

    def page(after: bool) -> str:
        cards = "".join(
            f"<div class='feature'><h3><a href='/f{i}'>Feature number {i} for your team</a></h3><div>{i + 2} TB daily</div></div>"
            for i in range(4)
        )
        paras = "".join(f"<p>{text} Part {i}.</p>" for i in range(3))
        return (
            "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/services'>Services</a></li></ul></nav>"
            f"<main><h1>Data engineering services</h1>{paras}<div class='features'>{cards}</div>"
            + (paras if after else "")
            + "</main><footer><p>Copyright 2024 Example. All rights reserved.</p></footer></body>"
        )

    r = _run(page(after=True), Options())
    figures = [i for i, t in enumerate(r.seg.texts) if t.endswith("TB daily")]
    assert len(figures) == 4 and (r.feats.card[figures] > 0).all()
    assert r.body[figures].all() and (r.smoothed[figures] == 62).all()
    assert SMOOTH_REASONS[62] == "smoothed: a line of a card set between paragraphs of the content"
    # The cards' linked names stay out, as a card set's buttons do.
    names = [i for i, t in enumerate(r.seg.texts) if t.startswith("Feature number")]
    assert not r.body[names].any()
    # Cards after the content's last paragraph are a rail of other pages: they stay out.
    r = _run(page(after=False), Options())
    figures = [i for i, t in enumerate(r.seg.texts) if t.endswith("TB daily")]
    assert not (r.smoothed[figures] == 62).any()


def test_a_heading_that_the_menu_repeats_joins_the_body() -> None:
    from boilerstrip.api import _run
    from boilerstrip.options import Options

    # A service page names its sections as its menu does; the repeated heading still heads its text.
    text = "Teams of every size answer their customers faster with our tools, and they tell us so in their own words."

    def page(twin_in_text: bool) -> str:
        twin = "<h2>Customer stories</h2>" if twin_in_text else ""
        return (
            "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/stories'>Customer stories</a></li></ul></nav>"
            f"<main><h1>Customer service software</h1><p>{text}</p><h2>Customer stories</h2><p>{text} One.</p>"
            f"<p>{text} Two.</p>{twin}<p>{text} Three.</p></main>"
            "<footer><p>Copyright 2024 Example. All rights reserved.</p></footer></body>"
        )

    r = _run(page(False), Options())
    heads = [i for i, t in enumerate(r.seg.texts) if t == "Customer stories"]
    assert len(heads) == 2 and r.feats.repeated[heads[1]] > 0
    assert not r.body[heads[0]] and r.body[heads[1]] and r.smoothed[heads[1]] == 65
    assert SMOOTH_REASONS[65] == "smoothed: a heading before body that the menu repeats"
    # Said twice in the text itself, the line is a template's label: it stays out.
    r = _run(page(True), Options())
    heads = [i for i, t in enumerate(r.seg.texts) if t == "Customer stories"]
    assert not (r.smoothed[heads] == 65).any()


def test_a_repeated_heading_that_heads_its_own_section_joins_the_body() -> None:
    from boilerstrip.api import _run
    from boilerstrip.options import Options

    # A comparison gives each plan the same headings ("Pros", "Cons") over its own text.
    def card(name: str, notice: bool) -> str:
        pros = "Answers come fast and the tools for the team are easy to learn."
        cons = f"The {name} plan costs more than most and its reports are thin."
        if notice:  # a template's label over a notice that the page repeats word for word
            pros = cons = "An external video would be shown here if you allowed it to load."
        return (
            f"<section class='plan'><h3>{name}</h3><p>The {name} plan is for teams that answer customers every day.</p>"
            f"<div class='pros'><h4>Pros</h4><p>{pros} {'' if notice else name}</p></div>"
            f"<div class='cons'><h4>Cons</h4><p>{cons}</p></div></section>"
        )

    def page(notice: bool) -> str:
        return (
            "<body><main><h1>The best help desk plans</h1>"
            "<p>We tried every plan for a month and wrote down what we liked and what we did not.</p>"
            + "".join(card(n, notice) for n in ("Basic", "Team", "Growth"))
            + "</main><footer><p>Copyright 2024 Example. All rights reserved.</p></footer></body>"
        )

    r = _run(page(False), Options())
    heads = [i for i, t in enumerate(r.seg.texts) if t in ("Pros", "Cons")]
    assert len(heads) == 6 and (r.feats.repeated[heads] > 0).all()
    assert r.body[heads].all() and (r.smoothed[heads] == 99).any()
    assert SMOOTH_REASONS[99] == "smoothed: a repeated heading that heads its own section"
    # Over a block the page repeats too, the heading is a template's label: it stays out.
    r = _run(page(True), Options())
    heads = [i for i, t in enumerate(r.seg.texts) if t == "Pros"]
    assert not (r.smoothed[heads] == 99).any()


def test_a_linked_heading_over_its_sections_text_joins_the_body() -> None:
    from boilerstrip.api import _run
    from boilerstrip.options import Options

    # A service page links each feature's heading to the feature's own page; its text is body.
    def card(name: str, linked_text: bool) -> str:
        text = f"The {name} tool lets your team answer every customer from one place, with each reply tracked."
        if linked_text:  # a link list's entries: the line under the heading is a link too
            text = f"<a href='/{name}/more'>{text}</a>"
        return f"<div class='feature'><h3><a href='/{name}'>{name}</a></h3><p>{text}</p></div>"

    def page(linked_text: bool) -> str:
        return (
            "<body><main><h1>Customer service software</h1>"
            "<p>Our platform brings every conversation with your customers together, so that nobody waits for an answer.</p>"
            + "".join(card(n, linked_text) for n in ("Ticketing", "Messaging", "Voice"))
            + "<p>Start a free trial today and see how much faster your team answers than it does now.</p></main>"
            "<footer><p>Copyright 2024 Example. All rights reserved.</p></footer></body>"
        )

    names = ("Ticketing", "Messaging", "Voice")
    r = _run(page(False), Options())
    heads = [i for i, t in enumerate(r.seg.texts) if t in names]
    assert len(heads) == 3 and (r.feats.link_density[heads] >= 0.5).all()
    assert r.body[heads].all() and (r.smoothed[heads] == 100).all()
    assert SMOOTH_REASONS[100] == "smoothed: a linked heading over its section's text"
    # Over another link the heading is an entry of a list of links: it stays out.
    r = _run(page(True), Options())
    heads = [i for i, t in enumerate(r.seg.texts) if t in names]
    assert not (r.smoothed[heads] == 100).any()


def test_newsletter_pitch_below_the_content_is_chrome() -> None:
    from boilerstrip import extract_blocks

    pitch = "Join over ten thousand readers! Subscribe to our free newsletter for weekly tips."
    leave = "You can unsubscribe from our e-mail list at any time by writing to us."

    def labels(tail: str, after: str = "") -> dict[str, str]:
        html = (f"<html><body><main><h1>How to plan a garden</h1>{f'<p>{PROSE} {PROSE}</p>' * 2}"
                f"<p>{tail}</p>{after}</main></body></html>")
        return {b.text: b.label for b in extract_blocks(html).blocks}

    found = extract_blocks(f"<html><body><main>{f'<p>{PROSE} {PROSE}</p>' * 2}<p>{pitch}</p></main></body></html>").blocks
    assert [b.label for b in found if b.text == pitch] == ["chrome"]
    assert str(next(b for b in found if b.text == pitch).reasons[0]) == "smoothed: a newsletter's pitch below the content"
    # A paragraph of the text after it (over 40 words): the line is the article's own sentence.
    assert labels(pitch, f"<p>{PROSE} {PROSE}</p>")[pitch] == "body"
    # Telling a reader how to leave a list asks nothing: a privacy policy's line stays.
    assert labels(leave)[leave] == "body"
    # Without a paragraph of over 40 words there is no tail to speak of: short lines all stay.
    short = f"<html><body><main>{f'<p>{PROSE}</p>' * 4}<p>{pitch}</p></main></body></html>"
    assert [b.label for b in extract_blocks(short).blocks if b.text == pitch] == ["body"]


def test_sign_off_below_the_content_is_chrome() -> None:
    from boilerstrip import extract_blocks

    notes = [
        "A version of this article appeared in print on page B9 of the weekend edition.",
        "If you enjoyed this post, please share it with your friends.",
    ]

    def labels(after: str = "") -> list[str]:
        tail = "".join(f"<p>{t}</p>" for t in notes)
        html = f"<html><body><main><h1>How to plan a garden</h1>{f'<p>{PROSE} {PROSE}</p>' * 2}{tail}{after}</main></body></html>"
        return [b.label for b in extract_blocks(html).blocks if b.text in notes]

    assert labels() == ["chrome", "chrome"]
    found = extract_blocks(f"<html><body><main>{f'<p>{PROSE} {PROSE}</p>' * 2}<p>{notes[0]}</p></main></body></html>").blocks
    assert str(next(b for b in found if b.text == notes[0]).reasons[0]) == "smoothed: a post's sign-off below the content"
    # Followed by a paragraph of the text (over 40 words), they are the article's own lines.
    assert labels(f"<p>{PROSE} {PROSE}</p>") == ["body", "body"]
    # A dump's lines the same way (its newsletter pitches have their own rule, drop_text_newsletter).
    dump = "\n\n".join(["How to plan a garden", f"{PROSE} {PROSE}", f"{PROSE} {PROSE}", *notes])
    assert [b.label for b in extract_blocks(dump, input_type="text").blocks if b.text in notes] == ["chrome", "chrome"]


def test_post_meta_line_below_the_content_is_chrome() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: a post's meta line below the content"
    notes = [
        "This entry was posted on Monday, October 15th, 2012 at 4:48 pm and is filed under Gardens.",
        "Posted by Laurie at September 10, 2012 9:01 AM",
        "Was this article helpful?",
        "Follow us on the social networks!",
    ]

    def labels(after: str = "") -> list[str]:
        tail = "".join(f"<p>{t}</p>" for t in notes)
        html = f"<html><body><main><h1>How to plan a garden</h1>{f'<p>{PROSE} {PROSE}</p>' * 4}{tail}{after}</main></body></html>"
        return [b.label for b in extract_blocks(html).blocks if b.text in notes]

    assert labels() == ["chrome"] * 4
    found = extract_blocks(f"<html><body><main>{f'<p>{PROSE} {PROSE}</p>' * 2}<p>{notes[1]}</p></main></body></html>").blocks
    assert str(next(b for b in found if b.text == notes[1]).reasons[0]) == reason
    assert SMOOTH_REASONS[73] == reason
    # Followed by a paragraph of the text (over 40 words), they are the article's own lines.
    assert labels(f"<p>{PROSE} {PROSE}</p>") == ["body"] * 4
    # A byline under the text is left to its score: truths keep a guest writer's note as often.
    byline = "Written by Laurie, who grows tomatoes."
    html = f"<html><body><main>{f'<p>{PROSE} {PROSE}</p>' * 2}<p>{byline}</p></main></body></html>"
    assert all(str(r) != reason for b in extract_blocks(html).blocks for r in b.reasons)
    # A dump's lines the same way.
    dump = "\n\n".join(["How to plan a garden", *[f"{PROSE} {PROSE}"] * 4, *notes])
    assert [b.label for b in extract_blocks(dump, input_type="text").blocks if b.text in notes] == ["chrome"] * 4


def test_table_of_contents_title_is_chrome() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: a table of contents' title on a line of its own"
    assert SMOOTH_REASONS[102] == reason
    sections = ["Choosing a spot", "Preparing the soil", "Planting the beds"]
    toc = "".join(f"<li><a href='#s{k}'>{t}</a></li>" for k, t in enumerate(sections))
    text = "".join(f"<h2 id='s{k}'>{t}</h2><p>{PROSE} {PROSE}</p><p>{PROSE}</p>" for k, t in enumerate(sections))
    for title in ("Table of Contents", "Table of Contents [hide]", "Table des matières"):
        html = f"<html><body><article><h1>How to plan a garden</h1><p>{PROSE} {PROSE}</p><p>{title}</p><ul>{toc}</ul>{text}</article></body></html>"
        found = {b.text: b for b in extract_blocks(html).blocks}
        assert found[title].label == "chrome", title
        assert any(str(r) == reason for r in found[title].reasons), title
    # A bare "Contents" stays: a book's or a report's own heading.
    html = f"<html><body><article><p>{PROSE} {PROSE}</p><h2>Contents</h2><p>{PROSE} {PROSE}</p></article></body></html>"
    assert all(str(r) != reason for b in extract_blocks(html).blocks for r in b.reasons)
    # A dump the same way; over a printed contents page (leader dots, page numbers) the title stays.
    lines = ["How to plan a garden", f"{PROSE} {PROSE}", "Table of Contents", *[f"{PROSE} {PROSE}"] * 3]
    found = {b.text: b for b in extract_blocks("\n".join(lines), input_type="text").blocks}
    assert found["Table of Contents"].label == "chrome"
    printed = [f"{k + 1}. {t} {'.' * 30} {k + 2}" for k, t in enumerate(sections)]
    lines = ["How to plan a garden", f"{PROSE} {PROSE}", "Table of Contents", *printed, *[f"{PROSE} {PROSE}"] * 3]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert all(str(r) != reason for b in blocks for r in b.reasons)


def test_placeholder_text_is_chrome() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: a template's placeholder text (lorem ipsum) or its heading"
    assert SMOOTH_REASONS[104] == reason
    lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore."
    latin = "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo."
    boxes = f"<h3>Heading Line</h3><p>{lorem}</p><h3>Our harbour plans</h3><p>{latin}</p>"
    html = f"<html><body><main><h1>The harbour budget</h1><p>{PROSE} {PROSE}</p>{boxes}<p>{PROSE}</p></main></body></html>"
    found = {b.text: b for b in extract_blocks(html).blocks}
    for text in ("Heading Line", lorem, "Our harbour plans", latin):
        assert found[text].label == "chrome", text
        assert any(str(r) == reason for r in found[text].reasons), text
    assert found[f"{PROSE} {PROSE}"].label == "body"
    # A page of placeholder text (a theme's demo, a test page) keeps it.
    html = f"<html><body><main><h1>Demo</h1><p>{lorem} {latin}</p><p>{latin} {lorem}</p><p>{lorem}</p></main></body></html>"
    assert all(str(r) != reason for b in extract_blocks(html).blocks for r in b.reasons)
    # A dump the same way.
    lines = ["The harbour budget", f"{PROSE} {PROSE}", lorem, f"{PROSE} {PROSE}", PROSE]
    found = {b.text: b for b in extract_blocks("\n\n".join(lines), input_type="text").blocks}
    assert found[lorem].label == "chrome"


def test_text_glued_to_its_hidden_copy_is_chrome() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: a block that says the same thing twice (a hidden copy beside its text)"
    assert SMOOTH_REASONS[-37] == reason
    label = "Harbour plans for the coming year"
    # A widget's label with its screen-reader copy nested in it: the block reads the phrase twice, glued.
    copy = f"<div><span>{label}<span class='clipped'>{label}</span></span></div>"
    html = f"<html><body><main><h1>The harbour budget</h1><p>{PROSE}</p>{copy}<p>{PROSE} {PROSE}</p><p>{PROSE}</p></main></body></html>"
    found = {b.text: b for b in extract_blocks(html).blocks}
    assert found[label + label].label == "chrome"
    assert any(str(r) == reason for r in found[label + label].reasons)
    # A paragraph that repeats itself with a space between is the page's own text.
    assert found[f"{PROSE} {PROSE}"].label == "body"


def test_long_meta_line_is_no_paragraph_of_the_content() -> None:
    from boilerstrip import extract_blocks

    # WordPress's meta line runs past 40 words: it does not make itself the content's last
    # paragraph, so it and the sign-off above it go, in both modes.
    meta = (
        "This entry was posted on Saturday, November 3rd, 2012 at 11:10 am and is filed under Gardens, Tomatoes, "
        "Seeds. You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, "
        "or trackback from your own site."
    )
    sign_off = "Like this:"
    notes = [sign_off, meta]
    post = f"{f'<p>{PROSE} {PROSE}</p>' * 4}"
    html = f"<html><body><main><h1>How to plan a garden</h1>{post}<p>{sign_off}</p><p>{meta}</p></main></body></html>"
    found = {b.text: b for b in extract_blocks(html).blocks}
    assert [found[t].label for t in notes] == ["chrome", "chrome"]
    assert str(found[meta].reasons[0]) == "smoothed: a post's meta line below the content"
    dump = "\n\n".join(["How to plan a garden", *[f"{PROSE} {PROSE}"] * 4, *notes])
    assert [b.label for b in extract_blocks(dump, input_type="text").blocks if b.text in notes] == ["chrome", "chrome"]
    # A paragraph of the text after it still keeps it: it is the article's own line.
    html = f"<html><body><main>{post}<p>{meta}</p><p>{PROSE} {PROSE}</p></main></body></html>"
    assert [b.label for b in extract_blocks(html).blocks if b.text == meta] == ["body"]


def test_text_line_that_opens_with_a_copyright_notice_is_chrome() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: a line that opens with a copyright notice"
    assert SMOOTH_REASONS[72] == reason
    post = [f"{PROSE} Part {i}." for i in range(4)]
    notice = "© 2012 Example News Inc. All rights reserved. This material may not be published, broadcast or rewritten."
    credit = "Photo of the old north pier by our reader Jane Doe, © 2012 Jane Doe."
    # The agency's notice between the story and the reader's letter below it (no last line:
    # drop_text_legal_tail leaves it), and a photo's credit that names a copyright further in.
    lines = ["Home", post[0], credit, post[1], post[2], notice, post[3], "Contact"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    label = {b.text: b for b in blocks}
    assert label[notice].label == "chrome" and str(label[notice].reasons[0]) == reason
    assert label[credit].label == "body"
    assert all(label[p].label == "body" for p in post)
    # A page that is its notice and little else keeps it (over a fifth of the body).
    blocks = extract_blocks("\n".join(["Home", "A short note on the licence of this page.", notice, "Contact"]), input_type="text").blocks
    assert all(str(r) != reason for b in blocks for r in b.reasons)


def test_text_recipe_card_beside_the_story_is_body() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: a recipe's ingredients and steps beside the content"
    assert SMOOTH_REASONS[77] == reason
    story = [f"{PROSE} Part {i}." for i in range(3)]
    card = ["Ingredients for 4 portions:", "2 tsp vegetable oil", "1 large onion", "salt and pepper to taste",
            "1/2 tsp cumin", "2 cans white beans", "Directions", "Heat the oil in a large pot and brown the onion.",
            "Add the beans and the cumin.", "Simmer for twenty minutes."]
    lines = ["Home", "Recipes", "Contact", "White bean chili", *story, *card, "Related", "Twitter Facebook Print", "About us"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    label = {b.text: b for b in blocks}
    assert all(label[t].label == "body" for t in story + card)
    assert str(label["1 large onion"].reasons[0]) == reason
    assert [label[t].label for t in ("Related", "Twitter Facebook Print", "About us")] == ["chrome"] * 3
    # A list under a heading that is no card's ("Ingredient weight chart"), or without quantities, stays chrome.
    for head, items in (("Ingredient weight chart", card[1:6]), ("Ingredients", ["Tools", "Shop", "Recipes", "Classes", "Gift cards"])):
        blocks = extract_blocks("\n".join(["Home", *story, head, *items, "About us"]), input_type="text").blocks
        assert all(str(r) != reason for b in blocks for r in b.reasons)


def test_text_post_above_its_share_bar_is_body() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: a post's lines above its share bar"
    assert SMOOTH_REASONS[78] == reason
    post = ["I know I am tired and should not say it.", "Then do not say it.", "Fine."]
    menu = ["Home", "Archive", "About"]
    lines = [*menu, "A quiet evening", "14 June 2013 at 20:51", *post, "Share this:", "Twitter", "Facebook",
             "Like this:", "Leave a comment", "Blogroll", f"{PROSE} Part 8.", f"{PROSE} Part 9.", "Archive", "June 2013"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    label = {b.text: b for b in blocks}
    assert [label[t].label for t in post] == ["body"] * 3
    assert str(label["Then do not say it."].reasons[0]) == reason
    assert [label[t].label for t in ("Share this:", "Twitter", "Facebook", "Home")] == ["chrome"] * 4
    # A post that runs down to its bar: the lines between (a note, a sign-off) are left alone.
    lines = ["Home", *[f"{PROSE} Part {i}." for i in range(3)], "Buffer", "Categories: Life", "Share this:", "Facebook"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert all(str(r) != reason for b in blocks for r in b.reasons)


def test_author_box_below_the_content_is_chrome() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: an author's box below the content"
    assert SMOOTH_REASONS[74] == reason
    bio = "Jane Doe is a freelance writer who covers city politics and harbour affairs for several papers."

    def found(head: str, after: str = "") -> list[str]:
        html = (f"<html><body><main><h1>How the council decided</h1>{f'<p>{PROSE} {PROSE}</p>' * 4}"
                f"<h3>{head}</h3><p>{bio}</p>{after}</main></body></html>")
        return [b.label for b in extract_blocks(html).blocks if b.text in (head, bio)]

    assert found("About the author") == ["chrome", "chrome"]
    assert found("Written by Jane Doe") == ["chrome", "chrome"]
    blocks = extract_blocks(f"<html><body><main>{f'<p>{PROSE} {PROSE}</p>' * 4}<h3>About the Author:</h3><p>{bio}</p></main></body></html>").blocks
    assert str(next(b for b in blocks if b.text == bio).reasons[0]) == reason
    # The text goes on after it (a paragraph of over 40 words): a section of the article.
    assert found("About the author", f"<p>{PROSE} {PROSE}</p>") == ["body", "body"]
    # A byline over the text is no box.
    html = f"<html><body><main><h3>Written by Jane Doe</h3><p>{bio}</p>{f'<p>{PROSE} {PROSE}</p>' * 4}</main></body></html>"
    assert all(str(r) != reason for b in extract_blocks(html).blocks for r in b.reasons)
    # A dump's lines the same way.
    dump = "\n\n".join(["How the council decided", *[f"{PROSE} {PROSE}"] * 4, "About the author", bio])
    assert [b.label for b in extract_blocks(dump, input_type="text").blocks if b.text in ("About the author", bio)] == ["chrome", "chrome"]


def test_bloggers_greeting_below_the_content_is_chrome() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: an author's box below the content"
    hello = "Hi, I'm Becky! I live by the harbour and write this blog about the council, its budget and its plans."
    html = f"<html><body><main>{f'<p>{PROSE} {PROSE}</p>' * 4}<p>{hello}</p></main></body></html>"
    found = next(b for b in extract_blocks(html).blocks if b.text == hello)
    assert found.label == "chrome" and str(found.reasons[0]) == reason
    # A post that opens with the greeting has its text below it: the greeting stays.
    html = f"<html><body><main><p>{hello}</p>{f'<p>{PROSE} {PROSE}</p>' * 4}</main></body></html>"
    assert next(b for b in extract_blocks(html).blocks if b.text == hello).label == "body"
    # A dump's line the same way.
    dump = "\n\n".join(["How the council decided", *[f"{PROSE} {PROSE}"] * 4, hello])
    assert next(b for b in extract_blocks(dump, input_type="text").blocks if b.text == hello).label == "chrome"


def test_writers_bio_under_a_line_of_their_name_is_chrome() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: a writer's bio under a line of their name below the content"
    assert SMOOTH_REASONS[108] == reason
    bio = "Jane Doe is a freelance writer who covers city politics and harbour affairs for several papers."
    more = "Jane holds a degree in history and lives by the harbour with her two dogs and a cat."
    text = f"<h1>How the council decided</h1>{f'<p>{PROSE} {PROSE}</p>' * 4}"

    def labels(box: str) -> list[str]:
        html = f"<html><body><main>{text}{box}</main></body></html>"
        return [b.label for b in extract_blocks(html).blocks if b.text in (bio, more)]

    box = f'<div><div><a href="/jane">Jane Doe</a></div><div>Contributing Writer</div><p>{bio}</p><p>{more}</p></div>'
    assert labels(box) == ["chrome", "chrome"]
    html = f"<html><body><main>{text}{box}</main></body></html>"
    assert str(next(b for b in extract_blocks(html).blocks if b.text == bio).reasons[0]) == reason
    # Without the line of the name above it, a reporter's line is left to its score (some truths keep it).
    assert labels(f"<p>{bio}</p>") == ["body"]
    # A listicle's entry under its heading does not open like a bio.
    entry = "Acme Harbour Tours runs boat trips round the bay twice a day from April to October, weather permitting."
    html = f"<html><body><main>{text}<h3>Acme Harbour Tours</h3><p>{entry}</p></main></body></html>"
    assert next(b for b in extract_blocks(html).blocks if b.text == entry).label == "body"
    # Two writers' boxes: both go, the first bio a paragraph of over 40 words.
    long_bio = f"John Roe is the head of research at the paper. {PROSE}"
    between = "<p>The two of them wrote this report over a year of council meetings.</p>"
    two = f"<div><div>John Roe</div><p>{long_bio}</p></div>{between}<div><div>Jane Doe</div><p>{bio} {PROSE}</p></div>"
    html = f"<html><body><main>{text}{text}{two}</main></body></html>"
    assert [b.label for b in extract_blocks(html).blocks if b.text in (long_bio, f"{bio} {PROSE}")] == ["chrome", "chrome"]
    # A bio that opens with the first name under the whole name goes when it speaks of a person.
    first = "Jane is a freelance writer who covers city politics; she lives by the harbour with two dogs."
    html = f'<html><body><main>{text}<div><div>Jane Doe Author</div><p>{first}</p></div></main></body></html>'
    assert next(b for b in extract_blocks(html).blocks if b.text == first).label == "chrome"
    entry = "Storage is one of the key offerings of the cloud: secure and scalable space for any kind of file."
    html = f"<html><body><main>{text}<h3>Storage Solutions</h3><p>{entry}</p></main></body></html>"
    assert next(b for b in extract_blocks(html).blocks if b.text == entry).label == "body"
    # A dump's lines the same way.
    dump = "\n\n".join(["How the council decided", *[f"{PROSE} {PROSE}"] * 4, "Jane Doe", bio])
    assert next(b for b in extract_blocks(dump, input_type="text").blocks if b.text == bio).label == "chrome"


def test_an_image_address_on_its_own_line_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A template prints each swatch's thumbnail address, with its name, between the paragraphs.
    parts = []
    for k in range(3):
        parts.append(f"<p>{PROSE} Part {k}.</p>")
        parts.append(f"<p>thumb_Red{k}:</p><p>https://cdn.example.com/images/swatch_{k}.jpg?v=2</p>")
    parts.append("<p>https://example.org/source-of-the-story</p>")  # a page's address: a writer's link
    parts.append(f"<p>{PROSE} End.</p>")
    parts.append("<table><tr><td>image_url</td><td>https://example.com/image1.png</td></tr></table>")
    blocks = extract_blocks(f"<body><article>{''.join(parts)}</article></body>").blocks
    labels = {b.text: b.label for b in blocks}
    for k in range(3):
        assert labels[f"https://cdn.example.com/images/swatch_{k}.jpg?v=2"] == "chrome"
        assert labels[f"thumb_Red{k}:"] == "chrome"
    address = next(b for b in blocks if b.text == "https://cdn.example.com/images/swatch_0.jpg?v=2")
    assert "smoothed: an image's address on a line of its own" in [r.code for r in address.reasons]
    assert labels["https://example.org/source-of-the-story"] == "body"
    assert labels["https://example.com/image1.png"] == "body"  # a table cell: a reference's example
    # In a dump, the same lines.
    lines = [x for k in range(3) for x in (f"{PROSE} Part {k}.", f"https://cdn.example.com/images/swatch_{k}.webp")]
    blocks = extract_blocks("\n".join([*lines, PROSE + " End."]), input_type="text").blocks
    assert [b.label for b in blocks if "cdn.example.com" in b.text] == ["chrome"] * 3


def test_a_forum_members_stats_line_in_a_dump_is_chrome() -> None:
    from boilerstrip.smooth import drop_text_member_stats

    # A forum's or a Q&A site's user card beside each post: counts with their labels. A label
    # alone, a phrase that uses the word and a post's own sentence stay.
    stats = ["410 posts · Joined 2002", "Reputation: 345", "Posts: 1,204", "1,234 gold badges", "Joined: Mon Jul 24, 2017 9:28 am"]
    kept = ["Reputation", "Reputation Management", "I have 12 posts on this topic and joined in 2002."]
    _assert_text_step_drops(drop_text_member_stats, stats, kept, "Reply", "smoothed: a forum member's stats line (text)")


def test_a_forum_members_stats_line_in_a_post_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A thread whose user card sets the poster's counts inside the post's container, where they
    # pass as body. A label alone, a phrase that uses the word and a post's own sentence stay.
    stats = ["410 posts · Joined 2002", "Posts: 1,204", "Joined: Mon Jul 24, 2017 9:28 am"]
    posts = "".join(f"<div class='post'><div>{line}</div><p>{PROSE} Reply {k}.</p></div>" for k, line in enumerate(stats))
    kept = ["Reputation Management", "I have 12 posts on this topic and joined in 2002."]
    last = "<div class='post'>" + "".join(f"<p>{line}</p>" for line in kept) + "</div>"
    blocks = extract_blocks(f"<body><main><h1>The budget thread</h1>{posts}{last}</main></body>").blocks
    cards = [b for b in blocks if b.text in stats]
    assert [b.label for b in cards] == ["chrome"] * 3
    assert all("smoothed: a forum member's stats line" in [r.code for r in b.reasons] for b in cards)
    assert all(b.label == "body" for b in blocks if b.text in kept or b.text.startswith(PROSE[:20]))


def test_a_forum_posts_edit_notice_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A thread whose engine notes under a post who edited it last: chrome in the page and in its
    # dump. A book's "Edited by" line and a post's sentence about an edit stay.
    notes = ["Last edited by Minoa on Wed Aug 28, 2019 11:24 am, edited 1 time in total.", "Zuletzt bearbeitet von Trilby (2024-08-04 14:26:59)"]
    kept = ["Edited by Jane Roe and John Doe", "I last edited by hand the config file, and it works now."]
    lines = [*notes, *kept]
    posts = "".join(f"<div class='post'><p>{PROSE} Reply {k}.</p><div>{line}</div></div>" for k, line in enumerate(lines))
    blocks = extract_blocks(f"<body><main><h1>The budget thread</h1>{posts}</main></body>").blocks
    assert [b.label for b in blocks if b.text in lines] == ["chrome", "chrome", "body", "body"]
    assert all("smoothed: a forum post's edit notice" in [r.code for r in b.reasons] for b in blocks if b.text in notes)
    dump = "\n\n".join(f"{PROSE} Reply {k}.\n{line}" for k, line in enumerate(lines))
    blocks = extract_blocks(dump, input_type="text").blocks
    assert [b.label for b in blocks if b.text in notes] == ["chrome", "chrome"]


def test_a_qa_posts_action_line_in_a_dump_is_chrome() -> None:
    from boilerstrip.smooth import drop_text_post_actions

    # A Q&A engine's stamp under each question, answer and comment: the verb and when. A news
    # page's "Updated" byline and a sentence that starts with the verb stay.
    actions = ["asked Mar 3, 2019 at 10:12", "answered May 9 '19 at 9:05", "Commented Oct 17, 2010 at 1:03", "Modified 3 days ago"]
    kept = ["Updated Mar 9, 2020", "Answered the call on Mar 3, 2019 at the station."]
    _assert_text_step_drops(
        drop_text_post_actions, actions, kept, "Answer", "smoothed: a Q&A post's action line and its date (text)"
    )


def _assert_text_step_drops(step: Callable[..., None], dropped: list[str], kept: list[str], post: str, reason: str) -> None:
    """Run one text step over a dump of posts (a paragraph, then each line to drop) and the lines to keep."""
    lines = [x for k, s in enumerate(dropped) for x in (f"{PROSE} {post} {k}.", s)] + kept
    seg = segment_text("\n".join(lines), max_blocks=1000)
    f = compute_features(seg, "text")
    body, why = np.ones(len(seg), dtype=bool), np.zeros(len(seg), dtype=np.int8)
    step(seg, f, body, why)
    labels = dict(zip(seg.texts, body.tolist(), strict=True))
    assert [labels[s] for s in dropped] == [False] * len(dropped)
    assert all(labels[t] for t in kept)
    assert SMOOTH_REASONS[int(why[seg.texts.index(dropped[0])])] == reason


def test_a_machine_timestamp_on_its_own_line_is_chrome() -> None:
    from boilerstrip.smooth import drop_machine_stamps

    # A Q&A engine's hidden microdata date under each post, which a dump prints: an ISO 8601
    # stamp with its zone, or with the "T" between date and time. A forum's post date and time
    # without a zone is printed for the reader and stays.
    stamps = ["2010-10-17 01:03:31 +00:00", "2021-04-08T04:06:17.467Z+00:00", "2024-03-05T10:15"]
    shown = ["2025-11-01 15:14:37", "Oct 17, 2010 at 1:03", "2010-10-17"]
    lines = [x for k, (s, t) in enumerate(zip(stamps, shown, strict=True)) for x in (f"{PROSE} Answer {k}.", s, t)]
    seg = segment_text("\n".join(lines), max_blocks=1000)
    f = compute_features(seg, "text")
    body, why = np.ones(len(seg), dtype=bool), np.zeros(len(seg), dtype=np.int8)
    drop_machine_stamps(seg, f, body, why)
    labels = dict(zip(seg.texts, body.tolist(), strict=True))
    assert [labels[s] for s in stamps] == [False] * 3
    assert all(labels[t] for t in shown)
    assert SMOOTH_REASONS[int(why[seg.texts.index(stamps[0])])] == "smoothed: a machine's timestamp on a line of its own"
    # In HTML the same, but in a table cell (a log's or a data table's column).
    parts = "".join(f"<p>{PROSE} Answer {k}.</p><div class='d-none'>{s}</div>" for k, s in enumerate(stamps))
    table = "<table><tr><td>created</td><td>2021-04-08T04:06:17Z</td></tr></table>"
    seg = segment_html(f"<body><article>{parts}<p>{PROSE} End.</p>{table}</article></body>", max_depth=256, max_blocks=1000)
    f = compute_features(seg, "html")
    body, why = np.ones(len(seg), dtype=bool), np.zeros(len(seg), dtype=np.int8)
    drop_machine_stamps(seg, f, body, why)
    labels = dict(zip(seg.texts, body.tolist(), strict=True))
    assert [labels[s] for s in stamps] == [False] * 3
    assert labels["2021-04-08T04:06:17Z"]


def test_a_declared_threads_post_above_its_container_is_content() -> None:
    from boilerstrip import extract_blocks

    # A thread page sets its first post apart, above the box of replies that takes the container.
    ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting"}</script>'

    def post(cls: str, name: str, date: str, text: str) -> str:
        return f"<div class='{cls}'><div class='head'><div><a href='/u/{name}'>{name}</a></div><div>{date}</div></div>{text}</div>"

    question = ["My boiler makes a loud noise in the morning.", "Should I call someone to fix it soon, or wait a bit?"]
    op = post("post first", "ann", "Jan 3, 2024", "".join(f"<p>{q}</p>" for q in question))
    side = "<div class='box'><p>Our sponsors keep this forum running, and we thank them for all they do.</p><div>Jan 1, 2024</div></div>"
    replies = "".join(post("post", f"bob{k}", f"Jan {4 + k}, 2024", f"<p>{PROSE} {PROSE} Reply {k}.</p>") for k in range(4))
    page = f"<body>{side}{op}<div class='replies'>{replies}</div></body>"
    blocks = extract_blocks(f"<html><head>{ld}</head>{page}</html>").blocks
    found = [b for b in blocks if b.text in question]
    assert [b.label for b in found] == ["body"] * 2
    assert found[0].reasons[0].code == "smoothed: a post of the thread above its container"
    assert next(b for b in blocks if b.text.startswith("Our sponsors")).label == "chrome"  # no post's name
    assert next(b for b in blocks if b.text == "Jan 3, 2024").label == "chrome"  # the head is left to its score
    # A page that declares no thread (an article's box above its text) is left as it was.
    blocks = extract_blocks(f"<html>{page}</html>").blocks
    assert [b.label for b in blocks if b.text in question] == ["chrome"] * 2
    # Undeclared, a post beside the container's post (siblings of one name) whose head numbers it.
    op = post("blockpost first", "ann", "#1 Jan 3, 2024", "".join(f"<p>{q}</p>" for q in question))
    reply = post("blockpost", "bob", "#2 Jan 4, 2024", f"<div class='msg'><p>{PROSE} {PROSE} {PROSE}</p><p>{PROSE}</p></div>")
    page = f"<html><body>{side}<div class='topic'>{op}{reply}</div></body></html>"
    assert [b.label for b in extract_blocks(page).blocks if b.text in question] == ["body"] * 2
    unnumbered = page.replace("#1 Jan 3", "Jan 3").replace("#2 Jan 4", "Jan 4")
    assert [b.label for b in extract_blocks(unnumbered).blocks if b.text in question] == ["chrome"] * 2


def test_a_forum_posts_signature_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A thread: each post's text, then its writer's signature in an element that says so.
    posts = "".join(
        f"<div class='post'><p>{PROSE} Reply {k}.</p>"
        f"<div class='message-signature'><p>Proud owner of a red bicycle and two old cats since 2009.</p></div></div>"
        for k in range(3)
    )
    blocks = extract_blocks(f"<body><main>{posts}</main></body>").blocks
    signs = [b for b in blocks if b.text.startswith("Proud owner")]
    assert [b.label for b in signs] == ["chrome"] * 3
    assert "smoothed: a forum post's signature" in [r.code for r in signs[0].reasons]
    assert all(b.label == "body" for b in blocks if b.text.startswith(PROSE[:20]))
    # "signatures" (a petition's list) is another word.
    blocks = extract_blocks(f"<body><main>{posts.replace('message-signature', 'signatures')}</main></body>").blocks
    assert all("smoothed: a forum post's signature" not in [r.code for r in b.reasons] for b in blocks)


def test_a_trailer_below_the_main_container_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A post in its container, then the writer's bio below it, in a box of the template's own.
    post = "".join(f"<p>{PROSE} Part {k}.</p>" for k in range(8))
    bio = (
        "Adam Smith is a reporter and a writer who has covered the sea and the coast for ten years. He lives "
        "in a small town by the water with his family, and he writes about the people who work there."
    )
    page = f"<body><div><div class='post-content'>{post}</div><div class='box'><p>{bio}</p></div></div></body>"
    blocks = extract_blocks(page).blocks
    trailer = next(b for b in blocks if b.text == bio)
    assert trailer.label == "chrome"
    assert "smoothed: a last block outside the main container, below it" in [r.code for r in trailer.reasons]
    assert all(b.label == "body" for b in blocks if b.text.startswith(PROSE[:20]))
    # Two such blocks are more than a trailer, and so is one of over 80 words.
    two = page.replace(f"<p>{bio}</p>", f"<p>{bio}</p><p>{bio} Again.</p>")
    assert all(b.label == "body" for b in extract_blocks(two).blocks if b.text.startswith("Adam"))
    long = page.replace(bio, f"{bio} {bio}")
    assert all(b.label == "body" for b in extract_blocks(long).blocks if b.text.startswith("Adam"))
    # A paragraph beside the container's last one (one parent) is the text's own.
    # (the container found is a paragraph of lines split by pictures).
    lines = "<br><img src='a.jpg'><br>".join(f"{PROSE} Part {k}." for k in range(8))
    inline = f"<body><div><div class='entry'><p>{lines}</p><p>{bio}</p></div></div><div><p>Menu</p></div></body>"
    assert next(b for b in extract_blocks(inline).blocks if b.text == bio).label == "body"
    # A single reader's comment below the post is the thread's, kept when comments are asked for.
    thread = page.replace("class='box'", "class='comments'")
    assert next(b for b in extract_blocks(thread, include_comments=True).blocks if b.text == bio).label == "body"


def test_text_mode_body_above_the_breadcrumb_that_heads_the_article() -> None:
    # A blog's header widgets (an about box, a book's pitch) set long glued lines above the
    # post's trail and headline; the short post below the pair is the article.
    from boilerstrip import extract
    from boilerstrip.smooth import drop_text_above_crumb

    widget = (
        "AboutJane Doe is the author of a book on small companies, and she writes here every week about "
        "the work of starting one, the money it takes and the people who help along the way. " * 3
    ).strip()
    post = [
        "We talked this morning with a founder about the first year of her company and what she would do again.",
        "She told us that the hardest part was finding the first ten customers, and that it took longer than she thought.",
        "Give it a listen and tell us what you think about her advice for people who are starting out this year.",
    ]
    dump = "\n".join(["Home", "Blog", widget, "Podcast", widget.replace("About", "Books"), "Home / Starting out", "Starting out", *post, "Contact"])
    seg = segment_text(dump, max_blocks=1000)
    f = compute_features(seg, "text")
    body = np.zeros(len(f), dtype=bool)
    body[[2, 4, 7, 8, 9]] = True
    why = np.zeros(len(f), dtype=np.int8)
    drop_text_above_crumb(seg, f, body, why)
    assert body.nonzero()[0].tolist() == [7, 8, 9]
    assert SMOOTH_REASONS[int(why[2])] == "smoothed: above the breadcrumb trail that heads the article"
    out = extract(dump, input_type="text")
    assert "She told us that the hardest part" in out and "is the author of a book" not in out
    # A trail whose last item is not the next line heads nothing.
    other = dump.replace("Home / Starting out", "Home / Blog")
    seg = segment_text(other, max_blocks=1000)
    body[:] = False
    body[[2, 4, 7, 8, 9]] = True
    drop_text_above_crumb(seg, compute_features(seg, "text"), body, why)
    assert body.nonzero()[0].tolist() == [2, 4, 7, 8, 9]


def test_text_reviews_below_a_rating_histogram() -> None:
    from boilerstrip import extract_blocks

    histogram = ["Customer reviews", "4.6 out of 5", "5 star", "81%", "4 star", "12%", "3 star", "4%", "2 star", "1%", "1 star", "2%"]
    review = "I bought these for my daughter and she wears them every day, the sound is clear and the battery lasts a week."
    lines = ["Home", "Shop", PROSE, PROSE, PROSE, *histogram, "Anna", review, "Ben", review.replace("daughter", "son"), "Home", "Shop"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    # The reviews pass as prose; below the histogram of star counts they are the shop's reviews.
    below = [b for b in blocks if b.text.startswith("I bought")]
    assert len(below) == 2 and {b.label for b in below} == {"chrome"}
    assert below[0].reasons[0].code == "smoothed: a customer review below the product's rating histogram"
    assert [b.label for b in blocks[2:5]] == ["body"] * 3
    # Without the histogram (three star counts only) they stay.
    few = [line for line in lines if line not in ("2 star", "1 star", "1%", "2%")]
    kept = [b for b in extract_blocks("\n".join(few), input_type="text").blocks if b.text.startswith("I bought")]
    assert {b.label for b in kept} == {"body"}


def test_a_table_of_names_and_values_is_body() -> None:
    from boilerstrip import extract_blocks

    # A product's specifications as rows of a header cell and a data cell, in a tab beside the
    # description: each cell too short to pass, and the table outside the main container.
    specs = [("Brand", "Corsair"), ("Series", "Vengeance"), ("Capacity", "64GB (4 x 16GB)"),
             ("Speed", "DDR5 6400"), ("Voltage", "1.40V"), ("Color", "Black")]

    def page(values: list[str]) -> str:
        rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for (k, _), v in zip(specs, values, strict=True))
        return ("<html><body><nav><a href='/a'>Memory</a> <a href='/b'>Storage</a></nav>"
                f"<div class='tabs'><div class='pane'><h2>Specs</h2><table class='grid'>{rows}</table></div></div>"
                f"<div class='description'><h2>Features</h2><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
                "<footer><p>© 2024 Example Inc.</p></footer></body></html>")

    blocks = extract_blocks(page([v for _, v in specs])).blocks
    lines = {t for pair in specs for t in pair}
    kept = [b for b in blocks if b.text in lines]
    assert len(kept) == 12 and all(b.label == "body" for b in kept)
    assert "smoothed: a table of names and values" in {str(b.reasons[0]) for b in kept}
    # A comparison grid repeats its marks row after row: no record of values.
    blocks = extract_blocks(page(["Yes"] * len(specs))).blocks
    assert not any("names and values" in str(r) for b in blocks for r in b.reasons)


def test_a_listing_of_striped_rows_keeps_every_row() -> None:
    from boilerstrip import extract_blocks

    # A ranking's rows alternate their background: "entry-row shade" and "entry-row plain" are
    # one listing, and every row joins it, not every other one.
    rows = "".join(
        f"<div class='entry-row {'shade' if i % 2 else 'plain'}'><div>{i + 1}.</div>"
        f"<div><a href='/p/{i}'>Product number {i}</a></div><div>{9.5 - i / 10:.1f}</div></div>"
        for i in range(16)
    )
    _assert_listing_rows(extract_blocks(_listing_page("Top products", f"<div class='ranking'>{rows}</div>")).blocks, "Product number")


def test_a_listing_keeps_its_featured_rows_whatever_the_class_spacing() -> None:
    from boilerstrip import extract_blocks

    # A job board's featured rows add a name to the rows' class (" job-row featured "), the
    # others carry the bare name padded with spaces (" job-row "): one listing all the same.
    rows = "".join(
        f"<li class=' job-row {'featured ' if i < 4 else ''}'><div>{i + 1}d</div>"
        f"<div><a href='/j/{i}'>Engineer number {i}</a></div><div>Remote</div></li>"
        for i in range(16)
    )
    _assert_listing_rows(extract_blocks(_listing_page("Remote jobs", f"<ul class='jobs'>{rows}</ul>")).blocks, "Engineer number")


def _listing_page(title: str, rows: str) -> str:
    """A page of a menu, a listing's 16 rows under its title in <main>, and a footer."""
    return (
        "<body><nav><ul><li><a href='/'>Home</a></li><li><a href='/list'>Lists</a></li></ul></nav>"
        f"<main><h1>{title}</h1>{rows}</main>"
        "<footer><p>Copyright 2024 Example lists. All rights reserved.</p></footer></body>"
    )


def _assert_listing_rows(blocks: tuple[Block, ...], start: str) -> None:
    names = [b for b in blocks if b.text.startswith(start)]
    assert len(names) == 16 and all(b.label == "body" for b in names)
    assert all(b.reasons[0].code == "smoothed: item of a listing page" for b in names)


def test_a_headed_table_of_linked_names_and_figures_is_body() -> None:
    from boilerstrip import extract_blocks

    # A ranking in an article: each row links a company's name beside its revenue. The names
    # outweigh the figures in characters (over half link text), so the data-table rule passes
    # it by; its header row says it is a table of data.
    ranking = [("Northwind Traders Incorporated", "$7.7B"), ("Contoso Electrical Group", "$2.5B"),
               ("Fabrikam Construction Services", "$2.4B"), ("Tailspin Power Systems Inc.", "$1.6B")]

    def page(head: str) -> str:
        rows = "".join(f"<tr><td><a href='/c{i}'>{k}</a></td><td>{v}</td></tr>" for i, (k, v) in enumerate(ranking))
        return ("<html><body><nav><a href='/a'>News</a> <a href='/b'>Guides</a></nav>"
                f"<article><h1>The largest contractors</h1><p>{PROSE}</p><p>{PROSE}</p>"
                f"<table>{head}<tbody>{rows}</tbody></table><p>{PROSE}</p><p>{PROSE}</p></article>"
                "<footer><p>© 2024 Example Inc.</p></footer></body></html>")

    cells = {t for pair in ranking for t in pair} | {"Company", "Revenue"}
    blocks = extract_blocks(page("<thead><tr><th>Company</th><th>Revenue</th></tr></thead>")).blocks
    kept = [b for b in blocks if b.text in cells]
    assert len(kept) == 10 and all(b.label == "body" for b in kept)
    assert "smoothed: a table under a header row in the content" in {str(b.reasons[0]) for b in kept}
    # Without a header row the same rows are a table of links: left to their scores.
    blocks = extract_blocks(page("")).blocks
    assert not any("header row" in str(r) for b in blocks for r in b.reasons)


def test_a_list_after_its_lead_in_is_body() -> None:
    from boilerstrip import extract_blocks

    # "Below are my favourite categories:" leads into items of a word or two, each too short
    # to pass alone and too many to fill a gap between body blocks.
    items = ["Pens", "Pencils", "Markers", "Scissors", "Staplers", "Paper clips", "Binder clips", "Notepads"]

    def page(lead: str) -> str:
        lis = "".join(f"<li>{t}</li>" for t in items)
        return ("<html><body><nav><a href='/a'>Home</a> <a href='/b'>Blog</a></nav>"
                f"<article><h1>Organise your desk</h1><p>{PROSE}</p><p>{PROSE}</p>"
                f"<p>{lead}</p><ul>{lis}</ul></article>"
                "<footer><p>© 2024 Example Inc.</p></footer></body></html>")

    blocks = extract_blocks(page("Every office is different, so below are my favourite categories:")).blocks
    kept = [b for b in blocks if b.text in items]
    assert len(kept) == len(items) and all(b.label == "body" for b in kept)
    assert "smoothed: a list after its lead-in in the content" in {str(b.reasons[0]) for b in kept}
    # A paragraph that ends in a full stop leads into nothing.
    blocks = extract_blocks(page("Every office is different, and these are the categories I use.")).blocks
    assert not any("lead-in in the content" in str(r) for b in blocks for r in b.reasons)


def test_a_list_of_links_between_its_lead_in_and_the_text_below_is_body() -> None:
    from boilerstrip import extract_blocks

    # A progress report names the patches it sent, each item a link to its review, and its
    # text goes on below the list: the items are the report's, though each is all link text.
    items = ["Add support for packed structs in the backend", "Fix volatile loads and stores on arm",
             "Allow casts between integers and pointers", "Fix the size of long double on x86",
             "Add a function to check whether LTO is supported"]

    def page(after: str) -> str:
        lis = "".join(f"<li><a href='/p/{i}'>{t}</a></li>" for i, t in enumerate(items))
        return ("<html><body><nav><a href='/a'>Home</a> <a href='/b'>Blog</a></nav>"
                f"<article><h1>Progress report</h1><p>{PROSE}</p><p>{PROSE}</p>"
                f"<p>Many patches were sent for review this month:</p><ul>{lis}</ul>{after}</article>"
                "<footer><p>© 2024 Example Inc.</p></footer></body></html>")

    blocks = extract_blocks(page(f"<p>{PROSE}</p>")).blocks
    kept = [b for b in blocks if b.text in items]
    assert len(kept) == len(items) and all(b.label == "body" for b in kept)
    assert {str(b.reasons[0]) for b in kept} == {"smoothed: a list of links between its lead-in and the text below"}
    # A box of links at the article's end, before a "Follow us" line, is another page's list.
    blocks = extract_blocks(page("<p><a href='/f'>Follow us</a> on Twitter and Facebook</p>")).blocks
    assert not any("lead-in and the text below" in str(r) for b in blocks for r in b.reasons)

def test_a_plain_list_between_paragraphs_of_the_content_is_body() -> None:
    from boilerstrip import extract_blocks

    # A roundup lists each product's features, a word or two apiece, between its paragraphs:
    # too many items for the gap filler, none of them long enough to pass.
    items = ["Vegan", "Gluten free", "Dairy free", "Organic", "Recycled packaging", "Woman owned",
             "Locally sourced", "Subscriptions available"]

    def page(item: str) -> str:
        lis = "".join(f"<li>{item.format(t=t, i=i)}</li>" for i, t in enumerate(items))
        return ("<html><body><nav><a href='/a'>Home</a> <a href='/b'>Reviews</a></nav>"
                f"<div class='entry-content'><h1>The best meal kits</h1><p>{PROSE}</p><p>{PROSE}</p>"
                f"<h2>1. Green Basket</h2><ul>{lis}</ul><p>{PROSE}</p><p>{PROSE}</p></div>"
                "<footer><p>© 2024 Example Inc.</p></footer></body></html>")

    blocks = extract_blocks(page("{t}")).blocks
    kept = [b for b in blocks if b.text in items]
    assert len(kept) == len(items) and all(b.label == "body" for b in kept)
    assert "smoothed: a plain list between the paragraphs of the content" in {str(b.reasons[0]) for b in kept}
    # A list of links between the paragraphs is a menu or a table of contents: left to its score.
    blocks = extract_blocks(page("<a href='/t{i}'>{t}</a>")).blocks
    assert not any("plain list between" in str(r) for b in blocks for r in b.reasons)


def test_key_points_box_above_the_content_is_body_in_html_and_in_text() -> None:
    from boilerstrip import extract_blocks

    points = [
        "Cloud spending is set to triple by the end of the decade.",
        "Three providers hold most of the market between them.",
        "Growth comes from data centres built for machine learning.",
    ]
    items = "".join(f"<li>{p}</li>" for p in points)
    nav = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("Home", "Markets", "Stocks", "Funds"))
    html = (f"<html><body><header><nav><ul>{nav}</ul></nav></header><div class='top'><h1>Investing in cloud stocks</h1>"
            f"<div class='summary-box'><h2>Key takeaways</h2><ul>{items}</ul></div></div>"
            f"<main><p>{PROSE}</p><p>{PROSE} Again.</p><p>{PROSE} Once more.</p></main>"
            f"<footer><ul>{nav}</ul></footer></body></html>")
    blocks = extract_blocks(html).blocks
    kept = [b for b in blocks if b.text in points or b.text == "Key takeaways"]
    assert [b.label for b in kept] == ["body"] * 4
    assert "smoothed: a key point under its box's heading above the content" in [str(r) for r in kept[1].reasons]
    lines = ["Home", "Markets", "Stocks", "Funds", "Investing in cloud stocks", "Key takeaways", *points, "", PROSE, "",
             f"{PROSE} Again.", "", f"{PROSE} Once more.", "", "Home", "Markets", "Stocks", "Funds"]
    blocks = extract_blocks("\n".join(lines), input_type="text").blocks
    assert [b.label for b in blocks if b.text in points] == ["body"] * 3
    # A box of one line is no list of points: the rule leaves it alone.
    one = extract_blocks(html.replace(items, f"<li>{points[0]}</li>")).blocks
    assert all("key point" not in str(r) for b in one for r in b.reasons)


def test_form_thank_you_notices_are_chrome_in_html_and_in_text() -> None:
    from boilerstrip import extract_blocks

    notes = ["Thanks for signing up!", "Thank you for subscribing to our daily newsletter."]
    html = (f"<html><body><main><h1>The harbour plan</h1><p>{PROSE}</p><p>{PROSE} Again.</p><div class='signup'><p>{notes[0]}</p></div>"
            f"<p>{PROSE} Once more.</p><p>{notes[1]}</p></main></body></html>")
    kept = [b for b in extract_blocks(html).blocks if b.text in notes]
    assert [b.label for b in kept] == ["chrome"] * 2
    assert str(kept[0].reasons[0]) == "smoothed: a form's thank-you notice"
    text = f"The harbour plan\n\n{PROSE}\n\n{PROSE} Again.\n\n{notes[0]}\n\n{PROSE} Once more.\n\n{notes[1]}\n"
    assert [b.label for b in extract_blocks(text, input_type="text").blocks if b.text in notes] == ["chrome"] * 2
    # An interviewer's welcome and a thanks in the text stay.
    for other in ("Thanks for joining us! Could you tell us about your work?", "Thank you for reading this far into the story."):
        assert [b.label for b in extract_blocks(html.replace(notes[1], other)).blocks if b.text == other] == ["body"]


def test_copy_of_a_footer_block_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A responsive theme prints its footer's testimonial twice: once in <footer>, once in plain <div>s.
    quote = "The staff were kind and patient with our children, and we always got an appointment the same week."
    art = f"<h1>The harbour plan</h1><p>{PROSE}</p><p>{PROSE} Again.</p><p>{PROSE} Once more.</p>"
    html = (f"<html><body><main>{art}<div class='bar'><p>{quote}</p></div></main>"
            f"<footer><div class='bar'><p>{quote}</p></div><p>Copyright 2024</p></footer></body></html>")
    copy = [b for b in extract_blocks(html).blocks if b.text == quote][0]
    assert copy.label == "chrome"
    assert str(copy.reasons[0]) == "smoothed: a copy of the page's footer, menu or sidebar"
    # A page that opens with what its footer repeats (an "about us" page) keeps it.
    about = html.replace(f"<p>{PROSE}</p>", f"<p>{quote}</p>", 1).replace(f"<div class='bar'><p>{quote}</p></div></main>", "</main>")
    assert [b.label for b in extract_blocks(about).blocks if b.text == quote] == ["body", "chrome"]


def test_the_grid_steps_share_one_front_a_page() -> None:
    """keep_grid_items, keep_item_slots, keep_full_grids and keep_card_sets make the clean mask and
    the container's tree once a page and features, and label alike with a front made afresh."""
    import dataclasses

    from boilerstrip import smooth as sm

    tiles = "".join(
        f"<div class='tile tile-{i}'><div class='tile-body'><h2 class='tile-name'><a href='/p/{i}'>Glass Candle {i}</a>"
        f"</h2>{f'<p class=price>${30 + i}.00</p>' if i < 4 else ''}</div></div>"
        for i in range(10)
    )
    html = (
        "<body><nav><ul><li><a href='/'>Home</a></li></ul></nav><main><h1>Decorative candles</h1>"
        f"<p>Candles made by small studios, poured by hand in small batches.</p><div class='grid'>{tiles}</div></main>"
        "</body>"
    )
    names = [f"Glass Candle {i}" for i in range(4)]
    steps = (sm.keep_grid_items, sm.keep_item_slots, sm.keep_full_grids, sm.keep_card_sets)
    runs = []
    for fresh in (False, True):
        seg = segment_html(html, max_depth=256, max_blocks=1000)
        f = compute_features(seg, "html")
        body = np.asarray([t.startswith(("$", "Candles made")) or t in names for t in seg.texts])
        why = np.zeros(len(body), dtype=np.int8)
        for step in steps:
            if fresh:
                seg.shared.pop("grid_front", None)
            step(seg, f, body, why)
        runs.append((body.copy(), why.copy()))
        front = sm._grid_front(seg, f)
        assert sm._grid_front(seg, f) is front and sm._grid_tree(seg, f, front) is sm._grid_tree(seg, f, front)
        assert not front.clean.flags.writeable and not front.blocks.flags.writeable
        other = dataclasses.replace(f)
        assert sm._grid_front(seg, other) is not front and sm._grid_front(seg, other).f is other
    assert np.array_equal(runs[0][0], runs[1][0]) and np.array_equal(runs[0][1], runs[1][1])
    assert np.count_nonzero(runs[0][1] == 85) >= 6  # the names joined through keep_item_slots


def test_copy_key_ascii_and_beyond() -> None:
    """drop_text_copies' key: an ASCII line's words by the ASCII class are the words the Unicode
    pattern finds (letters and digits; "_" and the markup split them), and a line beyond ASCII
    keeps its letters whole."""
    from boilerstrip.smooth import _COPY_WORDS_RE, _copy_key

    assert _copy_key("## 1. Best_for: [Our pick](https://example.com/x) costs $20!") == "best for our pick costs 20"
    assert _copy_key("> **Note**: snake_case v2.0") == " ".join(_COPY_WORDS_RE.findall("note: snake_case v2.0"))
    assert _copy_key("\u00dcn\u00efcode caf\u00e9: 3 fa\u00e7ades") == "\u00fcn\u00efcode caf\u00e9 3 fa\u00e7ades"
    assert _copy_key("  -- ") == "--"


def _linked_cards(tag: str = "p", end: str = ".", cls: str = "grid") -> str:
    lines = [
        "Support customers on any channel with one connected view of their history",
        "Resolve issues that need deeper problem solving with a shared ticket queue",
        "Help agents work faster with summaries and suggested replies in every chat",
    ]
    cards = "".join(f"<a href='/f{k}'><{tag}>{line}{end}</{tag}></a>" for k, line in enumerate(lines))
    return f"<div class='{cls}'>{cards}</div>"


def test_a_linked_card_sentence_between_body_blocks_is_body() -> None:
    from boilerstrip import extract_blocks

    def page(cards: str) -> str:
        return f"<body><main><p>{PROSE}</p>{cards}<p>{PROSE} Again.</p></main></body>"

    blocks = extract_blocks(page(_linked_cards())).blocks
    assert [b.label for b in blocks] == ["body"] * 5
    assert blocks[2].reasons[0].code == KEPT_CARD
    # Linked questions are a list of other pages, a rail's teasers stand under its class
    # word, and two cards are no grid.
    for cards in (_linked_cards(end="?"), _linked_cards(cls="related-posts"), _linked_cards()[:-len("</div>")].rsplit("<a ", 1)[0] + "</div>"):
        blocks = extract_blocks(page(cards)).blocks
        assert blocks[-2].label == "chrome"
        assert not any(b.reasons and b.reasons[0].code == KEPT_CARD for b in blocks)
    # After the text, the cards are the page's other offers, left to the other rules.
    after = f"<body><main><p>{PROSE}</p><p>{PROSE} Again.</p>{_linked_cards()}</main></body>"
    assert not any(b.reasons and b.reasons[0].code == KEPT_CARD for b in extract_blocks(after).blocks)


KEPT_CARD = "smoothed: a linked card's sentence between body blocks"


def test_text_toc_headings() -> None:
    """A dump's section heading that the page's table of contents lists joins the body between
    its section's text and the one before; a passage printed twice (the same pace) does not."""
    from boilerstrip import extract_blocks

    heads = ["Choosing your first tent", "Packing the rucksack", "Finding water on the trail", "Leaving no trace"]
    para = (
        "The trail climbs steadily through the forest and the walkers who start early in the morning have the "
        "best light for the views over the valley below, where the river bends towards the old mill. {}"
    )
    lines = ["Home", "Trips", "Gear", "Contact", "Contents", *heads, "A beginner's guide to the hills"]
    for k, h in enumerate(heads):
        lines += [h, para.format(f"Part {k} tells how."), para.format(f"Then part {k} goes on.")]
    lines += ["Share", "Follow us", "Copyright 2024 Hill Walkers"]
    doc = extract_blocks("\n".join(lines), input_type="text")
    copies = [b for b in doc.blocks if b.text in heads][len(heads):]
    # The first heading has no text above it within three lines (the page's title is chrome).
    assert [b.label for b in copies] == ["chrome"] + ["body"] * (len(heads) - 1)
    assert {str(b.reasons[0]) for b in copies[1:]} == {"smoothed: a section heading the table of contents lists (text)"}
    assert all(b.label == "chrome" for b in doc.blocks[: 5 + len(heads)])
    # A passage printed twice (for two screens) repeats its headings at its own pace: no contents list.
    wide = [x for k, h in enumerate(heads) for x in (h, para.format(f"Part {k} tells how."))]
    narrow = [x for k, h in enumerate(heads) for x in (h, para.format(f"In short, part {k}."))]
    doubled = extract_blocks("\n".join(["Home", "Trips", para.format("Welcome."), *wide, *narrow, "Share"]), input_type="text")
    assert not any(b.reasons and str(b.reasons[0]).startswith("smoothed: a section heading") for b in doubled.blocks)


def test_text_body_ends_at_a_comment_forms_notice() -> None:
    # A post, then a comment form with no heading: its notices (the script's preview and error
    # messages), then a sidebar's blurb of prose. The post stays, the notices and the blurb go
    # (smooth.drop_text_form_notices).
    from boilerstrip import extract
    from boilerstrip.smooth import drop_text_form_notices

    post = [f"Paragraph {k}: {PROSE}" for k in range(3)]
    form = [
        "Posted by: |",
        "This is only a preview. Your comment has not yet been posted.",
        "Your comment could not be posted. Error type:",
        "Your comment has been saved. Comments are moderated and will not appear until approved by the author.",
    ]
    blurb = [f"About the author: {PROSE}", f"Our other blog: {PROSE}"]
    dump = "\n".join(["Home", "Archives", "A headline of the post", *post, *form, *blurb, "Contact"])
    out = extract(dump, input_type="text")
    assert "Paragraph 2" in out
    assert "only a preview" not in out and "About the author" not in out
    seg = segment_text(dump, max_blocks=1000)
    f = compute_features(seg, "text")
    first = dump.split("\n").index(form[1])
    body, why = np.zeros(len(f), dtype=bool), np.zeros(len(f), dtype=np.int8)
    body[3:6] = True
    body[first:] = True
    drop_text_form_notices(seg, f, body, why)
    assert body.tolist() == [3 <= i < 6 for i in range(len(f))]
    assert SMOOTH_REASONS[int(why[first + 4])] == "smoothed: from a comment form's notice on (text)"
    # Under a post of a few words the notices go, the lines below them stay.
    body, why = np.zeros(len(f), dtype=bool), np.zeros(len(f), dtype=np.int8)
    body[2] = True
    body[first:] = True
    drop_text_form_notices(seg, f, body, why)
    assert body.tolist() == [i == 2 or i >= first + 3 for i in range(len(f))]


def test_comment_notice_wordings_and_their_stems() -> None:
    # Each notice, in the languages the engines translate it to, matches vocab.COMMENT_NOTICE_RE and
    # holds one of the stems drop_text_form_notices searches first; an article's sentence does not.
    from boilerstrip.smooth import _NOTICE_STEMS_ASCII
    from boilerstrip.vocab import COMMENT_NOTICE_RE

    notices = [
        "Your email address will not be published. Required fields are marked *",
        "* Email will not be published",
        "Deine E-Mail-Adresse wird nicht veröffentlicht.",
        "Votre adresse e-mail ne sera pas publiée.",
        "Tu dirección de correo electrónico no será publicada.",
        "Notify me of follow-up comments by email.",
        "Benachrichtige mich über neue Beiträge via E-Mail.",
        "You may use these HTML tags and attributes: <a href=\"\" title=\"\">",
        "Your comment is awaiting moderation.",
        "The letters and numbers you entered did not match the image. Please try again.",
        "All comments are moderated so you may experience a short delay.",
    ]
    for text in notices:
        assert COMMENT_NOTICE_RE.match(text) is not None, text
        assert any(stem in text.lower().encode("utf-8") for stem in _NOTICE_STEMS_ASCII), text
    for text in ["The email was not published by the paper.", "Comments on the new budget were sharp.", PROSE]:
        assert COMMENT_NOTICE_RE.match(text) is None, text


def test_a_data_table_inside_a_layout_table_is_body() -> None:
    from boilerstrip import extract_blocks

    # An old page lays itself out in a table: the menu in one cell, the article in the next. Its
    # release history ("4.2" / "May 2014") is a table of its own under that one, so the run of
    # blocks under a <table> is the whole page and the table rules read no table there; the run
    # of the history's own cells, right below a body sentence, is the content's table.
    releases = [("4.2", "May 2014"), ("4.2.1", "June 2014"), ("4.3", "August 2014"), ("4.3.1", "October 2014")]

    def page(menu: str) -> str:
        rows = "".join(f"<tr><td><a href='/r/{v}'>{v}</a></td><td>{d}</td></tr>" for v, d in releases)
        return ("<html><body><table><tr><td>" + menu + "</td><td>"
                f"<h1>Release histories</h1><p>{PROSE}</p><p>{PROSE}</p>"
                "<p>The release history of the suite tells a slightly different story:</p>"
                f"<table>{rows}</table><p>{PROSE}</p></td></tr></table>"
                "<p>Copyright © 2015 Example Inc.</p></body></html>")

    links = "".join(f"<p><a href='/{t}'>{t}</a></p>" for t in ("Front", "Archives", "Search", "Subscribe"))
    cells = {t for pair in releases for t in pair}
    blocks = extract_blocks(page(links)).blocks
    kept = [b for b in blocks if b.text in cells]
    assert len(kept) == 8 and all(b.label == "body" for b in kept)
    assert "smoothed: a table's own cells next to the body" in {str(r) for b in kept for r in b.reasons}
    # The menu's cells beside the article are no table of the content: they stay chrome.
    assert all(b.label == "chrome" for b in blocks if b.text in {"Front", "Archives", "Search", "Subscribe"})


def test_text_lines_between_short_body_lines_of_a_page_without_article() -> None:
    from boilerstrip.smooth import keep_text_short_gaps

    # A product page's dump: the later steps took the product's name and its returns line; the sizes
    # and the fit note between them, too short to pass alone, are the same content. A repeated button
    # and a date stay out; so does a run beside a line that a step has set, and a run that has a
    # paragraph on one side.
    lines = [
        "Trail Running Shoe",  # 0 body
        "Available sizes",
        "US 7",
        "US 8",
        "Add to cart",  # repeated label
        "March 3, 2024",  # date
        "Runs half a size small",
        "Free returns within 30 days",  # 7 body
        "Gift wrapping",
        "Sold out",  # 9: set by a step
        "Ships from the warehouse in Ohio",  # 10 body
        "Compare",
        PROSE,  # 12 body: a paragraph
        "Add to cart",
    ]

    def run(body_at: list[int], set_at: tuple[int, ...] = ()) -> tuple[list[bool], list[int]]:
        seg = segment_text("\n".join(lines), max_blocks=1000)
        f = compute_features(seg, "text")
        body, why = np.zeros(len(seg), dtype=bool), np.zeros(len(seg), dtype=np.int8)
        body[body_at] = True
        why[list(set_at)] = 3
        keep_text_short_gaps(f, body, why)
        return body.tolist(), why.tolist()

    body, why = run([0, 7, 10, 12], (9,))
    assert body[1:4] == [True] * 3 and body[6]
    assert not body[4] and not body[5]  # the repeated button, the date
    assert not body[8] and not body[9] and not body[11]  # beside a line a step set; beside a paragraph
    assert SMOOTH_REASONS[why[2]] == "smoothed: between short body lines of a page with no article (text)"
    # A page whose body holds three paragraphs is an article: its gaps are captions and boxes.
    lines[1] = lines[8] = PROSE + " Again."
    lines[3] = PROSE + " Once more."
    body, _ = run([0, 1, 3, 7, 8, 10])
    assert not body[2]


def _blog_with_a_sidebar(title: str, blurb_box: str = "<div><p>{}</p></div>") -> str:
    bio = 2 * (
        "I'm a 30-year-old writer and teacher interested in why some people lead happy and useful lives while "
        "others do not. I write here about the work, the books I read and the people I meet along the way."
    )
    blurb = (
        "This blog is a small place for the things we love: old clothes, new shoes, good music and the friends "
        "who share them with us. Come by every week to see what is new, and tell us what you think of it."
    )
    menu = "".join(f"<li><a href='/{k}'>Menu item {k}</a></li>" for k in range(6))
    links = "".join(f"<li><a href='/p{k}'>Older post number {k}</a></li>" for k in range(8))
    return (
        f"<body><div class='header'><ul>{menu}</ul></div>"
        f"<div class='main'><div class='post'><h2 class='post-title'>{title}</h2>"
        "<div class='post-body'><p>Photos by <a href='/f'>Eirik</a></p><p>Love it</p></div></div></div>"
        f"<div class='column'><h3>About me</h3><ul><li><div><p>{bio}</p></div></li></ul>"
        f"<h3>Archive</h3><ul>{links}</ul>{blurb_box.format(blurb)}</div></body>"
    )


def test_a_box_detached_below_a_short_post_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A post of a title and two short lines; the blog's blurb, far below it in the side column,
    # outscores them and is no part of the post.
    blocks = extract_blocks(_blog_with_a_sidebar("My new project")).blocks
    blurb = next(b for b in blocks if b.text.startswith("This blog"))
    assert blurb.label == "chrome"
    assert SMOOTH_REASONS[122] in [r.code for r in blurb.reasons]
    assert next(b for b in blocks if b.text == "My new project").label == "body"
    # When the box was the page's only body, the post's lines and its title come back instead.
    linked = extract_blocks(_blog_with_a_sidebar("<a href='/p'>My new project</a>")).blocks
    assert [b.text for b in linked if b.label == "body"] == ["My new project", "Photos by Eirik", "Love it"]
    assert all(SMOOTH_REASONS[123] in [r.code for r in b.reasons] for b in linked if b.label == "body")
    # A run led by a heading of its own is a section of the page: it stays.
    headed = _blog_with_a_sidebar("My new project", "<div><h3>What we love most of all here</h3><p>{}</p></div>")
    kept = next(b for b in extract_blocks(headed).blocks if b.text.startswith("This blog"))
    assert kept.label == "body"


def _short_post(text: str) -> str:
    menu = "".join(f"<li><a href='/{k}'>Menu item {k}</a></li>" for k in range(6))
    return (
        f"<body><div class='header'><ul>{menu}</ul></div><div class='main'><div class='post'>"
        "<h3 class='post-title'><a href='/2012/11/logos'>Logos made again for the end of days</a></h3>"
        "<div class='meta'><a href='/c/images'>images</a> — <a href='/u/me'>the writer</a> @ 15:34</div>"
        f"<div class='post-body'>{text}</div>"
        "<div><a href='/2012/11/logos#c'>Comments (0)</a></div></div></div>"
        "<div class='footer'><p>All rights reserved.</p></div></body>"
    )


def test_a_short_posts_linked_title_above_its_meta_line_is_body() -> None:
    from boilerstrip import extract_blocks

    # A picture's post: a linked headline, a meta line, then one line of text.
    line = "<p>Made by a designer from the north! Via a friend of ours, more of them here.</p>"
    title = next(b for b in extract_blocks(_short_post(line)).blocks if b.text.startswith("Logos"))
    assert title.label == "body"
    assert SMOOTH_REASONS[123] in [r.code for r in title.reasons]
    # Over a text of a hundred words or more, the step leaves the headline to the other rules.
    long = _short_post(line + "".join(f"<p>{PROSE} Part {k}.</p>" for k in range(6)))
    title = next(b for b in extract_blocks(long).blocks if b.text.startswith("Logos"))
    assert SMOOTH_REASONS[123] not in [r.code for r in title.reasons]


def _manual_page(code: str) -> str:
    menu = "".join(f"<li><a href='/m{k}'>Menu entry {k}</a></li>" for k in range(6))
    para = (
        "<p>The reader returns a stream of chunks that you can consume one at a time, and it closes "
        "the stream when the last chunk has been read by the caller.</p>"
    )
    types = "".join(f"<li><a href='/t/{t}'>{t}</a></li>" for t in ("ArrayBuffer", "TypedArray", "DataView", "Blob"))
    return (
        f"<body><nav><ul>{menu}</ul></nav><main><h1>Using the stream reader</h1>{para}{code}"
        f"<p>The body can be given as any of the types below, and each of them is read the same way.</p><ul>{types}</ul>"
        f"{para.replace('chunks', 'parts')}{code.replace('read', 'cancel')}{para.replace('reader', 'writer')}</main>"
        "<footer><p>All rights reserved.</p></footer></body>"
    )


def test_a_list_of_links_between_body_blocks_of_a_page_with_code_is_body() -> None:
    from boilerstrip import extract_blocks

    code = "<pre>const reader = stream.getReader();\nconst chunk = await reader.read();</pre>"
    blocks = extract_blocks(_manual_page(code)).blocks
    items = [b for b in blocks if b.text in ("ArrayBuffer", "TypedArray", "DataView", "Blob")]
    assert len(items) == 4
    assert all(b.label == "body" for b in items)
    assert all(SMOOTH_REASONS[125] in [r.code for r in b.reasons] for b in items)
    # The menu above the text stays out, and so does the footer.
    assert next(b for b in blocks if b.text == "Menu entry 0").label == "chrome"
    # Without code in the body the list is left to its score.
    plain = extract_blocks(_manual_page("")).blocks
    assert all(SMOOTH_REASONS[125] not in [r.code for r in b.reasons] for b in plain)


def test_a_listings_dated_linked_headlines_join_the_body() -> None:
    from boilerstrip.api import _run
    from boilerstrip.options import Options

    # A news section's index: a linked headline, a date, then the story's summary, post after post.
    titles = (
        "Harbour council approves the new ferry terminal plan",
        "Local bakery wins regional prize for its rye bread",
        "School choir prepares a winter concert at the town hall",
        "Volunteers clean up the river banks after the storm",
        "New cycle lanes open along the main road into town",
        "Museum shows old maps of the coast drawn by fishermen",
        "Football club signs a young keeper from the academy",
    )

    def post(k: int, title: str, same: bool) -> str:
        head = "Re: the harbour plan" if same else title
        return (
            f"<article class='post'><div class='head'><h2 class='widget-title'><a href='/news/{k}'>{head}</a></h2>"
            f"<p class='date'>March {k + 3}, 2024</p></div>"
            f"<div class='summary'><p>On day {k + 1} of the month, {PROSE[0].lower()}{PROSE[1:]}</p></div></article>"
        )

    def page(same: bool) -> str:
        return (
            "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><h1>Latest news</h1>"
            + "".join(post(k, t, same) for k, t in enumerate(titles))
            + "</main><footer><p>Copyright 2024 Example. All rights reserved.</p></footer></body>"
        )

    r = _run(page(False), Options())
    heads = [i for i, t in enumerate(r.seg.texts) if t in titles]
    assert len(heads) == 7 and (r.feats.link_density[heads] >= 0.5).all()
    assert r.body[heads].all() and (r.smoothed[heads] == 127).sum() >= 3
    assert SMOOTH_REASONS[127] == "smoothed: a linked headline above its kept summary, repeated down a listing"
    # A thread's replies repeat one title: they stay as scored.
    r = _run(page(True), Options())
    assert not (r.smoothed == 127).any()


def test_a_replys_subject_repeating_the_threads_title_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A thread whose engine heads each reply with "Re: <title>": chrome in the page and in its
    # dump. A reply's subject of its own and a sentence opening with "Re:" stay.
    title = "Turning off all the LEDs of the board"
    own = "Re: What about the fan speed"
    posts = "".join(
        f"<div class='post'><h3>{head}</h3><p>{PROSE} Reply {k}.</p></div>"
        for k, head in enumerate(["The first post", f"Re: {title}", f"RE: {title}", f"AW: Re: {title}", own])
    )
    blocks = extract_blocks(f"<body><main><h1>{title}</h1>{posts}</main></body>").blocks
    subjects = [b for b in blocks if b.text.endswith(title) and b.text != title]
    assert [b.label for b in subjects] == ["chrome", "chrome", "chrome"]
    assert all("smoothed: a reply's subject line that repeats the thread's title (Re: ...)" in [r.code for r in b.reasons] for b in subjects)
    assert [b.label for b in blocks if b.text in (title, own)] == ["body", "body"]
    dump = f"{title}\n\n" + "\n\n".join(f"Re: {title}\n{PROSE} Reply {k}." for k in range(3))
    blocks = extract_blocks(dump, input_type="text").blocks
    assert [b.label for b in blocks if b.text == f"Re: {title}"] == ["chrome", "chrome", "chrome"]


def test_a_block_of_unfilled_template_tags_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A page whose script did not run shows its template's slots as text: chrome. A sentence
    # quoting a tag stays, and so do the tags on a page whose code blocks show the template language.
    slots = ["{{ DiscussionBoard.errors[7].message }}", "{{ post.author }} {% if user %}"]
    quoted = "Write {{ form }} in the template where the form should appear, and the fields follow."
    items = "".join(f"<li><p>{PROSE} Reply {k}.</p><div>{slot}</div></li>" for k, slot in enumerate(slots))
    page = f"<body><main><h1>The budget thread</h1><p>{PROSE} {quoted}</p><ul>{items}</ul></main></body>"
    blocks = extract_blocks(page).blocks
    assert [b.label for b in blocks if b.text in slots] == ["chrome", "chrome"]
    assert all("smoothed: a template's unfilled tags ({{ ... }}) as a block" in [r.code for r in b.reasons] for b in blocks if b.text in slots)
    assert [b.label for b in blocks if b.text.endswith(quoted)] == ["body"]
    manual = page.replace("</main>", f"<pre>{{% for field in form %}}\n  {{{{ field }}}}\n{{% endfor %}}</pre><p>{PROSE}</p></main>")
    blocks = extract_blocks(manual).blocks
    assert [b.label for b in blocks if b.text in slots] == ["body", "body"]


def test_browser_notices_are_chrome() -> None:
    from boilerstrip import extract_blocks

    reason = "smoothed: a notice about the reader's browser (a video's fallback, a plea for JavaScript)"
    assert SMOOTH_REASONS[-40] == reason
    notes = ("Your browser does not support the video tag.", "This slideshow requires JavaScript.")
    middle = f"<p>{notes[0]}</p><p>{PROSE}</p><div>{notes[1]}</div>"
    html = f"<html><body><main><h1>How to plan a garden</h1><p>{PROSE} {PROSE}</p>{middle}<p>{PROSE} {PROSE}</p></main></body></html>"
    found = {b.text: b for b in extract_blocks(html).blocks}
    for note in notes:
        assert found[note].label == "chrome", note
        assert any(str(r) == reason for r in found[note].reasons), note
    # A sentence that names a browser or JavaScript otherwise is the text's own.
    own = "Open the page in your browser and the JavaScript console shows the plan's numbers."
    html = f"<html><body><main><h1>How to plan a garden</h1><p>{PROSE} {PROSE}</p><p>{own}</p><p>{PROSE} {PROSE}</p></main></body></html>"
    assert all(str(r) != reason for b in extract_blocks(html).blocks for r in b.reasons)
    # An essay's paragraph that quotes one is the text's own.
    essay = f"Browser wars were a nightmare for the harbour office. {PROSE} Best viewed in Netscape was no joke."
    html = f"<html><body><main><h1>How to plan a garden</h1><p>{PROSE} {PROSE}</p><p>{essay}</p><p>{PROSE} {PROSE}</p></main></body></html>"
    assert {b.text: b for b in extract_blocks(html).blocks}[essay].label == "body"
    # A dump keeps a clip's fallback as a line of its own, in the text's column.
    other = "The harbour master said the new pier would take two years to build and would cost less than the old plan."
    dump = "\n".join(["How to plan a garden", f"{PROSE} {other}", "Sorry, your browser doesn’t support embedded videos.", f"{other} {PROSE}"])
    found = {b.text: b for b in extract_blocks(dump, input_type="text").blocks}
    assert found["Sorry, your browser doesn’t support embedded videos."].label == "chrome"


def test_pointers_to_other_stories_inside_an_html_article_are_chrome() -> None:
    from boilerstrip import extract_blocks

    # A linked "See also: headline" between the story's paragraphs joins the run of alike
    # paragraphs, and a "Related articles" heading passes on its own: both point elsewhere.
    para = "<p>The council met on Monday to discuss the budget for the coming year, and the members agreed on most of the points raised.</p>"
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>The council agrees on its budget</h1>"
        + para * 3
        + "<p>See also: <a href='/x'>Council budget passes</a></p><p>See also:</p>"
        + para * 3
        + "<h2>Related reading:</h2>"
        + para
        + "<h2>Related articles</h2><p><a href='/y'>Mayor opens the new harbour bridge</a></p>"
        + "</article><footer>About us</footer></body></html>"
    )
    blocks = extract_blocks(page).blocks
    pointer = next(b for b in blocks if b.text == "See also: Council budget passes")
    assert pointer.label == "chrome"
    assert SMOOTH_REASONS[-60] in [r.code for r in pointer.reasons]
    heading = next(b for b in blocks if b.text == "Related articles")
    assert heading.label == "chrome"
    assert SMOOTH_REASONS[-61] in [r.code for r in heading.reasons]
    # A bare label (no linked headline) and a heading with a colon over body lead into the text's own part.
    assert next(b for b in blocks if b.text == "See also:").label == "body"
    assert next(b for b in blocks if b.text == "Related reading:").label == "body"
    assert sum(b.label == "body" and b.text.startswith("The council met") for b in blocks) == 7


def test_a_skip_link_or_a_pagers_label_on_its_own_is_chrome() -> None:
    from boilerstrip import extract_blocks

    # A post in a template that opens its main container with a skip link and closes the post with
    # the links to the posts beside it: chrome in the page and in its dump. A heading that only
    # starts with such words, and a sentence about the next page, stay.
    labels = ["Skip to main content", "« Previous Article", "Next Article »", "Zum Inhalt springen", "Sort by:"]
    kept = ["Next Steps", "Skip the line"]
    paras = "".join(f"<h2>{h}</h2><p>{PROSE} Part {k}.</p>" for k, h in enumerate(kept))
    html = (
        f"<body><main><div>{labels[0]}</div><div>{labels[3]}</div><h1>The budget</h1><div>{labels[4]}</div><p>{PROSE}</p>{paras}"
        f"<div><div>{labels[1]}</div><div>{labels[2]}</div></div></main></body>"
    )
    blocks = extract_blocks(html).blocks
    assert [b.label for b in blocks if b.text in labels] == ["chrome"] * 5
    assert [b.label for b in blocks if b.text in kept] == ["body", "body"]
    assert any("smoothed: a skip link, a pager's or a sort bar's label on its own (template navigation)" in [r.code for r in b.reasons] for b in blocks)
    dump = "\n\n".join([labels[0], "The budget", labels[4], PROSE, *[f"{h}\n\n{PROSE} Part {k}." for k, h in enumerate(kept)], labels[1], labels[2]])
    blocks = extract_blocks(dump, input_type="text").blocks
    assert [b.label for b in blocks if b.text in labels] == ["chrome"] * 4
    assert [b.label for b in blocks if b.text in kept] == ["body", "body"]


def test_text_consent_reads_the_pattern_only_where_cookie_stands() -> None:
    """drop_text_consent runs its patterns only on the body lines that hold "cookie" (session 25,
    spd): every line vocab.CONSENT_WORD_RE finds, in any case, with the Kelvin sign or beside
    letters past ASCII, passes that first test; a line without the word does not."""
    from boilerstrip import smooth
    from boilerstrip.vocab import CONSENT_WORD_RE

    lines = ["Cookies help us", "WE USE COOKIES", "coo\u212aie settings", "Ein Cookie", "\u00e9 cookie \u4e00", "no such word"]
    found = [i for i, line in enumerate(lines) if CONSENT_WORD_RE.search(line)]
    held = smooth._texts_holding(lines, np.arange(len(lines)), smooth._COOKIE_STEMS)
    assert found[:2] == [0, 1] and set(found) <= set(held) and 5 not in held
