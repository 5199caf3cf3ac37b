"""argmine batch: inputs of every kind, one line each, duplicates, resume after a kill, backends."""

from __future__ import annotations

import http.server
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmine.analysis import validate
from argmine.batch import Politeness, run_batch
from argmine.cli import main
from conftest import REPO

CITIES = ["Rennes", "Lille", "Grenoble", "Nantes", "Dijon", "Metz", "Brest", "Pau"]
SUBJECTS = ["la piscine municipale", "le nouveau tramway", "la cantine bio", "le parking du marché", "la médiathèque"]

ARTICLE_HTML = """<!doctype html><html lang="fr"><head><title>Vélo à l'école</title></head><body>
<nav><a href="/">Accueil</a> | <a href="/contact">Contact</a></nav>
<article><h1>Le vélo à l'école progresse lentement</h1>
<p>Selon une enquête de l'Ademe publiée en mars, 18 % des écoliers vont désormais à l'école à vélo.</p>
<p>Le ministère affirme que ce chiffre a doublé en cinq ans, mais les associations de parents jugent
les pistes cyclables encore trop dangereuses autour des établissements.</p>
<p>Il faut que chaque commune sécurise au moins un itinéraire entre les quartiers et l'école.</p>
</article><footer>Mentions légales</footer></body></html>"""


def french_text(number: int) -> str:
    """A short French blog post, different for each ``number``."""
    city, subject = CITIES[number % len(CITIES)], SUBJECTS[number % len(SUBJECTS)]
    share = 20 + number
    return (
        f"{subject.capitalize()} de {city} fait débat\n\n"
        f"Selon une enquête de l'observatoire régional publiée en mai, {share} % des habitants de {city} "
        f"jugent {subject} trop coûteuse. Le maire affirme pourtant que le budget n'a pas augmenté depuis "
        f"{2010 + number % 12}.\n\n"
        f"Il faut que le conseil municipal publie enfin les comptes de {subject}."
    )


def write_texts(directory: Path, count: int) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = directory / f"billet-{number:03d}.txt"
        path.write_text(french_text(number), encoding="utf-8")
        paths.append(path)
    return paths


def read_lines(path: Path) -> list[dict]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in records:
        validate(record)
    return records


def by_input(records: list[dict]) -> dict[str, dict]:
    return {record["origin"]["input"]: record for record in records}


def test_every_kind_of_file_input_gives_one_valid_line_and_failures_exit_2(tmp_path):
    write_texts(tmp_path / "docs" / "sous-dossier", 2)
    (tmp_path / "docs" / "page.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "docs" / "notes.csv").write_text("ignoré,par,le,parcours\n", encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text(
        json.dumps({"id": "r-1", "text": french_text(7)}, ensure_ascii=False)
        + "\n{pas du json\n"
        + json.dumps({"titre": "sans texte"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main,
        [
            "batch",
            str(tmp_path / "docs"),
            str(records),
            str(tmp_path / "docs" / "*.html"),
            "absent.txt",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 2, result.output
    lines = by_input(read_lines(out))
    assert set(lines) == {
        str(tmp_path / "docs" / "page.html"),
        str(tmp_path / "docs" / "sous-dossier" / "billet-000.txt"),
        str(tmp_path / "docs" / "sous-dossier" / "billet-001.txt"),
        f"{records}:1",
        f"{records}:2",
        f"{records}:3",
        "absent.txt",
    }
    assert lines[f"{records}:1"]["id"] == "r-1" and lines[f"{records}:1"]["sentences"]
    assert lines[f"{records}:2"]["error"]["type"] == "InputError"
    assert lines["absent.txt"]["error"]["message"] == "absent.txt: no such file"
    assert "vélo" in lines[str(tmp_path / "docs" / "page.html")]["metadata"]["title"]
    summary = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert summary["status"] == {"ok": 4, "error": 3, "duplicate": 0}
    assert summary["repeated_inputs"] == 1


def test_all_inputs_succeeding_exit_0_and_stdout_holds_only_json_lines(tmp_path):
    paths = write_texts(tmp_path, 2)
    result = CliRunner().invoke(main, ["batch", *map(str, paths), "-o", "-"])
    assert result.exit_code == 0
    assert [json.loads(line)["origin"]["input"] for line in result.stdout.splitlines()] == list(map(str, paths))


def test_pages_with_the_same_main_text_are_analysed_once(tmp_path):
    first, second = tmp_path / "original.txt", tmp_path / "copie.txt"
    first.write_text(french_text(3), encoding="utf-8")
    second.write_text(french_text(3) + "\n\n\n", encoding="utf-8")
    summary = run_batch([str(first), str(second)], output=tmp_path / "out.jsonl")
    lines = by_input(read_lines(tmp_path / "out.jsonl"))
    assert lines[str(second)]["duplicate_of"] == lines[str(first)]["id"]
    assert "sentences" not in lines[str(second)]
    assert summary.status["duplicate"] == 1 and summary.status["ok"] == 1


def test_resume_cuts_a_partial_last_line_and_runs_only_the_missing_inputs(tmp_path):
    paths = list(map(str, write_texts(tmp_path / "docs", 3)))
    out = tmp_path / "out.jsonl"
    run_batch(paths[:2], output=out)
    complete = out.read_text(encoding="utf-8")
    last_start = complete.rstrip("\n").rfind("\n") + 1
    out.write_text(complete[: last_start + 40], encoding="utf-8")
    summary = run_batch(paths, output=out, resume=True)
    keys = [record["origin"]["input"] for record in read_lines(out)]
    assert sorted(keys) == sorted(paths)
    assert summary.skipped == 1 and summary.repaired_bytes == 40 and summary.status["ok"] == 2


def test_resume_remembers_texts_analysed_before_the_interruption(tmp_path):
    original, copy = tmp_path / "a.txt", tmp_path / "b.txt"
    original.write_text(french_text(5), encoding="utf-8")
    copy.write_text(french_text(5), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_batch([str(original)], output=out)
    run_batch([str(original), str(copy)], output=out, resume=True)
    lines = by_input(read_lines(out))
    assert lines[str(copy)]["duplicate_of"] == lines[str(original)]["id"]


def test_a_batch_killed_mid_run_resumes_with_every_input_exactly_once(tmp_path):
    paths = list(map(str, write_texts(tmp_path / "docs", 40)))
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, "-m", "argmine.cli", "batch", str(tmp_path / "docs"), "-o", str(out), "--no-progress"]
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.stat().st_size > 0:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    written_before = out.read_bytes().count(b"\n")
    assert 0 < written_before < 40
    resumed = subprocess.run([*command, "--resume"], env=env, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    keys = [record["origin"]["input"] for record in read_lines(out)]
    assert sorted(keys) == sorted(paths)


def test_warc_html_responses_are_inputs_keyed_by_offset(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    archive = tmp_path / "crawl.warc.gz"
    with archive.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, content_type, body in (
            ("https://exemple.fr/logo.png", "image/png", b"\x89PNG\r\n"),
            ("https://exemple.fr/velo", "text/html; charset=utf-8", ARTICLE_HTML.encode("utf-8")),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
    (bad := tmp_path / "casse.warc").write_bytes(b"ceci n'est pas une archive\n")
    run_batch([str(archive), str(bad)], output=tmp_path / "out.jsonl")
    records = read_lines(tmp_path / "out.jsonl")
    page, broken = records
    assert page["origin"]["url"] == "https://exemple.fr/velo"
    assert page["origin"]["input"].startswith(f"{archive}@") and page["sentences"]
    assert broken["error"]["type"] == "InputError" and "WARC" in broken["error"]["message"]


class _PoliteHandler(http.server.BaseHTTPRequestHandler):
    pages = {
        "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /prive/\n"),
        "/velo": (200, "text/html; charset=utf-8", ARTICLE_HTML.encode("utf-8")),
        "/velo-bis": (200, "text/html; charset=utf-8", ARTICLE_HTML.replace("18 %", "19 %").encode("utf-8")),
        "/prive/brouillon": (200, "text/html; charset=utf-8", ARTICLE_HTML.encode("utf-8")),
    }
    log: list = []
    busy = [0, 0]
    lock = threading.Lock()

    def do_GET(self):  # noqa: N802 (http.server's naming)
        with self.lock:
            self.log.append((self.path, time.monotonic()))
            self.busy[0] += 1
            self.busy[1] = max(self.busy)
        time.sleep(0.05)
        status, content_type, body = self.pages.get(self.path, (404, "text/plain", b"absent"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        with self.lock:
            self.busy[0] -= 1

    def log_message(self, *args):
        pass


@pytest.fixture
def polite_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PoliteHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_urls_are_fetched_politely(tmp_path, polite_server):
    urls = tmp_path / "urls.txt"
    pages = ["/velo", "/velo-bis", "/prive/brouillon", "/absent"]
    urls.write_text(
        "# à lire\n" + "".join(f"{polite_server}{page}\n" for page in pages) + "ftp://x\n", encoding="utf-8"
    )
    delay = 0.3
    summary = run_batch(
        [], urls_file=urls, output=tmp_path / "out.jsonl", politeness=Politeness(per_host=1, delay=delay)
    )
    lines = by_input(read_lines(tmp_path / "out.jsonl"))
    assert lines[f"{polite_server}/velo"]["sentences"] and lines[f"{polite_server}/velo-bis"]["sentences"]
    assert "robots.txt" in lines[f"{polite_server}/prive/brouillon"]["error"]["message"]
    assert lines[f"{polite_server}/absent"]["error"]["type"] == "FetchError"
    assert lines[f"{urls}:6"]["error"]["type"] == "InputError"
    requested = [path for path, _ in _PoliteHandler.log]
    assert sorted(requested) == ["/absent", "/robots.txt", "/velo", "/velo-bis"]
    starts = [moment for _, moment in _PoliteHandler.log]
    assert min(b - a for a, b in zip(starts, starts[1:])) > delay / 2
    assert _PoliteHandler.busy[1] == 1
    assert summary.source_types["url"]["ok"] == 2


def test_dask_local_cluster_writes_the_same_records_as_a_local_run(tmp_path):
    from distributed import LocalCluster

    paths = list(map(str, write_texts(tmp_path / "docs", 5)))
    run_batch(paths, output=tmp_path / "local.jsonl")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        run_batch(paths, output=tmp_path / "dask.jsonl", dask=cluster.scheduler_address)
    local = {record["id"]: record for record in read_lines(tmp_path / "local.jsonl")}
    remote = {record["id"]: record for record in read_lines(tmp_path / "dask.jsonl")}
    assert local == remote and len(local) == 5


def test_two_worker_processes_write_the_same_records_as_one(tmp_path):
    paths = list(map(str, write_texts(tmp_path / "docs", 6)))
    paths.append(str(tmp_path / "absent.txt"))
    run_batch(paths, output=tmp_path / "one.jsonl")
    summary = run_batch(paths, output=tmp_path / "two.jsonl", workers=2)
    one = {record["id"]: record for record in read_lines(tmp_path / "one.jsonl")}
    two = {record["id"]: record for record in read_lines(tmp_path / "two.jsonl")}
    assert one == two and summary.backend == "processes" and summary.failed == 1


def test_a_missing_spacy_model_stops_the_batch_with_one_line(tmp_path):
    paths = write_texts(tmp_path, 1)
    result = CliRunner().invoke(
        main, ["batch", str(paths[0]), "-o", str(tmp_path / "o.jsonl"), "--spacy-model", "xx_absent"]
    )
    assert result.exit_code == 7 and "Traceback" not in result.output


def test_a_document_past_the_time_limit_becomes_an_error_record_and_the_rest_go_on(tmp_path):
    paths = write_texts(tmp_path / "in", 2)
    long_post = tmp_path / "in" / "billet-long.txt"
    long_post.write_text("\n\n".join(french_text(n) for n in range(400)), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["batch", str(tmp_path / "in"), "-o", str(output), "--time-limit", "1", "--no-progress"]
    )
    records = by_input(read_lines(output))
    assert result.exit_code == 2
    assert records[str(long_post)]["error"]["type"] == "TimeLimitError"
    assert all("sentences" in records[str(path)] for path in paths)
