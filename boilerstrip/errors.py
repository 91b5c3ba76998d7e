"""The exceptions boilerstrip raises.

Every error the library raises on purpose derives from one base class::

    BoilerstripError
    ├── DecodeError      # bytes we cannot turn into text
    ├── ParseError       # the parser gave up
    ├── InputTooLargeError(DecodeError)  # input over Options.max_bytes
    └── OptionsError(BoilerstripError, ValueError)  # a bad setting or argument
"""

from __future__ import annotations

__all__ = ["BoilerstripError", "DecodeError", "InputTooLargeError", "OptionsError", "ParseError"]


class BoilerstripError(Exception):
    """Base class of every error boilerstrip raises on purpose."""


class DecodeError(BoilerstripError):
    """The input bytes cannot be turned into text."""


class InputTooLargeError(DecodeError):
    """The input is larger than ``Options.max_bytes`` and truncation is off."""


class ParseError(BoilerstripError):
    """The HTML parser gave up on the input."""


class OptionsError(BoilerstripError, ValueError):
    """A setting or argument has a value that is not allowed."""
