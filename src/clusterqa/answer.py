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

MIN_COVERAGE = 0.5  # share (IDF-weighted) of the question's terms the answer sentence must hold...
MIN_DENSE = 0.4  # ...or this cosine similarity to the question
MIN_TYPED_DENSE = 0.65
MIN_TYPED_COVERAGE = 0.25  # for "how many / how much / when" questions, with the asked-for kind of value
CONTINUES = re.compile(r"^(?:They|It|This|These|Such|Its|Their|That|Those)\b")
CONTINUATION_RATIO = 0.6  # a continuing sentence joins the best one when it scores this close
SECOND_SENTENCE_RATIO = 0.9  # a second sentence joins when it scores this close to the best
MAX_SENTENCES = 3
MAX_LIST_ITEMS = 12
COUNT_WINDOW = 4  # "54 organisations": the counted noun follows the number within this many words
ABSTAIN_TEXT = "The documents do not answer this question."
LIST_QUESTION = re.compile(
    r"\b(what are|which are|list|name the|name all|what were|which (?:\w+ )?(?:sites|companies|firms|"
    r"organisations|organizations|sectors|industries|themes|recommendations|clusters|areas|bodies))\b",
    re.I,
)
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty hundred hundreds thousand thousands million billion dozen dozens"
).split()
NUMBER = re.compile(r"(?:[£$€]\s?)?\d[\d,.]*|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.I)
MONEY = re.compile(r"[£$€]\s?\d|\d\s?(?:million|billion|bn|m)\b", re.I)
AUXILIARIES = set("did does do was is were has have had will would can could of money in".split())
RATE_MEASURES = {"rate", "size", "capacity", "output"}
MONEY_QUESTION = re.compile(r"\b(money|funding|funded|fund|invest\w*|pa(?:y|id)|cost|budget|grant|spen[dt]|worth)\b|£", re.I)
PERCENT = re.compile(r"\d\s?(?:%|per ?cent)|\b(?:half|third|quarter)\b", re.I)
YEAR = re.compile(
    r"\b(1[89]\d\d|20\d\d)\b|\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)
QUESTION_TYPES = (  # (kind, pattern): the first that matches decides what the answer must hold
    (
        "acronym",
        re.compile(
            r"\bwhat (?:does|did) (?:the )?(?P<acronym>[A-Za-z&]{2,}) stand for\b"
            r"|\bwhat is (?:the )?(?P<acronym2>[A-Za-z&]{2,}) short for\b"
            r"|^\W*(?P<acronym3>[A-Za-z&]*[A-Z][A-Za-z&]*)\s+(?:stands|is short) for\b"
            r"|\b(?:expand|spell out) (?:the )?(?:acronym |abbreviation )?(?P<acronym4>[A-Za-z&]*[A-Z][A-Za-z&]*)\b"
            r"|\bwhat is the full (?:name|form) (?:of|for) (?:the )?(?P<acronym5>[A-Za-z&]*[A-Z][A-Za-z&]*)\b",
            re.I,
        ),
    ),
    ("percent", re.compile(r"\b(?:what|which) (?:percentage|proportion|share|per ?cent)\b|\bhow many per ?cent\b", re.I)),
    ("count", re.compile(r"\bhow many\b(?P<noun>(?:\s+[\w&-]+){1,3})", re.I)),
    (
        "amount",
        re.compile(
            r"\bhow much(?P<much>(?:\s+[a-z][\w-]*){0,3})"
            r"|\bwhat (?:is|was|are|were) (?:the )?(?P<measured>(?:[\w'-]+ ){0,3}?)"
            r"(?P<measure>value|amount|budget|cost|size|total|worth|rate|population|turnover|revenue|gdp|capacity|output|income|salary|price|headcount)\b"
            r"(?:\s+(?:of\s+)?(?P<totalled>[\w&'-]+))?"
            r"|\bwhat (?:\w+ )?(?:size|amount|budget|cost|rate)\b",
            re.I,
        ),
    ),
    (
        "date",
        re.compile(
            r"(?:^\W*|,\s*)(?:and |but |so )?when\b(?!\s+(?:do|does)\b)|\b(?:what|which|in what|in which) (?:year|month|date)\b",
            re.I,
        ),
    ),
)
WHERE_QUESTION = re.compile(r"^\W*(?:and |so )?where\b", re.I)
PLACE_BONUS = 0.1
PLACE = re.compile(r"\b(?:in|at|to|near|from|into)\s+(?:the\s+)?([A-Z][\w&-]+)")


def question_type(question: str) -> tuple[str, str]:
    """(kind, detail): e.g. ('count', 'organisations'), ('date', ''), ('acronym', 'NORSS'), ('', '')."""
    for kind, pattern in QUESTION_TYPES:
        match = pattern.search(question)
        if match:
            groups = {k: v for k, v in match.groupdict().items() if v}
            acronyms = [groups.get(f"acronym{n}") for n in ("", "2", "3", "4", "5")]
            detail = next((a for a in acronyms if a), "") or groups.get("noun") or ""
            if groups.get("much"):  # "how much seed funding did...": the sentence must speak of seed funding
                words = []
                for word in groups["much"].split():
                    if word.lower() in AUXILIARIES:
                        break
                    words.append(word)
                detail = f"much:{' '.join(words)}" if words else ""
            if groups.get("measure"):  # "what is the total GVA", "what is the graduate retention rate"
                measured = groups.get("measured", "")
                if groups["measure"].lower() == "total":
                    measured += " " + groups.get("totalled", "")
                detail = f"{groups['measure'].lower()}:{measured}"
            return kind, detail.strip()
    return "", ""


def holds_kind(kind: str, detail: str, sentence: str, question: str = "") -> bool:
    """Does the sentence hold the kind of value asked for?"""
    if kind == "acronym":
        escaped = re.escape(detail)
        return bool(re.search(rf"\({escaped}\)|\b{escaped}\b\s*\(", sentence, re.I))
    if kind == "percent":
        return bool(PERCENT.search(sentence))
    if kind == "amount":
        measure, _, measured = detail.partition(":")
        if measured.strip() and not set(terms(measured)) & set(terms(sentence)):
            return False  # the thing measured ("GVA" in "the total GVA") must be in the sentence
        if MONEY_QUESTION.search(question):
            return bool(MONEY.search(sentence))
        if measure and measure != "much" and measure not in RATE_MEASURES:  # a total or a value is not a percentage
            return bool(MONEY.search(sentence) or _has_count(sentence))
        return bool(MONEY.search(sentence) or PERCENT.search(sentence) or _has_count(sentence))
    if kind == "date":
        return bool(YEAR.search(sentence))
    if kind == "count":
        return _has_count(sentence, set(terms(detail)))
    return True


def _preference(question: str, sentence: str) -> float:
    """A nudge, not a filter: a 'where' question prefers a sentence naming a place it does not name itself."""
    if WHERE_QUESTION.match(question):
        asked = set(terms(question))
        if any(not set(terms(place)) <= asked for place in PLACE.findall(sentence)):
            return PLACE_BONUS
    return 0.0


def _has_count(sentence: str, nouns: set[str] | None = None) -> bool:
    """A number that is not a year, followed within COUNT_WINDOW words by one of the nouns (if given)."""
    words = sentence.split()
    for i, word in enumerate(words):
        token = word.strip(",.;:()")
        if NUMBER.fullmatch(token) and not YEAR.fullmatch(token):
            if not nouns or nouns & set(terms(" ".join(words[i + 1 : i + 1 + COUNT_WINDOW]))):
                return True
    return False


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
    """Pick the best sentence(s) that hold what is asked; abstain when none fits well enough."""
    question = retrieval.question
    kind, detail = question_type(question)
    names = question_names(question)
    candidates = [
        (p, s)
        for p in retrieval.passages
        for s in p.sentences
        if holds_kind(kind, detail, s.sentence.text, question) and (not kind or mentions(p, names))
    ]
    if not candidates or retrieval.unknown_names:
        return abstain(retrieval)
    ranked = sorted(candidates, key=lambda ps: -(ps[1].score + _preference(question, ps[1].sentence.text)))
    passage, best = ranked[0]
    if not fits(best, typed=bool(kind)):
        return abstain(retrieval)
    if LIST_QUESTION.search(question):
        items = _list_items(passage, best)
        if items:
            return _compose(retrieval, items, bullets=True)
    chosen = [(passage, best)]
    follow = _continuation(passage, best) if not kind else None
    if follow is not None:
        chosen.append((passage, follow))
    covered = set(terms(" ".join(c.sentence.text for _, c in chosen)))
    for p, s in ranked[1:]:
        if len(chosen) >= MAX_SENTENCES or s.score < best.score * SECOND_SENTENCE_RATIO:
            break
        new_terms = set(retrieval.question_terms) & (set(terms(s.sentence.text)) - covered)
        if new_terms and s.sentence.text not in {c.sentence.text for _, c in chosen}:
            chosen.append((p, s))
            covered |= set(terms(s.sentence.text))
    return _compose(retrieval, chosen, bullets=False)


def _continuation(passage: Passage, best: ScoredSentence) -> ScoredSentence | None:
    """The next sentence when the best one only leads into it: it ends in a colon, or the next sentence
    goes on about the same subject ('They ...', 'This ...') and fits the question nearly as well."""
    following = [s for s in passage.sentences if s.position == best.position + 1]
    if not following:
        return None
    nxt = following[0]
    if best.sentence.text.rstrip().endswith(":"):
        return nxt
    if CONTINUES.match(nxt.sentence.text) and nxt.score >= best.score * CONTINUATION_RATIO:
        return nxt
    return None


def fits(best: ScoredSentence, *, typed: bool) -> bool:
    """Is the best sentence a good enough fit to answer at all?"""
    if typed:
        return best.coverage >= MIN_TYPED_COVERAGE or best.dense >= MIN_TYPED_DENSE
    return best.coverage >= MIN_COVERAGE or best.dense >= MIN_DENSE


NAME_IN_QUESTION = re.compile(
    r"\b(?:[a-z]*[A-Z][\w&-]*|\w*\d\w*)(?:\s+(?:of\s+|&\s+|and\s+)?(?:[a-z]*[A-Z][\w&-]*|\w*\d\w*))*"
)


def question_names(question: str) -> list[set[str]]:
    """Names the question asks about (capitalised runs after the first word, acronyms), as term sets."""
    words = question.split(" ", 1)
    rest = words[1] if len(words) > 1 else ""
    names = []
    for match in NAME_IN_QUESTION.findall(rest):
        name_terms = set(terms(match))
        if name_terms:
            names.append(name_terms)
    return names


def mentions(passage: Passage, names: list[set[str]]) -> bool:
    """Every name of the question appears in the passage or its section path."""
    have = passage.terms
    return all(name <= have for name in names)


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
            Citation(
                n, chunk.source, scored.sentence.page, chunk.pages, chunk.section, chunk.cluster, quote, chunk.text, chunk.path
            )
        )
        body = quote[2:] if quote.startswith("• ") else quote
        parts.append(f"- {body} [{n}]" if bullets else f"{body} [{n}]")
    text = "\n".join(parts) if bullets else " ".join(parts)
    cited = [p for p, _ in chosen]
    first = list(dict.fromkeys(cited))  # the passages quoted lead the ranking, in citation order
    ranked = tuple(first + [p for p in retrieval.passages if p not in first])
    return Answer(
        question=retrieval.question,
        answer=text,
        abstained=False,
        citations=tuple(citations),
        retrieved=ranked,
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
