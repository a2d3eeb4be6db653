"""Scoring against gold files.

``extraction_scores`` is the metric of the Zyte (Scrapinghub) article-extraction benchmark,
reproduced from its ``evaluate.py``: 4-word shingles of ``\\w+`` tokens (case kept), true and
false positives per page normalised by the page's shingle count, precision and recall
averaged over pages, F1 from the two averages.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence

from .stages import canonical_stages

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str | None, n: int) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def shingle_match(true: str | None, predicted: str | None, n: int = 4) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, as fractions of all its shingles."""
    t, p = _shingles(true, n), _shingles(predicted, n)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tp += min(t[key], p[key])
        fp += max(0, p[key] - t[key])
        fn += max(0, t[key] - p[key])
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def extraction_scores(truth: Mapping[str, str], predicted: Mapping[str, str | None]) -> dict:
    """Precision, recall, F1 and exact-match accuracy over the pages of ``truth``."""
    matches = [shingle_match(truth[key], predicted.get(key)) for key in truth]
    precision = statistics.mean([_precision(*m) for m in matches if m[0] + m[1] > 0])
    recall = statistics.mean([_recall(*m) for m in matches if m[0] + m[2] > 0])
    accuracy = statistics.mean(
        float(_TOKEN.findall(truth[key]) == _TOKEN.findall(predicted.get(key) or "")) for key in truth)
    return {"precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "accuracy": accuracy, "pages": len(matches)}


# -- actors against the PLOVER gold standard ---------------------------------------------------
# The PLOVER GSR codes actors in CAMEO, which has a few codes that are no ISO country:
# transnational NGOs, international militarised groups (IMG) and religious codes (ISM).
# Such a gold actor is matched by an actor with no country of the same nature.
NON_STATE_GOLD = {"NGO": "NGO", "IMG": "REB", "ISM": None}
# CAMEO 1.x country codes that differ from ISO and from the Phoenix tables of 2014.
OBSOLETE_CAMEO = {"VTN": "VNM", "JAP": "JPN", "ITL": "ITA"}


def plover_gold(path) -> list[dict]:
    """The coded sentences of a PLOVER gold standard file (its DOCUMENT header left out)."""
    import json

    with open(path, encoding="utf-8") as fh:
        records = json.load(fh)
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def _gold_actors(value) -> list[dict]:
    return [a for a in value if a.get("code") and a.get("actorText")] if isinstance(value, list) else []


def _actor_matches(gold_code: str, actor: dict, to_iso) -> bool:
    if gold_code in NON_STATE_GOLD:
        sector = NON_STATE_GOLD[gold_code]
        return actor["country"] is None and (sector is None or sector in actor["sectors"])
    if gold_code == "IGO":
        return actor["country"] == "IGO"
    return actor["country"] == (OBSOLETE_CAMEO.get(gold_code) or to_iso(gold_code) or gold_code)


def _overlaps(text: str, gold_text: str, actor: dict) -> bool:
    """Whether the produced mention overlaps the place where the gold actor text occurs.

    Gold texts may elide words ("Palestinian ... residential areas") or skip some ("French
    warships" in "French and Egyptian warships"): then each of their words is looked for.
    """
    gold_text = " ".join(gold_text.split())
    parts = [p.strip(". ") for p in gold_text.split("..")]
    if not all(part in text for part in parts if part):
        parts = [w for w in re.findall(r"[\w'’-]+", gold_text)
                 if w.lower() not in ("the", "and", "of", "in", "for") and (len(w) > 3 or w[0].isupper())]
    for part in parts:
        start = text.find(part) if part else -1
        while start >= 0:
            if actor["start"] < start + len(part) and start < actor["end"]:
                return True
            start = text.find(part, start + 1)
    return False


def plover_actor_scores(gold_records: list[dict], produced: list[list[dict]], to_iso) -> dict:
    """Source and target country accuracy: the share of gold actors that a produced mention
    overlapping the gold actor's text codes with the same country.

    ``produced[i]`` holds the actor records (with ``start``/``end``) for ``gold_records[i]``.
    Misses are sorted into error classes: ``missed`` (no mention overlaps) and
    ``wrong_country`` (a mention overlaps, coded otherwise).
    """
    scores: dict = {}
    for role in ("source", "target"):
        total = correct = 0
        errors: dict[str, list] = {"missed": [], "wrong_country": []}
        for record, actors in zip(gold_records, produced):
            for gold in _gold_actors(record.get(role)):
                total += 1
                overlapping = [a for a in actors if _overlaps(record["text"], gold["actorText"], a)]
                if any(_actor_matches(gold["code"], a, to_iso) for a in overlapping):
                    correct += 1
                    continue
                kind = "wrong_country" if overlapping else "missed"
                errors[kind].append({"id": record["id"], "gold": gold, "text": record["text"],
                                     "produced": [(a["text"], a["country"]) for a in overlapping]})
        scores[role] = {"total": total, "correct": correct,
                        "accuracy": correct / total if total else 0.0, "errors": errors}
    return scores


def score_plover_actors(path, settings=None) -> dict:
    """Run the parse and actor stages over a PLOVER gold file's sentences and score them."""
    from .actors.gazetteer import load_gazetteer

    gold = plover_gold(path)
    articles = code_sentences(gold, settings, stages=canonical_stages("parse", "actors"))
    produced = [a.actors_record()["actors"] for a in articles]
    return plover_actor_scores(gold, produced, load_gazetteer().to_iso)


# -- events ------------------------------------------------------------------------------------
# PLOVER 0.5b1 labels of the gold standard, in today's PLOVER.
PLOVER_RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                  "FIGHT": "ASSAULT"}


def plover_event_scores(gold_records: list[dict], produced: list[list[dict]], to_iso) -> dict:
    """The PLOVER gold standard, one sentence each.

    - type accuracy: sentences where some produced event has the gold PLOVER type;
    - recall: sentences where such an event also has a gold source's country;
    - precision: produced events (with a PLOVER type) whose type is the sentence's.
    """
    typed = recalled = produced_typed = produced_right = 0
    misses = []
    for record, events in zip(gold_records, produced):
        gold_type = PLOVER_RENAMED.get(record["event"], record["event"])
        sources = {OBSOLETE_CAMEO.get(a["code"]) or to_iso(a["code"]) or a["code"]
                   for a in _gold_actors(record.get("source"))}
        kinds = [e for e in events if e["plover"]["event"]]
        produced_typed += len(kinds)
        right = [e for e in kinds if e["plover"]["event"] == gold_type]
        produced_right += len(right)
        if right:
            typed += 1
            if any((e["source"] or {}).get("country") in sources for e in right):
                recalled += 1
        else:
            misses.append((record["id"], gold_type, sorted({e["plover"]["event"] for e in kinds}),
                           record["text"][:100]))
    total = len(gold_records)
    return {"sentences": total, "type_accuracy": typed / total if total else 0.0,
            "recall": recalled / total if total else 0.0,
            "precision": produced_right / produced_typed if produced_typed else 0.0,
            "misses": misses}


def plover_coded_actor_scores(gold_records: list[dict], produced: list[list[dict]],
                              to_iso) -> dict:
    """Source and target country accuracy through the coder: the share of gold actors in a
    role that some produced event of the sentence has in that role, with the same country.

    Where ``plover_actor_scores`` asks whether the actors are found, this asks whether the
    coder attaches them to its events.
    """
    scores: dict = {}
    for role in ("source", "target"):
        total = correct = 0
        misses = []
        for record, events in zip(gold_records, produced):
            sides = [{"country": e[role].get("country"), "sectors": e[role].get("sectors") or []}
                     for e in events if e.get(role)]
            for gold in _gold_actors(record.get(role)):
                total += 1
                if any(_actor_matches(gold["code"], side, to_iso) for side in sides):
                    correct += 1
                else:
                    misses.append((record["id"], gold["code"], gold["actorText"]))
        scores[role] = {"total": total, "correct": correct,
                        "accuracy": correct / total if total else 0.0, "misses": misses}
    return scores


def code_sentences(records: list[dict], settings=None,
                   stages: Sequence[str] = canonical_stages("parse")) -> list:
    """Parse, resolve and code gold sentences as one-sentence articles."""
    from .config import Settings
    from .model import Article
    from .pipeline import Pipeline

    settings = settings or Settings(dedupe=False)
    pipeline = Pipeline(settings, stages=stages)
    articles = [Article(id=r["id"], text=r["text"], date=r.get("date")) for r in records]
    return pipeline.process(articles)


def evaluate_gold(path, settings=None, corpus=None) -> dict:
    """Score the coder on a gold file: the seed format (one article), the holdout format
    (articles by path, or JSONL stories by doc_id, under ``corpus``) or the PLOVER gold
    standard format (a JSON list of coded sentences)."""
    import json

    from .actors.gazetteer import load_gazetteer
    from .evaluate_articles import score_gold_articles

    with open(path, encoding="utf-8") as fh:
        gold = json.load(fh)
    if not isinstance(gold, list):
        return score_gold_articles(path, settings, corpus)
    records = plover_gold(path)
    articles = code_sentences(records, settings)
    to_iso = load_gazetteer().to_iso
    scores = plover_event_scores(records, [a.events for a in articles], to_iso)
    actors = plover_actor_scores(records, [a.actors_record()["actors"] for a in articles], to_iso)
    coded = plover_coded_actor_scores(records, [a.events for a in articles], to_iso)
    scores["source_accuracy"] = actors["source"]["accuracy"]
    scores["target_accuracy"] = actors["target"]["accuracy"]
    scores["coded_source_accuracy"] = coded["source"]["accuracy"]
    scores["coded_target_accuracy"] = coded["target"]["accuracy"]
    return {"format": "plover", **scores}
