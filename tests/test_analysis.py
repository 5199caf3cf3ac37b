"""The whole line on the canonical seed and on the bundled example."""

from argmine.analysis import validate


def _sentence(analysis, start):
    return next(s for s in analysis["sentences"] if analysis["text"][s["start"] : s["end"]].startswith(start))


def test_output_validates_against_the_schema(example_analysis):
    validate(example_analysis)


def test_every_offset_points_into_text(example_analysis):
    text = example_analysis["text"]
    spans = (
        example_analysis["sentences"]
        + example_analysis["claims"]
        + example_analysis["quotes"]
        + [m for s in example_analysis["sources"] for m in s["mentions"]]
    )
    assert all(0 <= s["start"] < s["end"] <= len(text) for s in spans)
    assert all(
        text[s["start"] : s["end"]].strip() == text[s["start"] : s["end"]] for s in example_analysis["sentences"]
    )


def test_seed_validates_and_keeps_the_metadata(seed_analysis):
    validate(seed_analysis)
    assert seed_analysis["metadata"]["title"] == "La fin des experts en réseaux sociaux ?"
    assert seed_analysis["metadata"]["category"] == "Réseaux sociaux"


def test_seed_heading_is_its_own_sentence(seed_analysis):
    heading = _sentence(seed_analysis, "VRAIES TENDANCES")
    assert seed_analysis["text"][heading["start"] : heading["end"]] == "VRAIES TENDANCES, MAUVAISES CONCLUSIONS ?"
    assert heading["label"] == "other"


def test_seed_labels_of_the_annotation_table(seed_analysis):
    expected = {
        "Toujours selon la même étude": "finding",
        "Ce n’est pas nous qui le disons": "finding",
        "S’il est indéniable que": "rebuttal",
        "Bref, ce ne sont pas les métiers": "rebuttal",
        "Oui, les médias sociaux peuvent": "claim",
        "Nous voulons votre avis": "call_to_action",
    }
    got = {start: _sentence(seed_analysis, start)["label"] for start in expected}
    assert got == expected


def test_seed_gathers_workopolis_in_one_source(seed_analysis):
    text = seed_analysis["text"]
    workopolis = [s for s in seed_analysis["sources"] if s["name"] == "Workopolis"]
    assert len(workopolis) == 1
    mentions = {text[m["start"] : m["end"]] for m in workopolis[0]["mentions"]}
    assert {
        "l’étude du site web Workopolis",
        "la même étude",
        "la même étude de Workopolis",
        "www.workopolis.com",
    } <= mentions


def test_example_rebuttal_attacks_something(example_analysis):
    ids = {s["id"] for s in example_analysis["sentences"]}
    attacks = [r for r in example_analysis["relations"] if r["type"] == "attacks"]
    assert attacks and all(r["from"] in ids and r["to"] in ids for r in attacks)


def test_explain_says_why(analyzer):
    from argmine import Analyzer, Options
    from conftest import EXAMPLE

    analysis = Analyzer(options=Options(explain=True)).analyze(EXAMPLE).to_dict()
    assert all(s.get("explanation") for s in analysis["sentences"])


def test_seed_capitalised_lead_joins_workopolis_and_idioms_do_not(seed_analysis):
    text = seed_analysis["text"]
    (workopolis,) = [s for s in seed_analysis["sources"] if s["name"] == "Workopolis"]
    mentions = [text[m["start"] : m["end"]] for m in workopolis["mentions"]]
    assert any("LE SITE D’EMPLOI WORKOPOLIS" in mention for mention in mentions)
    assert "même souffle" not in mentions
