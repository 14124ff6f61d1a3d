package org.palmares.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations of an OpenAPI document (JSON) grouped by tag, as the API page lists them. */
public final class ApiCatalogue {
    private static final List<String> VERBS = List.of("get", "post", "put", "patch", "delete");

    private ApiCatalogue() {}

    /** One operation: its method, path, summary, the error statuses it documents and whether it needs a login. */
    public record Operation(String method, String path, String summary, List<String> errors, boolean open) {
        public String getMethod() {
            return method;
        }

        public String getPath() {
            return path;
        }

        public String getSummary() {
            return summary;
        }

        public String getErrors() {
            return String.join(" ", errors);
        }

        public boolean isOpen() {
            return open;
        }
    }

    /** A tag and its operations, by path then method. */
    public record Group(String name, String description, List<Operation> operations) {
        public String getName() {
            return name;
        }

        public String getDescription() {
            return description;
        }

        public List<Operation> getOperations() {
            return operations;
        }
    }

    public static List<Group> of(JsonObject document) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        if (document.get("tags") instanceof jakarta.json.JsonArray tags) {
            for (JsonValue t : tags) {
                JsonObject tag = t.asJsonObject();
                descriptions.put(tag.getString("name", ""), tag.getString("description", ""));
            }
        }
        Map<String, List<Operation>> byTag = new LinkedHashMap<>();
        JsonObject paths =
                document.containsKey("paths") ? document.getJsonObject("paths") : JsonValue.EMPTY_JSON_OBJECT;
        for (var path : paths.entrySet()) {
            JsonObject item = path.getValue().asJsonObject();
            for (String verb : VERBS) {
                if (!(item.get(verb) instanceof JsonObject op)) continue;
                List<String> errors = new ArrayList<>();
                if (op.get("responses") instanceof JsonObject responses) {
                    responses.keySet().stream()
                            .filter(code -> code.startsWith("4") || code.startsWith("5"))
                            .sorted()
                            .forEach(errors::add);
                }
                // No global security in the document: an operation without a requirement needs no login.
                boolean open = !(op.get("security") instanceof jakarta.json.JsonArray security) || security.isEmpty();
                Operation operation = new Operation(
                        verb.toUpperCase(java.util.Locale.ROOT),
                        path.getKey(),
                        op.getString("summary", ""),
                        List.copyOf(errors),
                        open);
                String tag = op.get("tags") instanceof jakarta.json.JsonArray tags
                                && !tags.isEmpty()
                                && tags.get(0) instanceof JsonString s
                        ? s.getString()
                        : "";
                byTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(operation);
            }
        }
        List<Group> groups = new ArrayList<>();
        byTag.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<Operation> ops = new ArrayList<>(e.getValue());
            ops.sort(Comparator.comparing(Operation::path)
                    .thenComparing(o -> VERBS.indexOf(o.method().toLowerCase(java.util.Locale.ROOT))));
            groups.add(new Group(e.getKey(), descriptions.getOrDefault(e.getKey(), ""), List.copyOf(ops)));
        });
        return List.copyOf(groups);
    }
}
