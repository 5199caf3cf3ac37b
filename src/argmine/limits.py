"""A wall-clock limit on one document's analysis, reusable by the CLI and the batch runner.

``time_limit`` arms a real-time timer (``SIGALRM``) around a block; when it fires, the
handler raises ``TimeLimitError`` in the thread running the block, so the caller gets an
ordinary exception it can turn into a one-line error or a batch's error record.

Why a signal and not a thread or a child process: the analysis runs where the models are
already loaded, and a signal interrupts it at the next bytecode boundary, including inside
a long regular-expression match or between spaCy components. A C call that never returns
to Python cannot be interrupted this way; argmine's input caps (``Options.max_input_bytes``
and ``Options.max_text_chars``) bound every such call.

The timer needs the main thread of a POSIX process (a CLI, a worker of a process pool).
Elsewhere (another thread, Windows) the block runs without a limit and ``time_limit``
says so by yielding ``False``.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from argmine.errors import TimeLimitError

MIN_REARM_SECONDS = 0.001


def can_limit_time() -> bool:
    """Whether ``time_limit`` can interrupt code run from the current thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, *, name: str = "input") -> Iterator[bool]:
    """Raise ``TimeLimitError`` naming ``name`` if the block runs longer than ``seconds``.

    ``None`` or 0 means no limit. Yields whether the limit is armed. Nested limits are not
    supported: an inner ``time_limit`` replaces the outer timer until it ends, then the
    outer one is re-armed with the time it has left (at least a millisecond).
    """
    if not seconds or seconds <= 0 or not can_limit_time():
        yield False
        return

    def expire(signum, frame):
        raise TimeLimitError(f"{name}: analysis took longer than the time limit of {seconds:g} s")

    previous_handler = signal.signal(signal.SIGALRM, expire)
    previous_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:
            left = previous_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, MIN_REARM_SECONDS))
