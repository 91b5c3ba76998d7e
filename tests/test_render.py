from __future__ import annotations

import json

from boilerstrip import Options, extract, extract_blocks
from boilerstrip.render import render


def test_text_output(article_html: bytes) -> None:
    out = extract(article_html)
    lines = out.splitlines()
    assert lines[0] == "How tide pools survive the summer heat"
    assert "Home" not in lines and "Related stories" not in out and "comments" not in out
    assert "    print(pool.name, max(pool.temperatures))" in lines
    assert not out.endswith("\n")


def test_include_title(article_html: bytes) -> None:
    doc = extract_blocks(article_html)
    assert doc.title == "How tide pools survive the summer heat | Coastal Notes"
    out = extract(article_html, include_title=True)
    assert out.splitlines()[0] == "How tide pools survive the summer heat | Coastal Notes"


def test_markdown_elements(article_html: bytes) -> None:
    md = extract(article_html, output="markdown")
    assert md.startswith("# How tide pools survive the summer heat\n\n")
    assert "\n## Measuring the heat\n" in md
    assert "| Pool depth | Peak temperature |\n|---|---|\n| 10 cm | 31 °C |" in md
    assert "```\nfor pool in pools:\n    print(pool.name, max(pool.temperatures))\n```" in md


def test_markdown_lists_and_escaping() -> None:
    prose = "Some words that make a real paragraph of the article body for the reader to enjoy today. " * 2
    html = f"<article><p>{prose}</p><ul><li>first | item</li><li>second item</li></ul><p>{prose}</p></article>"
    md = extract(html, output="markdown")
    assert "- first | item\n- second item" in md


def test_html_output_is_clean(article_html: bytes) -> None:
    out = extract(article_html, output="html")
    assert out.startswith("<h1>How tide pools survive the summer heat</h1>")
    assert "<table><tr><td>Pool depth</td>" in out
    assert "<pre><code>for pool in pools:" in out
    assert "<script" not in out and "class=" not in out and "href" not in out


def test_html_escapes_text() -> None:
    prose = "A long enough paragraph about <script>alert(1)</script> and the harbour plan for the whole town. " * 2
    out = extract(f"<article><p>{prose.replace('<', '&lt;')}</p></article>", output="html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "<script>" not in out


def test_json_output(article_html: bytes) -> None:
    data = json.loads(extract(article_html, "https://example.org/tide", output="json"))
    assert data["url"] == "https://example.org/tide"
    assert data["title"].startswith("How tide pools")
    assert data["language"] == "en" and data["input_type"] == "html" and data["encoding"] == "utf-8"
    assert data["text"] == extract(article_html)
    assert 0 < data["confidence"] <= 1
    assert "blocks" not in data
    full = json.loads(extract(article_html, output="json", explain=True))
    nav = next(b for b in full["blocks"] if b["text"] == "Home")
    assert nav["label"] == "chrome"
    codes = {r["code"] for r in nav["reasons"]}
    assert {"nav_ancestor", "link_density"} <= codes
    assert nav["features"]["link_density"] == 1.0 and nav["features"]["tag_path"].endswith("li")


def test_output_is_deterministic(article_html: bytes) -> None:
    for fmt in ("text", "markdown", "json", "html"):
        assert extract(article_html, output=fmt) == extract(article_html, output=fmt)


def test_render_empty_document() -> None:
    doc = extract_blocks(b"")
    assert doc.empty_reason == "empty_input" and doc.blocks == ()
    for fmt in ("text", "markdown", "html"):
        assert render(doc, Options(output=fmt)) == ""  # type: ignore[arg-type]
    assert json.loads(render(doc, Options(output="json")))["empty_reason"] == "empty_input"
