"""The evaluators' workbench: test-set loading, scoring, reports, thresholds, and `clusterqa eval` end to end."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import clusterqa.pipeline
from clusterqa.cli import main
from clusterqa.errors import ClusterQAError
from clusterqa.evalrun import check_thresholds
from clusterqa.evals import Case, compare, holds, load_cases, score_case, summarise
from clusterqa.index import Embedder
from clusterqa.text import normalise

REPO = Path(__file__).resolve().parents[1]
SETS = sorted((REPO / "evals").glob("*.jsonl"))


@pytest.fixture(scope="module")
def page_texts(publication: Path) -> dict[int, str]:
    import pypdf

    reader = pypdf.PdfReader(str(publication))
    return {n: normalise(page.extract_text()) for n, page in enumerate(reader.pages, start=1)}


@pytest.mark.parametrize("test_set", SETS, ids=[p.name for p in SETS])
def test_every_evidence_string_occurs_on_its_pages(test_set: Path, page_texts: dict[int, str]) -> None:
    cases = load_cases(test_set)
    for case in cases:
        if not case.answerable:
            assert not case.evidence and not case.answers, case.id
            continue
        document = " ".join(page_texts.values())
        if "whole" in case.tags:  # lists, aggregates, comparisons, summaries: judged by their required items
            assert case.required and case.pages, case.id
            for item in (*case.required, *case.forbidden):
                assert normalise(item) in document, (case.id, item)
            continue
        assert case.evidence and case.pages, case.id
        for evidence in case.evidence:
            assert any(normalise(evidence) in page_texts[p] for p in case.pages), (case.id, evidence)
        assert any(normalise(a) in document for a in case.answers), case.id


@pytest.mark.parametrize("test_set", SETS, ids=[p.name for p in SETS])
def test_public_sets_cover_unanswerable_questions_and_every_section(test_set: Path) -> None:
    cases = load_cases(test_set)
    assert len(cases) >= 100
    assert sum(not c.answerable for c in cases) / len(cases) >= 0.15
    sections = {c.tags[1] for c in cases if len(c.tags) > 1}
    for section in ["intro", "liverpool", "tees-valley", "themes", "recommendations", "cumbria", "york"]:
        assert section in sections


def test_csv_with_the_same_columns_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "set.csv"
    path.write_text(
        "id,question,answers,required,evidence,pages,answerable,tags\n"
        'a,"How much?",£160 million|£160m,,seeded with £160 million,7,true,number|liverpool\n'
        "b,Population of Leeds?,,,,,false,unanswerable\n",
        encoding="utf-8",
    )
    first, second = load_cases(path)
    assert first == Case("a", "How much?", ("£160 million", "£160m"), (), ("seeded with £160 million",), (7,), True,
                         ("number", "liverpool"))
    assert not second.answerable and second.answers == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "x"}\n', "'question' is missing"),
        ('{"question": "a?", "id": "x"}\n{"question": "b?", "id": "x"}\n', "duplicate id 'x'"),
        ("not json\n", ":1: not valid JSON"),
        ('{"question": "a?", "pages": ["seven"]}\n', "'pages' must be whole numbers"),
        ("", "holds no questions"),
    ],
)
def test_bad_test_sets_are_refused_with_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ClusterQAError, match=message):
        load_cases(path)


def test_matching_is_normalised() -> None:
    assert holds("The “Magic”  happens – at the\nboundaries", ['"magic" happens - at the boundaries'])
    assert not holds("£160 million", ["£170 million"])


def _result(answer: str, abstained: bool, pages: list[int], texts: list[str], latency: float = 10.0) -> dict:  # type: ignore[type-arg]
    citations = [
        {"n": i + 1, "source": "d.pdf", "page": p, "pages": [p], "section": "", "cluster": "", "quote": t, "text": t}
        for i, (p, t) in enumerate(zip(pages, texts))
    ]
    retrieved = [{"source": "d.pdf", "page": p, "pages": [p], "section": "", "text": t, "score": 1.0}
                 for p, t in zip(pages, texts)]
    return {"question": "q", "answer": answer, "abstained": abstained, "citations": citations,
            "retrieved": retrieved, "latency_ms": latency}


def test_required_items_are_read_as_rendered_without_bold() -> None:
    listing = Case("l", "q", (), ("North East: Space", "Tees Valley: Chemicals"), (), (), True, ("list", "whole"))
    result = score_case(listing, _result("- **North East**: Space (p. 8) [1]\n- **Tees Valley**: Chem (p. 19) [2]", False,
                                         [6, 6], ["North East: Space", "Tees Valley: Chemicals"]))
    assert result["required_share"] == 0.5  # 'North East: Space' as the reader sees it; 'Chem' is not 'Chemicals'
    assert result["items_cited"] == 1.0  # ...and its line, read so, cites the passage holding it


def test_score_case_and_summary_metrics() -> None:
    right = Case("r", "q", ("£160 million",), (), ("seeded with £160 million",), (7,), True, ("number", "lcr"))
    wrong_page = Case("w", "q", ("2014",), (), ("established in 2014",), (8,), True, ("date", "ne"))
    unanswerable = Case("u", "q", answerable=False, tags=("unanswerable",))
    results = [
        score_case(right, _result("It was seeded with £160 million. [1]", False, [5, 7],
                                  ["other text", "it was seeded with £160 million in funding"])),
        score_case(wrong_page, _result("Space North East, established in 2014. [1]", False, [9],
                                       ["space north east, established in 2014"])),
        score_case(unanswerable, _result("The documents do not answer this question.", True, [3], ["x"])),
    ]
    assert [r["correct"] for r in results] == [True, True, True]
    assert [r["evidence_rank"] for r in results] == [2, 1, None]
    assert [r["cited_page_ok"] for r in results] == [False, False, None]  # the first citation's page is what counts
    report = summarise(results)
    assert report["answer_accuracy"] == 1.0 and report["abstention_accuracy"] == 1.0
    assert report["false_abstention_rate"] == 0.0
    assert (report["hit_at_1"], report["hit_at_3"], report["mrr"]) == (0.5, 1.0, 0.75)
    assert report["citation_precision"] == round(2 / 3, 4)
    assert report["page_accuracy"] == 0.0
    assert report["by_tag"]["number"]["n"] == 1 and report["by_tag"]["unanswerable"]["abstention_accuracy"] == 1.0


def test_required_items_must_all_appear_and_abstaining_on_answerable_is_wrong() -> None:
    case = Case("l", "q", ("Billingham",), ("Wilton International", "Billingham", "Seal Sands"), ("three main sites",), (19,))
    partial = score_case(case, _result("Wilton International and Billingham. [1]", False, [19], ["three main sites"]))
    assert not partial["correct"]
    abstained = score_case(case, _result("The documents do not answer this question.", True, [19], ["x"]))
    assert not abstained["correct"] and not abstained["abstained_ok"]


def test_whole_publication_metrics_count_items_their_citations_and_unsupported_names() -> None:
    case = Case("agg", "Which clusters have a Freeport?", (), ("Liverpool", "Tees Valley", "Hull"), (), (7, 19),
                tags=("aggregate", "whole"), forbidden=("Cumbria", "Lancashire"))  # fmt: skip
    answer = "2 of the 11:\n- **Liverpool**: The Liverpool Freeport opened. [1]\n- **Cumbria**: A hub. [2]\n- Tees Valley [3]"
    result = _result(answer, False, [7, 16, 19], ["The Liverpool Freeport opened.", "A hub.", "The Teesside Freeport."])
    result["citations"][2]["section"] = "Case Studies › Tees Valley: Chemicals"
    result["route"] = "aggregate"
    scored = score_case(case, result)
    assert scored["required_share"] == 2 / 3 and not scored["correct"]
    assert scored["items_cited"] == 1.0  # Liverpool by its passage, Tees Valley by its section
    assert scored["forbidden_listed"] == ["Cumbria"]
    report = summarise([scored])
    assert report["list_completeness"] == round(2 / 3, 4) and report["unsupported_listed_rate"] == 1.0
    assert report["citation_precision"] is None and report["routes"] == {"aggregate": 1}  # precision is for facts


def test_compare_lists_flips_and_deltas() -> None:
    old = [{"id": "a", "correct": True}, {"id": "b", "correct": False}, {"id": "c", "correct": True}]
    new = [{"id": "a", "correct": False}, {"id": "b", "correct": True}, {"id": "c", "correct": True}]
    result = compare(old, new, {"answer_accuracy": 0.5}, {"answer_accuracy": 0.75})
    assert result["right_to_wrong"] == ["a"] and result["wrong_to_right"] == ["b"]
    assert result["deltas"]["answer_accuracy"] == {"old": 0.5, "new": 0.75, "delta": 0.25}


def test_thresholds(tmp_path: Path) -> None:
    bars = tmp_path / "t.toml"
    bars.write_text("[min]\nanswer_accuracy = 0.9\n[max]\nfalse_abstention_rate = 0.05\n", encoding="utf-8")
    assert check_thresholds({"answer_accuracy": 0.95, "false_abstention_rate": 0.01}, bars) == []
    failures = check_thresholds({"answer_accuracy": 0.85, "false_abstention_rate": 0.2}, bars)
    assert failures == [
        "answer_accuracy = 0.85 misses the min bar 0.9",
        "false_abstention_rate = 0.2 misses the max bar 0.05",
    ]
    bars.write_text("[min]\nanswer_acuracy = 0.9\n", encoding="utf-8")
    assert any("unknown metric" in f for f in check_thresholds({}, bars))


@pytest.fixture
def cli(embedder: Embedder, assistant, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The real CLI in-process over the session index of the publication (built by `assistant`)."""
    monkeypatch.setattr(clusterqa.pipeline, "make_embedder", lambda settings: embedder)
    for key in [k for k in os.environ if k.startswith("CLUSTERQA_")]:
        monkeypatch.delenv(key)
    runner = CliRunner()
    return lambda *args: runner.invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def small_set(tmp_path: Path) -> Path:
    cases = [line for line in (REPO / "evals" / "public.jsonl").read_text(encoding="utf-8").splitlines()]
    picked = [c for c in cases if json.loads(c)["answerable"]][:6] + [c for c in cases if not json.loads(c)["answerable"]][:2]
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(picked) + "\n", encoding="utf-8")
    return path


def test_eval_command_writes_results_report_html_and_ragas(
    cli, small_set: Path, publication_index_dir: Path, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    out = tmp_path / "run"
    result = cli("--index-dir", str(publication_index_dir), "eval", str(small_set), "--out", str(out), "--export", "ragas")
    assert result.exit_code == 0, result.output
    assert "answer_accuracy" in result.output and "hit_at_1" in result.output
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 8
    for row in rows:
        assert {"id", "correct", "evidence_rank", "cited_page_ok", "abstained_ok", "question", "answer", "citations",
                "retrieved", "latency_ms"} <= set(row)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["n"] == 8 and "by_tag" in report and report["answer_accuracy"] is not None
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2 and "Accuracy by tag" in html and "<script" not in html
    ragas = [json.loads(line) for line in (out / "ragas.jsonl").read_text(encoding="utf-8").splitlines()]
    assert set(ragas[0]) == {"user_input", "retrieved_contexts", "response", "reference"}

    again = cli("--index-dir", str(publication_index_dir), "eval", str(small_set), "--out", str(tmp_path / "run2"),
                "--compare", str(out))
    assert again.exit_code == 0 and "right -> wrong: none" in again.output
    assert "Compared with the previous run" in (tmp_path / "run2" / "report.html").read_text(encoding="utf-8")


def test_eval_gate_fails_below_a_bar(cli, small_set: Path, publication_index_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bars = tmp_path / "bars.toml"
    bars.write_text("[max]\nlatency_ms_p50 = 0.0001\n", encoding="utf-8")
    result = cli("--index-dir", str(publication_index_dir), "eval", str(small_set), "--out", str(tmp_path / "r"),
                 "--check", str(bars))
    assert result.exit_code == 1 and "latency_ms_p50" in result.output


def test_baseline_pipeline_runs_the_same_set(cli, small_set: Path, publication_index_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("langchain_community")
    out = tmp_path / "baseline"
    result = cli("--index-dir", str(publication_index_dir), "eval", str(small_set), "--out", str(out),
                 "--pipeline", "baseline")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(not r["abstained"] and len(r["retrieved"]) == 4 for r in rows)  # never abstains, dense top-4
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["abstention_accuracy"] == 0.0


def test_bench_prints_its_numbers(cli, small_set: Path, publication_index_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--index-dir", str(publication_index_dir), "bench", "--questions", str(small_set), "--repeat", "1")
    assert result.exit_code == 0, result.output
    numbers = dict(line.rsplit(None, 1) for line in result.output.strip().splitlines())
    assert numbers["questions timed"] == "8"
    assert float(numbers["ask latency p50 (ms)"]) <= float(numbers["ask latency p95 (ms)"])
    assert float(numbers["peak RSS (MB)"]) > 100
    assert numbers["briefing notes timed"] == "8"  # the app's example topics and three more, warm
    assert 0 < float(numbers["briefing note p50 (ms)"]) <= float(numbers["briefing note max (ms)"])
