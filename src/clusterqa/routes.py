"""Question -> route: is it a fact, or a question about the whole publication (a list, an aggregate across
case studies, a comparison, a summary)? Recognised from the wording and the outline, without an LLM.

Example:
    >>> route_question("Which clusters mention skills shortages?", steer, outline)
    Route(kind='aggregate', regions=(), group='', topic='skills shortages', section='')
    >>> route_question("Compare the two AI clusters", steer, outline).regions
    ('Greater Manchester', 'West Yorkshire')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .chunking import SECTION_SEP
from .outline import Outline, sector_names
from .questions import FIGURE_KINDS, WORDING_ASKED, question_type
from .retrieve import TOWNS, aliases_of
from .text import SCENE, SENTENCE_END, STOPWORDS, core_question, normalise, split_sentences, terms, without_scene

ROUTES = ("fact", "list", "aggregate", "compare", "summary")
CASE_STUDIES = "case studies"  # the list route's group name for the case studies themselves
NAMES = "names"  # the aggregate route's group for "which universities are named": names of a kind
CONTENTS = "contents"  # the list route's group for the documents' main sections
CASE_PARTS = "case study parts"  # ...and for the sub-sections every case study has
OBSERVATIONS = re.compile(  # the observations page's list asked for as a list, not what the section says
    r"\b(?:list|all|every(?: one)?|each|bullet\w*|itemi[sz]e|rattle off|enumerate|set out|spell out|reel off|give me)"
    r"(?: of)?(?: (?!observations?\b)[\w-]+){0,3} observations?\b(?! (?:section|page|part)\W*(?:say|cover|about|$))",
    re.I,
)
INTEREST = re.compile(  # "I'm tracking Investment Zones." - what the asker follows, said before the question
    r"^\W*(?:As an? [^:?.,]{1,60}?,?\s+)?"  # 'As a climate scientist I'm tracking hydrogen: ...'
    r"(?:I'm|I am|we're|we are)\s+(?P<verb>tracking|following|looking (?:at|into)|interested in|researching|working on|"
    r"focus(?:ing|ed) on|writing about|keeping (?:an )?eye on|at|from|with)\s+(?P<topic>[^.:?!,]{3,60}?)"
    r"(?:\s*[.:!]|,? and (?:want|need|would like) to know:?)\s+",  # "I'm at Innovate UK and want to know: ..."
    re.I,
)
INTEREST_WHERE = re.compile(  # "I'm a tech-transfer officer tracking where the AMRC (...) turns up. Which case studies ..."
    r"^\W*(?:I'm|I am|we're|we are)\s+(?:an? [\w -]{2,40}?\s+)?(?P<verb>tracking|following|checking|looking at|mapping|"
    r"charting|logging|noting) where (?P<topic>[^.?!]{3,120}?) (?:turns|comes|crops|shows|pops) up"
    r"(?: (?:across|in|among|throughout) [^.?!:]{3,40})?\s*[.:!]\s+",  # "... shows up across the case studies."
    re.I,
)
NOT_THE_CASES = re.compile(  # the case studies set aside: '(not the individual case studies)'
    r"\(?\s*\b(?:not|excluding|leaving out|apart from|except|but not) (?:the )?(?:individual |separate )?"
    r"(?:case studies|clusters)\b\s*\)?",
    re.I,
)
CONTENTS_ASK = re.compile(
    r"\b(?:(?:table of )?contents(?: page)?|(?:main|top-level|major) (?:sections|parts|chapters)|chapters)\b"
    r"|\b(?:what|which) (?:sections|parts) (?:does|do|is|are) (?:the |this )?(?:report|publication|document|doc|paper)\b"
    r"|^\W*(?:what|which) sections\W+(?:and|\+|&|with) page"  # 'what sections + page numbers'
    r"|\bchapter list\b|\brunning order\b|\b(?:all|each|every one of) the sections\b"
    r"|\b(?:every|each|all the) (?:heading|chapter|section)(?:[/ ](?:section|chapter))?(?: titles?)?\b(?= in (?:the|this) "
    r"(?:[A-Z0-9]+ )?(?:[\w-]+ )?(?:report|publication|document|doc|paper))"  # 'every heading in the document'

    r"|\bsections of the (?:report|publication|document)\b|\bsection by section\b"
    r"|\bhow is (?:the|this) (?:report|publication|document|doc|paper) (?:laid out|structured|organi[sz]ed|set out)\b",

    re.I,
)
CASE_PARTS_ASK = re.compile(
    r"\b(?:sub-?headings?|sub-?sections?|headings|parts|sections)\b[^?]*"
    r"\b(?:(?:each|every|all(?: the)?) (?:\w+ )?case[- ]stud(?:y|ies)|the case[- ]studies)\b"
    r"|\b(?:each|every) (?:one of the |of the )?(?:eleven |11 )?case[- ]stud(?:y|ies)\b[^?]*"
    r"\b(?:split|divided|broken|organised|organized|structured|laid out)\b",
    re.I,
)
LAYOUT_ASK = re.compile(  # "Every case study seems to follow the same layout. What sub-headings does each one use?"
    r"^(?=[^?]*\bcase[- ]stud)(?=[^?]*\b(?:sub-?headings?|sub-?sections?|(?:same|internal) (?:layout|structure|headings)))"
    r"(?=[^?]*\b(?:each|every|all)\b)",
    re.I,
)
CALLED_AS = re.compile(  # "which areas' write-ups refer to them as SMEs": that name is the topic
    r"\b(?:refer to|describe|call|label|name)s? (?:them|it|these|those) as ['‘\"“]?([\w&-]+(?: [\w&-]+)?)", re.I
)
WORDS_ASKED = re.compile(
    r"\b(?:use|uses|using|contain|contains|mention|mentions)\s+(?:the\s+)?(?:words?|terms?|phrases?)\b", re.I
)
SUMS = "sums"  # the list route's group for the amounts of money in the documents
SUMS_ASK = re.compile(
    r"\b(?:list|give|pull out|tot\w* up|add\w* up|set out|what are|run through|compile|collate|gather|collect|extract|itemi[sz]e|"
    r"pull together|round up)\b[^?]*?"
    r"\b(?:(?:each|every|all(?: the)?) (?:monetary |money |financial |cash )?(?:sums?|amounts?|figures?)"
    r"(?= (?:given|quoted|cited|named|mentioned|stated|in|of|that|which)\b|\W*$)|"  # 'every monetary amount given in …'
    r"(?:sums?|amounts?) of (?:public )?money|money (?:figures|amounts|sums)|"
    r"(?:(?:funding|money|finance) (?:pots?|streams?|sources?|awards?)|pots? of (?:[\w-]+ )?(?:money|funding|finance))\b"
    r"[^?]*\bwith (?:their |the |its )?(?:amounts?|sums?|values?)|"
    r"funding (?:figures|amounts|sums)|(?:the )?public money)\b"
    # 'every figure the case studies give for annual income, value, GVA or exports': their sums of money
    r"|\b(?:pots?|sources?|streams?) of (?:[\w-]+ )?(?:money|funding|finance)\b.*\b(?:amounts?|sums?|how much)\b"
    r"|\b(?:each|every|all(?: the)?) (?:money |financial )?figures?\b(?=[^?]*\b(?:income|value|gva|exports?|turnover|worth|"
    r"revenue|funding|investment)\b)"
    # 'Liverpool case, all money figures'
    r"|\b(?:each|every|all(?: the)?) (?:money|monetary|financial|cash|funding) (?:figures?|amounts?|sums?)\b"
    # "which funding pots do West Yorkshire's businesses benefit from": the pots it has had (not those recommended)
    r"|^\W*(?:which|what) (?:(?:are|were) the )?(?:[\w-]+ ){0,2}(?:funding|money|finance) (?:pots|streams|sources)\b"
    r"(?![^?]*\b(?:recommend\w*|should|wants?|propos\w*|calls? for|need\w*)\b)",
    re.I,
)
RENAMED_ASK = re.compile(  # "which bodies are flagged as known by another name before?": the sentences saying 'formerly'
    r"(?=[^?]*\b(?:renamed|re-named|another name|other names|(?:previously|formerly|once) (?:called|known)|former names?|"
    r"old names?|used to be (?:called|known))\b)"
    r"[^?]*\b(?:which (?:are they|ones|bodies|organi[sz]ations)|bodies|organi[sz]ations|list|all)\b",
    re.I,
)
GLOSSARY = "abbreviations"  # the list route's group for the abbreviations the documents spell out
GLOSSARY_ASK = re.compile(  # "which abbreviations are introduced in brackets in the Lancashire case", "a glossary"
    r"(?<!\bno )(?<!\bwithout )(?<!\bavoid )\b(?:abbreviations|acronyms|initialisms)\b"  # not 'no acronyms please'
    r"|\bglossary of\b|\b(?:build|make|draft|compile)\w* (?:a |the |my )?glossary\b",
    re.I,
)
TIMELINE = "timeline"  # the list route's group for the dated events in the documents
TIMELINE_ASK = re.compile(  # "a timeline of the milestones", "which pre-2000 dates does the report cite"
    r"\b(?:a|the) timeline (?:of|for)\b"
    r"|\b(?:list|give(?: me)?|which|what|pull out|set out)\s+(?:all |every )?(?:the )?(?:[\w-]+\s+){0,3}?"
    r"(?:dates|years|milestones|dated events)\b(?!\s+(?:ago|old|later|earlier|from|back|to)\b)",
    re.I,
)
NEWCOMER = re.compile(
    r"^\W*(?:I'm|I am|I've been|We're|We are) (?:new to|not familiar with|unfamiliar with|reading up on|looking at|"
    r"briefing (?:a minister |someone )?on)\s+",
    re.I,
)
NAMED_KIND = re.compile(
    r"^[^?]*?\b(?:which|what) named\s+(?P<kinds>[^?]+?)\s*(?:\([^)]*\)\s*)?"  # "what named skills initiatives are mentioned"
    r"(?:are|were|is|was|appear\w*|feature\w*|does|do|did|come up|crop up)\b"
    r"|^(?:[^:?]{0,40}:\s+|[^?]{0,80}\s[-–—]\s+)?\W*(?:which|what|list|name)\s+(?:all\s+)?(?:the\s+)?(?:\S+\s+){0,4}?['‘\"]?"
    r"(?P<noun>(?:(?!(?:the|a|an|of|and|or)\b)[a-z]\w+\s+)?[a-z]\w+s)['’\"]?\s+"  # 'combined authorities': with its word
    r"(?:(?:\w+\s+){0,4}?(?:are|is|were|does|do|did|get|gets|got)\b.*\b(?:named|name-?checked|mentioned|mention|listed|cited|referred|"
    r"appear\w*|feature\w*|involved|identified)\b|(?:come|came|crop|cropped) up\b"
    r"|(?:named|mentioned|listed|cited)\s+(?:in|by|across|anywhere|throughout)\b)"  # "list all the universities named in …"
    r"|^\W*(?:list|name|pull out|find|give me)\s+(?:every|each)\s+(?:named\s+)?"  # "list every named university"
    r"(?P<one>(?:[a-z]\w+\s+(?!that|which|who|the|in|of|with|across|mentioned|named)(?=[a-z]\w+))?[a-z]\w+)\b",
    re.I,
)
RECOMMENDS_ON = re.compile(  # "what does the report want on funding": its recommendations on that
    r"\bwhat (?:does|do|is|are) (?:the report|the publication|NP11|the authors?|they) (?:want|wanting|recommend|recommending|"
    r"propose|proposing|call(?:ing)? for|ask(?:ing)? for|urg(?:e|ing))(?: to (?:happen|see))? (?:on|about|for|regarding) "
    r"(?P<topic>[^?]+)"
    # "everything the recommendations say about how cluster money should be provided"
    # ... asked outright: 'what do the recommendations say about how clusters should be funded?'
    r"|\b(?:what|everything|all) (?:that )?(?:do |did )?the recommendations (?:say|said|have to say|propose|suggest) "
    r"(?:about|on|regarding) "
    r"(?P<said>[^?]+)",
    re.I,
)
TWO_TOPICS = re.compile(  # "how does what the report says about funding barriers differ from what it says about skills gaps"
    r"\b(?:about|on)\s+(?P<a>[^?,]+?)\s+(?:differs?|compares?|contrasts?)\s+(?:from|with|to)\s+"
    r"(?:what (?:it|the report|the publication|NP11) (?:says|said) (?:about|on)\s+)?"
    r"(?!(?:one another|each other)\b)(?P<b>[^?,]+)",  # (not 'how the clusters differ from one another')
    re.I,
)
ELEVEN_ASKED = re.compile(
    r"^\W*(?:which|what) (?:eleven|11) (?:places|areas|regions|clusters|case studies|locations)\b"
    # 'what are the eleven innovation clusters the report profiles?': the eleven themselves, nothing asked of them
    r"|^\W*(?:which|what) (?:are|were) the (?:eleven|11) (?:[\w-]+ ){0,2}(?:places|areas|regions|clusters|case studies)"
    r"(?: (?:that |which )?(?:in |of |from )?(?:the |this )?(?:report|publication|document|paper|NP11|it|case studies)"
    r"(?: [\w-]+){0,2})?\W*$",
    re.I,
)
EACH_IN_BRIEF = re.compile(
    r"\b(?:one-line|one line|short|quick|brief|potted) (?:summary|description|sketch) of (?:each|every|all)(?: the| of the)? "
    r"(?:eleven |11 )?(?:case stud(?:y|ies)|clusters?)\b",
    re.I,
)
IN_COMMON = re.compile(
    r"\b(?:case studies|clusters|regions|areas)\b[^?]*\b(?:have|share) in common\b|\bcommon (?:threads?|themes?|ground)\b"
    r"|\brecurring themes?\b"
    r"|^\W*(?:what|which) (?:are )?(?:the )?(?:six |6 )?(?:things|issues|points|threads|messages|lessons) (?:that )?"
    r"cut(?:s)? across\b",
    re.I,
)
ABOUT_THE_PUBLICATION = re.compile(  # "what is this publication, who did the work behind it …": its introduction
    r"(?:^|,\s*)\W*what(?:'s| is) (?:this|the) (?:[A-Z0-9]+ )?(?:publication|report|document|paper)"
    r"(?: (?:all )?(?:about|for|trying to (?:do|say)))?"
    r"\s*(?:[?,.]|$|\band\b)"  # not 'what is the publication date'
    r"|\b(?:on|about|me) what (?:this|the) (?:[A-Z0-9]+ )?(?:publication|report|document|paper) is\b"  # 'brief me on what it is'
    r"|\bbackground (?:to|of|behind) (?:this|the) (?:[A-Z0-9]+ )?(?:publication|report|document|paper|study)\b"
    r"|\b(?:the )?(?:opening|intro|start|first section|first pages?) of (?:the |this )?(?:[A-Z0-9]+ )?(?:[\w-]+ )?"
    r"(?:report|publication|document)\b"  # 'what does the opening of the NP11 report tell a reader'
    r"|\bas the (?:introduction|intro|opening) (?:tells|puts|describes|sets out) it\b"
    r"|\bthe (?:opening|first) (?:section|part|pages?)\b(?![^?]*\bcase\b)"
    r"|\b(?:version|summary|gist|rundown|overview|recap) of the intro(?:duction)?\b"  # 'quick version of the intro'
    # 'how was this study put together and by whom': what the opening says of the work behind it
    r"|\bhow (?:was|were|did) (?:this|the) (?:study|report|publication|research|analysis|work) (?:put together|done|"
    r"carried out|conducted|produced|compiled|written|researched|come together)\b"
    # 'the substantive argument of this report', 'the overall argument the report is making', 'an abstract of it'
    r"|\b(?:overall|main|central|substantive|core|big|underlying) (?:argument|message|thesis|point|case)s? "
    r"(?:of (?:the|this) (?:[A-Z0-9]+ )?(?:report|publication|document|paper)|(?:the|this) (?:report|publication|"
    r"document|paper|NP11) (?:is )?(?:making|puts?|presents?))\b"
    r"|\babstract (?:of|for) (?:the|this) (?:whole |entire )?(?:[A-Z0-9]+ )?(?:report|publication|document|paper)\b",
    re.I,
)
LISTED_TWICE = re.compile(  # "the themes are listed twice - once in the observations and once in their own section"
    r"\b(?:twice|two lists|both lists|two (?:versions|listings|sets of (?:themes|recommendations))|(?:first|second|other) list)\b"
    r"|(?=[^?]*\b(?:headline|observations?|up front|near the (?:front|start|beginning)|summary list|opening list)\b)"
    r"(?=[^?]*\b(?:full|fuller|detailed|longer|at the end|own section|(?:later|main|dedicated|themes|cross-cutting) "
    r"(?:section|chapter|list|pages?)|section (?:on|at the end))\b)",
    re.I,
)
LISTS_DIFFER = re.compile(  # "... what differs between the two lists", "what does the fuller list add"
    r"\b(?:differ\w*|diverg\w*|difference\w*|add(?:s|ed)?|missing|left out|leaves? out|omit\w*|drop\w*|not (?:quite )?the same|"
    r"same|match\w*|mismatch\w*|discrepanc\w*|extra|(?:do|does|did)(?: no|n[o']t)|go(?:es)? beyond|over and above|compar\w*"
    r"|but not (?:in |on )?the other)",
    re.I,
)
DEFINITION_ASK = re.compile(  # "the report's working definition of a cluster": the section asking what one is
    r"\bdefinition of (?:an? )?(?:regional )?(?:innovation )?clusters?\b"
    r"|\bdefines? (?:an? )?(?:regional )?(?:innovation )?clusters?\b"
    # 'what does the report mean by an innovation cluster and why does it think they matter'
    r"|\b(?:mean|means|meant) by (?:an? |the (?:term |word )?)?['‘\"]?(?:regional )?(?:innovation )?clusters?\b"
    r"(?! (?:approach|policy|development)| ['‘\"]| \w+ing\b)"  # (not 'meant by clusters 'transcending boundaries'')
    r"|\bwhat (?:is|are) (?:an? )?(?:regional )?(?:innovation )?clusters?\b[^?]*\b(?:why|matter|important)\b"
    # 'what the report thinks a regional innovation cluster is and why it matters'
    r"|\bwhat (?:the report|NP11|it|they) (?:thinks?|says?|considers?|believes?) (?:an? )?(?:regional )?(?:innovation )?"
    r"clusters? (?:is|are)\b"
    r"|\b(?:explaining|explains|on|about) what (?:an? )?(?:regional )?(?:innovation )?cluster is\b"  # 'the section explaining'
    # "what's a cluster, in the report's own terms?"
    r"|^\W*what(?:'s|’s| is) an? (?:regional )?(?:innovation )?cluster\W+(?:in|by|according to) (?:the )?"
    r"(?:report|publication|NP11|document|paper)['’]?s? (?:own )?(?:terms|words|definition|book)\b",
    re.I,
)
TRAILING_SCENE = re.compile(  # who asks, said after the question: no topic
    r"\s+[-–—]\s*(?:I['’]m|I am|we['’]re|we are) (?:at|from|with|in|on) (?:an? |the |my |our )?[^?;:]*$"
    # '... what's wrong with it? I'm writing a note for a minister - a short paragraph, please.'
    r"|(?<=[?.!])\s+(?:I['’]m|I am|we['’]re|we are) (?:writing|preparing|drafting|putting together|doing) (?:an? |the |my |our )"
    r"[^?]*$"
    # '... with its sector, I'm mapping them against our research strengths', '? Asking as we work closely with ours.',
    # ' - I've got five minutes before a call with our minister.' (not '... I need the amount for each')
    r"|(?:(?<=[?.!])\s+|[,;]\s+|\s+[-–—]\s*)(?:I['’]m|I am|I['’]ve got|I have got|we['’]re|we are|we['’]ve got|we work|"
    r"asking as|asking because|asking for)\b"
    r"(?![^?]*\b(?:each|every|all|figures?|amounts?|only|just|list|give|name|tell|show|which|what|how)\b)[^?]*$",
    re.I,
)
THREADS = re.compile(  # 'the big recurring threads', 'what threads run through all the case studies': the themes
    r"\b(?:big |main |key )?(?:recurring|common|shared|cross-cutting) (?:threads|strands)\b"
    r"|\b(?:big |main |key )?(?:threads|strands|patterns|trends)(?=(?: [\w'’]+){0,3} (?:run|running|go|going|cut|cutting) "
    r"(?:through|across)\b)",  # 'the big patterns they spotted running through all the places'
    re.I,
)
POINTS_BACK = re.compile(  # '… a short set of headline recommendations before the full list. What are they?'
    r"[.!?]\s+(?:so |and )?(?:what|which) (?:are|were) (?:they|those|these)\W*$"
    r"|[.!?]\s+(?:(?:please|kindly) )?(?:list|name|give me|set out|spell out|outline|run through|go through)"
    r"(?: (?:each|all|every one) of)? (?:them|those|these)\b",  # '... Set out each of them in a sentence.'
    re.I,
)
HEADLINE_RECS = re.compile(r"\bheadline (?:recs?|recommendations|asks)\b", re.I)
WHOLE_REPORT = re.compile(r"(?<!across )\b(the|this) (?:whole|entire|full) (report|publication|document|paper)\b", re.I)
POINTS_BACK_TO = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those|he|she|one|ones|so|same)\b", re.I)
REPORT_WIDE = re.compile(r"\b(?:the|this) (?:report|publication|document)\b|\beverything\b|\bacross\b", re.I)
CASE_CHANGED = re.compile(  # 'How has Tees Valley's chemicals cluster evolved, and where is it heading?': its story
    r"^\W*how (?:has|have|did|was|were) (?:the )?[^?]{2,80}? (?:evolved?|developed?|adapted?|changed?|grown|grow|"
    r"transformed?|emerged?|come about|taken shape)\b",
    re.I,
)
APPROACH_IMPACT = re.compile(  # ...or what it achieved ('What has the cluster approach achieved in West Yorkshire, in short?')
    r"^\W*(?:(?:what|how much) (?:impact|difference|effect) (?:has|have|did) (?:the |a |its )?cluster approach (?:had|made)"
    r"|what (?:has|have|did) (?:the |a |its )?cluster approach (?:achieved|achieve|delivered|deliver|done|do))"
    # ...in the place, and nothing else asked
    r"(?: (?:in|on|for|to) (?:the )?(?-i:[A-Z][\w&'’-]*)(?: (?:&|and) | )?(?:(?-i:[A-Z][\w&'’-]*)\s*)*)?"
    r"(?:,? (?:in short|in brief|briefly))?\W*$",
    re.I,
)
DEFINED_AS = re.compile(r"\bhow (?:does|do) (?:the )?(?:report|publication|document|paper|NP11|authors?) define\b", re.I)
ASKS_OF_GOVERNMENT = re.compile(  # "boil down what NP11 is asking national policymakers to do": its recommendations
    r"\bwhat (?:exactly |precisely |actually |really )?(?:does |do |is |are )?"
    r"(?:NP11|the report|the publication|the authors?|they|the recommendations(?: section)?) (?:is |are )?"
    r"(?:exactly |precisely |actually |really )?"
    r"(?:ask(?:s|ing)?|want(?:s|ing)?|call(?:s|ing)? on|urg(?:es|ing)|press(?:es|ing)?) (?:of |from )?"
    r"(?:the )?(?:next |incoming |future |national |central |UK )?"
    r"(?:government|policy-?makers|ministers|whitehall|departments)(?: to do)?\b"
    r"|\b(?:NP11|the report|the publication)['’]s? asks\b|\b(?:every|each|all(?: the)?|the) policy ask\b"
    r"|\b(?:policy|headline|main|key) asks\b"  # 'NP11's closing policy asks', 'its headline asks'
    r"|\basks (?:of|to) (?:the )?(?:national |central |UK )?(?:government|policy-?makers|whitehall|ministers)\b"
    r"|\basks (?:NP11|the report|it|they) (?:is|are) making of\b"  # 'the nine asks NP11 is making of Whitehall'
    # 'what are NP11 recommending to government'
    r"|\bwhat (?:is|are|does|do) (?:NP11|the report|the authors?|they) recommend(?:ing)? (?:to|for) (?:the )?"
    r"(?:national |central |UK )?(?:government|policy-?makers|ministers|whitehall)\b",
    re.I,
)
FIGURES_ABOUT = re.compile(  # "pull out every statistic about people employed": each case study's figure for it
    r"^\W*(?:list|give(?: me)?|pull out|find|show(?: me)?|collect|compile|collate|gather|extract|round up|what are)\s+"
    r"(?:every|each|all(?: of)?(?: the)?|the)\s+(?:statistics?|stats?|figures?|numbers?|data(?: points?)?)\s+"
    r"(?:about|on|for|regarding|relating to|covering|to do with)\s+(?P<about>[^?]+)",
    re.I,
)
UNNAMED_KINDS = re.compile(  # "which skills and trades are short? Every one named": things named in words, not by names
    r"\b(?:skills|trades|jobs|roles|occupations|professions|sectors|industries|technologies|challenges|barriers|issues|"
    r"problems|gaps|shortages|strengths|weaknesses|opportunities|risks|lessons)\b",
    re.I,
)
CASE_NOUNS = re.compile(r"clusters|cases|studies|regions|areas|places|locations|sectors|themes|recommendations", re.I)
COMPARATIVES = (
    "more bigger larger higher greater smaller fewer less lower earlier older newer first stronger weaker better worse "
    "further longer faster quicker slower furthest"
)
_EITHER_OR = (  # 'which contributes more to its local economy, Tees Valley chemicals or South Yorkshire metals'
    r"^\W*(?:\w+ here:\s*)?(?:which|who)\b(?P<clause>[^?,:]*?\b(?:" + COMPARATIVES.replace(" ", "|") + r")\b[^?,:]*?)"
    r"(?:[,:]|\s[-–—]\s)"
    r"[^?]*\bor\b"
)
EITHER_OR = re.compile(_EITHER_OR, re.I)
COMPARE = re.compile(
    r"\b(compar(?:e|es|ed|ing|ison)|contrast\w*|differ(?:s|ence|ences|ent|ently)?|versus|vs\.?|similarit(?:y|ies)|"
    r"in common|side[- ]by[- ]side|stack up|line (?:\S+ ){1,6}up (?:against|with|beside|alongside)|"
    r"line up (?:\S+ ){1,10}(?:against|beside|alongside)|"
    r"head[- ]to[- ]head|overlap\w*|(?:put|set|place|lay) (?:\S+ ){1,8}next to|set (?:\S+ ){1,6}(?:against|beside|alongside)|"
    r"how (?:does|did|do) each|each side|distinguish\w*|what separates|\b(?:cases|clusters|studies|stories) share(?=\W*$)|"
    r"unlike|relative to|as against|sets? (?:\S+ ){1,4}apart|same (?:problems|issues|challenges|story|stories|approach)|"
    r"similar|(?<=\s)v\.?(?=\s)|juxtapos\w*|benchmark\w*|weigh\w*(?: up)?|against|next to|line up|measures? up)\b"
    r"|^\W*[^?]{2,60}?\bor\b[^?]{2,60}?\s*[-–—:,?]\s*which\b"  # 'Hull or Teesside - which has the stronger story?'
    r"|\bdiverg\w*|\bcommon ground\b"
    # 'Between the North East and York, which is further along?', 'what do Lancashire and GM share on cyber?'
    r"|^\W*between [^,?]+ and [^,?]+,\s*(?:which|who)\b(?=[^?]*\b(?:" + COMPARATIVES.replace(" ", "|") + r")\b)"
    r"|\bwhat do [^?]+ (?:and|&) [^?]+ (?:share|have in common)\b|\b(?:do|does) [^?]+ (?:and|&) [^?]+ share\b"
    r"|\bthe same (?:[\w-]+ ){0,2}(?:problems?|issues?|challenges?|barriers?|story|approach)\b[^?]*\bas\b"
    r"|\bchalk and cheese\b|\b(?:which|who)(?:'s| is)? (?:\w+ )?(?:furthest|further|most advanced) along\b"
    r"|^\W*which of [^?]+,[^?]+ (?:and|or) [^?]+\b(?:the most|most|more|best|least)\b"
    # 'Does Tees Valley or Hull have the firmer deadline?', 'whose win is worth more', 'better funded than'
    r"|^\W*(?:does|do|is|are|did|has|have|was|were) [^?]{2,60}\bor\b[^?]{2,60}\bthe \w+(?:er|est)\b|\bwhose\b[^?]*\bor\b"
    r"|\b(?:" + COMPARATIVES.replace(" ", "|") + r")(?: [\w-]+)? than\b"
    r"|^\W*(?:which|who)\b[^?]*\b(?:" + COMPARATIVES.replace(" ", "|") + r")\b[^?]*\bor\b"  # unpunctuated either-or
    # 'bigger digital economy: GM or WY?'
    r"|^\W*(?:[\w-]+ ){0,2}(?:" + COMPARATIVES.replace(" ", "|") + r")\b[^?:]{0,60}:\s*[^?]{2,40}\bor\b[^?]{2,40}\?"

    # "which got the bigger Investment Zone sum, Liverpool City Region or West Yorkshire": one figure, each side's
    r"|" + _EITHER_OR,
    re.I,
)
ASKING_VERBS = set(terms("summarise summarize compare contrast list give tell describe name show outline explain set put place "
                         "pull walk brief sum run find profile itemise enumerate"))
EVOLVED = set(terms("developed grew grown emerged origins"))  # a case study's growth is told in its 'Evolution'
SUMMARY = re.compile(
    # not the document's own 'summary of findings', nor the document itself ('the analysis behind this summary')
    r"\b(?<!\bthis )(summar(?:ise|ize|ised|ized|"
    r"y(?! of (?:the )?(?:findings|recommendations)| (?:section|page|flags|says|lists|notes))|"
    r"ising|izing)|sum up|gist|"
    # not the document's own overview page: 'the overview list', 'the case-study overview refers to ...'
    r"(?<!the )overview(?! (?:list|page|section|table|refers|says|lists|mentions|describes|notes|shows|states))|"
    r"(?:main|key|headline) (?:points|messages|findings|takeaways?|lessons)|takeaways?|tell me about|brief me|"
    r"\b(?:the|its) (?:main|key|central) (?:point|message|argument) (?:of|in)\b|"  # "what's the main point of the introduction'
    r"(?<!\bto )pull together|"  # not 'the opportunity to pull together X's assets'
    # (not 'in plain terms why anyone should care': how the fact is put)
    r"\bpull (?:it|this|that|them) (?:all )?together\b|\bin plain (?:words|terms)\b(?!,? why\b)|"
    r"\bupshot of\b|\bbroad brush\b|\b(?:quick|short|brief) take on\b|"
    r"\b(?:\w+-minute|short|quick) briefing on\b|\bmain message for\b|\bthinking behind\b|"
    r"\bwhat does it say about [^?]+ stuff\b|"
    r"\bcondense\b|\bsketch(?: out)?\b|\bboil (?:[\w&'’/-]+ ){1,8}down\b|\bbriefing note on\b|\bsidebar\b|"
    # (not 'in the bit about Cumbria, which plan ...': where the answer is)
    r"(?<!\bin the )(?<!\bon the )\b(?:piece|bit|write-?up) (?:is )?(?:actually |really )?(?:about|saying)\b|"
    r"\bis it actually saying\b|"
    r"\bwhat (?:does|do) (?:the report|it|NP11|the publication) make of\b|\bwhat does it say about [^?]+,\s*broadly\b|"

    r"in (?:a few|some|several|two|three|four|five|six|\d) (?:short )?bullets|"
    r"bullet[- ]?point(?:ed|s)? (?:summary|list|overview|version)|"
    r"round up|recap|run-?down|read-?out|(?:walk|talk|take|run) me through|in a few (?:lines|sentences)|"
    r"(?:(?:a|some) |^\W*)(?:short |brief |quick )?(?:note|notes|write-?up|brief|briefing) (?:on|about)\b|"
    r"(?:what|everything|all) (?:that )?(?:the |this )?(?:report|publication|document|paper|NP11|authors?) "
    r"(?:says|argues|concludes|finds|has to say) (?:about|on|regarding)|"
    # 'For a one-pager on devolution, what does the report say?': the topic first
    r"^[^?]*,\s*what (?:does|do) (?:the )?(?:report|publication|document|NP11) say(?=\W*$)|"

    r"how (?:does|do) (?:the )?(?:report|publication|document|paper|NP11|authors?) (?:explain|describe|define|frame|present|"
    r"characteri[sz]e|portray|treat|handle|cover|approach|discuss)\b|"
    # 'how is devolution treated across the report'
    r"\bhow (?:is|are) [^?]{2,60}? (?:treated|handled|covered|dealt with|discussed|addressed|approached|framed|presented|"
    r"portrayed) (?:across|in|throughout|by) (?:the |this )?(?:whole |entire )?(?:report|publication|document|paper|NP11)\b|"
    r"(?:a|one) (?:short |quick )?paragraph (?:on|about)|the story (?:of|in|behind)|"
    r"(?:key|main|essential) facts|highlights|snapshot|synopsis|pr[ée]cis|at a glance|in a nutshell|boil\w* (?:it )?down|"
    # not 'describe the cluster as built on a legacy'
    r"essentials|(?:briefly )?describe (?:the|this) (?:[\w&'’-]+ ){0,5}(?:case study|case|cluster|section|theme|recommendation)"
    r"(?! as\b)|"
    r"profile (?:the|this)|outline (?:the|this) (?:[\w&'’/-]+ ){0,5}(?:case study|case|section)|what ground does|"
    r"what(?:'s| is) the story|bullet[- ]?points?\b|(?:short|quick|brief|potted) version\b|\bbasically (?:saying|about)\b|"
    r"\boverall (?:story|message|picture|take)\b|\bheadline take\b|\bthe story on\b|"
    r"\blong and (?:the )?short of\b|\belevator pitch\b|\bexecutive summary\b|"
    r"\bwhat (?:should|do|would|must) (?:I|we) (?:need to )?know(?: about\b|(?=\W*$))|"
    r"\b(?:crib|cheat) ?sheet\b|\bdigest of\b|\bprimer\b|\bsynthes(?:is|ise|ize) of\b|\btl;? ?dr\b|\bwrap-?up of\b|"
    r"\bin plain English\b|"
    r"\bwhat(?:'s| is) the (?:deal|score|craic) with\b|\bfill (?:me|us) in on\b|\b(?:\d+|thirty|sixty)[- ]second version\b|"
    r"\b(?:one|two|five)[- ]minute version\b|\bwhat(?:'s| is) the (?:introduction|intro|opening section) about\b|"
    # 'Explain the X theme to me' (its 'explain' already taken off as the asking): the theme, nothing more
    r"^\W*(?:explain )?(?:the|this) [^?.]{2,80}? (?:theme|recommendation|section)(?: (?:to|for) (?:me|us))?(?=\W*$)|"
    r"\b(?:report|publication|NP11|document|paper)['’]s? (?:beef|gripe|quarrel|problem|issue) with\b|"
    r"\b(?:case study|case|cluster|section)\W+(?:briefly|in brief|quickly)\W*$|"  # 'before a visit, what should I know about it'
    # 'what are the main barriers clusters face', 'what does the report say are the main challenges'
    r"\bwhat (?:(?:does|do) (?:the )?(?:report|publication|NP11) say )?(?:are|were) the (?:main|key|biggest|common) "
    r"(?:challenges|barriers|problems|obstacles|issues)\b|"
    r"^\W*what(?:'s| is) in the (?:[\w&'’/-]+ ){1,5}(?:section|chapter)(?=\W*$)|"
    r"\bwhat (?:does|do) (?:the )?(?:[\w&'’/-]+ ){0,6}(?:section|case study|case|chapter|write-?up) cover\b|"
    r"(?:short |brief |quick )?account of (?:how|what|the)\b|"
    r"(?:give me|tell me|outline|summari[sz]e|recap) the (?:[\w&'’-]+ ){1,5}story\b|\bin a (?:short |single )?paragraph\b|"
    r"(?:overall|general|main) (?:line|position|stance|view|message) (?:on|about)\b|"
    r"\b(?:report|publication|NP11|authors?|document|paper)['’]s? (?:view|take|position|stance|verdict|thinking|line) "
    r"(?:on|about|regarding)\b|"
    r"\b(?:lowdown|low-down|thumbnail(?: sketch)?|big picture|potted (?:history|version)) (?:on|of|about|for)\b|"
    r"\bbig picture(?=\W*$)|"
    r"\bwhat(?:'s| is) (?:the )?[^?]{0,60}['’]s? story\b|"  # "what's the North East space cluster's story"
    r"\bwhat(?:'s| is) the (?:[\w&'’-]+ ){1,4}story\b|"  # "what's the Humber story"
    r"\bwhat(?:'s| is) the [^?]{2,80}? (?:section|chapter|case study|theme) (?:saying|getting at|arguing)\b|"
    r"\bwhat(?:'s| is) said (?:about|on)\b|\bheadlines? (?:from|of|on)\b|"
    r"\boutline (?:the|this) (?:[\w&'’-]+ ){0,5}cluster\b|"
    r"\bwhat (?:does|do) the (?:introduction|intro|opening|conclusions?|overview)(?: section| part| pages?)? tell "
    r"(?:the |a )?(?:reader|us|you)\b|"
    r"\bwhat (?:(?:does|do) (?:NP11|the report|the publication|the authors?|they) mean|"
    r"(?:NP11|the report|the publication|the authors?|they) means?) by [^?]+ and (?:why|how|what)\b|"
    r"\bwhat(?:'s| is) (?:the )?(?:[\w&'’-]+ ){0,5}(?:case study|case|cluster|section|theme|chapter) (?:all )?about\b|"
    r"\bwhat are the (?:key|main|headline) (?:numbers|figures|statistics|stats) (?:for|of|on|in)\b|"
    r"\bwhat (?:figures|numbers|statistics|stats) (?:does|do) (?:the )?(?:[\w&'’-]+ ){0,4}(?:case study|case|cluster|section) "
    r"(?:quote|give|cite|use|mention|include)\b|"
    r"what(?:'s| is) (?:\w+['’]s )?(?:overall|general) line\b|"
    r"what(?:'s| is) the (?:argument|case|reasoning) (?:of|in|behind) the (?:[\w-]+ )?(?:theme|recommendation|section)\b|"
    r"what (?:does|do) the (?:[\w&'’-]+ ){0,5}(?:case study|case) (?:conclude|say|argue|tell us)(?: about|(?=\W*$))|"
    r"what (?:does|do) the (?:[\w&'’-]+ ){1,4}page say about\b|"
    r"what (?:does|do) the (?:[\w-]+ )?(?:theme|recommendation|section|case study) (?:on|about|regarding|covering) [^?]+? "
    r"(?:say|cover|argue|conclude)|"
    r"what (?:does|do) the (?:[\w-]+ ){1,2}(?:theme|recommendation)\b[^?]* (?:say|cover|argue|conclude)\b|"
    r"what (?:does|do) (?:NP11|the authors?|they) (?:say|argue|conclude|think|find)(?:,[^,?]{3,60},)? (?:about|on|regarding)|"
    r"what (?:does|do) (?:the )?(?:report|publication|document|paper|study)s? (?:argue|think|find)(?:,[^,?]{3,60},)? "
    r"(?:about|on|regarding)|"
    # "Skills across the whole report: what does NP11 find?", "what explains X's success, drawing on the whole case"
    r"^(?![^?]*\bwhich\b)[^?]*\bacross (?:the )?(?:whole|entire|full) (?:report|publication|document|paper)\b|"
    r"\b(?:draw|drawing|based|relying) on the (?:whole|entire|full) (?:case study|case|section|chapter)\b|"
    r"what lessons? (?:does|do|can|did) [^?]+ (?:offer|teach|hold|give)(?![^?]*\b(?:about|on|regarding)\b)|"
    r"what (?:does|do) (?:the )?(?:report|publication|document|paper|study)s? (?:say|tell us|conclude)"
    r"(?:,[^,?]{3,60},| across the board| overall| in general| generally)? "
    r"(?:about|on|regarding)|"
    # 'I need three sentences on X', 'in two or three sentences', 'In one paragraph:' (one sentence asks a fact)
    r"\b(?:one|two|three|four|five|a few|a couple of)(?: or (?:two|three|four|five))? (?:short )?(?:sentences|paragraphs)\b|"
    r"\bin (?:one|a single) paragraph\b|\badd up to\b|\b(?:give|want|need) (?:me |us )?the overview of\b|"
    r"\b(?:story|say|says|saying|argue|argues|conclude|concludes|explain|theme|role|amounts?)\b[^?]{0,40}\b(?:in brief|in short|"
    r"briefly|"
    r"broadly(?: speaking)?|overall|generally|in general)\b|\broughly what (?:does|do)\b|\bupshot\b|"
    r"\bwhat (?:does|do) (?:the )?(?:report|publication|document|doc|paper|NP11|it|they) (?:argue|conclude)(?=\W*$|,)|"
    r"\bwhat(?:'s| is) (?:it|the [^?]{2,80}?) (?:getting at|setting up|driving at)\b|"
    r"\bwhat (?:does|do) (?:the )?(?:report|publication|document|doc|paper|NP11) (?:have to say|say) (?:about|on|regarding)\b|"
    r"\b(?:report|publication|NP11|doc|document|paper)['’]s (?:(?:overall|main|central|core|basic) )?"
    r"(?:argument|case|reasoning) (?:about|on|for|regarding)\b|"
    r"\bexplain (?:that|this|the) [^?]{0,80}?theme\b|"
    r"\bwhat the (?:introduction|intro|opening section|conclusions?)\b[^?]{0,40}\bis (?:saying|about|getting at)\b|"
    r"what (?:does|do) the (?:introduction|conclusions?|section|chapter|foreword|preface|(?:[\w-]+ ){1,5}section)"
    r"(?: (?:to|of|in) (?:the|this) (?:report|publication|document|paper))? (?:cover|say|contain|discuss|set out|deal with))\b",
    re.I,
)
_WHICH_CASES = (  # 'which case studies', 'in which regions'; not 'what do clusters'
    r"(?:in )?(?:which|what) (?:of (?:the|[\w-]+['’]s) )?(?:(?!(?:do|does|did|are|is|were|was|have|has|can)\b)\w+ )?"
    r"(?:clusters|case studies|regions|areas|places|(?:case[- ]study )?write-?ups)\b"
)
_PREAMBLE = r"^[^?]{2,100}?,\s+(?:but |so |and )?"  # "The bioeconomy has its own case study, but ..."
# 'pull together every freeport that gets mentioned in the case studies': an aggregate, whatever asks it
_EVERY_ONE = (
    r"\bevery (?P<thing>(?:[\w-]+ ){1,3}?)"
    r"(?:(?:(?:that|which) (?:gets? |is |are )?(?:a )?)?(?:mentioned|mention|named|cited|referred to)(?: anywhere)?|"
    r"to which (?:a )?reference is made) (?:in|across)"  # 'every freeport to which reference is made in the case studies'
)
AGGREGATE = re.compile(  # "which clusters ...", "in which regions ...", "where are X mentioned"
    (
        r"^\W*(?:(?:in|across|for|of|among|from|at|by) )?(?:which|what|name|list)\b(?: (?:all|of|the))*"
        r"(?: (?!(?:do|does|did|are|is|were|was|have|has|can|could|should|would|will)\b)"
        r"(?!(?<=what )(?:innovation|regional)\b)[\w-]+(?:['’]s)?)?"  # "which of NP11's case studies"
        r"(?:(?<=['’]s) (?:regional|individual|place|cluster))?"  # "which of the report's regional case studies"
        r"(?: (?:English|British|UK|northern))?"  # 'which northern English clusters have a cyber security element
        r"(?: case[- ]study)?"  # "what innovation clusters enable" asks what clusters in general do, not which ones
        # ('which parts of the North')
        r" (?:clusters|case studies|regions|areas|places|cases|locations|write-?ups|parts of the (?:North|country))\b"
        r"|^\W*how many (?:of the )?(?:\w+ )?(?:clusters|case studies|regions|areas|places) (?:mention|have|has|face|cite|"
        r"discuss|refer|talk|report|include|are (?:in|based|located))"
        # "which of the eleven mention universities", 'which 2 of the 11 are the AI ones'
        r"|^\W*(?:which|what)(?: (?:two|three|four|[2-9]))? of the (?:eleven|11)\b(?! (?:is|was|has)\b)"
        r"|^\W*(?:any|is there any|are there any) (?:mentions?|references?) (?:of|to)\b[^?]*\b"
        r"(?:case studies|clusters|regions|areas)\b"
        r"|\b(?:in|across) (?:which|what) (?:of the )?(?:\w+ )?(?:clusters|case studies|regions|areas|places)\W*$"
        # a note-taker's shorthand: 'clusters mentioning AstraZeneca', 'offshore wind which clusters'
        r"|^\W*(?:clusters|case studies|regions|areas) (?:mentioning|citing|discussing|featuring|naming|referring to|"
        r"that (?:mention|cite|discuss|feature|name|refer to))\b"
        r"|^\W*\w[^?]*\b(?:which|what) (?:of the )?(?:clusters|case studies|regions|areas)\W*$"
        r"|^\W*(?:is there|are there|do you see|can you see) (?:a|any) (?:pattern|trend|common thread)\b[^?]*\b(?:which|what) "
        r"(?:\w+ )?(?:clusters|case studies|regions|areas|places)\b"
        # "what have the case studies got to say about skills", "what does each case study say": one line each
        r"|^\W*what (?:do|does|have|did) (?:(?:the |all (?:the )?|any )?(?:of the )?(?:eleven |11 )?"
        r"(?:case studies|clusters|regions|areas)|each (?:case study|cluster|region|area))(?: \w+)? "
        r"(?:say|said|got to say|tell us)\b"
        r"|^(?:[^?]{2,60}?,\s+)?\W*where\b.*\b(?:"
        r"mention\w*|discuss\w*|appear\w*|come up|crops? up|shows? up|shown up|turns? up|turned up|cropped up|referred|cited|"
        r"featur\w*|comes? into|"
        r"talked about)\b"
        # "across the case studies, which mention SMEs?", "who gets a mention as an anchor firm across the case studies?"
        r"|^\W*(?:across|in|of|among) (?:all )?(?:the )?(?:eleven |11 )?(?:case studies|clusters|regions|areas)\b,?\s+which\b"
        r"|^\W*who\b[^?]*\b(?:across|in) (?:all )?(?:the |each of the )?(?:eleven |11 )?(?:case studies|clusters)\W*$"
        # "does the report list every place that's had Investment Zone money"
        r"|\bevery (?:place|area|region|case study|cluster) (?:that|which|where|in which)\b"
        # "looking only at the individual case studies, which ones flag skills shortages"
        r"|\b(?:case studies|clusters|regions|areas)\b[^?]*?,\s*which ones\b"
        # "where do the case studies bring in a Local Enterprise Partnership"
        r"|^\W*where (?:do|does|did) (?:the |any of the |each of the )?(?:eleven |11 )?(?:case studies|clusters|regions|areas)\b"
        # "Some case studies frame the cluster as built on a 'legacy'. Which ones?": the statement says what
        r"|^[^?]*\b(?:case stud(?:y|ies)|clusters|areas|regions|stories|write-?ups|cases|places)\b[^?]*(?:[.:?]|\s[-–—])\s+"
        r"(?:which|what)"
        r"(?: ones| of them)?(?:,? and (?:how|why|what|where))?\s*\?\s*$"
        r"|^[^?]{2,80}?(?:\s+[-–—]|:|\.)\s+(?:in )?(?:which|what) (?:of (?:the|[\w-]+['’]s) )?(?:[\w-]+ ){0,2}"
        r"(?:clusters|case studies|regions|areas|places)\b"  # "The Humber - which case studies refer to it?": the topic first
        r"|^\W*in how many (?:of the )?(?:\w+ )?(?:clusters|case studies|regions|areas|places)\b"
        r"|^\W*how many of the (?:eleven |11 )?(?:clusters|case studies)\b[^?]*\bwhich\b"
        r"|^\W*(?:across|in|among) (?:all )?the (?:eleven |11 )?(?:case studies|clusters),?\s+who\b"
        # 'AI turns up in which of the case studies?', 'hydrogen. where does it come up across the case studies?'
        r"|\b(?:in|across) which (?:of the )?(?:eleven |11 )?(?:(?:regional|cluster|individual|place|region) ){0,2}"
        r"(?:case studies|clusters|regions)\b"  # 'offshore wind features in which of the regional cluster profiles'
        r"|\bwhere (?:does|do) (?:it|they) (?:come up|crop up|appear|feature|turn up|get mentioned)\b"
        r"|\bone line per (?:case study|cluster|region)\b|^\W*per (?:region|cluster|case study)\b"
        r"|\bfor each (?:cluster|case study|region) that\b"
        # 'where are Freeports mentioned', 'Across the case studies, where is Innovate UK named'
        r"|^(?:[^?]{2,40},\s+)?\W*where (?:are|is) [^?]{2,60}? (?:named|mentioned|cited|referenced)\b"
        r"|" + _EVERY_ONE + r" (?:the |a |any )?(?:eleven |11 )?(?:case stud(?:y|ies)|clusters?)\b"
        r"|^\W*(?:list|give me|name|set out) (?:all )?the [^?]{2,40}? (?:referred to|mentioned|named|cited|that come up) "
        r"(?:across|in) (?:all )?(?:the )?(?:eleven |11 )?(?:case studies|clusters)\b"
        # '... a national body set up HQ in the region. Which case studies say that?': the last sentence asks
        r"|[.?!…]\s+(?:which|what) (?:case studies|clusters)\b[^?]{0,40}\?\s*$"  # '..., and which?'
        # 'How come AstraZeneca keeps cropping up? Tell me which of the case studies mention the company at all.'
        r"|[.?!…]\s+(?:tell me|say|list) (?:which|what) of the (?:case studies|clusters)\b[^?]{0,60}[?.]?\s*$"
        r"|^\W*where in the (?:eleven |11 )?(?:case studies|clusters)\b"
        r"|^\W*(?:does|do|did|is|are) (?:there )?(?:any )?(?:of the )?(?:other )?(?:\w+ )?"
        r"(?:clusters?|case stud(?:y|ies)|regions?|areas?)\b"
        r"(?: \w+){0,6}? (?:that |which )?(?:mentions?|refers?|discuss\w*|talks?|cites?|features?|also|have|has)\b"
        r"|^\W*(?:show|give|find|list|name|collate|compile|gather|pull together|round up|identify|pick out|point out|"
        r"single out) (?:me )?(?:all |every |each )?(?:the )?(?:\w+ )?"
        r"(?:clusters?|case stud(?:y|ies)|regions?|areas?|places?) (?:that|which|where|with|in which)\b"
        r"|^[^?]*\b(?:case studies|clusters|regions|areas)\b[^?]*\bwho (?:mention|refer|talk|discuss|cite)s?\b"
        r"|^\W*(?:is|are|does|do)\s+(?:[\w&'’()-]+\s+){1,8}?(?:named|mentioned|cited|referred to|discussed|featured|mention\w*)"
        r"\s+(?:in|by|across)\s+(?:any|all|which|each|some|many|several|multiple|most|other|more than one)\s+(?:of\s+)?"
        r"(?:the\s+)?(?:other\s+)?(?:case stud(?:y|ies)|clusters?|regions?|areas?)\b"
        # 'Made Smarter comes up in the GM case study. Is it mentioned anywhere else among the case studies?'
        r"|\b(?:is|are) (?:it|they|this|that|these|those) (?:named|mentioned|cited|referred to|discussed|brought up) "
        r"(?:anywhere else|elsewhere)\b"
        # 'does nuclear come up anywhere else in the report?', 'does anything cyber-related come up in any case study'
        r"|(?:^\W*|[-–—:.?]\s+)(?:does|do) (?:[\w&'’-]+\s+){1,6}?(?:come|crop|turn) up\s+(?:anywhere else|elsewhere|"
        r"in any (?:other )?(?:case stud(?:y|ies)|clusters?|regions?|areas?))\b"
        # the topic, then the ask cut short: 'freeports? which clusters', '... mention the bioeconomy? which'
        r"|^[^?]{2,80}\?\s*(?:which|what)(?: (?:ones|clusters|case studies|regions|areas|places))?\W*$"
        # 'nuclear: where in the case studies does it feature?', 'Enterprise Zones - any clusters mention them?'
        r"|(?:[-–—:.?]\s+)(?:where in the (?:case studies|clusters)\b|any (?:of the )?(?:other )?(?:clusters|case studies|"
        r"regions|areas)\b(?: \w+){0,3}? (?:mention|refer|talk|cite|discuss|have|name|bring|flag|feature)\w*)"
        r"|(?:^\W*|\byou |[-–—:.]\s+)(?:tally(?: up)?|count up|check|tell me|show me|find out|work out|figure out|flag|note|say|"
        r"specify|indicate) (?:which|what) (?:[\w-]+ ){0,2}?(?:clusters|case studies|regions|areas|places)\b"
        r"|^\W*(?:tally(?: up)?|count up|flag|map|chart|note) (?:all )?the (?:clusters|case studies|regions|areas) "
        r"(?:that|which)\b"
        # '... does any cluster besides Liverpool get a mention', 'exports which clusters mention exporting'
        r"|(?:^\W*|[-–—:.?]\s+)(?:does|do) any (?:other )?(?:cluster|case study|region|area)\b"
        r"|^\W*[\w-]+(?: [\w-]+)? which (?:clusters|case studies|regions) (?:mention|talk|refer|cite|have|discuss)"
        r"|^\W*which ones (?:talk|mention|refer|discuss|cite|name|flag|have|bring|spell)\w*\b"  # the case studies, asked
        r"|\b(?:case stud(?:y|ies)|clusters?)\b[^?]*?\bwhich ones\b"  # '... in nearly every case study, and if so which ones'
        r"|^\W*which (?:cluster|case study|region) (?:have|talk|mention|refer)\b"  # 'which cluster have export figures'
        # 'hydrogen - who mentions it', 'who mentions AMRC', 'ageing workforce - does anyone flag it'
        r"|(?:^|[-–—:.?]\s+)who (?:mentions|flags|talks about|cites|brings up|raises|refers to)\b"
        r"|(?:^|[-–—:.?]\s+)(?:does|do) any(?:one|body| of them)? (?:mention|flag|raise|talk about|cite|bring up|refer to)\b"
        r"|[-–—:]\s*where (?:are|is) (?:they|it|these|this) (?:mentioned|named|cited|discussed|raised)\b"
        r"|\b(?:cluster|case study|region) by (?:cluster|case study|region)\b"
        r"|^\W*[\w -]{2,30} by cluster\b(?! (?:development|approach|policy|policies|strateg\w*|programmes?|support))"
        # 'Nuclear gets a mention where in this report? I mean which case studies.', 'AI mentioned where?'
        r"|\b(?:gets? a mention|(?:is |are )?mentioned|crops? up|comes? up|turns? up) where\b"
    )
    # "The bioeconomy has its own case study, but which case studies mention it?": the question after its preamble
    + "|" + _PREAMBLE + _WHICH_CASES,
    re.I,
)
EACH_ASKED = re.compile(
    r"\s*,?\s*\b(?:and|with) (?:what|how much|how many|when|where) (?:each|it|they|each one)\b[^?]*"
    # '…, with whatever amount or focus is attached to it'
    r"|\s*,?\s*\b(?:and|with|plus|along with) (?:whatever|any|the) (?:[\w-]+ (?:or |and )?){0,3}?"
    r"(?:amounts?|figures?|sums?|focus|funding|values?|details?)\b[^?]*",
    re.I,
)
STATED_SUBJECT = re.compile(  # a statement's subject that the question after it calls 'it' or 'they'
    r"^\W*(?P<subject>[^?.:,]{2,60}?)\s+(?:keeps?|kept|comes?|came|crops?|pops?|turns?|shows?|appears?|features?|"
    r"recurs?|seems?|gets?|is|are|was|were)\b[^?]*?[.:]\s+[^?]*\b(?:it|they|them)\b[^?]*\?\s*$",
    re.I,
)
AFTER_PREAMBLE = re.compile(_PREAMBLE + "(" + _WHICH_CASES + r"[^?]*\?)")
# 'We deliver Made Smarter work. Which of NP11's case studies reference the programme?': the question says what, when
# it names anything ('Hydrogen: which clusters bring it in?' says it before)
AFTER_STATEMENT = re.compile(r"^[^?]{2,100}?[.:!]\s+(" + _WHICH_CASES + r"[^?]*\?)", re.I)
OTHER_CASES = re.compile(
    r"\b(?:which|what|any) other (?:case stud(?:y|ies)|clusters?|regions?|areas?|write-?ups?)\b|\banywhere else\b|\belsewhere\b",
    re.I,
)
_COMES_UP = r"(?:get a mention|get mentioned|crop up|come up|appear|feature|turn up|pop up)\b"  # said of a place
PLACE_ASKED = re.compile(  # a place the question asks the case studies about, said before or after 'where'
    r"^\W*(?:the )?([A-Z][\w&'’ ]{1,40}?)\s+[-–—:]\s+(?:which|what) (?:other )?(?:case studies|clusters|write-?ups)\b"
    r"[^?]*\b(?:it|them)\b"
    r"|\bwhere (?:else )?(?:in the (?:report|publication|document|case studies) )?(?:does|do) (?:the )?"
    r"([A-Z][\w&'’ ]{1,40}?) " + _COMES_UP +
    r"|^\W*(?:the )?([A-Z][\w&'’ ]{1,40}?) (?:is|are) [^?]{0,60}\b(?:does|do) (?:it|they) (?:come|crop|turn|pop) up\b"
    r"[^?]*\bother\b"
    # 'The Humber gets a mention in which case studies?', 'in which case studies does Manchester (the city, ...) come up'
    r"|^\W*(?:the )?([A-Z][\w&'’ ]{1,40}?) (?:gets? (?:a )?mention(?:ed)?|is mentioned|comes up|crops up|features|appears) "
    r"in which (?:of the )?(?:case studies|clusters|write-?ups)\b"
    r"|(?i:\bin which (?:of the )?(?:case studies|clusters|write-?ups) (?:does|do) (?:the )?)([A-Z][\w&'’ ]{1,40}?)\s+"
    r"(?:\([^)]*\)\s+)?" + _COMES_UP,
)
MENTION_ASK = re.compile(  # 'which case studies mention Manchester in any form - the city or Greater Manchester'
    r"^\W*(?:in )?(?:which|what)(?: of)?(?: the| (?:NP11|the report)['’]s)? (?:eleven |11 )?(?:case studies|clusters|write-?ups)"
    r" (?:mention|reference|refer to|cite|name-?check|talk about|bring up)\b"
    r"|\bin which (?:of the )?(?:case studies|clusters|write-?ups) (?:does|do)\b[^?]*"
    r"\b(?:get a mention|get mentioned|come up|crop up|appear|feature|turn up)\b",  # '... does a LEP get a mention?'
    re.I,
)
PLACE_AS_TOPIC = re.compile(  # what an aggregate asks the case studies to mention, when that is a place
    r"\b(?:case studies|clusters|regions|areas|places)\b[^?]*?"
    r"\b(?:mention\w*|refer\w* to|cit(?:e|es|ing)|talk\w* about|discuss\w*|reference\w*|name\w*)\s+"
    r"(?!(?:in|by|within|across|at|on)\b)([^?]+)"
    # 'every case study in which the word Humber appears'
    r"|\b(?:case stud(?:y|ies)|clusters?|write-?ups?)\s+(?:in which|where)\s+(?:the (?:word|name|term) )?([^?]+?)\s+"
    r"(?:appears|is mentioned|comes up|crops up|features|turns up|gets a mention)\b",
    re.I,
)
ANYWHERE = re.compile(
    r"\b(named|mentioned|cited|referred to|discussed|brought up|come up|comes up|crop up|appear|feature|turn up)"
    r"\s+anywhere\b(?! else)",
    re.I,
)
EXCLUDED = re.compile(  # "does any case study besides Tees Valley mention it": that one is not what is asked about
    r",?\s*\b(?:besides|apart from|other than|except(?: for)?|excluding|aside from|setting aside|leaving aside|"
    r"not counting|not just)\s+(?:the\s+)?[^,?]+?(?:['’]s? own (?:case study|case))?"
    r"(?=,|\?|$| mention| refer| discuss| talk| cite)",
    re.I,
)
ENUMERATE = re.compile(  # asks for a set of things, not one thing
    r"^\W*(?:(?:please|kindly|can you|could you|would you) )?(?:list|name|enumerate|give|set out|outline|how many|show|"
    r"in which|across which|collate|compile|gather|"
    r"pull together|round up|run through|go through|itemi[sz]e|spell out)\b|\bwhich\b"
    r"|\bwhat (?:are|were) (?:the|its|their|all)\b|\bwhat (?:[\w-]+ )?(?:clusters|case studies|regions|areas|places|"
    r"recommendations|themes|headings|sub-?headings|titles|headlines)\b"
    r"|\bwhat (?:does|do) (?:the )?(?:report|publication|NP11) recommend\b"
    r"|\b(?:full|complete|whole) (?:list|set|rundown|roll-?call) of\b|\bevery one\b|\bnothing left out\b|\ball of them\b"
    r"|\b(?:each|every|all) (?:[\w-]+ )?(?:recommendation|theme)s?\b|\blist them(?: all)?\b|\blist (?:all|every|each)\b"
    r"|[.:]\s+(?:list|name|give me|enumerate) (?:them|them all|all of them|the lot)\b"  # 'Cross-cutting themes. List them.'
    r"|\b(?:reel|rattle) off\b|\bcatalogue\b|\binventory\b|\bevery single\b|\ball of (?:em|them)\b|\bone by one\b"
    r"|\bcomplete set\b|\bdon'?t skip\b|\bfull line-?up\b|\benumerate\W*$|\bas bullets\b|\blay out each\b"
    r"|\b(?:(?:give|send|show) (?:me|us)|set out|list) the (?:whole )?lot\b",  # 'the headline recs - give me the lot please'

    re.I,
)
_KIND = (  # kinds of named thing a case study may be asked for, one or several
    r"(?:organi[sz]ations?|bod(?:y|ies)|institutions?|compan(?:y|ies)|firms?|partners?|universit(?:y|ies)|cent(?:re|er)s?|"
    r"facilit(?:y|ies)|programmes?|programs?|sites?|networks?|plans?|funds?|designations?|initiatives?|players?|stakeholders?)"
)
_KINDS = rf"(?P<kinds>(?:[\w/-]+\s+)?{_KIND}(?:(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:[\w/-]+\s+)?{_KIND})*)\b"
NAMES_IN_CASE = re.compile(  # "give me a full roll-call of the organisations named in the York case"
    # after what it is about, if said first: 'Sheffield-area metals cluster - name every research centre …'
    r"^(?:[^?]{0,100}?(?:\s[-–—]|[:.])\s+)?\W*(?:(?:list|name|itemise|itemize|enumerate|run through|"
    r"give me (?:a |the )?(?:full |complete )?(?:list|roll-call|rundown) of)\s+(?:every |all (?:the )?|the )?(?:named )?"
    r"|(?:can|could|may) (?:I|we) (?:have|get) (?:every |all (?:of )?the |each )(?:named )?"  # 'Can I have every organisation …'
    r"|give me (?:every |all (?:of )?the |each )(?:named )?"
    r"|(?:which|what) named\s+)" + _KINDS,
    re.I,
)
ONE_BODY = re.compile(r"\b(?:partnership|consortium|bid|programme|project|initiative|collaboration|board)\b", re.I)
MAIN_PLAYERS = re.compile(  # 'who are the main players in ...', 'which key organisations and assets make up ...'
    r"^(?:[^?]{0,100}?(?:\s[-–—]|[:.])\s+)?\W*(?:who|which|what) (?:are|were) the (?:main|key|major|principal|leading|big) "
    r"(?:players|organisations|organizations|actors|institutions|bodies)\b"
    r"|^(?:[^?]{0,100}?(?:\s[-–—]|[:.])\s+)?\W*(?:which|what) (?:main |key |major )?(?:players|organisations|organizations"
    r"|institutions|bodies)(?: and (?:assets|facilities|institutions|firms|companies))? (?:make up|form|drive|anchor|are "
    r"(?:behind|involved in|at the heart of))\b"
    r"(?=[^?]{0,40}\b(?:cluster|ecosystem|sector|industry|scene)\b)",  # (not 'which organisations make up the RAIC partnership')
    re.I,
)
ONE_PAGE = re.compile(r"\s*\b(?:on |in |at |from )?(?:p\.|page)\s*(?P<page>\d+)\b(?!\s*(?:and|-|–|to|&)\s*\d)", re.I)
PAGE_SUMMARY = re.compile(  # 'what's on page 4?', 'what does page 5 cover?': what is on the page, in brief
    r"^\W*what(?:'s| is) on (?:p\.|page)\s*\d+\b|^\W*what (?:does|do) (?:p\.|page)\s*\d+ (?:say|cover|contain|deal with)(?=\W*$)"
    r"|\b(?:bit|part|passage|text|page) on (?:p\.|page)\s*\d+\b[^?]{0,30}\b(?:saying|say|about|getting at|mean)"
    r"(?:,? (?:briefly|in brief|in short))?(?=\W*$)",  # 'the bit on page 3 - what's it saying, briefly?'
    re.I,
)
PAGE_WORDS = frozenset(terms("bit part piece passage text content contents saying says page"))
PAGE_REF = re.compile(r"\s*\b(?:on |in |at |from )?(?:pp?\.|pages?)\s*\d+(?:\s*(?:and|-|–|to|&)\s*\d+)?", re.I)
HOW_DO = re.compile(  # "how do Hull and South Yorkshire tackle skills", "what do GM and the North East each point to"
    r"^\W*how (?:do|did|does|have|are|were)\b|\b(?:each|both)\b"
    r"|(?-i:[A-Z]\w*['’]s\b[^?]*\band\b[^?]*\b[A-Z]\w*['’]s\b)",  # "how far back do Cumbria's cluster and Tees Valley's go"
    re.I,
)
BOTH_SIDES = re.compile(
    r"\b(?:both|each(?! (?:year|month|week|day|time))|the two (?:cases|case studies|clusters|areas|regions|places))\b", re.I
)
# "which example do they point to", "When the recommendations argue X, which example …": one thing, not a list
SINGLED_OUT = re.compile(  # one member or a count asked of a group: 'the first recommendation', 'how many themes'
    r"\bhow many\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|last|final|top|number \d)\b"
    r"|\b(?:which|what) (?:recommendation|theme|one)\b(?!s)|\bhow (?:is|are|does|do)\b"
    r"|\bmost (?:common|often|frequent|widespread)\b|\bcommonest\b",  # 'which headache is most common across all clusters'
    re.I,
)
NAMED_WITHIN = re.compile(  # "which other DSIT initiatives are listed alongside them": things a member names, not members
    r"(?:^\W*|[,.;:–-]\s*)(?:which|what) (?:(?:other|existing|further|specific|named) )*(?:[A-Za-z-]+ ){0,2}?"
    r"(?P<noun>[a-z]+s) (?:are|were|does|do|did|should|must|is|has|have|make up|form|comprise|constitute|belong)\b",
    re.I,  # 'which universities make up the Golden Triangle that the funding theme refers to'
)
MEMBER_TERMS = set(terms("recommendations themes items points headings titles asks bullets observations messages"))
MEMBER_WORDS = re.compile(r"headings|titles|headlines|names|items|points|asks|bullets|labels|parts|ones", re.I)  # the members
ONE_THING = re.compile(  # "which single Government department does NP11 recommend …"
    # ('Outside which area do private-sector organisations find it hardest to ..., according to the themes?')
    r"(?:^\W*(?:(?:outside|inside|within|beyond|in|from|to|for|by|with) )?|,\s*)(?:which|what) (?:(?:single|one|particular) )?"
    r"(?:[A-Za-z-]+ ){0,2}?(?P<noun>[a-z]+(?<!s)) "
    r"(?:is|was|has|gets|got|do|does|did)\b",
    re.I,
)
SECTOR_OF = re.compile(
    r"\b(?:what|which) (?:sectors?|industry|industries|specialisms?|fields?|cluster|focus)\b"
    r"|\bwhat is the (?:\w+ ){0,4}(?:case study|cluster) about\b",
    re.I,
)
OPENING = re.compile(
    r"\b(?:the )?(?:opening|intro(?:duction)?|first) (?:part|paragraph|section|lines?)?\b(?=[^?]*\bcase\b)"
    r"|\bbefore it (?:gets|turns) to\b",
    re.I,
)
PAGE_ASK = re.compile(r"\b(?:which|what) pages?\b|\bpage numbers?\b|\bturn to\b", re.I)
SECTOR_LABELS = re.compile(r"\bsector (?:labels?|names?|tags?|headings?)\b", re.I)
SECTOR_WORDS = set(
    terms("sector industry specialism field focus chosen chose choose about technology specialise type types covered "
          "paired matched attached")  # 'on the overview list, which sector is paired with Tees Valley'
)
CASES_WITH_SECTORS = re.compile(  # every case study with its sector: 'region + sector for each of the case studies'
    r"^(?=[^?]*\b(?:sectors?|specialisms?|specialities|focus|cluster types?|industr(?:y|ies))\b)"
    r"(?=[^?]*\b(?:each|every|all|full|complete|inventory|catalogue|one per|line-?up|don'?t skip|eleven|11|reel off|"
    r"rattle off)\b)"
    r"(?=[^?]*\b(?:case stud(?:y|ies)|clusters?|regions?|places?|areas? profiled)\b)"
    r"|^\W*(?:places|regions|areas|clusters)\s*(?:\+|&|and|with)\s*(?:sectors|specialisms)(?: covered)?\W*$",  # terse
    re.I,
)
ALL_CASES = re.compile(  # the case studies themselves asked for, by their titles or names
    r"^(?=[^?]*\b(?:every|each|all(?: the)?(?: eleven| 11)?) case[- ]stud(?:y|ies)\b|[^?]*\blist all (?:eleven|11)\b)"
    r"(?=[^?]*\b(?:titles?|titled|names?|named|headings?|labels?|list)\b)",
    re.I,
)
LIST_CASES = re.compile(
    r"^\W*(?:list|name|enumerate|give(?: me)?|set out|tell me)\b(?: (?:all|of|the))*(?: [\w-]+){0,3}?"
    r" (?:case[- ]stud(?:y|ies)|clusters?)\b"
    r"|\b(?:roll-?call|full list|complete list|run-?down|line-?up) of (?:all )?(?:the )?"
    r"(?:places|regions|areas|clusters|case studies|sectors)\b"
    r"|^\W*all (?:of )?the (?:eleven |11 )?(?:case studies|clusters)\b"  # 'tell me all the case studies', the asking taken off
    r"|^\W*(?:can you |could you )?(?:list|give(?: me)?|name) (?:all )?the (?:cluster|case[- ]study) names\b",
    re.I,
)
CASE_WORDS = set(terms("region regions place places area areas location each every all eleven with and full complete bits parts"))
# how the case studies are to be laid out, not what about: 'in the order they appear, with the page each starts on'
LAYOUT_WORDS = set(
    terms("along order appear appears start starts begin begins page pages title titles titled heading headings pairing "
          "pairings roster located specialises specialise specialisms doc whole lot sorted entries entry exactly written "
          "skipped set separate separately")
)
CASE_LIST_WORDS = frozenset(SECTOR_WORDS | CASE_WORDS | LAYOUT_WORDS)  # said of the case-study list itself
EVERY_CASE = re.compile(  # the case studies asked for as a set: 'every case study', 'the complete roster of clusters'
    r"\b(?:every|each|all(?: of)?(?: the)?(?: eleven| 11)?|complete|full|whole|roster of|list of|inventory of|catalogue of|"
    r"rundown of)\s+(?:[\w-]+\s+)?(?:case[- ]stud(?:y|ies)|clusters?|regions)\b"
    r"|^\W*(?:map out|chart|list|name|set out|give me|show me|lay out|reel off|rattle off) (?:all )?the (?:eleven|11) "
    r"(?:case studies|clusters|regions)\b"
    r"|\b(?:case studies|clusters|regions)\b[^?]*\ball (?:eleven|11|of them)\b|\bregions are in scope\b"
    r"|\b(?:case studies|clusters|regions)\b[^?]*\b(?:all of them|whole lot|the lot|full set)\b",
    re.I,
)
GENERIC_PLACE_WORDS = {"north", "south", "east", "west", "greater", "city", "region", "valley"}
MEMBER_MATCH_TERMS = 2  # words a topic shares with one theme's (or recommendation's) title to name it...
THEME_SAID_TERMS = 3  # words of one theme's title a question says to ask about that theme
MEMBER_GENERIC = set(terms("cluster clusters innovation policy report NP11 north future"))  # ...not these
TITLE_MATCH_SHARE, TITLE_MATCH_TERMS = 0.6, 2  # a question repeating this share of a section title's terms names it
MULTIWORD_NAME = re.compile(r"\b[A-Z][\w&]*(?:\s+(?:(?:in|of|for)\s+)?[A-Z][\w&]*)+")  # 'Strength in Places'
SECTION_ASKED = re.compile(
    r"^\W*what (?:are|were) (?:the )?(?:report['’]s |NP11['’]s )?(?:main |key |headline |principal |central |overall )?"
    r"(?P<words>[a-z]{4,}(?: [a-z]+)*?)\W*$",
    re.I,
)
MEMBERS_JOINED = re.compile(r"\s(?:with|and|to|versus|vs\.?|against|alongside|beside)\s", re.I)
COMPARED_ON = re.compile(r"\b(?:on|in|about|regarding|over|in terms of|when it comes to)\s+([^?]+?)\W*$", re.I)
GROUP_ON = re.compile(  # a group's members on one topic: 'the funding-related recommendations', 'the themes on skills'
    r"\b(?P<before>[\w-]+?)-(?:related|focused|centred|centered|oriented|specific) (?:recommendations|themes)\b"
    r"|\b(?:recommendations|themes) (?:on|about|concerning|relating to|related to|dealing with) (?P<after>[^?.,;:]+)",
    re.I,
)
TOPIC_LINK = re.compile(  # "which recommendations are about funding": a list filtered by a topic
    r"\b(?:about|on|regarding|concerning|concern|relat\w* to|to do with|involv\w*|mention\w*|cover\w*|"
    r"address\w*|deal\w* with|refer\w* to|tackl\w*)\b",
    re.I,
)
_STATUS = (
    r"existing|planned|proposed|current|former|past|future|new|old|announced|operational|formal|informal|direct|"
    r"indirect|explicit|implicit|passing|named|unnamed|actual|potential|national|local|public|private"
)
CONTRASTED = re.compile(
    r"\s*\((?:as opposed to|rather than|not|unlike|excluding|except|as distinct from|distinct from)\b[^)]*\)"
    # 'infrastructure of any kind (physical, digital, national)': kinds of it, not other topics
    r"|\s+of (?:any|every|all) (?:kinds?|sorts?|types?)\s*(?:\([^)]*\))?"
    # '(existing or planned)': a status, not a second topic
    rf"|\s*\((?:{_STATUS})(?:\s*(?:,|or|and|/)\s*(?:{_STATUS}))*\)"
    r"|,?\s*\b(?:as distinct from|distinct from)\b[^?.;:()]*|,?\s*\busing (?:that|the|this|those) (?:word|term|phrase)s?\b"
    r"|\b(?:express|give|quote|put)(?:es|s)? (?:a |any )?(?:figure|number|amount)s? (?:in terms of|for|on|in)\b"
    # and qualifiers outside brackets: ', rather than just universities in general', ', whether for an event or ...'
    r"|,?\s*\b(?:rather than|as opposed to|whether (?:for|as|in|by|to))\b[^?.;:()]*|\s+in (?:some|any) (?:form|way)\b",
    re.I,
)
SUCH_AS = re.compile(r",?\s*\b(?:such as|e\.g\.,?|for example|including)\s+([^?.;:()]+)", re.I)  # examples: alternatives
LISTED_ALTERNATIVES = re.compile(r"(?:\b[\w-]+(?: [\w-]+){0,2}, )+[\w-]+(?: [\w-]+){0,2},? or ")
ETC = re.compile(r",?\s*\b(?:and so on|etc\.?|and the like|and others|and similar)\s*$", re.I)
KEPT_FORMS = {"emerging"}  # 'emerging clusters' is a topic, though 'which themes emerged' is the frame
HOW_NAMED = re.compile(
    r"\s*\b(?:by|under|using) (?:its |their )?(?:full )?names? or (?:by )?(?:its |their |an? )?"
    r"(?:abbreviations?|acronyms?|initials)\b",
    re.I,
)
SPELLED_OUT = re.compile(  # 'AI (artificial intelligence)', 'the AMRC (Advanced Manufacturing Research Centre)'
    r"(?-i:\b([A-Z][A-Za-z&]{1,9}))\s*\("
    r"((?-i:[a-z][a-z -]{2,60})|(?-i:[A-Z][a-z]+(?: (?:and |of |for |the )?[A-Z][a-z]+){1,7}))\)"
)


def _or_spelled_out(match: re.Match[str]) -> str:
    """'AI (artificial intelligence)' -> 'AI or artificial intelligence', when the words' initials spell it."""
    acronym, words = match.group(1), match.group(2)
    initials = "".join(w[0] for w in re.split(r"[\s-]+", words.lower()) if w and w not in ("and", "of", "for", "the"))
    # 'SMEs (small and medium-sized enterprises)': a hyphenated word gives one letter, a plural acronym its 's'
    whole_words = "".join(w[0] for w in words.lower().split() if w not in ("and", "of", "for", "the"))
    spelled = initials == acronym.lower() or (acronym.endswith("s") and whole_words == acronym[:-1].lower())
    return f"{acronym} or {words}" if spelled else match.group(0)


INCLUDING = re.compile(  # other names for it: '(including MCAs)', '(AI)', '(digital skills, digitalisation and so on)'
    r"\s*\((?:(?:including|incl\.?|e\.g\.?,?|such as|i\.e\.?,?|or)\s+([^)]*)|(?:an? |the )?(?-i:([A-Z][A-Za-z&]{1,9}))"
    r"|([^),]+(?:,[^),]+)+?)(?:,?\s*(?:and so on|etc\.?|and the like|and others))?)\)",
    re.I,
)
_SCOPE_ITEM = (
    r"(?:the |any |individual |both |cluster )*(?:(?:cross-cutting )?themes|recommendations|observations|introduction"
    r"|case[- ]stud(?:y|ies)(?: examples)?|examples|clusters|(?:closing|final|opening|early) (?:sections?|pages?|chapters?))"
    r"(?: sections?| chapters?| parts?)?"
)
_SCOPE_ITEMS = _SCOPE_ITEM + r"(?:(?:,\s*(?:and\s+)?|\s+and\s+)" + _SCOPE_ITEM + r")+"
SCOPE = re.compile(  # how widely to read, not what about: ', across cases and recommendations,', 'drawing on the whole case'
    r",\s*across [^,?]{3,60},"
    # '- themes, recommendations and any case study examples -', 'Draw on the case studies, themes and recommendations.'
    r"|\s[-–—]\s(?:both |all of )?(?:across |from |in )?" + _SCOPE_ITEMS + r"(?:\s[-–—](?=\s)|(?=\W*$))"
    r"|[.,]?\s*\b(?:draw|drawing) on " + _SCOPE_ITEMS + r"\b\.?"
    r"|(?<=[?.])\s*(?:across|from|in|covering) (?:both )?" + _SCOPE_ITEMS + r"\W*$"  # '? across the themes and the case studies'
    r"|,\s*(?:pulling together|drawing on|drawing together|taking in|across) (?:both )?(?:the )?"
    r"(?:themes|recommendations|case studies)"
    r"(?: and (?:the )?(?:themes|recommendations|case studies))?(?=\W*$)"  # ', pulling together the themes and recommendations?'
    r"|\s*\b(?:across|in|throughout|from|of) (?:the )?(?:whole|entire|full) (?:report|publication|document|paper)\b"
    r"|[.,]?\s*\b(?:draw|drawing|based|relying) on the (?:whole|entire|full) (?:case study|case|section|chapter)\b\.?"
    # 'what's the big picture on skills', 'across the board'; 'big' alone is a topic ('big anchor firms')
    r"|\b(?:the )?big picture\b|\bacross the board\b"
    # what the answer is for, at the end: 'outline the Greater Manchester case for a local press piece'
    r"|\s+for (?:a|an|my|our|the) (?:[\w-]+ ){0,3}(?:piece|article|story|note|notes|briefing|brief|slide|slides|deck|paper|pack|"
    r"one-pager|meeting|memo|submission|email|newsletter|blog|post|speech|minister|sidebar|column|"
    r"councillors?|colleagues?|committee|board|boss|team|audience|readers?|MPs?|officials?|investors?)(?=\W*$)",
    re.I,
)
CASE_EXAMPLES = re.compile(  # examples asked for from the case studies: the topic across the report, not one section
    r"\b(?:(?:specific|local|concrete|individual|case[- ]study) )+examples\b"
    r"|\bexamples (?:from|in) (?:the )?(?:(?:individual|specific|different) )?(?:case studies|clusters|areas|places)\b"
    r"|\bciting (?:a couple of|some|a few|two|several) (?:clusters|case studies)\b"
    r"|\b(?:in|from|across) (?:the )?(?:individual|specific|particular) (?:clusters|case studies|areas|places)\b",
    re.I,
)
WIDE_SCOPE = re.compile(  # 'Draw on the case studies, themes and recommendations': several parts of the report to read
    r"(?:\b(?:draw|drawing|pulling together|drawing together|taking in|across|using)(?: on)?\s+|\s[-–—]\s)" + _SCOPE_ITEMS, re.I
)
# where a report-wide summary is to read, and what it is for: 'the general theme plus local examples', 'citing a couple
# of clusters', 'funding problems and how they should be fixed' are about funding and skills
WHERE_AND_WHY = set(terms("theme themes cross-cutting example examples local case study studies citing couple change fixed"))
FACETS_AFTER = re.compile(r"\s[-–—:]\s*\w[\w -]*(?:,\s*(?:and\s+)?\w[\w -]*){2,}\W*$")  # ' - a, b, c?' at the end
BRIEFING_FACETS = 4  # a case study asked about under this many headings is briefed on as a whole
FACET_LIST = re.compile(r"(?<=[-–:] )\w[\w -]*(?:, \w[\w -]*)+,? and \w[\w -]*(?=\W*$)")  # '- strengths, skills and funding'
FACET_WORDS = set(
    terms("problem problems issue issues challenge challenges difficulty difficulties barrier barriers shortage shortages "
          "criticism criticisms complaint complaints")
)
PART_OF_CLUSTER = re.compile(  # the cluster's doings in general, which every case study has: no topic
    r"\b(?:as |a |an )?part of (?:the |their |its |each )?(?:cluster|case|region|area)(?:['’]s|s['’]?)? "
    r"(?:(?:[\w-]+) (?:or|and) )?(?:activity|activities|prospects|story|plans|picture|mix|offer|focus|future|ambitions)\b"
    # 'which of the clusters have a Freeport in the picture': being involved, said as an idiom
    r"|\b(?:in the (?:picture|frame|mix)|on the (?:radar|agenda|cards)|in play)\b",
    re.I,
)
FRAME_WORDS = set(
    terms(
        """which what clusters cluster case studies study regions areas places sectors cases report's report
        publication document paper profile profiled profiles cover covered covers include included includes
        feature featured features examine examined studied look looked are there does do mention mentioned
        mentions discuss discussed discusses refer referred talk talked have has say says said make makes
        made set out list name give me all every each key main headline its their one two three four five six
        seven eight nine ten eleven twelve different various NP11 north england northern innovation regional
        compare comparison contrast differ difference differences versus vs between against similar
        similarities common summarise summarize summary overview gist tell about brief points messages findings
        sum up side stack briefly short appear appears appeared crop come emerge emerged emerging arise arose
        identified identify found highlighted highlight across overall pull together round recap rundown
        connection connections link links tie ties involvement presence text wording section sections chapter
        chapters face faces faced facing bring brings brought story stories explicitly anything like please
        meant paragraph walk through headline put next alongside use uses involved get gets got whether parts country
        abbreviated spelled spelt word words explicit think thinks happen happens matter matters kind kinds
        sort sorts contain contains beside bullet bullets takeaway takeaways describe describes described
        account differently quote quotes quoted specific specifically general several ones facts highlights
        snapshot synopsis essentials describe briefly profile outline ground argue argues conclude concludes
        distinguish distinguishes unlike relative apart nutshell glance boil précis precis lines reference
        references referenced cite cites show find explicitly behind keyword sweep strength strengths end opening
        line individually anywhere just explain explains read-out readout quick need note roll-call rollcall
        pls plz thx thanks cheers txt enumerate jot 11 terms no tally name-check name-checks name-checked true nearly actually
        write-ups writeups actually one-pager onepager briefing minister collate compile gather pattern trend everything
        lowdown thumbnail sketch draw draws drawing provided allocated distributed closing point points
        build builds built frame frames framed path connect connects connected sentences sentence numbers figures view take
        full complete entire page pages turn turns turned count counts selection detailed want wants visit visits week weeks
        something someone used named total near bold heading headings subheadings towards toward tied furnish
        synthesis synthesise synthesize concise amount specify indicate associated association element elements feed feeds
        feeding tackle tackles tackling tackled produce produces produced written shown reason reasons
        trace traces traced back run runs deal deals dealing dealt grapple grapples grappling contend contends
        contending cope copes coping according concern concerns concerning dedicated version versions basically
        individual flag flags flagged line-up lineup dissertation thesis essay executive elevator pitch separate separates
        long overlap overlaps share know knows enumerate itemise itemize pick picked whole lot came map plus
        we're i'm i'd i've inventory catalogue reel rattle single crib cheat sheet digest primer tl dr wrap plain english
        raise raises raised yes angle go role roles provide concise propose proposes conclusion conclusions grouped possible
        juxtapose benchmark weigh against numbered gist format table column columns slide notes labels skip sort thing
        don't dont lead-ins lead-in leadins broadly roughly generally upshot argument arguments doc docs speaking add adds
        bit obviously mean touch touches credit credits credited produce topic topics simple simply sits final order
        working many multiple keep keeps coming throughout given interested currently activity activities picture
        treated handled covered dealt discussed addressed approached mind far extent""",
        keep_stopwords=True,
    )
)


@dataclass(frozen=True)
class Route:
    kind: str
    regions: tuple[str, ...] = ()  # case studies named (compare, summary)
    group: str = ""  # the outline group listed (list), or CASE_STUDIES
    topic: str = ""  # what the question is about, beyond its frame and names
    section: str = ""  # the section summarised, when one is named
    excluded: tuple[str, ...] = ()  # case studies an aggregate sets aside ('besides Tees Valley')
    sections: tuple[str, ...] = ()  # members of a group compared ('the skills theme with the funding theme')

    @property
    def name(self) -> str:
        return self.kind


PRONOUN_ASK = re.compile(  # '... - which case studies mention it?': which ones mention what was said before
    r"^(?P<before>[^?]{3,160}?)\s*(?:[.:;,]|\s[-–—]|,?\s+(?P<claimed>right|correct|true|yes|no|isn['’]t it|is that right)\?)"
    r"\s+(?P<ask>(?:in |of |across )?(?:which|what)\b[^?]*\b"
    r"(?:clusters|case studies|regions|areas|places|ones|write-?ups)\b[^?]*\b(?:it|them|(?<!each )(?<!every )one|these|those|"
    r"the (?:company|firm|"
    r"programme|scheme|body|organisation|centre|project|fund))\b[^?]*)\?*\s*$",  # ('the company': AstraZeneca)
    re.I,
)
ONE_OF_THEM = re.compile(  # one case study singled out by a superlative
    r"^\W*(?:which|what) (?:one )?(?:cluster|case study|region|area|place)\b(?! studies)"
    r"[^?]*\b(?:most|least|\w+est|best|worst)\b",
    re.I,
)
MENTIONS_IT = re.compile(  # 'which clusters bring it up?', with nothing said before that 'it' could be
    r"\b(?:which|what)\b[^?]*\b(?:clusters|case studies|regions|areas|places)\b[^?]*\b(?:mention|bring|cover|discuss|refer|"
    r"talk|feature|cite|name)s?\b[^?]*\b(?:it|them)\b",
    re.I,
)
POINTING_NOUNS = frozenset(terms("company firm programme scheme body organisation centre project fund"))
BEFORE_THE_TOPIC = re.compile(  # 'I care about hydrogen', 'my focus is offshore wind', 'on the subject of Catapults'
    r"^\W*(?:as an? [\w' -]{1,40}?,?\s+)?"  # 'As an investor I watch AstraZeneca'
    r"(?:(?:I|we|my|our)\b(?:\s+[\w'’-]+){0,3}?\s+(?:about|on|in|is|are|at|into|with|follow|watch|track)"
    r"|thinking about|on the (?:subject|topic) of|re:?|regarding|as for|when it comes to|speaking of"
    # 'As a food-manufacturing entrepreneur interested in the bioeconomy: which case studies talk about it?'
    r"|(?<=\s)(?:interested|involved|working|specialising|specializing) (?:in|on)"
    # "I'm at the parliamentary library looking at place-based funding: which case studies discuss access to it?"
    r"|^[^?:]{0,80}?\b(?:looking|focused|focusing|reading up) (?:at|on|into))\s+",
    re.I,
)


def _pronoun_topic(asked: re.Match[str] | None, outline: Outline, steer: Callable[[str], tuple[str, ...]]) -> str:
    """What 'it' is in 'My focus is offshore wind - which case studies mention it?' (asked: its PRONOUN_ASK match):
    the topic said before the ask, less the case studies a claim put there names ('AstraZeneca only shows up in the
    Cheshire story, right?': AstraZeneca, wherever it shows up)."""
    if not asked:
        return ""
    before = BEFORE_THE_TOPIC.sub("", asked.group("before"))
    return topic_of(before, list(steer(before)) if asked.group("claimed") else [], [], outline)


GROUP_SAYS = re.compile(  # the group as where it is said: 'per the recommendations', 'according to the themes'
    r",?\s*\b(?:according to|as per|per) the (?:report['’]s )?(?:recommendations|(?:cross-cutting )?themes|observations)\b,?",
    re.I,
)
QUOTED_TERM = re.compile(r"(?<!\w)['‘\"“]([^'’\"”]{2,40})['’\"”](?!\w)")  # "the word 'corridor'", '"sustainable"'
NAMING_NOUNS = frozenset(terms("idea term word label phrase concept notion description name tag"))  # 'use that idea'
AROUND = re.compile(r"around\s+(?=\w)", re.I)  # an aggregate's topic begun by it: no word a sentence must hold


def route_question(question: str, steer: Callable[[str], tuple[str, ...]], outline: Outline) -> Route:
    """The route for a question. steer(question) gives the case studies (regions) it names by place or
    organisation; the outline gives the groups, sections and sectors.

    A question of several sentences that reads as a fact question whole may still ask about the whole
    publication in one of them ('we want to say the report mentions freeports in several places. Which specific
    freeports are referred to in the case studies?'): that sentence's route, when it stands on its own (no 'it'
    or 'they' pointing back at the sentences before), and when the sentences before name no case study or group
    (then 'Which schemes are named?' asks what that one names)."""
    route = _route(question, steer, outline)
    said_by = GROUP_SAYS.search(question)  # 'which institutions get funding directly, per the recommendations?': where
    if route.kind == "list" and route.group and said_by:  # it is said, and what is asked of it is a fact
        unsaid = _route(GROUP_SAYS.sub(" ", question, count=1), steer, outline)
        if unsaid.kind == "fact":
            return unsaid
    pronoun = PRONOUN_ASK.match(question.strip())
    if route.kind == "fact" and pronoun and pronoun.group("claimed"):  # '..., right? Which clusters mention it?'
        route = _route(pronoun.group("ask"), steer, outline)
    if route.kind == "list" and route.group == CASE_STUDIES and not route.regions:
        if ONE_OF_THEM.search(question):  # 'which cluster has the most severe skills gaps of all?': one, not every one
            return Route("fact")
        if pronoun or MENTIONS_IT.search(question):
            # 'which case studies mention it?' asks which mention what was said before, never for every one of them
            topic = _pronoun_topic(pronoun, outline, steer)
            return Route("aggregate", topic=topic) if topic else Route("fact")
    if route.kind == "aggregate" and not route.group and (topic := _pronoun_topic(pronoun, outline, steer)):
        # 'I care about hydrogen. Which clusters bring it up?': hydrogen, not 'care hydrogen'; 'I watch AstraZeneca. Which
        # regions mention the company?': AstraZeneca, not 'company'
        said, kept = set(terms(topic)), set(terms(route.topic))
        if said < kept or kept <= POINTING_NOUNS:
            return replace(route, topic=topic)
    quoted = QUOTED_TERM.findall(question)
    if route.kind == "aggregate" and len(quoted) == 1 and set(terms(route.topic)) <= NAMING_NOUNS:
        # "... describe themselves as a 'corridor'. Which clusters use that idea?": the word quoted, not 'idea'
        return replace(route, topic=quoted[0])
    if route.kind == "aggregate" and (framed := AROUND.match(route.topic)):
        return replace(route, topic=route.topic[framed.end() :])  # 'which frame their work around net zero': net zero
    if route.kind != "fact":
        return route
    sentences = split_sentences(question.strip())
    for i, sentence in enumerate(sentences[1:], 1):
        before = " ".join(sentences[:i])
        if steer(before) or _named_group(before, outline) or _member_named(before, outline):
            break
        if "?" in sentence and not POINTS_BACK_TO.search(sentence):
            alone = _route(sentence, steer, outline)
            if alone.kind != "fact":
                return alone
    return route


def _route(question: str, steer: Callable[[str], tuple[str, ...]], outline: Outline) -> Route:
    question = _case_study_words(TYPOS.sub(lambda m: TYPO_FIXES[m.group(0).lower()], question))
    question = THREADS.sub("cross-cutting themes", question)  # 'the big recurring threads across all the clusters'
    question = re.sub(r"\b(the|this|its) intro\b", r"\1 introduction", question, flags=re.I)  # 'tl;dr of the intro'
    question = WHOLE_REPORT.sub(r"\1 \2", question)  # 'what does the whole report say about skills'
    question = CHAPTERS_MENTIONING.sub(r"\1 case studies", question)
    question = NOT_THIS_KIND.sub(" ", question)  # 'no summary needed - how big was ...': a fact after all
    question = NEWCOMER.sub("", question)  # "I'm new to the North East space cluster - …": the cluster is kept
    question = TRAILING_SCENE.sub("", question)  # '... should change — I'm at a mayoral combined authority and need ...'
    question = _titles_as_the_report(question, outline)  # 'the contents of Innovation Clusters in the North of England'
    question = NOT_THE_CASES.sub(" ", question)  # 'the main sections (not the individual case studies)
    question = _interest_as_topic(question)  # "I'm tracking Investment Zones. List each one ...": each Investment Zone
    question = _names_capitalised(question, outline)  # 'which bring up the made smarter programme': a name, kept whole
    scene = SCENE.search(question)
    # the scene is set aside, unless it names the case study the question is about ('I'm new to the North East
    # space cluster - what are the main points NP11 makes about it?')
    rest = question[scene.end() :] if scene else ""
    named_after = set(steer(rest)) | set(outline.sector_regions(rest))  # 'I've got two minutes before the LEP board
    # ...nor the group asked about ('My director says the recommendations are five or six points. … set out the lot')
    kept_group = scene is not None and bool(_named_group(scene.group(0), outline)) and not _named_group(rest, outline)
    if scene and (named_after or not set(steer(scene.group(0))) - named_after) and not kept_group:  # meets - what's the
        question = question[scene.end() :]  # Humber story?
    page_asked = ONE_PAGE.search(question)
    page_summary = PAGE_SUMMARY.search(core_question(question))
    question = PAGE_REF.sub("", core_question(question))  # 'the six theme statements on pages 20 and 21'
    if page_asked and page_summary and (on_page := _on_page(int(page_asked.group("page")), outline)):
        return on_page
    set_aside: tuple[str, ...] = ()
    # 'Is Made Smarter mentioned anywhere besides Greater Manchester?': in any of the other case studies
    others_asked = ANYWHERE.sub(r"\1 in any case study", EXCLUDED.sub("", question))
    sceneless = without_scene(others_asked)  # 'Careers adviser in Hull here. Is work with schools mentioned ...'
    if not AGGREGATE.search(others_asked) and AGGREGATE.search(sceneless):
        others_asked = sceneless
    if AGGREGATE.search(others_asked) and EXCLUDED.search(question):
        aside = " ".join(m.group(0) for m in EXCLUDED.finditer(question) if not re.search(r"\bnot just\b", m.group(0), re.I))
        initials = set(steer(" ".join(re.findall(r"\b[A-Z]{2,5}\b", aside))))  # 'other than the GM case study'
        # a region named in full is the one set aside ('Hull & East Yorkshire', not every Yorkshire); what else the
        # aside says may name more, in part ('other than Tees Valley and Hull')
        in_full = [p.region for p in outline.case_studies if normalise(p.region) in normalise(aside)]
        rest_of_aside = normalise(aside)
        for region in in_full:
            rest_of_aside = rest_of_aside.replace(normalise(region), " ")
        set_aside = tuple(
            p.region for p in outline.case_studies
            if p.region in in_full or names_region(rest_of_aside, p.region) or p.region in initials
        )
        question = others_asked  # 'besides Tees Valley': the others are asked about
    if (CASE_PARTS_ASK.search(question) or LAYOUT_ASK.search(question)) and outline.case_studies:
        return Route("list", group=CASE_PARTS)  # "which two headings is every case study split into"
    contents = CONTENTS_ASK.search(question)
    if contents and contents.group(0).lower() == "chapters" and steer(question):
        contents = None  # 'how the Humber and Tees Valley chapters frame net zero': those case studies, not the contents
    if contents and not re.search(
        r"\bsectors?\b|\bcase[- ]stud|\bclusters\b(?! (?:doc|document|report|publication|paper))", question, re.I
    ):
        return Route("list", group=CONTENTS)  # "what are the main sections of the publication"
    if RENAMED_ASK.search(question):  # across the documents, the sentences that say what a body was called before
        return Route("aggregate", topic="formerly or renamed")
    if GLOSSARY_ASK.search(question) and question_type(question)[0] != "acronym":  # not 'what does the acronym X mean'
        return Route("list", tuple(r for r in steer(question) if names_region(question, r)), group=GLOSSARY)
    if SUMS_ASK.search(question):  # "list each sum of public money in the case studies with what it was for"
        sums_of = _steered_or_placed(question, steer, outline)  # 'the Liverpool case'
        return Route("list", tuple(r for r in sums_of if names_region(question, r)), group=SUMS)
    if TIMELINE_ASK.search(question):  # "a timeline of the milestones since 2010", "… of the Liverpool case"
        places = _steered_or_placed(question, steer, outline)
        if re.search(r"\b(?:case studies|clusters|regions|areas)\b", question, re.I):
            places = ()  # "the years the case studies quote for HETA, iiCON ...": across them all
        return Route("list", places, group=TIMELINE, topic=years_asked(question))
    twice = _named_group(question, outline) if LISTED_TWICE.search(question) and LISTS_DIFFER.search(question) else ""
    if twice:  # the group listed in two places: what one listing has that the other lacks
        return Route("compare", group=twice)
    steered = list(_steered_or_placed(question, steer, outline))  # "the Liverpool cluster"
    by_sector = named_by_sector(question, steered, outline)
    regions = steered + by_sector
    members = _two_members(question, outline) if not regions and COMPARE.search(question) else ()
    if members:  # 'compare the skills theme with the funding and finance theme': what each says
        return Route("compare", sections=members)
    sectors = outline.sector_regions(question)  # 'the Sheffield-area metals cluster': a place and its sector name it
    explicit = [r for r in steered if names_region(question, r) or r in sectors] + by_sector  # not just an organisation
    # a scene kept for the case study it names, which it steers to, is no topic ('I'm prepping for a visit to Teesside.')
    unscened = question.replace(scene.group(0), " ", 1) if scene and scene.group(0) in question else question
    scoped = SCOPE.sub("", unscened)  # how widely to read is no topic
    topic = topic_of(scoped, steered, by_sector, outline)
    named_sides = [r for r in steered if names_region(question, r)]
    # 'the Humber and the Tees both ... how do the two cases frame them': two places, each asked the same
    two_sides = len(named_sides) >= 2 or (len(steered) == len(regions) == 2 and BOTH_SIDES.search(question))
    if len(regions) < 2 and COMPARE.search(question):  # 'Middlesbrough vs Hull': a side named by one of its towns
        towns = [r for r in _named_by_town(question, outline) if r not in regions]
        if len(regions) + len(towns) >= 2:
            regions += towns
            named_sides += towns
    mentions_asked = MENTION_ASK.search(question)  # 'which mention Manchester - the city or GM': no sides to compare
    if len(regions) >= 2 and not mentions_asked and (COMPARE.search(question) or (HOW_DO.search(question) and two_sides)):
        # "Tees Valley and Cumbria ... hydrogen and net zero": the sector a topic names is no third side
        sides = named_sides if len(named_sides) >= 2 else regions
        # '... arguing in the pub about Cumbria or the Humber. What does the report say about each - their roots, their
        # main assets, and the problems they face?': facets listed after the scene, which a comparison gives anyway
        facets_at_end = FACETS_AFTER.search(question)
        listed = facets_at_end and not steer(facets_at_end.group(0)) and SENTENCE_END.search(question[: facets_at_end.start()])
        # no side's town, nor its initials ('GM vs West Yorkshire'), nor another name of it ('the Humber net zero cluster')
        topic = "" if listed else _without(
            _compare_topic(question, sides, outline),
            lambda word: normalise(word) in TOWNS or (word[:1].isupper() and bool(set(steer(word)) & set(sides))),
        )
        return Route("compare", tuple(sides), topic=topic)
    recommendations = next((g for g in outline.groups if re.search(r"\brecommend", g, re.I)), "")
    if recommendations and not regions and ASKS_OF_GOVERNMENT.search(question):
        return Route("list", group=recommendations)  # what it asks government to do is what it recommends
    # (not 'how many pounds a year does NP11 recommend ...': a figure asked of a recommendation, which the fact route gives)
    wanted = RECOMMENDS_ON.search(question) if question_type(question)[0] not in FIGURE_KINDS else None
    if recommendations and not explicit and wanted:  # 'for future cluster policy' is all of them
        on = topic_of(wanted.group("topic") or wanted.group("said"), [], [], outline)
        return Route("list", group=recommendations, topic=on if set(terms(on)) - MEMBER_GENERIC else "")
    two = TWO_TOPICS.search(question) if not regions else None
    if two:  # two topics set side by side: what the documents say about each
        a, b = (topic_of(two.group(side), [], [], outline) for side in ("a", "b"))
        if a and b:
            return Route("summary", topic=f"{_without_facet(a)} or {_without_facet(b)}")
    if ELEVEN_ASKED.search(question) and not regions and outline.case_studies:
        return Route("list", group=CASE_STUDIES)  # "which eleven places did NP11 profile? Run me through all of them."
    if EACH_IN_BRIEF.search(question) and not regions and outline.case_studies:
        return Route("list", group=CASE_STUDIES)  # "a one-line summary of each case study": each one's opening line
    themes = next((g for g in outline.groups if re.search(r"\bthemes?\b", g, re.I)), "")
    if themes and not regions and IN_COMMON.search(question):
        return Route("list", group=themes)  # "what do the case studies have in common": the themes that cut across them
    pointed_at = _named_group(question, outline) if POINTS_BACK.search(question) and not regions else ""
    if pointed_at and pointed_at != CASE_STUDIES:  # '… a short set of headline recommendations …. What are they?'
        return Route("list", group=pointed_at)
    enumerated = ENUMERATE.search(question) and _named_group(question, outline)  # 'enumerate the themes ... as set
    if ABOUT_THE_PUBLICATION.search(question) and outline.sections and not regions and not enumerated:  # out at the start'
        return Route("summary", section=outline.sections[0].section)
    rundown = re.search(r"\brun-?down of (?:all )?(?:the )?(?:case studies|clusters)\b", question, re.I)
    every_one = rundown or CASES_WITH_SECTORS.search(question)
    if every_one and len(explicit) != 1 and not _their_words(topic, outline, CASE_LIST_WORDS):  # 'paired with' is none
        # 'a rundown of all the case studies covered - region plus focus', 'every cluster and its technology focus'
        return Route("list", group=CASE_STUDIES)
    typed = question_type(question)[0] in FIGURE_KINDS
    # not 'in the overview, what share', nor 'which catchy phrases have been used to sum up Cheshire': words quoted
    # 'what impact has the cluster approach had in West Yorkshire?': the case study's part titled so, in brief
    if len(explicit) == 1 and APPROACH_IMPACT.search(question) and (part := _sub_section(question, explicit[0], outline)):
        return Route("summary", section=part)
    if len(regions) == 1 and explicit and CASE_CHANGED.search(question) and not typed:
        return Route("summary", (explicit[0],))  # how the case study's cluster changed is its story, in brief
    # '... about nuclear - which clusters involve it?': which of them, not what it says
    which_after = WHICH_AFTER.search(question) and AGGREGATE.search(question) and not regions
    worded = EVERY_ONE_MENTIONED.search(question) or WORDING_ASKED.search(question)
    if SUMMARY.search(question) and not typed and not worded and not which_after:

        # "everything the report says about Made Smarter": the whole report, though the name steers to one case study
        # ...and so is a sector's name said without its cluster ('where does net zero come up across the report?')
        by_name = not explicit or (not steered and not CASE_SAID.search(question) and not (scene and steer(scene.group(0))))
        report_wide = len(regions) == 1 and by_name and bool(REPORT_WIDE.search(question))
        if report_wide and explicit:  # the sector's name is the topic
            topic = topic_of(scoped, steered, [], outline)
        if len(regions) > 1 and len(explicit) == 1:  # 'the Sheffield city region metals case study': the one it names
            regions = list(explicit)
        elif len(regions) > 1 and len(placed := [r for r in explicit if r not in by_sector]) == 1:
            regions = placed  # 'the Tees Valley story from its industrial past to net zero': Hull's sector is a topic
        if len(regions) == 1 and not report_wide:  # "summarise the space cluster": its sector's name is no topic within it
            part = _sub_section(question, regions[0], outline)
            if part:  # "the gist of the 'Impact of cluster approach' part of the Hull case"
                return Route("summary", section=part)
            # 'a short note on X - strengths, skills and funding': each of the facets listed at the end
            listed = FACET_LIST.search(scoped)
            if listed and len(re.split(r",?\s+and\s+|,\s*", listed.group(0))) >= BRIEFING_FACETS:
                # 'boil down the Hull case: what it is, how innovation happens, the challenges, and what it needs':
                # so many headings ask for a briefing on the whole case study
                return Route("summary", tuple(regions))
            facets = FACET_LIST.sub(lambda m: re.sub(r",?\s+and\s+|,\s*", " or ", m.group(0)), scoped)
            return Route("summary", tuple(regions), topic=topic_of(facets, [], regions, outline))
        head = re.split(r"\s*:\s+", question, maxsplit=1)[0]  # 'Précis the introduction: why clusters matter, …'
        defining = next((p.section for p in outline.sections if not p.region and p.title.lower().startswith("what is")), "")
        # 'what does the report say about skills ... with examples from individual case studies': the case studies
        # (and a theme) are where to read, not the section to summarise
        wide = CASE_EXAMPLES.search(question) or WIDE_SCOPE.search(question)
        section = "" if wide else (DEFINITION_ASK.search(question) and defining) or (
            _named_section(topic, outline) or _section_by_title(scoped, outline) or _member_named(scoped, outline)
            or _section_called(scoped, outline)
            or (head != question and _named_section(topic_of(head, [], [], outline), outline))
        )
        if not section and not regions and page_asked and not set(terms(topic)) - PAGE_WORDS:
            # 'the bit on page 3 - what's it saying?': what is on that page, a section or a case study
            on_page = _on_page(int(page_asked.group("page")), outline)
            if on_page:
                return on_page
        if section in outline.groups:  # "summarise the recommendations": the complete list is the summary
            return Route("list", group=section)
        if recommendations and HEADLINE_RECS.search(question):  # 'pull together the headline recommendations up front
            return Route("list", group=recommendations)  # in the observations section': that list, as it stands there
        group = _named_group(question, outline)
        related = GROUP_ON.search(question)
        if not section and group and related and not regions:
            # 'summarise the funding-related recommendations', '... the recommendations on funding': those on it
            on = topic_of(related.group("before") or related.group("after"), [], [], outline)
            if set(terms(on)) - MEMBER_GENERIC:
                return Route("list", group=group, topic=on)
        if not section and group and re.search(rf"\b{re.escape(group.split()[-1])}\b", question, re.I) and not (
            set(terms(topic)) - set(terms(group)) - MEMBER_GENERIC - {"recommend"}
        ):  # "summarise NP11's recommendations for future cluster policy": all of them
            return Route("list", group=group)
        if section:
            return Route("summary", section=section)
        if DEFINED_AS.search(question) and not regions:  # 'how does NP11 define an innovation ecosystem?': the sentence
            return Route("fact")  # that defines it, when no section is titled by it
        if not regions or report_wide:  # with no topic either ("summarise the case study") only a cluster filter says which
            # 'the overall message on how clusters are funded - fragmentation, competition for grants, consistency': the
            # sides of funding the asker has in mind; what the report says on funding speaks to them
            listed_after = FACETS_AFTER.search(scoped)
            head = topic_of(scoped[: listed_after.start()], steered, by_sector, outline) if listed_after else ""
            # 'A constituent ... says he can't find skilled staff. Pull together what the report says about skills
            # shortages': the one sentence asking for the summary says on what, the story before it is no topic
            cued = [s for s in split_sentences(scoped.strip()) if SUMMARY.search(s)]
            if not head and len(cued) == 1 and not scoped.strip().startswith(cued[0]):
                head = topic_of(cued[0], steered, by_sector, outline)
            topic = head or topic
            return Route("summary", topic=_without_facet(_without(topic, lambda word: set(terms(word)) <= WHERE_AND_WHY)))
    regions_named = {r for r in {p.region for p in outline.case_studies} if names_region(question, r)}
    named = [p.region for p in outline.case_studies if p.region in regions_named]  # each region tested once
    if AGGREGATE.search(question) and not named:
        explicit = []  # "which clusters talk about net zero": a sector's name is the topic here
        # after a preamble ('Leaving the chapter titles aside, which case studies ...?'), the question itself
        asked = AFTER_PREAMBLE.search(question)
        # '... and what each is about or worth': asked of each match, no topic of its own
        # ...nor a scene kept for what it steers to ('LEP board question: which areas have an Investment Zone ...')
        topic = topic_of(EACH_ASKED.sub("", asked.group(1) if asked else unscened), steered, [], outline)
        stated_before = AFTER_STATEMENT.search(question) if not asked else None
        topic = (stated_before and topic_of(EACH_ASKED.sub("", stated_before.group(1)), steered, [], outline)) or topic
        stated = STATED_SUBJECT.search(question)  # "Hydrogen keeps coming up. In which case studies does it feature?"
        subject = topic_of(stated.group("subject"), steered, [], outline) if stated else ""
        topic = subject or topic
        every = EVERY_ONE_MENTIONED.search(question)  # 'a schedule of every freeport to which reference is made in ...'
        topic = (every and topic_of(every.group("thing"), steered, [], outline)) or topic
    elif AGGREGATE.search(question) and (other := OTHER_CASES.search(question)) and named:
        # 'Chemicals obviously = Tees, but which other case studies touch on chemicals?': the named one set aside
        after = question[other.end() :]
        stated = STATED_SUBJECT.search(question)  # 'Made Smarter comes up in the GM case. Is it mentioned anywhere else?'
        subject = topic_of(stated.group("subject"), named, [], outline) if stated else ""
        # '... I know about Cumbria and the nuclear side - does nuclear come up anywhere else?': the ask, not the scene
        asked_last = OTHER_CASES.sub(" ", re.split(r"\s[-–—]\s|[.:;]\s", question)[-1])
        topic = subject or topic_of(after, named, [], outline) or topic_of(asked_last, named, [], outline)
        topic = topic or topic_of(question, named, [], outline)
        return Route("aggregate", topic=topic, excluded=tuple(named))
    elif named and (asked := PLACE_ASKED.search(question)):
        # 'Warrington - which case studies mention it?', 'where else in the report does Manchester crop up?': the
        # place is what they mention; its own case study is set aside when the question says 'else' or 'other'
        place = next(g for g in asked.groups() if g)
        place_topic = topic_of(f"about {place}", [], [], outline)
        others = re.search(r"\b(?:else|other|apart from|besides|beyond|other than)\b", question, re.I)
        own = tuple(named) if others else set_aside
        if place_topic:
            return Route("aggregate", topic=place_topic, excluded=own)
    elif AGGREGATE.search(question) and PLACE_AS_TOPIC.search(question):
        # "which case studies refer to Manchester or Greater Manchester": the place is what they mention
        place_topic = topic_of(next(g for g in PLACE_AS_TOPIC.search(question).groups() if g), [], [], outline)  # type: ignore[union-attr]
        if place_topic:
            return Route("aggregate", topic=place_topic, excluded=set_aside)
    every_case = re.search(r"\b(?:each|every|(?<!\bat )all)\b|\b(?:eleven|the) (?:case studies|clusters)\b", question, re.I)
    if not regions and (SECTOR_OF.search(question) or SECTOR_LABELS.search(question)) and every_case:
        return Route("list", group=CASE_STUDIES)  # "what sector is each of the case studies about"
    if not regions and ALL_CASES.search(question) and not TOPIC_LINK.search(question):
        return Route("list", group=CASE_STUDIES)  # "every case study as the contents titles it - can you list all eleven?"
    if not regions and LIST_CASES.search(question) and not set(terms(topic)) - SECTOR_WORDS - CASE_WORDS:
        return Route("list", group=CASE_STUDIES)  # "list all eleven case studies with the region and sector of each"
    if not regions and EVERY_CASE.search(question) and not SINGLED_OUT.search(question) and not _their_words(
        topic, outline, CASE_LIST_WORDS
    ):  # 'every case study along with the sector it covers', 'the case studies in the order they appear'
        return Route("list", group=CASE_STUDIES)
    if len(explicit) == 1 and PAGE_ASK.search(question):  # "which page do I turn to for the Cumbria case study"
        return Route("list", regions=tuple(explicit), group=CASE_STUDIES)
    if len(explicit) == 1 and SECTOR_OF.search(question) and not set(terms(topic)) - SECTOR_WORDS:
        return Route("list", regions=tuple(explicit), group=CASE_STUDIES)  # "what sector is the X case study about"
    in_case = NAMES_IN_CASE.search(question)
    if len(explicit) == 1 and in_case:  # "list the organisations named in the York case study"
        return Route("aggregate", regions=tuple(explicit), group=NAMES, topic=in_case.group("kinds"))
    # 'who are the main players in the York bioeconomy' (not 'the key organisations in the RAIC partnership': its own)
    if len(explicit) == 1 and MAIN_PLAYERS.search(question) and not ONE_BODY.search(question):
        return Route("aggregate", regions=tuple(explicit), group=NAMES, topic="organisations")
    kind_in_cases = NAMED_KIND.search(question)
    noun = kind_in_cases.group("noun") if kind_in_cases else None
    # "which companies are named across the North East and Lancashire cases", "which organisations are named in the
    # Hull case" (a kind of body, not 'which sites are named'): the names in those case studies
    if noun and (len(explicit) >= 2 or len(explicit) == 1 and re.search(_KIND, noun, re.I)):
        return Route("aggregate", regions=tuple(explicit), group=NAMES, topic=noun)
    if explicit:
        return Route("fact")
    figures = FIGURES_ABOUT.search(question)
    if figures and outline.case_studies:  # the topic after 'about', each case study's sentence giving a figure for it
        return Route("aggregate", topic=topic_of(figures.group("about"), steered, [], outline), excluded=set_aside)
    named_kind = NAMED_KIND.search(question)
    kind_noun = named_kind and (
        named_kind.group("noun") or named_kind.group("kinds") or _plural(named_kind.group("one"))
    )
    if kind_noun and not _named_group(question, outline) and not CASE_NOUNS.fullmatch(kind_noun) and not re.search(
        r"\bcase stud|\bclusters?\b|\bregions?\b|\bareas?\b", kind_noun
    ) and not UNNAMED_KINDS.fullmatch(kind_noun.split()[-1]):
        if EACH_ASKED.search(question) and outline.case_studies:  # '... and what it focuses on or is worth': the
            return Route("aggregate", topic=kind_noun, excluded=set_aside)  # sentences on each, not just their names
        return Route("aggregate", group=NAMES, topic=kind_noun)  # "which universities are named"
    group = _named_group(question, outline)
    rest = _rest(topic, group)
    if not group and (titled := _section_asked_for(question, outline)):  # 'what are the main observations?'
        return Route("summary", section=titled)
    one = ONE_THING.search(question)
    if group and one and not set(terms(one.group("noun"))) & (set(terms(group)) | {"recommend"}):
        return Route("fact")  # "which cluster is held up as the example in the recommendation about X": one thing
    within = NAMED_WITHIN.search(question)
    named_within = within.group("noun") if within else ""
    if group and named_within and not CASE_NOUNS.fullmatch(named_within) and not MEMBER_WORDS.fullmatch(named_within) and not (
        set(terms(named_within)) & (set(terms(group)) | {"recommend"})
    ):  # "which existing schemes should a new cluster policy bring order to, per the recommendations": things one names
        return Route("fact")
    kind, detail = question_type(question)
    if group and typed and kind in ("count", "amount") and not set(terms(detail)) & (set(terms(group)) | MEMBER_TERMS):
        return Route("fact")  # 'how many pounds a year does NP11 recommend ...': a figure, not its recommendations
    if group and ENUMERATE.search(question):
        if not _their_words(rest, outline):  # 'Permanent secretary's office needs every one of ...'
            return Route("list", group=group)
        member = _member_named(question, outline)
        if member and typed:  # 'how many pounds a year does the report recommend for the flexible funding pots': a figure
            return Route("fact")
        if member and not TOPIC_LINK.search(question):  # 'set out the problems with competitive grants it identifies in
            return Route("summary", section=member)  # its recommendations': what that one recommendation says
        return Route("list", group=group, topic=rest) if TOPIC_LINK.search(question) else Route("list", group=group)
    # 'rattle off the observations': the themes as the observations page lists them (not 'the benefits the observations
    # attribute to research capacity translated locally': what one of them says)
    if not group and themes and OBSERVATIONS.search(question) and not regions and not _theme_said(question, themes, outline):
        group, rest = themes, ""
    # a word the documents never use ('map out', 'checklist-style') is no topic to filter the group by
    if group and not _their_words(rest, outline) and not one and not SINGLED_OUT.search(question):
        return Route("list", group=group)  # 'all the cross cutting themes pls, short': the group, and nothing else, asked
    if AGGREGATE.search(question) and outline.case_studies:
        rest = _rest(topic, CASE_STUDIES)
        if not rest:
            return Route("list", group=CASE_STUDIES) if not re.match(r"^\W*how many", question, re.I) else Route("fact")
        if COUNT_ASK.search(question):  # "which put a number on how many firms": the firms, with a figure
            return Route("aggregate", topic=re.sub(r"^(?:(?:numbers?|figures?|many)\s+)+", "", rest), excluded=set_aside)
        # 'how many of them mention X'
        return Route("aggregate", topic=_strip_how_much(re.sub(r"^many\s+", "", rest)), excluded=set_aside)
    return Route("fact")


EVERY_ONE_MENTIONED = re.compile(_EVERY_ONE + r"\b", re.I)

CHAPTERS_MENTIONING = re.compile(  # 'which chapters mention the bioeconomy': the case studies (and the rest, as an aggregate has)
    r"\b(which|any|what)(?: of the)?(?: regional| individual| case[- ]study| place)? chapters\b"
    r"(?=\s+(?:mention|refer|talk|discuss|cite|bring|say|cover|flag|feature|include)|\W*$)", re.I
)
TYPO_FIXES = {"whcih": "which", "wich": "which", "reccomendations": "recommendations", "recomendations": "recommendations",
              "reccommendations": "recommendations", "studys": "studies", "whats": "what's", "r": "are",
              "recs": "recommendations", "sumarise": "summarise", "sumarize": "summarize", "summerise": "summarise",
              "summerize": "summarize"}
TYPOS = re.compile(
    r"\b(?:whcih|wich|reccomendations|recomendations|reccommendations|studys|whats|recs|sumarise|sumarize|summerise|summerize)\b"
    r"|(?<![\w&])(?-i:r)(?![\w&])",
    re.I,
)
NOT_THIS_KIND = re.compile(  # 'no overview needed', 'sort of a summary question but really': the asker says what it is not
    r"\b(?:no|not an?|don'?t need an?|without an?)\s+(?:summary|overview|comparison|list)(?:\s+(?:needed|required|please))?\b"
    r"|\bsort of an? (?:summary|overview|comparison|list) question\b"
    r"|\bnot just the (?:highlights|headlines|main points|summary)\b",  # 'every point, not just the highlights'
    re.I,
)
# what askers call a case study: 'which profiles mention X', 'the Cumbria entry', 'does any write-up mention'
_CASE_NOUNS = (  # 'profile': a verb too
    r"(?:profiles|vignettes?|write-?ups?|entry|entries|case[- ]study (?:chapters?|sections?|texts?)|case chapters?)"
)
CASE_STUDY_WORD = re.compile(
    rf"\b(?P<det>which|what|the|any|all(?: the)?|each|every|those|these|other|of the|one|both)\b(?P<mid>(?:\s+[\w&'’-]+){{0,4}}?)"
    rf"\s+(?P<noun>{_CASE_NOUNS}|examples(?! of\b))\b",  # not 'which examples of R&I institutions ... are given'
    re.I,
)


def _case_study_words(question: str) -> str:
    """The question with what askers call a case study ('profile', 'vignette', 'write-up', 'entry'; 'the
    examples') said as 'case study', the word the routes read: 'Which profiles bring up a Freeport?'."""
    def said(m: re.Match[str]) -> str:
        noun = m.group("noun").lower()
        mid = re.sub(r"\s+case[- ]stud(?:y|ies)$", "", m.group("mid"), flags=re.I)  # 'case-study entries'
        if noun == "examples" and mid.strip().lower() not in ("", "of the"):  # not 'the Liverpool examples of X'
            return m.group(0)
        return f"{m.group('det')}{mid} {'case studies' if noun.endswith('s') else 'case study'}"

    return CASE_STUDY_WORD.sub(said, question)


def _without_facet(topic: str) -> str:
    """'funding problems' -> 'funding': what the report says about funding is mostly its problems, and
    'problems' alone would pick sentences that say 'problems' about anything."""
    kept = " ".join(w for w in topic.split() if w == "or" or not set(terms(w)) <= FACET_WORDS)
    return kept or topic


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if re.search(r"[^aeiou]y$", noun) else noun if noun.endswith("s") else noun + "s"


def _steered_or_placed(question: str, steer: Callable[[str], tuple[str, ...]], outline: Outline) -> tuple[str, ...]:
    """The case studies the question steers to, then those it names by a place only ('the Liverpool case')."""
    return tuple(dict.fromkeys([*steer(question), *_named_by_place(question, outline)]))


def _on_page(page: int, outline: Outline) -> Route | None:
    """What a summary of one page summarises: the one section on it, the case study it is part of, or the group
    (themes, recommendations) whose members it holds."""
    on = [p for p in outline.sections if page in {n for c in p.chunks for n in c.pages}]
    regions = {p.region for p in on}
    if len(regions) == 1 and "" not in regions:
        return Route("summary", (on[0].region,))
    if len(on) == 1:
        return Route("summary", section=on[0].section)
    parents = {p.section.rsplit(SECTION_SEP, 1)[0] for p in on}
    group = parents.pop().rsplit(SECTION_SEP, 1)[-1] if len(parents) == 1 else ""
    return Route("list", group=group) if group in outline.groups else None  # 'page 22': the recommendations


SKILL_OF = re.compile(r"\b[\w-]+ (?:skills?|competences?|competenc(?:y|ies)|literacy|exclusion|inclusion)\b", re.I)


def named_by_sector(question: str, steered: list[str], outline: Outline) -> list[str]:
    """Case studies, beyond those already named, whose sector the question names ('the space cluster'); a
    sector name that only repeats a named one's is not another ("West Yorkshire's AI" is not also GM's), nor one
    said as a named one's own ('the Tees Valley case study ... its net zero ambitions' is not also Hull's)."""
    if steered:
        question = re.sub(r"\b(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}[\w-]+", " ", question, flags=re.I)
        # 'the digital skills gap in West Yorkshire': a kind of skill, not Greater Manchester's digital sector
        question = SKILL_OF.sub(" ", question)
    sectors = outline.sector_regions(question)
    shared = {name for r in steered for name in sectors.get(r, set())}
    return [r for r, names in sectors.items() if r not in steered and not names <= shared]


def _compare_topic(question: str, regions: list[str], outline: Outline) -> str:
    """What two case studies are compared on: the words after 'on' / 'in' / 'about' ('differ on net zero'),
    else what is left once the case studies' places and sectors are taken out."""
    either = EITHER_OR.search(question)
    # 'which got the bigger Investment Zone sum, A or B': what the figure is of ('which came first' asks of the names)
    if either and not re.search(r"\b(?:first|earlier|older|newer)\b", either.group("clause"), re.I):
        topic = _without(topic_of(either.group("clause"), regions, [], outline), lambda word: word.lower() in COMPARATIVES)
        if topic:
            return topic
    tail = COMPARED_ON.search(question)
    # 'in both the Greater Manchester and South Yorkshire cases. What role does it play?': where, not what
    if tail and not any(names_region(tail.group(1)[:60], r) for r in regions):
        topic = topic_of(tail.group(1), regions, [], outline)
        if topic:
            return topic
    # the sectors' names are no topic when both sides share them ('the two AI clusters'); one side's sector is the
    # other side's topic ('how do Hull & East Yorkshire and Tees Valley each frame their path to net zero')
    sectors = [_sector_terms(region, outline) for region in regions]
    shared = set.intersection(*sectors) if sectors else set()
    asked = set(terms(question))
    if sectors and all((sector - shared) & asked for sector in sectors):  # "GM's AI/digital beside WY's AI/healthtech"
        shared = set.union(*sectors)  # each side named by its own sector: none is the topic
    return _without(topic_of(question, regions, [], outline), lambda word: set(terms(word)) <= shared)


def names_region(question: str, region: str) -> bool:
    """Does the question name the region itself (or a part of its name: 'Hull'), not just one of its bodies?"""
    text = normalise(question)
    parts = [normalise(region), *(normalise(p) for p in re.split(r"\s*(?:&|\band\b)\s*", region) if len(p) > 3)]
    parts += [w for w in normalise(region).split() if len(w) > 3 and w not in GENERIC_PLACE_WORDS]  # "Liverpool"
    return any(re.search(rf"(?<![a-z0-9]){re.escape(p)}(?![a-z0-9])", text) for p in parts)


COUNT_ASK = re.compile(  # a figure asked of each case study: 'put a number on how many firms', 'a figure for jobs'
    r"\b(?:put|give|quote|cite|state)s? (?:a |any )?(?:number|figure|count|headcount)s?\b"
    r"|\b(?:a |any )?(?:number|figure|count)s? (?:for|on) (?:how many|the number of)\b",
    re.I,
)


def years_asked(question: str) -> str:
    """The span of years a timeline asks for, as 'FROM-TO' ('from 2010 onwards' -> '2010-', 'pre-2000' -> '-1999')."""
    since = re.search(r"\b(?:from|since|after|post-?)\s*((?:19|20)\d\d)", question, re.I)
    until = re.search(r"\b(?:before|pre-?|until|up to)\s*((?:19|20)\d\d)", question, re.I)
    low = since.group(1) if since else ""
    high = str(int(until.group(1)) - (0 if re.search(r"until|up to", until.group(0), re.I) else 1)) if until else ""
    return f"{low}-{high}" if low or high else ""


def _strip_how_much(topic: str) -> str:
    """'Investment Zones with how much funding' -> 'Investment Zones' (the money is asked of each match)."""
    return re.sub(r"\s*\b(?:and\s+)?(?:with\s+|for\s+|of\s+)?(?:how\s+much|much|how\s+many)\b.*$", "", topic, flags=re.I) or topic


WHICH_AFTER = re.compile(  # a summary asked, then which of the case studies: "what does the report say about X - which ..."
    r"\s[-–—:;]\s+(?:so |then )?(?:which|what) (?:of the )?(?:\w+ )?(?:clusters|case studies|regions|areas)\b[^?]*\?\s*$",
    re.I,
)
AS_A_ROLE = re.compile(  # 'by which clusters is net zero described as a driver or goal': the role is how it comes up
    r"\b(?:described|presented|framed|seen|treated|cast|positioned|portrayed|characteri[sz]ed|discussed|raised|flagged|"
    r"identified|highlighted)(?P<role> as "
    r"(?:an? |the )?(?:[\w-]+ ){0,2}?[\w-]+(?: (?:or|and) (?:an? |the )?(?:[\w-]+ ){0,2}?[\w-]+)?)(?=\W*$)",
    re.I,
)


CASE_SAID = re.compile(r"\b(?:clusters?|case(?: study)?|case studies|write-?ups?|chapters?|sectors?|industry|industries)\b", re.I)
RETURNS_TO = re.compile(r"\b(?:keeps?|kept) (?:on )?(?:coming back|returning|going back|harping on|circling back) to\b", re.I)
CYBER_SECURITY = re.compile(r"\bcyber[- ]?security\b(?! research centre)", re.I)
AS_A_PROBLEM = re.compile(r"\s+as an? (?:problem|issue|challenge|concern|barrier)\b", re.I)
REGION_PLACES = {  # a place a case study is told of, as no topic of that case study: 'how the Humber is tackling its
    "humber": "hull",  # skills problems' asks of Hull & East Yorkshire's skills (not a name that steers to it, as
}  # Merseyside: 'which case studies mention the Humber' asks where the Humber is named)


def topic_of(question: str, steered: list[str], by_sector: list[str], outline: Outline) -> str:
    """The question's words less its frame ('which clusters mention'), its stopwords and the names it
    picks case studies by, in order: 'skills shortages', 'net zero'."""
    role = AS_A_ROLE.search(question)
    if role and (without_role := topic_of(question[: role.start()], steered, by_sector, outline)):
        return without_role  # (not 'which clusters are described as emerging': that is the topic)
    quoted = QUOTED_TERM.findall(question)
    if quoted and WORDS_ASKED.search(question):  # "which use the words 'sustainable' or 'sustainability'": just those
        return " or ".join(quoted)
    called = CALLED_AS.search(question)
    if called:  # "which areas' write-ups refer to them as SMEs": the name they are called by
        return called.group(1)
    if len(quoted) == 1 and len(quoted[0].split()) <= 3 and AGGREGATE.search(question):
        return quoted[0]  # "which name an organisation with 'Council' in its title", "built on a 'legacy'"
    named: set[str] = set()
    for region in steered + by_sector:
        named |= set(terms(region))
        # and its other names: 'Teesside' for Tees Valley, 'Merseyside' for the Liverpool City Region
        named |= {t for alias in aliases_of(region) for t in terms(alias)}
    for region in by_sector:
        named |= _sector_terms(region, outline)
    placed = {
        t for region in steered + by_sector for place, known in REGION_PLACES.items()
        if known in normalise(region) for t in terms(place)
    }
    words, places = [], []
    question = CONTRASTED.sub("", question)  # "emerging (as opposed to established) clusters": not a topic
    question = AS_A_PROBLEM.sub("", question)  # 'raise skills gaps as a problem': skills gaps, a problem as they are
    question = RETURNS_TO.sub(" about ", question)  # 'the report keeps returning to administrative boundaries'
    question = CYBER_SECURITY.sub("cyber", question)  # 'a cyber security angle': cyber, which is security ('Cyber Corridor')
    question = PART_OF_CLUSTER.sub(" ", question)  # "is hydrogen part of the cluster's activity or prospects": hydrogen
    question = HOW_NAMED.sub("", question)  # 'refer to a LEP by name or abbreviation': how, not what, it is named
    question = SPELLED_OUT.sub(_or_spelled_out, question)  # 'AI (artificial intelligence)': either, as alternatives
    question = INCLUDING.sub(
        lambda m: " or " + re.sub(r"\s*(?:,|\band\b|\bor\b)\s*", " or ", ETC.sub("", m.group(1) or m.group(2) or m.group(3))),
        question,
    )
    question = SUCH_AS.sub(lambda m: " or " + re.sub(r"\s*(?:,|\bor\b)\s*", " or ", m.group(1)), question)
    body = question.split(" ", 1)[1] if " " in question else ""
    in_names = {w for run in MULTIWORD_NAME.findall(body) for w in run.split()}  # "Made Smarter" keeps "Made"
    # 'training facilities, training centres, retraining or training efforts': each a way of saying it
    question = LISTED_ALTERNATIVES.sub(lambda m: m.group(0).replace(", ", " or "), question)
    tokens = re.findall(r"[\w£$€%&'’-]+", question)
    # 'Made Smarter appears in ...': a name, not a verb asking ('Compare Greater Manchester', "Summarise NP11's")
    starts_name = len(tokens) > 1 and tokens[1][:1].isupper() and not tokens[1].endswith(("'s", "’s")) and not (
        set(terms(tokens[0])) & ASKING_VERBS
    )
    for i, word in enumerate(tokens):
        word = re.sub(r"['’]s$|-(?:related|linked)$", "", word)  # 'funding-related points': funding
        if i == 0 and len(tokens) > 4 and word[1:].islower() and word not in in_names and not starts_name:
            word = word.lower()  # 'Training: which case studies ...': capitalised as the first word, not as a name
        # "skills shortages or skills gaps": alternatives, kept apart; not the 'and' between two places set aside
        joins = _joins_names(tokens, i) and not any(named >= set(terms(tokens[j])) > set() for j in (i - 1, i + 1))
        if word.lower() == "or" or joins:
            words.append("or")
            continue
        word_terms = terms(word, keep_stopwords=True)
        if not word_terms or all(t in named for t in word_terms):
            continue
        if all(t in placed for t in word_terms) and word not in in_names:  # (not 'the Humber Industrial Cluster')
            places.append(word)
            continue
        framed = all(t in FRAME_WORDS or t in STOPWORDS for t in word_terms) and word.lower() not in KEPT_FORMS
        if word not in in_names and framed and not (i == 0 and starts_name):
            continue
        if word.lower() in STOPWORDS:
            continue
        words.append(word.strip("'’"))
    # a word said twice is one topic ('AI mentioned where? … any case study that mentions AI at all'), 'or' aside
    if "or" not in words:  # ('skills shortages or skills gaps' keeps each alternative whole)
        words = [w for i, w in enumerate(words) if w.lower() not in {x.lower() for x in words[:i]}]
    topic = re.sub(r"^(?:or\b\s*)+|(?:\s*\bor)+$", "", re.sub(r"\bor(?:\s+or)+\b", "or", " ".join(words)))
    return topic or " ".join(places)  # ('which case studies mention the Humber': the place is the topic)


def _joins_names(tokens: list[str], i: int) -> bool:
    """Is tokens[i] an 'and' between two names ('Freeports and Investment Zones'), each a topic of its own? Not
    within one name ('Department of Health and Social Care')."""
    if tokens[i].lower() not in ("and", "&") or i == 0 or i + 1 == len(tokens):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    if after.lower() in ("which", "what") and before[:1].isupper():  # "which have a Freeport, and which an Investment Zone"
        return True
    within = any(t.lower() in ("of", "for") for t in tokens[max(0, i - 3) : i])
    return before[:1].isupper() and after[:1].isupper() and not within


THEMES_AS_KINDS = re.compile(
    r"\bcross-them\w*|\b(?:across|spanning|covering) (?:many|several|multiple|different|various) themes\b", re.I
)


def _named_group(question: str, outline: Outline) -> str:
    """The outline group whose title the question names ('recommendations', 'cross-cutting themes'), or
    CASE_STUDIES for 'clusters' / 'case studies' / 'regions'. 'Cross-theme support', 'support across many themes'
    name no group: that is support of several kinds (the recommendations' 'cross-thematic approach')."""
    # 'the recommended daily intake': a word qualifying another thing, no group of the documents'
    question = re.sub(r"\bthe recommended (?!by\b)\w+", " ", question, flags=re.I)
    asked = set(terms(THEMES_AS_KINDS.sub("", question)))
    for title in outline.groups:
        named = set(terms(title)) & asked - FRAME_WORDS
        # its head noun ('themes') or two of its words ('cross-cutting'); one modifier alone is another
        # word ('a cross-thematic approach')
        if terms(title)[-1] in named or len(named) >= 2:
            return title
        if re.search(r"\brecommend", question, re.I) and re.search(r"\brecommend", title, re.I):
            return title
    return ""


def _rest(topic: str, group: str) -> str:
    """The topic less the group's own words: 'funding' in 'which recommendations are about funding'."""
    own = set(terms(group)) | {"recommend"}

    def owned(word: str) -> bool:  # 'cut across' says the 'cutting' of 'cross-cutting'
        return all(any(t == o or (len(t) >= 3 and o.startswith(t)) for o in own) for t in terms(word))

    return _without(topic, owned)


def _without(topic: str, drop: Callable[[str], bool]) -> str:
    """The topic less the words drop() picks, and less the 'or's left dangling at either end."""
    kept = " ".join(w for w in topic.split() if w == "or" or not drop(w))
    return re.sub(r"^(?:or\s+)+|(?:\s+or)+$|^or$", "", kept)


def _sector_terms(region: str, outline: Outline) -> set[str]:
    """The terms of every way of naming the region's sector ('Artificial Intelligence/Digital': ai, digital, …)."""
    part = outline.case_study(region)
    names = sector_names(part.cluster, " ".join(c.text for c in part.chunks)) if part else set()
    return {t for name in names for t in terms(name)}


def _named_section(topic: str, outline: Outline) -> str:
    """A section or group the topic names by most of its title ('the introduction', 'the recommendations')."""
    wanted = set(terms(topic))
    if not wanted:
        return ""
    for part in outline.sections:
        if part.region:
            continue
        title_terms = set(terms(part.title))
        if wanted <= title_terms and len(wanted) * 2 >= len(title_terms):
            return part.section
    for title in outline.groups:
        title_terms = set(terms(title))
        if wanted <= title_terms and len(wanted) * 2 >= len(title_terms):
            return title
    return ""


def _section_called(question: str, outline: Outline) -> str:
    """The one section (not a case study) that 'the X section' calls by the first words of its title: 'the
    observations section' is 'Observations and implications for cluster policy'."""
    called = re.search(r"\bthe ((?:[\w-]+ ){0,2}[\w-]+) (?:section|chapter)\b", question, re.I)
    wanted = set(terms(called.group(1))) if called else set()
    found = [p.section for p in outline.sections if wanted and not p.region and wanted <= set(terms(p.title)[: len(wanted) + 1])]
    return found[0] if len(found) == 1 else ""


def _section_by_title(question: str, outline: Outline) -> str:
    """A section (not a case study) whose title the question mostly repeats: 'summarise what the report says a
    regional innovation cluster is and why it matters' names 'What is a regional innovation cluster and why
    are they important?'."""
    asked = set(terms(question))
    best, share = "", 0.0
    for part in outline.sections:
        title_terms = set(terms(part.title))
        if part.region or len(title_terms) < TITLE_MATCH_TERMS:
            continue
        overlap = len(title_terms & asked) / len(title_terms)
        if overlap >= TITLE_MATCH_SHARE and overlap > share:
            best, share = part.section, overlap
    return best


def _sub_section(question: str, region: str, outline: Outline) -> str:
    """The case study's sub-section whose whole title the question uses ('Impact of cluster approach',
    'Evolution'), or ''."""
    if OPENING.search(question):  # "the opening of the Liverpool case, before it gets to 'Evolution'"
        return next((p.section for p in outline.sections if p.region == region and p.title == p.label), "")
    # 'summarise Cumbria's clean energy cluster and its development': the cluster and how it came about, the whole case
    question = re.sub(r"\band (?:its|their|the) (?:development|evolution|history|growth|origins)\b", " ", question, flags=re.I)
    asked = set(terms(question))
    asked |= {t[:4] for t in asked if len(t) >= 4}  # 'how has it evolved': the Evolution part
    if asked & EVOLVED:  # 'how the cluster developed', 'how it grew': the same part
        asked.add("evol")
    for part in outline.sections:
        title = set(terms(part.title))
        if title and len(title) == 1:
            title = {t[:4] for t in title}
        # all its title, or all but one word of a longer one ('how the cluster approach has played out')
        enough = title <= asked or (len(title) >= 3 and len(title - asked) == 1)
        if part.region == region and SECTION_SEP in part.section.split(region, 1)[-1] and title and enough:
            return part.section
    return ""


def _theme_said(question: str, themes: str, outline: Outline) -> bool:
    """Does the question say most of one theme's title in its own words ('research capacity that is translated
    locally')? Then it asks what that theme says, not for the themes."""
    said = set(terms(question)) - MEMBER_GENERIC
    return any(len(said & set(terms(p.title))) >= THEME_SAID_TERMS for p in outline.groups[themes])


def _member_named(question: str, outline: Outline, group: str = "") -> str:
    """A sub-section of a group the question names ('the cross-cutting theme about sector boundaries'), chosen
    by the most of its other words in the title ('Magic happens at the boundaries between
    sectors'): at least MEMBER_MATCH_TERMS of them, and one title clearly ahead. The group may be given (one side
    of a comparison: '... with the one on small competitive grants')."""
    group = group or _named_group(question, outline)
    if not group:
        return ""
    wanted = set(terms(question)) - set(terms(group)) - MEMBER_GENERIC
    scored = sorted(((len(wanted & set(terms(p.title))), p.section) for p in outline.groups[group]), reverse=True)
    # 'the skills theme', 'the recommendation on devolution', 'its theme on skills', 'the one on grants': one member,
    # so one word of its title will do
    one = re.search(
        rf"\b(?:the|this|that|one|its|their) (?:[\w'’-]+ ){{0,2}}{re.escape(_singular(group.split()[-1]))}\b"
        r"|^\W*the one (?:on|about)\b",
        question,
        re.I,
    )
    least = 1 if one else MEMBER_MATCH_TERMS
    if not scored or scored[0][0] < least or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return ""
    return scored[0][1]


def _section_asked_for(question: str, outline: Outline) -> str:
    """A section outside the case studies asked for by the first words of its title, as a list of what it holds:
    'What are the main observations and implications for cluster policy?', 'what are the key observations?'."""
    asked = SECTION_ASKED.match(question)
    if not asked:
        return ""
    words = normalise(asked.group("words"))
    return next((p.section for p in outline.sections if not p.region and normalise(p.title).startswith(words)), "")


def _two_members(question: str, outline: Outline) -> tuple[str, ...]:
    """Two members of a group the question sets side by side, one named on each side of its 'with', 'and' or
    'versus' ('the report's cross-cutting theme on skills with its theme on funding and finance')."""
    group = _named_group(question, outline)
    for joint in MEMBERS_JOINED.finditer(question):
        one = _member_named(question[: joint.start()], outline, group)
        other = _member_named(question[joint.end() :], outline, group)
        if group and one and other and one != other:
            return (one, other)
    return ()


def _singular(noun: str) -> str:
    return re.sub(r"ies$", "y", noun) if noun.endswith("ies") else noun.removesuffix("s")


def _names_capitalised(question: str, outline: Outline) -> str:
    """A question typed in lower case, with the documents' names of two words or more written as they write them
    when one of their words is a frame word ('made smarter' -> 'Made Smarter'): it is then kept, as the name."""
    if re.search(r"(?<!^)(?<![.?!]\s)\b[A-Z]", question.strip()):  # capitals past its first letter: as typed
        return question
    names = outline.proper_names
    found = re.finditer(r"\b[a-z][\w&'’-]*(?:\s+[a-z][\w&'’-]*)+", question)
    for run in list(found)[::-1]:
        words = run.group(0).split()
        for i in range(len(words) - 1):
            for j in range(len(words), i + 1, -1):
                name = names.get(" ".join(words[i:j]).lower())
                if name and set(terms(name)) & FRAME_WORDS:  # a word that would be dropped as framing ('made')
                    question = question.replace(" ".join(words[i:j]), name, 1)
                    break
    return question


def _their_words(text: str, outline: Outline, beside: frozenset[str] = frozenset()) -> set[str]:
    """The text's terms that the documents use, less those beside: a word they never use ('map out', 'paired with',
    'checklist-style') is no topic to filter a list by."""
    return (set(terms(text)) - beside) & outline.vocabulary


def _interest_as_topic(question: str) -> str:
    """What the asker says they follow, put where the question points back at it: "I'm tracking Investment Zones.
    List each one ..." -> "List each Investment Zone ...", "... which case studies mention them?" -> "... mention
    Investment Zones?". Without such a pointer the scene is left as it is."""
    interest = INTEREST.match(question) or INTEREST_WHERE.match(question)
    if not interest:
        return question
    topic, rest = re.sub(r"\s*\([^)]*\)", "", interest.group("topic")).strip(), question[interest.end() :]
    words = topic.split()
    one = " ".join([*words[:-1], words[-1][:-1] if words[-1].endswith("s") and len(words[-1]) > 3 else words[-1]])
    pointed = re.sub(r"\b(each|every) one\b", rf"\1 {one}", rest, count=1, flags=re.I)
    if pointed == rest:
        pointed = re.sub(r"\b(?:them|they|it|these|those)\b", topic, rest, count=1, flags=re.I)
    if pointed == rest:  # '... Which cluster write-ups refer to one?'
        pointed = re.sub(r"(?<=\s)(?:a single one|one)(?=\s*[?.!])", one, rest, count=1, flags=re.I)
    if pointed == rest and interest.group("verb").lower() in ("at", "from", "with"):  # "I'm at Innovate UK ... in
        pointed = re.sub(r"\b(?:we|us)\b", topic, rest, count=1, flags=re.I)  # which case studies do we get a mention?"
    return pointed if pointed != rest else question


def _titles_as_the_report(question: str, outline: Outline) -> str:
    """A document named by its title is 'the report': its words ('Clusters', 'North') are no topic or place."""
    for title in dict.fromkeys(part.chunks[0].title for part in outline.sections):
        if len(title.split()) >= 3:
            pattern = r"\s+".join(map(re.escape, title.split()))
            question = re.sub(rf"(?:\bthe\s+)?['‘\"“]?{pattern}['’\"”]?", "the report", question, flags=re.I)
    return question


def _named_by_town(question: str, outline: Outline) -> list[str]:
    """Case studies named by a town of their region ('Middlesbrough' for Tees Valley, 'Bradford' for West Yorkshire)."""
    text = normalise(question)
    found: list[str] = []
    for town, known in TOWNS.items():
        if re.search(rf"(?<![a-z0-9]){town}(?![a-z0-9])", text):
            found += [p.region for p in outline.case_studies
                      if re.search(rf"(?<![a-z]){known}(?![a-z])", normalise(p.region)) and p.region not in found]
    return found


def _named_by_place(question: str, outline: Outline) -> list[str]:
    """Case studies named by a word of their region that no other region has: 'Liverpool', 'Cumbria', 'Tees'
    (not 'Yorkshire', which four regions share)."""
    owners: dict[str, set[str]] = {}
    for part in outline.case_studies:
        for word in re.findall(r"[a-z]+", normalise(part.region)):
            if len(word) > 3 and word not in GENERIC_PLACE_WORDS:
                owners.setdefault(word, set()).add(part.region)
    text = normalise(question)
    found: list[str] = []
    for word, regions in owners.items():
        if len(regions) == 1 and re.search(rf"(?<![a-z0-9]){word}(?![a-z0-9])", text):
            found.extend(r for r in regions if r not in found)
    return found
