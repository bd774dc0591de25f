package dev.tandem.runtime.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@code tandem_call}: stored calls, one row per client and write in a ring of slots
 * (see {@link StoredCall}). Saving a row replaces what its slot held, with each database's upsert.
 */
final class CallRows {

    private static final String COLUMNS = "(object_type, object_id, client_key, slot, revision, calls, stored_at)";
    private static final String VALUES = " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String LOAD = "SELECT client_key, slot, revision, calls, stored_at"
            + " FROM tandem_call WHERE object_type = ? AND object_id = ? AND stored_at >= ?";
    private static final String FORGET = "DELETE FROM tandem_call WHERE stored_at < ?";
    private static final String DELETE_SLOT = "DELETE FROM tandem_call WHERE object_type = ? AND object_id = ?"
            + " AND client_key = ? AND slot = ?";

    /** The upsert, or {@code null} where the database has none Tandem knows: then delete, then insert. */
    private final String upsert;

    CallRows(TandemSchema.Database database) {
        this.upsert = switch (database) {
            case H2 -> "MERGE INTO tandem_call " + COLUMNS + " KEY (object_type, object_id, client_key, slot)" + VALUES;
            case POSTGRESQL -> "INSERT INTO tandem_call " + COLUMNS + VALUES
                    + " ON CONFLICT (object_type, object_id, client_key, slot) DO UPDATE SET"
                    + " revision = EXCLUDED.revision, calls = EXCLUDED.calls, stored_at = EXCLUDED.stored_at";
            case MYSQL -> "INSERT INTO tandem_call " + COLUMNS + VALUES + " ON DUPLICATE KEY UPDATE"
                    + " revision = VALUES(revision), calls = VALUES(calls), stored_at = VALUES(stored_at)";
            case OTHER -> null;
        };
    }

    List<StoredCall> load(Connection connection, String type, String id, long since) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(LOAD)) {
            ps.setString(1, type);
            ps.setString(2, id);
            ps.setLong(3, since);
            List<StoredCall> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredCall(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getLong(5)));
                }
            }
            return rows;
        }
    }

    int forget(Connection connection, long before) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(FORGET)) {
            ps.setLong(1, before);
            return ps.executeUpdate();
        }
    }

    /** Stores the calls of the writes that applied ({@code outcomes[i] == null}), in the caller's transaction. */
    void save(Connection connection, List<StateWrite> writes, RuntimeException[] outcomes) throws SQLException {
        boolean any = false;
        for (int i = 0; i < writes.size() && !any; i++) {
            any = outcomes[i] == null && !writes.get(i).calls().isEmpty();
        }
        if (!any) {
            return;
        }
        if (upsert == null) {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_SLOT)) {
                forEach(writes, outcomes, (w, c) -> {
                    delete.setString(1, w.type());
                    delete.setString(2, w.id());
                    delete.setString(3, c.client());
                    delete.setInt(4, c.slot());
                    delete.addBatch();
                });
                delete.executeBatch();
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(upsert != null ? upsert
                : "INSERT INTO tandem_call " + COLUMNS + VALUES)) {
            forEach(writes, outcomes, (w, c) -> {
                ps.setString(1, w.type());
                ps.setString(2, w.id());
                ps.setString(3, c.client());
                ps.setInt(4, c.slot());
                ps.setLong(5, c.revision());
                ps.setString(6, c.calls());
                ps.setLong(7, c.storedAt());
                ps.addBatch();
            });
            ps.executeBatch();
        }
    }

    private interface Row {
        void add(StateWrite write, StoredCall call) throws SQLException;
    }

    private static void forEach(List<StateWrite> writes, RuntimeException[] outcomes, Row row) throws SQLException {
        for (int i = 0; i < writes.size(); i++) {
            if (outcomes[i] == null) {
                for (StoredCall c : writes.get(i).calls()) {
                    row.add(writes.get(i), c);
                }
            }
        }
    }
}
