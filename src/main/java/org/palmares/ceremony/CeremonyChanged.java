package org.palmares.ceremony;

/** CDI event: the big screen of an edition moved (or went black); the WebSocket passes it on to every screen. */
public record CeremonyChanged(String edition, int index, boolean black, String deck) {
    public String json() {
        return "{\"edition\":\"" + edition.replace("\"", "") + "\",\"index\":" + index + ",\"black\":" + black
                + ",\"deck\":\"" + deck + "\"}";
    }
}
