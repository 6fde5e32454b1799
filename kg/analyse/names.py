"""Finding the thing a user means by a name, the way users write names: the full label, an IRI or id, a short
name (盐池县 for 吴忠市盐池县, 出庭应诉率 for 行政机关负责人出庭应诉率), an altLabel, or a part of a name — and never a
silent guess: a name that fits several things is an error that lists them, a name that fits nothing lists the
names there are.

Each candidate is a :class:`Named`: a key (what is returned), its ids (IRI, local name), its preferred label and
its other labels. :func:`resolve_name` tries, in order, and stops at the first step that finds anything:

1. an id or the preferred label, exactly;
2. another label (altLabel), exactly — unless another candidate's preferred label contains the name too, which
   makes it ambiguous (出庭应诉 is an altLabel of 负责人出庭应诉案件数 but also part of 行政机关负责人出庭应诉率);
3. a preferred label that ends with the name (盐池县 → 吴忠市盐池县: the district without its prefecture);
4. a label that contains the name.

Labels are compared after NFKC normalisation and without spaces, so full-width and half-width brackets match.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass


class NameNotFound(KeyError):
    """No candidate or several fit a name; ``args[0]`` is the one-line message (it lists the candidates)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class AmbiguousName(NameNotFound):
    """Several candidates fit a name equally well; the message lists them."""


@dataclass(frozen=True)
class Named:
    key: str
    label: str
    alt_labels: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.alt_labels)


def normalise(name: str) -> str:
    """The form names are compared in: NFKC, without white space.

    >>> normalise(" 下放（赋权）事项数 ")
    '下放(赋权)事项数'
    """
    return "".join(unicodedata.normalize("NFKC", name).split())


def _steps(wanted: str) -> list[Callable[[Named], bool]]:
    def norm(c: Named) -> list[str]:
        return [normalise(x) for x in c.labels]

    return [
        lambda c: wanted in {normalise(i) for i in c.ids} or normalise(c.label) == wanted,
        lambda c: wanted in norm(c),
        lambda c: normalise(c.label).endswith(wanted),
        lambda c: any(wanted in x for x in norm(c)),
    ]


def _listed(names: Iterable[str], limit: int | None) -> str:
    names = sorted(set(names))
    shown = names if limit is None or len(names) <= limit else names[:limit]
    more = f" and {len(names) - len(shown)} more" if len(shown) < len(names) else ""
    return ", ".join(shown) + more


def resolve_name(name: str, candidates: Iterable[Named], what: str = "name", limit: int | None = 20) -> str:
    """The key of the one candidate ``name`` means (see the module's steps). Raises :class:`AmbiguousName`
    listing the candidates when several fit, and :class:`NameNotFound` listing close names (or, when none is
    close, the names there are, at most ``limit``) when none does.

    >>> ds = [Named("d1", "吴忠市青铜峡市"), Named("d2", "吴忠市盐池县"), Named("d3", "银川市永宁县")]
    >>> resolve_name("盐池县", ds, "district"), resolve_name("永宁", ds, "district")
    ('d2', 'd3')
    >>> resolve_name("吴忠市", ds, "district")
    Traceback (most recent call last):
    kg.analyse.names.AmbiguousName: '吴忠市' fits 2 districts: 吴忠市盐池县, 吴忠市青铜峡市; give one of these names
    """
    candidates = list(candidates)
    wanted = normalise(name)
    for i, step in enumerate(_steps(wanted)):
        hits = {c.key: c for c in candidates if step(c)}
        if i == 1 and hits:  # an altLabel that is also part of another's preferred label is ambiguous
            hits.update({c.key: c for c in candidates if wanted in normalise(c.label)})
        if len(hits) == 1:
            return next(iter(hits))
        if hits:
            labels = [c.label for c in hits.values()]
            if len(set(labels)) < len(labels):  # two things with one label: name them by id too
                labels = [f"{c.label} ({c.ids[0] if c.ids else c.key})" for c in hits.values()]
            raise AmbiguousName(f"{name!r} fits {len(hits)} {what}s: {_listed(labels, limit)}; give one of these names")
    by_label = {normalise(x): c.label for c in candidates for x in c.labels}
    close = difflib.get_close_matches(wanted, list(by_label), n=8, cutoff=0.5)
    if close:
        hint = f"did you mean {_listed((by_label[x] for x in close), limit)}?"
    else:
        labels = [c.label for c in candidates]
        hint = f"the {what}s are: {_listed(labels, limit)}" if labels else f"there is no {what} at all"
    raise NameNotFound(f"no {what} named {name!r}; {hint}")
