"""Questions asking several things at once: split into asks, each answered, joined only when all are."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clusterqa.answer import ANSWERERS, Answer, abstain, register_answerer
from clusterqa.compound import asks
from clusterqa.pipeline import Assistant
from clusterqa.retrieve import Retrieval

LOCKHEED = "How much did Lockheed put into a university up in the North East, in what year, and which institution got it?"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (LOCKHEED, [LOCKHEED.split(",")[0], "in what year", "which institution got it"]),
        ("What was it called, and what year did it start?", ["What was it called", "what year did it start"]),
        ("Where was the unit lured to, and in which year?", ["Where was the unit lured to", "in which year"]),
        ("What does it export and also how many firms are there?", ["What does it export", "how many firms are there"]),
        # 'to which university' asks another thing too; so does '... and roughly how many'
        ("How much did Lockheed Martin pledge, to which university, and in what year?",
         ["How much did Lockheed Martin pledge", "to which university", "in what year"]),
        ("How many firms and roughly how many staff are there?", ["How many firms", "how many staff are there"]),
        # one ask: a clause saying when, and a list joined by 'and' with no question word after it
        ("When clusters spread into new areas, what do they track?", ["When clusters spread into new areas, what do they track"]),
        ("What are the skills and funding gaps?", ["What are the skills and funding gaps"]),
    ],
)
def test_a_question_is_split_where_it_asks_another_thing(question: str, expected: list[str]) -> None:
    assert asks(question) == expected


def test_each_ask_is_answered_and_the_answers_joined(assistant: Assistant) -> None:
    # scored whole, no sentence holds enough of the three asks' words; asked one at a time, each is answered
    answer = assistant.ask(LOCKHEED)
    assert not answer.abstained
    for needle in ("£630,000", "2022", "Northumbria University"):
        assert needle in answer.answer
    assert answer.citations[0].page == 8 and "£630,000" in answer.citations[0].quote
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    assert len({c.quote for c in answer.citations}) == len(answer.citations) <= 3
    assert answer.retrieved[0].chunk.text == answer.citations[0].text  # the passage quoted first leads the ranking
    streamed = list(assistant.ask_stream(LOCKHEED))  # the app asks this way: the same answer
    assert len(streamed) == 1 and isinstance(streamed[0], Answer) and streamed[0].answer == answer.answer


def test_a_pledge_is_the_documents_commitment_and_each_of_its_asks_is_answered(assistant: Assistant) -> None:
    answer = assistant.ask("How much did Lockheed Martin pledge, to which university, and in what year?")
    assert not answer.abstained
    for needle in ("£630,000", "2022", "Northumbria University"):
        assert needle in answer.answer


def test_a_year_asked_after_is_answered_by_the_sentence_already_given(assistant: Assistant) -> None:
    answer = assistant.ask("What was the North East's space body previously known as, and what year did it start?")
    assert not answer.abstained and "NESACoE" in answer.answer and "2014" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What was Calder Hall, and how many people work there today?",  # the second ask is not answered
        "Of BioYorkshire's £171 million investment ask, how much has actually been secured to date?",  # one ask
    ],
)
def test_a_question_with_an_unanswered_ask_still_abstains(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question).abstained


class _Streaming:
    """An answerer that streams (as the LLM one does) and always abstains, counting how often it is asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, retrieval: Retrieval) -> Answer:
        self.asked.append(retrieval.question)
        return abstain(retrieval)

    def stream(self, retrieval: Retrieval) -> Iterator[str | Answer]:
        yield self(retrieval)


def test_an_answerer_that_streams_is_asked_once_not_once_per_ask(assistant: Assistant) -> None:
    streaming = _Streaming()
    register_answerer("streaming-abstainer", streaming)
    try:
        assert assistant.ask(LOCKHEED, answerer="streaming-abstainer").abstained
    finally:
        ANSWERERS.pop("streaming-abstainer", None)
    assert len(streaming.asked) == 1  # a model call per ask would cost three more
