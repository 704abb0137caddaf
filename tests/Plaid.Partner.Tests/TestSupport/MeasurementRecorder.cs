using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>
    /// Keeps every measurement of one instrument recorded in the test's own async flow (see <see cref="TestFlow"/>);
    /// measurements from work another test left running are ignored.
    /// </summary>
    internal sealed class MeasurementRecorder<T> : IDisposable
        where T : struct
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<RecordedMeasurement<T>> _recorded = new();
        private readonly object _flow = TestFlow.Enter();

        public MeasurementRecorder(Instrument<T> instrument)
        {
            Instrument = instrument;
            _listener.InstrumentPublished = (published, listener) =>
            {
                if (ReferenceEquals(published, instrument))
                {
                    listener.EnableMeasurementEvents(published);
                }
            };
            _listener.SetMeasurementEventCallback<T>((_, value, tags, _) =>
            {
                if (TestFlow.IsIn(_flow))
                {
                    var copied = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var tag in tags)
                    {
                        copied[tag.Key] = tag.Value;
                    }

                    _recorded.Enqueue(new RecordedMeasurement<T>(value, copied));
                }
            });
            _listener.Start();
        }

        public Instrument<T> Instrument { get; }

        public IReadOnlyList<RecordedMeasurement<T>> GetMeasurementSnapshot() => _recorded.ToArray();

        public void Dispose() => _listener.Dispose();
    }
}
