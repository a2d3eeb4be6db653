"""Convert the person entries of the Phoenix country actor dictionary to leaders.tsv rows.

Source: ``Phoenix.Countries.actors.txt`` from the PETRARCH2 / Phoenix dictionaries,
Copyright (c) 2014 Open Event Data Alliance, MIT License (generated from CountryInfo.140130.txt
by the Computational Event Data System Project). The file stops in early 2014 (a handful of
entries were hand-edited up to 2015).

Usage::

    python scripts/convert_phoenix_leaders.py PATH/Phoenix.Countries.actors.txt > rows.tsv
    python scripts/convert_phoenix_leaders.py PATH/Phoenix.Countries.actors.txt -o rows.tsv --header

Output columns (tab-separated, no header unless ``--header``)::

    name  iso3  sectors  role  start  end  aliases  source

What the conversion does
------------------------
* Blocks.  A block is a run of name lines (``NAME_``, ``+ALIAS_``) followed by its code lines
  (``\\t[RUSGOV 991231-080507]``).  Consecutive un-coded name lines share the next code lines, as
  in TABARI.  A name line carrying its own inline code (``ALBANIA_  [ALB]``) is a country or
  institution entry and ends its block.
* Persons.  A block is a person when it has at least one dated code with a sector and its
  first name does not contain an institution word (ASSEMBLY, PARTY, ARMY ...).  Single-word
  names are dropped (many are garbled CountryInfo abbreviations such as ``MAUTCHUENTE_``) except
  for the known mononyms in ``MONONYMS``.
* Periods.  One row per code line with a date range (``YYMMDD-YYMMDD``, or 8-digit years), an
  open start (``>YYMMDD``), or a single bare date (read as an open start).  ``<YYMMDD`` (until)
  and undated (default) codes are skipped.  Two-digit years pivot at 26: 00-25 -> 20xx,
  26-99 -> 19xx; a range whose pivoted start falls after its end gets its start moved back a
  century.  Unparseable dates are skipped with a warning on stderr.
* Codes.  ``RUSGOV`` -> iso3 RUS, sectors GOV; ``GBRVGBGOV`` (a territory under its parent) ->
  VGB; ``IMY`` -> IMN; ``KSV`` -> XKX; ``TMP`` -> TLS; ``IGO...`` -> iso3 IGO, sectors IGO.
  ``MUS`` becomes REL.
  Rows whose country is not a current ISO 3166-1 code (East Germany ``DDR``, the fictional
  ``KNT`` test country, ...) are dropped.  ``role`` is always empty.
* Names.  ``VLADIMIR_PUTIN_`` -> ``Vladimir Putin``; particles (al, bin, ibn, de, van ...)
  lowercase except as the first word; ``MC`` and ``O'`` prefixes, Roman numerals and initials
  are handled; leading honorifics (Sir, Dame, Sheikh, Prince ...) are removed when at least two
  words remain; quoted nicknames and "(ACTING" notes are cut; a name still holding an office
  word ("ACTING_MINISTER_ABDUL_RAHIM_", "MR._TSANG_") is dropped with a warning.
* Aliases.  Every other name line of the block, converted the same way; dropped when it
  contains a title or a nationality word (``PRESIDENT_PUTIN_``, ``RUSSIAN_PRESIDENT_...``),
  when it has a comma or parenthesis, or when it is a single word that is not the surname of
  the name or of another kept alias.
* Order.  Rows are sorted by iso3, start, name, end, sectors; exact duplicates are merged.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import sys
from typing import Iterable

import pycountry

SOURCE = "phoenix-2014"
HEADER = ["name", "iso3", "sectors", "role", "start", "end", "aliases", "source"]

# CAMEO sector codes kept on a period (MUS, a religion code, is folded into REL).
SECTORS = {
    "GOV",
    "MIL",
    "LEG",
    "JUD",
    "ELI",
    "BUS",
    "MED",
    "CVL",
    "OPP",
    "REB",
    "COP",
    "SPY",
    "EDU",
    "REL",
    "LAB",
    "AGR",
    "HLH",
    "REF",
    "PTY",
    "CRM",
    "UAF",
    "NGO",
    "IGO",
    "DEV",
    "ENV",
    "HRI",
}
SECTOR_MAP = {"MUS": "REL", "INS": "REB"}
# CAMEO/Phoenix country codes that differ from ISO 3166-1 alpha-3 (or the code used here).
COUNTRY_MAP = {"IMY": "IMN", "KSV": "XKX", "TMP": "TLS"}
EXTRA_COUNTRIES = {"IGO", "XKX"}

# A first name containing one of these words is an institution, not a person.
INSTITUTION_WORDS = {
    "ADMINISTRATION",
    "AGENCY",
    "ARMY",
    "ASSEMBLY",
    "AUTHORITY",
    "BRIGADE",
    "BUREAU",
    "COALITION",
    "COMMITTEE",
    "CONGRESS",
    "COUNCIL",
    "COURT",
    "FORCE",
    "FORCES",
    "FRONT",
    "GOVERNMENT",
    "JAISH",
    "JAYSH",
    "KINGDOM",
    "LEAGUE",
    "MINISTRY",
    "MOVEMENT",
    "OBSERVATORY",
    "OFFICE",
    "ORGANIZATION",
    "ORGANISATION",
    "PARLIAMENT",
    "PARTY",
    "POLITBURO",
    "REPUBLIC",
    "SECRETARY",
    "SENATE",
    "SFSR",
    "SOVIET",
    "STATE",
    "TASK",
    "UNION",
    "VOLKSKAMMER",
}

# A name still containing one of these words after honorifics are removed is a garbled entry
# ("ACTING_MINISTER_ABDUL_RAHIM_", "MR._TSANG_") and is dropped.
GARBLED_NAME_WORDS = {
    "ACTING",
    "AND",
    "CHARGE",
    "FOR",
    "MINISTER",
    "MR",
    "MR.",
    "MRS",
    "MRS.",
    "OF",
    "PRESIDENT",
    "SECRETARY",
    "THE",
}

# Single-word names kept: real mononyms (Indonesian names, Japanese emperors, Tongan noble
# titles used as names, a few very well-known rulers).  Other single words in the file are
# mostly garbled first-name abbreviations glued to a surname.
MONONYMS = {
    "AKIHITO",
    "FAHD",
    "FIELAKEPA",
    "HIROHITO",
    "KHODAIDAD",
    "MARDIYANTO",
    "RAFSANJANI",
    "SUGIHARTO",
    "SUHARTO",
    "TUIPELEHAKE",
    "TUIVAKANO",
}

# Leading honorifics removed from a name when at least two words remain.
HONORIFICS = {
    "AYATOLLAH",
    "CHIEF",
    "DAME",
    "DR",
    "DR.",
    "GEN.",
    "GENERAL",
    "HOJATOLISLAM",
    "HOJJATOLESLAM",
    "KING",
    "LORD",
    "MAJOR",
    "MULLAH",
    "PRINCE",
    "PRINCESS",
    "QUEEN",
    "SHAIKH",
    "SHEIKH",
    "SIR",
}

# An alias containing one of these words carries a title, an office or a qualifier.
TITLE_WORDS = {
    "ADMIRAL",
    "ADMINISTRATION",
    "AMBASSADOR",
    "ASSEMBLY",
    "AYATOLLAH",
    "BARON",
    "BARONESS",
    "BUNDESKANZLER",
    "CAPT.",
    "CAPTAIN",
    "CHAIRMAN",
    "CHANCELLOR",
    "CHIEF",
    "CIA",
    "COL.",
    "COLONEL",
    "COMMANDER",
    "COMMITTEE",
    "CONGRESSMAN",
    "CONGRESSWOMAN",
    "COUNCIL",
    "COUNTRY",
    "DAME",
    "DEFENCE",
    "DEFENSE",
    "DEPUTY",
    "DIRECTOR",
    "DR",
    "DR.",
    "EMIR",
    "EX",
    "FORMER",
    "FOREIGN",
    "GEN",
    "GEN.",
    "GENERAL",
    "GOV",
    "GOV.",
    "GOVERNMENT",
    "GOVERNOR",
    "HOJATOLISLAM",
    "HOJJATOLESLAM",
    "HOUSE",
    "JUDGE",
    "JUSTICE",
    "KANZLER",
    "KING",
    "LEADER",
    "LORD",
    "LT.",
    "MAJ.",
    "MARSHAL",
    "MAYOR",
    "MINISTER",
    "MINISTRY",
    "MR",
    "MR.",
    "MRS",
    "MRS.",
    "MS",
    "MS.",
    "MULLAH",
    "PARTY",
    "PM",
    "PREMIER",
    "PRESIDENT",
    "PRESIDENT-ELECT",
    "PRESIDIUM",
    "PRIME",
    "PRINCE",
    "PRINCESS",
    "QUEEN",
    "REPRESENTATIVE",
    "REPUBLIC",
    "SECRETARY",
    "SECRETATY",
    "SENATOR",
    "SHAIKH",
    "SHEIKH",
    "SIR",
    "SPEAKER",
    "STATE",
    "SULTAN",
    "SUPREME",
    "UNDER",
    "VICE",
    "VICE-PRESIDENT",
    "VISCOUNT",
    # nationality qualifiers ("RUSSIAN_PRESIDENT_VLADIMIR_PUTIN"); a fixed list, because the
    # country entries' aliases include cities and words that are also given names (MILAN, GERMAN)
    "AFGHAN",
    "AMERICAN",
    "BRITISH",
    "CHINESE",
    "COMMUNIST",
    "EGYPTIAN",
    "ENGLISH",
    "FRENCH",
    "IRANIAN",
    "IRAQI",
    "ISRAELI",
    "JAPANESE",
    "JORDANIAN",
    "KOREAN",
    "LEBANESE",
    "LIBYAN",
    "PAKISTANI",
    "PALESTINIAN",
    "RUSSIAN",
    "SOVIET",
    "SYRIAN",
    "TURKISH",
    "U.N.",
    "U.S.",
    "UKRAINIAN",
    "UN",
    "US",
    "YEMENI",
}

# Name particles written lowercase unless they open the name.
PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "ibni",
    "bint",
    "binti",
    "de",
    "da",
    "das",
    "dos",
    "do",
    "del",
    "van",
    "von",
    "der",
    "den",
    "ter",
    "y",
}
ROMAN = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"}
SUFFIXES = {"JR.": "Jr.", "JR": "Jr.", "SR.": "Sr.", "SR": "Sr."}

CODE_RE = re.compile(r"^\[\s*([A-Z]*)\s*(.*?)\s*\]")
WORD_SPLIT = re.compile(r"[_\s]+")
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def warn(msg: str) -> None:
    print(f"convert_phoenix_leaders: {msg}", file=sys.stderr)


# --------------------------------------------------------------------------- reading


def read_lines(path: str) -> list[str]:
    """The file mixes UTF-8 and Latin-1 lines: decode each line on its own."""
    out = []
    with open(path, "rb") as fh:
        for raw in fh:
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = raw.decode("latin-1")
            out.append(line.rstrip("\r\n"))
    return out


def parse_blocks(lines: Iterable[str]) -> list[dict]:
    blocks: list[dict] = []
    cur: dict | None = None
    for lineno, line in enumerate(lines, 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if line[0] in " \t" and s.startswith("["):
            if cur is not None:
                cur["codes"].append(s.split("#")[0].strip())
            continue
        body = s.split("#")[0].strip()
        if not body:
            continue
        inline = bool(re.search(r"\[[^\]]*\]", body))
        plus = body.startswith("+")
        if cur is None or cur["codes"] or (cur["inline"] and not plus):
            cur = {"line": lineno, "names": [], "codes": [], "inline": inline}
            blocks.append(cur)
        cur["names"].append(body)
    return blocks


def raw_words(name: str) -> list[str]:
    name = name.lstrip("+").split("[")[0]
    name = CONTROL_RE.sub("", name).replace("`", "'").replace("_.", "._")
    words = [w for w in WORD_SPLIT.split(name.strip(" _")) if w]
    # quoted nicknames (MANUEL_HELDER_DIAS_"KOPELIPA"_) and a stray "A.K.A." are not name words
    return [w for w in words if not w.startswith('"') and w.upper() != "A.K.A."]


# --------------------------------------------------------------------------- codes and dates


def valid_country(code: str) -> bool:
    return code in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


def parse_code(code: str) -> tuple[str, list[str]] | None:
    """``RUSGOV`` -> ("RUS", ["GOV"]); territory and IGO handling; None if no sector."""
    if len(code) < 3:
        return None
    country = COUNTRY_MAP.get(code[:3], code[:3])
    chunks = [code[i : i + 3] for i in range(3, len(code), 3)]
    if country == "IGO":
        return ("IGO", ["IGO"]) if chunks else None
    sectors: list[str] = []
    for pos, chunk in enumerate(chunks):
        chunk = SECTOR_MAP.get(chunk, chunk)
        if chunk in SECTORS:
            if chunk not in sectors:
                sectors.append(chunk)
        elif pos == 0 and not sectors:
            # a territory under its parent (GBRVGB, USAPRI, DNKFRO, SDNSSD ...)
            terr = COUNTRY_MAP.get(chunk, chunk)
            if valid_country(terr):
                country = terr
            # otherwise a non-sector qualifier (UNR, OCC, AUT ...): ignore
    if not sectors:
        return None
    return country, sectors


def parse_date(tok: str) -> tuple[_dt.date, bool] | None:
    """YYMMDD (pivot 26) or YYYYMMDD -> (date, was_two_digit)."""
    tok = tok.strip()
    try:
        if re.fullmatch(r"\d{8}", tok):
            return _dt.date(int(tok[:4]), int(tok[4:6]), int(tok[6:])), False
        if re.fullmatch(r"\d{6}", tok):
            yy = int(tok[:2])
            year = 2000 + yy if yy <= 25 else 1900 + yy
            return _dt.date(year, int(tok[2:4]), int(tok[4:])), True
    except ValueError:
        return None
    return None


def parse_period(spec: str) -> tuple[str, str] | None | str:
    """Return (start, end) ISO strings, None to skip silently, or an error string."""
    spec = spec.replace(" ", "")
    if not spec or spec.startswith("<"):
        return None
    if spec.startswith(">"):
        d = parse_date(spec[1:])
        return (d[0].isoformat(), "") if d else f"bad date {spec!r}"
    if "-" in spec:
        a, _, b = spec.partition("-")
        da, db = parse_date(a), parse_date(b)
        if not da or not db:
            return f"bad date {spec!r}"
        start, end = da[0], db[0]
        if start > end and da[1]:
            start = start.replace(year=start.year - 100)
        if start > end:
            return f"start after end {spec!r}"
        return start.isoformat(), end.isoformat()
    d = parse_date(spec)  # a single bare date: read as the start of an open period
    return (d[0].isoformat(), "") if d else f"bad date {spec!r}"


# --------------------------------------------------------------------------- names


def _case_part(part: str, first: bool, last: bool = False) -> str:
    if not part:
        return part
    up = part.upper()
    if up in ROMAN and last and not first:  # Elizabeth II, but Xi Jinping
        return up
    if up in SUFFIXES:
        return SUFFIXES[up]
    low = part.lower()
    if not first and low in PARTICLES:
        return low
    if re.fullmatch(r"[A-Z]\.?|(?:[A-Z]\.)+", up):  # initials: A, A., A.F.M.
        return up
    m = re.fullmatch(r"([A-Za-z])'(\w.*)", part)
    if m:  # O'Brien, D'Alema / d'Estaing
        head = m.group(1).upper()
        if not first and head in ("D", "L"):
            head = head.lower()
        return f"{head}'{m.group(2)[:1].upper()}{m.group(2)[1:].lower()}"
    m = re.fullmatch(r"MC([A-Z]{2,})", up)
    if m and part.isupper():
        return "Mc" + m.group(1)[:1] + m.group(1)[1:].lower()
    if part.startswith("'"):
        return "'" + part[1:2].upper() + part[2:].lower()
    # dots inside a word (St.) and everything else: capitalise the first letter
    return low[:1].upper() + low[1:]


def normal_case(words: list[str]) -> str:
    out = []
    for i, word in enumerate(words):
        parts = word.split("-")
        last = i == len(words) - 1 or all(w.upper() in SUFFIXES for w in words[i + 1 :])
        cased = [_case_part(p, first=(i == 0 and j == 0), last=last) for j, p in enumerate(parts)]
        out.append("-".join(cased))
    return " ".join(out)


def clean_name_words(words: list[str], primary: bool) -> list[str] | None:
    """Handle commas (``X, JR.`` kept, ``X, BARON_Y`` cut for the name) and honorifics."""
    joined = " ".join(words)
    if "(" in joined or ")" in joined:
        if not primary:
            return None
        joined = joined.split("(")[0]  # "STANKO_TODOROV (ACTING_" -> "STANKO_TODOROV"
        words = joined.split()
    if "," in joined:
        head, _, tail = joined.partition(",")
        tail_words = tail.split()
        if tail_words and all(t.upper() in SUFFIXES or t.upper() in ROMAN for t in tail_words):
            words = head.split() + tail_words
        elif primary:
            words = head.split()
        else:
            return None
    if primary:
        while len(words) > 2 and words[0].upper() in HONORIFICS:
            words = words[1:]
    return words


def is_title_alias(words: list[str]) -> bool:
    for w in words:
        up = w.upper().strip(",")
        if up in TITLE_WORDS:
            return True
        if up.startswith("EX-") or up.startswith("VICE-"):
            return True
    return False


# --------------------------------------------------------------------------- main conversion


def convert(path: str) -> list[list[str]]:
    blocks = parse_blocks(read_lines(path))
    rows: dict[tuple, list[str]] = {}
    skipped_country: dict[str, int] = {}
    for b in blocks:
        if b["inline"] or not b["codes"]:
            continue
        periods = []
        for c in b["codes"]:
            m = CODE_RE.match(c)
            if not m:
                warn(f"line {b['line']}: unreadable code {c!r}")
                continue
            code = parse_code(m.group(1))
            if code is None:
                continue
            per = parse_period(m.group(2))
            if per is None:
                continue
            if isinstance(per, str):
                warn(f"block at line {b['line']} ({b['names'][0]}): {per}, skipped")
                continue
            periods.append((code, per))
        if not periods:
            continue
        first = raw_words(b["names"][0])
        if any(w.upper() in INSTITUTION_WORDS for w in first):
            continue
        words = clean_name_words(first, primary=True)
        if not words:
            warn(f"line {b['line']}: unusable name {b['names'][0]!r}")
            continue
        if len(words) == 1 and words[0].upper() not in MONONYMS:
            continue
        if any(w.upper() in GARBLED_NAME_WORDS for w in words):
            warn(f"line {b['line']}: garbled name {b['names'][0]!r}, skipped")
            continue
        name = normal_case(words)
        aliases = aliases_for(name, b["names"][1:])
        for (country, sectors), (start, end) in periods:
            if not valid_country(country):
                skipped_country[country] = skipped_country.get(country, 0) + 1
                continue
            sec = " ".join(sectors)
            key = (name, country, sec, start, end)
            if key in rows:
                have = rows[key][6].split("|") if rows[key][6] else []
                for a in aliases:
                    if a not in have:
                        have.append(a)
                rows[key][6] = "|".join(have)
            else:
                rows[key] = [name, country, sec, "", start, end, "|".join(aliases), SOURCE]
    for country, n in sorted(skipped_country.items()):
        warn(f"{n} period(s) with non-ISO country {country} dropped")
    return sorted(rows.values(), key=sort_key)


def aliases_for(name: str, others: list[str]) -> list[str]:
    multi: list[str] = []
    single: list[str] = []
    seen = {name.casefold()}
    for raw in others:
        words = raw_words(raw)
        if not words:
            continue
        words = clean_name_words(words, primary=False)
        if not words or is_title_alias(words):
            continue
        alias = normal_case(words)
        if alias.casefold() in seen:
            continue
        seen.add(alias.casefold())
        (single if len(words) == 1 else multi).append(alias)
    surnames = {n.split()[-1].casefold() for n in [name, *multi]}
    return multi + [s for s in single if s.casefold() in surnames]


def sort_key(row: list[str]) -> tuple:
    """Shared with the leaders.tsv build: iso3, start, name, then the rest."""
    name, iso3, sectors, role, start, end, aliases, source = row
    return (iso3, start, name, end, sectors, role, source, aliases)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("phoenix_file", help="path to Phoenix.Countries.actors.txt")
    ap.add_argument("-o", "--output", help="write here instead of stdout")
    ap.add_argument("--header", action="store_true", help="write the TSV header line first")
    args = ap.parse_args(argv)
    rows = convert(args.phoenix_file)
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        if args.header:
            out.write("\t".join(HEADER) + "\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    finally:
        if args.output:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
