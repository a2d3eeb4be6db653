"""Clauses: what a clause says of its parts, read off the dependency parse, whoever the
actors are: a word of likeness ("a Madrid-style bombing"), a predicate of disapproval, the
subject an infinitive takes, a verb of saying the parser joined to what was said, a passive
or participial clause and its agent, the object a preposition was left without, and the
speakers a verb of quoting names (roles.py reads the actors through these)."""

from __future__ import annotations

from .word_lists import grammar

# how a word of likeness hangs on the noun it qualifies
LIKENING_DEPS = ("prep", "amod", "compound", "npadvmod", "nmod", "acomp")


def likens(token) -> bool:
    """Whether the token compares ("a Madrid-style bombing", "a system similar to
    Australia's", "a plan like Germany's": grammar.yaml's ``likeness_words``): the actor it
    names is what a thing is likened to, not a party to it."""
    return token.lemma_.lower() in grammar()["likeness_words"] and token.dep_ in LIKENING_DEPS


def predicate_disapproves(clause, judgements_only: bool = False) -> bool:
    """Whether what a clause says of its subject is a word of disapproval (grammar.yaml's
    ``disapproval_words``): "sanctions were illegal", "they were very disturbed", "Moscow felt
    indignation"; not a word deeper inside ("aliens ordered out as illegal").
    ``judgements_only`` leaves out the subject's feelings (``feeling_words``: "disturbed",
    "angry"), which are felt about someone else: what remains judges the subject itself."""
    words = grammar()["disapproval_words"]
    if judgements_only:
        words = words - grammar()["feeling_words"]
    return predicate_says(clause, words)


def predicate_approves(clause) -> bool:
    """Whether what a clause says of its subject is a feeling of approval (grammar.yaml's
    ``approval_feelings``): "the Philippines is very happy about the ADB's support", "they
    are not satisfied the mechanisms work". Whether approving or not, the feeling is about
    someone."""
    return predicate_says(clause, grammar()["approval_feelings"])


def predicate_says(clause, words) -> bool:
    """Whether the predicate of a clause, or an adjective on a noun predicate, is one of
    ``words`` (lemma or form)."""
    predicate = [
        c for c in clause.children if c.dep_ in ("acomp", "attr", "dobj", "oprd", "xcomp", "advmod")
    ]  # "advmod": "had regrettably not listened", "is deliberately aggravating tensions"
    if clause.pos_ == "ADJ" or (
        clause.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in clause.children)
    ):
        # "they were disturbed": a state; an active verb ("said Egypt condemned Israel") is
        # a reported act, coded by its own trigger
        predicate.append(clause)
    # "had a terrible rights record", "was a bad decision": what a noun predicate's
    # adjective says of it
    predicate += [
        a
        for t in predicate
        if t.dep_ in ("attr", "dobj", "oprd") and t.pos_ == "NOUN"
        for a in t.children
        if a.dep_ == "amod"
    ]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in predicate)


def infinitive_subjects(verb) -> list:
    """ "Britain wants Japan to agree a timetable": whom a verb of asking or ordering has do
    what its infinitive says, when the parser makes it the infinitive's subject, not the
    verb's object."""
    return [
        s
        for clause in verb.children
        if clause.dep_ == "ccomp"
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)
        for s in clause.children
        if s.dep_ == "nsubj" and s.i < clause.i
    ]


def outer_speaker_verb(verb):
    """ "Fukukawa said the US had not listened and said Washington had not given ...": a verb
    of saying with no subject, that the parser joined to the verb of what was said, repeats
    the saying verb outside (grammar.yaml's ``saying_verbs``); None for any other verb."""
    saying = grammar()["saying_verbs"]
    head = verb.head
    if (
        verb.dep_ == "conj"
        and verb.lemma_.lower() in saying
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and head.dep_ == "ccomp"
        and head.head.lemma_.lower() in saying
    ):
        return head.head
    return None


def participle_clause(verb) -> bool:
    """A past participle heading a clause of its own with no subject or auxiliary ("Asked
    about the surplus, Baker said", "Backed by France, Mali ..."): passive, with the main
    clause's subject as what was done to."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children
        )
    )


def passive_objects(trigger) -> list:
    """What a passive verb was done to, which patterns name as its object: "the embargo
    was lifted", "the embargo is likely to be lifted" (the subject raised from the
    infinitive), "the sanctions imposed on Iraq" (the noun a past participle qualifies)."""
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        return [trigger.head]
    if not any(c.dep_ == "auxpass" for c in trigger.children):
        return []
    subjects = [c for c in trigger.children if c.dep_ == "nsubjpass"]
    holder = trigger
    while not subjects and holder.dep_ in ("xcomp", "acomp") and holder.head.i != holder.i:
        holder = holder.head
        subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects


def passive_modifier(verb, agent: list) -> bool:
    """A past participle qualifying a noun, with who did it ("the ban imposed by Reagan"):
    passive, with the noun as what was done to. Without "by" it may say what state the
    noun is in ("troops stationed in Germany"), and stays its subject's. Nor how a report
    reached the wire (grammar.yaml's ``reporting_participles``: "IRNA, monitored by the
    BBC")."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and bool(agent)
        and verb.lemma_.lower() not in grammar()["reporting_participles"]
    )


def agents_of(noun) -> list:
    """The objects of "by" after a noun ("the attack by Iraq") or after a past participle
    that qualifies it ("the closures arranged by Israel")."""
    holders = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    return [
        pobj
        for holder in holders
        for by in holder.children
        if by.dep_ in ("prep", "agent") and by.lower_ == "by"
        for pobj in by.children
        if pobj.dep_ == "pobj"
    ]


def stranded_object(prep) -> list:
    """ "granted asylum to five Panamanian army officers holed up in a residence": the
    parser may leave the preposition without its object and make the noun after it the
    subject of the participle that follows; that subject is the preposition's object."""
    if prep.i + 1 >= len(prep.doc) or any(c.dep_ == "pcomp" for c in prep.children):
        return []
    after = prep.doc[prep.i + 1]
    noun = after if after.pos_ in ("NOUN", "PROPN") else None
    if noun is None:
        # the head of the phrase that begins right after the preposition
        noun = next(
            (t for t in after.ancestors if t.pos_ in ("NOUN", "PROPN") and t.i > prep.i), None
        )
    stranded = (
        noun is not None
        and noun.dep_ == "nsubj"
        and noun.head.i > noun.i
        and noun.head.head.i == prep.head.i
    )
    return [noun] if stranded else []


def quoted_speakers(verb) -> list:
    """The objects of an active "quote" (grammar.yaml's ``speaker_passives``) with "as"
    ("IRNA quoted the commander as saying ..."): the speakers whom the subject reports."""
    if verb.lemma_.lower() not in grammar()["speaker_passives"]:
        return []
    if not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "dobj"]
