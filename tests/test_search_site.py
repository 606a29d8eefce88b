"""search_site.py: which entries belong to which language, and the file written for each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from isocontrols.search_site import entry_language, index_path, write_index

LANGUAGES = ("ja", "en")


@pytest.mark.parametrize(
    ("location", "language"),
    [
        ("", "ja"),
        ("operations/#backup", "ja"),
        ("en/", "en"),
        ("en/operations/#backup", "en"),
        ("english/", "ja"),
        ("en", "ja"),
    ],
)
def test_entry_language_follows_the_language_folder(location: str, language: str) -> None:
    assert entry_language(location, LANGUAGES) == language


def test_write_index_keeps_only_the_language_built(tmp_path: Path) -> None:
    docs = [
        {"location": "operations/#backup", "title": "バックアップ", "text": ""},
        {"location": "en/operations/#backup", "title": "Backup", "text": ""},
    ]
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": {}, "docs": docs}))
    path = write_index(tmp_path, "en", LANGUAGES)
    assert path == index_path(tmp_path, "en") == tmp_path / "search" / "index.en.json"
    assert [doc["location"] for doc in json.loads(path.read_text())["docs"]] == ["en/operations/#backup"]


def test_no_index_is_written_without_materials_entries(tmp_path: Path) -> None:
    assert write_index(tmp_path, "ja", ("ja", "en")) is None
    assert not (tmp_path / "search").exists()
