# Stub for the compiled kernels built from _kernels.pyx (absent in a pure-Python install).
from collections.abc import Callable
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

def ellipsis(texts: list[str], tail: str) -> npt.NDArray[np.float64]: ...
def space_chars(limit: int) -> str: ...
def distinct(texts: list[str]) -> tuple[list[str], npt.NDArray[np.int64], int]: ...
def main_container(
    seg: Any, weight: npt.NDArray[np.float64], main_share: float, item_share: float
) -> tuple[npt.NDArray[np.float64], float] | None: ...
def card_marks(
    seg: Any,
    link_density: npt.NDArray[np.float64],
    n_words: npt.NDArray[np.float64],
    flags: npt.NDArray[np.int64],
    ellipsis: npt.NDArray[np.float64],
    headline_links: float,
    excerpt_links: float,
    headline_words: float,
    chrome_flags: int,
    card_items: int,
    item_tags: frozenset[str],
) -> npt.NDArray[np.float64] | None: ...
def score_blocks(
    f: Any,
    p: Any,
    cols: dict[str, int],
    flag_cols: npt.NDArray[np.int64],
    flag_bits: npt.NDArray[np.int64],
    flag_unless: npt.NDArray[np.int64],
    flag_weights: tuple[float, ...],
    comment_bit: int,
    bonus_cols: npt.NDArray[np.int64],
    n_rules: int,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]: ...
def smooth_labels(
    scores: npt.NDArray[np.float64],
    f: Any,
    threshold: float,
    firm_chrome: float,
    firm_body: float,
    chrome_context: int,
    caption_bit: int,
    caption_unless: int,
    max_gap: int,
    lead_gap: int,
    lead_margin: float,
    lead_links: float,
    chain_links: float,
    keep_data_tables: Callable[..., None],
    table_bit: int,
    text_head: Callable[..., None],
    rescue_empty: Callable[..., None],
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.int8]]: ...
def content_named(
    seg: Any,
    flags: npt.NDArray[np.int64],
    neg_bit: int,
    names_content_only: Callable[[str, bool], bool],
    post_words: tuple[str, ...],
    more_words: tuple[str, ...],
    content_words: frozenset[str] | None = None,
) -> npt.NDArray[np.int64] | None: ...
def deepest_neg(seg: Any, marked: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64] | None: ...
def unwrap(
    seg: Any, flags: npt.NDArray[np.int64], main: npt.NDArray[np.float64], neg_bit: int, beside: float
) -> npt.NDArray[np.bool_] | Literal[False] | None: ...
def comment_sections(
    seg: Any,
    flags: npt.NDArray[np.int64],
    heading: npt.NDArray[np.float64],
    date_like: npt.NDArray[np.float64],
    n_words: npt.NDArray[np.float64],
    comment_bit: int,
    stems: tuple[str, ...],
    titled_words: float,
    names_thread: Callable[[str, float], bool],
    section_dates: float,
) -> npt.NDArray[np.int64] | None: ...
def keep_alike_runs(
    seg: Any,
    f: Any,
    body: npt.NDArray[np.bool_],
    why: npt.NDArray[np.int8],
    run_items: int,
    body_share: float,
    max_links: float,
    outside_bits: int,
    neg_bit: int,
) -> bool: ...
def prose_weight(
    n_chars: npt.NDArray[np.float64],
    link_density: npt.NDArray[np.float64],
    n_words: npt.NDArray[np.float64],
    stop: npt.NDArray[np.float64],
    flags: npt.NDArray[np.int64],
    chrome_bits: int,
    neg_bit: int,
    comment_bit: int,
    neg_weight: float,
) -> npt.NDArray[np.float64] | None: ...

class LanguageTable:
    bits: dict[str, int]
    longest: int
    def __init__(self, bits: dict[str, int]) -> None: ...

def language_counts(
    texts: list[str], max_texts: int, max_words: int, table: LanguageTable, n_langs: int
) -> tuple[int, list[int]]: ...
def block_arrays(
    seg: Any, html: bool, levels: dict[str, int]
) -> (
    tuple[
        npt.NDArray[np.float64],
        npt.NDArray[np.float64],
        npt.NDArray[np.int64],
        npt.NDArray[np.float64],
        npt.NDArray[np.float64],
    ]
    | None
): ...
def unboxed_weight(
    main: npt.NDArray[np.float64],
    flags: npt.NDArray[np.int64],
    n_chars: npt.NDArray[np.float64],
    n_words: npt.NDArray[np.float64],
    link_density: npt.NDArray[np.float64],
    card: npt.NDArray[np.float64],
    boxes: int,
    comment_bit: int,
    neg_bit: int,
    neg_weight: float,
    boxed_share: float,
) -> tuple[npt.NDArray[np.float64], bool] | None: ...
def subtree_ends(parents_in: npt.NDArray[np.int64]) -> npt.NDArray[np.int64] | None: ...
def texts_hold(texts: list[str], idx: npt.NDArray[np.intp] | None, stems: tuple[bytes, ...]) -> bool: ...
def third_slide(texts: list[str], pattern: Any, words: tuple[str, ...]) -> bool: ...
def all_of(n: int, tests: tuple[tuple[Any, str, Any], ...]) -> npt.NDArray[np.bool_]: ...
def container_subtrees(
    seg: Any, blocks: npt.NDArray[np.intp], columns: tuple[Any, ...], subtree_ends_fn: Callable[..., Any]
) -> tuple[int, npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]: ...

# Smooth steps (session 17)
def any_true(mask: npt.NDArray[Any]) -> bool: ...
def lstrip_starts(texts: list[str], idx: npt.NDArray[np.intp], starts: tuple[str, ...]) -> list[int]: ...
def nearest_marked(parents: list[int], marked: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64] | None: ...
def tags_are(tags: list[str], names: tuple[str, ...]) -> npt.NDArray[np.bool_] | None: ...
def holds_tag(tags: list[str], name: str) -> bool: ...
def texts_holding(texts: list[str], idx: npt.NDArray[np.intp], stems: tuple[bytes, ...]) -> list[int]: ...
def sibling_items(
    parents: npt.NDArray[np.int64], masks: tuple[npt.NDArray[np.bool_], ...], least: tuple[float, ...]
) -> npt.NDArray[np.int64] | None: ...
def may_digit(texts: list[str], idx: npt.NDArray[np.intp]) -> list[int]: ...
def runs_between(
    runs: npt.NDArray[np.bool_], anchor: npt.NDArray[np.bool_], near: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]: ...

# Smooth steps (session 18)
def box_span(
    seg: Any,
    main: npt.NDArray[np.float64],
    n_words: npt.NDArray[np.float64],
    link_density: npt.NDArray[np.float64],
    flags: npt.NDArray[np.int64],
    name: int,
    chrome_bits: int,
    least: float,
) -> tuple[int, int] | int | None: ...

# Smooth steps (session 19)
def byte_places(data: bytes, literal: bytes) -> list[int]: ...
def bytes_hold(data: bytes, literal: bytes) -> bool: ...
def may_hold_lines(texts: list[str], idx: npt.NDArray[np.intp], stems: tuple[bytes, ...]) -> bool: ...
def str_holds(text: str, part: str) -> bool: ...
def link_heading_candidates(
    body: npt.NDArray[np.bool_],
    link_density: npt.NDArray[np.float64],
    n_words: npt.NDArray[np.float64],
    most_words: float,
    least_links: float,
) -> list[int]: ...

# Features (session 19)
def block_columns(
    stats: tuple[npt.NDArray[np.int64], ...],
    n_chars: npt.NDArray[np.float64],
    blank_before: npt.NDArray[np.float64],
    unspaced: float,
    unspaced_stop: float,
    rows: int,
) -> npt.NDArray[np.float64] | None: ...
def may_negate_names(
    classes: list[str], named: list[int], parts: tuple[bytes, ...], may_negate: Callable[[str], bool]
) -> bool | None: ...
def flag_counts(flags: npt.NDArray[np.int64], bits: tuple[int, ...]) -> tuple[int, ...] | None: ...
def chrome_only(
    tokens: list[str], flags: npt.NDArray[np.int64], words: frozenset[str], neg_bit: int
) -> npt.NDArray[np.bool_] | Literal[False] | None: ...

# Features speed (session 21)
def int64_array(values: list[int]) -> npt.NDArray[np.int64] | None: ...
def item_starts(
    tokens: list[str], flags: npt.NDArray[np.int64], words: frozenset[str], comment_bit: int, neg_bit: int
) -> list[tuple[int, int]] | Literal[False] | None: ...

# Grid speed (session 21)
def alike_groups(
    cand: npt.NDArray[np.int64],
    parents: npt.NDArray[np.int64],
    tags: list[str],
    classes: list[str],
    root: int,
    item_tags: frozenset[str],
    least: int,
) -> dict[tuple[int, str, str], list[int]] | None: ...
def subtree_sums(
    elems: npt.NDArray[np.int64],
    ends: npt.NDArray[np.int64],
    columns: tuple[npt.NDArray[np.float64] | npt.NDArray[np.bool_] | None, ...],
) -> npt.NDArray[np.float64] | None: ...
# Post-steps (session 25, spa)
def item_slots(
    tags: list[str],
    classes: list[str],
    root: int,
    elems: npt.NDArray[np.int64],
    parents: npt.NDArray[np.int64],
    ends: npt.NDArray[np.int64],
    words: npt.NDArray[np.float64],
    lines: npt.NDArray[np.float64],
    body: npt.NDArray[np.bool_],
    blocks: npt.NDArray[np.intp],
    item_tags: frozenset[str],
    grid_items: int,
    slot_kept: int,
    slot_share: float,
    slot_depth: int,
) -> list[int] | None: ...
def doubled_candidates(
    body: npt.NDArray[np.bool_], n_words: npt.NDArray[np.float64], n_chars: npt.NDArray[np.float64], least: float, below: float
) -> list[int] | None: ...
def grid_word_sums(
    n_words: npt.NDArray[np.float64], body: npt.NDArray[np.bool_], main: npt.NDArray[np.float64]
) -> tuple[float, float]: ...
def name_bio_candidates(
    texts: list[str],
    n_words: npt.NDArray[np.float64],
    idx: npt.NDArray[np.intp],
    words: npt.NDArray[np.float64],
    lo: int,
    above: float,
    least: float,
    head_words: float,
) -> list[tuple[int, float]] | None: ...
# Whether the kernels read an exact ndarray's fields instead of its buffer (session 22; probed at import).
ARRAY_FIELDS: bool
def short_holding(
    texts: list[str],
    body: npt.NDArray[np.bool_],
    n_words: npt.NDArray[np.float64],
    least: float,
    most: float,
    stems: tuple[bytes, ...],
) -> list[int] | None: ...
def story_candidates(
    texts: list[str],
    body: npt.NDArray[np.bool_],
    n_words: npt.NDArray[np.float64],
    link_density: npt.NDArray[np.float64],
    heading: npt.NDArray[np.float64],
    n_chars: npt.NDArray[np.float64],
    pointer_words: float,
    least_links: float,
    head_words: float,
    head_chars: float,
    mark_head: int,
) -> tuple[list[int], list[int]] | None: ...
