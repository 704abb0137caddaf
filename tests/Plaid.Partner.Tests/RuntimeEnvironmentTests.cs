using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using NUnit.Framework;

namespace Plaid.Partner.Tests
{
    /// <summary>
    /// Each test run is on the runtime and against the library build it is named for: the net8.0 runs really run on
    /// .NET 8 (self-contained, PlaidPartnerTests.props), and Plaid.Partner.NetStandard.Tests really loads the
    /// netstandard2.0 build. The line written here is what build.ps1 prints next to each run's counts.
    /// </summary>
    public class RuntimeEnvironmentTests
    {
#if NET10_0_OR_GREATER
        private const int ExpectedRuntimeMajor = 10;
#else
        private const int ExpectedRuntimeMajor = 8;
#endif

#if PLAID_NETSTANDARD_LIBRARY
        private const string ExpectedLibraryFramework = ".NETStandard,Version=v2.0";
#elif NET10_0_OR_GREATER
        private const string ExpectedLibraryFramework = ".NETCoreApp,Version=v10.0";
#else
        private const string ExpectedLibraryFramework = ".NETCoreApp,Version=v8.0";
#endif

        [Test]
        public void The_run_is_on_the_runtime_and_library_build_it_is_named_for()
        {
            var library = typeof(PlaidPartnerClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
            TestContext.Out.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}; Plaid.Partner build: {library}");

            Assert.Multiple(() =>
            {
                Assert.That(Environment.Version.Major, Is.EqualTo(ExpectedRuntimeMajor), RuntimeInformation.FrameworkDescription);
                Assert.That(library, Is.EqualTo(ExpectedLibraryFramework));
            });
        }
    }
}
