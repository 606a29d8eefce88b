"""What a writer is told (isocontrols.validation): problems returned, never logged."""

from __future__ import annotations

import pytest

from isocontrols import catalogue
from isocontrols.citations import scan
from isocontrols.validation import Problem, check, check_anchors, check_citations, check_editions, check_item


@pytest.mark.parametrize(
    ("item", "message", "suggestion"),
    [
        ("A.9.2.3", None, None),
        ("CLD.12.4.5", None, None),
        ("A.9.2.33", "unknown control A.9.2.33", "A.9.2.3"),
        ("A.12.4.5", "unknown control A.12.4.5", "CLD.12.4.5"),
        ("A.12.3.2", "unknown control A.12.3.2", "A.12.3.1"),
        ("CLD.99.1.1", "unknown control CLD.99.1.1", None),
        ("A9.2.3", "malformed control ID 'A9.2.3'", "A.9.2.3"),
        ("9.2.3", "malformed control ID '9.2.3'", "A.9.2.3"),
        ("12.1.5", "malformed control ID '12.1.5'", "CLD.12.1.5"),
        ("A.9.2", "A.9.2 is a clause or control objective (User access management), not a control; cite one of A.9.2.1 … A.9.2.6", None),
        ("A.9", "A.9 is a clause or control objective (Access control), not a control; cite one of A.9.1.1 … A.9.4.5", None),
        ("a.9.2.3", "write control IDs in ASCII capitals: 'a.9.2.3'", "A.9.2.3"),
        ("Ａ．９．２．３", "write control IDs in ASCII capitals: 'Ａ．９．２．３'", "A.9.2.3"),
        ("cld.12.1.5", "write control IDs in ASCII capitals: 'cld.12.1.5'", "CLD.12.1.5"),
        ("see A.9.2.3", "'see A.9.2.3' is not a control ID", None),
    ],
)
def test_each_identifier_is_checked_against_the_catalogue(item: str, message: str | None, suggestion: str | None) -> None:
    found = check_item(item, catalogue.load())
    assert found == (None if message is None else (message, suggestion))


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("## 5.6. 監視【A.12.4.5】 {#m}\n", ["docs/ja/p.md:1: unknown control A.12.4.5 in 【A.12.4.5】; did you mean CLD.12.4.5?"]),
        ("\n\ntext [A.9.2.33, A.9.4.4]\n", ["docs/ja/p.md:3: unknown control A.9.2.33 in [A.9.2.33, A.9.4.4]; did you mean A.9.2.3?"]),
        ("[A9.2.3]", ["docs/ja/p.md:1: malformed control ID 'A9.2.3' in [A9.2.3]; did you mean A.9.2.3?"]),
        ("【A.9.2.3,】", ["docs/ja/p.md:1: a separator with no control ID next to it in 【A.9.2.3,】"]),
        ("【A.9.2.3】【当社の責任】", []),
    ],
)
def test_citation_problem_names_file_line_and_text(markdown: str, expected: list[str]) -> None:
    problems = check_citations("docs/ja/p.md", scan(markdown), catalogue.load())
    assert [str(p) for p in problems] == expected


def test_numbered_section_without_anchor_is_reported() -> None:
    problems = check_anchors("docs/en/p.md", scan("# 5. Ops\n\n## 5.3. Backup [A.12.3.1]\n\n## Notes\n"))
    assert [str(p) for p in problems] == [
        "docs/en/p.md:3: section heading '5.3. Backup [A.12.3.1]' has no explicit anchor; add one such as {#backup}, the same in both languages"
    ]


JA = "# 5. 運用\n\n## 5.3. バックアップ【A.12.3.1】 {#backup}\n\n本文\n\n## 5.4. ログ【A.12.4.1】 {#logging}\n"
EN = "# 5. Operations\n\n## 5.3. Backup [A.12.3.1] {#backup}\n\nText\n\n## 5.4. Logging [A.12.4.1] {#logging}\n"


@pytest.mark.parametrize(
    ("ja", "en", "expected"),
    [
        (JA, EN, []),
        (
            JA,
            EN.replace("[A.12.3.1]", "[A.12.3.1, A.12.4.2]"),
            ["docs/en/operations.md:3: section #backup cites A.12.3.1, A.12.4.2 here but A.12.3.1 in docs/ja/operations.md"],
        ),
        (
            JA,
            EN.replace(" [A.12.4.1]", ""),
            ["docs/en/operations.md:7: section #logging cites nothing here but A.12.4.1 in docs/ja/operations.md"],
        ),
        (
            JA,
            EN.replace("{#logging}", "{#logs}"),
            [
                "docs/ja/operations.md:7: section #logging has no English twin in docs/en/operations.md",
                "docs/en/operations.md:7: section #logs has no Japanese twin in docs/ja/operations.md",
            ],
        ),
        (
            JA,
            EN.replace("5.4. Logging", "5.5. Logging"),
            ["docs/en/operations.md:7: section #logging is numbered 5.5 here but 5.4 in docs/ja/operations.md"],
        ),
    ],
)
def test_twin_sections_must_agree(ja: str, en: str, expected: list[str]) -> None:
    corpus = {"ja": {"operations.md": scan(ja)}, "en": {"operations.md": scan(en)}}
    assert [str(p) for p in check_editions(corpus, catalogue.load(), "docs/")] == expected


def test_page_missing_in_one_language_is_reported() -> None:
    corpus = {"ja": {"operations.md": scan(JA), "extra.md": scan("# x\n")}, "en": {"operations.md": scan(EN)}}
    assert [str(p) for p in check_editions(corpus, catalogue.load(), "docs/")] == [
        "docs/ja/extra.md: page has no English version: add docs/en/extra.md"
    ]


def test_check_collects_every_kind_of_problem() -> None:
    index_page = scan("# 索引\n\n<!-- control-index -->\n")
    corpus = {"ja": {"p.md": scan("## 1.1. x【A.9.2】\n"), "controls.md": index_page}, "en": {"p.md": scan("## 1.1. x [A.9.2] {#x}\n"), "controls.md": index_page}}
    problems = check(corpus, catalogue.load(), "docs/")
    assert [p.file for p in problems] == ["docs/ja/p.md", "docs/ja/p.md", "docs/en/p.md", "docs/en/p.md"]
    assert all(isinstance(p, Problem) for p in problems)


def test_citing_language_without_control_index_page_is_reported() -> None:
    corpus = {"ja": {"operations.md": scan(JA)}, "en": {"operations.md": scan(EN), "controls.md": scan("# Index\n\n<!-- control-index -->\n")}}
    assert [str(p) for p in check(corpus, catalogue.load(), "docs/")] == [
        "docs/ja/controls.md: missing: citations link to the control index; add this page with the line <!-- control-index -->",
        "docs/en/controls.md: page has no Japanese version: add docs/ja/controls.md",
    ]


def test_unnumbered_heading_that_owns_a_citation_needs_an_anchor() -> None:
    problems = check_anchors("docs/ja/p.md", scan("# ページ\n\n## 概要\n\n本文【A.9.2.3】\n\n## 補足\n"))
    assert [str(p) for p in problems] == ["docs/ja/p.md:3: section heading '概要' has no explicit anchor; add one such as {#backup}, the same in both languages"]
