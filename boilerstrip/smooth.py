"""Context smoothing: fix isolated decisions using the neighbours.

A reader sees a subheading or a one-line paragraph inside an article as part
of it, and a single long teaser inside a list of links as part of the list.
The scorer sees blocks one at a time; these rules look at the labels around
each block. Each change carries a reason code.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt
import regex

from .features import FORM_LINE_STEMS as _FORM_LINE_STEMS
from .features import _lstrip_starts
from .features import (
    CODE_LINE_RE,
    INVISIBLE,
    Features,
    HEADING_KINDS,
    FloatArray,
    common_ancestor,
    elem_subtree_ends,
    names_comment_form,
    _COMMENT_FORM,
    _DATE,
    _NO_COMMENTS,
    _thread_head,
    _PRICE_SIGNS,
    _PRICE_WORDS,
    priced_lines,
    subtree_ends,
    under_review_class,
    within,
)
from .parse.segment import (
    Flag,
    Segments,
    _class_words as class_words,
    _str_holds,
    declares_article,
    declares_product,
    declares_thread,
)
from .vocab import (
    AGREEMENT_RE,
    BROWSER_NOTICE_RE,
    COMMENT_NOTICE_RE,
    AUTHOR_BOX_RE,
    AUTHOR_GREETING_RE,
    CHROME_ONLY_TOKENS,
    CONSENT_CONTEXT_RE,
    CONSENT_DATA_TERMS,
    CONSENT_WORD_RE,
    COPYRIGHT_RE,
    CTA_RE,
    DISCLOSURE_RE,
    DISCLOSURE_WHO_RE,
    EDIT_NOTE_RE,
    FAILURE_RE,
    FORM_THANKS_RE,
    INGREDIENTS_HEAD_RE,
    KEY_POINTS_RE,
    METHOD_HEAD_RE,
    NAV_LABEL_RE,
    NAME_BIO_RE,
    NEWSLETTER_RE,
    PERSON_PRONOUN_RE,
    POST_END_RE,
    POST_META_RE,
    PROMPT_RE,
    POSTED_BY_RE,
    POST_NAV_MAIN_RE,
    RAIL_TOKENS,
    SHARE_BAR_RE,
    STAR_COUNT_RE,
    CREDIT_LINE_RE,
    EDIT_NOTICE_RE,
    MEMBER_STATS_RE,
    POST_ACTION_RE,
    FIELD_MAIL_RE,
    FIELD_NAME_RE,
    SIGN_OFF_RE,
    READ_ALSO_RE,
    OTHER_STORIES_RE,
    RELATED_HEAD_RE,
    RELATED_PRODUCTS_RE,
    PLACEHOLDER_START_RE,
    PLACEHOLDER_WORDS,
    TOC_TITLE_RE,
)

__all__ = [
    "SMOOTH_REASONS",
    "drop_after_comment_form",
    "drop_author_boxes",
    "drop_browser_notices",
    "drop_calls_to_action",
    "drop_chrome_copies",
    "drop_chrome_only_classes",
    "drop_detached_boxes",
    "drop_disclosures",
    "drop_doubled",
    "drop_edit_notices",
    "drop_far_tail",
    "drop_form_notices",
    "drop_image_addresses",
    "drop_item_labels",
    "drop_language_menus",
    "drop_link_headings",
    "drop_machine_stamps",
    "drop_member_stats",
    "drop_nav_labels",
    "drop_product_reviews",
    "drop_related_products",
    "drop_reply_subjects",
    "drop_signatures",
    "drop_slides",
    "drop_story_pointers",
    "drop_tail_pitches",
    "drop_template_tags",
    "drop_text_above_crumb",
    "drop_text_after_copyright",
    "drop_text_after_fields",
    "drop_text_after_form",
    "drop_text_author_bios",
    "drop_text_comments",
    "drop_text_consent",
    "drop_text_copies",
    "drop_text_copyright_lines",
    "drop_text_credit_lines",
    "drop_text_doubled",
    "drop_text_form_notices",
    "drop_text_glued_teasers",
    "drop_text_member_stats",
    "drop_text_newsletter",
    "drop_text_post_actions",
    "drop_text_post_end",
    "drop_text_post_numbers",
    "drop_text_read_also",
    "drop_text_related",
    "drop_text_reviews",
    "drop_text_tag_lists",
    "drop_toc_titles",
    "drop_trailer",
    "drop_trailing_chrome",
    "keep_alike_runs",
    "keep_article_lists",
    "keep_card_sets",
    "keep_code_page_link_lists",
    "keep_content_lists",
    "keep_dated_headlines",
    "keep_definition_terms",
    "keep_early_posts",
    "keep_full_grids",
    "keep_grid_items",
    "keep_headed_tables",
    "keep_index_lists",
    "keep_inner_tables",
    "keep_item_slots",
    "keep_lead_in_lists",
    "keep_linked_cards",
    "keep_linked_lead_in_lists",
    "keep_listing",
    "keep_listing_headlines",
    "keep_name_value_lists",
    "keep_own_line_links",
    "keep_post_headers",
    "keep_short_post_titles",
    "keep_table_rows",
    "keep_text_before_share_bar",
    "keep_text_between_regions",
    "keep_text_gaps",
    "keep_text_inner_lists",
    "keep_text_lead",
    "keep_text_listing",
    "keep_text_lists",
    "keep_text_lone_post",
    "keep_text_long_lines",
    "keep_text_pairs",
    "keep_text_product_tail",
    "keep_text_prose",
    "keep_text_recipes",
    "keep_text_records",
    "keep_text_sections",
    "keep_text_sentences",
    "keep_text_short_gaps",
    "keep_text_short_post",
    "keep_text_specs",
    "keep_text_table_after",
    "keep_text_tables",
    "keep_text_toc_headings",
    "keep_text_without_prose",
    "smooth_labels",
]

BoolArray = npt.NDArray[np.bool_]

SMOOTH_REASONS = {
    -61: "smoothed: a related-stories heading in the text (HTML)",
    -60: "smoothed: a linked pointer to another story in the text (HTML)",
    -55: "smoothed: a consent dialog's list of data uses (text)",
    -51: "smoothed: a template's unfilled tags ({{ ... }}) as a block",
    -50: "smoothed: a reply's subject line that repeats the thread's title (Re: ...)",
    -45: "smoothed: a skip link, a pager's or a sort bar's label on its own (template navigation)",
    -40: "smoothed: a notice about the reader's browser (a video's fallback, a plea for JavaScript)",
    -37: "smoothed: a block that says the same thing twice (a hidden copy beside its text)",
    -10: "smoothed: a writer's count above a post's number in a thread (text)",
    -9: "smoothed: a post's number on its own line in a thread (text)",
    1: "smoothed: between body blocks",
    2: "smoothed: heading before body",
    3: "smoothed: alone among chrome",
    4: "smoothed: title before body",
    5: "smoothed: standfirst before body",
    6: "smoothed: data table in the content",
    7: "smoothed: best of a page without content",
    8: "smoothed: item of a listing page",
    9: "smoothed: chrome class after the content",
    10: "smoothed: one of a run of alike blocks in the content",
    11: "smoothed: heading of a link list",
    12: "smoothed: under a chrome-only class word",
    13: "smoothed: list after its lead-in",
    14: "smoothed: sentence beside the content",
    15: "smoothed: a plain list of the article",
    16: "smoothed: in the comments below the article",
    17: "smoothed: far below the content",
    18: "smoothed: in the page's footer",
    19: "smoothed: a repeat of a body block above",
    20: "smoothed: a cookie notice",
    21: "smoothed: a link on its own line in the text",
    22: "smoothed: a slideshow's counter or an embedded slideshow",
    23: "smoothed: a list of tags in alphabetical order",
    24: "smoothed: between body lines of the main region",
    25: "smoothed: after the post's end",
    26: "smoothed: a link to another story",
    27: "smoothed: a name-value list in the content",
    28: "smoothed: from the comment form on",
    29: "smoothed: from the comment form on (text)",
    30: "smoothed: a paragraph between parts of the main region",
    31: "smoothed: a line that says the same thing twice",
    32: "smoothed: a newsletter's pitch",
    33: "smoothed: a line of a grid item that holds the content",
    34: "smoothed: a short post above the comment form",
    35: "smoothed: a customer's review of the product",
    36: "smoothed: a post's author or date in a thread",
    37: "smoothed: a post's writer's details in a thread",
    39: "smoothed: an item of a listing in the text",
    40: "smoothed: a copy of a passage of body lines above",
    41: "smoothed: a heading and its sentence in a run of such pairs",
    42: "smoothed: a last block outside the main container, below it",
    43: "smoothed: a teaser glued to its headline",
    44: "smoothed: a related-stories heading and its list",
    45: "smoothed: a menu of languages",
    46: "smoothed: a headline of a listing",
    47: "smoothed: a section of short sentences beside the content",
    48: "smoothed: the term of a definition that is body",
    49: "smoothed: below the footer's copyright line",
    50: "smoothed: a run of label: value lines beside the content",
    51: "smoothed: a long line of prose beside body lines",
    52: "smoothed: a heading and its sentence in a run of such pairs above the closing FAQ",
    53: "smoothed: the paragraph right above the article, past its byline",
    54: "smoothed: a list inside the text after a lead-in that a later step kept",
    55: "smoothed: a line of a page with no running text",
    56: "smoothed: a flattened table right after body lines",
    57: "smoothed: from the first of a run of timestamped comment headers below the article on",
    58: "smoothed: a plain list between the paragraphs of the content",
    59: "smoothed: a flattened table between body lines of the main region",
    60: "smoothed: a record of a name, its description and a link beside the content",
    61: "smoothed: a short post above its comment thread",
    62: "smoothed: a line of a card set between paragraphs of the content",
    63: "smoothed: a call to action beside an article",
    64: "smoothed: an affiliate disclosure",
    65: "smoothed: a heading before body that the menu repeats",
    66: "smoothed: a newsletter's pitch below the content",
    67: "smoothed: from a box of other stories under the post on",
    68: "smoothed: the footer's copyright notice as the last body line",
    69: "smoothed: a post's sign-off below the content",
    71: "smoothed: a line of a card in a set of cards that hold body",
    72: "smoothed: a line that opens with a copyright notice",
    73: "smoothed: a post's meta line below the content",
    74: "smoothed: an author's box below the content",
    75: "smoothed: an image's address on a line of its own",
    76: "smoothed: a forum post's signature",
    77: "smoothed: a recipe's ingredients and steps beside the content",
    78: "smoothed: a post's lines above its share bar",
    79: "smoothed: a sentence between body lines, outside every region",
    80: "smoothed: a table under a header row in the content",
    81: "smoothed: a list after its lead-in in the content",
    82: "smoothed: a table of names and values",
    83: "smoothed: a blog's one post beside a short text (text)",
    84: "smoothed: above the breadcrumb trail that heads the article",
    85: "smoothed: a line in the same place of grid items as the body's",
    86: "smoothed: a customer review below the product's rating histogram",
    87: "smoothed: a short text beside a blog's one post (text)",
    89: "smoothed: a form's notice that binds the reader to the site's terms",
    90: "smoothed: a widget's prompt to sign in, or its error message",
    91: "smoothed: the footer's long copyright notice far below the content, with its lines",
    92: "smoothed: an author's bio under its box's heading below the content (text)",
    93: "smoothed: a key point under its box's heading above the content",
    94: "smoothed: a form's thank-you notice",
    95: "smoothed: a line of a grid whose every item holds body",
    96: "smoothed: a machine's timestamp on a line of its own",
    98: "smoothed: a forum member's stats line (text)",
    97: "smoothed: a post of the thread above its container",
    99: "smoothed: a repeated heading that heads its own section",
    100: "smoothed: a linked heading over its section's text",
    101: "smoothed: a Q&A post's action line and its date (text)",
    102: "smoothed: a table of contents' title on a line of its own",
    103: "smoothed: a product's short line below its priced description (text)",
    104: "smoothed: a template's placeholder text (lorem ipsum) or its heading",
    105: "smoothed: a copy of the page's footer, menu or sidebar",
    106: "smoothed: a linked card's sentence between body blocks",
    107: "smoothed: a table's own cells next to the body",
    108: "smoothed: a writer's bio under a line of their name below the content",
    110: "smoothed: a section heading the table of contents lists (text)",
    111: "smoothed: a line of a grid of priced items that hold the content",
    112: "smoothed: a line of a grid of cards between body blocks",
    113: "smoothed: a forum member's stats line",
    114: "smoothed: a forum post's edit notice",
    115: "smoothed: between short body lines of a page with no article (text)",
    116: "smoothed: a list of links between its lead-in and the text below",
    117: "smoothed: from a form's name and e-mail fields on (text)",
    118: "smoothed: a photo's credit on a line of its own (text)",
    119: "smoothed: a box of other products under its heading",
    120: "smoothed: from a comment form's notice on (text)",
    121: "smoothed: a post's number on its own line in a thread",
    122: "smoothed: a box detached below a short post, outside its container",
    123: "smoothed: a short post's title or line",
    124: "smoothed: a button or label that a grid's items repeat",
    125: "smoothed: a list of links between the body blocks of a page with code",
    127: "smoothed: a linked headline above its kept summary, repeated down a listing",
}

# A block this far below the threshold is chrome for sure: smoothing leaves it alone.
_FIRM_CHROME = 3.0
# A body block this far above the threshold stands on its own even among chrome.
_FIRM_BODY = 3.0
# A lead (kept though alone among chrome): at most this many blocks above the main
# container's next body block, with link density under _LEAD_LINKS and a score at least
# _LEAD_MARGIN above the threshold.
_LEAD_GAP = 5
_LEAD_LINKS = 0.3
_LEAD_MARGIN = 1.0
# A page with no body keeps the blocks within this distance of the threshold.
_RESCUE_MARGIN = 2.0
# A page holding fewer words than a short paragraph: its lines are judged against each other.
_FEW_WORDS = 50.0
_CHROME_CONTEXT = Flag.NAV | Flag.FOOTER | Flag.ASIDE | Flag.COMMENT
# A caption (a <figure>'s text that is no table or code: the scorer's caption rule) is chrome by
# its tag: no neighbour rule makes it body ("between body blocks" took a gallery's captions).
_CAPTION = Flag.FIGURE
_CAPTION_UNLESS = Flag.TABLE | Flag.PRE | Flag.QUOTE


def _next_index(n: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    idx = np.arange(n)
    return np.maximum(idx - 1, 0), np.minimum(idx + 1, n - 1)


def smooth_labels(
    scores: FloatArray, f: Features, threshold: float
) -> tuple[BoolArray, npt.NDArray[np.int8]]:
    """Return (is_body, reason code per block: 0 unchanged, else a key of SMOOTH_REASONS)."""
    n = len(scores)
    body = scores > threshold
    why = np.zeros(n, dtype=np.int8)
    if n < 2:
        if n and not _any(body):
            rescue_empty(body, why, scores, f, threshold)
        return body, why
    margin = scores - threshold
    soft = (margin > -_FIRM_CHROME) & (f.date_like == 0) & (f.repeated == 0)
    if f.mode == "html":
        soft &= (f.flags & _CHROME_CONTEXT) == 0
        soft &= ((f.flags & _CAPTION) == 0) | ((f.flags & _CAPTION_UNLESS) != 0)
    prev_i, next_i = _next_index(n)
    first = np.arange(n) == 0
    last = np.arange(n) == n - 1

    # Lone long blocks among chrome: a teaser in a link list.
    for _ in range(1):
        around = ~body[prev_i] & ~body[next_i] & ~first & ~last
        if n > 4:
            prev2 = np.maximum(np.arange(n) - 2, 0)
            next2 = np.minimum(np.arange(n) + 2, n - 1)
            around &= ~body[prev2] & ~body[next2]
        alone = body & around & (margin < _FIRM_BODY) & (f.main == 0)
        if _any(alone):
            alone &= ~_lead(body, margin, f)
        body = body & ~alone
        why[alone] = 3

    _fill_gaps(body, why, soft & (f.link_density < 0.5))
    if f.mode == "html":
        _keep_data_tables(body, why, f)
    # Headings right before body (a heading chain, h2 then h3, in two passes). A linked
    # heading above another heading is a headline of a list of links ("More:", then the
    # stories' titles), not the head of a section: only the first pass takes it.
    for chain in (False, True):
        heading = ~body & soft & body[next_i] & ~last & (f.heading > 0)
        if chain:
            heading &= f.link_density < _CHAIN_LINKS
        body |= heading
        why[heading & (why == 0)] = 2

    if not _any(body):
        rescue_empty(body, why, scores, f, threshold)
    if f.mode == "text" and _any(body):
        _text_head(body, why, f)
    return body, why


# A heading of this much link text is a link: it heads the block right after it, not a chain
# (0.5, as the gap fill's limit; scrapinghub-aeb +0.0002, nothing else moved by 0.0001).
_CHAIN_LINKS = 0.5


def _lead(body: BoolArray, margin: FloatArray, f: Features) -> BoolArray:
    """Blocks that read as the article's lead: the next body block, a few blocks on, is in the main container.

    A standfirst or a first paragraph set apart above the article (between the title, a
    photo and a byline) is alone among chrome, but it is no teaser in a link list: plain
    prose (few links, no heading) clearly above the threshold, right before the article.
    """
    n = len(body)
    idx = body.nonzero()[0]
    pos = np.searchsorted(idx, np.arange(n), side="right")
    has = pos < len(idx)
    nxt = idx[np.minimum(pos, len(idx) - 1)]
    near = has & (nxt - np.arange(n) <= _LEAD_GAP) & (f.main[nxt] > 0)
    lead: BoolArray = near & (f.link_density < _LEAD_LINKS) & (f.heading == 0) & (margin >= _LEAD_MARGIN)
    return lead


def rescue_empty(
    body: BoolArray, why: npt.NDArray[np.int8], scores: FloatArray, f: Features, threshold: float
) -> None:
    """Nothing reached the threshold: a tiny page, or one short note.

    Keep what is not plainly chrome rather than return nothing for a page that has text:
    the blocks near the threshold, or, on a page of a few words (whose every line is "too
    short"), the best of its plain lines (no links, dates, repetition or chrome containers),
    judged against each other.
    """
    margin = scores - threshold
    plain = (f.date_like == 0) & (f.repeated == 0)
    if f.mode == "html":
        plain &= (f.flags & _CHROME_CONTEXT) == 0
    rescue = plain & (margin > -_RESCUE_MARGIN)  # within the firm-chrome bound too
    if not _any(rescue) and float(f.n_words.sum()) < _FEW_WORDS:
        lines = plain & (f.link_density < 0.5)
        if _any(lines):
            rescue = lines & (margin > margin[lines].max() - _RESCUE_MARGIN)
    body |= rescue
    why[rescue] = 7


def _fill_gaps(body: BoolArray, why: npt.NDArray[np.int8], soft: BoolArray) -> None:
    """Short runs of chrome between body blocks join the body, when smoothing may touch them.

    A subheading, a dateline, a one-line paragraph or a short list inside an article
    scores low alone; between two body blocks it is part of the article.
    """
    n = len(body)
    starts, ends = _runs_of(~body)
    if not len(starts):
        return
    hard = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(~soft, out=hard[1:])
    fill = (starts > 0) & (ends < n) & (ends - starts <= _MAX_GAP) & (hard[ends] == hard[starts])
    if _any(fill):
        inside = _spans(n, starts[fill], ends[fill])
        body |= inside
        why[inside & (why == 0)] = 1


def _runs_of(mask: BoolArray) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Where each run of True in mask starts, and where it ends (exclusive)."""
    padded = np.zeros(len(mask) + 2, dtype=bool)
    padded[1:-1] = mask
    edges = (padded[1:] != padded[:-1]).nonzero()[0]
    return edges[0::2], edges[1::2]


def _spans(n: int, starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]) -> BoolArray:
    """A mask of n blocks, True inside the given [start, end) spans (which do not overlap)."""
    marks = np.zeros(n + 1, dtype=np.int64)
    marks[starts] += 1
    marks[ends] -= 1
    out: BoolArray = np.cumsum(marks[:n]) > 0
    return out


# The longest run of soft chrome blocks that can join the body around it: a short list
# or a subheading with a dateline; longer runs are boxes of their own.
_MAX_GAP = 6


def _keep_data_tables(body: BoolArray, why: npt.NDArray[np.int8], f: Features) -> None:
    """A table of short cells inside the main content, next to body text, is content.

    Cells of a data table (standings, specifications, prices) are too short to stand
    alone. A run of table cells counts as a data table when it sits in the main
    container, holds no paragraph (layout tables hold whole articles), is mostly not
    links, and touches the body before or after it.
    """
    n = len(body)
    table = ((f.flags & _TABLE) != 0) & ((f.flags & _CHROME_CONTEXT) == 0) & (f.main > 0)
    starts, ends = _runs_of(table)
    if not len(starts):
        return
    # reduceat adds from each run's start to the next one's: zero the blocks between runs.
    chars = np.add.reduceat(np.where(table, f.n_chars, 0.0), starts)
    link_chars = np.add.reduceat(np.where(table, f.link_density * f.n_chars, 0.0), starts)
    words = np.maximum.reduceat(np.where(table, f.n_words, 0.0), starts)
    before = np.concatenate(([False], body[:-1]))[starts]
    after = np.concatenate((body[1:], [False]))[ends - 1]
    keep = (
        (ends - starts >= _MIN_CELLS)
        & (words < _CELL_WORDS)
        & (link_chars / np.maximum(chars, 1.0) < 0.5)
        & (before | after)
    )
    if _any(keep):
        inside = _spans(n, starts[keep], ends[keep])
        why[inside & ~body & (why == 0)] = 6
        body |= inside


_TABLE = Flag.TABLE
# A data table has at least a header and a row of two cells, and no cell of paragraph length.
_MIN_CELLS = 4
_CELL_WORDS = 25


def _text_head(body: BoolArray, why: npt.NDArray[np.int8], f: Features) -> None:
    """In a plain-text page, a headline and standfirst sit just above the first body line.

    News pages put a kicker, the headline, a one-sentence standfirst, a dateline and a
    caption above the first paragraph; the text dump has lost the markup that says so.
    Look back a few lines from the first body line: the nearest sentence is the
    standfirst, and a heading-shaped line right above it (or right above the body,
    when there is no standfirst) is the title.
    """
    start = int(np.argmax(body))
    lo = max(0, start - _HEAD_WINDOW)
    standfirst = -1
    for i in range(start - 1, lo - 1, -1):
        if f.repeated[i] or f.date_like[i]:
            continue
        if f.n_words[i] >= 8 and f.sentence_end[i] and f.stopword_ratio[i] >= 0.15:
            standfirst = i
            break
    anchor = start
    if standfirst >= 0:
        body[standfirst] = True
        why[standfirst] = 5
        anchor = standfirst
    t = anchor - 1
    if t >= 0 and not body[t] and _title_shaped(f, t):
        body[t] = True
        why[t] = 4
    _text_subheadings(body, why, f)


def _text_subheadings(body: BoolArray, why: npt.NDArray[np.int8], f: Features) -> None:
    """A short line right before a body line of the main region is its heading.

    HTML mode knows headings by their tags ("heading before body"); a text dump has lost
    them, and a subheading of two or three words is too short to pass on its own. A line
    that is short, no sentence, not repeated, not a date, not cut short and not mostly
    capitals, and that stands right before a body line of the main region, heads it (two
    passes, for a heading over a heading). Not on a page whose paragraphs stand between blank lines: there
    the lines of related links set between the paragraphs take the same shape (the seed
    fixtures), and the blank lines already set headings apart for the region search.
    """
    n = len(body)
    if n < 2 or f.blank_style:
        return
    shaped = np.zeros(n, dtype=bool)
    shaped[:-1] = f.main[1:] > 0
    shaped &= (f.n_words <= _SUBHEAD_WORDS) & (f.sentence_end == 0) & (f.repeated == 0)
    # Mostly capitals (as _title_shaped): menus, banners, "SIGN UP FOR OUR NEWSLETTER".
    shaped &= (f.date_like == 0) & (f.ellipsis == 0) & (f.capital_ratio < 0.8)
    for _ in range(2):
        heading = np.zeros(n, dtype=bool)
        heading[:-1] = body[1:]
        heading &= shaped & ~body
        body |= heading
        why[heading & (why == 0)] = 2


# A subheading is a short line: up to 15 words (a headline may have 20, _title_shaped; 8 or
# 25 move the dev split by under 0.001).
_SUBHEAD_WORDS = 15
# How many lines above the first body line the headline may stand (kicker, headline,
# standfirst, dateline, caption: five lines on the pages we know of).
_HEAD_WINDOW = 5


def _title_shaped(f: Features, i: int) -> bool:
    """A headline: 3-20 words, not a sentence with a full stop, not a date, not repeated."""
    return bool(
        3 <= f.n_words[i] <= 20
        and not f.date_like[i]
        and not f.repeated[i]
        and f.n_sentences[i] == 0
        and f.capital_ratio[i] < 0.8
    )


def keep_text_lists(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the lines after a body line that ends in a colon are its list.

    "The library has three parts:" or "You will need:" leads into a list whose items, a few
    words each, are too short to pass alone; HTML mode sees the list's tags, a text dump has
    only the lead-in. The lead-in must be body and a sentence's length (_LEAD_IN_WORDS), not a
    label ("Share this:", "Tags:", "Filed under:"). Its list runs until the next body line, a
    date line or a repeated line (a comment thread's names and dates, a menu's entries), and
    for at most _LIST_LINES lines.
    """
    _lists_after_leads(seg, f, body, why, False, 13)


def keep_text_inner_lists(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a list after a lead-in that a later step made body is body, when body follows it.

    keep_text_lists runs first, on the lead-ins the scorer and the region search made body; the
    steps after it take more lines in (a sentence beside the region, a long line of prose, a
    paragraph between its parts), and some of them end in a colon over a list ("Scan this quick
    list for the top programs:", "The library consists of three primary components:"). Late in
    the text steps the lead-ins are looked for again, and a list joins only when a body line ends
    it: a list inside the text. A list that runs to the end of the content is as often the
    comment form, the tags and the categories under a post whose last paragraph ends in a colon
    over an embedded video the dump does not hold.
    """
    _lists_after_leads(seg, f, body, why, True, 54)


def _lists_after_leads(
    seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8], inside: bool, code: int
) -> None:
    """The lines after each body lead-in up to the next body line, a date or a repeat (keep_text_lists)."""
    n = len(body)
    if n < 2 or f.mode != "text":
        return
    texts = seg.texts
    # Lead-ins are rare: look at the text of long enough body lines only.
    leads = [i for i in (body[:-1] & (f.n_words[:-1] >= _LEAD_IN_WORDS)).nonzero()[0].tolist()
             if texts[i].rstrip().endswith((":", "\uff1a"))]
    if not leads:
        return
    # A list stops at a body line (the next lead-in's list starts after it), a date or a repeat.
    stop = (body | (f.date_like > 0) | (f.repeated > 0)).tolist()
    for i in leads:
        j = i + 1
        while j < n and j - i <= _LIST_LINES and not stop[j]:
            j += 1
        if inside and not (j < n and body[j]):
            continue
        body[i + 1 : j] = True
        why[i + 1 : j] = code


# A lead-in is a sentence: five words or more. A list after it holds up to 30 lines (12 moved
# the mean of the dev splits by +0.0007, 30 by +0.0010, 60 by the same: lists at the end of
# an article, a recipe's steps, a document's parts, run on without a body line after them).
_LEAD_IN_WORDS = 5
_LIST_LINES = 30


def keep_text_sentences(f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a short sentence right beside a body line of the main region joins it.

    A one-sentence paragraph ("Officials did not give any other details.") is worth less than
    a long line in the region search, so a region that ends or starts at it leaves it out;
    with the markup gone nothing else says it belongs. Up to _EDGE_SENTENCES such lines on
    either side of a body line in the main region join it, each a sentence: a full stop, four
    words or more (where the stopword rule starts) and function words (0.15, as a standfirst),
    not repeated, not a date and not cut short.
    """
    n = len(body)
    if n < 2 or f.mode != "text":
        return
    sentence = (f.sentence_end > 0) & (f.n_words >= 4) & (f.stopword_ratio >= 0.15)
    sentence &= (f.repeated == 0) & (f.date_like == 0) & (f.ellipsis == 0)
    # Runs of such lines that are not body: the first few of a run join a main-region body line
    # right before it, the last few one right after it.
    starts, ends = _runs_of(sentence & ~body)
    if not len(starts):
        return
    anchor = np.concatenate((body & (f.main > 0), [False]))
    after = anchor[starts - 1] & (starts > 0)
    before = anchor[ends]
    add = _spans(n, starts[after], np.minimum(ends, starts + _EDGE_SENTENCES)[after])
    add |= _spans(n, np.maximum(starts, ends - _EDGE_SENTENCES)[before], ends[before])
    body |= add
    why[add] = 14


# Three lines (1 or 6: within 0.0001 on every split; four words and 0.15 function words moved the
# mean of the dev splits by +0.0008, six words and 0.2 by +0.0004, eight by +0.0002).
_EDGE_SENTENCES = 3


def keep_text_gaps(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the short lines between two body lines of the main region are body.

    The region search found these lines part of the running text; scored one by one, a
    table's cells, a list's items, a recipe's amounts, a figure's numbers or a subheading
    under a few words fall below the threshold, where HTML mode keeps them by their
    container. A run of up to _TEXT_GAP lines that are not body, inside the main region with a
    body line on each side and _TEXT_GAP_BELOW words of body or more below it, joins the body,
    but for repeated lines without a sentence end: the labels a page sets between its
    paragraphs ("Advertisement", "Share this article"). Right above the article's last lines
    stand its credits and link headings ("Foto: ...", "Explore further"), which stay out.
    A repeated line of code (features.CODE_LINE_RE) is no label: an answer quotes the code
    of the question.
    """
    n = len(body)
    if n < 3 or f.mode != "text":
        return
    texts = seg.texts
    starts, ends = _runs_of(~body)
    inner = (starts > 0) & (ends < n) & (ends - starts <= _TEXT_GAP)
    starts, ends = starts[inner], ends[inner]
    main = f.main > 0
    in_main = np.concatenate(([0], np.cumsum(main)))
    inside = (in_main[ends] - in_main[starts] == ends - starts) & main[starts - 1] & main[ends]
    below = np.concatenate((np.cumsum(np.where(body, f.n_words, 0.0)[::-1])[::-1], [0.0]))
    inside &= below[ends] >= _TEXT_GAP_BELOW
    add = _spans(n, starts[inside], ends[inside])
    labels = add & (f.repeated > 0) & (f.sentence_end == 0)
    for i in labels.nonzero()[0].tolist():
        # A line of code repeats where an answer quotes the question's code: it is no label.
        if CODE_LINE_RE.search(texts[i]) is not None:
            labels[i] = False
    add &= ~labels
    body |= add
    why[add] = 24


# Up to 24 lines (6-40 alike on the dev splits when set at 12: wcxb-dev +0.0025-0.0033,
# cleaneval-dev +0.004-0.006; session 13, with the other text steps as they are now, 24 over 12:
# wcxb-dev +0.0006, readability-testpages +0.0006, cleaneval-dev +0.0004, scrapinghub-aeb
# +0.0003, trafilatura-eval -0.0001; 18 and 30 gained less, 40 cost trafilatura-eval 0.0007: a
# document's tables and option lists run longer than 12 lines). 200 words of body below: with
# no such limit trafilatura-eval lost 0.0009 snippet F1 (photo credits, bylines and "more on
# this" headings above a closing line), with 50 or 100 words 0.0009 or 0.0002.
_TEXT_GAP = 24
_TEXT_GAP_BELOW = 200


def keep_text_toc_headings(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a section heading that the page's table of contents lists is body.

    A guide or a long article opens with a table of contents, its sections' headings one per
    line, and the dump prints each heading a second time over its section: both copies are
    repeated lines, which keep_text_gaps leaves out as a template's labels ("Advertisement",
    "Share this article"), and short, so the text loses its headings where HTML mode keeps them
    by their tags. A label repeats anywhere; a table of contents is a run of _TOC_RUN lines or
    more, each within _TOC_STEP lines of the one before, whose second copies stand in the same
    order further down, each apart from the next and spread over _TOC_SPREAD times the lines of
    the list or more: the headings in the order of their sections, each over its text (a
    passage the page prints twice, for two screens, repeats its lines at the same pace).
    A chrome line of _TOC_WORDS words at most that stands exactly twice on the page (case-folded,
    as features' repeated reads it) and whose first copy is such an entry joins the body when
    the line right after it is body and a body line stands within _TOC_ABOVE lines above it: a
    heading between its section's text and the one before. The contents list itself stays as
    scored (the truths keep a heading once).
    """
    n = len(body)
    if n < 4 or f.mode != "text":
        return
    short = (f.n_words >= 1) & (f.n_words <= _TOC_WORDS)
    cand = short & ~body & (f.repeated > 0)
    cand[:-1] &= body[1:]
    cand[-1] = False
    if not _any(cand):
        return  # most pages: no repeated short line right above body
    texts = seg.texts
    idx = (short & (f.repeated > 0)).nonzero()[0].tolist()
    places: dict[str, list[int]] = {}
    for i in idx:
        places.setdefault(texts[i].strip().lower(), []).append(i)
    later = {js[0]: js[1] for js in places.values() if len(js) == 2}
    firsts = sorted(later)
    add = np.zeros(n, dtype=bool)
    run: list[int] = []
    for a in firsts + [n + _TOC_STEP + 1]:
        if run and a - run[-1] <= _TOC_STEP and a < n and later[a] > later[run[-1]] + 1:
            run.append(a)
            continue
        if len(run) >= _TOC_RUN and later[run[-1]] - later[run[0]] >= _TOC_SPREAD * (run[-1] - run[0]):
            for r in run:
                add[later[r]] = True
        run = [a]
    add &= cand
    if not _any(add):
        return
    for b in add.nonzero()[0].tolist():
        if not body[max(0, b - _TOC_ABOVE) : b].any():
            add[b] = False
    body |= add
    why[add] = 110


# A contents entry is a heading of up to 12 words (a question heading runs long); three entries in
# a run, each within two lines of the one before (a dump may print a number or a blank-ish line
# between); a body line within three lines above the heading; the headings spread over twice the
# list's lines (a doubled passage keeps its pace). The first values tried, not swept (session 22).
_TOC_WORDS = 12
_TOC_RUN = 3
_TOC_STEP = 2
_TOC_ABOVE = 3
_TOC_SPREAD = 2


def keep_text_tables(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a long run of a table's cells between two body lines of the main region is body.

    A dump flattens a data table into one short line a cell ("1/1/2013", "+13.1%", "Connecticut",
    "91.0"): a run far longer than keep_text_gaps' _TEXT_GAP lines, with repeated cells, where
    HTML mode keeps the table by its tags. A run of more than _TEXT_GAP lines that are not body,
    inside the main region with a body line on each side and _TEXT_GAP_BELOW words of body below
    it (as keep_text_gaps), joins the body when _TABLE_CELLS of its lines or more are cells with a
    number (_TABLE_CELL_WORDS words at most, a digit): a sidebar or a menu the region takes in
    between two parts of an article is made of words.
    """
    n = len(body)
    if n < 3 or f.mode != "text":
        return
    starts, ends = _runs_of(~body)
    inner = (starts > 0) & (ends < n) & (ends - starts > _TEXT_GAP)
    starts, ends = starts[inner], ends[inner]
    if not len(starts):
        return
    main = f.main > 0
    in_main = np.concatenate(([0], np.cumsum(main)))
    inside = (in_main[ends] - in_main[starts] == ends - starts) & main[starts - 1] & main[ends]
    below = np.concatenate((np.cumsum(np.where(body, f.n_words, 0.0)[::-1])[::-1], [0.0]))
    inside &= below[ends] >= _TEXT_GAP_BELOW
    texts = seg.texts
    short = (f.n_words <= _TABLE_CELL_WORDS).tolist()
    for a, b in zip(starts[inside].tolist(), ends[inside].tolist(), strict=True):
        cells = sum(1 for i in range(a, b) if short[i] and _TABLE_CELL.search(texts[i]) is not None)
        if cells >= _TABLE_CELLS * (b - a) and _in_rows(texts[a:b]):
            body[a:b] = True
            why[a:b] = 59


def _in_rows(lines: list[str]) -> bool:
    """Whether a run of lines reads as a table's rows: its lines change shape from one to the next.

    A line's shape is its text with each run of letters and of digits cut to one ("+13.1%" and
    "+9.7%" are "+0.0%", "1/1/2013" is "0/0/0"), and a line with no digit is a word cell ("a").
    A table's row puts cells of different kinds side by side (a date and a percentage, a name and
    a score), so fewer than _ROW_ALIKE of its lines have the shape of the line before; a chart's
    axis ("100", "80", "60", "'17", "'18") repeats one shape line after line.
    """
    shapes = [_cell_shape(t) for t in lines]
    same = sum(1 for x, y in itertools.pairwise(shapes) if x == y)
    return same < _ROW_ALIKE * max(len(shapes) - 1, 1)


_SHAPE_LETTERS = regex.compile(r"[^\W\d_]+")
# A sign before a number is the number's ("-4.9" is shaped as "16.4"; not the hyphen of "1-2"):
# a ranking's change column turns negative a few rows down (session 19, text mode: wcxb-dev +0.0002).
_SHAPE_DIGITS = re.compile(r"(?:(?<!\w)[-+\u2212])?[0-9]+")
# Half the lines (0.4 and 0.6 moved wcxb-dev by under 0.0003; at 0.6 readability-testpages lost
# 0.0003 to a chart's labels).
_ROW_ALIKE = 0.5


# A cell: four words at most with a digit ("+13.1%", "1/1/2013", "$2,500"); two fifths of the run's
# lines (a table of names and numbers alternates the two, with a header row or two). Session 14, text
# mode: wcxb-dev +0.0011 (dev +0.0014, held-out +0.0001; failures 92 -> 89), trafilatura-eval +0.0004,
# nothing else moved. A third of the lines: wcxb-dev held-out -0.0010; six words a cell: alike; without
# _in_rows, readability-testpages lost 0.0007 (a chart's labels) and without the bracketed counts left
# out scrapinghub-aeb lost 0.0007 (an archive's months and categories).
_TABLE_CELL_WORDS = 4
_TABLE_CELLS = 0.4
# A digit outside a count in brackets: "Black (122)", "Akhlaq (47)" are a filter's or an archive's
# links with their counts, no table's cells.
_TABLE_CELL = re.compile(r"[0-9](?![0-9]*\)\s*$)")


def keep_text_table_after(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a data table flattened right after a body line of the main region is body.

    A dump writes a table one cell a line ("Pos.", "Driver", "Points", then "1", "Kyle Busch",
    "5040", ...): short lines the region search leaves out, so a standings or results page keeps
    its introduction and loses its table, where HTML mode keeps it by its tags. keep_text_tables
    takes such a run between two body lines; here the run that follows a main-region body line
    (its first _TABLE_LEAD lines may be a caption or a sentence) and holds short lines (at most
    _TABLE_LONG_CELL words) is read as rows: the line shapes (as _in_rows: letters and digits cut
    to one) repeat with a period k of _TABLE_MIN_COLS to _TABLE_MAX_COLS lines, starting within
    its first k + _TABLE_LEAD lines, for _TABLE_MIN_ROWS rows or more (the shortest period that
    covers nine tenths as much: a pattern of two repeats at four). The rows must be a table's:
    two fifths of their lines cells with a number and four fifths short (as keep_text_tables),
    two shapes in a row at least (a chart's axis repeats one), and under _TABLE_COPIES of the rows
    a copy of an earlier one (a carousel shown twice over). A period of two (a name and a
    count) is a reactions widget's or an archive's as often: left out.
    """
    n = len(body)
    if n < 3 or f.mode != "text":
        return
    # Each run goes on from its first _TABLE_LEAD lines (a caption, a sentence before the table)
    # while its lines are short and not body: where the first line that is not stands, per line.
    # Most pages hold no stretch of such lines long enough for a table's rows and stop here.
    ok = ~body & (f.n_words <= _TABLE_LONG_CELL)
    stop = np.append(~ok, True).nonzero()[0]
    if int(np.diff(stop, prepend=-1).max()) <= _TABLE_MIN_ROWS * _TABLE_MIN_COLS - _TABLE_LEAD:
        return
    texts = seg.texts
    prev_body = np.zeros(n, dtype=bool)
    prev_body[1:] = body[:-1] & (f.main[:-1] > 0)
    starts = (prev_body & ~body).nonzero()[0]
    if not len(starts):
        return
    lead = np.minimum(starts + _TABLE_LEAD, n)
    ends = np.minimum(stop[np.searchsorted(stop, lead)], starts + _TABLE_SPAN)
    free = np.concatenate(([0], np.cumsum(body)))
    keep = (ends - starts >= _TABLE_MIN_ROWS * _TABLE_MIN_COLS) & (free[lead] == free[starts])
    short = f.n_words <= _TABLE_CELL_WORDS
    for a, hi in zip(starts[keep].tolist(), ends[keep].tolist(), strict=True):
        # The period is found on the run's first lines (five rows of the widest table at most);
        # the rows found go on while each line has the shape of the one a row up.
        window = min(hi, a + _TABLE_LEAD + _TABLE_WINDOW_ROWS * _TABLE_MAX_COLS)
        shapes = [_cell_shape(t) for t in texts[a:window]]
        codes = np.unique(np.array(shapes, dtype=object), return_inverse=True)[1]
        found: list[tuple[int, int, int]] = []  # per period k: the lines covered, where the rows start, k
        for k in range(2, min(_TABLE_MAX_COLS, len(codes) - 1) + 1):
            # The longest run of lines shaped as the line k before, starting within the first
            # k + _TABLE_LEAD lines (a caption and a header row may stand before the rows).
            run_starts, run_ends = _runs_of(codes[:-k] == codes[k:])
            near = run_starts <= k + _TABLE_LEAD
            if not _any(near):
                continue
            j = int(np.argmax(np.where(near, run_ends - run_starts, -1)))
            found.append((int(run_ends[j] - run_starts[j]) + k, int(run_starts[j]), k))
        if not found:
            continue
        most = max(c for c, _, _ in found)
        # The shortest period that covers (nearly) as much: a pattern of two repeats at four, six ...
        covered, at, k = next(x for x in found if x[0] >= 0.9 * most)
        if k < _TABLE_MIN_COLS or covered < _TABLE_MIN_ROWS * k:
            continue
        end = a + at + covered
        if end == window:
            while end < hi:
                shape = _cell_shape(texts[end])
                if shape != shapes[end - a - k]:
                    break
                shapes.append(shape)
                end += 1
            covered = end - a - at
        cells = sum(1 for t in texts[a + at : end] if _TABLE_CELL.search(t) is not None)
        if (
            cells < _TABLE_CELLS * covered
            or int(np.count_nonzero(short[a + at : end])) < _TABLE_SHORT * covered
            or len(set(shapes[at : at + k])) < 2
            or _copied_rows(texts[a + at : end], k) >= _TABLE_COPIES
        ):
            continue
        add = np.zeros(n, dtype=bool)
        add[a:end] = True
        add &= ~body
        body[add] = True
        why[add] = 56


def _cell_shape(text: str) -> str:
    """A line's shape as _in_rows reads it: letters and digits cut to one, "a" for a line of words."""
    return _SHAPE_DIGITS.sub("0", _SHAPE_LETTERS.sub("a", text.strip())) if _NUMBER.search(text) else "a"


def _copied_rows(lines: list[str], k: int) -> float:
    """The share of the rows (k lines each) that repeat an earlier row: a carousel shown twice over."""
    rows = [tuple(lines[i : i + k]) for i in range(0, len(lines) - k + 1, k)]
    return (len(rows) - len(set(rows))) / max(len(rows), 1)


# Session 15, text mode (dev splits): a run is read over 2,000 lines at most (a long results table),
# its period found on its first five rows of twelve cells (then followed line by line: 0.05 ms a page);
# three lines of caption before the rows, cells of eight words at most (a name, a title), four fifths
# of four words at most; four rows of three to twelve cells; under 30% copied rows (a stats carousel
# shown twice on a service page, 0.92 -> 0.88 without it); with periods of two, a reactions widget
# (readability-testpages -0.0003).
_TABLE_SPAN = 2000
_TABLE_LEAD = 3
_TABLE_LONG_CELL = 8
_TABLE_SHORT = 0.8
_TABLE_MIN_ROWS = 4
_TABLE_WINDOW_ROWS = 5
_TABLE_MIN_COLS = 3
_TABLE_MAX_COLS = 12
_TABLE_COPIES = 0.3


def keep_text_between_regions(f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the paragraphs between the parts of the main region are body.

    The region search finds an article's parts where its paragraphs stand close; a listicle
    sets each item's one paragraph among its name, a photo credit and its links ("See the
    rating", "Shop X"), so the items between the parts fall outside every region and
    "alone among chrome" takes each one back out of the body. When _BETWEEN_MIN such lines
    or more stand between the main region's first line and its last, with no date line among
    them (a blog's sidebar or a thread puts a date on each post), they are the article's.
    """
    if f.mode != "text" or not _any(body):
        return
    main = ((f.main > 0) & body).nonzero()[0]
    if len(main) < 2:
        return
    lone = (why == 3).nonzero()[0]
    lone = lone[(lone > main[0]) & (lone < main[-1])]
    if len(lone) < _BETWEEN_MIN or _any(f.date_like[lone[0] : lone[-1] + 1]):
        return
    body[lone] = True
    why[lone] = 30


# Two paragraphs at least (one alone is as often a teaser between an article's parts; 1-3 on
# the dev splits: with 1 dragnet lost 0.0002, with 3 wcxb-dev kept less).
_BETWEEN_MIN = 2


def keep_text_prose(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a sentence between the first body line and the last one is body, in a region or not.

    The region search leaves out a paragraph that stands alone among short lines: a service
    page's pitch between its cards, a product's description between its options, a guide's
    paragraph between its steps, a sentence between a list and a table. Such a line that the
    scorer left out (no step took it out) and that stands between the page's first body line
    and its last, outside the comment thread, joins the body when it reads as a sentence: a
    sentence end, _PROSE_WORDS words or more, function words (0.15, as keep_text_sentences),
    not repeated, not a date nor beside one, not cut short. A headline reads otherwise: most
    of its words capitalised (over _PROSE_CAPITALS) or a question ("Will the Democrats Go
    Bust?"), the rail of other posts beside a blog's article. A heading of _PROSE_HEADING_WORDS
    words or fewer right above such a sentence (no sentence end, not repeated, not a date, left
    out by the scorer alone) joins with it: a card's title over its pitch.
    """
    n = len(body)
    if f.mode != "text" or n < 3 or not _any(body):
        return
    at = body.nonzero()[0]
    prose = (why == 0) & ~body & (f.n_words >= _PROSE_WORDS) & (f.stopword_ratio >= 0.15) & (f.sentence_end > 0)
    prose &= (f.repeated == 0) & (f.date_like == 0) & (f.dated == 0) & (f.ellipsis == 0)
    prose &= f.capital_ratio <= _PROSE_CAPITALS
    prose[: int(at[0]) + 1] = False
    prose[int(at[-1]) :] = False
    if f.comments_from >= 0:
        prose[f.comments_from :] = False
    texts = seg.texts
    for i in prose.nonzero()[0].tolist():
        if texts[i].rstrip().endswith("?"):
            prose[i] = False
    # The heading right above such a sentence ("Managed backups" / "We copy ...") comes with it.
    head = np.zeros(n, dtype=bool)
    head[:-1] = prose[1:]
    head &= (why == 0) & ~body & ~prose & (f.n_words >= 1) & (f.n_words <= _PROSE_HEADING_WORDS) & (f.sentence_end == 0)
    head &= (f.repeated == 0) & (f.date_like == 0) & (f.ellipsis == 0)
    prose |= head
    body |= prose
    why[prose] = 79


# Eight words (ten: wcxb-dev +0.0015 over +0.0017, cleaneval-dev +0.0009 over +0.0014); at most
# two fifths of the words capitalised (any share: dragnet -0.0006 and a failure more, the rail of
# headlines beside a blog post). Session 14, text mode: see docs/design.md.
_PROSE_WORDS = 8
_PROSE_CAPITALS = 0.4
# Six words for the heading above (the sentences alone, against them with their headings: wcxb-dev
# +0.0002, held-out +0.0004, trafilatura-eval held-out +0.0009 and a failure fewer, readability-testpages
# −0.0001; twelve words: alike on wcxb-dev, trafilatura-eval dev −0.0002).
_PROSE_HEADING_WORDS = 6


def keep_text_lead(f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the paragraph right above the article, past its byline and share links, is body.

    A news page sets its standfirst (or its first paragraph) apart above the article, between the
    headline and the byline, a date, a photo credit and a row of share links; HTML mode keeps it
    as the article's lead (smooth_labels' _lead, within _LEAD_GAP blocks). A dump puts those short
    lines between it and the main region, so it stands alone among chrome, further than the lead's
    reach. The last line of _TEXT_LEAD_WORDS words or more above the main region's first body line,
    within _TEXT_LEAD_LINES lines of it, that "alone among chrome" left out joins the body when it
    reads as prose (_TEXT_LEAD_WORDS words, function words, a sentence end; not repeated, a date
    nor cut short) and every line between is under _TEXT_LEAD_BETWEEN words (bylines, dates,
    credits, share links): a teaser list, a card's pitch or an author's box above an article has
    headlines or sentences between.
    """
    n = len(body)
    if f.mode != "text" or n < 3:
        return
    main = (body & (f.main > 0)).nonzero()[0]
    if not len(main):
        return
    first = int(main[0])
    longer = (f.n_words[:first] >= _TEXT_LEAD_BETWEEN).nonzero()[0]
    if not len(longer):
        return
    i = int(longer[-1])
    if first - i > _TEXT_LEAD_LINES or why[i] != 3 or body[i]:
        return
    if f.n_words[i] < _TEXT_LEAD_WORDS or f.stopword_ratio[i] < 0.15 or f.sentence_end[i] == 0:
        return
    if f.repeated[i] or f.date_like[i] or f.ellipsis[i]:
        return
    if f.comments_from >= 0 and i >= f.comments_from:
        return
    body[i] = True
    why[i] = 53


# A paragraph of 15 words or more (as the region search's neutral line), within 20 lines above the
# main region, nothing of 10 words or more between (session 17, text mode: trafilatura-eval +0.0022
# snippet F1, dev +0.0026, held-out +0.0009; cleaneval-dev held-out +0.0017; dragnet -0.0001). Any
# line between allowed: readability-testpages -0.0008 and scrapinghub-aeb -0.0007 (a list of links,
# a headline and a photo caption between); 10 lines: less of the gain; 30 lines: wcxb-dev held-out
# -0.0008; 10 words: alike.
_TEXT_LEAD_WORDS = 15
_TEXT_LEAD_LINES = 20
_TEXT_LEAD_BETWEEN = 10


def keep_text_long_lines(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a long line of prose close to body lines, between the first and the last, is body.

    keep_text_prose asks for a sentence end, so a list's items ("Helped the shop reach 21,000
    monthly visitors in under three months"), an FAQ's questions and a caption stay out when the
    region search leaves them alone among short lines. Such a line that no step took out, between
    the page's first body line and its last, outside the comment thread, joins the body when it has
    _LONG_WORDS words or more with function words (0.15), is not repeated, a date, beside one nor
    cut short, at most two fifths of its words capitalised (a rail's headline), and stands within
    _LONG_REACH lines of a body line: the text's own lines stand close to it, a sidebar's further.
    """
    n = len(body)
    if f.mode != "text" or n < 3 or not _any(body):
        return
    at = body.nonzero()[0]
    cand = (why == 0) & ~body & (f.n_words >= _LONG_WORDS) & (f.stopword_ratio >= 0.15)
    cand &= (f.repeated == 0) & (f.date_like == 0) & (f.dated == 0) & (f.ellipsis == 0)
    cand &= f.capital_ratio <= _PROSE_CAPITALS
    cand[: int(at[0]) + 1] = False
    cand[int(at[-1]) :] = False
    if f.comments_from >= 0:
        cand[f.comments_from :] = False
    idx = cand.nonzero()[0]
    if not len(idx):
        return
    k = np.searchsorted(at, idx)
    near = np.minimum(idx - at[np.maximum(k - 1, 0)], at[np.minimum(k, len(at) - 1)] - idx)
    idx = idx[near <= _LONG_REACH]
    body[idx] = True
    why[idx] = 51


# Eight words, as keep_text_prose (ten: cleaneval-dev +0.0001 instead of +0.0011, wcxb-dev alike);
# within two lines of a body line (five: wcxb-dev +0.0008 but dragnet -0.0003 and a failure more).
# Session 16, text mode: see docs/design.md.
_LONG_WORDS = 8
_LONG_REACH = 2


def keep_text_listing(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text listing page, the run of alike items is body.

    HTML mode finds a shop's grid, an events list or a blog's index by its alike containers
    (`item of a listing page`); a dump keeps only the items' short lines (a name, a date, a
    price, a rating), none of which passes as running text, so the body was an introduction
    or a newsletter line. Items are found by a line of each that recurs at a steady pace
    (_listing_span): a date, a price, a cut teaser, or one shape of line ("#3", "6.3 (41K)",
    "Mark as watched"). The span of such a series becomes body when it is the page's bulk
    (_LIST_SHARE times the body's words on either side of it), held next to no body yet (_LIST_SEEN),
    made of short lines (under _LIST_LINE_WORDS words a line on average: not a rail of story
    excerpts; a body in nearly every item, _spread_through, is no region that took the first
    items and may hold more), not mostly the same lines in every item (a widget's buttons under each of a
    sidebar's books), and there are not two paragraphs (_LIST_PARAGRAPH words) on one side of it
    nor three in the whole body: an article beside a rail of other posts. Each side is weighed
    on its own: an introduction above and a footer's blurb below are no article.
    """
    n = len(body)
    if f.mode != "text" or n < 2 * _LIST_MIN_ITEMS:
        return
    total = float(f.n_words.sum())
    body_words = float(f.n_words[body].sum())
    # The span holds _LIST_SHARE times the body outside it and a tenth of its words inside at
    # most, so the body is under a third of the page's words; three paragraphs are an article's
    # (most pages end here: 0.03 ms a page for the step on average).
    if 3.0 * body_words > total or np.count_nonzero(body & (f.n_words >= _LIST_PARAGRAPH)) >= 3:
        return
    span = _listing_span(seg.texts, f)
    if span is None:
        return
    lo, hi, items = span
    words = float(f.n_words[lo:hi].sum())
    seen = float(f.n_words[lo:hi][body[lo:hi]].sum())
    # The body on each side of the span on its own (session 22): a page's introduction above its
    # items and its footer's blurb below are one paragraph each, an article beside a rail of
    # other posts stands on one side, two paragraphs or a third of the span's words.
    para = body & (f.n_words >= _LIST_PARAGRAPH)
    if (
        words < _LIST_SHARE * float(f.n_words[:lo][body[:lo]].sum())
        or words < _LIST_SHARE * float(f.n_words[hi:][body[hi:]].sum())
        or (seen > _LIST_SEEN * words and not _spread_through(body[lo:hi], items, seen / words))
        or words >= _LIST_LINE_WORDS * (hi - lo)
        or np.count_nonzero(para[:lo]) >= 2
        or np.count_nonzero(para[hi:]) >= 2
        or _template_share(seg.texts[lo:hi], items) >= _LIST_TEMPLATE
    ):
        return
    add = np.zeros(n, dtype=bool)
    add[lo:hi] = ~body[lo:hi]
    body[add] = True
    why[add] = 39


def _spread_through(body: BoolArray, items: int, share: float) -> bool:
    """Whether the body already in a listing's span lies in nearly every item, not in its first ones."""
    if share > _LIST_SPREAD_SHARE:
        return False
    parts = np.array_split(body, items)
    return sum(1 for p in parts if p.any()) >= _LIST_SPREAD * len(parts)


def _listing_span(texts: list[str], f: Features) -> tuple[int, int, int] | None:
    """The lines of the largest series of alike items in a plain-text page: (lo, hi, items).

    An item's marker is a short line (_LIST_ANCHOR_WORDS words at most) that is a date line,
    names a price, ends cut short ("..."), or shares its shape (lowered, numbers left out) with
    the other items' ("#3" ... "#17"). _LIST_MIN_ITEMS markers or more, each 2 to _LIST_MAX_GAP
    lines after the one before, make a series; the item's lines before its marker (those alike
    in length across the items, the headline above a date) and after the last one (up to the
    series' pace) count too. Of all series the one with the most words wins. The comment thread
    below an article (Features.comments_from) is no listing.
    """
    n = len(texts)
    end = f.comments_from if f.comments_from >= 0 else n
    short = f.n_words[:end] <= _LIST_ANCHOR_WORDS
    kinds: list[list[int]] = [
        (short & (f.date_like[:end] > 0)).nonzero()[0].tolist(),
        (short & (f.ellipsis[:end] > 0)).nonzero()[0].tolist(),
    ]
    # One pass over the page, not one per line (features' n_chars is each line's len()).
    page = "\0".join(texts[:end])
    starts = [0, *np.cumsum(f.n_chars[:end] + 1.0).astype(np.int64).tolist()]
    kinds.append(priced_lines(texts, page, starts))
    keys = _DIGITS.sub("", page.lower()).split("\0")
    if len(keys) != end:  # a NUL in a line
        keys = [_DIGITS.sub("", t.lower()) for t in texts[:end]]
    frequent = {k for k, c in collections.Counter(keys).items() if c >= _LIST_MIN_ITEMS}
    if frequent:
        shapes: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            if k in frequent:
                shapes.setdefault(k, []).append(i)
        kinds.extend(shapes.values())
    best: tuple[float, int, int, int] | None = None
    words = np.concatenate(([0.0], np.cumsum(f.n_words)))
    fits = short.tolist()
    for at in kinds:
        for series in _series([i for i in at if fits[i]]):
            gaps = sorted(b - a for a, b in itertools.pairwise(series))
            pace = gaps[len(gaps) // 2]
            lead = _item_lead(f.n_words, np.asarray(series, dtype=np.int64), pace)
            lo, hi = series[0] - lead, min(series[-1] + pace - lead, end)
            size = float(words[hi] - words[lo])
            if best is None or size > best[0]:
                best = (size, lo, hi, len(series))
    return None if best is None else best[1:]


def _series(at: list[int]) -> list[list[int]]:
    """The runs of _LIST_MIN_ITEMS markers or more, each 2 to _LIST_MAX_GAP lines after the last.

    Two markers on adjacent lines are one item's two fields (a paper's citation count over its
    year, a price over the saving), and the second stands for the item: counted apart, the gap of
    one line between them broke every series. Three or more in a row are a table's cells (a
    results table's rank, time and unit) and stay as they are, so they break a series as before.
    """
    out: list[list[int]] = []
    run: list[int] = []
    for i in _pairs_as_one(at):
        if run and not 2 <= i - run[-1] <= _LIST_MAX_GAP:
            if len(run) >= _LIST_MIN_ITEMS:
                out.append(run)
            run = []
        run.append(i)
    if len(run) >= _LIST_MIN_ITEMS:
        out.append(run)
    return out


def _pairs_as_one(at: list[int]) -> list[int]:
    """The markers with each pair on adjacent lines (no third next to it) as its second one (_series)."""
    out: list[int] = []
    k, m = 0, len(at)
    while k < m:
        j = k + 1
        while j < m and at[j] - at[j - 1] == 1:
            j += 1
        if j - k == 2:
            out.append(at[k + 1])
        else:
            out.extend(at[k:j])
        k = j
    return out


def _item_lead(n_words: FloatArray, series: npt.NDArray[np.int64], pace: int) -> int:
    """How many lines of each item stand before its marker: those alike in length across items.

    The k-th line before each marker belongs to the item while, in _LIST_LEAD_ALIKE of the
    items, its length is within 2 words of the first item's (capped at 10: a title of 6 or 9
    words is one kind of line); a shorter pace leaves no room.
    """
    lead = 0
    while lead < pace - 1 and int(series[0]) - lead - 1 >= 0:
        length = np.minimum(n_words[series - lead - 1], 10.0)
        if float(np.mean(np.abs(length - length[0]) <= 2.0)) < _LIST_LEAD_ALIKE:
            break
        lead += 1
    return lead


def _template_share(texts: list[str], items: int) -> float:
    """The share of lines whose text stands in half the items or more (a widget's own labels)."""
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    return sum(1 for t in texts if 2 * counts[t] >= items) / max(len(texts), 1)


_NUMBER = re.compile(r"[0-9]")
# A line's shape: its text lowered, numbers (with their separators) left out.
_DIGITS = re.compile(r"[0-9][0-9.,]*")
# Five items at least (a teaser box of three or four is a sidebar's), 2 to 12 lines apart (an
# item of a name and a price up to one of a title, a date, a place, a price and its buttons).
_LIST_MIN_ITEMS = 5
_LIST_MAX_GAP = 12
# A marker is a short line: a date in a sentence is prose, not an item's field.
_LIST_ANCHOR_WORDS = 20
# Set on the dev splits (wcxb-dev, cleaneval-dev; dragnet's blogs for the guards): the listing
# holds three times the body outside it, a tenth of its own words were body already, its lines
# are under the neutral length of running text (15 words, features._line_value) on average;
# two paragraphs of 30 words outside are an article beside a sidebar; two thirds of the lines
# repeated in half the items are a widget's (4 of one blog's pages: buy buttons under its books).
_LIST_SHARE = 3.0
_LIST_SEEN = 0.1
_LIST_LINE_WORDS = 15
_LIST_PARAGRAPH = 30
_LIST_TEMPLATE = 2 / 3
_LIST_LEAD_ALIKE = 0.7
# The body in the span in four in five of its items (the span cut into as many equal parts), under
# half its words: a grid whose every item holds a rating line (session 22, one wcxb-dev page; 0.5
# of the items moved the same page).
_LIST_SPREAD = 0.8
_LIST_SPREAD_SHARE = 0.5


def drop_text_comments(f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the lines from the comment thread's heading on are not the article.

    HTML mode leaves a thread out by its markup; a text dump keeps only its heading ("15
    comments", "{ 74 comments... }"), which features._text_comments finds below the article.
    """
    c = f.comments_from
    if c < 0:
        return
    why[c:][body[c:]] = 57 if f.comments_stamped else 16
    body[c:] = False


def drop_text_post_end(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the lines from the line that ends a post on are not the post.

    Blog engines set the post's tags ("Tags: a, b, c") and the links to the posts before and
    after it ("Post navigation", "« Previous Post") under its text, and the author's box, related
    posts and the comment thread follow; HTML mode leaves them out by their containers' class
    words, a text dump keeps only the lines (vocab.POST_END_RE). The first such line of
    _POST_END_WORDS words at most below _POST_END_PROSE characters of body text in the main
    region (tags or a "Next post" link under the headline have the post below them; a shop's
    blurb kept as a standfirst above them is no post) ends the post.
    """
    n = len(body)
    if n < 2 or f.mode != "text":
        return
    texts = seg.texts
    own = np.where(body & (f.main > 0), f.n_chars, 0.0)
    above = np.cumsum(own) - own
    for i in ((above >= _POST_END_PROSE) & (f.n_words <= _POST_END_WORDS)).nonzero()[0].tolist():
        if POST_END_RE.match(texts[i]) is not None:
            why[i:][body[i:]] = 25
            body[i:] = False
            return


# The line is short (30 words: a long list of tags) and below 100 characters of the post's text, as a
# comment thread's heading (features._NO_ARTICLE_CHARS; 300 moved dragnet -0.0004, trafilatura-eval -0.0003).
_POST_END_WORDS = 30
_POST_END_PROSE = 100.0


def drop_text_read_also(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a line that points to another story ("Read more: Headline") is not the text.

    Newsrooms set such lines between a story's paragraphs; HTML mode sees a link (a line that is
    all link text), a text dump a short line of words that passes with the paragraphs around it.
    A body line of _READ_ALSO_WORDS words at most that starts with the label (vocab.READ_ALSO_RE)
    is chrome.
    """
    if len(body) < 2 or f.mode != "text":
        return
    _drop_lines(seg, body, why, body & (f.n_words <= _READ_ALSO_WORDS), _reads_also, 26)


def _reads_also(text: str) -> bool:
    return READ_ALSO_RE.match(text) is not None


def _drop_lines(
    seg: Segments, body: BoolArray, why: npt.NDArray[np.int8], candidates: BoolArray, test: Callable[[str], bool], reason: int
) -> None:
    """The candidate lines whose text passes ``test`` are chrome, for ``reason``."""
    texts = seg.texts
    hit = [i for i in candidates.nonzero()[0].tolist() if test(texts[i])]
    body[hit] = False
    why[hit] = reason


# A label and a headline: 30 words at most (a paragraph that starts "Related: the council said ..."
# is text).
_READ_ALSO_WORDS = 30


def drop_text_consent(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a group of body lines that is mostly a cookie notice is chrome.

    HTML mode knows a consent banner by its class words; a dump keeps only its text ("This
    website uses cookies to improve your experience ...", "Necessary  Always Enabled"), long
    and worded as prose. Body lines fall into groups split by more than _CONSENT_GAP lines of
    chrome; a group whose lines that name cookies with a word of the site or the reader's
    choice (vocab.CONSENT_*) hold half its words or more goes whole. An article that mentions
    cookies now and then holds many more words besides. A consent dialog's list of data uses
    ("Use profiles to select personalised advertising 242 partners can use this purpose")
    names cookies on a line or two and not on the others: in a group that holds a cookie line,
    with _DATA_LINES such lines or more (_names_data_uses), they count with the cookie lines
    (reason -55).
    """
    if f.mode != "text" or not _any(body):
        return
    texts = seg.texts
    idx = body.nonzero()[0]
    # A notice's line names cookies: the body lines that hold the word's letters (one C pass; most
    # pages: none), then the two patterns on those few (on every body line they cost ~20 us a page).
    named = [i for i in _texts_holding(texts, idx, _COOKIE_STEMS) if _names_consent(texts[i])]
    if not named:
        return
    consent = np.zeros(len(body), dtype=bool)
    consent[named] = True
    cuts = (np.diff(idx) > _CONSENT_GAP).nonzero()[0] + 1
    for group in np.split(idx, cuts):
        if not _any(consent[group]):
            continue
        words = f.n_words[group]
        total = _CONSENT_SHARE * float(words.sum())
        if float(words[consent[group]].sum()) >= total:
            body[group] = False
            why[group] = 20
            continue
        # A dialog that names cookies on a few lines lists its data uses on the others.
        if _lists_data_uses(texts, group, consent[group], f.n_words, total):
            body[group] = False
            why[group] = -55


# A notice's lines stand together: more than 3 lines of chrome between two body lines part
# their groups (5 lines alike on the dev split). Half the group's words, or more, in lines of
# the notice (0.3 alike).
def _names_consent(text: str) -> bool:
    """Whether a line names cookies (vocab.CONSENT_WORD_RE) with a word of the site's or the
    reader's choice (vocab.CONSENT_CONTEXT_RE): a consent notice's, not an article's, cookies."""
    return CONSENT_WORD_RE.search(text) is not None and CONSENT_CONTEXT_RE.search(text) is not None


_CONSENT_GAP = 3
_CONSENT_SHARE = 0.5
# vocab.CONSENT_WORD_RE's word, "cookie(s)", as _texts_holding's stem (its test holds every case).
_COOKIE_STEMS = (b"cookie",)


def _lists_data_uses(
    texts: list[str], group: npt.NDArray[np.intp], cookie: BoolArray, n_words: FloatArray, need: float
) -> bool:
    """Whether _DATA_LINES of the group's lines or more name data uses (_names_data_uses), and
    they and the lines that name cookies hold need words or more. The other lines are read
    longest first, and the reading stops as soon as the answer is known (an article's group
    with a cookie line fails on its first paragraphs); the cookie lines are read last, and only
    when the count still falls short."""
    rest = group[~cookie]
    found = float(n_words[group[cookie]].sum())
    left = float(n_words[rest].sum())
    count = 0
    for i in rest[np.argsort(-n_words[rest], kind="stable")].tolist():
        w = float(n_words[i])
        left -= w
        if _names_data_uses(texts[i]):
            found += w
            count += 1
            if count >= _DATA_LINES and found >= need:
                return True
        elif found + left < need:
            return False
    if found < need:
        return False
    for i in group[cookie].tolist():
        count += _names_data_uses(texts[i])
        if count >= _DATA_LINES:
            return True
    return False


def _names_data_uses(text: str) -> bool:
    """Whether a line names _DATA_TERMS different kinds of a consent dialog's terms for its data
    uses (vocab.CONSENT_DATA_TERMS: partners, device, advertising, personalised, profiles ...)."""
    kinds = {CONSENT_DATA_TERMS.get(word, -1) for word in _WORD_RE.findall(text.lower())}
    kinds.discard(-1)
    return len(kinds) >= _DATA_TERMS


_WORD_RE = re.compile(r"\w+")
# Two different kinds of terms a line, two such lines in the group at least: a dialog lists
# several uses, while a post's one line on ads and a profile is no dialog (any line with two
# kinds took a blog post's paragraph on dragnet and trafilatura-eval; three kinds left the
# uses' long descriptions out of the share, and the dialog stayed). "purpose" was a kind too,
# and took a phone's page whose fine print says "for illustrative purposes" by its "device".
_DATA_TERMS = 2
_DATA_LINES = 2


def drop_text_newsletter(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a short body line that pitches a newsletter is chrome.

    HTML mode knows a sign-up box by its class words and its form; a dump keeps its lines
    ("Subscribe to our newsletter", "Get the best stories delivered to your inbox. Sign up"),
    worded as sentences. A line of _PITCH_WORDS words at most that names two different words of
    vocab.NEWSLETTER_RE goes, unless such lines hold over _PITCH_SHARE of the body's words (a
    post about running a newsletter).
    """
    if f.mode != "text" or not _any(body):
        return
    texts = seg.texts
    pitch = [
        i
        for i in (body & (f.n_words <= _PITCH_WORDS)).nonzero()[0].tolist()
        if len({m.lower() for m in NEWSLETTER_RE.findall(texts[i])}) >= 2
    ]
    _drop_few_lines(f, body, why, pitch, 32)


def _drop_few_lines(f: Features, body: BoolArray, why: npt.NDArray[np.int8], lines: list[int], reason: int) -> None:
    """The lines go as chrome, with the reason, unless they hold over _PITCH_SHARE of the body's words."""
    if not lines or float(f.n_words[lines].sum()) > _PITCH_SHARE * float(f.n_words[body].sum()):
        return
    body[lines] = False
    why[lines] = reason


# 40 words at most (a pitch is a line or two; 20-60 alike on the dev splits, 50 and 60 cost
# wcxb-dev's held-out split 0.0002); a fifth of the body's words at most. One word of the list
# alone was enough only with losses on most sets (an article's "subscribers", a shop's
# "subscription").
_PITCH_WORDS = 40
_PITCH_SHARE = 0.2


def drop_text_tag_lists(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a body line that is a list of tags in alphabetical order is chrome.

    A dump glues a blog's tag cloud or its keyword index into one long line of words with no
    sentence mark ("adoption agriculture animals art biology ..."): many words, so it passes as
    running text, but their initials ascend, which a writer's words never do. A line of
    _TAG_WORDS words or more, no sentence or list punctuation, words of _TAG_WORD_CHARS letters
    on average (an A-Z index of single letters is a page's own) and the longest ascending run of
    initials (not necessarily adjacent: a tag of two words breaks the order) over _TAG_ORDER of
    its words, with _TAG_INITIALS initials or more (a line of one word repeated is no list).
    """
    if f.mode != "text" or not _any(body):
        return
    _drop_lines(seg, body, why, body & (f.n_words >= _TAG_WORDS) & (f.n_words <= _TAG_MAX_WORDS), _is_tag_list, 23)


def drop_text_doubled(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a body line that is one text twice over is chrome.

    A teaser card shows its headline twice, as the photo's caption or alternative text and as
    the link beside it, and a dump glues the two into one line ("Best deals of the week Best
    deals of the week", or with no space between them): long enough to pass as a sentence. A
    writer never repeats a phrase of _DOUBLED_WORDS words or more back to back as a whole line
    (up to _DOUBLED_MAX_WORDS words a half: a card's text).
    """
    if f.mode != "text" or not _any(body):
        return
    lengths = (f.n_words >= 2 * _DOUBLED_WORDS) & (f.n_words <= 2 * _DOUBLED_MAX_WORDS)
    _drop_lines(seg, body, why, body & lengths, _is_doubled, 31)


def drop_story_pointers(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In an HTML page, a line that points to other stories from inside the text is chrome (session 25, art; the last HTML step).

    Newsrooms set a linked headline between a story's paragraphs behind a label ("Read more:
    ...", "Le puede interesar: ...", "Czytaj też: ..."), and head a box of other stories with a
    heading of its own ("Related articles", "Das könnte Sie auch interessieren"). Most such
    lines score as links and stay out, but some pass: the run of alike paragraphs takes a
    pointer in, a capitalised label or a box's heading passes alone. Text mode drops both kinds
    with its own steps (drop_text_read_also, drop_text_related). Here a body block of
    _READ_ALSO_WORDS words at most that opens with the label (vocab.READ_ALSO_RE) and is
    _POINTER_LINKS link text or more but not all of it goes (its headline is a link, its label
    is not; a label alone, "See also:", may head the text's own list). So does a body heading
    of _RELATED_WORDS words at most that is such a heading as a whole (vocab.RELATED_HEAD_RE;
    one ending in a colon leads into a list, as in text mode) over a block that is not body:
    the box's headlines are out already and the heading is all that is left of it, while a
    heading over body heads a section of the text.
    """
    if f.mode == "text" or not _any(body):
        return
    texts = seg.texts
    # Both kinds' blocks to read, in one pass (_story_candidates). The label and its mark open the
    # line (_POINTER_HEAD characters hold the longest label and its marks): a plain test for the
    # mark first, the pattern only where a mark stands there.
    pointers, cand = _story_candidates(
        texts, body, f.n_words, f.link_density, f.heading, f.n_chars,
        _READ_ALSO_WORDS, _POINTER_LINKS, _RELATED_WORDS, _POINTER_HEAD, _POINTER_HEAD,
    )  # fmt: skip
    hit = [i for i in pointers if READ_ALSO_RE.match(texts[i]) is not None]
    if hit:
        body[hit] = False
        why[hit] = -60
    if not cand:
        return
    n = len(body)
    # The box's headlines below are out already: a heading over body is the text's own section.
    heads = [
        i
        for i in cand
        if body[i]
        and (i + 1 == n or not body[i + 1])
        and RELATED_HEAD_RE.fullmatch(texts[i]) is not None
        and not texts[i].rstrip().endswith((":", "\uff1a"))
    ]
    if heads:
        body[heads] = False
        why[heads] = -61


def _has_pointer_mark(head: str) -> bool:
    return ":" in head or "\u00bb" in head or "\u203a" in head


def _story_candidates(
    texts: list[str],
    body: BoolArray,
    words: FloatArray,
    links: FloatArray,
    heading: FloatArray,
    chars: FloatArray,
    pointer_words: float,
    least_links: float,
    head_words: float,
    head_chars: float,
    mark_head: int,
) -> tuple[list[int], list[int]]:
    """drop_story_pointers' blocks to read: the body blocks of pointer_words words at most whose
    link share is least_links or more but under 1 and whose first mark_head characters hold a
    label's mark, and the body headings of head_words words and head_chars characters at most.
    Its compiled twin reads the five columns once (session 25, spd), where two _all_of masks,
    their indexes and each pointer's sliced head took ~4 us a page."""
    n = len(body)
    pointers = _all_of(n, ((body, "is", 0), (words, "<=", pointer_words), (links, ">=", least_links), (links, "<", 1.0)))
    marked = [i for i in pointers.nonzero()[0].tolist() if _has_pointer_mark(texts[i][:mark_head])]
    heads = _all_of(n, ((body, "is", 0), (heading, ">", 0), (words, "<=", head_words), (chars, "<=", head_chars)))
    found: list[int] = heads.nonzero()[0].tolist()
    return marked, found


# A pointer's headline is a link: half the line's characters or more (the label is the rest).
_POINTER_LINKS = 0.5
# The labels and the related-stories headings run to 34 characters ("Das könnte dich auch
# interessieren"); 40 leaves room for the marks around them.
_POINTER_HEAD = 40


def drop_doubled(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In an HTML page, a body block that is one text twice over is chrome (session 24, prc; the last HTML step).

    A shop's or a portal's widget sets its label twice, once for the screen reader and once
    for the eye (a visually hidden span beside the visible one, a clipped copy for a tooltip):
    the block's text is the phrase glued to itself ("Seller's other itemsSeller's other
    items", "Week in ReviewWeek in Review"), with no space between the two (the spans are
    inline). drop_text_doubled's bounds hold (three distinct words a half at least,
    _DOUBLED_MAX_WORDS at most); text mode already drops such lines. A copy with a space between
    is left alone here: a block's text of two sibling elements gets its space from the markup,
    so a page's own repeated sentence, not a hidden copy, reads that way.
    """
    if f.mode == "text" or not _any(body):
        return
    # The glue joins the halves' last and first word into one: an odd number of words, 2 *
    # _DOUBLED_WORDS - 1 at least, and an even number of characters (a block's text is stripped).
    # The two parities leave about one block in four of the rest to read.
    # The parities are taken as integers on the blocks within the bounds only (a float modulus
    # over the page cost more than the rest of the step); the halves' first and last characters
    # settle nearly every block left before its halves are copied.
    texts = seg.texts
    hit = []
    for i in _doubled_candidates(body, f.n_words, f.n_chars, 2.0 * _DOUBLED_WORDS - 1, 2.0 * _DOUBLED_MAX_WORDS):
        t = texts[i]
        h = len(t) // 2
        if t[0] == t[h] and t[h - 1] == t[-1] and t[:h] == t[h:] and len(set(t[:h].split())) >= _DOUBLED_WORDS:
            hit.append(i)
    if hit:
        body[hit] = False
        why[hit] = -37


def _doubled_candidates(body: BoolArray, words: FloatArray, chars: FloatArray, least: float, below: float) -> list[int]:
    """drop_doubled's blocks to read: in the body, least words or more and under below, an odd
    number of words and an even number of characters (the counts as integers). Its compiled twin
    tests each block in one pass (session 25), where numpy took seven calls (~4 us, every page)."""
    at = np.flatnonzero(body & (words >= least) & (words < below))
    if not len(at):
        return []
    odd = (words[at].astype(np.intp) & 1) > (chars[at].astype(np.intp) & 1)
    found: list[int] = at[odd].tolist()
    return found


def drop_text_glued_teasers(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the lines of a rail of teasers glued to their headlines are chrome.

    features.glued_teasers finds them (a headline in title case run into its excerpt, three
    within a few lines; Features.card marks them); the region search already passed them over, and here the longest,
    body by their own score however far from the article, go too.
    """
    if f.mode != "text" or not _any(body):
        return
    hit = body & (f.card > 0)
    body[hit] = False
    why[hit] = 43


def drop_text_related(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the heading of a box of other stories and its headlines are chrome.

    HTML mode knows a "Related articles" or "Most read" box by its links (smooth.drop_link_headings)
    or its class words; a dump keeps a short line the gap rules take in between two paragraphs,
    and the headlines under it. A body line of _RELATED_WORDS words at most that is the heading
    as a whole (vocab.RELATED_HEAD_RE; one ending in a colon leads into a list and is left to
    keep_text_lists) is chrome, and so are the body lines right after it that read as headlines
    (_RELATED_ITEM_WORDS words at most, no sentence end) or as the one-sentence excerpt under a
    headline (_RELATED_EXCERPT_WORDS words at most), up to the first that does not.
    """
    if f.mode != "text" or not _any(body):
        return
    texts = seg.texts
    n = len(body)
    short = (f.n_words <= _RELATED_ITEM_WORDS) & (f.sentence_end == 0)
    excerpt = (f.n_words <= _RELATED_EXCERPT_WORDS) & (f.n_sentences <= 1)
    for i in (body & (f.n_words <= _RELATED_WORDS)).nonzero()[0].tolist():
        text = texts[i]
        if RELATED_HEAD_RE.fullmatch(text) is None or text.rstrip().endswith((":", "\uff1a")):
            continue
        j = i + 1
        # A headline, or the one-sentence excerpt under a headline (the first line is no excerpt).
        while j < n and body[j] and (short[j] or (excerpt[j] and short[j - 1] and j - 1 > i)):
            j += 1
        body[i:j] = False
        why[i:j] = 44


def drop_text_reviews(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the body below a rating histogram is the shop's customer reviews: chrome.

    A shop heads its customers' reviews with a histogram of their ratings, a short line for each
    star count ("5 star", "4 star" ... "1 star", with a count or a bar), then the reviews: a name,
    a date, a title and a paragraph of opinion. HTML mode leaves them out by their "reviews"
    class (drop_product_reviews); a dump keeps the opinions, which pass as prose. _STARS_MIN
    short lines (_STARS_WORDS words at most) that name a star count (vocab.STAR_COUNT_RE), no
    more than _STARS_SPAN lines from the first to the last and _STARS_MIN star counts among them,
    make a histogram; the body lines below it are chrome when they hold fewer than _STARS_BELOW
    times the words of the body above it (a page that is mostly its reviews keeps them).
    """
    n = len(body)
    if f.mode != "text" or n < _STARS_MIN or not _any(body):
        return
    texts = seg.texts
    short = (f.n_words <= _STARS_WORDS).nonzero()[0]
    hits: list[tuple[int, set[str]]] = []
    for i in _texts_holding(texts, short, _STAR_STEMS):  # most pages: no line names a star
        found = set(STAR_COUNT_RE.findall(texts[i]))
        if found:
            hits.append((i, found))
    if len(hits) < _STARS_MIN:
        return
    end = -1
    for k in range(len(hits) - _STARS_MIN + 1):
        first = hits[k][0]
        group = [h for h in hits[k:] if h[0] - first <= _STARS_SPAN]
        digits = set().union(*(h[1] for h in group))
        if len(group) >= _STARS_MIN and len(digits) >= _STARS_MIN:
            end = group[-1][0]
            break
    if end < 0:
        return
    words = np.where(body, f.n_words, 0.0)
    below = float(words[end + 1 :].sum())
    if below <= 0 or below >= _STARS_BELOW * float(words[: end + 1].sum()):
        return
    hit = body.copy()
    hit[: end + 1] = False
    body[hit] = False
    why[hit] = 86


# Four of the five star counts on four short lines within 12 lines (a count and a bar a line, or
# a label and a count on two); the body below may hold up to three times the body above (below the
# body above only: two of the four wcxb-dev dev pages it moves, whose reviews outweigh a short
# description, stayed). Session 18, text mode: wcxb-dev dev +0.0012, held-out and the other sets 0.
_STARS_MIN = 4
_STARS_WORDS = 8
_STARS_SPAN = 12
_STARS_BELOW = 3.0
# The star words of vocab.STAR_COUNT_RE as lowercase ASCII stems ("étoile" as "toile").
_STAR_STEMS = (b"star", b"stern", b"toile", b"estrella", b"stell", b"sterren", b"gwiazd")


def drop_text_after_related(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a box of other stories under the post ends it: the body from its heading on goes.

    Under a post a site sets its boxes of other stories ("Related posts", "Most read", "More from
    Example News", "Around the web"), then their teasers, a comment thread or a sidebar; HTML mode
    leaves them out by their containers, a dump keeps paragraph-long teasers and comments that the
    region search takes for more of the post. The first such heading (six words at most, as a whole
    line: vocab.RELATED_HEAD_RE or vocab.OTHER_STORIES_RE) below _POST_END_PROSE characters of body
    text in the main region ends the post, unless the post goes on after it: a newsroom sets the
    box between two paragraphs, and the article's next paragraph (a main-region line of
    _AFTER_BOX_PROSE words with function words) comes after its headlines (15 words at most) within
    _AFTER_BOX_LINES lines; or more body words stand below it than above, or the main region's
    paragraphs below it hold over half as many words as the body above (a page of stories under a
    short intro).
    """
    n = len(body)
    if n < 2 or f.mode != "text" or not _any(body):
        return
    texts = seg.texts
    own = np.where(body & (f.main > 0), f.n_chars, 0.0)
    above = np.cumsum(own) - own
    words = np.where(body, f.n_words, 0.0)
    before = np.cumsum(words) - words
    after = float(words.sum()) - before
    prose = (f.main > 0) & (f.n_words >= _AFTER_BOX_PROSE) & (f.stopword_ratio >= 0.2)
    main_words = np.where(body & prose, f.n_words, 0.0)
    main_after = float(main_words.sum()) - (np.cumsum(main_words) - main_words)
    # The word tests first, then one search over the lines left joined (a call a line cost 3% of
    # the text pipeline); each hit is checked as a whole line: a text with a line break is no heading.
    heads = (f.n_words <= _RELATED_WORDS) & (above >= _POST_END_PROSE) & (after <= before) & (after > 0)
    lines = (heads & (main_after <= _AFTER_BOX_SHARE * before)).nonzero()[0]
    if not len(lines):
        return
    hits = [m.start() for m in _BOX_HEAD_LINE.finditer("\n".join([texts[i] for i in lines.tolist()]))]
    if not hits:
        return
    starts = np.cumsum(f.n_chars[lines] + 1.0) - f.n_chars[lines] - 1.0
    for at in np.searchsorted(starts, np.asarray(hits, dtype=np.float64), side="right") - 1:
        i = int(lines[at])
        text = texts[i]
        if RELATED_HEAD_RE.fullmatch(text) is None and OTHER_STORIES_RE.fullmatch(text) is None:
            continue
        j = i + 1
        while j < n and f.n_words[j] <= _RELATED_ITEM_WORDS:
            j += 1
        if j < n and j - i <= _AFTER_BOX_LINES and prose[j]:
            continue
        why[i:][body[i:]] = 67
        body[i:] = False
        return


def drop_text_legal_tail(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a last body line that names the site's copyright is its footer's notice.

    A footer ends with the site's legal lines ("© 2012 Example Inc. All rights reserved. This
    material may not be published ...", "Example.com is the official site of ... registered
    trademarks ..."), worded as prose and long enough to pass with the post above it; HTML mode
    leaves them out by the footer, a dump keeps the line. The page's last body line goes when it
    names a copyright (vocab.COPYRIGHT_RE: the sign or the word with a year, or "all rights
    reserved") and the body above it holds _LEGAL_ABOVE times its words (a page of legal text, or
    a short note under its licence, keeps it).

    A notice longer than that goes too when it stands far below the content: its group of body
    lines (lines at most _LEGAL_GROUP_STEP apart) comes after more than _TEXT_TAIL_GAP lines of
    chrome (the footer's menus and the rail of other stories between), and the whole group goes
    (reason 91): a site's long legal paragraph ("Example.com is the official web site of ...
    trademarks ... © 2012. All rights reserved.") and the lines that passed beside it. A writer's
    own closing note sits next to the text; drop_far_tail leaves such a group when it is over
    half the content's words, as the footer's legal prose is after a short story.
    """
    if f.mode != "text" or not _any(body):
        return
    idx = body.nonzero()[0]
    i = int(idx[-1])
    if COPYRIGHT_RE.search(seg.texts[i]) is None:
        return
    if float(f.n_words[body].sum()) - float(f.n_words[i]) >= _LEGAL_ABOVE * float(f.n_words[i]):
        body[i] = False
        why[i] = 68
        return
    steps = np.diff(idx)
    wide = (steps > _LEGAL_GROUP_STEP).nonzero()[0]
    if not len(wide) or int(steps[wide[-1]]) <= _TEXT_TAIL_GAP:
        return
    tail = idx[int(wide[-1]) + 1 :]
    body[tail] = False
    why[tail] = 91


# The body above the notice: twice its words at least.
_LEGAL_ABOVE = 2.0
# A longer notice's group: body lines at most 2 apart (a line of chrome between, "Terms | Privacy"),
# after a gap of over _TEXT_TAIL_GAP lines (15, drop_far_tail's; dragnet +0.0013 text, no page down).
_LEGAL_GROUP_STEP = 2


def drop_text_copyright_lines(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a short body line that opens with a copyright notice is chrome.

    A news agency's or a publisher's notice closes a story ("© 2012 The Associated Press. All
    rights reserved. This material may not be published ...", "Copyright 2012 Dow Jones &
    Company, Inc. All Rights Reserved"), and a dump sets it as a line among the story's: a
    sentence, it passes line by line, and when comments or a sidebar's text follow it, it is no
    page's last line (drop_text_legal_tail). HTML leaves most such notices out with their footer
    (the same step there cost a page whose truth keeps its agency's notice). A body
    block of _COPYRIGHT_LINE_WORDS words at most whose copyright (vocab.COPYRIGHT_RE) stands within its
    first _NOTICE_START characters goes, unless such lines hold over _PITCH_SHARE of the body's
    words. A mention further in is a photo's credit or a quoted licence as often ("Photo:
    Example / © 2024 ...", "Holy Bible, New International Version, Copyright © 1984 ...").
    """
    if f.mode != "text" or not _any(body):
        return
    short = (body & (f.n_words <= _COPYRIGHT_LINE_WORDS)).nonzero()[0].tolist()
    if not short:
        return
    texts = seg.texts
    joined = "\n".join([texts[i] for i in short])
    if not any(stem in joined for stem in _NOTICE_STEMS):
        return  # most pages: no sign and none of the words (a few substring scans, no lowering)
    hit = []
    for i in short:
        m = COPYRIGHT_RE.search(texts[i], 0, _NOTICE_HEAD)
        if m is not None and m.start() <= _NOTICE_START:
            hit.append(i)
    _drop_few_lines(f, body, why, hit, 72)


# A notice line: 60 words at most (the agency's notice with its "may not be published, broadcast,
# rewritten or redistributed" runs to 17-24; a site's notice with its terms runs longer). The step
# was written with 25 under the name _NOTICE_WORDS, which the comment form's notices' step later
# set to 60 at module level, so the step has run with 60 since; session 25 gave it its own name at
# the value it runs with (25 again: text-mode wcxb-dev one page -0.010, scrapinghub-aeb one +0.003).
# Its sign or word within its first 40 characters (after a site's name: "BBC © 2012", "Content
# Copyright © 2002-2012"). Only the line's head is searched (COPYRIGHT_RE's year stands within 20
# characters of the sign), _NOTICE_HEAD characters.
_COPYRIGHT_LINE_WORDS = 60
_NOTICE_START = 40
_NOTICE_HEAD = 120
# Every match of vocab.COPYRIGHT_RE in the usual casings holds one of these: the sign, "(c)", and the
# words' lowercase or uppercase stems ("Copyright", "COPYRIGHT", "All Rights Reserved", "réservés",
# "reservados", "riservati", "vorbehalten"); a word in mixed case ("CopyRight") is left to the line's
# other marks.
_NOTICE_STEMS = ("\u00a9", "(c)", "(C)", "opyright", "OPYRIGHT", "eserv", "ESERV", "éserv", "ÉSERV", "iservat", "ISERVAT", "orbehalten", "ORBEHALTEN")


def drop_text_credit_lines(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a photo's credit on a line of its own is chrome (session 22).

    HTML mode leaves a figure's credit out with its caption's container; a dump sets it as a
    short line among the story's ("Photo credit: Example.com", "Image: Name / Agency") that
    the gap rules take in between two paragraphs. A body line of _CREDIT_WORDS words at most
    that opens with the label (vocab.CREDIT_LINE_RE) goes, unless such lines hold over
    _PITCH_SHARE of the body's words.
    """
    if f.mode != "text" or not _any(body):
        return
    short = (body & (f.n_words <= _CREDIT_WORDS)).nonzero()[0].tolist()
    if not short:
        return
    texts = seg.texts
    joined = "\n".join([texts[i] for i in short])
    if not any(stem in joined for stem in _CREDIT_STEMS):
        return  # most pages: no label (a few substring scans, no lowering)
    hit = [i for i in short if CREDIT_LINE_RE.match(texts[i]) is not None]
    _drop_few_lines(f, body, why, hit, 118)


# A credit line: 12 words at most (a name, an agency, a site's address).
_CREDIT_WORDS = 12
_CREDIT_STEMS = ("Photo", "PHOTO", "Image", "IMAGE", "Picture", "Foto", "FOTO", "Bild", "Imagen", "Immagine", "Crédit", "Credit")


def keep_text_recipes(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a recipe card beside the body is body: its ingredients and its steps.

    A recipe's page tells its story in prose and then sets the card: a heading
    (vocab.INGREDIENTS_HEAD_RE: "Ingredients", "Zutaten für 4 Personen") over a list of short
    lines ("120g yellow noodles", "1 tsp cumin", "salt and pepper to taste"), then a method
    heading (vocab.METHOD_HEAD_RE) over its steps. HTML keeps the card with its container; a
    dump leaves a run of short lines without function words or sentences, which the region search
    passes over (the card is chrome entirely on most such pages, its story alone body). From the
    ingredients heading on, lines of _CARD_WORDS words at most are kept up to the first body
    line, a date line (a comment's header) or a longer line; after a method heading, the steps
    are kept as long as each ends like a sentence or runs to _STEP_WORDS words (a step's number on
    a line of its own passes). The card counts only with _CARD_QUANTITIES lines that hold a number
    among its ingredients (and _CARD_QUANTITY_SHARE of them) and a body line within _CARD_REACH
    lines of it.
    """
    if f.mode != "text" or not _any(body):
        return
    texts = seg.texts
    joined = "\n".join(texts)
    if not any(stem in joined for stem in _CARD_STEMS):
        return  # most pages: none of the words (a few substring scans)
    n = len(texts)
    heads = [i for i in range(n) if not body[i] and f.n_words[i] <= _CARD_HEAD_WORDS and _card_head(texts[i], INGREDIENTS_HEAD_RE)]
    if not heads:
        return
    bodies = body.nonzero()[0]
    n_words = f.n_words.tolist()
    date_like = f.date_like.tolist()
    for h in heads:
        if body[h]:
            continue  # kept with an earlier card
        kept = [h]
        quantities = listed = 0
        steps = False
        j = h + 1
        while j < n and j - h <= _CARD_REACH * 2 and not body[j]:
            t = texts[j].strip(_INVISIBLE)
            w = n_words[j]
            if w == 0 or _STEP_NUMBER.match(t):
                kept.append(j)
            elif _card_head(t, METHOD_HEAD_RE):
                steps = True
                kept.append(j)
            elif date_like[j] > 0:
                break
            elif steps:
                if w < _STEP_WORDS and not t.endswith(_STEP_ENDS):
                    break
                kept.append(j)
            elif w <= _CARD_WORDS:
                listed += 1
                quantities += any(c.isdigit() or c in _FRACTIONS for c in t)
                kept.append(j)
            else:
                break
            j += 1
        if quantities < max(_CARD_QUANTITIES, _CARD_QUANTITY_SHARE * listed):
            continue
        k = int(np.searchsorted(bodies, h))
        near = (k < len(bodies) and bodies[k] - kept[-1] <= _CARD_REACH) or (k > 0 and h - bodies[k - 1] <= _CARD_REACH)
        if not near:
            continue
        while kept and n_words[kept[-1]] == 0:
            kept.pop()
        body[kept] = True
        why[kept] = 77



def keep_text_before_share_bar(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the lines above the post's share bar down from the body are the post.

    A blog engine sets its share and like bars right under a post's text ("Share this:", "Teilen
    mit:", "Gefällt mir:", vocab.SHARE_BAR_RE, a label on a line of its own). HTML keeps the post
    with its container; in a dump a post of short lines (an agenda, a list of dates and shows, a
    few lines of dialogue) passes as chrome, and the region search keeps a paragraph above it or
    a sidebar's blurb instead. Above the page's first such bar, the lines from the last body line
    (within _BAR_GAP lines, and more than _BAR_MIN_GAP above: a post that runs down to its bar
    has its tail between, a note or a sign-off) or, without one, from the last date line within
    _BAR_DATELINE lines (the post's dateline) are body. They end early at a line a step above
    took out (a disclosure, a pitch), a share button ("Click to share on Facebook") or a related
    box's heading, and the buttons of _BUTTON_WORDS words just above the bar ("Twitter",
    "Drucken") stay out.
    """
    if f.mode != "text" or not _any(body):
        return
    texts = seg.texts
    bar = _first_share_bar(texts, f.n_words)
    if bar < 1:
        return
    above = body[:bar].nonzero()[0]
    if len(above) and bar - above[-1] <= _BAR_MIN_GAP:
        return  # the post runs down to its bar: what stands between is its tail (a note, a sign-off)
    if len(above) and bar - above[-1] <= _BAR_GAP:
        start = int(above[-1]) + 1
    else:
        dates = (f.date_like[max(0, bar - _BAR_DATELINE) : bar] > 0).nonzero()[0]
        if not len(dates):
            return
        start = max(0, bar - _BAR_DATELINE) + int(dates[-1]) + 1
    end = start
    while end < bar and not (why[end] and not body[end]) and not _ends_fill(texts[end]):
        end += 1
    while end > start and f.n_words[end - 1] <= _BUTTON_WORDS and not texts[end - 1].rstrip(_LINE_CLOSERS).endswith(_SENTENCE_MARKS):
        end -= 1
    if end <= start:
        return
    span = np.arange(start, end)
    span = span[~body[span]]
    body[span] = True
    why[span] = 78


def _first_share_bar(texts: list[str], n_words: FloatArray) -> int:
    """The first block that is a share bar's label, or -1.

    A label is a few words (_BAR_WORDS) with a colon: the short lines are looked at, the colon
    found before the pattern runs (a search over the whole joined text cost 0.2-0.5 ms a page).
    """
    short: list[int] = (n_words <= _BAR_WORDS).nonzero()[0].tolist()
    for i in short:
        text = texts[i]
        if ":" in text and SHARE_BAR_RE.match(text) is not None:
            return i
    return -1


# A label: 5 words at most ("Teilen Sie dies mit:").
_BAR_WORDS = 5
# The share bar's own lines above its label ("Share:", "Click to share on Facebook"), and the
# related box's heading ("Related posts", "Siehe auch") end the post as well.
_SHARE_WORD = regex.compile(r"(?i)(?<![\w])(?:share|teilen|partager|compartir|condividi|delen|udostępnij)(?![\w])")
_SEE_ALSO = regex.compile(r"(?i)^[^\w\n]*(?:see\s+also|siehe\s+auch|voir\s+aussi|ver\s+también|vedi\s+anche|zie\s+ook|zobacz\s+też)[^\w\n]*$")


def _ends_fill(text: str) -> bool:
    if _SHARE_WORD.search(text) is not None or _SEE_ALSO.match(text) is not None:
        return True
    m = RELATED_HEAD_RE.match(text)
    return m is not None and m.end() == len(text.rstrip())


# The post's lines above its bar: from a body line within 40 lines (an agenda, a list of shows;
# 40 lines of a sidebar's or a box's at most), more than 5 lines above it (set on the dev splits:
# with 0, the short tails under posts that reach their bar cost wcxb-dev 0.0001 and scrapinghub-aeb
# held-out 0.0006), or from a dateline within 15 lines (a post of a few lines).
_BAR_GAP = 40
_BAR_MIN_GAP = 5
_BAR_DATELINE = 15
# A share button's line: "Twitter", "Drucken", "About these ads", "Rate this:", no sentence's end.
_BUTTON_WORDS = 3
_SENTENCE_MARKS = (".", "!", "?", "…", "。")
_LINE_CLOSERS = " \t\"'“”»«’)"


def _card_head(text: str, pattern: regex.Pattern[str]) -> bool:
    """Whether the text's last line is the heading (a dump may glue it under a line of facts)."""
    last = text.rsplit("\n", 1)[-1].strip(_INVISIBLE)
    return pattern.match(last) is not None


# Every match of vocab.INGREDIENTS_HEAD_RE in the usual casings holds one of these stems
# ("Ingredients", "INGRÉDIENTS", "Zutaten", "Składniki").
_CARD_STEMS = ("ngredi", "NGREDI", "ngrédi", "NGRÉDI", "utaten", "UTATEN", "kładnik", "KŁADNIK")
# The heading's block: its line, or the line it is glued under ("30 Min. normal 4512 kcal\nZutaten").
_CARD_HEAD_WORDS = 15
# An ingredient's line: "2 or 3 boneless skinless chicken breasts, about 1 1/4 lbs" (12 words);
# a paragraph of the story or a comment runs longer.
_CARD_WORDS = 20
# A step that ends without a mark runs to 8 words ("Related", "Twitter Facebook Pinterest Print" end the card).
_STEP_WORDS = 8
_STEP_ENDS = (".", "!", ":", ")", "。")
_STEP_NUMBER = regex.compile(r"(?i)^(?:step|schritt|étape|paso|passo|stap|krok)?\s*\d{1,2}[.):]?$")
# Three ingredients with a quantity; the card within 30 lines of the body (a page's intro, its
# card and its steps sit together; the sidebar's and the footer's lists farther).
_CARD_QUANTITIES = 3
# And a third of its list's lines hold one (a menu after a heading holds a price here and there).
_CARD_QUANTITY_SHARE = 0.3
_CARD_REACH = 30
_FRACTIONS = "½⅓⅔¼¾⅛"
# Characters a dump leaves around a line that are no text (features.INVISIBLE).
_INVISIBLE = INVISIBLE


# A heading of either kind as a line of a text joined with line breaks.
_BOX_HEAD_LINE = regex.compile(
    "(?im)^(?:" + RELATED_HEAD_RE.pattern.removeprefix("(?i)") + "|" + OTHER_STORIES_RE.pattern.removeprefix("(?i)") + ")$"
)
# The article's next paragraph after a box set inside it: 20 words with function words, within 12
# lines of the heading (without this test, scrapinghub-aeb held-out -0.0029). The main region's
# paragraphs below the heading: half the body's words above it at most (without this test,
# trafilatura-eval held-out -0.0021, wcxb-dev held-out -0.0027).
_AFTER_BOX_PROSE = 20
_AFTER_BOX_LINES = 12
_AFTER_BOX_SHARE = 0.5


# The heading is a few words ("Das könnte Sie auch interessieren"); the headlines under it 15
# words at most, as a short line of the region search (features._line_value's neutral 15).
_RELATED_WORDS = 6
_RELATED_ITEM_WORDS = 15
# A teaser's excerpt: one sentence of 30 words at most, right under its headline.
_RELATED_EXCERPT_WORDS = 30

def keep_text_pairs(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a run of short headings each over one sentence, beside the main region, is body.

    A service or product page sets out what it offers as a grid of cards, each a heading of a
    few words and one sentence ("Custom dashboards" / "Visualize your KPIs in real time on
    platforms tailored to your needs."); HTML mode keeps the grid by its container, a dump has
    only the lines, and neither a heading nor one short sentence makes a region. _PAIR_MIN such
    pairs or more in a row (a heading of _PAIR_HEADING_WORDS words at most, no sentence end; a
    sentence of _PAIR_SENTENCE_WORDS to _PAIR_SENTENCE_MAX words, function words or none: a
    shop's cards are telegraphic; neither
    repeated on the page, a date, cut short, in the comment thread nor left out by an earlier
    step; the headings two thirds different: one label over every post is a thread's), starting or ending within _PAIR_REACH lines of a body
    line of the main region, join the body. A rail of other posts beside an article has longer
    headlines and cut or dated teasers. When the main region is the page's closing FAQ
    (_faq_start), the runs above it join from any distance: the page's pitch above its questions.
    """
    n = len(body)
    if f.mode != "text" or n < 2 * _PAIR_MIN or not _any(body):
        return
    # Lines an earlier step left out (a comment thread, the lines after a post's end, a notice)
    # stay out, and so does the comment thread however it was scored.
    # (_all_of's one pass a mask, where numpy's 17 operations took ~0.008 ms a page more.)
    kept = (why == 0) | body
    sentence = _all_of(n, (
        (kept, "is", 0), (f.date_like, "==", 0), (f.ellipsis, "==", 0), (f.repeated, "==", 0), (f.sentence_end, ">", 0),
        (f.n_words, ">=", _PAIR_SENTENCE_WORDS), (f.n_words, "<=", _PAIR_SENTENCE_MAX),
    ))  # fmt: skip
    heading = _all_of(n, (
        (kept, "is", 0), (f.date_like, "==", 0), (f.ellipsis, "==", 0), (f.sentence_end, "==", 0), (f.n_words, ">=", 1),
        (f.n_words, "<=", _PAIR_HEADING_WORDS),
    ))  # fmt: skip
    if f.comments_from >= 0:
        heading[f.comments_from :] = False
        sentence[f.comments_from :] = False
    pair = np.zeros(n, dtype=bool)
    pair[:-1] = heading[:-1] & sentence[1:]
    at = pair.nonzero()[0]
    if len(at) < _PAIR_MIN:
        return  # most pages: too few pairs for a run, and no FAQ search (~0.01 ms a page)
    faq = _faq_start(seg, f, body)
    if faq > 0:
        # The main region is the page's closing FAQ: every run of pairs above it is the pitch.
        _join_runs(seg, f, body, why, pair[:faq].nonzero()[0], 2, _PAIR_MIN, n, 52)
    _join_runs(seg, f, body, why, at, 2, _PAIR_MIN, _PAIR_REACH, 41)


def _faq_start(seg: Segments, f: Features, body: BoolArray) -> int:
    """The first body line of the main region when the region is a list of questions and answers, else -1.

    A service or product page closes with its FAQ, questions of a line each over their answers,
    which outweighs the sections of short headings and sentences above it in the region search.
    The region is an FAQ when _FAQ_MIN of its body lines or more, a quarter of them at least
    (_FAQ_SHARE), are questions: _FAQ_WORDS words at most ending in a question mark.
    """
    anchor = (body & (f.main > 0)).nonzero()[0]
    if len(anchor) < _FAQ_MIN:
        return -1
    texts = seg.texts
    short = anchor[f.n_words[anchor] <= _FAQ_WORDS].tolist()
    asked = sum(1 for i in short if texts[i].rstrip().endswith(("?", "\uff1f")))
    if asked >= _FAQ_MIN and asked >= _FAQ_SHARE * len(anchor):
        return int(anchor[0])
    return -1


# An FAQ: three questions at least, a quarter of the region's body lines (a question over a
# one-line answer is half), each a line of 25 words at most.
_FAQ_MIN = 3
_FAQ_SHARE = 0.25
_FAQ_WORDS = 25


# Three pairs at least; a heading of four words at most (a card's title: "Custom dashboards"; a
# rail's headlines run longer), a sentence of 8 to 60 words; within four lines of the main region's
# body. Dev splits: wcxb-dev +0.0004 (dev and held-out alike; services and documentation), dragnet
# held-out +0.0005, scrapinghub-aeb held-out +0.0001, nothing else moved. Six sentence words or six heading words moved dragnet's
# failures 80 -> 81 (a held-out page 0.538 -> 0.499); anywhere on the page (no reach), dragnet
# lost 0.0033 and scrapinghub-aeb 0.0019 (rails of teasers); with the reach at 10, scrapinghub-aeb
# lost 0.0004.
# No share of function words in the sentence since session 21 (0.15 before: wcxb-dev +0.0003,
# held-out +0.0002, a shop's telegraphic feature cards; nothing else moved).
_PAIR_MIN = 3
_PAIR_HEADING_WORDS = 4
_PAIR_SENTENCE_WORDS = 8
_PAIR_SENTENCE_MAX = 60
_PAIR_REACH = 4


def _join_runs(
    seg: Segments,
    f: Features,
    body: BoolArray,
    why: npt.NDArray[np.int8],
    at: npt.NDArray[np.intp],
    width: int,
    least: int,
    reach: int,
    code: int,
) -> None:
    """Join to the body the runs of items (at: each item's first line, width lines an item).

    A run of least items or more, their first lines two thirds different (one label over every
    post, "Reply", is a thread's), joins when the first main-region body line at or after its
    start is inside it or under reach lines after it, or the last one before it is within reach
    lines above (keep_text_pairs, keep_text_records).
    """
    anchor = (body & (f.main > 0)).nonzero()[0]
    if len(at) < least or not len(anchor):
        return
    texts = seg.texts
    for run in np.split(at, (np.diff(at) != width).nonzero()[0] + 1):
        if len(run) < least or 3 * len({texts[i] for i in run.tolist()}) < 2 * len(run):
            continue
        lo, hi = int(run[0]), int(run[-1]) + width
        k = int(np.searchsorted(anchor, lo))
        if (k < len(anchor) and anchor[k] - hi < reach) or (k > 0 and lo - anchor[k - 1] <= reach):
            add = np.zeros(len(body), dtype=bool)
            add[lo:hi] = ~body[lo:hi]
            body[add] = True
            why[add] = code


def keep_text_records(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a run of three-line records beside the main region is body.

    A service page's cards or a directory's entries set out each item as a name, a line that
    describes it and a link ("Add-on channels" / "Add sports packages, premium channels and more to
    your plan" / "View add-ons"; "Capital IDEA" / "Opportunities to earn an Associate Degree ..." /
    "https://www.capitalidea.org/"); HTML mode keeps the grid or the table by its container, a dump
    has only the lines, and neither the name, the link nor one line of description makes a region
    (keep_text_pairs asks for a sentence with a full stop and no third line). _RECORD_MIN such
    records or more in a row (a name and a last line of _RECORD_NAME_WORDS words at most with no
    sentence end, a description of _RECORD_TEXT_WORDS to _PAIR_SENTENCE_MAX words with function
    words; none of the three repeated on the page, a date, cut short, in the comment thread or left
    out by an earlier step; the names two thirds different), starting or ending within
    _RECORD_REACH lines of a body line of the main region, join the body. A rail of teasers puts
    the same line under each ("Learn more", "SHARES") or a date or a cut excerpt.
    """
    n = len(body)
    if f.mode != "text" or n < 3 * _RECORD_MIN or not _any(body):
        return
    plain = (f.date_like == 0) & (f.ellipsis == 0) & (f.repeated == 0) & ((why == 0) | body)
    if f.comments_from >= 0:
        plain[f.comments_from :] = False
    name = plain & (f.sentence_end == 0) & (f.n_words >= 1) & (f.n_words <= _RECORD_NAME_WORDS)
    text = plain & (f.stopword_ratio >= 0.15) & (f.n_words >= _RECORD_TEXT_WORDS) & (f.n_words <= _PAIR_SENTENCE_MAX)
    record = np.zeros(n, dtype=bool)
    record[:-2] = name[:-2] & text[1:-1] & name[2:]
    _join_runs(seg, f, body, why, record.nonzero()[0], 3, _RECORD_MIN, _RECORD_REACH, 60)


# Three records at least (two: cleaneval-dev -0.0009, its held-out split -0.0015); a name or a link
# of eight words at most (4: wcxb-dev +0.0003 only; 10: readability-testpages -0.0010, dragnet
# -0.0004), a description of six words or more (8 alike); within six lines of the main region's body
# (4: wcxb-dev +0.0005; 10 alike). Session 14, text mode: wcxb-dev +0.0012 (dev +0.0015, held-out
# +0.0000; service 0.785 -> 0.793, product 0.501 -> 0.506), dragnet held-out +0.0002,
# trafilatura-eval +0.0002, readability-testpages +0.0001. A last line allowed to repeat ("Learn
# more"), dragnet lost 0.0001 and trafilatura-eval 0.0001 (rails of teasers).
_RECORD_MIN = 3
_RECORD_NAME_WORDS = 8
_RECORD_TEXT_WORDS = 6
_RECORD_REACH = 6


def keep_text_specs(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a run of "label: value" lines beside the main region is body.

    A product's specifications or a listing's facts ("Body: Alder" / "Scale: 648 mm (25.5")" /
    "Colour: Birch Green") are a table or a list in HTML, kept by its container; a dump has only
    the short lines, none of which passes as running text. _SPEC_MIN such lines or more in a row
    (a label of 1 to _SPEC_LABEL_WORDS words, a colon and a space, a value of _SPEC_VALUE_WORDS
    words at most with no second colon; _SPEC_WORDS words at most; each label once among the page's
    such lines; not a date, cut short, in the comment thread nor left out by an earlier step),
    starting or ending within _SPEC_REACH lines of a body line of the main region, join the body.
    A rail of other stories titles them "Topic: headline" with longer values; a thread puts the
    same "Posts: 116" under every poster.
    """
    n = len(body)
    if f.mode != "text" or n < _SPEC_MIN or not _any(body):
        return
    plain = (f.date_like == 0) & (f.ellipsis == 0) & ((why == 0) | body)
    plain &= (f.n_words >= 2) & (f.n_words <= _SPEC_WORDS)
    if f.comments_from >= 0:
        plain[f.comments_from :] = False
    texts = seg.texts
    spec = np.zeros(n, dtype=bool)
    hits = [i for i in plain.nonzero()[0].tolist() if ": " in texts[i]]
    if len(hits) < _SPEC_MIN:  # most pages stop here
        return
    labels: dict[str, list[int]] = {}
    for i in hits:
        t = texts[i]
        k = t.find(": ")
        if 0 < k and len(t[:k].split()) <= _SPEC_LABEL_WORDS and "://" not in t and ": " not in t[k + 2 :]:
            if len(t[k + 2 :].split()) <= _SPEC_VALUE_WORDS:
                labels.setdefault(t[:k].lower(), []).append(i)
    for at in labels.values():
        if len(at) == 1:
            spec[at[0]] = True
    _join_runs(seg, f, body, why, spec.nonzero()[0], 1, _SPEC_MIN, _SPEC_REACH, 50)


# Four lines at least (three: scrapinghub-aeb and dragnet dev pages -0.02 each from "Name (Group A):
# 10th" style lines under a post), a label of four words at most, a value of five words at most and
# no second colon (headlines "Topic: title" and book lists "Author: Title: subtitle" in rails of
# other stories: dragnet -0.0003, trafilatura-eval -0.0003 without these; a value of eight words
# cost trafilatura-eval dev 0.0004), each label once among the page's such lines (a forum's
# "Posts: 116" under every poster, "Ad: slot"); within four lines of the main region's body.
# Session 16, text mode: scrapinghub-aeb +0.0006 (dev +0.0007, held-out +0.0000), dragnet
# held-out +0.0002, trafilatura-eval held-out +0.0002, wcxb-dev +0.0000.
_SPEC_MIN = 4
_SPEC_LABEL_WORDS = 4
_SPEC_WORDS = 12
_SPEC_VALUE_WORDS = 5
_SPEC_REACH = 4


def keep_text_product_tail(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the product's short lines right below its priced description are body.

    A shop's product page sets the name and the price right above the description and the
    product's feature list or facts right below it ("Colors from plants & spices" / "100% Vegan" /
    "Heel-to-toe drop: 10mm"): HTML keeps them in the product's container, a dump has only short
    lines, none of which passes as running text, and the main region ends with the description.
    When a price line (a currency sign and a digit, _PT_PRICE_WORDS words at most) stands within
    _PT_ABOVE lines above the main region's first body line and that line's run of body is a
    description (_PT_DESC lines at most, not an article), the lines right after the run join the
    body: up to _PT_LINES of them, each of 2 to _PT_WORDS words, stopping at a body line, a price,
    a date, a one-word line (a form's "Size", "Quantity") or a line an earlier step left out;
    _PT_MIN lines at least, at most half of them one or two words (a menu's entries).
    """
    n = len(body)
    if f.mode != "text" or not _any(body):
        return
    b0 = int(np.argmax(body & (f.main > 0)))
    if not body[b0] or f.main[b0] <= 0:
        return
    texts = seg.texts
    words = f.n_words
    if not any(words[i] <= _PT_PRICE_WORDS and _PT_PRICE.search(texts[i]) for i in range(max(0, b0 - _PT_ABOVE), b0)):
        return  # most pages: no price right above the region
    e = b0
    while e + 1 < n and body[e + 1]:
        e += 1
        if e - b0 >= _PT_DESC:
            return
    stop = n if f.comments_from < 0 else f.comments_from
    take: list[int] = []
    for i in range(e + 1, min(stop, e + 1 + _PT_LINES)):
        if body[i] or why[i] != 0 or f.date_like[i] > 0 or not 1 < words[i] <= _PT_WORDS or _PT_PRICE.search(texts[i]):
            break
        take.append(i)
    if len(take) < _PT_MIN or 2 * sum(1 for i in take if words[i] <= 2) > len(take):
        return
    body[take] = True
    why[take] = 103


# A price: a currency sign next to a digit, on a line of six words at most ("$9.99", "Regular
# price $19.99", "$39.00 every month"). Session 21, text mode, on wcxb-dev: a price within 6 or 8
# lines above the region took the same pages (4: two pages fewer, a course page's objectives among
# them; 12 took a dragnet held-out article's links); 10 to 14 lines below it the same pages, 6 kept
# half of the gain (the feature lists run 7 to 10 lines); a description of 20 lines took a German
# guide's "more topics" links below its article (trafilatura-eval -0.0002).
# The signs and the line's length are features' price line's (_priced_grid); here the sign stands
# next to the digit.
_PT_PRICE = re.compile(f"[{_PRICE_SIGNS}]\\s?[0-9]|[0-9]\\s?[{_PRICE_SIGNS}]")
_PT_PRICE_WORDS = _PRICE_WORDS
_PT_ABOVE = 6
_PT_DESC = 10
_PT_LINES = 10
_PT_WORDS = 30
_PT_MIN = 3


def drop_text_copies(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a passage of body lines that repeats one above it word for word is chrome.

    A forum shows the post a reply answers above the reply (a collapsed preview of the parent),
    a shop or a listing lays its content out twice (one copy for small screens, one for large),
    a tab strip repeats a description: HTML mode leaves such copies out by their containers
    (hidden, clamped, a quote of the parent), a dump keeps every copy, and each one passes as
    prose again. _COPY_LINES body lines or more in a row, at least two of them different, one a
    sentence's length (_COPY_LONG words) and _COPY_WORDS words together, that stand in the same
    order among the body lines above (not overlapping them) go. One paragraph said twice is left
    alone: a page may repeat a line on purpose, and a template repeats its short labels.
    """
    if f.mode != "text" or not _any(body):
        return
    # Every line of a passage and of its copy stands twice on the page (features' repeated): most
    # pages have too few such body lines and stop here.
    if np.count_nonzero(body & (f.repeated > 0)) < 2 * _COPY_LINES:
        return
    idx = body.nonzero()[0]
    texts = seg.texts
    keys = [_copy_key(texts[i]) for i in idx.tolist()]
    words = f.n_words[idx].tolist()
    seen: dict[str, list[int]] = {}
    drop: list[int] = []
    k, m = 0, len(keys)
    while k < m:
        best = 0
        for j in seen.get(keys[k], [])[-_COPY_TRIES:]:
            run = 0
            while k + run < m and j + run < k and keys[j + run] == keys[k + run]:
                run += 1
            best = max(best, run)
        if (
            best >= _COPY_LINES
            and max(words[k : k + best]) >= _COPY_LONG
            and sum(words[k : k + best]) >= _COPY_WORDS
            and len(set(keys[k : k + best])) >= 2
        ):
            drop.extend(range(k, k + best))
            for x in range(k, k + best):
                seen.setdefault(keys[x], []).append(x)
            k += best
            continue
        seen.setdefault(keys[k], []).append(k)
        k += 1
    if drop:
        hit = idx[drop]
        body[hit] = False
        why[hit] = 40


def _copy_key(text: str) -> str:
    """A line's words for drop_text_copies, lowercased, without its markup or a link's address.

    A page that offers its article as Markdown ("Copy as Markdown", a text for language models)
    holds a hidden second copy that a dump prints with the markup on ("## Heading", "> quote",
    "**Best for:**", "[name](https://...)"): the words are the copy's, the punctuation is not.
    A line without words keeps its text. An ASCII line's words are found by re's ASCII class, the
    same words as the regex pattern's in a fifth of its time (which runs at ~100 ns a character:
    the step took up to 5 ms on a dump of long lines).
    """
    low = _COPY_LINK_RE.sub("", _COPY_MARKER_RE.sub("", text, count=1)).lower()
    words = _COPY_ASCII_WORDS_RE.findall(low) if low.isascii() else _COPY_WORDS_RE.findall(low)
    return " ".join(words) if words else text.strip()


# A line's leading markup and list number ("## ", "> ", "- ", "1. ", "**"; an ordered list's
# number is text in one copy and markup in the other), a Markdown link's address ("](https://...)")
# and a word (letters, digits; "_" is markup).
_COPY_MARKER_RE = re.compile(r"^[\s#>*_+-]*(?:\d{1,3}[.)]\s+)?")
_COPY_LINK_RE = re.compile(r"\]\([^)\s]*\)")
_COPY_WORDS_RE = regex.compile(r"[^\W_]+")
# _COPY_WORDS_RE's words in an ASCII line: its letters and digits.
_COPY_ASCII_WORDS_RE = re.compile(r"[A-Za-z0-9]+")


# Three lines or more, one of 15 words (a sentence, not a template's label) and 20 words in all;
# the last 8 places a line stood before are tried (a page of one line over and over stays linear).
# Two lines took more of wcxb-dev's copies (+0.0024 against +0.0017) but cost cleaneval-dev 0.0011:
# its truth keeps the quotes of a thread, whose passages are copies too.
_COPY_LINES = 3
_COPY_LONG = 15
_COPY_WORDS = 20
_COPY_TRIES = 8


def _is_doubled(text: str) -> bool:
    """Whether a line is a text of _DOUBLED_WORDS distinct words or more twice, with a space between or none.

    One word over and over ("harbour harbour ...") is no text said twice: it is left to the other rules.
    """
    s = text.strip()
    half = len(s) // 2
    if len(s) % 2 == 0:
        second = s[half:]
    elif s[half] == " ":
        second = s[half + 1 :]
    else:
        return False
    return s[:half] == second and len(set(second.split())) >= _DOUBLED_WORDS


# Three words a half: a shorter phrase twice ("Yes yes", "Close Close") is a widget's label.
# 3 and 5 alike on the dev splits (scrapinghub-aeb +0.0013, wcxb-dev +0.0001 dev, +0.001 held-out).
_DOUBLED_WORDS = 3
# A card's text: 200 words a half at most (a longer text twice is a page's own
# doing, such as a generated test page, not a card).
_DOUBLED_MAX_WORDS = 200


def _is_tag_list(text: str) -> bool:
    """Whether a line is a list of tags: long, unpunctuated, its words' initials ascending."""
    words = text.lower().split()
    if len(words) < _TAG_WORDS:
        return False
    if len(words) < _TAG_MARKED_WORDS:
        if _TAG_PUNCT.search(text) is not None:
            return False
    elif len(_TAG_PUNCT.findall(text)) > _TAG_MARKS * len(words):
        return False
    if sum(map(len, words)) < _TAG_WORD_CHARS * len(words):
        return False
    initials = [w[0] for w in words]
    if len(set(initials)) < _TAG_INITIALS:
        return False
    tails: list[str] = []  # the smallest last initial of an ascending run of each length
    for initial in initials:
        k = bisect.bisect_right(tails, initial)
        if k == len(tails):
            tails.append(initial)
        else:
            tails[k] = initial
    return len(tails) >= _TAG_ORDER * len(words)


# 20 words or more (a sentence-free line that long is a list); 3 characters a word on average;
# the initials ascend over 60% of the words (a writer's words over a quarter to a third of them
# on a line that long; a cloud's tags of two or three words keep 70-90%). Dev splits:
# scrapinghub-aeb +0.003, dragnet +0.0004, nothing down.
_TAG_WORDS = 20
_TAG_WORD_CHARS = 3
_TAG_ORDER = 0.6
# Five initials at least: a list runs through the alphabet. A cloud holds a few hundred words at
# most: longer lines are left alone (and are not walked word by word).
_TAG_INITIALS = 5
_TAG_MAX_WORDS = 5000
# A long list names a few items with their own marks ("St. Lucia", "Congo, Republic of", "ASP.NET"):
# from _TAG_MARKED_WORDS words on, a mark for every 20 words is allowed (a sentence-free line runs
# far longer between marks).
_TAG_MARKED_WORDS = 40
_TAG_MARKS = 0.05
_TAG_PUNCT = regex.compile(r"[.!?,;:]")


def keep_own_line_links(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A bare web address on its own line between paragraphs of the main container is body.

    A writer sets a source, a download or a shop link on a line of its own: the block is
    mostly link text, so it scores as a menu entry, yet it is part of what the writer wrote.
    A bare address is no menu's entry (menus show words) and, between two body blocks at most
    _OWN_LINE_REACH blocks away on each side, in the main container, no footer's line either.
    """
    n = len(body)
    if n == 0 or not _any(body):
        return
    texts = seg.texts
    short = _all_of(n, ((body, "not", 0), (f.main, ">", 0), (f.n_words, "<=", _OWN_LINE_WORDS))).nonzero()[0]
    if not _texts_hold(texts, short, _ADDRESS_STEMS):
        return  # most pages: no line holds an address's start
    cand = [i for i in short.tolist()
            if texts[i].lstrip().startswith(_ADDRESS_STARTS) and _BARE_ADDRESS.fullmatch(texts[i]) is not None]
    if not cand:
        return
    before = np.cumsum(body)
    for i in cand:
        lo, hi = max(i - _OWN_LINE_REACH, 0), min(i + _OWN_LINE_REACH, n - 1)
        above = before[i - 1] - (before[lo - 1] if lo > 0 else 0) if i > 0 else 0
        below = before[hi] - before[i]
        if above > 0 and below > 0:
            body[i] = True
            why[i] = 21


# A bare web address: the scheme or "www.", then no space. Its words (the address split at its
# punctuation) stay under 30. Body on both sides within 3 blocks.
_BARE_ADDRESS = regex.compile(r"\s*(?:https?://|www\.)\S+\s*")
_ADDRESS_STARTS = ("http://", "https://", "www.")
# A line that starts with one of them holds it lowered (the pre-test of the lines).
_ADDRESS_STEMS = tuple(start.encode("ascii") for start in _ADDRESS_STARTS)
_OWN_LINE_WORDS = 30
_OWN_LINE_REACH = 3


def keep_linked_cards(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A linked card's sentence between body blocks of the main container is body.

    A company's landing page sets out its services, features or customers' quotes as a grid of
    cards, and a card is often one link around its heading and its sentence: every word of the
    card is link text, so it scores as a menu entry. A menu's entries are labels, though, not
    sentences: where _LINKED_CARDS or more blocks of one tag path in the main container, between
    the page's first and last body blocks, are nearly all link (_LINKED_CARD_LINKS) and read as
    a statement (_LINKED_CARD_WORDS words or more ending with a full stop), they are body. A
    rail's or a widget's teasers stand under their class words (the vocabulary of
    vocab.RAIL_TOKENS: "related", "teaser", "widget", ...), and a list of linked questions ("How do
    I ...?") is a list of other pages: both stay out.
    """
    n = len(body)
    if n < _LINKED_CARDS or not _any(body):
        return
    # The grid's cards are counted whatever their labels (smoothing may have kept one).
    cand = _all_of(
        n,
        ((f.main, ">", 0), (f.link_density, ">=", _LINKED_CARD_LINKS),
         (f.n_words, ">=", _LINKED_CARD_WORDS), (f.sentence_end, ">", 0)),
    ).nonzero()[0]
    if len(cand) < _LINKED_CARDS:
        return  # most pages: no such lines
    first = int(body.argmax())
    last = n - 1 - int(body[::-1].argmax())
    texts, paths, negs = seg.texts, seg.paths, seg.neg_tokens
    picked = [i for i in cand.tolist()
              if first < i < last and negs[i] not in RAIL_TOKENS and not texts[i].rstrip().endswith("?")]
    counts = collections.Counter(paths[i] for i in picked)
    for i in picked:
        if not body[i] and counts[paths[i]] >= _LINKED_CARDS:
            body[i] = True
            why[i] = 106


# Three cards make a grid; 0.9 link text is a card wrapped whole in its link (a stray
# unlinked word aside); six words or more, ending with a full stop, make a sentence, not a label.
_LINKED_CARDS = 3
_LINKED_CARD_LINKS = 0.9
_LINKED_CARD_WORDS = 6

# A post's prose line: words at most, link density under.
_EARLY_POST_WORDS = 10
_EARLY_POST_LINKS = 0.5
# Levels walked up from a prose line of the container to the post that holds it, from its
# first prose lines (the posts next to the top of the container; a long thread's others repeat
# their names).
_EARLY_POST_LEVELS = 8
_EARLY_POST_LINES = 20
# What a block outside the container misses: outside_main's -3.0 and main_container's +1.5.
_EARLY_POST_MARGIN = 4.5


def keep_early_posts(
    seg: Segments, f: Features, scores: FloatArray, threshold: float, body: BoolArray, why: npt.NDArray[np.int8]
) -> None:
    """A post of the thread set above the main container is content, as the posts in it are.

    A forum engine sets a thread's first post apart from the replies (a question above its
    answers, an opening post in a box of its own above the list of replies, a first post of
    two whose second, longer one took the container): the container holds the replies and the
    first post stands outside it, scored as a sidebar's text. A post is an element of the
    same tag and first class name as one that holds a prose line of the container, both
    holding a date line (each post's head). Such an element above the container, outside it
    and holding a prose line of its own, is a post of the thread: its lines that would pass
    inside the container join the body. Only on a page that declares a thread, or where the
    post is a sibling of the container's post and a date line numbers it ("#1 2025-11-01"):
    an article's box above its text may share its name and a date, never a post number.
    """
    n = len(body)
    if n == 0 or f.mode != "html" or not _any(body):
        return
    # The container's first block (argmax: 0 when there is none, or it opens the page).
    first = int((f.main > 0).argmax())
    if first == 0 or not _any(f.date_like[:first] > 0):
        return  # most pages: no date line above the container
    is_dated = f.date_like > 0
    own = _all_of(
        n, ((f.n_words, ">=", _EARLY_POST_WORDS), (f.link_density, "<", _EARLY_POST_LINKS), (f.flags, "none", _CHROME_CONTEXT))
    )
    own_above = own[:first].nonzero()[0]
    if len(own_above) == 0:
        return
    elems, parents, tags, classes = seg.elems, seg.elem_parent, seg.elem_tag, seg.elem_class
    end_of = elem_subtree_ends(seg)
    at = seg.elem_array()
    # The elements of the date lines, sorted: e's subtree holds one when the first at e or after
    # comes before end_of[e] (a bisection over the few date lines, not prefix sums over every element).
    dated_at = sorted(at[is_dated].tolist())

    def named_and_dated(e: int) -> tuple[str, str] | None:
        """e's tag and first class name when e has a class and holds a date line."""
        if not classes[e].strip():
            return None
        k = bisect.bisect_left(dated_at, e)
        if k == len(dated_at) or dated_at[k] >= end_of[e]:
            return None
        return tags[e], classes[e].split()[0]

    # The posts that may stand above the container: named, dated elements over its prose lines.
    top = elems[first]
    cands: dict[int, tuple[str, str]] = {}
    seen: set[int] = set()
    for i in own_above.tolist():
        e = elems[i]
        for _ in range(_EARLY_POST_LEVELS):
            if e <= 0 or e in seen or end_of[e] > top:
                break  # the root, a walk done, or an ancestor of the container
            seen.add(e)
            key = named_and_dated(e)
            if key is not None:
                cands[e] = key
            e = parents[e]
    if not cands:
        return
    # The posts of the container: named, dated elements over its prose lines, with their parents.
    keys: dict[tuple[str, str], set[int]] = {}
    seen.clear()
    prose = _all_of(n, ((body, "is", 0), (f.main, ">", 0), (f.n_words, ">=", _EARLY_POST_WORDS))).nonzero()[0]
    wanted = set(cands.values())
    for i in prose[:_EARLY_POST_LINES].tolist():
        e = elems[i]
        for _ in range(_EARLY_POST_LEVELS):
            if e <= 0 or e in seen:
                break
            seen.add(e)
            key = named_and_dated(e)
            if key in wanted:
                keys.setdefault(key, set()).add(parents[e])
            e = parents[e]
    if not keys:
        return  # no post of the container shares a name with one above it
    # A line of the post's text: a vote count, the writer's badges and the post's date are its head.
    passes = _all_of(n, ((scores, ">=", threshold - _EARLY_POST_MARGIN), (f.link_density, "<", _EARLY_POST_LINKS),
                         (f.flags, "none", _CHROME_CONTEXT), (f.date_like, "==", 0), (f.stopword_ratio, ">", 0)))
    texts = seg.texts
    declared: bool | None = None
    stop = 0
    for e in sorted(cands):
        key = cands[e]
        if e < stop or key not in keys:
            continue  # inside a post taken, or no post's name
        inside: BoolArray = (at >= e) & (at < end_of[e])  # a block's element need not come in order
        members = inside.nonzero()[0]
        if members.max() >= first:
            continue
        if parents[e] in keys[key]:
            # A sibling of a post of the container: numbered as forums number a thread's posts ("#1 2025-11-01").
            ok = any(_POST_NUMBER.search(texts[i]) is not None for i in members[is_dated[members]].tolist())
        else:
            ok = False
        if not ok:
            if declared is None:
                declared = declares_thread(seg)  # a byte search, asked once a page
            ok = declared
        if ok:
            keep = members[passes[members] & ~body[members]]
            body[keep] = True
            why[keep] = 97
            stop = end_of[e]


def keep_post_headers(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a thread of posts, each post's author and date are body, the writer's details chrome.

    A forum thread is a run of alike posts (siblings of one tag and class), each headed by
    its writer's name and the date it was written: two short lines a reader reads with the
    post, that score as a menu entry and a date. Where three posts or more of the main
    container hold a date line of _POST_DATE_WORDS words at most (a link to the post, or
    numbered "#2") above body text of their own, the post's first such line is body, and
    so is its writer's name: the post's first heading above the date, or else its first
    short line that is all link. What else stands above the date, the writer's details (a
    member title, a join date, a post count), is chrome. Once three posts stand, a sibling
    post (one parent, tag and class) whose own text is shorter ("Thanks!", "NIH - 7/18") is
    headed the same way (session 24). An article's byline stands in no run of alike items; a
    listing's cards link their headlines, not their dates.
    """
    n = len(body)
    if n == 0 or not _any(body):
        return
    short_dates = _all_of(n, ((body, "not", 0), (f.main, ">", 0), (f.date_like, ">", 0), (f.n_words, "<=", _POST_DATE_WORDS)))
    if np.count_nonzero(short_dates) < _THREAD_POSTS:
        return  # most pages: fewer short date lines than a thread has posts
    texts = seg.texts
    linked = short_dates & (f.link_density >= _POST_DATE_LINKED)
    numbered = [i for i in (short_dates & ~linked).nonzero()[0].tolist() if _POST_NUMBER.search(texts[i]) is not None]
    linked[numbered] = True
    dates = linked.nonzero()[0]
    if len(dates) < _THREAD_POSTS:
        return
    parents, tags, classes, elems = seg.elem_parent, seg.elem_tag, seg.elem_class, seg.elems
    ends = elem_subtree_ends(seg)
    kinds: dict[int, dict[tuple[str, str], int]] = {}

    def alike(e: int) -> bool:
        """Whether e has two siblings or more of its tag and (non-empty) class."""
        p = parents[e]
        if p < 0 or not classes[e]:
            return False
        count = kinds.get(p)
        if count is None:
            count = kinds[p] = {}
            x, stop = p + 1, int(ends[p])
            while x < stop:
                key = (tags[x], classes[x])
                count[key] = count.get(key, 0) + 1
                x = int(ends[x])
        return count.get((tags[e], classes[e]), 0) >= _THREAD_POSTS

    found: list[tuple[int, int]] = []
    # A post whose own text is shorter than a sentence ("Thanks!", "+1") is headed alike: it
    # is taken once the thread stands, when it is a sibling of a post taken (one parent, tag, class).
    short: list[tuple[int, int]] = []
    last = -1
    for i in dates.tolist():
        if EDIT_NOTE_RE.search(texts[i]) is not None:
            continue  # "edited Sep 11, 2016", "Last edited: Mar 27": a note on the post, not its date
        e = elems[i]
        while e > 0 and not alike(e):
            e = parents[e]
        if e <= 0 or e == last:
            continue  # one date a post: its first
        last = e
        j, stop = i + 1, int(ends[e])
        while j < n and elems[j] < stop and not body[j]:
            j += 1
        if j >= n or elems[j] >= stop:
            continue  # no text of its own
        while j < n and elems[j] < stop and not (body[j] and f.n_words[j] >= _POST_TEXT_WORDS):
            j += 1
        (found if j < n and elems[j] < stop else short).append((i, e))
    if len({e for _, e in found}) < _THREAD_POSTS:
        return
    if short:
        posts = {(parents[e], tags[e], classes[e]) for _, e in found}
        found += [(i, e) for i, e in short if (parents[e], tags[e], classes[e]) in posts]
    for i, e in found:
        body[i] = True
        why[i] = 36
        # The post's blocks above its date: the writer's name and details.
        k = i
        while k > 0 and elems[k - 1] >= e:
            k -= 1
        head = range(k, i)
        author = next((a for a in head if f.heading[a] > 0), -1)
        if author < 0:
            author = next((a for a in head if _link_name(texts[a], f, a)), -1)
        for a in head:
            if a != author and body[a] and f.n_words[a] <= _POST_DATE_WORDS:
                body[a] = False
                why[a] = 37
        if author >= 0 and not body[author] and f.date_like[author] == 0 and 0 < f.n_words[author] <= _POST_AUTHOR_WORDS:
            body[author] = True
            why[author] = 36
        # The post's number on a line of its own beside the date ("#2", the permalink's text).
        stop = int(ends[e])
        for j in range(max(k, i - _POST_NUMBER_REACH), min(n, i + _POST_NUMBER_REACH + 1)):
            if body[j] and j != i and elems[j] < stop and _POST_NUMBER_LINE.fullmatch(texts[j]) is not None:
                body[j] = False
                why[j] = 121


def _link_name(text: str, f: Features, a: int) -> bool:
    """A writer's name without a heading: a short line, all link (to the profile), not a date, not one letter (an avatar's initial)."""
    return bool(
        f.link_density[a] >= _POST_NAME_LINKED
        and f.date_like[a] == 0
        and 0 < f.n_words[a] <= _POST_NAME_WORDS
        and len(text.strip()) > 1
    )


# A post's date line: a link (its permalink) or numbered, a few words ("Mar 27, 2025",
# "#2 · Jan 3, 2024", "11-29-2024, 09:03 AM #1"); the writer's details are as short.
_POST_DATE_LINKED = 0.5
_POST_DATE_WORDS = 8
_POST_NUMBER = regex.compile(r"(?<![\w#])#\d{1,5}(?!\w)")
# A post's number alone on its line, within two blocks of the post's date (session 24).
_POST_NUMBER_LINE = regex.compile(r"\s*#\s?[1-9]\d{0,4}\s*")
_POST_NUMBER_REACH = 2
# A writer's count in a dump: a number alone on a line, within three lines above the post's number
# (the writer's name, location and counts come between two posts).
_POST_COUNT_LINE = regex.compile(r"\s*\d{1,3}(?:,\d{3})*\s*|\s*\d{1,7}\s*")
_POST_COUNT_REACH = 3
# A thread: three posts (the question and two replies) at least.
_THREAD_POSTS = 3
# A post's own text below its date: a sentence.
_POST_TEXT_WORDS = 5
# A writer's name: a heading of a few words, or a shorter line all of whose text is a link.
_POST_AUTHOR_WORDS = 4
_POST_NAME_LINKED = 0.99
_POST_NAME_WORDS = 3


def keep_listing(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """On a page with little running text, keep its largest set of repeated items.

    Shop categories, search results and archives carry no paragraph: their content is a
    grid of alike items (same tag and class, under one parent). When the body found so
    far is small, the biggest such group outside navigation, header and footer, with more
    text than the body, becomes the body, unless the body holds a paragraph of a short
    article in the main container and the group stands mostly outside that container, or the
    group stands wholly outside the container and all of the body inside it (session 20).
    A group whose items' own class holds a chrome word ("menu-item", "sidebar-block") is
    a menu's rows or a sidebar's widgets, not a listing. Striped rows ("entry-row shade",
    "entry-row plain") are one group: a class's last name, when it has two or more, is left out
    of the key, and a variant that only one item carries (a "first" or a "last") stays out.
    """
    n = len(body)
    if n == 0 or f.mode != "html":
        return
    if float(f.n_words[body].sum()) >= _LISTING_MAX_BODY_WORDS:
        return
    body_chars = float(f.n_chars[body].sum())
    parent = seg.elem_parent
    n_elem = len(parent)
    elems = seg.elem_array()
    chrome = (f.flags & (_CHROME_CONTEXT | Flag.HEADER)) != 0
    clean = np.bincount(elems, weights=np.where(chrome, 0.0, f.n_chars), minlength=n_elem).tolist()
    for e in range(n_elem - 1, 0, -1):
        clean[parent[e]] += clean[e]
    groups: dict[tuple[int, str, str], list[int]] = {}
    for e in range(1, n_elem):
        cls = seg.elem_class[e]
        if cls and clean[e] > 0:
            groups.setdefault((parent[e], seg.elem_tag[e], _unmodified(cls)), []).append(e)
    best: list[int] = []
    best_chars = max(_LISTING_MIN_CHARS, 2.0 * body_chars)
    classes = seg.elem_class
    for members in groups.values():
        if len(members) >= _LISTING_MIN_ITEMS and len({classes[e] for e in members}) > 1:
            # Striped rows ("row odd", "row even") are one listing; a lone "first" or "last" no stripe.
            count = collections.Counter(classes[e] for e in members)
            members = [e for e in members if count[classes[e]] > 1]
        if len(members) >= _LISTING_MIN_ITEMS:
            total = sum(clean[e] for e in members)
            # Items whose own class says chrome (a menu's rows, a sidebar's blocks) are no listing.
            if total > best_chars and not any(class_words(c)[0] & Flag.NEG_CLASS for c in {classes[e] for e in members}):
                best, best_chars = members, total
    if not best:
        return
    inside = np.zeros(n_elem, dtype=bool)
    inside[best] = True
    first = min(best)
    for e in range(first + 1, n_elem):
        if not inside[e]:
            inside[e] = inside[parent[e]]
    keep = inside[elems] & ~chrome & ~body
    # A short article is the page's content all the same: beside a paragraph of it in the main
    # container, a group mostly outside that container is a sidebar's rail of posts.
    article = body & (f.main > 0) & (f.n_words >= _LISTING_ARTICLE_WORDS) & (f.sentence_end > 0)
    if _any(article) and _any(keep) and float(f.main[keep].mean()) < 0.5:
        return
    # A group wholly outside the main container, while all of the body stands inside it, is a
    # sidebar's list beside a short post (its categories, its archive), not the page's listing.
    if _any(keep) and _any(body) and not _any(f.main[keep] > 0) and bool((f.main[body] > 0).all()):
        return
    body |= keep
    why[keep] = 8


def _unmodified(cls: str) -> str:
    """A class but for its last name when it has two or more: a row's stripe ("row odd", "row even").

    The names are joined by one space: a bare " row " and a "row featured" are one key."""
    names = cls.split()
    return " ".join(names[:-1]) if len(names) > 1 else " ".join(names)


def keep_inner_cards(f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """Teaser cards set between the content's paragraphs are part of it: a service page's features.

    A rail of "more stories" cards stands after the article, or beside it; a landing page sets
    its features, figures or FAQ as a row of cards led by linked names in the middle of its
    text, where the cards' short lines (a figure, a one-line pitch), scored as teaser cards,
    fall out. When body of the main container (a line of _INNER_ANCHOR_WORDS words or more,
    outside the cards and outside navigation, header, footer, forms and comments) stands within
    _INNER_NEAR blocks both before and after a run of teaser-card blocks, the run's plain lines
    (under half link text, no dates, no captions) join the body; the linked names stay out.
    """
    n = len(body)
    if n < 3 or f.mode != "html":
        return
    card = f.card > 0
    if not _any(card):
        return
    anchor = _all_of(n, (
        (body, "is", 0), (f.main, ">", 0), (card, "not", 0), (f.flags, "none", _CARD_OUTER),
        (f.n_words, ">=", _INNER_ANCHOR_WORDS),
    ))  # fmt: skip
    if not _any(anchor):
        return
    starts, ends = _runs_between(card, anchor, _INNER_NEAR)
    if not len(starts):
        return
    caption = ((f.flags & _CAPTION) != 0) & ((f.flags & _CAPTION_UNLESS) == 0)
    keep = _spans(n, starts, ends) & ~body & (f.main > 0) & ((f.flags & _CARD_OUTER) == 0)
    keep &= (f.link_density < _CARD_LINKS) & (f.date_like == 0) & ~caption
    body |= keep
    why[keep] = 62


_CARD_OUTER = Flag.NAV | Flag.FOOTER | Flag.ASIDE | Flag.COMMENT | Flag.HEADER | Flag.FORM
# A paragraph, not a label: ten words or more.
_INNER_ANCHOR_WORDS = 10
# Body within three blocks on both sides (6: wcxb-dev the same +0.0002 with a forum page -0.01;
# 12: dev +0.0004 but held-out -0.0000, twice the pages moved, half of them down).
_INNER_NEAR = 3


def _runs_between(
    runs: BoolArray, anchor: BoolArray, near: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The runs of True in runs (starts, ends exclusive) with a True block of anchor among the
    near blocks before the run and among the near blocks after it (keep_inner_cards). Its
    compiled twin counts the anchors in one pass, where numpy takes some fifteen calls."""
    n = len(runs)
    starts, ends = _runs_of(runs)
    cum = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(anchor, out=cum[1:])
    before = cum[starts] - cum[np.maximum(starts - near, 0)] > 0
    after = cum[np.minimum(ends + near, n)] - cum[ends] > 0
    ok = before & after
    return starts[ok], ends[ok]


def _repeated_headings(f: Features, body: BoolArray) -> BoolArray | None:
    """keep_menu_headings' and keep_section_headings' candidates: the tagged headings of the main
    container, repeated, outside chrome, under half link text, no date, not body, right before
    body; None when there is none. The tests of the block alone come first, and the mask of the
    blocks after them only when one passes (most pages: none does, ~1 us a step saved)."""
    cand = _all_of(len(body), (
        (body, "not", 0), (f.heading, ">", 0), (f.repeated, ">", 0), (f.main, ">", 0),
        (f.flags, "none", _CHROME_CONTEXT), (f.link_density, "<", 0.5), (f.date_like, "==", 0),
    ))  # fmt: skip
    if not _any(cand):
        return None
    cand[:-1] &= body[1:]
    cand[-1] = False
    return cand if _any(cand) else None


def keep_menu_headings(seg: Segments, f: Features, scores: FloatArray, threshold: float, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A heading right before body is its section's heading even when the menu repeats it.

    Smoothing joins a heading to the body right after it, but not a repeated line: a line
    the page says twice is a template's label ("Advertisement", "Recommended content"). A
    service or documentation page names its sections as its menu does ("Customer stories",
    "Pricing", "Examples"), and each such heading fell out. A tagged heading of the main
    container (outside navigation, header, footer, asides and comments, under half link
    text, no date, not firm chrome), right before body, joins it when its text appears
    nowhere else in the main container and once at least in navigation or the header.
    """
    n = len(body)
    if n < 2 or f.mode != "html":
        return
    cand = _repeated_headings(f, body)
    if cand is None:
        return
    cand &= scores - threshold > -_FIRM_CHROME
    if not _any(cand):
        return
    texts = seg.texts
    at = cand.nonzero()[0].tolist()
    wanted = {texts[i] for i in at}
    inner = _all_of(n, ((f.main, ">", 0), (f.flags, "none", _CHROME_CONTEXT))).nonzero()[0].tolist()
    seen = collections.Counter(t for t in (texts[i] for i in inner) if t in wanted)
    menu = {texts[i] for i in ((f.flags & _MENU) != 0).nonzero()[0].tolist() if texts[i] in wanted}
    for i in at:
        if seen[texts[i]] > 1 or texts[i] not in menu:
            cand[i] = False
    body |= cand
    why[cand] = 65


def keep_section_headings(seg: Segments, f: Features, scores: FloatArray, threshold: float, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A heading the main container repeats joins the body when it heads a section of its own text.

    A comparison or a service page gives each of its items the same headings ("Pros", "Cons",
    "Benefits", "Parent" over each testimonial), and a repeated line is no soft chrome for the
    heading rule (a template's label). Such a heading of the main container (the same tests as
    keep_menu_headings) joins the body right after it when that block is not repeated (a
    template's label stands over a notice the page repeats word for word) and sits inside the
    heading's own parent element: the heading opens a section, not a label standing alone.
    """
    n = len(body)
    if n < 2 or f.mode != "html":
        return
    cand = _repeated_headings(f, body)
    if cand is None:
        return
    cand &= scores - threshold > -_FIRM_CHROME
    if not _any(cand):
        return
    for i in cand.nonzero()[0].tolist():
        if f.repeated[i + 1] > 0 or not _opens_section(seg, i):
            cand[i] = False
    body |= cand
    why[cand] = 99


def keep_linked_headings(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A linked heading of the main container joins the body right after it inside its own section.

    A service page links each feature's heading to the feature's page ("Ticketing", "Voice"),
    a guide each step's, a directory each entry's name: all link text, the heading scores as
    firm chrome and no smoothing rule takes it, while the text under it is body. A tagged
    heading of the main container (outside navigation, footer, asides and comments, no date),
    half link text or more, joins the body block right after it when that block sits inside
    the heading's own parent element (as keep_section_headings) and is plain text: under half
    link text (else the pair is an entry of a list of links), not repeated (a next/previous
    story's teaser) and no teaser card (a box of other stories set inside an article).
    """
    n = len(body)
    if n < 2 or f.mode != "html":
        return
    cand = _all_of(n, (
        (body, "not", 0), (f.heading, ">", 0), (f.main, ">", 0), (f.flags, "none", _CHROME_CONTEXT),
        (f.link_density, ">=", 0.5), (f.date_like, "==", 0),
    ))  # fmt: skip
    if not _any(cand):
        return  # most pages: no such heading, and no mask of the blocks after them made
    cand[:-1] &= body[1:] & (f.link_density[1:] < 0.5) & (f.repeated[1:] == 0) & (f.card[1:] == 0)
    cand[-1] = False
    if not _any(cand):
        return
    for i in cand.nonzero()[0].tolist():
        if not _opens_section(seg, i):
            cand[i] = False
    body |= cand
    why[cand] = 100


def keep_dated_headlines(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A listing's linked headlines join the body when the summary under each of them is body.

    A blog's index or a news section shows each post as a linked headline, often a date or a
    byline, then a summary. The summaries pass as text; the headlines are links (and repeated
    markup), score as chrome, and keep_linked_headings does not take them: a date stands
    between headline and summary, or the summary is linked too. A tagged heading of the main
    container (outside navigation, header, footer, forms, comments; no date, no teaser card),
    half link text or more, is a listing's headline when the next block, or the one after a
    short dated line, is a body paragraph of _DATED_SUMMARY_WORDS words or more. The headlines
    join the body when _DATED_ITEMS or more of one tag path and class, each text once (a
    thread's "Re: ..." titles repeat), fell out, and their listing opens in the first half of
    the body's words (a box of other posts comes after an article's text).
    """
    n = len(body)
    if n < 3 or f.mode != "html":
        return
    head = _all_of(n, (
        (f.heading, ">", 0), (f.main, ">", 0), (f.flags, "none", _CHROME_CONTEXT | Flag.HEADER | Flag.FORM),
        (f.link_density, ">=", 0.5), (f.date_like, "==", 0), (f.card, "==", 0),
    ))  # fmt: skip
    if np.count_nonzero(head) < _DATED_ITEMS or not _any(head & ~body):
        return
    summary = _all_of(n, (
        (body, "is", 0), (f.heading, "==", 0), (f.date_like, "==", 0), (f.n_words, ">=", _DATED_SUMMARY_WORDS),
    ))  # fmt: skip
    dated = (f.date_like > 0) & (f.heading == 0) & (f.n_words <= _DATED_LINE_WORDS)
    item = np.zeros(n, dtype=bool)
    item[:-1] = summary[1:]
    item[:-2] |= dated[1:-1] & summary[2:]
    item &= head
    if np.count_nonzero(item) < _DATED_ITEMS or not _any(item & ~body):
        return
    # A thread's replies repeat one title ("Re: ..."); a listing's headlines differ.
    texts = seg.texts
    idx = item.nonzero()[0].tolist()
    seen: dict[str, int] = {}
    for i in idx:
        seen[texts[i]] = seen.get(texts[i], 0) + 1
    idx = [i for i in idx if seen[texts[i]] == 1]
    # One listing's headlines share a tag path and a class (but for digits).
    paths = seg.paths
    classes = seg.elem_class
    key = {i: (paths[i], _no_digits(classes[seg.elems[i]])) for i in idx}
    count: dict[tuple[str, str], int] = {}
    for i in idx:
        count[key[i]] = count.get(key[i], 0) + 1
    # The listing opens in the body's first half: a box of other posts under an article comes
    # after the article's text.
    first: dict[tuple[str, str], int] = {}
    for i in idx:
        first.setdefault(key[i], i)
    before = np.cumsum(np.where(body, f.n_words, 0))
    total = float(before[-1])
    keep = np.zeros(n, dtype=bool)
    for i in idx:
        k = key[i]
        keep[i] = not body[i] and count[k] >= _DATED_ITEMS and 2 * float(before[first[k]]) <= total
    # Three headlines or more fell out of one listing: one or two left out of a kept box are its doubt.
    added: dict[tuple[str, str], int] = {}
    for i in keep.nonzero()[0].tolist():
        added[key[i]] = added.get(key[i], 0) + 1
    for i in keep.nonzero()[0].tolist():
        keep[i] = added[key[i]] >= _DATED_ITEMS
    body |= keep
    why[keep] = 127


# Three headlines of one tag path make a listing; a summary is a sentence (eight words), a
# date line a few words ("November 28, 2025", "12 hrs ago Asia", "By Jo Smith, 3 May").
_DATED_ITEMS = 3
_DATED_SUMMARY_WORDS = 8
_DATED_LINE_WORDS = 12


def _opens_section(seg: Segments, i: int) -> bool:
    """Whether block i + 1 sits inside the parent element of block i (a heading), within _SECTION_DEPTH levels."""
    parent = seg.elem_parent
    top = parent[seg.elems[i]]
    e = seg.elems[i + 1]
    for _ in range(_SECTION_DEPTH):
        if e < 0 or e == top:
            break
        e = parent[e]
    return top >= 0 and e == top


# How many element levels the text below a heading may sit under the heading's parent (a card's
# body in a wrapper in a column).
_SECTION_DEPTH = 6


# Where a menu stands. Twins in footers and asides too: trafilatura-eval -0.0002 (an
# "Advertisement" heading), no gain; twins anywhere but in the main container: dragnet +0.0003
# dev / -0.0000 held-out, trafilatura-eval -0.0002 (a related story's headline in the text).
_MENU = Flag.NAV | Flag.HEADER


def keep_teasers(f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """On a page with little running text, the main container's teasers are its content.

    A classifieds page or a blog's archive lists its entries as cut-off openings ("Part-time
    office support needed for our small ..."), often as bare paragraphs between a date and a
    "read more" link, with no element per entry for keep_listing to group. Each loses points
    as a teaser. When the body is still small, five or more of them in the main container,
    outside navigation, header and footer, sentences rather than links, join it.
    """
    if f.mode != "html" or not len(body) or float(f.n_words[body].sum()) >= _LISTING_MAX_BODY_WORDS:
        return
    teasers = (f.ellipsis > 0) & ~body & (f.main > 0) & (f.n_words >= _TEASER_WORDS)
    teasers &= (f.link_density < 0.5) & ((f.flags & (_CHROME_CONTEXT | Flag.HEADER)) == 0)
    if teasers.sum() >= _TEASER_ITEMS:
        body |= teasers
        why[teasers] = 8


# A cut-off sentence, not a "More ..." link; five of them make a list.
_TEASER_WORDS = 8
_TEASER_ITEMS = 5


def keep_index_lists(f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """On an index page, the items of the main container are its content.

    A list of programming languages, a job board, a shop's category of 300 products: a short
    introduction, then hundreds of items, each a link or a few words, too short to pass alone,
    in a list or in a grid of <div>s. When the main container's lines left out (outside
    navigation, header, footer, forms and chrome class words) are many and hold several times
    the text of the body found so far, they join it. A blog's "popular posts" beside a short
    post hold far less.
    """
    if f.mode != "html" or not len(body):
        return
    items = _all_of(len(body), ((f.main, ">", 0), (body, "not", 0), (f.flags, "none", _INDEX_CHROME)))
    if np.count_nonzero(items) < _INDEX_MIN_ITEMS or f.n_chars[items].sum() < _INDEX_RATIO * f.n_chars[body].sum():
        return
    body |= items
    why[items] = 8


_INDEX_CHROME = _CHROME_CONTEXT | Flag.HEADER | Flag.NEG_CLASS | Flag.FORM
# 20 items, 5x the body's characters: an index, not a blog's sidebar list of 10-30 posts
# beside a short post (3-4x on the dev split's pages; every index page there is 9x or more).
# Any line counts, not only list items (session 12: a shop's grid of <div>s; four wcxb-dev pages
# and one trafilatura-eval page moved, one of them, 0.04 -> 0.89; nothing else).
_INDEX_MIN_ITEMS = 20
_INDEX_RATIO = 5.0


def keep_article_lists(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """Plain lists of the <article> that holds the main container, above its last body block, are content.

    A recipe's ingredients, a wine's or a product's facts, a trip's stops stand in a list or a
    table beside the steps or the text: inside the same <article>, but outside the main
    container, and item by item too short to pass. They join the body when they have no
    links, dates or chrome class words (tags, share buttons and related stories do), when
    there are three items or more, and when they come before the article's end: lists after
    it (a video's playlist, "more on this") stay out.
    """
    n = len(body)
    if n == 0 or f.mode != "html" or not _holds_tag(seg.elem_tag, "article"):  # a list test before any mask
        return
    in_main = f.main > 0
    if not _any(body & in_main):
        return
    figure = (f.flags & _FIGURE_OR_TABLE) == Flag.FIGURE  # captions stay out, as scored
    add = _all_of(n, (
        (in_main, "not", 0), (body, "not", 0), (f.flags, "some", _LIST_OR_TABLE), (f.flags, "none", _ARTICLE_LIST_CHROME),
        (figure, "not", 0), (f.link_density, "==", 0), (f.date_like, "==", 0),
    ))  # fmt: skip
    add[int((body & in_main).nonzero()[0][-1]) :] = False
    if np.count_nonzero(add) < _ARTICLE_LIST_ITEMS:
        return
    arts = _nearest_article(seg)
    owners, counts = np.unique(arts[in_main], return_counts=True)
    best = owners[int(np.argmax(counts))]
    if best < 0 or counts.max() < _ARTICLE_SHARE * in_main.sum():
        return
    add &= arts == best
    if add.sum() < _ARTICLE_LIST_ITEMS:
        return
    body[add] = True
    why[add] = 15


def _nearest_article(seg: Segments) -> npt.NDArray[np.int64]:
    """Per block, the index of its nearest <article> element (-1 when it has none)."""
    of = np.full(len(seg.elem_tag), -1, dtype=np.int64)
    end = elem_subtree_ends(seg)
    for e in (e for e, tag in enumerate(seg.elem_tag) if tag == "article"):
        of[e : end[e]] = e  # document order: an article nested in another comes later and wins
    return of[seg.elem_array()]


# The main container lies in one <article> (80% of its blocks); lists of three items or more.
_ARTICLE_SHARE = 0.8
_ARTICLE_LIST_ITEMS = 3
_LIST_OR_TABLE = Flag.LIST | Flag.TABLE
_FIGURE_OR_TABLE = Flag.FIGURE | Flag.TABLE
_ARTICLE_LIST_CHROME = _CHROME_CONTEXT | Flag.NEG_CLASS | Flag.HEADER | Flag.FORM


def keep_alike_runs(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """Blocks of one run of alike siblings in the main container share the run's label.

    An article's paragraphs, a list of tour dates or the lines of a recipe are sibling
    blocks of one kind under one parent. Block by block a few of them score low (a short
    line, a date, a line without function words) and drop out of the middle of the text;
    when a run of three or more such siblings is partly body (a third or more), its other
    members join it, unless they are links (a list of links is a menu even in an article)
    or a byline.
    """
    n = len(body)
    if n < _RUN_ITEMS or f.mode != "html":
        return
    parent = seg.parent_array()[seg.elem_array()]
    kinds = seg.kinds
    same = (parent[1:] == parent[:-1]) & np.fromiter(map(str.__eq__, kinds[1:], kinds[:-1]), dtype=bool, count=n - 1)
    run = np.concatenate(([0], np.cumsum(~same)))
    inside = (f.main > 0) & ((f.flags & (_CHROME_CONTEXT | Flag.HEADER | Flag.FORM)) == 0)
    size = np.bincount(run)
    clean = np.bincount(run, weights=inside) == size
    share = np.bincount(run, weights=body) / size
    joins = (clean & (size >= _RUN_ITEMS) & (share >= _RUN_BODY_SHARE))[run]
    # A dated line under a chrome class word is a byline or a dateline: it stays out.
    byline = ((f.flags & Flag.NEG_CLASS) != 0) & (f.date_like > 0)
    keep = joins & ~body & (f.link_density < _RUN_MAX_LINKS) & ~byline
    body |= keep
    why[keep] = 10


def keep_listing_headlines(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """On a listing page, the linked headlines of its entries are its content.

    A blog's index, a news front page or a recipe collection shows one card per story: a linked
    headline (a block of four words or more, all link text), maybe a byline or a category. Scored
    one by one, a headline is a link and falls out, and the body is the page's introduction. When
    _HEADLINE_ITEMS or more alike sibling items of the main container (one parent, one tag, one
    class but for digits; "li", "article" and "dd" need no class), outside navigation, header, footer,
    forms and comments, each hold such a headline, and the body outside them holds fewer words
    than their headlines, the headlines join the body. Cards beside an article (`teaser_card`:
    the article outweighs them) stay out, and so does a related-posts box of three to five.
    """
    n = len(body)
    if n == 0 or f.mode != "html":
        return
    headline = _all_of(n, (
        (f.link_density, ">=", _HEADLINE_LINKS), (f.n_words, ">=", _HEADLINE_WORDS), (f.main, ">", 0), (f.card, "==", 0),
        (f.flags, "none", _CHROME_CONTEXT | Flag.HEADER | Flag.FORM), (body, "not", 0),
    ))  # fmt: skip
    # The headlines kept are some of these: most pages stop here (a count, before any sum).
    if np.count_nonzero(headline) < _HEADLINE_ITEMS:
        return
    body_words = float(f.n_words[body].sum())
    if _HEADLINE_BULK * body_words >= float(f.n_words[headline].sum()):
        return
    parent = seg.elem_parent
    tags = seg.elem_tag
    classes = seg.elem_class
    n_elem = len(parent)
    led = [False] * n_elem
    led_list: list[int] = []
    heads = headline.nonzero()[0].tolist()
    for e in {seg.elems[i] for i in heads}:
        while e > 0 and not led[e]:
            led[e] = True
            led_list.append(e)
            e = parent[e]
    groups: dict[tuple[int, str, str], list[int]] = {}
    for e in led_list:
        if classes[e] or tags[e] in _GRID_ITEM_TAGS:
            groups.setdefault((parent[e], tags[e], _no_digits(classes[e])), []).append(e)
    # Cards: four in five items hold two lines or more (a headline and a byline, an excerpt, a
    # price); items of one link each are a menu or a list of categories.
    elems = seg.elem_array()
    lines = np.bincount(elems, minlength=n_elem)
    ends = elem_subtree_ends(seg)
    prefix = np.concatenate(([0], np.cumsum(lines)))
    roots = np.zeros(n_elem, dtype=bool)
    for members in groups.values():
        m = np.asarray(members, dtype=np.int64)
        if len(m) >= _HEADLINE_ITEMS and np.count_nonzero(prefix[ends[m]] - prefix[m] >= 2) >= _GRID_CARDS * len(m):
            roots[m] = True
    if not _any(roots):
        return
    inside = within(seg.parent_array(), roots)[elems]
    keep = headline & inside
    if np.count_nonzero(keep) < _HEADLINE_ITEMS:
        return
    # The headlines are the page's bulk: twice the words of the body found so far (a short story
    # beside a playlist or a box of other stories in its container holds more than half as much).
    if _HEADLINE_BULK * body_words >= float(f.n_words[keep].sum()):
        return
    body |= keep
    why[keep] = 46


# Six entries: a related-posts box under an article shows three to five. A headline as the
# teaser cards' (features._HEADLINE_*): four words or more, 80% link text.
_HEADLINE_ITEMS = 6
_HEADLINE_LINKS = 0.8
_HEADLINE_WORDS = 4
_HEADLINE_BULK = 2.0


def _container_subtrees(
    seg: Segments, blocks: npt.NDArray[np.intp], columns: tuple[FloatArray | BoolArray | None, ...]
) -> tuple[int, npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], FloatArray]:
    """The elements below the one holding blocks' first and last block, and sums over their subtrees.

    Those elements are one run of indexes (document order), numbered here from that element (the
    root, 0). Returns the root's index, each block's element, each element's parent (-1 for the
    root), one past each element's subtree (subtree_ends), and per element the sum over its
    subtree of each column (a value per block; None counts the blocks) (keep_grid_items,
    keep_card_sets).
    """
    elems = seg.elem_array()[blocks]
    root = common_ancestor(seg.elem_parent, int(elems[0]), int(elems[-1]))
    elems -= root
    parents = seg.parent_array()[root : root + int(elems.max()) + 1] - root
    parents[0] = -1
    own = np.column_stack([np.bincount(elems, weights=c, minlength=len(parents)) for c in columns])
    prefix = np.concatenate((np.zeros((1, len(columns))), np.cumsum(own, axis=0)))
    ends = subtree_ends(parents)
    sums = np.asarray(prefix[ends] - prefix[:-1], dtype=np.float64)
    return root, elems, parents, ends, sums


def _subtree_sums(
    elems: npt.NDArray[np.int64], ends: npt.NDArray[np.int64], columns: tuple[FloatArray | BoolArray | None, ...]
) -> FloatArray:
    """Per element, the sum over its subtree of each column (a value per block; None counts the
    blocks): _container_subtrees' sums for elements and ends it made, the same values column by
    column (a column's sums depend on no other column). Its compiled twin adds in numpy's order."""
    own = np.column_stack([np.bincount(elems, weights=c, minlength=len(ends)) for c in columns])
    prefix = np.concatenate((np.zeros((1, len(columns))), np.cumsum(own, axis=0)))
    return np.asarray(prefix[ends] - prefix[:-1], dtype=np.float64)


class _GridFront:
    """What keep_grid_items, keep_item_slots, keep_full_grids and keep_card_sets share on a page:
    the main container's blocks outside navigation, header, footer and forms (clean, and their
    indexes), and the tree below the element holding the first and last of them (root, each
    block's element, the elements' parents and subtree ends, and each element's clean words and
    lines over its subtree), made by the first step that asks; the steps sum only the columns
    that read the body, which each changes. Kept in seg.shared with the features it was made
    from (a second reading of the page makes other features)."""

    __slots__ = ("f", "clean", "blocks", "tree")

    def __init__(self, f: Features, clean: BoolArray, blocks: npt.NDArray[np.intp]) -> None:
        self.f = f
        self.clean = clean
        self.blocks = blocks
        self.tree: (
            tuple[int, npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], FloatArray, FloatArray]
            | None
        ) = None


def _grid_front(seg: Segments, f: Features) -> _GridFront:
    """The page's _GridFront for f (clean and blocks read-only; the tree made by _grid_tree)."""
    got = seg.shared.get("grid_front")
    if isinstance(got, _GridFront) and got.f is f:
        return got
    clean = _all_of(len(f.n_words), ((f.main, ">", 0), (f.flags, "none", _GRID_CHROME)))
    clean.flags.writeable = False
    blocks = clean.nonzero()[0]
    blocks.flags.writeable = False
    front = _GridFront(f, clean, blocks)
    seg.shared["grid_front"] = front
    return front


def _grid_tree(
    seg: Segments, f: Features, front: _GridFront
) -> tuple[int, npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], FloatArray, FloatArray]:
    """front's tree (front.blocks not empty): root, elems, parents, subtree ends, and per element
    the clean words and lines over its subtree (read-only)."""
    if front.tree is None:
        blocks = front.blocks
        root, elems, parents, ends, sub = _container_subtrees(seg, blocks, (f.n_words[blocks], None))
        words, lines = sub[:, 0].copy(), sub[:, 1].copy()
        for a in (elems, parents, ends, words, lines):
            a.flags.writeable = False
        front.tree = (root, elems, parents, ends, words, lines)
    return front.tree


def _sibling_items(
    parents: npt.NDArray[np.int64], masks: tuple[BoolArray, ...], least: tuple[float, ...]
) -> npt.NDArray[np.int64]:
    """The elements but the root (0) in masks[0] whose parent has, for each j, least[j] children or
    more in masks[0] and masks[j] (keep_grid_items, keep_card_sets: the candidate items, each
    among enough siblings alike). Its compiled twin counts in one pass over the elements, where
    numpy takes some ten calls (~1 us each)."""
    cand = masks[0].nonzero()[0]
    cand = cand[cand > 0]
    up = parents[cand]
    enough = np.ones(len(parents), dtype=bool)
    for mask, at_least in zip(masks, least, strict=True):
        enough &= np.bincount(up, weights=mask[cand], minlength=len(parents)) >= at_least
    items: npt.NDArray[np.int64] = cand[enough[up]]
    return items


def _alike_groups(
    seg: Segments, root: int, cand: npt.NDArray[np.int64], parents: npt.NDArray[np.int64], least: int
) -> dict[tuple[int, str, str], list[int]]:
    """The candidate items (elements numbered from root) by parent, tag and class but for digits, in
    order of first appearance; only those with a class or a tag of _GRID_ITEM_TAGS, and only the
    groups of least members or more (keep_grid_items, keep_item_slots, keep_card_sets). Each class
    string is stripped of its digits once: a page's items repeat a few class strings. Its compiled
    twin groups in one C loop and strips only the classes that hold a digit."""
    groups: dict[tuple[int, str, str], list[int]] = {}
    tags, classes = seg.elem_tag, seg.elem_class
    plain: dict[str, str] = {}
    for e, p in zip(cand.tolist(), parents[cand].tolist(), strict=True):
        tag, cls = tags[root + e], classes[root + e]
        if cls or tag in _GRID_ITEM_TAGS:
            name = plain.get(cls)
            if name is None:
                name = plain[cls] = _no_digits(cls)
            groups.setdefault((p, tag, name), []).append(e)
    return {key: members for key, members in groups.items() if len(members) >= least}


def keep_grid_items(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """When the body lies in a grid of alike items, each item's other lines join it.

    A shop's category page or a listing shows one card per product or entry: a linked name, a
    price, a rating, a few spec lines ("Capacity: 4 people"). Scored one by one, the price or the
    rating passes and the name (a link) and the short spec lines do not, so the body holds a part
    of every card. When half the body's words or more lie in _GRID_ITEMS or more alike sibling items
    of the main container (one parent, one tag and one class but for digits; "li", "article" and a
    definition list's "dd" records need no class), most of them cards of two lines or more, short (a median of _GRID_ITEM_WORDS
    words), half of them holding body, and the body holds under _GRID_COVER of their words, their
    other lines join it, but for date lines (bylines) and captions. An article's paragraphs are
    one block each; a forum's posts and a blog's list of teasers are mostly body already: what
    is left out of them (bylines, tags, "Read more") stays out.
    """
    _grid_items(seg, f, body, why, False)


def keep_full_grids(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """When every item of a grid holds a short line of body, each item's other lines join it.

    A shop's category sets its products as alike tiles, a linked name over a price: the price
    passes (or joins through keep_item_slots) and the name, a link, falls out. The grid rule
    asks that the items hold half the body's words, and a category's paragraph of introduction
    outweighs thirty prices. Here the evidence is that (after keep_item_slots) nine in ten of
    the items hold body and that what they hold is short (a median of _GRID_FULL_KEPT words: a
    price, a rating, not a teaser's sentence or a post): then a fifth of the body's words is
    enough, and the items' other lines join it as in keep_grid_items. A forum's posts and a
    rail of teasers hold sentences; a menu's items hold no body.
    """
    _grid_items(seg, f, body, why, True)


def keep_priced_grids(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """When the body lies in a grid of priced items too long for the grid rule, each item's other lines join it.

    A shop's category of cameras or games shows one card per product with a description of a
    sentence or three: the descriptions pass and the name, the price, the SKU, the tags and the
    release date fall out. keep_grid_items stops at items of a median over _GRID_ITEM_WORDS words,
    since a forum's posts, an article's sections and a blog's teasers run that long and what they
    leave out (an author's column, bylines, "Read more") the truths leave out too. A price is the
    evidence that the items are products: when half the items or more name one, in one to
    _PG_MOST short lines (a price, a list price, a saving; a carousel widget of other products
    holds ten), the grid rule's other tests decide as in keep_grid_items. A forum's posts and an
    article's sections name no price in every other item.
    """
    _grid_items(seg, f, body, why, False, priced=True)


def _grid_word_sums(words: FloatArray, body: BoolArray, main: FloatArray) -> tuple[float, float]:
    """The body's words, and the words of the main container's blocks (main > 0) left out of it
    (_grid_items' first test). Word counts are whole numbers: the sums are exact, in numpy's
    order or in its compiled twin's one pass (session 25)."""
    kept = float(np.dot(words, body))
    left = float(np.dot(words, _all_of(len(words), ((main, ">", 0), (body, "not", 0)))))
    return kept, left


def _grid_items(
    seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8], full: bool, priced: bool = False
) -> None:
    n = len(body)
    if n == 0 or f.mode != "html":
        return
    # The items' other lines are over (1 - cover) / cover of their body words, which are half the
    # body's at least: a main container with less outside the body holds no such grid (the test
    # stops four pages in five here; both sums made in one pass).
    body_words, left_words = _grid_word_sums(f.n_words, body, f.main)
    floor = _GRID_FULL_SHARE if full else _GRID_BODY_SHARE
    least = (1.0 - _GRID_COVER) / _GRID_COVER * floor * body_words
    if body_words <= 0 or left_words <= least:
        return
    front = _grid_front(seg, f)
    in_body = body & front.clean
    # With nine in ten of six items or more holding body and a median of _GRID_FULL_KEPT words,
    # four items at least hold body of that many words or fewer, a short body line each.
    if full and np.count_nonzero(in_body & (f.n_words <= _GRID_FULL_KEPT)) < _GRID_FULL_LINES:
        return
    # The items lie in the main container, below the element that holds its first and last
    # block; its elements are one run of indexes (document order), numbered here from it.
    blocks = front.blocks
    if not len(blocks):
        return
    # Per element, over its subtree: clean words and lines (the front's), body words, body lines.
    root, elems, parents, ends, words, lines = _grid_tree(seg, f, front)
    n_elem = len(parents)
    lines_in = in_body[blocks]
    sub = _subtree_sums(elems, ends, (np.where(lines_in, f.n_words[blocks], 0.0), lines_in))
    kept, held = sub[:, 0], sub[:, 1]
    # Items are siblings: only the children of a parent of _GRID_ITEMS such elements or more, enough
    # of them holding body and two lines (a cheap test before the groups are made).
    cand = _sibling_items(
        parents, (words > 0, held > 0, lines >= 2), (_GRID_ITEMS, _GRID_HELD * _GRID_ITEMS, _GRID_CARDS * _GRID_ITEMS)
    )
    groups = _alike_groups(seg, root, cand, parents, _GRID_ITEMS)
    best: list[int] = []
    best_kept = 0.0
    prices: FloatArray | None = None
    for members in groups.values():
        size = len(members)
        m = np.asarray(members, dtype=np.int64)
        if np.count_nonzero(held[m]) < _GRID_HELD * size or np.count_nonzero(lines[m] >= 2) < _GRID_CARDS * size:
            continue
        if priced:
            if float(np.sort(words[m])[size // 2]) <= _GRID_ITEM_WORDS:
                continue  # keep_grid_items' grid: its other tests failed
            if prices is None:  # made once, for the first group of long items (a few pages in a hundred)
                prices = _subtree_sums(elems, ends, (_price_mask(seg.texts, f)[blocks],))[:, 0]
            if np.count_nonzero((prices[m] > 0) & (prices[m] <= _PG_MOST)) < _PG_PRICED * size:
                continue
        elif float(np.sort(words[m])[size // 2]) > _GRID_ITEM_WORDS:
            continue
        if full and (
            np.count_nonzero(held[m]) < _GRID_FULL * size or float(np.sort(kept[m])[size // 2]) > _GRID_FULL_KEPT
        ):
            continue
        share = float(kept[m].sum())
        if share < floor * body_words or share >= _GRID_COVER * float(words[m].sum()):
            continue
        if share > best_kept:
            best, best_kept = members, share
    if not best:
        return
    roots = np.zeros(n_elem, dtype=bool)
    roots[best] = True
    caption = ((f.flags & _CAPTION) != 0) & ((f.flags & _CAPTION_UNLESS) == 0)
    keep = np.zeros(n, dtype=bool)
    keep[blocks] = within(parents, roots)[elems]
    keep &= ~body & ~caption & (f.date_like == 0)
    body |= keep
    why[keep] = 111 if priced else 95 if full else 33


# keep_priced_grids (session 23): half the items name a price, in one to four short lines each
# (a price, a list price, a saving, a bundle's price); a product page's carousel widgets of other
# products hold 9-21 each (without the cap one joined, -0.14). Wcxb-dev's dev split: a third of
# the items moved no page more; 0.8 would leave out a game shop whose free games show no price.
_PG_PRICED = 0.5
_PG_MOST = 4


def _price_mask(texts: list[str], f: Features) -> BoolArray:
    """The blocks that name a price in _PRICE_WORDS words or fewer: features' price lines (a
    currency sign and a digit) and a currency's code next to digits (keep_priced_grids,
    keep_bodiless_grids)."""
    priced = np.zeros(len(texts), dtype=bool)
    page = "\0".join(texts)
    # Every match holds a code and lies in one text: the texts that hold a code are found first
    # (one scan without the pattern's lookbehind at every character: 0.4 ms for the 13 ms the
    # pattern took on a page of 175,000 characters) and matched one by one; their lines are
    # those of the pattern's matches over the page.
    codes = [m.start() for m in _CURRENCY_CODES.finditer(page)]
    starts: list[int] | None = None
    coded: list[int] = []
    if codes:
        starts = [0, *np.cumsum(f.n_chars + 1.0).astype(np.int64).tolist()]
        lines = sorted({bisect.bisect_right(starts, at) - 1 for at in codes})
        coded = [i for i in lines if _PRICE_CODE.search(texts[i]) is not None]
    if not coded and not any(sign in page for sign in _PRICE_SIGNS):
        return priced
    if starts is None:
        starts = [0, *np.cumsum(f.n_chars + 1.0).astype(np.int64).tolist()]
    signed = priced_lines(texts, page, starts)
    signed += coded
    priced[signed] = f.n_words[signed] <= _PRICE_WORDS
    return priced


# A price in a currency's code next to its digits ("EUR 23.06", "RRP:EUR 34.60", "49 CHF"), as a
# shop abroad writes it in place of the sign.
_PRICE_CODE = re.compile(
    r"(?<![A-Za-z])(?:EUR|USD|GBP|CHF|CAD|AUD|JPY|INR|SEK|NOK|DKK|PLN)\s?[0-9]"
    r"|[0-9]\s?(?:EUR|USD|GBP|CHF|CAD|AUD|JPY|INR|SEK|NOK|DKK|PLN)(?![A-Za-z])"
)
# The codes alone (_price_mask's first scan).
_CURRENCY_CODES = re.compile("EUR|USD|GBP|CHF|CAD|AUD|JPY|INR|SEK|NOK|DKK|PLN")


def keep_bodiless_grids(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A grid of cards that holds no body, between body blocks of the main container, joins it.

    A service page sets out its features, its plans' figures ("30+ million / app downloads"), its
    workouts ("Duration / 8 Min") or its models as a grid of short cards, a name over a line or
    two, none of which passes alone: the body stops above the grid and starts again below it.
    keep_grid_items and keep_full_grids need body in the items. Here the place is the evidence:
    _GRID_ITEMS or more alike sibling items of the main container (one parent, one tag, one class
    but for digits; outside navigation, header, footer and forms), four in five of them cards of
    two lines or more, short (a median of _GRID_ITEM_WORDS words), none holding body, with body
    both before the grid's first line and after its last. Three kinds stay out: a rail of other
    pages' teasers under its class words (vocab.RAIL_TOKENS: "related", "teaser", "widget", ...),
    a grid of which any item names a price (a product page's "customers also viewed" carousel; a
    shop's category whose truths disagree), and table rows (the table steps' matter).
    """
    n = len(body)
    if n == 0 or f.mode != "html" or not _any(body):
        return
    front = _grid_front(seg, f)
    blocks = front.blocks
    if not len(blocks):
        return
    first = int(body.argmax())
    last = n - 1 - int(body[::-1].argmax())
    # Four in five of six items or more are cards of two clean lines left out, between the body's
    # first and last block: most pages hold fewer such lines and stop before the tree is made.
    if np.count_nonzero(front.clean[first + 1 : last] & ~body[first + 1 : last]) < 2 * _GRID_CARDS * _GRID_ITEMS:
        return
    root, elems, parents, ends, words, lines = _grid_tree(seg, f, front)
    held = _subtree_sums(elems, ends, ((body & front.clean)[blocks],))[:, 0]
    cand = _sibling_items(parents, (words > 0, lines >= 2), (_GRID_ITEMS, _GRID_CARDS * _GRID_ITEMS))
    groups = _alike_groups(seg, root, cand, parents, _GRID_ITEMS)
    prices: BoolArray | None = None
    negs, tags = seg.neg_tokens, seg.elem_tag
    for members in groups.values():
        size = len(members)
        m = np.asarray(members, dtype=np.int64)
        if np.count_nonzero(held[m]) or np.count_nonzero(lines[m] >= 2) < _GRID_CARDS * size:
            continue
        if tags[root + members[0]] == "tr" or float(np.sort(words[m])[size // 2]) > _GRID_ITEM_WORDS:
            continue
        roots = np.zeros(len(parents), dtype=bool)
        roots[m] = True
        inside = np.zeros(n, dtype=bool)
        inside[blocks] = within(parents, roots)[elems]
        idx = inside.nonzero()[0]
        if not first < int(idx[0]) or not int(idx[-1]) < last:
            continue
        if any(negs[i] in RAIL_TOKENS for i in idx.tolist()):
            continue
        if prices is None:  # made once, for the first grid that passed (a page in ten)
            prices = _price_mask(seg.texts, f)
        if _any(prices[idx]):
            continue
        caption = ((f.flags & _CAPTION) != 0) & ((f.flags & _CAPTION_UNLESS) == 0)
        keep = inside & ~body & ~caption & (f.date_like == 0)
        body |= keep
        why[keep] = 112


_GRID_CHROME = _CHROME_CONTEXT | Flag.HEADER | Flag.FORM
# Six items: a grid or a list of entries; a related-posts box under an article shows three to five.
_GRID_ITEMS = 6
# Half the items hold body, and four in five are cards of two lines or more: an article's
# paragraphs (alike <p> elements, one block each) are no cards.
_GRID_HELD = 0.5
_GRID_CARDS = 0.8
# An item of a grid is short: a median of 60 words (a forum's posts and an article's sections run
# longer).
_GRID_ITEM_WORDS = 60.0
# The items hold half the body's words at least, and the body under 80% of the items' words:
# with more, the lines left out are bylines, tags and "Read more" links that the truths leave out
# too (0.75-0.8 alike on wcxb-dev's dev split; no limit cost its listings of teasers 0.02-0.07).
_GRID_BODY_SHARE = 0.5
_GRID_COVER = 0.8
# keep_full_grids (session 21): nine in ten items hold body, a median of 8 words of it each (a
# price or a rating; a teaser's sentence or a post runs longer), and those hold a fifth of the
# body's words. Wcxb-dev's dev split: 0.8-0.9 and 8-15 words alike; a tenth cost
# a product page 0.14.
_GRID_FULL = 0.9
_GRID_FULL_KEPT = 8.0
_GRID_FULL_SHARE = 0.2
_GRID_FULL_LINES = 4
# List items, articles and a definition list's records (<dd>: a preprint list's title, authors and
# subjects under each numbered <dt>) are items without a class.
_GRID_ITEM_TAGS = frozenset({"li", "article", "dd"})
# A template numbers its items ("card card-1", "card card-2"): alike all the same.
_GRID_NO_DIGITS = str.maketrans("", "", "0123456789")


def _no_digits(cls: str) -> str:
    """cls without its ASCII digits (cls.translate(_GRID_NO_DIGITS)): an ASCII class string's bytes
    lose them in one C pass, where str.translate looks each character up in a dict (~1 us a class)."""
    if cls.isascii():
        return cls.encode().translate(None, b"0123456789").decode()
    return cls.translate(_GRID_NO_DIGITS)


def keep_item_slots(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A line that the body holds in the same place of several grid items joins it in every item.

    A shop's category sets its products as alike tiles, a linked name over a price; some tiles
    (those whose price or swatches the template filled in) keep their name as a heading over a
    kept line, the tiles below hold the name alone and it falls out as a link. When _GRID_ITEMS
    or more alike sibling items of the main container (one parent, one tag, one class but for
    digits), outside navigation, header, footer and forms, hold body, and one place inside them
    (the path of tags and classes from the item down to the line, one line an item at most) is
    body in _SLOT_KEPT items or more and in four in five of the items holding body that have it,
    that place's other lines join the body, but for captions (date lines join too: the body holds
    them in that place, where the grid rule's are bylines). An article's paragraphs are alike
    siblings but no items of one line each (a line must lie below its item), and a section's
    paragraphs are many lines in one place: neither is a slot.
    """
    n = len(body)
    if n == 0 or f.mode != "html":
        return
    front = _grid_front(seg, f)
    clean = front.clean
    in_body = body & clean
    # clean ^ in_body: the clean lines left out (one numpy call where clean & ~body takes two).
    if np.count_nonzero(in_body) < _SLOT_KEPT or not _any(clean ^ in_body):
        return
    blocks = front.blocks
    # Per element, over its subtree: clean words and lines (the front's), body lines; the lines
    # left out are the clean lines but the body's (counts: the difference is exact).
    lines_in = in_body[blocks]
    root, elems, parents, ends, words, lines = _grid_tree(seg, f, front)
    joined = _item_slots(seg, root, elems, parents, ends, words, lines, lines_in, blocks)
    if not joined:
        return
    caption = ((f.flags & _CAPTION) != 0) & ((f.flags & _CAPTION_UNLESS) == 0)
    keep = np.zeros(n, dtype=bool)
    keep[joined] = True
    keep &= ~body & ~caption
    body |= keep
    why[keep] = 85


def _item_slots(
    seg: Segments,
    root: int,
    elems: npt.NDArray[np.int64],
    parents: npt.NDArray[np.int64],
    ends: npt.NDArray[np.int64],
    words: FloatArray,
    lines: FloatArray,
    lines_in: BoolArray,
    blocks: npt.NDArray[np.intp],
) -> list[int]:
    """keep_item_slots' lines to join (block indexes, any order, maybe repeated), given the grid
    front's tree (root, each clean block's element, parents, subtree ends, clean words and lines
    over each subtree) and which clean blocks (front.blocks) are body. Its compiled twin makes
    the sums, the candidate items, their groups and the slots in one C pass (session 25; numpy
    took some fifteen calls and the slots a Python loop, ~20 us a page)."""
    left = ~lines_in
    body_lines = _subtree_sums(elems, ends, (lines_in,))[:, 0]
    open_ = lines - body_lines
    # Body lines below an element, not its own: a paragraph is no item of one line.
    held = body_lines - np.bincount(elems[lines_in], minlength=len(parents))
    holds = held > 0
    cand = _sibling_items(parents, (words > 0, holds), (_GRID_ITEMS, _SLOT_KEPT))
    if not len(cand):
        return []
    group_of: dict[int, int] = {}
    holding: list[set[int]] = []
    for members in _alike_groups(seg, root, cand, parents, _GRID_ITEMS).values():
        m = np.asarray(members, dtype=np.int64)
        full = set(m[holds[m]].tolist())
        # Some item holds a line left out: else nothing is left to join.
        if len(full) >= _SLOT_KEPT and _any(open_[m]):
            for e in members:
                group_of[e] = len(holding)
            holding.append(full)
    if not holding:
        return []
    # Each clean line's places: below each item within _SLOT_DEPTH levels, the path of tags and
    # classes (but for digits) down to it. A place ends in its line's own tag and class: a body
    # line is read only when a line left out ends alike, and such a line only when a body line
    # read does (the others' places hold no line to join, or no body).
    tags, classes = seg.elem_tag, seg.elem_class
    kinds: dict[int, tuple[str, str]] = {}
    plain: dict[str, str] = {}

    def kind_of(e: int) -> tuple[str, str]:
        cls = classes[root + e]
        name = plain.get(cls)
        if name is None:
            name = plain[cls] = _no_digits(cls)
        kind = kinds[e] = (tags[root + e], name)
        return kind

    # The lines inside an item: elements run in document order, an item's subtree from it to its
    # end (items may nest: an element is inside while it stands in one item or more).
    starts = np.fromiter(group_of, dtype=np.int64, count=len(group_of))
    size = len(parents) + 1
    inside = np.cumsum(np.bincount(starts, minlength=size) - np.bincount(ends[starts], minlength=size)) > 0
    at = inside[elems].nonzero()[0]
    # The lines inside the items, their own places; a place is read when a body line and a line
    # left out end in it (its lines are read in one pass: a slot's verdict is no matter of order).
    line_elems = elems[at].tolist()
    named = [root + e for e in line_elems]
    for cls in {classes[x] for x in named}.difference(plain):
        plain[cls] = _no_digits(cls)
    owns = [(tags[x], plain[classes[x]]) for x in named]
    is_out = left[at].tolist()
    out_ends = {own for own, out in zip(owns, is_out, strict=True) if out}
    read = {own for own, out in zip(owns, is_out, strict=True) if not out and own in out_ends}
    if not read:
        return []
    slots: dict[tuple[int, tuple[tuple[str, str], ...]], list[tuple[int, int, bool]]] = {}
    parent_list = parents.tolist()
    for i, e, own, out in zip(blocks[at].tolist(), line_elems, owns, is_out, strict=True):
        if own not in read:
            continue
        chain = [own]
        for depth in range(_SLOT_DEPTH):
            up = parent_list[e]
            if up <= 0:
                break
            if depth:
                chain.append(kinds.get(e) or kind_of(e))
            e = up
            g = group_of.get(e)
            if g is not None:
                slots.setdefault((g, tuple(chain)), []).append((e, i, out))
    joined: list[int] = []
    for (g, _path), places in slots.items():
        items = {item for item, _line, _out in places}
        kept = {item for item, _line, out in places if not out}
        if len(kept) < _SLOT_KEPT or len(items) < len(places):
            continue
        if len(kept) < _SLOT_SHARE * len(holding[g] & items):
            continue
        joined.extend(line for _item, line, _out in places)
    return joined


# Three items keep the place (two and the share 0.5 moved no page of any dataset), four in five
# of those that hold body and have it; lines up to six levels below their item (four: wcxb-dev
# held-out +0.0001 instead of +0.0020; ten: alike).
_SLOT_KEPT = 3
_SLOT_SHARE = 0.8
_SLOT_DEPTH = 6


def keep_card_sets(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A set of alike cards in the main container, each holding body, is content as a whole.

    A landing page shows its plans, features or steps as a row of three or four cards: a
    name, a line or two of text, a price, a button. Scored one by one, the sentence passes and
    the name and the price (short lines without function words) do not. When _CARD_ITEMS or more
    alike sibling items of the main container (one parent, one tag, one class but for digits),
    outside navigation, header, footer and forms, are all cards of two lines or more, short (a
    median of _GRID_ITEM_WORDS words), and every one of them holds body, their other lines join
    it, but for links (the buttons), date lines and captions.
    """
    n = len(body)
    if n == 0 or f.mode != "html":
        return
    front = _grid_front(seg, f)
    clean = front.clean
    left = _all_of(n, ((clean, "is", 0), (body, "not", 0), (f.link_density, "<", _CARD_LINKS), (f.date_like, "==", 0)))
    if not _any(left):
        return
    in_body = body & clean
    blocks = front.blocks
    # Per element, over its subtree: clean words and lines (the front's), body lines, lines that
    # may join.
    root, elems, parents, ends, words, lines = _grid_tree(seg, f, front)
    n_elem = len(parents)
    sub = _subtree_sums(elems, ends, (in_body[blocks], left[blocks]))
    held, open_ = sub[:, 0], sub[:, 1]
    cand = _sibling_items(parents, (_all_of(n_elem, ((lines, ">=", 2), (held, ">", 0))),), (_CARD_ITEMS,))
    groups = _alike_groups(seg, root, cand, parents, _CARD_ITEMS)
    roots = np.zeros(n_elem, dtype=bool)
    sets: list[list[int]] = []
    for (p, tag, cls), members in groups.items():
        size = len(members)
        if size > _CARD_MAX_ITEMS:
            continue
        m = np.asarray(members, dtype=np.int64)
        if not _any(open_[m]) or float(np.sort(words[m])[size // 2]) > _GRID_ITEM_WORDS:
            continue
        # Every item of this kind under the parent is a card holding body: none left out.
        alike = sum(
            1
            for k in ((parents == p) & (words > 0)).nonzero()[0].tolist()
            if seg.elem_tag[root + k] == tag and _no_digits(seg.elem_class[root + k]) == cls
        )
        if alike != size:
            continue
        roots[m] = True
        sets.append(members)
    if not sets:
        return
    caption = ((f.flags & _CAPTION) != 0) & ((f.flags & _CAPTION_UNLESS) == 0)
    keep = np.zeros(n, dtype=bool)
    keep[blocks] = within(parents, roots)[elems]
    keep &= left & ~caption
    # A line that two cards of a set share is the template's label ("Verified purchase", "Reply"),
    # not a card's own text.
    texts = seg.texts
    for members in sets:
        per_item = [blocks[(elems >= e) & (elems < ends[e]) & keep[blocks]].tolist() for e in members]
        seen = collections.Counter(t for at in per_item for t in {texts[i] for i in at})
        for at in per_item:
            for i in at:
                if seen[texts[i]] > 1:
                    keep[i] = False
    body |= keep
    why[keep] = 71


# Three to six cards: a landing page's plans, features or steps come in rows of three or four; a
# longer run is a list (of reviews, of posts), whose lines the grid and listing rules judge (no
# limit: wcxb-dev held-out +0.0005 instead of +0.0006, nine more pages moved).
_CARD_ITEMS = 3
_CARD_MAX_ITEMS = 6
# A button or a linked name stays out: half the line's text a link.
_CARD_LINKS = 0.5


def keep_table_rows(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A row of a table whose cell is body is content as a whole: the name beside the text.

    A list of films, products or laws puts a short (often linked) name in one cell and its
    description in the next; alone the name scores as a menu entry. When a row's cell is
    body, its other cells join it, unless a cell holds a whole article (a layout table,
    whose rows put the sidebar beside the story).
    """
    n = len(body)
    if n == 0 or f.mode != "html":
        return
    cells = _all_of(n, ((f.flags, "some", _TABLE), (f.flags, "none", _CHROME_CONTEXT)))
    if not _any(cells & body):
        return
    idx = np.array([i for i in cells.nonzero()[0].tolist() if seg.kinds[i] in _CELL_KINDS], dtype=np.int64)
    if len(idx) < 2:
        return
    parent = seg.parent_array()
    rows, row_of = np.unique(parent[seg.elem_array()[idx]], return_inverse=True)
    size = np.bincount(row_of, minlength=len(rows))
    kept = np.bincount(row_of, weights=body[idx], minlength=len(rows))
    widest = np.zeros(len(rows), dtype=np.float64)
    np.maximum.at(widest, row_of, f.n_words[idx])
    complete = (size >= 2) & (kept > 0) & (kept < size) & (widest < _LAYOUT_CELL_WORDS)
    add = idx[complete[row_of] & ~body[idx]]
    body[add] = True
    why[add] = 6


def keep_name_value_lists(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A description list of names and values in the main container is content: a product's specifications.

    A shop sets a product's facts ("Frame Material" / "Manufactured Wood", "Lining:" / "100%
    polyester") as the terms and values of a <dl>, as a data table sets them in cells: each
    line is too short to pass alone, and the list is no table for _keep_data_tables. A <dl>
    of the main container with four terms or more and as many values (at least half as many
    of one as of the other), whose lines are mostly plain (no chrome box or class word, under
    half link text, under _CELL_WORDS words), joins the body. A forum's post profile is one
    term (the member) over many values, or one <dl> per pair: neither is such a list.
    """
    n = len(body)
    if n == 0 or f.mode != "html" or not _holds_tag(seg.elem_tag, "dl"):
        return
    is_term = _tags_are(seg.elem_tag, ("dt",))
    item = _nearest_marked(seg.elem_parent, _tags_are(seg.elem_tag, ("dt", "dd")))
    dl = _nearest_marked(seg.elem_parent, _tags_are(seg.elem_tag, ("dl",)))
    elems = seg.elem_array()
    own_item = item[elems]
    own_dl = dl[elems]
    # A block of an item (dt or dd) of the nearest <dl> around it.
    inside = (own_item >= 0) & (own_dl >= 0)
    inside[inside] = dl[own_item[inside]] == own_dl[inside]
    if np.count_nonzero(inside) < 2 * _NV_MIN_PAIRS:
        return
    idx = inside.nonzero()[0]
    lists, list_of = np.unique(own_dl[idx], return_inverse=True)
    terms = np.bincount(list_of, weights=is_term[own_item[idx]], minlength=len(lists))
    values = np.bincount(list_of, minlength=len(lists)) - terms
    plain = (
        ((f.flags[idx] & _NV_NOT_PLAIN) == 0) & (f.link_density[idx] < 0.5) & (f.n_words[idx] < _CELL_WORDS)
    )
    share = np.bincount(list_of, weights=plain, minlength=len(lists)) / (terms + values)
    held = np.bincount(list_of, weights=f.main[idx] > 0, minlength=len(lists)) == terms + values
    fewer, more = np.minimum(terms, values), np.maximum(terms, values)
    good = (fewer >= _NV_MIN_PAIRS) & (fewer >= _NV_BALANCE * more) & held & (share >= _NV_PLAIN_SHARE)
    add = idx[good[list_of] & plain & ~body[idx]]
    body[add] = True
    why[add] = 27


def keep_definition_terms(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """The term of a description list whose definition is body is body too.

    Reference pages set each name they define as a <dt> over its <dd> ("WebSocket.close()" /
    "Closes the connection.", a glossary's word over its meaning), often as a link to the
    name's own page: a short linked line that the score takes for a menu entry, while its
    definition passes as prose. A <dt> block of the main container that is not body, right
    before a body block of a <dd> of the same <dl>, joins the body, when the list defines two
    terms at least so (a post's lone "Status" / "Not open for further replies." pair is a meta
    line). A footer's or a menu's <dl> of link groups has link lists, not prose, under its
    terms, and keeps them out.
    """
    n = len(body)
    if n < 2 or f.mode != "html" or not _holds_tag(seg.elem_tag, "dt"):
        return
    is_term = _tags_are(seg.elem_tag, ("dt",))
    item = _nearest_marked(seg.elem_parent, _tags_are(seg.elem_tag, ("dt", "dd")))
    dl = _nearest_marked(seg.elem_parent, _tags_are(seg.elem_tag, ("dl",)))
    elems = seg.elem_array()
    own_item, own_dl = item[elems], dl[elems]
    in_item = own_item >= 0
    term = in_item & is_term[np.maximum(own_item, 0)]
    value = in_item & ~term
    pair = (term[:-1] & value[1:] & body[1:] & (own_dl[:-1] == own_dl[1:]) & (own_dl[:-1] >= 0)).nonzero()[0]
    if not len(pair):
        return
    # Two defined terms in one list at least: a lone "Status" / "Not open for further replies."
    # pair is a post's meta line.
    lists, counts = np.unique(own_dl[pair], return_counts=True)
    many = np.isin(own_dl[pair], lists[counts >= _DEF_MIN_TERMS])
    cand = pair[many & ~body[pair] & (f.main[pair] > 0)]
    if len(cand):
        body[cand] = True
        why[cand] = 48


# Terms defined in one list: two (a reference's properties, a glossary's words).
_DEF_MIN_TERMS = 2


def keep_spec_tables(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A table whose rows are each a header cell and a data cell is a record: a product's specifications.

    A shop sets a product's facts as rows of a name in a header cell and its value in a data
    cell ("Capacity" / "64GB"), often in a tab of their own beside the description, outside the
    main container the data-table rule reads. Each cell is too short to pass alone. A table of
    _SPEC_ROWS such rows or more (_SPEC_PAIR_SHARE of its rows), its cells mostly plain (no chrome
    box or class word, under half link text, under _CELL_WORDS words), joins the body with its
    plain cells, unless its values repeat (under _SPEC_DISTINCT of them distinct: a plan
    comparison's "Yes" or check marks, a layout of marks rather than facts).
    """
    n = len(body)
    kinds = seg.kinds
    # Nine pages in ten hold no four <th> blocks (a count of the kinds in C, before any array is made).
    if n == 0 or f.mode != "html" or kinds.count("th") < _SPEC_ROWS:
        return
    # Only the blocks in tables are read (a scan of every block's kind cost ~0.05 ms a page).
    idx = np.flatnonzero(f.flags & _TABLE)
    if len(idx) < 2 * _SPEC_ROWS:
        return
    cell_kinds = np.fromiter(map(kinds.__getitem__, idx.tolist()), dtype=object, count=len(idx))
    is_th = cell_kinds == "th"
    if np.count_nonzero(is_th) < _SPEC_ROWS:
        return
    is_cell = is_th | (cell_kinds == "td")
    idx, is_th = idx[is_cell], is_th[is_cell]
    if len(idx) < 2 * _SPEC_ROWS:
        return
    parent = seg.parent_array()
    row = parent[seg.elem_array()[idx]]
    rows, row_of = np.unique(row, return_inverse=True)
    ths = np.bincount(row_of, weights=is_th, minlength=len(rows))
    tds = np.bincount(row_of, weights=~is_th, minlength=len(rows))
    pair = (ths == 1) & (tds == 1)
    tables, table_of = np.unique(parent[rows], return_inverse=True)
    n_pairs = np.bincount(table_of, weights=pair, minlength=len(tables))
    n_rows = np.bincount(table_of, minlength=len(tables))
    plain = ((f.flags[idx] & _NV_NOT_PLAIN) == 0) & (f.link_density[idx] < 0.5) & (f.n_words[idx] < _CELL_WORDS)
    cell_table = table_of[row_of]
    share = np.bincount(cell_table, weights=plain, minlength=len(tables)) / np.bincount(cell_table, minlength=len(tables))
    good = (n_pairs >= _SPEC_ROWS) & (n_pairs >= _SPEC_PAIR_SHARE * n_rows) & (share >= _NV_PLAIN_SHARE)
    # A record's values differ; a comparison grid repeats its marks ("check", "Yes") row after row.
    for t in good.nonzero()[0].tolist():
        values = [seg.texts[i] for i in idx[(cell_table == t) & ~is_th].tolist()]
        if len(set(values)) < _SPEC_DISTINCT * len(values):
            good[t] = False
    add = idx[good[cell_table] & pair[row_of] & plain & ~body[idx]]
    body[add] = True
    why[add] = 82


# Four facts, as for a <dl> of names and values; four rows in five pairs (a title row or a
# closing note may sit in the table too).
_SPEC_ROWS = 4
_SPEC_PAIR_SHARE = 0.8
# Half the values distinct: a record's values differ, a comparison grid repeats its marks.
_SPEC_DISTINCT = 0.5


def keep_headed_tables(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A table that opens with header cells, in the main container next to the body, is content.

    A ranking or a price table links each row's name ("Quanta Services Inc.") beside its figures
    ("$7.7B"): the names outweigh the figures in characters, so the data-table rule, which asks
    for under half link text, reads it as a table of links. A header row (<th> cells) says "a
    table of data"; a layout table of related links and share counts has none. A run of table
    cells in the main container (no chrome box) that opens with a <th>, holds _HEADED_CELLS cells
    or more, no cell of _CELL_WORDS words, half its cells or more without links (a figure beside
    each linked name), and touches the body above or below, joins the body.
    """
    # A run opens with a <th>: most pages hold none (a scan of the kinds, before any array is made).
    if f.mode != "html" or len(body) == 0 or "th" not in seg.kinds:
        return
    table = ((f.flags & _TABLE) != 0) & ((f.flags & _CHROME_CONTEXT) == 0) & (f.main > 0)
    if not _any(table & ~body):
        return
    starts, ends = _runs_of(table)
    kinds = seg.kinds
    n = len(body)
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        if b - a < _HEADED_CELLS or kinds[a] != "th" or bool(body[a:b].all()):
            continue
        if not ((a > 0 and body[a - 1]) or (b < n and body[b])):
            continue
        if f.n_words[a:b].max() >= _CELL_WORDS:
            continue
        if np.count_nonzero(f.link_density[a:b] < 0.5) < _HEADED_PLAIN * (b - a):
            continue
        add = np.zeros(n, dtype=bool)
        add[a:b] = ~body[a:b]
        body[add] = True
        why[add] = 80


# A header row of two cells and two rows of two (four cells is the data-table rule's least).
_HEADED_CELLS = 6
# Half the cells without links: a figure or a note beside each linked name.
_HEADED_PLAIN = 0.5


def keep_inner_tables(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A run of table cells right above or below the body, short and mostly plain, is the content's table.

    A release history, a box score or a list of job offers sets short cells ("4.2.3" / "April
    2014") that each score as chrome. The table rules above read a table as a run of blocks under a
    <table>; an old page that lays itself out in a table puts every block under one, so that run is
    the whole page, holds the article's long paragraphs and touches everything. Here a table is the
    run of its own cells (<td>, <th> blocks, one after another): a run of _INNER_CELLS cells or
    more, all in the main container and in no chrome box, no cell of _CELL_WORDS words, half of them
    or more under half link text, that touches a body block above or below it, joins the body.
    Runs after the other steps, on the body they leave (the touch is read on the final labels).
    """
    kinds = seg.kinds
    # Most pages hold no table cell (two scans of the kinds in C, before any array is made).
    if f.mode != "html" or len(body) == 0 or ("td" not in kinds and "th" not in kinds):
        return
    idx = np.flatnonzero(f.flags & _TABLE)
    if len(idx) < _INNER_CELLS:
        return
    n = len(body)
    cell = np.zeros(n, dtype=bool)
    cell[idx] = [kinds[i] in _CELL_KINDS for i in idx.tolist()]
    if not _any(cell & ~body):
        return
    plain = (f.flags & _CHROME_CONTEXT) == 0
    plain &= f.main > 0
    starts, ends = _runs_of(cell)
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        if b - a < _INNER_CELLS or bool(body[a:b].all()):
            continue
        if not ((a > 0 and body[a - 1]) or (b < n and body[b])):
            continue
        if not bool(plain[a:b].all()) or f.n_words[a:b].max() >= _CELL_WORDS:
            continue
        if np.count_nonzero(f.link_density[a:b] < 0.5) < _INNER_PLAIN * (b - a):
            continue
        add = np.flatnonzero(~body[a:b]) + a
        body[add] = True
        why[add] = 107


def keep_code_page_link_lists(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """On a page whose body holds code, a list of links between its body blocks is the text's own list.

    A manual's page names the types, guides and methods it speaks of as a list of links ("Supported
    types: ArrayBuffer, Blob, FormData ...", "See also: Basic concepts of flexbox, Ordering flex
    items"), each item a link that scores as a menu line. Between the body blocks of a page that
    shows code (_CODE_BLOCKS <pre> blocks in its body, the mark of a manual or an API reference),
    list items of over half link text, in no chrome box or class word and not repeated elsewhere on
    the page, join the body. On other pages such lists are as often a related-stories box as the
    text's, and stay as scored. Runs after the other steps (the span is read on the final labels).
    """
    n = len(body)
    # Most pages: no list item (a scan of the kinds in C), or no code in the body (one pass of
    # _all_of's twin, where numpy's three operations cost ~3 us a page).
    if f.mode != "html" or n == 0 or "li" not in seg.kinds:
        return
    if np.count_nonzero(_all_of(n, ((body, "is", 0), (f.flags, "some", Flag.PRE)))) < _CODE_BLOCKS:
        return
    kept = np.flatnonzero(body)
    first, last = int(kept[0]), int(kept[-1])
    add = _all_of(last - first, (
        (body[first:last], "not", 0), (f.flags[first:last], "some", _LIST),
        (f.flags[first:last], "none", _ARTICLE_LIST_CHROME), (f.link_density[first:last], ">", 0.5),
        (f.repeated[first:last], "==", 0),
    ))  # fmt: skip
    idx = np.flatnonzero(add) + first
    if len(idx):
        body[idx] = True
        why[idx] = 125


# Two code blocks: one <pre> is as often a blog post's snippet or an embed's markup.
_CODE_BLOCKS = 2


# Two rows of two cells, the data-table rule's least; half the cells without links (a figure or a
# date beside each linked name).
_INNER_CELLS = 4
_INNER_PLAIN = 0.5


def keep_lead_in_lists(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A list right after a body sentence of the content that ends in a colon is its list.

    "Below are my favourite categories:" or "You will need:" leads into items of a word or two
    ("Pens", "Scissors", "Receipts") that are too short to pass alone, and a list of one or two
    items fills no gap between body blocks. The HTML twin of keep_text_lists: the lead-in is body,
    in the main container, a sentence's length (_LEAD_IN_WORDS: no label such as "Tags:"), and
    the blocks after it, up to the next body block, a date, a repeated line or a block that is no
    plain short line of the content (a chrome box, half link text, _CELL_WORDS words or more,
    outside the main container), at most _LIST_LINES of them, join the body when one of them
    stands in a list (<ul>, <ol>, <dl>): the markup says "a list", not a box of its own.
    """
    n = len(body)
    if n < 2 or f.mode != "html":
        return
    texts = seg.texts
    # Lead-ins are rare: the last block of each run of body (a few a page) is tested for its colon
    # first, in Python, and the few that end in one for their words and container, where numpy's
    # six calls on the small arrays cost more than the tests.
    ends = np.flatnonzero(body[:-1] > body[1:])  # body, and the next block not
    leads = [i for i in ends.tolist() if texts[i].rstrip().endswith((":", "\uff1a"))]
    leads = [i for i in leads if f.n_words[i] >= _LEAD_IN_WORDS and f.main[i] > 0]
    if not leads:
        return
    plain = ((f.flags & _CHROME_CONTEXT) == 0) & (f.main > 0) & (f.link_density < 0.5) & (f.n_words < _CELL_WORDS)
    stop = (body | (f.date_like > 0) | (f.repeated > 0) | ~plain).tolist()
    listed = (f.flags & _LIST) != 0
    for i in leads:
        j = i + 1
        while j < n and j - i <= _LIST_LINES and not stop[j]:
            j += 1
        if j > i + 1 and _any(listed[i + 1 : j]):
            body[i + 1 : j] = True
            why[i + 1 : j] = 81


def keep_linked_lead_in_lists(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A list of links between a body sentence that ends in a colon and the text below it is content.

    "Many patches were sent for review:" or "These are the sources we used:" leads into a list
    whose items are each a link (a patch's title, a paper's, a product's), and the text goes on
    below it: the article cites the pages it names. Each item is all link text, so it scores as a
    menu entry, and keep_lead_in_lists stops at it. Where the lead-in is body, in the main
    container and a sentence's length (_LEAD_IN_WORDS), and _LINKED_LEAD_ITEMS or more list
    items (<ul>, <ol>, <dl>) of the main container, out of navigation, footer, aside and comments,
    follow it up to the next body block of the main container (at most _LIST_LINES), the items
    join the body. A related-posts box stands at the article's end or under its own short label
    ("Related:", "Read more:", "You may also like these stories:": the vocabulary of
    vocab.RELATED_HEAD_RE, READ_ALSO_RE and OTHER_STORIES_RE at the lead-in's start), or before a
    line that is no prose ("Follow us on Twitter"), not between two body sentences.
    """
    n = len(body)
    if n < 3 or f.mode != "html":
        return
    texts = seg.texts
    ends = np.flatnonzero(body[:-1] > body[1:])  # body, and the next block not
    leads = [i for i in ends.tolist() if texts[i].rstrip().endswith((":", "\uff1a"))]
    leads = [i for i in leads if f.n_words[i] >= _LEAD_IN_WORDS and f.main[i] > 0 and not _names_other_stories(texts[i])]
    if not leads:
        return
    item = ((f.flags & (_CHROME_CONTEXT | Flag.HEADER | Flag.FORM)) == 0) & (f.main > 0) & ((f.flags & _LIST) != 0)
    # The text below goes on as prose: a sentence of the container, not a "Follow us" line.
    prose = (f.main > 0) & (f.link_density < 0.5) & (((f.sentence_end > 0) & (f.n_words >= _LEAD_IN_WORDS)) | (f.heading > 0))
    for i in leads:
        j = i + 1
        while j < n and j - i <= _LIST_LINES and not body[j] and item[j]:
            j += 1
        if j - i - 1 >= _LINKED_LEAD_ITEMS and j < n and body[j] and prose[j]:
            body[i + 1 : j] = True
            why[i + 1 : j] = 116


def _names_other_stories(text: str) -> bool:
    """A lead-in that opens with a box's words ("You may also like these stories:", "Read more:")."""
    return any(rx.match(text) for rx in (RELATED_HEAD_RE, READ_ALSO_RE, OTHER_STORIES_RE))


# Three linked items make a list (two are a pair of "previous / next" links).
_LINKED_LEAD_ITEMS = 3

_LIST = Flag.LIST


def keep_content_lists(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """Plain list items between the body blocks of the main container are content.

    An article's lists (the features of each product in a roundup, a set of categories, the
    steps of a how-to) hold items of a few words, each too short to pass, and a list of more
    than a gap's worth of them stays out between the paragraphs around it. Runs of
    _CONTENT_LIST_ITEMS <li> blocks or more, in the main container after its first body block
    and before its last, join the body when each item is plain: no link text (a list of links is
    a menu or a table of contents), no date, no chrome box or class word, not a repeated line
    (a forum's poster box, a template's placeholder items), under _CELL_WORDS words.
    """
    n = len(body)
    # Three <li> blocks at least (a count of the kinds in C).
    if n == 0 or f.mode != "html" or seg.kinds.count("li") < _CONTENT_LIST_ITEMS:
        return
    # The list blocks out of any chrome context and out of the body that pass every test, in one
    # _all_of (numpy's calls on whole-page arrays cost ~1 us each, most of the step's time), then
    # the range: the same set as testing step by step (each step only drops blocks).
    idx = np.flatnonzero(_all_of(n, (
        (f.flags, "some", _LIST), (f.flags, "none", _ARTICLE_LIST_CHROME), (body, "not", 0), (f.main, ">", 0),
        (f.link_density, "==", 0), (f.date_like, "==", 0), (f.repeated, "==", 0), (f.n_words, "<", _CELL_WORDS),
    )))  # fmt: skip
    if len(idx) < _CONTENT_LIST_ITEMS:
        return
    # Between the first and the last body block of the main container.
    in_main = np.flatnonzero(_all_of(n, ((body, "is", 0), (f.main, ">", 0))))
    if len(in_main) < 2:
        return
    first, last = in_main[[0, -1]].tolist()
    idx = idx[(idx > first) & (idx < last)]
    if len(idx) < _CONTENT_LIST_ITEMS:
        return
    kinds = seg.kinds
    at = [i for i in idx.tolist() if kinds[i] == "li"]  # only the candidates' tags are read
    # Runs of consecutive candidates.
    k, m = 0, len(at)
    while k < m:
        e = k + 1
        while e < m and at[e] == at[e - 1] + 1:
            e += 1
        if e - k >= _CONTENT_LIST_ITEMS:
            a, b = at[k], at[e - 1] + 1
            body[a:b] = True
            why[a:b] = 58
        k = e


# Three items: a list, not a label and its value (set on the dev split: two items moved the
# held-out pages more and the dev pages less, five kept a fifth of the gain).
_CONTENT_LIST_ITEMS = 3


def _nearest_marked(parents: list[int], marked: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
    """For each element, the nearest of itself and its ancestors that is marked, else -1.

    Pointer jumping, as features.within: each round looks twice as far up.
    """
    up = np.asarray(parents, dtype=np.int64)
    near = np.where(marked, np.arange(len(up)), -1)
    if len(up):
        up[0] = 0
    while True:
        near = np.where(near >= 0, near, near[up])
        if not _any(up):
            return near
        up = up[up]


# A name-value list has four names and four values at least (a post's "Joined"/"Messages"
# pairs come one <dl> each), one kind at least half as many as the other (a post profile is
# one name over its values), and four in five of its lines plain (no chrome box or chrome
# class word, under half link text, shorter than a paragraph).
_NV_MIN_PAIRS = 4
_NV_BALANCE = 0.5
_NV_PLAIN_SHARE = 0.8
_NV_NOT_PLAIN = int(Flag.NAV | Flag.FOOTER | Flag.ASIDE | Flag.COMMENT | Flag.HEADER | Flag.FORM | Flag.NEG_CLASS)


def drop_product_reviews(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A shop's customer reviews are chrome on the page of the product they review.

    Below a product's facts a shop shows its customers' reviews: a review widget of star
    counts, titles, names and opinions, under a "reviews" class word. When the reviews carry
    dates, features._review_sections makes them a comment section; many widgets show none,
    and their opinions read as prose. On a page that declares a product (declares_product),
    the body blocks under a "reviews" class word (features.under_review_class) are chrome
    when they hold _REVIEW_WORDS words or more (a rating line, "Very Positive - 86% of the
    2,495,779 user reviews are positive", is the product's fact) and under half the body's
    words (a page of reviews is about them). Not inside an <article>: a travel guide's staff
    reviews of a place it declares a product are its text.
    """
    if f.mode != "html" or not _any(body):
        return
    under = under_review_class(seg)
    if under is None:
        return
    hit = under & body & ((f.flags & Flag.ARTICLE) == 0)
    words = float(f.n_words[hit].sum())
    if words < _REVIEW_WORDS or words >= _REVIEW_SHARE * float(f.n_words[body].sum()):
        return
    if not declares_product(seg):
        return
    body[hit] = False
    why[hit] = 35


def drop_related_products(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A shop's box of other products, opened by a heading that names it, is chrome (session 24).

    Around a product's facts a shop sets carousels and grids of other products under a heading
    that says what they are: "Similar items", "Products related to this item", "You may also
    like", "Customers also bought", "Frequently bought together", "Recently viewed"
    (vocab.RELATED_PRODUCTS_RE). Their cards hold names, prices and blurbs that pass one by one
    (a marketplace's cards of long titles), and the box is no list of links for
    drop_link_headings when each card is a title and a price. A block of 2 to
    _RELATED_PRODUCTS_WORDS words, under half link text, outside menus, lists, tables and forms
    and no list item, cell or control (a tab strip's label, a filter's option), that is only such
    a heading, opens a box: the highest ancestor of its element
    whose first block it is (below <main> and <body>). The body blocks in the box are chrome,
    unless the boxes hold _RELATED_PRODUCTS_SHARE of the body's words or more (a page that is the
    other products) on a page that declares no product (segment.declares_product): a product's
    page is about its product, however many cards of others a marketplace sets beside its short
    facts. It reads the heading's words and the markup's nesting, no class word.
    """
    if f.mode != "html" or not _any(body):
        return
    tests = (
        (f.n_words, ">=", 2),
        (f.n_words, "<=", _RELATED_PRODUCTS_WORDS),
        (f.link_density, "<", 0.5),
        (f.flags, "none", _RELATED_PRODUCTS_OUT),
    )
    cand = _all_of(len(body), tests).nonzero()[0]
    texts = seg.texts
    # Every heading holds one of the stems (~1 line a page does).
    held = _texts_holding(texts, cand, _RELATED_PRODUCTS_STEMS)
    kinds = seg.kinds
    heads = [i for i in held if kinds[i] not in _RELATED_PRODUCTS_NOT and RELATED_PRODUCTS_RE.fullmatch(texts[i]) is not None]
    if not heads:
        return
    parent = seg.elem_parent
    tags = seg.elem_tag
    elems = seg.elems
    roots = np.zeros(len(parent), dtype=bool)
    for i in heads:
        # The elements that hold the block above: the box stops below the first of them.
        above = set()
        if i > 0:
            at = elems[i - 1]
            while at >= 0:
                above.add(at)
                at = parent[at]
        box = elems[i]
        if box in above:
            continue  # the heading's element holds text above it: no box of its own
        while parent[box] >= 0 and parent[box] not in above and tags[parent[box]] not in _RELATED_PRODUCTS_TOP:
            box = parent[box]
        roots[box] = True
    hit = body & within(seg.parent_array(), roots)[seg.elem_array()]
    if not _any(hit) or not _any(body & ~hit):
        return
    if float(f.n_words[hit].sum()) >= _RELATED_PRODUCTS_SHARE * float(f.n_words[body].sum()) and not declares_product(seg):
        return
    body[hit] = False
    why[hit] = 119


def drop_calls_to_action(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """On a page that declares an article, the body blocks of its calls to action are chrome.

    Inside an article and below it, a publisher sets boxes that ask the reader to act: book a
    demo, download the guide, start a free trial, donate to keep the site free. Web designers
    name them "cta" or "call-to-action" (vocab.CTA_RE); their sentences are the site's pitch,
    written as prose, and pass block by block. On a page that declares itself an article
    (declares_article) the body blocks under such a class word are chrome, unless they hold
    _CTA_SHARE of the body's words or more. A landing page's sections are calls to action
    as much as its content: a page that declares no article keeps them.
    """
    if f.mode != "html" or not _any(body):
        return
    classes = seg.elem_class
    joined = seg.class_text()
    if not _texts_hold([joined], None, _CTA_HEADS):
        return  # most pages: no such word
    # The elements whose class holds a stem, each class lowered in C (lowering the joined string
    # and searching it for each stem cost ~35 us a page that holds one, 0.2 ms on a page of 80 KB
    # of classes). No match holds a line break, and the lookarounds read a class's ends as they
    # read the line breaks around it in the joined string: a match's element is the element
    # whose class it stands in.
    roots = np.zeros(len(classes), dtype=bool)
    for e in _texts_holding(classes, np.arange(len(classes)), _CTA_HEADS):
        cls = classes[e]
        low = cls.lower()
        # The match tried only where a stem stands, unless lowering changed the string's length
        # ("İ" is two characters lowered).
        if len(low) != len(cls):
            roots[e] = CTA_RE.search(cls) is not None
        else:
            roots[e] = any(CTA_RE.match(cls, at) is not None for stem, back in _CTA_STEMS for at in _find_all(low, stem, back))
    if not _any(roots):
        return
    hit = body & within(seg.parent_array(), roots)[seg.elem_array()]
    if not _any(hit) or float(f.n_words[hit].sum()) >= _CTA_SHARE * float(f.n_words[body].sum()):
        return
    if not declares_article(seg):
        return
    body[hit] = False
    why[hit] = 63


def drop_tail_pitches(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A short body line that pitches a newsletter or signs a post off below the content's last paragraph is chrome.

    A post often ends with its site's sign-up pitch ("Join 100,000 readers! Subscribe to our
    newsletter", "Sign up for free email updates"), set inside the main container as a paragraph:
    a sentence, it passes block by block. In HTML a body block of _PITCH_WORDS words at most that
    names two different words of vocab.NEWSLETTER_RE other than "unsubscribe" goes when no body
    block of more than _PITCH_WORDS words follows it (and one comes before it): in the middle of
    a text such lines are an article's own sentences about newsletters and e-mail as often as
    not, at its end they are the site's (a dump's pitches have their own rule everywhere,
    drop_text_newsletter). A line there that opens with a post's sign-off (vocab.SIGN_OFF_RE:
    "A version of this article appeared in print on ...", "If you enjoyed this post, please share
    it", "You may also like:") goes too, in both modes (`smoothed: a post's sign-off below the
    content`), and so does a post's meta line (vocab.POST_META_RE: "This entry was posted on ...",
    "Tags:", "Was this article helpful?", "Follow us on ...": `smoothed: a post's meta line below
    the content`). Nothing goes if such lines hold over _PITCH_SHARE of the body's words.
    """
    if not _any(body):
        return
    text_mode = f.mode != "html"
    long_ = _all_of(len(body), ((body, "is", 0), (f.n_words, ">", _PITCH_WORDS))).nonzero()[0]
    texts = seg.texts
    # A sign-off or a meta line can run past _PITCH_WORDS (WordPress's "This entry was posted on
    # ... and is filed under ... You can follow any responses to this entry through the RSS 2.0
    # feed ..."): it is no paragraph of the content, and the tail starts above it.
    last = len(long_) - 1
    while last >= 0 and _tail_line(texts[long_[last]]):
        last -= 1
    if last < 0:
        return  # no paragraph for them to follow
    after = int(long_[last])
    tail_idx = body[after + 1 :].nonzero()[0] + (after + 1)
    # Plain substring tests first (the patterns cost ~15 us a page): most tails have neither kind,
    # and a line that holds neither a pitch's word nor a head's is none of the three.
    pitch_lines = [] if text_mode else _texts_holding(texts, tail_idx, _PITCH_STEMS_ASCII)
    head_lines = _texts_holding(texts, tail_idx, _TAIL_HEADS_ASCII)
    if not pitch_lines and not head_lines:
        return  # most pages: no tail line names a pitch's word or opens like a sign-off or a meta line
    pitches = bool(pitch_lines)
    pitch = []
    signoff = []
    meta = []
    for i in sorted({*pitch_lines, *head_lines}):
        text = texts[i]
        if pitches and f.n_words[i] <= _PITCH_WORDS and len({m.lower() for m in NEWSLETTER_RE.findall(text)} - _NOT_PITCH) >= 2:
            pitch.append(i)
            continue
        at = _LEAD_MARKS.match(text).end()  # type: ignore[union-attr]  # matches "" at least
        head = text[at : at + 18].lower()
        if head.startswith(_SIGN_OFF_HEADS) and SIGN_OFF_RE.match(text) is not None:
            signoff.append(i)
        elif head.startswith(_META_HEADS) and POST_META_RE.match(text) is not None:
            meta.append(i)
    if not pitch and not signoff and not meta:
        return
    if float(f.n_words[pitch + signoff + meta].sum()) > _PITCH_SHARE * float(f.n_words[body].sum()):
        return
    body[pitch] = False
    why[pitch] = 66
    body[signoff] = False
    why[signoff] = 69
    body[meta] = False
    why[meta] = 73


def _tail_line(text: str) -> bool:
    """Whether a line opens with a post's sign-off (vocab.SIGN_OFF_RE) or meta line (vocab.POST_META_RE)."""
    # The 18 characters after the marks, sliced in one step (not the rest of a long paragraph first).
    at = _LEAD_MARKS.match(text).end()  # type: ignore[union-attr]  # matches "" at least
    head = text[at : at + 18].lower()
    return (head.startswith(_SIGN_OFF_HEADS) and SIGN_OFF_RE.match(text) is not None) or (
        head.startswith(_META_HEADS) and POST_META_RE.match(text) is not None
    )


def drop_author_boxes(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """An author's box below the content (its heading and the line after it, or a greeting) is chrome, in HTML and in plain text.

    A post ends with a box about its writer, headed "About the author" or "Written by Jane Doe"
    (vocab.AUTHOR_BOX_RE, as a whole line of _AUTHOR_HEAD_WORDS words at most), over a bio of
    a sentence or three ("Jane Doe is a freelance writer who ..."): prose, it passes, and a
    dump or a template without a class word for it keeps it. The heading and the body block
    after it (not a heading) go when _AUTHOR_ABOVE body words or more stand above the heading
    (a byline over the text stays), no body block of more than _PITCH_WORDS words follows the
    bio (the text goes on: an interview's "About the author" section) and the two hold a fifth
    of the body's words at most.
    """
    if not _any(body):
        return
    texts = seg.texts
    kinds = seg.kinds
    idx = body.nonzero()[0]
    words = f.n_words[idx]
    long_ = (words > _PITCH_WORDS).nonzero()[0]
    _drop_greetings(texts, idx, words, long_, body, why)
    _drop_name_bios(texts, f.n_words, idx, words, long_, body, why)
    # The heading stands after the last paragraph of over _PITCH_WORDS words, or right above it (the bio).
    lo = int(long_[-1]) - 1 if len(long_) else 0
    at_heads = (words[lo:] <= _AUTHOR_HEAD_WORDS).nonzero()[0] + lo
    if not len(at_heads) or not _may_hold_lines(texts, idx[at_heads], _AUTHOR_STEMS_ASCII):
        return  # most pages: none of the words
    heads = at_heads.tolist()
    # One search over the candidate lines joined, not a call a line: 0.01 ms a page.
    joined = "\n".join([texts[int(idx[k])] for k in heads])
    hits = [m.start() for m in _AUTHOR_HEAD_LINE.finditer(joined)]
    if not hits:
        return
    lens = f.n_chars[idx[heads]] + 1.0
    starts = np.cumsum(lens) - lens
    before = np.cumsum(words) - words
    total = float(words.sum())
    for at in np.searchsorted(starts, np.asarray(hits, dtype=np.float64), side="right") - 1:
        k = heads[int(at)]
        i = int(idx[k])
        if before[k] < _AUTHOR_ABOVE or AUTHOR_BOX_RE.fullmatch(texts[i]) is None:
            continue
        box = [i]
        if k + 1 < len(idx) and kinds[int(idx[k + 1])] not in HEADING_KINDS:
            box.append(int(idx[k + 1]))
        end = k + len(box)
        if _any(words[end:] > _PITCH_WORDS) or float(f.n_words[box].sum()) > _PITCH_SHARE * total:
            continue
        body[box] = False
        why[box] = 74
        return


def drop_text_author_bios(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the bio under an author box's heading below the content is chrome.

    drop_author_boxes finds the box by its heading as a body line; a dump sets the heading ("About
    the author", "Written by Jane Doe": vocab.AUTHOR_BOX_RE as a whole line) as a short line that
    stays chrome, often with the writer's name or a "Website" link between, and only the bio, a
    paragraph of prose, passes. A body line from the content's last paragraph of over
    _PITCH_WORDS words on, whose nearest lines above (within _TEXT_BIO_LINES lines, chrome of
    _TEXT_BIO_BETWEEN words at most between) hold such a heading, goes (reason 92) when
    _TEXT_BIO_ABOVE body words stand above it and it is no longer than they are (a profile page
    is its bio; a box above the article has the article's paragraphs below it).
    """
    if f.mode != "text" or not _any(body):
        return
    idx = body.nonzero()[0]
    words = f.n_words[idx]
    long_ = (words > _PITCH_WORDS).nonzero()[0]
    lo = int(long_[-1]) if len(long_) else 0
    texts = seg.texts
    start = max(int(idx[lo]) - _TEXT_BIO_LINES, 0)
    heads = ((~body[start:]) & (f.n_words[start:] >= 1) & (f.n_words[start:] <= _AUTHOR_HEAD_WORDS)).nonzero()[0] + start
    if not len(heads) or not _may_hold_lines(texts, heads, _AUTHOR_STEMS_ASCII):
        return  # most pages: none of the words below the content's last paragraph
    before = np.cumsum(words) - words
    for k in range(lo, len(idx)):
        j = int(idx[k])
        if before[k] < _TEXT_BIO_ABOVE or words[k] > before[k]:
            continue
        for i in range(j - 1, max(j - 1 - _TEXT_BIO_LINES, -1), -1):
            if body[i] or f.n_words[i] > _AUTHOR_HEAD_WORDS:
                break
            if _may_hold(texts[i], _AUTHOR_STEMS_ASCII) and AUTHOR_BOX_RE.fullmatch(texts[i]) is not None:
                body[j] = False
                why[j] = 92
                return
            if f.n_words[i] > _TEXT_BIO_BETWEEN:
                break


# The bio: within 4 lines under its heading ("About the author", the name twice, "Website |"), the
# lines between chrome of 3 words at most; 50 body words above it and the bio no longer than they
# are (with drop_author_boxes' 100 words and a fifth of the body, a short news digest's bio stayed:
# dragnet 0.66 -> 0.82 with these; the other three pages moved alike).
_TEXT_BIO_LINES = 4
_TEXT_BIO_BETWEEN = 3
_TEXT_BIO_ABOVE = 50


def _drop_greetings(
    texts: list[str], idx: npt.NDArray[np.intp], words: FloatArray, long_: npt.NDArray[np.intp], body: BoolArray,
    why: npt.NDArray[np.int8],
) -> None:
    """The body blocks below the content that open with a blogger's greeting (vocab.AUTHOR_GREETING_RE) go.

    Walking up from the last body block: blocks of _PITCH_WORDS words at most, and greetings of
    up to _GREETING_WORDS words, are the tail; the first longer block that is no greeting is the
    content's last paragraph. The greetings go when _AUTHOR_ABOVE body words stand above them and
    they hold a fifth of the body's words at most (a post that opens "Hi, I'm ..." has its text
    below it). long_: the positions in idx of the blocks over _PITCH_WORDS words. The walk goes
    past the last of them only when it is a greeting, so with no greeting's first character from
    there on (most pages) nothing is found: that test first, over a list of texts, where the walk
    reads two numpy scalars a block (~3 us a page).
    """
    start = int(long_[-1]) if len(long_) else 0
    if not any(text[:1] in _GREETING_FIRST for text in [texts[i] for i in idx[start:].tolist()]):
        return
    found = []
    k = len(idx) - 1
    while k >= 0:
        text = texts[int(idx[k])]
        if words[k] <= _GREETING_WORDS and text[:1] in _GREETING_FIRST and AUTHOR_GREETING_RE.match(text) is not None:
            found.append(k)
        elif words[k] > _PITCH_WORDS:
            break
        k -= 1
    if not found:
        return
    if float(words[: found[-1]].sum()) < _AUTHOR_ABOVE or float(words[found].sum()) > _PITCH_SHARE * float(words.sum()):
        return
    drop = idx[found]
    body[drop] = False
    why[drop] = 74


def _drop_name_bios(
    texts: list[str], n_words: FloatArray, idx: npt.NDArray[np.intp], words: FloatArray,
    long_: npt.NDArray[np.intp], body: BoolArray, why: npt.NDArray[np.int8],
) -> None:
    """A writer's bio under a line of their name, below the content, goes (reason 108).

    An author box sets the writer's name on a line of its own (a link to their page, a bold
    name) over a bio that opens with that name ("Jane Doe is a freelance writer ...":
    vocab.NAME_BIO_RE), and may run on in paragraphs that name her again ("Jane holds an MBA
    ..."). The bio passes as prose. A bio in the third person alone is no sign: a news page's
    reporter line is kept by some truths and not by others; the line of the name right above
    (within _NAME_BIO_LINES blocks, each of _AUTHOR_HEAD_WORDS words at most) is the box. From
    the content's last paragraph of over _PITCH_WORDS words on (or the block right before it),
    with _AUTHOR_ABOVE body words above, the bio and the body blocks right after it that hold
    the name's first or last word go, when they hold a third of the body's words at most.
    """
    lo = max(int(long_[-1]) - 1, 0) if len(long_) else 0
    cand = _name_bio_candidates(texts, n_words, idx, words, lo)
    if not cand:
        return
    limit = -1.0
    gone = 0.0
    first = -1
    for k, above_k in cand:
        box = _name_bio_box(texts, n_words, idx, k, body, above_k)
        if box is None:
            continue
        if limit < 0:
            limit = _NAME_BIO_SHARE * float(words.sum())
        gone += float(n_words[box].sum())
        if gone > limit:
            return
        body[box] = False
        why[box] = 108
        first = k if first < 0 else first
    if first < 0:
        return
    # Two writers' boxes: the first one's bio, over _PITCH_WORDS words, is the last long block the
    # tail was counted from. Up from the first box found, past short lines (the next name, "Email
    # Jane"), each long block that is a box goes too.
    before = np.cumsum(words) - words
    k = first - 1
    while k >= 0:
        if words[k] > _PITCH_WORDS:
            box = _name_bio_box(texts, n_words, idx, k, body, float(before[k]))
            if box is None or gone + float(n_words[box].sum()) > limit:
                return
            gone += float(n_words[box].sum())
            body[box] = False
            why[box] = 108
        k -= 1


def _name_bio_candidates(
    texts: list[str], n_words: FloatArray, idx: npt.NDArray[np.intp], words: FloatArray, lo: int
) -> list[tuple[int, float]]:
    """_drop_name_bios' candidate bios: (k, the body words above it) for each body block idx[k]
    from lo on with _AUTHOR_ABOVE words above it, _NAME_BIO_MIN words or more, an uppercase first
    character and a short block (_AUTHOR_HEAD_WORDS words at most) right before it. Its compiled
    twin reads the tail in one pass (session 25; ~4 us a page here, every page with a body)."""
    n = len(idx)
    # The name's line stands right above the bio or above a short line or two (a role, a date): a
    # bio's block has a short block right above it (most paragraphs have a paragraph there). A tail
    # of a few blocks (most pages) is read in Python, cheaper than numpy's calls over it; the words
    # above a block are counted as it goes (word counts are whole numbers: the sums are exact).
    if n - lo <= _NAME_BIO_FEW:
        acc = float(words[:lo].sum())
        cand: list[tuple[int, float]] = []
        for k, j, w in zip(range(lo, n), idx[lo:].tolist(), words[lo:].tolist(), strict=True):
            if acc >= _AUTHOR_ABOVE and w >= _NAME_BIO_MIN and texts[j][:1].isupper() and n_words[j - 1 if j else 0] <= _AUTHOR_HEAD_WORDS:
                cand.append((k, acc))
            acc += w
    else:
        before = np.cumsum(words) - words
        above = n_words[np.maximum(idx[lo:] - 1, 0)]
        sized = ((words[lo:] >= _NAME_BIO_MIN) & (before[lo:] >= _AUTHOR_ABOVE) & (above <= _AUTHOR_HEAD_WORDS)).nonzero()[0] + lo
        cand = [
            (k, float(before[k])) for k, j in zip(sized.tolist(), idx[sized].tolist(), strict=True) if texts[j][:1].isupper()
        ]
    return cand


def _name_bio_box(
    texts: list[str], n_words: FloatArray, idx: npt.NDArray[np.intp], k: int, body: BoolArray, above: float
) -> list[int] | None:
    """The blocks of a writer's bio that opens body block idx[k] (above: the body words above it) under a line of the name, or None."""
    j = int(idx[k])
    if above < _AUTHOR_ABOVE or not body[j] or not texts[j][:1].isupper():
        return None
    m = NAME_BIO_RE.match(texts[j])
    if m is None:
        return None
    name = m.group(1)
    if _name_line(texts, n_words, j, name) < 0:
        return None
    parts = name.split()
    end = k
    while end + 1 < len(idx) and int(idx[end + 1]) == int(idx[end]) + 1:
        nxt = texts[int(idx[end + 1])]
        if parts[0] not in nxt and parts[-1] not in nxt:
            break
        end += 1
    return [int(x) for x in idx[k : end + 1]]


def _name_line(texts: list[str], n_words: FloatArray, j: int, name: str) -> int:
    """The block of the line of the writer's name within _NAME_BIO_LINES blocks above block j, or -1.

    The line is the name ("Jane Doe"), the name after a word or two ("By Jane Doe", "About Jane
    Doe"), or, for a bio that opens with the first name ("Jane is ..."), the name and a capitalised
    word or two after it ("Jane Doe", "Jane Doe Author") when the bio says "she" or "he"
    (vocab.PERSON_PRONOUN_RE: a listicle's "Storage is ..." under "Storage Solutions" does not).
    """
    size = name.count(" ") + 1
    for a in range(j - 1, max(j - 1 - _NAME_BIO_LINES, -1), -1):
        if n_words[a] > _AUTHOR_HEAD_WORDS:
            return -1
        line = texts[a].strip()
        if line == name or (n_words[a] <= size + 2 and line.endswith(" " + name)):
            return a
        if (
            n_words[a] <= size + 3
            and line.startswith(name + " ")
            and line[len(name) + 1 : len(name) + 2].isupper()
            and PERSON_PRONOUN_RE.search(texts[j]) is not None
        ):
            return a
    return -1


# A bio: ten words at least; the line of the name within three blocks above it (the name, a role
# line such as "Contributing Writer" between).
_NAME_BIO_MIN = 10
_NAME_BIO_LINES = 3
# Up to this many blocks from the first candidate on, a Python loop beats numpy's calls (cost, not output).
_NAME_BIO_FEW = 24
# The box may hold a third of the body's words (a short post's bio in three paragraphs); the line of
# the name says what it is, not its size.
_NAME_BIO_SHARE = 1 / 3


# The heading: six words at most ("Written by" and a name of four). Above it, 100 body words at
# least: a byline over the text ("Written by Jane Doe" as the post's first line) is no box.
_AUTHOR_HEAD_WORDS = 6
_AUTHOR_ABOVE = 100
# A greeting's box runs to a paragraph: 200 words at most. Its first character (a quote mark may
# stand before the word).
_GREETING_WORDS = 200
_GREETING_FIRST = frozenset("Hh\"'“‘«")
# Every match of vocab.AUTHOR_BOX_RE holds one of these (lowercase ASCII); the pattern as a whole
# line of a text joined with line breaks.
_AUTHOR_STEMS_ASCII = (b"about", b"meet", b"written", b"ber d", b"propos", b"sobre", b"sull", b"over de")
_AUTHOR_HEAD_LINE = regex.compile("(?im)^(?:" + AUTHOR_BOX_RE.pattern.removeprefix("(?i)") + ")$")


# Every match of vocab.NEWSLETTER_RE, lowercased, holds one of these.
_PITCH_STEMS_ASCII = (b"newsletter", b"subscribe", b"sign", b"inbox", b"mail")
# The marks vocab.SIGN_OFF_RE lets stand before a sign-off, and the words each of its matches starts
# with after them (lowercased; "\s+" between words in the pattern, so "a  version" slips through
# this test and the block keeps its line: a sign-off is typed by a template, with single spaces).
_LEAD_MARKS = regex.compile(r"[^\w\n]*")
_SIGN_OFF_HEADS = ("a version of", "did you", "enjoy", "like", "if you", "share this", "back to top", "you may also", "you might also")
# The words each match of vocab.POST_META_RE starts with after the marks (lowercased).
_META_HEADS = (
    "this entry", "this post", "this article", "posted", "published", "filed", "categories", "tags",
    "tagged", "last", "date last", "was this", "is this", "did you find", "do you find", "found this",
    "how useful", "how helpful", "rate this", "rating this", "follow us",
    "like us", "find us", "connect with us", "please", "twitter", "facebook", "instagram", "youtube",
    "linkedin", "pinterest", "tiktok",
)
# A line whose lowered start is one of the heads holds it lowered (the pre-test of the tail's lines).
_TAIL_HEADS_ASCII = tuple(head.encode("ascii") for head in _SIGN_OFF_HEADS + _META_HEADS)

# "Unsubscribe" tells a subscriber how to leave, in a privacy policy's or a shop's terms, and asks
# nothing: with it, a blog's privacy page lost its last lines (trafilatura-eval dev -0.0002).
_NOT_PITCH = frozenset({"unsubscribe"})

# Half the body's words: a box or two beside the article's own text (a donation pitch below a short
# fact check holds a third of its body; a quarter kept it, scrapinghub-aeb dev -0.0009).
_CTA_SHARE = 0.5
# Every match of vocab.CTA_RE, lowercased, starts with "cta", or holds "allto", "all-to" or
# "all_to" one character in ("callToAction"): each stem with how far before it a match starts.
_CTA_STEMS = (("cta", 0), ("allto", 1), ("all-to", 1), ("all_to", 1))
_CTA_HEADS = tuple(stem.encode("ascii") for stem, _ in _CTA_STEMS)


def _find_all(text: str, stem: str, back: int) -> list[int]:
    """Where stem stands in text, each place less back (never below 0)."""
    out = []
    at = text.find(stem)
    while at >= 0:
        out.append(max(0, at - back))
        at = text.find(stem, at + 1)
    return out


def drop_disclosures(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A site's affiliate disclosure is chrome, in HTML and in plain text.

    A review or a buying guide tells the reader that the site earns from its links ("This post
    contains affiliate links. If you buy through them, we may earn a small commission at no
    extra cost to you."), above the text or below it, often in a paragraph of its own: a
    sentence or two of prose that passes. A body block of _DISCLOSURE_MIN_WORDS to _DISCLOSURE_WORDS words that
    says so (vocab.DISCLOSURE_RE) in the site's or the writer's voice (vocab.DISCLOSURE_WHO_RE)
    is chrome, unless such blocks hold over _DISCLOSURE_SHARE of the body's words (a page about
    disclosures).
    """
    texts = seg.texts
    sized = _all_of(len(body), ((body, "is", 0), (f.n_words, ">=", _DISCLOSURE_MIN_WORDS), (f.n_words, "<=", _DISCLOSURE_WORDS))).nonzero()[0]
    # The blocks whose lowered text holds a word (most pages: none; each text lowered in C, not with str.lower()).
    held = _texts_holding(texts, sized, _DISCLOSURE_STEMS_ASCII)
    hit = [i for i in held if DISCLOSURE_RE.search(texts[i]) is not None and DISCLOSURE_WHO_RE.search(texts[i]) is not None]
    if not hit or float(f.n_words[hit].sum()) > _DISCLOSURE_SHARE * float(f.n_words[body].sum()):
        return
    body[hit] = False
    why[hit] = 64


def drop_form_notices(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A form's agreement notice and a widget's prompt or error message are chrome, in HTML and in
    plain text.

    Under a form's button a site binds the reader to its terms ("By clicking \u201cPost Your
    Answer\u201d, you agree to our terms of service and acknowledge you have read our privacy
    policy", "By submitting your email, you agree to our Terms and Privacy Notice."), and a
    shop's or a store's widgets carry the lines their script shows when the reader acts: the call
    to sign in first ("Log in to set a price alert on this product.", "Sign in to add this item
    to your wishlist") and the notice that an action failed ("Unable to add item to List. Please
    try again."). Each is a sentence that passes, in the main container, where a Q&A site's answer
    form or a shop's widgets sit. A body block of at most _AGREEMENT_WORDS words that binds the
    reader (vocab.AGREEMENT_RE: "by" and a gerund, the reader agrees, accepts or consents, the
    sentence names the terms, a policy or cookies) is chrome, unless such blocks hold over
    _DISCLOSURE_SHARE of the body's words (a page of terms); so is one of at most _PROMPT_WORDS
    words that is a prompt or an error message (vocab.PROMPT_RE, vocab.FAILURE_RE). One search of the blocks'
    lowered text for the wordings' words serves both (most pages: no block holds one).
    """
    texts = seg.texts
    sized = _all_of(len(body), ((body, "is", 0), (f.n_words, ">=", _PROMPT_MIN_WORDS), (f.n_words, "<=", _AGREEMENT_WORDS))).nonzero()[0]
    held = _texts_holding(texts, sized, _FORM_NOTICE_STEMS_ASCII)
    if not held:
        return
    agree = [i for i in held if f.n_words[i] >= _AGREEMENT_MIN_WORDS and AGREEMENT_RE.search(texts[i]) is not None]
    if agree and float(f.n_words[agree].sum()) <= _DISCLOSURE_SHARE * float(f.n_words[body].sum()):
        body[agree] = False
        why[agree] = 89
    prompt = [i for i in held if body[i] and f.n_words[i] <= _PROMPT_WORDS and _prompts(texts[i])]
    if prompt:
        body[prompt] = False
        why[prompt] = 90
    thanks = [i for i in held if body[i] and f.n_words[i] <= _PROMPT_WORDS and FORM_THANKS_RE.match(texts[i]) is not None]
    if thanks:
        body[thanks] = False
        why[thanks] = 94


def _prompts(text: str) -> bool:
    """Whether text opens with a call to sign in (vocab.PROMPT_RE, matched at its start) or ends
    with an error message's "try again" (vocab.FAILURE_RE)."""
    return PROMPT_RE.match(text) is not None or FAILURE_RE.search(text) is not None


def drop_language_menus(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a menu of the site's languages, each named in its own script, is chrome.

    A site offers its pages in other languages with a list of their names as their speakers
    write them ("English Deutsch Français 日本語 한국어 ไทย Русский العربية"); a dump joins the list
    into one line, a shop's or a store's switcher can hold 30 names with their English ones in
    brackets, and such a line of 70 words passes for running text. No sentence mixes four
    writing systems (_LANGUAGE_SCRIPTS: Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari,
    Thai, Hangul, kana, Han); a Japanese sentence with a brand's Latin name holds three.
    """
    texts = seg.texts
    cand = [i for i in body.nonzero()[0].tolist() if not texts[i].isascii()]
    if not cand or _NON_LATIN.search("\0".join([texts[i] for i in cand])) is None:
        return  # most pages: no letter outside the Latin script in the body
    hit = [i for i in cand if _NON_LATIN.search(texts[i]) is not None and _scripts(texts[i]) >= _LANGUAGE_MENU_SCRIPTS]
    if not hit:
        return
    body[hit] = False
    why[hit] = 45


def _scripts(text: str) -> int:
    """How many of _LANGUAGE_SCRIPTS the text holds a letter of."""
    return sum(1 for script in _LANGUAGE_SCRIPTS if script.search(text) is not None)


# A letter of another script than Latin (the first test of a page's body, then of each block).
_NON_LATIN = regex.compile(r"[^\P{L}\p{Latin}]")
_LANGUAGE_SCRIPTS = tuple(
    regex.compile(pattern)
    for pattern in (
        r"\p{Latin}",
        r"\p{Cyrillic}",
        r"\p{Greek}",
        r"\p{Arabic}",
        r"\p{Hebrew}",
        r"\p{Devanagari}",
        r"\p{Thai}",
        r"\p{Hangul}",
        r"[\p{Hiragana}\p{Katakana}]",
        r"\p{Han}",
    )
)
# Four writing systems in a block: on the dev splits' dumps every such line is a language menu
# (860 words, none in a truth); three are a Japanese or Korean sentence with a Latin name.
_LANGUAGE_MENU_SCRIPTS = 4


# A disclosure is a sentence to three (8 to 60 words: 11-58 on the dev split); a fifth of the body.
_DISCLOSURE_MIN_WORDS = 8
_DISCLOSURE_WORDS = 60
_DISCLOSURE_SHARE = 0.2
# A word every match of vocab.DISCLOSURE_RE holds (lowercase).
_DISCLOSURE_STEMS = ("affiliate", "commission", "compensat", "kickback", "qualifying purchases")
_DISCLOSURE_STEMS_ASCII = tuple(stem.encode("ascii") for stem in _DISCLOSURE_STEMS)
# An agreement notice is one or two sentences: 8 words at least ("By using this site you agree to
# our Terms.") and 60 at most (the longest seen: 45 words, a notice that also names the
# newsletter's mails and the reader's age).
_AGREEMENT_MIN_WORDS = 8
_AGREEMENT_WORDS = 60
# A prompt or an error message is one short line or two (the dev split's: 4-16 words).
_PROMPT_MIN_WORDS = 3
_PROMPT_WORDS = 20
# Words a match of vocab.AGREEMENT_RE, vocab.PROMPT_RE or vocab.FAILURE_RE holds (lowercase): the
# reader's verb, the sign-in's words with one space or none ("log" and "sign" alone are in "blog"
# and "design": twice the blocks to search), the failure's "try again".
_FORM_NOTICE_STEMS = (
    "agree", "accept", "consent", "acknowledge", "confirm", "log in", "login", "log on", "logon", "logged in",
    "sign in", "signin", "sign on", "signon", "signed in", "try again", "to expand", "thank",
)
_FORM_NOTICE_STEMS_ASCII = tuple(stem.encode("ascii") for stem in _FORM_NOTICE_STEMS)


def _holds_any(low: str, stems: tuple[str, ...]) -> bool:
    """Whether low holds any of the stems (the text lowered once, not once a stem)."""
    return any(stem in low for stem in stems)


def _any(mask: npt.NDArray[Any]) -> bool:
    """Whether mask holds a true value: bool(mask.any()). Its compiled twin reads a bool array's
    bytes in C, where numpy's reduction costs ~1 us a call (some 60 calls a page)."""
    return bool(mask.any())


def _holds_tag(tags: list[str], name: str) -> bool:
    """Whether name is one of tags (an element's tag list); its compiled twin compares in C."""
    return name in tags


def _tags_are(tags: list[str], names: tuple[str, ...]) -> BoolArray:
    """Per tag, whether it is one of names; its compiled twin compares in C, where numpy compares
    an object array a name."""
    arr = np.asarray(tags, dtype=object)
    out = np.zeros(len(tags), dtype=bool)
    for name in names:
        out |= arr == name
    return out


def _all_of(n: int, tests: tuple[tuple[npt.NDArray[Any], str, float], ...]) -> BoolArray:
    """The blocks that pass every test, a (column, op, value) each: op ">", ">=", "<", "<=", "==" or
    "!=" compares a float column with value, "none" and "some" test an int column's bits
    ((column & value) == 0, != 0), "is" and "not" take a bool column as it is or negated (value
    unused). Its compiled twin makes the mask in one pass a test, where numpy makes a temporary
    array an operation (~1 us each on a page's arrays)."""
    out = np.ones(n, dtype=bool)
    for column, op, value in tests:
        if op == "none":
            out &= (column & int(value)) == 0
        elif op == "some":
            out &= (column & int(value)) != 0
        elif op == "is":
            out &= column
        elif op == "not":
            out &= ~column
        else:
            out &= _COMPARE[op](column, value)
    return out


_COMPARE = {">": np.greater, ">=": np.greater_equal, "<": np.less, "<=": np.less_equal, "==": np.equal, "!=": np.not_equal}


def _texts_hold(texts: list[str], idx: npt.NDArray[np.intp] | None, stems: tuple[bytes, ...]) -> bool:
    """Whether the texts of idx (every text for None), lowered, hold any of the stems (lowercase
    ASCII, as bytes, without a newline). Its compiled twin lowers their ASCII characters as it
    reads them, without joining, encoding or lowering the texts first (~5-15 us a call)."""
    joined = "\n".join(texts if idx is None else [texts[i] for i in idx.tolist()])
    if not _may_hold(joined, stems):
        return False
    return _holds_any(joined.lower(), tuple(stem.decode("ascii") for stem in stems))


def _texts_holding(texts: list[str], idx: npt.NDArray[np.intp], stems: tuple[bytes, ...]) -> list[int]:
    """The indexes of idx whose text, lowered, holds any of the stems (lowercase ASCII, as bytes):
    _texts_hold a text. Its compiled twin lowers each text's ASCII characters as it reads them."""
    words = tuple(stem.decode("ascii") for stem in stems)
    return [i for i in idx.tolist() if _may_hold(texts[i], stems) and _holds_any(texts[i].lower(), words)]


def _short_holding(
    texts: list[str], body: BoolArray, words: FloatArray, least: float, most: float, stems: tuple[bytes, ...]
) -> list[int]:
    """The body blocks of least to most words whose text, lowered, holds any of the stems
    (_texts_holding's test): drop_browser_notices' and drop_nav_labels' first test. Its compiled
    twin reads the mask, the counts and those texts in one pass (session 25, spd), where the
    mask, its indexes and a prefilter over the texts took four calls (~3 us a step, every page)."""
    return _texts_holding(texts, np.flatnonzero(body & (words >= least) & (words <= most)), stems)


def _third_slide(texts: list[str], pattern: regex.Pattern[str], words: tuple[str, ...]) -> bool:
    """Whether pattern (_THIRD_SLIDE, built from words) finds a third slide's counter in the page.

    Its compiled twin looks at each "3" first and joins and searches the page only when one is
    followed by "/" or one of words and a digit (or by a character outside ASCII).
    """
    return pattern.search("\n".join(texts)) is not None


def _may_hold_lines(texts: list[str], idx: npt.NDArray[np.intp], stems: tuple[bytes, ...]) -> bool:
    """_may_hold of the texts of idx joined by newlines (drop_author_boxes' candidate lines). Its
    compiled twin reads the texts in place: no join, no encoded and lowered copy (~1 us a page)."""
    return _may_hold("\n".join([texts[i] for i in idx.tolist()]), stems)


def _may_hold(text: str, stems: tuple[bytes, ...]) -> bool:
    """False only when text.lower() holds none of the stems (lowercase ASCII, as bytes).

    No character but the Kelvin sign ("K", lowered to "k") and "İ" (lowered to "i" and a
    combining dot, which ends a stem such as "reacti") lowers to an ASCII letter: without
    them, text's ASCII characters, lowered as bytes, hold a stem wherever text.lower() does
    (and maybe where it does not, two of them brought together). On a page in another
    script this skips str.lower()'s per-character path over the text.
    """
    if "\u212a" in text or "\u0130" in text:
        return True
    low = text.encode("ascii", "ignore").lower()
    return any(stem in low for stem in stems)


# A box of other products' heading: "Customers who bought this item also bought" is 8 words; a
# control's or a list item's label is a tab, a menu entry or a card's own line, not a box's heading.
_RELATED_PRODUCTS_WORDS = 9
_RELATED_PRODUCTS_NOT = frozenset(("li", "td", "th", "option", "button", "label", "a"))
_RELATED_PRODUCTS_TOP = frozenset(("html", "body", "main"))
# Nor a line of a menu, a list, a table or a form (a filter's "Similar items" option).
_RELATED_PRODUCTS_OUT = Flag.NAV | Flag.LIST | Flag.TABLE | Flag.FORM
_RELATED_PRODUCTS_SHARE = 0.5
# One of them in every alternative of vocab.RELATED_PRODUCTS_RE (lowered, ASCII): few stems, for each
# costs a search of every candidate line.
_RELATED_PRODUCTS_STEMS = (
    b"prod", b"item", b"model", b"also", b"auch", b"aussi", b"anche", b"puede", b"together", b"viewed", b"look",
    b"more from", b"hnliche",
)

# A review holds a sentence or two of opinion beside its stars: a widget's worth is 50 words
# (40-50 alike on the dev split); a rating summary of two lines holds 35.
_REVIEW_WORDS = 50
_REVIEW_SHARE = 0.5


def drop_link_headings(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A short heading or lead-in line ("...:") followed by two chrome link blocks is chrome.

    "Read more", "Related articles:", "More on this topic": the heading of a box of links
    reads as a line of the article, but its section is the links. (A list that is content
    is body, and its heading stays with it; a heading over one link, a product's "buy"
    button, then its text, stays too.) Unless such headings are most of the body: a hub
    page of link lists (a shop's "Browse by genre", "Shop by brand") keeps its headings,
    the last of its own text (session 24).
    """
    n = len(body)
    if n < 3 or f.mode != "html":
        return
    drop = [
        i
        for i in _link_heading_candidates(body, f.link_density, f.n_words, _LINK_HEADING_WORDS, 0.5)
        if f.heading[i] > 0 or seg.texts[i].rstrip().endswith(":")
    ]
    if drop and f.n_words[drop].sum() <= _LINK_HEADING_MAX_SHARE * f.n_words[body].sum():
        body[drop] = False
        why[drop] = 11


_LINK_HEADING_WORDS = 8
# Half the body's words: the headings are then what the page is (wcxb-dev: one collection
# page +0.22; a quarter moves the same page, a tenth one more, a twentieth two dragnet pages down).
_LINK_HEADING_MAX_SHARE = 0.5


def _link_heading_candidates(
    body: BoolArray, link_density: FloatArray, n_words: FloatArray, most_words: float, least_links: float
) -> list[int]:
    """The body blocks of most_words words at most followed by two blocks out of the body of
    least_links link density or more (drop_link_headings' candidates, body as it is before the step).
    Its compiled twin tests each block in one pass, where numpy took nine calls (~3 us a page)."""
    n = len(body)
    linky = ~body & (link_density >= least_links)
    cand = np.zeros(n, dtype=bool)
    cand[:-2] = body[:-2] & (n_words[:-2] <= most_words) & linky[1:-1] & linky[2:]
    out: list[int] = cand.nonzero()[0].tolist()
    return out


def drop_chrome_only_classes(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """Body blocks whose nearest chrome class word names chrome and nothing else are chrome.

    A copyright line, a disclaimer, a consent banner, a "trending" rail or the writer's bio
    reads as prose and often sits inside the main container; the class word of its container
    says what it is (vocab.CHROME_ONLY_TOKENS), whatever the text. Unless the blocks of one
    word hold most of the body (three quarters of its words): then the page is about them (a
    site's disclaimer or copyright page, an author's profile). An "author" line of a few
    words is a byline, not a bio: it is left to the scorer (a listing's entries name theirs).
    """
    tokens = seg.neg_tokens  # vocabulary words, lowercase already (parse.segment._class_words)
    if not _any(body) or CHROME_ONLY_TOKENS.isdisjoint(tokens):
        return  # most pages: no such word, a set test instead of the masks below
    under = (body & ((f.flags & Flag.NEG_CLASS) != 0)).nonzero()[0].tolist()
    by_token: dict[str, list[int]] = {}
    for i in under:
        token = tokens[i].lower()
        if token not in CHROME_ONLY_TOKENS or (token == "author" and f.n_words[i] < _BIO_WORDS):
            continue
        by_token.setdefault(token, []).append(i)
    total = f.n_words[body].sum()
    for drop in by_token.values():
        if f.n_words[drop].sum() <= _CHROME_ONLY_MAX_SHARE * total:
            body[drop] = False
            why[drop] = 12


# An image file's address alone on its line: a scheme, "www." or "//", no space, and a file name
# with an image format's extension (a query or a fragment after it).
_IMAGE_ADDRESS = regex.compile(
    r"(?:https?://|www\.|//)\S+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|ico|tiff?)(?:[?#]\S*)?", regex.IGNORECASE
)
_IMAGE_STARTS = ("http://", "https://", "www.", "//")
# A label before the address: a short line ending in a colon.
_IMAGE_LABEL_WORDS = 4


def drop_image_addresses(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A line that is only an image file's address is chrome.

    A shop's template or a gallery's script prints the address of a picture where the picture
    should be (a swatch's thumbnail, a lazy-loaded photo whose script never ran): the reader
    sees a picture or nothing, never its address. A writer who cites a link names a page, not
    a .jpg. A short label ending in a colon right above the address names it and goes too.
    Addresses in a <pre> block or a table cell are a tutorial's code or a
    reference's example and stay.
    """
    n = len(body)
    if n == 0 or not _any(body):
        return
    texts = seg.texts
    cand = _all_of(n, ((body, "is", 0), (f.flags, "none", Flag.PRE | Flag.TABLE))) if f.mode == "html" else body
    # A plain prefix test before the pattern: nearly every line starts otherwise.
    drop = [
        i for i in _lstrip_starts(texts, cand.nonzero()[0], _IMAGE_STARTS) if _IMAGE_ADDRESS.fullmatch(texts[i].strip()) is not None
    ]
    # The name a template prints before each address ("thumbnail:", "swatch_Red:") goes with it.
    drop += [i - 1 for i in drop if i > 0 and body[i - 1] and f.n_words[i - 1] <= _IMAGE_LABEL_WORDS
             and texts[i - 1].rstrip().endswith(":")]
    if drop:
        body[drop] = False
        why[drop] = 75


# A machine's timestamp alone on its line: an ISO 8601 date and time to the second with its zone
# ("2010-10-17 01:03:31 +00:00", "2021-04-08T04:06:17.467Z+00:00"), or with the "T" between the
# date and the time ("2024-03-05T10:15"). A date and time without either ("2025-11-01 15:14:37")
# is a forum's post date, printed for the reader.
_MACHINE_STAMP = regex.compile(
    r"[12][0-9]{3}-[0-9]{2}-[0-9]{2}"
    r"(?:[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(?:[.,][0-9]+)?\s?(?:Z|[+-][0-9]{2}:?[0-9]{2})(?:\s?[+-][0-9]{2}:?[0-9]{2})?"
    r"|T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)"
)
_STAMP_STARTS = ("1", "2")
# The longest stamp: "2021-04-08T04:06:17.4671234+00:00 +00:00" (an engine's fraction of a second
# and a doubled zone).
_STAMP_CHARS = 48


def drop_machine_stamps(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A line that is only a machine's timestamp is chrome.

    Q&A and forum engines set each post's date for search engines as microdata in an element
    hidden from readers ("datePublished" in a display:none box), written as ISO 8601 with
    seconds and a time zone; a text dump, which knows no style sheet, prints it on a line of
    its own. Readers are shown dates in their own words ("Oct 17, 2010 at 1:03"); a date and
    time with a zone offset or a "T" between them is written for programs. Stamps in a <pre>
    block or a table cell (a log, a data table) stay.
    """
    n = len(body)
    if n == 0 or not _any(body):
        return
    texts = seg.texts
    tests: tuple[tuple[npt.NDArray[Any], str, float], ...] = ((body, "is", 0.0), (f.n_chars, "<=", _STAMP_CHARS))
    if f.mode == "html":
        tests += ((f.flags, "none", Flag.PRE | Flag.TABLE),)
    cand = _all_of(n, tests)
    drop = [i for i in _lstrip_starts(texts, cand.nonzero()[0], _STAMP_STARTS) if _MACHINE_STAMP.fullmatch(texts[i].strip()) is not None]
    if drop:
        body[drop] = False
        why[drop] = 96


def drop_toc_titles(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A table of contents' title on a line of its own is chrome (session 23).

    A post's table of contents is a widget (a plugin's box, a collapsible <details>) whose
    links repeat the section headings; its items score as links and go, but its title
    ("Table of Contents", "Inhaltsverzeichnis", "Sommaire", vocab.TOC_TITLE_RE) is a short line
    among the article's own and stays with them, in a dump as in HTML. A body block of
    _TOC_TITLE_WORDS words at most that is only such a title goes; a bare "Contents" stays (a
    book's or a report's heading), and so does a title over a printed contents page, whose
    entries run to their page numbers after leader dots ("1. Introduction ....... 3", an RFC's or
    a manual's own section) in one of the _TOC_LEADER_LINES blocks below it.
    """
    if not _any(body):
        return
    cand = body & (f.n_words <= _TOC_TITLE_WORDS)
    if not _any(cand):
        return
    texts = seg.texts
    idx = cand.nonzero()[0].tolist()
    # Every title holds one of the stems (lowered): the short lines are joined and lowered once and
    # searched for them before the pattern runs line by line (most pages: none).
    joined = "\n".join([texts[i] for i in idx]).lower()
    if not any(stem in joined for stem in _TOC_STEMS):
        return
    hit = [i for i in idx if TOC_TITLE_RE.fullmatch(texts[i]) is not None]
    hit = [i for i in hit if not any(_TOC_LEADER.search(t) for t in texts[i + 1 : i + 1 + _TOC_LEADER_LINES])]
    body[hit] = False
    why[hit] = 102


def drop_browser_notices(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A page's notice about the reader's browser is chrome, in HTML and in plain text (session 25).

    A <video> or <audio> element holds a line for browsers that cannot play it ("Your browser does
    not support the video tag."), which a browser hides and a text dump keeps, once per clip; a
    template pleads for JavaScript ("This slideshow requires JavaScript.") or a newer browser
    ("Please upgrade your browser."). The line is a sentence and passes, in the content's column
    (a clip's fallback stands where the clip does). A body block of _BROWSER_NOTICE_MIN_WORDS to
    _BROWSER_NOTICE_WORDS words that says so (vocab.BROWSER_NOTICE_RE) goes (reason -40), unless
    such blocks hold half the body's words (a page that is the notice). A longer paragraph that
    names them is the text's own (an essay quoting "Best viewed in Netscape Navigator").
    """
    if not _any(body):
        return
    texts = seg.texts
    # Most pages: no short body block names a browser or JavaScript (the mask, the counts and the
    # texts read in one C pass, ~1 us), then the pattern on those few.
    held = _short_holding(
        texts, body, f.n_words, _BROWSER_NOTICE_MIN_WORDS, _BROWSER_NOTICE_WORDS, _BROWSER_NOTICE_STEMS
    )
    if not held:
        return
    hit = [i for i in held if BROWSER_NOTICE_RE.search(texts[i]) is not None]
    if not hit or 2.0 * float(f.n_words[hit].sum()) >= float(f.n_words[body].sum()):
        return
    body[hit] = False
    why[hit] = -40


# A notice is a sentence or two: "Please note that Javascript is turned off in your web browser. To
# use this site, you must turn it on and then refresh this page." is 24 words; a paragraph that
# names a browser in passing runs longer.
_BROWSER_NOTICE_WORDS = 30
# The shortest: "Please upgrade your browser.", "This slideshow requires JavaScript." (4 words).
_BROWSER_NOTICE_MIN_WORDS = 4
_BROWSER_NOTICE_STEMS = (b"browser", b"javascript", b"navigateur", b"navegador", b"best viewed")


def drop_placeholders(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A template's placeholder text among the page's own text is chrome (session 23).

    A site built on a theme leaves some of its boxes unfilled: a teaser, a tab or a spec
    line still reads "Lorem ipsum dolor sit amet, consectetur adipiscing elit ..." under a
    heading that is a placeholder too ("Heading Line", "Head Line 1"). Such a paragraph
    scores as prose, and the box stands in the main container. A body block that opens with
    "Lorem ipsum", or whose words are nearly all the standard passage's (vocab.PLACEHOLDER_*),
    goes, and so does a short heading right above such a block. Not on a page that is
    placeholder text (a theme's demo, a test page: the placeholders hold _PLACEHOLDER_PAGE of
    the body's words or more, or no other body block is prose with function words).
    """
    if not _any(body):
        return
    texts = seg.texts
    at = body.nonzero()[0]
    # A page with placeholders has a body block that opens with "Lorem" (most pages: none): the
    # body's texts are searched for the word in C first (may_hold_lines, ~1 us), then the blocks'
    # heads are read.
    if not _may_hold_lines(texts, at, _LOREM_STEMS):
        return
    idx = at.tolist()
    if not any(_LOREM_HEAD.search(texts[i], 0, _LOREM_HEAD_CHARS) for i in idx):
        return
    hit = [i for i in idx if _placeholder(texts[i])]
    if not hit:
        return
    words = f.n_words
    if float(words[hit].sum()) >= _PLACEHOLDER_PAGE * float(words[body].sum()):
        return
    rest = body.copy()
    rest[hit] = False
    if not _any(rest & (words >= _PLACEHOLDER_PROSE_WORDS) & (f.stopword_ratio >= _PLACEHOLDER_PROSE_STOPS)):
        return
    n = len(texts)
    heads = [
        i
        for i in rest.nonzero()[0].tolist()
        if f.heading[i] > 0 and words[i] <= _PLACEHOLDER_HEAD_WORDS and i + 1 < n and _placeholder(texts[i + 1])
    ]
    hit += heads
    body[hit] = False
    why[hit] = 104


def _placeholder(text: str) -> bool:
    if PLACEHOLDER_START_RE.match(text) is not None:
        return True
    toks = _LETTER_WORD.findall(text.lower())
    return len(toks) >= _PLACEHOLDER_MIN_WORDS and sum(t in PLACEHOLDER_WORDS for t in toks) >= _PLACEHOLDER_SHARE * len(toks)


_LETTER_WORD = regex.compile(r"[^\W\d_]+")
_LOREM_HEAD = re.compile(r"(?i)lorem")
_LOREM_STEMS = (b"lorem",)
_LOREM_HEAD_CHARS = 16
# A line of the standard passage: four words or more, three in five of them its own (its
# sentences run 90-100%; a French or Italian sentence shares "et", "est", "in", "non" at most).
_PLACEHOLDER_MIN_WORDS = 4
_PLACEHOLDER_SHARE = 0.6
# A page of placeholder text: three quarters of the body's words (a test page's 0.90-1.0; a
# theme's unfilled boxes, counted before drop_repeats takes their copies out, 0.15-0.62).
_PLACEHOLDER_PAGE = 0.75
# A placeholder's heading: "Heading Line", "Head Line 1", a teaser's title.
_PLACEHOLDER_HEAD_WORDS = 8
# The page's own prose: a block of 20 words or more, a quarter of them function words (a
# placeholder paragraph scores 0.0-0.2, a generator's random Latin 0.01-0.03).
_PLACEHOLDER_PROSE_WORDS = 20
_PLACEHOLDER_PROSE_STOPS = 0.25


# The longest title with its toggle: "Table of Contents [hide]", "Índice de contenidos mostrar".
_TOC_TITLE_WORDS = 6
# A printed contents page's entry: leader dots, then its page number, at the end of the line.
_TOC_LEADER = regex.compile(r"(?:\.[^\S\n]?){4,}[^\S\n]*\d+[^\S\n]*$", regex.M)
_TOC_LEADER_LINES = 3
_TOC_STEMS = ("content", "inhalt", "sommaire", "mati", "ndice", "contenuti", "inhoud", "spis", "sumário", "目次", "目录")


def drop_text_member_stats(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a line that is only a poster's stats is chrome.

    Forum and Q&A engines set each poster's counts beside the post ("410 posts · Joined 2002",
    "Reputation: 345", "1,234 gold badges"); HTML mode leaves the user card out by its
    container, a text dump prints the counts as short lines between the posts. A body line of
    _STATS_WORDS words at most made only of counts with their labels (vocab.MEMBER_STATS_RE)
    goes.
    """
    if len(body) < 2 or f.mode != "text":
        return
    _drop_lines(seg, body, why, body & (f.n_words <= _STATS_WORDS), _member_stats, 98)


def _member_stats(text: str) -> bool:
    # Every stats line holds a digit (a count or a date): a plain test before the pattern.
    return _NUMBER.search(text) is not None and MEMBER_STATS_RE.fullmatch(text) is not None


def drop_text_post_numbers(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a thread's post number on a line of its own is chrome (session 24).

    Forum engines number each post in its header ("#2", the permalink's text); a dump prints the
    number as a line of its own between the writer's details and the post, and it passes with the
    post's lines. A ranked listing numbers its entries alike ("#1" over a film's title, a shop's
    best-sellers), and there the number is content. A thread's numbers head posts: a date line
    (_POST_DATE_WORDS words at most) within _POST_NUMBER_REACH lines of the number, or a sentence
    (_POST_TEXT_WORDS words or more) right below it; a listing's head a title. With
    _THREAD_POSTS such numbers or more, half the number lines at least, the body's number lines go,
    and so do the lone counts of the writer's details within _POST_COUNT_REACH lines above each
    ("14,796" posts, "273" reactions).
    """
    n = len(body)
    if n < _THREAD_POSTS or f.mode != "text":
        return
    texts = seg.texts
    one = (f.n_words == 1).nonzero()[0]
    if not _may_hold_lines(texts, one, (b"#",)):
        return  # most pages: no line of one word holds "#" (searched in C, ~1 us)
    nums = [i for i in one.tolist() if texts[i].lstrip()[:1] == "#" and _POST_NUMBER_LINE.fullmatch(texts[i]) is not None]
    if len(nums) < _THREAD_POSTS:
        return  # most pages: no number line
    words, dated, ended = f.n_words, f.date_like, f.sentence_end

    def heads_post(i: int) -> bool:
        near = range(max(0, i - _POST_NUMBER_REACH), min(n, i + _POST_NUMBER_REACH + 1))
        if any(j != i and dated[j] > 0 and words[j] <= _POST_DATE_WORDS for j in near):
            return True
        return i + 1 < n and words[i + 1] >= _POST_TEXT_WORDS and ended[i + 1] > 0

    posts = sum(1 for i in nums if heads_post(i))
    if posts < _THREAD_POSTS or 2 * posts < len(nums):
        return
    hit = [i for i in nums if body[i]]
    body[hit] = False
    why[hit] = -9
    # The writer's counts above the number ("14,796", "273": posts, reactions), a line each.
    counts = [j for i in nums for j in range(max(0, i - _POST_COUNT_REACH), i)
              if body[j] and words[j] <= 3 and _POST_COUNT_LINE.fullmatch(texts[j]) is not None]  # "14,796": two words
    body[counts] = False
    why[counts] = -10


def drop_member_stats(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A block that is only a forum member's stats is chrome.

    Forum engines set a user card beside every post: the poster's name, rank and counts ("96
    posts · Joined 2013", "Posts: 1,370", "Joined: Wed Apr 24, 2019 2:19 am"). The card's name
    and rank are short lines the score leaves out, but a count line inside the post's container
    can pass as body; thread truths leave it out. A body block of _STATS_WORDS words at most
    made only of counts with their labels (vocab.MEMBER_STATS_RE, as drop_text_member_stats
    reads a text dump's line) goes.
    """
    if len(body) < 2 or f.mode != "html":
        return
    # Counts and labels make no sentence and hold few stopwords ("Member since 2010"), and a label
    # holds one of the stems: plain tests before the pattern.
    tests = ((body, "is", 0.0), (f.n_words, "<=", _STATS_WORDS), (f.sentence_end, "==", 0.0), (f.stopword_ratio, "<=", _STATS_STOPWORDS))
    texts = seg.texts
    hit = [i for i in _texts_holding(texts, _all_of(len(body), tests).nonzero()[0], _STATS_STEMS) if _member_stats(texts[i])]
    body[hit] = False
    why[hit] = 113


def drop_nav_labels(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A block that is only a skip link, a pager's or a sort bar's label is chrome (session 25).

    Templates open with links for the keyboard and the screen reader ("Skip to main content",
    "Skip to search results", "Skip to product information", "Jump to Recipe", "Zum Inhalt
    springen"), close a post or a listing with its pager ("Previous Article", "Next Post »",
    "‹ Prev Next ›") and set a sort and filter bar over a listing ("Sort by:", "Filter by").
    Hidden or not, such a line often stands inside the main container among short lines that
    pass (a shop's grid, a post's footer), and a dump prints it as a line of its own. A body block of _NAV_LABEL_WORDS words at most whose whole text is such a label
    (vocab.NAV_LABEL_RE, in the stopword languages) goes, in both modes; a heading that only
    starts with the words ("Next Steps", "Skip the line") is no label.
    """
    texts = seg.texts
    # The short body blocks that hold one of the labels' stems (the mask, the counts and the
    # texts read in one C pass; most pages: none), then the pattern on those few.
    held = _short_holding(texts, body, f.n_words, -np.inf, _NAV_LABEL_WORDS, _NAV_LABEL_STEMS)
    if not held:
        return
    hit = [i for i in held if NAV_LABEL_RE.fullmatch(texts[i])]
    if hit:
        body[hit] = False
        why[hit] = -45


# "Skip to main content", "Passer au contenu principal", "« Previous Post": four words; a chain of
# skip links in one block (13 words, one wcxb-dev page) is left out to keep the candidates few.
_NAV_LABEL_WORDS = 5
# The labels' words as lowered ASCII stems ("nächste" as "nchst", "précédent" as "prcdent").
_NAV_LABEL_STEMS = (
    b"skip", b"jump", b"zum ", b"zur ", b"aller ", b"passer ", b"al cont", b"al men", b"al naveg", b"naar",
    b"prev", b"next", b"older", b"newer", b"vorherig", b"nchst", b"ltere", b"neuere", b"prcdent", b"suivant",
    b"anterior", b"siguiente", b"precedent", b"successiv", b"vorige", b"volgende", b"sort", b"filt", b"refine",
    b"trier", b"ordenar", b"ordina",
)  # fmt: skip


def drop_edit_notices(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A forum post's edit notice is chrome.

    Forum engines note under a post who edited it last and when ("Last edited by Minoa on Wed Aug
    28, 2019 11:24 am, edited 1 time in total.", "Last edited by Trilby (2024-08-04 14:26:59)"):
    the engine's record, not what the poster wrote. It stands in the post's container, reads as
    a sentence and passes as body; a dump prints it on a line of its own. A body block of _EDIT_WORDS words at most that opens with the notice's words
    (vocab.EDIT_NOTICE_RE) goes, in both modes; a book's "Edited by <name>" is none.
    """
    if len(body) < 2:
        return
    texts = seg.texts
    short = (body & (f.n_words <= _EDIT_WORDS)).nonzero()[0]
    hit = [i for i in _texts_holding(texts, short, _EDIT_STEMS) if _edit_notice(texts[i])]
    body[hit] = False
    why[hit] = 114


def _edit_notice(text: str) -> bool:
    # The notice's first word opens the block: a plain test of its first letter before the pattern.
    return text.lstrip()[:1] in _EDIT_INITIALS and EDIT_NOTICE_RE.match(text) is not None


_EDIT_INITIALS = frozenset("lLzZdDuUúÚ")
# The notice's verb in its languages (ASCII stems, lowercase: "édition" as "dition", "geändert" as
# "ndert").
_EDIT_STEMS = (b"edit", b"bearbeit", b"ndert", b"modifica", b"dition", b"edici", b"bewerkt")
# phpBB's notice with its count runs to 15 words ("Last edited by <name> on Wed Aug 28, 2019 11:24
# am, edited 1 time in total."); a long name or a stated reason adds a few.
_EDIT_WORDS = 20


def drop_text_post_actions(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a Q&A post's action line with its date is chrome.

    Q&A engines stamp each question, answer and comment with what was done and when ("asked Mar
    3, 2019 at 10:12", "edited ...", "Commented <date>"); HTML mode leaves the stamp out with the
    user card, a text dump prints it as a line of its own. A body line of _STATS_WORDS words at
    most that is only the verb and a date (vocab.POST_ACTION_RE) goes.
    """
    if len(body) < 2 or f.mode != "text":
        return
    _drop_lines(seg, body, why, body & (f.n_words <= _STATS_WORDS), _post_action, 101)


def _post_action(text: str) -> bool:
    # The verb opens the line: a plain test of its first letter before the pattern.
    return text.lstrip()[:1] in _ACTION_INITIALS and POST_ACTION_RE.fullmatch(text) is not None


_ACTION_INITIALS = frozenset("aAeEcCmM")


# A user card's longest stats line: four counts with their labels and a joined date.
_STATS_WORDS = 16
# The stopwords of a stats line: "since" of three words ("Member since 2010"), "seit" of four.
_STATS_STOPWORDS = 0.34
# The stems of the stats labels of vocab.MEMBER_STATS_RE (ASCII, lowercase; "rep" for "reputation").
_STATS_STEMS = (
    b"post", b"join", b"rep", b"karma", b"like", b"badge", b"point", b"messag", b"reaction", b"beitr",
    b"mensaj", b"bericht", b"member", b"regist", b"mitglied", b"inscrit", b"iscritt",
)


# "signature" as a whole part of a class or id value ("signature", "message-signature", "sigBlock"
# is not one).
_SIGNATURE = re.compile(r"(?<![A-Za-z])[Ss]ignature(?![a-z])")


def drop_signatures(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """The lines of a forum post's signature are chrome.

    Forum engines (phpBB, vBulletin, XenForo, Discourse) print each member's signature under
    every post in an element whose class says so: the same motto, links and badges below each
    post of a member, read as the member's letterhead, not as what the post says.
    """
    if f.mode != "html" or not _any(body):
        return
    if not _str_holds(seg.class_text(), "ignature"):
        return  # nearly every page: no class names a signature
    marked = [e for e, c in enumerate(seg.elem_class) if "ignature" in c and _SIGNATURE.search(c) is not None]
    if not marked:
        return
    at, ends = seg.elem_array(), elem_subtree_ends(seg)
    inside = np.zeros(len(body), dtype=bool)
    for e in marked:
        inside |= (at >= e) & (at < ends[e])
    drop = inside & body
    body[drop] = False
    why[drop] = 76


def drop_slides(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A slideshow's counters are chrome, and so is a slideshow set into an article.

    A slideshow numbers its slides "1/12" or "Image 1 of 12", one counter a slide, running
    from 1 to the slide count. A counter alone on its line is the widget's control, never
    text. When the page has an article of its own outside the slideshow (at least
    _SLIDES_ARTICLE_WORDS body words in the main container), the slideshow is a widget set
    into it, its captions a second story told in pictures: every block of the element that
    holds all the counters is chrome. A page that is the slideshow (a photo post, a few lines
    of lead-in) keeps its captions. In a text dump, with no element to hold the slideshow,
    only the counters go.
    """
    n = len(body)
    if n == 0 or not _any(body):
        return
    texts = seg.texts
    if not _third_slide(texts, _THIRD_SLIDE, _OF_WORDS):
        return  # most pages: no "3/N" or "3 of N" anywhere, one scan instead of a match a block
    counters: list[tuple[int, int, int]] = []
    # A counter holds a digit: the lines without a character that may be one are not matched.
    for i in _may_digit(texts, (f.n_words <= _COUNTER_WORDS).nonzero()[0]):
        m = _COUNTER.match(texts[i])
        if m is not None:
            counters.append((i, int(m.group(1)), int(m.group(2))))
    if len(counters) < _MIN_SLIDES:
        return
    for run in _slide_runs(counters):
        alone = [i for i in run if _COUNTER_ONLY.fullmatch(texts[i]) is not None]
        body[alone] = False
        why[alone] = 22
        if f.mode != "html":
            continue  # a dump has no element to hold the slideshow: its counters go, its captions stay
        inside = _under_one(seg, run)
        outside = body & (f.main > 0)
        outside[inside] = False
        if f.n_words[outside].sum() >= _SLIDES_ARTICLE_WORDS:
            body[inside] = False
            why[inside] = 22


def _may_digit(texts: list[str], idx: npt.NDArray[np.intp]) -> list[int]:
    """The indexes of idx whose text holds a character that may be a digit (_MAY_DIGIT): every
    text that holds one of regex's \\d, and some more (drop_slides: a counter's). Its compiled
    twin reads each text's characters in C, where a regex's match costs ~0.4 us a line."""
    return [i for i in idx.tolist() if _MAY_DIGIT.search(texts[i]) is not None]


# The characters that may be a digit of regex's \d: the ASCII digits and every character from
# U+0300 on but the General Punctuation block (U+2000-U+206F: spaces, dashes, quotes); no other
# character below U+0300 is a digit (tests/test_kernels.py checks regex's \d against this set).
_MAY_DIGIT = re.compile("[0-9\u0300-\u1fff\u2070-\U0010ffff]")


def _slide_runs(counters: list[tuple[int, int, int]]) -> list[list[int]]:
    """The blocks of each complete count 1, 2, ..., N (N >= _MIN_SLIDES) among the counters."""
    runs: list[list[int]] = []
    run: list[int] = []
    last, total = 0, 0
    for i, k, of in counters:
        if k == last + 1 and of == total:
            run.append(i)
        elif k == 1:
            run, total = [i], of
        else:
            run, total = [], 0
        last = k if run else 0
        if run and len(run) == total >= _MIN_SLIDES:
            runs.append(run)
            run, last, total = [], 0, 0
    return runs


def _under_one(seg: Segments, blocks: list[int]) -> list[int]:
    """The blocks inside the innermost element that holds all of the given blocks."""
    parent = seg.elem_parent
    common: set[int] | None = None
    for i in blocks:
        chain = set()
        e = seg.elems[i]
        while e >= 0:
            chain.add(e)
            e = parent[e]
        common = chain if common is None else common & chain
    # Elements come in document order, each after its ancestors: the innermost is the last.
    top = max(common or (), default=-1)
    if top <= 0:
        return []
    end = top + 1
    while end < len(parent) and parent[end] >= top:
        end += 1
    elems = np.asarray(seg.elems)
    inside: list[int] = ((elems >= top) & (elems < end)).nonzero()[0].tolist()
    return inside


# A counter: "3/12", "3 of 12", "Image 3 of 12", at the start of a block of at most
# _COUNTER_WORDS words (a slide's title may follow it). _COUNTER_ONLY: nothing else.
# _THIRD_SLIDE: a third slide's counter anywhere, which every slideshow of 3+ slides has.
_OF_WORDS = ("of", "von", "de", "sur", "di", "van", "z", "av", "af")
_OF = rf"(?:/|\b(?:{'|'.join(_OF_WORDS)})\b)"
_COUNTER = regex.compile(rf"\s*(?:\p{{L}}{{1,12}}\s+)?(\d{{1,3}})\s*{_OF}\s*(\d{{1,3}})(?!\d|/)", regex.I)
_COUNTER_ONLY = regex.compile(rf"\s*(?:\p{{L}}{{1,12}}\s+)?\d{{1,3}}\s*{_OF}\s*\d{{1,3}}\s*", regex.I)
_THIRD_SLIDE = regex.compile(rf"3\s*{_OF}\s*\d", regex.I)
_COUNTER_WORDS = 12
_MIN_SLIDES = 3
# A page with this many body words in the main container outside its slideshow has an
# article of its own: a short news story runs 200-300 words.
_SLIDES_ARTICLE_WORDS = 200


# A trailer below the main container (drop_trailer): one block of at most this many words and
# at most this share of the body's words. Two blocks or 120 words took an article's closing
# paragraphs set outside a narrow container (cleaneval-dev dev -0.0006, readability-testpages -0.03
# on a page).
_TRAILER_BLOCKS = 1
_TRAILER_WORDS = 80.0
_TRAILER_SHARE = 0.2


def drop_trailer(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """The body's last block, when it stands alone below the main container and outside it, is chrome.

    Under a post a template sets a line or a box of its own outside the container of the text:
    the post's meta line ("This entry was written by Admin, posted on ... filed under PR"),
    the writer's bio ("Adam is a reporter ... He lives in Oakland"), a donation plea or a
    sign-up pitch. Such a block passes as prose and, next to the content, is no lone block among
    chrome. When the body's blocks below the main container's last body block are one block
    (_TRAILER_BLOCKS) of _TRAILER_WORDS words at most and _TRAILER_SHARE of the body at most, it
    goes. Not when it is a sibling of the container's last body block (one parent element: the
    container was a paragraph of the text), when that block is in a quote and the trailer is
    not (a quote taken for the container: the text goes on below it), or when the trailer is a
    reader's comment (the thread has its own rules; include_comments keeps it). HTML mode (in a
    dump the regions are finer and the rule cost every set).
    """
    if f.mode != "html" or not len(body):
        return
    inside = _all_of(len(body), ((body, "is", 0), (f.main, ">", 0)))
    at = int(inside[::-1].argmax())
    if not inside[-1 - at]:
        return  # no body in the main container
    last = len(body) - 1 - at
    if at == 0 or not 0 < int(np.count_nonzero(body[last + 1 :])) <= _TRAILER_BLOCKS:
        return
    tail = body[last + 1 :].nonzero()[0] + last + 1
    if _any((f.flags[tail] & Flag.COMMENT) != 0):
        return  # a reader's comment: the thread's own rules judge it (include_comments keeps it)
    if f.flags[last] & Flag.QUOTE and not (f.flags[tail] & Flag.QUOTE).all():
        return  # a quote taken for the container: the text below it is the article's
    elems, parents = seg.elems, seg.elem_parent
    if parents[elems[int(tail[0])]] == parents[elems[last]]:
        return  # a sibling of the container's last paragraph: one text
    words = float(f.n_words[tail].sum())
    if words > _TRAILER_WORDS or words > _TRAILER_SHARE * float(f.n_words[body].sum()):
        return
    body[tail] = False
    why[tail] = 42


def drop_page_footer(f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """Body blocks in the page's <footer> (one outside any <article> or <main>) are chrome.

    The page's footer holds the site's about box, its legal lines and its contact details,
    prose that can outscore a short article. An article's own <footer> (its tags, its
    author) is left to the score. Unless the footer holds most of the body (three quarters
    of its words): a page whose only text is in its footer keeps it.
    """
    flags = f.flags
    drop = _all_of(len(body), ((body, "is", 0), (flags, "some", Flag.FOOTER), (flags, "none", Flag.ARTICLE | Flag.MAIN)))
    if _any(drop) and f.n_words[drop].sum() <= _CHROME_ONLY_MAX_SHARE * f.n_words[body].sum():
        body[drop] = False
        why[drop] = 18


def drop_after_comment_form(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """Body blocks from a comment form's heading on are chrome (HTML mode; not with include_comments).

    Blog engines close a post with the form for a comment ("Leave a comment", "Post a
    Comment", "Schreibe einen Kommentar"; features.names_comment_form, the text-mode
    vocabulary) or a thread that is still empty ("No comments yet."). What follows it is the
    thread, the sidebar's widgets and the footer: their blurbs, an "about this blog" box or a
    comment policy, pass as prose of the main container when the post is short. The first
    such line of the main container (_FORM_WORDS words at most, body or not: the template may
    mark it as the thread's), standing once among the page's short lines (a Q&A page puts
    "Add a comment" under every post), below _FORM_AFTER words of body (a sentence of the
    post) and with no paragraph of the content right after it (a button "Add Comment" under
    the headline, with the article below it), ends the body.
    """
    n = len(body)
    short = _all_of(n, ((f.main, ">", 0), (f.n_words, "<=", _FORM_WORDS), (f.flags, "none", _FORM_BOXES))).nonzero()[0]
    if not len(short) or not _any(body):
        return
    forms = _single_form_lines(seg.texts, short)
    if not forms:
        return  # most pages: one search of their short lines
    words = np.where(body, f.n_words, 0.0)
    before = np.cumsum(words) - words
    plain = ((f.flags & Flag.NEG_CLASS) == 0) & (f.link_density < _FORM_NEXT_LINKS) & (f.n_words >= _FORM_NEXT_WORDS)
    for k in forms:
        if before[k] < _FORM_AFTER:
            continue
        if _any(plain[k + 1 : k + 1 + _FORM_NEXT]):
            continue  # the article goes on below it: a button, not the end of the post
        drop = np.zeros(n, dtype=bool)
        drop[k:] = body[k:]
        body[drop] = False
        why[drop] = 28
        return


def _single_form_lines(texts: list[str], idx: npt.NDArray[np.intp]) -> list[int]:
    """The lines of idx that name a comment form or an empty thread (features.names_comment_form)
    and stand once among them, in order: a Q&A page puts "Add a comment" under every post."""
    # names_comment_form reads only lines that hold a stem: the others are skipped in C.
    named = [k for k in _texts_holding(texts, idx, _FORM_LINE_STEMS_ASCII) if names_comment_form(texts[k])]
    if not named:
        return []
    keys = collections.Counter(_FORM_KEY.sub("", texts[k].lower()) for k in named)
    return [k for k in named if keys[_FORM_KEY.sub("", texts[k].lower())] == 1]


# Letters and digits only, for telling whether a form's line stands more than once.
_FORM_KEY = regex.compile(r"[\W_]+")
_FORM_LINE_STEMS_ASCII = tuple(stem.encode("ascii") for stem in _FORM_LINE_STEMS)
# A menu's or a page header's "Comments" link heads no form.
_FORM_BOXES = int(Flag.NAV | Flag.HEADER)
# The form's heading is short: "Leave a Reply", "Schreibe einen Kommentar Antworten abbrechen".
_FORM_WORDS = 8
# Body words above it: one sentence of a post at least (none above: the form opens the page).
# Set on the dev split: 0 to 10 alike; 30 and 60 miss the posts of a photo and one sentence.
_FORM_AFTER = 10
# A paragraph of the content within the next _FORM_NEXT blocks: 20 words or more, mostly
# not links, under no chrome class word (a sidebar's blurb after the form is one).
_FORM_NEXT = 4
_FORM_NEXT_WORDS = 20
_FORM_NEXT_LINKS = 0.5


def keep_key_points(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """The points of an article's key-points box right above its content are body, in HTML and in plain text.

    A story or a guide opens with a box of its main points ("Key takeaways", "Key Points",
    "TL;DR": vocab.KEY_POINTS_RE as a whole line of _KEY_HEAD_WORDS words at most), a sentence
    each, set apart from the text (outside the main container, in a boxed aside) so that each
    point stands alone among chrome. They are the article's summary in its own words. The lines
    right under such a heading, each of _KEY_ITEM_WORDS words or more with under half of it
    linked, up to _KEY_ITEMS of them, join the body with their heading, when there are two or
    more and a body block stands within _KEY_GAP blocks after the last (a table of contents may
    stand between box and text).
    """
    texts = seg.texts
    n = len(body)
    if n < _KEY_MIN_ITEMS + 2:
        return
    # A point: chrome, long enough, not a link. Only a short line with two points under it (the
    # _KEY_MIN_ITEMS) is searched for the heading's words: a few lines a page.
    # (_all_of's one pass a mask, where numpy's seven operations took ~2 us a page more.)
    point = _all_of(n, ((body, "not", 0), (f.n_words, ">=", _KEY_ITEM_WORDS), (f.link_density, "<", _KEY_ITEM_LINKS)))
    heads = _all_of(n - 2, ((f.n_words[: n - 2], "<=", _KEY_HEAD_WORDS), (point[1 : n - 1], "is", 0), (point[2:], "is", 0)))
    for k in _texts_holding(texts, heads.nonzero()[0], _KEY_STEMS_ASCII):
        if KEY_POINTS_RE.fullmatch(texts[k]) is None:
            continue
        j = k + 1
        while j < n and j - k <= _KEY_ITEMS and point[j]:
            j += 1
        if j - k - 1 < _KEY_MIN_ITEMS or not body[j : j + _KEY_GAP].any():
            continue
        for i in range(k, j):
            if not body[i]:
                body[i] = True
                why[i] = 93


# The heading: four words at most ("Key takeaways:", "Das Wichtigste in Kürze"); two points or more
# of four words or more each, up to eight; the text within 12 blocks below them (a table of contents
# between: the dev pages' longest held ten lines).
_KEY_HEAD_WORDS = 4
_KEY_ITEM_WORDS = 4
_KEY_ITEM_LINKS = 0.5
_KEY_ITEMS = 8
_KEY_MIN_ITEMS = 2
_KEY_GAP = 12
# Every match of vocab.KEY_POINTS_RE holds one of these (lowercase ASCII; "tl;", "tldr" and "tl dr"
# rather than "tl": the stems' search skips ahead by its shortest stem).
_KEY_STEMS_ASCII = (b"key", b"main", b"takeaway", b"tl;", b"tldr", b"tl dr", b"wichtigste", b"essentiel", b"retenir", b"clave", b"resumen")


def drop_repeats(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A body block that repeats an earlier body block word for word, in another container, is chrome.

    A gallery's caption stands under the picture and again in the slideshow's overlay; a
    story's first paragraphs stand again in a summary box or a printable copy; an offer's
    blurb in every card of a grid. The reader reads it once. Repeats among siblings (the
    same paragraph twice in one container), or in two plain containers of one shape (two
    <div> sections of an article, with no class to tell them apart), are left alone: that is
    the text as written. Short lines repeat in content ("Yes", "Step 1", a table's cells):
    only blocks of _REPEAT_WORDS words or more count.
    """
    seen: dict[str, int] = {}
    texts, elems, parent, classes = seg.texts, seg.elems, seg.elem_parent, seg.elem_class

    def plain(p: int) -> bool:  # a container without a class (the root has none)
        return p < 0 or not classes[p]

    # features._repeated marks every text that stands twice on the page (case-folded): a body text
    # that repeats another is one of them. Most pages have none among their long body blocks, which
    # this one pass finds without hashing the texts (a set of them hashed each whole: ~1 ns a byte).
    if not _any(_all_of(len(body), ((body, "is", 0), (f.n_words, ">=", _REPEAT_WORDS), (f.repeated, ">", 0)))):
        return
    long = (body & (f.n_words >= _REPEAT_WORDS)).nonzero()[0].tolist()
    if len(set(map(texts.__getitem__, long))) == len(long):
        return  # no text repeats (most pages): a set (made by map, no bytecode a block) is cheaper than the walk below
    for i in long:
        text = texts[i]
        first = seen.get(text)
        if first is None:
            seen[text] = i
            continue
        a, b = parent[elems[first]], parent[elems[i]]
        if a != b and not (seg.paths[first] == seg.paths[i] and plain(a) and plain(b)):
            body[i] = False
            why[i] = 19


# A caption, a pull quote: a sentence, not a label.
_REPEAT_WORDS = 5


# Tags whose text is the page's chrome wherever else it is printed again.
_CHROME_TAGS = Flag.FOOTER | Flag.NAV | Flag.ASIDE


def drop_chrome_copies(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A body block that repeats, word for word, a chrome block in <footer>, <nav> or <aside> is chrome.

    A responsive theme prints its footer's or sidebar's widgets twice, once for wide screens
    and once for narrow ones, and only one copy sits in the tag that says what it is: the
    other copy (testimonials, an "about us" blurb, a promo) stands in plain <div>s and reads as
    prose. The tagged copy names both.
    """
    if f.mode != "html" or not _any(body):
        return
    if not _any(_all_of(len(body), ((body, "is", 0), (f.n_words, ">=", _REPEAT_WORDS), (f.repeated, ">", 0)))):
        return
    texts = seg.texts
    tagged = _all_of(len(body), ((body, "not", 0), (f.flags, "some", _CHROME_TAGS), (f.repeated, ">", 0)))
    tagged &= (f.flags & (Flag.ARTICLE | Flag.MAIN)) == 0
    if not _any(tagged):
        return
    chrome = {texts[i] for i in tagged.nonzero()[0].tolist()}
    cand = _all_of(len(body), ((body, "is", 0), (f.n_words, ">=", _REPEAT_WORDS), (f.repeated, ">", 0), (f.flags, "none", Flag.HEADING)))
    drop = [i for i in cand.nonzero()[0].tolist() if texts[i] in chrome]
    # Own text first: on a page that is what its footer sums up (an "about us" page whose blurb
    # the footer repeats), the copy opens the body and stays.
    if drop and _any(_all_of(drop[0], ((body[: drop[0]], "is", 0), (f.n_words[: drop[0]], ">=", _REPEAT_WORDS)))):
        body[drop] = False
        why[drop] = 105


# A line of fewer words under "author" is a byline (names, a date, "X, on behalf of the Y
# team"); a bio is a few sentences.
_BIO_WORDS = 15

# Up to this share of the body's words: beyond it, the page is about what the word names.
_CHROME_ONLY_MAX_SHARE = 0.75


_CELL_KINDS = frozenset({"td", "th"})
# A cell of this many words holds running text or a whole article, not a field of a record.
_LAYOUT_CELL_WORDS = 100


def drop_trailing_chrome(f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """Body blocks under chrome class words, after the content's last block outside them, are chrome.

    Inside the main container, after the article, sit disclaimers, newsletter pitches, author
    boxes and "more on this" lists under class names that say so (related, share, newsletter,
    author ...); their sentences pass block by block. Once the last body block outside such
    containers has come, what follows under them is dropped, provided it is a small part of
    the body (a quarter of its words, or 40 words after a short post): a page whose content
    itself sits under such a name keeps it. A trailing part that is mostly list items (a
    slideshow's captions, a rail of related posts, a sidebar's widgets) is dropped however
    long: an article continued under a chrome class word runs on in paragraphs, not in list
    items.
    """
    if f.mode != "html" or not _any(body):
        return
    n = len(body)
    plain = _all_of(n, ((body, "is", 0), (f.flags, "none", Flag.NEG_CLASS))).nonzero()[0]
    if not len(plain):
        return
    drop = _all_of(n, ((body, "is", 0), (f.flags, "some", Flag.NEG_CLASS)))
    drop[: plain[-1] + 1] = False
    if not _any(drop):
        return
    words = f.n_words[drop].sum()
    listed = f.n_words[drop & ((f.flags & Flag.LIST) != 0)].sum()
    small = words <= max(_TRAILING_SHARE * f.n_words[body & ~drop].sum(), _TRAILING_MIN_WORDS)
    if not small and listed < _TRAILING_LISTED * words:
        return
    body[drop] = False
    why[drop] = 9


def drop_far_tail(f: Features, scores: FloatArray, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """Small groups of body blocks far below the content are a footer's or a sidebar's.

    Body blocks fall into groups split by gaps of _TAIL_GAP chrome blocks or more (data
    table cells do not count: a long table splits no article) that hold _TAIL_GAP_WORDS
    words of chrome or more. The content is the group worth the most score. After it, a
    group that follows such a gap goes, and everything after it with it, when that group
    is under _TAIL_SHARE of the content's words: an "about this site" box, a copyright
    line, a "latest posts" widget that passed block by block. A listing page's items
    (reason 8) are many groups of equal standing and stay.

    In a plain-text page the lines are finer than blocks and an article's tables and lists
    split it into many groups, so only the page's last lines go: a last group of at most
    _TEXT_TAIL_LINES lines that ends within _TEXT_TAIL_END lines of the page's end, after
    a gap of _TEXT_TAIL_GAP lines (the footer's small print under its menu).
    """
    if not _any(body):
        return
    html = f.mode == "html"
    idx = body.nonzero()[0]
    if not html and len(f) - 1 - int(idx[-1]) > _TEXT_TAIL_END:
        return
    gap, gap_words = (_TAIL_GAP, _TAIL_GAP_WORDS) if html else (_TEXT_TAIL_GAP, _TEXT_TAIL_GAP_WORDS)
    # No gap wide enough even counting every block: first by all the blocks between the first and
    # the last body block (a gap of over `gap` blocks holds `gap` of them at least; one subtraction,
    # most pages stop here), then gap by gap.
    if int(idx[-1] - idx[0]) - (len(idx) - 1) < gap or not _any(np.diff(idx) > gap):
        return
    if _any(why == 8):
        return
    chrome = ~body & ((f.flags & Flag.TABLE) == 0)
    blocks = np.concatenate(([0], np.cumsum(chrome)))
    words = np.concatenate(([0.0], np.cumsum(np.where(chrome, f.n_words, 0.0))))
    wide = (blocks[idx[1:]] - blocks[idx[:-1] + 1] >= gap) & (words[idx[1:]] - words[idx[:-1] + 1] >= gap_words)
    cuts = wide.nonzero()[0] + 1
    if not len(cuts):
        return
    starts = np.concatenate(([0], cuts))
    ends = np.concatenate((cuts, [len(idx)]))
    worth = np.add.reduceat(np.maximum(scores[idx], 0.0), starts)
    main = int(np.argmax(worth))
    if main == len(starts) - 1:
        return
    main_words = f.n_words[idx[starts[main] : ends[main]]].sum()
    if f.n_words[idx[starts[main + 1] : ends[main + 1]]].sum() > _TAIL_SHARE * main_words:
        return
    tail = idx[starts[main + 1] :]
    if not html and (main + 2 != len(starts) or len(tail) > _TEXT_TAIL_LINES):
        return
    body[tail] = False
    why[tail] = 17


# 0.25, set on the dev split (0.1 helps nearly as much; with no limit, pages whose whole
# article sits under a chrome class word lose it after their byline).
_TRAILING_SHARE = 0.25
# ... unless this share of its words stands in list items (0.8: a list with a lead-in line or two).
_TRAILING_LISTED = 0.8
# A box of up to 40 words (two or three sentences) goes whatever the body's size: after a post
# of a title and a few lines, an "about this site" box is more than a quarter of it.
_TRAILING_MIN_WORDS = 40


# A far tail: 20 chrome blocks and 100 words of chrome between it and the content (10-30
# blocks, 50-200 words alike on the dev split), and half the content's words at most (with
# no limit, a listing's second half went).
_TAIL_GAP = 20
_TAIL_GAP_WORDS = 100.0
_TAIL_SHARE = 0.5
# In a plain-text page: a last group of 6 lines at most, ending 5 lines or less before the
# page's end, after 15 lines and 30 words of chrome (10-15 lines alike on the dev split; a last
# group of 10 lines took a page's closing paragraphs). 30 words since session 11: a footer's
# menu of one- and two-word entries over the small print (scrapinghub-aeb +0.0009 dev; 50 in
# session 8, when 30-50 were alike; 20 alike now).
_TEXT_TAIL_GAP = 15
_TEXT_TAIL_GAP_WORDS = 30.0
_TEXT_TAIL_END = 5
_TEXT_TAIL_LINES = 6


# A run: three alike siblings or more (two could be a paragraph and its caption), a third
# of them body already (0.2-0.3 alike on the dev split; 0.5 kept half the gain); a block of
# three quarters link text or more stays out (with no limit trafilatura-eval lost its "read
# more" lines to the body). Up to 0.5 until session 14: a blog index's linked title with its
# date beside it is 0.5-0.75 link text (0.67 kept two thirds of the gain of 0.75, 0.85 lost
# trafilatura-eval -0.0004 to bare link lines).
_RUN_ITEMS = 3
_RUN_BODY_SHARE = 0.3
_RUN_MAX_LINKS = 0.75


# A body under this many words is too small to be a page's content on its own (60: set on
# the dev split; 100-150 help listings more but take teasers into short articles).
_LISTING_MAX_BODY_WORDS = 60
# A listing: at least 4 alike items with 200 characters of text between them.
_LISTING_MIN_ITEMS = 4
_LISTING_MIN_CHARS = 200.0
# A paragraph of an article: 20 words ending like a sentence (15-20 alike on the dev split; 40
# left a two-sentence post to a sidebar's rail).
_LISTING_ARTICLE_WORDS = 20


# smooth_labels' and keep_alike_runs' compiled twins (boilerstrip/_kernels.pyx) when they are built and label the probes alike.
from .parse._compiled import choose_kernel  # noqa: E402  (needs everything above)

smooth_labels = choose_kernel("smooth_labels", smooth_labels)
keep_alike_runs = choose_kernel("keep_alike_runs", keep_alike_runs)
_texts_hold = choose_kernel("texts_hold", _texts_hold)
_all_of = choose_kernel("all_of", _all_of)
_container_subtrees = choose_kernel("container_subtrees", _container_subtrees)
_third_slide = choose_kernel("third_slide", _third_slide)
_any = choose_kernel("any_true", _any)
_holds_tag = choose_kernel("holds_tag", _holds_tag)
_tags_are = choose_kernel("tags_are", _tags_are)
_nearest_marked = choose_kernel("nearest_marked", _nearest_marked)
_texts_holding = choose_kernel("texts_holding", _texts_holding)
_short_holding = choose_kernel("short_holding", _short_holding)
_story_candidates = choose_kernel("story_candidates", _story_candidates)
_sibling_items = choose_kernel("sibling_items", _sibling_items)
_alike_groups = choose_kernel("alike_groups", _alike_groups)
_subtree_sums = choose_kernel("subtree_sums", _subtree_sums)
_item_slots = choose_kernel("item_slots", _item_slots)
_doubled_candidates = choose_kernel("doubled_candidates", _doubled_candidates)
_grid_word_sums = choose_kernel("grid_word_sums", _grid_word_sums)
_name_bio_candidates = choose_kernel("name_bio_candidates", _name_bio_candidates)
_may_digit = choose_kernel("may_digit", _may_digit)
_may_hold_lines = choose_kernel("may_hold_lines", _may_hold_lines)
_link_heading_candidates = choose_kernel("link_heading_candidates", _link_heading_candidates)
_runs_between = choose_kernel("runs_between", _runs_between)


def keep_text_short_gaps(f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page with no article, the lines between two short body lines are body (session 23).

    keep_text_gaps fills a gap inside the main region only. A shop's product page, a service
    page or a collection has no running text to make a region: its body is short lines the
    later steps took (a product's facts, a section's heading and blurb, a list's lead-in), and
    the lines between two of them (an option's sizes, a spec row, a list's items) are the same
    content too short to pass alone, where HTML mode keeps them by their container. A run of up
    to _TEXT_GAP lines that are not body joins when the body lines on either side are under
    _SHORT_GAP_WORDS words each, no step has set any of its lines, and it holds no date and no
    repeated label without a sentence end (keep_text_gaps' test). Not on a page whose body holds
    three paragraphs (keep_text_listing's article): between an article's lines stand its
    captions, bylines and "more on this" boxes. Runs after the drop steps, so a line they took
    out stays out and a run that holds one is left as it is.
    """
    n = len(body)
    if n < 3 or f.mode != "text":
        return
    if np.count_nonzero(body & (f.n_words >= _LIST_PARAGRAPH)) >= 3:
        return
    starts, ends = _runs_of(~body)
    inner = (starts > 0) & (ends < n) & (ends - starts <= _TEXT_GAP)
    starts, ends = starts[inner], ends[inner]
    short = (f.n_words[starts - 1] < _SHORT_GAP_WORDS) & (f.n_words[ends] < _SHORT_GAP_WORDS)
    starts, ends = starts[short], ends[short]
    if not len(starts):
        return
    # A run that holds a line a step has set (a dropped notice, a credit) is left as it is.
    touched = np.concatenate(([0], np.cumsum(why != 0)))
    untouched = touched[ends] == touched[starts]
    add = _spans(n, starts[untouched], ends[untouched])
    add &= ~((f.repeated > 0) & (f.sentence_end == 0)) & (f.date_like == 0)
    body |= add
    why[add] = 115


# Body lines under 20 words on either side: a list's lead-in, a heading, a product's fact, not a
# paragraph (15 gained half as much on the dev splits: docs/design.md).
_SHORT_GAP_WORDS = 20


def keep_text_without_prose(f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page that every step left empty, the plain lines are body.

    A shop's product page or a grid of products holds no running text: a dump of it is short
    lines (a name, a code, a feature, a price), the only region found is the cookie notice
    (which drop_text_consent then takes out) or none, and the page comes out empty, where HTML
    mode finds the product by its containers. An empty result is the worst answer for a page
    with text: the lines of _PLAIN_LINE_WORDS words or more that stand once on the page (a
    menu's entries and the buttons under each item recur) and that no step has dropped (the
    notice) are kept instead. Runs after the other text steps (drop_language_menus alone
    follows), on the body they made: only an empty page moves.
    """
    if f.mode != "text" or not len(body) or _any(body):
        return
    keep = (f.repeated == 0) & (f.n_words >= _PLAIN_LINE_WORDS) & (why == 0)
    body |= keep
    why[keep] = 55


# Two words: a one-word line is a menu entry or a button ("Sony", "Compare") as often as a field.
_PLAIN_LINE_WORDS = 2


def keep_text_sections(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the sections of short sentences around the main region are body.

    A landing page sets its pitch as sections of a heading and one or two short sentences;
    the region search takes the section with the longest lines (often the closing FAQ) and
    leaves the rest, which HTML mode keeps by their common container. Walking out of the main
    region's body lines, each sentence (_SECTION_WORDS words or more, function words, a full
    stop, not cut short, no date) within _SECTION_GAP lines of the last one taken extends it,
    up to a date line; when one side's extension holds _SECTION_MIN sentences or more and
    their words come to _SECTION_RATIO of the region's body words, it joins the body with the
    headings and short lines among them, and so do the short lines between the region's first
    and last body lines. An article's teasers below it are fewer and shorter.
    """
    n = len(body)
    if n < 3 or f.mode != "text":
        return
    anchor = (body & (f.main > 0)).nonzero()[0]
    if not len(anchor):
        return
    candidate = (f.n_words >= _SECTION_WORDS) & (f.stopword_ratio >= 0.2) & (f.sentence_end > 0)
    candidate &= (f.ellipsis == 0) & (f.date_like == 0)
    at = [i for i in candidate.nonzero()[0].tolist() if seg.texts[i].rstrip(_CLOSERS).endswith(".")]
    if len(at) < _SECTION_MIN:
        return
    dated = np.concatenate(([0], np.cumsum(f.date_like > 0)))
    need = _SECTION_RATIO * float(f.n_words[anchor].sum())
    lo, hi = int(anchor[0]), int(anchor[-1])
    add = np.zeros(n, dtype=bool)
    for edge, side in ((hi, [i for i in at if i > hi]), (lo, [i for i in at if i < lo][::-1])):
        taken, words = 0, 0.0
        for i in side:
            a, b = min(edge, i), max(edge, i)
            if b - a > _SECTION_GAP or dated[b] - dated[a + 1] > 0:
                break
            edge, taken, words = i, taken + 1, words + float(f.n_words[i])
        if taken >= _SECTION_MIN and words >= need:
            # The region's own short lines are sections' headings and items too: the span
            # from the extension's end to the region's far end joins.
            add[min(edge, lo) : max(edge, hi) + 1] = True
    add &= ~body
    body |= add
    why[add] = 47


def drop_text_after_copyright(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, the body lines below the footer's copyright line are chrome.

    A page's footer ends with its copyright line; a dump sets after it what the page lays
    over its content (a cookie dialog's settings, a popup's pitch), worded as prose and long
    enough to be a region of their own. When the last short line naming a copyright with a
    year (vocab.COPYRIGHT_RE) has _COPYRIGHT_BELOW body words or more below it, and more above
    it, the body lines below go; so they do whatever stands above when one of them names
    cookies as drop_text_consent reads it (a dialog longer than a landing page's pitch).
    """
    n = len(body)
    if n < 3 or f.mode != "text" or not _any(body):
        return
    last_body = int(body.nonzero()[0][-1])
    short = ((f.n_words <= _COPYRIGHT_WORDS) & ~body).nonzero()[0]
    short = short[short < last_body]
    at = -1
    for i in short[::-1].tolist():
        if COPYRIGHT_RE.search(seg.texts[i]) is not None:
            at = i
            break
    if at < 0:
        return
    words = np.where(body, f.n_words, 0.0)
    below = float(words[at:].sum())
    drop = body[at:].nonzero()[0] + at
    texts = seg.texts
    notice = any(_names_consent(texts[i]) for i in drop.tolist())
    if (float(words[:at].sum()) <= below and not notice) or below < _COPYRIGHT_BELOW:
        return
    body[drop] = False
    why[drop] = 49


# A copyright line is short: 15 words at most (a footer's last line runs its links on: "© 2026
# Example / Locations / Terms / Privacy"; 30 words alike). Below it, 80 body words or more: a
# consent dialog's settings; a popup's two lines of pitch ("In a hurry? Give us a call") were
# the content of a wcxb-dev page (with no floor: wcxb-dev dev -0.0002 and one more failure; with
# 40 words, a held-out dragnet page lost 0.34, which 80 leaves alone: chosen after seeing it).
_COPYRIGHT_WORDS = 15
_COPYRIGHT_BELOW = 80


# Sentences of six words or more ending in a full stop (a headline ends in "!" or "?" or in
# nothing), up to seven lines apart, three of them at least, holding a third of the region's words
# or more (0.35): a landing page's sections (wcxb-dev service pages). A gap of 8 or 10 lines took a
# held-out scrapinghub-aeb page's teasers (-0.013 on it); a ratio of 0 took a German magazine's
# teasers under its article (trafilatura-eval -0.0012), 0.5 and 1.0 keep less of wcxb-dev's gain;
# without repeated lines (a pricing table repeats its features per plan) wcxb-dev gained +0.0004.
_SECTION_WORDS = 6
_SECTION_GAP = 7
_SECTION_MIN = 3
_SECTION_RATIO = 0.35
_CLOSERS = " \"'\u201d\u2019\u00bb)"


def drop_text_after_form(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, body lines from a comment form's heading on are chrome; a short post above it is body.

    The text-mode twin of drop_after_comment_form: the first line that names a comment form or
    an empty thread (features.names_comment_form: "Leave a Reply", "No comments yet."), of
    _FORM_WORDS words at most, standing once among the page's short lines, with no paragraph
    (_FORM_NEXT_WORDS words) within _FORM_NEXT lines after it, ends the body. When the body above
    it is under _FORM_AFTER words (a post of a photo and a sentence, the body a sidebar's blurb
    below the form), the post's lines just above it (up to _SHORT_POST_LINES lines, below the
    nearest date line among them: the post's byline) become the body.
    """
    n = len(body)
    if n < 2 or f.mode != "text" or not _any(body):
        return
    forms = _single_form_lines(seg.texts, ((f.n_words <= _FORM_WORDS) & (f.n_words >= 1)).nonzero()[0])
    if not forms:
        return
    words = np.where(body, f.n_words, 0.0)
    before = np.cumsum(words) - words
    para = f.n_words >= _FORM_NEXT_WORDS
    for k in forms:
        if _any(para[k + 1 : k + 1 + _FORM_NEXT]):
            continue
        drop = np.zeros(n, dtype=bool)
        drop[k:] = body[k:]
        if not _any(drop):
            return
        add = np.zeros(n, dtype=bool)
        if before[k] < _FORM_AFTER:
            if float(words[k:].sum()) > _SHORT_POST_BELOW:
                return  # a button above the article: the post below it is the body
            lo = max(k - _SHORT_POST_LINES, 0)
            dated = (f.date_like[lo:k] > 0).nonzero()[0]
            post = float(f.n_words[lo:k].sum())
            if len(dated):
                lo += int(dated[-1]) + 1
                post = float(f.n_words[lo:k].sum())
                title = lo - 2  # the post's headline above its date line
                if title >= 0 and f.n_words[title] <= _SHORT_POST_TITLE_WORDS:
                    add[title] = not body[title]
                    post += float(f.n_words[title])
            add[lo:k] = ~body[lo:k]
            if post < _FORM_AFTER:
                return  # no sentence above it: a shop's or a recipe's button, the text below
        body[drop] = False
        why[drop] = 29
        body[add] = True
        why[add] = 34
        return


_SHORT_POST_LINES = 6
_SHORT_POST_BELOW = 80.0


def drop_text_after_fields(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, body lines from a form's name and e-mail fields on are chrome (session 22).

    A dump keeps a comment form's field labels ("Name *", "Email *", "Website") where the form
    has no heading drop_text_after_form knows; below them stand the comments, a republishing
    notice, the sidebar's and the footer's prose, which HTML mode leaves out by their containers.
    A name field (vocab.FIELD_NAME_RE) and an e-mail field (vocab.FIELD_MAIL_RE) on short lines
    within _FIELD_SPAN lines of each other end the body at the first of them, when the body
    above holds _FIELD_ABOVE words or more and more than the body below (a newsletter's or a
    contact form above the article leaves it be).
    """
    n = len(body)
    if n < 3 or f.mode != "text" or not _any(body):
        return
    texts = seg.texts
    short = ((f.n_words <= _FIELD_WORDS) & (f.n_words >= 1)).nonzero()[0]
    held = _texts_holding(texts, short, _FIELD_STEMS_ASCII)  # most pages: none
    if len(held) < 2:
        return
    names = [k for k in held if FIELD_NAME_RE.fullmatch(texts[k]) is not None]
    if not names:
        return
    mails = [k for k in held if FIELD_MAIL_RE.fullmatch(texts[k]) is not None]
    pairs = [min(a, b) for a in names for b in mails if abs(a - b) <= _FIELD_SPAN]
    if not pairs:
        return
    k = min(pairs)
    words = np.where(body, f.n_words, 0.0)
    above = float(words[:k].sum())
    below = float(words[k:].sum())
    if above < _FIELD_ABOVE or below >= above or below == 0.0:
        return
    drop = np.zeros(n, dtype=bool)
    drop[k:] = body[k:]
    body[drop] = False
    why[drop] = 117


# The fields' labels: "Your name: *", "E-Mail-Adresse (erforderlich)" (4 words at most), within 3
# lines (a "Website" or a "Label" line between them).
_FIELD_WORDS = 4
_FIELD_SPAN = 3
# Body words above the form: a post's text (100: a short intro over a form that heads the page stays).
_FIELD_ABOVE = 100.0
_FIELD_STEMS_ASCII = tuple(stem.encode("ascii") for stem in ("name", "nom", "naam", "imi", "mail", "courriel", "correo"))


def drop_text_form_notices(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, body lines from a comment form's notice on are chrome (session 23).

    A blog engine's comment form carries notices its template sets for the reader or its script
    to show (vocab.COMMENT_NOTICE_RE: "Your email address will not be published. Required fields
    are marked *", "Notify me of follow-up comments by email.", "You may use these HTML tags and
    attributes:", "This is only a preview. Your comment has not yet been posted.", "The letters
    and numbers you entered did not match the image."). HTML mode leaves them out with the form;
    a dump keeps them as sentences of their own in the main region, where the form has no heading
    drop_text_after_form knows, and below them the thread, the sidebar's and the footer's prose.
    Every body line of _NOTICE_WORDS words at most that opens with such a notice is chrome, and
    the first such line (body or not) ends the body when _NOTICE_ABOVE body words or more stand
    above it (the post): a post of a photo and a caption keeps what stands below its form.
    """
    n = len(body)
    if n < 2 or f.mode != "text" or not _any(body):
        return
    inside = body.nonzero()[0]
    first, last = int(inside[0]), int(inside[-1])
    words = f.n_words[first : last + 1]
    short = ((words <= _NOTICE_WORDS) & (words >= _NOTICE_MIN_WORDS)).nonzero()[0] + first
    texts = seg.texts
    held = _texts_holding(texts, short, _NOTICE_STEMS_ASCII)  # most pages: none
    notices = [i for i in held if COMMENT_NOTICE_RE.match(texts[i]) is not None]
    if not notices:
        return
    drop = np.zeros(n, dtype=bool)
    drop[notices] = body[notices]
    k = notices[0]
    if float(f.n_words[:k][body[:k]].sum()) >= _NOTICE_ABOVE:
        drop[k:] = body[k:]
    body[drop] = False
    why[drop] = 120


# A notice is a line or two (the dev dumps': 5-30 words; "You may use these HTML tags" lists the
# tags after it, 40 words and more); the shortest, "* Email will not be published", has 5.
_NOTICE_MIN_WORDS = 4
_NOTICE_WORDS = 60
# Body words above it: a post's paragraph.
_NOTICE_ABOVE = 30.0
# Lowercase ASCII stems of vocab.COMMENT_NOTICE_RE's wordings (the e-mail's promise, the required
# fields, the reply boxes, the markup, the script's messages), for finding its lines in C: each
# wording, single-spaced, holds one; a word alone ("publi", "html", "comment") took 2.3 lines a
# dump to the pattern, these 0.02 (17 of wcxb-dev's 931 dumps).
_NOTICE_STEMS_ASCII = tuple(
    stem.encode("ascii")
    for stem in (
        "not be publ", "never be publ", "not publ", "never publ", "be shared", "not shared", "never shared",
        "be displayed", "not displayed", "never displayed", "pas publi", "publicad", "pubblicat", "gepubliceerd",
        "ffentlicht", "required fields", "markiert", "champs obligat", "campos obligat", "campi obbligat", "campos obrigat",
        "vereiste velden", "notify me", "benachrichtige mich", "venez-moi", "html tags", "html-tags", "only a preview",
        "your comment", "are moderated", "letters and numbers", "trouble reading",
    )
)


def drop_text_above_crumb(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, body lines above the breadcrumb trail that heads the article are chrome (session 18).

    A blog's template sets its trail ("Home / Positioning your startup", "You are here: Home »
    Design » Title") right above the post's headline, which repeats the trail's last item on
    the next line; what stands above the pair is the site's header and its widgets (an "About"
    box, a testimonial, a book's pitch), whose long glued lines outweigh a short post in the
    region search. The first short line (_CRUMB_WORDS words at most) that splits into 2 to
    _CRUMB_PARTS items at "/", "»", ">", "›" or "|", the last of two words or more and the
    whole next line, with _CRUMB_BELOW words of body below it, makes the body above it chrome.
    """
    n = len(body)
    if f.mode != "text" or n < 3 or not _any(body):
        return
    texts = seg.texts
    last = int(body.nonzero()[0][-1])
    # The trail is longer than the headline after it (the items before it): a cheap first test.
    cand = (f.n_words[:last] <= _CRUMB_WORDS) & (f.n_words[1 : last + 1] >= 2) & (f.n_words[1 : last + 1] < f.n_words[:last])
    for k in cand.nonzero()[0].tolist():
        t = texts[k].strip()
        if not t.endswith(texts[k + 1].strip()) or not _CRUMB_CHARS.search(t):
            continue
        parts = _CRUMB_SEP.split(t)
        if not 2 <= len(parts) <= _CRUMB_PARTS:
            continue
        head = parts[-1].strip()
        if len(head.split()) < 2 or head != texts[k + 1].strip():
            continue
        if not _any(body[:k]) or float(f.n_words[k + 1 :][body[k + 1 :]].sum()) < _CRUMB_BELOW:
            return
        drop = body.copy()
        drop[k:] = False
        body[drop] = False
        why[drop] = 84
        return


# Session 18, text mode (dev split): the pattern stands on 58 dev dumps, with body above it on 7.
_CRUMB_CHARS = regex.compile(r"[/»>›|]")
_CRUMB_SEP = regex.compile(r"\s*[/»>›|]\s*")
_CRUMB_WORDS = 30
_CRUMB_PARTS = 8
_CRUMB_BELOW = 50.0


def keep_text_short_post(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a short post above its comment thread is body (session 18).

    With the thread cut (drop_text_comments) the body above it is under _FORM_AFTER words
    when the post is a photo and a line or two ("prepping for a new week."): the region search
    had taken the comments, and with them gone the page would fall to keep_text_without_prose,
    which takes every line back. The post is the lines from its date line (the nearest within
    _THREAD_POST_LINES lines above the thread: a byline, the day's header) to the thread or to
    the first line that ends a post before it (vocab.POST_END_RE: "Tags: ...", "Previous post:
    ..."), and the headline right above that date line when it is short (_SHORT_POST_TITLE_WORDS).
    """
    c = f.comments_from
    if c < 1 or len(body) < 2 or f.mode != "text":
        return
    if float(f.n_words[:c][body[:c]].sum()) >= _FORM_AFTER:
        return  # the article above the thread was found
    lo = max(c - _THREAD_POST_LINES, 0)
    dated = (f.date_like[lo:c] > 0).nonzero()[0]
    if not len(dated):
        return
    d = lo + int(dated[-1])
    if d + 1 >= c:
        return  # no line between the date and the thread
    end = c
    for i in range(d + 1, c):
        if POST_END_RE.match(seg.texts[i]) is not None:
            end = i  # the post's tags or its links to the posts before and after it: the post ends
            break
    add = np.zeros(len(body), dtype=bool)
    add[d:end] = ~body[d:end]
    if d >= 1 and f.n_words[d - 1] <= _SHORT_POST_TITLE_WORDS:
        add[d - 1] = not body[d - 1]
    body[add] = True
    why[add] = 61


# The post's date line within 8 lines above its thread (features._SHORT_POST_LINES).
_THREAD_POST_LINES = 8
_SHORT_POST_TITLE_WORDS = 12


def keep_text_lone_post(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """In a plain-text page, a blog's one post is the body when the body found is a short text beside it (session 20).

    The text twin of features._lone_post. A post of a dated heading and a few short lines (a
    list of links, a photo's caption) has no value in the region search, and the sidebar's
    "About me" blurb or a widget's sentence takes the region. Blog templates close a post with
    its footer: a line that says who posted it ("posted by Jane @ 6:01 PM", "Posted by Jane"),
    the comment count right under it ("0 Comments:", "3 responses"). When the page has exactly
    one such footer (a blog's front page closes every post with one) and the body is under
    _LONE_POST_WORDS words, the post is the lines from the nearest date line above the footer
    (within _LONE_POST_LINES: the day's heading or the post's dateline) down to it, and the
    body found before is chrome. Movable Type's "« Older | Main | Newer »" links, once on the
    page, open the post the same way (_navigated_post).
    """
    n = len(body)
    if n < 3 or f.mode != "text" or float(f.n_words[body].sum()) >= _LONE_POST_WORDS:
        return
    span = _footed_post(seg.texts, f, n)
    if span is None:
        span = _navigated_post(seg.texts, f, n)
        if span is not None and span[1] + 1 < n and body[span[1] + 1]:
            return  # a dateline over the body found: the post's byline, not its footer
    if span is None:
        return
    d, e = span
    if d + 1 >= e or body[d:e].any():
        return  # no line but the date, or the body found is the post's
    post = np.zeros(n, dtype=bool)
    post[d:e] = True
    add = post & ~body
    cut = body & ~post
    body[add] = True
    why[add] = 83
    body[cut] = False
    why[cut] = 87


def _footed_post(texts: list[str], f: Features, n: int) -> tuple[int, int] | None:
    """The lines of the page's one post closed by its footer, or None.

    The footer is a "posted by" line over the comment count, or an empty thread's count over
    the comment form's heading (Blogger's "No comments:" over "Post a Comment").
    """
    ends: list[int] = []
    footed = -1  # the count under the last "posted by" footer
    for i in range(n - 1):
        if f.n_words[i] > _LONE_POST_FOOTER_WORDS:
            continue
        if POSTED_BY_RE.match(texts[i]) is not None:
            for j in range(i + 1, min(i + 1 + _LONE_POST_COUNT_GAP, n)):
                head = _thread_head(texts[j], float(f.n_words[j]))
                if head is not None and head[0] == "count":
                    ends.append(i + 1)
                    footed = j
                    break
        elif i > footed and _COMMENT_FORM.fullmatch(texts[i + 1]) is not None and _empty_count(texts[i], float(f.n_words[i])):
            ends.append(i)
        if len(ends) > 1:
            return None
    if len(ends) != 1:
        return None
    end = ends[0]
    lo = max(end - 1 - _LONE_POST_LINES, 0)
    dated = (f.date_like[lo : end - 1] > 0).nonzero()[0]
    d = lo + int(dated[-1]) if len(dated) else end
    if d + 1 >= end - 1:
        return None  # no date line above, or no line between it and the footer
    return d, end


def _empty_count(text: str, words: float) -> bool:
    """Whether a short line counts no comments: "No comments:", "0 Comments", "0 responses"."""
    if _NO_COMMENTS.fullmatch(text) is not None:
        return True
    head = _thread_head(text, words)
    return head is not None and head[0] == "count" and text.lstrip()[:1] == "0"


def _navigated_post(texts: list[str], f: Features, n: int) -> tuple[int, int] | None:
    """The lines of the page's one post under its engine's links to the posts beside it, or None.

    Movable Type and TypePad set "« Older title | Main | Newer title »" right above a post's page's
    post; the post runs to its footer, the first date line below a line without a date (past its
    date heading and a title that names a day: "Posted at 11:28 AM | Permalink", "11/09/2012 in
    Crafts").
    """
    navs = [i for i in range(n) if f.n_words[i] <= _LONE_POST_NAV_WORDS and POST_NAV_MAIN_RE.fullmatch(texts[i])]
    if len(navs) != 1:
        return None
    d = navs[0] + 1
    lim = min(d + _LONE_POST_LINES, n)
    j = d
    while j < lim and f.date_like[j] > 0:
        j += 1  # the post's date heading, a title that names a day
    for i in range(j, lim):
        # A footer of the post's categories opens with its date ("11/09/2012 in Crafts, Fall
        # Crafts, ..."), too long for date_like's 12 words.
        if f.date_like[i] > 0 or (f.n_words[i] <= _LONE_POST_NAV_WORDS and _DATE.match(texts[i]) is not None):
            return d, i
    return None


# The body found is a blurb: under 200 words (a profile's paragraph; HTML's _LONE_POST_PROSE
# is 1,000 characters of prose weight).
_LONE_POST_WORDS = 200.0
# A post's footer: "posted by Jane @ 6:01 PM", "Posted by Jane on May 4, 2012 at 6:01 PM".
_LONE_POST_FOOTER_WORDS = 12
# The comment count stands right under the footer or one line below (a "Tweet" button between).
_LONE_POST_COUNT_GAP = 2
# The post's date line within 20 lines above its footer: a list or a poem of short lines (8, as
# keep_text_short_post's window, left out a dev page's post of 13 lines).
_LONE_POST_LINES = 20
# The links to the posts beside it: two titles and the word ("« A | Main | B »").
_LONE_POST_NAV_WORDS = 40


# A main container holding fewer body words than this is a post short enough for a sidebar box
# to pass for more of it. In all six sets, body runs detached below a container of under 1,000
# body words were chrome on 13 pages of 14 (the 14th: a section led by its heading, kept); above
# it they were the text on 5 pages of 16 (long articles run on past the container).
_DETACHED_POST_WORDS = 1000.0
# Under this many body words (a short paragraph, as _FEW_WORDS) the post is too short to judge
# a run below by its length: a sidebar's bio outweighs a photo's caption. Above it,
# drop_far_tail's rule holds: a run as long as the text is a second part of it (no page of the
# six sets moved: every box dropped below a longer post was shorter than it).
_SHORTEST_TEXT = 50.0


def drop_detached_boxes(
    f: Features, scores: FloatArray, threshold: float, body: BoolArray, why: npt.NDArray[np.int8]
) -> None:
    """Below a short post, the body outside its main container is a sidebar's box, not the post.

    A blog post of a few lines (a photo's title and caption, a link with a sentence) scores low,
    while the sidebar beside it, set after the post in the page, holds the page's best prose: the
    blogger's "about me" ("I'm a 30-year-old computer scientist ..."), a blurb about the blog, a
    shop's product line. When the main container holds under _DETACHED_POST_WORDS body words,
    the body below its last block and outside it goes where it reads as such a box: a run of body
    that starts more than _LEAD_GAP blocks below the container (a post's text that runs on out of
    the container starts right below it) and is not led by a heading of its own (a section of
    the page) nor, below a text of _SHORTEST_TEXT words or more, as long as the text (a second
    part of it), or a block in a list, an <aside> or a sidebar-classed element. If that leaves the
    page without body, the post comes back instead: the container's blocks within the rescue
    margin of the threshold that are no repeat and in no chrome context (a dateline may be the
    post), and its headings above the first of them (the post's title); if there are none,
    nothing changes. A reader's comment stays (the thread has its own rules; include_comments
    keeps it). HTML mode.
    """
    n = len(body)
    if f.mode != "html" or n < 2 or not _any(body):
        return
    main = f.main > 0
    at = main.nonzero()[0]
    if not len(at):
        return
    last = int(at[-1])
    post_words = float(f.n_words[body & main].sum())
    if last >= n - 1 or post_words >= _DETACHED_POST_WORDS:
        return
    below = body & ~main
    below[: last + 1] = False
    if not _any(below):
        return
    starts, ends = _runs_of(body)
    # A run led by its own heading is a section of the page, not a box's text.
    far = (starts > last + _LEAD_GAP) & (f.heading[starts] == 0)
    if post_words >= _SHORTEST_TEXT:
        # A run as long as a text of its own is a second part of it (drop_far_tail's rule).
        words = np.concatenate(([0.0], np.cumsum(f.n_words)))
        far &= words[ends] - words[starts] < post_words
    drop = _spans(n, starts[far], ends[far]) | ((f.flags & (Flag.LIST | Flag.ASIDE | Flag.NEG_CLASS)) != 0)
    drop &= below & ((f.flags & Flag.COMMENT) == 0)  # a reader's comment: the thread has its own rules
    if not _any(drop):
        return
    rest = body & ~drop
    post = np.zeros(n, dtype=bool)
    if not _any(rest):
        plain = main & ((f.flags & _CHROME_CONTEXT) == 0)
        post = plain & (f.repeated == 0) & (scores - threshold > -_RESCUE_MARGIN)
        if not _any(post):
            return
        # The post's title: the container's headings above its first kept line.
        first = int(post.nonzero()[0][0])
        post[:first] |= plain[:first] & (f.heading[:first] > 0)
    body[drop] = False
    why[drop] = 122
    body |= post
    why[post] = 123


# A post this short (its main container's body words) is one whose title may score below its
# lines: a linked headline over a caption of a few words.
_TITLED_POST_WORDS = 100.0
# The title stands at most this many blocks above the post's first body block (a dateline or a
# meta line between).
_TITLE_GAP = 3


def keep_short_post_titles(f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A short post's title: the container's heading a few blocks above its first body block.

    A blog post of a picture and a line or two has a linked headline (the post's permalink) and
    a meta line ("images - Tags: ... @ 15:34") between it and the text: the link density and the
    meta line keep the heading out of the body, and the heading chain of smooth_labels only takes
    a heading right above a body block. When the main container holds under _TITLED_POST_WORDS
    body words, its nearest heading at most _TITLE_GAP blocks above its first body block (no body
    block between, in no chrome context) is body. A longer text's title is left to the other
    steps: a headline over a long article is as often a rail's or a section's.
    """
    n = len(body)
    if f.mode != "html" or n < 2:
        return
    inside = body & (f.main > 0)
    if not _any(inside) or float(f.n_words[inside].sum()) >= _TITLED_POST_WORDS:
        return
    first = int(inside.argmax())
    for i in range(first - 1, max(first - 1 - _TITLE_GAP, -1), -1):
        if body[i]:
            return
        if f.heading[i] > 0 and f.main[i] > 0 and not f.flags[i] & _CHROME_CONTEXT:
            body[i] = True
            why[i] = 123
            return


def drop_item_labels(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A grid's template labels and buttons that a grid step joined to the body are chrome.

    The grid steps (keep_grid_items, keep_item_slots, keep_full_grids, keep_priced_grids,
    keep_card_sets, keep_bodiless_grids) join every line of a shop's or a listing's cards: the
    name, the price and the specs, but also each card's buttons and widgets ("Add to Compare",
    "Quick Shop", "Shop Now", "Calculate Shipping", "Sponsored") and the labels a template hides
    for screen readers ("Brand Name", "Price"), the same words in every card. Such a line, of
    _LABEL_WORDS words or fewer with no digit, standing _LABEL_COPIES times or more among the lines
    joined, is dropped when its place (tag path and class) holds that text in _LABEL_SAME of its
    lines: a value that repeats ("Neutral", "Full-Time", a brand) shares its place with other
    values. A label ending in ":" heads the value beside it ("Cushioning:") and stays.
    """
    n = len(body)
    if n == 0 or f.mode != "html" or int(why.max()) < _LEAST_JOIN:
        return  # no grid step's code on the page (one numpy call, before the table's lookup)
    joined = _GRID_JOINS[why.view(np.uint8)]  # one lookup a block (np.isin compares five times)
    if np.count_nonzero(joined) < _LABEL_COPIES:
        return  # most pages: no grid step joined anything
    cand = joined & _all_of(n, (
        (body, "is", 0), (f.repeated, ">", 0), (f.n_words, "<=", _LABEL_WORDS), (f.main, ">", 0), (f.flags, "none", Flag.TABLE),
    ))  # fmt: skip
    if np.count_nonzero(cand) < _LABEL_COPIES:
        return
    texts = seg.texts
    idx = cand.nonzero()[0].tolist()
    keys = [texts[i].strip().lower() for i in idx]
    counts = collections.Counter(keys)
    drop = [
        i
        for i, k in zip(idx, keys, strict=True)
        if counts[k] >= _LABEL_COPIES and not k.endswith(":") and _DIGIT.search(k) is None
    ]
    if not drop:
        return
    # The place of a line: its tag path and its element's class; what every line in that place says.
    paths, elems, classes = seg.paths, seg.elems, seg.elem_class
    wanted = {(paths[i], classes[elems[i]]) for i in drop}
    wanted_paths = {path for path, _ in wanted}
    said: dict[tuple[str, str], collections.Counter[str]] = {}
    for j, path in enumerate(paths):
        if path in wanted_paths:  # the path first: a set's lookup a block, the tuple for a few
            place = (path, classes[elems[j]])
            if place in wanted:
                said.setdefault(place, collections.Counter())[texts[j].strip().lower()] += 1
    out = []
    for i in drop:
        seen = said[(paths[i], classes[elems[i]])]
        if seen[texts[i].strip().lower()] >= _LABEL_SAME * sum(seen.values()):
            out.append(i)
    if out:
        body[out] = False
        why[out] = 124


# The reasons of the grid steps that join an item's other lines, as a table over the int8 codes
# read as bytes (keep_bodiless_grids' 112 stays out: a service page's card labels, "Duration" over
# "8 Min", are its content).
_GRID_JOINS = np.zeros(256, dtype=bool)
_GRID_JOINS[[33, 71, 85, 95, 111]] = True
_LEAST_JOIN = 33
# A button's or a label's words (wcxb-dev's dev split: "Add to Compare", "Calculate Shipping");
# three copies (a related box's two cards are no grid); four in five lines of its place.
_LABEL_WORDS = 4
_LABEL_COPIES = 3
_LABEL_SAME = 0.8
_DIGIT = re.compile(r"\d")


# Smooth steps (session 25, frm)


def drop_reply_subjects(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A reply's subject line that repeats the thread's title ("Re: <title>") is chrome (session 25).

    Forum engines that give every post a subject (phpBB, FluxBB, mailing-list archives) fill a
    reply's with the thread's title behind a reply prefix ("Re: Turning off all LED of RPi 5";
    "AW:", "Antw:", "Rif:", "SV:", "Odp:" in German, Dutch, Italian, the Nordic languages and
    Polish). The line stands in the post's container above the text, once a reply, and passes as
    a heading of the post; it says nothing the title above the thread does not. A body heading
    (HTML; a line in text mode) of _REPLY_SUBJECT_WORDS words at most whose text is the prefix and
    another block's text (the thread's heading) or the page's title goes; a subject of the reply's
    own stays.
    """
    n = len(body)
    if n < 2:
        return
    texts = seg.texts
    # The engines set the subject as the post's heading (<h3>, <h4>); a dump's line has no tag.
    # Only headings in HTML: the prefix test costs ~40 ns a block, 6 us over a page's short blocks.
    short = _all_of(n, ((body, "is", 0), (f.heading, ">", 0) if f.mode == "html" else (f.n_words, "<=", _REPLY_SUBJECT_WORDS))).nonzero()[0]
    # A prefix test in C first (most pages: no block opens with "Re:"), then the pattern.
    cand = [(i, m.group(1)) for i in _lstrip_starts(texts, short, _REPLY_STARTS) if (m := _REPLY_SUBJECT.match(texts[i]))]
    if not cand:
        return
    cand = [(i, rest) for i, rest in cand if f.n_words[i] <= _REPLY_SUBJECT_WORDS]
    cut = {i for i, _ in cand}
    titles = {_fold(texts[j]) for j in range(n) if j not in cut}
    if seg.title:
        titles.add(_fold(seg.title))
    hit = [i for i, rest in cand if _fold(rest) in titles]
    if hit:
        body[hit] = False
        why[hit] = -50


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


# A subject line: a thread's title runs to 15 words or so; the prefix is one more.
_REPLY_SUBJECT_WORDS = 20
# The prefixes as engines write them, with their colon: the C prefix test then passes "Read more"
# and "Reply" (and each start costs: the set of their first letters is made a call).
_REPLY_STARTS = ("Re:", "RE:", "re:", "Re :", "AW:", "Aw:", "Antw:", "Rif:", "SV:", "Sv:", "Odp:")
# One prefix or more ("Re: Re: ...", "AW: Re: ..."), its colon, then the title.
_REPLY_SUBJECT = re.compile(r"\s*(?:(?:re|aw|antw|rif|sv|odp)\s?:\s*)+(\S.*?)\s*$", re.I | re.S)


def drop_template_tags(seg: Segments, f: Features, body: BoolArray, why: npt.NDArray[np.int8]) -> None:
    """A block that is only a template's unfilled tags ("{{ DiscussionBoard.errors[7].message }}") is chrome (session 25).

    A page rendered in the browser ships its template's slots as text: a form's error message, a
    counter or a label that a script fills in ("{{ post.author }}", "{% if user %}"). Where the
    script has not run the slot shows as written, a line no reader sees on the live page. A body
    block (HTML) whose text is nothing but such tags goes; tags in a <pre> block are a manual's
    example and stay, and so do the tags alone on a page whose <pre> blocks show tags (a manual of
    the template language, which names them in its lists), and a sentence that quotes one.
    """
    n = len(body)
    if n == 0 or f.mode != "html" or not _any(body):
        return
    texts = seg.texts
    # Most pages have no body block that opens with "{{" or "{%" (a prefix test in C).
    cand = [i for i in _lstrip_starts(texts, body.nonzero()[0], _TEMPLATE_OPENS) if not f.flags[i] & Flag.PRE]
    if not cand:
        return
    # A page whose code blocks show such tags teaches the template language: there a tag alone
    # is a manual's term ("{{ field.errors }}" over its description) and stays.
    code = _all_of(n, ((body, "is", 0), (f.flags, "some", Flag.PRE))).nonzero()[0]
    if len(code) and _may_hold_lines(texts, code, _TEMPLATE_STEMS):
        return
    hit = [i for i in cand if _TEMPLATE_ONLY.fullmatch(texts[i]) is not None]
    if hit:
        body[hit] = False
        why[hit] = -51


_TEMPLATE_STEMS = (b"{{", b"{%")
_TEMPLATE_OPENS = ("{{", "{%")
_TEMPLATE_ONLY = re.compile(r"\s*(?:(?:\{\{[^{}]*\}\}|\{%[^{}]*%\})\s*)+")
