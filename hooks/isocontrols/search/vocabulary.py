"""The customers' vocabulary: the words reviewers type, mapped to the white paper's words.

Customers do not use the paper's words: they type 二段階認証 where the paper says
多要素認証, "cancellation" where it says "termination of service". A writer-maintained
file per language (``hooks/isocontrols/data/vocabulary-ja.csv``, named in ``mkdocs.yml``
under ``extra.search_vocabulary``) lists them::

    customer,paper
    二段階認証,多要素認証
    データセンター,データを保存する国|リージョン

One row per customer word; ``paper`` holds one or more of the paper's words or phrases,
separated by ``|``. The search worker expands a query with it
(``overrides/assets/javascripts/isosearch/vocabulary.js``): the query as typed is searched,
and again with each customer word replaced by each of its paper words, so that a customer
word finds the sections holding the paper's word, ranked as if that word had been typed,
while a section holding the customer's own word still comes first.

Rows are compared as search compares words: by their search terms (``tokens``), so
ユーザー and ユーザ, MFA and mfa are the same word. The build refuses (``check``):

- a paper word that no section of the white paper (in that language) holds as a phrase,
  so a writer who rewords a section learns that a row now points at nothing;
- a customer word listed twice, or mapped to itself;
- a paper word that is itself a customer word of another row (a chain or a circle):
  search expands a word once, so each customer word must map straight to the paper.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from isocontrols.catalogue import LANGUAGE_NAMES
from isocontrols.datafiles import read_csv, required
from isocontrols.problems import Problem
from isocontrols.search.tokens import tokenize

COLUMNS = ("customer", "paper")
SEPARATOR = "|"
"""Between the paper's words of one row."""


SETTING = "extra.search_vocabulary"
"""Where ``mkdocs.yml`` names each language's file, relative to its own folder."""


def file_for(setting: object, language: str) -> tuple[str | None, list[Problem]]:
    """The vocabulary file ``mkdocs.yml`` names for ``language`` (``hooks/isocontrols/data/vocabulary-ja.csv``), if any."""
    if setting is None:
        return None, []
    if not isinstance(setting, dict) or not all(isinstance(value, str) for value in setting.values()):
        return None, [Problem("mkdocs.yml", None, f"{SETTING} must map each language to a CSV file, as in ja: hooks/isocontrols/data/vocabulary-ja.csv")]
    return setting.get(language), []


@dataclass(frozen=True)
class Row:
    """One customer word and the paper's words it stands for, with the file's line (for messages)."""

    customer: str
    paper: tuple[str, ...]
    line: int


def terms(text: str) -> tuple[str, ...]:
    """A word's search terms in order: what search compares."""
    return tuple(token.term for token in tokenize(text))


def _paper_words(value: str) -> str | None:
    """Check of the ``paper`` column: one or more words, none of them empty."""
    if any(not part.strip() for part in value.split(SEPARATOR)):
        return f"holds an empty word; separate the paper's words with {SEPARATOR}, as in 多要素認証{SEPARATOR}認証情報"
    return None


def load(file: Path, shown_as: str) -> tuple[list[Row], list[Problem]]:
    """The rows of a vocabulary file, and a problem for each row that is not whole."""
    table = read_csv(file, COLUMNS, {"customer": required, "paper": _paper_words}, shown_as=shown_as)
    rows = [
        Row(row["customer"].strip(), tuple(part.strip() for part in row["paper"].split(SEPARATOR)), row.line)
        for row in table.rows
    ]
    return rows, list(table.problems)


def _phrases(texts: Iterable[str]) -> str:
    """Every text's terms, joined so that a phrase's terms can be looked for as a substring."""
    return "".join(f"\x1f{chr(0x1f).join(terms(text))}\x1f\n" for text in texts)


def _holds(phrases: str, words: Sequence[str]) -> bool:
    return f"\x1f{chr(0x1f).join(words)}\x1f" in phrases


def check(rows: Sequence[Row], texts: Iterable[str], language: str, shown_as: str) -> list[Problem]:
    """What is wrong with the rows, given the plain texts (titles and bodies) of the paper's sections."""
    phrases = _phrases(texts)
    first_row: dict[tuple[str, ...], Row] = {}
    problems = []
    for row in rows:
        key = terms(row.customer)
        if not key:
            problems.append(Problem(shown_as, row.line, f"the customer word '{row.customer}' has no search terms (only stop words or punctuation)"))
            continue
        if key in first_row:
            problems.append(Problem(shown_as, row.line, f"'{row.customer}' is already on row {first_row[key].line}: search reads them alike; keep one row"))
            continue
        first_row[key] = row
    for row in rows:
        problems += _paper_problems(row, first_row, phrases, language, shown_as)
    return sorted(problems, key=lambda problem: problem.line or 0)


def _paper_problems(row: Row, customers: dict[tuple[str, ...], Row], phrases: str, language: str, shown_as: str) -> list[Problem]:
    """Problems of one row's paper words: empty, itself, a customer word elsewhere, or found in no section."""
    problems = []
    for word in row.paper:
        key = terms(word)
        if not key:
            problems.append(Problem(shown_as, row.line, f"the paper word '{word}' has no search terms (only stop words or punctuation)"))
        elif key == terms(row.customer):
            problems.append(Problem(shown_as, row.line, f"'{row.customer}' is mapped to itself ('{word}'); remove that word"))
        elif key in customers:
            problems += _chain_problems(row, word, customers[key], phrases, shown_as)
        elif not _holds(phrases, key):
            problems.append(Problem(
                shown_as, row.line,
                f"'{word}' does not occur in the {LANGUAGE_NAMES.get(language, language)} white paper "
                f"(was the text reworded?); map '{row.customer}' to the words the text now uses, or remove the row",
            ))
    return problems


def _chain_problems(row: Row, word: str, other: Row, phrases: str, shown_as: str) -> list[Problem]:
    """A paper word that is the customer word of ``other``: a chain (map straight on to the
    other row's paper words) or a circle (the row whose customer word is the paper's own goes)."""
    onward = [w for w in other.paper if terms(w) != terms(row.customer)]
    if onward:
        return [Problem(
            shown_as, row.line,
            f"the paper word '{word}' is the customer word of row {other.line}: search expands a word only once; "
            f"map '{row.customer}' straight to the paper's words ({SEPARATOR.join(onward)})",
        )]
    if _holds(phrases, terms(row.customer)):
        return [Problem(
            shown_as, row.line,
            f"'{row.customer}' is the white paper's own word, and row {other.line} maps '{other.customer}' to it: "
            "remove this row (search finds the paper's words as typed)",
        )]
    if _holds(phrases, terms(word)):
        return []  # this row maps to the paper's word; the other row is the one to remove
    return [Problem(
        shown_as, row.line,
        f"rows {row.line} and {other.line} map '{row.customer}' and '{other.customer}' to each other, and the white paper "
        f"holds neither: map '{row.customer}' to the words the text uses, or remove the row",
    )]


def for_index(rows: Sequence[Row]) -> list[list[object]]:
    """The rows as the search index carries them: ``[customer, [paper words]]``."""
    return [[row.customer, list(row.paper)] for row in rows]
