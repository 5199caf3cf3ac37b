"""The spaCy stage: argmine's components on a French pipeline.

Components (registered factories, usable on any French pipeline):
``argmine_sentences`` (before the parser), ``argmine_sources``, ``argmine_quotes``,
``argmine_claims``. ``load_pipeline`` builds argmine's own pipeline from them.
"""

from __future__ import annotations

from functools import lru_cache

from argmine.errors import ModelError

DEFAULT_MODEL = "fr_core_news_sm"
UNUSED_COMPONENTS = ("lemmatizer",)
"""argmine matches word forms, not lemmas (the French lemmatizer leaves "estime" or
"montre" as they are anyway); without it the spaCy stage and source finding take a
third less time, with source typing no worse (``bench/spacy_components.py``)."""


@lru_cache(maxsize=2)
def load_pipeline(model: str = DEFAULT_MODEL):
    """The spaCy pipeline with argmine's components, loaded once per process."""
    import spacy

    from argmine.nlp import claims, quotes, sentences, sources  # noqa: F401  (registers factories)

    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as error:
        raise ModelError(f"spaCy model {model!r} is not installed: {error}") from None
    nlp.add_pipe("argmine_sentences", before="parser")
    nlp.add_pipe("argmine_sources")
    nlp.add_pipe("argmine_quotes")
    nlp.add_pipe("argmine_claims")
    return nlp


def make_doc(nlp, text: str, links=()):
    """A Doc over the normalised text (same offsets), carrying the page's links."""
    from argmine.nlp.normalize import normalize
    from argmine.nlp.sources import register_extensions

    register_extensions()
    doc = nlp.make_doc(normalize(text))
    doc._.argmine_links = [(link.start, link.end, link.href) for link in links]
    return doc
