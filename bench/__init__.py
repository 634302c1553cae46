"""The benchmark: the API served by uvicorn over its own Neo4j instance, driven over HTTP.

`python -m bench` (or `make bench`). It is not a test: it measures and prints, and says PASS or
MISS next to each target; it fails (exit 1) only when it could not measure.
"""
