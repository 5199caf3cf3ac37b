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
    type=click.Choice(["json", "jsonl", "html", "brat", "csv"]),
    default=None,
    help="json: one pretty object (default for one source); jsonl: one line per source; "
    "html: the report page (a directory of pages for several); brat: .txt and .ann files; csv: one row per sentence.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Write to this file (a directory for brat, or html with several sources) instead of standard output.",
)
@click.option("--explain", is_flag=True, help="Add, per sentence, the features that weighed most.")
@click.option("--spacy-model", default=None, help="spaCy pipeline to use (default fr_core_news_sm).")
@click.option("--timeout", type=float, default=None, help="Seconds a URL may take, the whole response (default 20).")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0),
    default=None,
    help="Seconds one document's analysis may take, 0 for none (default 300).",
)
@click.option(
    "--long-text",
    type=click.Choice(["refuse", "truncate"]),
    default=None,
    help="A main text over 1,000,000 characters: refuse it (default) or analyse its beginning, with a warning.",
)
def analyze(sources, output_format, output, explain, spacy_model, timeout, time_limit, long_text) -> None:
    """Analyse SOURCES: file paths, http(s) URLs, or - for standard input.

    One source gives one JSON object; several give JSON Lines, one per source, where a
    source that fails becomes an error record and the exit status is 2.
    """
    import dataclasses

    from argmine.analyzer import Analyzer
    from argmine.options import Options

    options = Options(explain=explain)
    if timeout is not None:
        options = dataclasses.replace(options, timeout=timeout)
    if time_limit is not None:
        options = dataclasses.replace(options, time_limit=time_limit or None)
    if long_text is not None:
        options = dataclasses.replace(options, long_text=long_text)
    analyzer = Analyzer(options=options, spacy_model=spacy_model)
    output_format = output_format or ("json" if len(sources) == 1 else "jsonl")
    rendered = output_format in ("html", "brat", "csv")
    if output_format == "brat" and not output:
        raise click.UsageError("--format brat writes files: give -o DIRECTORY")
    if output and output.is_dir() and output_format in ("json", "jsonl", "csv"):
        raise click.UsageError(f"{output} is a directory")
    stream = output.open("w", encoding="utf-8") if output and not rendered else sys.stdout
    records, failures = [], 0
    try:
        for source in sources:
            try:
                record = analyzer.analyze(source).to_dict()
            except ArgmineError as error:
                if len(sources) == 1:
                    raise ArgmineCommandError(error) from None
                failures += 1
                click.echo(f"argmine: {error}", err=True)
                record = error_record(source, error)
            if rendered:
                records.append(record)
                continue
            indent = 2 if output_format == "json" else None
            stream.write(json.dumps(record, ensure_ascii=False, indent=indent) + "\n")
    finally:
        if stream is not sys.stdout:
            stream.close()
    if rendered:
        from argmine.render.write import write_rendered

        try:
            write_rendered(records, output_format=output_format, output=output, explain=explain)
        except ArgmineError as error:
            raise ArgmineCommandError(error) from None
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
@click.argument("inputs", nargs=-1)
@click.option(
    "-o",
    "--output",
    required=True,
    help="JSON Lines file to write, one line per input (- for standard output); the summary goes beside it.",
)
@click.option(
    "--urls",
    "urls_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="A file of URLs, one a line, fetched politely (robots.txt, per-host limits).",
)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--resume", is_flag=True, help="Keep the lines already in OUTPUT and run only the missing inputs.")
@click.option("--dask", "dask_address", default=None, help="Run on the Dask scheduler at this address, or 'local'.")
@click.option("--per-host", type=click.IntRange(min=1), default=None, help="Requests under way at once to one host.")
@click.option("--delay", type=click.FloatRange(min=0), default=None, help="Seconds between requests to one host.")
@click.option("--explain", is_flag=True, help="Add, per sentence, the features that weighed most.")
@click.option("--spacy-model", default=None, help="spaCy pipeline to use (default fr_core_news_sm).")
@click.option("--timeout", type=float, default=None, help="Seconds to wait for a URL.")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0),
    default=None,
    help="Seconds one document's analysis may take, 0 for none (default 300); a stuck one becomes an error record.",
)
@click.option("--no-progress", is_flag=True, help="No progress bar or progress lines on standard error.")
def batch(
    inputs,
    output,
    urls_file,
    workers,
    resume,
    dask_address,
    per_host,
    delay,
    explain,
    spacy_model,
    timeout,
    time_limit,
    no_progress,
) -> None:
    """Analyse many INPUTS into one JSON Lines file, in parallel and resumable.

    INPUTS are files, directories (walked for .html .htm .xhtml .txt .md .markdown),
    globs, JSON Lines files (records with url, html or text, and an optional id), WARC
    files and URLs. Failures become error records and the exit status is 2.
    """
    import dataclasses

    from argmine.batch import Politeness, run_batch
    from argmine.options import Options

    if not inputs and urls_file is None:
        raise click.UsageError("give INPUTS or --urls FILE")
    options = Options(explain=explain)
    if timeout is not None:
        options = dataclasses.replace(options, timeout=timeout)
    if time_limit is not None:
        options = dataclasses.replace(options, time_limit=time_limit or None)
    politeness = Politeness()
    if per_host is not None:
        politeness = dataclasses.replace(politeness, per_host=per_host)
    if delay is not None:
        politeness = dataclasses.replace(politeness, delay=delay)
    try:
        summary = run_batch(
            inputs,
            output=None if output == "-" else Path(output),
            urls_file=urls_file,
            workers=workers,
            resume=resume,
            dask=dask_address,
            options=options,
            spacy_model=spacy_model,
            politeness=politeness,
            progress=not no_progress,
        )
    except ArgmineError as error:
        raise ArgmineCommandError(error) from None
    click.echo(summary.format(), err=True)
    if summary.failed:
        sys.exit(EXIT_SOME_FAILED)


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
@click.option(
    "--sources",
    "sources_only",
    is_flag=True,
    help="Score source mentions (detection, typing, coreference) instead of sentence labels.",
)
@click.option("--rules", is_flag=True, help="Also report each rule's coverage and precision (as JSON).")
def evaluate(split, devset, model_path, as_json, sources_only, rules) -> None:
    """Per-label precision, recall, F1, mission macro-F1 and confusion matrix.

    With --sources: source mention precision, recall and F1 (exact and overlapping
    spans), typing accuracy and coreference pair F1 on a corpus split, or on a devset
    (no coreference there: its sources carry no identities).
    """
    from argmine.classify import model
    from argmine.classify.evaluate import devset_rows, format_report, scores
    from argmine.corpus import load_corpus

    if sources_only:
        from argmine.nlp import load_pipeline
        from argmine.nlp.evaluate import evaluate_sources

        reports = {}
        if split or not devset:
            figures = evaluate_sources(load_corpus(None, split or "test"), load_pipeline())
            reports[f"sources, corpus {split or 'test'} split"] = figures
        if devset:
            from argmine.nlp.evaluate import evaluate_devset_sources

            reports[f"sources, devset {devset}"] = evaluate_devset_sources(devset, load_pipeline())
        click.echo(json.dumps(reports, ensure_ascii=False, indent=2))
        return
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
    if rules:
        from argmine.classify.evaluate import rule_report

        if split or not devset:
            reports[f"rules, corpus {split or 'test'} split"] = rule_report(
                *model.corpus_rows(load_corpus(None, split or "test"))
            )
        if devset:
            reports[f"rules, devset {devset}"] = rule_report(*devset_rows(devset)[:2])
    if as_json or rules:
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


@corpus.command("agreement")
@click.argument("directory", required=False, type=click.Path(file_okay=False, exists=True, path_type=Path))
def corpus_agreement(directory) -> None:
    """Cohen's kappa between the corpus labels and the blind second pass."""
    from argmine.corpus import CorpusFormatError, agreement

    try:
        click.echo(json.dumps(agreement(directory), ensure_ascii=False, indent=2))
    except (CorpusFormatError, OSError, KeyError) as error:
        raise click.ClickException(str(error).splitlines()[0]) from None


@main.command()
@click.argument("source")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="The page to write (standard output if absent); a directory for a .jsonl of several analyses.",
)
@click.option("--explain", is_flag=True, help="Show why each sentence got its label (analyses made with --explain).")
def report(source, output, explain) -> None:
    """The HTML report of SOURCE: anything `analyze` reads, or an ANALYSIS.json / OUT.jsonl it wrote."""
    from argmine.render.write import read_analyses, write_html

    try:
        records = read_analyses(Path(source))
        if records is None:
            from argmine.analyzer import Analyzer
            from argmine.ingest import read_source
            from argmine.options import Options

            options = Options(explain=explain)
            records = [Analyzer(options=options).analyze_document(read_source(source, options=options)).to_dict()]
        elif explain and not any("explanation" in s for r in records for s in r.get("sentences", [])):
            click.echo(f"argmine: {source} holds no explanations; run argmine analyze --explain", err=True)
        if len(records) > 1 and output is None:
            raise click.UsageError("several analyses give several pages: give -o DIRECTORY")
        written = write_html(records, output=output, explain=explain)
    except ArgmineError as error:
        raise ArgmineCommandError(error) from None
    for path in written:
        click.echo(f"argmine: wrote {path}", err=True)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--allow-private-urls",
    is_flag=True,
    help="Also fetch URLs that resolve to private, loopback or link-local addresses (refused by default).",
)
def serve(host, port, allow_private_urls) -> None:
    """The editor's web app and the HTTP API (POST /analyze, /openapi.json)."""
    from argmine.serve import run

    click.echo(f"argmine: serving on http://{host}:{port}/", err=True)
    run(host=host, port=port, allow_private_urls=allow_private_urls)


@main.command("import-brat")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Corpus documents directory, such as corpus/documents/.",
)
@click.option("--register", default=None, help="The documents' register (corpus/FORMAT.md), unless already known.")
@click.option("--variety", default=None, help="fr-FR, fr-CA, fr-BE, fr-CH or fr-AF, unless already known.")
@click.option("--topic", default=None, help="The documents' topic, one of corpus/splits.json.")
def import_brat(path, output, register, variety, topic) -> None:
    """Turn corrected brat files (a .ann or a directory of them) into corpus documents."""
    from argmine.render.brat import brat_files
    from argmine.render.brat import import_brat as import_one

    try:
        files = brat_files(path)
    except ArgmineError as error:
        raise ArgmineCommandError(error) from None
    if not files:
        raise click.ClickException(f"{path}: no .ann file")
    failures = 0
    for ann in files:
        try:
            written = import_one(ann, output_dir=output, register=register, variety=variety, topic=topic)
        except ArgmineError as error:
            if len(files) == 1:
                raise ArgmineCommandError(error) from None
            failures += 1
            click.echo(f"argmine: {error}", err=True)
            continue
        click.echo(f"argmine: wrote {written}", err=True)
    if failures:
        sys.exit(EXIT_SOME_FAILED)


if __name__ == "__main__":
    main()
