"""Sentence -> the figures it states that a briefing's table wants: sums of money (funding, investment,
income, value, GVA) and counts of jobs and firms, each as written ("around 1,365 people").

Example:
    >>> extract_figures("54 organisations generating £113 million in annual income and employing around 1,365 people")
    [('Firms', '54 organisations'), ('Income', '£113 million'), ('Jobs', 'around 1,365 people')]
"""

from __future__ import annotations

import re

QUALIFIER = r"(?:(?:around|about|approximately|almost|nearly|over|more than|some|up to|circa)\s+)?"
NUMBER = r"\d[\d,]*(?:\.\d+)?"
MONEY_FIGURE = re.compile(rf"{QUALIFIER}[£$€]\s?{NUMBER}(?:\s?(?:million|billion|bn|m|k)\b)?", re.I)
COUNT_FIGURE = re.compile(
    rf"{QUALIFIER}(?<![\d£$€.,]){NUMBER}\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<noun>organisations?|companies|company|firms?|"
    r"businesses|SMEs|members|start-?ups|jobs?|employees|people|staff|workers|roles|posts)\b",
    re.I,
)
FIRM_NOUNS = {"organisation", "organisations", "companies", "company", "firm", "firms", "businesses", "smes", "members",
              "startups", "start-ups"}  # fmt: skip
MONEY_MEASURES = (  # the word near a sum of money that says what it is; first match wins
    ("GVA", re.compile(r"\bGVA\b|gross value added", re.I)),
    ("Value", re.compile(r"\b(?:valued|worth)\b", re.I)),
    ("Income", re.compile(r"\b(?:income|turnover|revenue|sales|generat\w*|earn\w*)\b", re.I)),
    ("Investment", re.compile(r"\binvest\w*\b", re.I)),
    ("Funding", re.compile(r"\b(?:fund\w*|grant\w*|seed\w*|award\w*|commit\w*|financ\w*|allocat\w*|backed)\b", re.I)),
)
NEAR = 60  # characters either side of a sum in which its measure is looked for


def extract_figures(sentence: str) -> list[tuple[str, str]]:
    """(measure, figure as written) for each sum of money and count of jobs or firms in a sentence.

    >>> extract_figures("54 organisations generating £113 million in annual income and employing around 1,365 people")
    [('Firms', '54 organisations'), ('Income', '£113 million'), ('Jobs', 'around 1,365 people')]
    """
    found: list[tuple[int, str, str]] = []
    for m in MONEY_FIGURE.finditer(sentence):
        window = sentence[max(0, m.start() - NEAR) : m.end() + NEAR]
        after = sentence[m.end() : m.end() + NEAR]
        measure = next((name for name, p in MONEY_MEASURES if p.search(after)), None) or next(
            (name for name, p in MONEY_MEASURES if p.search(window)), None
        )
        if measure:
            found.append((m.start(), measure, m.group(0).strip()))
    for m in COUNT_FIGURE.finditer(sentence):
        noun = m.group("noun").lower()
        if noun in FIRM_NOUNS:
            measure = "Firms"
        elif noun != "people" or re.search(r"\b(?:employ\w*|jobs?|work\w*)\b", sentence, re.I):
            measure = "Jobs"
        else:
            continue
        number = re.search(NUMBER, m.group(0))
        if number and not re.fullmatch(r"(?:19|20)\d\d", number.group(0)):  # "by 2020 firms ..." is a year
            found.append((m.start(), measure, m.group(0).strip()))
    return [(measure, value) for _, measure, value in sorted(found)]
