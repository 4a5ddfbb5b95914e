package dev.aurasdk.testkit.internal;

/** Turns a matching {@link FaultRule} into the reply sent instead of, or the change made to, the real one. */
final class FaultInjection {
    private FaultInjection() {}

    static Reply injected(FaultRule rule, FakeCall call) {
        Reply reply;
        switch (rule.action()) {
            case RESPOND:
                if (rule.body() != null) {
                    boolean json = FakeJson.parse(rule.body()).isPresent();
                    reply = Reply.raw(rule.status(), rule.body(), json ? "application/json" : "text/plain");
                } else if (rule.status() == 429) {
                    reply = Reply.error(429, "Too many requests", "rate-limited");
                } else {
                    reply = Reply.error(rule.status(), "Injected fault: HTTP " + rule.status(), "injected-fault");
                }
                break;
            case HTML:
                reply = Reply.raw(
                        rule.status(),
                        "<html><head><title>" + rule.status() + "</title></head><body>" + "<h1>" + rule.status()
                                + " Bad Gateway</h1><hr><center>nginx</center></body></html>",
                        "text/html; charset=utf-8");
                break;
            case EMPTY:
                reply = Reply.raw(rule.status(), "", null);
                break;
            case DROP:
                reply = Reply.raw(500, "", null).delivery(Reply.Delivery.DROP);
                break;
            default:
                return null;
        }
        if (rule.retryAfter() != null) {
            reply.header("Retry-After", rule.retryAfter());
        }
        return reply.injected();
    }

    static void modify(FaultRule rule, Reply reply) {
        switch (rule.action()) {
            case DROP_AFTER_PROCESSING:
                reply.delivery(Reply.Delivery.DROP);
                break;
            case TRUNCATE:
                reply.delivery(Reply.Delivery.TRUNCATE);
                break;
            case DELAY:
                if (rule.delayHeaders()) {
                    reply.headersDelayMillis(rule.delayMillis());
                } else {
                    reply.bodyDelayMillis(rule.delayMillis());
                }
                break;
            default:
                break;
        }
        if (rule.retryAfter() != null) {
            reply.header("Retry-After", rule.retryAfter());
        }
    }
}
