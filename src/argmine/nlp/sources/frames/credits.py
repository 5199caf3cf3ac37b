"""Credit lines ("Source : ..."), credits in brackets ("(source : Insee)"), URLs in the
text and the page's hyperlinks (``Doc._.argmine_links``)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from argmine.nlp.sources.document import CREDIT_PATTERN, doc_text
from argmine.nlp.sources.kinds import URL_PATTERN, mention_type
from argmine.nlp.sources.mention import Mention
from argmine.nlp.sources.names import proper_names, url_keys

_CREDIT_IN_BRACKETS = re.compile(r"\((?:source|sources)\s*:?\s+([^():]{2,120})(?:\s:[^()]*)?\)", re.I)
_INNER_CREDIT = re.compile(r"(?:^|[/|•–—-]\s*)(?:source|sources|crédits?|credits?)\s*:\s*", re.I)


def credit_mentions(doc: Doc):
    for line_start, line in _lines_and_sentences(doc):
        credit = CREDIT_PATTERN.match(line)
        if not credit or len(line) > 200:
            continue
        last_credit = next(reversed(list(_INNER_CREDIT.finditer(line))), None)
        if last_credit is not None and last_credit.end() > credit.end():
            credit = last_credit
        if _credits_a_picture(credit.group(0)):
            continue
        start = line_start + credit.end()
        end = line_start + len(line)
        while end > start and doc_text(doc)[end - 1] in " .;\u00a0":
            end -= 1
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            mention = Mention(span.start_char, span.end_char, mention_type(span), line[: credit.end()].strip())
            mention.keys, mention.names = proper_names(span)
            yield mention


def _lines_and_sentences(doc: Doc):
    """Each line, then each sentence that does not open a line: a credit may close a
    paragraph ("... compensé par des crédits carbone. Source : Rapport Apple.")."""
    text = doc_text(doc)
    starts = set()
    for match in re.finditer(r"(?m)^[^\n]*$", text):
        starts.add(match.start())
        yield match.start(), match.group(0)
    for sentence in doc.sents:
        if sentence.start_char not in starts:
            yield sentence.start_char, text[sentence.start_char : sentence.end_char].split("\n")[0]


def _credits_a_picture(credit: str) -> bool:
    """ "Photo : ... / Crédit : Julien Carrière", "Photo : la cour (© Association X)": the
    author of a picture is credited, not a source of the text; only "Source :" cites one."""
    return not credit.strip(" /|•–—-").lower().startswith("source")


def bracket_credit_mentions(doc: Doc):
    """ "(source : Our World in Data)", "(sources Insee)": a credit inside a sentence, up to
    a colon that opens the title of the figure it credits."""
    for match in _CREDIT_IN_BRACKETS.finditer(doc_text(doc)):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is not None and len(span):
            mention = Mention(span.start_char, span.end_char, mention_type(span), "source")
            mention.keys, mention.names = proper_names(span)
            yield mention


def url_mentions(doc: Doc):
    for match in URL_PATTERN.finditer(doc_text(doc)):
        mention = Mention(match.start(), match.end(), "url", "url")
        mention.keys, mention.names = url_keys(match.group(0))
        yield mention


def link_mentions(doc: Doc):
    for start, end, href in doc._.argmine_links or ():
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        mention = Mention(span.start_char, span.end_char, "url", "lien")
        mention.keys, mention.names = url_keys(href)
        yield mention
