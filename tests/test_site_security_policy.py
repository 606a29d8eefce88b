"""The policy text: the same directives in the <meta> and the header, hashes added, nothing unsafe but in the preview."""

from __future__ import annotations

import pytest

from isocontrols.site_security.policy import (
    InlineSources,
    content_security_policy,
    for_live_preview,
    permissions_policy,
    security_headers,
    union,
)

SCRIPT_A = "'sha256-AAAA'"
SCRIPT_B = "'sha256-BBBB'"
STYLE = "'sha256-SSSS'"


@pytest.mark.parametrize(
    ("inline", "header", "expected"),
    [
        (
            InlineSources(),
            False,
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; worker-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'",
        ),
        (
            InlineSources((SCRIPT_A, SCRIPT_B), (STYLE,)),
            False,
            f"default-src 'self'; script-src 'self' {SCRIPT_A} {SCRIPT_B}; style-src 'self' {STYLE}; img-src 'self' data:; "
            "worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
        ),
        (
            InlineSources((SCRIPT_A,)),
            True,
            f"default-src 'self'; script-src 'self' {SCRIPT_A}; style-src 'self'; img-src 'self' data:; worker-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        ),
    ],
    ids=["no-inline-code", "meta-with-hashes", "header"],
)
def test_policy_lists_the_directives_and_the_page_hashes(inline: InlineSources, header: bool, expected: str) -> None:
    assert content_security_policy(inline, header=header) == expected


@pytest.mark.parametrize("header", [False, True])
def test_published_policy_never_allows_unsafe_scripts(header: bool) -> None:
    policy = content_security_policy(InlineSources((SCRIPT_A,), (STYLE,)), header=header)
    assert "unsafe" not in policy


def test_live_preview_allows_inline_scripts_and_keeps_every_other_rule() -> None:
    preview = content_security_policy(for_live_preview(InlineSources((SCRIPT_A,), (STYLE,))))
    assert "script-src 'self' 'unsafe-inline';" in preview
    assert SCRIPT_A not in preview  # a hash would switch 'unsafe-inline' off
    assert f"style-src 'self' {STYLE};" in preview and "object-src 'none'" in preview


def test_union_lists_each_source_once_in_a_fixed_order() -> None:
    pages = [InlineSources((SCRIPT_B, SCRIPT_A)), InlineSources((SCRIPT_A,), (STYLE,)), InlineSources()]
    assert union(pages) == InlineSources((SCRIPT_A, SCRIPT_B), (STYLE,))
    assert union(reversed(pages)) == union(pages)


def test_headers_carry_the_header_policy_and_the_hardening_a_reviewer_checks() -> None:
    headers = dict(security_headers(InlineSources((SCRIPT_A,))))
    assert headers["Content-Security-Policy"] == content_security_policy(InlineSources((SCRIPT_A,)), header=True)
    assert headers["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Permissions-Policy"] == permissions_policy()


def test_permissions_policy_refuses_unused_features_and_keeps_the_clipboard() -> None:
    policy = permissions_policy()
    assert "camera=(), " in policy and "geolocation=()" in policy
    assert "clipboard" not in policy  # the copy-link buttons write to it
    assert all(item.endswith("=()") for item in policy.split(", "))
