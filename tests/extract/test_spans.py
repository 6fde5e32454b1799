"""SpanSet answers containment questions like the plain loops it replaced, for nested and overlapping spans."""

from hypothesis import given
from hypothesis import strategies as st

from kg.extract.spans import SpanSet

spans = st.lists(st.tuples(st.integers(0, 100), st.integers(1, 30)).map(lambda t: (t[0], t[0] + t[1])), max_size=12)
query = st.tuples(st.integers(0, 120), st.integers(1, 20)).map(lambda t: (t[0], t[0] + t[1]))


@given(spans, query)
def test_span_set_agrees_with_a_scan_of_every_span(found, q):
    s, e = q
    spans_ = SpanSet(found)
    assert spans_.contains(s, e) == any(a <= s and e <= b for a, b in found)
    assert spans_.overlaps(s, e) == any(a < e and s < b for a, b in found)
    assert spans_.covers(s) == any(a <= s < b for a, b in found)
    assert spans_.strictly_contains(s, e) == any(a < s and e < b for a, b in found)
