package org.palmares.edition.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.palmares.platform.DomainException;

class TransferRulesTest {
    private static ZipRules rules() {
        return new ZipRules(new ZipRules.Limits(4, 1000, 1000, 10_000));
    }

    @Test
    void edition_json_comes_first_then_attachments_by_id() {
        ZipRules rules = rules();
        assertEquals(OptionalLong.empty(), rules.entry("edition.json"));
        assertEquals(OptionalLong.of(42), rules.entry("attachments/42"));
    }

    @Test
    void a_zip_that_does_not_start_with_edition_json_is_refused() {
        var e = assertThrows(TransferException.Invalid.class, () -> rules().entry("attachments/1"));
        assertEquals("transfer.zip.jsonFirst", e.messageKey());
        assertEquals(422, e.status());
    }

    @Test
    void entry_names_that_climb_out_or_are_absolute_or_unknown_are_refused() {
        for (String name : List.of(
                "../etc/passwd",
                "attachments/../../x",
                "/edition.json",
                "attachments\\1",
                "C:attachments/1",
                "attachments/1/",
                "attachments/abc",
                "attachments/0",
                "other.txt",
                "")) {
            ZipRules rules = rules();
            rules.entry("edition.json");
            var e = assertThrows(TransferException.Invalid.class, () -> rules.entry(name), name);
            assertEquals("transfer.zip.entryName", e.messageKey(), name);
        }
    }

    @Test
    void an_entry_twice_is_refused() {
        ZipRules rules = rules();
        rules.entry("edition.json");
        rules.entry("attachments/1");
        assertEquals(
                "transfer.zip.duplicate",
                assertThrows(DomainException.class, () -> rules.entry("attachments/1"))
                        .messageKey());
    }

    @Test
    void more_entries_than_the_limit_are_refused() {
        ZipRules rules = rules();
        rules.entry("edition.json");
        for (int i = 1; i <= 3; i++) rules.entry("attachments/" + i);
        assertEquals(
                "transfer.zip.tooManyEntries",
                assertThrows(DomainException.class, () -> rules.entry("attachments/9"))
                        .messageKey());
    }

    @Test
    void only_the_known_format_version_is_read() {
        ZipRules.format("palmares-edition/1");
        var e = assertThrows(TransferException.Invalid.class, () -> ZipRules.format("palmares-edition/2"));
        assertEquals("transfer.format.unknown", e.messageKey());
        assertThrows(TransferException.Invalid.class, () -> ZipRules.format(null));
    }

    @Test
    void a_bounded_stream_stops_at_the_first_byte_over_its_limit() throws IOException {
        RuntimeException refusal = new TransferException.Invalid("transfer.attachment.size", 1);
        InputStream ok = ZipRules.bounded(new ByteArrayInputStream(new byte[10]), 10, refusal);
        assertEquals(10, ok.readAllBytes().length);
        InputStream bomb = ZipRules.bounded(new ByteArrayInputStream(new byte[11]), 10, refusal);
        assertEquals(refusal, assertThrows(RuntimeException.class, bomb::readAllBytes));
    }

    @Test
    void ids_are_remapped_and_a_reference_to_a_missing_row_refuses_the_file() {
        IdMap ids = new IdMap();
        ids.put("nomination", 7, 1007);
        assertEquals(1007, ids.remap("nomination", 7));
        assertEquals(1, ids.size("nomination"));
        var e = assertThrows(TransferException.Invalid.class, () -> ids.remap("nomination", 8));
        assertEquals("transfer.row.dangling", e.messageKey());
        assertThrows(TransferException.Invalid.class, () -> ids.put("nomination", 7, 2000));
    }

    @Test
    void every_reference_points_at_a_table_inserted_before() {
        Set<String> before = new HashSet<>();
        for (EditionTables.Table table : EditionTables.all(true)) {
            for (String target : table.references().values()) {
                assertTrue(before.contains(target), table.name() + " refers to " + target + " not yet inserted");
            }
            assertTrue(table.parameters() >= 1, table.name());
            before.add(table.name());
        }
    }

    @Test
    void an_export_never_selects_secrets_or_voters_addresses() {
        for (EditionTables.Table table : EditionTables.all(true)) {
            String columns = table.columns();
            assertFalse(columns.contains("password"), table.name());
            if (table.name().equals("account")) assertEquals("x.id, x.email, x.display_name, x.locale", columns);
            if (table.name().equals("public_vote")) assertFalse(columns.contains("ip_prefix"));
        }
        Set<String> names = EditionTables.names();
        for (String secret : List.of("account_token", "api_token", "ballot", "outbox_message", "audit_event")) {
            assertFalse(names.contains(secret), secret);
        }
    }

    @Test
    void an_anonymised_edition_leaves_territory_members_out() {
        assertTrue(EditionTables.all(true).stream().anyMatch(t -> t.name().equals("territory_member")));
        assertFalse(EditionTables.all(false).stream().anyMatch(t -> t.name().equals("territory_member")));
        String accounts = EditionTables.all(false).stream()
                .filter(t -> t.name().equals("account"))
                .findFirst()
                .orElseThrow()
                .select();
        assertFalse(accounts.contains("territory_member"));
    }

    @Test
    void nomination_references_follow_the_new_code() {
        assertEquals("TC2020B-SOC-007", References.rename("TC2019-SOC-007", "TC2019", "TC2020B"));
        assertEquals("TC2019-SOC-007", References.rename("TC2019-SOC-007", "TC2019", "TC2019"));
        assertEquals("OTHER-1", References.rename("OTHER-1", "TC2019", "X"));
    }

    @Test
    void snapshots_get_the_new_criterion_ids_and_lose_their_author() {
        IdMap ids = new IdMap();
        ids.put("criterion", 3, 103);
        String snapshot = "{\"action\":\"submit\",\"by\":\"Jure01@demo.palmares.org\",\"scores\":[{\"criterion\":3,"
                + "\"value\":4}]}";
        String remapped = References.remapSnapshot(snapshot, ids);
        assertTrue(remapped.contains("\"criterion\":103"), remapped);
        String anonymous = References.pseudonymiseSnapshot(remapped, Map.of("jure01@demo.palmares.org", "Juré 1"));
        assertTrue(anonymous.contains("\"by\":\"Juré 1\""), anonymous);
        assertFalse(anonymous.contains("@"));
        assertEquals("not json", References.remapSnapshot("not json", ids));
    }

    @Test
    void pseudonyms_replace_known_addresses_in_texts_and_reach_no_one() {
        String text = "Assigned to jure01@demo.palmares.org and x@y.org";
        assertEquals(
                "Assigned to Juré 1 and x@y.org",
                Pseudonyms.replaceEmails(text, Map.of("jure01@demo.palmares.org", "Juré 1")));
        assertEquals("juror-3.e12@anonymised.invalid", Pseudonyms.email("juror", 3, 12));
        assertEquals("Juré 3", Pseudonyms.juror(3));
        assertEquals("Membre 2", Pseudonyms.member(2));
        assertEquals(null, Pseudonyms.replaceEmails(null, Map.of("a@b.cd", "x")));
    }
}
