"""A page cut into tracked sections, and which edits change a section's fingerprint."""

from __future__ import annotations

import pytest

from isocontrols.translations.sections import Section, fingerprint, normalise, split

PAGE = """---
description: 運用におけるセキュリティ対策。
hide:
  - toc
---

# 5. 運用

運用の方針です。

## 5.3. バックアップ【A.12.3.1】 {#backup}

日次で 3 世代分のデータを保持します。

### 補足

復元のご要望には対応していません。

## 5.4. ログ【A.12.4.1】 {#logging .wide}

ログを取得しています。
"""


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("日次で 3 世代分のデータを保持します。", "日次で\n3 世代分のデータを\n保持します。"),
        ("日次で 3 世代分のデータを保持します。", "日次で3世代分のデータを保持します。"),
        ("Decidim の変更は事前通知します。", "Decidimの変更は事前通知します。"),
        ("全角　スペース", "全角スペース"),
        ("first line\nsecond line", "first line second line"),
        ("one  two\tthree", "one two three"),
        ("段落一。\n\n段落二。", "段落一。\n段落二。"),
        ("  前後の空白  \n", "前後の空白"),
        ("前<!-- 執筆メモ -->後", "前後"),
        ("<!-- control-index -->\n\n索引", "索引"),
        ("前<!--\n複数行の\nメモ\n-->後", "前後"),
        ("が", "か\u3099"),
    ],
)
def test_layout_only_edits_keep_the_fingerprint(before: str, after: str) -> None:
    assert fingerprint(before) == fingerprint(after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("日次で 3 世代分のデータを保持します。", "日次で 7 世代分のデータを保持します。"),
        ("ISO 27017", "ISO27017"),
        ("重要です。", "**重要**です。"),
        ("段落です。", "- 段落です。"),
        ("`<!-- 表示されるコード -->`", "``"),
        ("```\n<!-- コードの中 -->\n```", "```\n```"),
        ("Ａ", "A"),
        ("【A.12.3.1】", "【A.12.3.2】"),
    ],
)
def test_visible_edits_change_the_fingerprint(before: str, after: str) -> None:
    assert fingerprint(before) != fingerprint(after)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("日次で\n3 世代", "日次で3世代"),
        ("a\n\n b", "a b"),
        ("「引用」 と", "「引用」と"),
        ("<!-- メモ --> 本文", "本文"),
    ],
)
def test_normalised_text(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_page_is_cut_at_each_anchored_heading_with_its_file_line() -> None:
    sections = split("operations.md", PAGE)
    assert [(s.name, s.anchor, s.line) for s in sections] == [
        ("operations.md", None, 1),
        ("operations.md#backup", "backup", 11),
        ("operations.md#logging", "logging", 19),
    ]


def _changed(old: str, new: str) -> list[str]:
    """The names of the sections whose fingerprint differs after replacing ``old`` by ``new`` in the page."""
    assert old in PAGE
    before = {s.name: s.fingerprint for s in split("operations.md", PAGE)}
    after = {s.name: s.fingerprint for s in split("operations.md", PAGE.replace(old, new))}
    return sorted(name for name in before if before[name] != after.get(name))


@pytest.mark.parametrize(
    ("old", "new", "changed"),
    [
        ("日次で 3 世代分", "日次で 7 世代分", ["operations.md#backup"]),
        ("復元のご要望", "復旧のご要望", ["operations.md#backup"]),
        ("### 補足", "### 注記", ["operations.md#backup"]),
        ("運用の方針です。", "運用の基本方針です。", ["operations.md"]),
        ("# 5. 運用", "# 5. 運用管理", ["operations.md"]),
        ("description: 運用における", "description: 運用での", ["operations.md"]),
        ("hide:\n  - toc\n", "hide:\n  - navigation\n", []),
        ("ログ【A.12.4.1】 {#logging .wide}", "ログ【A.12.4.1】 {#logging}", []),
        ("## 5.4. ログ", "### 5.4. ログ", []),
        ("## 5.4. ログ【A.12.4.1】 {#logging .wide}", "## 5.4. ログ【A.12.4.1】 {#logging .wide} ##", []),
        ("ログを取得しています。", "ログを\n取得しています。", []),
    ],
)
def test_an_edit_changes_exactly_the_sections_it_touches(old: str, new: str, changed: list[str]) -> None:
    assert _changed(old, new) == changed


def test_page_without_anchored_headings_is_one_opening() -> None:
    assert split("contact.md", "# 7. お問い合わせ\n\n## 窓口\n\n本文\n") == (
        Section("contact.md", None, 1, fingerprint("# 7. お問い合わせ\n\n## 窓口\n\n本文\n")),
    )


def test_headings_inside_fenced_code_do_not_open_sections() -> None:
    text = "# 題\n\n```markdown\n## 例 {#example}\n```\n\n## 本物 {#real}\n"
    assert [s.name for s in split("p.md", text)] == ["p.md", "p.md#real"]


def test_front_matter_that_is_not_a_mapping_counts_whole() -> None:
    assert split("p.md", "---\n- a\n---\n本文\n")[0] != split("p.md", "---\n- b\n---\n本文\n")[0]
