"""The French coder's data, read once: verb and noun patterns (french/data/verbs.tsv,
nouns.tsv) and the word lists of grammar.yaml."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..dictionary_files import read_table
from ..yaml_data import read_yaml
from .french_dates import MONTHS, WEEKDAYS
from .gazetteer import DATA

# The Universal Dependencies relations of a verb's subject, its object and its other
# complements.
SUBJECTS = ("nsubj", "nsubj:pass", "expl:subj")
OBJECTS = ("obj",)
OBLIQUES = ("obl", "obl:arg", "obl:mod", "nmod", "iobj")


def objects_of(token) -> list:
    """The objects of a verb, with those the parser hangs on a day or a month between the
    verb and its object ("a exhorté jeudi la Turquie") or on an adverbial phrase ("a attaqué
    de front son homologue"), and a name in apposition to one."""
    # "a qualifié mardi de mensonges les propos": a day the parser takes for an object is none
    found = [
        c
        for c in token.children
        if c.dep_ in OBJECTS and c.lemma_.lower() not in (*WEEKDAYS, *MONTHS)
    ]
    for phrase in phrase_nouns(token):
        # "pointent du doigt les autorités russes": the party hangs on the phrase's noun
        found = [c for c in found if c.i != phrase.i]
        found.extend(
            c
            for c in phrase.children
            if c.dep_ in ("nmod", "conj")  # "du doigt les États-Unis et la France"
            and c.pos_ in ("NOUN", "PROPN")
            and not any(g.dep_ == "case" for g in c.children)
        )
    for when in token.children:
        if when.i > token.i and when.lemma_.lower() in (*WEEKDAYS, *MONTHS):
            # "ont accusé jeudi Pékin de ...": or a bare noun the parser reads as the day's
            found.extend(
                c
                for c in when.children
                if c.i > when.i
                and (
                    c.dep_ in OBJECTS
                    or (
                        c.dep_ == "nmod"
                        and c.pos_ in ("NOUN", "PROPN")
                        and not any(g.dep_ == "case" for g in c.children)
                    )
                )
            )
        elif when.i > token.i and when.dep_ == "obl:mod" and not found:
            # "a attaqué de front son homologue": a noun with no preposition after an
            # adverbial phrase is the verb's object
            found.extend(
                c
                for c in when.children
                if c.dep_ == "nmod"
                and c.i > when.i
                and c.pos_ in ("NOUN", "PROPN")
                and not any(g.dep_ == "case" for g in c.children)
            )
    if not found:
        # "Moscou a critiqué Paris": a name with no preposition after the verb is its object,
        # whatever the parser calls it (a place is "à Paris", "en France")
        found = [
            c
            for c in token.children
            if c.dep_ in ("obl:mod", "xcomp")
            and c.i > token.i
            and c.pos_ == "PROPN"
            and not any(g.dep_ == "case" for g in c.children)
        ]
    if not found:
        found = _object_taken_by_incise(token)
    if found:
        # "appelle la Turquie et la Grèce à ...": the parser may hang the object's conjunct
        # on the verb
        found.extend(
            c
            for c in token.children
            if c.dep_ == "conj"
            and c.pos_ in ("NOUN", "PROPN")
            and c.i > found[0].i
            and not any(g.dep_ == "case" for g in c.children)
        )
    for obj in list(found):
        # "a accusé son ennemi, Israël, de ...": the parser hangs the apposition on the verb
        after = obj.right_edge.i + 1
        doc = obj.doc
        if after + 1 < len(doc) and doc[after].text == ",":
            named = doc[after + 1]
            if (
                named.head.i == token.i
                and named.pos_ == "PROPN"
                and named.dep_.startswith(("obl", "appos"))
                and not any(c.dep_ == "case" for c in named.children)
            ):
                found.append(named)
    return found


def phrase_nouns(token) -> list:
    """The nouns of a set phrase after a preposition that the verb takes (grammar.yaml's
    ``phrase_nouns``): "pointent du doigt", "pointant au passage du doigt"."""
    words = grammar()["phrase_nouns"]
    found = []
    for child in token.children:
        if not child.dep_.startswith(("obl", "obj")) or child.i < token.i:
            continue
        for noun in (child, *(c for c in child.children if c.dep_ == "nmod")):
            preposition = words.get(noun.lemma_.lower())
            if preposition and any(
                g.dep_ == "case" and preposition in (g.lemma_, g.lower_) for g in noun.children
            ):  # "aux côtés de" as written: "à côté de" is only beside
                found.append(noun)
    return found


def _object_taken_by_incise(token) -> list:
    """The object the parser gave as subject to the incise after it: in "La junte recevra
    samedi cette délégation, a dit un responsable", "cette délégation" is what the junta
    receives, not who spoke."""
    for incise in token.children:
        if incise.i > token.i:
            subject = subject_cut_by_comma(incise)
            if subject is not None and subject.i > token.i:
                return [subject]
    return []


def subject_cut_by_comma(verb):
    """The subject a verb of saying in an incise was given before the comma that opens the
    incise: no subject of its own, as a subject is not cut from its verb by a comma ("...
    cette délégation, a ensuite dit à l'AFP un responsable"); None if there is none."""
    if verb_lemma(verb) not in grammar()["speech_verbs"] or verb.head.i == verb.i:
        return None  # a main verb's subject may close with a comma: "Ali Chamkhani, a averti"
    for subject in verb.children:
        comma = subject.right_edge.i + 1
        if (
            subject.dep_ == "nsubj"
            and verb.head.i < subject.i < verb.i  # after the verb the incise hangs on
            and subject.pos_ in ("NOUN", "PROPN")
            and comma < verb.i
            and verb.doc[comma].text == ","
            and all(
                t.head.i == verb.i and t.dep_.startswith(("aux", "advmod"))
                for t in verb.doc[comma + 1 : verb.i]
            )
        ):
            return subject
    return None


# Where a reflexive verb that has no reflexive pattern of its own finds its other party: its
# conjoined subject, each of whom acts on the others ("la Grèce et la Turquie se sont
# rencontrées", "le Maroc et l'Algérie se critiquent").
RECIPROCAL = "réciproque"


@dataclass(frozen=True)
class VerbPattern:
    verb: str  # the lemma: a verb's, or an event noun's (``noun``)
    reflexive: bool
    object: str | None
    code: str
    targets: tuple[str, ...]
    origin: str
    noun: bool = False


@functools.cache
def noun_patterns() -> dict[str, list[VerbPattern]]:
    """The patterns of each event noun: those that need a "de" complement, then the plain one."""
    table: dict[str, list[VerbPattern]] = {}
    for line_number, row in read_table(DATA / "nouns.tsv", optional=("object",)).rows:
        table.setdefault(row["noun"], []).append(
            VerbPattern(
                row["noun"],
                False,
                row["object"] or None,
                row["code"],
                tuple(t for t in row["target"].split("|") if t),
                f"french/nouns.tsv:{line_number}",
                noun=True,
            )
        )
    return table


@functools.cache
def verb_patterns() -> dict[str, list[VerbPattern]]:
    table: dict[str, list[VerbPattern]] = {}
    for line_number, row in read_table(DATA / "verbs.tsv").rows:
        verb = row["verb"]
        reflexive = verb.startswith(("se ", "s'"))
        lemma = verb[3:] if verb.startswith("se ") else verb[2:] if verb.startswith("s'") else verb
        pattern = VerbPattern(
            lemma,
            reflexive,
            row["object"] or None,
            row["code"],
            tuple(t for t in row["target"].split("|") if t and t != "-"),
            f"french/verbs.tsv:{line_number}",
        )
        table.setdefault(lemma, []).append(pattern)
    return table


@functools.cache
def grammar() -> dict:
    """The word lists of grammar.yaml as sets (looked up for every token), its tables as
    they are."""
    return {
        key: value if isinstance(value, dict) else frozenset(value)
        for key, value in read_yaml(DATA.joinpath("grammar.yaml")).items()
    }


@functools.cache
def statement_words() -> dict[str, frozenset[str]]:
    words = grammar()
    return {
        "verbs": frozenset(words["statement_verbs"]),
        "disapproval_words": frozenset(words["disapproval_words"]),
        "negated_disapproval_words": frozenset(words["negated_disapproval_words"]),
        "approval_words": frozenset(words["approval_words"]),
        "cooperation_words": frozenset(words["cooperation_words"]),
        "judging_verbs": frozenset(words["judging_verbs"]),
        "first_person": frozenset(words["first_person"]),
        "warning_verbs": frozenset(words["warning_verbs"]),
    }


def verb_lemma(token) -> str:
    """The token's lemma, mended where the French lemmatizer leaves a present-tense verb as
    it is because the form is also a noun: "signe", "demande", "participe", "rencontre" are
    "signer", "demander", "participer", "rencontrer" when a pattern or a list knows them."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and lemma == token.lower_ and lemma.endswith("e"):
        known = _known_verbs()
        if lemma not in known and lemma + "r" in known:
            return lemma + "r"
    return lemma


@functools.cache
def _known_verbs() -> frozenset[str]:
    return frozenset(verb_patterns()) | statement_words()["verbs"]


def with_etre(token) -> bool:
    """Whether the verb makes its past with "être" (grammar.yaml's ``etre_verbs``), so that
    its past participle is active: "arrivé", "parti", "intervenu"."""
    return verb_lemma(token) in grammar()["etre_verbs"]
