"""What a question asks for, and whether a sentence holds it.

"How many organisations ...?" wants a number followed by 'organisations'; "When ...?" a
year or month; "What does NORSS stand for?" the expansion "(NORSS)"; "How much funding ...?"
a sum of money in a sentence about funding. A sentence without the kind of value asked for
cannot answer, which is what tells a near-miss question (a real name, an unstated fact)
from an answerable one.

Example:
    >>> kind, detail = question_type("How many people does iiCON employ?")  # what is counted ends at the verb
    >>> kind, detail
    ('count', 'people')
    >>> holds_kind(kind, detail, "iiCON was founded in 2020 with an £18.6 million grant.")
    False
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .retrieve import (
    AGENT_ASK,
    ALSO_SAID,
    BESIDES_ASKED,
    CALENDAR,
    CHANCE_ASKED,
    CHANCE_SAID,
    CONTRAST_SAID,
    PAYOFF_ASKED,
    PAYOFF_SAID,
    REAL_DRIVER_ASKED,
    THE_ONE_BEFORE,
    Passage,
    bare_word,
    done_by,
    how_made_said,
)
from .text import SYNONYMS, core_question, expansion_of, expansions, terms

FIGURE = re.compile(r"(?<![\w.,])\d(?:[\d,.]*\d)?(?![\d.,]*[A-Za-z]{2})")  # '£80m', '1,365', not 'NP11' or '5G'
UNITS = {  # a unit a question may ask for, and what the sentence may write
    "gigawatt": "gigawatts?|gw|megawatts?|mw", "megawatt": "megawatts?|mw|gigawatts?|gw", "gw": "gigawatts?|gw",
    "mw": "megawatts?|mw", "tonne": "tonnes?|tons?|mt", "hectare": "hectares?|ha|acres?", "acre": "acres?|hectares?",
    "mile": "miles?|km|kilometres?", "kilometre": "kilometres?|km|miles?", "km": "kilometres?|km|miles?",
}
UNIT_ASKED = re.compile(  # 'in megawatts?', 'a capacity figure, in megawatts, for ...'
    r"\bin (gigawatts?|megawatts?|gw|mw|tonnes?|hectares?|acres?|miles?|kilometres?|km)(?:\W*$|\s*[,)—–])", re.I
)
FIGURE_WANTED = re.compile(r"\b(?:the|an?) (?:exact|precise|headline|actual) (?:figure|number|sum|total|amount)\b", re.I)
COUNT_WINDOW = 4  # "54 organisations": the counted noun follows the number within this many words
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty hundred hundreds thousand thousands million billion dozen dozens"
).split()
NUMBER_WORD = re.compile(r"\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.I)
NUMBER = re.compile(r"(?:[£$€]\s?)?\d[\d,.]*|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.I)
MONEY = re.compile(r"[£$€]\s?\d|\d\s?(?:million|billion|bn|m)\b", re.I)
AUXILIARIES = set("did does do was is were has have had will would can could of money in".split())
RATE_MEASURES = {"rate", "size", "capacity", "output"}
SLANG_MONEY = ("dosh", "cash", "wonga", "moolah")  # money, said informally: no thing a sentence must name
MONEY_QUESTION = re.compile(
    r"\b(money|funding|funded|fund|invest\w*|pa(?:y|id)|cost|budget|grant|spen[dt]|worth|income|revenue|turnover|salary|gva|gdp"
    rf"|{'|'.join(SLANG_MONEY)})\b|£",  # ('how much dosh did iiCON get': money, said informally)
    re.I,
)
PERCENT = re.compile(r"\d\s?(?:%|per ?cent)|\b(?:half|third|quarter)\b", re.I)
FOUNDING_OR_YEAR = re.compile(
    r"\byears?\b|\b(?:found|establish|open|launch|creat|form|start|begin|began|set up|built|build)\w*", re.I
)
CENTURY = re.compile(r"\b(1[5-9]|2[01])(?:st|nd|rd|th)[- ]century\b", re.I)  # its number, for the year it starts
YEAR = re.compile(
    r"\b(1[89]\d\d|20\d\d)s?\b|\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)
NOT_ASKED = r"^(?!\W*(?:what|which|who|when|where|why|how|is|are|does|do|did|can|could)\b)"  # a note-taker's query
QUESTION_TYPES = (  # (kind, pattern): the first that matches decides what the answer must hold
    (
        "acronym",
        re.compile(
            r"\bwhat (?:does|did) (?:the )?(?:acronym |abbreviation |initialism )?(?P<acronym>[A-Za-z&]{2,})"
            # 'what does NESACoE, the old name of Space North East, actually stand for'
            r"(?:,[^,?]{2,60},(?: actually| really| exactly)?)? stand for\b"
            r"|\bwhat is (?:the )?(?P<acronym2>[A-Za-z&]{2,}) short for\b"
            r"|^\W*(?P<acronym3>[A-Za-z&]*[A-Z][A-Za-z&]*)\s+(?:stands|is short|is an? (?:acronym|abbreviation|initialism)) for\b"
            r"|\b(?:expand|spell out) (?:the )?(?:acronym |abbreviation )?(?P<acronym4>(?-i:[A-Za-z&]*[A-Z][A-Za-z&]*))\b"
            r"|\bwhat is the full (?:name|form) (?:of|for) (?:the )?(?P<acronym5>[A-Za-z&]*[A-Z][A-Za-z&]*)\b"
            r"|^\W*what (?:the )?(?P<acronym6>[A-Za-z&]*[A-Z][A-Za-z&]*) stands for\b"
            r"|^\W*(?P<acronym7>[A-Za-z&]*[A-Z][A-Za-z&]*)\s*[-–—:,]+\s*what (?:does|did) (?:that|it|this) stand for\b"
            r"|\bwhat (?:does|did) ['‘\"]?(?P<acronym8>(?-i:[A-Za-z&]*[A-Z][A-Za-z&]*))['’\"]? (?:abbreviate|mean|refer to)\b"
            r"|^\W*['‘\"]?(?P<acronym10>(?-i:[A-Z][A-Z&]{1,5}))['’\"]?\s*[-–—:,]+\s*(?:its |the )?full (?:name|form)\b"
            r"|\bwhat(?:'s| is) an? ['‘\"]?(?P<acronym9>(?-i:[A-Z][A-Z&]{1,5}))s?['’\"]?\s*\?"  # "what's a LEP?"
            r"|^\W*(?P<acronym11>(?-i:[A-Z][A-Za-z&]*[A-Z][A-Za-z&]*))\s*=\s*\?\W*$"  # 'SAM&M = ?'
            # 'CIEL + CHAP full names?': the last one named (a sentence spelling out both names both)
            r"|^\W*(?:(?-i:[A-Z][A-Z&]{1,5})\s*(?:\+|&|and|,)\s*)?(?P<acronym12>(?-i:[A-Z][A-Z&]{1,5}))\s+"
            r"full (?:names?|forms?)\b"
            # "what does 'MA & I' refer to": quoted, with spaces round its ampersand
            # 'HVMC meaning', 'RAIC expansion, please?'
            r"|^\W*(?P<acronym14>(?-i:[A-Z][A-Z&]{1,7}))\s+(?:meaning|expansion|expanded|full (?:name|form)|in full|"
            r"(?:acronym|abbreviation|initials)(?: meaning| expanded)?)\b(?:,? please)?\W*$"
            r"|\bwhat (?:does|did) ['‘\"](?P<acronym13>(?-i:[A-Z]{1,4} ?& ?[A-Z]{1,4}))['’\"] "
            r"(?:stand for|abbreviate|mean|refer to)\b",
            re.I,
        ),
    ),
    (
        "percent",
        re.compile(
            r"\b(?:what|which) (?:percentage|proportion|share|per ?cent)\b|\bhow many per ?cent\b"
            r"|\b(?:annual |yearly )?growth rate\b|\brate of growth\b"  # 'digital growth rate per year': 'growing at 4.2%'
            r"|(?:^\s*|\s)%(?=\s|\?|$)"  # '% of GM firms using advanced tech?', 'AI cluster annual growth %?'
            # 'out of every hundred workers, how many ...', 'among its high-value manufacturers, how many make ...'
            r"|\b(?:out of|in) (?:every|each) (?:hundred|100)\b"
            r"|^\W*(?:among|amongst) (?!(?:the |these |those |all )?(?:eleven|11|case|clusters|regions|areas|places)\b)"
            r"[^,?]{3,80}, how many\b",
            re.I,
        ),
    ),
    (
        "count",
        re.compile(
            r"\bhow many\b(?P<noun>(?:\s+[\w&/-]+){1,3})|\b(?P<people>headcount|staff numbers)\b"
            r"|\bwhat (?:\w+ )?number of\b(?P<noun2>(?:\s+[\w&-]+){1,2})"  # "what minimum number of firms"
            r"|^\W*(?:the )?(?:number|count) of\b(?P<noun4>(?:\s+[\w&-]+){1,2})"  # "Number of SMEs in ...?"
            r"|\b(?:counted|measured) in (?P<noun3>[\w&-]+)"  # "size of the metals base, counted in firms?"
            # a note-taker's query ending in what is counted: 'sellafield workforce size cumbria', 'HETA apprentices per year'
            r"|" + NOT_ASKED + r"[^?]*\b(?P<noun5>workforce|staff|"
            r"employees|jobs|apprentices|firms|companies|businesses)\s+"
            r"(?:size|numbers?|count|total|per (?:year|annum)|annually)\b",
            re.I,
        ),
    ),
    (
        "place",
        re.compile(
            r"^\W*where(?:abouts)?(?: in [^,?]+?)? (?:is|are|was|were|will|would|could|should|has|have|had|did|does|do) "
            r".*\b(?:located|based|headquartered|situated|sited|built|locate|to site|(?:to )?put|be(?= and\b|\W*$))\b"
            # 'which site has Lockheed Martin chosen', 'at which site is it considering putting its plant'
            r"|^\W*(?:at |in )?(?:which|what) (?:[\w-]+ ){0,2}?site\b(?=[^?]*\b(?:chosen|picked|selected|putting|locat\w*)\b)"
            # 'which town has X chosen'; not 'which County Durham body'
            r"|^\W*(?:which|what|in which|in what) (?:(?-i:[A-Z][\w&'-]*) ){0,3}"  # 'which North East town'
            r"(?-i:town|city|village|county|borough|location)\b",
            re.I,
        ),
    ),
    (
        "amount",
        re.compile(
            r"\bhow much(?P<much>(?:\s+[a-z][\w-]*){0,3})"
            # not 'the knock-on cost', 'the hidden cost': what it costs them, seldom a sum
            r"|\b(?:what(?:'s| is| was| are| were)|(?:tell|give) me|(?:state|confirm|provide|quote)(?= the)) "
            r"(?!(?:the |its )?(?:knock-on|indirect|hidden|wider|human|social|real) cost)"
            r"(?:the )?(?:current )?"
            r"(?P<measured>(?:[\w&'-]+ ){0,6}?)"
            r"(?P<measure>value|amount|budget|cost|size|total|worth|rate|population|turnover|revenue|gdp|gva|capacity|output|income|salary|price|headcount)\b"
            r"(?:\s+(?:of\s+)?(?P<totalled>[\w&'-]+))?"
            # not 'what price does it pay for not being a city region': what being so costs it, seldom a sum
            r"|\bwhat (?:\w+ )?(?:size|amount|budget|cost|rate|price(?![^?]*\b(?:pay|pays|paid|paying) for (?:not )?\w+ing\b)|sum"
            r"|capacity|output"
            r"|fees?)\b"  # 'what fee did NP11 pay'
            r"|\bwhat (?!(?:can|could|does|do|did|will|would|is|are)\b)\w+ \w+ (?:size|amount|budget|cost|rate|price|sum)\b"
            # 'what graduate retention rate', 'Give me one figure: the total ...', '(tell me) the total population of ...'
            r"|\b(?:give me |just )?one figure\b"
            # a note-taker's query ending in the sum asked: 'liverpool freeport investment attracted amount'
            r"|" + NOT_ASKED + r"[^?]*\b(?:amount|cost|value|budget|"
            r"spend|sum|total)\W*$"
            r"|^\W*the (?:total |current |latest )?(?:population|value|cost|budget|turnover|revenue|gdp|gva|income) of\b"
            r"|\bwhat (?:\w+ )?(?:volume|quantity) of\b"  # 'what volume of trade passed through it'
            r"|\bwhat(?:'s| is) the (?:current|latest|present) (?:figure|number|level)\b"
            r"|^\W*how (?:large|big) (?:is|was|are|were|will|an?)\b"  # 'how large was the seed funding': a figure
            r"|\bwhat (?:did|does|do|will|would) [^?]+ cost\b"  # 'what did the analysis cost NP11?'
            r"|\bwhat (?:did|does|do|will|would) [^?]+ (?:pay|spend|charge)\b"  # 'what did Raytheon pay for NORSS?'
            r"|\b(?:growth|annual|yearly|employment|retention) rates?(?=\W*$)"  # 'WY digital growth rate?'
            r"|\bwhat (?:\w+ )?(?:income|revenue|turnover|budget|salary|gva|gdp)"
            r" (?:did|does|do|will|would|has|have|is|was|are|were)\b"
            r"|\bin (?:pounds|sterling|£)\W*$",
            re.I,
        ),
    ),
    (  # 'what travel time is quoted?', 'how far does the corridor stretch?': minutes of travel or miles
        "distance",
        re.compile(
            r"\b(?:travel|journey|drive|driving|commute|commuting)[- ](?:time|distance)s?\b"
            # 'how far back' asks a date; 'how far are skills a problem' asks to what extent
            r"|^\W*how far\b(?! back| along| into| ahead| behind| beyond| afield| and wide)"
            r"(?! (?:is|are|does|do|has|have|did)\b(?![^?]*\b(?:stretch\w*|extend\w*|span\w*|away|apart|from)\b))"
            r"|\bwithin what (?:radius|distance)\b|\bhow (?:many|much) (?:miles|minutes|kilometres|km)\b",
            re.I,
        ),
    ),
    (  # 'how long did the research take?'
        "duration",
        re.compile(r"^\W*how long (?:did|does|do|will|would|has|have|had)\b[^?]*\b(?:take|last|run|took|lasted)\b", re.I),
    ),
    (
        "date",
        re.compile(
            r"^\W*(?:by|since) when\b|(?:^\W*|,\s*)(?:and |but |so )?when\b(?! it comes to\b)"  # 'since when has the CSRC ...'
            # ('..., when it comes to money?' is no date)
            # 'when have bids tended to land best' asks a condition, what works, not a date
            r"(?![^?]*\b(?:best|tend(?:s|ed)? to|usually|typically|generally|normally|"
            r"most (?:persuasive|effective|successful|compelling|convincing|productive))\b)"  # 'when … most persuasive'
            r"(?!\s+(?:do|does)\b(?![^?]*\b(?:open|launch|start|begin|close|finish|end|run out|expire|lapse|date)\b))"
            r"(?![^?]*,\s*(?:did|does|do|is|are|was|were|has|have|had|can|could|will|would|what|who|which|how|where|why)\b)"
            # "When steel declined, did the trade vanish?": a clause setting the scene, then the question
            r"(?!\s+(?:are|is)\b(?!.*\b(?:expected|due|scheduled|planned|set to|going to|meant to|open|operational|launch|start|"
            # "when are pitches most persuasive" asks a condition, not a date
            r"complete|built|established|finished|ready|running)))"
            r"|\b(?:what|which|in what|in which) (?:year|month|date)\b|\bdate of\b"  # '... MCA - date of first mayoral election?'
            r"|\b(?:wants|needs|give me|tell me) the (?:year|date) (?:of|for|when)\b|\b(?:year|date) only\W*$"  # '… Year only.'
            # 'Please confirm the year in which AstraZeneca withdrew ...'
            r"|\b(?:confirm|state|provide|give|tell me|specify) the (?:year|date) (?:in which|on which|when|that)\b"
            r"|^\W*the (?:year|date) (?:in which|on which|when)\b"
            r"|\bwhat(?:'s|’s| is| was) (?:the |its )?(?:\w+ )?date\b",  # "what's the publication date"
            re.I,
        ),
    ),
)
PEAK = re.compile(r"\b(?:at (?:its|their|the) (?:peak|height|heyday)|in (?:its|their) heyday|peak(?:ed)?)\b", re.I)
COUNT_VERBS = {"are", "have", "make", "makes", "made", "sit", "sits", "exist", "exists", "there"}  # 'how many firms make up'
NOT_COUNTED = {"along", "across", "around", "beyond", "near", "since"}  # 'how many people work along the corridor'
PEOPLE_COUNTED = "people jobs staff employees workers employ"
ROLE_QUESTION = re.compile(  # "Who chairs the Innovation Board?": an answer names the role
    r"^\W*(?:who|(?:which|what) (?:\w+ )?(?:university|company|firm|organi[sz]ation|body|council|authority|department|"
    r"partner|institution)) (?:(?:currently|now) )?(?P<verb>chairs|chaired|heads|headed|leads|led|runs|ran|founded|"
    r"manages|managed|owns|owned|operates|operated)\b"
    r"|^\W*who (?:is|was) (?:the |its |their )?(?:current )?(?:(?-i:[A-Z][\w&]*)\s+){0,3}"  # 'the current Tees Valley mayor'
    r"(?P<role>chair(?:man|woman|person)?|head|leader|mayor|"
    r"chief executive|ceo|director|founder|minister|manager|president)\b",
    re.I,
)
OWNER_QUESTION = re.compile(
    r"^\W*who does .+ belong to\b"
    r"|^\W*(?:who|(?:which|what) (?:\w+ )?(?:company|organi[sz]ation|group|firm|body|university)) (?:now |currently )?owns\b"
    r"|^\W*(?:which|what) (?:\w+ )?(?:company|organi[sz]ation|group|firm|body) (?:is|are) .+ now part of\b"
    r"|\b(?:is|are|was) (?:now |currently )?(?:part of|owned by) (?:which|what)\b"  # 'Alderley Park is now part of which …'
    r"|^\W*who (?:runs|operates|manages|owns|controls) .+ (?:these days|now|nowadays|today)\W*$"  # 'who runs X these days'
    r"|\bcomes? under (?:which|what|whose) (?:\w+['’]s )?(?:\w+ )?umbrella\b"  # 'comes under which organisation's umbrella'
    r"|^\W*whose (?:\w+ )?(?:portfolio|estate|group|stable|umbrella) (?:is|are) .+ part of\b"  # '… part of today'
    r"|\bbelongs? to (?:whom|who|which|what)\b"  # 'Alderley Park belongs to whom now?'
    # 'what is the name of the company that Alderley Park is now part of?'
    r"|\b(?:company|organi[sz]ation|group|firm|body) (?:that|which) .+ (?:is|are) (?:now |currently )?part of\b",
    re.I,
)
OWNER_WORDS = "own owned owner owns ownership part belong belongs acquired"
SPELL_IT_OUT = re.compile(
    r"\b(?:spell (?:it|that|this) out|what (?:does|did) (?:it|that|this) stand for|give (?:it|that) in full|"
    r"expand (?:it|that|this|the (?:abbreviation|acronym)|them|these|those|each|both)|"
    r"spell (?:them|em|these|those|each|both) out|"
    r"unpack (?:it|that|this|the (?:abbreviation|acronym|initials))|"
    r"(?<=[-–—:] )expand(?:,? please)?(?=\W*$)|"  # 'HVMC - expand please'
    r"what(?:'s| is) (?:it|that|this) short for|"  # 'CIEL - what is it short for?'
    r"what(?:'s| is) (?:it|that|this) when (?:it['’]s|it is) at home|"  # 'SAM&M - what's that when it's at home?'
    # "iiCON in Liverpool - what does the acronym stand for?", "NPIC - what is it, in full?"
    r"what (?:does|did) the (?:acronym|abbreviation|initialism|initials) stand for|what(?:'s| is) (?:it|that|this),? in full|"
    r"(?:written|spelled|spelt) out in full|"
    # 'HETA - what do those four letters actually stand for?', 'the full name behind the abbreviation NESACoE'
    r"what (?:do|did) (?:those|these|the|its|their) (?:\w+ )?(?:letters|initials) (?:actually |really )?stand for|"
    r"(?:full|long) (?:name|form) (?:behind|of|for) the (?:acronym|abbreviation|initialism|initials))\b",
    re.I,
)
ROLE_WORDS = {
    "leads": "lead led leader",
    "led": "lead led leader",
    "leader": "lead led leader",
    "runs": "run ran undertaken undertook conducted",  # 'which department ran the mapping tool': 'undertaken by'
    "ran": "run ran undertaken undertook conducted",
    "founded": "founded founder established set created formed",
    "founder": "founded founder established set created formed",
    "owns": "own owned owner owns ownership",
    "owned": "own owned owner owns ownership",
    "operates": "operate operated operator operates",
    "operated": "operate operated operator operates",
}
REFERS_BACK = re.compile(  # 'It ...', or 'The site, now part of Bruntwood SciTech': the sentence before names it
    r"(?i:^(?:\S+\s+){0,4}?(?:it|they|its|their)\b)|" + THE_ONE_BEFORE.pattern
)
WHERE_QUESTION = re.compile(r"^\W*(?:and |so )?where\b", re.I)
PLACE_BONUS = 0.1
SITE_ASKED = re.compile(  # 'which offshore gas centre near Cumbria ...': a site or a facility, by its name
    r"^\W*(?:which|what) (?:[\w-]+ ){0,3}?(?:site|centre|center|hub|facility|installation|port|campus|plant|field)\b"
    r"(?! (?:of|for) )", re.I
)
SITE_BONUS = 0.2
BECOMING_ASKED = re.compile(  # 'what is the old gas centre turning into', 'what is happening to the old gas installation'
    r"\bturn(?:s|ing)? into\b|\bbecom(?:e|es|ing)\b|\bhappening (?:to|with)\b|\bbeing (?:repurposed|converted)\b"
    r"|\bswitch(?:es|ing)? (?:over )?to\b",
    re.I,
)
BECOMING_SAID = re.compile(  # 'The Morecambe Bay gas hub is transitioning to a net-zero cluster'
    r"\b(?:is|are) (?:now )?(?:transitioning|turning|becoming|converting|being converted|being repurposed)\b|\bwill become\b",
    re.I,
)
BECOMING_BONUS = 0.2
LACK_ASKED = re.compile(  # 'what kind of big player was missing from the North East space scene'
    r"\b(?:missing|absent|lacking|lacked|lacks|lack)\b|\b(?:did ?n[o']t|does ?n[o']t|didn't|doesn't) (?:have|yet have)\b"
    # 'what had it never managed to land'
    r"|\bnever (?:(?:managed|been able) to )?(?:land|landed|attract|attracted|get|got|have|had|win|won)\b",
    re.I,
)
LACK_SAID = re.compile(  # '... but did not have any large space primes'
    r"\b(?:did|does|do) not (?:yet )?have\b|\b(?:lacks?|lacked|lacking|absence of|no shortage)\b|\bwithout any\b", re.I
)
LACK_BONUS = 0.2
WORDING_ASKED = re.compile(  # 'what catchy phrases have people used to describe it': words quoted, not a summary of it
    r"\b(?:phrases?|slogans?|taglines?|catchphrases?|labels?|soundbites?|descriptions?|nicknames?|quotes?|quotations?|words)\b"
    r"[^?]{0,40}\b(?:use|uses|used|coined|applied|given)\b|\bquoted (?:phrases?|words|descriptions?)\b",
    re.I,
)
QUOTING = re.compile(r"[\"“][^\"”“]{8,120}[\"”]")
ACRONYM_SHAPE = r"(?-i:[A-Z][A-Za-z&]*[A-Z][A-Za-z&]*)"  # 'SAM&M', 'NESACoE': two capitals at least
WHAT_IS = re.compile(  # "What is BioYorkshire?", "What kind of body is BioYorkshire?", a bare "SAM&M?"
    r"^\W*what (?:(?:kind|type|sort) of (?:[\w-]+ ){0,2})?(?:is|are|was|were) (?:the |an? )?(?P<name>[\w&'’ -]{2,60}?)"
    r"(?:,? and (?:what|how|why) [^?]*)?\s*\??\s*$"  # 'what kind of body is BioYorkshire and what is it trying to do?'
    rf"|^\W*(?P<bare>{ACRONYM_SHAPE})\s*\?\s*$",
    re.I,
)
FORMER_NAME = re.compile(
    r"\b(?:previously|formerly|originally|once) (?:known|called|named)\b|\bused to (?:be (?:called|known)|go by)\b|"
    r"\b(?:a different|another|other) name\b|"
    r"\b(?:old|former|previous|original) name\b|\bcalled before\b",
    re.I,
)
FORMERLY = re.compile(r"\b(?:formerly|previously|renamed|originally|once known)\b", re.I)
DEFINITION_BONUS = 0.1
SPELLED_OUT_BONUS = 0.3  # 'What is SAM&M?': the sentence spelling it out is what it is
REASON_BONUS = 0.1  # a 'why' question's sentence that gives a reason
BECAUSE = re.compile(r"\b(?:because|due to|thanks to|as a result of|owing to|in part to|in part due|in response to)\b", re.I)
SELF_BONUS = 0.25  # for the report saying how it was made, when that is asked ('on what basis were the eleven chosen')
ALSO_BONUS = 0.35  # for what a whole 'also includes', when the question asks what else there is besides a part
CONTRAST_BONUS = 0.1  # for the sentence setting what is needed against what drives, when that is asked
SEVERAL_ASKED = re.compile(  # 'what specialisms is C&W a hub for': the sentence naming several of them
    r"\b(?:what|which) (?:[\w-]+ ){0,2}(?:specialisms|specialities|specialties|strengths|sectors|industries|fields|technologies|"
    r"activities|capabilities|applications|markets|obstacles|barriers|challenges|hurdles|headwinds)\b"
    r"|\bareas of (?:excellence|expertise|strength|specialism|specialisation|specialization)\b",  # '... areas of excellence?'
    re.I,
)
OWNER_ASKED = re.compile(  # 'Alderley Park now sits within which property company?': who it belongs to now
    r"\b(?:belong\w*|sits? within|owned by|owns|owner|portfolio)\b", re.I
)
OWNER_SAID = re.compile(r"\bnow part of [A-Z]|\b(?:owned|acquired) by [A-Z]|\bbelongs to [A-Z]")
OWNER_BONUS = 0.5
SEVERAL_SAID = re.compile(r"\b[\w-]+(?: [\w-]+)?, (?:[\w-]+ ){0,3}[\w-]+, (?:[\w-]+ ){0,3}[\w-]+,? and ")  # four or more
SEVERAL_BONUS = 0.2
EXAMPLE_ASKED = re.compile(  # 'which cluster is used as the example in the recommendation on boundaries'
    r"\b(?:as|for) (?:the|an|its|their) (?:example|illustration|case in point)\b|\b(?:which|what) (?:example|illustration)\b"
    r"|\bheld up as\b|\bto illustrate\b",
    re.I,
)
EXAMPLE_SAID = re.compile(r"\b(?:for example|for instance),", re.I)  # 'For example, the life sciences cluster in Liverpool ...'
EXAMPLE_BONUS = 0.3
MOST_COMMON_ASKED = re.compile(  # 'which problem crops up most often across every cluster'
    r"\bmost (?:common|often|frequent\w*|widespread|prevalent|cited|mentioned|recurring)\b|\bcommonest\b"
    r"|\bmore than (?:almost )?any other\b|\bkeeps? (?:coming|cropping) up\b",
    re.I,
)
COMMON_SAID = re.compile(r"\bmost common\b|\bcommon thread\b|\bconstant point\b|\bperennial\b", re.I)
COMMON_BONUS = 0.2
CONDITION_ASKED = re.compile(  # 'when do bids land best': the circumstances in which something works best
    r"^\W*(?:[^?]*,\s*)?when\b[^?]*\b(?:best|most \w+)\b", re.I
)
CONDITION_SAID = re.compile(  # 'pitches are most compelling when these groups are united'
    r"\b(?:most|best|greatest|strongest)\b[^.;]{0,40}\bwhen\b|\bperform best\b", re.I
)
CONDITION_BONUS = 0.2
AWAY_ASKED = re.compile(  # 'what funding does NP11 want to move away from', '... move on from', '... see the back of'
    r"\b(?:mov|shift|step|turn|get|wean)\w* (?:away|on) from\b|\bsee the back of\b|\bphas\w* out\b", re.I
)
AWAY_SAID = re.compile(r"\b(?:shift|move|moving|step|turn)\w* away from\b", re.I)  # 'We need a shift away from small ...'
AWAY_BONUS = 0.3
CHANCE_BONUS = 0.35
PAYOFF_BONUS = 0.35  # for 'Clusters are important because ...', when the payoff of having them is asked
# 'from the world-class to the locally important': 'They can range from ... to ...'
RANGE_ASKED = re.compile(r"\bfrom (?:the )?[\w-]+(?: [\w-]+){0,3} to (?:the )?[\w-]+(?: [\w-]+){0,3}\W*$", re.I)
RANGE_SAID = re.compile(r"\brang(?:e|es|ed|ing) from\b", re.I)
RANGE_BONUS = 0.2
NAMES_ASKED = re.compile(
    r"\b(?:which|what) (?:\w+ )?(?:organi[sz]ations|bodies|companies|firms|partners|universities|institutions|"
    r"stakeholders|businesses|employers|players|members|consultancy|consultants|agency|agencies|department|group|"
    r"partnership|company|firm|organi[sz]ation|university|institution|body)\b"
    r"|\bwho (?:were|are|was) (?:the )?(?:partners|members|players)\b"
    r"|\bwho (?:\w+ )?(?:worked|works|work|partnered|collaborated|teamed|joined forces|was involved|were involved)\b"
    r"|\bwho (?:did|undertook|carried out|conducted|produced|wrote|commissioned|funded|backed|supported)\b",
    re.I,
)
ONE_ORGANISATION = re.compile(  # "which company has been selected to build ...": one body, by its name
    r"^\W*(?:which|what) (?:[\w-]+ )?(?:company|firm|consultancy|organi[sz]ation|body|department|university|institution|"
    r"agency|developer|operator|manufacturer|multinational|business)\s+"
    # the body does something (not 'which Lancaster University research centre', 'which multinational drug makers')
    r"(?:is|was|are|were|has|have|had|(?:will|would|could|can|should)(?!\s+(?:the|a|an|its|their|they|it|we|you)\b)|"
    r"did|does|do|now|currently|recently|already|"
    r"bought|built|won|led|ran|made|took|set|\w+ed|\w+[^s]s)\b",
    re.I,
)
CAPITALISED = re.compile(r"\b[A-Z][\w&'-]*(?:\s+(?:of|for|the|&)?\s*[A-Z][\w&'-]*)*")
COMMON_NAMES = frozenset({"UK", "US", "EU", "UN", "NHS", "GVA", "GDP", "SMEs", "SME", "R&D", "AI"})  # no name of anything asked
ORGANISATION_NAME = re.compile(r"\b[A-Z][\w&'-]*(?:\s+(?:of|for|the|&)?\s*[A-Z][\w&'-]*)+|\b[A-Z]{2,}\b")
MANY_NAMES = 4  # a sentence naming this many gets the whole nudge
NAMED_MANY_ASKED = re.compile(  # a group's members asked for: 'who were the partners', 'every member, please'
    r"\bwho (?:were|are) (?:the )?(?:partners|members|players)\b|\bwho (?:was|were) (?:in|on|part of|behind)\b"
    r"|\b(?:every|each|all (?:the )?)(?:member|partner|organi[sz]ation|bod(?:y|ies))s?\b",
    re.I,
)
LISTED_NAMES = 3  # ...and a sentence naming at least this many of them gets a further nudge
NAMES_LISTED_BONUS = 0.15
NAMES_BONUS = 0.2  # for names the question does not give, when it asks for names
AGENT_BONUS = 0.5  # for saying who did the deed asked about ('the analysis was undertaken by X'): the answer itself
FIGURE_KINDS = frozenset({"percent", "count", "amount", "date", "duration", "distance"})  # a figure or a date asked
QUOTE_BONUS = 0.5  # for holding, word for word, a phrase the question quotes: 'what is "the vital fuel for innovation"?'
QUOTED = re.compile(  # its opening mark may have gone with what came before it ('"the vital fuel" -- what is it?')
    r"(?<!\w)[\"“‘']([^\"”“‘]{12,200}?)[\"”’'](?!\w)|^([^\"”“‘’']{12,200}?)[\"”](?!\w)"
)
MIN_QUOTED_WORDS = 3
ECHO_NEW_TERMS, ECHO_PENALTY = 2, 0.2  # a sentence adding this few terms to the question's own is a weaker answer
PURE_ECHO_PENALTY = 0.3  # and weaker still when it adds none
PLACE = re.compile(  # 'in Billingham'; 'three main sites: Wilton International, ...' names places too
    r"\b(?:(?:in|at|to|near|from|into)\s+(?:the\s+)?|(?:sites|locations|campuses):\s+)([A-Z][\w&-]+)"
)


ASKED_AFTER = re.compile(  # where the question proper starts after a statement setting the scene
    r"(?:[.!:;]|\s[-–—])\s+(?=(?:and |but |so )?(?:when|what|which|how|where|who|in (?:what|which))\b)", re.I
)
MONTH_ASKED = re.compile(r"\b(?:month|day|exact date|which date|what date)\b", re.I)
HEDGES = re.compile(  # words that sharpen a question, asking nothing more: 'where exactly is', 'how large, in pounds, is'
    r"(?<=\w)\s+(?:exactly|precisely|actually|roughly|approximately|specifically)\b(?=\s+\w)"
    r"|,\s*in (?:pounds|sterling|£|money terms|cash terms|round numbers|round terms)\s*,",
    re.I,
)


MISSPELT_WHERE = re.compile(r"^(\W*)were (?=(?:is|are|was|were|do|does|did)\b)", re.I)


def question_type(question: str) -> tuple[str, str]:
    """(kind, detail): e.g. ('count', 'organisations'), ('date', ''), ('acronym', 'NORSS'), ('', '')."""
    question = HEDGES.sub("", core_question(question))
    question = MISSPELT_WHERE.sub(r"\1where ", question)  # 'Were are the UTCs located?'
    if OWNER_QUESTION.search(question):  # "who does Alderley Park belong to", "which company is it now part of"
        return "role", OWNER_WORDS
    spell = SPELL_IT_OUT.search(question)
    if spell:  # "... abbreviated SAM&M as its focus. Spell it out."; "BAE's 'MA & I' business - spell it out"
        before = question[: spell.start()]
        quoted = re.findall(r"['‘\"“]((?-i:[A-Z][A-Z&\- ]{1,9}[A-Z]))['’\"”]", before)
        quoted = quoted or re.findall(r"(?<![\w&])(?-i:[A-Z]{1,4} ?& ?[A-Z]{1,4})(?![\w&])", before)  # 'BAE's MA & I — expand it'
        acronyms = quoted or re.findall(r"(?<![\w&])(?:[A-Z][A-Z&]{1,7}|(?=\w*[A-Z]\w*[A-Z])[A-Za-z&]{3,9})(?![\w&])", before)
        if not acronyms:  # 'the full name behind the abbreviation NESACoE': named after
            acronyms = re.findall(r"(?<![\w&])(?-i:[A-Z][A-Z&]{1,7}|(?=\w*[A-Z]\w*[A-Z])[A-Za-z&]{3,9})(?![\w&])",
                                  question[spell.end():])[:1]
        if acronyms:
            return "acronym", acronyms[-1]
    role = ROLE_QUESTION.search(question)
    if role:
        asked = (role.group("verb") or role.group("role")).lower()
        return "role", ROLE_WORDS.get(asked, asked)
    if ONE_ORGANISATION.search(question):  # "which consultancy did the analysis": a name the question lacks
        return "organisation", ""
    for kind, pattern in QUESTION_TYPES:
        match = pattern.search(question)
        if match:
            groups = {k: v for k, v in match.groupdict().items() if v}
            acronyms = [groups.get(f"acronym{n}") for n in ("", *map(str, range(2, 15)))]
            nouns = (groups.get(n) for n in ("noun", "noun2", "noun3", "noun4", "noun5"))
            detail = next((a for a in acronyms if a), "") or next((n for n in nouns if n), "")
            if kind == "count" and detail.split()[:1] and detail.split()[0].lower() in AUXILIARIES | {"are", "have"}:
                # "How many are SMEs?" counts SMEs; "It mentions UTCs. How many does the area have?" counts what
                # was named before
                rest = detail.strip().split(" ", 1)[1] if " " in detail.strip() else ""
                pointed = re.match(r"(?:the|it|they|there|this|that|these|those|we|you)\b", rest, re.I)
                detail = "" if not rest or pointed else rest
            if kind == "count":  # 'how many workers did the sector have': what is counted ends where the verb starts
                words = detail.split()
                ends = next((i for i, w in enumerate(words) if i and w.lower() in AUXILIARIES | COUNT_VERBS), len(words))
                detail = " ".join(words[:ends])
            if groups.get("people"):  # "headcount for the space sector?": a number of people or jobs
                detail = PEOPLE_COUNTED
            if groups.get("much"):  # "how much seed funding did...": the sentence must speak of seed funding
                words = []
                for word in groups["much"].split():
                    if word.lower() in AUXILIARIES or word.lower() in ("a", "per", "each", "every", "annually"):
                        break  # "by how much a year": a rate, not a thing measured
                    if word.lower() not in ("extra", "additional", "more", "further", "new", "total", "overall", *SLANG_MONEY):
                        words.append(word)  # 'how much extra money': money, not something called extra
                detail = f"much:{' '.join(words)}" if words else ""
            if groups.get("measure"):  # "what is the total GVA", "what is the graduate retention rate"
                measured = groups.get("measured", "")
                if groups["measure"].lower() == "total":
                    measured += " " + groups.get("totalled", "")
                detail = f"{groups['measure'].lower()}:{measured}"
            return kind, detail.strip()
    if UNIT_ASKED.search(question) or FIGURE_WANTED.search(question):  # 'the capacity, in megawatts, of its hydrogen
        return "amount", ""  # project - what is it?', 'give me the exact figure for jobs …': a figure
    # 'You mentioned Calder Hall was built in 1956 - when did it shut down?': what is said first sets the scene
    asked = ASKED_AFTER.search(question)
    return question_type(question[asked.end() :]) if asked else ("", "")


NONE_OF = re.compile(  # a count of nought said in words: 'Almost none of the projects mentioned above ...'
    r"\b(?:almost |nearly |virtually |practically |hardly any |)(?:none|not one|not a single one) of (?:the |these |those )?"
    r"(?P<counted>(?:[\w-]+ ){0,2}[\w-]+)",
    re.I,
)


def holds_kind(kind: str, detail: str, sentence: str, question: str = "") -> bool:
    """Does the sentence hold the kind of value asked for?"""
    if (not FACT_CHECK.search(question) and not _same_year(question, sentence)) or not _unit_given(question, sentence):
        return False  # 'my notes say 2022 - is that right?' checks a year, it does not ask about that year
    none = NONE_OF.search(sentence) if kind == "count" else None
    if none and set(terms(none.group("counted"))) & set(terms(question)):
        return True  # 'how many of the projects were kicked off by one organisation': 'almost none of the projects ...'
    if kind in ("amount", "count", "percent") and not _new_figure(question, sentence):
        return False
    if kind == "acronym":
        escaped = " ?& ?".join(re.escape(part.strip()) for part in detail.split("&"))  # 'MA & I' is 'MA&I' too
        return bool(re.search(rf"\({escaped}\)|\b{escaped}\b\s*\(", sentence, re.I)) or bool(expansion_of(detail, sentence))
    if kind == "percent":
        return bool(PERCENT.search(sentence))
    if kind == "amount":
        measure, _, measured = detail.partition(":")
        if measure == "population":  # people living there, not firms or jobs
            return bool(re.search(r"\bpopulation\b|\binhabitants\b|\bresidents\b", sentence, re.I)) and _has_count(sentence)
        # 'what's the metals sector worth': the sector is what is valued, said in the section if not in the sentence
        said = set(terms(sentence))
        if measure != "worth" and terms(measured) and not {s for t in terms(measured) for s in (t, *SYNONYMS.get(t, ()))} & said:
            return False  # the thing measured ("GVA" in "the total GVA") must be in the sentence
        if MONEY_QUESTION.search(question):
            return bool(MONEY.search(sentence))
        if measure and measure != "much" and measure not in RATE_MEASURES:  # a total or a value is not a percentage
            return bool(MONEY.search(sentence) or _has_count(sentence))
        return bool(MONEY.search(sentence) or PERCENT.search(sentence) or _has_count(sentence))
    if kind == "place":  # 'where is it based': a place the question does not name itself
        asked = set(terms(question))
        # ('in the UK' is no answer to where in the North East)
        return any(not set(terms(place)) <= asked for place in PLACE.findall(sentence) if bare_word(place) not in COMMON_NAMES)
    if kind == "date":  # 'when did Calder Hall stop generating?' is not answered by when it was built
        if ENDED.search(question) and not ENDED.search(sentence):
            return False
        if RENAMED.search(question) and not RENAMED.search(sentence):  # nor when it changed its name
            return False
        if AHEAD.search(question) and not AHEAD_SAID.search(sentence):  # nor when it is due by when it began
            return False
        if OPENED.search(question) and not OPENING_SAID.search(sentence):  # 'when did MediaCity open its doors' is not
            return False  # answered by the year of the BBC's move that 'led to the development of MediaCity'
        # 'I think NESACoE started in 2014. When was it established?': a year checked may be the answer
        # 'when did steel go into decline': 'in the 20th century'; no year, nor when something was founded or opened
        if CENTURY.search(sentence) and not YEAR.search(sentence) and not FOUNDING_OR_YEAR.search(question):
            return True
        return bool(YEAR.search(sentence)) and (_new_date(question, sentence) or _year_checked(question))
    if kind == "distance":  # 'a 10-minute car journey', 'spans 40 miles'
        return bool(DISTANCE.search(sentence))
    if kind == "duration":  # 'how long did the research take?': a span of time
        return bool(DURATION.search(sentence))
    if kind == "count":
        if PEAK.search(question) and not PEAK.search(sentence):  # 'how many worked in steel at its peak': not today's
            return False
        nouns = set(terms(detail)) - NOT_COUNTED  # 'how many roles' is answered by '116,000 jobs'
        if SMALL_FIRMS.search(detail):  # 'how many smaller firms' is answered by 'nearly 200 SMEs'
            nouns |= set(terms("SMEs"))
        total = re.search(r"\b(?:in total|total|altogether|in all)\b", question, re.I)  # a share is no total
        employed = re.search(r"\bemploy|\bwork(?:s|ing)? (?:in|for|at)\b", question, re.I)  # a headcount, not a share
        if not total and not employed and nouns & set(terms(PEOPLE_COUNTED + " people")) and _share_of_people(sentence):
            return True  # 'how many people have digital skills' - 'only 59% have'
        counted = nouns.union(*(SYNONYMS.get(n, ()) for n in nouns))
        if nouns & set(terms("clusters")) and re.search(r"\bcase stud", question, re.I):  # 'how many clusters were
            counted |= set(terms("case studies"))  # profiled as case studies': 'Our eleven case studies'
        if nouns & set(terms("workers staff employees headcount workforce")):  # 'how many workers': 'employing 1,365 people'
            counted |= {"people"}  # (not '116,000 jobs will be needed': jobs are not people at work)
        return _has_count(sentence, counted)
    if kind == "organisation":  # a body's name the question does not give, or the sentence before gives it ('it')
        in_question = f" {' '.join(terms(question))} "  # the name as the question says it, not its words anywhere in it
        return bool(REFERS_BACK.match(sentence)) or any(
            f" {' '.join(terms(name))} " not in in_question
            for name in ORGANISATION_NAME.findall(sentence.split(" ", 1)[-1])
            if bare_word(name) not in COMMON_NAMES  # 'parts of the UK' names no body
        )
    if kind == "role":  # 'chaired by', 'the chair of', 'led by', 'founded by'
        return bool(set(terms(detail)) & set(terms(sentence)))
    return True


def says_who_did(question: str) -> Callable[[str], bool]:
    """sentence -> does it say, in the passive, who did the deed a 'who did X' question asks about ('The in-depth
    analysis was undertaken by Cambridge Econometrics')? Always False for other questions."""
    if not AGENT_ASK.search(question):
        return lambda sentence: False
    asked = set(terms(question))
    asked |= set(expansions(list(asked)))  # 'who did the number-crunching': 'the in-depth analysis was undertaken by'
    return lambda sentence: bool((done := done_by(sentence)) and asked & set(terms(done)))


NAMES_OF = re.compile(  # 'what are the names of the two University Technical Colleges', 'which cities make up ...'
    r"\bnames? of\b|\bwhat (?:are|were) (?:they|these|those) called\b|\b(?:which|what) (?:cities|towns|universities|colleges)\b"
    r"|^\W*who (?:leads|heads|chairs|runs)\b"  # 'who leads Space North East': a name, not 'the region's leaders'
    r"|\b(?:which|what) (?:are|were) the (?:two|three|four|five|six|[2-9]) [\w&-]+",  # 'which are the two UTCs in the Humber'
    re.I,
)


def names_missing(question: str) -> Callable[[str], bool]:
    """sentence -> does it name nothing the question does not, when the question asks for names? 'The Humber currently
    benefits from two University Technical Colleges' names none for 'what are the names of the two colleges'. A person
    asked for ('who is the mayor', 'which economist') is named only by a person's name."""
    if PERSON_ASKED.search(question):
        return lambda sentence: not PERSON_NAMED.search(sentence)
    if not NAMES_OF.search(question):
        return lambda sentence: False
    asked = set(terms(question))

    def missing(sentence: str) -> bool:
        body = sentence.split(" ", 1)[1] if " " in sentence else ""
        names = [n for n in CAPITALISED.findall(body) if n not in COMMON_NAMES]  # 'BioYorkshire' is one too
        return not any(set(terms(n)) - asked for n in names)

    return missing


_ROLES = r"mayor|author|chair|chairman|chairwoman|chairperson|chief executive|ceo|director|minister|founder|economist|professor"
PERSON_ASKED = re.compile(  # a person asked for: 'who's the mayor of west yorks', 'which academic economist does it credit'
    rf"\bwho(?:['’]s| is| was| are| were)? (?:the |its )?(?:current |lead |first |named )?(?:{_ROLES})\b"
    r"|\bwhich (?:academic |leading |named )?(?:economist|academic|professor|author|person|individual|researcher)s?\b"
    # 'which Cambridge Econometrics researchers wrote it', 'the report names whoever leads Space North East'
    r"|\bwhich (?:[\w&-]+ ){1,3}?(?:economists?|academics?|professors?|researchers?|individuals?)\b"
    r"|\bwhoever (?:leads|heads|chairs|runs|founded|wrote|authored)\b"
    r"|\bname for the byline\b|\bput a name on\b",
    re.I,
)
PERSON_NAMED = re.compile(  # a person's name: a title before it, or a role beside it
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Cllr|Councillor|Mayor)\.? [A-Z][a-z]+"
    rf"|\b[A-Z][a-z]+ [A-Z][a-z'’-]+,? (?:the |its |our )?(?i:{_ROLES})\b"
    rf"|\b(?i:{_ROLES})(?: of [A-Z][\w&' ]+?)?,? [A-Z][a-z]+ [A-Z][a-z'’-]+"
)


def says_how_made(question: str) -> Callable[[str], bool]:
    """sentence -> does the report say in it how it was made ('We have based our analysis on ...', 'we have chosen to
    focus on ...'), when the question asks that? Always False for other questions."""
    made = how_made_said(question)
    if made is None:
        return lambda sentence: False
    return lambda sentence: bool(made.search(sentence))


def quoted_in(question: str) -> Callable[[str], bool]:
    """sentence -> does it hold, word for word, a phrase of some words the question quotes?"""
    quoted = [" ".join(terms(m.group(1) or m.group(2), keep_stopwords=True)) for m in QUOTED.finditer(question)]
    quoted = [q for q in quoted if len(q.split()) >= MIN_QUOTED_WORDS]

    def holds(sentence: str) -> bool:
        if not quoted or sentence.rstrip().endswith(":"):  # a heading that is the quote says nothing of it
            return False
        said = terms(sentence, keep_stopwords=True)
        return any(q in " ".join(said) and len(said) >= len(q.split()) + MIN_QUOTED_WORDS for q in quoted)

    return holds


CUES = (  # (asked, said, nudge, asked in the question's core rather than all of it)
    (BECOMING_ASKED, BECOMING_SAID, BECOMING_BONUS, True),  # 'what is it turning into': 'is transitioning to'
    (LACK_ASKED, LACK_SAID, LACK_BONUS, True),  # 'what was missing': 'did not have any'
    (WORDING_ASKED, QUOTING, QUOTE_BONUS, True),  # 'which catchphrases are used': the sentence quoting them
    (REAL_DRIVER_ASKED, CONTRAST_SAID, CONTRAST_BONUS, False),
    (BESIDES_ASKED, ALSO_SAID, ALSO_BONUS, False),
    (EXAMPLE_ASKED, EXAMPLE_SAID, EXAMPLE_BONUS, False),
    (SEVERAL_ASKED, SEVERAL_SAID, SEVERAL_BONUS, False),
    (OWNER_ASKED, OWNER_SAID, OWNER_BONUS, False),
    (MOST_COMMON_ASKED, COMMON_SAID, COMMON_BONUS, False),
    (CONDITION_ASKED, CONDITION_SAID, CONDITION_BONUS, True),  # 'when do bids land best': 'most compelling when'
    (AWAY_ASKED, AWAY_SAID, AWAY_BONUS, False),  # 'what does NP11 want to move away from': 'a shift away from'
    (CHANCE_ASKED, CHANCE_SAID, CHANCE_BONUS, False),  # 'what new body could help': 'the incoming MCA offers ...'
    (PAYOFF_ASKED, PAYOFF_SAID, PAYOFF_BONUS, False),  # 'what's the payoff': 'Clusters are important because ...'
    (RANGE_ASKED, RANGE_SAID, RANGE_BONUS, False),  # 'from the world-class to the locally important': 'range from
)


def prefers(question: str) -> Callable[[str], float]:
    """sentence -> a nudge, not a filter, with the question read once: a 'where' question prefers a sentence
    naming a place it does not name itself, and any question a sentence that says something beyond the
    question's own words (not a heading that repeats it: 'Magic happens at the boundaries between sectors:'
    for 'what is the magic at the boundaries')."""
    asked = set(terms(question))
    core = core_question(question)
    where = bool(WHERE_QUESTION.match(core))
    defined = WHAT_IS.match(core)
    name = (defined.group("name") or defined.group("bare") or "").strip() if defined else ""
    # "What is BioYorkshire?": "BioYorkshire, a public-private partnership ..." defines it
    definition = (
        re.compile(rf"{re.escape(name)}\s*(?:,|\(|\bis\b|\bwas\b|\bare\b)\s*(?:an?|the)\b", re.I) if name else None
    )
    # ...and, for an acronym, the words it is spelled out from: '… advanced materials and Manufacturing (SAM&M)'
    spelled = re.compile(rf"\w\s+\(\s*{re.escape(name)}\s*\)") if re.fullmatch(ACRONYM_SHAPE, name) else None
    former = bool(FORMER_NAME.search(core))
    names_asked = bool(NAMES_ASKED.search(core))  # "which organisations worked on the bid": the one naming several
    site = bool(SITE_ASKED.match(core))
    many_asked = bool(NAMED_MANY_ASKED.search(core))  # 'who was in the consortium? Every member': the one listing them
    who_did = says_who_did(question)  # "who did the in-depth analysis"
    why = bool(re.match(r"\W*why\b", core, re.I))  # "why do clusters matter": the sentence giving a reason
    making = says_how_made(question)
    quotes = quoted_in(question)  # a line quoted from the documents: the sentence it comes from
    # what the question asks (in its own words, or its core), and the sentence saying it gets a nudge
    cues = [(said, bonus) for asked, said, bonus, in_core in CUES if asked.search(core if in_core else question)]

    def nudge(sentence: str) -> float:
        new_terms = len(set(terms(sentence)) - asked)
        score = -ECHO_PENALTY if new_terms <= ECHO_NEW_TERMS else 0.0
        if new_terms == 0:  # the question's own words back ('Magic happens at the boundaries between sectors:')
            score -= PURE_ECHO_PENALTY
        if where and any(not set(terms(place)) <= asked for place in PLACE.findall(sentence)):
            score += PLACE_BONUS
        # names the question does not already give: for a site asked by what it is, and for names asked
        names = (
            [n for n in ORGANISATION_NAME.findall(sentence.split(" ", 1)[-1]) if not set(terms(n)) <= asked]
            if site or names_asked or many_asked
            else []
        )
        if site and names:
            score += SITE_BONUS
        if definition is not None and definition.search(sentence):
            score += DEFINITION_BONUS
        if spelled is not None and spelled.search(sentence):
            score += SPELLED_OUT_BONUS
        if former and FORMERLY.search(sentence):
            score += DEFINITION_BONUS
        if names_asked or many_asked:
            score += NAMES_BONUS * min(len(names), MANY_NAMES) / MANY_NAMES
            score += NAMES_LISTED_BONUS if many_asked and len(names) >= LISTED_NAMES else 0.0
        if who_did(sentence):
            score += AGENT_BONUS
        if why and BECAUSE.search(sentence):
            score += REASON_BONUS
        if quotes(sentence):
            score += QUOTE_BONUS
        if making(sentence):
            score += SELF_BONUS
        score += sum(bonus for said, bonus in cues if said.search(sentence))
        return score

    return nudge




ENDED = re.compile(  # not 'where did the NCF end up': where it went, not when it stopped
    r"\b(?:stop\w*|clos(?:e|ed|ing|ure)|shut\w*|end(?:ed|ing)?(?! up\b)|ceas\w*|decommission\w*|wound up|run out|expir\w*)\b",
    re.I,
)
OPENED = re.compile(r"\bopen(?:ed|s|ing)?\b(?! (?:up|to)\b)", re.I)
OPENING_SAID = re.compile(
    r"\b(?:open\w*|launch\w*|establish\w*|found(?:ed|ing)?|set up|start\w*|began|begun|inaugurat\w*|operational|"
    r"(?:went|go|goes) live)\b",
    re.I,
)
RENAMED = re.compile(
    r"\b(?:renam\w*|chang\w* (?:its |their |the )?names?|rebrand\w*|(?:became|now) known as|name change)\b", re.I
)
AHEAD = re.compile(  # a date still to come: 'when is the NCF headquarters expected to be fully up and running'
    r"\b(?:expected|due|scheduled|planned|set|meant) to\b|\bgoing to be\b"
    r"|\bwill (?:it |they |the \w+ )?(?:be|open|finish|complete)\b",
    re.I,
)
AHEAD_SAID = re.compile(r"\b(?:expected|due|scheduled|planned|plans?|will|by 20\d\d|from 20\d\d|aims? to)\b", re.I)
DISTANCE = re.compile(r"\b\d+(?:\.\d+)?[- ]?(?:minutes?|mins?|hours?|miles?|km|kilometres?)\b", re.I)
DURATION = re.compile(
    r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:years?|months?|weeks?|days?|decades?)\b",
    re.I,
)
SMALL_FIRMS = re.compile(  # 'how many small and medium-sized firms': the noun may fall beyond the three words kept
    r"\bsmall(?:er)?(?: and medium(?:[- ]sized)?)? (?:firms|companies|businesses|enterprises)\b|\bsmall(?:er)? and medium\b",
    re.I,
)
FACT_CHECK = re.compile(
    r"\b(?:is|was) (?:that|this|it|the (?:year|date|figure|number)) (?:right|correct|true|accurate|what the \w+ says?)\b"
    r"|\b(?:is|was) (?:that|this) what\b|\b(?:right|correct|true|accurate)\s*\?\s*$|\bmy notes say\b|\ba draft says\b"
    # 'The Levelling Up White Paper came out back in 2020, didn't it? What year does the report actually give?'
    r"|\b(?:is|was|does|do|did|has|have)n['’]t (?:it|that|they)\s*\?(?=\s+\w)|\b(?:right|correct)\s*\?(?=\s+\w)"
    r"|\b(?:does|do|would) (?:the |this )?(?:NP11 )?(?:publication|report|document|study|NP11|it|they) (?:agree|concur|confirm)\b"
    r"|\bI (?:thought|think|believed?|recall(?:ed)?|remember(?:ed)?|heard|read) (?:it was )?(?:about |around )?(?:19|20)\d\d\b",
    re.I,
)

YEAR_CHECKED = re.compile(  # a year half-remembered, then a question about 'it'
    r"\bI (?:thought|think|believed?|recall(?:ed)?|remember(?:ed)?|heard|read)\b(?P<said>[^.?!]{0,60}?)\b(?:19|20)\d\d\b"
    r"[^.?!]*[.?!,;-]\s*(?P<asked>(?:but |so )?(?:when|(?:in )?(?:what|which) year)\b[^?]*\b(?:it|its|they|that|this)\b[^?]*)",
    re.I,
)
CHECK_FILLER = frozenset(terms("year up exactly actually precisely really again then"))
BEGAN = frozenset(terms("start started began begun founded established set up created formed launched opened"))


def _new_figure(question: str, sentence: str) -> bool:
    """'How much of the £80m is ringfenced?' is not answered by a sentence whose only figure is that £80m."""
    asked = {n for n in FIGURE.findall(question) if not YEAR.fullmatch(n)}
    said = {n for n in FIGURE.findall(sentence) if not YEAR.fullmatch(n)}
    # a number in words ('ten companies') is new; 'million' after '£171' is part of the figure already asked
    worded = any(not re.search(r"\d\s*$", sentence[: m.start()]) for m in NUMBER_WORD.finditer(sentence))
    return not asked or bool(said - asked) or worded


def _new_date(question: str, sentence: str) -> bool:
    """'The BBC announced its move in 2006 - when did staff start broadcasting?' is not answered by a sentence whose
    only date is that 2006 again (unless a month or a day of that year is asked)."""
    asked, said = {m.group() for m in YEAR.finditer(question)}, {m.group() for m in YEAR.finditer(sentence)}
    return not (asked and said <= asked) or bool(MONTH_ASKED.search(question))


def _year_checked(question: str) -> bool:
    """'I think NESACoE started in 2014. When was it established?' checks that year of the same event; 'I read the BBC
    announced its move in 2006 - when did it start broadcasting?' asks of another."""
    checked = YEAR_CHECKED.search(question)
    if not checked:
        return False
    said, asked = set(terms(checked["said"])), set(terms(checked["asked"])) - CHECK_FILLER
    return asked <= said or bool(asked & BEGAN and said & BEGAN and asked - BEGAN <= said)


def _share_of_people(sentence: str) -> bool:
    """A percentage of people: '59% have the skills', not '78% of local firms'."""
    for match in re.finditer(r"\d[\d.]*\s?(?:%|per ?cent)(?:\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+))?", sentence, re.I):
        if match.group(1) is None and not re.match(r"\s+(?:are|were|have|had|hold|lack)\b", sentence[match.end() :]):
            continue  # 'growing at 4.2% annually': a rate, no share of anyone ('only 59% are equipped' is)
        counted = set(terms(match.group(1) or ""))
        if not counted or counted & set(terms(PEOPLE_COUNTED + " people population workforce residents")):
            return True
    return False


def _same_year(question: str, sentence: str) -> bool:
    """A question about one year ('income in 2023') is not answered by a sentence about another ('by 2020')."""
    asked = set(re.findall(r"\b(?:19|20)\d\d\b", question))
    said = set(re.findall(r"\b(?:19|20)\d\d\b", sentence))
    return not asked or not said or bool(asked & said)


def _unit_given(question: str, sentence: str) -> bool:
    """'In gigawatts?' wants a number in that unit (or its kin: GW, MW)."""
    asked = UNIT_ASKED.search(question)
    if not asked:
        return True
    units = UNITS[asked.group(1).lower().rstrip("s")]
    return bool(re.search(rf"\d[\d,.]*\s?(?:{units})\b", sentence, re.I))


def _has_count(sentence: str, nouns: set[str] | None = None) -> bool:
    """A number that is not a year, followed within COUNT_WINDOW words by one of the nouns (if given)."""
    words = sentence.split()
    for i, word in enumerate(words):
        token = word.strip(",.;:()")
        if (
            NUMBER.fullmatch(token) and not YEAR.fullmatch(token) and not token.startswith(("£", "$", "€"))
            and token.lower() not in ("million", "billion", "thousand")  # '£160 million': money, not a count
        ):
            if not nouns or nouns & set(terms(" ".join(words[i + 1 : i + 1 + COUNT_WINDOW]))):
                return True
    return False


NAME_IN_QUESTION = re.compile(
    r"(?:\b[a-z]*[A-Z][\w&-]*|[£$€]?\b\w*\d\w*)(?:\s+(?:of\s+|&\s+|and\s+)?(?:[a-z]*[A-Z][\w&-]*|\w*\d\w*))*"
)


def question_names(question: str) -> list[set[str]]:
    """Names the question asks about (capitalised runs after the first word, acronyms), as term sets."""
    words = question.split(" ", 1)
    # a later sentence's first word is capitalised for the sentence, not as a name ('... Give the number in words.')
    rest = re.sub(r"(?<=[.?!:] )[A-Z][a-z]+\b", lambda m: m.group(0).lower(), words[1]) if len(words) > 1 else ""
    names = []
    for match in NAME_IN_QUESTION.findall(rest):
        # 'in March 2023': a date, no name; 'started in 2019?' a year, no name either
        match = " ".join(w for w in match.split() if w.lower() not in CALENDAR and not re.fullmatch(r"[\d.,%£$€]+", w))
        name_terms = set(terms(match))
        if name_terms:
            names.append(name_terms)
    return names


BODY_ASKED = re.compile(  # a body asked about itself: 'what year was NP11 itself founded', 'who chairs NP11'
    r"\b(?:was|is|were) (?P<founded>[A-Z][\w&]*)(?: itself)? (?:first )?"
    r"(?:founded|established|set up|created|formed|launched|started)\b"
    r"|\bwhen did (?P<began>[A-Z][\w&]*)(?: itself)? (?:start|begin|form|launch|come into being)\b"
    r"|\bwho (?:chairs|leads|runs|heads|founded|set up) (?P<led>[A-Z][\w&]*)\W*$"
)


def body_asked(question: str) -> set[str]:
    """The terms of a body the question asks about itself, not as the one who says something."""
    return {t for m in BODY_ASKED.finditer(question) for name in m.groups() if name for t in terms(name)}


def mentions(
    passage: Passage,
    names: list[set[str]],
    sentence: str = "",
    spelled: dict[str, set[str]] | None = None,
    asked_of: set[str] | frozenset[str] = frozenset(),
) -> bool:
    """Every name of the question appears in the passage or its section path, or, when the sentence refers
    back ('it', 'they' early on), in the chunk before it. An acronym the documents spell out appears as its
    words: 'LCR' in a passage on the Liverpool City Region. A name the file's name holds ('NP11') is held by every
    passage (it names the document: 'the NP11 introduction'), unless the question asks about that body itself
    (asked_of: 'when was NP11 founded')."""
    def held(name: set[str], have: set[str]) -> bool:
        if name & passage.source_terms & asked_of:
            have = have - (passage.source_terms - set(terms(f"{passage.chunk.title} {passage.chunk.text}")))
        # each word said, or spelled out ('Manchester AI': 'Greater Manchester: Artificial Intelligence')
        return name <= have or bool(spelled and all(t in have or (t in spelled and spelled[t] <= have) for t in name))

    if all(held(name, passage.terms) for name in names):
        return True
    if sentence and REFERS_BACK.search(sentence):
        have = passage.terms | passage.context_terms
        return all(held(name, have) for name in names)
    return False
