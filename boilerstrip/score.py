"""The block scorer: named rules over whole feature arrays.

``score_blocks(features, params)`` returns each block's score (the sum of the
rules' contributions) and the contribution matrix (blocks x rules), so that
every score can be explained by the rules that made it. Rules are pure array
expressions: no Python loop over blocks, no I/O, no globals but constants.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .features import Features, FloatArray
from .parse.segment import Flag

__all__ = ["DEFAULT_PARAMS", "RULES", "Params", "score_blocks", "threshold_for"]

# Stable reason codes, one per column of the contribution matrix.
RULES = (
    "bias",
    "length",
    "link_density",
    "stopwords",
    "sentence_end",
    "sentences",
    "main_container",
    "outside_main",
    "nav_ancestor",
    "footer_ancestor",
    "aside_ancestor",
    "header_ancestor",
    "form_ancestor",
    "class_negative",
    "class_positive",
    "comment_section",
    "article_ancestor",
    "repeated",
    "date_like",
    "heading",
    "title_case",
    "teaser_run",
    "paragraph",
    "ellipsis",
    "caption",
    "dated_items",
    "teaser_card",
)


@dataclass(frozen=True)
class Params:
    """Weights of the scoring rules.

    The numbers were set by hand on the two seed pages and the tuning part of the
    dev datasets (never the held-out part; see docs/accuracy.md), as round values:
    each is "how many prose-length units of evidence" the signal is worth.
    """

    bias: float = -0.5
    # Length: log2 of the word count around 10 words (a short sentence) is neutral.
    length_weight: float = 1.2
    length_pivot: float = 3.3  # log2(1 + 9 words)
    link_density: float = -4.0
    # Running text in the languages we know has 25-50% function words; menus under 10%.
    stopword_pivot: float = 0.18
    stopword_weight: float = 6.0
    sentence_end: float = 0.6
    sentences: float = 0.3
    main_container: float = 1.5
    outside_main: float = -3.0
    text_main: float = 1.0
    text_outside: float = -2.5
    nav: float = -3.0
    footer: float = -2.5
    # An <aside> is what the HTML standard sets beside the flow, as a <nav> is: it weighs as
    # much, even inside the article (a "read also" box, a pull-out). A <form>'s text is a
    # sign-up, search or filter prompt. Session 21's joint sweep of the weights over the six
    # datasets' dev pages (-2.0 and -1.5 before; docs/design.md, "Score").
    aside: float = -3.0
    header: float = -1.5
    form: float = -2.0
    class_negative: float = -1.5
    class_positive: float = 0.5
    # Comments are prose too: only a strong penalty keeps a long discussion out.
    comment: float = -6.0
    article: float = 1.0
    repeated: float = -1.5
    date_like: float = -1.5
    heading: float = 1.0
    title_case: float = -0.8
    teaser_run: float = -1.5
    paragraph: float = 0.5
    ellipsis: float = -1.0
    # Captions and figure credits describe a picture, not the story: they are left out
    # unless everything else about them says content (-1.0 let most through; the truths of
    # scrapinghub-aeb and trafilatura-eval leave them out, readability-testpages keeps them).
    caption: float = -10.0
    # Text mode: per extra date line nearby (a list of dated comments or posts).
    dated_items: float = -0.75
    # Text mode: the same again for a line outside the main region. Comments under an article
    # are prose among dates outside the article's region; HTML mode leaves them out by markup.
    text_dated_outside: float = -0.75
    # Plain text has no markup to vouch for short lines: they need more words to stand alone.
    text_length_pivot: float = 3.9  # log2(1 + 14 words)
    # Inside one of several alike items led by a linked headline, beside an article.
    teaser_card: float = -2.0
    include_comments: bool = False


DEFAULT_PARAMS = Params()

# Label threshold per Options.favor: a score above it is body.
_THRESHOLDS = {"balanced": 0.0, "precision": 0.75, "recall": -0.75}


def threshold_for(favor: str) -> float:
    """The body/chrome threshold for an Options.favor value."""
    return _THRESHOLDS[favor]


# Rules that look at one context bit of a block: (column of RULES, Params weight, bits, unless):
# a rule holds for a block under any of its bits and none of its unless bits.
_FLAG_RULES = (
    ("nav_ancestor", "nav", Flag.NAV, 0),
    ("footer_ancestor", "footer", Flag.FOOTER, 0),
    ("aside_ancestor", "aside", Flag.ASIDE, 0),
    ("header_ancestor", "header", Flag.HEADER, 0),
    ("form_ancestor", "form", Flag.FORM, 0),
    ("class_negative", "class_negative", Flag.NEG_CLASS, 0),
    ("class_positive", "class_positive", Flag.POS_CLASS, 0),
    ("article_ancestor", "article", Flag.ARTICLE | Flag.MAIN, 0),
    # A <figure> also wraps code listings and tables (blog engines' highlighted code): those
    # are the text itself, not a caption. So is a <blockquote> in a <figure>: the HTML
    # standard's way to set off a quotation, its source in the <figcaption> beside it.
    ("caption", "caption", Flag.FIGURE, Flag.PRE | Flag.TABLE | Flag.QUOTE),
)
_FLAG_COLUMNS = np.array([RULES.index(code) for code, _, _, _ in _FLAG_RULES])
_FLAG_WEIGHTS = tuple(weight for _, weight, _, _ in _FLAG_RULES)
_FLAG_BITS = np.array([bits for _, _, bits, _ in _FLAG_RULES], dtype=np.int64)
_FLAG_UNLESS = np.array([unless for _, _, _, unless in _FLAG_RULES], dtype=np.int64)
# The content bonuses a comment does not get.
_BONUS_COLUMNS = np.array([RULES.index(code) for code in ("main_container", "class_positive", "article_ancestor")])


def score_blocks(f: Features, p: Params = DEFAULT_PARAMS) -> tuple[FloatArray, FloatArray]:
    """Score every block; return (scores, contributions[n_blocks, len(RULES)])."""
    n = len(f)
    c = np.zeros((n, len(RULES)), dtype=np.float64)
    if n == 0:
        return np.zeros(0, dtype=np.float64), c
    words = f.n_words
    c[:, 0] = p.bias
    pivot = p.length_pivot if f.mode == "html" else p.text_length_pivot
    c[:, 1] = np.clip(p.length_weight * (np.log2(1.0 + words) - pivot), -2.5, 3.0)
    c[:, 2] = p.link_density * f.link_density
    c[:, 3] = np.where(
        words >= 4, np.clip((f.stopword_ratio - p.stopword_pivot) * p.stopword_weight, -1.5, 1.0), 0.0
    )
    c[:, 4] = p.sentence_end * f.sentence_end
    c[:, 5] = p.sentences * np.minimum(f.n_sentences, 4.0)
    found = f.main_share > 0
    if f.mode == "html":
        if found:
            c[:, 6] = p.main_container * f.main
            c[:, 7] = p.outside_main * (1.0 - f.main)
        flags = f.flags
        # The container rules (nav_ancestor ... caption), one column per context bit, at once.
        weights = np.array([getattr(p, name) for name in _FLAG_WEIGHTS])
        c[:, _FLAG_COLUMNS] = (((flags[:, None] & _FLAG_BITS) != 0) & ((flags[:, None] & _FLAG_UNLESS) == 0)) * weights
        comment = (flags & Flag.COMMENT) != 0
        if not p.include_comments:
            c[:, 15] = p.comment * comment
            # A comment thread is not part of the content it sits under: no content bonuses.
            bonus = c[:, _BONUS_COLUMNS]
            c[:, _BONUS_COLUMNS] = np.where(comment[:, None], np.minimum(bonus, 0.0), bonus)
        else:
            # Comments never choose the main container; when they are wanted, sitting
            # outside it is not held against them.
            c[:, 7] = np.where(comment, 0.0, c[:, 7])
        c[:, 19] = p.heading * (f.heading > 0) * f.main
        c[:, 26] = p.teaser_card * f.card
    else:
        if found:
            c[:, 6] = p.text_main * f.main
            c[:, 7] = p.text_outside * (1.0 - f.main)
        if f.blank_style:
            lone = (f.blank_before > 0) & (f.blank_after > 0)
            c[:, 21] = p.teaser_run * (((f.run_long >= 3) | (f.run_lines >= 3)) & ~lone)
            c[:, 22] = p.paragraph * (lone & (words >= 10))
        c[:, 25] = p.dated_items * f.dated
        if found:
            c[:, 25] += p.text_dated_outside * f.dated * (1.0 - f.main)
    c[:, 17] = p.repeated * f.repeated
    c[:, 18] = p.date_like * f.date_like
    c[:, 23] = p.ellipsis * f.ellipsis
    c[:, 20] = p.title_case * ((f.capital_ratio > 0.7) & (words >= 2) & (words <= 6) & (f.heading == 0))
    return c.sum(axis=1), c


# score_blocks' compiled twin (boilerstrip/_kernels.pyx) when it is built and scores the probes alike.
from .parse._compiled import choose_kernel  # noqa: E402  (needs everything above)

score_blocks = choose_kernel("score_blocks", score_blocks)
