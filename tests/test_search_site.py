"""search/site.py: where each language's index goes, what it holds, and the locations of extra terms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from isocontrols.search.sections import SearchEntry
from isocontrols.search.site import index_path, section_locations, write_index


def test_write_index_writes_the_entries_given_in_order(tmp_path: Path) -> None:
    entries = [
        SearchEntry(location="en/operations/#backup", title="Backup", text="<p>Daily.</p>"),
        SearchEntry(location="en/", title="Home", text=""),
    ]
    path = write_index(tmp_path, "en", entries, {"en/operations/#backup": ["8.13"]})
    assert path == index_path(tmp_path, "en") == tmp_path / "search" / "index.en.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [doc["location"] for doc in data["docs"]] == ["en/operations/#backup", "en/"]
    assert data["lang"] == "en"
    assert data["cites"] == {"0": ["8.13"]}


@pytest.mark.parametrize(
    ("language", "key", "location"),
    [
        ("ja", ("operations.md", "backup"), "operations/#backup"),
        ("en", ("operations.md", "backup"), "en/operations/#backup"),
        ("ja", ("index.md", None), ""),
        ("en", ("index.md", "facts"), "en/#facts"),
    ],
)
def test_section_locations_are_search_locations(language: str, key: tuple[str, str | None], location: str) -> None:
    assert section_locations({key: {"8.13", "5.16"}}, language) == {location: ["5.16", "8.13"]}
