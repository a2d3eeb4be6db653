"""French factions named by a hyphened prefix: "les forces pro-GNA", "des pro-Haftar", "les
milices anti-Gbagbo" are of the country of the person or national body they are for or
against, so that "la Turquie soutient les forces pro-GNA" is aid to Libya. A group for or
against a state or a bloc ("les milices pro-iraniennes", "anti-UE") is not of it, and gets no
country here. The prefixes are french/data/grammar.yaml's ``faction_prefixes``; the names,
any person or organisation of the French gazetteer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..model import Actor, Mention
from .gazetteer import french_anchor_matcher, titles
from .patterns import grammar

# Relations by which a faction word qualifies the noun it names: "les forces pro-GNA".
QUALIFYING = frozenset({"amod", "nmod", "appos"})


def faction_mentions(doc, nlp, actor_of: Callable[..., Actor | None]) -> Iterator[Mention]:
    """A mention per faction word, at the title noun it qualifies ("forces", with its
    sectors) or at the word itself ("des pro-GNA"). ``actor_of(entry, text)`` codes a
    gazetteer entry as the resolver does."""
    matcher = french_anchor_matcher(nlp)
    for token in doc:
        prefix, dash, name = token.text.partition("-")
        if not dash or prefix.lower() not in grammar()["faction_prefixes"]:
            continue
        if not name[:1].isupper():
            continue  # "pro-iraniennes", "anti-français": a state's demonym
        named = nlp.make_doc(name)
        anchors = [a for a in matcher(named) if a.start == 0 and a.end == len(named)]
        if not anchors or anchors[0].kind not in ("person", "organisation"):
            continue
        actor = actor_of(anchors[0].entry, token.text)
        if actor is None or actor.country in (None, "IGO"):
            continue
        head = token.head
        title = titles().get((head.lemma_.lower(),)) if token.dep_ in QUALIFYING else None
        if title is None or head.pos_ != "NOUN":
            head, sectors = token, actor.sectors
        else:
            sectors = title.sectors
        faction = Actor(
            actor.country + "".join(sectors[:1]),
            actor.country,
            sectors,
            actor.name,
            doc[min(head.i, token.i) : max(head.i, token.i) + 1].text,
            None,
            "agent",
        )
        span = doc[min(head.i, token.i) : max(head.i, token.i) + 1]
        yield Mention(span.start_char, span.end_char, head.i, [faction], "fr:faction")
