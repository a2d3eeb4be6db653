"""Plain-text cleaning: title, datelines and source tags, repeats and boilerplate.

The rules are general, in the spirit of the C4, Gopher and RefinedWeb line filters and of
trafilatura: paragraphs are rebuilt from hard-wrapped lines, then judged by their shape
(sentence punctuation, length, list markers), by known boilerplate phrases (data files in
``ingest/data``) and by repetition. Boilerplate is trimmed from both edges of the text;
inside the body only unambiguous blocks go. Every removed block is reported with its kind.
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from dataclasses import dataclass, field

from ..model import RemovedBlock
from .rules import boilerplate_rules, dateline_rules, run_on_words, wire_case

logger = logging.getLogger(__name__)

WORD = re.compile(r"\w+")
# Ends like a sentence: . ! ? or an ellipsis, maybe followed by closing quotes or brackets.
TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-–•*·▪►>]|\d{1,2}[.)])\s+\S")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A character reference with its semicolon: "&#233;", "&#xE9;", "&eacute;" ("AT&T" is none).
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# a double quote written for the apostrophe of a possessive: a letter before it, "s" and the
# end of the word after it (a closing quote never runs into an "s")
QUOTED_POSSESSIVE = re.compile(r'(?<=[^\W\d_])"(?=s\b)')
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

MAX_TITLE_CHARS = 250
MAX_TITLE_WORDS = 30
# A line this long is prose whatever its punctuation; the shape rules are for short lines.
SHORT_LINE_WORDS = 15
LINK_RUN = 3
# Short lines repeat in real articles (interview questions, refrains); long ones only by mistake.
MIN_REPEAT_WORDS = 8
# Bounds the text a phrase rule scans: one 3 MB "word" is not a short boilerplate line.
MAX_WORD_CHARS = 40


@dataclass
class Paragraph:
    text: str
    kind: str | None = None  # why it is removed; None while kept
    words: int = 0
    prose: bool = False
    list_item: bool = False

    def __post_init__(self):
        self.words = len(WORD.findall(self.text))
        self.list_item = bool(LIST_ITEM.match(self.text))
        # A list item is prose when punctuated as a sentence ("- The boss said: ..."); a list
        # of links is not, however long its headlines.
        self.prose = (
            self.words >= 4
            and bool(TERMINAL.search(self.text))
            or self.words > SHORT_LINE_WORDS
            and not self.list_item
        )


@dataclass
class CleanText:
    title: str | None
    text: str
    removed: list[RemovedBlock] = field(default_factory=list)
    source: str | None = None
    dateline: str | None = None  # the place a dateline names, as written: "NAIROBI"


def clean_text(raw: str, title: str | None = None, extracted: bool = False) -> CleanText:
    """Clean one plain-text article.

    ``title`` is the title known from metadata; without it the first line is taken as the
    title when it looks like one. ``extracted`` marks text that an HTML extractor already
    judged by its page structure (one paragraph a line): it is not reflowed, and only the
    phrase rules apply, since lists and short lines there are mostly the article's own.
    """
    lines = normalise(raw).split("\n")
    removed: list[RemovedBlock] = []
    lines, found_title = _take_title(lines, title)
    if found_title is not None:
        removed.append(RemovedBlock("title", found_title))
        title = title or found_title
    paragraphs = [
        Paragraph(text) for text in (_one_per_line(lines) if extracted else _reflow(lines))
    ]
    source, dateline = _strip_dateline(paragraphs, removed)
    _mark(paragraphs, shape=not extracted)
    if not extracted and all(p.kind for p in paragraphs):
        # No prose at all (a table of figures, a list): judge it by the phrase rules alone.
        for paragraph in paragraphs:
            paragraph.kind = None
        _mark(paragraphs, shape=False)
    kept = [p.text for p in paragraphs if p.kind is None]
    removed.extend(_group_removed(paragraphs))
    return CleanText(
        title=title, text="\n\n".join(kept), removed=removed, source=source, dateline=dateline
    )


def _mark(paragraphs: list[Paragraph], shape: bool) -> None:
    """Set ``kind`` on every paragraph to remove. ``shape`` adds the rules on the form of lines."""
    _mark_repeats(paragraphs)
    _mark_phrases(paragraphs, edge=False)
    if shape:
        _mark_link_runs(paragraphs)
    _trim_edges(paragraphs, shape=shape)


def normalise(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    # text saved from a web page may keep its character references: "communiqu&#233;"
    text = ENTITY.sub(lambda match: html.unescape(match.group(0)), text)
    text = CONTROL.sub("", unicodedata.normalize("NFC", text))
    return "\n".join(SPACES.sub(" ", line).rstrip() for line in text.split("\n"))


def _take_title(lines: list[str], known: str | None) -> tuple[list[str], str | None]:
    """Remove the title line: the known title if the text repeats it, else a headline-shaped first line."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return lines, None
    line = lines[first].strip()
    if known is not None:
        if _key(line) == _key(known):
            return lines[first + 1 :], line
        return lines, None
    rest = lines[first + 1 :]
    following = next((candidate for candidate in rest if candidate.strip()), None)
    if following is None or not _looks_like_title(line):
        return lines, None
    # A first line that runs on into the next one is the start of a wrapped paragraph.
    if rest[0].strip() and following.lstrip()[:1].islower():
        return lines, None
    if rest[0].strip() and _is_hard_wrapped(lines) and not rest[0].startswith(" "):
        return lines, None
    return rest, line


def _looks_like_title(line: str) -> bool:
    words = len(WORD.findall(line))
    return (
        0 < words <= MAX_TITLE_WORDS
        and len(line) <= MAX_TITLE_CHARS
        and not LIST_ITEM.match(line)
        and not re.search(r"[.:;,]\s*$", line)
        and not line.startswith("(")
    )


def _one_per_line(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]


def _reflow(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs; blank lines, indents and list items separate them."""
    wrapped, width = _is_hard_wrapped(lines), _width(lines)
    margin = min((_indent(line) for line in lines if line.strip()), default=0)
    indented = _indented_paragraphs(lines, margin)
    paragraphs: list[str] = []
    current: list[str] = []
    previous = ""
    for line in lines:
        if not line.strip():
            if current:
                paragraphs.append(" ".join(current))
            current, previous = [], ""
            continue
        if current and (
            _continues_indented(previous, line, margin)
            if indented
            else _continues(previous, line, wrapped, width, margin)
        ):
            current.append(line.strip())
        else:
            if current:
                paragraphs.append(" ".join(current))
            current = [line.strip()]
        previous = line
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _continues(previous: str, line: str, wrapped: bool, width: int, margin: int) -> bool:
    if LIST_ITEM.match(line):
        return False
    ends_sentence = bool(TERMINAL.search(previous)) or previous.rstrip().endswith(":")
    if not wrapped:
        if ends_sentence and len(line.split()) == 1:
            return False  # a sign-off ("reuter")
        # no paragraph begins in lower case, even after "U.S." or "Wisc."
        return line.lstrip()[:1].islower() or (not ends_sentence and _runs_on(previous))
    if _indent(line) > margin:  # an indented first line starts a paragraph
        return False
    if ends_sentence and len(previous.strip()) < 0.6 * width:
        return False
    # A short unpunctuated line after a full sentence is a sign-off ("Reuter"), not a wrap.
    if ends_sentence and len(line.strip()) < 0.5 * width and not TERMINAL.search(line):
        return False
    return True


def _indented_paragraphs(lines: list[str], margin: int) -> bool:
    """Whether the text marks each paragraph by indenting its first line, as wire copy does:
    two indented lines or more, fewer than the lines at the margin, and nearly every one
    after a line that ends a sentence. Such a text may be too short, or its lines too
    uneven, to look hard-wrapped, and a line ending in "U.S." or before "Palestinian" is
    no paragraph's end there."""
    written = [line for line in lines if line.strip()]
    ends = [
        bool(TERMINAL.search(before))
        for before, line in zip(written, written[1:])
        if _indent(line) > margin
    ]
    return 2 <= len(ends) < len(written) - len(ends) and sum(ends) >= 0.8 * len(ends)


def _continues_indented(previous: str, line: str, margin: int) -> bool:
    """In a text whose paragraphs are indented: a line at the margin goes on with the one
    before, but for a list item and a short sign-off after a full sentence ("Reuter")."""
    if LIST_ITEM.match(line) or _indent(line) > margin:
        return False
    return not (TERMINAL.search(previous) and len(line.split()) == 1 and line.strip().isupper())


def _runs_on(line: str) -> bool:
    """Whether a line stops in mid-sentence: on a comma or a function word (``run_on.tsv``)."""
    words = line.split()
    return bool(words) and (words[-1].endswith(",") or words[-1] in run_on_words())


def _width(lines: list[str]) -> int:
    """The longest line, ignoring the odd overlong one (a table row, a URL) in a long text."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    return lengths[len(lengths) - 1 - len(lengths) // 50] if lengths else 0


def _is_hard_wrapped(lines: list[str]) -> bool:
    """No line passes a width under 100 characters, most come near it and most end mid-sentence:
    the text was wrapped for display, and its lines are not paragraphs."""
    stripped = [line.strip() for line in lines if line.strip()]
    if len(stripped) < 4:
        return False
    width = _width(lines)
    near_width = sum(1 for line in stripped if len(line) >= 0.6 * width)
    mid_sentence = sum(1 for line in stripped if not TERMINAL.search(line))
    return (
        30 <= width <= 100
        and near_width >= 0.6 * len(stripped)
        and mid_sentence >= 0.5 * len(stripped)
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _strip_dateline(
    paragraphs: list[Paragraph], removed: list[RemovedBlock]
) -> tuple[str | None, str | None]:
    """Cut a dateline or source tag from the first body paragraph; return the source and the
    place it names ("NAIROBI, Oct 20 (Reuters) -": Reuters, NAIROBI)."""
    if not paragraphs:
        return None, None
    first = paragraphs[0].text
    for rule in dateline_rules():
        match = rule.pattern.match(first)
        if match and match.end() < len(first):
            removed.append(RemovedBlock(rule.kind, match.group(0).strip()))
            paragraphs[0] = Paragraph(first[match.end() :])
            found = match.groupdict()
            source, place = found.get("source"), found.get("place")
            return (source.strip() if source else None, place.strip() if place else None)
    return None, None


def dateline_place(dateline: str) -> str | None:
    """The place of a dateline given apart from the text, as JSONL may give it: "WASHINGTON,
    March 4 -" names WASHINGTON, "SAN MATEO, Calif., March 2 -" names "SAN MATEO, Calif.",
    read by the rules that cut a dateline from a text; else the words before its first comma
    ("Nairobi"), if they begin with a capital. None for anything else."""
    line = " ".join(dateline.split())
    for rule in dateline_rules():
        match = rule.pattern.match(line + " .")  # the rules want text after the dateline
        if match and match.groupdict().get("place"):
            return match.group("place").strip()
    head = line.split(",")[0].strip(" -–—:")
    return head if head[:1].isupper() else None


def parser_text(text: str) -> str:
    """The text as the parser is given it. Old wire copy capitalises the word after an
    abbreviation ("warned the U.S. And other countries"), and a parser then ends the
    sentence there. A word of ``wire_case.tsv`` so capitalised is lowercased. The length is
    kept, so offsets into the parse are offsets into the article's own text, which keeps
    its capitals: evidence is quoted as written. Some wire copy also writes the possessive
    with a double quote ("Ecuador\"s deputy energy minister"), which the parser would read as
    a quotation; it is given an apostrophe."""

    pattern, words = wire_case()

    def lower(match: re.Match) -> str:
        word = match.group(1)
        if word.lower() not in words:
            return match.group(0)
        start = match.start(1) - match.start(0)
        return match.group(0)[:start] + word.lower()

    return QUOTED_POSSESSIVE.sub("'", pattern.sub(lower, text))


def _key(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def _mark_repeats(paragraphs: list[Paragraph]) -> None:
    seen: set[str] = set()
    for paragraph in paragraphs:
        key = _key(paragraph.text)
        if not key:
            paragraph.kind = "boilerplate"
        elif key in seen and paragraph.words >= MIN_REPEAT_WORDS:
            paragraph.kind = "duplicate"
        else:
            seen.add(key)


def _mark_phrases(paragraphs: list[Paragraph], edge: bool) -> None:
    for paragraph in paragraphs:
        if paragraph.kind is None:
            paragraph.kind = _phrase_kind(paragraph, edge)


def _phrase_kind(paragraph: Paragraph, edge: bool) -> str | None:
    for rule in boilerplate_rules():
        if (
            paragraph.words <= rule.max_words
            and len(paragraph.text) <= rule.max_words * MAX_WORD_CHARS
            and (edge or rule.where == "any")
            and rule.pattern.search(paragraph.text)
        ):
            return rule.kind
    return None


def _mark_link_runs(paragraphs: list[Paragraph]) -> None:
    """Runs of list items or short unpunctuated lines are link lists (related stories, menus)."""
    run: list[Paragraph] = []
    for paragraph in paragraphs:
        if not paragraph.prose and paragraph.kind in (None, "link_list"):
            run.append(paragraph)
        else:
            _close_link_run(run)
            run = []
    _close_link_run(run)


def _close_link_run(run: list[Paragraph]) -> None:
    if len(run) >= LINK_RUN or sum(1 for p in run if p.list_item) >= 2:
        for paragraph in run:
            paragraph.kind = "link_list"


def _trim_edges(paragraphs: list[Paragraph], shape: bool) -> None:
    """Remove the boilerplate around the story: from each end, up to the first real paragraph.

    With ``shape``, any line that is not prose counts as boilerplate there; without, only
    the phrase rules do.
    """
    for ordered in (paragraphs, paragraphs[::-1]):
        for paragraph in ordered:
            if paragraph.kind is not None:
                continue
            kind = _phrase_kind(paragraph, edge=True)
            if kind is None and (paragraph.prose or not shape):
                break
            paragraph.kind = kind or "boilerplate"


def _group_removed(paragraphs: list[Paragraph]) -> list[RemovedBlock]:
    """Adjacent removed paragraphs of one kind form one block; each repeat stays a block of its own."""
    blocks: list[RemovedBlock] = []
    previous_kind = None
    for paragraph in paragraphs:
        kind = paragraph.kind
        if kind is None:
            previous_kind = None
            continue
        if blocks and kind == previous_kind and kind != "duplicate":
            blocks[-1].text += "\n" + paragraph.text
        else:
            blocks.append(RemovedBlock(kind, paragraph.text))
        previous_kind = kind
    return blocks
