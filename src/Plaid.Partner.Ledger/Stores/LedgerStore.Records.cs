namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>The record operations: the claim that only one caller can win, the outcome of a create, settling, reading.</summary>
    internal abstract partial class LedgerStore
    {
        private const string ClearError = "error_http_status = NULL, error_type = NULL, error_code = NULL, error_message = NULL, error_request_id = NULL";

        // A create may go again only after a definite "not created": Plaid refused it, it never left, or an operator said so.
        private const string MayResend = "create_state IN ('Refused', 'NotSent', 'NotCreated')";

        private const string InDoubtCondition = "(create_state = 'InDoubt' OR (create_state = 'Pending' AND claimed_at < @stale_before))";

        // The records with a registration flagged stuck (EndCustomerFilter.Stuck).
        private const string StuckCondition =
            "EXISTS (SELECT 1 FROM plaid_end_customer_oauth o WHERE o.reference = plaid_end_customers.reference AND o.stuck_at IS NOT NULL)";

        /// <summary>
        /// Records the intent under the reference, unless a record that may not be re-sent is there. The insert's primary key
        /// and the update's condition on the current state are each decided by the database, so two callers (two processes
        /// too) can never both win.
        /// </summary>
        public Task<ClaimResult> ClaimAsync(LedgerIntent intent, string claimId, long now, CancellationToken cancellationToken) =>
            WriteAsync("record the intent to create", flush: true, async (connection, transaction, ct) =>
            {
                using (var insert = Command(
                    connection,
                    transaction,
                    "INSERT INTO plaid_end_customers (reference, api, environment, company_name, application_name, create_state, claim_id, claimed_at, " +
                    "recorded_at, updated_at, due_count) VALUES (@reference, @api, @environment, @company_name, @application_name, 'Pending', @claim_id, @now, " +
                    "@now, @now, 0) ON CONFLICT (reference) DO NOTHING"))
                {
                    AddIntent(insert, intent, claimId, now);
                    if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1)
                    {
                        return new ClaimResult(true, null, null);
                    }
                }

                using (var reclaim = Command(
                    connection,
                    transaction,
                    "UPDATE plaid_end_customers SET api = @api, environment = @environment, company_name = @company_name, application_name = @application_name, " +
                    $"create_state = 'Pending', claim_id = @claim_id, claimed_at = @now, updated_at = @now, {ClearError} WHERE reference = @reference AND {MayResend}"))
                {
                    AddIntent(reclaim, intent, claimId, now);
                    if (await reclaim.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1)
                    {
                        return new ClaimResult(true, null, null);
                    }
                }

                var existing = await ReadAsync(connection, transaction, intent.Reference, details: false, ct).ConfigureAwait(false);
                return new ClaimResult(false, existing?.Record, existing?.ClaimId);
            }, cancellationToken);

        /// <summary>Records Plaid's answer to the claimed create: its client_id, status and what is due.</summary>
        public Task<EndCustomerRecord?> RecordCreatedAsync(
            string reference,
            string claimId,
            string clientId,
            string? status,
            IReadOnlyList<PartnerEndCustomerRequirementDue>? due,
            long now,
            CancellationToken cancellationToken) =>
            WriteAsync("record the created end customer", flush: false, async (connection, transaction, ct) =>
            {
                EndCustomerRecord? record;
                using (var update = Command(
                    connection,
                    transaction,
                    "UPDATE plaid_end_customers SET create_state = 'Created', client_id = @client_id, status = @status, requirements_due = @due, due_count = @due_count, " +
                    $"last_read_at = @now, updated_at = @now, claim_id = NULL, claimed_at = NULL, {ClearError} " +
                    $"WHERE reference = @reference AND claim_id = @claim_id AND create_state IN ('Pending', 'InDoubt') RETURNING {RecordReader.Columns}"))
                {
                    AddText(update, "@reference", reference);
                    AddText(update, "@claim_id", claimId);
                    AddText(update, "@client_id", clientId);
                    AddText(update, "@status", status);
                    AddText(update, "@due", RecordReader.DueText(due));
                    AddInt(update, "@due_count", due?.Count ?? 0);
                    AddLong(update, "@now", now);
                    record = await SingleAsync(update, ct).ConfigureAwait(false);
                    if (record is null)
                    {
                        return null;
                    }
                }

                if (status is not null)
                {
                    await AddStatusChangeAsync(connection, transaction, reference, status, now, ct).ConfigureAwait(false);
                }

                return record;
            }, cancellationToken);

        /// <summary>Records why the claimed create failed and what that means for sending it again.</summary>
        public Task<EndCustomerRecord?> RecordFailureAsync(
            string reference,
            string claimId,
            EndCustomerCreateState state,
            EndCustomerCreateError error,
            long now,
            CancellationToken cancellationToken) =>
            WriteAsync("record the failed create", flush: false, async (connection, transaction, ct) =>
            {
                // An in-doubt record keeps its claim, so the answer of a create that turns up late can still settle it.
                var claim = state == EndCustomerCreateState.InDoubt ? "claim_id" : "NULL";
                var claimedAt = state == EndCustomerCreateState.InDoubt ? "claimed_at" : "NULL";
                using var update = Command(
                    connection,
                    transaction,
                    $"UPDATE plaid_end_customers SET create_state = @state, claim_id = {claim}, claimed_at = {claimedAt}, updated_at = @now, " +
                    "error_http_status = @http, error_type = @type, error_code = @code, error_message = @message, error_request_id = @request_id " +
                    $"WHERE reference = @reference AND claim_id = @claim_id AND create_state IN ('Pending', 'InDoubt') RETURNING {RecordReader.Columns}");
                AddText(update, "@reference", reference);
                AddText(update, "@claim_id", claimId);
                AddText(update, "@state", RecordReader.StateText(state));
                AddLong(update, "@now", now);
                AddInt(update, "@http", error.HttpStatus is { } http ? (int)http : null);
                AddText(update, "@type", error.ErrorType);
                AddText(update, "@code", error.ErrorCode);
                AddText(update, "@message", error.ErrorMessage);
                AddText(update, "@request_id", error.RequestId);
                return await SingleAsync(update, ct).ConfigureAwait(false);
            }, cancellationToken);

        /// <summary>Marks a pending create whose claim is older than <paramref name="staleBefore"/> as in doubt.</summary>
        public Task<bool> MarkStaleInDoubtAsync(string reference, long staleBefore, long now, CancellationToken cancellationToken) =>
            WriteAsync("mark a stale create in doubt", flush: false, async (connection, transaction, ct) =>
            {
                using var update = Command(
                    connection,
                    transaction,
                    "UPDATE plaid_end_customers SET create_state = 'InDoubt', updated_at = @now, error_type = 'Abandoned', " +
                    "error_message = 'The create was claimed and got no recorded answer within EndCustomerLedgerOptions.InFlightTimeout: its process may have died after sending it.' " +
                    "WHERE reference = @reference AND create_state = 'Pending' AND claimed_at < @stale_before");
                AddText(update, "@reference", reference);
                AddLong(update, "@stale_before", staleBefore);
                AddLong(update, "@now", now);
                return await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            }, cancellationToken);

        /// <summary>Settles an in-doubt record: created with the client_id an operator found, or (null) not created.</summary>
        public Task<bool> SettleAsync(string reference, string? clientId, long staleBefore, long now, CancellationToken cancellationToken) =>
            WriteAsync("settle an in-doubt create", flush: true, async (connection, transaction, ct) =>
            {
                var state = clientId is null ? "NotCreated" : "Created";
                using var update = Command(
                    connection,
                    transaction,
                    $"UPDATE plaid_end_customers SET create_state = '{state}', client_id = @client_id, claim_id = NULL, claimed_at = NULL, updated_at = @now, {ClearError} " +
                    $"WHERE reference = @reference AND {InDoubtCondition}");
                AddText(update, "@reference", reference);
                AddText(update, "@client_id", clientId);
                AddLong(update, "@stale_before", staleBefore);
                AddLong(update, "@now", now);
                return await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
            }, cancellationToken);

        /// <summary>Whether another record holds this client_id already.</summary>
        public Task<string?> ReferenceOfClientIdAsync(string clientId, CancellationToken cancellationToken) =>
            RunAsync("look up a client_id", async (connection, ct) =>
            {
                using var select = Command(connection, null, "SELECT reference FROM plaid_end_customers WHERE client_id = @client_id");
                AddText(select, "@client_id", clientId);
                return await select.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
            }, cancellationToken);

        /// <summary>One record, with its status history and OAuth registrations when <paramref name="details"/> is set.</summary>
        public Task<(EndCustomerRecord Record, string? ClaimId)?> GetAsync(string reference, bool details, CancellationToken cancellationToken) =>
            RunAsync("read a record", (connection, ct) => ReadAsync(connection, null, reference, details, ct), cancellationToken);

        /// <summary>A page of records in reference order.</summary>
        public Task<EndCustomerPage> ListAsync(EndCustomerFilter filter, string? after, int pageSize, long staleBefore, CancellationToken cancellationToken) =>
            RunAsync("list records", async (connection, ct) =>
            {
                var where = filter.Kind switch
                {
                    EndCustomerFilter.FilterKind.Status => "status = @status AND removed_at IS NULL",
                    EndCustomerFilter.FilterKind.CreateState => "create_state = @state",
                    EndCustomerFilter.FilterKind.RequirementsDue => "due_count > 0 AND removed_at IS NULL",
                    EndCustomerFilter.FilterKind.InDoubt => InDoubtCondition,
                    EndCustomerFilter.FilterKind.Stuck => StuckCondition,
                    EndCustomerFilter.FilterKind.Removed => "removed_at IS NOT NULL",
                    _ => "1 = 1",
                };
                var page = after is null ? string.Empty : " AND reference > @after";
                using var select = Command(connection, null, $"SELECT {RecordReader.Columns} FROM plaid_end_customers WHERE {where}{page} ORDER BY reference LIMIT @limit");
                if (filter.Kind == EndCustomerFilter.FilterKind.Status)
                {
                    AddText(select, "@status", filter.Status.ToString());
                }
                else if (filter.Kind == EndCustomerFilter.FilterKind.CreateState)
                {
                    AddText(select, "@state", RecordReader.StateText(filter.CreateState!.Value));
                }
                else if (filter.Kind == EndCustomerFilter.FilterKind.InDoubt)
                {
                    AddLong(select, "@stale_before", staleBefore);
                }

                if (after is not null)
                {
                    AddText(select, "@after", after);
                }

                // One more than a page says whether another page follows.
                AddInt(select, "@limit", pageSize + 1);
                var records = new List<EndCustomerRecord>(pageSize);
                using (var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        records.Add(RecordReader.Read(reader).Record);
                    }
                }

                var more = records.Count > pageSize;
                if (more)
                {
                    records.RemoveAt(pageSize);
                }

                return new EndCustomerPage(records, more ? records[records.Count - 1].Reference : null);
            }, cancellationToken);

        private static async Task<(EndCustomerRecord Record, string? ClaimId)?> ReadAsync(DbConnection connection, DbTransaction? transaction, string reference, bool details, CancellationToken ct)
        {
            List<EndCustomerStatusChange>? history = null;
            List<EndCustomerOAuthRegistration>? oauth = null;
            if (details)
            {
                history = new List<EndCustomerStatusChange>();
                using (var select = Command(connection, transaction, "SELECT status, changed_at FROM plaid_end_customer_status_changes WHERE reference = @reference ORDER BY changed_at, seq"))
                {
                    AddText(select, "@reference", reference);
                    using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        history.Add(new EndCustomerStatusChange(new PartnerEndCustomerStatus(reader.GetString(0)), RecordReader.Time(reader.GetInt64(1))));
                    }
                }

                oauth = new List<EndCustomerOAuthRegistration>();
                using (var select = Command(
                    connection,
                    transaction,
                    "SELECT institution_id, institution_name, status, changed_at FROM plaid_end_customer_oauth WHERE reference = @reference ORDER BY institution_id"))
                {
                    AddText(select, "@reference", reference);
                    using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        oauth.Add(new EndCustomerOAuthRegistration(
                            reader.GetString(0),
                            RecordReader.Text(reader, 1),
                            RecordReader.Text(reader, 2) is { } status ? new PartnerEndCustomerOAuthInstitutionApplicationStatus(status) : (PartnerEndCustomerOAuthInstitutionApplicationStatus?)null,
                            RecordReader.Time(reader.GetInt64(3))));
                    }
                }
            }

            using (var select = Command(connection, transaction, $"SELECT {RecordReader.Columns} FROM plaid_end_customers WHERE reference = @reference"))
            {
                AddText(select, "@reference", reference);
                using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                return await reader.ReadAsync(ct).ConfigureAwait(false) ? RecordReader.Read(reader, history, oauth) : null;
            }
        }

        private static async Task<EndCustomerRecord?> SingleAsync(DbCommand command, CancellationToken ct)
        {
            using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false) ? RecordReader.Read(reader).Record : null;
        }

        private static async Task AddStatusChangeAsync(DbConnection connection, DbTransaction? transaction, string reference, string status, long now, CancellationToken ct)
        {
            using var insert = Command(connection, transaction, "INSERT INTO plaid_end_customer_status_changes (reference, status, changed_at) VALUES (@reference, @status, @now)");
            AddText(insert, "@reference", reference);
            AddText(insert, "@status", status);
            AddLong(insert, "@now", now);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        private static void AddIntent(DbCommand command, LedgerIntent intent, string claimId, long now)
        {
            AddText(command, "@reference", intent.Reference);
            AddText(command, "@api", RecordReader.ApiText(intent.Api));
            AddText(command, "@environment", intent.Environment);
            AddText(command, "@company_name", intent.CompanyName);
            AddText(command, "@application_name", intent.ApplicationName);
            AddText(command, "@claim_id", claimId);
            AddLong(command, "@now", now);
        }
    }
}
