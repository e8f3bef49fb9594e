"""A seeded synthetic courtgraph, written as JSON lines for the bulk loader.

At `--scale 1.0`: about 3,500 courts in a true hierarchy (最高人民法院 → 32 high → ~400
intermediate → ~3,000 basic, plus ~50 special courts), 10,000 人民法庭 under basic courts,
300 initiatives, ~42,000 people, 3,000 organisations, 40,000 outcomes, 200,000 documents,
~450,000 evidence sentences and 1,000,000 relationships. Adoption follows a diffusion: each
initiative starts in a year with pilots, higher courts promote it province by province, and
units adopt it over the following years; popularity is Zipf-skewed.

    python -m benchmarks.generate --seed 1 --scale 0.02 --out /tmp/cg-small

Files in the output directory (JSON lines):
    manifest.json   seed, scale, counts per label and type, sample ids for query parameters
    entities.jsonl  `[label, props]` of courts, tribunals, initiatives, people, orgs, outcomes
    documents.jsonl `[label, props]` of documents; evidence.jsonl: of evidence sentences
    facts.jsonl     `[type, src_id, dst_id, props]` of PART_OF (roster) and every other fact
    mentions.jsonl  `[type, src_id, dst_id, props]` of document -MENTIONS-> entity

Property names are the store's: see `graph/model.py` and `graph/store.py`.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import hashlib
import heapq
import json
import math
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from benchmarks import names
from graph.model import document_id, entity_id, fact_id, search_text

GENERATOR_VERSION = 4
NodeLine = tuple[str, dict[str, Any]]
RelLine = tuple[str, str, str, dict[str, Any]]

_EPOCH = dt.date(2010, 1, 1).toordinal()
_LAST_DAY = dt.date(2025, 6, 30).toordinal() - _EPOCH  # no report after this day


@dataclass(frozen=True)
class Sizes:
    """Target sizes; `relationships` is met exactly by topping up MENTIONS."""

    provinces: int
    intermediate: int
    basic: int
    special: int
    tribunals: int
    initiatives: int
    organizations: int
    outcomes: int
    documents: int
    relationships: int
    adopted: int
    roles: int
    partners: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        if scale <= 0:
            raise ValueError(f"scale must be positive, not {scale}")

        def n(full: int, low: int) -> int:
            return max(low, round(full * scale))

        provinces = min(32, max(4, round(32 * math.sqrt(scale))))
        intermediate = n(400, provinces)
        return cls(
            provinces=provinces,
            intermediate=intermediate,
            basic=n(3000, intermediate),
            special=n(50, 2),
            tribunals=n(10_000, 10),
            initiatives=n(300, 12),
            organizations=n(3000, 20),
            outcomes=n(40_000, 40),
            documents=n(200_000, 200),
            relationships=n(1_000_000, 1000),
            adopted=n(150_000, 150),
            roles=n(45_000, 45),
            partners=n(20_000, 20),
        )


@dataclass
class Unit:
    """A court or a tribunal."""

    index: int
    label: str  # Court | Tribunal
    name: str
    level: str
    province: str
    city: str | None
    short: str  # the name a news sentence uses (本溪中院, 东湖法庭)
    aliases: list[str]
    parent: int | None
    id: str = ""
    children: list[int] = field(default_factory=list)
    activity: float = 1.0  # how keen the unit is on reforms (skews adoption and news)

    def __post_init__(self) -> None:
        self.id = entity_id(self.label, self.name)


@dataclass(slots=True)
class Fact:
    """A relationship supported by documents (everything but the roster's PART_OF)."""

    type: str
    src: str
    dst: str
    key: tuple[Any, ...]
    props: dict[str, Any]
    subject: int  # the unit the news is about
    day: int  # days since 2010-01-01 when it happened
    n_docs: int
    sentence: str  # a template with {unit}, {date} and fact-specific fields
    quote: str
    surfaces: dict[str, str]  # entity id -> the words naming it in the sentence
    dated: bool  # does its evidence carry a date (adoptions, partnerships)
    id: str = ""
    doc_ids: list[str] = field(default_factory=list)
    best: tuple[str, str] | None = None  # earliest (date, precision) over its evidence

    def __post_init__(self) -> None:
        self.id = fact_id(self.type, self.src, self.dst, *self.key)


def _day_to_iso(day: int) -> str:
    return dt.date.fromordinal(_EPOCH + day).isoformat()


def _year_to_day(year: float) -> int:
    day = int((year - 2010.0) * 365.25)
    return max(0, min(_LAST_DAY, day))


def _place(rng: random.Random, used: set[str], suffix: str) -> str:
    for _ in range(1000):
        name = rng.choice(names.PLACE_FIRST) + rng.choice(names.PLACE_SECOND) + suffix
        if name not in used and name[0] != name[1]:
            used.add(name)
            return name
    raise RuntimeError("ran out of place names")  # pragma: no cover - 3,000 combinations


def _split(rng: random.Random, total: int, weights: list[float], *, low: int = 1) -> list[int]:
    """`total` split over len(weights) parts proportionally (largest remainder), each ≥ low."""
    k = len(weights)
    if total < low * k:
        low = 0
    rest = total - low * k
    s = sum(weights)
    raw = [rest * w / s for w in weights]
    out = [low + int(x) for x in raw]
    short = total - sum(out)
    order = sorted(range(k), key=lambda i: (raw[i] - int(raw[i]), rng.random()), reverse=True)
    for i in order[:short]:
        out[i] += 1
    return out


def _short_province(p: str) -> str:
    if p == "新疆生产建设兵团":
        return "兵团"
    for suffix in ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"):
        if p.endswith(suffix):
            return p[: -len(suffix)]
    return p


class Generator:
    """Builds the graph in memory (entities and facts) and streams documents to disk."""

    def __init__(self, seed: int, scale: float) -> None:
        self.seed = seed
        self.scale = scale
        self.sizes = Sizes.at(scale)
        self.rng = random.Random(seed)
        self.units: list[Unit] = []
        self.initiatives: list[dict[str, Any]] = []
        self.popularity: list[float] = []
        self.people: list[dict[str, Any]] = []
        self.orgs: list[dict[str, Any]] = []
        self.outcomes: list[dict[str, Any]] = []
        self.facts: list[Fact] = []
        self.surface: dict[str, str] = {}  # entity id -> short name used in sentences
        self.adopted_by: dict[int, list[int]] = {}  # unit -> initiatives it adopted
        self.people_of: dict[int, list[str]] = {}
        self.orgs_in_city: dict[tuple[str, str | None], list[int]] = {}

    # -- courts ------------------------------------------------------------------------
    def build_courts(self) -> None:
        rng, sz = self.rng, self.sizes
        units = self.units

        def add(**kw: Any) -> Unit:
            u = Unit(index=len(units), **kw)
            units.append(u)
            if u.parent is not None:
                units[u.parent].children.append(u.index)
            u.activity = rng.lognormvariate(0.0, 0.6)
            self.surface[u.id] = u.short
            return u

        add(
            label="Court",
            name="最高人民法院",
            level="supreme",
            province="",
            city=None,
            short="最高人民法院",
            aliases=["最高法", "最高院"],
            parent=None,
        )
        provinces = [p for p in names.PROVINCES if p != "新疆生产建设兵团"]
        chosen = sorted(rng.sample(provinces, min(sz.provinces, 31)), key=provinces.index)
        if sz.provinces == 32:
            chosen.append("新疆生产建设兵团")
        highs: list[Unit] = []
        for p in chosen:
            short = _short_province(p)
            name = (
                "新疆维吾尔自治区高级人民法院生产建设兵团分院"
                if p == "新疆生产建设兵团"
                else f"{p}高级人民法院"
            )
            aliases = (
                ["兵团分院"] if p == "新疆生产建设兵团" else [f"{short}高院", f"{short}高级法院"]
            )
            highs.append(
                add(
                    label="Court",
                    name=name,
                    level="high",
                    province=p,
                    city=None,
                    short=aliases[0],
                    aliases=aliases,
                    parent=0,
                )
            )
        used_cities: set[str] = set()
        per_province = _split(rng, sz.intermediate, [rng.uniform(0.4, 1.6) for _ in highs])
        mids: list[Unit] = []
        for high, k in zip(highs, per_province, strict=True):
            for _ in range(k):
                city = _place(rng, used_cities, "市")
                core = city[:-1]
                mids.append(
                    add(
                        label="Court",
                        name=f"{high.province}{city}中级人民法院",
                        level="intermediate",
                        province=high.province,
                        city=city,
                        short=f"{core}中院",
                        aliases=[f"{core}中院", f"{city}中级人民法院"],
                        parent=high.index,
                    )
                )
        per_city = _split(rng, sz.basic, [rng.uniform(0.3, 1.7) for _ in mids])
        used_counties: dict[str, set[str]] = {}
        self.basics: list[Unit] = []
        for mid, k in zip(mids, per_city, strict=True):
            used = used_counties.setdefault(mid.province, set())
            for _ in range(k):
                r = rng.random()
                suffix = "区" if r < 0.35 else "市" if r < 0.5 else "县"
                if suffix == "县" and mid.province == "内蒙古自治区" and rng.random() < 0.4:
                    suffix = "旗"
                county = _place(rng, used, suffix)
                self.basics.append(
                    add(
                        label="Court",
                        name=f"{mid.province}{mid.city}{county}人民法院",
                        level="basic",
                        province=mid.province,
                        city=mid.city,
                        short=f"{county}法院",
                        aliases=[f"{county}法院", f"{county}人民法院"],
                        parent=mid.index,
                    )
                )
        special_names: set[str] = set()
        for j in range(sz.special):
            kind, parent_level = names.SPECIAL_COURTS[j % len(names.SPECIAL_COURTS)]
            mid = rng.choice(mids)
            parent = mid if parent_level == "intermediate" else units[mid.parent or 0]
            assert mid.city is not None
            name = f"{mid.city[:-1]}{kind}"
            if name in special_names:
                continue
            special_names.add(name)
            add(
                label="Court",
                name=name,
                level="special",
                province=mid.province,
                city=mid.city,
                short=name,
                aliases=[name.replace("人民法院", "法院")] if "人民" in name else [],
                parent=parent.index,
            )
        weights = [
            (2.5 if b.short.endswith(("县法院", "旗法院")) else 1.5 if "市" in b.short else 0.6)
            for b in self.basics
        ]
        per_court = _split(rng, sz.tribunals, weights, low=0)
        for court, k in zip(self.basics, per_court, strict=True):
            used_towns: set[str] = set()
            for _ in range(k):
                town = _place(rng, used_towns, "")
                add(
                    label="Tribunal",
                    name=f"{court.name}{town}人民法庭",
                    level="tribunal",
                    province=court.province,
                    city=court.city,
                    short=f"{town}法庭",
                    aliases=[f"{town}法庭", f"{town}人民法庭"],
                    parent=court.index,
                )

    def court_nodes(self) -> Iterator[NodeLine]:
        for u in self.units:
            props: dict[str, Any] = {
                "id": u.id,
                "name": u.name,
                "kind": u.label,
                "level": u.level,
                "aliases": u.aliases,
                "search_text": search_text(u.name, u.aliases),
                "curated": True,
            }
            if u.province:
                props["province"] = u.province
            if u.city:
                props["city"] = u.city
            yield u.label, props

    def roster_rels(self) -> Iterator[RelLine]:
        for u in self.units:
            if u.parent is not None:
                p = self.units[u.parent]
                yield (
                    "PART_OF",
                    u.id,
                    p.id,
                    {"fact_id": fact_id("PART_OF", u.id, p.id), "source": "synthetic roster"},
                )

    # -- initiatives and their diffusion -----------------------------------------------
    def build_initiatives(self) -> None:
        rng, sz = self.rng, self.sizes
        rows: list[tuple[str, str, list[str], bool]] = []
        for zh, en, aliases in names.BASE_INITIATIVES:
            rows.append((zh, en, list(aliases), True))
        seen = {r[0] for r in rows}
        variants = [(v, b) for v in names.VARIANTS for b in names.BASE_INITIATIVES]
        rng.shuffle(variants)
        for (vzh, ven), (bzh, ben, _aliases) in variants:
            zh = vzh.format(bzh)
            if zh not in seen:
                seen.add(zh)
                en = ven.format(ben if ven.startswith("{") else ben[0].lower() + ben[1:])
                rows.append((zh, en, [], rng.random() < 0.7))
        rows = rows[: sz.initiatives]
        # popularity: base reforms first (shuffled), variants after, Zipf weights by rank
        order = list(range(len(rows)))
        rng.shuffle(order)
        order.sort(key=lambda i: 0 if i < len(names.BASE_INITIATIVES) else 1)
        rank = {i: r for r, i in enumerate(order)}
        for i, (zh, en, alias_list, curated) in enumerate(rows):
            props: dict[str, Any] = {
                "id": entity_id("Initiative", zh),
                "name": zh,
                "kind": "Initiative",
                "name_en": en,
                "aliases": alias_list,
                "search_text": search_text(zh, alias_list),
                "curated": curated,
            }
            if not curated:
                props["candidate"] = True
            self.initiatives.append(props)
            self.popularity.append(1.0 / (rank[i] + 2) ** 1.05)
            self.surface[props["id"]] = zh

    def initiative_nodes(self) -> Iterator[NodeLine]:
        for props in self.initiatives:
            yield "Initiative", props

    def _doc_count(self, boost: float = 1.0) -> int:
        r = self.rng.random() / boost
        if r < 0.04:
            return self.rng.randint(5, 8)
        if r < 0.09:
            return 4
        if r < 0.20:
            return 3
        if r < 0.45:
            return 2
        return 1

    def build_adoptions(self) -> None:
        """Pilots, promotion by higher courts, adoption spreading over years."""
        rng, sz = self.rng, self.sizes
        adopters = [u for u in self.units if u.level not in ("supreme",)]
        cap = int(0.8 * len(adopters))
        # water-fill skewed targets under the cap; ~7% extra facts come from pilots that
        # later adopt and from awards
        want = sz.adopted / 1.07
        weights = list(self.popularity)
        targets = [0] * len(weights)
        free = set(range(len(weights)))
        while free and want > 0:
            s = sum(weights[i] for i in free)
            capped = [i for i in free if want * weights[i] / s >= cap]
            if not capped:
                for i in free:
                    targets[i] = max(1, round(want * weights[i] / s))
                break
            for i in capped:
                targets[i] = cap
                want -= cap
                free.discard(i)
        high_of: dict[str, Unit] = {u.province: u for u in self.units if u.level == "high"}
        provinces = sorted(high_of)
        level_weight = {
            "high": 0.5,
            "intermediate": 1.0,
            "basic": 1.0,
            "special": 0.3,
            "tribunal": 0.45,
        }
        spc = self.units[0]
        for k, n in enumerate(targets):
            start = 2014.0 + rng.random() * 8.5
            home = rng.choice(provinces)
            order = [home] + rng.sample([p for p in provinces if p != home], len(provinces) - 1)
            prov_rank = {p: r for r, p in enumerate(order)}
            promoted_at = {
                p: start + 0.4 + 0.12 * r + rng.expovariate(2.0) for p, r in prov_rank.items()
            }
            prov_weight = {p: 3.0 / (1.0 + 0.15 * r) for p, r in prov_rank.items()}
            prov_weight[home] *= 3.0

            def key(u: Unit, pw: dict[str, float] = prov_weight) -> float:
                w = pw[u.province] * level_weight[u.level] * u.activity
                return rng.random() ** (1.0 / w)

            chosen = heapq.nlargest(n, adopters, key=key)
            if rng.random() < 0.35 and n > 20:
                self._adopt(spc, k, "promoted", start, boost=3.0)
            timed: list[tuple[float, Unit]] = []
            for u in chosen:
                p_at = promoted_at[u.province]
                if u.level == "high":
                    t = p_at - 0.1 * rng.random()
                elif u.level == "intermediate":
                    t = p_at + 0.5 * rng.random()
                else:
                    t = p_at + rng.gammavariate(2.0, 0.7)
                timed.append((t, u))
            timed.sort(key=lambda x: (x[0], x[1].index))
            lower = [x for x in timed if x[1].level in ("basic", "tribunal", "intermediate")]
            pilots = {u.index for _, u in lower[: max(1, min(30, len(lower) // 30))]}
            for t, u in timed:
                if u.index in pilots:
                    self._adopt(u, k, "piloted", start + rng.random() * 0.6)
                    if rng.random() < 0.6:
                        self._adopt(u, k, "adopted", t + 0.5)
                elif u.level == "high" or (u.level == "intermediate" and rng.random() < 0.6):
                    self._adopt(u, k, "promoted", t, boost=1.5)
                else:
                    self._adopt(u, k, "adopted", t)
                if rng.random() < 0.015:
                    self._adopt(u, k, "awarded", t + 1.0 + rng.random() * 2.0, boost=2.0)

    def _adopt(self, u: Unit, k: int, stage: str, year: float, *, boost: float = 1.0) -> None:
        init = self.initiatives[k]
        templates = {
            "adopted": ("{unit}{date}全面推行{init}。", "{unit}{date}深入推进{init}工作。"),
            "piloted": ("{date}，{unit}被确定为{init}试点单位。", "{unit}{date}率先试点{init}。"),
            "promoted": ("{unit}{date}在辖区部署推广{init}。", "{unit}{date}印发{init}实施意见。"),
            "awarded": ("{unit}{date}在{init}工作中获评全国先进。",),
        }
        sentence = self.rng.choice(templates[stage]).replace("{init}", init["name"])
        self.facts.append(
            Fact(
                type="ADOPTED",
                src=u.id,
                dst=init["id"],
                key=(stage,),
                props={"stage": stage},
                subject=u.index,
                day=_year_to_day(year),
                n_docs=self._doc_count(boost * (1.0 + 0.3 * u.activity)),
                sentence=sentence,
                quote=init["name"],
                surfaces={u.id: u.short, init["id"]: init["name"]},
                dated=True,
            )
        )
        self.adopted_by.setdefault(u.index, []).append(k)

    # -- people, organisations, outcomes -----------------------------------------------
    def _person_name(self) -> str:
        rng = self.rng
        s = names.SURNAMES[min(len(names.SURNAMES) - 1, int(rng.paretovariate(1.2)) - 1)]
        given = rng.choice(names.GIVEN) + (rng.choice(names.GIVEN) if rng.random() < 0.7 else "")
        return s + given

    def build_people(self) -> None:
        rng, sz = self.rng, self.sizes
        base = {"supreme": 12, "high": 10, "intermediate": 6, "special": 3, "basic": 3}
        weights = [base.get(u.level, 1) * (0.5 + u.activity) for u in self.units]
        counts = _split(rng, sz.roles, weights, low=1)
        for u, k in zip(self.units, counts, strict=True):
            used: set[str] = set()
            titles: list[str] = (
                ["庭长"] + ["副庭长", "审判员"] * k
                if u.label == "Tribunal"
                else list(names.COURT_TITLES) + list(names.DIVISION_TITLES) * k
            )
            for j in range(k):
                name = self._person_name()
                while name in used:
                    name = self._person_name()
                used.add(name)
                pid = entity_id("Person", name, u.id)
                self.people.append(
                    {
                        "id": pid,
                        "name": name,
                        "kind": "Person",
                        "aliases": [],
                        "search_text": name,
                        "curated": False,
                    }
                )
                self.people_of.setdefault(u.index, []).append(pid)
                self.surface[pid] = name
                title = titles[j]
                self.facts.append(
                    Fact(
                        type="HOLDS_ROLE",
                        src=pid,
                        dst=u.id,
                        key=(title,),
                        props={"title": title},
                        subject=u.index,
                        day=_year_to_day(2012.0 + rng.random() * 12.5),
                        n_docs=self._doc_count(1.0 + (2.0 if j == 0 else 0.0)),
                        sentence=rng.choice(
                            (
                                "{unit}" + title + name + "介绍了有关情况。",
                                name + "任{unit}" + title + "。",
                            )
                        ),
                        quote=title,
                        surfaces={pid: name, u.id: u.short},
                        dated=False,
                    )
                )

    def build_organizations(self) -> None:
        rng, sz = self.rng, self.sizes
        cities = sorted({(u.province, u.city) for u in self.units if u.level == "intermediate"})
        used: set[str] = set()
        while len(self.orgs) < sz.organizations:
            province, city = rng.choice(cities)
            assert city is not None
            full, short = rng.choice(names.ORG_TYPES)
            name = f"{province}{city}{full}"
            if name in used:
                if len(used) >= len(cities) * len(names.ORG_TYPES):
                    break
                continue
            used.add(name)
            oid = entity_id("Organization", name)
            alias = f"{city[:-1]}{short}"
            self.orgs.append(
                {
                    "id": oid,
                    "name": name,
                    "kind": "Organization",
                    "province": province,
                    "city": city,
                    "aliases": [alias],
                    "search_text": search_text(name, [alias]),
                    "curated": False,
                }
            )
            self.surface[oid] = alias
            self.orgs_in_city.setdefault((province, city), []).append(len(self.orgs) - 1)
        courts = [u for u in self.units if u.level in ("intermediate", "basic", "high")]
        cweights = [u.activity * (2.0 if u.level == "intermediate" else 1.0) for u in courts]
        cum = list(_accumulate(cweights))
        pairs: set[tuple[int, int]] = set()
        by_province: dict[str, list[int]] = {}
        for i, org_props in enumerate(self.orgs):
            by_province.setdefault(org_props["province"], []).append(i)
        tries = 0
        while len(pairs) < sz.partners and tries < sz.partners * 20:
            tries += 1
            u = courts[bisect.bisect(cum, rng.random() * cum[-1])]
            local = self.orgs_in_city.get((u.province, u.city)) or by_province.get(u.province)
            if not local:
                continue
            wider = by_province.get(u.province) or local
            o = rng.choice(local) if rng.random() < 0.85 else rng.choice(wider)
            if (u.index, o) in pairs:
                continue
            pairs.add((u.index, o))
            org = self.orgs[o]
            self.facts.append(
                Fact(
                    type="PARTNERS_WITH",
                    src=u.id,
                    dst=org["id"],
                    key=(),
                    props={},
                    subject=u.index,
                    day=_year_to_day(2015.0 + rng.random() * 10.0),
                    n_docs=self._doc_count(),
                    sentence=rng.choice(
                        (
                            "{unit}{date}与" + org["aliases"][0] + "签署合作协议。",
                            "{unit}联合" + org["aliases"][0] + "{date}建立联动机制。",
                        )
                    ),
                    quote=org["aliases"][0],
                    surfaces={u.id: u.short, org["id"]: org["aliases"][0]},
                    dated=True,
                )
            )

    def build_outcomes(self) -> None:
        rng, sz = self.rng, self.sizes
        units = [u for u in self.units if u.level != "supreme"]
        weights = [u.activity * (1.0 + len(self.adopted_by.get(u.index, ()))) for u in units]
        cum = list(_accumulate(weights))
        pop_cum = list(_accumulate(self.popularity))
        seen: set[str] = set()
        while len(self.outcomes) < sz.outcomes:
            u = units[bisect.bisect(cum, rng.random() * cum[-1])]
            metric, uom, lo, hi, direction = rng.choice(names.METRICS)
            value = round(rng.uniform(lo, hi), 1 if uom in ("%", "亿元") else 0)
            year = rng.randint(2016, 2024)
            period = rng.choice((str(year), f"{year}年上半年", f"{year}年1-9月"))
            oid = entity_id("Outcome", u.id, metric, value, uom, period)
            if oid in seen:
                continue
            seen.add(oid)
            qualifier = rng.choice((None, None, "约", "同比"))
            shown = f"{value:g}{uom}"
            props: dict[str, Any] = {
                "id": oid,
                "name": f"{metric} {shown}",
                "kind": "Outcome",
                "metric": metric,
                "value": value,
                "unit_of_measure": uom,
                "period": period,
                "aliases": [],
                "search_text": f"{metric} {shown}",
                "curated": False,
            }
            if qualifier:
                props["qualifier"] = qualifier
            if direction:
                props["direction"] = direction
            self.outcomes.append(props)
            self.surface[oid] = f"{metric}{shown}"
            verb = {"up": "提升至", "down": "下降"}.get(direction or "", "达")
            day = _year_to_day(year + 1.0 + rng.random() * 0.3)
            n_docs = self._doc_count()
            self.facts.append(
                Fact(
                    type="REPORTED",
                    src=u.id,
                    dst=oid,
                    key=(),
                    props={},
                    subject=u.index,
                    day=day,
                    n_docs=n_docs,
                    sentence=f"{period}，{{unit}}{metric}{qualifier or ''}{verb}{shown}。",
                    quote=f"{metric}{shown}",
                    surfaces={u.id: u.short, oid: metric},
                    dated=False,
                )
            )
            if rng.random() < 0.7:
                mine = self.adopted_by.get(u.index)
                k = (
                    rng.choice(mine)
                    if mine and rng.random() < 0.8
                    else bisect.bisect(pop_cum, rng.random() * pop_cum[-1])
                )
                init = self.initiatives[min(k, len(self.initiatives) - 1)]
                self.facts.append(
                    Fact(
                        type="REPORTED",
                        src=oid,
                        dst=init["id"],
                        key=(),
                        props={},
                        subject=u.index,
                        day=day,
                        n_docs=n_docs,
                        sentence=f"{metric}的变化得益于{init['name']}。",
                        quote=init["name"],
                        surfaces={oid: metric, init["id"]: init["name"]},
                        dated=False,
                    )
                )

    def entity_nodes(self) -> Iterator[NodeLine]:
        yield from self.court_nodes()
        yield from self.initiative_nodes()
        for p in self.people:
            yield "Person", p
        for o in self.orgs:
            yield "Organization", o
        for o in self.outcomes:
            yield "Outcome", o

    # -- documents ---------------------------------------------------------------------
    def plan_documents(self) -> list[tuple[int, list[int]]]:
        """Documents as (subject unit, fact indices), grouped by unit and report date."""
        rng, sz = self.rng, self.sizes
        slots: dict[int, list[tuple[int, int]]] = {}
        for i, f in enumerate(self.facts):
            day = f.day + rng.randint(0, 90)
            for _ in range(f.n_docs):
                if day > _LAST_DAY:  # no follow-up report after the last day (clamping them
                    break  # piled a tenth of all documents onto that one day)
                slots.setdefault(f.subject, []).append((day, i))
                day += rng.randint(30, 700)
        subjects = sorted(slots)
        sizes_ = [len(slots[s]) for s in subjects]
        total = sum(sizes_)
        n_docs = min(sz.documents, total)
        per_unit = _split(rng, n_docs, [float(x) for x in sizes_], low=1)
        # no unit gets more documents than it has facts to report: move the excess
        excess = 0
        for j, s in enumerate(sizes_):
            if per_unit[j] > s:
                excess += per_unit[j] - s
                per_unit[j] = s
        j = 0
        while excess and j < len(per_unit):
            room = sizes_[j] - per_unit[j]
            take = min(room, excess)
            per_unit[j] += take
            excess -= take
            j += 1
        plan: list[tuple[int, list[int]]] = []
        for s, k in zip(subjects, per_unit, strict=True):
            unit_slots = sorted(slots[s])
            cuts = sorted(rng.sample(range(1, len(unit_slots)), k - 1)) if k > 1 else []
            for a, b in zip([0, *cuts], [*cuts, len(unit_slots)], strict=True):
                plan.append((s, list(dict.fromkeys(i for _, i in unit_slots[a:b]))))
        return plan

    def write(self, out: Path) -> dict[str, Any]:
        """Build everything and write the three files; returns the manifest."""
        t0 = time.perf_counter()
        self.build_courts()
        self.build_initiatives()
        self.build_adoptions()
        self.build_people()
        self.build_organizations()
        self.build_outcomes()
        plan = self.plan_documents()
        out.mkdir(parents=True, exist_ok=True)
        counts: dict[str, int] = {}
        with (
            open(out / "entities.jsonl", "w", encoding="utf-8") as entities_fh,
            open(out / "documents.jsonl", "w", encoding="utf-8") as docs_fh,
            open(out / "evidence.jsonl", "w", encoding="utf-8") as ev_fh,
            open(out / "facts.jsonl", "w", encoding="utf-8") as rels_fh,
            open(out / "mentions.jsonl", "w", encoding="utf-8") as mentions_fh,
        ):
            for label, props in self.entity_nodes():
                _dump(entities_fh, [label, props])
                counts[label] = counts.get(label, 0) + 1
            for rel in self.roster_rels():
                _dump(rels_fh, list(rel))
                counts["PART_OF"] = counts.get("PART_OF", 0) + 1
            n_fact_rels = len(self.facts)
            mention_target = self.sizes.relationships - counts.get("PART_OF", 0) - n_fact_rels
            docs, evidence, mentions = self._write_documents(
                plan, docs_fh, ev_fh, mentions_fh, mention_target
            )
            counts["Document"] = docs
            counts["Evidence"] = evidence
            counts["MENTIONS"] = mentions
            for f in self.facts:
                if not f.doc_ids:
                    continue  # its every report fell into another copy in the same document
                props = {**f.props, "fact_id": f.id, "doc_ids": f.doc_ids}
                if f.best is not None:
                    props["date"], props["date_precision"] = f.best
                _dump(rels_fh, [f.type, f.src, f.dst, props])
                counts[f.type] = counts.get(f.type, 0) + 1
        manifest = {
            "generator_version": GENERATOR_VERSION,
            "seed": self.seed,
            "scale": self.scale,
            "counts": counts,
            "nodes": sum(v for k, v in counts.items() if k[0].isupper() and not k.isupper()),
            "relationships": sum(v for k, v in counts.items() if k.isupper()),
            "samples": self.samples(),
            "seconds": round(time.perf_counter() - t0, 1),
        }
        (out / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        return manifest

    def _write_documents(
        self,
        plan: list[tuple[int, list[int]]],
        docs_fh: IO[str],
        ev_fh: IO[str],
        mentions_fh: IO[str],
        mention_target: int,
    ) -> tuple[int, int, int]:
        rng = self.rng
        base = [len({e for i in facts for e in self.facts[i].surfaces}) for _, facts in plan]
        extra_total = max(0, mention_target - sum(base))
        extra_each = extra_total / max(1, len(plan))
        pop_cum = list(_accumulate(self.popularity))
        n_ev = n_mentions = 0
        plan.sort(key=lambda d: (min(self.facts[i].day for i in d[1]), d[0]))
        for n, (subject, fact_ids) in enumerate(plan):
            unit = self.units[subject]
            sentences: list[str] = []
            evidence: list[tuple[int, str, str | None, str | None]] = []
            last_day = 0
            for i in fact_ids:
                f = self.facts[i]
                date, precision, phrase = self._date(f)
                sentences.append(f.sentence.format(unit=unit.short, date=phrase))
                evidence.append((i, sentences[-1], date, precision))
                last_day = max(last_day, f.day)
            # extra mentions: the unit's parent, its people, a popular initiative
            want = int(extra_each) + (1 if rng.random() < extra_each - int(extra_each) else 0)
            named = {e for i in fact_ids for e in self.facts[i].surfaces}
            extras: list[str] = []
            candidates: list[str] = []
            if unit.parent is not None:
                candidates.append(self.units[unit.parent].id)
            candidates += self.people_of.get(subject, [])[:3]
            for _ in range(want + 5):  # a few spare draws for repeats
                if len(extras) >= want:
                    break
                if candidates:
                    e = candidates.pop(0)
                else:
                    k = bisect.bisect(pop_cum, rng.random() * pop_cum[-1])
                    e = self.initiatives[min(k, len(self.initiatives) - 1)]["id"]
                if e not in named:
                    named.add(e)
                    extras.append(e)
            for e in extras:
                sentences.append(f"{self.surface[e]}有关负责人出席活动。")
            text = "".join(sentences)
            day = last_day + rng.randint(1, 45)  # published a few weeks after its last fact
            content_hash = hashlib.sha256(f"{self.seed}:{n}:{text}".encode()).hexdigest()
            doc = document_id(content_hash)
            first = self.facts[fact_ids[0]]
            title = f"{unit.short}：{first.quote}工作取得新进展"
            year = _day_to_iso(day)[:4]
            urls = [f"https://court{subject % 997:03d}.example.cn/{year}/{content_hash[:12]}.html"]
            if rng.random() < 0.1:
                urls.append(f"https://news.example.cn/{year}/{content_hash[12:24]}.html")
            _dump(
                docs_fh,
                [
                    "Document",
                    {
                        "id": doc,
                        "title": title,
                        "date": _day_to_iso(day),
                        "site": rng.choice(names.SITES),
                        "content_hash": content_hash,
                        "fingerprint": hashlib.sha256(text.encode()).hexdigest(),
                        "urls": urls,
                        "text": text,
                    },
                ],
            )
            # evidence: one sentence per fact, with offsets into the text
            offsets: list[int] = []
            pos = 0
            for s in sentences:
                offsets.append(pos)
                pos += len(s)
            for j, (i, sentence, date, precision) in enumerate(evidence):
                f = self.facts[i]
                start, end = offsets[j], offsets[j] + len(sentence)
                ev: dict[str, Any] = {
                    "id": "ev:" + _digest(f.id, doc, start, end),
                    "fact_id": f.id,
                    "fact_type": f.type,
                    "doc_id": doc,
                    "sentence": sentence,
                    "start": start,
                    "end": end,
                    "quote": f.quote,
                }
                if date is not None:  # the store writes none for undated sentences either
                    ev["date"], ev["date_precision"] = date, precision
                _dump(ev_fh, ["Evidence", ev])
                n_ev += 1
                f.doc_ids.append(doc)
                if (
                    date is not None
                    and precision is not None
                    and (f.best is None or date < f.best[0])
                ):
                    f.best = (date, precision)
            # mentions: every entity named, at its first sentence
            first_at: dict[str, tuple[int, str, int]] = {}
            for j, (i, _s, _d, _p) in enumerate(evidence):
                for e, surface in self.facts[i].surfaces.items():
                    if e in first_at:
                        first_at[e] = (first_at[e][0], first_at[e][1], first_at[e][2] + 1)
                    else:
                        first_at[e] = (j, surface, 1)
            for k, e in enumerate(extras):
                first_at[e] = (len(evidence) + k, self.surface[e], 1)
            for e, (j, surface, count) in first_at.items():
                s = sentences[j]
                at = s.find(surface)
                start = offsets[j] + max(0, at)
                _dump(
                    mentions_fh,
                    [
                        "MENTIONS",
                        doc,
                        e,
                        {
                            "surface": surface,
                            "sentence": s,
                            "start": start,
                            "end": start + len(surface),
                            "count": count,
                        },
                    ],
                )
                n_mentions += 1
        return len(plan), n_ev, n_mentions

    def _date(self, f: Fact) -> tuple[str | None, str | None, str]:
        """The date an evidence sentence gives a fact, its precision and the words."""
        if not f.dated:
            return None, None, ""
        iso = _day_to_iso(f.day)
        y, m, d = iso.split("-")
        r = self.rng.random()
        if r < 0.3:
            return iso, "day", f"{int(y)}年{int(m)}月{int(d)}日起"
        if r < 0.75:
            return f"{y}-{m}", "month", f"{int(y)}年{int(m)}月"
        if r < 0.85:
            return y, "year", f"{int(y)}年"
        return iso, "document", "今年"

    # -- samples for the benchmark ---------------------------------------------------------
    def samples(self) -> dict[str, Any]:
        """Ids and words to draw query parameters from (the benchmark picks among them)."""
        rng = random.Random(self.seed + 1)

        def pick(xs: list[Any], k: int) -> list[Any]:
            return rng.sample(xs, min(k, len(xs)))

        by_level: dict[str, list[Unit]] = {}
        for u in self.units:
            by_level.setdefault(u.level, []).append(u)
        adopted_count: dict[str, int] = {}
        for f in self.facts:
            if f.type == "ADOPTED" and f.doc_ids:
                adopted_count[f.dst] = adopted_count.get(f.dst, 0) + 1
        ranked = sorted(self.initiatives, key=lambda p: -adopted_count.get(p["id"], 0))
        with_outcomes = sorted(
            {f.dst for f in self.facts if f.type == "REPORTED" and f.dst.startswith("initiative:")}
        )
        units_with_outcomes = sorted(
            {f.src for f in self.facts if f.type == "REPORTED" and not f.src.startswith("outcome:")}
        )
        fact_ids = [f.id for f in self.facts if f.doc_ids]
        doc_ids = sorted({d for f in pick(self.facts, 2000) for d in f.doc_ids})
        # the doc_ids of a small subgraph's facts (what a source list is asked for)
        doc_lists = [
            sorted({d for f in pick(self.facts, rng.randint(1, 12)) for d in f.doc_ids})
            for _ in range(50)
        ]
        words = (
            [u.name for u in pick(self.units, 60)]
            + [u.short for u in pick(self.units, 60)]
            + [p["name"] for p in pick(self.initiatives, 40)]
            + [a for p in self.initiatives for a in p["aliases"]][:20]
            + [p["name"] for p in pick(self.people, 20)]
            + [o["aliases"][0] for o in pick(self.orgs, 20)]
            + ["诉源治理", "人民法庭", "中院", "调解"]
        )
        return {
            "supreme": self.units[0].id,
            "high": [u.id for u in by_level.get("high", [])],
            "intermediate": [u.id for u in pick(by_level.get("intermediate", []), 100)],
            "basic": [u.id for u in pick(by_level.get("basic", []), 300)],
            "tribunal": [u.id for u in pick(by_level.get("tribunal", []), 100)],
            "initiatives_by_adopters": [
                {"id": p["id"], "adopters": adopted_count.get(p["id"], 0)} for p in ranked
            ],
            "initiatives_with_outcomes": pick(with_outcomes, 100),
            "units_with_outcomes": pick(units_with_outcomes, 100),
            "people": [p["id"] for p in pick(self.people, 100)],
            "organizations": [o["id"] for o in pick(self.orgs, 50)],
            "fact_ids": pick(fact_ids, 300),
            "documents": pick(doc_ids, 300),
            "document_lists": [",".join(x) for x in doc_lists if x],
            "provinces": sorted({u.province for u in self.units if u.province}),
            "search_words": words,
        }


def _accumulate(xs: list[float]) -> Iterator[float]:
    s = 0.0
    for x in xs:
        s += x
        yield s


def _digest(*parts: object) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(str(p).encode("utf-8"))
        h.update(b"\x1e")
    return h.hexdigest()[:16]


def _dump(fh: IO[str], row: list[Any]) -> None:
    fh.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
    fh.write("\n")


# -- reading back --------------------------------------------------------------------------
def read_manifest(directory: Path) -> dict[str, Any]:
    return dict(json.loads((directory / "manifest.json").read_text(encoding="utf-8")))


NODE_FILES = ("entities", "documents", "evidence")
REL_FILES = ("facts", "mentions")


def read_nodes(directory: Path, *files: str) -> Iterator[NodeLine]:
    """`(label, props)` per node of the given files (default: all, entities first)."""
    for name in files or NODE_FILES:
        with open(directory / f"{name}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                label, props = json.loads(line)
                yield label, props


def read_props(directory: Path, name: str) -> Iterator[dict[str, Any]]:
    """The props of every node in one node file (for `bulk_load(concurrent=...)`)."""
    for _label, props in read_nodes(directory, name):
        yield props


def read_rels(directory: Path, *files: str) -> Iterator[RelLine]:
    """`(type, src id, dst id, props)` per relationship (default: facts, then mentions)."""
    for name in files or REL_FILES:
        with open(directory / f"{name}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                rel_type, src, dst, props = json.loads(line)
                yield rel_type, src, dst, props


def default_dir(seed: int, scale: float) -> Path:
    return Path(__file__).resolve().parent / "data" / f"seed{seed}-scale{scale:g}"


def ensure_generated(
    seed: int, scale: float, out: Path | None = None
) -> tuple[Path, dict[str, Any]]:
    """The generated graph's directory and manifest, generating it unless already there."""
    out = out or default_dir(seed, scale)
    try:
        manifest = read_manifest(out)
        if (
            manifest.get("generator_version") == GENERATOR_VERSION
            and manifest.get("seed") == seed
            and manifest.get("scale") == scale
        ):
            return out, manifest
    except (OSError, ValueError):
        pass
    return out, Generator(seed, scale).write(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate", description="Write a seeded synthetic courtgraph."
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = full size (default)")
    parser.add_argument("--out", type=Path, help="output directory (default benchmarks/data/…)")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        print(f"Error: --scale must be positive, not {args.scale}", file=sys.stderr)
        return 2
    out = args.out or default_dir(args.seed, args.scale)
    manifest = Generator(args.seed, args.scale).write(out)
    print(
        f"wrote {manifest['nodes']:,} nodes and {manifest['relationships']:,} relationships "
        f"to {out} in {manifest['seconds']} s"
    )
    for k, v in manifest["counts"].items():
        print(f"  {k:14s} {v:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
