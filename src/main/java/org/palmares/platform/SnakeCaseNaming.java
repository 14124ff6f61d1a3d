package org.palmares.platform;

import java.util.Locale;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseTable;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.eclipse.persistence.sessions.Session;

/**
 * Maps Java names to the snake_case names of the Liquibase schema (field {@code nameFr} to column
 * {@code name_fr}, entity {@code ScoreSheet} to table {@code score_sheet}), so entities need no
 * {@code @Column} on every field.
 */
public class SnakeCaseNaming implements SessionCustomizer {
    @Override
    public void customize(Session session) {
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            String entity = descriptor.getJavaClass().getSimpleName();
            for (DatabaseTable table : descriptor.getTables()) {
                // EclipseLink has upper-cased the defaulted names: only the Java name still shows the words.
                if (table.getName().equalsIgnoreCase(entity)) {
                    table.setName(snake(entity));
                }
            }
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                if (mapping instanceof DirectToFieldMapping direct
                        && direct.getField().getName().equalsIgnoreCase(mapping.getAttributeName())) {
                    direct.getField().setName(snake(mapping.getAttributeName()));
                }
            }
        }
    }

    /** {@code nameFr} → {@code name_fr}; names that are already snake_case stay as they are. */
    static String snake(String name) {
        if (name == null || name.contains("_") || name.equals(name.toUpperCase(Locale.ROOT))) {
            return name == null ? null : name.toLowerCase(Locale.ROOT);
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
