"""The policies the site sends: Content-Security-Policy, Referrer-Policy and the other security headers.

Every page carries its Content-Security-Policy and Referrer-Policy as ``<meta>`` elements,
because GitHub Pages sends no custom headers. Hosts that read ``_headers`` (Cloudflare
Pages, Netlify) send the policy as a header too, with what only a header can carry:
``frame-ancestors``, HSTS, ``nosniff``, the Permissions-Policy. A browser enforces every
policy it receives, so there a page is held to both, and a resource loads only if both allow it.

Why each directive::

    default-src 'self'        everything from the site itself, nothing from any other host
    script-src 'self' <hash>  the site's script files and the inline scripts the page really
                              contains, each by its sha256 hash (never 'unsafe-inline' or
                              'unsafe-eval': neither Material nor our scripts need them)
    style-src 'self' <hash>   the site's stylesheets and any <style> element, by hash; no
                              'unsafe-inline': Material sets styles only through the CSSOM
                              (element.style, style.setProperty), which CSP does not govern,
                              and writes no style attribute or <style> (with font: false)
    img-src 'self' data:      Material's stylesheet draws its icons from data: SVG URLs
    worker-src 'self'         the search worker: Material starts it with new Worker(url), a
                              script on the site (overrides/partials/isosearch-config.html)
    object-src 'none'         no plugins
    base-uri 'self'           no <base> that would send relative links elsewhere
    form-action 'self'        the search form submits nowhere else
    frame-ancestors 'none'    (header only: a <meta> policy cannot carry it) no framing
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
"""The Content-Security-Policy of every page, before the hashes of its inline code."""

HEADER_ONLY_DIRECTIVES: tuple[tuple[str, str], ...] = (("frame-ancestors", "'none'"),)
"""What a ``<meta>`` policy cannot carry (browsers ignore it there), sent only as a header."""

REFERRER_POLICY = "same-origin"
"""Addresses of the site's pages go to the site only: another host learns nothing of what was read."""

STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains"
"""HTTPS only, for two years (the value the HSTS preload list asks for), subdomains included."""

UNUSED_FEATURES: tuple[str, ...] = (
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
"""Browser features no page uses, refused to the page and anything it could embed.

Only features Chromium knows (an unknown one is a console warning); ``clipboard-write``
stays allowed for the site itself: the copy-link buttons need it.
"""


@dataclass(frozen=True)
class InlineSources:
    """The sources that allow a page's inline scripts and styles: ``'sha256-…'`` hashes, in page order."""

    scripts: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()


def union(pages: Iterable[InlineSources]) -> InlineSources:
    """Every page's inline sources at once, each once, sorted (the same text whatever the page order)."""
    scripts: set[str] = set()
    styles: set[str] = set()
    for page in pages:
        scripts.update(page.scripts)
        styles.update(page.styles)
    return InlineSources(tuple(sorted(scripts)), tuple(sorted(styles)))


def for_live_preview(inline: InlineSources) -> InlineSources:
    """The sources for ``mkdocs serve``, which adds an inline live-reload script of its own to every page.

    That script changes with every request, so no hash can allow it: the preview allows
    inline scripts ('unsafe-inline') and keeps every other rule of the published policy,
    so a writer still sees in the preview what the policy blocks.
    """
    return InlineSources(("'unsafe-inline'",), inline.styles)


def content_security_policy(inline: InlineSources, *, header: bool = False) -> str:
    """The policy as one line: in a ``<meta>`` element, or (``header``) as the HTTP header with its header-only directives."""
    extra = {"script-src": inline.scripts, "style-src": inline.styles}
    directives = DIRECTIVES + (HEADER_ONLY_DIRECTIVES if header else ())
    return "; ".join(" ".join((name, value, *extra.get(name, ()))) for name, value in directives)


def permissions_policy() -> str:
    """The Permissions-Policy header: every unused feature refused (``camera=()``)."""
    return ", ".join(f"{feature}=()" for feature in UNUSED_FEATURES)


def security_headers(inline: InlineSources) -> tuple[tuple[str, str], ...]:
    """The headers every response gets where the host can send them, with the policy allowing ``inline``."""
    return (
        ("Content-Security-Policy", content_security_policy(inline, header=True)),
        ("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", REFERRER_POLICY),
        ("Permissions-Policy", permissions_policy()),
    )
