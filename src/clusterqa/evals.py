"""Test set -> per-question results + metrics report (and by tag), comparison with an earlier run.

Example:
    >>> cases = load_cases(Path("evals/public.jsonl"))
    >>> results = [score_case(case, assistant.ask(case.question).to_dict()) for case in cases]
    >>> summarise(results)["answer_accuracy"]
    0.95
"""

from __future__ import annotations

import csv
import json
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ClusterQAError
from .text import normalise

MARKER = re.compile(r"\s*\[\d+\]")
METRICS = (
    "answer_accuracy",
    "abstention_accuracy",
    "false_abstention_rate",
    "hit_at_1",
    "hit_at_3",
    "hit_at_5",
    "mrr",
    "citation_precision",
    "page_accuracy",
    "answer_words_median",
    "list_completeness",
    "items_cited",
    "unsupported_listed_rate",
    "latency_ms_p50",
    "latency_ms_p95",
)
LOWER_IS_BETTER = {"false_abstention_rate", "answer_words_median", "unsupported_listed_rate", "latency_ms_p50", "latency_ms_p95"}


@dataclass(frozen=True)
class Case:
    """One test question (see evals/README.md for the format)."""

    id: str
    question: str
    answers: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    pages: tuple[int, ...] = ()
    answerable: bool = True
    tags: tuple[str, ...] = field(default=())
    forbidden: tuple[str, ...] = ()  # names an aggregate answer must not list (the text does not support them)


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split("|") if v.strip()]
    return list(value)


def _as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() not in {"false", "0", "no", "n"}


def load_cases(path: Path) -> list[Case]:
    """Read a JSONL or CSV test set; errors name the line and the field."""
    if not path.is_file():
        raise ClusterQAError(f"No test set at {path}.")
    rows: list[tuple[int, dict[str, Any]]] = []
    if path.suffix.lower() == ".csv":
        with path.open(newline="", encoding="utf-8") as handle:
            rows = [(n + 2, row) for n, row in enumerate(csv.DictReader(handle))]
    else:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise ClusterQAError(f"{path}:{n}: not valid JSON ({exc.msg}).") from None
    cases: list[Case] = []
    seen: set[str] = set()
    for n, row in rows:
        if not str(row.get("question") or "").strip():
            raise ClusterQAError(f"{path}:{n}: 'question' is missing or empty.")
        case_id = str(row.get("id") or f"q{n}")
        if case_id in seen:
            raise ClusterQAError(f"{path}:{n}: duplicate id '{case_id}'.")
        seen.add(case_id)
        try:
            pages = tuple(int(p) for p in _as_list(row.get("pages")))
        except ValueError:
            raise ClusterQAError(f"{path}:{n}: 'pages' must be whole numbers.") from None
        cases.append(
            Case(
                id=case_id,
                question=str(row["question"]).strip(),
                answers=tuple(map(str, _as_list(row.get("answers")))),
                required=tuple(map(str, _as_list(row.get("required")))),
                evidence=tuple(map(str, _as_list(row.get("evidence")))),
                pages=pages,
                answerable=_as_bool(row.get("answerable", True)),
                tags=tuple(map(str, _as_list(row.get("tags")))),
                forbidden=tuple(map(str, _as_list(row.get("forbidden")))),
            )
        )
    if not cases:
        raise ClusterQAError(f"{path} holds no questions.")
    return cases


def holds(text: str, needles: Iterable[str]) -> bool:
    """Any needle occurs in text, compared normalised."""
    haystack = normalise(text)
    return any(normalise(n) in haystack for n in needles if n)


def score_case(case: Case, result: dict[str, Any]) -> dict[str, Any]:
    """The ask --json object plus id, correct, evidence_rank, cited_page_ok, abstained_ok."""
    answer_text = MARKER.sub("", result["answer"]).replace("**", "")  # as the reader sees it: markers and bold off
    abstained = bool(result["abstained"])
    if case.answerable:
        found = (not case.answers or holds(answer_text, case.answers)) and all(
            holds(answer_text, [r]) for r in case.required
        )
        correct = not abstained and found
    else:
        correct = abstained
    evidence_rank = None
    if case.evidence:
        for rank, passage in enumerate(result["retrieved"], start=1):
            if holds(passage["text"], case.evidence):
                evidence_rank = rank
                break
    cited_page_ok = None
    citations = result.get("citations") or []
    if case.answerable and case.pages and not abstained and citations:
        cited_page_ok = int(citations[0]["page"]) in case.pages
    expected = (*case.evidence, *case.answers, *case.required)
    good_citations = [holds(f'{c["section"]} {c["text"]}', expected) for c in citations] if case.answerable else []
    present = [r for r in case.required if holds(answer_text, [r])]
    return {
        "id": case.id,
        "tags": list(case.tags),
        "answerable": case.answerable,
        "expected": list(case.answers),
        "required": list(case.required),
        "expected_pages": list(case.pages),
        "evidence": list(case.evidence),
        **result,
        "correct": correct,
        "evidence_rank": evidence_rank,
        "cited_page_ok": cited_page_ok,
        "abstained_ok": abstained == (not case.answerable),
        "citations_ok": good_citations,
        "answer_words": len(answer_text.split()) if not abstained else None,
        "required_share": len(present) / len(case.required) if case.required and case.answerable else None,
        "items_cited": _items_cited(present, result["answer"], citations) if present else None,
        "forbidden": list(case.forbidden),
        "forbidden_listed": [f for f in case.forbidden if holds(answer_text, [f])],
    }


def _items_cited(items: list[str], answer: str, citations: list[dict[str, Any]]) -> float:
    """Share of the items whose line in the answer cites a passage that holds the item."""
    by_n = {int(c["n"]): c for c in citations}
    ok = 0
    for item in items:
        for line in answer.splitlines():
            if holds(MARKER.sub("", line).replace("**", ""), [item]):  # the line as the reader sees it, as present
                cited = [by_n[int(n)] for n in re.findall(r"\[(\d+)\]", line) if int(n) in by_n]
                if any(holds(c["text"], [item]) or holds(c["section"], [item]) for c in cited):
                    ok += 1
                    break
    return ok / len(items)


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1) of a non-empty sequence."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _percentile(values: list[float], q: float) -> float | None:
    return round(percentile(values, q), 2) if values else None


def summarise(results: list[dict[str, Any]], by_tag: bool = True) -> dict[str, Any]:
    """The report: headline metrics and, optionally, the same per tag."""
    answerable = [r for r in results if r["answerable"]]
    unanswerable = [r for r in results if not r["answerable"]]
    ranks = [r["evidence_rank"] for r in answerable if r["evidence"]]
    # Citation precision and answer length are measures of fact answers; a list, comparison or summary cites
    # many sentences and is long by design (items_cited and list_completeness measure those).
    facts = [r for r in answerable if str(r.get("route") or "fact") == "fact"]
    citations = [ok for r in facts if not r["abstained"] for ok in r["citations_ok"]]
    pages = [r["cited_page_ok"] for r in answerable if r["cited_page_ok"] is not None]
    words = [r["answer_words"] for r in facts if r["answer_words"] is not None]
    latency = [float(r["latency_ms"]) for r in results]
    report: dict[str, Any] = {
        "n": len(results),
        "n_answerable": len(answerable),
        "n_unanswerable": len(unanswerable),
        "answer_accuracy": _mean([float(r["correct"]) for r in answerable]),
        "abstention_accuracy": _mean([float(r["abstained"]) for r in unanswerable]),
        "false_abstention_rate": _mean([float(r["abstained"]) for r in answerable]),
        "hit_at_1": _mean([float(x is not None and x <= 1) for x in ranks]),
        "hit_at_3": _mean([float(x is not None and x <= 3) for x in ranks]),
        "hit_at_5": _mean([float(x is not None and x <= 5) for x in ranks]),
        "mrr": _mean([1.0 / x if x else 0.0 for x in ranks]),
        "citation_precision": _mean([float(ok) for ok in citations]),
        "page_accuracy": _mean([float(ok) for ok in pages]),
        "answer_words_median": statistics.median(words) if words else None,
        "list_completeness": _mean([r["required_share"] for r in answerable if r.get("required_share") is not None]),
        "items_cited": _mean([r["items_cited"] for r in answerable if r.get("items_cited") is not None]),
        "unsupported_listed_rate": _mean([float(bool(r["forbidden_listed"])) for r in results if r.get("forbidden")]),
        "latency_ms_p50": _percentile(latency, 0.5),
        "latency_ms_p95": _percentile(latency, 0.95),
    }
    routes = [str(r.get("route") or "fact") for r in results]
    report["routes"] = {route: routes.count(route) for route in sorted(set(routes))}
    if by_tag:
        tags = sorted({t for r in results for t in r["tags"]})
        report["by_tag"] = {t: summarise([r for r in results if t in r["tags"]], by_tag=False) for t in tags}
    return report


def compare(
    old: list[dict[str, Any]], new: list[dict[str, Any]], old_report: dict[str, Any], new_report: dict[str, Any]
) -> dict[str, Any]:
    """Questions that flipped and metric deltas between two runs."""
    before = {r["id"]: r for r in old}
    flipped_bad = [r["id"] for r in new if r["id"] in before and before[r["id"]]["correct"] and not r["correct"]]
    flipped_good = [r["id"] for r in new if r["id"] in before and not before[r["id"]]["correct"] and r["correct"]]
    deltas = {}
    for name in METRICS:
        a, b = old_report.get(name), new_report.get(name)
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            deltas[name] = {"old": a, "new": b, "delta": round(b - a, 4)}
    return {"right_to_wrong": flipped_bad, "wrong_to_right": flipped_good, "deltas": deltas}


def read_results(folder: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """results.jsonl and report.json of an earlier run."""
    results_file, report_file = folder / "results.jsonl", folder / "report.json"
    if not results_file.is_file() or not report_file.is_file():
        raise ClusterQAError(f"{folder} is not an eval run folder (needs results.jsonl and report.json).")
    results = [json.loads(line) for line in results_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    return results, json.loads(report_file.read_text(encoding="utf-8"))
