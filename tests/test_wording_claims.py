"""wording/claims.py: words of conformity, certification and guarantee, and where the source allows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from isocontrols import catalogue
from isocontrols.wording import claims


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("Decidim: how the service meets the security requirements of ISO/IEC 27017", "en", ["meets the security requirements"]),
        ("following the requirements of ISO/IEC 27017, the international standard", "en", ["following the requirements"]),
        ("ISO/IEC 27017, the standard for ISMS cloud security certification", "en", ["standard for ISMS cloud security certification"]),
        ("ISO/IEC 27017 (ISMS cloud security certification)", "en", ["certification"]),
        ("ISO/IEC 27017 は認証規格です", "ja", ["認証規格"]),
        ("The service is ISO 27017 certified and fully compliant.", "en", ["certified", "compliant"]),
        ("It complies with, conforms to and satisfies all of the requirements.", "en", ["complies", "conforms", "satisfies all of the requirements"]),
        ("We guarantee the uptime; a warranty applies.", "en", ["guarantee", "warranty"]),
        ("the public disclosures required by ISO/IEC 27017", "en", ["required by ISO"]),
        ("secure services that satisfy our customers", "en", []),
        ("in accordance with our security policy for suppliers", "en", []),
        ("The Decidim service's approach to security requirements based on ISO/IEC 27017", "en", []),
        ("ISO/IEC 27017 の要求事項に沿ってご説明する資料", "ja", ["要求事項に沿"]),
        ("ISMS 認証を取得し、ISO/IEC 27017 に適合しています", "ja", ["認証", "適合"]),
        ("要求事項を満たしています。品質を保証します。", "ja", ["満たし", "保証"]),
        ("利用契約に関する準拠法は、日本法とします。", "ja", []),
        ("パスワード等の利用者の秘密認証情報の管理、多要素認証", "ja", []),
        ("ISO/IEC27001 に準拠した標準化されたプロセス", "ja", ["準拠"]),
        ("ユーザー様に満足いただける機能的でセキュアなサービス", "ja", []),
    ],
)
def test_claim_words_are_found_and_other_words_are_not(text: str, language: str, found: list[str]) -> None:
    assert claims.find(text, language) == found


def test_control_titles_name_controls_and_claim_nothing() -> None:
    titles = claims.control_titles(catalogue.load())
    assert claims.find("A.18.2.2 Compliance with security policies and standards", "en", titles) == []
    assert claims.find("A.18.2.3 Technical compliance review", "en", titles) == []
    assert claims.find("A.18 順守", "ja", titles) == []
    assert claims.find("We are in full compliance with A.18.2.2", "en", titles) == ["compliance"]


def test_a_claim_word_is_allowed_only_in_its_section_and_language(tmp_path: Path) -> None:
    path = tmp_path / "allowed.csv"
    path.write_text("page,anchor,language,words,source\norganization.md,incident-response-process,en,conforms,ISO/IEC27001 に準拠した\n", encoding="utf-8")
    allowed, problems = claims.load(path, "allowed.csv")
    assert problems == ()
    assert claims.unjustified(["conforms"], "organization.md", "incident-response-process", "en", allowed) == []
    assert claims.unjustified(["Conforms", "certified"], "organization.md", "incident-response-process", "en", allowed) == ["certified"]
    assert claims.unjustified(["conforms"], "organization.md", "security-organization", "en", allowed) == ["conforms"]
    assert claims.unjustified(["conforms"], "organization.md", "incident-response-process", "ja", allowed) == ["conforms"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("organization,x,en,conforms,source", "allowed.csv:2: page 'organization' is not of the form introduction.md"),
        ("organization.md,x,fr,conforms,source", "allowed.csv:2: language 'fr' is not of the form ja or en"),
        ("organization.md,x,en,,source", "allowed.csv:2: words is empty"),
        ("organization.md,x,en,conforms,", "allowed.csv:2: source is empty"),
    ],
)
def test_a_broken_allow_row_is_a_problem_with_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "allowed.csv"
    path.write_text("page,anchor,language,words,source\n" + row + "\n", encoding="utf-8")
    assert [str(problem) for problem in claims.load(path, "allowed.csv")[1]] == [message]
