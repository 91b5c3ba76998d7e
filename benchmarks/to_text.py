#!/usr/bin/env python3
"""Turn HTML into a plain-text dump, one line per block of visible text, as a WET record holds it.

Why: boilerstrip's text mode (``input_type="text"``) is meant for crawls that only kept the text of
each page (Common Crawl WET files and the like). To test it on the same pages and truth as HTML mode,
every dataset page is converted here, on its own terms and without boilerstrip's segmenter, so a bug
shared by the segmenter and the text-mode reader cannot hide itself.

The rule, in full:

* Parse with selectolax's Lexbor parser (an HTML5 parser, as browsers parse).
* Keep the text of ``<body>`` (or of the whole document when it has none) and drop the content of
  elements whose text is never rendered: ``head``, ``title``, ``script``, ``style``, ``noscript``,
  ``template``, ``iframe``, ``noembed``, ``noframes``, ``object``, ``svg``, ``math``, ``select``,
  ``textarea``. Comments are dropped. No CSS is applied (a WET converter runs none either), so text
  hidden by ``display:none`` stays in.
* Every block-level element (``BLOCK_TAGS``: paragraphs, headings, list items, table cells, divs,
  sections, ...) and every ``<br>``/``<hr>`` starts and ends a line.
* Inside a line, runs of whitespace become one space and the line is stripped; inside ``<pre>`` the
  source line breaks are kept as line breaks.
* Empty lines are dropped, so blocks are separated by exactly one ``\\n`` and the dump ends without one.

Usage: ``python benchmarks/to_text.py [--data DIR...] [--datasets NAME...] --out DIR`` writes
``DIR/<dataset>/<id>.txt`` for inspection; accuracy.py and speed.py call :func:`html_to_text` directly.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

sys.path.insert(0, str(Path(__file__).resolve().parent))

__all__ = ["BLOCK_TAGS", "PARAGRAPH_CHARS", "SKIP_TAGS", "html_to_text", "main"]

# Elements whose content a browser never shows as text (or shows as a widget, not text).
SKIP_TAGS = frozenset(
    {
        "head", "title", "script", "style", "noscript", "template", "iframe", "noembed", "noframes",
        "object", "svg", "math", "select", "textarea",
    }
)

# Block-level elements of the HTML Living Standard's rendering section plus table parts, list items
# and the obsolete block elements still met in old pages (center, dir, listing, plaintext, xmp).
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend",
        "li", "listing", "main", "menu", "nav", "ol", "optgroup", "option", "p", "plaintext", "pre",
        "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp",
    }
)

# A paragraph of running text (about 25 words): a page showing none is read again with <noscript>.
PARAGRAPH_CHARS = 150

_PRE_TAGS = frozenset({"pre", "listing", "plaintext", "xmp", "textarea"})
_SPACE = re.compile(r"\s+")
# A line break marker; None rather than "\n", which CPython interns and a text node may equal.
_NEWLINE = None


def _text_of(node: LexborNode) -> str:
    return node.text_content or ""


def html_to_text(html: str | bytes) -> str:
    """The visible text of a page, one block per line, blank lines collapsed (see the module doc)."""
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return ""
    text = _dump(root, SKIP_TAGS)
    if not any(len(line) >= PARAGRAPH_CHARS for line in text.split("\n")):
        text = _dump(root, SKIP_TAGS - {"noscript"})
    return text


def _dump(root: LexborNode, skip: frozenset[str]) -> str:
    # Pieces are text runs and _NEWLINE markers; an explicit stack, because real pages nest
    # deeper than Python's recursion limit.
    pieces: list[str | None] = []
    pre_depth = 0
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag or ""
        if leaving:
            if tag in _PRE_TAGS:
                pre_depth -= 1
            pieces.append(_NEWLINE)
            continue
        if tag == "-text":
            text = _text_of(node)
            if pre_depth:
                pieces.extend(_split_pre(text))
            else:
                pieces.append(text)
            continue
        if tag.startswith(("-", "!")) or tag in skip:  # comments, doctype, hidden
            continue
        is_block = tag in BLOCK_TAGS
        if is_block:
            pieces.append(_NEWLINE)
            stack.append((node, True))
            if tag in _PRE_TAGS:
                pre_depth += 1
        children: list[LexborNode] = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    return _join(pieces)


def _split_pre(text: str) -> list[str | None]:
    """Preformatted text: each source line break becomes a line break of the dump."""
    out: list[str | None] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append(_NEWLINE)
        out.append(line)
    return out


def _join(pieces: list[str | None]) -> str:
    lines: list[str] = []
    current: list[str] = []
    for piece in pieces:
        if piece is None:
            line = _SPACE.sub(" ", "".join(current)).strip()
            if line:
                lines.append(line)
            current = []
        else:
            current.append(piece)
    line = _SPACE.sub(" ", "".join(current)).strip()
    if line:
        lines.append(line)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Write the dumps of every page of the chosen datasets to --out, for looking at them."""
    import _common

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    _common.add_dataset_args(ap)
    ap.add_argument("--out", type=Path, required=True, help="write OUT/<dataset>/<id>.txt")
    args = ap.parse_args(argv)
    try:
        dirs = _common.find_datasets(args.data, args.datasets)
    except _common.DatasetsMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for d in dirs:
        ds = _common.load_dataset(d, args.limit)
        out = args.out / ds.name
        out.mkdir(parents=True, exist_ok=True)
        for page in ds.pages:
            (out / f"{page.id}.txt").write_text(html_to_text(page.html), encoding="utf-8")
        print(f"{ds.name}: {len(ds.pages)} dumps in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
