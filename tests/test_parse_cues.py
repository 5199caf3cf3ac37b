"""Parse cues: who speaks, what is negated, in fr_core_news_sm's parse."""

import pytest

from argmine.classify.parse_cues import parse_cues


@pytest.fixture(scope="module")
def nlp():
    from argmine.nlp import load_pipeline

    return load_pipeline()


def _cues(nlp, text):
    return parse_cues(nlp(text)[:])


def test_a_study_as_subject_of_a_reporting_verb(nlp):
    cues = _cues(nlp, "Le rapport indique que les locataires paient davantage qu'en 2015.")
    assert cues.get("parse:reporting_subject=study") and cues.get("parse:reporting_clause")


def test_the_reader_bound_by_a_modal(nlp):
    assert _cues(nlp, "Vous devez vérifier vos relevés chaque mois.").get("parse:modal_subject=reader")


def test_a_negated_main_verb(nlp):
    assert _cues(nlp, "Le vélo ne coûte pas plus cher que le bus.").get("parse:main_negated")


def test_negation_inside_a_quote_is_the_speaker_s(nlp):
    cues = _cues(nlp, "Le maire a répondu : « Nous ne fermerons pas la piscine. »")
    assert cues.get("parse:quoted_speech") and not cues.get("parse:embedded_negation")


def test_the_conditional(nlp):
    assert _cues(nlp, "Une taxe carbone rapporterait davantage aux communes.").get("parse:conditional")
