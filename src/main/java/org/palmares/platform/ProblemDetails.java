package org.palmares.platform;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details, the one shape of every REST error. */
public final class ProblemDetails {
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemDetails() {}

    public static JsonObjectBuilder of(int status, String title, String detail) {
        JsonObjectBuilder b = JsonSupport.JSON
                .createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) b.add("detail", detail);
        return b;
    }

    public static Response response(int status, JsonObject body) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(body.toString())
                .build();
    }
}
