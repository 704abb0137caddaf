namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>
    /// The ledger's tables, version by version. Each store runs the versions its database lacks, in order, in one
    /// transaction, and records each in <c>plaid_ledger_schema</c>; a database newer than this library is refused.
    /// Only the column types differ between the stores, so each version is written once with two spellings of them.
    /// </summary>
    internal static class LedgerSchema
    {
        public const int Latest = 4;

        /// <summary>The statements that take a database from <paramref name="version"/> - 1 to <paramref name="version"/>.</summary>
        public static IReadOnlyList<string> Version(int version, LedgerStoreKind store)
        {
            // PostgreSQL compares text by the database's collation; "C" orders references by code point, as SQLite does, so
            // pages come in the same order from either store.
            var key = store == LedgerStoreKind.Postgres ? "TEXT COLLATE \"C\"" : "TEXT";
            var serial = store == LedgerStoreKind.Postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
            return version switch
            {
                1 => new[]
                {
                    $@"CREATE TABLE plaid_end_customers (
                        reference {key} NOT NULL PRIMARY KEY,
                        api TEXT NOT NULL,
                        environment TEXT NOT NULL,
                        company_name TEXT NOT NULL,
                        application_name TEXT NOT NULL,
                        create_state TEXT NOT NULL,
                        claim_id TEXT NULL,
                        claimed_at BIGINT NULL,
                        client_id TEXT NULL,
                        status TEXT NULL,
                        error_http_status INTEGER NULL,
                        error_type TEXT NULL,
                        error_code TEXT NULL,
                        error_message TEXT NULL,
                        error_request_id TEXT NULL,
                        recorded_at BIGINT NOT NULL,
                        updated_at BIGINT NOT NULL)",
                    $@"CREATE TABLE plaid_end_customer_status_changes (
                        seq {serial},
                        reference {key} NOT NULL REFERENCES plaid_end_customers (reference),
                        status TEXT NOT NULL,
                        changed_at BIGINT NOT NULL)",
                    "CREATE INDEX plaid_end_customer_status_changes_reference ON plaid_end_customer_status_changes (reference, changed_at)",
                    "CREATE INDEX plaid_end_customers_status ON plaid_end_customers (status, reference)",
                    "CREATE INDEX plaid_end_customers_create_state ON plaid_end_customers (create_state, reference)",
                    "CREATE UNIQUE INDEX plaid_end_customers_client_id ON plaid_end_customers (client_id) WHERE client_id IS NOT NULL",
                },
                2 => new[]
                {
                    // The beta API's requirements due (space-separated names), their count for the "anything due" query, the
                    // last read from Plaid, and each institution's OAuth registration.
                    "ALTER TABLE plaid_end_customers ADD COLUMN requirements_due TEXT NULL",
                    "ALTER TABLE plaid_end_customers ADD COLUMN due_count INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE plaid_end_customers ADD COLUMN last_read_at BIGINT NULL",
                    "CREATE INDEX plaid_end_customers_due ON plaid_end_customers (reference) WHERE due_count > 0",
                    $@"CREATE TABLE plaid_end_customer_oauth (
                        reference {key} NOT NULL REFERENCES plaid_end_customers (reference),
                        institution_id TEXT NOT NULL,
                        institution_name TEXT NULL,
                        status TEXT NULL,
                        changed_at BIGINT NOT NULL,
                        PRIMARY KEY (reference, institution_id))",
                },
                3 => new[]
                {
                    // When the ledger first saw the end customer ACTIVE (the enable), from which stuck OAuth registrations
                    // are counted; records already ACTIVE take the time of their first recorded ACTIVE status.
                    "ALTER TABLE plaid_end_customers ADD COLUMN enabled_at BIGINT NULL",
                    "UPDATE plaid_end_customers SET enabled_at = COALESCE((SELECT MIN(c.changed_at) FROM plaid_end_customer_status_changes c " +
                    "WHERE c.reference = plaid_end_customers.reference AND c.status = 'ACTIVE'), updated_at) WHERE status = 'ACTIVE'",
                    // A registration flagged stuck: when, the status it was flagged in, and why (Plaid's error message for
                    // ATTENTION_REQUIRED). Cleared when it reaches APPROVED or ENABLED.
                    "ALTER TABLE plaid_end_customer_oauth ADD COLUMN stuck_at BIGINT NULL",
                    "ALTER TABLE plaid_end_customer_oauth ADD COLUMN stuck_status TEXT NULL",
                    "ALTER TABLE plaid_end_customer_oauth ADD COLUMN stuck_reason TEXT NULL",
                    "CREATE INDEX plaid_end_customer_oauth_stuck ON plaid_end_customer_oauth (stuck_at) WHERE stuck_at IS NOT NULL",
                    // The reconciler's schedule and lease: when a record is next due, and which instance holds it until when, so
                    // several instances sharing the ledger refresh each record once.
                    "ALTER TABLE plaid_end_customers ADD COLUMN next_refresh_at BIGINT NULL",
                    "ALTER TABLE plaid_end_customers ADD COLUMN lease_owner TEXT NULL",
                    "ALTER TABLE plaid_end_customers ADD COLUMN lease_until BIGINT NULL",
                    "CREATE INDEX plaid_end_customers_next_refresh ON plaid_end_customers (next_refresh_at) WHERE client_id IS NOT NULL",
                },
                4 => new[]
                {
                    // When the end customer was removed through /partner/customer/remove: the record stays, shows the
                    // removal, and is no longer refreshed.
                    "ALTER TABLE plaid_end_customers ADD COLUMN removed_at BIGINT NULL",
                    "CREATE INDEX plaid_end_customers_removed ON plaid_end_customers (reference) WHERE removed_at IS NOT NULL",
                },
                _ => throw new System.ArgumentOutOfRangeException(nameof(version), version, $"The ledger's schema has versions 1 to {Latest}."),
            };
        }
    }
}
