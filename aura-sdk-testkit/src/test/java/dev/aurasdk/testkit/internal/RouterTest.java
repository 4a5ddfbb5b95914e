package dev.aurasdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static FakeCall call(String method, String path) {
        return new FakeCall(method, path, Map.of(), Map.of(), "", Instant.EPOCH);
    }

    private static Reply ok(String text) {
        return Reply.raw(200, text, "text/plain");
    }

    @Test
    void namedPathParametersAreDecodedSegments() {
        Router router = new Router()
                .get("/v1/things/{thingId}/parts/{partId}", c -> ok(c.param("thingId") + "|" + c.param("partId")));

        Reply reply = router.dispatch(call("GET", "/v1/things/a%20b/parts/p-1/"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("a b|p-1");
    }

    @Test
    void unknownPathIs404AndKnownPathWithOtherMethodIs405() {
        Router router = new Router().get("/v1/things", c -> ok("list"));

        Reply unknown = router.dispatch(call("GET", "/v1/other"));
        Reply wrongMethod = router.dispatch(call("DELETE", "/v1/things"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("No such endpoint: GET /v1/other").contains("not-found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("Method DELETE is not allowed on /v1/things");
    }

    @Test
    void theFirstMatchingTemplateWinsEvenForAnotherMethod() {
        Router router = new Router();
        router.group("/v1/things", c -> null)
                .get("/{id}/pause", c -> ok("pause"))
                .any("/{id}/{unknown}", c -> ok("fallback " + c.param("unknown")));

        assertThat(router.dispatch(call("GET", "/v1/things/1/pause")).body()).isEqualTo("pause");
        assertThat(router.dispatch(call("POST", "/v1/things/1/pause")).status()).isEqualTo(405);
        assertThat(router.dispatch(call("POST", "/v1/things/1/stop")).body()).isEqualTo("fallback stop");
    }

    @Test
    void aGroupGuardRunsBeforeTheMethodCheckAndCanAnswer() {
        List<String> checked = new ArrayList<>();
        Router router = new Router();
        router.group("/v1/parents/{parentId}/children", c -> {
                    checked.add(c.param("parentId"));
                    return c.param("parentId").equals("missing") ? Reply.raw(404, "no parent", "text/plain") : null;
                })
                .get("", c -> ok("children of " + c.param("parentId")));

        assertThat(router.dispatch(call("POST", "/v1/parents/missing/children")).body())
                .isEqualTo("no parent");
        assertThat(router.dispatch(call("POST", "/v1/parents/p1/children")).status())
                .isEqualTo(405);
        assertThat(router.dispatch(call("GET", "/v1/parents/p1/children")).body())
                .isEqualTo("children of p1");
        assertThat(router.dispatch(call("GET", "/v1/parents/p1/children/extra")).status())
                .isEqualTo(404);
        assertThat(checked).containsExactly("missing", "p1", "p1");
    }

    @Test
    void customNotFoundAndMethodNotAllowedReplies() {
        Router router = new Router(c -> Reply.raw(404, "nf", null), c -> Reply.raw(405, "mna", null))
                .post("/x/{id}", c -> ok("x"));

        assertThat(router.dispatch(call("POST", "/y")).body()).isEqualTo("nf");
        assertThat(router.dispatch(call("GET", "/x/1")).body()).isEqualTo("mna");
    }

    @Test
    void aRouteRegisteredTwiceIsRefused() {
        Router router = new Router().get("/x", c -> ok("1"));

        assertThatThrownBy(() -> router.get("/x", c -> ok("2")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /x");
    }
}
