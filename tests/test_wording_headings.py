"""wording/headings.py: English headings against the catalogue's ISO and JIS titles."""

from __future__ import annotations

import pytest

from isocontrols import catalogue
from isocontrols.wording import headings


@pytest.mark.parametrize(
    ("paper", "jis", "same"),
    [
        ("情報のラベル付け", "情報のラベル付け", True),
        ("情報セキュリティの意識向上, 教育及び訓練", "情報セキュリティの意識向上、教育及び訓練", True),
        ("技術的脆弱性の管理", "技術的ぜい弱性の管理", True),
        ("容量・能力の管理", "容量・能力の管理", True),
        ("適用法令及び契約上の要求事項", "適用法令及び契約上の要求事項の特定", False),
        ("変更", "変更管理", False),
        ("変更", "", False),
    ],
)
def test_a_heading_is_the_jis_title_when_only_width_spaces_and_commas_differ(paper: str, jis: str, same: bool) -> None:
    assert headings.same_title(paper, jis) is same


def _check(ja: str, en: str) -> list[str]:
    pages = {"ja": {"operations.md": f"# 5. 運用\n\n{ja}\n"}, "en": {"operations.md": f"# 5. Operations\n\n{en}\n"}}
    return [str(problem) for problem in headings.check(pages, catalogue.load(), "docs/")]


@pytest.mark.parametrize(
    ("ja", "en", "expected"),
    [
        ("## 5.5. クロックの同期【A.12.4.4】 {#clock}", "## 5.5. Clock synchronisation [A.12.4.4] {#clock}", []),
        (
            "## 5.5. クロックの同期【A.12.4.4】 {#clock}",
            "## 5.5. Clock synchronization [A.12.4.4] {#clock}",
            ["docs/en/operations.md:3: heading of #clock: クロックの同期 is the JIS title of A.12.4.4, so the English heading is its ISO title exactly: Clock synchronisation"],
        ),
        (
            "## 4.1. 情報のラベル付け【A.8.2.2】 {#labels}",
            "## 4.1. Labeling of information [A.8.2.2] {#labels}",
            ["docs/en/operations.md:3: heading of #labels: 情報のラベル付け is the JIS title of A.8.2.2, so the English heading is its ISO title exactly: Labelling of information"],
        ),
        ("## 5.1. 変更【A.12.1.2】 {#change}", "## 5.1. Changes [A.12.1.2] {#change}", []),
        (
            "## 5.1. 変更【A.12.1.2】 {#change}",
            "## 5.1. Change management [A.12.1.2] {#change}",
            [
                "docs/en/operations.md:3: heading of #change: 'Change management' is the ISO title of A.12.1.2, but the Japanese heading 変更 "
                "is not its JIS title (変更管理); translate the paper's own words"
            ],
        ),
        ("## 5.4. ログ {#logs}", "## 5.4. Event logging {#logs}", []),
        ("## 5.4. ログ【A.12.4.1】 {#logs}", "## 5.4. Logs [A.12.4.1] {#other}", []),
    ],
)
def test_english_headings_follow_the_rule(ja: str, en: str, expected: list[str]) -> None:
    assert _check(ja, en) == expected
