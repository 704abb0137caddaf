using System.Reflection;

namespace Plaid.Partner.Diagnostics
{
    /// <summary>
    /// The version an assembly of this library reports (its informational version, else its assembly version): the one
    /// lookup behind the User-Agent, the ActivitySources and the meters of the client, the ASP.NET Core endpoint and the
    /// ledger (which compiles this file in).
    /// </summary>
    internal static class LibraryVersion
    {
        /// <summary>Plaid.Partner's own, e.g. <c>1.2.0+3f2c1ab</c>.</summary>
        public static readonly string Core = Of(typeof(LibraryVersion).Assembly);

        /// <summary><see cref="Core"/> without the build metadata after <c>+</c>, e.g. <c>1.2.0</c>.</summary>
        public static string CoreWithoutBuild => Core.IndexOf('+') is var plus and >= 0 ? Core.Substring(0, plus) : Core;

        public static string Of(Assembly assembly) =>
            assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
    }
}
