"""search/index.py and its browser twin index.js: the fields of each entry, and the lunr index the browser builds."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from lunr.builder import Builder
from lunr.index import Index

from isocontrols.search.index import build, document_fields, plain_text

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
        ("&lt;tag&gt; &quot;q&quot; &#39;s", "<tag> \"q\" 's"),
        ("R&copy; AT&T &amp;amp;", "R&copy; AT&T &amp;"),
    ],
)
def test_plain_text_drops_tags_and_decodes_what_escaping_writes(markup: str, text: str) -> None:
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


def test_build_keeps_each_entry_once_and_extra_identifiers_by_position() -> None:
    data = build("ja", [BACKUP, LOGGING], {"operations/#logging": ["8.15"], "operations/#gone": ["8.1"]})
    assert data == {"format": 2, "lang": "ja", "docs": [BACKUP, LOGGING], "cites": {"1": ["8.15"]}, "vocabulary": [], "reference": []}


# ---------------------------------------------------------------------------------------
# The browser side: index.js must cut every entry into the same fields, and build the index
# that the lunr package would build from them.

ROOT = Path(__file__).resolve().parent.parent
INDEX_JS = ROOT / "overrides" / "assets" / "javascripts" / "isosearch" / "index.js"

FIELDS_JS = """
const { documentFields } = require(process.argv[1])
const data = JSON.parse(require("fs").readFileSync(0, "utf8"))
console.log(JSON.stringify(data.docs.map((doc, ref) => documentFields(doc, data.cites[ref]))))
"""

DUMP_JS = """
const { load, FIELDS, BOOSTS } = require(process.argv[1])
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
console.log(JSON.stringify({ fields: FIELDS, boosts: BOOSTS, vectors, searches }))
"""


def _node(script: str, payload: object) -> Any:
    completed = subprocess.run(
        ["node", "-e", script, str(INDEX_JS)], input=json.dumps(payload), capture_output=True, text=True, check=True
    )
    return json.loads(completed.stdout)


def _paragraph_entries() -> list[dict[str, str]]:
    """Every paragraph of both editions' Markdown as an entry: real text, with raw ``&`` and ``<``."""
    entries = []
    for path in sorted((ROOT / "docs").glob("*/*.md")):
        for number, part in enumerate(re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))):
            lines = part.strip().splitlines() or [""]
            entries.append({"location": f"{path}#{number}", "title": lines[0], "text": " ".join(lines[1:])})
    return entries


def _python_fields(data: dict[str, Any]) -> list[dict[str, list[str]]]:
    return [document_fields(doc, data["cites"].get(str(ref), ())) for ref, doc in enumerate(data["docs"])]


@pytest.mark.parametrize("language", ["ja", "en"])
def test_javascript_fields_agree_with_python_on_every_entry_of_the_site(built_site: Path, language: str) -> None:
    data = json.loads((built_site / "search" / f"index.{language}.json").read_text(encoding="utf-8"))
    assert data["cites"], "the site's index lists the 2022 numbers of the sections"
    javascript, python = _node(FIELDS_JS, data), _python_fields(data)
    disagreements = [(doc["location"], py, js) for doc, py, js in zip(data["docs"], python, javascript) if py != js]
    assert not disagreements, disagreements[:2]


def test_javascript_fields_agree_with_python_on_raw_paragraphs() -> None:
    data = build("ja", _paragraph_entries())
    assert _node(FIELDS_JS, data) == _python_fields(data)


def _reference(data: dict[str, Any], fields: list[str], boosts: list[int]) -> Index:
    builder = Builder()
    builder.ref("ref")
    for name, boost in zip(fields, boosts):
        builder.field(name, boost=boost)
    for ref, terms in enumerate(_python_fields(data)):
        builder.add({"ref": str(ref), **terms})
    return builder.build()


def test_javascript_index_matches_the_lunr_package() -> None:
    entries = _paragraph_entries()
    data = build("ja", entries, {entries[3]["location"]: ["8.13", "A.5.16"]})
    queries = ["text:世代", "title:バッ cites:a.12.3.1", "text:encrypt text:data", "cites:9.2.3 mentions:9.2.3", "cites:8.13"]
    browser = _node(DUMP_JS, {**data, "queries": queries})
    reference = _reference(data, browser["fields"], browser["boosts"])
    serialized = reference.serialize()
    by_index = {posting["_index"]: term for term, posting in serialized["invertedIndex"]}
    for field_ref, elements in serialized["fieldVectors"]:
        expected = {by_index[elements[i]]: elements[i + 1] for i in range(0, len(elements), 2)}
        actual = browser["vectors"].get(field_ref, {})
        assert actual.keys() == expected.keys(), field_ref
        assert all(abs(actual[term] - expected[term]) <= 0.0011 for term in expected), field_ref
    assert browser["searches"][-1], "an extra identifier is found"
    for query, hits in zip(queries, browser["searches"]):
        assert [ref for ref, _ in hits] == [hit["ref"] for hit in reference.search(query)], query
