using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Plaid.Partner.Build.Tests.TestSupport
{
    /// <summary>
    /// The clone these tests were built from: the root Plaid.Partner.Build.Tests.csproj recorded at build time, or, when
    /// that folder is gone (the test assembly copied elsewhere), the nearest folder above the test assembly that holds
    /// Plaid.Partner.sln.
    /// </summary>
    internal static class Repository
    {
        private const string Marker = "Plaid.Partner.sln";

        public static string Root { get; } = Find();

        public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

        public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

        private static string Find()
        {
            var recorded = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "RepositoryRoot")?.Value;
            if (!string.IsNullOrEmpty(recorded) && File.Exists(Path.Combine(recorded, Marker)))
            {
                return Path.GetFullPath(recorded);
            }

            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, Marker)))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"No {Marker} at the recorded root '{recorded}' nor above {AppContext.BaseDirectory}.");
        }
    }
}
