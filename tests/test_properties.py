"""Invariants over arbitrary input (hypothesis): offsets, coverage, schema, normalisation.

Pure functions get a few hundred examples; the full analysis, with the real spaCy model
and classifier, gets 25, which keeps this file to a few seconds.
"""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmine.analysis import validate
from argmine.errors import ArgmineError, DecodeError
from argmine.ingest import document_from_text
from argmine.ingest.decode import decode_bytes
from argmine.ingest.text import parse_text
from argmine.nlp.normalize import _ONE_FOR_ONE, normalize

PURE = settings(max_examples=300, deadline=None, database=None)
WITH_MODEL = settings(
    max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

WORDS = (
    "le la les un une des selon une étude de l'Insee publiée mardi 61 % Français soutiennent réforme "
    "il est précipité de croire que Méfiez-vous moyennes ÉTAT FRANÇAIS OMS d’après « » “ ” — … ? ! . , ; : "
    "\n \n\n # > - * ** [lien](https://exemple.fr) ` _ ( ) \u00a0 \u202f \u200b \ufeff \t"
).split(" ")
french_like = st.lists(st.sampled_from(WORDS + ["\n", "\n\n", " "]), max_size=80).map(" ".join)
any_text = st.text(max_size=400)
mixed_text = st.one_of(french_like, any_text, st.lists(st.one_of(french_like, any_text), max_size=4).map("".join))


@PURE
@given(any_text)
def test_normalize_keeps_length_and_every_offset(text):
    normalized = normalize(text)
    assert len(normalized) == len(text)
    for original, seen in zip(text, normalized):
        assert seen == original or seen == original.translate(_ONE_FOR_ONE) or seen == original.lower()


@PURE
@given(st.binary(max_size=3000))
def test_decode_bytes_gives_text_or_a_decode_error(data):
    try:
        text, encoding = decode_bytes(data, name="octets")
    except DecodeError as error:
        assert str(error).startswith("octets: ")
    else:
        assert isinstance(text, str) and encoding


@PURE
@given(french_like, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]))
def test_unicode_encodings_round_trip(text, encoding):
    text = "Selon l'étude, « tout change » déjà. " + text
    assert decode_bytes(text.encode(encoding))[0].strip("\ufeff") == text.strip("\ufeff")


@PURE
@given(mixed_text)
def test_parse_text_paragraphs_are_ordered_spans_of_the_text(raw):
    document = parse_text(raw)
    previous_end = 0
    for paragraph in document.paragraphs:
        assert previous_end <= paragraph.start < paragraph.end <= len(document.text)
        chunk = document.text[paragraph.start : paragraph.end]
        assert chunk == chunk.strip() and chunk
        previous_end = paragraph.end
    for link in document.links:
        assert 0 <= link.start < link.end <= len(document.text)


html_blocks = st.lists(
    st.tuples(st.sampled_from(["p", "h2", "blockquote", "li", "div", "script", "b"]), mixed_text),
    min_size=1,
    max_size=6,
)


@settings(max_examples=60, deadline=None, database=None)
@given(html_blocks, st.booleans())
def test_parse_html_gives_a_document_or_an_argmine_error(blocks, close_tags):
    body = "".join(f"<{tag}>{text}" + (f"</{tag}>" if close_tags else "") for tag, text in blocks)
    try:
        document = document_from_text(f"<html><body><article>{body}</article></body></html>", html=True)
    except ArgmineError:
        return
    for paragraph in document.paragraphs:
        assert 0 <= paragraph.start < paragraph.end <= len(document.text)


def _offsets(record: dict):
    for key in ("paragraphs", "sentences", "claims", "quotes"):
        for item in record[key]:
            yield item["start"], item["end"]
    for source in record["sources"]:
        for mention in source["mentions"]:
            yield mention["start"], mention["end"]


@WITH_MODEL
@given(mixed_text)
def test_analysis_invariants_hold_for_arbitrary_text(analyzer, raw):
    try:
        document = document_from_text(raw, name="texte.txt", html=False)
    except ArgmineError:
        return
    record = analyzer.analyze_document(document).to_dict()
    validate(record)
    text = record["text"]
    for start, end in _offsets(record):
        assert 0 <= start <= end <= len(text)
    covered = [False] * len(text)
    previous_end = 0
    for sentence in record["sentences"]:
        assert previous_end <= sentence["start"] < sentence["end"]
        previous_end = sentence["end"]
        covered[sentence["start"] : sentence["end"]] = [True] * (sentence["end"] - sentence["start"])
    uncovered = {c for c, seen in zip(text, covered) if not seen}
    assert all(c.isspace() for c in uncovered), uncovered
    ids = {s["id"] for s in record["sentences"]}
    for relation in record["relations"]:
        assert relation["from"] in ids and relation["to"] in ids


@WITH_MODEL
@given(st.text(alphabet=string.ascii_letters + "éèàç  .,;«»'’\n", min_size=1, max_size=300))
def test_analysis_of_a_text_of_letters_and_punctuation_validates(analyzer, raw):
    try:
        document = document_from_text(raw, name="lettres.txt", html=False)
    except ArgmineError:
        return
    validate(analyzer.analyze_document(document).to_dict())
