namespace Plaid.Partner.Ledger.Stores
{
    /// <summary>
    /// What recording a read from Plaid changes in one record, decided from the record as stored: the status (and the
    /// enable time), what is due, each institution whose status moved, each stuck flag cleared or raised. Decided in one
    /// place so that a refresh can first look without a lock and, when the read changes nothing, only stamp the read time;
    /// the changes themselves are decided again under the row's lock, from the record as it is then.
    /// </summary>
    internal sealed class ReadChanges
    {
        // The store keeps Plaid's values as text; these are the generated enums' own.
        private static readonly string Approved = PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved.ToString();
        private static readonly string Enabled = PartnerEndCustomerOAuthInstitutionApplicationStatus.Enabled.ToString();
        private static readonly string AttentionRequired = PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired.ToString();
        private static readonly string Active = PartnerEndCustomerStatus.Active.ToString();

        private ReadChanges(RecordSnapshot stored, PlaidRead read)
        {
            Stored = stored;
            Read = read;
        }

        public RecordSnapshot Stored { get; }

        public PlaidRead Read { get; }

        /// <summary>The new status, when it moved.</summary>
        public string? Status { get; private set; }

        /// <summary>The enable time to store with a new status (the stored one, or now when the status first became ACTIVE).</summary>
        public long? EnabledAt { get; private set; }

        /// <summary>What is due now, when it changed.</summary>
        public IReadOnlyList<PartnerEndCustomerRequirementDue>? RequirementsDue { get; private set; }

        /// <summary>Institutions new to the record or whose status moved; Known tells an update from an insert.</summary>
        public List<(PlaidReadInstitution Institution, bool Known)> Institutions { get; } = new();

        /// <summary>Registrations flagged stuck that are now APPROVED or ENABLED.</summary>
        public List<string> Cleared { get; } = new();

        /// <summary>Registrations to flag stuck, with the reason shown to the partner.</summary>
        public List<(PlaidReadInstitution Institution, string Reason)> Flagged { get; } = new();

        /// <summary>Nothing to record but the read time.</summary>
        public bool None => Status is null && RequirementsDue is null && Institutions.Count == 0 && Cleared.Count == 0 && Flagged.Count == 0;

        /// <summary>Decides the changes <paramref name="read"/> makes to <paramref name="stored"/> at <paramref name="now"/>.</summary>
        /// <param name="stored">The record as stored.</param>
        /// <param name="read">What Plaid answered.</param>
        /// <param name="now">The time (Unix ms).</param>
        /// <param name="stuckAt">From the enable time (Unix ms), when a registration not yet approved counts as stuck (Unix ms).</param>
        public static ReadChanges Decide(RecordSnapshot stored, PlaidRead read, long now, Func<long, long> stuckAt)
        {
            var changes = new ReadChanges(stored, read);
            var enabledAt = stored.EnabledAt;
            if (read.Status is not null && read.Status != stored.Status)
            {
                if (read.Status == Active && enabledAt is null)
                {
                    enabledAt = now;
                }

                changes.Status = read.Status;
                changes.EnabledAt = enabledAt;
            }

            if (read.RequirementsDue is { } due && RecordReader.DueText(due) != stored.RequirementsDue)
            {
                changes.RequirementsDue = due;
            }

            var deadline = enabledAt is { } enabled ? stuckAt(enabled) : (long?)null;
            foreach (var institution in read.Institutions)
            {
                var known = stored.Institutions.TryGetValue(institution.InstitutionId, out var was);
                if (!known || was.Status != institution.Status)
                {
                    changes.Institutions.Add((institution, known));
                }

                var registered = institution.Status == Approved || institution.Status == Enabled;
                if (registered && was.StuckAt is not null)
                {
                    changes.Cleared.Add(institution.InstitutionId);
                    continue;
                }

                // Flagged once: a registration already flagged is flagged again only when it moves to ATTENTION_REQUIRED,
                // which asks the partner for something new.
                if (institution.Status == AttentionRequired && (was.StuckAt is null || was.StuckStatus != AttentionRequired))
                {
                    var reason = institution.ErrorMessage ?? "Plaid reports ATTENTION_REQUIRED without an error message; check the institution in Plaid's Dashboard.";
                    changes.Flagged.Add((institution, reason));
                }
                else if (!registered && was.StuckAt is null && deadline is { } by && now >= by)
                {
                    var reason = $"Not APPROVED or ENABLED by {RecordReader.Time(by):u}, the configured business days after the enable; " +
                        "Plaid's reseller guide says to contact your Plaid account manager.";
                    changes.Flagged.Add((institution, reason));
                }
            }

            return changes;
        }
    }
}
