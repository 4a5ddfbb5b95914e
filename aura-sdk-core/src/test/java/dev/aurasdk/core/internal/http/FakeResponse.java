package dev.aurasdk.core.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/** An answer made up by a test: a status, headers and a JSON body. */
final class FakeResponse implements HttpResponse<byte[]> {
    private final int status;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private FakeResponse(int status) {
        this.status = status;
    }

    static FakeResponse status(int status) {
        return new FakeResponse(status).header("Content-Type", "application/json");
    }

    FakeResponse header(String name, String value) {
        headers.put(name, List.of(value));
        return this;
    }

    FakeResponse body(String json) {
        this.body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    @Override
    public int statusCode() {
        return status;
    }

    @Override
    public HttpRequest request() {
        return HttpRequest.newBuilder(uri()).build();
    }

    @Override
    public Optional<HttpResponse<byte[]>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return HttpHeaders.of(headers, (name, value) -> true);
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return URI.create("https://api.example/v1/tenants");
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }
}
