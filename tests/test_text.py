"""Text helpers: normalisation, sentence splitting, terms."""

from __future__ import annotations

import pytest

from clusterqa.text import (
    attributed_terms,
    core_question,
    maker_terms,
    normalise,
    question_terms,
    split_sentences,
    stem,
    terms,
    without_instructions,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The \u201cMayor\u2019s\u201d  Office \u2014 2023", 'the "mayor\'s" office - 2023'),
        ("\u2018single\u2019 and \u201edouble\u201d", "'single' and \"double\""),
        ("2019\u20132023 \u2212 net", "2019-2023 - net"),
        ("non\u2011breaking\u00a0space", "non-breaking space"),
        ("  Tees\n\tValley  ", "tees valley"),
        ("\ufb01nance", "finance"),  # NFKC folds the 'fi' ligature PDFs often carry
    ],
)
def test_normalise_folds_quotes_dashes_case_and_space(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "iiCON was founded in 2020. It grew, e.g. fast.",
            ["iiCON was founded in 2020.", "It grew, e.g. fast."],
        ),
        pytest.param(
            "Clusters need support, e.g. Catapults and universities. They also need time.",
            ["Clusters need support, e.g. Catapults and universities.", "They also need time."],
        ),
        pytest.param(
            "Work began under J. Smith in 1956. It grew.",
            ["Work began under J. Smith in 1956.", "It grew."],
        ),
        pytest.param(
            "Some firms, i.e. SMEs, struggle. Others thrive!",
            ["Some firms, i.e. SMEs, struggle.", "Others thrive!"],
        ),
        pytest.param(  # 'etc.' before a capital ends its sentence: the next is a sentence of its own, to be quoted alone
            "Support such as skills, etc. Devolved organisations may be better at this.",
            ["Support such as skills, etc.", "Devolved organisations may be better at this."],
        ),
        ("Funding was £160 million. That is a lot.", ["Funding was £160 million.", "That is a lot."]),
        ("The size is 4.2% annually. Growth continues.", ["The size is 4.2% annually.", "Growth continues."]),
        ("Lead in:\n• First item\n• Second item", ["Lead in:", "• First item", "• Second item"]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize("abbreviation", ["e.g.", "i.e.", "Dr.", "approx."])
def test_split_sentences_never_ends_a_sentence_on_an_abbreviation(abbreviation: str) -> None:
    sentences = split_sentences(f"Clusters need anchors, {abbreviation} Catapults and universities. They need time.")
    assert [s for s in sentences if s.endswith(abbreviation)] == []
    assert len(sentences) == 2


@pytest.mark.parametrize(
    ("a", "b"),
    [("clusters", "cluster"), ("funded", "funding"), ("companies", "company"), ("gaps", "gap"), ("jobs", "job"),
     ("organisations", "organisation"), ("multinationals", "multinational")],  # the singular's ending, once the s is off
)
def test_stem_matches_inflections(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize("word", ["less", "bus", "this", "plus"])
def test_stem_keeps_short_words_that_are_no_plurals(word: str) -> None:
    assert stem(word) == word


def test_terms_drop_stopwords_and_question_words() -> None:
    assert "the" not in terms("the cluster of the north")
    assert terms("Clusters in the North") == (stem("clusters"), "north")
    assert terms("Clusters in the North") == terms("cluster north")
    assert question_terms("How much funding did iiCON get?") == [stem("funding"), "iicon", "get"]


def test_worked_examples_in_docstrings_hold() -> None:
    import doctest

    import clusterqa.figures
    import clusterqa.questions
    import clusterqa.text

    for module in (clusterqa.text, clusterqa.questions, clusterqa.figures):
        assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize(
    ("question", "core"),
    [
        ("Can you tell me when iiCON was founded?", "when iiCON was founded?"),
        ("I need to know how much the LCR got.", "how much the LCR got."),
        ("Remind me: which clusters mention skills?", "which clusters mention skills?"),
        ("Tell me about the Cumbria case study", "Tell me about the Cumbria case study"),  # a summary request itself
        ("Check this", "Check this"),  # nothing would be left
        ("When was HETA established?", "When was HETA established?"),
        ("Quick one: what does HETA stand for?", "what does HETA stand for?"),
        ("I need the full list of the eleven case studies.", "List the eleven case studies."),
        ("Can you collate every cross-cutting theme?", "collate every cross-cutting theme?"),  # the request's own verb
        ("Could you please list the recommendations?", "list the recommendations?"),
        ("I'd like a list of every university mentioned.", "List every university mentioned."),
        ("I'd like to know when iiCON was founded.", "when iiCON was founded."),
        ("I’d like to know who commissioned the case studies.", "who commissioned the case studies."),
        ("I wonder whether you might tell me which clusters refer to Made Smarter?", "which clusters refer to Made Smarter?"),
        ("Would you mind telling me when iiCON was founded?", "when iiCON was founded?"),
        ("hey assistant which clusters mention hydrogen", "which clusters mention hydrogen"),  # spoken, to the assistant
        ("As a historian I'd like to know when HETA was founded.", "when HETA was founded."),  # who asks, then the lead-in
        ("Would you mind summarising the recommendations?", "summarise the recommendations?"),  # the ask, as asked for
        ("Dear Sir or Madam, I should be interested to know which clusters mention hydrogen.",
         "which clusters mention hydrogen."),
    ],
)
def test_core_question_drops_a_courteous_lead_in(question: str, core: str) -> None:
    assert core_question(question) == core


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("Why do clusters matter at all? One line, please.", "Why do clusters matter at all?"),
        ("What does HETA stand for? Briefly.", "What does HETA stand for?"),
        ("Which clusters mention skills? Thanks!", "Which clusters mention skills?"),
        ("What is in the one line summary?", "What is in the one line summary?"),  # part of the question
        ("Please tell me what HETA is.", "Please tell me what HETA is."),  # a lead-in is core_question's business
        # layout notes after a comma or dash, one after another
        ("name every cluster covered, comma separated, lowercase is fine", "name every cluster covered"),
        ("all the recommendations - numbered list, no commentary", "all the recommendations"),
        ("the cross-cutting themes, titles only, cheers", "the cross-cutting themes"),
        ("The themes. Keep it short", "The themes."),
        ("set the two AI clusters side by side with page refs", "set the two AI clusters side by side"),
        # 'short' asked about, said in the documents' words
        ("Which clusters are short of engineers?", "Which clusters are facing shortages of engineers?"),
        ("no. of firms in the SY metals cluster?", "number of firms in the SY metals cluster?"),  # a number asked
        ("The recommendation headings. No commentary, no intro.", "The recommendation headings."),
        ("What does it say about funding? Keep it to five bullet points.", "What does it say about funding?"),
        ("Which two documents, and what year is each? A two-line answer is fine.", "Which two documents, and what year is each?"),
    ],
)
def test_a_note_on_how_to_answer_is_not_searched_for(question: str, kept: str) -> None:
    assert without_instructions(question) == kept


def test_expansions_are_synonyms_the_question_does_not_use() -> None:
    from clusterqa.text import expansions

    wider = expansions(["problem", "challenge", "firm"])
    assert "issue" in wider and "company" in wider
    assert "problem" not in wider and "challenge" not in wider  # already asked
    assert {"undertak", "undertaken"} & set(expansions(terms("carried"))) and "boundary" in expansions(terms("borders"))


@pytest.mark.parametrize(
    ("question", "embedded"),
    [
        ("According to the report, when was HETA set up?", "when was HETA set up?"),
        ("Which problem do the authors say crops up in every cluster?", "Which problem do crops up in every cluster?"),
        ("What does the report say?", "What does the report say?"),  # nothing would be left to search for
        ("When was HETA set up?", "When was HETA set up?"),
        ("Why do clusters matter, according to NP11?", "Why do clusters matter?"),  # the author, at the end
        ("How many jobs, according to the Combined Authority?", "How many jobs, according to the Combined Authority?"),
    ],
)
def test_who_says_it_is_not_embedded_for_the_dense_search(question: str, embedded: str) -> None:
    from clusterqa.text import without_attribution

    assert without_attribution(question) == embedded


@pytest.mark.parametrize(
    ("question", "author"),
    [
        ("Who does NP11 want identified and connected?", {"np11"}),
        ("Does NP11 think it can be driven centrally?", {"np11"}),
        ("In NP11's terms, what is an innovation ecosystem?", {"np11"}),
        ("Why do clusters matter, according to NP11?", {"np11"}),
        ("Which grants does NP11 say should go?", {"np11"}),
        ("When was NP11 set up?", set()),  # what is asked about, not who says it
        ("Who chairs NP11?", set()),
        ("How many LEPs are members of the NP11 group?", set()),
    ],
)
def test_a_name_used_as_who_says_it_is_told_from_one_asked_about(question: str, author: set[str]) -> None:
    from clusterqa.text import attributed_terms

    assert attributed_terms(question) == author


def test_only_an_abbreviation_in_brackets_is_another_name() -> None:
    from clusterqa.routes import INCLUDING

    def alternatives(text: str) -> str:
        return INCLUDING.sub(lambda m: " or " + (m.group(1) or m.group(2)), text)

    assert alternatives("artificial intelligence (AI) firms") == "artificial intelligence or AI firms"
    assert alternatives("skills (mainly) gaps") == "skills (mainly) gaps"  # a word in brackets is not a name


@pytest.mark.parametrize(
    ("acronym", "sentence", "expansion"),
    [
        ("LEP", "Combined Authorities, Local Enterprise Partnerships and others", "Local Enterprise Partnerships"),
        ("MCA", "such as Mayoral Combined Authorities, Councils and", "Mayoral Combined Authorities"),
        ("DSIT", "by the Department for Science, Innovation and Technology, plus",
         "Department for Science, Innovation and Technology"),
        ("GM", "delivered in Greater Manchester and the North West", "Greater Manchester"),
        ("GM", "the Greater Manchester Combined Authority", ""),  # two words of a longer name
        ("CSR", "the Cyber Security Research Centre (CSRC)", ""),
        ("HETA", "HETA, a Group Training Association, was set up", ""),
    ],
)
def test_an_acronym_is_found_spelled_out_by_its_initials(acronym: str, sentence: str, expansion: str) -> None:
    from clusterqa.text import expansion_of

    assert expansion_of(acronym, sentence) == expansion


def test_an_acronym_is_spelled_by_words_not_by_another_acronym() -> None:
    from clusterqa.text import expansion_of

    assert expansion_of("US", "funded by the UKRI Strength in Places Fund") == ""


@pytest.mark.parametrize(
    ("question", "author"),
    [
        ("How does the NP11 report define a cluster?", {"np11"}),  # initials naming who wrote it
        ("What did the NP11 researchers find?", {"np11"}),
        ("When was NP11 set up?", set()),  # what is asked about
    ],
)
def test_the_author_named_as_who_wrote_the_report(question: str, author: set[str]) -> None:
    assert attributed_terms(question) == author == maker_terms(question)
    assert maker_terms("Who does NP11 want connected?") == set()  # who says it, not who wrote it


def test_plain_english_is_a_note_on_how_to_answer_unless_it_asks_for_a_summary() -> None:
    from clusterqa.text import without_instructions

    assert without_instructions("Which clusters mention hydrogen? Plain English, no jargon, and no bullet points.") == (
        "Which clusters mention hydrogen?"
    )
    assert without_instructions("whats the GM section actually saying, in plain english") == (
        "whats the GM section actually saying, in plain english"
    )
