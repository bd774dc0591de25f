package dev.tandem.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.codegen.model.LiveObjectModel;
import dev.tandem.codegen.model.ModelReader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds model documents: in compiled classes and jars (under {@code META-INF/tandem/models/}), or
 * on a running Tandem server ({@code GET /tandem/types}).
 */
public final class ModelSources {

    private static final String FOLDER = "META-INF/tandem/models/";

    private ModelSources() {
    }

    /**
     * @param classpath class folders and jars
     * @return every model found, by type name
     * @throws IOException if a folder or jar can't be read
     * @throws IllegalArgumentException if two models claim one type name for different classes
     */
    public static List<LiveObjectModel> fromClasspath(List<Path> classpath) throws IOException {
        Map<String, LiveObjectModel> found = new LinkedHashMap<>();
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                Path folder = entry.resolve(FOLDER);
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> files = Files.list(folder)) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                            add(found, ModelReader.read(Files.readString(f), f.toString()));
                        }
                    }
                }
            } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                try (ZipFile jar = new ZipFile(entry.toFile())) {
                    for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        ZipEntry z = e.nextElement();
                        if (z.getName().startsWith(FOLDER) && z.getName().endsWith(".json")) {
                            String json = new String(jar.getInputStream(z).readAllBytes(), StandardCharsets.UTF_8);
                            add(found, ModelReader.read(json, entry + "!/" + z.getName()));
                        }
                    }
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * @param server the server's base URL: {@code http://localhost:8080}, or https, ws or wss
     * @return the models of every type the server hosts
     * @throws IOException if the server can't be reached or answers with an error; the message is one line
     * @throws IllegalArgumentException if {@code server} is not such a URL
     */
    public static List<LiveObjectModel> fromServer(String server) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base = httpBase(server);
        JsonNode types;
        try {
            types = new ObjectMapper().readTree(get(http, base + "/tandem/types"));
        } catch (JsonProcessingException e) {
            throw new IOException(base + "/tandem/types did not answer with JSON: is " + server + " a Tandem server?");
        }
        Map<String, LiveObjectModel> found = new LinkedHashMap<>();
        for (JsonNode t : types) {
            String url = base + t.get("model").asText();
            add(found, ModelReader.read(get(http, url), url));
        }
        return new ArrayList<>(found.values());
    }

    /** @return the http(s) form of a server URL given as http, https, ws or wss, without a trailing slash */
    static String httpBase(String server) {
        URI uri;
        try {
            uri = new URI(server.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String mapped = switch (scheme) {
            case "http", "ws" -> "http";
            case "https", "wss" -> "https";
            default -> null;
        };
        if (mapped == null || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + server + "' is not a server URL: give http://, https://, ws:// or"
                    + " wss:// and a host, like http://localhost:8080");
        }
        return mapped + server.trim().substring(scheme.length()).replaceAll("/+$", "");
    }

    private static String get(HttpClient http, String url) throws IOException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                String body = r.body().strip().lines().findFirst().orElse("");
                throw new IOException("GET " + url + " answered HTTP " + r.statusCode()
                        + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "..." : body))
                        + (r.statusCode() == 404 ? " (is this a Tandem server?)" : ""));
            }
            return r.body();
        } catch (ConnectException e) {
            throw new IOException("connection refused: nothing listens at " + URI.create(url).resolve("/")
                    + " (is the server running, and is the port right?)");
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer from " + url + " in time (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + url, e);
        }
    }

    private static void add(Map<String, LiveObjectModel> found, LiveObjectModel model) {
        LiveObjectModel other = found.putIfAbsent(model.typeName(), model);
        if (other != null && !other.javaClass().equals(model.javaClass())) {
            throw new IllegalArgumentException("two classes have the type name '" + model.typeName() + "': "
                    + other.javaClass() + " and " + model.javaClass());
        }
    }
}
