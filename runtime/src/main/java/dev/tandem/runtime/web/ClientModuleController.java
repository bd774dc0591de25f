package dev.tandem.runtime.web;

import dev.tandem.codegen.GeneratedFile;
import dev.tandem.codegen.TypeScriptGenerator;
import dev.tandem.codegen.model.LiveObjectModel;
import dev.tandem.codegen.model.ModelReader;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectRegistry;
import dev.tandem.spi.LiveObjectDefinition;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves the TypeScript client as ready-to-import ES modules, generated at startup for this
 * application's live-object types, so pages need no build step:
 *
 * <pre>{@code
 * <script type="module">
 *   import { connect, TicTacToe } from "/tandem/client.js";
 * </script>
 * }</pre>
 *
 * <p>{@code /tandem/client.d.ts} (and {@code /tandem/client/runtime.d.ts}) sit beside the modules
 * for editors. Responses carry an ETag; clients revalidate.
 */
@Controller("/tandem")
final class ClientModuleController {

    private static final String JS = "text/javascript; charset=utf-8";
    private static final String TS = "application/typescript; charset=utf-8";

    private record Served(byte[] body, String type, String etag) {
    }

    private final Map<String, Served> files = new TreeMap<>();

    ClientModuleController(LiveObjectRegistry registry) {
        List<LiveObjectModel> models = new ArrayList<>();
        for (LiveObjectDefinition<?> d : registry.all()) {
            models.add(ModelReader.read(registry.model(d.typeName()), d.modelResource()));
        }
        for (GeneratedFile f : new TypeScriptGenerator(models).served()) {
            byte[] body = f.content().getBytes(StandardCharsets.UTF_8);
            files.put(f.path(), new Served(body, f.path().endsWith(".d.ts") ? TS : JS, etag(body)));
        }
    }

    @Get("/client.js")
    HttpResponse<?> client(HttpRequest<?> request) {
        return serve("client.js", request);
    }

    @Get("/client.d.ts")
    HttpResponse<?> clientTypes(HttpRequest<?> request) {
        return serve("client.d.ts", request);
    }

    @Get("/client/{file}")
    HttpResponse<?> runtime(String file, HttpRequest<?> request) {
        return serve("client/" + file, request);
    }

    private HttpResponse<?> serve(String path, HttpRequest<?> request) {
        Served f = files.get(path);
        if (f == null) {
            return ErrorBody.of(ErrorCode.NOT_FOUND, "no client file '" + path + "'; there are: "
                    + String.join(", ", files.keySet()));
        }
        if (f.etag().equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
            return HttpResponse.status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, f.etag());
        }
        return HttpResponse.ok(f.body()).contentType(f.type()).header(HttpHeaders.ETAG, f.etag())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
