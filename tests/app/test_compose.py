"""docker/compose.yaml against the Compose Specification's JSON schema (docker/compose-spec.json,
schema/compose-spec.json of github.com/compose-spec/compose-spec at a08f8d5, Apache-2.0), and
the `replicas` profile: two API replicas sharing the broker, behind the load balancer."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

DOCKER = Path(__file__).resolve().parents[2] / "docker"


def test_compose_file_is_valid_against_the_compose_specification() -> None:
    schema = json.loads((DOCKER / "compose-spec.json").read_text())
    compose = yaml.safe_load((DOCKER / "compose.yaml").read_text())
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(compose), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_the_replicas_profile_runs_two_api_replicas_a_broker_and_a_balancer() -> None:
    services = yaml.safe_load((DOCKER / "compose.yaml").read_text())["services"]
    in_profile = {name for name, s in services.items() if "replicas" in s.get("profiles", [])}
    assert in_profile == {"nats", "api-replica", "balancer"}
    replica = services["api-replica"]
    assert replica["deploy"]["replicas"] == 2
    assert replica["environment"]["YM_BROKER_URL"] == "nats://nats:4222"
    assert replica["depends_on"]["nats"]["condition"] == "service_healthy"
    balancer = services["balancer"]
    assert balancer["image"].startswith("nginx:")
    assert "./nginx.conf:/etc/nginx/nginx.conf:ro" in balancer["volumes"]
    nginx = (DOCKER / "nginx.conf").read_text()
    assert "server api-replica:8000 resolve;" in nginx
    assert "proxy_set_header Upgrade $http_upgrade;" in nginx  # subscriptions pass through
