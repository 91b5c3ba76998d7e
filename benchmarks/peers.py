"""One wrapper per extractor, all with the signature ``(html: str, url: str) -> str``.

Why one signature: accuracy.py hands these functions to ../shared/bench/run_extractor.py's runner and
speed.py times them in a loop, so boilerstrip and every peer get the same decoded str and are timed
the same way. Each peer is imported on first use, so a peer that is not installed costs nothing until
asked for, and ``available()`` says which are.

How each peer is called (documented in benchmarks/README.md too):

* trafilatura: ``trafilatura.extract(html, url=url)`` with its defaults (these keep comments and
  tables), and once more with ``favor_precision=True``.
* readability-lxml: ``Document(html, url=url).summary(html_partial=True)`` gives the article as HTML;
  it is turned into text with to_text.html_to_text, the converter used for the text-mode dumps.
* jusText: ``justext.justext(html, stoplist)`` with the stoplist of the page's language, guessed
  from the text (see justext_language; declared languages are often wrong); the text of the
  paragraphs it does not call boilerplate, one per line.
* boilerpy3: ``ArticleExtractor().get_content(html)`` (it raises on pages it cannot handle; the
  runner counts that as an exception).
* resiliparse: ``extract_plain_text(HTMLTree.parse(html), main_content=True)``.
* full text: every visible line of the page (to_text.html_to_text), the recall ceiling.
* selectolax parse: ``LexborHTMLParser(html)`` and nothing else, the floor for speed (returns "").
"""

from __future__ import annotations

import collections
import functools
import importlib.util
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import to_text

__all__ = [
    "EXTRACTORS",
    "PEERS",
    "Extractor",
    "available",
    "boilerpy3_article",
    "boilerstrip_extract",
    "boilerstrip_variant",
    "describe",
    "full_text",
    "get",
    "jusText",
    "justext_language",
    "readability_lxml",
    "resiliparse_main",
    "selectolax_parse",
    "trafilatura_default",
    "trafilatura_precision",
    "uses_text_input",
]

Extractor = Callable[[str, str], str]


def boilerstrip_extract(html: str, url: str, favor: str = "balanced", input_type: str = "auto") -> str:
    """boilerstrip.extract with one favor and input type; bound with functools.partial below."""
    import boilerstrip

    return str(boilerstrip.extract(html, url or None, favor=favor, input_type=input_type))


def trafilatura_default(html: str, url: str) -> str:
    """trafilatura with its defaults (which keep comments and tables)."""
    import trafilatura

    return trafilatura.extract(html, url=url or None) or ""


def trafilatura_precision(html: str, url: str) -> str:
    """trafilatura with favor_precision=True, otherwise defaults."""
    import trafilatura

    return trafilatura.extract(html, url=url or None, favor_precision=True) or ""


def readability_lxml(html: str, url: str) -> str:
    """readability-lxml's article HTML, as text through to_text (lxml's text_content glues blocks)."""
    from readability import Document  # type: ignore[import-untyped]  # readability-lxml ships no type hints

    summary = Document(html, url=url or None).summary(html_partial=True)
    return to_text.html_to_text(summary)


# jusText needs the page's language. Declared languages are unreliable (in trafilatura-eval, most
# pages that declare <html lang="en"> with empty jusText output are German), so the stoplist is
# guessed from the text: the one, among these languages of our datasets, whose stopwords make up
# most of the first _GUESS_WORDS words of the page's visible text. Costs about 5 ms a page.
_JUSTEXT_LANGS = (
    "Arabic", "Bulgarian", "Catalan", "Croatian", "Czech", "Danish", "Dutch", "English", "Estonian", "Finnish",
    "French", "German", "Greek", "Hebrew", "Hindi", "Hungarian", "Indonesian", "Italian", "Korean", "Latvian",
    "Lithuanian", "Norwegian_Bokmal", "Persian", "Polish", "Portuguese", "Romanian", "Russian", "Serbian",
    "Slovak", "Slovenian", "Spanish", "Swedish", "Turkish", "Ukrainian", "Vietnamese",
)
_GUESS_WORDS = 2000
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=64)
def _stoplist(language: str) -> frozenset[str]:
    import justext  # type: ignore[import-untyped]  # jusText ships no type hints

    return frozenset(justext.get_stoplist(language))


def justext_language(html: str) -> str:
    """The jusText stoplist whose words are most frequent in the page's visible text ("English" if none)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    tree.strip_tags(["script", "style", "noscript", "template"])
    text = tree.body.text(separator=" ") if tree.body is not None else ""
    words = collections.Counter(_WORD.findall(text.lower())[:_GUESS_WORDS])
    best, best_hits = "English", 0
    for language in _JUSTEXT_LANGS:
        stop = _stoplist(language)
        hits = sum(n for w, n in words.items() if w in stop)
        if hits > best_hits:
            best, best_hits = language, hits
    return best


def jusText(html: str, url: str) -> str:
    """jusText's non-boilerplate paragraphs, with the stoplist of the page's (guessed) language."""
    import justext

    paragraphs = justext.justext(html, _stoplist(justext_language(html)))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def boilerpy3_article(html: str, url: str) -> str:
    """boilerpy3's ArticleExtractor with its defaults (it raises when it cannot parse a page)."""
    from boilerpy3 import extractors  # type: ignore[import-untyped]  # boilerpy3 ships no type hints

    return str(extractors.ArticleExtractor().get_content(html))


def resiliparse_main(html: str, url: str) -> str:
    """resiliparse's plain text with main_content=True."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return str(extract_plain_text(HTMLTree.parse(html), main_content=True))


def full_text(html: str, url: str) -> str:
    """Every visible line of the page: the baseline that keeps everything (recall ceiling)."""
    return to_text.html_to_text(html)


def selectolax_parse(html: str, url: str) -> str:
    """A bare Lexbor parse and nothing else: the speed floor every extractor pays at least."""
    from selectolax.lexbor import LexborHTMLParser

    LexborHTMLParser(html)
    return ""


# name -> (function, module that must be importable, short note for tables)
def _boilerstrip_variants() -> dict[str, tuple[Extractor, str, str]]:
    """boilerstrip, boilerstrip-precision, boilerstrip-recall, and each of them with -text."""
    out: dict[str, tuple[Extractor, str, str]] = {}
    for favor in ("balanced", "precision", "recall"):
        for input_type in ("auto", "text"):
            name = "boilerstrip" + ("" if favor == "balanced" else f"-{favor}")
            notes = [f"favor={favor}"] if favor != "balanced" else []
            if input_type == "text":
                name += "-text"
                notes.append("input_type=text on the dumps")
            fn = functools.partial(boilerstrip_extract, favor=favor, input_type=input_type)
            out[name] = (fn, "boilerstrip", ", ".join(notes) or "defaults")
    return out


EXTRACTORS: dict[str, tuple[Extractor, str, str]] = _boilerstrip_variants()
EXTRACTORS.update(
    {
        "trafilatura": (trafilatura_default, "trafilatura", "defaults"),
        "trafilatura-precision": (trafilatura_precision, "trafilatura", "favor_precision=True"),
        "readability-lxml": (readability_lxml, "readability", "summary() -> text"),
        "jusText": (jusText, "justext", "stoplist guessed from the text"),
        "boilerpy3": (boilerpy3_article, "boilerpy3", "ArticleExtractor"),
        "resiliparse": (resiliparse_main, "resiliparse", "main_content=True"),
        "full-text": (full_text, "selectolax", "all visible text"),
        "selectolax-parse": (selectolax_parse, "selectolax", "parse only"),
    }
)

# The peers accuracy.py --peers runs, in table order.
PEERS = (
    "trafilatura", "trafilatura-precision", "readability-lxml", "jusText", "boilerpy3", "resiliparse", "full-text",
)


def boilerstrip_variant(name: str) -> tuple[str, str] | None:
    """(favor, input_type) of a boilerstrip variant name, None for a peer."""
    if not name.startswith("boilerstrip"):
        return None
    fn = EXTRACTORS[name][0]
    assert isinstance(fn, functools.partial)
    return str(fn.keywords["favor"]), str(fn.keywords["input_type"])


def uses_text_input(name: str) -> bool:
    """Whether an extractor reads the to_text dumps instead of the HTML."""
    return name.endswith("-text")


def get(name: str) -> Extractor:
    """The wrapper registered under ``name`` (ValueError lists the names when it is unknown)."""
    try:
        return EXTRACTORS[name][0]
    except KeyError:
        raise ValueError(f"unknown extractor {name!r}; known: {', '.join(EXTRACTORS)}") from None


def available(name: str) -> bool:
    """Whether the module an extractor needs can be imported here."""
    module = EXTRACTORS[name][1]
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def describe(name: str) -> str:
    """The short note on how an extractor is called, for table footnotes."""
    return EXTRACTORS[name][2]

