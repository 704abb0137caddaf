using System;
using System.IO;
using NUnit.Framework;

namespace Plaid.Partner.Emulator.Tests.TestSupport
{
    /// <summary>Files tests leave for people to look at (screenshots): artifacts/ at the repository root, kept out of git.</summary>
    internal static class TestArtifacts
    {
        /// <summary>The full path for <paramref name="fileName"/> under artifacts/console/, its folder created.</summary>
        public static string PathFor(string fileName)
        {
            var folder = Path.Combine(RepositoryRoot(), "artifacts", "console");
            Directory.CreateDirectory(folder);
            return Path.Combine(folder, fileName);
        }

        /// <summary>Says where the file is, in the test output and as an attachment of the test result.</summary>
        public static void Announce(string path, string what)
        {
            TestContext.Progress.WriteLine($"{what}: {path}");
            TestContext.AddTestAttachment(path, what);
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Plaid.Partner.sln")))
                {
                    return dir.FullName;
                }
            }

            return TestContext.CurrentContext.WorkDirectory;
        }
    }
}
