"""Chunks -> the outline of the documents: their sections in order, the groups of sub-sections
(a report's recommendations, its themes) and the case studies, each with its chunks and sentence rows.

Whole-publication answers (lists, aggregates, comparisons, summaries) read the outline rather than the
top-k passages, so a list of nine recommendations has nine items, not the four that were retrieved.

Example:
    >>> outline = Outline.from_chunks(retriever.chunks)
    >>> [part.title for part in outline.groups["Recommendations"]][:2]
    ['Recognise different types of innovation cluster', 'Supporting emerging, rather than just existing clusters, ...']
    >>> outline.case_studies[1].region, outline.case_studies[1].cluster, outline.case_studies[1].page
    ('North East', 'Space', 8)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .chunking import SECTION_SEP, Chunk
from .text import normalise, terms

INITIALISM_WORDS = 2  # "Artificial Intelligence" is also "AI"


@dataclass(frozen=True)
class Part:
    """A section (or a whole case study) with its chunks, in document order; rows index the sentence vectors."""

    section: str
    title: str
    chunks: tuple[Chunk, ...]
    rows: tuple[int, ...]  # the first sentence row of each chunk
    region: str = ""
    cluster: str = ""

    @property
    def page(self) -> int:
        return self.chunks[0].page

    @property
    def source(self) -> str:
        return self.chunks[0].source

    @property
    def label(self) -> str:
        return f"{self.region}: {self.cluster}" if self.region else self.title


MULTIWORD = re.compile(r"\b[A-Z][\w&'’-]*(?:\s+(?:(?:of|for|in|and|&)\s+)?[A-Z][\w&'’-]*)+")  # 'Strength in Places Fund'


@dataclass(frozen=True)
class Outline:
    sections: tuple[Part, ...]  # every section of every document
    groups: dict[str, tuple[Part, ...]]  # a section title -> its sub-sections, when it has several
    case_studies: tuple[Part, ...]  # one Part per region, all its sub-sections together

    @classmethod
    def from_chunks(cls, chunks: list[Chunk]) -> Outline:
        rows, offset = [], 0
        for chunk in chunks:
            rows.append(offset)
            offset += len(chunk.sentences)
        by_section: dict[tuple[str, str], list[int]] = {}
        by_region: dict[tuple[str, str, str], list[int]] = {}
        for i, chunk in enumerate(chunks):
            by_section.setdefault((chunk.source, chunk.section), []).append(i)
            if chunk.region:
                by_region.setdefault((chunk.source, chunk.region, chunk.cluster), []).append(i)

        def part(section: str, title: str, members: list[int], region: str = "", cluster: str = "") -> Part:
            return Part(section, title, tuple(chunks[i] for i in members), tuple(rows[i] for i in members), region, cluster)

        sections = tuple(
            part(section, section.rsplit(SECTION_SEP, 1)[-1], members, chunks[members[0]].region, chunks[members[0]].cluster)
            for (_, section), members in by_section.items()
            if section
        )
        children: dict[str, list[Part]] = {}
        for p in sections:
            if SECTION_SEP in p.section and not p.region:
                children.setdefault(p.section.rsplit(SECTION_SEP, 1)[0], []).append(p)
        groups = {parent.rsplit(SECTION_SEP, 1)[-1]: tuple(kids) for parent, kids in children.items() if len(kids) > 1}
        case_studies = tuple(
            part(f"{region}: {cluster}", f"{region}: {cluster}", members, region, cluster)
            for (_, region, cluster), members in by_region.items()
        )
        return cls(sections, groups, case_studies)

    def case_study(self, region: str) -> Part | None:
        return next((p for p in self.case_studies if p.region == region), None)

    def sector_regions(self, question: str) -> dict[str, set[str]]:
        """Case studies whose sector the question names ('the space cluster', 'the two AI clusters'), with
        the names it used."""
        text = normalise(question)
        found: dict[str, set[str]] = {}
        for region, patterns in self._sector_patterns.items():
            names = {name for name, pattern in patterns if pattern.search(text)}
            if names:
                found[region] = names
        return found

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every term the documents use: a question's word they never use ('map out', 'rattle off') is no topic."""
        return frozenset(t for part in self.sections for chunk in part.chunks for t in terms(chunk.text))

    @cached_property
    def proper_names(self) -> dict[str, str]:
        """The documents' names of two words or more, and the names within them ('Made Smarter' of 'Made Smarter
        Adoption Programme'), lower case -> as the documents write them."""
        found: dict[str, str] = {}
        for part in self.sections:
            for chunk in part.chunks:
                for name in MULTIWORD.findall(chunk.text):
                    words = name.split()
                    for i in range(len(words) - 1):
                        for j in range(len(words), i + 1, -1):
                            if words[i][0].isupper() and words[j - 1][0].isupper():
                                found.setdefault(" ".join(words[i:j]).lower(), " ".join(words[i:j]))
        return found

    @cached_property
    def _sector_patterns(self) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
        """Each case study's sector names, compiled once."""
        return {
            p.region: [
                (name, re.compile(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])"))
                for name in sector_names(p.cluster, " ".join(c.text for c in p.chunks))
            ]
            for p in self.case_studies
        }


def sector_names(cluster: str, text: str = "") -> set[str]:
    """'Artificial Intelligence/Digital' -> {'artificial intelligence/digital', 'artificial intelligence', 'ai',
    'digital'}: the ways a question can name a cluster's sector. An initialism counts only when the case
    study's own text uses it (so 'IP' never stands for 'Infection Prevention')."""
    names = {normalise(cluster)}
    for piece in re.split(r"\s*/\s*|\s+and\s+", cluster):
        names.add(normalise(piece))
        words = piece.split()
        initials = "".join(w[0] for w in words)
        if len(words) >= INITIALISM_WORDS and initials.isupper() and re.search(rf"\b{initials}\b", text):
            names.add(initials.lower())
        for word in (w for w in words if "-" in w):  # 'Cyber-Physical Defence': 'the cyber cluster' names it too
            names |= {normalise(word), normalise(word.split("-")[0])}
    return {n for n in names if len(n) > 1}
