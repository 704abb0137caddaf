using System;
using System.Collections.Generic;
using System.Linq;

namespace Plaid.Partner.Emulator
{
    /// <summary>
    /// How an institution's OAuth registration goes after an end customer is enabled: each step changes its status a
    /// given time after the enable, by the emulator's clock, and sends END_CUSTOMER_OAUTH_STATUS_UPDATED. Without a
    /// schedule a registration stays PROCESSING (Plaid's reseller guide: most institutions register within 24 hours,
    /// some take weeks).
    /// </summary>
    /// <example>
    /// <code>
    /// await emulator.SetOAuthScheduleAsync("ins_56", EmulatorOAuthSchedule.ApprovedAfter(TimeSpan.FromHours(20)));
    /// await emulator.SetOAuthScheduleAsync("ins_1", EmulatorOAuthSchedule.AttentionRequiredAfter(TimeSpan.FromHours(2), "Application logo is required"));
    /// await emulator.SetOAuthScheduleAsync("ins_128026", EmulatorOAuthSchedule.StaysProcessing);
    /// </code>
    /// </example>
    public sealed class EmulatorOAuthSchedule
    {
        private readonly EmulatorOAuthStep[] _steps;

        private EmulatorOAuthSchedule(IEnumerable<EmulatorOAuthStep> steps)
        {
            _steps = steps.OrderBy(s => s.After).ToArray();
        }

        /// <summary>No step: the registration stays PROCESSING (a stuck one).</summary>
        public static EmulatorOAuthSchedule StaysProcessing { get; } = new(Array.Empty<EmulatorOAuthStep>());

        /// <summary>The steps, earliest first.</summary>
        public IReadOnlyList<EmulatorOAuthStep> Steps => _steps;

        /// <summary>APPROVED <paramref name="after"/> the enable.</summary>
        /// <param name="after">Time from the enable, by the emulator's clock; zero or more.</param>
        /// <returns>The schedule.</returns>
        public static EmulatorOAuthSchedule ApprovedAfter(TimeSpan after) =>
            StaysProcessing.Then(after, PartnerEndCustomerOAuthInstitutionApplicationStatus.Approved);

        /// <summary>ATTENTION_REQUIRED <paramref name="after"/> the enable, with a registration error.</summary>
        /// <param name="after">Time from the enable, by the emulator's clock; zero or more.</param>
        /// <param name="errorMessage">The <c>OAUTH_REGISTRATION_ERROR</c> message, or null for the one in Plaid's example.</param>
        /// <returns>The schedule.</returns>
        public static EmulatorOAuthSchedule AttentionRequiredAfter(TimeSpan after, string? errorMessage = null) =>
            StaysProcessing.Then(after, PartnerEndCustomerOAuthInstitutionApplicationStatus.AttentionRequired, errorMessage);

        /// <summary>This schedule with one more step.</summary>
        /// <param name="after">Time from the enable, by the emulator's clock; zero or more.</param>
        /// <param name="status">The status the registration moves to.</param>
        /// <param name="errorMessage">For ATTENTION_REQUIRED, the registration error's message, or null for Plaid's example.</param>
        /// <returns>A new schedule; this one is unchanged.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="after"/> is negative.</exception>
        public EmulatorOAuthSchedule Then(TimeSpan after, PartnerEndCustomerOAuthInstitutionApplicationStatus status, string? errorMessage = null)
        {
            if (after < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(after), after, "A step comes after the enable: zero or more.");
            }

            return new EmulatorOAuthSchedule(_steps.Append(new EmulatorOAuthStep(after, status, errorMessage)));
        }

        /// <summary>Each step as <c>+20h APPROVED</c>.</summary>
        public override string ToString() =>
            _steps.Length == 0 ? "stays PROCESSING" : string.Join(", then ", _steps.Select(s => s.ToString()));
    }
}
