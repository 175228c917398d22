package dev.portcullis.examples;

import com.pulumi.Context;
import dev.portcullis.core.Text;
import dev.portcullis.core.TextFiles;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Any Pulumi Java program, named as {@code com.acme.Infra::stack}: a static method taking
 * {@link Context}, the shape pulumi-java's testing guide recommends, loaded from the program's own
 * classpath; and its stack's config file, as the Pulumi CLI would hand it over.
 */
final class UserProgram {
    private UserProgram() {}

    /** A program loaded from the user's classpath; closing it releases the jars it holds open. */
    record Loaded(Consumer<Context> program, URLClassLoader loader) implements AutoCloseable {
        @Override
        public void close() {
            try {
                loader.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * @param classpath jars and class directories, separated as the platform separates paths
     * @throws IllegalArgumentException naming what is missing: the classpath entry, the class, the method
     */
    static Loaded load(String reference, String classpath) {
        int colons = reference.indexOf("::");
        if (colons < 1 || colons + 2 >= reference.length()) {
            throw new IllegalArgumentException("--program '" + Text.printable(reference)
                    + "' is malformed: expected Class::method, e.g. com.acme.Infra::stack");
        }
        String className = reference.substring(0, colons);
        String methodName = reference.substring(colons + 2);
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath == null ? new String[0] : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("--classpath entry '" + Text.printable(entry) + "' does not exist");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("--classpath entry '" + Text.printable(entry) + "' is not a path: " + e.getMessage());
            }
        }
        // Parent first: Pulumi's runtime and the providers' SDKs are this tool's, shared with the program.
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), UserProgram.class.getClassLoader());
        try {
            return new Loaded(program(loader, className, methodName), loader);
        } catch (RuntimeException | Error e) {
            try {
                loader.close();
            } catch (java.io.IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static Consumer<Context> program(ClassLoader loader, String className, String methodName) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("--program class '" + Text.printable(className)
                    + "' is not on the classpath: give --classpath with the program's classes and jars (" + e + ")");
        } catch (ExceptionInInitializerError e) {
            throw new IllegalArgumentException("--program class " + className + " failed as it was loaded: " + e.getCause(), e);
        } catch (LinkageError e) {
            throw new IllegalArgumentException("--program class " + className + " needs a class that is not on the classpath: "
                    + "give --classpath every jar the program uses (" + e + ")", e);
        }
        Method method;
        try {
            method = type.getMethod(methodName, Context.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("--program method '" + Text.printable(methodName) + "' of " + className
                    + " is missing: expected public static void " + methodName + "(com.pulumi.Context)");
        } catch (LinkageError e) {
            throw new IllegalArgumentException("--program class " + className + "'s methods name a class that is not on the "
                    + "classpath: give --classpath every jar the program uses (" + e + ")", e);
        }
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("--program method " + className + "::" + methodName
                    + " is not static: expected public static void " + methodName + "(com.pulumi.Context)");
        }
        return ctx -> {
            try {
                method.invoke(null, ctx);
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException("--program method " + className + "::" + methodName + " is not accessible", e);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        };
    }

    /**
     * A stack's config file ({@code Pulumi.dev.yaml}) as the engine hands config to a program: fully
     * qualified keys to strings, structured values as JSON. Secrets cannot be decrypted offline: they
     * are refused, naming the key.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static Map<String, String> config(Path file) {
        Object document;
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(32);
        options.setCodePointLimit(1 << 20);
        String yaml = TextFiles.read("--config '" + file + "'", file, options.getCodePointLimit());
        try {
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--config '" + file + "' is not a stack config file: "
                    + Cli.oneLine(e.getMessage()));
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("config") == null || root.get("config") instanceof Map)) {
            throw new IllegalArgumentException("--config '" + file + "' is not a stack config file: expected a 'config:' map");
        }
        Map<String, String> out = new LinkedHashMap<>();
        Object config = root.get("config");
        if (config instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> {
                String name = String.valueOf(key);
                if (holdsSecret(value)) {
                    throw new IllegalArgumentException("--config '" + file + "': " + Text.printable(name)
                            + " is or holds a secret, which cannot be decrypted offline: pass a plain value in a copy of the file");
                }
                out.put(name, value instanceof String text ? text : new com.google.gson.Gson().toJson(value));
            });
        }
        return out;
    }

    /** A secret is a map with the key {@code secure}, at any depth of a structured value. */
    private static boolean holdsSecret(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.containsKey("secure") || map.values().stream().anyMatch(UserProgram::holdsSecret);
        }
        return value instanceof List<?> list && list.stream().anyMatch(UserProgram::holdsSecret);
    }
}
