"""The search index of one language: its pages' search entries (``sections``), as the browser loads them.

The file (``search/index.<lang>.json``) holds each entry's text once, as Material shows
it in the result list, and the browser cuts it into terms when it loads the index
(``overrides/assets/javascripts/isosearch/index.js``, with ``tokens.js``): shipping the
terms as well doubled the file (``docs-dev/search.md`` has the measurements). Each entry
becomes one lunr document with four fields, which ``document_fields`` computes the same
way in Python (the tests compare the two on every entry of the site):

- ``title`` and ``text``: the terms of ``tokens`` (word stems, numbers, CJK bigrams);
- ``cites``: the control-number terms (``a.9.2.3`` and ``9.2.3``) of the section's
  heading, plus any extra identifiers given for its location (such as the ISO/IEC
  27001:2022 equivalents of what it cites), which the file lists by entry;
- ``mentions``: the control-number terms of its body.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from isocontrols.search.sections import SearchEntry
from isocontrols.search.tokens import control_terms, split_terms

FORMAT = 2
"""Version of the file's layout, read by the browser (1 shipped each term's postings)."""

TAG = re.compile(r"<[^>]*>")
"""An HTML tag of an entry's text (``<p>``, ``<code>``)."""

ENTITY = re.compile(r"&(amp|lt|gt|quot|#39);")
"""The entities an entry holds: those that escaping writes (``sections`` escapes ``&``, ``<`` and ``>``)."""

ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "#39": "'"}


def plain_text(markup: str) -> str:
    """The text of an entry's HTML: tags replaced by spaces, escaped characters decoded.

    Only the entities that escaping writes are decoded, so that ``index.js`` can do exactly
    the same; a page title's ``R&copy`` stays as written.
    """
    return ENTITY.sub(lambda match: ENTITIES[match.group(1)], TAG.sub(" ", markup))


def document_fields(entry: SearchEntry, extra: Sequence[str] = ()) -> dict[str, list[str]]:
    """The field terms of one entry, with extra control identifiers for its location."""
    title, cites = split_terms(plain_text(entry.get("title", "")))
    text, mentions = split_terms(plain_text(entry.get("text", "")))
    for identifier in extra:
        cites.extend(control_terms(identifier))
    return {"title": title, "text": text, "cites": cites, "mentions": mentions}


def build(
    language: str,
    entries: Sequence[SearchEntry],
    extra_terms: Mapping[str, Sequence[str]] | None = None,
    vocabulary: Sequence[Sequence[object]] = (),
    reference: Sequence[str] = (),
) -> dict[str, Any]:
    """The search data of one language: its entries, by entry position their extra identifiers, and its vocabulary.

    ``extra_terms`` maps an entry's location (``operations/#backup``) to more control
    identifiers to find it by, indexed like the ones it cites; ``vocabulary`` holds the
    customers' words as ``[customer word, [paper words]]`` (``vocabulary.for_index``);
    ``reference`` lists the pages about the paper (``controls/``), where a customer's own
    word does not count as the paper using it (``no_answer``).
    """
    extra_terms = extra_terms or {}
    docs = [SearchEntry(location=entry["location"], title=entry["title"], text=entry["text"]) for entry in entries]
    cites = {str(ref): list(extra_terms[doc["location"]]) for ref, doc in enumerate(docs) if extra_terms.get(doc["location"])}
    return {
        "format": FORMAT,
        "lang": language,
        "docs": docs,
        "cites": cites,
        "vocabulary": [list(row) for row in vocabulary],
        "reference": list(reference),
    }
