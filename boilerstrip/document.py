"""The result types: a Document of Blocks, each with its label, score and reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Block", "Document", "Extraction", "Label", "Reason"]

Label = Literal["body", "chrome"]


@dataclass(frozen=True, slots=True)
class Reason:
    """One signal behind a block's score: a stable code, the value it saw and what it added."""

    code: str
    value: float
    contribution: float

    def __str__(self) -> str:
        if self.code.startswith("smoothed") or self.code.startswith("region"):
            return self.code
        return f"{self.code}={self.value:.2f} -> {self.contribution:+.1f}"


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level run of text (HTML) or one line (plain text)."""

    index: int
    text: str
    # The block-level element that holds the text: "p", "li", "h2", "td", "pre", ... ("line" for text).
    kind: str
    label: Label
    score: float
    reasons: tuple[Reason, ...]
    # The index of the block element holding the text, and of that element's parent block
    # element: table cells of one row share `parent`, items of one list share it too.
    elem: int = 0
    parent: int = -1
    # Named numeric and string features (see docs/design.md for each).
    features: dict[str, float | int | str | bool] = field(default_factory=dict)

    @property
    def is_body(self) -> bool:
        return self.label == "body"


@dataclass(frozen=True, slots=True)
class Document:
    """Everything extract_blocks found in one page."""

    blocks: tuple[Block, ...]
    title: str | None = None
    language: str | None = None
    # The charset the bytes were decoded with (None for str input).
    encoding: str | None = None
    input_type: Literal["html", "text"] = "html"
    url: str | None = None
    # How sure we are that the body blocks are the page's main content, 0..1.
    confidence: float = 0.0
    # Why there is no body, when there is none ("empty_input", "no_text", "all_chrome", ...).
    empty_reason: str | None = None

    @property
    def body(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.label == "body")

    @property
    def text(self) -> str:
        """The body blocks as plain text, one block per line."""
        return "\n".join(b.text for b in self.blocks if b.label == "body")


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extract() returns, with the page facts and counts a pipeline stores beside it.

    One pass makes all of it (``extract_full``): a crawl pipeline needs the text, the
    title and language, and how much of the page was kept, without building a Block
    per block; ``document`` is there only when ``Options.explain`` asks for it.
    """

    # Rendered in Options.output: exactly extract()'s result.
    text: str
    title: str | None = None
    language: str | None = None
    encoding: str | None = None
    input_type: Literal["html", "text"] = "html"
    confidence: float = 0.0
    empty_reason: str | None = None
    # Body blocks / all blocks, and the characters of their text.
    blocks_kept: int = 0
    blocks_total: int = 0
    chars_kept: int = 0
    chars_total: int = 0
    # Every block with its label, score and reasons (Options.explain only).
    document: Document | None = None
