package dev.tandem.codegen;

import dev.tandem.codegen.model.LiveObjectModel;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the TypeScript client from the command line. A failure is one line on stderr and a
 * non-zero exit code (2 for a wrong command line, 1 for anything else), never a stack trace.
 *
 * <pre>
 * java -jar tandem-client-codegen-cli.jar --server http://localhost:8080 --out web/src/tandem
 * java -jar tandem-client-codegen-cli.jar --classpath target/classes --out web/src/tandem
 * </pre>
 */
public final class Cli {

    private static final String USAGE = "usage: tandem-client-codegen (--server URL | --classpath PATHS) --out FOLDER [--served]\n"
            + "  --server URL        read the models from a running Tandem server, like http://localhost:8080 (or ws://...)\n"
            + "  --classpath PATHS   read the models from class folders and jars, separated by '" + File.pathSeparator + "'\n"
            + "  --out FOLDER        where to write index.ts and the runtime files\n"
            + "  --served            write client.js and client.d.ts, as the server serves them, instead of index.ts\n"
            + "  --help              print this";

    /** A failure to report as one line, with the exit code. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        Failure(int exitCode, String message) {
            super(message, null, false, false);
            this.exitCode = exitCode;
        }
    }

    private Cli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     * @param out where the result line goes
     * @param err where errors go
     * @return the exit code: 0 on success
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return generate(args, out);
        } catch (Failure f) {
            err.println("tandem-client-codegen: " + f.getMessage());
            if (f.exitCode == 2) {
                err.println(USAGE);
            }
            return f.exitCode;
        }
    }

    private static int generate(String[] args, PrintStream out) throws Failure {
        String server = null;
        String classpath = null;
        String folder = null;
        boolean served = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = value(args, ++i);
                case "--classpath" -> classpath = value(args, ++i);
                case "--out" -> folder = value(args, ++i);
                case "--served" -> served = true;
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> throw new Failure(2, "unknown option " + args[i]);
            }
        }
        if (folder == null || (server == null) == (classpath == null)) {
            throw new Failure(2, "give --out and one of --server or --classpath");
        }
        List<LiveObjectModel> models = models(server, classpath);
        if (models.isEmpty()) {
            throw new Failure(1, "no live-object models found " + (server != null ? "on the server " + server
                    : "in " + classpath + " (under META-INF/tandem/models; compile with the Tandem annotation processor first)"));
        }
        TypeScriptGenerator generator = new TypeScriptGenerator(models);
        try {
            OutputFolder.write(Path.of(folder), served ? generator.served() : generator.typescript());
        } catch (IOException e) {
            throw new Failure(1, "can't write to the output folder " + folder + ": " + OutputFolder.describe(e));
        }
        out.println("Wrote the Tandem client for " + models.size() + " type(s) to " + folder);
        return 0;
    }

    private static List<LiveObjectModel> models(String server, String classpath) throws Failure {
        try {
            if (server != null) {
                return ModelSources.fromServer(server);
            }
            List<Path> paths = new ArrayList<>();
            for (String p : classpath.split(File.pathSeparator)) {
                paths.add(Path.of(p));
            }
            return ModelSources.fromClasspath(paths);
        } catch (IOException | IllegalArgumentException e) {
            throw new Failure(1, e.getMessage());
        }
    }

    private static String value(String[] args, int i) throws Failure {
        if (i >= args.length) {
            throw new Failure(2, args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
