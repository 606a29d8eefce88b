"""security.txt (RFC 9116): its settings checked with the fix, and the file's exact text."""

from __future__ import annotations

from datetime import date

import pytest

from isocontrols.problems import Problem
from isocontrols.site_security.security_txt import Settings, security_txt, settings

CONFIG = """\
site_name: Example
extra:
  security:
    contact: {contact}
    expires_after_days: {days}
"""


def _settings(contact: object, days: object = 180) -> tuple[Settings | None, list[Problem]]:
    extra = {"security": {"contact": contact, "expires_after_days": days}}
    return settings(extra, "mkdocs.yml", CONFIG.format(contact=contact, days=days))


@pytest.mark.parametrize(
    ("contact", "days", "expected"),
    [
        ("mailto:info@code4japan.org", 180, Settings("mailto:info@code4japan.org", 180)),
        ("https://example.org/security", 1, Settings("https://example.org/security", 1)),
        ("tel:+81-3-0000-0000", 365, Settings("tel:+81-3-0000-0000", 365)),
    ],
)
def test_valid_settings_are_read(contact: str, days: int, expected: Settings) -> None:
    assert _settings(contact, days) == (expected, [])


def test_expiry_defaults_to_180_days() -> None:
    assert settings({"security": {"contact": "mailto:a@example.org"}}, "mkdocs.yml", "") == (Settings("mailto:a@example.org", 180), [])


@pytest.mark.parametrize(
    ("contact", "days", "line", "message"),
    [
        (None, 180, 4, "extra.security.contact is missing: security.txt (RFC 9116) needs an address"),
        ("info@code4japan.org", 180, 4, "is an e-mail address without its scheme: write mailto:info@code4japan.org"),
        ("http://example.org/security", 180, 4, "is not HTTPS: RFC 9116 accepts only https:// web addresses; write https://example.org/security"),
        ("ftp://example.org", 180, 4, "begin it with mailto:, https:// or tel:"),
        ("mailto:", 180, 4, "begin it with mailto:, https:// or tel:"),
        ("mailto:a@example.org\nExpires: 2099", 180, 4, "without spaces or line breaks"),
        ("mailto:a@example.org", 366, 5, "that puts Expires more than a year after the build, which RFC 9116 advises against; write 365 or fewer"),
        ("mailto:a@example.org", 0, 5, "must expire after the build; write 1 to 365"),
        ("mailto:a@example.org", "180", 5, "write a whole number of days"),
        ("mailto:a@example.org", True, 5, "write a whole number of days"),
    ],
    ids=["missing", "bare-address", "http", "other-scheme", "empty-mailto", "line-break", "beyond-a-year", "zero", "text", "boolean"],
)
def test_wrong_settings_name_the_line_and_the_fix(contact: object, days: object, line: int, message: str) -> None:
    read, problems = _settings(contact, days)
    assert read is None
    assert len(problems) == 1 and problems[0].file == "mkdocs.yml" and problems[0].line == line
    assert message in problems[0].message


def test_a_section_that_is_not_a_mapping_is_refused() -> None:
    read, problems = settings({"security": "mailto:a@example.org"}, "mkdocs.yml", "extra:\n  security: mailto:a@example.org\n")
    assert read is None and problems == [
        Problem("mkdocs.yml", 2, "extra.security must be a mapping with `contact:` (and `expires_after_days:`)")
    ]


def test_security_txt_has_every_field_rfc_9116_asks_for() -> None:
    text = security_txt(
        Settings("mailto:info@code4japan.org", 180),
        date(2026, 12, 5),
        "https://code4japan.github.io/decidim-security/",
        ("ja", "en"),
        ["https://code4japan.github.io/decidim-security/contact/", "https://code4japan.github.io/decidim-security/en/contact/"],
    )
    assert text == (
        "# このサイトと、サイトが説明するサービスの脆弱性の報告先です（RFC 9116）。\n"
        "# Where to report a vulnerability in this site or in the service it describes (RFC 9116).\n"
        "Contact: mailto:info@code4japan.org\n"
        "Expires: 2027-06-03T00:00:00Z\n"
        "Preferred-Languages: ja, en\n"
        "Canonical: https://code4japan.github.io/decidim-security/.well-known/security.txt\n"
        "Policy: https://code4japan.github.io/decidim-security/contact/\n"
        "Policy: https://code4japan.github.io/decidim-security/en/contact/\n"
    )


@pytest.mark.parametrize(
    ("built", "days", "expires"),
    [(date(2027, 3, 1), 365, "2028-02-29"), (date(2026, 12, 31), 1, "2027-01-01"), (date(2028, 2, 29), 365, "2029-02-28")],
)
def test_expires_counts_days_from_the_build_day(built: date, days: int, expires: str) -> None:
    text = security_txt(Settings("mailto:a@example.org", days), built, "https://example.org/", ("ja",), [])
    assert f"Expires: {expires}T00:00:00Z\n" in text
