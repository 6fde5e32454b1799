"""The boundaries of the package, as a test (issue 16): the stages before the graph know no RDF, only the CLI
knows click and rich, and namespace IRIs are spelled only in kg/rdf. An AST walk over every module of kg/."""

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"
PURE = ("kg.read", "kg.lang", "kg.segment", "kg.extract", "kg.resolve")  # read → segment → extract → resolve
RDF_LIBRARIES = ("pyoxigraph", "rdflib", "pyshacl", "kg.rdf")
CLI_LIBRARIES = ("click", "rich")
NAMESPACES = (
    "w3id.org/fazhi-kg",
    "www.w3.org/1999/02/22-rdf-syntax-ns",
    "www.w3.org/2000/01/rdf-schema",
    "www.w3.org/2004/02/skos/core",
    "www.w3.org/2001/XMLSchema",
    "www.w3.org/ns/prov",
    "www.w3.org/2002/07/owl",
    "purl.org/dc/terms",
)


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(KG.rglob("*.py")):
        parts = path.relative_to(KG.parent).with_suffix("").parts
        out.append((".".join(parts[:-1] if parts[-1] == "__init__" else parts), path))
    return out


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    return names


def _within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


MODULES = _modules()


@pytest.mark.parametrize("module,path", [m for m in MODULES if _within(m[0], PURE)], ids=lambda m: str(m))
def test_the_stages_before_the_graph_import_no_rdf(module, path):
    assert [n for n in _imports(path) if _within(n, RDF_LIBRARIES)] == []


@pytest.mark.parametrize("module,path", [m for m in MODULES if not _within(m[0], ("kg.cli",))], ids=lambda m: str(m))
def test_only_the_cli_imports_click_or_rich(module, path):
    assert [n for n in _imports(path) if _within(n, CLI_LIBRARIES)] == []


@pytest.mark.parametrize("module,path", [m for m in MODULES if not _within(m[0], ("kg.rdf",))], ids=lambda m: str(m))
def test_namespace_iris_are_written_only_in_kg_rdf(module, path):
    text = path.read_text(encoding="utf-8")
    assert [ns for ns in NAMESPACES if ns in text] == []


def test_the_walk_sees_every_stage():
    names = {m for m, _ in MODULES}
    assert {"kg.read", "kg.lang.zh", "kg.segment", "kg.extract", "kg.resolve", "kg.rdf.namespaces", "kg.cli"} <= names


@pytest.mark.parametrize("module,path", MODULES, ids=lambda m: str(m))
def test_modules_and_functions_stay_small(module, path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 400, f"{module} has more than 400 lines"
    long = [
        (n.name, n.end_lineno - n.lineno + 1)
        for n in ast.walk(ast.parse(source))
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > 60
    ]
    assert long == [], f"{module}: functions over 60 lines"


def _corpus_places() -> set[str]:
    """The governments of every gold split (tests/gold/governments.tsv), in full (石嘴山市大武口区), by their
    prefecture (石嘴山市), by the county-level name after it (大武口区) and that name without its tier (大武口)."""
    rows = (Path(__file__).resolve().parent / "gold" / "governments.tsv").read_text(encoding="utf-8").splitlines()
    places: set[str] = set()
    for row in rows[1:]:
        area = row.split("\t")[2].split("/")[0]  # (a department's row: 某市/司法局)
        names = [area]
        for mark in ("市", "州", "盟", "地区"):
            head, found, tail = area.partition(mark)
            if found and len(tail) >= 2:
                names += [head + found, tail]
                break
        places.update(names)
        places.update(n[:-1] for n in names if len(n) >= 3 and n[-1] in "市县区旗州盟")
    return places


def _code_strings(path: Path) -> list[str]:
    """The string literals of a module that are not docstrings (examples in prose are no rule)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


@pytest.mark.parametrize("module,path", MODULES, ids=lambda m: str(m))
def test_no_code_names_a_government_of_the_gold_corpus(module, path):
    # issue 15: a rule for a class of texts, never for a report of the corpus (word lists live in kg/data, and say
    # where their words come from)
    places = _corpus_places()
    named = sorted({p for s in _code_strings(path) for p in places if p in s})
    assert not named, f"{module} names {named}"
