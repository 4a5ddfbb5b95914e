package dev.aurasdk.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Declarative routing of the fake: a route is a method and a path template such as
 * {@code /v1beta5/instances/{instanceId}/data-apis/graphql/{dataApiId}}, whose {@code {name}} segments match any one
 * (decoded) path segment and are read with {@link FakeCall#param(String)}.
 *
 * <p>Dispatch: the first registered template matching the path wins (register specific templates before generic
 * ones); if none matches, the not-found reply. Then the template's {@link Group group} guard, if any, runs (whatever
 * the method: Aura checks the parent resource first), then the handler of the request's method, or the
 * method-not-allowed reply when the template has none. Trailing and doubled slashes are ignored, as in {@link FakeCall}.
 */
final class Router {
    /** Answers a request whose path matched a route. */
    @FunctionalInterface
    interface Handler {
        Reply handle(FakeCall call);
    }

    /** Checks a request before its handler: a reply to answer at once, or null to go on. */
    @FunctionalInterface
    interface Guard {
        Reply check(FakeCall call);
    }

    private static final String ANY_METHOD = "*";

    private final List<Route> routes = new ArrayList<>();
    private final Function<FakeCall, Reply> notFound;
    private final Function<FakeCall, Reply> methodNotAllowed;

    /** A router answering unknown paths and methods with Aura's 404 {@code not-found} and 405 envelopes. */
    Router() {
        this(Replies::noRoute, Replies::methodNotAllowed);
    }

    Router(Function<FakeCall, Reply> notFound, Function<FakeCall, Reply> methodNotAllowed) {
        this.notFound = Objects.requireNonNull(notFound, "notFound");
        this.methodNotAllowed = Objects.requireNonNull(methodNotAllowed, "methodNotAllowed");
    }

    Router get(String template, Handler handler) {
        return add("GET", template, null, handler);
    }

    Router post(String template, Handler handler) {
        return add("POST", template, null, handler);
    }

    /** Routes under a common prefix whose guard runs before their handlers. */
    Group group(String prefix, Guard guard) {
        return new Group(prefix, Objects.requireNonNull(guard, "guard"));
    }

    /** Routes of one parent resource, checked by one guard (e.g. the instance must exist). */
    final class Group {
        private final String prefix;
        private final Guard guard;

        private Group(String prefix, Guard guard) {
            this.prefix = prefix;
            this.guard = guard;
        }

        Group get(String template, Handler handler) {
            return on("GET", template, handler);
        }

        Group post(String template, Handler handler) {
            return on("POST", template, handler);
        }

        Group patch(String template, Handler handler) {
            return on("PATCH", template, handler);
        }

        Group delete(String template, Handler handler) {
            return on("DELETE", template, handler);
        }

        /** A handler for every method (e.g. to answer a path Aura does not know only after the guard). */
        Group any(String template, Handler handler) {
            return on(ANY_METHOD, template, handler);
        }

        private Group on(String method, String template, Handler handler) {
            add(method, prefix + template, guard, handler);
            return this;
        }
    }

    /** Answers a request: the matching route's guard and handler, or 404 / 405. */
    Reply dispatch(FakeCall call) {
        for (Route route : routes) {
            Map<String, String> params = route.match(call.segments);
            if (params == null) {
                continue;
            }
            call.params(params);
            if (route.guard != null) {
                Reply denied = route.guard.check(call);
                if (denied != null) {
                    return denied;
                }
            }
            Handler handler = route.handlers.getOrDefault(call.method, route.handlers.get(ANY_METHOD));
            return handler == null ? methodNotAllowed.apply(call) : handler.handle(call);
        }
        return notFound.apply(call);
    }

    private Router add(String method, String template, Guard guard, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        Route route = null;
        for (Route r : routes) {
            if (r.template.equals(template)) {
                if (r.guard != guard) {
                    throw new IllegalStateException("Route " + template + " is registered with another guard");
                }
                route = r;
            }
        }
        if (route == null) {
            route = new Route(template, guard);
            routes.add(route);
        }
        if (route.handlers.putIfAbsent(method, handler) != null) {
            throw new IllegalStateException("Route " + method + " " + template + " is registered twice");
        }
        return this;
    }

    private static final class Route {
        final String template;
        final List<String> segments = new ArrayList<>();
        final Guard guard;
        final Map<String, Handler> handlers = new LinkedHashMap<>();

        Route(String template, Guard guard) {
            this.template = template;
            this.guard = guard;
            for (String s : template.split("/")) {
                if (!s.isEmpty()) {
                    segments.add(s);
                }
            }
        }

        /** The named parameters when the path matches, else null. */
        Map<String, String> match(List<String> path) {
            if (path.size() != segments.size()) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String s = segments.get(i);
                if (s.startsWith("{") && s.endsWith("}")) {
                    params.put(s.substring(1, s.length() - 1), path.get(i));
                } else if (!s.equals(path.get(i))) {
                    return null;
                }
            }
            return params;
        }
    }
}
