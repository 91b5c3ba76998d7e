"""boilerstrip: strip the boilerplate from web pages and keep the main content.

>>> from boilerstrip import extract
>>> extract(b"<nav><a href='/'>Home</a></nav><article><p>" + b"Words of a real article. " * 8 + b"</p></article>")[:24]
'Words of a real article.'
"""

from __future__ import annotations

from .api import extract, extract_blocks, extract_full
from .document import Block, Document, Extraction, Reason
from .errors import BoilerstripError, DecodeError, InputTooLargeError, OptionsError, ParseError
from .options import Options

__version__ = "0.1.0"

__all__ = [
    "Block",
    "BoilerstripError",
    "DecodeError",
    "Document",
    "Extraction",
    "InputTooLargeError",
    "Options",
    "OptionsError",
    "ParseError",
    "Reason",
    "__version__",
    "extract",
    "extract_blocks",
    "extract_full",
]
