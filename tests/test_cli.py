"""The command line: exit statuses, one-line errors, formats."""

import json
import subprocess
import sys

from click.testing import CliRunner

from argmine.cli import main
from conftest import EXAMPLE


def test_analyze_prints_one_json_object():
    result = CliRunner().invoke(main, ["analyze", str(EXAMPLE)])
    assert result.exit_code == 0
    assert json.loads(result.output)["metadata"]["author"] == "Camille Roussel"


def test_several_sources_give_json_lines_with_error_records(tmp_path):
    missing = tmp_path / "absent.html"
    result = CliRunner().invoke(main, ["analyze", str(EXAMPLE), str(missing), "-o", str(tmp_path / "out.jsonl")])
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert result.exit_code == 2
    assert lines[0]["origin"]["path"] == str(EXAMPLE)
    assert lines[1]["error"]["type"] == "InputError"


def test_missing_file_is_a_one_line_error():
    result = CliRunner().invoke(main, ["analyze", "nulle-part.txt"])
    assert result.exit_code == 3
    assert result.output.strip() == "Error: nulle-part.txt: no such file"


def test_empty_file_is_refused(tmp_path):
    empty = tmp_path / "vide.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(empty)])
    assert result.exit_code == 3 and "empty input" in result.output


def test_binary_file_is_refused(tmp_path):
    image = tmp_path / "photo.html"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = CliRunner().invoke(main, ["analyze", str(image)])
    assert result.exit_code == 4 and "binary" in result.output and "Traceback" not in result.output


def test_unreachable_url_is_a_one_line_error():
    result = CliRunner().invoke(main, ["analyze", "http://127.0.0.1:9/page", "--timeout", "2"])
    assert result.exit_code == 6 and len(result.output.strip().splitlines()) == 1


def test_stdin_is_read():
    result = CliRunner().invoke(main, ["analyze", "-"], input=EXAMPLE.read_bytes())
    assert result.exit_code == 0 and json.loads(result.output)["origin"]["path"] == "-"


def test_schema_command_prints_the_schema():
    result = CliRunner().invoke(main, ["schema"])
    assert json.loads(result.output)["title"] == "argmine analysis"


def test_help_does_not_load_spacy():
    code = (
        "import sys; from argmine.cli import main\ntry:\n main(['--help'])\nexcept SystemExit: pass\n"
        "print(any(m.startswith(('spacy', 'sklearn')) for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip().endswith("False")
