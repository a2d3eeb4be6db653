"""Agents the text leaves without a country (context.py) and first-person pronouns inside
quotations (quotes.py), through the real model."""

import json

import pytest

from tests.actors.conftest import actors_of
from tests.conftest import shared_path


def countries(article, text) -> set:
    return {a["country"] for a in actors_of(article, text)}


def test_the_ministers_of_a_story_about_nato_are_nato(resolve_text):
    article = resolve_text(
        "NATO defence ministers met in Brussels on Tuesday. NATO said the "
        "alliance was strong. The ministers agreed to send more troops."
    )
    ministers = [a for a in actors_of(article, "The ministers")]
    assert ministers and all(
        a["country"] == "IGO" and a["code"] == "IGOWSTNAT" for a in ministers
    ), ministers


@pytest.mark.parametrize(
    "text",
    [
        "The Turkish minister made a surprise visit, where he met leaders in Baghdad.",
        "Officials from Baghdad arrived in Ankara on Monday.",
    ],
)
def test_agents_placed_in_a_country_are_that_country(resolve_text, text):
    article = resolve_text(text)
    agent = "leaders" if "leaders" in text else "Officials"
    assert countries(article, agent) == {"IRQ"}


@pytest.mark.parametrize(
    "text, group, country",
    [
        # the people of a place are of its country, a city included
        ("Protesters in Seoul burned a flag outside the embassy.", "Protesters", "KOR"),
        ("Thousands of students throughout Indonesia staged demonstrations.", "students", "IDN"),
        ("A terror group based in Trinidad claims to be making weapons.", "A terror group", "TTO"),
        # a person is placed by "of"
        ("King Hassan of Morocco said he would host a meeting.", "King Hassan", "MAR"),
    ],
)
def test_groups_and_people_placed_by_the_text_are_of_that_country(
    resolve_text, text, group, country
):
    assert countries(resolve_text(text), group) == {country}


@pytest.mark.parametrize(
    "text, group",
    [
        # rebels in a city need not be of it; a visitor is not of the city he is in
        ("Rebels in Baghdad attacked the convoy.", "Rebels"),
        ("Senator Smith in Moscow said the talks went well.", "Senator Smith"),
    ],
)
def test_placing_is_not_guessed_beyond_what_the_text_says(resolve_text, text, group):
    assert countries(resolve_text(text), group) == {None}


@pytest.mark.parametrize(
    "text, agent, party",
    [
        (
            "EC foreign ministers issued a statement deploring Japan's trade imbalance. "
            "Ministers also warned that the Community would react.",
            "Ministers",
            "IGO",
        ),
        (
            "Chad's military high command said troops killed 1,269 Libyan soldiers. In its "
            "first casualty list, the high command said 438 Libyans were taken prisoner.",
            "the high command",
            "TCD",
        ),
    ],
)
def test_an_agent_repeated_by_its_head_noun_is_the_party_named_before(
    resolve_text, text, agent, party
):
    assert countries(resolve_text(text), agent) == {party}


def test_a_plural_agent_opening_a_sentence_is_named_again_though_tagged_a_name(resolve_text):
    """In this Reuters story the tagger takes "Ministers" for a proper noun, whose lemma is
    itself: the head noun is the plural's all the same."""
    corpus = shared_path("data", "corpora", "reuters21578.jsonl")
    with corpus.open(encoding="utf-8") as lines:
        story = next(json.loads(line) for line in lines if '"reuters-5752"' in line)
    article = resolve_text(story["text"], date=story["date"])
    assert countries(article, "Ministers") == {"IGO"}


@pytest.mark.parametrize(
    "text, agent",
    [
        # the mentions before are of two parties
        (
            "French officials met U.S. officials in Geneva. Officials said the talks failed.",
            "Officials",
        ),
        # the agent says more than the mention before
        (
            "Japanese officials met in Tokyo. European monetary officials said rates would rise.",
            "European monetary officials",
        ),
        # a parliament or a court may be a member state's, after the EU's
        (
            "The European Parliament debated the bill. The parliament then rejected it.",
            "The parliament",
        ),
        # a noun that only modifies another is no party named again
        ("Japan's Ministry acted. Washington is angry over other ministry moves.", "ministry"),
    ],
)
def test_an_agent_is_not_carried_where_its_head_noun_is_not_enough(resolve_text, text, agent):
    assert countries(resolve_text(text), agent) == {None}


@pytest.mark.parametrize(
    "text",
    [
        # officials in a story about two countries are not guessed from the one named most
        "Japan wants a deal. Japan and the United States are at odds. Officials criticised the plan.",
        # nothing to go on
        "Officials criticised the plan on Monday.",
    ],
)
def test_officials_are_not_guessed(resolve_text, text):
    assert countries(resolve_text(text), "Officials") == {None}


@pytest.mark.parametrize(
    "text, pronoun, country",
    [
        ('"Our army will not retreat," the Armenian commander said.', "Our army", "ARM"),
        ('"We will respond," the Armenian defence minister told reporters.', "We", "ARM"),
        (
            'The Iranian foreign minister said: "We condemn the attack on our platforms."',
            "We",
            "IRN",
        ),
        # the attribution in the next sentence
        (
            '"We will not give up our claim." The Argentine foreign minister said so on Monday.',
            "We",
            "ARG",
        ),
        # "I" is the speaker
        ('The British foreign secretary said: "I applaud the efforts of Pakistan."', "I", "GBR"),
    ],
)
def test_we_inside_a_quotation_is_the_speakers_side(resolve_text, text, pronoun, country):
    assert countries(resolve_text(text), pronoun) == {country}


def test_he_after_a_minister_placed_by_context_is_that_minister(resolve_text):
    """ "The prime minister" takes the story's country only once the article is read
    (context.py); a "he" that stands for him takes it too."""
    article = resolve_text(
        "Tony Blair has predicted the British Government will give more aid. The prime "
        "minister took personal charge of the response on Tuesday. He also spoke on the "
        "telephone to US President George Bush."
    )
    assert countries(article, "He") == {"GBR"}


def test_a_reference_followed_by_a_name_in_apposition_is_that_name(resolve_text):
    """ "They (the Kuwaitis)": the apposition says who they are, not the parties named last."""
    article = resolve_text(
        "U.S. officials said the United States and the Soviet Union had offered help. "
        '"They (the Kuwaitis) have also asked Britain and China to lease tankers," one '
        "official said."
    )
    assert countries(article, "They (the Kuwaitis") == {"KWT"}


def test_we_outside_a_quotation_or_after_its_paragraph_is_not_the_speaker(resolve_text):
    article = resolve_text(
        '"We will respond," the Armenian minister said.\n\n'
        "We expect the talks to resume, analysts at the bank said."
    )
    second = [
        a
        for a in article.actors_record()["actors"]
        if a["text"] == "We" and a["start"] > article.text.index("\n\n")
    ]
    assert all(a["country"] is None for a in second), second


def test_the_prime_minister_of_a_story_about_one_country_is_its(resolve_text):
    article = resolve_text(
        "Britain and France disagree. Britain wants a rebate, Britain "
        "says. The prime minister said the rebate was fair."
    )
    assert countries(article, "The prime minister") == {"GBR"}


def test_a_capitalised_office_is_the_story_s_state_too(resolve_text):
    # Reuters writes "the Ministry", "the Government"
    article = resolve_text(
        "Britain and France disagree. Britain wants a rebate, Britain "
        "says. The Ministry said the rebate was fair."
    )
    assert countries(article, "The Ministry") == {"GBR"}


@pytest.mark.parametrize("office", ["A government spokesman", "A foreign ministry spokesman"])
def test_a_spokesman_named_by_an_office_speaks_for_the_story_s_state(resolve_text, office):
    article = resolve_text(
        "Britain and France disagree. Britain wants a rebate, Britain "
        f"says. {office} said the rebate was fair."
    )
    assert countries(article, office) == {"GBR"}


def test_the_offices_of_a_datelined_story_are_the_state_it_is_about(resolve_text):
    # Libya is named more often, but the story is about Chad's side
    article = resolve_text(
        "Chad said its forces repelled a Libyan attack near Fada. Libya denied it. "
        "Libya said Chad lied. The foreign ministry protested.",
        dateline="NDJAMENA",
    )
    assert countries(article, "The foreign ministry") == {"TCD"}
    # a story from the city where a meeting is held is about the state that speaks there,
    # not the dateline's (measured on Reuters datelines: see context._home_country)
    article = resolve_text(
        "Bolivia told the tin council meeting in Malaysia it expected to export 9,000 tonnes "
        "of tin. The Mining Ministry said exports would rise.",
        dateline="KUALA LUMPUR",
    )
    assert countries(article, "The Mining Ministry") == {"BOL"}


def test_the_offices_of_a_story_are_the_state_its_first_sentence_is_about(resolve_text):
    # Iran is named more often, but the story is Kuwait's answer
    article = resolve_text(
        "Kuwait today rejected Iranian charges that its fishing boats were spy boats. "
        "The Iranian accusation has no basis, the Foreign Ministry said. "
        "Iran seized the boats last week."
    )
    assert countries(article, "the Foreign Ministry") == {"KWT"}
    article = resolve_text(
        "Yugoslavia will not follow Brazil by suspending repayments on its debt, Prime "
        "Minister Branko Mikulic was quoted as saying. Brazil halted payments. Brazil "
        "said so. Mikulic visits West Germany next week."
    )
    assert countries(article, "Prime Minister Branko Mikulic") == {"SRB"}


def test_an_official_the_text_gives_no_country_is_the_story_s_and_so_is_his_surname(
    resolve_text,
):
    article = resolve_text(
        "Kuwait today rejected Iranian charges. Iran's envoy was summoned to confer with "
        "Foreign Undersecretary Suleiman Majed al-Shaheen. Shaheen condemned the detentions."
    )
    assert countries(article, "Foreign Undersecretary Suleiman Majed al-Shaheen") == {"KWT"}
    assert [a["country"] for a in actors_of(article, "Shaheen")] == ["KWT", "KWT"]
    # a title that banks and firms give is no office of the state
    article = resolve_text(
        "Italy signed the accord. Italy said so. BNL president Nerio Nesi told a news "
        "conference the bank was in talks."
    )
    assert countries(article, "BNL president Nerio Nesi") == {None}
    # nor is a spokesman's office for a charity
    article = resolve_text(
        "Albania signed the accord with Britain. Albania said so. Andrew Hogg, spokesman "
        "for the Medical Foundation, said ministers had failed to reassure agencies."
    )
    assert countries(article, "Andrew Hogg, spokesman for the Medical Foundation") == {None}
    assert countries(article, "ministers") == {None}


def test_what_a_speaker_placed_by_the_story_reports_of_his_government_is_his_state(
    resolve_text,
):
    article = resolve_text(
        "Sudan has rejected a demand by the International Monetary Fund for a devaluation. "
        "Finance Minister Beshir Omer said his government also rejected an IMF demand to "
        "lift subsidies."
    )
    assert countries(article, "Finance Minister Beshir Omer") == {"SDN"}
    assert countries(article, "his government") == {"SDN"}


def test_only_agents_an_organisation_has_are_the_organisation_s(resolve_text):
    article = resolve_text(
        "Javier Solana, EU foreign policy chief, says the evidence works. The EU said so. "
        "Human rights groups, top police officers and many MPs say the evidence is needed."
    )
    assert countries(article, "top police officers") == {None}
    assert countries(article, "many MPs") == {None}


def test_diplomats_posted_abroad_are_not_placed(resolve_text):
    article = resolve_text("Western diplomats in Khartoum say the meetings were not talks.")
    assert countries(article, "diplomats") == {None}


def test_an_office_holder_is_told_apart_by_the_countries_the_article_names(resolve_text):
    """ "Bush" holds offices in the Cayman Islands and the United States; the story names
    the US."""
    article = resolve_text(
        "President Bush has announced that an alliance of the US, India, "
        "Australia and Japan will co-ordinate a humanitarian drive.",
        date=None,
    )
    assert countries(article, "President Bush") == {"USA"}


def test_mr_and_a_surname_is_no_office_holder_of_a_country_the_story_does_not_name(
    resolve_text,
):
    """ "Mr Brady" in a story of Britain alone is not Rory Brady, Ireland's attorney
    general and the one Brady in office in 2005; a title of office still finds its holder
    wherever the story is ("President Bush has threatened further action against Russia")."""
    article = resolve_text(
        'Shadow Europe minister Mr Brady said: "Britain must keep the rebate."',
        date="2005-06-10",
    )
    assert "IRL" not in countries(article, "Shadow Europe minister Mr Brady")
    article = resolve_text(
        "President Bush has threatened further action against Russia.", date="2003-01-10"
    )
    assert countries(article, "President Bush") == {"USA"}
    # nor is a legislator's title an executive's: in 1987 "Senator Bentsen" is not the
    # Faroese minister Niels Bentsen, the one Bentsen in office
    article = resolve_text("Senator Bentsen introduced the trade bill.", date="1987-03-10")
    assert "FRO" not in countries(article, "Senator Bentsen")
    # and a minister's title finds its holder only among the countries the article names:
    # "Trade Minister Saleh" in a story of Indonesia is not Yemen's president
    article = resolve_text(
        "Trade Minister Saleh said Indonesia should expand its rubber marketing effort.",
        date="1987-03-10",
    )
    assert "YEM" not in countries(article, "Trade Minister Saleh")


def test_groups_placed_in_a_country_are_coded_by_it(resolve_text):
    article = resolve_text(
        "Opposition groups in Zimbabwe are demanding that President Mugabe abandon his policy."
    )
    assert countries(article, "Opposition groups") == {"ZWE"}


def test_an_administration_named_after_its_leader_is_his_country(resolve_text):
    """ "Bush" is also a Cayman Islands premier; the tables document the US's office holders
    far more, and "administration" makes him an office holder as a title would."""
    article = resolve_text(
        "The Bush administration declared that China must drop barriers.", date=None
    )
    assert countries(article, "The Bush administration") == {"USA"}


def test_both_sides_may_be_an_organisation_and_a_country(resolve_text):
    article = resolve_text(
        "The EU and the US filed complaints. However, both sides agreed to suspend them."
    )
    assert countries(article, "both sides") == {"IGO", "USA"}


def test_he_after_a_persons_title_is_that_person(resolve_text):
    article = resolve_text(
        "India's finance minister lashed out at the trade policies of the G7 nations. "
        "He objected to subsidies on agriculture. He also called for reform of the UN."
    )
    hes = [a for a in article.actors_record()["actors"] if a["text"] == "He"]
    assert len(hes) == 2 and all(a["country"] == "IND" for a in hes), hes


def test_he_is_not_a_body(resolve_text):
    # "government" heads no title a person holds: "he" is the person named before it
    article = resolve_text(
        "Jack Straw said the US government was suspicious. But he said its objections were weak."
    )
    hes = [a for a in article.actors_record()["actors"] if a["text"] == "he"]
    assert hes and all(a["country"] == "GBR" for a in hes), hes


def test_he_after_a_quotation_that_ends_its_paragraph_is_the_speaker(resolve_text):
    # The closing mark after the full stop once made a sentence of its own, which put the
    # spokesman two sentences back, beyond the pronoun rule's reach (Reuters, 1987).
    article = resolve_text(
        'The Iranian spokesman said the reports were "misleading propaganda."\n'
        "    He said Iraq's President Saddam Hussein was the main cause of tension.",
        date="1987-04-03",
    )
    hes = [a for a in article.actors_record()["actors"] if a["text"] == "He"]
    assert [a["country"] for a in hes] == ["IRN"], hes


def test_he_in_what_an_unplaced_person_says_is_that_person_and_no_one_before(resolve_text):
    # "he" is Gyohten, whom the tables do not place, not Howard, named before
    article = resolve_text(
        "Britain wants Japan to agree a timetable, Corporate Affairs Minister Michael Howard "
        "said.\n    Japanese vice-minister of finance for international affairs Toyoo Gyohten "
        "told the conference yesterday he was ready to discuss capital adequacy.",
        date="1987-04-03",
    )
    assert countries(article, "Howard") == {"GBR"}
    assert countries(article, "he") <= {None}
    # a name after the pronoun governs nothing it says: "Mana Said al-Oteiba", read as a verb
    article = resolve_text(
        "Iranian Oil Minister Gholamreza Aqazadeh is in the United Arab Emirates, Iranian "
        "officials accompanying him said.\n    He will meet UAE President Sheikh Zaid bin "
        "Sultan al-Nahayan and Oil Minister Mana Said al-Oteiba.",
        date="1987-04-03",
    )
    assert countries(article, "He") == {"IRN"}


def test_a_quotation_opening_its_sentence_goes_on_with_the_one_before(resolve_text):
    def speaker(article) -> set:
        return {a["country"] for a in article.actors_record()["actors"] if a["text"] == "I"}

    article = resolve_text(
        'The Irish minister welcomed the deal. "This will help," he said. "I warmly applaud'
        ' the efforts of both India and Pakistan."'
    )
    assert speaker(article) == {"IRL"}
    # not across a paragraph
    article = resolve_text(
        'The Irish minister welcomed the deal. "This will help," he said.\n\n'
        '"I warmly applaud the efforts of both India and Pakistan."'
    )
    assert "IRL" not in speaker(article)


def test_a_quotation_running_on_into_a_new_sentence_keeps_its_speaker(resolve_text):
    # the quotation opens in the first sentence, with its attribution, and goes on in the second
    article = resolve_text(
        'The Canadian trade minister told the committee, "I think our position is clear. We'
        ' will not accept the new duties on our lumber."'
    )
    second = [
        a
        for a in article.actors_record()["actors"]
        if a["text"] == "We" and a["start"] > article.text.index("clear.")
    ]
    assert {a["country"] for a in second} == {"CAN"}


@pytest.mark.parametrize("date", [None, "2005-03-01"])
def test_mr_and_a_surname_is_the_one_office_holder_of_a_country_the_story_names(resolve_text, date):
    """ "Mr Blair" in a story that names Britain is Tony Blair, dated or not (the BBC's
    files carry no date); "Mr Howard" in one that names Australia and Britain could be
    either country's Howard, and stays unknown."""
    article = resolve_text(
        "Britain will hold the EU presidency. Mr Blair told EU leaders to reform the budget.",
        date=date,
    )
    assert countries(article, "Mr Blair") == {"GBR"}
    article = resolve_text(
        "Australia and Britain agreed. Mr Howard said the deal was good.", date=date
    )
    assert not countries(article, "Mr Howard") - {None}


def test_mr_and_a_surname_the_article_gave_another_given_name_is_no_office_holder(
    resolve_text,
):
    """ "Nicholas Negroponte ... Mr Negroponte" is the article's Negroponte, not John
    Negroponte of the tables, though the story names the United States."""
    article = resolve_text(
        "Nicholas Negroponte of the US media lab spoke in Tunis. Mr Negroponte said the "
        "laptops would help Africa.",
        date="2005-11-17",
    )
    assert not countries(article, "Mr Negroponte") - {None}


def test_he_at_the_head_of_a_sentence_continues_the_subject_before(resolve_text):
    # Centering: the main subject of the sentence before, not the president it names last
    article = resolve_text(
        "World Bank President Barber Conable is expected to press Indonesia to maintain "
        "its reforms.\n    Conable, who flew to Indonesia yesterday from Tokyo, will meet "
        "with President Suharto and senior economic ministers.\n    He said on arrival "
        "that the economy was being managed well.",
        date="1987-04-05",
    )
    assert countries(article, "He") == {"IGO"}
    # a person named earlier in the pronoun's own sentence is still the nearer antecedent
    article = resolve_text(
        "Mr Chirac met Iraqi interim leader Iyad Allawi in Brussels.\n    Later, Allawi "
        "said he was pleased.",
        date="2004-11-05",
    )
    assert countries(article, "he") == {"IRQ"}


def test_they_at_the_head_of_a_sentence_continues_the_plural_subject_before(resolve_text):
    # Centering: the two travellers, not the five countries the sentence before names last
    article = resolve_text(
        "Brazilian Finance Minister Dilson Funaro concluded a tour of Europe.\n    Funaro "
        "and central bank president Francisco Gros last week visited Washington.\n    This "
        "week they have sought official support in the U.K., France, Germany, Switzerland "
        "and Italy.\n    They have now decided to extend their tour to Tokyo.",
        date="1987-03-13",
    )
    assert countries(article, "they") == {"BRA"}
    assert countries(article, "They") == {"BRA"}
    # what reporters said is no subject to continue: "they" are whom they spoke of
    article = resolve_text(
        "The officials said Spain and Portugal continued to oppose the scheme.\n    They "
        "argued they should not have to pay for the surpluses.",
        date="1987-03-13",
    )
    assert countries(article, "They") == {"ESP", "PRT"}
    # but "they said" after reporters said is the reporters again, here no actor
    article = resolve_text(
        "The statement of the Group of Seven has put Japan under greater pressure, private "
        "economists said.\n    They said the communique reflected foreign frustration "
        "with Japan's trade surplus.",
        date="1987-04-09",
    )
    assert not countries(article, "They") - {None}


def test_a_possessive_in_a_purpose_clause_is_the_doer_of_the_act_it_serves(resolve_text):
    # "its" is Kuwait's, not the Soviet Union's named just before
    article = resolve_text(
        "Kuwait has agreed to charter tankers from the Soviet Union in a move to protect "
        "its oil exports.",
        date="1987-04-02",
    )
    assert countries(article, "its") == {"KWT"}
    article = resolve_text(
        "Iraq sent tankers from the Soviet Union to protect its oil exports.",
        date="1987-04-02",
    )
    assert countries(article, "its") == {"IRQ"}


def test_the_two_ministers_are_the_countries_of_the_two_ministers_named(resolve_text):
    # not Venezuela and Nigeria, the last pair the text names together
    article = resolve_text(
        "Colombian Energy Minister Guillermo Perry met Ecuador's Energy Minister Javier "
        "Espinosa in Bogota. Ecuador will pay debts contracted with Venezuela and Nigeria, "
        "Espinosa said. The two ministers signed an agreement for joint oil exploration.",
        date="1987-04-01",
    )
    assert countries(article, "The two ministers") == {"COL", "ECU"}
    # a pair of countries is still the pair the text names together
    article = resolve_text(
        "India and Pakistan held talks in Delhi, Britain's foreign secretary said. "
        "Both sides agreed to meet again.",
        date="2004-06-01",
    )
    assert countries(article, "Both sides") == {"IND", "PAK"}
