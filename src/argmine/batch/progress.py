"""Progress on standard error: a bar on a terminal, plain periodic lines otherwise.

Nothing goes to standard output, so ``-o -`` stays clean JSON Lines.
"""

from __future__ import annotations

import sys
import time

PROGRESS_INTERVAL_SECONDS = 10.0
"""Between two plain progress lines when standard error is not a terminal (a log, CI)."""


class Progress:
    def __init__(self, *, enabled: bool = True, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.done = 0
        self.errors = 0
        self.started = time.monotonic()
        self._last_line = self.started
        self._bar = None
        if enabled and hasattr(self.stream, "isatty") and self.stream.isatty():
            from tqdm import tqdm

            self._bar = tqdm(file=self.stream, unit="doc", dynamic_ncols=True, desc="argmine batch", smoothing=0.05)

    @property
    def has_bar(self) -> bool:
        return self._bar is not None

    def set_total(self, total: int) -> None:
        """Known once the inputs are counted (on a terminal, in the background): gives the ETA."""
        if self._bar is not None:
            self._bar.total = total
            self._bar.refresh()

    def update(self, status: str) -> None:
        self.done += 1
        self.errors += status == "error"
        if self._bar is not None:
            self._bar.update(1)
            if status == "error":
                self._bar.set_postfix(errors=self.errors, refresh=False)
            return
        now = time.monotonic()
        if self.enabled and now - self._last_line >= PROGRESS_INTERVAL_SECONDS:
            self._last_line = now
            rate = self.done / max(now - self.started, 1e-9)
            print(
                f"argmine batch: {self.done} documents, {self.errors} errors, {rate:.1f} docs/s",
                file=self.stream,
                flush=True,
            )

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
