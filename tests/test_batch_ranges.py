"""Workers that read their own byte ranges: the same lines as one reader, in order, whatever the cuts."""

from __future__ import annotations

import gzip
import itertools
import json
import logging
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip import Options
from boilerstrip.batch import read_records
from boilerstrip.batch.cli import main as batch_main
from boilerstrip.batch.pool import StopFlag, run_serial
from boilerstrip.batch.ranges import Outcome, ReaderSettings, _start_method, run_spans, span_bytes
from boilerstrip.batch.readers import Span, plan_spans
from boilerstrip.batch.records import json_line
from boilerstrip.batch.warcgen import gzip_member, http_response, warc_record

from .test_batch import echo

pytest.importorskip("fastwarc", reason="the WARC readers need FastWARC: pip install 'boilerstrip[warc]'")


def _page(i: int, paragraphs: int = 6) -> bytes:
    return (
        b"<html><head><title>Page %d</title></head><body><nav><a href='/'>Home</a></nav><article>" % i
        + b"".join(b"<p>Paragraph %d of story %d, with words enough to be read as prose here.</p>" % (j, i)
                   for j in range(paragraphs))
        + b"</article><footer>Contact</footer></body></html>"
    )


def _record(rid: str, body: bytes, **kw: object) -> bytes:
    return warc_record(http_response(body, **kw), url=f"http://example.org/{rid}", record_id=rid)  # type: ignore[arg-type]


def _broken(member: bytes) -> bytes:
    damaged = bytearray(member)
    damaged[len(damaged) // 2:len(damaged) // 2 + 64] = bytes(64)
    return bytes(damaged)


def _bomb(rid: str, mib: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = packer.compress(warc_record(http_response(b"<p>tiny</p>"), record_id=rid))
    return head + b"".join(packer.compress(bytes(1 << 20)) for _ in range(mib)) + packer.flush()


def _nasty_members() -> list[bytes]:
    """Pages with everything a reader must step over between them, one gzip member each."""
    members = [gzip_member(_record(f"p{i}", _page(i))) for i in range(12)]
    members.insert(2, gzip_member(_record("big", _page(99, paragraphs=2000))))  # spans many small ranges
    members.insert(4, _broken(gzip_member(_record("broken", _page(98, paragraphs=40)))))
    members.insert(6, gzip_member(_record("png", b"\x89PNG" + bytes(range(256)), content_type="image/png")))
    members.insert(7, gzip_member(_record("empty", b"")))
    members.insert(9, _bomb("bomb", 4))  # a small page, then 4 MiB of zeros in the same member
    members.insert(11, gzip_member(_record("cut", _page(97)))[:40])  # a member cut to its first bytes
    members.append(gzip_member(_record("last", _page(96))))
    return members


def _serial(paths: list[Path], **reader: object) -> list[tuple[object, ...]]:
    """What one reader and one extraction loop give: (status, reason, output line, errors line) per record."""
    out = []
    for path in paths:
        for r in run_serial(read_records(path, **reader), Options(), timeout=None):  # type: ignore[arg-type]
            line = json_line(r.to_dict()) if r.ok else None
            err = json_line(r.to_error_dict()) if r.status == "failed" else None
            out.append((r.status, r.reason, line, err))
    return out


def _ranged(paths: list[Path], size: int, jobs: int = 2, taper: int = 0, **reader: object) -> list[tuple[object, ...]]:
    spans = [span for path in paths for span in plan_spans(str(path), size, taper=taper)]
    got = run_spans(spans, Options(), ReaderSettings(**reader), jobs=jobs, timeout=None)  # type: ignore[arg-type]
    return [(status, reason, line, err) for status, reason, _, _, line, err in got]


# ----------------------------------------------------------------------------- ranges give one reader's lines


@pytest.mark.parametrize("size", [97, 1000, 8192, 1 << 20])
def test_gzip_warc_ranges_match_one_reader(tmp_path: Path, size: int) -> None:
    """Cuts inside members, a page spanning many ranges, ranges with no member start, broken members."""
    path = tmp_path / "nasty.warc.gz"
    path.write_bytes(b"".join(_nasty_members()))
    reader = {"max_bytes": 1 << 20}
    expected = _serial([path], **reader)
    assert {(s, r) for s, r, _, _ in expected} >= {("ok", None), ("failed", "read_error"), ("failed", "too_large"),
                                                  ("skipped", "not_html"), ("skipped", "empty")}
    spans = list(plan_spans(str(path), size))
    assert len(spans) == -(-path.stat().st_size // size)
    assert _ranged([path], size, **reader) == expected


@pytest.mark.parametrize("kind", ["warc.gz", "warc", "jsonl"])
def test_the_last_ranges_are_cut_finer(tmp_path: Path, kind: str) -> None:
    """With taper=2 the last 2 x 2 ranges' worth of bytes comes in quarter ranges (64 KiB at least)."""
    # Stored gzip members (level 0), a plain WARC or JSONL lines: about 1.3 MB for 80 pages.
    path = tmp_path / f"pages.{kind}"
    html_field = None
    if kind == "jsonl":
        lines = [json.dumps({"html": _page(i, paragraphs=200).decode()}) if i % 13 != 5 else "{not json"
                 for i in range(80)]
        path.write_text("\n".join(lines) + "\n")
        html_field = "html"
    else:
        records = [_record(f"p{i}", _page(i, paragraphs=200)) for i in range(80)]
        path.write_bytes(b"".join(gzip_member(r, level=0) if kind == "warc.gz" else r for r in records))
    size = 256 << 10
    plain, tapered = list(plan_spans(str(path), size)), list(plan_spans(str(path), size, taper=2))
    for spans in (plain, tapered):
        assert spans[0].start == 0 and spans[-1].end is None
        assert all(a.end == b.start for a, b in itertools.pairwise(spans))
    total = path.stat().st_size
    assert [s.end - s.start for s in plain[:-1] if s.end is not None] == [size] * (len(plain) - 1)
    # Whole ranges until the last 4 ranges' worth, then 64 KiB ones.
    widths = [s.end - s.start for s in tapered[:-1] if s.end is not None]
    whole = (total - 4 * size + size - 1) // size
    assert widths == [size] * whole + [64 << 10] * (len(widths) - whole)
    assert total - tapered[-1].start <= 64 << 10
    expected = _serial([path], html_field=html_field)
    assert _ranged([path], size, taper=2, html_field=html_field) == expected
    if kind == "jsonl":  # the line numbers in the sources survive the smaller ranges
        assert [json.loads(err)["source"] for *_, err in expected if isinstance(err, bytes)] == [
            f"pages.{kind}:{i + 1}" for i in range(80) if i % 13 == 5]


@pytest.mark.parametrize("size", [50, 700, 4096])
def test_plain_warc_ranges_match_one_reader(tmp_path: Path, size: int) -> None:
    records = [_record(f"p{i}", _page(i)) for i in range(10)]
    records.insert(3, _record("big", _page(99, paragraphs=300)))
    # A page that quotes a WARC header at a line start: a false start that the range check undoes.
    records.insert(5, _record("quote", b"<html><body><pre>\nWARC/1.1\r\nWARC-Type: response\r\n</pre>"
                                       + _page(5)[6:]))
    records.insert(7, _record("pdf", b"%PDF-1.4", content_type="application/pdf"))
    path = tmp_path / "plain.warc"
    path.write_bytes(b"".join(records))
    expected = _serial([path])
    assert len(expected) == len(records)
    assert _ranged([path], size) == expected


def test_a_gzip_header_inside_a_member_is_no_record_start(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A stored (uncompressed) member that carries a whole gzip WARC member in its payload.

    A range that starts inside it finds that inner member first; the range before
    says where the next record really starts, so the range is read again from there.
    """
    inner = gzip_member(_record("inner", _page(50)))
    carrier = gzip_member(_record("carrier", b"\x00binary " + inner * 3, content_type="application/octet-stream"),
                          level=0)
    members = [gzip_member(_record(f"p{i}", _page(i))) for i in range(6)]
    members.insert(3, carrier)
    path = tmp_path / "carrier.warc.gz"
    path.write_bytes(b"".join(members))
    expected = _serial([path])
    assert [r for r in expected if r[0] == "ok"] and len(expected) == 7
    for size in (300, 500, 2000):
        assert _ranged([path], size) == expected
    # A range that starts just before the last inner copy finds it, while the record after the
    # carrier starts in the same range: it must be read again from there.
    data = path.read_bytes()
    cut = data.rfind(inner, 0, sum(map(len, members[:4]))) - 5
    spans = [Span(str(path), "warc.gz", 0, cut), Span(str(path), "warc.gz", cut, None, exact=False)]
    caplog.set_level(logging.DEBUG, logger="boilerstrip.batch.ranges")
    got = run_spans(spans, Options(), ReaderSettings(), jobs=2, timeout=None)
    assert [(status, reason, line, err) for status, reason, _, _, line, err in got] == expected
    assert "reading it again" in caplog.text


@pytest.mark.parametrize("size", [64, 300, 5000])
def test_jsonl_ranges_match_one_reader(tmp_path: Path, size: int) -> None:
    lines = []
    for i in range(40):
        if i % 7 == 3:
            lines.append("")
        elif i % 11 == 5:
            lines.append("{not json")
        elif i == 20:
            lines.append(json.dumps({"html": "<p>" + "long " * 400 + "</p>"}))  # spans several ranges
        else:
            lines.append(json.dumps({"html": _page(i).decode(), "url": f"http://x/{i}"}))
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(lines))  # no newline after the last line
    reader = {"html_field": "html", "url_field": "url", "max_bytes": 1000}
    expected = _serial([path], **reader)
    sources = [json.loads(err)["source"] for _, _, _, err in expected if err]
    assert sources == ["pages.jsonl:6", "pages.jsonl:17", "pages.jsonl:28"]  # lines counted across ranges
    assert _ranged([path], size, **reader) == expected
    gz = tmp_path / "pages.jsonl.gz"
    gz.write_bytes(gzip.compress(path.read_bytes()))
    assert [Span(str(gz), "jsonl.gz")] == list(plan_spans(str(gz), 64))  # read whole
    assert [x[:3] for x in _ranged([gz], 64, **reader)] == [x[:3] for x in _serial([gz], **reader)]


def test_many_files_keep_their_order(tmp_path: Path) -> None:
    paths = []
    for n in range(9):
        path = tmp_path / f"part-{n}.warc.gz" if n % 3 else tmp_path / f"part-{n}.warc"
        records = [_record(f"f{n}r{i}", _page(10 * n + i)) for i in range(n % 4 + 1)]
        path.write_bytes(b"".join(gzip_member(r) for r in records) if n % 3 else b"".join(records))
        paths.append(path)
    expected = _serial(paths)
    assert len(expected) == sum(n % 4 + 1 for n in range(9))
    assert _ranged(paths, span_bytes(sum(p.stat().st_size for p in paths), 2)) == expected
    assert _ranged(paths, 300, jobs=3) == expected


def test_whole_file_gzip_is_one_range(tmp_path: Path) -> None:
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(b"".join(_record(f"p{i}", _page(i)) for i in range(30))))
    assert list(plan_spans(str(path), 100)) == [Span(str(path), "warc.gz")]
    assert _ranged([path], 100) == _serial([path])


def test_cli_jobs_give_the_same_bytes(tmp_path: Path) -> None:
    """``--jobs 2`` (ranges) writes the bytes ``--jobs 0`` (one process, one reader) writes."""
    gz, plain = tmp_path / "a.warc.gz", tmp_path / "b.warc"
    gz.write_bytes(b"".join(_nasty_members()))
    plain.write_bytes(b"".join(_record(f"b{i}", _page(i)) for i in range(5)))
    outputs = []
    for jobs in ("0", "2"):
        out, errors, summary = (tmp_path / f"{name}-{jobs}.jsonl" for name in ("out", "errors", "summary"))
        assert batch_main([str(gz), str(plain), "-o", str(out), "--errors", str(errors), "--summary", str(summary),
                           "--jobs", jobs, "--max-bytes", str(1 << 20), "-q"]) == 0
        report = json.loads(summary.read_text())
        assert report["read"] == report["written"] + report["skipped"] + report["failed"]
        assert report["input_bytes"] == gz.stat().st_size + plain.stat().st_size
        outputs.append((out.read_bytes(), errors.read_bytes(),
                        {k: report[k] for k in ("read", "written", "skipped_by_reason", "failed_by_reason",
                                                "payload_bytes")}))
    assert outputs[0] == outputs[1]
    texts = [json.loads(line)["text"] for line in outputs[1][0].splitlines()]
    assert texts[0] == boilerstrip.extract(_page(0), content_type="text/html; charset=utf-8")


# ----------------------------------------------------------------------------- time limits, crashes, stop


def _jsonl(path: Path, ids: list[str]) -> None:
    path.write_text("".join(json.dumps({"id": i, "html": f"<p>{i}</p>"}) + "\n" for i in ids))


def _run(path: Path, size: int, timeout: float | None, stop: StopFlag | None = None) -> list[Outcome]:
    spans = list(plan_spans(str(path), size))
    return list(run_spans(spans, Options(), ReaderSettings(html_field="html", id_field="id"), jobs=2,
                          timeout=timeout, stop=stop, work=echo))


def test_a_killed_page_is_reported_and_the_rest_of_its_range_goes_on(tmp_path: Path) -> None:
    ids = ["a", "b", "stuck", "c", "d", "exit", "e", "hang", "f", "g", "oom", "h", "i", "j", "k", "l"]
    path = tmp_path / "bad.jsonl"
    _jsonl(path, ids)
    started = time.monotonic()
    got = _run(path, 200, timeout=0.5)  # ~5 records per range
    assert time.monotonic() - started < 30
    rows = [(json.loads(line or err or b"{}").get("id"), status, reason) for status, reason, _, _, line, err in got]
    assert [r[0] for r in rows] == ids
    outcome = {rid: (status, reason) for rid, status, reason in rows}
    assert outcome.pop("stuck") == ("failed", "timeout")  # killed after the grace period
    assert outcome.pop("hang") == ("failed", "timeout")  # stopped by SIGALRM
    assert outcome.pop("exit") == outcome.pop("oom") == ("failed", "worker_died")
    assert set(outcome.values()) == {("ok", None)}
    errors = {json.loads(err)["id"]: json.loads(err) for *_, err in got if err}
    assert errors["stuck"]["source"] == "bad.jsonl:3" and "killed" in errors["stuck"]["message"]


@pytest.mark.parametrize("level", [1, 2])
def test_stop_leaves_a_prefix(tmp_path: Path, level: int) -> None:
    ids = [f"sleep{i}" for i in range(40)]
    path = tmp_path / "slow.jsonl"
    _jsonl(path, ids)
    stop = StopFlag()
    spans = list(plan_spans(str(path), 100))
    results = run_spans(spans, Options(), ReaderSettings(html_field="html", id_field="id"), jobs=2, timeout=5,
                        stop=stop, work=echo)
    got = [next(results)]
    stop.level = level
    got += list(results)
    rows = [(json.loads(line or err or b"{}")["id"], reason) for _, reason, _, _, line, err in got]
    assert 1 <= len(rows) < len(ids)
    assert [rid for rid, _ in rows] == ids[:len(rows)]
    if level == 1:
        assert {reason for _, reason in rows} == {None}
    else:
        assert all(reason is None for _, reason in rows[:-1])


def test_ranges_are_planned_lazily(tmp_path: Path) -> None:
    """Memory stays flat: no more than ``window`` ranges are between planning and writing."""
    paths = []
    for n in range(40):
        path = tmp_path / f"one-{n}.jsonl"
        _jsonl(path, [f"r{n}"])
        paths.append(path)
    pulled = 0

    def spans() -> object:
        nonlocal pulled
        for path in paths:
            pulled += 1
            yield from plan_spans(str(path), 1 << 20)

    got = run_spans(spans(), Options(), ReaderSettings(html_field="html", id_field="id"), jobs=2,  # type: ignore[arg-type]
                    timeout=5, window=6, work=echo)
    for n, (status, _, _, _, line, _) in enumerate(got, 1):
        assert status == "ok" and line is not None and json.loads(line)["id"] == f"r{n - 1}"
        assert pulled - n <= 6
    assert pulled == 40


def test_a_file_gone_before_its_range_is_a_read_error(tmp_path: Path) -> None:
    """A reader failure ends its range with a ``read_error``; the ranges after it still run."""
    good = tmp_path / "good.jsonl"
    _jsonl(good, ["a", "b"])
    spans = [*plan_spans(str(good), 1 << 20), Span(str(tmp_path / "gone.jsonl"), "jsonl"),
             *plan_spans(str(good), 1 << 20)]
    got = list(run_spans(spans, Options(), ReaderSettings(html_field="html", id_field="id"), jobs=2, timeout=5,
                         work=echo))
    assert [(status, reason) for status, reason, *_ in got] == [("ok", None)] * 2 + [("failed", "read_error")] + [
        ("ok", None)] * 2
    assert "FileNotFoundError" in json.loads(got[2][5] or b"{}")["message"]


def test_workers_are_forked_from_a_single_threaded_process_only() -> None:
    """A fork copies other threads' locks in whatever state they are: with a thread, the fork server."""
    if threading.active_count() == 1:
        assert _start_method()[1] == sys.platform.startswith("linux")
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        ctx, forked = _start_method()
        assert not forked and ctx.get_start_method() in ("forkserver", "spawn")
    finally:
        release.set()
        other.join()
