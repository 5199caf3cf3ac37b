"""A source as the noun phrase or pronoun just left of a reporting verb ("La FSMA rappelle
que", "font valoir"), past adverbs, auxiliaries and incises, when the parser found no subject."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from argmine.nlp.lexicons import source_verb_forms
from argmine.nlp.sources.document import doc_tokens
from argmine.nlp.sources.frames.reporting import attributes_nothing
from argmine.nlp.sources.kinds import OF_WORDS, PRONOUNS, head_noun, is_source_like, is_typed_noun
from argmine.nlp.sources.mention import Mention
from argmine.nlp.sources.names import is_misread_opener
from argmine.nlp.sources.spans import mention_from_tokens

_SUBJECT_ADVERBS = {
    "pourtant",
    "toujours",
    "aussi",
    "d'ailleurs",
    "lui",
    "elle",
    "eux",
    "même",
    "encore",
    "déjà",
    "donc",
    "ainsi",
    "également",
    "plutôt",
    "toutefois",
    "cependant",
    "ne",
    "n'",
}
_AUXILIARIES = {
    "a",
    "ont",
    "avait",
    "avaient",
    "aura",
    "auront",
    "aurait",
    "auraient",
    "est",
    "sont",
    "était",
    "étaient",
}
_PLURAL_DETERMINERS = {"les", "des", "ces", "nos", "vos", "leurs", "plusieurs", "certains", "certaines"}
_SINGULAR_DETERMINERS = {"le", "la", "l'", "un", "une", "ce", "cet", "cette", "son", "sa", "notre", "votre", "leur"}
_PASSIVE_AUXILIARIES = {"est", "sont", "était", "étaient", "sera", "seront"}
_OBJECT_CLITICS = {"le", "la", "les", "l'", "en", "y", "lui", "leur", "nous", "vous", "me", "m'"}
_FAIRE_FORMS = frozenset({"fait", "font", "faisait", "faisaient", "fera", "feront"})
_METTRE_FORMS = frozenset({"met", "mettent", "mettait", "mettaient", "mis", "mettra"})
_PHRASAL_VERB_FORMS = _FAIRE_FORMS | _METTRE_FORMS
_OPENING_QUOTES = {"«", '"', "“"}
_NP_POS = {"DET", "NOUN", "PROPN", "ADJ", "ADP", "NUM"}
_NOT_A_COMPLEMENT = OF_WORDS | {"comme"}
"""Words tagged as prepositions that may open a subject ("des chercheurs", "comme
l'organisme estime"); after any other preposition ("rencontrés à Soubré", "suivi sur
LinkedIn") the noun phrase is a complement and the subject is elsewhere."""
MAX_INCISE_TOKENS = 12


def left_subject_mentions(doc: Doc):
    """ "La FSMA rappelle que": the tagger often takes the verb for a noun and no subject
    is parsed; the noun phrase just left of a reporting verb form that opens a "que",
    quote or colon clause is its subject."""
    forms = source_verb_forms()
    for verb in doc_tokens(doc):
        phrasal = verb.lower_ in _PHRASAL_VERB_FORMS and _is_phrasal_cue(verb)
        if verb.lower_ not in forms and not phrasal or verb.i + 1 >= len(doc) or verb.i == 0:
            continue
        if attributes_nothing(verb) or _after_its_determiner(verb):
            continue
        cue = doc[verb.i : verb.i + (3 if doc[verb.i + 1].lower_ == "en" else 2)].text if phrasal else verb.text
        following = doc[verb.i + 1 : verb.i + 7]
        says_a_clause = phrasal or any(t.lower_ in ("que", "qu'", "«", ":", '"', "de", "d'") for t in following)
        pronoun = _subject_pronoun_before(doc, verb.i)
        end = _skip_incises(doc, verb.i - 1)
        if pronoun is None and end >= 0 and doc[end].lower_ in PRONOUNS and doc[end].lower_ not in ("lui", "eux"):
            pronoun = doc[end]
        if pronoun is not None:
            if _is_not_a_speaker(pronoun) or not says_a_clause:
                continue
            mention = mention_from_tokens(doc, pronoun, pronoun, cue)
            if mention:
                yield mention
            continue
        head = _noun_before_adjectives(doc, end)
        if head < 0 or (
            doc[head].pos_ not in ("NOUN", "PROPN")
            and not doc[head].is_upper
            and not (doc[head].is_title and not doc[head].is_sent_start)
            and not is_typed_noun(doc[head])
            and not _is_sentence_initial_name(doc[head])
        ):
            continue
        while end + 1 < verb.i and doc[end + 1].pos_ == "ADJ":
            end += 1
        start = head
        while start - 1 >= 0 and not doc[start - 1].is_sent_end and doc[start - 1].pos_ in _NP_POS:
            start -= 1
        if doc[start].pos_ == "ADP" and doc[start].lower_ not in _NOT_A_COMPLEMENT:
            continue
        while start < end and doc[start].pos_ == "ADP":
            start += 1
        if not _agrees_in_number(doc[start : end + 1], verb):
            continue
        mention = mention_from_tokens(doc, doc[start], doc[end], cue)
        if (
            mention
            and is_source_like(doc, mention)
            and (says_a_clause or _reports_an_infinitive(verb) or _reports_a_content(doc[start], verb, mention))
        ):
            yield mention


def _reports_an_infinitive(verb: Token) -> bool:
    """ "affirme ne pas regretter ses choix", "assure avoir prévenu", "dit vouloir": a
    reporting verb and the infinitive that carries what is said. Only after a noun
    phrase: after a pronoun it is mostly a relative clause ("ce qu'il prétend être")."""
    doc = verb.doc
    index = verb.i + 1
    while index < len(doc) and doc[index].lower_ in ("ne", "n'", "pas", "jamais", "plus"):
        index += 1
    return index < len(doc) and "Inf" in doc[index].morph.get("VerbForm") and doc[index].pos_ in ("VERB", "AUX")


def _after_its_determiner(verb: Token) -> bool:
    """ "Regardez la liste", "Demandez les chiffres": a verb form right after a determiner
    of its own is a noun. "Le", "la", "les" are object clitics ("Les auteurs le disent",
    "..., le résume ainsi"), whatever the tagger says, unless a verb or a preposition
    comes before them."""
    doc = verb.doc
    before = doc[verb.i - 1]
    if verb.pos_ != "NOUN" or before.pos_ != "DET" or before.head != verb:
        return False
    if before.lower_ not in _OBJECT_CLITICS:
        return True
    previous = doc[before.i - 1] if before.i else None
    return previous is not None and (previous.pos_ in ("VERB", "AUX", "ADP") or previous.lower_.endswith("ez"))


def _reports_a_content(first: Token, verb: Token, mention: Mention) -> bool:
    """ "Le rapport relève un effet positif", "Le même baromètre chiffre à 4 mois le délai":
    a study or a body that opens its sentence reports what the verb's object says, with no
    clause after the verb; a participle ("publié", "détaillées") qualifies a noun instead."""
    doc = first.doc
    return (  # not "« Compenser, c'est tricher », résume-t-elle", which quotes
        first.is_sent_start
        and first.text not in _OPENING_QUOTES
        and first.pos_ not in ("VERB", "AUX")
        and (first.i == 0 or doc[first.i - 1].text not in _OPENING_QUOTES)
        and mention.type in ("study", "organization")
        and (bool(mention.keys) or is_typed_noun(head_noun(first.doc[first.i : verb.i])))
        and not verb.lower_.endswith(("é", "ée", "és", "ées", "ant", "ez"))
        and not _is_inverted(verb)
    )


def _is_inverted(verb: Token) -> bool:
    """ "..., indique la BBC": after a comma and before a noun phrase, the verb's
    subject follows it."""
    doc = verb.doc
    return doc[verb.i - 1].text == "," and verb.i + 1 < len(doc) and doc[verb.i + 1].pos_ in ("DET", "PROPN")


def _is_phrasal_cue(verb: Token) -> bool:
    """ "font valoir", "fait remarquer", "met en garde", "mettent en avant": a verb of
    saying made of words that say nothing alone."""
    following = " ".join(token.lower_ for token in verb.doc[verb.i + 1 : verb.i + 3])
    if verb.lower_ in _FAIRE_FORMS:
        return following.split(" ")[0] in ("valoir", "remarquer", "observer")
    return verb.lower_ in _METTRE_FORMS and following in ("en garde", "en avant")


def _subject_pronoun_before(doc: Doc, index: int) -> Token | None:
    """ "un chiffre qu'elle juge", "comme il l'a écrit": a subject pronoun just before the
    verb, past its object clitics and auxiliary."""
    index -= 1
    while index >= 0 and doc[index].lower_ in _OBJECT_CLITICS | _AUXILIARIES:
        index -= 1
    if index >= 0 and doc[index].lower_ in ("il", "elle", "ils", "elles"):
        return doc[index]
    return None


def _agrees_in_number(phrase: Span, verb: Token) -> bool:
    """ "Une enquête menée auprès de 1 100 salariés montre": a plural noun phrase just left
    of a singular verb, or the reverse, is not its subject (the subject stands further left)."""
    plural_phrase = phrase[0].text[:1].isdigit() or phrase[0].lower_ in _PLURAL_DETERMINERS
    singular_phrase = phrase[0].lower_ in _SINGULAR_DETERMINERS
    if _is_plural_form(verb):
        return not singular_phrase
    return not plural_phrase or verb.lower_.endswith("nt") or not verb.lower_.endswith(("e", "t"))


def _is_plural_form(verb: Token) -> bool:
    """ "estiment", "disent", "font", not "soutient" or "dément"."""
    form = verb.lower_
    return form.endswith(("aient", "ent", "ont")) and (form.endswith("aient") or not form.endswith(("ient", "ément")))


def _is_not_a_speaker(pronoun: Token) -> bool:
    """ "s'il vous répond": a condition reports nothing; "Il est conseillé de", "ils sont
    accusés": neither does the subject of a passive."""
    doc = pronoun.doc
    before = doc[pronoun.i - 1].lower_ if pronoun.i else ""
    after = doc[pronoun.i + 1].lower_ if pronoun.i + 1 < len(doc) else ""
    return before == "s'" or after in _PASSIVE_AUXILIARIES


def _noun_before_adjectives(doc: Doc, index: int) -> int:
    """Walk left over the adjectives after a head noun ("L'Agence spatiale canadienne"),
    which the tagger often takes for verbs just before a reporting verb."""
    while (
        index > 0
        and not is_typed_noun(doc[index])
        and doc[index].pos_ in ("ADJ", "VERB")
        and doc[index].is_lower
        and doc[index].lower_ not in source_verb_forms()
        and doc[index - 1].pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
        and not doc[index - 1].is_punct
    ):
        index -= 1
    return index


def _is_sentence_initial_name(token: Token) -> bool:
    """ "Enedis rappelle que": an opening capitalised word that is not a function word
    is a name, whatever tag the tagger gives it."""
    return (
        token.is_sent_start
        and token.is_title
        and token.is_alpha
        and len(token) > 2
        and not token.is_stop
        and not is_misread_opener(token)
    )


def _skip_incises(doc: Doc, index: int) -> int:
    """Walk left over adverbs, auxiliaries and a comma-framed incise ("Biowallonie, de son
    côté, rappelle", "Le Club, qui n'a pas participé au test, rappelle", "L'Anses a
    d'ailleurs estimé")."""
    while index >= 0:
        if doc[index].lower_ in _SUBJECT_ADVERBS or doc[index].lower_ in _AUXILIARIES | _OBJECT_CLITICS:
            index -= 1
        elif (
            doc[index].pos_ == "ADV"
            and doc[index].is_lower
            and not doc[index].is_punct
            and not is_typed_noun(doc[index])
        ):
            index -= 2 if index and doc[index - 1].lower_ in ("d'", "de", "en", "pour", "par") else 1
        elif doc[index].text == ",":
            opening = next(
                (i for i in range(index - 1, max(index - MAX_INCISE_TOKENS, -1), -1) if doc[i].text == ","), None
            )
            if opening is None:
                return index - 1
            if _is_name(doc[opening + 1 : index]):
                return index - 1
            index = opening - 1
        else:
            return index
    return index


def _is_name(span: Span) -> bool:
    """ "Marc Morel" in "Mon professeur, Marc Morel, estime": a name in apposition is the
    subject to cite, rather than the description before it."""
    return 0 < len(span) <= 4 and all(token.is_title and token.pos_ in ("PROPN", "NOUN", "X") for token in span)
