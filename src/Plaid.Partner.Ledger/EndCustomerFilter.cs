namespace Plaid.Partner.Ledger
{
    /// <summary>Which records a page of <see cref="EndCustomerLedger.ListAsync"/> holds.</summary>
    public sealed class EndCustomerFilter
    {
        private EndCustomerFilter(FilterKind kind, PartnerEndCustomerStatus? status = null, EndCustomerCreateState? createState = null)
        {
            Kind = kind;
            Status = status;
            CreateState = createState;
        }

        internal enum FilterKind
        {
            All,
            Status,
            CreateState,
            RequirementsDue,
            InDoubt,
            Stuck,
            Removed,
        }

        /// <summary>Every record.</summary>
        public static EndCustomerFilter All { get; } = new(FilterKind.All);

        /// <summary>
        /// The records in doubt: <see cref="EndCustomerCreateState.InDoubt"/>, and <see cref="EndCustomerCreateState.Pending"/> ones
        /// claimed longer ago than <see cref="EndCustomerLedgerOptions.InFlightTimeout"/> (their process may have died mid-create).
        /// </summary>
        public static EndCustomerFilter InDoubt { get; } = new(FilterKind.InDoubt);

        /// <summary>
        /// The records with at least one OAuth registration flagged stuck, the ones <see cref="EndCustomerLedger.ListStuckAsync"/>
        /// lists (flagged when a refresh reads them; a removed end customer has none).
        /// </summary>
        public static EndCustomerFilter Stuck { get; } = new(FilterKind.Stuck);

        /// <summary>The records whose end customer was removed through <see cref="EndCustomerLedger.RemoveAsync"/>.</summary>
        public static EndCustomerFilter Removed { get; } = new(FilterKind.Removed);

        /// <summary>The records with anything due: the beta API listed requirements still missing (removed ones excluded).</summary>
        public static EndCustomerFilter WithRequirementsDue { get; } = new(FilterKind.RequirementsDue);

        /// <summary>The status, for a filter made by <see cref="WithStatus"/>.</summary>
        public PartnerEndCustomerStatus? Status { get; }

        /// <summary>The create state, for a filter made by <see cref="WithCreateState"/>.</summary>
        public EndCustomerCreateState? CreateState { get; }

        internal FilterKind Kind { get; }

        /// <summary>The records whose end customer has this status, as last seen from Plaid; removed ones are excluded (see <see cref="Removed"/>).</summary>
        /// <param name="status">The status.</param>
        /// <returns>The filter.</returns>
        public static EndCustomerFilter WithStatus(PartnerEndCustomerStatus status) => new(FilterKind.Status, status: status);

        /// <summary>The records whose own create is in this state (exactly; <see cref="InDoubt"/> also counts stale pending ones).</summary>
        /// <param name="createState">The create state.</param>
        /// <returns>The filter.</returns>
        public static EndCustomerFilter WithCreateState(EndCustomerCreateState createState) => new(FilterKind.CreateState, createState: createState);

        /// <inheritdoc />
        public override string ToString() => Kind switch
        {
            FilterKind.Status => $"status {Status}",
            FilterKind.CreateState => $"create state {CreateState}",
            _ => Kind.ToString(),
        };
    }
}
