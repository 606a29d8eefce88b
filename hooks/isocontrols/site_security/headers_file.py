"""``_headers`` at the site root: the security headers, for hosts that read the file (Cloudflare Pages, Netlify).

One rule for every path of the site. Its Content-Security-Policy allows the inline scripts
of every page (the hashes of all of them), and each page's own ``<meta>`` policy allows
only that page's: a browser enforces both, so each page runs exactly its own inline
scripts, and a page whose ``<meta>`` went missing still runs nothing the site did not
write. One rule rather than one per page: hashes change with every release of Material,
pages come and go, and Cloudflare Pages reads at most 100 rules of 2000 characters a line.
"""

from __future__ import annotations

from collections.abc import Iterable

from isocontrols.problems import Problem
from isocontrols.site_security.policy import InlineSources, security_headers, union

FILE_NAME = "_headers"

LINE_LIMIT = 2000
"""The longest line Cloudflare Pages reads in ``_headers``."""

PREAMBLE = """\
# Security headers for hosts that read this file (Cloudflare Pages, Netlify), written by the build.
# GitHub Pages cannot send custom headers: there every page carries its Content-Security-Policy and
# Referrer-Policy as <meta> elements, and the rest is missing (see the README, "Security headers").
"""


def headers_file(base_path: str, pages: Iterable[InlineSources]) -> tuple[str, list[Problem]]:
    """The text of ``_headers`` for a site served at ``base_path`` (``/decidim-security/``), and a problem per line too long."""
    lines = [f"{base_path.rstrip('/')}/*"] + [f"  {name}: {value}" for name, value in security_headers(union(pages))]
    problems = [
        Problem(
            FILE_NAME,
            number,
            f"{len(line)} characters, and Cloudflare Pages reads at most {LINE_LIMIT} a line: "
            "move inline scripts of the templates into files under overrides/assets/javascripts/",
        )
        for number, line in enumerate(lines, start=PREAMBLE.count("\n") + 1)
        if len(line) > LINE_LIMIT
    ]
    return PREAMBLE + "\n".join(lines) + "\n", problems
