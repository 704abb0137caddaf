using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Plaid.Partner.Diagnostics;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>An <see cref="ActivityListener"/> on the Plaid.Partner source that keeps every span it stops.</summary>
    internal sealed class ActivityRecorder : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<Activity> _stopped = new();

        public ActivityRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == PlaidPartnerTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> Stopped => _stopped.ToArray();

        public Activity Single() => Stopped.Single();

        public void Dispose() => _listener.Dispose();
    }
}
