"""Document validation that bounds cost and checks arguments before anything runs.

`DocumentRules` (a graphql-core rule, cached with the document) replaces strawberry's depth and
alias limiters, which walk every fragment path again (the cost doubles per level of
`fragment F1 on Query { ...F0 ...F0 }`): here each fragment is measured once and its measure
reused, so the cost is linear in the document whatever its shape. It refuses:
- more than `max_fragment_spreads` fragment spreads, or a document that expands (every
  fragment spread replaced by its fragment) to more than `max_expanded_fields` fields;
- a depth above `max_query_depth`, more than `max_aliases` aliases (fragments expanded);
- a page size `first` outside 0..MAX_PAGE, an `after` that is no cursor, any string
  longer than `max_string_length`, written literally in the document.
`Validation` (the extension) runs those rules with graphql-core's through one LRU cache, then
checks the same arguments where they come from variables. So a mutation whose selection holds
`appeals(first: 101)` is refused as a whole (BAD_USER_INPUT naming the field) before it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from graphql import (
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    ValidationRule,
    VariableNode,
    get_named_type,
    validate,
)
from graphql.language import ArgumentNode, Node, visit
from graphql.language.visitor import Visitor
from strawberry.extensions import SchemaExtension

from core.errors import BadUserInput
from core.paging import MAX_PAGE, page_window
from core.settings import Settings

Shape = tuple[int, int, int]  # (depth, aliases, fields) with fragments expanded


def _bad(message: str, field: str, nodes: list[Node] | None = None) -> GraphQLError:
    return GraphQLError(message, nodes, extensions={"code": "BAD_USER_INPUT", "field": field})


def check_first(value: object, settings: Settings) -> str | None:
    if isinstance(value, int) and not 0 <= value <= MAX_PAGE:
        return f"first must be between 0 and {MAX_PAGE}"
    return None


def check_after(value: object) -> str | None:
    if isinstance(value, str):
        try:
            page_window(0, value)
        except BadUserInput as exc:
            return exc.message
    return None


class _Measure:
    """Depth, aliases and fields of a document's selections, each fragment measured once."""

    def __init__(self, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self.fragments = fragments
        self.done: dict[str, Shape] = {}
        self.busy: set[str] = set()

    def selection_set(self, node: SelectionSetNode | None) -> Shape:
        depth = aliases = fields = 0
        for selection in node.selections if node else ():
            if isinstance(selection, FieldNode):
                d, a, f = self.field(selection)
            elif isinstance(selection, InlineFragmentNode):
                d, a, f = self.selection_set(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                d, a, f = self.fragment(selection.name.value)
            else:
                continue
            depth, aliases, fields = max(depth, d), aliases + a, fields + f
        return depth, aliases, fields

    def field(self, node: FieldNode) -> Shape:
        if node.name.value.startswith("__"):  # introspection: not counted, as strawberry does
            return 0, 0, 0
        d, a, f = self.selection_set(node.selection_set)
        return (d + 1 if node.selection_set else 0), a + (1 if node.alias else 0), f + 1

    def fragment(self, name: str) -> Shape:
        if name in self.done:
            return self.done[name]
        definition = self.fragments.get(name)
        if definition is None or name in self.busy:  # unknown or a cycle: other rules say so
            return 0, 0, 0
        self.busy.add(name)
        self.done[name] = self.selection_set(definition.selection_set)
        self.busy.discard(name)
        return self.done[name]


def document_rule(settings: Settings) -> type[ASTValidationRule]:
    """The rule class for these settings (one class per schema, so the cache keeps working)."""

    class DocumentRules(ValidationRule):
        def enter_document(self, node: DocumentNode, *_: Any) -> Any:
            spreads = sum(1 for _ in _spreads(node))
            if spreads > settings.max_fragment_spreads:
                self.report_error(
                    _bad(
                        f"the document has {spreads} fragment spreads; "
                        f"at most {settings.max_fragment_spreads}",
                        "query",
                    )
                )
                return self.BREAK
            fragments = {
                d.name.value: d for d in node.definitions if isinstance(d, FragmentDefinitionNode)
            }
            measure = _Measure(fragments)
            for definition in node.definitions:
                if not isinstance(definition, OperationDefinitionNode):
                    continue
                name = definition.name.value if definition.name else "anonymous"
                depth, aliases, fields = measure.selection_set(definition.selection_set)
                if fields > settings.max_expanded_fields:
                    self.report_error(
                        _bad(
                            f"'{name}' expands to {fields} fields; "
                            f"at most {settings.max_expanded_fields}",
                            "query",
                        )
                    )
                    return self.BREAK
                if depth > settings.max_query_depth:
                    self.report_error(
                        _bad(
                            f"'{name}' exceeds maximum operation depth of "
                            f"{settings.max_query_depth}",
                            "query",
                        )
                    )
                if aliases > settings.max_aliases:
                    self.report_error(
                        _bad(f"{aliases} aliases found. Allowed: {settings.max_aliases}", "query")
                    )
            return None

        def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
            definition = self.context.get_argument()
            if definition is None:
                return
            type_name = get_named_type(definition.type).name
            name = node.name.value
            value = node.value
            problem = None
            if name == "first" and type_name == "Int" and isinstance(value, IntValueNode):
                problem = check_first(int(value.value), settings)
            elif name == "after" and isinstance(value, StringValueNode):
                problem = check_after(value.value)
            if problem:
                self.report_error(_bad(problem, name, [node]))

        def enter_string_value(self, node: StringValueNode, *_: Any) -> None:
            if len(node.value) > settings.max_string_length:
                self.report_error(
                    _bad(
                        f"a string of {len(node.value)} characters; "
                        f"at most {settings.max_string_length}",
                        "query",
                        [node],
                    )
                )

    return DocumentRules


def _spreads(node: DocumentNode) -> Iterator[FragmentSpreadNode]:
    found: list[FragmentSpreadNode] = []

    class Collect(Visitor):
        def enter_fragment_spread(self, spread: FragmentSpreadNode, *_: Any) -> None:
            found.append(spread)

    visit(node, Collect())
    return iter(found)


def _paging_variables(document: DocumentNode) -> list[tuple[str, str]]:
    """(argument, variable) of every `first`/`after` argument given by a variable."""
    pairs: list[tuple[str, str]] = []

    class Collect(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
            if node.name.value in ("first", "after") and isinstance(node.value, VariableNode):
                pairs.append((node.name.value, node.value.name.value))

    visit(document, Collect())
    return pairs


def _long_strings(value: object, path: str, limit: int) -> Iterator[str]:
    if isinstance(value, str):
        if len(value) > limit:
            yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _long_strings(item, f"{path}.{key}", limit)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _long_strings(item, f"{path}[{index}]", limit)


def variable_errors(
    document: DocumentNode, variables: dict[str, Any], settings: Settings
) -> list[GraphQLError]:
    """The checks of `DocumentRules` on the values of the request's variables."""
    errors = []
    for argument, variable in _paging_variables(document):
        value = variables.get(variable)
        problem = check_first(value, settings) if argument == "first" else check_after(value)
        if problem:
            errors.append(_bad(problem, argument))
    for key, value in variables.items():
        for path in _long_strings(value, key, settings.max_string_length):
            errors.append(
                _bad(f"{path} is longer than {settings.max_string_length} characters", path)
            )
    return errors


@lru_cache(maxsize=512)
def _validate(
    schema: GraphQLSchema, document: DocumentNode, rules: tuple[type[ASTValidationRule], ...]
) -> list[GraphQLError]:
    from strawberry.schema.schema import validate_document  # graphql-core's and strawberry's

    return validate_document(schema, document, rules) if rules else validate(schema, document)


class Validation(SchemaExtension):
    """Validation with the document rules, once per document (cached), then the variables."""

    def __init__(self, rule: type[ASTValidationRule], settings: Settings) -> None:
        self.rule = rule
        self.settings = settings

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        assert context.graphql_document is not None
        rules = (*context.validation_rules, self.rule)
        errors = list(_validate(context.schema._schema, context.graphql_document, rules))
        if not errors:
            errors = variable_errors(
                context.graphql_document, context.variables or {}, self.settings
            )
        context.pre_execution_errors = errors
        yield


def validation_extension(settings: Settings) -> Callable[[], Validation]:
    rule = document_rule(settings)
    return lambda: Validation(rule, settings)
