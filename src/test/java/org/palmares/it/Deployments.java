package org.palmares.it;

import java.io.File;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment every integration test uses: the real WAR that {@code package} built, on a fresh in-memory
 * Derby database of its own, with the demo edition loaded at start-up.
 */
public final class Deployments {
    private Deployments() {}

    public static WebArchive palmares() {
        return palmares("palmares.demo.sheets=false");
    }

    /**
     * The same with settings of its own, e.g. {@code palmares.demo.sheets=true} to give the demo edition submitted
     * sheets (off by default so tests that assign and score the demo nominations start from none).
     */
    public static WebArchive palmares(String... settings) {
        File war = new File(System.getProperty("palmares.war", "target/palmares.war"));
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "palmares.war")
                .importFrom(war)
                .as(WebArchive.class);
        archive.delete("/WEB-INF/classes/META-INF/microprofile-config.properties");
        String db = "palmares-it-" + UUID.randomUUID();
        archive.addAsResource(
                new StringAsset(String.join(
                        "\n",
                        "palmares.data.dir=target/it-data/" + db,
                        "palmares.db.url=jdbc:derby:memory:" + db + ";create=true",
                        "palmares.db.user=palmares",
                        "palmares.db.password=palmares",
                        "palmares.demo=true",
                        String.join("\n", settings),
                        "")),
                "META-INF/microprofile-config.properties");
        return archive;
    }
}
