// Validates Neo4j GraphQL Library type definitions the way an Aura GraphQL Data API builds them.
// Reads the SDL on stdin; writes one JSON line on stdout:
//   {"valid":true|false,"errors":["..."],"warnings":["..."],"library":"7.6.3","graphql":"16.15.0","node":"v20..."}
// Exit code 0 whatever the verdict (a crash of this script exits non-zero). Run by dev.aurasdk.testkit.SchemaValidator.
import { readFileSync } from "node:fs";

const warnings = [];
const captured = (...args) => warnings.push(args.map(String).join(" "));
console.warn = captured;
console.log = captured;

async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin) {
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString("utf8");
}

function messagesOf(error) {
    if (error && Array.isArray(error.errors) && error.errors.length > 0) {
        return error.errors.map((e) => (e && e.message) || String(e));
    }
    if (Array.isArray(error) && error.length > 0) {
        return error.map((e) => (e && e.message) || String(e));
    }
    return [(error && error.message) || String(error)];
}

const typeDefs = await readStdin();
const { Neo4jGraphQL } = await import("@neo4j/graphql");
const { EventEmitter } = await import("node:events");
const versionOf = (name) => JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), "utf8")).version;
const libraryVersion = versionOf("@neo4j/graphql");
const graphqlVersion = versionOf("graphql");
let result;
try {
    // As an Aura Data API builds it: subscriptions on (an engine that never connects stands in for CDC, which
    // would need a database) and JWTs verified with a JWKS (never fetched while the schema is built).
    const subscriptions = { events: new EventEmitter(), init: async () => {}, close: () => {} };
    const authorization = { key: { url: "https://127.0.0.1:9/.well-known/jwks.json" } };
    const neoSchema = new Neo4jGraphQL({ typeDefs, features: { subscriptions, authorization } });
    await neoSchema.getSchema();
    result = { valid: true, errors: [] };
} catch (error) {
    result = { valid: false, errors: messagesOf(error) };
}
result.warnings = warnings;
result.library = libraryVersion;
result.graphql = graphqlVersion;
result.node = process.version;
process.stdout.write(JSON.stringify(result) + "\n");
