"""Chat history -> a standalone question: follow-ups borrow the subject of the question before them.

The answerer sees one question at a time, so "And when was it announced?" has to become
"When was Liverpool City Region Investment Zone announced?" first. A question is a follow-up
when it starts with "and"/"also"/"so", is very short, or leans on a pronoun; its pronoun is
then replaced by the names of the previous (already standalone) question, or those names are
added when there is no pronoun to replace.

Example:
    >>> standalone_question("And when was it announced?",
    ...                     ["How much government funding seeded the Liverpool City Region Investment Zone?"])
    'When was Liverpool City Region Investment Zone announced?'
    >>> standalone_question("What is the population of Leeds?", ["Anything at all?"])
    'What is the population of Leeds?'
"""

from __future__ import annotations

import re

from .text import QUESTION_WORDS, STOPWORDS

FOLLOW_UP_START = re.compile(r"^\s*(?:and|also|so|but|then)\b[\s,]*", re.I)
SUBJECT_PRONOUNS = frozenset({"it", "they", "them", "this", "that", "these", "those"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
PLACE_PRONOUNS = frozenset({"there"})
MAX_FOLLOW_UP_WORDS = 10  # pronouns in longer questions usually point inside the question itself
SHORT_QUESTION_WORDS = 4
NAME_PHRASE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:&\s+|of\s+|and\s+)?[A-Z][\w'’-]*)*")
WORD = re.compile(r"[A-Za-z][\w'’-]*")


def standalone_question(question: str, previous: list[str]) -> str:
    """The question rewritten to stand alone, given the earlier standalone questions (oldest first)."""
    question = " ".join(question.split())
    if not previous or not question:
        return question
    starts_as_follow_up = bool(FOLLOW_UP_START.match(question))
    body = FOLLOW_UP_START.sub("", question) if starts_as_follow_up else question
    body = body[:1].upper() + body[1:]
    words = [w.lower() for w in WORD.findall(body)]
    pronoun_at = next((i for i, w in enumerate(words) if _is_pronoun(w)), None)
    has_own_names = bool(subject_names(body))
    short = len(words) <= SHORT_QUESTION_WORDS
    if not (starts_as_follow_up or short or (pronoun_at is not None and len(words) <= MAX_FOLLOW_UP_WORDS)):
        return question
    if has_own_names and pronoun_at is None:
        return body if starts_as_follow_up else question
    subject = _subject_of(previous[-1])
    if not subject:
        return question
    if pronoun_at is not None:
        return _replace_pronoun(body, subject)
    return f"{body.rstrip('?.! ')} ({subject})?"


def subject_names(question: str) -> list[str]:
    """Capitalised name phrases of a question, leaving out a capitalised question word at the start."""
    names = []
    for match in NAME_PHRASE.finditer(question):
        words = match.group(0).split()
        while words and (words[0].lower() in QUESTION_WORDS or words[0].lower() in STOPWORDS):
            words = words[1:]
        if words:
            names.append(" ".join(words))
    return names


def _subject_of(question: str) -> str:
    """What a question is about: its names, or failing that its content words."""
    names = subject_names(question)
    if names:
        return " and ".join(names)
    content = [w for w in WORD.findall(question) if w.lower() not in STOPWORDS and w.lower() not in QUESTION_WORDS]
    return " ".join(content)


def _is_pronoun(word: str) -> bool:
    return word in SUBJECT_PRONOUNS or word in POSSESSIVE_PRONOUNS or word in PLACE_PRONOUNS


def _replace_pronoun(body: str, subject: str) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(0).lower()
        if word in POSSESSIVE_PRONOUNS:
            return f"{subject}'s"
        if word in PLACE_PRONOUNS:
            return f"in {subject}"
        return subject

    pattern = r"\b(?:" + "|".join(sorted(SUBJECT_PRONOUNS | POSSESSIVE_PRONOUNS | PLACE_PRONOUNS)) + r")\b"
    return re.sub(pattern, swap, body, count=1, flags=re.I)
