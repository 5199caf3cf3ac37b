"""Time and peak memory of the worst inputs argmine accepts or refuses, against a baseline.

    PYTHONPATH=src python bench/hostile_limits.py

Each case runs in a fresh process (models loaded, as in ``argmine analyze``) and reports
its wall time and peak resident memory; the ratios are against the bundled example
analysed the same way. The README's stated bounds ("Limits and errors") come from here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PARAGRAPH = (
    "Faut-il interdire les écrans avant trois ans ? Selon une étude de Santé publique France "
    "publiée en février, 44 % des enfants de deux ans passent plus d'une heure par jour devant un écran. "
    "Il serait hâtif d'y voir la seule cause des retards de langage : le milieu familial pèse davantage."
)
TWENTY_MB = 20 * 1024 * 1024 - 1

CHILD = """
import json, resource, sys, time
from argmine import Analyzer, ArgmineError, Options
options = Options(**json.loads(sys.argv[2]))
analyzer = Analyzer(options=options)
analyzer.nlp, analyzer.classifier
started = time.perf_counter()
try:
    outcome = f"{len(analyzer.analyze(sys.argv[1]).sentences)} sentences"
except ArgmineError as error:
    outcome = f"{type(error).__name__} (exit {error.exit_code})"
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "outcome": outcome}))
"""


def _cases(directory: Path) -> list[tuple[str, Path, dict]]:
    text = (PARAGRAPH + "\n\n").encode()
    big_text = directory / "vingt-mega.txt"
    big_text.write_bytes((text * (TWENTY_MB // len(text) + 1))[:TWENTY_MB])
    big_html = directory / "vingt-mega.html"
    paragraphs, size, number = [], 200, 0
    while size < TWENTY_MB - 1000:
        number += 1
        paragraphs.append(f"<p>{PARAGRAPH} (Note {number}.)</p>\n".encode())  # trafilatura drops repeats
        size += len(paragraphs[-1])
    body = b"".join(paragraphs)
    big_html.write_bytes(b"<html><head><title>Gros</title></head><body><article>" + body + b"</article></body></html>")
    deep = directory / "profond.html"
    deep.write_text("<html><body>" + "<div>" * 60_000 + f"<p>{PARAGRAPH}</p>" + "</body></html>", encoding="utf-8")
    return [
        ("baseline: the bundled example", REPO / "examples" / "teletravail-productivite.txt", {}),
        ("20 MB text, refused (default)", big_text, {}),
        ("20 MB text, truncated to 1,000,000 characters", big_text, {"long_text": "truncate"}),
        ("20 MB HTML page, refused (default)", big_html, {}),
        ("20 MB HTML page, truncated", big_html, {"long_text": "truncate"}),
        ("HTML nested 60,000 levels", deep, {}),
    ]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        baseline = None
        for title, path, options in _cases(Path(tmp)):
            result = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), json.dumps(options)],
                capture_output=True,
                text=True,
                check=True,
                env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
            )
            figures = json.loads(result.stdout.strip().splitlines()[-1])
            baseline = baseline or figures
            print(
                f"{title:48} {figures['seconds']:7.2f} s ({figures['seconds'] / baseline['seconds']:6.1f}x)"
                f" {figures['peak_mb']:6.0f} MB peak ({figures['peak_mb'] / baseline['peak_mb']:4.1f}x)"
                f"  {figures['outcome']}",
                flush=True,
            )


if __name__ == "__main__":
    main()
