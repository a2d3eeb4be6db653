"""A logistic model kept as data: the weights of named binary features, a bias and the
probability from which it decides. attach.py reads its models from data/*_model_*.tsv, which
scripts/train_targets.py writes; check-data reads them as the loaders do."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path


class ModelFileError(ValueError):
    """A line of a model file that cannot be read; ``line`` 0 is the file as a whole."""

    def __init__(self, path: Path, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.line, self.message = line, message


@dataclass(frozen=True)
class LogisticModel:
    """P(yes) = 1 / (1 + exp(-(bias + the sum of the weights of the features present)))."""

    weights: dict[str, float]
    bias: float
    threshold: float
    # a stricter (or looser) threshold for one kind of decision: "# threshold_statements 0.8"
    thresholds: dict[str, float] = field(default_factory=dict)

    def threshold_for(self, kind: str | None) -> float:
        return self.thresholds.get(kind, self.threshold) if kind else self.threshold

    def probability(self, features) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-score))


def read_model(path: Path) -> LogisticModel:
    """The model file: ``# threshold 0.55``, ``# threshold_<kind> 0.8`` and ``# bias -1.2``
    lines, then one ``feature<TAB>weight`` line per feature. Raises ModelFileError naming the
    line."""
    weights: dict[str, float] = {}
    settings = {"threshold": 0.5, "bias": 0.0}
    thresholds: dict[str, float] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            words = line[1:].split()
            if len(words) == 2 and words[0] in settings:
                settings[words[0]] = _number(words[1], path, number)
            elif len(words) == 2 and words[0].startswith("threshold_"):
                thresholds[words[0][len("threshold_") :]] = _number(words[1], path, number)
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0]:
            raise ModelFileError(path, number, f"expected 'feature<TAB>weight', got {line!r}")
        if parts[0] in weights:
            raise ModelFileError(path, number, f"feature {parts[0]!r} given twice")
        weights[parts[0]] = _number(parts[1], path, number)
    return LogisticModel(weights, settings["bias"], settings["threshold"], thresholds)


def _number(text: str, path: Path, number: int) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ModelFileError(path, number, f"{text!r} is not a number") from None
    if math.isnan(value) or math.isinf(value):
        raise ModelFileError(path, number, f"{text!r} is not a finite number")
    return value
