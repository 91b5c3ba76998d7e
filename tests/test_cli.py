from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from boilerstrip import __version__, extract
from boilerstrip.cli import main

from .conftest import GOLDEN


class _Std:
    def __init__(self, data: bytes = b"") -> None:
        self.buffer = io.BytesIO(data)

    def flush(self) -> None:
        pass


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str], stdin: bytes = b""):  # type: ignore[no-untyped-def]
    out = _Std()
    monkeypatch.setattr(sys, "stdin", _Std(stdin))
    monkeypatch.setattr(sys, "stdout", out)
    code = main(args)
    return code, out.buffer.getvalue().decode("utf-8"), capsys.readouterr().err


def test_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], article_html: bytes) -> None:
    code, out, err = run(monkeypatch, capsys, [], article_html)
    assert code == 0 and err == ""
    assert out == extract(article_html) + "\n"


def test_files_and_formats(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(GOLDEN / "article.html")
    code, out, _ = run(monkeypatch, capsys, ["--format", "markdown", path])
    assert code == 0 and out == (GOLDEN / "article.expected.md").read_text(encoding="utf-8")
    code, out, _ = run(monkeypatch, capsys, ["-f", "json", "--url", "https://e.org/", path])
    assert json.loads(out)["url"] == "https://e.org/"
    code, out, _ = run(monkeypatch, capsys, ["-f", "json", "--explain", path])
    assert json.loads(out)["blocks"][1]["label"] == "chrome"


def test_explain_lines(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], article_html: bytes) -> None:
    code, out, _ = run(monkeypatch, capsys, ["--explain"], article_html)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 34
    home = next(line for line in lines if "| Home |" in line)
    assert " chrome " in home and "inside <nav> -> -3.0" in home and "link density=1.00 -> -4.0" in home
    assert lines[7].split()[1] == "body"


def test_usage_errors(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(monkeypatch, capsys, ["--format", "md"])
    assert code == 2 and "invalid choice" in err
    code, _, err = run(monkeypatch, capsys, ["--max-bytes", "0"])
    assert code == 2 and "max_bytes must be a positive integer" in err


def test_unreadable_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(monkeypatch, capsys, [str(tmp_path / "missing.html")])
    assert code == 1 and err.strip().startswith("boilerstrip: cannot read") and len(err.strip().splitlines()) == 1
    code, _, err = run(monkeypatch, capsys, [str(tmp_path)])
    assert code == 1 and "cannot read" in err
    code, _, err = run(monkeypatch, capsys, ["--max-bytes", "10"], b"x" * 20)
    assert code == 1 and "max_bytes=10" in err


def test_version_and_help() -> None:
    proc = subprocess.run([sys.executable, "-m", "boilerstrip", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == f"boilerstrip {__version__}"
    proc = subprocess.run([sys.executable, "-m", "boilerstrip", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "examples:" in proc.stdout and "--explain" in proc.stdout


def test_console_script_pipeline(article_html: bytes) -> None:
    proc = subprocess.run(["boilerstrip", "--format", "text"], input=article_html, capture_output=True)
    assert proc.returncode == 0 and proc.stdout.decode().startswith("How tide pools")


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    big.write_text("<article>" + "<p>Words of the article go on and on for the reader. </p>" * 40000 + "</article>")
    proc = subprocess.run(f"boilerstrip {big} | head -1", shell=True, capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("Words") and proc.stderr == ""
