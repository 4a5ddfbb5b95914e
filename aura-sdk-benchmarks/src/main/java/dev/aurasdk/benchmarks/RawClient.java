package dev.aurasdk.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The baseline: what a hand-written client does with the JDK {@link HttpClient} and Jackson, and no
 * more. It fetches one token, then sends the same GET as the SDK (same headers, same per-request
 * timeout) and parses the body into a {@code Map}. No retries, no token refresh, no error mapping.
 */
public final class RawClient {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String baseUrl;
    private final URI jobUri;
    private String bearer;

    /**
     * A client on a new {@link HttpClient} configured as the SDK configures its own.
     *
     * @param baseUrl the server
     */
    public RawClient(String baseUrl) {
        this(
                baseUrl,
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    /**
     * A client on a given {@link HttpClient}.
     *
     * @param baseUrl the server
     * @param http the HTTP client
     */
    public RawClient(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.jobUri = URI.create(baseUrl + Payloads.JOB_PATH + "?progress=true");
    }

    /**
     * Fetches the access token (client-credentials grant), once.
     *
     * @return this client
     */
    public RawClient authenticate() {
        String basic = Base64.getEncoder()
                .encodeToString((Payloads.CLIENT_ID + ":" + Payloads.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth/token"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        Map<String, Object> token = parse(send(request));
        this.bearer = "Bearer " + token.get("access_token");
        return this;
    }

    /**
     * {@code GET …/import/jobs/{jobId}?progress=true}, parsed into a map.
     *
     * @return the {@code data} object
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getImportJob() {
        HttpRequest request = HttpRequest.newBuilder(jobUri)
                .timeout(Duration.ofSeconds(60))
                .header("User-Agent", "raw-baseline/1.0")
                .header("Accept", "application/json")
                .header("Authorization", bearer)
                .GET()
                .build();
        return (Map<String, Object>) parse(send(request)).get("data");
    }

    private byte[] send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Map<String, Object> parse(byte[] body) {
        try {
            return mapper.readValue(body, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
