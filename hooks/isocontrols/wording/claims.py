"""Words that claim conformity, certification or a guarantee: allowed only where the source says them.

The white paper describes Code for Japan's approach (取り組み) to the security requirements
of ISO/IEC 27017; it claims no certification and no conformity, except in two places where the
source itself says so: §1.1 names ISMS cloud security certification, and §2.7 calls the
incident response process 「ISO/IEC27001 に準拠した」. ``data/claims-allowed.csv`` lists each
sentence of the site that may hold such words (page, section anchor, language, the sentence as
the site shows it, and the source sentence that justifies it)::

    page,anchor,language,sentence,source
    organization.md,incident-response-process,en,Code for Japan has … that conforms to ISO/IEC 27001.,ISO/IEC27001 に準拠した…

A claim word is allowed only inside one of its section's listed sentences, word for word: a new
sentence in the same section ("Code for Japan holds ISMS cloud security certification") is a
claim, and so is a listed sentence once reworded, until its row is updated and reviewed.
Anything else that reads as a claim is a problem, wherever a reader sees it: the text of a
page, its title, its meta description and sharing tags, the print edition.

Words that contain a claim word but say something else are not claims: 準拠法 (the governing
law of a contract), 認証情報 and 多要素認証 (authentication), and the titles of ISO controls,
which name a control rather than claim anything ("Compliance with security policies and
standards", 技術的順守のレビュー).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from isocontrols import datafiles
from isocontrols.catalogue import DATA_DIR, LANGUAGES, Catalogue, shown_path
from isocontrols.problems import Problem

PATH = DATA_DIR / "claims-allowed.csv"
SHOWN_AS = shown_path(PATH)
COLUMNS = ("page", "anchor", "language", "sentence", "source")

CLAIM = {
    "en": re.compile(
        r"\b(?:(?:standard|basis|criteria|scheme)\s+(?:for|of)\s+(?:[\w/-]+\s+){0,4}?certification|certification\s+standard"
        r"|certif\w*|accredit\w*|complian\w*|compl(?:y|ies|ied|ying)|conform\w*|attest\w*|guarant\w*|warrant(?:s|ed|ies|y)?"
        r"|(?:meet|meets|met|meeting|satisf\w+|fulfil\w*|follow\w*|in accordance with|in line with|according to|adher\w+ to|align\w* with|consistent with)"
        r"\s+(?:[\w/.-]+\s+){0,5}?requirements?"
        r"|(?:requirements?|required)\s+(?:of|by|in)\s+ISO\b)",
        re.IGNORECASE,
    ),
    "ja": re.compile(r"認証(?:の)?(?:基準|規格)|準拠|適合|認証|認定|満た[さしすせ]|充足|遵守|順守|合致|保証|要求(?:事項)?に(?:従|沿|則|準|適)"),
}
"""What reads as a claim of conformity, certification or guarantee, per language."""

NOT_CLAIMS = {
    "en": (),
    "ja": ("準拠法", "秘密認証情報", "認証情報", "多要素認証", "二要素認証", "二段階認証", "認証方式"),
}
"""Words that hold a claim word but mean something else, per language."""


@dataclass(frozen=True)
class Allowed:
    """A sentence of the site that may hold claim words: where, the sentence, and the source sentence that says them."""

    page: str
    anchor: str
    language: str
    sentence: str
    source: str
    line: int


def load(path: Path = PATH, shown_as: str = SHOWN_AS) -> tuple[tuple[Allowed, ...], tuple[Problem, ...]]:
    """The places where the source makes a claim, and a problem for each broken row."""
    checks = {
        "page": datafiles.matching(r"[\w./-]+\.md", "introduction.md"),
        "anchor": datafiles.matching(r"[A-Za-z0-9_-]+", "purpose"),
        "language": datafiles.matching("|".join(LANGUAGES), " or ".join(LANGUAGES)),
        "sentence": datafiles.required,
        "source": datafiles.required,
    }
    table = datafiles.read_csv(path, COLUMNS, checks, shown_as=shown_as)
    rows = tuple(Allowed(row["page"], row["anchor"], row["language"], _spaced(row["sentence"]), row["source"], row.line) for row in table.rows)
    return rows, table.problems


def _spaced(text: str) -> str:
    """Runs of white space as one space: a sentence is compared as a reader reads it, however it is wrapped."""
    return " ".join(text.split())


def control_titles(catalogue: Catalogue) -> tuple[str, ...]:
    """Every title of the catalogue in both languages, longest first: names of controls, never claims."""
    items = [*catalogue.controls.values(), *catalogue.groups.values(), *catalogue.controls_2022.values()]
    titles = {title for item in items for title in (item.title_en, item.title_ja) if title}
    return tuple(sorted(titles, key=len, reverse=True))


@lru_cache(maxsize=4)
def _titles_pattern(titles: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(re.escape(t) for t in titles)) if titles else None


def _claims(text: str, language: str, titles: tuple[str, ...]) -> list[re.Match[str]]:
    """The claim words of a text with their places, leaving out words that are not claims and control titles."""
    blank = lambda match: " " * len(match.group(0))  # noqa: E731 - same length, so places stay
    pattern = _titles_pattern(titles)
    if pattern:
        text = pattern.sub(blank, text)
    for word in NOT_CLAIMS[language]:
        text = text.replace(word, " " * len(word))
    return list(CLAIM[language].finditer(text))


def find(text: str, language: str, titles: tuple[str, ...] = ()) -> list[str]:
    """The claim words of a text, as written, leaving out words that are not claims and control titles."""
    return [match.group(0) for match in _claims(text, language, titles)]


def unjustified(text: str, page: str, anchor: str, language: str, allowed: tuple[Allowed, ...], titles: tuple[str, ...] = ()) -> list[str]:
    """The claim words of a text of one section that no sentence listed for that section holds."""
    text = _spaced(text)
    sentences = [row.sentence for row in allowed if (row.page, row.anchor, row.language) == (page, anchor, language)]
    spans = [(match.start(), match.start() + len(sentence)) for sentence in sentences for match in re.finditer(re.escape(sentence), text)]
    return [
        match.group(0)
        for match in _claims(text, language, titles)
        if not any(start <= match.start() and match.end() <= end for start, end in spans)
    ]
