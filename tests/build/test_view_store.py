"""The HTML view's store is kept on disk for a large corpus (kg.build.output.VIEW_STORE_ON_DISK), so memory does
not grow with every report's mentions; the page and the graph are the same bytes as from a store in memory, and
the store's folder is gone afterwards."""

import pyoxigraph

import kg.build.output
from kg.build import BuildOptions, build
from tests.build.test_rebuild import reports, write


def test_a_view_store_on_disk_draws_the_same_page_and_leaves_nothing_behind(tmp_path, monkeypatch):
    src = write(tmp_path / "in", reports())
    build([src], tmp_path / "memory", BuildOptions(html=True))
    monkeypatch.setattr(kg.build.output, "VIEW_STORE_ON_DISK", 1)
    opened, real = [], pyoxigraph.Store
    monkeypatch.setattr(pyoxigraph, "Store", lambda path=None: opened.append(path) or real(path))
    build([src], tmp_path / "disk", BuildOptions(html=True))
    assert any(path and ".view-store-" in path for path in opened)
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "disk" / name).read_bytes() == (tmp_path / "memory" / name).read_bytes(), name
    assert not list((tmp_path / "disk").glob(".view-store-*"))
