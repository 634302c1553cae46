"""The node types of the graph model, a module each (strawberry's one module per type)."""
