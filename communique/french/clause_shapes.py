"""Where the parser puts a French clause's subject when it hangs a participle, a gerund or
an infinitive in the wrong place: an opening participle ("Arrivé à Bamako, le ministre a
annoncé"), one set off after a circumstance ("lors d'une conférence de presse, dénonçant"),
a gerund on a noun ("en recevant son homologue"), an incise's subject hung on its day, a
participle that is a clause of its own, and whom a verb asks to act (french/roles.py)."""

from __future__ import annotations

from .french_dates import MONTHS, WEEKDAYS
from .patterns import SUBJECTS, grammar, verb_lemma, with_etre


def gerund(token) -> bool:
    """ "en recevant", "en appelant": a present participle after "en"."""
    return "Part" in token.morph.get("VerbForm") and any(
        c.dep_ == "mark" and c.lower_ == "en" for c in token.children
    )


def subject_after_day(verb) -> list:
    """ ", a déclaré vendredi 14 août le chef de la diplomatie turque": the subject after an
    incise's day, which the parser hangs on the date; the first noun there with an article."""
    for day in verb.children:
        if day.i < verb.i or day.lemma_.lower() not in grammar()["time_nouns"]:
            continue
        for token in day.subtree:
            if (
                token.i > day.i
                and token.dep_ == "nmod"
                and token.pos_ in ("NOUN", "PROPN")
                and any(c.dep_ == "det" for c in token.children)
            ):
                return [token]
    return []


def set_off_participle(token) -> bool:
    """A present participle after a comma that the parser hung on the noun of a
    circumstance (an oblique or its complement), not on a party of the clause."""
    return (
        "Part" in token.morph.get("VerbForm")
        and "Pres" in token.morph.get("Tense")
        and token.dep_ == "acl"
        and token.i > 0
        and token.doc[token.i - 1].text == ","
        and (token.head.dep_.startswith("obl") or token.head.dep_ == "nmod")
    )


def opening_participle(token) -> bool:
    """A participle that opens its sentence and that the parser made its root: "Arrivé en
    Côte d'Ivoire vendredi pour une visite de 48 heures (...), Emmanuel Macron a annoncé"."""
    return (
        token.dep_ == "ROOT"
        and token.i == token.sent.start
        and "Part" in token.morph.get("VerbForm")
        and not any(c.dep_.startswith("aux") for c in token.children)
    )


def main_clause_subjects(token) -> list:
    """The subjects of the first verb after the comma that ends an opening participle's
    phrase, wherever the parser hung that verb."""
    comma = next((t for t in token.sent if t.i > token.i and t.text == ","), None)
    if comma is None:
        return []
    for verb in token.sent:
        if verb.i > comma.i and verb.pos_ in ("VERB", "AUX") and not verb.dep_.startswith("aux"):
            subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i > comma.i]
            if subjects:
                return subjects
            return []
    return []


def passive_participle(token) -> bool:
    """A past participle qualifying a noun is passive ("les otages enlevés"), unless its verb
    makes its past with "être" ("le ministre, arrivé à Bamako")."""
    return (
        token.dep_ == "acl"
        and token.head.pos_ in ("NOUN", "PROPN")
        and "Part" in token.morph.get("VerbForm")
        and "Past" in token.morph.get("Tense")
        and not with_etre(token)
        and not finite_clause(token)
    )


def finite_clause(token) -> bool:
    """Whether a participle the parser hangs on a noun is the verb of a clause of its own,
    with its subject and auxiliary ("les tensions sont montées quand l'armée américaine a
    éliminé le général"): the parser's error, not a participle qualifying the noun."""
    return any(c.dep_.startswith("nsubj") for c in token.children) and any(
        c.dep_.startswith("aux") for c in token.children
    )


def told_to_act(verb) -> list:
    """Whom a verb of grammar.yaml's ``object_control_verbs`` asks to do what its infinitive
    says: "a exhorté l'Éthiopie à retirer ses troupes" (its object), "a demandé à Moscou de
    libérer les prisonniers" (its "à" complement)."""
    head = verb.head
    if verb.dep_ != "xcomp" or verb_lemma(head) not in grammar()["object_control_verbs"]:
        return []
    return [
        c
        for c in head.children
        if c.pos_ in ("PROPN", "NOUN")
        and c.lower_ not in WEEKDAYS + MONTHS  # "a appelé mardi à dépasser le conflit"
        and (
            c.dep_ in ("obj", "iobj")
            or c.dep_ == "obl:arg"
            and any(a.dep_ == "case" and a.lower_ in ("à", "au", "aux") for a in c.children)
        )
    ]
