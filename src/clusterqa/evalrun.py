"""Running evals and benchmarks end to end: pipeline -> results files -> report, thresholds, timings."""

from __future__ import annotations

import json
import resource
import sys
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ClusterQAError
from .evals import LOWER_IS_BETTER, METRICS, Case, compare, load_cases, percentile, read_results, score_case, summarise
from .report import render_html
from .settings import Settings

Ask = Callable[[str], dict[str, Any]]


@dataclass
class EvalOutcome:
    report: dict[str, Any]
    results: list[dict[str, Any]]
    baseline: dict[str, Any] | None = None
    comparison: dict[str, Any] | None = None


def _run(cases: list[Case], ask: Ask, desc: str) -> list[dict[str, Any]]:
    from tqdm import tqdm

    return [score_case(case, ask(case.question)) for case in tqdm(cases, desc=desc, unit="q", file=sys.stderr)]


def _ours(settings: Settings, k: int | None, answerer: str | None) -> Ask:
    from .pipeline import Assistant

    assistant = Assistant.from_settings(settings)
    assistant.retriever  # build once before timing starts  # noqa: B018
    return lambda q: assistant.ask(q, k=k, answerer=answerer).to_dict()


def _baseline(settings: Settings) -> Ask:
    from .baseline import BaselinePipeline

    return BaselinePipeline(settings).ask


def run_eval(
    settings: Settings,
    test_set: Path,
    out: Path,
    *,
    k: int | None = None,
    answerer: str | None = None,
    pipeline: str = "ours",
    with_baseline: bool = False,
    compare_dir: Path | None = None,
    export: str | None = None,
) -> EvalOutcome:
    """Run the set, write results.jsonl, report.json, report.html (and ragas.jsonl), return the numbers."""
    cases = load_cases(test_set)
    ask = _baseline(settings) if pipeline == "baseline" else _ours(settings, k, answerer)
    results = _run(cases, ask, pipeline)
    report = summarise(results)
    report["pipeline"], report["test_set"] = pipeline, str(test_set)
    generated = generation_report(results)
    if generated:
        report["llm"] = generated
    outcome = EvalOutcome(report, results)
    if with_baseline and pipeline != "baseline":
        outcome.baseline = summarise(_run(cases, _baseline(settings), "baseline"), by_tag=False)
        report["baseline"] = outcome.baseline
    if compare_dir is not None:
        old_results, old_report = read_results(compare_dir)
        outcome.comparison = compare(old_results, results, old_report, report)
        report["comparison"] = outcome.comparison
    out.mkdir(parents=True, exist_ok=True)
    with (out / "results.jsonl").open("w", encoding="utf-8") as handle:
        for row in results:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    (out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    title = f"clusterqa eval: {test_set.name} ({pipeline})"
    html = render_html(title, report, results, outcome.comparison, outcome.baseline)
    (out / "report.html").write_text(html, encoding="utf-8")
    if export == "ragas":
        export_ragas(cases, results, out / "ragas.jsonl")
    return outcome


def generation_report(results: list[dict[str, Any]]) -> dict[str, Any] | None:
    """For LLM answers: how many stood, fell back to the extractive answer (and why), sentences the
    citation check dropped, and answers holding a sentence without a citation (the bar is 0)."""
    from .citecheck import split_claims

    rows = [r for r in results if r.get("answerer") == "llm"]
    if not rows:
        return None
    fallbacks = [r["fallback"] for r in rows if r.get("fallback")]
    uncited = [
        r["id"] for r in rows if not r["abstained"] and any(not c.cited for c in split_claims(r["answer"]))
    ]
    return {
        "answers": len(rows),
        "model_answers": sum(1 for r in rows if not r.get("fallback") and not r["abstained"]),
        "abstained": sum(1 for r in rows if r["abstained"]),
        "fallbacks": len(fallbacks),
        "fallbacks_timeout": sum("did not finish" in f for f in fallbacks),
        "fallbacks_error": sum(" failed: " in f for f in fallbacks),
        "fallbacks_unsupported": sum("was supported" in f for f in fallbacks),
        "sentences_dropped": sum(len(r.get("dropped") or []) for r in rows),
        "answers_with_uncited_sentences": len(uncited),
        "uncited_ids": uncited,
    }


def export_ragas(cases: list[Case], results: list[dict[str, Any]], path: Path) -> None:
    """ragas' single-turn columns: user_input, retrieved_contexts, response, reference."""
    by_id = {c.id: c for c in cases}
    with path.open("w", encoding="utf-8") as handle:
        for row in results:
            case = by_id[row["id"]]
            reference = case.answers[0] if case.answers else "The documents do not answer this question."
            record = {
                "user_input": row["question"],
                "retrieved_contexts": [p["text"] for p in row["retrieved"]],
                "response": row["answer"],
                "reference": reference,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def summary_table(outcome: EvalOutcome) -> str:
    """Metric | value | (baseline) | (delta vs the compared run), as aligned text."""
    lines = []
    header = f"{'metric':<24}{'value':>10}"
    if outcome.baseline:
        header += f"{'baseline':>10}"
    if outcome.comparison:
        header += f"{'delta':>10}"
    lines.append(header)
    lines.append("-" * len(header))
    for name in ("n", *METRICS):
        value = outcome.report.get(name)
        line = f"{name:<24}{_fmt(value):>10}"
        if outcome.baseline:
            line += f"{_fmt(outcome.baseline.get(name)):>10}"
        if outcome.comparison:
            delta = outcome.comparison["deltas"].get(name, {}).get("delta")
            line += f"{'' if delta is None else f'{delta:+.4f}':>10}"
        lines.append(line)
    generated = outcome.report.get("llm")
    if generated:
        lines.append(
            f"llm: {generated['model_answers']} of {generated['answers']} answers by the model, "
            f"{generated['fallbacks']} extractive fallbacks, {generated['sentences_dropped']} sentences dropped, "
            f"{generated['answers_with_uncited_sentences']} answers with an uncited sentence"
        )
    if outcome.comparison:
        lines.append(f"right -> wrong: {', '.join(outcome.comparison['right_to_wrong']) or 'none'}")
        lines.append(f"wrong -> right: {', '.join(outcome.comparison['wrong_to_right']) or 'none'}")
    return "\n".join(lines)


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def check_thresholds(report: dict[str, Any], path: Path) -> list[str]:
    """Lines naming each metric that misses its bar: [min] metric = x, [max] metric = y."""
    try:
        bars = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ClusterQAError(f"{path} is not valid TOML: {exc}.") from None
    failures = []
    for kind, table in (("min", bars.get("min", {})), ("max", bars.get("max", {}))):
        for name, bar in table.items():
            value = report.get(name)
            if value is None:
                failures.append(f"{name}: no value in the report (bar {kind} {bar})")
            elif (kind == "min" and value < bar) or (kind == "max" and value > bar):
                failures.append(f"{name} = {value} misses the {kind} bar {bar}")
    unknown = set(bars.get("min", {})) | set(bars.get("max", {}))
    for name in unknown - set(METRICS):
        failures.append(f"{name}: unknown metric in {path}")
    for name in set(bars.get("min", {})) & LOWER_IS_BETTER:
        failures.append(f"{name}: lower is better, put it under [max]")
    return failures


def benchmark(settings: Settings, questions: Path, repeat: int) -> list[tuple[str, str]]:
    """Start-up to a ready assistant, warm latency percentiles over the questions, and peak memory."""
    started = time.perf_counter()
    from .pipeline import Assistant

    assistant = Assistant.from_settings(settings)  # imports torch and sentence-transformers, loads the model
    loaded = time.perf_counter()
    assistant.retriever  # noqa: B018
    ready = time.perf_counter()
    cases = load_cases(questions)
    assistant.ask(cases[0].question)  # warm-up
    by_route: dict[bool, list[float]] = {True: [], False: []}  # fact route or not
    for _ in range(repeat):
        for case in cases:
            answer = assistant.ask(case.question)
            by_route[answer.route == "fact"].append(answer.latency_ms)
    latencies = sorted(by_route[True] + by_route[False])

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("imports + model + store (s)", f"{loaded - started:.2f}"),
        ("keyword index build (s)", f"{ready - loaded:.2f}"),
        ("questions timed", f"{len(latencies)}"),
        ("ask latency p50 (ms)", f"{percentile(latencies, 0.5):.1f}"),
        ("ask latency p95 (ms)", f"{percentile(latencies, 0.95):.1f}"),
        ("ask latency max (ms)", f"{latencies[-1]:.1f}"),
    ]
    if by_route[False]:  # lists, aggregates, comparisons, summaries
        fact, whole = by_route[True], by_route[False]
        rows += [
            ("fact questions p50/p95 (ms)", f"{percentile(fact, 0.5):.1f} / {percentile(fact, 0.95):.1f}"),
            ("whole-publication p50/p95 (ms)", f"{percentile(whole, 0.5):.1f} / {percentile(whole, 0.95):.1f}"),
        ]
    briefs = benchmark_briefs(assistant, repeat)
    if briefs:
        rows += [("briefing notes timed", f"{len(briefs)}"), ("briefing note p50 (ms)", f"{percentile(briefs, 0.5):.1f}"),
                 ("briefing note max (ms)", f"{max(briefs):.1f}")]
    return [*rows, ("peak RSS (MB)", f"{rss_mb:.0f}")]


def benchmark_briefs(assistant: Any, repeat: int) -> list[float]:
    """Warm build times of the briefing notes on the app's example topics (extractive; exports not included)."""
    from .brief import EXAMPLE_TOPICS, draft_brief

    draft_brief(assistant, EXAMPLE_TOPICS[0], answerer="extractive")  # warm-up
    return [
        draft_brief(assistant, topic, answerer="extractive").latency_ms
        for _ in range(repeat)
        for topic in [*EXAMPLE_TOPICS, "the two AI clusters", "iiCON", "tourism"]
    ]


def benchmark_app(settings: Settings, timeout_s: float = 120.0) -> list[tuple[str, str]]:
    """Seconds from `python app.py` (or `clusterqa serve` when there is no app.py here) to the page answering."""
    import os
    import subprocess

    from .procs import free_port, stop, wait_for_http

    port = free_port()
    app = Path("app.py")
    command = [sys.executable, str(app)] if app.is_file() else [sys.executable, "-m", "clusterqa.cli", "serve"]
    env = dict(os.environ, CLUSTERQA_PORT=str(port), CLUSTERQA_HOST="127.0.0.1",
               CLUSTERQA_INDEX_DIR=str(settings.index_dir))
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        seconds = wait_for_http(f"http://127.0.0.1:{port}/", process, timeout_s)
    finally:
        stop(process)
    return [("app ready after (s)", f"{seconds:.1f}")]
