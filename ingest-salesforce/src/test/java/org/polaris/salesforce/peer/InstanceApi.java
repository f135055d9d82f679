package org.polaris.salesforce.peer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instance server: authentication, the API usage counter and limit, then routing to
 * the REST and Bulk handlers. Every response carries {@code Sforce-Limit-Info}, which
 * clients read to throttle themselves before hitting REQUEST_LIMIT_EXCEEDED.
 */
final class InstanceApi {

    private static final Pattern VERSIONED = Pattern.compile("/services/data/v(\\d+\\.\\d+)(?:/(.*))?");
    private static final Pattern NEXT_PAGE = Pattern.compile("(?:query|queryAll)/([^/]+)");
    private static final Pattern JOB = Pattern.compile("jobs/query/([^/]+)");
    private static final Pattern JOB_RESULTS = Pattern.compile("jobs/query/([^/]+)/results");

    private final PeerSettings settings;
    private final Tokens tokens;
    private final RestQueries rest;
    private final BulkQueries bulk;

    InstanceApi(PeerSettings settings, Tokens tokens, RestQueries rest, BulkQueries bulk) {
        this.settings = settings;
        this.tokens = tokens;
        this.rest = rest;
        this.bulk = bulk;
    }

    Response handle(Request request) throws Exception {
        Response response = route(request);
        return response.withHeader("Sforce-Limit-Info", settings.limitInfo());
    }

    private Response route(Request request) throws Exception {
        Response injected = settings.apiFailures.poll();
        if (injected != null) {
            return injected;
        }
        if (request.path().equals("/services/data")) {
            // the one resource Salesforce serves without a session
            return only("GET", request, this::versions);
        }
        if (!tokens.isLive(bearer(request.header("Authorization")))) {
            return Response.restError(401, "INVALID_SESSION_ID", "Session expired or invalid");
        }
        int used = settings.apiUsed.incrementAndGet();
        tokens.countRequest();
        if (settings.limitExceeded || used > settings.apiLimit) {
            return Response.restError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        }
        Matcher versioned = VERSIONED.matcher(request.path());
        if (!versioned.matches() || !settings.versions.contains(versioned.group(1))) {
            return Response.notFound();
        }
        return resource(request, versioned.group(1), versioned.group(2) == null ? "" : versioned.group(2));
    }

    private Response resource(Request request, String version, String resource) throws Exception {
        switch (resource) {
            case "":
                return only("GET", request, () -> Response.json(200, resources(version)));
            case "limits":
                return only("GET", request, this::limits);
            case "query":
                return only("GET", request, () -> rest.query(request, version, false));
            case "queryAll":
                return only("GET", request, () -> rest.query(request, version, true));
            case "jobs/query":
                return only("POST", request, () -> bulk.create(request, version));
            default:
                break;
        }
        Matcher m;
        if ((m = NEXT_PAGE.matcher(resource)).matches()) {
            String locator = m.group(1);
            return only("GET", request, () -> rest.next(version, locator));
        }
        if ((m = JOB_RESULTS.matcher(resource)).matches()) {
            String id = m.group(1);
            return only("GET", request, () -> bulk.results(request, id));
        }
        if ((m = JOB.matcher(resource)).matches()) {
            String id = m.group(1);
            return switch (request.method()) {
                case "GET" -> bulk.status(id);
                case "DELETE" -> bulk.delete(id);
                default -> Response.methodNotAllowed(request.method(), "GET, DELETE");
            };
        }
        return Response.notFound();
    }

    private interface Body {
        Response get() throws Exception;
    }

    private static Response only(String method, Request request, Body body) throws Exception {
        return request.method().equals(method) ? body.get() : Response.methodNotAllowed(request.method(), method);
    }

    /** Salesforce takes "Bearer x" and the legacy "OAuth x". */
    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        for (String scheme : new String[] {"Bearer ", "OAuth "}) {
            if (authorization.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return authorization.substring(scheme.length()).trim();
            }
        }
        return null;
    }

    private Response versions() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String version : settings.versions) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", Wire.releaseLabel(version));
            entry.put("url", "/services/data/v" + version);
            entry.put("version", version);
            list.add(entry);
        }
        return Response.json(200, list);
    }

    private static Map<String, Object> resources(String version) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name : List.of("sobjects", "query", "queryAll", "limits", "jobs")) {
            map.put(name, "/services/data/v" + version + "/" + name);
        }
        return map;
    }

    private Response limits() {
        Map<String, Object> daily = new LinkedHashMap<>();
        daily.put("Max", settings.apiLimit);
        daily.put("Remaining", Math.max(0, settings.apiLimit - settings.apiUsed.get()));
        return Response.json(200, Map.of("DailyApiRequests", daily));
    }
}
