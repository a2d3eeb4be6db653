"""Names that name things, not actors: a city in the name of a thing ("the Paris Club"), a
country qualifying a thing ("US shows", "Iraqi oil fields").

Both look at the noun the name hangs on: an agent or title ("the Moscow government",
"Iraqi forces") or an event noun ("a Moscow visit", "Russian support") keeps the name an
actor; any other common noun makes it a thing's.
"""

from __future__ import annotations

from ..events.roles import grammar


def _common_thing(head, by_token) -> bool:
    """Whether ``head`` is a common noun naming neither an agent nor an event."""
    from ..events.patterns import event_nouns

    anchor = by_token.get(head.i)
    return (
        head.pos_ == "NOUN"
        and (anchor is None or anchor.kind not in ("title", "agent"))
        and head.lemma_.lower() not in event_nouns()
    )


def made_or_backed_by(doc, anchor) -> bool:
    """A name joined by a hyphen to a participle of making or backing (grammar.yaml's
    ``origin_participles``): "a Chinese-made missile", "the Cuban-backed Angolan government"
    are not China's or Cuba's, and no act in the sentence is aimed at them."""
    end = anchor.end
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end].whitespace_
        and doc[end + 1].lower_ in grammar()["origin_participles"]
    )


def qualifies_a_thing(token, by_token) -> bool:
    """A country or its adjective before a common noun that names neither an agent nor an
    event: "US shows", "British TV viewers", "Iraqi oil fields". The country is not an actor
    there (kind ``qualifier``); an act aimed at the thing may still be one aimed at the
    country (events/pairs.py decides)."""
    return token.dep_ in ("compound", "amod", "nmod") and _common_thing(token.head, by_token)


def names_a_thing(token, by_token) -> bool:
    """A city in the name of a thing: "the Paris Club", "the London Stock Exchange", "the
    London Interbank Offered Rate" (but "the Darfur region" and "West Darfur State" are
    places), or before a common noun that names neither an agent nor an event: "the London
    marathon", "the Paris accord" (but "the Moscow government" is Russia's, and "a Moscow
    visit" goes to Moscow)."""
    head = token.head
    # "the London Interbank Offered Rate": the parser may hang the city as a modifier
    if token.dep_ not in ("compound", "nmod"):
        return False
    if head.pos_ == "NOUN":
        return _common_thing(head, by_token)
    return head.pos_ == "PROPN" and head.lower_ not in grammar()["place_nouns"]
