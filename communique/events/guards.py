"""Words that look like acts and are not: a plan compared with ("as planned"), a product
named after a company ("Sony PSP console hits US"), force used on a decision ("attacked
Labour's pledges" is criticism). The coder asks these before it codes a trigger."""

from __future__ import annotations

from .patterns import best_pattern, frame
from .roles import grammar

FORCE_ROOTS = ("18", "19", "20")
MILITARY_PROTECTION = "074"
ARREST_OR_CHARGE, ACCUSATION = "173", "112"
CONSULT, APPEAL, STATEMENT, TELEPHONE = "040", "020", "010", "041"
MEETING_ROOT = "04"
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def a_company_thing(roles, noun) -> bool:
    """A thing named after an organisation the tables do not know, with no country (a
    company): "Sony PSP console", "Microsoft's software"."""
    itself = roles.by_token.get(noun.i)  # "The Ceasefire Violations Committee"
    owners = [
        roles.by_head.get(c.i) or roles.by_token.get(c.i)
        for c in noun.children
        if c.dep_ in ("compound", "poss")
    ]
    return any(
        owner is not None
        and owner is not itself
        and all(a.kind == "organisation" and not a.country for a in owner.actors)
        for owner in owners
    )


def a_figure(roles, noun) -> bool:
    """A figure, a price, a currency or a matter that only a country qualifies ("Taiwan's
    trade surplus", "the Canadian dollar", "the Iraq war": grammar.yaml's ``figure_nouns``):
    as a subject, no one acts."""
    return noun.lemma_.lower() in grammar()["figure_nouns"] and not roles.names_actor(noun)


def done_by_a_thing(roles, agents) -> bool:
    """A passive whose "by" names only things, none an actor nor a doer or instrument of
    force (grammar.yaml's ``force_agents``): "Indonesia was hit by the plunge in crude
    prices" is done by no one."""
    return bool(agents) and all(
        agent.pos_ == "NOUN"
        and not roles.names_actor(agent)
        and roles.mention(agent) is None
        and agent.lemma_.lower() not in grammar()["force_agents"]
        and not any(roles.mention(c) is not None for c in agent.children if c.dep_ == "poss")
        for agent in agents
    )


def attacks_words(token, code: str, trigger_words) -> bool:
    """ "attacked Labour's pledges", "vowed to fight the U.S. action": force used on a
    decision or a plan (grammar.yaml's ``abstract_objects``) is criticism."""
    if code[:2] not in FORCE_ROOTS or token.pos_ != "VERB" or trigger_words:
        return False  # a pattern of its own says what is hit ("violated the ceasefire")
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [
        p
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in ("at", "on")
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    return bool(objects) and all(
        o.pos_ == "NOUN" and o.lemma_.lower() in grammar()["abstract_objects"] for o in objects
    )


def defends_words(token, code: str) -> bool:
    """ "The Commission defended proposals to dismantle ...", "Reagan strongly defended the
    clandestine arms sales": protection (CAMEO 074, PETRARCH2's "defend") given to a decision
    or a plan (grammar.yaml's ``abstract_objects``) is defending it in words (052)."""
    if code != MILITARY_PROTECTION or token.pos_ != "VERB":
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and all(
        o.pos_ == "NOUN" and o.lemma_.lower() in grammar()["abstract_objects"] for o in objects
    )


def no_force(token, code: str) -> bool:
    """Words of force that use none. "Reagan, fighting to recover politically from the
    scandal": a verb of force that governs an infinitive strives for something; the
    infinitive is the act, if any. "China's attempts to cool its economy have hit Japanese
    industry's sales", "have overcome the problem", "capture the wheat market": force on
    figures, matters and markets (grammar.yaml's ``figure_nouns`` and
    ``force_free_objects``) is none. "Japan retaliated by imposing tariffs",
    "Iran hit back by cutting oil supplies": a verb of force with no object whose means a
    "by" clause states; that clause is the act, if any ("killed ten by shelling" keeps its
    object, and its force). So is the verb an infinitive of force serves: "impose tariffs
    ... to retaliate"."""
    if code[:2] not in FORCE_ROOTS:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if any(_figurative(noun) for noun in [token, *objects] if noun.pos_ == "NOUN"):
        return True  # "a diplomatic offensive", "launched a charm offensive"
    return (
        any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in token.children
        )
        or bool(objects)
        and all(
            o.lemma_.lower() in grammar()["figure_nouns"] | grammar()["force_free_objects"]
            for o in objects
        )
        or not objects
        and (any(_means(c) for c in token.children) or _purpose_of_an_act(token))
    )


def _figurative(noun) -> bool:
    """A noun of force that a qualifier makes a figure of speech (grammar.yaml's
    ``figurative_force_words``): "a diplomatic offensive", "a charm offensive"."""
    patterns = best_pattern("n:" + noun.lemma_.lower(), ())
    return (
        bool(patterns)
        and patterns[0].code[:2] in FORCE_ROOTS
        and any(
            c.dep_ in ("amod", "compound")
            and c.lemma_.lower() in grammar()["figurative_force_words"]
            for c in noun.children
        )
    )


def _purpose_of_an_act(token) -> bool:
    """ "would impose high tariffs on Japanese imports to retaliate": an infinitive of force
    with no object, the purpose of a verb that acts on one; that verb is the act."""
    return (
        token.dep_ in ("xcomp", "advcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and token.head.pos_ == "VERB"
        and any(c.dep_ == "dobj" for c in token.head.children)
    )


def _means(child) -> bool:
    """ "by imposing tariffs": a "by" phrase with a clause of its own."""
    return (
        child.dep_ == "prep"
        and child.lower_ == "by"
        and any(g.dep_ == "pcomp" and g.pos_ == "VERB" for g in child.children)
    )


def helps_no_one(token, code: str) -> bool:
    """ "plans tariff cuts to help narrow its trade surplus with the U.S.": help (grammar.yaml's
    ``helping_verbs``) with no one helped, only an infinitive of what it helps do, is no aid;
    the infinitive is the act, if any. "to help it meet its export commitments" helps someone."""
    if code[:2] != "07" or token.lemma_.lower() not in grammar()["helping_verbs"]:
        return False
    if any(c.dep_ in ("dobj", "dative") for c in token.children):
        return False
    return any(
        c.dep_ in ("xcomp", "ccomp")
        and c.pos_ == "VERB"
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in token.children
    )


def suggests_a_fact(token, code: str) -> bool:
    """ "A UKIP MEP suggested Germany saw the EU as an 'empire'": a verb of suggesting
    (grammar.yaml's ``suggesting_verbs``, an appeal, 02, in PETRARCH2) whose complement says
    what is, with no "should" or "must" of what is to be done, is a statement. "suggested
    that the U.K. should join the EMS" appeals."""
    if code[:2] != "02" or token.lemma_.lower() not in grammar()["suggesting_verbs"]:
        return False
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    return bool(clauses) and not any(
        a.dep_ == "aux" and a.lower_ in grammar()["deontic_auxiliaries"]
        for clause in clauses
        for a in clause.children
    )


def compares(token) -> bool:
    """ "as planned", "as agreed": a participle that compares with an act done before, with no
    subject of its own (grammar.yaml's ``comparison_marks``)."""
    children = [c.dep_ for c in token.children]
    return (
        token.tag_ == "VBN"
        and "nsubj" not in children
        and "nsubjpass" not in children
        and any(
            c.dep_ == "mark" and c.lower_ in grammar()["comparison_marks"] for c in token.children
        )
    )


def seizes_a_business(token, code: str) -> bool:
    """ "Nomura took over a British bank", "after taking control of a Canadian-led oil
    consortium": a seizure or an occupation (CAMEO 171, 192) of a firm (grammar.yaml's
    ``business_objects``) is a purchase, not an act of force."""
    if code not in ("171", "192") or token.pos_ != "VERB":
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [  # "took control of a consortium"
        p
        for o in list(objects)
        for prep in o.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    return any(o.lemma_.lower() in grammar()["business_objects"] for o in objects)


def charge_sense(roles, token, code: str) -> str:
    """ "Police charged two Britons with spying" is legal action (173); "Washington charged
    France and West Germany with unfair practices" an accusation (112): a state, or a body
    of one, is accused, not charged in court. For the verbs of grammar.yaml's
    ``charging_verbs``, by what the object names: a place or an organisation ("France",
    "the Libyan government"), or people ("two Britons", "the British journalist")."""
    if code[:3] not in (ARREST_OR_CHARGE, ACCUSATION) or (
        token.lemma_.lower() not in grammar()["charging_verbs"]
    ):
        return code
    objects = roles.object_tokens(token)
    if not objects:
        return code
    states = [
        o
        for o in objects
        if o.ent_type_ in ("GPE", "ORG", "LOC")
        or any(
            set(a.sectors) & STATE_SECTORS
            or (
                a.kind in ("country", "organisation")
                and o.ent_type_ not in ("NORP", "PERSON")
                and not any(c.dep_ == "nummod" for c in o.children)  # "two Britons"
            )
            for m in roles.mentions([o])
            for a in m.actors
            if a.kind != "person"
        )
    ]  # "charging its neighbour with supporting dissidents": a country referred to
    return ACCUSATION if len(states) == len(objects) else ARREST_OR_CHARGE


def invitation_sense(token, code: str) -> str:
    """ "invited Chinese firms to bid for contracts", "issued an invitation to Turkey to join
    the project": an invitation to do something other than meet (grammar.yaml's
    ``inviting_words``) asks for it (020); one to visit, attend or talk (a verb whose own
    pattern is a meeting) stays a meeting (040)."""
    if code != CONSULT:
        return code
    words = grammar()["inviting_words"]
    # the verb itself, or the noun a light verb carries ("issued an invitation")
    inviting = [
        t
        for t in (token, *(c for c in token.children if c.dep_ == "dobj"))
        if t.lemma_.lower() in words
    ]
    if not inviting:
        return code
    holders = inviting if inviting[0] is token else [token, *inviting]
    for child in (c for t in holders for c in t.children):
        if child.dep_ in ("xcomp", "acl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in child.children
        ):
            found = best_pattern(child.lemma_.lower(), frame(child))
            meeting = bool(found) and found[0].code[:2] == MEETING_ROOT
            return code if meeting else APPEAL
    return code


def leaves_something(verb) -> bool:
    """ "left shipowners a key loophole", "leaving the key desert oasis undefended": a verb of
    going with someone it leaves a thing to, or a state it leaves its object in, goes nowhere."""
    return any(c.dep_ in ("dative", "oprd", "ccomp", "acomp") for c in verb.children) or (
        sum(1 for c in verb.children if c.dep_ == "dobj") > 1
    )


def naming_sense(token, code: str) -> str:
    """ "calling the issue a red line", "called the tariffs a mistake": a call with an object
    and what it is called names a thing, and is a statement (then criticism, if the name
    disapproves); no one is telephoned."""
    if code == TELEPHONE and any(c.dep_ == "oprd" for c in token.children):
        return STATEMENT
    return code


def market_sense(token) -> bool:
    """ "stronger Japanese demand for American goods", "stimulate domestic demand": a noun
    of an act in its market sense (grammar.yaml's ``market_nouns``), told by what qualifies
    it, governs it or joins it ("demand and supply", "its domestic energy demand"). "an EU
    demand for Turkey to recognise Cyprus", "demands by the five", "its demand that Japan
    apologise" are acts: made by someone, of someone, one at a time."""
    words = grammar()["market_nouns"]
    if token.pos_ != "NOUN" or token.lemma_.lower() not in words or token.tag_ == "NNS":
        return False
    children = list(token.children)
    made_by_or_of_someone = any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "this", "that"))
        or (c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX"))
        or (c.dep_ == "prep" and c.lower_ == "by")
        for c in children
    )
    # "a demand for Turkey to recognise": an infinitive or a clause says whom it is made of
    made_by_or_of_someone = made_by_or_of_someone or any(
        g.dep_ in ("acl", "relcl") or (g.dep_ == "aux" and g.lower_ == "to")
        for prep in children
        if prep.dep_ == "prep"
        for pobj in prep.children
        for g in pobj.subtree
    )
    if made_by_or_of_someone:
        return False
    head = token.head
    qualified = any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in words[token.lemma_.lower()]
        for c in children
    )
    with_supply = token.dep_ == "conj" or any(c.dep_ == "conj" for c in children)
    market_verbs = grammar()["market_verbs"]
    governed = (token.dep_ in ("dobj", "nsubj") and head.lemma_.lower() in market_verbs) or (
        token.dep_ == "pobj"
        and head.lower_ in ("in", "of", "for")
        and head.head.lemma_.lower() in market_verbs
    )
    return qualified or with_supply or governed


OFFICIAL_COMPLAINT, PROTEST = "114", "140"


def official_protest(roles, token, sources, code: str) -> str:
    """ "France protested over Canada's decision", "Cyprus protested to the UN": a state's
    or a body's protest is an official complaint (114); CAMEO's protest (14) is what people
    do in the street ("Palestinians shunned work to protest", "supporters of President Putin
    protested")."""
    if code != PROTEST or not sources:
        return code
    subjects = roles.subject_tokens(token)[0] if token.pos_ == "VERB" else []
    # "Palestinians", "supporters of President Putin": people, not the state; "EU ministers"
    # hold office
    people = any(
        t.tag_ in ("NNS", "NNPS")
        and (
            t.i not in roles.by_head
            or all(actor.kind == "country" for actor in roles.by_head[t.i].actors)
        )
        for t in subjects
    )
    official = not people and all(
        s.kind == "country" or set(s.sectors) & (STATE_SECTORS | {"IGO"}) for s in sources
    )
    return OFFICIAL_COMPLAINT if official else code
