# Stub for the compiled walker built from _walk.pyx (absent in a pure-Python install).
from collections.abc import Callable, Container
from typing import Any

FUNCTIONS: tuple[str, ...]

def configure(
    addresses: dict[str, int],
    *,
    class_words: Callable[[str], tuple[int, str | None, str | None]],
    extend_path: Callable[[str, str], str],
    is_link: Callable[[str | None], bool],
    is_panel: Callable[[str | None, bool, str | None, str | None], bool],
    is_slide: Callable[[str | None], bool],
    space_items: Callable[[str], str],
    tag_flags: dict[str, int],
    role_flags: dict[str, int],
    headings: frozenset[str],
    hidden_style: tuple[str, ...],
    itemprops: tuple[str, ...],
    pre: int,
    heading: int,
    table: int,
    article: int,
    main: int,
    word_bits: dict[str, int] | None,
    prefixes: frozenset[str],
    shortest: int,
    longest: int,
    all_bits: int,
    neg: int,
    pos: int,
) -> None: ...
def check_layout(root_id: int, limit: int = ...) -> bool: ...
def text_data(node_id: int, expected_length: int) -> str | None: ...
def check_spaces(limit: int = ...) -> int: ...
def text_ops(data: bytes) -> tuple[bool, str | None, str | None, int | None]: ...
def class_words(names: str) -> tuple[int, str | None, str | None]: ...
def class_words_split(names: str) -> tuple[int, str | None, str | None]: ...
def extended(path: str, tag: str) -> str: ...
def walk(
    start_id: int,
    seg: Any,
    kind: str,
    max_depth: int,
    max_blocks: int,
    skip: frozenset[str],
    block_tags: frozenset[str],
    hide: bool,
    opened: Container[str | None],
) -> None: ...
def may_nest_deeply(data: bytes, limit: int) -> bool: ...
def meta_language(root_id: int) -> str | None: ...
def head_read(head_id: int, root_id: int, holders: tuple[bytes, ...]) -> tuple[str | None, str | None]: ...
def valid_utf8(data: bytes) -> bool: ...
def control_count(data: bytes, end: int) -> int: ...
def encode_utf8(text: str) -> bytes | None: ...
def repeated(texts: list[str], out: Any) -> None: ...
def simple_lower(c: int) -> int: ...
def space_marks(text: str) -> str: ...
def space_marks_in_use() -> bool: ...
def _space_probes() -> list[str]: ...
def count_page(
    texts: list[str],
    stopwords: frozenset[str],
    out: Any,
    table: Any,
    bits: dict[str, int],
    end_search: Callable[..., Any],
    end_tail: str,
    date_search: Callable[..., Any],
    stats_one: Callable[[str, frozenset[str]], tuple[int, ...]],
    end_table: Any = ...,
    month_starts: bytes | None = ...,
    number_search: Callable[[str], Any] | None = ...,
    astral: Callable[[int], tuple[Any, Any]] | None = ...,
    month_words: tuple[str, ...] | None = ...,
) -> None: ...
def ascii_date(text: str, month_starts: bytes, month_words: tuple[str, ...]) -> bool: ...
def strip_raw_text(data: bytes) -> bytes: ...
