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

// For the benchmark's PROFILE table only: a request with the header `x-bench-profile: 1` runs
// each statement the library generates under PROFILE, through a transaction-like execution
// context, and answers its text and total db hits in `extensions.cypher`. Other requests take the
// library's own path (a read transaction per root field) untouched.
const dbHits = (plan) =>
  (plan?.dbHits ?? 0) + (plan?.children ?? []).reduce((sum, child) => sum + dbHits(child), 0);

const profiling = (statements) => ({
  run: async (query, parameters) => {
    const result = await driver.executeQuery(`PROFILE ${query}`, parameters, {
      database,
      routing: neo4j.routing.READ,
    });
    statements.push({ query, dbHits: dbHits(result.summary.profile) });
    return result;
  },
});

const reportProfile = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (contextValue.statements && response.body.kind === "single") {
          const body = response.body.singleResult;
          body.extensions = { ...body.extensions, cypher: contextValue.statements };
        }
      },
    };
  },
};

const server = new ApolloServer({
  schema,
  introspection: true,
  stopOnTerminationSignals: false,
  plugins: [reportProfile],
});
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port },
  context: async ({ req }) => {
    if (req.headers["x-bench-profile"] !== "1") return { sessionConfig: { database } };
    const statements = [];
    return { executionContext: profiling(statements), statements };
  },
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
