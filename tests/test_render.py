"""The rendered formats: the HTML report (escaping, self-containment), CSV, and brat round trips."""

import base64
import csv
import hashlib
import io
import json
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from argmine.cli import main
from argmine.corpus import parse_document
from argmine.render.brat import brat_to_corpus, sidecar, to_brat
from argmine.render.csv import render_csv
from argmine.render.html import render_index, render_report
from conftest import EXAMPLE

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
VOID = {"meta", "br", "img", "input", "link", "hr", "wbr", "source", "path", "rect"}


class _Balance(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.tags = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(tag)
        else:
            self.stack.pop()


def parsed(page: str) -> _Balance:
    parser = _Balance()
    parser.feed(page)
    return parser


def hostile_record(record: dict) -> dict:
    record = json.loads(json.dumps(record))
    record["metadata"]["title"] = HOSTILE
    record["metadata"]["url"] = "javascript:alert(1)"
    record["sources"][0]["name"] = HOSTILE
    record["warnings"] = [HOSTILE]
    return record


def test_report_escapes_text_from_the_page(example_analysis):
    page = render_report(hostile_record(example_analysis), explain=True)
    tags = [tag for tag, _ in parsed(page).tags]
    assert "img" not in tags and tags.count("script") == 2
    assert "javascript:" not in page and "&lt;script&gt;" in page


def test_report_loads_nothing_and_its_script_matches_its_policy(example_analysis):
    page = render_report(example_analysis)
    parser = parsed(page)
    assert not any("src" in attrs or tag == "link" for tag, attrs in parser.tags)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page and "default-src 'none'" in page


def test_report_is_well_nested_when_quotes_and_mentions_cross(example_analysis):
    record = json.loads(json.dumps(example_analysis))
    mention = record["sources"][1]["mentions"][0]
    record["quotes"].append(
        {"start": mention["start"] - 5, "end": mention["start"] + 4, "sentence": "s4", "source": None}
    )
    parser = parsed(render_report(record))
    assert parser.errors == [] and parser.stack == []


def test_report_lists_unsourced_claims_and_calls_to_action(example_analysis):
    page = render_report(example_analysis)
    actions = re.search(r'<section class="card" id="calls-to-action">(.*?)</section>', page, re.S).group(1)
    assert actions.count('data-goto="') == sum(s["label"] == "call_to_action" for s in example_analysis["sentences"])
    assert 'id="map"' in page and "<svg" in page


def test_index_links_pages_and_shows_failures(example_analysis):
    failure = {"id": "x", "origin": {"path": "absent.html"}, "error": {"type": "InputError", "message": "no such file"}}
    page = render_index([(example_analysis, "a.html"), (failure, None)])
    assert 'href="a.html"' in page and "absent.html" in page and "no such file" in page


def test_report_command_makes_an_index_for_a_batch(tmp_path, example_analysis):
    batch = tmp_path / "out.jsonl"
    failure = {"id": "x", "origin": {"path": "absent.html"}, "error": {"type": "InputError", "message": "no such file"}}
    batch.write_text(json.dumps(example_analysis) + "\n" + json.dumps(failure) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(batch), "-o", str(tmp_path / "site/")])
    assert result.exit_code == 0
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f'href="{example_analysis["id"]}.html"' in index
    assert (tmp_path / "site" / f"{example_analysis['id']}.html").is_file()


def test_analyze_format_html_writes_one_page(tmp_path):
    result = CliRunner().invoke(main, ["analyze", str(EXAMPLE), "--format", "html", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0 and 'id="sources"' in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_csv_has_one_row_per_sentence(example_analysis):
    rows = list(csv.DictReader(io.StringIO(render_csv([example_analysis]))))
    assert len(rows) == len(example_analysis["sentences"])
    first = example_analysis["sentences"][3]
    assert rows[3]["label"] == first["label"] and int(rows[3]["start"]) == first["start"]
    assert rows[3]["sources"] == "institut Opinéa"


def test_csv_defuses_formulas(example_analysis):
    record = json.loads(json.dumps(example_analysis))
    record["text"] = "=HYPERLINK(1)" + record["text"][13:]
    rows = list(csv.DictReader(io.StringIO(render_csv([record]))))
    assert rows[0]["text"].startswith("'=HYPERLINK")


def test_analyze_format_csv_to_stdout():
    result = CliRunner().invoke(main, ["analyze", str(EXAMPLE), "--format", "csv"])
    assert result.exit_code == 0 and result.output.splitlines()[0].startswith("document,sentence,start,end")


def round_trip(record: dict) -> tuple[dict, object]:
    text, ann = to_brat(record)
    extra = sidecar(record)
    raw = brat_to_corpus(
        text,
        ann,
        doc_id="essai",
        register="op-ed",
        variety="fr-FR",
        title=extra["title"],
        paragraphs=extra["paragraphs"],
    )
    return raw, parse_document(raw)


def spans(record: dict) -> tuple[list, list]:
    text = record["text"]
    labels = [(s["label"], " ".join(text[s["start"] : s["end"]].split())) for s in record["sentences"]]
    mentions = sorted(
        (" ".join(text[m["start"] : m["end"]].split()), m["type"], m["sentence"])
        for source in record["sources"]
        for m in source["mentions"]
    )
    return labels, mentions


def imported_spans(document) -> tuple[list, list]:
    labels = [(s.label, " ".join(document.sentence_text(s).split())) for s in document.sentences]
    mentions = sorted(
        (" ".join(document.text[m.start : m.end].split()), m.type, f"s{i + 1}")
        for i, s in enumerate(document.sentences)
        for m in s.mentions
    )
    return labels, mentions


def test_brat_round_trip_of_the_seed_keeps_labels_and_spans(seed_analysis):
    _, document = round_trip(seed_analysis)
    assert imported_spans(document) == spans(seed_analysis)


def test_brat_round_trip_of_the_example_keeps_sources_grouped(example_analysis):
    raw, document = round_trip(example_analysis)
    assert imported_spans(document) == spans(example_analysis)
    assert {s["id"]: s["name"] for s in raw["sources"]} == {s["id"]: s["name"] for s in example_analysis["sources"]}


def test_brat_splits_spans_at_line_breaks_and_counts_repeated_mentions():
    text = "Le rapport de l'Ademe est clair.\nSelon l'Ademe, l'Ademe\nse trompe rarement.\n\nAgissez."
    ann = (
        "T1\tclaim 0 32\tLe rapport de l'Ademe est clair.\n"
        "T2\trebuttal 33 55;56 75\tSelon l'Ademe, l'Ademe se trompe rarement.\n"
        "T3\tsource_organization 48 55\tl'Ademe\n"
        "T4\tcall_to_action 77 85\tAgissez.\n"
        "#1\tAnnotatorNotes T3\tsource=ademe | source_type=organization | cue=selon | name=Ademe\n"
    )
    raw = brat_to_corpus(text, ann, doc_id="ademe", register="news", variety="fr-FR")
    mention = raw["paragraphs"][0]["sentences"][1]["mentions"][0]
    assert raw["paragraphs"][0]["sentences"][1]["text"] == "Selon l'Ademe, l'Ademe se trompe rarement."
    assert mention == {"text": "l'Ademe", "type": "organization", "cue": "selon", "source": "ademe", "occurrence": 2}
    assert [p["sentences"][0]["label"] for p in raw["paragraphs"]] == ["claim", "call_to_action"]


def test_brat_text_outside_every_sentence_is_refused():
    from argmine.errors import InputError

    with pytest.raises(InputError, match="in no sentence"):
        brat_to_corpus(
            "Une phrase. Une autre.", "T1\tclaim 0 11\tUne phrase.\n", doc_id="x", register="news", variety="fr-FR"
        )


def test_import_brat_command_writes_a_corpus_document(tmp_path):
    exported = tmp_path / "brat"
    assert CliRunner().invoke(main, ["analyze", str(EXAMPLE), "--format", "brat", "-o", str(exported)]).exit_code == 0
    assert (exported / "annotation.conf").is_file()
    args = ["import-brat", str(exported), "-o", str(tmp_path / "docs"), "--register", "op-ed", "--variety", "fr-FR"]
    result = CliRunner().invoke(main, [*args, "--topic", "travail"])
    assert result.exit_code == 0, result.output
    raw = json.loads((tmp_path / "docs" / "teletravail-productivite.json").read_text(encoding="utf-8"))
    assert parse_document(raw).sentences[0].label == "other" and raw["topic"] == "travail"


def test_import_brat_without_register_is_a_one_line_error(tmp_path):
    CliRunner().invoke(main, ["analyze", str(EXAMPLE), "--format", "brat", "-o", str(tmp_path)])
    result = CliRunner().invoke(
        main, ["import-brat", str(tmp_path / "teletravail-productivite.ann"), "-o", str(tmp_path)]
    )
    assert result.exit_code == 3 and "--register" in result.output and len(result.output.strip().splitlines()) == 1
