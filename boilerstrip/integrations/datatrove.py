"""A DataTrove extractor step: boilerstrip in place of Trafilatura in a DataTrove pipeline.

    from datatrove.pipeline.readers import WarcReader
    from boilerstrip.integrations.datatrove import Boilerstrip

    pipeline = [WarcReader("s3://commoncrawl/crawl-data/..."), Boilerstrip(favor="precision"), ...]

DataTrove runs each document in a sandbox process under ``timeout`` and counts
failures (its ``clean_error``, ``timeout`` and ``broken_process`` stats), as
``boilerstrip batch`` does; a page without main content is dropped. Only the
text reaches the document: title and language are not among the fields
DataTrove's extractor base class passes on.

DataTrove is not a dependency of boilerstrip: ``pip install datatrove``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..api import extract
from ..options import Options, resolve_options

try:
    from datatrove.pipeline.extractors.base import BaseExtractor
except ImportError as exc:  # pragma: no cover -- depends on the environment
    raise ImportError("boilerstrip.integrations.datatrove needs DataTrove: pip install datatrove") from exc

__all__ = ["Boilerstrip"]


class Boilerstrip(BaseExtractor):  # type: ignore[misc]  # DataTrove ships no type information
    """Extract the main content of each document's HTML with boilerstrip.

    Args:
        options: how to extract (``Options.output`` "text" or "markdown" suit a text corpus).
        timeout: seconds per document (DataTrove's default of 1 s suits most pages;
            the largest pages take longer).
        settings: Options field names, a shortcut for ``options=Options(...)``.
    """

    name = "🧹 Boilerstrip"
    _requires_dependencies: ClassVar[list[str]] = ["boilerstrip"]

    def __init__(self, options: Options | None = None, timeout: float = 1.0, **settings: Any) -> None:
        super().__init__(timeout)
        self.options = resolve_options(options, settings)

    def extract(self, text: str) -> str:
        """The main content of one page (DataTrove passes the document's HTML as ``text``)."""
        return extract(text, options=self.options)
