using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>Recording what a read from Plaid found: a status change and each OAuth registration's change, with their times.</summary>
    internal abstract partial class LedgerStore
    {
        /// <summary>
        /// Appended to the SELECT that reads the current state inside the refresh's transaction, so two refreshers of one
        /// record take turns (PostgreSQL's <c>FOR UPDATE</c>; SQLite's transactions already hold the file's write lock).
        /// </summary>
        protected virtual string LockRow => string.Empty;

        /// <summary>Records a read; returns how many changes were recorded (status, plus one per institution that changed).</summary>
        public Task<int> RecordReadAsync(
            string reference,
            string? status,
            IReadOnlyList<(string InstitutionId, string? Name, string? Status)> institutions,
            long now,
            CancellationToken cancellationToken) =>
            RunAsync("record a read from Plaid", async (connection, ct) =>
            {
                using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                string? current;
                using (var select = Command(connection, transaction, $"SELECT status FROM plaid_end_customers WHERE reference = @reference{LockRow}"))
                {
                    AddText(select, "@reference", reference);
                    current = await select.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
                }

                var changes = 0;
                if (status is not null && status != current)
                {
                    using var update = Command(connection, transaction, "UPDATE plaid_end_customers SET status = @status WHERE reference = @reference");
                    AddText(update, "@reference", reference);
                    AddText(update, "@status", status);
                    await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    await AddStatusChangeAsync(connection, transaction, reference, status, now, ct).ConfigureAwait(false);
                    changes++;
                }

                var known = new Dictionary<string, string?>();
                using (var select = Command(connection, transaction, "SELECT institution_id, status FROM plaid_end_customer_oauth WHERE reference = @reference"))
                {
                    AddText(select, "@reference", reference);
                    using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        known[reader.GetString(0)] = RecordReader.Text(reader, 1);
                    }
                }

                foreach (var (institutionId, name, institutionStatus) in institutions)
                {
                    if (known.TryGetValue(institutionId, out var was) && was == institutionStatus)
                    {
                        continue;
                    }

                    var sql = known.ContainsKey(institutionId)
                        ? "UPDATE plaid_end_customer_oauth SET institution_name = @name, status = @status, changed_at = @now WHERE reference = @reference AND institution_id = @institution"
                        : "INSERT INTO plaid_end_customer_oauth (reference, institution_id, institution_name, status, changed_at) VALUES (@reference, @institution, @name, @status, @now)";
                    using var write = Command(connection, transaction, sql);
                    AddText(write, "@reference", reference);
                    AddText(write, "@institution", institutionId);
                    AddText(write, "@name", name);
                    AddText(write, "@status", institutionStatus);
                    AddLong(write, "@now", now);
                    await write.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    changes++;
                }

                using (var read = Command(connection, transaction, "UPDATE plaid_end_customers SET last_read_at = @now, updated_at = @now WHERE reference = @reference"))
                {
                    AddText(read, "@reference", reference);
                    AddLong(read, "@now", now);
                    await read.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return changes;
            }, cancellationToken);
    }
}
