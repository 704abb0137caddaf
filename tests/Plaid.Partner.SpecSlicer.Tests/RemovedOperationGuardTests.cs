using NUnit.Framework;
using Plaid.Partner.SpecSlicer.Tests.TestSupport;

namespace Plaid.Partner.SpecSlicer.Tests
{
    public class RemovedOperationGuardTests
    {
        private static readonly string[] Sliced = { "POST /partner/customer/get" };

        [Test]
        public void An_operation_missing_from_the_new_slice_is_refused_and_named()
        {
            var current = Spec.Read("paths:\n  /partner/customer/get:\n    post: {}\n  /partner/customer/enable:\n    post: {}\n");

            var exception = Assert.Throws<SpecSliceException>(() => RemovedOperationGuard.Check(current, Sliced, acceptRemoved: false));

            Assert.That(exception!.Message, Does.Contain("POST /partner/customer/enable").And.Contain("--accept-removed-operations"));
        }

        [Test]
        public void An_accepted_removal_is_returned_for_the_summary()
        {
            var current = Spec.Read("paths:\n  /partner/customer/enable:\n    post: {}\n");

            Assert.That(RemovedOperationGuard.Check(current, Sliced, acceptRemoved: true), Is.EqualTo(new[] { "POST /partner/customer/enable" }));
        }

        [Test]
        public void Added_operations_and_a_first_run_are_fine()
        {
            var current = Spec.Read("paths: {}\n");

            Assert.Multiple(() =>
            {
                Assert.That(RemovedOperationGuard.Check(current, Sliced, acceptRemoved: false), Is.Empty);
                Assert.That(RemovedOperationGuard.Check(null, Sliced, acceptRemoved: false), Is.Empty);
            });
        }
    }
}
