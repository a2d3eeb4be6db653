import pytest

from communique.ingest.text import clean_text, dateline_place, parser_text
from tests.conftest import EXAMPLE, RESOURCES, shared_path

NOISY = RESOURCES / "noisy"


def words(text: str) -> list[str]:
    return text.split()


def test_seed_clean_text_title_and_removed_kinds():
    expected = shared_path("seed", "expected_clean.txt").read_text(encoding="utf-8")
    title = shared_path("seed", "expected_title.txt").read_text(encoding="utf-8").strip()
    result = clean_text(shared_path("seed", "000_5aed2ec89439578e.txt").read_text(encoding="utf-8"))
    assert result.title == title
    assert words(result.text) == words(expected)
    assert result.text.count("\n\n") == 5  # six paragraphs
    assert result.source == "MENAFN"
    kinds = [block.kind for block in result.removed]
    assert kinds == ["title", "source_tag"] + ["duplicate"] * 5 + [
        "disclaimer",
        "link_list",
        "comments",
    ]


def test_bundled_example_is_the_seed():
    result = clean_text(EXAMPLE.read_text(encoding="utf-8"))
    assert result.title == "Russia, Mali boost trade together with joint research"
    assert "Legal Disclaimer" not in result.text and "Bitcoin" not in result.text


NOISY_CASES = {
    "disclaimer": {"disclaimer"},
    "link_list": {"link_list"},
    "repeated": {"duplicate"},
    "cookie": {"cookie"},
    "byline": {"byline"},
    "share_subscribe": {"share", "advertisement", "copyright"},
    "dateline": {"dateline"},
    "comments": {"comments"},
    "hard_wrapped": {"source_tag"},
}


@pytest.mark.parametrize("name", sorted(NOISY_CASES))
def test_noisy_text_cleans_to_its_expected_paragraphs(name):
    raw = (NOISY / f"{name}.txt").read_text(encoding="utf-8")
    expected = (NOISY / f"{name}.expected.txt").read_text(encoding="utf-8")
    result = clean_text(raw)
    assert result.text.split("\n\n") == expected.strip().split("\n\n")
    kinds = {block.kind for block in result.removed} - {"title"}
    assert NOISY_CASES[name] <= kinds, kinds


@pytest.mark.parametrize(
    "given, place",
    [
        ("WASHINGTON, March 4 -", "WASHINGTON"),
        ("SAN MATEO, Calif., March 2 -", "SAN MATEO, Calif."),
        ("BOGOTA -", "BOGOTA"),
        ("NAIROBI, Oct 20 (Reuters) -", "NAIROBI"),
        ("Nairobi", "Nairobi"),
        ("", None),
        ("  - ", None),
        ("reuters", None),
    ],
)
def test_the_place_of_a_dateline_given_apart_from_the_text(given, place):
    assert dateline_place(given) == place


def test_dateline_names_the_source():
    result = clean_text((NOISY / "dateline.txt").read_text(encoding="utf-8"))
    assert result.source == "Reuters"
    assert result.removed[0].text == "KYIV, March 3 (Reuters) -"
    assert result.dateline == "KYIV"


@pytest.mark.parametrize(
    "paragraph",
    [
        "The government said it would accept no responsibility for the delays at the border.",
        "Ministers share this concern about the talks.",
        "By Monday, officials said, the talks had collapsed.",
        "Voters must register for the election by Friday.",
        "The court ruled that the cookies sold by the firm infringed a trademark.",
        "Par ailleurs, la France a condamné cet accord mardi, a indiqué le ministère.",
        "La publicité pour le référendum a été interdite par la junte.",
        "Le Mali veut partager le renseignement avec ses voisins, a dit le ministre.",
    ],
)
def test_news_paragraphs_that_mention_boilerplate_words_stay(paragraph):
    text = f"A headline about the talks\n\nThe first paragraph of the story says something.\n\n{paragraph}\n\nThe last paragraph ends the story."
    assert paragraph in clean_text(text).text


def test_known_title_from_metadata_is_removed_from_the_text():
    result = clean_text("Talks resume\n\nThe talks resumed on Monday.", title="Talks resume")
    assert result.text == "The talks resumed on Monday."
    assert result.removed[0].kind == "title"


def test_text_without_title_keeps_its_first_paragraph():
    text = "The talks resumed on Monday in Geneva, diplomats said.\n\nNo agreement was reached."
    result = clean_text(text)
    assert result.title is None
    assert result.text == text


def test_a_wrapped_first_line_is_not_a_title():
    text = (
        "The president of the republic met the visiting\nforeign minister on Friday in the capital."
    )
    result = clean_text(text)
    assert result.title is None
    assert (
        result.text
        == "The president of the republic met the visiting foreign minister on Friday in the capital."
    )


def test_wire_copy_that_indents_its_paragraphs_is_joined_at_every_other_line():
    # too short and too uneven to look hard-wrapped: the first two lines were cut as
    # unpunctuated edge lines, and the last sentence at "loyal to". The indents say where
    # paragraphs begin, so no other line break ends one.
    text = (
        "Turkish jets bombed Kurdish\n"
        "positions in northern Iraq for the third time this week,\n"
        "Iraqi border officials said.\n"
        "    They said the planes struck villages in the Zakho\n"
        "area a few kms south of the border.\n"
        "    Turkish planes carried out a similar raid in the same area\n"
        "on Sunday, hitting two camps used by fighters loyal to\n"
        "Kurdish leader Massoud Barzani.\n"
        " REUTER\n"
    )
    assert clean_text(text, title="TURKISH JETS RAID NORTH IRAQ").text == (
        "Turkish jets bombed Kurdish positions in northern Iraq for the third time this week,"
        " Iraqi border officials said.\n\n"
        "They said the planes struck villages in the Zakho area a few kms south of the border."
        "\n\nTurkish planes carried out a similar raid in the same area on Sunday, hitting two"
        " camps used by fighters loyal to Kurdish leader Massoud Barzani."
    )


def test_a_line_that_stops_on_a_function_word_goes_on_in_the_next():
    # a one-paragraph story, too short to look hard-wrapped: its lines before a capital were
    # cut as unpunctuated edge lines, which left only "June shipment, traders said."
    text = (
        "Egypt will hold a buying tender on\n"
        "Tuesday, May 5, for two cargoes of soft wheat for\n"
        "June shipment, traders said.\n"
        " REUTER\n"
    )
    assert clean_text(text, title="EGYPT TO TENDER FOR WHEAT").text == (
        "Egypt will hold a buying tender on Tuesday, May 5, for two cargoes of soft wheat for"
        " June shipment, traders said."
    )


def test_character_references_left_in_a_text_are_read():
    text = "The communiqu&#233; welcomed the &pound;40m loan to R&D &amp; AT&T; firms.\n"
    assert clean_text(text).text == "The communiqué welcomed the £40m loan to R&D & AT&T; firms."


def test_a_line_in_lower_case_goes_on_with_the_one_before_even_after_an_abbreviation():
    text = (
        "The Panama Canal Commission, a U.S.\n"
        "government agency, said a backlog of ships was waiting to enter the canal.\n"
        "reuter\n"
    )
    assert clean_text(text, title="PANAMA CANAL BACKLOG").text == (
        "The Panama Canal Commission, a U.S. government agency, said a backlog of ships was"
        " waiting to enter the canal."
    )


def test_a_text_with_no_prose_is_kept_as_it_is():
    table = "Shr one dlr vs 73 cts\n    Net 12.6 mln vs 15.8 mln\n    Revs 337.3 mln vs 315.2 mln\n Reuter\n"
    result = clean_text(table, title="BROWN-FORMAN INC 4TH QTR NET")
    assert result.text.split("\n\n") == [
        "Shr one dlr vs 73 cts",
        "Net 12.6 mln vs 15.8 mln",
        "Revs 337.3 mln vs 315.2 mln",
    ]
    assert [b.kind for b in result.removed] == ["source_tag"]


@pytest.mark.parametrize(
    "line,kind",
    [
        ("READ MORE: Mali's junta extends its transition by five more years", "link_list"),
        ("Image caption: The two leaders met in the Kremlin", "caption"),
        ("Photo: Getty Images", "caption"),
        ("(File photo/Reuters)", "caption"),
        ("Subscribe now for unlimited access to our daily newsletter", "share"),
        ("Story continues below", "advertisement"),
        ("All rights reserved.", "copyright"),
        # French copy's own
        ("Lire aussi : Le Mali et la Russie renforcent leur coopération", "link_list"),
        ("À lire également : la Cédéao lève ses sanctions", "link_list"),
        ("Publicité", "advertisement"),
        ("Partager sur :", "share"),
        ("(AFP)", "source_tag"),
        ("Par AFP", "byline"),
        ("Tous droits réservés.", "copyright"),
    ],
)
def test_boilerplate_lines_inside_the_body_go_with_their_kind(line, kind):
    text = (
        f"A headline about the talks\n\nThe first paragraph of the story says something.\n\n{line}\n\n"
        "The last paragraph ends the story."
    )
    result = clean_text(text)
    assert line not in result.text
    assert [b.kind for b in result.removed] == ["title", kind]


def test_old_wire_capitals_after_an_abbreviation_are_undone_for_the_parser_only():
    """Reuters 1987 writes "the U.S. And other countries": the parser gets it lowercased, so
    that no sentence ends at "U.S.", and names after it keep their capitals. The article's
    text keeps what was written, and so does the evidence quoted from it."""
    written = (
        "Iran warned the U.S. And other countries not to interfere. The U.S. Treasury said "
        "the U.S. Would act."
    )
    assert clean_text(written + "\n").text == written
    parsed = parser_text(written)
    assert len(parsed) == len(written)
    assert "the U.S. and other countries" in parsed
    assert "The U.S. Treasury" in parsed and "the U.S. would act" in parsed


def test_a_common_noun_capitalised_after_an_abbreviation_is_lowercased_for_the_parser():
    # "U.S. Complaints" read as a name hides the act: "recent U.S. complaints about Japan"
    written = "A rice ban triggered recent U.S. Complaints about Japan's farm policy."
    assert "recent U.S. complaints about" in parser_text(written)


def test_verbs_and_agents_capitalised_after_an_abbreviation_are_lowercased_for_the_parser():
    # "U.S. Hopes" and "U.S. Congressmen" read as names hide the verb and the agents; a
    # pronoun may begin the next sentence ("in the U.S. It said") and keeps its capital
    written = (
        "Armacost said the U.S. Hopes Japan will act. Some U.S. Congressmen complained. "
        "Sales rose in the U.S. It said exports to the U.S. Fell."
    )
    parsed = parser_text(written)
    assert "the U.S. hopes Japan" in parsed and "U.S. congressmen complained" in parsed
    assert "the U.S. It said" in parsed and "the U.S. fell" in parsed
    # "warned the U.S. Any interference would meet a strong response" is one sentence
    parsed = parser_text("Tehran warned the U.S. Any interference would meet a response.")
    assert "the U.S. any interference" in parsed


def test_a_possessive_written_with_a_double_quote_is_given_an_apostrophe_for_the_parser():
    # Reuters copy writes 'Ecuador"s deputy energy minister': read as a quotation, it hid the
    # speaker's country; a closing quote that no "s" follows is left alone
    written = 'Ecuador"s deputy energy minister said the "old" quotas were "dead".'
    parsed = parser_text(written)
    assert len(parsed) == len(written)
    assert parsed == 'Ecuador\'s deputy energy minister said the "old" quotas were "dead".'
