"""Generated sample articles for pipeline tests: distinct stories, written for the project."""

from __future__ import annotations

import random
from pathlib import Path

COURTS = [
    ("辽宁省本溪市明山区人民法院", "明山区法院"),
    ("辽宁省本溪市平山区人民法院", "平山区法院"),
    ("辽宁省鞍山市铁东区人民法院", "铁东区法院"),
    ("辽宁省海城市人民法院", "海城市法院"),
    ("辽宁省盖州市人民法院", "盖州市法院"),
    ("浙江省杭州市余杭区人民法院", "余杭区法院"),
    ("四川省成都市武侯区人民法院", "武侯区法院"),
    ("江苏省南京市鼓楼区人民法院", "鼓楼区法院"),
]
INITIATIVES = [
    "诉源治理",
    "繁简分流",
    "分调裁审",
    "共享法庭",
    "法官进网格",
    "跨域立案",
    "人民调解员驻院调解",
    "小额诉讼",
]
OPENERS = [
    "近日，{full}召开工作推进会。",
    "{year}年{month}月，{full}举行新闻发布会。",
    "记者从{full}获悉，",
    "为回应群众关切，{full}",
]
MIDDLES = [
    "该院全面推行{init}，",
    "{short}于{year}年{month}月起试点{init}，",
    "{short}持续深化{init}改革，",
    "{short}把{init}作为年度重点工作，",
]
FIGURES = [
    "全年审结案件{n}件，同比上升{p}%。",
    "诉前调解成功{n}件，调解成功率达到{p}%。",
    "平均审理时长缩短至{d}天。",
    "受理案件{n}件，结案率{p}%。",
]
CLOSERS = [
    "下一步，该院将继续完善工作机制。",
    "与会人员围绕如何巩固成效进行了交流。",
    "群众对这项改革给予积极评价。",
    "相关做法得到上级法院肯定。",
]


def write_articles(folder: Path, count: int, *, seed: int = 7) -> list[Path]:
    """`count` short articles with different courts, initiatives, figures and wording."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        full, short = COURTS[i % len(COURTS)]
        init = INITIATIVES[(i * 3 + i // len(COURTS)) % len(INITIATIVES)]
        year, month = 2019 + i % 6, 1 + (i * 5) % 12
        parts = [
            rng.choice(OPENERS),
            rng.choice(MIDDLES),
            rng.choice(FIGURES),
            rng.choice(FIGURES),
            rng.choice(CLOSERS),
            f"（第{i + 1}期，编号{rng.randint(1000, 9999)}）",
        ]
        text = "".join(parts).format(
            full=full,
            short=short,
            init=init,
            year=year,
            month=month,
            n=rng.randint(100, 9000),
            p=round(rng.uniform(10, 95), 1),
            d=round(rng.uniform(8, 60), 1),
        )
        head = f"{short}{init}工作动态之{i + 1}\n发布时间：{year}-{month:02d}-{1 + i % 27:02d}\n\n"
        path = folder / f"article_{i:03d}.txt"
        path.write_text(head + text + "\n", encoding="utf-8")
        paths.append(path)
    return paths
