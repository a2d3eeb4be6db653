"""The HTTP API over the query layer (FastAPI); OpenAPI at /openapi.json.

Read-only by default: every request opens the database read-only. ``POST /api/ingest``
exists only when a token is configured, and needs it as a bearer token, compared in
constant time; the coding runs in a worker process, one document at a time, so that reads
stay fast while a long document is coded.

Only requests whose Host header names an allowed host are answered (400 otherwise): a page
on a domain that an attacker re-points at 127.0.0.1 (DNS rebinding) would otherwise read the
API with the browser's help. An unexpected error answers a plain JSON 500 with the security
headers; its traceback goes to the server's log, never to the client.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.routing import APIRoute
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import agreements as agreements_query
from .. import articles as article_query
from .. import dyads as dyad_query
from .. import query
from ..errors import CommuniqueError
from ..store.db import connect
from .ingester import INGEST_WAIT_SECONDS, Ingester  # noqa: F401 - its wait, named here too

logger = logging.getLogger(__name__)

MAX_PAGE = 1_000
MAX_BODY_BYTES = 2_000_000
ARTICLE_EVENTS = 100  # events of an article per answer, unless asked for more (up to MAX_PAGE)
# Loopback names only: anything else (a LAN address, a domain) is added by whoever serves it.
DEFAULT_ALLOWED_HOSTS = ("127.0.0.1", "localhost", "[::1]")
# One document is coded at a time (ingester.py): a request that finds another being coded
# waits INGEST_WAIT_SECONDS for its turn, then gets 503 and is told to retry after this long.
INGEST_RETRY_AFTER = 30
_HOST_NAME = re.compile(r"[a-z0-9_-]+(\.[a-z0-9_-]+)*")
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
NAME = 60  # a country code or name
LANG = "A language, as an ISO 639-1 code such as fr"
DAY = r"^\d{4}-\d{2}-\d{2}$"


def host_pattern(value: str) -> str:
    """An allowed host as a Host header names it: lower case, an IPv6 address in brackets,
    no port (any port is allowed). ``*.example.org`` stands for its subdomains, ``*`` for any
    host. ValueError if it cannot be a host."""
    host = value.strip().lower()
    try:
        address = ipaddress.ip_address(host[1:-1] if host[:1] == "[" and host[-1:] == "]" else host)
    except ValueError:
        address = None
    if address is not None:
        return f"[{address.compressed}]" if address.version == 6 else str(address)
    name = host.removeprefix("*.")
    if host != "*" and not _HOST_NAME.fullmatch(name):
        raise ValueError(f"not a host name or address (and no port): {value!r}")
    return host


def paged(request: Request, response: Response, total: int, limit: int, offset: int) -> None:
    """The paging headers of a list: X-Total-Count, every match; Link, the next and previous
    pages (RFC 8288), so that a client can walk the list without counting."""
    response.headers["X-Total-Count"] = str(total)
    links = []
    if limit and offset + limit < total:
        links.append(f'<{request.url.include_query_params(offset=offset + limit)}>; rel="next"')
    if limit and offset:
        links.append(
            f'<{request.url.include_query_params(offset=max(0, offset - limit))}>; rel="prev"'
        )
    if links:
        response.headers["Link"] = ", ".join(links)


def known_parameters(request: Request) -> None:
    """Refuses a query parameter the endpoint does not take: a misspelt or unsupported filter
    (``?contry=IRN``) would otherwise be ignored and the whole table answered as if it
    were filtered."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.url.path.startswith("/api/"):
        return
    known, pending = set(), [route.dependant]
    while pending:  # the endpoint's own parameters and those of its dependencies
        dependant = pending.pop()
        known.update(param.alias for param in dependant.query_params)
        pending.extend(dependant.dependencies)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise HTTPException(
            400,
            f"unknown query parameter{'s' if len(unknown) > 1 else ''}: "
            f"{', '.join(unknown)}; {route.path} takes: "
            f"{', '.join(sorted(known)) or 'none'}",
        )


def _validation_message(error: RequestValidationError) -> str:
    """FastAPI's list of validation errors as one line: 'limit: Input should be ...'."""
    parts = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {problem.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def create_app(
    db_path: str | Path, token: str | None = None, allowed_hosts: Iterable[str] | None = None
) -> FastAPI:
    """The app over the database at ``db_path``. ``allowed_hosts``: the names and addresses
    a request's Host header may carry (None: this machine's loopback names); ``*.example.org``
    allows subdomains and ``*`` any host."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise FileNotFoundError(f"no database at {db_path}: make one with `communique ingest`")
    hosts = sorted(
        {
            host_pattern(h)
            for h in (DEFAULT_ALLOWED_HOSTS if allowed_hosts is None else allowed_hosts)
        }
    )
    ingester = Ingester(db_path) if token else None

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # The coder starts with the first ingest, not with the server: a server that only
        # answers reads never holds the model (its worker's start-up is a second or two,
        # its tables read back from the compiled cache: issue 17).
        yield
        if ingester is not None:
            ingester.close()

    # The interactive docs pages load their scripts from a CDN: left out, the pages work
    # offline; the OpenAPI description stays at /openapi.json.
    app = FastAPI(
        title="communique",
        summary="Political event data: events, dyads, agreements",
        version="1",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        dependencies=[Depends(known_parameters)],
    )
    # Added before the headers middleware, so it runs inside it: its 400 carries them too.
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts, www_redirect=False)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(Exception)
    async def internal_error(request: Request, error: Exception):
        # Runs outside the middleware above (Starlette's outermost layer), so the headers
        # are set here. The client learns nothing of the cause; the log has the traceback.
        logger.error("%s %s failed", request.method, request.url.path, exc_info=error)
        return JSONResponse({"detail": "internal error"}, status_code=500, headers=SECURITY_HEADERS)

    def database() -> Iterator:
        connection = connect(db_path, readonly=True)
        try:
            yield connection
        finally:
            connection.close()

    # One error shape across the API: {"detail": "a plain message"}, with "code" where the
    # error has one (an ingest's E-code).
    @app.exception_handler(query.QueryError)
    async def bad_query(request: Request, error: query.QueryError):
        return JSONResponse({"detail": str(error)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        return JSONResponse({"detail": _validation_message(error)}, status_code=422)

    @app.get("/api/events")
    def events(
        request: Request,
        response: Response,
        source: str | None = Query(None, max_length=NAME),
        target: str | None = Query(None, max_length=NAME),
        either_direction: bool = False,
        country: str | None = Query(None, max_length=NAME, description="A country on either side"),
        between_countries: bool = Query(
            False, description="Only events between two different known countries"
        ),
        cameo: str | None = Query(None, pattern=r"^\d{1,4}$"),
        quad: int | None = Query(None, ge=1, le=4),
        sector: str | None = Query(None, pattern=r"^[A-Za-z]{3}$"),
        modality: str | None = Query(None, pattern="^(" + "|".join(query.MODALITIES) + ")$"),
        negated: bool | None = None,
        actor: str | None = Query(None, max_length=100, description="Words of an actor's name"),
        since: str | None = Query(None, pattern=DAY),
        until: str | None = Query(None, pattern=DAY),
        q: str | None = Query(None, max_length=200),
        lang: str | None = Query(None, max_length=NAME, description=f"{LANG}: events told in it"),
        near: str | None = Query(None, max_length=NAME, description="lat,lon,km: within km"),
        bbox: str | None = Query(None, max_length=100, description="west,south,east,north"),
        limit: int = Query(100, ge=0, le=MAX_PAGE),
        offset: int = Query(0, ge=0, le=query.MAX_OFFSET),
        connection=Depends(database),
    ) -> list[dict]:
        """Events, newest first, with num_articles, num_sources and num_mentions. Countries
        may be given by code or by name; with lang, each event is shown with its first report
        in that language (evidence.lang). The X-Total-Count header counts every match; a Link
        header gives the next page."""
        filters = {
            "source": source,
            "target": target,
            "either_direction": either_direction,
            "country": country,
            "between_countries": between_countries,
            "cameo": cameo,
            "quad": quad,
            "sector": sector,
            "modality": modality,
            "negated": negated,
            "actor": actor,
            "since": since,
            "until": until,
            "q": q,
            "lang": lang,
            "near": near,
            "bbox": bbox,
        }
        found = query.events(connection, limit=limit, offset=offset, **filters)
        paged(request, response, query.count_events(connection, **filters), limit, offset)
        return found

    @app.get("/api/articles")
    def articles(
        request: Request,
        response: Response,
        lang: str | None = Query(None, max_length=NAME, description=f"{LANG}: articles in it"),
        limit: int = Query(100, ge=0, le=MAX_PAGE),
        offset: int = Query(0, ge=0, le=query.MAX_OFFSET),
        connection=Depends(database),
    ) -> list[dict]:
        """Stored articles (without their text), newest first, each with its language (null
        when not known) and its count of events; X-Total-Count and Link headers as for
        events."""
        found = article_query.articles(connection, limit=limit, offset=offset, lang=lang)
        paged(request, response, article_query.count_articles(connection, lang=lang), limit, offset)
        return found

    @app.get("/api/articles/{article_id}")
    def article(
        article_id: str,
        limit: int = Query(ARTICLE_EVENTS, ge=0, le=MAX_PAGE),
        offset: int = Query(0, ge=0, le=query.MAX_OFFSET),
        connection=Depends(database),
    ) -> dict:
        """One article: clean text, removed blocks, and a page of its events (newest first)
        with their spans; ``events_total`` counts them all."""
        found = article_query.article(connection, article_id, limit=limit, offset=offset)
        if found is None:
            raise HTTPException(404, "no such article")
        return found

    @app.get("/api/dyads")
    def dyads(
        request: Request,
        response: Response,
        since: str | None = Query(None, pattern=DAY),
        until: str | None = Query(None, pattern=DAY),
        country: str | None = Query(None, max_length=NAME),
        min_events: int = Query(1, ge=1, le=query.MAX_OFFSET),
        limit: int = Query(100, ge=0, le=MAX_PAGE),
        offset: int = Query(0, ge=0, le=query.MAX_OFFSET),
        connection=Depends(database),
    ) -> list[dict]:
        """Dyads ranked by events, both directions together (a_to_b and b_to_a split them);
        negated and hypothetical events are not counted."""
        ranked = dyad_query.dyads(
            connection,
            since=since,
            until=until,
            min_events=min_events,
            limit=limit,
            offset=offset,
            country=country,
        )
        paged(
            request,
            response,
            dyad_query.count_dyads(
                connection, since=since, until=until, min_events=min_events, country=country
            ),
            limit,
            offset,
        )
        return ranked

    @app.get("/api/dyads/{a}/{b}")
    def dyad(
        a: str,
        b: str,
        interval: str = Query("month", pattern="^(day|week|month)$"),
        either_direction: bool = True,
        since: str | None = Query(None, pattern=DAY),
        until: str | None = Query(None, pattern=DAY),
        connection=Depends(database),
    ) -> list[dict]:
        """The A-B timeline: events per QuadClass and the Goldstein sum per period, every
        period from the first to the last filled (zeros where nothing happened)."""
        return dyad_query.dyad_timeline(
            connection,
            a,
            b,
            interval=interval,
            either_direction=either_direction,
            since=since,
            until=until,
        )

    @app.get("/api/network")
    def network(
        since: str | None = Query(None, pattern=DAY),
        until: str | None = Query(None, pattern=DAY),
        min_events: int = Query(1, ge=1, le=query.MAX_OFFSET),
        limit: int = Query(500, ge=0, le=MAX_PAGE),
        connection=Depends(database),
    ) -> list[dict]:
        """The actor network: one edge per dyad, weighted by its events in both directions
        (the rows of /api/dyads)."""
        return dyad_query.dyads(
            connection, since=since, until=until, min_events=min_events, limit=limit
        )

    @app.get("/api/agreements")
    def agreements(
        request: Request,
        response: Response,
        party: str | None = Query(None, max_length=NAME),
        topic: str | None = Query(None, max_length=50),
        limit: int = Query(100, ge=0, le=MAX_PAGE),
        offset: int = Query(0, ge=0, le=query.MAX_OFFSET),
        connection=Depends(database),
    ) -> list[dict]:
        """Agreements by party and topic, newest first; X-Total-Count and Link headers."""
        found = agreements_query.agreements(
            connection, party=party, topic=topic, limit=limit, offset=offset
        )
        paged(
            request,
            response,
            agreements_query.count_agreements(connection, party=party, topic=topic),
            limit,
            offset,
        )
        return found

    from .pages import add_pages

    add_pages(app, database)

    if ingester is not None:

        @app.post("/api/ingest", status_code=201)
        async def ingest(request: Request, authorization: str = Header("")) -> dict:
            """Code and store one text or HTML document (the request body).

            One document is coded at a time, in a worker process, while reads go on. A
            request that finds another document being coded waits up to 10 s for its turn,
            then gets 503 with a Retry-After header (seconds) and may send it again.
            """
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
            if not await ingester.take_turn():
                raise HTTPException(
                    503,
                    "another document is being coded; try again later",
                    headers={"Retry-After": str(INGEST_RETRY_AFTER)},
                )
            try:
                # A thread of the server only waits for the worker process and writes the
                # store, so the event loop keeps answering meanwhile.
                report = await anyio.to_thread.run_sync(
                    ingester.code, body, request.headers.get("content-type", "")
                )
            except CommuniqueError as error:  # the database as a whole (read-only, not one)
                logger.error("ingest failed: %s", error)
                # The class's own message: the instance's names server paths.
                return JSONResponse(
                    {"detail": type(error).message, "code": error.code}, status_code=503
                )
            finally:
                ingester.end_turn()
            if report.failed:
                record = report.failed[0].error.record()
                return JSONResponse(
                    {"detail": record.get("message"), "code": record.get("code")}, status_code=422
                )
            return {"articles": report.articles, "events": report.events, "skipped": report.skipped}

    return app
