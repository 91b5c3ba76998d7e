from __future__ import annotations

import dataclasses
import json

import pytest

import boilerstrip
from boilerstrip import Document, Extraction, Options, OptionsError, extract, extract_blocks, extract_full


def test_exported_members() -> None:
    assert boilerstrip.__all__ == sorted(boilerstrip.__all__)
    for name in boilerstrip.__all__:
        assert hasattr(boilerstrip, name)
    assert {"extract", "extract_blocks", "Options", "Document", "Block", "BoilerstripError"} <= set(
        boilerstrip.__all__
    )


def test_options_defaults_and_validation() -> None:
    o = Options()
    assert (o.output, o.input_type, o.favor, o.include_tables, o.include_comments) == (
        "text", "auto", "balanced", True, False,
    )
    with pytest.raises(OptionsError, match=r"Options.output must be text\|markdown\|json\|html, got 'md'"):
        Options(output="md")  # type: ignore[arg-type]
    with pytest.raises(OptionsError, match="max_bytes must be a positive integer"):
        Options(max_bytes=0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        o.output = "json"  # type: ignore[misc]
    assert isinstance(OptionsError("x"), ValueError)


def test_settings_shortcut_and_unknown_names(article_html: bytes) -> None:
    assert extract(article_html, output="markdown") == extract(article_html, options=Options(output="markdown"))
    with pytest.raises(OptionsError, match="unknown setting.*'outptu'.*valid settings are: output"):
        extract(article_html, outptu="json")
    with pytest.raises(OptionsError, match="options must be an Options"):
        extract(article_html, options={"output": "json"})  # type: ignore[arg-type]
    # A setting given beside options overrides that field only.
    opts = Options(output="json", favor="precision")
    assert extract(article_html, options=opts, output="text") == extract(article_html, favor="precision")


def test_url_positional_and_checked(article_html: bytes) -> None:
    doc = extract_blocks(article_html, "https://example.org/x")
    assert doc.url == "https://example.org/x"
    with pytest.raises(boilerstrip.BoilerstripError, match="url must be a str"):
        extract(article_html, 42)  # type: ignore[arg-type]


def test_extract_blocks_document(article_html: bytes) -> None:
    doc = extract_blocks(article_html)
    assert isinstance(doc, Document) and doc.input_type == "html" and doc.language == "en"
    assert doc.text == extract(article_html)
    first = doc.body[0]
    assert first.kind == "h1" and first.is_body and first.score > 0
    assert any(r.code == "heading" for r in first.reasons)
    nav = next(b for b in doc.blocks if b.text == "Home")
    assert nav.label == "chrome" and nav.score < 0
    assert str(next(r for r in nav.reasons if r.code == "link_density")) == "link_density=1.00 -> -4.0"
    assert nav.features["link_density"] == 1.0


@pytest.mark.parametrize("output", ["text", "markdown", "json", "html"])
def test_extract_full_matches_extract_and_blocks(article_html: bytes, output: str) -> None:
    got = extract_full(article_html, "https://example.org/x", output=output)
    assert isinstance(got, Extraction)
    assert got.text == extract(article_html, "https://example.org/x", output=output)
    doc = extract_blocks(article_html)
    assert (got.title, got.language, got.confidence, got.input_type) == (
        doc.title, doc.language, doc.confidence, doc.input_type,
    )
    assert (got.blocks_kept, got.blocks_total) == (len(doc.body), len(doc.blocks))
    assert got.chars_kept == len("".join(b.text for b in doc.body)) < got.chars_total
    assert got.document is None and got.empty_reason is None


def test_extract_full_explain_and_empty(article_html: bytes) -> None:
    got = extract_full(article_html, explain=True)
    assert got.document is not None
    assert [b.label for b in got.document.blocks] == [b.label for b in extract_blocks(article_html).blocks]
    empty = extract_full(b"   ")
    assert (empty.text, empty.blocks_total, empty.empty_reason) == ("", 0, "empty_input")


def test_favor_moves_the_balance(article_html: bytes) -> None:
    kept = {f: len(extract_blocks(article_html, favor=f).body) for f in ("precision", "balanced", "recall")}
    assert kept["precision"] <= kept["balanced"] <= kept["recall"]
    comments = extract(article_html, include_comments=True)
    assert "Great piece" in comments and "Great piece" not in extract(article_html)
    assert "Pool depth" not in extract(article_html, include_tables=False)


def test_input_type_text_on_html_source() -> None:
    html = "<p>one</p>\n<p>two</p>"
    doc = extract_blocks(html, input_type="text")
    assert [b.text for b in doc.blocks] == ["<p>one</p>", "<p>two</p>"]


def test_confidence_ranks_pages(article_html: bytes) -> None:
    good = extract_blocks(article_html).confidence
    menu = extract_blocks("<ul>" + "".join(f"<li><a href='/{i}'>Link {i}</a></li>" for i in range(30)) + "</ul>")
    assert 0.5 < good <= 1.0 and menu.confidence < good


@pytest.mark.parametrize(
    "page",
    [
        "",
        " \n\t",
        "\u00a0\u3000 \u2028",
        " " * 300_000 + "x",
        "\u3000" * 70_000,
        "<p>café 😀 " + "word " * 40 + "</p>",
        "plain text dump\n\nwith lines 😀 " + "and words " * 30,
        "<div>" * 3000 + "<p>deep " + "words " * 40 + "</p>" + "</div>" * 3000,
    ],
)
def test_utf8_bytes_give_what_their_str_gives(page: str) -> None:
    # UTF-8 bytes go to the parser undecoded (decode.decode_page_lazily): the same blocks,
    # empty reason and text as the str.
    a, b = extract_blocks(page.encode()), extract_blocks(page)
    assert dataclasses.replace(a, encoding=None) == b
    got, want = (json.loads(extract(p, output="json", explain=True)) for p in (page.encode(), page))
    assert got.pop("encoding") == "utf-8" and want.pop("encoding") is None
    assert got == want
