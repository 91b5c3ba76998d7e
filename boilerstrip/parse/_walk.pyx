# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The compiled twin of segment._walk: the same walk over Lexbor's C nodes.

segment._walk reads every node through a selectolax wrapper object (tag, attributes,
text_content, first_child, iter), which costs a Python object and a few dict and string
operations per node. This walk follows the C pointers and makes Python strings only for
text and for the attribute values the walk reads. All string work (whitespace folding,
class words, tag paths) is the same Python code, so the output is the same.

Nothing here is built against selectolax: the few struct layouts are mirrored below
from selectolax's lexbor.pxd, and the lexbor functions come as addresses from
selectolax's own loaded module (configure()). segment.py checks both against selectolax
on a probe page before it uses this module (see docs/design.md, "Compiled walker").

count_page, at the end, is the compiled twin of features._count_page.
"""

from cpython.list cimport PyList_Append
from cpython.unicode cimport PyUnicode_AsUTF8AndSize, PyUnicode_DecodeUTF8
from libc.stdint cimport uintptr_t
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcmp


# Mirrors of lexbor's structs (lexbor/core/str.h, lexbor/dom/interfaces/node.h and
# character_data.h), as selectolax's lexbor.pxd declares them.
cdef struct lexbor_str_t:
    unsigned char *data
    size_t length

cdef struct lxb_dom_node_t:
    void *events
    uintptr_t local_name
    uintptr_t prefix
    uintptr_t ns
    void *owner_document
    lxb_dom_node_t *next
    lxb_dom_node_t *prev
    lxb_dom_node_t *parent
    lxb_dom_node_t *first_child
    lxb_dom_node_t *last_child
    void *user
    int type

cdef struct lxb_dom_character_data_t:
    lxb_dom_node_t node
    lexbor_str_t data

ctypedef const unsigned char *(*name_f)(void *obj, size_t *length) noexcept nogil
ctypedef void *(*step_f)(void *obj) noexcept nogil
ctypedef uintptr_t (*id_f)(void *node) noexcept nogil
ctypedef int (*type_f)(void *node) noexcept nogil

# The lexbor functions, set by configure().
cdef name_f _element_qname = NULL  # lxb_dom_element_qualified_name
cdef step_f _first_attr = NULL  # lxb_dom_element_first_attribute_noi
cdef step_f _next_attr = NULL  # lxb_dom_element_next_attribute_noi
cdef name_f _attr_qname = NULL  # lxb_dom_attr_qualified_name
cdef name_f _attr_value = NULL  # lxb_dom_attr_value_noi
# Only for check_layout: the accessor functions the struct fields must agree with.
cdef id_f _tag_id = NULL  # lxb_dom_node_tag_id_noi
cdef type_f _node_type = NULL  # lxb_dom_node_type_noi
cdef step_f _node_first = NULL  # lxb_dom_node_first_child_noi
cdef step_f _node_next = NULL  # lxb_dom_node_next_noi
cdef step_f _node_parent = NULL  # lxb_dom_node_parent_noi

FUNCTIONS = (
    "lxb_dom_element_qualified_name",
    "lxb_dom_element_first_attribute_noi",
    "lxb_dom_element_next_attribute_noi",
    "lxb_dom_attr_qualified_name",
    "lxb_dom_attr_value_noi",
    "lxb_dom_node_tag_id_noi",
    "lxb_dom_node_type_noi",
    "lxb_dom_node_first_child_noi",
    "lxb_dom_node_next_noi",
    "lxb_dom_node_parent_noi",
)

cdef enum:
    TYPE_ELEMENT = 1
    TYPE_TEXT = 3
    # lexbor's ids of the pseudo tags selectolax names "-text", "-document", "-comment",
    # "-doctype" (LXB_TAG__TEXT .. LXB_TAG__EM_DOCTYPE).
    TAG_PSEUDO_FIRST = 2
    TAG_PSEUDO_LAST = 5

# Per-tag facts, worked out once per walk from the tag's name.
cdef enum:
    T_SKIP = 1
    T_BREAK = 2
    T_BLOCK = 4
    T_LINK = 8
    T_HEADER = 16
    T_CELL = 32

# The Python side of segment.py the walk shares, set by configure().
cdef object _class_words = None
cdef object _extend_path = None
cdef dict _tag_flags = None
cdef dict _role_flags = None
cdef object _headings = None
cdef tuple _hidden_style = None
cdef tuple _itemprops = None
cdef long F_PRE = 0
cdef long F_HEADING = 0
cdef long F_TABLE = 0
cdef long F_ARTICLE_MAIN = 0
cdef long F_ARTICLE = 0
# Whitespace-only text outside <pre> may stand as one space (see walk()).
cdef bint _ws_as_space = False

# segment._class_words' tables (None: no fast path, call the Python function).
cdef dict _word_bits = None
cdef frozenset _run_words = None
cdef frozenset _hyphen_heads = None
cdef Py_ssize_t _longest = 0
cdef long _all_bits = 0
cdef long F_NEG = 0
cdef long F_POS = 0
# Which two-letter (and, at a string's end, one-letter) starts are in _PREFIXES.
cdef unsigned char _prefix2[128][128]
cdef unsigned char _prefix1[128]


def configure(dict addresses, *, class_words, extend_path, dict tag_flags, dict role_flags, headings,
              tuple hidden_style, tuple itemprops, long pre, long heading, long table, long article,
              long main, word_bits, run_words, hyphen_heads, prefixes, Py_ssize_t shortest,
              Py_ssize_t longest, long all_bits, long neg, long pos):
    """Hand over the lexbor function addresses and segment.py's tables and helpers."""
    global _element_qname, _first_attr, _next_attr, _attr_qname, _attr_value
    global _tag_id, _node_type, _node_first, _node_next, _node_parent
    global _class_words, _extend_path, _tag_flags, _role_flags, _headings, _hidden_style, _itemprops
    global F_PRE, F_HEADING, F_TABLE, F_ARTICLE_MAIN, F_ARTICLE, _ws_as_space
    global _word_bits, _run_words, _hyphen_heads, _longest, _all_bits, F_NEG, F_POS
    for name in FUNCTIONS:
        if not addresses.get(name):
            raise ValueError(f"no address for {name}")
    _element_qname = <name_f> <uintptr_t> addresses["lxb_dom_element_qualified_name"]
    _first_attr = <step_f> <uintptr_t> addresses["lxb_dom_element_first_attribute_noi"]
    _next_attr = <step_f> <uintptr_t> addresses["lxb_dom_element_next_attribute_noi"]
    _attr_qname = <name_f> <uintptr_t> addresses["lxb_dom_attr_qualified_name"]
    _attr_value = <name_f> <uintptr_t> addresses["lxb_dom_attr_value_noi"]
    _tag_id = <id_f> <uintptr_t> addresses["lxb_dom_node_tag_id_noi"]
    _node_type = <type_f> <uintptr_t> addresses["lxb_dom_node_type_noi"]
    _node_first = <step_f> <uintptr_t> addresses["lxb_dom_node_first_child_noi"]
    _node_next = <step_f> <uintptr_t> addresses["lxb_dom_node_next_noi"]
    _node_parent = <step_f> <uintptr_t> addresses["lxb_dom_node_parent_noi"]
    _class_words = class_words
    _extend_path = extend_path
    _tag_flags = tag_flags
    _role_flags = role_flags
    _headings = headings
    _hidden_style = hidden_style
    _itemprops = itemprops
    F_PRE = pre
    F_HEADING = heading
    F_TABLE = table
    F_ARTICLE = article
    F_ARTICLE_MAIN = article | main
    # PRE comes only from the <pre> tag of a block element, whose start and end flush the
    # text before them; so text outside <pre> is flushed outside <pre>, where only its
    # words count. Checked here rather than assumed: no role or class bit may set PRE.
    _ws_as_space = not any([int(f) & pre for f in role_flags.values()]) and not (all_bits | article) & pre
    _word_bits = None
    F_NEG = neg
    F_POS = pos
    _all_bits = all_bits
    if word_bits is None or shortest != 2 or not all([len(p) <= 2 and p.isascii() for p in prefixes]):
        return
    _run_words = frozenset(run_words)
    _hyphen_heads = frozenset(hyphen_heads)
    _longest = longest
    cdef int i, j
    for i in range(128):
        _prefix1[i] = 0
        for j in range(128):
            _prefix2[i][j] = 0
    for p in prefixes:
        if len(p) == 2 and shortest == 2:
            _prefix2[ord(p[0])][ord(p[1])] = 1
        elif len(p) == 1:
            _prefix1[ord(p[0])] = 1
    _word_bits = dict(word_bits)


def check_layout(size_t root_id, size_t limit=100000):
    """True when the mirrored node struct agrees with lexbor's accessors on root's subtree.

    The subtree is walked with the accessor functions only, so a wrong layout is caught
    here before any pointer read from the mirrored struct is followed.
    """
    if _node_first == NULL:
        return False
    cdef lxb_dom_node_t *root = <lxb_dom_node_t *> root_id
    cdef lxb_dom_node_t *node = root
    cdef size_t seen = 0
    while node != NULL and seen < limit:
        seen += 1
        if (
            node.local_name != _tag_id(node)
            or node.type != _node_type(node)
            or <void *> node.first_child != _node_first(node)
            or <void *> node.next != _node_next(node)
            or <void *> node.parent != _node_parent(node)
        ):
            return False
        if _node_first(node) != NULL:
            node = <lxb_dom_node_t *> _node_first(node)
            continue
        while node != root and _node_next(node) == NULL:
            node = <lxb_dom_node_t *> _node_parent(node)
        if node == root:
            break
        node = <lxb_dom_node_t *> _node_next(node)
    return True


def text_data(size_t node_id, size_t expected_length):
    """A text node's data read through the mirrored struct (None when its length is not the expected one).

    Checking the length first keeps a wrong layout from being followed as a pointer.
    """
    cdef lxb_dom_node_t *node = <lxb_dom_node_t *> node_id
    if node.type != TYPE_TEXT:
        return None
    cdef lexbor_str_t *data = &(<lxb_dom_character_data_t *> node).data
    if data.length != expected_length or data.data == NULL:
        return None
    return PyUnicode_DecodeUTF8(<char *> data.data, data.length, "replace")


cdef inline bint _lower(unsigned char c) noexcept nogil:
    return 97 <= c <= 122


cdef tuple _class_words_c(str names):
    """segment._class_words, the same steps without the interpreter (its regexes as loops)."""
    if _word_bits is None or not names.isascii():
        return _class_words(names)
    cdef Py_ssize_t n = len(names)
    cdef Py_ssize_t size = 0
    cdef const unsigned char *s = <const unsigned char *> PyUnicode_AsUTF8AndSize(names, &size)  # ASCII: no copy
    low = names.lower()
    cdef const unsigned char *l = <const unsigned char *> PyUnicode_AsUTF8AndSize(low, &size)
    cdef long found = 0
    cdef long bits
    cdef object neg = None
    cdef object pos = None
    cdef Py_ssize_t i, p, e, k, a
    cdef list runs
    if memcmp(s, l, n) == 0:
        runs = []
        i = 0
        while i < n:
            if _lower(s[i]):
                a = i
                while i < n and _lower(s[i]):
                    i += 1
                runs.append(low[a:i])
            else:
                i += 1
        if _run_words.isdisjoint(runs):
            return 0, None, None
        if _hyphen_heads.isdisjoint(runs):
            for run in runs:
                bits = (<long> _word_bits.get(run, 0)) & ~found
                if bits:
                    if bits & F_NEG:
                        neg = run
                    if bits & F_POS:
                        pos = run
                    found |= bits
                    if found == _all_bits:
                        break
            return found, neg, pos
    # Where a word may end: before anything but a lowercase letter, or at the end.
    cdef Py_ssize_t *ends = <Py_ssize_t *> malloc((n + 1) * sizeof(Py_ssize_t))
    if ends == NULL:
        raise MemoryError()
    cdef Py_ssize_t n_ends = 0
    try:
        for i in range(n):
            if not _lower(s[i]):
                ends[n_ends] = i
                n_ends += 1
        ends[n_ends] = n
        n_ends += 1
        for p in range(n):
            # A word starts at a capital, or at a lowercase letter no lowercase letter precedes.
            if not (65 <= s[p] <= 90 or (_lower(s[p]) and (p == 0 or not _lower(s[p - 1])))):
                continue
            if p + 1 < n:
                if not _prefix2[l[p]][l[p + 1]]:
                    continue
            elif not _prefix1[l[p]]:
                continue
            # Longest first: the furthest end a word could reach, then nearer ones.
            k = n_ends - 1
            while k >= 0 and ends[k] > p + _longest:
                k -= 1
            while k >= 0:
                e = ends[k]
                if e <= p:
                    break
                word = low[p:e]
                bits = (<long> _word_bits.get(word, 0)) & ~found
                if bits:
                    if bits & F_NEG:
                        neg = word
                    if bits & F_POS:
                        pos = word
                    found |= bits
                k -= 1
            if found == _all_bits:
                break
    finally:
        free(ends)
    return found, neg, pos


def class_words(str names):
    """_class_words_c for tests: the same answer as segment._class_words."""
    return _class_words_c(names)


cdef struct Frame:
    lxb_dom_node_t *next  # the sibling to go on with when the element ends
    bint was_block
    bint saved  # the Python state (tokens, kind, path) was pushed on the object stack
    long flags
    Py_ssize_t elem
    long link_depth
    long depth


# Attributes the walk reads, one bit each.
cdef enum:
    A_HIDDEN = 1
    A_STYLE = 2
    A_ARIA = 4
    A_CLASS = 8
    A_ROLE = 16
    A_ITEMPROP = 32
    A_ID = 64


cdef inline int _attr_bit(const unsigned char *name, size_t n) noexcept nogil:
    # The names are ASCII, and selectolax decodes with errors="replace", so a decoded
    # name equals one of them exactly when its bytes do.
    if n == 5:
        if memcmp(name, b"class", 5) == 0:
            return A_CLASS
        if memcmp(name, b"style", 5) == 0:
            return A_STYLE
    elif n == 2:
        if memcmp(name, b"id", 2) == 0:
            return A_ID
    elif n == 4:
        if memcmp(name, b"role", 4) == 0:
            return A_ROLE
    elif n == 6:
        if memcmp(name, b"hidden", 6) == 0:
            return A_HIDDEN
    elif n == 8:
        if memcmp(name, b"itemprop", 8) == 0:
            return A_ITEMPROP
    elif n == 11:
        if memcmp(name, b"aria-hidden", 11) == 0:
            return A_ARIA
    return 0


cdef inline bint _ascii_space(const unsigned char *data, size_t n) noexcept nogil:
    # Space, tab, LF, VT, FF, CR: whitespace to str.split() and str.strip().
    cdef size_t i
    for i in range(n):
        if not (data[i] == 32 or 9 <= data[i] <= 13):
            return False
    return True


cdef inline object _value(void *attr):
    cdef size_t n = 0
    cdef const unsigned char *v = _attr_value(attr, &n)
    if v == NULL:
        return None
    return PyUnicode_DecodeUTF8(<const char *> v, n, "replace")


cdef class _Walk:
    """The state of one walk (segment._walk's locals)."""

    cdef object seg
    cdef list texts, kinds, link_chars, flag_list, depths, paths, negs, poss, elems, blanks
    cdef list buf
    cdef Py_ssize_t buf_link
    cdef long flags
    cdef object neg_tok, pos_tok, kind, path
    cdef Py_ssize_t elem
    cdef long depth
    cdef Py_ssize_t max_blocks

    cdef int flush(self) except -1:
        if not self.buf:
            return 0
        raw = "".join(self.buf)
        if self.flags & F_PRE:
            out = raw.strip("\n\r")
            if not out.strip():
                out = ""
        else:
            out = " ".join(raw.split())
        if out:
            if len(self.texts) >= self.max_blocks:
                self.seg.truncated = True
                self.seg.overflow.append(out)
            else:
                self.texts.append(out)
                self.kinds.append(self.kind)
                self.link_chars.append(min(self.buf_link, len(out)))
                self.flag_list.append(self.flags | F_HEADING if self.kind in _headings else self.flags)
                self.depths.append(self.depth)
                self.paths.append(self.path)
                self.negs.append(self.neg_tok)
                self.poss.append(self.pos_tok)
                self.elems.append(self.elem)
                self.blanks.append(0)
        self.buf = []
        self.buf_link = 0
        return 0


def walk(size_t start_id, object seg, str kind, long max_depth, Py_ssize_t max_blocks,
         frozenset skip, frozenset block_tags, bint hide):
    """segment._walk over the subtree of the node at start_id (a LexborNode.mem_id).

    The caller keeps the parser (and so the tree) alive for the call.
    """
    if _element_qname == NULL:
        raise RuntimeError("boilerstrip.parse._walk is not configured")
    cdef _Walk w = _Walk()
    w.seg = seg
    w.texts = seg.texts
    w.kinds = seg.kinds
    w.link_chars = seg.link_chars
    w.flag_list = seg.flags
    w.depths = seg.depths
    w.paths = seg.paths
    w.negs = seg.neg_tokens
    w.poss = seg.pos_tokens
    w.elems = seg.elems
    w.blanks = seg.blank_before
    w.buf = []
    w.buf_link = 0
    w.flags = 0
    w.neg_tok = ""
    w.pos_tok = ""
    w.elem = 0
    w.kind = kind
    w.path = kind
    w.depth = 0
    w.max_blocks = max_blocks
    cdef list elem_parent = seg.elem_parent
    cdef list elem_tag = seg.elem_tag
    cdef list elem_class = seg.elem_class
    elem_parent.append(-1)
    elem_tag.append(kind)
    elem_class.append("")
    cdef dict class_memo = {}
    cdef dict path_memo = {}
    # Tag facts by lexbor tag id, valid while the name pointer is the one they were made
    # for (an id can name two spellings, e.g. an SVG element's camelCase name).
    cdef dict tag_cache = {}
    cdef list objects = []  # the saved (neg_tok, pos_tok, kind, path) of open elements

    cdef Frame *stack = NULL
    cdef Py_ssize_t sp = 0
    cdef Py_ssize_t cap = 0
    cdef Frame *grown
    cdef Frame *fr
    cdef lxb_dom_node_t *node = (<lxb_dom_node_t *> start_id).first_child
    cdef lxb_dom_character_data_t *chars
    cdef const unsigned char *name
    cdef size_t name_len = 0
    cdef void *attr
    cdef void *a_style
    cdef void *a_aria
    cdef void *a_class
    cdef void *a_role
    cdef void *a_itemprop
    cdef void *a_id
    cdef int bit, seen, info
    cdef long link_depth = 0
    cdef long tag_flag
    cdef bint is_block
    cdef tuple cached
    try:
        while True:
            while node != NULL:
                if node.type == TYPE_TEXT:
                    chars = <lxb_dom_character_data_t *> node
                    if chars.data.data != NULL and chars.data.length:
                        if _ws_as_space and not w.flags & F_PRE and _ascii_space(chars.data.data, chars.data.length):
                            # Only its words count when flushed: one space says the same.
                            PyList_Append(w.buf, " ")
                        else:
                            content = PyUnicode_DecodeUTF8(<char *> chars.data.data, chars.data.length, "replace")
                            PyList_Append(w.buf, content)
                            if link_depth:
                                w.buf_link += len(content.strip())
                    node = node.next
                    continue
                if node.type != TYPE_ELEMENT or TAG_PSEUDO_FIRST <= node.local_name <= TAG_PSEUDO_LAST:
                    node = node.next
                    continue
                name = _element_qname(node, &name_len)
                if name == NULL:
                    node = node.next
                    continue
                cached = tag_cache.get(node.local_name)
                if cached is None or <size_t> cached[0] != <size_t> name:
                    tag = PyUnicode_DecodeUTF8(<const char *> name, name_len, "replace")
                    info = 0
                    if tag in skip or tag.startswith("-"):
                        info |= T_SKIP
                    if tag == "br" or tag == "hr":
                        info |= T_BREAK
                    if tag in block_tags:
                        info |= T_BLOCK
                    if tag == "a":
                        info |= T_LINK
                    if tag == "header":
                        info |= T_HEADER
                    if tag == "td" or tag == "th":
                        info |= T_CELL
                    cached = (<size_t> name, tag, info, _tag_flags.get(tag) or 0)
                    tag_cache[node.local_name] = cached
                info = cached[2]
                if info & T_SKIP:
                    node = node.next
                    continue
                tag = cached[1]
                # One pass over the attributes; as in a dict, the last of a repeated name wins.
                seen = 0
                a_style = a_aria = a_class = a_role = a_itemprop = a_id = NULL
                attr = _first_attr(node)
                if attr != NULL:
                    seen = 128  # the element has attributes
                while attr != NULL:
                    name = _attr_qname(attr, &name_len)
                    bit = _attr_bit(name, name_len) if name != NULL else 0
                    if bit:
                        seen |= bit
                        if bit == A_CLASS:
                            a_class = attr
                        elif bit == A_ID:
                            a_id = attr
                        elif bit == A_STYLE:
                            a_style = attr
                        elif bit == A_ROLE:
                            a_role = attr
                        elif bit == A_ARIA:
                            a_aria = attr
                        elif bit == A_ITEMPROP:
                            a_itemprop = attr
                    attr = _next_attr(attr)
                if hide and seen & (A_HIDDEN | A_STYLE | A_ARIA):
                    if seen & A_HIDDEN:
                        node = node.next
                        continue
                    if seen & A_ARIA and _value(a_aria) == "true":
                        node = node.next
                        continue
                    if seen & A_STYLE:
                        style = _value(a_style)
                        if style and ("none" in style or "hidden" in style):
                            compact = style.replace(" ", "").lower()
                            if any([s in compact for s in _hidden_style]):
                                node = node.next
                                continue
                if info & T_BREAK:
                    if w.buf:
                        w.flush()
                    node = node.next
                    continue
                if node.first_child == NULL:
                    node = node.next
                    continue
                is_block = (info & T_BLOCK) != 0 and w.depth < max_depth
                if sp == cap:
                    cap = cap * 2 + 64
                    grown = <Frame *> realloc(stack, cap * sizeof(Frame))
                    if grown == NULL:
                        raise MemoryError()
                    stack = grown
                fr = &stack[sp]
                sp += 1
                fr.next = node.next
                fr.was_block = is_block
                fr.flags = w.flags
                fr.elem = w.elem
                fr.link_depth = link_depth
                fr.depth = w.depth
                fr.saved = False
                class_value = None
                if is_block:
                    if w.buf:
                        w.flush()
                    objects.append((w.neg_tok, w.pos_tok, w.kind, w.path))
                    fr.saved = True
                    w.depth += 1
                    elem_parent.append(w.elem)
                    elem_tag.append(tag)
                    if a_class != NULL:
                        class_value = _value(a_class)
                    elem_class.append(class_value or "")
                    w.elem = len(elem_tag) - 1
                    w.kind = tag
                    key = (w.path, tag)
                    next_path = path_memo.get(key)
                    if next_path is None:
                        next_path = path_memo[key] = _extend_path(w.path, tag)
                    w.path = next_path
                    tag_flag = cached[3]
                    if tag_flag:
                        if info & T_HEADER and w.flags & F_ARTICLE_MAIN:
                            tag_flag = 0  # an article's own header holds its title and byline
                        w.flags |= tag_flag
                    if info & T_CELL:
                        w.flags |= F_TABLE
                elif info & T_LINK:
                    link_depth += 1
                if seen:
                    if a_role != NULL:
                        role = _value(a_role)
                        if role:
                            role_flag = _role_flags.get(role.strip().lower())
                            if role_flag:
                                w.flags |= role_flag
                    if a_itemprop != NULL and _value(a_itemprop) in _itemprops:
                        w.flags |= F_ARTICLE
                    if a_class != NULL and class_value is None:
                        class_value = _value(a_class)
                    names = class_value or ""
                    if a_id != NULL:
                        ident = _value(a_id)
                        if ident:
                            names = f"{names} {ident}"
                    if names:
                        hit = class_memo.get(names)
                        if hit is None:
                            hit = class_memo[names] = _class_words_c(names)
                        if hit[0]:
                            w.flags |= hit[0]
                            if hit[1] is not None or hit[2] is not None:
                                if not fr.saved:
                                    objects.append((w.neg_tok, w.pos_tok, w.kind, w.path))
                                    fr.saved = True
                                if hit[1] is not None:
                                    w.neg_tok = hit[1]
                                if hit[2] is not None:
                                    w.pos_tok = hit[2]
                node = node.first_child
            # The children are done: leave their parent and restore its enclosing state.
            if sp == 0:
                break
            sp -= 1
            fr = &stack[sp]
            if fr.was_block and w.buf:
                w.flush()
            w.flags = fr.flags
            w.elem = fr.elem
            link_depth = fr.link_depth
            w.depth = fr.depth
            if fr.saved:
                w.neg_tok, w.pos_tok, w.kind, w.path = objects.pop()
            node = fr.next
        w.flush()
    finally:
        free(stack)


# ---------------------------------------------------------------------------------------
# features._count_page: the per-character counts in one C loop instead of numpy arrays.

from cpython.unicode cimport PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ
from libc.stdint cimport int64_t


def count_page(list texts, stopwords, int64_t[:, :] out, const unsigned short[:] table, dict bits,
               end_search, str end_tail, date_search, stats_one):
    """features._count_page over distinct texts, written into out (one column per text).

    The same counts from the same character table: word starts (a Han/Kana character is a
    word), punctuation, capital word starts, sentence breaks, whitespace tokens and their
    stopwords; the sentence end and dates with the same patterns on the same texts, and
    texts with characters beyond the table with stats_one. See features._count_page.
    """
    cdef unsigned short c_word = bits["word"], c_han = bits["han"], c_upper = bits["upper"]
    cdef unsigned short c_punct = bits["punct"], c_space = bits["space"], c_before = bits["before_mark"]
    cdef unsigned short c_mark = bits["mark"], c_after = bits["after_mark"], c_digit = bits["digit"]
    cdef Py_ssize_t size = table.shape[0]
    cdef Py_ssize_t m = len(texts)
    cdef Py_ssize_t k, i, n
    cdef int kind
    cdef void *data
    cdef Py_UCS4 cp
    cdef unsigned short cls, prev1, prev2
    cdef bint prev_word, prev_space, first
    cdef int64_t nw, punct, caps, brk, tok, total_tokens = 0
    cdef unsigned short space_class = table[32]
    cdef bytearray digit = bytearray(m)
    cdef bytearray outside = bytearray(m)
    cdef str t
    for k in range(m):
        t = texts[k]
        n = len(t)
        kind = PyUnicode_KIND(t)
        data = PyUnicode_DATA(t)
        nw = punct = caps = brk = tok = 0
        prev_word = False
        prev_space = True  # the space joining the texts
        prev1 = prev2 = 0
        for i in range(n):
            cp = PyUnicode_READ(kind, data, i)
            if cp < size:
                cls = table[cp]
            else:
                cls = table[0]
                outside[k] = 1
            first = (cls & c_word) != 0 and not prev_word
            if cls & c_han:
                first = True
            if first:
                nw += 1
                if cls & c_upper:
                    caps += 1
            if cls & c_punct:
                punct += 1
            if cls & c_digit:
                digit[k] = 1
            if not (cls & c_space) and prev_space:
                tok += 1
            if i >= 2 and (prev2 & c_before) and (prev1 & c_mark) and (cls & c_after):
                brk += 1
            prev_word = (cls & c_word) != 0
            prev_space = (cls & c_space) != 0
            prev2 = prev1
            prev1 = cls
        # At the text's end the joining space stands in for its end.
        if n >= 2 and (prev2 & c_before) and (prev1 & c_mark) and (space_class & c_after):
            brk += 1
        out[0, k] = nw
        out[2, k] = punct
        out[3, k] = caps
        out[5, k] = brk
        out[7, k] = tok
        total_tokens += tok
    joined = " ".join(texts) + " "
    cdef list tokens = joined.lower().split()
    cdef Py_ssize_t j = 0
    cdef int64_t hits
    if total_tokens == len(tokens):
        for k in range(m):
            hits = 0
            for i in range(out[7, k]):
                if tokens[j + i] in stopwords:
                    hits += 1
            j += out[7, k]
            out[1, k] = hits if out[0, k] > 0 else 0
    else:
        for k in range(m):
            t = texts[k]
            out[7, k] = len(t.split())
            out[1, k] = sum([w in stopwords for w in t.lower().split()]) if out[0, k] else 0
    cdef Py_ssize_t cut
    for k in range(m):
        t = texts[k]
        cut = len(t.rstrip(end_tail))
        if end_search(t, cut - 1 if cut else 0):
            out[4, k] = 1
    for k in range(m):
        if out[0, k] <= 12 and digit[k] and date_search(texts[k]):
            out[6, k] = 1
    for k in range(m):
        if outside[k]:
            row = stats_one(texts[k], stopwords)
            for i in range(8):
                out[i, k] = row[i]
