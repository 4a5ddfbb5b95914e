package dev.aurasdk.core.http;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.concurrent.CompletableFuture;

/**
 * The authenticated, retrying, rate-limited transport shared by every client of one
 * {@code AuraClient}. Feature modules use it; users can reach endpoints the SDK does not model yet.
 */
public interface AuraHttp {
    /**
     * Sends a request and decodes {@code data} into a type.
     *
     * @param request the request
     * @param type the type of {@code data}; {@code Void.class} to ignore the body
     * @param <T> the data type
     * @return the response
     * @throws dev.aurasdk.core.AuraException on any failure (typed by cause)
     */
    <T> ApiResponse<T> send(ApiRequest request, Class<T> type);

    /**
     * Sends a request and decodes {@code data} into a generic type, such as a list of models.
     *
     * @param request the request
     * @param type the type of {@code data}
     * @param <T> the data type
     * @return the response
     */
    <T> ApiResponse<T> send(ApiRequest request, TypeReference<T> type);

    /**
     * Sends a request without blocking on the network, with the same token, rate limit, retries,
     * deadline and error mapping as {@link #send(ApiRequest, Class)}. Waits (rate limit, retry backoff)
     * are scheduled, not slept. Everything after a response (listeners, decoding, completing the future
     * and the stages that depend on it) runs on the client's scheduler, never on the HTTP client's
     * threads. The calling thread prepares the first attempt, so it waits only when no valid token is
     * cached. Cancelling the future stops retrying and abandons the exchange in flight (a POST may still
     * have reached Aura). Never block the scheduler's thread in a dependent stage: the client's other
     * asynchronous work waits behind it. The SDK's own client implements this without blocking; the
     * default, for other implementations (test doubles), sends synchronously on the calling thread.
     *
     * @param request the request
     * @param type the type of {@code data}; {@code Void.class} to ignore the body
     * @param <T> the data type
     * @return completes with the response, or exceptionally with the {@link dev.aurasdk.core.AuraException}
     *     {@code send} would throw
     * @throws IllegalArgumentException at once when the request body cannot be written as JSON
     */
    default <T> CompletableFuture<ApiResponse<T>> sendAsync(ApiRequest request, Class<T> type) {
        try {
            return CompletableFuture.completedFuture(send(request, type)); // for implementations without async
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * As {@link #sendAsync(ApiRequest, Class)}, for a generic type such as a list of models.
     *
     * @param request the request
     * @param type the type of {@code data}
     * @param <T> the data type
     * @return completes with the response
     */
    default <T> CompletableFuture<ApiResponse<T>> sendAsync(ApiRequest request, TypeReference<T> type) {
        try {
            return CompletableFuture.completedFuture(send(request, type)); // for implementations without async
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
