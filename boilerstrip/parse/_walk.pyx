# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The compiled twin of segment._walk: the same walk over Lexbor's C nodes.

segment._walk reads every node through a selectolax wrapper object (tag, attributes,
text_content, first_child, iter), which costs a Python object and a few dict and string
operations per node. This walk follows the C pointers and makes Python strings only for
the blocks' texts and for the attribute values the walk reads. A block's text is gathered
as the UTF-8 bytes of its text nodes and folded (str.split's whitespace, see _space_len)
and decoded once; class words and tag paths use segment.py's tables and helpers, so the
output is the same.

Nothing here is built against selectolax: the few struct layouts are mirrored below
from selectolax's lexbor.pxd, and the lexbor functions come as addresses from
selectolax's own loaded module (configure()). segment.py checks both against selectolax
on a probe page before it uses this module (see docs/design.md, "Compiled walker").

count_page, at the end, is the compiled twin of features._count_page.
"""

cimport cython
from cpython.object cimport PyObject
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize
from cpython.unicode cimport PyUnicode_DATA, PyUnicode_DecodeUTF8, PyUnicode_GET_LENGTH, PyUnicode_KIND
from libc.stdint cimport uint8_t, uint16_t, uint32_t, uint64_t, uintptr_t
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memchr, memcmp, memcpy, memset


cdef extern from "Python.h":
    object PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
    PyObject *_list_new "PyList_New"(Py_ssize_t size)
    void _list_set "PyList_SET_ITEM"(PyObject *lst, Py_ssize_t i, PyObject *item)
    void _incref "Py_INCREF"(PyObject *o)
    void _decref "Py_DECREF"(PyObject *o)
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch)
    Py_UCS4 Py_UNICODE_TOLOWER(Py_UCS4 ch)
    bint PyUnicode_IS_ASCII(object o)


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
    TAG_TEXT = 2  # lexbor's LXB_TAG__TEXT (check_layout reads the same ids through lexbor)
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
    T_HEADING = 64  # a heading's tag (_headings): its blocks get F_HEADING

# The Python side of segment.py the walk shares, set by configure().
cdef object _class_words = None
cdef object _extend_path = None
cdef object _is_link = None
cdef object _is_panel = None
cdef object _is_slide = None
cdef object _space_items = None
cdef bint _own_space_items = False  # space_marks stands in for _space_items (configure checks them alike)
cdef dict _tag_flags = None
cdef dict _role_flags = None
cdef object _headings = None
cdef tuple _hidden_style = None
# _hidden_style's patterns as bytes for _style_hides (session 19); _style_count -1 when they are
# not all ASCII (or too many), and _hidden_by then asks Python.
cdef enum:
    STYLE_SLOTS = 8
cdef list _style_keep = []
cdef const unsigned char *_style_pat[STYLE_SLOTS]
cdef Py_ssize_t _style_len[STYLE_SLOTS]
cdef Py_ssize_t _style_count = -1
cdef tuple _itemprops = None
cdef long F_PRE = 0
cdef long F_HEADING = 0
cdef long F_TABLE = 0
cdef long F_ARTICLE_MAIN = 0
cdef long F_ARTICLE = 0
# Whitespace-only text outside <pre> may stand as one space (see walk()).
cdef bint _ws_as_space = False

# The tag path of a block element from its parent's path and its tag (segment._extend_path),
# kept from page to page: templates and sites share most of their paths, and building a path
# is a Python call. A dict of paths, each a dict of tags; emptied when it holds over
# PATH_MEMO_SIZE paths (a few hundred KB).
cdef dict _path_memo = {}
cdef enum:
    PATH_MEMO_SIZE = 4096
# segment._extend_path of ASCII strs in C (session 22): a path with _path_cut ">"s or more
# keeps its last tag, others all of it, then ">" and the tag. configure learns _path_cut
# from extend_path and checks the C path against it (0: extend_path is called).
cdef Py_ssize_t _path_cut = 0

# segment._is_panel's answers by its arguments (the attribute values of a hidden element, which
# a page repeats: a menu's hidden submenus, a slider's slides): a Python call of some 12,000
# instructions each. Emptied by configure and when it outgrows PATH_MEMO_SIZE.
cdef dict _panel_memo = {}
# segment._names_slide's answers by class value (aria-hidden elements: icons mostly, a few names a page).
cdef dict _slide_memo = {}

# segment._class_words' words in a C hash table (_words_ready False: no fast path, call
# the Python function). Open addressing on a hash of the word's length and letters.
cdef struct Word:
    const unsigned char *data  # the word's bytes, kept alive by _word_keep
    Py_ssize_t length
    long bits
    PyObject *text  # the word as a str, kept alive by _word_keep

cdef enum:
    WORD_SLOTS = 256  # a power of two, over twice the words
cdef Word _words[WORD_SLOTS]
cdef list _word_keep = None
cdef bint _words_ready = False
cdef Py_ssize_t _longest = 0
cdef long _all_bits = 0
cdef long F_NEG = 0
cdef long F_POS = 0
# The lengths (a bit each) of the words that start with two given letters of [a-z-]
# (see _letter): segment._PREFIXES, with the lengths that can follow each.
cdef uint64_t _starts[27][27]


def configure(dict addresses, *, class_words, extend_path, is_link, is_panel, is_slide, space_items, dict tag_flags, dict role_flags, headings,
              tuple hidden_style, tuple itemprops, long pre, long heading, long table, long article,
              long main, word_bits, prefixes, Py_ssize_t shortest,
              Py_ssize_t longest, long all_bits, long neg, long pos):
    """Hand over the lexbor function addresses and segment.py's tables and helpers."""
    global _element_qname, _first_attr, _next_attr, _attr_qname, _attr_value
    global _tag_id, _node_type, _node_first, _node_next, _node_parent
    global _class_words, _extend_path, _is_link, _is_panel, _is_slide, _space_items, _tag_flags, _role_flags, _headings, _hidden_style, _itemprops
    global F_PRE, F_HEADING, F_TABLE, F_ARTICLE_MAIN, F_ARTICLE, _ws_as_space
    global _words_ready, _word_keep, _longest, _all_bits, F_NEG, F_POS
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
    _path_memo.clear()
    global _path_cut
    _path_cut = 0
    for k in range(1, 16):
        if extend_path(">".join(["a"] * (k + 1)), "t") == "a>t":
            _path_cut = k
            break
    if _path_cut and not all([_extended(p, t) == extend_path(p, t) for p in _path_probes() for t in ("p", "li", "h2", "x-y")]):
        _path_cut = 0
    _is_link = is_link
    _is_panel = is_panel
    _is_slide = is_slide
    _slide_memo.clear()
    _panel_memo.clear()
    _space_items = space_items
    global _own_space_items
    _own_space_items = all([space_marks(t) == space_items(t) for t in _space_probes()])
    _tag_flags = tag_flags
    _role_flags = role_flags
    _headings = headings
    _hidden_style = hidden_style
    global _style_keep, _style_count
    _style_count = -1
    _style_keep = []
    if len(hidden_style) <= STYLE_SLOTS and all([isinstance(h, str) and h.isascii() and h for h in hidden_style]):
        for h in hidden_style:
            _style_keep.append((<str> h).encode("ascii"))
        for k in range(len(_style_keep)):
            _style_pat[<Py_ssize_t> k] = <const unsigned char *> (<bytes> _style_keep[k])
            _style_len[<Py_ssize_t> k] = len(<bytes> _style_keep[k])
        _style_count = len(_style_keep)
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
    _words_ready = False
    global _tokens_ok
    _tokens_ok = False
    _clear_names()
    F_NEG = neg
    F_POS = pos
    _all_bits = all_bits
    if word_bits is None or shortest != 2 or not all([len(p) <= 2 and p.isascii() for p in prefixes]):
        return
    if len(word_bits) * 2 > WORD_SLOTS or longest > 63:
        return
    for word in word_bits:
        if not (word.isascii() and word.islower() and 2 <= len(word) <= longest and word[:2] in prefixes):
            return
    _longest = longest
    cdef int i, j
    cdef Word *slot
    cdef bytes data
    for i in range(WORD_SLOTS):
        _words[i].data = NULL
        _words[i].length = 0
    _word_keep = []
    for word, bits in word_bits.items():
        data = word.encode("ascii")
        _word_keep.append(data)
        _word_keep.append(word)
        j = _word_hash(data, len(data))
        while _words[j].data != NULL:
            j = (j + 1) & (WORD_SLOTS - 1)
        slot = &_words[j]
        slot.data = data
        slot.length = len(data)
        slot.bits = bits
        slot.text = <PyObject *> word
    # Every word has two letters or more, and its first two are in prefixes (checked
    # above): a start whose first two letters no word has can be skipped, as
    # _class_words skips starts outside _PREFIXES.
    for i in range(27):
        for j in range(27):
            _starts[i][j] = 0
    for word in word_bits:
        _starts[_letter(ord(word[0]))][_letter(ord(word[1]))] |= (<uint64_t> 1) << len(word)
    _words_ready = True
    # A word with whitespace in it could span two names: then no answers by name.
    _tokens_ok = not any([any([c in " \t\n\v\f\r" for c in word]) for word in word_bits])


cdef inline bint _lower_is(const unsigned char *s, size_t n, const char *word, size_t m) noexcept nogil:
    """s[:n] ASCII-lowercased == word[:m] (word lowercase), as lexbor's "i" attribute match has it."""
    cdef size_t i
    if n != m:
        return False
    for i in range(n):
        if _lc(s[i]) != <unsigned char> word[i]:
            return False
    return True


cdef inline bint _name_is(void *attr, const char *word, size_t m) noexcept nogil:
    cdef size_t n = 0
    cdef const unsigned char *name = _attr_qname(attr, &n)
    return name != NULL and n == m and memcmp(name, word, m) == 0


cdef inline lxb_dom_node_t *_preorder_next(lxb_dom_node_t *node, lxb_dom_node_t *root) noexcept nogil:
    """The node after node in document order below root (its first child, else the next sibling
    of it or of its nearest ancestor below root that has one), or NULL at the subtree's end."""
    if node.first_child != NULL:
        return node.first_child
    while node != root and node.next == NULL:
        node = node.parent
    if node == root:
        return NULL
    return node.next


def meta_language(size_t root_id):
    """segment._meta_language of the tree whose root element is at root_id (session 19).

    root.css_first('meta[http-equiv="content-language" i]').attributes.get("content")
    without the CSS engine (its selector parse and matcher cost ~100,000 instructions a
    page): the first <meta> below root, in document order, whose first http-equiv attribute
    is "content-language" in any ASCII case; then its last content attribute's value, as
    selectolax decodes it (None without a value or without the attribute).
    """
    if _element_qname == NULL:
        raise RuntimeError("boilerstrip.parse._walk is not configured")
    cdef lxb_dom_node_t *root = <lxb_dom_node_t *> root_id
    cdef lxb_dom_node_t *node = root.first_child
    cdef const unsigned char *name
    cdef const unsigned char *value
    cdef size_t n = 0
    cdef void *attr
    cdef void *content
    while node != NULL:
        if node.type == TYPE_ELEMENT:
            name = _element_qname(node, &n)
            if name != NULL and n == 4 and memcmp(name, b"meta", 4) == 0:
                attr = _first_attr(node)
                while attr != NULL and not _name_is(attr, b"http-equiv", 10):
                    attr = _next_attr(attr)
                if attr != NULL:
                    value = _attr_value(attr, &n)
                    if value != NULL and _lower_is(value, n, b"content-language", 16):
                        content = NULL
                        attr = _first_attr(node)
                        while attr != NULL:
                            if _name_is(attr, b"content", 7):
                                content = attr
                            attr = _next_attr(attr)
                        return _value(content) if content != NULL else None
        node = _preorder_next(node, root)
    return None


cdef inline bint _qname_is(lxb_dom_node_t *node, const char *word, size_t m) noexcept nogil:
    cdef size_t n = 0
    cdef const unsigned char *name = _element_qname(node, &n)
    return name != NULL and n == m and memcmp(name, word, m) == 0


def head_read(size_t head_id, size_t root_id, tuple holders):
    """segment._head_read of the tree whose head and root elements are at head_id and root_id (0: None).

    (found, title, lang) on lexbor's nodes, without a LexborNode, an attribute dict or the CSS
    engine: found when a <title> is among head's children before any of holders (ASCII
    names, as bytes), title its text (its text nodes' bytes joined, decoded as selectolax
    does), lang the root <html>'s last lang attribute, or when that is empty its last
    xml:lang, or when that is empty too meta_language's (session 19).
    """
    if _element_qname == NULL:
        raise RuntimeError("boilerstrip.parse._walk is not configured")
    cdef lxb_dom_node_t *head = <lxb_dom_node_t *> head_id
    cdef lxb_dom_node_t *root = <lxb_dom_node_t *> root_id
    cdef lxb_dom_node_t *node
    cdef lxb_dom_node_t *title = NULL
    cdef lxb_dom_character_data_t *chars
    cdef void *attr
    cdef void *a_lang = NULL
    cdef void *a_xml = NULL
    cdef bint held
    cdef bytearray joined
    text = None
    lang = None
    if head != NULL:
        node = head.first_child
        while node != NULL:
            if node.type == TYPE_ELEMENT:
                if _qname_is(node, b"title", 5):
                    title = node
                    break
                held = False
                for h in holders:
                    if _qname_is(node, <const char *> (<bytes> h), len(<bytes> h)):
                        held = True
                if held:
                    break
            node = node.next
    if title == NULL and root != NULL:
        # tree.css_first("title"): the first <title> below the root, in any namespace.
        node = root.first_child
        while node != NULL:
            if node.type == TYPE_ELEMENT and _qname_is(node, b"title", 5):
                title = node
                break
            node = _preorder_next(node, root)
    if title != NULL:
        joined = bytearray()
        node = title.first_child
        while node != NULL:
            if node.local_name == TAG_TEXT:  # what selectolax's text() joins
                chars = <lxb_dom_character_data_t *> node
                if chars.data.data != NULL:
                    joined += (<const char *> chars.data.data)[:chars.data.length]
            node = _preorder_next(node, title)
        text = PyUnicode_DecodeUTF8(<const char *> (<char *> joined), len(joined), "replace")
    if root != NULL:
        if root.type == TYPE_ELEMENT and _qname_is(root, b"html", 4):
            attr = _first_attr(root)
            while attr != NULL:
                if _name_is(attr, b"lang", 4):
                    a_lang = attr
                elif _name_is(attr, b"xml:lang", 8):
                    a_xml = attr
                attr = _next_attr(attr)
            if a_lang != NULL:
                lang = _value(a_lang)
            if not lang and a_xml != NULL:
                lang = _value(a_xml)
        if not lang:
            lang = meta_language(root_id)
    return text, lang


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


# ---------------------------------------------------------------------------------------
# Block text as UTF-8 bytes. segment._walk joins its text nodes' strings and folds them
# with str.split() (or strips "\n\r" in <pre>), and counts link text as
# len(content.strip()). On valid UTF-8 the same can be done on the bytes: these helpers
# know str.isspace's characters in UTF-8 (check_spaces() proves it against the running
# Python's own table), and text that is not valid UTF-8 goes through Python's decoder
# first, so the bytes gathered are always valid.

cdef inline Py_ssize_t _space_len(const unsigned char *s, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """The bytes of the whitespace character (str.isspace) at s[i], or 0 (s valid UTF-8)."""
    cdef unsigned char c = s[i]
    if c < 0x80:
        # Tab, LF, VT, FF, CR, the file/group/record/unit separators and space.
        return 1 if (9 <= c <= 13 or 28 <= c <= 32) else 0
    if c == 0xC2:  # U+0085, U+00A0
        return 2 if i + 1 < n and (s[i + 1] == 0x85 or s[i + 1] == 0xA0) else 0
    if i + 2 >= n:
        return 0
    if c == 0xE2:
        if s[i + 1] == 0x80:  # U+2000-U+200A, U+2028, U+2029, U+202F
            c = s[i + 2]
            return 3 if (0x80 <= c <= 0x8A or c == 0xA8 or c == 0xA9 or c == 0xAF) else 0
        return 3 if s[i + 1] == 0x81 and s[i + 2] == 0x9F else 0  # U+205F
    if c == 0xE1:  # U+1680
        return 3 if s[i + 1] == 0x9A and s[i + 2] == 0x80 else 0
    if c == 0xE3:  # U+3000
        return 3 if s[i + 1] == 0x80 and s[i + 2] == 0x80 else 0
    return 0


cdef inline Py_ssize_t _char_len(unsigned char c) noexcept nogil:
    """The bytes of the UTF-8 character that starts with c."""
    if c < 0x80:
        return 1
    if c < 0xE0:
        return 2
    if c < 0xF0:
        return 3
    return 4


cdef inline bint _cont(unsigned char c) noexcept nogil:
    return 0x80 <= c <= 0xBF


cdef extern from *:
    """
    #include <stdint.h>
    #include <string.h>
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif
    /* _valid_utf8's ASCII run: the first byte from s + i (up to n) that is not ASCII, else n;
       32 bytes at a time (SSE2: the sign bits of two vectors OR-ed), then 8, then one by one. */
    static Py_ssize_t bs_ascii_end(const unsigned char *s, Py_ssize_t i, Py_ssize_t n) {
        uint64_t word;
    #if defined(__SSE2__)
        for (; i + 32 <= n; i += 32) {
            __m128i a = _mm_loadu_si128((const __m128i *)(s + i));
            __m128i b = _mm_loadu_si128((const __m128i *)(s + i + 16));
            if (_mm_movemask_epi8(_mm_or_si128(a, b))) break;
        }
    #endif
        for (; i + 8 <= n; i += 8) {
            memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL) break;
        }
        while (i < n && s[i] < 0x80) i++;
        return i;
    }
    """
    Py_ssize_t bs_ascii_end(const unsigned char *s, Py_ssize_t i, Py_ssize_t n) noexcept nogil


cdef bint _valid_utf8(const unsigned char *s, Py_ssize_t n) noexcept nogil:
    """True when s is UTF-8 that Python's strict decoder accepts (no surrogates, overlongs, > U+10FFFF).

    Runs of ASCII are skipped 32 bytes at a time (bs_ascii_end; session 24, 8 at a time before)."""
    cdef Py_ssize_t i = 0
    cdef unsigned char c
    while i < n:
        c = s[i]
        if c < 0x80:
            i = bs_ascii_end(s, i + 1, n)
        elif c < 0xC2:
            return False
        elif c < 0xE0:
            if i + 1 >= n or not _cont(s[i + 1]):
                return False
            i += 2
        elif c < 0xF0:
            if i + 2 >= n or not _cont(s[i + 2]):
                return False
            if c == 0xE0:
                if not (0xA0 <= s[i + 1] <= 0xBF):
                    return False
            elif c == 0xED:
                if not (0x80 <= s[i + 1] <= 0x9F):
                    return False
            elif not _cont(s[i + 1]):
                return False
            i += 3
        elif c < 0xF5:
            if i + 3 >= n or not _cont(s[i + 2]) or not _cont(s[i + 3]):
                return False
            if c == 0xF0:
                if not (0x90 <= s[i + 1] <= 0xBF):
                    return False
            elif c == 0xF4:
                if not (0x80 <= s[i + 1] <= 0x8F):
                    return False
            elif not _cont(s[i + 1]):
                return False
            i += 4
        else:
            return False
    return True


cdef Py_ssize_t _stripped_chars(const unsigned char *s, Py_ssize_t n) noexcept nogil:
    """len(text.strip()) of valid UTF-8 s, in characters.

    The whitespace is stripped from each end (a character read back from the end starts at the
    last byte that is no continuation byte), and the characters between are the bytes that are
    no continuation bytes, eight at a time where all are ASCII (session 18).
    """
    cdef Py_ssize_t start = 0, end = n, k, a, count
    cdef uint64_t word
    while start < n:
        k = _space_len(s, start, n)
        if not k:
            break
        start += k
    if start >= n:
        return 0
    while end > start:
        a = end - 1
        while a > start and _cont(s[a]):
            a -= 1
        if _space_len(s, a, n) != end - a:
            break
        end = a
    count = 0
    a = start
    while a + 8 <= end:
        memcpy(&word, s + a, 8)
        if word & 0x8080808080808080ULL:
            break
        count += 8
        a += 8
    while a < end:
        if not _cont(s[a]):
            count += 1
        a += 1
    return count


cdef extern from *:
    """
    #include <stdint.h>
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif
    /* _fold's plain stretch: how many bytes from s + i (16 at a time, up to n) fold to themselves
       after a character that is no space, moved to s + j (j <= i). A stretch of 16 folds so when
       every byte is printable ASCII or a space (32..127), no two spaces stand together and its
       last byte is no space: each space stands between two characters of words. */
    static Py_ssize_t bs_fold_plain(unsigned char *s, Py_ssize_t i, Py_ssize_t j, Py_ssize_t n) {
        Py_ssize_t r = 0;
    #if defined(__SSE2__)
        const __m128i below = _mm_set1_epi8(31), space = _mm_set1_epi8(32);
        for (; i + r + 16 <= n; r += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + i + r));
            unsigned int sp;
            if (_mm_movemask_epi8(_mm_cmpgt_epi8(v, below)) != 0xFFFF) break;
            sp = (unsigned int)_mm_movemask_epi8(_mm_cmpeq_epi8(v, space));
            if ((sp & (sp >> 1)) || (sp & 0x8000)) break;
            if (j != i) _mm_storeu_si128((__m128i *)(s + j + r), v);
        }
    #endif
        return r;
    }
    """
    Py_ssize_t bs_fold_plain(unsigned char *s, Py_ssize_t i, Py_ssize_t j, Py_ssize_t n) noexcept nogil


cdef extern from *:
    """
    #include <stdint.h>
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif
    /* repeated's test of a two-byte text for U+0130 or U+03A3: whether s[:n] holds x or y, eight
       characters at a time. */
    static int bs_u16_has2(const uint16_t *s, Py_ssize_t n, uint16_t x, uint16_t y) {
        Py_ssize_t i = 0;
    #if defined(__SSE2__)
        const __m128i vx = _mm_set1_epi16((short)x), vy = _mm_set1_epi16((short)y);
        for (; i + 8 <= n; i += 8) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            if (_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi16(v, vx), _mm_cmpeq_epi16(v, vy)))) return 1;
        }
    #endif
        for (; i < n; i++) {
            if (s[i] == x || s[i] == y) return 1;
        }
        return 0;
    }
    """
    int bs_u16_has2(const uint16_t *s, Py_ssize_t n, uint16_t x, uint16_t y) noexcept nogil


cdef extern from *:
    """
    #include <stdint.h>
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif
    /* _scan's lowercase run in a one-byte text: the end of the run of "a".."z" from s + j (up to
       n), 16 bytes at a time while 16 are left, then byte by byte. As signed bytes those past
       ASCII are negative, so "greater than 96 and less than 123" is "a".."z". */
    static Py_ssize_t bs_lower_run(const uint8_t *s, Py_ssize_t j, Py_ssize_t n) {
    #if defined(__SSE2__)
        const __m128i lo = _mm_set1_epi8(96), hi = _mm_set1_epi8(123);
        for (; j + 16 <= n; j += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + j));
            unsigned int m = (unsigned int)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, lo), _mm_cmplt_epi8(v, hi)));
            if (m != 0xFFFF) return j + __builtin_ctz(~m);
        }
    #endif
        while (j < n && (unsigned int)(s[j] - 97) < 26) j++;
        return j;
    }
    /* The same in a two-byte text, 8 characters at a time (those from 0x8000 are negative). */
    static Py_ssize_t bs_lower_run16(const uint16_t *s, Py_ssize_t j, Py_ssize_t n) {
    #if defined(__SSE2__)
        const __m128i lo = _mm_set1_epi16(96), hi = _mm_set1_epi16(123);
        for (; j + 8 <= n; j += 8) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + j));
            unsigned int m = (unsigned int)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi16(v, lo), _mm_cmplt_epi16(v, hi)));
            if (m != 0xFFFF) return j + (__builtin_ctz(~m) >> 1);
        }
    #endif
        while (j < n && (unsigned int)(s[j] - 97) < 26) j++;
        return j;
    }
    """
    Py_ssize_t bs_lower_run(const uint8_t *s, Py_ssize_t j, Py_ssize_t n) noexcept nogil
    Py_ssize_t bs_lower_run16(const uint16_t *s, Py_ssize_t j, Py_ssize_t n) noexcept nogil


cdef Py_ssize_t _fold(unsigned char *s, Py_ssize_t n, bint *wide) noexcept nogil:
    """" ".join(text.split()) of valid UTF-8 s, in place; returns its length in bytes.

    After each character of a word, a stretch of prose that folds to itself (bs_fold_plain)
    is passed 16 bytes at a time. wide is set when a character beyond ASCII is kept."""
    cdef Py_ssize_t i = 0, j = 0, k
    cdef bint gap = False
    cdef unsigned char c
    while i < n:
        c = s[i]
        if c < 0x80:
            if 9 <= c <= 13 or 28 <= c <= 32:
                i += 1
                gap = j > 0
            else:
                if gap:
                    s[j] = 32
                    j += 1
                    gap = False
                s[j] = c
                i += 1
                j += 1
                k = bs_fold_plain(s, i, j, n)
                i += k
                j += k
            continue
        k = _space_len(s, i, n)
        if k:
            i += k
            gap = j > 0
            continue
        if gap:
            s[j] = 32
            j += 1
            gap = False
        wide[0] = True
        k = _char_len(c)
        while k and i < n:
            s[j] = s[i]
            i += 1
            j += 1
            k -= 1
    return j


cdef str _fold_str(unsigned char *s, Py_ssize_t n):
    """" ".join(text.split()) of valid UTF-8 s as a str (s is folded in place).

    Folded text that is all ASCII (most blocks) is copied into a new str as it is: the
    decoder's checks and its call would add nothing (session 19).
    """
    cdef bint wide = False
    cdef Py_ssize_t m = _fold(s, n, &wide)
    if wide:
        return PyUnicode_DecodeUTF8(<char *> s, m, NULL)
    out = PyUnicode_New(m, 127)
    memcpy(PyUnicode_DATA(out), s, m)
    return out


cdef bint _all_space(const unsigned char *s, Py_ssize_t n) noexcept nogil:
    """not text.strip() of valid UTF-8 s."""
    cdef Py_ssize_t i = 0, k
    while i < n:
        k = _space_len(s, i, n)
        if not k:
            return False
        i += k
    return True


def valid_utf8(const unsigned char[:] data):
    """Whether data is UTF-8 that bytes.decode("utf-8") accepts, without building the str.

    decode._is_utf8's twin: a page's bytes can go to the parser as they are once this holds.
    """
    if data.shape[0] == 0:
        return True
    return _valid_utf8(&data[0], data.shape[0])


cdef extern from "Python.h":
    PyObject *_bytes_new "PyBytes_FromStringAndSize"(const char *v, Py_ssize_t n)
    int _PyBytes_Resize(PyObject **bytes, Py_ssize_t newsize)
    char *_bytes_data "PyBytes_AS_STRING"(PyObject *o)
    void Py_XDECREF(PyObject *o)


cdef extern from *:
    """
    #include <stdint.h>
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif
    /* The ASCII characters that open s (up to n), written as bytes at p; how many. 16 at a
       time with SSE2; the block that holds the first wider character gives its ASCII head too
       (its 16 bytes are written, those past the head are written over later: p has room for
       n), so that a character past 127 costs its own step only. */
    static Py_ssize_t bs_ascii_run1(const uint8_t *s, Py_ssize_t n, unsigned char *p) {
        Py_ssize_t i = 0;
    #if defined(__SSE2__)
        for (; i + 16 <= n; i += 16) {
            __m128i a = _mm_loadu_si128((const __m128i *)(s + i));
            int m = _mm_movemask_epi8(a);
            _mm_storeu_si128((__m128i *)(p + i), a);
            if (m) return i + __builtin_ctz((unsigned)m);
        }
    #endif
        return i;
    }
    static Py_ssize_t bs_ascii_run2(const uint16_t *s, Py_ssize_t n, unsigned char *p) {
        Py_ssize_t i = 0;
    #if defined(__SSE2__)
        const __m128i high = _mm_set1_epi16((short)0xFF80);
        const __m128i zero = _mm_setzero_si128();
        for (; i + 16 <= n; i += 16) {
            __m128i a = _mm_loadu_si128((const __m128i *)(s + i));
            __m128i b = _mm_loadu_si128((const __m128i *)(s + i + 8));
            __m128i o = _mm_and_si128(_mm_or_si128(a, b), high);
            _mm_storeu_si128((__m128i *)(p + i), _mm_packus_epi16(a, b));
            if (_mm_movemask_epi8(_mm_cmpeq_epi8(o, zero)) != 0xFFFF) {
                /* Two mask bits a character: the ASCII ones are set. */
                unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(a, high), zero))
                    | ((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(b, high), zero)) << 16);
                return i + (__builtin_ctz(~m) >> 1);
            }
        }
    #endif
        return i;
    }
    static Py_ssize_t bs_ascii_run4(const uint32_t *s, Py_ssize_t n, unsigned char *p) {
        Py_ssize_t i = 0;
    #if defined(__SSE2__)
        const __m128i high = _mm_set1_epi32((int)0xFFFFFF80);
        const __m128i zero = _mm_setzero_si128();
        for (; i + 16 <= n; i += 16) {
            __m128i a = _mm_loadu_si128((const __m128i *)(s + i));
            __m128i b = _mm_loadu_si128((const __m128i *)(s + i + 4));
            __m128i c = _mm_loadu_si128((const __m128i *)(s + i + 8));
            __m128i d = _mm_loadu_si128((const __m128i *)(s + i + 12));
            __m128i o = _mm_and_si128(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)), high);
            _mm_storeu_si128((__m128i *)(p + i), _mm_packus_epi16(_mm_packs_epi32(a, b), _mm_packs_epi32(c, d)));
            if (_mm_movemask_epi8(_mm_cmpeq_epi8(o, zero)) != 0xFFFF) {
                /* Four mask bits a character: the ASCII ones are set. */
                uint64_t m = (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi32(_mm_and_si128(a, high), zero))
                    | ((uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi32(_mm_and_si128(b, high), zero)) << 16)
                    | ((uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi32(_mm_and_si128(c, high), zero)) << 32)
                    | ((uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi32(_mm_and_si128(d, high), zero)) << 48);
                return i + (__builtin_ctzll(~m) >> 2);
            }
        }
    #endif
        return i;
    }
    """
    Py_ssize_t bs_ascii_run1(const uint8_t *s, Py_ssize_t n, unsigned char *p) noexcept nogil
    Py_ssize_t bs_ascii_run2(const uint16_t *s, Py_ssize_t n, unsigned char *p) noexcept nogil
    Py_ssize_t bs_ascii_run4(const uint32_t *s, Py_ssize_t n, unsigned char *p) noexcept nogil


def encode_utf8(str text):
    """text.encode("utf-8"), or None when text holds a surrogate (which that refuses).

    decode's twin for a str page of 1, 2 or 4 bytes a character: CPython encodes one
    character at a time; here runs of ASCII are copied 16 characters at once with SSE2, to
    the first wider character (8 without; the page's markup), into a buffer sized for a few
    multi-byte characters that grows, at most once, to the worst case of the rest when they
    are more. A page mostly of multi-byte characters
    (by its first 4,096, or more than an eighth of its first half) goes to CPython's encoder.
    """
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, used, cap, j
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    cdef const uint8_t *d1 = <const uint8_t *> data
    cdef const uint16_t *d2 = <const uint16_t *> data
    cdef const uint32_t *d4 = <const uint32_t *> data
    cdef uint32_t c
    cdef uint64_t w0, w1
    cdef unsigned char *p
    cdef unsigned char *end
    cdef PyObject *raw
    cdef Py_ssize_t head = min(n, 4096), wide = 0
    if PyUnicode_IS_ASCII(text):
        return text.encode("utf-8")
    for j in range(head):
        wide += (d1[j] if kind == 1 else d2[j] if kind == 2 else d4[j]) >= 0x80
    if wide * 4 > head:
        # Mostly not ASCII (Cyrillic, Greek, Chinese): CPython's encoder is the faster there.
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            return None
    cap = n + (n >> 3) + 64
    raw = _bytes_new(NULL, cap)
    if raw == NULL:
        raise MemoryError()
    p = <unsigned char *> _bytes_data(raw)
    end = p + cap
    while i < n:
        if end - p < 64:
            if i < n // 2:
                Py_XDECREF(raw)
                try:
                    return text.encode("utf-8")
                except UnicodeEncodeError:
                    return None
            # The rest at its worst (4 bytes a character), once.
            used = p - <unsigned char *> _bytes_data(raw)
            cap = used + 4 * (n - i) + 64
            if _PyBytes_Resize(&raw, cap) < 0:
                raise MemoryError()
            p = <unsigned char *> _bytes_data(raw) + used
            end = p - used + cap
        if i + 16 <= n:
            # A run of ASCII: 16 characters a step with SSE2 (none without it), up to the
            # first wider character.
            j = (bs_ascii_run1(d1 + i, min(n - i, end - p), p) if kind == 1
                 else bs_ascii_run2(d2 + i, min(n - i, end - p), p) if kind == 2
                 else bs_ascii_run4(d4 + i, min(n - i, end - p), p))
            if j:
                p += j
                i += j
                continue
        if i + 8 <= n:
            if kind == 1:
                memcpy(&w0, d1 + i, 8)
                if not (w0 & 0x8080808080808080ULL):
                    memcpy(p, &w0, 8)
                    p += 8
                    i += 8
                    continue
            elif kind == 2:
                memcpy(&w0, d2 + i, 8)
                memcpy(&w1, d2 + i + 4, 8)
                if not ((w0 | w1) & 0xFF80FF80FF80FF80ULL):
                    for j in range(8):
                        p[j] = <unsigned char> d2[i + j]
                    p += 8
                    i += 8
                    continue
            else:
                memcpy(&w0, d4 + i, 8)
                memcpy(&w1, d4 + i + 2, 8)
                if not ((w0 | w1) & 0xFFFFFF80FFFFFF80ULL):
                    for j in range(4):
                        p[j] = <unsigned char> d4[i + j]
                    p += 4
                    i += 4
                    continue
        c = d1[i] if kind == 1 else d2[i] if kind == 2 else d4[i]
        i += 1
        if (c >> 11) == 0x1B:  # U+D800-U+DFFF
            Py_XDECREF(raw)
            return None
        p = _put_utf8(p, c)
    used = p - <unsigned char *> _bytes_data(raw)
    if _PyBytes_Resize(&raw, used) < 0:
        raise MemoryError()
    out = <object> raw
    Py_XDECREF(raw)
    return out


cdef inline unsigned char *_put_utf8(unsigned char *p, uint32_t c) noexcept nogil:
    """Write the UTF-8 of code point c (no surrogate) at p; return the end."""
    if c < 0x80:
        p[0] = c
        return p + 1
    if c < 0x800:
        p[0] = 0xC0 | (c >> 6)
        p[1] = 0x80 | (c & 0x3F)
        return p + 2
    if c < 0x10000:
        p[0] = 0xE0 | (c >> 12)
        p[1] = 0x80 | ((c >> 6) & 0x3F)
        p[2] = 0x80 | (c & 0x3F)
        return p + 3
    p[0] = 0xF0 | (c >> 18)
    p[1] = 0x80 | ((c >> 12) & 0x3F)
    p[2] = 0x80 | ((c >> 6) & 0x3F)
    p[3] = 0x80 | (c & 0x3F)
    return p + 4


def check_spaces(unsigned int limit=0x110000):
    """-1 when _space_len and _char_len agree with str.isspace on every code point below limit, else the first that does not."""
    cdef unsigned char b[4]
    cdef Py_ssize_t n
    cdef unsigned int cp
    for cp in range(min(limit, 0x110000)):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        if cp < 0x80:
            b[0] = cp
            n = 1
        elif cp < 0x800:
            b[0] = 0xC0 | (cp >> 6)
            b[1] = 0x80 | (cp & 0x3F)
            n = 2
        elif cp < 0x10000:
            b[0] = 0xE0 | (cp >> 12)
            b[1] = 0x80 | ((cp >> 6) & 0x3F)
            b[2] = 0x80 | (cp & 0x3F)
            n = 3
        else:
            b[0] = 0xF0 | (cp >> 18)
            b[1] = 0x80 | ((cp >> 12) & 0x3F)
            b[2] = 0x80 | ((cp >> 6) & 0x3F)
            b[3] = 0x80 | (cp & 0x3F)
            n = 4
        if _char_len(b[0]) != n or (_space_len(b, 0, n) == n) != Py_UNICODE_ISSPACE(<Py_UCS4> cp):
            return cp
        if _space_len(b, 0, n) not in (0, n):
            return cp
    return -1


def text_ops(bytes data):
    """For tests: (valid, " ".join(t.split()), t.strip("\n\r") or "" when blank, len(t.strip())) of data's UTF-8 t."""
    cdef Py_ssize_t n = len(data)
    cdef const unsigned char *s = data
    if not _valid_utf8(s, n):
        return False, None, None, None
    cdef bytearray work = bytearray(data)
    cdef unsigned char *w = work
    folded = _fold_str(w, n)
    cdef Py_ssize_t a = 0, b = n
    while a < b and (s[a] == 10 or s[a] == 13):
        a += 1
    while b > a and (s[b - 1] == 10 or s[b - 1] == 13):
        b -= 1
    pre = "" if _all_space(s + a, b - a) else PyUnicode_DecodeUTF8(<const char *> s + a, b - a, NULL)
    return True, folded, pre, _stripped_chars(s, n)


cdef inline bint _lower(unsigned char c) noexcept nogil:
    return 97 <= c <= 122


cdef inline bint _ascii(const unsigned char *s, size_t n) noexcept nogil:
    cdef size_t i = 0
    cdef uint64_t w, high = 0
    while i + 8 <= n:  # eight bytes at a time (session 18)
        memcpy(&w, s + i, 8)
        high |= w
        i += 8
    if high & 0x8080808080808080ULL:
        return False
    while i < n:
        if s[i] >= 0x80:
            return False
        i += 1
    return True


cdef inline size_t _word_hash(const unsigned char *s, Py_ssize_t n) noexcept nogil:
    # From the length and the first, second and last letters (n >= 2): cheap, and memcmp decides.
    cdef uint64_t h = ((<uint64_t> n * 131 + s[0]) * 131 + s[1]) * 131 + s[n - 1]
    return <size_t> ((h * 0x9E3779B97F4A7C15ULL) >> 40) & (WORD_SLOTS - 1)


cdef inline Word *_word(const unsigned char *s, Py_ssize_t n) noexcept nogil:
    """The vocabulary word s[:n] (lowercase), or NULL."""
    cdef size_t j = _word_hash(s, n)
    while _words[j].data != NULL:
        if _words[j].length == n and memcmp(_words[j].data, s, n) == 0:
            return &_words[j]
        j = (j + 1) & (WORD_SLOTS - 1)
    return NULL


cdef struct Hit:
    long bits
    Word *neg
    Word *pos


cdef inline unsigned char _lc(unsigned char c) noexcept nogil:
    return c | 32 if 65 <= c <= 90 else c


cdef inline int _letter(unsigned char c) noexcept nogil:
    """The index in _starts of a lowercase letter or hyphen, -1 for anything else."""
    if 97 <= c <= 122:
        return c - 97
    return 26 if c == 45 else -1


cdef inline bint _space(unsigned char c) noexcept nogil:
    """ASCII whitespace as the regex module's \\s has it: space, \\t, \\n, \\v, \\f, \\r."""
    return c == 32 or 9 <= c <= 13


cdef inline bint _taxonomy(const unsigned char *s, Py_ssize_t p, Py_ssize_t n) noexcept nogil:
    """Whether a class name starting at p is "category-..." or "tag-..." (segment._TAXONOMY)."""
    cdef const char *cat = b"category-"
    cdef const char *tag = b"tag-"
    cdef Py_ssize_t i
    if n - p >= 9:
        for i in range(9):
            if s[p + i] != <unsigned char> cat[i]:
                break
        else:
            return True
    if n - p >= 4:
        for i in range(4):
            if s[p + i] != <unsigned char> tag[i]:
                return False
        return True
    return False


cdef inline bint _alnum(unsigned char c) noexcept nogil:
    return 48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122


cdef inline Py_ssize_t _hash_end(const unsigned char *s, Py_ssize_t p, Py_ssize_t n) noexcept nogil:
    """The end of the hash starting at p, else -1 (segment._HASH).

    A run of letters and digits (none before p) of four lowercase hex digits or more, one of
    them a digit, that is not letters followed by digits ("ad300").
    """
    cdef Py_ssize_t e = p, digit = -1, letter_after_digit = 0
    cdef unsigned char c
    while e < n and _alnum(s[e]):
        c = s[e]
        if 48 <= c <= 57:
            if digit < 0:
                digit = e
        elif 97 <= c <= 102:
            if digit >= 0:
                letter_after_digit = 1
        else:
            return -1
        e += 1
    if e - p < 4 or digit < 0:
        return -1
    if digit > p and not letter_after_digit:
        return -1  # a word and its number
    return e


cdef inline Py_ssize_t _shown_end(const unsigned char *s, Py_ssize_t p, Py_ssize_t n) noexcept nogil:
    """The end of the class name starting at p when it hides nothing on screen, else -1.

    segment._SHOWN_HIDDEN: a name holding "label-hidden", or "hidden-" and a print or screen
    size ("hidden-print", "hidden-xs" ... "hidden-xl").
    """
    cdef const char *label = b"label-hidden"
    cdef const char *hid = b"hidden-"
    cdef Py_ssize_t e = p, i
    while e < n and not _space(s[e]):
        e += 1
    for i in range(p, e - 6):
        if s[i] == 108 and e - i >= 12 and memcmp(s + i, label, 12) == 0:
            return e
        if s[i] == 104 and memcmp(s + i, hid, 7) == 0:
            if e - i >= 12 and memcmp(s + i + 7, b"print", 5) == 0:
                return e
            if e - i >= 9 and (
                (s[i + 7] == 120 and s[i + 8] == 115)  # xs
                or (s[i + 7] == 115 and s[i + 8] == 109)  # sm
                or (s[i + 7] == 109 and s[i + 8] == 100)  # md
                or (s[i + 7] == 108 and s[i + 8] == 103)  # lg
                or (s[i + 7] == 120 and s[i + 8] == 108)  # xl
            ):
                return e
    return -1


cdef extern from *:
    int _clzll "__builtin_clzll"(unsigned long long x) noexcept nogil


cdef extern from *:
    """
    #include <string.h>
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif
    /* _class_words_ascii's two facts of an ASCII string, 16 bytes at a time (session 19): bit 0
       when it holds a digit, bit 1 when it holds "hidden". */
    static int bs_name_facts(const unsigned char *s, Py_ssize_t n) {
        int facts = 0;
        Py_ssize_t i = 0;
    #if defined(__SSE2__)
        const __m128i slash = _mm_set1_epi8('0' - 1), colon = _mm_set1_epi8('9' + 1), h = _mm_set1_epi8('h');
        for (; i + 16 <= n; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            unsigned int hs;
            if (!(facts & 1) && _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, slash), _mm_cmplt_epi8(v, colon))))
                facts |= 1;
            if (!(facts & 2)) {
                hs = (unsigned int)_mm_movemask_epi8(_mm_cmpeq_epi8(v, h));
                while (hs) {
                    Py_ssize_t p = i + __builtin_ctz(hs);
                    if (p + 6 <= n && memcmp(s + p, "hidden", 6) == 0) { facts |= 2; break; }
                    hs &= hs - 1;
                }
            }
            if (facts == 3) return facts;
        }
    #endif
        for (; i < n; i++) {
            if (s[i] >= '0' && s[i] <= '9') facts |= 1;
            else if (s[i] == 'h' && i + 6 <= n && memcmp(s + i, "hidden", 6) == 0) facts |= 2;
        }
        return facts;
    }
    """
    int bs_name_facts(const unsigned char *s, Py_ssize_t n) noexcept nogil


cdef int _class_words_ascii(const unsigned char *s, Py_ssize_t n, Hit *hit) noexcept nogil:
    """segment._class_words of an ASCII class/id string, over its bytes.

    The general path of _class_words (its fast path for lowercase strings gives the same
    answer): a word starts at a capital or at a lowercase letter no lowercase letter
    precedes, and ends before anything but a lowercase letter; at each start the longest
    word of the table wins, and the leftmost start of each bit gives its word.
    """
    cdef unsigned char win[64]  # the lowercased text a word at p could cover (_longest <= 64)
    cdef Py_ssize_t ends[65]
    cdef Py_ssize_t i, p, lim, m
    cdef unsigned char c
    cdef long bits
    cdef uint64_t lengths
    cdef int a, b
    cdef Word *w
    cdef Py_ssize_t skip = 0
    cdef bint shown = False
    cdef bint has_digit = False
    cdef int facts
    hit.bits = 0
    hit.neg = hit.pos = NULL
    facts = bs_name_facts(s, n)
    shown = (facts & 2) != 0
    has_digit = (facts & 1) != 0
    p = -1
    while True:
        p += 1
        if p >= n:
            break
        if p < skip:
            p = skip - 1
            continue
        c = s[p]
        if p > 0 and _lower(c) and _lower(s[p - 1]):
            # Inside a run of lowercase letters: no word starts, no name either, to its end.
            while p + 1 < n and _lower(s[p + 1]):
                p += 1
            continue
        if (p == 0 or _space(s[p - 1])) and _taxonomy(s, p, n):
            # A CMS's taxonomy class ("category-for-discussion", "tag-news"): its words name
            # a topic, not a part of the page (segment._TAXONOMY).
            skip = p
            while skip < n and not _space(s[skip]):
                skip += 1
            continue
        if shown and (p == 0 or _space(s[p - 1])):
            skip = _shown_end(s, p, n)
            if skip >= 0:
                # "field--label-hidden", "hidden-print", "hidden-xs": shown on a screen, no
                # hiding to read (segment._SHOWN_HIDDEN).
                continue
            skip = 0
        if has_digit and (p == 0 or not _alnum(s[p - 1])):
            skip = _hash_end(s, p, n)
            if skip >= 0:
                # "54bd2ad", a UUID's "4d98-ad8f": a generated name, no word (segment._HASH).
                continue
            skip = 0
        if not (65 <= c <= 90 or (_lower(c) and (p == 0 or not _lower(s[p - 1])))):
            continue
        if p + 1 >= n:
            break  # every word has two letters or more
        a = _letter(_lc(c))
        b = _letter(_lc(s[p + 1]))
        if a < 0 or b < 0:
            continue
        lengths = _starts[a][b]
        if not lengths:
            continue
        # The ends a word from p may have: before a non-lowercase byte, or at the string's end;
        # none past the longest word with these two letters (the highest bit of lengths).
        lim = min(n, p + 63 - _clzll(lengths))
        win[0] = _lc(c)
        m = 0
        for i in range(p + 1, lim):
            c = s[i]
            win[i - p] = _lc(c)
            if not _lower(c):
                ends[m] = i - p
                m += 1
        if lim == n or not _lower(s[lim]):
            ends[m] = lim - p
            m += 1
        # Longest first.
        while m > 0:
            m -= 1
            if not (lengths >> ends[m]) & 1:
                continue
            w = _word(win, ends[m])
            if w != NULL:
                bits = w.bits & ~hit.bits
                if bits:
                    if bits & F_NEG:
                        hit.neg = w
                    if bits & F_POS:
                        hit.pos = w
                    hit.bits |= bits
        if hit.bits == _all_bits:
            break
    return 0


# _class_words_ascii's answers for the class/id strings met lately: a page repeats its class
# strings (one per menu item, card, comment), and the answer depends on the bytes alone.
# Direct-mapped on a hash of the bytes; strings over NAME_LONGEST bytes are not kept.
# Emptied by configure (the word table the answers come from).
cdef enum:
    NAME_SLOTS = 512  # a power of two
    NAME_LONGEST = 120

cdef struct NameHit:
    uint64_t hash
    Py_ssize_t length  # -1: empty
    Hit hit
    unsigned char data[NAME_LONGEST]

cdef NameHit _names[NAME_SLOTS]

# The same for the names a string holds (its runs of non-whitespace), kept from page to page
# (session 22): a class string met the first time is mostly names met before, on this page
# ("menu-item menu-item-type-post_type menu-item-123") or an earlier one ("container", "row").
# No word of the table holds whitespace (configure checks it: _tokens_ok), and every test of
# _class_words_ascii looks no further than the name it stands in, so a string's answer is its
# names' answers joined in order (_class_words_split).
cdef enum:
    TOKEN_SLOTS = 2048  # a power of two
    TOKEN_LONGEST = 40

cdef struct TokenHit:
    uint64_t hash
    Py_ssize_t length  # -1: empty
    Hit hit
    unsigned char data[TOKEN_LONGEST]

cdef TokenHit _tokens[TOKEN_SLOTS]
cdef bint _tokens_ok = False


cdef void _clear_names() noexcept nogil:
    cdef Py_ssize_t i
    for i in range(NAME_SLOTS):
        _names[i].length = -1
    for i in range(TOKEN_SLOTS):
        _tokens[i].length = -1


_clear_names()


cdef inline uint64_t _bytes_hash(const unsigned char *s, Py_ssize_t n) noexcept nogil:
    """The hash of s[:n] that the walk's caches file a string under: eight bytes at a time
    (session 18), the rest one by one; the caches compare the bytes themselves (memcmp) to decide."""
    cdef uint64_t h = 0xCBF29CE484222325ULL ^ <uint64_t> n
    cdef uint64_t w
    cdef Py_ssize_t i = 0
    while i + 8 <= n:
        memcpy(&w, s + i, 8)
        h = (h ^ w) * 0x9E3779B97F4A7C15ULL
        h ^= h >> 29
        i += 8
    while i < n:
        h = (h ^ s[i]) * 0x100000001B3ULL
        i += 1
    return h


cdef inline void _class_words_cached(const unsigned char *s, Py_ssize_t n, Hit *hit) noexcept nogil:
    """_class_words_ascii(s, n, hit), remembered for strings of NAME_LONGEST bytes or fewer."""
    cdef uint64_t h
    cdef NameHit *slot
    if n > NAME_LONGEST:
        _class_words_ascii(s, n, hit)
        return
    h = _bytes_hash(s, n)
    slot = &_names[(h >> 20) & (NAME_SLOTS - 1)]
    if slot.length == n and slot.hash == h and memcmp(slot.data, s, n) == 0:
        hit[0] = slot.hit
        return
    if _tokens_ok:
        _class_words_split(s, n, hit)
    else:
        _class_words_ascii(s, n, hit)
    slot.hash = h
    slot.length = n
    slot.hit = hit[0]
    memcpy(slot.data, s, n)


cdef inline void _token_words(const unsigned char *s, Py_ssize_t n, Hit *hit) noexcept nogil:
    """_class_words_ascii of one name (no whitespace in s[:n]), remembered in _tokens."""
    cdef uint64_t h
    cdef TokenHit *slot
    if n > TOKEN_LONGEST:
        _class_words_ascii(s, n, hit)
        return
    h = _bytes_hash(s, n)
    slot = &_tokens[(h >> 20) & (TOKEN_SLOTS - 1)]
    if slot.length == n and slot.hash == h and memcmp(slot.data, s, n) == 0:
        hit[0] = slot.hit
        return
    _class_words_ascii(s, n, hit)
    slot.hash = h
    slot.length = n
    slot.hit = hit[0]
    memcpy(slot.data, s, n)


cdef void _class_words_split(const unsigned char *s, Py_ssize_t n, Hit *hit) noexcept nogil:
    """_class_words_ascii(s, n, hit) name by name: each bit's word is the first name's that has it."""
    cdef Py_ssize_t i = 0, j
    cdef Hit one
    cdef long bits
    hit.bits = 0
    hit.neg = hit.pos = NULL
    while i < n:
        if _space(s[i]):
            i += 1
            continue
        j = i + 1
        while j < n and not _space(s[j]):
            j += 1
        _token_words(s + i, j - i, &one)
        bits = one.bits & ~hit.bits
        if bits:
            if bits & F_NEG:
                hit.neg = one.neg
            if bits & F_POS:
                hit.pos = one.pos
            hit.bits |= bits
            if hit.bits == _all_bits:
                return
        i = j


def class_words_split(str names):
    """For tests: class_words name by name through the remembered names (the walk's path for a new string)."""
    cdef Hit hit
    if not _words_ready or not _tokens_ok or not names.isascii():
        return _class_words(names)
    data = names.encode("ascii")
    _class_words_split(data, len(data), &hit)
    return (
        hit.bits,
        None if hit.neg == NULL else <object> hit.neg.text,
        None if hit.pos == NULL else <object> hit.pos.text,
    )


def class_words(str names):
    """For tests: what the walk finds in a class/id string, the same answer as segment._class_words."""
    cdef Hit hit
    if not _words_ready or not names.isascii():
        return _class_words(names)
    data = names.encode("ascii")
    _class_words_ascii(data, len(data), &hit)
    return (
        hit.bits,
        None if hit.neg == NULL else <object> hit.neg.text,
        None if hit.pos == NULL else <object> hit.pos.text,
    )


# A tag's facts in the walk, by lexbor tag id (direct-mapped, TAG_SLOTS slots): valid while
# the name pointer is the one they were made for (an id can name two spellings, e.g. an SVG
# element's camelCase name). tag is borrowed from walk()'s tag_keep.
cdef enum:
    TAG_SLOTS = 256  # a power of two

cdef struct TagSlot:
    uintptr_t id
    size_t name
    PyObject *tag
    int info
    long flag


# A block element's tag path from its parent's path and its tag, as _path_memo has it, in a
# direct-mapped table of walk() by the two strs' addresses: both stay alive through the walk
# (every path is a key of _path_memo, which is emptied only before a walk; every tag is in
# tag_keep), so an address stands for its str.
cdef enum:
    PATH_SLOTS = 256  # a power of two

cdef struct PathSlot:
    PyObject *path
    PyObject *tag
    PyObject *next


cdef struct Frame:
    lxb_dom_node_t *next  # the sibling to go on with when the element ends
    bint was_block
    # The element's qualified name and class value (lexbor's bytes, alive with the tree).
    const unsigned char *name
    size_t name_len
    const unsigned char *cls
    size_t cls_len
    bint saved  # the Python state (tokens, kind, path) was saved below
    bint saved_heading  # the walk's heading (its kind is a heading's tag) before the element
    # The walk's neg_tok, pos_tok, kind and path before the element, borrowed: each is "", a
    # word of the word table (_word_keep), a value of class_memo, a tag of tag_keep, a path of
    # _path_memo or walk()'s kind, all alive through the walk.
    PyObject *saved_neg
    PyObject *saved_pos
    PyObject *saved_kind
    PyObject *saved_path
    long flags
    Py_ssize_t elem
    # The walk's elem_obj before the element (a block element's), borrowed: elem_parent holds it.
    PyObject *elem_obj
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
    A_HREF = 256
    A_LABELLED = 512


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
        if memcmp(name, b"href", 4) == 0:
            return A_HREF
    elif n == 6:
        if memcmp(name, b"hidden", 6) == 0:
            return A_HIDDEN
    elif n == 8:
        if memcmp(name, b"itemprop", 8) == 0:
            return A_ITEMPROP
    elif n == 11:
        if memcmp(name, b"aria-hidden", 11) == 0:
            return A_ARIA
    elif n == 15:
        if memcmp(name, b"aria-labelledby", 15) == 0:
            return A_LABELLED
    return 0


cdef bint _href_is_link(void *attr) except -1:
    """segment._is_link of an href attribute, on its bytes when they are valid UTF-8."""
    cdef size_t n = 0
    cdef const unsigned char *v = _attr_value(attr, &n)
    cdef Py_ssize_t i = 0, k
    cdef int j
    if v == NULL or n == 0:
        return False
    if not _valid_utf8(v, n):
        return _is_link(PyUnicode_DecodeUTF8(<const char *> v, n, "replace"))
    # href.strip(): only its first character and whether anything is left matter here
    # (no whitespace is part of "#" or "javascript:").
    while i < <Py_ssize_t> n:
        k = _space_len(v, i, n)
        if not k:
            break
        i += k
    if i == <Py_ssize_t> n or v[i] == 35:  # nothing but whitespace, or "#"
        return False
    if <Py_ssize_t> n - i >= 11:
        for j in range(11):
            if _lc(v[i + j]) != (<const unsigned char *> b"javascript:")[j]:
                return True
        return False
    return True


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


cdef inline bint _value_true(void *attr) noexcept:
    """_value(attr) == "true", on the bytes (no other UTF-8, nor a replaced byte, decodes to it)."""
    cdef size_t n = 0
    cdef const unsigned char *v = _attr_value(attr, &n)
    return v != NULL and n == 4 and memcmp(v, b"true", 4) == 0


cdef inline bint _holds(const unsigned char *s, Py_ssize_t n, const unsigned char *p, Py_ssize_t m) noexcept nogil:
    """Whether s[:n] holds p[:m] (m >= 1)."""
    cdef Py_ssize_t i
    for i in range(n - m + 1):
        if s[i] == p[0] and memcmp(s + i, p, m) == 0:
            return True
    return False


cdef int _style_hides(const unsigned char *v, size_t n) noexcept nogil:
    """_hidden_by's style test on the value's bytes: 1 or 0, -1 when only Python can tell.

    '"none" in style or "hidden" in style' reads ASCII, which the decoder (errors="replace")
    never folds into a replaced sequence, so it holds on the bytes alike. The compact form
    (spaces out, lowercased) is made here for an ASCII value alone: no non-ASCII character
    lowers to an ASCII one but U+0130 and U+212A, which a non-ASCII value leaves to Python.
    """
    cdef unsigned char buf[256]
    cdef Py_ssize_t i, m = 0, k
    cdef unsigned char c
    if not (_holds(v, n, <const unsigned char *> b"none", 4) or _holds(v, n, <const unsigned char *> b"hidden", 6)):
        return 0
    if _style_count < 0 or n > 256 or not _ascii(v, n):
        return -1
    for i in range(<Py_ssize_t> n):
        c = v[i]
        if c != 32:
            buf[m] = c | 32 if 65 <= c <= 90 else c
            m += 1
    for k in range(_style_count):
        if _holds(buf, m, _style_pat[k], _style_len[k]):
            return 1
    return 0


cdef bint _hidden_by(int info, int seen, void *a_hidden, void *a_aria, void *a_style, void *a_role,
                    void *a_class) except -1:
    """segment._is_hidden on the attributes the walk found (the A_* bits of seen)."""
    cdef size_t n = 0
    cdef const unsigned char *v
    cdef int hides
    if seen & A_HIDDEN:
        pass
    elif seen & A_ARIA and not info & T_LINK and _value_true(a_aria):
        # A carousel's slide is aria-hidden while another one shows (segment._names_slide).
        if not seen & A_CLASS:
            return True
        names = _value(a_class)
        slide = _slide_memo.get(names)
        if slide is None:
            if len(_slide_memo) > PATH_MEMO_SIZE:
                _slide_memo.clear()
            slide = _slide_memo[names] = bool(_is_slide(names))
        return not slide
    elif seen & A_STYLE:
        v = _attr_value(a_style, &n)
        if v == NULL:
            return False
        hides = _style_hides(v, n)
        if hides == 0:
            return False
        if hides < 0:
            style = PyUnicode_DecodeUTF8(<const char *> v, n, "replace")
            compact = style.replace(" ", "").lower()
            if not any([s in compact for s in _hidden_style]):
                return False
    else:
        return False
    key = (
        _value(a_role) if seen & A_ROLE else None,
        seen & A_LABELLED != 0,
        _value(a_hidden) if seen & A_HIDDEN else None,
        _value(a_class) if seen & A_CLASS else None,
    )
    panel = _panel_memo.get(key)
    if panel is None:
        if len(_panel_memo) > PATH_MEMO_SIZE:
            _panel_memo.clear()
        panel = _panel_memo[key] = bool(_is_panel(*key))
    return not panel


cdef extern from "Python.h":
    bint Py_UNICODE_ISLOWER(Py_UCS4 ch)
    bint Py_UNICODE_ISUPPER(Py_UCS4 ch)
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch)
    object PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)


cdef inline bint _is_mark(Py_UCS4 c) noexcept nogil:
    return c == 0 or c == 0xFDD0


def space_marks(str text):
    """segment._space_items in one pass: each match of " ?[\\x00\\ufdd0]+ ?" (a run of the walk's
    marks with a space before or after it, each taken once) turns into " " or "", as its gap() says.

    A match at the text's edge adds nothing; one with a space at either end is a space; otherwise
    the characters around it decide, up to two each side (str.islower, str.isupper and
    str.isalnum of one character are Py_UNICODE_ISLOWER, Py_UNICODE_ISUPPER and
    Py_UNICODE_ISALNUM). configure() checks it against segment's own on
    probe texts before the walk uses it.
    """
    cdef Py_ssize_t n = len(text), i = 0, j, start, used = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_UCS4 c, before = 0, after = 0
    cdef bint item
    cdef Py_UCS4 *buf = <Py_UCS4 *> malloc((n + 1) * sizeof(Py_UCS4))
    if buf == NULL:
        raise MemoryError()
    try:
        while i < n:
            c = PyUnicode_READ(kind, data, i)
            if c == 32 and i + 1 < n and _is_mark(PyUnicode_READ(kind, data, i + 1)):
                start = i
                j = i + 1
            elif _is_mark(c):
                start = i
                j = i
            else:
                buf[used] = c
                used += 1
                i += 1
                continue
            item = False
            while j < n and _is_mark(PyUnicode_READ(kind, data, j)):
                if PyUnicode_READ(kind, data, j) == 0:
                    item = True
                j += 1
            if j < n and PyUnicode_READ(kind, data, j) == 32:
                j += 1
            # The match is [start, j).
            if start == 0 or j == n:
                pass
            elif PyUnicode_READ(kind, data, start) == 32 or PyUnicode_READ(kind, data, j - 1) == 32:
                buf[used] = 32
                used += 1
            else:
                before = PyUnicode_READ(kind, data, start - 1)
                after = PyUnicode_READ(kind, data, j)
                if item:
                    # Joined: a lowercase letter after a lowercase one, or after a capital that
                    # opens a word ("C" + "orn").
                    if not (Py_UNICODE_ISLOWER(after) and (
                        Py_UNICODE_ISLOWER(before) or (Py_UNICODE_ISUPPER(before) and (
                            start < 2 or not Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, start - 2))))
                    )):
                        buf[used] = 32
                        used += 1
                elif Py_UNICODE_ISUPPER(after) and (
                    Py_UNICODE_ISLOWER(before) or (
                        # An acronym before a capitalised word ("HOKA" + "Clifton").
                        Py_UNICODE_ISUPPER(before) and start >= 2
                        and Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, start - 2))
                        and j + 1 < n and Py_UNICODE_ISLOWER(PyUnicode_READ(kind, data, j + 1))
                    )
                ):
                    buf[used] = 32
                    used += 1
            i = j
        return PyUnicode_FromKindAndData(4, buf, used)
    finally:
        free(buf)


def space_marks_in_use():
    """Whether the walk runs space_marks rather than calling segment._space_items (configure's check)."""
    return _own_space_items


def _space_probes():
    """Texts for checking space_marks against segment._space_items: marks of both kinds alone, in
    runs and mixed, at the edges, beside spaces, between letters of each case (ASCII and not, and
    uncased characters)."""
    marks = ["\x00", "\ufdd0", "\x00\x00", "\x00\ufdd0", "\ufdd0\x00\ufdd0"]
    sides = ["a", "A", "1", " ", "", "\xe9", "\xc9", "\u03c3", "\u03a3", "\u01c5", "\u4e2d", "-", "\U0001d41a"]
    out = ["", " ", "\x00", "\ufdd0", " \x00 ", "a \x00 \x00 b", "a\x00 \x00b", "a \x00b\x00 C", "x\x00\x00 \x00y"]
    for m in marks:
        for b in sides:
            for a in sides:
                out.append(f"w{b}{m}{a}w")
                out.append(f"{b}{m}{a}")
                out.append(f"x {b}{m}{a} y{m}Z{m}z")
    # Two characters each side, one mark of each kind: an acronym before a capitalised word, a
    # capital opening a word ("HOKA" + "Clifton", "C" + "orn").
    for m in marks[:2]:
        for b in sides:
            for a in sides:
                out.append(f"{b}{b}{m}{a}{a}")
                out.append(f"A{b}{m}{a}a")
                out.append(f"{b}A{m}A{a}")
    return out


# The class strs of walk()'s block elements (elem_class) by their bytes: a page repeats its
# class strings (one per menu item, card, comment), and an ASCII one seen before in the walk is
# the same str again instead of a new decode (session 19). Direct-mapped, of borrowed strs that
# elem_class keeps alive through the walk.
cdef enum:
    CLASS_SLOTS = 256  # a power of two
    CLASS_LONGEST = 256

cdef struct ClassSlot:
    uint64_t hash
    Py_ssize_t length
    PyObject *text


cdef object _class_str(void *attr, ClassSlot *slots):
    """_value(attr), the str of an earlier alike value when there is one in slots."""
    cdef size_t n = 0
    cdef const unsigned char *v = _attr_value(attr, &n)
    cdef uint64_t h
    cdef ClassSlot *slot
    if v == NULL:
        return None
    if n > CLASS_LONGEST or not _ascii(v, n):
        return PyUnicode_DecodeUTF8(<const char *> v, n, "replace")
    h = _bytes_hash(v, <Py_ssize_t> n)
    slot = &slots[(h >> 24) & (CLASS_SLOTS - 1)]
    if slot.text != NULL and slot.hash == h and slot.length == <Py_ssize_t> n and memcmp(PyUnicode_DATA(<object> slot.text), v, n) == 0:
        return <object> slot.text
    out = PyUnicode_New(n, 127)
    memcpy(PyUnicode_DATA(out), v, n)
    slot.hash = h
    slot.length = n
    slot.text = <PyObject *> out
    return out


cdef str _extended(str path, str tag):
    """segment._extend_path(path, tag), made in C for ASCII strs."""
    cdef Py_ssize_t n, m, i, count = 0, start = 0
    cdef const char *p
    cdef str out
    if not _path_cut or not PyUnicode_IS_ASCII(path) or not PyUnicode_IS_ASCII(tag):
        return _extend_path(path, tag)
    n = PyUnicode_GET_LENGTH(path)
    m = PyUnicode_GET_LENGTH(tag)
    p = <const char *> PyUnicode_DATA(path)
    for i in range(n):
        if p[i] == 62:  # ">"
            count += 1
            start = i + 1
    if count < _path_cut:
        start = 0
    out = PyUnicode_New(n - start + 1 + m, 127)
    memcpy(PyUnicode_DATA(out), p + start, n - start)
    (<char *> PyUnicode_DATA(out))[n - start] = 62
    memcpy(<char *> PyUnicode_DATA(out) + n - start + 1, PyUnicode_DATA(tag), m)
    return out


def _path_probes():
    """Paths for configure's check of _extended: no ">" up to more than any cut, empty parts too."""
    out = ["", ">", ">>", "body>>p"]
    for k in range(12):
        out.append(">".join(["div", "ul", "li", "article", "h2"][i % 5] for i in range(k + 1)))
    return out


def extended(str path, str tag):
    """For tests: the walk's segment._extend_path."""
    return _extended(path, tag)


cdef enum:
    ROW_OBJS = 6
    ROW_NUMS = 3


cdef class _Walk:
    """The state of one walk (segment._walk's locals)."""

    cdef object seg
    cdef list texts, kinds, link_chars, flag_list, depths, paths, negs, poss, elems, blanks
    # The UTF-8 of the open block's text nodes (always valid), segment._walk's buf.
    cdef unsigned char *buf
    cdef Py_ssize_t buf_len, buf_cap
    cdef Py_ssize_t buf_link
    cdef bint marked  # buf holds an _ITEM_MARK (segment._walk's marked)
    # buf holds more than the spaces that stand for whitespace between tags: without, the block's
    # text folds to "" and flush has nothing to make.
    cdef bint content
    cdef bint heading  # kind is a heading's tag (in _headings)
    cdef long flags
    cdef object neg_tok, pos_tok, kind, path
    cdef Py_ssize_t elem
    # elem as a Python int, made once an element (session 22): its blocks, its children's
    # elem_parent and neg_elems share it instead of an int object each (past 256).
    cdef object elem_obj
    cdef long depth
    cdef Py_ssize_t max_blocks
    # The blocks made so far (session 22): ROW_OBJS owned references (text, kind, path, neg and
    # pos tokens, elem) and ROW_NUMS numbers (link chars, flags, depth) a block, made into the
    # Segments lists once at the end (finish) instead of ten list appends a block.
    cdef PyObject **row_objs
    cdef long *row_nums
    cdef Py_ssize_t rows, rows_cap, rows_before

    # Scratch for a class and id joined by a space.
    cdef unsigned char *names
    cdef Py_ssize_t names_cap

    def __dealloc__(self):
        cdef Py_ssize_t k
        for k in range(self.rows * ROW_OBJS):
            _decref(self.row_objs[k])
        free(self.row_objs)
        free(self.row_nums)
        free(self.buf)
        free(self.names)

    cdef int push(self, str text, Py_ssize_t link, long flags) except -1:
        """Keep a block's row (segment._walk's ten appends)."""
        cdef Py_ssize_t cap, k
        cdef PyObject **objs
        cdef long *nums
        if self.rows == self.rows_cap:
            cap = self.rows_cap * 2 + 64
            objs = <PyObject **> realloc(self.row_objs, cap * ROW_OBJS * sizeof(PyObject *))
            if objs == NULL:
                raise MemoryError()
            self.row_objs = objs
            nums = <long *> realloc(self.row_nums, cap * ROW_NUMS * sizeof(long))
            if nums == NULL:
                raise MemoryError()
            self.row_nums = nums
            self.rows_cap = cap
        objs = self.row_objs + self.rows * ROW_OBJS
        objs[0] = <PyObject *> text
        objs[1] = <PyObject *> self.kind
        objs[2] = <PyObject *> self.path
        objs[3] = <PyObject *> self.neg_tok
        objs[4] = <PyObject *> self.pos_tok
        objs[5] = <PyObject *> self.elem_obj
        for k in range(ROW_OBJS):
            _incref(objs[k])
        nums = self.row_nums + self.rows * ROW_NUMS
        nums[0] = link
        nums[1] = flags
        nums[2] = self.depth
        self.rows += 1
        return 0

    cdef int finish(self) except -1:
        """Hand the rows to the Segments lists, in order after what they held."""
        cdef Py_ssize_t n = self.rows, k, c
        cdef PyObject *raw
        cdef object value
        cdef list made = []
        for c in range(ROW_OBJS + ROW_NUMS):
            raw = _list_new(n)
            if raw == NULL:
                raise MemoryError()
            made.append(<object> raw)
            _decref(raw)
        for c in range(ROW_OBJS):
            raw = <PyObject *> made[c]
            for k in range(n):
                _list_set(raw, k, self.row_objs[k * ROW_OBJS + c])  # the list takes the row's reference
        self.rows = 0  # the references are the lists' now
        for c in range(ROW_NUMS):
            raw = <PyObject *> made[ROW_OBJS + c]
            for k in range(n):
                value = self.row_nums[k * ROW_NUMS + c]
                _incref(<PyObject *> value)
                _list_set(raw, k, <PyObject *> value)
        self.texts.extend(made[0])
        self.kinds.extend(made[1])
        self.paths.extend(made[2])
        self.negs.extend(made[3])
        self.poss.extend(made[4])
        self.elems.extend(made[5])
        self.link_chars.extend(made[6])
        self.flag_list.extend(made[7])
        self.depths.extend(made[8])
        self.blanks.extend([0] * n)
        return 0

    cdef int reserve(self, Py_ssize_t n) except -1:
        cdef unsigned char *grown
        if n > self.names_cap:
            grown = <unsigned char *> realloc(self.names, n)
            if grown == NULL:
                raise MemoryError()
            self.names = grown
            self.names_cap = n
        return 0

    cdef int add(self, const unsigned char *data, Py_ssize_t n) except -1:
        cdef Py_ssize_t cap
        cdef unsigned char *grown
        if self.buf_len + n > self.buf_cap:
            cap = max(self.buf_cap * 2, self.buf_len + n, 4096)
            grown = <unsigned char *> realloc(self.buf, cap)
            if grown == NULL:
                raise MemoryError()
            self.buf = grown
            self.buf_cap = cap
        memcpy(self.buf + self.buf_len, data, n)
        self.buf_len += n
        self.content = True
        return 0

    cdef int add_space(self) except -1:
        """One space for whitespace between tags (no content: see flush)."""
        cdef bint had = self.content
        if self.buf_len == self.buf_cap:
            self.add(<const unsigned char *> b" ", 1)
            self.content = had
            return 0
        self.buf[self.buf_len] = 32
        self.buf_len += 1
        return 0

    cdef int flush(self) except -1:
        cdef Py_ssize_t a, b
        cdef str out
        if not self.buf_len:
            return 0
        if not self.content:
            # Spaces only (their text folds to ""): nothing to decode.
            self.buf_len = 0
            self.buf_link = 0
            return 0
        self.content = False
        if self.flags & F_PRE:
            # raw.strip("\n\r"), "" when nothing but whitespace is left.
            a = 0
            b = self.buf_len
            while a < b and (self.buf[a] == 10 or self.buf[a] == 13):
                a += 1
            while b > a and (self.buf[b - 1] == 10 or self.buf[b - 1] == 13):
                b -= 1
            if _all_space(self.buf + a, b - a):
                out = ""
            else:
                out = PyUnicode_DecodeUTF8(<char *> self.buf + a, b - a, NULL)
        else:
            out = _fold_str(self.buf, self.buf_len)
        if self.marked:
            out = space_marks(out) if _own_space_items else _space_items(out)
            self.marked = False
        if out:
            if self.rows_before + self.rows >= self.max_blocks:
                self.seg.truncated = True
                self.seg.overflow.append(out)
            else:
                self.push(out, min(self.buf_link, len(out)), self.flags | F_HEADING if self.heading else self.flags)
        self.buf_len = 0
        self.buf_link = 0
        return 0


def walk(size_t start_id, object seg, str kind, long max_depth, Py_ssize_t max_blocks,
         frozenset skip, frozenset block_tags, bint hide, object opened):
    """segment._walk over the subtree of the node at start_id (a LexborNode.mem_id).

    The caller keeps the parser (and so the tree) alive for the call. opened holds the ids of
    elements read whatever hides them (segment._shut_panels, or segment._ShutPanels, which finds
    them when first asked): an id is asked for only from an element _hidden_by hides.
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
    w.buf_link = 0
    w.marked = False
    w.flags = 0
    w.neg_tok = ""
    w.pos_tok = ""
    w.elem = 0
    w.elem_obj = 0
    w.kind = kind
    w.heading = kind in _headings
    w.content = False
    w.path = kind
    w.depth = 0
    w.max_blocks = max_blocks
    w.rows_before = len(w.texts)
    cdef list elem_parent = seg.elem_parent
    cdef list elem_tag = seg.elem_tag
    cdef list elem_class = seg.elem_class
    cdef list neg_elems = seg.neg_elems
    elem_parent.append(-1)
    elem_tag.append(kind)
    elem_class.append("")
    cdef dict class_memo = {}
    cdef dict path_memo = _path_memo
    if len(path_memo) > PATH_MEMO_SIZE:
        path_memo.clear()
    # Tag facts by lexbor tag id (see TagSlot): a C lookup per element, no Python int or dict.
    cdef TagSlot *tag_slot
    cdef PathSlot *path_slot
    cdef PathSlot path_slots[PATH_SLOTS]
    memset(path_slots, 0, sizeof(path_slots))
    cdef ClassSlot class_slots[CLASS_SLOTS]
    memset(class_slots, 0, sizeof(class_slots))
    cdef TagSlot tag_slots[TAG_SLOTS]
    memset(tag_slots, 0, sizeof(tag_slots))
    cdef list tag_keep = []
    cdef str tag  # typed: the tag tests below compare strs, not objects

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
    cdef void *a_href
    cdef void *a_hidden
    cdef int bit, seen, info
    cdef long link_depth = 0
    cdef long tag_flag
    cdef bint is_block, hidden
    cdef Hit hit
    cdef const unsigned char *class_data
    cdef const unsigned char *id_data
    cdef size_t class_len = 0, id_len = 0
    # segment._walk's ended: the name and class of the inline element that just ended, with
    # no text after it yet (ended_name NULL when there is none).
    cdef const unsigned char *ended_name = NULL
    cdef const unsigned char *ended_cls = NULL
    cdef size_t ended_name_len = 0, ended_cls_len = 0
    cdef const unsigned char *tag_name
    cdef size_t tag_name_len = 0
    cdef const unsigned char *cls_data
    cdef size_t cls_len = 0
    try:
        while True:
            while node != NULL:
                if node.type == TYPE_TEXT:
                    chars = <lxb_dom_character_data_t *> node
                    if chars.data.data != NULL and chars.data.length:
                        ended_name = NULL
                        if _ws_as_space and not w.flags & F_PRE and _ascii_space(chars.data.data, chars.data.length):
                            # Indentation between tags: only its words count when flushed,
                            # and one space says the same.
                            w.add_space()
                        elif _valid_utf8(chars.data.data, chars.data.length):
                            w.add(chars.data.data, chars.data.length)
                            if link_depth:
                                w.buf_link += _stripped_chars(chars.data.data, chars.data.length)
                        else:
                            # What text_content gives (errors="replace"), as valid UTF-8.
                            content = PyUnicode_DecodeUTF8(<char *> chars.data.data, chars.data.length, "replace")
                            encoded = (<str> content).encode("utf-8")
                            w.add(encoded, len(encoded))
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
                tag_name = name
                tag_name_len = name_len
                tag_slot = &tag_slots[(node.local_name ^ (node.local_name >> 8)) & (TAG_SLOTS - 1)]
                if tag_slot.tag == NULL or tag_slot.id != node.local_name or tag_slot.name != <size_t> name:
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
                    if tag in _headings:
                        info |= T_HEADING
                    tag_keep.append(tag)
                    tag_slot.id = node.local_name
                    tag_slot.name = <size_t> name
                    tag_slot.tag = <PyObject *> tag
                    tag_slot.info = info
                    tag_slot.flag = _tag_flags.get(tag) or 0
                info = tag_slot.info
                if info & T_SKIP:
                    node = node.next
                    continue
                tag = <object> tag_slot.tag
                # One pass over the attributes; as in a dict, the last of a repeated name wins.
                seen = 0
                a_style = a_aria = a_class = a_role = a_itemprop = a_id = a_href = a_hidden = NULL
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
                        elif bit == A_HREF:
                            a_href = attr
                        elif bit == A_HIDDEN:
                            a_hidden = attr
                    attr = _next_attr(attr)
                if hide and seen & (A_HIDDEN | A_STYLE | A_ARIA):
                    if _hidden_by(info, seen, a_hidden, a_aria, a_style, a_role, a_class) and not (
                        a_id != NULL and _value(a_id) in opened
                    ):
                        node = node.next
                        continue
                if info & T_BREAK:
                    if w.buf_len:
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
                # Two inline elements abutting: a mark for _space_items (segment._walk), U+0000
                # between alike ones (one name, one class), U+FDD0 between others.
                cls_len = 0
                cls_data = _attr_value(a_class, &cls_len) if a_class != NULL else NULL
                if cls_data == NULL:
                    cls_len = 0
                if ended_name != NULL and not is_block and w.buf_len and not w.flags & F_PRE:
                    if (
                        cls_len and tag_name_len == ended_name_len and memcmp(tag_name, ended_name, tag_name_len) == 0
                        and cls_len == ended_cls_len and memcmp(cls_data, ended_cls, cls_len) == 0
                    ):
                        w.add(<const unsigned char *> b"\x00", 1)
                    else:
                        w.add(<const unsigned char *> b"\xef\xb7\x90", 3)
                    w.marked = True
                ended_name = NULL
                fr = &stack[sp]
                sp += 1
                fr.next = node.next
                fr.was_block = is_block
                fr.name = tag_name
                fr.name_len = tag_name_len
                fr.cls = cls_data
                fr.cls_len = cls_len
                fr.flags = w.flags
                fr.elem = w.elem
                fr.elem_obj = <PyObject *> w.elem_obj
                fr.link_depth = link_depth
                fr.depth = w.depth
                fr.saved = False
                class_value = None
                if is_block:
                    if w.buf_len:
                        w.flush()
                    fr.saved_neg, fr.saved_pos = <PyObject *> w.neg_tok, <PyObject *> w.pos_tok
                    fr.saved_kind, fr.saved_path = <PyObject *> w.kind, <PyObject *> w.path
                    fr.saved_heading = w.heading
                    fr.saved = True
                    w.depth += 1
                    elem_parent.append(w.elem_obj)
                    elem_tag.append(tag)
                    if a_class != NULL:
                        class_value = _class_str(a_class, class_slots)
                    elem_class.append(class_value or "")
                    w.elem = len(elem_tag) - 1
                    w.elem_obj = w.elem
                    w.kind = tag
                    w.heading = (info & T_HEADING) != 0
                    path_slot = &path_slots[((<uintptr_t> <PyObject *> w.path >> 4) ^ (<uintptr_t> <PyObject *> tag >> 4)) & (PATH_SLOTS - 1)]
                    if path_slot.path == <PyObject *> w.path and path_slot.tag == <PyObject *> tag:
                        next_path = <object> path_slot.next
                    else:
                        # By the parent's path, then the tag: two lookups of strs, no tuple to build and hash.
                        by_tag = path_memo.get(w.path)
                        if by_tag is None:
                            by_tag = path_memo[w.path] = {}
                        next_path = (<dict> by_tag).get(tag)
                        if next_path is None:
                            next_path = (<dict> by_tag)[tag] = _extended(w.path, tag)
                        path_slot.path = <PyObject *> w.path
                        path_slot.tag = <PyObject *> tag
                        path_slot.next = <PyObject *> next_path
                    w.path = next_path
                    tag_flag = tag_slot.flag
                    if tag_flag:
                        if info & T_HEADER and w.flags & F_ARTICLE_MAIN:
                            tag_flag = 0  # an article's own header holds its title and byline
                        w.flags |= tag_flag
                    if info & T_CELL:
                        w.flags |= F_TABLE
                elif info & T_LINK and a_href != NULL and _href_is_link(a_href):
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
                    # The class and id words: segment._walk's names = f"{class} {id}".
                    class_len = id_len = 0
                    class_data = _attr_value(a_class, &class_len) if a_class != NULL else NULL
                    if class_data == NULL:
                        class_len = 0
                    id_data = _attr_value(a_id, &id_len) if a_id != NULL else NULL
                    if id_data == NULL:
                        id_len = 0
                    if (class_len or id_len) and _words_ready and _ascii(class_data, class_len) and _ascii(id_data, id_len):
                        if id_len:
                            w.reserve(class_len + 1 + id_len)
                            if class_len:
                                memcpy(w.names, class_data, class_len)
                            w.names[class_len] = 32
                            memcpy(w.names + class_len + 1, id_data, id_len)
                            _class_words_cached(w.names, class_len + 1 + id_len, &hit)
                        else:
                            _class_words_cached(class_data, class_len, &hit)
                        if hit.bits:
                            w.flags |= hit.bits
                            if hit.neg != NULL or hit.pos != NULL:
                                if not fr.saved:
                                    fr.saved_neg, fr.saved_pos = <PyObject *> w.neg_tok, <PyObject *> w.pos_tok
                                    fr.saved_kind, fr.saved_path = <PyObject *> w.kind, <PyObject *> w.path
                                    fr.saved_heading = w.heading
                                    fr.saved = True
                                if hit.neg != NULL:
                                    w.neg_tok = <object> hit.neg.text
                                    neg_elems.append(w.elem_obj)
                                if hit.pos != NULL:
                                    w.pos_tok = <object> hit.pos.text
                    elif class_len or id_len:
                        # Not ASCII (or no word table): segment._class_words itself, memoised.
                        if a_class != NULL and class_value is None:
                            class_value = _value(a_class)
                        names = class_value or ""
                        if a_id != NULL:
                            ident = _value(a_id)
                            if ident:
                                names = f"{names} {ident}"
                        if names:
                            found = class_memo.get(names)
                            if found is None:
                                found = class_memo[names] = _class_words(names)
                            if found[0]:
                                w.flags |= found[0]
                                if found[1] is not None or found[2] is not None:
                                    if not fr.saved:
                                        fr.saved_neg, fr.saved_pos = <PyObject *> w.neg_tok, <PyObject *> w.pos_tok
                                        fr.saved_kind, fr.saved_path = <PyObject *> w.kind, <PyObject *> w.path
                                        fr.saved_heading = w.heading
                                        fr.saved = True
                                    if found[1] is not None:
                                        w.neg_tok = found[1]
                                        neg_elems.append(w.elem_obj)
                                    if found[2] is not None:
                                        w.pos_tok = found[2]
                node = node.first_child
            # The children are done: leave their parent and restore its enclosing state.
            if sp == 0:
                break
            sp -= 1
            fr = &stack[sp]
            if fr.was_block and w.buf_len:
                w.flush()
            if fr.was_block:
                ended_name = NULL
            else:
                ended_name, ended_name_len, ended_cls, ended_cls_len = fr.name, fr.name_len, fr.cls, fr.cls_len
            w.flags = fr.flags
            if fr.was_block:
                w.elem = fr.elem
                w.elem_obj = <object> fr.elem_obj
            link_depth = fr.link_depth
            w.depth = fr.depth
            if fr.saved:
                w.neg_tok, w.pos_tok = <object> fr.saved_neg, <object> fr.saved_pos
                w.kind, w.path = <object> fr.saved_kind, <object> fr.saved_path
                w.heading = fr.saved_heading
            node = fr.next
        w.flush()
        w.finish()
    finally:
        free(stack)


# ---------------------------------------------------------------------------------------
# features._count_page: the per-character counts in one C loop instead of numpy arrays.

from cpython.unicode cimport PyUnicode_READ
from libc.stdint cimport int64_t


cdef enum:
    _PAIR_SLOTS = 1024  # a power of two


cdef inline Py_ssize_t _pair_slot(unsigned char a, unsigned char b) noexcept nogil:
    return ((<Py_ssize_t> a * 31) ^ b) & (_PAIR_SLOTS - 1)


cdef inline Py_ssize_t _cp_slot(uint32_t a, uint32_t b) noexcept nogil:
    return <Py_ssize_t> ((a * 31) ^ b ^ (a >> 7) ^ (b << 3)) & (_PAIR_SLOTS - 1)


@cython.final
cdef class StopTable:
    """The ASCII lowercase words of a stopword set in a C hash table.

    A whitespace token made only of ASCII characters is a stopword when its ASCII
    lowercase (which is its str.lower()) is one of these words: no Python string per
    token. Tokens with other characters go through str.lower() and the set itself.
    """
    cdef list keep
    cdef const unsigned char **slot_data
    cdef Py_ssize_t *slot_len
    cdef Py_ssize_t mask
    cdef Py_ssize_t longest
    cdef Py_ssize_t longest_any  # the longest stopword of all, in characters
    # A filter before the table (session 18): by a word's first two bytes (hashed, _pair_slot),
    # the lengths under 64 of the words that open with them; by its one byte, the words of one.
    # A token whose pair does not list its length is no word: no lowercase copy, no hash.
    cdef uint64_t pair_lengths[_PAIR_SLOTS]
    cdef unsigned char single[128]
    # The same filter over every word of the set by its code points (_cp_slot; a word of one has
    # 0 for its second), for the tokens lowered in _other_stopword before a str is made of them.
    cdef uint64_t any_lengths[_PAIR_SLOTS]

    def __cinit__(self, stopwords):
        cdef Py_ssize_t size = 16, j
        cdef bytes data
        self.longest_any = max([len(w) for w in stopwords if isinstance(w, str)], default=0)
        words = [w for w in stopwords if isinstance(w, str) and w.isascii() and w == w.lower() and w]
        while size < 2 * len(words) + 2:
            size *= 2
        self.mask = size - 1
        self.longest = 0
        self.keep = []
        self.slot_data = <const unsigned char **> malloc(size * sizeof(unsigned char *))
        self.slot_len = <Py_ssize_t *> malloc(size * sizeof(Py_ssize_t))
        if self.slot_data == NULL or self.slot_len == NULL:
            raise MemoryError()
        for j in range(size):
            self.slot_data[j] = NULL
            self.slot_len[j] = 0
        memset(self.pair_lengths, 0, sizeof(self.pair_lengths))
        memset(self.single, 0, sizeof(self.single))
        memset(self.any_lengths, 0, sizeof(self.any_lengths))
        for w in stopwords:
            if isinstance(w, str) and 0 < len(w) < 64:
                self.any_lengths[_cp_slot(ord(w[0]), ord(w[1]) if len(w) > 1 else 0)] |= 1ULL << len(w)
        for w in words:
            data = w.encode("ascii")
            self.keep.append(data)
            self.longest = max(self.longest, len(data))
            if len(data) == 1:
                self.single[data[0]] = 1
            elif len(data) < 64:
                self.pair_lengths[_pair_slot(data[0], data[1])] |= 1ULL << len(data)
            j = _fnv(data, len(data)) & self.mask
            while self.slot_data[j] != NULL:
                j = (j + 1) & self.mask
            self.slot_data[j] = data
            self.slot_len[j] = len(data)

    def __dealloc__(self):
        free(self.slot_data)
        free(self.slot_len)

    cdef inline bint may_have(self, unsigned char a, unsigned char b, Py_ssize_t n) noexcept:
        """Whether a word of n bytes opening with a, b (lowercase ASCII; b unread when n is 1) may be in the table."""
        if n == 1:
            return self.single[a & 127] != 0
        if n >= 64:
            return True
        return (self.pair_lengths[_pair_slot(a, b)] >> n) & 1

    cdef inline bint has(self, const unsigned char *s, Py_ssize_t n) noexcept:
        # Final, so called directly (no vtable) and inlined; the words are short: compared
        # byte by byte rather than by a call of memcmp.
        cdef Py_ssize_t j = _fnv(s, n) & self.mask, k
        cdef const unsigned char *w
        while self.slot_data[j] != NULL:
            if self.slot_len[j] == n:
                w = self.slot_data[j]
                k = 0
                while k < n and w[k] == s[k]:
                    k += 1
                if k == n:
                    return True
            j = (j + 1) & self.mask
        return False


cdef inline Py_ssize_t _fnv(const unsigned char *s, Py_ssize_t n) noexcept nogil:
    cdef uint64_t h = 1469598103934665603ULL
    cdef Py_ssize_t i
    for i in range(n):
        h = (h ^ s[i]) * 1099511628211ULL
    return <Py_ssize_t> (h >> 1)


# One StopTable per stopword set (frozensets cache their hash: the lookup is cheap).
cdef dict _stop_tables = {}


cdef StopTable _stop_table(stopwords):
    table = _stop_tables.get(stopwords)
    if table is None:
        if len(_stop_tables) > 64:
            _stop_tables.clear()
        table = _stop_tables[stopwords] = StopTable(stopwords)
    return <StopTable> table


# The classes of features._SENTENCE_END's pieces (end_table, one bit each), for the matcher
# in count_page: START [\p{L}\p{N}\)\]%], CLOSE ["'”’»)\]], MARK1 [.!?。！？…:;], MARK
# [.!?。！？…], SPACE \s, and TAIL: features._END_TAIL, what the text's end is stripped of.
cdef enum:
    E_START = 1
    E_CLOSE = 2
    E_MARK1 = 4
    E_MARK = 8
    E_SPACE = 16
    E_TAIL = 32


cdef bint _sentence_end(int kind, void *data, Py_ssize_t n, const unsigned char[:] end_table, bint astral) noexcept:
    """features._SENTENCE_END.search(text, cut - 1 if cut else 0), cut = len(text.rstrip(_END_TAIL)).

    START CLOSE* MARK1? MARK CLOSE* SPACE* $ as a set of states run once over the text's
    end, a match starting at every START character on the way (so no backtracking).
    With astral, the bits of characters past end_table are _astral_end's.
    """
    cdef Py_ssize_t size = end_table.shape[0]
    cdef Py_ssize_t cut = n, i
    cdef Py_UCS4 cp
    cdef unsigned char c
    cdef int state = 0, nxt
    while cut > 0:
        cp = PyUnicode_READ(kind, data, cut - 1)
        if cp >= size or not (end_table[cp] & E_TAIL):
            break
        cut -= 1
    # States: 1 after START (CLOSE*), 2 after MARK1, 4 after MARK (CLOSE*), 8 in SPACE*.
    for i in range(cut - 1 if cut else 0, n):
        cp = PyUnicode_READ(kind, data, i)
        if cp < size:
            c = end_table[cp]
        elif astral and cp < 0x110000 and _astral_end[<uint32_t> cp >> 8] != NULL:
            c = _astral_end[<uint32_t> cp >> 8][<uint32_t> cp & 255]  # filled by _scan on the same text
        else:
            c = 0
        nxt = 0
        if state & 1:
            if c & E_CLOSE:
                nxt |= 1
            if c & E_MARK1:
                nxt |= 2
            if c & E_MARK:
                nxt |= 4
        if state & 2 and c & E_MARK:
            nxt |= 4
        if state & 4:
            if c & E_CLOSE:
                nxt |= 4
            if c & E_SPACE:
                nxt |= 8
        if state & 8 and c & E_SPACE:
            nxt |= 8
        if c & E_START:
            nxt |= 1
        state = nxt
    return (state & 12) != 0


# The class bits of features' character table (features._C_*) that _scan reads as constants:
# count_page takes a table only with these bits.
cdef enum:
    B_WORD = 1
    B_HAN = 2
    B_UPPER = 4
    B_PUNCT = 8
    B_SPACE = 16
    B_BEFORE = 32
    B_MARK = 64
    B_AFTER = 128
    B_DIGIT = 256

_SCAN_BITS = {"word": B_WORD, "han": B_HAN, "upper": B_UPPER, "punct": B_PUNCT, "space": B_SPACE,
              "before_mark": B_BEFORE, "mark": B_MARK, "after_mark": B_AFTER, "digit": B_DIGIT}

ctypedef fused _char_t:
    uint8_t
    uint16_t
    uint32_t

cdef struct _Counts:
    int64_t nw, punct, caps, brk, tok, hits
    bint digit, outside, wide


# The class bits (and sentence-end bits) of characters past count_page's table: emoji,
# CJK extension ideographs, mathematical letters. 256 code points at a time from count_page's
# astral(lo), which makes them as the table is made (the same patterns, one block of characters);
# kept until count_page is handed another astral. Without one, a text holding such a character
# is counted by stats_one.
cdef object _astral_source = None
cdef list _astral_keep = []
cdef const unsigned short *_astral_cls[0x1100]
cdef const unsigned char *_astral_end[0x1100]


cdef int _astral_reset(source) except -1:
    global _astral_source, _astral_keep
    cdef Py_ssize_t b
    for b in range(0x1100):
        _astral_cls[b] = NULL
        _astral_end[b] = NULL
    _astral_keep = []
    _astral_source = source
    return 0


cdef int _astral_fill(uint32_t cp) except -1:
    """Ask _astral_source for the bits of the 256 code points from (cp >> 8) << 8."""
    cdef Py_ssize_t b = cp >> 8
    cdef const unsigned short[::1] cls
    cdef const unsigned char[::1] ends
    got = _astral_source(b << 8)
    cls = got[0]
    ends = got[1]
    if cls.shape[0] != 256 or ends.shape[0] != 256:
        raise ValueError("astral(lo) must give 256 class bits and 256 end bits")
    _astral_keep.append(got)
    _astral_cls[b] = &cls[0]
    _astral_end[b] = &ends[0]
    return 0


cdef inline Py_ssize_t _token_stop(const _char_t *s, Py_ssize_t a, Py_ssize_t b, bint ascii, str t, int kind,
                                    StopTable stop, stopwords, Py_ssize_t longest, unsigned char *low,
                                    uint32_t *wlow) except -1:
    """Whether the token s[a:b] lowered (str.lower()) is a stopword: 1 or 0 (see _scan)."""
    cdef Py_ssize_t j
    cdef unsigned char ch
    if not ascii:
        return _other_stopword(t, kind, <const void *> s, a, b, stop, stopwords, wlow)
    if b - a > longest:
        return 0
    ch = <unsigned char> s[a]
    low[0] = ch + 32 if 65 <= ch <= 90 else ch
    low[1] = 0
    if b - a > 1:
        ch = <unsigned char> s[a + 1]
        low[1] = ch + 32 if 65 <= ch <= 90 else ch
    if not stop.may_have(low[0], low[1], b - a):
        return 0
    for j in range(2, b - a):
        ch = <unsigned char> s[a + j]
        low[j] = ch + 32 if 65 <= ch <= 90 else ch
    return 1 if stop.has(low, b - a) else 0


cdef uint32_t _run_class(const unsigned short[:] table):
    """The class of the ASCII lowercase letters for _scan's skip, or 0 when they differ or count.

    After a word character a letter of this class starts no word (it is no Han), adds no
    capital, punctuation or space, and (being neither mark nor after-mark) no sentence break,
    whatever stands around it.
    """
    cdef uint32_t cls
    cdef Py_ssize_t c
    if table.shape[0] < 123:
        return 0
    cls = table[97]
    for c in range(97, 123):
        if table[c] != cls:
            return 0
    if not cls & B_WORD or cls & (B_HAN | B_PUNCT | B_SPACE | B_MARK | B_AFTER):
        return 0
    return cls


cdef int _scan(const _char_t *s, Py_ssize_t n, const unsigned short *table, Py_ssize_t size, str t, int kind,
               StopTable stop, stopwords, Py_ssize_t longest, unsigned char *low, uint32_t *wlow,
               bint astral, uint32_t run_cls, _Counts *c) except -1:
    """count_page's counts of one text, read at its own width, the class bits as constants.

    The counts are sums of 0/1 terms where the reference branches: a word starts on a word
    character after none (or on a Han/Kana one), a capital word start, punctuation, a sentence
    break (a mark between a character before it and one after it; the first two characters
    have no two before them, as prev1 and prev2 start at 0). Tokens are runs of non-space
    characters; each token's stopword test is the reference's.

    run_cls (0: none) is the class of every ASCII lowercase letter when it adds nothing but
    itself to the counts after a word character (see _run_class): the letters that follow a
    word character are then skipped, only prev1, prev2 and class_or set as they would be.
    """
    cdef Py_ssize_t i, tok_start = 0
    cdef uint32_t cp, cls, prev1 = 0, prev2 = 0, wide_or = 0, class_or = 0, prev_word = 0, first
    cdef bint prev_space = True, tok_ascii = True, outside = False
    cdef int64_t nw = 0, punct = 0, caps = 0, brk = 0, tok = 0, hits = 0
    cdef Py_ssize_t j
    i = 0
    while i < n:
        cp = s[i]
        if cp < <uint32_t> size:
            cls = table[cp]
        elif astral and cp < 0x110000:
            if _astral_cls[cp >> 8] == NULL:
                _astral_fill(cp)
            cls = _astral_cls[cp >> 8][cp & 255]
        else:
            cls = table[0]
            outside = True
        if cls & B_SPACE:
            if not prev_space:
                hits += _token_stop(s, tok_start, i, tok_ascii, t, kind, stop, stopwords, longest, low, wlow)
            prev_space = True
        else:
            if prev_space:
                tok += 1
                tok_start = i
                tok_ascii = cp < 128
            elif cp >= 128:
                tok_ascii = False
            prev_space = False
        wide_or |= cp
        class_or |= cls
        first = ((cls & B_WORD) & ~prev_word) | ((cls & B_HAN) >> 1)
        nw += first
        caps += first & ((cls & B_UPPER) >> 2)
        punct += (cls & B_PUNCT) >> 3
        brk += ((prev2 & B_BEFORE) >> 5) & ((prev1 & B_MARK) >> 6) & ((cls & B_AFTER) >> 7)
        prev_word = cls & B_WORD
        prev2 = prev1
        prev1 = cls
        i += 1
        if prev_word and run_cls and not prev_space:
            # Lowercase letters after a word character: no word start, capital, punctuation,
            # break or token edge, ASCII (the token stays so, wide_or unchanged).
            if _char_t is uint8_t:
                j = bs_lower_run(s, i, n)
            elif _char_t is uint16_t:
                j = bs_lower_run16(s, i, n)
            else:
                j = i
                while j < n and <uint32_t> (s[j] - 97) < 26:
                    j += 1
            if j > i:
                prev2 = run_cls if j - i >= 2 else cls
                prev1 = run_cls
                class_or |= run_cls
                i = j
    # The text's end ends its last token, and the joining space stands in for its end.
    if not prev_space:
        hits += _token_stop(s, tok_start, n, tok_ascii, t, kind, stop, stopwords, longest, low, wlow)
    brk += ((prev2 & B_BEFORE) >> 5) & ((prev1 & B_MARK) >> 6) & ((table[32] & B_AFTER) >> 7)
    c.nw = nw
    c.punct = punct
    c.caps = caps
    c.brk = brk
    c.tok = tok
    c.hits = hits
    c.digit = (class_or & B_DIGIT) != 0
    c.outside = outside
    c.wide = wide_or >= 128
    return 0


def count_page(list texts, stopwords, int64_t[:, :] out, const unsigned short[:] table, dict bits,
               end_search, str end_tail, date_search, stats_one, end_table=None, month_starts=None,
               number_search=None, astral=None, month_words=None):
    """features._count_page over distinct texts, written into out (one column per text).

    The same counts from the same character table: word starts (a Han/Kana character is a
    word), punctuation, capital word starts, sentence breaks, whitespace tokens and their
    stopwords (ASCII tokens in a C table, see StopTable); the sentence end with the
    matcher above when end_table is given (else end_search), dates with the same pattern
    on the same texts, and texts with characters beyond the table with stats_one. See
    features._count_page.

    Dates: features._DATE's month alternatives (case-insensitive) are slow to search and
    can only match where a month name stands. Given month_starts (a byte per ASCII
    lowercase trigram: 1 where a month name starts so) and number_search (the pattern's
    alternatives without month names), an ASCII text where no such trigram starts a month
    form (_month_date_possible) is searched with number_search alone, which then finds the
    same dates, and only when it holds a digit, one of "./-:" and a digit in a row
    (_has_number_joint).

    Given month_words too (the month names of features._MONTHS that are ASCII, lowercase),
    an ASCII text's dates are found in C (_ascii_date) instead: no regex call.

    Characters past the table: given astral (astral(lo) gives the table's and end_table's bits
    of the 256 code points from lo, made as they are), a text holding them is counted like any
    other instead of by stats_one.
    """
    if bits != _SCAN_BITS:
        raise ValueError("count_page reads the class bits of features' table: " + repr(_SCAN_BITS))
    cdef unsigned short c_digit = B_DIGIT, c_after = B_AFTER
    cdef Py_ssize_t size = table.shape[0]
    cdef Py_ssize_t m = len(texts)
    cdef Py_ssize_t k, i, n
    cdef int kind
    cdef void *data
    cdef bytearray digit = bytearray(m)
    cdef bytearray outside = bytearray(m)
    cdef bytearray wide = bytearray(m)
    cdef str t
    cdef StopTable stop = _stop_table(stopwords)
    cdef unsigned char low[64]
    cdef uint32_t wlow[_WIDE_TOKEN]
    cdef Py_ssize_t longest = min(stop.longest, 64)
    cdef const unsigned char[:] ends
    cdef bint own_end = end_table is not None
    cdef _Counts got
    if size < 33 or not table[32] & B_SPACE:
        raise ValueError("table must hold the space character, as space")
    cdef uint32_t run_cls = _run_class(table)
    if own_end:
        ends = end_table
    if astral is not _astral_source:
        _astral_reset(astral)
    cdef bint by_astral = astral is not None
    for k in range(m):
        t = texts[k]
        n = len(t)
        kind = PyUnicode_KIND(t)
        data = PyUnicode_DATA(t)
        if kind == 1:
            _scan(<const uint8_t *> data, n, &table[0], size, t, kind, stop, stopwords, longest, low, wlow, by_astral, run_cls, &got)
        elif kind == 2:
            _scan(<const uint16_t *> data, n, &table[0], size, t, kind, stop, stopwords, longest, low, wlow, by_astral, run_cls, &got)
        else:
            _scan(<const uint32_t *> data, n, &table[0], size, t, kind, stop, stopwords, longest, low, wlow, by_astral, run_cls, &got)
        digit[k] = got.digit
        outside[k] = got.outside
        wide[k] = got.wide
        out[0, k] = got.nw
        out[1, k] = got.hits if got.nw > 0 else 0
        out[2, k] = got.punct
        out[3, k] = got.caps
        out[5, k] = got.brk
        out[7, k] = got.tok
        if own_end:
            if _sentence_end(kind, data, n, ends, by_astral):
                out[4, k] = 1
    cdef Py_ssize_t cut
    if not own_end:
        for k in range(m):
            t = texts[k]
            cut = len(t.rstrip(end_tail))
            if end_search(t, cut - 1 if cut else 0):
                out[4, k] = 1
    cdef const unsigned char[:] months
    cdef bint by_month = month_starts is not None and number_search is not None
    if by_month:
        months = month_starts
        if months.shape[0] != 26 * 26 * 26:
            raise ValueError("month_starts must hold 26**3 bytes")
    cdef bint by_words = by_month and month_words is not None
    cdef unsigned char neutral[_NEUTRAL_LONGEST]
    if by_words and month_words is not _month_source:
        _month_reset(month_words)
    for k in range(m):
        if out[0, k] <= 12 and digit[k]:
            t = texts[k]
            if by_words and not wide[k]:
                if _ascii_date(<const unsigned char *> PyUnicode_DATA(t), len(t), &months[0]):
                    out[6, k] = 1
            elif by_words and _neutral_ascii(t, len(t), &table[0], size, neutral):
                # Its characters past ASCII are neutral to the pattern (©, ’, », ·): it matches
                # where the same text with "!" for each of them does (see _neutral_ascii).
                if _ascii_date(neutral, len(t), &months[0]):
                    out[6, k] = 1
            elif by_month and not wide[k]:
                if _month_date_possible(t, months):
                    # A month form matches from _month_from on; a numeric one anywhere.
                    if date_search(t, _month_from(t, months)) or (_has_number_joint(t) and number_search(t)):
                        out[6, k] = 1
                elif _has_number_joint(t) and number_search(t):
                    out[6, k] = 1
            elif by_month and not _date_joint(t, table, c_digit, c_after):
                pass  # no form of the pattern can match: the search is slow on any text
            elif date_search(t):
                out[6, k] = 1
    for k in range(m):
        if outside[k]:
            row = stats_one(texts[k], stopwords)
            for i in range(8):
                out[i, k] = row[i]


cdef enum:
    _WIDE_TOKEN = 64  # a token with other than ASCII characters is lowered in C up to this length


cdef Py_ssize_t _other_stopword(str t, int kind, const void *data, Py_ssize_t a, Py_ssize_t b, StopTable stop,
                                stopwords, uint32_t *low) except -1:
    """How many of the words of the token t[a:b] (not all ASCII) taken lowercase are stopwords: 1 or 0.

    Its str.lower() is its characters' Py_UNICODE_TOLOWER one by one (tests check every code
    point but U+0130 and U+03A3, which go through str.lower()), as long as the token, and no
    whitespace: longer than every stopword, it is none; otherwise the set is asked for it.
    """
    cdef Py_ssize_t j, n = b - a
    cdef uint32_t c
    if n > _WIDE_TOKEN:
        return sum([w in stopwords for w in t[a:b].lower().split()])
    for j in range(n):
        c = PyUnicode_READ(kind, data, a + j)
        if c == 0x130 or c == 0x3A3:
            return sum([w in stopwords for w in t[a:b].lower().split()])
        if c >= 128:
            c = <uint32_t> Py_UNICODE_TOLOWER(<Py_UCS4> c)
        elif 65 <= c <= 90:
            c += 32
        low[j] = <Py_UCS4> c
    if n > stop.longest_any:
        return False
    if n < 64 and not (stop.any_lengths[_cp_slot(low[0], low[1] if n > 1 else 0)] >> n) & 1:
        return 0  # no word of the set opens with these two characters and is this long
    return 1 if PyUnicode_FromKindAndData(4, low, n) in stopwords else 0


cdef enum:
    _NEUTRAL_LONGEST = 256  # a date line has 12 words at most: a longer text is searched with the pattern


cdef bint _neutral_ascii(str t, Py_ssize_t n, const unsigned short *table, Py_ssize_t size,
                         unsigned char *out) noexcept:
    """Whether each character of t past ASCII is neutral to features._DATE, with t written into out
    as ASCII, "!" for each of them (at most _NEUTRAL_LONGEST characters).

    Neutral: no word character, Han or kana, digit or whitespace by the class table (bits made
    from the patterns' own \\w, \\d and \\s). Such a character (a symbol or punctuation: ©, ’, »,
    ·, –) matches none of the pattern's pieces (digits, whitespace, "./-:", the month names'
    letters in either case) and is a \\b's non-word side, as "!" is: the pattern finds a match
    in t where it finds one in out, which _ascii_date reads. A text of other characters past
    ASCII (letters as in "Frédéric", "März", other digits or spaces) is searched with the
    pattern itself (count_page). Of the 3,137 texts the pattern searched on the 787 sample pages
    before (session 25: four a page, some 16,000 instructions each), 2,464 hold only neutral ones.
    """
    cdef Py_ssize_t i
    cdef int kind = PyUnicode_KIND(t)
    cdef const void *data = PyUnicode_DATA(t)
    cdef Py_UCS4 cp
    if n > _NEUTRAL_LONGEST:
        return False
    for i in range(n):
        cp = PyUnicode_READ(kind, data, i)
        if cp < 128:
            out[i] = <unsigned char> cp
        elif cp < <Py_UCS4> size and not table[cp] & (B_WORD | B_HAN | B_DIGIT | B_AFTER | B_SPACE):
            out[i] = 33
        else:
            return False
    return True


cdef bint _date_joint(str t, const unsigned short[:] table, unsigned short c_digit, unsigned short c_space) except -1:
    """Whether t holds what every form of features._DATE holds (the pattern _date_parts accepts).

    A digit, one of "./-:" and a digit in a row (the numeric forms); whitespace and a digit
    (a month name's form: the name, "." and whitespace before the day); or a digit and
    whitespace at most three characters on (the day's form: the day, "st" "nd" "rd" "th"
    and "." before the name's whitespace). Digit and whitespace are the pattern's own \\d
    and \\s (table's bits c_digit and c_space); a character past the table answers True.
    """
    cdef Py_ssize_t n = len(t), i, last_digit = -8
    cdef int kind = PyUnicode_KIND(t)
    cdef void *data = PyUnicode_DATA(t)
    cdef Py_ssize_t size = table.shape[0]
    cdef Py_UCS4 cp, p1 = 0
    cdef unsigned short cls
    cdef bint prev_space = False
    for i in range(n):
        cp = PyUnicode_READ(kind, data, i)
        if cp >= size:
            return True
        cls = table[cp]
        if cls & c_digit:
            if prev_space or (last_digit == i - 2 and (p1 == 46 or p1 == 47 or p1 == 45 or p1 == 58)):
                return True
            last_digit = i
        elif cls & c_space and i - last_digit <= 4:
            return True
        prev_space = (cls & c_space) != 0
        p1 = cp
    return False


cdef bint _has_number_joint(str t) except -1:
    """Whether t (ASCII) has a digit, one of "./-:" and a digit in a row.

    Every form of number_search (features._DATE's numeric alternatives, checked by
    _compiled._date_parts) holds one, and in ASCII text its \\d is 0-9: without one it
    cannot match, and most texts with a number (a year, a count) have none.
    """
    cdef Py_ssize_t n = len(t), i
    cdef int kind = PyUnicode_KIND(t)
    cdef void *data = PyUnicode_DATA(t)
    cdef Py_UCS4 a, b, c
    if n < 3:
        return False
    a = PyUnicode_READ(kind, data, 0)
    b = PyUnicode_READ(kind, data, 1)
    for i in range(2, n):
        c = PyUnicode_READ(kind, data, i)
        if 48 <= c <= 57 and 48 <= a <= 57 and (b == 46 or b == 47 or b == 45 or b == 58):
            return True
        a = b
        b = c
    return False


cdef Py_ssize_t _month_from(str t, const unsigned char[:] months) except -1:
    """Where a match of features._DATE's month forms may start in t (ASCII): at or after this.

    Both forms put a month name where a word starts (at a trigram of month_starts, see
    _month_date_possible), the first form starting there, the second before it: "12th." and
    whitespace. So none starts before the first such trigram, less the whitespace before it and
    five characters. The search from there sees the text before it (\\b, lookbehind) as it
    would from the text's start.
    """
    cdef Py_ssize_t n = len(t), p, q
    cdef int kind = PyUnicode_KIND(t)
    cdef void *data = PyUnicode_DATA(t)
    for p in range(n - 2):
        if p > 0 and _word_char(<int> PyUnicode_READ(kind, data, p - 1)):
            continue  # not the start of a word
        if not _month_start_at(kind, data, p, &months[0]):
            continue
        q = p
        while q > 0 and _maybe_space(<int> PyUnicode_READ(kind, data, q - 1)):
            q -= 1
        return max(q - 5, 0)
    return 0


cdef inline bint _ascii_letter(int c) noexcept nogil:
    return 65 <= c <= 90 or 97 <= c <= 122


cdef inline bint _word_char(int c) noexcept nogil:
    return _ascii_letter(c) or 48 <= c <= 57 or c == 95


cdef inline bint _month_start_at(int kind, void *data, Py_ssize_t p, const unsigned char *months) noexcept:
    """Whether three ASCII letters at p (p + 2 inside the text) are a trigram of month_starts."""
    cdef int c0 = <int> PyUnicode_READ(kind, data, p)
    cdef int c1 = <int> PyUnicode_READ(kind, data, p + 1)
    cdef int c2 = <int> PyUnicode_READ(kind, data, p + 2)
    if not (_ascii_letter(c0) and _ascii_letter(c1) and _ascii_letter(c2)):
        return False
    return months[(((c0 | 32) - 97) * 26 + (c1 | 32) - 97) * 26 + (c2 | 32) - 97] != 0


cdef inline bint _maybe_space(int c) noexcept nogil:
    # The ASCII characters \s matches, and the separators 28-31 too in case it does.
    return 9 <= c <= 13 or 28 <= c <= 32


cdef bint _month_date_possible(str t, const unsigned char[:] months) except -1:
    """Whether features._DATE's month forms may match t (ASCII): False only when they cannot.

    Both forms put a month name at the start of a word, the whole run of letters there in
    "month .? \\s+ digit", or after whitespace in "digit (st|nd|rd|th)? .? \\s+ month". So
    a month start (a trigram of month_starts) must begin a word and be followed by its run of
    letters, an optional ".", whitespace and a digit, or stand after whitespace with a
    digit somewhere before it.
    """
    cdef Py_ssize_t n = len(t), p, q
    cdef int kind = PyUnicode_KIND(t)
    cdef void *data = PyUnicode_DATA(t)
    cdef int before
    cdef bint digit_before = False
    for p in range(n - 2):
        if p > 0:
            before = <int> PyUnicode_READ(kind, data, p - 1)
            if 48 <= before <= 57:
                digit_before = True
            if _word_char(before):
                continue  # not the start of a word
        if not _month_start_at(kind, data, p, &months[0]):
            continue
        if p > 0 and digit_before and _maybe_space(before):
            return True
        q = p + 3
        while q < n and _ascii_letter(<int> PyUnicode_READ(kind, data, q)):
            q += 1
        if q < n and <int> PyUnicode_READ(kind, data, q) == 46:  # "."
            q += 1
        if q < n and _maybe_space(<int> PyUnicode_READ(kind, data, q)):
            while q < n and _maybe_space(<int> PyUnicode_READ(kind, data, q)):
                q += 1
            if q < n and 48 <= <int> PyUnicode_READ(kind, data, q) <= 57:
                return True
    return False



# ---------------------------------------------------------------------------------------
# features._DATE on an ASCII text in one pass of C (session 18): count_page's dates without a
# regex call. An ASCII text's \d is 0-9, its \w [0-9A-Za-z_], its \s "\t\n\v\f\r " (the tests
# check each of the 128 characters against the pattern), and under IGNORECASE an ASCII letter
# matches its two cases only. Each of the five forms then fixes its runs: a run of digits
# that \d{1,2} (or \d{4}, \d{2}, \d{2,4} before \b) takes is the whole run from a word start,
# as the character after fewer digits is a digit; a month name between a word start and
# "\.?\s+" or \b is the whole run of letters there.

cdef enum:
    _MONTH_SLOTS = 96
    _MONTH_LONGEST = 15

cdef unsigned char _month_text[_MONTH_SLOTS][_MONTH_LONGEST + 1]
cdef unsigned char _month_len[_MONTH_SLOTS]
cdef Py_ssize_t _month_count = 0
cdef object _month_source = None


cdef int _month_reset(tuple words) except -1:
    """Keep the ASCII month names (lowercase letters, 3 to 15 of them) in a C table."""
    global _month_count, _month_source
    cdef Py_ssize_t k = 0, j
    cdef bytes b
    for w in words:
        b = (<str> w).encode("ascii")
        if not 3 <= len(b) <= _MONTH_LONGEST or k == _MONTH_SLOTS:
            raise ValueError("month_words must be at most 96 names of 3 to 15 ASCII letters")
        for j in range(len(b)):
            if not 97 <= b[j] <= 122:
                raise ValueError("month_words must be lowercase ASCII letters")
            _month_text[k][j] = b[j]
        _month_len[k] = <unsigned char> len(b)
        k += 1
    _month_count = k
    _month_source = words
    return 0


cdef inline bint _date_space(unsigned char c) noexcept nogil:
    return c == 32 or 9 <= c <= 13


cdef inline Py_ssize_t _digits_end(const unsigned char *s, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    while i < n and 48 <= s[i] <= 57:
        i += 1
    return i


cdef inline bint _ends_word(const unsigned char *s, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """\\b after a word character at i - 1: the text ends or s[i] is no word character."""
    return i >= n or not _word_char(s[i])


cdef inline bint _ordinal(const unsigned char *s, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """(?i:st|nd|rd|th) at i."""
    cdef unsigned char a, b
    if i + 1 >= n:
        return False
    a = s[i] | 32
    b = s[i + 1] | 32
    return (a == 115 and b == 116) or (a == 110 and b == 100) or (a == 114 and b == 100) or (a == 116 and b == 104)


cdef bint _month_word(const unsigned char *s, Py_ssize_t a, Py_ssize_t b, const unsigned char *months) noexcept nogil:
    """Whether the letters s[a:b] taken lowercase are one of the month names."""
    cdef Py_ssize_t k, j, n = b - a
    if n < 3 or n > _MONTH_LONGEST:
        return False
    if not months[(((s[a] | 32) - 97) * 26 + (s[a + 1] | 32) - 97) * 26 + (s[a + 2] | 32) - 97]:
        return False
    for k in range(_month_count):
        if _month_len[k] != n:
            continue
        j = 0
        while j < n and (s[a + j] | 32) == _month_text[k][j]:
            j += 1
        if j == n:
            return True
    return False


cdef bint _ascii_date(const unsigned char *s, Py_ssize_t n, const unsigned char *months) noexcept nogil:
    """Whether features._DATE finds a match in the ASCII text s[:n] (months: month_starts)."""
    cdef Py_ssize_t i = 0, u, v, w, q
    cdef unsigned char c
    while i < n:
        c = s[i]
        if i > 0 and _word_char(s[i - 1]):
            i += 1
            continue  # \b: no form starts inside a word
        if 48 <= c <= 57:
            u = _digits_end(s, i, n)
            if u - i <= 2 and u < n:
                c = s[u]
                if c == 46 or c == 47 or c == 45:  # \d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b
                    v = _digits_end(s, u + 1, n)
                    if 1 <= v - u - 1 <= 2 and v < n and (s[v] == 46 or s[v] == 47 or s[v] == 45):
                        w = _digits_end(s, v + 1, n)
                        if 2 <= w - v - 1 <= 4 and _ends_word(s, w, n):
                            return True
                elif c == 58:  # \d{1,2}:\d{2}\b
                    v = _digits_end(s, u + 1, n)
                    if v - u - 1 == 2 and _ends_word(s, v, n):
                        return True
                # \d{1,2}(?:st|nd|rd|th)?\.?\s+(?:month)\b
                v = u + 2 if _ordinal(s, u, n) else u
                if v < n and s[v] == 46:
                    v += 1
                if v < n and _date_space(s[v]):
                    while v < n and _date_space(s[v]):
                        v += 1
                    q = v
                    while q < n and _ascii_letter(s[q]):
                        q += 1
                    if _ends_word(s, q, n) and _month_word(s, v, q, months):
                        return True
            elif u - i == 4 and u < n and s[u] == 45:  # \d{4}-\d{2}-\d{2}\b
                v = _digits_end(s, u + 1, n)
                if v - u - 1 == 2 and v < n and s[v] == 45:
                    w = _digits_end(s, v + 1, n)
                    if w - v - 1 == 2 and _ends_word(s, w, n):
                        return True
            i = u
            continue
        if _ascii_letter(c):
            q = i + 1
            while q < n and _ascii_letter(s[q]):
                q += 1
            # (?:month)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b
            v = q
            if v < n and s[v] == 46:
                v += 1
            if v < n and _date_space(s[v]) and _month_word(s, i, q, months):
                while v < n and _date_space(s[v]):
                    v += 1
                w = _digits_end(s, v, n)
                if 1 <= w - v <= 2 and (_ends_word(s, w, n) or (_ordinal(s, w, n) and _ends_word(s, w + 2, n))):
                    return True
            i = q
            continue
        i += 1
    return False


def ascii_date(str text, const unsigned char[:] month_starts, tuple month_words):
    """count_page's answer for an ASCII text: whether features._DATE finds a match (tests)."""
    if not PyUnicode_IS_ASCII(text):
        raise ValueError("ascii_date reads ASCII texts only")
    if month_starts.shape[0] != 26 * 26 * 26:
        raise ValueError("month_starts must hold 26**3 bytes")
    if month_words is not _month_source:
        _month_reset(month_words)
    return _ascii_date(<const unsigned char *> PyUnicode_DATA(text), len(text), &month_starts[0])

# ---------------------------------------------------------------------------------------
# segment._may_nest_deeply: the same bound in one pass over the bytes instead of numpy arrays.

cdef extern from *:
    """
    #include <stdint.h>
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif
    /* How many of s's n bytes are c: 16 a step with SSE2, byte counters summed every 255 steps
       (memchr from one to the next costs a call a byte found; a page has a "<" every ~30 bytes). */
    static Py_ssize_t bs_count_byte(const unsigned char *s, Py_ssize_t n, unsigned char c) {
        Py_ssize_t i = 0, count = 0;
    #if defined(__SSE2__)
        const __m128i want = _mm_set1_epi8((char)c);
        while (i + 16 <= n) {
            __m128i acc = _mm_setzero_si128(), sums;
            Py_ssize_t stop = i + 255 * 16;
            if (stop > n) stop = n;
            for (; i + 16 <= stop; i += 16)
                acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + i)), want));
            sums = _mm_sad_epu8(acc, _mm_setzero_si128());
            count += _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
        }
    #endif
        for (; i < n; i++)
            count += s[i] == c;
        return count;
    }
    """
    Py_ssize_t bs_count_byte(const unsigned char *s, Py_ssize_t n, unsigned char c) noexcept nogil


cdef bint _is_void_name(const unsigned char *base, Py_ssize_t j, Py_ssize_t n):
    """Whether the tag name at base[j] is a void element's (br, img, ...), ended by "\\t\\n\\f\\r /" or ">"."""
    cdef unsigned char name[8]
    cdef Py_ssize_t k = 0
    cdef unsigned char b
    while k < 7 and j + k < n:
        b = base[j + k]
        if 65 <= b <= 90:
            b |= 32
        if not 97 <= b <= 122:
            break
        name[k] = b
        k += 1
    if k < 2 or k > 6 or j + k >= n:
        return False
    b = base[j + k]
    if not (b == 9 or b == 10 or b == 12 or b == 13 or b == 32 or b == 47 or b == 62):
        return False
    if k == 2:
        return memcmp(name, b"br", 2) == 0 or memcmp(name, b"hr", 2) == 0
    if k == 3:
        return memcmp(name, b"col", 3) == 0 or memcmp(name, b"img", 3) == 0 or memcmp(name, b"wbr", 3) == 0
    if k == 4:
        return (memcmp(name, b"area", 4) == 0 or memcmp(name, b"base", 4) == 0
                or memcmp(name, b"link", 4) == 0 or memcmp(name, b"meta", 4) == 0)
    if k == 5:
        return memcmp(name, b"embed", 5) == 0 or memcmp(name, b"input", 5) == 0 or memcmp(name, b"track", 5) == 0
    return memcmp(name, b"source", 6) == 0


def may_nest_deeply(const unsigned char[:] data, long limit):
    """segment._may_nest_deeply (limit: its _DEEP_LIMIT): does the running count of "<letter" minus "</"
    (void elements' tags counting neither way) reach limit."""
    cdef Py_ssize_t n = data.shape[0]
    cdef Py_ssize_t i = 0
    cdef long depth = 0
    cdef Py_ssize_t left = 0
    cdef unsigned char c
    cdef const unsigned char *base
    cdef const unsigned char *hit
    if n < 2:
        return False
    base = &data[0]
    # The "<"s a tag can start at (all but the last byte): each raises the count by one at
    # most, so the walk below stops as soon as those left cannot take it to limit (a page of
    # fewer never starts it).
    left = bs_count_byte(base, n - 1, 60)
    if left < limit:
        return False
    i = 0
    while True:
        # memchr jumps to the next "<" (most of a page is text and attributes).
        hit = <const unsigned char *> memchr(base + i, 60, n - 1 - i)
        if hit == NULL:
            return False
        i = hit - base
        left -= 1
        if depth + 1 + left < limit:
            return False  # this tag and every one left open: still short of limit
        if base[i + 1] == 47:  # "/"
            if not (i + 2 < n and 97 <= (base[i + 2] | 32) <= 122 and _is_void_name(base, i + 2, n)):
                depth -= 1
        else:
            c = base[i + 1] | 32
            if 97 <= c <= 122 and not _is_void_name(base, i + 1, n):
                depth += 1
                if depth >= limit:
                    return True
        i += 1
        if i >= n - 1:
            return False


# ---------------------------------------------------------------------------------------
# features._repeated: which texts' keys (str.strip().lower()) occur more than once.

cdef struct Key:
    const void *data  # the key's first character, in its text (or in its str.lower())
    int kind
    bint raw  # data is the key as it is (str.strip().lower() made in Python), else taken lowercase here
    Py_ssize_t length
    Py_ssize_t count


cdef inline bint _strip_space(Py_UCS4 c) noexcept nogil:
    # str.strip's whitespace among ASCII characters (Py_UNICODE_ISSPACE).
    return 9 <= c <= 13 or 28 <= c <= 32


cdef inline Py_UCS4 _key_char(const Key *k, Py_ssize_t j) noexcept:
    """The key's character j: read as it is (raw), or taken lowercase one character at a time."""
    cdef Py_UCS4 c = PyUnicode_READ(k.kind, k.data, j)
    if k.raw:
        return c
    if c < 128:
        return _lc(<unsigned char> c)
    return Py_UNICODE_TOLOWER(c)


def simple_lower(uint32_t c):
    """repeated's lowercase of a character other than U+0130 and U+03A3, as a code point (tests: str.lower's)."""
    return <uint32_t> Py_UNICODE_TOLOWER(<Py_UCS4> c)


cdef inline bint _same_key(const Key *x, const Key *y) noexcept:
    cdef Py_ssize_t j
    cdef const uint8_t *a
    cdef const uint8_t *b
    if x.length != y.length:
        return False
    if x.kind == 1 and y.kind == 1 and not x.raw and not y.raw and _latin1_ready:
        a = <const uint8_t *> x.data
        b = <const uint8_t *> y.data
        for j in range(x.length):
            if a[j] != b[j] and _latin1_lower[a[j]] != _latin1_lower[b[j]]:
                return False
        return True
    for j in range(x.length):
        if _key_char(x, j) != _key_char(y, j):
            return False
    return True


cdef enum:
    _HASHED = 16


# Py_UNICODE_TOLOWER of each Latin-1 character (each is Latin-1 again; _latin1_ready says the
# table holds them): _key_hash reads a one-byte key through it instead of _key_char.
cdef uint8_t _latin1_lower[256]
cdef bint _latin1_ready = False


cdef int _fill_latin1_lower() except -1:
    global _latin1_ready
    cdef Py_UCS4 c, low
    for c in range(256):
        low = Py_UNICODE_TOLOWER(c)
        if low > 255:
            return 0
        _latin1_lower[c] = <uint8_t> low
    _latin1_ready = True
    return 0


_fill_latin1_lower()


cdef uint64_t _key_hash(const Key *k) noexcept:
    # FNV-1a over the key's characters taken lowercase, its length mixed in; of a long key only
    # its first and last _HASHED characters: equal keys hash alike, and _same_key compares them whole.
    cdef uint64_t h = 1469598103934665603ULL ^ <uint64_t> k.length
    cdef Py_ssize_t j, n = k.length
    cdef const uint8_t *b
    if k.kind == 1 and not k.raw and _latin1_ready:
        # The same characters as _key_char's, one byte each.
        b = <const uint8_t *> k.data
        if n <= 2 * _HASHED:
            for j in range(n):
                h = (h ^ <uint64_t> _latin1_lower[b[j]]) * 1099511628211ULL
            return h
        for j in range(_HASHED):
            h = (h ^ <uint64_t> _latin1_lower[b[j]]) * 1099511628211ULL
        for j in range(n - _HASHED, n):
            h = (h ^ <uint64_t> _latin1_lower[b[j]]) * 1099511628211ULL
        return h
    if n <= 2 * _HASHED:
        for j in range(n):
            h = (h ^ <uint64_t> _key_char(k, j)) * 1099511628211ULL
        return h
    for j in range(_HASHED):
        h = (h ^ <uint64_t> _key_char(k, j)) * 1099511628211ULL
    for j in range(n - _HASHED, n):
        h = (h ^ <uint64_t> _key_char(k, j)) * 1099511628211ULL
    return h


def repeated(list texts, double[::1] out):
    """features._repeated into out (zeros, one per text): 1.0 where the text's key occurs twice or more.

    A text's key is str.strip().lower(), hashed and compared in a C table without making it:
    the stripped run of the text, taken lowercase one character at a time with
    Py_UNICODE_TOLOWER, str.lower's own mapping for every character but two (tests check each
    code point). A text holding either (U+0130, whose lowercase is two characters, or U+03A3,
    whose lowercase depends on the letters around it) gets str.strip().lower() itself, read as
    it is: the same keys in the same table ("\\u212a" joins "k").
    """
    cdef Py_ssize_t n = len(texts), i, j, a, b, size = 16, mask
    cdef Py_ssize_t *slot_of = NULL
    cdef Key *table = NULL
    cdef Key key
    cdef const void *data
    cdef int kind
    cdef Py_UCS4 c
    cdef str t
    cdef list keep = []
    if out.shape[0] != n:
        raise ValueError("out must hold one value per text")
    while size < 2 * n:
        size *= 2
    mask = size - 1
    table = <Key *> malloc(size * sizeof(Key))
    slot_of = <Py_ssize_t *> malloc((n + 1) * sizeof(Py_ssize_t))
    if table == NULL or slot_of == NULL:
        free(table)
        free(slot_of)
        raise MemoryError()
    try:
        for j in range(size):
            table[j].data = NULL
        for i in range(n):
            t = texts[i]
            kind = PyUnicode_KIND(t)
            data = PyUnicode_DATA(t)
            a = 0
            b = len(t)
            key.raw = False
            if PyUnicode_IS_ASCII(t):
                while a < b and _strip_space(PyUnicode_READ(kind, data, a)):
                    a += 1
                while b > a and _strip_space(PyUnicode_READ(kind, data, b - 1)):
                    b -= 1
            else:
                while a < b and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, a)):
                    a += 1
                while b > a and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, b - 1)):
                    b -= 1
                # Both lie past Latin-1: a text of one byte a character holds neither.
                if kind == 2:
                    key.raw = bs_u16_has2(<const uint16_t *> data + a, b - a, 0x130, 0x3A3) != 0
                elif kind == 4:
                    for j in range(a, b):
                        c = PyUnicode_READ(kind, data, j)
                        if c == 0x130 or c == 0x3A3:
                            key.raw = True
                            break
            if key.raw:
                t = t.strip().lower()
                keep.append(t)
                kind = PyUnicode_KIND(t)
                data = PyUnicode_DATA(t)
                a = 0
                b = len(t)
            key.kind = kind
            key.data = (<const char *> data) + a * kind
            key.length = b - a
            j = <Py_ssize_t> (_key_hash(&key) >> 1) & mask
            while table[j].data != NULL:
                if _same_key(&table[j], &key):
                    break
                j = (j + 1) & mask
            if table[j].data == NULL:
                table[j] = key
                table[j].count = 0
            table[j].count += 1
            slot_of[i] = j
        for i in range(n):
            if table[slot_of[i]].count > 1:
                out[i] = 1.0
    finally:
        free(table)
        free(slot_of)


# ---------------------------------------------------------------------------------------------------
# Raw text out of the parser's way (session 23, spd)
#
# strip_raw_text hands Lexbor a copy of the page without the text inside <script> and <style>:
# the walk skips those elements, and their text (a third of a page's bytes) costs Lexbor's
# tokenizer ~7 instructions a byte, then a copy into a text node. The scan follows the HTML
# tokenizer's states up to each such element (tags and their quoted attribute values, comments,
# bogus comments, the other raw text and RCDATA elements) so that it removes only what the
# tokenizer reads as that element's text; where the tree builder's context could change that
# (inside <svg>, in a <select>, a <!-- ... <script in a script, <math>, <frameset>, <plaintext>)
# it removes nothing there or stops (docs/design.md, "Raw text", session 23).

cdef enum:
    RK_NONE = 0
    RK_SCRIPT = 1  # script data
    RK_STYLE = 2  # RAWTEXT, removed
    RK_RAWTEXT = 3  # xmp, iframe, noembed, noframes: RAWTEXT, kept
    RK_RCDATA = 4  # title, textarea
    RK_SVG = 5
    RK_SELECT = 6
    RK_SVG_POINT = 7  # foreignobject, desc: HTML integration points inside <svg>
    RK_STOP = 8  # plaintext, math, frameset; body (the scan pays for itself in the head only)

cdef inline bint _tk_alpha(unsigned char c) noexcept nogil:
    return <unsigned char> ((c | 32) - 97) < 26


cdef inline bint _tk_name_end(unsigned char c) noexcept nogil:
    """What ends a tag's name: whitespace, "/" or ">"."""
    return c == 9 or c == 10 or c == 12 or c == 13 or c == 32 or c == 47 or c == 62


cdef inline bint _tk_same(const unsigned char *s, const char *lower, Py_ssize_t k) noexcept nogil:
    """Whether s's k bytes are lower's ASCII letters in any case."""
    cdef Py_ssize_t j
    for j in range(k):
        if (s[j] | 32) != <unsigned char> lower[j]:
            return False
    return True


cdef int _raw_kind(const unsigned char *s, Py_ssize_t k) noexcept nogil:
    """What a start or end tag's name (s, k bytes, any case) means to the scan."""
    if k == 6:
        if _tk_same(s, b"script", 6):
            return RK_SCRIPT
        if _tk_same(s, b"select", 6):
            return RK_SELECT
        if _tk_same(s, b"iframe", 6):
            return RK_RAWTEXT
    elif k == 5:
        if _tk_same(s, b"style", 5):
            return RK_STYLE
        if _tk_same(s, b"title", 5):
            return RK_RCDATA
    elif k == 3:
        if _tk_same(s, b"svg", 3):
            return RK_SVG
        if _tk_same(s, b"xmp", 3):
            return RK_RAWTEXT
    elif k == 8:
        if _tk_same(s, b"textarea", 8):
            return RK_RCDATA
        if _tk_same(s, b"noframes", 8):
            return RK_RAWTEXT
        if _tk_same(s, b"frameset", 8):
            return RK_STOP
    elif k == 4:
        if _tk_same(s, b"math", 4):
            return RK_STOP
        if _tk_same(s, b"desc", 4):
            return RK_SVG_POINT
        if _tk_same(s, b"body", 4):
            return RK_STOP
    elif k == 7:
        if _tk_same(s, b"noembed", 7):
            return RK_RAWTEXT
    elif k == 9:
        if _tk_same(s, b"plaintext", 9):
            return RK_STOP
    elif k == 13:
        if _tk_same(s, b"foreignobject", 13):
            return RK_SVG_POINT
    return RK_NONE


cdef extern from *:
    """
    #if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
    #include <emmintrin.h>
    #define BS_FIND_SSE2 1
    #endif
    /* The tokenizer's classes of a byte inside a tag: 0 anything else, 1 whitespace (CR too: the
       input stream makes it LF), 2 "/", 3 "=", 4 a quote, 5 ">". */
    static const unsigned char bs_tag_class[256] = {
        [9] = 1, [10] = 1, [12] = 1, [13] = 1, [32] = 1, [47] = 2, [61] = 3, [34] = 4, [39] = 4, [62] = 5};

    /* The first byte c at or after s[i], else n: 16 bytes a step, inline (the "<" after a tag and
       the end of a quoted value are ~30 bytes on, where a memchr call costs more than the search). */
    static inline Py_ssize_t bs_find(const unsigned char *s, Py_ssize_t i, Py_ssize_t n, unsigned char c) {
    #ifdef BS_FIND_SSE2
        const __m128i want = _mm_set1_epi8((char)c);
        while (i + 16 <= n) {
            int m = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + i)), want));
            if (m)
                return i + __builtin_ctz((unsigned)m);
            i += 16;
        }
    #endif
        for (; i < n; i++)
            if (s[i] == c)
                return i;
        return n;
    }

    /* Where a tag's name that starts at s[i] ends: at whitespace, "/" or ">" (or n). */
    static inline Py_ssize_t bs_name_end(const unsigned char *s, Py_ssize_t i, Py_ssize_t n) {
        while (i < n && !((0x26 >> bs_tag_class[s[i]]) & 1))
            i++;
        return i;
    }

    /* Just past the ">" that ends a tag whose name ends at s[i], through the tokenizer's attribute
       states (before name 0, name 1, after name 2, before value 3, unquoted 4, after a quoted value
       5, self-closing 6); -1 when the page ends first. *self_closing: it ends in "/>" (state 6). */
    static Py_ssize_t bs_tag_end(const unsigned char *s, Py_ssize_t i, Py_ssize_t n, int *self_closing) {
        static const unsigned char next[7][5] = {
            /* other, whitespace, "/", "=", quote */
            {1, 0, 6, 1, 1},
            {1, 2, 6, 3, 1},
            {1, 2, 6, 3, 1},
            {4, 3, 4, 4, 5},  /* a quote here opens a quoted value, read apart */
            {4, 0, 4, 4, 4},
            {1, 0, 6, 1, 1},  /* anything but whitespace, "/" and ">" is reconsumed before a name */
            {1, 0, 6, 1, 1},
        };
        int st = 0, k;
        Py_ssize_t q;
        *self_closing = 0;
        /* The common run first: whitespace, a name, "=" and a quoted value, again and again. */
        while (i + 1 < n && bs_tag_class[s[i]] == 1) {
            i++;
            if (bs_tag_class[s[i]] != 0) {
                st = 0;
                break;
            }
            i++;
            while (i < n && bs_tag_class[s[i]] == 0)
                i++;
            if (i + 1 >= n || s[i] != 61 || bs_tag_class[s[i + 1]] != 4) {
                st = 1;  /* in a name: the states below read the rest */
                break;
            }
            q = bs_find(s, i + 2, n, s[i + 1]);
            if (q >= n)
                return -1;
            i = q + 1;
            st = 5;
        }
        while (i < n) {
            k = bs_tag_class[s[i]];
            if (k == 5) {
                *self_closing = st == 6;
                return i + 1;
            }
            if (k == 4 && st == 3) {
                q = bs_find(s, i + 1, n, s[i]);
                if (q >= n)
                    return -1;
                i = q + 1;
                st = 5;
                continue;
            }
            if (k == 0 && (st == 1 || st == 4)) {
                /* the rest of a name or an unquoted value */
                i++;
                while (i < n && bs_tag_class[s[i]] == 0)
                    i++;
                continue;
            }
            st = next[st][k];
            i++;
        }
        return -1;
    }
    """
    Py_ssize_t bs_find(const unsigned char *s, Py_ssize_t i, Py_ssize_t n, unsigned char c) noexcept nogil
    Py_ssize_t bs_name_end(const unsigned char *s, Py_ssize_t i, Py_ssize_t n) noexcept nogil
    Py_ssize_t bs_tag_end(const unsigned char *s, Py_ssize_t i, Py_ssize_t n, int *self_closing) noexcept nogil


cdef Py_ssize_t _raw_end(const unsigned char *s, Py_ssize_t n, Py_ssize_t i, const unsigned char *name,
                         Py_ssize_t k, int mode) noexcept nogil:
    """Where the text of a raw element opened by name (k bytes) that starts at s[i] ends: the "<"
    of the first "</name" (any case) followed by whitespace, "/" or ">". mode 0: RAWTEXT or
    RCDATA; 1: script data, -1 (give up) at a "<script" after a "<!--" (the tokenizer's double
    escape); 2: the element may be read as markup instead, -1 at any other "<" first. -1 too
    when the page ends first."""
    cdef const unsigned char *hit
    cdef Py_ssize_t j
    cdef bint escaped = False
    while True:
        hit = <const unsigned char *> memchr(s + i, 60, n - i)
        if hit == NULL:
            return -1
        j = hit - s
        if j + 2 + k < n and s[j + 1] == 47 and _tk_same(s + j + 2, <const char *> name, k) \
                and _tk_name_end(s[j + 2 + k]):
            return j
        if mode == 2:
            return -1
        if mode == 1:
            if j + 3 < n and s[j + 1] == 33 and s[j + 2] == 45 and s[j + 3] == 45:
                escaped = True
            elif escaped and (j + 7 >= n or (_tk_same(s + j + 1, b"script", 6) and _tk_name_end(s[j + 7]))):
                return -1
        i = j + 1


cdef Py_ssize_t _comment_end(const unsigned char *s, Py_ssize_t n, Py_ssize_t i) noexcept nogil:
    """Just past the end of a comment whose "<!--" ends at s[i]: "<!-->", "<!--->", else the first
    "-->" or "--!>" after it (found from one ">" to the next); -1 when the page ends first."""
    cdef const unsigned char *hit
    cdef Py_ssize_t g
    if i < n and s[i] == 62:
        return i + 1
    if i + 1 < n and s[i] == 45 and s[i + 1] == 62:
        return i + 2
    g = i
    while True:
        hit = <const unsigned char *> memchr(s + g, 62, n - g)
        if hit == NULL:
            return -1
        g = hit - s
        if g - 2 >= i and s[g - 1] == 45 and s[g - 2] == 45:
            return g + 1
        if g - 3 >= i and s[g - 1] == 33 and s[g - 2] == 45 and s[g - 3] == 45:
            return g + 1
        g += 1


cdef Py_ssize_t _raw_ranges(const unsigned char *s, Py_ssize_t n, Py_ssize_t *ranges, Py_ssize_t room) noexcept nogil:
    """The (start, end) byte ranges of the <script> and <style> texts to leave out, in ranges (2 *
    room slots); how many, or -1 when there are more than room."""
    cdef Py_ssize_t i = 0, j, e, e2, end, count = 0
    cdef const unsigned char *hit
    cdef unsigned char c
    cdef int kind, mode
    cdef long svg = 0, select = 0
    cdef int self_closing
    cdef bint unsure
    cdef unsigned char name[16]
    while True:
        i = bs_find(s, i, n, 60)
        if i + 2 >= n:
            break
        c = s[i + 1]
        if _tk_alpha(c):
            # A start tag: its name, then its attributes.
            j = bs_name_end(s, i + 2, n)
            if j >= n:
                break
            kind = _raw_kind(s + i + 1, j - i - 1)
            e = bs_tag_end(s, j, n, &self_closing)
            if e < 0 or kind == RK_STOP:
                break
            if kind == RK_NONE:
                i = e
            elif kind == RK_SVG:
                svg += not self_closing
                i = e
            elif kind == RK_SELECT:
                select += 1
                i = e
            elif kind == RK_SVG_POINT:
                if svg:
                    break
                i = e
            else:
                # Inside <svg> the element may be foreign (its text read as markup); in a
                # <select> the tree builder may drop a start tag other than <script>.
                unsure = svg > 0 or (select > 0 and kind != RK_SCRIPT)
                mode = 2 if unsure else (1 if kind == RK_SCRIPT else 0)
                for e2 in range(j - i - 1):  # the name in lower case (letters only, at most 13)
                    name[e2] = s[i + 1 + e2] | 32
                end = _raw_end(s, n, e, name, j - i - 1, mode)
                if end < 0:
                    break
                if not unsure and (kind == RK_SCRIPT or kind == RK_STYLE) and end > e:
                    if count == room:
                        return -1
                    ranges[2 * count] = e
                    ranges[2 * count + 1] = end
                    count += 1
                i = end  # its end tag is read next
        elif c == 47:
            c = s[i + 2]
            if _tk_alpha(c):
                j = bs_name_end(s, i + 3, n)
                if j >= n:
                    break
                kind = _raw_kind(s + i + 2, j - i - 2)
                e = bs_tag_end(s, j, n, &self_closing)
                if e < 0:
                    break
                if kind == RK_SVG and svg > 0:
                    svg -= 1
                elif kind == RK_SELECT and select > 0:
                    select -= 1
                i = e
            elif c == 62:
                i += 3
            else:  # a bogus comment, to the first ">"
                hit = <const unsigned char *> memchr(s + i + 2, 62, n - i - 2)
                if hit == NULL:
                    break
                i = hit - s + 1
        elif c == 33:
            if i + 3 < n and s[i + 2] == 45 and s[i + 3] == 45:
                e = _comment_end(s, n, i + 4)
                if e < 0:
                    break
                i = e
            else:
                # A doctype or a bogus comment (CDATA too, outside foreign content): to the first
                # ">". Inside <svg> a "<![CDATA[" runs to "]]>": the same end only when the first
                # ">" closes a "]]>".
                hit = <const unsigned char *> memchr(s + i + 2, 62, n - i - 2)
                if hit == NULL:
                    break
                e = hit - s
                if svg > 0 and i + 9 <= n and memcmp(s + i + 2, b"[CDATA[", 7) == 0 \
                        and not (e - 2 >= i + 9 and s[e - 1] == 93 and s[e - 2] == 93):
                    break
                i = e + 1
        elif c == 63:  # "<?": a bogus comment
            hit = <const unsigned char *> memchr(s + i + 2, 62, n - i - 2)
            if hit == NULL:
                break
            i = hit - s + 1
        else:
            i += 1
    return count


def strip_raw_text(bytes data):
    """data without the text of its <script> and <style> elements, where the scan is sure what
    the tokenizer reads as that text; data itself when there is none to leave out."""
    cdef const unsigned char *s = <const unsigned char *> PyBytes_AS_STRING(data)
    cdef Py_ssize_t n = len(data)
    cdef Py_ssize_t room = 64, count, r, at, size, cut
    cdef Py_ssize_t *ranges = <Py_ssize_t *> malloc(2 * room * sizeof(Py_ssize_t))
    cdef Py_ssize_t *grown
    cdef char *out
    if ranges == NULL:
        raise MemoryError()
    try:
        while True:
            count = _raw_ranges(s, n, ranges, room)
            if count >= 0:
                break
            room *= 4
            grown = <Py_ssize_t *> realloc(ranges, 2 * room * sizeof(Py_ssize_t))
            if grown == NULL:
                raise MemoryError()
            ranges = grown
        if count == 0:
            return data
        cut = 0
        for r in range(count):
            cut += ranges[2 * r + 1] - ranges[2 * r]
        result = PyBytes_FromStringAndSize(NULL, n - cut)
        out = PyBytes_AS_STRING(result)
        at = 0
        size = 0
        for r in range(count):
            memcpy(out + size, s + at, ranges[2 * r] - at)
            size += ranges[2 * r] - at
            at = ranges[2 * r + 1]
        memcpy(out + size, s + at, n - at)
        return result
    finally:
        free(ranges)


# ---------------------------------------------------------------------------------------
# Decode (session 24, sp2): decode._control_count's twin.

cdef extern from *:
    """
    #include <stdint.h>
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif
    /* decode._CONTROL's bytes: the C0 controls but tab, LF, FF, CR and ESC, and DEL. */
    static int bs_is_control(unsigned char c) {
        return (c < 32 && c != 9 && c != 10 && c != 12 && c != 13 && c != 27) || c == 127;
    }
    /* How many of s[:n] are control bytes: 16 at a time (SSE2), a byte below 32 and outside
       9..13 and 27, or 11, or 127; the sixteen's bits counted only where one is set (text has
       none or a stray few). */
    static Py_ssize_t bs_control_count(const unsigned char *s, Py_ssize_t n) {
        Py_ssize_t i = 0, count = 0;
    #if defined(__SSE2__)
        const __m128i c31 = _mm_set1_epi8(31), c9 = _mm_set1_epi8(9), c13 = _mm_set1_epi8(13);
        const __m128i c11 = _mm_set1_epi8(11), c27 = _mm_set1_epi8(27), c127 = _mm_set1_epi8(127);
        for (; i + 16 <= n; i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, c31), v);                     /* v <= 31 */
            __m128i spaces = _mm_cmpeq_epi8(_mm_min_epu8(_mm_max_epu8(v, c9), c13), v); /* 9 <= v <= 13 */
            __m128i kept = _mm_andnot_si128(_mm_cmpeq_epi8(v, c11), _mm_or_si128(spaces, _mm_cmpeq_epi8(v, c27)));
            unsigned int m = (unsigned int)_mm_movemask_epi8(
                _mm_or_si128(_mm_andnot_si128(kept, low), _mm_cmpeq_epi8(v, c127)));
            while (m) {
                count++;
                m &= m - 1;
            }
        }
    #endif
        for (; i < n; i++) count += bs_is_control(s[i]);
        return count;
    }
    """
    Py_ssize_t bs_control_count(const unsigned char *s, Py_ssize_t n) noexcept nogil


def control_count(bytes data, Py_ssize_t end):
    """decode._control_count: how many of data[:end]'s bytes (end >= 0) are decode._CONTROL's."""
    cdef Py_ssize_t n = len(data)
    if end < 0:
        raise ValueError("end must be >= 0")
    return bs_control_count(<const unsigned char *> PyBytes_AS_STRING(data), min(n, end))
