"""boilerstrip.spark on a local Spark session: the example script's Parquet equals extract()."""

from __future__ import annotations

import gzip
import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import boilerstrip
from boilerstrip.batch.warcgen import gzip_member, http_response, warc_record

pytest.importorskip("pyspark", reason="needs PySpark: pip install 'boilerstrip[spark]'")
pytest.importorskip("pandas", reason="needs pandas: pip install 'boilerstrip[spark]'")
pytest.importorskip("pyarrow", reason="needs PyArrow: pip install 'boilerstrip[spark]'")
pytest.importorskip("fastwarc", reason="reading WARC needs FastWARC: pip install 'boilerstrip[warc]'")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Spark needs Java 17 (Debian: apt-get install openjdk-17-jre-headless)", allow_module_level=True)

REPO = Path(__file__).resolve().parents[1]
# PySpark 4 warns about pandas 3 on import; the columns used here work with both.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")


def _pages(n: int) -> list[tuple[str, bytes]]:
    root = Path(os.environ.get("BOILERSTRIP_DATA") or REPO.parent / "shared" / "data")
    if not root.is_dir():
        pytest.skip("no dataset pages: set BOILERSTRIP_DATA or put the datasets in shared/data next to the repo")
    sets = sorted(p for p in root.iterdir() if (p / "pages").is_dir())
    pages: list[tuple[str, bytes]] = []
    for ds in sets:
        for path in sorted((ds / "pages").glob("*.html.gz"))[: n // len(sets) + 1]:
            pages.append((f"{ds.name}-{path.name[:-8]}", gzip.decompress(path.read_bytes())))
    return pages[:n]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYTHONPATH")}
    # The Python workers must run this interpreter and find this checkout of boilerstrip.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), saved["PYTHONPATH"]]))
    session = (
        SparkSession.builder.master("local[2]")
        .appName("boilerstrip-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "16")
        # A short-lived JVM: the quick JIT tier and no whole-stage code generation start faster.
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .config("spark.sql.codegen.wholeStage", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spark_warc_to_parquet", REPO / "examples" / "spark_warc_to_parquet.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_script_matches_extract(spark: Any, tmp_path: Path) -> None:
    import pandas as pd

    pages = _pages(30)
    for part in range(2):
        with open(tmp_path / f"part-{part}.warc.gz", "wb") as fh:
            fh.writelines(gzip_member(warc_record(http_response(html, content_type="text/html"), record_id=rid,
                                                 url=f"http://example.org/{rid}")) for rid, html in pages[part::2])
            # Not pages: left out of the DataFrame.
            fh.write(gzip_member(warc_record(http_response(b"\x89PNG", content_type="image/png"))))
            fh.write(gzip_member(warc_record(http_response(b"<p>gone</p>", status=404))))
    out = tmp_path / "pages.parquet"
    assert _example().main([str(tmp_path / "*.warc.gz"), "--output", str(out)]) == 0
    table = pd.read_parquet(out)
    assert "html" not in table.columns
    assert {"id", "url", "text", "title", "language", "error", "blocks_kept", "chars_total"} <= set(table.columns)
    got = dict(zip(table["id"], table["text"], strict=True))
    assert sorted(got) == sorted(f"<urn:uuid:{rid}>" for rid, _ in pages)
    for rid, html in pages:
        assert got[f"<urn:uuid:{rid}>"] == boilerstrip.extract(html, content_type="text/html"), rid
    assert table["error"].isna().all()


def test_with_extracted_columns_and_errors(spark: Any) -> None:
    from boilerstrip.spark import with_extracted

    article = "<article>" + "<p>A sentence that is long enough to be kept as the body of the page.</p>" * 6 + "</article>"
    rows = [("a", article), ("b", None), ("c", "<p>" + "x" * 5000 + "</p>"), ("d", "   ")]
    df = spark.createDataFrame(rows, "key string, page string")
    out = with_extracted(df, "page", id_col="key", stats=True, prefix="bs_", max_bytes=2000, output="markdown")
    got = {r["key"]: r for r in out.collect()}
    assert got["a"]["text"] == boilerstrip.extract(article, output="markdown")
    assert got["a"]["bs_error"] is None and got["a"]["bs_blocks_kept"] == 6
    assert (got["b"]["text"], got["b"]["bs_error"]) == (None, "empty")
    assert (got["c"]["text"], got["c"]["bs_error"]) == (None, "too_large")
    assert got["d"]["bs_error"] == "empty" and got["d"]["bs_chars_total"] is None
    with pytest.raises(ValueError, match="overwrite"):
        with_extracted(df, "page", text_col="key")
