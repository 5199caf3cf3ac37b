"""A source as the parsed subject of a verb: of a reporting verb ("X affirme que"),
unless the saying is denied or wished for, or of a research verb in a sentence with a figure."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from argmine.nlp.lexicons import reporting_verb_lemmas, source_verb_forms
from argmine.nlp.sources.document import doc_text, doc_tokens, tokens_in_sentences_with_figures
from argmine.nlp.sources.kinds import is_source_like
from argmine.nlp.sources.mention import Mention
from argmine.nlp.sources.spans import phrase_mention

_WISHING_WORDS = {
    "faut",
    "faudrait",
    "fallait",
    "sans",
    "exigeons",
    "demandons",
    "réclamons",
    "souhaitons",
    "voulons",
    "veut",
    "attendons",
    "avant",
}
_IMPERATIVE_ENCLITICS = {"moi", "toi", "nous", "le", "la", "les", "lui", "leur", "en", "y"}
_EMPTY_NEGATIONS = {"rien", "jamais", "nullement", "aucunement"}
_NEGATIVE_QUANTIFIERS = {"aucun", "aucune", "nul", "nulle", "personne", "rien"}
_DISCLAIMING_STEMS = ("prétend",)
_INFINITIVE_ENDINGS = ("er", "ir", "oir", "dre", "ire", "tre", "ure")
_RESEARCH_VERB_STEMS = (
    "compt",
    "mesur",
    "suivi",
    "suit",
    "relu",
    "film",
    "analys",
    "interrog",
    "sond",
    "étudi",
    "enregistr",
    "examin",
    "éplu",
    "recens",
    "passé",
    "test",
    "compar",
    "calcul",
    "trouv",
    "chiffr",
    "évalu",
    "observ",
)
"""Verbs of doing research ("a compté", "a passé en revue"); any verb with a source-like
subject cost 8 points of precision for 3 of recall on the corpus's train and dev splits."""
_FINDING_VERB_STEMS = ("trouv", "conclu")
_BEFORE_A_FINDING = {"ne", "n'", "y", "a", "ont", "avait", "avaient"}


def reporting_mentions(doc: Doc):
    """The parsed subject of a reporting verb. A pronoun subject is left to
    ``left_subject_mentions``, which takes it only before what it says ("Elle estime
    que"): with no clause ("Il explique le retard") it stands mostly for a thing."""
    forms, lemmas = source_verb_forms(), reporting_verb_lemmas()
    for verb in doc_tokens(doc):
        if not (verb.lower_ in forms or verb.lemma_ in lemmas) or not _is_predicate(verb):
            continue
        denied = _is_negated(verb)
        if (
            _is_wished(verb)
            or verb.is_upper
            or _is_infinitive(verb)
            or _is_imperative(verb)
            or addresses_the_reader(verb)
        ):
            continue
        if denied and not _denial_reports(verb):
            continue
        for subject in _subjects(verb):
            if subject.lower_ == "qui":
                subject = _relative_antecedent(verb, subject)
                if subject is None:
                    continue
            if subject.pos_ == "PRON" or denied and (subject.dep_ != "nsubj" or _is_negative_quantifier(subject)):
                continue
            mention = phrase_mention(doc, subject, verb.text)
            if mention and is_source_like(doc, mention) and not _is_called(doc, mention, verb):
                yield mention


def _is_predicate(verb: Token) -> bool:
    """A verb, or a verb form the tagger took for a noun or an adjective but gave a
    subject ("Une association que nous avons interrogée conseille plutôt de")."""
    return verb.pos_ in ("VERB", "AUX") or any(child.dep_ == "nsubj" for child in verb.children)


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it is coordinated with ("L'association
    se réjouit de la hausse et affirme que...")."""
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubj:pass")]
    if not subjects and verb.dep_ == "conj" and verb.head.i < verb.i:
        subjects = [child for child in verb.head.children if child.dep_ in ("nsubj", "nsubj:pass")]
    return subjects


def _relative_antecedent(verb: Token, relative: Token) -> Token | None:
    """What "qui" stands for: the noun phrase just before it ("ceux de l'Ademe, qui
    évalue"), or a noun above it that the parser hangs the clause on ("le directeur de
    l'institut, qui estime")."""
    doc = relative.doc
    index = relative.i - 1
    if index >= 0 and doc[index].text == ",":
        index -= 1
    if index < 0 or doc[index].pos_ not in ("NOUN", "PROPN"):
        return verb.head if verb.dep_ == "acl:relcl" else None
    head = doc[index]
    while head.dep_ in ("flat:name", "flat", "amod") and head.head.i < head.i:
        head = head.head
    above = head
    while above.dep_ == "nmod" and above.head.pos_ in ("NOUN", "PROPN") and above.head.i < above.i:
        above = above.head
        if verb.dep_ == "acl:relcl" and verb.head == above:
            return above
    return head


def research_subject_mentions(doc: Doc):
    """ "Une équipe de l'université de Rennes a relu 11 000 articles", "MétéoSuisse a compté
    dix-sept nuits tropicales": a named or typed source as the subject of any verb, in a
    sentence that carries a figure, reports what that source found or did."""
    for verb in doc_tokens(doc):
        if verb.pos_ != "VERB" or not verb.lower_.startswith(_RESEARCH_VERB_STEMS):
            continue
        if verb.i not in tokens_in_sentences_with_figures(doc):
            continue
        for subject in verb.children:
            if subject.dep_ not in ("nsubj", "nsubj:pass") or subject.pos_ == "PRON":
                continue
            mention = phrase_mention(doc, subject, verb.text)
            if mention and (
                mention.type in ("study", "organization", "media") or mention.type == "person" and mention.keys
            ):
                yield mention


def finding_pronoun_mentions(doc: Doc):
    """ "Elle ne trouve aucune différence", "Elle a trouvé un effet minuscule", "Il ne
    conclut pas que": a pronoun opening its sentence on what a study found stands for
    that study, figure or not ("il ne se trouve pas" is no finding)."""
    for pronoun in doc_tokens(doc):
        if not pronoun.is_sent_start or pronoun.lower_ not in ("il", "elle", "ils", "elles"):
            continue
        verb = pronoun.head
        between = doc[pronoun.i + 1 : verb.i]
        if (
            pronoun.dep_ == "nsubj"
            and verb.lower_.startswith(_FINDING_VERB_STEMS)
            and all(token.lower_ in _BEFORE_A_FINDING for token in between)
        ):
            mention = phrase_mention(doc, pronoun, verb.text)
            if mention:
                yield mention


def attributes_nothing(verb: Token) -> bool:
    """A verb that reports no saying: denied, wished for, an infinitive ("Autant le
    dire"), or a word of a heading in capitals."""
    return _is_negated(verb) or _is_wished(verb) or verb.is_upper or _is_infinitive(verb) or _is_imperative(verb)


def _is_imperative(verb: Token) -> bool:
    """ "dis-moi", "racontez-nous", "lisez-le": an order, whatever the tagger made of it."""
    doc = verb.doc
    return (
        verb.i + 1 < len(doc)
        and not verb.whitespace_
        and doc[verb.i + 1].lower_.lstrip("-") in _IMPERATIVE_ENCLITICS
        and doc[verb.i + 1].text.startswith("-")
    )


def _is_infinitive(verb: Token) -> bool:
    """Tagged an infinitive and shaped like one: the tagger calls "promet" and "résume"
    infinitives too."""
    return "Inf" in verb.morph.get("VerbForm") and verb.lower_.endswith(_INFINITIVE_ENDINGS)


def _is_called(doc: Doc, mention: Mention, verb: Token) -> bool:
    """ "Fanfan, demande à ton chauffagiste": a name that opens the sentence, set off by
    a comma right before the verb, is whom the sentence calls, not its subject."""
    return verb.sent.start_char == mention.start and doc_text(doc)[mention.end : verb.idx].strip() == ","


def addresses_the_reader(verb: Token) -> bool:
    """ "Employeurs, publiez vos horaires", "Les parents, demandez à vos ados": an order or
    a second person speaks to the reader; the noun before the verb is whom it calls."""
    return verb.lower_.endswith("ez") or "Imp" in verb.morph.get("Mood") or "2" in verb.morph.get("Person")


def _denial_reports(verb: Token) -> bool:
    """ "Les auteurs ne disent pas combien", "L'agence ne recommande plus cette règle": a
    source can report by denying; not when it says nothing ("ne dit rien"), never does
    ("ne vous demandera jamais") or disclaims ("ne prétend pas")."""
    if verb.lower_.startswith(_DISCLAIMING_STEMS):
        return False
    after = verb.doc[verb.i + 1 : verb.i + 4]
    return not any(token.lower_ in _EMPTY_NEGATIONS for token in list(verb.children) + list(after))


def _is_negative_quantifier(subject: Token) -> bool:
    """ "Aucune étude ne montre", "Personne ne dit": nobody reports anything."""
    first = subject.doc[_noun_phrase_start(subject)]
    return first.lower_ in _NEGATIVE_QUANTIFIERS or subject.lower_ in _NEGATIVE_QUANTIFIERS


def _noun_phrase_start(head: Token) -> int:
    return min([head.i] + [child.i for child in head.children if child.i < head.i and child.dep_ == "det"])


def _is_wished(verb: Token) -> bool:
    """ "Il faut que le ministère publie ses chiffres", "sans qu'un cabinet publie": a
    saying that is asked for or denied has not happened, so it attributes nothing."""
    doc = verb.doc
    for index in range(verb.i - 1, max(verb.i - 8, 0), -1):
        if doc[index].lower_ in ("que", "qu'"):
            return _wishes(doc, index - 1)
        if doc[index].is_punct:
            return False
    return False


def _wishes(doc: Doc, index: int) -> bool:
    """A wishing word just before "que", or before an adverb there ("Il faut aussi que")."""
    if index > 0 and doc[index].pos_ == "ADV" and doc[index].lower_ not in _WISHING_WORDS:
        index -= 1
    return doc[index].lower_ in _WISHING_WORDS


def _is_negated(verb: Token) -> bool:
    """ "Rien dans ce document ne dit que...": a denied saying attributes nothing."""
    return any(child.lower_ in ("ne", "n'") for child in verb.children) or (
        verb.i > 0 and verb.doc[verb.i - 1].lower_ in ("ne", "n'")
    )
