"""The hook on small fixture sites built through MkDocs' API: warnings, links, index, exports."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from conftest import build_site
from mkdocs.exceptions import Abort



def _edit(site: Path, relative: str, old: str, new: str) -> None:
    path = site / "docs" / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _warnings(site: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    """Build in strict mode, expect it to fail, return the hook's warnings."""
    caplog.set_level(logging.WARNING)
    with pytest.raises(Abort):
        build_site(site / "mkdocs.yml", site / "site")
    prefix = "isocontrols: "
    return [r.getMessage().removeprefix(prefix) for r in caplog.records if r.name == "mkdocs.plugins.isocontrols"]


def test_clean_fixture_builds_strict_with_linked_citations(fixture_site: Path) -> None:
    site = build_site(fixture_site / "mkdocs.yml", fixture_site / "site")
    html = (site / "operations" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="backup">5.3. バックアップ【<a class="citation" href="../controls/#a-12-3-1" title="情報のバックアップ">A.12.3.1</a>】' in html
    assert "【当社の責任】" in html and "<code>【A.9.9.9】</code>" in html
    english = (site / "en" / "operations" / "index.html").read_text(encoding="utf-8")
    assert ', <a class="citation" href="../controls/#cld-12-4-5" title="Monitoring of cloud services">CLD.12.4.5</a>]' in english
    assert "<code>[A.9.9.9]</code>" in english


def test_index_page_lists_controls_with_their_sections_in_each_language(fixture_site: Path) -> None:
    site = build_site(fixture_site / "mkdocs.yml", fixture_site / "site")
    for prefix, title, section in [("", "情報のバックアップ", "5.4. ログ"), ("en/", "Information backup", "5.4. Logging")]:
        html = (site / prefix / "controls" / "index.html").read_text(encoding="utf-8")
        entry = html[html.index('id="a-12-3-1"') : html.index('id="a-12-4-1"')]
        assert title in entry
        assert re.findall(r'<a href="([^"]+)">', entry) == ["../operations/#backup", "../operations/#logging"]
        assert section in entry


def test_controls_json_is_written_at_the_site_root(fixture_site: Path) -> None:
    site = build_site(fixture_site / "mkdocs.yml", fixture_site / "site")
    document = json.loads((site / "controls.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in document["controls"]] == ["A.12.3.1", "A.12.4.1", "CLD.12.4.5"]
    backup = document["controls"][0]
    assert backup["url"] == {"ja": "/security/controls/#a-12-3-1", "en": "/security/en/controls/#a-12-3-1"}
    assert backup["sections"][0] == {
        "number": "5.3",
        "anchor": "backup",
        "title": {"ja": "バックアップ", "en": "Backup"},
        "url": {"ja": "/security/operations/#backup", "en": "/security/en/operations/#backup"},
    }
    assert not (site / "en" / "controls.json").exists()


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "ja/operations.md",
            "【A.12.3.1】 {#backup}",
            "【A.12.4.5】 {#backup}",
            "docs/ja/operations.md:3: unknown control A.12.4.5 in 【A.12.4.5】; did you mean CLD.12.4.5?",
        ),
        (
            "en/operations.md",
            "logs [A.12.3.1, CLD.12.4.5]",
            "logs [A.9.2.33, CLD.12.4.5]",
            "docs/en/operations.md:9: unknown control A.9.2.33 in [A.9.2.33, CLD.12.4.5]; did you mean A.9.2.3?",
        ),
        (
            "ja/operations.md",
            "【A.12.4.1】",
            "【A12.4.1】",
            "docs/ja/operations.md:7: malformed control ID 'A12.4.1' in 【A12.4.1】; did you mean A.12.4.1?",
        ),
        (
            "en/operations.md",
            "[A.12.4.1]",
            "[A.12.4]",
            "docs/en/operations.md:7: A.12.4 is a clause or control objective (Logging and monitoring), not a control; "
            "cite one of A.12.4.1 … A.12.4.4 in [A.12.4]",
        ),
        (
            "ja/operations.md",
            "【A.12.4.1】",
            "【Ａ．１２．４．１】",
            "docs/ja/operations.md:7: write control IDs in ASCII capitals: 'Ａ．１２．４．１' in 【Ａ．１２．４．１】; did you mean A.12.4.1?",
        ),
        (
            "en/operations.md",
            "[A.12.4.1]",
            "[A.12.4.1, A.12.4.2]",
            "docs/en/operations.md:7: section #logging cites A.12.3.1, A.12.4.1, A.12.4.2, CLD.12.4.5 here "
            "but A.12.3.1, A.12.4.1, CLD.12.4.5 in docs/ja/operations.md",
        ),
        (
            "en/operations.md",
            "## 5.4. Logging [A.12.4.1] {#logging}",
            "## 5.4. Logging [A.12.4.1]",
            "docs/en/operations.md:7: section heading '5.4. Logging [A.12.4.1]' has no explicit anchor; add one such as {#logging}, the same in both languages",
        ),
    ],
)
def test_strict_build_fails_with_the_promised_message(
    fixture_site: Path, caplog: pytest.LogCaptureFixture, file: str, old: str, new: str, expected: str
) -> None:
    _edit(fixture_site, file, old, new)
    assert expected in _warnings(fixture_site, caplog)


def test_page_missing_in_one_language_fails_the_build(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    (fixture_site / "docs" / "ja" / "extra.md").write_text("# 追加\n", encoding="utf-8")
    assert _warnings(fixture_site, caplog) == ["docs/ja/extra.md: page has no English version: add docs/en/extra.md"]


def test_each_problem_is_reported_once_across_both_language_builds(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    _edit(fixture_site, "ja/operations.md", "【A.12.3.1】 {#backup}", "【A.12.3.1, A.99.1.1】 {#backup}")
    assert _warnings(fixture_site, caplog) == ["docs/ja/operations.md:3: unknown control A.99.1.1 in 【A.12.3.1, A.99.1.1】; did you mean A.9.1.1?"]


def test_missing_control_index_page_fails_the_build(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    (fixture_site / "docs" / "en" / "controls.md").unlink()
    assert "docs/en/controls.md: missing: citations link to the control index; add this page with the line <!-- control-index -->" in _warnings(
        fixture_site, caplog
    )


def _per_language_search(site: Path, plugins: str | None = None) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text().replace("extra:\n", "extra:\n  per_language_search: true\n", 1)
    if plugins is not None:
        text = text.replace("plugins:\n  - search\n", plugins)
    config.write_text(text)


def test_per_language_search_writes_an_index_per_language_and_leaves_materials_empty(fixture_site: Path) -> None:
    _per_language_search(fixture_site)
    site = build_site(fixture_site / "mkdocs.yml", fixture_site / "site")
    assert json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []
    for language, backup in [("ja", "operations/#backup"), ("en", "en/operations/#backup")]:
        docs = json.loads((site / "search" / f"index.{language}.json").read_text(encoding="utf-8"))["docs"]
        assert backup in [doc["location"] for doc in docs]
        assert all(doc["location"].startswith("en/") == (language == "en") for doc in docs)


def test_without_materials_search_plugin_per_language_search_warns(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    _per_language_search(fixture_site, plugins="plugins:\n")
    assert _warnings(fixture_site, caplog) == ["mkdocs.yml: no search box: Material's search plugin is off; add `- search` under plugins"] * 2


def test_without_per_language_search_material_indexes_the_pages(fixture_site: Path) -> None:
    site = build_site(fixture_site / "mkdocs.yml", fixture_site / "site")
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert "operations/#backup" in [doc["location"] for doc in docs]
    assert not (site / "search" / "index.ja.json").exists()


def test_pdf_editions_without_a_print_page_fail_the_build_with_the_reason(
    fixture_site: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = fixture_site / "mkdocs.yml"
    config.write_text(config.read_text().replace("extra:\n", "extra:\n  pdf_editions: true\n", 1))
    assert _warnings(fixture_site, caplog) == [
        "whitepaper.pdf: no PDF edition: no page of docs/ja/ holds <!-- print-edition -->",
        "en/whitepaper.pdf: no PDF edition: no page of docs/en/ holds <!-- print-edition -->",
    ]


def _customer_words(site: Path, ja: str, en: str, reference: str = "[controls.md]") -> None:
    """Per-language search with a vocabulary file per language (``vocabulary/<lang>.csv``) and the pages about the paper."""
    _per_language_search(site)
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text()
        + "  search_vocabulary:\n    ja: vocabulary/ja.csv\n    en: vocabulary/en.csv\n"
        + f"  search_reference_pages: {reference}\n"
    )
    (site / "vocabulary").mkdir()
    (site / "vocabulary" / "ja.csv").write_text(f"customer,paper\n{ja}", encoding="utf-8")
    (site / "vocabulary" / "en.csv").write_text(f"customer,paper\n{en}", encoding="utf-8")


def test_vocabulary_goes_into_each_languages_search_index(fixture_site: Path) -> None:
    _customer_words(fixture_site, "取得,バックアップ\n復元,世代\n", "restore,backup\n")
    site = build_site(fixture_site / "mkdocs.yml", fixture_site / "site")
    for language, rows, reference in [
        ("ja", [["取得", ["バックアップ"]], ["復元", ["世代"]]], ["controls/"]),
        ("en", [["restore", ["backup"]]], ["en/controls/"]),
    ]:
        data = json.loads((site / "search" / f"index.{language}.json").read_text(encoding="utf-8"))
        assert (data["vocabulary"], data["reference"]) == (rows, reference)


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "ja/operations.md",
            "日次で 3 世代分のデータを保持します。",
            "毎日、3 回分のデータを保持します。",
            "vocabulary/ja.csv:3: '世代' does not occur in the Japanese white paper (was the text reworded?); "
            "map '復元' to the words the text now uses, or remove the row",
        ),
        (
            "en/operations.md",
            "## 5.3. Backup [A.12.3.1] {#backup}",
            "## 5.3. Copies [A.12.3.1] {#backup}",
            "vocabulary/en.csv:2: 'backup' does not occur in the English white paper (was the text reworded?); "
            "map 'restore' to the words the text now uses, or remove the row",
        ),
    ],
    ids=["ja", "en"],
)
def test_reworded_vocabulary_word_fails_the_build_with_file_and_row(
    fixture_site: Path, caplog: pytest.LogCaptureFixture, file: str, old: str, new: str, expected: str
) -> None:
    _customer_words(fixture_site, "取得,バックアップ\n復元,世代\n", "restore,backup\n")
    _edit(fixture_site, file, old, new)
    assert _warnings(fixture_site, caplog) == [expected]


def test_vocabulary_word_found_only_on_pages_about_the_paper_fails_the_build(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The control index names A.12.3.1's title, 情報のバックアップ; the paper's sections do not: no answer there."""
    _customer_words(fixture_site, "保全,情報のバックアップ\n", "")
    assert _warnings(fixture_site, caplog) == [
        "vocabulary/ja.csv:2: '情報のバックアップ' does not occur in the Japanese white paper (was the text reworded?); "
        "map '保全' to the words the text now uses, or remove the row"
    ]


def test_listed_page_about_the_paper_that_does_not_exist_fails_the_build(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    _customer_words(fixture_site, "", "", reference="[controls.md, answer.md]")
    assert _warnings(fixture_site, caplog) == [
        "mkdocs.yml: extra.search_reference_pages lists answer.md, which docs/ja/ does not have; remove it or add the page",
        "mkdocs.yml: extra.search_reference_pages lists answer.md, which docs/en/ does not have; remove it or add the page",
    ]
