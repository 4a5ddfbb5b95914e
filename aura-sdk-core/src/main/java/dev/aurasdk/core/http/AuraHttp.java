package dev.aurasdk.core.http;

import com.fasterxml.jackson.core.type.TypeReference;

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
}
