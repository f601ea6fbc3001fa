"""Alembic environment: run by `open_store` with a live connection (never from a .ini)."""

from __future__ import annotations

from alembic import context

from strikewatch.store.schema import include_object, metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only used through open_store
    raise RuntimeError("strikewatch migrations run through strikewatch.store.open_store")

context.configure(
    connection=connection,
    target_metadata=metadata,
    include_object=include_object,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
