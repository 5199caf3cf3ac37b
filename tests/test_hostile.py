"""Hostile inputs, generated here: each gets a correct analysis or a one-line error
naming the input and the reason, with its own exit status, and never a traceback.

Every command runs with ``--time-limit``, so a regression that hangs fails the test
with exit status 8 instead of hanging the suite.
"""

from __future__ import annotations

import json
import random
import re
import time

import pytest
from click.testing import CliRunner

from argmine.analysis import validate
from argmine.cli import main
from argmine.errors import InputError, TimeLimitError
from argmine.ingest import document_from_bytes
from argmine.limits import time_limit
from argmine.options import Options

GUARD_SECONDS = "60"
FRENCH = (
    "Faut-il interdire les écrans avant trois ans ? Selon une étude de Santé publique France "
    "publiée en février, 44 % des enfants de deux ans passent plus d'une heure par jour devant un écran. "
    "Il serait hâtif d'y voir la seule cause des retards de langage : le milieu familial pèse davantage. "
    "Éteignez quand même la télévision pendant les repas, « c'est le moment où l'on se parle », "
    "rappelle une orthophoniste de Lyon."
)
FRENCH_HTML = (
    "<html><head>{head}<title>Les écrans et les petits</title></head><body><article>"
    "<h1>Les écrans et les petits</h1><p>{text}</p></article></body></html>"
)


def run(path, *extra: str):
    result = CliRunner().invoke(main, ["analyze", str(path), "--time-limit", GUARD_SECONDS, *extra])
    assert "Traceback" not in result.output
    return result


def assert_error(result, path, status: int, reason: str) -> None:
    """One line, naming the input and the reason, and the exit status of its kind."""
    assert result.exit_code == status, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"Error: {path}: ")
    assert re.search(reason, lines[0]), lines[0]


def analysed(result) -> dict:
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    validate(record)
    return record


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_an_empty_file_is_an_input_error(tmp_path):
    path = write(tmp_path, "vide.html", b"")
    assert_error(run(path), path, 3, "empty input")


@pytest.mark.parametrize("blank", [b"   \n\t\r\n  ", "\u00a0 \u2003\n\u3000".encode(), " \n \n".encode("utf-16")])
def test_a_whitespace_only_file_is_an_input_error(tmp_path, blank):
    path = write(tmp_path, "blanc.txt", blank)
    assert_error(run(path), path, 3, "empty input")


def test_random_bytes_named_html_are_a_decode_error(tmp_path):
    path = write(tmp_path, "page.html", random.Random(6).randbytes(20_000))
    assert_error(run(path), path, 4, "binary content")


@pytest.mark.parametrize("low", [1, 32, 128])
def test_random_bytes_without_nul_are_a_decode_error(tmp_path, low):
    generator = random.Random(low)
    path = write(tmp_path, "notes.txt", bytes(generator.randint(low, 255) for _ in range(5000)))
    assert_error(run(path), path, 4, "binary content")


@pytest.mark.parametrize(
    "magic, what",
    [
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-1.7\n", "a PDF file"),
    ],
)
def test_an_image_named_html_is_a_decode_error(tmp_path, magic, what):
    path = write(tmp_path, "photo.html", magic + random.Random(1).randbytes(3000))
    assert_error(run(path), path, 4, f"binary content \\({what}\\)")


def test_nul_bytes_in_a_text_are_a_decode_error(tmp_path):
    path = write(tmp_path, "billet.txt", FRENCH.encode() + b"\x00\x00" + FRENCH.encode())
    assert_error(run(path), path, 4, "NUL bytes")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom_is_analysed(tmp_path, encoding):
    record = analysed(run(write(tmp_path, "billet.txt", FRENCH.encode(encoding))))
    assert record["text"] == FRENCH
    assert record["origin"]["encoding"].startswith("utf-16")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
@pytest.mark.parametrize("declared", [True, False])
def test_single_byte_pages_with_and_without_declaration(tmp_path, encoding, declared):
    head = f'<meta charset="{encoding}">' if declared else ""
    html = FRENCH_HTML.format(head=head, text=FRENCH)
    record = analysed(run(write(tmp_path, "page.html", html.encode(encoding))))
    assert "Éteignez quand même la télévision pendant les repas, « c'est le moment" in record["text"]


@pytest.mark.parametrize("declared", ["koi8-r", "utf-8", "utf-16", "iso-8859-7", "x-inconnu"])
def test_a_wrong_charset_declaration_does_not_make_mojibake(tmp_path, declared):
    html = FRENCH_HTML.format(head=f'<meta charset="{declared}">', text=FRENCH)
    record = analysed(run(write(tmp_path, "page.html", html.encode("cp1252"))))
    assert "Il serait hâtif d'y voir la seule cause des retards de langage" in record["text"]


def test_utf8_declared_as_latin1_is_read_as_utf8(tmp_path):
    html = FRENCH_HTML.format(head='<meta charset="iso-8859-1">', text=FRENCH)
    assert "« c'est le moment où l'on se parle »" in analysed(run(write(tmp_path, "page.html", html.encode())))["text"]


def test_html_nested_60000_levels_is_an_extraction_error_saying_why(tmp_path):
    html = "<html><body>" + "<div>" * 60_000 + f"<p>{FRENCH}</p>" + "</div>" * 60_000 + "</body></html>"
    path = write(tmp_path, "profond.html", html.encode())
    assert_error(run(path), path, 5, "nested deeper than the parser's limit of 256 levels")


def test_text_above_a_deep_nest_is_analysed(tmp_path):
    html = FRENCH_HTML.format(head="", text=FRENCH).replace("</article>", "</article>" + "<div>" * 60_000)
    assert "44 % des enfants" in analysed(run(write(tmp_path, "page.html", html.encode())))["text"]


def test_unclosed_tags_are_analysed(tmp_path):
    html = f"<html><body><article><h1>Les écrans<p>{FRENCH}<p><b><i>Éteignez tout.<div><span>"
    record = analysed(run(write(tmp_path, "page.html", html.encode())))
    assert "44 % des enfants de deux ans" in record["text"]


@pytest.mark.parametrize(
    "html",
    [
        f"<article><p>{FRENCH}</p></article>",
        f"<p>{FRENCH}",
        f"<body><p>{FRENCH}",
        "<!-- " + "cache " * 20 + "-->" + FRENCH_HTML.format(head="", text=FRENCH),
    ],
)
def test_fragments_and_pages_opening_on_a_comment_are_analysed(tmp_path, html):
    """trafilatura finds nothing in a page without "html" in its first 50 characters."""
    assert "44 % des enfants de deux ans" in analysed(run(write(tmp_path, "bout.html", html.encode())))["text"]


def test_a_page_of_only_scripts_and_styles_is_an_extraction_error(tmp_path):
    html = "<html><head><style>p { color: red }</style><script>var titre = 'Les écrans';</script></head><body>"
    html += "<script>document.write('<p>' + titre + '</p>');</script><style>body {}</style>" * 200 + "</body></html>"
    path = write(tmp_path, "scripts.html", html.encode())
    assert_error(run(path), path, 5, "no main text found")


def test_a_file_over_the_input_cap_is_refused_before_reading(tmp_path):
    path = tmp_path / "enorme.txt"
    with path.open("wb") as stream:
        stream.truncate(20 * 1024 * 1024 + 1)
    assert_error(run(path), path, 3, "20971521 bytes exceeds the limit of 20971520")


def test_an_endless_device_is_read_only_up_to_the_cap():
    assert_error(run("/dev/zero"), "/dev/zero", 3, "more than 20971520 bytes")


@pytest.fixture(scope="module")
def twenty_megabytes(tmp_path_factory):
    """20 MB of French text, just under the input cap: 14,000 paragraphs."""
    path = tmp_path_factory.mktemp("gros") / "vingt-mega.txt"
    paragraph = (FRENCH + "\n\n").encode()
    path.write_bytes(paragraph * (20 * 1024 * 1024 // len(paragraph)))
    return path


def test_a_20_mb_text_is_refused_by_default(twenty_megabytes):
    assert_error(
        run(twenty_megabytes), twenty_megabytes, 3, r"main text of \d+ characters exceeds the limit of 1000000"
    )


def test_a_20_mb_text_is_truncated_on_request_with_a_warning(twenty_megabytes):
    options = Options(long_text="truncate", max_text_chars=3000)
    document = document_from_bytes(twenty_megabytes.read_bytes(), name="vingt-mega.txt", options=options)
    assert len(document.text) <= 3000 and document.text.endswith("rappelle une orthophoniste de Lyon.")
    assert all(p.end <= len(document.text) for p in document.paragraphs)
    assert any(w.startswith(f"long text: only the first {len(document.text)} of ") for w in document.warnings)


def test_a_truncated_text_is_analysed(analyzer):
    options = Options(long_text="truncate", max_text_chars=800)
    document = document_from_bytes(((FRENCH + "\n\n") * 50).encode(), name="long.txt", options=options)
    record = analyzer.analyze_document(document).to_dict()
    validate(record)
    assert record["sentences"] and record["sentences"][-1]["end"] <= 800
    assert any(w.startswith("long text:") for w in record["warnings"])


def test_a_single_paragraph_over_the_limit_is_cut_at_a_space():
    options = Options(long_text="truncate", max_text_chars=100)
    document = document_from_bytes(("mot " * 500).encode(), name="mots.txt", options=options)
    assert document.text == ("mot " * 25).strip()


def test_an_unknown_long_text_choice_is_refused():
    with pytest.raises(ValueError, match="long_text"):
        Options(long_text="couper")


def test_a_page_in_english_is_analysed_with_a_warning(tmp_path):
    text = (
        "Remote work is here to stay. According to a survey published in March, 38 percent of managers "
        "work from home at least once a week. It would be hasty to conclude that productivity suffers."
    )
    record = analysed(run(write(tmp_path, "page.html", FRENCH_HTML.format(head="", text=text).encode())))
    assert record["metadata"]["language"] == "en"
    assert any("not French" in warning for warning in record["warnings"])


@pytest.mark.parametrize(
    "name, data", [("mot.html", "<html><body><article><p>Bonjour</p></article></body></html>"), ("mot.txt", "Bonjour")]
)
def test_a_single_word_is_one_sentence(tmp_path, name, data):
    record = analysed(run(write(tmp_path, name, data.encode())))
    assert [record["text"][s["start"] : s["end"]] for s in record["sentences"]] == ["Bonjour"]


@pytest.mark.parametrize("text", ["Voici un texte *a " * 20_000, "[lien " * 50_000, "![image " * 50_000])
def test_unmatched_markdown_markers_are_read_in_linear_time(text):
    """Each took minutes before its fix: the emphasis, link and image patterns tried every
    marker against the rest of the block."""
    with time_limit(20, name="dump.txt"):
        document = document_from_bytes(text.encode(), name="dump.txt")
    assert len(document.text) == len(text.strip())


def test_a_100000_letter_word_is_normalised_in_linear_time():
    from argmine.nlp.normalize import normalize

    with time_limit(20, name="mot"):
        assert normalize("a" * 100_000 + " b c") == "a" * 100_000 + " b c"


def test_the_time_limit_is_an_exit_status_of_its_own(tmp_path):
    path = write(tmp_path, "billet.txt", FRENCH.encode())
    result = CliRunner().invoke(main, ["analyze", str(path), "--time-limit", "0.001"])
    assert_error(result, path, 8, "analysis took longer than the time limit of 0.001 s")


def test_time_limit_interrupts_a_busy_block():
    started = time.monotonic()
    with pytest.raises(TimeLimitError, match="boucle: analysis took longer than the time limit of 0.2 s"):
        with time_limit(0.2, name="boucle"):
            while True:
                pass
    assert time.monotonic() - started < 5


def test_an_inner_time_limit_gives_the_outer_one_back():
    with pytest.raises(TimeLimitError, match="dehors"):
        with time_limit(0.3, name="dehors"):
            with time_limit(5, name="dedans"):
                pass
            while True:
                pass


def test_no_time_limit_means_none():
    with time_limit(None, name="rien") as armed:
        assert armed is False


def test_a_non_text_input_error_keeps_its_class():
    with pytest.raises(InputError, match="empty input"):
        document_from_bytes(b" \n ", name="vide.txt")


def test_a_batch_over_good_and_hostile_files_writes_one_line_each(tmp_path):
    from hostile_corpus import hostile_files, write_mix

    inputs = tmp_path / "pages"
    analysable, refused = write_mix(inputs, good=40, hostile=12)
    output = tmp_path / "out.jsonl"
    with time_limit(240, name="batch"):
        result = CliRunner().invoke(main, ["batch", str(inputs), "-o", str(output), "--no-progress"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == analysable + refused == 52
    by_name = {line["origin"]["input"].rsplit("/", 1)[-1]: line for line in lines}
    assert len(by_name) == 52
    expected_errors = {3: "InputError", 4: "DecodeError", 5: "ExtractionError"}
    for name, _, status in hostile_files(0):
        if status:
            assert by_name[name]["error"]["type"] == expected_errors[status], name
        else:
            assert "error" not in by_name[name], by_name[name]
            validate(by_name[name])
    good = [line for name, line in by_name.items() if name.startswith(("page-", "billet-"))]
    assert len(good) == 40
    for line in good:
        validate(line)
        assert line["sentences"]


def test_a_garbage_model_file_is_a_one_line_error_with_status_7(tmp_path):
    path = write(tmp_path, "modele.skops", b"PK\x03\x04 pas un modele")
    result = CliRunner().invoke(main, ["evaluate", "--model", str(path)])
    assert_error(result, path, 7, "not a readable model file")


def test_a_missing_model_file_is_a_model_error(tmp_path):
    from argmine import Analyzer
    from argmine.errors import ModelError

    with pytest.raises(ModelError, match="absent.skops"):
        _ = Analyzer(model_path=tmp_path / "absent.skops").classifier
