"""Tests for isocontrols.print_edition: the whole white paper as one printable page."""

from __future__ import annotations

import pytest

from isocontrols.citations import scan
from isocontrols.print_edition import (
    Part,
    as_part,
    assemble,
    contents,
    contents_list,
    edition_note,
    page_anchor,
    part_anchor,
)

INCLUDED = {"operations.md", "organization.md", "controls.md", "history.md"}
OPERATIONS = Part("operations.md", "5. 運用")


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# 5. 運用", "## 5. 運用 {#operations .print-part}"),
        ("# 5. 運用 {#ops .wide}", "## 5. 運用 {#operations .print-part .wide}"),
        ("## 5.3. バックアップ {#backup}", "### 5.3. バックアップ {#operations--backup}"),
        ("### 詳細 {#detail .note}", "#### 詳細 {#operations--detail .note}"),
        ("###### 深い {#deep}", "###### 深い {#operations--deep}"),
        ("## 見出しだけ", "### 見出しだけ"),
        ("## 5.1. [バックアップ](operations.md#backup)を参照 {#x}", "### 5.1. [バックアップ](#operations--backup)を参照 {#operations--x}"),
        ("## 5.1. `[x](operations.md)` {#x}", "### 5.1. `[x](operations.md)` {#operations--x}"),
        ("[本文](#backup)", "[本文](#operations--backup)"),
        ("[他の章](organization.md#geographic-location)", "[他の章](#organization--geographic-location)"),
        ("[他の章](organization.md)", "[他の章](#organization)"),
        ('[A.12.3.1](controls.md#a-12-3-1 "情報の\\"バックアップ\\""){ .citation }',
         '[A.12.3.1](#controls--a-12-3-1 "情報の\\"バックアップ\\""){ .citation }'),
        ("[ホーム](index.md)", "[ホーム](index.md)"),
        ("[ホーム](index.md#key-facts)", "[ホーム](index.md#key-facts)"),
        ("[外](https://example.org/a#b)", "[外](https://example.org/a#b)"),
        ("[メール](mailto:info@example.org)", "[メール](mailto:info@example.org)"),
        ("[backup]: operations.md#backup", "[backup]: #operations--backup"),
        ("`[コード](operations.md#backup)`", "`[コード](operations.md#backup)`"),
        ("```\n# コード\n[x](operations.md)\n```", "```\n# コード\n[x](operations.md)\n```"),
    ],
)
def test_as_part_moves_headings_down_and_makes_ids_and_links_local(markdown: str, expected: str) -> None:
    assert as_part(markdown, OPERATIONS, INCLUDED, "print.md") == expected


def test_an_appendix_title_carries_its_label() -> None:
    part = Part("controls.md", "管理策索引", "付録 A")
    assert as_part("# 管理策索引\n\n本文", part, INCLUDED, "print.md") == "## 付録 A 管理策索引 {#controls .print-part}\n\n本文"


def test_links_of_pages_in_subfolders_resolve_from_their_folder() -> None:
    part = Part("guide/setup.md", "Setup")
    markdown = "[up](../operations.md#backup) [out](../index.md)"
    assert as_part(markdown, part, INCLUDED, "print.md") == "[up](#operations--backup) [out](index.md)"


def test_ids_of_different_pages_never_collide() -> None:
    assert part_anchor("operations.md", "backup") != part_anchor("organization.md", "backup")
    assert page_anchor("guide/setup.md") == "guide-setup"


def test_contents_lists_numbered_chapters_in_nav_order_then_the_appendices() -> None:
    scans = {
        "index.md": scan("# Decidim セキュリティホワイトペーパー\n"),
        "operations.md": scan("# 5. 運用\n"),
        "introduction.md": scan("# 1. はじめに\n"),
        "coverage.md": scan("# 引用状況\n"),
        "history.md": scan("# 更新履歴\n"),
        "controls.md": scan("# 管理策索引\n"),
    }
    nav = ["index.md", "introduction.md", "operations.md", "controls.md", "coverage.md", "history.md"]
    assert contents(nav, scans, "en") == [
        Part("introduction.md", "1. はじめに"),
        Part("operations.md", "5. 運用"),
        Part("controls.md", "管理策索引", "Appendix A"),
        Part("history.md", "更新履歴", "Appendix B"),
    ]


def test_pages_outside_the_nav_are_left_out() -> None:
    scans = {"operations.md": scan("# 5. 運用\n"), "history.md": scan("# 更新履歴\n")}
    assert contents(["operations.md"], scans, "ja") == [Part("operations.md", "5. 運用")]


def test_contents_list_links_each_part() -> None:
    parts = [Part("operations.md", "5. 運用"), Part("controls.md", "管理策索引", "付録 A")]
    assert contents_list(parts, "ja") == (
        "## 目次 {#contents}\n\n- [5\\. 運用](#operations)\n- [付録 A 管理策索引](#controls)"
    )


@pytest.mark.parametrize(
    ("date_text", "language", "expected"),
    [
        ("2026年11月25日", "ja", "ウェブ版（2026年11月25日更新）：LINK"),
        ("25 November 2026", "en", "Web edition of 25 November 2026: LINK"),
        (None, "en", "Web edition: LINK"),
    ],
)
def test_edition_note_names_the_web_edition(date_text: str | None, language: str, expected: str) -> None:
    link = '<a href="https://example.org/">https://example.org/</a>'
    assert edition_note("https://example.org/", date_text, language) == f'<p class="print-edition-note">{expected.replace("LINK", link)}</p>'


def test_assemble_puts_contents_before_the_parts() -> None:
    parts = [OPERATIONS]
    assert assemble(parts, ["## 5. 運用 {#operations .print-part}"], "en").startswith("## Contents {#contents}\n")
