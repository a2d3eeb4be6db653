"""The geometry of the pages' charts, drawn as SVG by the templates (no script, as the CSP
wants): the dyad timeline and the network.

The timeline has two panels over one time axis. Above: the events of each period as bars
stacked by QuadClass, on an axis of counts. Below: the Goldstein sum of each period as a bar
up or down from a zero line that sits in the middle of its panel on every chart, on a scale
symmetric about zero, so that two dyads' charts read alike. Every period from the first to
the last is drawn (the query fills the empty ones), so time runs evenly along the axis.
"""

from __future__ import annotations

import math

WIDTH = 880  # the drawing's own units; the page scales it to its column
LEFT, RIGHT, TOP = 64, 16, 28
EVENTS_HEIGHT, GOLDSTEIN_HEIGHT, GAP, AXIS = 200, 120, 28, 56
QUADS = (
    ("quad1", "Verbal cooperation"),
    ("quad2", "Material cooperation"),
    ("quad3", "Verbal conflict"),
    ("quad4", "Material conflict"),
)
PERIOD_NAMES = {"day": "Day", "week": "Week (starting Monday)", "month": "Month"}
MAX_LABELS = 16  # period labels along the axis; more would overlap


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten at or above ``value`` (at least 1)."""
    if value <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def _number(value: float) -> str:
    return f"{value:g}"


def timeline_chart(periods: list[dict], interval: str = "month") -> dict | None:
    """SVG geometry for ``periods`` (rows of ``dyad_timeline``): bars, axes with ticks and
    labels, a value over each bar, and the legend. None when no period has an event."""
    if not any(p["events"] for p in periods):
        return None
    plot_width = WIDTH - LEFT - RIGHT
    slot = plot_width / len(periods)
    bar = max(2.0, min(slot * 0.7, 40.0))  # a long span still shows its bars
    events_top, events_bottom = TOP, TOP + EVENTS_HEIGHT
    gold_top = events_bottom + GAP
    gold_zero = gold_top + GOLDSTEIN_HEIGHT / 2
    most = nice_ceiling(max(p["events"] for p in periods))
    swing = nice_ceiling(max(abs(p["goldstein"]) for p in periods))
    every = max(1, math.ceil(len(periods) / MAX_LABELS))
    bars, values, gold_bars, labels = [], [], [], []
    for n, period in enumerate(periods):
        x = LEFT + n * slot + (slot - bar) / 2
        bottom = events_bottom
        for quad, name in QUADS:
            count = period[quad]
            if count:
                height = count / most * EVENTS_HEIGHT
                bottom -= height
                bars.append(
                    {
                        "quad": quad,
                        "x": round(x, 1),
                        "y": round(bottom, 1),
                        "w": round(bar, 1),
                        "h": round(height, 1),
                        "label": f"{period['period']}: {count} {name.lower()}",
                    }
                )
        if period["events"] and slot >= 14:
            values.append(
                {
                    "x": round(x + bar / 2, 1),
                    "y": round(bottom - 3, 1),
                    "text": str(period["events"]),
                }
            )
        height = abs(period["goldstein"]) / swing * (GOLDSTEIN_HEIGHT / 2)
        if period["goldstein"]:
            gold_bars.append(
                {
                    "x": round(x, 1),
                    "w": round(bar, 1),
                    "h": round(max(height, 0.5), 1),
                    "y": round(gold_zero - height if period["goldstein"] > 0 else gold_zero, 1),
                    "kind": "up" if period["goldstein"] > 0 else "down",
                    "label": f"{period['period']}: Goldstein sum {period['goldstein']:+g}",
                }
            )
        if n % every == 0:
            labels.append({"x": round(x + bar / 2, 1), "text": period["period"]})
    axis_y = gold_top + GOLDSTEIN_HEIGHT
    return {
        "width": WIDTH,
        "height": axis_y + AXIS,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "bars": bars,
        "totals": values,
        "gold_bars": gold_bars,
        "labels": labels,
        "events_top": events_top,
        "events_bottom": events_bottom,
        "events_ticks": [
            {"y": round(events_bottom - f * EVENTS_HEIGHT, 1), "text": _number(f * most)}
            for f in (0, 0.5, 1)
        ],
        "gold_top": gold_top,
        "gold_zero": round(gold_zero, 1),
        "gold_bottom": axis_y,
        "gold_ticks": [
            {"y": round(gold_zero - f * GOLDSTEIN_HEIGHT / 2, 1), "text": _number(f * swing)}
            for f in (1, 0, -1)
        ],
        "axis_y": axis_y,
        "axis_title": PERIOD_NAMES.get(interval, interval),
        "legend": [
            {"quad": quad, "text": name, "x": LEFT + 170 * n}
            for n, (quad, name) in enumerate(QUADS)
        ],
        "periods": len(periods),
    }


def network_drawing(edges: list[dict], size: int = 640) -> dict:
    """Countries on a circle, sized by their events; one edge per dyad (both directions),
    weighted by its events, each a link to the dyad's page."""
    weight: dict[str, int] = {}
    for edge in edges:
        for code in (edge["a"], edge["b"]):
            weight[code] = weight.get(code, 0) + edge["events"]
    codes = sorted(weight, key=lambda c: (-weight[c], c))
    radius, centre = size / 2 - 40, size / 2
    place = {
        code: (
            centre + radius * math.cos(2 * math.pi * n / max(1, len(codes))),
            centre + radius * math.sin(2 * math.pi * n / max(1, len(codes))),
        )
        for n, code in enumerate(codes)
    }
    top = max(weight.values(), default=1)
    nodes = [
        {
            "code": c,
            "x": round(place[c][0], 1),
            "y": round(place[c][1], 1),
            "r": round(4 + 10 * math.sqrt(weight[c] / top), 1),
        }
        for c in codes
    ]
    heaviest = max((e["events"] for e in edges), default=1)
    lines = [
        {
            **e,
            "x1": round(place[e["a"]][0], 1),
            "y1": round(place[e["a"]][1], 1),
            "x2": round(place[e["b"]][0], 1),
            "y2": round(place[e["b"]][1], 1),
            "w": round(1.5 + 6 * e["events"] / heaviest, 1),
        }
        for e in edges
    ]
    return {"nodes": nodes, "edges": lines, "size": size}
