"""`clusterqa bench --scales 1,10,100`: ingest and serve synthetic corpora of N times the publication, with
the embedded Chroma store and with a Chroma server, for clusterqa and for the plain LangChain tutorial
pipeline (baseline.py), and report one row per run.

Every measured step runs in a fresh process (`python -m clusterqa.bench WORKER ...`), so peak RSS and
cold start are those of that step alone:

- ingest: `clusterqa ingest` of the corpus folder; pages/s and chunks/s over the ingest itself (files
  read, chunked, embedded and written; the model load before it is in cold start's figure instead)
- add one: one more perturbed copy put in the folder and `clusterqa ingest` of the folder again
- serve: a process opens the store, builds its keyword index, then asks the questions (after one warm-up);
  ask p50/p95 are the warm latencies, peak RSS is this process's
- cold start: `clusterqa ask QUESTION` from spawn to exit
- index size: the store's folder on disk (the server's --path folder in server mode)

For the baseline, "ingest" is building its Chroma store (PyPDFLoader, 1000/200 splitter, HuggingFace
embeddings in torch) and cold start is a process that opens that store and answers one question.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .errors import ClusterQAError
from .evals import percentile
from .procs import free_port, stop, wait_for_http
from .synth import make_corpus

STORES = ("embedded", "server")
PIPELINES = ("clusterqa", "baseline")
COLD_QUESTION = "How much government funding seeded the Liverpool City Region Investment Zone?"
SERVER_START_TIMEOUT_S = 60.0
WORKER_TIMEOUT_S = 6 * 3600.0


@dataclass(frozen=True)
class BenchRun:
    """One row of the table and one object of --json's "runs"."""

    scale: int
    store: str  # embedded | server
    pipeline: str  # clusterqa | baseline
    pages: int
    chunks: int
    ingest_s: float
    ingest_pages_per_s: float
    ingest_chunks_per_s: float
    ask_p50_ms: float
    ask_p95_ms: float
    cold_start_s: float
    peak_rss_mb: float  # the serving process
    ingest_peak_rss_mb: float
    index_mb: float
    add_one_s: float | None  # clusterqa only: ingest of the folder after one more document arrives
    questions: int


def run_bench(
    sources: Sequence[Path],
    questions: Path,
    scales: Sequence[int],
    *,
    stores: Sequence[str] = STORES,
    pipelines: Sequence[str] = PIPELINES,
    repeat: int = 1,
    max_questions: int | None = None,
    work_dir: Path | None = None,
    log: Callable[[str], None] = lambda line: None,
) -> list[BenchRun]:
    """Build each corpus in a temporary folder and measure every (store, pipeline) on it."""
    from .evals import load_cases

    cases = load_cases(questions)[:max_questions]
    asked = [c.question for c in cases] * repeat
    runs: list[BenchRun] = []
    with tempfile.TemporaryDirectory(prefix="clusterqa-bench-", dir=work_dir) as tmp:
        root = Path(tmp)
        (root / "questions.json").write_text(json.dumps(asked), encoding="utf-8")
        for scale in scales:
            corpus = make_corpus(sources, root / f"corpus-{scale}x", scale)
            extra = make_corpus(sources, root / f"extra-{scale}x", 1, first_copy=scale)  # added later
            log(f"{scale}x: {len(corpus.files)} documents, {corpus.pages} pages in {corpus.folder}")
            for store in stores:
                for pipeline in pipelines:
                    log(f"{scale}x {store} {pipeline} ...")
                    with _store(root / f"{pipeline}-{store}-{scale}x", store) as env:
                        run = _measure(pipeline, scale, store, corpus.folder, corpus.pages, extra.files, root, env)
                    log(f"  {_row(run)}")
                    runs.append(run)
    return runs


@contextmanager
def _store(folder: Path, store: str) -> Iterator[dict[str, str]]:
    """Environment naming a fresh store: an index folder, or a `chroma run` server on a free loopback port
    storing in that folder (stopped by its PID afterwards)."""
    folder.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTERQA_CHROMA")}
    env.update(HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False", TOKENIZERS_PARALLELISM="false",
               CLUSTERQA_INDEX_DIR=str(folder / "index"), CLUSTERQA_COLLECTION="bench", BENCH_STORE_DIR=str(folder))
    if store == "embedded":
        yield env
        return
    chroma = Path(sys.executable).with_name("chroma")
    port = free_port()
    command = [str(chroma), "run", "--path", str(folder), "--host", "127.0.0.1", "--port", str(port)]
    with (folder.parent / f"{folder.name}.log").open("ab") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/api/v2/heartbeat", process, SERVER_START_TIMEOUT_S)
        env["CLUSTERQA_CHROMA_URL"] = f"http://127.0.0.1:{port}"
        yield env
    finally:
        stop(process)


def _measure(
    pipeline: str, scale: int, store: str, corpus: Path, pages: int, extra: list[Path], root: Path, env: dict[str, str]
) -> BenchRun:
    questions = str(root / "questions.json")
    if pipeline == "clusterqa":
        built = _worker(["ingest", str(corpus)], env)
        for path in extra:  # one more document in the folder, then the folder ingested again
            target = corpus / f"{path.stem}-added-{store}{path.suffix}"
            target.write_bytes(path.read_bytes())
            try:
                added: dict[str, Any] | None = _worker(["ingest", str(corpus)], env)
            finally:
                target.unlink()
        _worker(["ingest", str(corpus)], env)  # and out again, so the next store sees the same corpus
        served = _worker(["serve", questions], env)
        cold = _timed([sys.executable, "-m", "clusterqa.cli", "ask", COLD_QUESTION], env)
    else:
        built = _worker(["baseline-build", str(corpus), questions], env)
        served, added = built, None
        cold = _timed([sys.executable, "-m", "clusterqa.bench", "baseline-ask", COLD_QUESTION], env)
    seconds = float(built["seconds"])
    chunks = int(built["chunks"])
    return BenchRun(
        scale=scale,
        store=store,
        pipeline=pipeline,
        pages=int(built.get("pages") or pages),
        chunks=chunks,
        ingest_s=round(seconds, 2),
        ingest_pages_per_s=round(pages / seconds, 2),
        ingest_chunks_per_s=round(chunks / seconds, 2),
        ask_p50_ms=round(percentile(served["latencies_ms"], 0.5), 2),
        ask_p95_ms=round(percentile(served["latencies_ms"], 0.95), 2),
        cold_start_s=round(cold, 2),
        peak_rss_mb=round(float(served["peak_rss_mb"]), 1),
        ingest_peak_rss_mb=round(float(built["peak_rss_mb"]), 1),
        index_mb=round(_size_mb(Path(env["BENCH_STORE_DIR"])), 1),
        add_one_s=round(float(added["seconds"]), 2) if added else None,
        questions=len(served["latencies_ms"]),
    )


def _worker(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Run one measured step in a fresh process; its last stdout line is a JSON object."""
    result = subprocess.run(
        [sys.executable, "-m", "clusterqa.bench", *args], env=env, capture_output=True, text=True,
        timeout=WORKER_TIMEOUT_S,
    )
    if result.returncode != 0 or not result.stdout.strip():
        raise ClusterQAError(f"bench step '{args[0]}' failed (exit {result.returncode}): {result.stderr.strip()[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=WORKER_TIMEOUT_S)
    if result.returncode != 0:
        raise ClusterQAError(f"'{' '.join(command[2:4])}' failed (exit {result.returncode}): {result.stderr.strip()[-2000:]}")
    return time.perf_counter() - started


def _size_mb(folder: Path) -> float:
    """Disk space taken by the files under folder (allocated blocks, as du counts them)."""
    return sum(p.stat().st_blocks * 512 for p in folder.rglob("*") if p.is_file()) / (1024 * 1024)


# --- output ------------------------------------------------------------------------------

COLUMNS = [  # (header, BenchRun field, format)
    ("scale", "scale", "{}x"), ("store", "store", "{}"), ("pipeline", "pipeline", "{}"), ("pages", "pages", "{}"),
    ("chunks", "chunks", "{}"), ("pages/s", "ingest_pages_per_s", "{:.1f}"), ("chunks/s", "ingest_chunks_per_s", "{:.1f}"),
    ("index MB", "index_mb", "{:.1f}"), ("RSS MB", "peak_rss_mb", "{:.0f}"), ("p50 ms", "ask_p50_ms", "{:.1f}"),
    ("p95 ms", "ask_p95_ms", "{:.1f}"), ("cold s", "cold_start_s", "{:.1f}"), ("add 1 s", "add_one_s", "{:.2f}"),
]


def _row(run: BenchRun) -> str:
    return "  ".join(f"{h}={_cell(run, f, fmt)}" for h, f, fmt in COLUMNS)


def _cell(run: BenchRun, field: str, fmt: str) -> str:
    value = getattr(run, field)
    return "-" if value is None else fmt.format(value)


def format_table(runs: Sequence[BenchRun]) -> str:
    """Aligned text table, one row per run."""
    cells = [[h for h, _, _ in COLUMNS]] + [[_cell(r, f, fmt) for _, f, fmt in COLUMNS] for r in runs]
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(c.rjust(w) if i > 2 else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))) for row in cells]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def to_json(runs: Sequence[BenchRun]) -> dict[str, Any]:
    return {"runs": [asdict(r) for r in runs]}


# --- workers: one measured step each, run as `python -m clusterqa.bench WORKER ARGS` ------------


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ingest_worker(folder: str) -> dict[str, Any]:
    from .pipeline import Assistant

    assistant = Assistant.from_settings(require_index=False)
    report = assistant.ingest([Path(folder)])
    if report.failed:
        raise ClusterQAError(f"ingest failed: {report.failed[:3]}")
    return {"seconds": report.seconds, "pages": report.pages_indexed, "chunks": report.chunks_indexed,
            "documents": report.documents, "embedded": report.embedded, "peak_rss_mb": _peak_rss_mb()}


def _serve_worker(questions: str) -> dict[str, Any]:
    from .pipeline import Assistant

    asked = json.loads(Path(questions).read_text(encoding="utf-8"))
    assistant = Assistant.from_settings()
    assistant.ask(asked[0])  # builds the keyword index and warms the model
    latencies = [assistant.ask(q).latency_ms for q in asked]
    return {"latencies_ms": latencies, "peak_rss_mb": _peak_rss_mb()}


def _baseline_build_worker(folder: str, questions: str) -> dict[str, Any]:
    from .baseline import BaselinePipeline
    from .settings import Settings

    asked = json.loads(Path(questions).read_text(encoding="utf-8"))
    import langchain_community.document_loaders  # noqa: F401  imports are start-up, not ingest (as for ours)
    import langchain_huggingface  # noqa: F401
    import sentence_transformers  # noqa: F401

    started = time.perf_counter()
    baseline = BaselinePipeline(Settings.from_env(), corpus=Path(folder), persist=True)
    seconds = time.perf_counter() - started
    baseline.ask(asked[0])
    latencies = [float(baseline.ask(q)["latency_ms"]) for q in asked]
    return {"seconds": seconds, "pages": baseline.pages, "chunks": baseline.chunks, "latencies_ms": latencies,
            "peak_rss_mb": _peak_rss_mb()}


def _baseline_ask_worker(question: str) -> dict[str, Any]:
    from .baseline import BaselinePipeline
    from .settings import Settings

    return BaselinePipeline.open(Settings.from_env()).ask(question)


WORKERS: dict[str, Callable[..., dict[str, Any]]] = {
    "ingest": _ingest_worker,
    "serve": _serve_worker,
    "baseline-build": _baseline_build_worker,
    "baseline-ask": _baseline_ask_worker,
}


if __name__ == "__main__":
    from .settings import quiet_offline_env

    quiet_offline_env()
    print(json.dumps(WORKERS[sys.argv[1]](*sys.argv[2:]), ensure_ascii=False))
