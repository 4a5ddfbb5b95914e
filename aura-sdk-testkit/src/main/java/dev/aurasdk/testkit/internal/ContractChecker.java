package dev.aurasdk.testkit.internal;

import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageContainsSubstring;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.messageHasKey;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.responseStatusIs;
import static com.atlassian.oai.validator.whitelist.rule.WhitelistRules.responseStatusTypeIs;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.StatusType;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRule;
import dev.aurasdk.testkit.ContractViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates exchanges against the official OpenAPI documents with swagger-request-validator.
 *
 * <p>{@code /v1/...} and {@code /v1beta5/...} are checked against the v1beta5 document (it describes tenants and
 * instances exactly as v1 does), {@code /v2beta1/...} against the v2beta1 document. The token endpoint and the
 * fake GraphQL endpoints are outside the documents and not checked. Known differences between the live API and
 * the documents are whitelisted below, one rule each, with the reason.
 */
public final class ContractChecker {
    private static final Map<String, ContractChecker> CACHE = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator v1beta5;
    private final OpenApiInteractionValidator v2beta1;

    private ContractChecker(OpenApiDocuments documents) {
        this.v1beta5 = OpenApiInteractionValidator.createForInlineApiSpecification(documents.v1beta5())
                .withBasePathOverride("/v1beta5")
                // Merge allOf schemas first: otherwise the validator's strict additionalProperties check makes
                // every allOf (GraphQLDataAPI, GraphQLDataAPISummaryWithAuthProviders) fail.
                .withResolveCombinators(true)
                .withWhitelist(v1beta5Whitelist())
                .build();
        this.v2beta1 = OpenApiInteractionValidator.createForInlineApiSpecification(documents.v2beta1())
                .withBasePathOverride("/v2beta1")
                .withResolveCombinators(true)
                .withWhitelist(v2beta1Whitelist())
                .build();
    }

    /** The checker for a pair of documents (parsed once per JVM, location and content). */
    public static ContractChecker forDocuments(OpenApiDocuments documents) {
        String key = documents.location() + "#" + documents.v1beta5().hashCode() + "/"
                + documents.v2beta1().hashCode();
        return CACHE.computeIfAbsent(key, k -> new ContractChecker(documents));
    }

    /** Whether a path is outside the documents (token endpoint, fake GraphQL endpoints). */
    public static boolean isUnchecked(String path) {
        return path.equals("/oauth/token") || path.startsWith("/graphql-endpoints/");
    }

    /**
     * Checks one exchange.
     *
     * @param responseBody null when no response was sent or its body was deliberately broken (then only the
     *     request is checked)
     */
    public List<ContractViolation> check(
            String method,
            String path,
            Map<String, List<String>> query,
            Map<String, List<String>> requestHeaders,
            String requestBody,
            int status,
            Map<String, String> responseHeaders,
            String responseBody) {
        List<ContractViolation> out = new ArrayList<>();
        if (isUnchecked(path)) {
            return out;
        }
        OpenApiInteractionValidator validator;
        String documentPath;
        if (path.startsWith("/v1/")) {
            validator = v1beta5;
            documentPath = "/v1beta5/" + path.substring("/v1/".length());
        } else if (path.startsWith("/v1beta5/")) {
            validator = v1beta5;
            documentPath = path;
        } else if (path.startsWith("/v2beta1/")) {
            validator = v2beta1;
            documentPath = path;
        } else {
            out.add(new ContractViolation(
                    method,
                    path,
                    status,
                    ContractViolation.Side.REQUEST,
                    "testkit.path.undocumented",
                    "No Aura OpenAPI document describes " + path));
            return out;
        }
        SimpleRequest.Builder rq = new SimpleRequest.Builder(method, documentPath);
        requestHeaders.forEach(rq::withHeader);
        query.forEach(rq::withQueryParam);
        if (requestBody != null && !requestBody.isEmpty()) {
            rq.withBody(requestBody);
        }
        Request request = rq.build();
        ValidationReport report;
        if (responseBody == null) {
            report = validator.validateRequest(request);
        } else {
            SimpleResponse.Builder rs = SimpleResponse.Builder.status(status);
            responseHeaders.forEach(rs::withHeader);
            if (!responseBody.isEmpty()) {
                rs.withBody(responseBody);
            }
            report = validator.validate(request, rs.build());
        }
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            ContractViolation.Side side = m.getKey().startsWith("validation.response")
                    ? ContractViolation.Side.RESPONSE
                    : ContractViolation.Side.REQUEST;
            out.add(new ContractViolation(
                    method,
                    path,
                    responseBody == null ? 0 : status,
                    side,
                    m.getKey(),
                    m.getMessage().replace('\n', ' ')));
        }
        return out;
    }

    private static WhitelistRule requestPath(String regex) {
        Pattern p = Pattern.compile(regex);
        return (message, operation, request, response) ->
                request != null && p.matcher(request.getPath()).find();
    }

    private static WhitelistRule method(String name) {
        return (message, operation, request, response) ->
                request != null && request.getMethod().name().equalsIgnoreCase(name);
    }

    private static ValidationErrorsWhitelist v1beta5Whitelist() {
        return ValidationErrorsWhitelist.create()
                // README §5 / the v1beta5 document's own example: a 200 GET of a Data API may carry a top-level
                // "errors" ARRAY beside "data" ({"reason":"invalid-type-defs",...}), but the schema points
                // "errors" at the Error object ({"errors":[...]}) instead of its items.
                .withRule(
                        "Data API GET: top-level errors is an array (document schema says object)",
                        messageHasKey("validation.response.body.schema.type")
                                .and(messageContainsSubstring("[Path '/errors']"))
                                .and(method("GET"))
                                .and(requestPath("/data-apis/graphql/[^/]+$")))
                // The auth-provider PATCH body is oneOf two edit schemas that require nothing, so any body that
                // fits one (e.g. {"enabled":false} or {"name":...}) fits both and "oneOf" can never hold.
                .withRule(
                        "Auth-provider PATCH: the document's oneOf is ambiguous",
                        messageHasKey("validation.request.body.schema.oneOf")
                                .and(method("PATCH"))
                                .and(requestPath("/auth-providers/[^/]+$")))
                // README §5 quirk: Aura rejects a Data API PATCH whose only content is an empty allowed_origins
                // list; the official CLI (and our SDK) add a dummy top-level field "test":"ignore me" that Aura
                // ignores. The document does not forbid extra fields, only the validator's strict mode does.
                .withRule(
                        "Data API PATCH: the empty-CORS workaround field \"test\"",
                        messageHasKey("validation.request.body.schema.additionalProperties")
                                .and(messageContainsSubstring("\"test\""))
                                .and(method("PATCH"))
                                .and(requestPath("/data-apis/graphql/[^/]+$")))
                // README §5: the official CLI's mocks of the provider list include "url" for jwks providers, and
                // the fake returns it; the list's DataApiAuthProviderSummary schema omits "url" (it does not
                // forbid it: only the validator's strict additionalProperties mode does).
                .withRule(
                        "Auth-provider list: jwks providers carry their url",
                        messageHasKey("validation.response.body.schema.additionalProperties")
                                .and(messageContainsSubstring("[\"url\"]"))
                                .and(method("GET"))
                                .and(requestPath("/auth-providers$")))
                // Data API and auth-provider operations list no 404, yet a deleted or unknown Data API or
                // provider answers 404 with the standard envelope (README §5, DESIGN §3 "may 404 briefly").
                .withRule(
                        "Data API / auth provider: 404 not listed in the document",
                        messageHasKey("validation.response.status.unknown")
                                .and(responseStatusIs(404))
                                .and(requestPath("/data-apis/graphql")))
                // README §3: every endpoint but /oauth/token answers 415 without Content-Type: application/json,
                // but the document lists 415 only on a few operations.
                .withRule(
                        "415 Unsupported Media Type not listed on every operation",
                        messageHasKey("validation.response.status.unknown").and(responseStatusIs(415)));
    }

    private static ValidationErrorsWhitelist v2beta1Whitelist() {
        return ValidationErrorsWhitelist.create()
                // README §6.1/§9: the official CLI requires 201 from import-job create (its tests mock 201); the
                // document says 200. The fake answers 201 like the CLI expects; clients must accept both.
                .withRule(
                        "Import job create: 201 (document says 200)",
                        messageHasKey("validation.response.status.unknown")
                                .and(responseStatusIs(201))
                                .and(method("POST"))
                                .and(requestPath("/import/jobs/?$")))
                // The v2beta1 document lists only the 200 response of each operation, no error responses at all,
                // while Aura answers 400/404 (README §6.1-6.3, CLI tests), 401/403/415/429 (README §7) and 5xx
                // with the standard error envelopes.
                .withRule(
                        "v2beta1: error responses are not listed in the document",
                        messageHasKey("validation.response.status.unknown")
                                .and(responseStatusTypeIs(StatusType.CLIENT_ERROR)
                                        .or(responseStatusTypeIs(StatusType.SERVER_ERROR))));
    }
}
