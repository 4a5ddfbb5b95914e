// Serves type definitions with the real Neo4j GraphQL Library over plain HTTP, as an Aura GraphQL Data API does:
// POST /graphql with {"query","variables","operationName"}; the bearer JWT goes to the library, which verifies it
// against the JWKS at AURA_IT_JWKS_URL (features.authorization.key.url).
// Environment: AURA_IT_TYPEDEFS (file), AURA_IT_NEO4J_URI, AURA_IT_NEO4J_USER, AURA_IT_NEO4J_PASSWORD, AURA_IT_JWKS_URL.
// Prints "schema-warnings <json array>" then "ready on port N" on stdout once listening on 127.0.0.1 (port chosen
// by the OS). Subscriptions: Neo4j Community has no change data capture, so the library's CDC engine cannot
// run; an engine that never emits stands in, so that the schema (and its Subscription fields) is built as Aura
// builds it.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { EventEmitter } from "node:events";

const warnings = [];
const originalWarn = console.warn;
console.warn = (...args) => warnings.push(args.map(String).join(" "));

const { Neo4jGraphQL } = await import("@neo4j/graphql");
const { graphql } = await import("graphql");
const neo4j = (await import("neo4j-driver")).default;

const env = (name) => {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set`);
    }
    return value;
};

const typeDefs = readFileSync(env("AURA_IT_TYPEDEFS"), "utf8");
const driver = neo4j.driver(env("AURA_IT_NEO4J_URI"),
    neo4j.auth.basic(env("AURA_IT_NEO4J_USER"), env("AURA_IT_NEO4J_PASSWORD")));
const subscriptions = { events: new EventEmitter(), init: async () => {}, close: () => {} };
const neoSchema = new Neo4jGraphQL({
    typeDefs,
    driver,
    features: { authorization: { key: { url: env("AURA_IT_JWKS_URL") } }, subscriptions },
});
const schema = await neoSchema.getSchema();
console.warn = originalWarn;

function send(res, status, body) {
    const bytes = Buffer.from(JSON.stringify(body), "utf8");
    res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": bytes.length });
    res.end(bytes);
}

const server = createServer(async (req, res) => {
    if (req.method !== "POST" || req.url !== "/graphql") {
        send(res, 404, { errors: [{ message: "Not found" }] });
        return;
    }
    const chunks = [];
    for await (const chunk of req) {
        chunks.push(chunk);
    }
    let body;
    try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
        send(res, 400, { errors: [{ message: "Body is not JSON" }] });
        return;
    }
    const auth = req.headers.authorization;
    const token = auth && /^Bearer /i.test(auth) ? auth.slice(7).trim() : undefined;
    try {
        const result = await graphql({
            schema,
            source: body.query,
            variableValues: body.variables,
            operationName: body.operationName,
            contextValue: token ? { token } : {},
        });
        send(res, 200, result);
    } catch (error) {
        send(res, 500, { errors: [{ message: String((error && error.message) || error) }] });
    }
});

server.listen(0, "127.0.0.1", () => {
    process.stdout.write(`schema-warnings ${JSON.stringify(warnings)}\n`);
    process.stdout.write(`ready on port ${server.address().port}\n`);
});

const stop = async () => {
    server.close();
    await driver.close();
    process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The JVM that started this server closes stdin when it ends (even when killed): stop with it.
process.stdin.on("end", stop);
process.stdin.resume();
