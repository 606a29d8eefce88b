"""Write one language's prebuilt search index into a built site.

Material's search plugin writes ``search/search_index.json`` at the end of each
language's build; with mkdocs-static-i18n it holds that build's entries until the
last build merges every language into it. Called right after Material (from the
hook's ``on_post_build``), this module keeps the entries of the language being built
and writes ``search/index.<language>.json``, which the search worker
(``overrides/assets/javascripts/isosearch/worker.js``) loads for pages in that language.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from isocontrols import search_index
from isocontrols.urls import page_url

MATERIAL_INDEX = Path("search", "search_index.json")
"""Where Material's search plugin writes its entries, relative to the site."""


def index_path(site_dir: Path, language: str) -> Path:
    """Where the prebuilt index of ``language`` goes: ``search/index.ja.json``."""
    return Path(site_dir, "search", f"index.{language}.json")


def entry_language(location: str, languages: Sequence[str]) -> str:
    """The language of an entry: ``en/operations/#backup`` → ``en``; the default (first) otherwise."""
    folder = location.split("/", 1)[0]
    return folder if folder in languages[1:] and "/" in location else languages[0]


def language_entries(
    entries: Sequence[Mapping[str, Any]], language: str, languages: Sequence[str]
) -> list[Mapping[str, Any]]:
    """The entries of one language, in Material's order."""
    return [entry for entry in entries if entry_language(entry["location"], languages) == language]


def section_locations(
    terms: Mapping[tuple[str, str | None], Collection[str]], language: str, languages: Sequence[str]
) -> dict[str, list[str]]:
    """Key extra terms by search location: (``operations.md``, ``backup``) → ``en/operations/#backup``."""
    prefix = "" if language == languages[0] else f"{language}/"
    return {
        prefix + page_url(page) + (f"#{anchor}" if anchor else ""): sorted(ids)
        for (page, anchor), ids in terms.items()
    }


def write_index(
    site_dir: Path,
    language: str,
    languages: Sequence[str],
    extra_terms: Mapping[str, Sequence[str]] | None = None,
) -> Path | None:
    """Write ``search/index.<language>.json`` from Material's entries of that language.

    ``languages`` lists the site's languages, default first. ``extra_terms`` maps a
    section's location to more control identifiers to find it by (see ``search_index.build``).
    Returns ``None``, writing nothing, when Material's search plugin wrote no entries.
    """
    source = Path(site_dir, MATERIAL_INDEX)
    if not source.exists():
        return None
    material = json.loads(source.read_text(encoding="utf-8"))
    entries = language_entries(material["docs"], language, languages)
    data = search_index.build(language, entries, extra_terms)
    path = index_path(site_dir, language)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
