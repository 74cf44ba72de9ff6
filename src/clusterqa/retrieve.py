"""Question -> ranked passages: dense (Chroma) and BM25 (bm25s) fused by reciprocal rank, steered to the
case study a question names, then re-ranked by how well each passage's best sentence fits the question.

Example:
    >>> retriever = Retriever(index, index.snapshot())
    >>> result = retriever.retrieve("What did the Humber cluster plan lead?", k=5)
    >>> result.steered_to, result.passages[0].chunk.page
    (('Hull & East Yorkshire',), 9)
"""

from __future__ import annotations

import difflib
import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .chunking import SECTION_SEP, Chunk, Sentence
from .errors import UnknownNameError
from .index import Index, Snapshot
from .text import (
    SYNONYMS,
    attributed_terms,
    core_question,
    expansion_of,
    expansions,
    maker_terms,
    normalise,
    question_terms,
    scene_of,
    split_sentences,
    terms,
    without_attribution,
    without_scene,
)

RRF_K = 10  # small: in a corpus of ~100 passages the top few ranks are what matter
STEER_SHARE = 0.6  # a name steers to a case study when this share of its mentions are there
STEER_BONUS = 1.0  # added to fused scores (in units of a first-place RRF vote)
SENTENCE_WEIGHT = 0.7  # weight of the best sentence's fit in the final passage score
DENSE_WEIGHT, COVERAGE_WEIGHT = 1.0, 0.6  # a sentence's fit: cosine to the question + share of its terms
CANDIDATES = 30
INTRO_CUE = re.compile(  # 'according to the intro'; 'the intro spells it out'
    r"\b(?:according to|in|from) the (?:intro|introduction|opening section)\b"
    r"|\bthe (?:intro|introduction|opening section) (?:spells|explains|says|gives|defines|names|describes|sets|lists|mentions)\b",
    re.I,
)
FRONT_CUE = re.compile(  # the report's headline recommendations and the themes summarised before the case studies
    r"\bheadline (?:recs?|recommendations?)\b|\bup front\b|\bnear the (?:front|start|beginning)\b"
    r"|\bsummary of (?:the )?(?:emerging )?themes\b"
    # 'according to the observations', 'what did the researchers observe': the page of observations that sets them out
    r"|\b(?:the|its|their) observations\b|\b(?:researchers|report|authors) observed?\b",
    re.I,
)
OVERVIEW_CUE = re.compile(  # 'on the overview list, which cluster is given for South Yorkshire': the list of case studies
    r"\b(?:on|in|from|according to) the (?:case[- ]stud(?:y|ies) )?overview(?: list| page| section)?\b"
    r"|\bthe list of (?:the )?(?:eleven |11 )?case studies\b"
    r"|\bthe page (?:listing|that lists|with|naming) (?:all )?(?:of )?(?:the )?(?:eleven |11 )?(?:case studies|clusters)\b",
    re.I,
)
HOW_MADE = (  # how the report was made, asked (its method, how it chose its case studies, who did it), and said of itself
    (  # 'how were the eleven chosen': '... we have chosen to focus on the clusters below, recognised in ...'
        re.compile(
            r"\b(?:chose|chosen|choos\w*|pick\w*|select\w*)\b[^?]*\b(?:clusters|case studies|eleven|focus)\b"
            r"|\b(?:clusters|case studies|eleven)\b[^?]*\b(?:chosen|picked|selected)\b",
            re.I,
        ),
        re.compile(r"\bwe (?:have )?(?:chosen|chose|selected)\b", re.I),
    ),
    (  # 'what dataset did the authors lean on', 'did they talk to anyone': 'We have based our analysis on data from ...'
        re.compile(
            r"\bmethodolog\w*|\bevidence base\b|\bevidential basis\b|\bdata ?(?:set|source)s?\b|\bsources? of (?:evidence|data)\b"
            r"|\btalk(?:ed|ing)? to (?:anyone|people|stakeholders|locals)\b|\binterview(?:s|ed|ing)?\b",
            re.I,
        ),
        re.compile(r"\bwe (?:have )?based\b|\bour analysis\b", re.I),
    ),
    (  # 'which consultancy crunched the numbers': 'The in-depth analysis was undertaken by ...'
        re.compile(r"\bcrunch\w*|\bconsultan\w*|\bin-house\b", re.I),
        re.compile(r"\bthe in-depth analysis\b|\bour analysis\b", re.I),
    ),
)
BESIDES_ASKED = re.compile(  # 'besides the firms themselves, what other kinds of organisation ...': the rest of a whole
    r"\b(?:besides|apart from|beyond|other than|aside from|in addition to|as well as)\b[^?]*\b(?:what|which) (?:\w+ )?other\b"
    r"|\b(?:what|which) (?:\w+ )?other\b[^?]*\b(?:besides|apart from|beyond|other than|aside from|in addition to)\b"
    r"|\b(?:the )?other (?:types|kinds|sorts) of\b",
    re.I,
)
CHANCE_ASKED = re.compile(  # 'what new governance arrangement could help', 'what might finally let North Yorkshire compete'
    r"\b(?:new|newly (?:arriving|arrived|created|formed)|arriving|upcoming|incoming|forthcoming)\s+(?:[\w-]+\s+)?"
    r"(?:governance|arrangement|set-?up|body|authority|structure|institution|arrival)\b|\b(?:could|might|would) finally\b",
    re.I,
)
CHANCE_SAID = re.compile(  # 'The incoming York & North Yorkshire MCA offers an opportunity to ...'
    r"\bincoming (?-i:[A-Z])|\b(?:offers?|offered|provides?|providing|presents?) (?:an? )?(?:opportunit|chance)", re.I
)
PAYOFF_ASKED = re.compile(  # 'what's the payoff for a town of hosting one', 'why should a place care about having them'
    r"\b(?:pay-?off|upside)\b|\bwhy (?:should|would|do|does) (?:anyone|anybody|a (?:place|town|city|region)|places|towns|we|you|"
    r"people) (?:care|bother)\b|\bwhy (?:are|is) (?:regional )?(?:innovation )?clusters? worth\b",  # 'worth supporting'
    re.I,
)
PAYOFF_SAID = re.compile(r"\b(?:are|is) important because\b|\bpotential to boost\b", re.I)  # 'Clusters are important because ...'
PAYOFF_VOTES = 2
REAL_DRIVER_ASKED = re.compile(  # 'if specialist firms are only the precondition, what really powers innovation?'
    r"\b(?:really|actually|real|truly|true)\b[^?]*\b(?:drive[rs]?|driving|power(?:s|ing)?|fuel(?:s|ling)?|engine)\b"
    r"|\b(?:only|just|merely) (?:the|a) (?:precondition|prerequisite|entry ticket|starting point|first step)\b"
    r"|\bnecessary but not sufficient\b|\b(?:is|are) (?:that|it|this|they) enough\b",
    re.I,
)
NEEDED_THEN_DRIVER = (  # '... is a prerequisite ..., it is the degree and nature of interactions ... that are ...'
    r"\b(?:while|although|though)\b[^.;]*\b(?:prerequisite|precondition|necessary|needed|important)\b[^.;]*,\s*it is\b"
)
NEEDED_THEN_SAID = re.compile(NEEDED_THEN_DRIVER, re.I)
CONTRAST_SAID = re.compile(NEEDED_THEN_DRIVER + r"|\bmore than (?:just )?a critical mass\b", re.I)
ALSO_SAID = re.compile(  # ...said as a list of what it 'also includes' ('also include research institutions, suppliers, ...')
    r"\balso (?:include|includes|included|comprise|comprises|involve|involves|host|hosts|feature|features|encompass\w*)"
    r"\s+(?:[\w-]+\s+){0,3}[\w-]+,",
    re.I,
)
NOT_YET_MADE = re.compile(r"\b(?:will|next|future|upcoming|planned|plans? to)\b", re.I)  # a report still to come


def done_by(sentence: str) -> str | None:
    """What the sentence says was done by someone it names, in the passive ('The in-depth analysis was undertaken by
    Cambridge Econometrics', '... the cluster mapping tool undertaken by the Department ...'): the thing done."""
    done = PASSIVE_BY.match(sentence) or DONE_BY.search(sentence)
    return done.group("subject") if done else None


def how_made_said(question: str) -> re.Pattern[str] | None:
    """What the report says of itself that answers the question, when it asks how the report was made; else None."""
    said = [made for asked, made in HOW_MADE if asked.search(question)]
    if not said or NOT_YET_MADE.search(question):
        return None
    return re.compile("|".join(p.pattern for p in said), re.I)


HEADLINE_SECTION = re.compile(r"\bheadline recommendations\b", re.I)  # the section that sets them out
CLAIM = re.compile(  # "My notes say ...", "A colleague says ...", "I've seen it said that ...": up to the sentence's end
    r"^\W*(?:my notes|(?:a|my|our) (?:briefing|colleague|draft|note|source|slide|press release|minister|timeline|"
    r"spreadsheet|records?|table|chart|summary|boss|director|manager)|someone|"
    r"i(?:'ve| have)? (?:seen|heard|read)(?: it said)?)\b[^.?!]*[.?!]\s+(?=\S)",
    re.I,
)
SET_ASIDE = re.compile(  # 'Beyond GDP-type gains, what social goals ...': what the question looks past
    r"^\W*(?:beyond|besides|apart from|aside from|other than|leaving aside) (?P<aside>[^,?]{2,40}),\s*", re.I
)
HEDGED_NAME = re.compile(  # 'Anglo Australian I believe', 'iCON I think it's called': a name the asker is unsure of
    r"(?P<name>(?<![\w'’])(?-i:[A-Za-z&-]*[A-Z][\w&'’-]*)(?:\s+(?-i:[A-Z][\w&'’-]*)){0,3}),?\s+"
    r"(?:I think|I believe|I reckon|I guess|if I remember (?:rightly|correctly)|if memory serves)"
    r"(?:\s+(?:it['’]s|it is|that['’]s|they['’]re) (?:called|named|the name))?(?=\s*[,.;:)?—–-])",
    re.I,
)
CLAIMED_FIGURE = re.compile(  # the figures a claim puts forward: '1970s', '2050', '£5m', 'dozens'
    r"['‘\"]?(?:[£$€]?\d(?:[\d,.]*\d)?(?:s|m|bn|%)?|dozens|hundreds|thousands)['’\"]?", re.I
)
TAG_CHECK = re.compile(  # 'X was set up around 2020 - right?', 'Is it true that X got £5m?': a claim to check
    r"(?P<tag>\s*(?:[-–—,]\s*)?\b(?:right|correct|true|yes|yeah|is that (?:right|correct|true)|am I right|"
    r"(?:is|was|does|do|did|has|have)n['’]t (?:it|that|he|she|they|the report|NP11))\s*\?\s*$)"  # '…, doesn't it?'
    r"|^\W*(?:is|was)(?:n['’]t)? it (?:true|right|correct|the case) that\s+",
    re.I,
)
SAYS_ENOUGH = 4  # content terms a question needs to stand without the scene before it
POINTS_BACK = re.compile(  # at the scene before ('what is it'), not at the documents ('these case studies')
    r"\b(?:it|its|they|them|their)\b|\b(?:this|these|those)\b(?! (?:NP11 )?(?:case stud|reports?\b|publication|documents?\b))"
    # 'is that right?', 'that cluster'; not the 'that' of 'the grant that iiCON started out with'
    r"|\bthat\b(?=\s*(?:[?.!,;:]|$))|\b(?:is|was|about|of|on|does|did|with|for|from|by|to) that\b"
    r"|\bthat (?:cluster|case|place|area|region|firm|company|body|scheme|programme|fund|figure|number|year|one|site|project|"
    r"organisation|group|plan|sector|industry)\b",
    re.I,
)
WH_ASKED = re.compile(r"\b(?:what|which|when|where|who|how|why)\b", re.I)  # the claim asks something of its own
CHECKED_FIGURES = (  # a figure a claim gives, and how it is asked for once taken out
    (re.compile(r"\b(?:in |around |about |circa |c\. )?(?:19|20)\d\d(?:s)?\b", re.I), "What year?"),
    (re.compile(r"[£$€]\s?\d[\d,.]*\s*(?:m|bn|k|million|billion|thousand)?\b", re.I), "How much?"),
    (re.compile(r"\b\d[\d,.]*\s?(?:%|per ?cent)", re.I), "What share?"),
)
THE_ONE_BEFORE = re.compile(  # a sentence about the thing the sentence before it named
    r"^(?:The|This|That|These) (?:site|park|campus|company|firm|centre|center|hub|body|organisation|programme|fund)\b"
)
ITS_OWN = re.compile(r"^(?:Its|Their)\b")  # 'Its success to date was due to ...': of the thing the sentence before named
NAMES = re.compile(r"\b[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)+")  # 'Alderley Park', 'AstraZeneca R&D'
COMMON_ACRONYMS = {  # known to every reader, whatever a document's capitals spell: 'US' is not 'University of Sheffield'
    "US", "USA", "UK", "EU", "UN", "IT", "AI", "HR", "PR", "TV", "ID", "OK", "CEO", "GDP", "GVA", "NHS", "PhD", "SME", "SMEs",
    "R&D", "HQ", "HQs", "SpAd", "SpAds", "MP", "MPs", "English",  # ...and 'in plain English', a way to answer
}
EVERYDAY_NAMES = {  # what everyone calls what a document names otherwise: 'the Beeb' for the BBC
    "Westminster": "Whitehall", "Beeb": "BBC", "CO2": "carbon", "Britain": "UK", "H2": "hydrogen",
}
SHORTHAND = {  # a note-taker's short forms, written out: 'wy digital growth rate per yr?', '% of GM firms using adv tech'
    "yr": "year", "yrs": "years", "adv": "advanced", "govt": "government", "dept": "department", "depts": "departments",
    "uni": "university", "unis": "universities", "mfg": "manufacturing", "approx": "approximately", "intl": "international",
    "natl": "national", "orgs": "organisations", "mgmt": "management", "lancs": "Lancashire", "yorks": "Yorkshire",
    "cos": "companies",  # 'no. of chemicals/process cos'
}
EVERYDAY_INITIALS = {"hey", "ny"}  # a greeting and New York, not Hull & East Yorkshire's or North Yorkshire's initials
GENERIC_NAME_WORDS = {  # a word of a longer name, capitalised only there, that names nothing on its own: 'for our
    # research office' is not the Office for Health Improvement and Disparities, nor West Yorkshire
    "office", "protection", "robotics", "livestock", "valley",
}
SEAT_OF_GOVERNMENT = re.compile(  # 'can London run cluster policy from the centre': London as where government sits
    r"\b(?:government|departments?|ministers?|ministr(?:y|ies)|civil serv(?:ice|ants?)|centre|central|centrally|policy)\b"
    # not run from London, steered centrally from London
    r"|\b(?:run|driven|directed|controlled|managed|dictated|steered|decided)\s+(?:\w+ly\s+)?(?:from|by|in)\s+London\b",
    re.I,
)
COMMONLY_SPELLED = {  # what the common ones stand for, which a document seldom spells out: 'nearly 200 SMEs'
    "SME": "small and medium-sized enterprises", "SMEs": "small and medium-sized enterprises", "R&D": "research and development",
    "GVA": "gross value added", "AI": "artificial intelligence", "HQ": "headquarters", "HQs": "headquarters",
}
ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}s?")  # 'UTCs', 'C&W'
SPELLED_OUT = 3  # chunks that spell out an acronym asked about, lifted to the top
COMPOUND_HEAD, COMPOUND_TAIL = 4, 3  # letters of each half of a compound that starts with a question's word ('launch'
# + 'pad'); terms are stemmed, so a longer tail is another word, not a suffix
SYNONYM_CREDIT = 0.5  # share of a question term's weight a sentence earns with a synonym of it (text.SYNONYMS)
_NONE: frozenset[str] = frozenset()
AGENT_ASK = re.compile(  # "who did the in-depth analysis", "which consultancy carried out ...": the doer of a deed
    r"(?:^|[:;,.?!–-]\s)\W*(?:who|which (?:[\w-]+ ){0,2}(?:consultancy|consultants?|firm|company|organi[sz]ation|body|team|"
    r"institution|university|group|agency|outfit))\b[^?]*?\b(?:did|does|do|carried|carries|undertook|undertakes|undertaken|conducted|conducts|"
    r"performed|performs|led|leads|ran|runs|wrote|writes|written|produced|produces|prepared|prepares|delivered|delivers|"
    r"authored|compiled|completed)\b"
    # 'needs to credit whoever did the in-depth analysis behind this NP11 report'
    r"|\bwhoever (?:did|carried out|undertook|conducted|performed|led|ran|wrote|produced|prepared|compiled|authored)\b"
    # 'whose mapping data did the authors lean on', 'whose mapping exercise supplied the numbers': who made what was used
    r"|(?:^|[:;,.?!–-]\s)\W*whose (?:[\w-]+ ){0,3}(?:data|dataset|mapping|analysis|research|study|tool|exercise|work)\b"
    r"(?=[^?]*\b(?:lean|leaned|leant|draw|drew|drawn|rely|relied|use|used|based|supplied|provided|fed|underpin\w*|behind)\b)",
    re.I,
)
PASSIVE_BY = re.compile(  # "The in-depth analysis was undertaken by Cambridge Econometrics": the subject, then the doer
    r"^(?P<subject>.{3,80}?)\s+(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?\w+(?:ed|en|ook|one|un|ht|de)"
    r"\s+by\s+(?:the\s+)?[A-Z]"
)
DONE_BY = re.compile(  # '... data from the cluster mapping tool undertaken by the Department for ...': the thing, then the doer
    r"\b(?P<subject>(?:[\w-]+ )?(?:data|dataset|mapping|analysis|research|study|tool|exercise|work|review))"
    r"\s+(?:undertaken|carried out|conducted|produced|developed|prepared|compiled|published)\s+by\s+(?:the\s+)?[A-Z]"
)
AGENT_VOTES = 2  # votes for a passage saying, in the passive, who did what the question asks about
TYPO_MIN_LENGTH, TYPO_CUTOFF = 6, 0.85  # a capitalised word this long this close to one of the documents' is a typo
RESPELL_MIN_LENGTH, RESPELL_CUTOFF = 5, 0.88  # ...and a lower-case word this long this close, searched for as theirs
COUNT_VOTES = 1  # ...and for one counting the things a 'how many' question asks after
SELF_VOTES = 1  # ...and for one where the report says how it was made, when that is asked
ALSO_VOTES = 1  # ...and for one listing what a whole 'also includes', when what else there is besides a part is asked
CHANCE_VOTES = 2  # ...and for the passages saying a newcomer offers an opportunity, when what new body could help is asked
CONTRAST_VOTES = 1  # ...and for one setting what is needed against what drives, when what really drives it is asked
HOW_MANY_OF = re.compile(
    r"\bhow many\s+((?:(?!(?:do|does|did|is|are|was|were|have|has|of|in|make|work)\b)[\w&-]+\s*){1,2})", re.I
)
VOTES = 3  # dense, keyword, and passages ranked by their best sentence's cosine
NAMED_IN_FULL = re.compile(  # a name of several words, joined as names are ('Robotics and AI Collaboration')
    r"\b[A-Z][\w&'’-]*(?:\s+(?:(?:and|of|for|&)\s+)?[A-Z][\w&'’-]*)+"
)
NOT_OF_THE_NAME = {  # capitalised only for opening the question: 'Which Robotics ...', 'Does Alderley Park ...'
    "which", "what", "who", "whom", "whose", "how", "when", "where", "why", "does", "do", "did", "is", "are", "was", "were",
    "can", "could", "has", "have", "tell", "list", "give", "name", "summarise", "summarize", "in", "on", "for", "as", "the",
}
FEW_PASSAGES = 2  # a name said in this many passages or fewer points at them ('Robotics and AI Collaboration')
NAMED_VOTES = 2  # ...and earns each of them these votes
NAMES_REMEMBERED = 4096  # names looked up and kept, before the lookups start afresh
NAME = re.compile(  # acronyms and internal capitals (iiCON, NESACoE), or runs of capitalised words
    r"\b(?:[a-z]+[A-Z][A-Za-z]*|[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z][a-z]+(?:\s+(?:&\s+)?[A-Z][a-z]+)*)\b"
)


@dataclass(frozen=True)
class ScoredSentence:
    sentence: Sentence
    position: int
    score: float
    dense: float
    coverage: float


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its scores and its sentences scored against the question."""

    chunk: Chunk
    score: float
    dense: float
    keyword: float
    sentences: tuple[ScoredSentence, ...] = field(default=(), compare=False)
    before: Chunk | None = field(default=None, compare=False)  # the chunk before it in the same section

    @property
    def best(self) -> ScoredSentence | None:
        return max(self.sentences, key=lambda s: s.score, default=None)

    @property
    def terms(self) -> set[str]:
        """Terms of the passage and its title and section path (names are matched against these)."""
        return _passage_terms(self.chunk)

    @property
    def source_terms(self) -> set[str]:
        """The words of its file's name ('np11'), which name the document, not what the passage is about."""
        return _source_terms(self.chunk.source)

    @property
    def context_terms(self) -> set[str]:
        """The terms of the chunk before it in the same section: who 'it' is in 'In the meantime, it is investing'."""
        return _passage_terms(self.before) if self.before else set()


@dataclass(frozen=True)
class Retrieval:
    question: str
    passages: tuple[Passage, ...]
    steered_to: tuple[str, ...]
    filters: dict[str, str]
    question_terms: tuple[str, ...]
    unknown_names: tuple[str, ...]
    spelled: dict[str, set[str]] = field(default_factory=dict)  # the question's acronyms as the words they stand for
    author: set[str] = field(default_factory=set)  # names the question uses as who says it ('does NP11 want')
    pointed: frozenset[tuple[str, str]] = frozenset()  # (source, section) the question points to ('the headline recs')


class Retriever:
    """Holds the keyword index and corpus statistics built from one Chroma snapshot."""

    def __init__(self, index: Index, snapshot: Snapshot) -> None:
        import bm25s

        self.index = index
        self.chunks = snapshot.chunks
        self.by_id = {c.id: i for i, c in enumerate(self.chunks)}
        self.sentence_vectors = snapshot.sentence_vectors
        self.chunk_vectors = snapshot.chunk_vectors
        self.sentence_offset: list[int] = []
        offset = 0
        for chunk in self.chunks:
            self.sentence_offset.append(offset)
            offset += len(chunk.sentences)
        # for the best sentence of every chunk in one numpy pass (np.maximum.reduceat) at any corpus size
        self.with_sentences = np.array([i for i, c in enumerate(self.chunks) if c.sentences], dtype=np.int64)
        self.sentence_starts = np.array([self.sentence_offset[i] for i in self.with_sentences], dtype=np.int64)
        docs = [list(terms(f"{own_section(c)} {c.text}")) for c in self.chunks]
        self.bm25 = bm25s.BM25()
        self.bm25.index(docs, show_progress=False)
        self.doc_freq: Counter[str] = Counter(t for d in docs for t in set(d))
        self._expansions: dict[str, str] = {}  # acronym -> the words the documents spell it out with, or ''
        self._sentence_spelled: dict[str, frozenset[str]] = {}  # sentence -> the words its acronyms stand for
        self.source_words: set[str] = set().union(*(_source_terms(s) for s in {c.source for c in self.chunks}))  # files' names
        self._spelling: dict[str, list[int]] = {}  # acronym -> the chunks that spell it out
        self._passives: list[tuple[int, set[str]]] | None = None  # (chunk, subject terms) of 'X was done by Y' sentences
        self._counted: list[set[str]] | None = None  # each chunk's counted things ('nearly 200 SMEs'), for 'how many X'
        self._phrases: dict[tuple[str, str], bool] = {}  # two terms -> do the documents use them as one phrase
        self._named: dict[str, list[int]] = {}  # a name of several words -> the chunks saying it word for word
        self._plain_texts: list[str] | None = None  # each chunk's text normalised, found once, for looking names up
        self.vocabulary = {
            w for c in self.chunks for w in re.split(r"[\s/-]+", normalise(f"{c.title} {c.section} {c.text}"))
        }
        self.vocabulary |= {re.sub(r"'s$", "", w.strip(".,;:()'\"")) for w in self.vocabulary}
        self._long_words = [w for w in self.vocabulary if len(w) >= TYPO_MIN_LENGTH and w.isalpha()]
        self._respell_words = [w for w in self.vocabulary if len(w) >= RESPELL_MIN_LENGTH and w.isalpha() and w.islower()]
        self.steering = dict(_steering_names(self.chunks))  # longest names first, so they win
        # an acronym the documents spell out in the plural names a kind of body, not one ('Local Enterprise
        # Partnerships (LEPs)', 'Mayoral Combined Authorities'): 'my LEP' is the asker's, no case study's
        # (only names that can be acronyms are looked up: a scan of every sentence per name would cost start-up time)
        self.steering = {
            n: r for n, r in self.steering.items()
            if not (ACRONYM.fullmatch(n.upper()) and _names_a_kind(self._expansion(n.upper())))
        }
        names = "|".join(re.escape(name) for name in self.steering) or "(?!)"
        self.steering_pattern = re.compile(rf"(?<![a-z0-9])(?:{names})(?![a-z0-9])")
        self._steering_words = {w for name in self.steering for w in name.split()}  # 'yorks' of 'north yorks'
        # the sections a question can point to by where they sit: a document's opening section ('according to the
        # intro'), and the one setting out its headline recommendations ('the headline recs', 'up front')
        firsts: dict[str, str] = {}
        for c in self.chunks:
            firsts.setdefault(c.source, c.section)
        self.opening_sections = {(source, section) for source, section in firsts.items()}
        self.headline_sections = {(c.source, c.section) for c in self.chunks if HEADLINE_SECTION.search(c.text)}
        # ...and the section the case studies sit under, which lists them ('on the overview list')
        parents = {c.section.split(SECTION_SEP, 1)[0] for c in self.chunks if c.region and SECTION_SEP in c.section}
        self.overview_sections = {(c.source, c.section) for c in self.chunks if not c.region and c.section in parents}

    # --- corpus statistics -------------------------------------------------------

    def idf(self, term: str) -> float:
        n = len(self.chunks)
        return math.log(1 + (n - self.doc_freq.get(term, 0) + 0.5) / (self.doc_freq.get(term, 0) + 0.5))

    def is_phrase(self, first: str, second: str) -> bool:
        """Do the documents use the two terms together, in this order ('advanced manufacturing')? Looked for once
        per pair, in the chunks that hold both."""
        pair = (first, second)
        if pair not in self._phrases:
            self._phrases[pair] = self.doc_freq.get(first, 0) > 0 and any(
                (first, second) in zip(words, words[1:])
                for words in (terms(c.text) for c in self.chunks)
                if first in words and second in words
            )
        return self._phrases[pair]

    @cached_property
    def capitalised(self) -> set[str]:
        """Words the documents write with a capital: names or parts of names ('Show' is not one). Gathered on the
        first question that needs them, not at start-up."""
        written = {
            normalise(part)
            for c in self.chunks
            for w in c.text.split()
            for part in re.split(r"[/-]+", bare_word(w))
            if part[:1].isupper()
        }
        return written | {normalise(w) for c in self.chunks for w in re.split(r"[\s/:,-]+", f"{c.title} {c.section}")}

    def clusters(self) -> list[tuple[str, str]]:
        """(region, cluster) of every case study in the index."""
        return sorted({(c.region, c.cluster) for c in self.chunks if c.region})

    def sources(self) -> list[str]:
        return sorted({c.source for c in self.chunks})

    def resolve_cluster(self, name: str) -> str:
        """A region for a user's --cluster value: region, cluster or 'Region: Cluster', any case, a prefix will do."""
        wanted = normalise(name)
        for region, cluster in self.clusters():
            names = [normalise(region), normalise(cluster), normalise(f"{region}: {cluster}")]
            if wanted in names or any(n.startswith(wanted) for n in names):
                return region
        raise UnknownNameError("cluster", name, [f"{r}: {c}" for r, c in self.clusters()])

    def resolve_document(self, name: str) -> str:
        for source in self.sources():
            if normalise(name) in (normalise(source), normalise(source.rsplit(".", 1)[0])):
                return source
        raise UnknownNameError("document", name, self.sources())

    def steer(self, question: str) -> tuple[str, ...]:
        """Case studies (regions) the question names, by place, cluster or organisation names."""
        found = []
        for match in self.steering_pattern.finditer(normalise(question)):
            region = self.steering[match.group(0)]
            if region not in found:
                found.append(region)
        for token in _acronyms(question):  # 'GM', which the documents spell out as 'Greater Manchester'
            region = self.steering.get(normalise(self._expansion(token)), "") if token not in COMMON_ACRONYMS else ""
            if region and region not in found:
                found.append(region)
        return tuple(found)

    def unknown_names(self, question: str) -> tuple[str, ...]:
        """Capitalised names in the question that the documents never mention (e.g. 'Leeds')."""
        words = question.split()
        unknown = []
        for i, word in enumerate(words):
            token = bare_word(word)
            starts_sentence = i == 0 or re.search(r"[.?!:]['’\")]*$", words[i - 1])
            if starts_sentence or not token[:1].isupper() or len(token) < 3 or token in COMMON_ACRONYMS:
                continue
            if re.fullmatch(r"I['’](?:m|ve|d|ll)", token) or token.lower() in CALENDAR:  # the asker; 'March' is a date
                continue
            # "DSIT-style": the capitalised parts are the name; a lower-case part is an ordinary word
            # ...and "'LEP'/'LEPs'": each quoted form on its own
            parts = [
                normalise(p) for p in map(bare_word, re.split(r"[/-]+", token))
                if p and p[:1].isupper() and p not in COMMON_ACRONYMS
            ]
            if any(not self._known(p) and not self._known(p.rstrip("s")) for p in parts):
                unknown.append(token)
        return tuple(unknown) or self._unknown_runs(words)

    def _known(self, word: str) -> bool:
        """A word the documents use, or another name for a region they cover ('Merseyside'), or a long word one
        slip away from one of theirs ('Coridor', 'Cumbira'): a typo, not a name they never mention."""
        if word in self.vocabulary or word in self.steering or word in self._steering_words:
            return True
        return _typo_of(word, self._long_words)

    def _unknown_runs(self, words: list[str]) -> tuple[str, ...]:
        """A name of several capitalised words ('the Great Yorkshire Show') one of whose words the documents only
        ever write in lower case ('show'): the name of something they do not mention."""
        runs: list[list[str]] = []
        current: list[str] = []
        for i, word in enumerate(words):
            token = bare_word(word)
            quoted = re.search(r"^['‘\"“]|['’\"”][?.,;:!]*$", word)  # "the 'Impact of Cluster Approach' part"
            starts_sentence = i == 0 or re.search(r"[.?!:]['’\")]*$", words[i - 1])
            if token[:1].isupper() and not starts_sentence and not quoted:
                current.append(token)
                if not re.search(r"[,;:.?!)]$", word):
                    continue
            runs.append(current)
            current = []
        runs.append(current)
        return tuple(
            " ".join(run)
            for run in runs
            if len(run) >= 2
            and normalise(" ".join(run)) not in self.steering  # 'North Yorks': a short form of a region's name
            and any(
                len(part) >= 3 and part not in COMMON_ACRONYMS and normalise(part) not in self.capitalised
                and normalise(part) not in self._steering_words  # 'Yorks' of 'North Yorks', a region's short form
                and not _typo_of(normalise(part), self._long_words)  # 'the Cheshire Science Coridor'
                for w in run
                for part in re.split(r"[/-]+", w)
                if part[:1].isupper()
            )
        )

    def without_claimed(self, question: str) -> str:
        """A fact-check ('My notes say Calder Hall was built in the 1970s. Which year does the report give?')
        without the claim's own figures and the names the documents never use ('Preston'): they are what is
        being checked, not what to look for, and must not make the answer abstain."""
        # a name the asker hedges and the documents never use is no name they must mention: 'Which mining
        # multinational, Anglo Australian I believe, partnered with BioVale?' asks which one it was
        for hedged in reversed(list(HEDGED_NAME.finditer(question))):
            if not all(self._known(normalise(bare_word(w))) for w in hedged["name"].split()):
                after = question[hedged.end() :]  # 'Which firm, X I believe, partnered': 'Which firm partnered'
                after = " " + after.lstrip(" ,") if after.lstrip().startswith(",") else after
                question = question[: hedged.start()].rstrip(" ,") + after
        aside = SET_ASIDE.match(question)  # ...and what it looks past, named in words the documents never use
        if aside and self.unknown_names(f"x {aside['aside']}"):
            question = question[aside.end() :]
            question = question[:1].upper() + question[1:]
        claim = CLAIM.match(question)
        if not claim:
            return _checked_as_asked(question)
        said = claim.group(0)
        for name in self.unknown_names(said):
            said = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", "", said)
        said = CLAIMED_FIGURE.sub("", said)
        return re.sub(r"\s+(?=[.,;:?!])|(?<=\s)\s+", "", said + question[claim.end() :]).strip()

    def respelled(self, question: str) -> str:
        """The question with each lower-case word the documents never use, one slip of the keyboard from one they
        do ('helathtech', 'suply'), in their spelling: a typo, searched for as meant; a shorthand written out ('yr',
        'adv'); and a case study's initials as the capitals they are, when no English word ('wy AI growth') or typed
        with every word in lower case ('gm digital economy'). Names are left to unknown_names."""
        english = english_words()
        # typed in lower case but for an acronym everyone writes in capitals ('gm vs west yorks AI clusters')
        lower_case = not re.search(r"[A-Z]", re.sub(r"\b[\w&]+\b", lambda m: "" if m.group(0) in COMMON_ACRONYMS else m.group(0),
                                                   question))

        def fixed(match: re.Match[str]) -> str:
            word = match.group(0)
            if word in SHORTHAND:
                return SHORTHAND[word]
            if (lower_case or word not in english) and word not in EVERYDAY_INITIALS and word.upper() not in COMMON_ACRONYMS:
                spelled = self._expansion(word.upper())
                if spelled and normalise(spelled) in self.steering:
                    return word.upper()
            if word in self.vocabulary or len(word) < RESPELL_MIN_LENGTH or set(terms(word)) <= self.doc_freq.keys():
                return word  # theirs, or another form of theirs ('summarise' for 'summarises'), or too short to tell
            if not english or word in english:  # a word of English ('count', 'strands') is no slip for one of theirs
                return word
            close = difflib.get_close_matches(word, self._respell_words, n=1, cutoff=RESPELL_CUTOFF)
            if not close or close[0][0] != word[0]:
                return word
            # another form of one of theirs ('characterise', 'apprentices') is no slip, and kept as asked; one letter
            # struck for another in a word as long is ('astrazenica')
            slip = len(close[0]) == len(word) and sum(a != b for a, b in zip(word, close[0])) == 1
            if not slip and len(os.path.commonprefix([word, close[0]])) >= max(4, len(word) - 3):
                return word
            return close[0]

        question = re.sub(r"(?<![\w'’&-])[a-z&]+(?![\w'’&-])", fixed, question)
        question = re.sub(r"(?<![\w'’&-])([A-Za-z]+)-([a-z]+)(?![\w'’&-])", self._joined, question)
        question = re.sub(r"(?<![\w'’&-])[A-Z][a-z]+(?![\w'’&-])", self._respelled_name, question)
        if lower_case:  # 'when did the humber freeport open': a place's name, as a name (it must then be where it is said)
            question = self._place_names.sub(lambda m: m.group(0).title(), question)
        return question

    def _joined(self, match: re.Match[str]) -> str:
        """A word they write whole, asked hyphenated ('home-grown' for their 'homegrown'), as they write it; not where
        they write it apart too ('cyber-security': their 'cyber security' beside 'cybersecurity')."""
        first, second = match.groups()
        whole = first + second
        pair = terms(first) + terms(second)
        apart = len(pair) != 2 or self.is_phrase(*pair)
        hyphenated = match.group(0).lower() in self.vocabulary
        return whole if whole.lower() in self.vocabulary and not hyphenated and not apart else match.group(0)

    def _town_as_region(self, match: re.Match[str]) -> str:
        """'Leeds-Bradford' in 'the Leeds-Bradford write-up' -> 'West Yorkshire': the case study its towns name,
        when one of them is a town the documents never mention and they all lie in the same region."""
        towns = [t.lower() for t in re.split(r"\s*(?:-|/|&|\band\b)\s*", match.group("towns")) if t]
        regions = {self.steering.get(TOWNS.get(t, ""), "") for t in towns}
        if len(regions) != 1 or "" in regions or all(t in self.vocabulary for t in towns):
            return match.group(0)
        return next(iter(regions)) + match.group("rest")

    def _respelled_name(self, match: re.Match[str]) -> str:
        """A name one slip from one the documents write ('Salmesbury' for their 'Samesbury'), as they write it: the
        place meant, to be found where they say it."""
        word = match.group(0)
        lowered = word.lower()
        if len(word) < TYPO_MIN_LENGTH or lowered in self.vocabulary or lowered in self._steering_words:
            return word
        close = difflib.get_close_matches(lowered, self._names_written, n=1, cutoff=TYPO_CUTOFF)
        return self._names_written[close[0]] if close and close[0][0] == lowered[0] else word

    @cached_property
    def _names_written(self) -> dict[str, str]:
        """The documents' long capitalised words (lower case -> as written) that are never written in lower case."""
        written = {bare_word(w) for c in self.chunks for w in c.text.split()}
        return {
            w.lower(): w for w in written
            if len(w) >= TYPO_MIN_LENGTH and re.fullmatch(r"[A-Z][a-z]+", w) and w.lower() not in written
        }

    @cached_property
    def _place_names(self) -> re.Pattern[str]:
        """The case studies' places, their other names and their towns, as a question typed in lower case has them."""
        regions = set(self.steering.values())
        places = {normalise(r) for r in regions} | {a for r in regions for a in aliases_of(r)} | set(TOWNS)
        # ...and the one-word names that steer to one, which the documents write only with a capital ('humber', 'iicon')
        text = " ".join(c.text for c in self.chunks)
        places |= {
            key for key in self.steering if re.fullmatch(r"[a-z]{4,}", key) and not re.search(rf"(?<![\w-]){key}(?![\w-])", text)
        }
        words = sorted((p for p in places if re.fullmatch(r"[a-z][a-z ]+", p)), key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")

    def spelled_out(self, question: str) -> str:
        """The question with each acronym the documents never use replaced by the words they spell it out
        with ('the C&W region' -> 'the Cheshire & Warrington region', 'two UTCs' -> 'two University Technical
        Colleges'), so it is searched for, and not taken for a name they do not mention; and towns the documents
        never name, used to name a case study, as its region ('the Leeds-Bradford write-up')."""
        question = TOWNS_NAMING_A_CASE.sub(self._town_as_region, question)
        names = EVERYDAY_NAMES | ({"London": "Whitehall"} if SEAT_OF_GOVERNMENT.search(question) else {})
        for name, theirs in names.items():  # 'Britain's hydrogen': 'the UK's hydrogen', when they say it so
            if normalise(name) not in self.vocabulary and normalise(theirs) in self.vocabulary:
                # ...and 'London-based departments' as 'Whitehall departments'
                question = re.sub(rf"(?<![\w-]){re.escape(name)}(?:-based)?(?![\w-])", theirs, question)
        for token in _acronyms(question):
            if normalise(token) in self.vocabulary or token in COMMON_ACRONYMS:
                continue
            if self._expansion(token):  # one they also use ('AI', 'GM') stays: expanding it costs more than it finds
                question = re.sub(rf"(?<!\w){re.escape(token)}(?!\w)", self._expansion(token), question)
        return question

    # --- retrieval ---------------------------------------------------------------

    def retrieve(
        self,
        question: str,
        k: int = 5,
        *,
        cluster: str | None = None,
        document: str | None = None,
        vector: np.ndarray | None = None,
    ) -> Retrieval:
        where: dict[str, Any] = {}
        filters: dict[str, str] = {}
        if cluster:
            filters["cluster"] = self.resolve_cluster(cluster)
            where["region"] = filters["cluster"]
        if document:
            filters["document"] = self.resolve_document(document)
            where["source"] = filters["document"]
        searched = without_attribution(question)  # 'according to the report' is who says it, not what is asked
        # the file's author named as who wrote it ('the NP11 report', 'the NP11 researchers') says nothing of what is
        # asked: no weight, no keyword ('who does NP11 want connected' credits it to every sentence instead, below)
        written_by = maker_terms(question) & self.source_words
        if vector is None:
            vector = self.index.embedder.embed([searched])[0]
        allowed_ids = (
            np.array([i for i, c in enumerate(self.chunks) if all(getattr(c, f) == v for f, v in where.items())], np.int64)
            if where
            else np.arange(len(self.chunks))
        )

        # exact cosine over every passage the snapshot holds (vectors are normalised): a few ms even at 100x
        chunk_sims = self.chunk_vectors @ vector if len(self.chunk_vectors) else np.zeros(0)
        dense_order = allowed_ids[np.argsort(-chunk_sims[allowed_ids], kind="stable")[:CANDIDATES]]
        dense_rank = {int(i): r for r, i in enumerate(dense_order)}
        dense_score = {int(i): float(chunk_sims[i]) for i in dense_order}
        # the scene an asker sets first ('I pay my taxes and want to know: ...') is who asks, not what: its words are no
        # terms a sentence must hold, unless it names what is asked about ('My notes say Calder Hall was built ...')
        # ...nor is its courtesy ('I should be grateful')
        q_terms = question_terms(core_question(_without_idle_scene(searched, lambda t: self.doc_freq.get(t, 0) > 0)))
        keywords = [t for t in q_terms if t not in written_by] or q_terms
        wider = keywords + [t for t in expansions(keywords) if self.doc_freq.get(t)]  # 'problem' finds 'challenges' too
        bm25 = self.bm25.get_scores(wider) if q_terms else np.zeros(len(self.chunks))
        keyword_order = allowed_ids[np.argsort(-bm25[allowed_ids], kind="stable")[:CANDIDATES]]  # ties: document order
        keyword_rank = {int(i): r for r, i in enumerate(keyword_order) if bm25[i] > 0}

        steered = self.steer(question) if not cluster else ()
        fused: dict[int, float] = defaultdict(float)
        sentence_sims = self.sentence_vectors @ vector if len(self.sentence_vectors) else np.zeros(0)
        top_sim = np.maximum.reduceat(sentence_sims, self.sentence_starts) if len(self.sentence_starts) else np.zeros(0)
        candidates = self.with_sentences
        if where:  # only chunks the filters allow
            keep = np.isin(candidates, allowed_ids)
            candidates, top_sim = candidates[keep], top_sim[keep]
        sentence_order = candidates[np.argsort(-top_sim, kind="stable")[:CANDIDATES]]  # ties: document order
        sentence_rank = {int(i): r for r, i in enumerate(sentence_order)}
        for ranks in (dense_rank, keyword_rank, sentence_rank):
            for i, r in ranks.items():
                fused[i] += 1.0 / (RRF_K + r + 1)
        top_vote = 1.0 / (RRF_K + 1)
        for i in list(fused):
            if self.chunks[i].region in steered:
                fused[i] += STEER_BONUS * top_vote
            elif steered and any(region in self.chunks[i].text for region in steered):
                fused[i] += STEER_BONUS * top_vote / 2  # e.g. the list of case studies naming the region

        pointed = (
            (self.opening_sections if INTRO_CUE.search(question) else set())
            | (self.headline_sections if FRONT_CUE.search(question) else set())
            | (self.overview_sections if OVERVIEW_CUE.search(question) else set())
        )
        for i in list(fused) if pointed else ():  # 'according to the intro', 'the headline recs': that section
            if (self.chunks[i].source, self.chunks[i].section) in pointed:
                fused[i] += STEER_BONUS * top_vote
        for i in self._spelling_out(question, allowed_ids):  # "what's a LEP?": where the words it stands for are
            fused[i] += VOTES * top_vote
        for i in self._done_by(question, q_terms, allowed_ids):  # 'who did the analysis': '... was undertaken by X'
            fused[i] += AGENT_VOTES * top_vote
        for i in self._counting(question, allowed_ids):  # 'how many SMEs': '... nearly 200 SMEs ...'
            fused[i] += COUNT_VOTES * top_vote
        for i in self._naming(question, allowed_ids):  # 'the Robotics and AI Collaboration': the few passages saying it
            fused[i] += NAMED_VOTES * top_vote
        # 'besides the firms, what other organisations': '... also include ...'; 'how were the eleven chosen': '... we
        # have chosen to focus on ...': the passages saying what such a question asks for, in the words it is said in
        said_so = [(ALSO_SAID, ALSO_VOTES)] if BESIDES_ASKED.search(question) else []
        # 'if specialist firms are only the precondition, what really powers innovation': '... is a prerequisite, it is ...'
        said_so += [(NEEDED_THEN_SAID, CONTRAST_VOTES)] if REAL_DRIVER_ASKED.search(question) else []
        # 'what new governance arrangement could help North Yorkshire': '... the incoming MCA offers an opportunity to ...'
        said_so += [(CHANCE_SAID, CHANCE_VOTES)] if CHANCE_ASKED.search(question) else []
        # 'what's the payoff for a town of hosting one': 'Clusters are important because of their potential to boost ...'
        said_so += [(PAYOFF_SAID, PAYOFF_VOTES)] if PAYOFF_ASKED.search(question) else []
        made = how_made_said(question)
        said_so += [(made, SELF_VOTES)] if made else []
        for said, votes in said_so:
            for i in (int(i) for i in allowed_ids if said.search(self.chunks[i].text)):
                fused[i] += votes * top_vote

        spelled = self._acronym_words(question)
        author = attributed_terms(question)
        weights = {t: self.idf(t) for t in set(q_terms) if t not in written_by}
        passages = []
        for i, base in fused.items():
            chunk = self.chunks[i]
            scored = self._score_sentences(i, sentence_sims, weights, spelled, author)
            best = max((s.score for s in scored), default=0.0)
            score = base / (VOTES * top_vote) + SENTENCE_WEIGHT * best
            passages.append(Passage(chunk, score, dense_score.get(i, 0.0), float(bm25[i]), tuple(scored), self._chunk_before(i)))
        passages.sort(key=lambda p: -p.score)
        return Retrieval(
            question=question,
            passages=tuple(passages[: max(k, 1)]),
            steered_to=steered,
            filters=filters,
            question_terms=tuple(q_terms),
            unknown_names=self.unknown_names(without_scene(question)),  # 'Quick one from the Minister's office: ...'
            spelled=spelled,
            author=author,
            pointed=frozenset(pointed),
        )

    def _naming(self, question: str, allowed: np.ndarray) -> list[int]:
        """The passages saying, word for word, a name of several words the question gives, when that name is said in
        FEW_PASSAGES or fewer ('the Robotics and AI Collaboration'; not 'Greater Manchester', said everywhere)."""
        allowed_set = set(allowed.tolist())
        found: list[int] = []
        for match in NAMED_IN_FULL.finditer(question):
            words = match.group(0).split()
            while words and words[0].lower() in NOT_OF_THE_NAME:
                words = words[1:]
            if len(words) < 2 or words[0][0].islower():
                continue
            name = normalise(" ".join(words))
            if name not in self._named:
                if self._plain_texts is None:
                    self._plain_texts = [normalise(c.text) for c in self.chunks]
                if len(self._named) >= NAMES_REMEMBERED:  # a server asked without end keeps the recent ones
                    self._named.clear()
                said = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
                self._named[name] = [i for i, text in enumerate(self._plain_texts) if said.search(text)]
            where = self._named[name]
            if len(where) <= FEW_PASSAGES:
                found += [i for i in where if i in allowed_set]
        return list(dict.fromkeys(found))

    def _counting(self, question: str, allowed: np.ndarray) -> list[int]:
        """For a 'how many X' question, the chunks with a sentence counting X: a figure with X within three words
        after it ('nearly 200 SMEs', '960 local firms'), a year aside."""
        asked = HOW_MANY_OF.search(question)
        nouns = set(terms(asked.group(1))) if asked else set()
        if not nouns:
            return []
        if self._counted is None:  # what each chunk counts, found once: not a scan of every chunk per question
            self._counted = [
                counted_terms(c.text) | {t for after in COUNTED_IN_WORDS.findall(c.text) for t in terms(after)}
                for c in self.chunks
            ]
        allowed_set = set(allowed.tolist())
        return [i for i, counted in enumerate(self._counted) if i in allowed_set and counted & nouns]

    def _done_by(self, question: str, q_terms: list[str], allowed: np.ndarray) -> list[int]:
        """For a question asking who did something, the chunks with a sentence saying in the passive who did it
        to a thing the question names ('The in-depth analysis was undertaken by Cambridge Econometrics')."""
        if not AGENT_ASK.search(question):
            return []
        if self._passives is None:  # each chunk's passive sentences' subjects, found once
            self._passives = [
                (i, set(terms(subject))) for i, c in enumerate(self.chunks) for s in c.sentences
                if (subject := done_by(s.text))
            ]
        asked = set(q_terms) | set(expansions(q_terms))  # 'who did the number-crunching': 'the analysis was undertaken by'
        allowed_set = set(allowed.tolist())
        return list(dict.fromkeys(i for i, subject in self._passives if i in allowed_set and asked & subject))

    def _spelling_out(self, question: str, allowed: np.ndarray) -> list[int]:
        """For a question asking what an acronym stands for, the chunks that spell it out ('(LEP)' or 'Local
        Enterprise Partnerships'), first few in document order."""
        from .questions import question_type  # questions builds on this module's Passage

        kind, acronym = question_type(question)
        if kind != "acronym":
            return []
        if acronym not in self._spelling:  # looked for once per acronym: a scan of every sentence at 100x is ~0.5 s
            bracketed = re.compile(rf"\({re.escape(acronym)}\)|\b{re.escape(acronym)}\b\s*\(", re.I)
            self._spelling[acronym] = [
                i for i, c in enumerate(self.chunks)
                if any(bracketed.search(s.text) or expansion_of(acronym, s.text) for s in c.sentences)
            ]
        allowed_set = set(allowed.tolist())
        return [i for i in self._spelling[acronym] if i in allowed_set][:SPELLED_OUT]

    def _expansion(self, acronym: str) -> str:
        """The words the documents first spell the acronym out with, or '' (looked up once)."""
        if acronym not in self._expansions:
            self._expansions[acronym] = next(
                (e for c in self.chunks for s in c.sentences if (e := expansion_of(acronym, s.text))), ""
            )
        return self._expansions[acronym]

    def spelled_in(self, sentence: str) -> list[str]:
        """What the sentence's acronyms stand for, as the documents spell them out ('LEPs' - 'Local Enterprise
        Partnerships')."""
        return [e for token in _acronyms(sentence) if token not in COMMON_ACRONYMS and (e := self._expansion(token))]

    def _spelled_terms(self, sentence: str) -> frozenset[str]:
        """The words the sentence's acronyms stand for ('MCA' - mayoral, combined, authority), so a question
        that says 'the new mayoral authority' finds 'The incoming York & North Yorkshire MCA' (looked up once)."""
        if sentence not in self._sentence_spelled:
            self._sentence_spelled[sentence] = frozenset(
                t for token in _acronyms(sentence)
                for t in terms(COMMONLY_SPELLED.get(token, "") if token in COMMON_ACRONYMS else self._expansion(token))
            )
        return self._sentence_spelled[sentence]

    def _acronym_words(self, question: str) -> dict[str, set[str]]:
        """The question's acronyms that the documents also spell out, as terms: {'gm': {'greater', 'manchest'}},
        so a sentence saying 'Greater Manchester' holds the 'GM' of the question."""
        found = {}
        for token in _acronyms(question):
            if not terms(token):
                continue
            if self._expansion(token):
                found[terms(token)[0]] = set(terms(self._expansion(token)))
        return found

    def _chunk_before(self, i: int) -> Chunk | None:
        """The chunk before chunk i in the same section, if any."""
        return self.chunks[i - 1] if i and self.chunks[i - 1].section == self.chunks[i].section else None

    def _score_sentences(
        self,
        i: int,
        sentence_sims: np.ndarray,
        weights: dict[str, float],
        spelled: dict[str, set[str]] | None = None,
        author: set[str] | None = None,
    ) -> list[ScoredSentence]:
        """Each sentence of chunk i: cosine to the question plus the IDF-weighted share of its terms it holds.
        A sentence holds its section's title and, when the question names the file's author as who says it
        ('what does NP11 want'), the author too: every sentence of np11-….pdf is NP11's saying."""
        chunk = self.chunks[i]
        start = self.sentence_offset[i]
        sims = sentence_sims[start : start + len(chunk.sentences)]
        context = set(terms(own_section(chunk))) | (_source_terms(chunk.source) & author if author else set())
        total = sum(weights.values()) or 1.0
        out = []
        previous = self._chunk_before(i)  # its last sentence comes just before this chunk's first
        before = previous.sentences[-1].text if previous and previous.sentences else ""
        for position, (sentence, sim) in enumerate(zip(chunk.sentences, sims)):
            have = set(terms(sentence.text)) | context | self._spelled_terms(sentence.text)
            # 'The site, now part of ...', 'Its success to date was due to ...': about what was named just before
            if before and (THE_ONE_BEFORE.match(sentence.text) or ITS_OWN.match(sentence.text)):
                have |= {t for name in NAMES.findall(before) for t in terms(name)}
            before = sentence.text
            coverage = sum(
                w * (1.0 if spelled and t in spelled and spelled[t] <= have else _credit(t, have)) for t, w in weights.items()
            ) / total
            score = DENSE_WEIGHT * float(sim) + COVERAGE_WEIGHT * coverage
            out.append(ScoredSentence(sentence, position, score, float(sim), coverage))
        return out


def _without_idle_scene(question: str, known: Callable[[str], bool]) -> str:
    """The question without the scene set before it, when the question stands alone: it does not point back ('what is
    it'), and either the scene names nothing (no name, no figure) or the question says enough of its own. A scene
    kept keeps only the words the documents use ('I went on a works trip to Calder Hall as an apprentice ... When does
    the report date its construction?': Calder Hall, not the trip): no sentence can hold the others."""
    scene = scene_of(question)
    rest = without_scene(question)  # (and the asker's afterword: '... the NCF bid? Need every member for my briefing.')
    if not scene:
        return rest
    named = re.search(r"\d|(?<!^)\b(?!I\b|I['’])[A-Z]", scene.strip())
    if not POINTS_BACK.search(rest) and (not named or len(question_terms(rest)) >= SAYS_ENOUGH):
        return rest
    said = [w for w in scene.split() if all(known(t) for t in question_terms(w))]
    return " ".join([*said, rest])


def _checked_as_asked(question: str) -> str:
    """A claim put to the documents ('Space North East was set up around 2020 - right?', 'Is it true that ...
    in 2020?') asks for the figure it gives, not about that figure: the figure is taken out and asked for ('...
    set up around? What year?'), so a sentence repeating it is not the answer for that alone."""
    tag = TAG_CHECK.search(question)
    statement = question[: tag.start()] if tag and tag.group("tag") else question[tag.end() :] if tag else ""
    if not statement or WH_ASKED.search(statement):
        return question
    for figure, asked in CHECKED_FIGURES:
        if figure.search(statement):
            return f"{figure.sub('', statement).rstrip(' ,.;:?-–—')}? {asked}"
    return question


def _names_a_kind(expansion: str) -> bool:
    """Is an acronym's expansion plural ('Local Enterprise Partnerships'), the name of a kind of body?"""
    last = expansion.split()[-1] if expansion else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def bare_word(word: str) -> str:
    """A word of a question without its punctuation and possessive: "WY's" -> 'WY', '(GM)' -> 'GM'."""
    return re.sub(r"['’]s$", "", word.strip("?.,;:!()\"'’"))


def _acronyms(question: str) -> list[str]:
    """The acronyms in a question ('GM', "WY's" -> 'WY', 'C&W'), in order, once each."""
    tokens = (bare_word(w) for w in question.split())
    return list(dict.fromkeys(t for t in tokens if ACRONYM.fullmatch(t)))


def _credit(term: str, have: set[str]) -> float:
    """How much of a question term a sentence's terms hold: all of it, or part through a synonym ('problem' -
    'challenge') or a compound that starts with it ('health' - 'HealthTech', 'launch' - 'Launchpad')."""
    if term in have:
        return 1.0
    if SYNONYMS.get(term, _NONE) & have:
        return SYNONYM_CREDIT
    if len(term) >= COMPOUND_HEAD and any(t.startswith(term) and len(t) >= len(term) + COMPOUND_TAIL for t in have):
        return SYNONYM_CREDIT
    return 0.0


def own_section(chunk: Chunk) -> str:
    """The section path without the grouping parent of a case study ('Innovation Cluster Case Studies in
    the North'), which every case study shares: 'case study' then points at the overview page itself."""
    if chunk.region and SECTION_SEP in chunk.section:
        return chunk.section.split(SECTION_SEP, 1)[1]
    return chunk.section


@lru_cache(maxsize=4096)
def _passage_terms(chunk: Chunk) -> set[str]:
    # the file's name too: 'NP11' in 'as NP11 cites it' names the document (np11-innovation-clusters-....pdf)
    # and the region's other names: 'Teesside' is said of a Tees Valley passage that only says 'the region'
    aliases = " ".join(aliases_of(chunk.region)) if chunk.region else ""
    return set(terms(f"{chunk.title} {chunk.section} {chunk.region} {aliases} {chunk.text}")) | _source_terms(chunk.source)


@lru_cache(maxsize=256)
def _source_terms(source: str) -> set[str]:
    """The words of a file's name ('np11-innovation-clusters-north-of-england.pdf')."""
    return set(terms(re.sub(r"\.\w+$", "", source).replace("-", " ").replace("_", " ")))


CALENDAR = set(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
PLACE_ALIASES = {  # other names for the North's sub-regions -> a word of the region's own name
    "merseyside": "liverpool",
    "the city region": "liverpool",  # the only case study called a city region ('the city region's GVA')
    "the city-region": "liverpool",
    "tyneside": "north east",
    "wearside": "north east",
    "northumberland": "north east",
    "county durham": "north east",
    "humberside": "hull",
    "east riding": "hull",
    "teesside": "tees",
    "tees": "tees valley",  # 'the Tees area
    "cumberland": "cumbria",
    "lancs": "lancashire",  # the usual short forms
    "north yorks": "north yorkshire",
    "west yorks": "west yorkshire",
    "south yorks": "south yorkshire",
    "sheffield city region": "south yorkshire",  # not 'Sheffield' alone: the documents' Sheffield is a Lancashire outpost's
    "sheffield area": "south yorkshire",
    "sheffield-area": "south yorkshire",
    "east yorks": "east yorkshire",
    "w yorks": "west yorkshire",  # ... and the shortest
    "n yorks": "north yorkshire",
    "s yorks": "south yorkshire",
    "e yorks": "east yorkshire",
    "westmorland": "cumbria",
}


_TOWN = r"[A-Z][a-z]+"
TOWNS_NAMING_A_CASE = re.compile(  # 'the Leeds-Bradford write-up', "the Leeds/Bradford case study's"
    rf"(?P<towns>{_TOWN}(?:\s*(?:-|/|&|and)\s*{_TOWN})*)"
    r"(?P<rest>(?:['’]s)?\s+(?:write-?up|case study|case|cluster|chapter|profile|(?:[\w-]+\s+){0,2}(?:sector|industry))s?\b)"
)
TOWNS = {  # the North's towns and cities -> a word of their sub-region's name: 'Middlesbrough vs Hull' sets two cases
    # side by side, though the documents may never name the town (used to find a comparison's sides, never to answer)
    **dict.fromkeys("wirral knowsley sefton halton widnes southport birkenhead bootle st helens".split(), "liverpool"),
    **dict.fromkeys("newcastle gateshead sunderland durham blyth hexham".split(), "north east"),
    **dict.fromkeys("beverley bridlington goole grimsby immingham".split(), "hull"),
    **dict.fromkeys("preston blackpool blackburn burnley samlesbury warton chorley fleetwood morecambe".split(), "lancashire"),
    **dict.fromkeys("chester crewe macclesfield northwich ellesmere".split(), "cheshire"),
    **dict.fromkeys("manchester salford stockport bolton wigan oldham rochdale trafford tameside".split(), "manchester"),
    **dict.fromkeys("leeds bradford wakefield huddersfield halifax kirklees calderdale".split(), "west yorkshire"),
    **dict.fromkeys("barrow carlisle workington whitehaven kendal sellafield furness".split(), "cumbria"),
    **dict.fromkeys("harrogate scarborough malton selby northallerton whitby ripon skipton".split(), "north yorkshire"),
    **dict.fromkeys("sheffield rotherham doncaster barnsley".split(), "south yorkshire"),
    **dict.fromkeys("middlesbrough stockton darlington hartlepool redcar wilton billingham".split(), "tees"),
}


COUNTED = re.compile(r"(?<![£$€\d.,])(\d[\d,]*)(?![\d.,]*\s*(?:%|per ?cent|m\b|bn\b|million|billion))((?:\s+[\w-]+){1,3})")
# a number in words counts too, for a 'how many' question ('Our eleven case studies'), though it puts no figure on it
COUNTED_IN_WORDS = re.compile(r"\b(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b((?:\s+[\w-]+){1,3})")


def counted_terms(text: str) -> set[str]:
    """The terms within three words after each figure in the text that counts something (not a year, a share or
    money): 'nearly 200 SMEs working' -> {'sme', 'work'}."""
    return {t for number, after in COUNTED.findall(text) if not re.fullmatch(r"(?:19|20)\d\d", number) for t in terms(after)}


def counts_of(text: str, nouns: set[str]) -> bool:
    """Does the text count one of these things: a figure (not a year, a share or money) and, within three words,
    the noun ('54 organisations', 'nearly 200 SMEs', '1,300 advanced manufacturing businesses')?"""
    return bool(counted_terms(text) & nouns)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The whole words of the bundled embedding model's vocabulary (30,000 of English): a word among them is
    spelled as meant. Empty when the model is not there, and then no word is respelled."""
    try:
        from .embedders import bundled_model_path

        vocab = Path(bundled_model_path()) / "vocab.txt"
        return frozenset(w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha())
    except (ImportError, OSError):
        return frozenset()


def _typo_of(word: str, words: list[str]) -> bool:
    """Is the word a slip of the keyboard away from one of these (long) words ('coridor' for 'corridor')?"""
    return len(word) >= TYPO_MIN_LENGTH and bool(difflib.get_close_matches(word, words, n=1, cutoff=TYPO_CUTOFF))


def aliases_of(region: str) -> list[str]:
    """The other names of a region ('merseyside' for the Liverpool City Region, 'teesside' for Tees Valley)."""
    return [alias for alias, known in PLACE_ALIASES.items() if re.search(rf"(?<![a-z]){known}(?![a-z])", normalise(region))]


def _steering_names(chunks: list[Chunk]) -> list[tuple[str, str]]:
    """(lower-case name, region) pairs: region names, their parts, and names used mostly in one case study."""
    pairs: dict[str, str] = {}
    mentions: dict[str, Counter[str]] = defaultdict(Counter)
    lower_words = {w for c in chunks for w in re.findall(r"\b[a-z][a-z]+\b", c.text)}
    for chunk in chunks:
        for sentence in split_sentences(chunk.text):
            body = sentence.split(" ", 1)[1] if " " in sentence else ""
            for name in NAME.findall(body):
                if name.lower() not in lower_words and len(name) > 2:
                    mentions[name.lower()][chunk.region or "-"] += 1
    for name, where in mentions.items():
        region, n = where.most_common(1)[0]
        if region != "-" and n / sum(where.values()) >= STEER_SHARE and name not in GENERIC_NAME_WORDS | CALENDAR:
            pairs[name] = region
    for region, _ in {(c.region, c.cluster) for c in chunks if c.region}:
        pairs[normalise(region)] = region
        for part in re.split(r"\s*(?:&|\band\b)\s*", region):
            if len(part) > 3:
                pairs.setdefault(normalise(part), region)
        for alias in aliases_of(region):  # 'Merseyside' for the Liverpool City Region
            pairs.setdefault(alias, region)
    return sorted(pairs.items(), key=lambda p: -len(p[0]))
