"""Build the optional compiled walker (boilerstrip/parse/_walk.pyx); everything else is in pyproject.toml.

The extension is optional: when Cython or a C compiler is missing, or the compile fails,
the install still succeeds and boilerstrip runs its pure-Python walk (same output, slower).
"""

from __future__ import annotations

import os

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class _OptionalBuildExt(build_ext):
    """build_ext that warns instead of failing when the compiled walker does not build."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # no compiler, missing headers ...
            self._skip(exc)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:
            self._skip(exc)

    def _skip(self, exc: Exception) -> None:
        if os.environ.get("BOILERSTRIP_REQUIRE_COMPILED") == "1":
            raise exc
        print(f"WARNING: boilerstrip's compiled walker was not built ({exc}); the pure-Python walk is used")


def _extensions() -> list[Extension]:
    exts = [
        Extension("boilerstrip.parse._walk", ["boilerstrip/parse/_walk.pyx"], optional=True),
        # Compiled twins of features', score's and smooth's per-page steps.
        Extension("boilerstrip._kernels", ["boilerstrip/_kernels.pyx"], optional=True),
    ]
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("WARNING: Cython is not installed; boilerstrip's compiled walker is not built")
        return []
    try:
        return list(cythonize(exts, compiler_directives={"language_level": "3"}, quiet=True))
    except Exception as exc:  # a Cython error: still install the pure-Python package
        print(f"WARNING: boilerstrip's compiled walker could not be cythonized ({exc})")
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": _OptionalBuildExt})
