"""The classifier: cues, training, model files."""

import zipfile

import pytest

from argmine.classify.features import SentenceContext, _imperative, sentence_row, with_neighbours
from argmine.classify.rules import apply_rules
from argmine.errors import ModelError


@pytest.mark.parametrize(
    "text",
    [
        "Méfiez-vous des moyennes.",
        "Inscrivez-vous avant vendredi.",
        "Regardez plutôt la médiane.",
        "Dites-nous ce que vous en pensez.",
        "Ne nous contentons pas des moyennes.",
    ],
)
def test_imperatives_are_seen_by_their_form(text):
    assert _imperative(text)


@pytest.mark.parametrize(
    "text",
    ["Nous pensons le contraire.", "Nous avons vu le film.", "Chez nous, rien ne change.", "Les actions montent."],
)
def test_declaratives_are_not_imperatives(text):
    assert not _imperative(text)


def _row(text, kind="paragraph", following=None):
    rows = [sentence_row(text, SentenceContext(paragraph_kind=kind))]
    if following:
        rows.append(sentence_row(following, SentenceContext()))
    return with_neighbours(rows)[0]


def test_hasty_conclusion_is_a_rebuttal_rule():
    row = _row("Il est définitivement précipité de croire que tout est joué.")
    assert apply_rules(row) == ("rebuttal", "hasty_conclusion")


def test_heading_rule_wins_even_in_the_imperative():
    assert apply_rules(_row("Agissez maintenant", "heading"))[0] == "other"


def test_corrective_cleft_is_a_rebuttal():
    row = _row("Bref, ce ne sont pas les infirmières qui coûtent cher à l'hôpital.")
    assert apply_rules(row) == ("rebuttal", "corrective_cleft")


def test_a_concession_before_mais_is_a_claim():
    row = _row("Oui, le vélo électrique coûte cher à l'achat.", following="Mais il s'amortit en deux ans.")
    assert apply_rules(row) == ("claim", "concession_before_but")


def test_the_concession_rule_needs_the_mais():
    assert apply_rules(_row("Oui, le vélo électrique coûte cher à l'achat.")) is None


@pytest.mark.parametrize(
    "text",
    ["7. Vérifiez l'expéditeur avant de cliquer.", "Ne vous laissez pas séduire par les promesses de rendement."],
)
def test_an_imperative_asks_the_reader_to_act(text):
    assert apply_rules(_row(text)) == ("call_to_action", "reader_imperative")


@pytest.mark.parametrize(
    "text",
    [
        "Passons sur les détails techniques.",
        "Imaginez un instant une ville sans voitures.",
        "Laissez-moi vous montrer la courbe.",
        "Faut-il vraiment s'en inquiéter ?",
    ],
)
def test_signposts_and_questions_are_not_ruled_calls_to_action(text):
    assert apply_rules(_row(text)) is None


def test_an_imperative_inside_a_quote_paragraph_is_left_to_the_model():
    assert apply_rules(_row("Rangez vos téléphones.", "quote")) is None


@pytest.mark.parametrize("text", ["Nous voulons votre avis sur la question.", "Et vous, qu'en pensez-vous ?"])
def test_asking_for_the_reader_s_opinion_is_a_call_to_action(text):
    assert apply_rules(_row(text)) == ("call_to_action", "asks_for_the_reader_s_word")


def test_an_infinitive_list_item_is_an_instruction():
    row = _row("ne pas répondre au message", "list_item")
    assert apply_rules(row) == ("call_to_action", "infinitive_instruction")


def test_a_capitalised_sentence_opening_on_an_infinitive_is_left_to_the_model():
    assert apply_rules(_row("Courir le matin fatigue moins qu'on ne le croit.")) is None


def test_training_is_reproducible():
    from argmine.classify import model
    from argmine.corpus import load_corpus
    from conftest import CORPUS

    documents = load_corpus(CORPUS, "dev")[:8]
    rows, _ = model.corpus_rows(documents)
    first = model.train(documents).predict_proba(rows)
    second = model.train(documents).predict_proba(rows)
    assert (first == second).all()


def test_bundled_model_labels_a_finding():
    from argmine.classify.model import label_rows, load_bundled

    mid_article = SentenceContext(
        has_source=True, index_in_paragraph=1, paragraph_sentences=3, index_in_document=4, document_sentences=20
    )
    row = sentence_row("Selon un sondage Ifop publié mardi, 61 % des Français approuvent la réforme.", mid_article)
    assert label_rows(load_bundled(), [row])[0] == ["finding"]


def test_tampered_model_file_is_refused(tmp_path):
    from argmine.classify.model import bundled_model_path, load

    tampered = tmp_path / "model.skops"
    with zipfile.ZipFile(bundled_model_path()) as source, zipfile.ZipFile(tampered, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "schema.json":
                data = data.replace(b'"LogisticRegression"', b'"Popen"', 1).replace(
                    b'"sklearn.linear_model._logistic"', b'"subprocess"', 1
                )
            target.writestr(item, data)
    with pytest.raises(ModelError):
        load(tampered)


def test_garbage_model_file_is_refused(tmp_path):
    from argmine.classify.model import load

    garbage = tmp_path / "model.skops"
    garbage.write_bytes(b"not a model")
    with pytest.raises(ModelError):
        load(garbage)
