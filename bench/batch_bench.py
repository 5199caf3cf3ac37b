"""Benchmark of ``argmine batch``: throughput against bare ``nlp.pipe``, scaling, memory.

Run from the repository root (takes several minutes; never part of the tests):

    PYTHONPATH=src python bench/batch_bench.py
    PYTHONPATH=src python bench/batch_bench.py --throughput-docs 100 --sizes 200,1000   # a quicker look

Prints, on the same texts (the corpus's documents cycled, each made unique by a first line):

1. throughput: argmine end to end (read .txt files, extract, spaCy, classify, write JSON
   Lines) with one worker in this process, against bare ``nlp.pipe`` with
   ``fr_core_news_sm`` (all its components) in this process; both warm;
2. scaling: ``argmine batch --workers 2`` against ``--workers 1``, each as its own command
   (wall time from start to exit, so both include loading the models);
3. memory: peak RSS of each worker process, for the two corpus sizes, and its growth.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLL_SECONDS = 0.25


def build_texts(count: int) -> list[str]:
    from argmine.corpus import load_corpus

    corpus = [document.text for document in load_corpus()]
    return [f"Billet {number + 1}\n\n{corpus[number % len(corpus)]}" for number in range(count)]


def write_texts(texts: list[str], directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(texts):
        (directory / f"billet-{number:05d}.txt").write_text(text, encoding="utf-8")
    return directory


def throughput(texts: list[str], workdir: Path) -> dict:
    import spacy

    from argmine.batch import run_batch
    from argmine.batch.work import load_models
    from argmine.options import Options

    directory = write_texts(texts, workdir / "throughput")
    nlp = spacy.load("fr_core_news_sm")
    list(nlp.pipe(texts[:16], batch_size=16))
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    bare = time.perf_counter() - started
    load_models(Options())
    started = time.perf_counter()
    summary = run_batch([str(directory)], output=workdir / "throughput.jsonl", workers=1)
    argmine = time.perf_counter() - started
    assert summary.status["ok"] == len(texts), summary.to_dict()
    return {
        "documents": len(texts),
        "bare_nlp_pipe_docs_per_s": round(len(texts) / bare, 2),
        "argmine_1_worker_docs_per_s": round(len(texts) / argmine, 2),
        "ratio_argmine_to_bare": round(bare / argmine, 3),
    }


def run_command(directory: Path, output: Path, workers: int) -> dict:
    """Run ``argmine batch`` as a command; wall time and peak RSS of each worker process."""
    import psutil

    command = [sys.executable, "-m", "argmine.cli", "batch", str(directory), "-o", str(output), "--no-progress"]
    command += ["--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    parent = psutil.Process(process.pid)
    peaks: dict[int, int] = {}
    roles: dict[int, str] = {}
    while process.poll() is None:
        try:
            processes = [parent, *parent.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for each in processes:
            try:
                rss = each.memory_info().rss
                if each.pid not in roles:
                    cmdline = " ".join(each.cmdline())
                    roles[each.pid] = (
                        "parent"
                        if each.pid == process.pid
                        else "tracker"
                        if "resource_tracker" in cmdline
                        else "worker"
                    )
            except psutil.NoSuchProcess:
                continue
            peaks[each.pid] = max(peaks.get(each.pid, 0), rss)
        time.sleep(POLL_SECONDS)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"argmine batch exited {process.returncode}")
    if workers == 1:
        worker_peaks = [peaks[process.pid]]
    else:
        worker_peaks = [peak for pid, peak in peaks.items() if roles.get(pid) == "worker"]
    documents = sum(1 for _ in output.open(encoding="utf-8"))
    return {
        "workers": workers,
        "documents": documents,
        "seconds": round(seconds, 1),
        "docs_per_s": round(documents / seconds, 2),
        "worker_peak_rss_mb": sorted(round(peak / 2**20) for peak in worker_peaks),
        "parent_peak_rss_mb": round(peaks[process.pid] / 2**20) if workers > 1 else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--throughput-docs", type=int, default=300)
    parser.add_argument("--sizes", default="1000,10000", help="Two corpus sizes for scaling and memory.")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    small, large = (int(size) for size in args.sizes.split(","))
    results: dict = {"cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="argmine-bench-") as temporary:
        workdir = Path(temporary)
        results["throughput"] = throughput(build_texts(args.throughput_docs), workdir)
        print(json.dumps(results["throughput"]), flush=True)
        texts = build_texts(large)
        small_dir = write_texts(texts[:small], workdir / f"docs-{small}")
        large_dir = write_texts(texts, workdir / f"docs-{large}")
        del texts
        one = run_command(small_dir, workdir / "one.jsonl", 1)
        print(json.dumps(one), flush=True)
        many = run_command(small_dir, workdir / "many.jsonl", args.workers)
        print(json.dumps(many), flush=True)
        results["scaling"] = {"one": one, "many": many, "ratio": round(one["seconds"] / many["seconds"], 3)}
        large_run = run_command(large_dir, workdir / "large.jsonl", args.workers)
        print(json.dumps(large_run), flush=True)
        growth = max(large_run["worker_peak_rss_mb"]) / max(many["worker_peak_rss_mb"]) - 1
        results["memory"] = {small: many, large: large_run, "growth": round(growth, 3)}
    print(json.dumps(results, indent=2))
    throughput_ratio = results["throughput"]["ratio_argmine_to_bare"]
    print(f"throughput, 1 worker / bare nlp.pipe: {throughput_ratio:.2f}x (target >= 0.8x)")
    print(f"scaling, {args.workers} workers / 1 worker on {small} documents: {results['scaling']['ratio']:.2f}x")
    print(
        f"peak RSS per worker: {max(many['worker_peak_rss_mb'])} MB at {small} documents, "
        f"{max(large_run['worker_peak_rss_mb'])} MB at {large} ({growth:+.1%})"
    )


if __name__ == "__main__":
    main()
