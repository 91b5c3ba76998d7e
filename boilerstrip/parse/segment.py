"""Segment a page into paragraph-level text blocks.

HTML: one walk over the Lexbor tree with an explicit stack (no recursion, so
100,000 nested tags cost memory for the stack, not the C stack). Every block
element (p, li, td, h1-h6, div ...) closes the run of text before it; the text
inside <a> is counted as link text; script, style and hidden subtrees are
skipped. Each block records its context: the semantic containers above it,
the nearest class/id words that say "navigation" or "content", list and table
context, and the index of the block element that holds it, so that later
stages can add up text per element of the tree.

Plain text: every line is a block; blank lines are kept as structure.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..errors import ParseError
from ..vocab import BLOCK_TAGS, COMMENT_RE, NEGATIVE_RE, POSITIVE_RE, SKIP_TAGS

__all__ = ["Segments", "segment_html", "segment_text", "Flag"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())


class Flag:
    """Bits of a block's context, inherited from its ancestors."""

    ARTICLE = 1 << 0  # <article>, [itemprop=articleBody], [role=article]
    MAIN = 1 << 1  # <main>, [role=main]
    NAV = 1 << 2  # <nav>, [role=navigation], <menu>
    HEADER = 1 << 3  # <header>, [role=banner] outside an article
    FOOTER = 1 << 4  # <footer>, [role=contentinfo]
    ASIDE = 1 << 5  # <aside>, [role=complementary]
    FORM = 1 << 6  # <form>, [role=search]
    LIST = 1 << 7  # inside ul/ol/dl
    TABLE = 1 << 8  # inside a table cell
    PRE = 1 << 9  # inside <pre>
    QUOTE = 1 << 10  # inside <blockquote>
    FIGURE = 1 << 11  # inside <figure>/<figcaption>
    NEG_CLASS = 1 << 12  # an ancestor's class/id says navigation, sidebar, share ...
    POS_CLASS = 1 << 13  # an ancestor's class/id says article, content, post ...
    COMMENT = 1 << 14  # an ancestor's class/id says comments
    ADDRESS = 1 << 15  # <address>, <time> blocks: bylines and dates
    HEADING = 1 << 16  # inside h1-h6 (set on the block, not inherited)
    DETAILS = 1 << 17  # <details>/<summary>


_TAG_FLAGS = {
    "article": Flag.ARTICLE,
    "main": Flag.MAIN,
    "nav": Flag.NAV,
    "menu": Flag.NAV,
    "header": Flag.HEADER,
    "footer": Flag.FOOTER,
    "aside": Flag.ASIDE,
    "form": Flag.FORM,
    "ul": Flag.LIST,
    "ol": Flag.LIST,
    "dl": Flag.LIST,
    "table": Flag.TABLE,
    "pre": Flag.PRE,
    "blockquote": Flag.QUOTE,
    "figure": Flag.FIGURE,
    "figcaption": Flag.FIGURE,
    "address": Flag.ADDRESS,
    "details": Flag.DETAILS,
}
_ROLE_FLAGS = {
    "main": Flag.MAIN,
    "article": Flag.ARTICLE,
    "navigation": Flag.NAV,
    "menu": Flag.NAV,
    "menubar": Flag.NAV,
    "banner": Flag.HEADER,
    "contentinfo": Flag.FOOTER,
    "complementary": Flag.ASIDE,
    "search": Flag.FORM,
    "dialog": Flag.NAV,
    "alertdialog": Flag.NAV,
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_TEXT_NODE = 2  # lexbor tag id of text nodes
_HIDDEN_STYLE = ("display:none", "visibility:hidden")
# Tag paths keep the last few block elements: enough to tell "ul>li" from "article>p".
_PATH_DEPTH = 4


@dataclass
class Segments:
    """The blocks of one page as parallel lists, plus the element tree they sit in."""

    texts: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    link_chars: list[int] = field(default_factory=list)
    flags: list[int] = field(default_factory=list)
    depths: list[int] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    # Nearest ancestor class/id word that matched a vocabulary ("" when none).
    neg_tokens: list[str] = field(default_factory=list)
    pos_tokens: list[str] = field(default_factory=list)
    # Index (into elem_*) of the innermost block element holding the block.
    elems: list[int] = field(default_factory=list)
    # Plain text only: blank lines before the block.
    blank_before: list[int] = field(default_factory=list)
    # The block elements: parent index (-1 for the root) and tag.
    elem_parent: list[int] = field(default_factory=list)
    elem_tag: list[str] = field(default_factory=list)
    # The class attribute of each block element: repeated items (posts, cards) share it.
    elem_class: list[str] = field(default_factory=list)
    title: str | None = None
    language: str | None = None
    truncated: bool = False

    def __len__(self) -> int:
        return len(self.texts)


def _is_hidden(attrs: dict[str, str | None]) -> bool:
    if "hidden" in attrs:
        return True
    if attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    if style and ("none" in style or "hidden" in style):
        compact = style.replace(" ", "").lower()
        return any(s in compact for s in _HIDDEN_STYLE)
    return False


def _head_facts(tree: LexborHTMLParser) -> tuple[str | None, str | None]:
    """The page title and declared language."""
    title = None
    node = tree.css_first("title")
    if node is not None:
        title = " ".join(node.text(deep=True).split()) or None
    lang = None
    root = tree.root
    if root is not None and root.tag == "html":
        lang = root.attributes.get("lang") or root.attributes.get("xml:lang")
    if not lang:
        meta = tree.css_first('meta[http-equiv="content-language" i]')
        if meta is not None:
            lang = meta.attributes.get("content")
    if lang:
        lang = lang.strip().lower().replace("_", "-").split("-")[0][:3] or None
    return title, lang


def segment_html(text: str, *, max_depth: int, max_blocks: int) -> Segments:
    """Parse HTML and cut its visible text into blocks."""
    try:
        tree = LexborHTMLParser(text)
    except Exception as exc:  # the parser's own errors carry no stable type
        raise ParseError(f"the HTML parser gave up: {exc}") from exc
    seg = Segments()
    seg.title, seg.language = _head_facts(tree)
    start = tree.body
    if start is None:
        # A frameset or a document without <body>: walk whatever the root holds.
        start = tree.root
    if start is None:
        return seg
    _walk(start, seg, max_depth, max_blocks, SKIP_TAGS, True)
    if not any(len(t) >= _PARAGRAPH_CHARS for t in seg.texts):
        # No paragraph is visible: a page that scripts reveal (content in <noscript>, or
        # in a container hidden until a script shows it). Read what a reader would see
        # once the page has loaded: hidden subtrees and <noscript> too.
        again = Segments(title=seg.title, language=seg.language)
        _walk(start, again, max_depth, max_blocks, _SKIP_BUT_NOSCRIPT, False)
        if any(len(t) >= _PARAGRAPH_CHARS for t in again.texts):
            return again
    return seg


# A paragraph of running text: about 25 words.
_PARAGRAPH_CHARS = 150
_SKIP_BUT_NOSCRIPT = SKIP_TAGS - {"noscript"}


def _walk(
    start: LexborNode, seg: Segments, max_depth: int, max_blocks: int, skip: frozenset[str], hide: bool
) -> None:
    texts = seg.texts
    buf: list[str] = []
    buf_link = 0
    # Context of the innermost open block element.
    flags = 0
    neg_tok = ""
    pos_tok = ""
    elem = 0
    kind = start.tag or "body"
    path = kind
    link_depth = 0
    depth = 0
    seg.elem_parent.append(-1)
    seg.elem_tag.append(kind)
    seg.elem_class.append("")

    def flush() -> None:
        nonlocal buf, buf_link
        if not buf:
            return
        raw = "".join(buf)
        if flags & Flag.PRE:
            out = raw.strip("\n\r")
            if not out.strip():
                out = ""
        else:
            out = " ".join(raw.split())
        if out:
            if len(texts) >= max_blocks:
                seg.truncated = True
            else:
                texts.append(out)
                seg.kinds.append(kind)
                seg.link_chars.append(min(buf_link, len(out)))
                block_flags = flags | Flag.HEADING if kind in _HEADINGS else flags
                seg.flags.append(block_flags)
                seg.depths.append(depth)
                seg.paths.append(path)
                seg.neg_tokens.append(neg_tok)
                seg.pos_tokens.append(pos_tok)
                seg.elems.append(elem)
                seg.blank_before.append(0)
        buf = []
        buf_link = 0

    # Each stack entry: the node to continue with (its next sibling) and the state to restore.
    stack: list[tuple[LexborNode, bool, int, str, str, int, str, str, int, int]] = []
    node: LexborNode | None = start.child
    while True:
        if node is None:
            # Leave the parent: restore its enclosing state.
            if not stack:
                break
            parent, was_block, flags_, neg_, pos_, elem_, kind_, path_, link_, depth_ = stack.pop()
            if was_block:
                flush()
            flags, neg_tok, pos_tok, elem, kind, path, link_depth, depth = (
                flags_, neg_, pos_, elem_, kind_, path_, link_, depth_
            )
            node = parent.next
            continue
        tid = node.tag_id
        if tid == _TEXT_NODE:
            content = node.text_content
            if content:
                buf.append(content)
                if link_depth:
                    buf_link += len(content.strip())
            node = node.next
            continue
        tag = node.tag
        if tag is None or tag.startswith("-") or tag in skip:
            node = node.next
            continue
        attrs = node.attributes
        if hide and attrs and _is_hidden(attrs):
            node = node.next
            continue
        if tag == "br" or tag == "hr":
            flush()
            node = node.next
            continue
        child = node.child
        if child is None:
            if tag == "img":
                pass
            node = node.next
            continue
        is_block = tag in BLOCK_TAGS and depth < max_depth
        stack.append((node, is_block, flags, neg_tok, pos_tok, elem, kind, path, link_depth, depth))
        if is_block:
            flush()
            depth += 1
            seg.elem_parent.append(elem)
            seg.elem_tag.append(tag)
            seg.elem_class.append((attrs.get("class") or "") if attrs else "")
            elem = len(seg.elem_tag) - 1
            kind = tag
            path = f"{path.rsplit('>', _PATH_DEPTH - 1)[-1] if path.count('>') >= _PATH_DEPTH - 1 else path}>{tag}"
            tag_flag = _TAG_FLAGS.get(tag)
            if tag_flag:
                if tag == "header" and flags & (Flag.ARTICLE | Flag.MAIN):
                    tag_flag = 0  # an article's own header holds its title and byline
                flags |= tag_flag
            if tag in ("td", "th"):
                flags |= Flag.TABLE
        elif tag == "a":
            link_depth += 1
        if attrs:
            role = attrs.get("role")
            if role:
                role_flag = _ROLE_FLAGS.get(role.strip().lower())
                if role_flag:
                    flags |= role_flag
            if attrs.get("itemprop") in ("articleBody", "text", "reviewBody", "description"):
                flags |= Flag.ARTICLE
            names = attrs.get("class") or ""
            ident = attrs.get("id")
            if ident:
                names = f"{names} {ident}"
            if names:
                m = COMMENT_RE.search(names)
                if m:
                    flags |= Flag.COMMENT
                m = NEGATIVE_RE.search(names)
                if m:
                    flags |= Flag.NEG_CLASS
                    neg_tok = m.group(1).lower()
                m = POSITIVE_RE.search(names)
                if m:
                    flags |= Flag.POS_CLASS
                    pos_tok = m.group(1).lower()
        node = child
    flush()


def segment_text(text: str, *, max_blocks: int) -> Segments:
    """Cut a plain-text dump into line blocks, remembering blank lines between them."""
    seg = Segments()
    seg.elem_parent.append(-1)
    seg.elem_tag.append("text")
    seg.elem_class.append("")
    blanks = 0
    # splitlines() knows \r\n, \r and the Unicode separators; NUL is not a line break.
    for line in text.replace("\x00", " ").splitlines():
        stripped = line.strip()
        if not stripped:
            blanks += 1
            continue
        if len(seg.texts) >= max_blocks:
            seg.truncated = True
            break
        seg.texts.append(line)
        seg.kinds.append("line")
        seg.link_chars.append(0)
        seg.flags.append(0)
        seg.depths.append(0)
        seg.paths.append("line")
        seg.neg_tokens.append("")
        seg.pos_tokens.append("")
        seg.elems.append(0)
        seg.blank_before.append(blanks)
        blanks = 0
    return seg
