using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>
    /// Recording what a read from Plaid found: a status change, each OAuth registration's change, what is due, and the
    /// registrations that are stuck, with their times. Returns the changes as events, which the ledger raises after commit.
    /// </summary>
    internal abstract partial class LedgerStore
    {
        private const string Approved = "APPROVED";
        private const string Enabled = "ENABLED";
        private const string AttentionRequired = "ATTENTION_REQUIRED";
        private const string Active = "ACTIVE";

        /// <summary>
        /// Appended to the SELECT that reads the current state inside the refresh's transaction, so two refreshers of one
        /// record take turns (PostgreSQL's <c>FOR UPDATE</c>; SQLite's transactions already hold the file's write lock).
        /// Each change is therefore seen, and raised, by one of them only.
        /// </summary>
        protected virtual string LockRow => string.Empty;

        /// <summary>Records a read; returns the recorded changes (status, each institution's, what is due, each newly stuck registration).</summary>
        /// <param name="reference">The record.</param>
        /// <param name="read">What Plaid answered.</param>
        /// <param name="now">The time (Unix ms).</param>
        /// <param name="stuckAt">From the enable time (Unix ms), when a registration not yet approved counts as stuck (Unix ms).</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        public Task<List<EndCustomerEvent>> RecordReadAsync(string reference, PlaidRead read, long now, Func<long, long> stuckAt, CancellationToken cancellationToken) =>
            WriteAsync("record a read from Plaid", flush: false, async (connection, transaction, ct) =>
            {
                var events = new List<EndCustomerEvent>();
                var time = RecordReader.Time(now);
                string? current;
                string? clientId;
                string? currentDue;
                long? enabledAt;
                using (var select = Command(
                    connection,
                    transaction,
                    $"SELECT status, client_id, requirements_due, enabled_at FROM plaid_end_customers WHERE reference = @reference{LockRow}"))
                {
                    AddText(select, "@reference", reference);
                    using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        return events;
                    }

                    current = RecordReader.Text(reader, 0);
                    clientId = RecordReader.Text(reader, 1);
                    currentDue = RecordReader.Text(reader, 2);
                    enabledAt = reader.IsDBNull(3) ? null : reader.GetInt64(3);
                }

                if (read.Status is not null && read.Status != current)
                {
                    if (read.Status == Active && enabledAt is null)
                    {
                        enabledAt = now;
                    }

                    using var update = Command(connection, transaction, "UPDATE plaid_end_customers SET status = @status, enabled_at = @enabled_at WHERE reference = @reference");
                    AddText(update, "@reference", reference);
                    AddText(update, "@status", read.Status);
                    AddLong(update, "@enabled_at", enabledAt);
                    await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    await AddStatusChangeAsync(connection, transaction, reference, read.Status, now, ct).ConfigureAwait(false);
                    events.Add(new EndCustomerEvent(EndCustomerEventKind.StatusChanged, reference, clientId, time, status: new PartnerEndCustomerStatus(read.Status)));
                }

                if (read.RequirementsDue is { } due && RecordReader.DueText(due) != currentDue)
                {
                    using var update = Command(connection, transaction, "UPDATE plaid_end_customers SET requirements_due = @due, due_count = @due_count WHERE reference = @reference");
                    AddText(update, "@reference", reference);
                    AddText(update, "@due", RecordReader.DueText(due));
                    AddInt(update, "@due_count", due.Count);
                    await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    events.Add(new EndCustomerEvent(EndCustomerEventKind.RequirementsDueChanged, reference, clientId, time, requirementsDue: due));
                }

                var known = new Dictionary<string, (string? Status, long? StuckAt, string? StuckStatus)>();
                using (var select = Command(connection, transaction, "SELECT institution_id, status, stuck_at, stuck_status FROM plaid_end_customer_oauth WHERE reference = @reference"))
                {
                    AddText(select, "@reference", reference);
                    using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        known[reader.GetString(0)] = (RecordReader.Text(reader, 1), reader.IsDBNull(2) ? null : reader.GetInt64(2), RecordReader.Text(reader, 3));
                    }
                }

                var deadline = enabledAt is { } enabled ? stuckAt(enabled) : (long?)null;
                foreach (var institution in read.Institutions)
                {
                    var seen = known.TryGetValue(institution.InstitutionId, out var was);
                    var changed = !seen || was.Status != institution.Status;
                    if (changed)
                    {
                        var sql = seen
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

                    var registered = institution.Status is Approved or Enabled;
                    if (registered && was.StuckAt is not null)
                    {
                        using var clear = Command(
                            connection, transaction,
                            "UPDATE plaid_end_customer_oauth SET stuck_at = NULL, stuck_status = NULL, stuck_reason = NULL WHERE reference = @reference AND institution_id = @institution");
                        AddOAuthKey(clear, reference, institution.InstitutionId);
                        await clear.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                        continue;
                    }

                    // Flagged once: a registration already flagged is flagged again only when it moves to ATTENTION_REQUIRED,
                    // which asks the partner for something new.
                    string? reason = null;
                    if (institution.Status == AttentionRequired && (was.StuckAt is null || was.StuckStatus != AttentionRequired))
                    {
                        reason = institution.ErrorMessage ?? "Plaid reports ATTENTION_REQUIRED without an error message; check the institution in Plaid's Dashboard.";
                    }
                    else if (!registered && was.StuckAt is null && deadline is { } due2 && now >= due2)
                    {
                        reason = $"Not APPROVED or ENABLED by {RecordReader.Time(due2):u}, the configured business days after the enable; " +
                            "Plaid's reseller guide says to contact your Plaid account manager.";
                    }

                    if (reason is not null)
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
                }

                using (var stamp = Command(connection, transaction, "UPDATE plaid_end_customers SET last_read_at = @now, updated_at = @now WHERE reference = @reference"))
                {
                    AddText(stamp, "@reference", reference);
                    AddLong(stamp, "@now", now);
                    await stamp.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return events;
            }, cancellationToken);

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
