"""Pages rendered on the server (Jinja2, autoescaped): no JavaScript, charts drawn as SVG
(charts.py). Every list shows its total and pages through it.

Every piece of article text goes through the template engine's escaping, so markup in an
article is shown as text, never run. An article's language is shown, filtered by, and set as
the ``lang`` attribute of its text (for screen readers and hyphenation), escaped like the
rest.
"""

from __future__ import annotations

import logging
import re
from importlib import resources

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import agreements as agreements_query
from .. import articles as article_query
from .. import dyads as dyad_query
from .. import map_query, query
from .charts import network_drawing, timeline_chart
from .world_map import drawing as map_drawing

logger = logging.getLogger(__name__)

HERE = resources.files("communique.web")
PAGE = 100  # rows of a list page
# Events listed (and marked) on one article page: a long article may hold thousands.
ARTICLE_PAGE = 100
NETWORK_EDGES = 200
CHART_PERIODS = 60  # beyond this many periods a dyad page offers its years one by one
DAY = r"^\d{4}-\d{2}-\d{2}$"


EVENT_FILTERS = (
    "country",
    "source",
    "target",
    "actor",
    "cameo",
    "quad",
    "sector",
    "modality",
    "since",
    "until",
    "q",
    "lang",
    "near",  # where the events happened: "lat,lon,km" (the map's dots link with it)
    "bbox",
)


def add_pages(app: FastAPI, database) -> None:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["thousands"] = lambda n: f"{n:,}"
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    def problem(request: Request, message: str, status_code: int) -> HTMLResponse:
        return render(request, "problem.html", message=message, status_code=status_code)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request, connection=Depends(database)):
        return render(
            request,
            "overview.html",
            summary=query.overview(connection),
            dyad_total=dyad_query.count_dyads(connection),
            events=query.events(connection, limit=25, between_countries=True),
        )

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events(
        request: Request,
        offset: int = Query(0, ge=0, le=query.MAX_OFFSET),
        connection=Depends(database),
    ):
        params = {k: (request.query_params.get(k) or None) for k in EVENT_FILTERS}
        flags = {"between_countries": request.query_params.get("between_countries") == "on"}
        negated = request.query_params.get("negated")
        flags["negated"] = {"yes": True, "no": False}.get(negated or "")
        error, found, total = None, [], 0
        try:
            found = query.events(connection, limit=PAGE, offset=offset, **params, **flags)
            total = query.count_events(connection, **params, **flags)
        except query.QueryError as trouble:
            error = str(trouble)
        return render(
            request,
            "events.html",
            events=found,
            params=params,
            flags=flags,
            negated=negated,
            error=error,
            modalities=query.MODALITIES,
            paging=paging(request, offset, len(found), total, "events"),
            status_code=400 if error else 200,
        )

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def world_map(request: Request, connection=Depends(database)):
        params = {k: (request.query_params.get(k) or None) for k in EVENT_FILTERS}
        flags = {"between_countries": request.query_params.get("between_countries") == "on"}
        negated = request.query_params.get("negated")
        flags["negated"] = {"yes": True, "no": False}.get(negated or "")
        error, places, countries, total = None, [], {}, 0
        try:
            places = map_query.places(connection, **params, **flags)
            countries = map_query.countries(connection, **params, **flags)
            total = query.count_events(connection, **params, **flags)
        except query.QueryError as trouble:
            error = str(trouble)
        located = sum(place["events"] for place in places)
        # the dots keep the filters, as the form gives them, so a dot opens the same selection
        shown = {
            **params,
            "negated": negated,
            "between_countries": "on" if flags["between_countries"] else None,
        }
        return render(
            request,
            "map.html",
            drawing=map_drawing(places, countries, shown),
            located=located,
            unlocated=max(0, total - located),
            params=params,
            flags=flags,
            negated=negated,
            error=error,
            modalities=query.MODALITIES,
            status_code=400 if error else 200,
        )

    @app.get("/agreements", response_class=HTMLResponse, include_in_schema=False)
    def agreements(
        request: Request,
        party: str | None = None,
        offset: int = Query(0, ge=0, le=query.MAX_OFFSET),
        connection=Depends(database),
    ):
        try:
            found = agreements_query.agreements(
                connection, party=party or None, limit=PAGE, offset=offset
            )
            total = agreements_query.count_agreements(connection, party=party or None)
        except query.QueryError as trouble:
            return problem(request, str(trouble), 400)
        return render(
            request,
            "agreements.html",
            agreements=found,
            party=party or "",
            paging=paging(request, offset, len(found), total, "agreements"),
        )

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles(
        request: Request,
        lang: str | None = None,
        offset: int = Query(0, ge=0, le=query.MAX_OFFSET),
        connection=Depends(database),
    ):
        try:
            lang = query.language_code(lang)
            found = article_query.articles(connection, limit=PAGE, offset=offset, lang=lang)
            total = article_query.count_articles(connection, lang=lang)
        except query.QueryError as trouble:
            return problem(request, str(trouble), 400)
        return render(
            request,
            "articles.html",
            articles=found,
            lang=lang,
            languages=article_query.languages(connection),
            paging=paging(request, offset, len(found), total, "articles"),
        )

    @app.get("/dyad/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad(
        request: Request,
        a: str,
        b: str,
        interval: str = Query("month", pattern="^(day|week|month)$"),
        since: str | None = Query(None, pattern=DAY),
        until: str | None = Query(None, pattern=DAY),
        offset: int = Query(0, ge=0, le=query.MAX_OFFSET),
        connection=Depends(database),
    ):
        span = {"since": since, "until": until}
        try:
            periods = dyad_query.dyad_timeline(connection, a, b, interval=interval, **span)
            a, b = query.country_code(a, "a"), query.country_code(b, "b")
        except query.QueryError as trouble:
            return problem(request, str(trouble), 400)
        pair = {"source": a, "target": b, "either_direction": True, **span}
        found = query.events(connection, limit=PAGE, offset=offset, **pair)
        listed = query.count_events(connection, **pair)
        ranked = [
            d
            for d in dyad_query.dyads(connection, country=a, limit=query.MAX_LIMIT, **span)
            if {d["a"], d["b"]} == {a, b}
        ]
        row = ranked[0] if ranked else {"events": 0, "a": a, "a_to_b": 0, "b_to_a": 0}
        a_to_b, b_to_a = (
            (row["a_to_b"], row["b_to_a"]) if row["a"] == a else (row["b_to_a"], row["a_to_b"])
        )
        deals = [
            d
            for d in agreements_query.agreements(connection, party=a, limit=1000)
            if b in d["parties"] and _within(d["date"], since, until)
        ]
        # A long span draws thin bars: the years with events, to look at one at a time.
        years = sorted({p["period"][:4] for p in periods if p["events"]})
        return render(
            request,
            "dyad.html",
            a=a,
            b=b,
            a_name=query.country_label(a),
            b_name=query.country_label(b),
            interval=interval,
            span=span,
            chart=timeline_chart(periods, interval),
            events=found,
            agreements=deals,
            counted=row["events"],
            a_to_b=a_to_b,
            b_to_a=b_to_a,
            uncounted=listed - row["events"],
            years=years if len(periods) > CHART_PERIODS and len(years) > 1 else [],
            paging=paging(request, offset, len(found), listed, "events"),
        )

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network(request: Request, connection=Depends(database)):
        return render(
            request,
            "network.html",
            **network_drawing(dyad_query.dyads(connection, limit=NETWORK_EDGES)),
        )

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article(
        request: Request,
        article_id: str,
        offset: int = Query(0, ge=0, le=query.MAX_OFFSET),
        connection=Depends(database),
    ):
        found = article_query.article(connection, article_id, limit=ARTICLE_PAGE, offset=offset)
        if found is None:
            return problem(request, "no such article", 404)
        shown = len(found["events"])
        return render(
            request,
            "article.html",
            article=found,
            pieces=evidence_pieces(found),
            headline=[
                e for e in found["events"] if (e.get("evidence") or {}).get("field") == "title"
            ],
            paging=paging(
                request, offset, shown, found["events_total"], "events", page=ARTICLE_PAGE
            ),
        )


def _within(day: str | None, since: str | None, until: str | None) -> bool:
    return not (since or until) or bool(day) and (since or "") <= day <= (until or "9999")


def paging(
    request: Request, offset: int, shown: int, total: int, what: str, page: int | None = None
) -> dict:
    """The pager of a list page: which rows are shown of how many, and the links to the
    pages before and after (the request's own filters kept)."""

    def link(to: int) -> str:
        url = request.url.include_query_params(offset=to)
        return f"{url.path}?{url.query}"

    page = page or PAGE
    return {
        "first": offset + 1 if shown else offset,
        "last": offset + shown,
        "total": total,
        "what": what,
        "previous": link(max(0, offset - page)) if offset else None,
        "next": link(offset + shown) if shown and offset + shown < total else None,
    }


def evidence_pieces(article: dict) -> list[dict]:
    """The clean text cut into pieces: plain text, and the sentences that are evidence of
    the events of the page shown. In such a sentence each event's trigger, source and
    target are marked, and each event gets a numbered reference that is the target of the
    links to it (``#e-<id>``) and links to its row (``#row-<id>``).

    The store keeps the words of the trigger and the actors, not their offsets, so they are
    found in the sentence as whole words, the first free occurrence of each."""
    text = article["text"]
    spans: dict[tuple[int, int], list[tuple[int, dict]]] = {}
    for number, event in enumerate(article["events"], 1):
        evidence = event.get("evidence") or {}
        if evidence.get("field") == "text" and evidence.get("start") is not None:
            spans.setdefault((evidence["start"], evidence["end"]), []).append((number, event))
    pieces, position = [], 0
    for (start, end), events in sorted(spans.items()):
        if start < position:  # overlapping evidence: its references join the earlier one
            pieces[-1]["refs"] += [_reference(n, e) for n, e in events]
            continue
        pieces.append({"text": text[position:start]})
        pieces.append(
            {
                "parts": _marked(text[start:end], [e for _, e in events]),
                "refs": [_reference(n, e) for n, e in events],
            }
        )
        position = end
    pieces.append({"text": text[position:]})
    return pieces


def _reference(number: int, event: dict) -> dict:
    label = (
        f"{(event['source'] or {}).get('code') or '?'} → "
        f"{(event['target'] or {}).get('code') or '-'}: {event['cameo']} {event['cameo_name']}"
    )
    return {"id": event["id"], "number": number, "label": label}


def _marked(sentence: str, events: list[dict]) -> list[dict]:
    """The sentence as parts, the triggers and actors of ``events`` marked with their role."""
    claimed: list[tuple[int, int, str]] = []
    for role in ("trigger", "source", "target"):
        for event in events:
            words = (
                event["evidence"].get("trigger")
                if role == "trigger"
                else (event.get(role) or {}).get("text")
            )
            if not words:
                continue
            for found in re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", sentence):
                if not any(
                    found.start() < end and start < found.end() for start, end, _ in claimed
                ):
                    claimed.append((found.start(), found.end(), role))
                    break
    parts, position = [], 0
    for start, end, role in sorted(claimed):
        parts.append({"text": sentence[position:start], "role": None})
        parts.append({"text": sentence[start:end], "role": role})
        position = end
    parts.append({"text": sentence[position:], "role": None})
    return [part for part in parts if part["text"]]
