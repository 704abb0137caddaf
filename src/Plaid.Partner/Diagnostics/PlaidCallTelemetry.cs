using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using Plaid.Partner.Internal;

namespace Plaid.Partner.Diagnostics
{
    /// <summary>
    /// One Plaid call's span and duration measurement: <see cref="Start"/> it, then end it once with
    /// <see cref="Succeeded"/> or <see cref="Failed"/>; <see cref="RetryScheduled"/> counts a retry. The HTTP spans are HttpClient's own, beneath this one.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A struct with nothing in it while nobody listens: callers check <see cref="IsEnabled"/> first, so an
    /// unobserved call pays for two field reads and a branch.
    /// </para>
    /// <para>
    /// What a response body says is whoever answered's choice: a metric's <c>error.type</c> is one of the
    /// <see cref="PlaidErrorType.KnownValues"/>, the HTTP status or <c>_OTHER</c>, so a proxy cannot add time series;
    /// a span's error type, code and request id are shown through <see cref="ResponseFieldText"/> (secret redacted, cut).
    /// </para>
    /// </remarks>
    internal readonly struct PlaidCallTelemetry
    {
        private const string Other = "_OTHER";

        private readonly PlaidMetrics _metrics;
        private readonly string _operation;
        private readonly string? _secret;
        private readonly Activity? _activity;
        private readonly TimeProvider? _time;
        private readonly long _started;

        private PlaidCallTelemetry(PlaidMetrics metrics, string operation, string? secret, Activity? activity, TimeProvider? time, long started)
        {
            _metrics = metrics;
            _operation = operation;
            _secret = secret;
            _activity = activity;
            _time = time;
            _started = started;
        }

        /// <summary>True when a listener wants the span or the duration.</summary>
        /// <param name="metrics">The client's instruments.</param>
        public static bool IsEnabled(PlaidMetrics metrics) => PlaidInstruments.Source.HasListeners() || metrics.CallDuration.Enabled;

        /// <summary>Starts the span (a child of the caller's current activity) and the clock.</summary>
        /// <param name="metrics">The client's instruments.</param>
        /// <param name="operation">The operation's path, e.g. <c>/partner/customer/get</c>.</param>
        /// <param name="environment">The client's environment.</param>
        /// <param name="secret">The client's secret, redacted from whatever of the response a tag shows.</param>
        /// <param name="time">The client's clock, so tests with a fake clock see fake durations.</param>
        public static PlaidCallTelemetry Start(PlaidMetrics metrics, string operation, PlaidEnvironment environment, string? secret, TimeProvider time)
        {
            var activity = PlaidInstruments.Source.HasListeners() ? PlaidInstruments.Source.StartActivity("Plaid " + operation, ActivityKind.Client) : null;
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag(PlaidTags.Operation, operation);
                activity.SetTag(PlaidTags.Environment, environment.Name);
                activity.SetTag(PlaidTags.RetryCount, 0);
            }

            var timed = metrics.CallDuration.Enabled;
            return new PlaidCallTelemetry(metrics, operation, secret, activity, timed ? time : null, timed ? time.GetTimestamp() : 0);
        }

        /// <summary>Ends the call as a success with Plaid's <c>request_id</c>.</summary>
        public void Succeeded(string? requestId)
        {
            if (_activity is { } activity)
            {
                if (activity.IsAllDataRequested && requestId is not null)
                {
                    activity.SetTag(PlaidTags.RequestId, ResponseFieldText.Of(requestId, _secret));
                }

                activity.Dispose();
            }

            if (_time is { } time)
            {
                _metrics.CallDuration.Record(
                    time.GetElapsedTime(_started).TotalSeconds,
                    new(PlaidTags.Operation, _operation),
                    new(PlaidTags.Outcome, PlaidOutcomes.Success));
            }
        }

        /// <summary>Ends the call as a failure with the exception the caller will see.</summary>
        public void Failed(Exception exception)
        {
            var (outcome, errorType) = Classify(exception);
            if (_activity is { } activity)
            {
                if (activity.IsAllDataRequested)
                {
                    activity.SetTag(PlaidTags.OpenTelemetryErrorType, errorType);
                    if (exception is PlaidApiException api)
                    {
                        activity.SetTag(PlaidTags.ErrorType, ResponseFieldText.Of(api.ErrorType?.ToString(), _secret));
                        activity.SetTag(PlaidTags.ErrorCode, ResponseFieldText.Of(api.ErrorCode, _secret));
                        activity.SetTag(PlaidTags.RequestId, ResponseFieldText.Of(api.RequestId, _secret));
                    }
                }

                // No description: exception messages may quote what Plaid echoed back about the request.
                activity.SetStatus(ActivityStatusCode.Error);
                activity.Dispose();
            }

            if (_time is { } time)
            {
                _metrics.CallDuration.Record(
                    time.GetElapsedTime(_started).TotalSeconds,
                    new(PlaidTags.Operation, _operation),
                    new(PlaidTags.Outcome, outcome),
                    new(PlaidTags.OpenTelemetryErrorType, errorType));
            }
        }

        /// <summary>
        /// Counts a retry of <paramref name="operation"/> after Plaid's <paramref name="failure"/> or the attempt's
        /// <paramref name="exception"/>, and adds one to the retry count of the call's span, which is the current activity
        /// where the call path retries.
        /// </summary>
        public static void RetryScheduled(PlaidMetrics metrics, string operation, PlaidFailure? failure, Exception? exception)
        {
            if (metrics.Retries.Enabled)
            {
                var errorType = failure is not null ? ErrorTypeOrStatus(failure.Error?.ErrorType, failure.StatusCode) : exception is null ? Other : Classify(exception).ErrorType;
                metrics.Retries.Add(
                    1,
                    new(PlaidTags.Operation, operation),
                    new(PlaidTags.OpenTelemetryErrorType, errorType));
            }

            if (Activity.Current is { } current && ReferenceEquals(current.Source, PlaidInstruments.Source) && current.Kind == ActivityKind.Client && current.IsAllDataRequested)
            {
                current.SetTag(PlaidTags.RetryCount, (current.GetTagItem(PlaidTags.RetryCount) as int? ?? 0) + 1);
            }
        }

        /// <summary>
        /// The outcome and <c>error.type</c> of a failure, few and fixed enough for a metric: Plaid's <c>error_type</c> when
        /// it is one Plaid documents (<c>_OTHER</c> when it is not, the HTTP status when there is none), <c>timeout</c>, or
        /// the exception's type name for transport failures, cancellation and anything else.
        /// </summary>
        internal static (string Outcome, string ErrorType) Classify(Exception exception) => exception switch
        {
            PlaidApiException api => (PlaidOutcomes.PlaidError, ErrorTypeOrStatus(api.ErrorType, (int)api.StatusCode)),
            TimeoutException => (PlaidOutcomes.Timeout, "timeout"),
            OperationCanceledException => (PlaidOutcomes.Canceled, typeof(OperationCanceledException).FullName!),
            HttpRequestException or IOException => (PlaidOutcomes.TransportError, exception.GetType().FullName ?? Other),
            _ => (PlaidOutcomes.Error, exception.GetType().FullName ?? Other),
        };

        private static string ErrorTypeOrStatus(PlaidErrorType? errorType, int status) => errorType?.ToString() switch
        {
            null or "" => status.ToString(CultureInfo.InvariantCulture),
            var known when errorType.Value.IsKnown => known,
            _ => Other,
        };
    }
}
