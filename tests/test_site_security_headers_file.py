"""_headers: one rule for the whole site, with the union of every page's hashes, read as hosts read it."""

from __future__ import annotations

import pytest
from static_host import headers_for, read_headers_file

from isocontrols.site_security.headers_file import headers_file
from isocontrols.site_security.policy import InlineSources, content_security_policy, permissions_policy

PAGES = [InlineSources(("'sha256-B'", "'sha256-A'")), InlineSources(("'sha256-A'", "'sha256-C'"), ("'sha256-S'",))]


@pytest.mark.parametrize(("base_path", "rule"), [("/decidim-security/", "/decidim-security/*"), ("/", "/*")])
def test_one_rule_covers_every_path_of_the_site(base_path: str, rule: str) -> None:
    text, problems = headers_file(base_path, PAGES)
    assert problems == []
    assert [line for line in text.splitlines() if line and not line[0].isspace() and not line.startswith("#")] == [rule]


def test_hosts_read_the_policy_with_every_page_hash_and_the_hardening_headers() -> None:
    text, _ = headers_file("/decidim-security/", PAGES)
    headers = headers_for(read_headers_file(text), "/decidim-security/operations/")
    assert headers == {
        "Content-Security-Policy": content_security_policy(
            InlineSources(("'sha256-A'", "'sha256-B'", "'sha256-C'"), ("'sha256-S'",)), header=True
        ),
        "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
        "Permissions-Policy": permissions_policy(),
    }
    assert headers_for(read_headers_file(text), "/elsewhere/") == {}


def test_the_file_says_who_reads_it_and_what_github_pages_cannot_send() -> None:
    text, _ = headers_file("/", PAGES)
    assert text.startswith("# Security headers for hosts that read this file (Cloudflare Pages, Netlify)")
    assert "GitHub Pages cannot send custom headers" in text


def test_a_line_longer_than_cloudflare_reads_is_a_problem() -> None:
    many = [InlineSources(tuple(f"'sha256-{n:044d}='" for n in range(40)))]
    text, problems = headers_file("/", many)
    long_line = next(number for number, line in enumerate(text.splitlines(), start=1) if len(line) > 2000)
    assert [(problem.file, problem.line) for problem in problems] == [("_headers", long_line)]
    assert "Cloudflare Pages reads at most 2000 a line" in problems[0].message
