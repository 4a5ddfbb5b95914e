package dev.aurasdk.core.wait;

import dev.aurasdk.core.http.ApiRequest;
import dev.aurasdk.core.http.ApiResponse;
import dev.aurasdk.core.http.AuraHttp;
import dev.aurasdk.core.spi.Futures;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One read of an awaited resource, in both forms a {@link Wait} needs: blocking (sync waits, on the
 * waiting thread) and non-blocking (async waits, no thread parked). Build it from one request with
 * {@link #of(AuraHttp, ApiRequest, Class)} so that both forms send the same request.
 *
 * @param <T> the polled resource
 */
public interface Poll<T> {
    /**
     * Reads the resource on the calling thread.
     *
     * @return the resource (a 404 is thrown as an {@link dev.aurasdk.core.AuraNotFoundException})
     */
    T get();

    /**
     * Starts one read without blocking; cancelling the returned stage abandons the read.
     *
     * @return completes with the resource, or exceptionally as {@link #get()} throws
     */
    CompletionStage<T> getAsync();

    /**
     * A poll made of a blocking and a non-blocking read of the same resource.
     *
     * @param sync the blocking read
     * @param async the non-blocking read
     * @param <T> the polled resource
     * @return the poll
     */
    static <T> Poll<T> of(Supplier<T> sync, Supplier<? extends CompletionStage<T>> async) {
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(async, "async");
        return new Poll<>() {
            @Override
            public T get() {
                return sync.get();
            }

            @Override
            public CompletionStage<T> getAsync() {
                return Objects.requireNonNull(async.get(), "poll returned null");
            }
        };
    }

    /**
     * A poll that sends {@code request} through {@code http} ({@link AuraHttp#send} or
     * {@link AuraHttp#sendAsync}) and reads the response's data.
     *
     * @param http the client's transport
     * @param request the read, usually a GET
     * @param type the resource type
     * @param <T> the polled resource
     * @return the poll
     */
    static <T> Poll<T> of(AuraHttp http, ApiRequest request, Class<T> type) {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(type, "type");
        return of(
                () -> http.send(request, type).data(),
                () -> Futures.mapAbandoning(http.sendAsync(request, type), ApiResponse::data));
    }

    /**
     * This poll, telling {@code observer} about each value read before the wait judges it.
     *
     * @param observer sees each value
     * @return the observed poll
     */
    default Poll<T> peek(Consumer<? super T> observer) {
        Objects.requireNonNull(observer, "observer");
        Poll<T> self = this;
        return of(
                () -> {
                    T value = self.get();
                    observer.accept(value);
                    return value;
                },
                () -> Futures.mapAbandoning(self.getAsync().toCompletableFuture(), value -> {
                    observer.accept(value);
                    return value;
                }));
    }
}
