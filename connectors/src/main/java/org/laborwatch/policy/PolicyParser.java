package org.laborwatch.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses policies written in the policy language (DESIGN.md, "Policies and trigger events") from
 * YAML or JSON into {@link Policy}, validating every field.
 *
 * <p>All problems of a text are collected and thrown together as one {@link PolicyException} whose
 * message names each field path, such as {@code policy 'eb-iur': confirm.enter: must be a positive
 * integer, got -1}. Unknown keys are errors, so a misspelt key cannot silently fall back to a default.
 *
 * <p>A single-policy text ({@link #parse}) holds exactly one policy: one YAML document, or one JSON
 * object. A multi-policy text ({@link #parseAll}) is a YAML stream of documents separated by
 * {@code ---} (or JSON values one after another), where each document is either one policy or a list
 * of policies; ids must be unique across the text. A JSON array of policies is therefore accepted too.
 *
 * <p>YAML is the default format; the YAML reader also reads JSON, but {@link Format#JSON} uses a
 * strict JSON reader for text that is meant to be JSON (such as runtime updates).
 */
public final class PolicyParser {

    /** The syntax of a policy text. */
    public enum Format {
        YAML,
        JSON;

        /** JSON for a {@code .json} file name, YAML otherwise. */
        public static Format ofFileName(String fileName) {
            return fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        }
    }

    // A repeated key would otherwise be read as its last value: reject it, like unknown keys.
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** Jackson's wording for a repeated key, which names the Jackson feature rather than the key. */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate field '([^']*)'");
    /** SnakeYAML's position lines, such as {@code  in 'reader', line 2, column 18:}. */
    private static final Pattern YAML_MARK = Pattern.compile("^\\s*in '[^']*', line (\\d+), column (\\d+):?$");

    private PolicyParser() {}

    /**
     * Parses one policy from YAML (or JSON, which the YAML reader also reads).
     *
     * @throws PolicyException listing every problem
     */
    public static Policy parse(String text) {
        return parse(text, Format.YAML, null);
    }

    /**
     * Parses one policy.
     *
     * @throws PolicyException listing every problem
     */
    public static Policy parse(String text, Format format) {
        return parse(text, format, null);
    }

    /**
     * Parses one policy.
     *
     * @param source names the text in messages, such as a file name; may be null
     * @throws PolicyException listing every problem
     */
    public static Policy parse(String text, Format format, String source) {
        List<JsonNode> documents = documents(text, format, source);
        String subject = source == null ? "policy text" : source;
        if (documents.size() != 1) {
            throw problem(subject, documents.isEmpty() ? "no policy found (the text is empty)"
                    : "expected one policy, found " + documents.size() + " documents (use parseAll for several)");
        }
        JsonNode root = documents.get(0);
        if (root.isArray()) {
            throw problem(subject, "expected one policy, got a list (use parseAll for several)");
        }
        return PolicyReader.read(root, "<no id>", source);
    }

    /**
     * What a policy text says about itself, read as far as it can be: the id when it is a valid id,
     * the version when it is a positive integer. For naming a refused update in its
     * acknowledgement; never throws.
     *
     * @param id the policy id, or null when the text gives no valid one
     * @param version the version, or 0 when the text gives no valid one
     */
    public record Identity(String id, int version) {}

    /** Reads the {@link Identity} of a policy text that may not parse as a policy. */
    public static Identity identify(String text) {
        try {
            List<JsonNode> documents = documents(text, Format.YAML, null);
            if (documents.size() != 1 || !documents.get(0).isObject()) {
                return new Identity(null, 0);
            }
            JsonNode root = documents.get(0);
            JsonNode id = root.get("id");
            JsonNode version = root.get("version");
            return new Identity(
                    id != null && id.isTextual() && id.textValue().length() <= PolicyReader.MAX_ID_LENGTH
                            && PolicyReader.ID.matcher(id.textValue()).matches() ? id.textValue() : null,
                    version != null && version.isIntegralNumber() && version.canConvertToInt() && version.intValue() >= 1
                            ? version.intValue() : 0);
        } catch (RuntimeException e) {
            return new Identity(null, 0); // a syntax error: nothing to name
        }
    }

    /**
     * Parses a multi-policy YAML text: a stream of documents, each one policy or a list of policies.
     *
     * @throws PolicyException listing every problem of every policy
     */
    public static List<Policy> parseAll(String text) {
        return parseAll(text, Format.YAML, null);
    }

    /**
     * Parses a multi-policy text: a stream of documents, each one policy or a list of policies.
     *
     * @param source names the text in messages, such as a file name; may be null
     * @throws PolicyException listing every problem of every policy
     */
    public static List<Policy> parseAll(String text, Format format, String source) {
        List<JsonNode> roots = new ArrayList<>();
        for (JsonNode doc : documents(text, format, source)) {
            if (doc.isArray()) {
                doc.forEach(roots::add);
            } else {
                roots.add(doc);
            }
        }
        List<Policy> policies = new ArrayList<>(roots.size());
        List<PolicyException.Problem> problems = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < roots.size(); i++) {
            String position = "#" + (i + 1);
            try {
                Policy p = PolicyReader.read(roots.get(i), position, source);
                Integer earlier = ids.putIfAbsent(p.id(), i + 1);
                if (earlier != null) {
                    problems.add(new PolicyException.Problem(PolicyReader.subject(roots.get(i), position, source),
                            "id", "duplicate id, also used by policy #" + earlier));
                }
                policies.add(p);
            } catch (PolicyException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return List.copyOf(policies);
    }

    /**
     * Parses the one policy in a file; {@code .json} files are read as JSON, others as YAML.
     *
     * @throws IOException if the file cannot be read
     * @throws PolicyException listing every problem
     */
    public static Policy parseFile(Path path) throws IOException {
        return parse(Files.readString(path, StandardCharsets.UTF_8), Format.ofFileName(path.toString()),
                path.toString());
    }

    /**
     * Parses every policy in a multi-policy file (see {@link #parseAll(String, Format, String)}).
     *
     * @throws IOException if the file cannot be read
     * @throws PolicyException listing every problem
     */
    public static List<Policy> parseAllInFile(Path path) throws IOException {
        return parseAll(Files.readString(path, StandardCharsets.UTF_8), Format.ofFileName(path.toString()),
                path.toString());
    }

    /** The non-empty documents of a text; a syntax error is a PolicyException with its location. */
    private static List<JsonNode> documents(String text, Format format, String source) {
        ObjectMapper mapper = format == Format.JSON ? JSON : YAML;
        List<JsonNode> docs = new ArrayList<>();
        // Not readValues(): its MappingIterator unwraps a root-level list, which would let a list
        // pass as one policy and make a list document mean different things in different places.
        try (JsonParser parser = mapper.createParser(text)) {
            while (parser.nextToken() != null) {
                JsonNode doc = mapper.readTree(parser);
                // An empty YAML document (a trailing "---") holds no policy; skip it.
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (JsonProcessingException e) {
            throw problem(source == null ? "policy text" : source, syntaxMessage(format, e));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String: cannot happen
        }
        return docs;
    }

    private static String syntaxMessage(Format format, JsonProcessingException e) {
        String original = e.getOriginalMessage();
        Matcher duplicate = DUPLICATE_KEY.matcher(original);
        // SnakeYAML's message spans lines with a source excerpt; keep one line, its marks as positions.
        String what = duplicate.find() ? "duplicate key '" + duplicate.group(1) + "'"
                : original.lines()
                        .filter(line -> !line.startsWith("    "))
                        .map(line -> YAML_MARK.matcher(line).replaceFirst("(line $1, column $2)").strip())
                        .filter(line -> !line.isEmpty())
                        .collect(Collectors.joining(" "));
        JsonLocation at = e.getLocation();
        String where = at == null || what.contains("(line ") ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "not valid " + format + where + ": " + what;
    }

    private static PolicyException problem(String subject, String message) {
        return new PolicyException(List.of(new PolicyException.Problem(subject, "", message)));
    }
}
