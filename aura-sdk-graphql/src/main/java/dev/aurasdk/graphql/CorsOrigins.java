package dev.aurasdk.graphql;

import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.wait.WaitOptions;
import dev.aurasdk.graphql.internal.Origins;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CORS origins of one Data API: the browser origins allowed to call it. Obtain from
 * {@link GraphQLDataApis#cors(String, String)}; immutable and thread-safe.
 *
 * <p>Aura has no add or remove endpoint: the whole list is replaced by a PATCH. Each change here
 * therefore reads the API, computes the new list, PATCHes it, waits until the API is {@code ready}
 * again, and checks the list it then reads ({@link #notAwaitingReady()} gives a variant that returns
 * once the PATCH is accepted, the choice {@link AuthProviders} offers too). When another writer's PATCH replaced the list in between
 * (a lost update), the change is applied again on top of what was read, up to
 * {@link GraphQLDataApis.Builder#corsUpdateAttempts(int) 3 PATCHes}, then
 * {@link CorsUpdateConflictException}. A change that is already in effect sends nothing.
 *
 * <p>Origins are normalised and checked before any request: {@code scheme://host[:port]} with an
 * http(s) scheme, lowercase scheme and host, default ports dropped; no path, query, fragment,
 * credentials or wildcard. Duplicates are dropped. A WARN is logged (once per API) when an origin uses
 * plain http.
 *
 * <pre>{@code
 * CorsOrigins cors = apis.cors(instanceId, apiId);
 * cors.allow("https://app.example.com", "https://admin.example.com:8443");
 * cors.disallow("https://old.example.com");
 * cors.replace(List.of());                          // no browser origin allowed
 * }</pre>
 */
public final class CorsOrigins {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.graphql");

    private final GraphQLDataApis apis;
    private final String instanceId;
    private final String apiId;
    private final boolean awaitReady;
    private final WaitOptions waitOptions;

    CorsOrigins(GraphQLDataApis apis, String instanceId, String apiId, boolean awaitReady, WaitOptions waitOptions) {
        this.apis = apis;
        this.instanceId = instanceId;
        this.apiId = apiId;
        this.awaitReady = awaitReady;
        this.waitOptions = waitOptions;
    }

    /**
     * A variant whose changes wait until the API is {@code ready} again and check the list (the
     * default of {@link GraphQLDataApis#cors(String, String)}), with this object's wait options. The
     * same choice as {@link AuthProviders#awaitingReady()}.
     *
     * @return the waiting variant
     */
    public CorsOrigins awaitingReady() {
        return new CorsOrigins(apis, instanceId, apiId, true, waitOptions);
    }

    /**
     * A variant whose changes wait until the API is {@code ready} again, with these options.
     *
     * @param options intervals and timeout of each wait
     * @return the waiting variant
     */
    public CorsOrigins awaitingReady(WaitOptions options) {
        return new CorsOrigins(apis, instanceId, apiId, true, Objects.requireNonNull(options, "options"));
    }

    /**
     * A variant whose changes return as soon as Aura accepts the PATCH, with the list that was sent: no
     * wait for {@code ready}, hence no check for a lost update (a change already in effect still sends
     * nothing). The same choice as {@link AuthProviders#notAwaitingReady()}.
     *
     * @return the non-waiting variant
     */
    public CorsOrigins notAwaitingReady() {
        return new CorsOrigins(apis, instanceId, apiId, false, waitOptions);
    }

    /**
     * A variant whose waits for {@code ready} use these options.
     *
     * @param options intervals and timeout
     * @return the variant
     * @deprecated use {@link #awaitingReady(WaitOptions)}, the name {@link AuthProviders} uses too
     */
    @Deprecated
    public CorsOrigins withWaitOptions(WaitOptions options) {
        return awaitingReady(options);
    }

    /**
     * Normalises an origin as this class does: {@code scheme://host[:port]}, lowercase, default port
     * dropped.
     *
     * @param origin the origin, such as {@code HTTPS://App.Example.com:443/}
     * @return the normalised origin, such as {@code https://app.example.com}
     * @throws IllegalArgumentException when it is not a valid origin (path, query, wildcard, …)
     */
    public static String normalize(String origin) {
        return Origins.normalize(origin);
    }

    /**
     * The allowed origins, exactly as Aura stores them.
     *
     * @return the origins
     */
    public List<String> origins() {
        List<String> origins = apis.get(instanceId, apiId).allowedOrigins();
        apis.calls().warnings().plainHttpOrigins(instanceId, apiId, Origins.keys(origins));
        return origins;
    }

    /**
     * Allows origins (those already allowed are left as they are).
     *
     * @param origins the origins
     * @return the origins allowed afterwards, as re-read from Aura
     * @throws IllegalArgumentException before any request, when an origin is invalid
     * @throws CorsUpdateConflictException when concurrent updates kept overwriting the change
     */
    public List<String> allow(String... origins) {
        return allow(Arrays.asList(origins));
    }

    /**
     * Allows origins (those already allowed are left as they are).
     *
     * @param origins the origins
     * @return the origins allowed afterwards, as re-read from Aura
     */
    public List<String> allow(Collection<String> origins) {
        List<String> wanted = nonEmpty(Origins.normalizeAll(origins), "allow");
        return apply(new Change("allow " + wanted) {
            @Override
            List<String> applyTo(List<String> current) {
                List<String> out = new ArrayList<>(current.size() + wanted.size());
                Set<String> present = new HashSet<>();
                for (String o : current) {
                    String key = Origins.key(o);
                    if (wanted.contains(key)) {
                        if (present.add(key)) {
                            out.add(key);
                        }
                    } else {
                        out.add(o);
                    }
                }
                for (String w : wanted) {
                    if (present.add(w)) {
                        out.add(w);
                    }
                }
                return out;
            }

            @Override
            boolean satisfiedBy(List<String> current) {
                return current.containsAll(wanted);
            }
        });
    }

    /**
     * Disallows origins (written in any equivalent form; those not allowed are ignored).
     *
     * @param origins the origins
     * @return the origins allowed afterwards, as re-read from Aura
     */
    public List<String> disallow(String... origins) {
        return disallow(Arrays.asList(origins));
    }

    /**
     * Disallows origins (written in any equivalent form; those not allowed are ignored).
     *
     * @param origins the origins
     * @return the origins allowed afterwards, as re-read from Aura
     */
    public List<String> disallow(Collection<String> origins) {
        List<String> unwanted = nonEmpty(Origins.normalizeAll(origins), "disallow");
        return apply(new Change("disallow " + unwanted) {
            @Override
            List<String> applyTo(List<String> current) {
                List<String> out = new ArrayList<>(current.size());
                for (String o : current) {
                    if (!unwanted.contains(Origins.key(o))) {
                        out.add(o);
                    }
                }
                return out;
            }

            @Override
            boolean satisfiedBy(List<String> current) {
                return current.stream().map(Origins::key).noneMatch(unwanted::contains);
            }
        });
    }

    /**
     * Replaces the whole list; an empty list allows no browser origin.
     *
     * @param origins the new origins
     * @return the origins allowed afterwards, as re-read from Aura
     */
    public List<String> replace(Collection<String> origins) {
        List<String> wanted = Origins.normalizeAll(origins);
        return apply(new Change("replace with " + wanted) {
            @Override
            List<String> applyTo(List<String> current) {
                return wanted;
            }

            @Override
            boolean satisfiedBy(List<String> current) {
                return current.size() == wanted.size() && new HashSet<>(current).equals(new HashSet<>(wanted));
            }
        });
    }

    private List<String> apply(Change change) {
        List<String> current = apis.get(instanceId, apiId).allowedOrigins();
        int maxAttempts = apis.calls().corsUpdateAttempts();
        for (int patches = 0; ; patches++) {
            if (change.satisfiedBy(current)) {
                if (patches == 0) {
                    LOG.debug(
                            "GraphQL Data API {}: CORS {} already in effect, nothing sent", apiId, change.description);
                }
                return current;
            }
            if (patches >= maxAttempts) {
                throw new CorsUpdateConflictException(apiId, change.description, patches, current);
            }
            if (patches > 0) {
                LOG.warn(
                        "GraphQL Data API {} (instance {}): CORS change ({}) was lost to a concurrent update "
                                + "(origins now {}); applying it again ({} of {})",
                        apiId,
                        instanceId,
                        change.description,
                        current,
                        patches + 1,
                        maxAttempts);
            }
            List<String> desired = change.applyTo(current);
            apis.calls().warnings().plainHttpOrigins(instanceId, apiId, Origins.keys(desired));
            Instant sentAt = apis.calls().clock().instant();
            ApiRequest request = DataApiCalls.api("PATCH", instanceId, apiId)
                    .body(DataApiJson.corsBody(desired))
                    .build();
            apis.calls().send(instanceId, request, GraphQLDataApiSummary.class);
            apis.calls().recordChange(instanceId, apiId, sentAt);
            if (!awaitReady) {
                return desired; // accepted by Aura; not checked
            }
            current = apis.waitForReady(instanceId, apiId)
                    .withOptions(waitOptions)
                    .await()
                    .value()
                    .orElseThrow()
                    .allowedOrigins();
        }
    }

    private static List<String> nonEmpty(List<String> origins, String what) {
        if (origins.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one origin");
        }
        return origins;
    }

    /** One CORS change: how to apply it to a list, and whether a list already reflects it. */
    private abstract static class Change {
        final String description;

        Change(String description) {
            this.description = description;
        }

        abstract List<String> applyTo(List<String> current);

        abstract boolean satisfiedBy(List<String> current);
    }

    @Override
    public String toString() {
        return "CorsOrigins{instanceId=" + instanceId + ", apiId=" + apiId + "}";
    }
}
