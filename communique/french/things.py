"""French things named again (events/antecedents.py): "Ils lèveront ces sanctions", "Les
Palestiniens dénoncent l'accord" take the parties of the sanctions or the agreement the
article coded before."""

from __future__ import annotations

from ..events.antecedents import ThingWords
from .patterns import grammar

# what a verb or a noun acts on (Universal Dependencies, as the French model labels them)
OBJECT_DEPS = {"obj", "nsubj:pass", "obl:arg", "nmod"}


def _acted_on(clause) -> list:
    found = [c for c in clause.children if c.dep_ in OBJECT_DEPS and c.pos_ == "NOUN"]
    # "a demandé la levée de l'embargo": what the object noun acts on
    found += [n for o in found if o.dep_ == "obj" for n in o.children if n.dep_ == "nmod"]
    return [t for t in found if t.pos_ == "NOUN"]


def thing_nouns(trigger) -> list:
    """The nouns an act is done on: the trigger when it is a noun, its objects, passive
    subject and complements, the same in its infinitive ("a appelé à lever les sanctions"),
    and the subject of what a verb of saying says ("a dit que les sanctions étaient
    illégales")."""
    found = [trigger] if trigger.pos_ == "NOUN" else []
    found += _acted_on(trigger)
    for clause in trigger.children:
        if clause.dep_ == "xcomp":
            found += _acted_on(clause)
        elif clause.dep_ == "ccomp" and trigger.lemma_.lower() in grammar()["speech_verbs"]:
            found += [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    return found


def french_words() -> ThingWords:
    words = grammar()
    return ThingWords(
        words["things_named_again"], words["definite_determiners"], thing_nouns, "nsubj:pass"
    )
