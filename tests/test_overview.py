"""Whole-publication questions over the real publication: routing on paraphrases, complete lists, aggregates
that list only the clusters the text supports, side-by-side comparisons and short summaries, every line cited."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from clusterqa.answer import Answer
from clusterqa.overview import names_in
from clusterqa.pipeline import Assistant
from clusterqa.routes import ROUTES, SUMS, route_question
from clusterqa.text import normalise, without_instructions, without_scene

RECOMMENDATIONS = [
    "Recognise different types of innovation cluster",
    "Supporting emerging, rather than just existing clusters",
    "better linked into devolution policy",
    "Combine different types of policy support",
    "working across administrative boundaries",
    "flexible funding pots",
    "Piecemeal funding decisions",
    "shift away from small competitive grants",
    "Send a clear signal to businesses",
]
THEMES = [
    "Cluster geographies are complex",
    "Magic happens at the boundaries between sectors",
    "Funding and finance challenges",
    "Skills gaps remain one of the most common challenges",
    "Research capacity can be effectively translated locally",
    "more than just a tool to deliver economic levelling up",
]
CASE_STUDY_PAGES = {
    "Liverpool City Region": 7, "North East": 8, "Hull & East Yorkshire": 9, "Lancashire": 10, "Cheshire & Warrington": 11,
    "Greater Manchester": 12, "West Yorkshire": 14, "Cumbria": 16, "York & North Yorkshire": 17, "South Yorkshire": 18,
    "Tees Valley": 19,
}  # fmt: skip
ROUTED = [
    ("Which consultancy did the detailed analysis behind this summary?", "fact"),  # 'this summary': the document itself
    ("Comparing with Belfast's cyber scene: which northern English clusters have a cyber security element?", "aggregate"),
    ("On which dimensions do the selected clusters differ from one another?", "fact"),  # one another is no second topic
    ("Sumarise the South Yorkshire metals case study.", "summary"),  # misspelt
    ("Which headache is most common across all clusters?", "fact"),  # the one most common, not every cluster
    ("Might you enumerate the headline recommendations for future cluster policy given in the observations section?", "list"),
    # a case study's main players: the organisations it names
    ("Who are the main players in the York & North Yorkshire bioeconomy?", "aggregate"),
    ("Aerospace supply-chain buyer: which key organisations and assets make up Lancashire's cyber-physical cluster?",
     "aggregate"),
    ("Which organisations make up the RAIC partnership in Cumbria?", "fact"),  # one body's members, not the case's names
    ("Who are the key organisations in the RAIC partnership in Cumbria?", "fact"),
    # the recommendations as where it is said, a fact asked of them
    ("Which institutions in the R&I system receive major sustained national funding directly, per the recommendations?",
     "fact"),
    # lists
    ("What are the report's recommendations?", "list"),
    ("What are the eleven innovation clusters the report profiles?", "list"),  # the eleven, nothing asked of them
    ("What are the eleven clusters' main challenges?", "fact"),  # ...not this
    # a figure asked of the recommendations or observations that is not how many there are: the fact route says if it is given
    ("How many pounds a year does NP11 recommend a national cluster programme should be funded with?", "fact"),
    ("How many stakeholder interviews were carried out for the observations and recommendations?", "fact"),
    ("How many recommendations does NP11 make?", "list"),
    # one thing asked of a group, after a preposition: a fact within the themes, not the themes
    ("Outside which area do private-sector organisations find it hardest to finance big investments, according to the "
     "cross-cutting themes?", "fact"),
    # ...nor 'each one's focus' (no 'one' said before), however the eleven are asked for
    ("Remind me, which eleven clusters were profiled and what is each one's focus?", "list"),
    ("What are the eleven clusters the case studies cover?", "list"),
    ("Could you furnish a concise synthesis of the Liverpool City Region case study?", "summary"),
    ("What does the York & North Yorkshire bioeconomy case amount to, in brief?", "summary"),
    ("What does NP11 recommend for future cluster policy?", "list"),
    ("Summarise the recommendations", "list"),
    ("What do the recommendations say about funding?", "list"),  # those on funding
    ("what does the Recommendations section actually ask government to do?", "list"),
    ("Give me the investor's quick take on the Liverpool City Region case study.", "summary"),
    # another case study's sector said as what the named one moved to is a topic, not a second case study
    ("Could you summarise the Tees Valley story from its industrial past to net zero?", "summary"),
    ("GM versus W Yorks on AI: how do the two clusters differ in scale?", "compare"),  # the shortest short form
    ("Which clusters bring it up?", "fact"),  # 'it' with nothing before it: not the list of every case study
    ("Which cluster did the research find to have the most severe skills gaps of all?", "fact"),  # one, singled out
    ("Would you mind summarising the final recommendations section?", "list"),  # asked politely, the section's list
    ("What's the main point of the introduction?", "summary"),
    # how a case study's cluster changed is its story; how an organisation did is a fact
    ("How has Tees Valley's chemicals cluster evolved, and where is it heading?", "summary"),
    ("How has South Yorkshire's metals cluster adapted, and what challenges does it face?", "summary"),
    ("How did iiCON develop?", "fact"),
    # the funding pots a case study has had are its sums of money; those the report wants are its recommendations
    ("Which funding pots do West Yorkshire's AI and healthtech businesses benefit from?", "list"),
    ("What are the place-based funding pots West Yorkshire's AI and healthtech businesses benefit from?", "list"),
    # who asks, by role, before a colon
    ("Parliamentary researcher: set out all of NP11's recommendations.", "list"),
    ("What has the cluster approach achieved in West Yorkshire, in short?", "summary"),  # its Impact part, in brief
    ("How far are skills a problem across the clusters? Summarise what the report finds.", "summary"),  # no distance
    ("How does NP11 define an innovation ecosystem?", "fact"),  # the sentence defining it: no section is titled so
    ("How does the report define a regional innovation cluster?", "summary"),  # ...but this one is
    ("List the cross-cutting themes", "list"),
    ("What common themes emerged across the case studies?", "list"),
    ("Which clusters does the report profile?", "list"),
    ("Name the eleven case studies", "list"),
    ("What sector is each of the eleven case studies about?", "list"),
    ("Which recommendations are about funding?", "list"),
    ("What cross-cutting themes does the publication draw out from the case studies?", "list"),
    ("List all eleven innovation cluster case studies with the region and the sector or specialism of each.", "list"),
    # aggregates
    ("Which clusters mention skills shortages?", "aggregate"),
    ("Which clusters struggle with skills?", "aggregate"),
    ("Which of the case study areas mention a Freeport?", "aggregate"),
    ("Where are Investment Zones mentioned and with how much funding?", "aggregate"),
    ("How many clusters have a Freeport?", "aggregate"),
    ("In which case studies does the AMRC appear?", "aggregate"),
    ("Which clusters talk about net zero?", "aggregate"),
    ("Remind me: which clusters mention skills?", "aggregate"),
    ("Which innovation clusters mention skills?", "aggregate"),
    ("Which universities are named in the case studies?", "aggregate"),
    # comparisons
    ("Compare Greater Manchester and West Yorkshire's AI clusters", "compare"),
    ("Compare the two AI clusters", "compare"),
    ("Compare how the Liverpool infection cluster and the North East space cluster were seeded", "compare"),
    ("How do Tees Valley and Hull differ on net zero?", "compare"),
    ("Tees Valley versus South Yorkshire: how big are they?", "compare"),
    ("How is the Made Smarter programme used differently in Greater Manchester and South Yorkshire?", "compare"),
    # summaries
    ("Summarise the Cumbria case study", "summary"),
    ("Give me an overview of the North East space cluster", "summary"),
    ("Tell me about the Greater Manchester AI cluster", "summary"),
    ("What does the report say about funding?", "summary"),
    ("Summarise the introduction", "summary"),
    ("What does the introduction to the publication cover?", "summary"),
    ("Pull together what the publication says about funding and finance for clusters.", "summary"),
    ("Summarise what the report says a regional innovation cluster is and why it matters.", "summary"),
    # facts stay facts
    ("How much government funding seeded the Liverpool City Region Investment Zone?", "fact"),
    ("What is a regional innovation cluster?", "fact"),
    ("What are innovation clusters?", "fact"),
    ("Which cluster is home to GCHQ?", "fact"),
    # things one recommendation names, not the recommendations themselves
    ("Which existing schemes should any new cluster policy bring order to, according to the recommendations?", "fact"),
    ("Which universities make up the Golden Triangle that the funding theme refers to?", "fact"),  # what one names
    ("The recommendations name Investment Zones and freeports - which other DSIT initiatives are listed alongside them?",
     "fact"),
    ("What headings does the report use for its cross-cutting themes?", "list"),  # the themes' own headings: the list
    # one cluster asked for, the recommendations only where to look: not a list of recommendations
    ("Which cluster is held up as the example in the recommendation about working across administrative boundaries?",
     "fact"),
    ("How many case studies did NP11 commission for this work?", "fact"),
    ("What are the three main sites of the Tees Valley chemical industry?", "fact"),
    ("Which neighbouring areas has the Liverpool life sciences cluster sought closer collaboration with?", "fact"),
    ("What conditions allow clusters to anchor growth locally?", "fact"),
    ("Which public bodies support clusters through economic policy?", "fact"),
    ("What do the West Yorkshire sectors using AI, such as fintech and legal services, have in common?", "fact"),
    ("What is the difference between SMRs and AMRs?", "fact"),
    ("Tell me what innovation clusters enable for the North, according to the introduction.", "fact"),
    ("Can you tell me how much funding iiCON got?", "fact"),
    # more ways of asking for a whole-publication answer
    ("The Humber - which case studies refer to it?", "aggregate"),  # the topic first
    ("Biomanufacturing: which clusters bring it up?", "aggregate"),
    ("Pull out every combined authority the publication names.", "aggregate"),
    ("Across the case studies, what named skills or training initiatives are mentioned?", "aggregate"),
    ("Which named local plans (cluster or skills plans) appear in the case studies?", "aggregate"),
    ("Set iiCON's funding story against BioYorkshire's: what sums are involved on each side?", "compare"),
    ("Put the skills evidence for West Yorkshire next to that for Tees Valley.", "compare"),
    ("How do Hull & East Yorkshire and South Yorkshire go about tackling skills?", "compare"),
    ("Give me a paragraph on the Cheshire & Warrington life sciences cluster.", "summary"),
    ("What are the headline points of the West Yorkshire case study?", "summary"),
    ("Walk me through the Cumbria case study.", "summary"),
    ("Which Cumbrian research facility is named alongside the Robotics and AI Collaboration?", "fact"),
    ("How do clusters in Tees Valley use hydrogen?", "fact"),  # one region named: not a comparison
    ("What lessons does the North East space case offer other places trying to grow a cluster?", "summary"),
    ("Our team wants to reuse the cross-cutting themes as headers. What are the theme statements on pages 20 and 21?",
     "list"),  # 'on pages 20 and 21' says where, it is no topic to filter the themes by
    ("What lesson does the North East space case offer about small upfront investment?", "fact"),  # one lesson asked
    # one word of a group's title is not the group: 'cross-thematic' is not the cross-cutting themes
    ("Which bodies may be better than national departments at a cross-thematic approach to support?", "fact"),
    ("What are the cross-cutting issues the report found?", "list"),
    ("Set the Cumbria skills picture beside Tees Valley's.", "compare"),
    ("What anchor investors do Greater Manchester and the North East each point to?", "compare"),
    ("How old are Cumbria's nuclear industry and Tees Valley's chemicals industry?", "compare"),  # one question of two
    ("What's Tees Valley's share of UK hydrogen production and how was it built?", "fact"),  # one place, lower-case 'what's'
    ("How fast is West Yorkshire's digital industry growing each year?", "fact"),  # 'each year', one place named
    ("What are the main takeaways from the Lancashire case?", "summary"),
    ("In a few bullets, what has the York & North Yorkshire cluster achieved?", "summary"),
    ("What distinguishes the Lancashire cluster from the Cumbria one?", "compare"),
    ("Give me the Hull net zero story in a paragraph.", "summary"),
    ("What's NP11's overall line on skills?", "summary"),
    ("What's the argument of the theme on funding?", "summary"),
    ("What does the case-studies overview page say about the choice of clusters?", "summary"),
    ("On the overview list, what label does Cumbria have?", "fact"),  # the overview page, not an overview asked for
    ("The Humber and the Tees both struggle with skills. How do the two cases describe it?", "compare"),  # places
    ("Place the Cumbria cluster's size next to the Tees Valley one.", "compare"),
    ("On page 5, beyond levelling up, what do clusters get positioned to achieve?", "fact"),  # 'what do clusters'
    ("Which difficulty do the authors say crops up in nearly every cluster?", "fact"),  # the authors are no kind
    ("List every figure the case studies give for annual income or exports.", "list"),  # the sums of money
    ("Tees Valley relative to Hull on hydrogen?", "compare"),
    ("Give me the key facts about the North East space cluster.", "summary"),
    ("Briefly describe the Cheshire & Warrington case study.", "summary"),
    ("A snapshot of the South Yorkshire case, please.", "summary"),
    ("What ground does the Hull case cover?", "summary"),
    ("What does NP11 argue about devolution?", "summary"),
    ("Summarise NP11's recommendations for future cluster policy.", "list"),  # all of them, not the devolution one
    ("In how many case studies does hydrogen feature?", "aggregate"),
    ("Are there other clusters that mention net zero?", "aggregate"),
    ("Where does the AMRC crop up across the case studies?", "aggregate"),
    ("Show me the case studies that discuss skills gaps.", "aggregate"),
    ("List every case study that mentions apprenticeships.", "aggregate"),
    ("Across the eleven case studies, who mentions the NHS?", "aggregate"),
    ("Where is the AI-enabled hospital command centre mentioned in the West Yorkshire case study?", "fact"),
    ("Does the Tees Valley case study mention hydrogen?", "fact"),  # one case study: yes or no
    ("Bullet points please on how the York & North Yorkshire bioeconomy cluster has evolved.", "summary"),
    ("What does the Cheshire & Warrington case conclude about the impact of its cluster approach?", "summary"),
    ("Leaving the place names aside, list the sector labels the eleven case studies carry in the contents.", "list"),
    ("Which organisations have been backing innovation clusters in their areas over the past ten years?", "fact"),
    ("Liverpool City Region timeline: which came first in 2023, the Freeport or the Investment Zone?", "fact"),
    ("Which North East body dates from 2014?", "fact"),
    ("For the annex table I need every case study exactly as the contents page titles it. Can you list all eleven?", "list"),
    ("Is Sheffield named in any of the case studies? Which ones?", "aggregate"),
    ("What does the skills theme in the cross-cutting themes section say?", "summary"),
    ("Stakeholder mapping: which universities get named individually anywhere in the report?", "aggregate"),
    ("Compile all the sums in pounds mentioned in the report.", "list"),
    ("FOI request: itemise every monetary amount given in the Liverpool City Region case study.", "list"),
    ("Which figure is given for exports?", "fact"),  # one figure asked, not every sum
    ("Which case studies across the whole report mention hydrogen?", "aggregate"),  # 'which': not a summary
    ("Can you collate every cross-cutting theme the report draws out of the eleven case studies?", "list"),
    ("Across all eleven case studies, which places mention a freeport?", "aggregate"),
    ("For a briefing note, set out each of the points made in the closing recommendations section.", "list"),
    ("For the Liverpool case, what did iiCON attract?", "fact"),  # a case named, not a note being written
    ("Give me a quick read-out of what the report says about funding and finance challenges.", "summary"),
    ("Give me the full roll-call of places the case studies cover, with the cluster each one focuses on.", "list"),
    ("How does the publication explain what a regional innovation cluster is?", "summary"),
    ("In which case-study write-ups is a skills shortage or workforce gap actually discussed?", "aggregate"),
    ("Talk me through the Lancashire cyber-physical defence and security case in a few lines.", "summary"),
    ("I need a short note on West Yorkshire's AI and healthtech cluster.", "summary"),
    ("What have the case studies got to say about skills?", "aggregate"),  # one line per case study
    ("What does each case study say about skills?", "aggregate"),
    ("What does the case study say about skills?", "summary"),  # one case study (a filter says which)
    ("Draw me up a list of the recommendations.", "list"),
    ("Line up Cumbria against Tees Valley on energy.", "compare"),
    ("Which of the eleven mention universities?", "aggregate"),
    ("Which of the eleven is the oldest?", "fact"),
    ("For a one-pager on devolution, what does the report say?", "summary"),
    ("Can you collate the places that have an Investment Zone?", "aggregate"),
    ("Is there a pattern in which places mention net zero?", "aggregate"),
    ("Across the case studies, where is hydrogen mentioned?", "aggregate"),
    ("List all the universities named in the report.", "aggregate"),
    ("Give me the lowdown on Cumbria.", "summary"),
    ("Give me a thumbnail sketch of the York bioeconomy cluster.", "summary"),
    ("In two sentences, what is the Liverpool case about?", "summary"),
    ("Outline the Tees Valley story.", "summary"),
    ("What are the key numbers for the North East space cluster?", "summary"),
    ("What figures does the South Yorkshire case quote?", "summary"),
    ("Give me the report's view on devolution.", "summary"),
    ("What's the report's take on competitive grants?", "summary"),
    ("What are NP11's asks of government?", "list"),
    ("Where do Greater Manchester and West Yorkshire overlap?", "compare"),
    ("Which organisations are named in the Hull case?", "aggregate"),
    ("What is the Tees Valley cluster's biggest site?", "fact"),
    ("Which particular skills and trades are short in the Humber's net zero cluster? Every one named.", "fact"),
    ("AstraZeneca crops up in which of the case studies?", "aggregate"),
    # a group asked for with nothing else: the list, however it is asked
    ("every one of the cross cutting themes pls", "list"),
    ("txt me the list of recs", "list"),
    ("jot down the nine recommendations", "list"),
    ("What is the last recommendation?", "fact"),
    # the case studies asked for as a set, with how to lay them out
    ("Could I have every case study along with the industry it covers?", "list"),
    ("Itemise each cluster in the order they appear, with the page each starts on.", "list"),
    ("the complete roster of clusters profiled and what each specialises in", "list"),
    # the publication as a whole, and a story or a section asked for in brief
    ("briefly, what is this NP11 report about?", "summary"),
    ("Help me understand the overall argument the report is making to government.", "summary"),
    ("Could you write a short abstract of the whole publication?", "summary"),
    ("What's the substantive argument of this report?", "summary"),
    ("I've two minutes before the LEP board meets - what's the Humber story in a sentence or two?", "summary"),
    ("What's the key lesson of the North East space chapter, in a few lines?", "summary"),  # 'in a few lines' kept
    ("What is the 'what is a regional innovation cluster' section saying?", "summary"),
    # the contents, however named: the document by its title, every heading, the case studies set aside
    ("Give me the table of contents of Innovation Clusters in the North of England", "list"),
    ("give me every heading in the document", "list"),
    ("list the main sections of the publication (not the individual case studies)", "list"),
    ("which regions are covered? no sectors", "list"),
    ("What new body is seen as the opportunity to pull together North Yorkshire's research assets?", "fact"),  # no asking
    # verbs and framings the documents never use are no topic of a list: the group is what is asked
    ("Map out the recommendations as a checklist for officials.", "list"),
    ("Rattle off the observations.", "list"),
    ("ok so just list each cluster and its sector one after the other", "list"),
    ("What do the observations identify as one of the most common challenges across all clusters?", "fact"),
    # curt aggregates and summaries
    ("hydrogen - who mentions it", "aggregate"),
    ("ageing workforce - does anyone flag it", "aggregate"),
    ("Apprenticeships or training facilities - where are they mentioned?", "aggregate"),
    ("Condense the Cheshire & Warrington chapter.", "summary"),
    ("Boil the Greater Manchester AI chapter down to three sentences.", "summary"),
    ("What's the York bioeconomy piece about?", "summary"),
    ("What sector is the Tees Valley case study about?", "list"),
    ("Tally up the clusters that mention Growth Deal money.", "aggregate"),
    ("Strength in Places Fund - does any cluster besides Liverpool get a mention of it?", "aggregate"),
    ("exports which clusters mention exporting", "aggregate"),
    ("Bioeconomy crops up in which chapters?", "aggregate"),
    ("Between the North East and York & North Yorkshire, which is further along?", "compare"),
    ("What do Lancashire and Greater Manchester share on cyber?", "compare"),
    ("Does Tees Valley or Hull & East Yorkshire have the firmer net-zero deadline?", "compare"),
    ("which ones bigger in company numbers tees chemicals or the cheshire science corridor", "compare"),
    ("Is Liverpool's iiCON better funded than BioYorkshire?", "compare"),
    ("Between GM and WY, which one has the UK's second-largest digital economy?", "fact"),  # no comparative: one fact
    ("Chart the cluster case studies in report order - all eleven, with their specialism.", "list"),
    ("Inventory of the case studies with the page number each one starts on.", "list"),
    ("Which regions are in scope? Enumerate them all.", "list"),
    ("On what dimensions were the eleven featured clusters chosen to differ?", "fact"),  # the eleven, not each of them
    ("Please itemise NP11's policy recommendations for future innovation cluster policy.", "list"),
    ("What are the nine asks NP11 is making of Whitehall?", "list"),
    ("what sections does this doc have", "list"),
    ("Does York & North Yorkshire face the same funding problem as Cheshire and Warrington?", "compare"),
    ("Do Lancashire and Greater Manchester share anything on the cyber front?", "compare"),
    ("Which of Liverpool, Cheshire and Manchester does the most cross-border collaboration?", "compare"),
    ("Are South Yorkshire and Cheshire & Warrington chalk and cheese in how they transitioned?", "compare"),
    ("Which grew faster, the North East space cluster or West Yorkshire's AI sector?", "compare"),
    ("Hull, Tees and Cumbria on the energy transition - who's furthest along?", "compare"),
    ("What's the upshot of the funding and finance theme?", "summary"),
    ("Give me the broad brush on South Yorkshire metals.", "summary"),
    ("Set out every observation the report makes about implications for cluster policy.", "list"),
    ("What does the report recommend? Every point, not just the highlights.", "list"),
    ("Which topics does the document cover, section by section?", "list"),
    ("How is the report laid out?", "list"),
    ("Enumerate the cross-cutting themes, as set out at the start of the report.", "list"),  # not its opening section
    ("Gather every Catapult reference for me - which Catapults are named?", "aggregate"),
    ("Can you pull together every freeport that gets a mention in the case studies?", "aggregate"),
    ("give me all the places profiled and the cluster sector each one is paired with", "list"),
    ("What's the thinking behind the recommendation to move away from small competitive grants?", "summary"),
    ("Set out each pot of place-based money the WY case study says its firms benefit from, with amounts.", "list"),
    ("Pull together everything the recommendations say about how cluster money should be provided.", "list"),
    ("I'm new to the North East space cluster - what are the main points NP11 makes about it?", "summary"),
    ("For a briefing note I need the full set of recurring themes NP11 draws out - every one, please.", "list"),
    ("The minister wants every policy ask from the closing section of the report - nothing left out.", "list"),
    ("What pots of public money does the West Yorkshire case say its firms can tap? Amounts too, please.", "list"),
    ("Innovate UK money or programmes: which of the case-study places does the report connect them with?", "aggregate"),
    ("What does the opening of the NP11 report tell a reader about how the study was put together?", "summary"),
    ("Which single Government department does NP11 recommend should own cluster policy?", "fact"),  # one thing
    ("Set out, in full, the recommendations made on the closing pages of the publication.", "list"),
    ("Hydrogen: which of the case study regions bring it into their story?", "aggregate"),
    ("Researcher's query: in which case study areas is Innovate UK named as a funder?", "aggregate"),
    ("AstraZeneca turns up in more than one of the regional stories. Which ones?", "aggregate"),
    ("What's the North East space cluster's story, in brief?", "summary"),
    ("Outline the Cumbria clean energy cluster: where it comes from and where it is heading.", "summary"),
    ("What does the introduction tell the reader about why this publication was put together?", "summary"),
    ("I'd like a list of every university mentioned.", "aggregate"),
    ("Give me a one-line summary of each case study.", "list"),  # each one's opening line
    ("What do the case studies have in common?", "list"),  # the themes that cut across them
    ("What do Hull and Tees have in common?", "compare"),  # two of them: a comparison
    ("What does each recommendation say?", "list"),
    ("What's said about apprenticeships anywhere in the report?", "summary"),
    ("Any mention of the NHS across the case studies?", "aggregate"),
    ("Is it right that the summary of findings flags one problem as the most widespread? Which one?", "fact"),
    ("What kind of funding does the summary of recommendations say would send a positive signal?", "fact"),
    ("Pull together every cross-cutting theme set out in the detailed themes section - I want the full set.", "list"),
    ("Which eleven places did NP11 profile? Run me through all of them.", "list"),
    ("Do any of the clusters have a link to a Catapult? Which ones?", "aggregate"),
    ("I need a short brief on the Hull and East Yorkshire net zero cluster for a visit next week.", "summary"),
    ("What does the report say across the board about money?", "summary"),
    ("What's the purpose and method of the NP11 study, as the introduction tells it?", "summary"),
    ("Walk me through each point in the closing recommendations section - every one, not a selection.", "list"),
    ("Itemise each funding source that West Yorkshire's firms are said to benefit from, with the sums involved.", "list"),
    ("Across the eleven areas profiled, where does a freeport come into the story?", "aggregate"),
    ("Line up the economic scale of South Yorkshire's metals cluster against Tees Valley's chemicals cluster.", "compare"),
    ("What does the opening section tell us about why and how the report was put together?", "summary"),
    ("What are the headlines from the West Yorkshire AI and healthtech case?", "summary"),
    ("Where do the case studies bring in a Local Enterprise Partnership?", "aggregate"),
    ("Across the case studies, which mention SMEs?", "aggregate"),
    ("Who gets a mention as an anchor firm across the case studies?", "aggregate"),
    ("How do the space and cyber clusters compare?", "compare"),  # 'Cyber-Physical Defence and Security'
    ("A sceptical economist asks: does the report list every place that's had Investment Zone money?", "aggregate"),
    ("What's the potted version of the Cumbria clean energy case?", "summary"),
    ("What's the Tees Valley chemicals case study basically saying?", "summary"),
    ("What's the overall story on South Yorkshire's metals cluster?", "summary"),
    ("Briefly, what does the Cumbria section cover?", "summary"),
    ("Space in the North East - what's the headline take?", "summary"),
    ("Thinking only of the case studies, which ones bring up offshore wind?", "aggregate"),
    ("For my thesis I need the full line-up of places profiled, with the specialism of each.", "list"),
    ("What does NP11 want from the next government?", "list"),  # its recommendations
    ("What are the six things that cut across all the case studies?", "list"),  # the themes
    ("Where in the case studies do universities take a lead role?", "aggregate"),
    ("How many of the case studies involve a Freeport, and which?", "aggregate"),
    ("What separates the Lancashire and Greater Manchester cyber stories?", "compare"),
    ("What do the Greater Manchester and Lancashire cases share?", "compare"),
    ("What's the long and short of the Liverpool case?", "summary"),
    ("Give me the elevator pitch for the West Yorkshire healthtech cluster.", "summary"),
    ("What's in the observations section?", "summary"),
    ("What does the report say are the main barriers clusters face?", "summary"),
    ("What are the main challenges across the clusters?", "summary"),
    ("Can you list the cluster names with their pages?", "list"),
    ("Enumerate the case studies in the report.", "list"),
    ("Cross-cutting themes. List them, one line each.", "list"),
    ("What sections and page numbers are there?", "list"),
    ("Tell me all the case studies - where they are and what they specialise in.", "list"),
    ("I'd like a rundown of all the case studies, region plus technology focus.", "list"),
    ("Set out the full list of sectors covered, region by region.", "list"),
    ("Which clusters are covered? Need all eleven for a map we're doing.", "list"),
    ("Across the case studies, who mentions hydrogen?", "aggregate"),
    ("What's the deal with the Cumbria clean energy cluster?", "summary"),
    ("Fill me in on the Tees Valley chemicals cluster.", "summary"),
    ("Give me the 30-second version of the Cumbria case study.", "summary"),
    ("What's the introduction about?", "summary"),
    ("What's the paper's line on skills, across the whole thing?", "summary"),
    ("Explain the 'skills gaps remain one of the most common challenges' theme to me.", "summary"),
    ("What's the report's beef with short-term funding?", "summary"),
    ("Cumbria case study, briefly", "summary"),
    ("Cumbria or Tees Valley - which has the bigger hydrogen story?", "compare"),
    ("Greater Manchester and Lancashire: same problems?", "compare"),
    ("Cumbria v Tees Valley on hydrogen", "compare"),
    ("GM and WY on skills: similar issues or not?", "compare"),
    # what askers call a case study ('profile', 'vignette', 'write-up', 'entry', 'chapter'), typos, other verbs
    ("Which profiles bring up Made Smarter?", "aggregate"),
    ("Freeports. Which write-ups refer to one?", "aggregate"),
    ("Offshore wind turns up in which of the profiles?", "aggregate"),
    ("net zero. where does it come up across the case studies?", "aggregate"),
    ("one line per case study on Investment Zones, for the ones that mention them", "aggregate"),
    ("Where are specific companies named as part of a cluster?", "aggregate"),
    ("whcih chapters mention the bioeconomy", "aggregate"),
    ("Some case studies care about more than growth - social value, environment. Which ones, and how?", "aggregate"),
    ("Weigh up Cumbria against Tees Valley on hydrogen.", "compare"),
    ("Juxtapose the Humber net zero cluster with the Teesside chemicals one.", "compare"),
    ("benchmark skills: West Yorkshire against Tees Valley", "compare"),
    ("Lancashire against Greater Manchester on cyber.", "compare"),
    ("Line up Tees Valley, Hull & East Yorkshire and Cumbria on hydrogen.", "compare"),
    ("crib sheet on the Cumbria entry", "summary"),
    ("Digest of the Tees Valley chemicals chapter, please.", "summary"),
    ("Humber net zero - cheat sheet", "summary"),
    ("Wrap-up of the West Yorkshire entry in plain English", "summary"),
    ("York & North Yorkshire - what should I know?", "summary"),
    ("Why do clusters matter? A short primer.", "summary"),
    ("reccomendations - all of em", "list"),
    ("Themes that cut across the clusters. Enumerate.", "list"),
    ("Reel off the recommendations.", "list"),
    ("chapter list w/ page numbers", "list"),
    ("Give me the table of contents of the NP11 clusters doc.", "list"),
    ("I think there are six themes? Could you list them all so I can check.", "list"),
    ("For my notes: every cluster and its sector. Don't skip any.", "list"),
    ("The eleven entries - region and cluster type for each.", "list"),
    ("No summary needed - how big was the HealthTech Launchpad award to West Yorkshire?", "fact"),
    ("In the Tees Valley overview, what share of UK hydrogen production is credited to the region?", "fact"),
    ("How was the report put together, and by whom?", "summary"),  # its introduction
    ("Hydrogen crops up in more than one case study - which ones?", "aggregate"),
    ("Which is bigger by jobs: the North East space cluster or the Tees Valley chemicals cluster?", "compare"),
    ("In a nutshell, what is this report and who wrote it?", "summary"),
    ("Can you list every cluster in the report, with the place each one is in?", "list"),
    ("Briefly, what does the Cumbria clean energy case study say?", "summary"),
    ("Pull together every Investment Zone that gets mentioned in the case studies.", "aggregate"),
    ("Which examples of cross-boundary working are given?", "fact"),  # examples of a thing, not 'the case studies'
    # 'cross-theme support', 'support across many themes': support of several kinds, not the list of themes
    ("Which level of government might do joined-up, cross-theme support better than national ministries?", "fact"),
    ("Which organisations coordinate support across many themes better than national departments?", "fact"),
    # a kind of skill ('digital skills') in one named case study is no second side (GM's digital sector) to compare
    ("What share of West Yorkshire's jobs need digital skills versus the share of people who have them?", "fact"),
    # quoted words used to sum something up: the sentence quoting them, not a summary
    ("What catchy phrases have been used to sum up Cheshire and Warrington's drug discovery strengths?", "fact"),
    ("Which slogans do people use to sum up Cheshire and Warrington's drug discovery?", "fact"),
    # chapters: the case studies when they mention something or a place names them, not the contents
    ("Catapults: which of the regional chapters mention one?", "aggregate"),
    ("Compare how the Humber and Tees Valley chapters frame net zero.", "compare"),
    ("What chapters does the report have?", "list"),
    ("places + sectors covered?", "list"),  # terse: the case studies with their sectors
    # a group's members on one topic, asked for as a summary: the list filtered by it
    ("Summarise the funding-related recommendations, not the rest.", "list"),
    ("Summarise the recommendations on funding.", "list"),
    # a statement, then the question that stands on its own; not when the statement names what it asks about
    ("We want to say the report mentions freeports in several places. Which freeports are referred to in the case "
     "studies?", "aggregate"),
    ("The recommendation on combining policy support name-checks existing schemes. Which schemes are named?", "fact"),
    ("Is Innovate UK mentioned in many case studies?", "aggregate"),
    ("The word 'Humber' - which case-study sections contain it?", "aggregate"),
    ("What does the whole report say about skills?", "summary"),
    ("What's the report's overall argument about administrative boundaries?", "summary"),
    ("Explain simply what the report means by an innovation cluster and why it matters", "summary"),
    ("what threads run through all the case studies? list them", "list"),
    ("Every Investment Zone mentioned anywhere in the case studies - where is it and what's it worth?", "aggregate"),
    ("I'd like a side-by-side of Hull & East Yorkshire and Tees Valley on their net zero credentials.", "compare"),
    ("On the overview list of case studies, which sector is paired with Tees Valley?", "list"),  # its sector, as listed
    ("Need: every recommendation, numbered, with a one-sentence gist", "list"),  # 'one-sentence' stays as written
    ("for a radio segment i need every place the report looked at and what industry each one was about", "list"),
    ("Across the case studies, where is Innovate UK named as a funder or partner?", "aggregate"),
    ("Explain in plain words what the report thinks a regional innovation cluster is and why it matters.", "summary"),
    ("what were the big patterns they spotted running through all the places? give me all of them", "list"),
    ("How is each of the eleven case studies structured? What are the standard sub-headings under each one?", "list"),
]


@pytest.mark.parametrize(("question", "route"), ROUTED, ids=[q for q, _ in ROUTED])
def test_questions_are_routed_by_their_wording(assistant: Assistant, question: str, route: str) -> None:
    assert route_question(question, assistant.retriever.steer, assistant.outline).kind == route


def _lines(answer: Answer) -> list[str]:
    return [line for line in answer.answer.splitlines() if line.startswith("- ")]


def _cited(line: str, answer: Answer) -> list[int]:
    numbers = [int(n) for n in re.findall(r"\[(\d+)\]", line)]
    assert numbers, f"uncited line: {line}"
    return numbers


def _assert_every_citation_is_verbatim(answer: Answer) -> None:
    for c in answer.citations:
        assert normalise(c.quote) in normalise(c.text), c.quote
        assert c.page in c.pages


@pytest.mark.parametrize(
    ("question", "items", "pages"),
    [
        ("What are the report's recommendations?", RECOMMENDATIONS, {22, 23}),
        ("List the cross-cutting themes", THEMES, {20, 21}),
    ],
)
def test_lists_from_structure_are_complete_and_each_item_cites_its_own_page(
    assistant: Assistant, question: str, items: list[str], pages: set[int]
) -> None:
    answer = assistant.ask(question)
    assert answer.route == "list" and answer.to_dict()["route"] == "list"
    bullets = _lines(answer)
    assert len(bullets) == len(items)
    by_n = {c.n: c for c in answer.citations}
    for item, line in zip(items, bullets):
        assert normalise(item) in normalise(line)
        n, *said = _cited(line, answer)  # a bare heading may add the sentence saying what is needed, cited too
        assert normalise(item) in normalise(by_n[n].quote) and by_n[n].page in pages
        assert all(by_n[m].section == by_n[n].section for m in said)
    _assert_every_citation_is_verbatim(answer)


def test_the_case_studies_are_listed_with_region_sector_and_page(assistant: Assistant) -> None:
    answer = assistant.ask("Which clusters does the report profile?")
    bullets = _lines(answer)
    assert [re.match(r"- \*\*(.+?)\*\*", b).group(1) for b in bullets] == list(CASE_STUDY_PAGES)  # type: ignore[union-attr]
    by_n = {c.n: c for c in answer.citations}
    for region, line in zip(CASE_STUDY_PAGES, bullets):
        n = _cited(line, answer)[0]  # the case study itself (a second marker: the label p. 6 lists it by)
        assert by_n[n].page == CASE_STUDY_PAGES[region] and region in by_n[n].section
    assert "Chemicals" in bullets[-1] and "11 case studies" in answer.answer


def test_a_filtered_list_keeps_only_the_items_on_the_topic(assistant: Assistant) -> None:
    answer = assistant.ask("Which recommendations are about funding?")
    assert "flexible funding pots" in answer.answer and "small competitive grants" in answer.answer
    assert "Recognise different types of innovation cluster" not in answer.answer
    assert re.match(r"\d of the 9 recommendations", answer.answer)


@pytest.mark.parametrize(
    ("question", "regions", "word"),
    [
        ("Which clusters have a Freeport?", ["Liverpool City Region", "Hull & East Yorkshire", "Tees Valley"], "freeport"),
        ("Which case studies mention hydrogen?", ["Hull & East Yorkshire", "Cumbria", "Tees Valley"], "hydrogen"),
        ("In which case studies does the AMRC appear?", ["Lancashire", "South Yorkshire"], "amrc"),
        ("Which case studies bring up the bio-based economy?", ["York & North Yorkshire", "Tees Valley"], "bioeconomy"),
        ("Which clusters mention skills shortages?", ["Hull & East Yorkshire", "Greater Manchester", "West Yorkshire",
                                                      "South Yorkshire"], "skill"),
        # the report's case studies, possessive; every case study 'in which' it appears, after a scene naming one of them
        ("We deliver Made Smarter work. Which of NP11's case studies reference the Made Smarter programme?",
         ["Greater Manchester", "South Yorkshire"], "made smarter"),
        ("It isn't only the Hull write-up. List every case study in which the word Humber appears, in whatever context.",
         ["Hull & East Yorkshire", "West Yorkshire", "Tees Valley"], "humber"),
        # a place asked about in several forms is what they mention, not two sides to compare
        ("Which case studies mention Manchester in any form - the city, Greater Manchester, or a Manchester university?",
         ["Liverpool City Region", "Cheshire & Warrington", "Greater Manchester", "Cumbria"], "manchester"),
        ("In which case studies does Manchester (the city, the university or GM) come up, counting GM's own?",
         ["Liverpool City Region", "Cheshire & Warrington", "Greater Manchester", "Cumbria"], "manchester"),
        ("The Humber gets a mention in which case studies? Don't just say Hull - check the others too.",
         ["Hull & East Yorkshire", "West Yorkshire", "Tees Valley"], "humber"),
        # the places a LEP steers to are no sides of a comparison, whatever 'each region' says after
        ("In which case studies does a Local Enterprise Partnership (LEP) get a mention? Check each region.",
         ["Liverpool City Region", "North East", "Hull & East Yorkshire", "Lancashire"], "l"),
        # how it is named is no part of the topic; an acronym beside its words, plural, is either
        ("Which case studies refer to a Local Enterprise Partnership (LEP) by name or abbreviation?",
         ["Liverpool City Region", "North East", "Hull & East Yorkshire", "Lancashire"], "l"),
        ("Which case studies talk about SMEs (small and medium-sized enterprises)?",
         ["Liverpool City Region", "North East", "Hull & East Yorkshire", "Greater Manchester", "South Yorkshire"], "sme"),
        # what the asker is mapping, said before 'which ones refer to it'
        ("I'm mapping where the AMRC shows up across the case studies. Which ones refer to it?",
         ["Lancashire", "South Yorkshire"], "amrc"),
        # a scene kept for the case study it steers to (a LEP) is no part of the topic
        ("LEP board question: which case-study areas have an Investment Zone mentioned in their write-up?",
         ["Liverpool City Region", "Greater Manchester", "West Yorkshire"], "investment zone"),
        # a note-taker's shorthand, the frame before or after the topic
        ("clusters mentioning AstraZeneca", ["Liverpool City Region", "Cheshire & Warrington"], "astrazeneca"),
        ("offshore wind which clusters", ["Hull & East Yorkshire", "Cumbria"], "offshore wind"),
        ("Which parts of the North in this report have anything to do with nuclear?", ["Cumbria", "South Yorkshire"], "nuclear"),
        # 'it' in the ask is what was said before it, never every case study
        ("My focus is offshore wind - which case studies mention it?", ["Hull & East Yorkshire", "Cumbria"], "offshore wind"),
        ("On the subject of Catapults, which clusters have one?", ["York & North Yorkshire", "South Yorkshire"], "catapult"),
        ("I care about hydrogen. Which clusters bring it up?", ["Hull & East Yorkshire", "Cumbria", "Tees Valley"], "hydrogen"),
        ("As an investor I watch AstraZeneca. Which regions mention the company?",
         ["Liverpool City Region", "Cheshire & Warrington"], "astrazeneca"),
        ("Re: Investment Zones - which areas have got one?",
         ["Liverpool City Region", "Greater Manchester", "West Yorkshire"], "investment zone"),
        # what the answer is for, set first and closed by a comma, is no part of the ask
        ("For a council skills strategy, could you tell me which of the case studies explicitly flag skills shortages, skills "
         "gaps or skills challenges in their cluster?",
         ["Hull & East Yorkshire", "Greater Manchester", "West Yorkshire", "South Yorkshire"], "skill"),
        # what the asker follows, after who they are, is what 'it' points back at
        ("As a climate scientist I'm tracking hydrogen: which clusters bring it up?",
         ["Hull & East Yorkshire", "Cumbria", "Tees Valley"], "hydrogen"),
        # being involved, said as an idiom, is no part of the topic
        ("Council planning officer here: which of the clusters have a Freeport in the picture?",
         ["Liverpool City Region", "Hull & East Yorkshire", "Tees Valley"], "freeport"),
        # 'activity' is what any cluster has ('where the region has prioritised its activities'): cyber is the topic
        ("For our VC's briefing on cyber security: which clusters mention cyber activity?",
         ["Lancashire", "Greater Manchester"], "cyber"),
        # asked politely, spoken to the assistant, or in the passive
        ("I wonder whether you might tell me which clusters refer to the Made Smarter programme?",
         ["Greater Manchester", "South Yorkshire"], "made smarter"),
        ("hey assistant which clusters in the report talk about an investment zone",
         ["Liverpool City Region", "Greater Manchester", "West Yorkshire"], "investment zone"),
        ("By which clusters is net zero described as a driver or goal?", ["Hull & East Yorkshire", "Cumbria", "Tees Valley"],
         "zero"),
        # who asks, then what they are interested in or would like to know
        ("As a food-manufacturing entrepreneur interested in the bioeconomy: which case studies talk about it?",
         ["York & North Yorkshire", "Tees Valley"], "bioeconomy"),
        ("As a council finance officer I'd like to know which clusters have an Investment Zone mentioned in their case study.",
         ["Liverpool City Region", "Greater Manchester", "West Yorkshire"], "investment zone"),
        # a common word alone after 'or' shares the qualifier: 'nuclear expertise', not any expertise (the North East's)
        ("I advise students keen on nuclear careers: which case studies mention nuclear assets or expertise?",
         ["Cumbria", "South Yorkshire"], "nuclear"),
        ("Which clusters mention nuclear expertise or facilities?", ["Cumbria", "South Yorkshire"], "nuclear"),  # not Hull's
        ("Which clusters mention offshore wind or nuclear?", ["Hull & East Yorkshire", "Cumbria", "South Yorkshire"], ""),
        # a letter's greeting and courtesy, who asks said before a dash, where the asker compares from
        ("Dear Sir or Madam, I should be interested to know which of the eleven clusters draw on the offshore wind industry.",
         ["Hull & East Yorkshire", "Cumbria"], "offshore wind"),
        ("safety manager question - which clusters mention hydrogen?", ["Hull & East Yorkshire", "Cumbria", "Tees Valley"],
         "hydrogen"),
        ("For comparison with Enterprise Ireland: which case studies mention Innovate UK funding or programmes?",
         ["Greater Manchester", "West Yorkshire", "York & North Yorkshire"], "innovate uk"),
        # an acronym with its name in full: either
        ("Which clusters mention the AMRC (Advanced Manufacturing Research Centre)?", ["Lancashire", "South Yorkshire"],
         "advanced manufacturing research"),
        # what capabilities are of is the topic: 'capabilities' alone is in the North East's and Cumbria's too
        ("Semiconductor/security supply-chain angle: which clusters mention cyber capabilities?",
         ["Lancashire", "Greater Manchester"], "cyber"),
        ("Which clusters have a nuclear element?", ["Cumbria", "South Yorkshire"], "nuclear"),  # an element of it: nuclear
        # who asks, said before a dash ('I lobby on energy policy - ...'), is no part of the topic
        ("I lobby on energy policy - which clusters talk about hydrogen?", ["Hull & East Yorkshire", "Cumbria", "Tees Valley"],
         "hydrogen"),
        # the asker's scene said after the question: a place there is who asks, not what the documents must name
        ("Which of the northern clusters talk about offshore wind? We have plenty of it in Scotland, so I'm curious.",
         ["Hull & East Yorkshire", "Cumbria"], "offshore wind"),
        # 'around' frames the topic, it is no word a sentence must hold ('focused on net zero')
        ("From a think-tank angle: which clusters frame their work around net zero?",
         ["Hull & East Yorkshire", "Cumbria", "Tees Valley"], "net"),
        # nor 'towards' nor 'tied to', and ambitions are of net zero: 'net-zero cluster' says it
        ("Which clusters are working towards net zero, according to their case studies?",
         ["Hull & East Yorkshire", "Cumbria", "Tees Valley"], "net"),
        ("Which of the clusters are tied to net zero ambitions?", ["Hull & East Yorkshire", "Cumbria", "Tees Valley"], "net"),
        # who asks, said as 'As someone who ..., I'd like to know'; 'identify the case studies in which'; how it comes up
        ("As someone who worked in Sheffield steel, I'd like to know which clusters the Advanced Manufacturing Research "
         "Centre is linked to.", ["Lancashire", "South Yorkshire"], "advanced manufacturing research"),
        ("Could you please identify the case studies in which offshore wind is explicitly discussed as an opportunity?",
         ["Hull & East Yorkshire", "Cumbria"], "offshore wind"),
        # what the report says, then which of the case studies: the case studies that say it
        ("What does the report say about nuclear across the case studies — which clusters involve it?",
         ["Cumbria", "South Yorkshire"], "nuclear"),
        # words the documents join are said together: not Cumbria's 'places' and 'based'; 'it' is what the asker looks at
        ("Which case studies mention place-based funding?",
         ["Cheshire & Warrington", "West Yorkshire", "York & North Yorkshire"], "place-based"),
        ("I'm at the parliamentary library looking at place-based funding: which case studies discuss access to it?",
         ["Cheshire & Warrington", "West Yorkshire", "York & North Yorkshire"], "place-based"),
        # a claim, then which clusters mention 'it': what the claim is about, wherever it shows up
        ("AstraZeneca only shows up in the Cheshire story, right? Which clusters actually mention it?",
         ["Liverpool City Region", "Cheshire & Warrington"], "astrazeneca"),
        # asked to specify which, of 'case-study areas'; 'associated with' and 'feeding into' frame the topic
        ("Could you specify which case-study areas are associated with an Investment Zone?",
         ["Liverpool City Region", "Greater Manchester", "West Yorkshire"], "investment zone"),
        ("As a port operations manager: which of the clusters have a Freeport feeding into them?",
         ["Liverpool City Region", "Hull & East Yorkshire", "Tees Valley"], "freeport"),
        # who asks, as a team, and what they would like to know; where something has 'shown up'
        ("As Sheffield's inward-investment team, we'd like to know which case studies mention the AMRC.",
         ["Lancashire", "South Yorkshire"], "amrc"),
        ("Where in the North has Innovate UK money or programmes shown up, according to the case studies?",
         ["Greater Manchester", "West Yorkshire", "York & North Yorkshire"], "innovate uk"),
        # who asks, as a role with a dash or a clause before 'I'd like to know'
        ("As a process engineer I've worked with the AMRC - which case studies mention the Advanced Manufacturing Research "
         "Centre?", ["Lancashire", "South Yorkshire"], "advanced manufacturing research centre"),
        ("Working in clinical trials, I'd like to know which clusters mention AstraZeneca.",
         ["Liverpool City Region", "Cheshire & Warrington"], "astrazeneca"),
        # cyber security is cyber: Greater Manchester's 'North West Cyber Corridor' too
        ("Comparing with Belfast's cyber scene: which northern English clusters have a cyber security element?",
         ["Lancashire", "Greater Manchester"], "cyber"),
        ("As a Fraunhofer researcher studying funding instruments, I should like to know which case studies cite UKRI "
         "funding schemes.", ["Liverpool City Region", "Hull & East Yorkshire"], "ukri"),
        # referring to a sector is mentioning it, not being about it
        ("Which clusters refer to the defence sector?", ["Lancashire", "South Yorkshire"], "defence"),
        # 'as a problem' says how they are raised, not what: skills shortages or gaps, South Yorkshire's too
        ("Which cluster case studies raise skills shortages or skills gaps as a problem?",
         ["Hull & East Yorkshire", "Greater Manchester", "West Yorkshire", "South Yorkshire"], "skills"),
        # 'a specific university by name': a university named, not universities in general
        ("Which case studies name a specific university by name (rather than just 'universities' in general)?",
         ["North East", "Lancashire", "Cheshire & Warrington", "Cumbria", "York & North Yorkshire"], "university"),
    ],
)
def test_aggregates_list_just_the_clusters_the_text_supports(
    assistant: Assistant, question: str, regions: list[str], word: str
) -> None:
    answer = assistant.ask(question)
    assert answer.route == "aggregate" and not answer.abstained
    listed = [re.match(r"- \*\*(.+?)\*\*", line).group(1) for line in _lines(answer)]  # type: ignore[union-attr]
    assert listed == regions
    assert f"{len(regions)} of the 11 case studies" in answer.answer
    by_n = {c.n: c for c in answer.citations}
    for line in _lines(answer):
        (n,) = _cited(line, answer)
        assert word in normalise(by_n[n].quote)
    _assert_every_citation_is_verbatim(answer)


def test_where_questions_also_search_beyond_the_case_studies_and_give_the_money(assistant: Assistant) -> None:
    answer = assistant.ask("Where are Investment Zones mentioned and with how much funding?")
    for expected in ["Liverpool City Region", "£160 million", "Greater Manchester", "West Yorkshire", "£80m"]:
        assert expected in answer.answer
    assert "Elsewhere in the documents" in answer.answer and "Combine different types of policy support" in answer.answer
    assert "North East" not in answer.answer


def test_an_aggregate_nothing_supports_says_so(assistant: Assistant) -> None:
    answer = assistant.ask("Which clusters mention blockchain?")
    assert answer.abstained and answer.route == "aggregate" and "None of the 11 case studies" in answer.answer
    assert not answer.citations


def test_names_the_documents_never_use_are_not_aggregated(assistant: Assistant) -> None:
    answer = assistant.ask("Which clusters in Scotland mention hydrogen?")
    assert answer.abstained and "Scotland" in answer.answer


def test_names_of_a_kind_are_collected_across_the_publication(assistant: Assistant) -> None:
    answer = assistant.ask("Which universities are named in the case studies?")
    for name in ["Northumbria University", "Lancaster University", "University of Liverpool", "University of York"]:
        assert name in answer.answer
    _assert_every_citation_is_verbatim(answer)


def test_a_theme_named_by_some_of_its_title_words_is_summarised(assistant: Assistant) -> None:
    question = "Walk me through the cross-cutting theme about sector boundaries and why it matters for innovation."
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == "summary" and route.section.endswith("Magic happens at the boundaries between sectors")
    answer = assistant.ask(question)
    assert "knowledge recombination" in answer.answer
    _assert_every_citation_is_verbatim(answer)


def test_a_case_studys_sub_section_named_by_its_title_is_summarised_alone(assistant: Assistant) -> None:
    answer = assistant.ask("Give me the gist of the 'Impact of cluster approach' part of the Hull & East Yorkshire case.")
    assert answer.route == "summary" and answer.answer.startswith("Hull & East Yorkshire: Impact of cluster approach")
    assert all(c.section.endswith("Hull & East Yorkshire: Net Zero › Impact of cluster approach") for c in answer.citations)
    _assert_every_citation_is_verbatim(answer)


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("What are the essentials of the skills theme?", "Skills gaps remain one of the most common challenges"),
        ("Boil down the cross-cutting theme on funding.", "Funding and finance challenges come in a variety of forms"),
        ("What does the recommendation on devolution argue?",
         "Clusters and innovation policy should be better linked into devolution policy"),
        ("Walk me through the cross-cutting theme about sector boundaries.", "Magic happens at the boundaries between sectors"),
    ],
)
def test_one_theme_or_recommendation_named_by_one_word_of_its_title(assistant: Assistant, question: str, title: str) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == "summary" and route.section.endswith(title)


@pytest.mark.parametrize(
    "question",
    [
        "In a few bullets, how has Cumbria's clean energy landscape evolved?",
        "Can you give me a short account of how the Cumbria cluster developed?",  # its growth is its Evolution
    ],
)
def test_a_sub_section_named_by_another_form_of_its_title_is_summarised_alone(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.route == "summary" and answer.answer.startswith("Cumbria: Evolution")
    assert all(c.section.endswith("Cumbria: Clean Energy › Evolution") for c in answer.citations)


def test_a_case_study_topic_held_by_few_sentences_gets_the_case_summary_after_them(assistant: Assistant) -> None:
    # so many asks in so few words match one sentence or two: those first, then the case study's central points
    answer = assistant.ask("West Yorkshire AI: what's gone well and how is it funded? Quick overview.")
    assert answer.route == "summary" and "in brief:" in answer.answer.splitlines()[0]
    assert len(_lines(answer)) >= 3 and "£80m" in _lines(answer)[0]
    _assert_every_citation_is_verbatim(answer)


def test_a_case_study_summary_also_names_what_its_points_leave_out(assistant: Assistant) -> None:
    answer = assistant.ask("Summarise the Liverpool City Region case study.")
    also = next(line for line in answer.answer.splitlines() if line.startswith("Also named: "))
    assert "Liverpool Freeport [" in also and "SciTech Daresbury [" in also
    assert also.count("HPO") == 1 and "High Potential Opportunity (HPO) [" in also  # not a second entry of its own
    points = " ".join(_lines(answer))
    for name in re.findall(r"([A-Z][\w& ]+?) \[\d+\]", also):
        assert name not in points  # only what the points leave out
    for n in map(int, re.findall(r"\[(\d+)\]", also)):
        quote = answer.citations[n - 1].quote
        assert any(name in quote for name in re.findall(rf"([A-Z][\w& ]+?) \[{n}\]", also))
    _assert_every_citation_is_verbatim(answer)


def test_a_section_summary_also_names_what_its_points_leave_out(assistant: Assistant) -> None:
    answer = assistant.ask("What does the introduction cover?")
    also = next(line for line in answer.answer.splitlines() if line.startswith("Also named: "))
    # who has been supporting clusters, left out of the points (who did the analysis is one of them)
    assert "Local Enterprise Partnerships [" in also and "Cambridge Econometrics" not in also
    assert "Cambridge Econometrics" in answer.answer
    _assert_every_citation_is_verbatim(answer)


def test_a_whole_comparison_also_names_what_each_sides_cells_leave_out(assistant: Assistant) -> None:
    answer = assistant.ask("Compare Cumbria's clean energy cluster with the Hull & East Yorkshire net zero cluster.")
    row = next(line for line in answer.answer.splitlines() if line.startswith("| Also named |"))
    cumbria, hull = row.split("|")[2:4]
    assert "Calder Hall [" in cumbria and "Cumbria Clean Energy Plan [" in cumbria and "Career Hub [" in hull
    assert "Both" not in row  # 'Both Humber-based LEPs' starts a sentence; it is no name
    _assert_every_citation_is_verbatim(answer)


def test_a_comparison_on_a_topic_also_names_what_its_cells_leave_out(assistant: Assistant) -> None:
    # the topic's words are not the names': 'major national cyber institutions' -> GCHQ, in a cell or else named after
    answer = assistant.ask("Compare the major national cyber or security institutions in Lancashire and Greater Manchester.")
    assert answer.route == "compare"
    greater_manchester = " ".join(line.split("|")[3] for line in answer.answer.splitlines() if line.startswith("| "))
    assert "GCHQ" in greater_manchester
    _assert_every_citation_is_verbatim(answer)


def test_a_side_that_never_uses_the_topics_words_gives_its_closest_sentence(assistant: Assistant) -> None:
    answer = assistant.ask("South Yorkshire metals versus Tees Valley chemicals: what of skills and the workforce?")
    row = next(line for line in answer.answer.splitlines() if line.lower().startswith("| skills"))
    south_yorkshire = row.split("|")[2]  # says 'skills gaps' but never 'workforce': no match on the topic's words
    assert "not stated" not in south_yorkshire and "skills gaps" in south_yorkshire and re.search(r"\[\d+\]", south_yorkshire)


def test_a_sub_section_named_by_most_of_its_title_is_summarised_alone(assistant: Assistant) -> None:
    answer = assistant.ask("Summarise how the cluster approach has played out in South Yorkshire's metals sector.")
    assert answer.route == "summary" and answer.answer.startswith("South Yorkshire: Impact of cluster approach")


def test_a_comparison_has_only_the_places_named_as_its_sides(assistant: Assistant) -> None:
    # 'net zero' is Hull's sector, but here it is what Tees Valley and Cumbria are compared on
    question = "Tees Valley and Cumbria both have hydrogen. How does each case describe its hydrogen and net zero position?"
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == "compare" and route.regions == ("Tees Valley", "Cumbria")


def test_names_joined_by_and_are_each_a_topic(assistant: Assistant) -> None:
    question = "Summarise what the report says about Freeports and Investment Zones."
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == "summary" and route.topic == "Freeports or Investment Zones"
    answer = assistant.ask(question)
    quotes = " ".join(c.quote for c in answer.citations)
    assert answer.route == "summary" and "freeport" in quotes.lower() and "investment zone" in quotes.lower()
    _assert_every_citation_is_verbatim(answer)
    # but not inside one name, and not when the names are the sides of a comparison
    assert route_question("What does the Department of Health and Social Care fund?", assistant.retriever.steer,
                          assistant.outline).kind == "fact"
    made_smarter = "How is the Made Smarter programme used differently in Greater Manchester and South Yorkshire?"
    topic = route_question(made_smarter, assistant.retriever.steer, assistant.outline).topic
    assert topic.startswith("Made Smarter") and "or" not in topic.split()


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # qualifiers and examples outside brackets
        ("Which case studies name a specific university, rather than just referring to universities in general?", "university"),
        ("Which case studies refer to the year 2023, whether for an event, an announcement or a dated source?", "year 2023"),
        ("Which case studies mention hydrogen in some form?", "hydrogen"),
        ("Which case studies mention skills, such as skills gaps or digital skills?", "skills or skills gaps or digital skills"),
        ("Which clusters mention ports, such as a Freeport?", "ports or Freeport"),
        ("Several areas describe themselves as part of a 'corridor'. Which case studies do that?", "corridor"),  # quoted
        # a place set aside is no topic; a place the case studies are asked to mention is
        ("Does any case study besides Tees Valley mention hydrogen?", "hydrogen"),  # the one set aside is no topic
        ("Chemicals or chemical engineering: which case studies mention them, not just the Tees one?",
         "chemicals or chemical engineering"),
        # a place can be what the case studies mention
        ("Setting aside Greater Manchester's own case study, which case studies refer to Manchester or Greater Manchester?",
         "Manchester or Greater Manchester"),
        ("Which clusters have a Freeport, and which an Investment Zone?", "Freeport or Investment Zone"),
        # framing words and phrases
        ("Which case studies express a figure in terms of GVA?", "GVA"),
        ("In which case studies do grants, as distinct from other kinds of funding, come up?", "grants"),
        ("Doing a keyword sweep: which case studies use the words 'sustainable' or 'sustainability'?",
         "sustainable or sustainability"),
        ("Which case studies explicitly talk about multinationals, using that word?", "multinationals"),
        ("Which case studies point to computing (advanced computing, computing expertise and the like) as a strength?",
         "computing or advanced computing or computing expertise"),
        ("Which case studies name a Freeport (existing or planned)?", "Freeport"),  # a status, not a second topic
        # a preamble before the question is no part of its topic
        ("Space has its own case study, but which case studies in total mention space?", "space"),
        ("Leaving the chapter titles aside, which case studies mention AI in their text?", "AI"),
        ("I invest in hydrogen. Which of the profiled clusters mention hydrogen at all?", "hydrogen"),  # a statement first
        ("VC due diligence: which of the case studies cite Innovate UK as a funder or partner?", "Innovate UK funder or partner"),
        ("Hydrogen: which of the eleven clusters bring it into their story?", "hydrogen"),  # ...saying what, when it does
        # the statement first, then 'Which ones?'; a quoted word is the topic; so is the name they are called by
        ("Some case studies describe the cluster as built on a 'legacy'. Which ones?", "legacy"),
        ("Which case studies name a body with 'Council' in its title?", "Council"),
        ("Small and medium-sized firms: which case studies refer to them as SMEs?", "SMEs"),
        ("Which case studies name a Local Enterprise Partnership (a LEP)?", "Local Enterprise Partnership or LEP"),
        ("Which case studies trace the cluster back to decades of investment?", "decades investment"),
        # 'of any kind (physical, digital)' are kinds of it, not other topics
        ("Infrastructure of any kind (physical, digital, research): which case studies bring it up?", "infrastructure"),
        # the role it is described in is how it comes up, not another topic; with nothing before it, it is the topic
        ("By which clusters is net zero described as a driver or goal?", "net zero"),
        ("Which clusters are described as emerging?", "emerging"),
    ],
)
def test_aggregate_topics_without_their_framing(assistant: Assistant, question: str, topic: str) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == "aggregate" and route.topic == topic


def test_a_two_word_term_the_documents_use_needs_both_words(assistant: Assistant) -> None:
    answer = assistant.ask("Where in the case studies does advanced manufacturing come up?")
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    # Cumbria's 'advanced modular reactors' and Hull's 'most advanced net zero' clusters are not it
    assert answer.route == "aggregate" and "North East" in listed and not {"Cumbria", "Hull & East Yorkshire"} & set(listed)
    # three words too: Hull's 'greenhouse gas reduction' in 'industries' is not the offshore gas industry
    answer = assistant.ask("Which case studies involve the offshore gas industry?")
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert answer.route == "aggregate" and "Cumbria" in listed and "Hull & East Yorkshire" not in listed
    # but a word of the same meaning will do: West Yorkshire's 'this gap' in digital skills is a skills shortage
    answer = assistant.ask("Which clusters mention skills shortages?")
    assert "West Yorkshire" in re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)


def test_an_aggregate_asking_for_a_figure_lists_the_sentences_that_give_one(assistant: Assistant) -> None:
    question = "Which case studies put a number on how many firms or organisations the cluster contains?"
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == "aggregate" and route.topic == "firms or organisations"
    answer = assistant.ask(question)
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert {"North East", "South Yorkshire", "Cheshire & Warrington"} <= set(listed)
    assert "Liverpool City Region" in listed  # 'nearly 200 SMEs' counts firms
    assert "Greater Manchester" not in listed  # '78% of local firms' is a share, not a count
    assert all(re.search(r"\d", c.quote) for c in answer.citations)
    how_many = route_question("How many of the case studies mention hydrogen, and which ones?", assistant.retriever.steer,
                              assistant.outline)
    assert how_many.topic == "hydrogen"


def test_the_main_sections_are_listed_in_order_with_their_pages(assistant: Assistant) -> None:
    answer = assistant.ask("What are the main sections of the publication, as listed in its contents?")
    titles = re.findall(r"^- \*\*(.+?)\*\* \((pp?\. [\d–]+)\)", answer.answer, re.M)
    assert answer.route == "list" and [t for t, _ in titles] == [
        "Introduction", "What is a regional innovation cluster and why are they important?",
        "Observations and implications for cluster policy", "Innovation Cluster Case Studies in the North",
        "Cross-cutting themes", "Recommendations",
    ]
    assert dict(titles)["Recommendations"] == "pp. 22–23"
    _assert_every_citation_is_verbatim(answer)


def test_the_parts_every_case_study_has_are_listed(assistant: Assistant) -> None:
    answer = assistant.ask("Which two headings is every case study split into?")
    assert answer.route == "list"
    assert re.findall(r"^- \*\*(.+?)\*\* \(every case study", answer.answer, re.M) == ["Evolution", "Impact of cluster approach"]
    assert [c.section.rsplit(" › ", 1)[-1] for c in answer.citations] == ["Evolution", "Impact of cluster approach"]
    # a question about the parts of one case study is not this list
    one = route_question("Which sections of the York case study discuss funding?", assistant.retriever.steer, assistant.outline)
    assert one.kind == "fact"


def test_who_the_answer_is_for_is_no_name_the_documents_lack(assistant: Assistant) -> None:
    # 'Scottish' is never in the documents; it says who reads the summary, not what it is about
    answer = assistant.ask("How would you sum up the York & North Yorkshire case study for a Scottish colleague?")
    assert answer.route == "summary" and not answer.abstained and "BioYorkshire" in answer.answer
    # ...nor is 'trainee' a topic: the introduction itself is summarised
    answer = assistant.ask("What's the introduction about? Brief overview for a new trainee.")
    assert answer.answer.startswith("Introduction (p. 3), in brief:")
    for needle in ("Innovation Strategy (2021)", "eleven case studies", "Cambridge Econometrics"):
        assert needle in answer.answer


def test_a_scene_set_before_a_colon_does_not_route_the_question(assistant: Assistant) -> None:
    question = "I'm building a one-slide summary: what are the bolded points opening each bullet of the Recommendations section?"
    answer = assistant.ask(question)
    assert answer.route == "list" and answer.answer.startswith("Recommendations (9 items")


@pytest.mark.parametrize(
    ("question", "rest"),
    [  # who asks, said first with a hyphenated word or by a lender's or a fellow's role: no part of the topic
        ("Think-tank question: summarise the report's argument on funding problems for clusters.",
         "summarise the report's argument on funding problems for clusters."),
        ("Venture-debt lender: which case-study clusters have an Investment Zone mentioned?",
         "which case-study clusters have an Investment Zone mentioned?"),
    ],
)
def test_who_asks_is_set_aside_as_the_scene(assistant: Assistant, question: str, rest: str) -> None:
    assert without_scene(question) == rest
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert not {"tank", "lender", "venture", "debt"} & set(route.topic.lower().replace("-", " ").split()), route


def test_a_timeline_lists_the_dated_sentences_in_order_within_the_span_asked(assistant: Assistant) -> None:
    answer = assistant.ask("Build me a timeline of the milestones from 2010 onwards that the case studies mention.")
    years = [int(y[:4]) for y in re.findall(r"^- \*\*(\d{4}s?)\*\*", answer.answer, re.M)]
    assert answer.route == "list" and years == sorted(years) and min(years) >= 2010 and {2013, 2014, 2020, 2021} <= set(years)
    assert all(c.cluster for c in answer.citations)  # the case studies only
    older = assistant.ask("Which pre-2000 dates or periods does the report cite?")
    assert re.findall(r"^- \*\*(\d{4}s?)\*\*", older.answer, re.M)[:2] == ["1820s", "1956"]
    # '(Northern Powerhouse 2019)' names a source: it dates nothing
    assert not re.search(r"^- \*\*2019\*\*", assistant.ask("Give me a timeline of the documents' dates.").answer, re.M)
    _assert_every_citation_is_verbatim(answer)
    one = assistant.ask("Give me a timeline for the Liverpool City Region case.")
    assert one.answer.startswith("Dated events in the Liverpool City Region case study")
    assert {c.cluster for c in one.citations} == {"Infection Prevention and Control"}


def test_aggregates_asking_for_a_kind_of_figure(assistant: Assistant) -> None:
    answer = assistant.ask("Which case studies quote at least one percentage figure?")
    assert answer.answer.startswith("5 of the 11 case studies give a percentage:")
    assert all(re.search(r"\d\s?%", c.quote) for c in answer.citations)
    answer = assistant.ask("Which case studies give a specific year, decade or century from before 2000?")
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert {"Tees Valley", "Cumbria", "Hull & East Yorkshire"} <= set(listed)  # 1820s, 1956, 1967
    assert "Liverpool City Region" not in listed  # its years are all after 2000


def test_a_list_of_the_sums_of_money_gives_each_sentence_with_its_amounts(assistant: Assistant) -> None:
    answer = assistant.ask("List each sum of public money mentioned in the case studies with what it was for.")
    assert answer.route == "list" and "**£160 million**" in answer.answer and "£7.5m" in answer.answer
    assert all(c.cluster and re.search(r"£\s?\d", c.quote) for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "regions", "topic"),
    [
        ("What does the publication say, across cases and recommendations, about devolution?", (), "devolution"),
        ("Skills across the whole report: what does NP11 find?", (), "skills"),
        ("What explains the Liverpool City Region's success? Draw on the whole case.", ("Liverpool City Region",), "success"),
        ("What's the big picture on skills across the North?", (), "skills"),
        # a scene that names the case study is kept
        ("I'm new to the North East space cluster - what are the main points NP11 makes about it?", ("North East",), ""),
        # how the report treats a topic, and its picture of it, ask what it says about it
        ("How is devolution treated across the report?", (), "devolution"),
        ("Also, summarise the report's picture of skills across the clusters.", (), "skills"),
        # who asks, by role before a colon or as 'As a …,' before the ask, is no topic
        ("Apprenticeship levy adviser: give me the gist of what the report says about skills across the clusters.", (), "skills"),
        ("As a social-enterprise founder, give me the gist of what the report says about funding problems for clusters.", (),
         "funding"),
    ],
)
def test_a_summarys_case_study_and_topic_leave_out_scope_and_scene(
    assistant: Assistant, question: str, regions: tuple[str, ...], topic: str
) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.regions, route.topic) == ("summary", regions, topic)


def test_an_aggregate_word_said_in_other_words_everywhere_is_not_the_telling_one(assistant: Assistant) -> None:
    # 'money' is said as 'funding' in every case study: 'seed' tells them apart
    answer = assistant.ask("Which case studies mention money used to seed something?")
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert set(listed) == {"Liverpool City Region", "North East"}  # 'seeded with £160 million', 'seed funding'
    assert "Cheshire & Warrington" not in answer.answer  # 'the money to discover' seeds nothing


def test_a_named_kind_of_thing_needs_its_name_not_the_word(assistant: Assistant) -> None:
    answer = assistant.ask("Which case studies refer to a specific named plan?")
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert {"Hull & East Yorkshire", "Lancashire", "Cumbria", "York & North Yorkshire"} <= set(listed)
    assert all(re.search(r"[A-Z]\w* Plan\b", c.quote) for c in answer.citations)  # 'BioYorkshire plans to create' is none


def test_a_case_study_summary_lists_the_figures_its_points_leave_out(assistant: Assistant) -> None:
    answer = assistant.ask("Summarise the York and North Yorkshire case study.")
    line = next(line for line in answer.answer.splitlines() if line.startswith("In figures: "))
    assert "an estimated investment ask of £171 million" in line
    by_n = {c.n: c for c in answer.citations}
    for text, n in re.findall(r"([^;]+?) \[(\d+)\]", line.removeprefix("In figures: ")):
        assert normalise(text) in normalise(by_n[int(n)].quote)  # each figure in the words of the sentence it cites
    points = [line for line in answer.answer.splitlines() if line.startswith("- ")]
    assert not any("£171 million" in point for point in points)  # not repeated from the points


def test_facets_listed_after_a_case_study_are_each_a_topic(assistant: Assistant) -> None:
    question = "I need a short note on West Yorkshire's AI and healthtech cluster - growth, skills and funding."
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.regions, route.topic) == ("summary", ("West Yorkshire",), "growth or skills or funding")


@pytest.mark.parametrize(
    ("question", "held_back"),
    [
        ("Tell me about the Greater Manchester AI cluster", "skills gaps"),  # 'are perennial barriers'
        ("Summarise the Cumbria case study", "regulatory and developmental uncertainty"),
    ],
)
def test_a_case_study_summary_says_what_holds_the_cluster_back(assistant: Assistant, question: str, held_back: str) -> None:
    answer = assistant.ask(question)
    points = [line for line in answer.answer.splitlines() if line.startswith("- ")]
    assert len(points) <= 6 and any(held_back in point for point in points)


def test_funding_pots_with_their_amounts_are_the_sums_of_money(assistant: Assistant) -> None:
    question = "Pull together all the funding pots with amounts that the West Yorkshire case mentions."
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.group, route.regions) == ("list", "sums", ("West Yorkshire",))


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("I've got five minutes with the minister - what does the report want on funding?", "funding"),
        ("What is the report recommending on skills?", "skills"),
        ("What does NP11 recommend for future cluster policy?", ""),  # all of them
    ],
)
def test_what_the_report_wants_on_a_topic_is_its_recommendations_on_it(assistant: Assistant, question: str, topic: str) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.group, route.topic) == ("list", "Recommendations", topic)


def test_everything_the_report_says_about_a_name_is_read_across_it(assistant: Assistant) -> None:
    # 'Made Smarter' steers to one case study, but the report names it in two
    answer = assistant.ask("Tell me everything the report says about Made Smarter.")
    assert answer.route == "summary" and {c.cluster for c in answer.citations} >= {
        "Artificial Intelligence/Digital", "Metals and Metallurgy"}


def test_what_the_report_asks_government_to_do_is_its_recommendations(assistant: Assistant) -> None:
    route = route_question("For a one-pager, boil down what NP11 is asking national policymakers to do.",
                           assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.group, route.topic) == ("list", "Recommendations", "")


def test_every_statistic_about_a_topic_gives_each_case_studys_figure(assistant: Assistant) -> None:
    answer = assistant.ask("Pull out every statistic about people employed.")
    assert answer.route == "aggregate" and "1,365 people" in answer.answer and "27,000 people" in answer.answer
    assert all(re.search(r"\d", c.quote) for c in answer.citations)  # a figure, not a mention of employment
    assert "Cumbria" not in answer.answer


def test_items_listed_with_commas_and_or_are_alternatives(assistant: Assistant) -> None:
    question = "Which case studies mention Freeports, Investment Zones or Launchpads?"
    topic = route_question(question, assistant.retriever.steer, assistant.outline).topic
    assert topic == "Freeports or Investment Zones or Launchpads"


def test_the_opening_of_a_case_study_is_summarised_alone(assistant: Assistant) -> None:
    answer = assistant.ask("Summarise the opening of the Liverpool City Region case, before it gets to 'Evolution'.")
    assert answer.route == "summary" and "£160 million" in answer.answer
    assert all(c.section.endswith("Liverpool City Region: Infection Prevention and Control") for c in answer.citations)


def test_names_of_a_kind_within_two_named_case_studies(assistant: Assistant) -> None:
    question = "Which big defence and aerospace companies are named across the North East space and Lancashire cyber cases?"
    answer = assistant.ask(question)
    names = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert answer.route == "aggregate" and {"Lockheed Martin", "BAE Systems"} <= set(names)
    assert {c.cluster for c in answer.citations} == {"Space", "Cyber-Physical Defence and Security"}


def test_another_name_for_a_region_steers_to_it(assistant: Assistant) -> None:
    answer = assistant.ask("For a visit to Merseyside: which pharmaceutical multinationals have manufacturing operations there?")
    assert not answer.abstained and "AstraZeneca" in answer.answer and answer.steered_to == ("Liverpool City Region",)


def test_a_case_study_set_aside_is_listed_after_the_others(assistant: Assistant) -> None:
    answer = assistant.ask("Does any case study besides Tees Valley mention hydrogen?")
    others, _, aside = answer.answer.partition("set aside")
    listed = re.findall(r"^- \*\*(.+?)\*\*", others, re.M)
    assert "of the 10 other case studies" in answer.answer and "Tees Valley" not in listed
    assert {"Hull & East Yorkshire", "Cumbria"} <= set(listed)
    assert re.findall(r"^- \*\*(.+?)\*\*", aside, re.M) == ["Tees Valley"]  # its own mention, after the rest
    # 'is X mentioned anywhere besides Y': the others, then Y's own
    answer = assistant.ask("Is Made Smarter mentioned anywhere besides Greater Manchester?")
    others, _, aside = answer.answer.partition("set aside")
    assert answer.route == "aggregate" and "South Yorkshire" in others and "Greater Manchester" in aside
    # 'not just the Tees one' asks for it and the others
    answer = assistant.ask("Chemicals or chemical engineering: which case studies mention them, not just the Tees one?")
    assert "Tees Valley" in re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M) and "of the 11 case studies" in answer.answer


def test_that_idea_points_back_at_the_word_quoted(assistant: Assistant) -> None:
    answer = assistant.ask("A few places seem to describe themselves as a 'corridor'. Which clusters use that idea?")
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert answer.route == "aggregate" and "Cumbria" not in listed
    assert {"Lancashire", "Cheshire & Warrington", "Greater Manchester"} <= set(listed)


def test_a_topic_set_out_before_the_question_is_aggregated(assistant: Assistant) -> None:
    answer = assistant.ask("Several areas describe themselves as part of a 'corridor'. Which case studies do that?")
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert answer.route == "aggregate" and {"Lancashire", "Cheshire & Warrington", "Greater Manchester"} <= set(listed)
    assert all("orridor" in c.quote for c in answer.citations)


def test_a_contrast_in_brackets_is_not_the_topic_and_emerging_is(assistant: Assistant) -> None:
    question = "Pull together what the publication says about emerging (as opposed to established) clusters and why they matter."
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == "summary" and route.topic == "emerging"


def test_a_case_summary_with_words_it_has_no_topic_for_is_the_case_summary(assistant: Assistant) -> None:
    answer = assistant.ask("Summarise the second page of the Greater Manchester case - how it has worked and what holds it back.")
    assert answer.route == "summary" and answer.answer.startswith("The Greater Manchester")
    _assert_every_citation_is_verbatim(answer)


def test_examples_in_brackets_are_other_ways_of_saying_the_topic(assistant: Assistant) -> None:
    question = "Which case studies use the word digital (digital skills, digitalisation, digital economy and so on)?"
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == "aggregate" and route.topic == "digital or digital skills or digitalisation or digital economy"
    answer = assistant.ask(question)
    assert "**Greater Manchester**" in answer.answer and "**Hull & East Yorkshire**" not in answer.answer  # not 'skills'


def test_an_example_that_only_adds_words_to_the_topic_is_no_other_topic() -> None:
    from clusterqa.overview import _alternatives

    assert _alternatives("engineering or engineering skills or research engineers") == ["engineering"]
    assert _alternatives("skills shortages or skills gaps") == ["skills shortages", "skills gaps"]


def test_an_acronym_written_out_is_matched_as_a_phrase(assistant: Assistant) -> None:
    answer = assistant.ask("Which case studies mention R&D or research and development, whether abbreviated or spelled out?")
    assert "**Cheshire & Warrington**" in answer.answer  # "AstraZeneca's R&D operations"
    assert "**Tees Valley**" not in answer.answer  # "development of research and business support" is not R&D
    _assert_every_citation_is_verbatim(answer)


def test_the_names_in_one_case_study_are_listed_from_it_alone(assistant: Assistant) -> None:
    question = "List the companies, universities and centres that feature in Lancashire's cyber-physical defence cluster."
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == "aggregate" and route.regions == ("Lancashire",)
    answer = assistant.ask(question)
    for name in ["BAE Systems", "Lancaster University", "Lancashire Enterprise Council", "Cyber Security Research Centre"]:
        assert f"**{name}**" in answer.answer
    assert "**R&D**" not in answer.answer and "**BAE Systems'**" not in answer.answer  # no everyday acronym, no possessive
    assert all(c.page == 10 for c in answer.citations)  # the Lancashire case study only
    _assert_every_citation_is_verbatim(answer)
    one = route_question("Which company in Tees Valley runs Wilton?", assistant.retriever.steer, assistant.outline)
    assert one.kind == "fact"  # one company asked for


def test_a_name_with_of_or_for_keeps_its_and_and_a_plural_is_no_name(assistant: Assistant) -> None:
    answer = assistant.ask("Which government departments are named anywhere in the report?")
    assert "**Department for Science, Innovation and Technology**" in answer.answer
    assert "**Department of Health and Social Care**" in answer.answer
    assert "Government Departments" not in answer.answer  # a plural of the kind is a mention, not a name
    _assert_every_citation_is_verbatim(answer)


def test_names_in_splits_a_list_but_not_a_name_with_of() -> None:
    assert names_in("with Lancaster University and UCLan") == ["Lancaster University", "UCLan"]
    assert names_in("the Department of Health and Social Care") == ["Department of Health and Social Care"]


def test_a_comparison_is_a_table_with_the_same_facets_for_each_side(assistant: Assistant) -> None:
    answer = assistant.ask("Compare the North East space cluster with the Lancashire cyber cluster")
    assert answer.route == "compare" and set(answer.steered_to) == {"North East", "Lancashire"}
    rows = [line for line in answer.answer.splitlines() if line.startswith("| ")]
    assert "North East: Space" in rows[0] and "Lancashire: Cyber-Physical Defence and Security" in rows[0]
    by_n = {c.n: c for c in answer.citations}
    # each side's title is cited where it heads its case study: its opening, on its own first page
    cited = dict(re.findall(r"\*\*([^*]+)\*\* \(pp?\. [\d–]+\) \[(\d+)\]", rows[0]))
    for title, page in [("North East: Space", 8), ("Lancashire: Cyber-Physical Defence and Security", 10)]:
        assert by_n[int(cited[title])].section.endswith(title) and by_n[int(cited[title])].page == page
    assert len(re.findall(r"\[(\d+)\]", rows[0])) == 2
    facets = [row.split("|")[1].strip() for row in rows[1:]]
    assert {"Focus", "Scale"} <= set(facets)
    scale = next(row for row in rows if row.startswith("| Scale"))
    assert "54 organisations" in scale and "£5 billion" in scale
    for row in rows[1:-1]:
        for cell in row.split("|")[2:-1]:
            for n in re.findall(r"\[(\d+)\]", cell):
                assert normalise(by_n[int(n)].quote.replace("|", "\\|")) in normalise(cell)
    assert rows[-1].startswith("| Also named |")  # each name there is in the sentence it cites
    for name, n in re.findall(r"([^,|]+?) \[(\d+)\]", rows[-1]):
        assert name.strip() in by_n[int(n)].quote
    _assert_every_citation_is_verbatim(answer)


def test_a_comparison_on_a_topic_leads_with_that_topic(assistant: Assistant) -> None:
    answer = assistant.ask("How do Tees Valley and Hull differ on net zero?")
    first = [line for line in answer.answer.splitlines() if line.startswith("| ")][1]
    assert first.startswith("| Net zero")
    cells = first.split("|")[2:-1]
    assert len(cells) == 2 and all(1 <= len(re.findall(r"\[\d+\]", cell)) <= 3 for cell in cells)  # one to three each


@pytest.mark.parametrize(
    ("question", "topic", "quoted"),
    [
        # the name both sides share is what they are compared on; the phrase naming the two places is no topic
        ("Made Smarter appears in both the Greater Manchester and South Yorkshire cases. What role does it play in each?",
         "Made Smarter play", ["Made Smarter Adoption Programme", "Programmes such as Made Smarter"]),
        # 'Teesside' is another name for the Tees Valley side
        ("How do the Liverpool and Teesside freeports compare?", "freeports", ["Liverpool Freeport", "Teesside Freeport"]),
    ],
)
def test_a_comparison_topic_is_what_both_sides_share(assistant: Assistant, question: str, topic: str, quoted: list[str]) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == "compare" and route.topic == topic
    first = [line for line in assistant.ask(question).answer.splitlines() if line.startswith("| ")][1]
    for words in quoted:
        assert words in first, first


def test_a_comparison_gives_each_sides_headline_figures(assistant: Assistant) -> None:
    answer = assistant.ask("Compare the Liverpool City Region and Cheshire & Warrington life sciences clusters.")
    for figure in ["£160 million", "£18.6 million", "nearly 200 SMEs", "160 life science companies"]:
        assert figure in answer.answer, figure
    _assert_every_citation_is_verbatim(answer)


@pytest.mark.parametrize(
    ("question", "cluster", "must"),
    [
        ("Summarise the Cumbria case study", "Clean Energy", "nuclear legacy"),
        ("Give me an overview of the North East space cluster", "Space", "54 organisations"),
    ],
)
def test_a_case_study_summary_is_a_few_cited_points_from_that_case_study(
    assistant: Assistant, question: str, cluster: str, must: str
) -> None:
    answer = assistant.ask(question)
    bullets = _lines(answer)
    assert answer.route == "summary" and 3 <= len(bullets) <= 6
    assert all(c.cluster == cluster for c in answer.citations)
    assert must in answer.answer
    for line in bullets:
        _cited(line, answer)
    _assert_every_citation_is_verbatim(answer)


def test_a_topic_summary_draws_on_several_sections(assistant: Assistant) -> None:
    answer = assistant.ask("What does the report say about funding?")
    bullets = _lines(answer)
    assert 3 <= len(bullets) <= 6
    assert len({c.section for c in answer.citations}) >= 3
    # a sentence either says it, or is in a section the report gives to it ('Funding and finance challenges ...')
    assert all("fund" in normalise(c.quote) or "fund" in normalise(c.section) for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        # the theme and the recommendations on funding, all they say, and the case studies' own difficulties and fixes
        (
            "Pull together everything the report says about funding problems - themes, recommendations and any case "
            "study examples - into a short paragraph.",
            ["Golden Triangle", "uneven across the North", "Piecemeal funding decisions", "small competitive grants",
             "single pot of R&D funding"],
        ),
        # 'Keep it to five bullet points' is how to answer, 'change' what the asker wants of funding: neither is a topic
        (
            "Summarise what the publication says about funding problems and how it wants funding for clusters to change. "
            "Keep it to five bullet points.",
            ["Golden Triangle", "flexible funding pots", "competitive grants"],
        ),
        # the sides of funding listed after a dash are what the report's view of funding speaks to, not its topic
        ("What's the report's overall message on how clusters are funded - fragmentation, competition for grants, "
         "consistency?", ["consistency of funding", "single pot of R&D funding", "Piecemeal funding decisions",
                          "small competitive grants", "flexible funding pots"]),
        # the case studies are where to look for examples, not the section to summarise
        (
            "What does the report say about skills across the clusters? Pull together the main points, with examples "
            "from individual case studies.",
            ["Skills gaps remain one of the most common challenges", "not always geared towards the specific need", "59%",
             "welders"],
        ),
        (
            "What does the report say about clusters spilling across administrative boundaries? Draw on the case studies, "
            "themes and recommendations.",
            ["does not stop at the city-region's borders", "outside of the major city-regions",
             "public investment does not flow easily"],
        ),
    ],
)
def test_a_report_wide_topic_summary_gives_its_sections_and_examples(
    assistant: Assistant, question: str, needles: list[str]
) -> None:
    answer = assistant.ask(question)
    assert answer.route == "summary" and answer.answer.startswith("What the documents say about")
    assert 3 <= len(_lines(answer)) <= 6  # the recommendations on it in one point, each under its own title
    text = answer.answer.replace("**", "")
    assert [n for n in needles if n not in text] == []
    _assert_every_citation_is_verbatim(answer)


def test_a_cluster_filter_narrows_a_summary_to_that_case_study(assistant: Assistant) -> None:
    for question in ["Summarise the case study", "What does the report say about skills?"]:
        answer = assistant.ask(question, cluster="Tees Valley")
        assert answer.route == "summary" and answer.filters == {"cluster": "Tees Valley"}, question
        assert answer.citations and all(c.cluster == "Chemicals" for c in answer.citations)
    assert "skill" in assistant.ask("What does the report say about skills?", cluster="tees").answer.lower()


def test_filters_keep_other_questions_on_the_fact_route(assistant: Assistant) -> None:
    assert assistant.ask("Summarise the Cumbria case study", document="np11-innovation-clusters-north-of-england").route == "fact"
    assert assistant.ask("Which clusters mention skills?", cluster="Cumbria").route == "fact"
    assert assistant.ask("Summarise the Cumbria case study", cluster="Tees Valley").route == "fact"  # another case study
    assert assistant.ask("How much government funding seeded the LCR Investment Zone?").route == "fact"
    assert set(ROUTES) == {"fact", "list", "aggregate", "compare", "summary"}


def test_groups_come_from_any_documents_headings(make_assistant: Callable[..., Assistant], tmp_path: Path) -> None:
    notes = tmp_path / "plan.md"
    notes.write_text(
        "# Garden plan\n\nA plan for the garden.\n\n## Risks\n\nThree risks stand out.\n\n"
        "### Slugs eat the lettuce\n\nSlugs arrive in wet weeks.\n\n"
        "### Frost kills the beans\n\nLate frost comes in May.\n\n"
        "### Drought dries the beds\n\nDry Julys are common.\n",
        encoding="utf-8",
    )
    assistant = make_assistant()
    assistant.ingest([notes])
    assert set(assistant.outline.groups) == {"Risks"}
    answer = assistant.ask("What are the risks?")
    assert answer.route == "list"
    assert [re.match(r"- \*\*(.+?)\*\*", line).group(1) for line in _lines(answer)] == [  # type: ignore[union-attr]
        "Slugs eat the lettuce", "Frost kills the beans", "Drought dries the beds",
    ]  # fmt: skip
    assert "Late frost comes in May." in answer.answer


def test_the_chat_keeps_the_structure_of_whole_publication_answers(assistant: Assistant) -> None:
    from dataclasses import replace

    from clusterqa.render import chat_markdown

    answer = assistant.ask("Which clusters have a Freeport?")
    shown = chat_markdown(answer)
    assert "- **Liverpool City Region** (" in shown and "\\*" not in shown
    table = chat_markdown(assistant.ask("Compare the two AI clusters"))
    assert "| Focus |" in table and "\\\\|" not in table
    hostile = replace(answer, answer="- **A** <script>alert(1)</script> [1]")
    assert "<script>" not in chat_markdown(hostile) and "**A**" in chat_markdown(hostile)


def test_aggregates_do_not_depend_on_the_hash_seed(assistant: Assistant, publication_index_dir: Path) -> None:
    """'nuclear research facilities': of equally rare terms the topic's first is the one a sentence must hold,
    in every process; ordered by a set it was 'facilities' in some, listing clusters with unrelated facilities."""
    import json
    import os
    import subprocess
    import sys

    question = "Which case studies refer to nuclear activities or nuclear research facilities?"
    listed = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed, HF_HUB_OFFLINE="1")
        out = subprocess.run(
            [sys.executable, "-m", "clusterqa.cli", "--index-dir", str(publication_index_dir), "ask", "--json", question],
            env=env, capture_output=True, text=True, timeout=120, check=True,
        ).stdout
        listed.add(tuple(re.findall(r"\*\*([^*]+)\*\*", json.loads(out)["answer"])))
    assert listed == {("Cumbria", "South Yorkshire")}


def test_a_topic_summary_leads_with_the_sections_titled_on_the_topic(assistant: Assistant) -> None:
    """'What does the report say about funding?': the theme and the recommendations on funding are the report's
    own view of it, so their titles label points, not only case studies that mention a grant."""
    answer = assistant.ask("What does the report say about funding for innovation clusters?")
    assert answer.route == "summary"
    assert "**Funding and finance challenges come in a variety of forms**" in answer.answer
    assert "**Long-term commitment and flexible funding pots could accelerate cluster growth**" in answer.answer


def test_a_generic_noun_in_an_aggregate_is_not_its_topic(assistant: Assistant) -> None:
    """'a nuclear connection': 'connection' is how the question asks, 'nuclear' what it asks about."""
    answer = assistant.ask("Which clusters have a nuclear connection mentioned in their case study?")
    assert answer.route == "aggregate"
    assert "**Cumbria**" in answer.answer and "**South Yorkshire**" in answer.answer
    assert "**Lancashire**" not in answer.answer


def test_names_in_brackets_are_other_ways_of_saying_the_topic(assistant: Assistant) -> None:
    answer = assistant.ask("Which case studies mention a Combined Authority (including mayoral combined authorities and MCAs)?")
    assert not answer.abstained
    for region in ("Liverpool City Region", "Greater Manchester", "West Yorkshire"):
        assert f"**{region}**" in answer.answer


@pytest.mark.parametrize(
    ("question", "route", "needle"),
    [
        ("List every named university that appears anywhere in the publication.", "aggregate", "University of York"),
        ("I need the full list of the eleven case studies, with the region and the cluster sector for each.", "list",
         "**Tees Valley**: Chemicals"),
    ],
)
def test_list_requests_in_other_words(assistant: Assistant, question: str, route: str, needle: str) -> None:
    answer = assistant.ask(question)
    assert answer.route == route and needle in answer.answer, answer.answer


def test_an_aggregate_asking_who_missed_out_lists_only_those_that_say_so(assistant: Assistant) -> None:
    """West Yorkshire speaks of the same funding, but to say it *has had* access: it is not listed."""
    answer = assistant.ask(
        "Which case study areas say they have missed out on place-based funding available to city-regions or "
        "Mayoral Combined Authorities?"
    )
    assert answer.route == "aggregate"
    assert "**Cheshire & Warrington**" in answer.answer and "**York & North Yorkshire**" in answer.answer
    assert "**West Yorkshire**" not in answer.answer


def test_an_abbreviation_in_brackets_is_another_name_for_the_topic(assistant: Assistant) -> None:
    answer = assistant.ask("Which clusters mention artificial intelligence (AI) in their case study text?")
    for region in ("Greater Manchester", "West Yorkshire", "Cheshire & Warrington"):  # Cheshire says only 'AI'
        assert f"**{region}**" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "names"),
    [
        # a programme may be called a fund, a challenge or a launchpad
        ("Which UKRI funding programmes are mentioned in the report?",
         ["UKRI Strength in Places Fund", "UKRI's Industrial Decarbonisation Challenge Fund", "HealthTech Launchpad"]),
        # "a national agritech Catapult": lower-case words before the proper noun
        ("Which Catapults are named in the report's case studies?",
         ["national agritech Catapult", "High Value Manufacturing Catapult"]),
        # several kinds at once, each its own
        ("Which named plans, strategies and white papers does the publication mention?",
         ["Levelling Up White Paper", "Innovation Strategy", "Cumbria Clean Energy Plan", "Humber Industrial Cluster Plan"]),
        # 'research, innovation or technology centres' are centres of each sort; none says 'Technology', so any centre
        ("Which named research, innovation or technology centres appear in the case studies?",
         ["Cyber Security Research Centre", "Net Zero Industry Innovation Centre", "Centre for Process Industries"]),
    ],
)
def test_names_of_a_kind_in_other_words(assistant: Assistant, question: str, names: list[str]) -> None:
    answer = assistant.ask(question)
    assert answer.route == "aggregate"
    for name in names:
        assert f"**{name}**" in answer.answer, answer.answer


def test_a_kind_with_its_qualifier_is_only_the_names_that_say_it(assistant: Assistant) -> None:
    answer = assistant.ask("Which combined authorities come up in the case studies?")
    assert answer.route == "aggregate" and "**Tees Valley Combined Authority**" in answer.answer
    assert "Atomic Energy Authority" not in answer.answer  # an authority, not a combined one


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # a scene set in a sentence of its own; 'lead line' is no 'headline' (the observations page's shorter list)
        ("I'm preparing a slide on the closing Recommendations section. Give me the lead line of each recommendation.",
         "Recommendations (9 items"),
        ("Near the end there's a section on the themes that cut across the cases. What bold headings does it use?",
         "Cross-cutting themes (6 items"),
    ],
)
def test_a_group_asked_for_in_other_words_is_listed_whole(assistant: Assistant, question: str, lead: str) -> None:
    answer = assistant.ask(question)
    assert answer.route == "list" and answer.answer.startswith(lead), answer.answer


def test_a_glossary_lists_the_abbreviations_introduced_in_brackets_with_what_they_stand_for(assistant: Assistant) -> None:
    answer = assistant.ask("Building a glossary: which abbreviations does the Lancashire case introduce?")
    assert answer.route == "list" and answer.answer.startswith("Abbreviations introduced in the Lancashire case study (5)")
    for line in ["**NCF**: National Cyber Force", "**MA & I**: Military Air and Information", "**CSRC**: Cyber Security"]:
        assert line in answer.answer, answer.answer
    whole = assistant.ask("List the acronyms used in the publication.").answer
    for line in ["**RAIC**: Robotics and AI Collaboration", "**SMRs**: small modular reactors", "**CCS**: carbon capture"]:
        assert line in whole, whole  # an abbreviation inside the name, a plural, a name in lower case
    assert "NESACoE" not in whole  # '(formerly NESACoE)' introduces no abbreviation
    _assert_every_citation_is_verbatim(answer)
    # one abbreviation asked about is not a glossary
    assert assistant.ask("What does the acronym NCF stand for?").route == "fact"


def test_bodies_known_by_another_name_are_listed_with_the_sentences_saying_so(assistant: Assistant) -> None:
    answer = assistant.ask("Which organisations in the report have been renamed, and what were they called before?")
    assert answer.route == "aggregate" and "**North East**" in answer.answer and "**West Yorkshire**" in answer.answer
    assert "formerly NESACoE" in answer.answer and "formerly the Local Digital Skills Partnership" in answer.answer
    assert assistant.ask("What was Space North East previously known as?").route == "fact"  # one body's former name


def test_a_section_named_as_a_section_is_summarised_whole(assistant: Assistant) -> None:
    answer = assistant.ask("Can you summarise the report's recommendations section?")
    assert answer.route == "list" and answer.answer.count("\n- ") == 9, answer.answer


def test_a_section_summary_opens_with_what_the_section_is_about(assistant: Assistant) -> None:
    answer = assistant.ask("Summarise what the report says a regional innovation cluster is and why clusters matter.")
    assert answer.route == "summary"
    assert "localised groups of businesses" in answer.answer.splitlines()[1], answer.answer  # the first point


def test_a_summary_of_a_topics_problems_is_a_summary_of_the_topic(assistant: Assistant) -> None:
    """'funding problems facing clusters': 'problems' alone would pick any sentence that says 'problems'."""
    answer = assistant.ask("Pull together what the publication says about funding problems facing clusters.")
    assert answer.route == "summary"
    assert "**Funding and finance challenges come in a variety of forms**" in answer.answer, answer.answer
    assert "Magic happens" not in answer.answer


def test_a_comparisons_impact_row_gives_the_concrete_result(assistant: Assistant) -> None:
    answer = assistant.ask("How do the Greater Manchester and West Yorkshire AI clusters compare?")
    impact = next(line for line in answer.answer.splitlines() if line.startswith("| Impact |"))
    assert "Bradford Royal Infirmary" in impact, impact


def test_a_sentence_naming_exactly_three_organisations_fills_the_organisations_row(assistant: Assistant) -> None:
    answer = assistant.ask("Compare the Hull & East Yorkshire and Tees Valley clusters.")
    row = next(line for line in answer.answer.splitlines() if line.startswith("| Organisations |"))
    assert "Humber Industrial Cluster Plan" in row, row


def test_names_in_a_case_study_leave_out_sentence_openers_and_its_own_place(assistant: Assistant) -> None:
    answer = assistant.ask("Which organisations are named in the Hull case?")
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert "Humber Industrial Cluster" in listed and "HETA" in listed
    assert not any(name.startswith(("Although", "Both", "The ")) for name in listed)  # 'Although the Humber …'
    assert "East Yorkshire" not in listed  # a part of the case study's own name


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("What is the report about?", "Introduction"),  # what the publication is: its introduction
        ("What is this publication, who did the work behind it, and what policy context does it set itself in?",
         "Introduction"),
        ("In plain terms, what does NP11 mean by a regional innovation cluster and why does it think they matter?",
         "What is a regional innovation cluster and why are they important?"),
    ],
)
def test_what_the_publication_is_and_means_is_summarised_from_its_own_sections(
    assistant: Assistant, question: str, section: str
) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.section) == ("summary", section)
    for other in ("What is the report's main recommendation?", "What is the publication date of the report?"):
        assert route_question(other, assistant.retriever.steer, assistant.outline).section != "Introduction"


def test_a_one_word_topic_is_said_in_any_of_its_words(assistant: Assistant) -> None:
    answer = assistant.ask("Which recommendations are about money?")  # said as 'funding' and 'grants'
    assert answer.route == "list"
    assert "Piecemeal funding decisions" in answer.answer and "Long-term commitment and flexible funding pots" in answer.answer
    topic = route_question("Which clusters draw on nuclear expertise or nuclear research assets?",
                           assistant.retriever.steer, assistant.outline).topic
    assert topic == "nuclear expertise or nuclear research assets"  # 'draw on' asks, it is no topic


def test_two_topics_set_side_by_side_are_each_summarised(assistant: Assistant) -> None:
    question = "How does what the report says about funding barriers differ from what it says about skills gaps?"
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic) == ("summary", "funding or skills gaps")
    answer = assistant.ask(question)
    sections = {c.section.rsplit(" › ", 1)[-1] for c in answer.citations}
    assert {"Funding and finance challenges come in a variety of forms",
            "Skills gaps remain one of the most common challenges"} <= sections


def test_a_case_study_summary_keeps_what_the_case_is_an_example_of(assistant: Assistant) -> None:
    answer = assistant.ask("Talk me through the main points of the Hull & East Yorkshire net zero chapter.")
    points = [line for line in answer.answer.splitlines() if line.startswith("- ")]
    assert len(points) <= 6
    assert any("mission-based approach" in point for point in points)  # 'This is an example of how …'
    assert any("Skills shortages" in point for point in points)  # and what holds it back


@pytest.mark.parametrize(
    ("question", "ahead"),
    [
        ("Précis of the South Yorkshire metals chapter, please.", "foundation industries"),  # 'Opportunities for ...'
        ("Summarise the Tees Valley chemicals case study.", "net-zero industrial cluster by 2040"),  # 'presents opportunities'
    ],
)
def test_a_case_study_summary_says_where_the_cluster_is_heading(assistant: Assistant, question: str, ahead: str) -> None:
    points = [line for line in assistant.ask(question).answer.splitlines() if line.startswith("- ")]
    assert 3 <= len(points) <= 6
    assert any(ahead in point for point in points), points


def test_big_is_a_topic_word_of_its_own(assistant: Assistant) -> None:
    question = "How different is the role of big anchor firms in the North East space cluster versus Lancashire's?"
    assert "big" in route_question(question, assistant.retriever.steer, assistant.outline).topic.split()


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Researcher's query: in which case study areas is Innovate UK named as a funder or partner?",
         "Innovate UK funder or partner"),  # the label before the colon is no topic
        ("Offshore wind - which case study areas count it among their cluster strengths?", "offshore wind"),
        ("AstraZeneca turns up in more than one of the regional stories. Which ones?", "AstraZeneca"),
    ],
)
def test_an_aggregate_after_its_topic_takes_only_the_topic(assistant: Assistant, question: str, topic: str) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic) == ("aggregate", topic)


def test_a_short_section_is_summarised_in_most_of_its_points(assistant: Assistant) -> None:
    # nine sentences: six points, not four ('extensive collaboration', 'networked relationships' are not left out)
    answer = assistant.ask("How does the report explain what a regional innovation cluster is and why it matters?")
    points = [line for line in answer.answer.splitlines() if line.startswith("- ")]
    assert len(points) == 6


def test_a_section_asking_what_something_is_keeps_the_sentences_saying_what_it_is(assistant: Assistant) -> None:
    """'What is a regional innovation cluster …?': 'A cluster is more than …' (networked relationships), 'Clusters are
    important because …' and 'They concentrate …' are what the section answers, not its side remarks."""
    answer = assistant.ask("How does NP11 define a regional innovation cluster and why does it think they matter?")
    for said in ("networked relationships", "extensive collaboration", "boost the innovation and productivity"):
        assert said in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # one side's sector is what the other is compared on
        ("How do Hull & East Yorkshire and Tees Valley each frame their path to net zero?", "net zero"),
        ("Compare the two AI clusters", ""),  # a sector both share is no topic
        ("Compare Cumbria's clean energy cluster with the Hull & East Yorkshire net zero cluster.", ""),  # each by its own
    ],
)
def test_a_comparisons_topic_keeps_a_sector_only_one_side_has(assistant: Assistant, question: str, topic: str) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic) == ("compare", topic)


def test_a_name_in_one_of_several_roles_is_what_is_asked_about(assistant: Assistant) -> None:
    # 'Innovate UK as a funder or programme partner': Innovate UK, not any 'partner'
    answer = assistant.ask("Where in the eleven cases does Innovate UK appear as a funder or programme partner?")
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert {"Greater Manchester", "West Yorkshire", "York & North Yorkshire"} <= set(listed)
    assert not {"Lancashire", "North East"} & set(listed)


@pytest.mark.parametrize(
    ("question", "only_here", "only_there"),
    [
        ("Are the themes on the observations page the same as the ones in the later themes section? Any differences?",
         ["anchor local growth"], ["Magic happens at the boundaries"]),
        ("The recommendations appear twice. Which ones in the final section are missing from the headline list?",
         [], ["Piecemeal funding decisions", "shift away from small competitive grants", "identifying and connecting"]),
        # 'go beyond', 'compare the two lists', 'in one list but not the other' ask what differs too
        ("Which of the final recommendations go beyond the headline recommendations given at the start of the report? "
         "Compare the two lists.", [], ["Piecemeal funding decisions", "shift away from small competitive grants"]),
        ("The themes listed up front on the observations page versus the cross-cutting themes section later - which theme "
         "appears in one list but not the other?", ["anchor local growth"], ["Magic happens at the boundaries"]),
    ],
)
def test_a_group_listed_twice_gives_what_each_listing_lacks(
    assistant: Assistant, question: str, only_here: list[str], only_there: list[str]
) -> None:
    answer = assistant.ask(question)
    assert answer.route == "compare", answer.answer
    blocks = answer.answer.split("\n\nSources:")[0].split("\n\n")  # lead, p. 5's own, the section's own, both
    assert len(blocks) in (4, 5) and all(block.startswith("In both") for block in blocks[3:]), answer.answer
    assert blocks[1].startswith("Only in the list on p. 5" if only_here else "Nothing is only in the list on p. 5")
    assert all(needle in blocks[1] for needle in only_here), blocks[1]
    assert blocks[2].startswith("Only in the") and all(needle in blocks[2] for needle in only_there), blocks[2]
    both = "\n\n".join(blocks[3:])
    assert "Skills gaps" in both or "devolution" in both
    for line in _lines(answer):
        assert _cited(line, answer), line


def test_items_in_both_listings_worded_differently_are_given_in_both_wordings(assistant: Assistant) -> None:
    """'How does the short list of headline recommendations differ from the fuller ones?': 'Incentivise working across
    administrative boundaries ...' on p. 5 is 'The importance of working across administrative boundaries' later."""
    answer = assistant.ask(
        "How does the short list of headline recommendations near the front differ from the fuller recommendations at "
        "the end? What's added?"
    )
    reworded = next(block for block in answer.answer.split("\n\n") if block.startswith("In both, worded differently"))
    pair = next(line for line in reworded.splitlines() if line.startswith("- Incentivise working across"))
    assert "→ The importance of working across administrative boundaries" in pair and len(_cited(pair, answer)) == 2
    assert "In both, alike: Recognise different types of innovation cluster" in answer.answer


def test_a_recommendation_with_a_bare_heading_adds_what_it_says_is_needed(assistant: Assistant) -> None:
    answer = assistant.ask("What are the recommendations?")
    first = _lines(answer)[0]
    assert first.startswith("- Recognise different types of innovation cluster.") and "tailored support packages" in first
    assert len(_cited(first, answer)) == 2
    assert not any("Piecemeal" in line and "Government Departments" in line for line in _lines(answer))  # a full heading


@pytest.mark.parametrize(
    ("question", "kind", "topic"),
    [
        ("Sum up NP11's key policy asks, please.", "list", ""),  # its recommendations
        ("Outline the West Yorkshire AI/healthtech case for a council newsletter.", "summary", ""),  # '/' and what it is for
        ("Which case studies have carbon capture as part of the cluster's plans or prospects?", "aggregate", "carbon capture"),
        ("Which areas are grappling with an ageing workforce?", "aggregate", "ageing workforce"),
        ("Which areas have Mayoral Combined Authorities, according to the case studies?", "aggregate",
         "Mayoral Combined Authorities"),
        ("Give me the headline points on skills from the whole report.", "summary", "skills"),
        ("Run me through what the report says about boundaries between places.", "summary", "boundaries"),
        ("Which recommendations concern funding?", "list", "funding"),
        ("Council officer asking: which case studies feature offshore wind at all?", "aggregate", "offshore wind"),
        ("Give me a rundown of every theme in the dedicated cross-cutting themes section.", "list", ""),
        ("Could you pull together the main points of the Cumbria write-up for a local councillor?", "summary", ""),
        ("Which clusters got Strength in Places money?", "aggregate", "Strength Places money"),  # a name's 'Strength'
        ("Give me an executive summary of the whole report.", "summary", ""),
        ("What's the long and short of the Liverpool case?", "summary", ""),
        ("Where do Cumbria and Hull overlap?", "compare", ""),
        ("List the Freeports referred to across the case studies and what each is for.", "aggregate", "Freeports"),
        # the scene names the case study, so it is kept to steer, but its words are no topic
        ("I'm prepping for a visit to Teesside. What should I know about the cluster there?", "summary", ""),
        ("What do the Greater Manchester and Lancashire cases share?", "compare", ""),
    ],
)
def test_wordings_around_the_topic_are_no_topic(assistant: Assistant, question: str, kind: str, topic: str) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic) == (kind, topic)


def test_a_comparisons_further_figures_row_gives_two_sentences_a_side(assistant: Assistant) -> None:
    # Tees Valley's workforce audit has the most figures; '50% of the UK's hydrogen production' is the next
    answer = assistant.ask("Compare the Hull & East Yorkshire and Tees Valley clusters.")
    figures = next(line for line in answer.answer.splitlines() if line.startswith("| More figures |"))
    tees = figures.split(" | ")[-1]
    assert "116,000 jobs" in tees and "50% of the UK's hydrogen production" in tees, figures


def test_a_summary_of_the_opening_section_keeps_what_it_says_of_the_publication_itself(assistant: Assistant) -> None:
    answer = assistant.ask("Summarise the introduction.")
    points = _lines(answer)
    assert any("cluster mapping tool" in p and "interviews with local stakeholders" in p for p in points), answer.answer
    assert any(p.startswith("- This publication summarises our case studies") for p in points)
    assert points[0].startswith("- The North of England has a long history of innovation")  # still opens on its subject


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        ("Summarise the Hull & East Yorkshire case study.", "would benefit from consistency of funding"),
        ("Summarise the West Yorkshire case study.", "potential to explore a single pot of R&D funding"),
    ],
)
def test_a_case_summary_keeps_what_the_case_says_would_help(assistant: Assistant, question: str, needle: str) -> None:
    answer = assistant.ask(question)
    assert any(needle in p for p in _lines(answer)), answer.answer


def test_an_aggregate_on_missing_out_weighs_what_was_missed_not_the_missing(assistant: Assistant) -> None:
    # 'lacked' is what the sentence must say in some way ('not previously had'); the rest is what it must be about
    answer = assistant.ask("Which case studies report having lacked access to place-based funding mechanisms?")
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert {"Cheshire & Warrington", "York & North Yorkshire"} <= set(listed), answer.answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Offshore wind features in which of the regional cluster profiles?", {"Hull & East Yorkshire", "Cumbria"}),
        # formal: the things the case studies refer to, each with its place; the rest is how to set them out
        ("It is requested that a schedule be provided of every freeport to which reference is made in the case studies, "
         "specifying the locality to which each pertains.", {"Liverpool City Region", "Hull & East Yorkshire", "Tees Valley"}),
        ("I'm writing up Investment Zones. Which of the report's regional case studies bring up an Investment Zone?",
         {"Liverpool City Region", "Greater Manchester", "West Yorkshire"}),
        ("Which case studies refer to the Advanced Manufacturing Research Centre (AMRC) or one of its offshoots? Go through all "
         "eleven.", {"Lancashire", "South Yorkshire"}),  # 'go through' is how to answer
    ],
)
def test_an_aggregate_asked_in_other_words(assistant: Assistant, question: str, expected: set[str]) -> None:
    answer = assistant.ask(question)
    assert answer.route == "aggregate", answer.answer
    assert set(re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)) == expected, answer.answer


def test_a_scene_that_holds_the_ask_is_the_question(assistant: Assistant) -> None:
    # 'wants to know which ...' is the ask itself, not a scene to set aside before 'Go through each case study'
    answer = assistant.ask(
        "Our energy team wants to know which of the northern clusters talk about hydrogen. Go through each case study and "
        "tell me which ones do."
    )
    assert answer.route == "aggregate"
    assert set(re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)) == {"Hull & East Yorkshire", "Cumbria", "Tees Valley"}


def test_which_case_studies_asked_after_a_question_setting_the_scene(assistant: Assistant) -> None:
    question = "How come AstraZeneca keeps cropping up? Tell me which of the case studies mention the company at all."
    assert route_question(question, assistant.retriever.steer, assistant.outline).kind == "aggregate"


def test_all_the_money_figures_of_one_case_study_are_its_sums(assistant: Assistant) -> None:
    route = route_question("Liverpool case, all money figures", assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.group, route.regions) == ("list", "sums", ("Liverpool City Region",))


def test_a_name_in_an_aggregate_is_found_by_its_acronym_too(assistant: Assistant) -> None:
    # 'Both Humber-based LEPs ...', 'it worked with Lancashire LEP ...': the documents spell LEP out elsewhere
    answer = assistant.ask("Which case studies mention a Local Enterprise Partnership?")
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert {"Hull & East Yorkshire", "Lancashire", "North East"} <= set(listed), answer.answer


def test_a_scene_naming_the_place_is_set_aside_when_the_question_names_its_sector(assistant: Assistant) -> None:
    question = "My MP is visiting Teesside next month. Can you give me a rundown of what the report says about its chemicals?"
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.regions, route.topic) == ("summary", ("Tees Valley",), "")


def test_another_sector_said_as_the_named_case_studys_own_is_no_second_side(assistant: Assistant) -> None:
    # 'its net zero ambitions' are Tees Valley's: Hull & East Yorkshire's sector is net zero, but it is not asked about
    question = (
        "The Department would be grateful for a summary of the Tees Valley chemicals case study, with particular "
        "reference to its history, its principal sites and its net zero ambitions."
    )
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.regions) == ("summary", ("Tees Valley",))
    route = route_question("Compare Tees Valley with the net zero cluster", assistant.retriever.steer, assistant.outline)
    assert (route.kind, set(route.regions)) == ("compare", {"Tees Valley", "Hull & East Yorkshire"})  # named by sector


@pytest.mark.parametrize(
    ("question", "route"),
    [
        ("The bit on page 3 — what's it saying, briefly?", ("summary", (), "", "Introduction")),
        ("what's on page 4, in brief?", ("summary", (), "", "What is a regional innovation cluster and why are they important?")),
        ("What's on page 16?", ("summary", ("Cumbria",), "", "")),  # a case study's page: the case study
        ("The bit on page 22 - what's it saying?", ("list", (), "Recommendations", "")),  # members of one group
    ],
)
def test_what_is_on_one_page_is_the_section_or_case_study_there(
    assistant: Assistant, question: str, route: tuple[str, tuple[str, ...], str, str]
) -> None:
    got = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (got.kind, got.regions, got.group, got.section) == route
    # a topic asked of a page is a fact, not a summary of the page
    topic_asked = route_question("What does the bit on page 7 say about funding?", assistant.retriever.steer, assistant.outline)
    assert topic_asked.kind == "fact"


def test_who_a_list_is_for_names_nothing_the_documents_must_mention(assistant: Assistant) -> None:
    answer = assistant.ask("On behalf of the Committee, could you set out each of the headline recommendations as a list?")
    assert answer.route == "list" and not answer.abstained, answer.answer


def test_what_a_cluster_means_and_why_it_matters_is_the_defining_section(assistant: Assistant) -> None:
    question = "what does the report mean by an innovation cluster and why does it think they matter? summarise"
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.section) == ("summary", "What is a regional innovation cluster and why are they important?")


def test_who_asks_said_after_the_question_is_no_topic(assistant: Assistant) -> None:
    question = (
        "Pull together everything the report says about how funding for clusters should change — I'm at a mayoral "
        "combined authority and need the main arguments."
    )
    assert route_question(question, assistant.retriever.steer, assistant.outline).topic == "funding"
    # 'raise' asks whether they mention it, as 'mention' does; 'yes/no per area' is how to answer
    question = "which of the eleven case studies raise skills gaps in their own text? Give me a yes/no per area."
    assert route_question(question, assistant.retriever.steer, assistant.outline).topic == "skills gaps"
    # how the asker wants it ('provide a concise précis', 'grouped'), and 'a role' given to it, are no topic either
    question = "Which of the case studies give a role to a Local Enterprise Partnership (LEP) — named as such?"
    assert route_question(question, assistant.retriever.steer, assistant.outline).topic == "Local Enterprise Partnership or LEP"
    question = "Please provide a concise précis of what the report says about the funding difficulties facing clusters."
    assert route_question(question, assistant.retriever.steer, assistant.outline).topic == "funding"


def test_a_summary_of_the_intro_asked_in_a_few_words_is_the_introductions(assistant: Assistant) -> None:
    route = route_question("short version of the intro, please", assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.section) == ("summary", "Introduction")


def test_the_headline_asks_are_the_headline_recommendations(assistant: Assistant) -> None:
    answer = assistant.ask("List NP11's headline asks of national cluster policy.")
    assert answer.answer.startswith("As a result, we are making the following headline recommendations"), answer.answer
    assert "Incentivise working across administrative boundaries" in answer.answer


def test_a_specific_kind_is_one_named_as_such(assistant: Assistant) -> None:
    # 'a specific university': 'Northumbria University', 'the University of Liverpool'; not GM's 'universities'
    answer = assistant.ask("Which case studies mention a specific university?")
    listed = set(re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M))
    assert {"North East", "Cheshire & Warrington", "York & North Yorkshire"} <= listed and "Greater Manchester" not in listed


def test_a_date_that_is_not_just_a_century_leaves_centuries_out(assistant: Assistant) -> None:
    answer = assistant.ask("Which case studies give an actual year before 2000 (not just a century)?")
    listed = set(re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M))
    assert {"Hull & East Yorkshire", "Cumbria"} <= listed and "South Yorkshire" not in listed  # 'the 20th century'


def test_which_of_two_has_more_is_a_comparison_on_what_is_counted(assistant: Assistant) -> None:
    # 'which has the larger X, A or B': each side's figure for X, not one sentence that names one side
    answer = assistant.ask("Which has the larger Investment Zone allocation, West Yorkshire or the Liverpool City Region?")
    assert answer.route == "compare" and "| Investment Zone allocation |" in answer.answer
    assert "£80m" in answer.answer and "£160 million" in answer.answer


def test_a_statements_subject_is_the_topic_of_an_aggregate_that_calls_it_it(assistant: Assistant) -> None:
    # 'Offshore wind keeps coming up in ministerial briefings. In which ... does it feature?': not 'offshore wind keeps
    # coming ministerial', which no case study says
    answer = assistant.ask("Offshore wind keeps coming up in ministerial briefings. In which case studies does it feature?")
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert answer.route == "aggregate" and set(listed) == {"Hull & East Yorkshire", "Cumbria"}, answer.answer
    answer = assistant.ask("Freeports get a few mentions. Which are they, and which clusters are they linked to?")
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert answer.route == "aggregate" and set(listed) == {"Liverpool City Region", "Hull & East Yorkshire", "Tees Valley"}


def test_a_name_left_out_of_a_summary_is_shown_with_its_acronym(assistant: Assistant) -> None:
    # 'The Greater Manchester Combined Authority (GMCA), universities, ...': a briefing reader knows it as GMCA
    answer = assistant.ask("Summarise the Greater Manchester case study.")
    also = next(line for line in answer.answer.splitlines() if line.startswith("Also named:"))
    assert "Greater Manchester Combined Authority (GMCA) [" in also, also


def test_the_x_section_is_the_one_section_whose_title_starts_with_x(assistant: Assistant) -> None:
    route = route_question("What's in the observations section?", assistant.retriever.steer, assistant.outline)
    assert route.section == "Observations and implications for cluster policy"


def test_a_comparison_side_that_never_says_the_topic_gives_its_sentence_with_the_most_telling_word(assistant: Assistant) -> None:
    # 'anchor-firm position': no sentence holds enough of it, but 'BAE is an important anchor' holds its rarest word
    answer = assistant.ask("Compare the anchor-firm position of the Lancashire and North East clusters.")
    row = next(line for line in answer.answer.splitlines() if line.startswith("| Anchor-firm position |"))
    assert "BAE is an important anchor" in row.split(" | ")[1], row


def test_a_summary_of_the_one_case_study_named_is_not_swayed_by_a_body_elsewhere(assistant: Assistant) -> None:
    # 'Sheffield' is only in Lancashire's 'University of Sheffield-based AMRC'; 'metals' names South Yorkshire
    route = route_question("Summarise the Sheffield city region metals case study.", assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.regions) == ("summary", ("South Yorkshire",))


def test_what_one_recommendation_identifies_is_that_recommendations_summary(assistant: Assistant) -> None:
    question = "Set out the problems with small competitive grants that the recommendations identify."
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.section) == ("summary", "Recommendations › We need a shift away from small competitive grants")


def test_a_regions_short_form_in_a_longer_name_is_no_unknown_name(assistant: Assistant) -> None:
    # 'North Yorks' is York & North Yorkshire; 'Yorks' alone is never written in the documents
    question = "I sit on the York & North Yorks LEP board. Summarise what the report says about our bioeconomy cluster."
    assert assistant.retriever.unknown_names(question) == ()
    answer = assistant.ask(question)
    assert answer.route == "summary" and not answer.abstained and "BioYorkshire" in answer.answer


def test_a_comparisons_focus_row_adds_what_the_case_study_says_it_focuses_on(assistant: Assistant) -> None:
    answer = assistant.ask("Compare West Yorkshire and Greater Manchester.")
    focus = next(line for line in answer.answer.splitlines() if line.startswith("| Focus |"))
    west_yorkshire = focus.split(" | ")[1]
    assert "West Yorkshire is harnessing" in west_yorkshire
    assert "primarily focuses on AI applications in healthcare" in west_yorkshire


def test_a_case_summary_gives_how_others_have_put_it(assistant: Assistant) -> None:
    answer = assistant.ask("Summarise the Cheshire & Warrington life sciences story for a spin-out founder.")
    assert answer.route == "summary" and "from molecules to medicines" in answer.answer and len(_lines(answer)) <= 6


def test_a_section_that_is_its_lists_is_summarised_by_every_item(assistant: Assistant) -> None:
    # the observations page is six themes, then six headline recommendations: a summary of it gives them all
    answer = assistant.ask("Give me a short summary of the observations and implications section for a ministerial brief.")
    assert answer.route == "summary" and len(_lines(answer)) == 12
    for needle in ("Skills gaps remain one of the most common challenges", "tailored packages of support", "devolution policy"):
        assert needle in answer.answer


def test_recommendations_asked_in_brief_give_each_ones_strongest_claim(assistant: Assistant) -> None:
    answer = assistant.ask("For my MP: a summary of the recommendations, in a paragraph.")
    lines = _lines(answer)
    devolution = next(line for line in lines if "devolution policy" in line)
    assert "cannot be driven from Whitehall" in devolution
    assert len(lines) == 9 and all(len(set(re.findall(r"\[\d+\]", line))) == len(re.findall(r"\[\d+\]", line)) for line in lines)
    # asked as a list, a long heading stands alone
    listed = assistant.ask("What are the report's recommendations?")
    assert "Whitehall" not in next(line for line in _lines(listed) if "devolution policy" in line)


def test_the_funding_pots_a_case_study_has_had_are_its_sums_of_money(assistant: Assistant) -> None:
    answer = assistant.ask("Which place-based funding streams do West Yorkshire's AI and healthtech businesses benefit from?")
    assert answer.route == "list"
    for needle in ("£45m of Growth Deal funding", "£80m Investment Zone funding", "£7.5m HealthTech Launchpad"):
        assert needle in answer.answer
    recommended = route_question("What funding pots does the report recommend?", assistant.retriever.steer, assistant.outline)
    assert recommended.group != SUMS  # the pots the report wants are no sums a case study has had


def test_a_comparison_gives_what_a_side_commits_to_reach(assistant: Assistant) -> None:
    answer = assistant.ask("Compare the York & North Yorkshire bioeconomy cluster with Tees Valley's chemicals cluster.")
    goal = next(line for line in answer.answer.splitlines() if line.startswith("| Goal |"))
    york, tees = goal.split(" | ")[1:3]
    assert york == "not stated" and "net-zero industrial cluster by 2040" in tees


def test_a_comparisons_focus_row_adds_the_sentence_listing_what_its_sector_is_made_of(assistant: Assistant) -> None:
    # Hull's opening says only 'a convergence of industries focused on achieving net zero'; which industries is
    # the sentence naming its sector and listing them: 'offshore wind, biofuels, hydrogen, carbon capture and storage'
    answer = assistant.ask("Compare the Humber net zero cluster with the Tees Valley chemicals cluster.")
    focus = next(line for line in answer.answer.splitlines() if line.startswith("| Focus |"))
    hull = focus.split(" | ")[1]
    assert "undergoing a significant transformation" in hull and "offshore wind, biofuels, hydrogen" in hull


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        # 'an example of a comparatively small initial investment': what the case is an example of, 'how' or not
        ("Summarise the North East space case study.", "comparatively small initial investment"),
        # 'The incoming York & North Yorkshire MCA offers an opportunity ...': what would help
        ("Summarise the York & North Yorkshire case study.", "MCA offers an opportunity"),
    ],
)
def test_a_case_summary_keeps_its_example_and_its_opportunity(assistant: Assistant, question: str, needle: str) -> None:
    assert needle in assistant.ask(question).answer


def test_a_summary_point_that_points_back_brings_the_sentence_it_points_to(assistant: Assistant) -> None:
    # 'This could provide a model for how cluster development could work in more rural areas.' - what could?
    answer = assistant.ask("Summarise the Cumbria clean energy case study.")
    point = next(line for line in _lines(answer) if "This could provide a model" in line)
    assert point.startswith("- While multinationals") and "network of local suppliers" in point
    assert len(_cited(point, answer)) == 2


def test_a_name_in_the_askers_scene_is_no_reason_to_abstain(assistant: Assistant) -> None:
    # 'Harrogate' is where the asker works; the documents never mention it, and need not
    answer = assistant.ask("I run a small business near Harrogate. Give me an overview of the York & North Yorkshire case study.")
    assert answer.route == "summary" and not answer.abstained and "BioYorkshire" in answer.answer


def test_the_list_of_case_studies_gives_the_label_the_overview_page_uses_where_it_differs(assistant: Assistant) -> None:
    answer = assistant.ask("List the eleven case studies.")
    south = next(line for line in answer.answer.splitlines() if line.startswith("- **South Yorkshire**"))
    assert "Metals and Metallurgy (p. 18)" in south and "listed on p. 6 as “South Yorkshire: Metallurgy”" in south
    assert len(_cited(south, answer)) == 2
    tees = next(line for line in answer.answer.splitlines() if line.startswith("- **Tees Valley**"))
    assert "listed on" not in tees  # the same label both places


def test_a_group_asked_for_as_another_section_lists_it_gives_that_list(assistant: Assistant) -> None:
    # p. 5 lists 'some cross-cutting themes' in its own words; the themes' section (pp. 20-21) titles them otherwise
    answer = assistant.ask("What cross-cutting themes does the observations section set out?")
    assert "With the right environment and support, clusters can anchor local growth" in answer.answer, answer.answer
    assert "Magic happens at the boundaries between sectors" not in answer.answer


@pytest.mark.parametrize(
    ("question", "sides", "topic"),
    [
        ("Middlesbrough vs Hull: which contributes more to UK hydrogen production?", ("Hull & East Yorkshire", "Tees Valley"),
         "contributes UK hydrogen production"),
        ("bradford vs manchester on skills challenges", ("Greater Manchester", "West Yorkshire"), "skills challenges"),
        ("Rotherham versus Preston in terms of the AMRC", ("Lancashire", "South Yorkshire"), "AMRC"),
    ],
)
def test_a_comparisons_side_may_be_named_by_one_of_its_towns(
    assistant: Assistant, question: str, sides: tuple[str, ...], topic: str
) -> None:
    # the documents never name Middlesbrough or Rotherham; an asker comparing them means their case studies
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, set(route.regions), route.topic) == ("compare", set(sides), topic)


def test_a_town_alone_is_no_case_study_to_answer_from(assistant: Assistant) -> None:
    # towns find a comparison's sides; they never steer a fact to a case study the documents do not tie them to
    answer = assistant.ask("What is the population of Middlesbrough?")
    assert answer.abstained and "Middlesbrough" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "freeports? which clusters",
        "hydrogen: where in the case studies does it feature?",
        "Enterprise Zones - any clusters mention them, and for how much?",
        "tally up which clusters name-check a university",
        "which ones talk about apprenticeships or schools?",
        "Is it true that skills gaps come up in most case studies, and if so which ones spell it out?",
        "Which cluster have export figures?",
    ],
)
def test_which_case_studies_say_it_is_an_aggregate_however_curtly_asked(assistant: Assistant, question: str) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == "aggregate" and route.topic, route


@pytest.mark.parametrize(
    "question",
    [
        "west yorkshire healthtech and liverpool infection prevention: any common ground, and where do they diverge?",
        "bigger digital economy: GM or WY?",
        "Who's more dependent on one big company - Lancashire or Cheshire & Warrington?",
    ],
)
def test_common_ground_divergence_and_a_curt_either_or_are_comparisons(assistant: Assistant, question: str) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == "compare" and len(route.regions) == 2, route


def test_a_comparison_topic_said_in_other_words_fills_each_sides_cell(assistant: Assistant) -> None:
    # 'big anchor firm': the North East 'did not have any large space primes' (big ~ large, firm), Lancashire's
    # 'BAE is an important anchor' (its rarest word, 'anchor', not the vaguer 'big')
    answer = assistant.ask("Compare the North East space cluster with Lancashire's defence cluster on having a big anchor firm.")
    row = next(line for line in answer.answer.splitlines() if line.startswith("| Big anchor firm |"))
    north_east, lancashire = row.split(" | ")[1:3]
    assert "did not have any large space primes" in north_east, row
    assert "BAE is an important anchor" in lancashire, row


def test_a_comparisons_topic_cell_adds_what_would_help_when_it_follows(assistant: Assistant) -> None:
    # York & North Yorkshire 'has not previously had the financial mechanisms ...'; the next sentence is the remedy
    answer = assistant.ask("Contrast Cheshire & Warrington's and York & North Yorkshire's access to place-based funding.")
    row = next(line for line in answer.answer.splitlines() if line.startswith("| ") and "place-based" in line.lower())
    york = row.split(" | ")[2]
    assert "financial mechanisms" in york and "The incoming York & North Yorkshire MCA offers an opportunity" in york, row


def test_a_comparison_has_a_lesson_row_when_a_side_says_what_it_is_an_example_of(assistant: Assistant) -> None:
    # Hull: 'This is an example of how taking a mission-based approach ... cuts across sector divides'
    answer = assistant.ask("How do Hull & East Yorkshire and Tees Valley each frame their path to net zero?")
    row = next(line for line in answer.answer.splitlines() if line.startswith("| Lesson |"))
    assert "mission-based approach" in row.split(" | ")[1], row


@pytest.mark.parametrize(
    "question",
    [
        "Which industrial legacy goes back further, Cumbria's or Tees Valley's?",
        "Cumbria and Tees Valley both have long industrial histories - how far back does each go?",
    ],
)
def test_a_comparison_of_histories_starts_with_each_sides_origins(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    row = next(line for line in answer.answer.splitlines() if line.startswith("| Origins |"))
    cumbria, tees = row.split(" | ")[1:3]
    assert "Calder Hall in 1956" in cumbria and "1820s" in tees, row


def test_a_sides_origins_are_its_sentence_on_where_it_comes_from_not_any_early_date(assistant: Assistant) -> None:
    # Hull's earliest year is HETA's founding (1967); where its cluster comes from is 'The evolution of a net zero
    # cluster in the region is a result of ... offshore wind, biofuels, hydrogen ...'
    answer = assistant.ask("Cumbria and Hull are both energy clusters - how do their roots and make-up differ?")
    row = next(line for line in answer.answer.splitlines() if line.startswith("| Origins |"))
    assert "offshore wind, biofuels, hydrogen" in row.split(" | ")[2] and "1967" not in row, row


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("I'm tracking Investment Zones. List each one the case studies refer to and what it focuses on.", "Investment Zones"),
        ("I'm interested in hydrogen. Which case studies mention it?", "hydrogen"),
    ],
)
def test_what_the_asker_follows_is_the_topic_the_question_points_back_at(assistant: Assistant, question: str, topic: str) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.group, route.topic) == ("aggregate", "", topic), route


def test_each_named_thing_with_what_it_is_asked_gives_the_sentences_not_just_names(assistant: Assistant) -> None:
    answer = assistant.ask("List each Investment Zone the case studies refer to and what it focuses on or is worth.")
    assert answer.route == "aggregate"
    assert "£160 million" in answer.answer and "£80m Investment Zone funding" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("which case studies bring up the made smarter programme", "Made Smarter programme"),  # 'made' kept, in a name
        ("hydrogen - which cluster write-ups talk about it at all", "hydrogen"),  # 'at all' is no 'all the case studies'
        ("I'm at Innovate UK and want to know: in which of the case studies do we get a mention?", "Innovate UK"),
    ],
)
def test_an_aggregates_topic_survives_lower_case_names_at_all_and_we(assistant: Assistant, question: str, topic: str) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic) == ("aggregate", topic), route


def test_a_lower_case_names_aggregate_lists_no_case_study_that_does_not_say_it(assistant: Assistant) -> None:
    answer = assistant.ask("which case studies bring up the made smarter programme")
    assert "**West Yorkshire**" not in answer.answer and "**Greater Manchester**" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "regions", "section"),
    [
        ("I need three sentences on the North East space cluster for our newsletter.", ("North East",), ""),
        ("West Yorkshire AI/healthtech - what does the report say, broadly?", ("West Yorkshire",), ""),
        ("The whole report in three sentences please, for an email to my MP.", (), ""),
        ("Impact of the cluster approach in Greater Manchester - what does it conclude?", (), "Greater Manchester"),
        ("Not asking you to compare anything - just give me the overview of the Tees Valley Evolution part.", (), "Tees Valley"),
        ("Page 5 (observations and implications) - what's it saying overall, in two or three sentences?", (), "Observations"),
        ("South Yorkshire: what does the Impact of cluster approach section say? keep it short", (), "South Yorkshire"),
        ("Précis the introduction for a minister's red box: why clusters matter, the policy hooks, the method.", (), "Intro"),
        ("Short brief on Cumbria's clean energy cluster - history, assets, organising plan, and its links.", ("Cumbria",), ""),
        ("What is this report actually about? Big picture for my boss who won't read 23 pages.", (), ""),
    ],
)
def test_summary_requests_in_other_words(assistant: Assistant, question: str, regions: tuple[str, ...], section: str) -> None:
    route = route_question(without_instructions(question), assistant.retriever.steer, assistant.outline)
    assert route.kind == "summary" and route.regions == regions and section in route.section, route


def test_who_a_summary_is_for_is_no_topic_of_it(assistant: Assistant) -> None:
    question = "Summarise the Hull & East Yorkshire net zero case study for a visiting Korean delegation."
    route = route_question(without_instructions(question), assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.regions, route.topic) == ("summary", ("Hull & East Yorkshire",), ""), route
    answer = assistant.ask(question)
    assert not answer.abstained and "Humber Industrial Cluster" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("devolution - what does the report argue, in short?", "devolution"),
        ("universities - what role does the report give them, broadly speaking?", "universities"),
        ("What does the report have to say about multinationals and big anchor firms in clusters, generally?", "multinationals"),
        ("What's the report's argument about administrative boundaries and clusters?", "administrative boundaries"),
    ],
)
def test_a_summarys_frame_words_are_no_topic(assistant: Assistant, question: str, topic: str) -> None:
    route = route_question(without_instructions(question), assistant.retriever.steer, assistant.outline)
    assert route.kind == "summary" and route.topic.startswith(topic), route
    assert not {"broadly", "speaking", "generally", "argument"} & set(route.topic.split()), route


HEADLINE_LIST = (
    "the following headline recommendations",
    "Recognise different types of innovation cluster will require tailored packages",
)


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        # asked for by an office, or as what is asked of Whitehall: all nine
        (
            "Permanent secretary's office needs every one of NP11's closing recommendations on a slide - the bold lead-ins only.",
            ("Send a clear signal to businesses",),
        ),
        (
            "Councillor here. What exactly is NP11 asking Whitehall to do? Please list each recommendation.",
            ("Send a clear signal to businesses",),
        ),
        # the headline ones, however asked: the list p. 5 introduces by that name
        (
            "Can you pull together the short-form headline recommendations that appear up front in the observations section?",
            HEADLINE_LIST,
        ),
        (
            "The headline recs on the observations page - give me the lot please, I'm turning them into a thread.",
            HEADLINE_LIST,
        ),
    ],
)
def test_the_recommendations_asked_for_in_other_words(assistant: Assistant, question: str, needles: tuple[str, ...]) -> None:
    answer = assistant.ask(question)
    assert answer.route == "list" and all(n in answer.answer for n in needles), answer.answer


def test_a_case_study_asked_about_under_many_headings_is_briefed_on_whole(assistant: Assistant) -> None:
    # four headings after the colon: the whole case study's briefing, not the one heading the topic words keep
    answer = assistant.ask(
        "Boil down the Hull & East Yorkshire net zero case: what it is, how innovation happens there, the challenges, and"
        " what it needs."
    )
    assert answer.answer.startswith("The Hull & East Yorkshire: Net Zero case study"), answer.answer
    assert "mission-based approach" in answer.answer, answer.answer


def test_what_the_answer_is_for_names_nothing_the_documents_must_mention(assistant: Assistant) -> None:
    # 'an MSc essay' is what the answer is for: no name the documents never use, so no fact route's abstention
    answer = assistant.ask("For an MSc essay, sketch the report's account of what a regional innovation cluster is and why")
    assert answer.route == "summary" and "vital fuel for innovation" in answer.answer, answer.answer


def test_a_group_asked_for_as_set_out_at_the_start_is_the_list_before_its_own_section(assistant: Assistant) -> None:
    # p. 5 lists the themes with 'clusters can anchor local growth', which their own section (pp. 20-21) lacks
    answer = assistant.ask(
        "Enumerate the cross-cutting themes that emerged from the case study research, as set out at the start of the report."
    )
    assert answer.route == "list" and "clusters can anchor local growth" in answer.answer, answer.answer


def test_an_acronym_with_its_words_in_brackets_is_either(assistant: Assistant) -> None:
    # 'AI (artificial intelligence)': case studies saying either count, not only those saying both together
    answer = assistant.ask("Which case studies mention AI (artificial intelligence) in any form?")
    assert answer.route == "aggregate" and "**Cumbria**" in answer.answer and "**Cheshire & Warrington**" in answer.answer, (
        answer.answer
    )


def test_each_named_thing_with_whatever_is_attached_gives_the_sentences(assistant: Assistant) -> None:
    answer = assistant.ask("Give me each Investment Zone reference in the case studies, with whatever amount is attached.")
    assert answer.route == "aggregate" and "£160 million" in answer.answer and "£80m" in answer.answer, answer.answer


def test_how_widely_to_read_after_a_comma_is_no_topic(assistant: Assistant) -> None:
    question = "What is the report's overall message on how clusters are funded, pulling together the themes and recommendations?"
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic) == ("summary", "funded"), route


@pytest.mark.parametrize(
    ("question", "region"),
    [
        (
            "Can I have every organisation, body or initiative named in the Liverpool City Region case study? Just names.",
            "Liverpool City Region",
        ),
        ("Sheffield-area metals cluster - name every research centre or programme mentioned in the case", "South Yorkshire"),
        (
            "Lancaster/Preston cyber-physical cluster - I'm mapping it. Give me all the organisations the case study mentions.",
            "Lancashire",
        ),
    ],
)
def test_the_names_in_one_case_study_however_asked(assistant: Assistant, question: str, region: str) -> None:
    # a place and its sector ('Sheffield-area metals') name the case study as well as its title does
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.group, route.regions) == ("aggregate", "names", (region,)), route


def test_a_slide_number_set_first_is_where_the_answer_goes_not_what_is_asked(assistant: Assistant) -> None:
    question = "Slide 3 of our bid deck is called 'Where NP11 looked'. I need each area with a case study paired with its sector."
    assert route_question(question, assistant.retriever.steer, assistant.outline).group == "case studies"


def test_a_group_named_only_in_the_scene_is_still_what_is_asked(assistant: Assistant) -> None:
    answer = assistant.ask(
        "My director keeps saying the recommendations at the back of this report are 'five or six points'. I reckon there are"
        " more. Could you set out the whole lot, one line each?"
    )
    assert answer.route == "list" and answer.answer.startswith("Recommendations (9 items"), answer.answer


@pytest.mark.parametrize(
    ("question", "topic", "excluded"),
    [
        ("Warrington - which case studies mention it?", "Warrington", ()),
        ("Apart from its own chapter, where else in the report does Manchester crop up?", "Manchester", ("Greater Manchester",)),
        ("Other than the GM case study itself, where does Manchester get a mention?", "Manchester", ("Greater Manchester",)),
        ("The Humber is all over the Hull case - does it come up in any other case study?", "Humber", ("Hull & East Yorkshire",)),
        # the one named in full is set aside, not every Yorkshire
        ("Is the Humber mentioned in any case study other than Hull & East Yorkshire?", "Humber", ("Hull & East Yorkshire",)),
    ],
)
def test_a_place_asked_about_across_the_case_studies_is_the_topic(
    assistant: Assistant, question: str, topic: str, excluded: tuple[str, ...]
) -> None:
    # the place names a case study too, but it is what the others are asked to mention; 'else'/'other than' sets its own aside
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic, route.excluded) == ("aggregate", topic, excluded), route


@pytest.mark.parametrize(
    ("question", "topic", "excluded"),
    [
        ("Nuclear gets a mention where in this report? I mean which case studies.", "nuclear", ()),
        ("AI mentioned where? Not just the two AI clusters - any case study that mentions AI at all.", "AI", ()),
        ("Is nuclear mentioned anywhere besides Cumbria?", "nuclear", ("Cumbria",)),
        ("Is hydrogen discussed anywhere other than Tees Valley and Hull?", "hydrogen", ("Hull & East Yorkshire", "Tees Valley")),
        # 'come up anywhere else', 'come up in any other case study', after a scene naming the one set aside
        ("I'm in Carlisle so I know about Cumbria and the nuclear side - does nuclear come up anywhere else in the report?",
         "nuclear", ("Cumbria",)),
        ("Apart from Cumbria, does nuclear come up in any other case study?", "nuclear", ("Cumbria",)),
        ("Does anything cyber-related come up anywhere other than the Lancashire case study?", "cyber", ("Lancashire",)),
        ("Apart from York & North Yorkshire, does any other case study bring up the bioeconomy?", "bioeconomy",
         ("York & North Yorkshire",)),
        (
            "Made Smarter comes up in the Greater Manchester case study. Is it mentioned anywhere else among the case "
            "studies, and where?",
            "Made Smarter",
            ("Greater Manchester",),
        ),
        (
            "Chemicals = Tees, but which other case studies touch on chemicals or chemistry?",
            "chemicals or chemistry",
            ("Tees Valley",),
        ),
    ],
)
def test_aggregates_asked_as_mentioned_where_or_which_other(
    assistant: Assistant, question: str, topic: str, excluded: tuple[str, ...]
) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic, route.excluded) == ("aggregate", topic, excluded), route


def test_whose_data_is_still_a_fact(assistant: Assistant) -> None:
    # 'whose' asks one owner, not which case studies
    route = route_question("Whose cluster mapping data were the eleven chosen clusters recognised in?", assistant.retriever.steer,
                           assistant.outline)
    assert route.kind == "fact", route


def test_a_comparison_on_kinds_of_thing_takes_the_sentence_naming_several(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Contrast the Hull & East Yorkshire net zero cluster with Cumbria's clean energy cluster in terms of the industries"
        " each is built on."
    )
    row = next(line for line in answer.answer.splitlines() if line.startswith("| Industries"))
    assert "offshore wind, biofuels, hydrogen" in row.split(" | ")[1], row


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("what are the big recurring threads the report pulls out across the clusters - headings", "Cross-cutting themes"),
        (
            "The early 'observations' page has a short set of headline recommendations before the full list at the back."
            " What are they?",
            "Recommendations",
        ),
        (
            "Up front, the report makes a short set of headline recommendations for national cluster policy. Set out each "
            "of them in a sentence.",
            "Recommendations",
        ),
        ("Please could you produce a table with two columns — place and sector — covering the eleven clusters?", "case studies"),
    ],
)
def test_groups_asked_for_in_other_words_or_pointed_back_at(assistant: Assistant, question: str, group: str) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.group) == ("list", group), route


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        # 'credit or mention' are ways of asking, not what the case studies must mention
        ("I'm sceptical LEPs mattered. Which case studies credit or mention a Local Enterprise Partnership (LEP)?", "in 4 of"),
        ("Every freeport that gets a mention in a case study — list them with the area each sits in.", "Teesside Freeport"),
        ("From a university KE perspective: in which of the eleven cases is Innovate UK named as a funder?", "Innovate UK"),
        ("I am new to this topic. Please explain in simple words what the introduction of this document is saying.", "(p. 3)"),
        (
            "Members have limited time. Please summarise the Liverpool City Region case study. Plain English, no jargon,"
            " and no bullet points.",
            "The Liverpool City Region: Infection Prevention and Control case study",
        ),
    ],
)
def test_whole_publication_questions_in_the_thirtieth_rounds_words(assistant: Assistant, question: str, needle: str) -> None:
    answer = assistant.ask(question)
    assert answer.route != "fact" and needle in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "kind", "section"),
    [
        (
            "Walk me through every recommendation in the final Recommendations section - all of them, one line each, in the order"
            " the report gives them.",
            "list",
            "",
        ),
        ("tl;dr of the intro please", "summary", "Introduction"),
        ("What's the report's working definition of a cluster and why it matters - give me the gist.", "summary", "What is a"),
    ],
)
def test_sections_and_groups_asked_for_as_the_intro_the_definition_or_in_order(
    assistant: Assistant, question: str, kind: str, section: str
) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == kind and route.section.startswith(section) and not route.topic, route


def test_what_to_draw_on_between_dashes_is_scope_not_topic(assistant: Assistant) -> None:
    question = "Pull together what the report says about funding problems - themes, recommendations and any case study examples."
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic) == ("summary", "funding"), route


def test_the_observations_and_introduction_are_scope_to_draw_on_not_a_section_to_summarise(assistant: Assistant) -> None:
    question = (
        "What's the report's overall argument about administrative boundaries? Draw on the observations, the case studies,"
        " the themes and the recommendations."
    )
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.section, route.topic) == ("summary", "", "administrative boundaries"), route


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        # typed in lower case but for 'AI'; the initials are a side, not what the two are compared on
        ("gm vs west yorks AI clusters whats different", "| **Greater Manchester: Artificial Intelligence/Digital**"),
        # what the table is for, said first, is no topic
        (
            "For a careers fair handout I need a table of every place profiled in the report and the specialism it was chosen"
            " for. Columns: area | sector. No commentary.",
            "**Cumbria**: Clean Energy",
        ),
        # how long, said last, is no topic either
        (
            "What does the whole report say about skills - shortages, statistics, and what stakeholders complained about?"
            " Keep it to one paragraph.",
            "What the documents say about skills:",
        ),
    ],
)
def test_whole_publication_questions_in_the_thirty_ninth_rounds_words(assistant: Assistant, question: str, needle: str) -> None:
    answer = assistant.ask(question)
    assert answer.route != "fact" and needle in answer.answer and "| GM |" not in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "kind", "section", "topic"),
    [
        ("What's a cluster, in the report's own terms? Short summary please.", "summary", "What is a", ""),
        # the individual clusters are where to read; shortages are what the report says about skills
        (
            "Pull together everything the report says about skills - the cross-cutting theme and the specific shortages in"
            " individual clusters.",
            "summary",
            "",
            "skills",
        ),
        ("Skills keep coming up. Pull together what the publication says about skills shortages across the clusters.",
         "summary", "", "skills"),
        (
            "Pull together everything the publication says about skills and workforce shortages - across the observations,"
            " the individual clusters and the themes - into a short summary.",
            "summary",
            "",
            "skills workforce",
        ),
        # facets listed after a scene that names the two sides: what a comparison gives anyway, no topic of its own
        (
            "We were arguing about which energy cluster is better set up - Cumbria or the Humber. What does the report"
            " say about each - their roots, their main assets, and the problems they face? Keep it balanced, please.",
            "compare",
            "",
            "",
        ),
    ],
)
def test_the_fortieth_rounds_summaries_read_where_asked_on_what_is_asked(
    assistant: Assistant, question: str, kind: str, section: str, topic: str
) -> None:
    asked = without_instructions(question)
    route = route_question(asked, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic) == (kind, topic) and route.section.startswith(section), route


@pytest.mark.parametrize(
    ("question", "kind", "topic"),
    [
        # the parts of the report named between a dash and the end are where to read
        (
            "Summarise everything the report says about funding problems for clusters - both the themes section and the"
            " recommendations.",
            "summary",
            "funding",
        ),
        # the story before the one sentence asking for the summary is no topic; nor is what it is for
        (
            "A constituent who runs a small engineering firm says he can't find skilled staff. Pull together what the report"
            " says about skills shortages across the North so I can reply.",
            "summary",
            "skills",
        ),
        # 'council boundaries' are what the report calls administrative ones
        ("What does the report say about clusters spilling across council and regional boundaries?", "summary", ""),
    ],
)
def test_the_forty_first_rounds_summaries_take_their_topic_from_the_ask(
    assistant: Assistant, question: str, kind: str, topic: str
) -> None:
    route = route_question(without_instructions(question), assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic) == (kind, topic), route
    if not topic:
        assert "administrative boundaries" in route.section, route


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        # quoted forms of a name the documents use are no name they never mention
        (
            "For a letter about the future of LEPs: which case studies credit or mention a Local Enterprise Partnership (LEP)"
            " by name or as 'LEP'/'LEPs'?",
            "**North East**",
        ),
        # 'I worked at ICI Billingham in the seventies.' is who asks, not a name the question is about
        (
            "I worked at ICI Billingham in the seventies. Which sites make up the Tees chemical complex according to this?",
            "Seal Sands & North Tees",
        ),
    ],
)
def test_a_name_in_the_askers_story_or_in_quotes_is_no_reason_to_abstain(
    assistant: Assistant, question: str, needle: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained and needle in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["which 2 of the 11 are the AI ones?", "Which two case studies are AI clusters?"])
def test_the_ai_ones_are_the_two_whose_sector_spells_out_ai(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    listed = re.findall(r"^- \*\*(.+?)\*\*", answer.answer, re.M)
    assert answer.route == "aggregate" and listed == ["Greater Manchester", "West Yorkshire"], answer.answer


def test_the_definition_summary_keeps_the_term_it_defines_and_says_on_the_opening_point_in_its_bullet(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("In plain terms, what does the report mean by a regional innovation cluster and why do they matter?")
    lines = _lines(answer)
    assert answer.route == "summary" and 3 <= len(lines) <= 6, answer.answer
    # 'They concentrate …' goes on from the opening sentence: one point, two cited sentences
    assert lines[0].startswith("- Regional innovation clusters refer to") and "They concentrate people" in lines[0], lines[0]
    assert any("An innovation ecosystem enables" in line for line in lines), answer.answer  # the term it brings in
    assert all(_cited(line, answer) for line in lines)
    _assert_every_citation_is_verbatim(answer)


def test_how_many_words_and_what_for_are_no_topic_of_a_case_study_summary(assistant: Assistant) -> None:
    question = "Summarise the Tees Valley case study in about 100 words for a local paper sidebar."
    route = route_question(without_instructions(question), assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.regions, route.topic) == ("summary", ("Tees Valley",), ""), route


@pytest.mark.parametrize(
    ("question", "kind", "topic"),
    [
        # what the asker tracks, then 'it' or 'one': that is the topic, not the case studies themselves
        (
            "I'm a tech-transfer officer tracking where the Advanced Manufacturing Research Centre (AMRC, including any of"
            " its offshoots) turns up. Which case studies refer to it?",
            "aggregate",
            "Advanced Manufacturing Research Centre",
        ),
        ("As a council officer I'm tracking Investment Zones. Which cluster write-ups refer to one? Just list the places.",
         "aggregate", "Investment Zone"),
        # who asks, said first, and the note it is for, said last, are no topic; nor is how money is 'handed out'
        (
            "As a trade union rep, I'm interested in everything this report says about skills and workforce shortages -"
            " across the case studies and the themes. Pull it together for me in a few bullet points.",
            "summary",
            "skills workforce",
        ),
        (
            "What's the report's overall message about how cluster funding is handed out and what's wrong with it? I'm"
            " writing a note for a minister - a short paragraph, please.",
            "summary",
            "funding",
        ),
    ],
)
def test_the_forty_second_rounds_askers_and_pointers_are_no_topic(
    assistant: Assistant, question: str, kind: str, topic: str
) -> None:
    route = route_question(without_instructions(question), assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic) == (kind, topic), route


def test_a_comparison_naming_both_sides_is_not_abstained_for_a_name_the_documents_never_use(assistant: Assistant) -> None:
    answer = assistant.ask(
        "Compare the two life-sciences stories on either side of the Mersey - Liverpool City Region and Cheshire &"
        " Warrington. What is each built around, and what are the headline numbers?"
    )
    assert answer.route == "compare" and "**Cheshire & Warrington: Life Sciences**" in answer.answer, answer.answer
    assert "Mersey" not in answer.answer, answer.answer  # nor a facet row for it


@pytest.mark.parametrize(
    ("question", "section", "topic"),
    [
        ("Summarise the section explaining what a cluster is and why it matters.", "What is a", ""),
        # the closing sections and the case studies are where to read; criticisms are what it says of funding
        (
            "Summarise the report's criticisms of how innovation funding is currently provided, drawing on both the case"
            " studies and the closing sections.",
            "",
            "funding",
        ),
        # 'council and city-region borders' are the documents' administrative boundaries
        ("What's the report's line on clusters spilling over council and city-region borders? Summarise, citing examples.",
         "", "spilling administrative boundaries"),
    ],
)
def test_the_forty_third_and_fourth_rounds_summaries(assistant: Assistant, question: str, section: str, topic: str) -> None:
    route = route_question(without_instructions(question), assistant.retriever.steer, assistant.outline)
    assert route.kind == "summary" and route.section.startswith(section) and route.topic == topic, route


def test_a_case_study_named_otherwise_on_the_overview_list_cites_that_listing(assistant: Assistant) -> None:
    # the list of case studies calls it 'South Yorkshire: Metallurgy', its own title 'Metals and Metallurgy'
    answer = assistant.ask("On the overview list, which cluster is given for South Yorkshire?")
    assert "“South Yorkshire: Metallurgy”" in answer.answer
    assert answer.citations[0].page == 6 and answer.citations[0].quote.endswith("South Yorkshire: Metallurgy")
    _assert_every_citation_is_verbatim(answer)


def test_a_sides_other_name_is_no_facet_of_a_comparison(assistant: Assistant) -> None:
    route = route_question("Compare the Humber net zero cluster with the Tees Valley chemicals cluster.",
                           assistant.retriever.steer, assistant.outline)
    assert route.kind == "compare" and set(route.regions) == {"Hull & East Yorkshire", "Tees Valley"}
    assert "Humber" not in route.topic


def test_a_case_study_and_its_development_is_the_whole_case_study(assistant: Assistant) -> None:
    route = route_question("Summarise Cumbria's clean energy cluster and its development.", assistant.retriever.steer,
                           assistant.outline)
    assert route.kind == "summary" and route.regions == ("Cumbria",) and not route.section  # not just its Evolution part
    route = route_question("Summarise how the Cumbria cluster developed.", assistant.retriever.steer, assistant.outline)
    assert route.section.endswith("Evolution")


def test_the_impact_of_the_cluster_approach_in_a_place_is_that_part_in_brief(assistant: Assistant) -> None:
    route = route_question("What impact has the cluster approach had in West Yorkshire?", assistant.retriever.steer,
                           assistant.outline)
    assert route.kind == "summary"
    assert route.section.endswith("West Yorkshire: Artificial Intelligence/Healthtech › Impact of cluster approach")
    # ...but its impact on one thing is a fact asked
    route = route_question("What impact has the cluster approach had on jobs in Tees Valley?", assistant.retriever.steer,
                           assistant.outline)
    assert route.kind == "fact"


def test_who_asks_said_before_a_comma_is_no_name_the_documents_must_use(assistant: Assistant) -> None:
    question = "As a retired steelworker from Redcar, I'd like a quick rundown of what the report says about Teesside chemicals."
    assert assistant.retriever.unknown_names(without_scene(question)) == ()
    answer = assistant.ask(question)
    assert answer.route == "summary" and "1820s" in answer.answer and "Teesside Freeport" in answer.answer


def test_a_place_the_asker_compares_from_is_no_name_the_documents_must_use(assistant: Assistant) -> None:
    question = (
        "As an adviser comparing with Belfast, summarise what the report says about clusters crossing administrative boundaries."
    )
    assert assistant.retriever.unknown_names(without_scene(question)) == ()
    assert assistant.ask(question).route == "summary"


def test_a_topic_summary_gives_case_studies_saying_it_in_other_words(assistant: Assistant) -> None:
    # the overview page's 'beyond administrative boundaries' is no case study: the two saying 'cross-border
    # collaboration' are found in other words, and the case studies' chapter does not keep them out
    answer = assistant.ask("Summarise the report's argument about clusters crossing administrative boundaries.")
    assert answer.route == "summary"
    for needle in ("**Liverpool City Region** (p. 7)", "**Cheshire & Warrington** (p. 11)", "Cheshire Science Corridor",
                   "transcend administrative boundaries"):
        assert needle in answer.answer
    assert "Magic happens" not in answer.answer  # boundaries between sectors are not these


def test_a_case_study_summary_on_a_topic_goes_on_with_the_paragraph_naming_what_it_does(assistant: Assistant) -> None:
    # 'the Humber' is Hull & East Yorkshire's place, no topic; 'skills problems' its 'Skills shortages ... are a concern',
    # then the sentences after it naming what is done: the UTCs, HETA, the Career Hub
    question = "As an FE principal, summarise how the Humber is tackling its skills problems."
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.regions, route.topic) == ("summary", ("Hull & East Yorkshire",), "skills problems")
    answer = assistant.ask(question)
    for needle in ("Skills shortages", "two University Technical Colleges", "HETA", "Career Hub"):
        assert needle in answer.answer
    # ...and 'these industries', going on about the sentence before, is not what was asked
    answer = assistant.ask("From a medical-devices angle, summarise how AI is being used in West Yorkshire healthcare")
    assert "These industries may differ" not in answer.answer


@pytest.mark.parametrize(
    ("question", "title"),
    [
        # what a cluster is and why it matters, innovation said or not: the section asking so
        ("In a nutshell, what is a cluster and why does it matter?", "What is a regional innovation cluster"),
        ("In plain terms, what is a regional innovation cluster and why does it matter, according to the report?",
         "What is a regional innovation cluster"),
        # ...but not what is meant by a phrase said of clusters
        ("What is meant by clusters 'transcending administrative boundaries', and what does the report say about it?",
         "Cross-cutting themes › Cluster geographies are complex and transcend administrative boundaries"),
    ],
)
def test_a_section_summarised_by_what_it_asks(assistant: Assistant, question: str, title: str) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert route.kind == "summary" and route.section.startswith(title), route


def test_the_area_picked_for_a_sector_is_the_case_study_about_it_cited_on_the_list(assistant: Assistant) -> None:
    # picked for its metallurgy cluster: the case study about it, cited to its bullet in the list of case studies,
    # though that names the sector otherwise ('South Yorkshire: Metallurgy', its title 'Metals and Metallurgy')
    answer = assistant.ask("Which of the areas was picked for its metallurgy cluster?")
    assert answer.answer.startswith("1 of the 11 case studies are about metallurgy")
    assert [(c.page, c.quote) for c in answer.citations] == [(6, "• South Yorkshire: Metallurgy")]


def test_what_the_report_keeps_returning_to_is_the_topic(assistant: Assistant) -> None:
    # not 'reason returning administrative boundaries' (the North East's 'large returns' is no answer)
    question = "What is the main reason the report keeps returning to administrative boundaries? Summarise its argument."
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic) == ("summary", "administrative boundaries")


def test_a_sectors_name_said_across_the_report_is_a_topic_not_that_case_study(assistant: Assistant) -> None:
    question = "Where does net zero come up across the report? Summarise the main points."
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.regions, route.topic) == ("summary", (), "net zero")
    answer = assistant.ask(question)
    for needle in ("**Hull & East Yorkshire**", "**Cumbria**", "**Tees Valley**"):
        assert needle in answer.answer


def test_the_introduction_summarised_as_what_it_says_the_report_is_and_how_it_was_produced(assistant: Assistant) -> None:
    question = "Give me a short summary of what the introduction says the publication is and how it was produced."
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.section) == ("summary", "Introduction")


def test_a_summary_on_devolution_finds_what_is_devolved(assistant: Assistant) -> None:
    # 'devolution' is said as 'devolved' too: GM's 'limited but increasing devolved powers', 'Devolved organisations'
    answer = assistant.ask("Summarise the report's view on devolution and cluster policy.")
    assert answer.route == "summary"
    for needle in ("devolved powers", "Devolved organisations", "cannot be driven from Whitehall"):
        assert needle in answer.answer
    assert "Introduction" not in answer.answer  # 'recommendations for future UK policy development' is no view on it


@pytest.mark.parametrize(
    "question",
    [
        "Compare the report's cross-cutting theme on skills with its theme on funding and finance.",
        "Compare the skills theme with the funding and finance theme - what does each one actually say?",
        "Compare the funding theme and the skills theme in the cross-cutting themes - what is the core problem in each?",
    ],
)
def test_two_themes_compared_are_each_given_in_brief(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.route == "compare", answer.answer
    cited = {c.section.rsplit(" › ", 1)[-1] for c in answer.citations}
    assert cited == {
        "Skills gaps remain one of the most common challenges", "Funding and finance challenges come in a variety of forms"
    }
    assert "constant point of concern" in answer.answer and "Golden Triangle" in answer.answer
    # each side's title is cited where its theme heads itself with it
    assert re.search(r"^Skills gaps remain one of the most common challenges \[\d+\]", answer.answer, re.M), answer.answer


def test_two_recommendations_compared_are_each_given_in_brief(assistant: Assistant) -> None:
    route = route_question(
        "Compare the recommendation on devolution with the one on small competitive grants", assistant.retriever.steer,
        assistant.outline,
    )
    assert route.kind == "compare" and [s.split(" › ")[1][:22] for s in route.sections] == [
        "Clusters and innovatio", "We need a shift away f"
    ], route


@pytest.mark.parametrize(("question", "page"), [("What does the report say about skills overall?", 21),
                                                ("What does the publication say about funding and finance for clusters?", 20)])
def test_the_reports_own_section_on_a_topic_speaks_first(assistant: Assistant, question: str, page: int) -> None:
    # its view (the cross-cutting theme) leads, then the case studies that say most on it
    answer = assistant.ask(question)
    assert answer.route == "summary" and answer.citations[0].page == page, answer.answer
    assert any(c.cluster for c in answer.citations[1:])


@pytest.mark.parametrize(
    ("question", "kind", "topic", "group"),
    [
        (
            "Which clusters are profiled in the report? Please give each place with its sector, I'm mapping them against our "
            "university's research strengths.",
            "list", "", "case studies",
        ),
        (
            "In which case studies do Local Enterprise Partnerships get a specific mention? Asking as we work closely with ours.",
            "aggregate", "Local Enterprise Partnerships", "",
        ),
        (
            "Brief me on the recommendations in a few bullets - I've got five minutes before a call with our minister.",
            "list", "", "Recommendations",
        ),
        ("In a few bullets, what are NP11 recommending to government?", "list", "", "Recommendations"),
        ("Brief me on Greater Manchester's AI/digital cluster; we're benchmarking Glasgow against it.", "summary", "", ""),
    ],
)
def test_who_asks_said_after_the_question_routes_it_not(
    assistant: Assistant, question: str, kind: str, topic: str, group: str
) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.topic, route.group) == (kind, topic, group), route


@pytest.mark.parametrize(
    ("question", "section", "topic"),
    [
        (
            "What are the main observations and implications for cluster policy?",
            "Observations and implications for cluster policy",
            "",
        ),
        ("What are the key observations?", "Observations and implications for cluster policy", ""),
        ("Brief me on what this report is, who produced it and how the research was done.", "Introduction", ""),
        ("what's the background to this report - who did it and how?", "Introduction", ""),
        # how widely to read, said after the question, is no topic
        ("what does the report say about skills overall? across the themes and the cluster case studies", "", "skills"),
    ],
)
def test_a_section_asked_for_by_its_title_or_scope_is_summarised(
    assistant: Assistant, question: str, section: str, topic: str
) -> None:
    route = route_question(question, assistant.retriever.steer, assistant.outline)
    assert (route.kind, route.section, route.topic) == ("summary", section, topic), route


def test_the_reports_view_on_a_topic_is_not_its_introduction(assistant: Assistant) -> None:
    # 'what's the report's ...' is not 'what is the report'
    route = route_question("What's the report's beef with small competitive grant pots?", assistant.retriever.steer,
                           assistant.outline)
    assert route.section != "Introduction" and "grant" in route.topic, route


def test_a_case_summary_says_what_the_case_study_says_it_focuses_on(assistant: Assistant) -> None:
    answer = assistant.ask("Summarise the West Yorkshire AI/healthtech case study.")
    assert answer.route == "summary" and "primarily focuses on AI applications in healthcare" in answer.answer, answer.answer
    assert any("AI applications in healthcare" in c.quote for c in answer.citations)


def test_a_place_named_in_an_afterword_after_a_semicolon_is_who_asks(assistant: Assistant) -> None:
    answer = assistant.ask("Brief me on Greater Manchester's AI/digital cluster; we're benchmarking Glasgow against it.")
    assert answer.route == "summary" and "second-largest digital economy" in answer.answer, answer.answer
