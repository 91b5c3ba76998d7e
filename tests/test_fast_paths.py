"""The speed-ups give exactly what the plain code they replace gives.

segment.py, features.py, explain.py and api.py answer some questions without the regex
engine or without building every object (see each function's docstring). Each test here
compares such a shortcut with the straightforward version on generated and real inputs.
"""

from __future__ import annotations

import random

import numpy as np
import regex
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from boilerstrip import Options, api, extract, extract_blocks, features, smooth
from boilerstrip.document import Document
from boilerstrip.explain import block_reasons, blocks_reasons
from boilerstrip.parse import segment
from boilerstrip.parse.segment import Flag, segment_html
from boilerstrip.render import render
from boilerstrip.stopwords import STOPWORDS, guess_language, stopwords_for
from boilerstrip.vocab import (
    COMMENT_TOKENS,
    NEGATIVE_TOKENS,
    POSITIVE_TOKENS,
)

ARTICLE = (
    "<html lang='en'><head><title>Bridge</title></head><body>"
    "<nav class='siteNav'><ul><li><a href='/'>Home</a></li><li><a href='/n'>News</a></li></ul></nav>"
    "<article class='post article-body'><h1>The bridge opens</h1><p>Posted 12 May 2021</p>"
    "<p>The council met on Tuesday to discuss the new bridge, and most members agreed the plan "
    "should go ahead before the end of the year. “It is time,” the mayor said… Work starts soon!</p>"
    "<p>Residents asked for a safe crossing for years; the river splits the town in two parts.</p>"
    "<table><tr><td>Length</td><td>120 m</td></tr></table><pre>  code = 1\n    more()</pre>"
    "<p>Read more of the story here...</p></article>"
    "<div id='comments'><p>Great piece, thanks!</p></div>"
    "<footer class='SiteFooter'><p>© 2021 Town paper · Imprint</p></footer></body></html>"
)


def test_fast_paths_are_on() -> None:
    # A changed vocabulary or feature pattern turns its shortcut off (output stays right, but
    # slow): update the shortcut in segment.py / features.py to the new pattern.
    assert segment._WORD_BITS is not None
    assert features._FAST_STATS




def test_class_words_match_the_vocabulary_regexes() -> None:
    rnd = random.Random(7)
    words = [*NEGATIVE_TOKENS, *POSITIVE_TOKENS, *COMMENT_TOKENS, "x", "ab", "wrap", "er", "ing", "col"]
    seps = [" ", "-", "_", "", "", "1", ":", ".", "é", "\t"]
    def mixed(w: str) -> str:
        return "".join(c.upper() if rnd.random() < 0.3 else c for c in w)

    shapes = (str.lower, str.upper, str.capitalize, mixed)
    cases = ["", " ", "navBar", "mainContent", "SIDEBAR", "XAds", "article-body", "articles-body", "post-3258 post"]
    for _ in range(20000):
        s = "".join(rnd.choice(shapes)(rnd.choice(words)) + rnd.choice(seps) for _ in range(rnd.randint(1, 5)))
        cases.append(s[rnd.randint(0, len(s) // 2) :] if rnd.random() < 0.2 else s)
    letters = "adsnvbrADSNVBRmenuMENUtx- _1"
    cases += ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 14))) for _ in range(20000)]
    for names in cases:
        assert segment._class_words(names) == segment._class_words_rx(names), names


def test_text_stats_match_the_patterns() -> None:
    rnd = random.Random(11)
    pieces = [
        "Hello", "world", "the", "THE", "Jan", "12", "2021-05-03", "10:30", "May 5th", "5 mai", "märz 3", ".",
        "...", "…", "!", "?", "。", "”", "’", "»", ")", "]", "%", " ", "\u3000", "\x1c", "\xa0", "\n", "\t", "é",
        "日本", "カタカナ", "_", "a_b", "x.", "Ab.", "1.", "'", '"', ":", ";", "İ", "ǅ", "\u0301", "٣", "😀", "Σ",
        "ΣΑΣ", "²", "Ⓐ", "ﬁ", "ß", "\x85", "\u2028",
    ]
    for lang in (None, "en", "de"):
        words = stopwords_for(lang)
        for _ in range(40):
            texts = [
                "".join(rnd.choice(pieces) + rnd.choice(["", " "]) for _ in range(rnd.randint(1, 12)))
                for _ in range(rnd.randint(0, 40))
            ]
            texts += texts[: len(texts) // 4]  # repeated texts
            got = np.asarray(features._text_stats(texts, words))
            want = np.asarray([features._text_stats_one(t, words) for t in texts], dtype=np.int64).reshape(-1, features._STATS).T
            assert np.array_equal(got.reshape(features._STATS, -1), want), texts


def test_text_stats_table_covers_the_basic_plane() -> None:
    """Every character of the table beyond U+3100 (CJK, Hangul, fullwidth forms, the variation
    selectors of emoji) counts as the patterns count it, in a few contexts: such texts are
    counted by the table, not one by one with the patterns."""
    assert features._TABLE_SIZE == 0x10000
    chars = [chr(c) for c in range(0x3100, 0x10000) if not 0xD800 <= c < 0xE000]
    words = stopwords_for("en")
    for shape in ("{c}", "a{c}b", "The {c}. Next", "x {c}{c} y", "Word{c}!", "3 {c} 2021"):
        for at in range(0, len(chars), 4000):
            texts = [shape.format(c=c) for c in chars[at : at + 4000]]
            got = np.asarray(features._text_stats(texts, words))
            want = np.asarray([features._text_stats_one(t, words) for t in texts], dtype=np.int64).T
            assert np.array_equal(got, want), shape


def test_ellipsis_matches_the_pattern() -> None:
    texts = ["a...", "a… ", "b …]", "c . . .", "d...x", "…", "", "e...)\n", "f.. .", "g ... ] ", "h\u3000…"]
    want = [features._ELLIPSIS.search(t) is not None for t in texts]
    assert features._ellipsis(texts).tolist() == [float(w) for w in want]


def test_space_lists_hold_every_space() -> None:
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    spaces = set(regex.findall(r"\s", every)) | {c for c in every if c.isspace()}
    assert spaces == set(features._SPACES)


def test_deep_nesting_precheck_never_misses() -> None:
    deep = segment._DEEP_LIMIT
    assert segment._may_nest_deeply(("<div>" * deep).encode())
    # A closing tag at every level does not hide the depth.
    assert segment._may_nest_deeply(("<div><p>x</p>" * deep).encode())
    assert segment._may_nest_deeply(("<div><!-- c -->" * deep).encode())
    assert not segment._may_nest_deeply(("<div>x</div>" * deep * 2).encode())
    assert not segment._may_nest_deeply(("<div>" * (deep - 1)).encode())


def test_blocks_reasons_match_block_reasons() -> None:
    r = api._run(ARTICLE, Options())
    fast = blocks_reasons(r.contributions, r.feats, r.smoothed)
    for i in range(len(r.seg)):
        assert fast[i] == block_reasons(r.contributions[i], r.feats, i, int(r.smoothed[i]))


def test_feature_rows_match_features_row() -> None:
    r = api._run(ARTICLE, Options())
    rows = api._blocks_features(r.seg, r.feats)
    for i in range(len(r.seg)):
        want = r.feats.row(i)
        assert {k: rows[i][k] for k in want} == want


def test_extract_renders_what_the_document_renders() -> None:
    doc: Document = extract_blocks(ARTICLE, "https://example.org/a")
    for settings in (
        {},
        {"include_title": True},
        {"output": "markdown"},
        {"output": "markdown", "include_title": True},
        {"output": "html"},
        {"output": "json"},
        {"output": "json", "explain": True},
    ):
        opts = Options(**settings)  # type: ignore[arg-type]
        assert extract(ARTICLE, "https://example.org/a", options=opts) == render(doc, opts), settings


def test_segments_of_the_article() -> None:
    seg = segment_html(ARTICLE, max_depth=256, max_blocks=1000)
    by = dict(zip(seg.texts, zip(seg.flags, seg.neg_tokens, seg.pos_tokens, strict=True), strict=True))
    assert by["Home"][1] == "nav" and by["Home"][0] & Flag.NEG_CLASS
    assert by["The bridge opens"][2] == "post"
    assert by["Great piece, thanks!"][0] & Flag.COMMENT
    assert by["© 2021 Town paper · Imprint"][1] == "footer"


def _guess_language_by_list(words: list[str]) -> str | None:
    """guess_language as written before its index: every word tested against every list."""
    if len(words) < 20:
        return None
    best, best_hits = None, 0
    for lang, sw in STOPWORDS.items():
        hits = sum(map(sw.__contains__, words))
        if hits > best_hits:
            best, best_hits = lang, hits
    return best if best_hits >= 0.15 * len(words) else None


_SOME_WORDS = sorted({w for sw in STOPWORDS.values() for w in sorted(sw)[:12]}) + ["dog", "haus", "x", "the", "de", "la"]


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SOME_WORDS), max_size=120))
def test_guess_language_is_the_list_count(words: list[str]) -> None:
    assert guess_language(words) == _guess_language_by_list(words)


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("aB Σσ ς\u0130.\t\n")), max_size=30), max_size=40))
def test_language_sample_is_the_joined_split(texts: list[str]) -> None:
    texts = texts * 30  # past the 400-text and the 3,000-word limits too
    assert features._language_sample(texts) == " ".join(texts[:400]).lower().split()[:3000]


def test_taxonomy_class_names_are_not_read() -> None:
    # WordPress gives a post the classes of its categories and tags: "category-for-discussion"
    # names a topic, not a comment section.
    taxonomy = "post-1 post category-for-discussion tag-sidebar-news hentry"
    assert segment._class_words(taxonomy) == segment._class_words("post-1 post hentry")
    assert segment._class_words_rx(taxonomy) == segment._class_words(taxonomy)
    assert not segment._class_words(taxonomy)[0] & Flag.COMMENT
    # The words themselves, or inside another name, still count.
    assert segment._class_words("discussion")[0] & Flag.COMMENT
    assert segment._class_words("subcategory-comment")[0] & Flag.COMMENT


def test_hashes_in_class_names_are_not_read() -> None:
    # A page builder's or a framework's generated names ("elementor-element-54bd2ad", an id
    # "richtext-2ad314195f", a UUID) spell "ad" by chance: a hash is no word.
    for names in ["elementor-element-54bd2ad", "richtext-2ad314195f", "d5c1efed-d0ef-4fca-8c7d-faff398ad272", "e1ad"]:
        assert segment._class_words(names)[1] is None, names
        assert segment._class_words_rx(names) == segment._class_words(names), names
    assert segment._class_words("richtext-2ad314195f disclaimer")[1] == "disclaimer"
    # An ad slot named with its size or number, and the word itself, still count.
    for names in ["ad300", "ad1", "ad-slot", "top ad", "googleAd2b3121d6"]:
        assert segment._class_words(names)[1] == "ad", names


def test_shown_hidden_class_names_are_not_read() -> None:
    # A field whose label is hidden (Drupal's "field--label-hidden") or an element hidden on paper
    # or on small screens only (Bootstrap's "hidden-print", "hidden-xs") is shown on a screen:
    # its "hidden" is no sign of chrome.
    for names in ["field field--name-body field--label-hidden", "article hidden-print", "story hidden-xs hidden-sm"]:
        plain = " ".join(n for n in names.split() if "hidden" not in n)
        assert segment._class_words(names) == segment._class_words(plain), names
        assert segment._class_words_rx(names) == segment._class_words(names), names
        assert not segment._class_words(names)[0] & Flag.NEG_CLASS, names
    # The word itself, or another hidden name, still counts.
    for names in ["hidden", "hidden-menu", "visually-hidden", "menu-hidden"]:
        assert segment._class_words(names)[0] & Flag.NEG_CLASS, names


_STEM_CHARS = list("aAcCeEfFiIkKlLmMnNoOpPrRsStT -\n") + ["\u212a", "\u0130", "\u0131", "ß", "é", "Σ", "\u017f", "日"]


@hypothesis_settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(_STEM_CHARS), max_size=60))
def test_may_hold_never_misses_a_lowered_stem(text: str) -> None:
    # smooth._may_hold tests the ASCII characters lowered as bytes: it may say yes where
    # str.lower() holds no stem, never no where it holds one (the Kelvin sign lowers to "k").
    from boilerstrip import smooth

    for stems in (smooth._DISCLOSURE_STEMS, smooth._FORM_LINE_STEMS, ("kick", "if", "sta", "ck", "ti", "i")):
        if any(stem in text.lower() for stem in stems):
            assert smooth._may_hold(text, tuple(s.encode("ascii") for s in stems))
    assert smooth._may_hold("Affiliate links", smooth._DISCLOSURE_STEMS_ASCII)
    assert smooth._may_hold("\u212aickback", smooth._DISCLOSURE_STEMS_ASCII)
    assert smooth._may_hold("REACT\u0130ON", smooth._FORM_LINE_STEMS_ASCII)  # "reacti̇on"
    assert not smooth._may_hold("Прочее", smooth._DISCLOSURE_STEMS_ASCII)


@hypothesis_settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("nowithut-_sidebarhfmnvgcumsktlo \n")), max_size=60))
def test_may_negate_is_the_pattern(low: str) -> None:
    for text in (low, low + " no-sidebar", "without_" + low, "nonav " + low):
        assert features._may_negate(text) == (features._MAY_NEGATE.search(text) is not None)


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("0123456789 ./-:stndrhJjANanuryMmaïöéä\u017fSEPtebrc")), max_size=40))
def test_date_is_the_plain_month_alternation(text: str) -> None:
    # features._DATE's month names are factored (word_alternation): the same match as the
    # names joined by "|", the same span too.
    months = features._MONTHS
    plain = regex.compile(
        rf"\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}:\d{{2}}\b|"
        rf"\b(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{months})\b",
        regex.I,
    )
    for t in (text, "On " + text, text + " March 3rd", "12 janvier " + text, "Sept. 4, " + text):
        a, b = plain.search(t), features._DATE.search(t)
        assert (a is None) == (b is None)
        assert a is None or b is None or a.span() == b.span()


def test_word_alternation_matches_the_words_only() -> None:
    words = features._MONTHS.split("|")
    whole = regex.compile(rf"(?:{features.word_alternation(words)})")
    assert all(whole.fullmatch(w) for w in words)
    assert not any(whole.fullmatch(w) for w in ("ja", "janu", "septem", "marc", "", "decembre"))
    assert features.word_alternation(["ab", "a", "abc"]) == "a(?:b(?:c)?)?"


def test_shared_page_arrays_are_the_lists() -> None:
    # Segments.elem_array and parent_array, features.elem_subtree_ends: made once a
    # page for the steps that read them, read-only, equal to what each step made itself.
    seg = segment_html(ARTICLE, max_depth=256, max_blocks=1000)
    assert seg.elem_array().tolist() == seg.elems and seg.elem_array() is seg.elem_array()
    assert seg.parent_array().tolist() == seg.elem_parent and seg.parent_array() is seg.parent_array()
    assert not seg.elem_array().flags.writeable and not seg.parent_array().flags.writeable
    ends = features.elem_subtree_ends(seg)
    assert ends.tolist() == features.subtree_ends(np.asarray(seg.elem_parent, dtype=np.int64)).tolist()
    assert not ends.flags.writeable


@st.composite
def _preorder_parents(draw: st.DrawFn) -> list[int]:
    """A random element tree in document order: each element's parent is one of the open
    elements before it (the root's parent is -1)."""
    n = draw(st.integers(1, 40))
    parents = [-1]
    for x in range(1, n):
        parents.append(draw(st.integers(0, x - 1)))
    # Make it preorder: an element's parent is open, i.e. on the path from the root to x - 1.
    fixed = [-1]
    for x in range(1, n):
        path, e = [], x - 1
        while e >= 0:
            path.append(e)
            e = fixed[e]
        fixed.append(path[parents[x] % len(path)])
    return fixed


@given(_preorder_parents())
def test_children_walk_is_the_scan(parents: list[int]) -> None:
    """features._children steps from child to child by the subtree ends: the same list as a
    scan of p's subtree for the elements whose parent is p."""
    stops = features.subtree_ends(np.asarray(parents, dtype=np.int64)).tolist()
    for p in range(len(parents)):
        assert features._children(parents, stops, p) == [x for x in range(p + 1, stops[p]) if parents[x] == p]


def test_chrome_only_is_the_token_and_flag_test() -> None:
    """features._chrome_only marks the blocks whose nearest chrome word names chrome only and
    that carry the chrome-word flag, as a loop over the blocks does."""
    html = (
        "<html><body><div class='cookie-banner'><p>We use cookies on this site to make it work.</p></div>"
        "<div class='sidebar'><p>Other news of the day here.</p></div><article><p>The text.</p></article>"
        "<div class='disclaimer'><p>Nothing here is advice of any kind at all.</p></div></body></html>"
    )
    seg = segment_html(html, max_depth=256, max_blocks=1000)
    flags = np.asarray(seg.flags, dtype=np.int64)
    got = features._chrome_only(seg, flags)
    want = [t in features._CONTAINER_CHROME_ONLY and bool(int(flags[i]) & Flag.NEG_CLASS) for i, t in enumerate(seg.neg_tokens)]
    assert got is not None and got.tolist() == want and any(want)


@given(st.text(st.sampled_from(list("0123456789 -_abcXYZ٣éü\U0001f600\ud800")), max_size=40))
def test_no_digits_is_the_translate(cls: str) -> None:
    # smooth._no_digits strips an ASCII class string's digits through its bytes.
    assert smooth._no_digits(cls) == cls.translate(smooth._GRID_NO_DIGITS)


@hypothesis_settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["", " ", "Aa", "aa", "AA ", "b", "ß", "SS", "İ", "i\u0307", "x y"]), max_size=12))
def test_repeated_marks_every_text_that_stands_twice(texts: list[str]) -> None:
    """smooth.drop_repeats skips its walk when no long body text is marked repeated: every text that
    stands twice word for word must be marked (the compiled features._repeated and its reference)."""
    from boilerstrip.parse._compiled import KERNEL_REFERENCES

    twice = np.array([texts.count(t) > 1 for t in texts], dtype=bool)
    for repeated in (features._repeated, KERNEL_REFERENCES["repeated"]):
        marked = np.asarray(repeated(texts)) > 0
        assert not (twice & ~marked).any()
