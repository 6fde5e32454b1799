"""Reading back what a generated graph.html hands to its script (for the tests, without a browser)."""

import base64
import gzip
import json
import re

BLOCK = re.compile(
    r'<script type="application/(?:json|gzip)" id="kg-(nodes|data)"( data-encoding="gzip\+base64")?>(.*?)</script>',
    re.S,
)


def page_json(text: str) -> tuple[list[dict], dict]:
    """Every vis node of the page (provinces too) and its data object (pairs, rows, reports, sentences, styles),
    from JSON blocks or from compressed ones (gzip in base64)."""
    blocks = {}
    for name, packed, body in BLOCK.findall(text):
        blocks[name] = json.loads(gzip.decompress(base64.b64decode(body)) if packed else body)
    return blocks["nodes"], blocks["data"]


def page_data(text: str) -> tuple[list[dict], list[dict]]:
    """The graph's nodes (districts, regulations, measures, organisations: not the provinces, which stand for
    their districts) and its district–item edges, each edge as the page draws it when both ends are shown:
    ``from`` (the district's id), ``to``, ``role``, ``weight`` (reports), ``years`` and the role's style."""
    nodes, data = page_json(text)
    edges = []
    for d, x, role, weight, years in data["pairs"]:
        name = data["roles"][role]
        style = data["edgeStyle"][name]
        edges.append(
            {
                "from": f"n{d}",
                "to": f"n{x}",
                "role": name,
                "weight": weight,
                "years": years.split(",") if years else [],
                "dashes": style["dashes"],
                "color": style["color"],
            }
        )
    return [n for n in nodes if n["group"] != "province"], edges
