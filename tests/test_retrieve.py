"""Retrieval over the real publication: hybrid ranking, steering by place and cluster names, filters."""

from __future__ import annotations

import pytest

from clusterqa.errors import UnknownNameError
from clusterqa.pipeline import Assistant
from clusterqa.retrieve import Retriever

# (question, text of the evidence, printed page of the evidence)
EVIDENCE = [
    ("How much government funding seeded the Liverpool City Region Investment Zone?", "£160", 7),
    ("Where did the National Cyber Force locate in 2021?", "Samesbury", 10),
    ("How many jobs will be needed to satisfy replacement demand in Tees Valley?", "116,000", 19),
    ("Why do the recommendations call for a shift away from small competitive grants?", "competitive grants", 23),
    ("How many people did the North East space cluster employ by 2020?", "1,365", 8),
    ("When was HETA established?", "1967", 9),
    ("When was Calder Hall constructed?", "Calder Hall in 1956", 16),
    ("How many businesses does Alderley Park host?", "over 250 businesses", 11),
    ("What share of Greater Manchester firms adopt advanced digital technology?", "78%", 12),
    ("How much Investment Zone funding did West Yorkshire get?", "£80m", 15),
    ("Why are clusters important?", "Clusters are important because", 4),
    ("Where is Stallingborough's apprenticeship training facility?", "Stallingborough", 9),
]


@pytest.fixture(scope="module")
def retriever(assistant: Assistant) -> Retriever:
    return assistant.retriever


@pytest.mark.parametrize(("question", "needle", "printed_page"), EVIDENCE)
def test_evidence_is_ranked_first_on_its_page(retriever: Retriever, question: str, needle: str, printed_page: int) -> None:
    result = retriever.retrieve(question, k=5)
    assert len(result.passages) == 5
    top = result.passages[0].chunk
    assert needle in top.text, [p.chunk.text[:60] for p in result.passages]
    assert top.page == printed_page


def test_scores_are_ranked(retriever: Retriever) -> None:
    result = retriever.retrieve("What is the headline R&D goal of the Liverpool City Region?", k=10)
    scores = [p.score for p in result.passages]
    assert scores == sorted(scores, reverse=True)
    assert len(result.passages) == 10
    assert len({p.chunk.id for p in result.passages}) == 10


def test_keyword_only_word_is_found(retriever: Retriever) -> None:
    # 'Stallingborough' means little to the embedding model; BM25 has to carry it
    result = retriever.retrieve("Stallingborough", k=3)
    assert "Stallingborough" in result.passages[0].chunk.text
    assert result.passages[0].keyword > 0


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("What are the strengths of the Tees Valley?", "Tees Valley"),
        ("How did Greater Manchester attract AI investment?", "Greater Manchester"),
        ("What did the Humber cluster plan lead?", "Hull & East Yorkshire"),
        ("Who supports iiCON?", "Liverpool City Region"),
        ("What happened at Alderley Park?", "Cheshire & Warrington"),
        ("How is Cumbria's nuclear legacy used?", "Cumbria"),
        ("What is the chemicals industry like in the Tees area?", "Tees Valley"),  # 'the Tees'
    ],
)
def test_place_and_cluster_names_steer_to_the_case_study(retriever: Retriever, question: str, region: str) -> None:
    result = retriever.retrieve(question, k=5)
    assert region in result.steered_to
    assert result.passages[0].chunk.region == region
    assert sum(p.chunk.region == region for p in result.passages) >= 2


def test_general_question_is_not_steered(retriever: Retriever) -> None:
    assert retriever.retrieve("Why are clusters important?", k=5).steered_to == ()
    # a word of a longer name ('Office for Health Improvement and Disparities') names nothing on its own
    assert retriever.steer("Summarise the York & North Yorkshire case study for our research office.") == (
        "York & North Yorkshire",
    )
    # an acronym spelled out in the plural ('Local Enterprise Partnerships (LEPs)') is a kind of body: the asker's LEP
    # is no case study's, though only one case study says 'LEP'
    assert retriever.steer("My LEP has been through every funding round going") == ()
    assert retriever.steer("What did the new MCA promise?") == ()
    assert retriever.steer("What did the National Cyber Force (NCF) bring?") == ("Lancashire",)


@pytest.mark.parametrize("name", ["Tees Valley", "tees valley", "Chemicals", "Tees Valley: Chemicals", "tees"])
def test_cluster_filter_keeps_only_that_case_study(retriever: Retriever, name: str) -> None:
    result = retriever.retrieve("What are the main challenges for skills and funding?", k=5, cluster=name)
    assert result.filters == {"cluster": "Tees Valley"}
    assert result.passages
    for passage in result.passages:
        assert passage.chunk.region == "Tees Valley"
        assert passage.chunk.cluster == "Chemicals"
        assert "Tees Valley: Chemicals" in passage.chunk.section


def test_unknown_cluster_lists_known_names(retriever: Retriever) -> None:
    with pytest.raises(UnknownNameError) as info:
        retriever.retrieve("Anything?", cluster="Atlantis")
    message = str(info.value)
    assert message.startswith("Unknown cluster 'Atlantis'. Known: ")
    for known in ("Tees Valley: Chemicals", "North East: Space", "Cumbria: Clean Energy", "Lancashire: Cyber-Physical"):
        assert known in message
    assert len(info.value.known) == 11


def test_document_filter(retriever: Retriever) -> None:
    source = "np11-innovation-clusters-north-of-england.pdf"
    result = retriever.retrieve("Why are clusters important?", k=5, document=source.removesuffix(".pdf"))
    assert result.filters == {"document": source}
    assert all(p.chunk.source == source for p in result.passages)
    with pytest.raises(UnknownNameError, match=r"Unknown document 'other.pdf'. Known: " + source):
        retriever.retrieve("Why?", document="other.pdf")


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("What is the population of Leeds?", ("Leeds",)),
        ("What is the capital of France?", ("France",)),
        ("Where did the National Cyber Force locate in 2021?", ()),
        ("What does Tees Valley export?", ()),
        ("How many people live in Sheffield?", ()),
        ("Whose mapping data recognised the clusters? Give the department's abbreviation.", ()),  # a sentence start
        ("Which DSIT-style instruments are mentioned?", ()),  # the capitalised half is the name
        ("Which Narnia-style instruments are mentioned?", ("Narnia-style",)),
        ("If I'm pitching to a satellite firm, what should I lead with?", ()),  # the asker
        ("Clusters are not only about GDP - what else?", ()),  # an everyday acronym
        # a name of known words, one of which the documents never capitalise ('show')
        ("Which town hosts the Great Yorkshire Show?", ("Great Yorkshire Show",)),
        ("What does the Liverpool Innovation Board do?", ()),  # every word of it is written as a name
        ("How did Raytheon UK get a foothold?", ()),  # 'Raytheon' opens a sentence there, and is a name
        ("Why do West Yorkshire AI/healthtech firms share a labour pool?", ()),  # the lower-case half is no name
        ("Summarise the 'Impact Of Cluster Approach' part for Hull.", ()),  # a title in quotes
        ("What could help North Yorks compete for funding?", ()),  # a short form of the region's name
        ("Who anchors the Lancs cluster?", ()),
    ],
)
def test_unknown_names(retriever: Retriever, question: str, unknown: tuple[str, ...]) -> None:
    assert retriever.unknown_names(question) == unknown


def test_clusters_lists_every_case_study(retriever: Retriever) -> None:
    clusters = retriever.clusters()
    assert len(clusters) == 11
    assert ("Tees Valley", "Chemicals") in clusters
    assert ("Greater Manchester", "Artificial Intelligence/Digital") in clusters


def test_case_study_questions_find_the_overview_page(retriever: Retriever) -> None:
    # every case study sits under 'Innovation Cluster Case Studies in the North'; only the overview
    # page itself should match 'case study' by its section
    result = retriever.retrieve("Lancashire case study - which sector?", k=5)
    assert any(p.chunk.page == 6 and "Cyber-Physical" in p.chunk.text for p in result.passages)


def test_a_synonym_of_a_question_word_earns_part_of_its_weight(retriever: Retriever) -> None:
    """'problem' in the question, 'challenges' in the sentence: half the credit of the word itself."""
    from clusterqa.retrieve import own_section
    from clusterqa.text import question_terms, terms

    question = "Which problem is most common across the clusters?"
    result = retriever.retrieve(question, k=10)
    passage, scored = next(
        (p, s) for p in result.passages for s in p.sentences if s.sentence.text.startswith("• Skills gaps remain")
    )
    asked = set(question_terms(question))
    have = set(terms(scored.sentence.text)) | set(terms(own_section(passage.chunk)))
    exact = sum(retriever.idf(t) for t in asked if t in have) / sum(retriever.idf(t) for t in asked)
    assert "problem" not in have and "challenge" in have
    assert scored.coverage == pytest.approx(exact + 0.5 * retriever.idf("problem") / sum(retriever.idf(t) for t in asked))


def test_a_compound_that_starts_with_a_question_word_earns_part_credit() -> None:
    from clusterqa.retrieve import SYNONYM_CREDIT, _credit

    assert _credit("launch", {"launchpad"}) == SYNONYM_CREDIT  # 'launch scheme' - 'Launchpad'
    assert _credit("health", {"healthtech"}) == SYNONYM_CREDIT
    assert _credit("health", {"healthy"}) == 0.0  # a suffix, not a second word
    assert _credit("health", {"health"}) == 1.0


def test_keeping_something_going_is_sustaining_it(retriever: Retriever) -> None:
    # 'keeping NESACoE going' - 'sustained interest by local partners such as Business Durham'
    result = retriever.retrieve("Which local bodies does the report credit with keeping NESACoE going?", k=5)
    assert any("Business Durham" in p.chunk.text for p in result.passages)


@pytest.mark.parametrize(
    "question", ["How big is the Sheffield city region metals cluster?", "How many firms are in the Sheffield-area metals base?"]
)
def test_the_sheffield_city_region_is_south_yorkshire(retriever: Retriever, question: str) -> None:
    # the documents' only 'Sheffield' is Lancashire's 'University of Sheffield-based' AMRC outpost
    assert retriever.steer(question) == ("South Yorkshire",)


def test_a_how_many_question_lifts_the_passage_counting_what_it_asks_after(retriever: Retriever) -> None:
    # 'nearly 200 SMEs' sits in a passage on multinationals; the other Liverpool passages say 'life sciences' more
    retrieval = retriever.retrieve("Roughly how many SMEs make up the wider Liverpool City Region life sciences ecosystem?", 5)
    assert "nearly 200 SMEs" in retrieval.passages[0].chunk.text


def test_a_typo_in_a_name_the_documents_use_is_no_unknown_name(retriever: Retriever) -> None:
    assert retriever.unknown_names("How long is the Cheshire Science Coridor?") == ()  # 'Corridor'
    assert retriever.unknown_names("What is the population of Leeds?") == ("Leeds",)  # a name they never use
    assert retriever.unknown_names("Who founded the Great Yorkshire Show?") == ("Great Yorkshire Show",)


def test_a_hedged_name_is_set_aside_only_when_the_documents_never_use_it(retriever: Retriever) -> None:
    assert retriever.without_claimed("Which firm, Anglo Australian I believe, partnered with BioVale?") == (
        "Which firm partnered with BioVale?"
    )
    kept = "The consortium, iiCON I think, started with a grant. How much has it attracted since?"
    assert retriever.without_claimed(kept) == kept  # theirs: the name still says which one
    # what the question looks past, in a name they never use, is no name they must mention either
    assert retriever.without_claimed("Beyond Kuznets-style gains, what social goals do councils have?") == (
        "What social goals do councils have?"
    )
    assert retriever.without_claimed("Beyond the Humber, which clusters mention hydrogen?") == (
        "Beyond the Humber, which clusters mention hydrogen?"  # theirs: it says which one is set aside
    )


def test_a_name_in_the_askers_scene_is_not_what_the_documents_must_mention(retriever: Retriever) -> None:
    question = "Quick one from the Minister's office: when was the Liverpool City Region Investment Zone announced?"
    assert retriever.retrieve(question, 5).unknown_names == ()


@pytest.mark.parametrize(
    ("question", "respelled"),
    [
        ("size of the helathtech launchpad?", "size of the healthtech Launchpad?"),  # a slip; a name they capitalise
        ("Which occupations are in short suply?", "Which occupations are in short supply?"),
        # one letter struck for another, late in a long word, is a slip too, not another form of theirs
        ("which case studies mention astrazenica?", "which case studies mention Astrazeneca?"),
        # a word they write whole, hyphenated, as they write it; one they hyphenate stays so
        ("Home-grown industries? Its net-zero aims?", "Homegrown industries? Its net-zero aims?"),
        ("Which mention cyber-security?", "Which mention cyber-security?"),  # they write 'cyber security' too
        # English words, and other forms of the documents' own, stay as asked
        ("Which put a count on firms? Which strands of support?", "Which put a count on firms? Which strands of support?"),
        ("How does it characterise them? How many apprentices?", "How does it characterise them? How many apprentices?"),
        # a name one slip from one of theirs, as they write it; a name they never use is unknown_names' to judge
        ("What about Stallingbrough?", "What about Stallingborough?"),
        ("Why was Salmesbury chosen?", "Why was Samesbury chosen?"),
        ("What about Leeds and Bradfield?", "What about Leeds and Bradfield?"),
        # a note-taker's shorthand, and a case study's initials typed in lower case
        ("wy digital growth rate per yr?", "WY digital growth rate per year?"),
        ("% of GM firms using adv digital tech?", "% of GM firms using advanced digital tech?"),
        ("how big is the gm digital economy", "how big is the GM digital economy"),
        ("what did lcr and c&w get?", "what did LCR and C&W get?"),
        # ...but an English word among capitals stays a word, and a greeting is no Hull & East Yorkshire
        ("How big is the NE space cluster, and does it say gm?", "How big is the NE space cluster, and does it say gm?"),
        ("hey what did the Humber get", "hey what did the Humber get"),
        # a place typed in lower case is a name still, so it must be where the answer is said
        ("when did the humber freeport open", "when did the Humber Freeport open"),
        ("how many firms in the tees valley chemicals cluster", "how many firms in the Tees Valley chemicals cluster"),
    ],
)
def test_a_typo_is_respelled_in_the_documents_words_and_nothing_else(retriever: Retriever, question: str, respelled: str) -> None:
    assert retriever.respelled(question) == respelled


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        ("How did NP11 decide which clusters to profile? I want to explain the selection logic in our paper.",
         "spanning a broad range of cluster types"),
        ("Why should we get the bosses of major local firms talking to one another?", "Connecting leaders to each other"),
        ("Does the report suggest that having a cluster can bring better roads, broadband and the like to an area?",
         "communications and transportation systems"),
        ("Does the report accept that central government can't deliver most of what clusters need?",
         "cannot be driven from Whitehall"),
    ],
)
def test_everyday_words_find_the_documents_own(retriever: Retriever, question: str, needle: str) -> None:
    # decide/chosen, bosses/leaders, roads/transportation, broadband/communications, central government/Whitehall
    assert any(needle in p.chunk.text for p in retriever.retrieve(question, k=5).passages)


def test_a_number_in_words_counts_what_follows_it(retriever: Retriever) -> None:
    # 'Our eleven case studies span ...' counts case studies as '54 organisations' counts organisations
    passages = retriever.retrieve("How many case studies make up the NP11 work?", k=5).passages
    assert any("Our eleven case studies" in p.chunk.text for p in passages)
