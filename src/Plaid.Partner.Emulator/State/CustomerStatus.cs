using System;
using System.Collections.Generic;

namespace Plaid.Partner.Emulator.State
{
    /// <summary>
    /// End-customer statuses (Plaid API docs, Partner, <c>PartnerEndCustomerStatus</c>) and the moves between them
    /// that Plaid docs, Account › Resellers, allow. REMOVED is the emulator's name for a customer that remove took away. A beta
    /// customer starts in MORE_INFORMATION_NEEDED or PENDING_ENABLEMENT and moves between the two as its requirements
    /// are met or withdrawn (the emulator README's beta onboarding section).
    /// </summary>
    internal static class CustomerStatus
    {
        public const string UnderReview = "UNDER_REVIEW";
        public const string PendingEnablement = "PENDING_ENABLEMENT";
        public const string Active = "ACTIVE";
        public const string Denied = "DENIED";
        public const string MoreInformationNeeded = "MORE_INFORMATION_NEEDED";
        public const string Removed = "REMOVED";

        private static readonly HashSet<(string From, string To)> Legal = new()
        {
            (UnderReview, PendingEnablement),
            (UnderReview, Denied),
            (PendingEnablement, Active),
            (UnderReview, Removed),
            (PendingEnablement, Removed),
            (Denied, Removed),
            (MoreInformationNeeded, PendingEnablement),
            (PendingEnablement, MoreInformationNeeded),
            (MoreInformationNeeded, Removed),
        };

        /// <summary>The statuses a new customer may start in: under review, or as if Plaid's review had finished.</summary>
        public static IReadOnlyList<string> AfterReview { get; } = new[] { UnderReview, PendingEnablement, Denied };

        public static bool IsLegal(string from, string to) => Legal.Contains((from, to));

        public static void RequireReviewOutcome(string status, string what)
        {
            if (!((ICollection<string>)AfterReview).Contains(status))
            {
                throw new ArgumentException($"{what} must be {string.Join(", ", AfterReview)}; it was '{status}'. ACTIVE is reached only through /partner/customer/enable.");
            }
        }
    }
}
