"""Write one language's prebuilt search index into a built site.

Each page's entries come from ``sections`` (Material's sections, cut from the
page's HTML as the hook sees it) and the hook lists them in build order; this module adds
the extra terms of each section and writes ``search/index.<language>.json``, which the search worker
(``overrides/assets/javascripts/isosearch/worker.js``) loads for pages in that language.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from isocontrols.search import index
from isocontrols.search.sections import SearchEntry
from isocontrols.urls import site_path


def index_path(site_dir: Path, language: str) -> Path:
    """Where the prebuilt index of ``language`` goes: ``search/index.ja.json``."""
    return Path(site_dir, "search", f"index.{language}.json")


def section_locations(terms: Mapping[tuple[str, str | None], Collection[str]], language: str) -> dict[str, list[str]]:
    """Key extra terms by search location: (``operations.md``, ``backup``) → ``en/operations/#backup``."""
    return {site_path(page, language) + (f"#{anchor}" if anchor else ""): sorted(ids) for (page, anchor), ids in terms.items()}


def write_index(
    site_dir: Path,
    language: str,
    entries: Sequence[SearchEntry],
    extra_terms: Mapping[str, Sequence[str]] | None = None,
    vocabulary: Sequence[Sequence[object]] = (),
    reference: Sequence[str] = (),
) -> Path:
    """Write ``search/index.<language>.json`` from the entries of that language's pages, in build order.

    ``extra_terms`` maps a section's location to more control identifiers to find it by,
    ``vocabulary`` holds the customers' words, ``reference`` the pages about the paper
    (see ``index.build``).
    """
    data = index.build(language, entries, extra_terms, vocabulary, reference)
    path = index_path(site_dir, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
