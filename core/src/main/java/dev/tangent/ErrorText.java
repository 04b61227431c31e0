package dev.tangent;

import java.util.regex.Pattern;

/** Keeps error text for people: no Java class names (java.io.CharConversionException: …) or parser internals. */
public final class ErrorText {
    private ErrorText() {}

    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error|Event)\\b(?:\\([^)]*\\))?:?\\s*");
    private static final Pattern BRACKETED = Pattern.compile("<(?:org|com|java|javax|sun)\\.[^>]*>");

    /** The message without class names; "" for null. */
    public static String clean(String message) {
        if (message == null) return "";
        String s = message.strip();
        s = BRACKETED.matcher(s).replaceAll("a structure");
        s = CLASS_NAME.matcher(s).replaceAll("");
        return s.strip();
    }
}
