"""argmine's exceptions: one root, a subclass per stage.

    ArgmineError
    ├── InputError          the source cannot be read: missing file, empty, too large
    │   ├── DecodeError     bytes that are binary or in no encoding argmine can tell
    │   └── ExtractionError a page with no main text
    ├── FetchError          a URL that cannot be fetched: network, status, size, type, scheme
    ├── ModelError          a model file that is missing, unreadable or untrusted
    └── TimeLimitError      a document whose analysis outran ``Options.time_limit``

The class name and the message become a batch's ``error`` record and the CLI's one-line
error, so messages name the input and the reason, in one line.
"""

from __future__ import annotations


class ArgmineError(Exception):
    """Root of every error argmine raises on purpose."""

    exit_code = 1


class InputError(ArgmineError):
    exit_code = 3


class DecodeError(InputError):
    exit_code = 4


class ExtractionError(InputError):
    exit_code = 5


class FetchError(ArgmineError):
    exit_code = 6


class ModelError(ArgmineError):
    exit_code = 7


class TimeLimitError(ArgmineError):
    exit_code = 8
