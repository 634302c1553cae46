"""A GraphQL client typed from schema.graphql: Python `gql` validates the README's operations
against the file (no introspection), and runs one against the app with the schema's Date and
DateTime parsed by the client; and the CLI's version, help and confirmation."""

from __future__ import annotations

from pathlib import Path

from gql import Client, gql
from gql.transport.httpx import HTTPXAsyncTransport
from graphql import GraphQLScalarType
from httpx import ASGITransport
from typer.testing import CliRunner

from app.asgi import create_app
from app.cli import app as cli
from app.serving import load_persisted
from core.settings import get_settings
from graph.driver import Database
from tests.conftest import token

ROOT = Path(__file__).resolve().parents[2]


def test_gql_validates_every_persisted_operation_against_schema_graphql() -> None:
    client = Client(schema=(ROOT / "schema.graphql").read_text())
    documents = load_persisted(None).values()
    assert len(documents) >= 10
    for document in documents:
        client.validate(gql(document))  # raises on any field or argument the schema lacks
    date = client.schema.type_map["DateTime"]  # type: ignore[union-attr]
    assert isinstance(date, GraphQLScalarType)
    assert date.specified_by_url == "https://scalars.graphql.org/andimarek/date-time"


async def test_gql_runs_a_typed_query_against_the_app(mini: Database) -> None:
    app = create_app(mini, get_settings().model_copy(update={"dev": False}))
    transport = HTTPXAsyncTransport(
        url="http://t/graphql",
        headers={"Authorization": f"Bearer {token('DISTRICT_ADMIN', 'RC')}"},
        transport=ASGITransport(app=app),
    )
    schema = (ROOT / "schema.graphql").read_text()
    async with Client(transport=transport, schema=schema) as session:
        towns_query = gql(
            "query Towns { organizations(filter: {kind: TOWN_COMMITTEE}) "
            "{ totalCount nodes { key kindLabel } } }"
        )
        result = await session.execute(towns_query)
    towns = result["organizations"]
    assert towns["totalCount"] == 2  # the mini district's two towns
    assert {node["kindLabel"] for node in towns["nodes"]} == {"镇街网格团委"}


def test_cli_version_help_and_confirmation_before_load_fresh() -> None:
    runner = CliRunner()
    version = runner.invoke(cli, ["--version"])
    assert version.exit_code == 0 and version.stdout.startswith("youth-matrix 0.")
    usage = runner.invoke(cli, ["load", "--help"])
    assert usage.exit_code == 0 and "--fresh --yes" in usage.stdout  # an example in the help
    # --fresh asks first; "n" stops before anything is touched
    refused = runner.invoke(cli, ["load", "mini", "--fresh"], input="n\n")
    assert refused.exit_code == 1
    assert "deletes every node" in refused.stdout
