"""One test per resolution rule, on sentences written for the purpose, with the real model."""

import csv
from importlib import resources

import pytest

from communique.actors.gazetteer import load_gazetteer
from tests.actors.conftest import actors_of


@pytest.mark.parametrize(
    "text, mention, country, sector, name",
    [
        # adjective + title + name
        (
            "Kenyan President William Ruto opened the new port on Friday.",
            "Kenyan President William Ruto",
            "KEN",
            "GOV",
            "William Ruto",
        ),
        # possessive + title + name; the small model tags "Ghana's" as a person
        (
            "Ghana's Foreign Minister Samuel Okudzeto arrived in Lome on Tuesday.",
            "Ghana's Foreign Minister Samuel Okudzeto",
            "GHA",
            "GOV",
            "Samuel Okudzeto",
        ),
        # apposition after the name
        (
            "Adamu Bello, Nigeria's defence minister, said the troops would stay.",
            "Adamu Bello",
            "NGA",
            None,
            "Adamu Bello",
        ),
        # adjective + title, no name
        (
            "The Chilean president thanked the rescue workers.",
            "Chilean president",
            "CHL",
            "GOV",
            None,
        ),
        # a group noun with a demonym
        ("Israeli troops raided the camp overnight.", "Israeli troops", "ISR", "MIL", None),
        # the complement of a title
        ("A spokesman for the Egyptian army denied the report.", "spokesman", "EGY", None, None),
        # a city before a title is where the person is posted; the complement is whose
        (
            "The Tokyo representative of a British securities house said no.",
            "representative",
            "GBR",
            "BUS",
            None,
        ),
        # delegates and representatives speak for their states
        ("A Japanese delegate said the offer was too low.", "delegate", "JPN", "GOV", None),
        ("The Indonesian representative objected.", "representative", "IDN", "GOV", None),
        # a title with "and" in it, which the parser reads as two things joined
        (
            "Philippines Trade and Industry Secretary Jose Concepcion told world trade "
            "ministers he wondered if their agreement was of any real value.",
            "Secretary Jose Concepcion",
            "PHL",
            "GOV",
            "Jose Concepcion",
        ),
        # Europe's leaders acting together are the Union
        (
            "European leaders have openly blamed the US for the rise of the euro.",
            "European leaders",
            "IGO",
            "IGO",
            "European Union",
        ),
    ],
)
def test_country_and_sector_from_the_phrase(resolve_text, text, mention, country, sector, name):
    article = resolve_text(text)
    found = actors_of(article, mention)
    assert found, article.actors_record()
    actor = found[0]
    assert actor["country"] == country
    if sector:
        assert actor["sectors"][0] == sector
    assert actor["sectors"], actor
    if name:
        assert actor["name"] == name


def test_apposition_joins_title_and_name_in_one_mention(resolve_text):
    article = resolve_text(
        "Putin met with Mali's transitional leader, Colonel Assimi Goita, in Moscow."
    )
    goita = actors_of(article, "Assimi Goita")
    assert len(goita) == 1
    assert goita[0]["country"] == "MLI" and {"GOV", "MIL"} <= set(goita[0]["sectors"])
    assert goita[0]["text"].startswith("Mali’s transitional leader") or goita[0]["text"].startswith(
        "Mali's"
    )


def test_names_are_carried_through_the_article(resolve_text):
    article = resolve_text(
        "Tanzanian Foreign Minister Amani Mwakyusa arrived in Nairobi on Monday. "
        "The visit was short.\n\nMwakyusa later met business leaders. Mr Mwakyusa left on Wednesday."
    )
    carried = [
        a for a in article.actors_record()["actors"] if a["text"] in ("Mwakyusa", "Mr Mwakyusa")
    ]
    assert len(carried) == 2
    for actor in carried:
        assert actor["country"] == "TZA" and actor["sectors"] == ["GOV"]
        assert actor["name"] == "Amani Mwakyusa" and actor["rule"] == "carried"


def test_a_surname_the_recogniser_misses_is_still_carried(resolve_text):
    """Reuters, 1987: the recogniser sees "Paul Channon" as a person, but not the later
    "Channon" at the head of a sentence; the surname is his all the same."""
    article = resolve_text(
        "Paul Channon, British secretary for trade and industry, said Congress could trigger "
        "retaliation. Channon made his remarks at a news conference after two days of talks "
        "with Reagan Administration officials and members of Congress.",
        date="1987-03-04",
    )
    carried = [a for a in article.actors_record()["actors"] if a["text"] == "Channon"]
    assert carried and carried[0]["country"] == "GBR", article.actors_record()


def test_a_leader_named_in_apposition_to_an_office_is_carried_by_surname(resolve_text):
    """ "Iran's president, Mohammad Khatami": the phrase is the office, and "Mr Khatami"
    after it is the man of the leader table."""
    article = resolve_text(
        "Iran's president, Mohammad Khatami, has unveiled a budget. Mr Khatami said Israel "
        "was a threat.",
        date="2005-01-20",
    )
    carried = [a for a in article.actors_record()["actors"] if a["text"] == "Mr Khatami"]
    assert carried and carried[0]["country"] == "IRN" and carried[0]["rule"] == "carried"


def test_a_bare_surname_never_seen_stays_unknown(resolve_text):
    article = resolve_text("Officials said Okonkwo-Bakare would appeal the ruling.")
    found = actors_of(article, "Okonkwo")
    assert found, article.actors_record()  # kept as an actor, not dropped
    for actor in found:
        assert actor["country"] is None and actor["name"] is None and actor["rule"] == "unknown"


@pytest.mark.parametrize(
    "text, reference, countries, group",
    [
        (
            "Peru signed a fishing deal with Chile on Monday. The two countries will share patrol data.",
            "The two countries",
            {"PER", "CHL"},
            "Peru and Chile",
        ),
        (
            # BBC business, 2005: the story's two, not the last two named
            "Argentina and Venezuela have extended a food-for-oil deal. Venezuela will import "
            "cattle. Argentina's energy crisis forced it to suspend gas exports to Chile. "
            "Argentina fears another crisis. The two countries also formalised a deal.",
            "The two countries",
            {"ARG", "VEN"},
            "Argentina and Venezuela",
        ),
        (
            "Armenia and Azerbaijan held talks in Geneva. Both sides agreed to meet again.",
            "Both sides",
            {"ARM", "AZE"},
            "Armenia and Azerbaijan",
        ),
        (
            # BBC politics, 2005: the two named together, not the British minister named
            # most, who reports on them
            "The UK has welcomed the decision by India and Pakistan to open a bus link. "
            "Foreign Secretary Jack Straw praised the breakthrough. Mr Straw said he hoped "
            "the agreement would help. Mr Straw was in India on Thursday. Britain will help. "
            "Both sides agreed to begin talks on nuclear risks.",
            "Both sides",
            {"IND", "PAK"},
            "India and Pakistan",
        ),
        (
            "Egypt and Jordan condemned the attack, and they called for restraint.",
            "they",
            {"EGY", "JOR"},
            "Egypt and Jordan",
        ),
        (
            (
                "Senegal is a founding member of ECOWAS alongside Ghana and Togo. "
                "These countries have adopted a common tariff."
            ),
            "These countries",
            {"SEN", "GHA", "TGO"},
            "Economic Community of West African States",
        ),
    ],
)
def test_plural_references_expand_to_members_naming_the_group(
    resolve_text, text, reference, countries, group
):
    article = resolve_text(text)
    found = [a for a in article.actors_record()["actors"] if a["text"] == reference]
    assert {a["country"] for a in found} == countries, article.actors_record()
    assert {a["group"] for a in found} == {group}


def test_a_reference_takes_the_sectors_its_row_gives(resolve_text):
    # references.tsv: "the two governments" is a pair of governments, not of countries
    article = resolve_text("India and Pakistan met in Delhi. The two governments agreed.")
    found = actors_of(article, "The two governments")
    assert {(a["country"], a["code"]) for a in found} == {("IND", "INDGOV"), ("PAK", "PAKGOV")}


def test_a_pair_that_only_qualifies_a_thing_is_no_antecedent_of_them(resolve_text):
    article = resolve_text(
        "Ministers called on the EC Commission to prepare a report on U.S.-Japanese trade "
        "to enable them to take appropriate action."
    )
    them = [a for a in article.actors_record()["actors"] if a["text"] == "them"]
    assert not {a["country"] for a in them} & {"USA", "JPN"}, them


def test_a_bloc_stands_for_its_member_states(resolve_text):
    article = resolve_text("The Alliance of Sahel States condemned the attack on Tuesday.")
    found = actors_of(article, "Alliance of Sahel States")
    assert {a["country"] for a in found} == {"MLI", "NER", "BFA"}
    assert {a["group"] for a in found} == {"Alliance of Sahel States"}


def test_an_intergovernmental_body_is_igo(resolve_text):
    article = resolve_text("NATO warned Russia against further incursions.")
    assert actors_of(article, "NATO")[0]["country"] == "IGO"
    assert actors_of(article, "Russia")[0]["country"] == "RUS"


@pytest.mark.parametrize(
    "text, mention, code",
    [
        ("The Group of Five agreed in 1985 to push the dollar down.", "Group of Five", "IGOGFV"),
        ("The G-6 met in Paris last month.", "G-6", "IGOGSX"),
        ("The six major industrial nations agreed to cooperate.", "industrial nations", "IGOGOS"),
    ],
)
def test_the_finance_forums_of_the_1980s_are_bodies(resolve_text, text, mention, code):
    assert actors_of(resolve_text(text, date="1987-03-02"), mention)[0]["code"] == code


@pytest.mark.parametrize(
    "text, mention, code",
    [
        ("The current ICO quota system is unfair, Escalante said.", "ICO", "IGOAGRCOF"),
        (
            "Ghana asked the International Cocoa Organization for help.",
            "International Cocoa",
            "IGOAGRICO",
        ),
        (
            "Malaysia blamed the International Tin Council for the crash.",
            "Tin Council",
            "IGOBUSTIN",
        ),
        ("Comecon members agreed to raise trade with Moscow.", "Comecon", "IGOEEUBUS"),
        ("The IDA lent Bangladesh 100 mln dlrs.", "IDA", "IGOUNODEVWBK"),
        (
            "The International Trade Commission ruled against Japan.",
            "International Trade",
            "USAGOVBUS",
        ),
    ],
)
def test_the_commodity_and_lending_bodies_of_trade_news_are_known(
    resolve_text, text, mention, code
):
    # the councils of the commodity agreements fill Reuters' 1987 trade news
    assert actors_of(resolve_text(text, date="1987-03-02"), mention)[0]["code"] == code


def test_the_g5_sahel_is_not_the_group_of_five(resolve_text):
    found = actors_of(resolve_text("The G5 Sahel joint force attacked the camp."), "G5")
    assert found and {a["group"] for a in found} == {"G5 Sahel"}, found


def test_a_description_resolves_to_the_country_it_fits(resolve_text):
    article = resolve_text(
        "Algeria recalled its envoy to France, accusing the former colonial power of meddling."
    )
    found = actors_of(article, "the former colonial power")
    assert [a["country"] for a in found] == ["FRA"]
    assert found[0]["rule"] == "description"


def test_a_description_of_several_countries_stands_for_each(resolve_text):
    # a fixed group: each of its members
    article = resolve_text("The three Scandinavian countries have demanded greater access.")
    found = actors_of(article, "The three Scandinavian countries")
    assert sorted(a["country"] for a in found) == ["DNK", "NOR", "SWE"], found
    # an open one: each of its candidates the article names, before or after it
    article = resolve_text(
        "The Paris Club offered to freeze debts owed by tsunami-hit countries. Indonesia and "
        "Sri Lanka welcomed the offer; Kenya did not comment."
    )
    found = actors_of(article, "tsunami-hit countries")
    assert sorted(a["country"] for a in found) == ["IDN", "KEN", "LKA"], found
    assert {a["rule"] for a in found} == {"named_members"}


def test_a_part_of_the_world_named_after_a_country_is_not_that_country(resolve_text):
    article = resolve_text(
        "Latin American officials met in Lima. West Indian leaders came. The American envoy spoke."
    )
    assert [a["country"] for a in actors_of(article, "Latin American officials")] == [None]
    assert [a["country"] for a in actors_of(article, "West Indian leaders")] == [None]
    assert [a["country"] for a in actors_of(article, "The American envoy")] == ["USA"]


def test_a_capital_acts_for_its_government_but_not_where_it_is_a_place(resolve_text):
    article = resolve_text("Moscow said the talks in Beijing had failed.")
    moscow = actors_of(article, "Moscow")[0]
    assert (
        moscow["country"] == "RUS" and moscow["sectors"] == ["GOV"] and moscow["kind"] == "country"
    )
    beijing = actors_of(article, "Beijing")[0]
    assert beijing["country"] == "CHN" and beijing["kind"] == "place"


def test_a_seat_of_government_is_a_metonym(resolve_text):
    article = resolve_text("The Kremlin dismissed the report.")
    assert actors_of(article, "Kremlin")[0]["country"] == "RUS"


def test_leaders_are_coded_by_the_office_held_on_the_article_date(resolve_text):
    article = resolve_text("Belousov inspected the troops.", date="2025-06-24")
    belousov = actors_of(article, "Belousov")[0]
    assert belousov["country"] == "RUS" and belousov["rule"] == "leader"


@pytest.mark.parametrize(
    "text, date, name, country",
    [
        # the head of an intergovernmental body acts for it, whatever his nationality
        ("Perez de Cuellar received the letter.", "1987-03-12", "Perez de Cuellar", "IGO"),
        ("Mr Annan urged restraint.", "2004-11-05", "Mr Annan", "IGO"),
        ("Peter Mandelson criticised China.", "2005-06-01", "Peter Mandelson", "IGO"),
        # and the state's once he holds its office again
        ("Perez de Cuellar received the letter.", "2001-03-12", "Perez de Cuellar", "PER"),
    ],
)
def test_heads_of_international_bodies_are_the_body_while_in_office(
    resolve_text, text, date, name, country
):
    assert actors_of(resolve_text(text, date=date), name)[0]["country"] == country


def test_unknown_actors_keep_their_text_and_no_country(resolve_text):
    article = resolve_text("Bob Smithers, a local farmer, said the river had flooded.")
    found = actors_of(article, "Bob Smithers")
    assert found and found[0]["country"] is None and found[0]["code"] in (None, "AGR")


def test_offsets_index_the_clean_text(resolve_text):
    text = "Russian President Vladimir Putin met Mali's Defense Minister Sadio Camara."
    article = resolve_text(text)
    for actor in article.actors_record()["actors"]:
        assert text[actor["start"] : actor["end"]] == actor["text"]


def test_a_title_with_the_surname_of_a_known_leader(resolve_text):
    article = resolve_text("President Mugabe addressed parliament.", date="2005-06-01")
    mugabe = actors_of(article, "President Mugabe")[0]
    assert mugabe["country"] == "ZWE" and mugabe["rule"] == "leader"


def test_a_state_outranks_the_body_that_qualifies_it(resolve_text):
    article = resolve_text("NATO-member Norway offered help, and Russia's UN envoy objected.")
    assert [a["country"] for a in actors_of(article, "Norway")] == ["NOR"]
    assert [a["country"] for a in actors_of(article, "UN envoy")] == ["RUS"]


@pytest.mark.parametrize(
    "text, mention, country",
    [
        ("Egypt rejected Russian support for the plan.", "Russian", "RUS"),
        ("The strike hit Mali's security forces.", "Mali's security forces", "MLI"),
        ("Iran welcomed President Reagan's latest statement.", "President Reagan", "USA"),
    ],
)
def test_names_inside_a_phrase_that_is_no_actor_stand_alone(resolve_text, text, mention, country):
    article = resolve_text(text, date="1987-06-01")
    found = actors_of(article, mention)
    assert found and found[0]["country"] == country, article.actors_record()


@pytest.mark.parametrize(
    "text, mention, country, sector",
    [
        ("Yoruba leaders met on Sunday.", "Yoruba leaders", "NGA", "GOV"),
        ("Hutu rebels attacked the town.", "Hutu rebels", None, "REB"),  # Rwanda or Burundi: unsaid
    ],
)
def test_communities_give_a_country_only_when_they_belong_to_one(
    resolve_text, text, mention, country, sector
):
    found = actors_of(resolve_text(text), mention)
    assert found[0]["country"] == country and sector in found[0]["sectors"]


@pytest.mark.parametrize(
    "text, name, country",
    [
        # a headline that ends in the first words of longer names the tables know
        ("NORWAY APPROVES TRADE BAN AGAINST SOUTH AFRICA", "SOUTH AFRICA", "ZAF"),
        ("South Korea offers talks with North Korea", "North Korea", "PRK"),
    ],
)
def test_a_name_that_ends_the_text_is_matched_within_it(resolve_text, text, name, country):
    found = [a for a in resolve_text(text).actors_record()["actors"] if a["text"] == name]
    assert found and found[0]["country"] == country, found


def test_the_head_of_a_body_takes_the_code_of_the_body_his_office_names(resolve_text):
    """leaders.tsv's role "UN secretary-general" makes Annan IGOUNO, and Barroso, "European
    Commission president", the EU's IGOEUREEC: his letter to the European Parliament is no
    event between two bodies."""
    article = resolve_text("Mr Barroso met Mr Annan in Brussels.", date="2005-01-10")
    assert actors_of(article, "Mr Annan")[0]["code"] == "IGOUNO"
    assert actors_of(article, "Mr Barroso")[0]["code"] == "IGOEUREEC"


def test_every_office_of_a_body_names_the_body():
    """An office of leaders.tsv held for a body ("IGO") is coded as the body its role names
    (Mogherini, "EU high representative", is IGOEUREEC); a role that names none ("other")
    would leave the holder a bare IGO."""
    gazetteer = load_gazetteer()
    path = resources.files("communique.actors") / "data" / "leaders.tsv"
    rows = csv.DictReader(
        (line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"),
        delimiter="\t",
    )
    nameless = [
        (row["name"], row["role"])
        for row in rows
        if row["iso3"] == "IGO"
        and row["source"] == "communique"
        and gazetteer.body_named_in(row["role"]) is None
    ]
    assert not nameless, nameless


@pytest.mark.parametrize(
    "text, phrase, countries",
    [
        (
            "The foreign ministers of India and Pakistan met in Islamabad.",
            "The foreign ministers of India and Pakistan",
            {"IND", "PAK"},
        ),
        (
            "Argentina and Brazil signed a trade accord. The presidents of both countries will "
            "meet again in May.",
            "The presidents of both countries",
            {"ARG", "BRA"},
        ),
        # people "from" states act for them; an act "from" one is no title of its
        (
            "Oil ministers from Ecuador and Mexico are attending the conference.",
            "Oil ministers from Ecuador and Mexico",
            {"ECU", "MEX"},
        ),
        (
            "Britain backs the plan despite opposition from the US.",
            "the US",
            {"USA"},
        ),
        # a longer list acts together, on no one of them: its first stays the phrase's
        (
            "Finance ministers of Britain, Canada, France, Japan, the U.S. and West Germany "
            "agreed to cooperate.",
            "Finance ministers of Britain",
            {"GBR"},
        ),
    ],
)
def test_a_plural_title_of_two_states_is_each_of_theirs(resolve_text, text, phrase, countries):
    article = resolve_text(text, date="1987-03-01")
    found = [a for a in article.actors_record()["actors"] if a["text"].startswith(phrase)]
    assert {a["country"] for a in found} == countries, article.actors_record()
