"""The compiled twins of features', score's and smooth's per-page steps (boilerstrip/_kernels.pyx)
give exactly the results of the Python functions.

The Python functions stay the reference: each test runs both on the same input and compares
the results bit for bit (signed zeros too). When the twins are not built these tests skip,
except under BOILERSTRIP_REQUIRE_COMPILED=1 (CI), where a missing build fails.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from typing import Any

import numpy as np
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from boilerstrip import features, score, smooth
from boilerstrip.parse import _compiled
from boilerstrip.parse import segment
from boilerstrip.parse.segment import segment_html
from boilerstrip.score import DEFAULT_PARAMS, threshold_for

from .conftest import FIXTURES
from .test_compiled import _check_dataset_pages

NAMES = (
    "text_stats", "ellipsis", "main_container", "card_marks", "score_blocks", "smooth_labels", "repeated", "content_named",
    "deepest_neg", "unwrap", "comment_sections", "keep_alike_runs", "prose_weight", "page_language", "block_arrays",
    "subtree_ends", "unboxed_container", "texts_hold", "third_slide", "all_of", "container_subtrees", "any_true",
    "lstrip_starts", "holds_tag", "tags_are", "nearest_marked", "texts_holding",
    "sibling_items", "may_digit", "runs_between", "box_span", "byte_places", "bytes_hold",
    "may_hold_lines", "str_holds", "link_heading_candidates",
    "sibling_items", "may_digit", "runs_between", "box_span", "block_columns", "may_negate_names", "flag_counts",
    "chrome_only", "int64_array", "item_starts", "alike_groups", "subtree_sums", "item_slots", "doubled_candidates",
    "grid_word_sums", "name_bio_candidates", "short_holding",
    "story_candidates",
)
COMPILED = all(_compiled.KERNELS.get(name) == "compiled" for name in NAMES)
needs_kernels = pytest.mark.skipif(
    not COMPILED, reason="the compiled kernels are not in use: not built, BOILERSTRIP_PURE=1, or failed their self-check"
)
same = _compiled._same


def test_kernels_are_compiled_when_required() -> None:
    if os.environ.get("BOILERSTRIP_REQUIRE_COMPILED") != "1":
        pytest.skip("BOILERSTRIP_REQUIRE_COMPILED is not set: a pure-Python install is allowed here")
    assert _compiled.KERNELS == dict.fromkeys(NAMES, "compiled"), _compiled.KERNELS


def test_pure_env_selects_python_kernels() -> None:
    code = "import boilerstrip.api; from boilerstrip.parse import _compiled; print(sorted(set(_compiled.KERNELS.values())))"
    env = dict(os.environ, BOILERSTRIP_PURE="1")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['python']"


def test_modules_use_the_chosen_kernels() -> None:
    used = {
        "text_stats": features._text_stats,
        "ellipsis": features._ellipsis,
        "main_container": features._main_container,
        "card_marks": features._card_marks,
        "score_blocks": score.score_blocks,
        "smooth_labels": smooth.smooth_labels,
        "repeated": features._repeated,
        "content_named": features._content_named,
        "deepest_neg": features._deepest_neg,
        "unwrap": features._unwrap,
        "comment_sections": features._comment_sections,
        "keep_alike_runs": smooth.keep_alike_runs,
        "prose_weight": features._prose_weight,
        "page_language": features._page_language,
        "block_arrays": features._block_arrays,
        "subtree_ends": features.subtree_ends,
        "unboxed_container": features._unboxed_container,
        "texts_hold": smooth._texts_hold,
        "third_slide": smooth._third_slide,
        "all_of": smooth._all_of,
        "container_subtrees": smooth._container_subtrees,
        "any_true": smooth._any,
        "lstrip_starts": smooth._lstrip_starts,
        "holds_tag": smooth._holds_tag,
        "tags_are": smooth._tags_are,
        "nearest_marked": smooth._nearest_marked,
        "texts_holding": smooth._texts_holding,
        "sibling_items": smooth._sibling_items,
        "may_digit": smooth._may_digit,
        "runs_between": smooth._runs_between,
        "box_span": features._box_span,
        "byte_places": segment._byte_places,
        "bytes_hold": segment._bytes_hold,
        "may_hold_lines": smooth._may_hold_lines,
        "str_holds": segment._str_holds,
        "link_heading_candidates": smooth._link_heading_candidates,
        "block_columns": features._block_columns,
        "may_negate_names": features._may_negate_names,
        "flag_counts": features._flag_counts,
        "chrome_only": features._chrome_only,
        "int64_array": segment._int64_array,
        "item_starts": features._item_starts,
        "alike_groups": smooth._alike_groups,
        "subtree_sums": smooth._subtree_sums,
        "item_slots": smooth._item_slots,
        "doubled_candidates": smooth._doubled_candidates,
        "grid_word_sums": smooth._grid_word_sums,
        "name_bio_candidates": smooth._name_bio_candidates,
        "short_holding": smooth._short_holding,
        "story_candidates": smooth._story_candidates,
    }
    for name, fn in used.items():
        assert (fn is _compiled.KERNEL_REFERENCES[name]) == (_compiled.KERNELS[name] == "python"), name


def _reference_features(seg: Any, mode: str) -> features.Features:
    """compute_features with the Python steps swapped back in."""
    refs = _compiled.KERNEL_REFERENCES
    names = (
        "text_stats", "ellipsis", "main_container", "card_marks", "repeated", "content_named", "deepest_neg", "unwrap",
        "comment_sections", "prose_weight", "page_language", "block_arrays", "unboxed_container", "box_span",
        "block_columns", "may_negate_names", "flag_counts", "chrome_only", "item_starts",
    )
    saved = {name: getattr(features, f"_{name}") for name in names}
    for name in names:
        setattr(features, f"_{name}", refs[name])
    try:
        return features.compute_features(seg, mode)
    finally:
        for name, fn in saved.items():
            setattr(features, f"_{name}", fn)


def assert_same_page(html: str) -> None:
    """Features, scores, contributions and labels alike with the compiled and the Python steps."""
    refs = _compiled.KERNEL_REFERENCES
    seg = segment_html(html, max_depth=256, max_blocks=100_000)
    for mode in ("html", "text"):
        got, want = features.compute_features(seg, mode), _reference_features(seg, mode)
        for field in dataclasses.fields(features.Features):
            a, b = getattr(got, field.name), getattr(want, field.name)
            assert same(a, b) if isinstance(a, np.ndarray | float) else a == b, field.name
        for params in (DEFAULT_PARAMS, dataclasses.replace(DEFAULT_PARAMS, include_comments=True)):
            scores, contributions = score.score_blocks(got, params)
            assert same((scores, contributions), refs["score_blocks"](got, params))
            for favor in ("balanced", "precision", "recall"):
                t = threshold_for(favor)
                labels = smooth.smooth_labels(scores, got, t)
                assert same(labels, refs["smooth_labels"](scores, got, t))
                a, b = (labels[0].copy(), labels[1].copy()), (labels[0].copy(), labels[1].copy())
                smooth.keep_alike_runs(seg, got, *a)
                refs["keep_alike_runs"](seg, got, *b)
                assert same(a, b)


@needs_kernels
def test_fixtures() -> None:
    for path in sorted(FIXTURES.rglob("*.html")):
        assert_same_page(path.read_text(encoding="utf-8"))
    assert_same_page(_compiled._PROBE)


@needs_kernels
def test_pages_without_body() -> None:
    # Nothing reaches the threshold: smooth's rescue (a page of a few words keeps its best lines).
    for html in ("<body>Test</body>", "<p>abc</p><p>def</p><div>ghi</div>", "<nav><a href='/'>Home</a></nav>", ""):
        assert_same_page(html)


@needs_kernels
def test_dataset_pages() -> None:
    _check_dataset_pages(assert_same_page)


@needs_kernels
def test_space_table_every_code_point() -> None:
    from boilerstrip import _kernels

    chars = "".join(map(chr, range(0x110000))).encode("utf-32-le", "surrogatepass").decode("utf-32-le", "surrogatepass")
    spaces = "".join(c for c, d in zip(chars, regex.sub(r"\s", "\x00", chars), strict=True) if c != d)
    assert _kernels.space_chars(0x110000) == spaces


@needs_kernels
@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("a.…])( \t\n\u3000\x1c\u2009x")), max_size=12), max_size=10))
def test_ellipsis_generated(texts: list[str]) -> None:
    assert same(features._ellipsis(texts), _compiled.KERNEL_REFERENCES["ellipsis"](texts))


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_containers_generated(seed: int) -> None:
    rng = np.random.default_rng(seed)
    refs = _compiled.KERNEL_REFERENCES
    for seg in _compiled._probe_pages(seed, 3):
        a = _compiled._probe_arrays(rng, len(seg.elems))
        assert same(features._main_container(seg, a["weight"]), refs["main_container"](seg, a["weight"]))
        args = (a["n_chars"], a["link_density"], a["n_words"], a["stopword_ratio"] * rng.choice([0.5, 3.0]), a["flags"])
        assert same(features._prose_weight(*args), refs["prose_weight"](*args))
        ellipsis = rng.choice([0.0, 0.0, 1.0], len(seg.elems))
        args = (seg, a["link_density"], a["n_words"], a["flags"], ellipsis)
        assert same(features._card_marks(*args), refs["card_marks"](*args))
    for seg, _, ld, nw, fl, _, ell in _compiled._card_pages(rng, 3):
        assert same(features._card_marks(seg, ld, nw, fl, ell), refs["card_marks"](seg, ld, nw, fl, ell))


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 150), st.sampled_from(["html", "text"]))
def test_score_and_smooth_generated(seed: int, n: int, mode: str) -> None:
    rng = np.random.default_rng(seed)
    refs = _compiled.KERNEL_REFERENCES
    f = _compiled._probe_features(rng, n, mode)
    for params in (DEFAULT_PARAMS, dataclasses.replace(DEFAULT_PARAMS, include_comments=True, nav=-0.0)):
        assert same(score.score_blocks(f, params), refs["score_blocks"](f, params))
    scores = rng.normal(0.0, 3.0, n)
    for t in (0.0, 0.75, -0.75, 10.0):
        assert same(smooth.smooth_labels(scores, f, t), refs["smooth_labels"](scores, f, t))


@needs_kernels
@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 150), st.sampled_from(["html", "text"]))
def test_score_blocks_row_sums_and_strided_columns(seed: int, n: int, mode: str) -> None:
    """The compiled score sums each row as numpy's pairwise sum does (weights of far apart
    magnitudes and signs, -0.0 rows); it and the compiled smooth_labels read feature columns
    that are strided views."""
    rng = np.random.default_rng(seed)
    f = _compiled._probe_features(rng, n, mode)
    for field in dataclasses.fields(f):
        value = getattr(f, field.name)
        if isinstance(value, np.ndarray) and rng.random() < 0.5:
            wide = np.zeros((n, 2), dtype=value.dtype)
            wide[:, 1] = value
            setattr(f, field.name, wide[:, 1])  # every other element of a larger buffer
    names = [fl.name for fl in dataclasses.fields(DEFAULT_PARAMS) if isinstance(getattr(DEFAULT_PARAMS, fl.name), float)]
    weights = rng.choice([-0.0, 0.0, 1e-17, 0.1, -0.7, 3.0, 1e16, -1e16, 1 / 3], len(names))
    params = dataclasses.replace(DEFAULT_PARAMS, **{name: float(w) for name, w in zip(names, weights, strict=True)})
    for p in (params, dataclasses.replace(params, include_comments=True)):
        assert same(score.score_blocks(f, p), _compiled.KERNEL_REFERENCES["score_blocks"](f, p))
    # smooth_labels reads the same columns (and the scores) through their buffers too.
    scores = np.zeros((n, 2))
    scores[:, 0] = rng.normal(0.0, 3.0, n)
    for t in (0.0, 0.75, -0.75):
        for s in (scores[:, 0], scores[:, 0].copy()):
            assert same(smooth.smooth_labels(s, f, t), _compiled.KERNEL_REFERENCES["smooth_labels"](s, f, t))


def test_kernel_falls_back_when_different(monkeypatch: pytest.MonkeyPatch) -> None:
    def wrong(texts: list[str]) -> Any:
        return np.ones(len(texts))  # not what the compiled twin finds

    # choose_kernel records its choice in the module: restore it after the test.
    monkeypatch.setattr(_compiled, "KERNELS", dict(_compiled.KERNELS))
    monkeypatch.setattr(_compiled, "KERNEL_REFERENCES", dict(_compiled.KERNEL_REFERENCES))
    assert _compiled.choose_kernel("ellipsis", wrong) is wrong
    assert _compiled.KERNELS["ellipsis"] == "python"


def test_missing_extension_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    import boilerstrip

    monkeypatch.setitem(sys.modules, "boilerstrip._kernels", None)  # import raises ImportError
    monkeypatch.delattr(boilerstrip, "_kernels", raising=False)
    monkeypatch.setattr(_compiled, "KERNELS", dict(_compiled.KERNELS))
    monkeypatch.setattr(_compiled, "KERNEL_REFERENCES", dict(_compiled.KERNEL_REFERENCES))
    reference = _compiled.KERNEL_REFERENCES["score_blocks"]
    assert _compiled.choose_kernel("score_blocks", reference) is reference
    assert _compiled.KERNELS["score_blocks"] == "python"


@needs_kernels
@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_unboxed_container_generated(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for seg in _compiled._probe_pages(seed, 3):
        n = len(seg.elems)
        a = _compiled._probe_arrays(rng, n)
        main = np.where(rng.random(n) < rng.choice([0.1, 0.5, 0.9]), 1.0, 0.0)
        card = rng.choice([0.0, 0.0, 1.0, 0.5], n)
        args = (seg, a["flags"], main, 0.5, a["n_chars"], a["n_words"], a["link_density"], card)
        assert same(features._unboxed_container(*args), _compiled.KERNEL_REFERENCES["unboxed_container"](*args))


@needs_kernels
def test_repeated_lowercase_every_code_point() -> None:
    from boilerstrip.parse import _walk

    # The twin takes each character's lowercase on its own but for U+0130 and U+03A3.
    for c in range(0x110000):
        if c not in (0x130, 0x3A3):
            assert chr(c).lower() == chr(_walk.simple_lower(c)), hex(c)


@needs_kernels
@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("aAxX \t\u3000\u212akKΣσςİi\u0307ДдǅǆΟ\ufb01")), max_size=40), max_size=20))
def test_repeated_generated(texts: list[str]) -> None:
    texts = texts + [t.upper() for t in texts[:3]] + [" " + t + "\u2003" for t in texts[3:6]]
    assert same(features._repeated(texts), _compiled.KERNEL_REFERENCES["repeated"](texts))


@needs_kernels
@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_compiled._COUNT_PROBE + ["", "x", "the end", "x" * 70]), max_size=30))
def test_text_stats_generated(texts: list[str]) -> None:
    for lang in ("en", "de", None):
        stopwords = features.stopwords_for(lang)
        assert same(features._text_stats(texts, stopwords), _compiled.KERNEL_REFERENCES["text_stats"](texts, stopwords))


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_content_named_and_unwrap_generated(seed: int) -> None:
    rng = np.random.default_rng(seed)
    refs = _compiled.KERNEL_REFERENCES
    for seg, flags, main in _compiled._unwrap_pages(rng, 6):
        assert same(features._content_named(seg, flags), refs["content_named"](seg, flags))
        got, want = features._unwrap(seg, flags, main), refs["unwrap"](seg, flags, main)
        assert got is None and want is None or got is not None and want is not None and same(got, want)


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_comment_sections_generated(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for args in _compiled._comment_pages(rng, 6):
        assert same(features._comment_sections(*args), _compiled.KERNEL_REFERENCES["comment_sections"](*args))


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_keep_alike_runs_generated(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for seg, f, body in _compiled._alike_pages(rng, 6):
        a, b = (body.copy(), np.zeros(len(body), dtype=np.int8)), (body.copy(), np.zeros(len(body), dtype=np.int8))
        smooth.keep_alike_runs(seg, f, *a)
        _compiled.KERNEL_REFERENCES["keep_alike_runs"](seg, f, *b)
        assert same(a, b)


# Tokens whose lowercase is ASCII (Kelvin sign) or longer (dotted capital I), NUL, non-ASCII function
# words, a curly apostrophe, one letter past the longest function word, a final sigma.
_LANGUAGE_ODD = ("The", "AND", "\u212a", "\u0130n", "x\x00", "\u00dcber", "F\u00fcr", "don\u2019t", "aaaaaaaaaaa", "\u0391\u03a3")


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(sorted(features.stopwords_for(None))[:300] + list(_LANGUAGE_ODD)), max_size=40),
        max_size=60,
    ),
    st.sampled_from([" ", "\t", "\u3000", "\x1c", "\n "]),
)
def test_page_language_generated(pages: list[list[str]], space: str) -> None:
    texts = [space.join(words) for words in pages]
    assert features._page_language(texts) == _compiled.KERNEL_REFERENCES["page_language"](texts)
    for repeat in (7, 60):  # past the sample's 3,000 words and 400 texts
        more = texts * repeat
        assert features._page_language(more) == _compiled.KERNEL_REFERENCES["page_language"](more)



def test_language_probes_guess_several_languages() -> None:
    guessed = {_compiled.KERNEL_REFERENCES["page_language"](texts) for texts in _compiled._language_pages()}
    assert {"en", "de", "fr", "ru", "tr", None} <= guessed


@needs_kernels
@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_block_arrays_generated(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for seg in _compiled._probe_pages(int(rng.integers(0, 2**31)), 4):
        n = len(seg.elems)
        seg.texts = [str(t) for t in rng.choice(["", "x", "é中", "\U0001f600 a", "w " * 30], n)]
        seg.kinds = [str(k) for k in rng.choice(["p", "h1", "h4", "h6", "H1", "li"], n)]
        seg.link_chars = [int(x) for x in rng.integers(0, 70, n)]
        seg.flags = [int(x) for x in rng.integers(0, 1 << 18, n)]
        seg.blank_before = [int(x) for x in rng.integers(0, 4, n)]
        for html in (True, False):
            assert same(features._block_arrays(seg, html), _compiled.KERNEL_REFERENCES["block_arrays"](seg, html))


@needs_kernels
@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_subtree_ends_generated(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for seg in _compiled._probe_pages(int(rng.integers(0, 2**31)), 4):
        parents = np.asarray(seg.elem_parent, dtype=np.int64)
        assert same(features.subtree_ends(parents), _compiled.KERNEL_REFERENCES["subtree_ends"](parents))


def test_third_slide_ascii_folds() -> None:
    """The three characters outside ASCII that _third_slide's twin reads on after a "3" are all
    that match "/" or an ASCII letter under regex.I (surrogates left out: a str of them is no text)."""
    chars = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert set(regex.findall(r"[a-z/]", chars, regex.I)) == {"\u0130", "\u017f", "\u212a"}


@needs_kernels
def test_third_slide_after_three() -> None:
    """The compiled pretest ends a "3" at a character outside ASCII that is no space and matches
    no ASCII letter (a dash, a box line, a letter of another script), and reads on past the
    others, as the pattern does."""
    refs = _compiled.KERNEL_REFERENCES
    for text in ("3 \u2013 5", "3\u2019s", "3 \u2502 4", "3\u65e5 4", "3 \u0434 5", "3\u00a0of 5", "3 \u017fur 4",
                 "3\u2003/ 4", "3\u3000/\u30004", "3 \u0130", "3\u212a", "x3 \u2013\n3 of 4"):
        got = smooth._third_slide([text], smooth._THIRD_SLIDE, smooth._OF_WORDS)
        assert got == refs["third_slide"]([text], smooth._THIRD_SLIDE, smooth._OF_WORDS), text


_PIECES = ["3", " ", "\n", "/", "of", "OF", "von", "de", "x", "5", "é", "\u00a0", "\u017f", "_", "z", "sur", "\t", "\u0664",
           "İ", "\u212a", "Affiliate", "COMMISSION", "reply", "cta", "all-to", "中", "\U0001f600", "sign", "ın",
           "\u2033", "\U0001f633", "\u2019" * 41, "\u2013", "\u2502", "\u3000", "thank", "Agree", "tl;"]


@needs_kernels
@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join), max_size=5))
def test_smooth_pretests_generated(texts: list[str]) -> None:
    refs = _compiled.KERNEL_REFERENCES
    stem_sets = (
        smooth._DISCLOSURE_STEMS_ASCII, smooth._CTA_HEADS, smooth._FORM_LINE_STEMS_ASCII, smooth._TAIL_HEADS_ASCII, (b"k", b"i", b"3 of"),
        smooth._FORM_NOTICE_STEMS_ASCII, smooth._KEY_STEMS_ASCII,
    )  # fmt: skip
    everything = np.arange(len(texts), dtype=np.intp)
    for stems in stem_sets:
        for idx in (None, everything, everything[::2].copy(), everything[::-2]):
            assert smooth._texts_hold(texts, idx, stems) == refs["texts_hold"](texts, idx, stems)
            if idx is not None:
                assert smooth._texts_holding(texts, idx, stems) == refs["texts_holding"](texts, idx, stems)
    for starts in (smooth._IMAGE_STARTS, ("3", "\u00a0of"), ("",)):
        for idx in (everything, everything[::-2]):
            assert smooth._lstrip_starts(texts, idx, starts) == refs["lstrip_starts"](texts, idx, starts)
    for name in ("3", "of", "", "\U0001f600"):
        assert smooth._holds_tag(texts, name) == refs["holds_tag"](texts, name)
        assert same(smooth._tags_are(texts, (name, "x")), refs["tags_are"](texts, (name, "x")))
    got = smooth._third_slide(texts, smooth._THIRD_SLIDE, smooth._OF_WORDS)
    assert got == refs["third_slide"](texts, smooth._THIRD_SLIDE, smooth._OF_WORDS)
    for idx in (everything, everything[::-2]):
        assert smooth._may_digit(texts, idx) == refs["may_digit"](texts, idx)


def test_may_digit_holds_every_digit() -> None:
    """smooth._MAY_DIGIT holds every character of regex's \\d (drop_slides skips the lines without one)."""
    digit = regex.compile(r"\d", regex.I)
    missed = [c for c in map(chr, range(0x110000)) if digit.match(c) is not None and smooth._MAY_DIGIT.match(c) is None]
    assert not missed


@needs_kernels
@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_all_of_and_container_subtrees_generated(seed: int) -> None:
    refs = _compiled.KERNEL_REFERENCES
    rng = np.random.default_rng(seed)
    for seg in _compiled._probe_pages(int(rng.integers(0, 2**31)), 4):
        n = len(seg.elems)
        floats = rng.choice([0.0, -0.0, 0.5, 1.0, 8.0, np.nan], n)
        bits = rng.integers(0, 1 << 10, n).astype(np.int64)
        mask = rng.random(n) < 0.5
        tests = ((mask, "not", 0), (floats, "<=", 1.0), (bits, "none", 3), (floats, "!=", 0.0), (~mask, "is", 0))
        for k in range(len(tests) + 1):
            assert same(smooth._all_of(n, tests[:k]), refs["all_of"](n, tests[:k]))
        blocks = np.flatnonzero(mask)
        if len(blocks):
            columns = (floats[blocks], None, mask[blocks], bits[blocks].astype(np.float64))
            assert same(smooth._container_subtrees(seg, blocks, columns), refs["container_subtrees"](seg, blocks, columns))
        for m in (mask, mask[::2], ~mask, floats, floats[:1]):
            assert same(smooth._any(m), refs["any_true"](m))
        marked = rng.random(len(seg.elem_parent)) < 0.2
        assert same(smooth._nearest_marked(seg.elem_parent, marked), refs["nearest_marked"](seg.elem_parent, marked))
        parents = np.asarray(seg.elem_parent, dtype=np.int64)
        parents[0] = -1
        masks = (rng.random(len(parents)) < 0.8, marked, rng.random(len(parents)) < 0.5)
        for least in ((1.0,), (2.0,), (3.0, 1.0, 2.5), (6.0, 3.0, 4.8)):
            picked = masks[: len(least)]
            assert same(smooth._sibling_items(parents, picked, least), refs["sibling_items"](parents, picked, least))
        runs = rng.random(len(parents)) < 0.6
        for near in (0, 1, 3):
            assert same(smooth._runs_between(runs, marked, near), refs["runs_between"](runs, marked, near))


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_box_span_generated(seed: int) -> None:
    """features._box_span's twin walks up from any block to the same run of blocks, or to none."""
    rng = np.random.default_rng(seed)
    ref = _compiled.KERNEL_REFERENCES["box_span"]
    for seg in _compiled._probe_pages(seed, 3):
        n = len(seg.elems)
        if n == 0:
            continue
        a = _compiled._probe_arrays(rng, n)
        main = np.where(rng.random(n) < rng.choice([0.0, 0.05, 0.3]), 1.0, 0.0)
        words = a["n_words"] if rng.random() < 0.9 else rng.choice([0.5, 3.0, np.nan], n)
        for name in {0, n - 1, int(rng.integers(0, n))}:
            args = (seg, main, words, a["link_density"], a["flags"], name)
            assert same(features._box_span(*args), ref(*args))


# ---------------------------------------------------------------------------------------
# _kernels.distinct (session 18): the distinct texts found in a C table of their data, not a dict.


def _distinct_reference(texts: list[str]) -> tuple[list[str], list[int], int]:
    uniq = list(dict.fromkeys(texts))
    where = dict(zip(uniq, range(len(uniq)), strict=True))
    return uniq, [where[t] for t in texts], sum(map(len, uniq))


@needs_kernels
@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(
    st.text(st.sampled_from(list("ab é中\U0001f600")), max_size=6),
    # long texts alike at both ends (the table hashes their first and last 32 bytes only)
    st.tuples(st.sampled_from(["x" * 40, "é" * 40, "\U0001f600" * 20]), st.text(st.sampled_from(list("ab")), max_size=3),
              st.sampled_from(["y" * 40, "ü" * 33])).map("".join),
), max_size=40))
def test_distinct_generated(texts: list[str]) -> None:
    from boilerstrip import _kernels

    for sample in (texts, texts * 2, texts[::-1] + texts):
        uniq, where, size = _kernels.distinct(sample)
        want = _distinct_reference(sample)
        assert (uniq, where.tolist(), size) == want
        assert all(a is b for a, b in zip(uniq, list(dict.fromkeys(sample)), strict=True))  # the first of each


@needs_kernels
def test_distinct_tells_kinds_apart() -> None:
    """Texts of equal bytes in two kinds ("\\u0101" is 01 01 as UCS-2, "\\x01\\x01" as Latin-1) stay two."""
    from boilerstrip import _kernels

    texts = ["\x01\x01", "\u0101", "\x01\x01", "", "\u0101"]
    uniq, where, size = _kernels.distinct(texts)
    assert uniq == ["\x01\x01", "\u0101", ""] and where.tolist() == [0, 1, 0, 2, 1] and size == 3


@needs_kernels
@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("aAzZ ÀàÉéßµÿŸ\xa0\xd7\xf7ÞþİΣ")), max_size=40), max_size=20))
def test_repeated_latin1_generated(texts: list[str]) -> None:
    """One-byte keys are read through the Latin-1 lowercase table (session 18): the same as the
    reference with Latin-1 letters, their capitals past Latin-1 (Ÿ), and mixed kinds."""
    texts = texts + [t.upper() for t in texts[:3]] + [t.lower() for t in texts[3:6]] + [t + "Ÿ" for t in texts[6:8]]
    assert same(features._repeated(texts), _compiled.KERNEL_REFERENCES["repeated"](texts))


@needs_kernels
@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.text(alphabet="abcAB\u0130\u212a\u00e9-\n ", max_size=40), max_size=6),
    st.lists(st.text(alphabet="abc-", min_size=2, max_size=7), min_size=1, max_size=5),
)
def test_stem_search_generated(texts: list[str], words: list[str]) -> None:
    """texts_hold and texts_holding's search (a Horspool skip over the stems' first bytes when the
    shortest has three or more) finds a stem wherever the references do, on texts of few letters."""
    refs = _compiled.KERNEL_REFERENCES
    stems = tuple(word.encode("ascii") for word in words)
    everything = np.arange(len(texts), dtype=np.intp)
    for idx in (None, everything, everything[::-1]):
        assert smooth._texts_hold(texts, idx, stems) == refs["texts_hold"](texts, idx, stems)
        if idx is not None:
            assert smooth._texts_holding(texts, idx, stems) == refs["texts_holding"](texts, idx, stems)


@needs_kernels
@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="abcAB\u0130\u212a\u00e9-_\n \r\x0dAC", min_size=14, max_size=120), max_size=4),
    st.lists(st.text(alphabet="abc-_", min_size=3, max_size=6), min_size=1, max_size=11),
)
def test_stem_scan_generated(texts: list[str], words: list[str]) -> None:
    """texts_hold and texts_holding's 16-byte scan for the stems' first three bytes (texts of 18
    characters or more, eight such triples at most, or the Horspool search alone) finds a stem
    wherever the references do, at each place of a 16-byte stride and across the scan's end."""
    refs = _compiled.KERNEL_REFERENCES
    stems = tuple(word.encode("ascii") for word in words)
    everything = np.arange(len(texts), dtype=np.intp)
    for idx in (None, everything):
        assert smooth._texts_hold(texts, idx, stems) == refs["texts_hold"](texts, idx, stems)
        if idx is not None:
            assert smooth._texts_holding(texts, idx, stems) == refs["texts_holding"](texts, idx, stems)
    for lead in range(0, 40, 7):  # a stem at every offset: found by the scan or after it
        for word in words[:2]:
            placed = ["x" * lead + word.upper() + "y" * 20, "z" * lead + word]
            assert smooth._texts_hold(placed, None, stems) is True
            assert smooth._texts_holding(placed, np.arange(2, dtype=np.intp), stems) == [0, 1]


@needs_kernels
@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([b"a", b"b", b"ab", b"\x00", b"\xff", b'"@type"', b"og:type", b"roduct", b" " * 20]), max_size=40).map(b"".join),
    st.sampled_from([b"", b"a", b"aa", b"ab", b"aba", b"\x00", b"\xff\xff", b'"@type"', b"og:type", b"roduct", b"b" * 17]),
)
def test_byte_search_generated(data: bytes, literal: bytes) -> None:
    """_byte_places and _bytes_hold's twins (an SSE2 filter, else memmem) find the places bytes.find does, overlapping ones too."""
    refs = _compiled.KERNEL_REFERENCES
    assert segment._byte_places(data, literal) == refs["byte_places"](data, literal)
    assert segment._bytes_hold(data, literal) == refs["bytes_hold"](data, literal)


@needs_kernels
@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(["a", "B", "out", "AB", " ", "\n", "\u00e9", "\u212a", "\u0130", "\U0001f600", "Written",
                                       "over", " de", "ber", "d", "x" * 20]), max_size=8).map("".join), max_size=6),
    st.sampled_from([(b"about", b"meet", b"written", b"ber d", b"propos", b"sobre", b"sull", b"over de"), (b"ab", b"out"),
                     (b"d",), (b"",), (b"xx", b"bd"), ()]),
)
def test_may_hold_lines_generated(texts: list[str], stems: tuple[bytes, ...]) -> None:
    """_may_hold_lines' twin (the texts read in place, ASCII lowered, the others left out, a newline
    between texts) answers as _may_hold of the texts joined."""
    refs = _compiled.KERNEL_REFERENCES
    everything = np.arange(len(texts), dtype=np.intp)
    for idx in (everything, everything[::-2], everything[::-1]):
        assert smooth._may_hold_lines(texts, idx, stems) == refs["may_hold_lines"](texts, idx, stems)


@needs_kernels
@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["e", "view", "eview", "r", "\n", "\u00e9", "\u0100", "\U0001f600", "ignature", "x" * 30]), max_size=12).map("".join),
    st.sampled_from(["", "e", "eview", "ignature", "\u00e9", "\u00e9view", "\u0100", "ee"]),
)
def test_str_holds_generated(text: str, part: str) -> None:
    """_str_holds' twin (memmem over two one-byte strs, else CPython's search) answers as part in text."""
    assert segment._str_holds(text, part) == _compiled.KERNEL_REFERENCES["str_holds"](text, part)
    assert features._str_holds is segment._str_holds and smooth._str_holds is segment._str_holds


@needs_kernels
@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.booleans(), st.sampled_from([0.0, 0.49, 0.5, 1.0, float("nan")]), st.sampled_from([0.0, 8.0, 8.5, 40.0])), max_size=12),
    st.sampled_from([(8.0, 0.5), (0.0, 1.0)]),
)
def test_link_heading_candidates_generated(rows: list[tuple[bool, float, float]], limits: tuple[float, float]) -> None:
    """_link_heading_candidates' twin (one pass over the blocks) finds numpy's candidates."""
    body = np.array([r[0] for r in rows], dtype=bool)
    links = np.array([r[1] for r in rows], dtype=np.float64)
    words = np.array([r[2] for r in rows], dtype=np.float64)
    want = _compiled.KERNEL_REFERENCES["link_heading_candidates"](body, links, words, *limits)
    assert smooth._link_heading_candidates(body, links, words, *limits) == want


# ---------------------------------------------------------------------------------------
# Features (session 19)


@needs_kernels
@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 120))
def test_block_columns_generated(seed: int, n: int) -> None:
    """features._block_columns' twin makes every row of the reference, bit for bit: counts of words
    at, under and over three times the tokens (unspaced script), characters beside 80's multiples,
    NaN and -0.0, the counts as separate arrays or as the rows of one."""
    rng = np.random.default_rng(seed)
    ref = _compiled.KERNEL_REFERENCES["block_columns"]
    rows = [np.asarray(rng.choice([0, 0, 1, 2, 3, 4, 7, 12, 33, 2**45], n), dtype=np.int64) for _ in range(8)]
    rows[7] = rows[0] // rng.choice([1, 2, 3, 4, 5], n)
    n_chars = rng.choice([0.0, 0.25, 1.0, 3.0, 79.0, 80.0, 80.5, 161.0, 4e3, 1e18, np.nan, -0.0, np.inf], n)
    blank = rng.choice([0.0, 1.0, 3.0, -0.0, np.nan], n)
    for stats in (tuple(rows), tuple(np.stack(rows)) if n else tuple(rows)):
        got, want = features._block_columns(stats, n_chars, blank), ref(stats, n_chars, blank)
        assert same(got, want)
        assert got.shape == (features._COLUMNS, n)


@needs_kernels
@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_compiled._NEGATE_PIECES), max_size=7).map("".join), min_size=1, max_size=12),
    st.data(),
)
def test_may_negate_names_generated(classes: list[str], data: st.DataObject) -> None:
    """features._may_negate_names' twin answers as the joined strings' tests: "no", "No" or "ithout"
    in one string and _MAY_NEGATE in one lowered, each casing, with and without "-" and "_",
    parts cut short, strings beyond ASCII."""
    named = data.draw(st.lists(st.integers(0, len(classes) - 1), unique=True).map(sorted))
    assert features._may_negate_names(classes, named) is _compiled.KERNEL_REFERENCES["may_negate_names"](classes, named)


def test_may_negate_names_examples() -> None:
    may = features._may_negate_names
    assert may(["page no-sidebar"], [0]) and may(["mainContainer_noSidebar"], [0]) and may(["x", "without_header"], [1])
    assert may(["NO-NAVBAR", "nothing"], [0, 1])  # the lowercase test and the "no" test on two strings
    assert not may(["NO-NAVBAR"], [0])  # lowercase only: "no" nowhere as written
    assert not may(["no-sidebar", "x"], [1]) and not may(["noprint", "notice"], [0, 1]) and not may([], [])


@needs_kernels
@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-(2**63), 2**63 - 1) | st.sampled_from([0, 1, 2, 4, 64, 1 << 20, 3]), max_size=300),
       st.lists(st.integers(-(2**63), 2**63 - 1) | st.sampled_from([1, 2, 4, 64, 1 << 20, 0, -1]), max_size=9))
def test_flag_counts_generated(flags: list[int], bits: list[int]) -> None:
    a = np.asarray(flags, dtype=np.int64)
    for view in (a, a[::2]):
        assert same(features._flag_counts(view, tuple(bits)), _compiled.KERNEL_REFERENCES["flag_counts"](view, tuple(bits)))


@needs_kernels
@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 80))
def test_chrome_only_generated(seed: int, n: int) -> None:
    """features._chrome_only's twin marks the same blocks: flagged ones whose nearest chrome word is a
    chrome-only word ("author" and other words not), None where no block's word is one."""
    from types import SimpleNamespace

    from boilerstrip.parse.segment import Flag

    rng = np.random.default_rng(seed)
    pool = sorted(features._CONTAINER_CHROME_ONLY) + ["author", "", "sidebar", "menu"]
    seg = SimpleNamespace(neg_tokens=rng.choice(pool if seed % 3 else pool[-4:], n).tolist())
    flags = rng.choice(np.asarray([0, Flag.NEG_CLASS, Flag.NEG_CLASS | Flag.NAV, Flag.NAV], dtype=np.int64), n)
    assert same(features._chrome_only(seg, flags), _compiled.KERNEL_REFERENCES["chrome_only"](seg, flags))


@needs_kernels
@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-(2**63), 2**63 - 1) | st.integers(-5, 400), max_size=400))
def test_int64_array_generated(values: list[int]) -> None:
    """segment._int64_array's twin makes the array np.asarray makes, ints past int64 left to numpy."""
    reference = _compiled.KERNEL_REFERENCES["int64_array"]
    assert same(segment._int64_array(values), reference(values))
    for odd in ([*values, 2**63], [*values, True], [-(2**64), *values]):
        try:
            want: Any = reference(odd)
        except OverflowError:
            with pytest.raises(OverflowError):
                segment._int64_array(odd)
        else:
            assert same(segment._int64_array(odd), want)


@needs_kernels
@settings(max_examples=300, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 80))
def test_item_starts_generated(seed: int, n: int) -> None:
    """features._item_starts' twin finds the same starts in the same order: runs of comment blocks,
    runs of one chrome-only token (equal tokens as one str object or two), flagged or not; None
    where no block has a comment mark or a chrome-only word."""
    from boilerstrip.parse.segment import Flag
    from boilerstrip.vocab import CHROME_ONLY_TOKENS

    rng = np.random.default_rng(seed)
    pool = sorted(CHROME_ONLY_TOKENS)[:5] + ["", "", "sidebar", "menu"]
    tokens = rng.choice(pool if seed % 3 else pool[-4:], n).tolist()
    tokens = [tokens[i - 1] if i and rng.random() < 0.5 else "".join(list(t)) for i, t in enumerate(tokens)]
    bits = [0, Flag.NEG_CLASS, Flag.COMMENT, Flag.NEG_CLASS | Flag.COMMENT, Flag.NAV]
    flags = rng.choice(np.asarray(bits if seed % 4 else bits[:2], dtype=np.int64), n)
    assert same(features._item_starts(tokens, flags), _compiled.KERNEL_REFERENCES["item_starts"](tokens, flags))


def test_item_starts_examples() -> None:
    """The first block of each run, of comments and of one chrome-only word under the chrome-word flag."""
    from boilerstrip.parse.segment import Flag

    c, neg = Flag.COMMENT, Flag.NEG_CLASS
    flags = np.asarray([0, c, c, neg, neg, neg | c, 0, neg], dtype=np.int64)
    tokens = ["", "", "", "promo", "promo", "popup", "", "promo"]
    assert features._item_starts(tokens, flags) == [(1, c), (3, neg), (5, neg), (5, c), (7, neg)]
    assert features._item_starts(["", "sidebar"], np.asarray([neg, neg], dtype=np.int64)) is None
    assert features._item_starts(["promo"], np.asarray([0], dtype=np.int64)) == []


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_alike_groups_generated(seed: int) -> None:
    """smooth._alike_groups' twin makes the same groups (keys, members and their order), classes
    with and without digits (ASCII or not), from any root, for any least size."""
    rng = np.random.default_rng(seed)
    names = ["", "", "card", "card card-1", "card card-22", "item7", "x\u00e91", "x\u00e9", "post \u0663", "a1b2", "42",
             "a\u4e2d9", "9\U0001f600x", "\u00e9\u4e2d1 \u00e91"]
    for seg in _compiled._probe_pages(int(rng.integers(0, 2**31)), 4):
        n_elem = len(seg.elem_parent)
        seg.elem_class = ["", *rng.choice(names, n_elem - 1).tolist()]
        seg.elem_tag = ["body", *rng.choice(["div", "li", "article", "dd", "p", "section"], n_elem - 1).tolist()]
        parents = np.asarray(seg.elem_parent, dtype=np.int64)
        root = int(rng.integers(0, n_elem))
        sub = parents[root:] - root
        sub[0] = -1
        cand = np.flatnonzero(rng.random(len(sub)) < rng.random()).astype(np.int64)
        cand = cand[cand > 0]
        for least in (0, 1, 3, 6):
            got = smooth._alike_groups(seg, root, cand, sub, least)
            want = _compiled.KERNEL_REFERENCES["alike_groups"](seg, root, cand, sub, least)
            assert got == want and list(got) == list(want)
            assert all(len(members) >= least for members in got.values())


def test_alike_groups_examples() -> None:
    """Items alike but for their classes' digits group together; a classless div is no item, a
    classless li is; groups under least members are left out."""
    seg = segment.Segments(
        elem_parent=[-1, 0, 1, 1, 1, 1, 1],
        elem_tag=["body", "ul", "li", "li", "div", "div", "div"],
        elem_class=["", "", "", "", "card card-1", "card card-2", ""],
    )
    parents = np.asarray(seg.elem_parent, dtype=np.int64)
    cand = np.arange(2, 7, dtype=np.int64)
    assert smooth._alike_groups(seg, 0, cand, parents, 1) == {(1, "li", ""): [2, 3], (1, "div", "card card-"): [4, 5]}
    assert smooth._alike_groups(seg, 0, cand, parents, 3) == {}


@needs_kernels
@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_item_slots_generated(seed: int) -> None:
    """keep_item_slots' twin joins the same lines as the reference (in another order) on grids of
    templated items, with any share of their lines in the body, blocks in order or not."""
    rng = np.random.default_rng(seed)
    for k in range(6):
        seg, root, elems, parents, ends, words, lines, blocks = _compiled._slot_probe(rng, k)
        for p in (0.2, 0.5, 0.8, 1.0):
            lines_in = rng.random(len(elems)) < p
            args = (seg, root, elems, parents, ends, words, lines, lines_in, blocks)
            assert sorted(smooth._item_slots(*args)) == sorted(_compiled.KERNEL_REFERENCES["item_slots"](*args))


def _slot_grid(names_in: int) -> tuple[Any, ...]:
    """Six list items, each a linked name over a price (blocks name, price, ...), every price in
    the body and the first names_in names."""
    parent, tags, classes = [-1, 0], ["body", "ul"], ["", "products"]
    for _ in range(6):
        item = len(parent)
        parent += [1, item, item]
        tags += ["li", "a", "span"]
        classes += ["product", "name", "price"]
    seg = segment.Segments(elem_parent=parent, elem_tag=tags, elem_class=classes)
    seg.elems = [e for k in range(6) for e in (3 + 3 * k, 4 + 3 * k)]
    seg.texts = [t for k in range(6) for t in (f"Tent {k}", f"${k}9")]
    blocks = np.arange(12, dtype=np.intp)
    root, elems, parents, ends, sums = smooth._container_subtrees(seg, blocks, (np.full(12, 2.0), None))
    lines_in = np.asarray([k < names_in if j == 0 else True for k in range(6) for j in (0, 1)])
    return seg, root, elems, parents, ends, sums[:, 0].copy(), sums[:, 1].copy(), lines_in, blocks


def test_item_slots_examples() -> None:
    """Five of six items keep their name in the body: the place is a slot and every item's name
    joins (0.8 of the items that hold body); four of six are too few."""
    refs = _compiled.KERNEL_REFERENCES
    five, four = _slot_grid(5), _slot_grid(4)
    for fn in (smooth._item_slots, refs.get("item_slots", smooth._item_slots)):
        assert sorted(fn(*five)) == [0, 2, 4, 6, 8, 10]
        assert fn(*four) == []


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.sampled_from([0.0, 4.0, 5.0, 6.0, 7.0, 399.0, 400.0, np.nan]),
                          st.sampled_from([0.0, 1.0, 10.0, 11.0, 2.0**61, 2.0**62, -1.0])), max_size=40))
def test_doubled_candidates_generated(rows: list[tuple[bool, float, float]]) -> None:
    """drop_doubled's candidates from the twin are the reference's (odd words, even characters,
    within the bounds), whatever the counts."""
    body = np.asarray([r[0] for r in rows], dtype=bool)
    words = np.asarray([r[1] for r in rows], dtype=np.float64)
    chars = np.asarray([r[2] for r in rows], dtype=np.float64)
    for args in ((body, words, chars), (body[::-1], words[::-1], chars[::-1]), (body[::2], words[::2], chars[::2])):
        got = smooth._doubled_candidates(*args, 5.0, 400.0)
        assert got == _compiled.KERNEL_REFERENCES["doubled_candidates"](*args, 5.0, 400.0)
        assert type(got) is list


def test_doubled_candidates_examples() -> None:
    """A body block of five words and twelve characters is a candidate; an even word count, an odd
    character count, a block out of the body or under the bound is not."""
    body = np.asarray([True, True, True, False, True])
    words = np.asarray([5.0, 6.0, 5.0, 5.0, 3.0])
    chars = np.asarray([12.0, 12.0, 13.0, 12.0, 12.0])
    assert smooth._doubled_candidates(body, words, chars, 5.0, 400.0) == [0]


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5000), st.booleans(), st.sampled_from([0.0, 1.0, 0.5, -1.0])), max_size=60))
def test_grid_word_sums_generated(rows: list[tuple[int, bool, float]]) -> None:
    """_grid_items' word sums from the twin are the reference's, bit for bit (whole word counts)."""
    words = np.asarray([float(r[0]) for r in rows], dtype=np.float64)
    body = np.asarray([r[1] for r in rows], dtype=bool)
    main = np.asarray([r[2] for r in rows], dtype=np.float64)
    for args in ((words, body, main), (words[::-1], body[::-1], main[::-1]), (words[::2], body[::2], main[::2])):
        assert same(smooth._grid_word_sums(*args), _compiled.KERNEL_REFERENCES["grid_word_sums"](*args))


def test_grid_word_sums_examples() -> None:
    """The body's words, and the main container's words left out (a block outside it counts in neither)."""
    words = np.asarray([10.0, 4.0, 7.0, 3.0])
    body = np.asarray([True, False, False, True])
    main = np.asarray([1.0, 1.0, 0.0, 0.0])
    assert smooth._grid_word_sums(words, body, main) == (13.0, 4.0)


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["Jane Doe", "jane", "", "\u00c9mile", "\u01c5x", " J", "1 J", "\U0001d400x"]),
                       st.sampled_from([0.0, 1.0, 6.0, 7.0, 10.0, 41.0, 150.0]), st.booleans()), max_size=50),
    st.integers(0, 60),
)
def test_name_bio_candidates_generated(rows: list[tuple[str, float, bool]], lo: int) -> None:
    """_drop_name_bios' candidates from the twin are the reference's (the words above each bit
    for bit), on short tails (the reference's loop) and long ones (its numpy branch)."""
    texts = [r[0] for r in rows]
    n_words = np.asarray([r[1] for r in rows], dtype=np.float64)
    idx = np.flatnonzero(np.asarray([r[2] for r in rows], dtype=bool))
    words = n_words[idx]
    lo = min(lo, len(idx))
    got = smooth._name_bio_candidates(texts, n_words, idx, words, lo)
    assert same(tuple(got), tuple(_compiled.KERNEL_REFERENCES["name_bio_candidates"](texts, n_words, idx, words, lo)))


def test_name_bio_candidates_examples() -> None:
    """A bio of ten words or more, capitalised, under a short line, with 100 body words above."""
    texts = ["x " * 60, "y " * 60, "Jane Doe", "Jane Doe is a writer who lives in Paris and likes tea.", "jane doe is " * 4]
    n_words = np.asarray([60.0, 60.0, 2.0, 12.0, 12.0])
    idx = np.arange(5, dtype=np.intp)
    assert smooth._name_bio_candidates(texts, n_words, idx, n_words, 0) == [(3, 122.0)]


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_subtree_sums_generated(seed: int) -> None:
    """smooth._subtree_sums' twin adds in numpy's order: the same bits for every column, and a
    column's sums the same alone as beside others (and as _container_subtrees' own)."""
    rng = np.random.default_rng(seed)
    for seg in _compiled._probe_pages(int(rng.integers(0, 2**31)), 4):
        n = len(seg.elems)
        blocks = np.flatnonzero(rng.random(n) < rng.random())
        if not len(blocks):
            continue
        m = len(blocks)
        floats = rng.choice([0.0, -0.0, 0.5, 1.0, 8.0, 1e-3, 1e16], m)
        mask = rng.random(m) < 0.5
        columns = (floats, None, mask, np.where(mask, floats, 0.0))
        _, elems, _, ends, sums = smooth._container_subtrees(seg, blocks, columns)
        for cols in (columns, columns[1:3], columns[3:]):
            got = smooth._subtree_sums(elems, ends, cols)
            assert same(got, _compiled.KERNEL_REFERENCES["subtree_sums"](elems, ends, cols))
        for j, col in enumerate(columns):
            assert same(smooth._subtree_sums(elems, ends, (col,))[:, 0], sums[:, j].copy())


@needs_kernels
def test_array_fields_read_as_the_buffer_protocol() -> None:
    """The kernels read an exact ndarray's data, shape and strides from its fields (session 22): on
    this numpy the import-time probe turned that on."""
    from boilerstrip import _kernels

    assert _kernels.ARRAY_FIELDS is True


class _Tagged(np.ndarray):
    """An ndarray subclass: read through the buffer protocol, not the fields."""


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 60))
def test_all_of_every_array_layout(seed: int, n: int) -> None:
    """all_of's columns as they come: contiguous, every other item, reversed, a row or a column
    of a 2-D array, a subclass, a byte-swapped or a 4-byte dtype (these two by the buffer
    protocol or the reference), each against the reference."""
    rng = np.random.default_rng(seed)
    grid = rng.choice([0.0, 0.5, 1.0, 2.0, -1.0], (3, 2 * n + 1))
    bits = rng.integers(0, 8, (2 * n + 1, 3))
    flags = rng.random(2 * n + 1) < 0.5
    floats = [grid[1, :n], grid[0, ::2][:n], grid[2, ::-1][:n], grid[:, :n].T.copy()[:, 1], grid[:, :n].T[:, 2],
              grid[1, :n].view(_Tagged), grid[1, :n].astype(">f8")]
    ints = [bits[:n, 0].copy(), bits[:n, 1], bits[::-1, 2][:n], bits[:n, 0].astype(np.int32)]
    masks = [flags[:n], flags[::2][:n], flags[::-1][:n]]
    reference = _compiled.KERNEL_REFERENCES["all_of"]
    for column in floats:
        for op in (">", ">=", "<", "<=", "==", "!="):
            tests = ((column, op, 0.5),)
            try:
                got = smooth._all_of(n, tests)
            except ValueError:
                assert column.dtype != np.float64  # another type is refused, as it was
                continue
            assert np.array_equal(got, reference(n, tests))
    for column in ints:
        for op in ("none", "some"):
            tests = ((column, op, 5),)
            try:
                got = smooth._all_of(n, tests)
            except ValueError:
                assert column.dtype != np.int64
                continue
            assert np.array_equal(got, reference(n, tests))
    for mask in masks:
        for op in ("is", "not"):
            tests = ((mask, op, 0), (floats[0], ">=", 0.0))
            assert np.array_equal(smooth._all_of(n, tests), reference(n, tests))
    # A column of another length is refused, whichever way it is read.
    if n:
        with pytest.raises(ValueError):
            smooth._all_of(n + 1, ((grid[1, : n + 1][:n], ">", 0.0),))


_SPD_TEXTS = st.sampled_from(
    ["Read more: x", "Skip to content", "BROWSER", "Your browser", "x" * 39 + ":", "x" * 40 + ":", "\u00e9" * 39 + "\u00bb",
     "\u4e00 Lees ook \u203a", "\U0001f600 next", "\u212a", "", "Related posts", "plain words"]
)


@needs_kernels
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_SPD_TEXTS, st.booleans(), st.sampled_from([0.0, 4.0, 5.0, 6.0, 7.0, 30.0, 31.0, np.nan]),
                          st.sampled_from([0.0, 0.5, 0.9, 1.0, np.nan]), st.sampled_from([0.0, 1.0, 2.0, np.nan]),
                          st.sampled_from([0.0, 12.0, 40.0, 41.0])), max_size=30))
def test_short_holding_story_candidates_generated(rows: list[tuple[str, bool, float, float, float, float]]) -> None:
    """drop_browser_notices', drop_nav_labels' and drop_story_pointers' first tests from the twins
    are the references', whatever the texts and the counts (session 25, spd)."""
    texts = [r[0] for r in rows]
    body, words, links, heading, chars = (np.asarray([r[k] for r in rows], dtype=bool if k == 1 else np.float64) for k in range(1, 6))
    for least, most, stems in ((4.0, 30.0, smooth._BROWSER_NOTICE_STEMS), (-np.inf, 5.0, smooth._NAV_LABEL_STEMS), (0.0, 9.0, ())):
        got = smooth._short_holding(texts, body, words, least, most, stems)
        assert got == _compiled.KERNEL_REFERENCES["short_holding"](texts, body, words, least, most, stems)
    args = (texts, body, words, links, heading, chars, 30.0, 0.5, 6.0, 40.0, 40)
    assert smooth._story_candidates(*args) == _compiled.KERNEL_REFERENCES["story_candidates"](*args)


def test_short_holding_story_candidates_examples() -> None:
    """A short body block that names a browser is read, a long one or one out of the body is not; a
    linked body line with a mark in its head is a pointer candidate, a short body heading a
    heading candidate."""
    texts = ["Your browser does not support video.", "browser " * 40, "Your browser is old.", "Read more: Other story", "Related"]
    body = np.asarray([True, True, False, True, True])
    words = np.asarray([6.0, 40.0, 4.0, 4.0, 1.0])
    assert smooth._short_holding(texts, body, words, 4.0, 30.0, smooth._BROWSER_NOTICE_STEMS) == [0]
    links = np.asarray([0.0, 0.0, 0.0, 0.6, 0.0])
    heading = np.asarray([0.0, 0.0, 0.0, 0.0, 2.0])
    chars = np.asarray([float(len(t)) for t in texts])
    assert smooth._story_candidates(texts, body, words, links, heading, chars, 30.0, 0.5, 6.0, 40.0, 40) == ([3], [4])
