"""Topic -> briefing note: key points, a background paragraph per case study, a table of figures, the
relevant recommendations and the sources. Every sentence of the body is a sentence of the documents with a
footnote to it; a topic the documents say little about gets a note that says so, not padding.

The topic can be a cluster or region ("the North East space cluster"), a theme ("skills", "net zero") or
free text. Rendering to Markdown and Word is in briefdoc.py.

Example:
    >>> note = draft_brief(assistant, "the North East space cluster")
    >>> [(f.measure, f.value, f.page) for f in note.figures][:3]
    [('Firms', '54 organisations', 8), ('Income', '£113 million', 8), ('Jobs', 'around 1,365 people', 8)]
    >>> note.notes[0].quote
    "The North East has become a notable player in the UK's space industry, ..."
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from .answer import Citation, Generation
from .digest import informative, is_heading, mmr
from .figures import extract_figures
from .inputs import clean_question
from .outline import Outline, Part
from .overview import Builder, Found, item_text, pages_of, place_of, sentences
from .routes import Route, named_by_sector, names_region, topic_of
from .text import normalise

if TYPE_CHECKING:
    from .pipeline import Assistant

EXAMPLE_TOPICS = ("the North East space cluster", "skills", "net zero", "funding", "cross-boundary working")
KEY_POINTS = (3, 6)  # fewest and most key points
BACKGROUND_SENTENCES = 2  # a case study's opening, in a cluster brief
THEME_BACKGROUND_SENTENCES = 2  # a case study's sentences on the topic, in a theme brief
MIN_MATCHES = 3  # fewer sentences on a topic than this, and the note says the documents say little about it
CLUSTER_RECOMMENDATIONS = 3  # recommendations nearest a case study, in a cluster brief
MAX_FIGURES = 12
FRAMING = re.compile(  # "a one-page brief on ...", "the evidence on ...", "... for the minister's visit"
    r"^\W*(?:(?:please\s+)?(?:draft|write|prepare|give me|make)\s+)?(?:an?\s+)?(?:(?:one|two|1|2)[- ]page\s+)?"
    r"(?:brief(?:ing)?(?:\s+note)?\s+(?:on|about|for)\s+)?(?:(?:the\s+)?(?:evidence|position|facts)\s+(?:on|about)\s+)?"
    r"|\s+(?:for|ahead of|before)\s+(?:the|a|an|our)\s+[\w’'\s-]{0,40}?(?:visit|meeting|call|briefing|event|debate)\W*$",
    re.I,
)
CLUSTER_WORDS = re.compile(r"\b(?:clusters?|case stud(?:y|ies)|sectors?|industry|industries)\b", re.I)
REFERS_BACK = re.compile(  # "It ...", "In the meantime, it ...": the sentence before says who or what
    r"^(?:(?:In the meantime|Meanwhile|However|Also|Moreover|In addition|As a result|Similarly|Finally|Instead),\s+)?"
    r"(?:[Tt]his|[Tt]hese|[Ii]t|[Tt]hey|[Ii]ts|[Tt]heir|[Ss]uch)\b(?! (?:report|publication|case study|section)\b)"
)


@dataclass(frozen=True)
class Line:
    """A sentence of the note, as the documents word it, with its footnote numbers."""

    text: str
    notes: tuple[int, ...]


@dataclass(frozen=True)
class Paragraph:
    heading: str  # "North East: Space (p. 8)"
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Figure:
    """A number the documents give: what it measures, the figure as written, where, and its footnote."""

    measure: str  # Funding, Investment, Income, Value, GVA, Jobs or Firms
    value: str  # "£113 million", "around 1,365 people"
    place: str  # "North East: Space"
    page: int
    note: int


@dataclass(frozen=True)
class Briefing:
    topic: str
    title: str
    date: str
    purpose: str
    coverage: str  # "" when the documents cover the topic well; else what they lack, said plainly
    key_points: tuple[Line, ...]
    background: tuple[Paragraph, ...]
    figures: tuple[Figure, ...]
    recommendations: tuple[Line, ...]
    notes: tuple[Citation, ...]  # footnote n is notes[n - 1]
    regions: tuple[str, ...] = ()
    nearest: tuple[str, ...] = ()  # sections looked at, when the documents do not cover the topic
    latency_ms: float = 0.0
    abstained: bool = False
    generation: Generation | None = None  # set when an LLM phrased the key points (briefllm.py)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["generation"] = self.generation.to_dict() if self.generation else None
        data["notes"] = [
            {k: v for k, v in asdict(c).items() if k not in {"path", "text"}} | {"pages": list(c.pages)} for c in self.notes
        ]
        data["latency_ms"] = round(self.latency_ms, 2)
        return data


def draft_brief(
    assistant: Assistant,
    topic: str,
    clusters: tuple[str, ...] = (),
    today: dt.date | None = None,
    answerer: str | None = None,
) -> Briefing:
    """A briefing note on the topic, narrowed to the given clusters (region, cluster or 'Region: Cluster')
    when there are any. With an LLM answerer (by name, default settings.answerer) the key points are phrased
    by the model and checked sentence by sentence (briefllm.py). QuestionError for an empty or over-long
    topic, UnknownNameError for a cluster the index does not hold."""
    topic = clean_question(topic, assistant.settings.max_question_chars)
    retriever, outline = assistant.retriever, assistant.outline  # built outside the timing
    started = time.perf_counter()
    subject = FRAMING.sub("", topic).strip() or topic
    regions = [retriever.resolve_cluster(c) for c in clusters]
    regions += [r for r in _named_regions(assistant, subject) if r not in regions]
    theme = topic_of(subject, [], regions, outline)
    b = Builder(subject, Route("summary", tuple(regions), topic=theme), retriever)
    maker = _Maker(b, outline, subject, theme, tuple(regions))
    unknown = retriever.unknown_names(f"About {subject}")
    note = maker.not_covered(unknown) if unknown else maker.cluster_brief() if regions else maker.theme_brief()
    return phrase_brief(assistant, _finish(note, topic, subject, b, today, started), answerer)


def phrase_brief(assistant: Assistant, note: Briefing, answerer: str | None = None) -> Briefing:
    """The note with its key points phrased by the named answerer's LLM (default settings.answerer); as it
    is for the extractive answerer, or when there is nothing to phrase."""
    name = answerer or assistant.settings.answerer
    if name == "extractive" or note.abstained:
        return note
    from .briefllm import llm_of, phrase_key_points

    llm = llm_of(assistant.answerer(name))
    if llm is None:
        return note
    started = time.perf_counter()
    phrased = phrase_key_points(note, *llm)
    return replace(phrased, latency_ms=note.latency_ms + (time.perf_counter() - started) * 1000)


def _named_regions(assistant: Assistant, subject: str) -> list[str]:
    """Case studies the subject names by place ('Tees Valley', 'Hull'), or by their sector when it asks for a
    cluster ('the space cluster'). A sector's name alone ('net zero') or an organisation ('GCHQ') is a theme:
    the note gathers what the documents say about it, wherever they say it."""
    steered = [r for r in assistant.retriever.steer(subject) if names_region(subject, r)]
    if not CLUSTER_WORDS.search(subject):
        return steered
    return steered + named_by_sector(subject, steered, assistant.outline)


@dataclass
class _Draft:
    coverage: str = ""
    key_points: list[Line] = field(default_factory=list)
    background: list[Paragraph] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    recommendations: list[Line] = field(default_factory=list)
    nearest: tuple[str, ...] = ()
    abstained: bool = False


class _Maker:
    """Builds the sections of one note; every line goes through cite(), so every line has a footnote."""

    def __init__(self, b: Builder, outline: Outline, subject: str, theme: str, regions: tuple[str, ...]) -> None:
        self.b, self.outline, self.subject, self.theme, self.regions = b, outline, subject, theme, regions
        self.quoted: set[int] = set()  # sentence rows already in the note

    def line(self, found: list[Found]) -> Line:
        self.quoted |= {f.row for f in found}
        return Line(" ".join(item_text(f.sentence.text) for f in found), tuple(self.b.note(f) for f in found))

    def points(self, chosen: list[Found]) -> list[Line]:
        """One line per chosen sentence; one that opens 'It…' or 'This…' brings the sentence before it."""
        groups: list[list[Found]] = []
        for f in sorted(chosen, key=lambda f: f.row):
            part = next((p for p in self.outline.sections if f.chunk in p.chunks), None)
            found = _with_antecedents(list(sentences(part)) if part else [f], [f])
            if groups and found[0].row <= groups[-1][-1].row:  # its antecedent is the previous point: one line
                groups[-1] += [g for g in found if g.row > groups[-1][-1].row]
            else:
                groups.append(found)
        return [self.line(group) for group in groups]

    def not_covered(self, unknown: tuple[str, ...] = ()) -> _Draft:
        retrieval = self.b.retriever.retrieve(self.subject, 5)
        nearest: list[str] = []
        for p in retrieval.passages:
            label = f"{place_of(p.chunk)} (p. {p.chunk.page})"
            if label not in nearest:
                nearest.append(label)
        names = f" ({', '.join(unknown)} is not mentioned)" if len(unknown) == 1 else (
            f" ({', '.join(unknown)} are not mentioned)" if unknown else "")
        return _Draft(
            coverage=f"The documents do not cover {self.subject}{names}, so there is nothing to brief on.",
            nearest=tuple(nearest[:3]),
            abstained=True,
        )

    # --- a cluster (or a few) -------------------------------------------------------------

    def cluster_brief(self) -> _Draft:
        parts = [p for p in self.outline.case_studies if p.region in self.regions]
        if not parts:
            return self.not_covered()
        draft = _Draft()
        focus = [f for part in parts for f in sentences(part) if self.b.weights and self.b.matches(f) and not is_heading(f)]
        opening: dict[str, list[Found]] = {}
        for part in parts:
            found = [f for f in sentences(part) if not is_heading(f)]
            opening[part.region] = _with_antecedents(found, found[:BACKGROUND_SENTENCES])
        used = {f.row for fs in opening.values() for f in fs}
        if self.theme and self.b.weights and focus:  # "skills in Tees Valley": the case study's sentences on it
            chosen = sorted(focus, key=self.b.fit, reverse=True)[: KEY_POINTS[1]]
            if len(focus) < MIN_MATCHES:
                draft.coverage = f"The case study says little about {self.theme}: {len(focus)} sentence(s) on it."
        else:
            if self.theme and self.b.weights:
                draft.coverage = f"The case study does not mention {self.theme}; this note covers it as a whole."
            rest = [f for part in parts for f in sentences(part) if f.row not in used and not is_heading(f)]
            chosen = informative(self.b, rest, max(KEY_POINTS[0], min(KEY_POINTS[1], 5 * len(parts))))
        draft.key_points = self.points(sorted(chosen, key=lambda f: f.row))
        for part in parts:
            draft.background.append(Paragraph(f"{part.label} ({pages_of([part])})", (self.line(opening[part.region]),)))
        draft.figures = self.figures([f for part in parts for f in sentences(part)])
        draft.recommendations = self.nearest_recommendations(parts)
        return draft

    def nearest_recommendations(self, parts: list[Part]) -> list[Line]:
        """The recommendations closest in meaning to the case studies (or to the topic, when there is one)."""
        group = self.recommendations_group()
        if not group:
            return []
        if self.theme and self.b.weights:
            on_topic = self.topic_recommendations(group)
            if on_topic:
                return on_topic
        vectors = self.b.retriever.sentence_vectors
        centroid = vectors[[f.row for part in parts for f in sentences(part)]].mean(axis=0)
        scored = []
        for part in group:
            found = list(sentences(part))
            sims = vectors[[f.row for f in found]] @ centroid
            scored.append((float(np.max(sims)), part, found[int(np.argmax(sims))]))
        nearest = sorted(sorted(scored, key=lambda s: -s[0])[:CLUSTER_RECOMMENDATIONS], key=lambda s: s[2].row)
        return [self.recommendation(part, found) for _, part, found in nearest]

    # --- a theme or free text ---------------------------------------------------------------

    def theme_brief(self) -> _Draft:
        if not self.b.weights:
            return self.not_covered()
        group = self.recommendations_group()
        in_group = {id(p) for p in group}
        matched: dict[str, list[Found]] = {}  # region (or "" outside the case studies) -> sentences on the topic
        for part in self.outline.sections:
            if id(part) in in_group:
                continue
            for f in sentences(part):
                if self.b.matches(f) and not is_heading(f):
                    matched.setdefault(part.region, []).append(f)
        total = sum(len(fs) for fs in matched.values())
        if not total:
            return self.not_covered()
        draft = _Draft()
        if total < MIN_MATCHES:
            draft.coverage = f"The documents say little about {self.theme}: {total} sentence(s) mention it, quoted below."
        general = matched.get("", [])
        pool = general if len(general) >= KEY_POINTS[0] else [f for fs in matched.values() for f in fs]
        relevance = np.array([self.b.fit(f) for f in pool])
        draft.key_points = self.points(mmr(self.b, pool, relevance, KEY_POINTS[1]))
        for part in self.outline.case_studies:
            found = matched.get(part.region, [])
            if not found:
                continue
            all_found = list(sentences(part))
            fresh = [f for f in found if f.row not in self.quoted]  # not the key points again
            best = sorted(sorted(fresh, key=self.b.fit, reverse=True)[:THEME_BACKGROUND_SENTENCES], key=lambda f: f.row)
            if not best:  # all it says on the topic is in the key points: say what the cluster is instead
                best = [f for f in all_found if not is_heading(f)][:1]
            paragraph = self.line(_with_antecedents(all_found, best))
            draft.background.append(Paragraph(f"{part.label} ({pages_of([part])})", (paragraph,)))
        draft.figures = self.figures([f for fs in matched.values() for f in fs])
        draft.recommendations = self.topic_recommendations(group)
        return draft

    # --- shared -----------------------------------------------------------------------------

    def recommendations_group(self) -> tuple[Part, ...]:
        return next((parts for name, parts in self.outline.groups.items() if "recommend" in normalise(name)), ())

    def topic_recommendations(self, group: tuple[Part, ...]) -> list[Line]:
        lines = []
        for part in group:
            found = [f for f in sentences(part) if self.b.matches(f)]
            if found:
                lines.append(self.recommendation(part, max(found, key=self.b.fit)))
        return lines

    def recommendation(self, part: Part, found: Found) -> Line:
        """'Title: the sentence' when the sentence is not the heading itself; the title is the document's own."""
        line = self.line([found])
        title = item_text(part.title)
        if normalise(line.text).startswith(normalise(title)):
            return line
        return Line(f"{title}: {line.text}", line.notes)

    def figures(self, found: list[Found]) -> list[Figure]:
        """Funding, investment, income, GVA, jobs and firm counts in the sentences, each with its footnote."""
        figures: list[Figure] = []
        seen: set[tuple[str, str]] = set()
        for f in sorted(found, key=lambda f: f.row):
            for measure, value in extract_figures(f.sentence.text):
                key = (measure, normalise(value))
                if key in seen or len(figures) >= MAX_FIGURES:
                    continue
                seen.add(key)
                place = f.chunk.region and f"{f.chunk.region}: {f.chunk.cluster}" or place_of(f.chunk)
                figures.append(Figure(measure, value, place, f.sentence.page, self.b.note(f)))
        return figures


def _with_antecedents(section: list[Found], chosen: list[Found]) -> list[Found]:
    """The chosen sentences in order, each that opens 'This…' or 'It…' with the sentence before it."""
    rows = {f.row: i for i, f in enumerate(section)}
    out: dict[int, Found] = {}
    for f in chosen:
        i = rows.get(f.row)
        if i and REFERS_BACK.match(f.sentence.text) and _is_sentence(section[i - 1]):
            out[section[i - 1].row] = section[i - 1]
        out[f.row] = f
    return [out[r] for r in sorted(out)]


def _finish(draft: _Draft, topic: str, subject: str, b: Builder, today: dt.date | None, started: float) -> Briefing:
    titles = sorted({p.chunk.title for p in b.cited.values() if p.chunk.title})
    source = f"“{titles[0]}”" if len(titles) == 1 else "the indexed documents"
    date = (today or dt.date.today()).strftime("%-d %B %Y")
    purpose = (
        f"To brief on {subject} from {source}. Every line below is quoted from the documents, with a footnote "
        "giving its page and section."
        if not draft.abstained
        else f"To brief on {subject}."
    )
    return Briefing(
        topic=topic,
        title=f"Briefing: {_capitalised(subject)}",
        date=date,
        purpose=purpose,
        coverage=draft.coverage,
        key_points=tuple(draft.key_points),
        background=tuple(draft.background),
        figures=tuple(draft.figures),
        recommendations=tuple(draft.recommendations),
        notes=tuple(b.citations),
        regions=b.route.regions,
        nearest=draft.nearest,
        latency_ms=(time.perf_counter() - started) * 1000,
        abstained=draft.abstained,
    )


def _is_sentence(found: Found) -> bool:
    """A full sentence, not a heading: only a sentence is an antecedent."""
    return not is_heading(found) and bool(re.search(r"[.!?][\"')\]]*$", found.sentence.text.rstrip()))


def _capitalised(text: str) -> str:
    """'skills' -> 'Skills'; 'iiCON' stays as it is written."""
    first = text.split(" ", 1)[0]
    return text[:1].upper() + text[1:] if first.islower() else text
