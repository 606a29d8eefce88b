"""The search index of one language: its pages' search entries (``sections``), cut into terms at build time.

The browser loads the result (``search/index.<lang>.json``) and turns it into a lunr
index without tokenising anything (``overrides/assets/javascripts/isosearch/index.js``).
Each entry becomes one lunr document with four fields:

- ``title`` and ``text``: the terms of ``tokens`` (word stems, numbers, CJK bigrams);
- ``cites``: the control-number terms (``a.9.2.3`` and ``9.2.3``) of the section's
  heading, plus any extra identifiers given for its location (such as the ISO/IEC
  27001:2022 equivalents of what it cites);
- ``mentions``: the control-number terms of its body.

The file holds, for each term, the documents and how often the term occurs in each
field; lunr's BM25 field vectors follow from those and the field lengths, so they are
computed in the browser (a few milliseconds) rather than shipped (half the size of
lunr's own serialisation). Documents are referred to by their position in ``docs``.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from isocontrols.search.sections import SearchEntry
from isocontrols.search.tokens import control_terms, split_terms

FORMAT = 1
"""Version of the file's layout, read by the browser."""

FIELD_BOOSTS = {"title": 10, "text": 1, "cites": 100, "mentions": 10}
"""How much a match counts in each field: a control cited in the heading outranks any word,
a control mentioned in the body counts like a word of the heading."""

TAG = re.compile(r"<[^>]*>")
"""An HTML tag of an entry's text (``<p>``, ``<code>``)."""



def plain_text(markup: str) -> str:
    """The text of an entry's HTML, tags replaced by spaces and entities decoded."""
    return html.unescape(TAG.sub(" ", markup))


def document_fields(entry: SearchEntry, extra: Sequence[str] = ()) -> dict[str, list[str]]:
    """The field terms of one entry, with extra control identifiers for its location."""
    title, cites = split_terms(plain_text(entry.get("title", "")))
    text, mentions = split_terms(plain_text(entry.get("text", "")))
    for identifier in extra:
        cites.extend(control_terms(identifier))
    return {"title": title, "text": text, "cites": cites, "mentions": mentions}


def postings(documents: Sequence[Mapping[str, Sequence[str]]]) -> list[list[Any]]:
    """``[term, [ref, tf, …] per field]`` for every term, sorted by term."""
    tables: list[dict[str, list[int]]] = [{} for _ in FIELD_BOOSTS]  # per field: term → [ref, tf, …]
    for ref, fields in enumerate(documents):
        for table, name in zip(tables, FIELD_BOOSTS):
            for term, frequency in Counter(fields[name]).items():
                found = table.get(term)
                if found is None:
                    table[term] = [ref, frequency]
                else:
                    found += (ref, frequency)
    every_term = sorted(set().union(*tables))
    return [[term, *(table.get(term, []) for table in tables)] for term in every_term]


def build(
    language: str,
    entries: Sequence[SearchEntry],
    extra_terms: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Any]:
    """The search data of one language: its entries (for display) and their postings.

    ``extra_terms`` maps an entry's location (``operations/#backup``) to more control
    identifiers to find it by, indexed like the ones it cites.
    """
    extra_terms = extra_terms or {}
    documents = [document_fields(entry, extra_terms.get(entry["location"], ())) for entry in entries]
    return {
        "format": FORMAT,
        "lang": language,
        "fields": list(FIELD_BOOSTS),
        "boosts": list(FIELD_BOOSTS.values()),
        "lengths": [[len(fields[name]) for fields in documents] for name in FIELD_BOOSTS],
        "terms": postings(documents),
        "docs": [SearchEntry(location=entry["location"], title=entry["title"], text=entry["text"]) for entry in entries],
    }
