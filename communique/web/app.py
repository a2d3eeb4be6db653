"""The HTTP API over the query layer (FastAPI); OpenAPI at /openapi.json.

Read-only by default: every request opens the database read-only. ``POST /api/ingest``
exists only when a token is configured, and needs it as a bearer token, compared in
constant time.
"""
from __future__ import annotations

import hmac
import logging
from collections.abc import Iterator
from pathlib import Path

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from .. import query
from ..store.db import connect

logger = logging.getLogger(__name__)

MAX_PAGE = 1_000
MAX_BODY_BYTES = 2_000_000
# Sent with every response. The pages have no script and no inline style, so the policy
# allows nothing but the project's own stylesheet (and SVG drawn inline).
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
COUNTRY = r"^[A-Za-z]{3}$"
DAY = r"^\d{4}-\d{2}-\d{2}$"


def create_app(db_path: str | Path, token: str | None = None) -> FastAPI:
    db_path = Path(db_path)
    if not db_path.is_file():
        raise FileNotFoundError(f"no database at {db_path}: make one with `communique ingest`")
    # The interactive docs pages load their scripts from a CDN: left out, the pages work
    # offline; the OpenAPI description stays at /openapi.json.
    app = FastAPI(title="communique", summary="Political event data: events, dyads, agreements",
                  version="1", docs_url=None, redoc_url=None)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    def database() -> Iterator:
        connection = connect(db_path, readonly=True)
        try:
            yield connection
        finally:
            connection.close()

    @app.exception_handler(query.QueryError)
    async def bad_query(request: Request, error: query.QueryError):
        return JSONResponse({"detail": str(error)}, status_code=400)

    @app.get("/api/events")
    def events(source: str | None = Query(None, pattern=COUNTRY),
               target: str | None = Query(None, pattern=COUNTRY),
               either_direction: bool = False,
               cameo: str | None = Query(None, pattern=r"^\d{1,4}$"),
               quad: int | None = Query(None, ge=1, le=4),
               since: str | None = Query(None, pattern=DAY),
               until: str | None = Query(None, pattern=DAY),
               q: str | None = Query(None, max_length=200),
               limit: int = Query(100, ge=0, le=MAX_PAGE), offset: int = Query(0, ge=0, le=query.MAX_OFFSET),
               connection=Depends(database)) -> list[dict]:
        """Events, newest first, with num_articles, num_sources and num_mentions."""
        return query.events(connection, source=source, target=target,
                            either_direction=either_direction, cameo=cameo, quad=quad,
                            since=since, until=until, q=q, limit=limit, offset=offset)

    @app.get("/api/articles")
    def articles(limit: int = Query(100, ge=0, le=MAX_PAGE), offset: int = Query(0, ge=0, le=query.MAX_OFFSET),
                 connection=Depends(database)) -> list[dict]:
        """Stored articles (without their text), newest first."""
        rows = connection.execute(
            "SELECT id, path, url, title, date, source, duplicate_of FROM articles "
            "ORDER BY date DESC, id LIMIT ? OFFSET ?", (limit, offset)).fetchall()
        return [dict(row) for row in rows]

    @app.get("/api/articles/{article_id}")
    def article(article_id: str, connection=Depends(database)) -> dict:
        """One article: clean text, removed blocks, and its events with their spans."""
        found = query.article(connection, article_id)
        if found is None:
            raise HTTPException(404, "no such article")
        return found

    @app.get("/api/dyads/{a}/{b}")
    def dyad(a: str, b: str, interval: str = Query("month", pattern="^(day|week|month)$"),
             either_direction: bool = True, connection=Depends(database)) -> list[dict]:
        """The A-B timeline: events per QuadClass and the Goldstein sum per period."""
        return query.dyad_timeline(connection, a, b, interval=interval,
                                   either_direction=either_direction)

    @app.get("/api/network")
    def network(since: str | None = Query(None, pattern=DAY),
                until: str | None = Query(None, pattern=DAY),
                min_events: int = Query(1, ge=1, le=query.MAX_OFFSET), limit: int = Query(500, ge=0, le=MAX_PAGE),
                connection=Depends(database)) -> list[dict]:
        """The actor network: weighted edges between countries."""
        return query.network(connection, since=since, until=until, min_events=min_events,
                             limit=limit)

    @app.get("/api/agreements")
    def agreements(party: str | None = Query(None, pattern=COUNTRY),
                   topic: str | None = Query(None, max_length=50),
                   limit: int = Query(100, ge=0, le=MAX_PAGE), offset: int = Query(0, ge=0, le=query.MAX_OFFSET),
                   connection=Depends(database)) -> list[dict]:
        """Agreements by party and topic."""
        return query.agreements(connection, party=party, topic=topic, limit=limit, offset=offset)

    from .pages import add_pages

    add_pages(app, database)

    if token:
        @app.post("/api/ingest", status_code=201)
        async def ingest(request: Request, authorization: str = Header("")) -> dict:
            """Code and store one text or HTML document (the request body)."""
            expected = f"Bearer {token}".encode()
            if not hmac.compare_digest(authorization.encode(), expected):
                raise HTTPException(401, "a valid bearer token is needed")
            declared = request.headers.get("content-length", "0")
            if not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
                raise HTTPException(413, "the document is too large")
            body = b""
            async for chunk in request.stream():  # counted as it comes, whatever was declared
                body += chunk
                if len(body) > MAX_BODY_BYTES:
                    raise HTTPException(413, "the document is too large")
            return _ingest_body(db_path, body, request.headers.get("content-type", ""))

    return app


def _ingest_body(db_path: Path, body: bytes, content_type: str) -> dict:
    from ..config import Settings
    from ..model import HTML, TEXT, Document
    from ..store.ingest import ingest

    media = HTML if "html" in content_type else TEXT
    document = Document(id="posted", path=None, content=body, media_type=media)
    report = ingest([document], db_path, Settings(dedupe=False))
    if report.failed:
        error = report.failed[0].error
        raise HTTPException(422, {"code": error.code, "message": str(error)})
    return {"articles": report.articles, "events": report.events, "skipped": report.skipped}
