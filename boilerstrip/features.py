"""Block features as whole arrays, for HTML and plain-text pages alike.

Per-block text statistics (words, link density, stopwords, punctuation) come
from one pass over the block texts; page-level context (the main content
container, repetition, blank-line runs) from array operations over all blocks.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import math
import re
from dataclasses import dataclass
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import regex

from .parse.segment import Flag, Segments, _class_words, _str_holds, declares_product, declares_thread
from .stopwords import guess_language, stopwords_for
from .vocab import CHROME_ONLY_TOKENS, COMMENT_TOKENS, POSITIVE_TOKENS, THREAD_RE
from .vocab import POST_RE as _POST_RE

__all__ = ["CODE_LINE_RE", "FEATURE_NAMES", "FORM_LINE_STEMS", "HEADING_KINDS", "INVISIBLE", "Features", "compute_features", "glued_teasers", "names_comment_form", "subtree_sums", "under_review_class", "within"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

# Words: runs of letters/digits; each Han/Kana character counts as a word (no spaces there).
_WORD = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]|[^\W\p{Han}\p{Hiragana}\p{Katakana}]+")
_PUNCT = regex.compile(r"[\p{P}\p{S}]")
_SENTENCE_END = regex.compile(r"[\p{L}\p{N}\)\]%][\"'”’»)\]]*[.!?。！？…:;]?[.!?。！？…][\"'”’»)\]]*\s*$")
_SENTENCE_BREAK = regex.compile(r"[\p{Ll}\p{N}\)\"'”’][.!?。！？](?:\s|$)")
_ELLIPSIS = regex.compile(r"(?:\.\.\.|…)\s*[\]\)]?\s*$")
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    "september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|"
    "mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|"
    "julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|"
    "settembre|ottobre|dicembre"
)


def word_alternation(words: list[str]) -> str:
    """A pattern for exactly these words, factored on their common starts: "jan(?:uary)?" for "jan|january".

    The same strings as "|".join(words), but a search tries one branch per letter instead of
    every word at every character (a third less time for _DATE). A regex search finds the same
    match: no two of _DATE's month names are followed by the same text (one is the other's
    start, and what follows a name is no letter).
    """
    heads: dict[str, list[str]] = {}
    whole = False
    for word in sorted(set(words)):
        if word:
            heads.setdefault(word[0], []).append(word[1:])
        else:
            whole = True
    if not heads:
        return ""
    branches = [regex.escape(head) + word_alternation(rest) for head, rest in heads.items()]
    if whole:
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_MONTH_NAMES = word_alternation(_MONTHS.split("|"))
_DATE = regex.compile(
    rf"\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}:\d{{2}}\b|"
    rf"\b(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{_MONTH_NAMES})\b",
    regex.I,
)

FEATURE_NAMES = (
    "n_chars",
    "n_words",
    "link_density",
    "text_density",
    "stopword_ratio",
    "punct_ratio",
    "capital_ratio",
    "sentence_end",
    "ellipsis",
    "n_sentences",
    "date_like",
    "position",
    "heading",
    "repeated",
    "blank_before",
    "blank_after",
    "run_lines",
    "run_long",
    "dated",
    "main",
    "card",
)


@dataclass
class Features:
    """Feature arrays of one page's blocks (all of length n) plus page-level facts."""

    mode: str  # "html" or "text"
    n_chars: FloatArray
    n_words: FloatArray
    link_density: FloatArray
    # Words per 80-character line (Kohlschütter et al. 2010): prose ~12, link lists less.
    text_density: FloatArray
    stopword_ratio: FloatArray
    punct_ratio: FloatArray
    # Share of words that start with a capital letter: menus are Title Case.
    capital_ratio: FloatArray
    sentence_end: FloatArray
    # Ends with "..." or "…": a teaser cut short, not a paragraph.
    ellipsis: FloatArray
    n_sentences: FloatArray
    date_like: FloatArray
    position: FloatArray
    heading: FloatArray
    repeated: FloatArray
    blank_before: FloatArray
    blank_after: FloatArray
    # Text mode: lines in this block's run of lines not separated by blank lines.
    run_lines: FloatArray
    # Text mode: long lines in this block's run of lines not separated by blank lines.
    run_long: FloatArray
    # Text mode: date lines among the neighbours beyond the first (comments and feeds
    # put a date on every item; an article has one dateline).
    dated: FloatArray
    # 1 inside the main content container (HTML) or region (text), else 0.
    main: FloatArray
    # HTML: 1 inside a teaser card (one of several alike items led by a linked headline)
    # on a page whose own prose stands outside the cards, else 0. Text: 1 on a line of a rail
    # of teasers glued to their headlines (glued_teasers), else 0.
    card: FloatArray
    flags: IntArray
    # Page-level: share of the page's prose weight inside the main container/region.
    main_share: float
    # Page-level: whether paragraphs on this page are separated by blank lines (text mode).
    blank_style: bool
    language: str | None
    # Page-level, text mode: the first line of the comment thread below the article, or -1.
    comments_from: int = -1
    # Page-level, text mode: whether that line is the first of a run of comment headers with a
    # timestamp (_stamped_thread) rather than the thread's heading.
    comments_stamped: bool = False

    def __len__(self) -> int:
        return len(self.n_chars)

    def row(self, i: int) -> dict[str, float | int | str | bool]:
        """The features of block i as a plain dict (for JSON output and --explain)."""
        out: dict[str, float | int | str | bool] = {}
        for name in FEATURE_NAMES:
            value = float(getattr(self, name)[i])
            out[name] = round(value, 4)
        out["flags"] = int(self.flags[i])
        return out


# Shortcuts for _text_stats. Each holds only for the patterns above as they are now (tests
# compare both paths), so a changed pattern turns them off instead of changing a feature.
_FAST_STATS = (
    _WORD.pattern == r"[\p{Han}\p{Hiragana}\p{Katakana}]|[^\W\p{Han}\p{Hiragana}\p{Katakana}]+"
    and _PUNCT.pattern == r"[\p{P}\p{S}]"
    and _SENTENCE_END.pattern == r"[\p{L}\p{N}\)\]%][\"'”’»)\]]*[.!?。！？…:;]?[.!?。！？…][\"'”’»)\]]*\s*$"
    and _SENTENCE_BREAK.pattern == r"[\p{Ll}\p{N}\)\"'”’][.!?。！？](?:\s|$)"
    and _DATE.pattern
    == (
        rf"\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}:\d{{2}}\b|"
        rf"\b(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{_MONTH_NAMES})\b"
    )
    and _MONTH_NAMES == word_alternation(_MONTHS.split("|"))
    and not any(p.flags & (regex.M | regex.S | regex.X) for p in (_WORD, _PUNCT, _SENTENCE_END, _SENTENCE_BREAK))
)
# Every character \s matches, and str.isspace's (tests check the list against both).
_SPACES = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003"
    "\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Everything _SENTENCE_END may match after its first character: closing quotes and
# brackets, sentence marks and spaces.
_END_TAIL = "\"'”’»)]" + ".!?。！？…:;" + _SPACES
# Character classes for counting over a whole page at once, one bit each: _WORD's two kinds
# of word character, capitals (str.isupper, as for a word's first letter), _PUNCT,
# str.split's whitespace, _SENTENCE_BREAK's three classes, and the digit every form of
# _DATE has. The table holds the basic multilingual plane: the alphabets, punctuation, kana,
# CJK ideographs, Hangul, fullwidth forms and emoji's variation selectors (a test checks
# every one of them against the patterns). Texts with a character beyond it (an emoji; 158
# of the six datasets' first 150 pages' 1,960 such texts before) are read one by one with
# the patterns here; the compiled twin counts them too, with their bits made by classes_of
# 256 code points at a time (parse/_compiled.py, _astral_bits). Up to session 15 the table stopped at U+3100, and every text of a Chinese
# page was read so (4.8 ms for readability-testpages pixnet); 128 KB of table, not 25 KB.
_TABLE_SIZE = 0x10000
_C_WORD = 1 << 0
_C_HAN = 1 << 1
_C_UPPER = 1 << 2
_C_PUNCT = 1 << 3
_C_SPACE = 1 << 4
_C_BEFORE_MARK = 1 << 5
_C_MARK = 1 << 6
_C_AFTER_MARK = 1 << 7
_C_DIGIT = 1 << 8
_CLASS_PATTERNS = (
    (r"[^\W\p{Han}\p{Hiragana}\p{Katakana}]", _C_WORD),
    (r"[\p{Han}\p{Hiragana}\p{Katakana}]", _C_HAN),
    (r"[\p{P}\p{S}]", _C_PUNCT),
    (r"[\p{Ll}\p{N}\)\"'”’]", _C_BEFORE_MARK),
    (r"[.!?。！？]", _C_MARK),
    (r"\s", _C_AFTER_MARK),
    (r"\d", _C_DIGIT),
)


def _codepoints(text: str) -> npt.NDArray[np.uint32]:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


@functools.cache
def _char_classes() -> npt.NDArray[np.uint16]:
    """The class bits of every character below _TABLE_SIZE, from the patterns themselves (~25 ms, once)."""
    return classes_of(np.arange(_TABLE_SIZE, dtype=np.uint32))


def classes_of(codes: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint16]:
    """The class bits of the characters of these code points (no surrogates past the table).

    _char_classes' table, and the blocks of characters past it that count_page's compiled twin
    asks for (parse/_compiled.py, _astral_bits): both made by this one procedure.
    """
    chars = codes.tobytes().decode("utf-32-le", "surrogatepass")
    table = np.zeros(len(codes), dtype=np.uint16)
    for pattern, bit in _CLASS_PATTERNS:
        # Every character the class matches turns into NUL (which no class matches). Holding the
        # GIL through the search (concurrent=False) halves its time on a string this long.
        table[_codepoints(regex.sub(pattern, "\x00", chars, concurrent=False)) != codes] |= bit
    table[np.fromiter(map(str.isupper, chars), dtype=bool, count=len(codes))] |= _C_UPPER
    table[np.fromiter(map(str.isspace, chars), dtype=bool, count=len(codes))] |= _C_SPACE
    return table


def _ellipsis(texts: list[str]) -> FloatArray:
    """1.0 for each text that ends with an ellipsis (_ELLIPSIS), else 0.0."""
    if _ELLIPSIS.pattern != r"(?:\.\.\.|…)\s*[\]\)]?\s*$" or _ELLIPSIS.flags & regex.M:
        return np.fromiter((_ELLIPSIS.search(t) is not None for t in texts), dtype=np.float64, count=len(texts))
    # The match is made of the characters in _ELLIPSIS_TAIL and ends the text: search only
    # the run of them the text ends with.
    search = _ELLIPSIS.search
    tail = _ELLIPSIS_TAIL
    # A text whose last character is not in that set cannot match: most texts end so.
    ends = _ELLIPSIS_ENDS
    return np.fromiter(
        (t[-1:] in ends and search(t, len(t.rstrip(tail))) is not None for t in texts),
        dtype=np.float64,
        count=len(texts),
    )


_ELLIPSIS_TAIL = ".…])" + _SPACES
_ELLIPSIS_ENDS = frozenset(_ELLIPSIS_TAIL)


def _text_stats(
    texts: list[str], stopwords: frozenset[str]
) -> tuple[IntArray, IntArray, IntArray, IntArray, IntArray, IntArray, IntArray, IntArray]:
    """Words, stopwords, punctuation, capitals, sentence end, sentence breaks, date, whitespace tokens.

    Counting happens over all distinct texts of the page at once: their characters are
    classified by table lookup, and the counts are sums over each text's slice, so the
    regex engine only runs where a pattern anchors on a few characters (the sentence
    end, dates). Texts with characters beyond the table, and every text when a pattern
    has changed, go through _text_stats_one.
    """
    uniq = list(dict.fromkeys(texts))
    m = len(uniq)
    out = np.zeros((_STATS, m), dtype=np.int64)
    if m and _FAST_STATS and sum(map(len, uniq)) + m < _CHUNK:
        _count_page(uniq, stopwords, out)  # the whole page fits one batch (nearly every page)
    elif m and _FAST_STATS:
        # Count in batches of about _CHUNK characters: the per-character arrays of one
        # batch bound the memory, however large the page.
        lo, size = 0, 0
        for k, text in enumerate(uniq):
            if len(text) > _CHUNK:
                if k > lo:
                    _count_batch(uniq[lo:k], stopwords, out[:, lo:k])
                _count_batch([text], stopwords, out[:, k : k + 1])
                lo, size = k + 1, 0
                continue
            size += len(text) + 1
            if size >= _CHUNK:
                _count_batch(uniq[lo : k + 1], stopwords, out[:, lo : k + 1])
                lo, size = k + 1, 0
        if lo < m:
            _count_batch(uniq[lo:], stopwords, out[:, lo:])
    else:
        for k, text in enumerate(uniq):
            out[:, k] = _text_stats_one(text, stopwords)
    if m < len(texts):
        where = dict(zip(uniq, range(m), strict=True))
        out = out[:, [where[t] for t in texts]]
    n_words, n_stop, n_punct, n_caps, ends, sentences, dates, tokens = out
    return n_words, n_stop, n_punct, n_caps, ends, sentences, dates, tokens


# Rows of _text_stats' counts.
_STATS = 8


def _count_batch(texts: list[str], stopwords: frozenset[str], out: npt.NDArray[np.int64]) -> None:
    """_count_page, with a text longer than _CHUNK counted on its first _CHUNK characters.

    A block that long (one huge line of a dump) is chrome or body by its size alone; its
    counts are scaled from the sample, and its sentence end is read from its real end.
    """
    if len(texts) == 1 and len(texts[0]) > _CHUNK:
        text = texts[0]
        sample = np.zeros((_STATS, 1), dtype=np.int64)
        _count_page([text[:_CHUNK]], stopwords, sample)
        scale = len(text) / _CHUNK
        out[:, 0] = (sample[:, 0] * scale).astype(np.int64)
        cut = len(text.rstrip(_END_TAIL))
        out[4, 0] = 1 if _SENTENCE_END.search(text, max(cut - 1, 0)) else 0
        out[6, 0] = 0
        out[7, 0] = len(text.split())
        return
    _count_page(texts, stopwords, out)


# Characters counted at once (~1 M: some 20 MB of per-character arrays).
_CHUNK = 1 << 20


def _count_page(texts: list[str], stopwords: frozenset[str], out: npt.NDArray[np.int64]) -> None:
    """_text_stats for distinct texts, written into out (7 rows, one column per text)."""
    joined = " ".join(texts) + " "
    points = _codepoints(joined)
    sizes = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    stop_at = np.cumsum(sizes + 1) - 1  # the space after each text
    start_at = stop_at - sizes
    outside = points >= _TABLE_SIZE
    if outside.any():
        points = np.where(outside, 0, points)
    classes = _char_classes()[points]

    def per_text(flags: npt.NDArray[np.bool_]) -> IntArray:
        total = np.zeros(len(flags) + 1, dtype=np.int64)
        np.cumsum(flags, out=total[1:])
        counts: IntArray = total[stop_at] - total[start_at]
        return counts

    word = (classes & _C_WORD) != 0
    # A word starts where a run of word characters does; each Han/Kana character is one.
    first = word.copy()
    first[1:] &= ~word[:-1]
    first |= (classes & _C_HAN) != 0
    n_words = per_text(first)
    out[0] = n_words
    out[2] = per_text((classes & _C_PUNCT) != 0)
    out[3] = per_text(first & ((classes & _C_UPPER) != 0))
    # A sentence break: a mark between a lowercase letter (digit, bracket, quote) and a
    # space; at a text's end the joining space stands in for its end.
    brk = np.zeros(len(classes), dtype=bool)
    brk[:-2] = ((classes[:-2] & _C_BEFORE_MARK) != 0) & ((classes[1:-1] & _C_MARK) != 0)
    brk[:-2] &= (classes[2:] & _C_AFTER_MARK) != 0
    out[5] = per_text(brk)
    # Stopwords: the tokens of str.split on the lowercased texts, in order; each text's
    # share of them is its count of runs of non-space characters.
    space = (classes & _C_SPACE) != 0
    token = ~space
    token[1:] &= space[:-1]
    tokens = joined.lower().split()
    per_token = per_text(token)
    if int(per_token.sum()) == len(tokens):
        hits = np.zeros(len(tokens) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(stopwords.__contains__, tokens), dtype=bool, count=len(tokens)), out=hits[1:])
        bounds = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(per_token, out=bounds[1:])
        out[1] = np.where(n_words > 0, hits[bounds[1:]] - hits[bounds[:-1]], 0)
        out[7] = per_token
    else:
        out[7] = [len(t.split()) for t in texts]
        out[1] = [sum(map(stopwords.__contains__, t.lower().split())) if nw else 0 for t, nw in zip(texts, n_words, strict=True)]
    date_candidates = (n_words <= 12) & (per_text((classes & _C_DIGIT) != 0) > 0)
    ends = out[4]
    dates = out[6]
    tail = _END_TAIL
    search = _SENTENCE_END.search
    for k, text in enumerate(texts):
        # A sentence end can only start just before the closing marks and spaces the text
        # ends with, so only that tail is searched.
        cut = len(text.rstrip(tail))
        if search(text, cut - 1 if cut else 0):
            ends[k] = 1
    for k in np.flatnonzero(date_candidates).tolist():
        if _DATE.search(texts[k]):
            dates[k] = 1
    if outside.any():
        for k in np.flatnonzero(per_text(outside)).tolist():
            out[:, k] = _text_stats_one(texts[k], stopwords)


def _text_stats_one(text: str, stopwords: frozenset[str]) -> tuple[int, int, int, int, int, int, int, int]:
    """_text_stats of one text, with the patterns themselves."""
    words = _WORD.findall(text)
    nw = len(words)
    n_stop = sum(map(stopwords.__contains__, text.lower().split())) if nw else 0
    n_caps = sum(1 for w in words if w[0].isupper()) if nw else 0
    return (
        nw,
        n_stop,
        len(_PUNCT.findall(text)),
        n_caps,
        1 if _SENTENCE_END.search(text) else 0,
        len(_SENTENCE_BREAK.findall(text)),
        1 if nw <= 12 and _DATE.search(text) else 0,
        len(text.split()),
    )


# A block is unspaced script when it has over 3 words per whitespace token.
_UNSPACED = 3.0
# Running text has 25-50% function words (see score.Params.stopword_pivot).
_UNSPACED_STOP = 0.3


# Blocks in these boxes weigh a tenth as prose.
_PROSE_CHROME = Flag.NAV | Flag.FOOTER | Flag.ASIDE | Flag.FORM


def _prose_weight(
    n_chars: FloatArray, link_density: FloatArray, n_words: FloatArray, stop: FloatArray, flags: IntArray
) -> FloatArray:
    """How much a block looks like running text, in characters, for finding the main container."""
    # A Han or Kana character carries about a word: count it as three characters.
    size = np.maximum(n_chars, 3.0 * n_words)
    w = np.maximum(size - 40.0, 0.0) * (1.0 - link_density) ** 2
    w = w * np.where(n_words >= 10, 1.0, 0.3) * np.clip(stop * 4.0, 0.25, 1.0)
    chrome = (flags & _PROSE_CHROME) != 0
    w = np.where(chrome, w * 0.1, w)
    # Class words ("related", "promo", "sidebar") are weaker evidence than the tags above.
    w = np.where((flags & Flag.NEG_CLASS) != 0, w * _NEG_CLASS_WEIGHT, w)
    # Comments can outweigh a short post many times over: they never choose the container.
    return np.asarray(np.where((flags & Flag.COMMENT) != 0, 0.0, w), dtype=np.float64)


def _unwrap(seg: Segments, flags: IntArray, main: FloatArray) -> npt.NDArray[np.bool_] | None:
    """The blocks whose only chrome words are on a wrapper of the main container and a sidebar.

    A template's wrapper of content and sidebar can carry a chrome word in its name
    ("content-sidebar-wrap"): every block of the page is then under it, the article as much as
    the sidebar, and the word says nothing of the article. A wrapper holds the whole container
    the first search chose, and beside the blocks it alone marks, blocks under chrome words of
    their own (the sidebar's widgets): a box inside the article that the search took for the
    container (a slideshow's text) has no sidebar. None when there is no such block.
    """
    if not seg.neg_elems or not ((main > 0) & ((flags & Flag.NEG_CLASS) != 0)).any():
        return None
    elems = seg.elem_array()
    held = elems[main > 0]
    first, last = int(held.min()), int(held.max())
    # The chrome-word elements that hold the whole container: ancestors (or selves) of its
    # first and of its last element alike.
    parent = seg.elem_parent
    chains = []
    for e in (first, last):
        chain = set()
        while e >= 0:
            chain.add(e)
            e = parent[e]
        chains.append(chain)
    around = sorted(chains[0] & chains[1] & set(seg.neg_elems))
    if not around:
        return None
    parents = seg.parent_array()
    end = {e: _subtree_end(parents, e) for e in around}
    marked = (flags & Flag.NEG_CLASS) != 0
    deepest = _deepest_neg(seg, marked)
    chars = np.fromiter(map(len, seg.texts), dtype=np.float64, count=len(elems))
    free = np.zeros(len(elems), dtype=bool)
    for e in around:
        under = (elems >= e) & (elems < end[e])
        mine = under & marked & (deepest == e)
        # The sidebar: text under chrome words of its own, a hundredth of the freed text at least.
        if float(chars[under & (deepest > e)].sum()) >= _WRAP_BESIDE * float(chars[mine].sum()) > 0:
            free |= mine
    return free if free.any() else None


# A hundredth: any text to speak of (0.1 loses a third of the gain on trafilatura-eval and
# scrapinghub-aeb and wins two listing pages; 0.25 loses half the gain).
_WRAP_BESIDE = 0.01


def _negated_words(seg: Segments, flags: IntArray) -> IntArray:
    """Clear the chrome-word flag that only a negated word gives: "no-sidebar", "mainContainer_noSidebar".

    Templates name a layout by the part it lacks: a page or a column without a sidebar
    ("no-sidebar", "noSidebar", "without-sidebar"), without a header or comments. The word
    names what is not there. Walking up from a marked block, an element whose chrome words
    are all negated is passed over; the first one with a chrome word of its own decides, and
    a block with none above it loses the mark.
    """
    if not seg.neg_elems:
        return flags
    classes = seg.elem_class
    named = seg.neg_elems
    if not _may_negate_names(classes, named):
        return flags  # most pages: no chrome word's element names a missing part (the string tests before any mask)
    marked = (flags & Flag.NEG_CLASS) != 0
    if not marked.any():
        return flags
    negated = {e for e in named if _NEGATED.search(classes[e]) and not _names_chrome(_NEGATED.sub(" ", classes[e]))}
    if not negated:
        return flags  # most pages: no class string negates a chrome word
    own = set(seg.neg_elems)
    parent, elems = seg.elem_parent, seg.elems
    memo: dict[int, bool] = {}
    free = np.zeros(len(elems), dtype=bool)
    for i in np.flatnonzero(marked).tolist():
        e = elems[i]
        passed: list[int] = []
        while e >= 0 and e not in memo and (e not in own or e in negated):
            passed.append(e)
            e = parent[e]
        found = memo.get(e, False) if e >= 0 else True
        for x in passed:
            memo[x] = found
        free[i] = found
    return np.where(free, flags & ~int(Flag.NEG_CLASS), flags) if free.any() else flags


def _may_negate_names(classes: list[str], named: list[int]) -> bool:
    """Whether the class strings of the elements named may negate a chrome word: one holds "no",
    "No" or "ithout", and one taken lowercase holds a match of _MAY_NEGATE (the cheap tests before
    _NEGATED). Its compiled twin reads ASCII strings in place, without the join and the lowercase copy.
    """
    joined = "\n".join(map(classes.__getitem__, named))
    return ("no" in joined or "No" in joined or "ithout" in joined) and _may_negate(joined.lower())


def _names_chrome(names: str) -> bool:
    return bool(_class_words(names)[0] & Flag.NEG_CLASS)


# A part of the page's layout named as missing: "no-sidebar", "no_header", camelCase "noSidebar",
# "without-sidebar". Only the layout's parts: "noPrint" asks that a box be left off a printout.
_LAYOUT_PARTS = "sidebar|side|aside|header|footer|nav|navbar|navigation|menu|breadcrumbs?|banner|masthead|toolbar|rail"
# The standard library's re: ASCII class names, and several times faster here than regex. The
# words lowercased first, without the word bounds, find the few strings worth the full pattern.
_MAY_NEGATE = re.compile(rf"(?:no|without)[-_]?(?:{_LAYOUT_PARTS})")
# _MAY_NEGATE as its two alternatives: each opens with a literal, which re scans for instead of
# trying the pattern at every character (a fourth of the time on a page's class names).
_MAY_NEGATE_NO = re.compile(rf"no[-_]?(?:{_LAYOUT_PARTS})")
_MAY_NEGATE_WITHOUT = re.compile(rf"without[-_]?(?:{_LAYOUT_PARTS})")


def _may_negate(low: str) -> bool:
    """Whether _MAY_NEGATE.search(low) finds a match."""
    return _MAY_NEGATE_NO.search(low) is not None or _MAY_NEGATE_WITHOUT.search(low) is not None


_NEGATED = re.compile(
    rf"(?:(?<![A-Za-z])(?:no|without)[-_]?(?:{_LAYOUT_PARTS})|(?<=[a-z])(?:No|Without)[-_]?(?i:{_LAYOUT_PARTS})|"
    rf"(?<![A-Za-z])(?:no|without)(?i:{_LAYOUT_PARTS}))(?![a-z])"
)


def _content_named(seg: Segments, flags: IntArray) -> IntArray:
    """Clear the chrome-word flag of blocks nearer to a post's name than to a chrome word.

    Walking up from a block, the first element named as a post (a class name of content
    words only, a post's word among them: "post-body", "entry-content", "article__body") or
    carrying a chrome word decides: a post inside a template's "widget Blog" wrapper is the
    post. An element can carry both ("article__body article-overlay-handle", "entry
    entry-author-dana", "content s-author-none"): a name of content words only says what it
    is, "content", "main" and "body" counting here too. A name that joins a chrome word to a
    content word ("post-share", "related-posts") is no content name: it names a part beside
    the post. A plain "content" wrapper inside a footer or a sidebar is no post either.
    """
    marked = (flags & Flag.NEG_CLASS) != 0
    if not seg.neg_elems or not marked.any():
        return flags
    own = set(seg.neg_elems)
    parent, elems, classes = seg.elem_parent, seg.elems, seg.elem_class
    memo: dict[int, bool] = {}
    free = np.zeros(len(elems), dtype=bool)
    for i in np.flatnonzero(marked).tolist():
        e = elems[i]
        passed: list[int] = []
        while e > 0 and e not in memo:
            if e in own or (classes[e] and _names_content_only(classes[e], True)):
                memo[e] = bool(classes[e]) and _names_content_only(classes[e], e not in own)
                break
            passed.append(e)
            e = parent[e]
        found = memo.get(e, False)
        for x in passed:
            memo[x] = found
        free[i] = found
    return np.where(free, flags & ~int(Flag.NEG_CLASS), flags) if free.any() else flags


@functools.lru_cache(maxsize=4096)
def _names_content_only(names: str, post: bool) -> bool:
    """Whether one of the class names is made of content words only, a post's among them (post=True) or the content's.

    A post's word is "post", "entry", "article" or "story"; the content's adds "content",
    "main" and "body", which inner wrappers of footers and sidebars are called too. "text"
    and "richtext" alone name a disclaimer box as well ("richtext text
    cmp-richtext--disclaimer"). Plain substring tests first: most class strings hold none of
    these words (0.6 µs a call).
    """
    has = _has_post_word if post else _has_content_word
    if not has(names.lower()):
        return False
    for name in names.split():
        if has(name.lower()) and all(w.lower() in _CONTENT_WORDS for w in _NAME_WORDS.findall(name)):
            return True
    return False


def _has_post_word(low: str) -> bool:
    return any(word in low for word in _POST_WORDS)


def _has_content_word(low: str) -> bool:
    return _has_post_word(low) or any(word in low for word in _MORE_CONTENT_WORDS)


# A post's words, and the content's beside them (the compiled twin tests the same tuples).
_POST_WORDS = ("post", "entry", "article", "story")
_MORE_CONTENT_WORDS = ("content", "main", "body")


# The words of a class name: runs of letters, camelCase humps apart ("articleBody"). The
# standard library's re: ASCII only, and five times faster here than regex.
_NAME_WORDS = re.compile(r"[A-Za-z][a-z]*")
_CONTENT_WORDS = frozenset(POSITIVE_TOKENS)


def _subtree_end(parents: IntArray, e: int) -> int:
    """One past the last element of e's subtree (document order: its elements follow it, and the
    first element after them has a parent before e)."""
    after = np.flatnonzero(parents[e + 1 :] < e)
    return e + 1 + int(after[0]) if len(after) else len(parents)


def _deepest_neg(seg: Segments, marked: npt.NDArray[np.bool_]) -> IntArray:
    """For each marked block, the nearest of its element and their ancestors whose own class or id holds a chrome word (-1: none).

    Walks up from each block, remembering every element passed: linear in the elements seen.
    """
    own = set(seg.neg_elems)
    parent, elems = seg.elem_parent, seg.elems
    memo: dict[int, int] = {}
    out = np.full(len(elems), -1, dtype=np.int64)
    for i in np.flatnonzero(marked).tolist():
        e = elems[i]
        passed: list[int] = []
        while e >= 0 and e not in own and e not in memo:
            passed.append(e)
            e = parent[e]
        found = -1 if e < 0 else e if e in own else memo[e]
        for x in passed:
            memo[x] = found
        out[i] = found
    return out


# 0.3: set on the dev split (0.15-0.5 all help; 1.0, no discount, lets a list of teasers
# with long excerpts win the container over the article).
_NEG_CLASS_WEIGHT = 0.3


def _comment_sections(
    seg: Segments, flags: IntArray, heading: FloatArray, date_like: FloatArray, n_words: FloatArray
) -> IntArray:
    """Flag the blocks after a comment heading, in the heading's container, as the thread's.

    Older blog templates mark the thread with its heading alone (<h2 id="comments">, or an
    empty anchor in a heading that reads "Comments" or "12 Responses to “Title”") and set the
    comments after it as siblings: the heading opens a section that runs to the next heading
    of its rank or higher, or to the end of its container. The section must be dated as a
    thread is (_SECTION_DATES dated lines): a manual's "Discussion" section has the word in
    its anchor and none of a thread's dates.
    """
    texts = seg.texts
    titled = np.flatnonzero(heading > 0).tolist()
    if not titled:
        return flags
    # A comment heading followed by a comment block sits inside its thread's container (a
    # comment's own title): its section is the thread's already.
    comment = (flags & Flag.COMMENT) != 0
    opens = (heading > 0) & comment
    opens[:-1] &= ~comment[1:]
    flagged = np.flatnonzero(opens).tolist()
    # The words of every heading at once: most pages name no thread in any.
    named: list[int] = []
    low = "\n".join([texts[h] for h in titled]).lower()
    if any(stem in low for stem in _COMMENT_STEMS):
        named = [h for h in titled if _names_thread(texts[h], n_words[h])]
    heads = sorted(set(flagged) | set(named))
    if not heads:
        return flags
    out: IntArray = flags.copy()
    parent = seg.elem_parent
    parents = seg.parent_array()
    elems = seg.elem_array()
    n = len(flags)
    for h in heads:
        end = _subtree_end(parents, parent[seg.elems[h]])
        # The section ends at the first block outside the container or under a heading of
        # the same rank or higher.
        after = heading[h + 1 :]
        stop = np.flatnonzero((elems[h + 1 :] >= end) | ((after > 0) & (after <= heading[h])))
        j = h + 1 + int(stop[0]) if len(stop) else n
        if float(date_like[h + 1 : j].sum()) >= _SECTION_DATES:
            out[h:j] |= Flag.COMMENT
    return out


def _names_thread(text: str, words: float) -> bool:
    """Whether a heading's text names a comment thread: "Comments", "12 Responses to “Title”", "Kommentare (3)"."""
    if words > _COMMENT_TITLED_WORDS or not any(stem in text.lower() for stem in _COMMENT_STEMS):
        return False
    return _thread_head(text, words) is not None


def _thread_head(text: str, words: float) -> tuple[str, regex.Match[str]] | None:
    """The form of a thread's heading a short line takes, with its match: "titled" (a count and the
    post's title), "count" (8 words at most) or "bare" (the word alone); None for none."""
    if (m := _COMMENT_TITLED.match(text)) is not None:
        return "titled", m
    if words <= _COMMENT_HEAD_WORDS and (m := _COMMENT_HEAD.search(text)) is not None:
        return "count", m
    if (m := _COMMENT_BARE.fullmatch(text)) is not None:
        return "bare", m
    return None


# Two dated lines: a thread of two comments, or one comment and its reply.
_SECTION_DATES = 2


def _item_words(seg: Segments, flags: IntArray) -> IntArray:
    """Clear the comment and chrome-only marks a class word gives the first of a run of alike items.

    A forum engine names the thread's first post after its author ("message uix_threadAuthor
    uix_discussionAuthor" among "message" replies): words of the item, not a comment
    section or an author's box. A marked element that opens a run of siblings of its tag
    whose class names it carries (_ITEM_RUN or more, two unmarked among the next few), where the
    marked ones are fewer than half, is such an item: its blocks, and those of the other
    marked items of the run, lose the comment mark that no other class word gives them, and
    the chrome mark when the item's word is the nearest (the one segment's neg_tokens keeps).
    A blog's comments are all marked, and a box classed "comments" beside the article's box
    does not open the run. Only the elements that give the first block of a run of marked
    blocks its mark are looked at: a page of no such run costs two set tests.
    """
    n = len(flags)
    starts = _item_starts(seg.neg_tokens, flags)
    if starts is None:
        return flags  # most pages: no mask made
    parents, tags, classes, elems = seg.elem_parent, seg.elem_tag, seg.elem_class, seg.elems
    neg_elems = set(seg.neg_elems)
    comment_names: dict[str, bool] = {}
    comment, neg = int(Flag.COMMENT), int(Flag.NEG_CLASS)

    def says(e: int) -> int:
        """The marks e's own names give: Flag.COMMENT (class words) and Flag.NEG_CLASS."""
        c = classes[e]
        named = comment_names.get(c)
        if named is None:
            named = comment_names[c] = bool(c) and _may_name_comment(c) and bool(_class_words(c)[0] & comment)
        return (comment if named else 0) | (neg if e in neg_elems else 0)

    heads: set[int] = set()
    for i, bit in starts:
        # The element whose word it is stands near the block (a post's text is a few
        # wrappers deep); a page wrapper's word is no item's.
        e, depth = elems[i], 0
        if bit == neg:
            while e > 0 and depth < _ITEM_DEPTH and e not in neg_elems:
                e, depth = parents[e], depth + 1
        else:
            while e > 0 and depth < _ITEM_DEPTH and not says(e) & bit:
                e, depth = parents[e], depth + 1
        if e > 0 and depth < _ITEM_DEPTH and " " in classes[e].strip():
            heads.add(e)
    items: set[int] = set()
    stops: list[int] = elem_subtree_ends(seg).tolist() if heads else []
    for e in heads:
        own = set(classes[e].split())
        # Two unmarked items among the next few siblings (ads and spacers stand between posts).
        if sum(_alike(x, e, own, says, tags, classes) for x in _next_siblings(parents, stops, e, _ITEM_LOOK)) < 2:
            continue
        p = parents[e]
        run = [x for x in _children(parents, stops, p) if tags[x] == tags[e] and own.issuperset(classes[x].split() or ("",))]
        marked = [x for x in run if says(x)]
        if len(run) >= _ITEM_RUN and run[0] == e and 2 * len(marked) < len(run):
            items.update(marked)
    if not items:
        return flags
    out: IntArray = flags.copy()
    ends = {item: stops[item] for item in items}
    for item, stop in ends.items():
        own_bits, above, comment_above = says(item), item, False
        while (above := parents[above]) >= 0:
            comment_above = comment_above or bool(says(above) & Flag.COMMENT)
        for k in range(n):
            e = elems[k]
            if not item <= e < stop:
                continue
            comment_below = neg_below = False
            while e != item:
                bits = says(e)
                comment_below, neg_below = comment_below or bool(bits & Flag.COMMENT), neg_below or bool(bits & Flag.NEG_CLASS)
                e = parents[e]
            if own_bits & Flag.COMMENT and not comment_above and not comment_below:
                out[k] &= ~int(Flag.COMMENT)
            # The chrome word that counts is the nearest one (segment's neg_tokens).
            if own_bits & Flag.NEG_CLASS and not neg_below:
                out[k] &= ~int(Flag.NEG_CLASS)
    return out


def _item_starts(tokens: list[str], flags: IntArray) -> list[tuple[int, int]] | None:
    """The blocks _item_words walks up from, each with the mark it looks for, in order: the first
    block of each run of comment blocks (Flag.COMMENT), and the first of each run of blocks under
    one chrome-only word (vocab.CHROME_ONLY_TOKENS) when it carries the chrome-word flag
    (Flag.NEG_CLASS). None when no block has a comment mark or a chrome-only word (most pages).
    Its compiled twin reads the tokens and the flags in one pass (~6 µs a page less).
    """
    n = len(flags)
    has_only = not CHROME_ONLY_TOKENS.isdisjoint(tokens)
    comment_bits = flags & Flag.COMMENT
    if n == 0 or (not has_only and not comment_bits.any()):
        return None
    is_comment = comment_bits != 0
    comment, neg = int(Flag.COMMENT), int(Flag.NEG_CLASS)
    first = is_comment.copy()
    first[1:] &= ~is_comment[:-1]
    starts = [(i, comment) for i in np.flatnonzero(first).tolist()]
    for word in CHROME_ONLY_TOKENS.intersection(tokens) if has_only else ():
        i, last = -1, -2
        while True:
            try:
                i = tokens.index(word, i + 1)
            except ValueError:
                break
            if flags[i] & neg and i != last + 1:
                starts.append((i, neg))
            last = i
    return sorted(starts)


def _may_name_comment(names: str) -> bool:
    """False only when a class string gives no comment mark: an ASCII string whose lowered text
    holds no comment word's stem (every word of vocab.COMMENT_TOKENS holds one, and the class
    words are matched without case). _class_words costs ~5 us a string; most of the elements
    _item_words asks about hold none of the words."""
    if not names.isascii():
        return True
    low = names.lower()
    return any(stem in low for stem in _COMMENT_STEMS_OF_CLASSES)


# The comment words that hold no other one ("comment", "discussion", "respond", "trackback", "pingback").
_COMMENT_STEMS_OF_CLASSES = tuple(
    sorted(w for w in set(COMMENT_TOKENS) if not any(v != w and v in w for v in COMMENT_TOKENS))
)


def _next_siblings(parents: list[int], stops: list[int], e: int, k: int) -> list[int]:
    """Up to k siblings after e (stops: subtree_ends)."""
    out: list[int] = []
    p, x, n = parents[e], e, len(parents)
    while len(out) < k:
        x = stops[x]
        if x >= n or parents[x] != p:
            break
        out.append(x)
    return out


def _children(parents: list[int], stops: list[int], p: int) -> list[int]:
    """p's children, in order (stops: subtree_ends): each child's subtree ends where the next
    child starts, so the walk steps from child to child and never reads the grandchildren."""
    out: list[int] = []
    x, end = p + 1, stops[p]
    while x < end:
        out.append(x)
        x = max(stops[x], x + 1)  # a subtree ends past its root (max: a step forward whatever stops holds)
    return out


def _alike(x: int, e: int, own: set[str], says: Callable[[int], int], tags: list[str], classes: list[str]) -> bool:
    """Whether sibling x is an unmarked item of e's run: its tag, class names that e carries too, no word."""
    names = classes[x].split()
    return tags[x] == tags[e] and bool(names) and own.issuperset(names) and not says(x)


# A run of three alike items: the first post and two replies.
_ITEM_RUN = 3
# Siblings looked at after a marked item for two unmarked ones (a post, an ad, a spacer, a post).
_ITEM_LOOK = 6
# How far above a block its item's element may stand (a forum post's text is 5 deep).
_ITEM_DEPTH = 10


def _comments_as_content(seg: Segments, flags: IntArray, n_chars: FloatArray, link_density: FloatArray) -> IntArray:
    """Clear the comment mark when comments hold all the prose of the page.

    On a forum thread or a Q&A page every post sits in a "comment"/"reply" container:
    then the comments are the content. Below an article they are not, however long,
    nor below a post of a title and a photo or a video (see _titled_post), nor where a
    blog's thread heading opens them ("13 comments:", see _headed_thread). A page that
    declares itself a thread (declares_thread: schema.org DiscussionForumPosting or QAPage)
    has its question outside the comments: there the comments are the replies, the content,
    when they outweigh it. A Q&A site's comments under each post weigh less than the answers
    outside them, and stay comments. The article stands above its thread: the prose below the
    last comment (a footer's lines outside <footer>) is no article, unless it outweighs the thread.
    """
    comment_bits = flags & Flag.COMMENT
    if not np.count_nonzero(comment_bits):  # count_nonzero: a C call, where .any() is a reduction (~1 µs more)
        return flags  # most pages: no mask made
    is_comment = comment_bits != 0
    prose = n_chars * (1.0 - link_density) * (n_chars >= _PROSE_CHARS)
    # What stands in menus, sidebars and footers is not an article above the thread.
    boxed = (flags & (Flag.NAV | Flag.FOOTER | Flag.ASIDE | Flag.HEADER)) != 0
    inside, outside = float(prose[is_comment].sum()), float(prose[~is_comment & ~boxed].sum())
    # The prose below the thread's last comment is the page's footer set outside <footer> (terms
    # of use, a server's stamp) unless it outweighs the thread: an article set below a review widget.
    last = len(is_comment) - int(np.argmax(is_comment[::-1]))
    above = float(prose[:last][~is_comment[:last] & ~boxed[:last]].sum())
    below = outside - above
    if outside < inside and (_named_thread(seg, is_comment, prose > 0, boxed) or declares_thread(seg)):
        # the replies of a declared thread, or of one the forum engine names
        return np.asarray(flags & ~Flag.COMMENT, dtype=np.int64)
    if (
        above < _COMMENT_ONLY_SHARE * inside
        and above < _NO_ARTICLE_CHARS
        and below < inside
        and not _titled_post(seg, is_comment, boxed)
        and not _headed_thread(seg, is_comment)
    ):
        return np.asarray(flags & ~Flag.COMMENT, dtype=np.int64)
    return flags


def _named_thread(
    seg: Segments, is_comment: npt.NDArray[np.bool_], prose: npt.NDArray[np.bool_], boxed: npt.NDArray[np.bool_]
) -> bool:
    """Whether an element named as a forum thread (vocab.THREAD_TOKENS: "ThreadView", "thread_view")
    holds the comments and a paragraph outside them: the thread's first post and its replies.

    A forum engine that does not declare its thread page (declares_thread) still names it in
    its class words, and sets the replies in a "comments" list after the first post. A blog's
    thread words ("comment-thread", "thread-even") stand on the comments' own elements, which
    hold no paragraph of the article.
    """
    classes, parents, elems = seg.elem_class, seg.elem_parent, seg.elems
    low = seg.class_text().lower()
    if "thread" not in low and "forum" not in low:
        return False  # most pages: no thread word anywhere
    # No THREAD_RE search of the whole class text before the walk: the walk's own searches find
    # none where it finds none, and one over the page (the pattern's lookbehinds are tried at
    # every character) costs 35-150 µs where a word stands, some twenty short ones far less.
    e = elems[int(np.argmax(is_comment))]
    named: set[int] = set()
    while e >= 0:
        if classes[e] and THREAD_RE.search(classes[e]):
            named.add(e)
        e = parents[e]
    if not named:
        return False
    for k in np.flatnonzero(prose & ~is_comment & ~boxed).tolist():
        e = elems[k]
        while e >= 0:
            if e in named:
                return True
            e = parents[e]
    return False


def _headed_thread(seg: Segments, is_comment: npt.NDArray[np.bool_]) -> bool:
    """Whether a blog's thread heading stands where the comments begin: "13 comments:", "92 Responses
    to “Title”", or a heading element that reads "Comments".

    A blog post of a title and a video or an infographic has no paragraph above its comments,
    and no post container of its own around its title (see _titled_post), yet its template
    heads the thread with the count of comments, the post's title after it, or the word alone
    in a heading: the thread is below an article. A forum thread's posts are not headed so
    (its engine titles them with the thread's title, counts "replies" and "posts"), nor is a
    link aggregator's, which puts "12 comments" among a story's links (the count mid-line).
    Only the lines within _THREAD_HEAD_NEAR blocks of the thread's first block are read.
    """
    texts, kinds = seg.texts, seg.kinds
    first = int(np.argmax(is_comment))
    for k in range(max(0, first - _THREAD_HEAD_NEAR), min(len(texts), first + _THREAD_HEAD_NEAR + 1)):
        text = texts[k]
        words = len(text.split())
        if words > _COMMENT_TITLED_WORDS or not any(stem in text.lower() for stem in _COMMENT_STEMS):
            continue
        head = _thread_head(text, words)
        if head is None:
            continue
        form, m = head
        if form == "titled" or (form == "bare" and kinds[k] in HEADING_KINDS):
            return True
        if form == "count" and words <= _COUNT_HEAD_WORDS and _LEADING_WORD.search(text, 0, m.start()) is None:
            return True
    return False


# The heading stands right above the thread's first block or among its first ones (a form and
# its note come first on some templates).
_THREAD_HEAD_NEAR = 3
# A count heading is the count and the word ("13 comments:", "Comments (5)"), nothing around them.
_COUNT_HEAD_WORDS = 3
_LEADING_WORD = regex.compile(r"\w")
HEADING_KINDS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


# A class word naming reviews: "reviews", "product-review", "review_box", camelCase "userReviews";
# not "preview", "WebcamPreview" or "reviewer". A CMS's taxonomy names ("category-reviews",
# "entry-category-book_reviews") name a post's topic and are left out first.
_REVIEW_CLASS = regex.compile(r"(?:(?<![A-Za-z])[Rr]|(?<=[a-z])R)eviews?(?![a-z])")
_TAXONOMY_NAMES = regex.compile(r"(?<!\S)\S*(?:category|tag)[-_]\S*")
# Customers' reviews put a date on each review, as comments do (the date test of
# _comment_sections); a review article's container holds its one dateline at most.
_REVIEW_DATES = 2


def under_review_class(seg: Segments) -> npt.NDArray[np.bool_] | None:
    """The blocks with a "reviews" class word (_REVIEW_CLASS) on an ancestor; None when no class names one."""
    classes = seg.elem_class
    if not _str_holds(seg.class_text(), "eview"):
        return None
    if "under_review_class" in seg.shared:  # asked by _review_sections, then smooth.drop_product_reviews
        return seg.shared["under_review_class"]  # type: ignore[return-value]
    # The elements whose class string holds "eview", found in the page's class text (one line
    # each) rather than element by element; each whose word is a reviews word marks its subtree.
    text = seg.class_text()
    sizes = np.fromiter(map(len, classes), dtype=np.int64, count=len(classes)) + 1
    starts = np.cumsum(sizes) - sizes  # where each element's line starts in the text
    under = np.zeros(len(classes), dtype=bool)
    ends: IntArray | None = None
    at = text.find("eview")
    while at >= 0:
        e = int(np.searchsorted(starts, at, side="right")) - 1
        names = classes[e]
        if _REVIEW_CLASS.search(_TAXONOMY_NAMES.sub(" ", names)) is not None:
            ends = elem_subtree_ends(seg) if ends is None else ends
            under[e : int(ends[e])] = True
        at = text.find("eview", int(starts[e]) + len(names) + 1)
    marks: npt.NDArray[np.bool_] = under[seg.elem_array()]
    seg.shared["under_review_class"] = marks
    return marks


def _review_sections(seg: Segments, flags: IntArray, date_like: FloatArray) -> IntArray:
    """Mark the blocks under a "reviews" class word as a comment section when they hold dated lines.

    A shop's product page ends with its customers' reviews, a thread of dated posts about
    the product whose prose outweighs the product's own short lines and took the main
    container (wcxb-dev's truth leaves them out, as comments below an article). A review
    article in a "review" container has one dateline at most and stays as it is, and so
    does a page whose reviews are all its prose (_comments_as_content clears the mark).
    """
    is_review = under_review_class(seg)
    if is_review is None or float(date_like[is_review].sum()) < _REVIEW_DATES:
        return flags
    return np.asarray(np.where(is_review, flags | Flag.COMMENT, flags), dtype=np.int64)


def _titled_post(seg: Segments, is_comment: npt.NDArray[np.bool_], boxed: npt.NDArray[np.bool_]) -> bool:
    """True when the page's title heading (h1) sits in a post of its own, apart from the comments.

    A blog post of a title and a photo or a video has no paragraph above its comments,
    but its title stands in a post container (<article>, class "post", "entry" ...)
    that holds none of them. A forum thread's title stands in the page header, or
    in the thread's container with the posts.
    """
    first = int(np.argmax(is_comment))
    heads = [k for k in range(first) if seg.kinds[k] == "h1" and not is_comment[k] and not boxed[k]]
    if not heads:
        return False
    parents, tags, classes = seg.elem_parent, seg.elem_tag, seg.elem_class
    holds_comment: set[int] = set()
    for e in {seg.elems[k] for k in np.flatnonzero(is_comment).tolist()}:
        while e >= 0 and e not in holds_comment:
            holds_comment.add(e)
            e = parents[e]
    for k in heads:
        e = seg.elems[k]
        while e >= 0 and e not in holds_comment:
            if tags[e] == "article" or _POST_RE.search(classes[e]):
                return True
            e = parents[e]
    return False


# Blocks of at least this many characters count as prose here (two short sentences).
_PROSE_CHARS = 100
# The article above a comment thread is rarely under 5% of the comments' length, and
# never without one paragraph (a block of 100 characters and more, as counted above): a post
# of a title, a byline and one short paragraph of 100-300 characters over hundreds of comments
# is still an article (300 took such pages' threads for content; every forum page of the
# datasets has no such paragraph outside its posts).
_COMMENT_ONLY_SHARE = 0.05
_NO_ARTICLE_CHARS = 100


def _main_container(seg: Segments, weight: FloatArray) -> tuple[FloatArray, float]:
    """Mark blocks inside the smallest element that holds most of the page's prose.

    Weights add up from each block's element to the root; then we descend from the root
    into the heaviest child while it keeps at least _MAIN_SHARE of the total.
    """
    n_elem = len(seg.elem_parent)
    parents = seg.parent_array()
    elems = seg.elem_array()
    end = subtree_ends(parents)
    weights = subtree_sums(parents, np.bincount(elems, weights=weight, minlength=n_elem).astype(np.float64), end)
    total = float(weights[0])
    if total <= 0:
        return np.zeros(len(seg), dtype=np.float64), 0.0
    cur = 0
    while True:
        kids = np.flatnonzero(parents == cur)
        if not len(kids):
            break
        # Of equally heavy children, the last one in document order.
        best = int(kids[len(kids) - 1 - int(np.argmax(weights[kids][::-1]))])
        if weights[best] <= 0 or weights[best] < _MAIN_SHARE * total:
            break
        if _repeated_items(seg, kids, weights, best, total):
            break
        cur = best
    # A container is more than one paragraph: from a lone block, climb to the element that
    # also holds its neighbours.
    if cur:
        held = subtree_sums(parents, np.bincount(elems, weights=weight > 0, minlength=n_elem).astype(np.float64), end)
        while cur and held[cur] <= 1:
            cur = int(parents[cur])
    root = np.zeros(n_elem, dtype=bool)
    root[cur] = True
    main = within(parents, root)[elems].astype(np.float64)
    return main, float(weights[cur] / total) if cur else 1.0


def _chrome_only(seg: Segments, flags: IntArray) -> npt.NDArray[np.bool_] | None:
    """Blocks whose nearest chrome class word names chrome and nothing else (vocab.CHROME_ONLY_TOKENS).

    A consent banner's or a disclaimer's long sentences must not choose the main container:
    smooth.drop_chrome_only_classes drops them from the body later, so a container chosen for
    them is left empty. "author" is left out: it names a byline as much as a bio. None when
    no block has such a word (most pages), so that the caller skips its np.where.
    """
    tokens = seg.neg_tokens  # lowercase already (parse.segment._class_words)
    if _CONTAINER_CHROME_ONLY.isdisjoint(tokens):
        return None  # most pages: a set test, no walk over the blocks and no mask
    # The set test a token by map (no bytecode a block), the flag test in one numpy call.
    mask = np.fromiter(map(_CONTAINER_CHROME_ONLY.__contains__, tokens), dtype=bool, count=len(tokens))
    mask &= (flags & Flag.NEG_CLASS) != 0
    return mask


_CONTAINER_CHROME_ONLY = CHROME_ONLY_TOKENS - {"author"}


def _page_wide_word(seg: Segments, flags: IntArray, n_words: FloatArray) -> IntArray:
    """Clear the chrome-word flag of the blocks under a chrome word that marks nearly the whole page.

    Page builders put one class word on every element they make (Elementor's "widget", a
    theme's "sidebar" or "newsletter" wrapper around its whole layout): a word that is the
    nearest chrome word of most blocks and most words of the page (_WIDE_SHARE of each) tells
    no part of the page from another, so it counts for none of them. Menus and footers keep
    their tags (<nav>, <footer>) and any nearer chrome word of their own. A cheap count
    first: on most pages far fewer blocks carry the flag at all.
    """
    n = len(flags)
    if n < _WIDE_MIN_BLOCKS or np.count_nonzero(flags & Flag.NEG_CLASS) < _WIDE_SHARE * n:
        return flags  # the count on the bits themselves: no mask made on most pages
    marked = (flags & Flag.NEG_CLASS) != 0
    tokens = seg.neg_tokens
    # compress and map: the tokens counted and compared in C, no bytecode a block.
    word, count = collections.Counter(itertools.compress(tokens, marked.tolist())).most_common(1)[0]
    if count < _WIDE_SHARE * n:
        return flags
    mine = marked & np.fromiter(map(word.__eq__, tokens), dtype=bool, count=n)
    if float(n_words[mine].sum()) < _WIDE_SHARE * float(n_words.sum()):
        return flags
    return np.where(mine, flags & ~int(Flag.NEG_CLASS), flags)


def _page_wide_form(flags: IntArray, n_words: FloatArray) -> IntArray:
    """Clear the form flag when a form wraps nearly the whole page.

    ASP.NET Web Forms and some portal engines wrap the whole page in one <form> (its state
    travels with every click): a form that holds most blocks and most words of the page
    (_WIDE_SHARE of each, as a page-wide class word) tells no part of the page from another,
    and its menus keep their own tags and class words.
    """
    marked = (flags & Flag.FORM) != 0
    n = len(flags)
    if n < _WIDE_MIN_BLOCKS or np.count_nonzero(marked) < _WIDE_SHARE * n:
        return flags
    if float(n_words[marked].sum()) < _WIDE_SHARE * float(n_words.sum()):
        return flags
    return np.asarray(flags & ~int(Flag.FORM), dtype=np.int64)


# Four fifths of the blocks and of the words (session 13, wcxb-dev dev +0.0003 held +0.0001,
# trafilatura-eval dev +0.0007; 0.6 lost dragnet pages (-0.0012, a failure more) and wcxb-dev
# listings, 0.7 dragnet -0.0007; blocks alone at 0.8 lost dragnet held -0.0010, at 0.9 moved no
# wcxb-dev page). Twenty blocks: a page of a few lines under one wrapper is too small to say.
_WIDE_SHARE = 0.8
_WIDE_MIN_BLOCKS = 20


def _unboxed_container(
    seg: Segments,
    flags: IntArray,
    main: FloatArray,
    share: float,
    n_chars: FloatArray,
    n_words: FloatArray,
    link_density: FloatArray,
    card: FloatArray,
) -> tuple[FloatArray, float]:
    """Choose the container again when the first choice is mostly the page's footer, menus or
    sidebar, or holds little of the page's text.

    A shop's product page or a landing page is made of short lines (a name, a price, "Fabric:
    100% cotton"), each under the prose weight's 40 characters, while its footer holds the
    only sentences (a newsletter's consent text, a legal line): the footer wins. Or the only
    sentences stand in one box of the page's column (a newsletter's pitch under a product grid,
    a shop's fine print beside a product's facts, a listing's closing blurb). Then every line
    outside <nav>, <footer> and <aside> counts at its size, comments and those boxes not at
    all, and when the first choice is boxed, or holds under a third of that text
    (_THIN_MAIN_SHARE), the container is chosen again.
    """
    inside = main > 0
    held = np.count_nonzero(inside)  # counts, not a mean of a mask: fewer numpy calls on every page
    boxed_choice = bool(held) and np.count_nonzero(flags[inside] & _BOXES) >= _BOXED_MAIN_SHARE * held
    boxed = (flags & _BOXES) != 0
    size = np.maximum(n_chars, 3.0 * n_words)
    weight = np.where(boxed | ((flags & Flag.COMMENT) != 0), 0.0, size * (1.0 - link_density) ** 2)
    weight = np.where((flags & Flag.NEG_CLASS) != 0, weight * _NEG_CLASS_WEIGHT, weight) * (1.0 - card)
    total = float(weight.sum())
    if total <= 0:
        return main, share
    if not boxed_choice and not _thin_choice(flags, inside, weight, total):
        return main, share
    return _main_container(seg, weight)


def _priced_grid(
    seg: Segments,
    texts: list[str],
    flags: IntArray,
    main: FloatArray,
    card: FloatArray,
    n_chars: FloatArray,
    n_words: FloatArray,
) -> tuple[FloatArray, FloatArray]:
    """Add to a container that holds no price the grid of priced items beside it.

    A shop's category page is a grid of product cards (a name, a price, a rating) and a
    block of shop prose (an SEO text on the category, an FAQ) whose sentences outweigh the
    cards' short lines as prose: the prose takes the container and the grid, the page's
    content, falls outside it (as teaser cards beside an article). When the container names
    no price while _PRICED_ITEMS or more alike sibling items outside the page's menus, header,
    footer and sidebars each name one (one parent, one tag, one class but for digits; mostly
    cards of two lines or more), and no price stands outside them, the items join the
    container and are no teasers. A product page's container, or its header, holds its
    product's own price; an article's or a service page's prose has no grid of prices beside it.
    """
    n = len(texts)
    # One pass over the joined page, not a loop over the blocks (n_chars is each block's len()).
    page = "\0".join(texts)
    if not any(sign in page for sign in _PRICE_SIGNS):
        return main, card  # most pages: no currency sign, so no price line (priced_lines' first test)
    priced = np.zeros(n, dtype=bool)
    starts = [0, *np.cumsum(n_chars + 1.0).astype(np.int64).tolist()]
    signed = priced_lines(texts, page, starts)
    priced[signed] = n_words[signed] <= _PRICE_WORDS
    inside = main > 0
    if not np.count_nonzero(priced) or np.count_nonzero(priced[inside]):
        return main, card
    parents, tags, classes = seg.elem_parent, seg.elem_tag, seg.elem_class
    seen: set[int] = set()
    groups: dict[tuple[int, str, str], list[int]] = {}
    for k in np.flatnonzero(priced & ((flags & _PRICE_CHROME) == 0)).tolist():
        e = seg.elems[k]
        while e > 0 and e not in seen:
            seen.add(e)
            if classes[e] or tags[e] in _ITEM_TAGS:
                groups.setdefault((parents[e], tags[e], classes[e].translate(_NO_DIGITS)), []).append(e)
            e = parents[e]
    best = max(groups.items(), key=lambda kv: len(kv[1]), default=None)
    if best is None or len(best[1]) < _PRICED_ITEMS:
        return main, card
    # Cards: most items hold a name or a spec line beside their price.
    lines = subtree_sums(
        seg.parent_array(),
        np.bincount(seg.elem_array(), minlength=len(parents)).astype(np.float64),
    )
    if np.count_nonzero(lines[best[1]] >= 2) < _PRICED_CARDS * len(best[1]):
        return main, card
    items = np.zeros(len(parents), dtype=bool)
    items[best[1]] = True
    in_items = within(seg.parent_array(), items)[seg.elem_array()]
    if (priced & ~in_items & ((flags & _PRICE_CHROME) == 0)).any():
        return main, card  # a price of its own outside the grid: a product page and its related products
    return np.maximum(main, in_items.astype(np.float64)), np.where(in_items, 0.0, card)


def priced_lines(texts: list[str], page: str, starts: list[int]) -> list[int]:
    """The lines that name a price (a currency sign and a digit), in order.

    page is texts joined by one character, starts each line's offset in it (and the end): a
    str.find per sign over the page, not a search per line, as a page holds few such signs
    (_priced_grid, smooth._listing_span).
    """
    found: set[int] = set()
    for sign in _PRICE_SIGNS:
        at = page.find(sign)
        while at >= 0:
            i = bisect.bisect_right(starts, at) - 1
            found.add(i)
            at = page.find(sign, starts[i + 1])
    return sorted(i for i in found if _PRICE_NUMBER.search(texts[i]) is not None)


# A price: a currency sign and a digit in one block.
_PRICE_SIGNS = "$€£¥₹"
_PRICE_NUMBER = re.compile(r"[0-9]")
_PRICE_CHROME = Flag.NAV | Flag.FOOTER | Flag.HEADER | Flag.ASIDE
# Six priced items: a grid of products (a related-products box shows four to six).
_PRICED_ITEMS = 6
# A price line is short: the price and a word or two ("Now $12.99", "From €40").
_PRICE_WORDS = 6
# Four items in five are cards of two lines or more (a list of one-line offers is a menu).
_PRICED_CARDS = 0.8


def common_ancestor(parents: list[int], first: int, last: int) -> int:
    """The nearest element holding both elements (or being one of them); parents[root] is -1."""
    above: set[int] = set()
    e = first
    while e >= 0:
        above.add(e)
        e = parents[e]
    while last not in above:
        last = parents[last]
    return last


def _thread_posts(seg: Segments, main: FloatArray, date_like: FloatArray) -> FloatArray:
    """Widen a container that is one post of a thread to all the thread's posts.

    A forum thread's posts are alike siblings (one tag, one first class name: "blockpost
    rowodd firstpost", "blockpost roweven"), each with its author's line and its date. When
    one post holds most of the prose (a long first post, a reply with a log), the container
    search takes that post alone (its siblings hold under _ITEM_SHARE of the prose, so
    _repeated_items lets it through) and the replies are left outside: they are the content
    as much as the post. Walking up from the container, the first element that is one of
    _THREAD_POSTS alike siblings or more, most of them dated, makes them all the container.
    """
    if np.count_nonzero(date_like) < _THREAD_POSTS:
        return main  # most articles: fewer date lines than a thread's posts
    inside = np.flatnonzero(main > 0)
    if not len(inside):
        return main
    parents, tags, classes, elems = seg.elem_parent, seg.elem_tag, seg.elem_class, seg.elems
    c = common_ancestor(parents, elems[int(inside[0])], elems[int(inside[-1])])  # the container
    order: IntArray | None = None
    for _ in range(_POST_DEPTH):
        p = parents[c]
        if p < 0:
            break
        name = classes[c].split()[:1]
        if name:
            if order is None:
                order = seg.parent_array()
            kids = [k for k in np.flatnonzero(order == p).tolist() if tags[k] == tags[c] and classes[k].split()[:1] == name]
            if len(kids) >= _THREAD_POSTS and _dated_items(seg, kids, p, date_like) >= max(_THREAD_POSTS, _DATED_POSTS * len(kids)):
                roots = np.zeros(len(parents), dtype=bool)
                roots[kids] = True
                posts = within(order, roots)[np.asarray(elems, dtype=np.int64)]
                return np.asarray(np.maximum(main, posts), dtype=np.float64)
        c = p
    return main


def _lone_post(seg: Segments, main: FloatArray, flags: IntArray, weight: FloatArray, heading: FloatArray) -> FloatArray:
    """The page's one post is the container when the container chosen is a short text beside it.

    A blog's post of a title, a date and a few short lines (a list of links, a photo's caption)
    has next to no prose weight (each line under 40 characters), and a sidebar's "About me"
    box, a widget's blurb or a licence notice outweighs it and takes the container, or the
    search stops at the page's column that holds them all. Blog engines name the post's element
    ("post", "hentry", "entry-content", or an <article>): when the container holds under
    _LONE_POST_PROSE of prose weight and stands in no element so named, and the page's headings
    (h1-h3, outside <nav>, <footer>, <aside> and comments) stand in exactly one outermost named
    element, and no other outermost named element holds a block outside those boxes, the post's
    blocks (but for those boxes and comments) are the container, whether it stood beside the
    first choice or inside it. A page whose container is a post's text, or that lists posts, is
    left alone. Only the headings' ancestors are looked at, on the pages whose container is that
    short, and the page's elements only where they found one post.
    """
    inside = main > 0
    if not np.count_nonzero(inside) or float(weight[inside].sum()) >= _LONE_POST_PROSE:
        return main
    parents, tags, classes, elems = seg.elem_parent, seg.elem_tag, seg.elem_class, seg.elems
    held = np.flatnonzero(inside)
    c = common_ancestor(parents, elems[int(held[0])], elems[int(held[-1])])
    # A container in a named element (a post's text, its part or the post itself): nothing to do.
    x = c
    while x > 0 and not (tags[x] == "article" or (classes[x] and _names_content_only(classes[x], True))):
        x = parents[x]
    if x > 0:
        return main
    free = (flags & (_BOXES | Flag.COMMENT)) == 0
    heads = np.flatnonzero(free & (heading >= 1) & (heading <= _POST_HEADING))
    if not len(heads):
        return main
    # Each element's outermost named ancestor (or itself), 0 for none: one walk up per heading,
    # remembering every element passed.
    outer: dict[int, int] = {}
    posts: set[int] = set()
    for k in heads.tolist():
        e = elems[k]
        passed: list[int] = []
        while e > 0 and e not in outer:
            passed.append(e)
            e = parents[e]
        found = outer.get(e, 0)
        for x in reversed(passed):
            if not found and (tags[x] == "article" or (classes[x] and _names_content_only(classes[x], True))):
                found = x
            outer[x] = found
        if found:
            posts.add(found)
            if len(posts) > 1:
                return main
    if not posts:
        return main
    post = posts.pop()
    block_elems = seg.elem_array()
    # The one post of the page: no other outermost named element holds a block outside those
    # boxes and comments (a list of posts names each; looked for only here, on a page in a hundred).
    end = elem_subtree_ends(seg)
    for e in range(1, len(parents)):
        if e != post and (tags[e] == "article" or (classes[e] and _names_content_only(classes[e], True))):
            x = parents[e]
            while x > 0 and not (tags[x] == "article" or (classes[x] and _names_content_only(classes[x], True))):
                x = parents[x]
            if x <= 0 and (free & (block_elems >= e) & (block_elems < end[e])).any():
                return main
    blocks = free & (block_elems >= post) & (block_elems < end[post])
    return np.asarray(blocks, dtype=np.float64)


# A short text: about three paragraphs of prose weight. On the dev splits the containers this
# step replaced held 66-904 (a sidebar's profile, a widget, a licence line, a blog's column
# around a post of short lines); an article's text holds thousands (6,936 on a wcxb-dev
# article whose sidebar column is classed "post").
_LONE_POST_PROSE = 1000.0
# A post's title is an h1, an h2 or an h3 (a Blogger post's is an h3 under the date's h2).
_POST_HEADING = 3


def _product_box(
    seg: Segments, main: FloatArray, n_words: FloatArray, link_density: FloatArray, flags: IntArray
) -> FloatArray:
    """On a declared product page, the box around the product's name joins the container.

    A shop's product page sets the product's name (its one <h1>), price, options and
    description in one box, the buy box, and often the brand's story, a feature section or a
    size guide in sentences below it: those outweigh the box's short lines, take the
    container, and the name and the description fall out. On a page that declares a product
    (segment.declares_product) whose one h1 stands outside the container, the first element
    up from the h1 that holds _BOX_WORDS words of plain text (under half link text, outside
    <nav>, <header>, <footer> and <aside>) joins the container with its plain blocks, unless
    the walk reaches the container first (the name then stands right beside it). Each
    element's blocks are the run around the h1's (document order), grown one block at a time
    and no further than the container: the walk reads the box's blocks only, and the
    declaration is searched for only where it found a box (one page in twenty; 0.03 ms a page).
    """
    kinds = seg.kinds
    if kinds.count("h1") != 1:
        return main
    span = _box_span(seg, main, n_words, link_density, flags, kinds.index("h1"))
    if span is None or not declares_product(seg):
        return main
    lo, hi = span
    chrome = (flags & _BOX_CHROME) != 0
    out: FloatArray = main.copy()
    out[lo:hi] = np.where(chrome[lo:hi], main[lo:hi], 1.0)
    return out


def _section_stack(seg: Segments, main: FloatArray, weight: FloatArray, flags: IntArray) -> FloatArray:
    """On a landing page built as a stack of sections, the sections from the title's down join the container.

    A company's or a service's page stacks its parts as sibling <section> elements: a hero
    with the page's <h1>, the features, the steps, a comparison, and often a closing FAQ
    whose long answers outweigh every other part and take the container alone. When the
    container stands in a <section>, the page's first <h1> stands in an earlier sibling of
    that section, and at least one more section holding prose stands between the two, every
    part from the title's to the container's joins it (not their <nav>, <header>, <footer>
    and <aside> blocks). An article's title stands in its own section or right above the
    text, with no section between; the sections after the container (related posts, a
    last call to action) are left out.
    """
    kinds = seg.kinds
    tags = seg.elem_tag
    # Six pages in ten have no <section> (a scan of the tags, ~2 us, before any array is made).
    if "h1" not in kinds or "section" not in tags:
        return main
    inside = np.flatnonzero(main)
    if not len(inside):
        return main
    # The container's root: the lowest element that holds its first and its last block (climbed on
    # the Python lists: a numpy scalar a step cost ~5 us a page, and half the pages stop here).
    up_of, elem_of = seg.elem_parent, seg.elems
    e, a = elem_of[int(inside[-1])], elem_of[int(inside[0])]
    up = {a}
    while a > 0:
        a = up_of[a]
        up.add(a)
    while e > 0 and e not in up:
        e = up_of[e]
    while e > 0 and tags[e] != "section":
        e = up_of[e]
    if e <= 0:
        return main
    parents = seg.parent_array()
    elems = seg.elem_array()
    end = subtree_ends(parents)
    kids = np.flatnonzero(parents == parents[e])
    h = int(elems[kinds.index("h1")])
    top = [int(k) for k in kids if k <= h < end[k]]
    if not top or top[0] >= e:
        return main  # the title stands in no earlier part of the stack
    own = np.bincount(elems, weights=weight, minlength=len(parents)).astype(np.float64)
    sums = subtree_sums(parents, own, end)
    full = [int(k) for k in kids if tags[k] == "section" and sums[k] > 0]
    run = [top[0]] + [k for k in full if top[0] < k <= e]
    if len(run) < _STACK_PARTS or len(full) < _STACK_PARTS:
        return main
    roots = np.zeros(len(parents), dtype=bool)
    roots[run] = True
    add = within(parents, roots)[elems] & ((flags & _LAYOUT_TAGS) == 0)
    return np.where(add, 1.0, main)


# Three sections holding prose at least, and three parts from the title's to the container's
# (one section between): two are an article's header and text (wcxb-dev held-out -0.0003,
# scrapinghub-aeb -0.0002 with two).
_STACK_PARTS = 3
_LAYOUT_TAGS = int(Flag.NAV | Flag.HEADER | Flag.FOOTER | Flag.ASIDE)


def _box_span(
    seg: Segments, main: FloatArray, n_words: FloatArray, link_density: FloatArray, flags: IntArray, name: int
) -> tuple[int, int] | None:
    """_product_box's walk up from the h1 (block name): the blocks [lo, hi) of the first element
    that holds _BOX_WORDS words of plain text, or None when there is no container, the h1 is in
    it, or the walk reaches it first or the root. Its compiled twin walks the same blocks in C, adding each block's plain
    words once (whole numbers: exact in any order), where this sums the run again at every
    element and _descends climbs in Python (~0.1 ms on a page of deep nesting)."""
    if not main.any() or main[name] > 0:
        return None
    parents, elems = seg.elem_parent, seg.elems
    n = len(elems)
    chrome = (flags & _BOX_CHROME) != 0
    plain = np.where((link_density < 0.5) & ~chrome, n_words, 0.0)
    lo, hi = name, name + 1  # the blocks of the element reached so far: [lo, hi)
    e = elems[name]
    while e >= 0:
        while lo > 0 and _descends(parents, elems[lo - 1], e):
            lo -= 1
            if main[lo] > 0:
                return None
        while hi < n and _descends(parents, elems[hi], e):
            if main[hi] > 0:
                return None
            hi += 1
        if float(plain[lo:hi].sum()) >= _BOX_WORDS:
            return lo, hi
        e = parents[e]
    return None


def _descends(parents: list[int], x: int, e: int) -> bool:
    """Whether element x is e or below it (elements in document order: an ancestor comes first)."""
    while x > e:
        x = parents[x]
    return x == e


# Fifty words of plain text: a description's paragraph or a few facts (30 and 100 moved the
# same dev pages of wcxb-dev, 30 two dragnet dev pages more, 100 only two of the pages).
_BOX_WORDS = 50.0
_BOX_CHROME = Flag.NAV | Flag.HEADER | Flag.FOOTER | Flag.ASIDE


def _dated_items(seg: Segments, kids: list[int], p: int, date_like: FloatArray) -> int:
    """How many of p's children kids hold a date line."""
    parents, elems = seg.elem_parent, seg.elems
    wanted, found = set(kids), set()
    for k in np.flatnonzero(date_like).tolist():
        e = elems[k]
        while e > p and e not in wanted:  # document order: p's descendants follow it
            e = parents[e]
        if e in wanted:
            found.add(e)
    return len(found)


# A thread: the first post and two replies (two alike siblings: an article's copy, a story and
# its teaser, dragnet -0.0017, wcxb-dev -0.0006).
_THREAD_POSTS = 3
# Most posts show a date line (a long author line, "code-in-progress (Bill - I write code.) May 3,
# 2024, 12:16pm", is past the date test's 12 words).
_DATED_POSTS = 0.6
# How far above the container a post's element may stand (its text is a few levels down).
_POST_DEPTH = 6


def _thin_choice(flags: IntArray, inside: npt.NDArray[np.bool_], weight: FloatArray, total: float) -> bool:
    """Whether the first choice holds too little of the page's text (weights as in _unboxed_container).

    Under a third of it: a box of the page's column. Or, inside <main>, under half of it while
    the text before the choice is twice the text after it: the closing section of a landing
    page (its FAQ, a last pitch) after the page's sections of short lines.
    """
    held = float(weight[inside].sum())
    if held < _THIN_MAIN_SHARE * total:
        return True
    if held >= _CLOSING_MAIN_SHARE * total or not np.all(flags[inside] & Flag.MAIN):
        return False
    blocks = np.flatnonzero(inside)
    return float(weight[: blocks[0]].sum()) >= _CLOSING_BEFORE * float(weight[blocks[-1] + 1 :].sum())


# A first choice whose blocks are at least this share in <nav>, <footer> or <aside> is chosen
# again. 0.5, set on the dev split (0.3-0.9 tried: 0.9 misses product pages whose container
# holds a few lines of the page beside its footer; 0.3 and 0.5 alike on the HTML sets).
_BOXED_MAIN_SHARE = 0.5
# A first choice holding less than this share of the text outside the boxes (as counted
# above) is chosen again. 0.35, set on the dev split (0.25-0.6 tried): up to 0.35 only
# wcxb-dev and trafilatura-eval pages move; from 0.4 short news stories beside a sidebar of
# teasers (dragnet) lose their container to the whole page.
_THIN_MAIN_SHARE = 0.35
# Inside <main>, a first choice holding less than this share, with _CLOSING_BEFORE times as much
# of the text before it as after it, is chosen again too. Set on the dev split: 0.5 alone (any
# first choice in <main>) costs a product page and a news story beside its sidebar (their
# text runs on after the choice); a landing page's closing FAQ has its page before it.
_CLOSING_MAIN_SHARE = 0.5
_CLOSING_BEFORE = 2.0
_BOXES = int(Flag.NAV | Flag.FOOTER | Flag.ASIDE)


def subtree_sums(parents: IntArray, own: FloatArray, end: IntArray | None = None) -> FloatArray:
    """Each element's own value plus its descendants' (elements in document order, parents[0] = -1).

    Document order puts a subtree in one run of indexes: the sum is a difference of
    prefix sums, once each element knows where its subtree ends (``end``, subtree_ends').
    """
    if end is None:
        end = subtree_ends(parents)
    prefix = np.concatenate(([0.0], np.cumsum(own, dtype=np.float64)))
    return np.asarray(prefix[end] - prefix[:-1], dtype=np.float64)


def elem_subtree_ends(seg: Segments) -> IntArray:
    """subtree_ends of the page's element tree, made once a page (read-only) for the rules that ask."""
    got = seg.shared.get("subtree_ends")
    if got is None:
        got = subtree_ends(seg.parent_array())
        got.flags.writeable = False
        seg.shared["subtree_ends"] = got
    return got  # type: ignore[return-value]


def subtree_ends(parents: IntArray) -> IntArray:
    """For each element, one past the last element of its subtree (document order, parents[0] = -1).

    That is one past the largest index below it, found by pointer jumping (each round looks
    twice as far up, so a tree of n elements is done within n.bit_length() + 1 rounds). The
    rounds are bounded: parents that are no tree (a cycle) end there instead of looping forever.
    """
    n = len(parents)
    end = np.arange(1, n + 1, dtype=np.int64)
    up = parents.copy()
    if n:
        up[0] = 0
    for _ in range(n.bit_length() + 2):
        np.maximum.at(end, up, end.copy())
        if not up.any():  # every element looks at the root: all ancestors reached
            break
        up = up[up]
    return end


def within(parents: IntArray, roots: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """For each element, whether it or an ancestor is one of ``roots`` (parents[0] is -1).

    Pointer jumping: each round looks twice as far up, so a tree 256 deep takes 8 rounds
    of array operations instead of a Python step per element.
    """
    up = parents.copy()
    if len(up):
        up[0] = 0
    out: npt.NDArray[np.bool_] = roots.copy()
    while True:
        out |= out[up]
        if not np.count_nonzero(up):  # every element looks at the root: all ancestors seen
            return out
        up = up[up]


def _teaser_cards(
    seg: Segments,
    n_chars: FloatArray,
    link_density: FloatArray,
    n_words: FloatArray,
    flags: IntArray,
    weight: FloatArray,
    ellipsis: FloatArray,
) -> FloatArray:
    """Mark blocks inside teaser cards: alike sibling items that each open with a linked headline.

    "More stories" rails, related-article lists and product grids repeat one item shape
    (a headline link, a byline, an excerpt) under one parent. Their excerpts read like
    prose, so block by block they pass for content; as a group of linked items beside an
    article they are not. On a page that is only such items (a listing, a forum) the items
    are the content: cards count only when an article stands outside them (_article_beside).
    """
    card = _card_marks(seg, link_density, n_words, flags, ellipsis)
    if not np.count_nonzero(card) or not _article_beside(card, n_chars, link_density, flags, weight):
        return np.zeros(len(seg), dtype=np.float64)
    return card


def _article_beside(card: FloatArray, n_chars: FloatArray, link_density: FloatArray, flags: IntArray, weight: FloatArray) -> bool:
    """Whether the prose outside the cards is an article of its own, so the cards are beside it.

    The article outside must outweigh the cards as prose, and hold a fair share of their text
    too: a product grid's short spec lines weigh little as prose, but they are the page, not
    the paragraph of shop blurb beside them. Or it stands whole before them, a few paragraphs
    long and a quarter of their prose at least: a story with a stream of teasers below it,
    longer than the story.
    """
    text = n_chars * (1.0 - link_density) * ((flags & _CHROME_FLAGS) == 0)
    prose_in, text_in = float((weight * card).sum()), float((text * card).sum())
    prose_out, text_out = float(weight.sum()) - prose_in, float(text.sum()) - text_in
    if prose_out >= max(prose_in, _ARTICLE_PROSE) and text_out >= _CARD_TEXT_SHARE * text_in:
        return True
    above = float(weight[: int(np.argmax(card > 0))].sum())
    return above >= _STORY_PROSE and above >= _STORY_ABOVE * prose_out and prose_out >= _STREAM_SHARE * prose_in


def _card_marks(
    seg: Segments, link_density: FloatArray, n_words: FloatArray, flags: IntArray, ellipsis: FloatArray
) -> FloatArray:
    """1.0 for blocks inside a group of at least _CARD_ITEMS alike items each led by a linked headline."""
    n_elem = len(seg.elem_parent)
    parent = seg.elem_parent
    tags = seg.elem_tag
    classes = seg.elem_class
    # Menus in <nav>, <header> or <footer> are chrome already: only headlines elsewhere count.
    # A headline is a block of link text, or a linked title run into its excerpt, cut short.
    linked = (link_density >= _HEADLINE_LINKS) | ((ellipsis > 0) & (link_density >= _EXCERPT_LINKS))
    headline = linked & (n_words >= _HEADLINE_WORDS) & ((flags & _CHROME_FLAGS) == 0)
    if int(headline.sum()) < _CARD_ITEMS:
        return np.zeros(len(seg), dtype=np.float64)
    # Elements holding a headline: walk up from each headline's element.
    led = [False] * n_elem
    led_list: list[int] = []
    for e in {seg.elems[i] for i in np.flatnonzero(headline).tolist()}:
        while e > 0 and not led[e]:
            led[e] = True
            led_list.append(e)
            e = parent[e]
    groups: dict[tuple[int, str, str], int] = {}
    for e in led_list:
        if classes[e] or tags[e] in _ITEM_TAGS:
            key = (parent[e], tags[e], classes[e].translate(_NO_DIGITS))
            groups[key] = groups.get(key, 0) + 1
    if not any(v >= _CARD_ITEMS for v in groups.values()):
        return np.zeros(len(seg), dtype=np.float64)
    roots = np.zeros(n_elem, dtype=bool)
    for e in led_list:
        if groups.get((parent[e], tags[e], classes[e].translate(_NO_DIGITS)), 0) >= _CARD_ITEMS:
            roots[e] = True
    return within(seg.parent_array(), roots)[seg.elem_array()].astype(np.float64)


# A headline: a block of at least four words that is (nearly) all link text (3 took in menus
# of short feature names on service pages; 5 missed short headlines on dev pages).
_HEADLINE_LINKS = 0.8
_HEADLINE_WORDS = 4
# An item whose text ends with an ellipsis and carries a link (its title, in the same block)
# is an excerpt of another page: a tenth and more of link text (0.1 and 0.15 alike on the dev
# split; 0.3 missed titles a quarter of their item).
_EXCERPT_LINKS = 0.15
# Cut-short excerpts count at half their prose weight when cards and article are weighed.
_EXCERPT_WEIGHT = 0.5
# Three alike items make a list of teasers; two could be an article's own two parts.
_CARD_ITEMS = 3
# The article beside the cards: at least a few paragraphs of prose (weighted characters).
_ARTICLE_PROSE = 400.0
# Half: a rail of teasers can run longer than a short article, never twice as long as it.
_CARD_TEXT_SHARE = 0.5
# Or the story stands before the cards: 1,000 weighted characters of prose (three or four
# paragraphs), 80% of the prose outside them, and a quarter of theirs (a stream of teasers
# under a story runs on; a listing's intro is short, or it is no quarter of the list). 400
# took a wcxb-dev listing's intro for a story; 800-1,500 and 0.1-0.25 change one page alike.
_STORY_PROSE = 1000.0
_STORY_ABOVE = 0.8
_STREAM_SHARE = 0.25
_CHROME_FLAGS = Flag.NAV | Flag.FOOTER | Flag.ASIDE | Flag.HEADER | Flag.FORM | Flag.COMMENT
# Items by their tag alone (no class needed): list items and <article> entries.
_ITEM_TAGS = frozenset({"li", "article"})
# Items' classes are compared without their digits: a template numbers its cards ("article
# article_0", "article article_1"; "story sbpos-1", "story sbpos-2"), alike all the same.
# (The first form, dropping each class token with a digit, cost trafilatura-eval 0.0013.)
_NO_DIGITS = str.maketrans("", "", "0123456789")


def _repeated_items(seg: Segments, kids: IntArray, weights: FloatArray, best: int, total: float) -> bool:
    """True when the heaviest child is one of several alike siblings (forum posts, entries).

    Siblings with the same tag and class that all carry prose are items of one list:
    the list, not its largest item, is the content.
    """
    sig = (seg.elem_tag[best], seg.elem_class[best])
    if not sig[1]:
        # Without a class, "alike" says nothing: every page nests plain <div>s.
        return False
    alike = [k for k in kids.tolist() if weights[k] > 0 and (seg.elem_tag[k], seg.elem_class[k]) == sig]
    if len(alike) < 2:
        return False
    others = float(sum(weights[k] for k in alike)) - float(weights[best])
    # The other items together must matter: at least a tenth of the page's prose.
    return others >= _ITEM_SHARE * total


_ITEM_SHARE = 0.1


# The main container keeps at least this share of the page's prose weight. 0.7, set on the
# dev split (0.5-0.8 tried): an article body split in two sibling parts keeps their common
# parent, while a container holding the article plus a box of teasers is left for the article.
_MAIN_SHARE = 0.7


def _runs(blank_before: FloatArray, long_line: npt.NDArray[np.bool_]) -> tuple[FloatArray, FloatArray]:
    """For each line, how many lines and how many long lines its run holds.

    A run is a stretch of lines with no blank line between them.
    """
    run_id = np.cumsum(blank_before > 0)
    size = int(run_id[-1]) + 1
    longs = np.bincount(run_id, weights=long_line.astype(np.float64), minlength=size)
    lines = np.bincount(run_id, minlength=size).astype(np.float64)
    return np.asarray(lines[run_id], dtype=np.float64), np.asarray(longs[run_id], dtype=np.float64)


def _best_span(values: list[int], lo: int, hi: int) -> tuple[int, int, int]:
    """The max-sum contiguous span of values[lo:hi] (Kadane): (sum, start, end exclusive).

    Of spans with the same sum, the one that ends first; from the latest start for that end.
    An empty span (0, lo, lo) when no sum is positive.
    """
    best_sum, best_lo, best_hi = 0, lo, lo
    cur_sum, cur_lo = 0, lo
    for i in range(lo, hi):
        v = values[i]
        if cur_sum <= 0:
            cur_sum, cur_lo = v, i
        else:
            cur_sum += v
        if cur_sum > best_sum:
            best_sum, best_lo, best_hi = cur_sum, cur_lo, i + 1
    return best_sum, best_lo, best_hi


_Node = tuple[int, int, int, int, float, int]  # min prefix, its latest index, max prefix, its first index, best gain, its end


def _merge(a: _Node, b: _Node) -> _Node:
    """Two adjacent runs of prefix sums (a before b) as one (_SpanTree)."""
    lo = b[:2] if b[0] <= a[0] else a[:2]
    hi = a[2:4] if a[2] >= b[2] else b[2:4]
    best, end = a[4], a[5]
    for gain, at in ((b[4], b[5]), (b[2] - a[0], b[3])):
        if gain > best or (gain == best and at < end):
            best, end = gain, at
    return (lo[0], lo[1], hi[0], hi[1], best, end)


class _SpanTree:
    """_best_span in O(log n) a query, for pages with thousands of regions.

    A segment tree over the prefix sums P (P[0] = 0, P[k] = sum of values[:k]): the best
    span of values[lo:hi] is the pair x < e in [lo, hi] with the largest P[e] - P[x], the
    first such e, and for it the latest x with the smallest P[x] before it: what Kadane's scan
    returns. The values are integers, so the sums are exact and both ways agree on every tie.
    """

    def __init__(self, values: list[int]) -> None:
        prefix = [0, *itertools.accumulate(values)]
        self.size = size = len(prefix)
        self.tree: list[_Node] = [(0, 0, 0, 0, -math.inf, -1)] * size + [
            (p, k, p, k, -math.inf, -1) for k, p in enumerate(prefix)
        ]
        for k in range(size - 1, 0, -1):
            self.tree[k] = _merge(self.tree[2 * k], self.tree[2 * k + 1])

    def _query(self, first: int, last: int) -> _Node:
        """The merged node of prefix positions first..last (inclusive), in order."""
        left: list[_Node] = []
        right: list[_Node] = []
        lo, hi = first + self.size, last + self.size + 1
        while lo < hi:
            if lo & 1:
                left.append(self.tree[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                right.append(self.tree[hi])
            lo >>= 1
            hi >>= 1
        nodes = left + right[::-1]
        node = nodes[0]
        for other in nodes[1:]:
            node = _merge(node, other)
        return node

    def best_span(self, lo: int, hi: int) -> tuple[int, int, int]:
        if hi - lo < 1:
            return 0, lo, lo
        node = self._query(lo, hi)
        if node[4] <= 0:
            return 0, lo, lo
        end = node[5]
        start = self._query(lo, end - 1)[1]
        return int(node[4]), start, end


def _text_region(value: FloatArray, second: float = -1.0) -> tuple[FloatArray, float]:
    """Mark the lines of the best contiguous regions of running text.

    The best span (max-sum subarray) is the main region; an article cut in two by a
    box of links gives a second span on either side, kept when it is worth at least
    _SECOND_REGION of the best one. Values are counted in thousandths (integers: exact
    sums). Each span found splits its part of the page in two, and each part is scanned
    again: once the scans pass _REGION_SCANS times the page's lines (a page of thousands of
    paragraphs between short lines, where they would go quadratic), the rest is searched
    with a segment tree, with the same result. second: the share of the best region's worth a
    further region needs (_SECOND_REGION when not given).
    """
    ratio = second if second > 0 else _SECOND_REGION
    values = np.rint(value * 1000.0).astype(np.int64).tolist()
    n = len(values)
    main = np.zeros(n, dtype=np.float64)
    best, lo, hi = _best_span(values, 0, n)
    if best <= 0:
        return main, 0.0
    main[lo:hi] = 1.0
    todo = [(0, lo), (hi, n)]
    scanned, budget = n, _REGION_SCANS * n
    tree: _SpanTree | None = None
    while todo:
        a, b = todo.pop()
        if b - a < 1:
            continue
        if tree is None and scanned + (b - a) > budget:
            tree = _SpanTree(values)
        if tree is None:
            scanned += b - a
            s, l2, h2 = _best_span(values, a, b)
        else:
            s, l2, h2 = tree.best_span(a, b)
        if s >= ratio * best and s > 0:
            main[l2:h2] = 1.0
            todo.extend([(a, l2), (h2, b)])
    positive = float(np.maximum(value, 0).sum())
    kept = float((value * main).sum())
    return main, (kept / positive if positive > 0 else 0.0)


# Scans of the region search before it takes the segment tree: 20 times the lines (every
# page of the six datasets' dumps needs 10 at most, half of them under 2).
_REGION_SCANS = 20


# A second region of running text must be worth a quarter of the main one: an article
# split by an inline box of links; a lone paragraph-sized teaser is worth much less.
_SECOND_REGION = 0.25


def _numbered_posts(texts: list[str], n_words: FloatArray, date_like: FloatArray, main: FloatArray) -> FloatArray:
    """A forum thread's numbered posts, from the first post's header to the last one's, are the main region (text mode).

    Forum engines number a thread's posts on each post's header line, with its date ("#1 · Jan
    15, 2024", "#2 CDB, May 27, 2025"), or alone on a line of its own ("#5"). The region search
    takes the longer posts and leaves the short replies between them ("In-house movements.",
    "This") as a menu's lines. When the page's date lines of _POST_HEAD_WORDS words or fewer, and
    its lines of a number alone, number the posts from #1 on (three at least: #1, #2, #3, ...),
    the lines from the first header to the last one, or to the end of the regions found if
    later, join the main region. A blog numbers its comments so too
    ("Comment #1 - Posted by ..."), below its article: a page with _POST_ABOVE words of
    running text (lines of ten words or more) above the first header has an article there, and
    is left alone. A thread's first post stands after its header, or above it as the thread's
    title and opening lines (under 200 words on the dev split).
    """
    heads = np.flatnonzero(((date_like > 0) & (n_words <= _POST_HEAD_WORDS)) | (n_words == 1)).tolist()
    numbers: list[tuple[int, int]] = []
    for k in heads:
        if date_like[k] > 0:
            m = _POST_NUMBER.search(texts[k]) or _TRAILING_NUMBER.search(texts[k])
        else:
            m = _BARE_NUMBER.fullmatch(texts[k])
        if m is not None:
            numbers.append((k, int(m.group(1))))
    if len(numbers) < _THREAD_POSTS or [x for _, x in numbers[:_THREAD_POSTS]] != list(range(1, _THREAD_POSTS + 1)):
        return main
    run = _THREAD_POSTS
    while run < len(numbers) and numbers[run][1] == numbers[run - 1][1] + 1:
        run += 1
    first, last = numbers[0][0], numbers[run - 1][0]
    inside = np.flatnonzero(main)
    above = n_words[:first]
    if not len(inside) or float(above[above >= 10].sum()) >= _POST_ABOVE:
        return main
    out = np.array(main, dtype=np.float64)
    out[first : max(int(inside[-1]), last) + 1] = 1.0
    return out


# A post's header: the number, the author, the date ("#12 · Jan 18, 2024", "#3 OneCountry, Aug 2, 2025").
_POST_NUMBER = re.compile(r"(?:^|\s)#(\d{1,4})(?:\s|$)")
_POST_HEAD_WORDS = 14
# Or at the end of the header, after its date or time, without "#" (Discourse: "blumo September
# 22, 2024, 2:43pm 1"); after a word it is a day ("May 1"), of four digits a year ("Feb 25, 2024").
_TRAILING_NUMBER = re.compile(r"\d\S*\s+(\d{1,3})\s*$")
# Or the number alone on its line ("#5").
_BARE_NUMBER = re.compile(r"\s*#(\d{1,4})\s*")
# An article's worth of running text above the first numbered header (three or four paragraphs):
# a blog post above its numbered comments (dragnet, 995 words), where a thread's title and first
# post stand above it in 12-188 words (wcxb-dev, six threads).
_POST_ABOVE = 300


def _region_hull(main: FloatArray) -> FloatArray:
    """The main regions and every line between them (text mode, favor="recall").

    A dump flattens an article's tables, lists and code into short lines that split its
    paragraphs into several regions. The lines between belong to it more often than not
    (wcxb-dev, cleaneval-dev, readability-testpages); on blogs whose sidebar makes a second
    region they do not (dragnet): recall's trade, not the default's.
    """
    inside = np.flatnonzero(main)
    if len(inside) < 2:
        return main
    out = np.array(main, dtype=np.float64)
    out[int(inside[0]) : int(inside[-1]) + 1] = 1.0
    return out


def _section_regions(main: FloatArray, value: FloatArray, found: FloatArray) -> FloatArray:
    """The smaller regions of a page whose running text is spread over many sections (text mode).

    A service, product or documentation page sets its text out in sections, a heading and a few
    sentences each, none much larger than the rest: the regions found hold under _SECTION_SHARE
    of the page's running text (its lines' positive worth), since a section worth less than a
    quarter of the best one (_SECOND_REGION) is left out. On such a page a region counts from _SECTION_REGION of the
    best one's worth, when it holds two lines of running text or more (a lone paragraph is a
    notice, a disclaimer or a teaser). The regions are added after the hull: what lies between
    them is left to the other steps. found: the regions the search found in value.
    """
    positive = float(np.maximum(value, 0.0).sum())
    if positive <= 0.0:
        return main
    if float(value[found > 0].sum()) >= _SECTION_SHARE * positive:
        return main
    extra, _ = _text_region(value, _SECTION_REGION)
    new = (extra > 0) & (main == 0)
    if not new.any():
        return main
    out = np.array(main, dtype=np.float64)
    edges = np.diff(np.concatenate(([0], new.astype(np.int8), [0])))
    for a, b in zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(), strict=True):
        if int(np.count_nonzero(value[a:b] > 0)) >= _SECTION_LINES:
            out[a:b] = 1.0
    return out


# The regions found hold under half of the page's running text; the others count from 18% of the best's
# worth (not 25%), with two lines of running text (session 13, text mode: wcxb-dev +0.0025, dev
# +0.0023, held-out +0.0033; cleaneval-dev +0.0007, trafilatura-eval +0.0004 snippet F1, dragnet
# dev -0.0001, nothing else moved). On every page (no share test) readability-testpages, scrapinghub-aeb and dragnet
# lost 0.0012-0.0015; inside the hull (the new regions joined up by it) dragnet lost 0.0010; a
# lone line allowed, dragnet's failures rose 80 -> 83 (legal notices and e-mail pitches as regions);
# three lines kept less (wcxb-dev +0.0014).
_SECTION_SHARE = 0.5
_SECTION_REGION = 0.18
_SECTION_LINES = 2


def _region_count(main: FloatArray) -> int:
    """How many separate regions (runs of main lines) the region search found."""
    if not len(main):
        return 0
    inside = main > 0
    return int(inside[0]) + int(np.count_nonzero(inside[1:] & ~inside[:-1]))


# A page whose running text falls into six regions or more is one document cut up by its own
# tables, lists, code and headings (a manual, a wiki page, a listing with a paragraph per item):
# the lines between its regions are its own, as favor="recall" takes them on every page. With
# two to five regions, the others are as often a sidebar or a comment thread beside an article
# (a blog's). Measured on the dev splits (4 regions: dragnet -0.003; 6: wcxb-dev +0.015,
# cleaneval-dev +0.008, readability-testpages +0.008, dragnet -0.001; 8 and 10 keep less of it).
_HULL_REGIONS = 6


def _between_regions(main: FloatArray) -> npt.NDArray[np.bool_]:
    """The lines outside the main regions between the first main line and the last (text mode)."""
    out = np.zeros(len(main), dtype=bool)
    inside = np.flatnonzero(main)
    if len(inside) >= 2:
        lo, hi = int(inside[0]), int(inside[-1]) + 1
        out[lo:hi] = main[lo:hi] == 0
    return out


def _prose_between(main: FloatArray, n_words: FloatArray, stop: FloatArray, sentence_end: FloatArray) -> int:
    """How many lines of prose stand between the main regions and outside them (text mode).

    A prose line has 10 words or more, function words (a fifth of them) and a sentence end.
    Such lines left out between two regions are paragraphs kept apart by the short lines
    around them: a tutorial's sentences between its code, a guide's between its steps.
    """
    prose = _between_regions(main) & (n_words >= 10) & (stop >= 0.2) & (sentence_end > 0)
    return int(np.count_nonzero(prose))


def _dates_between(main: FloatArray, date_like: FloatArray) -> bool:
    """Whether a date line stands between the main regions, outside them (text mode)."""
    return bool((_between_regions(main) & (date_like > 0)).any())


# Four or five regions with no date line between them are one document too: a blog's sidebar or
# its comment thread beside an article puts a date on each post or comment, a page's own tables
# and lists do not (the dev splits: wcxb-dev +0.0029, readability-testpages +0.0036,
# scrapinghub-aeb +0.0012; dragnet -0.0001 and trafilatura-eval -0.0005 from a related-posts box
# with no dates; with dates allowed, dragnet -0.0004 and trafilatura-eval -0.0011).
_HULL_UNDATED_REGIONS = 4


# Eight prose lines or more between the regions make them one document, whatever their number:
# a sidebar or a menu beside an article holds teasers and links, seldom eight sentences (the
# dev splits, hull at 2+ regions on such pages: wcxb-dev +0.008, cleaneval-dev +0.009, dragnet
# +0.0002; 5 or 6 lines: dragnet -0.0008 / -0.0004, 10 or 12 keep less of wcxb-dev's gain).
_HULL_PROSE = 8


def _block_columns(stats: tuple[IntArray, ...], n_chars: FloatArray, blank_before: FloatArray) -> FloatArray:
    """The per-block columns made from the counts alone, as the rows of one array (see _COLUMNS).

    Words, the stopword ratio (unspaced script's typical one where words outnumber the
    whitespace tokens _UNSPACED times), dates, sentence ends, sentences, the punctuation and
    capital ratios, words per 80-character line, the position and the blank lines after.
    Its compiled twin makes them in one loop, where these are some twenty numpy calls.
    """
    n = len(n_chars)
    n_words = np.asarray(stats[0], dtype=np.float64)
    safe_words = np.maximum(n_words, 1.0)
    # Chinese and Japanese have no spaces: most "words" (characters) are not whitespace
    # tokens, and the function-word lists cannot see them. Give such blocks a typical
    # prose ratio instead of a menu's zero.
    unspaced = n_words > _UNSPACED * np.asarray(stats[7], dtype=np.float64)
    out = np.empty((_COLUMNS, n), dtype=np.float64)
    out[0] = n_words
    out[1] = np.where(unspaced, _UNSPACED_STOP, np.asarray(stats[1], dtype=np.float64) / safe_words)
    out[2] = stats[6]
    out[3] = stats[4]
    out[4] = stats[5]
    out[5] = np.asarray(stats[2], dtype=np.float64) / np.maximum(n_chars, 1.0)
    out[6] = np.asarray(stats[3], dtype=np.float64) / safe_words
    # Words per 80-character line (Kohlschütter et al. 2010).
    out[7] = n_words / np.maximum(np.ceil(n_chars / 80.0), 1.0)
    out[8] = np.arange(n, dtype=np.float64) / max(n - 1, 1)
    out[9] = 0.0
    out[9, :-1] = blank_before[1:]
    return out


# The rows of _block_columns.
_COLUMNS = 10


def _flag_counts(flags: IntArray, bits: tuple[int, ...]) -> tuple[int, ...]:
    """How many blocks carry each of bits. Its compiled twin counts them all in one pass over the
    flags, where numpy makes a masked copy and counts it, two calls a bit."""
    return tuple(int(np.count_nonzero(flags & bit)) for bit in bits)


# The bits _flag_counts counts for compute_features: _page_wide_word's, _page_wide_form's and
# _comments_as_content's first tests.
_COUNTED_BITS = (int(Flag.NEG_CLASS), int(Flag.FORM), int(Flag.COMMENT))


# A post's age as a forum or a thread prints it: "17 hours ago", "posted 6 years ago", "An hour ago".
# Lower case: a title-case "2 Weeks Ago" is a list's or a menu's entry (a cleaneval-dev page
# keeps four such lines, −0.022 when they went as dates).
_RELATIVE_DATE = regex.compile(
    r"\b(?:\d{1,3}|[Aa]n?)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?)\s+ago\b"
)
# As the date test: a line of 12 words at most (a sentence that says "two years ago" is longer).
_RELATIVE_WORDS = 12


def _relative_dates(texts: list[str], n_words: FloatArray, date_like: FloatArray) -> FloatArray:
    """Short lines that give a post's age ("17 hours ago") are date lines too (HTML).

    The short lines are read for the word with smooth's compiled stem search (~0.015 ms a page;
    a join of the page's texts, or a loop over them, took 0.2 ms), and only those holding it are
    searched with the pattern. The short lines are found with smooth's compiled _all_of: one
    pass, where numpy's five operations took ~2 us a page more.
    """
    from .smooth import _all_of, _texts_holding  # smooth imports this module: asked for at the call

    short = _all_of(len(texts), ((date_like, "==", 0), (n_words, "<=", _RELATIVE_WORDS), (n_words, ">=", 2))).nonzero()[0]
    hits = [k for k in _texts_holding(texts, short, (b"ago",)) if _RELATIVE_DATE.search(texts[k]) is not None]
    if not hits:
        return date_like
    out: FloatArray = date_like.copy()
    out[hits] = 1.0
    return out


def compute_features(
    seg: Segments, mode: str, language: str | None = None, *, find_comments: bool = True, hull: bool = False
) -> Features:
    """Turn segmented blocks into feature arrays.

    find_comments: in text mode, look for a comment thread below the article and keep it
    out of the main region (Features.comments_from); off when comments are wanted.
    hull: in text mode, the main region is every line from the first region line to the
    last (favor="recall": the tables, lists and code between an article's paragraphs).
    """
    texts = seg.texts
    n = len(texts)
    lang = language or seg.language
    if lang is None and n:
        lang = _page_language(texts)
    stats = _text_stats(texts, stopwords_for(lang))
    n_chars, link_density, flags, heading, blank_before = _block_arrays(seg, mode == "html")
    (n_words, stop, date_like, sentence_end, n_sentences, punct_ratio, capital_ratio, text_density, position,
     blank_after) = _block_columns(stats, n_chars, blank_before)
    if mode == "html":
        date_like = _relative_dates(texts, n_words, date_like)
    repeated = _repeated(texts)
    dated = np.zeros(n, dtype=np.float64)
    card = np.zeros(n, dtype=np.float64)
    comments_from = -1
    comments_stamped = False
    blank_style = False
    if mode == "text" and n:
        long_line = n_words >= 10
        run_lines, run_long = _runs(blank_before, long_line)
        # Blank-line style: most long lines stand between blank lines (vs a dump without blank lines).
        isolated = (blank_before > 0) & (blank_after > 0)
        n_long = np.count_nonzero(long_line)  # count_nonzero: the sums of the masks, without a reduction each
        blank_style = bool(n_long >= 3 and np.count_nonzero(isolated & long_line) >= 0.5 * n_long)
    else:  # HTML, or a text of no lines: isolated is read by the text branch below only
        run_lines, run_long = np.ones(n, dtype=np.float64), np.zeros(n, dtype=np.float64)
        isolated = np.zeros(0, dtype=bool)
    ellipsis = _ellipsis(texts)
    if mode == "html":
        flags = _comment_sections(seg, flags, heading, date_like, n_words)
        flags = _item_words(seg, flags)
        flags = _review_sections(seg, flags, date_like)
        flags = _negated_words(seg, flags)
        flags = _content_named(seg, flags)
        # The next three steps' first tests, a count of each one's bit, made in one pass: each step
        # clears its own bit only, so the counts made before the first still hold for the next.
        neg_count, form_count, comment_count = _flag_counts(flags, _COUNTED_BITS)
        if n >= _WIDE_MIN_BLOCKS and neg_count >= _WIDE_SHARE * n:
            flags = _page_wide_word(seg, flags, n_words)
        if n >= _WIDE_MIN_BLOCKS and form_count >= _WIDE_SHARE * n:
            flags = _page_wide_form(flags, n_words)
        if comment_count:
            flags = _comments_as_content(seg, flags, n_chars, link_density)
        weight = _prose_weight(n_chars, link_density, n_words, stop, flags)
        only = _chrome_only(seg, flags)
        if only is not None:
            weight = np.where(only, 0.0, weight)
        excerpt = weight * (1.0 - (1.0 - _EXCERPT_WEIGHT) * ellipsis)
        card = _teaser_cards(seg, n_chars, link_density, n_words, flags, excerpt, ellipsis) if n else np.zeros(0)
        # Teasers never choose the main container: the article beside them does.
        main, share = _main_container(seg, weight * (1.0 - card)) if n else (np.zeros(0), 0.0)
        free = _unwrap(seg, flags, main) if n else None
        if free is not None:
            flags = np.where(free, flags & ~int(Flag.NEG_CLASS), flags)
            main, share = _main_container(seg, np.where(free, weight / _NEG_CLASS_WEIGHT, weight) * (1.0 - card))
        if n:
            main, share = _unboxed_container(seg, flags, main, share, n_chars, n_words, link_density, card)
            main, card = _priced_grid(seg, texts, flags, main, card, n_chars, n_words)
            main = _thread_posts(seg, main, date_like)
            main = _product_box(seg, main, n_words, link_density, flags)
            main = _section_stack(seg, main, weight, flags)
            main = _lone_post(seg, main, flags, weight, heading)
    else:
        dated = _dated_neighbours(_restated_dates(texts, date_like))
        value = _line_value(
            n_words, stop, sentence_end, repeated, run_lines, run_long, ellipsis, blank_style, isolated, capital_ratio
        ) - _DATED_VALUE * dated
        value = _neutral_marks(texts, n_words, value)
        menus = _glued_menus(texts, n_words)
        if menus is not None:
            value = np.where(menus, np.minimum(value, _GLUED_MENU_VALUE), value)
        glued = glued_teasers(texts, n_words, capital_ratio)
        if np.count_nonzero(glued):
            # Kept in card (HTML's teaser cards, unused in text mode) for smooth.drop_text_glued_teasers.
            card = glued.astype(np.float64)
            value = np.where(glued, np.minimum(value, _GLUED_VALUE), value)
        comments_from = _text_comments(texts, n_words, n_chars, value, date_like) if find_comments else -1
        stamped = _stamped_thread(texts, n_words, n_chars, value, date_like) if find_comments else -1
        comments_stamped = stamped >= 0 and (comments_from < 0 or stamped < comments_from)
        comments_from = _first_of(comments_from, stamped)
        if comments_from >= 0:
            value = value.copy()
            value[comments_from:] = np.minimum(value[comments_from:], _COMMENT_VALUE)
        main, share = _text_region(value) if n else (np.zeros(0), 0.0)
        searched, found = value, main  # the worths the region search ran on, and what it found
        code = _code_span(texts, n_words, np.asarray(stats[2], dtype=np.float64)) if n else None
        if code is not None:
            # A tutorial's code blocks and the short lines among them (steps, options, headings)
            # break its running text into parts too small to be a region: searched again with
            # them neutral, the text they split is one region, added to those found before.
            searched = np.where(code, np.maximum(value, 0.0), value)
            bridged, _ = _text_region(searched)
            main = np.maximum(main, bridged)
            found = bridged
        if n:
            main = _numbered_items_after(texts, main, n_words, stop, sentence_end, repeated, ellipsis, date_like, comments_from)
        regions = _region_count(main)
        if (
            hull
            or regions >= _HULL_REGIONS
            or _prose_between(main, n_words, stop, sentence_end) >= _HULL_PROSE
            or (regions >= _HULL_UNDATED_REGIONS and not _dates_between(main, date_like))
        ):
            main = _region_hull(main)
        records = _labelled_records(texts, n_words, ellipsis) if n else np.zeros(0, dtype=bool)
        # A dated line is a comment's header ("24. Jul, 2012 / Jane"), not a record (session 19).
        records &= date_like == 0
        if np.count_nonzero(records):
            # A list of records ("Duration: 2 to 6 months", "Warm Up. 10 minutes: ...") cuts an
            # article's paragraphs into parts too small to be a region: searched again with its
            # lines worth a little (and the lines between two records with a sentence among them
            # worth 0 at least: an item's own text), the text it splits is one region, added to
            # those found before.
            worth = np.where(records, np.maximum(searched, _RECORD_VALUE), searched)
            between = _between_records(records, n_words, stop, sentence_end)
            joined, _ = _text_region(np.where(between, np.maximum(worth, 0.0), worth))
            main = np.maximum(main, joined)
        if n:
            main = _numbered_sections(texts, n_words, stop, sentence_end, main)
        if n:
            main = _section_regions(main, searched, found)
            main = _numbered_posts(texts, n_words, date_like, main)
    return Features(
        mode=mode,
        n_chars=n_chars,
        n_words=n_words,
        link_density=link_density,
        text_density=text_density,
        stopword_ratio=stop,
        punct_ratio=punct_ratio,
        capital_ratio=capital_ratio,
        sentence_end=sentence_end,
        ellipsis=ellipsis,
        n_sentences=n_sentences,
        date_like=date_like,
        position=position,
        heading=heading,
        repeated=repeated,
        blank_before=blank_before,
        blank_after=blank_after,
        run_lines=run_lines,
        run_long=run_long,
        dated=dated,
        main=main,
        card=card,
        flags=flags,
        main_share=share,
        blank_style=blank_style,
        language=lang,
        comments_from=comments_from,
        comments_stamped=comments_stamped,
    )


_COMMENT_WORDS = (
    r"(?:comments?|kommentar(?:e|er)?|commentaires?|coment[aá]rios?|commenti|commento|"
    r"reacties|reactie|komentarz[ey]?|responses)"
)
# A count next to the word: "15 comments", "{ 74 comments...", "Comments (5)", "COMMENTS[8]".
_COMMENT_HEAD = regex.compile(
    rf"(?i)(?<!\d)\d+[^\S\n]+{_COMMENT_WORDS}(?![\w])|(?<![\w.]){_COMMENT_WORDS}[^\S\n]*"
    r"(?:[(\[][^\S\n]*\d+[^)\]\n]{0,12}[)\]](?![\[.(])|:[^\S\n]*\d+(?![\w.]))"
)
# A count and the word for comments with the post's title after them, from the start of the
# line: "40 Responses to “Title”", "12 comments on Title", "3 Kommentare zu „Titel“". A byline's
# count never names the post: this heads the thread wherever it stands below the article.
_COMMENT_TITLED = regex.compile(
    rf"(?i)[^\w\n]*\d+[^\S\n]+{_COMMENT_WORDS}[^\S\n]+(?:to|on|for|zu|zum|zur|sur|à|a|em|en|su|op|do|bij)[^\S\n]+\S"
)
# The word alone on its line: "Comments", "COMMENTS:", "— Kommentare —".
_COMMENT_BARE = regex.compile(rf"(?i)[^\w\n]*{_COMMENT_WORDS}[^\w\n]*")
# Such a line holds the title: 30 words at most.
_COMMENT_TITLED_WORDS = 30
# Lowercase stems of _COMMENT_WORDS, for finding the lines to look at with str.find.
_COMMENT_STEMS = ("comment", "kommentar", "coment", "reacti", "komentarz", "respons")
# The heading of the form for a comment: a verb, maybe an article, and the word ("Leave a Reply",
# "Post a comment", "Add Comment", "Schreibe einen Kommentar", "Laisser un commentaire", "Deja un
# comentario", "Lascia un commento", "Plaats een reactie", "Zostaw komentarz"), or the word and
# the verb ("Kommentar schreiben"); WordPress adds "Cancel reply".
_FORM_VERBS = (
    r"(?:leave|post|add|write|submit|schreiben?|schreibe|hinterlasse|hinterlassen|laisser|laissez|"
    r"deja|dejar|deixe|deixar|lascia|scrivi|plaats|zostaw|napisz|dodaj)"
)
_FORM_NOUNS = rf"(?:reply|comment|response|{_COMMENT_WORDS}|odpowied[zź])"
_COMMENT_FORM = regex.compile(
    rf"(?i)[^\w\n]*(?:{_FORM_VERBS}[^\S\n]+(?:(?:a|an|your|one|einen|un|une|una|um|uma|een|uw)[^\S\n]+)?"
    rf"{_FORM_NOUNS}|{_FORM_NOUNS}[^\S\n]+{_FORM_VERBS})(?:[^\w\n]+cancel[^\S\n]+reply)?[^\w\n]*"
)
_FORM_STEMS = ("reply", "odpowied")
# The form's heading with the engine's link to cancel a reply after it, in the stopword languages
# (WordPress: "Schreibe einen Kommentar Antworten abbrechen", "Laisser un commentaire Annuler la
# réponse", "Deja un comentario Cancelar respuesta", "Lascia un commento Annulla risposta"), or
# the link alone where the heading is a word the verbs above miss ("Kommentar verfassen"): the
# link names the form whatever its heading says.
_FORM_CANCEL = regex.compile(
    r"(?i)[^\n]{0,60}?(?:cancel[^\S\n]+reply|antworten[^\S\n]+abbrechen|annuler[^\S\n]+la[^\S\n]+r[ée]ponse|"
    r"cancelar[^\S\n]+respuesta|cancelar[^\S\n]+resposta|annulla[^\S\n]+risposta|reactie[^\S\n]+annuleren|"
    r"anuluj[^\S\n]+pisanie[^\S\n]+odpowiedzi)[^\w\n]*"
)
# A thread still empty: "No comments yet", "0 Comments", "No Responses".
_NO_COMMENTS = regex.compile(rf"(?i)[^\w\n]*(?:no|0)[^\S\n]+(?:{_COMMENT_WORDS}|comment|response)(?:[^\S\n]+yet)?[^\w\n]*")


def names_comment_form(text: str) -> bool:
    """Whether a short line heads the form for a comment ("Leave a Reply", "Post a Comment",
    "Laisser un commentaire Annuler la réponse") or a thread still empty ("No comments yet.")."""
    low = text.lower()
    if not any(stem in low for stem in FORM_LINE_STEMS):
        return False
    return any(rx.fullmatch(text) is not None for rx in (_COMMENT_FORM, _FORM_CANCEL, _NO_COMMENTS))


# Lowercase stems of _FORM_CANCEL's links, for finding the lines to look at with str.find.
_CANCEL_STEMS = ("cancel", "abbrechen", "annuler", "annulla", "annuleren", "anuluj")
# Lowercase stems of the lines names_comment_form reads.
FORM_LINE_STEMS = _COMMENT_STEMS + _FORM_STEMS + _CANCEL_STEMS
# Letters and digits only, for telling whether a form's heading stands more than once.
_FORM_KEY = regex.compile(r"[\W_]+")
# A heading is a short line: "{ 74 comments... read them below or add one }" is 8 words.
_COMMENT_HEAD_WORDS = 8
# The value a thread's lines have at most in the region search: a menu entry's, so however
# much prose the comments hold, the region stays above them.
_COMMENT_VALUE = -2.0


def _lines_with(texts: list[str], n_chars: FloatArray, stems: tuple[str, ...]) -> list[int]:
    """The indexes of the texts holding any of the lowercase stems, in order.

    str.find over the page lowered once: a tenth of the time of a regex over it.
    """
    page = "\n".join(texts)
    low = page.lower()
    if len(low) != len(page):  # a few characters lower to two ("İ"): look line by line
        return [i for i, t in enumerate(texts) if any(stem in t.lower() for stem in stems)]
    hits: list[int] = []
    for stem in stems:
        k = low.find(stem)
        while k >= 0:
            hits.append(k)
            k = low.find(stem, k + 1)
    if not hits:
        return []
    starts = np.cumsum(n_chars + 1.0) - n_chars - 1.0
    return sorted(set((np.searchsorted(starts, np.asarray(hits), side="right") - 1).tolist()))


def _text_comments(
    texts: list[str], n_words: FloatArray, n_chars: FloatArray, value: FloatArray, date_like: FloatArray
) -> int:
    """The line that heads the comment thread under an article in a plain-text page, or -1.

    The heading is a short line with a count and a word for comments ("15 comments",
    "{ 74 comments... }", "Kommentare (3)") or the word alone ("Comments"): the first one that
    _heads_thread accepts. A count with the post's title after it ("40 Responses to “Title”")
    heads the thread wherever it stands below the article: a byline's count names no title. Count
    lines of one shape with prose between one and the next, twice, are a blog's front page
    ("| permalink | comments (2)" under every post) or a rail of stories: none of them heads a
    thread. Linear in the page: one pass over the heads, the date lines found by bisection.
    A run of signed comment headers ("Jane says:", _signed_thread) below the article heads it
    where it comes first.
    """
    short = np.flatnonzero((n_words <= _COMMENT_TITLED_WORDS) & (n_words >= 1))
    found = _lines_with([texts[i] for i in short.tolist()], n_chars[short], _COMMENT_STEMS + _FORM_STEMS + _CANCEL_STEMS)
    counts: dict[int, regex.Match[str]] = {}
    kind: dict[int, str] = {}  # "titled", "count" or "bare": what _heads_thread asks of each
    forms: list[int] = []
    for i in short[found].tolist():
        head = _thread_head(texts[i], n_words[i])
        if head is not None:
            kind[i], counts[i] = head
        elif n_words[i] <= _COMMENT_HEAD_WORDS and (
            _COMMENT_FORM.fullmatch(texts[i]) is not None or _FORM_CANCEL.fullmatch(texts[i]) is not None
        ):
            forms.append(i)
    signed = _signed_thread(texts, n_words, n_chars, value, date_like)
    if not counts and not forms:
        return signed
    heads = list(counts)
    prose, before = _prose_above(n_chars, value)
    form = _form_head(texts, forms, prose, before, date_like)
    if not counts:
        return form
    shape_of = {i: _count_shape(texts[i], m) for i, m in counts.items()}
    shapes: dict[str, list[int]] = {}
    for i in heads:
        shapes.setdefault(shape_of[i], []).append(i)
    listing: set[str] = set()
    for shape, same in shapes.items():
        marks = before[same]
        if int(np.count_nonzero(marks[1:] > marks[:-1] + prose[same[:-1]])) >= 2:
            listing.add(shape)
    dates = np.flatnonzero(date_like)
    found_at = form
    for c in heads:
        if form >= 0 and c > form:
            break
        if shape_of[c] not in listing and _heads_thread(c, prose, before, date_like, dates, kind[c]):
            found_at = c
            break
    return _first_of(found_at, signed)


def _prose_above(n_chars: FloatArray, value: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Each line's prose (characters of a paragraph-long line the region search values) and the prose above it."""
    prose = n_chars * (n_chars >= _PROSE_CHARS) * (value > 0)
    return prose, np.cumsum(prose) - prose


def _stamped_thread(
    texts: list[str], n_words: FloatArray, n_chars: FloatArray, value: FloatArray, date_like: FloatArray
) -> int:
    """The first of a run of timestamped comment headers below the article, or -1 (text mode).

    A blog heads each comment with its author and a timestamp ("Erin — June 25th, 2012, 12:21
    am", "by jdoe on Aug 9, 2012 10:19 AM EDT", "Kundenbewertung 02.05.2020 um 08:11 Uhr"), and a
    dump keeps no heading over the thread when the page names none ("Comments") that
    _text_comments could find; on a long thread the comments outweigh the article in the region
    search. The headers are short date lines (2 to _THREAD_HEAD_WORDS words) whose date has a
    year and a time of day; one template writes them all, so they are grouped by the timestamp's
    shape (digits as 0, "am"/"pm" left out). A group heads a thread where _THREAD_HEADS of its
    headers or more stand 2 lines apart at least (a comment under each), the first ones and most
    within _THREAD_GAP lines, and its first header stands below an article: _THREAD_ARTICLE
    characters of prose above it (paragraph-long lines the region search values, as
    _heads_thread counts), _THREAD_RATIO times a comment's prose (the median between two
    headers), and under _THREAD_AFTER of that prose below the thread (an article that goes on
    below a box of timestamped teasers, or a review widget above an article, is no thread). A
    forum writes the same header over its first post as over the replies: the first header of
    its group stands above the posts, with no article above it, and nothing is cut.
    """
    cand = np.flatnonzero((date_like > 0) & (n_words <= _THREAD_HEAD_WORDS) & (n_words >= 2)).tolist()
    if len(cand) < _THREAD_HEADS:
        return -1
    groups: dict[str, list[int]] = {}
    for i in cand:
        # A timestamp has a colon: most date lines ("May 4, 2012") are left at the test.
        m = _STAMP.search(texts[i]) if ":" in texts[i] else None
        if m is not None:
            groups.setdefault(_DIGITS_RUN.sub("0", m.group(0).lower()).rstrip(" apm."), []).append(i)
    runs = [heads for heads in groups.values() if len(heads) >= _THREAD_HEADS]
    if not runs:
        return -1  # most pages: no timestamp shape repeats
    best = -1
    prose, before = _prose_above(n_chars, value)
    for heads in runs:
        gaps = np.diff(heads)
        if (
            int(gaps.min()) < 2
            or float(np.median(gaps)) > _THREAD_GAP
            or int(gaps[: _THREAD_HEADS - 1].max()) > _THREAD_GAP
        ):
            continue
        c = heads[0]
        article = float(before[c])
        items = np.diff(before[heads])
        end = min(heads[-1] + int(np.median(gaps)), len(before) - 1)
        after = float(before[-1] + prose[-1] - before[end])
        if (
            article >= _THREAD_ARTICLE
            and float(np.median(items)) * _THREAD_RATIO <= article
            and after <= _THREAD_AFTER * article
        ):
            best = c if best < 0 else min(best, c)
    return best


# A timestamp: a year, then the time of day, maybe after a short word ("2012, 11:39 pm",
# "2012 at 9:52 pm", "02.05.2020 um 08:11", "6/04/2005 06:35:00 PM").
_STAMP = regex.compile(r"(?i)\b(?:19|20)\d\d\b\W{0,3}(?:\p{L}{1,3}\W{1,3})?\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\b)?")
_DIGITS_RUN = regex.compile(r"\d+")
# Session 15, text mode (dev splits): a header is a name, a user id and the timestamp (16 words at
# most); three headers, the first three within 12 lines and most of them; 300 characters of prose
# above (three sentences: a workout of the day above its comments; 500 left that page and a held-out
# one out, dragnet dev -0.0005, held-out -0.0020; one page whose truth keeps the trackbacks under the
# post fell 0.68 -> 0.41), twice a comment's prose, and half of it at most
# below the thread (without it two trafilatura-eval pages fell to 0: a review widget above the article,
# bylines over the article; without the test of the first gaps a third one: a byline of the same shape
# as the dates of a list of other stories 30 lines below).
_THREAD_HEAD_WORDS = 16
_THREAD_HEADS = 3
_THREAD_GAP = 12
_THREAD_ARTICLE = 300.0
_THREAD_RATIO = 2.0
_THREAD_AFTER = 0.5


def _first_of(a: int, b: int) -> int:
    """The smaller of two line indexes where -1 means none."""
    if a < 0:
        return b
    if b < 0:
        return a
    return min(a, b)


def _signed_thread(
    texts: list[str], n_words: FloatArray, n_chars: FloatArray, value: FloatArray, date_like: FloatArray
) -> int:
    """The first of a run of signed comment headers below the article, or -1.

    Blog engines head each comment with its author and a verb ("Jane says:", "by jdoe (1234)
    writes:", "Jane on May 4, 2012 at 9:09 am said:"): a short line ending in the verb and a
    colon; or sign it below with its author and date ("Posted by: Jane | May 4, 2012 at 09:09
    AM"; the first comment stays with the article then). The first header from which
    _SIGNED_MIN headers with its verb follow (itself included), with 100 characters of prose
    above it (the article), heads the thread.
    """
    short = np.flatnonzero((n_words <= _SIGNED_WORDS) & (n_words >= 2))
    hits: list[tuple[int, str]] = []
    for i in short.tolist():
        text = texts[i]
        if text.rstrip().endswith(":"):
            m = _SIGNED.search(text)
            if m is not None and (m.group(1).lower() != "said" or date_like[i]):
                hits.append((i, m.group(1).lower()))
        elif date_like[i] and _POSTED_BY.match(text) is not None:
            hits.append((i, "posted by"))
    if len(hits) < _SIGNED_MIN:
        return -1
    before = _prose_above(n_chars, value)[1]
    left = collections.Counter(verb for _, verb in hits)
    for c, verb in hits:
        if left[verb] >= _SIGNED_MIN and before[c] >= _NO_ARTICLE_CHARS:
            return c
        left[verb] -= 1
    return -1


# The verb that ends a comment's header line: template vocabulary of blog engines (WordPress's
# "says:", Slashdot-style "writes:"). "said:" heads a forum's quote of another post as often
# ("Jane said:"), part of the content there: it counts only with the comment's date on its line
# ("Jane on May 4, 2012 at 9:09 am said:").
_SIGNED = regex.compile(r"(?i)\b(says|writes|said)\s*:\s*$")
# A comment's signature below it (TypePad's and Movable Type's template): "Posted by:", the colon
# (a post's own byline has none: "Posted by Jane on May 4, 2012"), a name, a date on the line.
_POSTED_BY = regex.compile(r"(?i)[^\w\n]*posted[^\S\n]+by[^\S\n]*:")
# A header is a name, maybe a user id and a date: 14 words at most.
_SIGNED_WORDS = 14
# Two headers with the same verb, from the first one on: an article quoting someone ("As the mayor
# writes:") has one such line, a thread one per comment.
_SIGNED_MIN = 2


def _form_head(
    texts: list[str], forms: list[int], prose: FloatArray, before: FloatArray, date_like: FloatArray
) -> int:
    """The first comment form's heading ("Leave a Reply", "Post a comment") below the article, or -1.

    Blog engines end a post with the form for a comment, and the thread, the sidebar's widgets and
    the footer follow it. The heading stands once on the page (a Q&A page puts an "Add a comment"
    link under every post, and the posts are the content there), below the article (100
    characters of prose above it, as _heads_thread asks), with no date on it and no paragraph
    right after it; a paragraph within _FORM_NEXT_LINES lines after it is the first comment only
    where the article ends right above the heading (else a byline's "Add a comment" link, the
    article below it).
    """
    if not forms:
        return -1
    keys = {i: _FORM_KEY.sub(" ", texts[i]).strip().lower() for i in forms}
    seen = collections.Counter(keys.values())
    for c in forms:
        if seen[keys[c]] > 1 or before[c] < _NO_ARTICLE_CHARS or date_like[c]:
            continue
        if c + 1 < len(prose) and prose[c + 1] > 0:
            continue
        if prose[c + 1 : c + 1 + _FORM_NEXT_LINES].any() and not _article_ends_above(c, prose):
            continue
        return c
    return -1


# Text within 3 lines after the heading is the first comment (a name line, then the text) only
# where the article ends right above it; else it is the article under a byline's "Add your
# comment" link (a title and a one-line lead between: the next line alone let a post whose first
# sentences are short lose the whole article).
_FORM_NEXT_LINES = 3


def _count_shape(text: str, m: regex.Match[str]) -> str:
    """A count line's shape: its count (m, the _COMMENT_HEAD match), digits as "#", spaces dropped,
    and the mark right before it ("[", "|")."""
    mark = _MARK_BEFORE.search(text[: m.start()])
    count = _SPACES_DIGITS.sub(lambda d: "#" if d.group()[0].isdigit() else "", m.group().lower())
    return (mark.group(1) if mark else "") + count


_SPACES_DIGITS = regex.compile(r"\d+|\s+")
# The last mark before the count, with nothing but spaces after it.
_MARK_BEFORE = regex.compile(r"([^\w\s])\s*$")


def _heads_thread(
    c: int, prose: FloatArray, before: FloatArray, date_like: FloatArray, dates: IntArray, kind: str = "count"
) -> bool:
    """Whether the count line c stands between an article and its comment thread (_text_comments).

    The article stands above it (100 characters of prose, as HTML mode asks before it calls
    comments the content), and either the first comment's date lines come before more prose
    than the article's, or the article ends right above it.

    kind "titled": a count with the post's title after it heads the thread wherever it stands
    below the article, unless it carries a date (a byline's). kind "bare": c is the word alone
    ("Comments"), no count: a menu entry as often as a heading. It heads a thread where the
    first comment's date line comes within _BARE_DATE_LINES lines after it and the comments'
    dates follow; else only where the article ends right above it, and the comments' dates
    follow or their first text comes within _BARE_FIRST_LINES lines (a name, then the comment).
    """
    above = float(before[c])
    if above < _NO_ARTICLE_CHARS:
        return kind != "bare" and _short_post_thread(c, date_like, dates)
    if kind == "titled":
        return not date_like[c]
    bare = kind == "bare"
    k = int(np.searchsorted(dates, c, side="right"))  # the first date line after c
    dated = k + 1 < len(dates) and float(before[dates[k + 1]] - before[c + 1]) < above
    if dated and not bare:
        return True
    if dated and not date_like[c] and int(dates[k]) - c <= _BARE_DATE_LINES:
        return True
    if bare and not dated and not prose[c + 1 : c + 1 + _BARE_FIRST_LINES].any():
        return False
    # Or the article ends right above it: paragraphs within the lines just above, the last a
    # few lines up; a count with a date is a byline's ("May 4, 2020 - 3 comments"), above the article.
    if date_like[c] or (c + 1 < len(prose) and prose[c + 1] > 0):
        return False
    return _article_ends_above(c, prose)


def _short_post_thread(c: int, date_like: FloatArray, dates: IntArray) -> bool:
    """Whether the count line c heads the comment thread under a short post (text mode, session 18).

    A photo post, a quote or a two-line notice has no 100 characters of prose above its
    comment count ("{ 17 comments… read them below or add one }", "13 comments:"), so
    _heads_thread finds no article there, and the thread outweighs the post in the region
    search. The count heads the thread all the same where the post's own date line (its byline,
    "by Jane on July 13, 2012", or the day's header) stands within _SHORT_POST_LINES lines above
    it and the comments' date lines follow it: the first within _SHORT_FIRST_LINES lines, then
    _THREAD_HEADS of them 2 to _THREAD_GAP lines apart (a name and a date over each comment). A
    count that carries a date is a byline's ("May 4, 2020 - 3 comments"), over the post.
    """
    if date_like[c]:
        return False
    k = int(np.searchsorted(dates, c, side="right"))  # the first date line after c
    if k == 0 or k + _THREAD_HEADS > len(dates):
        return False
    if int(dates[k]) - c > _SHORT_FIRST_LINES or c - int(dates[k - 1]) > _SHORT_POST_LINES:
        return False
    gaps = np.diff(dates[k : k + _THREAD_HEADS])
    return bool(int(gaps.min()) >= 2 and int(gaps.max()) <= _THREAD_GAP)


# Session 18, text mode (dev split): the post's date line within 8 lines above the count (15
# moved no page more), the first comment's date within 3 lines after it (12 moved no page more).
_SHORT_POST_LINES = 8
_SHORT_FIRST_LINES = 3


def _article_ends_above(c: int, prose: FloatArray) -> bool:
    """Whether paragraphs stand within the lines just above line c, the last a few lines up.

    One paragraph is enough for a short post (a notice, a photo's caption, a link with a line of
    comment under it, then "4 Comments"), unless the prose below c is over
    _ARTICLE_END_THREAD times the page's prose above it: a magazine's lead paragraph with the
    comment count of its byline under it, and the whole article below.
    """
    lo = max(c - _ARTICLE_END_LINES, 0)
    near = np.flatnonzero(prose[lo:c])
    if not (len(near) and c - (lo + int(near[-1])) <= _ARTICLE_END_GAP and float(prose[lo:c].sum()) >= _ARTICLE_END_CHARS):
        return False
    return len(near) >= 2 or float(prose[c + 1 :].sum()) <= _ARTICLE_END_THREAD * float(prose[:c].sum())


# A bare heading's first comment header, dated: within 2 lines after it ("Comments", then "Jane
# - May 4, 2012"; 3 took a blog front page's "Comments:" under one of its posts).
_BARE_DATE_LINES = 2
# An undated thread's first comment: its text within 3 lines of a bare heading (a name line,
# then the text; 5 lines let a site's "Comments | Weigh in | Corrections?" menu in, with the
# article's next paragraphs under it).
_BARE_FIRST_LINES = 3


# "The article ends right above": two paragraphs and 300 characters of prose within the 30 lines
# above the heading, the last one at most 6 lines up (a share button, "Tags: ...", "Previous
# post" and "Next post" lines stand between; a byline's count is above the whole article).
_ARTICLE_END_LINES = 30
_ARTICLE_END_GAP = 6
_ARTICLE_END_CHARS = 300
# One paragraph (session 20, text mode): the thread below it holds 20 times its prose at most (dragnet
# +0.0008, four short posts up, none down; with no limit a wcxb-dev lead paragraph lost the article
# under its byline's "124 Comments", 0.98 -> 0.07, the article over 20 times the lead; 10 kept three of the
# four pages).
_ARTICLE_END_THREAD = 20.0


def _repeated(texts: list[str]) -> FloatArray:
    """1.0 for each text that stands more than once on the page (case-folded: strip().lower()), else 0.0."""
    keys = list(map(str.lower, map(str.strip, texts)))
    counts = collections.Counter(keys)
    return (np.fromiter(map(counts.__getitem__, keys), dtype=np.int64, count=len(keys)) > 1).astype(np.float64)


def _block_arrays(seg: Segments, html: bool) -> tuple[FloatArray, FloatArray, IntArray, FloatArray, FloatArray]:
    """The blocks' characters, link density, flags, heading level (HTML; else 0) and blank lines before, as arrays."""
    texts = seg.texts
    n = len(texts)
    n_chars = np.fromiter(map(len, texts), dtype=np.float64, count=n)
    link_density = np.asarray(seg.link_chars, dtype=np.float64) / np.maximum(n_chars, 1.0)
    flags = np.asarray(seg.flags, dtype=np.int64) if n else np.zeros(0, dtype=np.int64)
    heading = np.zeros(n, dtype=np.float64)
    if html and n:
        heading = np.fromiter(map(_HEADING_LEVELS.get, seg.kinds, itertools.repeat(0, n)), dtype=np.float64, count=n)
    blank_before = np.asarray(seg.blank_before, dtype=np.float64)
    return n_chars, link_density, flags, heading, blank_before


_HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def _page_language(texts: list[str]) -> str | None:
    """The language of a page without a declared one: guess_language of its _language_sample.

    Its compiled twin (boilerstrip/_kernels.pyx, language_counts) counts the function words
    token by token without making the sample's strings.
    """
    return guess_language(_language_sample(texts))


# The language sample: the first 3,000 words of the first 400 texts.
_SAMPLE_TEXTS = 400
_SAMPLE_WORDS = 3000


def _language_sample(texts: list[str]) -> list[str]:
    """The first 3,000 lowercase words of the first 400 texts, for guessing the language.

    The same words as " ".join(texts[:400]).lower().split()[:3000] (lowercasing looks no
    further than the space between two texts), lowering 50 texts at a time (one call each,
    not one per text) and none past the batch that reaches the 3,000th word.
    """
    sample: list[str] = []
    stop = min(len(texts), _SAMPLE_TEXTS)
    for lo in range(0, stop, 50):
        sample += " ".join(texts[lo : min(lo + 50, stop)]).lower().split()
        if len(sample) >= _SAMPLE_WORDS:
            break
    return sample[:_SAMPLE_WORDS]


def _restated_dates(texts: list[str], date_like: FloatArray) -> FloatArray:
    """The date lines, less each that restates the date line right above it.

    A byline's date shown twice over (a desktop and a mobile byline, "November 12, 2018 | BY:
    NAME" then "November 12, 2018 NAME") is one date, not the rhythm of a comment thread.
    Two lines restate one date when their dates (vocab's date pattern, with a year) are the same.
    """
    dates = np.flatnonzero(date_like[1:] * date_like[:-1]).tolist()
    if not dates:
        return date_like
    out: FloatArray = date_like.copy()
    for i in dates:
        a, b = _DATE.search(texts[i]), _DATE.search(texts[i + 1])
        if a is None or b is None:
            continue
        # The date and what follows it ("November 12" + ", 2018"): the year, when the pattern left it out.
        day_a = texts[i][a.start() : a.end() + _YEAR_REACH]
        day_b = texts[i + 1][b.start() : b.end() + _YEAR_REACH]
        year = _YEAR.search(day_a)
        if year is not None and day_a[: year.end()] == day_b[: year.end()]:
            out[i + 1] = 0.0
    return out


_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
_YEAR_REACH = 7


def _dated_neighbours(date_like: FloatArray) -> FloatArray:
    """How many date lines beyond the first stand within _DATE_WINDOW lines (text mode)."""
    n = len(date_like)
    csum = np.concatenate(([0.0], np.cumsum(date_like)))
    idx = np.arange(n)
    near = csum[np.minimum(idx + _DATE_WINDOW + 1, n)] - csum[np.maximum(idx - _DATE_WINDOW, 0)]
    return np.asarray(np.clip(near - 1.0, 0.0, 3.0), dtype=np.float64)


# Comments under an article show a name, a date and the text: a date every 3-5 lines.
_DATE_WINDOW = 5
# What each extra date nearby costs a line in the region search.
_DATED_VALUE = 1.0


def _labelled_records(texts: list[str], n_words: FloatArray, ellipsis: FloatArray) -> npt.NDArray[np.bool_]:
    """The lines of a page's records: a short label, a colon or a full stop, then a value (text mode).

    A listicle's or a schedule's items repeat the same labels ("Price: $248", "Duration: 2 to 6
    months"; "Warm Up. 10-20 Minutes: ..."): a label found on _RECORD_REPEAT lines or more marks
    them all. A menu's entries have no label; a teaser list's do ("Read more: <headline>", "Deal
    Alert: <headline>"), so a line whose value stands as a line of its own elsewhere on the page
    (the headline it points to) is not counted, nor is a line next to a truncated one ("...").
    """
    out = np.zeros(len(texts), dtype=bool)
    labels: dict[str, list[int]] = {}
    lines: set[str] | None = None
    sized = (n_words >= _RECORD_MIN_WORDS) & (n_words <= _RECORD_MAX_WORDS)
    for i in np.flatnonzero(sized).tolist():
        text = texts[i]
        m = _RECORD_LABEL.match(text)
        if m is None or len(m.group(1).split()) > _RECORD_LABEL_WORDS:
            continue
        lines = lines if lines is not None else {t.strip().casefold() for t in texts}
        if text[m.end(1) + 1 :].strip().casefold() in lines:
            continue
        label = m.group(1).strip().casefold()
        if "." in label:
            continue  # an abbreviation ("U.S. Defense Secretary ..."), not a label
        labels.setdefault(label, []).append(i)
    for found in labels.values():
        if len(found) >= _RECORD_REPEAT:
            out[found] = True
    if np.count_nonzero(out):
        cut = ellipsis > 0
        near = cut.copy()
        near[1:] |= cut[:-1]
        near[:-1] |= cut[1:]
        out &= ~near
    return out


# A numbered section heading: "2. Solution", "2.1. Architecture Overview", "3.2 Security" (session 19).
_SECTION_NUMBER = re.compile(r"^([0-9]{1,2}(?:\.[0-9]{1,2})*)\.?\s+\S")
# Four headings in sequence, one of them a subsection; a sentence (10 words, function words, a
# full stop) for every second heading between the first and the last.
_SECTION_HEADS = 4
_DIGITS = frozenset("0123456789")
_DIGIT_STARTS = tuple("0123456789")
_SECTION_HEAD_WORDS = 12


def _lstrip_starts(texts: list[str], idx: npt.NDArray[np.intp], starts: tuple[str, ...]) -> list[int]:
    """The indexes of idx whose text, its leading whitespace stripped, starts with one of starts.
    Its compiled twin skips the whitespace in C and calls startswith only where the first
    character left may start one (~0.3 us a block in Python). Used by _numbered_sections and smooth."""
    return [i for i in idx.tolist() if texts[i].lstrip().startswith(starts)]


def _numbered_sections(
    texts: list[str], n_words: FloatArray, stop: FloatArray, sentence_end: FloatArray, main: FloatArray
) -> FloatArray:
    """The lines from the first to the last of a run of numbered section headings join the main region (text mode).

    A technical article numbers its sections ("1. Introduction", "1.1. The problem", "2. Solution",
    "2.1. Architecture"); its lists, code and headers cut the running text into parts the region
    search passes over, and "alone among chrome" then drops a paragraph left between them. Headings
    whose numbers follow one another (the next subsection, a first subsection or the next section:
    1.2 after 1.1, 2.1.1 after 2.1, 3 after 2.4), _SECTION_HEADS or more with a subsection among
    them and sentences between them, span one document when the region search found part of it. A
    date ("18 Dec 2025"), a ranking or a menu of numbered links does not number its lines so.
    """
    heads: list[tuple[int, tuple[int, ...]]] = []
    # Most lines do not open with a digit: _lstrip_starts' twin finds those that may in C (a Python
    # loop over the short lines cost ~10 us a dump), and the pattern runs only on those that do.
    short = np.flatnonzero((n_words >= 2) & (n_words <= _SECTION_HEAD_WORDS))
    for i in _lstrip_starts(texts, short, _DIGIT_STARTS):
        text = texts[i]
        m = _SECTION_NUMBER.match(text) if text[:1] in _DIGITS else None
        if m is not None:
            heads.append((i, tuple(int(x) for x in m.group(1).split("."))))
    # A run holds a subsection: without one (a numbered list's "1. Flour", "2. Sugar") no run counts.
    if len(heads) < _SECTION_HEADS or all(len(k) == 1 for _, k in heads):
        return main
    runs: list[list[tuple[int, tuple[int, ...]]]] = [[heads[0]]]
    for h in heads[1:]:
        last = runs[-1][-1][1]
        nexts = {(*last, 1)} | {(*last[:d], last[d] + 1) for d in range(len(last))}
        if h[1] in nexts:
            runs[-1].append(h)
        else:
            runs.append([h])
    prose = (n_words >= 10) & (stop >= 0.2) & (sentence_end > 0)
    out = main
    for run in runs:
        if len(run) < _SECTION_HEADS or not any(len(k) > 1 for _, k in run):
            continue
        a, b = run[0][0], run[-1][0]
        if 2 * int(np.count_nonzero(prose[a:b])) < len(run) or not main[a:b].any():
            continue
        out = out.copy() if out is main else out
        out[a:b] = np.maximum(out[a:b], 1.0)
    return out


def _between_records(
    records: npt.NDArray[np.bool_], n_words: FloatArray, stop: FloatArray, sentence_end: FloatArray
) -> npt.NDArray[np.bool_]:
    """The lines from one record to the next, within _RECORD_GAP lines, when a sentence stands between.

    A listicle's item is its records and a paragraph or two about it; an info box's or a listing's
    records ("Website: example.com", "Comments: 12 pages") have names, links and headlines between
    them, no sentence of 10 words with function words and a full stop. An item's lists of pros and
    cons, set after its records and before the next item's first one, hold no full stop either:
    such a gap counts too when the gap before or after it holds a sentence and its chain of records
    (each within _RECORD_GAP lines of the next) holds two such gaps or more (session 19).
    """
    out = np.zeros(len(records), dtype=bool)
    at = np.flatnonzero(records)
    if len(at) < 2:
        return out
    prose = (n_words >= 10) & (stop >= 0.2) & (sentence_end > 0)
    # Whole arrays over the pairs of records in a row, a running count of the sentences for "one
    # between them" (a slice's any() a pair cost ~1 us each).
    seen = np.cumsum(prose)
    a, b = at[:-1], at[1:]
    close = (b - a) <= _RECORD_GAP
    said = close & (seen[b - 1] > seen[a])
    chain = np.cumsum(~close)
    told = np.bincount(chain[said], minlength=int(chain[-1]) + 1)[chain]
    near = np.zeros(len(said), dtype=bool)
    near[1:] = said[:-1]
    near[:-1] |= said[1:]
    joined = said | (close & near & (told >= 2))
    for s, e in zip(a[joined].tolist(), b[joined].tolist(), strict=True):
        out[s:e] = True
    return out


# A record's label: up to four words before the first colon or full stop that a space follows, on
# a line of 3-40 words; the same label on three lines or more. In the region search a record is
# worth 0.5 at least (a line of 20 words). Set on the dev splits (text mode): worth 0 gained
# little (wcxb-dev +0.0000), 0.75 and 1.0 lost dragnet pages (failures 80 -> 81; at 1.0 a wcxb-dev
# collection page 0.77 -> 0.12); a label seen twice: cleaneval-dev held-out -0.0015,
# trafilatura-eval held-out -0.0007; colons only (no full stop): wcxb-dev +0.0004 instead of
# +0.0006 (a training schedule's lines are "Warm Up. 10-20 Minutes: ...").
_RECORD_LABEL = re.compile(r"^([^:\n]{1,40}?)[:.]\s+\S")
_RECORD_LABEL_WORDS = 4
_RECORD_MIN_WORDS = 3
_RECORD_MAX_WORDS = 40
_RECORD_REPEAT = 3
_RECORD_VALUE = 0.5
# Lines between two records 20 lines apart or less, a sentence among them, are worth 0 at least in
# that search (dev splits: wcxb-dev +0.0010, dev +0.0005, held-out +0.0030; 12 lines: +0.0008;
# without the sentence a held-out dragnet page fell under 0.5 and an arXiv listing 0.77 -> 0.13).
_RECORD_GAP = 20


# A line of source code, in a dump that flattens a <pre> block into lines: it ends with a brace or
# a semicolon, opens with a comment mark ("//", "--", "/*") or a closing bracket, or holds an
# operator ("=>", "->", "==", "::", "+=", "&&") or a call written without a space ("COUNT(o.id)",
# "parseInt(num, 10)"; not a form's "Name(Required)" nor an archive's "Dropbox(3)"). "#" is left
# out: blog engines head comments "# posted by ...".
CODE_LINE_RE = re.compile(
    r"[{};]\s*$|^\s*(?://|/\*|--|[})\]]|<\w|\$\s|>>>)|=>|->|==|!=|:=|\+=|&&|\|\||::"
    r"|[A-Za-z_]\w*\((?![A-Z][a-z]|\d+\))|^\s*[\w.\[\]]+\s*=\s"
)

# A code line holds a punctuation mark a word or more ("parseInt(num, 10);" 4 in 3 words), two at
# least; prose holds one in ten. Only runs of such lines are searched: 0.03 ms a page. 0.3-1.0 gave
# the same gains on the dev splits (one wcxb-dev page apart).
_CODE_PUNCT = 1.0

# Three code lines in a row (a line between two code lines counted in: a bare SQL clause or
# keyword) are a code block; a menu's or a form's lines seldom make such a run.
_CODE_RUN = 3


def _code_span(texts: list[str], n_words: FloatArray, n_punct: FloatArray) -> npt.NDArray[np.bool_] | None:
    """The lines from a text dump's first code block to its last (text mode), or None.

    A code block is a run of _CODE_RUN code lines (CODE_LINE_RE), a line between two code
    lines counted in (a bare SQL clause or keyword); the lines between two blocks are the
    tutorial's steps and headings around its code. Only lines dense in punctuation can be code
    (_CODE_PUNCT), and only their runs are searched with the pattern.
    """
    n = len(texts)
    cand = (n_punct >= _CODE_PUNCT * n_words) & (n_punct >= 2)
    runs = _code_runs(cand)
    if not runs:
        return None
    code = np.zeros(n, dtype=bool)
    for a, b in runs:
        for i in range(a, b):
            code[i] = bool(cand[i]) and CODE_LINE_RE.search(texts[i]) is not None
    blocks = _code_runs(code)
    if not blocks:
        return None
    out = np.zeros(n, dtype=bool)
    out[blocks[0][0] : blocks[-1][1]] = True
    return out


def _numbered_items_after(
    texts: list[str],
    main: FloatArray,
    n_words: FloatArray,
    stop: FloatArray,
    sentence_end: FloatArray,
    repeated: FloatArray,
    ellipsis: FloatArray,
    date_like: FloatArray,
    comments_from: int,
) -> FloatArray:
    """The main region carried over a listicle's numbered items after it (text mode).

    A "Top 10" article introduces its list in paragraphs, then sets each item as a numbered
    heading, a few fact lines ("Headquarters:", "Website:") and one paragraph: each paragraph
    stands alone among short lines and no region takes it. Three paragraphs or more at one pace
    (the same number of lines from one to the next), the first within _ITEM_REACH lines of the
    region's end, each after a line numbered one more than the one before ("1. Sony", "2.
    Microsoft"), with no date line among them, are the article's: the region runs to the last.
    A rail of teasers after an article has the pace, but neither the numbers nor an undated run.
    """
    inside = np.flatnonzero(main)
    if not len(inside):
        return main
    hi = int(inside[-1]) + 1
    prose = (n_words >= _ITEM_WORDS) & (stop >= 0.2) & (sentence_end > 0) & (repeated == 0) & (ellipsis == 0)
    end = len(main) if comments_from < 0 else comments_from  # never into the comment thread
    at = (np.flatnonzero(prose[hi:end]) + hi).tolist()
    if len(at) < _ITEMS or at[0] - hi > _ITEM_REACH or at[1] - at[0] < 2:
        return main
    pace = at[1] - at[0]
    chain = [at[0]]
    for x in at[1:]:
        if x - chain[-1] != pace:
            break
        chain.append(x)
    if len(chain) < _ITEMS or (date_like[hi : chain[-1] + 1] > 0).any():
        return main
    numbers: list[int] = []
    start = hi
    for x in chain:
        found = [int(m.group(1)) for k in range(start, x) if (m := _ITEM_NUMBER_RE.match(texts[k]))]
        if not found or (numbers and found[-1] != numbers[-1] + 1):
            return main
        numbers.append(found[-1])
        start = x + 1
    out = np.array(main, dtype=np.float64)
    out[hi : chain[-1] + 1] = 1.0
    return out


# A listicle's items: three at least, each with a paragraph of 20 words or more, the first
# within 12 lines of the region's end, each headed by its number ("3. Nintendo", "#3 Nintendo").
_ITEMS = 3
_ITEM_WORDS = 20
_ITEM_REACH = 12
_ITEM_NUMBER_RE = re.compile(r"\s*#?(\d{1,3})[.):]?\s+\S")


def glued_teasers(texts: list[str], n_words: FloatArray, capitals: FloatArray) -> npt.NDArray[np.bool_]:
    """The lines of a run of teasers whose headline a dump glued to its excerpt (text mode).

    A rail of stories sets each item's headline and excerpt in sibling elements; a dump that
    writes no space between them makes one line of a headline in title case and a sentence,
    joined inside a word ("... Of U of M-Dearborn Student-AthleteA 24-year-old woman and a
    28-year-old man have been ..."). Long, with function words and full stops, such a line
    passes for running text, and a rail of them outweighs the article beside it. A line is glued
    where a word's end (a letter and two lowercase ones, a lowercase one and a "?", "!" or
    closing quote, or two digits) runs into a capitalised word, the _GLUED_HEAD_WORDS to _GLUED_HEAD_MAX words before it are mostly
    capitalised (_GLUED_CAPITALS) and the _GLUED_TAIL_WORDS after its first are mostly
    lowercase (a sentence); _GLUED_RUN such lines within _GLUED_REACH lines of each other are
    a rail. A brand's camelCase ("MacBook", "PayPal") has no headline before it or no
    sentence after it, or recurs on the page. capitals is each line's share of capitalised
    words: only long lines with a few capitals (_GLUED_LINE_CAPITALS) that open in title case,
    _GLUED_RUN of them close together, are searched (0.04 ms a page).
    """
    n = len(texts)
    out = np.zeros(n, dtype=bool)
    lines = _close_together(np.flatnonzero((n_words >= _GLUED_MIN_WORDS) & (capitals >= _GLUED_LINE_CAPITALS)))
    if not len(lines):
        return out
    lines = _close_together(np.array([i for i in lines.tolist() if _opens_titled(texts[i])], dtype=np.int64))
    page: str | None = None
    glued: list[int] = []
    for i in lines.tolist():
        text = texts[i]
        for m in _GLUE.finditer(text, 0, _GLUED_HEAD_CHARS):
            at = m.start(1)
            if len(text[:at].split()) < _GLUED_HEAD_WORDS:
                continue
            if _glued_at(text, at):
                # The joined word stands once on the page: a brand's ("SmartGlass") recurs.
                word = _GLUED_EDGES.sub("", text[:at].split()[-1] + text[at:].split()[0])
                page = page if page is not None else "\n".join(texts)
                if page.count(word) == 1:
                    glued.append(i)
            break
    out[_close_together(np.array(glued, dtype=np.int64))] = True
    return out


def _glued_menus(texts: list[str], n_words: FloatArray) -> npt.NDArray[np.bool_] | None:
    """The lines that are a menu a dump wrote without spaces between its entries (text mode), or None.

    A dump that joins a menu's entries with no space between them makes one long line of
    them ("FurnitureFurniture SaleLiving Room FurnitureSofasSectionalsTV Stands"): hundreds
    of words, function words among them, that pass for running text and can take the main
    region. Inside such a line one entry's last word runs into the next one's first, a
    lowercase word's end into a capitalised word (_GLUED_JOIN); a sentence has such a join
    only in a brand's or a code name's camelCase ("JavaScript", "componentDidMount"), a few
    in a line. A line of _GLUED_MENU_WORDS words or more with a join for every
    _GLUED_MENU_SHARE of its words is such a menu.
    """
    long = np.flatnonzero(n_words >= _GLUED_MENU_WORDS)
    if not len(long):
        return None
    out = np.zeros(len(texts), dtype=bool)
    for i in long.tolist():
        text = texts[i]
        if _GLUE_HINT.search(text) is not None and len(_GLUED_JOIN.findall(text)) >= _GLUED_MENU_SHARE * n_words[i]:
            out[i] = True
    return out if np.count_nonzero(out) else None


# A join of two entries: a word's last two lowercase letters, then a capital and a lowercase
# letter ("SaleLiving", "SofasSectionals").
_GLUED_JOIN = regex.compile(r"\p{Ll}{2}\p{Lu}\p{Ll}")
# 30 words or more, a join for every fifth word: on the dev split the dumps' menus have 0.2-0.55
# joins a word, prose with code names (React's and Kubernetes' docs) 0.19 at most.
_GLUED_MENU_WORDS = 30
_GLUED_MENU_SHARE = 0.2
# A glued menu's worth in the region search: a menu entry's.
_GLUED_MENU_VALUE = -2.0


def _close_together(lines: IntArray) -> IntArray:
    """The lines (sorted indexes) with _GLUED_RUN - 1 others within _GLUED_REACH lines."""
    if len(lines) < _GLUED_RUN:
        return np.zeros(0, dtype=np.int64)
    near = np.searchsorted(lines, lines + _GLUED_REACH, side="right") - np.searchsorted(lines, lines - _GLUED_REACH, side="left")
    return np.asarray(lines[near >= _GLUED_RUN], dtype=np.int64)


def _opens_titled(text: str) -> bool:
    """Whether three of the line's first four words are capitalised (or numbers): a headline's start."""
    return sum(1 for w in text.split(None, 4)[:4] if w[0].isupper() or w[0].isdigit()) >= 3


def _glued_at(text: str, at: int) -> bool:
    """Whether a headline in title case ends and a sentence starts at character ``at`` of ``text``."""
    head = text[:at].split()
    if not _GLUED_HEAD_WORDS <= len(head) <= _GLUED_HEAD_MAX:
        return False
    tail = text[at:].split()[1 : 1 + _GLUED_TAIL_WORDS]
    if len(tail) < _GLUED_TAIL_WORDS:
        return False
    capitals = sum(1 for w in head if w[0].isupper() or w[0].isdigit())
    lower = sum(1 for w in tail if w[0].islower())
    return capitals >= _GLUED_CAPITALS * len(head) and lower >= _GLUED_LOWER * len(tail)


# The join: three lowercase letters, or one and a "?", "!" or a closing quote, then a capital
# that starts a word ("AthleteA 24-year-old", "Rise?Violence is"); the first join after the
# line's fourth word decides.
_GLUE = regex.compile(r"(?:\p{L}\p{Ll}{2}|\p{Ll}[?!’”']|\d{2})(\p{Lu}(?:\p{Ll}|\s))")
_GLUE_HINT = regex.compile(r"[\p{Ll}?!’”'\d]\p{Lu}")
# The joined word is the token around the join without the marks at its ends.
_GLUED_EDGES = regex.compile(r"^[\W_]+|[\W_]+$")
_GLUED_MIN_WORDS = 12
# A glued line's head is title case, its tail a sentence: 15% of its words capitalised at
# least (prose has fewer); the join stands within its first 300 characters (20 words).
_GLUED_LINE_CAPITALS = 0.15
_GLUED_HEAD_CHARS = 300
_GLUED_HEAD_WORDS = 4
_GLUED_HEAD_MAX = 20
_GLUED_CAPITALS = 0.7
_GLUED_TAIL_WORDS = 7
_GLUED_LOWER = 0.4
_GLUED_RUN = 3
_GLUED_REACH = 4
# A glued teaser's worth in the region search: no more than a short line's.
_GLUED_VALUE = -1.0


def _code_runs(mask: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    """The runs (start, end) of _CODE_RUN lines or more of mask, one line between two counted in."""
    if np.count_nonzero(mask) < _CODE_RUN:
        return []
    bridged = mask.copy()
    bridged[1:-1] |= mask[:-2] & mask[2:]
    edges = np.diff(np.concatenate(([0], bridged.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    return [(a, b) for a, b in zip(starts.tolist(), ends.tolist(), strict=True) if b - a >= _CODE_RUN]


def _line_value(
    n_words: FloatArray,
    stop: FloatArray,
    sentence_end: FloatArray,
    repeated: FloatArray,
    run_lines: FloatArray,
    run_long: FloatArray,
    ellipsis: FloatArray,
    blank_style: bool,
    isolated: npt.NDArray[np.bool_],
    capitals: FloatArray | None = None,
) -> FloatArray:
    """How much a plain-text line looks like running text, for finding the main region.

    Fifteen words is neutral: paragraphs of running text are longer, while menu entries,
    headlines and teasers are shorter; function words and a full stop add, repetition,
    a truncated end ("...") and capitals on most words (capitals: the share of capitalised
    words) take away.
    """
    value = (np.minimum(n_words, 80.0) - 15.0) / 10.0
    value += np.where(stop >= 0.2, 0.5, -0.5) * (n_words >= 5)
    value += 0.5 * sentence_end * (n_words >= 10)
    value -= 1.5 * repeated
    value -= 1.5 * ellipsis
    if capitals is not None:
        # A long line in title case is a headline, or a dump's run of headlines glued into one
        # line ("Get Your Closet Organized With These Easy Tips! The Ultimate Fall Boot Guide"):
        # a teaser list's, not running text, however many words it has.
        value -= _TITLE_CASE_VALUE * ((capitals >= _TITLE_CASE_SHARE) & (n_words >= _TITLE_CASE_WORDS))
    if blank_style:
        # On a page whose paragraphs stand between blank lines, a run of long lines
        # without blanks is a teaser list, and a paragraph on its own counts more.
        value -= np.where(run_long >= 3, 1.0 + np.minimum(n_words, 60.0) / 10.0, 0.0)
        value -= np.where(run_lines >= 3, 1.0, 0.0)
        value += np.where(isolated & (n_words >= 10), 0.5, 0.0)
    return np.asarray(np.clip(value, -2.0, 5.0), dtype=np.float64)


def _neutral_marks(texts: list[str], n_words: FloatArray, value: FloatArray) -> FloatArray:
    """A line of marks only ("→", "►", "•") is worth 0 in the text region search, not a menu entry's.

    A dump keeps a section's icons, arrows and bullets as lines of their own: no words, so
    they weighed as much as a one-word menu entry, and a page of short sections, each a heading
    and a sentence among a handful of such marks, never made a region. A line the dump shows
    empty (zero-width spaces, a byte-order mark) still parts paragraphs as before.
    """
    wordless = np.flatnonzero(n_words == 0)
    if not len(wordless):
        return value
    marks = [i for i in wordless.tolist() if texts[i].strip(INVISIBLE)]
    if not marks:
        return value
    value = value.copy()
    value[marks] = 0.0
    return value


# Characters a dump leaves around a line that are no text: the invisible separator, zero-width
# space and joiner, the byte-order mark, no-break space (smooth.py strips them too).
INVISIBLE = " \t\u2063\u200b\u200d\ufeff\u00a0"


# Title case in the region search: 8 words or more (shorter lines are worth little already), 60%
# of them capitalised (prose, German's nouns included, stays under half), -1.5 as a repeat. Set
# on the dev split: 50-70% and 6-10 words alike; 1.0-2.0 alike.
_TITLE_CASE_SHARE = 0.6
_TITLE_CASE_WORDS = 8
_TITLE_CASE_VALUE = 1.5


# _count_page's compiled twin (parse/_walk.pyx) when it is built and counts the same (parse/_compiled.py).
from .parse._compiled import choose_count_page  # noqa: E402  (needs everything above)

_count_page = choose_count_page(_count_page)

# Compiled twins of the page-level steps above (boilerstrip/_kernels.pyx) when built and equal on probes.
from .parse._compiled import choose_kernel  # noqa: E402  (needs everything above)

_text_stats = choose_kernel("text_stats", _text_stats)
_ellipsis = choose_kernel("ellipsis", _ellipsis)
_main_container = choose_kernel("main_container", _main_container)
_card_marks = choose_kernel("card_marks", _card_marks)
_repeated = choose_kernel("repeated", _repeated)
_content_named = choose_kernel("content_named", _content_named)
_deepest_neg = choose_kernel("deepest_neg", _deepest_neg)
_unwrap = choose_kernel("unwrap", _unwrap)
_comment_sections = choose_kernel("comment_sections", _comment_sections)
_prose_weight = choose_kernel("prose_weight", _prose_weight)
_page_language = choose_kernel("page_language", _page_language)
_block_arrays = choose_kernel("block_arrays", _block_arrays)
subtree_ends = choose_kernel("subtree_ends", subtree_ends)
_unboxed_container = choose_kernel("unboxed_container", _unboxed_container)
_box_span = choose_kernel("box_span", _box_span)
_block_columns = choose_kernel("block_columns", _block_columns)
_may_negate_names = choose_kernel("may_negate_names", _may_negate_names)
_flag_counts = choose_kernel("flag_counts", _flag_counts)
_chrome_only = choose_kernel("chrome_only", _chrome_only)
_item_starts = choose_kernel("item_starts", _item_starts)
_lstrip_starts = choose_kernel("lstrip_starts", _lstrip_starts)
