"""Write communique/french/data/countries.tsv: every country's French name from the Unicode
CLDR (through Babel, which the lock pins), with the aliases and demonyms news uses.

CLDR gives the names ("États-Unis", "Côte d’Ivoire"); the aliases (spellings without
accents, older names) and the masculine singular demonyms below are ours. The loader
inflects a demonym (malien: malienne, maliens, maliennes).

    .venv/bin/python scripts/convert_cldr_french_countries.py
"""

from pathlib import Path

import pycountry
from babel import Locale

ALIASES = {
    "USA": "Etats-Unis|Amérique|USA",
    "CIV": "Côte d'Ivoire|Cote d'Ivoire",
    "COD": "RDC|RD Congo|République démocratique du Congo",
    "COG": "Congo",
    "KOR": "Corée|Séoul",
    "PSE": "Palestine|Autorité palestinienne",
    "CAF": "Centrafrique",
    "VAT": "Vatican|Saint-Siège",
    "ARE": "Emirats arabes unis|Emirats|Émirats",
    "MMR": "Birmanie",
    "GBR": "Grande-Bretagne|Angleterre",
    "NLD": "Hollande",
    "CZE": "République tchèque",
    "MKD": "Macédoine",
    "SWZ": "Swaziland",
    "TUR": "Turquie",
    "DEU": "RFA",
    "BIH": "Bosnie",
    "GNQ": "Guinée équatoriale",
    "CPV": "Cap-Vert",
    "STP": "Sao Tomé-et-Principe",
    "SYR": "Syrie",
    "IRN": "Iran",
    "EGY": "Egypte",
    "ERI": "Erythrée",
    "ETH": "Ethiopie",
    "EST": "Estonie",
    "ESP": "Espagne",
    "ECU": "Equateur",
    # the periphrases French copy uses for a country named just before
    "BLR": "Bélarus|Belarus",
    "ISR": "Etat hébreu|État hébreu",
    "LBN": "pays du Cèdre",
    "MAR": "royaume chérifien",
    "CHN": "empire du Milieu",
    "JPN": "pays du Soleil levant",
}

# Masculine singular; the loader inflects them.
DEMONYMS = {
    "AFG": "afghan",
    "ZAF": "sud-africain",
    "DZA": "algérien",
    "DEU": "allemand",
    "AGO": "angolais",
    "SAU": "saoudien",
    "ARG": "argentin",
    "ARM": "arménien",
    "AUS": "australien",
    "AUT": "autrichien",
    "AZE": "azerbaïdjanais",
    "BEL": "belge",
    "BEN": "béninois",
    "BLR": "biélorusse|bélarusse",
    "BRA": "brésilien",
    "BGR": "bulgare",
    "BFA": "burkinabè|burkinabé",
    "BDI": "burundais",
    "CMR": "camerounais",
    "CAN": "canadien",
    "CPV": "cap-verdien",
    "CAF": "centrafricain",
    "CHL": "chilien",
    "CHN": "chinois",
    "CYP": "chypriote",
    "COL": "colombien",
    "COM": "comorien",
    "COG": "congolais",
    "KOR": "sud-coréen",
    "PRK": "nord-coréen",
    "CIV": "ivoirien",
    "HRV": "croate",
    "CUB": "cubain",
    "DNK": "danois",
    "DJI": "djiboutien",
    "EGY": "égyptien",
    "ARE": "émirati",
    "ERI": "érythréen",
    "ESP": "espagnol",
    "EST": "estonien",
    "USA": "américain|étasunien",
    "ETH": "éthiopien",
    "FIN": "finlandais",
    "FRA": "français",
    "GAB": "gabonais",
    "GMB": "gambien",
    "GEO": "géorgien",
    "GHA": "ghanéen",
    "GRC": "grec",
    "GIN": "guinéen",
    "GNB": "bissau-guinéen",
    "GNQ": "équato-guinéen",
    "HUN": "hongrois",
    "IND": "indien",
    "IDN": "indonésien",
    "IRQ": "irakien",
    "IRN": "iranien",
    "IRL": "irlandais",
    "ISR": "israélien",
    "ITA": "italien",
    "JPN": "japonais",
    "JOR": "jordanien",
    "KAZ": "kazakh",
    "KEN": "kényan|kenyan",
    "XKX": "kosovar",
    "KWT": "koweïtien",
    "LBN": "libanais",
    "LBR": "libérien",
    "LBY": "libyen",
    "LTU": "lituanien",
    "LUX": "luxembourgeois",
    "MDG": "malgache",
    "MYS": "malaisien",
    "MWI": "malawite",
    "MLI": "malien",
    "MAR": "marocain",
    "MRT": "mauritanien",
    "MEX": "mexicain",
    "MOZ": "mozambicain",
    "NAM": "namibien",
    "NER": "nigérien",
    "NGA": "nigérian|nigerian",
    "NOR": "norvégien",
    "NZL": "néo-zélandais",
    "UGA": "ougandais",
    "UZB": "ouzbek",
    "PAK": "pakistanais",
    "PSE": "palestinien",
    "NLD": "néerlandais|hollandais",
    "PER": "péruvien",
    "PHL": "philippin",
    "POL": "polonais",
    "PRT": "portugais",
    "QAT": "qatari|qatarien",
    "ROU": "roumain",
    "GBR": "britannique|anglais",
    "RUS": "russe",
    "RWA": "rwandais",
    "SEN": "sénégalais",
    "SRB": "serbe",
    "SLE": "sierra-léonais",
    "SOM": "somalien",
    "SDN": "soudanais",
    "SSD": "sud-soudanais",
    "SWE": "suédois",
    "CHE": "suisse",
    "SYR": "syrien",
    "TZA": "tanzanien",
    "TCD": "tchadien",
    "CZE": "tchèque",
    "THA": "thaïlandais",
    "TGO": "togolais",
    "TUN": "tunisien",
    "TUR": "turc",
    "UKR": "ukrainien",
    "VEN": "vénézuélien",
    "VNM": "vietnamien",
    "YEM": "yéménite",
    "ZMB": "zambien",
    "ZWE": "zimbabwéen",
    "COD": "congolais",
    "SGP": "singapourien",
    "KGZ": "kirghize",
    "TJK": "tadjik",
    "TKM": "turkmène",
    "MNG": "mongol",
    "BGD": "bangladais",
    "LKA": "sri-lankais",
    "NPL": "népalais",
    "OMN": "omanais",
    "BHR": "bahreïni",
    "ISL": "islandais",
    "LVA": "letton",
    "SVK": "slovaque",
    "SVN": "slovène",
    "ALB": "albanais",
    "MDA": "moldave",
    "MKD": "macédonien",
    "BIH": "bosnien",
    "MNE": "monténégrin",
    "KHM": "cambodgien",
    "LAO": "laotien",
    "MMR": "birman",
    "BOL": "bolivien",
    "ECU": "équatorien",
    "PRY": "paraguayen",
    "URY": "uruguayen",
    "NIC": "nicaraguayen",
    "HTI": "haïtien",
    "DOM": "dominicain",
    "GTM": "guatémaltèque",
    "HND": "hondurien",
    "SLV": "salvadorien",
    "PAN": "panaméen",
    "CRI": "costaricien",
    "JAM": "jamaïcain",
    "BWA": "botswanais",
    "LSO": "lesothan",
    "SWZ": "swazi",
    "MUS": "mauricien",
    "SYC": "seychellois",
    "STP": "santoméen",
}
# Countries outside ISO 3166-1 that news names and the English gazetteer codes, with the
# code CLDR gives them: Kosovo (XK in CLDR, XKX as CAMEO and the World Bank write it).
NOT_IN_ISO = {"XKX": "XK"}

# Demonyms that also name another country's people are kept only where the news means one:
# "congolais" is said of both Congos, so neither gets it.
AMBIGUOUS = {"congolais"}


def main() -> None:
    territories = Locale("fr").territories
    rows = []
    codes = [(c.alpha_3, c.alpha_2) for c in pycountry.countries] + list(NOT_IN_ISO.items())
    for alpha_3, alpha_2 in sorted(codes):
        name = territories.get(alpha_2)
        if not name:
            continue
        aliases = ALIASES.get(alpha_3, "")
        names = [name.replace("’", "'")] if "’" in name else []
        aliases = "|".join(
            alias
            for alias in dict.fromkeys([*names, *filter(None, aliases.split("|"))])
            if alias.casefold() != name.casefold()
        )
        demonyms = "|".join(
            d for d in DEMONYMS.get(alpha_3, "").split("|") if d and d not in AMBIGUOUS
        )
        rows.append("\t".join([alpha_3, name, aliases, demonyms]))
    header = (
        "# Every country in French. iso3: ISO 3166-1 alpha-3, and XKX for Kosovo; name: its\n"
        "# French name from the Unicode CLDR (Babel); aliases: other names and spellings;\n"
        '# demonyms: masculine singular adjectives ("malien"), inflected by the loader; lists\n'
        "# separated by |.\n"
        "# Written by scripts/convert_cldr_french_countries.py; edit the script, not this file.\n"
        "iso3\tname\taliases\tdemonyms\n"
    )
    out = Path(__file__).resolve().parent.parent / "communique/french/data/countries.tsv"
    out.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} countries")


if __name__ == "__main__":
    main()
