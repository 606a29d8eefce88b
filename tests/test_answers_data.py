"""answers/data.py: the answers data the build writes, and the answer to each item asked."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import copy_fixture_site, SITE_URL, build_site

from isocontrols.answers import data, resolver
from isocontrols.catalogue import LANGUAGES, load



def _document(site: Path, language: str) -> dict:
    return json.loads((site / data.data_path(language)).read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_control_of_the_catalogue_is_in_the_data(built_site: Path, language: str) -> None:
    document = _document(built_site, language)
    catalogue = load()
    assert (document["schema_version"], document["language"], document["site_url"]) == (1, language, SITE_URL)
    assert list(document["controls"]) == list(catalogue.controls)
    assert set(document["controls_2022"]) == set(catalogue.controls_2022)
    assert set(document["groups"]) == {group for group in catalogue.groups if group.startswith("A.")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_control_has_the_sections_of_controls_json(built_site: Path, language: str) -> None:
    """The answers and the exports come from one index: the same sections for each control, in the same order."""
    document = _document(built_site, language)
    exported = json.loads((built_site / "controls.json").read_text(encoding="utf-8"))
    base = "/decidim-security/"
    for control in exported["controls"]:
        expected = [section["url"][language].removeprefix(base) for section in control["sections"]]
        keys = document["controls"][control["id"]]["sections"]
        assert [document["sections"][key]["path"] for key in keys] == expected, control["id"]
    cited = {control["id"] for control in exported["controls"]}
    assert all(not entry["sections"] and entry["path"] is None for i, entry in document["controls"].items() if i not in cited)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_address_in_the_data_exists_in_the_site(built_site: Path, language: str) -> None:
    document = _document(built_site, language)
    paths = [section["path"] for section in document["sections"].values()]
    paths += [entry["path"] for kind in ("controls", "controls_2022") for entry in document[kind].values() if entry["path"]]
    for path in paths:
        page, anchor = path.split("#")
        assert page.startswith("en/") == (language == "en"), path
        assert f'id="{anchor}"' in (built_site / page / "index.html").read_text(encoding="utf-8"), path


def test_a_2022_control_has_the_sections_of_the_2013_controls_that_map_to_it(built_site: Path) -> None:
    document = _document(built_site, "ja")
    backup = document["controls_2022"]["8.13"]
    assert backup["ids_2013"] == ["A.12.3.1"]
    assert backup["sections"] == document["controls"]["A.12.3.1"]["sections"] == ["operations.md#backup"]
    assert backup["path"] == "controls-2022/#iso2022-8-13"
    new = document["controls_2022"]["5.7"]
    assert (new["ids_2013"], new["sections"], new["path"]) == ([], [], None)


def test_titles_say_their_language(built_site: Path) -> None:
    japanese, english = _document(built_site, "ja"), _document(built_site, "en")
    assert japanese["controls"]["A.12.3.1"] | {"sections": []} == {
        "title": "情報のバックアップ", "title_lang": "ja", "path": "controls/#a-12-3-1", "ids_2022": ["8.13"], "sections": [],
    }
    assert (japanese["controls_2022"]["8.13"]["title"], japanese["controls_2022"]["8.13"]["title_lang"]) == ("Information backup", "en")
    assert english["controls"]["A.12.3.1"]["path"] == "en/controls/#a-12-3-1"
    assert english["sections"]["operations.md#backup"]["label"] == "5.3. Backup"


# ---------------------------------------------------------------------------------------
# The answer to one item.

ANSWERS = [
    # (language, asked, status, control cell, title, equivalents, section labels, message)
    ("ja", "9.2.3", data.ANSWERED, "A.9.2.3", "特権的アクセス権の管理", ("8.2 Privileged access rights",),
     ("4.3. 認証情報の管理", "4.4. ユーティリティプログラム"), ""),
    ("en", "A.9.2.3", data.ANSWERED, "A.9.2.3", "Management of privileged access rights", ("8.2 Privileged access rights",),
     ("4.3. Management of authentication information", "4.4. Utility programs"), ""),
    ("ja", "8.13", data.ANSWERED, "8.13 (ISO/IEC 27001:2022)", "Information backup", ("A.12.3.1 情報のバックアップ",), ("5.3. バックアップ",), ""),
    ("ja", "CLD.6.3.1", data.ANSWERED, "CLD.6.3.1", "クラウドコンピューティング環境における役割及び責任の共有及び分担", (), ("2.4. 責任範囲（共有 Model）",), ""),
    ("ja", "A.5.1.2", data.NOT_ADDRESSED, "A.5.1.2", "情報セキュリティのための方針群のレビュー", ("5.1 Policies for information security",), (),
     "この管理策を引用している節は、ホワイトペーパーにありません。"),
    ("en", "5.7", data.NOT_ADDRESSED, "5.7 (ISO/IEC 27001:2022)", "Threat intelligence", (), (),
     "New in ISO/IEC 27001:2022: no ISO/IEC 27001:2013 control maps to it."),
    ("en", "A.12.4.5", data.NO_CONTROL, "A.12.4.5", "", (), (),
     "No control is numbered A.12.4.5 in ISO/IEC 27001:2013, ISO/IEC 27017 or ISO/IEC 27001:2022. Did you mean CLD.12.4.5?"),
    ("ja", "A.9.2", data.NO_CONTROL, "A.9.2", "利用者アクセスの管理", (), (),
     "ISO/IEC 27001:2013 附属書 A の管理目的で、個別の管理策ではありません。含まれる管理策の番号を入力してください："
     "A.9.2.1、A.9.2.2、A.9.2.3、A.9.2.4、A.9.2.5、A.9.2.6"),
    ("ja", "附属書", data.NO_CONTROL, "", "", (), (), "管理策番号として読み取れませんでした。A.9.2.3、CLD.6.3.1、8.13 のように入力してください。"),
]


@pytest.mark.parametrize(("language", "asked", "status", "control", "title", "equivalents", "labels", "message"), ANSWERS)
def test_answer(built_site: Path, language: str, asked: str, status: str, control: str, title: str, equivalents: tuple, labels: tuple, message: str) -> None:  # noqa: PLR0913
    document = _document(built_site, language)
    [answer] = data.answers(asked, document)
    assert (answer.status, answer.control, answer.title, answer.equivalents, answer.message) == (status, control, title, equivalents, message)
    assert tuple(section.label for section in answer.sections) == labels
    for section in answer.sections:
        assert section.url == urljoin(SITE_URL, document["sections"][section.key]["path"])
    assert answer.text == ("\n\n".join(f"{s.label}\n{s.text}" for s in answer.sections) or message)


def test_answers_keep_the_order_asked_and_repeats(built_site: Path) -> None:
    document = _document(built_site, "en")
    answers = data.answers("8.13\nA.9.2.3, 8.13 foo", document)
    assert [(a.asked.typed, a.asked.kind) for a in answers] == [
        ("8.13", resolver.CONTROL_2022), ("A.9.2.3", resolver.CONTROL_2013), ("8.13", resolver.CONTROL_2022), ("foo", resolver.TEXT),
    ]


# ---------------------------------------------------------------------------------------
# Written by the hook.


def test_the_hook_writes_the_data_of_each_language_with_the_published_text(tmp_path: Path) -> None:
    project = copy_fixture_site(tmp_path / "project")
    config = project / "mkdocs.yml"
    operations = project / "docs" / "en" / "operations.md"
    hostile = 'Kept <b>three</b> generations &amp; "=SUM(A1)" &lt;img src=x onerror=alert(1)&gt;.'
    text = operations.read_text(encoding="utf-8")
    operations.write_text(text.replace(text.split("\n\n")[2], hostile, 1), encoding="utf-8")
    site = build_site(config, project / "site")
    japanese, english = _document(site, "ja"), _document(site, "en")
    assert japanese["sections"]["operations.md#backup"] == {"label": "5.3. バックアップ", "path": "operations/#backup", "text": "日次で 3 世代分のデータを保持します。", "outdated": False}
    assert english["sections"]["operations.md#backup"]["text"] == 'Kept three generations & "=SUM(A1)" <img src=x onerror=alert(1)>.'
    assert english["controls"]["A.12.3.1"]["sections"] == ["operations.md#backup", "operations.md#logging"]
    assert not (site / "en" / "answers").exists()
