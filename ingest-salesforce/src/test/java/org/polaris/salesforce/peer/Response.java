package org.polaris.salesforce.peer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a route answers. {@code records} is how many data records the body carries, so
 * the serving loop can count records served without parsing its own output.
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers, long records) {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json;charset=UTF-8";

    static Response json(int status, Object value) {
        try {
            return new Response(status, JSON_TYPE, JSON.writeValueAsBytes(value), Map.of(), 0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, Map.of(), 0);
    }

    static Response noContent() {
        return new Response(204, null, null, Map.of(), 0);
    }

    /** The REST API's error shape: {@code [{"message":..,"errorCode":..}]}. */
    static Response restError(int status, String errorCode, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("errorCode", errorCode);
        return json(status, List.of(error));
    }

    /** The Bulk 2.0 (and NOT_FOUND) error shape, which names the code first: {@code [{"errorCode":..,"message":..}]}. */
    static Response bulkError(int status, String errorCode, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorCode", errorCode);
        error.put("message", message);
        return json(status, List.of(error));
    }

    static Response notFound() {
        return bulkError(404, "NOT_FOUND", "The requested resource does not exist");
    }

    /** OAuth errors are a flat object: {@code {"error":..,"error_description":..}}. */
    static Response oauthError(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return json(status, body);
    }

    static Response methodNotAllowed(String method, String allowed) {
        return restError(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed. Allowed are " + allowed);
    }

    Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, Map.copyOf(more), records);
    }

    Response withRecords(long count) {
        return new Response(status, contentType, body, headers, count);
    }
}
