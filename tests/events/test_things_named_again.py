"""Sanctions and agreements named again by their noun alone, and acts that did not happen
because a noun says so (issue 14). The project's own sentences, through the real model."""

import pytest

from tests.events.conftest import dyads


def events_of(article, trigger: str) -> list[dict]:
    return [e for e in article.events if e["evidence"]["trigger"].split()[0] == trigger]


def test_sanctions_called_off_are_eased_and_a_failure_to_call_them_off_is_no_act(code_text):
    eased = code_text("The U.S. called off its sanctions against Iraq.")
    assert ("USA", "IRQ", "085") in {
        (e["source"]["country"], (e["target"] or {}).get("country"), e["cameo"])
        for e in eased.events
    }
    failed = code_text(
        "Japan was ready to continue talks with the U.S. despite its failure to convince "
        "America to call off the tariffs against Japan."
    )
    called_off = events_of(failed, "call")
    assert called_off and all(e["negated"] for e in called_off), called_off


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The EU embargo on arms exports to China is likely to be lifted, Jack Straw said. "
            "In December, the EU pledged to work towards lifting the ban.",
            ("IGO", "CHN", "08"),
        ),
        (
            "The United States imposed sanctions on Iran in 1995. "
            "Germany called for the sanctions to be lifted.",
            ("DEU", "IRN", "02"),
        ),
        (
            "Japan and the United States signed a semiconductor pact in July. "
            "The European Community has challenged the agreement.",
            ("IGO", "JPN", "11"),
        ),
        # what is said of it: the sanctioned side speaks of those who imposed them
        (
            "Iran rejected the sanctions the U.S. imposed on it last year. "
            "Tehran said the sanctions were illegal.",
            ("IRN", "USA", "11"),
        ),
    ],
)
def test_an_act_on_a_thing_named_again_is_aimed_at_its_party(code_text, text, expected):
    article = code_text(text, date="1990-01-01")
    second = article.text.index(". ") + 2  # the act on the thing named again
    found = {
        (e["source"]["country"], (e["target"] or {}).get("country"), e["cameo"][:2])
        for e in article.events
        if e["evidence"]["start"] >= second
    }
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        # a new ban, not the embargo named before
        "The EU imposed an arms embargo on China in 1989. "
        "Britain proposed a ban on tobacco advertising.",
        # the embargo told again: the same imposition, not a new act on it
        "The EU imposed an arms embargo on China in 1989. "
        "The ban was imposed after the crackdown in Tiananmen Square.",
        # a condition is not what the act is done on
        "The EU imposed an arms embargo on China in 1989. Washington argues that if the "
        "embargo is lifted, it could lead to a buying spree.",
    ],
)
def test_no_party_is_taken_from_a_thing_not_acted_on(code_text, text):
    aimed = {dyad for dyad in dyads(code_text(text, date="1990-01-01")) if dyad[1]}
    assert aimed == {("IGO", "CHN", "16")}, aimed


def test_a_thing_named_with_its_parties_and_no_act_on_it_is_still_theirs(code_text):
    article = code_text(
        "Shares rose on news of a 1986 U.S.-Japan pact on microchip trade. But the European "
        "Community has challenged the agreement as a violation of GATT practices.",
        date="1987-04-01",
    )
    assert ("IGO", "USA", "11") in dyads(article), dyads(article)


def test_what_is_said_of_a_thing_only_named_before_is_aimed_at_no_party(code_text):
    article = code_text(
        "Shares rose on news of a 1986 U.S.-Japan pact on microchip trade. Takashi Ishihara, "
        "chairman of the Japan Committee for Economic Development, said the agreement will not "
        "prevent the yen from rising.",
        date="1987-04-01",
    )
    assert not [e for e in article.events if e["target"]], dyads(article)


def test_a_ban_lifted_by_no_one_named_is_its_owners_against_its_target(code_text):
    # the European Union's ban is the EU's own, on China: lifting it is no act against the
    # EU, and the embargo named again is still on China
    article = code_text(
        "Moves to lift the European Union's ban on arms exports to China have been condemned "
        "by human rights groups. Germany and France have repeatedly called for the embargo to "
        "be lifted.",
        date="2005-01-10",
    )
    found = dyads(article)
    assert ("IGO", "CHN", "08") in found and ("DEU", "CHN", "02") in found, found
    assert not [d for d in found if d[1] == "IGO"], found
