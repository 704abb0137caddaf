using System;
using System.Globalization;

namespace Plaid.Partner.Emulator
{
    /// <summary>One step of an <see cref="EmulatorOAuthSchedule"/>: the status an OAuth registration moves to, and when.</summary>
    /// <param name="After">Time from the end customer's enable, by the emulator's clock.</param>
    /// <param name="Status">The new status.</param>
    /// <param name="ErrorMessage">For ATTENTION_REQUIRED, the registration error's message; null for Plaid's example.</param>
    public sealed record EmulatorOAuthStep(TimeSpan After, PartnerEndCustomerOAuthInstitutionApplicationStatus Status, string? ErrorMessage = null)
    {
        /// <summary>As <c>+20h APPROVED</c>.</summary>
        public override string ToString() =>
            $"+{After.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)}h {Status}{(ErrorMessage is null ? string.Empty : $" ({ErrorMessage})")}";
    }
}
