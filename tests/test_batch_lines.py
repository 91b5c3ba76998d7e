"""The range workers' per-page shortcuts give what the plain code gives: the same line, the same time limit."""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boilerstrip import Options
from boilerstrip.batch.records import BlockInfo, Record, Result, json_line, output_line
from boilerstrip.batch.work import TimeLimit, process_record
from boilerstrip.document import Reason

# Everything JSON escapes, and the characters around the edges of what it escapes.
_TRICKY = st.sampled_from(['"', "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", " ", "\x7f", "/", "é", "€",
                           "😀", "\u2028", "\ud800", "\udfff"])
# Any code point, lone surrogates included (json then escapes the whole line as ASCII).
_TEXT = st.text(st.one_of(_TRICKY, st.characters(exclude_categories=())), max_size=40)
_COUNT = st.integers(min_value=0, max_value=10**12)


@given(rid=_TEXT, url=st.none() | _TEXT, text=_TEXT, title=st.none() | _TEXT, language=st.none() | _TEXT,
       counts=st.tuples(_COUNT, _COUNT, _COUNT, _COUNT))
def test_output_line_is_json_line(rid: str, url: str | None, text: str, title: str | None, language: str | None,
                                  counts: tuple[int, int, int, int]) -> None:
    result = Result(rid, url, "ok", text=text, title=title, language=language, blocks_kept=counts[0],
                    blocks_total=counts[1], chars_kept=counts[2], chars_total=counts[3])
    assert output_line(result) == json_line(result.to_dict())


@pytest.mark.parametrize("result", [
    Result("a", None, "ok", text="one\ttab"),  # a control json writes as \t
    Result("a", None, "ok", text="bell\x07"),  # ... or as \u0007
    Result("a", "http://x/\ud83d", "ok", text="lone surrogate in the URL"),
    Result("a", None, "ok", text="x", blocks_kept=True),  # json says true, not 1
    Result("a", None, "ok", text="x", blocks=(BlockInfo("x", "p", "body", 1.5, (Reason("prose", 1.0, 0.5),)),)),
])
def test_output_line_falls_back_to_json(result: Result) -> None:
    assert output_line(result) == json_line(result.to_dict())


def test_output_line_on_real_pages(article_html: bytes) -> None:
    result = process_record(Record("<urn:uuid:1>", article_html, "https://example.org/a?q=\"x\""), Options())
    assert result.ok and result.text
    line = output_line(result)
    assert line == json_line(result.to_dict())
    assert json.loads(line)["text"] == result.text


def _sleeper(record: Record, options: Options) -> Result:
    time.sleep(float(record.id))
    return Result(record.id, None, "ok", text="done")


@pytest.fixture
def alarm_handler() -> Iterator[None]:
    previous = signal.getsignal(signal.SIGALRM)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


def test_time_limit_stops_a_slow_page_and_keeps_its_handler(alarm_handler: None) -> None:
    limited = TimeLimit(0.2)
    handler = signal.getsignal(signal.SIGALRM)
    slow = limited(_sleeper, Record("5", b"x", source="f.jsonl:1"), Options())
    assert (slow.status, slow.reason, slow.source) == ("failed", "timeout", "f.jsonl:1")
    assert limited(_sleeper, Record("0", b"x"), Options()).status == "ok"
    assert signal.getsignal(signal.SIGALRM) == handler  # set once, for every page
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no timer left running between pages
    # An alarm between pages is not a page's: nothing is raised.
    signal.setitimer(signal.ITIMER_REAL, 0.01)
    time.sleep(0.1)
    assert limited(_sleeper, Record("0", b"x"), Options()).status == "ok"


def test_no_time_limit_sets_no_handler(alarm_handler: None) -> None:
    before = signal.getsignal(signal.SIGALRM)
    limited = TimeLimit(None)
    assert limited(_sleeper, Record("0.3", b"x"), Options()).status == "ok"
    assert signal.getsignal(signal.SIGALRM) == before
