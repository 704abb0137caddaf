using System;
using System.Globalization;

namespace Plaid.Partner.Emulator
{
    /// <summary>One step of an <see cref="EmulatorOAuthSchedule"/>: the status an OAuth registration moves to, and when.</summary>
    public sealed class EmulatorOAuthStep
    {
        /// <summary>Creates a step.</summary>
        /// <param name="after">Time from the end customer's enable, by the emulator's clock.</param>
        /// <param name="status">The new status.</param>
        /// <param name="errorMessage">For ATTENTION_REQUIRED, the registration error's message; null for Plaid's example.</param>
        public EmulatorOAuthStep(TimeSpan after, PartnerEndCustomerOAuthInstitutionApplicationStatus status, string? errorMessage = null)
        {
            After = after;
            Status = status;
            ErrorMessage = errorMessage;
        }

        /// <summary>Time from the end customer's enable, by the emulator's clock.</summary>
        public TimeSpan After { get; }

        /// <summary>The new status.</summary>
        public PartnerEndCustomerOAuthInstitutionApplicationStatus Status { get; }

        /// <summary>For ATTENTION_REQUIRED, the registration error's message; null for Plaid's example.</summary>
        public string? ErrorMessage { get; }

        /// <summary>As <c>+20h APPROVED</c>.</summary>
        public override string ToString() =>
            $"+{After.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)}h {Status}{(ErrorMessage is null ? string.Empty : $" ({ErrorMessage})")}";
    }
}
