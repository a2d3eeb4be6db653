"""Learn the target model of communique/events/attach.py from annotated sentences.

    python scripts/train_targets.py items --corpus ../shared/data/corpora --out items.jsonl
    python scripts/train_targets.py train --corpus ../shared/data/corpora \
        --labels scripts/data/target_labels_en.jsonl --out communique/events/data/target_model_en.tsv

``items`` runs the coder, without the model, over the training pool and writes one item per
event whose target the grammar did not find but that has candidates: the sentence with its
trigger marked, the event, its source and the candidates, for an annotator to choose the
target from (or none). ``train`` runs the same over the labelled articles, joins the labels
by item id and fits an L2-regularised logistic regression (scipy), reporting held-out
figures by cross-validation over articles before writing the weights.

The English pool is BBC politics and business and a sample of Reuters-21578; the French pool
a sample of OrangeSum's monde.jsonl (``--lang fr``). Both leave out every article the dev sets
may draw from (bbc/politics/387-417, bbc/business/450-510, Reuters 20600 and later, the
articles of tests/resources/devset/fr_events.json), so that they stay a measure. The labels file
holds item ids, country codes and judgements only, no article text: the corpora are used where
they lie.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from communique.config import Settings
from communique.events.attach import TargetAttacher
from communique.events.logistic import LogisticModel
from communique.events.cameo import lookup
from communique.events.coder import ArticleCoder
from communique.events.roles import grammar
from communique.french.events import FrenchCoder
from communique.french.patterns import statement_words
from communique.ingest.readers import iter_documents
from communique.pipeline import Pipeline
from communique.stages import canonical_stages

BBC_POOL = {"politics": range(1, 387), "business": range(1, 450)}
REUTERS_LAST = 20599
REUTERS_SAMPLE = 2500
FRENCH_POOL, FRENCH_SAMPLE = "orangesum-fr/monde.jsonl", 900
FRENCH_DEV = Path(__file__).parent.parent / "tests" / "resources" / "devset" / "fr_events.json"
NEVER = LogisticModel({}, 0.0, 2.0)  # a model that attaches nothing: the grammar's output


class RecordingAttacher(TargetAttacher):
    """Attaches nothing; keeps every targetless event with its candidates."""

    def __init__(self, article, label: str, saying):
        super().__init__(article, NEVER, saying)
        self.label = label
        self.seen: list[dict] = []

    def attach(self, token, code, sources, kind=None, mood=("asserted", False)):
        candidates = self.candidates(token, code, sources, mood)
        if candidates:
            self.seen.append(
                {
                    "id": f"{self.label}#{token.idx}#{code}#{sources[0].country}",
                    "token": token,
                    "code": code,
                    "sources": sources,
                    "candidates": candidates,
                }
            )
        return None


def pool_documents(
    corpus: Path, settings: Settings, lang: str, only: set[str] | None = None, sample_from=0
) -> Iterator:
    """(label, document) of the pool: the articles ``only`` names, or a sample from
    ``sample_from`` on in a fixed shuffle."""
    if lang == "fr":
        # monde.jsonl also holds dev articles: they stay out, so that the dev set stays a measure
        dev = {a["doc_id"] for a in json.loads(FRENCH_DEV.read_text(encoding="utf-8"))["articles"]}
        stories = [
            d for d in iter_documents([str(corpus / FRENCH_POOL)], settings) if d.id not in dev
        ]
        yield from _sampled(stories, 18, sample_from, FRENCH_SAMPLE, only)
        return
    for section, numbers in BBC_POOL.items():
        for number in numbers:
            label = f"bbc/{section}/{number:03d}.txt"
            if only is None or label in only:
                document = next(iter_documents([str(corpus / label)], settings))
                yield label, document
    reuters = [
        d
        for d in iter_documents([str(corpus / "reuters21578.jsonl")], settings)
        if int(d.id.split("-")[1]) <= REUTERS_LAST
    ]
    yield from _sampled(reuters, 14, sample_from, REUTERS_SAMPLE, only)


def _sampled(stories: list, seed: int, start: int, size: int, only: set[str] | None) -> Iterator:
    if only is None:
        random.Random(seed).shuffle(stories)
        stories = stories[start : start + size]
    for document in stories:
        if only is None or document.id in only:
            yield document.id, document


def recorded(
    corpus: Path,
    lang: str,
    only: set[str] | None = None,
    sample_from: int = 0,
    recorder: type[RecordingAttacher] = RecordingAttacher,
) -> Iterator[tuple]:
    """(article, recording attacher) for every article of the pool in ``lang``, coded;
    ``recorder`` decides which targetless events are kept."""
    settings = Settings()
    pipeline = Pipeline(settings, stages=canonical_stages(last="actors"))
    labelled = list(pool_documents(corpus, settings, lang, only, sample_from))
    labels = [label for label, _ in labelled]
    for label, article in zip(labels, pipeline.pipe(d for _, d in labelled)):
        if article.doc is None or article.lang != lang:
            continue
        if lang == "fr":
            attacher = recorder(article, label, statement_words()["verbs"])
            FrenchCoder(article, attacher=attacher).run()
        else:
            attacher = recorder(article, label, grammar()["saying_verbs"])
            ArticleCoder(article, attacher=attacher).run()
        yield article, attacher


def marked_sentence(token) -> str:
    sentence = token.sent
    text = sentence.text
    start = token.idx - sentence.start_char
    return f"{text[:start]}[[{token.text}]]{text[start + len(token.text) :]}".strip()


def item_record(article, seen: dict) -> dict:
    token = seen["token"]
    sentence = token.sent
    previous = token.doc[sentence.start - 1].sent.text.strip() if sentence.start else ""
    source = seen["sources"][0]
    countries: dict[str, list[str]] = {}
    for candidate in seen["candidates"]:
        text = candidate.actor.text or "(the country the article is most about)"
        countries.setdefault(candidate.actor.country, [])
        if text not in countries[candidate.actor.country]:
            countries[candidate.actor.country].append(text)
    return {
        "id": seen["id"],
        "title": article.title or "",
        "previous": previous,
        "sentence": marked_sentence(token),
        "event": f"{seen['code']} {lookup(seen['code']).name}",
        "source": f"{source.country} ({source.text})",
        "candidates": [{"country": c, "mentions": texts} for c, texts in countries.items()],
    }


def write_items(args) -> None:
    count = 0
    done = set(read_labels(args.skip)) if args.skip else set()
    with open(args.out, "w", encoding="utf-8") as out:
        for article, attacher in recorded(args.corpus, args.lang, None, args.sample_from):
            for seen in attacher.seen:
                if seen["id"] in done:
                    continue
                out.write(json.dumps(item_record(article, seen), ensure_ascii=False) + "\n")
                count += 1
    print(f"{count} items written to {args.out}", file=sys.stderr)


# -- training ------------------------------------------------------------------------------------
def read_labels(path: Path) -> dict[str, dict]:
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            labels[record["id"]] = record
    return labels


def examples(corpus: Path, lang: str, labels: dict[str, dict]) -> list[tuple]:
    """(article, item id, candidate features, candidate labels) for each labelled item."""
    wanted = {item_id.split("#")[0] for item_id in labels}
    found = []
    for _, attacher in recorded(corpus, lang, wanted):
        for seen in attacher.seen:
            label = labels.get(seen["id"])
            if label is None:
                continue
            # a target of an act that did not happen is no target to learn
            targets = set(label.get("targets") or []) if label.get("event") != "no" else set()
            found.append(
                (
                    attacher.label,
                    seen["id"],
                    [c.features for c in seen["candidates"]],
                    [c.actor.country in targets for c in seen["candidates"]],
                )
            )
    return found


def fit(rows: list[tuple[tuple[str, ...], bool]], l2: float) -> LogisticModel:
    names = sorted({f for features, _ in rows for f in features})
    index = {name: n for n, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for row, (features, _) in enumerate(rows):
        for feature in features:
            x[row, index[feature]] = 1.0
    y = np.array([1.0 if label else 0.0 for _, label in rows])

    def loss(w):
        z = x @ w[1:] + w[0]
        p = 1.0 / (1.0 + np.exp(-z))
        value = np.sum(np.logaddexp(0.0, z) - y * z) + l2 * np.sum(w[1:] ** 2) / 2
        gradient = np.concatenate(([np.sum(p - y)], x.T @ (p - y) + l2 * w[1:]))
        return value, gradient

    result = minimize(loss, np.zeros(len(names) + 1), jac=True, method="L-BFGS-B")
    weights = {name: float(w) for name, w in zip(names, result.x[1:]) if abs(w) > 1e-4}
    return LogisticModel(weights, float(result.x[0]), 0.5)


def decide(model: LogisticModel, features: list, threshold: float) -> int | None:
    best, best_p = None, threshold
    for n, candidate in enumerate(features):
        p = model.probability(candidate)
        if p >= best_p:
            best, best_p = n, p
    return best


def evaluate(data, l2: float, threshold: float, folds: int = 5) -> dict:
    """Cross-validated over articles: attached right, attached wrong, right ones missed."""
    articles = sorted({a for a, *_ in data})
    random.Random(0).shuffle(articles)
    fold_of = {a: n % folds for n, a in enumerate(articles)}
    right = wrong = missed = 0
    for fold in range(folds):
        train = [
            (f, label)
            for a, _, features, labels in data
            if fold_of[a] != fold
            for f, label in zip(features, labels)
        ]
        model = fit(train, l2)
        for a, _, features, labels in data:
            if fold_of[a] != fold:
                continue
            chosen = decide(model, features, threshold)
            if chosen is not None and labels[chosen]:
                right += 1
            elif chosen is not None:
                wrong += 1
            if any(labels) and (chosen is None or not labels[chosen]):
                missed += 1
    return {"right": right, "wrong": wrong, "missed": missed}


def train(args) -> None:
    labels: dict[str, dict] = {}
    for path in args.labels:
        labels.update(read_labels(path))
    data = examples(args.corpus, args.lang, labels)
    positives = sum(any(labels) for *_, labels in data)
    print(f"{len(data)} labelled items found, {positives} with a target", file=sys.stderr)
    for threshold in args.thresholds:
        figures = evaluate(data, args.l2, threshold)
        chosen = figures["right"] + figures["wrong"]
        print(
            f"threshold {threshold}: right {figures['right']}, wrong {figures['wrong']}"
            f" (precision {figures['right'] / max(chosen, 1):.3f}), missed {figures['missed']}",
            file=sys.stderr,
        )
    model = fit([(f, label) for *_, fs, ls in data for f, label in zip(fs, ls)], args.l2)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(
            "# The model of communique/events/attach.py, written by scripts/train_targets.py\n"
            f"# from {len(data)} annotated events"
            f" ({', '.join(p.name for p in args.labels)}); l2 {args.l2}\n"
            f"# threshold {args.threshold}\n# bias {model.bias:.6f}\n"
            + "".join(f"# threshold_{k} {v}\n" for k, v in args.kind_threshold)
        )
        for name, weight in sorted(model.weights.items()):
            out.write(f"{name}\t{weight:.6f}\n")
    print(f"{len(model.weights)} weights written to {args.out}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    items = commands.add_parser("items", help="write the items to annotate")
    items.add_argument("--corpus", type=Path, required=True)
    items.add_argument("--out", type=Path, required=True)
    items.add_argument("--lang", choices=("en", "fr"), default="en")
    items.add_argument("--skip", type=Path, help="a labels file whose items are done")
    items.add_argument(
        "--sample-from", type=int, default=0, help="where the sample of stories begins"
    )
    learn = commands.add_parser("train", help="fit the model on annotated items")
    learn.add_argument("--corpus", type=Path, required=True)
    learn.add_argument("--labels", type=Path, nargs="+", required=True)
    learn.add_argument("--out", type=Path, required=True)
    learn.add_argument("--lang", choices=("en", "fr"), default="en")
    learn.add_argument("--l2", type=float, default=1.0)
    learn.add_argument("--threshold", type=float, default=0.5)
    learn.add_argument(
        "--kind-threshold",
        nargs=2,
        action="append",
        default=[],
        metavar=("KIND", "P"),
        help="a threshold for one kind of decision, e.g. statements 0.8",
    )
    learn.add_argument("--thresholds", type=float, nargs="*", default=[0.4, 0.5, 0.6, 0.7])
    args = parser.parse_args()
    write_items(args) if args.command == "items" else train(args)


if __name__ == "__main__":
    main()
