"""The public entry points: extract() and extract_blocks()."""

from __future__ import annotations

import codecs
import dataclasses
import functools
import logging
import re
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .decode import decode_page_lazily, detect_input_type, detect_utf8_input_type, utf8_head
from .document import Block, Document, Extraction, Reason
from .errors import OptionsError
from .explain import blocks_reasons
from .features import FEATURE_NAMES, Features, FloatArray, compute_features
from .options import Options, resolve_options
from .parse.segment import Segments, segment_html, segment_text
from .render import render, render_body, render_lines
from .score import DEFAULT_PARAMS, score_blocks, threshold_for
from .smooth import (
    drop_after_comment_form,
    drop_author_boxes,
    drop_calls_to_action,
    drop_chrome_copies,
    drop_chrome_only_classes,
    drop_disclosures,
    drop_edit_notices,
    drop_far_tail,
    drop_form_notices,
    drop_language_menus,
    drop_link_headings,
    drop_product_reviews,
    drop_related_products,
    drop_reply_subjects,
    drop_page_footer,
    drop_doubled,
    drop_story_pointers,
    drop_placeholders,
    drop_browser_notices,
    drop_repeats,
    drop_image_addresses,
    drop_machine_stamps,
    drop_member_stats,
    drop_nav_labels,
    drop_signatures,
    drop_slides,
    drop_template_tags,
    drop_tail_pitches,
    drop_detached_boxes,
    drop_trailer,
    drop_text_above_crumb,
    drop_text_after_copyright,
    drop_text_after_fields,
    drop_text_form_notices,
    drop_text_after_form,
    drop_text_after_related,
    drop_text_author_bios,
    drop_text_comments,
    drop_text_consent,
    drop_text_copies,
    drop_text_copyright_lines,
    drop_text_credit_lines,
    drop_text_doubled,
    drop_text_glued_teasers,
    drop_text_legal_tail,
    drop_text_member_stats,
    drop_text_newsletter,
    drop_text_post_actions,
    drop_text_post_end,
    drop_text_post_numbers,
    drop_text_read_also,
    drop_text_related,
    drop_text_reviews,
    drop_text_tag_lists,
    drop_toc_titles,
    drop_item_labels,
    drop_trailing_chrome,
    keep_alike_runs,
    keep_article_lists,
    keep_card_sets,
    keep_content_lists,
    keep_full_grids,
    keep_priced_grids,
    keep_bodiless_grids,
    keep_grid_items,
    keep_inner_cards,
    keep_key_points,
    keep_item_slots,
    keep_index_lists,
    keep_code_page_link_lists,
    keep_inner_tables,
    keep_listing,
    keep_linked_cards,
    keep_dated_headlines,
    keep_linked_headings,
    keep_linked_lead_in_lists,
    keep_menu_headings,
    keep_section_headings,
    keep_short_post_titles,
    keep_listing_headlines,
    keep_definition_terms,
    keep_early_posts,
    keep_name_value_lists,
    keep_headed_tables,
    keep_lead_in_lists,
    keep_spec_tables,
    keep_own_line_links,
    keep_post_headers,
    keep_table_rows,
    keep_teasers,
    keep_text_before_share_bar,
    keep_text_between_regions,
    keep_text_gaps,
    keep_text_inner_lists,
    keep_text_lead,
    keep_text_listing,
    keep_text_short_gaps,
    keep_text_short_post,
    keep_text_lone_post,
    keep_text_long_lines,
    keep_text_lists,
    keep_text_pairs,
    keep_text_product_tail,
    keep_text_prose,
    keep_text_recipes,
    keep_text_records,
    keep_text_specs,
    keep_text_sections,
    keep_text_sentences,
    keep_text_table_after,
    keep_text_tables,
    keep_text_toc_headings,
    keep_text_without_prose,
    smooth_labels,
)

__all__ = ["extract", "extract_blocks", "extract_full", "extract_timed", "featurize"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())


@dataclass
class _Result:
    """Everything the stages made for one page (arrays, not Block objects)."""

    seg: Segments
    feats: Features
    scores: FloatArray
    contributions: FloatArray
    body: npt.NDArray[np.bool_]
    smoothed: npt.NDArray[np.int8]
    input_type: str
    encoding: str | None
    threshold: float
    empty_reason: str | None

    @functools.cached_property
    def confidence(self) -> float:
        """_confidence, computed when asked: extract()'s text, Markdown and HTML never ask (0.01 ms a page)."""
        return _confidence(self.feats, self.scores, self.body, self.threshold)


def _check_url(url: object) -> str | None:
    if url is None or isinstance(url, str):
        return url
    raise OptionsError(f"url must be a str or None, got {type(url).__name__}") from None


def _run(data: bytes | str, opts: Options, timings: dict[str, float] | None = None) -> _Result:
    clock = time.perf_counter
    t0 = clock()
    # text is None when the page came as UTF-8 bytes: they go to the parser as they are,
    # and the page is decoded whole only if a step needs it (plain text, deep nesting).
    text, encoding, utf8 = decode_page_lazily(
        data, opts.encoding, opts.content_type, max_bytes=opts.max_bytes, truncate=opts.truncate
    )
    input_type: str = opts.input_type
    if input_type == "auto":
        input_type = detect_input_type(text) if text is not None else detect_utf8_input_type(utf8 or b"")
    t1 = clock()
    if input_type == "html":
        seg = segment_html(text, max_depth=opts.max_depth, max_blocks=opts.max_blocks, utf8=utf8)
    else:
        if text is None:
            text = (utf8 or b"").decode("utf-8")
        seg = segment_text(text, max_blocks=opts.max_blocks)
    t2 = clock()
    feats = compute_features(
        seg, input_type, opts.language, find_comments=not opts.include_comments, hull=opts.favor == "recall"
    )
    t3 = clock()
    params = DEFAULT_PARAMS
    if opts.include_comments:
        params = dataclasses.replace(params, include_comments=True)
    scores, contributions = score_blocks(feats, params)
    t4 = clock()
    threshold = threshold_for(opts.favor)
    body, smoothed = smooth_labels(scores, feats, threshold)
    if input_type == "html":
        keep_menu_headings(seg, feats, scores, threshold, body, smoothed)
        keep_section_headings(seg, feats, scores, threshold, body, smoothed)
        keep_linked_headings(seg, feats, body, smoothed)
        keep_dated_headlines(seg, feats, body, smoothed)
        keep_listing(seg, feats, body, smoothed)
        keep_teasers(feats, body, smoothed)
        keep_index_lists(feats, body, smoothed)
        keep_table_rows(seg, feats, body, smoothed)
        keep_name_value_lists(seg, feats, body, smoothed)
        keep_definition_terms(seg, feats, body, smoothed)
        keep_spec_tables(seg, feats, body, smoothed)
        keep_headed_tables(seg, feats, body, smoothed)
        keep_lead_in_lists(seg, feats, body, smoothed)
        keep_linked_lead_in_lists(seg, feats, body, smoothed)
        keep_content_lists(seg, feats, body, smoothed)
        keep_alike_runs(seg, feats, body, smoothed)
        keep_listing_headlines(seg, feats, body, smoothed)
        keep_grid_items(seg, feats, body, smoothed)
        keep_item_slots(seg, feats, body, smoothed)
        keep_full_grids(seg, feats, body, smoothed)
        keep_priced_grids(seg, feats, body, smoothed)
        keep_bodiless_grids(seg, feats, body, smoothed)
        keep_card_sets(seg, feats, body, smoothed)
        keep_inner_cards(feats, body, smoothed)
        keep_article_lists(seg, feats, body, smoothed)
        keep_own_line_links(seg, feats, body, smoothed)
        keep_linked_cards(seg, feats, body, smoothed)
        keep_key_points(seg, feats, body, smoothed)
        drop_item_labels(seg, feats, body, smoothed)
        drop_trailing_chrome(feats, body, smoothed)
        drop_far_tail(feats, scores, body, smoothed)
        drop_link_headings(seg, feats, body, smoothed)
        drop_product_reviews(seg, feats, body, smoothed)
        drop_related_products(seg, feats, body, smoothed)
        drop_calls_to_action(seg, feats, body, smoothed)
        drop_tail_pitches(seg, feats, body, smoothed)
        drop_author_boxes(seg, feats, body, smoothed)
        drop_disclosures(seg, feats, body, smoothed)
        drop_form_notices(seg, feats, body, smoothed)
        drop_chrome_only_classes(seg, feats, body, smoothed)
        drop_slides(seg, feats, body, smoothed)
        drop_image_addresses(seg, feats, body, smoothed)
        drop_machine_stamps(seg, feats, body, smoothed)
        drop_toc_titles(seg, feats, body, smoothed)
        drop_placeholders(seg, feats, body, smoothed)
        drop_browser_notices(seg, feats, body, smoothed)
        drop_signatures(seg, feats, body, smoothed)
        drop_member_stats(seg, feats, body, smoothed)
        drop_edit_notices(seg, feats, body, smoothed)
        drop_reply_subjects(seg, feats, body, smoothed)
        drop_template_tags(seg, feats, body, smoothed)
        drop_nav_labels(seg, feats, body, smoothed)
        drop_page_footer(feats, body, smoothed)
        drop_repeats(seg, feats, body, smoothed)
        drop_chrome_copies(seg, feats, body, smoothed)
        drop_trailer(seg, feats, body, smoothed)
        drop_detached_boxes(feats, scores, threshold, body, smoothed)
        keep_short_post_titles(feats, body, smoothed)
        keep_early_posts(seg, feats, scores, threshold, body, smoothed)
        keep_post_headers(seg, feats, body, smoothed)
        if not opts.include_comments:
            drop_after_comment_form(seg, feats, body, smoothed)
        keep_inner_tables(seg, feats, body, smoothed)
        keep_code_page_link_lists(seg, feats, body, smoothed)
        drop_doubled(seg, feats, body, smoothed)
        drop_story_pointers(seg, feats, body, smoothed)
    else:
        keep_text_lists(seg, feats, body, smoothed)
        keep_text_sentences(feats, body, smoothed)
        keep_text_gaps(seg, feats, body, smoothed)
        keep_text_tables(seg, feats, body, smoothed)
        keep_text_sections(seg, feats, body, smoothed)
        keep_key_points(seg, feats, body, smoothed)
        drop_text_comments(feats, body, smoothed)
        if not opts.include_comments:  # the thread follows the post's end: keep it when asked
            drop_text_post_end(seg, feats, body, smoothed)
            drop_text_after_form(seg, feats, body, smoothed)
            drop_text_after_fields(seg, feats, body, smoothed)
            drop_text_form_notices(seg, feats, body, smoothed)
            keep_text_short_post(seg, feats, body, smoothed)
        drop_text_above_crumb(seg, feats, body, smoothed)
        drop_text_read_also(seg, feats, body, smoothed)
        drop_far_tail(feats, scores, body, smoothed)
        drop_text_consent(seg, feats, body, smoothed)
        drop_text_after_copyright(seg, feats, body, smoothed)
        keep_text_table_after(seg, feats, body, smoothed)
        keep_text_listing(seg, feats, body, smoothed)
        keep_text_pairs(seg, feats, body, smoothed)
        keep_text_records(seg, feats, body, smoothed)
        keep_text_specs(seg, feats, body, smoothed)
        keep_text_product_tail(seg, feats, body, smoothed)
        drop_text_newsletter(seg, feats, body, smoothed)
        drop_tail_pitches(seg, feats, body, smoothed)
        drop_author_boxes(seg, feats, body, smoothed)
        drop_text_author_bios(seg, feats, body, smoothed)
        drop_disclosures(seg, feats, body, smoothed)
        drop_form_notices(seg, feats, body, smoothed)
        drop_text_tag_lists(seg, feats, body, smoothed)
        drop_text_doubled(seg, feats, body, smoothed)
        drop_text_glued_teasers(seg, feats, body, smoothed)
        drop_text_copies(seg, feats, body, smoothed)
        keep_text_between_regions(feats, body, smoothed)
        keep_text_prose(seg, feats, body, smoothed)
        keep_text_lead(feats, body, smoothed)
        keep_text_long_lines(seg, feats, body, smoothed)
        keep_text_inner_lists(seg, feats, body, smoothed)
        keep_text_toc_headings(seg, feats, body, smoothed)
        drop_slides(seg, feats, body, smoothed)
        drop_image_addresses(seg, feats, body, smoothed)
        drop_machine_stamps(seg, feats, body, smoothed)
        drop_toc_titles(seg, feats, body, smoothed)
        drop_placeholders(seg, feats, body, smoothed)
        drop_browser_notices(seg, feats, body, smoothed)
        drop_text_member_stats(seg, feats, body, smoothed)
        drop_text_post_numbers(seg, feats, body, smoothed)
        drop_edit_notices(seg, feats, body, smoothed)
        drop_reply_subjects(seg, feats, body, smoothed)
        drop_nav_labels(seg, feats, body, smoothed)
        drop_text_post_actions(seg, feats, body, smoothed)
        drop_text_related(seg, feats, body, smoothed)
        drop_text_after_related(seg, feats, body, smoothed)
        drop_text_reviews(seg, feats, body, smoothed)
        drop_text_legal_tail(seg, feats, body, smoothed)
        drop_text_copyright_lines(seg, feats, body, smoothed)
        drop_text_credit_lines(seg, feats, body, smoothed)
        keep_text_recipes(seg, feats, body, smoothed)
        keep_text_before_share_bar(seg, feats, body, smoothed)
        keep_text_short_gaps(feats, body, smoothed)
        keep_text_without_prose(feats, body, smoothed)
        if not opts.include_comments:  # the post's footer counts its comments: a thread asked for stays
            keep_text_lone_post(seg, feats, body, smoothed)
        drop_language_menus(seg, feats, body, smoothed)
    if not opts.include_tables and len(feats):
        from .parse.segment import Flag

        body &= (feats.flags & Flag.TABLE) == 0
    t5 = clock()
    empty_reason = None
    if _blank(text, utf8):
        empty_reason = "empty_input"
    elif len(seg) == 0:
        empty_reason = "no_text"
    elif not body.any():
        empty_reason = "all_chrome"
    if timings is not None:
        for key, dt in (("decode", t1 - t0), ("segment", t2 - t1), ("features", t3 - t2), ("score", t4 - t3), ("smooth", t5 - t4)):
            timings[key] = timings.get(key, 0.0) + dt
    return _Result(seg, feats, scores, contributions, body, smoothed, input_type, encoding, threshold, empty_reason)


def _blank(text: str | None, utf8: bytes | None) -> bool:
    """Whether the page is empty or only whitespace (text.strip() == ""), without copying it.

    With text None, utf8 (valid UTF-8) is the page: its head settles nearly every page, the
    rest is decoded a chunk at a time only when the head is all whitespace.
    """
    if text is not None:
        return not text or text.isspace()
    if not utf8:
        return True
    # The first byte that is not ASCII whitespace (str.isspace's): an ASCII character there
    # settles it without decoding anything.
    first = _NOT_ASCII_SPACE.search(utf8)
    if first is None:
        return True
    if first.group()[0] < 0x80:
        return False
    head = utf8_head(utf8)
    if not head.isspace():
        return False
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(utf8)
    for at in range(0, len(view), _BLANK_CHUNK):
        part = decoder.decode(view[at : at + _BLANK_CHUNK])
        if part and not part.isspace():
            return False
    return True


_BLANK_CHUNK = 1 << 20
_NOT_ASCII_SPACE = re.compile(rb"[^ \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f]")


def _confidence(f: Features, scores: FloatArray, body: npt.NDArray[np.bool_], threshold: float) -> float:
    """How sure we are that the body is the page's main content, 0..1.

    High when one container holds most of the prose, the body is long, and few
    blocks sit close to the threshold (where a small change would flip them).
    """
    if not body.any():
        return 0.0
    words = float(f.n_words[body].sum())
    size = min(1.0, words / 300.0)
    margin = np.abs(scores - threshold)
    weights = f.n_chars / max(float(f.n_chars.sum()), 1.0)
    clear = float((weights * np.minimum(margin / 2.0, 1.0)).sum())
    value = 0.4 * f.main_share + 0.3 * size + 0.3 * clear
    return round(float(min(max(value, 0.0), 1.0)), 4)


def _document(r: _Result, url: str | None, with_features: bool, with_reasons: bool = True) -> Document:
    seg = r.seg
    n = len(seg.texts)
    reasons = blocks_reasons(r.contributions, r.feats, r.smoothed) if with_reasons else [()] * n
    features = _blocks_features(seg, r.feats) if with_features else None
    body = r.body.tolist()
    scores = r.scores.tolist()
    blocks = [
        Block(
            index=i,
            text=text,
            kind=seg.kinds[i],
            label="body" if body[i] else "chrome",
            score=round(scores[i], 3),
            reasons=reasons[i],
            elem=seg.elems[i],
            parent=seg.elem_parent[seg.elems[i]],
            features=features[i] if features is not None else {},
        )
        for i, text in enumerate(seg.texts)
    ]
    if seg.overflow:
        # Past Options.max_blocks: the rest of the page, kept as one chrome block, not lost.
        blocks.append(
            Block(
                index=n,
                text=" ".join(seg.overflow),
                kind="rest",
                label="chrome",
                score=0.0,
                reasons=(Reason("over_max_blocks", float(n), 0.0),),
            )
        )
    return Document(
        blocks=tuple(blocks),
        title=seg.title,
        language=r.feats.language,
        encoding=r.encoding,
        input_type="html" if r.input_type == "html" else "text",
        url=url,
        confidence=r.confidence,
        empty_reason=r.empty_reason,
    )


def _blocks_features(seg: Segments, feats: Features) -> list[dict[str, float | int | str | bool]]:
    """Every block's named features: Features.row(i) plus its place in the tree, a column at a time."""
    columns = [
        (name, [round(v, 4) for v in np.asarray(getattr(feats, name), dtype=np.float64).tolist()])
        for name in FEATURE_NAMES
    ]
    flags = [int(v) for v in feats.flags.tolist()]
    rows: list[dict[str, float | int | str | bool]] = []
    for i in range(len(seg.texts)):
        row: dict[str, float | int | str | bool] = {name: values[i] for name, values in columns}
        row["flags"] = flags[i]
        row["tag_path"] = seg.paths[i]
        row["depth"] = seg.depths[i]
        if seg.neg_tokens[i]:
            row["class_negative"] = seg.neg_tokens[i]
        if seg.pos_tokens[i]:
            row["class_positive"] = seg.pos_tokens[i]
        rows.append(row)
    return rows


def _render(r: _Result, url: str | None, opts: Options) -> str:
    """What extract() returns, built from the arrays.

    Text, Markdown and HTML need only the body blocks, without reasons or features:
    building every Block with its reasons took most of the time after scoring, for
    output that never shows them.
    """
    if opts.output == "json":
        return render(_document(r, url, with_features=opts.explain, with_reasons=opts.explain), opts)
    seg = r.seg
    keep = np.flatnonzero(r.body).tolist()
    if opts.output == "text":
        return render_lines([seg.texts[i] for i in keep], seg.title, opts.include_title)
    scores = r.scores.tolist()
    body = [
        Block(
            index=i,
            text=seg.texts[i],
            kind=seg.kinds[i],
            label="body",
            score=round(scores[i], 3),
            reasons=(),
            elem=seg.elems[i],
            parent=seg.elem_parent[seg.elems[i]],
        )
        for i in keep
    ]
    return render_body(body, seg.title, opts)


def extract_blocks(
    html: bytes | str, url: str | None = None, *, options: Options | None = None, **settings: Any
) -> Document:
    """Segment, score and label every block of a page.

    Args:
        html: the page as bytes (decoded as a browser would) or str; HTML or a plain-text dump.
        url: the page's address, kept in the Document.
        settings: Options field names, a shortcut for ``options=Options(...)``.
    """
    opts = resolve_options(options, settings)
    url = _check_url(url)
    return _document(_run(html, opts), url, with_features=True)


def extract(html: bytes | str, url: str | None = None, *, options: Options | None = None, **settings: Any) -> str:
    """Return the main content of a page as text, Markdown, JSON or HTML (``Options.output``).

    A page without main content gives an empty string; ``extract_blocks`` says why.
    """
    opts = resolve_options(options, settings)
    url = _check_url(url)
    return _render(_run(html, opts), url, opts)


def extract_full(
    html: bytes | str, url: str | None = None, *, options: Options | None = None, **settings: Any
) -> Extraction:
    """extract()'s result plus the title, language, confidence and kept/total counts, in one pass.

    For pipelines that store a record per page: cheaper than extract_blocks(), which
    builds a Block (with reasons and features) for every block of the page. With
    ``Options.explain`` the Extraction also holds the Document of every block.
    """
    opts = resolve_options(options, settings)
    url = _check_url(url)
    r = _run(html, opts)
    text = _render(r, url, opts)
    document = _document(r, url, with_features=False) if opts.explain else None
    n_chars = r.feats.n_chars  # len() of every block's text, as floats (exact far beyond any page)
    return Extraction(
        text=text,
        title=r.seg.title,
        language=r.feats.language,
        encoding=r.encoding,
        input_type="html" if r.input_type == "html" else "text",
        confidence=r.confidence,
        empty_reason=r.empty_reason,
        blocks_kept=int(np.count_nonzero(r.body)),
        blocks_total=len(r.seg.texts),
        chars_kept=int(n_chars[r.body].sum()),
        chars_total=int(n_chars.sum()),
        document=document,
    )


def extract_timed(
    html: bytes | str, url: str | None = None, options: Options | None = None
) -> tuple[str, dict[str, float]]:
    """Like extract(), and also return the seconds spent in each stage (for benchmarks)."""
    opts = resolve_options(options, {})
    timings: dict[str, float] = {}
    r = _run(html, opts, timings)
    t0 = time.perf_counter()
    out = _render(r, url, opts)
    timings["render"] = time.perf_counter() - t0
    return out, timings


def featurize(html: bytes | str, url: str | None = None, options: Options | None = None) -> Features:
    """The feature arrays of a page's blocks (for the scoring-core benchmark)."""
    opts = resolve_options(options, {})
    return _run(html, opts).feats

