"""The `clusterqa` command: ingest, ask, brief, documents, remove, eval, bench, serve."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import ClusterQAError, QuestionError
from .settings import Settings

F = TypeVar("F", bound=Callable[..., Any])


def friendly_errors(func: F) -> F:
    """Our own errors become one 'Error: ...' line and exit code 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClusterQAError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def _settings(ctx: click.Context) -> Settings:
    return ctx.ensure_object(dict)["settings"]  # type: ignore[no-any-return]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--index-dir", type=click.Path(path_type=Path), help="Chroma store folder [CLUSTERQA_INDEX_DIR, default index/].")
@click.option("--llm-base-url", help="LLM server for --answerer llm, e.g. http://127.0.0.1:8080/v1 [CLUSTERQA_LLM_BASE_URL].")
@click.option("--llm-model", help="Model name the LLM server knows, or a .gguf path for llamacpp [CLUSTERQA_LLM_MODEL].")
@click.option("--llm-provider", type=click.Choice(["openai", "ollama", "llamacpp"]),
              help="openai (any OpenAI-compatible server), ollama or llamacpp [CLUSTERQA_LLM_PROVIDER, default openai].")
@click.option("--llm-timeout", type=click.FloatRange(0.1), help="Seconds before the extractive answer stands in [default 30].")
@click.version_option(package_name="clusterqa")
@click.pass_context
@friendly_errors
def main(
    ctx: click.Context,
    index_dir: Path | None,
    llm_base_url: str | None,
    llm_model: str | None,
    llm_provider: str | None,
    llm_timeout: float | None,
) -> None:
    """Cited, offline answers about NP11's 'Innovation Clusters in the North of England'.

    Build the index once with 'clusterqa ingest', then 'clusterqa ask "QUESTION"'.
    Settings come from CLUSTERQA_* environment variables (see the README).
    """
    ctx.ensure_object(dict)["settings"] = Settings.from_env(
        index_dir=index_dir, llm_base_url=llm_base_url, llm_model=llm_model, llm_provider=llm_provider, llm_timeout=llm_timeout
    )


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; print only the summary line.")
@click.pass_context
@friendly_errors
def ingest(ctx: click.Context, paths: tuple[Path, ...], quiet: bool) -> None:
    """Index PDF, Markdown, text, DOCX and HTML files (default: corpus/).

    Re-running is safe: unchanged files are skipped, changed files replaced, and
    files removed from a folder are dropped from the index when that folder is
    ingested again.
    """
    import time

    from tqdm import tqdm

    from .ingest import IngestReport
    from .pipeline import Assistant

    settings = _settings(ctx)
    targets = list(paths) or [settings.corpus_dir]
    assistant = Assistant.from_settings(settings, require_index=False)
    # tqdm shows files done, files/s and the time left; the postfix adds pages/s of what is indexed
    bar = None if quiet else tqdm(total=0, unit="file", desc="Ingesting", file=sys.stderr)
    report = IngestReport()
    started = time.perf_counter()

    def progress(name: str, done: int, total: int) -> None:
        if bar is None:
            return
        bar.total = total
        bar.n = done
        rate = report.pages_indexed / max(time.perf_counter() - started, 1e-6)
        counts = f"{report.pages_indexed} pages, {report.chunks_indexed} chunks, {rate:.1f} pages/s"
        bar.set_postfix_str(f"{name} ({counts})" if name else counts)
        bar.refresh()

    try:
        report = assistant.ingest(targets, progress=progress, report=report)
    finally:
        if bar is not None:
            bar.close()
    click.echo(f"Ingested {report.summary()}.")
    for _, why in report.failed:
        click.echo(f"Error: {why}", err=True)
    if report.failed:
        raise click.exceptions.Exit(1)


@main.command()
@click.argument("question", required=False)
@click.option("--k", type=click.IntRange(1, 50), help="Passages to retrieve [default 5].")
@click.option("--cluster", help="Only this case study: a region, cluster or 'Region: Cluster' (e.g. 'Tees Valley').")
@click.option("--document", help="Only this document (file name).")
@click.option("--answerer", help="extractive (quotes the documents) or llm (CLUSTERQA_LLM_*) [CLUSTERQA_ANSWERER].")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as one JSON object.")
@click.pass_context
@friendly_errors
def ask(
    ctx: click.Context,
    question: str | None,
    k: int | None,
    cluster: str | None,
    document: str | None,
    answerer: str | None,
    as_json: bool,
) -> None:
    """Answer QUESTION with cited sources, or say the documents do not answer it.

    With no QUESTION, reads one question per line from standard input and writes
    one JSON object per line (the model is loaded once); a line that cannot be
    asked (too long) gives {"question", "error"}. With --answerer llm the
    answer prints as the model writes it, each sentence once its citation is checked.
    """
    from .answer import Answer
    from .pipeline import Assistant

    assistant = Assistant.from_settings(_settings(ctx))
    options: dict[str, Any] = {"k": k, "cluster": cluster, "document": document, "answerer": answerer}
    if question is None:
        if sys.stdin.isatty():
            click.echo("Type one question per line; Ctrl-D to finish.", err=True)
        for line in sys.stdin:
            if line.strip():
                try:
                    result = assistant.ask(line.strip(), **options).to_dict()
                except QuestionError as exc:  # one bad line does not stop the batch
                    result = {"question": line.strip()[:200], "error": str(exc)}
                click.echo(json.dumps(result, ensure_ascii=False))
        return
    if not question.strip():
        raise click.UsageError("QUESTION is empty.")
    if as_json:
        click.echo(json.dumps(assistant.ask(question, **options).to_dict(), ensure_ascii=False, indent=2))
        return
    streamed, answer = False, None
    for event in assistant.ask_stream(question, **options):
        if isinstance(event, Answer):
            answer = event
        else:
            click.echo(event, nl=False)  # click flushes: each checked sentence shows as it is ready
            streamed = True
    assert answer is not None
    if streamed:
        click.echo()
    else:
        click.echo(answer.answer)
    if answer.generation and answer.generation.note:
        click.echo(f"\nNote: {answer.generation.note}")
        for dropped in answer.generation.dropped:
            click.echo(f'  dropped: "{dropped.sentence}" ({dropped.reason})')
    if answer.citations:
        click.echo("\nSources:")
        for c in answer.citations:
            click.echo(f"  [{c.n}] {c.source}, p. {c.page} — {c.section}")
            click.echo(f'      "{c.quote}"')
    if answer.steered_to:
        click.echo(f"\n(Focused on: {', '.join(answer.steered_to)})")


@main.command()
@click.argument("topic")
@click.option("--cluster", "clusters", multiple=True,
              help="Brief on this case study (repeatable): a region, cluster or 'Region: Cluster'.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the note to FILE.md (Markdown) or FILE.docx (Word) instead of printing it.")
@click.option("--answerer", help="extractive (quotes only) or llm (phrases the key points, each sentence checked) "
              "[CLUSTERQA_ANSWERER].")
@click.option("--json", "as_json", is_flag=True, help="Print the note as one JSON object.")
@click.pass_context
@friendly_errors
def brief(
    ctx: click.Context, topic: str, clusters: tuple[str, ...], out: Path | None, answerer: str | None, as_json: bool
) -> None:
    """Draft a briefing note on TOPIC: a cluster or region ('the North East space cluster'), a theme
    ('skills', 'net zero') or free text.

    The note has key points, background on the relevant case studies, a table of
    figures, the relevant recommendations, and sources: every sentence is quoted
    from the documents with a footnote giving its page, section and the quote.
    When the documents say little or nothing on the topic, the note says so.
    """
    from .brief import draft_brief
    from .briefdoc import to_markdown, write_note

    if not topic.strip():
        raise click.UsageError("TOPIC is empty.")
    if out is not None and out.suffix.lower() not in {".md", ".docx"}:
        raise click.UsageError(f"--out must end in .md or .docx, not '{out.suffix or out.name}'.")
    from .pipeline import Assistant

    assistant = Assistant.from_settings(_settings(ctx))
    note = draft_brief(assistant, topic, clusters, answerer=answerer)
    if as_json:
        click.echo(json.dumps(note.to_dict(), ensure_ascii=False, indent=2))
    elif out is None:
        click.echo(to_markdown(note), nl=False)
    if out is not None:
        write_note(note, out)
        what = "nothing to brief on" if note.abstained else f"{len(note.key_points)} key points, {len(note.notes)} sources"
        click.echo(f"Wrote {out} ({what}) in {note.latency_ms / 1000:.2f} s.", err=as_json)


@main.command()
@click.pass_context
@friendly_errors
def documents(ctx: click.Context) -> None:
    """List indexed documents with pages, chunks and when they were ingested."""
    import datetime

    from .pipeline import Assistant

    assistant = Assistant.from_settings(_settings(ctx))
    docs = assistant.index.documents()
    if not docs:
        click.echo("No documents indexed. Run 'clusterqa ingest corpus/'.")
    for d in docs:
        when = datetime.datetime.fromtimestamp(d.ingested_at).strftime("%Y-%m-%d %H:%M")
        click.echo(f"{d.source}\t{d.pages} pages\t{d.chunks} chunks\t{when}\t{d.title}")


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.pass_context
@friendly_errors
def remove(ctx: click.Context, path: Path) -> None:
    """Remove one document (by path or file name) from the index."""
    from .pipeline import Assistant

    assistant = Assistant.from_settings(_settings(ctx))
    matches = [d.path for d in assistant.index.documents() if d.path == str(path.resolve()) or d.source == path.name]
    if not matches:
        raise ClusterQAError(f"No indexed document matches '{path}'. See 'clusterqa documents'.")
    for match in matches:
        n = assistant.remove(match)
        click.echo(f"Removed {match} ({n} chunks).")


@main.command("eval")
@click.argument("test_set", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("eval-runs/latest"),
              show_default=True, help="Folder for results.jsonl, report.json and report.html.")
@click.option("--k", type=click.IntRange(1, 50), help="Passages to retrieve [default 5].")
@click.option("--answerer", help="extractive or llm [CLUSTERQA_ANSWERER, default extractive].")
@click.option("--pipeline", type=click.Choice(["ours", "baseline"]), default="ours", show_default=True,
              help="'baseline' runs the plain LangChain tutorial pipeline instead.")
@click.option("--with-baseline", is_flag=True, help="Also run the baseline and show it side by side.")
@click.option("--compare", "compare_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="An earlier --out folder: report flips and metric deltas.")
@click.option("--export", "export", type=click.Choice(["ragas"]), help="Also write ragas columns to DIR/ragas.jsonl.")
@click.option("--check", "thresholds", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A thresholds TOML; exit 1 if any metric misses its bar (the CI gate).")
@click.pass_context
@friendly_errors
def eval_command(
    ctx: click.Context,
    test_set: Path,
    out: Path,
    k: int | None,
    answerer: str | None,
    pipeline: str,
    with_baseline: bool,
    compare_dir: Path | None,
    export: str | None,
    thresholds: Path | None,
) -> None:
    """Run a QA test set (JSONL or CSV) through the real pipeline and score it.

    Writes DIR/results.jsonl (one ask --json object per question plus scores),
    DIR/report.json (metrics overall and by tag) and DIR/report.html.
    """
    from . import evalrun

    settings = _settings(ctx)
    outcome = evalrun.run_eval(
        settings, test_set, out, k=k, answerer=answerer, pipeline=pipeline, with_baseline=with_baseline,
        compare_dir=compare_dir, export=export,
    )
    click.echo(evalrun.summary_table(outcome))
    click.echo(f"\nWrote {out}/results.jsonl, report.json and report.html.")
    if thresholds is not None:
        failures = evalrun.check_thresholds(outcome.report, thresholds)
        for line in failures:
            click.echo(f"FAIL {line}", err=True)
        if failures:
            raise click.exceptions.Exit(1)
        click.echo(f"All thresholds in {thresholds} met.")


def _scales(value: str | None) -> list[int] | None:
    if value is None:
        return None
    try:
        scales = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a comma-separated list of whole numbers, e.g. 1,10,100.") from None
    if not scales or any(n < 1 or n > 1000 for n in scales):
        raise click.BadParameter(f"'{value}': each scale is a whole number from 1 to 1000, e.g. 1,10,100.")
    return scales


def _choices(value: str, known: tuple[str, ...], name: str) -> list[str]:
    chosen = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [c for c in chosen if c not in known]
    if unknown or not chosen:
        raise click.BadParameter(f"unknown {name} '{','.join(unknown)}'; choose from {','.join(known)}.")
    return chosen


@main.command()
@click.option("--questions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("evals/public.jsonl"), show_default=True, help="Test set whose questions are timed.")
@click.option("--repeat", type=click.IntRange(1, 20), help="Passes over the questions [default 3, or 1 with --scales].")
@click.option("--app", "with_app", is_flag=True, help="Also time `python app.py` until its page answers.")
@click.option("--scales", help="Synthetic corpora of N times the PDFs in the corpus folder, e.g. 1,10 or 1,10,100: "
              "ingest, index size, RSS, ask p50/p95 and cold start per scale, store and pipeline.")
@click.option("--stores", default="embedded,server", show_default=True, help="With --scales: embedded, server or both.")
@click.option("--pipelines", default="clusterqa,baseline", show_default=True,
              help="With --scales: clusterqa, baseline (the LangChain tutorial pipeline) or both.")
@click.option("--max-questions", type=click.IntRange(1), help="With --scales: time only the first N questions.")
@click.option("--json", "as_json", is_flag=True, help='With --scales: print {"runs": [...]} instead of the table.')
@click.pass_context
@friendly_errors
def bench(
    ctx: click.Context,
    questions: Path,
    repeat: int | None,
    with_app: bool,
    scales: str | None,
    stores: str,
    pipelines: str,
    max_questions: int | None,
    as_json: bool,
) -> None:
    """Print speed and memory numbers.

    Without --scales: start-up, warm ask latency (p50/p95, fact and whole-publication questions apart) and
    peak RSS over the current index, and app start-up with --app. With --scales 1,10: synthetic corpora
    (copies of the corpus PDFs with distinct names and perturbed numbers) built in temporary folders and
    measured against embedded Chroma and a Chroma server it starts, for clusterqa and the baseline
    (1,10 takes about 15 minutes here; 100 about 2 hours).
    """
    from . import evalrun

    settings = _settings(ctx)
    chosen_scales = _scales(scales)
    if chosen_scales is None:
        if as_json:
            raise click.UsageError("--json goes with --scales.")
        if with_app:  # first, while this process has loaded nothing
            for name, value in evalrun.benchmark_app(settings):
                click.echo(f"{name:<32}{value}")
        for name, value in evalrun.benchmark(settings, questions, repeat or 3):
            click.echo(f"{name:<32}{value}")
        return
    from .bench import PIPELINES, STORES, format_table, run_bench, to_json

    sources = sorted(Path(settings.corpus_dir).glob("*.pdf"))
    if not sources:
        raise ClusterQAError(f"bench --scales copies the PDFs in {settings.corpus_dir}/ and found none.")
    runs = run_bench(
        sources, questions, chosen_scales,
        stores=_choices(stores, STORES, "store"), pipelines=_choices(pipelines, PIPELINES, "pipeline"),
        repeat=repeat or 1, max_questions=max_questions, log=lambda line: click.echo(line, err=True),
    )
    click.echo(json.dumps(to_json(runs), indent=2) if as_json else format_table(runs))


@main.command()
@click.option("--host", help="Address to bind [CLUSTERQA_HOST, default 127.0.0.1].")
@click.option("--port", type=int, help="Port [CLUSTERQA_PORT, default 7860].")
@click.pass_context
@friendly_errors
def serve(ctx: click.Context, host: str | None, port: int | None) -> None:
    """Open the assistant in the browser (the Gradio app)."""
    from .ui import launch

    launch(_settings(ctx).with_(host=host, port=port))


if __name__ == "__main__":  # pragma: no cover
    main()
