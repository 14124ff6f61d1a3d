package org.palmares.edition.transfer;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.palmares.platform.JsonSupport;

/** The references an edition holds inside its texts: nomination references and score-sheet snapshots. */
public final class References {
    private References() {}

    /** {@code TC2019-SOC-007} of edition TC2019 becomes {@code TC2020B-SOC-007} under code TC2020B. */
    public static String rename(String reference, String from, String to) {
        if (from.equals(to) || !reference.startsWith(from + "-")) return reference;
        return to + reference.substring(from.length());
    }

    /** A sheet snapshot with its criterion ids moved to the imported ones; a snapshot that is no JSON stays. */
    public static String remapSnapshot(String snapshot, IdMap ids) {
        return rewrite(snapshot, o -> {
            if (!(o.get("scores") instanceof JsonArray scores)) return o;
            JsonArrayBuilder remapped = JsonSupport.JSON.createArrayBuilder();
            for (JsonValue v : scores) {
                if (v instanceof JsonObject score && score.get("criterion") instanceof JsonNumber n) {
                    long id = ids.find("criterion", n.longValue()).orElse(n.longValue());
                    remapped.add(JsonSupport.JSON.createObjectBuilder(score).add("criterion", id));
                } else {
                    remapped.add(v);
                }
            }
            return JsonSupport.JSON
                    .createObjectBuilder(o)
                    .add("scores", remapped)
                    .build();
        });
    }

    /** A sheet snapshot whose "by" is replaced when the map names it. */
    public static String pseudonymiseSnapshot(String snapshot, Map<String, String> pseudonyms) {
        return rewrite(snapshot, o -> {
            if (!(o.get("by") instanceof jakarta.json.JsonString by)) return o;
            String replacement = pseudonyms.get(by.getString().toLowerCase(java.util.Locale.ROOT));
            if (replacement == null) return o;
            JsonObjectBuilder b = JsonSupport.JSON.createObjectBuilder(o).add("by", replacement);
            return b.build();
        });
    }

    private static String rewrite(String json, UnaryOperator<JsonObject> change) {
        try (JsonReader reader = JsonSupport.JSON.createReader(new StringReader(json))) {
            return change.apply(reader.readObject()).toString();
        } catch (RuntimeException notAnObject) {
            return json;
        }
    }
}
