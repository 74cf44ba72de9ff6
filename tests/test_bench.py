"""`clusterqa bench --scales`: the real measured run on a tiny corpus (a two-page PDF, scale 2, a few
questions) in both stores, its --json shape, and the table and option errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from clusterqa.bench import BenchRun, format_table
from clusterqa.evals import percentile

REQUIRED = {"scale", "store", "pipeline", "pages", "chunks", "ingest_pages_per_s", "ask_p50_ms", "ask_p95_ms",
            "cold_start_s", "peak_rss_mb", "index_mb"}
QUESTIONS = [
    {"id": "pumps", "question": "How many pumps does the Widget works make each year?", "answers": ["4,000"]},
    {"id": "site", "question": "Where is the Widget works?", "answers": ["Hull"]},
]


@pytest.fixture
def tiny_corpus(make_pdf: Callable[..., Path], tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_pdf(corpus / "widgets.pdf", [
        [("heading", "Widget works"), ("body", "The Widget works in Hull makes 4,000 pumps each year."),
         ("body", "It opened in 1998 with 120 staff.")],
        [("heading", "Outlook"), ("body", "The works plans 35 new jobs by 2027.")],
    ])
    questions = tmp_path / "questions.jsonl"
    questions.write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS), encoding="utf-8")
    return corpus, questions


@pytest.mark.server
def test_bench_json_runs_every_store_and_pipeline(tiny_corpus: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, questions = tiny_corpus
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTERQA_")}
    env.update(CLUSTERQA_CORPUS_DIR=str(corpus), HF_HUB_OFFLINE="1", PYTHONPATH=str(Path(__file__).parents[1] / "src"))
    result = subprocess.run(
        [sys.executable, "-m", "clusterqa.cli", "bench", "--scales", "2", "--questions", str(questions), "--json"],
        env=env, capture_output=True, text=True, timeout=900, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    runs = json.loads(result.stdout)["runs"]
    assert [(r["scale"], r["store"], r["pipeline"]) for r in runs] == [
        (2, "embedded", "clusterqa"), (2, "embedded", "baseline"), (2, "server", "clusterqa"), (2, "server", "baseline"),
    ]
    for run in runs:
        assert REQUIRED <= set(run), run
        assert run["pages"] == 4 and run["chunks"] > 0 and run["questions"] == 2
        assert run["ingest_pages_per_s"] > 0 and run["index_mb"] > 0 and run["peak_rss_mb"] > 50
        assert 0 < run["ask_p50_ms"] <= run["ask_p95_ms"] and run["cold_start_s"] > 0
        assert (run["add_one_s"] is None) == (run["pipeline"] == "baseline")
    ours = [r for r in runs if r["pipeline"] == "clusterqa"]
    assert ours[0]["chunks"] == ours[1]["chunks"]  # the same corpus in both stores
    assert "2x: 2 documents, 4 pages" in result.stderr


def test_table_and_percentiles() -> None:
    run = BenchRun(scale=10, store="server", pipeline="clusterqa", pages=230, chunks=980, ingest_s=100.0,
                   ingest_pages_per_s=2.3, ingest_chunks_per_s=9.8, ask_p50_ms=21.04, ask_p95_ms=40.0, cold_start_s=3.2,
                   peak_rss_mb=300.0, ingest_peak_rss_mb=500.0, index_mb=40.5, add_one_s=None, questions=265)
    lines = format_table([run]).splitlines()
    assert lines[0].split() == ["scale", "store", "pipeline", "pages", "chunks", "pages/s", "chunks/s", "index", "MB",
                                "RSS", "MB", "p50", "ms", "p95", "ms", "cold", "s", "add", "1", "s"]
    assert lines[2].split() == ["10x", "server", "clusterqa", "230", "980", "2.3", "9.8", "40.5", "300", "21.0", "40.0",
                                "3.2", "-"]
    assert percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5) == 3.0 and percentile([1.0, 2.0], 0.95) == 2.0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scales", "0"], "each scale is a whole number from 1 to 1000"),
        (["--scales", "1,ten"], "is not a comma-separated list of whole numbers"),
        (["--scales", "1", "--stores", "cloud"], "unknown store 'cloud'; choose from embedded,server"),
        (["--json"], "--json goes with --scales."),
    ],
)
def test_bench_option_errors(args: list[str], message: str) -> None:
    from click.testing import CliRunner

    from clusterqa.cli import main

    result = CliRunner().invoke(main, ["bench", *args])
    assert result.exit_code == 2 and message in result.output
