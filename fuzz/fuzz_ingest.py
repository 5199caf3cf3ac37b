"""Coverage-guided fuzzing of argmine's ingest parsers with atheris.

    python fuzz/fuzz_ingest.py decode -atheris_runs=200000
    python fuzz/fuzz_ingest.py text   -max_total_time=600
    python fuzz/fuzz_ingest.py html   -max_total_time=600 -timeout=10 /tmp/fuzz-html fuzz/seeds/html

The first argument picks the target (decode_bytes, parse_text, parse_html); the others
go to libFuzzer. A target may raise ``ArgmineError`` (the clean refusal); any other
exception, or an input slower than ``-timeout`` seconds, is a finding, saved by
libFuzzer as ``crash-*`` or ``timeout-*`` in the current directory.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import trafilatura  # noqa: F401  (imported here to be instrumented: parse_html imports it lazily)

    from argmine.errors import ArgmineError
    from argmine.ingest.decode import decode_bytes
    from argmine.ingest.html import parse_html
    from argmine.ingest.text import parse_text
    from argmine.options import Options

OPTIONS = Options()


def _decode(data: bytes) -> None:
    try:
        text, _ = decode_bytes(data, name="fuzz")
    except ArgmineError:
        return
    assert isinstance(text, str)


def _text(data: bytes) -> None:
    raw = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    document = parse_text(raw)
    for paragraph in document.paragraphs:
        assert 0 <= paragraph.start < paragraph.end <= len(document.text)


def _html(data: bytes) -> None:
    raw = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    try:
        document = parse_html(raw, options=OPTIONS)
    except ArgmineError:
        return
    for paragraph in document.paragraphs:
        assert 0 <= paragraph.start < paragraph.end <= len(document.text)


TARGETS = {"decode": _decode, "text": _text, "html": _html}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
