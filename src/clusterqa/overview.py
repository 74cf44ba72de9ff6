"""Whole-publication answers, part one: what they are built from (the outline's sentences, a topic and how
a sentence matches it, cited lines) and the list and aggregate routes: complete lists of a group of
sections, and the case studies whose text supports a topic. Comparisons and summaries are in digest.py.

Example:
    >>> route = route_question("What are the report's recommendations?", retriever.steer, outline)
    >>> print(list_answer(Builder(question, route, retriever), outline).answer)
    Recommendations (9 items, pp. 22–23):
    - Recognise different types of innovation cluster. [1]
    ...
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from .answer import Answer, Citation
from .chunking import SECTION_SEP, Chunk, Sentence
from .outline import Outline, Part
from .questions import CENTURY, MONEY, MONEY_QUESTION
from .retrieve import COMMON_ACRONYMS, Passage, Retriever, counts_of
from .routes import (
    CASE_PARTS,
    CASE_STUDIES,
    CONTENTS,
    COUNT_ASK,
    FIGURES_ABOUT,
    GLOSSARY,
    NAMES,
    SUMS,
    TIMELINE,
    Route,
    years_asked,
)
from .text import ACRONYM_GLUE, SYNONYMS, normalise, terms

COMMON_CHUNKS = 8  # a word in this many chunks is too common to be a topic alone after an 'or'
MIN_TOPIC_COVERAGE = 0.5  # IDF-weighted share of the topic's terms a sentence must hold to count as a match...
MODIFIED_NAME = re.compile(r"\b(?:a|an|the)\s+(?:[a-z][\w-]*\s+){1,2}[A-Z][a-z]+\b")
GENERIC_HEADS = frozenset(  # what a topic's first word qualifies, asking nothing of its own ('cyber capabilities')
    terms("capabilities capability assets expertise activity activities presence angle focus involvement interests element "
          "elements aspect aspects dimension side ambitions ambition goals aims")
)
PROGRAMMES = set(terms("programme fund challenge scheme accelerator launchpad initiative"))
ANY_NAME_KINDS = set(terms("organisations organizations bodies institutions companies firms partners names players stakeholders"))
KIND_WORDS = {next(iter(terms(k))): PROGRAMMES for k in ("programmes", "funds", "schemes", "initiatives", "instruments")}
NAMED_SHARE = 0.5
MONEY_WORDS = set(terms("pounds million millions billion billions bn"))
HOW_MANY = re.compile(r"\bhow many\s+((?:(?!the\b|that\b|which\b|do\b|does\b|is\b|are\b|there\b)[\w-]+\s*){1,4})", re.I)
SOFT_COVERAGE, SOFT_DENSE = 0.3, 0.45  # ...or this share when it is also this close in meaning ("skills gaps")
FULL_NAME = re.compile(  # "University of Central Lancashire", "High Value Manufacturing Catapult"; after 'of' or
    # 'for', 'and' joins too: "Department of Health and Social Care", "Department for Science, Innovation and Technology"
    r"\b[A-Z][\w&'-]*(?:\s+(?:of|for|in|on|the|&)?\s*[A-Z][\w&'-]*)*"
    r"(?:(?:,\s+[A-Z][\w&'-]*)*\s+and\s+[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*)?"
)


def names_in(text: str) -> list[str]:
    """The names in a text: an 'and' joins one only after 'of' or 'for' ('Department of Health and Social Care');
    otherwise it separates two ('Lancaster University and UCLan')."""
    names = []
    for name in FULL_NAME.findall(text):
        head = re.split(r",\s+|\s+and\s+", name, maxsplit=1)[0]
        names += [name] if re.search(r"\s(?:of|for)\s", head) else re.split(r",\s+|\s+and\s+", name)
    return names
NAME = re.compile(r"\b[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*")  # capitalised runs and acronyms in a topic
NEGATIVE_ASK = re.compile(
    r"\b(?:miss(?:ed|es|ing)? out|los(?:t|e|es|ing) out|lack\w*|without|unable|struggl\w*|excluded|shut out|no access|"
    r"do(?:es)? not have|did not (?:have|get|receive))\b",
    re.I,
)
NEGATIVE_SAY = re.compile(
    r"\b(?:miss\w*|lost|lose|los(?:es|ing)|lack\w*|without|not|no|never|unable|struggl\w*|exclud\w*|limited|uneven|"
    r"fail\w*|barriers?|harder|difficult\w*|challeng\w*|n't)\b",
    re.I,
)
SECTOR_ASKED = re.compile(  # ...and 'which two case studies are AI clusters', 'which 2 of the 11 are the AI ones'
    r"\b(?:are|is) (?:about|on|in|focused on)\b|\bfocus(?:ed|es)? on\b|\bsectors?\b"
    r"|\b(?:are|is) (?:the )?(?:[\w&/-]+ ){1,3}(?:ones|clusters)\W*$"
    r"|\b(?:picked|chosen|selected|included) (?:for|as) (?:its|their|a|an|the) (?:[\w&/-]+ ){1,3}(?:cluster|sector|focus)\b",
    re.I,
)

MENTION_ASKED = re.compile(r"\b(?:mention\w*|refer\w*|cite\w*|discuss\w*|talks? about|bring\w* up)\b", re.I)


def _sector_terms(sector: str) -> set[str]:
    """A sector's terms and the initials of its names of several words: 'Artificial Intelligence/Digital' is AI too."""
    initials = ["".join(w[0] for w in name.split()) for name in re.findall(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+", sector)]
    return set(terms(sector)) | set(terms(" ".join(initials)))


@dataclass(frozen=True)
class Found:
    """A sentence of the outline, where it is and how well it fits."""

    chunk: Chunk
    sentence: Sentence
    row: int
    score: float = 0.0


class Builder:
    """Collects cited lines; topic fit of any sentence (term coverage and cosine to the topic)."""

    def __init__(self, question: str, route: Route, retriever: Retriever) -> None:
        self.question, self.route, self.retriever = question, route, retriever
        self.citations: list[Citation] = []
        self.cited: dict[str, Passage] = {}  # the passages quoted, in citation order: they lead `retrieved`
        parts = _alternatives(route.topic, lambda word: retriever.doc_freq.get(word, 0) >= COMMON_CHUNKS)
        self.alternatives = [_Topic(part, retriever, whole=_spells_out(part, parts)) for part in parts]
        self.weights = self.alternatives[0].weights
        # what a count asks for ('how many people'), in any of its words ('firms' -> 'companies', 'businesses')
        how_many = HOW_MANY.search(question)
        own = set(terms(how_many.group(1))) if how_many else {t for topic in self.alternatives for t in topic.weights}
        self.counted_terms = own | {s for t in own for s in SYNONYMS.get(t, ())}
        if self.counted_terms & set(terms("firms companies businesses")):
            self.counted_terms |= set(terms("SMEs"))  # 'nearly 200 SMEs' counts firms too
        self._sims: np.ndarray | None = None

    @property
    def sims(self) -> np.ndarray:
        """Cosine of every sentence to the topic (embedded once, on first use)."""
        if self._sims is None:
            vector = self.retriever.index.embedder.embed([self.route.topic or self.question])[0]
            self._sims = self.retriever.sentence_vectors @ vector
        return self._sims

    def coverage(self, sentence: str, *, synonyms: bool = False) -> float:
        return max(topic.coverage(sentence, synonyms=synonyms) for topic in self.alternatives)

    def matches(self, found: Found, *, loose: bool = False) -> bool:
        return any(topic.matches(found.sentence.text, float(self.sims[found.row]), loose=loose) for topic in self.alternatives)

    def fit(self, found: Found) -> float:
        return self.coverage(found.sentence.text) + float(self.sims[found.row])

    def cite(self, found: Found) -> str:
        """Add a citation for the sentence; its marker."""
        return f"[{self.note(found)}]"

    def note(self, found: Found) -> int:
        """Add a citation for the sentence (once); its number."""
        for c in self.citations:
            if c.quote == found.sentence.text and c.source == found.chunk.source:
                return c.n
        chunk = found.chunk
        n = len(self.citations) + 1
        self.cited.setdefault(chunk.id, Passage(chunk, 1.0, 0.0, 0.0))
        self.citations.append(
            Citation(
                n, chunk.source, found.sentence.page, chunk.pages, chunk.section, chunk.cluster,
                found.sentence.text, chunk.text, chunk.path,
            )
        )
        return n

    def answer(self, text: str, *, abstained: bool = False) -> Answer:
        retrieval = self.retriever.retrieve(self.question, max(5, len(self.citations)))
        ranked = list(self.cited.values()) + [p for p in retrieval.passages if p.chunk.id not in self.cited]
        return Answer(
            question=self.question,
            answer=text,
            abstained=abstained,
            citations=tuple(self.citations),
            retrieved=tuple(ranked),
            steered_to=self.route.regions,
            route=self.route.kind,
        )


def _alternatives(topic: str, common: Callable[[str], bool] = lambda word: False) -> list[str]:
    """'skills shortages or skills gaps' -> both; but 'Innovate UK funding or programmes' is one topic
    (the name holds it together), and so is a long phrase with an 'or' inside it. A plural noun or a common word alone
    after an 'or' shares the first phrase's qualifier ('nuclear expertise or facilities' -> 'nuclear facilities'; 'nuclear
    assets or expertise' -> 'nuclear expertise'): said alone, 'expertise' is in most case studies and 'facilities' in
    Hull's training facility; common(stem) says a word is that common."""
    parts = [p for p in re.split(r"\s+or\s+", topic) if p]
    first = parts[0].split() if parts else []
    if len(first) == 2 and not NAME.search(parts[0]):
        parts = [
            f"{first[0]} {p}" if i and _shares_qualifier(p, common) else p
            for i, p in enumerate(parts)
        ]
    # names on every side ('Combined Authority or mayoral combined authorities or MCAs') are alternatives too
    named_each = all(NAME.search(p) or len(p.split()) > 1 for p in parts)
    # 'Innovate UK funder or programme partner': the name qualifies both ('Innovate UK as funder or as partner')
    # - whatever the role it is named in, it is the name that is asked about
    if any(NAME.search(p) and NAME.sub("", p).strip() for p in parts) and any(not NAME.search(p) for p in parts):
        return [max(NAME.findall(topic), key=len)]
    # (a long name is one thing: 'AMRC or Advanced Manufacturing Research Centre')
    long = [p for p in parts if len(p.split()) > 3 and not (NAME.fullmatch(p) and len(_initials(p)) > 1)]
    if len(parts) < 2 or (NAME.search(topic) and not named_each) or long:
        return [re.sub(r"\s+or\s+", " ", topic)]
    # 'digital or digital skills or digital economy': whatever says 'digital skills' says 'digital'
    return [p for p in parts if not any(q != p and _within(terms(q), terms(p)) for q in parts)]


def _shares_qualifier(part: str, common: Callable[[str], bool]) -> bool:
    """Is this one word after an 'or' another of what the first phrase qualifies?"""
    return len(part.split()) == 1 and not NAME.search(part) and (_plural_noun(part) or all(map(common, terms(part))))


def _plural_noun(word: str) -> bool:
    """'facilities', 'gaps': a plural noun after an 'or' is another of what the first phrase qualifies ('nuclear expertise
    or facilities'); 'nuclear' in 'offshore wind or nuclear' is a topic of its own."""
    return bool(re.fullmatch(r"[a-z][a-z-]{2,}(?<!s)s", word))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in ("and", "of", "for", "&", "the"))


def _within(shorter: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    """Does the longer phrase say all the shorter one says ('engineering' in 'research engineers')?"""
    def same(a: str, b: str) -> bool:
        return a == b or (min(len(a), len(b)) >= 6 and a[:6] == b[:6])

    return len(longer) > len(shorter) and all(any(same(a, b) for b in longer) for a in shorter)


def _spells_out(part: str, parts: list[str]) -> bool:
    """Is this alternative another one's acronym written out ('research development' beside 'R&D')?"""
    initials = _initials(part).upper()
    singular = [p[:-1] if p.endswith("s") and p[:-1].isupper() else p for p in parts if p != part]  # 'SMEs'
    return len(initials) > 1 and any(re.sub(r"[^A-Z]", "", p) == initials and p.upper() == p for p in singular)


class _Topic:
    """One way of saying the topic: its terms (IDF-weighted) and the names it holds."""

    def __init__(self, text: str, retriever: Retriever, *, whole: bool = False) -> None:
        # 'research and development' beside 'R&D': those words together, not 'research' here and 'develop' there
        self.phrase = (
            re.compile(r"\b" + r"\s+(?:(?:and|&|of|for)\s+)?".join(map(re.escape, text.split())) + r"\b", re.I) if whole else None
        )
        # in the topic's own order, so that of two equally rare terms the first ('nuclear' in 'nuclear research
        # facilities') is the key, whatever the process's hash seed
        self.retriever = retriever
        self.weights = {t: retriever.idf(t) for t in dict.fromkeys(terms(text)) if retriever.doc_freq.get(t)}
        names = [" ".join(terms(name)) for name in NAME.findall(text) if terms(name)]
        named = sum(self.weights.get(t, 0.0) for name in names for t in name.split())
        # a name is the topic ('Innovate UK funding') unless it only qualifies a longer one ('funding available to
        # city-regions or Mayoral Combined Authorities'): then the topic's terms decide, as for any other
        self.names = names if named >= NAMED_SHARE * sum(self.weights.values()) else []
        # the most telling word, as rare as its commonest synonym: 'seed', not 'money' (said as 'funding' everywhere)
        self.key = max(
            self.weights,
            key=lambda t: min([self.weights[t], *(retriever.idf(s) for s in SYNONYMS.get(t, ()) if retriever.doc_freq.get(s))]),
            default="",
        )
        # 'cyber capabilities', 'hydrogen activity': what the capabilities are of is the topic, the head word only what
        # of it; a sentence must say the first ('capabilities' alone is in the North East's and Cumbria's too)
        run = tuple(self.weights)
        if len(run) in (2, 3) and run[-1] in GENERIC_HEADS and run[0] not in GENERIC_HEADS:
            self.key = max(run[:-1], key=self.weights.__getitem__)
            self.weights[run[-1]] = min(self.weights[run[-1]], min(self.weights[t] for t in run[:-1]) / 2)
        # a two- or three-word term the documents use as one ('advanced manufacturing', 'offshore gas industry'): one
        # of its words is something else ('advanced modular reactors', 'greenhouse gas'), so a sentence must have all
        self.compound = (
            len(run) in (2, 3) and tuple(terms(text)) == run and all(retriever.is_phrase(a, b) for a, b in zip(run, run[1:]))
        )
        # 'place-based funding': words the documents join are one word, said together ('place-based development'),
        # not 'places' here and 'based' there
        self.joined = [
            re.compile(rf"\b{re.escape(a)}[-\s]?{re.escape(b)}", re.I)
            for a, b in re.findall(r"\b([^\W\d_]{2,})-([^\W\d_]{2,})", text)
            if terms(a) and terms(b) and retriever.is_phrase(terms(a)[-1], terms(b)[0])
        ]

    def coverage(self, sentence: str, *, synonyms: bool = False) -> float:
        """The IDF-weighted share of the topic's terms in the sentence; with synonyms, a word of the same meaning
        counts too ('firms' in a sentence of 'companies')."""
        if not self.weights:
            return 0.0
        have = set(terms(sentence))
        said = [t in have or (synonyms and bool(SYNONYMS.get(t, frozenset()) & have)) for t in self.weights]
        return sum(w for w, ok in zip(self.weights.values(), said) if ok) / sum(self.weights.values())

    def matches(self, sentence: str, dense: float, *, loose: bool = False) -> bool:
        """Does the sentence speak of the topic? A name in the topic ('Innovate UK') must be there word for
        word; otherwise enough of the topic's terms, or some of them and a close meaning ('skills gaps')."""
        if self.names:  # said in full, or by its acronym ('Humber-based LEPs' for 'Local Enterprise Partnership')
            said = " | ".join(" ".join(terms(text)) for text in [sentence, *self.retriever.spelled_in(sentence)])
            return all(re.search(rf"(?<!\S){re.escape(name)}(?!\S)", said) for name in self.names)
        if not all(joined.search(sentence) for joined in self.joined):
            return False
        coverage = self.coverage(sentence, synonyms=True)
        have = set(terms(sentence))
        if self.compound and not all(t in have or SYNONYMS.get(t, frozenset()) & have for t in self.weights):
            return False  # both words, or a word of the same meaning ('skills shortages', 'skills gaps')
        if self.phrase is not None:
            return bool(self.phrase.search(sentence))
        # loosely, a one-word topic is said in any of its words ('recommendations about money': 'funding', 'grants')
        said_key = self.key in have or (loose and len(self.weights) == 1 and bool(SYNONYMS.get(self.key, frozenset()) & have))
        if coverage >= MIN_TOPIC_COVERAGE and said_key:
            return True  # most of the topic, including its most telling word ('nuclear' in 'nuclear facilities')
        return coverage >= SOFT_COVERAGE and dense >= SOFT_DENSE


def sentences(part: Part) -> Iterator[Found]:
    for chunk, first_row in zip(part.chunks, part.rows):
        for j, sentence in enumerate(chunk.sentences):
            yield Found(chunk, sentence, first_row + j)


def item_text(text: str) -> str:
    """A quote as a list item: without its bullet and trailing colon."""
    return re.sub(r"^•\s*", "", text).rstrip(":").strip()


def pages_of(parts: list[Part]) -> str:
    pages = sorted({p for part in parts for c in part.chunks for p in c.pages})
    if not pages:
        return ""
    return f"p. {pages[0]}" if len(pages) == 1 else f"pp. {pages[0]}–{pages[-1]}"


# --- list ------------------------------------------------------------------------------


SHORT_HEADING = 7  # words: a list item's heading this short is topped up with what it says is needed
SUMMARY_CUE = re.compile(r"\bsumm\w+|\boverview\b|\bgist\b|\bmain (?:point|message)s?\b|\bin a (?:paragraph|nutshell)\b", re.I)
CANNOT = re.compile(r"\b(?:cannot|can't|can not)\b", re.I)
NEEDED = re.compile(r"\b(?:needs?|needed|should|must|requires?|required|suggests)\b")


def list_answer(b: Builder, outline: Outline) -> Answer | None:
    if b.route.group == CONTENTS:
        return _contents(b, outline)
    if b.route.group == CASE_PARTS:
        return _case_parts(b, outline)
    if b.route.group == TIMELINE:
        return _timeline(b, outline)
    if b.route.group == SUMS:
        return _sums(b, outline)
    if b.route.group == GLOSSARY:
        return _glossary(b, outline)
    if b.route.group == CASE_STUDIES and b.route.regions:  # one case study's sector, from the list of them
        lines = []
        for part in (p for p in outline.case_studies if p.region in b.route.regions):
            listed = _listed_as(outline, part)  # the list of case studies may call it otherwise ('South Yorkshire: Metallurgy')
            if listed is not None:
                listing = f"listed on p. {listed.sentence.page} as “{item_text(listed.sentence.text)}”"
                lines.append(f"{part.region}: {part.cluster} (the case study is on p. {part.page}; {listing}) {b.cite(listed)}")
                continue
            found = _listing(outline, part)
            lines.append(f"{part.region}: {part.cluster} (the case study is on p. {part.page}) {b.cite(found)}")
        return b.answer("\n".join(lines)) if lines else None
    if b.route.group == CASE_STUDIES:
        parts = list(outline.case_studies)
        lines = []
        parent = _case_study_parent(outline)
        lead = next(sentences(parent), None) if parent else None
        head = f"The documents profile {len(parts)} case studies"
        lines.append(f"{head}: {b.cite(lead)}" if lead else f"{head}:")
        for part in parts:
            first = next(sentences(part))
            line = f"- **{part.region}**: {part.cluster} (p. {part.page}) {b.cite(first)}"
            listed = _listed_as(outline, part)  # the list of case studies may call it otherwise ('South Yorkshire: Metallurgy')
            if listed is not None:
                line += f"; listed on p. {listed.sentence.page} as “{item_text(listed.sentence.text)}” {b.cite(listed)}"
            lines.append(line)
        return b.answer("\n".join(lines))
    parts = list(outline.groups.get(b.route.group, ()))
    if not parts:
        return None
    introduced = _introduced_list(b, outline) or _list_in_named_section(b, outline, parts)
    if introduced:  # "the headline recommendations": the bulleted list a sentence introduces by that name
        lead, items = introduced
        lines = [f"{item_text(lead.sentence.text)} ({place_of(lead.chunk)}, p. {lead.sentence.page}) {b.cite(lead)}"]
        lines += [f"- {item_text(f.sentence.text)} {b.cite(f)}" for f in items]
        return b.answer("\n".join(lines))
    if b.route.topic:  # "which recommendations are about funding?"
        picked = []
        for part in parts:
            best = max(sentences(part), key=b.fit)
            if any(b.matches(f, loose=True) for f in sentences(part)):
                picked.append((part, max((f for f in sentences(part) if b.matches(f, loose=True)), key=b.fit), best))
        if not picked:
            return None
        lines = [f"{len(picked)} of the {len(parts)} {b.route.group.lower()} concern {b.route.topic}:"]
        for part, match, _ in picked:
            heading = next(sentences(part))
            line = f"- **{item_text(part.title)}**"
            if match.sentence.text != heading.sentence.text:
                line += f": {item_text(match.sentence.text)}"
            lines.append(f"{line} {b.cite(match)}")
        return b.answer("\n".join(lines))
    lines = [f"{b.route.group} ({len(parts)} items, {pages_of(parts)}):"]
    # asked in brief ('summarise the recommendations'), each heading with its strongest claim ('Much of the added value of
    # cluster development cannot be driven from Whitehall')
    brief = bool(SUMMARY_CUE.search(b.question))
    for part in parts:
        heading = next(sentences(part))
        body = item_text(heading.sentence.text)
        item = body if normalise(body).startswith(normalise(item_text(part.title))) else f"**{part.title}**: {body}"
        line = f"- {item} {b.cite(heading)}"
        # a bare heading ('Recognise different types of innovation cluster.') with the sentence saying what is
        # needed ('... will therefore need tailored support packages')
        body_sentences = [f for f in sentences(part) if f.row != heading.row]
        needed = next((f for f in body_sentences if brief and CANNOT.search(f.sentence.text)), None) or next(
            (f for f in body_sentences if NEEDED.search(f.sentence.text)), None
        )
        if (len(body.split()) <= SHORT_HEADING or brief) and needed:
            line += f" {item_text(needed.sentence.text)} {b.cite(needed)}"
        lines.append(line)
    return b.answer("\n".join(lines))


def _contents(b: Builder, outline: Outline) -> Answer | None:
    """The documents' main sections in order, each with its first page, cited to its opening sentence."""
    tops: dict[tuple[str, str], list[Part]] = {}
    for part in outline.sections:
        tops.setdefault((part.source, part.section.split(SECTION_SEP, 1)[0]), []).append(part)
    if not tops:
        return None
    several = len({source for source, _ in tops}) > 1
    lines = [f"The main sections ({len(tops)}):"]
    for (source, title), parts in tops.items():
        first = next((f for part in parts for f in sentences(part)), None)
        if first is None:
            continue
        where = f"{source}, " if several else ""
        lines.append(f"- **{title}** ({where}{pages_of(parts)}) {b.cite(first)}")
    return b.answer("\n".join(lines))


YEAR = re.compile(r"\b((?:1[6-9]|20)\d0s|(?:1[6-9]|20)\d\d)\b")
SOURCE_YEAR = re.compile(r"\([A-Z][^()]*?\b(?:19|20)\d\d\)")  # '(Northern Powerhouse 2019)': a source, not an event


def _scope(b: Builder, outline: Outline) -> tuple[list[Part], str]:
    """The parts a list of figures reads and what to call them: the case studies the question names, else all
    of them when it speaks of case studies, else every section of the documents."""
    if b.route.regions:  # "a timeline for the Liverpool City Region": that case study's
        return [p for p in outline.case_studies if p.region in b.route.regions], " and ".join(b.route.regions) + " case study"
    if re.search(r"\bcase[- ]stud|\bclusters\b", b.question, re.I):
        return list(outline.case_studies), "case studies"
    return list(outline.sections), "documents"


def within(year: int, span: str) -> bool:
    """Is the year inside a span 'FROM-TO' (either end may be open: '2010-', '-1999', '')?"""
    low, _, high = span.partition("-")
    return (not low or year >= int(low)) and (not high or year <= int(high))


def _timeline(b: Builder, outline: Outline) -> Answer | None:
    """Every sentence that dates something, in order of its year (a decade by its first year), within the span
    asked ('from 2010 onwards': '2010-')."""
    parts, where = _scope(b, outline)
    dated: list[tuple[int, str, Found]] = []
    for part in parts:
        for found in sentences(part):
            for label in dict.fromkeys(YEAR.findall(SOURCE_YEAR.sub("", found.sentence.text))):
                if within(int(label[:4]), b.route.topic):
                    dated.append((int(label[:4]), label, found))
    if not dated:
        return None
    dated.sort(key=lambda d: (d[0], d[2].row))
    low, _, high = b.route.topic.partition("-")
    span = (f" from {low}" if low else "") + (f" to {high}" if high else "")
    lines = [f"Dated events in the {where}{span} ({len(dated)}):"]
    for _, label, found in dated:
        lines.append(f"- **{label}** ({place_of(found.chunk)}, p. {found.sentence.page}): {found.sentence.text} {b.cite(found)}")
    return b.answer("\n".join(lines))


AMOUNT = re.compile(r"[£$€]\s?\d[\d,.]*\s?(?:million|billion|bn|m|k)?\b", re.I)


def _sums(b: Builder, outline: Outline) -> Answer | None:
    """Every sentence giving an amount of money, in document order, each led by its amounts."""
    parts, where = _scope(b, outline)
    lines = []
    for part in parts:
        for found in sentences(part):
            amounts = list(dict.fromkeys(a.strip() for a in AMOUNT.findall(found.sentence.text)))
            if amounts:
                lines.append(
                    f"- **{', '.join(amounts)}** ({place_of(found.chunk)}, p. {found.sentence.page}): "
                    f"{found.sentence.text} {b.cite(found)}"
                )
    if not lines:
        return None
    return b.answer("\n".join([f"Amounts of money in the {where} ({len(lines)} sentences):", *lines]))


BRACKETED = re.compile(r"\(([A-Za-z][A-Za-z&\- ]{1,11})\)")  # '(NCF)', '(MA & I)', '(ACE-CSR)', '(iiCON)'


def _spelled_before(letters: str, before: str) -> str:
    """The words just before an abbreviation whose initials spell it: 'BAE Systems Military Air and Information'
    -> 'Military Air and Information' for MA & I, 'carbon capture and storage' for CCS; else the capitalised
    name just before it ('The Infection Innovation Consortium' for iiCON), or ''."""
    words = re.findall(r"[\w'’-]+|&", before)
    wanted = re.sub(r"(?<=[A-Z])s$", "", letters).upper()  # 'SMRs': small modular reactors
    for start in range(len(words) - 1, max(-1, len(words) - 3 * len(wanted) - 1), -1):
        run = words[start:]
        # 'Robotics and AI Collaboration': an abbreviation inside the name gives all its letters
        initials = "".join(w if w.isupper() else w[0] for w in run if w.lower() not in ACRONYM_GLUE).upper()
        if initials == wanted and run[0].lower() not in ACRONYM_GLUE:
            return " ".join(run)
    name: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() or (name and word.lower() in ACRONYM_GLUE)):
            break
        name.insert(0, word)
    while name and name[0].lower() in ACRONYM_GLUE:
        name.pop(0)
    return " ".join(name)


def _glossary(b: Builder, outline: Outline) -> Answer | None:
    """Every abbreviation the documents introduce in brackets, with the words it stands for, cited to the
    sentence that introduces it: 'National Cyber Force (NCF)' gives NCF."""
    parts, where = _scope(b, outline)
    seen: dict[str, tuple[str, Found]] = {}
    for part in parts:
        for found in sentences(part):
            text = found.sentence.text
            for match in BRACKETED.finditer(text):
                abbreviation = match.group(1).strip()
                letters = re.sub(r"[^A-Za-z]", "", abbreviation)
                if sum(c.isupper() for c in letters) < 2 or re.search(r"[a-z]{3}", letters) or abbreviation in seen:
                    continue  # '(formerly NESACoE)', '(2022)' and the like introduce nothing
                seen[abbreviation] = (_spelled_before(letters, text[: match.start()]), found)
    if not seen:
        return None
    lines = [f"Abbreviations introduced in the {where} ({len(seen)}):"]
    for abbreviation, (spelled, found) in seen.items():
        meaning = f": {spelled}" if spelled else ""
        lines.append(f"- **{abbreviation}**{meaning} ({place_of(found.chunk)}, p. {found.sentence.page}) {b.cite(found)}")
    return b.answer("\n".join(lines))


def _case_parts(b: Builder, outline: Outline) -> Answer | None:
    """The sub-sections the case studies are split into ('Evolution', 'Impact of cluster approach'), with how
    many case studies have each, cited to the first case study's opening sentence of each."""
    parts: dict[str, list[Part]] = {}
    for part in outline.sections:
        if part.region and part.title != part.label and SECTION_SEP in part.section.split(part.region, 1)[-1]:
            parts.setdefault(part.title, []).append(part)
    if not parts:
        return None
    total = len(outline.case_studies)
    lines = [f"The case studies are split into {len(parts)} parts:"]
    for title, found in parts.items():
        first = next(sentences(found[0]))
        share = "every case study" if len(found) == total else f"{len(found)} of the {total} case studies"
        lines.append(f"- **{title}** ({share}; e.g. {found[0].region}, p. {found[0].page}) {b.cite(first)}")
    return b.answer("\n".join(lines))


ASKED_FOR, RECOMMENDATION = set(terms("ask asks")), terms("recommendations")[0]


EARLY_CUE = re.compile(  # where a group is listed before its own section: 'up front', 'before the case studies'
    r"\bup front\b|\bnear the (?:front|start|beginning)\b"
    r"|\bat the (?:start|front|beginning) of the (?:report|publication|document)\b|\bbefore the case studies\b|\bearly on\b"
    r"|\bin the opening pages\b",
    re.I,
)
MEMBER_WORDS = set(terms("cross cutting"))  # words of a group's title too common to find its list by


def _introduced_list(b: Builder, outline: Outline) -> tuple[Found, list[Found]] | None:
    """A bulleted list whose lead-in sentence names what the question asks for with a word the group's own
    title lacks: 'the following headline recommendations:' for 'what are the headline recommendations?'."""
    group_terms = set(terms(b.route.group)) | {"recommend"}
    words = [t for t in terms(b.question) if t]
    # 'headline asks' are the headline recommendations
    words = [RECOMMENDATION if w in ASKED_FOR else w for w in words]
    phrases = {
        f"{a} {c}" for a, c in zip(words, words[1:]) if c in group_terms or c.startswith("recommend") if a not in group_terms
    }
    for part in outline.sections:
        for lead, items in bulleted_lists(part):
            said = f" {' '.join(terms(lead.sentence.text))} "  # whole words: 'lead line recommendation' is no 'headline' one
            if any(f" {p} " in said for p in phrases):
                return lead, items
    return None


def _list_in_named_section(b: Builder, outline: Outline, members: list[Part]) -> tuple[Found, list[Found]] | None:
    """The group as another section lists it, when the question names that section by its title's first word and
    'page' or 'section' ('the six cross-cutting themes NP11 draws out on its observations page': the bulleted list
    of 'some cross-cutting themes' on p. 5, not the themes' own section)."""
    group_terms = set(terms(b.route.group)) - MEMBER_WORDS
    early = EARLY_CUE.search(b.question)  # 'as set out at the start of the report': the first other section listing it
    for part in outline.sections:
        if part.region or part in members or not part.title.split():
            continue
        first = part.title.split()[0].lower()
        said = rf"\b{re.escape(first)}\b[^?]{{0,40}}?\b(?:page|section|chapter|part)\b"
        if not early and (len(first) < 5 or not re.search(said, b.question, re.I)):
            continue
        for lead, items in bulleted_lists(part):
            if group_terms & set(terms(lead.sentence.text)):
                return lead, items
    return None


def bulleted_lists(part: Part) -> Iterator[tuple[Found, list[Found]]]:
    """Each bulleted list in a section (two items or more) with the sentence that introduces it (ending ':')."""
    found = list(sentences(part))
    for i, lead in enumerate(found):
        if not lead.sentence.text.rstrip().endswith(":"):
            continue
        items = []
        for f in found[i + 1 :]:
            if not f.sentence.text.startswith("•"):
                break
            items.append(f)
        if len(items) >= 2:
            yield lead, items


def _listing(outline: Outline, part: Part) -> Found:
    """The sentence naming a case study's region and sector: its bullet in the list of case studies, else the
    case study's own first sentence."""
    parent = _case_study_parent(outline)
    wanted = f"{part.region}: {part.cluster}"
    listed = (f for f in sentences(parent) if item_text(f.sentence.text) == wanted) if parent else iter(())
    return next(listed, None) or next(sentences(part))


def _listed_as(outline: Outline, part: Part) -> Found | None:
    """The case study's bullet in the list of case studies when it names it otherwise than its own title does."""
    parent = _case_study_parent(outline)
    for f in sentences(parent) if parent else ():
        item = item_text(f.sentence.text)
        if item.startswith(f"{part.region}:") and item != f"{part.region}: {part.cluster}":
            return f
    return None


def _case_study_parent(outline: Outline) -> Part | None:
    """The section the case studies sit under (its opening sentence says how many there are)."""
    if not outline.case_studies:
        return None
    first = outline.case_studies[0].chunks[0].section
    parent = first.split(SECTION_SEP, 1)[0] if SECTION_SEP in first else ""
    return next((p for p in outline.sections if p.section == parent), None)


# --- aggregate -------------------------------------------------------------------------


def _named(b: Builder, outline: Outline) -> Answer | None:
    """Every name of a kind the documents use ('universities' -> 'University of York', 'Lancaster University'),
    each cited to the first sentence that names it."""
    parts = [part.split() for part in re.split(r",|\band\b|\bor\b|&", b.route.topic) if terms(part)]
    if not parts:
        return None
    # 'research, innovation or technology centres': research centres and so on; 'plans, strategies and white papers'
    last = parts[-1][-1]
    asked = [terms(" ".join(p if p[-1].lower().endswith("s") else [*p, last])) for p in parts]
    asked = [words for words in asked if words]
    kinds = set().union(*(KIND_WORDS.get(words[-1], {words[-1]}) for words in asked))
    # within one case study, 'organisations' or 'companies' are any names it uses, not names with that word
    anything = bool(b.route.regions) and bool(kinds & ANY_NAME_KINDS)
    own = {normalise(r) for r in b.route.regions} | {normalise(p.cluster) for p in outline.case_studies}
    candidates: list[tuple[str, tuple[str, ...], Found]] = []
    for part in outline.sections:
        if b.route.regions and part.region not in b.route.regions:
            continue
        for found in sentences(part):
            text = found.sentence.text
            # "a national agritech Catapult": a proper noun with lower-case words before it names one too
            for name in [*names_in(text), *MODIFIED_NAME.findall(text)]:
                name = re.sub(r"-[a-z].*$", "", OPENER.sub("", name)).strip()  # "Sheffield-based ...", "Although the …"
                name = re.sub(r"['’]s?$", "", name)  # "BAE Systems' work", "Lancaster University's"
                named = terms(name)
                plural = named and name.split()[-1].lower().endswith("s") and named[-1] in kinds  # "Combined Authorities"
                any_name = anything and is_proper_name(name) and not any(normalise(name) in o for o in own)
                if ((set(named) & kinds and len(named) > 1) or any_name) and not plural:
                    candidates.append((name, named, found))
    # 'combined authorities': the names that say 'Combined' too, when the documents have any; 'training initiatives'
    # are any initiatives when none says 'Training'
    held = [words for words in asked if any(set(words) <= set(named) for _, named, _ in candidates)]
    loose = {k for words in asked if words not in held for k in KIND_WORDS.get(words[-1], {words[-1]})}
    seen: dict[str, tuple[str, Found]] = {}
    for name, named, found in candidates:
        fits = anything or bool(set(named) & loose) or any(set(words) <= set(named) for words in held)
        if fits and normalise(name) not in seen:
            seen[normalise(name)] = (name, found)
    if not seen:
        return None
    what = b.route.topic if len(seen) > 1 else re.sub(r"(?<=[^aeiou])ies$", "y", b.route.topic).removesuffix("s")
    where = f" in the {b.route.regions[0]} case study" if b.route.regions else ""
    lines = [f"The documents name {len(seen)} {what}{where}:"]
    for name, found in seen.values():
        lines.append(f"- **{name}** ({place_of(found.chunk)}, p. {found.sentence.page}) {b.cite(found)}")
    return b.answer("\n".join(lines))


OPENER = re.compile(  # words that start a sentence before a name: 'Although the Humber Industrial Cluster', 'Both Humber'
    r"^(?:(?:The|This|These|Its|In|For|As|Both|Several|Many|Some|All|Our|Their|Such|Although|However|While|Whilst|With|"
    r"Since|Despite|Through|Finally|Meanwhile|Also|Together|Recent|Recently)\s+)+(?:the\s+|an?\s+)?|^(?:the|an?)\s+"
)


def is_proper_name(name: str) -> bool:
    """A name of something in particular: two or more capitalised words ('Lancaster University') or an
    acronym ('BAE'), not one ordinary capitalised word ('However', 'Lancashire')."""
    words = name.split()
    return (len(words) > 1 and all(w[:1].isupper() or w in ("of", "for", "and", "&", "the", "in", "on") for w in words)) or (
        len(words) == 1 and len(name) >= 3 and sum(c.isupper() for c in name) >= 2 and name not in COMMON_ACRONYMS
    )


def aggregate_answer(b: Builder, outline: Outline) -> Answer | None:
    if b.route.group == NAMES:
        return _named(b, outline)
    wants_money = bool(MONEY_QUESTION.search(b.question))
    where = bool(re.search(r"\bwhere\b", b.question, re.I))
    lines = []
    matched = 0

    lacking = NEGATIVE_ASK.search(b.question)  # "which missed out on X": those that say they did, not all that say X
    unsaid = _Topic(NEGATIVE_ASK.sub(" ", b.route.topic), b.retriever) if lacking else None  # X, the missing out aside
    # "which put a number on how many firms": a sentence that counts them ('a figure in the billions' asks for money)
    counted = COUNT_ASK.search(b.question) and not MONEY_QUESTION.search(b.question) and not MONEY_WORDS & set(b.weights)

    figure = _figure_asked(b.question)
    statistic = FIGURES_ABOUT.search(b.question)
    titled = _titled_kind(b.question, b.route.topic)

    def best_match(part: Part) -> Found | None:
        if figure is not None:  # "which quote a percentage", "which give a year from before 2000": the figure decides
            found = [f for f in sentences(part) if figure[1](f.sentence.text)]
            return found[0] if found else None
        if lacking:  # saying so is required, so most of the topic's other terms will do ('missed', 'lacked' aside)
            found = [
                f for f in sentences(part)
                if NEGATIVE_SAY.search(f.sentence.text)
                and (b.matches(f) or (unsaid is not None and unsaid.coverage(f.sentence.text) >= MIN_TOPIC_COVERAGE))
            ]
        else:
            found = [f for f in sentences(part) if b.matches(f)]
        if titled:  # "a specific named plan": the word in a name ('the Cumbria Clean Energy Plan'), not 'plans to create'
            found = [f for f in found if titled.search(f.sentence.text)]
        if statistic:  # "every statistic about people employed": a sentence giving a figure, not a year alone
            found = [f for f in found if re.search(r"\d", YEAR.sub("", SOURCE_YEAR.sub("", f.sentence.text)))]
        if counted:  # a count of firms: '960 local firms', '1,300 advanced manufacturing businesses'
            found = [f for f in sentences(part) if counts_of(f.sentence.text, b.counted_terms)]
        if not found:
            return None
        return max(found, key=lambda f: b.fit(f) + (1.0 if wants_money and MONEY.search(f.sentence.text) else 0.0))

    topic_terms = set(terms(b.route.topic))
    # "which case studies are about AI", not "which mention AI" (nor 'which refer to the defence sector')
    about = SECTOR_ASKED.search(b.question) and not MENTION_ASKED.search(b.question)
    by_sector = [p for p in outline.case_studies if about and topic_terms and topic_terms <= _sector_terms(p.cluster)]
    if by_sector:  # "which case studies are about artificial intelligence": their sectors say so
        for part in by_sector:  # (its bullet in the list of case studies, however that names its sector)
            found = _listed_as(outline, part) or _listing(outline, part)
            lines.append(f"- **{part.region}**: {part.cluster} (p. {part.page}) {b.cite(found)}")
        head = f"{len(by_sector)} of the {len(outline.case_studies)} case studies are about {b.route.topic}:"
        return b.answer("\n".join([head, *lines]))

    def line(part: Part, best: Found) -> str:
        return f"- **{part.region}** ({part.cluster}, p. {best.sentence.page}): {best.sentence.text} {b.cite(best)}"

    asked = [p for p in outline.case_studies if p.region not in b.route.excluded]  # 'besides Tees Valley'
    for part in asked:
        best = best_match(part)
        if best:
            matched += 1
            lines.append(line(part, best))
    elsewhere = []
    if where:  # "where are Investment Zones mentioned": the rest of the publication too
        for part in outline.sections:
            best = None if part.region else best_match(part)
            if best:
                elsewhere.append(f"- **{part.title}** (p. {best.sentence.page}): {best.sentence.text} {b.cite(best)}")
    total = f"{len(asked)} other" if b.route.excluded else str(len(asked))
    # 'is Made Smarter mentioned anywhere besides Greater Manchester?': that one's own mention, after the rest
    set_aside = [line(p, best) for p in outline.case_studies if p.region in b.route.excluded and (best := best_match(p))]
    if not matched and not elsewhere and not set_aside:
        if re.search(r"\b(?:which|what) (?:\w+ )?(?:places|locations)\b", b.question, re.I):
            return None  # "which places lose out under competitive grants": places in general, not case studies
        return b.answer(f"None of the {total} case studies mentions {b.route.topic}.", abstained=True)
    head = f"“{b.route.topic}” comes up in {matched} of the {total} case studies"
    if figure is not None:
        head = f"{matched} of the {total} case studies give {figure[0]}"
    text = "\n".join([f"{head}:" if matched else f"{head}.", *lines])
    if set_aside:
        aside = "case study" if len(b.route.excluded) == 1 else "case studies"
        text += f"\n\nAnd in the {aside} the question set aside:\n" + "\n".join(set_aside)
    if elsewhere:
        text += "\n\nElsewhere in the documents:\n" + "\n".join(elsewhere)
    return b.answer(text)


def _titled_kind(question: str, topic: str) -> re.Pattern[str] | None:
    """For "which mention a (specific) named plan" or "a specific university", a pattern for that kind of thing by
    name: capitalised words ending in 'Plan' ('Humber Industrial Cluster Plan', 'Innovation Plan'), or 'University
    of York'. None when no name is asked for."""
    words = topic.split()
    # ('which name a specific university': the topic is 'universities')
    forms = {words[0], re.sub(r"ies$", "y", words[0]), words[0].removesuffix("s")} if len(words) == 1 else set()
    asked = len(words) == 1 and re.search(
        rf"\b(?:named|titled|specific|particular)\s+(?:an?\s+)?(?:{'|'.join(map(re.escape, sorted(forms)))})\b", question, re.I
    )
    if not asked:
        return None
    one = re.sub(r"ies$", "y", words[0]) if words[0].endswith("ies") else words[0].rstrip("s")  # 'universities': University
    noun = re.escape(one[:1].upper() + one[1:].lower())
    # 'Northumbria University', 'Humber Industrial Cluster Plan'; or 'University of York'
    return re.compile(
        rf"\b[A-Z][\w&'’-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w&'’-]*)*\s+{noun}s?\b(?! is\b)"
        rf"|\b{noun}\s+of\s+[A-Z][\w&'’-]*"
    )


def _figure_asked(question: str) -> tuple[str, Callable[[str], bool]] | None:
    """What kind of figure an aggregate asks each case study for, when it asks for one, and a test for it: a
    percentage, or a year (a decade, a century) within a span ('from before 2000')."""
    if re.search(r"\bpercentages?\b|\bper ?cent(?:age)?s?\b", question, re.I):
        return "a percentage", lambda text: bool(re.search(r"\d\s?(?:%|per ?cent)", text, re.I))
    span = years_asked(question)
    if span and re.search(r"\b(?:years?|decades?|centur(?:y|ies)|dates?)\b", question, re.I):
        low, _, high = span.partition("-")
        no_centuries = bool(re.search(r"\bnot (?:just |merely |only )?[^?)]*\bcentur(?:y|ies)\b", question, re.I))

        def dated(text: str) -> bool:
            years = [int(y[:4]) for y in YEAR.findall(SOURCE_YEAR.sub("", text))]
            if not no_centuries:  # 'an actual date, not just a century'
                years += [(int(c) - 1) * 100 for c in CENTURY.findall(text)]
            return any(within(y, span) for y in years)

        if low and high:
            return f"a date in {span}", dated
        return (f"a date from {low} on" if low else f"a date before {int(high) + 1}"), dated
    return None


def place_of(chunk: Chunk) -> str:
    """A short name for where a sentence is: the region of a case study, else the section's own title."""
    return chunk.region or chunk.section.rsplit(SECTION_SEP, 1)[-1] or chunk.title
