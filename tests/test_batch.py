"""Crawl-pipeline layer: readers, reason codes, the worker pool and the count rule."""

from __future__ import annotations

import gzip
import json
import os
import signal
import time
import zlib
from collections import Counter
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip import Options
from boilerstrip.batch import (
    FAIL_REASONS,
    SKIP_REASONS,
    Record,
    Result,
    Summary,
    extract_records,
    process_record,
    read_records,
)
from boilerstrip.batch.cli import main as batch_main
from boilerstrip.batch.pool import StopFlag, run_pool
from boilerstrip.batch.warcgen import gzip_member, http_response, warc_record

pytest.importorskip("fastwarc", reason="the WARC readers need FastWARC: pip install 'boilerstrip[warc]'")

ARTICLE = (
    b"<html><head><title>A story</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
    b"<article><h1>A story</h1>"
    + b"".join(b"<p>This is sentence %d of a real article, and it goes on for a while.</p>" % i for i in range(12))
    + b"</article><footer>Copyright 2024 Example Inc.</footer></body></html>"
)


def _data_dir() -> Path | None:
    root = Path(os.environ.get("BOILERSTRIP_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")
    return root if root.is_dir() else None


def _dataset_pages(n: int) -> list[tuple[str, bytes]]:
    """Up to n real pages, taken evenly from every dataset, or [] without the data."""
    root = _data_dir()
    if root is None:
        return []
    sets = sorted(p for p in root.iterdir() if (p / "pages").is_dir())
    per = max(1, n // max(1, len(sets)))
    pages: list[tuple[str, bytes]] = []
    for ds in sets:
        for path in sorted((ds / "pages").glob("*.html.gz"))[:per]:
            pages.append((f"{ds.name}/{path.name[:-8]}", gzip.decompress(path.read_bytes())))
    return pages[:n]


def _html(rid: str, body: bytes, **kw: object) -> bytes:
    return gzip_member(warc_record(http_response(body, **kw), url=f"http://example.org/{rid}", record_id=rid))  # type: ignore[arg-type]


def _items(path: Path, **kw: object) -> list[Record | Result]:
    return list(read_records(path, **kw))  # type: ignore[arg-type]


def _by_id(items: list[Record | Result]) -> dict[str, Record | Result]:
    return {item.id.strip("<>").removeprefix("urn:uuid:"): item for item in items}


# ----------------------------------------------------------------------------- readers


def test_warc_records_are_classified_with_reason_codes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc.gz"
    members = [
        _html("page", ARTICLE, content_type="text/html; charset=iso-8859-1"),
        _html("png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), content_type="image/png"),
        _html("missing", ARTICLE, status=404),
        _html("redirect", b"", status=301),
        _html("empty", b""),
        _html("blank", b" \r\n\t "),
        _html("xhtml", ARTICLE, content_type="application/xhtml+xml"),
        _html("untyped", ARTICLE, content_type=None),
        _html("untyped-binary", b"\x00\x01\x02garbage", content_type=None),
        gzip_member(warc_record(b"GET / HTTP/1.1\r\n\r\n", warc_type="request", record_id="request",
                                content_type="application/http; msgtype=request")),
        gzip_member(warc_record(b"software: test\r\n", warc_type="warcinfo", record_id="info",
                                content_type="application/warc-fields")),
        gzip_member(warc_record(b"Line one\nLine two\n", warc_type="conversion", record_id="wet")),
        gzip_member(warc_record(ARTICLE, warc_type="resource", record_id="resource", content_type="text/html")),
    ]
    path.write_bytes(b"".join(members))
    items = _by_id(_items(path))
    assert len(items) == len(members)
    page = items["page"]
    assert isinstance(page, Record)
    assert page.data == ARTICLE and page.input_type == "html" and page.url == "http://example.org/page"
    assert page.content_type == "text/html; charset=iso-8859-1"  # the HTTP charset reaches decoding
    expect = {
        "png": "not_html", "missing": "http_status", "redirect": "http_status", "empty": "empty",
        "blank": "empty", "untyped-binary": "not_html", "request": "not_response", "info": "not_response",
    }
    for rid, reason in expect.items():
        item = items[rid]
        assert isinstance(item, Result) and item.status == "skipped" and item.reason == reason, rid
        assert item.reason in SKIP_REASONS
    for rid in ("xhtml", "untyped", "resource"):
        assert isinstance(items[rid], Record), rid
    wet = items["wet"]
    assert isinstance(wet, Record) and wet.input_type == "text" and wet.data == b"Line one\nLine two\n"
    assert wet.content_type is not None and "utf-8" in wet.content_type


def test_plain_and_gzip_warc_read_the_same(tmp_path: Path) -> None:
    records = [warc_record(http_response(ARTICLE), record_id=f"r{i}", url=f"http://x/{i}") for i in range(5)]
    (tmp_path / "a.warc").write_bytes(b"".join(records))
    (tmp_path / "a.warc.gz").write_bytes(b"".join(gzip_member(r) for r in records))
    (tmp_path / "whole.warc.gz").write_bytes(gzip.compress(b"".join(records)))  # one member for the whole file
    ids = [[item.id for item in _items(tmp_path / name)] for name in ("a.warc", "a.warc.gz", "whole.warc.gz")]
    assert ids[0] == ids[1] == ids[2] == [f"<urn:uuid:r{i}>" for i in range(5)]
    with open(tmp_path / "a.warc.gz", "rb") as fh:  # a file object works as well as a path
        assert [item.id for item in read_records(fh)] == ids[0]


def test_http_charset_and_content_encoding(tmp_path: Path) -> None:
    body = "<html><body><article><p>Café crème, déjà vu, naïve façade.</p></article></body></html>"
    members = [
        _html("latin1", body.encode("latin-1"), content_type="text/html; charset=ISO-8859-1"),
        _html("gzipped", gzip.compress(body.encode("utf-8")), headers=[("Content-Encoding", "gzip")]),
    ]
    (tmp_path / "enc.warc.gz").write_bytes(b"".join(members))
    items = _by_id(_items(tmp_path / "enc.warc.gz"))
    latin1, gzipped = items["latin1"], items["gzipped"]
    assert isinstance(latin1, Record) and isinstance(gzipped, Record)
    assert gzipped.data == body.encode("utf-8")
    results = [process_record(r, Options(explain=True)) for r in (latin1, gzipped)]
    assert all(r.blocks and r.blocks[0].text.startswith("Café crème") for r in results)


def test_jsonl_reader(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 7, "url": "http://a/", "html": ARTICLE.decode()}),
        "",
        "{not json",
        json.dumps({"id": "no-html"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "blank", "html": "   "}),
        json.dumps({"id": "number", "html": 12}),
        json.dumps({"html": "<p>no id</p>"}),
    ]
    data = ("\n".join(lines) + "\n").encode()
    (tmp_path / "p.jsonl").write_bytes(data)
    (tmp_path / "p.jsonl.gz").write_bytes(gzip.compress(data))
    for name in ("p.jsonl", "p.jsonl.gz"):
        items = _items(tmp_path / name, html_field="html", id_field="id", url_field="url")
        assert [(i.id, getattr(i, "reason", None)) for i in items] == [
            ("7", None),
            (f"{name}:3", "read_error"),
            ("no-html", "missing_field"),
            (f"{name}:5", "read_error"),
            ("blank", "empty"),
            ("number", "read_error"),
            (f"{name}:8", None),
        ]
        first = items[0]
        assert isinstance(first, Record) and first.url == "http://a/" and first.input_type == "html"
    text_items = _items(tmp_path / "p.jsonl", text_field="html")
    assert isinstance(text_items[0], Record) and text_items[0].input_type == "text"


def test_unknown_format_and_missing_field_are_errors(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(b"hello\n")
    (tmp_path / "p.jsonl").write_bytes(b'{"html": "<p>x</p>"}\n')
    with pytest.raises(boilerstrip.BoilerstripError, match="not a WARC"):
        _items(tmp_path / "x.txt")
    with pytest.raises(boilerstrip.BoilerstripError, match="--html-field"):
        _items(tmp_path / "p.jsonl")


# ----------------------------------------------------------------------------- the count rule


def _bomb(rid: str, mib: int) -> bytes:
    """A gzip member holding a small record followed by ``mib`` MiB of zeros (about 1000:1)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = packer.compress(warc_record(http_response(b"<p>tiny</p>"), record_id=rid))
    zeros = b"".join(packer.compress(bytes(1 << 20)) for _ in range(mib))
    return head + zeros + packer.flush()


def _broken(member: bytes) -> bytes:
    damaged = bytearray(member)
    middle = len(damaged) // 2
    damaged[middle:middle + 64] = bytes(64)
    return bytes(damaged)


def test_nothing_is_lost(tmp_path: Path) -> None:
    """Good pages, binary records, broken members, a 60 MB page, empty and non-HTML records: all accounted for."""
    pages = _dataset_pages(12) or [(f"synthetic-{i}", ARTICLE.replace(b"A story", b"Story %d" % i)) for i in range(12)]
    big = b"<html><body>" + (b"<p>" + b"word " * 200 + b"</p>\n") * 60_000 + b"</body></html>"  # 60 MB
    assert len(big) > 60_000_000
    members: list[bytes] = []
    expected: dict[str, tuple[str, str | None]] = {}
    offsets: dict[str, int] = {}

    def add(rid: str, member: bytes, status: str, reason: str | None) -> None:
        offsets[rid] = sum(map(len, members))
        members.append(member)
        expected[rid] = (status, reason)

    for i, (_, html) in enumerate(pages):
        add(f"good-{i}", _html(f"good-{i}", html, content_type="text/html"), "ok", None)
        if i == 2:
            add("binary", _html("binary", os.urandom(50_000), content_type="application/octet-stream"),
                "skipped", "not_html")
            add("binary-as-html", _html("binary-as-html", os.urandom(20_000), content_type="text/html"), "?", None)
        if i == 4:
            add("broken", _broken(_html("broken", ARTICLE * 40)), "failed", "read_error")
        if i == 5:
            add("huge", gzip_member(warc_record(http_response(big), record_id="huge"), level=1), "failed", "too_large")
        if i == 6:
            add("empty", _html("empty", b""), "skipped", "empty")
            add("pdf", _html("pdf", b"%PDF-1.4 ...", content_type="application/pdf"), "skipped", "not_html")
        if i == 7:
            members.append(_bomb("bomb", 64))  # a tiny page, then 64 MiB of zeros in the same member
            expected["bomb"] = ("ok", None)
            expected["bomb-tail"] = ("failed", "too_large")
        if i == 8:
            add("broken-2", _broken(_html("broken-2", ARTICLE * 40)), "failed", "read_error")
            # Too short to inflate to anything: known only by its offset.
            add("truncated-header", _html("truncated-header", ARTICLE)[:40], "failed", "read_error")
    path = tmp_path / "nasty.warc.gz"
    path.write_bytes(b"".join(members))
    out, errors, summary_path = tmp_path / "out.jsonl", tmp_path / "errors.jsonl", tmp_path / "summary.json"
    status = batch_main([str(path), "-o", str(out), "--errors", str(errors), "--summary", str(summary_path),
                         "--jobs", "2", "--max-bytes", "50000000", "--quiet"])
    assert status == 0
    written = [json.loads(line) for line in out.read_text().splitlines()]
    failed = [json.loads(line) for line in errors.read_text().splitlines()]
    summary = json.loads(summary_path.read_text())
    # The rule: every record read is written, skipped or failed, and the summary adds up.
    assert summary["read"] == summary["written"] + summary["skipped"] + summary["failed"]
    assert summary["written"] == len(written) and summary["failed"] == len(failed)
    assert set(summary["failed_by_reason"]) <= set(FAIL_REASONS)
    assert set(summary["skipped_by_reason"]) <= set(SKIP_REASONS)
    outcome = {r["id"].strip("<>").removeprefix("urn:uuid:"): ("ok", None) for r in written}
    for r in failed:
        outcome[r["id"].strip("<>").removeprefix("urn:uuid:")] = ("failed", r["reason"])
    outcome["truncated-header"] = outcome.pop(f"nasty.warc.gz@{offsets['truncated-header']}", ("?", None))
    for rid, (want_status, want_reason) in expected.items():
        if rid == "bomb-tail":
            tails = [r for r in failed if r["reason"] == "too_large" and "inflates" in r["message"]]
            assert len(tails) == 1, failed
            continue
        if want_status == "?":
            continue
        if want_status == "skipped":
            assert rid not in outcome
            continue
        assert outcome.get(rid) == (want_status, want_reason), (rid, outcome.get(rid))
    assert summary["skipped_by_reason"] == {"empty": 1, "not_html": 2}
    assert summary["read"] == len(expected)
    # Good pages come out in input order, with the text extract() gives.
    good = [r for r in written if r["id"].startswith("<urn:uuid:good-")]
    assert [r["id"] for r in good] == [f"<urn:uuid:good-{i}>" for i in range(len(pages))]
    for r, (_, html) in zip(good, pages, strict=True):
        assert r["text"] == boilerstrip.extract(html, content_type="text/html")
        assert r["blocks_kept"] <= r["blocks_total"] and r["chars_kept"] <= r["chars_total"]


def test_summary_counts() -> None:
    s = Summary()
    for r in (Result("a", None, "ok"), Result.skipped("b", None, "empty"), Result.failed("c", None, "timeout")):
        s.add(r)
    assert s.balanced and s.to_dict()["read"] == 3 and s.failed == Counter({"timeout": 1})


# ----------------------------------------------------------------------------- pool


def echo(record: Record, options: Options) -> Result:
    """Test work function: sleeps ("sleep:SECONDS", 0.2 s without), hangs, crashes or answers, as the id says."""
    rid = record.id
    if rid.startswith("sleep"):
        time.sleep(float(rid.partition(":")[2] or 0.2))
    elif rid == "hang":
        time.sleep(60)
    elif rid == "stuck":
        signal.signal(signal.SIGALRM, signal.SIG_IGN)  # like C code that never returns to Python
        time.sleep(60)
    elif rid == "exit":
        os._exit(3)
    elif rid == "oom":
        os.kill(os.getpid(), signal.SIGKILL)
    elif rid == "raise":
        raise RuntimeError("a bug")
    return Result(rid, record.url, "ok", text=f"{rid}:{os.getpid()}")


def test_pool_keeps_order_and_survives_crashes_and_hangs() -> None:
    ids = ["sleep:0.3", "a", "hang", "b", "exit", "c", "sleep:0.05", "oom", "d", "stuck", "e", "f"]
    items: list[Record | Result] = [Record(i, b"x") for i in ids]
    items.insert(3, Result.skipped("passed-through", None, "not_html"))
    started = time.monotonic()
    results = list(run_pool(items, Options(), jobs=2, timeout=0.5, work=echo))
    assert time.monotonic() - started < 15
    assert [r.id for r in results] == [i.id for i in items]
    got = {r.id: (r.status, r.reason) for r in results}
    assert got["hang"] == ("failed", "timeout")  # SIGALRM stops it; the worker lives on
    assert got["stuck"] == ("failed", "timeout")  # the worker is killed after the grace period
    assert got["exit"] == ("failed", "worker_died")
    assert got["oom"] == ("failed", "worker_died")
    assert got["passed-through"] == ("skipped", "not_html")
    assert all(got[i] == ("ok", None) for i in ("a", "b", "c", "d", "e", "f", "sleep:0.3", "sleep:0.05"))


def test_pool_requeues_records_queued_behind_a_crash() -> None:
    """A worker holds a second record in its pipe: when it dies, that record runs on the next worker."""
    ids = ["sleep:0.2", "exit", "a", "stuck", "b", "oom", "c", "sleep:0.05", "d"]
    results = list(run_pool([Record(i, b"x") for i in ids], Options(), jobs=1, timeout=0.5, work=echo))
    got = {r.id: (r.status, r.reason) for r in results}
    assert [r.id for r in results] == ids
    assert got["exit"] == got["oom"] == ("failed", "worker_died")
    assert got["stuck"] == ("failed", "timeout")
    assert all(got[i] == ("ok", None) for i in ("sleep:0.2", "a", "b", "c", "sleep:0.05", "d"))
    pids = {r.id: r.text.split(":")[-1] for r in results if r.status == "ok"}
    # Each crash replaced the worker: the records after it ran in a new process.
    assert len({pids["sleep:0.2"], pids["a"], pids["b"], pids["c"]}) == 4


def test_pool_reads_lazily() -> None:
    """Memory stays flat: the pool never reads more than its window ahead of what it yields."""
    pulled = 0

    def source() -> object:
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield Record(str(i), b"x")

    results = run_pool(source(), Options(), jobs=2, timeout=5, work=echo, window=8)  # type: ignore[arg-type]
    for n, result in enumerate(results, 1):
        assert pulled - n <= 8 + 2
        assert result.id == str(n - 1)
    assert pulled == 200


def test_pool_work_errors_are_reported() -> None:
    results = list(run_pool([Record("raise", b"x"), Record("ok", b"x")], Options(), jobs=1, work=echo))
    assert [r.status for r in results] == ["failed", "ok"]
    assert results[0].reason == "extract_error" and results[0].message == "RuntimeError: a bug"


def test_extract_records_matches_extract() -> None:
    pages = [html for _, html in _dataset_pages(24)]
    if not pages:
        pytest.skip("no dataset pages: set BOILERSTRIP_DATA or put the datasets in shared/data next to the repo")
    expected = [boilerstrip.extract(p) for p in pages]
    for jobs in (2, 0):
        results = list(extract_records(pages, Options(), jobs=jobs))
        assert [r.id for r in results] == [str(i) for i in range(len(pages))]
        assert [r.text for r in results] == expected
    markdown = list(extract_records(pages[:4], jobs=1, output="markdown"))
    assert [r.text for r in markdown] == [boilerstrip.extract(p, output="markdown") for p in pages[:4]]


def test_process_record_reports_failures() -> None:
    too_big = process_record(Record("big", b"<p>" + b"x" * 5000 + b"</p>"), Options(max_bytes=1000))
    assert (too_big.status, too_big.reason) == ("failed", "too_large")
    ok = process_record(Record("ok", ARTICLE, source="f@0"), Options(explain=True))
    assert ok.ok and ok.blocks is not None and len(ok.blocks) == ok.blocks_total
    assert {b.label for b in ok.blocks} <= {"body", "chrome"}
    assert ok.to_dict()["blocks"][0]["reasons"] is not None


@pytest.mark.parametrize("level", [1, 2])
def test_pool_stop_flag(level: int) -> None:
    """Level 1 finishes the records in flight; level 2 reports them ``interrupted``; either way a prefix comes out."""
    stop = StopFlag()
    items = [Record("sleep:0.3", b"x", url=str(i)) for i in range(20)]
    results = run_pool(items, Options(), jobs=2, timeout=5, work=echo, stop=stop)
    got = [next(results)]
    stop.level = level
    got += list(results)
    assert [r.url for r in got] == [str(i) for i in range(len(got))]
    assert 1 < len(got) < 20
    reasons = [r.reason for r in got]
    if level == 1:
        assert set(reasons) == {None}
    else:  # finished records first (they were done when the stop came), then the dropped ones
        assert reasons[-1] == "interrupted" and reasons == sorted(reasons, key=lambda r: r is not None)


def test_exported_names() -> None:
    import boilerstrip.batch as batch

    # Sorted as ruff's RUF022 wants it: constants, then classes, then functions.
    def kind(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert batch.__all__ == sorted(batch.__all__, key=kind)
    assert all(hasattr(batch, name) for name in batch.__all__)
