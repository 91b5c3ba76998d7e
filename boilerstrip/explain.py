"""Turn reason codes into the explanations people read.

The scorer and smoother produce numbers and stable codes; this module pairs
each code with the feature value it looked at and writes the sentence shown
by ``--explain``. Tests assert on the codes, people read the text.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .document import Block, Reason
from .features import Features, FloatArray
from .score import RULES
from .smooth import SMOOTH_REASONS

__all__ = ["block_reasons", "blocks_reasons", "describe", "explain_line"]

# The feature each rule looked at, shown as the reason's value.
_RULE_FEATURE = {
    "length": "n_words",
    "link_density": "link_density",
    "stopwords": "stopword_ratio",
    "sentences": "n_sentences",
    "repeated": "repeated",
    "date_like": "date_like",
    "heading": "heading",
    "title_case": "capital_ratio",
    "teaser_run": "run_lines",
    "dated_items": "dated",
}

_TEXT = {
    "bias": "base",
    "length": "words",
    "link_density": "link density",
    "stopwords": "stopword ratio",
    "sentence_end": "ends like a sentence",
    "sentences": "sentences",
    "main_container": "inside the main content",
    "outside_main": "outside the main content",
    "nav_ancestor": "inside <nav>",
    "footer_ancestor": "inside <footer>",
    "aside_ancestor": "inside <aside>",
    "header_ancestor": "inside the page <header>",
    "form_ancestor": "inside <form>",
    "class_negative": "class/id says chrome",
    "class_positive": "class/id says content",
    "comment_section": "inside comments",
    "article_ancestor": "inside <article>/<main>",
    "repeated": "repeated on the page",
    "date_like": "a date line",
    "heading": "heading in the main content",
    "title_case": "Title Case menu entry",
    "teaser_run": "in a run of teaser lines",
    "paragraph": "a paragraph between blank lines",
    "ellipsis": "ends with '...' (a teaser)",
    "caption": "inside <figure>/<figcaption>",
    "dated_items": "among dated items (comments, posts)",
    "teaser_card": "inside a teaser card (alike items with linked headlines)",
}

# Contributions smaller than this are noise in an explanation.
_MIN_SHOWN = 0.05


def block_reasons(row: FloatArray, f: Features, i: int, smoothed: int) -> tuple[Reason, ...]:
    """The reasons behind block i's score, largest first, then the smoothing step if any."""
    out = []
    for j, value in enumerate(row.tolist()):
        if abs(value) < _MIN_SHOWN or j == 0:
            continue
        code = RULES[j]
        feature = _RULE_FEATURE.get(code)
        seen = float(getattr(f, feature)[i]) if feature else 1.0
        out.append(Reason(code, round(seen, 3), round(value, 3)))
    out.sort(key=lambda r: (-abs(r.contribution), r.code))
    if smoothed:
        # The smoothing step decided the label last: show it first.
        out.insert(0, Reason(SMOOTH_REASONS[smoothed], 1.0, 0.0))
    return tuple(out)


def blocks_reasons(
    contributions: FloatArray, f: Features, smoothed: npt.NDArray[np.int8]
) -> list[tuple[Reason, ...]]:
    """block_reasons for every block at once: the same reasons, from one pass over the matrix.

    Only the cells shown (|contribution| >= _MIN_SHOWN, not the bias) become Reasons, and
    each feature column is read once, instead of every cell of every row.
    """
    n, width = contributions.shape
    shown = ~(np.abs(contributions) < _MIN_SHOWN)
    shown[:, 0] = False
    rows, cols = np.nonzero(shown)
    values = contributions[rows, cols].tolist()
    seen_columns = [
        np.asarray(getattr(f, _RULE_FEATURE[code]), dtype=np.float64).tolist() if code in _RULE_FEATURE else None
        for code in RULES[:width]
    ]
    found: list[list[Reason]] = [[] for _ in range(n)]
    for i, j, value in zip(rows.tolist(), cols.tolist(), values, strict=True):
        column = seen_columns[j]
        seen = column[i] if column is not None else 1.0
        found[i].append(Reason(RULES[j], round(seen, 3), round(value, 3)))
    out: list[tuple[Reason, ...]] = []
    for reasons, step in zip(found, smoothed.tolist(), strict=True):
        reasons.sort(key=_order)
        if step:
            reasons.insert(0, Reason(SMOOTH_REASONS[step], 1.0, 0.0))
        out.append(tuple(reasons))
    return out


def _order(r: Reason) -> tuple[float, str]:
    return (-abs(r.contribution), r.code)


def describe(reason: Reason) -> str:
    """One reason as a short phrase: ``link density=0.82 -> -3.3``."""
    if reason.contribution == 0.0 and reason.code.startswith("smoothed"):
        return reason.code
    name = _TEXT.get(reason.code, reason.code)
    if reason.code in _RULE_FEATURE:
        shown = f"{reason.value:g}" if reason.code in ("length", "sentences") else f"{reason.value:.2f}"
        return f"{name}={shown} -> {reason.contribution:+.1f}"
    return f"{name} -> {reason.contribution:+.1f}"


def explain_line(block: Block, width: int = 60) -> str:
    """One line per block for ``--explain``: label, score, reasons, the start of its text."""
    text = " ".join(block.text.split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    reasons = "; ".join(describe(r) for r in block.reasons[:6])
    return f"{block.index:4d} {block.label:<6} {block.score:+6.2f} {block.kind:<10} | {text} | {reasons}"
