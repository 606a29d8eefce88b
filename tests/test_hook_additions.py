"""The hook and the web edition's additions (issue 14), on the fixture site: problems reported, the list filled."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site
from test_hook import _edit, _warnings

ADDITION = {
    "ja": '\n!!! web-edition "ウェブ版での補足"\n\n    ウェブ版での説明です。続きもあります。\n',
    "en": '\n!!! web-edition "Added in the web edition"\n\n    An explanation the web edition adds. More follows.\n',
}
HISTORY = {"ja": "# 更新履歴\n\n## ウェブ版での補足 {#additions}\n\n<!-- web-edition-additions -->\n", "en": "# History\n\n## Additions {#additions}\n\n<!-- web-edition-additions -->\n"}


def _with_additions(site: Path) -> None:
    """Admonitions on, an addition in section 5.3 of both languages, and a revision history with the list."""
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace("markdown_extensions:\n", "markdown_extensions:\n  - admonition\n"))
    for language, block in ADDITION.items():
        _edit(site, f"{language}/operations.md", "\n## 5.4.", f"{block}\n## 5.4.")
        (site / "docs" / language / "history.md").write_text(HISTORY[language], encoding="utf-8")


def test_the_revision_history_lists_each_addition_with_a_link_in_each_language(fixture_site: Path) -> None:  # noqa: F811
    _with_additions(fixture_site)
    site = build_site(fixture_site / "mkdocs.yml", fixture_site / "site")
    japanese = (site / "history" / "index.html").read_text(encoding="utf-8")
    assert '<ul class="web-edition-additions"><li><a href="../operations/#backup">5.3. バックアップ</a>：ウェブ版での説明です。</li></ul>' in japanese
    english = (site / "en" / "history" / "index.html").read_text(encoding="utf-8")
    assert '<ul class="web-edition-additions"><li><a href="../operations/#backup">5.3. Backup</a>: An explanation the web edition adds.</li></ul>' in english
    assert '<div class="admonition web-edition">' in (site / "operations" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "en/operations.md",
            "## 5.3. Backup [A.12.3.1] {#backup}",
            "## 5.3. Backup [A.12.3.1] {#backup}\n\n### Detail",
            [
                "docs/en/operations.md:9: web-edition block in section 'Detail', which has no explicit anchor; "
                "add one to the heading, such as {#backup}, so the revision history can link to it",
                "docs/en/operations.md:3: section #backup has 0 web-edition block(s) here but 1 in docs/ja/operations.md; translate each addition into both languages",
            ],
        ),
        (
            "ja/operations.md",
            '"ウェブ版での補足"',
            '"補足"',
            ["docs/ja/operations.md:7: web-edition block titled '補足'; write !!! web-edition \"ウェブ版での補足\", the title readers know these boxes by"],
        ),
        (
            "en/operations.md",
            '!!! web-edition "Added in the web edition"',
            "!!! note",
            ["docs/en/operations.md:3: section #backup has 0 web-edition block(s) here but 1 in docs/ja/operations.md; translate each addition into both languages"],
        ),
    ],
)
def test_a_badly_marked_addition_fails_the_strict_build_with_file_line_and_fix(
    fixture_site: Path, caplog: pytest.LogCaptureFixture, file: str, old: str, new: str, expected: list[str]  # noqa: F811
) -> None:
    _with_additions(fixture_site)
    _edit(fixture_site, file, old, new)
    assert _warnings(fixture_site, caplog) == expected
