"""Write communique/web/data/countries.tsv: the outline of each country of Natural Earth's
1:110m admin-0 countries (public domain) as an SVG path on the /map page's projection.

The projection is equirectangular (plate carrée): x = (lon + 180) * SCALE, y = (90 - lat) *
SCALE, on a 1000 x 500 plane (communique/web/world_map.py draws on it). Points are rounded
to 0.1 unit (0.036 degree, about 4 km, under a pixel at any size the page is shown) and a
point that rounds onto the one before is dropped: the file is a third of the GeoJSON's size
and no outline changes visibly. Antarctica is left out (no news is coded there, and it would
take a fifth of the map).

    python scripts/build_map_outlines.py ../shared/data/maps/ne_110m_admin_0_countries.geojson
"""

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "communique" / "web" / "data" / "countries.tsv"
SCALE = 1000 / 360


def _ring(ring: list) -> str:
    points = []
    for lon, lat in ring:
        point = (round((lon + 180) * SCALE, 1), round((90 - lat) * SCALE, 1))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) < 3:
        return ""
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in points) + "Z"


def main(path: str) -> None:
    features = json.loads(Path(path).read_text(encoding="utf-8"))["features"]
    rows = []
    for feature in features:
        props = feature["properties"]
        # ISO_A3 is -99 for France and Norway at this scale (overseas parts); ADM0_A3 is right
        code = props["ISO_A3_EH"] if props["ISO_A3_EH"] != "-99" else props["ADM0_A3"]
        if code == "ATA":
            continue
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        outline = "".join(_ring(ring) for polygon in polygons for ring in polygon)
        rows.append((code, props["NAME"], outline))
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write(
            "# Country outlines for the /map page: Natural Earth 1:110m admin-0 countries\n"
            "# (public domain, naturalearthdata.com), as SVG paths on a 1000 x 500\n"
            "# equirectangular plane. Written by scripts/build_map_outlines.py.\n"
            "iso3\tname\tpath\n"
        )
        for code, name, outline in sorted(rows):
            out.write(f"{code}\t{name}\t{outline}\n")


if __name__ == "__main__":
    main(sys.argv[1])
