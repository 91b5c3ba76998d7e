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

import bisect
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

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
    elem_parent = seg.elem_parent
    elem_tag = seg.elem_tag
    elem_class = seg.elem_class
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
    elem_parent.append(-1)
    elem_tag.append(kind)
    elem_class.append("")
    # Per page: a template repeats the same class strings and tag paths hundreds of times.
    class_memo: dict[str, tuple[int, str | None, str | None]] = {}
    path_memo: dict[tuple[str, str], str] = {}

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

    # Children come from iter() (one C loop per element) rather than .child/.next, which
    # build a wrapper per step. Each stack entry: the parent's iterator, positioned after
    # the element we entered, and the state to restore when that element ends.
    stack: list[tuple[Iterator[LexborNode], bool, int, str, str, int, str, str, int, int]] = []
    children: Iterator[LexborNode] = start.iter(include_text=True)
    while True:
        for node in children:
            content = node.text_content  # None for every node but text
            if content is not None:
                if content:
                    buf.append(content)
                    if link_depth:
                        buf_link += len(content.strip())
                continue
            tag = node.tag
            if tag is None or tag in skip or tag.startswith("-"):
                continue
            attrs = node.attributes
            if (
                hide
                and attrs
                and ("hidden" in attrs or "style" in attrs or "aria-hidden" in attrs)
                and _is_hidden(attrs)
            ):
                continue
            if tag == "br" or tag == "hr":
                if buf:
                    flush()
                continue
            if node.first_child is None:
                continue
            is_block = tag in BLOCK_TAGS and depth < max_depth
            stack.append((children, is_block, flags, neg_tok, pos_tok, elem, kind, path, link_depth, depth))
            if is_block:
                if buf:
                    flush()
                depth += 1
                elem_parent.append(elem)
                elem_tag.append(tag)
                elem_class.append((attrs.get("class") or "") if attrs else "")
                elem = len(elem_tag) - 1
                kind = tag
                key = (path, tag)
                next_path = path_memo.get(key)
                if next_path is None:
                    next_path = path_memo[key] = _extend_path(path, tag)
                path = next_path
                tag_flag = _TAG_FLAGS.get(tag)
                if tag_flag:
                    if tag == "header" and flags & (Flag.ARTICLE | Flag.MAIN):
                        tag_flag = 0  # an article's own header holds its title and byline
                    flags |= tag_flag
                if tag == "td" or tag == "th":
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
                    hit = class_memo.get(names)
                    if hit is None:
                        hit = class_memo[names] = _class_words(names)
                    if hit[0]:
                        flags |= hit[0]
                        if hit[1] is not None:
                            neg_tok = hit[1]
                        if hit[2] is not None:
                            pos_tok = hit[2]
            children = node.iter(include_text=True)
            break
        else:
            # The children are done: leave their parent and restore its enclosing state.
            if not stack:
                break
            children, was_block, flags_, neg_, pos_, elem_, kind_, path_, link_, depth_ = stack.pop()
            if was_block and buf:
                flush()
            flags, neg_tok, pos_tok, elem, kind, path, link_depth, depth = (
                flags_, neg_, pos_, elem_, kind_, path_, link_, depth_
            )
    flush()


def _extend_path(path: str, tag: str) -> str:
    """The tag path of a block element: its parent block's path, cut to _PATH_DEPTH, plus its tag."""
    return f"{path.rsplit('>', _PATH_DEPTH - 1)[-1] if path.count('>') >= _PATH_DEPTH - 1 else path}>{tag}"


class _Words:
    """One vocabulary pattern of vocab.py, matched exactly but without the regex engine.

    The patterns say: a listed word, case-insensitive, that starts where a run of
    lowercase letters does not continue (or at a camelCase hump) and is not followed by
    a lowercase letter. Trying ~100 alternatives at every character of every class
    string was the single largest cost of segmenting; on ASCII class strings the same
    leftmost, longest-first answer comes from set lookups at the few places a word can
    start. The fast path is only taken when the pattern has exactly that shape (checked
    here, so a changed vocabulary falls back to the regex instead of drifting from it).
    """

    __slots__ = ("rx", "words", "lengths", "by_head")

    def __init__(self, rx: regex.Pattern[str]) -> None:
        self.rx = rx
        self.words: frozenset[str] = frozenset()
        self.lengths: tuple[int, ...] = ()
        # Words with a hyphen, keyed by their first run of letters, longest first.
        self.by_head: dict[str, tuple[str, ...]] = {}
        src = rx.pattern
        if not (src.startswith(_WORDS_HEAD) and src.endswith(_WORDS_TAIL)):
            return
        if rx.flags & (regex.IGNORECASE | regex.VERBOSE):
            return
        alts = src[len(_WORDS_HEAD) : -len(_WORDS_TAIL)].split("|")
        sizes = [len(a) for a in alts]
        if not all(_LITERAL_WORD.fullmatch(a) for a in alts) or sizes != sorted(sizes, reverse=True):
            return
        heads: dict[str, list[str]] = {}
        for a in alts:
            head = a.split("-", 1)[0]
            if head != a:
                heads.setdefault(head, []).append(a)
        self.words = frozenset(alts)
        self.lengths = tuple(sorted(set(sizes), reverse=True))
        self.by_head = {h: tuple(ws) for h, ws in heads.items()}

    def first(self, s: str, low: str, runs: list[tuple[int, str]], starts: list[int], ends: list[int]) -> str | None:
        """The lowercased first match in s, as ``rx.search(s).group(1).lower()`` gives it.

        s must be ASCII and low its lowercase. For an all-lowercase s, ``runs`` holds the
        runs of letters that can begin a word (a word starts and ends where a run does);
        otherwise ``starts`` and ``ends`` hold where a word may start and end.
        """
        words = self.words
        if not starts:
            by_head = self.by_head
            n = len(s)
            for p, run in runs:
                longer = by_head.get(run)
                if longer:
                    for w in longer:
                        e = p + len(w)
                        if s.startswith(w, p) and (e == n or not "a" <= s[e] <= "z"):
                            return w
                if run in words:
                    return run
            return None
        longest = self.lengths[0]
        for p in starts:
            # The longest word wins at a start: try the furthest end first.
            for i in range(bisect.bisect_right(ends, p + longest) - 1, -1, -1):
                e = ends[i]
                if e <= p:
                    break
                w = low[p:e]
                if w in words:
                    return w
        return None


# The shape of vocab._token_pattern; _Words takes its fast path only for patterns built so.
_WORDS_HEAD = "(?:(?<![a-z])|(?<=[a-z])(?=[A-Z]))(?i:("
_WORDS_TAIL = "))(?![a-z])"
_LITERAL_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_LOWER_RUN = re.compile(r"[a-z]+")
_COMMENT_WORDS = _Words(COMMENT_RE)
_NEGATIVE_WORDS = _Words(NEGATIVE_RE)
_POSITIVE_WORDS = _Words(POSITIVE_RE)
# Every run of letters that can begin a match: a lowercase class string without one says
# nothing (None when a pattern has no fast path, so each string goes through its regex).
_RUN_WORDS = (
    frozenset(w.split("-", 1)[0] for v in (_COMMENT_WORDS, _NEGATIVE_WORDS, _POSITIVE_WORDS) for w in v.words)
    if _COMMENT_WORDS.words and _NEGATIVE_WORDS.words and _POSITIVE_WORDS.words
    else None
)


def _class_words(names: str) -> tuple[int, str | None, str | None]:
    """What a class/id string says: (COMMENT/NEG_CLASS/POS_CLASS bits, negative word, positive word)."""
    if _RUN_WORDS is not None and names.isascii():
        low = names.lower()
        runs: list[tuple[int, str]] = []
        starts: list[int] = []
        ends: list[int] = []
        if low == names:
            if _RUN_WORDS.isdisjoint(_LOWER_RUN.findall(names)):
                return 0, None, None
            # Only the runs that can begin a word matter (the patterns fail at every other run).
            runs = [(m.start(), m.group()) for m in _LOWER_RUN.finditer(names) if m.group() in _RUN_WORDS]
        else:
            starts, ends = _word_bounds(names)
        com = _COMMENT_WORDS.first(names, low, runs, starts, ends)
        neg = _NEGATIVE_WORDS.first(names, low, runs, starts, ends)
        pos = _POSITIVE_WORDS.first(names, low, runs, starts, ends)
    else:
        m = COMMENT_RE.search(names)
        com = m.group(1) if m else None
        m = NEGATIVE_RE.search(names)
        neg = m.group(1).lower() if m else None
        m = POSITIVE_RE.search(names)
        pos = m.group(1).lower() if m else None
    bits = (
        (Flag.COMMENT if com is not None else 0)
        | (Flag.NEG_CLASS if neg is not None else 0)
        | (Flag.POS_CLASS if pos is not None else 0)
    )
    return bits, neg, pos


def _word_bounds(s: str) -> tuple[list[int], list[int]]:
    """Where a vocabulary word may start and end in an ASCII string with capitals.

    A word starts at a letter that does not continue a run of lowercase letters, or at
    a capital (a camelCase hump), and ends before anything but a lowercase letter, as
    the patterns' lookarounds say.
    """
    starts = []
    ends = []
    prev_lower = False
    for p, c in enumerate(s):
        if "a" <= c <= "z":
            if not prev_lower:
                starts.append(p)
            prev_lower = True
        else:
            if "A" <= c <= "Z":
                starts.append(p)
            if p:
                ends.append(p)
            prev_lower = False
    ends.append(len(s))
    return starts, ends


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
