using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Plaid.Partner.Diagnostics;

namespace Plaid.Partner.Tests.TestSupport
{
    /// <summary>The recorders hear only the test's own flow: work another test left running must not reach this test's asserts.</summary>
    public class TestFlowTests
    {
        [Test]
        public async Task A_span_and_a_measurement_from_outside_the_test_flow_are_ignored()
        {
            using var recorder = new ActivityRecorder();
            using var retries = new MeasurementRecorder<long>(PlaidMetrics.Unhosted.Retries);

            Task leftOver;
            using (ExecutionContext.SuppressFlow())
            {
                leftOver = Task.Run(Record);
            }

            await leftOver;
            Record();

            Assert.Multiple(() =>
            {
                Assert.That(recorder.Stopped, Has.Count.EqualTo(1));
                Assert.That(retries.GetMeasurementSnapshot(), Has.Count.EqualTo(1));
            });
        }

        private static void Record()
        {
            using (PlaidInstruments.Source.StartActivity("test flow probe", ActivityKind.Internal))
            {
                PlaidMetrics.Unhosted.Retries.Add(1);
            }
        }
    }
}
