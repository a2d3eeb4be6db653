"""The seed, holdout and PLOVER gold formats go through one path: read -> code -> score.

Tiny gold files of each format, written here, are scored through the real pipeline; the
scores are exact integer counts, and the ratios are made from them.
"""

import json

import pytest
from click.testing import CliRunner

from communique import evaluate
from communique.cli import main
from communique.evaluate import evaluate_gold, read_gold
from communique.evaluate_articles import EventCounts, EventItem
from communique.evaluate_plover import PloverItem
from communique.pipeline import Pipeline
from communique.stages import canonical_stages

TALKS = "Russia and Mali signed three agreements on Tuesday."


def item(id, sources, targets, roots, required=True, **extra):
    return {
        "id": id,
        "required": required,
        "symmetric": False,
        "sources": sources,
        "targets": targets,
        "cameo_roots": roots,
        "note": "",
        **extra,
    }


def actor(text, code):
    return {"actorText": text, "code": code, "sector": "GOV"}


@pytest.fixture(scope="module")
def golds(tmp_path_factory):
    """{"seed", "holdout", "plover"}: gold files, and the corpus of the holdout one."""
    root = tmp_path_factory.mktemp("gold")
    seed = root / "seed"
    seed.mkdir()
    (seed / "talks.txt").write_text(TALKS + "\n", encoding="utf-8")
    (seed / "expected_events.json").write_text(
        json.dumps(
            {
                "article": "talks.txt",
                "publication_date_given": "2025-06-24",
                "events": [
                    item(
                        "S1", ["RUS"], ["MLI"], ["05", "06"], symmetric=True, cameo_expected="057"
                    ),
                    item("S2", ["MLI"], ["RUS"], ["04"]),
                ],
            }
        ),
        encoding="utf-8",
    )

    corpus = root / "corpus"
    (corpus / "news").mkdir(parents=True)
    stories = [
        {"id": "s1", "text": "Egypt condemned Israel on Monday.", "date": "2025-06-24"},
        {"id": "s2", "text": "France praised Germany in a statement.", "date": "2025-06-24"},
        {"id": "s3", "text": "Nothing happened.", "date": "2025-06-24"},
    ]
    (corpus / "stories.jsonl").write_text(
        "".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8"
    )
    (corpus / "news" / "talks.txt").write_text(TALKS + "\n", encoding="utf-8")
    holdout = root / "holdout.json"
    holdout.write_text(
        json.dumps(
            {
                "articles": [
                    {
                        "doc_id": "s1",
                        "path": "stories.jsonl",
                        "events": [
                            item("E1", ["EGY"], ["ISR"], ["11"], sentence_contains="condemned"),
                            item("E2", ["ISR"], ["EGY"], ["19"]),
                        ],
                    },
                    {"doc_id": "s2", "path": "stories.jsonl", "events": []},
                    {
                        "path": "news/talks.txt",
                        "date": "2025-06-24",
                        "events": [
                            item(
                                "E3",
                                ["RUS"],
                                ["MLI"],
                                ["05", "06"],
                                symmetric=True,
                                cameo_expected="057",
                            )
                        ],
                    },
                ]
            }
        ),
        encoding="utf-8",
    )

    plover = root / "plover.json"
    plover.write_text(
        json.dumps(
            [
                {"id": "X-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "the file's header"},
                {
                    "id": "X-ACCUSE-0001",
                    "date": "2000-01-01",
                    "event": "DISAPPROVE",
                    "text": "Egypt condemned Israel on Monday.",
                    "source": [actor("Egypt", "EGY")],
                    "target": [actor("Israel", "ISR")],
                },
                {
                    "id": "X-CONSULT-0001",
                    "date": "2000-01-01",
                    "event": "CONSULT",
                    "text": "Japanese officials met Chinese diplomats in Tokyo on Friday.",
                    "source": [actor("Japanese officials", "JAP")],  # CAMEO 1.x for JPN
                    "target": [actor("Chinese diplomats", "CHN")],
                },
                {
                    "id": "X-ASSAULT-0001",
                    "date": "2000-01-01",
                    "event": "FIGHT",
                    "text": "France praised Germany in a statement.",
                    "source": [actor("France", "FRA")],
                    "target": "Germany",
                },  # a target not coded
                {
                    "id": "X-ACCUSE-0002",
                    "date": "2000-01-01",
                    "event": "ACCUSE",
                    "text": "Syria accused Turkey of shelling its villages.",
                    "source": [actor("Syria", "TUR")],  # a mention found, coded otherwise
                    "target": [actor("the United Nations", "IGO")],
                },  # no mention at all
                {"id": "X-AGREE-0001", "event": "AGREE", "text": ""},
            ]
        ),
        encoding="utf-8",
    )
    return {
        "seed": seed / "expected_events.json",
        "holdout": holdout,
        "plover": plover,
        "corpus": corpus,
    }


def test_each_format_is_read_into_the_one_record(golds):
    seed = read_gold(golds["seed"])
    assert (seed.kind, seed.stages, seed.settings.default_date) == (
        "seed",
        canonical_stages(),
        "2025-06-24",
    )
    [unit] = seed.units
    assert unit.label == "talks.txt" and unit.document.date == "2025-06-24"
    assert [i.id for i in unit.items] == ["S1", "S2"] and unit.items[0] == EventItem(
        "S1",
        ("RUS",),
        ("MLI",),
        ("05", "06"),
        required=True,
        symmetric=True,
        sentence_contains=None,
        cameo_expected="057",
    )

    holdout = read_gold(golds["holdout"], corpus=golds["corpus"])
    assert holdout.kind == "articles" and holdout.stages == canonical_stages()
    assert [(u.label, u.document.id, len(u.items)) for u in holdout.units] == [
        ("s1", "s1", 2),
        ("s2", "s2", 0),
        ("news/talks.txt", "talks", 1),
    ]

    plover = read_gold(golds["plover"])
    assert plover.kind == "plover" and plover.stages == canonical_stages("parse")
    assert [u.label for u in plover.units] == [
        "X-ACCUSE-0001",
        "X-CONSULT-0001",
        "X-ASSAULT-0001",
        "X-ACCUSE-0002",
    ]
    first = plover.units[0]
    assert first.document.content == "Egypt condemned Israel on Monday."
    assert first.items == (
        PloverItem(
            "X-ACCUSE-0001",
            first.document.content,
            "DISAPPROVE",
            (actor("Egypt", "EGY"),),
            (actor("Israel", "ISR"),),
        ),
    )
    assert first.items[0].plover_type == "ACCUSE"
    assert plover.units[2].items[0].target == ()


def test_every_format_is_coded_through_the_public_pipeline(golds, monkeypatch):
    coded, calls = [], []
    code_gold = evaluate.code_gold
    monkeypatch.setattr(
        evaluate,
        "code_gold",
        lambda gold, stages=None: coded.append(gold.kind) or code_gold(gold, stages),
    )
    for method in ("pipe", "process"):
        real = getattr(Pipeline, method)

        def spy(self, items, *args, _real=real, _name=method, **kwargs):
            calls.append((_name, tuple(self.stage_names)))
            return _real(self, items, *args, **kwargs)

        monkeypatch.setattr(Pipeline, method, spy)
    evaluate_gold(golds["seed"])
    evaluate_gold(golds["holdout"], corpus=golds["corpus"])
    evaluate_gold(golds["plover"])
    assert coded == ["seed", "articles", "plover"]
    documents = ("clean", "parse", "actors", "events", "places")  # dedupe off when scoring
    assert calls == [
        ("pipe", documents),
        ("pipe", documents),
        ("process", ("parse", "actors", "events", "places")),
    ]


def test_the_seed_format(golds):
    score = evaluate_gold(golds["seed"])
    assert score.kind == "seed"
    assert score.counts == EventCounts(
        found=1, required=2, good=2, produced=2, typed=1, exact=1, duplicates=0
    )
    assert [(a.label, a.missed, a.unmatched) for a in score.articles] == [("talks.txt", ["S2"], [])]
    record = score.as_dict()
    assert (record["recall"], record["precision"], record["type_accuracy"]) == (0.5, 1.0, 1.0)


def test_the_holdout_format(golds):
    score = evaluate_gold(golds["holdout"], corpus=golds["corpus"])
    assert score.kind == "articles"
    assert [a.counts for a in score.articles] == [
        EventCounts(found=1, required=2, good=1, produced=1),
        EventCounts(produced=1),  # FRA -> DEU praise: produced, in no item
        EventCounts(found=1, required=1, good=2, produced=2, typed=1, exact=1),
    ]
    assert score.counts == EventCounts(found=2, required=3, good=3, produced=4, typed=1, exact=1)
    assert [a.missed for a in score.articles] == [["E2"], [], []]
    assert score.articles[1].unmatched == [
        ("FRA", "DEU", "051", "France praised Germany in a statement.")
    ]
    record = score.as_dict()
    assert {k: record[k] for k in ("found", "required", "good", "produced", "duplicates")} == {
        "found": 2,
        "required": 3,
        "good": 3,
        "produced": 4,
        "duplicates": 0,
    }
    assert record["recall"] == 2 / 3 and record["precision"] == 3 / 4
    assert record["articles"][0] == {
        "path": "s1",
        "recall": 0.5,
        "precision": 1.0,
        "type_accuracy": 0.0,
        "duplicates": 0,
        "missed": ["E2"],
        "unmatched": [],
    }


def test_a_story_named_by_its_doc_id_alone_is_found_in_the_corpus(golds, tmp_path):
    """score_events.py allows {"doc_id", "events"} without the file's path."""
    gold = json.loads(golds["holdout"].read_text(encoding="utf-8"))
    for article in gold["articles"]:
        if article.get("doc_id"):
            del article["path"]
    bare = tmp_path / "holdout.json"
    bare.write_text(json.dumps(gold), encoding="utf-8")
    score = evaluate_gold(bare, corpus=golds["corpus"])
    assert score.counts == EventCounts(found=2, required=3, good=3, produced=4, typed=1, exact=1)
    gold["articles"][0]["doc_id"] = "nowhere"
    bare.write_text(json.dumps(gold), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(bare), "--corpus", str(golds["corpus"])])
    assert result.exit_code != 0, result.output
    assert "E700: story nowhere, named in" in result.output, result.output


def test_a_doc_id_beside_the_path_of_a_file_of_one_document_is_a_label(golds, tmp_path):
    """{"doc_id": "news/talks.txt", "path": "news/talks.txt"}: the file is read whole, as
    score_events.py reads the article at a path; its doc_id names it."""
    gold = json.loads(golds["holdout"].read_text(encoding="utf-8"))
    gold["articles"][2]["doc_id"] = gold["articles"][2]["path"]
    labelled = tmp_path / "holdout.json"
    labelled.write_text(json.dumps(gold), encoding="utf-8")
    score = evaluate_gold(labelled, corpus=golds["corpus"])
    assert score.counts == EventCounts(found=2, required=3, good=3, produced=4, typed=1, exact=1)


@pytest.mark.parametrize(
    "text, message",
    [
        ('{"articles": [', "is not a JSON file"),
        ('{"articles": [{"events": []}]}', "has neither a path nor a doc_id"),
        ('{"articles": [{"path": "news/gone.txt", "events": []}]}', "is not a file"),
        ('{"articles": [{"path": "news/talks.txt"}]}', "has no events list"),
    ],
)
def test_a_bad_gold_file_is_one_plain_coded_error(golds, tmp_path, text, message):
    bad = tmp_path / "gold.json"
    bad.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(bad), "--corpus", str(golds["corpus"])])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: E700: ") and message in result.output, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output


def test_the_plover_format(golds):
    score = evaluate_gold(golds["plover"])
    events = score.events
    # "Syria accused Turkey of shelling its villages" is the accusation alone: the shelling
    # it alleges is not coded as done (events/acts.py)
    assert (events.sentences, events.typed, events.recalled, events.produced, events.right) == (
        4,
        3,
        2,
        4,
        3,
    )
    assert [m[:3] for m in events.misses] == [("X-ASSAULT-0001", "ASSAULT", ["SUPPORT"])]
    counts = {
        kind: {
            role: (c.total, c.correct, len(c.missed), len(c.wrong_country))
            for role, c in roles.items()
        }
        for kind, roles in (("actors", score.actors), ("coded", score.coded))
    }
    assert counts == {
        "actors": {"source": (4, 3, 0, 1), "target": (3, 2, 1, 0)},
        # the gold's "Syria" coded TUR: only the alleged shelling had Turkey as its source
        "coded": {"source": (4, 3, 1, 0), "target": (3, 2, 1, 0)},
    }
    record = score.as_dict()
    assert (record["sentences"], record["type_accuracy"], record["recall"]) == (4, 0.75, 0.5)
    assert (record["source_accuracy"], record["target_accuracy"]) == (0.75, 2 / 3)


def test_the_actor_stage_alone(golds):
    """Stopped after the actors, the path scores the mentions; no event is coded."""
    score = evaluate_gold(golds["plover"], stages=canonical_stages("parse", "actors"))
    assert (score.actors["source"].correct, score.actors["target"].correct) == (3, 2)
    assert (score.events.sentences, score.events.produced, score.events.typed) == (4, 0, 0)


def test_the_command_prints_each_format_from_the_counts(golds):
    result = CliRunner().invoke(
        main,
        ["eval", str(golds["holdout"]), str(golds["plover"]), "--corpus", str(golds["corpus"])],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{golds['holdout']}: recall 0.667  precision 0.750  type accuracy 1.000  "
        "(2/3 required, 3/4 produced)  duplicates 0",
        f"{golds['plover']}: recall 0.500  precision 0.750  type accuracy 0.750  (4 sentences; "
        "actor countries: source 0.750, target 0.667; through the coded events: source 0.750, "
        "target 0.667)",
    ]
