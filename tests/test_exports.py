"""controls.json as text (isocontrols.exports): the document, one control per line."""

from __future__ import annotations

import json

import pytest

from isocontrols import catalogue, index
from isocontrols.citations import scan
from isocontrols.exports import controls_document, controls_json

PAGES = {
    "ja": "# 5. 運用\n\n## 5.3. バックアップ【A.12.3.1】 {#backup}\n\n## 5.4. ログ【A.12.4.1, CLD.12.4.5】 {#logging}\n",
    "en": "# 5. Operations\n\n## 5.3. Backup [A.12.3.1] {#backup}\n\n## 5.4. Logging [A.12.4.1, CLD.12.4.5] {#logging}\n",
}


def _document() -> dict:
    corpus = {language: {"operations.md": scan(text)} for language, text in PAGES.items()}
    return controls_document(index.build(corpus, catalogue.load()), "https://example.org/paper/", "/paper/")


def test_text_reads_back_as_the_document() -> None:
    document = _document()
    assert json.loads(controls_json(document)) == document


def test_each_control_is_one_line_and_the_text_ends_with_a_newline() -> None:
    text = controls_json(_document())
    lines = text.splitlines()
    assert lines[:3] == ["{", '  "schema_version": 1,', '  "site_url": "https://example.org/paper/",']
    control_lines = [line for line in lines if line.startswith('    {"id": ')]
    assert [json.loads(line.rstrip(","))["id"] for line in control_lines] == ["A.12.3.1", "A.12.4.1", "CLD.12.4.5"]
    assert lines[-2:] == ["  ]", "}"] and text.endswith("}\n")
    assert "バックアップ" in text  # UTF-8, not \\u escapes


@pytest.mark.parametrize("controls", [[], [{"id": "A.5.1.1"}]])
def test_any_number_of_controls_gives_valid_json(controls: list) -> None:
    document = {"schema_version": 1, "site_url": "", "controls": controls}
    assert json.loads(controls_json(document)) == document
