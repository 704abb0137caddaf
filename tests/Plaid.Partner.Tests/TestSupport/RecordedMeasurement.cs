using System.Collections.Generic;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>One measurement a <see cref="MeasurementRecorder{T}"/> kept: its value and a copy of its tags.</summary>
    internal sealed class RecordedMeasurement<T>
        where T : struct
    {
        public RecordedMeasurement(T value, IReadOnlyDictionary<string, object?> tags)
        {
            Value = value;
            Tags = tags;
        }

        public T Value { get; }

        public IReadOnlyDictionary<string, object?> Tags { get; }
    }
}
