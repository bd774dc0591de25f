package dev.tandem.codegen;

import dev.tandem.codegen.model.LiveObjectModel;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the TypeScript client from the command line.
 *
 * <pre>
 * java -jar tandem-client-codegen-cli.jar --server http://localhost:8080 --out web/src/tandem
 * java -jar tandem-client-codegen-cli.jar --classpath target/classes --out web/src/tandem
 * </pre>
 */
public final class Cli {

    private static final String USAGE = "usage: tandem-client-codegen (--server URL | --classpath PATHS) --out FOLDER [--served]\n"
            + "  --server URL        read the models from a running Tandem server, like http://localhost:8080\n"
            + "  --classpath PATHS   read the models from class folders and jars, separated by '" + File.pathSeparator + "'\n"
            + "  --out FOLDER        where to write index.ts and the runtime files\n"
            + "  --served            write client.js and client.d.ts, as the server serves them, instead of index.ts\n"
            + "  --help              print this";

    private Cli() {
    }

    public static void main(String[] args) throws Exception {
        String server = null;
        String classpath = null;
        String out = null;
        boolean served = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = value(args, ++i);
                case "--classpath" -> classpath = value(args, ++i);
                case "--out" -> out = value(args, ++i);
                case "--served" -> served = true;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> fail("unknown option " + args[i]);
            }
        }
        if (out == null || (server == null) == (classpath == null)) {
            fail("give --out and one of --server or --classpath");
        }
        List<LiveObjectModel> models;
        if (server != null) {
            models = ModelSources.fromServer(URI.create(server));
        } else {
            List<Path> paths = new ArrayList<>();
            for (String p : classpath.split(File.pathSeparator)) {
                paths.add(Path.of(p));
            }
            models = ModelSources.fromClasspath(paths);
        }
        if (models.isEmpty()) {
            fail("no live-object models found in " + (server != null ? server : classpath)
                    + " (compile with the Tandem annotation processor first)");
        }
        TypeScriptGenerator generator = new TypeScriptGenerator(models);
        OutputFolder.write(Path.of(out), served ? generator.served() : generator.typescript());
        System.out.println("Wrote the Tandem client for " + models.size() + " type(s) to " + out);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            fail(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println(message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
