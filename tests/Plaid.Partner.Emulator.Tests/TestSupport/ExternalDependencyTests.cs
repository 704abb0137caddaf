using NUnit.Framework;
using Plaid.Partner.TestSupport;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>The switch that lets a fresh machine skip the browser and database tests and makes CI run them all.</summary>
    public class ExternalDependencyTests
    {
        [Test]
        public void A_missing_dependency_skips_the_test_with_the_reason_and_how_to_enable_it_when_not_required()
        {
            var skip = Assert.Throws<IgnoreException>(() => ExternalDependency.Missing("Chromium is not installed", "install it", required: false));

            Assert.That(skip!.Message, Does.Contain("Chromium is not installed").And.Contain("install it").And.Contain(ExternalDependency.RequireVariable));
        }

        [Test]
        public void A_missing_dependency_fails_the_test_when_required()
        {
            var failure = Assert.Throws<AssertionException>(() => ExternalDependency.Missing("PostgreSQL is not reachable", "start it", required: true));

            Assert.That(failure!.Message, Does.Contain("PostgreSQL is not reachable"));
        }

        [TestCase("true", true)]
        [TestCase("TRUE", true)]
        [TestCase("1", true)]
        [TestCase(" true ", true)]
        [TestCase("false", false)]
        [TestCase("0", false)]
        [TestCase("", false)]
        [TestCase(null, false)]
        public void The_switch_reads_true_or_1_as_required(string? value, bool required) =>
            Assert.That(ExternalDependency.IsRequired(value), Is.EqualTo(required));
    }
}
