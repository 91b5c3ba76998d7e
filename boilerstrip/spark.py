"""Extract pages in Spark: add the main text to a DataFrame, and read WARC files into one.

For when one machine is not enough (extra: ``pip install 'boilerstrip[spark]'``).
Both functions run through ``mapInPandas``: rows travel to Python in Arrow
batches, and each page goes through the same :func:`boilerstrip.batch.process_record`
as ``boilerstrip batch``, so the text is the same as ``boilerstrip.extract``
gives. A bad page never fails the task: its row gets an ``error`` reason code.
See docs/pipelines.md for running it on a cluster.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .batch.pool import DEFAULT_TIMEOUT
from .batch.records import Record, Result
from .batch.work import call_with_time_limit, process_record
from .options import Options, resolve_options

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["RECORD_COLUMNS", "read_warc", "with_extracted"]

# The columns read_warc gives: one row per HTML response or WET conversion record.
RECORD_COLUMNS = "id string, url string, content_type string, input_type string, html binary, source string"
# Rows per Arrow batch handed back to Spark by read_warc (bounds executor memory).
_ROWS_PER_BATCH = 256


def _require_spark() -> None:
    try:
        import pandas  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            "boilerstrip.spark needs PySpark, pandas and PyArrow: pip install 'boilerstrip[spark]'"
        ) from exc


def with_extracted(
    df: DataFrame,
    html_col: str = "html",
    *,
    url_col: str | None = None,
    content_type_col: str | None = None,
    input_type_col: str | None = None,
    id_col: str | None = None,
    options: Options | None = None,
    text_col: str = "text",
    stats: bool = False,
    prefix: str = "",
    timeout: float | None = DEFAULT_TIMEOUT,
    **settings: Any,
) -> DataFrame:
    """Return ``df`` with the extracted text of its HTML column, and title, language and error columns.

    Args:
        html_col: a binary (bytes, decoded as a browser would) or string column.
        content_type_col: the HTTP Content-Type header, whose charset decodes the bytes.
        input_type_col: "html" or "text" per row (WET text); default: ``Options.input_type``.
        text_col: the name of the text column (in ``Options.output``: text or Markdown).
        stats: also add blocks_kept, blocks_total, chars_kept and chars_total.
        prefix: put before the added column names other than ``text_col``, to avoid clashes.
        timeout: seconds per page (SIGALRM in the Python worker); None for no limit.
        settings: Options field names, a shortcut for ``options=Options(...)``.

    A row whose page cannot be extracted gets a null text and the reason code
    (``decode_error``, ``too_large``, ``timeout``, ...) in ``{prefix}error``; a
    null or blank page gets ``empty``.
    """
    _require_spark()
    from pyspark.sql.types import IntegerType, LongType, StringType, StructField, StructType

    opts = resolve_options(options, settings)
    added = [StructField(text_col, StringType())] + [
        StructField(prefix + name, StringType()) for name in ("title", "language", "error")
    ]
    if stats:
        added += [
            StructField(prefix + "blocks_kept", IntegerType()),
            StructField(prefix + "blocks_total", IntegerType()),
            StructField(prefix + "chars_kept", LongType()),
            StructField(prefix + "chars_total", LongType()),
        ]
    clash = sorted({f.name for f in added} & set(df.columns))
    if clash:
        raise ValueError(
            f"with_extracted would overwrite column(s) {', '.join(clash)}: pass text_col= or prefix="
        )
    wanted = (html_col, url_col, content_type_col, input_type_col, id_col)
    missing = [c for c in wanted if c and c not in df.columns]
    if missing:
        raise ValueError(f"no column(s) {', '.join(missing)} in the DataFrame; it has {', '.join(df.columns)}")
    schema = StructType(list(df.schema.fields) + added)
    job = _ExtractJob(html_col, url_col, content_type_col, input_type_col, id_col, opts, text_col, stats, prefix,
                      timeout)
    return df.mapInPandas(job, schema=schema)


@dataclasses.dataclass(frozen=True)
class _ExtractJob:
    """The function mapInPandas runs: a picklable value rather than a closure."""

    html_col: str
    url_col: str | None
    content_type_col: str | None
    input_type_col: str | None
    id_col: str | None
    options: Options
    text_col: str
    stats: bool
    prefix: str
    timeout: float | None

    def __call__(self, batches: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for frame in batches:
            yield self._one(frame)

    def _column(self, frame: pd.DataFrame, name: str | None) -> list[Any]:
        return frame[name].tolist() if name else [None] * len(frame)

    def _one(self, frame: pd.DataFrame) -> pd.DataFrame:
        pages = self._column(frame, self.html_col)
        urls = self._column(frame, self.url_col)
        types = self._column(frame, self.content_type_col)
        modes = self._column(frame, self.input_type_col)
        ids = self._column(frame, self.id_col)
        import pandas as pd

        rows = zip(pages, urls, types, modes, ids, strict=True)
        results = [self._extract(i, *row) for i, row in enumerate(rows)]
        out = frame  # a fresh batch from Arrow: add the columns in place
        ok = [r.status == "ok" for r in results]
        out[self.text_col] = [r.text if good else None for r, good in zip(results, ok, strict=True)]
        out[self.prefix + "title"] = [r.title for r in results]
        out[self.prefix + "language"] = [r.language for r in results]
        out[self.prefix + "error"] = [None if good else r.reason for r, good in zip(results, ok, strict=True)]
        if self.stats:
            for name, dtype in (("blocks_kept", "Int32"), ("blocks_total", "Int32"), ("chars_kept", "Int64"),
                                ("chars_total", "Int64")):
                values = [getattr(r, name) if good else None for r, good in zip(results, ok, strict=True)]
                out[self.prefix + name] = pd.array(values, dtype=dtype)
        return out

    def _extract(self, index: int, page: Any, url: Any, content_type: Any, mode: Any, rid: Any) -> Result:
        rid = str(rid) if _present(rid) else str(index)
        url = url if isinstance(url, str) else None
        if isinstance(page, (bytearray, memoryview)):
            page = bytes(page)
        if not isinstance(page, (bytes, str)) or not page.strip():
            return Result.skipped(rid, url, "empty")
        record = Record(
            rid, page, url,
            input_type=mode if mode in ("html", "text") else None,
            content_type=content_type if isinstance(content_type, str) else None,
        )
        return call_with_time_limit(process_record, record, self.options, self.timeout)


def _present(value: Any) -> bool:
    """Not None and not NaN (pandas puts NaN in an object column for a missing value)."""
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def read_warc(spark: SparkSession, paths: Sequence[str], *, partitions: int | None = None,
              max_bytes: int | None = None) -> DataFrame:
    """A DataFrame of the pages in WARC/WET files (columns: ``RECORD_COLUMNS``).

    Each file is read whole by one task, so use many files rather than one big
    one; every executor must be able to open the paths (a shared filesystem, or
    URLs that fsspec opens when it is installed). Records that are not pages
    (requests, non-HTML, errors) are left out; ``boilerstrip batch`` counts them.
    """
    _require_spark()
    paths = list(paths)
    if not paths:
        raise ValueError("read_warc needs at least one path")
    # parallelize deals the paths out evenly (hash partitioning could leave tasks with none).
    slices = partitions or min(len(paths), spark.sparkContext.defaultParallelism)
    listing = spark.sparkContext.parallelize([(p,) for p in paths], slices)
    frame = spark.createDataFrame(listing, "path string")
    limit = max_bytes if max_bytes is not None else Options().max_bytes
    return frame.mapInPandas(_WarcReadJob(limit), schema=RECORD_COLUMNS)


@dataclasses.dataclass(frozen=True)
class _WarcReadJob:
    max_bytes: int

    def __call__(self, batches: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        import pandas as pd

        from .batch.readers import read_records

        columns = [c.split()[0] for c in RECORD_COLUMNS.split(", ")]
        for frame in batches:
            for path in frame["path"].tolist():
                rows: list[tuple[Any, ...]] = []
                with _open(path) as fh:
                    for item in read_records(fh, max_bytes=self.max_bytes, name=path):
                        if isinstance(item, Record):
                            rows.append((item.id, item.url, item.content_type, item.input_type,
                                         item.data if isinstance(item.data, bytes) else item.data.encode("utf-8"),
                                         item.source))
                            if len(rows) >= _ROWS_PER_BATCH:
                                yield pd.DataFrame(rows, columns=columns)
                                rows = []
                if rows:
                    yield pd.DataFrame(rows, columns=columns)


def _open(path: str) -> Any:
    if "://" in path and not path.startswith("file://"):
        try:
            import fsspec  # type: ignore[import-not-found]  # optional, untyped here
        except ImportError as exc:
            raise ImportError(f"opening {path} needs fsspec (and its filesystem's package)") from exc
        return fsspec.open(path, "rb").open()
    return open(path.removeprefix("file://"), "rb")
