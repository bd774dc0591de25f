package dev.tandem.processor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.processor.extract.Annotations;
import dev.tandem.processor.model.LiveObjectModel;
import dev.tandem.processor.write.SchemaExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;

/**
 * Exports each live object's stored shape to {@code <tandem.schemas>/<type>/<version>.json} and
 * checks it against the versions exported before: the file of the current version may change only
 * compatibly, and every older exported version must reach the current one through migrations,
 * {@code @Formerly} renames or compatible changes.
 */
final class SchemaCheck {

    /** The processor option naming the directory of exported schemas. */
    static final String OPTION = "tandem.schemas";

    private final Path root;
    private final Reporter reporter;

    SchemaCheck(Path root, Reporter reporter) {
        this.root = root;
        this.reporter = reporter;
    }

    /** @return whether the class passed (errors were reported otherwise) */
    boolean check(LiveObjectModel model) throws IOException {
        AnnotationMirror annotation = Annotations.mirror(model.element(), Annotations.LIVE_OBJECT);
        String name = model.element().getSimpleName().toString();
        int version = model.versions().version();
        JsonNode current = SchemaExport.schema(model);
        Path dir = root.resolve(model.typeName());
        Map<Integer, Path> exported = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> {
                    String file = f.getFileName().toString();
                    if (file.matches("[1-9][0-9]{0,8}\\.json")) {
                        exported.put(Integer.parseInt(file.substring(0, file.length() - 5)), f);
                    }
                });
            }
        }
        boolean ok = true;
        for (Map.Entry<Integer, Path> e : exported.entrySet()) {
            int v = e.getKey();
            if (v > version) {
                continue; // a newer version exported by other code; not this build's concern
            }
            JsonNode older;
            try {
                older = SchemaExport.parse(Files.readString(e.getValue(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException bad) {
                reporter.error(Diagnostic.SCHEMA_FILE_UNREADABLE, model.element(), annotation, e.getValue(), name,
                        bad.getMessage());
                ok = false;
                continue;
            }
            if (v == version) {
                List<String> problems = SchemaExport.incompatibilities(older, current, Map.of());
                if (!problems.isEmpty()) {
                    reporter.error(Diagnostic.SCHEMA_CHANGED_WITHOUT_BUMP, model.element(), annotation, name, version,
                            e.getValue(), String.join("; ", problems), version, version + 1, version, version);
                    ok = false;
                }
            } else if (model.versions().migrations().subMap(v, version).isEmpty()) {
                List<String> problems = SchemaExport.incompatibilities(older, current, model.versions().formerNames());
                if (!problems.isEmpty()) {
                    reporter.error(Diagnostic.MIGRATION_MISSING, model.element(), annotation, name, v, e.getValue(),
                            version, String.join("; ", problems), v, v);
                    ok = false;
                }
            }
        }
        if (ok) {
            Path file = dir.resolve(version + ".json");
            String text = SchemaExport.text(current);
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                Files.createDirectories(dir);
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
        }
        return ok;
    }
}
