"""The `clusterqa` command, through click's CliRunner and once as a real subprocess."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from clusterqa.pipeline import Assistant

LCR_QUESTION = "How much government funding seeded the Liverpool City Region Investment Zone?"
TOP_KEYS = {"question", "answer", "abstained", "citations", "retrieved", "latency_ms"}
CITATION_KEYS = {"n", "source", "page", "pages", "section", "cluster", "quote", "text"}
RETRIEVED_KEYS = {"source", "page", "pages", "section", "text", "score"}


def check_schema(data: dict, question: str) -> None:  # type: ignore[type-arg]
    assert TOP_KEYS <= set(data)
    assert data["question"] == question
    assert isinstance(data["answer"], str) and data["answer"]
    assert isinstance(data["abstained"], bool)
    assert isinstance(data["latency_ms"], (int, float)) and data["latency_ms"] >= 0
    assert len(data["retrieved"]) >= 5
    for passage in data["retrieved"]:
        assert set(passage) == RETRIEVED_KEYS
        assert isinstance(passage["page"], int) and passage["page"] in passage["pages"]
        assert isinstance(passage["score"], (int, float))
        assert passage["text"] and passage["source"].endswith(".pdf")
    if data["citations"]:  # the passages the answer quotes lead the ranking
        assert data["retrieved"][0]["text"] == data["citations"][0]["text"]
    if data["abstained"]:
        assert data["citations"] == []
    for n, citation in enumerate(data["citations"], start=1):
        assert set(citation) == CITATION_KEYS
        assert citation["n"] == n
        assert isinstance(citation["page"], int) and isinstance(citation["pages"], list)
        assert citation["quote"] in citation["text"]


def test_ask_json(cli, assistant: Assistant, publication_index_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--index-dir", str(publication_index_dir), "ask", "--json", LCR_QUESTION)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    check_schema(data, LCR_QUESTION)
    assert data["abstained"] is False
    assert "£160 million" in data["answer"]
    assert any(c["page"] == 7 and "£160 million" in c["quote"] for c in data["citations"])


def test_ask_json_k(cli, assistant: Assistant, publication_index_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--index-dir", str(publication_index_dir), "ask", "--json", "--k", "8", "Why are clusters important?")
    assert len(json.loads(result.output)["retrieved"]) == 8


def test_ask_plain_text_shows_sources(cli, assistant: Assistant, publication_index_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--index-dir", str(publication_index_dir), "ask", LCR_QUESTION)
    assert result.exit_code == 0
    assert "£160 million" in result.output
    assert re.search(r"\[1\] np11-innovation-clusters-north-of-england\.pdf, p\. 7 — ", result.output)


def test_stdin_batch_in_process(cli, assistant: Assistant, publication_index_dir: Path) -> None:  # type: ignore[no-untyped-def]
    questions = [LCR_QUESTION, "What is the capital of France?"]
    result = cli("--index-dir", str(publication_index_dir), "ask", input="\n".join(questions) + "\n\n")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 2
    for line, question in zip(lines, questions, strict=True):
        check_schema(json.loads(line), question)
    assert json.loads(lines[1])["abstained"] is True


def test_stdin_batch_real_subprocess(assistant: Assistant, publication_index_dir: Path) -> None:
    executable = shutil.which("clusterqa", path=str(Path(sys.executable).parent))
    assert executable, "the clusterqa entry point is not installed in this environment"
    questions = [
        LCR_QUESTION,
        "Where did the National Cyber Force locate in 2021?",
        "Who is the Mayor of Greater Manchester?",
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTERQA_")}
    env |= {"HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    done = subprocess.run(
        [executable, "--index-dir", str(publication_index_dir), "ask"],
        input="\n".join(questions) + "\n",
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(questions)
    results = [json.loads(line) for line in lines]
    for data, question in zip(results, questions, strict=True):
        check_schema(data, question)
    assert "£160 million" in results[0]["answer"] and results[0]["citations"][0]["page"] == 7
    assert results[1]["citations"] and results[1]["citations"][0]["page"] == 10
    assert results[2]["abstained"] is True
    assert "Traceback" not in done.stderr


def test_ask_without_index_says_to_ingest(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--index-dir", str(tmp_path / "empty"), "ask", "Anything?")
    assert result.exit_code == 1
    assert "Run 'clusterqa ingest" in result.output
    assert result.output.startswith("Error: No index at ")
    assert "Traceback" not in result.output


def test_no_chroma_server_is_one_error_line(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("CLUSTERQA_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("CLUSTERQA_CHROMA_PORT", str(port))
    result = cli("ask", "Anything?")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: Could not reach the Chroma server at 127.0.0.1:{port} (")
    hint = f"Start it with 'chroma run --path DIR --port {port}', or unset CLUSTERQA_CHROMA_HOST to use the embedded store"
    assert result.output.endswith(f"{hint} in index/.\n")
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_unknown_cluster_is_one_error_line(  # type: ignore[no-untyped-def]
    cli, assistant: Assistant, publication_index_dir: Path
) -> None:
    result = cli("--index-dir", str(publication_index_dir), "ask", "--cluster", "Atlantis", "What grew?")
    assert result.exit_code == 1
    assert result.output.startswith("Error: Unknown cluster 'Atlantis'. Known: ")
    assert "Tees Valley: Chemicals" in result.output and "North East: Space" in result.output


def test_cluster_option_filters(cli, assistant: Assistant, publication_index_dir: Path) -> None:  # type: ignore[no-untyped-def]
    args = ["--index-dir", str(publication_index_dir), "ask", "--json", "--cluster", "tees valley"]
    result = cli(*args, "What are the challenges?")
    data = json.loads(result.output)
    assert data["retrieved"]
    assert all("Tees Valley: Chemicals" in p["section"] for p in data["retrieved"])
    assert all(c["cluster"] == "Chemicals" for c in data["citations"])


def test_empty_question_is_a_usage_error(cli, assistant: Assistant, publication_index_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--index-dir", str(publication_index_dir), "ask", "   ")
    assert result.exit_code == 2
    assert "QUESTION is empty" in result.output


def test_ingest_summary_and_documents(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "kettle.md").write_text("# Kettle\n\nThe kettle boils in ninety seconds.\n", encoding="utf-8")
    (folder / "notes.txt").write_text("Page one.\fPage two.\n", encoding="utf-8")
    index_dir = tmp_path / "index"

    result = cli("--index-dir", str(index_dir), "ingest", "--quiet", str(folder))
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        r"Ingested 2 documents, 3 pages, \d+ chunks in \d+\.\d s \(2 indexed, 0 unchanged, 0 removed\)\.\n",
        result.output,
    ), result.output

    again = cli("--index-dir", str(index_dir), "ingest", "--quiet", str(folder))
    assert "(0 indexed, 2 unchanged, 0 removed)" in again.output

    listed = cli("--index-dir", str(index_dir), "documents")
    assert re.search(r"^kettle\.md\t1 pages\t1 chunks\t", listed.output, re.M)
    assert re.search(r"^notes\.txt\t2 pages\t", listed.output, re.M)

    removed = cli("--index-dir", str(index_dir), "remove", "kettle.md")
    assert removed.output.startswith("Removed ") and "(1 chunks)" in removed.output
    assert "kettle.md" not in cli("--index-dir", str(index_dir), "documents").output


def test_ingest_bad_path_is_one_error_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--index-dir", str(tmp_path / "index"), "ingest", "--quiet", str(tmp_path / "nope.md"))
    assert result.exit_code == 1
    assert result.output == f"Error: No such file or folder: {tmp_path / 'nope.md'}.\n"


def test_index_dir_from_environment(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CLUSTERQA_INDEX_DIR", str(tmp_path / "from-env"))
    result = cli("ask", "Anything?")
    assert result.exit_code == 1
    assert str(tmp_path / "from-env") in result.output


def test_ingest_reports_a_broken_file_and_exits_1(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "kettle.md").write_text("# Kettle\n\nThe kettle boils in ninety seconds.\n", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not a pdf at all")
    result = cli("--index-dir", str(tmp_path / "index"), "ingest", "--quiet", str(folder))
    assert result.exit_code == 1
    assert "(1 indexed, 0 unchanged, 0 removed, 1 failed)" in result.output
    assert "Error: Could not read PDF" in result.output and "Traceback" not in result.output
    answer = cli("--index-dir", str(tmp_path / "index"), "ask", "How fast does the kettle boil?")
    assert "ninety seconds" in answer.output  # the good file went in all the same
