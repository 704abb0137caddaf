using System;
using System.Collections.Concurrent;
using NUnit.Framework;

namespace Plaid.Partner.TestSupport
{
    /// <summary>
    /// Tests that need something a machine with only the .NET SDK lacks (Chromium, a PostgreSQL server) call
    /// <see cref="Missing(string, string)"/> when it is absent. Locally the test is skipped with the reason and how to enable it, so
    /// the README's <c>dotnet test</c> passes on a fresh machine; with <see cref="RequireVariable"/> set (CI sets it in
    /// .ci/run, after installing and starting everything) the same absence fails the test, so CI never hides one.
    /// </summary>
    public static class ExternalDependency
    {
        private static readonly ConcurrentDictionary<string, bool> Announced = new(StringComparer.Ordinal);

        /// <summary>Set to <c>true</c> (or 1) to turn every skip for a missing dependency into a failure.</summary>
        public const string RequireVariable = "PLAID_PARTNER_REQUIRE_EXTERNAL_TESTS";

        /// <summary>Whether a missing dependency fails the test instead of skipping it.</summary>
        public static bool Required => IsRequired(Environment.GetEnvironmentVariable(RequireVariable));

        /// <summary>Ends the test: a failure when <see cref="Required"/>, otherwise a skip that shows the reason.</summary>
        /// <param name="what">What is missing, e.g. "Chromium is not installed at /usr/bin/chromium".</param>
        /// <param name="howToEnable">How to provide it, e.g. "run 'sudo bash .ci/install-chromium.sh'".</param>
        public static void Missing(string what, string howToEnable) => Missing(what, howToEnable, Required);

        /// <summary>
        /// <see cref="Missing(string, string)"/> with the switch given, so the switch itself can be tested. It throws
        /// NUnit's exceptions rather than calling Assert.Fail, which would also record the failure on the running test.
        /// </summary>
        public static void Missing(string what, string howToEnable, bool required)
        {
            var message = Describe(what, howToEnable);
            if (required)
            {
                throw new AssertionException(message);
            }

            // dotnet test prints a skipped test's name but not its reason; Progress output reaches the console, once a reason.
            if (Announced.TryAdd(message, true))
            {
                TestContext.Progress.WriteLine($"skipped: {message}");
            }

            throw new IgnoreException(message);
        }

        /// <summary>The message <see cref="Missing(string, string)"/> reports.</summary>
        public static string Describe(string what, string howToEnable) =>
            $"{what}. To run this test, {howToEnable}. CI sets {RequireVariable}=true, which makes this a failure.";

        /// <summary>How a value of <see cref="RequireVariable"/> reads: true or 1, in any letter case.</summary>
        public static bool IsRequired(string? value) =>
            value is not null && (value.Trim() == "1" || string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase));
    }
}
