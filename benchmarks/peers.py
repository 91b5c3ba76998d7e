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
* jusText: ``justext.justext(html, stoplist)`` with the stoplist of the page's declared language
  (``<html lang>``, first two letters) when jusText ships one, else English; the text of the
  paragraphs it does not call boilerplate, one per line.
* boilerpy3: ``ArticleExtractor().get_content(html)`` (it raises on pages it cannot handle; the
  runner counts that as an exception).
* resiliparse: ``extract_plain_text(HTMLTree.parse(html), main_content=True)``.
* full text: every visible line of the page (to_text.html_to_text), the recall ceiling.
* selectolax parse: ``LexborHTMLParser(html)`` and nothing else, the floor for speed (returns "").
"""

from __future__ import annotations

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


_LANG_ATTR = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3})", re.IGNORECASE)
# ISO 639-1 codes of the languages in our datasets that jusText has a stoplist for.
_JUSTEXT_LANGS = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch",
    "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian",
    "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian", "sv": "Swedish", "tr": "Turkish",
    "uk": "Ukrainian", "vi": "Vietnamese",
}


@functools.lru_cache(maxsize=64)
def _stoplist(language: str) -> frozenset[str]:
    import justext  # type: ignore[import-untyped]  # jusText ships no type hints

    return frozenset(justext.get_stoplist(language))


def justext_language(html: str) -> str:
    """The jusText stoplist name for the page's ``<html lang>``, else "English"."""
    m = _LANG_ATTR.search(html[:65536])
    return _JUSTEXT_LANGS.get(m.group(1)[:2].lower(), "English") if m else "English"


def jusText(html: str, url: str) -> str:
    """jusText's non-boilerplate paragraphs, with the stoplist of the page's language."""
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
        "jusText": (jusText, "justext", "stoplist from <html lang>"),
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

