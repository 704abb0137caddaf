using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Plaid.Partner.Diagnostics;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>
    /// An <see cref="ActivityListener"/> on the Plaid.Partner source that keeps every span started in the test's own
    /// async flow (see <see cref="TestFlow"/>); spans from work another test left running are ignored.
    /// </summary>
    internal sealed class ActivityRecorder : IDisposable
    {
        private const string FlowProperty = "Plaid.Partner.Tests.TestFlow";

        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<Activity> _stopped = new();
        private readonly object _flow = TestFlow.Enter();

        public ActivityRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == PlaidPartnerTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStarted = activity =>
                {
                    if (TestFlow.IsIn(_flow))
                    {
                        activity.SetCustomProperty(FlowProperty, _flow);
                    }
                },
                ActivityStopped = activity =>
                {
                    if (ReferenceEquals(activity.GetCustomProperty(FlowProperty), _flow))
                    {
                        _stopped.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> Stopped => _stopped.ToArray();

        public Activity Single() => Stopped.Single();

        public void Dispose() => _listener.Dispose();
    }
}
