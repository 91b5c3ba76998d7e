"""``boilerstrip batch`` end to end: inputs, outputs, flags, exit codes and Ctrl-C."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip.batch.cli import main
from boilerstrip.batch.warcgen import gzip_member, http_response, warc_record
from boilerstrip.cli import main as boilerstrip_main

pytest.importorskip("fastwarc", reason="the WARC readers need FastWARC: pip install 'boilerstrip[warc]'")

REPO = Path(__file__).resolve().parents[1]


def _page(i: int) -> bytes:
    return (
        b"<html><head><title>Page %d</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
        b"<article><h1>Headline number %d</h1>" % (i, i)
        + b"".join(b"<p>Paragraph %d of story %d, which has enough words to be read as prose.</p>" % (j, i)
                   for j in range(8))
        + b"</article><footer>Contact us | Privacy</footer></body></html>"
    )


def _warc(path: Path, n: int, start: int = 0) -> list[bytes]:
    pages = [_page(i) for i in range(start, start + n)]
    with open(path, "wb") as fh:
        fh.writelines(gzip_member(warc_record(http_response(page), record_id=f"p{i}", url=f"http://example.org/{i}")) for i, page in enumerate(pages, start))
    return pages


def _lines(path: Path) -> list[dict[str, object]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_warc_to_gzip_jsonl(tmp_path: Path) -> None:
    pages = _warc(tmp_path / "a.warc.gz", 6)
    _warc(tmp_path / "b.warc.gz", 3, start=6)
    pages += [_page(i) for i in range(6, 9)]
    out = tmp_path / "out.jsonl.gz"
    # Through the main command, as users call it.
    assert boilerstrip_main(["batch", str(tmp_path / "a.warc.gz"), str(tmp_path / "b.warc.gz"),
                             "-o", str(out), "-j", "2", "-q"]) == 0
    rows = _lines(out)
    assert [r["id"] for r in rows] == [f"<urn:uuid:p{i}>" for i in range(9)]
    assert [r["url"] for r in rows] == [f"http://example.org/{i}" for i in range(9)]
    assert [r["text"] for r in rows] == [boilerstrip.extract(p, content_type="text/html; charset=utf-8")
                                         for p in pages]
    first = rows[0]
    assert set(first) == {"id", "url", "text", "title", "language", "blocks_kept", "blocks_total",
                          "chars_kept", "chars_total"}
    assert first["title"] == "Page 0"
    assert 0 < first["blocks_kept"] < first["blocks_total"]  # type: ignore[operator]
    assert 0 < first["chars_kept"] < first["chars_total"]  # type: ignore[operator]


def test_markdown_explain_and_stdout(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    pages = _warc(tmp_path / "a.warc.gz", 2)
    assert main([str(tmp_path / "a.warc.gz"), "-o", "-", "--format", "markdown", "--explain", "-j", "1"]) == 0
    captured = capsysbinary.readouterr()
    rows = [json.loads(line) for line in captured.out.decode().splitlines()]
    assert [r["text"] for r in rows] == [boilerstrip.extract(p, output="markdown") for p in pages]
    blocks = rows[0]["blocks"]
    assert {b["label"] for b in blocks} == {"body", "chrome"}
    assert all({"text", "kind", "label", "score", "reasons"} <= set(b) for b in blocks)
    assert any(r["code"] for b in blocks for r in b["reasons"])
    assert b"2 records read = 2 written + 0 skipped + 0 failed" in captured.err


def test_jsonl_and_wet_inputs(tmp_path: Path) -> None:
    rows = [{"doc": f"d{i}", "link": f"http://x/{i}", "body": _page(i).decode()} for i in range(3)]
    rows.insert(1, {"doc": "no-body"})
    (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    text = "Navigation\nA long line of plain text that reads like the body of an article, with many words in it.\n"
    (tmp_path / "t.wet.gz").write_bytes(
        gzip_member(warc_record(b"Software-Info: test\r\n", warc_type="warcinfo", content_type="application/warc-fields"))
        + gzip_member(warc_record(text.encode(), warc_type="conversion", record_id="w1", url="http://w/1"))
    )
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    assert main([str(tmp_path / "in.jsonl.gz"), str(tmp_path / "t.wet.gz"), "-o", str(out), "--html-field", "body",
                 "--id-field", "doc", "--url-field", "link", "--summary", str(summary), "-q", "--jobs", "0"]) == 0
    got = _lines(out)
    assert [r["id"] for r in got] == ["d0", "d1", "d2", "<urn:uuid:w1>"]
    assert got[0]["url"] == "http://x/0" and got[0]["text"] == boilerstrip.extract(_page(0))
    assert got[3]["text"] == boilerstrip.extract(text.encode(), input_type="text")
    report = json.loads(summary.read_text())
    assert report["skipped_by_reason"] == {"missing_field": 1, "not_response": 1}
    assert report["read"] == 6 == report["written"] + report["skipped"] + report["failed"]


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.jsonl").write_text('{"html": "<p>x</p>"}\n')
    (tmp_path / "notes.txt").write_text("hello\n")
    _warc(tmp_path / "a.warc.gz", 1)
    out = str(tmp_path / "o.jsonl")
    assert main([str(tmp_path / "p.jsonl"), "-o", out]) == 2  # which field?
    assert "--html-field" in capsys.readouterr().err
    assert main([str(tmp_path / "notes.txt"), "-o", out]) == 2
    assert main([str(tmp_path / "a.warc.gz")]) == 2  # -o is required
    assert main([str(tmp_path / "a.warc.gz"), "-o", out, "--jobs", "-1"]) == 2
    assert main([str(tmp_path / "a.warc.gz"), "-o", out, "--html-field", "a", "--text-field", "b"]) == 2
    assert main([str(tmp_path / "a.warc.gz"), "-o", str(tmp_path / "a.warc.gz")]) == 2
    assert main([str(tmp_path / "missing.warc.gz"), "-o", out]) == 1
    assert "cannot read" in capsys.readouterr().err
    assert main([str(tmp_path / "a.warc.gz"), "-o", str(tmp_path / "no" / "dir.jsonl")]) == 1


def test_ctrl_c_leaves_valid_output(tmp_path: Path) -> None:
    """Ctrl-C stops reading, finishes the records in flight, and leaves whole lines and a summary."""
    _warc(tmp_path / "big.warc.gz", 3000)
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    proc = subprocess.Popen(
        [sys.executable, "-m", "boilerstrip", "batch", str(tmp_path / "big.warc.gz"), "-o", str(out),
         "-j", "2", "--summary", str(summary)],
        stderr=subprocess.PIPE, env=env,
    )
    deadline = time.monotonic() + 60
    while (not out.exists() or out.stat().st_size < 20_000) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err
    assert b"interrupted" in err and b"records read =" in err
    rows = _lines(out)  # every line parses: no half-written record
    assert 0 < len(rows) < 3000
    assert [r["id"] for r in rows] == [f"<urn:uuid:p{i}>" for i in range(len(rows))]
    report = json.loads(summary.read_text())
    assert report["interrupted"] and report["written"] == len(rows)
    assert report["read"] == report["written"] + report["skipped"] + report["failed"]


def test_progress_line(capsys: pytest.CaptureFixture[str]) -> None:
    from boilerstrip.batch.cli import _Progress
    from boilerstrip.batch.readers import ReadProgress
    from boilerstrip.batch.records import Result, Summary

    read = ReadProgress(total_bytes=4_000_000, offset=1_000_000)
    summary = Summary()
    for i in range(5):
        summary.add(Result(str(i), None, "ok"))
    bar = _Progress(True, read)
    bar.update(summary, force=True)
    bar.finish()
    err = capsys.readouterr().err
    assert "5 records" in err and "1.0/4.0 MB" in err and "ETA" in err
    _Progress(False, read).update(summary, force=True)  # not a terminal: nothing
    assert capsys.readouterr().err == ""


def test_missing_extras_name_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from boilerstrip.batch import readers

    monkeypatch.setitem(sys.modules, "fastwarc", None)
    with pytest.raises(ImportError, match=r"boilerstrip\[warc\]"):
        readers._fastwarc()
    monkeypatch.setitem(sys.modules, "pyspark", None)
    from boilerstrip import spark

    with pytest.raises(ImportError, match=r"boilerstrip\[spark\]"):
        spark.with_extracted(object(), "html")  # type: ignore[arg-type]
