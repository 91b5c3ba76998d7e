# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled twins of the page-level steps of features, score and smooth.

Each works on one page's arrays in a C loop where the Python code makes a few dozen numpy
calls on arrays of ~200 blocks, most of whose cost is numpy's per-call overhead. The
Python functions stay the reference and the fallback: parse/_compiled.py swaps each twin
in only after it gives the same result on probe inputs (see docs/design.md, "Compiled
features, score and smooth"). Where the result depends on the order of floating-point
additions the twins add in the same order (sequential prefix sums), or call the same numpy
function as the reference.
"""

import numpy as np

from cpython.unicode cimport (
    Py_UNICODE_ISSPACE, PyUnicode_CheckExact, PyUnicode_DATA, PyUnicode_GET_LENGTH, PyUnicode_KIND, PyUnicode_READ,
)
from libc.stdint cimport int64_t, uint8_t, uint16_t, uint32_t, uint64_t
from libc.stdlib cimport calloc, free, malloc, realloc
from libc.string cimport memcmp, memcpy, memset
from cpython.buffer cimport PyBUF_RECORDS, PyBUF_RECORDS_RO, PyBUF_SIMPLE, PyBUF_WRITABLE, PyBuffer_Release, PyObject_GetBuffer


cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object)
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch)
    object PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)

ctypedef signed char[:] int8_t_view


# ---------------------------------------------------------------------------------------
# features._ellipsis

def ellipsis(list texts, str tail):
    """features._ellipsis: 1.0 where a text matches (?:\\.\\.\\.|…)\\s*[\\]\\)]?\\s*$, else 0.0.

    tail holds the characters such a match is made of (features._ELLIPSIS_TAIL: the dots,
    "…", the brackets and every \\s character); a match starts where the text's run of
    them starts or later, as in the reference. A set of states is run over that run.
    """
    cdef Py_ssize_t m = len(texts), k, n, i, cut
    out = _ZEROS(m, _F64)
    cdef double[:] o = out
    cdef str t
    cdef int kind
    cdef void *data
    cdef Py_UCS4 cp
    cdef int state
    cdef int dots
    for k in range(m):
        t = texts[k]
        n = len(t)
        if n == 0:
            continue
        kind = PyUnicode_KIND(t)
        data = PyUnicode_DATA(t)
        cp = PyUnicode_READ(kind, data, n - 1)
        if cp != 0x2026 and cp != 46 and cp != 93 and cp != 41 and not _is_space(cp):
            continue  # most texts end otherwise
        cut = n
        while cut > 0 and PyUnicode_READ(kind, data, cut - 1) in tail:
            cut -= 1
        # States: 1 after the dots (\s*), 2 after the bracket (\s*).
        state = 0
        dots = 0
        for i in range(cut, n):
            cp = PyUnicode_READ(kind, data, i)
            if _is_space(cp):
                state &= 3
            elif cp == 93 or cp == 41:  # "]" ")"
                state = 2 if state & 1 else 0
            else:
                state = 0
            if cp == 46:
                dots += 1
                if dots >= 3:
                    state |= 1
            else:
                dots = 0
            if cp == 0x2026:
                state |= 1
        if state:
            o[k] = 1.0
    return out


cdef inline bint _is_space(Py_UCS4 cp) noexcept:
    """The characters regex's \\s matches in a str pattern (parse/_compiled.py checks them)."""
    return (9 <= cp <= 13 or cp == 32 or cp == 0x85 or cp == 0xA0 or cp == 0x1680
            or 0x2000 <= cp <= 0x200A or cp == 0x2028 or cp == 0x2029 or cp == 0x202F
            or cp == 0x205F or cp == 0x3000)


def space_chars(Py_ssize_t limit):
    """The characters below limit _is_space takes for whitespace (for the self-check)."""
    return "".join([chr(c) for c in range(limit) if _is_space(c)])


# ---------------------------------------------------------------------------------------
# features._main_container

cdef int _tree(list parent, Py_ssize_t n, Py_ssize_t *par, Py_ssize_t *end) except -1:
    """Parents as C integers and each element's subtree end (the index after its last descendant).

    Returns 0, or 1 when the elements are not in document order (a parent after its child).
    """
    cdef Py_ssize_t e, p
    for e in range(n):
        p = parent[e]
        if (e == 0 and p != -1) or (e > 0 and not 0 <= p < e):
            return 1
        par[e] = p
        end[e] = e + 1
    for e in range(n - 1, 0, -1):
        p = par[e]
        if end[e] > end[p]:
            end[p] = end[e]
    return 0


def main_container(seg, const double[:] weight, double main_share, double item_share):
    """features._main_container (with _repeated_items and subtree_sums), or None when it cannot answer.

    The subtree sums are the reference's: own weights added block by block, prefix sums
    added in document order, a subtree's sum the difference of two of them; the descent
    and the test for alike siblings are the same steps on C arrays.
    """
    cdef list parent = seg.elem_parent
    cdef list elems = seg.elems
    cdef list tags = seg.elem_tag
    cdef list classes = seg.elem_class
    cdef Py_ssize_t n_elem = len(parent), nb = len(elems)
    cdef Py_ssize_t i, e, cur, best, kid, alike
    cdef double total, bw, others
    if nb != weight.shape[0] or n_elem == 0:
        return None
    cdef Py_ssize_t *par = <Py_ssize_t *> malloc(n_elem * sizeof(Py_ssize_t))
    cdef Py_ssize_t *end = <Py_ssize_t *> malloc(n_elem * sizeof(Py_ssize_t))
    cdef Py_ssize_t *first = <Py_ssize_t *> malloc(n_elem * sizeof(Py_ssize_t))
    cdef Py_ssize_t *sibling = <Py_ssize_t *> malloc(n_elem * sizeof(Py_ssize_t))
    cdef double *own = <double *> malloc(n_elem * sizeof(double))
    cdef double *prefix = <double *> malloc((n_elem + 1) * sizeof(double))
    cdef Py_ssize_t *blk = <Py_ssize_t *> malloc((nb + 1) * sizeof(Py_ssize_t))
    cdef Py_ssize_t *held = <Py_ssize_t *> malloc((n_elem + 1) * sizeof(Py_ssize_t))
    try:
        if par == NULL or end == NULL or first == NULL or sibling == NULL or own == NULL or prefix == NULL or blk == NULL or held == NULL:
            raise MemoryError()
        if _tree(parent, n_elem, par, end):
            return None
        for e in range(n_elem):
            own[e] = 0.0
            first[e] = -1
            sibling[e] = -1
        for i in range(nb):
            e = elems[i]
            if not 0 <= e < n_elem:
                return None
            blk[i] = e
            own[e] += weight[i]
        prefix[0] = 0.0
        for e in range(n_elem):
            prefix[e + 1] = prefix[e] + own[e]
        # Children in document order: each element's first child and next sibling.
        for e in range(n_elem - 1, 0, -1):
            sibling[e] = first[par[e]]
            first[par[e]] = e
        total = prefix[end[0]] - prefix[0]
        if total != total:
            return None  # NaN weights: let the reference answer
        main = _ZEROS(nb, _F64)
        if total <= 0:
            return main, 0.0
        cur = 0
        while True:
            kid = first[cur]
            if kid < 0:
                break
            # Of equally heavy children, the last one in document order.
            best = kid
            bw = prefix[end[kid]] - prefix[kid]
            kid = sibling[kid]
            while kid >= 0:
                if prefix[end[kid]] - prefix[kid] >= bw:
                    best = kid
                    bw = prefix[end[kid]] - prefix[kid]
                kid = sibling[kid]
            if bw <= 0 or bw < main_share * total:
                break
            # features._repeated_items: alike siblings (same tag and non-empty class) with prose.
            if classes[best]:
                alike = 0
                others = 0.0
                kid = first[cur]
                while kid >= 0:
                    if prefix[end[kid]] - prefix[kid] > 0 and tags[kid] == tags[best] and classes[kid] == classes[best]:
                        alike += 1
                        others += prefix[end[kid]] - prefix[kid]
                    kid = sibling[kid]
                if alike >= 2 and others - bw >= item_share * total:
                    break
            cur = best
        # features._main_container: from a lone block, climb to the element that also holds its neighbours.
        if cur > 0:
            # Blocks with prose weight per subtree: own counts, prefix sums in document order.
            for e in range(n_elem + 1):
                held[e] = 0
            for i in range(nb):
                if weight[i] > 0:
                    held[blk[i] + 1] += 1
            for e in range(n_elem):
                held[e + 1] += held[e]
            while cur > 0 and held[end[cur]] - held[cur] <= 1:
                cur = par[cur]
        _mark_within(main, blk, nb, cur, par, n_elem)
        return main, ((prefix[end[cur]] - prefix[cur]) / total if cur else 1.0)
    finally:
        free(par)
        free(end)
        free(first)
        free(sibling)
        free(own)
        free(prefix)
        free(blk)
        free(held)


cdef int _mark_within(object main, Py_ssize_t *blk, Py_ssize_t nb, Py_ssize_t cur, Py_ssize_t *par, Py_ssize_t n_elem) except -1:
    """1.0 for each block whose element is cur or lies under it (features.within)."""
    cdef double[:] m = main
    cdef uint8_t *inside = <uint8_t *> malloc(n_elem)
    cdef Py_ssize_t i, e
    if inside == NULL:
        raise MemoryError()
    for e in range(n_elem):
        inside[e] = e == cur or (e > 0 and inside[par[e]])
    for i in range(nb):
        if inside[blk[i]]:
            m[i] = 1.0
    free(inside)
    return 0


# ---------------------------------------------------------------------------------------
# features._card_marks

cdef inline bint _headline(double ld, double ell, double nw, int64_t fl, double headline_links,
                           double excerpt_links, double headline_words, int64_t chrome_flags):
    """features._card_marks' headline test for one block."""
    return ((ld >= headline_links or (ell > 0 and ld >= excerpt_links)) and nw >= headline_words
            and (fl & chrome_flags) == 0)


# features._NO_DIGITS: items' classes are compared without their digits.
_NO_DIGITS = str.maketrans("", "", "0123456789")


cdef str _no_digits(str text):
    """text.translate(_NO_DIGITS), or text itself (an equal str) when it holds no digit 0-9.

    The characters other than 0-9 are copied in C (str.translate looks each one up in its table).
    """
    cdef Py_ssize_t i, n = len(text), kept = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef void *data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    cdef uint32_t *buf
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if 48 <= c <= 57:
            break
    else:
        return text
    buf = <uint32_t *> malloc((n + 1) * sizeof(uint32_t))
    if buf == NULL:
        raise MemoryError()
    try:
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if not 48 <= c <= 57:
                buf[kept] = <uint32_t> c
                kept += 1
        return PyUnicode_FromKindAndData(4, buf, kept)
    finally:
        free(buf)


def card_marks(seg, link_density, n_words, flags, ellipsis, double headline_links,
               double excerpt_links, double headline_words, int64_t chrome_flags, Py_ssize_t card_items, item_tags):
    """features._card_marks, or None when it cannot answer.

    The headlines, the elements that hold them and the groups of alike items come from C
    loops. (Whether an article stands beside the cards is features._article_beside, in Python.)
    """
    cdef list parent = seg.elem_parent
    cdef list elems = seg.elems
    cdef list tags = seg.elem_tag
    cdef list classes = seg.elem_class
    cdef Py_ssize_t nb = len(elems), n_elem = len(parent), i, e, heads = 0
    if len(link_density) != nb or len(n_words) != nb or len(flags) != nb or len(ellipsis) != nb or card_items > 255:
        return None
    # Each block's headline test made once, the columns read through their buffers (a typed
    # memoryview each cost ~1,500 instructions).
    cdef Py_buffer views[4]
    cdef const char *ptr[4]
    cdef Py_ssize_t st[4]
    cdef int k = 0
    cdef uint8_t *head = <uint8_t *> malloc(nb if nb > 0 else 1)
    if head == NULL:
        raise MemoryError()
    try:
        # 0 link_density, 1 ellipsis, 2 n_words, 3 flags
        for column in (link_density, ellipsis, n_words, flags):
            ptr[k] = _column(column, nb, 108 if k == 3 else 100, &views[k], &st[k])
            k += 1
        for i in range(nb):
            head[i] = _headline(
                (<const double *> (ptr[0] + i * st[0]))[0], (<const double *> (ptr[1] + i * st[1]))[0],
                (<const double *> (ptr[2] + i * st[2]))[0], (<const int64_t *> (ptr[3] + i * st[3]))[0],
                headline_links, excerpt_links, headline_words, chrome_flags,
            )
            heads += head[i]
    except BaseException:
        free(head)
        raise
    finally:
        for i in range(k):
            PyBuffer_Release(&views[i])
    if heads < card_items:
        free(head)
        return _ZEROS(nb, _F64)
    cdef Py_ssize_t *par = <Py_ssize_t *> malloc(n_elem * sizeof(Py_ssize_t))
    cdef Py_ssize_t *end = <Py_ssize_t *> malloc(n_elem * sizeof(Py_ssize_t))
    cdef uint8_t *led = <uint8_t *> malloc(n_elem)
    cdef uint8_t *root = <uint8_t *> malloc(n_elem)
    cdef dict groups = {}
    cdef list led_list = []
    cdef bint any_group = False
    try:
        if par == NULL or end == NULL or led == NULL or root == NULL:
            raise MemoryError()
        if _tree(parent, n_elem, par, end):
            return None
        for e in range(n_elem):
            led[e] = 0
            root[e] = 0
        # Elements holding a headline: walk up from each headline's element.
        for i in range(nb):
            if head[i]:
                e = elems[i]
                if not 0 <= e < n_elem:
                    return None
                while e > 0 and not led[e]:
                    led[e] = 1
                    led_list.append(e)
                    e = par[e]
        # A group of card_items alike items needs as many led children (with a class, or of an
        # item tag) under one parent: only those children get a key (most led elements are one
        # headline's ancestors, alone under their parent). led counts them here, per parent.
        for e in range(n_elem):
            led[e] = 0
        grouped = []
        for e in led_list:
            if classes[e] or tags[e] in item_tags:
                grouped.append(e)
                if led[par[e]] < 255:
                    led[par[e]] += 1
        keys = []  # each such element's (parent, tag, class without digits), made once
        items = []
        for e in grouped:
            if led[par[e]] >= card_items:
                key = (par[e], tags[e], _no_digits(classes[e]))
                keys.append(key)
                items.append(e)
                count = groups.get(key, 0) + 1
                groups[key] = count
                if count >= card_items:
                    any_group = True
        if not any_group:
            return _ZEROS(nb, _F64)
        for i in range(len(items)):
            if groups.get(keys[i], 0) >= card_items:
                root[<Py_ssize_t> items[i]] = 1
        # Within a root: the element or an ancestor is one (parents come first).
        for e in range(1, n_elem):
            if root[par[e]]:
                root[e] = 1
        card = _ZEROS(nb, _F64)
        _mark_roots(card, elems, root)
    finally:
        free(head)
        free(par)
        free(end)
        free(led)
        free(root)
    return card


cdef int _mark_roots(object card, list elems, uint8_t *root) except -1:
    cdef double[:] c = card
    cdef Py_ssize_t i
    for i in range(len(elems)):
        if root[<Py_ssize_t> elems[i]]:
            c[i] = 1.0
    return 0


# ---------------------------------------------------------------------------------------
# score.score_blocks

cdef enum:
    _N_SCORE_COLS = 19  # the feature columns score_blocks reads


def score_blocks(f, p, dict cols, const int64_t[:] flag_cols, const int64_t[:] flag_bits,
                 const int64_t[:] flag_unless, tuple flag_weights, int64_t comment_bit, const int64_t[:] bonus_cols, Py_ssize_t n_rules):
    """score.score_blocks: the same columns filled in one loop over the blocks.

    cols maps the rules' codes to their columns; each entry is the reference's expression
    with its operations in the same order (so -0.0 and rounding come out the same). The
    length rule takes numpy's own log2, and the score is numpy's row sum of the matrix,
    summed here as numpy sums a contiguous row (_pairwise_row). The feature columns are read
    through their buffers (a typed memoryview each cost ~1,500 instructions, twenty a page).
    """
    cdef Py_ssize_t n = len(f.n_words), i, j
    c_arr = _ZEROS((n, n_rules), _F64)
    if n == 0:
        return _ZEROS(0, _F64), c_arr
    if n_rules > 128:  # numpy's pairwise sum splits longer rows: its own sum then
        scores = None
    else:
        scores = _EMPTY(n, _F64)
    lg_arr = np.log2(1.0 + f.n_words)
    cdef Py_buffer views[_N_SCORE_COLS]
    cdef Py_buffer cv, sv
    cdef const char *ptr[_N_SCORE_COLS]
    cdef Py_ssize_t st[_N_SCORE_COLS]
    cdef int held = 0, c_held = 0, s_held = 0
    cdef bint html = f.mode == "html"
    cdef bint found = f.main_share > 0
    cdef bint blank_style = f.blank_style
    cdef bint include_comments = p.include_comments
    cdef double bias = p.bias, lw = p.length_weight
    cdef double pivot = p.length_pivot if html else p.text_length_pivot
    cdef double w_ld = p.link_density, s_pivot = p.stopword_pivot, s_weight = p.stopword_weight
    cdef double w_send = p.sentence_end, w_sent = p.sentences
    cdef double w_main = p.main_container if html else p.text_main
    cdef double w_out = p.outside_main if html else p.text_outside
    cdef double w_comment = p.comment, w_heading = p.heading, w_card = p.teaser_card
    cdef double w_run = p.teaser_run, w_par = p.paragraph, w_dated = p.dated_items
    cdef double w_dated_out = p.text_dated_outside
    cdef double w_rep = p.repeated, w_date = p.date_like, w_ell = p.ellipsis, w_title = p.title_case
    cdef Py_ssize_t c_len = cols["length"], c_ld = cols["link_density"], c_stop = cols["stopwords"]
    cdef Py_ssize_t c_send = cols["sentence_end"], c_sent = cols["sentences"], c_main = cols["main_container"]
    cdef Py_ssize_t c_out = cols["outside_main"], c_comment = cols["comment_section"], c_heading = cols["heading"]
    cdef Py_ssize_t c_card = cols["teaser_card"], c_run = cols["teaser_run"], c_par = cols["paragraph"]
    cdef Py_ssize_t c_dated = cols["dated_items"], c_rep = cols["repeated"], c_date = cols["date_like"]
    cdef Py_ssize_t c_ell = cols["ellipsis"], c_title = cols["title_case"], c_bias = cols["bias"]
    cdef Py_ssize_t nf = flag_cols.shape[0], nbonus = bonus_cols.shape[0]
    cdef double fw[64]
    cdef double x, w, nsent, main, heading
    cdef double *c
    cdef double *row
    cdef double *out
    cdef int64_t flags = 0
    cdef bint comment, lone
    if nf > 64 or flag_bits.shape[0] != nf or flag_unless.shape[0] != nf:
        raise ValueError("too many flag rules, or bits not one per rule")
    for j in range(nf):
        fw[j] = flag_weights[j]
    try:
        # 0 n_words, 1 log2, 2 link_density, 3 stopword_ratio, 4 sentence_end, 5 n_sentences,
        # 6 main, 7 heading, 8 card, 9 repeated, 10 date_like, 11 ellipsis, 12 capital_ratio,
        # 13 blank_before, 14 blank_after, 15 run_long, 16 run_lines, 17 dated, 18 flags
        for column in (f.n_words, lg_arr, f.link_density, f.stopword_ratio, f.sentence_end, f.n_sentences,
                       f.main, f.heading, f.card, f.repeated, f.date_like, f.ellipsis, f.capital_ratio,
                       f.blank_before, f.blank_after, f.run_long, f.run_lines, f.dated):
            ptr[held] = _column(column, n, 100, &views[held], &st[held])  # "d"
            held += 1
        if html:
            ptr[held] = _column(f.flags, n, 108, &views[held], &st[held])  # "l"
            held += 1
        PyObject_GetBuffer(c_arr, &cv, PyBUF_SIMPLE | PyBUF_WRITABLE)
        c_held = 1
        c = <double *> cv.buf
        for i in range(n):
            row = c + i * n_rules
            w = (<const double *> (ptr[0] + i * st[0]))[0]
            main = (<const double *> (ptr[6] + i * st[6]))[0]
            heading = (<const double *> (ptr[7] + i * st[7]))[0]
            row[c_bias] = bias
            x = lw * ((<const double *> (ptr[1] + i * st[1]))[0] - pivot)
            row[c_len] = -2.5 if x < -2.5 else (3.0 if x > 3.0 else x)
            row[c_ld] = w_ld * (<const double *> (ptr[2] + i * st[2]))[0]
            if w >= 4:
                x = ((<const double *> (ptr[3] + i * st[3]))[0] - s_pivot) * s_weight
                row[c_stop] = -1.5 if x < -1.5 else (1.0 if x > 1.0 else x)
            else:
                row[c_stop] = 0.0
            row[c_send] = w_send * (<const double *> (ptr[4] + i * st[4]))[0]
            nsent = (<const double *> (ptr[5] + i * st[5]))[0]
            row[c_sent] = w_sent * (nsent if nsent < 4.0 else 4.0)
            if found:
                row[c_main] = w_main * main
                row[c_out] = w_out * (1.0 - main)
            if html:
                flags = (<const int64_t *> (ptr[18] + i * st[18]))[0]
                for j in range(nf):
                    row[flag_cols[j]] = (
                        1.0 if (flags & flag_bits[j]) != 0 and (flags & flag_unless[j]) == 0 else 0.0
                    ) * fw[j]
                comment = (flags & comment_bit) != 0
                if not include_comments:
                    row[c_comment] = w_comment * (1.0 if comment else 0.0)
                    if comment:
                        for j in range(nbonus):
                            x = row[bonus_cols[j]]
                            row[bonus_cols[j]] = x if x < 0.0 else 0.0
                elif comment:
                    row[c_out] = 0.0
                row[c_heading] = (w_heading * (1.0 if heading > 0 else 0.0)) * main
                row[c_card] = w_card * (<const double *> (ptr[8] + i * st[8]))[0]
            else:
                if blank_style:
                    lone = (<const double *> (ptr[13] + i * st[13]))[0] > 0 and (<const double *> (ptr[14] + i * st[14]))[0] > 0
                    row[c_run] = w_run * (1.0 if (((<const double *> (ptr[15] + i * st[15]))[0] >= 3
                                                   or (<const double *> (ptr[16] + i * st[16]))[0] >= 3) and not lone) else 0.0)
                    row[c_par] = w_par * (1.0 if (lone and w >= 10) else 0.0)
                row[c_dated] = w_dated * (<const double *> (ptr[17] + i * st[17]))[0]
                if found:
                    row[c_dated] += w_dated_out * (<const double *> (ptr[17] + i * st[17]))[0] * (1.0 - main)
            row[c_rep] = w_rep * (<const double *> (ptr[9] + i * st[9]))[0]
            row[c_date] = w_date * (<const double *> (ptr[10] + i * st[10]))[0]
            row[c_ell] = w_ell * (<const double *> (ptr[11] + i * st[11]))[0]
            row[c_title] = w_title * (1.0 if ((<const double *> (ptr[12] + i * st[12]))[0] > 0.7 and w >= 2 and w <= 6 and heading == 0) else 0.0)
        if scores is not None:
            PyObject_GetBuffer(scores, &sv, PyBUF_SIMPLE | PyBUF_WRITABLE)
            s_held = 1
            out = <double *> sv.buf
            for i in range(n):
                out[i] = _pairwise_row(c + i * n_rules, n_rules)
    finally:
        for j in range(held):
            PyBuffer_Release(&views[j])
        if c_held:
            PyBuffer_Release(&cv)
        if s_held:
            PyBuffer_Release(&sv)
    if scores is None:
        scores = c_arr.sum(axis=1)
    return scores, c_arr


cdef inline double _pairwise_row(const double *a, Py_ssize_t k) noexcept nogil:
    """numpy's sum of a contiguous row of k <= 128 float64s (np.add.reduce's pairwise_sum from
    its identity 0.0): under 8 one by one; else eight running sums over the multiples of 8,
    added in pairs, then the rest one by one. The same additions in the same order, so the
    same bits (-0.0 rows give 0.0)."""
    cdef double r0, r1, r2, r3, r4, r5, r6, r7, res
    cdef Py_ssize_t i
    if k < 8:
        res = 0.0
        for i in range(k):
            res += a[i]
        return 0.0 + res
    r0 = a[0]; r1 = a[1]; r2 = a[2]; r3 = a[3]; r4 = a[4]; r5 = a[5]; r6 = a[6]; r7 = a[7]
    i = 8
    while i < k - (k % 8):
        r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3]
        r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7]
        i += 8
    res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < k:
        res += a[i]
        i += 1
    return 0.0 + res


# ---------------------------------------------------------------------------------------
# smooth.smooth_labels

cdef inline double _sl_d(const char **ptr, const Py_ssize_t *st, int k, Py_ssize_t i) noexcept nogil:
    """Element i of smooth_labels' float64 column k."""
    return (<const double *> (ptr[k] + i * st[k]))[0]


def smooth_labels(scores, f, double threshold, double firm_chrome, double firm_body,
                  int64_t chrome_context, int64_t caption_bit, int64_t caption_unless,
                  Py_ssize_t max_gap, Py_ssize_t lead_gap, double lead_margin,
                  double lead_links, double chain_links, keep_data_tables, int64_t table_bit, text_head, rescue_empty):
    """smooth.smooth_labels: each rule as a loop over the blocks, in the reference's order.

    Each vector rule reads the labels as they stood before it (as the reference's array
    expressions do). _keep_data_tables, _text_head and rescue_empty are the reference's own
    functions, called when there is a table block in the main container (HTML), a body (text),
    or no body at all (a rare page, where array code costs nothing worth saving).
    """
    cdef Py_ssize_t n = len(scores), i, j, a, b, hard
    body_arr = np.asarray(scores) > threshold
    why_arr = _ZEROS(n, _I8)
    if n < 2:
        if n and not body_arr[0]:
            rescue_empty(body_arr, why_arr, scores, f, threshold)
        return body_arr, why_arr
    # The columns through their buffers, as score_blocks' (a typed memoryview each cost
    # ~1,500 instructions, nine a page); sc, date_like ... flags by their strides.
    cdef Py_buffer views[9]
    cdef const char *ptr[7]
    cdef Py_ssize_t st[7]
    cdef int held = 0
    cdef uint8_t *body
    cdef signed char *why
    cdef bint html = f.mode == "html"
    cdef uint8_t *soft = <uint8_t *> malloc(n)
    cdef uint8_t *old = <uint8_t *> malloc(n)
    cdef double margin
    cdef int64_t fl
    cdef bint any_body = False, any_table = False
    try:
        if soft == NULL or old == NULL:
            raise MemoryError()
        # 0 scores, 1 date_like, 2 repeated, 3 main, 4 link_density, 5 heading, 6 flags; 7 and 8
        # the masks' own buffers (body, why: fresh arrays of ours, contiguous and writable).
        for column in (scores, f.date_like, f.repeated, f.main, f.link_density, f.heading):
            ptr[held] = _column(column, n, 100, &views[held], &st[held])  # "d"
            held += 1
        ptr[held] = _column(f.flags, n, 108, &views[held], &st[held])  # "l"
        held += 1
        PyObject_GetBuffer(body_arr, &views[held], PyBUF_SIMPLE | PyBUF_WRITABLE)
        held += 1
        body = <uint8_t *> views[7].buf
        PyObject_GetBuffer(why_arr, &views[held], PyBUF_SIMPLE | PyBUF_WRITABLE)
        held += 1
        why = <signed char *> views[8].buf
        for i in range(n):
            margin = _sl_d(ptr, st, 0, i) - threshold
            soft[i] = margin > -firm_chrome and _sl_d(ptr, st, 1, i) == 0 and _sl_d(ptr, st, 2, i) == 0
            if html:
                fl = (<const int64_t *> (ptr[6] + i * st[6]))[0]
                if (fl & chrome_context) != 0 or ((fl & caption_bit) != 0 and (fl & caption_unless) == 0):
                    soft[i] = 0
            old[i] = body[i]
        # Lone long blocks among chrome: a teaser in a link list.
        for i in range(1, n - 1):
            if old[i] and not old[i - 1] and not old[i + 1] and _sl_d(ptr, st, 0, i) - threshold < firm_body and _sl_d(ptr, st, 3, i) == 0:
                if n > 4 and (old[i - 2 if i >= 2 else 0] or old[i + 2 if i + 2 < n else n - 1]):
                    continue
                # smooth._LEAD_GAP: the lead paragraph a few blocks above the main container stays.
                if _sl_d(ptr, st, 4, i) < lead_links and _sl_d(ptr, st, 5, i) == 0 and _sl_d(ptr, st, 0, i) - threshold >= lead_margin:
                    j = i + 1
                    while j < n and not old[j]:
                        j += 1
                    if j < n and j - i <= lead_gap and _sl_d(ptr, st, 3, j) > 0:
                        continue
                body[i] = 0
                why[i] = 3
        # smooth._fill_gaps: short runs of soft chrome between body blocks (soft here also
        # needs link density under 0.5).
        i = 0
        while i < n:
            if body[i]:
                i += 1
                continue
            a = i
            hard = 0
            while i < n and not body[i]:
                if not (soft[i] and _sl_d(ptr, st, 4, i) < 0.5):
                    hard += 1
                i += 1
            b = i
            if a > 0 and b < n and b - a <= max_gap and hard == 0:
                for i in range(a, b):
                    body[i] = 1
                    if why[i] == 0:
                        why[i] = 1
                i = b
        if html:
            for i in range(n):
                if ((<const int64_t *> (ptr[6] + i * st[6]))[0] & table_bit) != 0 and ((<const int64_t *> (ptr[6] + i * st[6]))[0] & chrome_context) == 0 and _sl_d(ptr, st, 3, i) > 0:
                    any_table = True
                    break
            if any_table:
                keep_data_tables(body_arr, why_arr, f)
        # Headings right before body (a heading chain, h2 then h3, in two passes; a linked
        # heading only in the first).
        for a in range(2):
            for i in range(n - 1):
                if not body[i] and soft[i] and body[i + 1] and _sl_d(ptr, st, 5, i) > 0 and (a == 0 or _sl_d(ptr, st, 4, i) < chain_links):
                    body[i] = 1
                    if why[i] == 0:
                        why[i] = 2
        for i in range(n):
            if body[i]:
                any_body = True
                break
        if not any_body:
            # Nothing reached the threshold: keep what is not plainly chrome.
            rescue_empty(body_arr, why_arr, scores, f, threshold)
            for i in range(n):
                if body[i]:
                    any_body = True
                    break
        if not html and any_body:
            text_head(body_arr, why_arr, f)
    finally:
        free(soft)
        free(old)
        for i in range(held):
            PyBuffer_Release(&views[i])
    return body_arr, why_arr



# ---------------------------------------------------------------------------------------
# features._content_named

cdef int _mark_own(list neg, Py_ssize_t n, uint8_t *own) except -1:
    """own[e] = 1 for the elements listed in neg (Segments.neg_elems; own zeroed by the caller). 1 when one is out of range."""
    cdef Py_ssize_t e, k
    for k in range(len(neg)):
        e = neg[k]
        if not 0 <= e < n:
            return 1
        own[e] = 1
    return 0


cdef int _tree_and_marks(list parent, list neg, Py_ssize_t n, Py_ssize_t *par, Py_ssize_t *end, uint8_t *own) except -1:
    """_tree, and _mark_own. 1 when either is invalid."""
    cdef Py_ssize_t e
    if _tree(parent, n, par, end):
        return 1
    for e in range(n):
        own[e] = 0
    return _mark_own(neg, n, own)


def content_named(seg, flags_in, int64_t neg_bit, names_content_only, tuple post_words, tuple more_words,
                  content_words=None):
    """features._content_named: the flags with the freed blocks' chrome-word bit cleared (flags_in
    itself when none is), or None when it cannot answer.

    The same walk up from each flagged block, with the elements passed remembered, reading
    parents from the list as it climbs (a parent must come before its child, or None); the
    class names are judged by the reference's (cached) names_content_only, called only for a
    class string that holds one of its words (post_words, or more_words too on an element
    with a chrome word), found without lowering the string when it is ASCII: most hold none.
    Given content_words (features._CONTENT_WORDS), an ASCII string is judged in C instead
    (_content_only): most strings are seen once, so the reference's cache seldom answers.
    """
    cdef list parent = seg.elem_parent
    cdef list elems = seg.elems
    cdef list classes = seg.elem_class
    cdef list neg = seg.neg_elems
    cdef Py_ssize_t nb = len(elems), n_elem = len(parent), i, e, p, k, top
    cdef uint8_t found
    cdef const int64_t[:] flags = flags_in
    cdef _Words post, both
    cdef tuple both_words = post_words + more_words
    if flags.shape[0] != nb or len(classes) != n_elem:
        return None
    if not neg:
        return flags_in
    for i in range(nb):
        if flags[i] & neg_bit:
            break
    else:
        return flags_in  # no block is flagged: the reference's marked.any()
    if _words(post_words, &post) or _words(both_words, &both):
        return None
    cdef Py_ssize_t *passed = <Py_ssize_t *> malloc(n_elem * sizeof(Py_ssize_t))
    cdef uint8_t *own = <uint8_t *> calloc(n_elem, 1)
    # 0: not seen; 1: its blocks keep the flag; 2: its blocks lose it.
    cdef uint8_t *state = <uint8_t *> calloc(n_elem, 1)
    free_ = _ZEROS(nb, _BOOL)
    cdef uint8_t[:] out = np.frombuffer(free_, dtype=np.uint8) if nb else _ZEROS(0, _U8)
    cdef bint any_free = False
    try:
        if passed == NULL or own == NULL or state == NULL:
            raise MemoryError()
        if _mark_own(neg, n_elem, own):
            return None
        for i in range(nb):
            if not flags[i] & neg_bit:
                continue
            e = elems[i]
            if not 0 <= e < n_elem:
                return None
            top = 0
            while e > 0 and state[e] == 0:
                names = classes[e]
                if own[e]:
                    state[e] = 2 if names and _holds(names, &both, both_words) and _judge(
                        names, False, &both, both_words, names_content_only, content_words) else 1
                    break
                if names and _holds(names, &post, post_words) and _judge(
                        names, True, &post, post_words, names_content_only, content_words):
                    state[e] = 2
                    break
                passed[top] = e
                top += 1
                p = parent[e]
                if not -1 <= p < e:
                    return None  # not in document order: the walk might not end
                e = p
            found = state[e] if e > 0 else 1
            for k in range(top):
                state[passed[k]] = found
            if found == 2:
                out[i] = 1
                any_free = True
    finally:
        free(passed)
        free(own)
        free(state)
    if not any_free:
        return flags_in
    return np.where(free_, flags_in & ~neg_bit, flags_in)


cdef bint _judge(str names, bint post, _Words *words, tuple words_t, names_content_only, content_words) except -1:
    """names_content_only(names, post), given that names holds one of the words: in C when names is ASCII."""
    if content_words is None or not PyUnicode_IS_ASCII(names):
        return names_content_only(names, post)
    return _content_only(names, words, content_words)


cdef inline bint _split_ascii(unsigned char c) noexcept:
    # str.split's whitespace among ASCII characters (Py_UNICODE_ISSPACE).
    return 9 <= c <= 13 or 28 <= c <= 32


cdef bint _content_only(str names, _Words *words, content_words) except -1:
    """features._names_content_only for an ASCII class string (lowered as ASCII is) that holds one of the words.

    Each whitespace-separated name that holds one of the words is split as _NAME_WORDS splits
    it (a letter, then small letters): when every part, taken lowercase, is a content word,
    the name is made of content words only.
    """
    cdef Py_ssize_t n = len(names), a = 0, b, i, j
    cdef const unsigned char *s = <const unsigned char *> PyUnicode_DATA(names)
    cdef bint every
    while a < n:
        while a < n and _split_ascii(s[a]):
            a += 1
        b = a
        while b < n and not _split_ascii(s[b]):
            b += 1
        if b > a and _holds_at(s, a, b, words):
            every = True
            i = a
            while i < b and every:
                if not (65 <= s[i] <= 90 or 97 <= s[i] <= 122):
                    i += 1
                    continue
                j = i + 1
                while j < b and 97 <= s[j] <= 122:
                    j += 1
                every = names[i:j].lower() in content_words
                i = j
            if every:
                return True
        a = b
    return False


cdef bint _holds_at(const unsigned char *s, Py_ssize_t a, Py_ssize_t b, _Words *words) noexcept:
    """Whether s[a:b] (ASCII), its capitals taken for small letters, holds one of the words."""
    cdef Py_ssize_t i, j, k
    cdef unsigned int hit
    for i in range(a, b):
        hit = words.first[_lower(s[i])]
        k = 0
        while hit:
            if hit & 1 and i + words.size[k] <= b:
                for j in range(1, words.size[k]):
                    if _lower(s[i + j]) != <unsigned char> words.text[k][j]:
                        break
                else:
                    return True
            hit >>= 1
            k += 1
    return False


# At most this many words in one tuple (features' have 4, and 7 with the content's).
cdef enum:
    _MAX_WORDS = 8

cdef struct _Words:
    Py_ssize_t n
    const char *text[_MAX_WORDS]
    Py_ssize_t size[_MAX_WORDS]
    # first[c]: bit k set when word k starts with the byte c.
    uint8_t first[256]


cdef int _words(tuple words, _Words *out) except -1:
    """The words as ASCII bytes (they stay alive in the tuple); 1 when one is empty or not lowercase ASCII, or too many."""
    cdef Py_ssize_t k
    cdef str w
    if len(words) > _MAX_WORDS:
        return 1
    out.n = len(words)
    memset(out.first, 0, 256)
    for k in range(out.n):
        w = words[k]
        if not w or not PyUnicode_IS_ASCII(w) or w.lower() != w:
            return 1
        out.text[k] = <const char *> PyUnicode_DATA(w)
        out.size[k] = len(w)
        out.first[<unsigned char> out.text[k][0]] |= 1 << k
    return 0


cdef bint _holds(str names, _Words *words, tuple words_t) except -1:
    """Whether names.lower() holds any of the words (words_t, as a tuple of str).

    An ASCII string is searched as it is, its capitals taken for small letters (what lower()
    does to ASCII), from the characters that start a word; any other is lowered by Python
    ("\u0130" lowers to "i" and a dot above).
    """
    cdef Py_ssize_t n = len(names)
    cdef str low, w
    if not PyUnicode_IS_ASCII(names):
        low = names.lower()
        for w in words_t:
            if w in low:
                return True
        return False
    return _holds_at(<const unsigned char *> PyUnicode_DATA(names), 0, n, words)


cdef inline unsigned char _lower(unsigned char c) noexcept:
    return c + 32 if 65 <= c <= 90 else c


# ---------------------------------------------------------------------------------------
# features._deepest_neg

cdef Py_ssize_t _subtree_stop(list parent, Py_ssize_t e, Py_ssize_t n_elem) except -2:
    """Where e's subtree ends, as features._subtree_end finds it: the first element after e whose
    parent comes before e (n_elem when none does)."""
    cdef Py_ssize_t stop = e + 1, p
    while stop < n_elem:
        p = parent[stop]
        if p < e:
            break
        stop += 1
    return stop


# _nearest_own's answer for a parent after its child: the tree is not one the walk knows.
cdef int64_t _BAD_TREE = -3


cdef int64_t _nearest_own(list parent, Py_ssize_t e, const uint8_t *own, int64_t *memo, Py_ssize_t *passed) except -4:
    """The nearest element at or above e whose own class holds a chrome word (-1: none).

    features._deepest_neg's walk: memo[x] is -2 for an element not seen yet, else its answer;
    every element passed on the way up gets the answer too, so each is walked once a page.
    _BAD_TREE when a parent comes after its child.
    """
    cdef Py_ssize_t top = 0, k, p
    cdef int64_t found
    while e >= 0 and not own[e] and memo[e] == -2:
        passed[top] = e
        top += 1
        p = parent[e]
        if not -1 <= p < e:
            return _BAD_TREE
        e = p
    if e < 0:
        found = -1
    elif own[e]:
        found = e
    else:
        found = memo[e]
    for k in range(top):
        memo[passed[k]] = found
    return found


def deepest_neg(seg, marked):
    """features._deepest_neg on C arrays (the same walk, the elements passed remembered), or None."""
    cdef list parent = seg.elem_parent
    cdef list elems = seg.elems
    cdef list neg = seg.neg_elems
    cdef Py_ssize_t nb = len(elems), n_elem = len(parent), i, e
    cdef const uint8_t[:] mk = np.ascontiguousarray(marked, dtype=np.uint8) if nb else _ZEROS(0, _U8)
    if mk.shape[0] != nb:
        return None
    cdef Py_ssize_t *par = <Py_ssize_t *> malloc(n_elem * sizeof(Py_ssize_t))
    cdef Py_ssize_t *end = <Py_ssize_t *> malloc(n_elem * sizeof(Py_ssize_t))
    cdef Py_ssize_t *passed = <Py_ssize_t *> malloc(n_elem * sizeof(Py_ssize_t))
    cdef uint8_t *own = <uint8_t *> malloc(n_elem)
    # -2: not seen; else the nearest chrome-word element at or above (-1: none).
    cdef int64_t *memo = <int64_t *> malloc(n_elem * sizeof(int64_t))
    result = np.full(nb, -1, dtype=np.int64)
    cdef int64_t[:] out = result
    try:
        if par == NULL or end == NULL or passed == NULL or own == NULL or memo == NULL:
            raise MemoryError()
        if _tree_and_marks(parent, neg, n_elem, par, end, own):
            return None
        for e in range(n_elem):
            memo[e] = -2
        for i in range(nb):
            if not mk[i]:
                continue
            e = elems[i]
            if not 0 <= e < n_elem:
                return None
            out[i] = _nearest_own(parent, e, own, memo, passed)
    finally:
        free(par)
        free(end)
        free(passed)
        free(own)
        free(memo)
    return result


# ---------------------------------------------------------------------------------------
# features._unwrap

def unwrap(seg, flags_in, main_in, int64_t neg_bit, double beside):
    """features._unwrap in one pass on C arrays: the blocks to free, None when there are none,
    or False when it cannot answer (a parent after its child, an element out of range).

    The same steps: the chrome-word elements that hold the first and the last element of
    the main container (both chains walked up once), each one's end found as the reference's
    _subtree_end finds it (the first element after it whose parent comes before it), the
    nearest chrome-word element of each marked block (_deepest_neg's walk), and the text
    beside and under each wrapper. Text lengths are whole numbers: their sums are exact in
    any order, as numpy's.
    """
    cdef list parent = seg.elem_parent
    cdef list elems = seg.elems
    cdef list texts = seg.texts
    cdef list neg = seg.neg_elems
    cdef Py_ssize_t nb = len(elems), n_elem = len(parent), i, e, p, k, first = -1, last = -1, n_around = 0, stop
    cdef const int64_t[:] flags = flags_in
    cdef const double[:] main = main_in
    cdef int64_t found, side, mine
    cdef bint any_main = False, any_free = False
    if flags.shape[0] != nb or main.shape[0] != nb or len(texts) != nb:
        return False
    if not neg:
        return None
    for i in range(nb):
        if main[i] > 0 and flags[i] & neg_bit:
            any_main = True
            break
    if not any_main:
        return None
    for i in range(nb):
        if main[i] > 0:
            e = elems[i]
            if first < 0 or e < first:
                first = e
            if e > last:
                last = e
    if not 0 <= first <= last < n_elem:
        return False
    cdef Py_ssize_t *blk = <Py_ssize_t *> malloc((nb + 1) * sizeof(Py_ssize_t))
    cdef Py_ssize_t *passed = <Py_ssize_t *> malloc(n_elem * sizeof(Py_ssize_t))
    cdef Py_ssize_t *around = <Py_ssize_t *> malloc(n_elem * sizeof(Py_ssize_t))
    cdef uint8_t *own = <uint8_t *> calloc(n_elem, 1)
    cdef uint8_t *chain = <uint8_t *> calloc(n_elem, 1)
    # -2: not seen; else the nearest chrome-word element at or above (-1: none).
    cdef int64_t *memo = <int64_t *> malloc(n_elem * sizeof(int64_t))
    cdef int64_t *deepest = <int64_t *> malloc((nb + 1) * sizeof(int64_t))
    free_ = None
    cdef uint8_t[:] out
    try:
        if (blk == NULL or passed == NULL or around == NULL or own == NULL or chain == NULL
                or memo == NULL or deepest == NULL):
            raise MemoryError()
        if _mark_own(neg, n_elem, own):
            return False
        # The first element's chain, then the last's: the chrome-word elements on both, deepest first.
        e = first
        while e >= 0:
            chain[e] = 1
            p = parent[e]
            if not -1 <= p < e:
                return False
            e = p
        e = last
        while e >= 0:
            if chain[e] and own[e]:
                around[n_around] = e
                n_around += 1
            p = parent[e]
            if not -1 <= p < e:
                return False
            e = p
        if n_around == 0:
            return None
        for e in range(n_elem):
            memo[e] = -2
        for i in range(nb):
            e = elems[i]
            if not 0 <= e < n_elem:
                return False
            blk[i] = e
            deepest[i] = -1
            if not flags[i] & neg_bit:
                continue
            found = _nearest_own(parent, e, own, memo, passed)
            if found == _BAD_TREE:
                return False
            deepest[i] = found
        free_ = _ZEROS(nb, _BOOL)
        out = np.frombuffer(free_, dtype=np.uint8)
        # In the reference's order: the outermost wrapper first.
        for k in range(n_around - 1, -1, -1):
            e = around[k]
            stop = _subtree_stop(parent, e, n_elem)
            side = 0
            mine = 0
            for i in range(nb):
                if e <= blk[i] < stop:
                    if deepest[i] > e:
                        side += len(texts[i])
                    elif deepest[i] == e and flags[i] & neg_bit:
                        mine += len(texts[i])
            # The sidebar: text under chrome words of its own, `beside` of the freed text at least.
            if <double> side >= beside * <double> mine and beside * <double> mine > 0:
                for i in range(nb):
                    if e <= blk[i] < stop and deepest[i] == e and flags[i] & neg_bit:
                        out[i] = 1
                        any_free = True
    finally:
        free(blk)
        free(passed)
        free(around)
        free(own)
        free(chain)
        free(memo)
        free(deepest)
    return free_ if any_free else None


# ---------------------------------------------------------------------------------------
# features._comment_sections

def comment_sections(seg, flags_in, heading_in, date_like, n_words_in, int64_t comment_bit, tuple stems,
                     double titled_words, names_thread, double section_dates):
    """features._comment_sections: the flags with the threads' sections marked (flags_in itself
    when no heading opens one), or None when it cannot answer.

    One pass over the headings finds those the reference takes: a comment heading whose next
    block is no comment, and a heading of at most titled_words words whose lowered text holds
    a stem and that names_thread (the reference's _names_thread) takes; only these few call
    back into Python. A section's dated lines are added by numpy, as in the reference.
    """
    cdef list texts = seg.texts
    cdef list elems = seg.elems
    cdef list parent = seg.elem_parent
    cdef const int64_t[:] flags = flags_in
    cdef const double[:] heading = heading_in
    cdef const double[:] n_words = n_words_in
    cdef Py_ssize_t nb = len(texts), n_elem = len(parent), h, j, k, c, stop, end, p, e
    cdef _Words words
    cdef list heads = []
    cdef double rank
    if flags.shape[0] != nb or heading.shape[0] != nb or n_words.shape[0] != nb or len(elems) != nb:
        return None
    if _words(stems, &words):
        return None
    for h in range(nb):
        if not heading[h] > 0:
            continue
        # A comment heading followed by a comment block sits inside its thread's container.
        if flags[h] & comment_bit and (h + 1 == nb or not flags[h + 1] & comment_bit):
            heads.append(h)
        elif not n_words[h] > titled_words and _holds(texts[h], &words, stems) and names_thread(texts[h], n_words_in[h]):
            heads.append(h)
    if not heads:
        return flags_in
    out = flags_in.copy()
    for h in heads:
        e = elems[h]
        if not 0 <= e < n_elem:
            return None
        c = parent[e]
        end = _subtree_stop(parent, c, n_elem)
        # The section ends at the first block outside the container or under a heading of the same rank or higher.
        rank = heading[h]
        stop = nb
        for j in range(h + 1, nb):
            k = elems[j]
            if k >= end or 0 < heading[j] <= rank:
                stop = j
                break
        if float(date_like[h + 1 : stop].sum()) >= section_dates:
            out[h:stop] |= comment_bit
    return out


# ---------------------------------------------------------------------------------------
# smooth.keep_alike_runs

def keep_alike_runs(seg, f, body_in, why_in, Py_ssize_t run_items, double body_share, double max_links,
                    int64_t outside_bits, int64_t neg_bit):
    """smooth.keep_alike_runs' runs on C arrays: True when done (body and why changed in place),
    False when it cannot answer (an element out of range, a kind that is no str).

    A run is a stretch of blocks whose elements have one parent and whose kinds are equal;
    its size, its blocks inside the main container and its body blocks are counted as the
    reference's bincounts count them (whole numbers), the share divided as there.
    """
    cdef list parent = seg.elem_parent
    cdef list elems = seg.elems
    cdef list kinds = seg.kinds
    cdef Py_ssize_t n = len(body_in), n_elem = len(parent), i, j, start, e, p, prev = 0, size, inside, kept
    cdef object kind, prev_kind = None
    if (len(elems) != n or len(kinds) != n or len(f.main) != n or len(f.flags) != n
            or len(f.date_like) != n or len(f.link_density) != n or len(why_in) != n):
        return False
    # The columns through their buffers (a typed memoryview each cost ~1,500 instructions):
    # 0 main, 1 flags, 2 date_like, 3 link_density read; 4 body and 5 why written, by their strides.
    cdef Py_buffer views[6]
    cdef const char *ptr[4]
    cdef Py_ssize_t st[6]
    cdef int k = 0
    cdef char *body
    cdef char *why
    cdef Py_ssize_t *bounds = <Py_ssize_t *> malloc((n + 1) * sizeof(Py_ssize_t))
    cdef Py_ssize_t n_runs = 0
    try:
        if bounds == NULL:
            raise MemoryError()
        for column in (f.main, f.flags, f.date_like, f.link_density):
            ptr[k] = _column(column, n, 108 if k == 1 else 100, &views[k], &st[k])
            k += 1
        body = _wcolumn(body_in, n, 63, &views[k], &st[k])  # "?"
        k += 1
        why = _wcolumn(why_in, n, 98, &views[k], &st[k])  # "b"
        k += 1
        # The runs' starts: where the parent or the kind changes.
        for i in range(n):
            e = elems[i]
            if not 0 <= e < n_elem:
                return False
            p = parent[e]
            kind = kinds[i]
            if not PyUnicode_CheckExact(kind):
                return False
            if i == 0 or p != prev or not (kind is prev_kind or kind == prev_kind):
                bounds[n_runs] = i
                n_runs += 1
            prev = p
            prev_kind = kind
        bounds[n_runs] = n
        for j in range(n_runs):
            start, size = bounds[j], bounds[j + 1] - bounds[j]
            if size < run_items:
                continue
            inside = 0
            kept = 0
            for i in range(start, start + size):
                if (<const double *> (ptr[0] + i * st[0]))[0] > 0 and not (<const int64_t *> (ptr[1] + i * st[1]))[0] & outside_bits:
                    inside += 1
                if body[i * st[4]]:
                    kept += 1
            if inside != size or not (<double> kept) / (<double> size) >= body_share:
                continue
            for i in range(start, start + size):
                # A dated line under a chrome class word is a byline or a dateline: it stays out.
                if (not body[i * st[4]] and (<const double *> (ptr[3] + i * st[3]))[0] < max_links
                        and not ((<const int64_t *> (ptr[1] + i * st[1]))[0] & neg_bit and (<const double *> (ptr[2] + i * st[2]))[0] > 0)):
                    body[i * st[4]] = 1
                    why[i * st[5]] = 10
    finally:
        free(bounds)
        for i in range(k):
            PyBuffer_Release(&views[i])
    return True


cdef char *_wcolumn(object column, Py_ssize_t n, char kind, Py_buffer *view, Py_ssize_t *stride) except NULL:
    """_column for a column written in place (a writable buffer: "?" a bool, "b" an int8)."""
    PyObject_GetBuffer(column, view, PyBUF_RECORDS)
    cdef const char *fmt = view.format
    if fmt[0] == 64 or fmt[0] == 61:  # "@" or "=": native
        fmt += 1
    if view.ndim != 1 or view.shape[0] != n or view.itemsize != 1 or fmt[0] != kind or fmt[1] != 0:
        PyBuffer_Release(view)
        raise ValueError("a column of another length or type")
    stride[0] = view.strides[0]
    return <char *> view.buf


# ---------------------------------------------------------------------------------------
# features._prose_weight

cdef inline double _np_max(double a, double b) noexcept:
    """numpy.maximum of two floats: a NaN on either side wins."""
    return a if (a >= b or a != a) else b


def prose_weight(n_chars, link_density, n_words, stop, flags, int64_t chrome_bits, int64_t neg_bit,
                 int64_t comment_bit, double neg_weight):
    """features._prose_weight block by block, each product taken in the reference's order, or None.

    The columns are read through their buffers (a typed memoryview each cost ~1,500 instructions)."""
    cdef Py_ssize_t n = len(n_chars), i
    cdef double w, d, c, nw
    if len(link_density) != n or len(n_words) != n or len(stop) != n or len(flags) != n:
        return None
    result = _EMPTY(n, _F64)
    cdef Py_buffer views[6]
    cdef const char *ptr[5]
    cdef Py_ssize_t st[5]
    cdef int k = 0
    cdef double *out
    cdef int64_t fl
    try:
        # 0 n_chars, 1 link_density, 2 n_words, 3 stop, 4 flags
        for column in (n_chars, link_density, n_words, stop, flags):
            ptr[k] = _column(column, n, 108 if k == 4 else 100, &views[k], &st[k])
            k += 1
        PyObject_GetBuffer(result, &views[k], PyBUF_SIMPLE | PyBUF_WRITABLE)
        k += 1
        out = <double *> views[5].buf
        for i in range(n):
            # A Han or Kana character carries about a word: count it as three characters.
            nw = (<const double *> (ptr[2] + i * st[2]))[0]
            d = 1.0 - (<const double *> (ptr[1] + i * st[1]))[0]
            w = _np_max(_np_max((<const double *> (ptr[0] + i * st[0]))[0], 3.0 * nw) - 40.0, 0.0) * (d * d)
            c = (<const double *> (ptr[3] + i * st[3]))[0] * 4.0
            if c == c:  # numpy.clip keeps a NaN
                c = 0.25 if c < 0.25 else c
                c = 1.0 if c > 1.0 else c
            w = w * (1.0 if nw >= 10 else 0.3) * c
            fl = (<const int64_t *> (ptr[4] + i * st[4]))[0]
            if fl & chrome_bits:
                w = w * 0.1
            if fl & neg_bit:
                w = w * neg_weight
            if fl & comment_bit:
                w = 0.0
            out[i] = w
    finally:
        for i in range(k):
            PyBuffer_Release(&views[i])
    return result


# ---------------------------------------------------------------------------------------
# features._page_language: the function words of the page's first words, by language.

cdef struct _WordSlot:
    uint64_t lo  # the word's first 8 bytes, little end first
    uint64_t hi  # its bytes 9 to 16
    Py_ssize_t size  # 0: the slot is empty
    uint64_t bits  # the languages that list the word, one bit each


cdef class LanguageTable:
    """Each function word with the bits of the languages that list it (stopwords._LANGUAGES_OF).

    The ASCII words sit in a C hash table keyed by their packed bytes, so an ASCII token is
    looked up without a Python string; other tokens are lowered and looked up in the dict.
    """
    cdef _WordSlot *slots
    cdef Py_ssize_t mask
    cdef readonly dict bits
    cdef readonly Py_ssize_t longest

    def __cinit__(self, dict bits):
        cdef Py_ssize_t size = 64, j, k
        cdef uint64_t lo, hi
        self.bits = bits
        self.longest = max([len(w) for w in bits], default=0)
        while size < 4 * len(bits):
            size *= 2
        self.mask = size - 1
        self.slots = <_WordSlot *> calloc(size, sizeof(_WordSlot))
        if self.slots == NULL:
            raise MemoryError()
        for word, b in bits.items():
            if not (<str> word).isascii() or not 0 < len(word) <= 16 or not b:
                continue
            data = (<str> word).encode("ascii")
            lo = hi = 0
            for k in range(len(data)):
                if k < 8:
                    lo |= (<uint64_t> data[k]) << (8 * k)
                else:
                    hi |= (<uint64_t> data[k]) << (8 * (k - 8))
            j = _slot(lo, hi, len(data)) & self.mask
            while self.slots[j].size:
                j = (j + 1) & self.mask
            self.slots[j].lo = lo
            self.slots[j].hi = hi
            self.slots[j].size = len(data)
            self.slots[j].bits = b

    def __dealloc__(self):
        free(self.slots)

    cdef inline uint64_t find(self, uint64_t lo, uint64_t hi, Py_ssize_t size) noexcept:
        cdef Py_ssize_t j = _slot(lo, hi, size) & self.mask
        while self.slots[j].size:
            if self.slots[j].size == size and self.slots[j].lo == lo and self.slots[j].hi == hi:
                return self.slots[j].bits
            j = (j + 1) & self.mask
        return 0


cdef inline Py_ssize_t _slot(uint64_t lo, uint64_t hi, Py_ssize_t size) noexcept:
    cdef uint64_t h = (lo * 0x9E3779B97F4A7C15ULL) ^ (hi * 0xC2B2AE3D27D4EB4FULL) ^ (<uint64_t> size)
    return <Py_ssize_t> ((h ^ (h >> 29)) >> 1)


cdef inline bint _split_space(Py_UCS4 c) noexcept:
    """str.split()'s whitespace (str.isspace)."""
    if c < 128:
        return c == 32 or 9 <= c <= 13 or 28 <= c <= 31
    return Py_UNICODE_ISSPACE(c)


def language_counts(list texts, Py_ssize_t max_texts, Py_ssize_t max_words, LanguageTable table, Py_ssize_t n_langs):
    """How many of the first max_words words of the first max_texts texts each language lists, and how many words that is.

    The words are " ".join(texts[:max_texts]).lower().split()[:max_words], as in
    features._language_sample: a token's lowercase is that of its own characters (lowering
    looks no further than the whitespace around a word), and a token longer than every
    function word is none (lowercasing never shortens a string).
    """
    cdef Py_ssize_t words = 0, ti, i, n, start, size, k
    cdef int kind
    cdef void *data
    cdef Py_UCS4 c
    cdef bint ascii
    cdef uint64_t lo, hi, b, low
    cdef int64_t *counts = <int64_t *> calloc(max(n_langs, 1), sizeof(int64_t))
    cdef Py_ssize_t longest = table.longest
    cdef dict bits = table.bits
    if counts == NULL:
        raise MemoryError()
    try:
        for ti in range(min(len(texts), max_texts)):
            t = texts[ti]
            kind = PyUnicode_KIND(t)
            data = PyUnicode_DATA(t)
            n = len(<str> t)
            i = 0
            while i < n and words < max_words:
                c = PyUnicode_READ(kind, data, i)
                if _split_space(c):
                    i += 1
                    continue
                start = i
                ascii = True
                lo = hi = 0
                while i < n:
                    c = PyUnicode_READ(kind, data, i)
                    if _split_space(c):
                        break
                    k = i - start
                    low = c
                    if low >= 128:
                        ascii = False
                    elif k < 16:
                        if 65 <= low <= 90:
                            low |= 32
                        if k < 8:
                            lo |= low << (8 * k)
                        else:
                            hi |= low << (8 * (k - 8))
                    i += 1
                words += 1
                size = i - start
                if size > longest:
                    continue
                if ascii:
                    b = table.find(lo, hi, size)
                else:
                    found = bits.get((<str> t)[start:i].lower())
                    b = 0 if found is None else <uint64_t> found
                k = 0
                while b:
                    if b & 1:
                        counts[k] += 1
                    b >>= 1
                    k += 1
            if words >= max_words:
                break
        return words, [counts[k] for k in range(n_langs)]
    finally:
        free(counts)


# ---------------------------------------------------------------------------------------
# features._block_arrays

def block_arrays(seg, bint html, dict levels):
    """features._block_arrays: the blocks' lists as arrays in one C loop, or None when it cannot answer.

    numpy converts a list of Python ints element by element through its generic path (and
    np.fromiter calls len and dict.get through map): ~0.1 µs a block for these five arrays.
    """
    cdef list texts = seg.texts
    cdef list links = seg.link_chars
    cdef list fl = seg.flags
    cdef list kinds = seg.kinds
    cdef list blanks = seg.blank_before
    cdef Py_ssize_t n = len(texts), i
    cdef double c
    if len(links) != n or len(fl) != n or len(blanks) != n or (html and len(kinds) != n):
        return None
    n_chars = _EMPTY(n, _F64)
    link_density = _EMPTY(n, _F64)
    flags = _EMPTY(n, _I64)
    heading = _ZEROS(n, _F64)
    blank_before = _EMPTY(n, _F64)
    # Fresh contiguous arrays, written through their buffers (a typed memoryview each cost
    # ~1,500 instructions).
    cdef Py_buffer views[5]
    cdef int held = 0
    cdef double *nc
    cdef double *ld
    cdef int64_t *fv
    cdef double *hv
    cdef double *bb
    try:
        for column in (n_chars, link_density, flags, heading, blank_before):
            PyObject_GetBuffer(column, &views[held], PyBUF_SIMPLE | PyBUF_WRITABLE)
            held += 1
        nc = <double *> views[0].buf
        ld = <double *> views[1].buf
        fv = <int64_t *> views[2].buf
        hv = <double *> views[3].buf
        bb = <double *> views[4].buf
        for i in range(n):
            t = texts[i]
            if not PyUnicode_CheckExact(t):
                return None
            c = <double> len(<str> t)
            nc[i] = c
            # Through C integers: a Python int's float() makes an object (the counts are far below 2**53).
            ld[i] = (<double> <int64_t> links[i]) / (c if c > 1.0 else 1.0)
            fv[i] = <int64_t> fl[i]
            bb[i] = <double> <int64_t> blanks[i]
            if html:
                hv[i] = <double> <int64_t> levels.get(kinds[i], 0)
    finally:
        for i in range(held):
            PyBuffer_Release(&views[i])
    return n_chars, link_density, flags, heading, blank_before


# ---------------------------------------------------------------------------------------
# Features (session 16)
# ---------------------------------------------------------------------------------------
# features._unboxed_container: the blocks' weights and the boxed test, in one loop

def unboxed_weight(main, flags, n_chars, n_words, link_density, card, int64_t boxes, int64_t comment_bit,
                   int64_t neg_bit, double neg_weight, double boxed_share):
    """features._unboxed_container's weights and whether its first choice is boxed, or None when it cannot answer.

    Each weight is made with the reference's operations in their order (numpy's maximum, the
    square as a product, the chrome word's discount, then the card's); the sums stay numpy's.
    The columns are read through their buffers (a typed memoryview each cost ~1,500
    instructions).
    """
    cdef Py_ssize_t n = len(main), i, held = 0, boxed_in = 0
    cdef double x, r
    if len(flags) != n or len(n_chars) != n or len(n_words) != n or len(link_density) != n or len(card) != n:
        return None
    weight = _EMPTY(n, _F64)
    cdef Py_buffer views[7]
    cdef const char *ptr[6]
    cdef Py_ssize_t st[6]
    cdef int k = 0
    cdef double *w
    cdef int64_t fl
    try:
        # 0 main, 1 flags, 2 n_chars, 3 n_words, 4 link_density, 5 card
        for column in (main, flags, n_chars, n_words, link_density, card):
            ptr[k] = _column(column, n, 108 if k == 1 else 100, &views[k], &st[k])
            k += 1
        PyObject_GetBuffer(weight, &views[k], PyBUF_SIMPLE | PyBUF_WRITABLE)
        k += 1
        w = <double *> views[6].buf
        for i in range(n):
            fl = (<const int64_t *> (ptr[1] + i * st[1]))[0]
            if (<const double *> (ptr[0] + i * st[0]))[0] > 0:
                held += 1
                if fl & boxes:
                    boxed_in += 1
            if fl & (boxes | comment_bit):
                x = 0.0
            else:
                r = 1.0 - (<const double *> (ptr[4] + i * st[4]))[0]
                x = _np_max((<const double *> (ptr[2] + i * st[2]))[0], 3.0 * (<const double *> (ptr[3] + i * st[3]))[0]) * (r * r)
            if fl & neg_bit:
                x = x * neg_weight
            w[i] = x * (1.0 - (<const double *> (ptr[5] + i * st[5]))[0])
    finally:
        for i in range(k):
            PyBuffer_Release(&views[i])
    return weight, held > 0 and <double> boxed_in >= boxed_share * <double> held


# ---------------------------------------------------------------------------------------
# features.subtree_ends

def subtree_ends(parents_in):
    """features.subtree_ends in one backward pass, for elements in document order (every parent
    before its child, parents[0] aside); None for any other tree (the caller then runs the reference).

    Each element's end is the largest end of its children: in document order a child comes after
    its parent, so going backwards every element is done before its parent is reached.
    """
    cdef const int64_t[:] parents = parents_in
    cdef Py_ssize_t n = parents.shape[0], e
    cdef int64_t p
    for e in range(1, n):
        p = parents[e]
        if p < 0 or p >= e:
            return None
    end = np.arange(1, n + 1, dtype=np.int64)
    cdef int64_t[:] out = end
    for e in range(n - 1, 0, -1):
        p = parents[e]
        if out[e] > out[p]:
            out[p] = out[e]
    return end


# ---------------------------------------------------------------------------------------
# Smooth steps (session 16)

cdef extern from "Python.h":
    Py_ssize_t PyUnicode_GET_LENGTH(object)
    Py_ssize_t PyUnicode_FindChar(object, Py_UCS4, Py_ssize_t, Py_ssize_t, int)
    void *PyList_GET_ITEM(object, Py_ssize_t)
    Py_ssize_t PyList_GET_SIZE(object)

cdef extern from "string.h":
    void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen) nogil
    void *memchr(const void *s, int c, size_t n) nogil

# A character's lowered ASCII byte, 0x80 for one that lowers to no ASCII character.
cdef uint8_t _ASCII_LOW[128]
for _c in range(128):
    _ASCII_LOW[_c] = ord(chr(_c).lower())
# A Latin-1 character's lowered ASCII byte, 0 for one outside ASCII (no stem holds a 0).
cdef uint8_t _LATIN1_LOW[256]
for _c in range(256):
    _LATIN1_LOW[_c] = _ASCII_LOW[_c] if _c < 128 else 0


cdef Py_ssize_t _lower_ascii(str t, uint8_t *out):
    """Writes t.lower()'s ASCII characters to out, a 0x80 byte for each run of other characters
    it has (a stem of ASCII letters cannot span one); returns how many bytes it wrote (at most
    twice t's length). Only two characters lower to ASCII: "İ" ("i" and a combining dot) and
    the Kelvin sign ("k")."""
    cdef Py_ssize_t n = len(t), i, o = 0
    cdef int kind = PyUnicode_KIND(t)
    cdef void *data = PyUnicode_DATA(t)
    cdef const uint8_t *b
    cdef Py_UCS4 c
    if kind == 1:
        b = <const uint8_t *> data
        for i in range(n):
            c = b[i]
            out[o] = _ASCII_LOW[c] if c < 128 else 0x80
            o += 1
        return o
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if c < 128:
            out[o] = _ASCII_LOW[c]
        elif c == 0x212A:
            out[o] = 107  # "k"
        elif c == 0x130:
            out[o] = 105  # "i", then the combining dot
            o += 1
            out[o] = 0x80
        else:
            out[o] = 0x80
        o += 1
    return o


cdef extern from *:
    """
    #include <stdint.h>
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif
    /* texts_hold's scan for the stems' first three bytes, 16 starts at a time: the first start
       q >= p (q + 18 <= n) where bytes q, q + 1, q + 2, each or'ed with 0x20, are one of the
       n_tri triples tri (so are a lowered stem's first three: a letter's two cases, and every
       other byte, are alike or'ed), or -1 - r when none is, r the first start not scanned (the
       caller searches from r on). Without SSE2, -1 - p: nothing scanned. */
    static Py_ssize_t bs_tri_next(const uint8_t *b, Py_ssize_t n, Py_ssize_t p, const uint8_t *tri, int n_tri) {
    #if defined(__SSE2__)
        const __m128i up = _mm_set1_epi8(0x20);
        __m128i t[48];
        int k;
        if (p + 18 > n) return -1 - p;
        /* Each triple's bytes broadcast once a call, not once a 16 bytes. */
        for (k = 0; k < 3 * n_tri; k++) t[k] = _mm_set1_epi8((char)tri[k]);
        for (; p + 18 <= n; p += 16) {
            __m128i v0 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(b + p)), up);
            __m128i v1 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(b + p + 1)), up);
            __m128i v2 = _mm_or_si128(_mm_loadu_si128((const __m128i *)(b + p + 2)), up);
            __m128i m = _mm_setzero_si128();
            for (k = 0; k < n_tri; k++) {
                __m128i e = _mm_and_si128(_mm_cmpeq_epi8(v0, t[3 * k]), _mm_cmpeq_epi8(v1, t[3 * k + 1]));
                m = _mm_or_si128(m, _mm_and_si128(e, _mm_cmpeq_epi8(v2, t[3 * k + 2])));
            }
            unsigned int bits = (unsigned int)_mm_movemask_epi8(m);
            if (bits) return p + __builtin_ctz(bits);
        }
    #endif
        return -1 - p;
    }
    """
    Py_ssize_t bs_tri_next(const uint8_t *b, Py_ssize_t n, Py_ssize_t p, const uint8_t *tri, int n_tri) noexcept nogil


cdef struct _Stems:
    # Stems of two bytes or more, each with its first two bytes as a key (7 bits each); a bit
    # a key in pairs; single[c] for a stem of one byte c.
    Py_ssize_t n
    uint32_t keys[64]
    const uint8_t *at[64]
    Py_ssize_t size[64]
    uint64_t pairs[256]
    bint single[128]
    bint any_single
    # The shortest stem of two bytes or more (m), and for a Horspool search of their first m bytes
    # (m >= 3): how far the window may move past a lowered byte at its end (shift), and whether a
    # stem has that byte at m - 1 (last). Lowered bytes run to 0x80.
    Py_ssize_t m
    uint8_t shift[256]
    bint last[256]
    # The distinct first three bytes of the stems (m >= 3, at most 16 of them), each byte or'ed
    # with 0x20, for bs_tri_next's 16-byte scan (n_tri 0: the scan is not used).
    int n_tri
    uint8_t tri[48]


cdef inline bint _int64_format(const char *fmt) noexcept:
    """Whether a buffer's struct format is a native 64-bit integer's ("l" or "q", maybe after "@" or "=")."""
    if fmt[0] == 64 or fmt[0] == 61:
        fmt += 1
    return (fmt[0] == 108 or fmt[0] == 113) and fmt[1] == 0

cdef int _index_buffer(object idx, Py_buffer *view) except -1:
    """Takes idx's buffer into view: a 1-D array of int64 (an object without a buffer is made an
    array first, which the buffer keeps alive). The caller releases it."""
    if bs_array_view(idx, 108, 1, 0, view):  # an exact ndarray's own fields (session 22)
        return 0
    try:
        PyObject_GetBuffer(idx, view, PyBUF_RECORDS_RO)
    except BufferError:
        PyObject_GetBuffer(np.ascontiguousarray(idx), view, PyBUF_RECORDS_RO)
    if view.ndim != 1 or view.itemsize != 8 or not _int64_format(view.format):
        PyBuffer_Release(view)
        raise ValueError("idx must be a 1-D array of int64")
    return 0


cdef object _indexed_text(list texts, const Py_buffer *view, Py_ssize_t k, Py_ssize_t *i):
    """The text at idx[k] (its index put in i), checked as every caller checks it."""
    i[0] = (<const int64_t *> (<const char *> view.buf + k * view.strides[0]))[0]
    if i[0] < 0 or i[0] >= PyList_GET_SIZE(texts):
        raise IndexError("idx out of range")
    t = <object> PyList_GET_ITEM(texts, i[0])
    if not PyUnicode_CheckExact(t):
        raise TypeError("texts must be strs")
    return t



cdef inline bint _holds_stem(const uint8_t *low, Py_ssize_t n, _Stems *st) noexcept:
    """Whether low (n lowered bytes, 0 or 0x80 where no ASCII letter stands) holds a stem."""
    cdef Py_ssize_t p, j, q
    cdef uint32_t key
    if st.any_single:
        for p in range(n):
            if low[p] < 128 and st.single[low[p]]:
                return True
    if st.m >= 3:
        # The 16-byte scan for the stems' first three bytes, then Horspool over the stems' first
        # m bytes from where it stopped: every start of a stem is a window it visits.
        p = 0
        while st.n_tri:
            q = bs_tri_next(low, n, p, st.tri, st.n_tri)
            if q < 0:
                p = -1 - q
                break
            if _stem_at(low, n, q, st):
                return True
            p = q + 1
        while p + st.m <= n:
            j = low[p + st.m - 1]
            if st.last[j] and _stem_at(low, n, p, st):
                return True
            p += st.shift[j]
        return False
    for p in range(n - 1):
        key = (<uint32_t> (low[p] & 0x7F)) << 7 | (low[p + 1] & 0x7F)
        if (st.pairs[key >> 6] >> (key & 63)) & 1:
            for j in range(st.n):
                if st.keys[j] == key and st.size[j] <= n - p and memcmp(low + p, st.at[j], st.size[j]) == 0:
                    return True
    return False


cdef int _read_stems(tuple stems, _Stems *st) except -1:
    """Fills st from stems (lowercase ASCII bytes without NUL or newline; empty ones skipped)."""
    cdef bytes stem
    cdef const uint8_t *sb
    cdef Py_ssize_t size, j
    cdef uint32_t key
    memset(st, 0, sizeof(st[0]))
    if len(stems) > 64:
        raise ValueError("at most 64 stems")
    for stem in stems:
        sb = stem
        size = len(stem)
        if size == 0:
            continue
        for j in range(size):
            if sb[j] == 0 or sb[j] >= 128 or sb[j] == 10:
                raise ValueError("stems must be ASCII bytes without NUL or newline")
        if size == 1:
            st.single[sb[0]] = True
            st.any_single = True
            continue
        key = (<uint32_t> sb[0]) << 7 | sb[1]
        st.pairs[key >> 6] |= (<uint64_t> 1) << (key & 63)
        st.keys[st.n] = key
        st.at[st.n] = sb
        st.size[st.n] = size
        st.n += 1
        if st.m == 0 or size < st.m:
            st.m = size
    if st.m >= 3:
        if st.m > 255:
            st.m = 255
        memset(st.shift, <int> st.m, sizeof(st.shift))
        for j in range(st.n):
            for size in range(st.m - 1):
                if st.shift[st.at[j][size]] > st.m - 1 - size:
                    st.shift[st.at[j][size]] = <uint8_t> (st.m - 1 - size)
            st.last[st.at[j][st.m - 1]] = True
        _read_triples(st)
    return 0


cdef void _read_triples(_Stems *st) noexcept:
    """Fills st.tri with the stems' distinct first three bytes (or'ed with 0x20), or leaves
    n_tri 0 when there are more than 16. Up to 16, not 8: drop_form_notices' 18 stems start
    with 9 triples, and its 9th ("thank") had turned its search into the Horspool search over
    5 bytes, whose shifts are mostly 1 with so many stems (the step on its recorded calls: 8.6
    -> 5.6 us a page with the scan, 24 K instructions more: Horspool's mispredicted branches
    cost more than the scan's compares)."""
    cdef Py_ssize_t j, k
    cdef uint8_t a, b, c
    cdef int n_tri = 0
    for j in range(st.n):
        a, b, c = st.at[j][0] | 0x20, st.at[j][1] | 0x20, st.at[j][2] | 0x20
        for k in range(n_tri):
            if st.tri[3 * k] == a and st.tri[3 * k + 1] == b and st.tri[3 * k + 2] == c:
                break
        else:
            if n_tri == 16:
                return
            st.tri[3 * n_tri] = a
            st.tri[3 * n_tri + 1] = b
            st.tri[3 * n_tri + 2] = c
            n_tri += 1
    st.n_tri = n_tri


cdef inline bint _stem_at(const uint8_t *low, Py_ssize_t n, Py_ssize_t p, _Stems *st) noexcept:
    """Whether a stem of two bytes or more starts at p of low (n lowered bytes)."""
    cdef Py_ssize_t j
    cdef uint32_t key = (<uint32_t> (low[p] & 0x7F)) << 7 | (low[p + 1] & 0x7F)
    if not (st.pairs[key >> 6] >> (key & 63)) & 1:
        return False
    for j in range(st.n):
        if st.keys[j] == key and st.size[j] <= n - p and memcmp(low + p, st.at[j], st.size[j]) == 0:
            return True
    return False


cdef inline bint _latin1_stem_at(const uint8_t *b, Py_ssize_t n, Py_ssize_t p, _Stems *st) noexcept:
    """_stem_at over a 1-byte str's characters, each lowered as it is read (_LATIN1_LOW)."""
    return _latin1_stem_keyed(b, n, p, (<uint32_t> _LATIN1_LOW[b[p]]) << 7 | _LATIN1_LOW[b[p + 1]], st)


cdef inline bint _latin1_stem_keyed(const uint8_t *b, Py_ssize_t n, Py_ssize_t p, uint32_t key, _Stems *st) noexcept:
    """Whether a stem of st starts at character p, whose first two lowered characters make key."""
    cdef Py_ssize_t j, q
    if not (st.pairs[key >> 6] >> (key & 63)) & 1:
        return False
    for j in range(st.n):
        if st.keys[j] == key and st.size[j] <= n - p:
            q = 2
            while q < st.size[j] and _LATIN1_LOW[b[p + q]] == st.at[j][q]:
                q += 1
            if q == st.size[j]:
                return True
    return False


cdef bint _latin1_holds_stem(const uint8_t *b, Py_ssize_t n, _Stems *st) noexcept:
    """_holds_stem over a 1-byte str's characters, each lowered as it is read (_LATIN1_LOW): the
    bytes _lower_ascii would write, 0 instead of 0x80 for the others (no stem holds either)."""
    cdef Py_ssize_t p, q
    cdef uint32_t key
    cdef uint8_t lo
    if st.any_single:
        for p in range(n):
            lo = _LATIN1_LOW[b[p]]
            if lo and st.single[lo]:
                return True
    if n < 2:
        return False
    if st.m >= 3:
        # The 16-byte scan, then Horspool over the stems' first m bytes, as _holds_stem.
        p = 0
        while st.n_tri:
            q = bs_tri_next(b, n, p, st.tri, st.n_tri)
            if q < 0:
                p = -1 - q
                break
            if _latin1_stem_at(b, n, q, st):
                return True
            p = q + 1
        while p + st.m <= n:
            lo = _LATIN1_LOW[b[p + st.m - 1]]
            if st.last[lo] and _latin1_stem_at(b, n, p, st):
                return True
            p += st.shift[lo]
        return False
    key = _LATIN1_LOW[b[0]]
    for p in range(n - 1):
        key = ((key & 0x7F) << 7) | _LATIN1_LOW[b[p + 1]]
        if _latin1_stem_keyed(b, n, p, key, st):
            return True
    return False


cdef int _text_holds(object t, _Stems *st, uint8_t **buf, Py_ssize_t *cap) except -1:
    """1 when str t, lowered, holds a stem of st, else 0; buf (cap bytes, grown as needed) takes
    the lowered bytes of a str of 2 or 4 bytes a character."""
    cdef Py_ssize_t size
    if PyUnicode_KIND(t) == 1:
        return _latin1_holds_stem(<const uint8_t *> PyUnicode_DATA(t), PyUnicode_GET_LENGTH(t), st)
    size = 2 * PyUnicode_GET_LENGTH(t) + 1
    if size > cap[0]:
        free(buf[0])
        buf[0] = NULL
        cap[0] = 0
        buf[0] = <uint8_t *> malloc(size + 256)
        if buf[0] == NULL:
            raise MemoryError()
        cap[0] = size + 256
    size = _lower_ascii(<str> t, buf[0])
    return _holds_stem(buf[0], size, st)


def texts_hold(list texts, idx, tuple stems):
    """smooth._texts_hold: whether any stem (lowercase ASCII bytes without a newline) stands in
    the lowered texts of idx (all texts for None), without joining or lowering them in Python.

    A stem cannot span two texts (a newline joins them), so each text is searched on its own
    and the search stops at the first that holds one: one pass over its characters with a table
    of the stems' first two bytes, each character lowered as it is read (a 1-byte str), or its
    ASCII characters lowered into a buffer first (0x80 for each other one)."""
    cdef Py_ssize_t n = len(texts), m, k, i, cap = 0, stride = 8
    cdef const int64_t *at = NULL
    cdef Py_buffer view
    cdef uint8_t *buf = NULL
    cdef _Stems st
    cdef bint found = False
    cdef object t
    _read_stems(stems, &st)  # the stems' bytes stay alive in the tuple
    if idx is None:
        m = n
    else:
        _index_buffer(idx, &view)
        at = <const int64_t *> view.buf
        stride = view.strides[0]
        m = view.shape[0]
    try:
        for k in range(m):
            i = k if at == NULL else (<const int64_t *> (<const char *> at + k * stride))[0]
            if i < 0 or i >= n:
                raise IndexError("idx out of range")
            t = <object> PyList_GET_ITEM(texts, i)
            if not PyUnicode_CheckExact(t):
                raise TypeError("texts must be strs")
        if st.n == 0 and not st.any_single:
            return False
        for k in range(m):
            i = k if at == NULL else (<const int64_t *> (<const char *> at + k * stride))[0]
            if _text_holds(<object> PyList_GET_ITEM(texts, i), &st, &buf, &cap):
                found = True
                break
    finally:
        if at != NULL:
            PyBuffer_Release(&view)
        free(buf)
    return found


cdef inline bint _ascii_word(Py_UCS4 c):
    return (48 <= c <= 57) or (65 <= c <= 90) or (97 <= c <= 122) or c == 95


cdef inline Py_UCS4 _page_char(list texts, Py_ssize_t k, Py_ssize_t q) noexcept:
    """The character at q of text k in the page joined by newlines (q == its length: the newline
    after it); 0x110000 past the page's end."""
    cdef object t = <object> PyList_GET_ITEM(texts, k)
    if q < PyUnicode_GET_LENGTH(t):
        return PyUnicode_READ(PyUnicode_KIND(t), PyUnicode_DATA(t), q)
    return 10 if k + 1 < PyList_GET_SIZE(texts) else 0x110000


cdef int _after_three(list texts, Py_ssize_t k, Py_ssize_t q, const uint32_t *keys, int n_keys) noexcept:
    """1 when smooth._THIRD_SLIDE may match from the "3" before q in text k ("3", spaces, "/" or
    a word of _OF (keys: each word's lowercase letters packed a byte each), spaces, a digit), 0
    when it cannot; the page is read as joined by newlines. A character outside ASCII is a maybe,
    but for the first after the spaces: unless a space or one of the three that match an ASCII
    letter under regex.I ("İ", "ſ", the Kelvin sign), it is neither "/" nor a word's first letter
    and ends every match from that "3" (a dash, a quote, a box line, a letter of another script:
    "3 – ", "3’s", "3 │", "3日"; a fifth of the pages were joined and searched for one)."""
    cdef Py_UCS4 c
    cdef uint32_t key = 0, u
    cdef int w = 0, j
    while True:
        c = _page_char(texts, k, q)
        if c == 0x110000:
            return 0
        if c >= 128:
            return 1 if Py_UNICODE_ISSPACE(c) or c == 0x130 or c == 0x17F or c == 0x212A else 0
        if c > 32:
            break
        q += 1
        if q > PyUnicode_GET_LENGTH(<object> PyList_GET_ITEM(texts, k)):
            k += 1
            q = 0
    if c == 47:  # "/"
        q += 1
    elif _ascii_word(c):
        # A word of _OF is the whole run of word characters (\b after it), which never runs
        # past its text (a newline follows it).
        while True:
            c = _page_char(texts, k, q)
            if c >= 128 and c != 0x110000:
                return 1
            if c == 0x110000 or not _ascii_word(c):
                break
            if w == 4:
                return 0
            u = <uint32_t> c
            if 65 <= u <= 90:
                u += 32
            key |= u << (8 * w)
            w += 1
            q += 1
        for j in range(n_keys):
            if keys[j] == key:
                break
        else:
            return 0
    else:
        return 0
    while True:
        if q > PyUnicode_GET_LENGTH(<object> PyList_GET_ITEM(texts, k)):
            k += 1
            q = 0
        c = _page_char(texts, k, q)
        if c == 0x110000:
            return 0
        if c >= 128:
            return 1
        if c > 32:
            return 1 if 48 <= c <= 57 else 0
        q += 1


def third_slide(list texts, pattern, tuple words):
    """smooth._third_slide: pattern.search("\\n".join(texts)) is not None, the page joined and
    searched only when some "3" in it is followed (spaces and newlines between) by "/" or one
    of words (lowercase ASCII letters, four at most) and then a digit, or by a character
    outside ASCII."""
    cdef Py_ssize_t n, q, k
    cdef int kind, n_keys = 0, j
    cdef uint32_t keys[16]
    cdef const uint8_t *b
    cdef const void *hit
    cdef bint maybe = False
    cdef str word
    for word in words:
        if n_keys == 16 or not 0 < len(word) <= 4 or not word.isascii() or not word.isalpha() or word.lower() != word:
            raise ValueError("words must be up to 16 lowercase ASCII words of 1-4 letters")
        keys[n_keys] = 0
        for j in range(len(word)):
            keys[n_keys] |= (<uint32_t> ord(word[j])) << (8 * j)
        n_keys += 1
    for t in texts:
        if not PyUnicode_CheckExact(t):
            raise TypeError("texts must be strs")
    for k in range(len(texts)):
        t = texts[k]
        n = PyUnicode_GET_LENGTH(t)
        kind = PyUnicode_KIND(t)
        if kind == 1:
            b = <const uint8_t *> PyUnicode_DATA(t)
            q = 0
            while q < n:
                hit = memchr(b + q, 51, n - q)
                if hit == NULL:
                    break
                q = <const uint8_t *> hit - b + 1
                if _after_three(texts, k, q, keys, n_keys):
                    maybe = True
                    break
        else:
            # CPython's own search for one character (memchr over its low byte, a candidate
            # checked whole), where a loop a character cost ~0.25 ns each over a page's text in
            # two-byte characters (a curly quote or a dash makes one).
            q = 0
            while q < n:
                q = PyUnicode_FindChar(t, 51, q, n, 1)
                if q < 0:
                    if q == -2:
                        raise SystemError("PyUnicode_FindChar failed")
                    break
                q += 1
                if _after_three(texts, k, q, keys, n_keys):
                    maybe = True
                    break
        if maybe:
            return pattern.search("\n".join(texts)) is not None
    return False


_MASK_OPS = {">": 0, ">=": 1, "<": 2, "<=": 3, "==": 4, "!=": 5, "none": 6, "some": 7, "is": 8, "not": 9}


cdef const char *_column(object column, Py_ssize_t n, char kind, Py_buffer *view, Py_ssize_t *stride) except NULL:
    """A 1-D column's first byte and its stride, read through the buffer protocol (no typed
    memoryview: acquiring one costs ~0.3 us); kind is the struct format it must have ("d" a
    float64, "l" or "q" an int64, "?" a bool). view must be released by the caller."""
    if bs_array_view(column, kind, 1, 0, view):  # an exact ndarray's own fields (session 22)
        if view.shape[0] == n:
            stride[0] = view.strides[0]
            return <const char *> view.buf
        PyBuffer_Release(view)
    PyObject_GetBuffer(column, view, PyBUF_RECORDS_RO)
    cdef const char *fmt = view.format
    if fmt[0] == 64 or fmt[0] == 61:  # "@" or "=": native
        fmt += 1
    if view.ndim != 1 or view.shape[0] != n or (
        not (view.itemsize == 8 and _int64_format(fmt)) if kind == 108 else not (fmt[0] == kind and fmt[1] == 0)
    ):
        PyBuffer_Release(view)
        raise ValueError("a column of another length or type")
    stride[0] = view.strides[0]
    return <const char *> view.buf


def all_of(Py_ssize_t n, tuple tests):
    """smooth._all_of: the blocks that pass every test, in one pass a test instead of two or
    three numpy calls (each ~1 us on a page's arrays). The mask starts as np.empty set to
    true in C: np.ones is a Python function of numpy's (empty and copyto), ~6,000 instructions
    more a call."""
    out = _EMPTY(n, _BOOL)
    cdef Py_buffer ob, cb
    cdef Py_ssize_t st = 0, i
    if not bs_array_view(out, 63, 1, 1, &ob):  # an exact ndarray's own fields (session 22)
        PyObject_GetBuffer(out, &ob, PyBUF_SIMPLE | PyBUF_WRITABLE)
    cdef uint8_t *o = <uint8_t *> ob.buf
    memset(o, 1, n)
    cdef const char *c
    cdef const double *d
    cdef const int64_t *q
    cdef const uint8_t *u
    cdef double v = 0.0
    cdef int64_t b = 0
    cdef int op
    try:
        for column, name, value in tests:
            op = _MASK_OPS[name]
            # A contiguous column (a row of the features' 2-D array, a mask) is read through a
            # typed pointer, a loop the compiler vectorizes; a strided one element by element.
            if op <= 5:
                v = value
                c = _column(column, n, 100, &cb, &st)  # "d"
                if st == 8:
                    d = <const double *> c
                    if op == 0:
                        for i in range(n):
                            o[i] &= d[i] > v
                    elif op == 1:
                        for i in range(n):
                            o[i] &= d[i] >= v
                    elif op == 2:
                        for i in range(n):
                            o[i] &= d[i] < v
                    elif op == 3:
                        for i in range(n):
                            o[i] &= d[i] <= v
                    elif op == 4:
                        for i in range(n):
                            o[i] &= d[i] == v
                    else:
                        for i in range(n):
                            o[i] &= d[i] != v
                elif op == 0:
                    for i in range(n):
                        o[i] &= (<const double *> (c + i * st))[0] > v
                elif op == 1:
                    for i in range(n):
                        o[i] &= (<const double *> (c + i * st))[0] >= v
                elif op == 2:
                    for i in range(n):
                        o[i] &= (<const double *> (c + i * st))[0] < v
                elif op == 3:
                    for i in range(n):
                        o[i] &= (<const double *> (c + i * st))[0] <= v
                elif op == 4:
                    for i in range(n):
                        o[i] &= (<const double *> (c + i * st))[0] == v
                else:
                    for i in range(n):
                        o[i] &= (<const double *> (c + i * st))[0] != v
            elif op <= 7:
                b = value
                c = _column(column, n, 108, &cb, &st)  # "l"
                if st == 8:
                    q = <const int64_t *> c
                    if op == 6:
                        for i in range(n):
                            o[i] &= (q[i] & b) == 0
                    else:
                        for i in range(n):
                            o[i] &= (q[i] & b) != 0
                elif op == 6:
                    for i in range(n):
                        o[i] &= ((<const int64_t *> (c + i * st))[0] & b) == 0
                else:
                    for i in range(n):
                        o[i] &= ((<const int64_t *> (c + i * st))[0] & b) != 0
            else:
                c = _column(column, n, 63, &cb, &st)  # "?"
                if st == 1:
                    u = <const uint8_t *> c
                    if op == 8:
                        for i in range(n):
                            o[i] &= u[i]
                    else:
                        for i in range(n):
                            o[i] &= u[i] ^ 1
                elif op == 8:
                    for i in range(n):
                        o[i] &= (<const uint8_t *> (c + i * st))[0]
                else:
                    for i in range(n):
                        o[i] &= (<const uint8_t *> (c + i * st))[0] ^ 1
            PyBuffer_Release(&cb)
    finally:
        PyBuffer_Release(&ob)
    return out


cdef class _Buf:
    """A 1-D or 2-D array's buffer (strides in bytes), held until the object goes."""
    cdef Py_buffer view
    cdef bint held
    cdef char *data
    cdef Py_ssize_t s0, s1, n

    def __dealloc__(self):
        if self.held:
            PyBuffer_Release(&self.view)


cdef _Buf _buf(object a, int ndim, char kind, bint writable):
    """a's buffer: ndim dimensions, items of kind ("d" float64, "l" int64, "?" bool)."""
    cdef _Buf b = _Buf.__new__(_Buf)
    if not bs_array_view(a, kind, ndim, writable, &b.view):  # an exact ndarray's own fields (session 22)
        PyObject_GetBuffer(a, &b.view, PyBUF_RECORDS_RO | (PyBUF_WRITABLE if writable else 0))
    b.held = True
    cdef const char *fmt = b.view.format
    if fmt[0] == 64 or fmt[0] == 61:
        fmt += 1
    if b.view.ndim != ndim or (
        not (b.view.itemsize == 8 and _int64_format(fmt)) if kind == 108 else not (fmt[0] == kind and fmt[1] == 0)
    ):
        raise ValueError("an array of another shape or type")
    b.data = <char *> b.view.buf
    b.n = b.view.shape[0]
    b.s0 = b.view.strides[0]
    b.s1 = b.view.strides[1] if ndim == 2 else 0
    return b


cdef inline int64_t _i64(_Buf b, Py_ssize_t i) noexcept:
    return (<const int64_t *> (b.data + i * b.s0))[0]


cdef object _tree_sums(_Buf eb, _Buf nd, tuple columns):
    """Each element's sums of the columns over its subtree (a row of len(columns) an element), given
    each block's element (eb) and each element's subtree end (nd): each element's own sums, block
    by block in turn as numpy's bincount adds, their running sums row by row as numpy's cumsum
    adds, and the difference at each subtree's end."""
    cdef Py_ssize_t m = eb.n, n_elem = nd.n, k = len(columns), i, e, j
    cdef int64_t x
    cdef _Buf col
    own = _ZEROS((n_elem, k), _F64)
    cdef _Buf ob = _buf(own, 2, 100, True)
    cdef double *ov = <double *> ob.data
    for j in range(k):
        column = columns[j]
        if column is None:
            for i in range(m):
                ov[_i64(eb, i) * k + j] += 1.0
        elif column.dtype == _BOOL:
            col = _buf(column, 1, 63, False)
            if col.n != m:
                raise ValueError("a column of another length")
            for i in range(m):
                ov[_i64(eb, i) * k + j] += 1.0 if (<const uint8_t *> (col.data + i * col.s0))[0] else 0.0
        else:
            col = _buf(column, 1, 100, False)
            if col.n != m:
                raise ValueError("a column of another length")
            for i in range(m):
                ov[_i64(eb, i) * k + j] += (<const double *> (col.data + i * col.s0))[0]
    prefix = _ZEROS((n_elem + 1, k), _F64)
    cdef _Buf rb = _buf(prefix, 2, 100, True)
    cdef double *rv = <double *> rb.data
    if n_elem:
        for j in range(k):
            rv[k + j] = ov[j]
    for e in range(1, n_elem):
        for j in range(k):
            rv[(e + 1) * k + j] = rv[e * k + j] + ov[e * k + j]
    sums = _EMPTY((n_elem, k), _F64)
    cdef _Buf sb = _buf(sums, 2, 100, True)
    cdef double *sv = <double *> sb.data
    for e in range(n_elem):
        x = _i64(nd, e)
        for j in range(k):
            sv[e * k + j] = rv[x * k + j] - rv[e * k + j]
    return sums


def container_subtrees(seg, blocks_in, tuple columns, subtree_ends_fn):
    """smooth._container_subtrees: the root element of blocks, each block's element and each
    element's parent (numbered from the root), the subtree ends, and per element the sums of the
    columns over its subtree: one C pass a column for the element sums and their running sums,
    in numpy's order of additions (bincount adds each block's value in turn, cumsum row by row).
    Arrays are read through the buffer protocol (a typed memoryview costs ~0.3 us to take)."""
    cdef _Buf ea = _buf(seg.elem_array(), 1, 108, False)
    cdef _Buf pa = _buf(seg.parent_array(), 1, 108, False)
    cdef _Buf blocks = _buf(blocks_in, 1, 108, False)
    cdef Py_ssize_t m = blocks.n, i, e, n_elem
    cdef int64_t first, last, root, top, x
    cdef int64_t *ev
    cdef int64_t *pv
    if m == 0:
        raise ValueError("no blocks")
    first = _i64(ea, _i64(blocks, 0))
    last = _i64(ea, _i64(blocks, m - 1))
    # common_ancestor: the first of last's ancestors (itself first) that is first or one of its ancestors.
    root = last
    while True:
        x = first
        while x >= 0 and x != root:
            x = _i64(pa, x)
        if x == root:
            break
        root = _i64(pa, root)
    elems = _EMPTY(m, _I64)
    cdef _Buf eb = _buf(elems, 1, 108, True)
    ev = <int64_t *> eb.data
    top = 0
    for i in range(m):
        x = _i64(ea, _i64(blocks, i)) - root
        ev[i] = x
        if x > top:
            top = x
    n_elem = top + 1
    parents = _EMPTY(n_elem, _I64)
    cdef _Buf pb = _buf(parents, 1, 108, True)
    pv = <int64_t *> pb.data
    for e in range(n_elem):
        pv[e] = _i64(pa, root + e) - root
    pv[0] = -1
    ends = subtree_ends_fn(parents)
    cdef _Buf nd = _buf(ends, 1, 108, False)
    if nd.n != n_elem:
        raise ValueError("subtree ends of another length")
    return int(root), elems, parents, ends, _tree_sums(eb, nd, columns)


# ---------------------------------------------------------------------------------------
# Smooth steps (session 17)

def any_true(mask):
    """smooth._any: bool(mask.any()), a bool array's bytes read in C instead of numpy's
    logical_or reduction (~1 us a call, some 60 calls a page); other arrays go to numpy."""
    cdef Py_buffer view
    cdef Py_ssize_t i, n
    cdef const uint8_t *b
    cdef bint found = False
    if type(mask) is not _NDARRAY or mask.dtype is not _BOOL:
        return bool(mask.any())
    if not bs_array_view(mask, 63, 1, 0, &view):  # an exact ndarray's own fields (session 22)
        PyObject_GetBuffer(mask, &view, PyBUF_RECORDS_RO)
    try:
        if view.ndim != 1:
            return bool(mask.any())
        b = <const uint8_t *> view.buf
        n = view.shape[0]
        for i in range(n):
            if b[i * view.strides[0]]:
                found = True
                break
    finally:
        PyBuffer_Release(&view)
    return found


_BOOL = np.dtype(np.bool_)


def lstrip_starts(list texts, idx, tuple starts):
    """smooth._lstrip_starts: the indexes i of idx whose texts[i].lstrip() starts with one of
    starts (strs), the whitespace skipped in C and str.startswith called only where the first
    character left may start one."""
    cdef Py_ssize_t k, i, q, size
    cdef Py_buffer view
    cdef object t
    cdef int kind
    cdef void *data
    cdef Py_UCS4 c
    cdef str s
    out = []
    firsts = set()
    for s in starts:
        if len(s) == 0:
            firsts = None
            break
        firsts.add(s[0])
    _index_buffer(idx, &view)
    try:
        for k in range(view.shape[0]):
            t = _indexed_text(texts, &view, k, &i)
            size = PyUnicode_GET_LENGTH(t)
            kind = PyUnicode_KIND(t)
            data = PyUnicode_DATA(t)
            q = 0
            while q < size and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, q)):
                q += 1
            if firsts is not None:
                if q == size:
                    continue
                c = PyUnicode_READ(kind, data, q)
                if c not in firsts:
                    continue
            if (<str> t).startswith(starts, q):
                out.append(i)
    finally:
        PyBuffer_Release(&view)
    return out


def nearest_marked(list parents, marked):
    """smooth._nearest_marked for a tree in document order (each element's parent before it,
    the first element's parent ignored): one forward pass, each element taking itself when
    marked and its parent's answer otherwise. None for any other tree (the caller then runs
    the reference's pointer jumping)."""
    cdef Py_ssize_t n = len(parents), e, p, stride
    cdef Py_buffer view
    cdef const char *m
    near = _EMPTY(n, _I64)
    cdef int64_t[::1] out = near
    PyObject_GetBuffer(marked, &view, PyBUF_RECORDS_RO)
    try:
        if view.ndim != 1 or view.shape[0] != n or view.itemsize != 1 or not (view.format[0] == 63 and view.format[1] == 0):
            raise ValueError("marked must be a bool array of the parents' length")
        m = <const char *> view.buf
        stride = view.strides[0]
        for e in range(n):
            if m[e * stride]:
                out[e] = e
            elif e == 0:
                out[e] = -1
            else:
                p = parents[e]
                if p < 0 or p >= e:
                    return None
                out[e] = out[p]
    finally:
        PyBuffer_Release(&view)
    return near


cdef inline bint _same_str(object a, Py_ssize_t size, int kind, const void *data) noexcept:
    """Whether a (an exact str) equals the str of this length, kind and data (PEP 393: equal strs
    have one kind)."""
    return (
        PyUnicode_GET_LENGTH(a) == size and PyUnicode_KIND(a) == kind
        and memcmp(PyUnicode_DATA(a), data, size * kind) == 0
    )


def tags_are(list tags, tuple names):
    """smooth._tags_are: a bool per tag, whether it is one of names (strs), compared in C; None
    when a tag is no exact str (the caller then runs the reference)."""
    cdef Py_ssize_t n = len(tags), e, j, k = len(names)
    cdef object t
    cdef str name
    cdef Py_ssize_t sizes[8]
    cdef int kinds[8]
    cdef const void *datas[8]
    if k > 8:
        raise ValueError("at most 8 names")
    for j in range(k):
        name = names[j]
        if not PyUnicode_CheckExact(name):
            return None
        sizes[j] = PyUnicode_GET_LENGTH(name)
        kinds[j] = PyUnicode_KIND(name)
        datas[j] = PyUnicode_DATA(name)
    out = _ZEROS(n, _BOOL)
    cdef uint8_t[::1] o = out.view(np.uint8)
    for e in range(n):
        t = <object> PyList_GET_ITEM(tags, e)
        if not PyUnicode_CheckExact(t):
            return None
        for j in range(k):
            if _same_str(t, sizes[j], kinds[j], datas[j]):
                o[e] = 1
                break
    return out


def holds_tag(list tags, str name):
    """smooth._holds_tag: name in tags, compared in C (tags are exact strs)."""
    cdef Py_ssize_t e, size = PyUnicode_GET_LENGTH(name)
    cdef int kind = PyUnicode_KIND(name)
    cdef const void *data = PyUnicode_DATA(name)
    cdef object t
    for e in range(len(tags)):
        t = <object> PyList_GET_ITEM(tags, e)
        if not PyUnicode_CheckExact(t):
            return name in tags
        if _same_str(t, size, kind, data):
            return True
    return False


def texts_holding(list texts, idx, tuple stems):
    """smooth._texts_holding: the indexes of idx whose lowered text holds a stem (lowercase ASCII
    bytes without a newline), each text searched as in texts_hold."""
    cdef Py_ssize_t k, i, cap = 0
    cdef Py_buffer view
    cdef uint8_t *buf = NULL
    cdef _Stems st
    cdef object t
    _read_stems(stems, &st)  # stems' bytes stay alive in the tuple
    out = []
    _index_buffer(idx, &view)
    try:
        for k in range(view.shape[0]):
            t = _indexed_text(texts, &view, k, &i)
            if st.n == 0 and not st.any_single:
                continue
            if _text_holds(t, &st, &buf, &cap):
                out.append(i)
    finally:
        PyBuffer_Release(&view)
        free(buf)
    return out


# ---------------------------------------------------------------------------------------
# Smooth steps (session 17, round 2)

def sibling_items(parents_in, tuple masks, tuple least):
    """smooth._sibling_items: the elements but the root (0) in masks[0] whose parent has, for
    each j, least[j] children or more in masks[0] and masks[j]; counted in one pass over the
    elements where numpy takes some ten calls. None when a parent of such an element lies
    outside the elements (the caller then runs the reference)."""
    cdef _Buf par = _buf(parents_in, 1, 108, False)
    cdef Py_ssize_t n = par.n, e, p, j, k = len(masks), m
    cdef list bufs = []
    cdef const char *data[8]
    cdef Py_ssize_t strides[8]
    cdef double at_least[8]
    cdef _Buf b
    cdef int64_t *counts
    cdef int64_t *items
    cdef bint ok
    if k == 0 or k > 8 or len(least) != k:
        raise ValueError("one to eight masks, a least count each")
    for j in range(k):
        b = _buf(masks[j], 1, 63, False)
        if b.n != n:
            raise ValueError("a mask of another length than the parents")
        bufs.append(b)
        data[j] = b.data
        strides[j] = b.s0
        at_least[j] = <double> least[j]
    counts = <int64_t *> calloc(n * k + 1, sizeof(int64_t))
    if counts == NULL:
        raise MemoryError()
    try:
        m = 0
        for e in range(1, n):
            if data[0][e * strides[0]]:
                p = _i64(par, e)
                if p < 0 or p >= n:
                    return None
                m += 1
                for j in range(k):
                    if data[j][e * strides[j]]:
                        counts[p * k + j] += 1
        items = <int64_t *> malloc((m + 1) * sizeof(int64_t))
        if items == NULL:
            raise MemoryError()
        try:
            m = 0
            for e in range(1, n):
                if data[0][e * strides[0]]:
                    p = _i64(par, e)
                    ok = True
                    for j in range(k):
                        if <double> counts[p * k + j] < at_least[j]:
                            ok = False
                            break
                    if ok:
                        items[m] = e
                        m += 1
            out = _EMPTY(m, _I64)
            b = _buf(out, 1, 108, True)
            for e in range(m):
                (<int64_t *> (b.data + e * b.s0))[0] = items[e]
            return out
        finally:
            free(items)
    finally:
        free(counts)


cdef inline bint _may_be_digit(Py_UCS4 c) noexcept:
    """smooth._MAY_DIGIT: an ASCII digit, or a character from U+0300 on outside U+2000-U+206F."""
    return (48 <= c <= 57) or (c >= 0x300 and not (0x2000 <= c <= 0x206F))


def may_digit(list texts, idx):
    """smooth._may_digit: the indexes of idx whose text holds a character of smooth._MAY_DIGIT,
    each text's characters read in C (a one-byte text: its ASCII digits)."""
    cdef Py_ssize_t k, i, q, size
    cdef Py_buffer view
    cdef object t
    cdef int kind
    cdef const uint8_t *b1
    cdef const uint16_t *b2
    cdef const uint32_t *b4
    cdef bint found
    out = []
    _index_buffer(idx, &view)
    try:
        for k in range(view.shape[0]):
            t = _indexed_text(texts, &view, k, &i)
            size = PyUnicode_GET_LENGTH(t)
            kind = PyUnicode_KIND(t)
            found = False
            if kind == 1:
                b1 = <const uint8_t *> PyUnicode_DATA(t)
                for q in range(size):
                    if <uint8_t> (b1[q] - 48) < 10:
                        found = True
                        break
            elif kind == 2:
                b2 = <const uint16_t *> PyUnicode_DATA(t)
                for q in range(size):
                    if _may_be_digit(b2[q]):
                        found = True
                        break
            else:
                b4 = <const uint32_t *> PyUnicode_DATA(t)
                for q in range(size):
                    if _may_be_digit(b4[q]):
                        found = True
                        break
            if found:
                out.append(i)
    finally:
        PyBuffer_Release(&view)
    return out


# ---------------------------------------------------------------------------------------
# Features (session 18)
# ---------------------------------------------------------------------------------------

# features._text_stats' distinct texts, found in a C table keyed by the texts' characters instead of
# a dict: a dict hashes each new str whole (siphash, most of the pass's time), where the table
# hashes a text's length and its first and last 32 bytes, and compares whole texts on a match.

cdef struct _Text:
    const char *data
    Py_ssize_t nbytes
    int kind
    Py_ssize_t index  # among the distinct texts; -1: an empty slot


cdef inline uint64_t _mix_bytes(uint64_t h, const unsigned char *p, Py_ssize_t nb) noexcept nogil:
    cdef uint64_t w
    while nb >= 8:
        memcpy(&w, p, 8)
        h = (h ^ w) * 0x9E3779B97F4A7C15ULL
        h ^= h >> 29
        p += 8
        nb -= 8
    while nb > 0:
        h = (h ^ p[0]) * 0x100000001B3ULL
        p += 1
        nb -= 1
    return h


cdef inline uint64_t _text_hash(const unsigned char *p, Py_ssize_t nb, int kind) noexcept nogil:
    cdef Py_ssize_t ends = nb if nb < 32 else 32
    cdef uint64_t h = (<uint64_t> nb * 0x100000001B3ULL) ^ (<uint64_t> kind << 56) ^ 1469598103934665603ULL
    h = _mix_bytes(h, p, ends)
    if nb > 32:
        h = _mix_bytes(h, p + nb - ends, ends)
    return h ^ (h >> 32)


def distinct(list texts):
    """The distinct texts in order of first appearance, each text's index among them, and their characters.

    features._text_stats' dict.fromkeys, its index dict and its list of lookups, in one pass.
    Two strs are equal when their kinds, lengths and data are (CPython keeps each str in its
    narrowest kind): a C table of the texts' data finds the equal ones without Python hashes.
    """
    cdef Py_ssize_t n = len(texts), i, j, size = 0, slots = 16, mask, nb
    cdef list uniq = []
    cdef _Text *table
    cdef const char *data
    cdef int kind
    cdef str t
    while slots < 2 * n:
        slots *= 2
    mask = slots - 1
    where = _EMPTY(n, _I64)
    cdef int64_t[:] w = where
    table = <_Text *> malloc(slots * sizeof(_Text))
    if table == NULL:
        raise MemoryError()
    try:
        for j in range(slots):
            table[j].index = -1
        for i in range(n):
            t = texts[i]
            kind = PyUnicode_KIND(t)
            data = <const char *> PyUnicode_DATA(t)
            nb = PyUnicode_GET_LENGTH(t) * kind
            j = <Py_ssize_t> (_text_hash(<const unsigned char *> data, nb, kind) & <uint64_t> mask)
            while table[j].index >= 0:
                if table[j].nbytes == nb and table[j].kind == kind and memcmp(table[j].data, data, nb) == 0:
                    break
                j = (j + 1) & mask
            if table[j].index < 0:
                table[j].data = data
                table[j].nbytes = nb
                table[j].kind = kind
                table[j].index = len(uniq)
                uniq.append(t)
                size += PyUnicode_GET_LENGTH(t)
            w[i] = table[j].index
        return uniq, where, size
    finally:
        free(table)


def runs_between(runs_in, anchor_in, Py_ssize_t near):
    """smooth._runs_between: the runs of true blocks in runs (starts, ends exclusive) with a
    true block of anchor among the near blocks before the run and among the near blocks after
    it, in one pass for the anchors' running count and one over the runs."""
    cdef _Buf r = _buf(runs_in, 1, 63, False)
    cdef _Buf a = _buf(anchor_in, 1, 63, False)
    cdef Py_ssize_t n = r.n, i, s, e, m = 0
    cdef int64_t *cum
    cdef int64_t *found
    if a.n != n:
        raise ValueError("runs and anchor of two lengths")
    if near < 0:
        raise ValueError("near must not be negative")
    cum = <int64_t *> malloc((2 * n + 2) * sizeof(int64_t))
    if cum == NULL:
        raise MemoryError()
    found = cum + n + 1
    try:
        cum[0] = 0
        for i in range(n):
            cum[i + 1] = cum[i] + (1 if a.data[i * a.s0] else 0)
        i = 0
        while i < n:
            if not r.data[i * r.s0]:
                i += 1
                continue
            s = i
            while i < n and r.data[i * r.s0]:
                i += 1
            e = i
            if cum[s] - cum[s - near if s > near else 0] > 0 and cum[e + near if e + near < n else n] - cum[e] > 0:
                found[m] = s
                found[m + 1] = e
                m += 2
        starts = _EMPTY(m // 2, _I64)
        ends = _EMPTY(m // 2, _I64)
        bs = _buf(starts, 1, 108, True)
        be = _buf(ends, 1, 108, True)
        for i in range(m // 2):
            (<int64_t *> (bs.data + i * bs.s0))[0] = found[2 * i]
            (<int64_t *> (be.data + i * be.s0))[0] = found[2 * i + 1]
        return starts, ends
    finally:
        free(cum)


# ---------------------------------------------------------------------------------------
# Features (session 19)
# ---------------------------------------------------------------------------------------
# features._block_columns: the columns made from the counts alone, in one loop

from libc.math cimport ceil


def block_columns(tuple stats, n_chars_in, blank_before_in, double unspaced, double unspaced_stop, Py_ssize_t rows):
    """features._block_columns, each value made with the reference's operations in their order, or None.

    The reference makes them with some twenty numpy calls (each ~1 us of fixed cost on a
    page's arrays); the counts are read through the buffer protocol, the rows written into one
    array.
    """
    if len(stats) != 8 or rows != 10:
        return None
    cdef _Buf nc = _buf(n_chars_in, 1, 100, False)
    cdef _Buf bb = _buf(blank_before_in, 1, 100, False)
    cdef _Buf words = _buf(stats[0], 1, 108, False)
    cdef _Buf stop = _buf(stats[1], 1, 108, False)
    cdef _Buf punct = _buf(stats[2], 1, 108, False)
    cdef _Buf caps = _buf(stats[3], 1, 108, False)
    cdef _Buf ends = _buf(stats[4], 1, 108, False)
    cdef _Buf sents = _buf(stats[5], 1, 108, False)
    cdef _Buf dates = _buf(stats[6], 1, 108, False)
    cdef _Buf tokens = _buf(stats[7], 1, 108, False)
    cdef Py_ssize_t n = nc.n, i
    if bb.n != n or words.n != n or stop.n != n or punct.n != n or caps.n != n or ends.n != n:
        return None
    if sents.n != n or dates.n != n or tokens.n != n:
        return None
    result = _EMPTY((10, n), _F64)
    cdef _Buf out = _buf(result, 2, 100, True)
    cdef double w, c, sw, d
    cdef double last = <double> (n - 1 if n - 1 > 1 else 1)
    cdef char *o = out.data
    cdef Py_ssize_t s1 = out.s1, s0 = out.s0
    for i in range(n):
        w = <double> _i64(words, i)
        c = (<const double *> (nc.data + i * nc.s0))[0]
        sw = w if w >= 1.0 else 1.0  # numpy.maximum(n_words, 1.0): a count is no NaN
        (<double *> (o + i * s1))[0] = w
        if w > unspaced * <double> _i64(tokens, i):
            (<double *> (o + s0 + i * s1))[0] = unspaced_stop
        else:
            (<double *> (o + s0 + i * s1))[0] = (<double> _i64(stop, i)) / sw
        (<double *> (o + 2 * s0 + i * s1))[0] = <double> _i64(dates, i)
        (<double *> (o + 3 * s0 + i * s1))[0] = <double> _i64(ends, i)
        (<double *> (o + 4 * s0 + i * s1))[0] = <double> _i64(sents, i)
        (<double *> (o + 5 * s0 + i * s1))[0] = (<double> _i64(punct, i)) / _np_max(c, 1.0)
        (<double *> (o + 6 * s0 + i * s1))[0] = (<double> _i64(caps, i)) / sw
        d = c / 80.0
        (<double *> (o + 7 * s0 + i * s1))[0] = w / _np_max(ceil(d), 1.0)
        (<double *> (o + 8 * s0 + i * s1))[0] = (<double> i) / last
        (<double *> (o + 9 * s0 + i * s1))[0] = (
            (<const double *> (bb.data + (i + 1) * bb.s0))[0] if i + 1 < n else 0.0
        )
    return result


# ---------------------------------------------------------------------------------------
# features._may_negate_names: the string tests of _negated_words without the join

cdef inline bint _part_at(const unsigned char *s, Py_ssize_t n, Py_ssize_t j, tuple parts) noexcept:
    """Whether one of parts (lowercase ASCII bytes) starts at s[j], s read lowercase."""
    cdef bytes part
    cdef const unsigned char *p
    cdef Py_ssize_t m, q
    for part in parts:
        p = <const unsigned char *> part
        m = len(part)
        if j + m > n:
            continue
        for q in range(m):
            if _lower(s[j + q]) != p[q]:
                break
        else:
            return True
    return False


cdef inline bint _negates_at(const unsigned char *s, Py_ssize_t n, Py_ssize_t j, tuple parts) noexcept:
    """_MAY_NEGATE's tail from s[j]: an optional "-" or "_", then a layout part."""
    if _part_at(s, n, j, parts):
        return True
    return j < n and (s[j] == 45 or s[j] == 95) and _part_at(s, n, j + 1, parts)


def may_negate_names(list classes, list named, tuple parts, may_negate):
    """features._may_negate_names, an ASCII class string read in place (no join, no lowered copy),
    any other by the reference's tests; None when it cannot answer.

    parts are _LAYOUT_PARTS as the prefixes _MAY_NEGATE's alternatives match (lowercase bytes).
    Neither test can match across the join's newlines, and a string's lowercase is its own
    part of the joined text's, so the tests string by string give the joined text's answers.
    """
    cdef bint has = False, may = False
    cdef Py_ssize_t k, e, i, n, size = len(classes)
    cdef const unsigned char *s
    cdef unsigned char c
    for k in range(len(named)):
        e = named[k]
        if not 0 <= e < size:
            return None
        t = classes[e]
        if not PyUnicode_CheckExact(t):
            return None
        if not PyUnicode_IS_ASCII(t):
            if not has:
                has = "no" in t or "No" in t or "ithout" in t
            if not may:
                may = bool(may_negate(t.lower()))
        else:
            # Every word looked for holds an "o": the scan stops only at an "o" or an "O" (one test a
            # byte, as the string is ASCII) and reads the word around it.
            s = <const unsigned char *> PyUnicode_DATA(t)
            n = PyUnicode_GET_LENGTH(t)
            for i in range(1, n):
                if s[i] | 32 != 111:
                    continue
                c = _lower(s[i - 1])
                if not has and s[i] == 111 and (s[i - 1] == 110 or s[i - 1] == 78):  # "no", "No"
                    has = True
                if not has and 3 <= i and i + 3 <= n and memcmp(s + i - 3, b"ithout", 6) == 0:
                    has = True
                if not may and c == 110:  # "no" lowered, then the layout part
                    may = _negates_at(s, n, i + 1, parts)
                if not may and 4 <= i and i + 3 <= n and _lower(s[i - 4]) == 119 and _lower(s[i - 3]) == 105 and _lower(
                        s[i - 2]) == 116 and c == 104 and _lower(s[i + 1]) == 117 and _lower(s[i + 2]) == 116:
                    may = _negates_at(s, n, i + 3, parts)  # "without" lowered
                if has and may:
                    return True
        if has and may:
            return True
    return False



# ---------------------------------------------------------------------------------------
# features._flag_counts

def flag_counts(flags_in, tuple bits):
    """features._flag_counts: how many blocks carry each of bits (eight at most), in one pass; None
    when it cannot answer."""
    cdef Py_ssize_t nb = len(bits), i, j
    cdef int64_t b[8]
    cdef Py_ssize_t c[8]
    cdef int64_t x
    if nb > 8:
        return None
    for j in range(nb):
        b[j] = bits[j]
        c[j] = 0
    cdef _Buf f = _buf(flags_in, 1, 108, False)
    for i in range(f.n):
        x = _i64(f, i)
        for j in range(nb):
            if x & b[j]:
                c[j] += 1
    return tuple([c[j] for j in range(nb)])

# ---------------------------------------------------------------------------------------
# features._chrome_only

def chrome_only(list tokens, flags_in, words, int64_t neg_bit):
    """features._chrome_only: the blocks whose chrome-word flag is set and whose nearest chrome
    word is one of words, in one pass (the set asked only for the flagged blocks); None where the
    reference gives None, False when it cannot answer."""
    cdef Py_ssize_t n = len(tokens), i
    if words.isdisjoint(tokens):
        return None  # the reference's first test
    cdef _Buf f = _buf(flags_in, 1, 108, False)
    if f.n != n:
        return False
    mask = _EMPTY(n, _BOOL)
    cdef Py_buffer ob
    PyObject_GetBuffer(mask, &ob, PyBUF_SIMPLE | PyBUF_WRITABLE)
    cdef uint8_t *o = <uint8_t *> ob.buf
    try:
        for i in range(n):
            o[i] = 1 if (_i64(f, i) & neg_bit) and tokens[i] in words else 0
    finally:
        PyBuffer_Release(&ob)
    return mask


# ---------------------------------------------------------------------------------------
# Smooth steps (session 18)
# features._box_span

cdef inline double _box_plain(_Buf words, _Buf links, _Buf flags, Py_ssize_t k, int64_t chrome_bits) noexcept:
    """Block k's plain words (0 for a block of half link text or more, or under chrome); -1 for
    a count that is no whole number below 2**50 (the walk could not add it exactly)."""
    cdef double w
    if not (<const double *> (links.data + k * links.s0))[0] < 0.5:
        return 0.0
    if (<const int64_t *> (flags.data + k * flags.s0))[0] & chrome_bits:
        return 0.0
    w = (<const double *> (words.data + k * words.s0))[0]
    if not (0.0 <= w < 1125899906842624.0) or w != <double> (<int64_t> w):
        return -1.0
    return w


cdef inline int _box_descends(_Buf pa, int64_t x, int64_t e, Py_ssize_t n_elem) noexcept:
    """features._descends: 1 when element x is e or below it, 0 when not, -1 for a parent that
    does not come before its child or an element out of range."""
    cdef int64_t p
    if x < 0 or x >= n_elem:
        return -1
    while x > e:
        p = _i64(pa, x)
        if p >= x or p < -1:
            return -1
        x = p
    return 1 if x == e else 0


def box_span(seg, main_in, n_words_in, link_density_in, flags_in, Py_ssize_t name, int64_t chrome_bits, double least):
    """features._box_span: the walk up from block name's element, each block's plain words added
    once as its element is reached (whole numbers below 2**50, so exact in any order: the
    reference's sum of the run at every element). 0 when a plain count is no such number, an
    element's parent does not come before it, or an index is out of range (the caller then
    runs the reference)."""
    cdef _Buf ea = _buf(seg.elem_array(), 1, 108, False)
    cdef _Buf pa = _buf(seg.parent_array(), 1, 108, False)
    cdef _Buf main = _buf(main_in, 1, 100, False)
    cdef _Buf words = _buf(n_words_in, 1, 100, False)
    cdef _Buf links = _buf(link_density_in, 1, 100, False)
    cdef _Buf flags = _buf(flags_in, 1, 108, False)
    cdef Py_ssize_t n = ea.n, n_elem = pa.n, lo, hi, i
    cdef int64_t e, x
    cdef int d
    cdef double total, v
    if main.n != n or words.n != n or links.n != n or flags.n != n or not 0 <= name < n:
        return 0
    for i in range(n):
        if (<const double *> (main.data + i * main.s0))[0] > 0:
            break
    else:
        return None
    if (<const double *> (main.data + name * main.s0))[0] > 0:
        return None
    lo = name
    hi = name + 1
    e = _i64(ea, name)
    if e < 0 or e >= n_elem:
        return 0
    total = _box_plain(words, links, flags, name, chrome_bits)
    if total < 0:
        return 0
    while e >= 0:
        while lo > 0:
            d = _box_descends(pa, _i64(ea, lo - 1), e, n_elem)
            if d < 0:
                return 0
            if d == 0:
                break
            lo -= 1
            if (<const double *> (main.data + lo * main.s0))[0] > 0:
                return None
            v = _box_plain(words, links, flags, lo, chrome_bits)
            if v < 0:
                return 0
            total += v
        while hi < n:
            d = _box_descends(pa, _i64(ea, hi), e, n_elem)
            if d < 0:
                return 0
            if d == 0:
                break
            if (<const double *> (main.data + hi * main.s0))[0] > 0:
                return None
            v = _box_plain(words, links, flags, hi, chrome_bits)
            if v < 0:
                return 0
            total += v
            hi += 1
        if total >= least:
            return lo, hi
        x = _i64(pa, e)
        if x >= e or x < -1:
            return 0
        e = x
    return None


# ---------------------------------------------------------------------------------------
# Smooth steps (session 19)
# parse.segment._byte_places and _bytes_hold: the page's raw bytes searched for a literal instead of
# with bytes.find: 16 places at a time with SSE2, comparing only the places whose first and last
# bytes are the literal's (session 23: 10-25 % less time than the C library's memmem on the speed
# sample's pages, ~4 GB/s), else with memmem; for declares_product, declares_article,
# declares_thread and the shut panels' buttons.

cdef extern from *:
    """
    #include <string.h>
    /* memmem where the C library has it; elsewhere a memchr for the first byte and a memcmp. */
    static const void *bs_memmem_plain(const void *hay, size_t n, const void *needle, size_t m) {
    #if defined(__GLIBC__) || defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__)
        return memmem(hay, n, needle, m);
    #else
        const unsigned char *h = (const unsigned char *)hay, *end;
        const unsigned char *s = (const unsigned char *)needle;
        if (m == 0) return hay;
        if (m > n) return NULL;
        end = h + (n - m) + 1;
        while (h < end) {
            h = (const unsigned char *)memchr(h, s[0], (size_t)(end - h));
            if (h == NULL) return NULL;
            if (memcmp(h, s, m) == 0) return h;
            h++;
        }
        return NULL;
    #endif
    }
    #if defined(__SSE2__) && defined(__GNUC__)
    #include <emmintrin.h>
    /* The first place of needle in hay: 16 places at a time, those whose first and last bytes are
       the needle's are compared whole (glibc's memmem runs its two-way search at ~1.5 GB/s on a
       page; this filter at several times that), the last few places by bs_memmem_plain. */
    static const void *bs_memmem(const void *hay, size_t n, const void *needle, size_t m) {
        const unsigned char *h = (const unsigned char *)hay, *s = (const unsigned char *)needle;
        size_t i = 0;
        if (m < 2 || m > n) return bs_memmem_plain(hay, n, needle, m);
        {
            const __m128i first = _mm_set1_epi8((char)s[0]), last = _mm_set1_epi8((char)s[m - 1]);
            while (i + m + 15 <= n) {
                __m128i a = _mm_loadu_si128((const __m128i *)(h + i));
                __m128i b = _mm_loadu_si128((const __m128i *)(h + i + m - 1));
                unsigned int mask = (unsigned int)_mm_movemask_epi8(
                    _mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last)));
                while (mask) {
                    unsigned int bit = (unsigned int)__builtin_ctz(mask);
                    if (memcmp(h + i + bit + 1, s + 1, m - 2) == 0) return h + i + bit;
                    mask &= mask - 1;
                }
                i += 16;
            }
        }
        return bs_memmem_plain(h + i, n - i, needle, m);
    }
    #else
    #define bs_memmem bs_memmem_plain
    #endif
    """
    const void *bs_memmem(const void *hay, size_t n, const void *needle, size_t m) noexcept nogil


def byte_places(bytes data, bytes literal):
    """segment._byte_places: every place literal stands in data, overlapping ones too, in order."""
    cdef const char *h = data
    cdef const char *s = literal
    cdef Py_ssize_t n = len(data), m = len(literal), at = 0
    cdef const char *p
    out = []
    if m == 0:
        return list(range(n + 1))
    while at + m <= n:
        p = <const char *> bs_memmem(h + at, <size_t> (n - at), s, <size_t> m)
        if p == NULL:
            break
        at = p - h
        out.append(at)
        at += 1
    return out


def bytes_hold(bytes data, bytes literal):
    """segment._bytes_hold: whether literal stands in data (literal in data)."""
    cdef const char *h = data
    cdef const char *s = literal
    if len(literal) == 0:
        return True
    return bs_memmem(h, <size_t> len(data), s, <size_t> len(literal)) != NULL


def may_hold_lines(list texts, idx, tuple stems):
    """smooth._may_hold_lines: _may_hold of the texts of idx joined by newlines, without the join:
    True when a text holds the Kelvin sign or "İ", else whether the texts' ASCII characters,
    lowered, the others left out, hold a stem (an empty stem: True). The stems cannot span two
    texts (no stem holds a newline)."""
    cdef Py_ssize_t k, i, j, n, size = 0, cap = 0
    cdef Py_buffer view
    cdef uint8_t *buf = NULL
    cdef uint8_t *grown
    cdef _Stems st
    cdef object t
    cdef int kind
    cdef void *data
    cdef Py_UCS4 c
    cdef bint found = False
    for t in stems:
        if len(<bytes> t) == 0:
            found = True
    _read_stems(stems, &st)  # the stems' bytes stay alive in the tuple
    _index_buffer(idx, &view)
    try:
        for k in range(view.shape[0]):
            t = _indexed_text(texts, &view, k, &i)
            n = PyUnicode_GET_LENGTH(t)
            if size + n + 1 > cap:
                cap = 2 * (size + n + 1) + 256
                grown = <uint8_t *> realloc(buf, cap)
                if grown == NULL:
                    raise MemoryError()
                buf = grown
            if k:
                buf[size] = 10
                size += 1
            kind = PyUnicode_KIND(t)
            data = PyUnicode_DATA(t)
            for j in range(n):
                c = PyUnicode_READ(kind, data, j)
                if c < 128:
                    buf[size] = _ASCII_LOW[c]
                    size += 1
                elif c == 0x212A or c == 0x130:
                    found = True
        if found:
            return True
        if st.n == 0 and not st.any_single:
            return False
        return bool(_holds_stem(buf, size, &st))
    finally:
        PyBuffer_Release(&view)
        free(buf)


def str_holds(str text, str part):
    """segment._str_holds: part in text; a one-byte str in a one-byte str searched with memmem
    (CPython's search runs ~0.4 ns a character over a page's class text), others by CPython."""
    if PyUnicode_KIND(text) != 1 or PyUnicode_KIND(part) != 1:
        return part in text
    if PyUnicode_GET_LENGTH(part) == 0:
        return True
    return bs_memmem(PyUnicode_DATA(text), <size_t> PyUnicode_GET_LENGTH(text), PyUnicode_DATA(part),
                     <size_t> PyUnicode_GET_LENGTH(part)) != NULL


# ---------------------------------------------------------------------------------------
# Features speed (session 21)
# ---------------------------------------------------------------------------------------

cdef extern from "Python.h":
    bint PyLong_CheckExact(object)
    long long PyLong_AsLongLongAndOverflow(object obj, int *overflow) except? -1


def int64_array(list values):
    """segment._int64_array: a list of ints as an int64 array, read in one C loop (np.asarray
    first finds the type of every item, ~5 us for a page's ~350 elements). None when an item
    is not exactly an int or does not fit in 64 bits: the caller then asks numpy."""
    cdef Py_ssize_t n = len(values), i
    cdef int overflow = 0
    cdef long long v
    cdef object item
    out = _EMPTY(n, _I64)
    if n == 0:
        return out
    cdef _Buf o = _buf(out, 1, 108, True)
    cdef int64_t *d = <int64_t *> o.data
    for i in range(n):
        item = <object> PyList_GET_ITEM(values, i)
        if not PyLong_CheckExact(item):
            return None
        v = PyLong_AsLongLongAndOverflow(item, &overflow)
        if overflow:
            return None
        d[i] = <int64_t> v
    return out


def item_starts(list tokens, flags_in, words, int64_t comment_bit, int64_t neg_bit):
    """features._item_starts in one pass over the tokens and the flags: the first block of each
    run of comment_bit blocks, and each block whose token is in words, differs from the block
    before's and carries neg_bit; (index, bit) in order (neg_bit first where both, as in the
    reference's sort, comment_bit being the higher bit). The set is asked once a run of one token
    object (the walk repeats a block element's token for its blocks), never for "" (no word of
    words is empty: the caller checks). None where the reference gives None, False when it
    cannot answer (a token that is no str, flags of another length or type)."""
    cdef _Buf f = _buf(flags_in, 1, 108, False)
    cdef Py_ssize_t n = len(tokens), i
    cdef int64_t fl
    cdef bint any_comment = False, has_only = False, prev_comment = False, here, t_in = False
    cdef object t, prev = None
    if f.n != n or comment_bit <= neg_bit:
        return False
    out = []
    for i in range(n):
        t = <object> PyList_GET_ITEM(tokens, i)
        if t is not prev:
            if not PyUnicode_CheckExact(t):
                return False
            t_in = PyUnicode_GET_LENGTH(t) > 0 and t in words
            if t_in:
                has_only = True
                if (_i64(f, i) & neg_bit) and (prev is None or not (<str> prev == <str> t)):
                    out.append((i, neg_bit))
            prev = t
        fl = _i64(f, i)
        here = (fl & comment_bit) != 0
        if here:
            any_comment = True
            if not prev_comment:
                out.append((i, comment_bit))
        prev_comment = here
    if n == 0 or (not has_only and not any_comment):
        return None
    return out


# ---------------------------------------------------------------------------------------
# Grid speed (session 21)
# ---------------------------------------------------------------------------------------

cdef inline bint _has_ascii_digit(str s) noexcept:
    cdef Py_ssize_t i, n = PyUnicode_GET_LENGTH(s)
    cdef int kind = PyUnicode_KIND(s)
    cdef void *data = PyUnicode_DATA(s)
    cdef Py_UCS4 c
    for i in range(n):
        c = PyUnicode_READ(kind, data, i)
        if 48 <= c <= 57:
            return True
    return False


cdef str _strip_digits(str s):
    """s without its ASCII digits, as smooth._no_digits makes it (the characters left, in order;
    PyUnicode_FromKindAndData gives the canonical str, equal to the reference's)."""
    cdef Py_ssize_t i, j = 0, n = PyUnicode_GET_LENGTH(s)
    cdef int kind = PyUnicode_KIND(s)
    cdef void *data = PyUnicode_DATA(s)
    cdef Py_UCS4 c
    cdef char *buf = <char *> malloc((n + 1) * kind)
    if buf == NULL:
        raise MemoryError()
    try:
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if 48 <= c <= 57:
                continue
            if kind == 1:
                (<uint8_t *> buf)[j] = <uint8_t> c
            elif kind == 2:
                (<uint16_t *> buf)[j] = <uint16_t> c
            else:
                (<uint32_t *> buf)[j] = <uint32_t> c
            j += 1
        return <str> PyUnicode_FromKindAndData(kind, buf, j)
    finally:
        free(buf)


cdef object _SKIP = object()


cdef object _group_name(list tags, list classes, Py_ssize_t at, object item_tags):
    """The name alike_groups groups the element at `at` by (its class but for ASCII digits):
    _SKIP for an element without a class whose tag is no item tag, None when its tag or class
    is no str (the caller then runs the reference)."""
    cdef object tag = <object> PyList_GET_ITEM(tags, at)
    cdef object cls = <object> PyList_GET_ITEM(classes, at)
    if not PyUnicode_CheckExact(tag) or not PyUnicode_CheckExact(cls):
        return None
    if PyUnicode_GET_LENGTH(cls) == 0 and tag not in item_tags:
        return _SKIP
    return _strip_digits(<str> cls) if _has_ascii_digit(<str> cls) else cls


cdef inline void _add_member(dict groups, object key, Py_ssize_t e) except *:
    """Append e to its group's members, opening the group at its first member."""
    cdef object members = groups.get(key)
    if members is None:
        groups[key] = [e]
    else:
        (<list> members).append(e)


def alike_groups(cand_in, parents_in, list tags, list classes, Py_ssize_t root, item_tags, Py_ssize_t least):
    """smooth._alike_groups in one C loop over the candidates: the groups' keys (parent, tag,
    class but for digits) and members as the reference makes them, in order of first
    appearance, those of least members or more. A class without an ASCII digit is its own
    name; the others lose their ASCII digits in C (_no_digits encodes, translates and decodes,
    ~1 us a class, and a page's items may each carry a numbered class). None when a candidate
    or its parent lies outside the elements, or a tag or class is no str (the caller then
    runs the reference)."""
    cdef _Buf cand = _buf(cand_in, 1, 108, False)
    cdef _Buf par = _buf(parents_in, 1, 108, False)
    cdef Py_ssize_t n = cand.n, i, n_tags = len(tags), n_cls = len(classes)
    cdef int64_t e
    cdef object name
    cdef dict groups = {}
    for i in range(n):
        e = _i64(cand, i)
        if e < 0 or e >= par.n or root < 0 or root + e >= n_tags or root + e >= n_cls:
            return None
        name = _group_name(tags, classes, root + e, item_tags)
        if name is None:
            return None
        if name is _SKIP:
            continue
        _add_member(groups, (_i64(par, e), <object> PyList_GET_ITEM(tags, root + e), name), e)
    if least <= 1:
        return groups
    return {k: v for k, v in groups.items() if len(<list> v) >= least}


def subtree_sums(elems_in, ends_in, tuple columns):
    """smooth._subtree_sums: per element, the sums of the columns over its subtree (elements in
    document order, ends one past each subtree), in numpy's order of additions as in
    container_subtrees (bincount adds each block's value in turn, cumsum row by row), so a column
    summed here equals the same column summed there. None when a block's element lies outside
    the ends (the caller then runs the reference)."""
    cdef _Buf eb = _buf(elems_in, 1, 108, False)
    cdef _Buf nd = _buf(ends_in, 1, 108, False)
    cdef Py_ssize_t m = eb.n, n_elem = nd.n, i, e
    cdef int64_t x
    for i in range(m):
        x = _i64(eb, i)
        if x < 0 or x >= n_elem:
            return None
    for e in range(n_elem):
        x = _i64(nd, e)
        if x < 0 or x > n_elem:
            return None
    return _tree_sums(eb, nd, columns)


# ---------------------------------------------------------------------------------------
# Speed (session 22)
# ---------------------------------------------------------------------------------------
# numpy's constructors and dtypes, looked up once: `np.empty(n, dtype=np.bool_)` in a kernel is
# two module attribute lookups (np.empty, np.bool_; ~250 instructions each) and a dtype made from
# a scalar type on every call; the kernels above make ~60 arrays a page (all_of alone ~30).
_EMPTY = np.empty
_ZEROS = np.zeros
_NDARRAY = np.ndarray
_F64 = np.dtype(np.float64)
_I64 = np.dtype(np.int64)
_I8 = np.dtype(np.int8)
_U8 = np.dtype(np.uint8)


# An exact ndarray's data, shape and strides read from its own fields instead of the buffer
# protocol: numpy makes a format string and caches its buffer info on each array it exports
# (~650 instructions a call, ~150 calls a page, most of them all_of's columns). Only arrays of
# exactly np.ndarray whose dtype is the native float64, int64 or bool singleton take this path;
# any other goes through PyObject_GetBuffer as before. _check_array_fields turns it on at import
# only when the fields give what the buffer protocol gives on probe arrays (contiguous, strided,
# 2-D, a row, a column, reversed, empty) and numpy releases no buffer (the view then holds a
# reference to the array, as the protocol's does).
cdef extern from *:
    """
    typedef struct {
        PyObject_HEAD
        char *data;
        int nd;
        Py_ssize_t *dimensions;
        Py_ssize_t *strides;
        PyObject *base;
        PyObject *descr;
        int flags;
    } bs_array_head;
    static PyTypeObject *bs_ndarray = NULL;
    static PyObject *bs_f64 = NULL, *bs_i64 = NULL, *bs_bool = NULL;
    static int bs_fields_on = 0;
    /* view filled from a's fields (1), or 0 when a is no exact ndarray of kind's dtype
       ('d' float64, 'l' int64, '?' bool) with ndim dimensions, or not writable when asked. */
    static int bs_array_view(PyObject *a, char kind, int ndim, int writable, Py_buffer *view) {
        bs_array_head *h;
        PyObject *want;
        Py_ssize_t i, len;
        if (!bs_fields_on || Py_TYPE(a) != bs_ndarray) return 0;
        h = (bs_array_head *)a;
        want = kind == 'd' ? bs_f64 : kind == 'l' ? bs_i64 : kind == '?' ? bs_bool : NULL;
        if (want == NULL || h->descr != want || h->nd != ndim) return 0;
        if (writable && !(h->flags & 0x0400)) return 0;  /* NPY_ARRAY_WRITEABLE */
        view->buf = h->data;
        Py_INCREF(a);
        view->obj = a;
        view->itemsize = kind == '?' ? 1 : 8;
        len = view->itemsize;
        for (i = 0; i < ndim; i++) len *= h->dimensions[i];
        view->len = len;
        view->readonly = !(h->flags & 0x0400);
        view->ndim = ndim;
        view->format = kind == 'd' ? "d" : kind == 'l' ? "l" : "?";
        view->shape = h->dimensions;
        view->strides = h->strides;
        view->suboffsets = NULL;
        view->internal = NULL;
        return 1;
    }
    static void bs_array_setup(PyObject *tp, PyObject *f64, PyObject *i64, PyObject *b) {
        bs_ndarray = (PyTypeObject *)tp;
        bs_f64 = f64;
        bs_i64 = i64;
        bs_bool = b;
    }
    static int bs_array_releases(PyObject *tp) {
        PyBufferProcs *procs = ((PyTypeObject *)tp)->tp_as_buffer;
        return procs == NULL || procs->bf_releasebuffer != NULL;
    }
    """
    int bs_fields_on
    int bs_array_view(object a, char kind, int ndim, int writable, Py_buffer *view) noexcept
    void bs_array_setup(object tp, object f64, object i64, object b) noexcept
    int bs_array_releases(object tp) noexcept


cdef bint _same_view(Py_buffer *a, Py_buffer *b) noexcept:
    cdef int i
    if a.buf != b.buf or a.ndim != b.ndim or a.len != b.len or a.itemsize != b.itemsize or a.readonly != b.readonly:
        return False
    for i in range(a.ndim):
        # numpy exports a stride of its own for a dimension of one item or none (an empty
        # array's 0 as 8), which no loop reads.
        if a.shape[i] != b.shape[i] or (a.shape[i] > 1 and a.strides[i] != b.strides[i]):
            return False
    return True


def _check_array_fields():
    """Turn bs_array_view on when it reads every probe array as the buffer protocol does."""
    global bs_fields_on
    cdef Py_buffer got, want
    cdef const char *fmt
    cdef bint ok = True
    bs_fields_on = 0
    bs_array_setup(_NDARRAY, _F64, _I64, _BOOL)
    if bs_array_releases(_NDARRAY):
        return False
    grid = np.arange(24.0).reshape(4, 6)
    probes = [(np.arange(5.0), 100), (np.arange(7), 108), (np.arange(6) % 2 == 0, 63), (np.arange(9.0)[::2], 100),
              (grid, 100), (grid[1], 100), (grid[:, 2], 100), (np.arange(5.0)[::-1], 100), (_ZEROS(0, _I64), 108)]
    bs_fields_on = 1
    for a, kind in probes:
        if not bs_array_view(a, kind, a.ndim, 0, &got):
            ok = False
            break
        PyObject_GetBuffer(a, &want, PyBUF_RECORDS_RO)
        fmt = want.format
        if fmt[0] == 64 or fmt[0] == 61:
            fmt += 1
        ok = _same_view(&got, &want) and (fmt[0] == got.format[0] or (kind == 108 and _int64_format(fmt)))
        PyBuffer_Release(&want)
        PyBuffer_Release(&got)
        if not ok:
            break
    bs_fields_on = 1 if ok else 0
    return ok


ARRAY_FIELDS = _check_array_fields()

def link_heading_candidates(body_in, link_density_in, n_words_in, double most_words, double least_links):
    """smooth._link_heading_candidates: the body blocks of most_words words at most followed by two
    blocks out of the body of least_links link density or more, in one pass (numpy took nine
    calls, ~3 us a page)."""
    cdef _Buf body = _buf(body_in, 1, 63, False)
    cdef _Buf links = _buf(link_density_in, 1, 100, False)
    cdef _Buf words = _buf(n_words_in, 1, 100, False)
    cdef Py_ssize_t i, n = body.n
    if links.n != n or words.n != n:
        raise ValueError("arrays of different lengths")
    out = []
    for i in range(n - 2):
        if (
            (<const uint8_t *> (body.data + i * body.s0))[0]
            and (<const double *> (words.data + i * words.s0))[0] <= most_words
            and not (<const uint8_t *> (body.data + (i + 1) * body.s0))[0]
            and (<const double *> (links.data + (i + 1) * links.s0))[0] >= least_links
            and not (<const uint8_t *> (body.data + (i + 2) * body.s0))[0]
            and (<const double *> (links.data + (i + 2) * links.s0))[0] >= least_links
        ):
            out.append(i)
    return out


# ---------------------------------------------------------------------------------------
# Post-steps (session 25, spa)
# ---------------------------------------------------------------------------------------

cdef Py_ssize_t _kind_id(Py_ssize_t e, Py_ssize_t root, list tags, list classes, int64_t *kid, dict ids) except -1:
    """The id of element e's place part (its tag, its class but for ASCII digits), the same id for
    equal pairs (ids maps each pair to its id); kid caches it per element."""
    cdef int64_t got = kid[e]
    cdef object tag, cls
    if got >= 0:
        return got
    tag = <object> PyList_GET_ITEM(tags, root + e)
    cls = <object> PyList_GET_ITEM(classes, root + e)
    got = _id_of(ids, (tag, _strip_digits(<str> cls) if _has_ascii_digit(<str> cls) else cls))
    kid[e] = got
    return got


cdef int64_t _id_of(dict ids, object key) except -1:
    """key's id in ids: the number of keys seen before it, given at its first sight."""
    cdef object found = ids.get(key)
    if found is None:
        found = len(ids)
        ids[key] = found
    return <int64_t> found


def item_slots(list tags, list classes, Py_ssize_t root, elems_in, parents_in, ends_in, words_in, lines_in_,
               body_in, blocks_in, item_tags, Py_ssize_t grid_items, Py_ssize_t slot_kept, double slot_share,
               Py_ssize_t slot_depth):
    """smooth._item_slots in C loops: the body lines over each subtree, the candidate items (as
    _sibling_items), their groups (as _alike_groups, in order of first appearance), the lines
    inside the groups' items and the places read, then the walk up from each line with the
    slots' places kept in C arrays (a slot's items come in document order, so an item seen twice
    in a slot is the one seen last). The lines to join in record order (the reference's order
    differs; the caller only marks them). None when the arrays do not make a tree in document
    order, a tag or class is no str, or a slot's items come out of order (the caller then runs
    the reference)."""
    cdef _Buf eb = _buf(elems_in, 1, 108, False)
    cdef _Buf par = _buf(parents_in, 1, 108, False)
    cdef _Buf nd = _buf(ends_in, 1, 108, False)
    cdef _Buf wb = _buf(words_in, 1, 100, False)
    cdef _Buf lb = _buf(lines_in_, 1, 100, False)
    cdef _Buf bb = _buf(body_in, 1, 63, False)
    cdef _Buf kb = _buf(blocks_in, 1, 108, False)
    cdef Py_ssize_t n = par.n, m = eb.n, i, e, p, j, k, g, d, n_at, n_groups, n_rec, n_slots, cap
    cdef int64_t x, own, s
    cdef double lw
    cdef object tag, cls, name, members
    cdef dict groups, ids, slot_ids
    cdef list out
    cdef tuple chain
    cdef int64_t *mem
    cdef int64_t *prefix
    cdef int64_t *body_lines
    cdef int64_t *cnt
    cdef int64_t *group_of
    cdef int64_t *depth_in
    cdef int64_t *kid
    cdef int64_t *at
    cdef int64_t *owns
    cdef int64_t *rec
    cdef int64_t *last
    cdef uint8_t *flags
    if nd.n != n or wb.n != n or lb.n != n or bb.n != m or kb.n != m or n == 0:
        return None
    if root < 0 or root + n > len(tags) or root + n > len(classes) or slot_depth < 0:
        return None
    for e in range(n):
        x = _i64(par, e)
        if (x != -1) if e == 0 else (x < 0 or x >= e):
            return None
        x = _i64(nd, e)
        if x <= e or x > n:
            return None
    for i in range(m):
        x = _i64(eb, i)
        if x < 0 or x >= n:
            return None
    # One block of memory: prefix (n + 1), body_lines, cnt (2n), group_of, depth_in (n + 1), kid,
    # at and owns (m each); flags per element: 1 holds, 2 open, 4 words.
    mem = <int64_t *> calloc(9 * n + 2 * m + 4, sizeof(int64_t))
    flags = <uint8_t *> calloc(n + m + 1, 1)
    rec = NULL
    last = NULL
    if mem == NULL or flags == NULL:
        free(mem)
        free(flags)
        raise MemoryError()
    prefix = mem
    body_lines = prefix + n + 1
    cnt = body_lines + n
    group_of = cnt + 2 * n
    depth_in = group_of + n
    kid = depth_in + n + 1
    at = kid + n
    owns = at + m
    try:
        # Body lines: each element's own, their running sums, the difference at each subtree's end.
        for i in range(m):
            if (<const uint8_t *> (bb.data + i * bb.s0))[0]:
                prefix[_i64(eb, i) + 1] += 1
        for e in range(n):
            prefix[e + 1] += prefix[e]
        for e in range(n):
            body_lines[e] = prefix[_i64(nd, e)] - prefix[e]
        # held: the body lines below e, not its own (the own counted back from the sums).
        for e in range(n):
            cnt[e] = body_lines[e] - (prefix[e + 1] - prefix[e])
        for e in range(n):
            lw = (<const double *> (lb.data + e * lb.s0))[0]
            flags[e] = ((1 if cnt[e] > 0 else 0) | (2 if lw - <double> body_lines[e] != 0.0 else 0)
                        | (4 if (<const double *> (wb.data + e * wb.s0))[0] > 0.0 else 0))
        # Candidates: elements with words among grid_items such siblings, slot_kept of them holding.
        memset(cnt, 0, 2 * n * sizeof(int64_t))
        for e in range(1, n):
            if flags[e] & 4:
                p = _i64(par, e)
                cnt[2 * p] += 1
                if flags[e] & 1:
                    cnt[2 * p + 1] += 1
        groups = {}
        for e in range(1, n):
            if not flags[e] & 4:
                continue
            p = _i64(par, e)
            if <double> cnt[2 * p] < <double> grid_items or <double> cnt[2 * p + 1] < <double> slot_kept:
                continue
            name = _group_name(tags, classes, root + e, item_tags)
            if name is None:
                return None
            if name is _SKIP:
                continue
            _add_member(groups, (p, <object> PyList_GET_ITEM(tags, root + e), name), e)
        for e in range(n):
            group_of[e] = -1
        n_groups = 0
        for members in groups.values():
            if len(<list> members) < grid_items:
                continue
            k = 0
            j = 0
            for name in <list> members:
                e = <Py_ssize_t> name
                if flags[e] & 1:
                    k += 1
                if flags[e] & 2:
                    j = 1
            if k < slot_kept or not j:
                continue
            for name in <list> members:
                e = <Py_ssize_t> name
                group_of[e] = n_groups
                depth_in[e] += 1
                depth_in[_i64(nd, e)] -= 1
            n_groups += 1
        if n_groups == 0:
            return []
        # The lines inside the items (an element is inside while it stands in one item or more),
        # their own places, and the places where a body line and a line left out end.
        for e in range(1, n + 1):
            depth_in[e] += depth_in[e - 1]
        for e in range(n):
            kid[e] = -1
        ids = {}
        n_at = 0
        for i in range(m):
            e = _i64(eb, i)
            if depth_in[e] > 0:
                tag = <object> PyList_GET_ITEM(tags, root + e)
                cls = <object> PyList_GET_ITEM(classes, root + e)
                if not PyUnicode_CheckExact(tag) or not PyUnicode_CheckExact(cls):
                    return None
                own = _kind_id(e, root, tags, classes, kid, ids)
                at[n_at] = i
                owns[n_at] = own
                # flags past the elements: per place id (< m), 1 a line left out ends there, 2 a body line.
                flags[n + own] |= 2 if (<const uint8_t *> (bb.data + i * bb.s0))[0] else 1
                n_at += 1
        k = 0
        for i in range(n_at):
            if flags[n + owns[i]] == 3:
                k += 1
        if k == 0:
            return []
        # The walk: records (slot, item, line, left out), slot_depth at most a line.
        cap = k * slot_depth + 1
        rec = <int64_t *> malloc(4 * cap * sizeof(int64_t))
        if rec == NULL:
            raise MemoryError()
        slot_ids = {}
        n_rec = 0
        for i in range(n_at):
            own = owns[i]
            if flags[n + own] != 3:
                continue
            e = _i64(eb, at[i])
            chain = (own,)
            for d in range(slot_depth):
                p = _i64(par, e)
                if p <= 0:
                    break
                if d:
                    tag = <object> PyList_GET_ITEM(tags, root + e)
                    cls = <object> PyList_GET_ITEM(classes, root + e)
                    if not PyUnicode_CheckExact(tag) or not PyUnicode_CheckExact(cls):
                        return None
                    chain = chain + (_kind_id(e, root, tags, classes, kid, ids),)
                e = p
                g = group_of[e]
                if g >= 0:
                    s = _id_of(slot_ids, (g, chain))
                    rec[4 * n_rec] = s
                    rec[4 * n_rec + 1] = e
                    rec[4 * n_rec + 2] = at[i]
                    rec[4 * n_rec + 3] = 0 if (<const uint8_t *> (bb.data + at[i] * bb.s0))[0] else 1
                    n_rec += 1
        # Per slot: the last item seen, the places kept, those whose item holds, 1 an item twice.
        n_slots = len(slot_ids)
        last = <int64_t *> calloc(4 * n_slots + 1, sizeof(int64_t))
        if last == NULL:
            raise MemoryError()
        for s in range(n_slots):
            last[4 * s] = -1
        for j in range(n_rec):
            s = rec[4 * j]
            e = rec[4 * j + 1]
            if e < last[4 * s]:
                return None
            if e == last[4 * s]:
                last[4 * s + 3] = 1
            last[4 * s] = e
            if not rec[4 * j + 3]:
                last[4 * s + 1] += 1
            if flags[e] & 1:
                last[4 * s + 2] += 1
        out = []
        for j in range(n_rec):
            s = rec[4 * j]
            if last[4 * s + 3] or last[4 * s + 1] < slot_kept:
                continue
            if <double> last[4 * s + 1] < slot_share * <double> last[4 * s + 2]:
                continue
            out.append(_i64(kb, rec[4 * j + 2]))
        return out
    finally:
        free(mem)
        free(flags)
        free(rec)
        free(last)


def doubled_candidates(body_in, n_words_in, n_chars_in, double least, double below):
    """smooth._doubled_candidates in one pass: the body blocks of least words or more and under
    below, with an odd number of words and an even number of characters (their counts taken as
    integers, as numpy's astype truncates), where numpy took seven calls (~4 us a page, every
    page). None when a character count lies outside 0..2**62 (the caller then runs the
    reference)."""
    cdef _Buf body = _buf(body_in, 1, 63, False)
    cdef _Buf words = _buf(n_words_in, 1, 100, False)
    cdef _Buf chars = _buf(n_chars_in, 1, 100, False)
    cdef Py_ssize_t i, n = body.n
    cdef double w, c
    if words.n != n or chars.n != n:
        raise ValueError("arrays of different lengths")
    out = []
    for i in range(n):
        if not (<const uint8_t *> (body.data + i * body.s0))[0]:
            continue
        w = (<const double *> (words.data + i * words.s0))[0]
        if not (w >= least and w < below):
            continue
        c = (<const double *> (chars.data + i * chars.s0))[0]
        if not (c >= 0.0 and c < 4611686018427387904.0):
            return None
        if ((<int64_t> w) & 1) > ((<int64_t> c) & 1):
            out.append(i)
    return out


def grid_word_sums(n_words_in, body_in, main_in):
    """smooth._grid_word_sums in one pass: the words of the body, and those of the main
    container's blocks left out (main > 0, not body), added in block order (whole numbers: the
    sums are exact in any order, as numpy's dot adds them), where numpy took four calls and a
    float copy of the mask for each dot (~3 us a call, three calls a page)."""
    cdef _Buf words = _buf(n_words_in, 1, 100, False)
    cdef _Buf body = _buf(body_in, 1, 63, False)
    cdef _Buf main = _buf(main_in, 1, 100, False)
    cdef Py_ssize_t i, n = words.n
    cdef double w, kept = 0.0, left = 0.0
    if body.n != n or main.n != n:
        raise ValueError("arrays of different lengths")
    for i in range(n):
        w = (<const double *> (words.data + i * words.s0))[0]
        if (<const uint8_t *> (body.data + i * body.s0))[0]:
            kept += w
        elif (<const double *> (main.data + i * main.s0))[0] > 0.0:
            left += w
    return kept, left


cdef extern from "Python.h":
    bint Py_UNICODE_ISUPPER(Py_UCS4 ch)


def name_bio_candidates(list texts, n_words_in, idx_in, words_in, Py_ssize_t lo, double above, double least,
                        double head_words):
    """smooth._name_bio_candidates in one pass over the body's tail: (k, the body words above k)
    for each body block idx[k] from lo on with above words above it, least words or more, an
    uppercase first character and a block right before it (the first block: itself) of
    head_words words at most. The words above are added in order (word counts are whole
    numbers: exact, as numpy's sums). None when an index lies outside the texts or the words, or
    a text is no str (the caller then runs the reference)."""
    cdef _Buf nw = _buf(n_words_in, 1, 100, False)
    cdef _Buf ib = _buf(idx_in, 1, 108, False)
    cdef _Buf wb = _buf(words_in, 1, 100, False)
    cdef Py_ssize_t n = ib.n, n_texts = len(texts), k
    cdef int64_t j
    cdef double acc = 0.0, w
    cdef object t
    if wb.n != n or lo < 0:
        return None
    for k in range(n):
        j = _i64(ib, k)
        if j < 0 or j >= n_texts or j >= nw.n:
            return None
    for k in range(min(lo, n)):
        acc += (<const double *> (wb.data + k * wb.s0))[0]
    out = []
    for k in range(lo, n):
        w = (<const double *> (wb.data + k * wb.s0))[0]
        if acc >= above and w >= least:
            j = _i64(ib, k)
            t = <object> PyList_GET_ITEM(texts, j)
            if not PyUnicode_CheckExact(t):
                return None
            if (PyUnicode_GET_LENGTH(t) and Py_UNICODE_ISUPPER(PyUnicode_READ(PyUnicode_KIND(t), PyUnicode_DATA(t), 0))
                    and (<const double *> (nw.data + (j - 1 if j else 0) * nw.s0))[0] <= head_words):
                out.append((k, acc))
        acc += w
    return out


# ---------------------------------------------------------------------------------------
# Smooth steps (session 25, spd)

def short_holding(list texts, body_in, words_in, double least, double most, tuple stems):
    """smooth._short_holding: the body blocks of least to most words whose lowered text holds a
    stem (texts_holding's test), in one pass over the mask, the counts and those texts, where
    numpy's mask, its indexes and a prefilter over the texts took four calls. None when the
    texts are fewer than the blocks or one read is no str (the caller then runs the reference)."""
    cdef _Buf bb = _buf(body_in, 1, 63, False)
    cdef _Buf wb = _buf(words_in, 1, 100, False)
    cdef Py_ssize_t n = bb.n, i, cap = 0
    cdef uint8_t *buf = NULL
    cdef _Stems st
    cdef double w
    cdef object t
    if wb.n != n:
        raise ValueError("a column of another length")
    if PyList_GET_SIZE(texts) < n:
        return None
    _read_stems(stems, &st)  # stems' bytes stay alive in the tuple
    out = []
    if st.n == 0 and not st.any_single:
        return out
    try:
        for i in range(n):
            if not (<const uint8_t *> (bb.data + i * bb.s0))[0]:
                continue
            w = (<const double *> (wb.data + i * wb.s0))[0]
            if not (w >= least and w <= most):
                continue
            t = <object> PyList_GET_ITEM(texts, i)
            if not PyUnicode_CheckExact(t):
                return None
            if _text_holds(t, &st, &buf, &cap):
                out.append(i)
    finally:
        free(buf)
    return out


def story_candidates(list texts, body_in, words_in, links_in, heading_in, chars_in,
                     double pointer_words, double least_links, double head_words, double head_chars,
                     Py_ssize_t mark_head):
    """smooth._story_candidates: drop_story_pointers' blocks to read, in one pass over the five
    columns where _all_of's two masks, their indexes and a slice of each pointer's head took
    eight numpy and Python calls: the body blocks of pointer_words words at most with a link
    share of least_links or more (under 1) and a mark (":", "\u00bb", "\u203a") in their first
    mark_head characters, and the body headings of head_words words and head_chars characters at
    most. None when the texts are fewer than the blocks or one read is no str (the caller then
    runs the reference)."""
    cdef _Buf bb = _buf(body_in, 1, 63, False)
    cdef _Buf wb = _buf(words_in, 1, 100, False)
    cdef _Buf lb = _buf(links_in, 1, 100, False)
    cdef _Buf hb = _buf(heading_in, 1, 100, False)
    cdef _Buf cb = _buf(chars_in, 1, 100, False)
    cdef Py_ssize_t n = bb.n, i, j, m
    cdef double w, l
    cdef Py_UCS4 c
    cdef int kind
    cdef void *data
    cdef object t
    if wb.n != n or lb.n != n or hb.n != n or cb.n != n:
        raise ValueError("a column of another length")
    if PyList_GET_SIZE(texts) < n:
        return None
    pointers = []
    heads = []
    for i in range(n):
        if not (<const uint8_t *> (bb.data + i * bb.s0))[0]:
            continue
        w = (<const double *> (wb.data + i * wb.s0))[0]
        if (<const double *> (hb.data + i * hb.s0))[0] > 0.0 and w <= head_words and (<const double *> (cb.data + i * cb.s0))[0] <= head_chars:
            heads.append(i)
        l = (<const double *> (lb.data + i * lb.s0))[0]
        if not (w <= pointer_words and l >= least_links and l < 1.0):
            continue
        t = <object> PyList_GET_ITEM(texts, i)
        if not PyUnicode_CheckExact(t):
            return None
        m = min(PyUnicode_GET_LENGTH(t), mark_head) if mark_head > 0 else 0
        kind = PyUnicode_KIND(t)
        data = PyUnicode_DATA(t)
        for j in range(m):
            c = PyUnicode_READ(kind, data, j)
            if c == 0x3A or c == 0xBB or c == 0x203A:
                pointers.append(i)
                break
    return pointers, heads
