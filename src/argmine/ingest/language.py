"""Language identification of the main text, with py3langid (no model download)."""

from __future__ import annotations

SAMPLE_CHARS = 2000
"""Enough for a stable answer on French pages; the whole text cost a tenth of a document's time."""
MIN_CHARS = 20
"""Below this length an identification is noise; the text is assumed French."""


def identify_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or ``None`` for too little text."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None
    import py3langid

    language, _score = py3langid.classify(sample)
    return language
