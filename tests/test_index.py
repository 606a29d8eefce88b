"""The control-number index (isocontrols.index)."""

from __future__ import annotations

from isocontrols import catalogue
from isocontrols.citations import scan
from isocontrols.index import SectionRef, build, by_group

JA = {
    "operations.md": scan("# 5. 運用\n\n## 5.3. バックアップ【A.12.3.1】 {#backup}\n\n## 5.4. ログ {#logging}\n\n本文【A.12.3.1, A.9.2.3】\n"),
    "application-security.md": scan("# 4. アプリ\n\n## 4.4. ユーティリティ【A.9.2.3, A.9.4.4】 {#utility-programs}\n\n## 4.3. 認証【A.9.2.3】 {#authentication-information}\n"),
    "intro.md": scan("# はじめに\n\n【CLD.6.3.1】 と 【A.12.4.5】\n"),
}


def test_each_cited_control_lists_the_sections_that_cite_it() -> None:
    entries = build({"ja": JA}, catalogue.load())
    assert list(entries) == ["A.9.2.3", "A.9.4.4", "A.12.3.1", "CLD.6.3.1"]
    assert [ref.label for ref in entries["A.9.2.3"].sections["ja"]] == ["4.3. 認証", "4.4. ユーティリティ", "5.4. ログ"]
    assert [ref.target for ref in entries["A.12.3.1"].sections["ja"]] == ["operations.md#backup", "operations.md#logging"]


def test_citation_before_any_section_belongs_to_the_page() -> None:
    ref = build({"ja": JA}, catalogue.load())["CLD.6.3.1"].sections["ja"][0]
    assert ref == SectionRef(page="intro.md", anchor=None, number=None, title="はじめに", line=1)
    assert ref.target == "intro.md"


def test_unknown_identifiers_are_not_indexed() -> None:
    assert "A.12.4.5" not in build({"ja": JA}, catalogue.load())


def test_a_section_is_listed_once_however_often_it_cites_a_control() -> None:
    pages = {"p.md": scan("## 1.1. x【A.5.1.1】 {#x}\n\n【A.5.1.1】【A.5.1.1, A.5.1.1】\n")}
    assert len(build({"ja": pages}, catalogue.load())["A.5.1.1"].sections["ja"]) == 1


def test_index_is_kept_per_language() -> None:
    en = {"operations.md": scan("## 5.3. Backup [A.12.3.1] {#backup}\n")}
    entry = build({"ja": JA, "en": en}, catalogue.load())["A.12.3.1"]
    assert set(entry.sections) == {"ja", "en"}
    assert entry.sections["en"][0].title == "Backup"


def test_entries_group_by_clause_in_order() -> None:
    groups = by_group(build({"ja": JA}, catalogue.load()))
    assert list(groups) == ["A.9", "A.12", "CLD"]
