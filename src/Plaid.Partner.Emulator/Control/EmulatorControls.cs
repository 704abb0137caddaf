using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Plaid.Partner.Emulator.Faults;
using Plaid.Partner.Emulator.Hosting;
using Plaid.Partner.Emulator.Operations;
using Plaid.Partner.Emulator.State;

namespace Plaid.Partner.Emulator.Control
{
    /// <summary>
    /// The controls that do more than one call on the state, shared by the control endpoints and
    /// <see cref="PlaidPartnerEmulator"/>'s methods (which call these directly, not over HTTP).
    /// </summary>
    internal static class EmulatorControls
    {
        /// <summary>Changes an institution's OAuth status and sends the webhook; null when nothing changed or no URL is set.</summary>
        public static async Task<ControlOutcome<EmulatorWebhookDelivery?>> SetOAuthStatusAsync(
            EmulatorRuntime runtime, string customerId, string institutionId, string status, string? errorMessage)
        {
            OAuthStatusChange? change;
            if (runtime.IsProduction)
            {
                var outcome = runtime.Customers.SetOAuthStatus(customerId, institutionId, status, errorMessage);
                if (outcome.Refusal is { } refusal)
                {
                    return refusal;
                }

                change = outcome.Value;
            }
            else
            {
                // Sandbox keeps no customers, so the webhook is fired for whatever id is named.
                var institution = OAuthInstitutionCatalog.Institutions.FirstOrDefault(i => i.Id == institutionId);
                if (institution.Id is null)
                {
                    return new Refusal(RefusalKind.NotFound, $"No OAuth institution '{institutionId}'; known: {string.Join(", ", OAuthInstitutionCatalog.Institutions.Select(i => i.Id))}.");
                }

                change = new OAuthStatusChange(customerId, institution.Id, institution.Name, status);
            }

            return change is null ? new ControlOutcome<EmulatorWebhookDelivery?>(null, null) : await runtime.Webhooks.SendAsync(change).ConfigureAwait(false);
        }

        /// <summary>The schedules set and the steps waiting, as the control endpoint shows them.</summary>
        public static OAuthSchedulesResult DescribeSchedules(EmulatorRuntime runtime)
        {
            var (set, pending) = runtime.OAuthSchedules.Snapshot();
            return new OAuthSchedulesResult
            {
                Schedules = set.Select(s => new OAuthScheduleCommand
                {
                    InstitutionId = s.Institution,
                    EndCustomerClientId = s.Customer,
                    Steps = s.Schedule.Steps.Select(step => new OAuthStepModel
                    {
                        AfterHours = step.After.TotalHours,
                        Status = step.Status.ToString(),
                        ErrorMessage = step.ErrorMessage,
                    }).ToList(),
                }).ToList(),
                Pending = pending.Select(p => new PendingStepModel
                {
                    EndCustomerClientId = p.Customer,
                    InstitutionId = p.Institution,
                    DueAt = p.DueAt,
                    Status = p.Step.Status.ToString(),
                }).ToList(),
            };
        }

        /// <summary>A schedule from its control form; an ArgumentException names what is wrong.</summary>
        public static EmulatorOAuthSchedule ToSchedule(IReadOnlyList<OAuthStepModel>? steps)
        {
            var schedule = EmulatorOAuthSchedule.StaysProcessing;
            foreach (var (step, index) in (steps ?? new List<OAuthStepModel>()).Select((s, i) => (s, i)))
            {
                var hours = step.AfterHours ?? throw new ArgumentException($"steps[{index}].after_hours is required.");
                if (hours < 0 || double.IsNaN(hours) || hours > TimeSpan.MaxValue.TotalHours / 2)
                {
                    throw new ArgumentException($"steps[{index}].after_hours must be zero or more hours; it was {hours}.");
                }

                var status = OAuthStatus.Parse(step.Status ?? throw new ArgumentException($"steps[{index}].status is required."));
                schedule = schedule.Then(TimeSpan.FromHours(hours), new PartnerEndCustomerOAuthInstitutionApplicationStatus(status), step.ErrorMessage);
            }

            return schedule;
        }

        /// <summary>Puts <paramref name="fault"/> on a Plaid path of the emulator, or on every one with <c>*</c>.</summary>
        public static ControlOutcome<bool> InjectFault(EmulatorRuntime runtime, string path, EmulatorFault fault)
        {
            if (path != FaultInjector.AnyPath && !PlaidOperations.Handlers.ContainsKey(path))
            {
                return new Refusal(
                    RefusalKind.Invalid,
                    $"path '{path}' is not a Plaid path of the emulator; use one of {string.Join(", ", PlaidOperations.Handlers.Keys)} or '{FaultInjector.AnyPath}' for all.");
            }

            runtime.Faults.Set(path, fault);
            return true;
        }

        /// <summary>Where webhooks go from now on; a URL off this machine is refused.</summary>
        public static ControlOutcome<bool> SetWebhookUrl(EmulatorRuntime runtime, Uri? url)
        {
            try
            {
                EmulatorRuntime.CheckWebhookUrl(url, "url");
            }
            catch (ArgumentException e)
            {
                return new Refusal(RefusalKind.Invalid, e.Message);
            }

            runtime.Webhooks.Url = url;
            return true;
        }

        /// <summary>The public copy of a customer: no secrets.</summary>
        public static EmulatorCustomer ToCustomer(CustomerView view) => new()
        {
            ClientId = view.ClientId,
            CompanyName = view.CompanyName,
            ApplicationName = view.ApplicationName,
            Status = new PartnerEndCustomerStatus(view.Status),
            Removed = view.Removed,
            StatusHistory = view.History,
            OAuthStatuses = view.Institutions.ToDictionary(i => i.InstitutionId, i => i.Status),
            RequirementsDue = view.Onboarding?.RequirementsDue,
            ProductStatuses = view.Onboarding?.ProductStatuses,
        };

        public static ClockResult DescribeClock(EmulatorRuntime runtime) => new()
        {
            Now = runtime.Time.GetUtcNow(),
            AdvancedSeconds = runtime.Time.Offset.TotalSeconds,
        };
    }
}
