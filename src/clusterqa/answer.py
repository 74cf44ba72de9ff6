"""Passages -> Answer: the sentences that answer the question, cited, or a plain abstention.

Answerers are chosen by name from ANSWERERS. The extractive answerer needs no
model beyond the embeddings: it picks the best-fitting sentence(s) of the
retrieved passages, checks the fit is good enough to be an answer at all, and
otherwise says the documents do not answer and lists the sections it looked at.
The `llm` answerer (llm.py) phrases answers with a chat model and keeps only
the sentences their citations support.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from .errors import UnknownNameError

if TYPE_CHECKING:
    from .index import Embedder
    from .settings import Settings
from .chunking import SECTION_SEP
from .questions import (
    FIGURE_KINDS,
    MONEY,
    REFERS_BACK,
    body_asked,
    holds_kind,
    mentions,
    names_missing,
    prefers,
    question_names,
    question_type,
    quoted_in,
    says_how_made,
    says_who_did,
)
from .retrieve import TOWNS, Passage, Retrieval, ScoredSentence
from .text import CONTINUES, core_question, normalise, question_terms, terms, without_scene

MIN_COVERAGE = 0.5  # share (IDF-weighted) of the question's terms the answer sentence must hold...
MIN_DENSE = 0.4  # ...or this cosine similarity to the question
MIN_TYPED_DENSE = 0.65
BARE_ITEM_WORDS = 5  # a list item this short is no answer by closeness alone
COMPARISON_ASKED = re.compile(  # 'who is better placed than central ministries', 'devolved bodies vs ..., which do it better'
    r"\b(?:better|worse|more (?:effective|able|suited)|best)(?: placed| suited)?\b[^?]*\b(?:than|or)\b"
    r"|\b(?:than|or)\b[^?]*\b(?:better|worse)\b",
    re.I,
)
COMPARISON_SAID = re.compile(r"\b(?:better|worse|more \w+|less \w+)\b[^.;]{0,80}\bthan\b", re.I)
RARE_KINDS = ("distance", "duration")  # values few sentences hold: the kind itself is most of the fit
WHICH_PLACE = re.compile(  # asks which case study something belongs to
    r"\b(?:which|what) (?:case[- ]study )?(?:area|cluster|region|place|case study|city region|county|part of the north|"
    r"patch|locality|part of the country|corner of the north)(?:'s)?\b"
    r"|\bwhere (?:is|are|was) (?:that|this|it)\b",
    re.I,
)
WHICH_SECTION = re.compile(  # asks which theme or recommendation something comes under
    r"\b(?:under|in|within) which (?:recommendation|theme|section|heading|sub-?section)\b"
    r"|\bwhich (?:recommendation|theme|heading)\b(?! (?:is|are|was|were) (?:about|on)\b)",
    re.I,
)
OFF_STEER_PENALTY = 0.1  # off a sentence's score when the question names another case study's place
LISTED_BONUS = 0.3  # on an item of the list a question points at, naming the case study it asks about
TITLED_BONUS = 0.2  # on it, for counting the things its section is titled by
MIN_TYPED_COVERAGE = 0.25  # for "how many / how much / when" questions, with the asked-for kind of value
REASON_ASKED = re.compile(  # a question after the cause or the how of something
    r"^\W*(?:why|how (?:did|does|do|has|have|come)|what (?:explains|accounts for|lies behind|is behind|drove|drives|caused)|"
    r"what(?:'s| is| was) the reason)\b"
    r"|\b(?:credit|credits|credited|attribute|attributes|attributed)\b",  # 'to what does the report credit its success'
    re.I,
)
CONTINUATION_RATIO = 0.6  # a continuing sentence joins the best one when it scores this close
SECOND_SENTENCE_RATIO = 0.9  # a second sentence joins when it scores this close to the best
TWO_ASKS_RATIO = 0.8  # ...or this close, for a question asking two things ('X and Y')
MAX_SENTENCES = 3
RECOMMENDED = re.compile(r"\brecommend", re.I)
TITLE_WORDS = 16  # a sentence this short may be a title that a bullet elsewhere says in full
BULLET_HEADING_WORDS = 12  # a bulleted sentence this short is a heading: the next sentence joins it
WHO_OR_WHICH = re.compile(r"^\W*(?:who|whom|whose|which)\b", re.I)  # a question asking for a name
REFERS_TO_PREVIOUS = re.compile(r"^(?:This|These|Such|That|Those)\b(?! (?:report|publication|case study|section)\b)")
# 'It is happening in SMEs …': the sentence before says what 'it' is ('much of the innovation … is more incremental')
IT_SAYS_MORE = re.compile(  # (not 'It is now difficult to discuss …': that 'it' points forward)
    r"^(?:It|They) (?:is|are|was|were|has|have|had|will|would|can|could|also|then|now)\b"
    r"(?!(?: \w+ly| now| also| still)? (?:[\w-]+ ){1,2}(?:to|that|whether)\b)"
)
MAX_LIST_ITEMS = 12
ABSTAIN_TEXT = "The documents do not answer this question."
NEAREST_SECTIONS = 3  # places an abstention names
REMEDY_ASKED = re.compile(  # a fix asked for: 'what fix does the case float', 'what funding reform does it suggest'
    r"\b(?:fix|fixes|remedy|remedies|solution|solutions|cure|reform|way (?:round|around|out)|answer to|alternatives?)\b", re.I
)
REMEDY_SAID = re.compile(
    r"\bthere is (?:potential|an opportunity|scope|a case) to\b|\bwould benefit from\b|\boffers? an opportunity\b"
    r"|\bcould (?:be|help|provide)\b|\bshould\b|\bsolutions?\b",  # ('Some of these can have locally derived solutions')
    re.I,
)
LISTING_RATIO = 0.5  # ...when it fits at least this share as well as the best sentence
KINDS_ASKED = re.compile(r"\b(?:what|which)\b[^?]*\b(?:types|kinds|strands|forms|sorts|categories)\b", re.I)
KINDS_OF = re.compile(r"\b(?:types|kinds|strands|forms|sorts|categories) of ([\w-]+(?: [\w-]+)?)", re.I)  # of what
SERIES = re.compile(r"\b[\w-]+(?: [\w-]+)?, (?:[\w-]+ ){0,3}[\w-]+,? and ")  # 'research, business support, and ...'
EXAMPLES = re.compile(r"\b(?:such as|including|e\.g\.|namely)\b", re.I)
ENUMERATION = re.compile(r"\b(?:such as|including|e\.g\.,?|namely)\s+[^.;]*?,[^.;]*?,", re.I)  # three or more named
LIST_QUESTION = re.compile(
    # ('list' asks, 'the overview list' does not)
    r"\b(what are|which are|(?<!overview )(?<!the )list(?! (?:of (?:the )?)?case studies\b)|name the|name all|what were|"
    r"which (?:\w+ )?(?:sites|companies|firms|"
    r"organisations|organizations|sectors|industries|themes|recommendations|clusters|areas|bodies))\b",
    re.I,
)


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
class Dropped:
    """A generated sentence left out because the passages it cites do not support it."""

    sentence: str
    cited: tuple[int, ...]
    reason: str


@dataclass(frozen=True)
class Generation:
    """How an LLM answer was made: the model, what the citation check dropped, and why (if) the
    extractive answer stands in for it."""

    model: str
    dropped: tuple[Dropped, ...] = ()
    fallback: str = ""  # "" when the model's answer stands; else why the extractive answer is shown
    note: str = ""  # shown to the reader under the answer

    def to_dict(self) -> dict[str, Any]:
        return {
            "answerer": "llm",
            "model": self.model,
            "dropped": [{"sentence": d.sentence, "cited": list(d.cited), "reason": d.reason} for d in self.dropped],
            "fallback": self.fallback or None,
            "note": self.note,
        }


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
    route: str = "fact"  # fact | list | aggregate | compare | summary (see routes.py)
    generation: Generation | None = None  # set by the llm answerer only

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
            "route": self.route,
        } | (self.generation.to_dict() if self.generation else {})


class Answerer(Protocol):
    def __call__(self, retrieval: Retrieval) -> Answer: ...


def extractive_answer(retrieval: Retrieval) -> Answer:
    """Pick the best sentence(s) that hold what is asked; abstain when none fits well enough."""
    question = retrieval.question
    kind, detail = question_type(question)
    names = _subjects(question_names(without_scene(question)), retrieval.unknown_names)
    # the sentence holding the words a question quotes is what it asks about, unless it asks a figure or a date of
    # them ("'long-term consistent funding' - over how many years?"), which that sentence must give as any other would
    quotes = quoted_in(question) if kind not in FIGURE_KINDS else lambda sentence: False
    asked_of = body_asked(question)  # 'when was NP11 founded': NP11 said, not just the document's name
    candidates = [
        (p, s)
        for p in retrieval.passages
        for s in p.sentences
        if (holds_kind(kind, detail, s.sentence.text, question) or quotes(s.sentence.text))
        # an acronym asked about is spelled out anywhere; a typed answer's passage must hold the names asked about
        and (kind in ("", "acronym") or mentions(p, names, s.sentence.text, retrieval.spelled, asked_of))
    ]
    # a name the documents never use is no subject of theirs, unless it is a town of a region they cover ('the
    # life sciences cluster around Macclesfield'): that is context, and the fit below decides
    if not candidates or any(not _towns(name) for name in retrieval.unknown_names):
        return abstain(retrieval)
    if retrieval.unknown_names and set(question_terms(question)) <= TOWN_TERMS:  # 'what does it say about Leeds?': the
        return abstain(retrieval)  # town it never names is all that is asked about, no context for anything else
    nudge = prefers(question)
    steered = set(retrieval.steered_to)

    counted = set(terms(detail)) if kind == "count" else set()

    def elsewhere(p: Passage) -> float:  # a question about Greater Manchester is seldom answered in West Yorkshire,
        outside = retrieval.pointed and (p.chunk.source, p.chunk.section) not in retrieval.pointed
        # ...nor one on the headline recs; unless it is in the section the question points at ('on the overview list,
        # what is South Yorkshire's cluster given as')
        off = OFF_STEER_PENALTY if steered and p.chunk.region not in steered and (outside or not retrieval.pointed) else 0.0
        # 'how many case studies': where the section titled by what is counted counts them ('Our eleven case studies')
        titled = counted and not p.chunk.region and counted <= set(terms(p.chunk.section))
        return off + (OFF_STEER_PENALTY if outside else 0.0) - (TITLED_BONUS if titled else 0.0)

    def listed(p: Passage, s: ScoredSentence) -> bool:  # 'on the overview list, what is South Yorkshire's cluster given
        # as': the item of the list pointed at that names the place asked about ('• South Yorkshire: Metallurgy')
        pointed_at = (p.chunk.source, p.chunk.section) in retrieval.pointed
        return pointed_at and s.sentence.text.startswith("• ") and any(region in s.sentence.text for region in steered)

    items_pointed_at = {id(s) for p, s in candidates if listed(p, s)}
    ranked = sorted(
        candidates,
        key=lambda ps: -(
            ps[1].score + nudge(ps[1].sentence.text) - elsewhere(ps[0]) + (LISTED_BONUS if id(ps[1]) in items_pointed_at else 0.0)
        ),
    )
    passage, best = ranked[0]
    # whether anything answers is decided on fit alone; the nudges only choose among sentences that may answer
    plain_best = max((s for _, s in candidates), key=lambda s: s.score)
    spelled_out = kind == "acronym"  # holding the acronym's expansion is a fit in itself
    who_did = says_who_did(question)  # ...and so is saying who did the deed asked about, in however few of its words
    # ...and the report saying how it was made, asked so of the report ('how were the eleven chosen'), not of a place
    how_made = says_how_made(question) if kind not in FIGURE_KINDS and not retrieval.steered_to else lambda sentence: False

    compared = bool(COMPARISON_ASKED.search(question))

    def fit(s: ScoredSentence) -> bool:
        if id(s) in items_pointed_at:  # the item of the list pointed at, however bare ('• South Yorkshire: Metallurgy')
            return True
        # ...and so is holding the words the question quotes ('"the vital fuel for innovation" - what is it?')
        # ...and a travel time or a span of time asked for, so seldom given that holding one in a sentence near the
        # question is fit enough ('within how short a trip ...': 'within the radius of a 10-minute car journey')
        if kind in RARE_KINDS and s.dense >= MIN_DENSE:
            return True
        # ...and, for 'who is better placed than central ministries to ...', a sentence saying who is better than whom
        if compared and COMPARISON_SAID.search(s.sentence.text) and s.coverage >= MIN_TYPED_COVERAGE:
            return True
        return fits(s, typed=bool(kind)) or who_did(s.sentence.text) or quotes(s.sentence.text) or how_made(s.sentence.text)

    if not spelled_out and not fit(best) and not fit(plain_best):
        fitting = [ps for ps in ranked if fit(ps[1])]
        if not fitting:
            return abstain(retrieval)
        passage, best = fitting[0]  # the closest sentence is no answer; the closest that is good enough may be
    titled = (passage, best)
    fuller = _said_in_full(retrieval, best) if not kind else None
    if fuller is not None:  # a theme's title, said in full on the page that lists them all: that page's words
        passage, best = fuller
    if names_missing(question)(best.sentence.text):  # names asked for, and the answer would give none
        return abstain(retrieval)
    # (not the list the report chose; nor the list a bullet gives itself: '• Research capacity ... serving as a conduit
    # of knowledge and practice, attracting high-quality talent, and raising the profile ...')
    listing_itself = best.sentence.text.startswith("• ") and bool(SERIES.search(best.sentence.text))
    if LIST_QUESTION.search(question) and not how_made(best.sentence.text) and not listing_itself:
        items = _list_items(passage)
        if items:
            return _compose(retrieval, items, bullets=True)
    chosen = [(passage, best)]
    lead = _antecedent(passage, best)
    if lead is not None:  # "This could provide a model ...": the sentence before says what "this" is
        chosen.insert(0, (passage, lead))
    elif WHO_OR_WHICH.match(core_question(question)) and REFERS_BACK.match(best.sentence.text):
        named = _named_before(passage, best)  # "Which firm is investing …?" - "In the meantime, it is investing …"
        if named is not None:
            chosen.insert(0, named)
    # what the report says of how it was made stands alone: 'we have chosen to focus on the clusters below, ...:' asks
    # no list after it
    alone = kind or how_made(best.sentence.text) or id(best) in items_pointed_at  # (an item pointed at leads into nothing)
    # (a title said in full still leads into what its own section goes on to say)
    follow = _continuation(retrieval, *(titled if fuller else (passage, best))) if not alone else None
    most = MAX_SENTENCES
    if follow is not None:  # what the best sentence leads into takes no place from the next best sentence
        chosen.append(follow)
        most += 1
    kinds = KINDS_OF.search(question) if KINDS_ASKED.search(question) else None
    said = {c.sentence.text for _, c in chosen}
    if kinds and not any(EXAMPLES.search(text) or SERIES.search(text) for text in said):
        # 'what types of policy support should be combined': the closest sentence naming several of them ('policy
        # support such as direct R&D funding, business support programmes, ...') takes no place either
        of = set(terms(kinds.group(1)))
        listing = [
            ps for ps in ranked
            if ENUMERATION.search(ps[1].sentence.text) and ps[1].score >= best.score * LISTING_RATIO
            and of & set(terms(ps[1].sentence.text)) and ps[1].sentence.text not in said
        ]
        if listing:
            chosen.append(listing[0])
            most += 1
    # a sentence adds something only with a term the answer lacks; the author's name ('does NP11 want') is no such term
    covered = set(terms(" ".join(c.sentence.text for _, c in chosen))) | retrieval.author
    # 'the areas of high specialisation and the three main sites': two things asked, each may take its own sentence
    ratio = TWO_ASKS_RATIO if re.search(r"\band\b", core_question(question)) else SECOND_SENTENCE_RATIO
    for p, s in ranked[1:]:
        if len(chosen) >= most or s.score < best.score * ratio:
            break
        new_terms = set(retrieval.question_terms) & (set(terms(s.sentence.text)) - covered)
        if new_terms and s.sentence.text not in {c.sentence.text for _, c in chosen}:
            chosen.append((p, s))
            covered |= set(terms(s.sentence.text))
    for p, s in list(chosen) if not kind else ():
        more = _also_funded(retrieval, p, s)  # '... £45m ... as well as £80m ... . West Yorkshire was also awarded a £7.5m'
        if more is not None and more[1].sentence.text not in {c.sentence.text for _, c in chosen}:
            chosen.insert(chosen.index((p, s)) + 1, more)
    return _compose(retrieval, chosen, bullets=False, lead=passage)


def _antecedent(passage: Passage, best: ScoredSentence) -> ScoredSentence | None:
    """The sentence before the best one, when the best one opens by pointing back at it ('This could ...',
    'These ...'), and is not itself a heading."""
    if not REFERS_TO_PREVIOUS.match(best.sentence.text) and not IT_SAYS_MORE.match(best.sentence.text):
        return None
    before = [s for s in passage.sentences if s.position == best.position - 1]
    if not before or before[0].sentence.text.startswith("• ") or before[0].sentence.text.rstrip().endswith(":"):
        return None
    return before[0]


def _named_before(passage: Passage, best: ScoredSentence) -> tuple[Passage, ScoredSentence] | None:
    """The sentence before one that says 'it' or 'they' early on, in this chunk or, for its first sentence, the
    last of the chunk before in the same section: who 'it' is, for a question asking who or which."""
    if best.position > 0:
        before = [s for s in passage.sentences if s.position == best.position - 1]
        return (passage, before[0]) if before else None
    chunk = passage.before
    if chunk is None or not chunk.sentences:
        return None
    last = ScoredSentence(chunk.sentences[-1], len(chunk.sentences) - 1, 0.0, 0.0, 0.0)
    return Passage(chunk, 0.0, 0.0, 0.0, (last,)), last


def _following(
    retrieval: Retrieval, passage: Passage, sentence: ScoredSentence, *, across: bool
) -> list[tuple[Passage, ScoredSentence]]:
    """The sentence after this one in its passage; or, when it ends its passage and across is set, the first of the
    retrieved passage that goes on from it (none, or one)."""
    following = [(passage, s) for s in passage.sentences if s.position == sentence.position + 1]
    if not following and across and sentence.position == len(passage.sentences) - 1:
        following = [
            (p, p.sentences[0])
            for p in retrieval.passages
            if p.before is not None and p.before.id == passage.chunk.id and p.sentences
        ]
    return following


def _continuation(
    retrieval: Retrieval, passage: Passage, best: ScoredSentence
) -> tuple[Passage, ScoredSentence] | None:
    """The next sentence when the best one only leads into it: it ends in a colon, or the next sentence
    goes on about the same subject ('They ...', 'This ...') and fits the question nearly as well, or says the
    why or how a question asks after. For a lead-in, or a why or how, the best sentence may end its passage: then
    the next is the first of the retrieved passage that goes on from it."""
    reason = bool(REASON_ASKED.search(core_question(retrieval.question)))
    following = _following(retrieval, passage, best, across=reason or best.sentence.text.rstrip().endswith(":"))
    if not following:
        return None
    nxt = following[0][1]
    if best.sentence.text.rstrip().endswith(":") and following[0][0] is passage:
        # a heading's own passage: the sentence after it that fits best ('Magic happens at the boundaries between
        # sectors:' -> 'The “magic” at these boundaries is ...', two sentences on), not just the first
        return max(((passage, s) for s in passage.sentences if s.position > best.position), key=lambda ps: ps[1].score)
    if best.sentence.text.rstrip().endswith(":") or _is_bullet_heading(best.sentence.text):
        return following[0]
    if CONTINUES.match(nxt.sentence.text) and nxt.score >= best.score * CONTINUATION_RATIO:
        return following[0]
    # 'what explains its big returns': the best sentence says what is to be explained, the next one why
    if reason and CONTINUES.match(nxt.sentence.text):
        return following[0]
    # 'what fix does the West Yorkshire case float for fragmented funding': the best sentence says the problem, the
    # next what could be done about it ('There is potential to explore a single pot of R&D funding')
    if REMEDY_ASKED.search(retrieval.question) and REMEDY_SAID.search(nxt.sentence.text):
        return following[0]
    return None


ALSO_FUNDED = re.compile(r"^(?:[\w&'’-]+ ){1,5}(?:was |were |has |have |is |are )?(?:also|additionally)\b")


def _also_funded(retrieval: Retrieval, passage: Passage, last: ScoredSentence) -> tuple[Passage, ScoredSentence] | None:
    """The sentence right after one giving sums that says a further sum was 'also' given: the list of funding goes on
    (in the passage, or first in the retrieved passage that goes on from it)."""
    if not MONEY.search(last.sentence.text):
        return None
    following = _following(retrieval, passage, last, across=True)
    if not following or not ALSO_FUNDED.match(following[0][1].sentence.text) or not MONEY.search(following[0][1].sentence.text):
        return None
    return following[0]


def _said_in_full(retrieval: Retrieval, best: ScoredSentence) -> tuple[Passage, ScoredSentence] | None:
    """A title ('• Supporting emerging, rather than just existing clusters, is crucial to levelling up.') that a bullet
    elsewhere says in full, with every one of its words and more ('... is crucial to the objectives of levelling up'):
    that bullet, which says what the title only names."""
    text = best.sentence.text
    # (a heading leading into its explanation is answered by that explanation, where it is, unless the bullet elsewhere
    # gives the list itself: '• Research capacity can be effectively translated locally serving as a conduit of ...,
    # attracting ..., and raising ...'; a recommendation asked after is said where it is made)
    heading = text.rstrip().endswith(":")
    # (...unless the question points at the list that says it in full: 'the headline recommendations talk about ...')
    pointed = retrieval.pointed
    if len(text.removeprefix("• ").split()) > TITLE_WORDS or (RECOMMENDED.search(retrieval.question) and not pointed):
        return None
    said = set(terms(text))
    fuller = [
        (p, s)
        for p in retrieval.passages
        for s in p.sentences
        if s.sentence.text.startswith("• ") and said < set(terms(s.sentence.text)) and s.sentence.page != best.sentence.page
        and (not heading or SERIES.search(s.sentence.text)) and (not pointed or (p.chunk.source, p.chunk.section) in pointed)
    ]
    return fuller[0] if fuller else None


def _is_bullet_heading(text: str) -> bool:
    """'• We need a shift away from small competitive grants.': a recommendation's title, not its substance."""
    return text.startswith("• ") and len(text.split()) <= BULLET_HEADING_WORDS


TOWN_TERMS = frozenset(t for town in TOWNS for t in terms(town))
# words describing who, not naming them: 'the American aerospace giant', 'seed cash from Westminster' (the government),
# 'that cyber force HQ thing'; the passage answering seldom uses them
DESCRIBING_NAMES = frozenset(terms("American British English European Scottish Welsh Irish Whitehall Westminster HQ HQs"))


def _subjects(names: list[set[str]], unknown: tuple[str, ...]) -> list[set[str]]:
    """The names a passage must mention to answer, less the towns given as where ('the university in Newcastle',
    'digital exclusion in Leeds and Bradford') when the documents never name one of them: that is context; and less
    the words that only describe who ('the American aerospace giant')."""
    unnamed = {t for name in unknown if _towns(name) for t in terms(name)}
    return [name for name in names if not (name <= TOWN_TERMS and name & unnamed) and not name <= DESCRIBING_NAMES]


def _towns(name: str) -> bool:
    """Is the name a town, or towns ('Bradford/Leeds'), of a region the documents cover?"""
    return all(part in TOWNS for part in re.split(r"\s*/\s*", normalise(name)))


def fits(best: ScoredSentence, *, typed: bool) -> bool:
    """Is the best sentence a good enough fit to answer at all?"""
    # a bare item ('• South Yorkshire: Metallurgy') is close to any short question naming its place: it fits only
    # by holding what is asked ('what is the weather like in Yorkshire?' is not answered by the list of case studies)
    text = best.sentence.text
    bare = text.startswith("• ") and len(re.findall(r"[^\W\d_][\w'-]*", text)) <= BARE_ITEM_WORDS
    if typed:
        return best.coverage >= MIN_TYPED_COVERAGE or (best.dense >= MIN_TYPED_DENSE and not bare)
    return best.coverage >= MIN_COVERAGE or (best.dense >= MIN_DENSE and not bare)


def _list_items(passage: Passage) -> list[tuple[Passage, ScoredSentence]]:
    """The bullet items of the passage holding the best sentence, when it has a list."""
    bullets = [s for s in passage.sentences if s.sentence.text.startswith("• ")]
    if len(bullets) < 2:
        return []
    return [(passage, s) for s in bullets[:MAX_LIST_ITEMS]]


def _compose(
    retrieval: Retrieval, chosen: list[tuple[Passage, ScoredSentence]], *, bullets: bool, lead: Passage | None = None
) -> Answer:
    """The answer text with a marker per sentence; the passages quoted lead the ranking, the one holding the
    best sentence (lead) first, then in citation order."""
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
    place = chosen[0][0].chunk if chosen else None
    if place is not None and place.region and WHICH_PLACE.search(retrieval.question) and place.region not in text:
        text = f"{place.region} ({place.cluster}): {text}"  # "which cluster does the 1,365 figure belong to?"
    elif place is not None and SECTION_SEP in place.section and WHICH_SECTION.search(retrieval.question):
        text = f"{place.section.rsplit(SECTION_SEP, 1)[-1]}: {text}"  # "under which recommendation does it turn up?"
    cited = [p for p, _ in chosen]
    first = list(dict.fromkeys([lead, *cited] if lead is not None else cited))
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


def nearest_passages(passages: tuple[Passage, ...], n: int = NEAREST_SECTIONS) -> list[Passage]:
    """The first n retrieved passages from distinct (section, page) places: where an abstention looked."""
    seen: set[tuple[str, int]] = set()
    out = []
    for p in passages:
        key = (p.chunk.section, p.chunk.page)
        if key not in seen:
            seen.add(key)
            out.append(p)
        if len(out) == n:
            break
    return out


def abstain(retrieval: Retrieval) -> Answer:
    """Say plainly the documents do not answer, and where we looked."""
    seen = [f"{p.chunk.section or p.chunk.title} (p. {p.chunk.page})" for p in nearest_passages(retrieval.passages)]
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


class LazyAnswerer:
    """A registry entry for an answerer that needs the assistant's settings and embedding model, made by
    `bind` from 'module:factory' on first use, so its optional packages load only when it is chosen."""

    def __init__(self, target: str) -> None:
        self.target = target
        self._default: Callable[[Retrieval], Answer] | None = None

    def bind(self, settings: Settings, embedder: Embedder) -> Callable[[Retrieval], Answer]:
        import importlib

        module, factory = self.target.split(":")
        made: Callable[[Retrieval], Answer] = getattr(importlib.import_module(module), factory)(settings, embedder)
        return made

    def __call__(self, retrieval: Retrieval) -> Answer:
        """Outside an Assistant: bound once to CLUSTERQA_* settings and a freshly loaded model."""
        if self._default is None:
            from .index import make_embedder
            from .settings import Settings

            settings = Settings.from_env()
            self._default = self.bind(settings, make_embedder(settings))
        return self._default(retrieval)


ANSWERERS: dict[str, Callable[[Retrieval], Answer]] = {
    "extractive": extractive_answer,
    "llm": LazyAnswerer("clusterqa.llm:LLMAnswerer"),
}


def get_answerer(name: str) -> Callable[[Retrieval], Answer]:
    if name not in ANSWERERS:
        raise UnknownNameError("answerer", name, list(ANSWERERS))
    return ANSWERERS[name]


def register_answerer(name: str, answerer: Callable[[Retrieval], Answer]) -> None:
    """Add an answerer (an LLM one, or a test fake) under a name."""
    ANSWERERS[name] = answerer
