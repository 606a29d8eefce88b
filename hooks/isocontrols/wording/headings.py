"""The rule for English section headings, checked against the control catalogue.

Where the Japanese heading is the JIS title of a control it cites, the English heading is
that control's ISO title exactly as the catalogue spells it; elsewhere it translates the
paper's own words, and so may not borrow the ISO title of a control whose JIS title the
paper did not use::

    ## 4.1. 情報のラベル付け【A.8.2.2】   → ## 4.1. Labelling of information [A.8.2.2]   (JIS title → ISO title)
    ## 5.1. 変更【A.12.1.2】             → ## 5.1. Changes [A.12.1.2]                   (not "Change management")

Titles are compared as JIS prints them: width (NFKC), spaces, the comma (、 or ,) and the
JIS spelling ぜい弱 for 脆弱 do not count.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from isocontrols.catalogue import LANGUAGES, Catalogue, Control
from isocontrols.citations import Heading, PageScan, scan
from isocontrols.problems import Problem

JIS_SPELLINGS = {"ぜい弱": "脆弱", "、": ",", "，": ","}
"""Spellings of JIS titles that the paper writes otherwise, and the form both are compared in."""


def same_title(paper: str, jis: str) -> bool:
    """Whether a heading of the paper is the JIS title (NFKC, spaces, commas and JIS spellings aside)."""
    return bool(jis) and _comparable(paper) == _comparable(jis)


def _comparable(title: str) -> str:
    text = unicodedata.normalize("NFKC", title)
    for spelling, common in JIS_SPELLINGS.items():
        text = text.replace(unicodedata.normalize("NFKC", spelling), common)
    return re.sub(r"\s+", "", text)


def _titled_sections(page: PageScan) -> dict[str, tuple[Heading, str, list[str]]]:
    """Each anchored section: its heading, its title without number and citations, the controls its heading cites."""
    found = {}
    for heading in page.sections():
        if heading.anchor:
            cited = [c for c in page.citations if c.in_heading and c.section == heading]
            found[heading.anchor] = (heading, heading.title_without(cited), [i for c in cited for i in c.ids])
    return found


def check(pages: Mapping[str, Mapping[str, str]], catalogue: Catalogue, docs_prefix: str) -> list[Problem]:
    """Every English heading that breaks the rule, with the heading it should have or why it may not borrow."""
    japanese, english = LANGUAGES
    problems = []
    for page, markdown in pages.get(english, {}).items():
        if page not in pages.get(japanese, {}):
            continue
        theirs = _titled_sections(scan(pages[japanese][page]))
        for anchor, (heading, title, _) in _titled_sections(scan(markdown)).items():
            if anchor not in theirs:
                continue
            _, title_ja, ids = theirs[anchor]
            controls = [catalogue.controls[i] for i in ids if i in catalogue.controls]
            message = _message(anchor, title, title_ja, controls)
            if message:
                problems.append(Problem(f"{docs_prefix}{english}/{page}", heading.line, message))
    return problems


def _message(anchor: str, title: str, title_ja: str, controls: list[Control]) -> str | None:
    """What is wrong with one English heading, or ``None``."""
    named = next((c for c in controls if same_title(title_ja, c.title_ja)), None)
    if named:
        if title != named.title_en:
            return f"heading of #{anchor}: {title_ja} is the JIS title of {named.id}, so the English heading is its ISO title exactly: {named.title_en}"
        return None
    borrowed = next((c for c in controls if c.title_en.casefold() == title.casefold()), None)
    if borrowed:
        return (
            f"heading of #{anchor}: '{title}' is the ISO title of {borrowed.id}, but the Japanese heading {title_ja} is not its JIS title "
            f"({borrowed.title_ja or 'none recorded'}); translate the paper's own words"
        )
    return None
