package dev.tangent.train;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What built and ran a result: Tangent's version and commit (from the build's version.properties and
 * git.properties), the JDK, the native BLAS build and platform, the core count, the OS and the date. Written into
 * summary.json and printed by {@code tangent --version}.
 */
public final class Provenance {
    private Provenance() {}

    private static final Properties VERSION = load("/dev/tangent/version.properties");
    private static final Properties GIT = load("/dev/tangent/git.properties");

    /** The Maven version, or "unknown" when run from classes that were not built by Maven. */
    public static String version() {
        return clean(VERSION.getProperty("version"));
    }

    /** The abbreviated commit, with "-dirty" when the build had uncommitted changes, or "unknown". */
    public static String commit() {
        String id = clean(GIT.getProperty("git.commit.id.abbrev"));
        return "true".equals(GIT.getProperty("git.dirty")) && !id.equals("unknown") ? id + "-dirty" : id;
    }

    /** The JDK: version, vendor and VM. */
    public static String jdk() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")";
    }

    /** The native BLAS build this jar was built with and the platform it loads its libraries for. */
    public static String blas() {
        return "OpenBLAS " + clean(VERSION.getProperty("openblas")) + " (bytedeco), native libraries built in for "
                + clean(VERSION.getProperty("platform"));
    }

    /** The JavaCPP platform of this machine (what the native libraries must match). */
    public static String platform() {
        String forced = System.getProperty(dev.tangent.linalg.NativeBackend.PLATFORM_PROPERTY); // JavaCPP's own override
        if (forced != null && !forced.isBlank()) return forced;
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(java.util.Locale.ROOT);
        String o = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : os.startsWith("linux") ? "linux" : os;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
        return o + "-" + a;
    }

    /** The fields of summary.json's "provenance" object, in a fixed order. */
    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tangent_version", version());
        m.put("commit", commit());
        m.put("jdk", jdk());
        m.put("blas", blas());
        m.put("platform", platform());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return m;
    }

    /** The lines of {@code tangent --version}. */
    public static String[] versionLines() {
        return new String[] {
                "tangent " + version() + " (commit " + commit() + ")",
                "JDK   " + jdk(),
                "BLAS  " + blas(),
                "host  " + platform() + ", " + Runtime.getRuntime().availableProcessors() + " cores"};
    }

    private static String clean(String v) {
        return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v.trim();
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream(resource)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // no build information: every field reads "unknown"
        }
        return p;
    }
}
