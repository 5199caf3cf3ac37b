"""A batch's summary: counts by status, label and source type, throughput, slowest documents.

Bounded whatever the corpus size: counters and a heap of the few slowest documents.
"""

from __future__ import annotations

import heapq
import json
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from argmine.batch.work import Outcome

SLOWEST_KEPT = 10


@dataclass
class Summary:
    backend: str
    workers: int
    status: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    source_types: dict[str, Counter] = field(default_factory=dict)
    previous: Counter = field(default_factory=Counter)
    """Statuses of the lines already in the output when resuming."""
    skipped: int = 0
    """Inputs already in the output when resuming."""
    repeated: int = 0
    """Inputs named more than once (a file and a glob that matches it): run once."""
    repaired_bytes: int = 0
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0
    _slowest: list = field(default_factory=list)

    def add(self, outcome: Outcome, status: str) -> None:
        self.status[status] += 1
        self.source_types.setdefault(outcome.kind, Counter())[status] += 1
        if status == "ok":
            self.labels.update(dict(outcome.labels))
        entry = (outcome.seconds, outcome.key, outcome.id)
        if len(self._slowest) < SLOWEST_KEPT:
            heapq.heappush(self._slowest, entry)
        else:
            heapq.heappushpop(self._slowest, entry)

    def finish(self) -> None:
        self.seconds = time.perf_counter() - self.started

    @property
    def documents(self) -> int:
        return sum(self.status.values())

    @property
    def failed(self) -> int:
        """Error lines in the whole output, this run's and those found on resume."""
        return self.status["error"] + self.previous["error"]

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "status": {name: self.status[name] for name in ("ok", "error", "duplicate")},
            "labels": dict(sorted(self.labels.items())),
            "source_types": {kind: dict(counts) for kind, counts in sorted(self.source_types.items())},
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.documents / self.seconds, 2) if self.seconds else None,
            "slowest": [
                {"input": key, "id": record_id, "seconds": round(seconds, 3)}
                for seconds, key, record_id in sorted(self._slowest, reverse=True)
            ],
            "backend": self.backend,
            "workers": self.workers,
            "repeated_inputs": self.repeated,
            "resume": {"skipped": self.skipped, "previous": dict(self.previous), "repaired_bytes": self.repaired_bytes},
        }

    def format(self) -> str:
        data = self.to_dict()
        status = ", ".join(f"{count} {name}" for name, count in data["status"].items())
        lines = [
            f"argmine batch: {data['documents']} documents in {data['seconds']:.1f} s "
            f"({data['docs_per_second'] or 0:.2f} docs/s, {self.backend}, {self.workers} worker(s)): {status}"
        ]
        if self.skipped or self.previous:
            lines.append(
                f"  resumed: {self.skipped} inputs skipped, {sum(self.previous.values())} lines kept"
                + (f", {self.repaired_bytes} bytes of a partial line cut" if self.repaired_bytes else "")
            )
        if self.repeated:
            lines.append(f"  {self.repeated} inputs named more than once, run once")
        if data["labels"]:
            lines.append("  labels: " + ", ".join(f"{label} {count}" for label, count in data["labels"].items()))
        for kind, counts in data["source_types"].items():
            lines.append(f"  {kind}: " + ", ".join(f"{count} {name}" for name, count in sorted(counts.items())))
        if data["slowest"]:
            lines.append("  slowest: " + ", ".join(f"{s['input']} ({s['seconds']:.2f} s)" for s in data["slowest"][:5]))
        return "\n".join(lines)

    def write(self, path: Path) -> None:
        """Write the summary as JSON, atomically (a temporary file renamed into place)."""
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, path)


def summary_path(output: Path) -> Path:
    """``out.jsonl`` -> ``out.summary.json``."""
    return output.with_suffix(".summary.json") if output.suffix else output.with_name(output.name + ".summary.json")
