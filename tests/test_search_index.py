"""search/index.py: the fields of each entry and the prebuilt lunr index of one language."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from lunr.builder import Builder
from lunr.index import Index

from isocontrols.search.index import FIELD_BOOSTS, build, document_fields, plain_text, postings

BACKUP = {
    "location": "operations/#backup",
    "title": "5.3. バックアップ【<a class=\"citation\" href=\"../controls/#a-12-3-1\">A.12.3.1</a>】",
    "text": "<p>日次で 3 世代分のデータを保持します。</p>",
}
LOGGING = {
    "location": "operations/#logging",
    "title": "5.4. ログ【A.12.4.1】",
    "text": "<p>アクセスログ &amp; 管理者アクティビティ（A.12.3.1 も参照）</p>",
}


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>a &amp; b</p>", " a & b "),
        ("バックアップ【<a href=\"#x\">A.12.3.1</a>】", "バックアップ【 A.12.3.1 】"),
    ],
)
def test_plain_text_drops_tags_and_decodes_entities(markup: str, text: str) -> None:
    assert plain_text(markup) == text


def test_controls_of_the_heading_are_cited_those_of_the_body_mentioned() -> None:
    fields = document_fields(LOGGING)
    assert fields["cites"] == ["a.12.4.1", "12.4.1"]
    assert fields["mentions"] == ["a.12.3.1", "12.3.1"]
    assert "ログ" in fields["title"] and "アク" in fields["text"]


def test_citation_links_in_headings_are_cited() -> None:
    fields = document_fields(BACKUP)
    assert fields["cites"] == ["a.12.3.1", "12.3.1"]
    assert "バッ" in fields["title"] and "世代" in fields["text"]


def test_extra_identifiers_are_cited() -> None:
    assert document_fields(BACKUP, ["8.13", "A.8.13"])["cites"] == ["a.12.3.1", "12.3.1", "8.13", "a.8.13", "8.13"]


def test_postings_give_each_term_its_documents_and_frequencies_per_field() -> None:
    documents = [
        {"title": ["バッ"], "text": ["世代", "世代"], "cites": [], "mentions": []},
        {"title": [], "text": ["世代"], "cites": ["a.12.3.1"], "mentions": []},
    ]
    assert postings(documents) == [
        ["a.12.3.1", [], [], [1, 1], []],
        ["バッ", [0, 1], [], [], []],
        ["世代", [], [0, 2, 1, 1], [], []],
    ]


def test_build_keeps_entries_for_display_and_field_lengths() -> None:
    data = build("ja", [BACKUP, LOGGING], {"operations/#backup": ["8.13"]})
    assert data["format"] == 1 and data["lang"] == "ja"
    assert data["fields"] == ["title", "text", "cites", "mentions"]
    assert [doc["location"] for doc in data["docs"]] == ["operations/#backup", "operations/#logging"]
    assert data["lengths"][2] == [3, 2]
    assert ["8.13", [], [], [0, 1], []] in data["terms"]


# ---------------------------------------------------------------------------------------
# The browser side: index.js must rebuild the index that the lunr package would build.

ROOT = Path(__file__).resolve().parent.parent
INDEX_JS = ROOT / "overrides" / "assets" / "javascripts" / "isosearch" / "index.js"

DUMP_JS = """
const load = require(process.argv[1]).load
const data = JSON.parse(require("fs").readFileSync(0, "utf8"))
const index = load(data)
const terms = Object.keys(index.invertedIndex)
const byIndex = {}
for (const term of terms) byIndex[index.invertedIndex[term]._index] = term
const vectors = {}
for (const [ref, vector] of Object.entries(index.fieldVectors)) {
  vectors[ref] = {}
  for (let i = 0; i < vector.elements.length; i += 2) vectors[ref][byIndex[vector.elements[i]]] = vector.elements[i + 1]
}
const searches = data.queries.map(q => index.search(q).map(hit => [hit.ref, Math.round(hit.score * 1000) / 1000]))
console.log(JSON.stringify({ vectors, searches }))
"""


def _site_entries() -> list[dict[str, str]]:
    """Every paragraph of both editions as an entry: real text for the comparison."""
    entries = []
    for path in sorted((ROOT / "docs").glob("*/*.md")):
        for number, part in enumerate(re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))):
            lines = part.strip().splitlines() or [""]
            entries.append({"location": f"{path}#{number}", "title": lines[0], "text": " ".join(lines[1:])})
    return entries


def _reference(entries: list[dict[str, str]]) -> Index:
    builder = Builder()
    builder.ref("ref")
    for name, boost in FIELD_BOOSTS.items():
        builder.field(name, boost=boost)
    for ref, entry in enumerate(entries):
        builder.add({"ref": str(ref), **document_fields(entry)})
    return builder.build()


def test_javascript_index_matches_the_lunr_package() -> None:
    entries = _site_entries()
    queries = ["text:世代", "title:バッ cites:a.12.3.1", "text:encrypt text:data", "cites:9.2.3 mentions:9.2.3"]
    payload = {**build("ja", entries), "queries": queries}
    completed = subprocess.run(
        ["node", "-e", DUMP_JS, str(INDEX_JS)], input=json.dumps(payload), capture_output=True, text=True, check=True
    )
    browser = json.loads(completed.stdout)
    reference = _reference(entries)
    serialized = reference.serialize()
    by_index = {posting["_index"]: term for term, posting in serialized["invertedIndex"]}
    for field_ref, elements in serialized["fieldVectors"]:
        expected = {by_index[elements[i]]: elements[i + 1] for i in range(0, len(elements), 2)}
        actual = browser["vectors"].get(field_ref, {})
        assert actual.keys() == expected.keys(), field_ref
        assert all(abs(actual[term] - expected[term]) <= 0.0011 for term in expected), field_ref
    for query, hits in zip(queries, browser["searches"]):
        assert [ref for ref, _ in hits] == [hit["ref"] for hit in reference.search(query)], query
