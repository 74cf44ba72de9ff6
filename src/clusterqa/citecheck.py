"""Generated answer -> the sentences its cited passages support, and the ones they do not.

An LLM's sentence is kept only when the passages it cites say what it says: every number and
name in it occurs in those passages, and its meaning is close to one of their sentences (or two
neighbouring ones) by the bundled MiniLM embedder, or close enough while sharing most of its
words. A sentence with no citation, a citation that is not one of the passages, or support
only from text that reads like an instruction to the assistant is dropped.

Example:
    >>> [(c.text, c.cited) for c in split_claims("Zone A got £160m [1]. It opened in 2023. [2]")]
    [('Zone A got £160m.', (1,)), ('It opened in 2023.', (2,))]
    >>> sorted(numbers("£1,365 jobs, up 12% on three sites"))
    ['12', '1365', '3']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .chunking import Sentence
from .text import NUMBER_DIGITS, QUESTION_WORDS, STOPWORDS, normalise, split_sentences, stem, terms

if TYPE_CHECKING:
    from .index import Embedder
    from .retrieve import Passage

MIN_SIMILARITY = 0.72  # cosine to the best cited sentence (or pair) that supports a sentence on meaning alone...
MIN_SIMILARITY_WITH_TERMS = 0.5  # ...or this cosine, when the cited text also holds most of its content words
MIN_TERM_COVERAGE = 0.6
MIN_ANCHORED_SIMILARITY, MIN_ANCHORED_COVERAGE = 0.58, 0.4  # ...or these, when its numbers are all in the cited text
MIN_COUNTED_SIMILARITY = 0.4  # ...or this, when its numbers also count the same things there and most words are shared
MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
MARKERS_AFTER_STOP = re.compile(r"([.!?])((?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+)")
BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
PRONOUN_START = re.compile(r"^(?:It|Its|They|Their|This|These|That|Those|He|She|His|Her)\b")
TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z][\w'’-]*")
MAGNITUDES = frozenset("million millions billion billions thousand thousands m bn k per cent percent".split())
YEAR = re.compile(r"(?:1[89]|20)\d\d")
NUMBER_WINDOW = 6  # the word a number counts ("1,365 people") must be this close to the same number in the cited text
NAME = re.compile(r"\b(?:[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z][a-z][\w'’-]*)")
INSTRUCTION_LIKE = re.compile(
    r"\b(?:ignore|disregard|forget|override)\b[^.]{0,60}\b(?:instructions?|rules|prompts?|directions|guidelines)\b"
    r"|\b(?:system|developer) (?:prompt|message)\b"
    r"|\bnew instructions\b"
    r"|\byou are (?:now )?(?:a|an|the) (?:\w+ ){0,3}(?:assistant|ai|chatbot|bot|language model|llm)\b"
    r"|\b(?:assistants?|ai|chatbots?|language models?|llms?)\b,? (?:must|should|shall|will) (?:now |always |instead )?"
    r"(?:say|answer|reply|respond|state|tell|write|claim)\b",
    re.I,
)
REPORTING_TERMS = frozenset(terms(" ".join(QUESTION_WORDS) + " states notes passage passages"))  # "according to the report"


@dataclass(frozen=True)
class Claim:
    """One generated sentence: its text without markers, the passage numbers it cites, and where it sits."""

    text: str
    cited: tuple[int, ...]
    line: int = 0
    bullet: bool = False


@dataclass(frozen=True)
class Verdict:
    """Whether a claim's citations support it; quotes maps each cited passage number to its best sentence."""

    claim: Claim
    supported: bool
    reason: str
    similarity: float
    quotes: dict[int, Sentence]


def split_claims(text: str) -> list[Claim]:
    """Sentences of a generated answer with their [n] citations; bullet lines keep their own sentences."""
    claims = []
    for line_no, line in enumerate(text.splitlines()):
        bullet = bool(BULLET.match(line))
        line = BULLET.sub("", line).strip()
        if not line:
            continue
        line = MARKERS_AFTER_STOP.sub(lambda m: f"{m.group(2)}{m.group(1)}", line)  # "X. [1]" -> "X [1]."
        for sentence in split_sentences(line):
            cited = tuple(dict.fromkeys(int(n) for m in MARKER.finditer(sentence) for n in re.split(r"[,;]", m.group(1))))
            bare = " ".join(MARKER.sub(" ", sentence).split())
            bare = re.sub(r"\s+([.,;:!?])", r"\1", bare)
            if bare and not re.fullmatch(r"[\W_]*", bare):
                claims.append(Claim(bare, cited, line_no, bullet))
    return claims


def numbers(text: str) -> set[str]:
    """The numbers a text states, as digits without separators ('1,365' -> '1365', 'three' -> '3')."""
    found = {m.group(0).rstrip(".,").replace(",", "") for m in NUMBER.finditer(text)}
    found |= {NUMBER_DIGITS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_DIGITS}
    return {n for n in found if n}


def names(text: str) -> set[str]:
    """Capitalised names and acronyms of a sentence, lower-cased. Its first word counts only when it is an
    acronym or starts a run of capitalised words ('Alderley Park hosts...', not 'Funding came...')."""
    found = set()
    first = _first_word_start(text)
    matches = list(NAME.finditer(text))
    for i, match in enumerate(matches):
        word = re.sub(r"['’]s$", "", match.group(0)).strip("'’-")
        lower = word.lower()
        if lower in STOPWORDS or lower in NUMBER_DIGITS or len(word) < 2:
            continue
        if match.start() == first and not any(c.isupper() for c in word[1:]):
            following = matches[i + 1] if i + 1 < len(matches) else None
            if following is None or text[match.end() : following.start()].strip():
                continue
        found.add(lower)
    return found


def _first_word_start(text: str) -> int:
    first = re.search(r"[A-Za-z]", text)
    return first.start() if first else -1


def counted(text: str) -> list[tuple[str, str]]:
    """(number, the first content word after it) for each number that is not a year: what it counts.

    Example: counted("It had 54 firms and £113 million in income in 2020") == [("54", "firm"), ("113", "income")]
    """
    tokens = TOKEN.findall(text)
    pairs = []
    for i, token in enumerate(tokens):
        if not token[0].isdigit() or YEAR.fullmatch(token):
            continue
        following = (w.lower() for w in tokens[i + 1 : i + 4] if not w[0].isdigit())
        word = next((w for w in following if w not in STOPWORDS and w not in MAGNITUDES), None)
        if word:
            pairs.append((token.rstrip(".,").replace(",", ""), stem(word)))
    return pairs


def counts_near(text: str, number: str, word: str) -> bool:
    """Does the text state this number with this word close by?"""
    tokens = TOKEN.findall(text)
    for i, token in enumerate(tokens):
        if token[0].isdigit() and token.rstrip(".,").replace(",", "") == number:
            window = tokens[max(0, i - NUMBER_WINDOW) : i + NUMBER_WINDOW + 1]
            if word in {stem(w.lower()) for w in window}:
                return True
    return False


def instruction_like(sentence: str) -> bool:
    """Text that addresses the assistant ('ignore previous instructions...'): document data, never evidence."""
    return bool(INSTRUCTION_LIKE.search(sentence))


class CitationChecker:
    """Checks claims against the numbered passages one answer was generated from (1-based, as in the prompt)."""

    def __init__(self, embedder: Embedder, passages: tuple[Passage, ...] | list[Passage]) -> None:
        self.embedder = embedder
        self.passages = list(passages)
        self._sentences: dict[int, tuple[list[Sentence], np.ndarray]] = {}
        self._pair_vectors: dict[int, np.ndarray] = {}

    def check(self, claim: Claim, context: str = "") -> Verdict:
        """Supported, or the reason it is not. context (the sentence before, or the question) tells the
        embedder what a claim opening with a pronoun ('It was announced in 2023.') is about."""
        if not claim.cited:
            return Verdict(claim, False, "no citation", 0.0, {})
        outside = [n for n in claim.cited if not 1 <= n <= len(self.passages)]
        if outside:
            return Verdict(claim, False, f"cites [{outside[0]}], which is not one of the passages", 0.0, {})
        evidence = {n: self._evidence(n)[0] for n in claim.cited}
        if not any(evidence.values()):
            return Verdict(claim, False, "the cited passage holds only text addressed to the assistant", 0.0, {})
        cited_text = " ".join(
            " ".join(s.text for s in sentences) + " " + self._context(n) for n, sentences in evidence.items()
        )
        missing_numbers = numbers(claim.text) - numbers(cited_text)
        marks = "".join(f"[{n}]" for n in claim.cited)
        if missing_numbers:
            return Verdict(claim, False, f"{marks} does not state {', '.join(sorted(missing_numbers))}", 0.0, {})
        miscounted = [(n, w) for n, w in counted(claim.text) if not counts_near(cited_text, n, w)]
        if miscounted:
            number, word = miscounted[0]
            return Verdict(claim, False, f"{marks} does not state {number} with '{word}'", 0.0, {})
        known = normalise(cited_text)
        missing_names = sorted(n for n in names(claim.text) if not re.search(rf"(?<![a-z0-9]){re.escape(n)}", known))
        if missing_names:
            return Verdict(claim, False, f"{marks} does not name {', '.join(missing_names)}", 0.0, {})
        coverage = _coverage(claim.text, cited_text)
        anchored, counts = bool(numbers(claim.text)), bool(counted(claim.text))

        def close(best: float) -> bool:
            return (
                best >= MIN_SIMILARITY
                or (best >= MIN_SIMILARITY_WITH_TERMS and coverage >= MIN_TERM_COVERAGE)
                or (anchored and best >= MIN_ANCHORED_SIMILARITY and coverage >= MIN_ANCHORED_COVERAGE)
                or (counts and best >= MIN_COUNTED_SIMILARITY and coverage >= MIN_TERM_COVERAGE)
            )

        def close_in_context(best: float) -> bool:  # the context lends meaning, never support: words must be shared
            return best >= MIN_SIMILARITY_WITH_TERMS and coverage >= MIN_TERM_COVERAGE

        texts = [claim.text] + ([f"{context} {claim.text}"] if context and PRONOUN_START.match(claim.text) else [])
        vectors = self.embedder.embed(texts)
        for vector, accept in zip(vectors, (close, close_in_context)):
            best, quotes = self._closest(claim.cited, vector, pairs=False)
            if not accept(best):  # a sentence may join two neighbouring ones: embed the pairs only when needed
                best, quotes = self._closest(claim.cited, vector, pairs=True)
            if accept(best):
                return Verdict(claim, True, "", best, quotes)
        best = self._closest(claim.cited, vectors[0], pairs=True)[0]
        return Verdict(claim, False, f"{marks} does not say this (similarity {best:.2f}, shared words {coverage:.0%})", best, {})

    def _closest(self, cited: tuple[int, ...], vector: np.ndarray, *, pairs: bool) -> tuple[float, dict[int, Sentence]]:
        """The best cosine over the cited sentences (and neighbouring pairs), and each passage's closest sentence."""
        best, quotes = 0.0, {}
        for n in cited:
            sentences, vectors = self._evidence(n)
            if not sentences:
                continue
            if pairs:
                vectors = np.vstack([vectors, self._pairs(n)]) if len(sentences) > 1 else vectors
            scores = vectors @ vector
            top = int(np.argmax(scores))
            quotes[n] = sentences[top if top < len(sentences) else top - len(sentences)]  # a pair: its first sentence
            best = max(best, float(scores[top]))
        return best, quotes

    def _context(self, n: int) -> str:
        chunk = self.passages[n - 1].chunk
        return f"{chunk.title} {chunk.section}"

    def _evidence(self, n: int) -> tuple[list[Sentence], np.ndarray]:
        """A passage's sentences, without instruction-like ones, and their vectors."""
        if n not in self._sentences:
            chunk = self.passages[n - 1].chunk
            sentences = list(chunk.sentences) or [Sentence(t, chunk.page) for t in split_sentences(chunk.text)]
            sentences = [s for s in sentences if not instruction_like(s.text)]
            vectors = self.embedder.embed([s.text for s in sentences]) if sentences else np.zeros((0, 1), dtype=np.float32)
            self._sentences[n] = (sentences, vectors)
        return self._sentences[n]

    def _pairs(self, n: int) -> np.ndarray:
        """Vectors of each two neighbouring evidence sentences of a passage, read together."""
        if n not in self._pair_vectors:
            sentences, _ = self._evidence(n)
            self._pair_vectors[n] = self.embedder.embed([f"{a.text} {b.text}" for a, b in zip(sentences, sentences[1:])])
        return self._pair_vectors[n]


def _coverage(claim: str, evidence: str) -> float:
    """Share of the claim's content words, other than its names, that the evidence holds."""
    wanted = set(terms(claim)) - set(terms(" ".join(names(claim)))) - REPORTING_TERMS
    if not wanted:
        return 1.0
    return len(wanted & set(terms(evidence))) / len(wanted)
