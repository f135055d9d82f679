package org.polaris.salesforce.peer;

import java.io.InputStream;
import java.nio.ByteBuffer;

import com.sun.net.httpserver.Headers;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.server.http.jakarta.CometDServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The instance host on Jetty: the REST and Bulk routes (the same functions the login host serves
 * through the JDK server) and, on the same origin, the Streaming API's Bayeux endpoint at
 * {@code /cometd/*}, as a client finds it: {@code <instance_url>/cometd/<version>}.
 */
final class JettyInstance implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    JettyInstance(int port, PeerHandler.Route route, PeerStats stats, StreamingApi streaming) throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/cometd");
        ServletHolder cometd = new ServletHolder(new CometDServlet() {
            @Override
            protected BayeuxServer newBayeuxServer() {
                return streaming.bayeux();
            }
        });
        cometd.setAsyncSupported(true);
        cometd.setInitOrder(1);
        context.addServlet(cometd, "/*");
        ContextHandler rest = new ContextHandler(new Routes(route, stats), "/");
        server.setHandler(new ContextHandlerCollection(context, rest));
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** {@link PeerHandler}'s loop on Jetty's core API (a servlet response would rewrite Content-Type's charset). */
    private static final class Routes extends Handler.Abstract {
        private final PeerHandler.Route route;
        private final PeerStats stats;

        Routes(PeerHandler.Route route, PeerStats stats) {
            this.route = route;
            this.stats = stats;
        }

        @Override
        public boolean handle(org.eclipse.jetty.server.Request req, org.eclipse.jetty.server.Response resp,
                Callback callback) throws Exception {
            long start = System.nanoTime();
            stats.countApiRequest();
            Headers headers = new Headers();
            for (HttpField f : req.getHeaders()) {
                headers.add(f.getName(), f.getValue());
            }
            String path = req.getHttpURI().getPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            byte[] in;
            try (InputStream body = Content.Source.asInputStream(req)) {
                in = body.readAllBytes();
            }
            Request request = new Request(req.getMethod(), path, Request.decodeForm(req.getHttpURI().getQuery()), headers, in);
            Response response;
            try {
                response = route.handle(request);
            } catch (Exception | AssertionError e) {
                response = Response.restError(500, "UNKNOWN_EXCEPTION", "peer failure: " + e);
            }
            resp.setStatus(response.status());
            if (response.contentType() != null) {
                resp.getHeaders().put("Content-Type", response.contentType());
            }
            response.headers().forEach((name, value) -> resp.getHeaders().put(name, value));
            byte[] body = response.body() == null ? new byte[0] : response.body();
            resp.getHeaders().put("Content-Length", String.valueOf(body.length));
            stats.served(response.records(), body.length, System.nanoTime() - start);
            resp.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
