namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>
    /// Recording what a read from Plaid found: a status change, each OAuth registration's change, what is due, and the
    /// registrations that are stuck, with their times. Returns the changes as events, which the ledger raises after commit.
    /// </summary>
    internal abstract partial class LedgerStore
    {
        // Unflags a registration: a refresh that finds it moved on, and a removal, which leaves nothing to chase.
        private const string ClearStuck = "stuck_at = NULL, stuck_status = NULL, stuck_reason = NULL";

        /// <summary>
        /// Appended to the SELECT that reads the record inside the refresh's transaction, so two refreshers of one record
        /// take turns (PostgreSQL's <c>FOR UPDATE OF c</c>; SQLite's transactions already hold the file's write lock). Each
        /// change is therefore seen, and raised, by one of them only.
        /// </summary>
        protected virtual string LockRow => string.Empty;

        /// <summary>
        /// Records a read; returns the recorded changes (status, each institution's, what is due, each newly stuck
        /// registration). The record is first compared without a lock: a read that changes nothing, as most reads of a
        /// settled end customer do, only stamps the read time, in the shared group commit. Otherwise the changes are
        /// decided again under the row's lock and written with their history.
        /// </summary>
        /// <param name="reference">The record.</param>
        /// <param name="read">What Plaid answered.</param>
        /// <param name="now">The time (Unix ms).</param>
        /// <param name="stuckAt">From the enable time (Unix ms), when a registration not yet approved counts as stuck (Unix ms).</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        public async Task<List<EndCustomerEvent>> RecordReadAsync(string reference, PlaidRead read, long now, Func<long, long> stuckAt, CancellationToken cancellationToken)
        {
            var stored = await RunAsync("read a record to compare with Plaid", (connection, ct) => SnapshotAsync(connection, null, reference, string.Empty, ct), cancellationToken)
                .ConfigureAwait(false);
            if (stored is null)
            {
                return new List<EndCustomerEvent>();
            }

            if (ReadChanges.Decide(stored, read, now, stuckAt).None)
            {
                await WriteAsync("record a read from Plaid", flush: false, (connection, transaction, ct) => StampReadAsync(connection, transaction, reference, now, ct), cancellationToken)
                    .ConfigureAwait(false);
                return new List<EndCustomerEvent>();
            }

            return await WriteAsync("record a read from Plaid", flush: false, async (connection, transaction, ct) =>
            {
                var locked = await SnapshotAsync(connection, transaction, reference, LockRow, ct).ConfigureAwait(false);
                if (locked is null)
                {
                    return new List<EndCustomerEvent>();
                }

                var events = await ApplyAsync(connection, transaction, reference, ReadChanges.Decide(locked, read, now, stuckAt), now, ct).ConfigureAwait(false);
                await StampReadAsync(connection, transaction, reference, now, ct).ConfigureAwait(false);
                return events;
            }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The record and its OAuth registrations in one query, or null when there is no such record.</summary>
        private static async Task<RecordSnapshot?> SnapshotAsync(DbConnection connection, DbTransaction? transaction, string reference, string lockRow, CancellationToken ct)
        {
            using var select = Command(
                connection,
                transaction,
                "SELECT c.status, c.client_id, c.requirements_due, c.enabled_at, o.institution_id, o.status, o.stuck_at, o.stuck_status " +
                $"FROM plaid_end_customers c LEFT JOIN plaid_end_customer_oauth o ON o.reference = c.reference WHERE c.reference = @reference{lockRow}");
            AddText(select, "@reference", reference);
            using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
            RecordSnapshot? snapshot = null;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                snapshot ??= new RecordSnapshot(RecordReader.Text(reader, 0), RecordReader.Text(reader, 1), RecordReader.Text(reader, 2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
                if (!reader.IsDBNull(4))
                {
                    snapshot.Institutions[reader.GetString(4)] = (RecordReader.Text(reader, 5), reader.IsDBNull(6) ? null : reader.GetInt64(6), RecordReader.Text(reader, 7));
                }
            }

            return snapshot;
        }

        /// <summary>Writes <paramref name="changes"/> and returns them as events, in the order they were written.</summary>
        private async Task<List<EndCustomerEvent>> ApplyAsync(DbConnection connection, DbTransaction transaction, string reference, ReadChanges changes, long now, CancellationToken ct)
        {
            var events = new List<EndCustomerEvent>();
            var time = RecordReader.Time(now);
            var clientId = changes.Stored.ClientId;
            if (changes.Status is { } status)
            {
                using var update = Command(connection, transaction, "UPDATE plaid_end_customers SET status = @status, enabled_at = @enabled_at WHERE reference = @reference");
                AddText(update, "@reference", reference);
                AddText(update, "@status", status);
                AddLong(update, "@enabled_at", changes.EnabledAt);
                await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                await AddStatusChangeAsync(connection, transaction, reference, status, now, ct).ConfigureAwait(false);
                events.Add(new EndCustomerEvent(EndCustomerEventKind.StatusChanged, reference, clientId, time, status: new PartnerEndCustomerStatus(status)));
            }

            if (changes.RequirementsDue is { } due)
            {
                using var update = Command(connection, transaction, "UPDATE plaid_end_customers SET requirements_due = @due, due_count = @due_count WHERE reference = @reference");
                AddText(update, "@reference", reference);
                AddText(update, "@due", RecordReader.DueText(due));
                AddInt(update, "@due_count", due.Count);
                await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                events.Add(new EndCustomerEvent(EndCustomerEventKind.RequirementsDueChanged, reference, clientId, time, requirementsDue: due));
            }

            foreach (var (institution, known) in changes.Institutions)
            {
                var sql = known
                    ? "UPDATE plaid_end_customer_oauth SET institution_name = @name, status = @status, changed_at = @now WHERE reference = @reference AND institution_id = @institution"
                    : "INSERT INTO plaid_end_customer_oauth (reference, institution_id, institution_name, status, changed_at) VALUES (@reference, @institution, @name, @status, @now)";
                using var write = Command(connection, transaction, sql);
                AddOAuthKey(write, reference, institution.InstitutionId);
                AddText(write, "@name", institution.Name);
                AddText(write, "@status", institution.Status);
                AddLong(write, "@now", now);
                await write.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                events.Add(new EndCustomerEvent(
                    EndCustomerEventKind.OAuthStatusChanged, reference, clientId, time, institutionId: institution.InstitutionId, institutionName: institution.Name,
                    oauthStatus: OAuthStatus(institution.Status)));
            }

            foreach (var institutionId in changes.Cleared)
            {
                using var clear = Command(
                    connection, transaction,
                    $"UPDATE plaid_end_customer_oauth SET {ClearStuck} WHERE reference = @reference AND institution_id = @institution");
                AddOAuthKey(clear, reference, institutionId);
                await clear.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            foreach (var (institution, reason) in changes.Flagged)
            {
                using var flag = Command(
                    connection, transaction,
                    "UPDATE plaid_end_customer_oauth SET stuck_at = @now, stuck_status = @status, stuck_reason = @reason WHERE reference = @reference AND institution_id = @institution");
                AddOAuthKey(flag, reference, institution.InstitutionId);
                AddLong(flag, "@now", now);
                AddText(flag, "@status", institution.Status);
                AddText(flag, "@reason", reason);
                await flag.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                events.Add(new EndCustomerEvent(
                    EndCustomerEventKind.RegistrationStuck, reference, clientId, time, institutionId: institution.InstitutionId, institutionName: institution.Name,
                    oauthStatus: OAuthStatus(institution.Status), message: reason));
            }

            return events;
        }

        private static async Task<bool> StampReadAsync(DbConnection connection, DbTransaction transaction, string reference, long now, CancellationToken ct)
        {
            using var stamp = Command(connection, transaction, "UPDATE plaid_end_customers SET last_read_at = @now, updated_at = @now WHERE reference = @reference");
            AddText(stamp, "@reference", reference);
            AddLong(stamp, "@now", now);
            return await stamp.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        }

        /// <summary>Every registration flagged stuck, oldest flag first.</summary>
        public Task<IReadOnlyList<StuckRegistration>> ListStuckAsync(CancellationToken cancellationToken) =>
            RunAsync("list stuck registrations", async (connection, ct) =>
            {
                using var select = Command(
                    connection,
                    null,
                    "SELECT o.reference, c.client_id, o.institution_id, o.institution_name, o.status, c.enabled_at, o.stuck_at, o.stuck_reason " +
                    "FROM plaid_end_customer_oauth o JOIN plaid_end_customers c ON c.reference = o.reference WHERE o.stuck_at IS NOT NULL ORDER BY o.stuck_at, o.reference, o.institution_id");
                var stuck = new List<StuckRegistration>();
                using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    stuck.Add(new StuckRegistration(
                        reader.GetString(0),
                        RecordReader.Text(reader, 1),
                        reader.GetString(2),
                        RecordReader.Text(reader, 3),
                        OAuthStatus(RecordReader.Text(reader, 4)),
                        reader.IsDBNull(5) ? null : RecordReader.Time(reader.GetInt64(5)),
                        RecordReader.Time(reader.GetInt64(6)),
                        RecordReader.Text(reader, 7) ?? string.Empty));
                }

                return (IReadOnlyList<StuckRegistration>)stuck;
            }, cancellationToken);

        private static PartnerEndCustomerOAuthInstitutionApplicationStatus? OAuthStatus(string? status) =>
            status is { } known ? new PartnerEndCustomerOAuthInstitutionApplicationStatus(known) : (PartnerEndCustomerOAuthInstitutionApplicationStatus?)null;

        private static void AddOAuthKey(System.Data.Common.DbCommand command, string reference, string institutionId)
        {
            AddText(command, "@reference", reference);
            AddText(command, "@institution", institutionId);
        }
    }
}
