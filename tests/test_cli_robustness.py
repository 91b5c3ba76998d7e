"""The command line under bad conditions: one line on stderr and the documented exit status.

Exit status (boilerstrip/cli.py, docs/robustness.md): 0 on success and when the reader
of our output goes away, 1 when an input cannot be read or extracted or the output
cannot be written, 2 on a usage error, 130 when interrupted.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from boilerstrip import Document, cli, extract, extract_blocks

from .test_robustness import PARAS, _png, article

ARTICLE = article(PARAS).encode()
BODY = "\n".join(PARAS) + "\n"


class _Stream:
    def __init__(self, data: bytes = b"") -> None:
        self.buffer = io.BytesIO(data)

    def flush(self) -> None:
        pass


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str], stdin: bytes = b""
) -> tuple[int, str, str]:
    out = _Stream()
    monkeypatch.setattr(sys, "stdin", _Stream(stdin))
    monkeypatch.setattr(sys, "stdout", out)
    code = cli.main(args)
    return code, out.buffer.getvalue().decode("utf-8"), capsys.readouterr().err


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a shell pipeline; the exit status is boilerstrip's own (the first command's)."""
    return subprocess.run(
        ["bash", "-c", command + "; exit ${PIPESTATUS[0]}"],
        cwd=cwd,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )


BS = f"{sys.executable} -m boilerstrip"


# --- inputs that cannot be read ----------------------------------------------------


def test_missing_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "missing.html"
    assert run(monkeypatch, capsys, [str(path)]) == (
        1,
        "",
        f"boilerstrip: cannot read {path}: No such file or directory\n",
    )


def test_directory(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(monkeypatch, capsys, [str(tmp_path)]) == (
        1,
        "",
        f"boilerstrip: cannot read {tmp_path}: Is a directory\n",
    )


def test_permission_denied(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "secret.html"
    path.write_bytes(ARTICLE)

    def refuse(name: str, mode: str = "r") -> io.BufferedReader:
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(cli, "open", refuse, raising=False)
    assert run(monkeypatch, capsys, [str(path)]) == (
        1,
        "",
        f"boilerstrip: cannot read {path}: Permission denied\n",
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    path = tmp_path / "secret.html"
    path.write_bytes(ARTICLE)
    path.chmod(0)
    proc = shell(f"{BS} secret.html", tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        1,
        "",
        "boilerstrip: cannot read secret.html: Permission denied\n",
    )


def test_one_bad_file_among_good_ones(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "good.html"
    good.write_bytes(ARTICLE)
    missing = tmp_path / "missing.html"
    code, out, err = run(monkeypatch, capsys, [str(good), str(missing), str(good)])
    assert (code, out, err) == (
        1,
        BODY * 2,
        f"boilerstrip: cannot read {missing}: No such file or directory\n",
    )


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.html")
    (tmp_path / name).write_bytes(ARTICLE)
    proc = subprocess.run(
        [sys.executable, "-m", "boilerstrip", name, "gone\udce9.html"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 1 and proc.stdout.decode() == BODY
    assert proc.stderr == b"boilerstrip: cannot read gone\\udce9.html: No such file or directory\n"


def test_binary_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(_png())
    assert run(monkeypatch, capsys, [str(path)]) == (
        1,
        "",
        f"boilerstrip: {path}: input looks binary (PNG image), not HTML or text\n",
    )


def test_empty_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(monkeypatch, capsys, []) == (0, "", "")
    assert run(monkeypatch, capsys, ["-f", "json"])[1].count('"empty_reason": "empty_input"') == 1


def test_stdin_over_max_bytes(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(monkeypatch, capsys, ["--max-bytes", "100"], ARTICLE) == (
        1,
        "",
        "boilerstrip: <stdin>: input is over max_bytes=100; raise --max-bytes or pass --truncate\n",
    )


def test_endless_input_is_read_only_up_to_max_bytes() -> None:
    """/dev/zero never ends: we read max_bytes + 1 bytes of it, then refuse (or cut and refuse binary)."""
    proc = subprocess.run(
        [sys.executable, "-m", "boilerstrip", "--max-bytes", "1000000", "/dev/zero"],
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )
    assert (proc.returncode, proc.stderr) == (
        1,
        "boilerstrip: /dev/zero: input is over max_bytes=1000000; raise --max-bytes or pass --truncate\n",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "boilerstrip", "--max-bytes", "1000000", "--truncate", "/dev/zero"],
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )
    assert (proc.returncode, proc.stderr) == (
        1,
        "boilerstrip: /dev/zero: input looks binary (100% control bytes), not HTML or text\n",
    )


def test_internal_error_is_one_line_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A bug (an exception that is not a BoilerstripError) is reported per file, not as a traceback."""
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"<p>trigger</p>")
    good = tmp_path / "good.html"
    good.write_bytes(ARTICLE)
    def flaky(data: bytes, url: str | None = None, **kw: Any) -> Document:
        if data == b"<p>trigger</p>":
            raise RuntimeError("boom\nsecond line")
        return extract_blocks(data, url, **kw)

    monkeypatch.setattr(cli, "extract_blocks", flaky)
    assert run(monkeypatch, capsys, [str(bad), str(good)]) == (
        1,
        BODY,
        f"boilerstrip: {bad}: internal error, please report it: RuntimeError: boom second line\n",
    )


# --- standard streams closed, full or gone ------------------------------------------


def test_stdin_closed(tmp_path: Path) -> None:
    proc = shell(f"{BS} <&-", tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        1,
        "",
        "boilerstrip: cannot read <stdin>: standard input is closed\n",
    )


def test_stdout_closed(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(ARTICLE)
    proc = shell(f"{BS} a.html >&-", tmp_path)
    assert (proc.returncode, proc.stderr) == (
        1,
        "boilerstrip: cannot write output: standard output is closed\n",
    )


def test_stderr_closed(tmp_path: Path) -> None:
    proc = shell(f"{BS} missing.html 2>&-", tmp_path)
    assert (proc.returncode, proc.stdout) == (1, "")


def test_disk_full(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(ARTICLE)
    proc = shell(f"{BS} a.html > /dev/full", tmp_path)
    assert (proc.returncode, proc.stderr) == (
        1,
        "boilerstrip: cannot write output: No space left on device\n",
    )


@pytest.fixture(scope="module")
def big_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A page whose output (240 KB) is larger than a pipe's buffer (64 KiB on Linux)."""
    path = tmp_path_factory.mktemp("big") / "big.html"
    paras = "".join(
        f"<p>Paragraph {i} of the article goes on and on for the reader.</p>" for i in range(4000)
    )
    path.write_text(f"<html><body><article>{paras}</article></body></html>")
    return path


@pytest.mark.parametrize("flags", ["", "--format json --explain", "--explain", "--format markdown"])
def test_broken_pipe_from_stdin_is_quiet(big_page: Path, flags: str) -> None:
    proc = shell(f"{BS} {flags} < {big_page.name} | head -c 20", big_page.parent)
    assert (proc.returncode, proc.stderr, len(proc.stdout)) == (0, "", 20)


def test_interrupt(tmp_path: Path) -> None:
    """Ctrl-C while waiting for input: one line and status 130, no traceback."""
    code = "import sys; from boilerstrip.cli import main; print('ready', file=sys.stderr, flush=True); sys.exit(main([]))"
    # A shell's background job starts with SIGINT ignored, and Python then installs no handler for
    # it: the child gets the default disposition, as a command typed at a terminal has.
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stderr is not None and proc.stderr.readline() == b"ready\n"
    time.sleep(1.0)  # into main() and blocked reading stdin
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert (proc.returncode, out, err) == (130, b"", b"boilerstrip: interrupted\n")


def test_usage_errors_exit_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(monkeypatch, capsys, ["--max-bytes", "lots"])
    assert (code, out) == (2, "") and err.rstrip().endswith("argument --max-bytes: invalid int value: 'lots'")
    code, out, err = run(monkeypatch, capsys, ["--max-bytes", "-5"])
    assert (code, out, err) == (2, "", "boilerstrip: Options.max_bytes must be a positive integer, got -5\n")


def test_output_matches_the_library(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing is lost on the way out: stdout is extract()'s result plus a newline."""
    for page in (
        ARTICLE,
        article(("Grüße", *PARAS)).encode("utf-16"),
        b"\r\n\r\n".join(p.encode() for p in PARAS),
    ):
        assert run(monkeypatch, capsys, [], page) == (0, extract(page) + "\n", "")
