"""The spaCy stage: normalisation, sentences, sources, quotes and claim units."""

import pytest

from argmine.nlp.normalize import normalize


@pytest.fixture(scope="module")
def nlp():
    from argmine.nlp import load_pipeline

    return load_pipeline()


def run(nlp, text):
    from argmine.nlp import make_doc

    return nlp(make_doc(nlp, text))


def test_normalisation_keeps_length_and_fixes_apostrophes():
    text = "L’étude\u00a0: « c’est l’OMS »"
    assert len(normalize(text)) == len(text)
    assert normalize(text).startswith("L'étude :")


def test_sentences_never_cross_a_paragraph(nlp):
    doc = run(nlp, "Un titre sans point\n\nLe texte commence ici. Il continue là.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["Un titre sans point", "Le texte commence ici.", "Il continue là."]


def test_no_sentence_starts_inside_guillemets(nlp):
    doc = run(nlp, "Elle a déclaré « Nous partons. Nous ne reviendrons pas. » Puis elle est sortie.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Elle a déclaré « Nous partons. Nous ne reviendrons pas. »"


def test_a_stray_guillemet_does_not_swallow_the_next_paragraph(nlp):
    doc = run(nlp, "Il a dit « bonjour. Puis rien.\n\nUn autre paragraphe. Avec deux phrases.")
    assert [s.text.strip() for s in doc.sents][-2:] == ["Un autre paragraphe.", "Avec deux phrases."]


def test_selon_gives_a_typed_source(nlp):
    doc = run(nlp, "Selon l'Insee, le chômage a baissé de 0,3 point au dernier trimestre.")
    (mention,) = doc.spans["argmine_sources"]
    assert mention.text == "l'Insee" and mention.label_ == "organization"


def test_inverted_incise_names_the_speaker(nlp):
    doc = run(nlp, "« Le bureau reste le lieu où l'on apprend le métier », estime Jeanne Morel, sociologue.")
    assert any(m.text.startswith("Jeanne Morel") and m.label_ == "person" for m in doc.spans["argmine_sources"])


def test_la_meme_etude_joins_the_study_it_repeats(nlp):
    doc = run(
        nlp,
        "Une enquête de l'institut Opinéa montre que 58 % des cadres préfèrent rester chez eux. "
        "La même enquête relève une baisse des arrêts maladie.",
    )
    ids = {m._.argmine_source for m in doc.spans["argmine_sources"]}
    assert len(ids) == 1
    assert doc._.argmine_sources[0]["type"] == "study"


def test_quote_has_its_speaker(nlp):
    doc = run(nlp, "La CGT affirme que « les salaires n'ont pas suivi l'inflation depuis deux ans ».")
    (quote,) = doc.spans["argmine_quotes"]
    assert quote._.argmine_source == doc.spans["argmine_sources"][0]._.argmine_source


def test_concession_is_split_from_the_main_claim(nlp):
    doc = run(
        nlp,
        "S'il est indéniable que les jeunes utilisent les réseaux, il est précipité de croire "
        "que les entreprises peuvent se passer d'experts.",
    )
    assert [unit.label_ for unit in doc.spans["argmine_claims"]] == ["concession", "main"]


def test_sources_component_works_on_a_plain_french_pipeline():
    import spacy

    nlp = spacy.load("fr_core_news_sm")
    nlp.add_pipe("argmine_sources")
    doc = nlp("D'après un sondage Ifop publié mardi, 61 % des Français soutiennent la mesure.")
    assert doc._.argmine_sources and doc.spans["argmine_sources"][0].label_ == "study"


def test_speaker_before_a_mistagged_reporting_verb(nlp):
    doc = run(nlp, "L'UNICEF rappelle qu'une année d'école en plus augmente le revenu futur d'une femme.")
    assert [m.text for m in doc.spans["argmine_sources"]] == ["L'UNICEF"]


def test_sentence_initial_pour_attributes(nlp):
    doc = run(nlp, "Pour Marion Durieux, trois gestes suffisent à réduire le gaspillage d'un tiers.")
    (mention,) = doc.spans["argmine_sources"]
    assert mention.text == "Marion Durieux" and mention._.argmine_cue == "Pour"


def test_selon_meaning_depending_on_is_not_a_source(nlp):
    doc = run(nlp, "Le prix varie selon la surface et selon les saisons.")
    assert list(doc.spans["argmine_sources"]) == []


def test_hyphenated_names_stay_whole(nlp):
    doc = run(nlp, "Test-Achats estimait en mars qu'un crédit permanent coûte trop cher.")
    assert doc.spans["argmine_sources"][0].text == "Test-Achats"


def test_source_evaluation_scores_corpus_documents(nlp):
    from argmine.corpus import load_corpus
    from argmine.nlp.evaluate import evaluate_sources
    from conftest import CORPUS

    figures = evaluate_sources(load_corpus(CORPUS, "test")[:2], nlp)
    assert figures["gold_mentions"] > 0 and 0 < figures["overlap"]["f1"] <= 1


def test_a_denied_saying_is_not_a_source(nlp):
    doc = run(nlp, "Rien dans ce document ne dit que les boutiquiers s'enrichissent.")
    assert list(doc.spans["argmine_sources"]) == []


def test_a_medium_after_dans_is_a_media_source(nlp):
    doc = run(nlp, "Le professeur le résume ainsi dans Le Soir : un électeur captif n'est pas convaincu.")
    assert ("Le Soir", "media") in [(m.text, m.label_) for m in doc.spans["argmine_sources"]]


def test_an_incise_between_subject_and_verb_is_skipped(nlp):
    doc = run(nlp, "Biowallonie, de son côté, rappelle que le revenu horaire médian tourne autour de huit euros.")
    assert [m.text for m in doc.spans["argmine_sources"]] == ["Biowallonie"]


def test_the_agent_of_a_participle_is_a_source(nlp):
    doc = run(nlp, "Les rendements ont progressé de 0,4 point par an, d'après les données compilées par l'IRBD.")
    mentions = {m.text: m.label_ for m in doc.spans["argmine_sources"]}
    assert mentions.get("l'IRBD") == "organization"


def test_annotated_docs_still_serialise(nlp):
    doc = run(nlp, "Selon l'Insee, le chômage a baissé. La CGT affirme que « rien n'a changé ».")
    assert doc.to_bytes()


def test_the_speaker_after_a_closing_quote_is_found_whatever_the_verb(nlp):
    doc = run(nlp, "« Ce rapport compare des prototypes à des centrales amorties », a réagi Marc Ducasse.")
    assert ("Marc Ducasse", "person") in [(m.text, m.label_) for m in doc.spans["argmine_sources"]]


def test_vaguely_counted_people_are_a_vague_source(nlp):
    doc = run(nlp, "Plusieurs magistrats reconnaissent que les délais se sont allongés depuis 2021.")
    assert [(m.text, m.label_) for m in doc.spans["argmine_sources"]] == [("Plusieurs magistrats", "other")]
