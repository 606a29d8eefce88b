"""controls.csv as text (isocontrols.export_csv)."""

from __future__ import annotations

import csv
import io

import pytest

from isocontrols import catalogue, export_csv, index
from isocontrols.exports import controls_document
from isocontrols.citations import scan

PAGES = {
    "ja": "# 5. 運用\n\n## 5.3. バックアップ【A.12.3.1】 {#backup}\n\n## 5.10. 冗長化【A.12.3.1, CLD.12.4.5】 {#redundancy}\n\n## 6.5. 順守【A.18.2.3】 {#review}\n",
    "en": "# 5. Operations\n\n## 5.3. Backup [A.12.3.1] {#backup}\n\n## 5.10. Redundancy [A.12.3.1, CLD.12.4.5] {#redundancy}\n\n## 6.5. Compliance [A.18.2.3] {#review}\n",
}
SITE_URL = "https://example.org/paper/"


def _entries() -> dict[str, index.Entry]:
    corpus = {language: {"operations.md": scan(text)} for language, text in PAGES.items()}
    return index.build(corpus, catalogue.load())


def _rows() -> list[dict[str, str]]:
    return export_csv.rows(controls_document(_entries(), SITE_URL, "/paper/"), catalogue.load())


def test_one_row_per_control_and_section_in_index_order() -> None:
    assert [(row["control_id"], row["section_anchor"]) for row in _rows()] == [
        ("A.12.3.1", "backup"),
        ("A.12.3.1", "redundancy"),
        ("A.18.2.3", "review"),
        ("CLD.12.4.5", "redundancy"),
    ]


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("standard", "ISO/IEC 27001:2013"),
        ("control_title_ja", "情報のバックアップ"),
        ("control_title_en", "Information backup"),
        ("iso27001_2022", "8.13 Information backup"),
        ("control_url_ja", "https://example.org/paper/controls/#a-12-3-1"),
        ("control_url_en", "https://example.org/paper/en/controls/#a-12-3-1"),
        # Never a bare 5.10, which Excel would read as the number 5.1.
        ("section_ja", "5.10. 冗長化"),
        ("section_en", "5.10. Redundancy"),
        ("section_url_ja", "https://example.org/paper/operations/#redundancy"),
        ("section_url_en", "https://example.org/paper/en/operations/#redundancy"),
    ],
)
def test_row_carries_ids_titles_and_full_urls_in_both_languages(column: str, expected: str) -> None:
    assert _rows()[1][column] == expected


@pytest.mark.parametrize(
    ("control_id", "expected"),
    [
        ("A.18.2.3", "5.36 Compliance with policies, rules and standards for information security; 8.8 Management of technical vulnerabilities"),
        ("CLD.12.4.5", ""),
    ],
)
def test_2022_column_names_every_equivalent_or_none(control_id: str, expected: str) -> None:
    assert next(row for row in _rows() if row["control_id"] == control_id)["iso27001_2022"] == expected


def test_text_has_an_english_header_and_crlf_line_ends_and_reads_back() -> None:
    text = export_csv.controls_csv(controls_document(_entries(), SITE_URL, "/paper/"), catalogue.load())
    assert text.startswith(",".join(export_csv.COLUMNS) + "\r\n")
    assert text.count("\r\n") == 5 and "\n" not in text.replace("\r\n", "")
    assert list(csv.DictReader(io.StringIO(text, newline=""))) == _rows()


def test_encoding_puts_the_byte_order_mark_excel_needs() -> None:
    assert "x".encode(export_csv.ENCODING).startswith(b"\xef\xbb\xbf")


def test_without_site_url_addresses_stay_absolute_paths() -> None:
    row = export_csv.rows(controls_document(_entries(), "", "/"), catalogue.load())[0]
    assert (row["control_url_en"], row["section_url_ja"]) == ("/en/controls/#a-12-3-1", "/operations/#backup")
