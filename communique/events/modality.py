"""Modality and negation of a trigger, from the words that govern it (data/modality.yaml).

- ``negated``: a negator on the trigger ("did not sign"), a negating verb governing it
  ("refused to sign"), or a denied or negated clause it is the complement of ("denied that
  Iran had attacked", "did not mean that Libya had cut its ties").
- ``hypothetical``: a modal auxiliary ("may attack"), a conditional clause ("if they sign")
  or a verb of asking governing the trigger ("urged Iran to stop attacks").
- ``intended``: a future auxiliary ("will visit"), "would" in reported speech ("said it would
  allow"), a verb or adjective of intent governing the trigger ("plans to visit", "is willing
  to withdraw"), a purpose clause ("to honor"), or a schedule ("is due to meet"). Stated
  intent takes CAMEO's "express intent" code for the event's root, and a scheduled act keeps
  its own; a stated intent under a condition ("will withdraw unless ...") is a threat.
- ``reported``: the trigger sits in the complement of a verb of saying ("X said Y attacked").
- ``asserted`` otherwise.

A negated act of cooperation or yielding with "will", "would", "can" or "could" ("cannot
support", "would not bow to demands") is a refusal: the event becomes a rejection (CAMEO
12), asserted, and is no longer negated (``Modality.refusal``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


from .clauses import outer_speaker_verb
from .roles import grammar
from ..yaml_data import read_yaml

DATA = resources.files("communique.events") / "data"
FIRST_CONFLICT_ROOT = "10"  # CAMEO roots from 10 (demand) on are not cooperation


@dataclass
class Modality:
    modality: str = "asserted"
    negated: bool = False
    stated_intent: bool = False  # an actor says it will: "plans to", "will", "is ready to"
    conditional: bool = False  # "if", "unless"
    # the act is refused until something else is done: "will not abandon it unless a fairer
    # system is devised" is still a refusal
    refused_until: bool = False
    refusing: bool = False  # "will not", "cannot", "could not": a stance, not a non-event
    attempted: bool = False  # "is trying to strike a deal": an intent, if it cooperates
    scheduled: bool = False  # "will visit": a future auxiliary says what is set to happen

    def refusal(self, code: str) -> str | None:
        """ "The US cannot support the plan", "Turkey would not bow to demands": an actor that
        says it will not cooperate or yield rejects (CAMEO 12), by the root of what it
        will not do; None for other events and for a denial of a fact ("did not sign")."""
        if not (self.negated and self.refusing) or (self.conditional and not self.refused_until):
            return None
        return _words()["refusal_codes"].get(code[:2])

    def code(self, code: str) -> str:
        """The CAMEO code the event takes: an intent or a threat instead of the act itself."""
        words = _words()
        if self.conditional and (self.stated_intent or self.modality == "hypothetical"):
            threats = words["threat_codes"]
            return threats.get(code) or threats.get(code[:2], code)
        if self.stated_intent:
            if self.scheduled and code[:2] in words["scheduled_roots"]:
                # "Fischer will visit Albania in June", like "is due to visit": the visit
                # set, coded as a visit (an intended one), not as an intent voiced (036)
                return code
            return words["intent_codes"].get(code[:2], code)
        if self.attempted and code[:2] < FIRST_CONFLICT_ROOT:
            # an attempt at cooperation is an intent to cooperate; an attempted attack or
            # coup ("tried to assassinate") is the hostile act, as CAMEO codes it
            return words["intent_codes"].get(code[:2], code)
        return code


def intent_code(code: str) -> str:
    """The CAMEO code of the intent to do an act of ``code`` (modality.yaml's
    ``intent_codes``: a visit planned is 036, aid promised 033); the code itself when it
    has none."""
    return _words()["intent_codes"].get(code[:2], code)


def intended_plover_event(event: str) -> str:
    """The PLOVER event of an intended act of PLOVER ``event`` (modality.yaml's
    ``intended_plover_events``: a meeting to come is AGREE)."""
    return _words()["intended_plover_events"].get(event, event)


@functools.cache
def _words() -> dict:
    data = read_yaml(DATA / "modality.yaml")
    return {key: (set(value) if isinstance(value, list) else value) for key, value in data.items()}


def clause_modality(trigger) -> Modality:
    words = _words()
    if trigger.pos_ == "ADJ" and trigger.dep_ == "acomp" and trigger.head.i != trigger.i:
        # "Britain is not satisfied with ...", "would be opposed to ...": an adjective said
        # of a subject is as negated and as supposed as the verb that says it
        governing = clause_modality(trigger.head)
        governing.negated = governing.negated or any(c.dep_ == "neg" for c in trigger.children)
        return governing
    result = Modality()
    result.negated = any(
        c.dep_ == "neg" or (c.lower_ in words["negators"] and c.dep_ in ("det", "advmod"))
        for c in trigger.children
    ) or (
        # "would impose no restrictions on them": nothing is imposed ("says no problems" is
        # still said)
        trigger.lemma_.lower() not in words["speech_verbs"]
        and any(
            c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
            for c in trigger.children
        )
    )
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
        # "if Venezuela and Mexico have concluded their negotiations": an event noun is as
        # supposed as the verb that has it as its object
        governing = clause_modality(trigger.head)
        if (governing.conditional and governing.modality == "hypothetical") or (
            trigger.head.lemma_.lower() in words["carrying_verbs"]
            and (governing.modality != "asserted" or governing.negated)
        ):
            governing.negated = governing.negated or result.negated
            return governing
    auxiliaries = _auxiliaries(trigger)
    result.refusing = bool(auxiliaries & words["refusal_auxiliaries"])
    if "would" in auxiliaries and _in_reported_speech(trigger, words):
        result.modality, result.stated_intent, result.scheduled = "intended", True, True
    elif auxiliaries & words["hypothetical_auxiliaries"]:
        result.modality = "hypothetical"
    elif auxiliaries & words["intent_auxiliaries"]:
        result.modality, result.stated_intent, result.scheduled = "intended", True, True
    elif trigger.dep_ == "advcl" and "to" in {
        c.lower_ for c in trigger.children if c.dep_ == "aux"
    }:
        # a purpose ("sought support to combat terrorist groups") is intended; an act that a
        # clause only judges ("it would be foolish for Japan to strike back") is not done
        result.modality = "hypothetical" if _judged(trigger.head) else "intended"
    token = trigger
    purpose = False
    for _ in range(6):  # walk up the clauses that govern the trigger
        if any(
            c.dep_ == "mark" and c.lower_ in words["conditional_markers"] for c in token.children
        ):
            result.conditional = True
            if not result.stated_intent:
                result.modality = "hypothetical"
        for child in token.children:  # "will withdraw ... unless X": the condition hangs here
            marks = {
                m.lower_
                for m in child.children
                if m.dep_ == "mark" and m.lower_ in words["conditional_markers"]
            }
            if child.dep_ == "advcl" and marks:
                result.conditional = True
                result.refused_until = result.refused_until or marks == {"unless"}
        head = token.head
        if head.i == token.i:
            break
        outer = outer_speaker_verb(token)
        if outer is not None:
            token = outer  # "... and said Washington had not given": said by the speaker
            continue
        if token.dep_ == "acl" and (
            head.lemma_.lower() in words["negating_nouns"]
            or any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)
        ):
            # "its failure to honour", "had no plans to lend to Vietnam"
            result.negated = True
            # "had no plans to bow to U.K. pressure", "its refusal to sign": an intent
            # denied is a refusal, as "will not bow" is; "made no commitment to support"
            # only says none was made
            result.refusing = head.lemma_.lower() in words["refusing_nouns"]
        if (
            token.dep_ == "pcomp"
            and head.lower_ == "of"
            and head.head.lemma_.lower() in words["possibility_nouns"]
        ):
            # "speaking of the possibility of resuming loans to Poland": what only may be
            result.modality = "hypothetical"
            break
        if token.dep_ == "xcomp":
            lemma = head.lemma_.lower()
            if lemma in words["negating_verbs"]:
                result.negated = True
            elif (
                lemma in words["intent_verbs"] or lemma in words["intent_adjectives"]
            ) and result.modality == "asserted":
                result.modality, result.stated_intent = "intended", True
            elif lemma in words["attempt_verbs"] and result.modality == "asserted":
                result.attempted = True
            elif lemma in words["schedule_adjectives"] and result.modality == "asserted":
                result.modality = "intended"  # "is due to meet": scheduled, no intent stated
            elif lemma in words["likelihood_adjectives"] and result.modality == "asserted":
                result.modality = "hypothetical"  # "is unlikely to import": foreseen not to be
            elif lemma in words["request_verbs"] and result.modality == "asserted":
                result.modality = "hypothetical"  # "urged Iran to stop": only asked
            elif _serves_an_act(token, head):
                purpose = True
            # "is not prepared to abandon the rebate": the copula of an adjective of intent
            # carries its negation; an intent denied is a stance, a refusal
            sayer = (
                head.head if head.dep_ == "acomp" and lemma in words["intent_adjectives"] else head
            )
            if any(c.dep_ == "neg" for c in head.children) or (
                sayer is not head and any(c.dep_ == "neg" for c in sayer.children)
            ):
                result.negated = True
                result.refusing = result.refusing or sayer is not head
        if (
            token.dep_ in ("acl", "ccomp")
            and head.lemma_.lower() in words["report_nouns"]
            and head.dep_ == "dobj"
            and head.head.lemma_.lower() in words["denial_verbs"]
        ):
            # "denied a report that the United States was shipping arms to Iran"
            result.negated = True
            break
        if token.dep_ == "ccomp" and _presupposed(head, words):
            # "it was not accidental that Washington made accusations", "did not deny that
            # Iran had attacked": the act is taken as given
            break
        if token.dep_ == "ccomp" and (
            head.lemma_.lower() in words["denial_verbs"]
            or any(c.dep_ == "neg" for c in head.children)
        ):
            # "denied that Iran had attacked", "did not mean that Libya had cut its ties":
            # what is denied is not asserted
            result.negated = True
            break
        if (
            token.dep_ == "ccomp"
            and head.lemma_.lower() in words["request_verbs"]
            and result.modality == "asserted"
            and not _told_as_fact(token, head, words)
        ):
            result.modality = "hypothetical"  # "demanded that Turkey provide": only asked
            break
        if token.dep_ == "acl" and head.pos_ == "NOUN" and result.modality == "asserted":
            # "announced its plan to attack", "Iran's attempt to seize the ship"
            if head.lemma_.lower() in words["intending_nouns"]:
                result.modality, result.stated_intent = "intended", True
            elif head.lemma_.lower() in words["attempt_nouns"]:
                result.attempted = True
        if (
            token.dep_ == "acl"
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in words["request_nouns"]
            and not result.conditional
        ):
            # "their request that the US offer wheat", "the demand to release the hostages"
            result.modality, result.stated_intent = "hypothetical", False
            break
        if token.dep_ == "ccomp" and head.lemma_.lower() in words["speech_verbs"]:
            if result.modality == "asserted":
                result.modality = "reported"
            break
        if token.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "acomp"):
            break
        token = head
    if purpose and result.modality == "asserted":
        # "massed troops on the border to attack Iraq": a purpose the parser hangs on the
        # verb as its complement is intended, unless a verb above says more ("decided to
        # retain powers to withdraw credits", "urged Canada to keep the heat on ... to")
        result.modality = "intended"
    return result


def _serves_an_act(infinitive, verb) -> bool:
    """Whether ``infinitive`` ("to attack") is the purpose of ``verb``, an act on an object
    ("massed troops"), not what the object is made, asked or allowed to do ("forced Iraq to
    withdraw": grammar.yaml's ``object_control_verbs``)."""
    return (
        verb.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children)
        and any(c.dep_ == "dobj" for c in verb.children)
        and verb.lemma_.lower() not in grammar()["object_control_verbs"]
    )


def _judged(verb) -> bool:
    """ "it would be foolish (a mistake) for Japan to ...": "be" with "it" for its subject
    and a judgement for its complement."""
    return (
        verb.lemma_ == "be"
        and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.children)
        and any(c.dep_ in ("acomp", "attr") for c in verb.children)
    )


def _auxiliaries(verb) -> set[str]:
    """The auxiliaries of a verb, and of the verb it is joined to when it shares that verb's
    subject: "Iran may attack Kuwait and seize its oil fields" may seize them too."""
    own = {c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if (
        own
        or verb.dep_ != "conj"
        or verb.head.i >= verb.i
        or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    ):
        return own
    return _auxiliaries(verb.head)


def _presupposed(head, words) -> bool:
    """Whether a clause governed by ``head`` is taken as given whatever the negation: a
    judgement that presupposes it ("it is not surprising that", "it was no coincidence
    that": modality.yaml's ``factive_judgements``), or a denial denied ("did not deny that")."""
    negated = any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
        for part in (head, *head.children)
        for c in part.children
    )
    if not negated:
        return False
    if head.lemma_.lower() in words["denial_verbs"]:
        return any(c.dep_ == "neg" for c in head.children)
    return head.lemma_.lower() == "be" and any(
        c.dep_ in ("acomp", "attr") and c.lemma_.lower() in words["factive_judgements"]
        for c in head.children
    )


def _told_as_fact(clause, verb, words) -> bool:
    """ "told the United Nations that planes from Afghanistan attacked": a verb of both
    asking and saying reports what its clause says in the past or present indicative; "told
    Iran that it must stop" (a modal) or "demanded that Turkey provide" asks."""
    finite = ("VBD", "VBZ", "VBP")
    return verb.lemma_.lower() in words["speech_verbs"] and (
        clause.tag_ in finite
        or any(c.dep_ in ("aux", "auxpass") and c.tag_ in finite for c in clause.children)
    )


def _in_reported_speech(trigger, words) -> bool:
    token = trigger
    while token.dep_ == "conj":
        token = token.head
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in words["speech_verbs"]
