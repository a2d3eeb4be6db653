"""Statements: what a verb of saying amounts to, read off what was said.

A statement (CAMEO 010) is criticism (111) when its complement disapproves ("said the
sanctions were illegal", grammar.yaml's ``disapproval_words``), and an accusation (112) when
it reports the target doing something hostile ("Iraq's war spokesman said Iran had kept up
its attacks", "said Israeli troops had fired on protesters"): saying that the other side
attacked, coerced or threatened is accusing it. A warning (130) that says how things are,
not what will be done, is a pessimistic comment (012): "the IMF warned that India's budget
deficit was too large".
"""

from __future__ import annotations

from ..model import Actor
from .modality import _words as modality_words
from .patterns import best_pattern, frame
from .clauses import predicate_disapproves
from .guards import a_figure
from .roles import Roles, coded_actors, grammar

# CAMEO roots of the acts whose report accuses their doer: threats, military posture,
# reducing relations, coercion, assault, fighting, mass violence.
HOSTILE_ROOTS = ("13", "15", "16", "17", "18", "19", "20")
REPORT_DEPS = ("ccomp",)
# prepositions of what is granted, not what is said: "ready to continue talks despite its
# failure to convince America" does not disapprove
CONCESSIVE = ("despite", "notwithstanding")
# pronouns by which a speaker, a person or a body, says what it does itself
SELF_PRONOUNS = ("he", "she", "they", "we", "i", "it")


def warns_of_a_state(token) -> bool:
    """ "The IMF warned that India's budget deficit was too large": a warning about how
    things are is a pessimistic comment (012), not a threat; "warned that the Community would
    react" says what will be done, and stays one (130)."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if not clauses or any(c.dep_ in ("dobj", "dative") for c in token.children):
        return False
    # what will, would or could be done: modality.yaml's auxiliaries of intent, of
    # hypothesis and of refusal
    words = modality_words()
    future = (
        words["intent_auxiliaries"]
        | words["hypothetical_auxiliaries"]
        | words["refusal_auxiliaries"]
    )
    return all(
        not any(a.dep_ in ("aux", "auxpass") and a.lower_ in future for a in c.children)
        and c.tag_ not in ("VB", "MD")
        for c in clauses
    )


def said_clauses(token) -> list:
    """The dependents of a verb of saying, and those of the "saying" it is quoted as: in "was
    quoted by Tehran radio as saying the U.S. was trying to build up its military presence",
    what was said hangs on "saying"."""
    children = list(token.children)
    for prep in children[:]:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            children += [
                c
                for verb in prep.children
                if verb.dep_ == "pcomp" and verb.lemma_.lower() in grammar()["saying_verbs"]
                for c in verb.children
            ]
    return children


def disapproving(token) -> bool:
    """A statement whose complement disapproves: a word of grammar.yaml's
    ``disapproval_words`` in a clause the verb of saying governs, not denied there, as what
    it says of its subject, as the subject itself ("said the United States' economic
    aggression was hurting Cuba") or after a preposition ("because of the United States'
    aggression"); or a complement that denies a commitment was kept, or says its subject did
    wrong."""
    words = grammar()["disapproval_words"]
    for clause in said_clauses(token):
        if clause.dep_ == "ccomp" and (
            broken_commitment(clause)
            or wrongdoing(clause)
            or speaker_disapproves(clause)
            or blames(clause)
        ):
            return True
        if clause.dep_ == "ccomp" and any(
            c.dep_ == "advmod" and c.lower_ in words for c in clause.children
        ):
            return True  # "said the US had regrettably not listened": denied, still regretted
        if clause.dep_ not in ("ccomp", "xcomp", "dobj") or denied(clause):
            continue
        if predicate_disapproves(clause):
            return True
        if clause.dep_ == "ccomp" and any(
            c.dep_ in ("nsubj", "nsubjpass")
            and (
                c.lemma_.lower() in words
                # "these wanton and barbarous attacks are unprecedented"
                or any(a.dep_ in ("amod", "conj") and a.lemma_.lower() in words for a in c.subtree)
            )
            for c in clause.children
        ):
            return True
        if clause.dep_ == "ccomp" and any(
            t.pos_ == "NOUN"
            and t.dep_ == "pobj"
            and t.lemma_.lower() in words
            and t.head.lower_ not in CONCESSIVE  # "ready to talk despite its failure"
            for t in clause.subtree
        ):
            return True  # "said it was necessary because of the United States' aggression"
    return False


def speaker_disapproves(clause) -> bool:
    """ "the EC ministers said they deplore the continued aggravation of the imbalance": a
    complement whose verb is a word of disapproval, not denied, said of a pronoun that stands
    for the speaker."""
    return (
        clause.lemma_.lower() in grammar()["disapproval_words"]
        and not denied(clause)
        and any(c.dep_ == "nsubj" and c.lower_ in SELF_PRONOUNS for c in clause.children)
    )


def blames(clause) -> bool:
    """ "said Iraq's President Saddam Hussein was the main cause of tension in the Gulf": a
    complement that makes its subject the cause of trouble (grammar.yaml's ``blame_nouns`` of
    one of its ``trouble_nouns``), not denied, blames it."""
    words = grammar()
    return not denied(clause) and any(
        attr.dep_ == "attr"
        and attr.lemma_.lower() in words["blame_nouns"]
        and any(
            pobj.lemma_.lower() in words["trouble_nouns"]
            for prep in attr.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        )
        for attr in clause.children
    )


def broken_commitment(clause) -> bool:
    """ "said Japan had not fulfilled its promise": a complement that denies its subject kept
    a commitment (grammar.yaml's ``commitment_verbs``) disapproves."""
    return clause.lemma_.lower() in grammar()["commitment_verbs"] and denied(clause)


def denied(clause) -> bool:
    """Whether a negation hangs on the clause's verb ("had not fulfilled")."""
    return any(c.dep_ == "neg" for c in clause.children)


def wrongdoing(clause) -> bool:
    """ "said the EC not only ignored Manila's request": a complement whose verb says its
    subject did wrong (grammar.yaml's ``wrongdoing_verbs``), not denied, disapproves."""
    return clause.lemma_.lower() in grammar()["wrongdoing_verbs"] and not denied(clause)


def reports_hostility(
    roles: Roles, tree, token, sources: list[Actor], targets: list[Actor]
) -> bool:
    """Whether the complement of a verb of saying has one of ``targets`` as its subject
    doing a hostile act (a verb or an event noun whose best pattern has a root of
    ``HOSTILE_ROOTS``), not denied, to no one but the speaker's side. An act reported on
    someone else ("Thai police said Burmese troops captured a Karen stronghold") is news
    attributed to its source, not an accusation."""
    countries = {t.country for t in targets if t.country}
    own = {s.country for s in sources if s.country}
    if not countries or not own or countries & own:
        return False
    for clause in said_clauses(token):
        if (
            clause.dep_ not in REPORT_DEPS
            or clause.i < token.i  # "..., witnesses said": wire copy naming its source
            or denied(clause)
        ):
            continue
        subjects, passive = roles.subject_tokens(clause)
        doers = {a.country for a in coded_actors(roles.mentions(subjects))}
        if passive or not doers & countries:
            continue
        # "was trying to build up its military presence": the act may be an infinitive
        acts = (
            c
            for c in tree.children(clause)
            if c.dep_ in ("dobj", "conj")
            or (c.dep_ == "xcomp" and clause.lemma_.lower() in modality_words()["attempt_verbs"])
        )
        for word in (clause, *acts):
            key = (
                word.lemma_.lower() if word.pos_ in ("VERB", "AUX") else "n:" + word.lemma_.lower()
            )
            found = best_pattern(key, frame(word))
            if (
                found
                and found[0].code[:2] in HOSTILE_ROOTS
                and _victims(roles, word) - doers <= own
            ):
                return True
    return False


def threatened_by_condition(roles: Roles, token, sources: list[Actor]) -> list[Actor]:
    """ "Yeutter said that if the European Community's Council of Ministers approves a tax on
    vegetable oils, another major transatlantic trade row will erupt": what a speaker says
    will or would follow if another party acts is a threat to that party (CAMEO 130). The
    party is the one foreign actor that does the act of the "if" or "unless" clause
    (grammar.yaml's ``threat_conditions``), in a complement with a future or conditional
    auxiliary, when what follows is not that party's own doing; none otherwise."""
    own = {s.country for s in sources if s.country}
    words = modality_words()
    future = words["intent_auxiliaries"] | words["hypothetical_auxiliaries"]
    for clause in said_clauses(token):
        if clause.dep_ not in REPORT_DEPS or denied(clause):
            continue
        if not any(a.dep_ == "aux" and a.lower_ in future for a in clause.children):
            continue
        for condition in clause.children:
            if condition.dep_ != "advcl" or not any(
                m.dep_ == "mark" and m.lower_ in grammar()["threat_conditions"]
                for m in condition.children
            ):
                continue
            subjects, passive = roles.subject_tokens(condition)
            subjects = [t for t in subjects if not a_figure(roles, t)]  # "if the U.S. dollar fell"
            doers = [
                a
                for a in coded_actors(roles.mentions(subjects))
                if a.country and a.country not in own
            ]
            if passive or len({a.country for a in doers}) != 1:
                continue
            # what the party itself will then have to do is no threat to it: "if China wants
            # GSP status, it will have to lobby Congress itself" (a pronoun after the
            # condition stands for its party, whatever the resolver made of it)
            consequence = roles.subject_tokens(clause)[0]
            if any(t.lower_ in ("it", "they") and condition.i < t.i for t in consequence) or any(
                a.country == doers[0].country for a in coded_actors(roles.mentions(consequence))
            ):
                continue
            return doers[:1]
    return []


def reports_an_act(roles: Roles, tree, token) -> bool:
    """ "Baker said Japan announced a cut in its discount rate", "Mandelson said the EU and US
    hoped to avoid a dispute": a plain verb of saying (not one of grammar.yaml's
    ``stance_verbs``) whose complement reports what a named actor did, an act coded as an
    event of its own, is news told by the speaker, not a statement aimed at the doer; so is
    the speaker's own act ("Turkey said it had received an assurance from Greece": GRC ->
    TUR 030 is the event; measured on issue 14's dev set, one wrong statement fewer). A
    hostile act reported is an accusation (``reports_hostility``), an act denied or a
    wrong done is criticism (``disapproving``); neither is news of this kind."""
    lemma = token.lemma_.lower()
    if lemma not in grammar()["complement_target_verbs"] or lemma in grammar()["stance_verbs"]:
        return False
    if disapproving(token):
        return False
    for clause in tree.children(token):
        if clause.dep_ not in REPORT_DEPS or clause.pos_ not in ("VERB", "AUX") or denied(clause):
            continue
        subjects, passive = roles.subject_tokens(clause)
        if passive or not subjects:
            continue
        # "said it had received an assurance from Greece": the speaker's own act, told
        speaker = all(s.lower_ in SELF_PRONOUNS for s in subjects)
        if not speaker and any(s.pos_ == "PRON" for s in subjects):
            continue  # "said this would ...": a thing
        if not speaker and not coded_actors(roles.mentions(subjects)):
            continue
        found = best_pattern(clause.lemma_.lower(), frame(clause))
        if found and found[0].code != "---" and found[0].code[:2] not in HOSTILE_ROOTS:
            return True
    return False


def _victims(roles: Roles, word) -> set[str]:
    """The countries an act names as its object or after a preposition."""
    tokens = [*roles.object_tokens(word), *(pobj for _, pobj in roles.preposition_objects(word))]
    return {a.country for a in coded_actors(roles.mentions(tokens)) if a.country}
