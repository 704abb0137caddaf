using System;
using System.Collections.Generic;
using System.Diagnostics;
using Plaid.Partner.Webhooks;

namespace Plaid.Partner.Diagnostics
{
    /// <summary>
    /// One webhook verification's span and count. The span's tags are the result and the failure reason only: the
    /// header, its <c>kid</c> and the body come from whoever posted and are never tagged.
    /// </summary>
    internal static class WebhookVerificationTelemetry
    {
        public const string SpanName = "Plaid webhook verification";

        private const string Verified = "verified";
        private const string Refused = "refused";

        // Enum.ToString reflects and allocates on every call; the names are fixed, so they are looked up once.
        private static readonly string?[] ReasonNames = BuildReasonNames();

        /// <summary>The span, or null while nobody listens to the source.</summary>
        public static Activity? Start() =>
            PlaidInstruments.Source.HasListeners() ? PlaidInstruments.Source.StartActivity(SpanName, ActivityKind.Internal) : null;

        /// <summary>Ends the span with <paramref name="result"/> and counts it.</summary>
        public static void Completed(PlaidMetrics metrics, Activity? activity, WebhookVerificationResult result)
        {
            var reason = result.FailureReason is { } failure ? ReasonName(failure) : null;
            if (activity is not null)
            {
                if (activity.IsAllDataRequested)
                {
                    activity.SetTag(PlaidTags.VerificationResult, reason is null ? Verified : Refused);
                    activity.SetTag(PlaidTags.VerificationFailureReason, reason);
                    activity.SetTag(PlaidTags.OpenTelemetryErrorType, reason);
                }

                if (reason is not null)
                {
                    activity.SetStatus(ActivityStatusCode.Error);
                }

                activity.Dispose();
            }

            if (metrics.WebhookVerifications.Enabled)
            {
                if (reason is null)
                {
                    metrics.WebhookVerifications.Add(1, new KeyValuePair<string, object?>(PlaidTags.VerificationResult, Verified));
                }
                else
                {
                    metrics.WebhookVerifications.Add(1, new(PlaidTags.VerificationResult, Refused), new(PlaidTags.VerificationFailureReason, reason));
                }
            }
        }

        /// <summary>Ends the span of a verification that threw (the caller cancelled); nothing is counted.</summary>
        public static void Abandoned(Activity? activity, Exception exception)
        {
            if (activity is null)
            {
                return;
            }

            if (activity.IsAllDataRequested)
            {
                activity.SetTag(PlaidTags.OpenTelemetryErrorType, PlaidCallTelemetry.Classify(exception).ErrorType);
            }

            activity.SetStatus(ActivityStatusCode.Error);
            activity.Dispose();
        }

        private static string ReasonName(WebhookVerificationFailureReason reason) =>
            (int)reason < ReasonNames.Length && ReasonNames[(int)reason] is { } name ? name : reason.ToString();

        private static string?[] BuildReasonNames()
        {
            var values = (WebhookVerificationFailureReason[])Enum.GetValues(typeof(WebhookVerificationFailureReason));
            var max = 0;
            foreach (var value in values)
            {
                max = Math.Max(max, (int)value);
            }

            var names = new string?[max + 1];
            foreach (var value in values)
            {
                names[(int)value] = value.ToString();
            }

            return names;
        }
    }
}
