"""Comparisons and summaries of case studies and topics, built from the outline: the same facets for each
side of a comparison, and the central, fact-rich sentences of a section for a summary; every line cited.

Example:
    >>> route = route_question("Compare the two AI clusters", retriever.steer, outline)
    >>> print(compare_answer(Builder(question, route, retriever), outline).answer)
    Greater Manchester and West Yorkshire side by side:
    | | **Greater Manchester: Artificial Intelligence/Digital** (pp. 12–13) | ... |
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from .answer import ENUMERATION, REFERS_TO_PREVIOUS, Answer
from .chunking import SECTION_SEP
from .outline import Outline, Part
from .overview import (
    MIN_TOPIC_COVERAGE,
    OPENER,
    YEAR,
    Builder,
    Found,
    bulleted_lists,
    is_proper_name,
    item_text,
    names_in,
    pages_of,
    place_of,
    sentences,
)
from .questions import MONEY
from .retrieve import COMMON_ACRONYMS, aliases_of
from .text import CONTINUES, normalise, terms

SUMMARY_POINTS = (3, 6)  # fewest and most bullets in a summary
MANY_BULLETS, MAX_LISTED_POINTS = 8, 12  # a section mostly of this many list items is summarised by them all (up to the most)
TOPIC_SENTENCES = 3  # sentences per side on the topic a comparison is about
FIGURE_SENTENCES = 2  # ...and giving further figures ('50% of the UK's hydrogen production' beside a workforce audit)
CLOSE_ENOUGH = 0.3  # cosine to the topic of a sentence that speaks of it in other words
YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
MIN_NAMES = 3  # an "Organisations" line names at least this many
INFO_WEIGHT, MAX_FACTS = 0.05, 4  # a summary prefers sentences that carry figures and names...
SECTION_INFO_WEIGHT = 0.1  # ...the more so within one section or case study, where all are on its subject
SENTENCES_PER_POINT = 1.5  # a section of 6 sentences gets 4 points; 9 or more get 6
TITLE_WEIGHT = 1.0  # a topic summary prefers the sections titled on the topic: the report's own view of it
MIN_TITLE_COVERAGE = 0.5  # ...and takes their sentences even when these do not repeat the topic's words
TITLED_SENTENCES = 3  # ...up to this many of each such section, as it says them
MAX_TITLED_PARTS = 4  # ...from at most this many such sections
MIN_BODY_SHARE, BODY_SHARE_WEIGHT = 0.5, 0.9  # a section most of whose sentences are on the topic is next best
MIN_OTHER_PLACES = 2  # ...and the places elsewhere saying most on the topic, at least this many, a sentence each
FOLLOWING = 4  # a case study's sentences after one on what was asked that may go on about it
MIN_CLOSE_COVERAGE = 0.4  # ...found in other words only when they hold this much of the topic
SAME_TITLE_SHARE = 0.8  # ...but not a sentence holding this share of such a section's title: the section says it
MAX_ALSO_NAMED = 12  # names a case study summary lists beyond its points
MAX_ALSO_COMPARED = 8  # ...and a comparison, on each side, beyond its cells
MAX_FIGURES = 8  # figures a case study summary lists beyond its points...
CLAUSE_WORDS = 12  # ...each in at most this many words around it
FIGURE = re.compile(  # a figure worth a briefing: money, a percentage, a count (not a year or a page)
    r"[£$€]\s?\d[\d,.]*\s*(?:million|billion|bn|m|k)?\b|\b\d[\d,.]*\s?(?:%|per ?cent\b)|\b\d[\d,.]*\s+(?:million|billion)\b"
    r"|\b\d{1,3}(?:,\d{3})+\b|\b(?<![-–])\d{2,3}(?![-–%\d])\s+(?=[a-z])",
    re.I,
)
OWN_FOCUS = re.compile(r"\bthis case study (?:\w+ )?(?:focuses|focused|concentrates|centres) on\b", re.I)
SELF_REFERENCE = re.compile(  # a document on itself: 'This publication summarises ...', 'We have based our analysis on ...'
    r"\b(?:this|the present) (?:publication|report|paper|document|study)\b|\b(?:we have|we) based\b"
    r"|\bour (?:analysis|research|method\w*)\b|\bthe (?:in-depth |detailed |underlying )?(?:analysis|research) "
    r"(?:was|is|has been) (?:undertaken|carried out|conducted|done)\b",
    re.I,
)
WHAT_IS = re.compile(r"what (?:is|are) (?:an? |the )?([\w -]+?)(?:\s+and\b|\s*\?|$)", re.I)  # a title asking it
HISTORY_ASKED = re.compile(  # a comparison of how old, or where from: each side's origins
    r"\bhistor\w*|\blegac\w*|\bpedigree\b|\broots?\b|\borigins?\b|\bgo(?:es)? back\b|\bfar back\b|\bolder\b"
    r"|\boldest\b|\bhow old\b|\bheritage\b|\bgrew out of\b|\bgrow out of\b|\bindustrial base\b",
    re.I,
)
ORIGINS = re.compile(  # a sentence on where a cluster comes from
    r"\bdates? back\b|\broot(?:s|ed)\b|\borigins?\b|\bhistor(?:y|ic|ical)\b|\blegacy\b|\bheritage\b"
    r"|\bevolution of\b|\bgrew out of\b",
    re.I,
)
KINDS_TOPIC = re.compile(r"\b(?:industries|sectors|assets|strengths|sources|specialisms|technologies|activities)\b", re.I)
LISTING_BONUS = 0.3  # a comparison on kinds of thing prefers, on each side, the sentence naming several ('such as a, b, c')
GOES_ON = re.compile(r"^(?:They|It)\s")  # a sentence saying more of what the one before it names
KEPT = 3  # sentences of the opening section on the document itself a summary keeps
MMR_LAMBDA = 0.7  # relevance against novelty when choosing summary sentences
SCALE = re.compile(
    r"\d[\d,.]*\s*(?:%|per cent|million|billion|bn|m\b)?[^.]{0,40}?\b(?:firms|companies|businesses|organisations|"
    r"jobs|people|employ\w*|GVA|economy|SMEs|workforce|income|exports|enterprises)\b",
    re.I,
)
HOLDS_BACK = re.compile(  # what a case study says holds its cluster back (lower case: 'the Decarbonisation Challenge' is a fund)
    r"\b(?:challenges?|barriers?|gaps?|shortages?|lack(?:s|ing)?|struggl\w*|uncertaint\w*|risks?|fragmented|missing out|"
    r"pinch points?|concerns?)\b"
)
GOAL = re.compile(  # what a cluster commits to reach: 'a net-zero industrial cluster by 2040', 'the headline goal to invest 5%'
    r"\bby 20[3-9]\d\b|\bcommitment to becoming\b|\bheadline (?:goal|target|ambition)\b|\b(?:ambition|target) (?:to|of)\b"
)
TAGLINE = re.compile(r"\b(?:referred to as|dubbed|nicknamed)\s+[\"“]")  # what a case study has been called, quoted
LESSON = re.compile(  # a case study's own statement of what it shows
    r"\b(?:an? (?:\w+ )?example of\b|lessons?\b|exemplar|a model for|demonstrates|illustrates|shows how)", re.I
)
WOULD_HELP = re.compile(  # what a case study says would help its cluster
    r"\bwould benefit from\b|\bthere is (?:potential|an opportunity|scope) to\b|\bwould welcome\b|\bcalls? for\b"
    r"|\boffers? an opportunity\b"
    # ...and where it is heading: 'Opportunities for future development include ...', '... presents opportunities'
    r"|\bopportunities for (?:future )?development\b|\bpresents? opportunities\b", re.I
)
SELF_FOCUS = re.compile(r"\bth(?:is|e) case study (?:\w+ly )?focus(?:es|ed)? on\b", re.I)  # what it says it is about
FUNDING = re.compile(r"\b(?:fund\w*|invest\w*|grant\w*|seed\w*|financ\w*)\b", re.I)
CHALLENGE = re.compile(  # lower case only: "the Decarbonisation Challenge" is a fund, not a difficulty
    r"\b(?:challeng\w*|barrier\w*|gaps?\b|difficult\w*|lack\w*|risk\w*|uncertain\w*|struggl\w*|missing out|"
    r"fragment\w*|pinch point|shortage\w*|declin\w*|problem\w*|[Hh]owever)\b"
)


# --- compare ---------------------------------------------------------------------------


def compare_answer(b: Builder, outline: Outline) -> Answer | None:
    if b.route.group:
        return _listed_twice(b, outline)
    if b.route.sections:  # 'compare the skills theme with the funding theme': each one in brief, in turn
        each = [_section_summary(b, outline, section, cite_title=True) for section in b.route.sections]
        if not all(each):
            return None
        return b.answer("Side by side:\n\n" + "\n\n".join(a.answer for a in each if a))
    parts = [p for p in (outline.case_study(r) for r in b.route.regions) if p]
    if len(parts) < 2:
        return None
    facets: list[tuple[str, list[list[Found]]]] = []
    used: set[int] = set()

    def pick(name: str, choose: Callable[[Part], Found | None], most: int = 1) -> None:
        row = []
        for part in parts:
            cell: list[Found] = []
            while len(cell) < most:
                found = choose(part)
                if found is None:
                    break
                used.add(found.row)
                cell.append(found)
            row.append(sorted(cell, key=lambda f: f.row))
        if any(row):
            facets.append((name, row))

    if HISTORY_ASKED.search(b.question):  # 'how far back does each go', 'their roots': where each story starts
        pick("Origins", lambda p: _origin(p, used))
    if b.route.topic and b.weights:  # what the comparison is about: its best sentences on each side
        def on_topic(p: Part) -> Found | None:
            # a side that never says the topic's words gives its closest sentence, if close enough in meaning, else
            # one saying its most telling word ('BAE is an important anchor' for 'the anchor-firm position')
            found = _best(p, used, said, fit) or _best(p, used, lambda f: float(b.sims[f.row]) >= CLOSE_ENOUGH, fit)
            if found is None and p.region not in answered:
                found = _best(p, used, lambda f: bool(keys & set(terms(f.sentence.text))), fit)
            if found is not None:
                answered.add(p.region)
            return found

        kinds = KINDS_TOPIC.search(b.route.topic)  # 'the industries each is built on': the sentence naming several

        def fit(f: Found) -> float:  # a word of the same meaning counts: 'big anchor firms' - 'any large space primes'
            listing = LISTING_BONUS if kinds and ENUMERATION.search(f.sentence.text) else 0.0
            return b.coverage(f.sentence.text, synonyms=True) + float(b.sims[f.row]) + listing

        def said(f: Found) -> bool:  # ...and most of the topic in such words is the topic said
            return b.matches(f) or b.coverage(f.sentence.text, synonyms=True) >= MIN_TOPIC_COVERAGE

        keys = {t.key for t in b.alternatives if t.key}
        answered: set[str] = set()  # the sides with a sentence on the topic already

        pick(b.route.topic[:1].upper() + b.route.topic[1:], on_topic, TOPIC_SENTENCES)
        if facets:  # what a side says would help follows its sentence on the topic: 'The incoming MCA offers an opportunity'
            for part, cell in zip(parts, facets[0][1]):
                for f in list(cell):
                    after = next((g for g in sentences(part) if g.row == f.row + 1), None)
                    if after is not None and after.row not in used and WOULD_HELP.search(after.sentence.text):
                        used.add(after.row)
                        cell.insert(cell.index(f) + 1, after)
    for name, choose in _facets(b, used):
        pick(name, choose, FIGURE_SENTENCES if name in ("More figures", "Focus") else 1)
    lines = []
    for name, row in facets:
        cells = [" ".join(f"{_cell(f.sentence.text)} {b.cite(f)}" for f in cell) or "not stated" for cell in row]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    # each side's title cited where it heads its own case study: its opening sentence, in the section it titles (cited
    # after the cells, so the first citation is still what the first cell says)
    header = "| | " + " | ".join(f"**{p.label}** ({pages_of([p])}) {b.cite(next(sentences(p)))}" for p in parts) + " |"
    lines = [header, "|---" * (len(parts) + 1) + "|", *lines]
    # the names each side's cells leave out, as a case summary gives them: a comparison on a topic misses the
    # ones it speaks of in other words ('big private companies' -> 'Lockheed Martin')
    shown = [[f for name, row in facets for f in row[i]] for i in range(len(parts))]
    also = [_also_named(list(sentences(p)), shown[i], p)[:MAX_ALSO_COMPARED] for i, p in enumerate(parts)]
    if any(also):
        cells = [", ".join(f"{_cell(name)} {b.cite(f)}" for name, f in side) or "none" for side in also]
        lines.append("| Also named | " + " | ".join(cells) + " |")
    lead = " and ".join(p.region for p in parts) + " side by side:"
    return b.answer(lead + "\n\n" + "\n".join(lines))


def _in_part(found: Found, word: str) -> bool:
    """Is the sentence in a case study's sub-section titled with the word ('Evolution', 'Impact of cluster approach')?"""
    return word in _section_title(found).lower()


def _origin(part: Part, used: set[int]) -> Found | None:
    """Where a case study's story starts: its sentence on its origins, the one with the earliest year first ('dates
    back to the construction of Calder Hall in 1956'; 'The evolution of a net zero cluster in the region is a result
    of …'), else its sentence with the earliest year, else the first sentence of its Evolution."""
    free = [f for f in sentences(part) if f.row not in used and not is_heading(f)]

    def earliest(f: Found) -> int:
        return min((int(y[:4]) for y in YEAR.findall(f.sentence.text)), default=10_000)

    told = [f for f in free if ORIGINS.search(f.sentence.text)]
    dated = [f for f in free if YEAR.search(f.sentence.text)]
    if told or dated:
        return min(told or dated, key=lambda f: (earliest(f), f.row))
    return next((f for f in free if _in_part(f, "evolution")), None)


def _listed_twice(b: Builder, outline: Outline) -> Answer | None:
    """A group the documents list twice ('some cross-cutting themes have emerged:' on p. 5, then a section of
    them): the bulleted list elsewhere that pairs with most of the group's items, then what each listing has
    that the other lacks, each item cited."""
    members = outline.groups.get(b.route.group, ())
    heads = [next(sentences(p)) for p in members]
    best: tuple[Found, list[Found], list[tuple[int, int]]] | None = None
    for part in outline.sections:
        if part.section.startswith(b.route.group):
            continue
        for lead, items in bulleted_lists(part):
            pairs = _paired(b, [f.sentence.text for f in items], [f.sentence.text for f in heads])
            if len(pairs) >= 2 and (best is None or len(pairs) > len(best[2])):
                best = (lead, items, pairs)
    if best is None:
        return None
    lead, items, pairs = best
    only_here = [f for i, f in enumerate(items) if i not in {i for i, _ in pairs}]
    only_there = [f for j, f in enumerate(heads) if j not in {j for _, j in pairs}]
    here = f"the list on p. {lead.sentence.page} ({place_of(lead.chunk)})"
    there = f"the {b.route.group} section ({pages_of(list(members))})"
    lines = [
        f"{b.route.group} are listed twice: {here}, introduced by “{lead.sentence.text.strip()}” {b.cite(lead)}, and {there}. "
        f"{len(pairs)} items are in both."
    ]
    for name, only in ((here, only_here), (there, only_there)):
        lines.append(f"\nOnly in {name}:" if only else f"\nNothing is only in {name}.")
        lines += [f"- {item_text(f.sentence.text)} {b.cite(f)}" for f in only]
    # in both, as each listing words it: a heading the other listing opens with alike is said once; one reworded
    # ('Incentivise working across administrative boundaries ...' - 'The importance of working across ...') twice
    same, reworded = [], []
    for i, j in sorted(pairs, key=lambda p: p[1]):
        title = item_text(heads[j].sentence.text).rstrip(".:")
        if normalise(item_text(items[i].sentence.text)).startswith(normalise(title)):
            same.append(title)
        else:
            reworded.append(f"- {item_text(items[i].sentence.text)} {b.cite(items[i])} → {title} {b.cite(heads[j])}")
    if reworded:
        lines.append(f"\nIn both, worded differently (p. {lead.sentence.page} → {pages_of(list(members))}):")
        lines += reworded
    if same:
        lines.append(f"\nIn both, alike: {'; '.join(same)}.")
    return b.answer("\n".join(lines))


PAIRED = 0.5  # share of the shorter item's (IDF-weighted) terms two items must share to be the same item


def _paired(b: Builder, these: list[str], those: list[str]) -> list[tuple[int, int]]:
    """Items of two lists that say the same thing, one to one, the closest pairs first."""
    def weight(words: set[str]) -> float:
        return sum(b.retriever.idf(t) for t in words if b.retriever.doc_freq.get(t))

    left, right = ([(words, weight(words)) for words in (set(terms(item_text(t))) for t in items)] for items in (these, those))
    scores = sorted(
        (
            (weight(a & c) / (min(wa, wc) or 1.0), i, j)
            for i, (a, wa) in enumerate(left)
            for j, (c, wc) in enumerate(right)
        ),
        reverse=True,
    )
    pairs: list[tuple[int, int]] = []
    for score, i, j in scores:
        if score >= PAIRED and all(i != p and j != q for p, q in pairs):
            pairs.append((i, j))
    return pairs


def _facets(b: Builder, used: set[int]) -> list[tuple[str, Callable[[Part], Found | None]]]:
    """The facets a case study is described by: its opening sentence, the sentence with most scale
    figures, the one with most funding figures, the one naming most organisations, the most concrete
    sentence of its impact (most names and figures: 'AI-enabled hospital command centre at Bradford Royal
    Infirmary', not 'The cluster has been effective at ...'), the one that names most challenges."""
    def text(f: Found) -> str:
        return f.sentence.text

    focused: set[str] = set()

    def focus(p: Part) -> Found | None:
        """The opening sentence, then what the case study says it focuses on, if it does ('While this case study
        primarily focuses on AI applications in healthcare, ...')."""
        if p.region in focused:
            sector = set(terms(p.cluster))
            return next((f for f in sentences(p) if f.row not in used and SELF_FOCUS.search(text(f))), None) or next(
                (
                    f
                    for f in sentences(p)
                    if f.row not in used and ENUMERATION.search(text(f)) and sector and sector <= set(terms(text(f)))
                ),
                None,
            )
        focused.add(p.region)
        return next((f for f in sentences(p) if f.row not in used), None)

    return [
        ("Focus", focus),
        ("Scale", lambda p: _best(p, used, lambda f: bool(SCALE.search(text(f))), _count_numbers)),
        (
            "Funding",
            lambda p: _best(p, used, lambda f: bool(MONEY.search(text(f)) and FUNDING.search(text(f))), _count_numbers),
        ),
        ("More figures", lambda p: _best(p, used, lambda f: _count_numbers(f) > 0, _count_numbers)),
        ("Organisations", lambda p: _best(p, used, lambda f: _count_names(f) >= MIN_NAMES, _count_names)),
        ("Impact", lambda p: _best(p, used, lambda f: _in_part(f, "impact"),
                                   lambda f: float(b.sims[f.row]) if b.route.topic else _facts(text(f)))),
        ("Goal", lambda p: _best(p, used, lambda f: bool(GOAL.search(text(f))), lambda f: _facts(text(f)))),
        ("Lesson", lambda p: _best(p, used, lambda f: bool(LESSON.search(text(f))), lambda f: _facts(text(f)))),
        (
            "Challenges",
            lambda p: _best(
                p, used, lambda f: bool(CHALLENGE.search(text(f))), lambda f: len(CHALLENGE.findall(text(f)))
            ),
        ),
    ]


def _best(
    part: Part, used: set[int], keep: Callable[[Found], bool], key: Callable[[Found], float]
) -> Found | None:
    """The unused sentence of the part that keep() admits with the highest key; ties go to the earlier sentence
    (sentences come in document order and max keeps the first)."""
    return max((f for f in sentences(part) if f.row not in used and keep(f)), key=key, default=None)


def _count_numbers(found: Found) -> int:
    """Figures in the sentence, years aside ('nearly 200 SMEs' counts, 'in 2013' does not)."""
    return len([n for n in re.findall(r"\d[\d,.]*\d|\d", found.sentence.text) if not YEAR_LIKE.fullmatch(n)])


def _count_names(found: Found) -> int:
    body = found.sentence.text.split(" ", 1)[1] if " " in found.sentence.text else ""
    return len(names_in(body))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


# --- summary ---------------------------------------------------------------------------


def summary_answer(b: Builder, outline: Outline) -> Answer | None:
    route = b.route
    if route.regions:
        part = outline.case_study(route.regions[0])
        if part is None:
            return None
        if route.topic and b.weights:  # "tell me about iiCON": the case study's sentences on it
            found = sorted((f for f in sentences(part) if b.matches(f)), key=b.fit, reverse=True)
            # "summarise the second page of the GM case": the words are no topic it has; 'what's gone well, where
            # are the skills gaps, and how is it funded?' asks so much in so few words that one sentence holds it all
            if len(found) < SUMMARY_POINTS[0]:
                return _case_summary(b, part, first=_what_follows(part, found))
            chosen = sorted(found[: SUMMARY_POINTS[1]], key=lambda f: f.row)
            return _points(b, f"What the {part.label} case study ({pages_of([part])}) says on {route.topic}:", chosen)
        return _case_summary(b, part)
    if route.section:
        return _section_summary(b, outline, route.section)
    if not b.weights:
        return None
    # a section whose own title is on the topic ('Piecemeal funding decisions …' for funding) speaks for the report
    pairs: list[tuple[Found, float]] = []
    titled_parts: list[tuple[float, list[Found]]] = []
    for part in outline.sections:
        titled = b.coverage(part.title, synonyms=True)
        body = [f for f in sentences(part) if not is_heading(f)]
        # ...and so does one outside the case studies that says little else ('We need a shift away from small
        # competitive grants': 'A frequent observation of local development funding ...')
        on_topic = sum(b.matches(f) for f in body) / len(body) if body and not part.region else 0.0
        if body and (titled >= MIN_TITLE_COVERAGE or on_topic >= MIN_BODY_SHARE):  # a long one: its central sentences
            central = body if len(body) <= TITLED_SENTENCES else informative(b, body, TITLED_SENTENCES)
            titled_parts.append((max(titled, on_topic * BODY_SHARE_WEIGHT), central))
        pairs += [(f, titled) for f in body if b.matches(f) or titled >= MIN_TITLE_COVERAGE]
    if not pairs:
        return None
    found = [f for f, _ in pairs]
    relevance = np.array([b.fit(f) + INFO_WEIGHT * _facts(f.sentence.text) + TITLE_WEIGHT * t for f, t in pairs])
    if len(b.alternatives) == 1 and titled_parts:
        everything = [f for part in outline.sections for f in sentences(part) if not is_heading(f)]
        return _report_view(b, route.topic, titled_parts, found, relevance, everything)
    chosen = mmr(b, found, relevance)
    for topic in b.alternatives if len(b.alternatives) > 1 else ():  # 'Freeports or Investment Zones': each has its say
        if len(chosen) >= SUMMARY_POINTS[1]:
            break
        said = [i for i, f in enumerate(found) if topic.matches(f.sentence.text, float(b.sims[f.row]))]
        if said and not any(found[i] in chosen for i in said):
            chosen = sorted([*chosen, found[max(said, key=lambda i: relevance[i])]], key=lambda f: f.row)
    return _points(b, f"What the documents say about {route.topic}:", chosen, label=True)


def _section_summary(b: Builder, outline: Outline, section: str, *, cite_title: bool = False) -> Answer | None:
    """A section's (or a group's) central sentences, under its title; with cite_title, the title cited where the
    section heads itself with it (a theme's '• Magic happens at the boundaries between sectors:'), as a comparison
    cites each side's title."""
    parts = [p for p in outline.sections if p.section == section] or list(outline.groups.get(section, ()))
    if not parts:
        return None
    title = parts[0].title if len(parts) == 1 else section
    heading = next(sentences(parts[0]), None) if cite_title and len(parts) == 1 else None
    if heading is not None and is_heading(heading) and set(terms(title)) <= set(terms(heading.sentence.text)):
        title = f"{title} {b.cite(heading)}"
    if len(parts) == 1 and parts[0].region and parts[0].title != parts[0].label:  # "Hull & East Yorkshire: Evolution"
        title = f"{parts[0].region}: {parts[0].title}"
    # a document's opening section: what it says of the document itself (what it is, how it was made) is kept
    source = parts[0].chunks[0].source
    opening = len(parts) == 1 and parts[0] is next((p for p in outline.sections if p.chunks[0].source == source), None)
    found = [f for p in parts for f in sentences(p)]
    bullets = [f for f in found if f.sentence.text.startswith("• ")]
    if len(bullets) >= MANY_BULLETS and 2 * len(bullets) >= len(found):  # a section that is its lists: every item
        chosen = bullets[:MAX_LISTED_POINTS]  # (the observations page: six themes, then six headline recommendations)
    else:
        chosen = _central(b, parts, keep=SELF_REFERENCE if opening else _defining(title))
    also = _also_named(found, chosen, parts[0])
    return _points(b, f"{title} ({pages_of(parts)}), in brief:", chosen, also=also, figures=_also_figures(found, chosen))


def _report_view(
    b: Builder,
    topic: str,
    titled_parts: list[tuple[float, list[Found]]],
    found: list[Found],
    relevance: np.ndarray,
    everything: list[Found],
) -> Answer | None:
    """A topic the report gives sections of their own (a theme, recommendations): what those sections say, in
    their own sentences (the sections of one chapter in one point, each under its title), then the places elsewhere
    (the case studies) that say most on it, each in its most telling sentence and the one on what holds it back or
    would help; a point per place, in document order, SUMMARY_POINTS at most."""
    titled = [body for _, body in sorted(titled_parts, key=lambda tp: -tp[0])[:MAX_TITLED_PARTS]]
    taken = {f.row for body in titled for f in body}
    chapters: dict[str, list[list[Found]]] = {}
    for body in titled:
        chapters.setdefault(_chapter(body[0]), []).append(body)
    points: list[tuple[str, list[Found]]] = []  # (label, sentences): a chapter's sections are labelled in the text
    for chapter, bodies in chapters.items():
        if chapter and len(bodies) > 1:
            points.append((chapter, [f for body in sorted(bodies, key=lambda body: body[0].row) for f in body]))
        else:
            points += [(place_of(body[0].chunk), body) for body in bodies]
    # what a titled section says in its title, a place elsewhere need not say again ('Skills gaps remain one of the
    # most common challenges across all clusters' on the observations page)
    titles = [set(terms(_section_title(body[0]))) for body in titled]
    best: dict[str, tuple[float, Found]] = {}
    hard: dict[str, tuple[float, Found]] = {}
    repeated: set[str] = set()  # ...nor, then, say anything else there: that place has had its say
    for i, f in enumerate(found):
        if f.row in taken or not b.matches(f):
            continue
        place, score = place_of(f.chunk), float(relevance[i])
        if any(len(t & set(terms(f.sentence.text))) >= SAME_TITLE_SHARE * len(t) for t in titles if t):
            repeated.add(place)
            continue
        if place not in best or score > best[place][0]:
            best[place] = (score, f)
        difficulty = CHALLENGE.search(f.sentence.text) or WOULD_HELP.search(f.sentence.text)
        if difficulty and (place not in hard or score > hard[place][0]):
            hard[place] = (score, f)
    own = len(points)  # the report's own sections on the topic speak first: its view, then the places elsewhere
    labels = {label for label, _ in points} | {place_of(body[0].chunk) for body in titled}
    # ...and a chapter given a point of its own speaks through the sections titled on the topic
    others = sorted(  # (a case study's chapter, the case studies, is no voice of its own)
        (p for p, (_, f) in best.items() if p not in labels | repeated and (f.chunk.region or _chapter(f) not in labels)),
        key=lambda place: -best[place][0],
    )
    elsewhere = others[: max(MIN_OTHER_PLACES, SUMMARY_POINTS[1] - len(points))]
    for place in elsewhere:
        picked = {best[place][1].row: best[place][1]} | ({hard[place][1].row: hard[place][1]} if place in hard else {})
        points.append((place, [picked[row] for row in sorted(picked)]))
    # too few points: the places whose sentences come closest to the topic in other words ('cross-border collaboration'
    # for clusters spilling across administrative boundaries); and too few case studies among them: the case studies
    # saying most of it so ('Cheshire & Warrington's transition ... was built on cross-border collaboration')
    cases = sum(bool(best[place][1].chunk.region) for place in elsewhere)
    closest: dict[str, tuple[float, float, Found]] = {}
    for f in everything if len(points) < SUMMARY_POINTS[0] or cases < MIN_OTHER_PLACES else ():
        place = place_of(f.chunk)
        if f.row in taken or place in labels | repeated | set(best) or (_chapter(f) in labels and not f.chunk.region):
            continue
        said_so = b.coverage(f.sentence.text, synonyms=True)
        if said_so and (place not in closest or said_so + float(b.sims[f.row]) > closest[place][0]):
            closest[place] = (said_so + float(b.sims[f.row]), said_so, f)
    ranked = sorted(closest.values(), key=lambda c: -c[0])
    added = [f for _, _, f in ranked[: max(SUMMARY_POINTS[0] - len(points), 0)]]
    cases += sum(bool(f.chunk.region) for f in added)
    more = [f for _, said_so, f in ranked if f.chunk.region and f not in added and said_so >= MIN_CLOSE_COVERAGE]
    for f in added + more[: max(MIN_OTHER_PLACES - cases, 0)]:
        points.append((place_of(f.chunk), [f]))
    def row(point: tuple[str, list[Found]]) -> int:
        return point[1][0].row

    points = sorted(points[:own], key=row) + sorted(points[own:], key=row)
    lines = [f"What the documents say about {topic}:"]
    for label, body in points:
        said: list[str] = []
        section = ""
        for f in body:
            if label != place_of(f.chunk) and f.chunk.section != section:  # a section of the chapter: its title first
                said.append(f"**{_section_title(f)}**:")
                section = f.chunk.section
            said.append(f"{item_text(f.sentence.text)} {b.cite(f)}")
        lines.append(f"- **{label}** (p. {body[0].sentence.page}): {' '.join(said)}")
    return b.answer("\n".join(lines))


def _chapter(found: Found) -> str:
    """The chapter a section belongs to ('Recommendations' for one recommendation), or '' for a chapter itself."""
    section = found.chunk.section
    return section.rsplit(SECTION_SEP, 1)[0].rsplit(SECTION_SEP, 1)[-1] if SECTION_SEP in section else ""


def _section_title(found: Found) -> str:
    return found.chunk.section.rsplit(SECTION_SEP, 1)[-1]


def _what_follows(part: Part, found: list[Found]) -> list[Found]:
    """The sentences on what was asked, each with the ones just after it in its section that name something or give a
    figure, while the summary keeps room for the case study's opening and one more point: the paragraph goes on about
    it ('Skills shortages ... are a concern. The Humber currently benefits from two University Technical Colleges ...
    HETA, a Group Training Association ...')."""
    every = {f.row: f for f in sentences(part)}
    followers: dict[int, list[Found]] = {}  # each sentence's, kept after it: the best fitting still leads
    taken = len(found)
    for f in found:
        for row in range(f.row + 1, f.row + 1 + FOLLOWING):
            after = every.get(row)
            if after is None or after.chunk.section != f.chunk.section or taken >= SUMMARY_POINTS[1] - 2:
                break
            if after in found or any(after in fs for fs in followers.values()):
                continue
            if not CONTINUES.match(after.sentence.text) and (_names_new(after) or _count_numbers(after)):
                followers.setdefault(f.row, []).append(after)
                taken += 1
    return [g for f in found for g in (f, *followers.get(f.row, []))]


def _names_new(found: Found) -> list[str]:
    """The names a sentence gives beyond its own case study's place and the acronyms everyone knows ('AI')."""
    own = set(terms(found.chunk.region)) | {t for alias in aliases_of(found.chunk.region) for t in terms(alias)}
    body = found.sentence.text.split(" ", 1)[1] if " " in found.sentence.text else ""
    return [n for n in names_in(body) if n not in COMMON_ACRONYMS and not set(terms(n)) <= own]


def _case_summary(b: Builder, part: Part, first: list[Found] | None = None) -> Answer | None:
    """What the cluster is (its opening sentence), then the sentences that are both central to the case
    study and carry the most facts: figures and names. The sentences on what was asked, if any, come first."""
    found = list(sentences(part))
    if not found:
        return None
    first = first or []
    rest = [f for f in found[1:] if not is_heading(f) and f not in first]
    opening = [found[0]] if found[0] not in first else []
    # a briefing on a cluster says what holds it back: the most central sentence on its challenges has a place
    said = any(HOLDS_BACK.search(f.sentence.text) for f in first)
    hard = [] if said else [(f, len(HOLDS_BACK.findall(f.sentence.text))) for f in rest]
    most = max((n for _, n in hard), default=0)  # the sentence naming the most: 'skills gaps ... are barriers'
    challenge = informative(b, [f for f, n in hard if n and n == most], 1)
    # ...and what it is an example of ('an example of how taking a mission-based approach …'), when it says so
    lesson = _one_saying(b, LESSON, first, rest, challenge)
    # ...and what it says would help ('would benefit from consistency of funding', 'potential to explore a single pot')
    helps = _one_saying(b, WOULD_HELP, first, rest, challenge + lesson)
    # ...and how others have put it, in quotes ('referred to as "a compact geography with a lot of drug discovery"')
    quoted = _one_saying(b, TAGLINE, first, rest, challenge + lesson + helps)
    # ...and what the case study says it is about ('While this case study primarily focuses on AI applications in
    # healthcare, ...')
    focus = _one_saying(b, OWN_FOCUS, first, rest, challenge + lesson + helps + quoted)
    kept = challenge + lesson + helps + quoted + focus
    slots = SUMMARY_POINTS[1] - len(opening) - len(kept)
    others = opening + kept + informative(b, [f for f in rest if f not in kept], slots)
    chosen = first + sorted(others, key=lambda f: f.row)[: SUMMARY_POINTS[1] - len(first)]
    return _points(
        b, f"The {part.label} case study ({pages_of([part])}), in brief:", chosen, also=_also_named(found, chosen, part),
        figures=_also_figures(found, chosen),
    )


def _one_saying(b: Builder, said: re.Pattern[str], first: list[Found], rest: list[Found], taken: list[Found]) -> list[Found]:
    """The most central of the sentences saying it (said), none taken already; none when the sentences on what was
    asked (first) say it."""
    if any(said.search(f.sentence.text) for f in first):
        return []
    return [f for f in informative(b, [f for f in rest if said.search(f.sentence.text)], 1) if f not in taken]


def _defining(title: str) -> re.Pattern[str] | None:
    """A section titled 'What is a regional innovation cluster and why are they important?' answers it in the
    sentences whose subject is what it asks about ('Clusters are important because …', 'A cluster is more than …',
    'They concentrate …')."""
    asked = WHAT_IS.match(title)
    if not asked:
        return None
    head = asked.group(1).split()[-1].rstrip("s")
    # ...and a term it brings in to say so, defined in a sentence of its own ('An innovation ecosystem enables ...')
    return re.compile(
        rf"^(?:(?:an?|the)\s+)?(?:\w+\s+){{0,3}}{re.escape(head)}s?\s+(?:is|are|refers?)\b|^(?:they|it)\s"
        r"|^an?\s+(?:[\w-]+\s+){1,3}(?:is|are|enables?|refers? to|means?)\b",
        re.I,
    )


def _central(b: Builder, parts: list[Part], keep: re.Pattern[str] | None = None) -> list[Found]:
    """The section's opening sentence (what it is about: 'Regional innovation clusters refer to …'), the sentences
    keep() matches (up to KEPT), then its central, fact-rich sentences."""
    found = [f for part in parts for f in sentences(part) if not is_heading(f)]
    if not found:
        return []
    candidates = [f for f in found[1:] if keep.search(f.sentence.text)] if keep else []
    # 'They concentrate …' right after the opening sentence goes on with its point, in its bullet (_points)
    follows = [f for f in candidates if _goes_on(f, found[0])]
    kept = follows + informative(b, [f for f in candidates if f not in follows], KEPT)
    rest = informative(b, [f for f in found[1:] if f not in kept], SUMMARY_POINTS[1] - 1 - len(kept) + len(follows))
    return sorted([found[0], *kept, *rest], key=lambda f: f.row)


def _goes_on(found: Found, opening: Found) -> bool:
    """Does the sentence go straight on from the opening one, saying more of what it names ('They …', 'It …')?"""
    return found.row == opening.row + 1 and found.chunk is opening.chunk and bool(GOES_ON.match(found.sentence.text))


def informative(b: Builder, found: list[Found], most: int) -> list[Found]:
    """Sentences central to the set (cosine to its centroid) and rich in facts, not repeating each other."""
    if not found:
        return []
    vectors = b.retriever.sentence_vectors[[f.row for f in found]]
    relevance = vectors @ vectors.mean(axis=0) + SECTION_INFO_WEIGHT * np.array([_facts(f.sentence.text) for f in found])
    return mmr(b, found, relevance, most)


def _facts(text: str) -> int:
    """Figures and names in a sentence (not counting its first word), up to MAX_FACTS."""
    body = text.split(" ", 1)[1] if " " in text else ""
    return min(MAX_FACTS, len(re.findall(r"\d[\d,.]*", body)) + len(names_in(body)))


def mmr(b: Builder, found: list[Found], relevance: np.ndarray, most: int = SUMMARY_POINTS[1]) -> list[Found]:
    """Maximal marginal relevance: central (or relevant) sentences that do not repeat each other; in document order."""
    n = min(most, max(SUMMARY_POINTS[0], int(len(found) / SENTENCES_PER_POINT)), len(found))
    vectors = b.retriever.sentence_vectors[[f.row for f in found]]
    chosen: list[int] = []
    while len(chosen) < n:
        redundancy = (vectors @ vectors[chosen].T).max(axis=1) if chosen else np.zeros(len(found))
        scores = MMR_LAMBDA * relevance - (1 - MMR_LAMBDA) * redundancy
        scores[chosen] = -np.inf
        chosen.append(int(np.argmax(scores)))
    return sorted((found[i] for i in chosen), key=lambda f: f.row)


def is_heading(found: Found) -> bool:
    text = found.sentence.text
    return text.rstrip().endswith(":") or (text.startswith("•") and len(text.split()) < 12)


def _said_before(found: Found, chosen: list[Found]) -> Found | None:
    """The sentence before one that opens by pointing back at it ('This could provide a model for ...'), in its
    chunk, when it is no heading and not a point already."""
    if not REFERS_TO_PREVIOUS.match(found.sentence.text):
        return None
    at = found.chunk.sentences.index(found.sentence)
    if at == 0:
        return None
    before = Found(found.chunk, found.chunk.sentences[at - 1], found.row - 1)
    if before.row in {f.row for f in chosen} or is_heading(before):
        return None
    return before


def _also_named(found: list[Found], chosen: list[Found], part: Part) -> list[tuple[str, Found]]:
    """The names (organisations, programmes, places, plans) in a case study's other sentences that its summary
    points leave out, each with the first sentence naming it: a briefing wants them all."""
    said = " ".join(normalise(f.sentence.text) for f in chosen) + " " + normalise(part.label)
    seen: dict[str, tuple[str, Found]] = {}
    for f in found:
        if f in chosen:
            continue
        for name in names_in(f.sentence.text):
            name = OPENER.sub("", name).strip()
            name = re.sub(r"['’]s?$", "", name)
            key = normalise(name)
            short = re.search(rf"{re.escape(name)}\s*\(([A-Z][A-Za-z&]{{1,9}})\)", f.sentence.text)
            shown = f"{name} ({short.group(1)})" if short else name  # 'Greater Manchester Combined Authority (GMCA)'
            spelt = name.isupper() and name.lower() in {  # 'HPO' after 'High Potential Opportunity'
                "".join(w[0] for w in k.split() if w not in ("of", "and", "for", "the")) for k in seen
            }
            if is_proper_name(name) and not YEAR_LIKE.search(name) and key not in said and key not in seen and not spelt:
                seen[key] = (shown, f)
    return list(seen.values())[:MAX_ALSO_NAMED]


def _also_figures(found: list[Found], chosen: list[Found]) -> list[tuple[str, Found]]:
    """The figures in a case study's other sentences, each in the words around it ('growing at 4.2% annually',
    'an estimated investment ask of £171 million'): a briefing wants the numbers its points leave out."""
    out: list[tuple[str, Found]] = []
    for f in found:
        if f in chosen or is_heading(f):
            continue
        for clause in re.split(r"\s*[,;:()–]\s*|\s+-\s+|\s+(?=but\b|while\b|whereas\b|as well as\b)", f.sentence.text):
            if not FIGURE.search(clause) or YEAR_LIKE.fullmatch(clause.strip()):
                continue
            words = clause.strip(" .").split()
            if len(words) > CLAUSE_WORDS:  # the words nearest the figure
                at = next(i for i, w in enumerate(words) if FIGURE.search(w + " x"))
                words = words[max(0, at - CLAUSE_WORDS // 2) : at + CLAUSE_WORDS // 2 + 1]
            out.append((" ".join(words), f))
    return out[:MAX_FIGURES]


def _points(
    b: Builder,
    lead: str,
    chosen: list[Found],
    *,
    label: bool = False,
    also: list[tuple[str, Found]] | None = None,
    figures: list[tuple[str, Found]] | None = None,
) -> Answer | None:
    if not chosen:
        return None
    lines = [lead]
    for i, f in enumerate(chosen):
        if i == 1 and _goes_on(f, chosen[0]) and not label:  # 'They concentrate …': the opening point, said on
            lines[-1] += f" {item_text(f.sentence.text)} {b.cite(f)}"
            continue
        where = place_of(f.chunk)
        prefix = f"**{where}** (p. {f.sentence.page}): " if label else ""
        before = _said_before(f, chosen)  # 'This could provide a model ...': what 'this' is comes first
        said = f"{item_text(before.sentence.text)} {b.cite(before)} " if before else ""
        lines.append(f"- {prefix}{said}{item_text(f.sentence.text)} {b.cite(f)}")
    if figures:
        lines.append("\nIn figures: " + "; ".join(f"{text} {b.cite(f)}" for text, f in figures) + ".")
    if also:
        lines.append("\nAlso named: " + ", ".join(f"{name} {b.cite(f)}" for name, f in also) + ".")
    return b.answer("\n".join(lines))


