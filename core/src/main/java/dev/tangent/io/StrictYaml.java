package dev.tangent.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import dev.tangent.ErrorText;
import dev.tangent.Limits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one YAML document into plain maps, lists and scalars, strictly: duplicate keys, aliases, several documents,
 * invalid UTF-8 and nesting deeper than {@value #MAX_DEPTH} are errors with line and column. Empty values become
 * null (so the schema can reject them), {@code .nan}/{@code .inf} become non-finite doubles (rejected there with the
 * key's name), and every key path remembers where it was written.
 */
public final class StrictYaml {
    private StrictYaml() {}

    static final int MAX_DEPTH = 64;
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private static final Pattern NON_FINITE = Pattern.compile("[-+]?\\.(nan|inf)", Pattern.CASE_INSENSITIVE);

    /** The document and, per dotted key path ({@code net.widths}, {@code problem.conditions[0].kind}), its position. */
    public record Tree(Object root, Map<String, String> locations) {}

    public static Tree read(Path file, String what) {
        String source = what + " " + file;
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(source + " does not exist");
        try {
            Limits.CONFIG_BYTES.check(Files.size(file), source);
            return read(decode(Files.readAllBytes(file), source), source);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " cannot be read: " + ErrorText.clean(e.getMessage()));
        }
    }

    public static Tree read(String text, String source) {
        Limits.CONFIG_BYTES.check(text.length(), source);
        Map<String, String> where = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            Reader r = new Reader((YAMLParser) p, text, source, where);
            JsonToken t = p.nextToken();
            Object root = t == null ? null : r.value(t, "", 0);
            if (p.nextToken() != null) throw r.error("holds more than one YAML document; give one");
            return new Tree(root, where);
        } catch (JsonProcessingException e) {
            throw syntax(e, text, source);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " cannot be read: " + ErrorText.clean(e.getMessage()));
        }
    }

    /** Strict UTF-8 (a leading byte-order mark is dropped); a bad byte is an error with its line and column. */
    static String decode(byte[] bytes, String source) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult res = dec.decode(in, out, true);
        if (res.isError()) {
            out.flip();
            throw new IllegalArgumentException(source + " is not valid UTF-8 at " + position(out.toString(), out.length())
                    + " (byte " + in.position() + ")");
        }
        dec.flush(out);
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** "line L, column C" of a character offset. */
    static String position(String text, int offset) {
        int line = 1, col = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return "line " + line + ", column " + col;
    }

    private static IllegalArgumentException syntax(JsonProcessingException e, String text, String source) {
        String what;
        String at;
        if (e instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            what = m.getProblem() + (m.getContext() != null ? " (" + m.getContext() + ")" : "");
            at = "line " + (m.getProblemMark().getLine() + 1) + ", column " + (m.getProblemMark().getColumn() + 1);
        } else if (e.getCause() instanceof org.yaml.snakeyaml.reader.ReaderException r) {
            what = "the character U+" + String.format("%04X", r.getCodePoint()) + " is not allowed in YAML";
            at = position(text, text.offsetByCodePoints(0, Math.min(r.getPosition(), text.codePointCount(0, text.length()))));
        } else {
            Matcher dup = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            what = dup.find() ? "key '" + dup.group(1) + "' appears twice" : e.getOriginalMessage();
            if (what != null && what.startsWith("Expected a field name")) what = "a mapping key must be a plain name";
            JsonLocation loc = e.getLocation();
            at = loc == null ? "an unknown position" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        }
        return new IllegalArgumentException(source + " is not valid YAML at " + at + ": " + ErrorText.clean(what));
    }

    /** Recursive reader over the token stream; knows the key path of every value it reads. */
    private record Reader(YAMLParser p, String text, String source, Map<String, String> where) {
        Object value(JsonToken t, String path, int depth) throws IOException {
            if (depth > MAX_DEPTH) throw error("nests deeper than " + MAX_DEPTH + " levels");
            if (p.isCurrentAlias()) throw error("uses the alias *" + p.getText() + "; aliases are not supported, write the value out");
            if (p.getCurrentAnchor() != null) throw error("uses the anchor &" + p.getCurrentAnchor() + "; anchors are not supported");
            if (!path.isEmpty()) where.putIfAbsent(path, here());
            switch (t) {
                case START_OBJECT: {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (JsonToken k = next(path); k != JsonToken.END_OBJECT; k = next(path)) {
                        String key = p.currentName();
                        String child = path.isEmpty() ? key : path + "." + key;
                        if (m.containsKey(key)) throw error("gives the key '" + child + "' twice");
                        where.put(child, here());
                        m.put(key, value(next(child), child, depth + 1));
                    }
                    return m;
                }
                case START_ARRAY: {
                    List<Object> l = new ArrayList<>();
                    for (JsonToken k = next(path); k != JsonToken.END_ARRAY; k = next(path)) {
                        l.add(value(k, path + "[" + l.size() + "]", depth + 1));
                    }
                    return l;
                }
                case VALUE_STRING:
                    return p.getText().isEmpty() ? null : p.getText();
                case VALUE_NUMBER_INT:
                    return p.getNumberValue();
                case VALUE_NUMBER_FLOAT:
                    return number();
                case VALUE_TRUE:
                    return Boolean.TRUE;
                case VALUE_FALSE:
                    return Boolean.FALSE;
                case VALUE_NULL:
                    return null;
                default:
                    throw error("has an unexpected " + t.asString());
            }
        }

        private Object number() throws IOException {
            String s = p.getText();
            try {
                return p.getNumberValue();
            } catch (JsonProcessingException e) {
                if (!NON_FINITE.matcher(s).matches()) return s; // left to the schema, which names the key
                if (s.toLowerCase().endsWith("nan")) return Double.NaN;
                return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }

        /** The next token; a duplicate key is reported with the full path of its section. */
        private JsonToken next(String path) throws IOException {
            try {
                return p.nextToken();
            } catch (JsonProcessingException e) {
                Matcher dup = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
                if (!dup.find()) throw e;
                String key = path.isEmpty() ? dup.group(1) : path + "." + dup.group(1);
                JsonLocation loc = e.getLocation();
                throw new IllegalArgumentException(source + ": config key '" + key + "' is given twice (second at line "
                        + loc.getLineNr() + "); give each key once");
            }
        }

        private String here() {
            JsonLocation l = p.currentTokenLocation();
            return "line " + l.getLineNr() + ", column " + l.getColumnNr();
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(source + " " + what + " (" + here() + ")");
        }
    }
}
