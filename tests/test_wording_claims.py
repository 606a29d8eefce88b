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


INCIDENT = "Code for Japan has established a standardized information security incident response process that conforms to ISO/IEC 27001."


@pytest.fixture
def allowed(tmp_path: Path) -> tuple[claims.Allowed, ...]:
    path = tmp_path / "allowed.csv"
    path.write_text(f"page,anchor,language,sentence,source\norganization.md,incident-response-process,en,\"{INCIDENT}\",ISO/IEC27001 に準拠した\n", encoding="utf-8")
    rows, problems = claims.load(path, "allowed.csv")
    assert problems == ()
    return rows


@pytest.mark.parametrize(
    ("text", "page", "anchor", "language", "unjustified"),
    [
        (INCIDENT, "organization.md", "incident-response-process", "en", []),
        (INCIDENT.replace(" ", "\n   ", 3), "organization.md", "incident-response-process", "en", []),
        ("Reports go to the committee. " + INCIDENT + " Incidents are handled.", "organization.md", "incident-response-process", "en", []),
        (INCIDENT + " The service is certified.", "organization.md", "incident-response-process", "en", ["certified"]),
        (INCIDENT + " It also conforms to ISO/IEC 27017.", "organization.md", "incident-response-process", "en", ["conforms"]),
        (INCIDENT.replace("standardized", "certified"), "organization.md", "incident-response-process", "en", ["certified", "conforms"]),
        (INCIDENT, "organization.md", "security-organization", "en", ["conforms"]),
        ("当社では、ISO/IEC27001 に準拠した標準化された情報セキュリティインシデント対応プロセスを整備しています。", "organization.md", "incident-response-process", "ja", ["準拠"]),
        ("当社は Decidim について ISMS クラウドセキュリティ認証を取得しています。", "introduction.md", "purpose", "ja", ["認証"]),
        ("Code for Japan holds ISMS cloud security certification for Decidim.", "introduction.md", "purpose", "en", ["certification"]),
    ],
)
def test_a_claim_word_is_allowed_only_inside_a_listed_sentence_of_its_section(
    allowed: tuple[claims.Allowed, ...], text: str, page: str, anchor: str, language: str, unjustified: list[str]
) -> None:
    assert claims.unjustified(text, page, anchor, language, allowed) == unjustified


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("organization,x,en,It conforms.,source", "allowed.csv:2: page 'organization' is not of the form introduction.md"),
        ("organization.md,x,fr,It conforms.,source", "allowed.csv:2: language 'fr' is not of the form ja or en"),
        ("organization.md,x,en,,source", "allowed.csv:2: sentence is empty"),
        ("organization.md,x,en,It conforms.,", "allowed.csv:2: source is empty"),
    ],
)
def test_a_broken_allow_row_is_a_problem_with_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "allowed.csv"
    path.write_text("page,anchor,language,sentence,source\n" + row + "\n", encoding="utf-8")
    assert [str(problem) for problem in claims.load(path, "allowed.csv")[1]] == [message]
