"""What is an event (issue 15): one side at least coded with a country, a political side,
not a state with itself, and sport read as sport. Through the real model and the real CLI."""

import json

import pytest

from tests.conftest import run_cli, shared_path
from tests.events.conftest import dyads

ARTICLES = 80  # the first 80 files of a section, as issue 15 measures
MAX_EVENTS_PER_SPORT_ARTICLE = 0.5
MAX_EVENTS_PER_TECH_ARTICLE = 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the plan was good.",  # no side with a country
        "Kenyan Bernard Lagat beat Canada's Nate Brannen on Sunday.",  # two private persons
        "An Indian telecommunications firm will help the operator.",  # a company alone
        "US gamers will be able to buy the console from March.",  # civilians buying
        "British Telecom has said it will double the broadband speeds of its customers.",
        "A blog is created every 5.8 seconds, according to a US research think-tank.",
        "British TV viewers lead the trend of downloading American shows.",  # a thing's country
        # someone unnamed helping people: no organised actor on either side
        "A network of community computer centres is providing a helping hand for poor farmers "
        "in Peru.",
        # a company's manager says something about a country: a statement needs a political source
        '"Britain is now broadband Britain," said Duncan Ingram, BT\'s managing director.',
        # a body the tables do not know, named with its country, whose name says no state organ
        "But the UK Internet Forum is concerned that the system will let scammers create fake "
        "sites.",
        # a title inside a name is a surname: "Paul King" is no office holder called Paul
        '"It is common," said Paul King, principal security consultant at Cisco.',
        "China is set to overtake the US in net use.",  # overtaking is surpassing
        "London leads the global wi-fi hotspots league.",  # leading is no cooperation
        "Lawyers filed suits across the US.",  # "across" says where, not at whom
        "The American system allows the patenting of business practices.",  # a thing acting
        # "its" after a country named as where is the company's
        "T-Mobile said it would introduce a tariff for people in the UK using its hotspots. "
        "It also said it would double the number of its hotspots.",
        # a country closing a company's name
        '"It is an entertainment device," said Kaz Hirai, president of Sony Computer '
        "Entertainment America.",
        # examples after "including" are no party; "according to" is no "lead to"
        "Many rival ISPs have begun to offer faster services, including AOL and UK Online.",
        "British TV viewers lead the trend of illegally downloading US shows from the net, "
        "according to research.",
        # a company's product is no force
        "Sony PSP console hits US in March",
        # plans, delays and things called "it" do not act
        "A fresh delay has hit controversial new European Union rules.",
        "The committee said the law should be re-drafted after it failed to win the support of "
        "European MEPs.",
        # "lead to" is causing, no cooperation (PETRARCH2's managing, 030)
        "Any move by Japan to boost its growth could lead to a quick change in the U.S. position.",
        # exposing a secret is no cooperation (PETRARCH2 had "expose" among disclosing, 050)
        "If the US court exposes the confidences gained by these reporters, the sources will "
        "dry up.",
        # an economist comments on states; he is no state's side
        "A Soviet economist said there is little chance Soviet exports to the United States "
        "will rise.",
    ],
)
def test_no_event_without_a_coded_political_side(code_text, text):
    assert code_text(text).events == [], dyads(code_text(text))


def test_a_state_acting_on_itself_keeps_the_act_without_a_target(code_text):
    found = dyads(code_text("Serbian President Vojislav Kostunica promised to democratize Serbia."))
    assert found and all(target is None for _, target, _ in found), found


def test_a_state_and_a_group_of_its_own_are_a_domestic_event(code_text):
    found = dyads(
        code_text(
            "Nigerian authorities jailed 52 members of the banned Movement "
            "for the Actualization of the Sovereign State of Biafra."
        )
    )
    assert any(source == "NGA" for source, _, _ in found), found


def test_a_sporting_word_in_political_news_changes_nothing(code_text):
    found = dyads(
        code_text("Nigerian police arrested 52 British fans at a football tournament in Lagos.")
    )
    assert ("NGA", "GBR", "17") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The EC is driving to capture the Brazil wheat market.",
        "Canadian potash shipments were injuring the U.S. industry.",
        "The United States will not let Japan dominate the world electronics market.",
        # to match is to equal, not to fight
        "Britain intends to negotiate agreements to match those now in force with Japan.",
    ],
)
def test_force_on_a_market_or_an_industry_is_none(code_text, text):
    article = code_text(text)
    assert not [e for e in article.events if "18" <= e["cameo"][:2] <= "20"], dyads(article)


@pytest.mark.parametrize(
    "text",
    [
        "U.S. officials are bracing for a diplomatic and coffee market offensive from Brazil.",
        "China launched a charm offensive in Africa.",
    ],
)
def test_a_figurative_offensive_is_no_force(code_text, text):
    article = code_text(text)
    assert not [e for e in article.events if "18" <= e["cameo"][:2] <= "20"], dyads(article)


def test_an_offensive_of_arms_is_force(code_text):
    assert ("IRN", "IRQ", "19") in dyads(code_text("Iran launched a new offensive against Iraq."))


def test_accepting_a_claim_is_no_cooperation(code_text):
    article = code_text("Britain accepted China's claim that it does not want weapons.")
    assert not [e for e in article.events if e["cameo"][:2] == "03"], dyads(article)


@pytest.mark.parametrize(
    "text",
    [
        "A Fed governor said he wanted to see stronger Japanese demand for American goods.",
        "The week has seen good demand for Thai raws.",
        "South Korean camera demand rose to 700,000 in 1986.",
        "The EC insisted that Japan boost imports and stimulate domestic demand.",
        "Venezuela will help Ecuador meet its domestic energy demand.",
    ],
)
def test_demand_in_its_market_sense_is_no_demand(code_text, text):
    article = code_text(text)
    assert not [e for e in article.events if e["cameo"][:2] == "10"], dyads(article)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Japan rejected China's demand for compensation.", ("CHN", "JPN", "10")),
        (
            "The deal came despite an EU demand for Turkey to recognise Cyprus.",
            ("IGO", "TUR", "10"),
        ),
        ("China repeated its demand that Japan apologise.", ("CHN", "JPN", "10")),
    ],
)
def test_a_demand_made_of_someone_is_still_one(code_text, text, expected):
    assert expected in dyads(code_text(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "France today protested over Canada's decision to close its ports.",
            ("FRA", "CAN", "114"),
        ),
        (
            "Cyprus has protested to the United Nations over airspace violations.",
            ("CYP", "IGO", "114"),
        ),
        ("Thousands of Pakistanis protested outside the US embassy.", ("PAK", "USA", "140")),
    ],
)
def test_a_states_protest_is_an_official_complaint(code_text, text, expected):
    found = {
        (e["source"]["country"], (e["target"] or {}).get("country"), e["cameo"])
        for e in code_text(text).events
    }
    assert expected in found, found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iraqi warplanes struck Iran's offshore oilfields.", ("IRQ", "IRN", "19")),
        ("Dock workers struck in Rotterdam on Monday.", ("NLD", "NLD", "14")),
    ],
)
def test_striking_an_actor_is_an_attack_and_striking_alone_a_labour_strike(
    code_text, text, expected
):
    assert expected in dyads(code_text(text)), dyads(code_text(text))


def test_attacking_forecasts_is_criticism(code_text):
    assert ("JPN", "IGO", "11") in dyads(code_text("Japan has also attacked OECD forecasts."))


def test_competition_coverage_is_not_war(code_text):
    text = (
        "The Kenyan athlete won the 1500m at the indoor championships in Birmingham. "
        "Lagat beat Canada's Nate Brannen in the final. The Olympic medallist smashed the "
        "British record over 60m hurdles. Italy grabbed their first victory in the relay. "
        "The sprinters will meet again at the European indoors in Madrid."
    )
    article = code_text(text)
    assert not [e for e in article.events if "14" <= e["cameo"][:2] <= "20"], dyads(article)


@pytest.mark.shared
@pytest.mark.parametrize(
    "section, most_per_article",
    [("sport", MAX_EVENTS_PER_SPORT_ARTICLE), ("tech", MAX_EVENTS_PER_TECH_ARTICLE)],
)
def test_sport_and_tech_articles_give_few_events_and_none_of_force_between_countries(
    section, most_per_article
):
    """Must-show of issue 15, measured with `communique code` on the first 80 BBC articles of
    a section: few events per article, none of roots 14-20 between two countries.

    Sport, measured 2026-12-02: 670 events (8.4 per article, 10 of force) before; 31
    (0.39), 0 after; 22 (0.28) in the third session. The issue asks for 0.5.
    Tech: 110 events (1.38 per article) at first; 81 (1.01) once actorless events left; 57
    (0.71) with the rules of the third session (what is said by a company or by someone
    unnamed, people acted on by someone unnamed, a country qualifying a thing that acts,
    "it" after a country named as where, a title inside a name); 51 (0.64) once managing,
    leading and governing are no cooperation; 39 (0.49) in the fifth session, with one act
    one event ("agreed to fund"), a company named after a country, "including" and
    "according to" naming no party, and plans, delays and "it" that do not act. The issue
    asks for 0.5. Most of the 39 are political: the EU's software-patent directive, and
    Iran's and China's crackdowns on bloggers and net cafes. 40 on 5 December 2026 (second
    session): "Poland rejected its adoption" (of the directive) now has the EU for target and
    counts; "Mr Gates said" is Bill Gates the businessman, not a state, and no event. 40 on 7
    December 2026: "the Commission" after the EU is the European Commission (a committee's
    demand on it counts), and exposing a secret is no cooperation (one event fewer)."""
    files = sorted(shared_path("data", "corpora", "bbc", section).glob("*.txt"))[:ARTICLES]
    result = run_cli("code", *files, "--workers", "1", "--no-progress")
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    events = [e for line in result.stdout.splitlines() for e in json.loads(line)["events"]]
    assert len(events) <= most_per_article * ARTICLES, len(events)
    force = [
        e
        for e in events
        if "14" <= e["cameo"][:2] <= "20"
        and e["source"]["country"]
        and (e["target"] or {}).get("country")
        and e["source"]["country"] != e["target"]["country"]
    ]
    assert not force, [(e["evidence"]["sentence"][:80]) for e in force]
    assert all(e["source"]["country"] or (e["target"] or {}).get("country") for e in events)


def test_a_thing_of_a_country_is_aimed_at_when_a_state_acts_on_it(code_text):
    assert ("GRC", "TUR", "13") in dyads(
        code_text("Greece threatened to sink a Turkish research ship in the Aegean.")
    )
    assert ("IRQ", "IRN", "19") in dyads(code_text("Iraqi forces attacked Iranian oil fields."))


def test_civilians_who_protest_make_an_event(code_text):
    assert any(
        source == "RUS"
        for source, _, _ in dyads(
            code_text("Thousands of people demonstrated in Moscow on Sunday.")
        )
    )


def test_it_after_a_sentence_about_something_else_is_not_a_state(code_text):
    found = dyads(
        code_text(
            "The software maker Connectotel opened an office in Britain. "
            "It said it would double its sales."
        )
    )
    assert not found, found


def test_hosting_needs_a_guest(code_text):
    assert ("RUS", "MLI", "04") in dyads(
        code_text("Putin received the Malian president in the Kremlin.")
    )
    for text in (
        "Japan received criticism for the plan.",
        "The Iranian National News Agency, received here, said the talks ended.",
    ):
        assert not any(code == "04" for _, _, code in dyads(code_text(text))), text


def test_going_is_an_event_only_towards_someone(code_text):
    assert ("GBR", "UGA", "04") in dyads(
        code_text("The British foreign secretary travelled to Uganda.")
    )
    for text in (
        "Gorbachev and Shevardnadze abruptly left a parliamentary session on Monday.",
        "The Russian government has embarked on an adventurist path.",
    ):
        assert not any(code == "04" for _, _, code in dyads(code_text(text))), text


def test_an_international_body_is_a_political_speaker_whatever_its_field(code_text):
    """The IMF's sector is BUS, but it speaks for the states that make it up."""
    article = code_text(
        "Rodrigo de Rato, the IMF's managing director, said the loan agreement would help Turkey."
    )
    assert any(e["source"]["code"].startswith("IGO") for e in article.events), article.events


def test_people_acting_at_home_act_against_their_government(code_text):
    article = code_text(
        "Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk on Sunday."
    )
    assert any(
        e["target"] and e["target"]["code"] == "IRQGOV" and e["cameo"][:2] == "14"
        for e in article.events
    ), dyads(article)
    article = code_text("Afghan rebels exploded a series of bombs in the capital Kabul.")
    assert ("AFG", "AFG", "18") in dyads(article), dyads(article)


def test_the_state_coercing_at_home_acts_on_the_people_of_the_place(code_text):
    article = code_text("Turkish authorities imposed a curfew in the town of Cizre.")
    assert any(
        e["source"]["code"] == "TURGOV" and (e["target"] or {}).get("code") == "TURCVL"
        for e in article.events
    ), dyads(article)


def test_an_investigation_in_a_country_is_its_authorities(code_text):
    assert ("ITA", "USA", "09") in dyads(
        code_text("A US national has been put under investigation in Italy.")
    )


def test_a_title_with_of_and_a_country_is_that_country(code_text):
    article = code_text("King Hassan of Morocco said the meeting would be useful.")
    assert any(e["source"]["country"] == "MAR" for e in article.events), dyads(article)


def test_one_act_is_one_event(code_text):
    """ "agreed to fund" is one promise; "clamped down, restricting access" one crackdown:
    triggers chained by an infinitive or a participle, of one root between the same parties."""
    for text, root in [
        ("The US government agreed to fund all expenses of the programme.", "03"),
        (
            "Iranian authorities have recently clamped down on weblogs, restricting access to "
            "major blogging sites.",
            "17",
        ),
    ]:
        article = code_text(text)
        assert [e["cameo"][:2] for e in article.events] == [root], dyads(article)


def test_acts_of_different_roots_in_one_chain_stay_apart(code_text):
    found = dyads(code_text("China expelled two Japanese diplomats, accusing them of spying."))
    assert {root for _, _, root in found} == {"16", "11"}, found


def test_a_plan_referred_to_is_no_act(code_text):
    article = code_text("The draft law was not adopted by EU ministers as planned on Monday.")
    assert all(e["evidence"]["trigger"] != "planned" for e in article.events), dyads(article)


def test_a_past_participle_does_not_take_the_subject_of_its_clause(code_text):
    """ "expenses associated with this decision": the expenses are associated, the government
    does not associate with anyone."""
    article = code_text("The US government agreed to fund all expenses associated with the plan.")
    assert all(e["evidence"]["trigger"] != "associated" for e in article.events), dyads(article)


def test_steps_taken_are_no_seizure(code_text):
    found = dyads(
        code_text(
            "It is the latest of the steps the Chinese government has taken to crack down on "
            "net cafes."
        )
    )
    assert ("CHN", None, "17") in found and len(found) == 1, found


def test_arguing_that_is_saying_and_arguing_with_is_a_quarrel(code_text):
    """PETRARCH2 reads every "argue" as a quarrel (110); "argued that X was illegal" says so,
    and what it says disapproves."""
    assert ("RUS", "USA", "11") in dyads(
        code_text("Lavrov argued that Washington's sanctions were illegal.")
    )
    assert dyads(code_text("Lavrov argued that the talks were going well.")) <= {
        ("RUS", None, "01")
    }
    assert ("RUS", "UKR", "11") in dyads(
        code_text("Russia argued with Ukraine over the gas price.")
    )


def test_a_statement_framing_a_reported_act_adds_nothing(code_text):
    """ "Chad's command said troops killed Libyan soldiers" is the killing, as PETRARCH2
    codes reported speech; not also a statement to Libya."""
    found = dyads(
        code_text("Chad's military high command said today troops killed 1,269 Libyan soldiers.")
    )
    assert ("TCD", "LBY", "19") in found and ("TCD", "LBY", "01") not in found, found
    # a statement about a country with no act coded between the two stays
    said = dyads(code_text("Lavrov said Washington's sanctions were illegal."))
    assert ("RUS", "USA", "11") in said, said
    # nor with an act that did not happen: the denial is the event
    denied = dyads(
        code_text(
            "Japan denied breaking a pact with the United States on semiconductor trade.",
            date="1987-03-28",
        )
    )
    assert ("JPN", "USA", "01") in denied, denied
    # a comment of its own kind is what was done, beside the act: a meeting and a concern
    commented = dyads(
        code_text(
            "In meetings with Japanese ministers, British Trade Minister Michael Howard said "
            "he expressed deep concern about the way Tokyo had handled the dispute.",
            date="1987-04-01",
        )
    )
    assert ("GBR", "JPN", "04") in commented and ("GBR", "JPN", "01") in commented, commented


def test_what_is_denied_is_not_asserted(code_text):
    for text in (
        "Tripoli said the withdrawal did not mean that Libya had cut its ties with the US.",
        "Kuwait denied that its forces had attacked Iranian boats.",
    ):
        article = code_text(text)
        denied = [e for e in article.events if e["evidence"]["trigger"] in ("cut", "attacked")]
        assert denied and all(e["negated"] for e in denied), [
            (e["evidence"]["trigger"], e["negated"]) for e in article.events
        ]


def test_a_passive_done_by_a_thing_is_no_event(code_text):
    """ "hit by the plunge in crude prices" is done by no one; "hit by a missile", "killed by
    an improvised explosive device" by someone unnamed."""
    for text in (
        "Indonesia was badly hit by last year's steep plunge in crude prices.",
        "Three years after Argentina was hit by a deadly economic crisis, there is fresh hope.",
    ):
        assert not code_text(text).events, text
    for text in (
        "Three Iraqi soldiers were killed by an improvised explosive device.",
        "Two Iraqi soldiers were wounded by a missile.",
    ):
        assert [e["cameo"][:2] for e in code_text(text).events] == ["19"], text


def test_what_a_negated_judgement_presupposes_is_asserted(code_text):
    """ "not surprising", "no coincidence" and "did not deny" take the clause as given."""
    for text in (
        "It was not accidental that Washington accused Moscow of spying.",
        "It is no coincidence that Iran attacked Iraq.",
        "Officials did not deny that Iran attacked Iraq.",
    ):
        events = [e for e in code_text(text).events if e["evidence"]["trigger"] != "deny"]
        assert events and not any(e["negated"] for e in events), (
            text,
            [(e["cameo"], e["negated"]) for e in events],
        )


@pytest.mark.parametrize(
    "text, root",
    [
        # who speaks of an act did not do it
        (
            "The move was welcomed by Beijing, which described the embargo as a product of the Cold War.",
            "16",
        ),
        # fixed phrases of "take" are no seizure
        ("Intense discussions were taking place with US officials on Monday.", "17"),
        ("Britain takes over the presidency of the EU from Luxembourg in July.", "17"),
    ],
)
def test_no_act_is_read_into_talk_or_fixed_phrases(code_text, text, root):
    found = dyads(code_text(text))
    assert not [d for d in found if d[2] == root], found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Some U.S. brokers are now taking orders from the Japanese, they said.", set()),
        ("Clark said the United States has tended to take Canada for granted.", set()),
        ("Mexico has also taken the IMF path, officials said.", set()),
        # what "take" seizes, its patterns still say
        ("Russian troops took control of the Crimean parliament.", {("RUS", None, "19")}),
        ("The United States has taken a harsh line on Cuba.", {("USA", "CUB", "11")}),
    ],
)
def test_taking_alone_seizes_nothing(code_text, text, expected):
    """PETRARCH2's "take" is seizure (171); in news it takes orders, paths, stances and
    countries for granted."""
    found = {(s, t, root) for s, t, root in dyads(code_text(text)) if s or t}
    assert {d for d in found if d[2] in ("17", "19", "11")} == expected


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. said it intended to raise tariffs of as much as 300 mln dlrs on Japanese "
        "exports to the U.S.",
        "Instead, Mexico and Peru aimed to see that the price of silver recovered.",
        "Ministers of the European Community were determined not to let the Japanese question "
        "drop.",
        # nor is ensuring something
        "He said the UK was trying to ensure future EU budgets were limited to 1% of output.",
    ],
)
def test_an_intent_alone_is_no_intent_to_cooperate(code_text, text):
    """PETRARCH2 codes "plan", "intend", "aim", "decide", "determine" and "ensure" as intent
    to cooperate (030) whatever is intended; what is intended is coded, as intended."""
    assert not {d for d in dyads(code_text(text)) if d[2] == "03" and d[0] and d[1]}


def test_failing_is_no_rejection(code_text):
    """PETRARCH2's "fail" is rejection (120); it only says what was not done."""
    text = (
        "Canadian and Egyptian wheat negotiators failed to conclude an agreement on Canadian "
        "wheat exports to Egypt during talks last week."
    )
    assert not {d for d in dyads(code_text(text)) if d[2] == "12"}


def test_preventing_is_no_rejection(code_text):
    """PETRARCH2's "prevent" is rejection (120); preventing a thing rejects no one."""
    text = (
        "Japan is seeking to prevent its computer chips dispute with the U.S. from erupting "
        "into a full-scale trade war, government officials said."
    )
    assert not {d for d in dyads(code_text(text)) if d[2] == "12"}
