"""French people the tables do not know, known by the title the text gives them.

French copy names an official once with the office ("le ministre malien des Affaires
étrangères, Tiébilé Dramé", "le président chypriote Nicos Anastasiades") and then by the
surname alone, mostly after a civility ("M. Dramé a rencontré son homologue", "Mme Garber").
The gazetteer knows the office, not the person; without this module the name that the
parser makes the subject, and every later "M. Dramé", would be no one.

A name joined to a state's title (right after it, or in apposition before it) becomes a
mention of its own of the title's actor, as a person; later mentions of its surname carry
that actor. A surname two people share is carried by neither. The surnames of the people
the tables know, named in full ("Shinzo Abe ... M. Abe a critiqué"), are carried the same
way, since the gazetteer matches a name only as the tables write it; and a surname after a
civility that nothing introduced is the one person of the tables in office under it.
"""

from __future__ import annotations

import dataclasses
import logging

from ..actors.names import short_names
from ..model import Actor, Mention
from .patterns import grammar

logger = logging.getLogger(__name__)

# How many words of an office may stand between a title and the name it introduces: "le
# ministre malien des Affaires étrangères, Tiébilé Dramé".
OFFICE_GAP = 6
# The parts of speech of those words: articles, prepositions and the office's adjectives and
# names; its common nouns count when written with a capital ("Affaires", "Intérieur"), and
# so does the comma before the name.
OFFICE_GAP_POS = {"DET", "ADP", "ADJ", "PROPN"}


def named_people(doc, mentions: list[Mention], office_holder=None) -> list[Mention]:
    """Mentions for the names that ``mentions``' state titles introduce, and for their
    surnames later in the text; none where a mention already stands. ``office_holder``
    gives the actor of the one person of the tables in office under a surname, for a
    surname after a civility that nothing in the text introduced ("M. Abe")."""
    spans = [(m, _tokens(doc, m)) for m in mentions]
    taken = {i for _, tokens in spans for i in tokens}
    titles = [(m, tokens) for m, tokens in spans if tokens and _a_states_title(m)]
    by_end = {tokens.stop - 1: m for m, tokens in titles}
    by_start = {tokens.start: m for m, tokens in titles}
    people: dict[str, Actor | None] = {}  # surname -> the person, None when two share it
    found: list[Mention] = []
    for mention, span in spans:
        actor = mention.actors[0]
        if mention.rule == "fr:person" and len(span) > 1 and len(mention.actors) == 1:
            written = doc[span.start : span.stop].text  # "Poutine", not the table's "Putin"
            for surname in short_names(written, written, [actor.country]):
                _remember(people, surname, actor)
            found.append(mention)
    tokens = list(doc)  # made once: a spaCy token is built anew at every access
    for run in [*_name_runs(tokens, taken), *_mistagged_names(tokens, taken, by_end)]:
        title = _title_before(doc, run, by_end) or _title_after(doc, run, by_start)
        if title is None:
            continue
        actor = dataclasses.replace(
            title.actors[0],
            name=" ".join(t.text for t in run),
            text=" ".join(t.text for t in run),
            kind="person",
        )
        _remember(people, run[-1].text, actor)
        found.append(_mention(run, actor, "fr:named"))
        taken.update(t.i for t in run)
    civilities = grammar()["civilities"]
    for token in tokens:
        actor = people.get(token.text)
        if (
            actor is None
            and office_holder is not None
            and token.i > 0
            and tokens[token.i - 1].lower_ in civilities
            and token.i not in taken
            and token.pos_ == "PROPN"
            and token.text not in people
        ):
            held = office_holder(token.text)
            if held is not None:
                found.append(_mention([token], held, "fr:office-holder"))
                continue
        # the surname, as written; the parser tags one it does not know at the start of a
        # sentence as a common noun ("Anastasiades a dénoncé")
        if actor is None or token.i in taken or token.pos_ not in ("PROPN", "NOUN", "X"):
            continue
        if not any(m.start < token.idx and m.actors[0] == actor for m in found):
            continue  # the surname before the full name: someone else, or a headline
        found.append(_mention([token], actor, "fr:carried"))
    return [m for m in found if m.rule != "fr:person"]


def _remember(people: dict[str, Actor | None], surname: str, actor: Actor) -> None:
    people[surname] = None if surname in people and people[surname] != actor else actor


def _name_runs(tokens, taken: set[int]):
    """Runs of capitalised proper nouns that no mention holds, a civility ("M.", "Mme")
    left out: the person names of the text."""
    civilities = grammar()["civilities"]
    run: list = []
    for token in [*tokens, None]:
        if (
            token is not None
            and token.i not in taken
            and token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and token.lower_ not in civilities
        ):
            run.append(token)
            continue
        if run:
            yield run
        run = []


def _mistagged_names(tokens, taken: set[int], by_end: dict[int, Mention]):
    """Two or more capitalised words right after a state's title that the parser did not tag
    as proper nouns, a foreign name it read as words: "le Premier ministre bélarusse Roman
    Golovtchenko" ("Roman" a noun, "Golovtchenko" an adjective, and a sentence begun at
    "Roman", which no sentence does right after a title)."""
    civilities = grammar()["civilities"]
    for end in by_end:
        run = []
        for token in tokens[end + 1 : end + 5]:
            if (
                token.i in taken
                or (token.is_sent_start and tokens[token.i - 1].is_punct)
                or not (token.is_alpha and token.text.istitle())
                or token.lower_ in civilities
            ):
                break
            run.append(token)
        if len(run) >= 2 and any(t.pos_ != "PROPN" for t in run):
            yield run


def _title_before(doc, run, by_end: dict[int, Mention]) -> Mention | None:
    """The state's title the office's words lead to the name from: "le président chypriote
    Nicos Anastasiades", "le ministre malien des Affaires étrangères, Tiébilé Dramé"."""
    start = run[0].i
    for gap in range(1, OFFICE_GAP + 2):
        before = start - gap
        if before < 0 or (doc[before + 1].is_sent_start and doc[before].is_punct):
            # the name begins its sentence, or the title is in the one before; a sentence
            # the parser begins after a word, with no stop, is none
            return None
        if before in by_end:
            return by_end[before]
        word = doc[before]
        if not (
            word.pos_ in OFFICE_GAP_POS
            or (word.pos_ == "NOUN" and word.text[:1].isupper())
            or word.text == ","
        ):
            return None  # "au ministère de l'Intérieur en juin, Matteo Salvini"
    return None


def _title_after(doc, run, by_start: dict[int, Mention]) -> Mention | None:
    """A title in apposition after the name: "Tiébilé Dramé, le ministre malien"."""
    after = run[-1].i + 1
    if after >= len(doc) or doc[after].text != ",":
        return None
    for index in (after + 1, after + 2):  # ", ministre malien", ", le ministre malien"
        if index in by_start:
            return by_start[index]
    return None


def _a_states_title(mention: Mention) -> bool:
    """A mention of one state's office that names the state: "le ministre malien",
    "l'ambassadrice américaine"; not a bare title the context gave a country."""
    return (
        mention.rule not in ("fr:context", "fr:body")
        and len(mention.actors) == 1
        and mention.actors[0].kind == "agent"
        and bool(mention.actors[0].country)
    )


def _mention(tokens, actor: Actor, rule: str) -> Mention:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Mention(start, end, tokens[-1].i, [actor], rule)


def _tokens(doc, mention: Mention) -> range:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)
