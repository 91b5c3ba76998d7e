from __future__ import annotations

import dataclasses

import numpy as np

from boilerstrip import extract
from boilerstrip.features import compute_features
from boilerstrip.parse.segment import segment_html, segment_text
from boilerstrip.score import DEFAULT_PARAMS, RULES, score_blocks, threshold_for

PROSE = (
    "The council met on Tuesday to discuss the new budget, and most of the members agreed that "
    "the plan for the harbour should go ahead before the end of the year."
)


def scored(html: str, **params: object):  # type: ignore[no-untyped-def]
    f = compute_features(segment_html(html, max_depth=256, max_blocks=1000), "html")
    p = dataclasses.replace(DEFAULT_PARAMS, **params) if params else DEFAULT_PARAMS
    return f, *score_blocks(f, p)


def col(code: str) -> int:
    return RULES.index(code)


def test_contributions_sum_to_scores() -> None:
    f, scores, c = scored(f"<article><p>{PROSE}</p></article><nav><a href='/'>Home</a></nav>")
    assert c.shape == (2, len(RULES))
    assert np.allclose(c.sum(axis=1), scores)
    assert scores[0] > 3 and scores[1] < -5


def test_rule_codes_fire() -> None:
    f, scores, c = scored(
        f"<div class='story'><p>{PROSE}</p><p>{PROSE}</p></div>"
        "<nav><p><a href='/a'>Home page</a></p></nav><footer><p>Copyright notice here</p></footer>"
        "<aside><p>Side note</p></aside><div class='share-tools'><p>Share this</p></div>"
        "<div class='comments'><p>Nice post</p></div>"
    )
    assert c[2, col("nav_ancestor")] == DEFAULT_PARAMS.nav
    assert c[2, col("link_density")] == DEFAULT_PARAMS.link_density
    assert c[3, col("footer_ancestor")] == DEFAULT_PARAMS.footer
    assert c[4, col("aside_ancestor")] == DEFAULT_PARAMS.aside
    assert c[5, col("class_negative")] == DEFAULT_PARAMS.class_negative
    assert c[6, col("comment_section")] == DEFAULT_PARAMS.comment
    assert c[0, col("class_positive")] == DEFAULT_PARAMS.class_positive
    assert c[0, col("main_container")] == DEFAULT_PARAMS.main_container
    assert c[2, col("outside_main")] == DEFAULT_PARAMS.outside_main


def test_include_comments_drops_the_penalty() -> None:
    _, _, c = scored("<div class='comments'><p>Nice post</p></div>", include_comments=True)
    assert c[0, col("comment_section")] == 0.0


def test_longer_prose_scores_higher() -> None:
    _, scores, _ = scored(f"<p>{PROSE}</p><p>{PROSE[:40]}</p><p>Hi</p>")
    assert scores[0] > scores[1] > scores[2]


def test_thresholds_order() -> None:
    assert threshold_for("recall") < threshold_for("balanced") < threshold_for("precision")


def test_empty_page() -> None:
    f, scores, c = scored("")
    assert scores.shape == (0,) and c.shape == (0, len(RULES))


def test_teaser_cards_beside_an_article_are_chrome() -> None:
    article = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(5))
    cards = "".join(
        f"<div class='item'><h3><a href='/s{i}'>Another story people read this week {i}</a></h3>"
        f"<p>Excerpt {i}: {PROSE}</p></div>"
        for i in range(4)
    )
    f, scores, c = scored(f"<body><div><div>{article}</div><div class='rail'>{cards}</div></div></body>")
    excerpts = [i for i in range(len(f)) if f.n_words[i] > 20 and f.card[i]]
    assert len(excerpts) == 4
    assert (c[excerpts, col("teaser_card")] == DEFAULT_PARAMS.teaser_card).all()
    assert (scores[excerpts] < threshold_for("balanced")).all()
    assert (scores[:5] > threshold_for("balanced")).all()


def test_captions_are_chrome_but_code_and_tables_in_a_figure_are_not() -> None:
    code = "for row in rows:\n    total = total + row.price * row.count  # sum the order lines\n"
    f, scores, c = scored(
        f"<article><p>{PROSE}</p><figure><img src='a.png'><figcaption>{PROSE}</figcaption></figure>"
        f"<figure class='highlight'><pre>{code}</pre></figure>"
        f"<figure><table><tr><td>{PROSE}</td></tr></table></figure></article>"
    )
    assert len(f) == 4
    assert c[1, col("caption")] == DEFAULT_PARAMS.caption < 0
    assert scores[1] < threshold_for("recall") < threshold_for("balanced") < scores[0]
    assert (c[[0, 2, 3], col("caption")] == 0.0).all()
    assert (scores[[2, 3]] > threshold_for("balanced")).all()


def test_a_quotation_in_a_figure_is_no_caption() -> None:
    # The HTML standard's quotation: a <blockquote> in a <figure>, its source in the <figcaption>.
    f, scores, c = scored(
        f"<article><p>{PROSE}</p><figure><blockquote><p>{PROSE}</p></blockquote>"
        "<figcaption>Ada Lovelace, Notes</figcaption></figure><p>{PROSE}</p></article>".replace("{PROSE}", PROSE)
    )
    assert len(f) == 4
    assert c[1, col("caption")] == 0.0
    assert scores[1] > threshold_for("balanced")
    assert c[2, col("caption")] == DEFAULT_PARAMS.caption


def test_text_mode_dated_lines_outside_the_region_count_twice() -> None:
    # A long article, then a thread of long comments, each under a name and a date.
    said = " The members said they would meet again next week to talk about it." * 4
    comments = []
    for i in range(4):
        comments += [f"reader{i} says:", f"November {i + 1}, 2019 at 6:3{i} am", PROSE + said]
    lines = ["Title of the story", "", *[PROSE + " " + PROSE] * 12, "", "4 responses", *comments]
    f = compute_features(segment_text("\n".join(lines), max_blocks=100), "text")
    scores, c = score_blocks(f)
    dated = c[:, col("dated_items")]
    outside = (f.main == 0) & (f.dated > 0)
    assert outside.any() and f.main[-1] == 0.0
    expected = DEFAULT_PARAMS.dated_items * f.dated + DEFAULT_PARAMS.text_dated_outside * f.dated * (1.0 - f.main)
    assert np.array_equal(dated, expected)
    # The last comment is chrome; counted once, its dates would let it pass.
    _, c_once = score_blocks(f, dataclasses.replace(DEFAULT_PARAMS, text_dated_outside=0.0))
    threshold = threshold_for("balanced")
    assert scores[-1] < threshold < c_once[-1].sum()
    assert (scores[1:13] > threshold).all()


def _article_with(box: str) -> str:
    article = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(4))
    return f"<body><main><article><h1>Harbour plan</h1>{article}{box}</article></main></body>"


def test_an_aside_inside_the_article_weighs_as_a_nav() -> None:
    # A "read also" box the article holds: the main-container bonuses kept it under the
    # old aside weight (-2.0); an <aside> weighs as much as a <nav> (session 21's sweep).
    html = _article_with("<aside><p>Also read: <a href='/x'>the budget of last year</a> and what it cost.</p></aside>")
    assert DEFAULT_PARAMS.aside == DEFAULT_PARAMS.nav
    _, scores, c = scored(html)
    assert c[-1, col("aside_ancestor")] == DEFAULT_PARAMS.aside and scores[-1] < 0
    _, old, _ = scored(html, aside=-2.0)
    assert old[-1] > 0
    assert "Also read" not in extract(html)


def test_a_form_prompt_inside_the_article_is_chrome() -> None:
    html = _article_with("<form><p>Get the <a href='/x'>weekly council letter</a> in your inbox.</p></form>")
    _, scores, c = scored(html)
    assert c[-1, col("form_ancestor")] == DEFAULT_PARAMS.form and scores[-1] < 0
    _, old, _ = scored(html, form=-1.5)
    assert old[-1] > 0
    assert "weekly council letter" not in extract(html)
