"""A learned choice of the source that the grammar could not find.

Many events come out of the grammar with a target and no source country: the subject is a
person or an office the gazetteer cannot place ("Shaheen condemned the detentions",
"Vice-Prime Minister Oleg Rybachuk called on the EU"), a pronoun whose antecedent is in
the previous sentence, or there is no subject at all ("congratulated President Bush on his
victory", "the ambassador was summoned"). Who acted is then usually a country named in the
sentence or the one before, the country of the dateline, or the one the story is about.
Which of these candidates, if any, is decided here by a logistic model, as the target is in
attach.py: over the dependency path from the trigger to a candidate in the sentence, where
the candidate is named, what the subject is, the candidate's kind and the CAMEO root. The
weights are data (data/source_model_en.tsv), learned from annotated events by
scripts/train_targets.py with ``--role source``; ``communique check-data`` validates them.

The model only acts where the grammar found no source country: it never overrides a rule.
"""

from __future__ import annotations

import dataclasses
import functools
from importlib import resources
from pathlib import Path

from ..model import Actor, Mention
from .attach import ArticleCandidates, Candidate, _path_features, _path_length
from .logistic import LogisticModel, read_model

MODEL_FILE = "source_model_{lang}.tsv"
PRONOUN_TAGS = ("PRP", "PRP$")


def source_model_path(lang: str) -> Path:
    return Path(str(resources.files("communique.events") / "data" / MODEL_FILE.format(lang=lang)))


@functools.cache
def shipped_source_model(lang: str) -> LogisticModel | None:
    """The language's model, or None for a language that has none yet."""
    path = source_model_path(lang)
    return read_model(path) if path.is_file() else None


def subject_state(subject_tokens: list, unresolved: list[Actor], passive: bool = False) -> str:
    """What stands where the source should be: nothing, a passive's agent that is not named,
    a pronoun, an actor the gazetteer could not place (by its kind), or a thing that is no
    actor ("the plan")."""
    if passive:
        return "passive"
    if not subject_tokens:
        return "none"
    if unresolved:
        return f"unresolved_{unresolved[0].kind}"
    if subject_tokens[0].tag_ in PRONOUN_TAGS:
        return f"pronoun_{subject_tokens[0].lower_}"
    return "thing"


class SourceAttacher(ArticleCandidates):
    """Finds the candidates of a sourceless event and attaches the likeliest, when the model
    is sure enough of it."""

    def __init__(self, article, model: LogisticModel | None = None, saying=frozenset()):
        super().__init__(article, saying)
        self.model = model if model is not None else shipped_source_model(article.lang or "en")

    def attach(
        self,
        token,
        code: str,
        state: str,
        unresolved: list[Actor],
        targets: list[Actor],
        mood: tuple[str, bool] = ("asserted", False),
    ) -> Actor | None:
        """The source: the likeliest candidate's country, given to the unplaced subject
        when there is one ("Shaheen": Kuwait's), if its probability reaches the threshold.
        ``state`` is what stands where the source should be (``subject_state``)."""
        if self.model is None:
            return None
        best, best_p = None, self.model.threshold_for(None)
        for candidate in self.candidates(token, code, state, unresolved, targets, mood):
            p = self.model.probability(candidate.features)
            if p >= best_p:
                best, best_p = candidate, p
        if best is None:
            return None
        if unresolved:
            subject = unresolved[0]
            sector = "".join(subject.sectors[:1])
            return dataclasses.replace(
                subject, code=best.actor.country + sector, country=best.actor.country
            )
        return best.actor

    def candidates(
        self,
        token,
        code: str,
        state: str,
        unresolved: list[Actor],
        targets: list[Actor],
        mood: tuple[str, bool] = ("asserted", False),
    ) -> list[Candidate]:
        aimed_at = {t.country for t in targets if t.country}
        if not aimed_at:
            return []
        root = code[:2]
        common = [
            f"root={root}",
            f"lemma={token.lemma_.lower()}",
            f"subject={state}",
            f"subject={state}&root={root}",
            f"modality={mood[0]}",
            f"negated={mood[1]}",
            f"target_kind={targets[0].kind}",
            f"trigger_pos={token.pos_}",
        ]
        common += [
            f"subject_sector={sector}"
            for sector in (unresolved[0].sectors[:2] if unresolved else ())
        ]
        found: list[tuple[str, Mention | None, Actor]] = []
        sentence = token.sent
        for mention in self._mentions_of(sentence):
            for actor in mention.actors:
                if actor.country and actor.country not in aimed_at and actor.kind != "unknown":
                    found.append(("sentence", mention, actor))
        in_sentence = {a.country for _, _, a in found}
        if sentence.start:
            previous = token.doc[sentence.start - 1].sent
            for mention in self._mentions_of(previous):
                for actor in mention.actors:
                    if (
                        actor.country
                        and actor.country not in aimed_at | in_sentence
                        and actor.kind != "unknown"
                    ):
                        found.append(("previous", mention, actor))
        named = {a.country for _, _, a in found}
        for where, country in (
            ("story", self.story[0] if self.story else None),
            ("dateline", self.article.dateline_country),
        ):
            if country and country not in aimed_at | named:
                named.add(country)
                found.append(
                    (where, None, Actor(country, country, ("GOV",), None, "", None, "place"))
                )
        distances = sorted(
            {_path_length(token, token.doc[m.head]) for where, m, _ in found if where == "sentence"}
        )
        candidates = []
        seen: set[str] = set()
        for where, mention, actor in found:
            if actor.country in seen:
                continue  # the first mention of a country speaks for it: nearest first
            seen.add(actor.country)
            features = common + [
                f"where={where}",
                f"where={where}&subject={state}",
                f"where={where}&root={root}",
                f"kind={actor.kind}",
                f"kind={actor.kind}&where={where}",
                f"story_rank={self._story_rank(actor.country)}",
                f"dateline={actor.country == self.article.dateline_country}",
                f"igo={actor.country == 'IGO'}",
            ]
            features += [f"sector={sector}" for sector in actor.sectors[:2]]
            if mention is not None:
                head = token.doc[mention.head]
                features.append(f"head_dep={head.dep_}&where={where}")
                if where == "sentence":
                    features += _path_features(token, head, root, self.saying)
                    features.append(f"nearest={distances.index(_path_length(token, head)) == 0}")
            candidates.append(Candidate(_as_source(actor), mention, tuple(features)))
        return candidates


def _as_source(actor: Actor) -> Actor:
    """A place acts as its government ("Moscow said": Russia)."""
    if actor.kind == "place":
        return Actor(actor.country, actor.country, ("GOV",), actor.name, actor.text, None, "place")
    return actor
