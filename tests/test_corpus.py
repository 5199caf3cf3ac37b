import json

from click.testing import CliRunner

from argmine.cli import main
from argmine.corpus import check_corpus, corpus_stats, load_corpus, load_splits, parse_document
from conftest import CORPUS


def test_corpus_check_passes():
    assert check_corpus(CORPUS) == []


def test_corpus_check_command_says_ok():
    result = CliRunner().invoke(main, ["corpus", "check", str(CORPUS)])
    assert result.exit_code == 0, result.output


def test_stats_json_has_the_figures():
    result = CliRunner().invoke(main, ["corpus", "stats", str(CORPUS), "--json"])
    figures = json.loads(result.output)
    assert {"documents", "sentences", "labels", "topics", "html_pages"} <= set(figures)
    assert figures["documents"] >= 30


def test_splits_are_disjoint_by_topic_and_document():
    topic_split = load_splits(CORPUS)
    by_split = {split: {d.id for d in load_corpus(CORPUS, split)} for split in ("train", "dev", "test")}
    assert not (by_split["train"] & by_split["test"]) and not (by_split["dev"] & by_split["test"])
    assert {topic_split[d.topic] for d in load_corpus(CORPUS, "test")} == {"test"}


def test_a_mention_outside_its_sentence_is_reported():
    raw = {
        "id": "x",
        "title": "T",
        "topic": "travail",
        "register": "op-ed",
        "variety": "fr-FR",
        "sources": [{"id": "a", "name": "Insee", "type": "organization"}],
        "paragraphs": [
            {
                "kind": "paragraph",
                "sentences": [
                    {
                        "text": "Le chômage baisse.",
                        "label": "finding",
                        "mentions": [{"text": "l'Insee", "type": "organization", "cue": "selon", "source": "a"}],
                    }
                ],
            }
        ],
    }
    try:
        parse_document(raw)
    except ValueError as error:
        assert "not in the sentence" in str(error)
    else:
        raise AssertionError("the defect was not reported")


def test_offsets_are_computed_from_the_text():
    stats = corpus_stats(CORPUS)
    document = load_corpus(CORPUS)[0]
    for sentence in document.sentences:
        for mention in sentence.mentions:
            assert sentence.start <= mention.start < mention.end <= sentence.end
    assert stats["sentences"] >= len(document.sentences)
