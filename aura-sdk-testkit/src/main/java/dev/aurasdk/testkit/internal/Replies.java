package dev.aurasdk.testkit.internal;

/** Replies shared by the route handlers. */
final class Replies {
    private Replies() {}

    static Reply noRoute(FakeCall call) {
        return Reply.error(404, "No such endpoint: " + call.method + " " + call.path, "not-found");
    }

    static Reply methodNotAllowed(FakeCall call) {
        return Reply.error(405, "Method " + call.method + " is not allowed on " + call.path, "method-not-allowed");
    }

    static Reply invalid(String message, String field) {
        return Reply.error(400, message, "invalid-input", field);
    }

    static Reply instanceNotFound(String id) {
        return Reply.error(404, "DB not found: " + id, "db-not-found");
    }
}
