"""Who acts and who is acted on in a French clause: subjects (inverted after verbs of
saying, shared down control, coordination and relative clauses), objects, the nouns
prepositions introduce, and pronouns resolved to the person or office they stand for."""

from __future__ import annotations

from ..events.pairs import fights
from ..model import Actor, Article, Mention
from .antecedents import Antecedents
from .clause_shapes import (
    gerund,
    main_clause_subjects,
    opening_participle,
    passive_participle,
    set_off_participle,
    subject_after_day,
    told_to_act,
)
from .incises import after_quotation, in_incise
from .located import envoys_host, located_targets
from .noun_clauses import intent_holders, misplaced_agents, participle_parties, set_off_noun
from .noun_roles import NounRoles
from .patterns import (
    OBJECTS,
    OBLIQUES,
    RECIPROCAL,
    SUBJECTS,
    VerbPattern,
    grammar,
    objects_of,
    statement_words,
    subject_cut_by_comma,
    verb_lemma,
    with_etre,
)
from .statements import quotation_subject, reporting_speaker
from .verb_roles import VerbRoles

SHARES_SUBJECT = ("xcomp", "conj", "advcl", "acl")
CONJOINED = ("conj", "appos")
# The prepositions by which a noun phrase names who it is or does: "la visite de M. Macron",
# "la levée par les États-Unis de l'embargo"; none for a name right under it.
PHRASE_PARTIES = (None, "de", "par")
# And those by which an object names whom an act is aimed at, besides: "a salué l'accord
# avec Israël", "a critiqué la coopération entre Kiev et Moscou". Not for a subject:
# "l'alliance avec les États-Unis est jugée importante" says nothing of the United States.
OBJECT_PARTIES = (*PHRASE_PARTIES, "avec", "entre")


class FrenchRoles(VerbRoles, NounRoles, Antecedents):
    def __init__(self, article: Article):
        self.article = article
        self.doc = article.doc
        self.by_head: dict[int, Mention] = {m.head: m for m in article.mentions}
        self._sentence_starts: list[int] | None = None  # for pronouns, made on first need
        self.unknown_party: set[int] = set()  # triggers whose target slot names no actor

    def subjects(self, token, depth: int = 0) -> tuple[list, bool]:
        """The subject tokens of ``token``'s clause, and whether it is passive."""
        cut = subject_cut_by_comma(token)
        own = [c for c in token.children if c.dep_ in SUBJECTS and (cut is None or c.i != cut.i)]
        if verb_lemma(token) in grammar()["speech_verbs"]:
            # '"Les dirigeants de Bahreïn seront complices", a déclaré le ministère': the
            # models make the quotation a second subject; it is what was said
            own = [c for c in own if not quotation_subject(c, token)]
        if not own:
            # "Il a aussi vivement critiqué la France": the parser may hang the subject on the
            # auxiliary
            own = [
                s
                for aux in token.children
                if aux.dep_ in ("aux:tense", "aux:pass")
                and aux.i < token.i
                # the verb's own auxiliary, with no verb or punctuation between them: not a
                # quoted clause's verb the parser takes for one ('"Nous sommes ...", a déclaré')
                and not any(
                    t.pos_ in ("VERB", "AUX", "PUNCT") for t in token.doc[aux.i + 1 : token.i]
                )
                for s in aux.children
                if s.dep_ in SUBJECTS and s.i < aux.i
            ]
        if not own:
            # "L'Iran, très influent au Liban, a offert une aide": the parser may hang the
            # subject on the adjective or participle set off between it and its verb
            own = [
                s
                for c in token.children
                if c.dep_ == "advcl"
                and c.i < token.i
                and (c.pos_ == "ADJ" or "Part" in c.morph.get("VerbForm"))
                and not any(a.dep_.startswith("aux") for a in c.children)  # no clause
                for s in c.children
                if s.dep_ in SUBJECTS and s.i < c.i
            ]
        if not own and opening_participle(token):
            own = main_clause_subjects(token)
        lemma = verb_lemma(token)
        if not own and (
            (lemma in grammar()["speech_verbs"] and in_incise(token))
            or (lemma in grammar()["incise_judging_verbs"] and after_quotation(token))
        ):
            # ", a déclaré le président français": the subject after the verb, read as object
            own = [c for c in token.children if c.dep_ == "obj" and c.i > token.i]
            own = own or subject_after_day(token)
        # the passive needs "être": "Washington a fermement condamné" is active whatever
        # the parser calls its subject, and so is a pronominal verb ("la Serbie s'est engagée")
        passive = (
            any(c.dep_ == "aux:pass" for c in token.children)
            or (
                any(c.dep_ == "nsubj:pass" for c in token.children)
                and not any(c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in token.children)
            )
        ) and not any(
            c.dep_.startswith("expl") and c.lower_ in grammar()["reflexive_pronouns"]
            for c in token.children
        )
        own = [self._inverted(s) for s in own]
        if own:
            subject = own[0]
            if subject.lower_ in grammar()["relative_pronouns"] and (
                token.dep_.startswith("acl") or token.dep_ in ("dep", "ccomp")
            ):
                # "la Cédéao, qui a sanctionné"; the parser may make the relative clause a
                # complement of the main verb ("s'en est pris au président Macron, qui avait
                # exhorté la Turquie")
                return (
                    self._predicate_subject(token.head)
                    or self._named_before(subject, token.head)
                    or self.with_conjuncts(token.head)
                ), passive
            # "Le Royaume-Uni, l'Estonie et le Danemark participent": the parser may give a
            # list two subjects
            return [t for s in own for t in self.with_conjuncts(s)], passive
        if (
            depth < 3
            and (gerund(token) or set_off_participle(token))
            and token.head.pos_ not in ("VERB", "AUX")
        ):
            # "Pompeo avait donné le ton dès mercredi en recevant son homologue": a gerund
            # the parser hung on a noun has the subject of the verb of its clause; so has a
            # present participle set off by a comma after a circumstance ("a déclaré M.
            # Mitsotakis lors d'une conférence de presse, dénonçant le comportement de la
            # Turquie")
            verb = token.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if verb.pos_ in ("VERB", "AUX"):
                return self.subjects(verb, depth + 1)[0], passive
        told = told_to_act(token)
        if told:
            return [t for s in told for t in self.with_conjuncts(s)], passive
        if (
            depth < 3
            and token.dep_ == "conj"
            and "Inf" not in token.morph.get("VerbForm")
            and told_to_act(token.head)
        ):
            # "Macron avait exhorté la Turquie à cesser sa politique, et agité le spectre de
            # sanctions": a participle joined to the infinitive is the exhorter's act
            return self.subjects(token.head.head, depth + 1)[0], passive
        if (
            depth < 3
            and token.dep_ == "conj"
            and token.pos_ == "VERB"
            and token.head.pos_ in ("NOUN", "PROPN")
        ):
            # "ont annoncé avoir soumis une contre-proposition (...) et appelé les Européens
            # à": the parser may join the second verb to the first one's object; it is the
            # act of the subject of the verb that governs that object
            verb = token.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if verb.pos_ in ("VERB", "AUX"):
                return self.subjects(verb, depth + 1)[0], passive
        if depth < 3 and token.dep_ in SHARES_SUBJECT and token.head.i != token.i:
            holders = intent_holders(token)
            if holders is not None:
                # "Donald Trump a réaffirmé sa volonté de retirer les troupes", "la volonté
                # de Paris de rencontrer": the act of whoever holds the intent
                if holders:
                    return [t for h in holders for t in self.with_conjuncts(h)], passive
                return self.subjects(token.head.head, depth + 1)[0], passive
            if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
                # "le ministre, arrivé à"
                return self._predicate_subject(token.head) or self.with_conjuncts(
                    token.head
                ), passive
            return self.subjects(token.head, depth + 1)[0], passive
        return [], passive

    def _inverted(self, subject):
        """ "a-t-il poursuivi": the parser takes the euphonic "-t" for the subject; the
        pronoun after it is."""
        following = self.doc[subject.i + 1] if subject.i + 1 < len(self.doc) else None
        if (
            subject.lower_ == "-t"
            and following is not None
            and following.lower_.lstrip("-") in grammar()["personal_pronouns"]
        ):
            return following
        return subject

    def with_conjuncts(self, token, relations=CONJOINED) -> list:
        """The token and its conjuncts, also those the parser chains on a conjunct ("la
        République tchèque, la Grèce et Chypre": Chypre hangs on la Grèce)."""
        found = [token]
        for part in found:
            found += [
                c
                for c in part.children
                if c.dep_ in relations and (part is token or c.dep_ == "conj") and c not in found
            ]
        return found

    def _coordinated(self, token) -> list:
        """An object and the objects coordinated with it ("a rencontré la France et l'ONU"),
        when a conjunction joins them: a list the parser makes of commas alone ("la
        communauté gay, l'attaque effroyable d'Orlando") is a misreading."""
        parts = self.with_conjuncts(token, ("conj",))
        if any(c.dep_ == "cc" for part in parts[1:] for c in part.children):
            return parts
        return [token]

    def obliques(self, token, preposition: str) -> list:
        if preposition == "aux côtés de":
            return self._alongside(token)
        found = []
        for child in token.children:
            if child.dep_ in OBLIQUES and self.preposition(child) == preposition:
                found.extend(self.with_conjuncts(child))
            if child.lower_ == preposition == "auprès":
                # "s'est excusé auprès de l'Ukraine": the parser makes "auprès" an adverb of
                # the verb and hangs the party on it
                found.extend(
                    party
                    for c in child.children
                    if c.dep_ in OBLIQUES and self.preposition(c) == "de"
                    for party in self.with_conjuncts(c)
                )
        if not found:
            # "un entretien téléphonique mercredi avec M. Diab": the parser hangs the partner
            # on the day
            for child in token.children:
                if child.lemma_.lower() not in grammar()["time_nouns"] or child.i < token.i:
                    continue
                for party in child.children:
                    if party.dep_ in OBLIQUES and self.preposition(party) == preposition:
                        found.extend(self.with_conjuncts(party))
        if not found and token.pos_ in ("VERB", "AUX"):
            # "s'est entretenu par téléphone (au téléphone) avec son homologue": the parser
            # hangs the partner on the means; "a offert une aide au Liban": on the object
            for child in token.children:
                if (child.dep_.startswith("obl") and child.pos_ == "NOUN") or (
                    child.dep_ in OBJECTS and child.pos_ == "NOUN"
                ):
                    found.extend(self.obliques(child, preposition))
                if child.dep_ in OBJECTS and child.pos_ == "NOUN" and not found:
                    # "retirer les troupes américaines d'Irak": or on the object's adjective
                    found.extend(
                        party
                        for adjective in child.children
                        if adjective.dep_ == "amod" and adjective.i > child.i
                        for party in adjective.children
                        if party.dep_ in OBLIQUES
                        and party.i > adjective.i
                        and self.preposition(party) == preposition
                    )
        return found

    def _alongside(self, token) -> list:
        """ "participent à l'opération aux côtés de la France": the party after "aux côtés
        de", hung on the verb or on its complement."""
        found = []
        for side in token.subtree:
            if side.lemma_.lower() != "côté" or self.preposition(side) != "à":
                continue
            if side.head.i != token.i and side.head.head.i != token.i:
                continue
            for party in side.children:
                if party.dep_ == "nmod" and self.preposition(party) == "de":
                    found.extend(self.with_conjuncts(party))
        return found

    def preposition(self, noun) -> str | None:
        forms = grammar()["preposition_forms"]
        cases = [c for c in noun.children if c.dep_ == "case"]
        if not cases:
            return None
        first = cases[0].lower_
        if first == "auprès":
            return "auprès"
        return forms.get(first, first)

    def actors_of(self, tokens, aimed: bool = False) -> list[Actor]:
        """The actors ``tokens`` name; ``aimed``: as what an act is aimed at."""
        actors = []
        for token in tokens:
            if token.pos_ == "PRON" and token.lower_ in statement_words()["first_person"]:
                actors.extend(reporting_speaker(self, token, statement_words()))
                continue
            if (
                token.dep_ == "expl:subj"
                and verb_lemma(token.head) in grammar()["impersonal_verbs"]
            ):
                continue  # "il faut", "il s'agit de": an impersonal "il" stands for no one
            if token.pos_ == "PRON" and token.lower_.lstrip("-") in grammar()["personal_pronouns"]:
                mentions = [m for m in [self._antecedent(token)] if m is not None]
            elif token.pos_ == "PRON" and token.lower_ in grammar()["object_pronouns"]:
                # "Emmanuel Macron, qui lui a assuré": whoever was named before, not the
                # verb's own subject
                subjects = self.subjects(token.head)[0]
                own = {t.i for s in subjects for t in s.subtree}
                # nor anyone of the subject's own country: "le président turc s'en est pris à
                # son homologue. M. Erdogan l'a accusé" is Macron accused, not a Turk
                named = [self.by_head.get(t.i) for s in subjects for t in s.subtree]
                countries = {a.country for m in named if m is not None for a in m.actors}
                countries.discard(None)
                if countries:
                    own |= {
                        m.head
                        for m in self.article.mentions
                        if {a.country for a in m.actors} <= countries
                    }
                mentions = self._shared_object(token) or [
                    m for m in [self._antecedent(token, own)] if m is not None
                ]
            else:
                own = self.by_head.get(token.i) or self._covering(token)
                mentions = [own] if own is not None else self.mentions_below(token, aimed=aimed)
            for mention in mentions:
                actors.extend(mention.actors)
        return list(dict.fromkeys(actors))

    def _shared_object(self, pronoun) -> list[Mention]:
        """ "ont exhorté la Turquie à cesser ... et l'ont menacée de sanctions": an object
        pronoun of a verb joined to another stands for that verb's object."""
        verb = pronoun.head
        if pronoun.dep_ not in OBJECTS or verb.dep_ != "conj" or verb.head.i >= verb.i:
            return []
        return self.mentions_at(objects_of(verb.head))

    def mentions_below(self, token, depth: int = 0, aimed: bool = False) -> list[Mention]:
        """Names inside the phrase: "le chef de la junte malienne", "la coopération des
        autorités du Bénin et du Burkina Faso"."""
        relational = token.lemma_.lower() in grammar()["relational_nouns"] or any(
            c.dep_ == "amod" and c.lemma_.lower() in grammar()["relational_nouns"]
            for c in token.children
        )  # "les pays voisins du Mali"
        for child in token.children:
            if child.dep_ == "acl" and "Part" in child.morph.get("VerbForm"):
                if token.pos_ == "PROPN":
                    continue  # "le GNA, reconnu par l'ONU": a name is not the participle's act
                # "un appel à la trêve lancé par l'Egypte": the doer of a participle
                found = self.mentions_at(_participle_agents(self, child))
                if found:
                    return found
                continue
            if child.dep_ not in ("nmod", "amod", "appos", "flat:name"):
                continue
            if child.dep_ == "nmod" and self.preposition(child) not in (
                OBJECT_PARTIES if aimed else PHRASE_PARTIES
            ):
                continue  # "l'opération au Mali": a place, not who acts; "la levée par
                # les États-Unis de l'embargo" names who acts; "l'accord avec Israël", "entre
                # les Emirats et Israël" names its parties
            if relational and child.dep_ == "nmod":
                continue  # "les voisins du Mali" are not Mali
            found = [
                self.by_head[t.i]
                for t in self.with_conjuncts(child, ("conj",))
                if t.i in self.by_head
            ]
            if not found and depth < 1:
                found = self.mentions_below(child, depth + 1, aimed)
            if found:
                return found
        if depth == 0 and token.pos_ != "PROPN":
            # "un appel à la trêve lancée par l'Egypte": the parser may hang the participle
            # on the noun's complement
            participles = [
                p
                for c in token.children
                if c.dep_ == "nmod"
                for p in c.children
                if p.dep_ == "acl" and "Part" in p.morph.get("VerbForm")
            ]
            for participle in participles:
                found = self.mentions_at(_participle_agents(self, participle))
                if found:
                    return found
        if depth == 0:
            return self._bracketed_after(token)
        return []

    def _bracketed_after(self, token) -> list[Mention]:
        """ "soutient le Gouvernement d'union (GNA) de Fayez al-Sarraj": the organisation in
        brackets right after a phrase that names no one, which the parser may hang elsewhere."""
        end = max(t.i for t in token.subtree) + 1
        if end + 2 >= len(self.doc) or self.doc[end].text != "(" or self.doc[end + 2].text != ")":
            return []
        mention = self.by_head.get(end + 1)
        if mention is None or mention.actors[0].kind != "organisation":
            return []  # "au sommet de Pau (France)": where, not who
        return [mention]

    def _covering(self, token) -> Mention | None:
        """The mention whose words hold a name that is not its head: "France" in
        "l'ambassadeur en France", which is France's."""
        if token.pos_ != "PROPN":
            return None
        for mention in self.article.mentions:
            if mention.start <= token.idx < mention.end:
                return mention
        return None

    def mentions_at(self, tokens) -> list[Mention]:
        return [self.by_head[t.i] for t in tokens if t.i in self.by_head]

    def parties(self, token, pattern: VerbPattern) -> tuple[list[Actor], list[Actor]]:
        if pattern.noun:
            return self.noun_parties(token, pattern)
        subjects, passive = self.subjects(token)
        # "est arrivé à Bamako": "être" makes the past of some intransitive verbs too
        passive = passive and not with_etre(token)
        if passive_participle(token):
            # "les deux Français enlevés au Bénin": a past participle qualifying a noun
            # describes it; what was done to it is background, not the news, unless it says
            # who did it ("la Grèce, soutenue par la France": FRA -> GRC)
            return participle_parties(self, token)
        set_off = set_off_noun(token)
        if set_off is not None and not with_etre(token):
            return participle_parties(self, token, set_off)
        if passive:
            agents = self.obliques(token, "par") or misplaced_agents(token)
            sources = (
                self.actors_of(agents)
                or envoys_host(self, subjects, token)
                or reporting_speaker(self, token, statement_words())
            )
            # "des vivres seraient envoyés au Liban": what was sent is no party
            targets = self.actors_of(subjects) or self._targets(token, pattern, ("obj",))
            return sources, targets
        sources = self.actors_of(subjects)
        targets = self._targets(token, pattern)
        return sources, (
            targets
            or located_targets(self, token, sources, pattern.code)
            or self._related_party(subjects, sources)
        )

    def _related_party(self, subjects, sources: list[Actor]) -> list[Actor]:
        """ "Les voisins du Mali réclament un retour des civils": what a state's neighbours,
        partners or creditors (grammar.yaml's ``relational_nouns``) do with no one named is
        aimed at that state; a subject only described so is not ("l'Iran, ennemi juré des
        Etats-Unis, a fustigé ...")."""
        own = {s.country for s in sources}
        related = [
            n
            for s in subjects
            if s.dep_ != "appos"  # "l'Arabie saoudite, un proche allié de Washington,"
            and s.lemma_.lower() in grammar()["relational_nouns"]
            or any(
                c.dep_ == "amod" and c.lemma_.lower() in grammar()["relational_nouns"]
                for c in s.children
            )
            for n in s.children
            if n.dep_ == "nmod" and self.preposition(n) == "de"
        ]
        return [a for a in self.actors_of(related) if a.country and a.country not in own]

    def _targets(self, token, pattern: VerbPattern, skip: tuple[str, ...] = ()) -> list[Actor]:
        """The target where the pattern says it is, tried in order."""
        targets: list[Actor] = []
        for where in pattern.targets:
            if where in skip:
                continue
            if where == RECIPROCAL:
                tokens = [c for s in self.subjects(token)[0] for c in self.with_conjuncts(s)]
            else:
                tokens = (
                    [c for o in objects_of(token) for c in self._coordinated(o)]
                    if where == "obj"
                    else self.obliques(token, where)
                )
            if (
                pattern.object
                and where == "obj"
                and any(t.lemma_.lower() == pattern.object for t in tokens)
            ):
                continue  # the object is the act itself: "rappeler son ambassadeur"
            targets = self.actors_of(tokens, aimed=where == "obj")
            if any(a.kind != "place" for a in targets):
                # "s'en est pris à Emmanuel Macron ce mardi à Londres": a place after the
                # party is where, not a second party
                targets = [a for a in targets if a.kind != "place"]
            if targets:
                break
            if any(_named(t) for t in tokens) or (tokens and fights(pattern.code)):
                # "l'Egypte, les Emirats et la Russie soutiennent le maréchal Haftar": a party
                # the gazetteer does not know is still a party, not the sources each other
                # ("ont signé trois accords" names a thing, and they sign with each other);
                # so is whoever is fought ("l'armée malienne et Barkhane ont tué des
                # jihadistes" is the two together, not each against the other)
                self.unknown_party.add(token.i)
        return targets


def _named(token) -> bool:
    """Whether a phrase names someone: a proper noun, or a noun with a name ("le maréchal
    Haftar")."""
    return token.pos_ == "PROPN" or any(
        c.pos_ == "PROPN" and c.dep_ in ("flat:name", "appos", "nmod") for c in token.children
    )


def _participle_agents(roles, participle) -> list:
    """The "par" phrases of a participle: who did what it says."""
    return [
        c
        for c in participle.children
        if c.dep_ in ("obl:agent", "obl:mod") and roles.preposition(c) == "par"
    ]
