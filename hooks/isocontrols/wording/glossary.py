"""One English term for each Japanese term, across every page: the glossary and its check.

``data/glossary.csv`` holds one row per term::

    ja,en,avoid,note
    ユーザー様|ユーザ様|利用者様|ユーザー,customer*,client*,"the organization that runs Decidim with us"
    ラベル付け,labelling,labeling,"the spelling of ISO's title (A.8.2.2)"

- ``ja``: the Japanese term and its variants, separated by ``|``. Where terms overlap, the
  longest is read first: ユーザー情報 (user information) before ユーザー (customer).
- ``en``: the English term, its forms separated by ``|``; a final ``*`` stands for any ending
  (``customer*``: customer, customers, customer's). Matched as whole words, in any case.
- ``avoid``: English words that must not appear anywhere in the English edition because the
  glossary chose another (spellings, synonyms); optional.
- ``note``: what the term means here or why this translation; for translators.

The check reads both editions section by section (sections are paired by their anchors,
text before the first anchored heading by page): wherever the Japanese section uses a term,
the English section must use its English term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from isocontrols import datafiles
from isocontrols.catalogue import DATA_DIR, LANGUAGES, shown_path
from isocontrols.problems import Problem
from isocontrols.wording import prose

PATH = DATA_DIR / "glossary.csv"
SHOWN_AS = shown_path(PATH)
COLUMNS = ("ja", "en", "avoid", "note")

ENGLISH_FORMS = r"[A-Za-z0-9][A-Za-z0-9 .'’/-]*\*?(?:\|[A-Za-z0-9][A-Za-z0-9 .'’/-]*\*?)*"
"""English forms separated by ``|``, each ending in an optional ``*``."""

CHECKS = {
    "ja": datafiles.matching(r"[^|\s][^|]*(?:\|[^|\s][^|]*)*", "ユーザー様|ユーザ様"),
    "en": datafiles.matching(ENGLISH_FORMS, "customer*|customers"),
    "avoid": datafiles.matching(f"(?:{ENGLISH_FORMS})?", "client*|end user"),
}
"""How each column is checked on load."""

PAGE_LEVEL = ""
"""The key of a page's text before its first anchored heading."""


@dataclass(frozen=True)
class Term:
    """One row of the glossary: the Japanese variants, the English forms and the words to avoid."""

    ja: tuple[str, ...]
    en: tuple[str, ...]
    avoid: tuple[str, ...]
    line: int
    file: str = SHOWN_AS

    @property
    def english(self) -> re.Pattern[str]:
        """The English term in any of its forms, as whole words."""
        return _words(self.en)

    @property
    def where(self) -> str:
        """Where the term is written: ``hooks/isocontrols/data/glossary.csv:4``."""
        return f"{self.file}:{self.line}"


@lru_cache(maxsize=256)
def _words(forms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = (re.escape(form.rstrip("*")).replace(r"\ ", r"\s+") + (r"[\w’']*" if form.endswith("*") else "") for form in forms)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def load(path: Path = PATH, shown_as: str = SHOWN_AS) -> tuple[tuple[Term, ...], tuple[Problem, ...]]:
    """The glossary's terms, and a problem for each row that is broken or repeats a Japanese term."""
    table = datafiles.read_csv(path, COLUMNS, CHECKS, shown_as=shown_as)
    terms, problems, seen = [], list(table.problems), {}
    for row in table.rows:
        term = Term(_split(row["ja"]), _split(row["en"]), _split(row["avoid"]), row.line, shown_as)
        repeated = [variant for variant in term.ja if variant in seen]
        if repeated:
            problems.append(Problem(shown_as, row.line, f"{repeated[0]} is already on line {seen[repeated[0]]}; keep one row per Japanese term"))
            continue
        seen.update(dict.fromkeys(term.ja, row.line))
        terms.append(term)
    return tuple(terms), tuple(problems)


def sections(markdown: str) -> dict[str, tuple[int, str]]:
    """The page's prose by section anchor: (line of the heading, or 1; the words of the section)."""
    found: dict[str, tuple[int, list[str]]] = {}
    for line in prose.lines(markdown):
        anchor = line.section.anchor if line.section and line.section.anchor else PAGE_LEVEL
        start = line.section.line if anchor != PAGE_LEVEL and line.section else 1
        found.setdefault(anchor, (start, []))[1].append(line.text)
    return {anchor: (start, " ".join(words)) for anchor, (start, words) in found.items()}


def terms_in(japanese: str, terms: Iterable[Term]) -> list[tuple[Term, str]]:
    """The terms a Japanese text uses, longest first, each with the variant found (a longer term hides the shorter ones in it)."""
    variants = sorted(((variant, term) for term in terms for variant in term.ja), key=lambda pair: -len(pair[0]))
    found = []
    for variant, term in variants:
        if variant in japanese:
            found.append((term, variant))
            japanese = japanese.replace(variant, "\0")
    return found


def check(pages: Mapping[str, Mapping[str, str]], terms: tuple[Term, ...], docs_prefix: str) -> list[Problem]:
    """Every place where the English edition does not use the glossary's term (``pages[language][page]``)."""
    japanese, english = LANGUAGES
    problems = []
    for page, markdown in pages.get(english, {}).items():
        file = f"{docs_prefix}{english}/{page}"
        problems += _avoided_words(file, markdown, terms)
        if page not in pages.get(japanese, {}):
            continue
        theirs = sections(pages[japanese][page])
        for anchor, (line, text) in sections(markdown).items():
            for term, variant in terms_in(theirs.get(anchor, (0, ""))[1], terms):
                if not term.english.search(text):
                    where = f"section #{anchor}" if anchor else "the page"
                    forms = " / ".join(term.en)
                    problems.append(Problem(file, line, f"{where}: the Japanese says {variant}, which the glossary ({term.where}) translates as {forms}; use it here"))
    return problems


def _avoided_words(file: str, markdown: str, terms: tuple[Term, ...]) -> list[Problem]:
    """The English words the glossary rules out, where they are used."""
    problems = []
    for line in prose.lines(markdown):
        for term in terms:
            if term.avoid and (match := _words(term.avoid).search(line.text)):
                forms = " / ".join(term.en)
                problems.append(Problem(file, line.line, f"'{match.group(0)}': the glossary ({term.where}) writes {forms} for {term.ja[0]}"))
    return problems
