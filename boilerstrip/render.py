"""Write a Document's body as text, Markdown, JSON or HTML.

Output is deterministic: the same Document always gives the same string. The
HTML writer emits only a fixed set of tags with escaped text and no
attributes, so its output is safe to embed in another page.
"""

from __future__ import annotations

import html as _html
import json
from collections.abc import Iterator, Sequence

from .document import Block, Document
from .explain import describe
from .options import Options

__all__ = ["render", "render_body", "render_html", "render_json", "render_lines", "render_markdown", "render_text"]

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_CELLS = ("td", "th")


def render(doc: Document, options: Options) -> str:
    """The body of ``doc`` in the format ``options.output`` names."""
    if options.output == "json":
        return render_json(doc, options.explain)
    return render_body(_body(doc), doc.title, options)


def render_body(body: Sequence[Block], title: str | None, options: Options) -> str:
    """Body blocks as text, Markdown or HTML (``options.output``; not JSON, which needs the Document).

    extract() calls this with the body blocks alone: it need not build every block of the page.
    """
    if options.output == "text":
        return render_lines([b.text for b in body], title, options.include_title)
    if options.output == "markdown":
        return _to_markdown(body, title, options.include_title)
    return _to_html(body, title, options.include_title)


def _body(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.label == "body"]


def _title_line(title: str | None, include_title: bool, first: str | None) -> str | None:
    if not include_title or not title:
        return None
    # Skip the title when the body already starts with it (an <h1> holding the headline).
    if first is not None and first.strip().lower() == title.strip().lower():
        return None
    return title


def render_text(doc: Document, include_title: bool = False) -> str:
    """Body blocks, one per line (plain-text input: each kept line as it stands)."""
    return render_lines([b.text for b in _body(doc)], doc.title, include_title)


def render_lines(lines: list[str], title: str | None, include_title: bool = False) -> str:
    """The texts of the body blocks, one per line, after the title if asked for."""
    heading = _title_line(title, include_title, lines[0] if lines else None)
    if heading:
        return "\n".join([heading, *lines])
    return "\n".join(lines)


def _runs(body: Sequence[Block]) -> Iterator[tuple[str, Sequence[Block]]]:
    """Group consecutive blocks that render together: table cells, list items, code."""
    i = 0
    while i < len(body):
        b = body[i]
        kind = "cell" if b.kind in _CELLS else "item" if b.kind in ("li", "dt", "dd") else b.kind
        j = i + 1
        if kind in ("cell", "item"):
            while j < len(body):
                k = body[j].kind
                same = k in _CELLS if kind == "cell" else k in ("li", "dt", "dd")
                if not same:
                    break
                j += 1
        yield kind, body[i:j]
        i = j


def _table_rows(cells: Sequence[Block]) -> list[list[str]]:
    rows: list[list[str]] = []
    current = None
    for c in cells:
        if c.parent != current:
            rows.append([])
            current = c.parent
        rows[-1].append(c.text.replace("|", "\\|").replace("\n", " "))
    return rows


def render_markdown(doc: Document, include_title: bool = False) -> str:
    """Headings, lists, pipe tables and fenced code blocks; paragraphs between blank lines."""
    return _to_markdown(_body(doc), doc.title, include_title)


def _to_markdown(body: Sequence[Block], doc_title: str | None, include_title: bool) -> str:
    parts: list[str] = []
    title = _title_line(doc_title, include_title, body[0].text if body else None)
    if title:
        parts.append(f"# {title}")
    for kind, group in _runs(body):
        if kind == "cell":
            rows = _table_rows(group)
            width = max(len(r) for r in rows)
            lines = []
            for n, row in enumerate(rows):
                row = row + [""] * (width - len(row))
                lines.append("| " + " | ".join(row) + " |")
                if n == 0:
                    lines.append("|" + "---|" * width)
            parts.append("\n".join(lines))
        elif kind == "item":
            parts.append("\n".join(f"- {b.text}" for b in group))
        elif kind == "pre":
            fence = "````" if "```" in group[0].text else "```"
            parts.append(f"{fence}\n{group[0].text}\n{fence}")
        elif kind in _HEADINGS:
            parts.append("#" * _HEADINGS[kind] + " " + group[0].text)
        elif kind == "blockquote":
            parts.append("> " + group[0].text)
        else:
            parts.append(group[0].text)
    return "\n\n".join(parts)


def render_html(doc: Document, include_title: bool = False) -> str:
    """Clean HTML of the body: fixed tags, escaped text, no attributes."""
    return _to_html(_body(doc), doc.title, include_title)


def _to_html(body: Sequence[Block], doc_title: str | None, include_title: bool) -> str:
    esc = _html.escape
    parts: list[str] = []
    title = _title_line(doc_title, include_title, body[0].text if body else None)
    if title:
        parts.append(f"<h1>{esc(title)}</h1>")
    for kind, group in _runs(body):
        if kind == "cell":
            rows = _table_rows([b for b in group])
            cells = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
            parts.append(f"<table>{cells}</table>")
        elif kind == "item":
            parts.append("<ul>" + "".join(f"<li>{esc(b.text)}</li>" for b in group) + "</ul>")
        elif kind == "pre":
            parts.append(f"<pre><code>{esc(group[0].text)}</code></pre>")
        elif kind in _HEADINGS:
            parts.append(f"<{kind}>{esc(group[0].text)}</{kind}>")
        elif kind == "blockquote":
            parts.append(f"<blockquote><p>{esc(group[0].text)}</p></blockquote>")
        else:
            parts.append(f"<p>{esc(group[0].text)}</p>")
    return "\n".join(parts)


def render_json(doc: Document, explain: bool = False) -> str:
    """Title, text, language, confidence; with ``explain`` every block and its reasons."""
    out: dict[str, object] = {
        "title": doc.title,
        "url": doc.url,
        "language": doc.language,
        "input_type": doc.input_type,
        "encoding": doc.encoding,
        "confidence": doc.confidence,
        "text": render_text(doc),
        "blocks_kept": sum(1 for b in doc.blocks if b.label == "body"),
        "blocks_total": len(doc.blocks),
    }
    if doc.empty_reason:
        out["empty_reason"] = doc.empty_reason
    if explain:
        out["blocks"] = [
            {
                "index": b.index,
                "kind": b.kind,
                "label": b.label,
                "score": b.score,
                "text": b.text,
                "reasons": [
                    {"code": r.code, "value": r.value, "contribution": r.contribution, "text": describe(r)}
                    for r in b.reasons
                ],
                "features": b.features,
            }
            for b in doc.blocks
        ]
    return json.dumps(out, ensure_ascii=False)
