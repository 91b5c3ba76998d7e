"""The DataTrove extractor step gives the text boilerstrip.extract gives."""

from __future__ import annotations

import pytest

import boilerstrip

pytest.importorskip(
    "datatrove", reason="DataTrove is optional and not installed (pip install datatrove to run this test)"
)

from datatrove.data import Document

from boilerstrip.integrations.datatrove import Boilerstrip

ARTICLE = (
    "<html><body><nav><a href='/'>Home</a> <a href='/b'>Blog</a></nav><article><h1>On rivers</h1>"
    + "".join(f"<p>River paragraph {i} runs on with enough ordinary words to be read as prose.</p>" for i in range(8))
    + "</article><footer>© Example</footer></body></html>"
)


def test_extractor_step_matches_extract() -> None:
    docs = [
        Document(text=ARTICLE, id="article"),
        Document(text="<nav><a href='/'>Home</a></nav>", id="menu-only"),
        Document(text=ARTICLE.replace("rivers", "lakes"), id="article-2"),
    ]
    step = Boilerstrip(favor="balanced", timeout=10)
    out = list(step.run(iter(docs)))
    # A page without main content is dropped, as DataTrove extractors do.
    assert [d.id for d in out] == ["article", "article-2"]
    assert out[0].text == boilerstrip.extract(ARTICLE)
    assert step.options == boilerstrip.Options(favor="balanced")
    with pytest.raises(boilerstrip.OptionsError):
        Boilerstrip(output="pdf")
