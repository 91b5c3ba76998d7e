"""Read WARC files into a Spark DataFrame, extract the main text of every page, write Parquet.

Locally (pip install 'boilerstrip[spark,warc]'):

    python examples/spark_warc_to_parquet.py 'crawl/*.warc.gz' --output pages.parquet

On a cluster, ship boilerstrip as a wheel (see docs/pipelines.md):

    spark-submit --master yarn --py-files dist/boilerstrip-0.1.0-py3-none-any.whl \\
        examples/spark_warc_to_parquet.py '/shared/crawl/*.warc.gz' --output hdfs:///pages.parquet

The Parquet rows hold id, url, content_type, source, text, title, language,
error and the block/character counts; the HTML is dropped unless --keep-html.
"""

from __future__ import annotations

import argparse
import glob
import sys
from collections.abc import Sequence

from boilerstrip import Options
from boilerstrip.spark import read_warc, with_extracted


def expand(patterns: Sequence[str]) -> list[str]:
    """Local glob patterns to files; URLs (hdfs://, s3://) pass through as they are."""
    paths: list[str] = []
    for pattern in patterns:
        if "://" in pattern and not pattern.startswith("file://"):
            paths.append(pattern)
        else:
            found = sorted(glob.glob(pattern.removeprefix("file://")))
            if not found:
                raise SystemExit(f"spark_warc_to_parquet: no file matches {pattern}")
            paths.extend(found)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", help="WARC or WET files or glob patterns (gzip or not)")
    ap.add_argument("--output", required=True, help="Parquet directory to write (overwritten)")
    ap.add_argument("--format", choices=("text", "markdown"), default="text", help="form of the text column")
    ap.add_argument("--partitions", type=int, default=None, help="tasks to read with (default: one per file, at most the cores)")
    ap.add_argument("--keep-html", action="store_true", help="keep the html column in the output")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("boilerstrip-warc-to-parquet").getOrCreate()
    pages = read_warc(spark, expand(args.inputs), partitions=args.partitions)
    out = with_extracted(pages, "html", id_col="id", url_col="url", content_type_col="content_type",
                         input_type_col="input_type", options=Options(output=args.format), stats=True)
    if not args.keep_html:
        out = out.drop("html")
    out.write.mode("overwrite").parquet(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
