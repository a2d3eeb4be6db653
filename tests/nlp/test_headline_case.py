"""Headlines in capitals are parsed in the case their story writes each word."""

from communique.actors.gazetteer import name_words
from communique.nlp.headline_case import headline_case

STORY = (
    "Australia accused the U.S. of increasing protectionism on farm products, and said the "
    "GATT exemption the U.S. enjoys under its rules was a flaw, trade minister Arnott said. "
    "Arnott attacks the waiver in a speech in Geneva."
)


def test_a_headline_in_capitals_takes_the_case_of_its_story():
    title = "AUSTRALIA ATTACKS U.S. GATT FARM RULES EXEMPTION"
    cased = headline_case(title, STORY)
    assert cased == "Australia attacks U.S. GATT farm rules exemption"
    assert len(cased) == len(title)  # offsets into the parse are offsets into the headline


def test_words_the_story_does_not_use():
    # an acronym's two letters stay, the words of a known name take its case, others are
    # lowercased; a possessive's "S" is no word of its own
    assert headline_case("UK'S SRI LANKA TRADE ENVOY SEEKS TALKS", "", name_words()) == (
        "UK's Sri Lanka trade envoy seeks talks"
    )


def test_a_headline_with_small_letters_is_left_as_written():
    assert headline_case("Egypt condemns Israel over raid", STORY) == (
        "Egypt condemns Israel over raid"
    )
