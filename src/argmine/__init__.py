"""argmine: the structure of French blog and news arguments, as JSON.

    >>> import argmine
    >>> analysis = argmine.analyze("article.html")
    >>> analysis.to_dict()["sentences"][0]["label"]

The spaCy model and the classifier load on first use, once per process.
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from argmine.analysis import Analysis  # noqa: E402
from argmine.analyzer import Analyzer  # noqa: E402
from argmine.errors import (  # noqa: E402
    ArgmineError,
    DecodeError,
    ExtractionError,
    FetchError,
    InputError,
    ModelError,
)
from argmine.options import Options  # noqa: E402

__all__ = [
    "Analysis",
    "Analyzer",
    "ArgmineError",
    "DecodeError",
    "ExtractionError",
    "FetchError",
    "InputError",
    "ModelError",
    "Options",
    "analyze",
    "__version__",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

_default_analyzer: Analyzer | None = None


def analyze(source, *, options: Options | None = None) -> Analysis:
    """Analyse a file path, an http(s) URL or ``-`` (stdin), like ``argmine analyze``."""
    global _default_analyzer
    if options is not None:
        return Analyzer(options=options).analyze(source)
    if _default_analyzer is None:
        _default_analyzer = Analyzer()
    return _default_analyzer.analyze(source)
