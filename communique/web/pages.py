"""Pages rendered on the server (Jinja2, autoescaped): no JavaScript, charts drawn as SVG.

Every piece of article text goes through the template engine's escaping, so markup in an
article is shown as text, never run.
"""
from __future__ import annotations

import logging
import math
from importlib import resources

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import query

logger = logging.getLogger(__name__)

HERE = resources.files("communique.web")
CHART_HEIGHT = 220
# Events listed (and highlighted) on one article page: a long article may hold thousands.
ARTICLE_PAGE = 100


def add_pages(app: FastAPI, database) -> None:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request, connection=Depends(database)):
        return render(request, "overview.html", summary=query.overview(connection),
                      events=query.events(connection, limit=25))

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events(request: Request, connection=Depends(database)):
        keys = ("source", "target", "cameo", "since", "until", "q")
        params = {k: (request.query_params.get(k) or None) for k in keys}
        error, found = None, []
        try:
            found = query.events(connection, limit=200, **params)
        except query.QueryError as problem:
            error = str(problem)
        return render(request, "events.html", events=found, params=params, error=error,
                      status_code=400 if error else 200)

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad(request: Request, a: str, b: str, interval: str = "month",
             connection=Depends(database)):
        periods = query.dyad_timeline(connection, a, b, interval=interval)
        found = query.events(connection, source=a, target=b, either_direction=True, limit=200)
        a, b = a.upper(), b.upper()
        deals = [d for d in query.agreements(connection, party=a, limit=1000) if b in d["parties"]]
        return render(request, "dyad.html", a=a, b=b, interval=interval,
                      chart=timeline_chart(periods), events=found, agreements=deals)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network(request: Request, connection=Depends(database)):
        return render(request, "network.html", **network_drawing(query.network(connection,
                                                                                 limit=200)))

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article(request: Request, article_id: str,
                offset: int = Query(0, ge=0, le=query.MAX_OFFSET), connection=Depends(database)):
        found = query.article(connection, article_id, limit=ARTICLE_PAGE, offset=offset)
        if found is None:
            return render(request, "events.html", events=[], params={},
                          error="no such article", status_code=404)
        shown = len(found["events"])
        return render(request, "article.html", article=found, pieces=highlighted(found),
                      first=offset + 1 if shown else offset, last=offset + shown,
                      previous=max(0, offset - ARTICLE_PAGE) if offset else None,
                      next=offset + shown if offset + shown < found["events_total"] else None)


def timeline_chart(periods: list[dict]) -> dict | None:
    """Stacked bars of QuadClass counts and a line of the Goldstein sum, as SVG geometry."""
    if not periods:
        return None
    slot, plot = 48, CHART_HEIGHT - 24
    width = max(320, slot * len(periods))
    most = max(p["events"] for p in periods)
    low = min(0.0, *(p["goldstein"] for p in periods))
    high = max(0.0, *(p["goldstein"] for p in periods))
    span = (high - low) or 1.0
    bars, points, ticks, dots = [], [], [], []
    for n, period in enumerate(periods):
        x, bottom = n * slot + 8, plot
        for quad in (1, 2, 3, 4):
            count = period[f"quad{quad}"]
            if count:
                h = count / most * (plot - 20)
                bottom -= h
                bars.append({"quad": quad, "x": x, "y": round(bottom, 1), "w": slot - 16,
                             "h": round(h, 1), "label": f"{period['period']}: {count} (quad {quad})"})
        y = plot - (period["goldstein"] - low) / span * (plot - 20)
        points.append(f"{x + (slot - 16) / 2:.1f},{y:.1f}")
        dots.append({"x": round(x + (slot - 16) / 2, 1), "y": round(y, 1),
                     "label": f"{period['period']}: Goldstein {period['goldstein']}"})
        ticks.append({"x": x + (slot - 16) / 2, "label": period["period"]})
    zero = plot - (0 - low) / span * (plot - 20)
    return {"width": width, "height": CHART_HEIGHT, "bars": bars, "line": " ".join(points),
            "points": dots,
            "zero": round(zero, 1), "ticks": ticks}


def network_drawing(edges: list[dict], size: int = 640) -> dict:
    """Countries on a circle, sized by their events; edges weighted by events."""
    weight: dict[str, int] = {}
    for edge in edges:
        for code in (edge["source"], edge["target"]):
            weight[code] = weight.get(code, 0) + edge["events"]
    codes = sorted(weight, key=lambda c: (-weight[c], c))
    radius, centre = size / 2 - 40, size / 2
    place = {code: (centre + radius * math.cos(2 * math.pi * n / max(1, len(codes))),
                    centre + radius * math.sin(2 * math.pi * n / max(1, len(codes))))
             for n, code in enumerate(codes)}
    top = max(weight.values(), default=1)
    nodes = [{"code": c, "x": round(place[c][0], 1), "y": round(place[c][1], 1),
              "r": round(4 + 10 * math.sqrt(weight[c] / top), 1)} for c in codes]
    heaviest = max((e["events"] for e in edges), default=1)
    lines = [{**e, "x1": round(place[e["source"]][0], 1), "y1": round(place[e["source"]][1], 1),
              "x2": round(place[e["target"]][0], 1), "y2": round(place[e["target"]][1], 1),
              "w": round(1 + 5 * e["events"] / heaviest, 1)} for e in edges]
    return {"nodes": nodes, "edges": lines, "size": size}


def highlighted(article: dict) -> list[dict]:
    """The clean text cut into pieces; the sentences that are evidence of the article's
    events (those of the page shown) are marked."""
    text = article["text"]
    spans: dict[tuple[int, int], list[dict]] = {}
    for event in article["events"]:
        evidence = event.get("evidence") or {}
        if evidence.get("field") == "text" and evidence.get("start") is not None:
            spans.setdefault((evidence["start"], evidence["end"]), []).append(event)
    pieces, position = [], 0
    for (start, end), events in sorted(spans.items()):
        if start < position:
            continue  # overlapping evidence: the first one is marked
        pieces.append({"text": text[position:start], "event": None})
        label = "; ".join(f"{(e['source'] or {}).get('code') or '?'} → "
                          f"{(e['target'] or {}).get('code') or '-'}: {e['cameo']} {e['cameo_name']}"
                          for e in events)
        pieces.append({"text": text[start:end], "event": events[0]["id"], "label": label})
        position = end
    pieces.append({"text": text[position:], "event": None})
    return pieces
