"""A source after a word that introduces it: "selon X", "d'après X" (attribution cues),
"citée par X" (a participle and its agent), a sentence-initial "Pour X," and a known
medium after a preposition of publication ("dans Le Soir")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from argmine.nlp.lexicons import WEEKDAYS, attribution_cues, fold, gazetteer_edge_words, study_nouns
from argmine.nlp.sources.document import doc_text
from argmine.nlp.sources.kinds import head_noun, is_source_like, is_typed_noun, is_vague
from argmine.nlp.sources.mention import Mention
from argmine.nlp.sources.names import gazetteer_entry, proper_names
from argmine.nlp.sources.spans import mention_from_tokens, next_nominal, phrase_mention

_VAGUE_QUANTIFIERS = {"plusieurs", "certains", "certaines", "quelques", "maints", "nombre", "divers", "diverses"}
_NAMED_TYPES = ("person", "organization", "media", "study")
_NOT_A_VIEW_HOLDER = {"eux", "nous", "moi", "vous", "toi"}
_PARTICIPLE_CUE = re.compile(
    r"\b(?:(?:cité|citée|cités|citées|interrogé|interrogée|interrogés|interrogées|interviewé|interviewée|"
    r"publié|publiée|publiés|publiées|réalisé|réalisée|réalisés|mené|menée|menés|commandé|commandée|"
    r"relayé|relayée|rapporté|rapportée|diffusé|diffusée)\s+(?:(?:chaque année|en \d{4}|récemment|hier|"
    r"cette semaine|ce mois-ci|cette année|l'an dernier|l'année dernière|la semaine dernière|le mois dernier|"
    rf"(?:{'|'.join(WEEKDAYS)})(?: dernier)?)\s+)?"
    r"(?:par|dans|avec|pour)"
    r"|[a-zàâçéèêëîïôûù]{3,}(?:é|ée|és|ées|is|ise|ises|us|ues)\s+(?:[\wàâçéèêëîïôûù'’-]+\s+){0,4}?par)\s+",
    re.I,
)
"""A participle and its agent: "citée par Radio-Canada", "les données compilées par l'IRBD",
"les 1 800 stations passées au crible par l'institut"."""
_INTERVIEWED = re.compile(r"(?:interrogé|interviewé|questionné|joint|contacté)e?s?\b", re.I)
_DEED_PARTICIPLE_STEMS = (
    "financ",
    "envoy",
    "détenu",
    "divis",
    "multipli",
    "défray",
    "adopté",
    "validé",
    "payé",
    "dirigé",
    "mandaté",
    "piégé",
    "génér",
    "lancé",
)
_MEDIA_CUE = re.compile(
    r"\b(?:dans les colonnes (?:de |du |d')|sur le plateau (?:de |du |d')|à l'antenne (?:de |du |d')|au micro (?:de |du |d')|"
    r"(?:un |l')article (?:de |du |d')|dans |sur |par |selon |pour |à |au )",
    re.I,
)


_ARTICLE_AND_CAPITAL = re.compile(r"(?i:le |la |les |l')[A-ZÀÂÇÉÈÊÎÔÛ0-9]")
"""A lower-case article before a title ("dans le Parisien"); "dans le monde" names none."""
_ARTICLE_AND_LOWER_CASE = re.compile(r"(?:le|la|les|l')\s?[a-zàâçéèêëîïôûù]")
_MEDIUM_TITLE = re.compile(
    r"(?:(?:Le|La|Les|L')\s?)?(?:Radio|Télé|TV|Journal|Gazette|Courrier|Hebdo|Quotidien|Nouvelliste|Écho|Echo|"
    r"Tribune|Dépêche|Voix|Réveil|Républicain|Progrès|Magazine|Revue)\b"
    r"(?:[- ](?:(?:de la |de l'|du |des |de |d')?[A-ZÀÂÇÉÈÊÎÔÛ0-9][\w'-]*))*"
)
"""An unknown medium's title: "Radio Saloum FM", "La Gazette de Namur", "Télé-Bruxelles Plus"."""


def cue_mentions(doc: Doc):
    lowered = doc_text(doc).lower()
    for cue in attribution_cues():
        position = lowered.find(cue)
        while position >= 0:
            end = position + len(cue)
            starts_word = position == 0 or not lowered[position - 1].isalnum()
            after = doc.char_span(end, end + 1, alignment_mode="expand") if end < len(doc_text(doc)) else None
            if starts_word and after is not None and (cue.endswith("'") or not lowered[end : end + 1].isalnum()):
                target = next_nominal(doc, after.start)
                if target is not None:
                    mention = phrase_mention(doc, target, doc_text(doc)[position:end], not_before=after.start)
                    if mention and is_source_like(doc, mention) and not _names_its_maker(doc, mention):
                        yield mention
            position = lowered.find(cue, end)


def _names_its_maker(doc: Doc, mention: Mention) -> bool:
    """ "d'après les chiffres que la coopérative a présentés", "selon un relevé publié par
    l'association": the maker named in the clause is the source, not the document. A
    study ("l'enquête menée par X") is cited with its maker, as one mention."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or head_noun(span).lower_ in study_nouns():
        return False
    after = doc[span.end : span.end + 3]
    if len(after) >= 2 and after[0].lower_ in ("que", "qu'") and after[1].pos_ in ("DET", "PROPN"):
        return True
    match = _PARTICIPLE_CUE.match(doc_text(doc), mention.end + 1)
    if match is not None and _INTERVIEWED.match(match.group(0)) and mention.type in ("person", "other"):
        return False  # "selon un pneumologue interrogé par France Info": both are sources
    return match is not None and not _is_a_deed(match.group(0))


def participle_mentions(doc: Doc):
    """ "citée par Radio-Canada", "publiée dans JAMA", "réalisé avec OpinionWay"."""
    for match in _PARTICIPLE_CUE.finditer(doc_text(doc)):
        after = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        target = next_nominal(doc, after.start) if after is not None else None
        if target is None:
            continue
        if _is_a_deed(match.group(0)) or _compares(match.group(0)) or _is_distributive(doc, match.end()):
            continue
        mention = phrase_mention(doc, target, match.group(0).strip(), not_before=after.start)
        if mention and (mention.keys or mention.type in ("media", "organization", "person", "study")):
            yield mention


def _is_a_deed(cue: str) -> bool:
    """ "financés par l'État", "envoyés par Orange Money", "les résumés générés par l'IA": the
    agent of paying, sending, holding or running something did a deed; it reports nothing.
    Any word of the cue counts, as the cue may open on a noun ("résumés")."""
    return any(word.startswith(_DEED_PARTICIPLE_STEMS) for word in cue.lower().split())


def _compares(cue: str) -> bool:
    """ "mieux par la lecture partagée que par des fiches": "que par" compares two means."""
    return " que " in f" {cue.lower()} "


def _is_distributive(doc: Doc, offset: int) -> bool:
    """ "5 euros par article", "19 ruches par kilomètre carré": "par" and a bare common
    noun make a rate, not an agent, which comes with a determiner or a name. The tagger
    often takes such a noun for a name or a verb, so a lower-case content word will do."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return False
    word = span[0]
    return (
        word.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")
        and word.text[:1].islower()
        and word.lower_ not in _VAGUE_QUANTIFIERS
    )


def pour_mentions(doc: Doc):
    """ "Pour Marion Durieux, trois gestes suffisent": a sentence-initial "Pour" and a
    noun phrase that can hold a view, closed by a comma, attribute the rest of the sentence."""
    for sentence in doc.sents:
        tokens = [t for t in sentence if not t.is_space]
        if len(tokens) < 4 or tokens[0].lower_ not in ("pour", "selon"):
            continue
        comma = next((t for t in tokens[1:12] if t.text == ","), None)
        if comma is None or comma.i - tokens[0].i < 2:
            continue
        mention = mention_from_tokens(doc, tokens[1], doc[comma.i - 1], tokens[0].text)
        if mention and _can_hold_a_view(doc, mention) and _says_something(sentence, comma):
            yield mention


def _can_hold_a_view(doc: Doc, mention: Mention) -> bool:
    """ "Pour le criminologue,", "Pour certains observateurs,", "Pour elle,": whoever can
    hold a view; not "Pour un agriculteur de la Drôme," or "Pour les produits frais,"
    (for whom something holds), whose head is a plain common noun, nor "Pour un physicien,"
    (anyone of a kind) or "Pour eux," (the people the text is about)."""
    text = doc_text(doc)[mention.start : mention.end]
    if text.lower() in _NOT_A_VIEW_HOLDER:
        return False
    if mention.anaphoric or is_vague(text):
        return True
    head = doc.char_span(mention.start, mention.end, alignment_mode="expand").root
    one_of_a_kind = text.lower().startswith(("un ", "une ")) and not head.text[:1].isupper()
    if one_of_a_kind or not mention.keys and mention.type not in _NAMED_TYPES:
        return False
    return mention.type == "person" or head.text[:1].isupper() or is_typed_noun(head) or head.pos_ == "PROPN"


def _says_something(sentence: Span, comma: Token) -> bool:
    """ "Pour le comité, Marc Gillard, président." signs a letter: no verb follows."""
    return any(token.pos_ in ("VERB", "AUX") for token in sentence[comma.i - sentence.start + 1 :])


def media_mentions(doc: Doc):
    """A known medium after a preposition of publication: "dans Le Soir", "sur franceinfo",
    "dans les colonnes du Monde" (where "du" holds the medium's article), "J'ai lu dans
    Ouest-France"."""
    text = doc_text(doc)
    first_words = gazetteer_edge_words()[0]
    for match in _MEDIA_CUE.finditer(text):
        rest = text[match.end() : match.end() + 60]
        if (
            not rest[:1].isupper()
            and not _ARTICLE_AND_CAPITAL.match(rest)
            and fold(rest.split(" ", 1)[0]) not in first_words
        ):
            continue
        article = "le " if match.group(0).lower().endswith(("du ", "au ")) else ""
        length = _known_medium_length(rest, article) or _titled_medium_length(doc, match.end(), rest)
        if length:
            span = doc.char_span(match.end(), match.end() + length, alignment_mode="expand")
            if span is not None:
                mention = Mention(span.start_char, span.end_char, "media", match.group(0).strip())
                mention.keys, mention.names = proper_names(span)
                yield mention


def _known_medium_length(rest: str, article: str) -> int:
    """The length of the gazetteer medium that opens ``rest``, longest first; a medium
    named by common words needs its capital ("dans Le Monde", not "dans le monde")."""
    ends = [m.start() for m in re.finditer(r"[\s,.;:!?»)]|$", rest)][:6]
    for length in reversed(ends):
        candidate = rest[:length]
        entry = gazetteer_entry(candidate) or (
            article and candidate[:1].isupper() and gazetteer_entry(article + candidate)
        )
        if length > 1 and entry and entry[1] == "media":
            return length if not _ARTICLE_AND_LOWER_CASE.match(candidate) else 0
    return 0


def _titled_medium_length(doc: Doc, offset: int, rest: str) -> int:
    """ "sur Radio Hexagone", "dans Le Courrier de Lanaudière", "dans L'Hebdo romand": a
    medium the gazetteer does not know, named by a capitalised word for a kind of medium,
    the capitalised words that follow it and a closing adjective."""
    title = _MEDIUM_TITLE.match(rest)
    if title is None:
        return 0
    length = title.end()
    adjective = re.match(r" ([a-zàâçéèêëîïôûù-]{4,})\b", rest[length:])
    if adjective:
        token = doc.char_span(offset + length + 1, offset + adjective.end() + length, alignment_mode="expand")
        if token is not None and len(token) == 1 and token[0].pos_ == "ADJ":
            length += adjective.end()
    return length
