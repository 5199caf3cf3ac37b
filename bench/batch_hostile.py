"""A batch over 1,000 good pages mixed with 100 hostile files: one line per input, the
good ones analysed, and the time per document against a batch of the good pages alone.

    PYTHONPATH=src:tests python bench/batch_hostile.py [--good 1000] [--hostile 100] [--workers 2]

Both runs go through ``argmine batch`` in subprocesses on the same machine, one after
the other; the ratio says what the hostile files cost on top of the good ones.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from hostile_corpus import write_mix  # noqa: E402


def _batch(inputs: Path, output: Path, workers: int) -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "argmine.cli",
            "batch",
            str(inputs),
            "-o",
            str(output),
            "--no-progress",
            "--workers",
            str(workers),
        ],
        check=False,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--good", type=int, default=1000)
    parser.add_argument("--hostile", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_mix(tmp / "good", good=args.good, hostile=0)
        analysable, refused = write_mix(tmp / "mixed", good=args.good, hostile=args.hostile)
        baseline = _batch(tmp / "good", tmp / "good.jsonl", args.workers)
        seconds = _batch(tmp / "mixed", tmp / "mixed.jsonl", args.workers)
        lines = [json.loads(line) for line in (tmp / "mixed.jsonl").read_text(encoding="utf-8").splitlines()]
        inputs = [line["origin"]["input"] for line in lines]
        good = [line for line in lines if Path(line["origin"]["input"]).name.startswith(("page-", "billet-"))]
        errors = Counter(line["error"]["type"] for line in lines if "error" in line)
        print(f"inputs {analysable + refused}, lines {len(lines)}, distinct inputs {len(set(inputs))}")
        print(f"good pages analysed {sum('sentences' in line for line in good)} of {args.good}")
        print(f"hostile files refused {sum(errors.values())} of {refused} expected: {dict(errors)}")
        print(f"good alone:      {baseline:7.1f} s, {baseline / args.good * 1000:6.1f} ms a document (1.00x)")
        per_document = seconds / (analysable + refused)
        print(
            f"good + hostile:  {seconds:7.1f} s, {per_document * 1000:6.1f} ms a document "
            f"({per_document / (baseline / args.good):.2f}x)"
        )


if __name__ == "__main__":
    main()
