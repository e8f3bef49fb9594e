"""Partner organisations."""

from __future__ import annotations

from ingest.organizations import find_organizations, org_name_for


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
