"""The batch's JSON Lines output: one line per input, crash-safe, resumable.

Each line goes to the file in a single ``write`` on an unbuffered descriptor, so a kill
at any instant leaves at most one incomplete last line; ``--resume`` cuts that line off,
then reads back which inputs are done (``origin.input``) and which main texts were
already analysed, so every input ends up exactly once.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

from argmine.batch.work import text_hash
from argmine.errors import InputError

TAIL_BLOCK_BYTES = 64 * 1024


class BatchOutput:
    """Where lines go; after ``open``, ``done`` holds the keys already written."""

    def __init__(self, path: Path | None, *, resume: bool = False) -> None:
        self.path = path
        self.done: set[str] = set()
        self.first_of_text: dict[str, str] = {}
        """Main text hash -> id of the record that analysed it."""
        self.previous: Counter = Counter()
        """Statuses of the lines found on resume."""
        self.repaired_bytes = 0
        if path is None:
            if resume:
                raise InputError("--resume needs an output file, not standard output")
            self._fd = None
            return
        if resume and path.exists():
            self.repaired_bytes = _cut_partial_line(path)
            self._read_back(path)
            flags = os.O_WRONLY | os.O_APPEND
        else:
            flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
        try:
            self._fd = os.open(path, flags, 0o644)
        except OSError as error:
            raise InputError(f"{path}: cannot write ({error.strerror or error})") from None

    def write(self, line: str) -> None:
        data = (line + "\n").encode("utf-8")
        if self._fd is None:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        while data:
            written = os.write(self._fd, data)
            data = data[written:]

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _read_back(self, path: Path) -> None:
        with path.open("r", encoding="utf-8") as stream:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    key = record["origin"]["input"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    raise InputError(f"{path}:{number}: not a line argmine batch wrote; cannot resume") from None
                self.done.add(key)
                if "error" in record:
                    self.previous["error"] += 1
                elif "duplicate_of" in record:
                    self.previous["duplicate"] += 1
                else:
                    self.previous["ok"] += 1
                    self.first_of_text.setdefault(text_hash(record["text"]), record["id"])


def _cut_partial_line(path: Path) -> int:
    """Truncate ``path`` after its last newline; return how many bytes went."""
    with path.open("rb+") as stream:
        size = stream.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            start = max(0, end - TAIL_BLOCK_BYTES)
            stream.seek(start)
            block = stream.read(end - start)
            newline = block.rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            end = start
        else:
            keep = 0
        if keep < size:
            stream.truncate(keep)
        return size - keep
