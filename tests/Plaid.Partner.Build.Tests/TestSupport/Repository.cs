using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Plaid.Partner.Build.Tests.TestSupport
{
    /// <summary>The clone these tests were built from (Plaid.Partner.Build.Tests.csproj records its root).</summary>
    internal static class Repository
    {
        public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value ?? throw new InvalidOperationException("no RepositoryRoot metadata");

        public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

        public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));
    }
}
