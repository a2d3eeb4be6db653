"""What a French headline says before the text begins: the countries it names ("Mali : la
junte libère deux détenus" is a story on Mali) and the people of the tables it names
("Emmanuel Macron dénonce le jeu dangereux de la Turquie"), whom the story's first pronoun
and its bare "chef de l'État" stand for (french/antecedents.py, french/context.py)."""

from __future__ import annotations

from ..model import Mention
from .gazetteer import french_anchor_matcher


def title_countries(title_doc, nlp) -> list[str]:
    """The countries the headline names, places too."""
    if title_doc is None:
        return []
    return [
        a.entry.country
        for a in french_anchor_matcher(nlp)(title_doc)
        if a.kind in ("country", "demonym", "place") and a.entry.country not in (None, "IGO")
    ]


def headline_people(title_doc, nlp, entry_actor) -> list[Mention]:
    """The people of the tables the headline names, as mentions in the title, each with the
    actor ``entry_actor`` gives its gazetteer entry on the article's day."""
    if title_doc is None:
        return []
    found = []
    for anchor in french_anchor_matcher(nlp)(title_doc):
        if anchor.kind != "person":
            continue
        span = title_doc[anchor.start : anchor.end]
        actor = entry_actor(anchor.entry, span.text)
        if actor is not None:
            found.append(
                Mention(span.start_char, span.end_char, span.root.i, [actor], "fr:headline")
            )
    return found


def officer_countries(people: list[Mention]) -> list[str]:
    """The countries of the office holders in government among ``people``."""
    return [a.country for m in people for a in m.actors if "GOV" in a.sectors and a.country]
