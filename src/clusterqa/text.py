"""Text helpers shared by every stage: normalisation, sentences, terms.

Example:
    >>> normalise("The “Mayor’s”  Office — 2023")
    'the "mayor\\'s" office - 2023'
    >>> split_sentences("iiCON was founded in 2020. It grew, e.g. fast.")
    ['iiCON was founded in 2020.', 'It grew, e.g. fast.']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

QUOTE_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
# not 'etc': before a capital it ends its sentence ('... education and skills, etc. Devolved organisations may ...')
ABBREVIATIONS = {"e.g", "i.e", "vs", "mr", "mrs", "ms", "dr", "st", "no", "approx", "inc", "ltd", "co"}
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9£$€•])")
TERM = re.compile(r"[a-z0-9£$€%]+(?:[&'][a-z0-9]+)*")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves s t don shall may might must us per via within without
    whose whom onto upon among amongst yet ever""".split()
)
SUFFIXES = (
    ("ational", "ate"), ("isation", "ise"), ("ization", "ize"), ("ments", ""), ("ment", ""), ("ities", ""), ("ity", ""),
    ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"), ("ers", ""), ("er", ""), ("ed", ""), ("es", ""), ("s", ""),
)
CONTINUES = re.compile(r"^(?:They|It|This|These|Such|Its|Their|That|Those|However|As a result|In addition)\b")
"""A sentence opening like this goes on about the one before it."""
QUESTION_WORDS = frozenset(
    """what which who whom whose when where why how much many does did do tell list name give describe
    explain according document documents publication report say says said mention mentioned
    year date month percentage proportion stand short""".split()
)


def normalise(text: str) -> str:
    """NFKC, fold curly quotes and dashes, lower case, collapse whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTE_FOLD)
    return " ".join(text.lower().split())


def clean_whitespace(text: str) -> str:
    """Fold quotes-free whitespace runs to one space (keeps case and punctuation)."""
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u00a0", " ").split())


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences; bullet lines ("• ...") are sentences of their own."""
    sentences: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        start = 0
        for match in SENTENCE_END.finditer(line):
            candidate = line[start : match.start()]
            last_word = candidate.rstrip(".!?\"')]").rsplit(" ", 1)[-1].lower()
            if last_word in ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
                continue
            sentences.append(line[start : match.end()].strip())
            start = match.end()
        tail = line[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match 'clusters'/'cluster', 'funded'/'funding', 'zones'/'zone'."""
    if len(word) == 4 and word.endswith("s") and word.isalpha() and not word.endswith(("ss", "us", "is")):
        return word[:3]  # 'gaps', 'jobs', 'hubs'
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix, keep in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            if suffix == "es" and word.endswith("uses") and len(word) >= 7:
                return word[:-2]  # 'campuses', 'focuses' (not 'causes', 'houses')
            if suffix == "es" and not word.endswith(("sses", "shes", "ches", "xes", "zzes")):
                continue  # 'zones' is 'zone' + s, 'businesses' is 'business' + es
            if suffix == "s":  # the singular's own ending too: 'organisations' is 'organisation', so 'organise'
                return stem(word[:-1])
            return word[: len(word) - len(suffix)] + keep
    return word


@lru_cache(maxsize=65536)
def terms(text: str, *, keep_stopwords: bool = False) -> tuple[str, ...]:
    """Content terms of a text, normalised and stemmed, in order (cached: sentences recur across questions)."""
    words = TERM.findall(normalise(text).replace("'s ", " "))
    return tuple(stem(w) for w in words if keep_stopwords or (w not in STOPWORDS and len(w) > 1))


SYNONYM_GROUPS = (  # everyday words a question may use for the document's own: one group, one meaning
    "problem problems issue issues challenge challenges difficulty difficulties barrier barriers obstacle obstacles "
    "struggle struggles hurdle hurdles headache headaches bugbear bugbears concern concerns gripe gripes complaint complaints",
    "scheme schemes programme programmes program programs",  # 'the training schemes': 'skills programmes offered'
    "centre center focal",  # 'at the centre of the push': 'a key focal point for these efforts'
    "firm firms company companies business businesses enterprise enterprises outfit outfits",
    "outfit outfits organisation organisations organization organizations",  # 'how many outfits': '54 organisations'
    "money funding funds finance financing investment investments capital",
    "job jobs employment role roles post posts position positions vacancy vacancies payroll employing employ employs",
    "worker workers staff employee employees personnel headcount workforce",
    "help helps helped support supports supported assist assists",
    "plan plans strategy strategies roadmap",
    "aim aims goal goals objective objectives ambition ambitions target targets",
    "buy bought acquire acquired acquisition purchase purchased",
    "boost boosts increase increases raise raises improve improves",
    "skill skills talent expertise",
    "common commonest widespread frequent",
    "countryside rural",
    "weakness weaknesses gap gaps shortage shortages shortfall",
    "undertake undertaken undertook conduct conducted carry carried perform performed",
    "detailed in-depth thorough",
    "select selected selection choose chose chosen choice decide decides decided decision",  # 'how did NP11 decide'
    "boss bosses leader leaders",  # 'get the bosses of major local firms talking': 'Connecting leaders to each other'
    # 'better roads, broadband and the like': 'enhanced infrastructure, such as communications and transportation systems'
    "road roads rail transport transportation",
    "broadband telecoms communications",
    "whitehall central centrally",  # "can't be delivered by central government": 'cannot be driven from Whitehall'
    "matter matters important importance",
    "border borders boundary boundaries",
    "essential crucial vital",
    "big bigger biggest large larger largest major",  # 'big anchor firms': 'any large space primes'
    "bid bids pitch pitches",  # 'when do bids for investment land best': 'pitches are most compelling when ...'
    "emerging nascent newer fledgling budding",  # 'newer clusters, not just the established ones': 'emerging'
    "existing established",
    "precondition preconditions prerequisite prerequisites",
    "benefit benefits advantage advantages",
    "foundation foundations basis built",
    "maturity mature maturing stage stages",
    "output gva",  # economic output: gross value added
    "fuel fuels power powers powered drive drives driver drivers engine",  # 'what powers innovation': 'the vital fuel'
    "sustain sustains sustained sustaining keep keeps keeping kept",
    "perennial long-running long-standing longstanding persistent recurring chronic",
    "idea ideas explore exploring propose proposes proposal suggest suggests suggestion float floats",
    "interview interviews interviewed talk talked talking consult consulted consultation",  # 'did they talk to anyone'
    "analysis analyses analysed crunching crunched",  # 'who did the number-crunching': 'the in-depth analysis was …'
    "leverage leveraged attract attracted drawn follow-on",  # 'follow-on money drawn in': 'leveraged … to attract'
    "departure depart departed pull-out pullout withdrawal withdrew exit",  # "AstraZeneca's pull-out": 'the departure of'
    "annual annually yearly",  # 'annual growth': 'growing at 4.2% annually'
    "specialist specialists specialised specialized specialism specialisms",  # 'specialist firms': 'specialised businesses'
    "source sources data dataset datasets evidence",  # 'what dataset did the authors lean on': 'data from the … tool'
    "follow follows followed following track tracks tracked tracking",  # 'what do they track along': 'following …'
    # 'clusters sprawl past borders', 'overflow their home patch': 'spill over'
    "spill spills spilled spilling spread spreads sprawl sprawls overflow overflows",
    "neighbouring neighboring neighbour neighbours door adjacent adjoining",
    # 'a template other countryside areas could copy': 'a model for how cluster development could work in more rural areas'
    "model models template templates blueprint blueprints copy emulate replicate",  # 'next-door areas': 'neighbouring areas'
    "technology technologies kit equipment machinery",  # 'getting new kit into firms': 'adopt new technology'
    "pledge pledged pledges commitment commitments committed commit",  # 'how much did X pledge': 'a £630,000 commitment'
    "manufacturing manufacture manufactures manufactured factory factories maker makers",
    "drug drugs pharmaceutical pharmaceuticals pharma medicine medicines",  # 'the big drug makers': pharmaceutical companies
    "wide wider broad broader",  # "Merseyside's wider life-sciences scene": its 'broad ecosystem'
    "uk britain british",  # "Britain's hydrogen output": 'the UK's hydrogen production'
    "output production",
    "ownership owned",  # 'what kind of ownership is typical': 'family owned and operated'
    "public government",  # 'how much public money': 'seeded with £160 million in government funding'
    "nearly almost practically virtually",  # 'nearly every cluster': 'almost all of the clusters'
    "ministry ministries department departments",  # 'better than national ministries': 'than national departments'
    "shift shifts shifted move moves moved",  # 'what funding should we move away from': 'a shift away from'
    # 'which bodies have been backing clusters': 'supporting'
    "backing backed backer backers support supporting nurturing nurtured",
    "area areas patch patches",  # 'nurturing clusters in their own patches': 'in their areas'
    # 'given a supportive setting', 'the proper conditions': 'with the right environment'
    "setting settings environment environments condition conditions",
    "devolution devolved devolve devolving",  # 'the report's view on devolution': 'devolved powers', 'Devolved organisations'
    "vaccine vaccines jab jabs vaccination vaccinations",  # 'its work on jabs': 'Vaccines Discovery, Development ...'
    "award awarded win won",  # 'what recognition did it win': 'was awarded status as'
    "merge merged merging merger fold folded folding amalgamate amalgamated",  # 'being folded together': 'being merged'
    "initiate initiated initiating kick kicked launch launched",  # 'kicked off by one organisation': 'initiated by a single'
    "slice share proportion portion percentage",  # 'what slice of its output': '5% of the LCR's GVA'
    "plough ploughed invest invests invested",  # 'plough into research': 'invest ... in R&D'
    "r&d research",  # 'research every year': 'R&D'
    "pioneer pioneers pioneered pioneering",  # (stemmed apart: 'pione', 'pioneer')
    "underpin underpins underpinned anchor anchors anchored",  # 'what underpins nearly every cluster': 'anchored by'
    "excel excels excelled excellence",  # 'its areas of excellence': 'to excel in space situational awareness, ...'
    "divide divides barrier barriers silo silos",  # 'break down barriers between industries': 'cuts across sector divides'
    "encourage encourages encouraging incentivise incentivises incentivize incentivizes",  # 'Incentivise working across ...'
)
SYNONYMS: dict[str, frozenset[str]] = {}
for _group in SYNONYM_GROUPS:
    _stems = frozenset(terms(_group))
    for _stem in _stems:
        SYNONYMS[_stem] = SYNONYMS.get(_stem, frozenset()) | (_stems - {_stem})


def expansions(question_terms: list[str]) -> list[str]:
    """Synonyms of the question's terms that it does not use itself: 'problem' -> 'challenge', 'issue', ..."""
    have = set(question_terms)
    return sorted({s for t in have for s in SYNONYMS.get(t, ())} - have)


FILLER = re.compile(  # words that stress a question and say nothing of what it asks: 'who actually ordered them'
    r"\b(?:actually|really|basically|exactly|precisely|truly|genuinely|honestly|literally)\b|\bin the first place\b", re.I
)


def question_terms(question: str) -> list[str]:
    """Content terms of a question, without wh-words, asking verbs and the words that only stress it."""
    return [t for t in terms(FILLER.sub(" ", question)) if t not in QUESTION_WORDS]


_GREETING = r"dear (?:sir or madam|sir|madam|sirs|all|team)"  # a letter's: 'Dear Sir or Madam, …'
LEAD_IN = re.compile(  # "Can you tell me …", "I need to know …", "Remind me …": courtesy before the question itself
    # 'As a council finance officer I'd like to know which …', 'As someone who worked in Sheffield steel, I'd like to …'
    r"^\W*(?:as (?:an?|someone|somebody|[\w-]+['’]s) (?:[\w'’-]+,? ){1,8}?(?=i\b|i['’]|we\b|we['’])"
    r"|[a-z]+ing\b[^,?]{0,60},\s*(?=(?:i|we)(?:['’]d| would) like to know\b))?"  # 'Working in clinical trials, I'd like to know
    r"(?:(?:please\s+)?(?:(?:can|could|would|will) you\s+(?:please\s+)?)?(?:tell me(?! about)|let me know|remind me|"
    r"find out|check|confirm|explain|say)"
    r"|(?:i|we)(?: need| want| would like|['’]d like| should like) to (?:know|understand|check|find out)|"
    r"i(?:'m| am) (?:wondering|curious|trying to find out)|do you know|quick (?:question|one)|remind me again|"
    r"(?:hey|hi|hello|ok|okay) (?:assistant|there|clusterqa)\b[\s,:]*(?:(?:can|could|would|will) you\s+)?(?:tell me)?|"
    # 'Dear Sir or Madam, I should be interested to know which …': a letter's greeting and its courtesy
    rf"(?:{_GREETING}[\s,:]+)?i (?:should|would) be (?:interested|grateful|glad|obliged) "
    rf"(?:to (?:know|learn)|if you (?:could|would) (?:tell me|let me know))|{_GREETING}\b|"
    # 'I wonder whether you might tell me which …', 'would you mind telling me …'
    r"i(?: was|['’]m| am)? wonder(?:ing)? (?:whether|if) you (?:might|could|would|can|will)(?: possibly| kindly)? "
    r"(?:tell me|let me know)|would you mind (?:telling me|letting me know)|"
    r"(?:please\s+)?(?:can|could|would|will|might) you(?:\s+please)?(?=\s+\w))\b[\s,:]*",
    re.I,
)


LIST_LEAD_IN = re.compile(  # "I need the full list of the case studies" asks to list them
    r"^\W*(?:i(?: need| want| would like|['’]d like)|give me|can i (?:have|get)|could i (?:have|get)|please (?:give|provide)|"
    r"(?:draw|make|put together|compile|write|pull together)(?: me)?(?: up)?)"
    r"\s+(?:me\s+)?(?:the|a)\s+(?:full\s+|complete\s+|whole\s+)?list of\s+",
    re.I,
)


_BRIEF = (  # how long an answer should be: after the question ('Why do clusters matter? One line, please.')
    r"(?:(?:just |only )?(?:in )?(?:one|a single|a|two|a few) (?:line|sentence|word)s?|briefly|quickly|in brief|in short"
    r"|in a nutshell|keep it (?:short|brief)|short answer"
    # 'A two-line answer is fine.'
    r"|(?:an? )?(?:one|two|three|short|brief|quick)[- ](?:line|sentence|word|paragraph) (?:answer|reply|response)"
    r"(?: (?:is|would be|will do)(?: fine| ok| okay| enough| plenty)?)?)"
)
_LAYOUT = (  # how to lay an answer out, after a comma or a dash too: 'bullets please', 'titles only', 'max 5 bullets'
    r"(?:keep it (?:short|brief|tight|simple|balanced|neutral|factual|fair|even-handed)|short"
    r"|keep it (?:to|under|within|below) (?:about |around )?\w+ "
    r"(?:bullet points?|bullets?|points?|words?|lines?|sentences?|paragraphs?)"
    r"|(?:in |as )?(?:a )?(?:bullets?|bullet points?|bulleted(?: list)?"
    r"|numbered(?: list)?(?: \d+-\d+)?|table|list form)(?: (?:please|pls|if you can|is fine|are fine|format))?"
    r"|(?:no more than|max(?:imum)?|at most|up to) \w+ (?:bullets?|points?|words?|lines?|sentences?)|\w+ (?:bullets?|points?) max"
    r"|nothing else|no commentary|no waffle|no intro(?:duction)?|no preamble|no (?:need for (?:any )?)?detail"
    r"|(?<!in )plain English|no jargon|no (?:bullets?|bullet points|tables?)"  # not "in plain English", a summary's cue
    r"|(?:titles|headings|names) only|one per line|comma[- ]separated"
    r"|lower ?case(?: is)? fine|(?:with )?page (?:refs?|references|numbers|nos?\.?)|cite (?:the )?pages|if you can)"
)
_COURTESY = r"(?:,? (?:please|pls|plz))?(?:,? (?:thanks|thx|cheers)| - thanks)?"
INSTRUCTION = re.compile(  # how to answer, not what to look for; 'briefly' after a comma stays, a summary's cue
    rf"(?:(?<=[?.!])\s+(?:{_BRIEF}|{_LAYOUT}){_COURTESY}"
    rf"|(?:\s*[,;:](?:\s+(?:and|but))?|\s+[-–]|\s+(?:and|but|with))\s+{_LAYOUT}{_COURTESY})+[.!]*\s*$"
    r"|(?<=[?.!])\s+(?:please|pls|thanks|thank you|thx|cheers)[.!]*\s*$"
    r"|\s+in (?:a|one) (?:sentence|line) or two(?=\?\s*$)"  # '... the Humber story in a sentence or two?'
    # '... case study in about 100 words for a local paper': how long, not what about
    r"|\s+in (?:about |around |roughly |under |no more than |fewer than |less than |up to )?\d+ words\b(?=[^?]*$)"
    # 'Members have limited time, so I need roughly 120 words.': a sentence on the length wanted
    r"|(?<=[.!?])\s+[^.!?]{0,80}\b(?:\d+|a hundred|two hundred) words\b[^.!?]{0,40}[.!]",
    re.I,
)


ATTRIBUTION = re.compile(  # "according to the report", "do the authors say": who says it, not what is asked
    r"\b(?:according to|as (?:per|set out in|stated in)|per) (?:the|this) (?:report|publication|document|paper|study|"
    r"authors?|researchers?|case study)\b,?\s*"
    r"|,?\s*\b(?:according to|per) [A-Z][\w&]*(?=\s*[?.!]*\s*$)"  # ', according to NP11?', ', per NP11?' at the end
    r"|\b(?:the )?(?:report|publication|document|paper|authors?|researchers?)(?:'s)? (?:say|says|said|think|argue|argues|"
    r"suggest|suggests|claim|claims|note|notes|find|finds|found|describe|describes|consider|considers|see|sees)\s+",
    re.I,
)


SAYS = (  # verbs of an author's saying: 'does NP11 want', 'NP11 recommends'
    r"(?:say|think|want|argue|recommend|see|believe|call|cite|note|suggest|propose|draw|put|describe|define|count|"
    r"mention|give|list|single|base|set|mean|make|consider|find|expect|hope|stress)"
)
AUTHOR_IN_QUESTION = re.compile(  # a name used as who says it: 'does NP11 want', "in NP11's terms", 'NP11 says'
    rf"\b(?i:does|did|do|according to|for)\s+(?P<asker>[A-Z][\w&]*)(?=\s+(?:[a-z]+\s+)?{SAYS}|\s*[?.!,]|\s+to\b)"
    r"|\b(?P<owner>[A-Z][\w&]*)['’]s\b"
    rf"|\b(?P<sayer>[A-Z][\w&]*)\s+{SAYS}s\b"
    # 'the NP11 report', 'the NP11 researchers': initials naming who wrote it
    r"|\b(?P<maker>[A-Z][A-Z0-9&]+)\s+(?:[\w-]+\s+){0,3}?(?:report|publication|paper|document|researchers|authors|team)\b"
    # 'does NP11 reckon ...', 'how did NP11 decide ...': the initials as who thinks or chose (not 'was NP11 founded')
    r"|\b(?i:does|did|do|would)\s+(?P<agent>[A-Z][A-Z0-9&]+)\s+(?:reckon|think|believe|decide|argue|feel|consider|see|view|"
    r"conclude|find|propose|suggest|favour|accept|expect|envisage|judge|rate|regard|choose|pick|select)\b"
)


def attributed_terms(question: str) -> set[str]:
    """The terms of names the question uses as the one who says something ('who does NP11 want connected',
    "in NP11's terms"), not as what it asks about ('when was NP11 set up', 'who chairs NP11')."""
    found = (m.group("asker") or m.group("owner") or m.group("sayer") or m.group("maker") or m.group("agent")
             for m in AUTHOR_IN_QUESTION.finditer(question))
    return {t for name in found for t in terms(name)}


def maker_terms(question: str) -> set[str]:
    """The terms of initials the question uses for who wrote the report ('the NP11 report', 'the NP11 researchers')."""
    return {t for m in AUTHOR_IN_QUESTION.finditer(question) for t in terms(m.group("maker") or m.group("agent") or "")}


ACRONYM_GLUE = {"of", "for", "and", "&", "the", "in", ","}  # words an acronym skips: DSIT, Department for Science, ...


def expansion_of(acronym: str, sentence: str) -> str:
    """The capitalised words in the sentence whose initials spell the acronym ('LEP' - 'Local Enterprise
    Partnerships', 'GM' - 'Greater Manchester'), or ''."""
    letters = re.sub(r"s$|&", "", acronym).upper()
    if not 2 <= len(letters) <= 6 or not letters.isalpha() or any(c not in sentence for c in letters):
        return ""  # (the last test is cheap and rules out most sentences before they are split into words)
    words = re.findall(r"[A-Za-z&]+|[^\sA-Za-z&]", sentence)
    for start, first in enumerate(words):
        if first[0] != letters[0] or (start and words[start - 1][0].isupper()):  # the start of a name, not its middle
            continue
        run, spelled = [], ""
        for word in words[start:]:
            if word[0].isupper() and word.isalpha() and not word.isupper():  # words, not another acronym ('UKRI')
                spelled += word[0]
            elif word.lower() not in ACRONYM_GLUE or not spelled:
                break
            run.append(word)
            if len(spelled) == len(letters):
                break
        rest = words[start + len(run) :]
        if spelled == letters and not (rest and rest[0][0].isupper()):  # the whole name, not three words of four
            return re.sub(r" ,", ",", " ".join(run))
    return ""


def without_attribution(question: str) -> str:
    """'Which problem do the authors say crops up…' -> 'Which problem do crops up…': what is embedded for the
    dense search, where 'the authors say' only pulls towards sentences about the report itself."""
    stripped = re.sub(r"\s{2,}", " ", ATTRIBUTION.sub("", question)).strip()
    return stripped if len(stripped.split()) >= 3 else question


IDIOMS = (  # everyday phrases for what the documents say in one word: 'in short supply' - 'shortages'
    (re.compile(r"\bin short supply\b|\b(?:hard|difficult|struggle|struggling) to (?:find|recruit|hire|fill)\b|\bscarce\b", re.I),
     "in shortage"),
    (re.compile(r"\b(?-i:Uni)\b"), "University"),  # 'Northumbria Uni'
    (re.compile(r"\b(?:every|each|per|a) year\b", re.I), "annually"),  # 'plough into research every year': 'in R&D annually'
    (re.compile(r"\bsnap(?:ped|s)? up\b", re.I), "acquired"),  # "who's snapped up NORSS": 'Raytheon's recent acquisition'
    (re.compile(r"\bcross-them(?:e|es|ed)\b", re.I), "cross-thematic"),  # 'cross-theme support': 'a cross-thematic approach'
    (re.compile(r"\bbio-?based economy\b", re.I), "bioeconomy"),  # the documents' one word for it
    (re.compile(r"\bmaking things\b", re.I), "manufacturing"),  # "West Yorks' move away from making things"
    (re.compile(r"\bup-and-coming\b", re.I), "emerging"),  # 'backing up-and-coming clusters'
    (re.compile(r"\b(?:handed|doled|dished|given|shared|parcelled) out\b", re.I), "distributed"),  # 'how funding is handed out'
    (re.compile(r"\b(?:heavy|hard) (?:analytical |number-crunching )?lifting\b", re.I), "in-depth analysis"),
    # 'when clusters spread beyond their home patch': they 'spill over into neighbouring areas'
    (re.compile(r"\b(?:beyond|past|outside|over|out of) (?:their|its|the) (?:home|own|local) (?:patch|turf|patches|area)\b",
                re.I), "into neighbouring areas"),
    # "something can't be run from Whitehall": 'cannot be driven from Whitehall'
    (re.compile(r"\b(?:run|managed|controlled|directed)(?= from (?:Whitehall|Westminster|London|the centre)\b)", re.I), "driven"),
    # 'which headache turns up in practically every cluster': what is most common across all clusters
    (re.compile(r"\b(?:turns?|crops?|comes?|shows?|pops?) up (?:in |across )?(?:practically |almost |nearly |just about |"
                r"virtually |pretty much )?(?:everywhere|every (?:cluster|case|one|region)"
                r"|all (?:the )?(?:clusters|cases|regions)|most often)\b",
                re.I), "is most common across all clusters"),
    (re.compile(r"\b(?:the )?Red Rose county\b", re.I), "Lancashire"),  # the county's nickname
    (re.compile(r"\b(?:stuck|stayed|stick|stay|sticking|staying) with\b", re.I), "sustained interest in"),
    # 'clusters spilling across council and regional boundaries': what the documents call administrative boundaries
    (re.compile(r"\b(?:(?:council|local[- ]authority|regional|county|combined[- ]authority|political|city[- ]region)"
                r"(?:,? (?:and|or|&) |/)"
                r"(?:council|local[- ]authority|regional|county|combined[- ]authority|political|city[- ]region)"
                r"|council|local[- ]authority|county|combined[- ]authority|political) (?:boundaries|borders|lines)\b", re.I),
     "administrative boundaries"),
    # 'small, bid-based pots', 'bidding-competition pots': the documents' 'competitive grants'
    (re.compile(r"\bbid(?:ding)?[- ](?:based|competition|competitive)[- ](?:pots?|funds?|funding)\b"
                r"|\bcompetition[- ](?:based )?(?:pots?|funds?|funding)\b", re.I), "competitive grants"),
    # 'the bidding-war style of handing out little pots of money'
    (re.compile(r"\bbidding[- ]wars?(?: style)?(?: of (?:handing out|distributing|allocating|giving out))?", re.I),
     "competitive grants"),
    # 'what's the danger if money gets allocated bit by bit': piecemeal funding decisions
    (re.compile(r"\b(?:allocated |made |handed out |given out |decided )?(?:bit by bit|piece by piece|in dribs and drabs)\b",
                re.I), "piecemeal"),
    # 'making places bid against each other for little pots of money': small competitive grants
    (re.compile(r"\b(?:bid|bidding|compete|competing) (?:against (?:each other|one another) )?for (?:little|small|tiny|modest) "
                r"(?:pots|pools|sums)(?: of (?:money|funding|cash))?", re.I), "compete for small competitive grants"),
    # "NP11's beef with X", 'the case against X', "what's wrong with X": the challenges it sees in X
    (re.compile(r"\b(?:beef|gripe|quarrel) with\b|\bcase against\b|\bobjections? to\b|(?<=what['’]s )wrong with\b"
                r"|(?<=what is )wrong with\b", re.I), "challenges of"),
    (re.compile(r"\bno\.\s*(?=of\b)", re.I), "number "),  # 'no. of regional examples?
    # 'what keeps holding back the sector year after year': its 'perennial barriers'
    (re.compile(r"\b(?:hold|holds|holding|held) (?:(?:it|them|the \w+) )?back\b", re.I), "barriers to"),
    (re.compile(r"\b(?:the )?(?:past|last|previous) (?:ten|10) years\b", re.I), "the past decade"),  # 'over the past ten years'
    (re.compile(r"\byear after year\b|\btime (?:and|after) (?:time )?again\b|\bagain and again\b", re.I), "perennial"),
    # 'which trades does the Humber say it's short of': its 'skills shortages, especially in ...'
    (re.compile(r"\b(is|are|'s|’s|'re|’re) short of\b", re.I), r"\1 facing shortages of"),
    (re.compile(r"\bshort of\b", re.I), "facing shortages of"),  # 'which trades are the Humber short of'
    # 'who asked for these regional write-ups to be produced', 'who ordered these case studies': who commissioned them
    (re.compile(r"\b(?:asked for|ordered|requested)\b(?=[^?]*\b(?:case stud|write-?ups?\b|studies\b|report\b))", re.I),
     "commissioned"),
    (re.compile(r"\b(?:regional |local |place )?write-?ups\b", re.I), "case studies"),  # 'these regional write-ups'
    # 'how many small firms make up its ecosystem': 'nearly 200 SMEs' (small firms counted; 'helped small firms
    # around Scarborough' is said 'business support to ten companies')
    (re.compile(r"\bhow many small(?:er)?(?: and (?:medium|mid)[- ]sized)? (?:firms|businesses|companies|enterprises)\b",
                re.I), "how many SMEs"),
    # 'what way of working cuts across industry silos': 'taking a mission-based approach ... cuts across sector divides'
    (re.compile(r"\b(?:way|style|mode|model) of (?:working|operating|organising|organizing)\b", re.I), "approach"),
)


AUDIENCE = re.compile(  # who the answer is for: 'for a minister's red box', ', for a business owner who is relocating'
    r"\s*,?\s*\b(?:for|to) (?:a|an|the|my|our|your) (?:[\w'’-]+ ){0,3}?(?:red box|briefing pack|newsletter|e-?mail|essay|"
    r"dissertation|class|business owner|minister|MP|boss|thread|blog|podcast|presentation|speech|audience|readers?|"
    r"board paper|committee paper|colleagues?|trainees?|interns?|councillors?|pupils|(?:new )?starters?|joiners?|newcomers?|"
    r"delegation|delegates|visitors|guests)"
    r"\b(?:\s+(?:who|which|that|on|about|of)\b[^?:;.,–—-]{0,60}?)?(?=\s*[?:;.,–—-]|\s*$)",
    re.I,
)


PURPOSE_AFTER = re.compile(  # what the answer is for, said last: '... across the North so I can reply.'
    r",?\s+so (?:that )?(?:I|we) (?:can|could|may|might)\b[^?.!;:]{0,60}(?=[?.!]|\s*$)"
    # ...or in a sentence of its own after the question: '? I'd like to cite it correctly in our catalogue.'
    r"|(?<=\?)\s+(?:(?:I|we)(?:['’]d like| would like| need| want)(?! to know)|it['’]s for|this is for|thanks|thank you|cheers)\b"
    r"[^?]*$",
    re.I,
)
LEADING_ROLE = re.compile(  # who asks, said first: 'As a trade union rep, I'm interested in everything ...'
    r"^\W*as an? (?:[\w'’-]+ ){0,4}?(?:rep|representative|officer|official|adviser|advisor|manager|teacher|student|researcher|"
    r"analyst|journalist|councillor|clerk|engineer|founder|investor|planner|principal|attache|attaché|member)\b,?\s+"
    r"(?=(?:I|we|I'm|we're|I’m|we’re)\s)",
    re.I,
)
LEADING_APOLOGY = re.compile(  # 'Sorry if this is a silly question, but who ...': the asker's manners, not the ask
    r"^\W*(?:sorry|apologies|forgive me|excuse me|pardon me)\b[^,?]{0,60},\s*(?:but\s+|and\s+)?(?=\S+\s+\S)",
    re.I,
)
LEADING_PURPOSE = re.compile(  # what the answer is for, said first: 'For a careers fair handout I need a table of ...'
    r"^\W*for (?:a|an|the|my|our|this|next) (?:[\w'’-]+ ){0,4}?(?:handout|leaflet|flyer|slide|deck|poster|newsletter|article|"
    r"episode|segment|talk|session|workshop|meeting|event|visit|factsheet|fact sheet|report|paper|piece|pack)s?\b,?\s+"
    r"(?=(?:I|we|I'm|we're|I’m|we’re)\s)",
    re.I,
)


QUOTE_ME = re.compile(  # 'Quote me the sentence where the report talks about the Golden Triangle': that sentence is asked
    r"^\W*(?:please\s+)?(?:quote|show|give|find|point) (?:me |us )?(?:to )?(?:the )?(?:exact |precise |actual )?"
    r"(?:sentence|line|passage|wording|bit)s? (?:where|in which|that|which|about|on|saying|containing|mentioning|with)\b"
    r"(?:\s+(?:the|a) (?:claim|reference|remark|point|figure|statement) (?:about|that|on|to)\b)?[\s,:]*",  # '... the claim about'
    re.I,
)
NUMBER_BEFORE_UNIT = re.compile(  # 'a ten-minute drive' as the documents write it: 'a 10-minute car journey'
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)-"
    r"(?=(?:minute|hour|day|week|month|year|mile|kilometre|km|metre|acre|hectare)s?\b)",
    re.I,
)
NUMBER_DIGITS = {  # a number written in words, as digits: 'ten' -> '10'
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
UNIT_DIGITS = NUMBER_DIGITS | {"thirty": "30", "forty": "40", "fifty": "50"}


def without_instructions(question: str) -> str:
    """The question without a trailing note on how to answer it ('One line, please.'), which is no help to search,
    and with its idioms in the documents' words ('which trades are in short supply' - 'in shortage')."""
    stripped = INSTRUCTION.sub("", question).strip() or question
    quoted = QUOTE_ME.sub("", stripped)
    stripped = quoted if len(quoted.split()) >= 2 else stripped
    stripped = LEADING_ROLE.sub("", LEADING_PURPOSE.sub("", PURPOSE_AFTER.sub("", LEADING_APOLOGY.sub("", stripped))))
    stripped = re.sub(r"^\W+", "", AUDIENCE.sub("", stripped)).strip() or stripped
    for idiom, plain in IDIOMS:
        stripped = idiom.sub(plain, stripped)
    return NUMBER_BEFORE_UNIT.sub(lambda m: UNIT_DIGITS[m.group(1).lower()] + "-", stripped)


ASKED_VERBS = {"summarising": "summarise", "summarizing": "summarize", "listing": "list", "giving": "give",
               "outlining": "outline", "comparing": "compare", "explaining": "explain", "setting out": "set out"}
MIND_DOING = re.compile(rf"^\W*(?:would|do|could) you mind (?:just )?({'|'.join(ASKED_VERBS)})\b", re.I)


def core_question(question: str) -> str:
    """The question without a courteous lead-in: 'Can you tell me when iiCON was founded?' -> 'when iiCON was
    founded?'. Question words are then where the question types and routes expect them."""
    stripped = MIND_DOING.sub(lambda m: ASKED_VERBS[m.group(1).lower()], question, count=1)  # 'would you mind summarising'
    stripped = LEAD_IN.sub("", stripped, count=1)
    stripped = LIST_LEAD_IN.sub("List ", stripped, count=1)
    return stripped if len(stripped.split()) >= 2 else question


SCENE = re.compile(  # "I'm building a one-slide summary: what are ...": the scene, then the question
    r"^\W*(?:I'm|I am|I've|I have|I'll|We're|We are|We've|We have|We'll|Our|My|For (?:a|an|the|my|our|referencing)\b"
    r"|(?:Speaking|Writing|Calling|Asking) (?:from|as|for|on behalf of)\b"  # 'Speaking from Cardiff: does ...'
    r"|(?:I|We) (?:run|work|manage|lead|own|sit|chair|represent|advise|cover|worked|ran|managed|led|used to|lobby|recruit"
    r"|teach|invest|study|research|spent|lived|grew up"
    # a memory first ('I did a spell on contract at a pharma plant over Runcorn way years ago.', 'I went on a works trip')
    r"|did|went|visited|trained|started|began|retired|remember|recall|once)\b)"
    # ('Our energy team wants to know which clusters talk about hydrogen. Go through each ...': the ask, no scene)
    r"(?:(?!\b(?:to know|to find out|to understand|wondering|asking|interested in) (?:which|what|how|whether|when|where|who"
    r"|everything|anything|all)\b)[^:?.])*?"
    r"(?::|\.(?=\s+[A-Z])|\s+[-–—](?=\s+(?:what|which|how|give|list|tell|summ|can|could|where|who|when|why"
    r"|the (?:intro|introduction|report|publication|paper)\b))"
    # 'For our bootcamp business plan, summarise ...': what it is for, then the ask
    # (not 'For a one-pager on devolution, what does the report say?': the topic is set first there)
    r"|,(?=\s+(?:summ\w*|list|give|tell|compare|outline|describe|could you|can you|please|what|which|how|where|who)\b)"
    r"(?!\s+what (?:does|do) (?:the |this )?(?:report|publication|document|paper|NP11|it) say\W*$))"
    r"\s+(?=\S+\s+\S+)"  # '… - the intro says …'
    # "Researcher's query: …", "A sceptical economist asks: …", "Quick one from the Minister's office: …"
    # 'Briefing note for the Permanent Secretary: …', 'Private office query: the Minister wants …'
    r"|^\W*(?:[\w'’-]+\s+){0,5}(?:query|question|request|ask|asks|asking|note|wants to know|wonders)"
    r"(?:\s+(?:for|from) (?:the |my |our )?(?:[\w'’-]+\s+){0,2}[\w'’-]+)?(?:\s*:|\s+[-–—])\s+(?=\S+\s+\S+)"
    r"(?:(?:the|my|our) (?:[\w'’-]+ ){0,2}(?:wants|needs|would like|is after|has asked for|asked for)(?: to know)? )?"
    # 'Permanent secretary's office needs every one of …': who wants it
    r"|^\W*(?:[\w'’-]+\s+){0,3}(?:office|team|boss|minister|secretary|director|chair)(?:['’]s)?\s+"
    r"(?:needs|wants|would like|has asked for|is after)\s+(?=\S+\s+\S+)"
    r"|^\W*(?:quick|one) (?:one|question|q)\b[^:?]{0,50}(?::|\s[-–—])\s+(?=\S+\s+\S+)"  # 'Quick one for scrutiny - who ...'
    # 'Parliamentary researcher: set out …', 'Apprenticeship levy adviser: give me …': who asks, by role
    r"|^\W*(?:[\w'’-]+\s+){0,4}(?:adviser|advisor|researcher|officer|manager|analyst|engineer|student|teacher|founder|"
    r"director|journalist|planner|curator|clerk|economist|consultant|member|investor|councillor|historian|editor|producer|"
    r"governor|official|envoy|commissioner|designer|owner|lawyer|attorney|lender|fellow|banker|host|strategist|trustee|"
    r"reporter|scientist|here)"
    r"(?: (?:of|from|at|in|for) (?:the )?[\w'’-]+(?: [\w'’-]+)?)?\s*:\s+(?=\S+\s+\S+)"  # 'Local historian of the Tyne: …'
    # 'As a social-enterprise founder, give me …', 'As an adviser comparing with Belfast, summarise …'
    r"|^\W*As an? [^,.:?]{2,60}?,\s+(?=(?:give|summ\w*|list|tell|set out|outline|compare|what|which|how|where|who|can|could"
    r"|please)\b)"
    r"|^\W*(?:I|We) (?!(?:am|was|were|are)\b)[a-z]\w*\b[^:?.]{0,80}:\s+(?=\S+\s+\S+)"  # 'I pay my taxes and want to know: …'
    # 'Comparing with Scotland's space scene: ...', 'At home in Scotland our clusters ... . Is that ...', 'Thinking of the
    # Highlands: ...': where the asker compares from
    r"|^\W*(?:compar(?:ed|ing) (?:it )?(?:with|to)|(?:for|by|in) comparison (?:with|to)|(?:thinking|speaking) of"
    r"|(?:at|back) home in)\b[^?:]{0,100}?"
    r"(?:[:,;]|\.(?=\s+[A-Z])|\s[-–—])\s+(?=\S+\s+\S+)"
    r"|^\W*As an? [^:?.]{1,80}:\s+(?=\S+\s+\S+)"  # 'As a VC I'm interested in leverage: …'
    # 'As a process engineer I've worked with the AMRC - which case studies mention ...'
    r"|^\W*As an? [^:?.]{1,80}?\s[-–—]\s+(?=(?:what|which|how|where|who|when|why|can|could|please)\b)"
    r"|^\W*[A-Z][a-z]+ing (?:for|against) [^:?.]{1,50}:\s+(?=\S+\s+\S+)"  # 'Benchmarking for Wales: …'
    # 'From a university KE perspective: …'
    r"|^\W*From an? [^:?.]{1,60}? (?:perspective|point of view|angle)\s*[:,]\s+(?=\S+\s+\S+)"
    # 'Slide 3 of our bid deck is called …. I need …', 'Agenda item 4: …': where the answer goes
    r"|^\W*(?:slide|agenda item|item|para(?:graph)?|question|q)\s*\d+\b[^?!:]{0,80}?(?:[.:]|\.['’\"])\s+(?=\S+\s+\S+)"
    # 'Liverpool Echo here. Which …', 'Journalist here, doing a piece on …: what …': who is asking
    r"|^\W*(?!(?:what|which|who|how|where|when|why|is|are|does|do|did|can|could|was|were)\b)(?:[\w'’&-]+\s+){1,3}here\s*[.,:;–—-]+"
    r"\s+(?:[^:?.]{0,80}:\s+)?(?=\S+\s+\S+)"
    # "For a briefing note, set out ...": what it is for, then the question
    r"|^\W*For (?:a|an|my|our|the) (?:[\w-]+ ){0,3}(?:note|notes|briefing|brief|slide|slides|deck|paper|pack|one-pager|"
    r"meeting|memo|submission|email|minister|call|board|essay|dissertation|newsletter|article|thread|blog|post)\s*,\s+"
    r"(?=\S+\s+\S+)"
    # 'On behalf of the Committee, could you set out ...': for whom
    r"|^\W*On behalf of (?:the |my |our |a |an )?(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s*,\s+(?=\S+\s+\S+)",
    re.I,
)


def scene_of(question: str) -> str:
    """The scene an asker sets before the question ('I run a small agri-tech business near Malton. '), or ''."""
    scene = SCENE.search(question) or AS_WHO.search(question)
    return question[: scene.end()] if scene else ""


def without_scene(question: str) -> str:
    """The question without the scene an asker sets first ('I run a small agri-tech business near Malton. ...'):
    a name there is who is asking, not what the documents must mention."""
    question = question[len(scene_of(question)) :]
    return AFTERWORD.sub("", question)  # '... talk about offshore wind? We have plenty of it in Scotland.'


AFTERWORD = re.compile(  # the asker's scene said after the question: a statement in their own person
    r"(?<=\?)\s+(?=[^?]*\b(?:I|I['’]m|we|We|our|Our|my|My)\b)[^?]*$"
    r"|;\s*(?=(?:I|I['’]m|we|we['’]re|We|We['’]re|our|Our|my|My)\b)[^?;]*$"  # '...; we're benchmarking Glasgow against it.'
    # '... define a cluster? The Committee would like the report's own wording.': who wants it
    r"|(?<=\?)\s+(?=(?:The|My|Our) (?:Committee|Minister|Secretary|Chair|Board|team|office|boss|director)\b)[^?]*$"
    # '... who actually are NP11? The report just assumes you know.': a remark, asking nothing more
    r"|(?<=\?)\s+(?=(?:The|This|That|It|It['’]s|They|These|Those|Big|Everyone|Nobody|People)\b)"
    r"(?![^?]*\b(?:list|give|tell|name|include|each|every|only|please|which|what|how|where|when|who|why|figures?|"
    r"numbers?|amounts?|years?|dates?|page|section|case study|chapter|part|bit)\b)[^?]*$"
)


AS_WHO = re.compile(  # 'As a retired steelworker from Redcar, I'd …', 'As a Canadian trade commissioner I'd like to know …'
    r"^\W*As (?:an?|someone|somebody|[A-Z][\w-]+['’]s) [^,.:?]{2,60}?"  # ('As Sheffield's inward-investment team, we')
    r"(?:,\s+(?=(?:I|we)\b)|\s+(?=(?:I|we)(?:['’]d|['’]m|['’]ve| would| need| want| am| have)\b))"
    rf"|^\W*{_GREETING}\b[\s,:]*",  # a letter's greeting
    re.I,
)
