"""Every setting of boilerstrip, as fields of one frozen dataclass.

Each default lives here and nowhere else; docstrings and the CLI read it from
the dataclass. Build variants with :func:`dataclasses.replace`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal, get_args

from .errors import OptionsError

__all__ = ["Favor", "InputType", "Options", "OutputFormat", "resolve_options"]

OutputFormat = Literal["text", "markdown", "json", "html"]
InputType = Literal["auto", "html", "text"]
Favor = Literal["balanced", "precision", "recall"]


@dataclass(frozen=True)
class Options:
    """How to extract: output format, input type, balance and limits."""

    # What extract() returns.
    output: OutputFormat = "text"
    # "auto" looks at the first bytes for markup; "text" treats every line as a block.
    input_type: InputType = "auto"
    # Moves the body/chrome threshold: precision keeps less, recall keeps more.
    favor: Favor = "balanced"
    # Keep data tables found inside the main content.
    include_tables: bool = True
    # Keep user comments below an article (they are chrome by default, as in most benchmarks).
    include_comments: bool = False
    # Prepend the page title (from <title>/<h1>) to text and Markdown output.
    include_title: bool = False
    # JSON output: add every block with its label, score, reasons and features.
    explain: bool = False
    # Charset to use for bytes input, overriding <meta> (a BOM still wins, as in browsers).
    encoding: str | None = None
    # HTTP Content-Type header of the response, if known; its charset is used like `encoding`.
    content_type: str | None = None
    # Stopword language (ISO 639-1) when the page does not declare one; None: guess from the text.
    language: str | None = None
    # Inputs larger than this are refused (InputTooLargeError) or cut (truncate=True).
    # 64 MiB: larger than any real page we have seen (the largest dataset page is ~3 MB) and
    # above the 50 MB robustness case, small enough to bound memory (see docs/robustness.md).
    max_bytes: int = 64 * 1024 * 1024
    # Cut inputs over max_bytes instead of refusing them.
    truncate: bool = False
    # Elements nested deeper than this are flattened into their ancestor at this depth.
    # 256: real pages rarely exceed 40 levels; deeper nests are tag soup (see docs/robustness.md).
    max_depth: int = 256
    # Stop segmenting after this many blocks; the rest of the page is one last chrome block.
    # 100,000: a 50 MB page of short paragraphs stays under a second of scoring.
    max_blocks: int = 100_000

    def __post_init__(self) -> None:
        for name, kind in (("output", OutputFormat), ("input_type", InputType), ("favor", Favor)):
            allowed = get_args(kind)
            value = getattr(self, name)
            if value not in allowed:
                raise OptionsError(f"Options.{name} must be {'|'.join(allowed)}, got {value!r}")
        for name in ("include_tables", "include_comments", "include_title", "explain", "truncate"):
            if not isinstance(getattr(self, name), bool):
                raise OptionsError(f"Options.{name} must be True or False, got {getattr(self, name)!r}")
        for name in ("max_bytes", "max_depth", "max_blocks"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise OptionsError(f"Options.{name} must be a positive integer, got {value!r}")
        for name in ("encoding", "content_type", "language"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise OptionsError(f"Options.{name} must be a string or None, got {value!r}")


_FIELDS = tuple(f.name for f in dataclasses.fields(Options))


def resolve_options(options: Options | None, settings: dict[str, Any]) -> Options:
    """Merge keyword settings into ``options`` (they are Options field names)."""
    if options is not None and not isinstance(options, Options):
        raise OptionsError(f"options must be an Options instance or None, got {type(options).__name__}")
    base = options if options is not None else _DEFAULT
    if not settings:
        return base
    unknown = sorted(set(settings) - set(_FIELDS))
    if unknown:
        raise OptionsError(
            f"unknown setting(s) {', '.join(map(repr, unknown))}; valid settings are: {', '.join(_FIELDS)}"
        )
    return dataclasses.replace(base, **settings)


_DEFAULT = Options()
