package dev.aurasdk.graphql.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security warnings, logged at WARN once per Data API and kind on the {@code dev.aurasdk.graphql}
 * logger. Messages name the API and origins only, never a secret. Not API.
 */
public final class SecurityWarnings {
    private static final Logger LOG = LoggerFactory.getLogger("dev.aurasdk.graphql");

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * Warns when some origins use plain http.
     *
     * @param instanceId the instance
     * @param apiId the Data API
     * @param origins the origins the API allows (or is about to allow)
     */
    public void plainHttpOrigins(String instanceId, String apiId, Collection<String> origins) {
        List<String> plain = origins.stream().filter(Origins::isPlainHttp).collect(Collectors.toList());
        if (!plain.isEmpty() && warned.add("http-origin " + instanceId + "/" + apiId)) {
            LOG.warn(
                    "GraphQL Data API {} (instance {}) allows CORS origin(s) over plain http: {}. Browsers on "
                            + "those pages send requests and credentials unencrypted; use https origins in production.",
                    apiId,
                    instanceId,
                    plain);
        }
    }

    /**
     * Warns when an API has no JWKS provider (only API keys, which cannot tell end users apart).
     *
     * @param instanceId the instance
     * @param apiId the Data API
     */
    public void noJwksProvider(String instanceId, String apiId) {
        if (warned.add("no-jwks " + instanceId + "/" + apiId)) {
            LOG.warn(
                    "GraphQL Data API {} (instance {}) has no JWKS authentication provider: every caller with "
                            + "an API key has the same rights, and @authorization rules on $jwt claims cannot apply. "
                            + "Add a JWKS provider for per-user access.",
                    apiId,
                    instanceId);
        }
    }
}
