"""Determinism: two builds of the same commit give the same files, byte for byte.

Only the sitemap and security.txt may differ, and only in their dates: a page that Git
does not know yet (not committed) is dated with the day of the build, sitemap.xml.gz
records when it was written, and security.txt expires a number of days after the build
day (two builds either side of midnight UTC differ there). Everything else, including each
page's last-changed date, comes from the sources and from Git, so it is the same in every build.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from conftest import ROOT, build_site

SITEMAP_DATE = re.compile(rb"<lastmod>[^<]*</lastmod>")
EXPIRES = re.compile(rb"^Expires: .*$", re.MULTILINE)


def _files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by path; the sitemap without its dates, unzipped."""
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        content = path.read_bytes()
        if name.endswith("sitemap.xml.gz"):
            content = gzip.decompress(content)
        if "sitemap.xml" in name:
            content = SITEMAP_DATE.sub(b"<lastmod/>", content)
        if name == ".well-known/security.txt":
            content = EXPIRES.sub(b"Expires:", content)
        files[name] = content
    return files


def test_two_builds_of_the_same_sources_are_identical(tmp_path: Path) -> None:
    # Two builds back to back (not the session's site, built earlier: the sources may have moved since).
    first = _files(build_site(ROOT / "mkdocs.yml", tmp_path / "first"))
    second = _files(build_site(ROOT / "mkdocs.yml", tmp_path / "second"))
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
