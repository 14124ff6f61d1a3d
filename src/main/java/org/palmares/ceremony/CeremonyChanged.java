package org.palmares.ceremony;

/** CDI event: the big screen of an edition moved (or went black); the WebSocket passes it on to every screen. */
public record CeremonyChanged(String edition, int index, boolean black, String deck) {
    /** The change as one line of text for the cluster topic; {@link #parse} reads it back. */
    public String text() {
        return String.join("\t", edition, String.valueOf(index), String.valueOf(black), deck);
    }

    public static CeremonyChanged parse(String text) {
        String[] f = text.split("\t", -1);
        return new CeremonyChanged(f[0], Integer.parseInt(f[1]), Boolean.parseBoolean(f[2]), f[3]);
    }

    public String json() {
        return "{\"edition\":\"" + edition.replace("\"", "") + "\",\"index\":" + index + ",\"black\":" + black
                + ",\"deck\":\"" + deck + "\"}";
    }
}
