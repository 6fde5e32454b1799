"""Reading back what a generated graph.html hands to vis-network (for the tests, without a browser)."""

import json
import re


def page_data(text: str) -> tuple[list[dict], list[dict]]:
    """The node and edge lists the page passes to ``new vis.DataSet(...)`` (one line each)."""
    nodes = re.search(r"var allNodes = new vis\.DataSet\((.*)\);\n", text).group(1)
    edges = re.search(r"var allEdges = new vis\.DataSet\((.*)\);\n", text).group(1)
    return json.loads(nodes), json.loads(edges)
