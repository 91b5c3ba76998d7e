"""The short fuzz run CI does, and checks that the fuzz harness sees what it must see.

benchmarks/fuzz.py mutates dataset pages (tests/fixtures when there is no dataset) and
runs them through extract() in a worker process; docs/robustness.md has the long run.
"""

from __future__ import annotations

import base64
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FUZZ = ROOT / "benchmarks" / "fuzz.py"
sys.path.insert(0, str(ROOT / "benchmarks"))

import fuzz  # noqa: E402  (benchmarks/ is not a package: importable once it is on the path)

from .test_robustness import PARAS, article  # noqa: E402  (after the import above)


def _row(report: str, label: str) -> str:
    m = re.search(rf"^\| {re.escape(label)}[^|]*\|\s*(.*?)\s*\|$", report, re.MULTILINE)
    assert m, f"no row {label!r} in\n{report}"
    return m.group(1)


def _fuzz(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(FUZZ), *args], capture_output=True, check=False, text=True, timeout=300
    )


def test_short_fuzz_run_finds_nothing(tmp_path: Path) -> None:
    # --min-inputs: on a loaded machine 3 s once held a single input (the worker's start-up).
    proc = _fuzz("--seconds", "3", "--min-inputs", "10", "--seed", "20240601", "--out", str(tmp_path))
    report = proc.stdout
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert int(_row(report, "inputs tried")) >= 10
    for label in ("crashes", "hangs", "memory spikes", "unsafe HTML output"):
        assert _row(report, label) == "0"
    assert not list(tmp_path.iterdir())


def test_harness_catches_each_kind_of_finding(tmp_path: Path) -> None:
    """Injected misbehaviour (an exception, a segfault, a busy loop, 400 MB) is found and saved."""
    proc = _fuzz(
        "--seconds",
        "1",
        "--fixtures",
        "--seed",
        "1",
        # 2 s: the injected 400 MB costs 0.35 s of CPU (page faults) on a quiet machine and has
        # come near 1 s on a busy one, where it then also counted as a hang.
        "--hang-seconds",
        "2",
        "--out",
        str(tmp_path),
        "--inject",
        "exception",
        "segfault",
        "hang",
        "memory",
    )
    report = proc.stdout
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert (_row(report, "crashes"), _row(report, "hangs"), _row(report, "memory spikes")) == ("2", "1", "1")
    assert "KeyError: 'injected'" in report and "exit code -11" in report
    saved = sorted(p.name for p in tmp_path.glob("*.json"))
    assert saved == ["crash-0.json", "crash-1.json", "hang-0.json", "memory-0.json"]
    record = json.loads((tmp_path / "crash-0.json").read_text())
    assert base64.b64decode(record["input_base64"]) == (tmp_path / "crash-0.bin").read_bytes()
    assert record["inject"] == "exception" and "KeyError" in record["detail"]


def test_replay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = article(PARAS).encode()
    path = tmp_path / "crash-0.json"
    path.write_text(
        json.dumps(
            {
                "kind": "crash",
                "source": "test",
                "mutations": ["cut"],
                "options": {"output": "html"},
                "detail": "",
                "input_base64": base64.b64encode(page).decode(),
            }
        )
    )
    assert fuzz.replay(path) == 0
    assert "ok in " in capsys.readouterr().out


def test_mutations_are_reproducible() -> None:
    page = article(PARAS).encode()
    runs = [fuzz.mutate(page, page, random.Random(5)) for _ in range(2)]
    assert runs[0] == runs[1] and runs[0][0] != page
