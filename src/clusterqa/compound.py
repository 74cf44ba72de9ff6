"""A question asking several things at once, answered one ask at a time.

"How much did Lockheed put into a university, in what year, and which institution got it?" holds three
asks. Scored whole, no sentence holds enough of all its words to count as an answer, and the answerer
abstains. Then each ask is answered on its own, the later ones with the names the first one gives
('which institution got it (Lockheed North East)'); an ask for a figure or a date that finds no answer of its
own is answered when a sentence already given holds one ('in what year': '... a £630,000 commitment in
2022 ...'). Only when every ask is answered do the answers join, each sentence cited once:

    >>> asks("What was the body previously known as, and what year did it start?")
    ['What was the body previously known as', 'what year did it start']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .answer import Answer, Citation
from .questions import holds_kind, question_type
from .retrieve import Passage
from .text import core_question, without_scene

ASK_WORD = r"(?:what|which|when|who|whom|whose|where|how|in (?:what|which)|from (?:what|which))\b"
ASK_BREAK = re.compile(  # where a question goes on to ask another thing
    rf",?\s+and\s+(?:also\s+|roughly\s+|approximately\s+|about\s+)?(?={ASK_WORD})"  # '..., and which institution got it'
    r"|,\s*(?:roughly\s+|approximately\s+|about\s+)?(?=(?:in|from|by) (?:what|which) year\b|when\b|how (?:much|many|long)\b"
    r"|(?:to|from|by|for|with) (?:which|what|whom)\b)",  # '..., in what year, ...', 'How much did X pledge, to which university'
    re.I,
)
ASKS_FIRST = re.compile(  # the first part must ask too ('Of the £171 million asked for, how much is secured' asks once)
    rf"(?:^|[:.!?]\s+|\s[-–—]\s+)\W*(?:{ASK_WORD}|(?:is|are|was|were|do|does|did|has|have|can|could|will|would)\b)", re.I
)
NAME = re.compile(r"(?<=\s)[A-Z][\w&'’-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w&'’-]*)*")  # not the word a sentence opens with
MAX_ASKS = 3
MAX_SENTENCES = 3


def asks(question: str) -> list[str]:
    """The things a question asks, in order; one item when it asks one thing."""
    core = core_question(without_scene(question))
    parts = [part.strip(" ,;?") for part in ASK_BREAK.split(core)]
    return [part for part in parts if part]


def answer_in_parts(question: str, answer_one: Callable[[str], Answer]) -> Answer | None:
    """The answers to each ask of the question joined into one, or None when it asks one thing, asks more than
    MAX_ASKS, or any ask is left unanswered."""
    parts = asks(question)
    if not 2 <= len(parts) <= MAX_ASKS or not ASKS_FIRST.search(parts[0]):
        return None
    named = NAME.findall(f" {parts[0]}")
    answers: list[Answer | None] = []
    for i, part in enumerate(parts):
        context = [name for name in named if name.lower() not in part.lower()] if i else []
        answered = answer_one(f"{part} ({', '.join(context)})?" if context else f"{part}?")
        answers.append(None if answered.abstained else answered)
    given = [c.quote for a in answers if a is not None for c in a.citations]
    if not given:
        return None
    for part, answer in zip(parts, answers, strict=True):
        kind, detail = question_type(part)
        if answer is None and not (kind and any(holds_kind(kind, detail, quote, part) for quote in given)):
            return None
    return _joined(question, [a for a in answers if a is not None])


def _joined(question: str, answers: list[Answer]) -> Answer:
    """One answer from several: each answer's first sentence, then their others, each quoted once and at most
    MAX_SENTENCES, in the order of the asks; the passages quoted lead the ranking, each chunk once."""
    place: dict[str, int] = {}  # each quote's first place in the asks' order
    for citation in (c for a in answers for c in a.citations):
        place.setdefault(citation.quote, len(place))
    chosen: dict[str, Citation] = {}
    for citation in [a.citations[0] for a in answers] + [c for a in answers for c in a.citations[1:]]:
        if len(chosen) < MAX_SENTENCES:
            chosen.setdefault(citation.quote, citation)
    cited = [replace(c, n=n) for n, c in enumerate(sorted(chosen.values(), key=lambda c: place[c.quote]), 1)]
    text = " ".join(f"{c.quote.removeprefix('• ')} [{c.n}]" for c in cited)
    passages: dict[str, Passage] = {}
    for a in answers:
        for p in a.retrieved:
            passages.setdefault(p.chunk.id, p)
    quoted = [p for p in passages.values() if any(p.chunk.text == c.text for c in cited)]
    others = [p for p in passages.values() if p not in quoted]
    return replace(answers[0], question=question, answer=text, citations=tuple(cited), retrieved=tuple(quoted + others))
