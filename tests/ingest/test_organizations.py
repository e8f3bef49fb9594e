"""Partner organisations."""

from __future__ import annotations

from ingest.organizations import find_organizations, level_name, org_name_for


def orgs(text: str) -> list[tuple[str, str, bool]]:
    return [(h.surface, h.type, h.generic) for h in find_organizations(text)]


def test_generic_and_place_bound_bodies() -> None:
    assert orgs("法院与当地党委政府、辖区律所座谈。") == [
        ("当地党委政府", "party_committee_and_government", True),
        ("辖区律所", "law_firm", True),
    ]


def test_place_before_the_type_word_names_the_body() -> None:
    hits = find_organizations("在甲市党委政法委统一领导下成立中心。")
    assert [(h.surface, h.name, h.generic) for h in hits] == [
        ("甲市党委政法委", "中共甲市委政法委员会", False)
    ]


def test_named_mediation_committee() -> None:
    hits = find_organizations("与乙县丙镇人民调解委员会建立对接机制")
    assert [(h.surface, h.type, h.generic) for h in hits] == [
        ("乙县丙镇人民调解委员会", "mediation_organization", False)
    ]


def test_titles_are_not_party_committees() -> None:
    assert [h.type for h in find_organizations("市委常委、政法委书记")] == [
        "political_legal_committee"
    ]


def test_listed_insurers_and_arbitration() -> None:
    assert [h.type for h in find_organizations("交警、法院、保险、调解及仲裁等部门")] == [
        "public_security",
        "insurance",
        "arbitration",
    ]


def test_canonical_names() -> None:
    assert org_name_for("政法委", "甲市") == "中共甲市委政法委员会"
    assert org_name_for("司法局", "乙县") == "乙县司法局"
    assert org_name_for("司法局", None) == "司法局"


def test_a_verb_before_the_type_word_is_not_part_of_the_name() -> None:
    hits = find_organizations("该院与市工商联共同建设商会调解工作室。")
    assert [(h.surface, h.generic, h.level) for h in hits] == [
        ("市工商联", False, "市"),
        ("商会", True, None),
    ]


def test_generic_word_before_a_cut_prefix() -> None:
    hits = find_organizations("全省法院会同各级党委政法委推进工作。")
    assert [(h.surface, h.generic) for h in hits] == [("各级党委政法委", True)]


def test_level_names_take_the_place_of_the_article() -> None:
    assert level_name("市工商联", "呼和浩特市") == "呼和浩特市工商业联合会"
    assert level_name("市公安局", "昆山市") == "昆山市公安局"
    assert level_name("市公安局", None) == "市公安局"


def test_type_scan_skips_no_type_word() -> None:
    """The type words' quick test (a first character, then one of the type words' characters)
    drops no type word: the scan finds what it finds without that test."""
    import re

    from ingest import organizations

    pattern = organizations._TYPE_RE.pattern
    plain = re.compile(
        "(?=[" + organizations.TYPE_FIRST_CHARS + "])" + pattern[pattern.index("(?:") :]
    )
    # every word the types are written with, each between two other characters
    words = [w for p, _, _, _ in organizations._TYPES for w in re.findall("[\u4e00-\u9fff]+", p)]
    text = "".join(f"甲{w}乙，{w}公司，" for w in words)
    found = [m.span() for m in organizations._TYPE_RE.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]
    assert len(found) >= len(organizations._TYPES)
