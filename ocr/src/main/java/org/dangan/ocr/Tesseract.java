package org.dangan.ocr;

import com.sun.jna.Native;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sourceforge.tess4j.TessAPI;
import net.sourceforge.tess4j.util.LoadLibs;

/**
 * Whether this JVM can read with Tesseract: Debian's libtesseract loaded through JNA, and the
 * models of the languages asked for plus the orientation model in the tessdata directory.
 * The library is loaded when first needed, once per JVM, and a machine without it gets a reason
 * instead of an error at start: the application then runs without Tesseract.
 */
public final class Tesseract {

    public static final Path DEFAULT_DATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");
    /**
     * JVM system property naming the library JNA loads, a name ("tesseract", found the way the
     * dynamic linker finds it) or a path to a self-built one; the default is tess4j's.
     */
    public static final String LIBRARY_PROPERTY = "dangan.ocr.tesseract.library";

    private static final Object LOCK = new Object();
    private static volatile Loaded loaded;

    private record Loaded(TessAPI api, String problem) {}

    /**
     * Calls go to the library, loaded at the first call: {@link Recognizer} keeps its API in a
     * static field, and that field must not load anything when the class is first touched.
     */
    private static final TessAPI LAZY = (TessAPI) Proxy.newProxyInstance(
            TessAPI.class.getClassLoader(), new Class<?>[] {TessAPI.class}, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return switch (method.getName()) {
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> "lazily loaded libtesseract";
                    };
                }
                Loaded l = load();
                if (l.api() == null) {
                    throw new IllegalStateException(l.problem());
                }
                try {
                    return method.invoke(l.api(), args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    private Tesseract() {}

    /** Why this JVM cannot use libtesseract, or empty when it can. */
    public static Optional<String> unavailable() {
        return Optional.ofNullable(load().problem());
    }

    /**
     * Why this JVM cannot read {@code languages} (e.g. "chi_sim+eng") with the models of
     * {@code tessdata}, orientation detection included, or empty when it can.
     */
    public static Optional<String> unavailable(Path tessdata, String languages) {
        Optional<String> library = unavailable();
        if (library.isPresent()) {
            return library;
        }
        List<String> missing = new ArrayList<>();
        for (String language : languages.split("\\+")) {
            if (!Files.isReadable(tessdata.resolve(language + ".traineddata"))) {
                missing.add(
                        "Tesseract has no model " + language + " in " + tessdata + ": install Debian's tesseract-ocr-"
                                + language.replace('_', '-').toLowerCase());
            }
        }
        if (!Files.isReadable(tessdata.resolve("osd.traineddata"))) {
            missing.add("Tesseract has no orientation model in " + tessdata + ": install Debian's tesseract-ocr-osd");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", missing));
    }

    /** The API, its library loaded at the first call; calls fail with the reason when it cannot be. */
    static TessAPI api() {
        return LAZY;
    }

    private static Loaded load() {
        Loaded l = loaded;
        if (l != null) {
            return l;
        }
        synchronized (LOCK) {
            if (loaded == null) {
                // LoadLibs's name is the one tess4j itself uses (and its class sets JNA's encoding)
                String library = System.getProperty(LIBRARY_PROPERTY, LoadLibs.getTesseractLibName());
                try {
                    // interface-mapped, so each function is looked up when first called: Debian's
                    // libtesseract 5.3.0 lacks functions of newer versions that tess4j's direct
                    // mapping (TessAPI1) binds at once
                    loaded = new Loaded(Native.load(library, TessAPI.class), null);
                } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                    loaded = new Loaded(
                            null,
                            "the Tesseract library (" + library + ") cannot be loaded: " + e.getMessage()
                                    + "; install Debian's tesseract-ocr");
                }
            }
            return loaded;
        }
    }
}
