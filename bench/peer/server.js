// The benchmark's peer: the Neo4j GraphQL Library on Apollo Server, over the same Neo4j as the
// project. Configured only through the environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
// NEO4J_DATABASE (default neo4j) and PORT; listens on 127.0.0.1 only.
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    console.error(`peer: ${name} is not set`);
    process.exit(2);
  }
  return value;
};

const database = env("NEO4J_DATABASE", "neo4j");
const port = Number(env("PORT"));
const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
// The same pool size as the project's driver (graph/driver.py), so neither side queues on it.
const driver = neo4j.driver(
  env("NEO4J_URI"),
  neo4j.auth.basic(env("NEO4J_USER", "neo4j"), env("NEO4J_PASSWORD")),
  { maxConnectionPoolSize: 50 },
);

const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();
// Fails at start (not on the first request) when the server lacks what the library needs.
await neoSchema.checkNeo4jCompat({ sessionConfig: { database } });

const server = new ApolloServer({ schema, introspection: true, stopOnTerminationSignals: false });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port },
  context: async () => ({ sessionConfig: { database } }),
});
console.log(`peer ready at ${url}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  await driver.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
