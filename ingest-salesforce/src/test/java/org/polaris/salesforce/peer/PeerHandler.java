package org.polaris.salesforce.peer;

import java.io.IOException;
import java.io.OutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The serving loop shared by both servers: read the request, run the route, write the
 * response, account for it in {@link PeerStats}. A route that throws answers 500 with
 * Salesforce's UNKNOWN_EXCEPTION shape, so a peer bug shows up as a server error in the
 * client under test rather than a hung connection.
 */
final class PeerHandler implements HttpHandler {

    interface Route {
        Response handle(Request request) throws Exception;
    }

    private final Route route;
    private final PeerStats stats;
    private final Runnable countRequest;

    PeerHandler(Route route, PeerStats stats, Runnable countRequest) {
        this.route = route;
        this.stats = stats;
        this.countRequest = countRequest;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        countRequest.run();
        try (exchange) {
            Response response;
            try {
                response = route.handle(Request.read(exchange));
            } catch (Exception | AssertionError e) {
                response = Response.restError(500, "UNKNOWN_EXCEPTION", "peer failure: " + e);
            }
            write(exchange, response);
            long bytes = response.body() == null ? 0 : response.body().length;
            stats.served(response.records(), bytes, System.nanoTime() - start);
        }
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body();
        // -1 means "no body"; 0 would mean chunked to the JDK server
        boolean empty = body == null || body.length == 0;
        exchange.sendResponseHeaders(response.status(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
