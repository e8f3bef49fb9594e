"""Ingest speed: extraction throughput and a whole folder into a fresh embedded store.

    python -m benchmarks.ingest_speed --count 10000          # the issue's target size
    python -m benchmarks.ingest_speed --count 300 --extract-only

Generates a seeded corpus of news-style articles (about 1,500 characters each, written from
templates for this benchmark), then measures
  1. extraction alone: read_document + extract_document, characters per second on one core,
     on 100 articles of about 5,000 characters (the issue's measure) and on the short ones;
  2. `python -m ingest FOLDER` into a new embedded ArcadeDB data directory: wall time,
     documents per second.
Targets (2-core machine): extraction ≥ 200,000 chars/s/core; 10,000 articles < 10 minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

PROVINCES = [
    ("辽宁省", "本溪市", ["明山区", "平山区", "溪湖区", "南芬区"]),
    ("浙江省", "杭州市", ["余杭区", "西湖区", "拱墅区", "临安区"]),
    ("四川省", "成都市", ["武侯区", "锦江区", "青羊区", "金牛区"]),
    ("江苏省", "南京市", ["鼓楼区", "玄武区", "江宁区", "浦口区"]),
    ("河南省", "驻马店市", ["驿城区", "西平县", "上蔡县", "平舆县"]),
    ("广东省", "广州市", ["天河区", "越秀区", "海珠区", "番禺区"]),
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
    "一站式多元解纷",
    "枫桥式人民法庭",
    "集约送达",
    "无讼村居",
    "道交一体化",
    "阅核制",
]
PARAGRAPHS = [
    "{date_cn}，{city_court}召开全市法院{init}工作推进会，院长{person}出席会议并讲话。"
    "会议总结了过去一年的工作，分析了当前面临的形势，对下一阶段任务作出部署。",
    "{county_court}自{year}年起试点{init}，在立案、调解、审理各环节建立衔接机制，"
    "全年诉前调解案件{n1}件，调解成功率达到{p1}%，平均审理时长缩短至{d1}天。",
    "{city_short}中院在全市部署推广{init2}，要求各基层法院结合实际制定实施方案，"
    "按月报送进展情况，确保各项措施落到实处。",
    "{county_short}法院与当地司法局、妇联、工商联建立协作机制，共同开展矛盾纠纷排查化解，"
    "结案量同比上升{p2}%，案件执行到位金额{n2}万元。",
    "与会人员围绕如何巩固改革成效、提升群众满意度进行了深入交流，大家一致认为要坚持"
    "问题导向，持续完善工作机制，推动审判质效稳步提升。",
    "据了解，{county_court}还设立了{n3}个巡回审判点，法官定期深入乡村和社区开展巡回审判，"
    "就地化解纠纷，受到群众的普遍欢迎。",
    "{county_short}法院{dept}负责人介绍，该院把{init}与网格化管理相结合，今年以来化解"
    "邻里、婚姻家庭、物业等纠纷{n1}起，其中{n3}起在萌芽状态即得到化解。",
    "在{year}年度全省法院工作会议上，{county_court}作为先进代表作了经验交流，"
    "其{init}做法被省高级人民法院在全省推广。",
    "{city_short}市委政法委、市司法局、市总工会等单位负责同志应邀参加会议，"
    "表示将与法院加强协作，形成矛盾纠纷多元化解的工作合力。",
    "{person}指出，各级法院要坚持把非诉讼纠纷解决机制挺在前面，健全{init2}工作体系，"
    "做到小事不出村、大事不出镇、矛盾不上交。",
    "数据显示，{year}年{city_short}两级法院共受理各类案件{n2}件，审结{n1}件，"
    "法官人均结案{n3}件，一审服判息诉率{p1}%。",
    "{county_short}法院还依托人民法院调解平台开展在线调解，当事人足不出户即可参加调解，"
    "全年在线调解案件{n1}件，占调解案件总数的{p2}%。",
    "{dept}庭长{person}表示，下一步将继续深化{init}，探索建立类案示范调解机制，"
    "以一案调解带动一批纠纷化解。",
    "会上还通报了{year}年第{quarter}季度审判质效数据，{county_court}多项指标位居全市前列，"
    "结案率达到{p1}%，同比提高{p2}个百分点。",
]
DEPTS = ["立案庭", "民一庭", "民二庭", "执行局", "审判管理办公室", "诉讼服务中心", "研究室"]


def write_corpus(folder: Path, count: int, *, seed: int = 42, paragraphs: int = 5) -> int:
    """`count` articles of `paragraphs` paragraphs into `folder`; returns the characters."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    surnames, given = "王李张刘陈杨赵黄周吴", "伟芳娜敏静丽强磊军洋勇艳杰涛明"
    for i in range(count):
        prov, city, counties = PROVINCES[i % len(PROVINCES)]
        county = rng.choice(counties)
        year = rng.randint(2018, 2025)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        fields = {
            "date_cn": f"{year}年{month}月{day}日",
            "city_court": f"{prov}{city}中级人民法院",
            "city_short": city.removesuffix("市"),
            "county_court": f"{city}{county}人民法院",
            "county_short": county.removesuffix("区").removesuffix("县"),
            "init": rng.choice(INITIATIVES),
            "init2": rng.choice(INITIATIVES),
            "person": rng.choice(surnames) + rng.choice(given) + rng.choice(given),
            "year": year - rng.randint(0, 3),
            "n1": rng.randint(200, 9000),
            "p1": round(rng.uniform(20, 90), 2),
            "d1": round(rng.uniform(10, 60), 1),
            "p2": round(rng.uniform(1, 40), 2),
            "n2": rng.randint(50, 5000),
            "n3": rng.randint(2, 30),
            "dept": rng.choice(DEPTS),
            "quarter": rng.randint(1, 4),
        }
        body = "\n".join(
            rng.choice(PARAGRAPHS).format(
                **{**fields, "n1": rng.randint(200, 9000), "p1": round(rng.uniform(20, 90), 2)}
            )
            for _ in range(paragraphs)
        )
        body += f"\n（本报记者 编号{i:05d}-{rng.randint(10**6, 10**7)}）"
        text = (
            f"{fields['city_short']}法院{fields['init']}工作动态\n"
            f"发布时间：{year}-{month:02d}-{day:02d}\n\n{body}\n"
        )
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def extraction_rate(folder: Path, limit: int = 300) -> dict[str, float]:
    """read_document + extract_document over up to `limit` files, on this one process."""
    from ingest.extract import extract_document
    from ingest.readers import read_document

    files = sorted(folder.glob("*.txt"))[:limit]
    extract_document(read_document(files[0]))  # warm caches (roster, automata)
    chars = 0
    cpu0, t0 = time.process_time(), time.perf_counter()
    for f in files:
        doc = read_document(f)
        extract_document(doc)
        chars += len(doc.text)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - t0
    return {
        "documents": len(files),
        "characters": chars,
        "cpu_s": round(cpu, 2),
        "chars_per_cpu_s": round(chars / cpu),
        "chars_per_wall_s": round(chars / wall),
    }


def ingest_run(folder: Path, data_dir: Path) -> dict[str, Any]:
    env = {**os.environ, "COURTGRAPH_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    env.pop("NEO4J_URI", None)
    # start the server first so the timing is the ingest, not the JVM start
    subprocess.run(
        [sys.executable, "-m", "graph", "status"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    t0 = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "ingest", "--quiet", str(folder)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - t0
    subprocess.run([sys.executable, "-m", "graph", "stop"], env=env, cwd=ROOT, capture_output=True)
    n = len(list(folder.glob("*.txt")))
    return {
        "documents": n,
        "wall_s": round(wall, 1),
        "documents_per_s": round(n / wall, 1),
        "exit": r.returncode,
        "summary": r.stdout.strip().splitlines()[-3:],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--extract-only", action="store_true")
    ap.add_argument("--output", type=Path, help="write the result as JSON")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        chars = write_corpus(folder, args.count, seed=args.seed)
        long_folder = Path(tmp) / "long"
        write_corpus(long_folder, 100, seed=args.seed + 1, paragraphs=60)  # ~5,000 chars each
        result: dict[str, object] = {
            "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
            "python": platform.python_version(),
            "articles": args.count,
            "characters": chars,
            "extraction_5000_char_articles": extraction_rate(long_folder),
            "extraction_short_articles": extraction_rate(folder),
        }
        if not args.extract_only:
            result["ingest"] = ingest_run(folder, Path(tmp) / "graph")
    print(json.dumps(result, ensure_ascii=False, indent=1))
    if args.output:
        args.output.write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
