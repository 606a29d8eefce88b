"""``/.well-known/security.txt`` (RFC 9116): where to report a vulnerability, written at every build.

Its settings live in ``mkdocs.yml``::

    extra:
      security:
        contact: mailto:info@code4japan.org   # required: mailto:, https:// or tel:
        expires_after_days: 180               # optional, 1 to 365 (default 180)

``Expires`` is the day ``expires_after_days`` after the build day, at 00:00 UTC (so two
builds on one day write the same file; ``SOURCE_DATE_EPOCH`` fixes the build day). RFC 9116
asks for less than a year, so more than 365 days is refused. ``Preferred-Languages`` lists
the site's languages, ``Canonical`` the file's own address and ``Policy`` the contact page
of each language. The file is not signed: there is no OpenPGP key to sign it with.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from isocontrols.problems import Problem

PATH = ".well-known/security.txt"
"""Where RFC 9116 puts the file, under the site's address."""

DEFAULT_EXPIRES_AFTER_DAYS = 180
MAX_EXPIRES_AFTER_DAYS = 365
CONTACT_SCHEMES = ("mailto:", "https://", "tel:")

COMMENT = """\
# このサイトと、サイトが説明するサービスの脆弱性の報告先です（RFC 9116）。
# Where to report a vulnerability in this site or in the service it describes (RFC 9116).
"""


@dataclass(frozen=True)
class Settings:
    """``extra.security`` of ``mkdocs.yml``, checked."""

    contact: str
    expires_after_days: int = DEFAULT_EXPIRES_AFTER_DAYS


def _line_of(config_text: str, key: str) -> int | None:
    """The line (from 1) of ``mkdocs.yml`` where ``key:`` is set, for the message."""
    for number, line in enumerate(config_text.splitlines(), start=1):
        if line.strip().startswith(f"{key}:"):
            return number
    return None


def _contact_problem(contact: Any) -> str | None:
    """What is wrong with the ``contact`` setting, or ``None``."""
    example = "contact: mailto:security@example.org"
    if not contact:
        return f"extra.security.contact is missing: security.txt (RFC 9116) needs an address to report vulnerabilities to, e.g. `{example}`"
    if not isinstance(contact, str) or any(character.isspace() for character in contact):
        return f"extra.security.contact is {contact!r}: write one address, without spaces or line breaks, e.g. `{example}`"
    if contact.startswith("http://"):
        return f"extra.security.contact {contact} is not HTTPS: RFC 9116 accepts only https:// web addresses; write https://{contact[7:]}"
    if "@" in contact and ":" not in contact:
        return f"extra.security.contact {contact} is an e-mail address without its scheme: write mailto:{contact}"
    if not contact.startswith(CONTACT_SCHEMES) or len(contact) <= contact.index(":") + 1:
        return f"extra.security.contact {contact} is not an address security.txt accepts: begin it with mailto:, https:// or tel:"
    return None


def _days_problem(days: Any) -> str | None:
    """What is wrong with the ``expires_after_days`` setting, or ``None``."""
    if isinstance(days, bool) or not isinstance(days, int):
        return f"extra.security.expires_after_days is {days!r}: write a whole number of days, e.g. {DEFAULT_EXPIRES_AFTER_DAYS}"
    if days < 1:
        return f"extra.security.expires_after_days is {days}: security.txt must expire after the build; write 1 to {MAX_EXPIRES_AFTER_DAYS}"
    if days > MAX_EXPIRES_AFTER_DAYS:
        return (
            f"extra.security.expires_after_days is {days}: that puts Expires more than a year after the build, "
            f"which RFC 9116 advises against; write {MAX_EXPIRES_AFTER_DAYS} or fewer (default {DEFAULT_EXPIRES_AFTER_DAYS})"
        )
    return None


def settings(extra: Mapping[str, Any], config_file: str, config_text: str) -> tuple[Settings | None, list[Problem]]:
    """Read and check ``extra.security``: the settings, or ``None`` and a problem per wrong setting."""
    section = extra.get("security") or {}
    if not isinstance(section, Mapping):
        return None, [Problem(config_file, _line_of(config_text, "security"), "extra.security must be a mapping with `contact:` (and `expires_after_days:`)")]
    contact = section.get("contact")
    days = section.get("expires_after_days", DEFAULT_EXPIRES_AFTER_DAYS)
    problems = [
        Problem(config_file, _line_of(config_text, key), message)
        for key, message in (("contact", _contact_problem(contact)), ("expires_after_days", _days_problem(days)))
        if message
    ]
    return (None if problems else Settings(contact, days)), problems


def security_txt(settings: Settings, build_day: date, site_url: str, languages: Sequence[str], policies: Sequence[str]) -> str:
    """The file's text: ``site_url`` ends with ``/``; ``policies`` are the contact page's addresses, one per language."""
    expires = build_day + timedelta(days=settings.expires_after_days)
    fields = [
        ("Contact", settings.contact),
        ("Expires", f"{expires.isoformat()}T00:00:00Z"),
        ("Preferred-Languages", ", ".join(languages)),
        ("Canonical", f"{site_url}{PATH}"),
        *(("Policy", policy) for policy in policies),
    ]
    return COMMENT + "".join(f"{name}: {value}\n" for name, value in fields)
