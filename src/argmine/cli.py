"""The ``argmine`` command: one thin click group over the library.

Each command parses its options, calls the library and prints. An ``ArgmineError``
becomes a one-line message and the error's exit status; nothing below this module
calls ``sys.exit``. Heavy imports happen inside the commands, so ``--help`` is instant.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from argmine import __version__
from argmine.errors import ArgmineError

EXIT_SOME_FAILED = 2


class ArgmineCommandError(click.ClickException):
    def __init__(self, error: ArgmineError) -> None:
        super().__init__(str(error).splitlines()[0] if str(error) else type(error).__name__)
        self.exit_code = error.exit_code


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmine")
def main() -> None:
    """argmine: the argument of French blog and news pages, as JSON."""


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "jsonl"]),
    default=None,
    help="json: one pretty object (default for one source); jsonl: one line per source.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@click.option("--explain", is_flag=True, help="Add, per sentence, the features that weighed most.")
@click.option("--spacy-model", default=None, help="spaCy pipeline to use (default fr_core_news_sm).")
@click.option("--timeout", type=float, default=None, help="Seconds to wait for a URL.")
def analyze(sources, output_format, output, explain, spacy_model, timeout) -> None:
    """Analyse SOURCES: file paths, http(s) URLs, or - for standard input.

    One source gives one JSON object; several give JSON Lines, one per source, where a
    source that fails becomes an error record and the exit status is 2.
    """
    import dataclasses

    from argmine.analyzer import Analyzer
    from argmine.ingest import read_source
    from argmine.options import Options

    options = Options(explain=explain)
    if timeout is not None:
        options = dataclasses.replace(options, timeout=timeout)
    analyzer = Analyzer(options=options, spacy_model=spacy_model)
    output_format = output_format or ("json" if len(sources) == 1 else "jsonl")
    stream = output.open("w", encoding="utf-8") if output else sys.stdout
    failures = 0
    try:
        for source in sources:
            try:
                record = analyzer.analyze_document(read_source(source, options=options)).to_dict()
            except ArgmineError as error:
                if len(sources) == 1:
                    raise ArgmineCommandError(error) from None
                failures += 1
                click.echo(f"argmine: {error}", err=True)
                record = error_record(source, error)
            indent = 2 if output_format == "json" else None
            stream.write(json.dumps(record, ensure_ascii=False, indent=indent) + "\n")
    finally:
        if output:
            stream.close()
    if failures:
        sys.exit(EXIT_SOME_FAILED)


def error_record(source: str, error: Exception) -> dict:
    import hashlib

    from argmine.ingest import is_url

    origin = {"url": source} if is_url(source) else {"path": source}
    return {
        "id": hashlib.sha256(source.encode("utf-8")).hexdigest()[:16],
        "origin": origin,
        "error": {"type": type(error).__name__, "message": str(error).splitlines()[0] if str(error) else ""},
    }


@main.command()
def schema() -> None:
    """Print the JSON Schema that every analysis follows."""
    from argmine.analysis import schema as load_schema

    click.echo(json.dumps(load_schema(), ensure_ascii=False, indent=2))


@main.command()
@click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Corpus directory (default: the source tree's corpus/).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Model file to write (default: models/argmine-sentences.skops).",
)
@click.option("--splits", default="train", show_default=True, help="Comma-separated corpus splits to train on.")
def train(corpus_dir, output, splits) -> None:
    """Train the sentence classifier on the corpus and save it with skops."""
    from argmine.classify import model
    from argmine.classify.evaluate import format_report, scores
    from argmine.corpus import default_corpus_dir, load_corpus

    corpus_dir = corpus_dir or default_corpus_dir()
    try:
        documents = [d for split in splits.split(",") for d in load_corpus(corpus_dir, split.strip())]
        if not documents:
            raise click.ClickException(f"no documents in split(s) {splits} of {corpus_dir}")
        fitted = model.train(documents)
        target = output or (Path(__file__).resolve().parents[2] / "models" / model.MODEL_FILENAME)
        model.save(fitted, target)
    except ArgmineError as error:
        raise ArgmineCommandError(error) from None
    except ValueError as error:
        raise click.ClickException(str(error).splitlines()[0]) from None
    click.echo(f"trained on {len(documents)} documents of split(s) {splits}; saved {target}", err=True)
    test = load_corpus(corpus_dir, "test")
    if test:
        rows, gold = model.corpus_rows(test)
        click.echo(format_report(scores(gold, model.label_rows(fitted, rows)[0]), "corpus test split"), err=True)


@main.command()
@click.option(
    "--split",
    type=click.Choice(["train", "dev", "test"]),
    default=None,
    help="Evaluate on this corpus split (default: test, unless --devset is given).",
)
@click.option(
    "--devset",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="A directory with docs.jsonl and sentences.jsonl, such as ../shared/devset.",
)
@click.option("--model", "model_path", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(split, devset, model_path, as_json) -> None:
    """Per-label precision, recall, F1, mission macro-F1 and confusion matrix."""
    from argmine.classify import model
    from argmine.classify.evaluate import devset_rows, format_report, scores
    from argmine.corpus import load_corpus

    try:
        fitted = model.load(model_path) if model_path else model.load_bundled()
    except ArgmineError as error:
        raise ArgmineCommandError(error) from None
    reports = {}
    if split or not devset:
        rows, gold = model.corpus_rows(load_corpus(None, split or "test"))
        reports[f"corpus {split or 'test'} split"] = scores(gold, model.label_rows(fitted, rows)[0])
    if devset:
        rows, gold, _ = devset_rows(devset)
        reports[f"devset {devset}"] = scores(gold, model.label_rows(fitted, rows)[0])
    if as_json:
        click.echo(json.dumps(reports, ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(format_report(report, title) for title, report in reports.items()))


@main.group()
def corpus() -> None:
    """Check and summarise the annotated corpus."""


@corpus.command("check")
@click.argument("directory", required=False, type=click.Path(file_okay=False, exists=True, path_type=Path))
def corpus_check(directory) -> None:
    """Validate every corpus file: spans, labels, sources, splits."""
    from argmine.corpus import check_corpus

    problems = check_corpus(directory)
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in the corpus")
    click.echo("corpus ok")


@corpus.command("stats")
@click.argument("directory", required=False, type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def corpus_stats(directory, as_json) -> None:
    """Counts of documents, sentences, labels, topics and HTML pages."""
    from argmine.corpus import CorpusFormatError
    from argmine.corpus import corpus_stats as stats

    try:
        figures = stats(directory)
    except CorpusFormatError as error:
        raise click.ClickException(str(error).splitlines()[0]) from None
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False))
    else:
        for key, value in figures.items():
            click.echo(f"{key}: {value}")


if __name__ == "__main__":
    main()
