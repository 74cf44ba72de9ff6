"""Passages -> Answer: the sentences that answer the question, cited, or a plain abstention.

Answerers are chosen by name from ANSWERERS. The extractive answerer needs no
model beyond the embeddings: it picks the best-fitting sentence(s) of the
retrieved passages, checks the fit is good enough to be an answer at all, and
otherwise says the documents do not answer and lists the sections it looked at.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from .errors import UnknownNameError
from .retrieve import Passage, Retrieval, ScoredSentence
from .text import normalise, terms

MIN_COVERAGE = 0.5  # share (IDF-weighted) of the question's terms the answer sentence must hold
MIN_DENSE = 0.35  # ...or this cosine similarity together with MIN_COVERAGE_WITH_DENSE coverage
MIN_COVERAGE_WITH_DENSE = 0.3
SECOND_SENTENCE_RATIO = 0.9  # a second sentence joins when it scores this close to the best
MAX_SENTENCES = 3
MAX_LIST_ITEMS = 12
ABSTAIN_TEXT = "The documents do not answer this question."
LIST_QUESTION = re.compile(
    r"\b(what are|which are|list|name the|name all|what were|which (?:\w+ )?(?:sites|companies|firms|"
    r"organisations|organizations|sectors|industries|themes|recommendations|clusters|areas|bodies))\b",
    re.I,
)
NUMBER_QUESTION = re.compile(r"\b(how (?:much|many|large|big)|what (?:percentage|share|proportion|number|amount))\b", re.I)
DATE_QUESTION = re.compile(r"\b(when|what year|which year|what date)\b", re.I)
HAS_NUMBER = re.compile(r"[£$€]\s?\d|\d[\d,.]*\s?(?:%|per ?cent|million|billion|bn|m\b|k\b)|\b\d[\d,.]*\b")
HAS_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b")


@dataclass(frozen=True)
class Citation:
    n: int
    source: str
    page: int
    pages: tuple[int, ...]
    section: str
    cluster: str
    quote: str
    text: str
    path: str = field(default="", compare=False)


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: tuple[Citation, ...]
    retrieved: tuple[Passage, ...]
    latency_ms: float = 0.0
    steered_to: tuple[str, ...] = ()
    filters: dict[str, str] = field(default_factory=dict)
    standalone_question: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The `ask --json` object."""
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [
                {k: v for k, v in asdict(c).items() if k != "path"} | {"pages": list(c.pages)} for c in self.citations
            ],
            "retrieved": [
                {
                    "source": p.chunk.source,
                    "page": p.chunk.page,
                    "pages": list(p.chunk.pages),
                    "section": p.chunk.section,
                    "text": p.chunk.text,
                    "score": round(p.score, 4),
                }
                for p in self.retrieved
            ],
            "latency_ms": round(self.latency_ms, 2),
            "steered_to": list(self.steered_to),
            "filters": self.filters,
        }


class Answerer(Protocol):
    def __call__(self, retrieval: Retrieval) -> Answer: ...


def extractive_answer(retrieval: Retrieval) -> Answer:
    """Pick the best sentence(s); abstain when none covers the question well enough."""
    question = retrieval.question
    candidates = [(p, s) for p in retrieval.passages for s in p.sentences]
    if not candidates:
        return abstain(retrieval)
    ranked = sorted(candidates, key=lambda ps: -_fit(question, ps[1]))
    passage, best = ranked[0]
    if not answerable(question, retrieval, best):
        return abstain(retrieval)
    if LIST_QUESTION.search(question):
        items = _list_items(passage, best)
        if items:
            return _compose(retrieval, items, bullets=True)
    chosen = [(passage, best)]
    best_fit = _fit(question, best)
    covered = set(terms(best.sentence.text))
    for p, s in ranked[1:]:
        if len(chosen) >= MAX_SENTENCES or _fit(question, s) < best_fit * SECOND_SENTENCE_RATIO:
            break
        new_terms = set(retrieval.question_terms) & (set(terms(s.sentence.text)) - covered)
        if new_terms and s.sentence.text not in {c.sentence.text for _, c in chosen}:
            chosen.append((p, s))
            covered |= set(terms(s.sentence.text))
    return _compose(retrieval, chosen, bullets=False)


def answerable(question: str, retrieval: Retrieval, best: ScoredSentence) -> bool:
    """Enough of the question is in the best sentence (or its section), and no unknown name is asked about."""
    if retrieval.unknown_names:
        return False
    if best.coverage >= MIN_COVERAGE:
        return True
    return best.dense >= MIN_DENSE and best.coverage >= MIN_COVERAGE_WITH_DENSE


def _fit(question: str, s: ScoredSentence) -> float:
    """Sentence score plus a bonus when it holds the kind of thing asked for (a number, a date)."""
    bonus = 0.0
    if NUMBER_QUESTION.search(question) and HAS_NUMBER.search(s.sentence.text):
        bonus += 0.15
    if DATE_QUESTION.search(question) and HAS_YEAR.search(s.sentence.text):
        bonus += 0.15
    return s.score + bonus


def _list_items(passage: Passage, best: ScoredSentence) -> list[tuple[Passage, ScoredSentence]]:
    """The bullet items of the best sentence's list, when it is in (or introduces) one."""
    sentences = list(passage.sentences)
    bullets = [s for s in sentences if s.sentence.text.startswith("• ")]
    if len(bullets) < 2:
        return []
    return [(passage, s) for s in bullets[:MAX_LIST_ITEMS]]


def _compose(retrieval: Retrieval, chosen: list[tuple[Passage, ScoredSentence]], *, bullets: bool) -> Answer:
    citations: list[Citation] = []
    parts: list[str] = []
    for passage, scored in chosen:
        chunk = passage.chunk
        quote = scored.sentence.text
        n = len(citations) + 1
        citations.append(
            Citation(n, chunk.source, scored.sentence.page, chunk.pages, chunk.section, chunk.cluster, quote, chunk.text, chunk.path)
        )
        body = quote[2:] if quote.startswith("• ") else quote
        parts.append(f"- {body} [{n}]" if bullets else f"{body} [{n}]")
    text = "\n".join(parts) if bullets else " ".join(parts)
    return Answer(
        question=retrieval.question,
        answer=text,
        abstained=False,
        citations=tuple(citations),
        retrieved=retrieval.passages,
        steered_to=retrieval.steered_to,
        filters=retrieval.filters,
    )


def abstain(retrieval: Retrieval) -> Answer:
    """Say plainly the documents do not answer, and where we looked."""
    seen: list[str] = []
    for p in retrieval.passages[:3]:
        label = f"{p.chunk.section or p.chunk.title} (p. {p.chunk.page})"
        if label not in seen:
            seen.append(label)
    text = ABSTAIN_TEXT
    if retrieval.unknown_names:
        text += f" They do not mention {', '.join(retrieval.unknown_names)}."
    if seen:
        text += " Nearest sections: " + "; ".join(seen) + "."
    return Answer(
        question=retrieval.question,
        answer=text,
        abstained=True,
        citations=(),
        retrieved=retrieval.passages,
        steered_to=retrieval.steered_to,
        filters=retrieval.filters,
    )


ANSWERERS: dict[str, Callable[[Retrieval], Answer]] = {"extractive": extractive_answer}


def get_answerer(name: str) -> Callable[[Retrieval], Answer]:
    if name not in ANSWERERS:
        raise UnknownNameError("answerer", name, list(ANSWERERS))
    return ANSWERERS[name]


def register_answerer(name: str, answerer: Callable[[Retrieval], Answer]) -> None:
    """Add an answerer (an LLM one, or a test fake) under a name."""
    ANSWERERS[name] = answerer


def normalised_contains(haystack: str, needle: str) -> bool:
    return normalise(needle) in normalise(haystack)
