"""The GraphQL schema: a module per feature, node types in nodes/, the shared plumbing
(relay, fields, mapping, selection, errors, extensions); build.py puts them together."""
