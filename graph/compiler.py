"""One Cypher statement per root field: a read's whole shape (the nodes it lists, the relations
it follows at any depth, their filters and pages, totals and edge properties) compiled into one
parameterised statement that returns the nested result as maps.

A shape says what to read; its values (filters, pages, ids) travel as parameters whose names
follow from the shape alone, so a statement text is made once per shape and scope kind and then
cached. Labels, relationship types and predicates come from the tables of graph/entities.py.

What a statement returns for a node: `{props, labels, rels}` where `rels` maps each followed
relation's response key to a page `{total, offset, items: [{node, edge}]}` or, for a relation
that reaches at most one node, to that node (or null).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.personal import PERSONAL
from graph.cypher import CASE_OPEN, DATETIMES
from graph.driver import Query
from graph.entities import ENTITIES, RELATIONS, filters_where
from graph.migrations import SEARCHABLE_LABELS
from graph.scope import in_scope, visible, visible_any


@dataclass(frozen=True)
class NodeShape:
    """What to read of the nodes of one label at one place of a read."""

    props: tuple[str, ...] | None  # None: every property
    relations: tuple[RelationShape, ...] = ()


@dataclass(frozen=True)
class RelationShape:
    """A relation followed from a node, as one response key asked for it."""

    key: str  # the response key (a field name or its alias)
    relation: str  # a name of graph/entities.py RELATIONS, e.g. "Organization.children"
    param: str  # the prefix of its parameters ($<param>_offset, $<param>_f_status, …)
    filters: tuple[str, ...] = ()  # the filters given (their values are parameters)
    total: bool = False  # the length of the whole list is wanted
    items: bool = True  # the nodes are wanted
    one: bool = False  # at most one node: the node itself, not a page
    shapes: tuple[tuple[str, NodeShape], ...] = ()  # (label, what to read) of the nodes reached


@dataclass(frozen=True)
class ListShape:
    """A top-level list of one label in the caller's scope."""

    label: str
    shape: NodeShape
    filters: tuple[str, ...] = ()
    total: bool = False
    items: bool = True


@dataclass(frozen=True)
class NodesShape:
    """Nodes by id (`node`, `nodes`): per label, the ids travel as $ids_<label>."""

    shapes: tuple[tuple[str, NodeShape], ...]


def _projection(shapes: tuple[tuple[str, NodeShape], ...], v: str, limited: bool) -> str:
    """The map a node leaves as; a place reached through a union reads each label its way."""
    if len(shapes) == 1:
        return _node_map(*shapes[0], v, limited, known=True)
    cases = " ".join(
        f"WHEN {v}:{label} THEN {_node_map(label, s, v, limited)}" for label, s in shapes
    )
    return f"CASE {cases} END"


# Labels that carry a property: an organisation's kind is its level label (TownCommittee, …).
KIND_FROM_LABELS = {"Organization": "kind"}


def _node_map(label: str, shape: NodeShape, v: str, limited: bool, known: bool = False) -> str:
    """A node's map; where its label is known (one label at this place) the labels are written,
    not read, unless the kind they carry is asked for."""
    kind = KIND_FROM_LABELS.get(label)
    if shape.props is None:
        texts = ", ".join(f"{p}: toString({v}.{p})" for p in DATETIMES)
        entries = [".*", texts]
    else:
        wanted = ("id", *sorted(set(shape.props) - {"id", kind}))
        entries = [f"{p}: toString({v}.{p})" if p in DATETIMES else f".{p}" for p in wanted]
    personal = PERSONAL.get(label, ())
    if limited and personal and (shape.props is None or set(shape.props) & set(personal)):
        entries.append("caseOpen: " + CASE_OPEN.replace("{v}", v))  # a social org's cases
    props = f"{v} {{{', '.join(entries)}}}"
    rels = ", ".join(f"`{r.key}`: {r.param}" for r in shape.relations)
    read = not known or (kind is not None and (shape.props is None or kind in shape.props))
    labels = f"labels({v})" if read else f"['{label}']"
    return f"{{props: {props}, labels: {labels}, rels: {{{rels}}}}}"


def _var(depth: int) -> str:
    """The node variable at a depth of the read: `v` at the root, then `v1`, `v2`, … (a
    subquery may not shadow the variable it imports)."""
    return f"v{depth}" if depth else "v"


def _rename(text: str, parent: str, child: str, edge: str) -> str:
    """A relation's Cypher (written over `p`, `v` and `e`) over the variables of its depth."""
    names = {"p": parent, "v": child, "e": edge}
    return re.sub(r"\b[pve]\b", lambda m: names[m.group()], text)


def _relations(shapes: tuple[tuple[str, NodeShape], ...], limited: bool, depth: int) -> str:
    """The subqueries that read the relations of the node at `depth`, each into a variable
    named as the relation's parameter prefix."""
    v = _var(depth)
    parts = []
    for label, shape in shapes:
        only = f"WITH {v} WHERE {v}:{label}\n" if len(shapes) > 1 else ""
        for rel in shape.relations:
            parts.append(f"CALL ({v}) {{\n{only}{_relation(rel, limited, depth)}\n}}")
    return "\n".join(parts)


def _relation(rel: RelationShape, limited: bool, depth: int) -> str:
    spec = RELATIONS[rel.relation]
    (only,) = spec.labels if len(spec.labels) == 1 else (None,)
    parent, v, e = _var(depth), _var(depth + 1), f"e{depth + 1}"
    where = [filters_where(only, rel.filters, f"{rel.param}_", v)] if only else []
    if limited:
        where.append(visible(only, v) if only else visible_any(spec.labels, v))
    match = f"CALL ({parent}) {{ {_rename(spec.body, parent, v, e)} }}\n"
    if where:
        match += f"WITH {v}, {e} WHERE {' AND '.join(where)}\n"
    order = f"WITH {v}, {e} ORDER BY {_rename(spec.order, parent, v, e)}\n"
    p = rel.param
    node = _projection(rel.shapes, v, limited) if rel.shapes else "null"
    nested = _relations(rel.shapes, limited, depth + 1)
    if rel.one:
        # the model gives such a relation one node at most: there is nothing to order
        return f"{match}LIMIT 1\n{nested}\nRETURN head(collect({node})) AS {p}"
    item = f"{{node: {node}, edge: {e}}}"
    rows, row = f"rows{depth + 1}", f"row{depth + 1}"
    if rel.total and rel.items:
        return (
            f"{match}{order}WITH collect({{v: {v}, e: {e}}}) AS {rows}\n"
            f"CALL ({rows}) {{\nUNWIND {rows}[${p}_offset..(${p}_offset + ${p}_limit)] AS {row}\n"
            f"WITH {row}.v AS {v}, {row}.e AS {e}\n{nested}\n"
            f"RETURN collect({item}) AS items{depth + 1}\n}}\n"
            f"RETURN {{total: size({rows}), offset: ${p}_offset, items: items{depth + 1}}} AS {p}"
        )
    if rel.total:
        return f"{match}RETURN {{total: count({v}), offset: ${p}_offset, items: []}} AS {p}"
    return (
        f"{match}{order}SKIP ${p}_offset LIMIT ${p}_limit\n{nested}\n"
        f"RETURN {{total: null, offset: ${p}_offset, items: collect({item})}} AS {p}"
    )


@lru_cache(maxsize=4096)
def list_statement(shape: ListShape, limited: bool) -> Query:
    """A list of the caller's scope, its total and its page."""
    label = shape.label
    where = filters_where(label, shape.filters, "")
    kinds = [f for f in shape.filters if f.startswith("kind:")]  # a kind is a label to match
    match = kinds[0].removeprefix("kind:") if kinds and not limited else label
    order = ENTITIES[label].order.replace("{v}", "v")
    projection = _projection(((label, shape.shape),), "v", limited)
    nested = _relations(((label, shape.shape),), limited, 0)
    one_pass = (
        f"WITH v ORDER BY {order}\nWITH collect(v) AS rows\n"
        f"CALL (rows) {{ UNWIND rows[$offset..($offset + $limit)] AS v\n{nested}\n"
        f"RETURN collect({{node: {projection}, edge: null}}) AS items }}\n"
        "RETURN size(rows) AS total, items"
    )
    if limited:
        # walk out from the scope's organisations to the nodes, each once
        return Query(
            f"list_{label}",
            f"CALL () {{ {in_scope(label)} }}\nWITH DISTINCT v WHERE {where}\n{one_pass}",
        )
    source = f"MATCH (v:{match}) WHERE {where}"
    if "search" in shape.filters and label in SEARCHABLE_LABELS:
        # the full-text index finds the candidates; the filter keeps the exact matches
        source = (
            "CALL db.index.fulltext.queryNodes('names', $f_search_phrase) YIELD node AS v\n"
            f"WITH v WHERE v:{match} AND {where}"
        )
    if shape.filters and shape.total and shape.items:
        # a filtered list: the matches (an index finds them) counted and paged in one pass
        return Query(f"list_{label}", f"{source}\n{one_pass}")
    # the whole label: counted apart, the page read in id order with early termination
    count = (
        f"CALL () {{ {source} RETURN count(v) AS total }}\n"
        if shape.total
        else "WITH null AS total\n"
    )
    page = (
        f"CALL () {{ {source}\nWITH v ORDER BY {order} "
        f"SKIP $offset LIMIT $limit\n{nested}\n"
        f"RETURN collect({{node: {projection}, edge: null}}) AS items }}\n"
        if shape.items
        else "WITH total, [] AS items\n"
    )
    text = f"{count}{page}RETURN total, items"
    return Query(f"list_{label}", text)


@lru_cache(maxsize=4096)
def nodes_statement(shape: NodesShape, limited: bool) -> Query:
    """Nodes by id, each label's ids in $ids_<label>; an id outside the scope finds nothing."""
    branches = []
    for label, _ in shape.shapes:
        scope = f" WHERE {visible(label)}" if limited else ""
        branches.append(f"UNWIND $ids_{label} AS id MATCH (v:{label} {{id: id}}){scope} RETURN v")
    source = " UNION ".join(branches)
    nested = _relations(shape.shapes, limited, 0)
    projection = _projection(shape.shapes, "v", limited)
    return Query(
        "nodes_" + "_".join(label for label, _ in shape.shapes),
        f"CALL () {{ {source} }}\n{nested}\nRETURN {projection} AS node",
    )


@lru_cache(maxsize=4096)
def relation_statement(parent: str, shape: RelationShape, limited: bool) -> Query:
    """One relation (and what its selection reads below it) for many parents at once: the
    relations of nodes that a feature's own query returned."""
    return Query(
        f"relation_{shape.relation}",
        f"UNWIND $parents AS pid MATCH (v:{parent} {{id: pid}})\n"
        f"CALL (v) {{\n{_relation(shape, limited, 0)}\n}}\n"
        f"RETURN pid, {shape.param} AS value",
    )
